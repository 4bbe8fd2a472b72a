//! The `kommunbench` Python module: ingestion, mapping (built-in mappers,
//! a Python callable, or precomputed embeddings), coverage matrices,
//! metrics, evaluation and the report, with tables as polars `DataFrame`s.
#![deny(missing_docs)]
#![expect(clippy::needless_pass_by_value, reason = "Python function arguments are extracted by value")]

mod api;
mod errors;
mod mappers;
mod types;

use pyo3::prelude::*;

/// mimalloc, as in the command line: the pipeline's many small
/// allocations per document cost a sixth of a run with the system
/// allocator. Frames handed to Python carry their own release callbacks.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled core of the `kommunbench` package.
#[pymodule]
fn _kommunbench(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<types::PyDocument>()?;
    m.add_class::<types::PyPriority>()?;
    m.add_class::<types::PyFramework>()?;
    m.add_class::<types::PyCorpus>()?;
    m.add_class::<types::PyEmbeddings>()?;
    m.add_class::<api::PyBenchmark>()?;
    m.add_function(wrap_pyfunction!(api::frameworks, m)?)?;
    m.add_function(wrap_pyfunction!(api::load_framework, m)?)?;
    m.add_function(wrap_pyfunction!(api::read_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(api::from_texts, m)?)?;
    m.add_function(wrap_pyfunction!(api::units, m)?)?;
    m.add_function(wrap_pyfunction!(api::map, m)?)?;
    m.add_function(wrap_pyfunction!(api::coverage, m)?)?;
    m.add_function(wrap_pyfunction!(api::read_coverage, m)?)?;
    m.add_function(wrap_pyfunction!(api::read_benchmark, m)?)?;
    m.add_function(wrap_pyfunction!(api::matrix, m)?)?;
    m.add_function(wrap_pyfunction!(api::benchmark, m)?)?;
    m.add_function(wrap_pyfunction!(api::evaluate, m)?)?;
    m.add("POLARS_RUST_VERSION", "0.55.2")?;
    // Timings need to know: `scripts/test.sh` builds a debug module in
    // place, where an editable install elsewhere (benches/peers) finds it.
    m.add("BUILD_PROFILE", if cfg!(debug_assertions) { "debug" } else { "release" })?;
    Ok(())
}

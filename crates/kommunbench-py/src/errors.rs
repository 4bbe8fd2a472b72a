//! One base exception and a subclass per kind of error, and the single
//! conversion from the crates' errors.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(kommunbench._kommunbench, KommunbenchError, PyException, "Base class of every kommunbench error.");
create_exception!(kommunbench._kommunbench, InputFileError, KommunbenchError, "An input document or manifest could not be read.");
create_exception!(
    kommunbench._kommunbench,
    FrameworkError,
    KommunbenchError,
    "An unknown framework, or a framework file that is not valid."
);
create_exception!(kommunbench._kommunbench, UnknownAreaError, KommunbenchError, "An area id that the framework does not have.");
create_exception!(kommunbench._kommunbench, LexiconError, KommunbenchError, "A lexicon that is missing or not valid.");
create_exception!(
    kommunbench._kommunbench,
    GoldFileError,
    KommunbenchError,
    "A hand coding (gold) file that is not valid or does not fit the corpus."
);
create_exception!(
    kommunbench._kommunbench,
    MapperError,
    KommunbenchError,
    "A user mapper that failed or returned something unusable."
);
create_exception!(
    kommunbench._kommunbench,
    OutputError,
    KommunbenchError,
    "A table, heatmap or report that could not be computed or written."
);

/// Every error the bindings raise, before it becomes a Python exception.
#[derive(Debug)]
pub(crate) enum Error {
    Input(String),
    Framework(String),
    UnknownArea(String),
    Lexicon(String),
    Gold(String),
    Mapper(String),
    Output(String),
    Python(PyErr),
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        match e {
            Error::Input(m) => InputFileError::new_err(m),
            Error::Framework(m) => FrameworkError::new_err(m),
            Error::UnknownArea(m) => UnknownAreaError::new_err(m),
            Error::Lexicon(m) => LexiconError::new_err(m),
            Error::Gold(m) => GoldFileError::new_err(m),
            Error::Mapper(m) => MapperError::new_err(m),
            Error::Output(m) => OutputError::new_err(m),
            Error::Python(e) => e,
        }
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error::Python(e)
    }
}

macro_rules! kind {
    ($($source:ty => $variant:ident),* $(,)?) => {
        $(impl From<$source> for Error {
            fn from(e: $source) -> Error {
                Error::$variant(e.to_string())
            }
        })*
    };
}

kind! {
    kommunbench_core::IngestError => Input,
    kommunbench_core::CorpusError => Input,
    kommunbench_core::IdError => Input,
    kommunbench_core::RegistryError => Input,
    kommunbench_core::FrameworkError => Framework,
    kommunbench_mapping::LexiconError => Lexicon,
    kommunbench_mapping::GoldError => Gold,
    kommunbench_mapping::EvaluationError => Gold,
    kommunbench_analysis::BenchmarkError => Output,
    kommunbench_report::ReportError => Output,
    kommunbench_analysis::ExportError => Output,
    kommunbench_analysis::PeerGroupError => Input,
    kommunbench_analysis::CrosswalkError => Framework,
    polars::prelude::PolarsError => Output,
    serde_json::Error => Output,
}

impl From<kommunbench_analysis::PipelineError> for Error {
    fn from(e: kommunbench_analysis::PipelineError) -> Error {
        use kommunbench_analysis::PipelineError as P;
        match e {
            P::Framework(e) => e.into(),
            P::Lexicon(e) => e.into(),
            P::Groups(e) => e.into(),
            other => Error::Mapper(other.to_string()),
        }
    }
}

/// Registers the exception classes on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KommunbenchError", py.get_type::<KommunbenchError>())?;
    m.add("InputFileError", py.get_type::<InputFileError>())?;
    m.add("FrameworkError", py.get_type::<FrameworkError>())?;
    m.add("UnknownAreaError", py.get_type::<UnknownAreaError>())?;
    m.add("LexiconError", py.get_type::<LexiconError>())?;
    m.add("GoldFileError", py.get_type::<GoldFileError>())?;
    m.add("MapperError", py.get_type::<MapperError>())?;
    m.add("OutputError", py.get_type::<OutputError>())?;
    Ok(())
}

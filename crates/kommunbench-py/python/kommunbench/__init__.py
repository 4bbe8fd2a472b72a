"""kommunbench: benchmark municipal integration policies side by side.

Read documents, map their priorities and text to the areas of a national
framework, and get coverage matrices, benchmarking metrics and reports as
polars DataFrames::

    import kommunbench as kb

    corpus = kb.read_corpus(["fixtures/corpus"])
    bench = kb.benchmark(corpus.documents)
    bench.wide("score")          # municipality x area, a polars DataFrame
    bench.metrics                # breadth, depth, balance, gaps, ...
    bench.write("report")        # CSV, Parquet, heatmap.svg, report.html
"""

from __future__ import annotations

import polars as _polars

# pyo3-polars hands DataFrames over through polars' internal series
# export, which this range of Python polars reads.
_POLARS_SUPPORTED = ((1, 20), (3, 0))


def _check_polars(version: str) -> None:
    parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    low, high = _POLARS_SUPPORTED
    if len(parts) < 2 or not (low <= parts < high):
        raise ImportError(
            f"kommunbench needs Python polars >= {low[0]}.{low[1]} and < {high[0]}.{high[1]} "
            f"(it was built with Rust polars 0.55); found polars {version}. "
            f"Install a supported one, e.g. `pip install 'polars>={low[0]}.{low[1]},<{high[0]}'`."
        )


_check_polars(_polars.__version__)

from kommunbench._kommunbench import (  # noqa: E402
    BUILD_PROFILE,
    POLARS_RUST_VERSION,
    Benchmark,
    Corpus,
    Document,
    Embeddings,
    Framework,
    FrameworkError,
    GoldFileError,
    InputFileError,
    KommunbenchError,
    LexiconError,
    MapperError,
    OutputError,
    Priority,
    UnknownAreaError,
    benchmark,
    coverage,
    evaluate,
    frameworks,
    from_texts,
    load_framework,
    map,
    matrix,
    read_benchmark,
    read_corpus,
    read_coverage,
    units,
)

__all__ = [
    "BUILD_PROFILE",
    "POLARS_RUST_VERSION",
    "Benchmark",
    "Corpus",
    "Document",
    "Embeddings",
    "Framework",
    "FrameworkError",
    "GoldFileError",
    "InputFileError",
    "KommunbenchError",
    "LexiconError",
    "MapperError",
    "OutputError",
    "Priority",
    "UnknownAreaError",
    "benchmark",
    "coverage",
    "evaluate",
    "frameworks",
    "from_texts",
    "load_framework",
    "map",
    "matrix",
    "read_benchmark",
    "read_corpus",
    "read_coverage",
    "units",
]

//! Coverage matrices and benchmarking metrics across municipalities, on
//! polars.
#![deny(missing_docs)]

mod frames;
mod matrix;

pub use frames::{alignments, document_coverage, evidence, municipality_label};
pub use matrix::{Aggregation, CoverageMatrix, Level};
pub use polars;

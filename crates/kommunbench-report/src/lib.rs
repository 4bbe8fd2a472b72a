//! Drawing and writing a [`Benchmark`]: the heatmap (SVG, drawn with
//! plotters), the HTML report, and the report folder with every table,
//! written as one unit. The analysis crate computes; this one renders.
//!
//! ```
//! use kommunbench_analysis::Pipeline;
//! use kommunbench_core::Ingester;
//!
//! let doc = Ingester::new().ingest_str("vaggeryd", "Mål\n\nDelmål\n\n\
//!     Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n")?;
//! let bench = Pipeline::builder().build()?.run(&[doc]);
//! let dir = tempfile::tempdir()?;
//! let files = kommunbench_report::write_report(&bench, &dir.path().join("report"), Vec::new())?;
//! assert_eq!(files.len(), kommunbench_report::REPORT_FILES.len());
//! assert!(kommunbench_report::heatmap(&bench)?.starts_with("<svg"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod data;
mod outdir;
mod render;
mod write;

pub use data::report_data;
pub use outdir::{REPORT_MARKER, ReportDir};
pub use render::{RenderError, ReportCell, ReportData, ReportEvidence, ReportRow, Table, heatmap_svg, report_html};
pub use write::{REPORT_FILES, write_report, write_report_with};

use kommunbench_analysis::{Benchmark, ExportError};
use polars::prelude::PolarsError;

/// Why a report could not be made or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A table could not be read for the page.
    #[error("cannot compute the tables: {0}")]
    Polars(#[from] PolarsError),
    /// A file could not be written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The heatmap or the page could not be drawn.
    #[error("cannot draw the report: {0}")]
    Render(#[from] RenderError),
}

/// The benchmark's heatmap as SVG.
pub fn heatmap(bench: &Benchmark) -> Result<String, ReportError> {
    Ok(heatmap_svg(&report_data(bench, Vec::new())?)?)
}

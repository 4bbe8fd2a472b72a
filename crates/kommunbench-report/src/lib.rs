//! Drawing and writing a [`Benchmark`]: the map of Sweden, the heatmap
//! (SVG, drawn with plotters), the overview page and a page per row (HTML
//! from minijinja templates), and the report folder with every table,
//! written as one unit. The analysis crate computes; this one renders.
//!
//! ```
//! use kommunbench_analysis::Pipeline;
//! use kommunbench_ingest::Ingester;
//!
//! let doc = Ingester::new().ingest_str("vaggeryd", "Mål\n\nDelmål\n\n\
//!     Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n")?;
//! let bench = Pipeline::builder().build()?.run(&[doc]);
//! let dir = tempfile::tempdir()?;
//! let files = kommunbench_report::write_report(&bench, &dir.path().join("report"), Vec::new())?;
//! assert_eq!(files.len(), kommunbench_report::REPORT_FILES.len() + 1); // and the pages' folder
//! let options = kommunbench_report::ReportOptions::default();
//! assert!(kommunbench_report::heatmap(&bench, &options)?.starts_with("<svg"));
//! assert_eq!(kommunbench_report::map(&bench, &options)?.matches("<path class=\"m").count(), 290);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod data;
mod outcomes;
mod outdir;
mod render;
mod write;

pub use data::{EVIDENCE_SENTENCES, PAGE_PRIORITIES, ReportOptions, RowOrder, report_data, slug};
pub use outdir::{REPORT_MARKER, ReportDir};
pub use render::{
    RenderError, ReportCell, ReportData, ReportDocument, ReportEvidence, ReportKpi, ReportMerge, ReportOutcomes, ReportPeer,
    ReportPoint, ReportPriority, ReportRow, ReportRowKpi, Table, area_chart_svg, breadth_chart_svg, heatmap_svg, map_svg,
    municipality_html, report_html, scatter_svg,
};
pub use write::{PAGES_DIR, REPORT_FILES, write_report, write_report_with};

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

/// The benchmark's heatmap as SVG, its rows in `options.order`.
pub fn heatmap(bench: &Benchmark, options: &ReportOptions) -> Result<String, ReportError> {
    Ok(heatmap_svg(&report_data(bench, Vec::new(), options)?)?)
}

/// The benchmark's map of Sweden as SVG, coloured by breadth or by
/// `options.map_area`.
pub fn map(bench: &Benchmark, options: &ReportOptions) -> Result<String, ReportError> {
    Ok(map_svg(&report_data(bench, Vec::new(), options)?)?)
}

/// The scatter of one key figure against the coverage of its area, as the
/// report's "Policy and outcomes" section draws it (`None` when `kpi` is
/// not among `outcomes`' key figures).
pub fn outcome_scatter(
    bench: &Benchmark,
    outcomes: &kommunbench_analysis::OutcomeReport,
    kpi: &str,
) -> Result<Option<String>, ReportError> {
    let options = ReportOptions { outcomes: Some(outcomes.clone()), ..ReportOptions::default() };
    let data = report_data(bench, Vec::new(), &options)?;
    Ok(data.outcomes.and_then(|o| o.kpis.into_iter().find(|k| k.kpi == kpi)).map(|k| k.scatter))
}

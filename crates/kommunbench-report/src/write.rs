//! The report folder: every table, the heatmap and the page, written as
//! one unit. [`FILES`] is the one list of what it holds.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use kommunbench_analysis::{Benchmark, ExportError, write_atomic, write_table};
use polars::prelude::{DataFrame, PolarsResult};
use rayon::prelude::*;

use crate::outdir::ReportDir;
use crate::render::{ReportData, heatmap_svg, map_svg, municipality_html, report_html};
use crate::{ReportError, ReportOptions, report_data};

/// What a report file holds.
enum Content {
    /// A table of the benchmark, in the format its extension names.
    Table(fn(&Benchmark) -> PolarsResult<DataFrame>),
    /// A table too large to hold whole, written as it is made.
    Streamed(fn(&Benchmark, &Path) -> Result<(), ExportError>),
    /// A drawing of the report data.
    Drawing(fn(&ReportData) -> Result<String, crate::RenderError>),
}

/// Every file of the report folder, in the order they are listed; the
/// rows' pages follow in [`PAGES_DIR`].
const FILES: [(&str, Content); 12] = [
    ("coverage.csv", Content::Table(|b| b.matrix.long())),
    ("coverage.parquet", Content::Table(|b| b.matrix.long())),
    ("documents.csv", Content::Table(Benchmark::document_coverage)),
    ("metrics.csv", Content::Table(Benchmark::metrics)),
    ("areas.csv", Content::Table(Benchmark::area_metrics)),
    ("peers.csv", Content::Table(Benchmark::peers)),
    ("changes.csv", Content::Table(Benchmark::changes)),
    ("evidence.csv", Content::Streamed(Benchmark::write_evidence_csv)),
    ("priorities.csv", Content::Table(Benchmark::priorities)),
    ("heatmap.svg", Content::Drawing(heatmap_svg)),
    ("map.svg", Content::Drawing(map_svg)),
    ("report.html", Content::Drawing(report_html)),
];

/// The folder of the rows' pages, one `SLUG.html` per row (see
/// [`slug`](crate::slug)), with the row's priorities and evidence.
pub const PAGES_DIR: &str = "municipalities";

/// The names of the files [`write_report`] writes besides [`PAGES_DIR`].
pub const REPORT_FILES: [&str; FILES.len()] = {
    let mut names = [""; FILES.len()];
    let mut i = 0;
    while i < FILES.len() {
        names[i] = FILES[i].0;
        i += 1;
    }
    names
};

/// Writes every file of [`REPORT_FILES`] and the rows' pages in
/// [`PAGES_DIR`] into the report folder `dir` as one unit (see
/// [`ReportDir`]), drawn with the default [`ReportOptions`]; `notes` (such
/// as inputs that failed) go into the page. Returns the files' final paths
/// and the pages' folder.
pub fn write_report(bench: &Benchmark, dir: &Path, notes: Vec<String>) -> Result<Vec<PathBuf>, ReportError> {
    write_report_with(bench, dir, notes, &ReportOptions::default(), |_| Ok(Vec::new()))
}

/// Like [`write_report`], drawn with `options`, with more files written by
/// `also` into the same unit (it gets the folder to write into, and returns
/// the names it wrote).
pub fn write_report_with(
    bench: &Benchmark,
    dir: &Path,
    notes: Vec<String>,
    options: &ReportOptions,
    also: impl FnOnce(&Path) -> Result<Vec<String>, ExportError>,
) -> Result<Vec<PathBuf>, ReportError> {
    let staged = ReportDir::create(dir)?;
    let data = report_data(bench, notes, options)?;
    for (name, content) in &FILES {
        let path = staged.path().join(name);
        match content {
            Content::Table(table) => write_table(&table(bench)?, &path)?,
            Content::Streamed(write) => write(bench, &path)?,
            Content::Drawing(draw) => write_text(&path, &draw(&data)?)?,
        }
    }
    let pages = staged.path().join(PAGES_DIR);
    std::fs::create_dir_all(&pages).map_err(|source| ExportError::Io { path: pages.clone(), source })?;
    // Each page is drawn and written on its own: on every core.
    data.rows.par_iter().try_for_each(|row| -> Result<(), ReportError> {
        let path = pages.join(format!("{}.html", row.slug));
        write_text(&path, &municipality_html(&data, row)?)?;
        Ok(())
    })?;
    let mut extra = Vec::new();
    if let Some(outcomes) = &options.outcomes {
        for (name, table) in [
            ("outcomes.csv", outcomes.frame()?),
            ("outcomes-summary.csv", outcomes.summary_frame()?),
            ("outcomes-gaps.csv", outcomes.gaps_frame()?),
        ] {
            write_table(&table, &staged.path().join(name))?;
            extra.push(name.to_owned());
        }
    }
    extra.extend(also(staged.path())?);
    let target = staged.commit()?;
    Ok(REPORT_FILES
        .iter()
        .chain(std::iter::once(&PAGES_DIR))
        .map(|f| target.join(f))
        .chain(extra.iter().map(|f| target.join(f)))
        .collect())
}

fn write_text(path: &Path, text: &str) -> Result<(), ExportError> {
    write_atomic(path, |out| out.write_all(text.as_bytes()).map_err(|source| ExportError::Io { path: path.to_owned(), source }))
}

//! The whole benchmark of a corpus: every table of the report, computed
//! once, and written to a directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_mapping::DocumentMapping;
use polars::prelude::*;

use crate::export::{ExportError, text_rows, write_atomic, write_table};
use crate::frames::{alignments, document_coverage, evidence, municipality_label};
use crate::matrix::{Aggregation, CoverageMatrix, Granularity};
use crate::metrics::{area_metrics, municipality_metrics};
use crate::outdir::ReportDir;
use crate::peers::{NEAREST_PEERS, nearest_peers, similarities};
use crate::profile::{Profile, profiles};
use crate::render::{ReportCell, ReportData, ReportEvidence, ReportRow, Table, heatmap_svg, report_html};
use crate::timeline::{Generation, changes};

/// Why a report could not be made or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BenchmarkError {
    /// A table could not be computed.
    #[error("cannot compute the tables: {0}")]
    Polars(#[from] PolarsError),
    /// A file could not be written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The heatmap or the page could not be drawn.
    #[error("cannot draw the report: {0}")]
    Render(#[from] crate::render::RenderError),
}

/// Every table of a benchmark.
#[derive(Debug, Clone)]
pub struct Benchmark {
    /// The framework: area ids and Swedish titles, in order.
    pub areas: Vec<(String, String)>,
    /// The framework id.
    pub framework: String,
    /// The score at which an area is covered.
    pub threshold: f64,
    /// Unit x area candidates (see [`crate::alignments`]).
    pub alignments: DataFrame,
    /// Document x area coverage with metadata.
    pub document_coverage: DataFrame,
    /// The evidence behind document coverage.
    pub evidence: DataFrame,
    /// The municipality x area matrix.
    pub matrix: CoverageMatrix,
    /// Its rows as profiles.
    pub profiles: Vec<Profile>,
    /// Per-municipality metrics.
    pub metrics: DataFrame,
    /// Per-area metrics.
    pub area_metrics: DataFrame,
    /// Pairwise similarity of the municipalities.
    pub peers: DataFrame,
    /// Changes between dated documents of one municipality.
    pub changes: DataFrame,
    /// Document ids per municipality.
    pub documents: HashMap<String, Vec<String>>,
}

/// The files [`Benchmark::write`] writes.
pub const REPORT_FILES: &[&str] = &[
    "coverage.csv",
    "coverage.parquet",
    "documents.csv",
    "metrics.csv",
    "areas.csv",
    "peers.csv",
    "changes.csv",
    "evidence.csv",
    "heatmap.svg",
    "report.html",
];

impl Benchmark {
    /// Computes every table from mapped documents. `groups` maps
    /// municipalities to peer groups (empty: all are peers).
    pub fn build(
        framework: &Framework,
        threshold: f64,
        docs: &[PolicyDocument],
        mappings: &[DocumentMapping],
        groups: &HashMap<String, String>,
    ) -> Result<Benchmark, BenchmarkError> {
        let area_ids: Vec<String> = framework.areas().iter().map(|a| a.id.to_string()).collect();
        let alignments = alignments(mappings, docs)?;
        let matrix = CoverageMatrix::compute(alignments.clone().lazy(), &area_ids, Granularity::Municipality, threshold)?;
        let profiles = profiles(&matrix)?;
        let mut documents: HashMap<String, Vec<String>> = HashMap::new();
        let mut local: HashMap<String, u32> = HashMap::new();
        for (d, m) in docs.iter().zip(mappings) {
            let name = municipality_label(d);
            documents.entry(name.clone()).or_default().push(d.id.to_string());
            *local.entry(name).or_default() += m.local_priorities.len() as u32;
        }
        let doc_counts: HashMap<String, u32> = documents.iter().map(|(k, v)| (k.clone(), v.len() as u32)).collect();
        let generations: Vec<Generation> = docs
            .iter()
            .zip(mappings)
            .map(|(d, m)| Generation {
                municipality: municipality_label(d),
                document: d.id.to_string(),
                date: d.dates.effective().map(|d| d.to_string()).unwrap_or_default(),
                coverage: m.coverage.iter().map(|c| (c.score, c.covered)).collect(),
            })
            .collect();
        Ok(Benchmark {
            areas: framework.areas().iter().map(|a| (a.id.to_string(), a.title_sv.clone())).collect(),
            framework: framework.id().to_string(),
            threshold,
            document_coverage: document_coverage(mappings, docs)?,
            evidence: evidence(mappings, docs)?,
            metrics: municipality_metrics(&profiles, &area_ids, groups, &doc_counts, &local)?,
            area_metrics: area_metrics(&profiles, &area_ids)?,
            peers: nearest_peers(&profiles, NEAREST_PEERS)?,
            changes: changes(&generations, &area_ids, 0.1)?,
            alignments,
            matrix,
            profiles,
            documents,
        })
    }

    /// The matrix for the terminal: one row per municipality, the score per
    /// area, `*` where covered.
    pub fn terminal_matrix(&self) -> PolarsResult<DataFrame> {
        let mut columns =
            vec![Column::new("municipality".into(), self.profiles.iter().map(|p| p.name.clone()).collect::<Vec<_>>())];
        for (i, (area, _)) in self.areas.iter().enumerate() {
            let cells: Vec<String> =
                self.profiles.iter().map(|p| format!("{:.2}{}", p.scores[i], if p.covered[i] { "*" } else { " " })).collect();
            columns.push(Column::new(area.as_str().into(), cells));
        }
        DataFrame::new_infer_height(columns)
    }

    /// What the heatmap and the HTML page show.
    pub fn report_data(&self, notes: Vec<String>) -> Result<ReportData, BenchmarkError> {
        let ev = &self.evidence;
        let column = |name: &str| -> PolarsResult<Vec<String>> {
            Ok(ev.column(name)?.str()?.iter().map(|v| v.unwrap_or("").to_owned()).collect())
        };
        let (doc, muni, area, term, text, sentence) = (
            column("document")?,
            column("municipality")?,
            column("area")?,
            column("term")?,
            column("text")?,
            column("sentence")?,
        );
        let page: Vec<Option<u32>> = ev.column("page")?.u32()?.iter().collect();
        let rows = self
            .profiles
            .iter()
            .map(|p| ReportRow {
                label: p.name.clone(),
                documents: self.documents.get(&p.name).cloned().unwrap_or_default(),
                cells: self
                    .areas
                    .iter()
                    .enumerate()
                    .map(|(i, (id, _))| ReportCell {
                        score: p.scores[i],
                        covered: p.covered[i],
                        evidence: (0..doc.len())
                            .filter(|&r| muni[r] == p.name && area[r] == *id)
                            .map(|r| ReportEvidence {
                                document: doc[r].clone(),
                                term: term[r].clone(),
                                text: text[r].clone(),
                                sentence: sentence[r].clone(),
                                page: page[r],
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let table = |title: &str, df: &DataFrame| Table {
            title: title.to_owned(),
            columns: df.get_column_names().iter().map(std::string::ToString::to_string).collect(),
            rows: text_rows(df),
        };
        Ok(ReportData {
            title: format!("Integration policy coverage, {}", self.framework),
            framework: self.framework.clone(),
            areas: self.areas.clone(),
            rows,
            tables: vec![
                table("Municipalities", &self.metrics),
                table("Areas", &self.area_metrics),
                table("Nearest peers (cosine of the score profiles)", &self.peers),
                table("Changes between policy generations", &self.changes),
            ],
            notes,
            threshold: self.threshold,
        })
    }

    /// Writes every file of [`REPORT_FILES`] into the report folder `dir`
    /// as one unit (see [`ReportDir`]); `notes` (such as inputs that
    /// failed) go into the page. Returns the files' final paths.
    pub fn write(&self, dir: &Path, notes: Vec<String>) -> Result<Vec<PathBuf>, BenchmarkError> {
        self.write_with(dir, notes, |_| Ok(Vec::new()))
    }

    /// Like [`Benchmark::write`], with more files written by `also` into
    /// the same unit (it gets the folder to write into, and returns the
    /// names it wrote).
    pub fn write_with(
        &self,
        dir: &Path,
        notes: Vec<String>,
        also: impl FnOnce(&Path) -> Result<Vec<String>, ExportError>,
    ) -> Result<Vec<PathBuf>, BenchmarkError> {
        let staged = ReportDir::create(dir)?;
        self.write_files(staged.path(), notes)?;
        let extra = also(staged.path())?;
        let target = staged.commit()?;
        Ok(REPORT_FILES.iter().map(|f| target.join(f)).chain(extra.iter().map(|f| target.join(f))).collect())
    }

    fn write_files(&self, dir: &Path, notes: Vec<String>) -> Result<(), BenchmarkError> {
        let path = |name: &str| dir.join(name);
        write_table(self.matrix.long(), &path("coverage.csv"))?;
        write_table(self.matrix.long(), &path("coverage.parquet"))?;
        write_table(&self.document_coverage, &path("documents.csv"))?;
        write_table(&self.metrics, &path("metrics.csv"))?;
        write_table(&self.area_metrics, &path("areas.csv"))?;
        write_table(&self.peers, &path("peers.csv"))?;
        write_table(&self.changes, &path("changes.csv"))?;
        write_table(&self.evidence, &path("evidence.csv"))?;
        let data = self.report_data(notes)?;
        let svg = heatmap_svg(&data)?;
        let html = report_html(&data)?;
        for (name, content) in [("heatmap.svg", svg), ("report.html", html)] {
            let target = path(name);
            write_atomic(&target, |out| {
                use std::io::Write;
                out.write_all(content.as_bytes()).map_err(|source| ExportError::Io { path: target.clone(), source })
            })?;
        }
        Ok(())
    }

    /// Lists every pair of municipalities in `peers` instead of each one's
    /// nearest peers (the output grows with the square of the corpus).
    pub fn with_all_pairs(mut self) -> PolarsResult<Benchmark> {
        self.peers = similarities(&self.profiles)?;
        Ok(self)
    }

    /// The municipality x area matrix in wide form for an aggregation.
    pub fn wide(&self, value: Aggregation) -> PolarsResult<DataFrame> {
        self.matrix.wide(value)
    }
}

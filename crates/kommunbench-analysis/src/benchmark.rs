//! The whole benchmark of a corpus: every table of the report, computed
//! once (the `kommunbench-report` crate draws and writes them).

use std::collections::HashMap;

use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_mapping::DocumentMapping;
use polars::prelude::*;

use crate::export::ExportError;
use crate::frames::{alignments, document_coverage, evidence, municipality_label};
use crate::matrix::{Aggregation, CoverageMatrix, Granularity};
use crate::metrics::{area_metrics, municipality_metrics};
use crate::peers::{NEAREST_PEERS, nearest_peers, similarities};
use crate::profile::{Profile, profiles};
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
                document: d.id.clone(),
                date: d.dates.effective(),
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

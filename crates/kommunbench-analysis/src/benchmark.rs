//! The whole benchmark of a corpus: the typed matrix, the mappings and
//! the documents' facts, from which every table of the report is made
//! when it is asked for (the `kommunbench-report` crate draws and writes
//! them).

use std::collections::HashMap;
use std::path::Path;

use kommunbench_core::{AreaId, DocumentKind, Framework, PolicyDocument};
use kommunbench_mapping::DocumentMapping;
use polars::prelude::*;

use crate::actor::Actor;
use crate::export::{ExportError, write_evidence_csv};
use crate::frames::{DocumentInfo, document_coverage, evidence};
use crate::matrix::{Aggregation, CoverageMatrix, Granularity};
use crate::metrics::{area_metrics, municipality_metrics};
use crate::peers::{NEAREST_PEERS, nearest_peers, similarities};
use crate::profile::Profile;
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

/// A benchmark: the municipality x area matrix with its mappings and the
/// documents' facts. Its tables ([`Benchmark::metrics`],
/// [`Benchmark::evidence`], ...) are polars frames made on demand.
#[derive(Debug, Clone)]
pub struct Benchmark {
    /// The framework: area ids and Swedish titles, in order.
    pub areas: Vec<(String, String)>,
    /// The framework id.
    pub framework: String,
    /// The score at which an area is covered.
    pub threshold: f64,
    /// The municipality x area matrix.
    pub matrix: CoverageMatrix,
    /// The mapping of every document, without the text and evidence of
    /// its segment alignments (see
    /// [`DocumentMapping::drop_segment_detail`]).
    pub mappings: Vec<DocumentMapping>,
    /// Each mapped document's facts, in the order of `mappings`.
    pub documents: Vec<DocumentInfo>,
    /// Each municipality's peer group (absent: one group of all).
    pub groups: HashMap<Actor, String>,
    /// Whether `peers()` lists every pair rather than nearest peers.
    pub all_pairs: bool,
    /// Documents left out of the rows (see
    /// [`PipelineBuilder::municipalities_only`](crate::PipelineBuilder::municipalities_only)).
    pub left_out: Vec<DocumentInfo>,
}

impl Benchmark {
    /// The benchmark of mapped documents. `groups` maps municipalities to
    /// peer groups (empty: all are peers).
    pub fn build(
        framework: &Framework,
        threshold: f64,
        docs: &[PolicyDocument],
        mappings: Vec<DocumentMapping>,
        groups: HashMap<Actor, String>,
    ) -> Benchmark {
        let documents = DocumentInfo::of_mappings(docs, &mappings);
        Benchmark::from_documents(framework, threshold, documents, mappings, groups)
    }

    /// The benchmark of mapped documents from their facts, `documents[i]`
    /// those of `mappings[i]`: what a corpus read and mapped document by
    /// document keeps (see
    /// [`Pipeline::read_benchmark`](crate::Pipeline::read_benchmark)).
    pub fn from_documents(
        framework: &Framework,
        threshold: f64,
        documents: Vec<DocumentInfo>,
        mappings: Vec<DocumentMapping>,
        groups: HashMap<Actor, String>,
    ) -> Benchmark {
        let area_ids: Vec<String> = framework.areas().iter().map(|a| a.id.to_string()).collect();
        let matrix = CoverageMatrix::from_documents(&documents, &mappings, &area_ids, Granularity::Municipality, threshold);
        Benchmark {
            areas: framework.areas().iter().map(|a| (a.id.to_string(), a.title_sv.clone())).collect(),
            framework: framework.id().to_string(),
            threshold,
            matrix,
            mappings,
            documents,
            groups,
            all_pairs: false,
            left_out: Vec::new(),
        }
    }

    /// The rows of the matrix, one per municipality, by name.
    pub fn profiles(&self) -> &[Profile] {
        self.matrix.profiles()
    }

    /// The row named `name` (in any case) or coded `name`.
    pub fn find(&self, name: &str) -> Option<&Profile> {
        self.profiles().iter().find(|p| p.actor.answers_to(name))
    }

    /// The documents of a municipality, in corpus order.
    pub fn documents_of<'a>(&'a self, key: &'a Actor) -> impl Iterator<Item = &'a DocumentInfo> + 'a {
        self.documents.iter().filter(move |d| &d.actor == key)
    }

    /// The mappings of a municipality's documents, in corpus order.
    pub fn mappings_of<'a>(&'a self, key: &'a Actor) -> impl Iterator<Item = &'a DocumentMapping> + 'a {
        self.documents.iter().zip(&self.mappings).filter(move |(d, _)| &d.actor == key).map(|(_, m)| m)
    }

    fn area_ids(&self) -> Vec<String> {
        self.areas.iter().map(|(id, _)| id.clone()).collect()
    }

    /// Per-municipality metrics (see [`crate::municipality_metrics`]).
    pub fn metrics(&self) -> PolarsResult<DataFrame> {
        let mut documents: HashMap<Actor, Vec<DocumentKind>> = HashMap::new();
        let mut local: HashMap<Actor, u32> = HashMap::new();
        for (d, m) in self.documents.iter().zip(&self.mappings) {
            documents.entry(d.actor.clone()).or_default().extend(d.kind);
            *local.entry(d.actor.clone()).or_default() += m.local_priorities.len() as u32;
        }
        municipality_metrics(self.profiles(), &self.area_ids(), &self.groups, &documents, &local)
    }

    /// Per-area metrics (see [`crate::area_metrics`]).
    pub fn area_metrics(&self) -> PolarsResult<DataFrame> {
        area_metrics(self.profiles(), &self.area_ids())
    }

    /// Each municipality's nearest peers, or every pair with
    /// [`Benchmark::with_all_pairs`].
    pub fn peers(&self) -> PolarsResult<DataFrame> {
        if self.all_pairs { similarities(self.profiles()) } else { nearest_peers(self.profiles(), NEAREST_PEERS) }
    }

    /// Changes between dated documents of one municipality.
    pub fn changes(&self) -> PolarsResult<DataFrame> {
        let generations: Vec<Generation> = self
            .documents
            .iter()
            .zip(&self.mappings)
            .map(|(d, m)| Generation {
                municipality: d.actor.clone(),
                document: d.id.clone(),
                date: d.date,
                coverage: m.coverage.iter().map(|c| (c.score, c.covered)).collect(),
            })
            .collect();
        changes(&generations, &self.area_ids(), 0.1)
    }

    /// Document x area coverage with metadata (see
    /// [`crate::document_coverage`]).
    pub fn document_coverage(&self) -> PolarsResult<DataFrame> {
        document_coverage(&self.mappings, &self.documents)
    }

    /// The evidence behind document coverage (see [`crate::evidence`]).
    pub fn evidence(&self) -> PolarsResult<DataFrame> {
        evidence(&self.mappings, &self.documents)
    }

    /// Writes [`Benchmark::evidence`] to `path` as CSV, as [`write_table`]
    /// would write the frame, without holding it: the rows are formatted
    /// straight from the mappings, in parallel parts written in order.
    ///
    /// [`write_table`]: crate::write_table
    pub fn write_evidence_csv(&self, path: &Path) -> Result<(), ExportError> {
        write_evidence_csv(&self.mappings, &self.documents, path)
    }

    /// Every priority of every row's documents with the areas it maps to:
    /// `municipality, municipality_code, actor, document, kind, priority,
    /// title, level, areas, local`. `priority` is its index in the
    /// document, `areas` the accepted areas joined by `;`, `local` true for
    /// a priority that maps to no area of the framework.
    pub fn priorities(&self) -> PolarsResult<DataFrame> {
        let mut text: [Vec<String>; 6] = Default::default();
        let (mut code, mut kind, mut index, mut local) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (d, m) in self.documents.iter().zip(&self.mappings) {
            let areas_of = m.areas_of_priorities(d.priorities.len());
            for (i, ((title, level), areas)) in d.priorities.iter().zip(areas_of).enumerate() {
                let areas: Vec<&str> = areas.into_iter().map(AreaId::as_str).collect();
                let values = [
                    d.actor.name().to_owned(),
                    d.actor.speaker().to_string(),
                    d.id.to_string(),
                    title.clone(),
                    level.as_str().to_owned(),
                    areas.join(";"),
                ];
                for (col, v) in text.iter_mut().zip(values) {
                    col.push(v);
                }
                code.push(d.actor.code().map(ToString::to_string));
                kind.push(d.kind.map(DocumentKind::as_str));
                index.push(i as u32);
                local.push(m.is_local(i));
            }
        }
        let [municipality, actor, document, title, level, areas] = text;
        df!(
            "municipality" => municipality,
            "municipality_code" => code,
            "actor" => actor,
            "document" => document,
            "kind" => kind,
            "priority" => index,
            "title" => title,
            "level" => level,
            "areas" => areas,
            "local" => local,
        )
    }

    /// The matrix for the terminal: one row per municipality, the score per
    /// area, `*` where covered.
    pub fn terminal_matrix(&self) -> PolarsResult<DataFrame> {
        let profiles = self.profiles();
        let mut columns =
            vec![Column::new("municipality".into(), profiles.iter().map(|p| p.name().to_owned()).collect::<Vec<_>>())];
        for (i, (area, _)) in self.areas.iter().enumerate() {
            let cells: Vec<String> =
                profiles.iter().map(|p| format!("{:.2}{}", p.scores[i], if p.covered[i] { "*" } else { " " })).collect();
            columns.push(Column::new(area.as_str().into(), cells));
        }
        DataFrame::new_infer_height(columns)
    }

    /// Lists every pair of municipalities in [`Benchmark::peers`] instead
    /// of each one's nearest peers (the output grows with the square of
    /// the corpus).
    #[must_use]
    pub fn with_all_pairs(mut self) -> Benchmark {
        self.all_pairs = true;
        self
    }

    /// The municipality x area matrix in wide form for an aggregation.
    pub fn wide(&self, value: Aggregation) -> PolarsResult<DataFrame> {
        self.matrix.wide(value)
    }
}

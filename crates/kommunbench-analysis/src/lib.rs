//! Coverage matrices and benchmarking metrics across municipalities, on
//! polars; and the [`Pipeline`] that runs a corpus from mapping to the
//! benchmark, assembled here once for the command line and Python.
#![deny(missing_docs)]

mod actor;
mod benchmark;
mod cluster;
mod compare;
mod crosswalk;
mod export;
mod frames;
mod matrix;
mod metrics;
mod outcomes;
mod peers;
mod pipeline;
mod profile;
mod timeline;

pub use actor::Actor;
pub use benchmark::{Benchmark, BenchmarkError};
pub use cluster::{Linkage, Merge, cluster, cut, leaf_order};
pub use compare::{Comparison, NearPeer};
pub use crosswalk::{Crosswalk, CrosswalkError, compare_frameworks};
pub use export::{
    ExportError, TableFormat, markdown, plain_table, spreadsheet_safe, text_rows, write_atomic, write_table, write_table_as,
    write_table_to,
};
pub use frames::{DocumentCoverage, DocumentInfo, alignment_table, coverage_table, document_coverage, evidence};
pub use kommunbench_outcomes;
pub use matrix::{Aggregation, CoverageMatrix, Granularity};
pub use metrics::{area_metrics, balance, below_peer_median, breadth, depth, median, municipality_metrics};
pub use outcomes::{
    Estimate, Gap, KpiSummary, MIN_GROUP, MIN_PAIRS, NOT_CAUSAL, NOTE_ITEMS, OUTCOME_RESAMPLES, OutcomeReport, OutcomeRow,
    median_difference, spearman, spearman_estimate,
};
pub use peers::{
    NEAREST_PEERS, PeerGroupError, cosine, jaccard, names_a_row, nearest, nearest_peers, peer_groups_by_county,
    peer_groups_by_name, peer_groups_from_csv, similarities,
};
pub use pipeline::{EvidenceDetail, Mapped, PeerGroups, Pipeline, PipelineBuilder, PipelineError};
pub use polars;
pub use profile::Profile;
pub use timeline::{Change, Generation, changes};

//! Reports shared by the scale and browser tests, made once per test run.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kommunbench_analysis::Pipeline;
use kommunbench_analysis::kommunbench_outcomes::{KpiMap, Outcomes};
use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_ingest::{CorpusReader, Ingester};
use kommunbench_report::{ReportOptions, RowOrder, write_report_with};

/// Documents of about 6 KB for all 290 Swedish municipalities, some of
/// them with a second, later generation.
pub fn national_corpus() -> Vec<PolicyDocument> {
    let ingester = Ingester::new();
    let corpus = kommunbench_bench::generate(300 * 6_500, 6_000, 7);
    assert!(corpus.len() > 290, "{} documents", corpus.len());
    corpus.iter().map(|g| ingester.ingest_str(&g.id, &g.text).expect("generated texts are valid")).collect()
}

/// The three key figures of the generated outcome data.
pub const NATIONAL_KPIS: [&str; 3] = ["N00973", "N02268", "N18409"];

/// Generated Kolada data for [`NATIONAL_KPIS`] x the 290 municipalities x
/// 2015 to 2024, read back, with the se-2008 KPI file that ships.
pub fn national_outcomes() -> (Outcomes, KpiMap) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    std::fs::write(&file, kommunbench_bench::kolada_response(&NATIONAL_KPIS, 2015..=2024, 3)).unwrap();
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let kpis = KpiMap::builtin_se_2008(&Framework::builtin("se-2008").unwrap()).unwrap();
    (outcomes, kpis)
}

/// The report of [`national_corpus`], rows by county, with the outcomes
/// of [`national_outcomes`], written once.
pub fn national_report() -> &'static (tempfile::TempDir, usize) {
    static REPORT: OnceLock<(tempfile::TempDir, usize)> = OnceLock::new();
    REPORT.get_or_init(|| {
        let docs = national_corpus();
        let bench = Pipeline::builder().build().unwrap().run(&docs);
        let dir = tempfile::tempdir().unwrap();
        let (outcomes, kpis) = national_outcomes();
        let options = ReportOptions { outcomes: Some(bench.outcomes(&outcomes, &kpis)), ..ReportOptions::default() };
        write_report_with(&bench, dir.path(), Vec::new(), &options, |_| Ok(Vec::new())).unwrap();
        let rows = bench.profiles().len();
        (dir, rows)
    })
}

/// The report of the five fixture documents, rows in cluster order.
pub fn fixture_report() -> &'static tempfile::TempDir {
    static REPORT: OnceLock<tempfile::TempDir> = OnceLock::new();
    REPORT.get_or_init(|| {
        let docs = CorpusReader::new().read(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")]).documents;
        let bench = Pipeline::builder().build().unwrap().run(&docs);
        let dir = tempfile::tempdir().unwrap();
        let options = ReportOptions { order: RowOrder::Cluster, ..ReportOptions::default() };
        write_report_with(&bench, dir.path(), Vec::new(), &options, |_| Ok(Vec::new())).unwrap();
        dir
    })
}

/// Where screenshots go for people to look at.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

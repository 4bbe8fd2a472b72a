//! The benchmark of the five fixture documents, end to end.

use std::collections::HashMap;
use std::path::Path;

use kommunbench_analysis::{Aggregation, Benchmark, Crosswalk, compare_frameworks};
use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_ingest::CorpusReader;
use kommunbench_mapping::{Aligner, LexiconMapper};

fn corpus() -> Vec<PolicyDocument> {
    CorpusReader::new().read(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")]).documents
}

fn benchmark(framework: &Framework, docs: &[PolicyDocument]) -> Benchmark {
    let mapper = LexiconMapper::builtin(framework).unwrap();
    let mappings = Aligner::new(framework, &mapper).map_documents(docs);
    Benchmark::build(framework, 0.6, docs, mappings, HashMap::new())
}

#[test]
fn matrix_has_every_municipality_and_area() {
    let framework = Framework::builtin("se-2008").unwrap();
    let bench = benchmark(&framework, &corpus());
    let wide = bench.wide(Aggregation::Binary).unwrap();
    let names: Vec<&str> = wide.column("municipality").unwrap().str().unwrap().iter().flatten().collect();
    assert_eq!(names, ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker"]);
    let columns: Vec<String> =
        wide.get_column_names_owned().iter().map(kommunbench_analysis::polars::prelude::PlSmallStr::to_string).collect();
    assert_eq!(
        columns,
        [
            "municipality",
            "municipality_code",
            "actor",
            "reception",
            "work",
            "school",
            "adult_learning",
            "discrimination",
            "urban",
            "values"
        ]
    );
    // The coverage agrees with the gold coding where the gold is decided.
    let covered = |m: usize, area: &str| wide.column(area).unwrap().u32().unwrap().get(m) == Some(1);
    assert!(covered(0, "school") && !covered(1, "school") && !covered(2, "discrimination") && covered(4, "reception"));
    // Attention shares and the uncoded remainder sum to one per municipality.
    let att = bench.wide(Aggregation::Attention).unwrap();
    for row in 0..att.height() {
        let total: f64 = att.columns()[3..].iter().map(|c| c.f64().unwrap().get(row).unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-9, "row {row}: {total}");
    }
}

#[test]
fn crosswalk_compares_with_direct_se_2025_mapping() {
    let docs = corpus();
    let (old, new) = (Framework::builtin("se-2008").unwrap(), Framework::builtin("se-2025").unwrap());
    let via: Vec<_> = {
        let walk = Crosswalk::builtin(&old, &new).unwrap();
        benchmark(&old, &docs).profiles().iter().map(|p| walk.apply(p, 0.6)).collect()
    };
    let direct = benchmark(&new, &docs).profiles().to_vec();
    let table = compare_frameworks(&via, &direct, &new).unwrap();
    assert_eq!(table.height(), 5 * 5);
    let agree = table.column("agree").unwrap().bool().unwrap().sum().unwrap();
    assert!(agree >= 20, "the two routes agree on {agree} of 25 cells");
}

//! Every command's output on the bundled fixtures, as snapshots: the
//! tables and texts a user sees stay as they are unless a change says
//! so (review with `cargo insta review`).

use std::fmt::Write as _;
use std::path::Path;

use crate::common::{run, stdout};

/// Runs a command that must succeed and returns its standard output, the
/// temporary folder `dir` (if any) written as `[OUT]`.
fn output(args: &[&str], dir: Option<&Path>) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    match dir {
        Some(d) => text.replace(d.to_str().unwrap(), "[OUT]"),
        None => text,
    }
}

/// Numbers with more than ten decimals rounded to ten: sums over rows
/// in parallel may differ in the last bit between runs.
fn rounded(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len());
    let mut cell = String::new();
    let flush = |cell: &mut String, out: &mut String| {
        match cell.parse::<f64>() {
            Ok(x) if cell.split_once('.').is_some_and(|(_, f)| f.len() > 10) => {
                let _ = write!(out, "{x:.10}");
            }
            _ => out.push_str(cell),
        }
        cell.clear();
    };
    for c in csv.chars() {
        if c == ',' || c == '\n' {
            flush(&mut cell, &mut out);
            out.push(c);
        } else {
            cell.push(c);
        }
    }
    flush(&mut cell, &mut out);
    out
}

const CORPUS: &str = "fixtures/corpus";
const GOLD: &str = "fixtures/gold/gold_documents.csv";
const PRIORITIES: &str = "fixtures/gold/gold_priorities.csv";

#[test]
fn ingest() {
    insta::assert_snapshot!("ingest_text", output(&["ingest", CORPUS], None));
    insta::assert_snapshot!("ingest_json_vasa", output(&["ingest", "fixtures/corpus/vasa-2023.txt", "--format", "json"], None));
}

#[test]
fn map() {
    insta::assert_snapshot!("map_csv", rounded(&output(&["map", CORPUS], None)));
    insta::assert_snapshot!("map_all_vaggeryd", rounded(&output(&["map", "fixtures/corpus/vaggeryd-2017.txt", "--all"], None)));
    insta::assert_snapshot!("map_json_vaggeryd", output(&["map", "fixtures/corpus/vaggeryd-2017.txt", "--format", "json"], None));
    insta::assert_snapshot!(
        "map_ensemble_vaggeryd",
        rounded(&output(&["map", "fixtures/corpus/vaggeryd-2017.txt", "--mapper", "ensemble"], None))
    );
}

#[test]
fn coverage() {
    for format in ["csv", "json", "markdown"] {
        insta::assert_snapshot!(format!("coverage_{format}"), rounded(&output(&["coverage", CORPUS, "--format", format], None)));
    }
}

#[test]
fn report_and_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let printed = output(&["report", CORPUS, "--out", out.to_str().unwrap(), "--by-county"], Some(dir.path()));
    insta::assert_snapshot!("report_stdout", printed);
    for table in ["documents", "coverage", "metrics", "areas", "peers", "changes", "evidence", "priorities", "failures"] {
        let text = std::fs::read_to_string(out.join(format!("{table}.csv"))).unwrap();
        insta::assert_snapshot!(format!("report_{table}_csv"), rounded(&text));
    }
}

#[test]
fn compare() {
    insta::assert_snapshot!("compare_vaggeryd", output(&["compare", "Vaggeryd", CORPUS], None));
}

#[test]
fn evaluate_and_agree() {
    insta::assert_snapshot!(
        "evaluate_text",
        output(&["evaluate", CORPUS, "--gold", GOLD, "--priorities", PRIORITIES, "--bootstrap", "200"], None)
    );
    insta::assert_snapshot!(
        "evaluate_json",
        output(&["evaluate", CORPUS, "--gold", GOLD, "--priorities", PRIORITIES, "--bootstrap", "200", "--format", "json"], None)
    );
    insta::assert_snapshot!("agree_self", output(&["agree", GOLD, GOLD, "--bootstrap", "200"], None));
}

#[test]
fn evaluate_speakers() {
    let written = ["fixtures/written/corpus", "--gold", "fixtures/written/gold/gold_documents.csv"];
    let actors = ["--actors", "fixtures/written/gold/actors.csv", "--bootstrap", "0"];
    let text = output(&[&["evaluate"][..], &written, &actors].concat(), None);
    let speakers = &text[text.find("Speakers:").expect("a speaker section")..];
    insta::assert_snapshot!("evaluate_speakers", speakers);
    let json = output(&[&["evaluate"][..], &written, &actors, &["--format", "json"]].concat(), None);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["actors"]["total"], 14);
}

#[test]
fn frameworks() {
    insta::assert_snapshot!("frameworks_list", output(&["frameworks"], None));
    insta::assert_snapshot!("frameworks_se_2008", output(&["frameworks", "se-2008"], None));
}

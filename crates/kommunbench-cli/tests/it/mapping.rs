//! `kommunbench map`, `coverage`, `evaluate` and `agree` on the fixtures.

use serde_json::Value;

use crate::common::{run, stderr, stdout};

#[test]
fn map_lists_accepted_alignments_with_evidence_and_local_priorities() {
    let out = run(&["map", "fixtures/corpus/vaggeryd-2017.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("document,unit_kind,unit_index,unit,level,rule,area,score,method,accepted,evidence"));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter().any(|r| r.starts_with("vaggeryd-2017,priority,5,Arbete och försörjning,sub_goal,priority_heading,work,0.95")
            && r.ends_with(",lexicon,true,Arbete och försörjning [Arbete och försörjning]; egen försörjning [Egen försörjning]")),
        "{text}"
    );
    assert!(
        rows.contains(&"vaggeryd-2017,priority,6,Samlad uppföljning,sub_goal,priority_heading,,0.0,lexicon,true,local priority: no area of se-2008"),
        "{text}"
    );
    assert!(!rows.iter().any(|r| r.contains(",Vision,")), "a vision is not a local priority");
    assert!(rows.iter().all(|r| r.contains(",true,")), "without --all only accepted rows");
}

#[test]
fn map_all_adds_rejected_candidates_in_json() {
    let out = run(&["map", "fixtures/corpus/vingaker-2016.txt", "--all", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rows = rows.as_array().unwrap();
    let rejected = rows.iter().find(|r| r["accepted"] == false).expect("a rejected candidate");
    assert!(rejected["score"].as_f64().unwrap() < 0.6);
    let folkhalsa: Vec<&str> = rows
        .iter()
        .filter(|r| r["unit"] == "Folkhälsa" && r["unit_kind"] == "priority" && r["accepted"] == true)
        .map(|r| r["area"].as_str().unwrap())
        .collect();
    assert_eq!(folkhalsa, ["discrimination", "values"]);
    let e =
        rows.iter().find(|r| r["unit"] == "Folkhälsa" && r["area"] == "discrimination").unwrap()["evidence"].as_str().unwrap();
    assert!(e.contains("diskriminering [*diskriminer*]"), "{e}");
}

#[test]
fn coverage_has_one_row_per_document_and_area() {
    let out = run(&["coverage", "fixtures/corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().next(),
        Some(
            "document,municipality,municipality_code,county,country,kind,actor,date,framework,area,score,covered,evidence_count"
        )
    );
    assert_eq!(text.lines().count(), 1 + 5 * 7);
    assert!(
        text.contains("jonkoping,Jönköping,0680,Jönköpings län,SE,web_page,municipality,,se-2008,school,0.0,false,0"),
        "{text}"
    );
    let md = stdout(&run(&["coverage", "fixtures/corpus/vasa-2023.txt", "--format", "markdown"]));
    assert!(
        md.contains(
            "| vasa-2023 | Vasa | 905 | Österbotten | FI | news | municipality | 2023-02-20 | se-2008 | discrimination | 0.632 | true | 1 |"
        ),
        "{md}"
    );
    // The same table as the library's (and Python's) coverage frame, in Parquet too.
    let parquet = run(&["coverage", "fixtures/corpus/vasa-2023.txt", "--format", "parquet"]);
    assert!(parquet.status.success() && parquet.stdout.starts_with(b"PAR1"));
}

#[test]
fn coverage_against_se_2025() {
    let out = run(&["coverage", "fixtures/corpus/hedemora-2017.txt", "--framework", "se-2025", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let covered: Vec<&str> =
        rows.as_array().unwrap().iter().filter(|r| r["covered"] == true).map(|r| r["area"].as_str().unwrap()).collect();
    assert_eq!(covered, ["economic", "linguistic", "education", "democratic", "social_cultural"]);
}

#[test]
fn evaluate_reports_the_dev_set_figures() {
    let out = run(&[
        "evaluate",
        "fixtures/corpus",
        "--gold",
        "fixtures/gold/gold_documents.csv",
        "--priorities",
        "fixtures/gold/gold_priorities.csv",
        "--format",
        "json",
        "--bootstrap",
        "200",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(report["documents"]["macro_f1"].as_f64().unwrap() >= 0.85);
    assert!(report["documents"]["pooled_kappa"].as_f64().unwrap() >= 0.75);
    assert!(report["priorities"]["macro_f1"].as_f64().unwrap() >= 0.85);
    assert!(report["priorities"]["pooled_kappa"].as_f64().unwrap() >= 0.75);
    assert_eq!(report["priorities"]["intervals"]["resamples"], 200);
    assert_eq!(report["unmatched_priorities"].as_array().unwrap().len(), 0);
    let recovery = &report["recovery"];
    assert_eq!((recovery["found"].as_u64(), recovery["gold"].as_u64()), (Some(27), Some(27)));
    assert_eq!(recovery["recall"].as_f64(), Some(1.0));
    assert_eq!(recovery["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn evaluate_explains_missed_and_extra_titles() {
    // A coding that misses one extracted title and names one the text lacks.
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("priorities.csv");
    std::fs::write(
        &gold,
        "document,priority,areas,uncertain\nvasa-2023,Arbete.,work,\nvasa-2023,boende,,urban\nvasa-2023,kultur,,\n",
    )
    .unwrap();
    let out = run(&[
        "evaluate",
        "fixtures/corpus",
        "--gold",
        "fixtures/gold/gold_documents.csv",
        "--priorities",
        gold.to_str().unwrap(),
        "--bootstrap",
        "0",
        "--explain",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Priority recovery: 2 of 3 gold titles found (recall 66.7%), 2 of 7 extracted titles are gold titles (precision 28.6%)"),
        "{text}"
    );
    assert!(text.contains("      missed: kultur\n"), "{text}");
    assert!(text.contains("      extra:  säkerhet\n"), "{text}");
    assert!(!text.contains("extra:  arbete"), "titles match after case folding and closing punctuation: {text}");
}

#[test]
fn evaluate_names_a_gold_file_with_unknown_documents_or_areas() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.csv");
    std::fs::write(&gold, "document,work\nvasa-2023,1\nmalmo-2020,0\n").unwrap();
    let out = run(&["evaluate", "fixtures/corpus", "--gold", gold.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), format!("error: {}: document is not in the corpus: malmo-2020", gold.display()));
    std::fs::write(&gold, "document,jobs\nvasa-2023,1\n").unwrap();
    let out = run(&["evaluate", "fixtures/corpus", "--gold", gold.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gold.csv:1: unknown area `jobs`"), "{}", stderr(&out));
}

#[test]
fn agree_compares_two_codings() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("b.csv");
    let a = std::fs::read_to_string(crate::common::fixtures().join("gold/gold_documents.csv")).unwrap();
    // Coder B disagrees on one cell: Vasa and discrimination.
    std::fs::write(&b, a.replace("vasa-2023,0,1,?,?,1,?,1", "vasa-2023,0,1,?,?,0,?,1")).unwrap();
    let out = run(&["agree", "fixtures/gold/gold_documents.csv", b.to_str().unwrap(), "--bootstrap", "0", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = &report["documents"];
    assert_eq!(d["confusion"]["fn_"], 1);
    assert_eq!(d["cells"], 28);
    // Pooled: tp 22, fn 1, tn 5 -> kappa = (27/28 - p_e) / (1 - p_e) with p_e = (23*22 + 5*6) / 28^2.
    let pe = (23.0 * 22.0 + 5.0 * 6.0) / (28.0 * 28.0);
    let kappa = (27.0 / 28.0 - pe) / (1.0 - pe);
    assert!((d["pooled_kappa"].as_f64().unwrap() - kappa).abs() < 1e-9);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::process::{Command, Stdio};
    // About 100 KB of output, more than a pipe holds: the writer meets a closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kommunbench"))
        .args(["map", "fixtures/corpus", "--all", "--format", "json"])
        .current_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut child.stdout.take().unwrap(), &mut first).unwrap();
    assert_eq!(&first, b"[");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

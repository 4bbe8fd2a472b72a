//! `kommunbench report` and `kommunbench compare`, the main job.

use crate::common::{run, stderr, stdout};

#[test]
fn report_on_the_bundled_corpus_prints_the_matrix_and_writes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["report", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Coverage of se-2008 (5 documents, 5 rows)"), "{text}");
    assert!(text.contains("municipality  reception  work   school  adult_learning  discrimination  urban  values"), "{text}");
    for name in ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker"] {
        assert!(text.lines().any(|l| l.starts_with(name)), "{name} row missing");
    }
    for file in ["coverage.csv", "coverage.parquet", "metrics.csv", "evidence.csv", "heatmap.svg", "report.html"] {
        assert!(dir.path().join(file).is_file(), "{file} not written");
    }
    let coverage = std::fs::read_to_string(dir.path().join("coverage.csv")).unwrap();
    assert_eq!(coverage.lines().count(), 1 + 5 * 7);
}

#[test]
fn report_keeps_good_documents_when_one_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(crate::common::fixtures().join("corpus/vasa-2023.txt"), corpus.join("vasa-2023.txt")).unwrap();
    std::fs::write(corpus.join("broken.txt"), b"\x89PNG\r\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&["report", corpus.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.txt: binary file (PNG image)"));
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(html.contains("Vasa") && html.contains("broken.txt: binary file (PNG image)"));
}

#[test]
fn compare_lists_gaps_and_peers() {
    let out = run(&["compare", "vaggeryd"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Vaggeryd against se-2008 (5 municipalities)"), "{text}");
    assert!(text.contains("Gaps (not covered): reception, school, adult_learning, discrimination"), "{text}");
    assert!(text.contains("Nearest peers"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("  ") && l.contains(" cosine ")).count(), 4, "{text}");
    let out = run(&["compare", "Atlantis"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no municipality `Atlantis` in the corpus"), "{}", stderr(&out));
}

/// A misspelt name in a groups file is an error before anything is read; a
/// municipality added with `--municipalities` may be named.
#[test]
fn a_groups_file_naming_no_municipality_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let groups = dir.path().join("groups.csv");
    std::fs::write(&groups, "municipality,group\nVaggeryd,små\nVagerud,små\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&["report", "--groups", groups.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("groups.csv:3: `Vagerud` is no municipality"), "{}", stderr(&out));
    assert!(!out_dir.exists());
    let extra = dir.path().join("extra.csv");
    std::fs::write(&extra, "country,code,name,county,aliases\nSE,9999,Vagerud,Jönköpings län,\n").unwrap();
    let out = run(&[
        "report",
        "--groups",
        groups.to_str().unwrap(),
        "--municipalities",
        extra.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

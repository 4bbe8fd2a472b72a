//! The CLI over the bad inputs of `fixtures/bad` next to the good fixture
//! documents: every bad input is named with its problem, the good results
//! are all written, the exit code says that something failed, and
//! `--strict` writes nothing.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::common::{fixtures, run, stderr, stdout};

/// The fixture corpus, `fixtures/bad/corpus`, and what
/// `fixtures/bad/make-large.sh` adds, in one directory.
fn mixed_corpus() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for source in [fixtures().join("corpus"), fixtures().join("bad/corpus")] {
        for entry in std::fs::read_dir(source).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let status = Command::new("bash").arg(fixtures().join("bad/make-large.sh")).arg(dir.path()).status().unwrap();
    assert!(status.success(), "make-large.sh failed");
    dir
}

/// Each bad file and what its error says.
const EXPECTED: &[(&str, &str)] = &[
    ("empty.txt", "the file is empty"),
    ("blank.txt", "the file holds only white space or invisible characters"),
    ("scanned-plan.txt", "a damaged PDF: its structure cannot be parsed"),
    ("photo.txt", "binary file (PNG image), not text"),
    ("nul-bytes.txt", "a NUL character at byte 16"),
    ("mixed-bytes.txt", "invalid UTF-8 at byte 44, and not Windows-1252 text either (byte 0x01"),
    ("broken-utf16.txt", "invalid UTF-16LE at byte 34"),
    ("huge-export.txt", "file is larger than the limit of 67108864 bytes"),
    ("dangling-link.txt", "cannot read: No such file or directory"),
];

/// The documents that must come through: the five fixtures, UTF-16 with
/// and without a BOM, deeply nested lists, and one line of 8 MB.
const GOOD: &[&str] = &[
    "hedemora-2017",
    "jonkoping",
    "vaggeryd-2017",
    "vasa-2023",
    "vingaker-2016",
    "sala-utf16-bom",
    "tierp-utf16-no-bom",
    "heby-nested-lists",
    "vara-one-line",
];

fn documents_in(csv: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(csv).unwrap();
    let mut docs: Vec<String> = text.lines().skip(1).map(|l| l.split(',').next().unwrap().to_owned()).collect();
    docs.dedup();
    docs
}

#[test]
fn report_names_every_bad_file_and_keeps_every_good_result() {
    let corpus = mixed_corpus();
    let out_dir = corpus.path().join("out");
    let out = run(&["report", corpus.path().to_str().unwrap(), "--out", out_dir.to_str().unwrap(), "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (file, message) in EXPECTED {
        let line =
            err.lines().find(|l| l.contains(&format!("/{file}:"))).unwrap_or_else(|| panic!("{file} not reported:\n{err}"));
        assert!(line.starts_with("error: ") && line.contains(message), "{file}: {line}");
    }
    assert_eq!(err.lines().count(), EXPECTED.len(), "{err}");

    let mut written = documents_in(&out_dir.join("documents.csv"));
    written.sort();
    let mut good: Vec<String> = GOOD.iter().map(|s| (*s).to_owned()).collect();
    good.sort();
    assert_eq!(written, good);
    assert!(stdout(&out).contains("9 documents"), "{}", stdout(&out));

    // The failures again, as a table and in the page.
    let failures = std::fs::read_to_string(out_dir.join("failures.csv")).unwrap();
    assert_eq!(failures.lines().count(), 1 + EXPECTED.len(), "{failures}");
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    for (file, _) in EXPECTED {
        assert!(failures.contains(&format!("/{file},")), "{file} missing from failures.csv");
        assert!(html.contains(file), "{file} missing from report.html");
    }
    // Written through temporary files: none is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn strict_fails_before_writing_anything() {
    let corpus = mixed_corpus();
    let out_dir = corpus.path().join("out");
    let out = run(&["report", corpus.path().to_str().unwrap(), "--out", out_dir.to_str().unwrap(), "-q", "--strict"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("huge-export.txt: file is larger than the limit of 67108864 bytes"), "{err}");
    assert!(err.trim_end().ends_with("error: 9 of the inputs failed (listed above); --strict writes nothing"), "{err}");
    assert!(!out_dir.exists());

    let out = run(&["coverage", corpus.path().to_str().unwrap(), "-q", "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_without_documents_is_an_error() {
    let corpus = mixed_corpus();
    let empty = corpus.path().join("empty-dir");
    let out = run(&["coverage", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: no documents (*.txt, *.text, *.md, *.html, *.htm, *.xhtml, *.pdf, *.docx, *.odt, *.doc) in this directory",
            empty.display()
        )),
        "{err}"
    );
    assert!(err.contains("error: no document could be read"), "{err}");
}

#[test]
fn a_malformed_manifest_is_named_with_its_position_and_its_documents_still_read() {
    let out = run(&["coverage", "fixtures/bad/manifest", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "error: fixtures/bad/manifest/kommunbench.toml:3:19: invalid basic string, expected `\"`");
    assert!(stdout(&out).contains("orsa,Orsa,2034,Dalarnas län,SE,plan,municipality,,se-2008,work,"), "{}", stdout(&out));
}

#[test]
fn bad_frameworks_and_gold_files_are_named_with_the_problem() {
    for (args, message) in [
        (
            vec!["frameworks", "fixtures/bad/frameworks/duplicate-area.toml"],
            "error: fixtures/bad/frameworks/duplicate-area.toml:16: duplicate area id `work`",
        ),
        (
            vec!["frameworks", "fixtures/bad/frameworks/invalid-area-id.toml"],
            "error: fixtures/bad/frameworks/invalid-area-id.toml:6:6: invalid area id `Arbete & jobb`: must start with a lowercase ASCII letter",
        ),
        (
            vec!["evaluate", "fixtures/corpus", "--gold", "fixtures/bad/gold/unknown-area.csv"],
            "error: fixtures/bad/gold/unknown-area.csv:1: unknown area `housing` (areas of se-2008: reception, work, school, adult_learning, discrimination, urban, values)",
        ),
        (
            vec!["evaluate", "fixtures/corpus", "--gold", "fixtures/bad/gold/unknown-document.csv"],
            "error: fixtures/bad/gold/unknown-document.csv: document is not in the corpus: nowhere-2099",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out).trim(), message);
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_document_limit_reads_what_it_may_and_says_what_it_left() {
    let out = run(&["coverage", "fixtures/corpus", "--max-documents", "2", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("more than 2 documents; the rest were not read (raise the limit with --max-documents)"), "{err}");
    assert_eq!(documents_in_stdout(&stdout(&out)), ["hedemora-2017", "jonkoping"]);
}

fn documents_in_stdout(csv: &str) -> Vec<String> {
    let mut docs: Vec<String> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap().to_owned()).collect();
    docs.dedup();
    docs
}

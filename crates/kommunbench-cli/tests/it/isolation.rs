//! Format readers run in worker processes (issue 29): a file that
//! overflows its reader's stack, runs it out of memory or past its time,
//! or converts to too much text fails alone, with what happened, and
//! every other document is read as before.

#![cfg(unix)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::{fixtures, run_within, stderr, stdout};

#[path = "../../../kommunbench-formats/tests/support/minimal_pdf.rs"]
mod minimal_pdf;

/// A PDF of one page whose content stream is `content`, Flate-compressed.
fn pdf(content: &[u8]) -> Vec<u8> {
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    deflate.write_all(content).unwrap();
    let data = deflate.finish().unwrap();
    let mut stream = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", data.len()).into_bytes();
    stream.extend_from_slice(&data);
    stream.extend_from_slice(b"\nendstream");
    minimal_pdf::pdf(&[
        &b"<< /Type /Catalog /Pages 2 0 R >>"[..],
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>",
        &stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
}

/// The five fixture documents and `name` holding `bytes`, in one folder.
fn corpus_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixtures().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

/// `kommunbench ingest DIR --format json` with `args`, within `limit`.
fn ingest(dir: &Path, args: &[&str], limit: Duration) -> (Output, Vec<String>, Duration) {
    let start = Instant::now();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kommunbench"));
    cmd.arg("ingest").arg(dir).args(["--format", "json", "-q"]).args(args);
    let out = run_within(cmd, limit);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let mut ids: Vec<String> = docs.as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    (out, ids, start.elapsed())
}

const FIVE: [&str; 5] = ["hedemora-2017", "jonkoping", "vaggeryd-2017", "vasa-2023", "vingaker-2016"];

/// The run failed for `file` alone, saying `what`, and read the five.
fn only_it_failed(out: &Output, ids: &[String], file: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(ids, FIVE, "{err}");
    let line = err.lines().find(|l| l.contains(file)).unwrap_or_else(|| panic!("{file} not named: {err}"));
    assert!(line.starts_with("error: ") && line.contains(what), "{line}");
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_fails_alone() {
    // Deeper than the HTML reader's stack held in a debug build before
    // pages were bounded (a million in a release build aborted the run).
    let depth = 100_000;
    let page = format!("<html><body>{}Mål{}</body></html>", "<b>".repeat(depth), "</b>".repeat(depth));
    let dir = corpus_with("nested.html", page.as_bytes());
    let (out, ids, _) = ingest(dir.path(), &[], Duration::from_mins(2));
    only_it_failed(&out, &ids, "nested.html", "an HTML page nested more than 1000 elements deep");
}

/// A page whose bytes contradict its declared charset is read as they
/// are, through the worker, and the run warns about it by the file's name.
#[test]
fn a_page_that_declares_the_wrong_charset_is_read_right_and_warned_about() {
    let page = "<html><head><meta charset=\"windows-1252\"><title>Integrationsplan för Växjö</title></head>\
                <body><h1>Mål för integration</h1><p>Fler nyanlända i arbete och sfi.</p></body></html>";
    let dir = corpus_with("vaxjo.html", page.as_bytes());
    let (out, ids, _) = ingest(dir.path(), &[], Duration::from_mins(1));
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(ids.len(), 6);
    let line = err.lines().find(|l| l.contains("vaxjo.html")).unwrap_or_else(|| panic!("not named: {err}"));
    assert!(
        line.starts_with("warning: ") && line.ends_with("the page declares windows-1252 but is written in UTF-8; read as UTF-8"),
        "{line}"
    );
    assert!(stdout(&out).contains("Mål för integration") && !stdout(&out).contains("MÃ¥l"));
}

#[test]
fn a_pdf_that_inflates_past_the_memory_limit_fails_alone() {
    // 400 KB that inflate to 400 MB of content.
    let mut content = b"BT /F 12 Tf 72 720 Td (Hej) Tj ET\n".to_vec();
    content.resize(400 << 20, b' ');
    let dir = corpus_with("bomb.pdf", &pdf(&content));
    let (out, ids, _) = ingest(dir.path(), &["--reader-memory", "64"], Duration::from_mins(2));
    only_it_failed(&out, &ids, "bomb.pdf", "the PDF parser ran out of memory on this file (limit 64 MiB)");
}

#[test]
fn a_pdf_past_the_time_limit_is_stopped_not_left_running() {
    // Two million triangles to fill: far more than a second's work.
    let content = [&b"BT /F 12 Tf 72 720 Td (Hej) Tj ET "[..], &b"10 10 m 20 20 l 30 10 l f ".repeat(2_000_000)].concat();
    let dir = corpus_with("slow.pdf", &pdf(&content));
    let (out, ids, took) = ingest(dir.path(), &["--reader-timeout", "1"], Duration::from_mins(2));
    only_it_failed(&out, &ids, "slow.pdf", "the PDF parser did not finish within 1 s and was stopped");
    // The run does not wait for the parse: the worker was killed.
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn a_pdf_that_draws_a_million_glyphs_on_a_page_fails_alone() {
    // 40 KB that show one string 100,000 times: a million glyphs.
    let content = [&b"BT /F 1 Tf 72 720 Td "[..], &b"(abcdefghij) Tj ".repeat(100_000), b"ET"].concat();
    let dir = corpus_with("glyphs.pdf", &pdf(&content));
    let (out, ids, _) = ingest(dir.path(), &[], Duration::from_mins(2));
    only_it_failed(&out, &ids, "glyphs.pdf", "page 1 of the PDF draws more than 200000 glyphs");
}

#[test]
fn a_text_over_the_text_limit_is_refused_with_the_limit_named() {
    let dir = corpus_with("plan.pdf", &std::fs::read(fixtures().join("formats/pdf-lo/vasa-2023.pdf")).unwrap());
    let (out, ids, _) = ingest(dir.path(), &["--max-text-size", "1000"], Duration::from_mins(2));
    only_it_failed(
        &out,
        &ids,
        "plan.pdf",
        "the PDF's text is larger than the limit of 1000 bytes (raise it with --max-text-size)",
    );
    // Under the default limit the same file is read, by its worker.
    let (out, ids, _) = ingest(dir.path(), &[], Duration::from_mins(2));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids.len(), 6);
}

#[test]
fn reader_limits_are_checked() {
    let dir = corpus_with("plan.txt", b"Plan\n");
    for (flag, value) in [("--reader-timeout", "0"), ("--reader-timeout", "-1"), ("--reader-memory", "0")] {
        let out = Command::new(env!("CARGO_BIN_EXE_kommunbench"))
            .arg("ingest")
            .arg(dir.path())
            .arg(format!("{flag}={value}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert!(stderr(&out).contains(flag), "{}", stderr(&out));
    }
}

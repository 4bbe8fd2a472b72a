//! The seed documents in every format give the same priorities and the
//! same coverage as their text, and damaged files fail with a message.
//! The files are made by `fixtures/formats/make.sh` (`LibreOffice`,
//! Chromium, python-docx) and committed.

use std::path::{Path, PathBuf};

use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_formats::ingester;
use kommunbench_mapping::{Aligner, LexiconMapper};

#[path = "support/minimal_pdf.rs"]
mod minimal_pdf;
use minimal_pdf::pdf;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

const SEEDS: &[&str] = &["hedemora-2017", "jonkoping", "vaggeryd-2017", "vasa-2023", "vingaker-2016"];

/// (folder, extension, format) of every converted copy.
const COPIES: &[(&str, &str, &str)] = &[
    ("html", "html", "HTML"),
    ("docx-lo", "docx", "DOCX"),
    ("docx-py", "docx", "DOCX"),
    ("odt", "odt", "ODT"),
    ("pdf-lo", "pdf", "PDF"),
    ("pdf-chromium", "pdf", "PDF"),
];

/// What must not change with the format: each priority's level, title
/// and areas, and the document's covered areas.
fn outcome(doc: &PolicyDocument) -> (Vec<String>, Vec<String>) {
    let framework = Framework::builtin("se-2008").unwrap();
    let mapper = LexiconMapper::builtin(&framework).unwrap();
    let mapping = Aligner::new(&framework, &mapper).map_document(doc);
    let priorities = doc
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let areas: Vec<&str> = mapping.priority_areas(i).iter().map(|a| a.as_str()).collect();
            format!("{:?} {} -> {}", p.level, p.title, areas.join(","))
        })
        .collect();
    let covered = mapping.coverage.iter().filter(|c| c.covered).map(|c| c.area.to_string()).collect();
    (priorities, covered)
}

#[test]
fn every_format_gives_the_text_s_priorities_and_coverage() {
    let ingester = ingester().build();
    let mut differences = Vec::new();
    for seed in SEEDS {
        let text = ingester.ingest_file(root().join(format!("corpus/{seed}.txt"))).unwrap();
        let expected = outcome(&text);
        assert!(!expected.0.is_empty(), "{seed} has priorities");
        for (folder, ext, format) in COPIES {
            let path = root().join(format!("formats/{folder}/{seed}.{ext}"));
            let doc = ingester.ingest_file(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(doc.source.format, *format, "{}", path.display());
            assert_eq!(doc.municipality, text.municipality, "{}", path.display());
            let got = outcome(&doc);
            if got != expected {
                differences.push(format!("{folder}/{seed}:\n  text: {expected:?}\n  here: {got:?}"));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn every_font_print_gives_the_text_s_priorities_and_coverage() {
    // Chromium's prints in five fonts, left-aligned and justified: Type0
    // fonts with `/W` widths, spaces stretched, bullets drawn as shapes.
    let ingester = ingester().build();
    let mut differences = Vec::new();
    let mut prints = 0;
    for seed in SEEDS {
        let expected = outcome(&ingester.ingest_file(root().join(format!("corpus/{seed}.txt"))).unwrap());
        for entry in std::fs::read_dir(root().join("formats/pdf-fonts")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if !name.starts_with(&format!("{seed}-")) {
                continue;
            }
            prints += 1;
            let got = outcome(&ingester.ingest_file(&path).unwrap_or_else(|e| panic!("{e}")));
            if got != expected {
                differences.push(format!("{name}:\n  text: {expected:?}\n  here: {got:?}"));
            }
        }
    }
    assert_eq!(prints, 25);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn a_file_is_read_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let ingester = ingester().build();
    for (from, format) in [("pdf-lo/vasa-2023.pdf", "PDF"), ("docx-py/vasa-2023.docx", "DOCX"), ("odt/vasa-2023.odt", "ODT")] {
        let path = dir.path().join("vasa-2023.txt");
        std::fs::copy(root().join("formats").join(from), &path).unwrap();
        let doc = ingester.ingest_file(&path).unwrap();
        assert_eq!(doc.source.format, format);
        assert!(!doc.priorities.is_empty());
    }
}

#[test]
fn pdf_blocks_and_evidence_know_their_page() {
    let ingester = ingester().build();
    let doc = ingester.ingest_file(root().join("formats/pdf-lo/vingaker-2016.pdf")).unwrap();
    let pages = doc.source.page_count().unwrap();
    assert!(pages >= 2, "{pages}");
    assert_eq!(doc.blocks.first().and_then(|b| b.page), Some(1));
    assert_eq!(doc.blocks.last().and_then(|b| b.page), Some(u32::try_from(pages).unwrap()));
    let framework = Framework::builtin("se-2008").unwrap();
    let mapper = LexiconMapper::builtin(&framework).unwrap();
    let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
    let pages_seen: std::collections::BTreeSet<u32> =
        mapping.coverage.iter().flat_map(|c| &c.evidence).filter_map(|e| e.page).collect();
    assert!(pages_seen.len() >= 2, "evidence on pages {pages_seen:?}");
    // Running headers and page numbers are not content.
    let content = doc.content();
    assert!(!content.contains("Sida 1 av"), "{content}");
    assert!(!content.contains("Vingåker kommun – Integrationspolicy"), "{content}");
}

#[test]
fn damaged_and_unreadable_files_fail_with_a_message_that_says_why() {
    let ingester = ingester().build();
    for (file, says) in [
        ("scanned.pdf", "no text layer"),
        ("scanned.pdf", "ocrmypdf"),
        ("broken.pdf", "a damaged PDF"),
        ("encrypted.pdf", "encrypted"),
    ] {
        let path = root().join("formats/failures").join(file);
        let err = ingester.ingest_file(&path).expect_err(file).to_string();
        assert!(err.contains(says), "{file}: {err}");
        assert!(err.contains(file), "the message names the file: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad_zip = dir.path().join("plan.docx");
    let mut bytes = std::fs::read(root().join("formats/docx-py/vasa-2023.docx")).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&bad_zip, &bytes).unwrap();
    // Cut off: named for what it is, not as a binary file.
    let err = ingester.ingest_file(&bad_zip).unwrap_err().to_string();
    assert!(err.contains("not a readable zip archive, probably cut off or damaged"), "{err}");
    let doc = dir.path().join("plan.doc");
    std::fs::write(&doc, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).unwrap();
    let err = ingester.ingest_file(&doc).unwrap_err().to_string();
    assert!(err.contains("DOCX"), "{err}");
}

#[test]
fn a_pdf_the_parser_cannot_read_is_the_file_s_error_and_the_others_are_read() {
    // A header and a page tree that points nowhere.
    let mut bad = pdf(&["<< /Type /Catalog /Pages 9 0 R >>"]);
    bad.truncate(bad.len() / 2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("odd.pdf"), bad).unwrap();
    std::fs::copy(root().join("formats/pdf-lo/vasa-2023.pdf"), dir.path().join("vasa-2023.pdf")).unwrap();
    let corpus = kommunbench_ingest::CorpusReader::new().ingester(ingester().build()).read(&[dir.path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.failures.len(), 1);
    let message = corpus.failures[0].to_string();
    assert!(message.contains("odd.pdf") && message.contains("PDF"), "{message}");
    assert!(!message.contains("scanned"), "{message}");
}

#[test]
fn a_page_a_billion_km_wide_is_refused_not_laid_out() {
    // The layout's gutter search works in bins of 2 pt across the page:
    // 10^12 pt would be a buffer of 4 TB.
    let content = "BT /F1 12 Tf 72 700 Td (Kommunen erbjuder sfi) Tj ET";
    let wide = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1000000000000 792] /Contents 4 0 R >>",
        &format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wide.pdf"), wide).unwrap();
    let err = ingester().build().ingest_file(dir.path().join("wide.pdf")).unwrap_err().to_string();
    assert!(err.contains("page 1 of the PDF is 1000000000000 by 792 pt, more than any page"), "{err}");
}

#[test]
fn a_page_without_a_media_box_is_read() {
    // The box is required, but readers fall back to a default page.
    let odd = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        "<< /Length 51 >>\nstream\nBT /F1 12 Tf 72 720 Td (Integration i Vasa) Tj ET\nendstream",
    ]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("odd.pdf"), odd).unwrap();
    let doc = ingester().build().ingest_file(dir.path().join("odd.pdf")).unwrap();
    assert_eq!(doc.text.trim(), "Integration i Vasa");
}

#[test]
fn a_parser_that_takes_too_long_is_given_up_on() {
    use kommunbench_ingest::{Converter, Ingester};
    let formats = kommunbench_formats::Formats::default().timeout(std::time::Duration::from_micros(1));
    let bytes = std::fs::read(root().join("formats/pdf-lo/vingaker-2016.pdf")).unwrap();
    let err = formats.convert(&bytes).unwrap().unwrap_err();
    assert!(err.contains("did not finish"), "{err}");
    let ingester = Ingester::builder().converter(std::sync::Arc::new(formats)).build();
    let err = ingester.ingest_file(root().join("formats/pdf-lo/vingaker-2016.pdf")).unwrap_err().to_string();
    assert!(err.contains("vingaker-2016.pdf") && err.contains("did not finish"), "{err}");
}

#[test]
fn a_manifest_sets_the_metadata_of_pdf_and_word_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("formats/pdf-chromium/vasa-2023.pdf"), dir.path().join("program.pdf")).unwrap();
    std::fs::copy(root().join("formats/docx-lo/jonkoping.docx"), dir.path().join("strategi.docx")).unwrap();
    std::fs::write(
        dir.path().join("kommunbench.toml"),
        "[documents.program]\nmunicipality = \"905\"\ncountry = \"FI\"\nkind = \"programme\"\nadopted = \"2023-02-20\"\n\n\
         [documents.strategi]\nmunicipality = \"Jönköping\"\nkind = \"strategy\"\n",
    )
    .unwrap();
    let corpus = kommunbench_ingest::CorpusReader::new().ingester(ingester().build()).read(&[dir.path()]);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    let names: Vec<(&str, &str, String)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.source.format.as_str(), d.municipality.as_ref().unwrap().name.clone()))
        .collect();
    assert_eq!(names, [("program", "PDF", "Vasa".to_owned()), ("strategi", "DOCX", "Jönköping".to_owned())]);
    assert_eq!(corpus.documents[0].dates.adopted.map(|d| d.to_string()).as_deref(), Some("2023-02-20"));
}

#[test]
fn a_pdf_s_own_dates_are_the_file_s_not_the_text_s() {
    // Printed on 30 November 2026; the text carries no date of its own.
    let doc = ingester().build().ingest_file(root().join("formats/pdf-lo/jonkoping.pdf")).unwrap();
    assert_eq!(doc.dates.published, None);
    assert_eq!(doc.dates.file_created.map(|d| d.to_string()).as_deref(), Some("2026-11-30"));
}

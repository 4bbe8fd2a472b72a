//! `kommunbench ingest`.

use serde_json::Value;

use crate::common::{fixtures, run, stderr, stdout};

#[test]
fn json_has_the_documented_fields_for_every_fixture() {
    let out = run(&["ingest", "fixtures/corpus", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for doc in docs {
        for field in ["id", "title", "kind", "dates", "priorities"] {
            assert!(doc.get(field).is_some(), "missing {field}");
        }
        let m = &doc["municipality"];
        assert!(m["name"].is_string() && m["code"].is_string() && m["country"].is_string(), "{m}");
        for p in doc["priorities"].as_array().unwrap() {
            assert!(p["title"].is_string() && p["body"].is_string() && p["level"].is_string());
            assert!(p["span"]["start"].as_u64() <= p["span"]["end"].as_u64());
        }
    }
    let vasa = docs.iter().find(|d| d["id"] == "vasa-2023").unwrap();
    assert_eq!(vasa["municipality"]["country"], "FI");
    assert_eq!(vasa["dates"]["adopted"], "2023-02-20");
    assert_eq!(vasa["priorities"].as_array().unwrap().len(), 7);
}

#[test]
fn text_outline_of_one_file() {
    let out = run(&["ingest", "fixtures/corpus/vingaker-2016.txt"]);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out), @r"
    vingaker-2016: Vingåker (SE 0428, Södermanlands län) [policy]
      title:     Integrationspolicy
      format:    text (UTF-8)
      dates:     adopted 2016-06-20
      decision:  Kommunfullmäktige, § 67, KS 2016-178
      content:   39 blocks, 6 lines of page furniture dropped
      priorities:
        vision         (heading_section)  Vision för Vingåkers kommun 2020 — Tillsammans tar vi, medborgare, näringsliv och kommun, ansvar för vår …
        priority_area  (priority_heading) Arbete och studier — Egen försörjning genom arbete möjliggör en snabbare etablering med ege…
        priority_area  (priority_heading) Bostäder — Tillgången på bostäder är avgörande för möjligheten för nyanlända att …
        priority_area  (priority_heading) Folkhälsa — En god folkhälsa skapar förutsättningar till delaktighet och möjlighet…
        priority_area  (priority_heading) Samverkan — En väl utvecklad samverkan är en förutsättning i kommunens integration…
    ");
}

#[test]
fn bad_files_are_named_and_good_ones_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("corpus/hedemora-2017.txt"), dir.path().join("hedemora-2017.txt")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("scan.txt"), b"%PDF-1.5\n\x00\x01").unwrap();
    let out = run(&["ingest", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    let err = stderr(&out);
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert!(err.contains("scan.txt: a damaged PDF"), "{err}");
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let out = run(&["ingest", "no/such/dir"]);
    // Nothing could be read at all: a fatal error.
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), "error: no/such/dir: no such file or directory\nerror: no document could be read");
}

/// A saved web page is read as HTML, whatever its name: its chrome by
/// structure, its lists as lists.
#[test]
fn saved_web_pages_are_read_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html lang=\"sv\"><head><title>Integration</title></head><body>\
        <header><nav><ul><li>Startsida</li><li>Kontakt</li></ul></nav></header>\
        <main><h1>Integrationsplan för Åby</h1><p>Kommunens mål är:</p>\
        <ol><li>Fler i arbete</li><li>Bättre skolresultat</li></ol></main>\
        <footer><p>Åby kommun, Storgatan 1</p></footer></body></html>";
    std::fs::write(dir.path().join("aby.html"), page).unwrap();
    std::fs::write(dir.path().join("saved-as-text.txt"), page.replace("Åby", "Öby")).unwrap();
    let out = run(&["ingest", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    for doc in docs {
        assert_eq!(doc["source"]["format"], "HTML");
        let titles: Vec<&str> = doc["priorities"].as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["Fler i arbete", "Bättre skolresultat"]);
        let blocks = doc["blocks"].to_string();
        assert!(!blocks.contains("Startsida") && !blocks.contains("Storgatan"), "{blocks}");
    }
}

/// PDF, Word and `OpenDocument` files are read by content; a PDF's outline
/// says its page count, its evidence its pages; a scanned PDF is named
/// and the others are still read.
#[test]
fn documents_in_every_format_are_read_and_a_scan_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let formats = fixtures().join("formats");
    for (from, to) in [
        ("pdf-lo/vingaker-2016.pdf", "vingaker-2016.pdf"),
        ("docx-py/hedemora-2017.docx", "hedemora-2017.docx"),
        ("odt/vasa-2023.odt", "vasa-2023.odt"),
        ("html/jonkoping.html", "jonkoping.htm"),
        ("failures/scanned.pdf", "scan.pdf"),
    ] {
        std::fs::copy(formats.join(from), dir.path().join(to)).unwrap();
    }
    let out = run(&["ingest", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for format in ["format:    PDF, 3 pages", "format:    DOCX", "format:    ODT", "format:    HTML"] {
        assert!(text.contains(format), "{format} in\n{text}");
    }
    let err = stderr(&out);
    assert!(err.contains("scan.pdf: the PDF has no text layer") && err.contains("ocrmypdf"), "{err}");
    let out = run(&["map", formats.join("pdf-lo/vingaker-2016.pdf").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("[=arbete, p. 2]"), "{}", stdout(&out));
}

#[test]
fn help_names_every_format_read() {
    let help = stdout(&run(&["ingest", "--help"]));
    for extension in kommunbench_formats::ingester().build().extensions() {
        assert!(help.contains(&format!("*.{extension}")), "*.{extension} not in:\n{help}");
    }
}

//! The same fixture saved as UTF-8 with BOM and CRLF, and as Windows-1252,
//! parses to the same document.

use std::path::Path;

use kommunbench_ingest::Ingester;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus").join(name)).unwrap()
}

fn titles(doc: &kommunbench_core::PolicyDocument) -> Vec<(String, String)> {
    doc.priorities.iter().map(|p| (p.title.clone(), p.body.clone())).collect()
}

#[test]
fn bom_crlf_and_windows_1252_files_parse_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let text = fixture("vingaker-2016.txt");
    let plain = dir.path().join("vingaker-2016.txt");
    std::fs::write(&plain, &text).unwrap();

    let crlf = dir.path().join("vingaker-crlf.txt");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    std::fs::write(&crlf, bytes).unwrap();

    let cp1252 = dir.path().join("vingaker-1252.txt");
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    std::fs::write(&cp1252, &*encoded).unwrap();

    let ingester = Ingester::new();
    let reference = ingester.ingest_file(&plain).unwrap();
    for path in [&crlf, &cp1252] {
        let doc = ingester.ingest_file(path).unwrap();
        assert_eq!(titles(&doc), titles(&reference), "{}", path.display());
        assert_eq!(doc.municipality, reference.municipality);
        assert_eq!(doc.dates, reference.dates);
        assert!(doc.content().contains("Vingåkers kommun ska förebygga och motverka alla former av diskriminering"));
    }
    assert_eq!(ingester.ingest_file(&cp1252).unwrap().source.encoding, "windows-1252");
    assert_eq!(ingester.ingest_file(&crlf).unwrap().source.encoding, "UTF-8");
}

//! The report of the five fixture documents, written and read back.

use std::path::Path;

use kommunbench_analysis::Pipeline;
use kommunbench_analysis::polars::prelude::*;
use kommunbench_core::PolicyDocument;
use kommunbench_ingest::CorpusReader;
use kommunbench_report::{PAGES_DIR, REPORT_FILES, write_report};

fn corpus() -> Vec<PolicyDocument> {
    CorpusReader::new().read(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")]).documents
}

#[test]
fn report_files_are_written_and_read_back() {
    let bench = Pipeline::builder().build().unwrap().run(&corpus());
    let dir = tempfile::tempdir().unwrap();
    let files = write_report(&bench, dir.path(), vec!["bad.txt: the file is empty".into()]).unwrap();
    assert_eq!(files.len(), REPORT_FILES.len() + 1);
    assert!(files.last().unwrap().ends_with(PAGES_DIR));
    for f in &files {
        assert!(f.metadata().unwrap().len() > 0, "{}", f.display());
    }
    let parquet = ParquetReader::new(std::fs::File::open(dir.path().join("coverage.parquet")).unwrap()).finish().unwrap();
    assert!(parquet.equals(&bench.matrix.long().unwrap()));
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    for name in ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker", "bad.txt: the file is empty"] {
        assert!(html.contains(name), "{name} missing from the report");
    }
    // Each municipality has its page, with its priorities.
    let pages: Vec<String> = std::fs::read_dir(dir.path().join(PAGES_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pages.len(), 5, "{pages:?}");
    let vingaker = std::fs::read_to_string(dir.path().join(PAGES_DIR).join("0428-vingaker.html")).unwrap();
    assert!(vingaker.contains("<h1>Vingåker</h1>") && vingaker.contains("id=\"priorities-table\""));
    assert!(html.contains("href=\"municipalities/0428-vingaker.html\""));
    let map = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert_eq!(map.matches("<path class=\"m\"").count(), 4, "four Swedish municipalities coloured, Vasa beside the map");
    assert!(map.contains("Vasa, Österbotten"));
    let svg = std::fs::read_to_string(dir.path().join("heatmap.svg")).unwrap();
    for area in ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"] {
        assert!(svg.contains(area));
    }
}

#[test]
fn a_page_shows_the_first_sentences_of_an_area_and_counts_the_rest() {
    use kommunbench_ingest::Ingester;
    use kommunbench_report::EVIDENCE_SENTENCES;
    // One sentence on work per line, more of them than a page shows.
    let lines = EVIDENCE_SENTENCES + 15;
    let text = (1..=lines)
        .map(|i| format!("Insats {i} ger fler nyanlända arbete och egen försörjning."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let doc = Ingester::new().ingest_str("vingaker", &format!("Vingåkers kommun\n\nIntegrationsplan\n\n{text}")).unwrap();
    let bench = Pipeline::builder().build().unwrap().run(&[doc]);
    let work = bench.mappings[0].coverage.iter().find(|c| c.area.as_str() == "work").unwrap();
    assert!(work.evidence_count >= 2 * lines, "{} pieces", work.evidence_count);
    let dir = tempfile::tempdir().unwrap();
    write_report(&bench, dir.path(), Vec::new()).unwrap();
    let page = std::fs::read_to_string(dir.path().join(PAGES_DIR).join("0428-vingaker.html")).unwrap();
    let area = &page[page.find("id=\"area-work\"").unwrap()..];
    let area = &area[..area.find("</section>").unwrap()];
    assert_eq!(area.matches("<li>").count(), EVIDENCE_SENTENCES, "{area}");
    assert!(area.contains(&format!(
        "The first {EVIDENCE_SENTENCES} of {lines} sentences with a match ({} matches in all)",
        work.evidence_count
    )));
    // Each sentence once, with every match in it marked.
    assert!(area.contains("Insats 1 ger fler"), "{area}");
    assert!(!area.contains(&format!("Insats {lines} ger")));
    assert!(area.contains("<mark>arbete</mark>") && area.contains("<mark>egen försörjning</mark>"), "{area}");
    // evidence.csv keeps every match.
    let csv = std::fs::read_to_string(dir.path().join("evidence.csv")).unwrap();
    assert!(csv.matches(",work,").count() >= work.evidence_count);
    assert!(csv.contains(&format!("Insats {lines} ger")));
}

#[test]
fn a_page_lists_the_first_priorities_and_the_csv_all_of_them() {
    use kommunbench_ingest::Ingester;
    use kommunbench_report::PAGE_PRIORITIES;
    let items = PAGE_PRIORITIES + 30;
    let list = (1..=items).fold(String::new(), |mut list, i| {
        use std::fmt::Write as _;
        let _ = writeln!(list, "• Fler nyanlända i arbete, insats {i}");
        list
    });
    let doc = Ingester::new().ingest_str("vingaker", &format!("Vingåkers kommun\n\nIntegrationsplan\n\nMål\n\n{list}")).unwrap();
    assert_eq!(doc.priorities.len(), items);
    let bench = Pipeline::builder().build().unwrap().run(&[doc]);
    let dir = tempfile::tempdir().unwrap();
    write_report(&bench, dir.path(), Vec::new()).unwrap();
    let page = std::fs::read_to_string(dir.path().join(PAGES_DIR).join("0428-vingaker.html")).unwrap();
    let table = &page[page.find("id=\"priorities-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr><td>").count(), PAGE_PRIORITIES);
    assert!(page.contains(&format!("The first {PAGE_PRIORITIES} of {items} priorities")));
    let csv = std::fs::read_to_string(dir.path().join("priorities.csv")).unwrap();
    assert_eq!(csv.lines().count(), items + 1, "a header and every priority");
}

//! The report of a generated corpus of all 290 Swedish municipalities (and
//! a second generation for some): its size budget and its structure.

use crate::common::national_report;

#[test]
fn the_overview_of_290_municipalities_fits_its_budget() {
    let (dir, _) = national_report();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // The budget: the overview loads first and holds no evidence.
    assert!(html.len() <= 5 * 1024 * 1024, "report.html is {} bytes", html.len());
    // Every municipality has a document: no shape is drawn as "no document".
    assert_eq!(html.matches("<path class=\"m\"").count(), 290);
    assert_eq!(html.matches("class=\"m nodoc\"").count(), 0);
    // A row in the table and a page each.
    let rows = html.split("<tbody>").nth(2).unwrap_or_default();
    assert_eq!(rows.matches("<tr data-county=").count(), 290);
    let pages = std::fs::read_dir(dir.path().join("municipalities")).unwrap().count();
    assert_eq!(pages, 290);
    // Evidence is on the pages, not in the overview.
    assert!(!html.contains("class=\"evidence\""));
    // Some municipalities have two dated generations: the changes table is filled.
    assert!(html.contains("<h2>Changes between policy generations</h2>\n\n<div class=\"scroll\">"), "changes listed");
}

#[test]
fn a_municipality_s_page_lists_its_priorities_and_evidence() {
    let (dir, _) = national_report();
    let page = std::fs::read_to_string(dir.path().join("municipalities").join("0114-upplands-vasby.html")).unwrap();
    let priorities = page.split("id=\"priorities-table\"").nth(1).expect("a priorities table");
    let table = priorities.split("</table>").next().unwrap();
    assert!(table.matches("<tr>").count() >= 3, "{table}");
    assert!(page.contains("class=\"evidence\""));
    assert!(page.contains("href=\"../report.html\""));
}

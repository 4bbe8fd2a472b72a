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
    let rows = html.split("id=\"rows-table\"").nth(1).unwrap_or_default();
    let rows = rows.split("</table>").next().unwrap();
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

/// Coverage beside three key figures of all 290 municipalities over ten
/// years: the section, a point per municipality with a value, each page's
/// key figures, the notes on what the data lacked, and the size budget.
#[test]
fn the_outcomes_of_290_municipalities_are_drawn_beside_their_coverage() {
    use crate::common::NATIONAL_KPIS;
    let (dir, _) = national_report();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.len() <= 5 * 1024 * 1024, "report.html is {} bytes", html.len());
    let section = html.split("<section id=\"outcomes\">").nth(1).expect("the outcomes section");
    let section = section.split("</section>").next().unwrap();
    assert!(section.contains("they do not show that a policy caused an outcome"));
    for kpi in NATIONAL_KPIS {
        let figure = section.split(&format!("id=\"kpi-{kpi}\"")).nth(1).unwrap_or_else(|| panic!("{kpi} not drawn"));
        let figure = figure.split("</figure>").next().unwrap();
        let points = figure.matches("<circle class=\"point\"").count();
        // About one value in a hundred is missing in the generated data.
        assert!((270..=290).contains(&points), "{kpi}: {points} points");
        assert!(figure.contains("href=\"municipalities/0114-upplands-vasby.html\""), "points link to pages");
        assert!(figure.contains("95% interval"), "{figure}");
    }
    // Key figures of the file that the data does not hold are named.
    assert!(html.contains("Outcomes: N17549: no values in the outcome data"));
    // The group, the country and a region are not municipalities; missing values are listed.
    assert!(html.contains("group ids, not municipalities, not joined: G2328 (90 values)"), "group note");
    assert!(html.contains("values without a number: "));
    let page = std::fs::read_to_string(dir.path().join("municipalities").join("0114-upplands-vasby.html")).unwrap();
    let table = page.split("id=\"outcomes-table\"").nth(1).expect("the page's outcomes").split("</table>").next().unwrap();
    assert_eq!(table.matches("<tr><td>").count(), 7, "a row per key figure of the file");
    assert!(table.contains("N02268") && table.contains("(2024)"));
    let csv = std::fs::read_to_string(dir.path().join("outcomes.csv")).unwrap();
    assert!(csv.starts_with(
        "municipality,municipality_code,county,group,area,kpi,score,covered,year,value,value_women,value_men,policy_year,value_at_policy,change"
    ));
    assert_eq!(csv.lines().count(), 1 + 290 * 7);
    // Every item the notes count is a row of outcomes-gaps.csv; a long list is cut in the notes.
    let gaps = std::fs::read_to_string(dir.path().join("outcomes-gaps.csv")).unwrap();
    let missing = gaps.lines().filter(|l| l.starts_with("missing,")).count();
    assert!(missing > kommunbench_analysis::NOTE_ITEMS, "{missing} missing values");
    assert!(html.contains(&format!("{missing} values without a number: ")));
    assert!(html.contains(&format!("… and {} more (outcomes-gaps.csv)", missing - kommunbench_analysis::NOTE_ITEMS)));
    assert!(gaps.lines().any(|l| l == "group,,G2328,,,90 values"), "the group row");
    let total: u64 = walk_size(dir.path());
    assert!(total < 60 * 1024 * 1024, "the report folder is {total} bytes");
}

fn walk_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() { walk_size(&e.path()) } else { e.metadata().unwrap().len() }
        })
        .sum()
}

//! Coverage beside Kolada's key figures: `report --outcomes`, `compare
//! --outcomes`, and `outcomes fetch` against a local server that replays
//! responses in Kolada's shape (no test needs the internet).

use crate::common::{run, stderr, stdout};

#[path = "../../../kommunbench-outcomes/tests/support/mod.rs"]
#[allow(dead_code, reason = "the fetch tests' server; these tests use part of it")]
mod server;

const SAMPLE: &str = "fixtures/outcomes/synthetic-kolada.json";

#[test]
fn report_with_outcomes_writes_the_section_the_tables_and_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["report", "--outcomes", SAMPLE, "--out", dir.path().to_str().unwrap(), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(dir.path().join("outcomes.csv")).unwrap();
    // Five municipalities (Vasa is Finnish: no Kolada value) x the seven key figures of the file.
    assert_eq!(csv.lines().count(), 1 + 5 * 7, "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("Vingåker,0428,Södermanlands län,,work,N02268,") && l.contains(",2024,")), "{csv}");
    let summary = std::fs::read_to_string(dir.path().join("outcomes-summary.csv")).unwrap();
    assert!(summary.lines().any(|l| l.starts_with("work,N02268,") && l.contains(",2024,4,")), "{summary}");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("<h2>Policy and outcomes</h2>"));
    assert_eq!(html.matches("<circle class=\"point\"").count(), 4 + 4 + 3, "a point per municipality with a value");
    // What the data lacked, each named.
    for note in [
        "Outcomes: N18409: 2 of 5 municipalities have no value for 2024: Hedemora, Vasa",
        "group ids, not municipalities, not joined: G2328 (81 values)",
        "2 values without a number",
        "1 values with a status flag: N00973 0665 2023 K: Missing",
        "Outcomes: N00655: no values in the outcome data",
    ] {
        assert!(html.contains(note), "{note} not in the notes");
    }
    let page = std::fs::read_to_string(dir.path().join("municipalities/0428-vingaker.html")).unwrap();
    assert!(page.contains("id=\"outcomes-table\"") && page.contains("since 2016"), "the page's key figures");
}

#[test]
fn compare_shows_the_key_figures_beside_the_gaps() {
    let out = run(&["compare", "Vingåker", "--outcomes", SAMPLE, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text.lines().find(|l| l.starts_with("work") && l.contains("N02268")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("2024") && line.ends_with("higher"), "{line}");
    assert!(text.contains("they do not show that a policy caused an outcome"));
    assert!(text.contains("Gaps (not covered):"));
}

#[test]
fn a_bad_outcome_or_kpi_file_stops_the_run_before_the_corpus_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, r#"{"count": 3, "values": [{"kpi": "N00973", "municipality": "0428", "period": 2023, "values": []}]}"#)
        .unwrap();
    let out = run(&["report", "--outcomes", cut.to_str().unwrap(), "--out", dir.path().join("r").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cut.json: not a Kolada data response: `count` says 3 entries but `values` holds 1"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("r").exists());
    let kpis = dir.path().join("kpis.toml");
    std::fs::write(&kpis, "framework = \"se-2008\"\n\n[[kpi]]\narea = \"jobb\"\nid = \"N02268\"\ntitle = \"t\"\nunit = \"%\"\ndirection = \"higher\"\n").unwrap();
    let out =
        run(&["report", "--outcomes", SAMPLE, "--kpis", kpis.to_str().unwrap(), "--out", dir.path().join("r").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kpis.toml:4: area `jobb` is not an area of se-2008"), "{}", stderr(&out));
}

#[test]
fn fetch_writes_every_page_into_one_file_and_refuses_bad_ids() {
    let srv = server::Server::start();
    let first = "/v3/data/kpi/N00973/year/2022,2023?per_page=5000";
    let entry = |year: i32| {
        format!(
            r#"{{"kpi": "N00973", "municipality": "0428", "period": {year}, "values": [{{"gender": "T", "count": 1, "status": "", "value": 4{year}.5}}]}}"#
        )
    };
    let second = format!("{first}&page=2");
    srv.script(
        first,
        vec![
            server::Reply::Body(500, "{}".into()),
            server::Reply::Body(
                200,
                format!(r#"{{"count": 1, "next_url": "{}", "values": [{}]}}"#, srv.url(&second), entry(2022)),
            ),
        ],
    );
    srv.script(
        &second,
        vec![server::Reply::Body(200, format!(r#"{{"count": 1, "next_url": null, "values": [{}]}}"#, entry(2023)))],
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    let base = srv.base_url().replace("/v2", "/v3");
    let out = run(&[
        "outcomes",
        "fetch",
        "--kpi",
        "N00973",
        "--years",
        "2022-2023",
        "--out",
        file.to_str().unwrap(),
        "--base-url",
        &base,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Wrote 2 values of N00973"), "{}", stdout(&out));
    assert!(stdout(&out).contains("(2 pages, 0 from the cache, 1 retries)"), "{}", stdout(&out));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("\"period\":2022") && written.contains("\"period\":2023") && written.contains("\"next_page\":null"));
    assert!(dir.path().join(".kolada-cache").is_dir(), "pages cached beside the output");
    let out = run(&["outcomes", "fetch", "--kpi", "n00973", "--out", dir.path().join("x.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("n00973"), "{}", stderr(&out));
    assert!(!dir.path().join("x.json").exists());
}

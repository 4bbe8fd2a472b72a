//! `fetch` against a local server that replays responses in Kolada's shape:
//! pages, retries, time-outs, refusals, the cache, and that a failure
//! leaves no file behind.
#![cfg(feature = "fetch")]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kommunbench_outcomes::Outcomes;
use kommunbench_outcomes::fetch::{FetchError, FetchOptions, FetchSummary, Transient, fetch};
use serde_json::{Value, json};
use support::{Reply, Server};

/// The key figures every test asks for.
const KPIS: [&str; 2] = ["N00914", "N00002"];

/// The first page's target for [`KPIS`] over 2021–2022, two a page.
const FIRST: &str = "/v2/data/kpi/N00914,N00002/year/2021,2022?per_page=2";

/// The second page's target.
const SECOND: &str = "/v2/data/kpi/N00914,N00002/year/2021,2022?per_page=2&page=2";

/// [`KPIS`] as `fetch` takes them.
fn kpis() -> Vec<String> {
    KPIS.iter().map(|&k| k.to_owned()).collect()
}

/// Options for `server`: two entries a page, quick retries, a short
/// time-out, no cache.
fn options(server: &Server) -> FetchOptions {
    FetchOptions {
        base_url: server.base_url(),
        timeout: Duration::from_secs(5),
        retries: 2,
        backoff: Duration::from_millis(10),
        cache: None,
        per_page: 2,
    }
}

/// One entry of a data response, with a total and a women's value.
fn entry(kpi: &str, municipality: &str, period: i32, value: f64) -> Value {
    json!({
        "kpi": kpi, "municipality": municipality, "period": period,
        "values": [
            {"gender": "T", "value": value, "count": 1, "status": ""},
            {"gender": "K", "value": null, "count": 0, "status": "Missing"},
        ],
    })
}

/// A page body: `entries`, a `count` (their number unless given), and a
/// `next_page` link or null.
fn page(entries: &[Value], count: Option<usize>, next: Option<&str>) -> String {
    json!({"count": count.unwrap_or(entries.len()), "next_page": next, "values": entries}).to_string()
}

/// A 200 reply with `body`.
fn ok(body: String) -> Reply {
    Reply::Body(200, body)
}

/// The entries of the first and second page.
fn entries() -> (Vec<Value>, Vec<Value>) {
    let first = vec![entry("N00914", "0428", 2021, 61.3), entry("N00914", "0428", 2022, 62.0)];
    let second = vec![entry("N00002", "0428", 2022, 7.5)];
    (first, second)
}

/// A scratch folder and the path of the output file in it.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("kolada.json");
    (dir, out)
}

/// The names in a folder, sorted (to see that no temporary file is left).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("folder entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `fetch` for [`KPIS`] over 2021–2022.
fn run(options: &FetchOptions, out: &Path) -> Result<FetchSummary, FetchError> {
    fetch(&kpis(), 2021..=2022, options, out)
}

/// Checks that a failed fetch left nothing in `dir`, and returns the
/// error's message.
fn failed(result: Result<FetchSummary, FetchError>, dir: &Path) -> (FetchError, String) {
    let error = result.expect_err("the fetch should fail");
    assert_eq!(names(dir), Vec::<String>::new(), "a failed fetch left files behind");
    let message = error.to_string();
    (error, message)
}

#[test]
fn two_pages_become_one_response() {
    let server = Server::start();
    let (first, second) = entries();
    server.script(FIRST, vec![ok(page(&first, None, Some(&server.url(SECOND))))]);
    server.script(SECOND, vec![ok(page(&second, None, None))]);
    let (dir, out) = scratch();

    let summary = run(&options(&server), &out).expect("fetch");

    assert_eq!(summary, FetchSummary { pages: 2, values: 3, from_cache: 0, retries: 0 });
    assert_eq!(server.hits(), [FIRST, SECOND]);
    assert_eq!(names(dir.path()), ["kolada.json"]);
    let written: Value = serde_json::from_slice(&std::fs::read(&out).expect("read out")).expect("out is JSON");
    let all: Vec<Value> = first.into_iter().chain(second).collect();
    assert_eq!(written, json!({"count": 3, "next_page": null, "values": all}));
    let outcomes = Outcomes::read(&[&out]).expect("Outcomes::read reads the download");
    assert_eq!(outcomes.observations.len(), 6);
    assert_eq!(outcomes.kpis(), ["N00002", "N00914"]);
    assert!(outcomes.notes.unfinished.is_empty());
}

#[test]
fn a_relative_next_page_resolves_against_the_base_host() {
    let server = Server::start();
    let (first, second) = entries();
    server.script(FIRST, vec![ok(page(&first, None, Some(SECOND)))]);
    server.script(SECOND, vec![ok(page(&second, None, None))]);
    let (_dir, out) = scratch();

    let summary = run(&options(&server), &out).expect("fetch");

    assert_eq!((summary.pages, summary.values), (2, 3));
    assert_eq!(server.hits(), [FIRST, SECOND]);
}

#[test]
fn a_server_error_is_tried_again() {
    let server = Server::start();
    let (first, _) = entries();
    server.script(FIRST, vec![Reply::Body(500, "{}".to_owned()), ok(page(&first, None, None))]);
    let (dir, out) = scratch();

    let summary = run(&options(&server), &out).expect("fetch");

    assert_eq!(summary, FetchSummary { pages: 1, values: 2, from_cache: 0, retries: 1 });
    assert_eq!(server.hits().len(), 2);
    assert_eq!(names(dir.path()), ["kolada.json"]);
    assert_eq!(Outcomes::read(&[&out]).expect("read").observations.len(), 4);
}

#[test]
fn too_many_requests_and_unavailable_are_tried_again() {
    let server = Server::start();
    let (first, _) = entries();
    let replies = vec![Reply::Body(429, "{}".to_owned()), Reply::Body(503, "{}".to_owned()), ok(page(&first, None, None))];
    server.script(FIRST, replies);
    let (_dir, out) = scratch();

    let summary = run(&options(&server), &out).expect("fetch");

    assert_eq!(summary.retries, 2);
    assert!(out.is_file());
}

#[test]
fn a_body_that_is_never_json_fails_after_every_try() {
    let server = Server::start();
    server.script(FIRST, vec![ok(r#"{"count": 2, "values": [{"kpi": "N0"#.to_owned())]);
    let (dir, out) = scratch();

    let (error, message) = failed(run(&options(&server), &out), dir.path());

    assert!(matches!(error, FetchError::GaveUp { tries: 3, problem: Transient::NotJson(_), .. }), "{error:?}");
    assert!(message.contains(&server.url(FIRST)), "{message}");
    assert!(message.contains("not JSON"), "{message}");
    assert!(message.contains("3 tries"), "{message}");
    assert_eq!(server.hits().len(), 3);
}

#[test]
fn a_page_cut_short_fails_after_every_try() {
    let server = Server::start();
    let (first, _) = entries();
    server.script(FIRST, vec![ok(page(&first, Some(3), None))]);
    let (dir, out) = scratch();

    let (error, message) = failed(run(&options(&server), &out), dir.path());

    assert!(matches!(error, FetchError::GaveUp { problem: Transient::CutShort { count: 3, values: 2 }, .. }), "{error:?}");
    assert!(message.contains("cut short"), "{message}");
    assert!(message.contains(&server.url(FIRST)), "{message}");
    assert_eq!(server.hits().len(), 3);
}

#[test]
fn a_silent_server_times_out() {
    let server = Server::start();
    server.script(FIRST, vec![Reply::Hang]);
    let (dir, out) = scratch();
    let options =
        FetchOptions { timeout: Duration::from_millis(200), retries: 1, backoff: Duration::from_millis(10), ..options(&server) };

    let started = Instant::now();
    let (error, message) = failed(run(&options, &out), dir.path());

    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(matches!(error, FetchError::GaveUp { tries: 2, problem: Transient::TimedOut(_), .. }), "{error:?}");
    assert!(message.contains("timed out after 200ms"), "{message}");
    assert!(message.contains(&server.url(FIRST)), "{message}");
    assert_eq!(server.hits().len(), 2);
}

#[test]
fn not_found_fails_at_once() {
    let server = Server::start();
    server.script(FIRST, vec![Reply::Body(404, r#"{"error": "no such kpi"}"#.to_owned())]);
    let (dir, out) = scratch();
    let options = FetchOptions { retries: 3, ..options(&server) };

    let (error, message) = failed(run(&options, &out), dir.path());

    assert!(matches!(error, FetchError::Refused { status: 404, .. }), "{error:?}");
    assert!(message.contains("HTTP 404 Not Found"), "{message}");
    assert!(message.contains(&server.url(FIRST)), "{message}");
    assert_eq!(server.hits().len(), 1, "a 404 is not tried again");
}

#[test]
fn json_in_another_shape_fails_at_once() {
    let server = Server::start();
    server.script(FIRST, vec![ok(r#"{"count": 1, "values": [{"kpi": "N00914", "period": 2022}]}"#.to_owned())]);
    let (dir, out) = scratch();

    let (error, message) = failed(run(&options(&server), &out), dir.path());

    assert!(matches!(error, FetchError::Shape { .. }), "{error:?}");
    assert!(message.contains("not a Kolada data response"), "{message}");
    assert!(message.contains("no `municipality`"), "{message}");
    assert_eq!(server.hits().len(), 1);
}

#[test]
fn a_next_page_that_loops_is_stopped() {
    let server = Server::start();
    let (first, second) = entries();
    server.script(FIRST, vec![ok(page(&first, None, Some(SECOND)))]);
    server.script(SECOND, vec![ok(page(&second, None, Some(FIRST)))]);
    let (dir, out) = scratch();

    let (error, message) = failed(run(&options(&server), &out), dir.path());

    assert!(matches!(error, FetchError::Loop { .. }), "{error:?}");
    assert!(message.contains("already read"), "{message}");
    assert_eq!(server.hits(), [FIRST, SECOND]);
}

#[test]
fn the_cache_answers_a_second_fetch_without_the_server() {
    let server = Server::start();
    let (first, second) = entries();
    server.script(FIRST, vec![ok(page(&first, None, Some(&server.url(SECOND))))]);
    server.script(SECOND, vec![ok(page(&second, None, None))]);
    let (dir, out) = scratch();
    let cache = dir.path().join("cache");
    let options = FetchOptions { cache: Some(cache.clone()), retries: 0, ..options(&server) };

    let online = run(&options, &out).expect("first fetch");
    assert_eq!(online, FetchSummary { pages: 2, values: 3, from_cache: 0, retries: 0 });
    let cached = names(&cache);
    assert_eq!(cached.len(), 2, "{cached:?}");
    for name in &cached {
        let stem = name.strip_suffix(".json").expect("a .json file");
        assert!(stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
    }
    server.stop();

    let again = dir.path().join("again.json");
    let offline = run(&options, &again).expect("second fetch, from the cache");

    assert_eq!(offline, FetchSummary { pages: 2, values: 3, from_cache: 2, retries: 0 });
    assert_eq!(offline.from_cache, offline.pages);
    assert_eq!(std::fs::read(&again).expect("read again"), std::fs::read(&out).expect("read out"));
}

#[test]
fn only_pages_that_pass_are_cached() {
    let server = Server::start();
    let (first, _) = entries();
    server.script(FIRST, vec![ok(page(&first, None, Some(SECOND)))]);
    server.script(SECOND, vec![ok("<html>busy</html>".to_owned())]);
    let dir = tempfile::tempdir().expect("temporary folder");
    let cache = dir.path().join("cache");
    let out_dir = dir.path().join("out");
    let out = out_dir.join("kolada.json");
    let options = FetchOptions { cache: Some(cache.clone()), ..options(&server) };

    let (error, _) = failed(run(&options, &out), &out_dir);

    assert!(matches!(error, FetchError::GaveUp { problem: Transient::NotJson(_), .. }), "{error:?}");
    assert_eq!(names(&cache).len(), 1, "the first page only: {:?}", names(&cache));
}

#[test]
fn bad_ids_and_empty_years_fail_before_any_request() {
    let server = Server::start();
    let (dir, out) = scratch();
    let options = options(&server);
    let cases: [(Vec<String>, std::ops::RangeInclusive<i32>, &str); 5] = [
        (vec!["n00914".to_owned()], 2021..=2022, "`n00914` is not a Kolada key figure id"),
        (vec!["N0091".to_owned()], 2021..=2022, "`N0091` is not a Kolada key figure id"),
        (vec!["N00914".to_owned(), "N00914x".to_owned()], 2021..=2022, "`N00914x` is not"),
        (vec![], 2021..=2022, "no key figures to fetch"),
        (kpis(), std::ops::RangeInclusive::new(2023, 2022), "the years 2023..=2022 hold no year"),
    ];
    for (ids, years, expected) in cases {
        let error = fetch(&ids, years, &options, &out).expect_err("bad input");
        assert!(matches!(error, FetchError::BadKpi { .. } | FetchError::NoKpis | FetchError::NoYears { .. }), "{error:?}");
        assert!(error.to_string().contains(expected), "{error}");
    }
    assert!(server.hits().is_empty(), "{:?}", server.hits());
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

/// Version 3: pages link on with `next_url`, and at most 25 years (or key
/// figures) go in one request, so thirty years are two requests.
#[test]
fn version_3_links_with_next_url_and_takes_25_ids_a_request() {
    let server = Server::start();
    let years = |from: i32, to: i32| (from..=to).map(|y| y.to_string()).collect::<Vec<_>>().join(",");
    let first = format!("/v2/data/kpi/N00973/year/{}?per_page=2", years(1995, 2019));
    let more = format!("{first}&page=2");
    let second = format!("/v2/data/kpi/N00973/year/{}?per_page=2", years(2020, 2024));
    let body = |entries: &[Value], next: Option<String>| {
        json!({"count": entries.len(), "next_url": next, "values": entries}).to_string()
    };
    server.script(&first, vec![ok(body(&[entry("N00973", "0428", 1995, 40.0)], Some(server.url(&more))))]);
    server.script(&more, vec![ok(body(&[entry("N00973", "0428", 2019, 41.0)], None))]);
    server.script(&second, vec![ok(body(&[entry("N00973", "0428", 2024, 44.0)], None))]);
    let (_dir, out) = scratch();

    let summary = fetch(&["N00973".to_owned()], 1995..=2024, &options(&server), &out).expect("fetch");

    assert_eq!(server.hits(), [first, more, second]);
    assert_eq!((summary.pages, summary.values), (3, 3));
    let outcomes = Outcomes::read(&[&out]).expect("read");
    let periods: Vec<i32> = outcomes.observations.iter().filter(|o| o.value.is_some()).map(|o| o.period).collect();
    assert_eq!(periods, [1995, 2019, 2024]);
}

/// A page without `count` is taken as it is: a page cut short in its
/// bytes is not JSON, and is tried again as such.
#[test]
fn a_page_without_a_count_is_taken_as_it_is() {
    let server = Server::start();
    let (first, _) = entries();
    server.script(FIRST, vec![ok(json!({"next_page": null, "values": first}).to_string())]);
    let (_dir, out) = scratch();
    let summary = run(&options(&server), &out).expect("fetch");
    assert_eq!((summary.pages, summary.values), (1, 2));
}

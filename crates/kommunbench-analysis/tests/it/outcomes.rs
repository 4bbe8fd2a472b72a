//! Coverage beside outcomes on the fixture corpus, with a hand-written
//! Kolada response whose medians and changes can be worked out by hand.

use std::path::Path;
use std::sync::OnceLock;

use kommunbench_analysis::kommunbench_outcomes::{KpiMap, Outcomes};
use kommunbench_analysis::{Benchmark, MIN_GROUP, MIN_PAIRS, OutcomeReport, OutcomeRow, Pipeline, spearman, spearman_estimate};
use kommunbench_core::{DocumentId, Framework, MunicipalityRegistry, PolicyDocument};
use kommunbench_ingest::CorpusReader;

/// The five fixture documents.
fn corpus() -> Vec<PolicyDocument> {
    CorpusReader::new().read(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")]).documents
}

/// The benchmark of the five fixture documents, built once.
fn bench() -> &'static Benchmark {
    static BENCH: OnceLock<Benchmark> = OnceLock::new();
    BENCH.get_or_init(|| Pipeline::builder().build().unwrap().run(&corpus()))
}

/// Three key figures: one with values up to 2023, one up to 2022 and one
/// with none at all.
const KPIS: &str = r#"framework = "se-2008"

[[kpi]]
area = "reception"
id = "N00973"
title = "Lämnat etableringsuppdraget och börjat arbeta eller studera (status efter 90 dagar), andel (%)"
unit = "%"
direction = "higher"

[[kpi]]
area = "work"
id = "N02268"
title = "Sysselsättningsgrad, utrikes födda 20-64 år, andel (%)"
unit = "%"
direction = "higher"

[[kpi]]
area = "discrimination"
id = "N00655"
title = "Medborgarundersökningen - Kommunens arbete för att minska diskriminering fungerar bra, andel (%)"
unit = "%"
direction = "higher"
"#;

/// One entry with a total value, and a status where given.
fn entry(kpi: &str, municipality: &str, period: i32, value: Option<f64>, status: &str) -> String {
    let value = value.map_or("null".to_owned(), |v| v.to_string());
    format!(
        r#"{{"kpi": "{kpi}", "municipality": "{municipality}", "period": {period},
            "values": [{{"gender": "T", "value": {value}, "count": 1, "status": "{status}"}}]}}"#
    )
}

/// The response: Vingåker 0428, Vaggeryd 0665, Jönköping 0680 and
/// Hedemora 2083 (the fixtures' Swedish municipalities), two
/// municipalities without a document (0114, 2584), the country (0000), a
/// region (0001) and a group (G124066), whose values would move the
/// national median if they counted.
fn response() -> String {
    let mut entries = vec![
        // N00973, latest 2023. Policies: Vingåker 2016, Vaggeryd 2017,
        // Hedemora 2017, Jönköping undated.
        entry("N00973", "0428", 2016, Some(40.0), ""),
        entry("N00973", "0428", 2023, Some(46.0), ""),
        entry("N00973", "0665", 2017, Some(30.0), ""),
        entry("N00973", "0665", 2023, Some(35.5), ""),
        entry("N00973", "0680", 2017, Some(45.0), ""),
        entry("N00973", "0680", 2023, Some(50.0), ""),
        entry("N00973", "2083", 2017, Some(44.0), ""),
        entry("N00973", "2083", 2020, Some(43.0), ""),
        entry("N00973", "2083", 2023, Some(42.0), ""),
        entry("N00973", "0114", 2023, Some(20.0), ""),
        entry("N00973", "2584", 2023, Some(60.0), ""),
        entry("N00973", "0000", 2023, Some(1000.0), ""),
        entry("N00973", "0001", 2023, Some(999.0), ""),
        entry("N00973", "G124066", 2023, Some(500.0), ""),
        // N02268, latest 2022: Hedemora has no number, Vaggeryd's is
        // flagged, only Vingåker has a value in its policy's year.
        entry("N02268", "0428", 2016, Some(68.5), ""),
        entry("N02268", "0428", 2022, Some(70.0), ""),
        entry("N02268", "0665", 2022, Some(74.0), "Reviderad"),
        entry("N02268", "0680", 2022, Some(72.0), ""),
        entry("N02268", "2083", 2022, None, "Missing"),
        // A key figure the KPI file does not name.
        entry("N99999", "0428", 2022, Some(1.0), ""),
    ];
    // A women's value is not the total: it must not be read as one.
    entries.push(
        r#"{"kpi": "N00973", "municipality": "0428", "period": 2023,
            "values": [{"gender": "K", "value": 99.0, "count": 1, "status": ""}]}"#
            .to_owned(),
    );
    format!(r#"{{"count": {}, "next_page": null, "values": [{}]}}"#, entries.len(), entries.join(",\n"))
}

/// The response read back, and the KPI file.
fn inputs() -> (Outcomes, KpiMap) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    std::fs::write(&file, response()).unwrap();
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let kpis = KpiMap::parse(KPIS, Path::new("kpis.toml"), &Framework::builtin("se-2008").unwrap()).unwrap();
    (outcomes, kpis)
}

/// The report, made once.
fn report() -> &'static OutcomeReport {
    static REPORT: OnceLock<OutcomeReport> = OnceLock::new();
    REPORT.get_or_init(|| {
        let (outcomes, kpis) = inputs();
        bench().outcomes(&outcomes, &kpis)
    })
}

/// The rows of one key figure.
fn rows_of(kpi: &str) -> Vec<&'static OutcomeRow> {
    report().rows.iter().filter(|r| r.kpi == kpi).collect()
}

/// The row of one municipality and key figure.
fn row(municipality: &str, kpi: &str) -> &'static OutcomeRow {
    report().rows.iter().find(|r| r.municipality == municipality && r.kpi == kpi).unwrap()
}

#[test]
fn the_fixture_documents_are_dated_as_the_changes_assume() {
    let dates: Vec<(&str, Option<u16>)> =
        bench().documents.iter().map(|d| (d.actor.name(), d.date.map(kommunbench_core::Date::year))).collect();
    assert_eq!(
        dates,
        [("Hedemora", Some(2017)), ("Jönköping", None), ("Vaggeryd", Some(2017)), ("Vasa", Some(2023)), ("Vingåker", Some(2016)),]
    );
    assert!(bench().groups.is_empty(), "no peer groups");
}

#[test]
fn a_row_per_municipality_and_key_figure() {
    let rows = &report().rows;
    assert_eq!(rows.len(), 5 * 3);
    let names = ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker"];
    let codes = ["2083", "0680", "0665", "905", "0428"];
    for (i, kpi) in ["N00973", "N02268", "N00655"].into_iter().enumerate() {
        let mine = &rows[i * 5..(i + 1) * 5];
        assert!(mine.iter().all(|r| r.kpi == kpi), "{kpi}: key figures in the file's order");
        assert_eq!(mine.iter().map(|r| r.municipality.as_str()).collect::<Vec<_>>(), names);
        assert_eq!(mine.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), codes);
        assert!(mine.iter().all(|r| r.group.is_none()));
    }
    // The area's score and coverage are the profile's.
    let area = |kpi: &str| match kpi {
        "N00973" => "reception",
        "N02268" => "work",
        _ => "discrimination",
    };
    for r in rows {
        assert_eq!(r.area, area(&r.kpi));
        let p = bench().find(&r.municipality).unwrap();
        let a = bench().areas.iter().position(|(id, _)| *id == r.area).unwrap();
        assert_eq!((r.score, r.covered), (p.scores[a], p.covered[a]), "{} {}", r.municipality, r.kpi);
        assert_eq!(r.county.as_deref(), p.actor.county());
    }
    // Vasa (Finnish) is a row, with no Swedish key figure.
    let vasa = row("Vasa", "N00973");
    assert_eq!((vasa.value, vasa.value_at_policy, vasa.change), (None, None, None));
    assert_eq!((vasa.year, vasa.policy_year), (Some(2023), Some(2023)));
}

#[test]
fn the_latest_year_and_the_change_since_the_policy() {
    // (municipality, year, value, policy year, value then, change)
    type Expected = (&'static str, Option<i32>, Option<f64>, Option<i32>, Option<f64>, Option<f64>);
    let got = |kpi| -> Vec<Expected> {
        rows_of(kpi)
            .iter()
            .map(|r| (r.municipality.as_str(), r.year, r.value, r.policy_year, r.value_at_policy, r.change))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        got("N00973"),
        [
            ("Hedemora", Some(2023), Some(42.0), Some(2017), Some(44.0), Some(-2.0)),
            // Undated: no policy year, no change.
            ("Jönköping", Some(2023), Some(50.0), None, None, None),
            ("Vaggeryd", Some(2023), Some(35.5), Some(2017), Some(30.0), Some(5.5)),
            ("Vasa", Some(2023), None, Some(2023), None, None),
            // The total, not the women's 99.
            ("Vingåker", Some(2023), Some(46.0), Some(2016), Some(40.0), Some(6.0)),
        ]
    );
    assert_eq!(
        got("N02268"),
        [
            ("Hedemora", Some(2022), None, Some(2017), None, None),
            ("Jönköping", Some(2022), Some(72.0), None, None, None),
            // No value in 2017.
            ("Vaggeryd", Some(2022), Some(74.0), Some(2017), None, None),
            ("Vasa", Some(2022), None, Some(2023), None, None),
            ("Vingåker", Some(2022), Some(70.0), Some(2016), Some(68.5), Some(1.5)),
        ]
    );
    assert!(rows_of("N00655").iter().all(|r| r.year.is_none() && r.value.is_none() && r.change.is_none()));
}

#[test]
fn no_change_where_the_policy_is_from_the_latest_year() {
    // N00973's latest year is 2017, Hedemora's policy year: the value then
    // is the value now, and no change. Vingåker (2016) has a value only in
    // its policy's year, none in 2017.
    let body = format!(
        r#"{{"count": 2, "values": [{}, {}]}}"#,
        entry("N00973", "2083", 2017, Some(44.0), ""),
        entry("N00973", "0428", 2016, Some(40.0), "")
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    std::fs::write(&file, body).unwrap();
    let (_, kpis) = inputs();
    let report = bench().outcomes(&Outcomes::read(&[&file]).unwrap(), &kpis);
    let of = |name: &str| report.rows.iter().find(|r| r.municipality == name && r.kpi == "N00973").unwrap();
    let hedemora = of("Hedemora");
    assert_eq!(
        (hedemora.year, hedemora.value, hedemora.value_at_policy, hedemora.change),
        (Some(2017), Some(44.0), Some(44.0), None)
    );
    let vingaker = of("Vingåker");
    assert_eq!((vingaker.year, vingaker.value, vingaker.value_at_policy, vingaker.change), (Some(2017), None, Some(40.0), None));
    assert_eq!((report.summaries[0].n_change, report.summaries[0].median_change), (0, None));
}

#[test]
fn summaries_by_hand() {
    let s = &report().summaries;
    assert_eq!(
        s.iter().map(|s| (s.area.as_str(), s.kpi.as_str())).collect::<Vec<_>>(),
        [("reception", "N00973"), ("work", "N02268"), ("discrimination", "N00655")]
    );

    // Reception is covered by Hedemora (42), Jönköping (50) and Vingåker
    // (46), not by Vaggeryd (35.5).
    let reception = &s[0];
    assert_eq!(reception.year, Some(2023));
    assert_eq!((reception.n, reception.n_covered), (4, 3));
    assert_eq!((reception.median_covered, reception.median_not_covered), (Some(46.0), Some(35.5)));
    const { assert!(1 < MIN_GROUP && 4 < MIN_PAIRS) };
    assert_eq!(reception.difference, None, "one municipality does not cover reception: too few for a difference");
    assert_eq!(reception.spearman, None, "four pairs: too few for a correlation");
    // 20, 35.5, 42, 46, 50, 60: the country, the region and the group
    // (1000, 999, 500) do not count.
    assert_eq!(reception.national_median, Some(44.0));
    // Changes -2, 5.5 and 6.
    assert_eq!((reception.n_change, reception.median_change), (3, Some(5.5)));

    // Work is covered everywhere: 70, 72, 74 and Hedemora without a number.
    let work = &s[1];
    assert_eq!(work.year, Some(2022));
    assert_eq!((work.n, work.n_covered), (3, 3));
    assert_eq!((work.median_covered, work.median_not_covered), (Some(72.0), None));
    assert_eq!((work.difference, work.spearman), (None, None));
    assert_eq!(work.national_median, Some(72.0));
    assert_eq!((work.n_change, work.median_change), (1, Some(1.5)));

    let none = &s[2];
    assert_eq!((none.year, none.n, none.n_covered, none.n_change), (None, 0, 0, 0));
    assert_eq!(
        (none.median_covered, none.median_not_covered, none.national_median, none.median_change),
        (None, None, None, None)
    );
    assert_eq!((none.difference, none.spearman), (None, None));
    assert_eq!(none.title, "Medborgarundersökningen - Kommunens arbete för att minska diskriminering fungerar bra, andel (%)");
}

#[test]
fn without_peer_groups_every_row_is_compared_with_all() {
    let report = report();
    let median = |name: &str, kpi: &str| {
        report.rows.iter().find(|r| r.municipality == name && r.kpi == kpi).map(|r| r.group_median).unwrap()
    };
    // N00973: 35.5, 42, 46, 50; N02268: 70, 72, 74; N00655 has no values.
    for name in ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker"] {
        assert_eq!(median(name, "N00973"), Some(44.0), "{name}");
        assert_eq!(median(name, "N02268"), Some(72.0), "{name}");
        assert_eq!(median(name, "N00655"), None, "{name}");
    }
    assert_eq!(report.rows.iter().filter(|r| r.group_median.is_some()).count(), 10);
}

#[test]
fn the_notes_say_what_is_missing_and_flagged() {
    let notes = &report().notes;
    let expected = [
        "N00973: 1 of 5 municipalities have no value for 2023: Vasa",
        "N02268: 2 of 5 municipalities have no value for 2022: Hedemora, Vasa",
        "N00655: no values in the outcome data",
        "N00655: 5 of 5 municipalities have no value: Hedemora, Jönköping, Vaggeryd, Vasa, Vingåker",
        "group ids, not municipalities, not joined: G124066 (1 values)",
        "4 ids with values but no document in the benchmark (2 of them the country or a region); \
         they count in the national medians where they are municipalities",
        "1 values without a number: N02268 2083 2022 T",
        "2 values with a status flag: N02268 0665 2022 T: Reviderad; N02268 2083 2022 T: Missing",
        "key figures in the data that the KPI file does not name, not used: N99999",
    ];
    assert_eq!(notes, &expected);
}

#[test]
fn an_unfinished_page_and_withdrawn_values_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page1.json");
    std::fs::write(
        &file,
        r#"{"count": 1, "next_url": "https://api.kolada.se/v3/data/kpi/N00973/year/2023?page=2", "values": [
            {"kpi": "N00973", "municipality": "0428", "period": 2023, "values": [
                {"gender": "T", "value": 46.0, "isdeleted": true}, {"gender": "K", "value": 47.0}]}]}"#,
    )
    .unwrap();
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let (_, kpis) = inputs();
    let report = bench().outcomes(&outcomes, &kpis);
    assert!(report.notes.contains(&format!(
        "{}: one page of more (next page https://api.kolada.se/v3/data/kpi/N00973/year/2023?page=2); the pages after it are not read",
        file.display()
    )));
    assert!(
        report.notes.contains(&"1 values marked withdrawn by Kolada, left out: N00973 0428 2023 T".to_owned()),
        "{:?}",
        report.notes
    );
    // The withdrawn total is not the value, and the women's is not either.
    assert_eq!(report.rows.iter().filter(|r| r.kpi == "N00973").filter_map(|r| r.value).count(), 0);
    assert!(report.notes.contains(&"N00973: no values in the outcome data".to_owned()));
}

#[test]
fn the_frames_have_their_columns_and_a_row_each() {
    let frame = report().frame().unwrap();
    let columns: Vec<String> = frame.get_column_names().iter().map(ToString::to_string).collect();
    assert_eq!(
        columns,
        [
            "municipality",
            "municipality_code",
            "county",
            "group",
            "area",
            "kpi",
            "score",
            "covered",
            "year",
            "value",
            "value_women",
            "value_men",
            "policy_year",
            "value_at_policy",
            "change"
        ]
    );
    assert_eq!(frame.height(), 15);
    let change: Vec<Option<f64>> = frame.column("change").unwrap().f64().unwrap().iter().collect();
    assert_eq!(change[..5], [Some(-2.0), None, Some(5.5), None, Some(6.0)]);
    // Women's and men's values sit beside the total, never in its place.
    let women: Vec<Option<f64>> = frame.column("value_women").unwrap().f64().unwrap().iter().collect();
    let total: Vec<Option<f64>> = frame.column("value").unwrap().f64().unwrap().iter().collect();
    assert_eq!(women.len(), total.len());
    assert!(!total.contains(&Some(99.0)), "the women's 99 is not a total");
    assert_eq!(women.iter().filter(|w| **w == Some(99.0)).count(), 1, "Vingåker's women's value of N00973 in 2023");

    let summary = report().summary_frame().unwrap();
    let columns: Vec<String> = summary.get_column_names().iter().map(ToString::to_string).collect();
    assert_eq!(
        columns,
        [
            "area",
            "kpi",
            "title",
            "unit",
            "direction",
            "year",
            "n",
            "n_covered",
            "median_covered",
            "median_not_covered",
            "difference",
            "difference_low",
            "difference_high",
            "spearman",
            "spearman_low",
            "spearman_high",
            "national_median",
            "n_change",
            "median_change"
        ]
    );
    assert_eq!(summary.height(), 3);
    let national: Vec<Option<f64>> = summary.column("national_median").unwrap().f64().unwrap().iter().collect();
    assert_eq!(national, [Some(44.0), Some(72.0), None]);
}

#[test]
fn spearman_with_ties_by_hand() {
    // Ranks of x: 1, 2.5, 2.5, 4, 5; of y: 1, 2, 3.5, 3.5, 5. Deviations
    // from the mean rank 3: x -2, -0.5, -0.5, 1, 2; y -2, -1, 0.5, 0.5, 2.
    // Sxy = 4 + 0.5 - 0.25 + 0.5 + 4 = 8.75, Sxx = Syy = 9.5: rho = 35/38.
    let pairs = [(1.0, 10.0), (2.0, 20.0), (2.0, 30.0), (3.0, 30.0), (4.0, 50.0)];
    let rho = spearman(&pairs).unwrap();
    assert!((rho - 35.0 / 38.0).abs() < 1e-12, "{rho}");
    // Ranks, not values: a monotone transform changes nothing.
    let cubed: Vec<(f64, f64)> = pairs.iter().map(|&(x, y)| (x.powi(3), y.ln())).collect();
    assert!((spearman(&cubed).unwrap() - rho).abs() < 1e-12);
    assert_eq!(spearman(&[(1.0, 2.0), (1.0, 3.0), (1.0, 4.0)]), None, "x does not vary");

    let mut rng = fastrand_seeded();
    let estimate = spearman_estimate(&pairs, &mut rng).unwrap();
    assert!((estimate.value - rho).abs() < 1e-12, "{estimate:?}");
    assert!(estimate.low <= estimate.high && estimate.high <= 1.0 && estimate.low >= -1.0, "{estimate:?}");
    assert_eq!(spearman_estimate(&pairs[..MIN_PAIRS - 1], &mut fastrand_seeded()), None);
}

/// A seeded generator of the crate's `fastrand`.
fn fastrand_seeded() -> fastrand::Rng {
    fastrand::Rng::with_seed(7)
}

#[test]
fn the_same_inputs_give_the_same_report() {
    let (outcomes, kpis) = inputs();
    let again = bench().outcomes(&outcomes, &kpis);
    assert_eq!(&again, report());
    assert_eq!(bench().outcomes(&outcomes, &kpis), again);
}

/// The fixtures and copies of two of them for other municipalities:
/// Vingåker's (which covers reception) as Ljusdal's and Kiruna's,
/// Vaggeryd's (which does not) as Nora's and Arjeplog's; so reception has
/// five municipalities that cover it and three (Vaggeryd's three) that
/// do not, enough for a difference and a correlation.
fn larger_bench() -> &'static Benchmark {
    static BENCH: OnceLock<Benchmark> = OnceLock::new();
    BENCH.get_or_init(|| {
        let registry = MunicipalityRegistry::builtin();
        let mut docs = corpus();
        let copies =
            [("vingaker-2016", "Ljusdal"), ("vingaker-2016", "Kiruna"), ("vaggeryd-2017", "Nora"), ("vaggeryd-2017", "Arjeplog")];
        for (original, name) in copies {
            let mut doc = docs.iter().find(|d| d.id.as_str() == original).unwrap().clone();
            doc.id = DocumentId::new(format!("{}-copy", name.to_lowercase())).unwrap();
            doc.municipality = Some(registry.by_name(name).unwrap().clone());
            docs.push(doc);
        }
        Pipeline::builder().build().unwrap().run(&docs)
    })
}

/// Reception (N00973) in 2023 for the larger benchmark: 42, 44, 46, 48, 50
/// where it is covered, 30, 33, 35.5 where not.
fn larger_report() -> OutcomeReport {
    let values = [
        ("2083", 42.0), // Hedemora, covered
        ("0680", 50.0), // Jönköping, covered
        ("0428", 46.0), // Vingåker, covered
        ("2161", 48.0), // Ljusdal, covered
        ("2584", 44.0), // Kiruna, covered
        ("0665", 35.5), // Vaggeryd, not covered
        ("1884", 30.0), // Nora, not covered
        ("2506", 33.0), // Arjeplog, not covered
    ];
    let entries: Vec<String> = values.iter().map(|(code, v)| entry("N00973", code, 2023, Some(*v), "")).collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    std::fs::write(&file, format!(r#"{{"count": {}, "values": [{}]}}"#, entries.len(), entries.join(","))).unwrap();
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let (_, kpis) = inputs();
    larger_bench().outcomes(&outcomes, &kpis)
}

#[test]
fn with_three_on_each_side_the_difference_and_correlation_are_given() {
    let bench = larger_bench();
    assert_eq!(bench.profiles().len(), 9);
    let report = larger_report();
    let reception = &report.summaries[0];
    assert_eq!((reception.n, reception.n_covered), (8, 5));
    assert_eq!((reception.median_covered, reception.median_not_covered), (Some(46.0), Some(33.0)));
    let difference = reception.difference.unwrap();
    assert!((difference.value - 13.0).abs() < 1e-12, "{difference:?}");
    // Every covered value is above every other: a resampled difference
    // lies between 42 - 35.5 and 50 - 30.
    assert!(
        6.5 <= difference.low && difference.low <= 13.0 && 13.0 <= difference.high && difference.high <= 20.0,
        "{difference:?}"
    );
    // The correlation is Spearman's of the rows' score and value.
    let pairs: Vec<(f64, f64)> =
        report.rows.iter().filter(|r| r.kpi == "N00973").filter_map(|r| Some((r.score, r.value?))).collect();
    assert_eq!(pairs.len(), 8);
    let rho = reception.spearman.unwrap();
    assert!((rho.value - spearman(&pairs).unwrap()).abs() < 1e-12, "{rho:?}");
    assert!(rho.value > 0.0 && -1.0 <= rho.low && rho.low <= rho.high && rho.high <= 1.0, "{rho:?}");
    assert!(
        report.notes.contains(&"N00973: 1 of 9 municipalities have no value for 2023: Vasa".to_owned()),
        "{:?}",
        report.notes
    );
    // Seeded: the same intervals run after run.
    assert_eq!(larger_report(), report);
}

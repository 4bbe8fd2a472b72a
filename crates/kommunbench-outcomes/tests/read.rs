//! Reading saved Kolada responses (`Outcomes::read`) and KPI files
//! (`KpiMap`), on small files written to a temporary folder: every note,
//! every error and the file it names.

use std::path::{Path, PathBuf};

use kommunbench_core::Framework;
use kommunbench_outcomes::{Direction, Gender, KpiMap, OutcomeError, Outcomes, SE_2008};
use serde_json::{Value, json};

/// Writes `body` as `name` in `dir`.
fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

/// A response with `entries`, a `count` of their number and no next page.
fn response(entries: &[Value]) -> String {
    json!({"count": entries.len(), "next_page": null, "values": entries}).to_string()
}

/// One entry with a total value only.
fn total(kpi: &str, municipality: &str, period: i32, value: Option<f64>) -> Value {
    json!({
        "kpi": kpi, "municipality": municipality, "period": period,
        "values": [{"gender": "T", "value": value, "count": 1, "status": ""}],
    })
}

/// Reads `body` as the one file `name`, expecting it to be refused for its
/// shape: returns the message as displayed, after checking that it names
/// the file.
fn shape_error(name: &str, body: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), name, body);
    let err = Outcomes::read(&[&file]).unwrap_err();
    assert!(matches!(&err, OutcomeError::Shape { path, .. } if *path == file), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with(&format!("{}: not a Kolada data response: ", file.display())), "{message}");
    message
}

/// An observation as (kpi, municipality, period, gender, value, count).
type Row<'a> = (&'a str, &'a str, i32, Gender, Option<f64>, Option<f64>);

#[test]
fn a_response_is_read_with_every_gender_and_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let body = json!({"count": 2, "next_page": null, "values": [
        {"kpi": "N00914", "municipality": "0428", "period": 2022, "values": [
            {"gender": "T", "value": 61.3, "count": 12, "status": ""},
            {"gender": "K", "value": 60.0, "count": 5, "status": " "},
            {"gender": "M", "value": 62.5, "count": 7},
        ]},
        // Version 3 names the municipality `municipality_id`.
        {"kpi": "N00002", "municipality_id": "0680", "period": 2021, "values": [
            {"gender": "T", "value": 0, "count": null, "status": null},
        ]},
    ]});
    let file = write(dir.path(), "a.json", &body.to_string());
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let got: Vec<Row<'_>> = outcomes
        .observations
        .iter()
        .map(|o| (o.kpi.as_str(), o.municipality.as_str(), o.period, o.gender, o.value, o.count))
        .collect();
    assert_eq!(
        got,
        [
            ("N00914", "0428", 2022, Gender::Total, Some(61.3), Some(12.0)),
            ("N00914", "0428", 2022, Gender::Women, Some(60.0), Some(5.0)),
            ("N00914", "0428", 2022, Gender::Men, Some(62.5), Some(7.0)),
            ("N00002", "0680", 2021, Gender::Total, Some(0.0), None),
        ]
    );
    // An empty or blank status is no flag.
    assert!(outcomes.observations.iter().all(|o| o.status.is_none()));
    assert_eq!(outcomes.notes.files, [file]);
    assert!(outcomes.notes.unfinished.is_empty() && outcomes.notes.groups.is_empty());
    assert!(outcomes.notes.missing.is_empty() && outcomes.notes.flagged.is_empty() && outcomes.notes.deleted.is_empty());
    assert_eq!(outcomes.kpis(), ["N00002", "N00914"], "each once, sorted");
}

#[test]
fn every_kind_of_note_is_kept_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let body = json!({"count": 4, "next_page": "/v2/data/kpi/N00914/year/2022?page=2", "values": [
        {"kpi": "N00914", "municipality": "0428", "period": 2022, "values": [
            {"gender": "T", "value": 61.3, "count": 1, "status": "Reviderad"},
            {"gender": "K", "value": null, "count": 0, "status": "Missing"},
            {"gender": "M", "value": null, "count": 0, "status": ""},
        ]},
        {"kpi": "N00914", "municipality": "G124066", "period": 2022, "values": [
            {"gender": "T", "value": 58.0},
            {"gender": "K", "value": 57.0},
        ]},
        {"kpi": "N00914", "municipality": "G2328", "period": 2022, "values": [
            {"gender": "T", "value": 59.0},
        ]},
        {"kpi": "N00914", "municipality": "0680", "period": 2022, "values": [
            {"gender": "T", "value": 70.0, "isdeleted": true},
            {"gender": "K", "value": 71.0, "isdeleted": false},
            {"gender": "M", "value": 69.0, "isdeleted": 0},
        ]},
    ]});
    let file = write(dir.path(), "notes.json", &body.to_string());
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let notes = &outcomes.notes;
    assert_eq!(notes.files, std::slice::from_ref(&file));
    assert_eq!(notes.unfinished, [(file, "/v2/data/kpi/N00914/year/2022?page=2".to_owned())]);
    // Groups are kept as values, and counted by id.
    assert_eq!(notes.groups.iter().map(|(g, n)| (g.as_str(), *n)).collect::<Vec<_>>(), [("G124066", 2), ("G2328", 1)]);
    let key = |m: &str, g| ("N00914".to_owned(), m.to_owned(), 2022, g);
    // A value without a number is kept, as `None`, and noted whatever its status.
    assert_eq!(notes.missing, [key("0428", Gender::Women), key("0428", Gender::Men)]);
    assert_eq!(
        notes.flagged,
        [
            ("N00914".to_owned(), "0428".to_owned(), 2022, Gender::Total, "Reviderad".to_owned()),
            ("N00914".to_owned(), "0428".to_owned(), 2022, Gender::Women, "Missing".to_owned()),
        ]
    );
    assert_eq!(notes.deleted, [key("0680", Gender::Total)]);
    // Everything but the withdrawn value is an observation.
    assert_eq!(outcomes.observations.len(), 3 + 2 + 1 + 2);
    let of = |m: &str, g| outcomes.observations.iter().find(|o| o.municipality == m && o.gender == g);
    assert_eq!(of("0680", Gender::Total), None);
    assert_eq!(of("0680", Gender::Women).unwrap().value, Some(71.0));
    assert_eq!(of("0428", Gender::Women).unwrap().value, None);
    assert_eq!(of("0428", Gender::Total).unwrap().status.as_deref(), Some("Reviderad"));
}

#[test]
fn a_version_3_page_links_on_with_next_url() {
    let dir = tempfile::tempdir().unwrap();
    let next = "https://api.kolada.se/v3/data/kpi/N00914/year/2022?page=2&per_page=1";
    let v3 = json!({"count": 1, "next_url": next, "previous_url": null, "values": [total("N00914", "0428", 2022, Some(61.3))]});
    let last = json!({"count": 1, "next_url": null, "values": [total("N00914", "0680", 2022, Some(70.0))]});
    let empty = json!({"count": 1, "next_page": "", "values": [total("N00914", "2083", 2022, Some(65.0))]});
    let v3 = write(dir.path(), "v3.json", &v3.to_string());
    let last = write(dir.path(), "last.json", &last.to_string());
    let empty = write(dir.path(), "empty.json", &empty.to_string());
    let outcomes = Outcomes::read(&[&v3, &last, &empty]).unwrap();
    assert_eq!(outcomes.notes.unfinished, [(v3.clone(), next.to_owned())], "a null or empty link is the last page");
    assert_eq!(outcomes.notes.files, [v3, last, empty]);
    assert_eq!(outcomes.observations.len(), 3);
}

#[test]
fn withdrawn_values_are_left_out_in_every_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let body = json!({"count": 1, "values": [
        {"kpi": "N00914", "municipality": "0428", "period": 2022, "values": [
            {"gender": "T", "value": 1.0, "isdeleted": true},
            {"gender": "K", "value": 2.0, "is_deleted": 1},
            {"gender": "M", "value": 3.0, "is_deleted": false},
        ]},
    ]});
    let file = write(dir.path(), "deleted.json", &body.to_string());
    let outcomes = Outcomes::read(&[&file]).unwrap();
    let key = |g| ("N00914".to_owned(), "0428".to_owned(), 2022, g);
    assert_eq!(outcomes.notes.deleted, [key(Gender::Total), key(Gender::Women)]);
    assert_eq!(outcomes.observations.len(), 1);
    assert_eq!((outcomes.observations[0].gender, outcomes.observations[0].value), (Gender::Men, Some(3.0)));
}

#[test]
fn a_period_may_be_a_string_of_digits() {
    let dir = tempfile::tempdir().unwrap();
    let mut entry = total("N00914", "0428", 0, Some(1.0));
    entry["period"] = json!("2021");
    let mut padded = total("N00914", "0680", 0, Some(2.0));
    padded["period"] = json!(" 2020 ");
    let file = write(dir.path(), "text.json", &response(&[entry, padded]));
    let outcomes = Outcomes::read(&[&file]).unwrap();
    assert_eq!(outcomes.observations.iter().map(|o| o.period).collect::<Vec<_>>(), [2021, 2020]);

    let mut bad = total("N00914", "0428", 0, Some(1.0));
    bad["period"] = json!("2021-01");
    let message = shape_error("period.json", &response(&[bad]));
    assert!(message.ends_with("`period` `2021-01` of N00914 is not a year"), "{message}");
}

#[test]
fn a_page_cut_short_is_refused_naming_its_file() {
    let body = json!({"count": 3, "next_page": null, "values": [
        total("N00914", "0428", 2022, Some(1.0)),
        total("N00914", "0680", 2022, Some(2.0)),
    ]});
    let message = shape_error("cut.json", &body.to_string());
    assert!(message.contains("`count` says 3 entries but `values` holds 2"), "{message}");
    // Without a `count` there is nothing to check against.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "uncounted.json", &json!({"values": [total("N00914", "0428", 2022, Some(1.0))]}).to_string());
    assert_eq!(Outcomes::read(&[&file]).unwrap().observations.len(), 1);
}

#[test]
fn malformed_json_is_refused_naming_its_file() {
    let message = shape_error("broken.json", r#"{"count": 1, "values": [{"kpi": "N00914", "municipality": "0428""#);
    assert!(message.contains("line 1"), "serde_json's line and column: {message}");
    // JSON, but not a response.
    let message = shape_error("list.json", "[1, 2]");
    assert!(message.len() > "list.json: not a Kolada data response: ".len(), "{message}");
    shape_error("no-values.json", r#"{"count": 0}"#);
    shape_error("no-kpi.json", r#"{"values": [{"municipality": "0428", "period": 2022, "values": []}]}"#);
}

#[test]
fn a_gender_other_than_t_k_m_is_refused() {
    let body = response(&[json!({
        "kpi": "N00914", "municipality": "0428", "period": 2022,
        "values": [{"gender": "T", "value": 1.0}, {"gender": "X", "value": 2.0}],
    })]);
    let message = shape_error("gender.json", &body);
    assert!(message.ends_with("`gender` `X` of N00914 is none of T, K, M"), "{message}");
    // Lower case is not Kolada's either.
    let body =
        response(&[json!({"kpi": "N00914", "municipality": "0428", "period": 2022, "values": [{"gender": "t", "value": 1.0}]})]);
    shape_error("lower.json", &body);
}

// A non-finite value cannot be written in JSON, so `read`'s own finite
// check cannot be reached from a file; what can be written (a number out
// of range, `NaN`) is refused by the parser, as checked here.
#[test]
fn a_number_too_large_for_a_float_is_refused_not_read_as_infinity() {
    let body = r#"{"count": 1, "values": [{"kpi": "N00914", "municipality": "0428", "period": 2022,
        "values": [{"gender": "T", "value": 1e400}]}]}"#;
    shape_error("huge.json", body);
    let body = r#"{"count": 1, "values": [{"kpi": "N00914", "municipality": "0428", "period": 2022,
        "values": [{"gender": "T", "value": NaN}]}]}"#;
    shape_error("nan.json", body);
}

#[test]
fn two_files_with_different_values_conflict_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.json", &response(&[total("N00914", "0428", 2022, Some(61.3))]));
    let second = write(
        dir.path(),
        "second.json",
        &response(&[total("N00914", "0680", 2022, Some(70.0)), total("N00914", "0428", 2022, Some(61.4))]),
    );
    let err = Outcomes::read(&[&first, &second]).unwrap_err();
    let OutcomeError::Conflict(conflict) = &err else { panic!("{err:?}") };
    assert_eq!((&conflict.path, &conflict.earlier), (&second, &first));
    assert_eq!((conflict.kpi.as_str(), conflict.municipality.as_str(), conflict.period), ("N00914", "0428", 2022));
    assert_eq!((conflict.gender, conflict.first, conflict.second), ("T", Some(61.3), Some(61.4)));
    assert_eq!(
        err.to_string(),
        format!("{}: N00914 of 0428 in 2022 (T) is Some(61.4) here and Some(61.3) in {}", second.display(), first.display())
    );
    // A number against none is a conflict too.
    let none = write(dir.path(), "none.json", &response(&[total("N00914", "0428", 2022, None)]));
    assert!(matches!(Outcomes::read(&[&first, &none]), Err(OutcomeError::Conflict(_))));
    // Another gender or year is not the same value.
    let mut women = total("N00914", "0428", 2022, Some(10.0));
    women["values"][0]["gender"] = json!("K");
    let other = write(dir.path(), "other.json", &response(&[women, total("N00914", "0428", 2021, Some(10.0))]));
    assert_eq!(Outcomes::read(&[&first, &other]).unwrap().observations.len(), 3);
}

#[test]
fn an_equal_value_in_two_files_is_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(
        dir.path(),
        "first.json",
        &response(&[total("N00914", "0428", 2021, Some(60.0)), total("N00914", "0428", 2022, None)]),
    );
    // The overlap (2022 missing in both, 2021 equal up to rounding noise)
    // and one new value.
    let second = write(
        dir.path(),
        "second.json",
        &response(&[
            total("N00914", "0428", 2022, None),
            total("N00914", "0428", 2021, Some(60.000_000_000_001)),
            total("N00914", "0428", 2023, Some(62.0)),
        ]),
    );
    let outcomes = Outcomes::read(&[&first, &second]).unwrap();
    let got: Vec<(i32, Option<f64>)> = outcomes.observations.iter().map(|o| (o.period, o.value)).collect();
    assert_eq!(got, [(2021, Some(60.0)), (2022, None), (2023, Some(62.0))], "the first file's value, once, in order");
    assert_eq!(outcomes.notes.missing.len(), 1, "the missing value is noted once");
    assert_eq!(outcomes.notes.files, [first, second]);
}

/// A withdrawn value that two overlapping files both hold is one value,
/// noted once, as an overlapping missing or flagged value is.
#[test]
fn a_withdrawn_value_in_two_files_is_noted_once() {
    let dir = tempfile::tempdir().unwrap();
    let body = json!({"count": 1, "values": [
        {"kpi": "N00914", "municipality": "0428", "period": 2022, "values": [{"gender": "T", "value": 1.0, "isdeleted": true}]},
    ]})
    .to_string();
    let first = write(dir.path(), "first.json", &body);
    let second = write(dir.path(), "second.json", &body);
    let outcomes = Outcomes::read(&[&first, &second]).unwrap();
    assert_eq!(outcomes.notes.deleted.len(), 1, "{:?}", outcomes.notes.deleted);
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("absent.json");
    let err = Outcomes::read(&[&file]).unwrap_err();
    assert!(matches!(&err, OutcomeError::Io { path, .. } if *path == file), "{err:?}");
    assert!(err.to_string().starts_with(&format!("{}: ", file.display())), "{err}");
}

#[test]
fn the_built_in_se_2008_file_has_one_key_figure_per_area_in_order() {
    let framework = Framework::builtin("se-2008").unwrap();
    let map = KpiMap::builtin_se_2008(&framework).unwrap();
    assert_eq!(map.framework, "se-2008");
    assert_eq!(map.kpis.len(), 7);
    let areas: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(map.kpis.iter().map(|k| k.area.as_str()).collect::<Vec<_>>(), areas);
    assert_eq!(
        map.kpis.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["N00973", "N02268", "N17549", "N18409", "N00655", "N33821", "U65861"]
    );
    assert!(map.kpis.iter().all(|k| k.unit == "%" && k.source.is_some() && !k.title.is_empty()));
    let lower: Vec<&str> = map.kpis.iter().filter(|k| k.direction == Direction::Lower).map(|k| k.id.as_str()).collect();
    assert_eq!(lower, ["N33821"]);
    assert_eq!(map.get("N02268").unwrap().area, "work");
    assert_eq!(map.get("N00914"), None);
    // The same text read from a file gives the same map.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "se-2008.toml", SE_2008);
    assert_eq!(KpiMap::from_path(&file, &framework).unwrap(), map);
}

#[test]
fn the_built_in_file_is_refused_for_another_framework() {
    let framework = Framework::builtin("se-2025").unwrap();
    let err = KpiMap::builtin_se_2008(&framework).unwrap_err();
    assert!(err.to_string().contains("the file is for `se-2008`, not for `se-2025`"), "{err}");
}

/// A valid KPI file of two entries: the first's fields on lines 4 to 8,
/// the second's on lines 11 to 15.
const TWO: &str = "framework = \"se-2008\"

[[kpi]]
area = \"work\"
id = \"N02268\"
title = \"Sysselsättningsgrad, utrikes födda 20-64 år, andel (%)\"
unit = \"%\"
direction = \"higher\"

[[kpi]]
area = \"reception\"
id = \"N00973\"
title = \"Lämnat etableringsuppdraget\"
unit = \"%\"
direction = \"lower\"
source = \"https://www.kolada.se/\"
";

#[test]
fn a_kpi_file_is_read_in_its_order() {
    let framework = Framework::builtin("se-2008").unwrap();
    let map = KpiMap::parse(TWO, Path::new("kpis.toml"), &framework).unwrap();
    let got: Vec<(&str, &str, &str, Direction, Option<&str>)> =
        map.kpis.iter().map(|k| (k.area.as_str(), k.id.as_str(), k.unit.as_str(), k.direction, k.source.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("work", "N02268", "%", Direction::Higher, None),
            ("reception", "N00973", "%", Direction::Lower, Some("https://www.kolada.se/")),
        ]
    );
    // One id for two areas is allowed.
    let twice = TWO.replace("id = \"N00973\"", "id = \"N02268\"");
    assert_eq!(KpiMap::parse(&twice, Path::new("kpis.toml"), &framework).unwrap().kpis.len(), 2);
}

#[test]
fn each_kpi_file_error_names_its_line() {
    // (what is wrong, the text, the line, what the message says)
    let cases: Vec<(&str, String, Option<usize>, &str)> = vec![
        (
            "unknown area",
            TWO.replace("area = \"reception\"", "area = \"jobs\""),
            Some(11),
            "area `jobs` is not an area of se-2008 (reception, work, school, adult_learning, discrimination, urban, values)",
        ),
        ("lower-case id", TWO.replace("N00973", "n00973"), Some(12), "`n00973` is not a Kolada key figure id"),
        ("short id", TWO.replace("N00973", "N0097"), Some(12), "`N0097` is not a Kolada key figure id"),
        ("long id", TWO.replace("N00973", "N009730"), Some(12), "`N009730` is not a Kolada key figure id"),
        ("two letters", TWO.replace("N00973", "NN0973"), Some(12), "`NN0973` is not a Kolada key figure id"),
        ("non-ASCII digit", TWO.replace("N00973", "N0097٣"), Some(12), "is not a Kolada key figure id"),
        (
            "duplicate",
            TWO.replace("area = \"reception\"", "area = \"work\"").replace("N00973", "N02268"),
            Some(12),
            "N02268 is listed twice for `work`",
        ),
        (
            "other framework",
            TWO.replace("framework = \"se-2008\"", "framework = \"se-2025\""),
            Some(1),
            "the file is for `se-2025`, not for `se-2008`",
        ),
        (
            "unknown entry field",
            TWO.replace("unit = \"%\"\ndirection = \"lower\"", "unit = \"%\"\ncolour = \"red\"\ndirection = \"lower\""),
            Some(15),
            "unknown field `colour`",
        ),
        ("unknown top-level field", format!("owner = \"me\"\n{TWO}"), Some(1), "unknown field `owner`"),
        ("bad direction", TWO.replace("direction = \"lower\"", "direction = \"sideways\""), Some(15), "sideways"),
        ("not TOML", TWO.replace("unit = \"%\"\ndirection = \"lower\"", "unit = \"%\ndirection = \"lower\""), Some(14), ""),
    ];
    let framework = Framework::builtin("se-2008").unwrap();
    for (what, text, line, message) in cases {
        let err = KpiMap::parse(&text, Path::new("kpis.toml"), &framework).unwrap_err();
        assert_eq!(err.line, line, "{what}: {err}");
        assert_eq!(err.path, Path::new("kpis.toml"), "{what}");
        assert!(err.message.contains(message), "{what}: {err}");
        let prefix = line.map_or("kpis.toml: ".to_owned(), |l| format!("kpis.toml:{l}: "));
        assert!(err.to_string().starts_with(&prefix), "{what}: {err}");
    }
}

#[test]
fn a_kpi_file_without_entries_is_refused_without_a_line() {
    let framework = Framework::builtin("se-2008").unwrap();
    let err = KpiMap::parse("framework = \"se-2008\"\n", Path::new("kpis.toml"), &framework).unwrap_err();
    assert_eq!((err.line, err.message.as_str()), (None, "no [[kpi]] entries"));
    assert_eq!(err.to_string(), "kpis.toml: no [[kpi]] entries");
    // Without a framework line the file is not read at all.
    let err = KpiMap::parse("", Path::new("kpis.toml"), &framework).unwrap_err();
    assert!(err.message.contains("framework"), "{err}");
}

#[test]
fn a_kpi_file_that_cannot_be_read_is_an_error_naming_it() {
    let framework = Framework::builtin("se-2008").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let absent = dir.path().join("absent.toml");
    let err = KpiMap::from_path(&absent, &framework).unwrap_err();
    assert_eq!((err.path.as_path(), err.line), (absent.as_path(), None));
    // A file's errors name the file as given.
    let file = write(dir.path(), "kpis.toml", &TWO.replace("N00973", "N0097"));
    let err = KpiMap::from_path(&file, &framework).unwrap_err();
    assert!(err.to_string().starts_with(&format!("{}:12: ", file.display())), "{err}");
}

/// The same value twice in one file is kept once; two different values of
/// one key figure, municipality, year and gender in one file are an error.
#[test]
fn a_file_that_gives_one_figure_two_values_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let entry =
        |v: f64| json!({"kpi": "N00973", "municipality": "0428", "period": 2022, "values": [{"gender": "T", "value": v}]});
    let same = dir.path().join("same.json");
    std::fs::write(&same, json!({"count": 2, "values": [entry(1.0), entry(1.0)]}).to_string()).unwrap();
    assert_eq!(Outcomes::read(&[&same]).unwrap().observations.len(), 1);
    let two = dir.path().join("two.json");
    std::fs::write(&two, json!({"count": 2, "values": [entry(1.0), entry(2.0)]}).to_string()).unwrap();
    let err = Outcomes::read(&[&two]).unwrap_err().to_string();
    assert!(err.contains("two.json: N00973 of 0428 in 2022 (T) is Some(2.0) here and Some(1.0) in"), "{err}");
}

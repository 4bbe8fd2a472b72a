//! The five real documents of `fixtures/corpus`, parsed end to end.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kommunbench_core::{BlockKind, PolicyDocument};
use kommunbench_ingest::CorpusReader;
use serde::Serialize;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn corpus() -> Vec<PolicyDocument> {
    let corpus = CorpusReader::new().read(&[root().join("corpus")]);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    corpus.documents
}

/// Gold priority titles per document, from `fixtures/gold/gold_priorities.csv`.
fn gold_titles() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(root().join("gold/gold_priorities.csv")).unwrap();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let mut cells = line.split(',');
        let (doc, title) = (cells.next().unwrap(), cells.next().unwrap());
        out.entry(doc.to_owned()).or_default().push(title.to_owned());
    }
    out
}

#[test]
fn every_gold_priority_title_is_recovered() {
    let docs = corpus();
    for (id, titles) in gold_titles() {
        let doc = docs.iter().find(|d| d.id.as_str() == id).unwrap_or_else(|| panic!("{id} not ingested"));
        let found: Vec<&str> = doc.priorities.iter().map(|p| p.title.as_str()).collect();
        for title in &titles {
            assert!(found.contains(&title.as_str()), "{id}: gold priority `{title}` not among {found:?}");
        }
    }
}

#[test]
fn itemised_priorities_are_exactly_the_gold_ones() {
    // Visions and overall goals are kept as levels of their own; every
    // other priority found must be a gold one (no furniture, no background).
    use kommunbench_core::Level;
    let gold = gold_titles();
    for doc in corpus() {
        let found: Vec<&str> = doc
            .priorities
            .iter()
            .filter(|p| !matches!(p.level, Level::Vision | Level::OverallGoal))
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(found, gold[doc.id.as_str()], "{}", doc.id);
    }
}

const FURNITURE: &[&str] = &[
    "Huvudmeny",
    "Huvudgren",
    "twitter",
    "Ställ en fråga",
    "Hjälpte informationen",
    "Tack för att du hjälper",
    "Vad kan vi förbättra",
    "Senast uppdaterad",
    "Sidansvarig",
    "Alija Bucuk",
    "Här ger vi plats",
    "En plats för möjligheter",
    "En plats i rörelse",
    "Läs mer om vår vision",
    "Kollagebild",
    "Dela sidan",
    "Saknar Du",
    "Har du synpunkter",
    "Fyll i formuläret",
    "Ditt namn",
    "Din e-postadress",
    "Din synpunkt",
    "Sida uppdaterad",
    "Senast granskad",
    "KONTAKT",
    "Tommy Josefsson",
    "Förbigå menyn",
    "lapsi",
    "Artikelkategorier",
    "Bekanta dig med",
    "4 (4)",
    "Publicerad:",
    "Obs! Denna nyhet",
    "Dokumentnamn",
    "Beteckning:",
];

#[test]
fn no_page_furniture_in_content_or_priorities() {
    for doc in corpus() {
        let content = doc.content();
        let priorities: Vec<String> = doc.priorities.iter().flat_map(|p| [p.title.clone(), p.body.clone()]).collect();
        let priorities = priorities.join("\n");
        for f in FURNITURE {
            assert!(!content.contains(f), "{}: `{f}` left in the content", doc.id);
            assert!(!priorities.contains(f), "{}: `{f}` in a priority", doc.id);
        }
    }
}

#[test]
fn spans_are_valid_and_point_at_what_they_describe() {
    for doc in corpus() {
        for b in &doc.blocks {
            assert!(doc.text.get(b.span.range()).is_some(), "{}: block span {:?}", doc.id, b.span);
        }
        for d in &doc.dropped {
            assert!(!doc.slice(d.span).trim().is_empty(), "{}: dropped span {:?} is empty", doc.id, d.span);
        }
        for p in &doc.priorities {
            assert_eq!(doc.slice(p.span), p.title, "{}: title span", doc.id);
            if let Some(body) = p.body_span {
                let source = doc.slice(body);
                let opening: String = p.body.chars().take(20).collect();
                assert!(source.starts_with(&opening), "{}: body span of `{}`", doc.id, p.title);
            }
        }
    }
}

#[test]
fn metadata_of_the_fixtures() {
    let docs = corpus();
    let get = |id: &str| docs.iter().find(|d| d.id.as_str() == id).unwrap();
    let vasa = get("vasa-2023");
    assert_eq!(vasa.municipality.as_ref().unwrap().code.as_str(), "905");
    assert_eq!(vasa.dates.published.unwrap().to_string(), "2023-03-13");
    assert_eq!(vasa.dates.adopted.unwrap().to_string(), "2023-02-20");
    let vingaker = get("vingaker-2016");
    assert_eq!(vingaker.decision.body.as_deref(), Some("Kommunfullmäktige"));
    assert_eq!(vingaker.decision.paragraph.as_deref(), Some("§ 67"));
    assert_eq!(vingaker.decision.reference.as_deref(), Some("KS 2016-178"));
    assert_eq!(vingaker.kind.as_str(), "policy");
    assert_eq!(get("vaggeryd-2017").kind.as_str(), "news");
    assert_eq!(get("hedemora-2017").dates.updated.unwrap().to_string(), "2017-08-25");
}

/// What a reader checks in a parsed document, compactly.
#[derive(Serialize)]
struct Outline<'a> {
    id: &'a str,
    municipality: Option<String>,
    title: &'a str,
    kind: &'a str,
    dates: &'a kommunbench_core::Dates,
    decision: &'a kommunbench_core::Decision,
    blocks: Vec<String>,
    priorities: Vec<String>,
    dropped: Vec<String>,
}

fn outline(doc: &PolicyDocument) -> Outline<'_> {
    Outline {
        id: doc.id.as_str(),
        municipality: doc.municipality.as_ref().map(|m| format!("{} {} {}", m.country, m.code, m.name)),
        title: &doc.title,
        kind: doc.kind.as_str(),
        dates: &doc.dates,
        decision: &doc.decision,
        blocks: doc
            .blocks
            .iter()
            .map(|b| {
                let kind = match &b.kind {
                    BlockKind::Heading { level } => format!("h{level}"),
                    BlockKind::Paragraph => "p".into(),
                    BlockKind::ListItem { marker } => format!("li {marker}"),
                    BlockKind::Labeled { label } => format!("label [{label}]"),
                    BlockKind::Quote => "quote".into(),
                    BlockKind::TableRow { .. } => "row".into(),
                    _ => "other".into(),
                };
                let text: String = b.text.chars().take(60).collect();
                format!("{kind}: {text}")
            })
            .collect(),
        priorities: doc
            .priorities
            .iter()
            .map(|p| {
                let body: String = p.body.chars().take(40).collect();
                format!("{} {} {}..{} {} | {}", p.level, p.rule, p.span.start, p.span.end, p.title, body)
            })
            .collect(),
        dropped: doc.dropped.iter().map(|d| format!("{:?}: {}", d.reason, doc.slice(d.span))).collect(),
    }
}

#[test]
fn snapshots_of_the_parsed_fixtures() {
    for doc in corpus() {
        insta::assert_yaml_snapshot!(doc.id.to_string(), outline(&doc));
    }
}

#[test]
fn who_speaks_in_the_written_texts() {
    use kommunbench_core::{DocumentKind, Speaker};
    let corpus = CorpusReader::new().read(&[root().join("written/corpus")]);
    let names: BTreeMap<String, Option<String>> =
        corpus.documents.iter().map(|d| (d.id.to_string(), d.speaker_name.clone())).collect();
    let speakers: BTreeMap<String, (Speaker, DocumentKind)> =
        corpus.documents.into_iter().map(|d| (d.id.to_string(), (d.speaker, d.kind))).collect();
    let party = |p: &str| (Speaker::Party(p.to_owned()), DocumentKind::PartyProgramme);
    assert_eq!(speakers["parti-c-falun-integration"], party("C"));
    assert_eq!(speakers["parti-kd-kristianstad-integration"], party("KD"));
    assert_eq!(speakers["parti-s-boras-integration"], party("S"));
    assert_eq!(speakers["lansstyrelsen-kalmar-regionalt-program"].0, Speaker::Region(Some("Kalmar län".to_owned())));
    // Named as the text names them.
    assert_eq!(names["lansstyrelsen-kalmar-regionalt-program"].as_deref(), Some("Länsstyrelsen Kalmar län"));
    assert_eq!(names["parti-s-boras-integration"].as_deref(), Some("Socialdemokraterna i Borås"));
    // Municipal pages that name the county board and `kommuner i länet` as partners.
    assert_eq!(speakers["webb-vetlanda-mottagande-nyanlanda"].0, Speaker::Municipality);
    let others = speakers.iter().filter(|(id, _)| !id.starts_with("parti-") && !id.starts_with("lansstyrelsen-"));
    for (id, (speaker, _)) in others {
        assert_eq!(*speaker, Speaker::Municipality, "{id}");
        assert_eq!(names[id], None, "{id}");
    }
}

//! Property tests: decoding and ingestion take any bytes and any text
//! without panicking, and every span they give is a byte range of the
//! document's text on character boundaries.
//!
//! `fuzz_ingestion` is the same check run long (ignored by default):
//! `KOMMUNBENCH_FUZZ_CASES=200000 cargo test --release -p kommunbench-core --test it fuzz_ingestion -- --ignored`

use kommunbench_core::{PolicyDocument, Span};
use kommunbench_ingest::{Ingester, decode};
use proptest::prelude::*;

/// Pieces of policy texts and of what breaks parsers, to be recombined.
const FRAGMENTS: &[&str] = &[
    "Integrationsprogram för Malmö stad\n",
    "Integrationsstrategi 2024–2027\n",
    "Vision\n",
    "Mål\n",
    "Delmål:\n",
    "Fokusområden\n",
    "Kommunen har fyra fokusområden: arbete, skola, boende och hälsa.\n",
    "Arbete och egen försörjning",
    "Svenska för invandrare (sfi) och vuxenutbildning",
    "Mottagande av nyanlända",
    "Diskriminering ska motverkas.",
    "bostadsområden med utanförskap",
    "barn- och ",
    "arbets-\nmarknaden",
    "- ",
    "• ",
    "1. ",
    "2.1 ",
    "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 ",
    "a) ",
    "Ansvar: ",
    "Indikator: ",
    "Antagen av kommunfullmäktige 2021-05-24 § 84\n",
    "Sida 2 av 9\n",
    "4 (4)\n",
    "Hjälpte informationen dig?\n",
    "Innehåll ........ 3\n",
    "| Mål | Ansvar |\n",
    "\n",
    "\n\n",
    "\r\n",
    ": ",
    ". ",
    "  ",
    "\t",
    "ÅÄÖ åäö é",
    "a\u{308}",
    "\u{FEFF}",
    "\u{00A0}",
    "–",
    "🙂",
];

fn policy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[a-zåäöA-ZÅÄÖ0-9 .,:;()\n-]{0,40}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn valid(span: Span, text: &str) -> bool {
    span.start <= span.end && span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// Every span of `doc` is valid, and parents point backwards.
fn check(doc: &PolicyDocument) -> Result<(), TestCaseError> {
    let text = &doc.text;
    for block in &doc.blocks {
        prop_assert!(valid(block.span, text), "block span {:?} in {} bytes", block.span, text.len());
    }
    for dropped in &doc.dropped {
        prop_assert!(valid(dropped.span, text), "dropped span {:?}", dropped.span);
    }
    for (i, p) in doc.priorities.iter().enumerate() {
        prop_assert!(valid(p.span, text), "priority span {:?}", p.span);
        if let Some(body) = p.body_span {
            prop_assert!(valid(body, text), "body span {body:?}");
        }
        if let Some(parent) = p.parent {
            prop_assert!(parent < i, "priority {i} has parent {parent}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(decoded) = decode(&bytes) {
            prop_assert!(!decoded.text.trim().is_empty());
            prop_assert!(!decoded.text.contains('\r'));
        }
    }

    #[test]
    fn ingestion_gives_valid_spans(text in policy_text()) {
        let doc = Ingester::new().ingest_str("prop", &text).expect("a valid id");
        check(&doc)?;
    }

    #[test]
    fn decoded_bytes_ingest_with_valid_spans(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(decoded) = decode(&bytes) {
            let doc = Ingester::new().ingest_str("prop", &decoded.text).expect("a valid id");
            check(&doc)?;
        }
    }
}

#[test]
#[ignore = "long: the fuzzing run, see the module docs"]
fn fuzz_ingestion() {
    let cases = std::env::var("KOMMUNBENCH_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
    let ingester = Ingester::new();
    let input = prop_oneof![policy_text().prop_map(String::into_bytes), prop::collection::vec(any::<u8>(), 0..8192)];
    runner
        .run(&input, |bytes| {
            let text = match decode(&bytes) {
                Ok(decoded) => decoded.text,
                Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
            };
            check(&ingester.ingest_str("fuzz", &text).expect("a valid id"))
        })
        .unwrap();
}

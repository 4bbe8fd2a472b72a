//! Property tests of the matchers and the aligner on arbitrary text: no
//! panic, hits and evidence on valid byte ranges, scores in [0, 1], and a
//! document's results independent of the other documents and their order.

use kommunbench_core::{PolicyDocument, Span};
use kommunbench_ingest::Ingester;
use kommunbench_mapping::{Aligner, DocumentMapping, Lexicon, LexiconMapper, Mapper, SimilarityMapper};
use proptest::prelude::*;

use crate::common::se2008;

/// Pieces that reach the lexicon's terms, guards and rules, and pieces
/// that break tokenisers.
const FRAGMENTS: &[&str] = &[
    "Arbete och egen försörjning",
    "arbetsmarknaden",
    "integrationsarbetet",
    "Svenska för invandrare",
    "sfi",
    "vuxen- och ungdomsutbildning",
    "barn- och ",
    "skolan",
    "förskola",
    "mottagande av nyanlända",
    "etableringen",
    "diskriminering",
    "likabehandling",
    "utanförskapsområden",
    "bostadsområde",
    "demokrati och mänskliga rättigheter",
    "gemensamma värderingar",
    "Mål\n",
    "Fokusområden:\n",
    "- ",
    "1. ",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "-\n",
    "  ",
    "ÅÄÖ",
    "a\u{308}r",
    "\u{00AD}",
    "🙂",
    "İ",
    "ẞ",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[a-zåäöA-ZÅÄÖ .,\n-]{0,30}",
    ];
    prop::collection::vec(piece, 0..50).prop_map(|pieces| pieces.concat())
}

fn documents(max: usize) -> impl Strategy<Value = Vec<PolicyDocument>> {
    prop::collection::vec(text(), 1..max).prop_map(|texts| {
        let ingester = Ingester::new();
        texts.iter().enumerate().map(|(i, t)| ingester.ingest_str(&format!("doc-{i}"), t).expect("a valid id")).collect()
    })
}

fn valid(span: Span, text: &str) -> bool {
    span.start <= span.end && span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// Scores in [0, 1] and evidence inside the document.
fn check(mapping: &DocumentMapping, doc: &PolicyDocument) -> Result<(), TestCaseError> {
    for a in &mapping.alignments {
        prop_assert!((0.0..=1.0).contains(&a.score), "alignment score {}", a.score);
        for e in &a.evidence {
            prop_assert!(valid(e.span, &doc.text), "evidence span {:?}", e.span);
        }
    }
    for c in &mapping.coverage {
        prop_assert!((0.0..=1.0).contains(&c.score), "coverage score {}", c.score);
        prop_assert_eq!(c.evidence_count, c.evidence.len());
        for e in &c.evidence {
            prop_assert!(valid(e.span, &doc.text), "evidence span {:?}", e.span);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn lexicon_hits_are_valid_ranges(text in text()) {
        let framework = se2008();
        let lexicon = Lexicon::builtin(&framework).unwrap();
        for hit in lexicon.find(&text) {
            prop_assert!(hit.area < lexicon.area_count());
            prop_assert!(valid(Span::new(hit.start, hit.end), &text), "hit {}..{} in {:?}", hit.start, hit.end, text);
        }
    }

    #[test]
    fn mappings_have_scores_in_range_and_valid_evidence(docs in documents(4)) {
        let framework = se2008();
        let lexicon = Lexicon::builtin(&framework).unwrap();
        let similarity = SimilarityMapper::fit(&framework, &lexicon, &docs);
        let lexicon_mapper = LexiconMapper::new(lexicon);
        for mapper in [&lexicon_mapper as &dyn Mapper, &similarity] {
            for (mapping, doc) in Aligner::new(&framework, mapper).map_documents(&docs).iter().zip(&docs) {
                check(mapping, doc)?;
            }
        }
    }

    #[test]
    fn coverage_does_not_depend_on_document_order(docs in documents(6)) {
        let framework = se2008();
        let mapper = LexiconMapper::builtin(&framework).unwrap();
        let aligner = Aligner::new(&framework, &mapper);
        let forward = aligner.coverages(&docs);
        let reversed: Vec<PolicyDocument> = docs.iter().rev().cloned().collect();
        let mut backward = aligner.coverages(&reversed);
        backward.reverse();
        prop_assert_eq!(forward, backward);
    }

    #[test]
    fn mapping_a_document_ignores_the_others(docs in documents(6), extra in documents(3)) {
        let framework = se2008();
        let mapper = LexiconMapper::builtin(&framework).unwrap();
        let aligner = Aligner::new(&framework, &mapper);
        let alone = aligner.map_documents(&docs);
        let mut more = docs.clone();
        more.extend(extra);
        let together = aligner.map_documents(&more);
        prop_assert_eq!(&alone[..], &together[..docs.len()]);
    }
}

//! The priorities a document states itself.
//!
//! A document's [`Outline`] (its blocks and sections) is read by the
//! priority rules, one module each under [`rules`], applied in the order
//! of their registry; each hands what it [`Found`] to the next, and each
//! priority records the rule that found it ([`kommunbench_core::Rule`]).
//! Then one priority is kept per title, listed priorities take the body
//! of their own section, and the priorities are put in document order
//! ([`finish`]).
//!
//! What the rules share: the cue words of introductions and headings
//! ([`cues`]), enumerations in running text ([`enumeration`]), the
//! sentences of a paragraph ([`sentences`]), and actions' details
//! ([`details`]); the list rules share how a list is
//! taken (`rules/lists.rs`).
//!
//! Every step is linear in the number of blocks: sections are found in
//! one pass with a stack, headings are looked up by title in a map, each
//! run of a list is read once.

mod cues;
mod details;
mod enumeration;
mod evidence;
mod finish;
mod found;
mod outline;
mod rules;
mod sentences;

use kommunbench_core::{Block, DocumentKind, MunicipalityRegistry, Priority, Speaker};

use found::Found;
use outline::Outline;

/// Extracts the priorities from a document's blocks, and tells which
/// blocks lie outside the author's own policy (see [`Block::outside`]).
/// A party or an organisation (`speaker`) argues for its aims; a policy,
/// strategy, programme or plan (`kind`) is organised by its areas;
/// `places` are the municipalities whose names open a goal (`Ekby ska
/// vara`).
pub(crate) fn extract(
    text: &str,
    blocks: &[Block],
    title: Option<usize>,
    speaker: &Speaker,
    places: &MunicipalityRegistry,
    kind: DocumentKind,
) -> (Vec<Priority>, Vec<usize>) {
    let adopted = matches!(kind, DocumentKind::Policy | DocumentKind::Strategy | DocumentKind::Programme | DocumentKind::Plan);
    let outline = Outline::new(text, blocks, title, speaker, places, adopted);
    let mut found = Found::new(text, blocks.len());
    for pass in rules::PASSES {
        let before = found.priorities.len();
        (pass.apply)(&outline, &mut found);
        // A pass records its own rule, or an item rule's for an item.
        debug_assert!(
            found.priorities[before..].iter().all(|p| p.rule == pass.rule || rules::ITEM_RULES.contains(&p.rule)),
            "{} recorded another pass's rule",
            pass.rule
        );
    }
    finish::merge_same_titles(&mut found);
    finish::section_bodies(&outline, &mut found);
    let outside = finish::outside(&outline, &found);
    (finish::in_document_order(found.priorities), outside)
}

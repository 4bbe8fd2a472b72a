//! `enumeration`: the priorities a sentence names in running text.
//!
//! ## What it finds
//!
//! The items of an enumeration in a paragraph, a quotation or a one-line
//! `Label: text` block, when a cue says the items are priorities (read by
//! `crate::priorities::enumeration`): a colon after an announcing head
//! (`sex områden prioriterats: a, b och c`), a copula after a priority
//! noun that opens the sentence (`Målen är a, b och c`), `så som` after
//! the author's work, `satsningar på`, or the list named after it (`lyfts
//! a, b och c ut som prioriterade områden`). Each item is a priority of
//! the level the cue names, placed under the priority its section
//! heading became. In a text whose author is not the municipality (a
//! party, an organisation, a region, the state), a normative sentence
//! that lists three or more aims after its verb and preposition, a dash
//! or an example's `som` (`Framförallt behövs det a, b och c`,
//! `Politiken ska bidra till a, b, c och d`) is an enumeration of goals
//! too: such authors argue for their aims in prose. A label that only names a kind (`Mål: a, b och c`) is
//! one goal, and an action's detail line (`Ansvarig: a, b och c`) names
//! who does it: neither is read.
//!
//! ## Why it holds
//!
//! Web pages and short programmes name their areas in one sentence as
//! often as in a list; the cue words are what makes a coordination of
//! nouns a list of priorities rather than prose.
//!
//! ## Example
//!
//! ```text
//! Nämnden har pekat ut fem fokusområden: bostad, hälsa och välmående, jobb, språk samt trygghet.
//! ```
//!
//! gives five priority areas, `bostad` to `trygghet`.

use kommunbench_core::{BlockKind, Rule, Span};

use crate::patterns;
use crate::priorities::details::Detail;
use crate::priorities::{Found, Outline, enumeration};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::Enumeration;

/// Takes the items of every enumeration in running text.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for i in 0..outline.blocks.len() {
        let b = &outline.blocks[i];
        if found.claimed[i] {
            continue;
        }
        // A one-line `Strategin har fyra områden: a, b och c` reads as a label.
        let text = match &b.kind {
            BlockKind::Paragraph | BlockKind::Quote => b.text.clone(),
            BlockKind::Labeled { label } if patterns::cues().kind_named(label).is_none() && Detail::of(label).is_none() => {
                format!("{label}: {}", b.text)
            }
            _ => continue,
        };
        let span = b.span;
        let parent = found.section_parent(outline, i);
        // An author other than the municipality lists its demands in normative sentences.
        let normative = |s: &str| super::commitment::normative(s, outline.places);
        let demands = outline.voice.not_municipal().then_some(&normative as &dyn Fn(&str) -> bool);
        for e in enumeration::find(&text, demands) {
            let mut from = span.start;
            let n = e.items.len();
            for range in e.items {
                let item = &text[range.clone()];
                // Where the block's text is the source's (one line), the
                // offset is exact; else the first whole-word occurrence.
                let exact = Span::new(span.start + range.start, span.start + range.end);
                let at = if outline.text.get(exact.range()) == Some(item) {
                    exact
                } else {
                    outline.locate_word(span, item, from).unwrap_or(span)
                };
                from = at.end.max(from);
                let level = found.placed(parent, e.level);
                let p = found.push(item, String::new(), level, RULE, at, None);
                found.priorities[p].parent = parent;
            }
            // A list in a demanding sentence is prose: the text's other
            // commitments are still read.
            if let Some(sentence) = e.demanded {
                found.demanded += n;
                found.demanding.insert((i, sentence.start));
            } else {
                found.itemised = true;
            }
            if matches!(b.kind, BlockKind::Labeled { .. }) {
                found.claimed[i] = true;
            }
        }
    }
}

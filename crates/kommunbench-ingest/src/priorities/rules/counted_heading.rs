//! `counted_heading`: the headings a sentence or a heading counts.
//!
//! ## What it finds
//!
//! A heading or a paragraph that counts priorities (`Tre prioriterade
//! områden`, `Programmet har fyra fokusområden.`) without naming them,
//! followed within two blocks by that many headings of one level: each
//! heading is one of the priorities, of the level the count names, with
//! its section as its body. Lists in those sections become their
//! children. Fewer or more headings, a background or excluded heading
//! among them, or an enumeration in the counting sentence itself, and
//! the rule stands down.
//!
//! ## Why it holds
//!
//! A count is a promise the text keeps right after it: when a programme
//! says it has three areas and three headed sections follow, those are
//! the three. Without the count the same headings could be any chapters.
//!
//! ## Example
//!
//! ```text
//! Tre prioriterade områden
//! Aktörerna har enats om tre prioriterade områden för programperioden.
//!
//! Ett samordnat mottagande
//! ...
//! Vägar till arbete
//! ...
//! Inkludering och tillit
//! ...
//! ```
//!
//! gives the three priority areas.

use kommunbench_core::{BlockKind, Rule};

use crate::priorities::cues::{self, chapter_title};
use crate::priorities::{Found, Outline, enumeration};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::CountedHeading;

/// Takes the headings that each counting sentence or heading announces.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for i in 0..outline.blocks.len() {
        let block = &outline.blocks[i];
        if found.claimed[i] || !matches!(block.kind, BlockKind::Heading { .. } | BlockKind::Paragraph) {
            continue;
        }
        // The first heading after it, within two blocks (looked for
        // first: most blocks have none, and reading the count costs more).
        let Some(first) = (i + 1..(i + 3).min(outline.blocks.len())).find(|&j| outline.level[j].is_some()) else { continue };
        if (i + 1..first).any(|j| !matches!(outline.blocks[j].kind, BlockKind::Paragraph)) {
            continue;
        }
        let Some((n, level)) = cues::counted(&block.text) else { continue };
        if !enumeration::find(&block.text, None).is_empty() {
            continue;
        }
        let depth = outline.level[first];
        let mut headings = Vec::new();
        let mut j = first;
        while j < outline.blocks.len() && headings.len() < n {
            match outline.level[j] {
                Some(l) if Some(l) == depth => {
                    if found.claimed[j] || outline.background(j) || outline.excludes(j) {
                        break;
                    }
                    headings.push(j);
                }
                Some(l) if depth.is_some_and(|d| l < d) => break,
                _ => {}
            }
            j += 1;
        }
        if headings.len() != n {
            continue;
        }
        for h in headings {
            let title = chapter_title(&outline.blocks[h].text);
            let (body, body_span) = outline.body_of(outline.section(h));
            let p = found.push(&title, body, level, RULE, outline.blocks[h].span, body_span);
            found.from_heading.insert(h, p);
            found.claimed[h] = true;
        }
        found.itemised = true;
    }
}

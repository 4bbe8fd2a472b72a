//! `heading_section`: a priority heading whose section is running text
//! is one priority itself.
//!
//! ## What it finds
//!
//! A heading that names a priority (`Vision`, `Övergripande mål`, `Mål
//! för integrationsarbetet`) whose section gave no items to
//! `priority_heading`: the heading is the title, its section's text the
//! body, and its level the one the heading names. A heading that names
//! many (`Fokusområden`, `Åtgärder`) is left alone: without its items it
//! is no priority; nor is one that names a document (`Handlingsplan för
//! integration 2024–2026`): its section presents the document. In a
//! table of contents alone, the entry is enough.
//!
//! ## Why it holds
//!
//! A vision or an overall goal is written as one paragraph under its
//! heading, not as a list: the heading says what the paragraph is.
//!
//! ## Example
//!
//! ```text
//! Vision
//!
//! Vingåker är en kommun där alla tar ansvar för att nyanlända blir en del av samhället.
//! ```
//!
//! gives the vision `Vision` with its sentence as the body.

use kommunbench_core::Rule;

use crate::priorities::cues::{announces_many, only_names};
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::HeadingSection;

/// Takes each priority heading that gave no items as one priority.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for i in 0..outline.blocks.len() {
        if outline.level[i].is_none() || found.itemised_headings.contains(&i) {
            continue;
        }
        let heading = &outline.blocks[i];
        let Some(level) = outline.names[i] else { continue };
        if announces_many(&heading.text) || only_names(&heading.text, false) {
            continue;
        }
        let (body, body_span) = outline.body_of(outline.section(i));
        if !body.is_empty() || !outline.has_paragraphs {
            let p = found.push(&heading.text, body, level, RULE, heading.span, body_span);
            found.from_heading.insert(i, p);
            found.claimed[i] = true;
        }
    }
}

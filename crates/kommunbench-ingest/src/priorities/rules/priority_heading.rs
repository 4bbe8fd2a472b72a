//! `priority_heading`: the items under a heading that names priorities.
//!
//! ## What it finds
//!
//! Under a heading that names a kind of priority (`Delmål`, `Mål`,
//! `Fokusområden`, `Prioriterade områden`, `Strategier`, `Åtgärder`,
//! `3 Strategiska områden`; see `crate::headings`), the list items,
//! `Title: body` lines and sub-headings of its section, each a priority
//! of the level the heading names. A sub-heading takes its own section as
//! its body; lists inside it are its children (`introduced_list`,
//! `standalone_list`). Detail lines after an item (`Ansvarig:`,
//! `Tidplan:`) give its details.
//!
//! ## Why it holds
//!
//! Swedish policies are written to a template: a heading names the kind
//! (`Delmål`, `Insatsområden`) and what stands directly under it is one
//! of them. The heading is the author's own statement that these are its
//! goals or areas; no other evidence is needed.
//!
//! ## Example
//!
//! ```text
//! Delmål
//!
//! Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.
//! Integrerade bostadsmiljöer: Nyanlända skall integreras i bostadsområdena.
//! ```
//!
//! gives two sub-goals, `Arbete och försörjning` and `Integrerade
//! bostadsmiljöer`, each with its sentence as the body.

use kommunbench_core::{BlockKind, Rule};

use super::lists::{run_end, take_label, take_list};
use crate::priorities::details::Detail;
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::PriorityHeading;

/// Takes the items of every priority heading's section.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for i in 0..outline.blocks.len() {
        let Some(level) = outline.level[i] else { continue };
        let Some(plevel) = outline.names[i] else { continue };
        let mut items = 0;
        let mut j = i + 1;
        let end = outline.section_end[i];
        while j < end {
            if found.claimed[j] {
                j += 1;
                continue;
            }
            let b = &outline.blocks[j];
            match &b.kind {
                BlockKind::ListItem { .. } if outline.enclosing[j] == Some(i) => {
                    let run = run_end(outline, found, j);
                    items += take_list(outline, found, j..run, plevel, RULE, None);
                    j = run;
                    continue;
                }
                BlockKind::Labeled { label } if outline.enclosing[j] == Some(i) && Detail::of(label).is_none() => {
                    let p = take_label(outline, found, j, plevel, RULE);
                    found.claimed[j] = true;
                    items += 1;
                    j = found.details(outline, j + 1, p);
                    continue;
                }
                BlockKind::Heading { level: sub } if *sub == level + 1 => {
                    if outline.names[j].is_none() {
                        let (body, body_span) = outline.body_of(outline.section(j));
                        let p = found.push(&b.text, body, plevel, RULE, b.span, body_span);
                        found.from_heading.insert(j, p);
                        found.claimed[j] = true;
                        items += 1;
                    }
                    // Its contents belong to it: lists there become its children.
                    j = outline.section_end[j];
                    continue;
                }
                _ => {}
            }
            j += 1;
        }
        if items > 0 {
            found.itemised = true;
            found.itemised_headings.insert(i);
        }
    }
}

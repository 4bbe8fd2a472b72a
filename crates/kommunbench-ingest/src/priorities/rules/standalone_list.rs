//! `standalone_list`: a list that stands without an introduction.
//!
//! ## What it finds
//!
//! The items of a list of two or more items, or of a run of two or more
//! `Title: body` lines (or of labels that each name a kind, `Mål 2:`),
//! whose introduction says nothing either way, when at least half its
//! items show positive evidence of a goal, a demand or a measure (a modal
//! verb, an action verb or a word of change they open with, not a
//! condition on an application, `Projektet ska vara ...`; see
//! `crate::priorities::evidence`), or when it stands under a heading that
//! became a priority, or after a paragraph that states what is to be (a
//! modal verb: `Åsby ska vara en kommun där ...`): priority
//! areas, placed under the priority their section heading became (one
//! level below it). Lists of names, dates, pages, criteria, services or
//! topics after a plain paragraph show none and give none; so do an
//! event's or a page's facts (`Plats:`, `Entréavgift:`) and instructions
//! to the reader (`Gör så här: Välj ...`). Labels of facts (`Källa:`,
//! `Datum:`; `[items] fact_labels`) are no labels of a run at all.
//!
//! ## Why it holds
//!
//! A page that sets a bullet list apart, after a paragraph and before
//! the next, lists what it is about: on a party page its demands, on a
//! municipal page its areas. Lists that are something else say so in
//! their introduction or heading, which `introduced_list` reads first.
//!
//! ## Example
//!
//! ```text
//! Vi tror på ett samhälle där alla får chansen.
//!
//! - Fler jobb åt nyanlända
//! - Bättre sfi
//! ```
//!
//! gives two priority areas.

use kommunbench_core::{BlockKind, Level, Rule};

use crate::patterns;
use crate::priorities::evidence;
use crate::priorities::found::RunKind;
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::StandaloneList;

/// Takes the runs that stand alone: of those whose introduction says
/// nothing (read by `introduced_list`), the lists of two items or more and
/// the runs of two labels or more, or of labels that each name a kind.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for run in std::mem::take(&mut found.unintroduced) {
        let stands = match &run.kind {
            RunKind::List { items } => *items >= 2,
            RunKind::Labels(labels) => labels.len() >= 2 || labels.iter().all(|&j| named_kind(&outline.blocks[j].kind)),
        };
        let items = run.blocks.clone().filter(|&j| matches!(outline.blocks[j].kind, BlockKind::ListItem { .. }));
        // Other evidence: the list stands in the section of a heading that
        // became a priority (a focus area's measures), or the paragraph
        // before it states what is to be (`Åsby ska vara en kommun där
        // ...`).
        let under_priority = found.section_parent(outline, run.blocks.start).is_some();
        let before = run.blocks.start.checked_sub(1).map(|j| &outline.blocks[j]);
        let willed = before.is_some_and(|b| matches!(b.kind, BlockKind::Paragraph) && evidence::willed(&b.text));
        let goals = under_priority
            || willed
            || match &run.kind {
                RunKind::List { .. } => evidence::list_states_goals(items.map(|j| outline.blocks[j].text.as_str())),
                // `Mål 2:` names a kind; `Plats:`, `Entréavgift:`, `Källa:`
                // give an event's or a page's facts.
                RunKind::Labels(labels) => {
                    labels.iter().all(|&j| named_kind(&outline.blocks[j].kind)) || {
                        let labeled = labels.iter().map(|&j| &outline.blocks[j]);
                        evidence::labels_state_goals(labeled.map(|b| match &b.kind {
                            BlockKind::Labeled { label } => (label.as_str(), b.text.as_str()),
                            _ => ("", b.text.as_str()),
                        }))
                    }
                }
            };
        if stands && goals {
            run.take(outline, found, Level::PriorityArea, RULE);
        }
    }
}

/// Whether a block is a label that only names a kind of priority (`Mål 2:`).
fn named_kind(kind: &BlockKind) -> bool {
    matches!(kind, BlockKind::Labeled { label } if patterns::cues().kind_named(label).is_some())
}

//! `introduced_list`: a list whose introduction announces priorities.
//!
//! ## What it finds
//!
//! The items of a list, or of a run of `Title: body` lines, whose
//! introduction (the heading or the last sentence just before it) names
//! priorities or the author's stance: a priority noun (`Kommunens mål
//! är:`, `Integrationsstrategin har tre fokusområden:`, `Vårt uppdrag`),
//! or a stance verb whose subject is the author (`Vi vill:`,
//! `Kristdemokraterna anser att:`, `Kommunen ska se till att`). The cue
//! nearest the list decides, and gives the level. Items are placed under
//! the priority their section heading became.
//!
//! The same reading rules lists out: a list under a question, another
//! authority or links, or introduced by contents, eligibility, negation
//! or the reader (`Kursen innehåller:`, `Du kan delta om du:`) lies
//! outside the author's policy; one introduced by starting points or
//! background frames it. Neither gives priorities.
//!
//! ## Why it holds
//!
//! Swedish administrative prose introduces its lists: the sentence
//! before a list says what its items are, and whose they are. Only the
//! author's goals, areas, duties and demands are its priorities; the same
//! bullets under `Vem kan söka?` are conditions.
//!
//! ## Example
//!
//! ```text
//! Vi vill:
//! - att fler nyanlända snabbt får jobb
//! - att sfi kombineras med praktik
//! ```
//!
//! gives two priority areas.

use kommunbench_core::Rule;

use super::lists::runs;
use crate::priorities::cues::Cue;
use crate::priorities::found::RunKind;
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::IntroducedList;

/// Takes the runs that their introductions announce, marks those they
/// rule out, and leaves those they say nothing of for `standalone_list`.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for run in runs(outline, found) {
        match (run.cue, &run.kind) {
            (Cue::Priority(level), _) => run.take(outline, found, level, RULE),
            (Cue::Not, RunKind::List { .. }) => {
                found.lists_not_priorities = true;
                found.ruled_out.push(run.blocks);
            }
            (Cue::Framing, RunKind::List { .. }) => found.lists_not_priorities = true,
            (Cue::Silent, _) => found.unintroduced.push(run),
            _ => {}
        }
    }
}

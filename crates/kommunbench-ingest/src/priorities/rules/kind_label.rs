//! `kind_label`: a `Kind: text` line, whose label only names the kind.
//!
//! ## What it finds
//!
//! An item rule, tried on each `Title: body` line a pass takes: when the
//! label names a kind of priority and nothing else (`Mål`, `Delmål 1.2`,
//! `Åtgärd 3`, `Fokusområde 2`), the text after it is the title, and the
//! label gives the level. Other labels are titles themselves (`Arbete
//! och försörjning: Genom aktiva insatser ...`).
//!
//! ## Why it holds
//!
//! Plans write each goal or measure after its kind, numbered or not;
//! the kind is the line's level, not its title, and a reader quoting the
//! goal quotes what follows the colon.
//!
//! ## Example
//!
//! ```text
//! Mål: Alla inflyttade får information om stadens service på sitt språk.
//! ```
//!
//! gives the goal `Alla inflyttade får information om stadens service på
//! sitt språk`.

use kommunbench_core::{BlockKind, Rule};

use crate::patterns;
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::KindLabel;

/// Takes the `Title: body` line of block `j` when its label only names a
/// kind, and returns the priority it became; `None` for other labels.
pub(crate) fn take(outline: &Outline<'_>, found: &mut Found<'_>, j: usize) -> Option<usize> {
    let b = &outline.blocks[j];
    let BlockKind::Labeled { label } = &b.kind else { return None };
    let kind = patterns::cues().kind_named(label)?;
    let text_span = outline.locate(b.span, &b.text, b.span.start);
    Some(found.push(&b.text, String::new(), kind, RULE, text_span.unwrap_or(b.span), None))
}

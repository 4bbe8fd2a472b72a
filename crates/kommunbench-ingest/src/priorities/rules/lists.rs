//! Taking a list: the run of its items (with their detail lines), what
//! its introduction says of it, and its items as priorities. The rules
//! that read lists (`priority_heading`, `introduced_list`,
//! `standalone_list`) take them here, and the item rules (`kind_label`,
//! `nested_item`) apply to each item as it is taken.

use std::ops::Range;

use kommunbench_core::{BlockKind, Level, Rule, Span};

use super::{kind_label, nested_item};
use crate::layout::split_label;
use crate::patterns;
use crate::priorities::cues::{self, Cue};
use crate::priorities::details::Detail;
use crate::priorities::found::{Run, RunKind};
use crate::priorities::{Found, Outline};
use crate::vocabulary::{has, opens, vocabulary};

/// Labels of a document's own facts, not of priorities (`Gäller:`,
/// `Ersätter:`, `Ansvarig nämnd:`), and decision stamps (`Antagen av`,
/// `Reviderad`): the vocabulary's facts and decision and revision verbs,
/// as openings; the whole labels of an event's or a page's facts
/// (`Plats:`, `Källa:`); and a page's number (`Page 3: ...` on a
/// document site).
pub(crate) fn is_fact(text: &str) -> bool {
    let v = vocabulary();
    let (lower, whole) = kommunbench_text::fold_opening(text, 24);
    [&v.items.facts, &v.metadata.adopted, &v.metadata.revised].into_iter().any(|list| opens(&lower, list))
        || whole && has(&v.items.fact_labels, lower.trim())
        || crate::page_number(text).is_some_and(|p| p.labelled)
}

/// The end of the list run starting at block `start`: its items and the
/// detail lines (`Ansvarig: ...`) after them.
pub(crate) fn run_end(outline: &Outline<'_>, found: &Found<'_>, start: usize) -> usize {
    let mut j = start;
    while let Some(b) = outline.blocks.get(j) {
        let fits = match &b.kind {
            BlockKind::ListItem { .. } => true,
            BlockKind::Labeled { label } => j > start && Detail::of(label).is_some(),
            _ => false,
        };
        if !fits || found.claimed[j] {
            break;
        }
        j += 1;
    }
    j
}

/// Takes the items of a list run as priorities of `level`, found by
/// `rule`, under `parent`: each item passes the item rules (a nested item
/// is its parent item's child), and its detail lines give its details.
/// Returns the number of top-level items.
pub(crate) fn take_list(
    outline: &Outline<'_>,
    found: &mut Found<'_>,
    run: Range<usize>,
    level: Level,
    rule: Rule,
    parent: Option<usize>,
) -> usize {
    let mut nesting = nested_item::Nesting::default();
    let mut top = 0;
    let mut j = run.start;
    while j < run.end {
        let b = &outline.blocks[j];
        let BlockKind::ListItem { marker } = &b.kind else {
            j += 1;
            continue;
        };
        let depth = nesting.enter(marker);
        let (item_level, item_rule, item_parent) = match nesting.parent(depth) {
            Some(up) => nested_item::placed(found, up),
            None => (level, rule, parent),
        };
        if is_fact(&b.text) {
            found.claimed[j] = true;
            j += 1;
            continue;
        }
        // `Språket först: Alla vuxna ...`: the label is the title, the
        // rest its body; a label that only names a kind gives the level.
        let span = b.span;
        let p = if let Some((label, rest)) = split_label(&b.text) {
            let rest_span = outline.locate(span, rest, span.start);
            if let Some(kind) = patterns::cues().kind_named(label) {
                found.push(rest, String::new(), kind, item_rule, rest_span.unwrap_or(span), None)
            } else {
                let label_span = outline.locate(span, label, span.start).unwrap_or(span);
                found.push(label, rest.to_owned(), item_level, item_rule, label_span, rest_span)
            }
        } else {
            found.push(&b.text, String::new(), item_level, item_rule, b.span, None)
        };
        found.priorities[p].parent = item_parent;
        found.claimed[j] = true;
        nesting.taken(depth, p);
        if depth == 0 {
            top += 1;
        }
        j = found.details(outline, j + 1, p);
    }
    top
}

/// Takes a `Title: body` line (block `j`) as a priority of `level` found
/// by `rule`: the title is the label, unless the label only names a kind
/// (`kind_label`).
pub(crate) fn take_label(outline: &Outline<'_>, found: &mut Found<'_>, j: usize, level: Level, rule: Rule) -> usize {
    if let Some(p) = kind_label::take(outline, found, j) {
        return p;
    }
    let b = &outline.blocks[j];
    let BlockKind::Labeled { label } = &b.kind else { unreachable!("a labeled block") };
    let span = b.span;
    let text_span = outline.locate(span, &b.text, span.start);
    let label_span = Span::new(span.start, span.start + label.len());
    found.push(label, b.text.clone(), level, rule, label_span, text_span)
}

/// An unclaimed `Title: body` line that is not an action's detail nor a
/// fact of the document (`Fakta:`, `Gäller:`).
pub(crate) fn is_label(outline: &Outline<'_>, found: &Found<'_>, j: usize) -> bool {
    matches!(&outline.blocks[j].kind, BlockKind::Labeled { label }
        if Detail::of(label).is_none() && !is_fact(label) && cues::scan(label, false) != Cue::Not)
        && !found.claimed[j]
}

/// An unclaimed detail line (`Ansvarig: ...`).
pub(crate) fn is_detail(outline: &Outline<'_>, found: &Found<'_>, j: usize) -> bool {
    matches!(&outline.blocks[j].kind, BlockKind::Labeled { label } if Detail::of(label).is_some()) && !found.claimed[j]
}

/// The run of `Title: body` lines from block `start` (with the detail
/// lines of each), and the labels in it.
pub(crate) fn label_run(outline: &Outline<'_>, found: &Found<'_>, start: usize) -> (Range<usize>, Vec<usize>) {
    let mut end = start + 1;
    while end < outline.blocks.len() && (is_label(outline, found, end) || is_detail(outline, found, end)) {
        end += 1;
    }
    let labels = (start..end).filter(|&j| is_label(outline, found, j)).collect();
    (start..end, labels)
}

/// What the block before `start` and the enclosing section say of the
/// list or run of labels that starts there.
pub(crate) fn introduction(outline: &Outline<'_>, found: &Found<'_>, start: usize) -> Cue {
    if let Some(h) = outline.enclosing[start] {
        if outline.excludes(h) || found.claimed[h] && !found.from_heading.contains_key(&h) {
            return Cue::Not;
        }
        // Lists in an introduction, background or follow-up chapter
        // frame the policy (`2. Utgångspunkter`, `4. Uppföljning`).
        if outline.frames(h) {
            return Cue::Framing;
        }
    }
    let Some(intro) = start.checked_sub(1).map(|i| &outline.blocks[i]) else { return Cue::Silent };
    match intro.kind {
        BlockKind::Heading { .. } if cues::introduces_contents(&intro.text) => Cue::Not,
        BlockKind::Heading { .. } => cues::scan(&intro.text, true),
        BlockKind::Paragraph | BlockKind::Quote => {
            let sentence = cues::last_sentence(&intro.text);
            if cues::introduces_contents(sentence) {
                Cue::Not
            } else if let Some(level) = cues::counted_level(sentence) {
                Cue::Priority(level)
            } else if cues::announces(sentence) {
                cues::scan(sentence, true)
            } else {
                Cue::Silent
            }
        }
        _ => Cue::Silent,
    }
}

/// Every list run and every run of labels not yet claimed, in document
/// order, with what their introductions say: what the list rules read.
pub(crate) fn runs(outline: &Outline<'_>, found: &Found<'_>) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < outline.blocks.len() {
        if found.claimed[i] {
            i += 1;
            continue;
        }
        if matches!(outline.blocks[i].kind, BlockKind::ListItem { .. }) {
            let end = run_end(outline, found, i);
            let items = outline.blocks[i..end].iter().filter(|b| matches!(b.kind, BlockKind::ListItem { .. })).count();
            out.push(Run { blocks: i..end, kind: RunKind::List { items }, cue: introduction(outline, found, i) });
            i = end.max(i + 1);
        } else if is_label(outline, found, i) {
            let (blocks, labels) = label_run(outline, found, i);
            let cue = introduction(outline, found, i);
            i = blocks.end;
            out.push(Run { blocks, kind: RunKind::Labels(labels), cue });
        } else {
            i += 1;
        }
    }
    out
}

impl Run {
    /// Takes the run's items as priorities of `level` (placed under the
    /// priority its section heading became), found by `rule`.
    pub(crate) fn take(&self, outline: &Outline<'_>, found: &mut Found<'_>, level: Level, rule: Rule) {
        let parent = found.section_parent(outline, self.blocks.start);
        let level = found.placed(parent, level);
        match &self.kind {
            RunKind::List { .. } => {
                take_list(outline, found, self.blocks.clone(), level, rule, parent);
            }
            RunKind::Labels(labels) => {
                for &j in labels {
                    let p = take_label(outline, found, j, level, rule);
                    found.priorities[p].parent = parent;
                    found.claimed[j] = true;
                    found.details(outline, j + 1, p);
                }
            }
        }
        found.itemised = true;
    }
}

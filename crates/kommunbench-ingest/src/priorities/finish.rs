//! After the rules: one priority per title, bodies from later sections,
//! the blocks outside the author's policy, and document order.

use std::collections::HashMap;

use kommunbench_core::Priority;

use super::cues;
use super::{Found, Outline};

/// One priority per title (a table of contents and its chapter, an
/// enumeration repeated later in the page): the first in the document
/// keeps its place, level and rule, and an empty body is filled from a
/// later one. (Which rule found which does not matter, so the order of
/// the registry never decides between two readings of one title.)
pub(crate) fn merge_same_titles(found: &mut Found<'_>) {
    let priorities = std::mem::take(&mut found.priorities);
    let mut order: Vec<usize> = (0..priorities.len()).collect();
    order.sort_by_key(|&i| priorities[i].span.start);
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut target: Vec<usize> = vec![0; priorities.len()];
    let mut kept: Vec<Priority> = Vec::with_capacity(priorities.len());
    let mut slots: Vec<Option<Priority>> = priorities.into_iter().map(Some).collect();
    for i in order {
        let p = slots[i].take().expect("each priority once");
        let key = kommunbench_text::title_key(&p.title);
        if let Some(&k) = first.get(&key) {
            if kept[k].body.is_empty() && !p.body.is_empty() {
                kept[k].body = p.body;
                kept[k].body_span = p.body_span;
            }
            target[i] = k;
        } else {
            first.insert(key, kept.len());
            target[i] = kept.len();
            kept.push(p);
        }
    }
    for (i, p) in kept.iter_mut().enumerate() {
        p.parent = p.parent.map(|old| target[old]).filter(|&t| t != i);
    }
    for h in found.from_heading.values_mut() {
        *h = target[*h];
    }
    found.priorities = kept;
}

/// A listed priority without a body takes the body of the section that
/// its title heads later in the document.
pub(crate) fn section_bodies(outline: &Outline<'_>, found: &mut Found<'_>) {
    if found.priorities.iter().all(|p| !p.body.is_empty()) {
        return;
    }
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..outline.blocks.len() {
        if outline.level[i].is_some() {
            by_title.entry(kommunbench_text::title_key(&outline.blocks[i].text)).or_default().push(i);
        }
    }
    for p in &mut found.priorities {
        if !p.body.is_empty() {
            continue;
        }
        let Some(headings) = by_title.get(&kommunbench_text::title_key(&p.title)) else { continue };
        let after = p.span.start;
        let at = headings.partition_point(|&i| outline.blocks[i].span.start <= after);
        if let Some(&i) = headings.get(at) {
            (p.body, p.body_span) = outline.body_of(outline.section(i));
        }
    }
}

/// The blocks outside the author's policy: sections headed by another
/// authority, and the lists ruled out.
pub(crate) fn outside(outline: &Outline<'_>, found: &Found<'_>) -> Vec<usize> {
    let mut out: Vec<usize> = found.ruled_out.iter().flat_map(Clone::clone).collect();
    for i in 0..outline.blocks.len() {
        let heading = &outline.blocks[i].text;
        if outline.level[i].is_some() && cues::words(heading).first().is_some_and(|w| cues::is_authority(w)) {
            out.extend(i..outline.section_end[i]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The priorities in document order, parents re-indexed.
pub(crate) fn in_document_order(priorities: Vec<Priority>) -> Vec<Priority> {
    let mut order: Vec<usize> = (0..priorities.len()).collect();
    order.sort_by_key(|&i| priorities[i].span.start);
    let mut position = vec![0; priorities.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    let mut slots: Vec<Option<Priority>> = priorities.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&i| {
            let mut p = slots[i].take().expect("each index once");
            p.parent = p.parent.map(|old| position[old]);
            p
        })
        .collect()
}

//! `chapter`: a numbered or lettered chapter over goals and measures.
//!
//! ## What it finds
//!
//! A chapter heading, numbered or lettered (`4. Skola och förskola`, `B.
//! Svenska språket`), that names no kind of priority and frames nothing
//! (not `Inledning`, `Bakgrund`, `Uppföljning`), whose section holds a
//! `kind_label` line (`Mål: ...`) or an `action_table`: the chapter is a
//! priority area, its title without its letter, and the parent of what
//! its section holds.
//!
//! ## Why it holds
//!
//! In an action plan each chapter is one area, and the goals and
//! measures under it are the chapter's. What a chapter holds, not its
//! wording, shows it is an area: the same numbered heading over prose is
//! just a chapter.
//!
//! ## Example
//!
//! ```text
//! 4. Skola och förskola
//!
//! Mål: Nyanlända elever får en god start i skolan.
//! ```
//!
//! gives the priority area `Skola och förskola`, parent of the goal.

use kommunbench_core::{Level, Priority, Rule, Span};

use super::{action_table, kind_label};
use crate::priorities::cues::{chapter_title, is_lettered};
use crate::priorities::{Found, Outline};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::Chapter;

/// Takes every chapter that holds goals or an action table.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    for h in 0..outline.blocks.len() {
        if outline.level[h].is_none() || found.claimed[h] {
            continue;
        }
        let heading = &outline.blocks[h].text;
        let source = &outline.text[outline.blocks[h].span.range()];
        let lettered = is_lettered(heading);
        let numbered = source.starts_with(|c: char| c.is_ascii_digit());
        if !(numbered || lettered)
            || outline.names[h].is_some()
            || outline.frames(h)
            || outline.background(h)
            || outline.excludes(h)
        {
            continue;
        }
        let end = outline.section_end[h];
        let Some(last) = end.checked_sub(1).filter(|&l| l > h) else { continue };
        let within = Span::new(outline.blocks[h + 1].span.start, outline.blocks[last].span.end);
        let inside = |p: &Priority| p.span.start >= within.start && p.span.end <= within.end;
        if !found.priorities.iter().any(|p| inside(p) && (p.rule == kind_label::RULE || p.rule == action_table::RULE)) {
            continue;
        }
        let title = chapter_title(heading);
        let (body, body_span) = outline.body_of(outline.section(h));
        let span = outline.locate(outline.blocks[h].span, &title, outline.blocks[h].span.start).unwrap_or(outline.blocks[h].span);
        let c = found.push(&title, body, Level::PriorityArea, RULE, span, body_span);
        for p in 0..c {
            if found.priorities[p].parent.is_none() && inside(&found.priorities[p]) {
                found.priorities[p].parent = Some(c);
            }
        }
        found.from_heading.insert(h, c);
        found.claimed[h] = true;
    }
}

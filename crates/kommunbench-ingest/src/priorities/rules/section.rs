//! `section`: a document that itemises nothing states its priorities as
//! its sections.
//!
//! ## What it finds
//!
//! When no other rule itemised a priority and no list was read as
//! something else, each substantive section: a heading that is not
//! background (`Inledning`, `Bakgrund`, `Syfte`, `Kontakt`), not framing
//! (`Kommunens ansvar`, `Så arbetar vi`, `För dig som ...`) and not
//! excluded (a question, another authority, links), not one that only
//! names the page's topic or a document (`Integration`, `Handlingsplan
//! för integration 2016–2017`), a fact (`Ansvarig nämnd`) or, on a web
//! page, an audience (`Vuxna`), with text under it and positive evidence:
//! the heading states a goal, or its text commits to one or opens on the
//! author's own work, or (in an adopted policy) states what is to be. A
//! heading that states no goal over two or more commitments frames them,
//! and the `commitment` rule takes them instead. Its level is the one the
//! heading names, else a priority area. In a table of contents alone, the
//! entries are enough.
//!
//! ## Why it holds
//!
//! A page or a short policy that lists nothing is organised by its
//! headings: each headed section is one of the things it is about
//! (`Barnet får gå i skolan`, `Bostad och mottagande`).
//!
//! ## Example
//!
//! ```text
//! Integration i Ekby
//!
//! Arbete och praktik
//!
//! Kommunen erbjuder praktikplatser i alla förvaltningar.
//! ```
//!
//! gives the priority area `Arbete och praktik`.

use kommunbench_core::{Level, Rule};

use crate::priorities::sentences::sentences;
use crate::priorities::{Found, Outline, cues, evidence};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::Section;

/// Commitments in a section that make its heading their frame.
const COMMITMENTS: usize = 2;

/// Takes the substantive sections, when nothing was itemised.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    if found.itemised || found.lists_not_priorities {
        return;
    }
    let toc_only = !outline.has_paragraphs;
    for i in 0..outline.blocks.len() {
        let heading = &outline.blocks[i].text;
        if outline.level[i].is_none() || found.claimed[i] || outline.background(i) || outline.excludes(i) {
            continue;
        }
        // A topic, a document's name, a fact (`Ansvarig nämnd`) and, on a
        // web page, an audience (`Vuxna`) head no priority.
        if cues::only_names(heading, !outline.adopted) || super::lists::is_fact(heading) {
            continue;
        }
        let (body, body_span) = outline.body_of(outline.section(i));
        if body.is_empty() && !toc_only {
            continue;
        }
        // Positive evidence: the heading states a goal, or its section
        // commits to one (an advocate in any normative sentence) or opens
        // on the author's own work (`Kommunen ordnar ...`); in an adopted
        // policy, whose sections are its areas, also a section that states
        // what is to be (`Sfi ska finnas på kvällar`). On a web page a `ska`
        // of rules or of others (`Ansökan ska lämnas`) organises
        // information under a heading (`Vuxna`, `Kvotflyktingar`); a
        // contact, a service described or a feedback form has no evidence.
        // A heading that states no goal of its own over several commitments
        // frames them: they are the priorities (`commitment`), not the
        // heading. The sentences are read only where the heading states no
        // goal.
        if !evidence::states_goal(heading) {
            let commitments = sentences(&body)
                .into_iter()
                .map(|r| &body[r])
                .filter(|s| super::commitment::goals(s, outline.voice.advocates(), outline.places).is_some())
                .take(COMMITMENTS)
                .count();
            let areas = || evidence::own_work(&body) || outline.adopted && evidence::willed(&body);
            if commitments >= COMMITMENTS || commitments == 0 && !areas() {
                continue;
            }
        }
        let level = outline.names[i].unwrap_or(Level::PriorityArea);
        let p = found.push(heading, body, level, RULE, outline.blocks[i].span, body_span);
        found.from_heading.insert(i, p);
        found.claimed[i] = true;
    }
}

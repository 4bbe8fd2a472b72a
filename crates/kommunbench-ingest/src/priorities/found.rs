//! What the rules have found so far: the state one rule hands the next.
//!
//! Rules run one after another over the same [`Outline`]; each reads what
//! the earlier ones found and adds its own. Everything they share is
//! here, named: the priorities, the blocks already claimed, the headings
//! that became priorities, and what the `section` rule needs to know of
//! all the others.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use kommunbench_core::{ActionDetails, Level, Priority, Rule, Span};

use super::Outline;
use super::cues::Cue;
use super::details;
use crate::patterns;

/// The state of extraction between rules.
pub(crate) struct Found<'a> {
    /// The document's text, which spans point into.
    text: &'a str,
    /// The priorities found, in the order the rules found them.
    pub priorities: Vec<Priority>,
    /// Blocks a rule turned into a priority or a detail line; no later
    /// rule reads them.
    pub claimed: Vec<bool>,
    /// Headings that became a priority, and which one: lists in their
    /// sections are that priority's children.
    pub from_heading: HashMap<usize, usize>,
    /// Priority headings whose sections gave items (`priority_heading`):
    /// they are not one priority themselves (`heading_section`).
    pub itemised_headings: HashSet<usize>,
    /// Whether a rule itemised priorities (list items, an enumeration, a
    /// table, counted headings): the document's sections are then not
    /// its priorities (`section`).
    pub itemised: bool,
    /// How many priorities the lists of demanding sentences gave
    /// (`enumeration`): prose, which does not stop the `commitment` rule.
    pub demanded: usize,
    /// The demanding sentences whose lists gave them: their blocks and
    /// their starts in the block's text (the `commitment` rule leaves
    /// them).
    pub demanding: HashSet<(usize, usize)>,
    /// Whether a list was read as something other than priorities (its
    /// introduction speaks of eligibility, contents, another authority,
    /// or the author's starting points): the document's sections are not
    /// its priorities either.
    pub lists_not_priorities: bool,
    /// The blocks of lists ruled out as something else than the author's
    /// policy: they lie outside it.
    pub ruled_out: Vec<Range<usize>>,
    /// Lists and runs of labels whose introduction says nothing either
    /// way, left by `introduced_list` (which read every introduction) for
    /// `standalone_list`.
    pub unintroduced: Vec<Run>,
}

/// A list or a run of labels.
pub(crate) struct Run {
    /// Its blocks, detail lines included.
    pub blocks: Range<usize>,
    /// List items or labels.
    pub kind: RunKind,
    /// What its introduction says.
    pub cue: Cue,
}

/// What a run is made of.
pub(crate) enum RunKind {
    /// List items, this many.
    List {
        /// The number of items.
        items: usize,
    },
    /// `Title: body` lines: these blocks.
    Labels(Vec<usize>),
}

impl<'a> Found<'a> {
    /// Nothing found yet in `text`, of `blocks` blocks.
    pub(crate) fn new(text: &'a str, blocks: usize) -> Self {
        Found {
            text,
            priorities: Vec::new(),
            claimed: vec![false; blocks],
            from_heading: HashMap::new(),
            itemised_headings: HashSet::new(),
            itemised: false,
            demanded: 0,
            demanding: HashSet::new(),
            lists_not_priorities: false,
            ruled_out: Vec::new(),
            unintroduced: Vec::new(),
        }
    }

    /// Adds a priority and returns its index; the title loses closing
    /// punctuation and a numbered kind before it ([`clean_title`]), and
    /// its span with them where the source reads the same.
    pub(crate) fn push(
        &mut self,
        title: &str,
        body: String,
        level: Level,
        rule: Rule,
        span: Span,
        body_span: Option<Span>,
    ) -> usize {
        let raw = title.trim();
        let clean = clean_title(raw);
        // `clean` is a slice of `raw`: what was cut before and after it.
        let offset = clean.as_ptr() as usize - raw.as_ptr() as usize;
        let (lead, cut) = (&raw[..offset], &raw[offset + clean.len()..]);
        let mut span = span;
        if let Some(source) = self.text.get(span.range()) {
            if !cut.is_empty() && source.trim_end().ends_with(cut) {
                span.end = span.start + source.trim_end().len() - cut.len();
            }
            if !lead.is_empty() && source.starts_with(lead) {
                span.start += lead.len();
            }
        }
        self.priorities.push(Priority {
            title: clean.to_owned(),
            body,
            level,
            rule,
            span,
            body_span,
            parent: None,
            details: ActionDetails::default(),
        });
        self.priorities.len() - 1
    }

    /// The priority a list in the section of block `start` belongs to: the
    /// priority its section heading became.
    pub(crate) fn section_parent(&self, outline: &Outline<'_>, start: usize) -> Option<usize> {
        outline.enclosing[start].and_then(|h| self.from_heading.get(&h).copied())
    }

    /// The level of items under `parent`: one below an itemised priority
    /// (a measure under a focus area); under a vision or goal section that
    /// is one block of text, the level their own cue gives.
    pub(crate) fn placed(&self, parent: Option<usize>, level: Level) -> Level {
        match parent.map(|p| &self.priorities[p]) {
            Some(p) if p.rule != Rule::HeadingSection => p.level.child(),
            _ => level,
        }
    }

    /// Detail lines (`Ansvarig: ...`, `Tidplan: ...`) from block `start`
    /// on, added to priority `p` and claimed; returns the first block
    /// after them.
    pub(crate) fn details(&mut self, outline: &Outline<'_>, start: usize, p: usize) -> usize {
        let mut j = start;
        while let Some(kommunbench_core::BlockKind::Labeled { label }) = outline.blocks.get(j).map(|b| &b.kind) {
            let Some(detail) = details::Detail::of(label) else { break };
            if self.claimed[j] {
                break;
            }
            details::add(&mut self.priorities[p].details, detail, &outline.blocks[j].text);
            self.claimed[j] = true;
            j += 1;
        }
        j
    }
}

/// A title as the codebook writes it: no closing `.`, `,`, `;`, no
/// numbered kind before it (`Mål 1 – Fler i arbete` is `Fler i arbete`),
/// and no closing explanation in brackets of a sentence's length
/// (`Lokaler. (Inventering av lokaler inom skolan.)` is `Lokaler`; `Språk
/// (sfi)` keeps its brackets).
pub(crate) fn clean_title(title: &str) -> &str {
    let title = unglued(title.trim());
    let title = crate::patterns::cues()
        .kind_prefix
        .find(title)
        .filter(|m| patterns::cues().kind_named(&title[..m.end()]).is_some() && m.end() < title.len())
        .map_or(title, |m| &title[m.end()..]);
    let title = title.trim().trim_end_matches(['.', ',', ';']).trim_end();
    match title.strip_suffix(')').and_then(|t| t.rfind(" (").map(|i| (&title[..i], &t[i + 2..]))) {
        Some((head, explanation))
            if !head.trim().is_empty()
                && explanation.chars().next().is_some_and(char::is_uppercase)
                && kommunbench_text::word_count(explanation) >= EXPLANATION_WORDS =>
        {
            head.trim_end().trim_end_matches(['.', ',', ';']).trim_end()
        }
        _ => title,
    }
}

/// A title without a sentence glued to it where a page lost the space
/// after a full stop (`relevant kompetens.Denna sida uppdaterades`): a
/// small letter, a full stop, then a capitalised word and more words.
fn unglued(title: &str) -> &str {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for k in 1..chars.len().saturating_sub(2) {
        let (at, c) = chars[k];
        if c == '.'
            && chars[k - 1].1.is_lowercase()
            && chars[k + 1].1.is_uppercase()
            && chars[k + 2].1.is_lowercase()
            && title[at..].contains(' ')
        {
            return &title[..at];
        }
    }
    title
}

/// Words in brackets, a sentence of its own, that explain a title rather
/// than name it (examples, `(t ex vård, städ)`, are part of it).
const EXPLANATION_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::clean_title;

    #[test]
    fn titles_lose_closing_punctuation_and_a_numbered_kind() {
        assert_eq!(clean_title(" Arbete och studier. "), "Arbete och studier");
        assert_eq!(clean_title("Sollentuna är inte kravlös,"), "Sollentuna är inte kravlös");
        assert_eq!(clean_title("Språk (sfi)"), "Språk (sfi)");
        assert_eq!(clean_title("Lokaler. (Inventering av lokaler inom förskola och skola.)"), "Lokaler");
        assert_eq!(clean_title("Sociala risker (Aktiviteter för unga som förebygger risker.)"), "Sociala risker");
        assert_eq!(clean_title("Svenska för invandrare (SFI)"), "Svenska för invandrare (SFI)");
        let examples = "Tydliga spår med praktik (t ex vård, städ, industri, besöksnäring)";
        assert_eq!(clean_title(examples), examples);
        assert_eq!(clean_title("Mål 1 – Fler i arbete"), "Fler i arbete");
        assert_eq!(clean_title("Rekrytera med bred kompetens.Denna sida uppdaterades"), "Rekrytera med bred kompetens");
        assert_eq!(clean_title("Stöd till t.ex.Kalle"), "Stöd till t.ex.Kalle");
        assert_eq!(clean_title("Område 2: Bostäder"), "Bostäder");
        assert_eq!(clean_title("Kommun 2 – text"), "Kommun 2 – text");
    }
}

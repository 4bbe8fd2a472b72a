//! A document's outline as the priority rules read it: its blocks, the
//! level of each heading, the section each heading opens, and the
//! innermost heading above each block. Built once per document, in one
//! pass with a stack; read, never changed, by every rule.

use std::ops::Range;

use kommunbench_core::{Block, BlockKind, Level, MunicipalityRegistry, Span, Speaker};

use super::cues;
use crate::headings::heading_level;

/// The blocks of a document and their sections.
pub(crate) struct Outline<'a> {
    /// The document's text: every span points into it.
    pub text: &'a str,
    /// The content blocks.
    pub blocks: &'a [Block],
    /// Heading level of each block (`None` for other blocks and the title).
    pub level: Vec<Option<u8>>,
    /// For a heading, the end (exclusive) of the section it opens.
    pub section_end: Vec<usize>,
    /// The innermost heading above each block.
    pub enclosing: Vec<Option<usize>>,
    /// The level of priorities each heading names, if it names priorities
    /// (`Delmål`, `Fokusområden`), read once: every rule asks.
    pub names: Vec<Option<Level>>,
    /// Whether the document has running text at all (a table of contents
    /// alone has none).
    pub has_paragraphs: bool,
    /// Who speaks, as the rules read it.
    pub voice: Voice,
    /// The municipalities the ingester knows: a name that opens a
    /// sentence before `ska` states what the place is to be.
    pub places: &'a MunicipalityRegistry,
    /// Whether the document presents itself as an adopted policy (a
    /// policy, strategy, programme or plan): its headed sections are its
    /// areas, where a web page's headings organise information.
    pub adopted: bool,
}

/// Who speaks in a document, as the priority rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// The municipality itself.
    Municipality,
    /// A region or the state: the lists its normative sentences make are
    /// its aims.
    PublicBody,
    /// A party or an organisation, which argues for its aims: its
    /// normative sentences are its demands, and their lists its aims.
    Advocate,
}

impl Voice {
    /// Whether the author argues for its aims (a party, an organisation).
    pub(crate) fn advocates(self) -> bool {
        self == Voice::Advocate
    }

    /// Whether someone other than the municipality speaks.
    pub(crate) fn not_municipal(self) -> bool {
        self != Voice::Municipality
    }
}

impl<'a> Outline<'a> {
    /// The outline of `blocks`, block `title` being the document's title;
    /// who speaks in it, the municipalities the ingester knows (`places`),
    /// and whether it is `adopted` policy.
    pub(crate) fn new(
        text: &'a str,
        blocks: &'a [Block],
        title: Option<usize>,
        speaker: &Speaker,
        places: &'a MunicipalityRegistry,
        adopted: bool,
    ) -> Self {
        let n = blocks.len();
        let level: Vec<Option<u8>> = (0..n)
            .map(|i| match blocks[i].kind {
                BlockKind::Heading { level } if Some(i) != title => Some(level),
                _ => None,
            })
            .collect();
        // Sections in one pass: a heading closes every open section of its level or deeper.
        let mut section_end = vec![n; n];
        let mut enclosing = vec![None; n];
        let mut open: Vec<usize> = Vec::new();
        for i in 0..n {
            let closes = if Some(i) == title { Some(0) } else { level[i] };
            if let Some(l) = closes {
                while let Some(&top) = open.last() {
                    if level[top].is_some_and(|t| t >= l) {
                        section_end[top] = i;
                        open.pop();
                    } else {
                        break;
                    }
                }
            }
            enclosing[i] = open.last().copied();
            if level[i].is_some() {
                open.push(i);
            }
        }
        let has_paragraphs = blocks.iter().any(|b| b.kind == BlockKind::Paragraph);
        let names = (0..n).map(|i| level[i].and_then(|_| heading_level(&blocks[i].text))).collect();
        Outline {
            text,
            blocks,
            level,
            section_end,
            enclosing,
            names,
            has_paragraphs,
            voice: match speaker {
                Speaker::Municipality => Voice::Municipality,
                Speaker::Party(_) | Speaker::Organisation => Voice::Advocate,
                _ => Voice::PublicBody,
            },
            places,
            adopted,
        }
    }

    /// Whether heading `i` opens a background section (`Inledning`,
    /// `Kommunens ansvar`, `Så arbetar vi`).
    pub(crate) fn background(&self, i: usize) -> bool {
        cues::is_background(&self.blocks[i].text)
    }

    /// Whether heading `i`'s lists frame the policy (`2. Utgångspunkter`).
    pub(crate) fn frames(&self, i: usize) -> bool {
        cues::frames_section(&self.blocks[i].text)
    }

    /// Whether heading `i` rules out priorities in its section (a
    /// question, another authority, links).
    pub(crate) fn excludes(&self, i: usize) -> bool {
        cues::heading_excludes(&self.blocks[i].text)
    }

    /// The blocks of the section heading `i` opens, the heading left out.
    pub(crate) fn section(&self, i: usize) -> Range<usize> {
        i + 1..self.section_end[i]
    }

    /// The running text of `range` up to its first heading, blocks joined
    /// by line breaks (a label with its text), and the span it covers.
    pub(crate) fn body_of(&self, range: Range<usize>) -> (String, Option<Span>) {
        let body: Vec<&Block> = self.blocks[range]
            .iter()
            .take_while(|b| !matches!(b.kind, BlockKind::Heading { .. }))
            .filter(|b| {
                matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Quote | BlockKind::Labeled { .. })
            })
            .collect();
        let text = body
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Labeled { label } => format!("{label}: {}", b.text),
                _ => b.text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let span = body.iter().map(|b| b.span).reduce(Span::cover);
        (text, span)
    }

    /// The span of `needle` inside `within`, searching from `from`.
    pub(crate) fn locate(&self, within: Span, needle: &str, from: usize) -> Option<Span> {
        let hay = self.text.get(from.max(within.start)..within.end)?;
        hay.find(needle).map(|at| {
            let start = from.max(within.start) + at;
            Span::new(start, start + needle.len())
        })
    }

    /// Like [`Outline::locate`], but only a whole-word occurrence
    /// (`arbete` is not found in `arbetet`).
    pub(crate) fn locate_word(&self, within: Span, needle: &str, from: usize) -> Option<Span> {
        let mut at = from.max(within.start);
        while let Some(found) = self.locate(within, needle, at) {
            if kommunbench_text::starts_word(self.text, found.start) && kommunbench_text::ends_word(self.text, found.end) {
                return Some(found);
            }
            at = found.start + needle.chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

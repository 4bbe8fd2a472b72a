//! Units: what a mapper scores (a priority, or a segment of running
//! text), with the pieces of the document they are made of.

use std::borrow::Cow;

use kommunbench_core::{BlockKind, PolicyDocument, Span};
use serde::Serialize;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A priority the document states.
    Priority,
    /// A content block (paragraph, list item, heading).
    Segment,
    /// The whole document's content.
    Document,
}

impl UnitKind {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Priority => "priority",
            Self::Segment => "segment",
            Self::Document => "document",
        }
    }
}

/// Whether a piece of a unit is a title or running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A priority's title: matches there weigh more.
    Title,
    /// Body text.
    Body,
}

/// A unit of text to map: its document, what it is, and its pieces (spans
/// into the document's text).
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The document.
    pub document: &'a PolicyDocument,
    /// What the unit is.
    pub kind: UnitKind,
    /// Index of the priority or block; 0 for a document.
    pub index: usize,
    /// How the unit is named in output: a priority's title, a segment's
    /// text (borrowed from the document).
    pub label: Cow<'a, str>,
    /// The spans it covers and their roles.
    pub pieces: Vec<(Span, Role)>,
}

impl<'a> Unit<'a> {
    /// The longest title read as a title: a list item of more words is a
    /// sentence, and weighs as running text.
    pub const TITLE_WORDS: usize = 8;

    /// The `i`-th priority of a document: its title and body.
    pub fn priority(document: &'a PolicyDocument, i: usize) -> Unit<'a> {
        let p = &document.priorities[i];
        let role = if p.title.split_whitespace().nth(Self::TITLE_WORDS).is_none() { Role::Title } else { Role::Body };
        let mut pieces = vec![(p.span, role)];
        if let Some(body) = p.body_span {
            pieces.push((body, Role::Body));
        }
        Unit { document, kind: UnitKind::Priority, index: i, label: Cow::Borrowed(&p.title), pieces }
    }

    /// The `i`-th content block of a document.
    pub fn segment(document: &'a PolicyDocument, i: usize) -> Unit<'a> {
        let b = &document.blocks[i];
        let role = if matches!(b.kind, BlockKind::Heading { .. }) { Role::Title } else { Role::Body };
        Unit { document, kind: UnitKind::Segment, index: i, label: Cow::Borrowed(&b.text), pieces: vec![(b.span, role)] }
    }

    /// The whole content of a document, furniture left out, and the blocks
    /// outside the author's own policy too ([`kommunbench_core::Block::outside`]).
    pub fn document(document: &'a PolicyDocument) -> Unit<'a> {
        let pieces = document.blocks.iter().filter(|b| !b.outside).map(|b| (b.span, Role::Body)).collect();
        Unit { document, kind: UnitKind::Document, index: 0, label: Cow::Borrowed(&document.title), pieces }
    }

    /// The unit's text, its pieces joined by line breaks.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|(span, _)| self.document.slice(*span)).collect::<Vec<_>>().join("\n")
    }
}

//! Term syntax: how a lexicon term (`*utbildning`, `=arbete`,
//! `egen försörjning`) is read, and which words it matches.

use crate::text::{Normalized, inflection_base, inflects, is_word_char, stem};

/// Where in a word a term may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
    /// The whole word, inflected.
    Word,
    /// Exactly this form.
    Exact,
    /// At the start of a word (a compound's first part).
    Start,
    /// At the end of a word (a compound's head), inflected.
    End,
    /// Anywhere in a word.
    Any,
}

/// One parsed term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    /// Words before the last one, matched exactly.
    pub(super) lead: Vec<String>,
    /// The last word, without markers.
    pub(super) last: String,
    /// The base its inflections grow from.
    pub(super) base: String,
    /// The Snowball stem of the last word.
    pub(super) stem: String,
    pub(super) position: Position,
}

impl Term {
    pub(super) fn parse(raw: &str) -> Result<Term, String> {
        let normalized = Normalized::new(raw.trim());
        let words: Vec<&str> = normalized.as_str().split(' ').filter(|w| !w.is_empty()).collect();
        let Some((last, lead)) = words.split_last() else { return Err("empty term".into()) };
        let (position, bare) = match (last.strip_prefix('='), last.starts_with('*'), last.ends_with('*')) {
            (Some(exact), _, _) => (Position::Exact, exact),
            (None, true, true) => (Position::Any, last.trim_matches('*')),
            (None, true, false) => (Position::End, last.trim_start_matches('*')),
            (None, false, true) => (Position::Start, last.trim_end_matches('*')),
            (None, false, false) => (Position::Word, *last),
        };
        if bare.is_empty() || !bare.chars().all(|c| is_word_char(c) || c == '-') {
            return Err(format!("term `{raw}`: a word may hold letters, digits and `-`, with `*` or `=` only as markers"));
        }
        if lead.iter().any(|w| w.contains(['*', '='])) {
            return Err(format!("term `{raw}`: only the last word of a phrase may carry `*` or `=`"));
        }
        Ok(Term {
            lead: lead.iter().map(|w| (*w).to_owned()).collect(),
            last: bare.to_owned(),
            base: inflection_base(bare).to_owned(),
            stem: stem(bare).into_owned(),
            position,
        })
    }

    /// Whether a match of the key may start inside a word: a single-word
    /// term that may end a compound (`*område`) or stand anywhere in one.
    pub(super) fn may_start_inside_a_word(&self) -> bool {
        self.lead.is_empty() && matches!(self.position, Position::End | Position::Any)
    }

    /// The string searched for in normalised text.
    pub(super) fn key(&self) -> String {
        let last = match self.position {
            Position::Word | Position::End => &self.base,
            _ => &self.last,
        };
        let mut key = self.lead.join(" ");
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(last);
        key
    }

    /// Whether `word` (a whole normalised word) matches this single-word term.
    pub(super) fn matches_word(&self, word: &str) -> bool {
        match self.position {
            Position::Word => inflects(word, &self.base, &self.stem),
            Position::Exact => word == self.last,
            Position::Start => word.starts_with(&self.last),
            Position::End => word.match_indices(self.base.as_str()).any(|(i, _)| inflects(&word[i..], &self.base, &self.stem)),
            Position::Any => word.contains(&self.last),
        }
    }
}

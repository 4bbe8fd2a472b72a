//! Evidence: the words a score rests on, where they stand, and the
//! sentence around them.

use std::sync::Arc;

use kommunbench_core::{PolicyDocument, Span};
use serde::Serialize;

use kommunbench_text::collapse_whitespace;

/// A term found in a unit, where, and the sentence it stands in.
///
/// The term and the sentence are shared: every hit of one term, and every
/// hit in one sentence, point to one copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The lexicon term, framework wording, or other reason that matched.
    pub term: Arc<str>,
    /// The words as written in the document.
    pub text: String,
    /// Where they stand in the document's text.
    pub span: Span,
    /// The sentence around them.
    pub sentence: Arc<str>,
    /// The page they stand on, for paged formats (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Evidence {
    /// Evidence for `span` of `document`, with its sentence.
    pub fn at(document: &PolicyDocument, term: impl Into<Arc<str>>, piece: Span, span: Span) -> Evidence {
        Sentences::default().evidence(document, term, piece, span)
    }
}

/// Evidence for many hits in text order: hits in one sentence share the
/// work of finding and tidying it.
#[derive(Default)]
pub(crate) struct Sentences {
    /// The last sentence found: its piece, its bounds in the piece, and
    /// its text when it is quoted whole (see [`MAX_SENTENCE`]).
    last: Option<(Span, usize, usize, Option<Arc<str>>)>,
    /// Evidence without its words and sentence (both empty, the sentence
    /// shared), for a caller that only counts it.
    spans_only: Option<Arc<str>>,
}

impl Sentences {
    /// Evidence that keeps its term, span and page only.
    pub(crate) fn spans_only() -> Sentences {
        Sentences { last: None, spans_only: Some(Arc::from("")) }
    }

    pub(crate) fn evidence(&mut self, document: &PolicyDocument, term: impl Into<Arc<str>>, piece: Span, span: Span) -> Evidence {
        if let Some(empty) = &self.spans_only {
            let (term, sentence, page) = (term.into(), Arc::clone(empty), document.source.page_at(span.start));
            return Evidence { term, text: String::new(), span, sentence, page };
        }
        let piece_text = document.slice(piece);
        let (local_start, local_end) = (span.start - piece.start, span.end - piece.start);
        let (s, e, whole) = match &self.last {
            Some((p, s, e, whole)) if *p == piece && (*s..*e).contains(&local_start) => (*s, *e, whole.clone()),
            _ => {
                let (s, e) = sentence_around(piece_text, local_start);
                // A sentence too long to quote whole is quoted around each
                // hit, so it is not tidied (or shared) whole.
                let whole: Option<Arc<str>> = (e - s <= MAX_SENTENCE).then(|| collapse_whitespace(&piece_text[s..e]).into());
                self.last = Some((piece, s, e, whole.clone()));
                (s, e, whole)
            }
        };
        let sentence = whole.unwrap_or_else(|| quote_around(piece_text, s, e, local_start, local_end.min(e)).into());
        Evidence {
            term: term.into(),
            text: piece_text.get(local_start..local_end).unwrap_or("").to_owned(),
            span,
            sentence,
            page: document.source.page_at(span.start),
        }
    }
}

/// The longest sentence quoted whole, in bytes; a longer one (a page
/// without full stops, a table read as one line) is quoted around each
/// hit, [`CONTEXT`] bytes either side, so that evidence grows with the
/// hits, not with the hits times the sentence.
const MAX_SENTENCE: usize = 600;

/// How much of a long sentence is quoted either side of a hit, in bytes.
const CONTEXT: usize = 200;

/// The long sentence `text[s..e]` quoted around a hit at `start..end`
/// (see [`excerpt`]), with `…` where it is cut.
fn quote_around(text: &str, s: usize, e: usize, start: usize, end: usize) -> String {
    let (from, to) = excerpt(text, s, e, start, end);
    let mut quoted = String::with_capacity(to - from + 8);
    if from > s {
        quoted.push_str("… ");
    }
    quoted.push_str(&collapse_whitespace(&text[from..to]));
    if to < e {
        quoted.push_str(" …");
    }
    quoted
}

/// The stretch of `text[s..e]` quoted for a hit at `start..end`: up to
/// [`CONTEXT`] bytes either side, cut after a space (or at a character's
/// boundary where a word runs on).
fn excerpt(text: &str, s: usize, e: usize, start: usize, end: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(CONTEXT).max(s);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > s
        && let Some(space) = text[from..start].find(' ')
    {
        from += space + 1;
    }
    let mut to = end.saturating_add(CONTEXT).min(e).max(end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < e
        && let Some(space) = text[end..to].rfind(' ')
    {
        to = end + space;
    }
    (from, to.max(from))
}

/// The sentence around byte `at`: from after the previous sentence end
/// (`.`, `!` or `?` before a space and a capital or digit, or a line
/// break) to the next one, terminator included.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| match bytes[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => {
            let rest = &text[i + 1..];
            let after = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
            rest.len() != after.len()
                && after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '–' || c == '-')
                || rest.is_empty()
                || rest.starts_with('\n')
        }
        _ => false,
    };
    let start = (0..at.min(bytes.len())).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
    let end = (at..bytes.len()).find(|&i| ends_sentence(i)).map_or(bytes.len(), |i| if bytes[i] == b'\n' { i } else { i + 1 });
    let start = start + (text[start..end].len() - text[start..end].trim_start().len());
    (start, end.max(start))
}

/// Evidence as one line: `matched words [term]`, or `matched words
/// [term, p. 7]` in a paged format, joined by `; `.
pub fn evidence_summary<'a>(evidence: impl IntoIterator<Item = &'a Evidence>) -> String {
    evidence
        .into_iter()
        .map(|e| match e.page {
            Some(page) => format!("{} [{}, p. {page}]", e.text, e.term),
            None => format!("{} [{}]", e.text, e.term),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::{CONTEXT, Sentences, excerpt, sentence_around};
    use kommunbench_core::Span;

    #[test]
    fn a_long_sentence_is_quoted_around_each_hit_not_whole() {
        // One "sentence" of 2,000 words: a page without a full stop.
        let body = "nyanlända får sfi och praktik i kommunen ".repeat(250);
        let text = format!("Plan\n\n{body}\n");
        let doc = kommunbench_ingest::Ingester::new().ingest_str("x", &text).unwrap();
        let piece = Span { start: 0, end: doc.text.len() };
        let mut sentences = Sentences::default();
        let hits: Vec<usize> = doc.text.match_indices("sfi").map(|(i, _)| i).collect();
        assert_eq!(hits.len(), 250);
        let mut quoted = 0;
        for &at in &hits {
            let e = sentences.evidence(&doc, "sfi", piece, Span { start: at, end: at + 3 });
            assert_eq!(e.text, "sfi");
            assert!(e.sentence.contains("sfi") && e.sentence.len() <= 2 * CONTEXT + 16, "{}", e.sentence.len());
            quoted += e.sentence.len();
        }
        // Linear: the hits times a bounded excerpt, not times the sentence.
        assert!(quoted < hits.len() * (2 * CONTEXT + 16));
        assert!(sentences.evidence(&doc, "sfi", piece, Span { start: hits[100], end: hits[100] + 3 }).sentence.starts_with("… "));
        // A short sentence is still quoted whole.
        let doc = kommunbench_ingest::Ingester::new().ingest_str("y", "Plan\n\nVi erbjuder sfi. Och praktik.\n").unwrap();
        let at = doc.text.find("sfi").unwrap();
        let e =
            Sentences::default().evidence(&doc, "sfi", Span { start: 0, end: doc.text.len() }, Span { start: at, end: at + 3 });
        assert_eq!(&*e.sentence, "Vi erbjuder sfi.");
    }

    #[test]
    fn an_excerpt_cuts_after_spaces_and_at_character_boundaries() {
        let text = "åäö ".repeat(200);
        let at = text.len() / 2;
        let at = (at..text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
        let (from, to) = excerpt(&text, 0, text.len(), at, at + 2);
        assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
        assert!(text[..from].ends_with(' ') && text[to..].starts_with(' '), "{from} {to}");
        assert!(to - from <= 2 * CONTEXT + 2);
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_at_line_breaks() {
        let text = "Målet är klart. Kommunen ska ge stöd, t.ex. sfi och praktik. 3 av 4 får jobb!\nNy rad utan punkt";
        let at = |word: &str| {
            let (s, e) = sentence_around(text, text.find(word).unwrap());
            &text[s..e]
        };
        assert_eq!(at("Målet"), "Målet är klart.");
        assert_eq!(at("sfi"), "Kommunen ska ge stöd, t.ex. sfi och praktik.");
        assert_eq!(at("jobb"), "3 av 4 får jobb!");
        assert_eq!(at("utan"), "Ny rad utan punkt");
    }
}

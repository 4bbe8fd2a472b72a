//! Word lists searched in any ASCII case, with a prefilter.
//!
//! `aho-corasick` folds ASCII case itself (`ascii_case_insensitive`), but
//! then builds no prefilter: its automaton steps through every byte. The
//! cue lists of ingestion are small (a few dozen words), and its packed
//! (Teddy) prefilter skips most of a line in SIMD steps when the
//! automaton matches case as given and finds leftmost matches. So
//! [`Folded`] holds the patterns with
//! ASCII folded to lower case, folds the haystack the same way into a
//! reused buffer, and searches that. ASCII folding keeps every byte where
//! it is, so a match's offsets are the haystack's own, and the matches
//! are the same as an `ascii_case_insensitive` automaton's: a non-ASCII
//! letter (`Å`) matches only itself in both.

use std::cell::Cell;

use aho_corasick::{AhoCorasick, Match, MatchKind};

/// An automaton over patterns compared in any ASCII case. Matches are
/// leftmost-first: of the patterns that match at the leftmost place, the
/// first listed.
///
/// ```
/// let cues = kommunbench_text::Folded::new(["delmål", "mål"]);
/// let found = cues.find("Våra DELMÅL").map(|m| m.range());
/// assert_eq!(found, None, "`Å` folds only as itself");
/// assert_eq!(cues.find("Våra DELmål").map(|m| m.range()), Some(6..13));
/// ```
#[derive(Debug, Clone)]
pub struct Folded {
    matcher: AhoCorasick,
}

impl Folded {
    /// The automaton of `patterns`.
    ///
    /// # Panics
    ///
    /// When the patterns do not build an automaton (more patterns or
    /// states than `aho-corasick` takes): word lists are a program's own
    /// data, so that is a bug.
    pub fn new<I, P>(patterns: I) -> Folded
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns.into_iter().map(|p| p.as_ref().to_ascii_lowercase()))
            .unwrap_or_else(|e| unreachable!("a word list builds an automaton: {e}"));
        Folded { matcher }
    }

    /// Whether any pattern occurs in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        folded(haystack, |h| self.matcher.is_match(h))
    }

    /// The leftmost match in `haystack`.
    pub fn find(&self, haystack: &str) -> Option<Match> {
        folded(haystack, |h| self.matcher.find(h))
    }

    /// Whether `test` holds for one of the non-overlapping matches in
    /// `haystack` (taken in order, up to the first that passes).
    pub fn any(&self, haystack: &str, test: impl FnMut(Match) -> bool) -> bool {
        folded(haystack, |h| self.matcher.find_iter(h).any(test))
    }
}

/// Runs `f` on `text` with its ASCII letters in lower case, in a buffer
/// kept per thread. The buffer is taken out while `f` runs, so a nested
/// call folds into a buffer of its own.
fn folded<R>(text: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    thread_local! {
        static BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }
    let mut buffer = BUFFER.take();
    buffer.clear();
    buffer.extend_from_slice(text.as_bytes());
    buffer.make_ascii_lowercase();
    let out = f(&buffer);
    BUFFER.set(buffer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns and haystacks with capitals in every place, ASCII and not.
    const PATTERNS: [&str; 6] = ["mål", "Åtta", "TVÅ", "till exempel", "dnr", "s"];
    const HAYSTACKS: [&str; 8] = [
        "Våra MÅL och mål",
        "ÅTTA åtta Åtta åTTA",
        "två TVÅ Två tvÅ",
        "TiLl ExEmPeL, till  exempel",
        "Dnr KS 2024/12, DNR",
        "",
        "ſ S s ß",
        "ΣΟΦΙΑ Mål",
    ];

    #[test]
    fn matches_as_an_ascii_case_insensitive_automaton_does() {
        let folded = Folded::new(PATTERNS);
        let reference =
            AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).ascii_case_insensitive(true).build(PATTERNS).unwrap();
        let mut found = 0;
        for h in HAYSTACKS {
            assert_eq!(folded.is_match(h), reference.is_match(h), "{h:?}");
            assert_eq!(folded.find(h), reference.find(h), "{h:?}");
            let mut seen = Vec::new();
            assert!(!folded.any(h, |m| {
                seen.push(m);
                false
            }));
            assert_eq!(seen, reference.find_iter(h).collect::<Vec<_>>(), "{h:?}");
            found += seen.len();
        }
        // Every capital of the patterns and haystacks above was met.
        assert_eq!(found, 12);
    }

    #[test]
    fn a_nested_search_folds_into_a_buffer_of_its_own() {
        let outer = Folded::new(["arbete"]);
        let inner = Folded::new(["språk"]);
        let text = "ARBETE och SPRÅK";
        let found = outer.any(text, |m| {
            assert!(inner.is_match("Svenska språket"));
            m.start() == 0
        });
        assert!(found);
        assert_eq!(inner.find(text).map(|m| m.span()), None, "`SPRÅK` folds only its ASCII");
        assert_eq!(inner.find("SPRåK").map(|m| (m.start(), m.end())), Some((0, 6)));
    }
}

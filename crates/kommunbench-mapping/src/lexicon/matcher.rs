//! Finding a lexicon's terms in a text: the automaton's raw matches
//! checked against each term's position and guards, rules over sentences.

use std::ops::Range;
use std::sync::Arc;

use kommunbench_text::starts_word;

use super::Lexicon;
use super::compile::Pattern;
use super::syntax::Position;
use crate::text::{Normalized, inflects, is_word_char, word_at};

/// One term found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the area in the framework.
    pub area: usize,
    /// The lexicon term (or rule) that matched, as written in the lexicon.
    pub term: Arc<str>,
    /// Its weight.
    pub weight: f64,
    /// Byte range of the matched words in the original text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Index of the sentence it stands in (sentences end at `.`, `!`, `?` and paragraph breaks).
    pub sentence: usize,
}

impl Lexicon {
    /// Every hit in `text`, in order. Offsets are into `text`.
    ///
    /// The text is searched a window at a time (about a megabyte, cut
    /// after a line break, which ends a sentence and which no term spans),
    /// so that the matches waiting to be checked and merged take memory in
    /// proportion to a window, not to the text; only the hits are kept.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_by_windows(text, WINDOW)
    }

    /// [`Lexicon::find`] a `window` of bytes at a time.
    fn find_by_windows(&self, text: &str, window: usize) -> Vec<Hit> {
        let norm = Normalized::new(text);
        let n = norm.as_str();
        let mut hits = Vec::new();
        let mut sentences = SentenceCount::default();
        let mut start = 0;
        while start < n.len() {
            let end = window_end(n, start, window);
            self.find_in(n, start..end, &mut sentences, &mut hits);
            start = end;
        }
        for h in &mut hits {
            h.start = norm.to_original(h.start);
            h.end = norm.to_original(h.end).max(h.start);
        }
        hits
    }

    /// Appends the hits that start in `window` of the normalised text `n`,
    /// in order.
    fn find_in(&self, n: &str, window: Range<usize>, sentences: &mut SentenceCount, hits: &mut Vec<Hit>) {
        let offset = window.start;
        let part = &n[window];
        // Verified matches: (pattern, start, end) in normalised offsets.
        // About one per 50 bytes of running text (most are dropped below).
        let mut raw: Vec<(usize, usize, usize)> = Vec::with_capacity(part.len() / 32);
        self.each_key_unordered(part, |i, start, end| {
            if let Some((start, end)) = self.verify(n, i, offset + start, offset + end) {
                raw.push((i, start, end));
            }
        });
        let mut candidate = String::new();
        for (start, hyphen, word) in elided_compounds(part) {
            let (start, hyphen) = (offset + start, offset + hyphen);
            // `vuxen- och ungdomsutbildning`: `vuxen` + each possible head of
            // the next word. Heads only: a modifier (`arbetsmarknads-`)
            // already matched on its own.
            let modifier = &n[start..hyphen];
            for (i, _) in word.char_indices().skip(2) {
                candidate.clear();
                candidate.push_str(modifier);
                candidate.push_str(&word[i..]);
                let candidate = candidate.as_str();
                self.each_key(candidate, |i, s, e| {
                    let p = &self.patterns[i];
                    let head =
                        p.term.lead.is_empty() && matches!(p.term.position, Position::Word | Position::End | Position::Exact);
                    if head && e > modifier.len() && self.verify(candidate, i, s, e).is_some() {
                        raw.push((i, start, hyphen));
                    }
                });
            }
        }
        if raw.is_empty() {
            return;
        }
        // Sentence numbers, counted once along the hits in text order.
        // (The keys were found in no set order; the end settles a tie.)
        raw.sort_unstable_by_key(|r| (r.1, r.0, r.2));
        let sentence: Vec<usize> = raw.iter().map(|&(_, start, _)| sentences.at(n, start)).collect();
        // Overlapping hits of one area (`i arbete` and `arbete`, two terms
        // in one word) count once: the heavier, then the longer.
        // `raw` is in text order, so each area's hits are too.
        let mut by_area: Vec<Vec<(usize, usize, usize, usize)>> = vec![Vec::new(); self.areas];
        for (&(p, s, e), &sent) in raw.iter().zip(&sentence) {
            if let Some(a) = self.patterns[p].area {
                by_area[a].push((s, e, p, sent));
            }
        }
        let mut merged: Vec<(usize, usize, usize, usize, usize)> = Vec::with_capacity(raw.len());
        for (area, area_hits) in by_area.into_iter().enumerate() {
            let first = merged.len();
            for (s, e, p, sent) in area_hits {
                let open = merged.len() > first;
                match merged.last_mut() {
                    Some(last) if open && s < last.2 => {
                        let (wp, lp) = (&self.patterns[p], &self.patterns[last.3]);
                        if (wp.weight, e - s) > (lp.weight, last.2 - last.1) {
                            *last = (area, s, e, p, sent);
                        }
                    }
                    _ => merged.push((area, s, e, p, sent)),
                }
            }
        }
        let first = hits.len();
        hits.extend(merged.into_iter().map(|(area, start, end, p, sentence)| Hit {
            area,
            term: Arc::clone(&self.patterns[p].label),
            weight: self.patterns[p].weight,
            start,
            end,
            sentence,
        }));
        // Rules: one term of every group within one sentence.
        if !self.rules.is_empty() {
            // (rule, sentence, group, start, end)
            let mut seen: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
            for (&(p, start, end), &sent) in raw.iter().zip(&sentence) {
                for &(r, g) in &self.patterns[p].rule_groups {
                    seen.push((r, sent, g, start, end));
                }
            }
            seen.sort_unstable();
            for chunk in seen.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
                let rule = &self.rules[chunk[0].0];
                let mut groups = vec![false; rule.groups];
                for c in chunk {
                    groups[c.2] = true;
                }
                if groups.iter().all(|&g| g) {
                    let start = chunk.iter().map(|c| c.3).min().unwrap_or(0);
                    let end = chunk.iter().map(|c| c.4).max().unwrap_or(start);
                    hits.push(Hit {
                        area: rule.area,
                        term: Arc::clone(&rule.label),
                        weight: rule.weight,
                        start,
                        end,
                        sentence: chunk[0].1,
                    });
                }
            }
        }
        hits[first..].sort_by(|a, b| (a.start, a.area, &*a.term).cmp(&(b.start, b.area, &*b.term)));
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every key.
    fn each_key(&self, n: &str, f: impl FnMut(usize, usize, usize)) {
        self.matcher.each(n.as_bytes(), f);
    }

    /// [`Lexicon::each_key`] in no set order, for a whole text (see
    /// [`Overlapping::each_unordered`](kommunbench_text::Overlapping::each_unordered)).
    fn each_key_unordered(&self, n: &str, f: impl FnMut(usize, usize, usize)) {
        self.matcher.each_unordered(n.as_bytes(), f);
    }

    /// Checks a raw match of pattern `i` against the term's position and
    /// guards; returns the span of the matched words.
    fn verify(&self, n: &str, i: usize, start: usize, end: usize) -> Option<(usize, usize)> {
        let at_word_start = starts_word(n, start);
        // Most raw matches are a word-start term inside a longer word:
        // turned away on one byte a pattern, before the pattern is read.
        if !at_word_start && !self.inside_words[i] {
            return None;
        }
        let p = &self.patterns[i];
        let term = &p.term;
        let last_start = end - p.last_key_len;
        let (word_start, word_end) = word_at(n, last_start);
        let word = &n[word_start..word_end];
        let ok = match term.position {
            Position::Word | Position::Exact | Position::Start => {
                at_word_start && word_start == last_start && term.matches_word(word)
            }
            Position::End => {
                (term.lead.is_empty() || at_word_start) && inflects(&n[last_start..word_end], &term.base, &term.stem)
            }
            Position::Any => term.lead.is_empty() || at_word_start,
        };
        let first_word_start = if term.lead.is_empty() { word_start } else { start };
        (ok && self.guards_allow(p, word, n, first_word_start, word_end)).then_some((first_word_start, word_end))
    }

    fn guards_allow(&self, p: &Pattern, word: &str, n: &str, start: usize, end: usize) -> bool {
        let guard = &self.guards[p.guard];
        if guard.exclude.iter().any(|t| t.matches_word(word)) {
            return false;
        }
        if !guard.not_after.is_empty() {
            let before = n[..start].trim_end_matches(|c: char| !is_word_char(c) && c != '\n');
            let prev = before.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
            if !prev.is_empty() && guard.not_after.iter().any(|t| t.matches_word(prev)) {
                return false;
            }
        }
        if !guard.not_before.is_empty() {
            let after = n[end..].trim_start_matches(|c: char| !is_word_char(c) && c != '\n' && c != '.');
            let next = after.split(|c: char| !is_word_char(c)).next().unwrap_or("");
            if !next.is_empty() && guard.not_before.iter().any(|t| t.matches_word(next)) {
                return false;
            }
        }
        true
    }
}

/// About how many bytes of text [`Lexicon::find`] searches at a time.
const WINDOW: usize = 1 << 20;

/// Where the window of `n` that starts at `start` ends: after the first
/// line break `window` bytes on, or at the end of the text.
fn window_end(n: &str, start: usize, window: usize) -> usize {
    let from = start.saturating_add(window).min(n.len());
    memchr::memchr(b'\n', &n.as_bytes()[from..]).map_or(n.len(), |i| from + i + 1)
}

/// Sentence numbers, counted once along the hits in text order, across
/// windows.
#[derive(Default)]
struct SentenceCount {
    at: usize,
    count: usize,
}

impl SentenceCount {
    /// The number of the sentence `start` stands in; `start` never goes back.
    fn at(&mut self, n: &str, start: usize) -> usize {
        self.count += sentence_ends(&n.as_bytes()[self.at..start]);
        self.at = start;
        self.count
    }
}

/// How many bytes of `bytes` may end a sentence: `.`, `!`, `?` and a
/// line break. Compared rather than looked up in a table, and counted in
/// a byte per chunk of 128, so that the compiler counts many bytes a step.
#[expect(clippy::needless_bitwise_bool, reason = "a test without branches, which the compiler vectorises")]
fn sentence_ends(bytes: &[u8]) -> usize {
    bytes
        .chunks(128)
        .map(|chunk| {
            let ends: u8 = chunk.iter().map(|&b| u8::from((b == b'.') | (b == b'!') | (b == b'?') | (b == b'\n'))).sum();
            usize::from(ends)
        })
        .sum()
}

/// `vuxen- och ungdomsutbildning`: where `vuxen` starts, where its hyphen
/// stands, and the word after the conjunction.
fn elided_compounds(n: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    for hyphen in memchr::memchr_iter(b'-', n.as_bytes()) {
        let after = &n[hyphen + 1..];
        let Some(rest) = [" och ", " eller ", " samt ", ", "].iter().find_map(|conj| after.strip_prefix(conj)) else { continue };
        let (start, _) = word_at(n, hyphen);
        let word_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if start < hyphen && word_len > 3 {
            out.push((start, hyphen, &rest[..word_len]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};
    use kommunbench_core::Framework;

    use super::*;

    /// The lexicon's own loop gives every match the crate's overlapping
    /// iterator gives, in its order, on the seed documents.
    #[test]
    fn each_key_reports_what_the_overlapping_iterator_reports() {
        let lexicon = Lexicon::builtin(&Framework::builtin("se-2008").unwrap()).unwrap();
        let keys: Vec<String> = lexicon.patterns.iter().map(|p| p.term.key()).collect();
        let reference = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&keys).unwrap();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
        let mut total = 0;
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let n = Normalized::new(&text);
            let mut ours = Vec::new();
            lexicon.each_key(n.as_str(), |p, s, e| ours.push((p, s, e)));
            let theirs: Vec<_> =
                reference.find_overlapping_iter(n.as_str()).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            assert_eq!(ours, theirs);
            let (mut unordered, mut sorted) = (Vec::new(), theirs.clone());
            lexicon.each_key_unordered(n.as_str(), |p, s, e| unordered.push((p, s, e)));
            unordered.sort_unstable();
            sorted.sort_unstable();
            assert_eq!(unordered, sorted, "side by side, the same keys");
            total += ours.len();
        }
        assert!(total > 250, "the seeds hold many keys: {total}");
    }

    /// Windows cut after line breaks find what one window over the whole
    /// text finds: hits, their order, and their sentence numbers (which the
    /// rules rest on), on the seed documents cut every few lines.
    #[test]
    fn searching_by_windows_finds_what_one_search_finds() {
        let lexicon = Lexicon::builtin(&Framework::builtin("se-2008").unwrap()).unwrap();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
        let mut hits = 0;
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let whole = lexicon.find_by_windows(&text, usize::MAX);
            for window in [1, 64, 1000] {
                assert_eq!(lexicon.find_by_windows(&text, window), whole, "windows of {window} bytes");
            }
            hits += whole.len();
        }
        assert!(hits > 100, "the seeds hold many hits: {hits}");
    }
}

//! Small text helpers every reader of documents needs.

/// `text` with each run of white space as one space, trimmed.
///
/// ```
/// assert_eq!(kommunbench_core::collapse_whitespace("  Arbete\n och\t försörjning "), "Arbete och försörjning");
/// ```
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` in lower case: the same as [`str::to_lowercase`], with a fast
/// path for the letters of Swedish and Finnish text. ASCII, Latin-1
/// (`ÅÄÖÉ`) and general punctuation (`–`, `”`) are folded byte by byte,
/// runs without capitals copied whole; any other character hands the
/// whole text to the standard library.
///
/// ```
/// use kommunbench_core::lowercase;
///
/// assert_eq!(lowercase("ÅTGÄRDER – Öppna Förskolan"), "åtgärder – öppna förskolan");
/// assert_eq!(lowercase("ΣΟΦΙΑ"), "ΣΟΦΙΑ".to_lowercase());
/// ```
pub fn lowercase(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // `text[run..i]` is copied as it is when a capital or the end is met.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = match b {
            0x00..=0x7F => {
                if b.is_ascii_uppercase() {
                    out.push_str(&text[run..i]);
                    out.push(char::from(b.to_ascii_lowercase()));
                    run = i + 1;
                }
                1
            }
            // U+0080..U+00BF: no case.
            0xC2 => 2,
            // U+00C0..U+00FF: À..Þ but × fold 0x20 down, the rest have no case.
            0xC3 => {
                let next = bytes[i + 1];
                if (0x80..=0x9E).contains(&next) && next != 0x97 {
                    out.push_str(&text[run..i]);
                    out.push(char::from_u32(u32::from(next) + 0x60).unwrap_or(char::REPLACEMENT_CHARACTER));
                    run = i + 2;
                }
                2
            }
            // U+2000..U+206F, general punctuation: no case.
            0xE2 if bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 && bytes[i + 2] <= 0xAF => 3,
            _ => return text.to_lowercase(),
        };
        i += width;
    }
    out.push_str(&text[run..]);
    out
}

/// [`lowercase`], borrowing `text` when it is in lower case already (no
/// ASCII capital, nothing beyond ASCII but Latin-1 small letters): most
/// words of running text, which then need no copy.
pub(crate) fn lowercase_cow(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'A'..=b'Z' => return std::borrow::Cow::Owned(lowercase(text)),
            0x00..=0x7F => i += 1,
            // `×`, `ß` and `à` to `ÿ` stay as they are.
            0xC3 if matches!(bytes.get(i + 1), Some(0x97 | 0x9F | 0xA0..=0xBF)) => i += 2,
            _ => return std::borrow::Cow::Owned(lowercase(text)),
        }
    }
    std::borrow::Cow::Borrowed(text)
}

/// Calls `f(pattern, start, end)` for every occurrence of every pattern
/// of `dfa` in `haystack`, overlapping ones included: the matches of
/// [`AhoCorasick::find_overlapping_iter`](aho_corasick::AhoCorasick::find_overlapping_iter),
/// in its order (by where they end, then in the automaton's order).
///
/// This is the search loop the `aho_corasick::automaton::Automaton` trait
/// documents: one transition a byte, and every pattern of a match state
/// reported where it is found. The iterator returns one match a call and
/// resumes its search from a saved state each time, which costs more than
/// the scan itself where matches stand every few dozen bytes. Build `dfa`
/// with `MatchKind::Standard` (overlapping matches need it) and without a
/// prefilter, which this loop does not use.
///
/// ```
/// use aho_corasick::dfa::DFA;
///
/// let dfa = DFA::builder().prefilter(false).build(["mål", "delmål"]).unwrap();
/// let mut found = Vec::new();
/// kommunbench_core::each_overlapping(&dfa, "Delmål: mål".as_bytes(), |p, start, end| found.push((p, start, end)));
/// assert_eq!(found, [(0, 3, 7), (0, 9, 13)]);
/// ```
pub fn each_overlapping(dfa: &aho_corasick::dfa::DFA, haystack: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;

    debug_assert_eq!(dfa.match_kind(), aho_corasick::MatchKind::Standard);
    let Ok(mut sid) = dfa.start_state(Anchored::No) else { return };
    let mut report = |sid, end: usize| {
        for k in 0..dfa.match_len(sid) {
            let pattern = dfa.match_pattern(sid, k);
            f(pattern.as_usize(), end - dfa.pattern_len(pattern), end);
        }
    };
    if dfa.is_match(sid) {
        report(sid, 0);
    }
    for (at, &byte) in haystack.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, byte);
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return;
            }
            if dfa.is_match(sid) {
                report(sid, at + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{each_overlapping, lowercase, lowercase_cow};

    #[test]
    fn lowercase_is_the_standard_librarys() {
        let mut every: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        every.push_str(" ÅÄÖ åäö É – ” ŠŽ Σ İ ẞ");
        assert_eq!(lowercase(&every), every.to_lowercase());
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let text = format!("Ab{c}Öx");
            assert_eq!(lowercase(&text), text.to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn each_overlapping_finds_what_the_overlapping_iterator_finds() {
        use aho_corasick::{AhoCorasick, dfa::DFA};

        let patterns = ["så som", "som", "s", "är", "mål", "delmål", "ål"];
        let dfa = DFA::builder().prefilter(false).build(patterns).unwrap();
        let with_prefilter = DFA::new(patterns).unwrap();
        let reference = AhoCorasick::new(patterns).unwrap();
        for text in ["", "s", "Delmål är mål så som så som, såsom", "ååå ålands mål: som som"] {
            let theirs: Vec<_> =
                reference.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            for dfa in [&dfa, &with_prefilter] {
                let mut ours = Vec::new();
                each_overlapping(dfa, text.as_bytes(), |p, s, e| ours.push((p, s, e)));
                assert_eq!(ours, theirs, "{text:?}");
            }
        }
    }

    #[test]
    fn lowercase_cow_borrows_only_what_lowercase_leaves_alone() {
        let every = (0u32..0x3000).filter_map(char::from_u32);
        for c in every {
            for text in [c.to_string(), format!("ab{c}cd")] {
                let cow = lowercase_cow(&text);
                assert_eq!(cow, lowercase(&text), "{c:?}");
                if matches!(cow, std::borrow::Cow::Borrowed(_)) {
                    assert_eq!(lowercase(&text), text, "{c:?}");
                }
            }
        }
        assert!(matches!(lowercase_cow("integration och språk"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(lowercase_cow("Språk"), std::borrow::Cow::Owned(_)));
    }
}

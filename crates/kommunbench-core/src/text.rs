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
/// path for the letters of Swedish and Finnish text. The text is copied
/// whole and its ASCII folded in place (a loop the compiler vectorises);
/// then Latin-1 capitals (`ÅÄÖÉ`, two bytes as their small letters are)
/// are folded where they stand, and general punctuation (`–`, `”`) is
/// left as it is. Any other character hands the whole text to the
/// standard library.
///
/// ```
/// use kommunbench_core::lowercase;
///
/// assert_eq!(lowercase("ÅTGÄRDER – Öppna Förskolan"), "åtgärder – öppna förskolan");
/// assert_eq!(lowercase("ΣΟΦΙΑ"), "ΣΟΦΙΑ".to_lowercase());
/// ```
pub fn lowercase(text: &str) -> String {
    let mut out = text.to_owned();
    out.make_ascii_lowercase();
    let n = out.len();
    let mut i = 0;
    loop {
        let bytes = out.as_bytes();
        // To the next byte beyond ASCII: sixteen bytes at a time, then one.
        while bytes.get(i..i + 16).is_some_and(<[u8]>::is_ascii) {
            i += 16;
        }
        while i < n && bytes[i].is_ascii() {
            i += 1;
        }
        if i == n {
            return out;
        }
        i += match bytes[i] {
            // U+0080..U+00BF: no case.
            0xC2 => 2,
            // U+00C0..U+00FF: capitals are their small letter less 0x20,
            // the rest have no case.
            0xC3 => {
                let second = bytes[i + 1];
                if latin1_capital(second) {
                    let small = char::from(second + 0x60);
                    out.replace_range(i..i + 2, small.encode_utf8(&mut [0; 2]));
                }
                2
            }
            // U+2000..U+206F, general punctuation: no case.
            0xE2 if bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 && bytes[i + 2] <= 0xAF => 3,
            _ => return text.to_lowercase(),
        };
    }
}

/// Whether the byte after 0xC3 makes a capital letter, `À` to `Þ` but
/// `×`: the Latin-1 letters that change in lower case (0x20 down).
fn latin1_capital(second: u8) -> bool {
    (0x80..=0x9E).contains(&second) && second != 0x97
}

/// Whether a character is part of a word (letters and digits):
/// [`char::is_alphanumeric`], answered without a table search for ASCII
/// and Latin-1, where nearly every character of Swedish text lies.
///
/// ```
/// use kommunbench_core::is_word_char;
/// assert!(is_word_char('å') && is_word_char('7'));
/// assert!(!is_word_char('-') && !is_word_char('”'));
/// ```
pub fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{FF}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'),
        _ => c.is_alphanumeric(),
    }
}

/// Whether a word starts at byte `at` of `text`: no word character
/// ([`is_word_char`]) stands right before it.
///
/// ```
/// use kommunbench_core::{ends_word, starts_word};
/// let text = "Mål: delmål";
/// assert!(starts_word(text, 0) && starts_word(text, 6));
/// assert!(!starts_word(text, 9), "`mål` inside `delmål`");
/// assert!(!starts_word("växa", 3), "after `ä`, a letter beyond ASCII");
/// assert!(ends_word(text, 4) && !ends_word(text, 1));
/// ```
pub fn starts_word(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..at].chars().next_back().is_some_and(is_word_char),
    }
}

/// Whether a word ends at byte `at` of `text`: no word character
/// ([`is_word_char`]) stands right after it.
pub fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_word_char)
}

/// Whether `byte` (ASCII) stands in `text`: the `memchr` crate's search,
/// which reads a short line in fewer steps than `str::contains(char)`.
pub(crate) fn has_byte(text: &str, byte: u8) -> bool {
    memchr::memchr(byte, text.as_bytes()).is_some()
}

/// `text` split at each `byte` (ASCII), as `str::split` gives it, the
/// breaks found by the `memchr` crate.
pub(crate) fn split_byte(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(byte, text.as_bytes()).chain(std::iter::once(text.len())).map(move |end| {
        let piece = &text[start..end];
        start = end + 1;
        piece
    })
}

/// Whether `x` and `y` are the same with each character in lower case
/// (`char::to_lowercase`). ASCII words, the most, compare byte by byte.
pub(crate) fn same_ignoring_case(x: &str, y: &str) -> bool {
    if x.is_ascii() && y.is_ascii() {
        x.eq_ignore_ascii_case(y)
    } else {
        x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase))
    }
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
            0xC3 if bytes.get(i + 1).is_some_and(|&next| !latin1_capital(next)) => i += 2,
            _ => return std::borrow::Cow::Owned(lowercase(text)),
        }
    }
    std::borrow::Cow::Borrowed(text)
}

/// Patterns found wherever they stand, overlapping ones included: the
/// matches [`AhoCorasick::find_overlapping_iter`](aho_corasick::AhoCorasick::find_overlapping_iter)
/// gives, in its order (by where they end, then in the order of the
/// patterns at one end).
///
/// It holds a DFA built as its search loop needs it (standard match
/// semantics, which overlapping matches need, and no prefilter, which the
/// loop does not use), and [`Overlapping::each`] runs the loop the
/// `aho_corasick::automaton::Automaton` trait documents: one transition
/// a byte, and every pattern of a match state reported where it is found.
/// The iterator returns one match a call and resumes its search from a
/// saved state each time, which costs more than the scan itself where
/// matches stand every few dozen bytes.
///
/// ```
/// let words = kommunbench_core::Overlapping::new(["mål", "delmål"]).unwrap();
/// let mut found = Vec::new();
/// words.each("Delmål: mål".as_bytes(), |p, start, end| found.push((p, start, end)));
/// assert_eq!(found, [(0, 3, 7), (0, 9, 13)]);
/// ```
#[derive(Debug, Clone)]
pub struct Overlapping {
    dfa: aho_corasick::dfa::DFA,
}

impl Overlapping {
    /// The automaton of `patterns`.
    ///
    /// # Errors
    ///
    /// When `aho-corasick` cannot build it (too many patterns or states).
    pub fn new<I, P>(patterns: I) -> Result<Overlapping, aho_corasick::BuildError>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let dfa =
            aho_corasick::dfa::DFA::builder().match_kind(aho_corasick::MatchKind::Standard).prefilter(false).build(patterns)?;
        Ok(Overlapping { dfa })
    }

    /// The same matches as [`Overlapping::each`], in no set order: a long
    /// haystack is cut into [`Overlapping::LANES`] stretches, scanned side
    /// by side. The scan is a chain of dependent table reads (each state
    /// is read from the one before), so one scan leaves the core waiting
    /// on memory; independent chains fill the wait. Each stretch reports
    /// the matches that start in it, and reads on past its end as far as
    /// the longest pattern reaches.
    ///
    /// ```
    /// let words = kommunbench_core::Overlapping::new(["mål", "delmål"]).unwrap();
    /// let text = "Delmål: mål. ".repeat(10_000);
    /// let (mut ordered, mut unordered) = (Vec::new(), Vec::new());
    /// words.each(text.as_bytes(), |p, start, end| ordered.push((p, start, end)));
    /// words.each_unordered(text.as_bytes(), |p, start, end| unordered.push((p, start, end)));
    /// ordered.sort_unstable();
    /// unordered.sort_unstable();
    /// assert_eq!(ordered, unordered);
    /// ```
    #[expect(clippy::needless_range_loop, reason = "one position indexes every lane at once")]
    pub fn each_unordered(&self, haystack: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;

        const LANES: usize = Overlapping::LANES;
        let dfa = &self.dfa;
        let n = haystack.len();
        let Ok(start) = dfa.start_state(Anchored::No) else { return };
        // Short texts, and an empty pattern (a match before any byte), go
        // the ordered way.
        if n < LANES * Overlapping::MIN_LANE_BYTES || dfa.is_match(start) {
            return self.each(haystack, f);
        }
        let reach = dfa.max_pattern_len().saturating_sub(1);
        let owned: [usize; LANES + 1] = std::array::from_fn(|k| k * n / LANES);
        let lanes: [&[u8]; LANES] = std::array::from_fn(|k| &haystack[owned[k]..(owned[k + 1] + reach).min(n)]);
        let mut report = |k: usize, sid, end: usize| {
            for m in 0..dfa.match_len(sid) {
                let pattern = dfa.match_pattern(sid, m);
                let start = end - dfa.pattern_len(pattern);
                // Matches that start in the next stretch are that one's.
                if start < owned[k + 1] {
                    f(pattern.as_usize(), start, end);
                }
            }
        };
        let mut sid = [start; LANES];
        let side_by_side = lanes.iter().map(|l| l.len()).min().unwrap_or(0);
        for i in 0..side_by_side {
            for k in 0..LANES {
                sid[k] = dfa.next_state(Anchored::No, sid[k], lanes[k][i]);
            }
            for k in 0..LANES {
                // A dead state stays dead and matches nothing.
                if dfa.is_special(sid[k]) && dfa.is_match(sid[k]) {
                    report(k, sid[k], owned[k] + i + 1);
                }
            }
        }
        for k in 0..LANES {
            for (i, &byte) in lanes[k].iter().enumerate().skip(side_by_side) {
                sid[k] = dfa.next_state(Anchored::No, sid[k], byte);
                if dfa.is_special(sid[k]) && dfa.is_match(sid[k]) {
                    report(k, sid[k], owned[k] + i + 1);
                }
            }
        }
    }

    /// How many stretches [`Overlapping::each_unordered`] scans side by side.
    pub const LANES: usize = 8;

    /// The shortest stretch worth a lane of its own.
    const MIN_LANE_BYTES: usize = 1024;

    /// Calls `f(pattern, start, end)` for every occurrence of every
    /// pattern in `haystack`.
    pub fn each(&self, haystack: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;

        let dfa = &self.dfa;
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
}

#[cfg(test)]
mod tests {
    use super::{Overlapping, has_byte, is_word_char, lowercase, lowercase_cow, split_byte};

    #[test]
    fn split_byte_splits_as_str_split_does() {
        for text in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "Mål\tÅtgärd\t", "\t\t"] {
            assert_eq!(split_byte(text, b'\t').collect::<Vec<_>>(), text.split('\t').collect::<Vec<_>>(), "{text:?}");
            assert_eq!(has_byte(text, b'\t'), text.contains('\t'));
        }
    }

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

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
    fn overlapping_finds_what_the_overlapping_iterator_finds() {
        use aho_corasick::AhoCorasick;

        let patterns = ["så som", "som", "s", "är", "mål", "delmål", "ål"];
        let overlapping = Overlapping::new(patterns).unwrap();
        let reference = AhoCorasick::new(patterns).unwrap();
        for text in ["", "s", "Delmål är mål så som så som, såsom", "ååå ålands mål: som som"] {
            let theirs: Vec<_> =
                reference.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            let mut ours = Vec::new();
            overlapping.each(text.as_bytes(), |p, s, e| ours.push((p, s, e)));
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    proptest::proptest! {
        /// Side by side, the stretches find every match once, those that
        /// cross from one stretch into the next included: texts of a few
        /// letters, so that patterns overlap and stand across every cut.
        #[test]
        fn side_by_side_finds_what_one_scan_finds(
            text in proptest::collection::vec(proptest::sample::select(vec![b'a', b'b', b' ', 0xC3, 0xA5]), 0..30_000),
        ) {
            let patterns = ["ab", "aba", "b a", "abababab", "a", "bbb bbb", "\u{e5}a"];
            let overlapping = Overlapping::new(patterns).unwrap();
            let mut ordered = Vec::new();
            overlapping.each(&text, |p, s, e| ordered.push((p, s, e)));
            let mut unordered = Vec::new();
            overlapping.each_unordered(&text, |p, s, e| unordered.push((p, s, e)));
            ordered.sort_unstable();
            unordered.sort_unstable();
            proptest::prop_assert_eq!(ordered, unordered);
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

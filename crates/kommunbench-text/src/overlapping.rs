//! Patterns found wherever they stand, overlapping ones included.

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
/// let words = kommunbench_text::Overlapping::new(["mål", "delmål"]).unwrap();
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
    /// let words = kommunbench_text::Overlapping::new(["mål", "delmål"]).unwrap();
    /// let text = "Delmål: mål. ".repeat(10_000);
    /// let (mut ordered, mut unordered) = (Vec::new(), Vec::new());
    /// words.each(text.as_bytes(), |p, start, end| ordered.push((p, start, end)));
    /// words.each_unordered(text.as_bytes(), |p, start, end| unordered.push((p, start, end)));
    /// ordered.sort_unstable();
    /// unordered.sort_unstable();
    /// assert_eq!(ordered, unordered);
    /// ```
    #[expect(clippy::needless_range_loop, reason = "one position indexes every lane at once")]
    // Kept out of its callers: inlined into the lexicon's search (since it
    // moved into a crate of its own), it cost 0.6% more instructions on a
    // coverage run (callgrind, 200 generated documents).
    #[inline(never)]
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
    use super::Overlapping;

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
}

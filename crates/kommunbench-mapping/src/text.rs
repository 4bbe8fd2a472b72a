//! Swedish text as the matchers read it: NFC, lower case, whitespace
//! collapsed, words broken across lines joined again, with a map back to
//! the original byte offsets.

use std::borrow::Cow;
use std::sync::LazyLock;

pub use kommunbench_text::is_word_char;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A normalised text and the way back to the original's byte offsets.
///
/// Lower-casing, NFC composition and whitespace collapsing change byte
/// lengths in places; each place is recorded, so that every offset in the
/// normalised text maps to an offset in the original.
///
/// ```
/// use kommunbench_mapping::Normalized;
///
/// let original = "Arbets-\nmarknaden  OCH  Vuxenutbildningen";
/// let n = Normalized::new(original);
/// assert_eq!(n.as_str(), "arbetsmarknaden och vuxenutbildningen");
/// let at = n.as_str().find("vuxen").unwrap();
/// assert_eq!(&original[n.to_original(at)..], "Vuxenutbildningen");
/// ```
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// `(normalised offset, original offset)` from which offsets run in step.
    shifts: Vec<(usize, usize)>,
    /// Indices into `shifts` of regions that kept their length but not
    /// their characters' places (combining marks put in canonical order):
    /// an offset inside one maps to its end, as for a changed length.
    reordered: Vec<usize>,
    original_len: usize,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        // Decomposed letters (a + U+0308 from some editors) carry combining
        // diacritics, U+0300 to U+036F, whose UTF-8 starts with 0xCC or 0xCD.
        let needs_nfc = memchr::memchr2(0xCC, 0xCD, bytes).is_some() && is_nfc_quick(original.chars()) != IsNormalized::Yes;
        let mut out = String::with_capacity(bytes.len());
        let mut shifts = vec![(0, 0)];
        let mut reordered = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // Copy what keeps its length in one go, folded to lower case:
            // ASCII letters, digits, punctuation, single spaces, Latin-1
            // letters (`å` and `Å` alike, which no branch below meets).
            if !needs_nfc {
                let run = plain_run(&bytes[i..]);
                if run > 0 {
                    push_lowercase(&mut out, &original[i..i + run]);
                    i += run;
                    continue;
                }
            }
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_whitespace() && !(needs_nfc && matches!(bytes.get(i + 1), Some(0xCC | 0xCD))) {
                out.push(char::from(b.to_ascii_lowercase()));
                i += 1;
                continue;
            }
            if b == b' ' && bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace() && *n != 0xC2) {
                out.push(' ');
                i += 1;
                continue;
            }
            let c = original[i..].chars().next().expect("in bounds");
            if c.is_whitespace() {
                let start = i;
                let mut newlines = 0;
                while let Some(d) = original[i..].chars().next().filter(|d| d.is_whitespace()) {
                    newlines += usize::from(d == '\n');
                    i += d.len_utf8();
                }
                let hyphen_break = newlines == 1 && kommunbench_text::mends_hyphen(&out, &original[i..]);
                let before = out.len();
                if hyphen_break {
                    out.pop();
                    // The region replaced starts at the hyphen.
                    shifts.push((out.len(), start - 1));
                } else {
                    out.push(if newlines >= 2 { '\n' } else { ' ' });
                    if i - start != 1 {
                        shifts.push((before, start));
                    }
                }
                if i - start != 1 || hyphen_break {
                    shifts.push((out.len(), i));
                }
                continue;
            }
            let start = i;
            i += c.len_utf8();
            let before = out.len();
            if needs_nfc {
                // A starter and its combining marks compose together.
                while let Some(m) = original[i..].chars().next().filter(|m| unicode_normalization::char::is_combining_mark(*m)) {
                    i += m.len_utf8();
                }
                for composed in original[start..i].nfc() {
                    for lower in composed.to_lowercase() {
                        out.push(lower);
                    }
                }
            } else {
                for lower in c.to_lowercase() {
                    out.push(lower);
                }
            }
            // Composition can reorder marks (`\u{11370}\u{c55}` becomes
            // `\u{c55}\u{11370}`) and keep the length: such a region is
            // mapped as a whole too.
            let moved = out.len() - before == i - start && i - start > c.len_utf8() && out[before..] != original[start..i];
            if out.len() - before != i - start || moved {
                if moved {
                    reordered.push(shifts.len());
                }
                shifts.push((before, start));
                shifts.push((out.len(), i));
            }
        }
        Normalized { text: out, shifts, reordered, original_len: original.len() }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a normalised byte offset.
    ///
    /// Each character or whitespace run whose length changed (or whose
    /// combining marks were reordered) is a region between two shifts; an
    /// offset inside one maps to the region's end, so that it is always a
    /// character boundary of the original.
    pub fn to_original(&self, offset: usize) -> usize {
        let k = self.shifts.partition_point(|(n, _)| *n <= offset) - 1;
        let (n, o) = self.shifts[k];
        let (next_n, next_o) = self.shifts.get(k + 1).copied().unwrap_or((self.text.len(), self.original_len));
        let next_o = next_o.min(self.original_len);
        if offset > n && (next_n.saturating_sub(n) != next_o.saturating_sub(o) || self.reordered.binary_search(&k).is_ok()) {
            return next_o;
        }
        (o + (offset - n)).min(next_o)
    }
}

/// Length of the prefix of `bytes` that keeps its length in normal form:
/// printable ASCII, single spaces and two-byte Latin-1 letters (`å`,
/// `Ö`). Sixteen bytes are tested at a time where they all qualify (a
/// test the compiler vectorises), one at a time elsewhere.
fn plain_run(bytes: &[u8]) -> usize {
    let mut j = 0;
    loop {
        while let Some(chunk) = bytes.get(j..j + 16) {
            if !plain_chunk(chunk) {
                break;
            }
            j += 16;
        }
        // Past the chunk that failed, a byte at a time.
        let stop = j + 16;
        while j < stop {
            let Some(&b) = bytes.get(j) else { return j };
            if (0x21..0x7F).contains(&b) {
                j += 1;
            } else if b == b' ' {
                // Two spaces in a row collapse: stop before them.
                if bytes.get(j + 1).is_none_or(|n| n.is_ascii_whitespace() || *n == 0xC2) {
                    return j;
                }
                j += 1;
            } else if b == 0xC3 {
                j += 2; // U+00C0..U+00FF, two bytes in either case
            } else {
                return j;
            }
        }
    }
}

/// Whether sixteen bytes all keep their length in normal form, as
/// [`plain_run`] reads them: printable ASCII, `0xC3` and the bytes that
/// continue it, no two spaces in a row, and neither a space nor `0xC3` at
/// the end (what follows them is the next chunk's).
#[expect(clippy::needless_bitwise_bool, reason = "a test without branches, which the compiler vectorises")]
fn plain_chunk(chunk: &[u8]) -> bool {
    let mut plain = true;
    let mut double_space = false;
    for (k, &b) in chunk.iter().enumerate() {
        plain &= (b.wrapping_sub(0x20) < 0x5F) | (b.wrapping_sub(0x80) < 0x40) | (b == 0xC3);
        double_space |= (b == b' ') & (chunk.get(k + 1) == Some(&b' '));
    }
    let last = chunk[chunk.len() - 1];
    plain & !double_space & (last != b' ') & (last != 0xC3)
}

/// Appends `run` (a [`plain_run`]) to `out` in lower case: its ASCII
/// folded in place, then each Latin-1 capital (`À` to `Þ` but `×`, its
/// small letter less 0x20) where it stands.
///
/// [`kommunbench_text::lowercase`] folds the same way for any text. A run
/// holds nothing beyond ASCII but Latin-1 letters, so here the capitals
/// are found by a `memchr` search for their lead byte; the general loop,
/// called instead, costs 0.9% more of a `coverage` run's instructions.
fn push_lowercase(out: &mut String, run: &str) {
    let start = out.len();
    out.push_str(run);
    out[start..].make_ascii_lowercase();
    for k in memchr::memchr_iter(0xC3, run.as_bytes()) {
        let second = run.as_bytes()[k + 1];
        if (0x80..=0x9E).contains(&second) && second != 0x97 {
            let small = char::from(second + 0x60);
            out.replace_range(start + k..start + k + 2, small.encode_utf8(&mut [0; 2]));
        }
    }
}

static SWEDISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));

/// The Snowball Swedish stem of a lower-case word.
///
/// ```
/// use kommunbench_mapping::stem;
/// assert_eq!(stem("diskrimineringen"), "diskriminering");
/// assert_eq!(stem("bostadsområden"), "bostadsområd");
/// ```
pub fn stem(word: &str) -> Cow<'_, str> {
    SWEDISH.stem(word)
}

/// Inflectional endings of Swedish nouns, adjectives and participles, as
/// they follow a term's base (`skol|an`, `arbet|et`, `bostadsområd|ena`).
const ENDINGS: &[&str] = &[
    "", "a", "ad", "ade", "ades", "an", "ande", "andet", "ans", "ar", "are", "arna", "arnas", "ars", "as", "at", "d", "de", "e",
    "en", "ena", "enas", "ens", "er", "erna", "ernas", "ers", "es", "et", "ets", "n", "na", "nas", "ns", "or", "orna", "ornas",
    "ors", "r", "rna", "rnas", "s", "t", "ts",
];

/// The base a term's inflections grow from: a final `-a` or `-e` goes
/// (`skola` → `skol`, `arbete` → `arbet`, `företagare` → `företagar`).
///
/// ```
/// use kommunbench_mapping::inflection_base;
/// assert_eq!(inflection_base("skola"), "skol");
/// assert_eq!(inflection_base("rasism"), "rasism");
/// ```
pub fn inflection_base(term: &str) -> &str {
    match term.char_indices().next_back() {
        Some((i, 'a' | 'e')) if i >= 3 => &term[..i],
        _ => term,
    }
}

/// Whether `tail` (a word from where a term starts) is an inflection of the
/// term `term`: its base and an inflectional ending, or the same Snowball
/// stem. `arbetet` and `arbeten` are forms of `arbete`; `arbetsgrupp` is not;
/// `försörjningsförmåga` is not a form of `försörjning`.
///
/// ```
/// use kommunbench_mapping::is_inflection;
/// assert!(is_inflection("skolorna", "skola"));
/// assert!(!is_inflection("skolgård", "skola"));
/// ```
pub fn is_inflection(tail: &str, term: &str) -> bool {
    inflects(tail, inflection_base(term), &stem(term))
}

/// [`is_inflection`] with the term's base and stem already known.
pub(crate) fn inflects(tail: &str, base: &str, term_stem: &str) -> bool {
    let Some(rest) = tail.strip_prefix(base) else { return false };
    // Beyond the listed endings, a short rest with the same Snowball stem
    // (`-heter` would make `helheter` a form of `hela`, so short only).
    ENDINGS.contains(&rest) || (rest.len() <= 4 && stem(tail) == term_stem)
}

/// The word around byte `at` of `text`: `(start, end)`.
pub fn word_at(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut start = at;
    loop {
        match bytes[..start].last() {
            Some(b) if b.is_ascii_alphanumeric() => start -= 1,
            Some(b) if *b >= 0x80 => match text[..start].chars().next_back() {
                Some(c) if is_word_char(c) => start -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    let mut end = at;
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => end += 1,
            Some(b) if *b >= 0x80 => match text[end..].chars().next() {
                Some(c) if is_word_char(c) => end += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_inside_reordered_marks_map_to_character_boundaries() {
        // The decomposed `a\u{308}` makes the text need NFC; NFC puts
        // U+0C55 (class 84) before U+11370 (class 230), same length.
        for original in [
            "diskriminering\u{11370}\u{c55}Arbete och egen försörjninga\u{308}r",
            "a\u{308} x\u{301}\u{316}y \u{11370}\u{c55}\u{11370}",
        ] {
            let n = Normalized::new(original);
            for offset in (0..=n.as_str().len()).filter(|&o| n.as_str().is_char_boundary(o)) {
                let at = n.to_original(offset);
                assert!(original.is_char_boundary(at), "{offset} maps to {at} in {original:?}");
            }
        }
    }

    #[test]
    fn offsets_map_back_through_collapsed_whitespace_and_joined_words() {
        let original = "Mål:   Fler i ARBETE.\n\nArbets-\nmarknaden ska växa.";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "mål: fler i arbete.\narbetsmarknaden ska växa.");
        for word in ["arbete", "arbetsmarknaden", "växa"] {
            let at = n.as_str().find(word).unwrap();
            let o = n.to_original(at);
            assert!(original[o..].to_lowercase().starts_with(&word[..4]), "{word}: {}", &original[o..]);
        }
        let end = n.as_str().len();
        assert_eq!(n.to_original(end), original.len());
    }

    #[test]
    fn elided_compounds_keep_their_hyphen() {
        let n = Normalized::new("barn-\noch ungdomsverksamhet, vuxen- och ungdomsutbildning");
        assert_eq!(n.as_str(), "barn- och ungdomsverksamhet, vuxen- och ungdomsutbildning");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let decomposed = "Va\u{308}xjo\u{308} la\u{308}n";
        let n = Normalized::new(decomposed);
        assert_eq!(n.as_str(), "växjö län");
        let at = n.as_str().find("län").unwrap();
        assert_eq!(&decomposed[n.to_original(at)..], "la\u{308}n");
    }

    #[test]
    fn lowercasing_that_changes_length_keeps_offsets_valid() {
        let original = "İstanbul och Arbete";
        let n = Normalized::new(original);
        let at = n.as_str().find("arbete").unwrap();
        assert_eq!(&original[n.to_original(at)..], "Arbete");
    }

    #[test]
    fn every_offset_maps_to_a_character_boundary() {
        for original in
            ["diskrimineringİ och ẞ", "a\u{00A0}\u{00A0}b", "Arbets-\nmarknaden", "Va\u{308}xjo\u{308}  İİ", "x \u{2028}\ty"]
        {
            let n = Normalized::new(original);
            let mut last = 0;
            for offset in 0..=n.as_str().len() {
                let o = n.to_original(offset);
                assert!(original.is_char_boundary(o), "{original:?}: {offset} -> {o}");
                assert!(o >= last, "{original:?}: offsets go backwards at {offset}");
                last = o;
            }
            assert_eq!(n.to_original(n.as_str().len()), original.len());
        }
    }

    proptest::proptest! {
        /// Text of Swedish letters in both cases, other scripts, spaces,
        /// line breaks and no-break spaces, in runs long and short enough
        /// to cross the sixteen-byte chunks of the copy at every place:
        /// each character lower-cased on its own, each run of whitespace
        /// one space (a line break where it holds two), every offset
        /// of a character mapped forward to a character boundary of the
        /// original.
        #[test]
        fn normal_form_is_each_character_lowered_and_whitespace_collapsed(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Arbete", "å", "Å", "Ö", "é", "É", "×", "ß", "ẞ", "İ", "–", "ΣΑ", ".", "1",
                " ", "  ", "\n", "\n\n", "\t", "\u{a0}", "abcdefghijklmnop",
            ]), 0..120),
        ) {
            let original = pieces.concat();
            let mut expected = String::new();
            let mut chars = original.chars().peekable();
            while let Some(c) = chars.next() {
                if c.is_whitespace() {
                    let mut newlines = usize::from(c == '\n');
                    while let Some(d) = chars.next_if(|d| d.is_whitespace()) {
                        newlines += usize::from(d == '\n');
                    }
                    expected.push(if newlines >= 2 { '\n' } else { ' ' });
                } else {
                    expected.extend(c.to_lowercase());
                }
            }
            let n = Normalized::new(&original);
            proptest::prop_assert_eq!(n.as_str(), expected.as_str());
            let mut last = 0;
            for offset in (0..=n.as_str().len()).filter(|&o| n.as_str().is_char_boundary(o)) {
                let o = n.to_original(offset);
                proptest::prop_assert!(original.is_char_boundary(o) && o >= last, "{:?}: {} -> {}", original, offset, o);
                last = o;
            }
            proptest::prop_assert_eq!(n.to_original(n.as_str().len()), original.len());
        }
    }

    /// The Snowball stems of the forms the lexicon relies on, quirks
    /// included: no `-et` suffix (`arbetet`), `skolan` and `bostadsområdena`
    /// left whole, `-ad` and `-s` cut (`arbetsmarkn`, `mötesplat`). The
    /// matcher therefore checks inflections itself (`is_inflection`).
    #[test]
    fn golden_stems() {
        for (word, expected) in [
            ("arbete", "arbet"),
            ("arbeten", "arbet"),
            ("arbetet", "arbetet"),
            ("arbetsmarknaden", "arbetsmarknad"),
            ("arbetsmarknad", "arbetsmarkn"),
            ("vuxenutbildningen", "vuxenutbildning"),
            ("vuxenutbildning", "vuxenutbildning"),
            ("utbildningar", "utbildning"),
            ("diskrimineringen", "diskriminering"),
            ("diskriminering", "diskriminering"),
            ("bostadsområdena", "bostadsområden"),
            ("bostadsområden", "bostadsområd"),
            ("bostadsområde", "bostadsområd"),
            ("nyanlända", "nyanländ"),
            ("nyanländas", "nyanländ"),
            ("mötesplatser", "mötesplats"),
            ("mötesplats", "mötesplat"),
            ("företagare", "företag"),
            ("mångfald", "mångfald"),
            ("skolan", "skolan"),
            ("skolor", "skol"),
            ("skolorna", "skol"),
            ("segregationen", "segregation"),
            ("mottagandet", "mottag"),
            ("mottagande", "mottag"),
            ("civilsamhället", "civilsamhället"),
            ("föreningslivet", "föreningslivet"),
            ("rasism", "rasism"),
            ("egenförsörjning", "egenförsörjning"),
            ("invandrare", "invandr"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn inflections_of_the_lexicon_forms() {
        for (tail, term) in [
            ("arbetet", "arbete"),
            ("arbeten", "arbete"),
            ("arbetsmarknaden", "arbetsmarknad"),
            ("vuxenutbildningen", "vuxenutbildning"),
            ("utbildningar", "utbildning"),
            ("diskrimineringen", "diskriminering"),
            ("bostadsområdena", "bostadsområde"),
            ("bostadsområden", "bostadsområde"),
            ("nyanländas", "nyanlända"),
            ("mötesplatser", "mötesplats"),
            ("företagarna", "företagare"),
            ("skolan", "skola"),
            ("skolorna", "skola"),
            ("segregationen", "segregation"),
            ("mottagandet", "mottagande"),
            ("samhället", "samhälle"),
            ("civilsamhället", "civilsamhälle"),
            ("föreningslivet", "föreningsliv"),
            ("rasismen", "rasism"),
            ("invandrarna", "invandrare"),
        ] {
            assert!(is_inflection(tail, term), "{tail} of {term}");
        }
        for (tail, term) in [
            ("arbetsgrupp", "arbete"),
            ("arbetssätt", "arbete"),
            ("försörjningsförmåga", "försörjning"),
            ("skolgården", "skola"),
            ("bostadsområdesgrupp", "bostadsområde"),
        ] {
            assert!(!is_inflection(tail, term), "{tail} is not {term}");
        }
    }

    #[test]
    fn word_around_an_offset() {
        let t = "en vuxenutbildning här";
        let at = t.find("utbildning").unwrap();
        assert_eq!(word_at(t, at), (3, 18));
    }

    /// Every character boundary of a text of ASCII, Latin-1 (letters and
    /// the signs `×` and `÷`) and wider characters: the word is the run of
    /// [`is_word_char`] characters around it.
    #[test]
    fn word_around_every_offset_is_the_run_of_word_characters() {
        let t = "Åtgärd 3×4 ÷ mål–delmål ΣΟΦΙΑ öÿ¹x ”citat” ØÞß-x\u{a0}é";
        for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            let start = t[..at].char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last().map_or(at, |(i, _)| i);
            let end = t[at..].char_indices().find(|(_, c)| !is_word_char(*c)).map_or(t.len(), |(i, _)| at + i);
            assert_eq!(word_at(t, at), (start, end), "at {at}");
        }
    }
}

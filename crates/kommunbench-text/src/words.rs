//! Words: which characters make them, where they start and end, and
//! white space collapsed between them.

/// `text` with each run of white space as one space, trimmed.
///
/// ```
/// assert_eq!(kommunbench_text::collapse_whitespace("  Arbete\n och\t försörjning "), "Arbete och försörjning");
/// ```
pub fn collapse_whitespace(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is collapsed already: no white space but single spaces
/// between other characters. White space beyond ASCII starts with one of
/// a few lead bytes (`0xC2` for U+0085 and U+00A0, `0xE1`, `0xE2`, `0xE3`
/// for the rest), and a text holding one of those, or a control byte, is
/// read the slow way. (The bytes are tested without branches, a loop the
/// compiler vectorises: most titles and lines are collapsed.)
#[expect(clippy::needless_bitwise_bool, reason = "lazy operators would branch on every byte; bitwise ones vectorise")]
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let odd = bytes.iter().fold(false, |any, &b| any | (b < 0x20) | (b == 0xC2) | (b.wrapping_sub(0xE1) < 3));
    !odd && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ') && memchr::memmem::find(bytes, b"  ").is_none()
}

/// Whether a character is part of a word (letters and digits):
/// [`char::is_alphanumeric`], answered without a table search for ASCII
/// and Latin-1, where nearly every character of Swedish text lies.
///
/// ```
/// use kommunbench_text::is_word_char;
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

/// The words of `text` with their byte offsets: runs of word characters
/// ([`is_word_char`]); with `inner_hyphens`, a hyphen after a word's first
/// character belongs to it (`NTM-centralen`). ASCII bytes are read as
/// bytes, the rest as characters.
///
/// ```
/// use kommunbench_text::word_spans;
/// let text = "NTM-centralen i Åbo, -x";
/// assert_eq!(word_spans(text, true), [(0, "NTM-centralen"), (14, "i"), (16, "Åbo"), (23, "x")]);
/// assert_eq!(word_spans(text, false)[..2], [(0, "NTM"), (4, "centralen")]);
/// ```
pub fn word_spans(text: &str, inner_hyphens: bool) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (part, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || (inner_hyphens && b == b'-' && start.is_some()), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Whether a word starts at byte `at` of `text`: no word character
/// ([`is_word_char`]) stands right before it.
///
/// ```
/// use kommunbench_text::{ends_word, starts_word};
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

/// How many words `s` has: its runs of non-white space.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `s` has at most `n` words, without counting past them.
pub fn words_at_most(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

#[cfg(test)]
mod tests {
    use super::{collapse_whitespace, is_word_char};

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn collapsing_is_the_split_words_joined() {
        let by_split = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "",
            " ",
            "Arbete och studier",
            "Arbete  och",
            " Arbete",
            "Arbete ",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{3000}b",
            "Åtgärder – ”för” alla",
            "x\u{1f}y",
            "x\u{85}y",
        ] {
            assert_eq!(collapse_whitespace(text), by_split(text), "{text:?}");
        }
        let every: String = (0u32..0x3100).filter_map(char::from_u32).flat_map(|c| ['a', c, 'b', ' ']).collect();
        assert_eq!(collapse_whitespace(&every), by_split(&every));
    }
}

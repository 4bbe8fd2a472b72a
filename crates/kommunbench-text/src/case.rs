//! Lower case the way Swedish text needs it: fast for the letters of
//! Swedish and Finnish text, the standard library's answer for the rest.

/// `text` in lower case: the same as [`str::to_lowercase`], with a fast
/// path for the letters of Swedish and Finnish text. The text is copied
/// whole and its ASCII folded in place (a loop the compiler vectorises);
/// then Latin-1 capitals (`ÅÄÖÉ`, two bytes as their small letters are)
/// are folded where they stand, and general punctuation (`–`, `”`) is
/// left as it is. Any other character hands the whole text to the
/// standard library.
///
/// ```
/// use kommunbench_text::lowercase;
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

/// Whether `x` and `y` are the same with each character in lower case
/// (`char::to_lowercase`). ASCII words, the most, compare byte by byte.
pub fn same_ignoring_case(x: &str, y: &str) -> bool {
    if x.is_ascii() && y.is_ascii() {
        x.eq_ignore_ascii_case(y)
    } else {
        x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase))
    }
}

/// [`lowercase`], borrowing `text` when it is in lower case already (no
/// ASCII capital, nothing beyond ASCII but Latin-1 small letters): most
/// words of running text, which then need no copy.
pub fn lowercase_cow(text: &str) -> std::borrow::Cow<'_, str> {
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

/// Whether lower-casing `text` keeps every character's length in bytes,
/// so that its words stand at the same offsets in the lower-case text
/// (`Å` and `å` are both two bytes; `İ` lower-cases to three).
fn keeps_offsets(text: &str) -> bool {
    text.chars().filter(|c| !c.is_ascii()).all(|c| {
        let mut lower = c.to_lowercase();
        lower.len() == 1 && lower.next().is_some_and(|l| l.len_utf8() == c.len_utf8())
    })
}

/// The lower-case forms of `words` (byte offsets and words of `text`):
/// slices of `lower`, the text in [`lowercase`], where lower-casing kept
/// every character's length, else each word lowered on its own.
///
/// ```
/// use kommunbench_text::{lowercase, lowercase_words, word_spans};
///
/// for text in ["Vi vill ÅTGÄRDA", "Ⱥ och ẞ ska ÖKA"] {
///     let (lower, words) = (lowercase(text), word_spans(text, false));
///     let got: Vec<String> = lowercase_words(text, &lower, &words).into_iter().map(|w| w.into_owned()).collect();
///     let each: Vec<String> = words.iter().map(|(_, w)| lowercase(w)).collect();
///     assert_eq!(got, each);
/// }
/// ```
pub fn lowercase_words<'a>(text: &str, lower: &'a str, words: &[(usize, &str)]) -> Vec<std::borrow::Cow<'a, str>> {
    if lower.len() == text.len() && keeps_offsets(text) {
        words.iter().map(|&(at, w)| std::borrow::Cow::Borrowed(&lower[at..at + w.len()])).collect()
    } else {
        words.iter().map(|(_, w)| std::borrow::Cow::Owned(lowercase(w))).collect()
    }
}

/// The first `max_chars` characters of `text` in lower case, each folded
/// on its own (`char::to_lowercase`), and whether that is all of it.
///
/// Every line of every document passes here twice, so text is copied in
/// runs: ASCII is folded in place at the end, and only a character that
/// changes in lower case (`Å`, `Ö`) is folded on its own.
pub fn fold_opening(text: &str, max_chars: usize) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(2)));
    // `text[run..i]` is copied as it is when a capital or the end is met.
    let (mut run, mut i, mut n) = (0, 0, 0);
    while i < bytes.len() && n < max_chars {
        // An ASCII run, as far as the characters left allow.
        let budget = (max_chars - n).min(bytes.len() - i);
        let ascii = bytes[i..i + budget].iter().position(|b| !b.is_ascii()).unwrap_or(budget);
        (i, n) = (i + ascii, n + ascii);
        if ascii == budget {
            continue;
        }
        n += 1;
        let c = text[i..].chars().next().unwrap_or_else(|| unreachable!("a char boundary"));
        // Latin-1 capitals (`À` to `Þ` but `×`) are their small letter
        // less 0x20, and nothing else there changes: no table search.
        let changes = if ('\u{80}'..='\u{FF}').contains(&c) {
            matches!(c, 'À'..='Þ') && c != '×'
        } else {
            let mut lower = c.to_lowercase();
            lower.len() != 1 || lower.next() != Some(c)
        };
        if changes {
            out.push_str(&text[run..i]);
            out.extend(c.to_lowercase());
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&text[run..i]);
    // A lower-case form holds no ASCII capital, so this touches only what
    // was copied.
    out.make_ascii_lowercase();
    (out, i == bytes.len())
}

#[cfg(test)]
mod tests {
    use super::{fold_opening, lowercase, lowercase_cow};

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

    #[test]
    fn a_folded_opening_is_each_character_folded() {
        let by_char = |text: &str, max: usize| -> (String, bool) {
            (text.chars().take(max).flat_map(char::to_lowercase).collect(), text.chars().count() <= max)
        };
        let every: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let texts = [
            "",
            "Publicerad 2024-03-01",
            "ÅTGÄRDER FÖR ÖKAD DELAKTIGHET",
            "Ärendet: ΣΟΦΙΑ İstanbul \u{212A}elvin ǅ",
            "abc",
            "ÅÄÖ",
            every.as_str(),
        ];
        for text in texts {
            for max in [0, 1, 2, 3, 40, 80, usize::MAX] {
                assert_eq!(fold_opening(text, max), by_char(text, max), "{max} of {text:?}");
            }
        }
        for chunk in every.chars().collect::<Vec<_>>().chunks(37) {
            let text: String = chunk.iter().collect();
            assert_eq!(fold_opening(&text, 30), by_char(&text, 30), "{text:?}");
        }
    }
}

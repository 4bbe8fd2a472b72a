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

#[cfg(test)]
mod tests {
    use super::lowercase;

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
}

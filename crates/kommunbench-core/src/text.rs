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
/// (`ÅÄÖÉ`) and general punctuation (`–`, `”`) are folded a character at a
/// time without Unicode tables; any other character hands the whole text
/// to the standard library.
///
/// ```
/// use kommunbench_core::lowercase;
///
/// assert_eq!(lowercase("ÅTGÄRDER – Öppna Förskolan"), "åtgärder – öppna förskolan");
/// assert_eq!(lowercase("ΣΟΦΙΑ"), "ΣΟΦΙΑ".to_lowercase());
/// ```
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = u32::from(c);
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if code < 0x100 {
            // Latin-1: À..Þ (but ×) fold 0x20 down; the rest have no case.
            let folded = if (0xC0..=0xDE).contains(&code) && code != 0xD7 { char::from_u32(code + 0x20) } else { None };
            out.push(folded.unwrap_or(c));
        } else if (0x2000..=0x206F).contains(&code) {
            out.push(c);
        } else {
            return text.to_lowercase();
        }
    }
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

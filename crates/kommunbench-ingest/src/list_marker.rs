//! List markers: the bullets, dashes, numbers and letters that open a
//! list item, as every reader of text sees them. The layout reads a
//! text's items by them, and the PDF reader starts a new block at them,
//! so an item is an item whatever format it came in.

/// Bullet and dash characters that open a list item, the private-use
/// bullets of PDF symbol fonts (`\u{f0b7}` and its kin) among them.
const BULLETS: &str = "-•*·▪◦‣●○■□➢►✓✔–—‒−\u{f0b7}\u{f0a7}\u{f0d8}\u{f076}";

/// Whether `c` is a bullet or a dash that opens a list item.
///
/// ```
/// assert!(kommunbench_ingest::is_bullet('•') && kommunbench_ingest::is_bullet('–'));
/// assert!(!kommunbench_ingest::is_bullet('o'), "`o` is a marker only before a space");
/// ```
pub fn is_bullet(c: char) -> bool {
    BULLETS.contains(c)
}

/// Whether a line can open with a list marker (see [`list_marker`]): a
/// cheap test of its first character.
pub(crate) fn may_open_item(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || c == '(' || matches!(c, 'a'..='z' | 'å' | 'ä' | 'ö') || is_bullet(c))
}

/// A list item's marker and text: a bullet or dash, `1.`, `1)`, `(1)`,
/// `a)`, `a.`, or `o` as Word writes a second-level bullet, then white
/// space and the text. (A scan, not a regex: it runs on every line.)
///
/// ```
/// use kommunbench_ingest::list_marker;
///
/// assert_eq!(list_marker("• Fler i arbete"), Some(("•", "Fler i arbete")));
/// assert_eq!(list_marker("12) Språkcaféer"), Some(("12)", "Språkcaféer")));
/// assert_eq!(list_marker("b. Läxhjälp"), Some(("b.", "Läxhjälp")));
/// assert_eq!(list_marker("2024. Året"), None);
/// assert_eq!(list_marker("-5 grader"), None);
/// ```
pub fn list_marker(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    let marker_end = if is_bullet(first) || first == 'o' {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        (digits <= 2 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))).then_some(digits + 1)?
    } else if first == '(' {
        let digits = text[1..].bytes().take_while(u8::is_ascii_digit).count();
        ((1..=2).contains(&digits) && text.as_bytes().get(digits + 1) == Some(&b')')).then_some(digits + 2)?
    } else if matches!(first, 'a'..='z' | 'å' | 'ä' | 'ö') {
        let after = first.len_utf8();
        matches!(text.as_bytes().get(after), Some(b'.' | b')')).then_some(after + 1)?
    } else {
        return None;
    };
    let rest = &text[marker_end..];
    let body = rest.trim_start();
    (body.len() < rest.len() && !body.is_empty()).then(|| (&text[..marker_end], body))
}

/// Whether a line opens with a list marker.
pub(crate) fn is_item(text: &str) -> bool {
    may_open_item(text) && list_marker(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::{is_item, list_marker, may_open_item};

    #[test]
    fn markers_of_every_kind() {
        for marker in ["•", "·", "–", "—", "▪", "*", "-", "o", "➢", "\u{f0b7}", "1.", "12)", "(3)", "a)", "b.", "ö)"]
        {
            let line = format!("{marker} Fler i arbete");
            assert_eq!(list_marker(&line), Some((marker, "Fler i arbete")), "{line}");
            assert!(may_open_item(&line) && is_item(&line), "{line}");
        }
    }

    #[test]
    fn what_is_no_marker() {
        for line in
            ["123. Tre siffror", "1.Utan mellanslag", "(123) Fler", "ab) Två bokstäver", "A) Versal", "•", "- ", "Om oss", "o"]
        {
            assert_eq!(list_marker(line), None, "{line}");
        }
    }
}

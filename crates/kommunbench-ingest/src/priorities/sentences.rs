//! The sentences of a paragraph, as the commitment and enumeration rules
//! read them.

use std::ops::Range;

/// The sentences of `text`, trimmed, as byte ranges: a sentence ends at a
/// line break, or after `.`, `!` or `?` when white space and then a
/// capital, a digit, a dash or a closing quotation mark (`”`) follow.
/// The end of the text ends the last one.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let s = &text[from..to];
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    // Only line breaks and stops can end a sentence: jump between them,
    // a line at a time (the byte searches are vectorised; every paragraph
    // of a corpus passes here).
    let mut line_start = 0;
    for line_end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[line_start..line_end];
        for i in memchr::memchr3_iter(b'.', b'!', b'?', line.as_bytes()).map(|i| line_start + i) {
            let rest = &text[i + 1..line_end];
            let next = rest.trim_start();
            let ends = rest.starts_with(char::is_whitespace)
                && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '–' || c == '”');
            if ends && i + 1 > start {
                push(start, i + 1);
                start = i + 1;
            }
        }
        if line_end < text.len() && line_end > start {
            push(start, line_end);
            start = line_end;
        }
        line_start = line_end + 1;
    }
    push(start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_at_line_breaks() {
        assert_eq!(
            texts("Vi vill ha fler jobb. Sfi ska vara flexibel, t.ex. på kvällar! 2025 ska alla\nNy rad"),
            vec!["Vi vill ha fler jobb.", "Sfi ska vara flexibel, t.ex. på kvällar!", "2025 ska alla", "Ny rad"]
        );
    }

    #[test]
    fn a_stop_before_a_quotation_or_a_dash_ends_a_sentence() {
        assert_eq!(texts("Hon sa det.  ”Vi kan”, sa hon. – Ja."), vec!["Hon sa det.", "”Vi kan”, sa hon.", "– Ja."]);
        assert_eq!(texts("Se bilaga 2.  "), vec!["Se bilaga 2."]);
    }
}

//! Page numbers as printed in a page's margin: `7`, `- 7 -`, `7 (12)`,
//! `7 av 12`, `7/12`, `Sida 7`, `s. 7`, `Page 3 of 9`. The furniture
//! rules drop them from a text's lines, and the PDF reader from its
//! pages' top and bottom bands; both read them here.

use crate::vocabulary::vocabulary;

/// A line read as a page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber {
    /// The most digits in one of its numbers: a lone number of four
    /// digits in running text is as often a year.
    pub digits: usize,
    /// Whether a word names it a page: `Sida 7`, `s. 7`, `Page 3 of 9`.
    pub labelled: bool,
    /// How the count of pages follows it, if it does.
    pub count: PageCount,
}

/// How a page number gives the count of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCount {
    /// It does not: `7`, `Sida 7`.
    None,
    /// In brackets: `7 (12)`.
    Bracketed,
    /// After a word or a slash: `7 av 12`, `7 of 12`, `7/12`. Alone on a
    /// line of running text that could be a share or a date.
    Written,
}

/// `text` (trimmed) read as a page number: dashes around it allowed, a
/// label before it (`Sida`, `sid.`, `s.`, `Page`), and the count of pages
/// after it (`av 12`, `of 12`, `/12`, `(12)`); `None` for anything more.
/// The words are the vocabulary's (`[page_numbers]`).
///
/// ```
/// use kommunbench_ingest::{PageCount, page_number};
///
/// assert!(page_number("- 7 -").is_some());
/// assert!(page_number("Sida 7 av 12").unwrap().labelled);
/// assert_eq!(page_number("7 (12)").unwrap().count, PageCount::Bracketed);
/// assert_eq!(page_number("2024").unwrap().digits, 4);
/// assert_eq!(page_number("7 mål"), None);
/// assert_eq!(page_number("Mål 7: Fler i arbete"), None);
/// ```
pub fn page_number(text: &str) -> Option<PageNumber> {
    let dashes = |c: char| matches!(c, '-' | '–' | '—') || c.is_whitespace();
    let mut rest = text.trim_matches(dashes);
    // Every form ends with a number or a bracket: most lines do not.
    if !rest.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
        return None;
    }
    let words = &vocabulary().page_numbers;
    let mut number = PageNumber { digits: 0, labelled: false, count: PageCount::None };
    // The label, in any case; only its ASCII folds.
    let label = words.labels.iter().find(|l| rest.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)));
    if let Some(label) = label {
        let after = &rest[label.len()..];
        // `sida7` is no word: a label ends with its full stop or a space.
        if label.ends_with('.') || after.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()) {
            rest = after.trim_start();
            number.labelled = true;
        }
    }
    number.digits = digits(&mut rest)?;
    rest = rest.trim_start();
    if rest.is_empty() {
        return Some(number);
    }
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let mut inner = inner.trim();
        let total = digits(&mut inner)?;
        number.count = PageCount::Bracketed;
        number.digits = number.digits.max(total);
        return inner.is_empty().then_some(number);
    }
    let of = words.of.iter().find(|of| rest.get(..of.len()).is_some_and(|r| r.eq_ignore_ascii_case(of)))?;
    let mut total = rest[of.len()..].trim_start();
    if *of != "/" && total.len() == rest.len() - of.len() {
        return None; // `avgift 12`: the word goes on
    }
    number.digits = number.digits.max(digits(&mut total)?);
    number.count = PageCount::Written;
    total.is_empty().then_some(number)
}

/// The run of ASCII digits `text` opens with, taken off it: its length,
/// or `None` when it opens with none.
fn digits(text: &mut &str) -> Option<usize> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    *text = &text[n..];
    (n > 0).then_some(n)
}

/// The longest page number at a line's end after its gap, in bytes
/// (`Sida 123 av 456`, with room for odd spacing).
const TAIL_BYTES: usize = 32;

/// A page number at the end of a line, after a gap of two or more
/// spaces, as a running header or footer prints it (`Åby kommun
/// Integrationsplan      5 (10)`, `Strategi    Sida 4 av 11`): a
/// labelled or bracketed page number of at most three digits.
pub(crate) fn ends_with_page_number(line: &str) -> bool {
    if !line.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
        return false;
    }
    let bytes = line.as_bytes();
    // A page number is short: its gap stands in the line's last bytes.
    (bytes.len().saturating_sub(TAIL_BYTES).max(1)..bytes.len()).any(|i| {
        let gap = bytes[i - 1].is_ascii_whitespace() && i >= 2 && bytes[i - 2].is_ascii_whitespace();
        gap && !bytes[i].is_ascii_whitespace()
            && page_number(&line[i..]).is_some_and(|n| (n.labelled || n.count == PageCount::Bracketed) && n.digits <= 3)
    })
}

#[cfg(test)]
mod tests {
    use super::{PageCount, PageNumber, ends_with_page_number, page_number};

    #[test]
    fn the_forms_page_numbers_take() {
        for yes in [
            "7",
            "- 7 -",
            "–7–",
            "Sida 7 av 12",
            "SIDA 7 AV 12",
            "sida 7",
            "7 (12)",
            "7(12)",
            "7/12",
            "s. 7",
            "s.7/12",
            "sid. 3",
            "Page 3 of 9",
            "7 av 12",
        ] {
            assert!(page_number(yes).is_some(), "{yes}");
        }
        for no in [
            "7 mål",
            "Sida",
            "Mål 7: Fler i arbete",
            "1. Arbete",
            "av 7",
            "1 2 3",
            "(7)",
            "7 avgift 12",
            "sidan 7",
            "7 (12",
            "page7x",
        ] {
            assert_eq!(page_number(no), None, "{no}");
        }
        assert_eq!(page_number("12 (120)"), Some(PageNumber { digits: 3, labelled: false, count: PageCount::Bracketed }));
        assert_eq!(page_number("s. 7/12").map(|n| (n.labelled, n.count)), Some((true, PageCount::Written)));
    }

    #[test]
    fn running_headers_end_with_a_labelled_or_bracketed_number() {
        assert!(ends_with_page_number("Åby kommun          Integrationsplan 2024–2027          5 (10)"));
        assert!(ends_with_page_number("Integrationsstrategi    Sida 4 av 11"));
        assert!(ends_with_page_number("Integrationsstrategi    Sida  4 av 11"));
        assert!(!ends_with_page_number("Arbete och studier      7"), "a table row's last cell");
        assert!(!ends_with_page_number("Integrationsstrategi Sida 4 av 11"), "no gap");
    }
}

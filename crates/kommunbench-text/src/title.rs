//! Titles compared as a coder compares them.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{IsNormalized, is_nfc_quick};

use crate::{collapse_whitespace, lowercase};

/// The key two titles share when a reader takes them for the same one:
/// Unicode NFC, each run of white space one space, lower case, and no
/// closing `.`, `,`, `:`, `;` or white space. The priority rules merge
/// a title stated twice by it (a table of contents and its chapter), and
/// evaluation and hand coding match titles by it.
///
/// ```
/// use kommunbench_text::title_key;
///
/// assert_eq!(title_key(" Arbete  och\nförsörjning; "), title_key("arbete och försörjning"));
/// assert_eq!(title_key("Språk,"), "språk");
/// assert_eq!(title_key("Va\u{308}xjo\u{308}"), "växjö");
/// ```
pub fn title_key(title: &str) -> String {
    // A text without a character from U+0300 on is in NFC already (every
    // character below it is a starter that composes with nothing before
    // it); most titles are such, and need no check.
    let nfc = title.is_ascii() || title.bytes().all(|b| b < 0xCC) || is_nfc_quick(title.chars()) == IsNormalized::Yes;
    let collapsed = if nfc { collapse_whitespace(title) } else { collapse_whitespace(&title.nfc().collect::<String>()) };
    lowercase(collapsed.trim_end_matches(['.', ',', ':', ';', ' ']))
}

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

//! Byte searches in text, by the `memchr` crate.

/// Whether `byte` (ASCII) stands in `text`: the `memchr` crate's search,
/// which reads a short line in fewer steps than `str::contains(char)`.
pub fn has_byte(text: &str, byte: u8) -> bool {
    memchr::memchr(byte, text.as_bytes()).is_some()
}

/// `text` split at each `byte` (ASCII), as `str::split` gives it, the
/// breaks found by the `memchr` crate.
pub fn split_byte(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(byte, text.as_bytes()).chain(std::iter::once(text.len())).map(move |end| {
        let piece = &text[start..end];
        start = end + 1;
        piece
    })
}

#[cfg(test)]
mod tests {
    use super::{has_byte, split_byte};

    #[test]
    fn split_byte_splits_as_str_split_does() {
        for text in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "Mål\tÅtgärd\t", "\t\t"] {
            assert_eq!(split_byte(text, b'\t').collect::<Vec<_>>(), text.split('\t').collect::<Vec<_>>(), "{text:?}");
            assert_eq!(has_byte(text, b'\t'), text.contains('\t'));
        }
    }
}

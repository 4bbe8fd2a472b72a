//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
//! recognised by its zero bytes), and Windows-1252, with line endings
//! normalised to `\n`.

use encoding_rs::WINDOWS_1252;

use kommunbench_core::DecodeError;
use kommunbench_text::has_byte;

/// A decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line endings normalised to `\n`, BOM removed.
    pub text: String,
    /// The encoding it was read as: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    /// Byte offsets (in the file) of invalid UTF-8 sequences read as
    /// U+FFFD: a UTF-8 file with a few damaged bytes.
    pub damaged: Vec<usize>,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xD0\xCF\x11\xE0", "legacy Office document"),
    (b"\x1F\x8B", "gzip archive"),
    (b"{\\rtf", "RTF document"),
];

/// Decodes a file's bytes into text.
///
/// ```
/// use kommunbench_ingest::decode;
///
/// let cp1252 = b"V\xe4lkommen till V\xe4xj\xf6\r\n";
/// let d = decode(cp1252)?;
/// assert_eq!((d.text.as_str(), d.encoding), ("Välkommen till Växjö\n", "windows-1252"));
/// # Ok::<(), kommunbench_core::DecodeError>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(DecodeError::Binary { what });
    }
    let mut damaged = Vec::new();
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest, 3, &mut damaged)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, false, 2)?, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, true, 2)?, "UTF-16BE")
    } else if let Some(big_endian) = utf16_without_bom(bytes) {
        (utf16(bytes, big_endian, 0)?, if big_endian { "UTF-16BE" } else { "UTF-16LE" })
    } else {
        utf8_or_1252(bytes, 0, &mut damaged)?
    };
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(DecodeError::NulByte { offset: at });
    }
    let text = normalise_newlines(text);
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.chars().all(|c| c.is_whitespace() || INVISIBLE.contains(&c)) {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded { text, encoding, damaged })
}

/// Characters that show nothing: zero-width spaces and joiners, the word
/// joiner, a stray BOM, the soft hyphen.
const INVISIBLE: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];

/// UTF-8; UTF-8 with a few damaged sequences (read as U+FFFD, their
/// offsets in `damaged`) when any valid multi-byte character shows the
/// file is UTF-8; Windows-1252 only when no high byte forms UTF-8.
fn utf8_or_1252(bytes: &[u8], skipped: usize, damaged: &mut Vec<usize>) -> Result<(String, &'static str), DecodeError> {
    // Nearly every file is valid UTF-8: simdutf8 says so in a fraction of
    // the standard library's time; the standard library then tells where
    // a file that is not goes wrong.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), "UTF-8")),
        Err(e) if bytes.utf8_chunks().any(|c| !c.valid().is_ascii()) && !bytes.iter().any(|&b| is_control(b)) => {
            let mut text = String::with_capacity(bytes.len());
            let mut at = skipped;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                at += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    damaged.push(at);
                    text.push(char::REPLACEMENT_CHARACTER);
                    at += chunk.invalid().len();
                }
            }
            debug_assert!(damaged.first() == Some(&(skipped + e.valid_up_to())));
            // A few damaged sequences are damage; many are another encoding.
            if damaged.len() > (bytes.len() / 100).max(8) {
                let at = e.valid_up_to();
                let valid = text.chars().filter(|c| c.len_utf8() > 1 && *c != char::REPLACEMENT_CHARACTER).count();
                return Err(DecodeError::MixedEncoding { offset: skipped + at, byte: bytes[at], invalid: damaged.len(), valid });
            }
            Ok((text, "UTF-8"))
        }
        Err(e) => {
            // Windows-1252 text uses printable bytes, tabs and line breaks;
            // other C0 controls and the five unassigned bytes mean it is not.
            if let Some(at) = bytes.iter().position(|&b| is_control(b) || matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)) {
                return Err(DecodeError::UnknownEncoding {
                    offset: skipped + e.valid_up_to(),
                    byte: bytes[at],
                    at: skipped + at,
                });
            }
            Ok((WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), "windows-1252"))
        }
    }
}

/// A C0 control byte that text does not hold (tabs, line and form feeds do).
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)
}

/// UTF-16 text; `skipped` bytes (a BOM) came before `bytes`, for offsets.
fn utf16(bytes: &[u8], big_endian: bool, skipped: usize) -> Result<String, DecodeError> {
    let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut offset = skipped;
    for unit in char::decode_utf16(units) {
        let c = unit.map_err(|_| DecodeError::InvalidUtf16 { encoding, offset })?;
        text.push(c);
        offset += 2 * c.len_utf16();
    }
    if bytes.len() % 2 == 1 {
        return Err(DecodeError::InvalidUtf16 { encoding, offset: skipped + bytes.len() - 1 });
    }
    Ok(text)
}

/// UTF-16 without a BOM shows itself in Latin text by a zero byte in the
/// same half of nearly every code unit: `Some(true)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(2048) & !1];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros_at = |half: usize| head.chunks_exact(2).filter(|pair| pair[half] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= units * 9 && even == 0 {
        Some(false)
    } else if even * 10 >= units * 9 && odd == 0 {
        Some(true)
    } else {
        None
    }
}

fn normalise_newlines(text: String) -> String {
    if !has_byte(&text, b'\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Vingåker".as_bytes()).unwrap().text, "Vingåker");
        assert!(decode("Vingåker".as_bytes()).unwrap().damaged.is_empty());
        let bom = [b"\xEF\xBB\xBF".as_slice(), "Vingåker\r\nKF".as_bytes()].concat();
        let d = decode(&bom).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Vingåker\nKF", "UTF-8"));
    }

    #[test]
    fn windows_1252_keeps_swedish_letters() {
        let d = decode(b"H\xe4r \xe5 \xf6 \xc5\xc4\xd6 \x96 \x80").unwrap();
        assert_eq!(d.text, "Här å ö ÅÄÖ – €");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Mål".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Mål");
    }

    #[test]
    fn utf16_without_bom_is_recognised_and_broken_utf16_refused() {
        let le: Vec<u8> = "Integrationsprogram för Malmö\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Integrationsprogram för Malmö\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&le).unwrap(),
            Decoded { text: "Integrationsprogram för Malmö\n".into(), encoding: "UTF-16LE", damaged: Vec::new() }
        );
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        // An odd byte count, and a lone high surrogate after the BOM and two units.
        let mut odd = le.clone();
        odd.push(b'x');
        assert_eq!(decode(&odd).unwrap_err(), DecodeError::InvalidUtf16 { encoding: "UTF-16LE", offset: le.len() });
        let lone = [0xFF, 0xFE, b'a', 0, b'b', 0, 0x00, 0xD8, b'c', 0];
        assert_eq!(decode(&lone).unwrap_err(), DecodeError::InvalidUtf16 { encoding: "UTF-16LE", offset: 6 });
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(decode(b"%PDF-1.7\n...").unwrap_err(), DecodeError::Binary { what: "PDF" });
        assert_eq!(
            decode(b"\x89PNG\r\n").unwrap_err().to_string(),
            "binary file (PNG image), not text: convert it to text first"
        );
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"  \n\n").unwrap_err(), DecodeError::Blank);
        assert_eq!(decode("\u{200B}\u{FEFF} \u{2060}\n".as_bytes()).unwrap_err(), DecodeError::Blank);
        assert_eq!(decode(b"ab\0cd").unwrap_err(), DecodeError::NulByte { offset: 2 });
    }

    #[test]
    fn one_damaged_byte_keeps_a_utf8_file_utf8() {
        // `Vingåker` with one byte of `å` dropped, then `Västerås` intact.
        let bytes = b"Ving\xc3ker ligger n\xc3\xa4ra V\xc3\xa4ster\xc3\xa5s";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Ving\u{FFFD}ker ligger nära Västerås");
        assert_eq!(d.damaged, [4]);
        // No multi-byte UTF-8 anywhere: Windows-1252 throughout.
        assert_eq!(decode(b"V\xe4xj\xf6").unwrap().encoding, "windows-1252");
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_1252_are_refused() {
        let err = decode(b"ok text \xe4 then \x01\x02").unwrap_err();
        assert_eq!(err, DecodeError::UnknownEncoding { offset: 8, byte: 0x01, at: 15 });
        assert!(err.to_string().ends_with("(byte 0x01 at 15 is a control character there)"), "{err}");
        let err = decode(b"abc \x81 def").unwrap_err();
        assert!(err.to_string().ends_with("(byte 0x81 at 4 is unassigned there)"), "{err}");
    }

    #[test]
    fn windows_1252_with_a_little_utf8_is_called_mixed_not_a_control_character() {
        // Windows-1252 throughout, but for one `€` pasted as UTF-8.
        let mut bytes = b"Kostnad 5 \xe2\x82\xac. ".to_vec();
        bytes.extend(b"V\xe4xj\xf6 och J\xf6nk\xf6ping har m\xe5l f\xf6r nyanl\xe4nda. ".repeat(3));
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, DecodeError::MixedEncoding { offset: 16, byte: 0xe4, invalid: 21, valid: 1 });
        assert!(err.to_string().starts_with("mixed encodings: 21 byte sequences are not UTF-8"), "{err}");
    }
}

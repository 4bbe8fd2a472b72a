//! Why an input could not be read: the file, its bytes, or what a
//! format reader made of it. The messages name the file and the problem.

use std::path::{Path, PathBuf};

use crate::files::ReadError;
use crate::id::IdError;

/// Why a file's bytes are not a text we can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file holds only white space or invisible characters.
    #[error("the file holds only white space or invisible characters, no text")]
    Blank,
    /// The file is binary; `what` names the format when it is recognised.
    #[error("binary file ({what}), not text: convert it to text first")]
    Binary {
        /// The recognised format, or a description.
        what: &'static str,
    },
    /// Invalid UTF-8 that is not Windows-1252 text either.
    #[error(
        "invalid UTF-8 at byte {offset}, and not Windows-1252 text either (byte 0x{byte:02X} at {at} is {} there)",
        if *byte < 0x20 { "a control character" } else { "unassigned" }
    )]
    UnknownEncoding {
        /// First invalid UTF-8 byte.
        offset: usize,
        /// The byte that rules out Windows-1252: a C0 control or one of
        /// the five bytes Windows-1252 leaves unassigned.
        byte: u8,
        /// Where it stands.
        at: usize,
    },
    /// Mostly another encoding, with a little UTF-8 in it: text pasted
    /// from two sources. Read either way, part of it would be garbled.
    #[error(
        "mixed encodings: {invalid} byte sequences are not UTF-8 (the first at byte {offset}, 0x{byte:02X}) while {valid} characters are; save the file in one encoding (UTF-8)"
    )]
    MixedEncoding {
        /// First invalid UTF-8 byte.
        offset: usize,
        /// That byte.
        byte: u8,
        /// How many sequences are not UTF-8.
        invalid: usize,
        /// How many multi-byte UTF-8 characters there are.
        valid: usize,
    },
    /// A NUL character: a binary file, or text in an encoding not
    /// recognised.
    #[error("binary file (a NUL character at byte {offset}), not text: convert it to text first")]
    NulByte {
        /// Byte offset in the decoded text (in the file too, for UTF-8
        /// without a BOM).
        offset: usize,
    },
    /// UTF-16 that breaks off: an odd number of bytes or a lone surrogate.
    #[error("invalid {encoding} at byte {offset} (an odd number of bytes or an unpaired surrogate)")]
    InvalidUtf16 {
        /// `UTF-16LE` or `UTF-16BE`.
        encoding: &'static str,
        /// Byte offset of the first bad code unit, BOM included.
        offset: usize,
    },
}

/// Why one document could not be ingested.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bytes are not a text we can read.
    #[error("{}: {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// What is wrong with the bytes.
        source: DecodeError,
    },
    /// The file exceeds the configured size limit (counted while reading).
    #[error("{}: file is larger than the limit of {limit} bytes (raise it with --max-file-size)", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// Not a regular file: a directory, a named pipe, a socket, a device.
    #[error("{}: not a regular file ({kind}); only regular files are documents", path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The file is in a format a converter reads (HTML, PDF, Word), but
    /// the converter could not read it.
    #[error("{}: {message}", path.display())]
    Convert {
        /// The file.
        path: PathBuf,
        /// What is wrong, in the converter's words.
        message: String,
    },
    /// The file name does not give a valid document id.
    #[error("{}: {source}", path.display())]
    Id {
        /// The file.
        path: PathBuf,
        /// The id error.
        source: IdError,
    },
    /// A fault in kommunbench's own text rules while reading this file:
    /// the file is left out, the other documents are read.
    #[error("{}: kommunbench failed on this text ({message}); the other documents are read. Please report it with the file", path.display())]
    Internal {
        /// The file.
        path: PathBuf,
        /// What failed.
        message: String,
    },
}

/// The message a caught panic carried (`panic!("...")` gives a `&str` or a
/// `String`), for the error that names the file it cost.
///
/// ```
/// let caught = std::panic::catch_unwind(|| panic!("bad {}", 7)).unwrap_err();
/// assert_eq!(kommunbench_core::panic_message(caught.as_ref()), "bad 7");
/// ```
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

impl IngestError {
    /// A file that could not be read, with its path.
    pub fn reading(path: &Path, e: ReadError) -> IngestError {
        match e {
            ReadError::TooLarge { limit } => IngestError::TooLarge { path: path.to_owned(), limit },
            ReadError::NotRegular { kind } => IngestError::NotRegular { path: path.to_owned(), kind },
            ReadError::Io(source) => IngestError::Io { path: path.to_owned(), source },
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::Decode { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotRegular { path, .. }
            | Self::Convert { path, .. }
            | Self::Id { path, .. }
            | Self::Internal { path, .. } => path,
        }
    }
}

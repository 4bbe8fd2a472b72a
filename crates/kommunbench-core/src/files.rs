//! Reading files safely: only regular files, and never more than a limit,
//! whatever size the file system reports.
//!
//! Every file kommunbench reads goes through [`read_limited`]: documents,
//! manifests, frameworks, lexicons, codings, municipality lists, peer
//! groups, crosswalks. A named pipe would block a reader forever and a
//! device (a link to `/dev/zero`) reports size 0 and never ends; both are
//! refused before they are opened for reading, and a file that grows past
//! the limit while it is read is cut off with an error.

use std::io::Read;
use std::path::Path;

/// The limit for files other than documents (frameworks, lexicons,
/// codings, manifests, municipality lists): 64 MiB.
pub const MAX_AUX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Not a regular file: a directory, a named pipe, a socket, a device.
    #[error("not a regular file ({kind}); only regular files are read")]
    NotRegular {
        /// What it is instead.
        kind: &'static str,
    },
    /// More bytes than the limit (counted while reading, not trusted from
    /// the reported size).
    #[error("file is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// The operating system refused or failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<ReadError> for std::io::Error {
    fn from(e: ReadError) -> std::io::Error {
        match e {
            ReadError::Io(e) => e,
            ReadError::NotRegular { .. } => std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()),
            ReadError::TooLarge { .. } => std::io::Error::new(std::io::ErrorKind::FileTooLarge, e.to_string()),
        }
    }
}

/// What a non-regular file is, for messages.
pub fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_file() { "a regular file" } else { "not a regular file" }
}

/// Reads a regular file (following links) of at most `limit` bytes.
///
/// ```
/// use kommunbench_core::{read_limited, ReadError};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "Integrationsplan")?;
/// assert_eq!(read_limited(&path, 1024)?, b"Integrationsplan");
/// assert!(matches!(read_limited(&path, 4), Err(ReadError::TooLarge { limit: 4 })));
/// assert!(matches!(read_limited(dir.path(), 1024), Err(ReadError::NotRegular { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular { kind: file_kind(&meta) });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most [`MAX_AUX_FILE_BYTES`].
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = read_limited(path, MAX_AUX_FILE_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()),
        ))
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let err = read_limited(&fifo, 1024).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a named pipe); only regular files are read");
        let zero = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let err = read_limited(&zero, 1024).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a device); only regular files are read");
    }
}

/// The 1-based line and column (in characters) of a byte offset in a
/// file's text, for messages that point into a file. An offset past the
/// end or inside a character counts as the character's start.
///
/// ```
/// assert_eq!(kommunbench_core::line_col("[areas]\nid = ?", 13), (2, 6));
/// ```
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

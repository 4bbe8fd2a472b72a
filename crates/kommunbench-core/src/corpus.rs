//! A corpus as read: its documents (or what was kept of each), the inputs
//! that failed, and the caveats; and the metadata a manifest sets for one
//! document. Reading is `kommunbench-ingest`'s `CorpusReader`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::{Date, DocumentKind, PolicyDocument, Speaker};
use crate::input::IngestError;
use crate::municipality::MunicipalityRegistry;

/// Metadata a manifest sets for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// Municipality code (`0665`, `905`) or name (`Vaggeryd`, `Vasa stad`).
    pub municipality: Option<String>,
    /// Country of the municipality, when a code alone is ambiguous.
    pub country: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Kind: `policy`, `strategy`, `programme`, `plan`, `party_programme`, `news`, `web_page`.
    pub kind: Option<String>,
    /// Who speaks: `municipality`, `region`, `national`, `organisation`
    /// or `party:ABBR` (`party:M`).
    pub speaker: Option<String>,
    /// The speaker's name, when it is not the municipality
    /// (`Länsstyrelsen Jämtlands län`).
    pub speaker_name: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<Date>,
    /// Adoption date.
    pub adopted: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Where the text was collected.
    pub url: Option<String>,
}

/// A problem with one input: a file that could not be read, or a manifest
/// entry that could not be applied.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// A document could not be ingested.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// A path given does not exist.
    #[error("{}: no such file or directory", path.display())]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A directory holds no document.
    #[error("{}: no documents ({}) in this directory", path.display(), patterns.join(", "))]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
        /// The file patterns looked for (`*.txt`, `*.pdf`).
        patterns: Vec<String>,
    },
    /// The manifest is not valid.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A manifest entry cannot be applied.
    #[error("{}: document `{document}`: {message}", path.display())]
    ManifestEntry {
        /// The manifest file.
        path: PathBuf,
        /// The entry's document id.
        document: String,
        /// What is wrong.
        message: String,
    },
    /// More documents than the configured limit.
    #[error("{}: more than {limit} documents; the rest were not read (raise the limit with --max-documents)", path.display())]
    TooManyDocuments {
        /// Where the limit was hit.
        path: PathBuf,
        /// The limit.
        limit: usize,
    },
}

impl CorpusError {
    /// The file or directory the problem is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Ingest(e) => e.path(),
            Self::NotFound { path }
            | Self::EmptyDirectory { path, .. }
            | Self::Manifest { path, .. }
            | Self::ManifestEntry { path, .. }
            | Self::TooManyDocuments { path, .. } => path,
        }
    }
}

/// Progress while a corpus is read.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Files done so far.
    pub done: usize,
    /// Files found in all.
    pub total: usize,
    /// The file just read.
    pub path: &'a Path,
}

/// The file that marks a folder as a kommunbench report (written by
/// `kommunbench-report`). A folder that holds it is never read as input,
/// and a folder without it that holds files is never replaced by a report.
pub const REPORT_MARKER: &str = ".kommunbench-report";

/// Something worth knowing about an input that did not stop it from being
/// read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusWarning {
    /// A directory link that leads back to a directory on its own path.
    #[error("{}: symbolic link loop (leads back to {}); not followed", path.display(), target.display())]
    LinkLoop {
        /// The link.
        path: PathBuf,
        /// The directory it leads back to.
        target: PathBuf,
    },
    /// The same file reached a second time (through a link).
    #[error("{}: the same file as {}; read once", path.display(), first.display())]
    SameFile {
        /// The second path.
        path: PathBuf,
        /// The path it was read under.
        first: PathBuf,
    },
    /// The same folder reached a second time (through a link): its files
    /// are read once, under the first path.
    #[error("{}: the same folder as {}; read once", path.display(), first.display())]
    SameFolder {
        /// The second path.
        path: PathBuf,
        /// The path it was read under.
        first: PathBuf,
    },
    /// A folder kommunbench wrote a report into: its pages and tables are
    /// output, never input.
    #[error("{}: a kommunbench report (it holds {REPORT_MARKER}); not read as input", path.display())]
    ReportFolder {
        /// The folder.
        path: PathBuf,
    },
    /// A link that leads out of the folders given: not followed, so that
    /// a file elsewhere (a key, a private note) never becomes a document.
    #[error("{}: a link to {}, outside the folders given; not followed (--follow-links follows it)", path.display(), target.display())]
    OutsideLink {
        /// The link.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
    /// Two or more files with one stem: their ids were made unique.
    #[error("{} files have the document id `{stem}`; their ids are now {}", paths.len(), ids.join(", "))]
    SameId {
        /// The shared stem.
        stem: String,
        /// The files.
        paths: Vec<PathBuf>,
        /// The ids they were given, in the same order.
        ids: Vec<String>,
    },
    /// UTF-8 with a few invalid byte sequences, read with replacement
    /// characters.
    #[error("{}: {count} invalid UTF-8 {} (first at byte {first}) read as U+FFFD; the rest is UTF-8", path.display(), if *count == 1 { "sequence" } else { "sequences" })]
    DamagedUtf8 {
        /// The file.
        path: PathBuf,
        /// How many damaged sequences.
        count: usize,
        /// Byte offset of the first.
        first: usize,
    },
    /// What the file's reader met that the text may show (a page that
    /// declares one encoding and is written in another).
    #[error("{}: {message}", path.display())]
    Caveat {
        /// The file.
        path: PathBuf,
        /// What it met and what it did.
        message: String,
    },
}

/// Documents read from files, and the inputs that failed.
///
/// `kommunbench_ingest::CorpusReader::read` keeps the documents
/// themselves; `CorpusReader::read_each` keeps what a function makes of
/// each (its coverage, say), so a large corpus never has to be held whole.
#[derive(Debug)]
pub struct Corpus<D = PolicyDocument> {
    /// Documents (or what was kept of each) in the order of the paths
    /// given (directories sorted by name).
    pub documents: Vec<D>,
    /// What went wrong, one entry per bad input.
    pub failures: Vec<CorpusError>,
    /// What was read with a caveat: link loops, files reached twice, ids
    /// made unique, damaged UTF-8.
    pub warnings: Vec<CorpusWarning>,
}

impl<D> Default for Corpus<D> {
    fn default() -> Self {
        Corpus { documents: Vec::new(), failures: Vec::new(), warnings: Vec::new() }
    }
}

impl DocumentMeta {
    /// Sets a document's metadata; an unknown municipality or kind is an
    /// error (its message names the value).
    pub fn apply(&self, doc: &mut PolicyDocument, registry: &MunicipalityRegistry) -> Result<(), String> {
        let meta = self;
        if let Some(m) = &meta.municipality {
            let found = match &meta.country {
                Some(country) => registry.get(country, m),
                None => registry.by_code(m),
            }
            .or_else(|| registry.by_name(m));
            doc.municipality = Some(
                found
                    .ok_or_else(|| format!("unknown municipality `{m}` (give an SCB or Finnish municipality code, or a name)"))?
                    .clone(),
            );
        }
        if let Some(speaker) = &meta.speaker {
            let speaker = speaker.parse::<Speaker>()?;
            if speaker != doc.speaker {
                // The name the text gave belongs to the speaker the rules saw.
                doc.speaker_name = None;
            }
            doc.speaker = speaker;
            if matches!(doc.speaker, Speaker::Party(_)) && meta.kind.is_none() {
                doc.kind = DocumentKind::PartyProgramme;
            }
        }
        if let Some(name) = &meta.speaker_name {
            doc.speaker_name = Some(name.clone());
        }
        if let Some(kind) = &meta.kind {
            doc.kind = kind.parse::<DocumentKind>()?;
        }
        if let Some(title) = &meta.title {
            doc.title.clone_from(title);
        }
        doc.dates.published = meta.published.or(doc.dates.published);
        doc.dates.adopted = meta.adopted.or(doc.dates.adopted);
        doc.dates.updated = meta.updated.or(doc.dates.updated);
        if meta.url.is_some() {
            doc.source.url.clone_from(&meta.url);
        }
        Ok(())
    }
}

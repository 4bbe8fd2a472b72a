//! A corpus: the documents of one or more directories, with an optional
//! manifest that sets their metadata. Bad files become failures; they never
//! stop the good ones from being read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::document::{Date, DocumentKind, PolicyDocument};
use crate::framework::line_col;
use crate::ingest::{IngestError, Ingester};
use crate::municipality::MunicipalityRegistry;

/// The manifest's file name, looked for in each corpus directory.
pub const MANIFEST_FILE: &str = "kommunbench.toml";

/// Files parsed in parallel between two progress reports.
const PARALLEL_CHUNK: usize = 64;

/// File extensions read from a directory (files named explicitly are read
/// whatever their extension).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];

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
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<Date>,
    /// Adoption date.
    pub adopted: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Where the text was collected.
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    documents: BTreeMap<String, DocumentMeta>,
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
    #[error("{}: no documents (*.txt, *.text, *.md) in this directory", path.display())]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
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
            | Self::EmptyDirectory { path }
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

/// Documents read from files, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents in the order of the paths given (directories sorted by name).
    pub documents: Vec<PolicyDocument>,
    /// What went wrong, one entry per bad input.
    pub failures: Vec<CorpusError>,
}

/// Reads corpora from files and directories.
///
/// ```
/// use kommunbench_core::CorpusReader;
///
/// let corpus = CorpusReader::new().read(&["../../fixtures/corpus"]);
/// assert_eq!(corpus.documents.len(), 5);
/// assert!(corpus.failures.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct CorpusReader {
    ingester: Ingester,
    max_documents: Option<usize>,
}

impl CorpusReader {
    /// The default limit on documents in one corpus.
    pub const DEFAULT_MAX_DOCUMENTS: usize = 100_000;

    /// A reader with the default ingester and limits.
    pub fn new() -> CorpusReader {
        CorpusReader::default()
    }

    /// Reads with this ingester.
    #[must_use]
    pub fn ingester(mut self, ingester: Ingester) -> Self {
        self.ingester = ingester;
        self
    }

    /// Reads at most this many documents (default 100 000).
    #[must_use]
    pub fn max_documents(mut self, limit: usize) -> Self {
        self.max_documents = Some(limit);
        self
    }

    /// Reads every path (files, or directories of `*.txt`, `*.text`, `*.md`).
    pub fn read<P: AsRef<Path>>(&self, paths: &[P]) -> Corpus {
        self.read_with_progress(paths, |_| {})
    }

    /// Like [`CorpusReader::read`], reporting each file as it is done.
    pub fn read_with_progress<P: AsRef<Path>>(&self, paths: &[P], mut progress: impl FnMut(Progress<'_>)) -> Corpus {
        let mut corpus = Corpus::default();
        let mut files: Vec<(PathBuf, Option<usize>)> = Vec::new(); // file, index of its manifest
        let mut manifests: Vec<(PathBuf, Manifest)> = Vec::new();
        for path in paths {
            let path = path.as_ref();
            if path.is_dir() {
                let manifest_path = path.join(MANIFEST_FILE);
                let manifest = if manifest_path.is_file() {
                    match read_manifest(&manifest_path) {
                        Ok(m) => {
                            manifests.push((manifest_path, m));
                            Some(manifests.len() - 1)
                        }
                        Err(e) => {
                            corpus.failures.push(e);
                            None
                        }
                    }
                } else {
                    None
                };
                let mut found = Vec::new();
                if let Err(source) = collect_dir(path, &mut found) {
                    corpus.failures.push(IngestError::Io { path: path.to_owned(), source }.into());
                    continue;
                }
                if found.is_empty() {
                    corpus.failures.push(CorpusError::EmptyDirectory { path: path.to_owned() });
                }
                found.sort();
                files.extend(found.into_iter().map(|f| (f, manifest)));
            } else if path.exists() {
                files.push((path.to_owned(), None));
            } else {
                corpus.failures.push(CorpusError::NotFound { path: path.to_owned() });
            }
        }
        let limit = self.max_documents.unwrap_or(Self::DEFAULT_MAX_DOCUMENTS);
        if files.len() > limit {
            corpus.failures.push(CorpusError::TooManyDocuments { path: files[limit].0.clone(), limit });
            files.truncate(limit);
        }
        let total = files.len();
        let mut applied: Vec<Vec<String>> = vec![Vec::new(); manifests.len()];
        // Files are parsed in parallel, a chunk at a time, so progress is
        // reported as chunks finish; results keep the files' order.
        let mut done = 0;
        for chunk in files.chunks(PARALLEL_CHUNK) {
            let results: Vec<_> = chunk.par_iter().map(|(file, _)| self.ingester.ingest_file(file)).collect();
            for ((file, manifest), result) in chunk.iter().zip(results) {
                self.collect(result, *manifest, &manifests, &mut applied, &mut corpus);
                done += 1;
                progress(Progress { done, total, path: file });
            }
        }
        for ((path, manifest), applied) in manifests.iter().zip(&applied) {
            for id in manifest.documents.keys().filter(|id| !applied.contains(id)) {
                corpus.failures.push(CorpusError::ManifestEntry {
                    path: path.clone(),
                    document: id.clone(),
                    message: "no document with this id (the file stem) in the directory".into(),
                });
            }
        }
        corpus
    }

    /// Adds one file's result to the corpus, applying its manifest entry.
    fn collect(
        &self,
        result: Result<PolicyDocument, IngestError>,
        manifest: Option<usize>,
        manifests: &[(PathBuf, Manifest)],
        applied: &mut [Vec<String>],
        corpus: &mut Corpus,
    ) {
        {
            match result {
                Ok(mut doc) => {
                    if let Some(m) = manifest {
                        let (manifest_path, manifest) = &manifests[m];
                        if let Some(meta) = manifest.documents.get(doc.id.as_str()) {
                            applied[m].push(doc.id.to_string());
                            if let Err(message) = apply(&mut doc, meta, self.ingester.registry()) {
                                corpus.failures.push(CorpusError::ManifestEntry {
                                    path: manifest_path.clone(),
                                    document: doc.id.to_string(),
                                    message,
                                });
                            }
                        }
                    }
                    corpus.documents.push(doc);
                }
                Err(e) => corpus.failures.push(e.into()),
            }
        }
    }
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn read_manifest(path: &Path) -> Result<Manifest, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| IngestError::Io { path: path.to_owned(), source })?;
    toml::from_str(&text).map_err(|e| {
        let (line, column) = line_col(&text, e.span().map_or(0, |s| s.start));
        CorpusError::Manifest { path: path.to_owned(), line, column, message: e.message().to_owned() }
    })
}

impl DocumentMeta {
    /// Sets a document's metadata; an unknown municipality or kind is an
    /// error (its message names the value).
    pub fn apply(&self, doc: &mut PolicyDocument, registry: &MunicipalityRegistry) -> Result<(), String> {
        apply(doc, self, registry)
    }
}

/// Applies a manifest entry; unknown municipalities and kinds are errors.
fn apply(doc: &mut PolicyDocument, meta: &DocumentMeta, registry: &MunicipalityRegistry) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn manifest_overrides_metadata() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Integrationsplan\n\nVi arbetar med mottagande av nyanlända i kommunen.\n");
        write(
            dir.path(),
            MANIFEST_FILE,
            "[documents.a]\nmunicipality = \"0665\"\nadopted = \"2019-05-20\"\nkind = \"plan\"\nurl = \"https://www.vaggeryd.se/integration\"\n",
        );
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
        let doc = &corpus.documents[0];
        assert_eq!(doc.municipality.as_ref().unwrap().name, "Vaggeryd");
        assert_eq!(doc.dates.adopted.unwrap().to_string(), "2019-05-20");
        assert_eq!(doc.source.url.as_deref(), Some("https://www.vaggeryd.se/integration"));
    }

    #[test]
    fn malformed_manifest_is_located_and_documents_still_read() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Integrationsplan\n\nText om arbete och skola i kommunen.\n");
        write(dir.path(), MANIFEST_FILE, "[documents.a]\nadopted = \"20 maj\"\n");
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert_eq!(corpus.documents.len(), 1);
        let msg = corpus.failures[0].to_string();
        assert!(msg.contains("kommunbench.toml:2:") && msg.contains("invalid date"), "{msg}");
    }

    #[test]
    fn manifest_entries_without_documents_and_unknown_municipalities_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Integrationsplan\n\nText om arbete och skola i kommunen.\n");
        write(dir.path(), MANIFEST_FILE, "[documents.a]\nmunicipality = \"Atlantis\"\n[documents.b]\ntitle = \"B\"\n");
        let corpus = CorpusReader::new().read(&[dir.path()]);
        let msgs: Vec<String> = corpus.failures.iter().map(ToString::to_string).collect();
        assert_eq!(corpus.documents.len(), 1);
        assert!(msgs.iter().any(|m| m.contains("document `a`: unknown municipality `Atlantis`")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("document `b`: no document with this id")), "{msgs:?}");
    }

    #[test]
    fn bad_files_fail_alone() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "good.txt", "Integrationspolicy\n\nKommunen arbetar mot diskriminering.\n");
        write(dir.path(), "empty.txt", "");
        std::fs::write(dir.path().join("scan.txt"), b"%PDF-1.4 binary").unwrap();
        let missing = dir.path().join("missing.txt");
        let corpus = CorpusReader::new().read(&[dir.path().to_path_buf(), missing]);
        assert_eq!(corpus.documents.len(), 1);
        let msgs: Vec<String> = corpus.failures.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        for expected in [
            "missing.txt: no such file or directory",
            "empty.txt: the file is empty",
            "scan.txt: binary file (PDF), not text: convert it to text first",
        ] {
            assert!(msgs.iter().any(|m| m.ends_with(expected)), "{expected} not in {msgs:?}");
        }
    }

    #[test]
    fn empty_directory_and_document_limit() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert!(corpus.failures[0].to_string().contains("no documents"));
        for name in ["a.txt", "b.txt", "c.txt"] {
            write(dir.path(), name, "Integrationsplan\n\nText om arbete.\n");
        }
        let corpus = CorpusReader::new().max_documents(2).read(&[dir.path()]);
        assert_eq!(corpus.documents.len(), 2);
        assert!(corpus.failures[0].to_string().contains("more than 2 documents"));
    }
}

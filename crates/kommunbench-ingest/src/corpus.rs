//! Reading a corpus: the documents of one or more directories, with an
//! optional manifest that sets their metadata. Bad files become failures;
//! they never stop the good ones from being read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kommunbench_core::{
    Corpus, CorpusError, CorpusWarning, DocumentMeta, IngestError, PolicyDocument, Progress, REPORT_MARKER, line_col,
};
use rayon::prelude::*;
use serde::Deserialize;

use crate::ingester::Ingester;

/// The manifest's file name, looked for in every folder of a corpus: the
/// nearest one above a file (its own folder's, else its parent's, up to
/// the folder given) gives that file's metadata.
pub const MANIFEST_FILE: &str = "kommunbench.toml";

/// Files parsed in parallel between two progress reports: at least this
/// many, and a tenth of the corpus when that is more (each chunk ends with
/// one core waiting for the other's last file).
const PARALLEL_CHUNK: usize = 64;

/// A directory's manifest: metadata by document id (the file stem).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    documents: BTreeMap<String, DocumentMeta>,
}

/// One file's result in [`CorpusReader::read_each`]: what was kept of
/// the document, its damaged bytes, its reader's caveats, and its
/// manifest entry's outcome.
struct Read<T> {
    kept: T,
    damaged: Option<(usize, usize)>,
    caveats: Vec<String>,
    manifest: Option<(usize, String, Option<String>)>,
}

/// Reads corpora from files and directories.
///
/// ```
/// use kommunbench_ingest::CorpusReader;
///
/// let corpus = CorpusReader::new().read(&["../../fixtures/corpus"]);
/// assert_eq!(corpus.documents.len(), 5);
/// assert!(corpus.failures.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct CorpusReader {
    ingester: Ingester,
    max_documents: Option<usize>,
    follow_links: bool,
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

    /// The municipalities the ingester recognises.
    pub fn registry(&self) -> &kommunbench_core::MunicipalityRegistry {
        self.ingester.registry()
    }

    /// Reads at most this many documents (default 100 000).
    #[must_use]
    pub fn max_documents(mut self, limit: usize) -> Self {
        self.max_documents = Some(limit);
        self
    }

    /// Follows links in a directory that lead out of it (by default they
    /// are passed over with a warning: a link to a file elsewhere never
    /// becomes a document unless asked for).
    #[must_use]
    pub fn follow_links(mut self, follow: bool) -> Self {
        self.follow_links = follow;
        self
    }

    /// Reads every path (files, or directories of `*.txt`, `*.text`, `*.md`).
    pub fn read<P: AsRef<Path>>(&self, paths: &[P]) -> Corpus {
        self.read_with_progress(paths, |_| {})
    }

    /// Like [`CorpusReader::read`], reporting each file as it is done.
    ///
    /// A directory is walked whole: an entry that cannot be read is a
    /// failure of its own and the walk goes on; links to directories on
    /// the walk's own path (loops) are not followed, and a file reached
    /// twice is read once, both with a warning. Files whose stems collide
    /// get unique ids (see [`CorpusWarning::SameId`]).
    pub fn read_with_progress<P: AsRef<Path>>(&self, paths: &[P], progress: impl FnMut(Progress<'_>)) -> Corpus {
        self.read_each(paths, progress, |doc| doc)
    }

    /// Reads like [`CorpusReader::read_with_progress`], handing each
    /// document to `each` as soon as it is read and its manifest entry
    /// applied, and keeping what `each` returns instead of the document.
    /// Documents are read and handed on in parallel, a few dozen at a
    /// time, so memory holds only those few and what is kept.
    ///
    /// ```
    /// use kommunbench_ingest::CorpusReader;
    ///
    /// // Keep each document's id and the number of its priorities, not its text.
    /// let corpus = CorpusReader::new().read_each(&["../../fixtures/corpus"], |_| {}, |doc| (doc.id, doc.priorities.len()));
    /// assert_eq!(corpus.documents.len(), 5);
    /// assert!(corpus.documents.iter().all(|(_, priorities)| *priorities > 0));
    /// ```
    pub fn read_each<P: AsRef<Path>, T: Send>(
        &self,
        paths: &[P],
        mut progress: impl FnMut(Progress<'_>),
        each: impl Fn(PolicyDocument) -> T + Sync,
    ) -> Corpus<T> {
        let mut corpus = Corpus::default();
        let mut files: Vec<Found> = Vec::new();
        let mut walk = Walk { follow_links: self.follow_links, ..Walk::default() };
        for path in paths {
            let path = path.as_ref();
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let (before_files, before_failures) = (walk.files.len(), walk.failures.len());
                    walk.root(path, &meta, &self.ingester);
                    let found = &mut walk.files[before_files..];
                    if found.is_empty() && walk.failures.len() == before_failures {
                        walk.failures.push(CorpusError::EmptyDirectory {
                            path: path.to_owned(),
                            patterns: self.ingester.extensions().iter().map(|e| format!("*.{e}")).collect(),
                        });
                    }
                    found.sort();
                    files.extend(found.iter().map(|(f, manifest)| Found {
                        path: f.clone(),
                        manifest: *manifest,
                        root: Some(path.to_owned()),
                    }));
                }
                Ok(meta) => {
                    if walk.first_visit(path, &meta) {
                        files.push(Found { path: path.to_owned(), manifest: None, root: None });
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() => {
                    walk.failures.push(CorpusError::NotFound { path: path.to_owned() });
                }
                Err(source) => walk.failures.push(IngestError::Io { path: path.to_owned(), source }.into()),
            }
        }
        corpus.failures.append(&mut walk.failures);
        corpus.warnings.append(&mut walk.warnings);
        let manifests = std::mem::take(&mut walk.manifests);
        let limit = self.max_documents.unwrap_or(Self::DEFAULT_MAX_DOCUMENTS);
        if files.len() > limit {
            corpus.failures.push(CorpusError::TooManyDocuments { path: files[limit].path.clone(), limit });
            files.truncate(limit);
        }
        let ids = unique_ids(&files, &mut corpus.warnings);
        let total = files.len();
        let mut applied: Vec<Vec<String>> = vec![Vec::new(); manifests.len()];
        // Files are read in parallel, a chunk at a time, so progress is
        // reported as chunks finish and only a chunk's documents are held at
        // once; results keep the files' order.
        let mut done = 0;
        let chunk_len = PARALLEL_CHUNK.max(total.div_ceil(10));
        for (chunk, ids) in files.chunks(chunk_len).zip(ids.chunks(chunk_len)) {
            let results: Vec<Result<Read<T>, IngestError>> =
                chunk.par_iter().zip(ids).map(|(file, id)| self.read_one(file, id, &manifests, &each)).collect();
            for (file, result) in chunk.iter().zip(results) {
                match result {
                    Ok(read) => {
                        if let Some((count, first)) = read.damaged {
                            corpus.warnings.push(CorpusWarning::DamagedUtf8 { path: file.path.clone(), count, first });
                        }
                        for message in read.caveats {
                            corpus.warnings.push(CorpusWarning::Caveat { path: file.path.clone(), message });
                        }
                        if let Some((m, document, error)) = read.manifest {
                            if let Some(message) = error {
                                corpus.failures.push(CorpusError::ManifestEntry {
                                    path: manifests[m].0.clone(),
                                    document: document.clone(),
                                    message,
                                });
                            }
                            applied[m].push(document);
                        }
                        corpus.documents.push(read.kept);
                    }
                    Err(e) => corpus.failures.push(e.into()),
                }
                done += 1;
                progress(Progress { done, total, path: &file.path });
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

    /// Reads one file, applies its manifest entry, and hands it to `each`.
    fn read_one<T>(
        &self,
        file: &Found,
        id: &str,
        manifests: &[(PathBuf, Manifest)],
        each: &(impl Fn(PolicyDocument) -> T + Sync),
    ) -> Result<Read<T>, IngestError> {
        let mut doc = guarded(&file.path, || self.ingester.ingest_file_as(&file.path, id))?;
        let damaged = doc.source.damaged.first().map(|&first| (doc.source.damaged.len(), first));
        let manifest = file.manifest.and_then(|m| {
            let meta = manifests[m].1.documents.get(doc.id.as_str())?;
            Some((m, doc.id.to_string(), meta.apply(&mut doc, self.ingester.registry()).err()))
        });
        let caveats = doc.source.caveats.clone();
        Ok(Read { kept: each(doc), damaged, caveats, manifest })
    }
}

/// `read` of the file at `path`, with a panic in it (a fault in a text
/// rule) turned into that file's [`IngestError::Internal`]: it costs the
/// file, not the corpus.
fn guarded<T>(path: &Path, read: impl FnOnce() -> Result<T, IngestError>) -> Result<T, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|panic| {
        Err(IngestError::Internal { path: path.to_owned(), message: kommunbench_core::panic_message(panic.as_ref()) })
    })
}

/// A file to read: its path, its directory's manifest, and the directory
/// given on the command line that holds it.
struct Found {
    path: PathBuf,
    manifest: Option<usize>,
    root: Option<PathBuf>,
}

/// The identity of a file or directory: device and inode where the
/// platform has them, else the canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn identity(path: &Path, meta: &std::fs::Metadata) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Identity::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Identity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
    }
}

/// A walk over the directories given: files found, failures and warnings
/// met, each file and the directories on the current path by identity.
///
/// Each real directory is read once, whatever links lead to it (links that
/// fan out without a loop would otherwise make the walk exponential), and
/// a link that leads out of the root is not followed unless
/// `follow_links` says so.
#[derive(Default)]
struct Walk {
    /// Each file found, with the manifest nearest above it.
    files: Vec<(PathBuf, Option<usize>)>,
    /// The manifests found: the folder given's and any below it (a
    /// folder's own manifest is nearer to its files than its parent's).
    manifests: Vec<(PathBuf, Manifest)>,
    /// The manifest of the folder being walked.
    nearest: Option<usize>,
    failures: Vec<CorpusError>,
    warnings: Vec<CorpusWarning>,
    seen: std::collections::HashMap<Identity, PathBuf>,
    dirs: std::collections::HashMap<Identity, PathBuf>,
    path: Vec<(Identity, PathBuf)>,
    follow_links: bool,
    /// The root being walked, resolved (links and `..` followed).
    root: Option<PathBuf>,
}

impl Walk {
    fn root(&mut self, dir: &Path, meta: &std::fs::Metadata, ingester: &Ingester) {
        self.root = std::fs::canonicalize(dir).ok();
        self.enter(dir, identity(dir, meta), ingester);
    }

    /// Walks a folder, unless it is a report kommunbench wrote or a folder
    /// already walked (each a warning), with its manifest, if any, nearest
    /// for its files.
    fn enter(&mut self, dir: &Path, id: Identity, ingester: &Ingester) {
        if dir.join(REPORT_MARKER).exists() {
            self.warnings.push(CorpusWarning::ReportFolder { path: dir.to_owned() });
            return;
        }
        if let Some(first) = self.dirs.get(&id) {
            self.warnings.push(CorpusWarning::SameFolder { path: dir.to_owned(), first: first.clone() });
            return;
        }
        self.dirs.insert(id.clone(), dir.to_owned());
        self.path.push((id, dir.to_owned()));
        let outer = self.manifest_of(dir);
        self.dir(dir, ingester);
        self.nearest = outer;
        self.path.pop();
    }

    /// Reads a folder's manifest, if it has one, as the nearest for its
    /// files; returns the one before, to restore when the folder is done.
    /// A malformed one is a failure, and the one before still applies.
    fn manifest_of(&mut self, dir: &Path) -> Option<usize> {
        let outer = self.nearest;
        let path = dir.join(MANIFEST_FILE);
        if path.is_file() {
            match read_manifest(&path) {
                Ok(manifest) => {
                    self.manifests.push((path, manifest));
                    self.nearest = Some(self.manifests.len() - 1);
                }
                Err(e) => self.failures.push(e),
            }
        }
        outer
    }

    /// Where a link leads when that is outside the root; `None` inside it.
    fn outside(&self, link: &Path) -> Option<PathBuf> {
        let target = std::fs::canonicalize(link).ok()?;
        (!self.follow_links && self.root.as_ref().is_some_and(|root| !target.starts_with(root))).then_some(target)
    }

    /// Whether a file is met for the first time; else a warning.
    fn first_visit(&mut self, path: &Path, meta: &std::fs::Metadata) -> bool {
        match self.seen.entry(identity(path, meta)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                self.warnings.push(CorpusWarning::SameFile { path: path.to_owned(), first: first.get().clone() });
                false
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(path.to_owned());
                true
            }
        }
    }

    fn dir(&mut self, dir: &Path, ingester: &Ingester) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                self.failures.push(IngestError::Io { path: dir.to_owned(), source }.into());
                return;
            }
        };
        // A fixed order, whatever the file system's: by name, files and
        // folders before links, so a link to a file that is also in the
        // corpus is the one passed over.
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => listed.push(entry),
                Err(source) => self.failures.push(IngestError::Io { path: dir.to_owned(), source }.into()),
            }
        }
        listed.sort_by_key(|e| (e.file_type().is_ok_and(|t| t.is_symlink()), e.file_name()));
        for entry in listed {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let document =
                path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).is_some_and(|e| ingester.reads_extension(&e));
            let link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if link
                && (document || path.is_dir())
                && let Some(target) = self.outside(&path)
            {
                self.warnings.push(CorpusWarning::OutsideLink { path, target });
                continue;
            }
            // Follows links; a dangling link or a loop of links fails here.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(source) => {
                    if document || entry.file_type().is_ok_and(|t| t.is_dir() || t.is_symlink()) {
                        self.failures.push(IngestError::Io { path, source }.into());
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                let id = identity(&path, &meta);
                if let Some((_, target)) = self.path.iter().find(|(seen, _)| *seen == id) {
                    self.warnings.push(CorpusWarning::LinkLoop { path, target: target.clone() });
                    continue;
                }
                self.enter(&path, id, ingester);
            } else if document && self.first_visit(&path, &meta) {
                // Not only regular files: a pipe or a device named `*.txt`
                // is refused by name when it is read, never opened.
                self.files.push((path, self.nearest));
            }
        }
    }
}

/// Each file's document id: its stem, or, where stems collide, its path
/// below the directory given (or as given), extension kept, `/` as `.`.
fn unique_ids(files: &[Found], warnings: &mut Vec<CorpusWarning>) -> Vec<String> {
    let stem = |f: &Found| f.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut ids: Vec<String> = files.iter().map(stem).collect();
    let mut by_stem: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        by_stem.entry(id.clone()).or_default().push(i);
    }
    for (stem, group) in by_stem.into_iter().filter(|(_, g)| g.len() > 1) {
        for &i in &group {
            let f = &files[i];
            let relative = f.root.as_ref().and_then(|r| f.path.strip_prefix(r).ok()).unwrap_or(&f.path);
            ids[i] = relative
                .components()
                .filter_map(|c| match c {
                    std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(".");
        }
        for &i in &group {
            ids[i] = within_id_limit(std::mem::take(&mut ids[i]));
        }
        warnings.push(CorpusWarning::SameId {
            stem,
            paths: group.iter().map(|&i| files[i].path.clone()).collect(),
            ids: group.iter().map(|&i| ids[i].clone()).collect(),
        });
    }
    ids
}

/// An id of at most 255 bytes (what [`kommunbench_core::DocumentId`]
/// holds): a longer one (a file deep in folders, named by its path) keeps
/// its last 200 bytes, its file's name among them, after a stable hash of
/// the whole (FNV-1a, 64 bits), so that two long paths stay two ids and a
/// run gives the same ids every time.
fn within_id_limit(id: String) -> String {
    const LIMIT: usize = 255;
    const TAIL: usize = 200;
    if id.len() <= LIMIT {
        return id;
    }
    let hash = kommunbench_core::stable_hash(id.as_bytes());
    let mut start = id.len() - TAIL;
    while !id.is_char_boundary(start) {
        start += 1;
    }
    format!("{hash:016x}~{}", id[start..].trim_start_matches('.'))
}

fn read_manifest(path: &Path) -> Result<Manifest, CorpusError> {
    let text = kommunbench_core::read_text(path).map_err(|e| IngestError::reading(path, e))?;
    toml::from_str(&text).map_err(|e| {
        let (line, column) = line_col(&text, e.span().map_or(0, |s| s.start));
        CorpusError::Manifest { path: path.to_owned(), line, column, message: e.message().to_owned() }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    const PLAN: &str = "Integrationsplan\n\nKommunen erbjuder sfi och praktik.\n";

    fn ids(corpus: &Corpus) -> Vec<String> {
        corpus.documents.iter().map(|d| d.id.as_str().to_owned()).collect()
    }

    #[test]
    fn ids_from_deep_folders_are_shortened_by_a_stable_hash_not_refused() {
        let dir = tempfile::tempdir().unwrap();
        let deep: PathBuf = (0..12).map(|i| format!("förvaltning-{i}-integration-och-arbetsmarknad")).collect();
        for side in ["a", "b"] {
            let folder = dir.path().join(side).join(&deep);
            std::fs::create_dir_all(&folder).unwrap();
            write(&folder, "plan.txt", PLAN);
        }
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
        let ids = ids(&corpus);
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        assert!(ids.iter().all(|id| id.len() <= 255 && id.ends_with(".plan.txt")), "{ids:?}");
        assert_eq!(ids, self::ids(&CorpusReader::new().read(&[dir.path()])), "the same every run");
    }

    #[test]
    fn a_report_folder_is_output_not_input() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "plan.txt", PLAN);
        let report = dir.path().join("report");
        std::fs::create_dir(&report).unwrap();
        write(&report, REPORT_MARKER, "");
        write(&report, "coverage.txt", "document,area\n");
        for path in [dir.path(), report.as_path()] {
            let corpus = CorpusReader::new().read(&[path]);
            assert!(corpus.warnings.iter().any(|w| matches!(w, CorpusWarning::ReportFolder { path } if *path == report)));
            assert!(!ids(&corpus).contains(&"coverage".to_owned()), "{:?}", ids(&corpus));
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_that_fan_out_read_each_folder_once_and_links_out_are_not_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        // Forty folders, each with two links to the next: 2^40 paths.
        for level in 0..=40 {
            let d = root.join(format!("d{level}"));
            std::fs::create_dir_all(&d).unwrap();
            write(&d, &format!("plan{level}.txt"), PLAN);
            if level > 0 {
                let up = root.join(format!("d{}", level - 1));
                symlink(&d, up.join("a")).unwrap();
                symlink(&d, up.join("b")).unwrap();
            }
        }
        let secret = dir.path().join("private");
        std::fs::create_dir(&secret).unwrap();
        write(&secret, "notes.txt", PLAN);
        symlink(secret.join("notes.txt"), root.join("notes.txt")).unwrap();
        symlink(&secret, root.join("private")).unwrap();
        let corpus = CorpusReader::new().read(&[&root]);
        assert_eq!(corpus.documents.len(), 41, "each folder once: {:?}", ids(&corpus));
        let outside = corpus.warnings.iter().filter(|w| matches!(w, CorpusWarning::OutsideLink { .. })).count();
        assert_eq!(outside, 2, "{:?}", corpus.warnings);
        assert!(corpus.warnings.iter().any(|w| matches!(w, CorpusWarning::SameFolder { .. })));
        // Asked for, the links out are followed (the folder and the file
        // in it are one document).
        let corpus = CorpusReader::new().follow_links(true).read(&[&root]);
        assert_eq!(corpus.documents.len(), 42, "{:?}", ids(&corpus));
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
    fn a_folder_s_own_manifest_holds_for_its_files_under_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("region").join("2019");
        std::fs::create_dir_all(&sub).unwrap();
        write(dir.path(), "a.txt", PLAN);
        write(&sub, "b.txt", PLAN);
        write(dir.path(), MANIFEST_FILE, "[documents.a]\nmunicipality = \"0665\"\n");
        write(&sub, MANIFEST_FILE, "[documents.b]\nmunicipality = \"0780\"\nadopted = \"2019-05-20\"\n");
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
        let name = |id: &str| {
            let doc = corpus.documents.iter().find(|d| d.id.as_str() == id).unwrap();
            (doc.municipality.as_ref().map(|m| m.name.clone()), doc.dates.adopted.map(|d| d.to_string()))
        };
        assert_eq!(name("a"), (Some("Vaggeryd".into()), None));
        assert_eq!(name("b"), (Some("Växjö".into()), Some("2019-05-20".into())));
        // A malformed one below is a failure; the folder given's still holds.
        write(&sub, MANIFEST_FILE, "[documents.b\n");
        let corpus = CorpusReader::new().read(&[dir.path()]);
        assert_eq!(corpus.failures.len(), 1, "{:?}", corpus.failures);
        assert!(corpus.failures[0].to_string().contains("2019"), "{}", corpus.failures[0]);
        assert_eq!(corpus.documents.len(), 2);
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
    fn a_fault_while_reading_costs_only_its_file() {
        let path = Path::new("corpus/ekby.txt");
        let err = guarded::<()>(path, || panic!("byte index 4 is not a char boundary")).unwrap_err();
        assert!(matches!(&err, IngestError::Internal { path: p, .. } if p == path));
        let shown = err.to_string();
        assert!(shown.starts_with("corpus/ekby.txt: ") && shown.contains("not a char boundary"), "{shown}");
        assert_eq!(guarded(path, || Ok(7)).unwrap(), 7);
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

//! Downloading Kolada's key figures, for users who are online: one call,
//! [`fetch`], asks the API for some key figures over some years, follows
//! its pages, checks each, and writes them all as one response file that
//! [`Outcomes::read`](crate::Outcomes::read) reads.
//!
//! ```no_run
//! use kommunbench_outcomes::fetch::{FetchOptions, fetch};
//!
//! let options = FetchOptions { cache: Some(".kolada-cache".into()), ..FetchOptions::default() };
//! let summary = fetch(&["N02268".to_owned()], 2020..=2023, &options, "n02268.json".as_ref())?;
//! println!("{} pages, {} from the cache", summary.pages, summary.from_cache);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What it guards against:
//!
//! - **Transient failures** (HTTP 5xx and 429, connection errors, time-outs,
//!   a body that is not JSON, a page whose `count` disagrees with its
//!   `values`) are tried again, waiting [`FetchOptions::backoff`] and then
//!   twice as long each time. Other refusals (4xx) fail at once.
//! - **Hangs**: every request, body included, has [`FetchOptions::timeout`].
//! - **Half-written files**: the output and every cached page are written to
//!   a temporary file beside them and renamed into place, so a failure
//!   leaves no file (and no partial file) behind; a file that was already
//!   at the output path is left as it was.
//! - **Downloading twice**: with [`FetchOptions::cache`], every checked page
//!   is kept under a name derived from its URL and read from there the next
//!   time the same URL is asked for.
//!
//! Which API: version 3 by default (`https://api.kolada.se/v3`, released
//! 2025-04-04; version 2 was to close on 2026-03-31). Both answer the same
//! routes with the same rows; version 3 links its pages with `next_url`
//! where version 2 has `next_page`, and takes at most 25 ids in one part
//! of a path, so key figures and years are asked for 25 at a time.
//!
//! Why ureq: it is small, blocking and maintained; its `rustls` feature
//! brings TLS and root certificates in Rust, with no C toolchain beyond
//! what `ring` needs and no system OpenSSL; and a blocking client needs no
//! async runtime for what is one command that downloads a few pages.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read as _, Write as _};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::{Map, Value};

use crate::{MAX_RESPONSE_BYTES, is_kolada_id};

/// How [`fetch`] downloads: where from, how patiently, and where it keeps
/// pages it has read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// The API's root, without the trailing `/data`
    /// (default `https://api.kolada.se/v3`).
    pub base_url: String,
    /// The longest one request may take, from connecting to the last byte
    /// of its body (default 30 s).
    pub timeout: Duration,
    /// How many times a request that failed transiently is tried again
    /// (default 3, so at most 4 tries).
    pub retries: u32,
    /// The wait before the first retry; each later wait is twice the one
    /// before (default 1 s).
    pub backoff: Duration,
    /// A folder to keep checked pages in and read them from, keyed by URL;
    /// `None` (the default) downloads every time.
    pub cache: Option<PathBuf>,
    /// How many entries to ask for per page (default 5000, Kolada's most).
    pub per_page: u32,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            base_url: "https://api.kolada.se/v3".to_owned(),
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_secs(1),
            cache: None,
            per_page: 5000,
        }
    }
}

/// What one [`fetch`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FetchSummary {
    /// Pages read, from the network or the cache.
    pub pages: usize,
    /// Entries written (one per key figure, municipality and year; each
    /// holds the values by gender).
    pub values: usize,
    /// Pages read from the cache instead of the network.
    pub from_cache: usize,
    /// Requests tried again after a transient failure, over all pages.
    pub retries: usize,
}

/// A failure that may pass if the request is tried again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Transient {
    /// The request took longer than [`FetchOptions::timeout`].
    #[error("timed out after {0:?}")]
    TimedOut(Duration),
    /// The server answered 429 (too many requests) or 5xx.
    #[error("the server answered HTTP {0}{reason}", reason = reason(*.0))]
    Status(u16),
    /// The connection could not be made or broke off.
    #[error("network error: {0}")]
    Network(String),
    /// The body is not JSON (often a body cut off mid-way, or an error page).
    #[error("the body is not JSON: {0}")]
    NotJson(String),
    /// The page's `count` disagrees with the entries it holds: it was cut
    /// short.
    #[error("the page is cut short: `count` says {count} entries but `values` holds {values}")]
    CutShort {
        /// What `count` says.
        count: u64,
        /// How many entries `values` holds.
        values: usize,
    },
}

/// Why [`fetch`] failed. Every message names the URL or the file and what
/// is wrong with it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// No key figure was asked for.
    #[error("no key figures to fetch: name at least one Kolada id, such as N02268")]
    NoKpis,
    /// A key figure id is not in Kolada's form.
    #[error("`{id}` is not a Kolada key figure id (a capital letter and five digits, such as N02268)")]
    BadKpi {
        /// The id as given.
        id: String,
    },
    /// The range of years holds no year.
    #[error("the years {start}..={end} hold no year: the first must not come after the last")]
    NoYears {
        /// The first year given.
        start: i32,
        /// The last year given.
        end: i32,
    },
    /// A [`FetchOptions`] field has a value that cannot work.
    #[error("fetch option `{name}`: {problem}")]
    BadOption {
        /// The field.
        name: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// An address (the base URL or a page's `next_page`) cannot be used.
    #[error("`{url}` cannot be fetched: {problem}")]
    BadUrl {
        /// The address.
        url: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The output path cannot be written to.
    #[error("{}: cannot write the download there: {problem}", path.display())]
    BadOut {
        /// The output path.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The server refused the request with a status that another try will
    /// not change (4xx other than 429, or an unfollowed redirect).
    #[error("{url}: the server answered HTTP {status}{reason}; not tried again, as a refused request stays refused", reason = reason(*status))]
    Refused {
        /// The page's URL.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// Every try failed transiently; the last failure is given.
    #[error("{url}: {problem} (gave up after {tries} {})", if *tries == 1 { "try" } else { "tries" })]
    GaveUp {
        /// The page's URL.
        url: String,
        /// How many times it was tried.
        tries: u32,
        /// What went wrong the last time.
        problem: Transient,
    },
    /// The request failed in a way another try will not change (TLS, a
    /// body over the size limit, too many redirects).
    #[error("{url}: the request failed: {message}")]
    Request {
        /// The page's URL.
        url: String,
        /// ureq's account of it.
        message: String,
    },
    /// The body is JSON but not in the shape of a Kolada data response.
    #[error("{url}: not a Kolada data response: {message}")]
    Shape {
        /// The page's URL.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// A page's `next_page` leads to a page already read.
    #[error("{url}: `next_page` leads back to {next}, a page already read; stopped so as not to loop")]
    Loop {
        /// The page whose `next_page` it is.
        url: String,
        /// Where it leads.
        next: String,
    },
    /// The cache folder or a file in it could not be read or written.
    #[error("cache {}: {source}", path.display())]
    Cache {
        /// The folder or file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// All pages together are more than [`Outcomes::read`](crate::Outcomes::read)
    /// accepts in one file.
    #[error(
        "{}: the download would be {} MiB, more than the {} MiB one response file may hold; fetch fewer key figures or years at a time",
        path.display(), bytes >> 20, MAX_RESPONSE_BYTES >> 20
    )]
    TooLarge {
        /// The output path.
        path: PathBuf,
        /// The download's size.
        bytes: u64,
    },
    /// The output file could not be written.
    #[error("{}: could not write the download: {source}", path.display())]
    Write {
        /// The output path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// Downloads key figures `kpis` for `years` from Kolada and writes them, all
/// pages together, as one data response at `out`:
/// `{"count": total, "next_page": null, "values": [...]}`.
///
/// Asks for `{base_url}/data/kpi/{kpis, comma-joined}/year/{years,
/// comma-joined}?per_page={per_page}` and follows each page's `next_page`
/// until there is none. Each page must be a JSON object whose `count`,
/// where given, equals the number of entries in `values`, each entry with `kpi`,
/// `municipality`, `period` and `values`.
///
/// Ids and years are checked before any request. On failure nothing is
/// written at `out` (pages that passed their checks stay in the cache, so
/// a second run goes on where the first stopped).
pub fn fetch(
    kpis: &[String],
    years: RangeInclusive<i32>,
    options: &FetchOptions,
    out: &Path,
) -> Result<FetchSummary, FetchError> {
    let firsts = first_urls(kpis, years, options)?;
    let origin = origin(&options.base_url)?;
    check_out(out)?;
    if let Some(dir) = &options.cache {
        fs::create_dir_all(dir).map_err(|source| FetchError::Cache { path: dir.clone(), source })?;
    }
    let agent = agent(options.timeout);
    let mut summary = FetchSummary::default();
    let mut values = Vec::new();
    let mut seen = HashSet::new();
    for first in firsts {
        let mut next = Some(first);
        while let Some(url) = next.take() {
            seen.insert(url.clone());
            let page = page(&agent, &url, options, &mut summary)?;
            summary.pages += 1;
            values.extend(page.values);
            if let Some(link) = page.next_page {
                let resolved = resolve(&origin, &url, &link);
                if seen.contains(&resolved) {
                    return Err(FetchError::Loop { url, next: resolved });
                }
                next = Some(resolved);
            }
        }
    }
    summary.values = values.len();
    write_out(out, values)?;
    Ok(summary)
}

/// The most ids the API takes in one part of a path (version 3).
pub const IDS_PER_REQUEST: usize = 25;

/// The first page's URL of each request, after checking the ids, the years
/// and the options: key figures and years [`IDS_PER_REQUEST`] at a time.
fn first_urls(kpis: &[String], years: RangeInclusive<i32>, options: &FetchOptions) -> Result<Vec<String>, FetchError> {
    if kpis.is_empty() {
        return Err(FetchError::NoKpis);
    }
    if let Some(id) = kpis.iter().find(|id| !is_kolada_id(id)) {
        return Err(FetchError::BadKpi { id: id.clone() });
    }
    if years.is_empty() {
        let (start, end) = years.into_inner();
        return Err(FetchError::NoYears { start, end });
    }
    if options.per_page == 0 {
        return Err(FetchError::BadOption { name: "per_page", problem: "must be at least 1".to_owned() });
    }
    if options.timeout.is_zero() {
        return Err(FetchError::BadOption { name: "timeout", problem: "must be longer than zero".to_owned() });
    }
    let mut unique: Vec<&str> = Vec::with_capacity(kpis.len());
    for id in kpis {
        if !unique.contains(&id.as_str()) {
            unique.push(id);
        }
    }
    let years: Vec<String> = years.map(|y| y.to_string()).collect();
    let mut urls = Vec::new();
    for kpis in unique.chunks(IDS_PER_REQUEST) {
        for years in years.chunks(IDS_PER_REQUEST) {
            urls.push(format!(
                "{}/data/kpi/{}/year/{}?per_page={}",
                options.base_url.trim_end_matches('/'),
                kpis.join(","),
                years.join(","),
                options.per_page
            ));
        }
    }
    Ok(urls)
}

/// `scheme://host[:port]` of an `http` or `https` URL.
fn origin(url: &str) -> Result<String, FetchError> {
    let bad = |problem: &str| FetchError::BadUrl { url: url.to_owned(), problem: problem.to_owned() };
    let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("not an absolute http(s) URL"))?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(bad("the scheme is neither http nor https"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() {
        return Err(bad("there is no host"));
    }
    Ok(format!("{scheme}://{host}"))
}

/// Where a `next_page` link leads: an absolute URL as it is; a relative
/// one against the base URL's scheme and host (`/v2/...`, `//host/...`), or
/// against the current page's path when it is only a query (`?page=2`).
fn resolve(origin: &str, current: &str, link: &str) -> String {
    let link = link.trim();
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        link.to_owned()
    } else if let Some(rest) = link.strip_prefix("//") {
        let scheme = origin.split_once("://").map_or("https", |(s, _)| s);
        format!("{scheme}://{rest}")
    } else if link.starts_with('?') {
        let path = current.split_once('?').map_or(current, |(p, _)| p);
        format!("{path}{link}")
    } else {
        format!("{origin}/{}", link.trim_start_matches('/'))
    }
}

/// Checks that `out` names a file that can be written: a file name, not a
/// folder, in a folder that exists (created if missing).
fn check_out(out: &Path) -> Result<(), FetchError> {
    let bad = |problem: String| FetchError::BadOut { path: out.to_owned(), problem };
    if out.file_name().is_none() {
        return Err(bad("the path names no file".to_owned()));
    }
    if out.is_dir() {
        return Err(bad("it is a folder; give the path of the file to write".to_owned()));
    }
    let parent = parent(out);
    fs::create_dir_all(parent).map_err(|e| bad(format!("cannot create the folder {}: {e}", parent.display())))
}

/// The folder a file is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A blocking client whose every request ends within `timeout`, and which
/// hands back 4xx and 5xx responses rather than failing on them, so that
/// [`try_once`] can tell them apart.
fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(format!("kommunbench/{}", env!("CARGO_PKG_VERSION")))
        .accept("application/json")
        .build()
        .into()
}

/// One page, checked: what a response holds that [`fetch`] uses.
#[derive(Debug)]
struct Page {
    /// The entries.
    values: Vec<Value>,
    /// The link to the next page, if there is one.
    next_page: Option<String>,
}

/// Why a body did not pass [`check_page`].
enum PageProblem {
    /// Worth another try.
    Transient(Transient),
    /// Not a Kolada response; another try will not change it.
    Shape(String),
}

/// Reads one page from the cache if it is there and sound, else from the
/// network (caching it once checked).
fn page(agent: &ureq::Agent, url: &str, options: &FetchOptions, summary: &mut FetchSummary) -> Result<Page, FetchError> {
    let cached = options.cache.as_ref().map(|dir| dir.join(cache_name(url)));
    if let Some(path) = &cached
        && let Some(page) = read_cached(path)?
    {
        summary.from_cache += 1;
        return Ok(page);
    }
    let (page, body) = download(agent, url, options, &mut summary.retries)?;
    if let Some(path) = &cached {
        write_atomically(path, &body).map_err(|source| FetchError::Cache { path: path.clone(), source })?;
    }
    Ok(page)
}

/// A cached page, or `None` if there is none. A cached page that no longer
/// passes the checks (damaged from outside: only checked pages are
/// written) counts as none and is downloaded again.
fn read_cached(path: &Path) -> Result<Option<Page>, FetchError> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(FetchError::Cache { path: path.to_owned(), source }),
    };
    let mut body = Vec::new();
    file.take(MAX_RESPONSE_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|source| FetchError::Cache { path: path.to_owned(), source })?;
    Ok(check_page(&body).ok())
}

/// The cache file name of a URL: its stable hash (FNV-1a 64), in hex, and `.json`.
fn cache_name(url: &str) -> String {
    format!("{:016x}.json", kommunbench_core::stable_hash(url.as_bytes()))
}

/// Downloads and checks one page, trying again with doubling waits on
/// transient failures; returns the page and its body as received.
fn download(agent: &ureq::Agent, url: &str, options: &FetchOptions, retries: &mut usize) -> Result<(Page, Vec<u8>), FetchError> {
    let tries = options.retries.saturating_add(1);
    let mut wait = options.backoff;
    let mut tried = 1;
    loop {
        match try_once(agent, url, options.timeout)? {
            Ok(done) => return Ok(done),
            Err(problem) if tried >= tries => {
                return Err(FetchError::GaveUp { url: url.to_owned(), tries, problem });
            }
            Err(_) => {
                std::thread::sleep(wait);
                wait = wait.saturating_mul(2);
                tried += 1;
                *retries += 1;
            }
        }
    }
}

/// One request: the page, a transient problem (`Ok(Err(..))`), or a
/// failure that another try will not change (`Err(..)`).
fn try_once(agent: &ureq::Agent, url: &str, timeout: Duration) -> Result<Result<(Page, Vec<u8>), Transient>, FetchError> {
    let mut response = match agent.get(url).call() {
        Ok(response) => response,
        Err(e) => return classify(e, url, timeout).map(Err),
    };
    let status = response.status().as_u16();
    if status == 429 || status >= 500 {
        return Ok(Err(Transient::Status(status)));
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Refused { url: url.to_owned(), status });
    }
    let body = match response.body_mut().with_config().limit(MAX_RESPONSE_BYTES).read_to_vec() {
        Ok(body) => body,
        Err(e) => return classify(e, url, timeout).map(Err),
    };
    match check_page(&body) {
        Ok(page) => Ok(Ok((page, body))),
        Err(PageProblem::Transient(problem)) => Ok(Err(problem)),
        Err(PageProblem::Shape(message)) => Err(FetchError::Shape { url: url.to_owned(), message }),
    }
}

/// Sorts a ureq error into transient (time-outs, connection and protocol
/// errors) or final (anything else).
fn classify(error: ureq::Error, url: &str, timeout: Duration) -> Result<Transient, FetchError> {
    match error {
        ureq::Error::Timeout(_) => Ok(Transient::TimedOut(timeout)),
        ureq::Error::Io(e) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) => {
            Ok(Transient::TimedOut(timeout))
        }
        e @ (ureq::Error::Io(_) | ureq::Error::ConnectionFailed | ureq::Error::HostNotFound | ureq::Error::Protocol(_)) => {
            Ok(Transient::Network(e.to_string()))
        }
        e => Err(FetchError::Request { url: url.to_owned(), message: e.to_string() }),
    }
}

/// Checks a body: a JSON object whose `values` is an array of entries in
/// Kolada's shape, whose `count` (where given) equals their number, and whose
/// `next_page` is absent, null, empty or a string.
fn check_page(body: &[u8]) -> Result<Page, PageProblem> {
    let shape = |message: String| PageProblem::Shape(message);
    let json: Value = serde_json::from_slice(body).map_err(|e| PageProblem::Transient(Transient::NotJson(e.to_string())))?;
    let Value::Object(mut object) = json else {
        return Err(shape("the body is JSON but not an object".to_owned()));
    };
    let Some(Value::Array(values)) = object.remove("values") else {
        return Err(shape("there is no `values` array".to_owned()));
    };
    // A page cut short in its bytes is not JSON; one cut short in its
    // entries says so by its `count`, where it has one (both versions
    // document it; a page without it is taken as it is).
    if let Some(count) = object.get("count") {
        let count = count.as_u64().ok_or_else(|| shape(format!("`count` is {count}, not a whole number")))?;
        if count != values.len() as u64 {
            return Err(PageProblem::Transient(Transient::CutShort { count, values: values.len() }));
        }
    }
    // Version 2 says `next_page`, version 3 `next_url`.
    let link = object.remove("next_page").filter(|v| !v.is_null()).or_else(|| object.remove("next_url"));
    let next_page = match link {
        None | Some(Value::Null) => None,
        Some(Value::String(link)) => Some(link).filter(|l| !l.trim().is_empty()),
        Some(other) => return Err(shape(format!("`next_page` is {other}, neither a link nor null"))),
    };
    for (i, entry) in values.iter().enumerate() {
        check_entry(entry).map_err(|problem| shape(format!("entry {} of {}: {problem}", i + 1, values.len())))?;
    }
    Ok(Page { values, next_page })
}

/// Checks one entry: `kpi` and `municipality` (or `municipality_id`) are
/// text, `period` a year (number or digits), `values` an array of objects
/// with a `gender`.
fn check_entry(entry: &Value) -> Result<(), String> {
    let object = entry.as_object().ok_or("not an object")?;
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    text("kpi").ok_or("no `kpi` text")?;
    text("municipality").or_else(|| text("municipality_id")).ok_or("no `municipality` text")?;
    match object.get("period") {
        Some(Value::Number(n)) if n.as_i64().is_some() => {}
        Some(Value::String(s)) if s.trim().parse::<i32>().is_ok() => {}
        _ => return Err("no `period` year".to_owned()),
    }
    let values = object.get("values").and_then(Value::as_array).ok_or("no `values` array")?;
    if values.iter().any(|v| v.get("gender").and_then(Value::as_str).is_none()) {
        return Err("a value without a `gender`".to_owned());
    }
    Ok(())
}

/// Writes all entries as one response at `out`, atomically.
fn write_out(out: &Path, values: Vec<Value>) -> Result<(), FetchError> {
    let mut response = Map::new();
    response.insert("count".to_owned(), Value::from(values.len()));
    response.insert("next_page".to_owned(), Value::Null);
    response.insert("values".to_owned(), Value::Array(values));
    let bytes =
        serde_json::to_vec(&Value::Object(response)).map_err(|e| FetchError::Write { path: out.to_owned(), source: e.into() })?;
    if bytes.len() as u64 > MAX_RESPONSE_BYTES {
        return Err(FetchError::TooLarge { path: out.to_owned(), bytes: bytes.len() as u64 });
    }
    write_atomically(out, &bytes).map_err(|source| FetchError::Write { path: out.to_owned(), source })
}

/// Writes `bytes` to a new temporary file beside `path`, flushes it to disk
/// and renames it to `path`; on failure removes the temporary file, so
/// `path` holds either its old content or all of `bytes`.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let temporary = parent(path).join(format!(
        ".{}.{}-{}.part",
        name.to_string_lossy(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// ` Not Found` and the like after a status code, where the status has a
/// standard name.
fn reason(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).map(|r| format!(" {r}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_names_are_the_reference_fnv1a_values() {
        assert_eq!(cache_name(""), "cbf29ce484222325.json");
        assert_eq!(cache_name("a"), "af63dc4c8601ec8c.json");
        assert_eq!(cache_name("foobar"), "85944171f73967e8.json");
    }

    #[test]
    fn relative_links_resolve_against_the_base_host() {
        let origin = origin("https://api.kolada.se/v2").unwrap();
        let current = "https://api.kolada.se/v2/data/kpi/N02268/year/2022?per_page=2";
        let absolute = "https://other.example/v2/x?page=2";
        assert_eq!(resolve(&origin, current, absolute), absolute);
        assert_eq!(resolve(&origin, current, "/v2/x?page=2"), "https://api.kolada.se/v2/x?page=2");
        assert_eq!(resolve(&origin, current, "v2/x?page=2"), "https://api.kolada.se/v2/x?page=2");
        assert_eq!(resolve(&origin, current, "//mirror.example/v2/x"), "https://mirror.example/v2/x");
        assert_eq!(resolve(&origin, current, "?page=2"), "https://api.kolada.se/v2/data/kpi/N02268/year/2022?page=2");
    }

    #[test]
    fn base_urls_must_be_http() {
        assert_eq!(origin("http://127.0.0.1:8080/v2").unwrap(), "http://127.0.0.1:8080");
        assert!(origin("ftp://example.org/v2").unwrap_err().to_string().contains("neither http nor https"));
        assert!(origin("api.kolada.se/v2").is_err());
        assert!(origin("https:///v2").is_err());
    }

    #[test]
    fn pages_in_another_shape_are_refused() {
        let shape = |body: &str| match check_page(body.as_bytes()) {
            Err(PageProblem::Shape(m)) => m,
            Err(PageProblem::Transient(t)) => panic!("transient: {t}"),
            Ok(_) => panic!("accepted {body}"),
        };
        assert!(check_page(br#"{"values": []}"#).is_ok(), "a page without `count` is taken as it is");
        assert!(shape(r#"{"count": "2", "values": []}"#).contains("not a whole number"));
        assert!(shape("[1, 2]").contains("not an object"));
        assert!(shape(r#"{"count": 1, "values": [{"kpi": "N02268"}]}"#).contains("entry 1 of 1: no `municipality`"));
        assert!(matches!(check_page(b"{\"count\": 1,"), Err(PageProblem::Transient(Transient::NotJson(_)))));
    }
}

//! Format readers in worker processes, so that a file costs only its own
//! parse whatever it does to its reader.
//!
//! In a thread (see [`Formats`]) a reader's panic is caught, but a stack
//! overflow or a failed allocation aborts the whole process, and a reader
//! that runs away cannot be stopped, only no longer waited for. In a
//! worker process all three end the worker: [`Workers`] runs a program
//! (the CLI runs itself, in its worker mode) once per file, hands it the
//! file's bytes on standard input and reads the converted text from its
//! standard output. The worker caps its own address space and processor
//! time ([`serve`]); the parent kills it at the time limit and caps what
//! it reads back. Whatever becomes of the worker, the file gets an error
//! that says what happened, and every other file is read.
//!
//! The exchange is a small length-prefixed frame (`frame`), not JSON:
//! the text goes across as its bytes, once.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

use kommunbench_core::Date;
use kommunbench_ingest::{Converted, Converter, FormatMeta};

use crate::{Formats, HOSTILE, Kind};

/// The limits a worker reads one file under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall time; the parent kills the worker after it, and the worker's
    /// processor time is capped a second above it.
    pub timeout: Duration,
    /// The address space a worker may take beyond what it starts with
    /// (its program's own mappings), in bytes: its allocations fail beyond
    /// it, and a failed allocation ends the worker.
    pub memory: u64,
    /// The most text a file may convert to, in bytes.
    pub max_text: u64,
}

impl Limits {
    /// A minute, 2 GiB and 64 MiB of text.
    pub const DEFAULT: Limits = Limits { timeout: Duration::from_mins(1), memory: 2 << 30, max_text: 64 << 20 };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A converter that reads each PDF, DOCX, ODT and HTML file in a worker
/// process: `program` with `args`, which must call [`serve`] (the CLI's
/// hidden `__read-worker` mode does) and start no processes of its own
/// (the parent kills the worker, not its children). Formats are told in this process,
/// from the file's first bytes, as [`Formats`] tells them.
#[derive(Debug, Clone)]
pub struct Workers {
    program: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    limits: Limits,
}

impl Workers {
    /// Workers that run `program args...`, under [`Limits::DEFAULT`].
    pub fn new(program: impl Into<PathBuf>, args: impl IntoIterator<Item = impl Into<OsString>>) -> Self {
        Workers {
            program: program.into(),
            args: args.into_iter().map(Into::into).collect(),
            env: Vec::new(),
            limits: Limits::DEFAULT,
        }
    }

    /// Sets a variable in the workers' environment (the program's
    /// allocator may need telling not to reserve address space ahead,
    /// which the memory limit would count).
    #[must_use]
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Reads files under these limits.
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Reads one file in a worker.
    fn run(&self, format: &'static str, bytes: &[u8]) -> Result<Converted, String> {
        let Limits { timeout, memory, max_text } = self.limits;
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .args(["--timeout-ms", &timeout.as_millis().to_string(), "--memory", &memory.to_string()])
            .args(["--max-text", &max_text.to_string()])
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the {format} reader ({}: {e})", self.program.display()))?;
        let (mut stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
        // The frame holds the text and a little more; a worker that writes
        // beyond it finds its pipe closed.
        let cap = max_text.saturating_add(1 << 20);
        let (waited, out, err) = std::thread::scope(|scope| {
            scope.spawn(move || {
                // A worker that dies early closes its end: nothing to do.
                let _ = stdin.as_mut().map(|s| s.write_all(bytes));
            });
            let out = scope.spawn(move || read_capped(stdout, cap));
            let err = scope.spawn(move || read_capped(stderr, 64 << 10));
            let waited = wait_timeout::ChildExt::wait_timeout(&mut child, timeout).and_then(|status| {
                if status.is_some() {
                    return Ok(status);
                }
                // The time limit stops the work: the worker is killed.
                child.kill()?;
                child.wait().map(|_| None)
            });
            (waited, out.join().unwrap_or_default(), err.join().unwrap_or_default())
        });
        let status = match waited {
            Ok(Some(status)) => status,
            Ok(None) => {
                return Err(format!(
                    "the {format} parser did not finish within {} s and was stopped; {HOSTILE}",
                    timeout.as_secs_f64()
                ));
            }
            Err(e) => return Err(format!("lost the {format} reader ({e})")),
        };
        if status.success() {
            return match frame::decode(&out) {
                Ok(Some(result)) => result,
                // The worker tells formats as this process does.
                Ok(None) => Err(format!("the {format} reader did not take this file for a {format}")),
                Err(frame::Damaged) if out.len() as u64 >= cap => Err(too_long(format, max_text)),
                Err(frame::Damaged) => Err(format!("the {format} reader's answer was cut off ({} bytes)", out.len())),
            };
        }
        Err(failure(format, status, &String::from_utf8_lossy(&err), self.limits))
    }
}

impl Converter for Workers {
    fn extensions(&self) -> &[&'static str] {
        crate::EXTENSIONS
    }

    fn convert(&self, bytes: &[u8]) -> Option<Result<Converted, String>> {
        Some(Kind::of(bytes)?.and_then(|kind| self.run(kind.name(), bytes)))
    }
}

/// What became of a worker that did not exit cleanly, in the user's words.
fn failure(format: &str, status: std::process::ExitStatus, stderr: &str, limits: Limits) -> String {
    use std::os::unix::process::ExitStatusExt;
    const SIGXCPU: i32 = 24;
    if stderr.contains("has overflowed its stack") {
        format!("the {format} parser ran out of stack on this file (its structure nests too deep); {HOSTILE}")
    } else if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        format!("the {format} parser ran out of memory on this file (limit {} MiB); {HOSTILE}", limits.memory >> 20)
    } else if status.signal() == Some(SIGXCPU) {
        format!(
            "the {format} parser used more than {} s of processor time and was stopped; {HOSTILE}",
            limits.timeout.as_secs_f64()
        )
    } else if let Some(signal) = status.signal() {
        format!("the {format} parser crashed on this file (signal {signal}); {HOSTILE}")
    } else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        format!("the {format} reader failed ({status}: {last})")
    }
}

fn too_long(format: &str, max_text: u64) -> String {
    format!("the {format}'s text is larger than the limit of {max_text} bytes (raise it with --max-text-size)")
}

/// Reads a pipe to its end or to `cap` bytes, whichever comes first.
fn read_capped(pipe: Option<impl Read>, cap: u64) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(pipe) = pipe {
        let _ = pipe.take(cap).read_to_end(&mut out);
    }
    out
}

/// The worker's side: reads one file from standard input and writes its
/// conversion to standard output. `args` are what the parent passes after
/// the worker's own arguments (`--timeout-ms`, `--memory`, `--max-text`).
/// Before reading, it caps its own address space and processor time, so
/// that a runaway parse ends it, not the machine.
pub fn serve(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let limits = match parse_args(args) {
        Ok(limits) => limits,
        Err(e) => {
            eprintln!("kommunbench worker: {e}");
            return ExitCode::from(2);
        }
    };
    lower(rlimit::Resource::AS, in_use().saturating_add(limits.memory), rlimit::INFINITY);
    let cpu = limits.timeout.as_secs() + 1;
    lower(rlimit::Resource::CPU, cpu, cpu + 1);
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("kommunbench worker: cannot read the file from standard input ({e})");
        return ExitCode::from(2);
    }
    // The reader's deep stack is address space too: at most a quarter of
    // what the worker may take.
    let stack = usize::try_from(limits.memory / 4).unwrap_or(usize::MAX).clamp(1 << 20, 64 << 20);
    let converted = Formats::default().timeout(limits.timeout).stack(stack).convert(&bytes);
    let converted = converted.map(|r| {
        r.and_then(|c| if c.text.len() as u64 > limits.max_text { Err(too_long(c.format, limits.max_text)) } else { Ok(c) })
    });
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&frame::encode(converted.as_ref())).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// Lowers a resource limit of this process to `soft` and `hard`, never
/// above the hard limit it has (its parent's may be lower already). A
/// limit the system refuses is left as it is.
fn lower(resource: rlimit::Resource, soft: u64, hard: u64) {
    let (_, current) = rlimit::getrlimit(resource).unwrap_or((rlimit::INFINITY, rlimit::INFINITY));
    let _ = rlimit::setrlimit(resource, soft.min(current), hard.min(current));
}

/// The address space this process takes now, in bytes: `/proc/self/statm`
/// counts it in pages (Linux). Elsewhere 0, so the limit is all of it.
fn in_use() -> u64 {
    const PAGE: u64 = 4096;
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |pages| pages * PAGE)
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Limits, String> {
    let mut limits = Limits::DEFAULT;
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.into_string().ok()).and_then(|v| v.parse::<u64>().ok());
        let value = value.ok_or_else(|| format!("{} needs a whole number", flag.to_string_lossy()))?;
        match flag.to_str() {
            Some("--timeout-ms") => limits.timeout = Duration::from_millis(value),
            Some("--memory") => limits.memory = value,
            Some("--max-text") => limits.max_text = value,
            _ => return Err(format!("unknown argument {}", flag.to_string_lossy())),
        }
    }
    Ok(limits)
}

/// The worker's answer as bytes: a magic word, then `N` (not this
/// crate's formats), `E` and a message, or `O` and the conversion.
/// Strings and lists are a little-endian `u64` length and their items.
mod frame {
    use super::{Converted, Date, FormatMeta, Kind};

    const MAGIC: &[u8] = b"KBW1";

    pub(super) fn encode(converted: Option<&Result<Converted, String>>) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        match converted {
            None => out.push(b'N'),
            Some(Err(message)) => {
                out.push(b'E');
                string(&mut out, message);
            }
            Some(Ok(c)) => {
                out.reserve(c.text.len() + 256);
                out.push(b'O');
                string(&mut out, c.format);
                string(&mut out, &c.text);
                let m = &c.meta;
                for date in [m.published, m.updated, m.created, m.modified] {
                    string(&mut out, &date.map(|d| d.to_string()).unwrap_or_default());
                }
                for s in [&m.site, &m.language, &m.title] {
                    out.push(u8::from(s.is_some()));
                    string(&mut out, s.as_deref().unwrap_or(""));
                }
                number(&mut out, c.pages.len());
                c.pages.iter().for_each(|&p| number(&mut out, p));
                number(&mut out, c.furniture.len());
                c.furniture.iter().for_each(|r| [r.start, r.end].into_iter().for_each(|n| number(&mut out, n)));
                number(&mut out, c.caveats.len());
                c.caveats.iter().for_each(|caveat| string(&mut out, caveat));
            }
        }
        out
    }

    /// Bytes that are not a whole answer.
    #[derive(Debug)]
    pub(super) struct Damaged;

    /// The answer: `None` for a file not in this crate's formats.
    pub(super) fn decode(bytes: &[u8]) -> Result<Option<Result<Converted, String>>, Damaged> {
        answer(bytes).ok_or(Damaged)
    }

    #[allow(clippy::option_option, reason = "the outer `None` is a damaged answer, turned into `Damaged` by `decode`")]
    fn answer(bytes: &[u8]) -> Option<Option<Result<Converted, String>>> {
        let mut r = Reader(bytes.strip_prefix(MAGIC)?);
        let answer = match r.byte()? {
            b'N' => None,
            b'E' => Some(Err(r.string()?.to_owned())),
            b'O' => {
                let format = Kind::named(r.string()?)?;
                let text = r.string()?.to_owned();
                let mut dates = [None; 4];
                for d in &mut dates {
                    let s = r.string()?;
                    *d = if s.is_empty() { None } else { Some(s.parse::<Date>().ok()?) };
                }
                let mut strings: [Option<String>; 3] = Default::default();
                for s in &mut strings {
                    let some = r.byte()? == 1;
                    let value = r.string()?;
                    *s = some.then(|| value.to_owned());
                }
                let [published, updated, created, modified] = dates;
                let [site, language, title] = strings;
                let meta = FormatMeta { published, updated, created, modified, site, language, title };
                let pages = (0..r.number()?).map(|_| r.number()).collect::<Option<Vec<_>>>()?;
                let furniture = (0..r.number()?).map(|_| Some(r.number()?..r.number()?)).collect::<Option<Vec<_>>>()?;
                let caveats = (0..r.number()?).map(|_| r.string().map(str::to_owned)).collect::<Option<Vec<_>>>()?;
                // Offsets that do not fall in the text are a damaged answer.
                let fits = |n: usize| n <= text.len() && text.is_char_boundary(n);
                if !pages.iter().all(|&p| fits(p)) || !furniture.iter().all(|f| f.start <= f.end && fits(f.start) && fits(f.end))
                {
                    return None;
                }
                Some(Ok(Converted { text, format, meta, pages, furniture, caveats }))
            }
            _ => return None,
        };
        r.0.is_empty().then_some(answer)
    }

    fn number(out: &mut Vec<u8>, n: usize) {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn string(out: &mut Vec<u8>, s: &str) {
        number(out, s.len());
        out.extend_from_slice(s.as_bytes());
    }

    struct Reader<'a>(&'a [u8]);

    impl<'a> Reader<'a> {
        fn byte(&mut self) -> Option<u8> {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            Some(b)
        }

        fn number(&mut self) -> Option<usize> {
            let (head, rest) = self.0.split_first_chunk::<8>()?;
            self.0 = rest;
            usize::try_from(u64::from_le_bytes(*head)).ok()
        }

        fn string(&mut self) -> Option<&'a str> {
            let n = self.number()?;
            if n > self.0.len() {
                return None;
            }
            let (s, rest) = self.0.split_at(n);
            self.0 = rest;
            std::str::from_utf8(s).ok()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn an_answer_goes_across_whole_and_a_cut_one_is_refused() {
            let converted = Converted {
                text: "Mål\n\nSida 2 av 2\n".into(),
                format: "PDF",
                meta: FormatMeta {
                    created: Some("2024-05-02".parse().unwrap()),
                    site: Some("Åby kommun".into()),
                    title: Some(String::new()),
                    ..FormatMeta::default()
                },
                pages: vec![0, 6],
                furniture: vec![4..4, 6..18],
                caveats: vec!["sidan anger windows-1252".into()],
            };
            let bytes = encode(Some(&Ok(converted.clone())));
            let Ok(Some(Ok(back))) = decode(&bytes) else { panic!("not decoded") };
            assert_eq!(
                (back.text, back.format, back.meta, back.pages, back.furniture, back.caveats),
                (converted.text, converted.format, converted.meta, converted.pages, converted.furniture, converted.caveats)
            );
            assert!(matches!(decode(&encode(None)), Ok(None)));
            assert!(matches!(decode(&encode(Some(&Err("trasig".into())))), Ok(Some(Err(m))) if m == "trasig"));
            for cut in 0..bytes.len() {
                assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
            }
            // An offset past the text, as a damaged answer could hold.
            let mut long = bytes.clone();
            let at = long.len() - 8;
            long[at..].copy_from_slice(&999u64.to_le_bytes());
            assert!(decode(&long).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Workers that are a shell script: what a worker that crashes, hangs
    /// or answers nonsense looks like to the parent.
    fn shell(script: &str) -> Workers {
        let limits = Limits { timeout: Duration::from_millis(500), ..Limits::DEFAULT };
        Workers::new("sh", ["-c", script, "worker"]).limits(limits)
    }

    const PAGE: &[u8] = b"<html><body><p>Mal</p></body></html>";

    fn error(workers: &Workers) -> String {
        workers.convert(PAGE).expect("a page").expect_err("the worker fails")
    }

    #[test]
    fn whatever_becomes_of_a_worker_its_file_gets_a_true_message() {
        // Rust's own words for an overflow and a failed allocation, then
        // the abort that follows them.
        let overflow = "cat >/dev/null; echo \"thread 'x' has overflowed its stack\" >&2; kill -ABRT $$";
        assert!(error(&shell(overflow)).starts_with("the HTML parser ran out of stack on this file"));
        let memory = "cat >/dev/null; echo 'memory allocation of 4096 bytes failed' >&2; kill -ABRT $$";
        assert!(error(&shell(memory)).starts_with("the HTML parser ran out of memory on this file (limit 2048 MiB)"));
        assert!(error(&shell("cat >/dev/null; kill -SEGV $$")).starts_with("the HTML parser crashed on this file (signal 11)"));
        assert!(
            error(&shell("cat >/dev/null; kill -XCPU $$")).starts_with("the HTML parser used more than 0.5 s of processor time")
        );
        // Past the time limit: killed, not waited for.
        let start = std::time::Instant::now();
        assert!(error(&shell("exec sleep 30")).starts_with("the HTML parser did not finish within 0.5 s and was stopped"));
        assert!(start.elapsed() < Duration::from_secs(10));
        // An answer that is no answer, and a worker that fails in words.
        assert!(error(&shell("cat >/dev/null; printf KBW1O")).starts_with("the HTML reader's answer was cut off"));
        assert!(error(&shell("cat >/dev/null; echo 'no such option' >&2; exit 3")).contains("no such option"));
        // A program that cannot be started.
        let missing = Workers::new("/nonexistent/kommunbench", ["__read-worker"]);
        assert!(error(&missing).starts_with("cannot start the HTML reader (/nonexistent/kommunbench"));
        // Not a format of this crate: read as text, no worker started.
        assert!(missing.convert(b"Integrationsplan\n").is_none());
    }
}

//! Compares kommunbench's PDF reader with poppler's `pdftotext` on a
//! folder of PDFs: one CSV row per file, a summary on stdout.
//!
//! Usage: harness [--timeout SECS] [--mem-limit-mb MB] [--text-dir DIR] FOLDER OUT.csv
//!
//! Every file is read by kommunbench in a child process (this binary again,
//! in its hidden `--one FILE` mode), so a panic, an abort or a hang costs
//! that file only. `pdftotext` and `pdfinfo` run under the same timeout.
//! The child's peak resident memory comes from `wait4`.
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kommunbench_formats::Formats;
use kommunbench_ingest::Converter;
use unicode_normalization::UnicodeNormalization;

/// Exit code of `--one` when kommunbench refused or failed to read the
/// file (the message is on stdout).
const EXIT_REFUSED: i32 = 3;
/// Exit code of `--one` when the bytes are not taken for a PDF at all.
const EXIT_NOT_PDF: i32 = 4;

/// Files where pdftotext finds at least this many Latin-script words make
/// the summary's main set.
const MIN_LATIN: usize = 50;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        let Some(file) = args.get(1) else {
            eprintln!("--one FILE");
            return ExitCode::from(2);
        };
        return one(Path::new(file));
    }
    match Options::parse(&args) {
        Ok(options) => match run(&options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{e}\nusage: harness [--timeout SECS] [--mem-limit-mb MB] [--text-dir DIR] FOLDER OUT.csv");
            ExitCode::from(2)
        }
    }
}

/// The child: reads one file the way the kommunbench CLI does (its
/// ingester hands the bytes to `Formats::convert`) and writes the text,
/// or the error message, on stdout.
fn one(path: &Path) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            print!("cannot read the file ({e})");
            return ExitCode::from(EXIT_REFUSED as u8);
        }
    };
    let mut out = std::io::stdout().lock();
    let code = match Formats::default().convert(&bytes) {
        Some(Ok(converted)) => {
            let _ = out.write_all(converted.text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(Err(message)) => {
            let _ = out.write_all(message.as_bytes());
            ExitCode::from(EXIT_REFUSED as u8)
        }
        None => {
            let _ =
                out.write_all(b"not taken for a PDF (no %PDF- header in the first KiB) nor any other format kommunbench reads");
            ExitCode::from(EXIT_NOT_PDF as u8)
        }
    };
    let _ = out.flush();
    // Leave without waiting for a reader thread that is still running
    // (Formats gives up on it after its own timeout).
    code
}

struct Options {
    folder: PathBuf,
    csv: PathBuf,
    timeout: Duration,
    /// Address-space limit of the kommunbench child, MiB (0: none).
    mem_limit_mb: u64,
    /// Where to keep both texts of every file, for a look at the differences.
    text_dir: Option<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut timeout = Duration::from_secs(10);
        let mut mem_limit_mb = 4096;
        let mut text_dir = None;
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
            match a.as_str() {
                "--timeout" => {
                    let v: f64 = value("--timeout")?.parse().map_err(|e| format!("--timeout: {e}"))?;
                    timeout = Duration::from_secs_f64(v);
                }
                "--mem-limit-mb" => {
                    mem_limit_mb = value("--mem-limit-mb")?.parse().map_err(|e| format!("--mem-limit-mb: {e}"))?
                }
                "--text-dir" => text_dir = Some(PathBuf::from(value("--text-dir")?)),
                s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                _ => positional.push(a.clone()),
            }
        }
        let [folder, csv] = positional.as_slice() else { return Err("expected FOLDER and OUT.csv".into()) };
        Ok(Options { folder: folder.into(), csv: csv.into(), timeout, mem_limit_mb, text_dir })
    }
}

/// How a child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Exited(i32),
    Signaled(i32),
    TimedOut,
}

struct Outcome {
    end: End,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    seconds: f64,
    /// Peak resident set size, KiB (`ru_maxrss` from `wait4`).
    maxrss_kb: i64,
}

/// Runs a command with its output captured, killing it after `timeout`.
/// Wall time from spawn to exit; the peak RSS is the child's own.
fn run_timed(mut cmd: Command, timeout: Duration) -> std::io::Result<Outcome> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped")));
    let err = drain(Box::new(child.stderr.take().expect("piped")));
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut status: libc::c_int = 0;
        // SAFETY: a plain syscall on our own child with valid out-pointers.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = loop {
            let r = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
            if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break r;
        };
        let _ = send.send((r, status, usage.ru_maxrss, start.elapsed()));
    });
    let mut timed_out = false;
    let (r, status, maxrss, elapsed) = match receive.recv_timeout(timeout) {
        Ok(v) => v,
        Err(_) => {
            timed_out = true;
            // SAFETY: the child has not been reaped yet (the waiter has not
            // answered), so the pid is still ours.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            receive.recv().expect("the waiter answers")
        }
    };
    drop(child); // reaped above; std does not wait on drop
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if r != pid {
        return Err(std::io::Error::other(format!("wait4 failed ({r})")));
    }
    let end = if timed_out {
        End::TimedOut
    } else if libc::WIFEXITED(status) {
        End::Exited(libc::WEXITSTATUS(status))
    } else {
        End::Signaled(libc::WTERMSIG(status))
    };
    Ok(Outcome { end, stdout, stderr, seconds: elapsed.as_secs_f64(), maxrss_kb: maxrss })
}

/// Words: maximal runs of alphanumeric characters, lower-cased, of the
/// text as a reader sees it. Both texts are compared in Unicode's
/// compatibility form (NFKC: a ligature `ﬁ` is `fi`, an Arabic
/// presentation form its letter, a full-width letter the letter), and a
/// soft hyphen is the invisible break it is: `docu\u{ad}` at a line's end
/// and `ment` on the next are `document` (pdftotext keeps both).
fn words(text: &str) -> Vec<String> {
    let mut seen = String::with_capacity(text.len());
    let mut chars = text.nfkc().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{ad}' {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
        } else {
            seen.push(c);
        }
    }
    seen.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// A letter of the Latin script: ASCII, Latin-1 and the Latin Extended
/// blocks (å ä ö é ü ø ß ł ş ...), IPA, ligatures, full-width Latin.
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c as u32,
            0x41..=0x5a | 0x61..=0x7a | 0xaa | 0xba
            | 0xc0..=0x24f          // Latin-1 Supplement letters, Extended-A, -B
            | 0x250..=0x2af         // IPA Extensions
            | 0x1d00..=0x1d7f       // Phonetic Extensions
            | 0x1e00..=0x1eff       // Latin Extended Additional
            | 0x2c60..=0x2c7f       // Latin Extended-C
            | 0xa720..=0xa7ff       // Latin Extended-D
            | 0xab30..=0xab6f       // Latin Extended-E
            | 0xfb00..=0xfb06       // ligatures ff fi fl ...
            | 0xff21..=0xff3a | 0xff41..=0xff5a)
}

fn counts(words: &[String]) -> HashMap<&str, usize> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for w in words {
        *m.entry(w.as_str()).or_default() += 1;
    }
    m
}

/// Pairs of consecutive words.
fn bigrams(words: &[String]) -> Vec<String> {
    words.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect()
}

/// Word-level precision, recall and F1 of `kb` against `reference`, as
/// multisets. `None` when both are empty.
fn f1(kb: &[String], reference: &[String]) -> Option<(f64, f64, f64)> {
    if kb.is_empty() && reference.is_empty() {
        return None;
    }
    let a = counts(kb);
    let b = counts(reference);
    let common: usize = a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum();
    let p = if kb.is_empty() { 0.0 } else { common as f64 / kb.len() as f64 };
    let r = if reference.is_empty() { 0.0 } else { common as f64 / reference.len() as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Some((f, p, r))
}

/// What became of kommunbench's reading of a file.
fn classify(outcome: &Outcome, timeout: Duration) -> (&'static str, String) {
    let message = String::from_utf8_lossy(&outcome.stdout).trim().to_owned();
    let stderr_tail = || {
        let s = String::from_utf8_lossy(&outcome.stderr);
        let s = s.trim();
        let start = s.char_indices().rev().nth(300).map_or(0, |(i, _)| i);
        s[start..].replace('\n', " | ")
    };
    match outcome.end {
        End::Exited(0) => ("ok", String::new()),
        End::Exited(EXIT_REFUSED) => {
            let status = if message.contains("no text layer") {
                "refused-scanned"
            } else if message.contains("has no text (") {
                // No letters and no images either.
                "refused-no-text"
            } else if message.contains("is encrypted") {
                "refused-encrypted"
            } else if message.starts_with("a damaged PDF")
                || message.starts_with("not a readable PDF")
                || message.starts_with("the PDF's content cannot be read")
            {
                // (`not a readable PDF` is how builds before issue 29 said it.)
                "parse-error"
            } else if message.contains("glyphs; the file may be damaged or hostile") {
                "refused-bounds"
            } else if message.contains("parser failed on this file") {
                // Formats caught the reader's panic.
                "panic"
            } else if message.contains("did not finish within") {
                "timeout"
            } else {
                "other"
            };
            (status, message)
        }
        End::Exited(EXIT_NOT_PDF) => ("other", message),
        End::Exited(code) => {
            let tail = stderr_tail();
            if tail.contains("panicked") {
                ("panic", format!("exit {code}: {tail}"))
            } else {
                ("other", format!("exit {code}: {tail}"))
            }
        }
        End::Signaled(sig) => {
            let tail = stderr_tail();
            if tail.contains("memory allocation") {
                ("other", format!("out of memory (signal {sig}): {tail}"))
            } else {
                // An abort (stack overflow, double panic) or a crash.
                ("panic", format!("killed by signal {sig}: {tail}"))
            }
        }
        End::TimedOut => ("timeout", format!("killed after {} s", timeout.as_secs_f64())),
    }
}

struct Row {
    file: String,
    pages: Option<u64>,
    pt_words: usize,
    latin_words: usize,
    kb_status: &'static str,
    kb_error: String,
    score: Option<(f64, f64, f64)>,
    kb_seconds: f64,
    pt_seconds: f64,
    kb_peak_mb: f64,
    pt_status: String,
    kb_words: usize,
    /// F1 over pairs of consecutive words: words out of their place
    /// (letters reordered, columns interleaved) cost here.
    bigram_f1: Option<f64>,
}

fn pdf_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            pdf_files(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(path);
        }
    }
    Ok(())
}

fn pages(file: &Path, timeout: Duration) -> Option<u64> {
    let mut cmd = Command::new("pdfinfo");
    cmd.arg(file);
    let o = run_timed(cmd, timeout).ok()?;
    String::from_utf8_lossy(&o.stdout).lines().find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
}

/// A CSV field, quoted when it must be (or always, with `force`).
fn field(s: &str, force: bool) -> String {
    if force || s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

const HEADER: &str = "file,pages,pdftotext_words,latin_words,kb_status,kb_error,f1,precision,recall,kb_seconds,pdftotext_seconds,kb_peak_mb,pdftotext_status,kb_words,bigram_f1";

fn csv_line(r: &Row) -> String {
    let opt = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.4}"));
    format!(
        "{},{},{},{},{},{},{},{},{},{:.3},{:.3},{:.1},{},{},{}",
        field(&r.file, true),
        r.pages.map_or(String::new(), |p| p.to_string()),
        r.pt_words,
        r.latin_words,
        r.kb_status,
        field(&r.kb_error, true),
        opt(r.score.map(|s| s.0)),
        opt(r.score.map(|s| s.1)),
        opt(r.score.map(|s| s.2)),
        r.kb_seconds,
        r.pt_seconds,
        r.kb_peak_mb,
        field(&r.pt_status, false),
        r.kb_words,
        opt(r.bigram_f1),
    )
}

fn run(options: &Options) -> Result<(), String> {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .map_err(|e| format!("pdftotext not found ({e}); apt-get install -y poppler-utils"))?;
    let me = std::env::current_exe().map_err(|e| format!("cannot find this binary ({e})"))?;
    let mut files = Vec::new();
    pdf_files(&options.folder, &mut files).map_err(|e| format!("{}: {e}", options.folder.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no .pdf files under {}", options.folder.display()));
    }
    if let Some(dir) = &options.text_dir {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut csv =
        std::io::BufWriter::new(std::fs::File::create(&options.csv).map_err(|e| format!("{}: {e}", options.csv.display()))?);
    writeln!(csv, "{HEADER}").map_err(|e| e.to_string())?;
    let mut rows = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let name = file.strip_prefix(&options.folder).unwrap_or(file).to_string_lossy().into_owned();
        eprint!("\r[{}/{}] {name:<60.60}", i + 1, files.len());

        let child = |mode: &str| {
            let mut cmd = Command::new(&me);
            cmd.arg(mode).arg(file);
            if options.mem_limit_mb > 0 {
                use std::os::unix::process::CommandExt;
                let bytes = options.mem_limit_mb << 20;
                // SAFETY: setrlimit is async-signal-safe; nothing else runs
                // between fork and exec.
                unsafe {
                    cmd.pre_exec(move || {
                        let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
                        libc::setrlimit(libc::RLIMIT_AS, &raw const limit);
                        Ok(())
                    });
                }
            }
            run_timed(cmd, options.timeout).map_err(|e| format!("cannot run the child ({e})"))
        };
        let kb = child("--one")?;
        let (kb_status, kb_error) = classify(&kb, options.timeout);
        let kb_text = if kb_status == "ok" { String::from_utf8_lossy(&kb.stdout).into_owned() } else { String::new() };

        let mut cmd = Command::new("pdftotext");
        cmd.args(["-enc", "UTF-8"]).arg(file).arg("-");
        let pt = run_timed(cmd, options.timeout).map_err(|e| format!("cannot run pdftotext ({e})"))?;
        let pt_text = String::from_utf8_lossy(&pt.stdout).into_owned();
        let pt_status = match pt.end {
            End::Exited(0) => "ok".to_owned(),
            End::Exited(c) => format!("exit {c}"),
            End::Signaled(s) => format!("signal {s}"),
            End::TimedOut => "timeout".to_owned(),
        };

        let pt_words = words(&pt_text);
        let latin_words = pt_words.iter().filter(|w| w.chars().any(is_latin_letter)).count();
        let kb_words = words(&kb_text);
        let score = if kb_status == "ok" { f1(&kb_words, &pt_words) } else { None };
        let bigram_f1 = if kb_status == "ok" { f1(&bigrams(&kb_words), &bigrams(&pt_words)).map(|s| s.0) } else { None };
        if let Some(dir) = &options.text_dir {
            let base = dir.join(name.replace('/', "__"));
            let _ = std::fs::write(base.with_extension("kb.txt"), if kb_status == "ok" { &kb_text } else { &kb_error });
            let _ = std::fs::write(base.with_extension("pdftotext.txt"), &pt_text);
        }
        let row = Row {
            file: name,
            pages: pages(file, options.timeout),
            pt_words: pt_words.len(),
            latin_words,
            kb_status,
            kb_error,
            score,
            kb_seconds: kb.seconds,
            pt_seconds: pt.seconds,
            kb_peak_mb: kb.maxrss_kb as f64 / 1024.0,
            pt_status,
            kb_words: kb_words.len(),
            bigram_f1,
        };
        writeln!(csv, "{}", csv_line(&row)).map_err(|e| e.to_string())?;
        rows.push(row);
    }
    eprintln!();
    csv.flush().map_err(|e| e.to_string())?;
    print!("{}", summary(&rows, options));
    Ok(())
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])),
    }
}

fn share(k: usize, n: usize) -> String {
    if n == 0 { format!("{k}/0") } else { format!("{k}/{n} ({:.1}%)", 100.0 * k as f64 / n as f64) }
}

fn summary(rows: &[Row], options: &Options) -> String {
    let mut s = String::new();
    let set: Vec<&Row> = rows.iter().filter(|r| r.latin_words >= MIN_LATIN).collect();
    let n = set.len();
    let count = |status: &str| set.iter().filter(|r| r.kb_status == status).count();
    let scanned = count("refused-scanned");
    let no_text = count("refused-no-text");
    let encrypted = count("refused-encrypted");
    let parse = count("parse-error");
    let ok = count("ok");
    let other_fail = n - ok - scanned - no_text - encrypted - parse;
    let mut f1s: Vec<f64> = set.iter().filter_map(|r| r.score.map(|s| s.0)).collect();
    f1s.sort_by(f64::total_cmp);
    let scored = f1s.len();
    let at_least = |t: f64| f1s.iter().filter(|&&f| f >= t).count();
    let _ = writeln!(
        s,
        "\n== {} PDFs under {} (timeout {} s) ==",
        rows.len(),
        options.folder.display(),
        options.timeout.as_secs_f64()
    );
    let _ = writeln!(s, "\nFiles where pdftotext finds >= {MIN_LATIN} Latin-script words: {n}");
    let _ = writeln!(s, "  kommunbench read (ok):        {}", share(ok, n));
    let _ = writeln!(s, "  refused as scanned:           {scanned}");
    let _ = writeln!(s, "  refused, no text at all:      {no_text}");
    let _ = writeln!(s, "  refused as encrypted:         {encrypted}");
    let _ = writeln!(s, "  failed to parse:              {parse}");
    let _ = writeln!(
        s,
        "  other failures:               {other_fail} (panic {}, timeout {}, other {})",
        count("panic"),
        count("timeout"),
        count("other")
    );
    let _ = writeln!(s, "  median F1 (of {scored} read):     {}", median(&f1s).map_or("-".into(), |m| format!("{m:.4}")));
    let _ = writeln!(
        s,
        "  F1 >= 0.98:                   {} of read; {} of all {n}",
        share(at_least(0.98), scored),
        share(at_least(0.98), n)
    );
    let _ = writeln!(
        s,
        "  F1 >= 0.99:                   {} of read; {} of all {n}",
        share(at_least(0.99), scored),
        share(at_least(0.99), n)
    );
    let mut pairs: Vec<f64> = set.iter().filter_map(|r| r.bigram_f1).collect();
    pairs.sort_by(f64::total_cmp);
    let _ = writeln!(
        s,
        "  median F1 of word pairs:      {} (words in their place)",
        median(&pairs).map_or("-".into(), |m| format!("{m:.4}"))
    );
    let low: Vec<&&Row> = set.iter().filter(|r| r.score.is_some_and(|s| s.0 < 0.8)).collect();
    let _ = writeln!(s, "  F1 < 0.8:                     {}", low.len());
    let mut low = low;
    low.sort_by(|a, b| a.score.unwrap().0.total_cmp(&b.score.unwrap().0));
    for r in low {
        let (f, p, rc) = r.score.unwrap();
        let _ = writeln!(s, "    {f:.3}  (P {p:.3} R {rc:.3})  {}", r.file);
    }
    let failed: Vec<&&Row> = set.iter().filter(|r| r.kb_status != "ok").collect();
    if !failed.is_empty() {
        let _ = writeln!(s, "  not read:");
        for r in failed {
            let _ = writeln!(s, "    {:<17} {}  {}", r.kb_status, r.file, r.kb_error.chars().take(140).collect::<String>());
        }
    }
    let pages: u64 = set.iter().filter_map(|r| r.pages).sum();
    let kb_time: f64 = set.iter().map(|r| r.kb_seconds).sum();
    let pt_time: f64 = set.iter().map(|r| r.pt_seconds).sum();
    let _ = writeln!(
        s,
        "  throughput: kommunbench {:.1} pages/s ({pages} pages in {kb_time:.1} s), pdftotext {:.1} pages/s ({pt_time:.1} s)",
        pages as f64 / kb_time,
        pages as f64 / pt_time
    );
    let _ = writeln!(s, "  (times are wall clock per process, spawn included, one file at a time)");

    let all = |status: &str| rows.iter().filter(|r| r.kb_status == status).count();
    let _ = writeln!(s, "\nAll {} files:", rows.len());
    let _ = writeln!(s, "  statuses: {}", {
        let mut by: Vec<(&str, usize)> = Vec::new();
        for r in rows {
            match by.iter_mut().find(|(k, _)| *k == r.kb_status) {
                Some((_, c)) => *c += 1,
                None => by.push((r.kb_status, 1)),
            }
        }
        by.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
        by.iter().map(|(k, c)| format!("{k} {c}")).collect::<Vec<_>>().join(", ")
    });
    let _ = writeln!(s, "  panics: {}", all("panic"));
    for r in rows.iter().filter(|r| r.kb_status == "panic") {
        let _ = writeln!(s, "    {}  {}", r.file, r.kb_error.chars().take(160).collect::<String>());
    }
    let _ = writeln!(s, "  timeouts: {}", all("timeout"));
    for r in rows.iter().filter(|r| r.kb_status == "timeout") {
        let _ = writeln!(s, "    {}", r.file);
    }
    let pt_timeouts: Vec<&Row> = rows.iter().filter(|r| r.pt_status == "timeout").collect();
    let _ = writeln!(s, "  pdftotext timeouts: {}", pt_timeouts.len());
    if let Some(r) = rows.iter().max_by(|a, b| a.kb_seconds.total_cmp(&b.kb_seconds)) {
        let _ = writeln!(s, "  max kommunbench time: {:.2} s ({}, {})", r.kb_seconds, r.file, r.kb_status);
    }
    if let Some(r) = rows.iter().max_by(|a, b| a.pt_seconds.total_cmp(&b.pt_seconds)) {
        let _ = writeln!(s, "  max pdftotext time:   {:.2} s ({})", r.pt_seconds, r.file);
    }
    if let Some(r) = rows.iter().max_by(|a, b| a.kb_peak_mb.total_cmp(&b.kb_peak_mb)) {
        let _ = writeln!(s, "  max kommunbench peak memory: {:.0} MB ({}, {})", r.kb_peak_mb, r.file, r.kb_status);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_scores() {
        let w = words("Kommun-\ninvånare, ÅR 2024: Mötes\u{ad}platser, docu\u{ad}\nment, ﬁnns");
        assert_eq!(w, ["kommun", "invånare", "år", "2024", "mötesplatser", "document", "finns"]);
        // An Arabic presentation form is its letter.
        assert_eq!(words("\u{fe8d}"), words("\u{627}"));
        let a = words("a a b c");
        let b = words("a b b d");
        let (f, p, r) = f1(&a, &b).unwrap();
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
        assert!(words("2024 Жизнь 東京").iter().all(|w| !w.chars().any(is_latin_letter)));
        assert!(words("één fußball żółw").iter().all(|w| w.chars().any(is_latin_letter)));
        // The same words in another order share no pair.
        let (f, _, _) = f1(&bigrams(&words("vi vill stärka")), &bigrams(&words("stärka vill vi"))).unwrap();
        assert!(f.abs() < 1e-9);
    }

    #[test]
    fn csv_fields_are_quoted() {
        assert_eq!(field("a,\"b\"", false), "\"a,\"\"b\"\"\"");
        assert_eq!(field("x", true), "\"x\"");
    }
}

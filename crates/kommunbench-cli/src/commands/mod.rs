//! Subcommands and what they share: reading a corpus and reporting failures.

mod compare;
mod coverage;
mod evaluate;
mod frameworks;
mod ingest;
mod map;
mod outcomes;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;

use clap::{Parser, Subcommand};
use kommunbench_core::{Corpus, MunicipalityRegistry, Progress};
use kommunbench_formats::{Limits, Workers};
use kommunbench_ingest::{CorpusReader, Ingester};

/// Benchmark municipal integration policies against national frameworks.
#[derive(Debug, Parser)]
#[command(name = "kommunbench", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse documents and print their structure: metadata, blocks, priorities.
    Ingest(ingest::Args),
    /// The main job: coverage matrix, metrics, heatmap and HTML report (bundled corpus by default).
    Report(report::Args),
    /// Peers and gaps of one municipality.
    Compare(compare::Args),
    /// Align every priority and segment with the areas of a framework, with evidence.
    Map(map::Args),
    /// Document x area coverage, in long form.
    Coverage(coverage::Args),
    /// Score a mapper against hand coding: F1, kappa, alpha, bootstrap intervals.
    Evaluate(evaluate::Args),
    /// Agreement between two document-level hand codings.
    Agree(evaluate::AgreeArgs),
    /// List the built-in frameworks, or check and show one (id or file).
    Frameworks(frameworks::Args),
    /// Outcome data beside the coverage: `fetch` downloads Kolada key figures.
    Outcomes(outcomes::Args),
}

/// Where documents come from, and the limits that apply.
#[derive(Debug, clap::Args)]
pub(crate) struct Input {
    /// Files or directories of documents: text, PDF, DOCX, ODT and HTML, each
    /// told by its content (directories are searched for *.txt, *.text,
    /// *.md, *.pdf, *.docx, *.odt, *.html, *.htm, *.xhtml, and *.doc, which
    /// is named and refused).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub options: ReadOptions,
}

/// How a corpus is read.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReadOptions {
    /// Extra municipalities: CSV with columns country,code,name,county,aliases (and override, true to replace a built-in one).
    #[arg(long, value_name = "FILE")]
    pub municipalities: Option<PathBuf>,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Ingester::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Read at most this many documents.
    #[arg(long, value_name = "N", default_value_t = CorpusReader::DEFAULT_MAX_DOCUMENTS)]
    pub max_documents: usize,
    /// Stop reading a PDF, DOCX, ODT or HTML file after this many seconds (each is read in a worker process of its own).
    #[arg(long, value_name = "SECS", default_value_t = Limits::DEFAULT.timeout.as_secs_f64())]
    pub reader_timeout: f64,
    /// A reader's worker may use this much address space, in MiB; its file fails beyond it.
    #[arg(long, value_name = "MIB", default_value_t = Limits::DEFAULT.memory >> 20)]
    pub reader_memory: u64,
    /// Refuse a file whose converted text is larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT.max_text)]
    pub max_text_size: u64,
    /// Follow links in a folder that lead out of it (by default they are passed over with a warning).
    #[arg(long)]
    pub follow_links: bool,
    /// Print no progress.
    #[arg(long, short)]
    pub quiet: bool,
    /// Make any failed input fatal: report them all and write nothing.
    #[arg(long)]
    pub strict: bool,
}

impl Input {
    /// Reads the corpus (see [`ReadOptions::read`]).
    pub(crate) fn read(&self) -> anyhow::Result<Corpus> {
        self.options.read(&self.paths)
    }

    /// Reads the corpus with `read` (see [`ReadOptions::read_with`]).
    pub(crate) fn read_with<T>(
        &self,
        read: impl FnOnce(&CorpusReader, &[PathBuf], &mut dyn FnMut(Progress<'_>)) -> Corpus<T>,
    ) -> anyhow::Result<Corpus<T>> {
        self.options.read_with(&self.paths, read)
    }
}

impl ReadOptions {
    /// Format readers in worker processes: this program again, in its
    /// worker mode (see `main`), under the options' limits.
    fn workers(&self) -> anyhow::Result<Workers> {
        let program = std::env::current_exe().context("cannot find this program to run its format readers")?;
        let timeout = Duration::try_from_secs_f64(self.reader_timeout)
            .ok()
            .filter(|t| !t.is_zero())
            .with_context(|| format!("--reader-timeout must be a positive number of seconds, not {}", self.reader_timeout))?;
        anyhow::ensure!(self.reader_memory > 0, "--reader-memory must be a positive number of MiB");
        let limits = Limits { timeout, memory: self.reader_memory.saturating_mul(1 << 20), max_text: self.max_text_size };
        // mimalloc reserves a GiB of address space at its start unless told
        // not to; the worker's limit would count it as used.
        Ok(Workers::new(program, [crate::WORKER_MODE]).env("MIMALLOC_ARENA_RESERVE", "0").limits(limits))
    }

    /// The built-in municipalities and those of `--municipalities`.
    pub(crate) fn registry(&self) -> anyhow::Result<MunicipalityRegistry> {
        let mut registry = MunicipalityRegistry::builtin();
        if let Some(file) = &self.municipalities {
            registry.extend_from_csv(file)?;
        }
        Ok(registry)
    }

    /// Reads the corpus, printing progress on stderr for large ones and
    /// every failure as it is met.
    pub(crate) fn read(&self, paths: &[PathBuf]) -> anyhow::Result<Corpus> {
        self.read_with(paths, |reader, paths, progress| reader.read_with_progress(paths, progress))
    }

    /// Like [`ReadOptions::read`], with `read` deciding what is kept of
    /// each document ([`CorpusReader::read_each`]).
    pub(crate) fn read_with<T>(
        &self,
        paths: &[PathBuf],
        read: impl FnOnce(&CorpusReader, &[PathBuf], &mut dyn FnMut(Progress<'_>)) -> Corpus<T>,
    ) -> anyhow::Result<Corpus<T>> {
        let ingester = Ingester::builder()
            .converter(Arc::new(self.workers()?))
            .registry(self.registry()?)
            .max_file_size(self.max_file_size)
            .build();
        let reader = CorpusReader::new().ingester(ingester).max_documents(self.max_documents).follow_links(self.follow_links);
        let quiet = self.quiet;
        let corpus = read(&reader, paths, &mut |p| {
            let step = (p.total / 10).max(1);
            if !quiet && p.total >= 100 && (p.done % step == 0 || p.done == p.total) {
                eprintln!("read {}/{} documents", p.done, p.total);
            }
        });
        for failure in &corpus.failures {
            eprintln!("error: {failure}");
        }
        for warning in &corpus.warnings {
            eprintln!("warning: {warning}");
        }
        if self.strict && !corpus.failures.is_empty() {
            anyhow::bail!("{} of the inputs failed (listed above); --strict writes nothing", corpus.failures.len());
        }
        if corpus.documents.is_empty() {
            anyhow::bail!("no document could be read");
        }
        Ok(corpus)
    }
}

/// The bundled fixture corpus: next to the sources when run from a
/// checkout, else `fixtures/corpus` in the working directory.
pub(crate) fn bundled_corpus() -> PathBuf {
    let beside_sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
    if beside_sources.is_dir() { beside_sources } else { PathBuf::from("fixtures/corpus") }
}

/// The exit status: 0 when every input was read, 1 when some failed (the
/// others' results written); fatal errors exit with 2 in `main`.
pub(crate) fn status<T>(corpus: &Corpus<T>) -> ExitCode {
    if corpus.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Map(args) => map::run(&args),
        Command::Coverage(args) => coverage::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Agree(args) => evaluate::agree(&args),
        Command::Frameworks(args) => frameworks::run(&args),
        Command::Outcomes(args) => outcomes::run(&args),
    }
}

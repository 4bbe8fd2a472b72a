//! `kommunbench report`: the main job. Maps a corpus (the bundled fixtures
//! by default), prints the coverage matrix and writes every table, the
//! map, the heatmap, the overview page and a page per municipality.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use kommunbench_analysis::{Benchmark, ExportError, Pipeline, PipelineBuilder, plain_table, spreadsheet_safe, write_atomic};
use kommunbench_core::{Corpus, DocumentId};
use kommunbench_report::ReportOptions;

use super::{ReadOptions, bundled_corpus};
use crate::args::{MapperArgs, OutcomeArgs, PeerArgs};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or directories of documents; the bundled fixture corpus when none.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub options: ReadOptions,
    #[command(flatten)]
    pub mapper: MapperArgs,
    #[command(flatten)]
    pub peers: PeerArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// Directory for the outputs; it is replaced whole by each run.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
    /// List every pair of municipalities in peers.csv, not each one's
    /// nearest peers (the file grows with the square of the corpus).
    #[arg(long)]
    pub all_pairs: bool,
    /// The heatmap's row order: county (with county bands), cluster (the
    /// dendrogram drawn beside it), breadth or name.
    #[arg(long, default_value = "county", value_parser = clap::builder::PossibleValuesParser::new(["county", "cluster", "breadth", "name"]))]
    pub order: String,
    /// The linkage of the clustering for `--order cluster`.
    #[arg(long, default_value = "average", value_parser = clap::builder::PossibleValuesParser::new(["average", "complete", "ward"]))]
    pub linkage: String,
    /// What the map colours: `breadth`, or an area id for its score.
    #[arg(long, value_name = "AREA", default_value = "breadth")]
    pub map: String,
}

impl Args {
    fn report_options(&self, framework: &kommunbench_core::Framework) -> anyhow::Result<ReportOptions> {
        let map_area = match self.map.as_str() {
            "breadth" => None,
            area if framework.areas().iter().any(|a| a.id.as_str() == area) => Some(area.to_owned()),
            area => {
                let known: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
                anyhow::bail!("--map {area}: not an area of {} (breadth, {})", framework.id(), known.join(", "))
            }
        };
        Ok(ReportOptions {
            order: self.order.parse().map_err(anyhow::Error::msg)?,
            linkage: self.linkage.parse().map_err(anyhow::Error::msg)?,
            map_area,
            outcomes: None,
        })
    }
}

/// Reads and benchmarks, each document mapped as it is read: shared by
/// `report` and `compare`.
pub(crate) fn benchmark(
    paths: &[PathBuf],
    options: &ReadOptions,
    pipeline: PipelineBuilder,
) -> anyhow::Result<(Corpus<DocumentId>, Pipeline, Benchmark)> {
    let paths = if paths.is_empty() { vec![bundled_corpus()] } else { paths.to_vec() };
    let pipeline = pipeline.registry(options.registry()?).build()?;
    let mut bench = None;
    let corpus = options.read_with(&paths, |reader, paths, progress| {
        let (read, corpus) = pipeline.read_benchmark(reader, paths, progress);
        bench = Some(read);
        corpus
    })?;
    let bench = bench.ok_or_else(|| anyhow::anyhow!("the corpus was not read"))?;
    Ok((corpus, pipeline, bench))
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    // Outcome files are read first: a bad one stops the run before the corpus is read.
    let outcomes = args.outcomes.load(&kommunbench_core::Framework::resolve(&args.mapper.framework)?)?;
    let pipeline = args.peers.apply(args.mapper.pipeline()).all_pairs(args.all_pairs);
    let (corpus, pipeline, bench) = benchmark(&args.paths, &args.options, pipeline)?;
    let documents = corpus.documents.len();
    let framework = pipeline.framework();
    let mut options = args.report_options(framework)?;
    options.outcomes = outcomes.map(|(o, kpis)| bench.outcomes(&o, &kpis));
    let matrix = bench.terminal_matrix()?;
    // Files first: a reader that stops early must not cost the outputs.
    let notes: Vec<String> = corpus.failures.iter().map(ToString::to_string).collect();
    let files = kommunbench_report::write_report_with(&bench, &args.out, notes, &options, |dir| {
        write_failures(&corpus, &dir.join("failures.csv"))?;
        Ok(vec!["failures.csv".to_owned()])
    })?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Coverage of {} ({} documents, {} rows); score per area, * = covered at {:.2}",
        framework.id(),
        documents,
        bench.profiles().len(),
        bench.threshold
    )?;
    write!(out, "{}", plain_table(&matrix))?;
    writeln!(out)?;
    let folders = files.iter().filter(|f| f.ends_with(kommunbench_report::PAGES_DIR)).count();
    writeln!(
        out,
        "Wrote {} files and a page per row ({} pages) to {}:",
        files.len() - folders,
        bench.profiles().len(),
        args.out.display()
    )?;
    for f in &files {
        let folder = if f.ends_with(kommunbench_report::PAGES_DIR) { "/" } else { "" };
        writeln!(out, "  {}{folder}", f.display())?;
    }
    Ok(super::status(&corpus))
}

/// The inputs that failed, one row each (`path,error`, the error without
/// the path; a manifest's keeps its `line:column`); only the header when
/// none did, so that scripts can always read it.
fn write_failures<T>(corpus: &Corpus<T>, path: &std::path::Path) -> Result<PathBuf, ExportError> {
    write_atomic(path, |out| {
        let io = |e: csv::Error| ExportError::Io { path: path.to_owned(), source: e.into() };
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["path", "error"]).map_err(io)?;
        for failure in &corpus.failures {
            let path = failure.path().display().to_string();
            let message = failure.to_string();
            let error = message.strip_prefix(path.as_str()).map_or(message.as_str(), |m| m.trim_start_matches([':', ' ']));
            w.write_record([&*spreadsheet_safe(&path), &*spreadsheet_safe(error)]).map_err(io)?;
        }
        w.flush().map_err(|source| ExportError::Io { path: path.to_owned(), source })
    })?;
    Ok(path.to_owned())
}

//! `kommunbench evaluate` (a mapper against hand coding) and
//! `kommunbench agree` (two hand codings against each other).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_core::Framework;
use kommunbench_mapping::{
    Agreement, GoldActors, GoldDocuments, GoldPriorities, Recovery, SpeakerRecovery, Unmatched, agreement, compare_codings,
    compare_documents, compare_priorities, priority_recovery, speaker_recovery,
};
use serde::Serialize;

use super::Input;
use crate::args::MapperArgs;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    mapper: MapperArgs,
    /// Document-level hand coding: document,<area>,... with 1, 0 or ?.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Priority-level hand coding: document,priority,areas,uncertain.
    /// Also reports priority recovery: gold titles found, extracted titles
    /// that are gold titles.
    #[arg(long, value_name = "FILE")]
    priorities: Option<PathBuf>,
    /// With --priorities: list the missed and the extra titles of each document.
    #[arg(long, requires = "priorities")]
    explain: bool,
    /// Who speaks in each document: document,actor with municipality,
    /// party:ABBR, region, national, organisation or ?. Reports the
    /// speakers recognised per kind and the documents missed.
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
    #[command(flatten)]
    output: Output,
}

/// How agreement is reported.
#[derive(Debug, clap::Args)]
struct Output {
    /// Bootstrap resamples for the confidence intervals (0: none).
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, clap::Args)]
pub(crate) struct AgreeArgs {
    /// The first document-level coding (coder A).
    a: PathBuf,
    /// The second document-level coding (coder B, or a mapper's output in the same format).
    b: PathBuf,
    /// The framework both codings use.
    #[arg(long, default_value = Framework::DEFAULT, value_name = "ID|FILE")]
    framework: String,
    #[command(flatten)]
    output: Output,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    method: &'a str,
    framework: &'a str,
    documents: Option<Agreement>,
    priorities: Option<Agreement>,
    recovery: Option<Recovery>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actors: Option<SpeakerRecovery>,
    unmatched_priorities: Vec<Unmatched>,
    #[serde(skip)]
    explain: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let pipeline = args.mapper.pipeline().build()?;
    let framework = pipeline.framework();
    let gold = GoldDocuments::from_path(&args.gold, framework)?;
    let gold_priorities = args.priorities.as_ref().map(|p| GoldPriorities::from_path(p, framework)).transpose()?;
    let gold_actors = args.actors.as_ref().map(GoldActors::from_path).transpose()?;
    let mappings = pipeline.map(&corpus.documents).mappings;
    let documents = compare_documents(&gold, &mappings)?;
    let priorities =
        gold_priorities.as_ref().map(|g| compare_priorities(framework, g, &corpus.documents, &mappings)).transpose()?;
    let recovery = gold_priorities.as_ref().map(|g| priority_recovery(g, &corpus.documents)).transpose()?;
    let actors = gold_actors.as_ref().map(|g| speaker_recovery(g, &corpus.documents)).transpose()?;
    let report = Report {
        method: pipeline.method(),
        framework: framework.id().as_str(),
        documents: Some(agreement(framework, &documents, args.output.bootstrap, args.output.seed)),
        priorities: priorities.as_ref().map(|p| agreement(framework, p, args.output.bootstrap, args.output.seed)),
        recovery,
        actors,
        unmatched_priorities: priorities.map(|p| p.unmatched).unwrap_or_default(),
        explain: args.explain,
    };
    write_report(&report, args.output.format)?;
    Ok(super::status(&corpus))
}

pub(crate) fn agree(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let framework = Framework::resolve(&args.framework)?;
    let a = GoldDocuments::from_path(&args.a, &framework)?;
    let b = GoldDocuments::from_path(&args.b, &framework)?;
    let comparison = compare_codings(&a, &b);
    let report = Report {
        method: "two codings",
        framework: framework.id().as_str(),
        documents: Some(agreement(&framework, &comparison, args.output.bootstrap, args.output.seed)),
        priorities: None,
        recovery: None,
        actors: None,
        unmatched_priorities: Vec::new(),
        explain: false,
    };
    write_report(&report, args.output.format)?;
    Ok(ExitCode::SUCCESS)
}

fn write_report(report: &Report<'_>, format: Format) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, report)?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(out, "{} against hand coding, framework {}", report.method, report.framework)?;
            for (level, a) in [("Document level", &report.documents), ("Priority level", &report.priorities)] {
                if let Some(a) = a {
                    writeln!(out)?;
                    write_agreement(&mut out, level, a)?;
                }
            }
            if let Some(r) = &report.recovery {
                writeln!(out)?;
                write_recovery(&mut out, r, report.explain)?;
            } else if !report.unmatched_priorities.is_empty() {
                writeln!(out)?;
                writeln!(out, "Gold priorities not found among the extracted ones (scored as mapping to no area):")?;
                for u in &report.unmatched_priorities {
                    writeln!(out, "  {}: {}", u.document, u.priority)?;
                }
            }
            if let Some(a) = &report.actors {
                writeln!(out)?;
                write_speakers(&mut out, a)?;
            }
        }
    }
    Ok(())
}

/// Speakers recognised per kind, and the misses.
fn write_speakers(out: &mut impl Write, a: &SpeakerRecovery) -> std::io::Result<()> {
    writeln!(
        out,
        "Speakers: {} of {} recognised; not the municipality: {} of {}",
        a.right, a.total, a.non_municipal_right, a.non_municipal
    )?;
    writeln!(out, "  {:<14} {:>6} {:>6} {:>6}", "kind", "coded", "right", "wrong")?;
    for k in &a.kinds {
        writeln!(out, "  {:<14} {:>6} {:>6} {:>6}", k.kind, k.coded, k.right, k.wrong)?;
    }
    for m in &a.misses {
        writeln!(out, "  missed: {}: coded {}, found {}", m.document, m.coded, m.found)?;
    }
    Ok(())
}

/// Recovery per document and overall; with `explain`, the titles behind it.
fn write_recovery(out: &mut impl Write, r: &Recovery, explain: bool) -> std::io::Result<()> {
    let pct = |x: Option<f64>| x.map_or_else(|| "-".to_owned(), |x| format!("{:.1}%", 100.0 * x));
    writeln!(
        out,
        "Priority recovery: {} of {} gold titles found (recall {}), {} of {} extracted titles are gold titles (precision {})",
        r.found,
        r.gold,
        pct(r.recall),
        r.matched,
        r.extracted,
        pct(r.precision)
    )?;
    let giving = r.uncoded.iter().filter(|u| !u.extracted.is_empty()).count();
    writeln!(
        out,
        "  (titles compared after NFC, case folding, white space and closing punctuation; {} priorities extracted from {} of {} documents with no gold rows)",
        r.extracted_uncoded,
        giving,
        r.uncoded.len()
    )?;
    writeln!(out, "  {:<24} {:>5} {:>6} {:>9} {:>7}", "document", "gold", "found", "extracted", "matched")?;
    for d in &r.documents {
        writeln!(out, "  {:<24} {:>5} {:>6} {:>9} {:>7}", d.document, d.gold, d.found, d.extracted, d.matched)?;
        if explain {
            for t in &d.missed {
                writeln!(out, "      missed: {t}")?;
            }
            for t in &d.extra {
                writeln!(out, "      extra:  {t}")?;
            }
        }
    }
    if explain && giving > 0 {
        writeln!(out, "  documents with no gold rows that gave priorities:")?;
        for u in r.uncoded.iter().filter(|u| !u.extracted.is_empty()) {
            writeln!(out, "  {:<24} {:>5} {:>6} {:>9} {:>7}", u.document, 0, 0, u.extracted.len(), 0)?;
            for t in &u.extracted {
                writeln!(out, "      extra:  {t}")?;
            }
        }
    }
    Ok(())
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "  -  ".to_owned(), |x| format!("{x:.3}"))
}

fn write_agreement(out: &mut impl Write, level: &str, a: &Agreement) -> std::io::Result<()> {
    writeln!(out, "{level}: {} units, {} cells (ambiguous cells left out)", a.units, a.cells)?;
    writeln!(
        out,
        "  {:<16} {:>9} {:>6} {:>6} {:>6}   {:>3} {:>3} {:>3} {:>3}",
        "area", "precision", "recall", "F1", "kappa", "tp", "fp", "fn", "tn"
    )?;
    for area in &a.areas {
        let c = area.confusion;
        writeln!(
            out,
            "  {:<16} {:>9} {:>6} {:>6} {:>6}   {:>3} {:>3} {:>3} {:>3}",
            area.area,
            fmt(area.precision),
            fmt(area.recall),
            fmt(area.f1),
            fmt(area.kappa),
            c.tp,
            c.fp,
            c.fn_,
            c.tn
        )?;
    }
    let ci =
        |i: Option<kommunbench_mapping::Interval>| i.map(|i| format!(" [95% CI {:.3}–{:.3}]", i.low, i.high)).unwrap_or_default();
    let iv = a.intervals;
    writeln!(out, "  macro-F1      {}{}", fmt(a.macro_f1), ci(iv.and_then(|i| i.macro_f1)))?;
    writeln!(out, "  micro-F1      {}{}", fmt(a.micro_f1), ci(iv.and_then(|i| i.micro_f1)))?;
    writeln!(out, "  pooled kappa  {}{}", fmt(a.pooled_kappa), ci(iv.and_then(|i| i.kappa)))?;
    writeln!(out, "  Krippendorff's alpha (nominal) {}", fmt(a.alpha))?;
    if let Some(i) = iv {
        writeln!(out, "  (bootstrap over units, {} resamples)", i.resamples)?;
    }
    Ok(())
}

//! `kommunbench coverage`: document x area coverage in long form.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_analysis::spreadsheet_safe;
use serde::Serialize;

use super::Input;
use crate::args::MapperArgs;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    mapper: MapperArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

#[derive(Debug, Serialize)]
struct Row<'a> {
    document: &'a str,
    municipality: &'a str,
    framework: &'a str,
    area: &'a str,
    score: f64,
    covered: bool,
    evidence_count: usize,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let pipeline = args.mapper.pipeline().build()?;
    let framework = pipeline.framework();
    let coverages = pipeline.coverages(&corpus.documents);
    let framework_id = framework.id().as_str();
    let rows: Vec<Row<'_>> = corpus
        .documents
        .iter()
        .zip(&coverages)
        .flat_map(|(d, coverage)| {
            coverage.iter().map(move |c| Row {
                document: d.id.as_str(),
                municipality: d.municipality.as_ref().map_or("", |m| m.name.as_str()),
                framework: framework_id,
                area: c.area.as_str(),
                score: (c.score * 1000.0).round() / 1000.0,
                covered: c.covered,
                evidence_count: c.evidence_count,
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["document", "municipality", "framework", "area", "score", "covered", "evidence_count"])?;
            for r in &rows {
                let (score, covered, count) = (format!("{:?}", r.score), r.covered.to_string(), r.evidence_count.to_string());
                let safe = |s| spreadsheet_safe(s).into_owned();
                w.write_record([safe(r.document), safe(r.municipality), safe(r.framework), safe(r.area), score, covered, count])?;
            }
            w.flush()?;
        }
        Format::Markdown => {
            writeln!(out, "| document | municipality | framework | area | score | covered | evidence_count |")?;
            writeln!(out, "|---|---|---|---|---:|:---:|---:|")?;
            for r in &rows {
                let covered = if r.covered { "yes" } else { "no" };
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {:.3} | {covered} | {} |",
                    r.document, r.municipality, r.framework, r.area, r.score, r.evidence_count
                )?;
            }
        }
    }
    Ok(super::status(&corpus))
}

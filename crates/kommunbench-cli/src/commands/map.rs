//! `kommunbench map`: every priority and segment x area alignment, with
//! its evidence.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_analysis::spreadsheet_safe;
use kommunbench_core::{Level, PolicyDocument, Rule};
use kommunbench_mapping::{DocumentMapping, Evidence, UnitKind, evidence_summary};
use serde::Serialize;

use super::Input;
use crate::args::MapperArgs;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
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
    /// Also list the rejected candidates (accepted = false).
    #[arg(long)]
    all: bool,
}

/// One output row; a local priority has an empty `area`.
#[derive(Debug, Serialize)]
struct Row<'a> {
    document: &'a str,
    unit_kind: &'static str,
    unit: &'a str,
    level: &'static str,
    rule: &'static str,
    area: &'a str,
    score: f64,
    method: &'a str,
    accepted: bool,
    evidence: Vec<&'a Evidence>,
}

fn rows<'a>(mapping: &'a DocumentMapping, doc: &'a PolicyDocument, all: bool) -> Vec<Row<'a>> {
    let mut out: Vec<Row<'a>> = mapping
        .alignments
        .iter()
        .filter(|a| all || a.accepted)
        .map(|a| Row {
            document: mapping.document.as_str(),
            unit_kind: a.unit_kind.as_str(),
            unit: &a.unit,
            level: a.level.map_or("", Level::as_str),
            rule: a.rule.map_or("", Rule::as_str),
            area: a.area.as_str(),
            score: (a.score * 1000.0).round() / 1000.0,
            method: &a.method,
            accepted: a.accepted,
            evidence: a.evidence.iter().collect(),
        })
        .collect();
    for &i in &mapping.local_priorities {
        out.push(Row {
            document: mapping.document.as_str(),
            unit_kind: UnitKind::Priority.as_str(),
            unit: &doc.priorities[i].title,
            level: doc.priorities[i].level.as_str(),
            rule: doc.priorities[i].rule.as_str(),
            area: "",
            score: 0.0,
            method: &mapping.method,
            accepted: true,
            evidence: Vec::new(),
        });
    }
    out
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let pipeline = args.mapper.pipeline().build()?;
    let framework = pipeline.framework();
    let mappings = pipeline.map(&corpus.documents).mappings;
    let all_rows: Vec<Row<'_>> = mappings.iter().zip(&corpus.documents).flat_map(|(m, d)| rows(m, d, args.all)).collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &all_rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "document",
                "unit_kind",
                "unit",
                "level",
                "rule",
                "area",
                "score",
                "method",
                "accepted",
                "evidence",
            ])?;
            for r in &all_rows {
                let score = format!("{:.3}", r.score);
                let accepted = r.accepted.to_string();
                let evidence = if r.area.is_empty() {
                    format!("local priority: no area of {}", framework.id())
                } else {
                    evidence_summary(r.evidence.iter().copied())
                };
                let (document, unit, evidence) =
                    (spreadsheet_safe(r.document), spreadsheet_safe(r.unit), spreadsheet_safe(&evidence));
                w.write_record([
                    &*document,
                    r.unit_kind,
                    &unit,
                    r.level,
                    r.rule,
                    r.area,
                    &score,
                    r.method,
                    &accepted,
                    &evidence,
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(super::status(&corpus))
}

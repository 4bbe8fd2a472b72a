//! `kommunbench ingest`: the parsed structure of each document.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_core::PolicyDocument;

use super::Input;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// A readable outline of each document.
    Text,
    /// A JSON array of documents, the full model.
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &corpus.documents)?;
            writeln!(out)?;
        }
        Format::Text => {
            for doc in &corpus.documents {
                write_outline(&mut out, doc)?;
            }
        }
    }
    Ok(super::status(&corpus))
}

fn write_outline(out: &mut impl Write, doc: &PolicyDocument) -> std::io::Result<()> {
    let municipality = doc.municipality.as_ref().map_or_else(
        || "municipality not recognised".to_owned(),
        |m| format!("{} ({} {}, {})", m.name, m.country, m.code, m.county),
    );
    writeln!(out, "{}: {} [{}]", doc.id, municipality, doc.kind)?;
    writeln!(out, "  title:     {}", doc.title)?;
    let format = match (doc.source.format.as_str(), doc.source.page_count()) {
        ("text", _) => format!("text ({})", doc.source.encoding),
        (format, Some(1)) => format!("{format}, 1 page"),
        (format, Some(n)) => format!("{format}, {n} pages"),
        (format, None) => format.to_owned(),
    };
    writeln!(out, "  format:    {format}")?;
    let dates: Vec<String> = [
        ("published", doc.dates.published),
        ("adopted", doc.dates.adopted),
        ("updated", doc.dates.updated),
        ("file created", doc.dates.file_created),
        ("file modified", doc.dates.file_modified),
    ]
    .into_iter()
    .filter_map(|(name, d)| d.map(|d| format!("{name} {d}")))
    .collect();
    if !dates.is_empty() {
        writeln!(out, "  dates:     {}", dates.join(", "))?;
    }
    if !doc.decision.is_empty() {
        let d = &doc.decision;
        let parts: Vec<&str> =
            [d.body.as_deref(), d.paragraph.as_deref(), d.reference.as_deref()].into_iter().flatten().collect();
        writeln!(out, "  decision:  {}", parts.join(", "))?;
    }
    writeln!(out, "  content:   {} blocks, {} lines of page furniture dropped", doc.blocks.len(), doc.dropped.len())?;
    writeln!(out, "  priorities:")?;
    for p in &doc.priorities {
        let body: String = p.body.chars().take(70).collect();
        let ellipsis = if p.body.chars().count() > 70 { "…" } else { "" };
        let body = if body.is_empty() { String::new() } else { format!(" — {}{ellipsis}", body.replace('\n', " ")) };
        let rule = format!("({})", p.rule);
        writeln!(out, "    {:<14} {:<18} {}{body}", p.level.as_str(), rule, p.title)?;
    }
    writeln!(out)
}

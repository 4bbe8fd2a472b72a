//! `kommunbench map`: every priority and segment x area alignment, with
//! its evidence, and the local priorities: the library's alignment table
//! (the same columns as Python's `map()`).

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_analysis::{TableFormat, alignment_table, write_table_to};

use super::Input;
use crate::args::MapperArgs;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
    Markdown,
    Parquet,
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

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let mappings = args.mapper.pipeline().build()?.map(&corpus.documents).mappings;
    let table = alignment_table(&mappings, &corpus.documents, args.all)?;
    let format = match args.format {
        Format::Csv => TableFormat::Csv,
        Format::Json => TableFormat::Json,
        Format::Markdown => TableFormat::Markdown,
        Format::Parquet => TableFormat::Parquet,
    };
    write_table_to(&table, &mut std::io::stdout().lock(), format, Path::new("<standard output>"))?;
    Ok(super::status(&corpus))
}

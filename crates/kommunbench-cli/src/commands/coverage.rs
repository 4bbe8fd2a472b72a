//! `kommunbench coverage`: document x area coverage in long form, the
//! library's coverage table (the same columns as Python's `coverage()`).

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunbench_analysis::{TableFormat, coverage_table, write_table_to};

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
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let pipeline = args.mapper.pipeline().build()?;
    let coverages = pipeline.coverages(&corpus.documents);
    let table = coverage_table(pipeline.framework().id().as_str(), &corpus.documents, &coverages)?;
    let format = match args.format {
        Format::Csv => TableFormat::Csv,
        Format::Json => TableFormat::Json,
        Format::Markdown => TableFormat::Markdown,
        Format::Parquet => TableFormat::Parquet,
    };
    let mut out = std::io::stdout().lock();
    write_table_to(&table, &mut out, format, Path::new("<standard output>"))?;
    Ok(super::status(&corpus))
}

//! `kommunbench coverage`: document x area coverage in long form, the
//! library's coverage table (the same columns as Python's `coverage()`).

use std::path::Path;
use std::process::ExitCode;

use kommunbench_analysis::{EvidenceDetail, coverage_table, write_table_to};

use super::Input;
use crate::args::{MapperArgs, TableArg};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    mapper: MapperArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableArg::Csv)]
    format: TableArg,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline = args.mapper.pipeline().build()?;
    // Each document is mapped as it is read; only its coverage is kept,
    // and of its evidence the counts this table prints.
    let corpus = args
        .input
        .read_with(|reader, paths, progress| pipeline.read_coverages(reader, paths, progress, EvidenceDetail::Count))?;
    let table = coverage_table(pipeline.framework().id().as_str(), &corpus.documents)?;
    let mut out = std::io::stdout().lock();
    write_table_to(&table, &mut out, args.format.into(), Path::new("<standard output>"))?;
    Ok(super::status(&corpus))
}

//! `kommunbench map`: every priority and segment x area alignment, with
//! its evidence, and the local priorities: the library's alignment table
//! (the same columns as Python's `map()`).

use std::path::Path;
use std::process::ExitCode;

use kommunbench_analysis::{alignment_table, write_table_to};

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
    /// Also list the rejected candidates (accepted = false).
    #[arg(long)]
    all: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.input.read()?;
    let mappings = args.mapper.pipeline().build()?.map(&corpus.documents).mappings;
    let table = alignment_table(&mappings, &corpus.documents, args.all)?;
    write_table_to(&table, &mut std::io::stdout().lock(), args.format.into(), Path::new("<standard output>"))?;
    Ok(super::status(&corpus))
}

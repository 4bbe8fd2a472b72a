//! `kommunbench frameworks`: list the built-in frameworks, or check and show
//! one (built in or a user file).

use std::io::Write;
use std::process::ExitCode;

use kommunbench_core::Framework;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A built-in framework id or the path of a .toml or .json framework
    /// file to check and show; without it, list the built-in frameworks.
    framework: Option<String>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match &args.framework {
        None => {
            for f in Framework::builtins() {
                writeln!(out, "{:<10} {} areas  {}", f.id(), f.areas().len(), f.name())?;
            }
        }
        Some(spec) => {
            let f = Framework::resolve(spec)?;
            writeln!(out, "{}: {} ({}, {})", f.id(), f.name(), f.jurisdiction(), f.version())?;
            for area in f.areas() {
                writeln!(out, "  {:<16} {} / {}", area.id, area.title_sv, area.title_en)?;
                for alias in &area.aliases {
                    writeln!(out, "  {:<16}   also: {alias}", "")?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

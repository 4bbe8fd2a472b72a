//! The `kommunbench` command line.

mod args;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the pipeline allocates many small strings and vectors per
/// document on every core, where the system allocator spends a sixth of
/// the run (see docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The hidden first argument that makes this program a format reader's
/// worker: it reads one file from standard input and writes its text to
/// standard output (`kommunbench_formats::serve_worker`). Each PDF, DOCX,
/// ODT and HTML file is read so, in a process of its own.
const WORKER_MODE: &str = "__read-worker";

fn main() -> ExitCode {
    let mut args = std::env::args_os();
    if args.nth(1).is_some_and(|a| a == WORKER_MODE) {
        return kommunbench_formats::serve_worker(args);
    }
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(status) => status,
        // A reader that stopped early (`kommunbench report | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes, each cause once: the library's messages
/// already name their cause (`x.toml: cannot read: Is a directory (os
/// error 21)`), so a cause whose text the message holds is not repeated.
fn message(err: &anyhow::Error) -> String {
    let mut out = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

/// Whether an error is stdout closed by its reader, however it was wrapped
/// (a plain write, the CSV writer, the JSON serialiser).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>().is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
    })
}

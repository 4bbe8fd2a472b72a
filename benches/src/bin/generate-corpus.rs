//! `generate-corpus MEGABYTES DIR [--doc-kb N] [--seed S]`: writes a
//! deterministic corpus built from the fixtures, for benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value =
        |flag: &str, default: u64| args.windows(2).find(|w| w[0] == flag).and_then(|w| w[1].parse().ok()).unwrap_or(default);
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(mb), Some(dir)) = (positional.first().and_then(|m| m.parse::<f64>().ok()), positional.get(1)) else {
        eprintln!("usage: generate-corpus MEGABYTES DIR [--doc-kb N] [--seed S]");
        return ExitCode::from(2);
    };
    let bytes = (mb * 1_000_000.0) as usize;
    let corpus = kommunbench_bench::generate(bytes, value("--doc-kb", 30) as usize * 1000, value("--seed", 2008));
    let dir = PathBuf::from(dir);
    if let Err(e) = kommunbench_bench::write_corpus(&corpus, &dir) {
        eprintln!("error: cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let total: usize = corpus.iter().map(|g| g.text.len()).sum();
    println!("wrote {} documents, {total} bytes, to {}", corpus.len(), dir.display());
    ExitCode::SUCCESS
}

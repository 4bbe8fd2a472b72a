//! `kommunbench outcomes fetch`: Kolada's key figures, downloaded into one
//! response file that `report --outcomes` and `compare --outcomes` read.

use std::io::Write;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use kommunbench_outcomes::fetch::{FetchOptions, fetch};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Download key figures for every municipality from Kolada's API, all
    /// pages into one file, written whole or not at all.
    Fetch(FetchArgs),
}

#[derive(Debug, clap::Args)]
struct FetchArgs {
    /// Key figure ids, comma-separated (N00973,N02268).
    #[arg(long, value_name = "ID[,ID]", value_delimiter = ',', required = true)]
    kpi: Vec<String>,
    /// The years: one (2023) or a range (2015-2024).
    #[arg(long, value_name = "YEARS", default_value = "2015-2024")]
    years: String,
    /// Where to write the response.
    #[arg(long, value_name = "FILE", default_value = "kolada.json")]
    out: PathBuf,
    /// A folder for downloaded pages, read instead of the network when the
    /// same page is asked for again (`.kolada-cache` beside the output by
    /// default).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache: Option<PathBuf>,
    /// Download every page, keep none.
    #[arg(long)]
    no_cache: bool,
    /// Seconds one request may take, its body included.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// How many times a request that failed for a passing reason (a server
    /// error, a time-out, a page cut short) is tried again, waiting 1 s,
    /// then 2 s, 4 s...
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// The API's root.
    #[arg(long, value_name = "URL", default_value = "https://api.kolada.se/v3")]
    base_url: String,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let Command::Fetch(args) = &args.command;
    let years = years(&args.years)?;
    let cache =
        if args.no_cache {
            None
        } else {
            Some(args.cache.clone().unwrap_or_else(|| {
                args.out.parent().map_or_else(|| PathBuf::from(".kolada-cache"), |dir| dir.join(".kolada-cache"))
            }))
        };
    let options = FetchOptions {
        base_url: args.base_url.clone(),
        timeout: Duration::from_secs(args.timeout),
        retries: args.retries,
        cache,
        ..FetchOptions::default()
    };
    let summary = fetch(&args.kpi, years, &options, &args.out)?;
    writeln!(
        std::io::stdout().lock(),
        "Wrote {} values of {} to {} ({} pages, {} from the cache, {} retries)",
        summary.values,
        args.kpi.join(", "),
        args.out.display(),
        summary.pages,
        summary.from_cache,
        summary.retries
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `2023` or `2015-2024`.
fn years(text: &str) -> anyhow::Result<RangeInclusive<i32>> {
    let year = |s: &str| {
        s.trim().parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)).ok_or_else(|| {
            anyhow::anyhow!("--years {text}: `{}` is not a year; give one year (2023) or a range (2015-2024)", s.trim())
        })
    };
    let (from, to) = text
        .split_once('-')
        .map_or_else(|| Ok((year(text)?, year(text)?)), |(a, b)| Ok::<_, anyhow::Error>((year(a)?, year(b)?)))?;
    if from > to {
        anyhow::bail!("--years {text}: the range runs backwards");
    }
    Ok(from..=to)
}

#[cfg(test)]
mod tests {
    use super::years;

    #[test]
    fn years_are_one_or_a_range() {
        assert_eq!(years("2023").unwrap(), 2023..=2023);
        assert_eq!(years("2015-2024").unwrap(), 2015..=2024);
        assert!(years("2024-2015").unwrap_err().to_string().contains("runs backwards"));
        assert!(years("tjugo").unwrap_err().to_string().contains("`tjugo` is not a year"));
    }
}

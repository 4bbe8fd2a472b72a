//! `kommunbench compare`: one municipality against its peers.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ReadOptions;
use super::report::benchmark;
use crate::args::{MapperArgs, OutcomeArgs, PeerArgs};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The municipality, as named in the report (e.g. Vingåker).
    pub municipality: String,
    /// Files or directories of documents; the bundled fixture corpus when none.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub options: ReadOptions,
    #[command(flatten)]
    pub mapper: MapperArgs,
    #[command(flatten)]
    pub peers: PeerArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// How many nearest peers to list.
    #[arg(long, default_value_t = 5)]
    pub top: usize,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let outcomes = args.outcomes.load(&kommunbench_core::Framework::resolve(&args.mapper.framework)?)?;
    let pipeline = args.peers.apply(args.mapper.pipeline());
    let (corpus, pipeline, bench) = benchmark(&args.paths, &args.options, pipeline)?;
    let framework = pipeline.framework();
    let Some(comparison) = bench.compare(&args.municipality, args.top) else {
        let known: Vec<&str> = bench.profiles().iter().map(kommunbench_analysis::Profile::name).collect();
        anyhow::bail!("no municipality `{}` in the corpus (found: {})", args.municipality, known.join(", "));
    };
    let me = comparison.profile;
    let areas: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} against {} ({} municipalities)", me.name(), framework.id(), bench.profiles().len())?;
    writeln!(out)?;
    writeln!(out, "{:<16} {:>6}  covered", "area", "score")?;
    for (i, area) in areas.iter().enumerate() {
        writeln!(out, "{:<16} {:>6.2}  {}", area, me.scores[i], if me.covered[i] { "yes" } else { "no" })?;
    }
    let names = |indices: &[usize]| indices.iter().map(|&i| areas[i]).collect::<Vec<_>>().join(", ");
    if let Some((outcomes, kpis)) = &outcomes {
        write_outcomes(&mut out, &bench.outcomes(outcomes, kpis), me.name())?;
    }
    let gaps = names(&comparison.gaps);
    writeln!(out)?;
    writeln!(out, "Gaps (not covered): {}", if gaps.is_empty() { "none".to_owned() } else { gaps })?;
    let below = names(&comparison.below_peer_median);
    writeln!(out, "Below the peer median: {}", if below.is_empty() { "none".to_owned() } else { below })?;
    writeln!(out)?;
    writeln!(out, "Nearest peers (cosine of coverage profiles, Jaccard of covered areas):")?;
    for peer in &comparison.nearest {
        let fills = if peer.fills.is_empty() { String::new() } else { format!("  covers its gaps: {}", names(&peer.fills)) };
        let (name, cos, jac) = (peer.profile.name(), peer.cosine, peer.jaccard);
        writeln!(out, "  {name:<16} cosine {cos:.3}  jaccard {jac:.3}{fills}")?;
    }
    Ok(super::status(&corpus))
}

/// The row's key figures beside its coverage, with its peer group's and
/// the national medians.
fn write_outcomes(out: &mut impl Write, report: &kommunbench_analysis::OutcomeReport, name: &str) -> std::io::Result<()> {
    let fmt = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
    writeln!(out)?;
    writeln!(out, "Key figures (Kolada), beside the coverage of their areas:")?;
    writeln!(
        out,
        "{:<16} {:<8} {:>6} {:>7} {:>7} {:>9} {:>9}  better",
        "area", "kpi", "year", "value", "group", "national", "change"
    )?;
    for row in report.rows.iter().filter(|r| r.municipality == name) {
        let summary = report.summaries.iter().find(|s| s.kpi == row.kpi && s.area == row.area);
        writeln!(
            out,
            "{:<16} {:<8} {:>6} {:>7} {:>7} {:>9} {:>9}  {}",
            row.area,
            row.kpi,
            row.year.map_or_else(|| "–".to_owned(), |y| y.to_string()),
            fmt(row.value),
            fmt(row.group_median),
            fmt(summary.and_then(|s| s.national_median)),
            row.change.map_or_else(|| "–".to_owned(), |c| format!("{c:+.1}")),
            summary.map_or("", |s| s.direction.as_str()),
        )?;
    }
    writeln!(out, "{}", kommunbench_analysis::NOT_CAUSAL)
}

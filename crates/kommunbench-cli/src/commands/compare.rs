//! `kommunbench compare`: one municipality against its peers.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use kommunbench_analysis::{below_peer_median, nearest};

use super::ReadOptions;
use super::report::benchmark;
use crate::args::{MapperArgs, PeerArgs};

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
    /// How many nearest peers to list.
    #[arg(long, default_value_t = 5)]
    pub top: usize,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline = args.mapper.pipeline().peer_groups(args.peers.groups());
    let (corpus, pipeline, bench) = benchmark(&args.paths, &args.options, pipeline)?;
    let framework = pipeline.framework();
    let wanted = args.municipality.to_lowercase();
    let Some(me) = bench.profiles.iter().find(|p| p.name.to_lowercase() == wanted) else {
        let known: Vec<&str> = bench.profiles.iter().map(|p| p.name.as_str()).collect();
        anyhow::bail!("no municipality `{}` in the corpus (found: {})", args.municipality, known.join(", "));
    };
    let areas: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} against {} ({} municipalities)", me.name, framework.id(), bench.profiles.len())?;
    writeln!(out)?;
    writeln!(out, "{:<16} {:>6}  covered", "area", "score")?;
    for (i, area) in areas.iter().enumerate() {
        writeln!(out, "{:<16} {:>6.2}  {}", area, me.scores[i], if me.covered[i] { "yes" } else { "no" })?;
    }
    let gaps: Vec<&str> = areas.iter().enumerate().filter(|(i, _)| !me.covered[*i]).map(|(_, a)| *a).collect();
    writeln!(out)?;
    writeln!(out, "Gaps (not covered): {}", if gaps.is_empty() { "none".to_owned() } else { gaps.join(", ") })?;
    let all: Vec<&_> = bench.profiles.iter().collect();
    let below: Vec<&str> = below_peer_median(me, &all).into_iter().map(|a| areas[a]).collect();
    writeln!(out, "Below the peer median: {}", if below.is_empty() { "none".to_owned() } else { below.join(", ") })?;
    writeln!(out)?;
    writeln!(out, "Nearest peers (cosine of coverage profiles, Jaccard of covered areas):")?;
    for (name, cos, jac) in nearest(&bench.profiles, &me.name, args.top).unwrap_or_default() {
        let peer = bench.profiles.iter().find(|p| p.name == name).expect("a peer is a profile");
        let fills: Vec<&str> =
            areas.iter().enumerate().filter(|(i, _)| !me.covered[*i] && peer.covered[*i]).map(|(_, a)| *a).collect();
        let fills = if fills.is_empty() { String::new() } else { format!("  covers its gaps: {}", fills.join(", ")) };
        writeln!(out, "  {name:<16} cosine {cos:.3}  jaccard {jac:.3}{fills}")?;
    }
    Ok(super::status(&corpus))
}

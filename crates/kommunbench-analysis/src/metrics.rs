//! Benchmarking metrics per municipality and per area. Formulas are in
//! `docs/metrics.md`.

use std::collections::HashMap;

use kommunbench_core::DocumentKind;
use polars::prelude::*;

use crate::actor::Actor;
use crate::profile::Profile;

/// Breadth: the share of the framework's areas that are covered.
pub fn breadth(p: &Profile) -> f64 {
    if p.covered.is_empty() { 0.0 } else { p.covered.iter().filter(|c| **c).count() as f64 / p.covered.len() as f64 }
}

/// Depth: the mean number of pieces of evidence per covered area (0 when
/// nothing is covered).
pub fn depth(p: &Profile) -> f64 {
    let covered: Vec<f64> = p.evidence.iter().zip(&p.covered).filter(|(_, c)| **c).map(|(e, _)| f64::from(*e)).collect();
    if covered.is_empty() { 0.0 } else { covered.iter().sum::<f64>() / covered.len() as f64 }
}

/// Balance: the normalised Shannon entropy of the attention shares over
/// the areas (the uncoded remainder left out): 1 when attention is spread
/// evenly, 0 when it goes to one area or to none.
pub fn balance(p: &Profile) -> f64 {
    let total: f64 = p.attention.iter().sum();
    let k = p.attention.len();
    if total <= 0.0 || k < 2 {
        return 0.0;
    }
    let h: f64 = p.attention.iter().map(|a| a / total).filter(|q| *q > 0.0).map(|q| -q * q.ln()).sum();
    h / (k as f64).ln()
}

/// The median of a slice (mean of the two middle values for even lengths).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) { f64::midpoint(v[mid - 1], v[mid]) } else { v[mid] })
}

/// Areas where `p` scores below the median of its peers (the profiles in
/// `peers`, itself included); none when it has no peer but itself.
pub fn below_peer_median(p: &Profile, peers: &[&Profile]) -> Vec<usize> {
    if peers.len() < 2 {
        return Vec::new();
    }
    (0..p.scores.len())
        .filter(|&a| {
            let column: Vec<f64> = peers.iter().map(|q| q.scores[a]).collect();
            median(&column).is_some_and(|m| p.scores[a] < m)
        })
        .collect()
}

/// Per-municipality metrics: `municipality, municipality_code, county,
/// actor, kinds, group, documents, covered,
/// breadth, depth, balance, uncoded, gaps, below_peer_median,
/// local_priorities`.
///
/// `groups` maps a row to its peer group (absent: one group of all);
/// `documents` gives each row's documents' kinds, `local_priorities`
/// counts per row.
pub fn municipality_metrics(
    profiles: &[Profile],
    areas: &[String],
    groups: &HashMap<Actor, String>,
    documents: &HashMap<Actor, Vec<DocumentKind>>,
    local_priorities: &HashMap<Actor, u32>,
) -> PolarsResult<DataFrame> {
    let group_of = |p: &Profile| groups.get(&p.actor).cloned().unwrap_or_else(|| "all".to_owned());
    let names_of = |idx: &[usize]| idx.iter().map(|&a| areas[a].as_str()).collect::<Vec<_>>().join(";");
    let peers_of = |p: &Profile| -> Vec<&Profile> {
        let group = group_of(p);
        profiles.iter().filter(|q| group_of(q) == group).collect()
    };
    let gaps = |p: &Profile| -> Vec<usize> { (0..areas.len()).filter(|&a| !p.covered[a]).collect() };
    let strings = |f: &dyn Fn(&Profile) -> String| profiles.iter().map(f).collect::<Vec<String>>();
    let floats = |f: fn(&Profile) -> f64| profiles.iter().map(f).collect::<Vec<f64>>();
    let counts = |f: &dyn Fn(&Profile) -> u32| profiles.iter().map(f).collect::<Vec<u32>>();
    df!(
        "municipality" => strings(&|p| p.name().to_owned()),
        "municipality_code" => profiles.iter().map(|p| p.actor.code().map(ToString::to_string)).collect::<Vec<_>>(),
        "county" => profiles.iter().map(|p| p.actor.county()).collect::<Vec<_>>(),
        "actor" => strings(&|p| p.actor.speaker().to_string()),
        "kinds" => strings(&|p| {
            let mut kinds: Vec<&str> = documents.get(&p.actor).into_iter().flatten().map(|k| k.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            kinds.join(";")
        }),
        "group" => strings(&group_of),
        "documents" => counts(&|p| documents.get(&p.actor).map_or(0, |d| d.len() as u32)),
        "covered" => counts(&|p| p.covered.iter().filter(|c| **c).count() as u32),
        "breadth" => floats(breadth),
        "depth" => floats(depth),
        "balance" => floats(balance),
        "uncoded" => floats(|p| p.uncoded),
        "gaps" => strings(&|p| names_of(&gaps(p))),
        "below_peer_median" => strings(&|p| names_of(&below_peer_median(p, &peers_of(p)))),
        "local_priorities" => counts(&|p| local_priorities.get(&p.actor).copied().unwrap_or(0)),
    )
}

/// Per-area metrics: `area, covering, share, mean_score, sd_score, leaders,
/// laggards` (the three best and worst scoring municipalities).
pub fn area_metrics(profiles: &[Profile], areas: &[String]) -> PolarsResult<DataFrame> {
    let n = profiles.len() as f64;
    let scores = |a: usize| profiles.iter().map(|p| p.scores[a]).collect::<Vec<f64>>();
    let covering = |a: usize| profiles.iter().filter(|p| p.covered[a]).count();
    let mean = |a: usize| if profiles.is_empty() { 0.0 } else { scores(a).iter().sum::<f64>() / n };
    let sd = |a: usize| {
        let m = mean(a);
        if profiles.len() < 2 { 0.0 } else { (scores(a).iter().map(|s| (s - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt() }
    };
    let ranked = |a: usize| {
        let mut r: Vec<&Profile> = profiles.iter().collect();
        r.sort_by(|x, y| y.scores[a].total_cmp(&x.scores[a]).then_with(|| x.actor.cmp(&y.actor)));
        r
    };
    let join = |ps: &mut dyn Iterator<Item = &&Profile>| ps.take(3).map(|p| p.name()).collect::<Vec<_>>().join(";");
    let all: Vec<usize> = (0..areas.len()).collect();
    df!(
        "area" => areas.to_vec(),
        "covering" => all.iter().map(|&a| covering(a) as u32).collect::<Vec<_>>(),
        "share" => all.iter().map(|&a| if n > 0.0 { covering(a) as f64 / n } else { 0.0 }).collect::<Vec<_>>(),
        "mean_score" => all.iter().map(|&a| mean(a)).collect::<Vec<_>>(),
        "sd_score" => all.iter().map(|&a| sd(a)).collect::<Vec<_>>(),
        "leaders" => all.iter().map(|&a| join(&mut ranked(a).iter())).collect::<Vec<_>>(),
        "laggards" => all.iter().map(|&a| join(&mut ranked(a).iter().rev())).collect::<Vec<_>>(),
    )
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "exact values computed by hand")]
mod tests {
    use super::*;

    fn profile(name: &str, scores: &[f64], evidence: &[u32], attention: &[f64]) -> Profile {
        let mut p = Profile::from_scores(Actor::named(name), scores.to_vec(), 0.6);
        p.evidence = evidence.to_vec();
        p.attention = attention.to_vec();
        p
    }

    #[test]
    fn breadth_depth_and_balance_by_hand() {
        let p = profile("A", &[0.9, 0.7, 0.2, 0.0], &[4, 2, 1, 0], &[0.25, 0.25, 0.25, 0.25]);
        assert_eq!(breadth(&p), 0.5);
        assert_eq!(depth(&p), 3.0); // (4 + 2) / 2 covered areas
        assert!((balance(&p) - 1.0).abs() < 1e-12); // even spread
        let one = profile("B", &[0.9, 0.0, 0.0, 0.0], &[1, 0, 0, 0], &[0.5, 0.0, 0.0, 0.0]);
        assert_eq!(balance(&one), 0.0);
        // Two areas with 3:1 attention over four areas: H = -(.75 ln .75 + .25 ln .25) / ln 4.
        let uneven = profile("C", &[0.0; 4], &[0; 4], &[0.3, 0.1, 0.0, 0.0]);
        let expected = -(0.75f64 * 0.75f64.ln() + 0.25 * 0.25f64.ln()) / 4f64.ln();
        assert!((balance(&uneven) - expected).abs() < 1e-12);
        assert_eq!(depth(&Profile::from_scores(Actor::named("D"), vec![0.1], 0.6)), 0.0);
    }

    #[test]
    fn medians_and_gaps_against_peers() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        let a = Profile::from_scores(Actor::named("A"), vec![0.9, 0.1], 0.6);
        let b = Profile::from_scores(Actor::named("B"), vec![0.5, 0.5], 0.6);
        let c = Profile::from_scores(Actor::named("C"), vec![0.7, 0.3], 0.6);
        // Medians: area 0 -> 0.7, area 1 -> 0.3.
        assert_eq!(below_peer_median(&a, &[&a, &b, &c]), [1]);
        assert_eq!(below_peer_median(&b, &[&a, &b, &c]), [0]);
        assert!(below_peer_median(&a, &[&a]).is_empty());
    }

    #[test]
    fn metric_tables() {
        let areas = vec!["work".to_owned(), "school".to_owned()];
        let profiles =
            vec![profile("Vasa", &[0.9, 0.2], &[3, 1], &[0.5, 0.1]), profile("Hedemora", &[0.7, 0.8], &[1, 2], &[0.2, 0.2])];
        let docs = HashMap::from([
            (profiles[0].actor.clone(), vec![DocumentKind::Policy, DocumentKind::WebPage]),
            (profiles[1].actor.clone(), vec![DocumentKind::Plan]),
        ]);
        let local = HashMap::from([(profiles[0].actor.clone(), 5)]);
        let m = municipality_metrics(&profiles, &areas, &HashMap::new(), &docs, &local).unwrap();
        assert_eq!(m.column("gaps").unwrap().str().unwrap().get(0), Some("school"));
        assert_eq!(m.column("breadth").unwrap().f64().unwrap().get(1), Some(1.0));
        assert_eq!(m.column("local_priorities").unwrap().u32().unwrap().get(0), Some(5));
        assert_eq!(m.column("documents").unwrap().u32().unwrap().get(0), Some(2));
        assert_eq!(m.column("kinds").unwrap().str().unwrap().get(0), Some("policy;web_page"));
        assert_eq!(m.column("actor").unwrap().str().unwrap().get(1), Some("municipality"));
        // Peer median of school is 0.5: Vasa lies below it.
        assert_eq!(m.column("below_peer_median").unwrap().str().unwrap().get(0), Some("school"));
        let a = area_metrics(&profiles, &areas).unwrap();
        assert_eq!(a.column("covering").unwrap().u32().unwrap().get(0), Some(2));
        assert!((a.column("mean_score").unwrap().f64().unwrap().get(0).unwrap() - 0.8).abs() < 1e-12);
        // sd of (0.9, 0.7) with n - 1: sqrt(0.02).
        assert!((a.column("sd_score").unwrap().f64().unwrap().get(0).unwrap() - 0.02f64.sqrt()).abs() < 1e-12);
        assert_eq!(a.column("leaders").unwrap().str().unwrap().get(1), Some("Hedemora;Vasa"));
    }
}

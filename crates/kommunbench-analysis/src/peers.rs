//! Peers: how alike municipalities' coverage profiles are, nearest peers,
//! and peer groups given by the user or by county.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kommunbench_core::MunicipalityRegistry;
use polars::prelude::*;

use crate::actor::Actor;
use crate::frames::DocumentInfo;
use crate::profile::Profile;

/// Cosine similarity of two score vectors (0 when either is all zero).
pub fn cosine(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na * nb) }
}

/// Jaccard similarity of two sets of covered areas (1 when both are empty).
pub fn jaccard(a: &[bool], b: &[bool]) -> f64 {
    let both = a.iter().zip(b).filter(|(x, y)| **x && **y).count();
    let either = a.iter().zip(b).filter(|(x, y)| **x || **y).count();
    if either == 0 { 1.0 } else { both as f64 / either as f64 }
}

/// Every pair of profiles: `a, b, cosine, jaccard`, each unordered pair once.
pub fn similarities(profiles: &[Profile]) -> PolarsResult<DataFrame> {
    let (mut a, mut b, mut cos, mut jac) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, p) in profiles.iter().enumerate() {
        for q in &profiles[i + 1..] {
            a.push(p.name().to_owned());
            b.push(q.name().to_owned());
            cos.push(cosine(&p.scores, &q.scores));
            jac.push(jaccard(&p.covered, &q.covered));
        }
    }
    df!("a" => a, "b" => b, "cosine" => cos, "jaccard" => jac)
}

/// How many nearest peers each municipality lists by default.
pub const NEAREST_PEERS: usize = 5;

/// Each profile's `k` nearest peers by cosine (ties by Jaccard, then
/// name): `a, rank, b, cosine, jaccard`, `k` rows per profile at most. The
/// output and the memory grow with the number of profiles times `k`, not
/// with its square (all pairs: [`similarities`]).
pub fn nearest_peers(profiles: &[Profile], k: usize) -> PolarsResult<DataFrame> {
    let (mut a, mut rank, mut b, mut cos, mut jac) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut others: Vec<(usize, f64, f64)> = Vec::with_capacity(profiles.len());
    for (i, p) in profiles.iter().enumerate() {
        others.clear();
        others.extend(
            profiles
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(j, q)| (j, cosine(&p.scores, &q.scores), jaccard(&p.covered, &q.covered))),
        );
        let order = |x: &(usize, f64, f64), y: &(usize, f64, f64)| {
            y.1.total_cmp(&x.1).then(y.2.total_cmp(&x.2)).then_with(|| profiles[x.0].actor.cmp(&profiles[y.0].actor))
        };
        if others.len() > k {
            others.select_nth_unstable_by(k, order);
            others.truncate(k);
        }
        others.sort_by(order);
        for (r, (j, c, jc)) in others.iter().enumerate() {
            a.push(p.name().to_owned());
            rank.push(r as u32 + 1);
            b.push(profiles[*j].name().to_owned());
            cos.push(*c);
            jac.push(*jc);
        }
    }
    df!("a" => a, "rank" => rank, "b" => b, "cosine" => cos, "jaccard" => jac)
}

/// The `k` profiles most like `me` by cosine (ties by Jaccard, then
/// key): `(profile, cosine, jaccard)`; `me` itself is left out.
pub fn nearest<'a>(profiles: &'a [Profile], me: &Profile, k: usize) -> Vec<(&'a Profile, f64, f64)> {
    let mut others: Vec<(&Profile, f64, f64)> = profiles
        .iter()
        .filter(|p| (&p.actor, &p.document) != (&me.actor, &me.document))
        .map(|p| (p, cosine(&me.scores, &p.scores), jaccard(&me.covered, &p.covered)))
        .collect();
    others.sort_by(|x, y| y.1.total_cmp(&x.1).then(y.2.total_cmp(&x.2)).then_with(|| x.0.actor.cmp(&y.0.actor)));
    others.truncate(k);
    others
}

/// A peer-group file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct PeerGroupError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Peer groups from a CSV file `municipality,group` (header required):
/// a municipality's name or code to its group (see
/// [`Actor::answers_to`]). A municipality listed twice, a row without a
/// name or a group, or a name that names no row `registry` knows of (see
/// [`names_a_row`]) is an error naming the line: a misspelt name would
/// otherwise leave its municipality without a group, silently.
pub fn peer_groups_from_csv(path: &Path, registry: &MunicipalityRegistry) -> Result<HashMap<String, String>, PeerGroupError> {
    let err = |line: usize, message: String| PeerGroupError { path: path.to_owned(), line, message };
    let text = kommunbench_core::read_text(path).map_err(|e| err(0, e.to_string()))?;
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("").trim().trim_start_matches('\u{feff}');
    if header != "municipality,group" {
        return Err(err(1, format!("expected the header `municipality,group`, found `{header}`")));
    }
    let mut out = HashMap::new();
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((m, g)) = line.split_once(',') else { return Err(err(i + 2, format!("expected two columns, found `{line}`"))) };
        let (m, g) = (m.trim(), g.trim());
        if m.is_empty() || g.is_empty() {
            return Err(err(i + 2, format!("a municipality and a group, not `{line}`")));
        }
        if !names_a_row(m, registry) {
            return Err(err(
                i + 2,
                format!(
                    "`{m}` is no municipality (name or code), county or row name known; \
                     check its spelling, or add the municipality with --municipalities"
                ),
            ));
        }
        if let Some(before) = out.insert(m.to_owned(), g.to_owned()) {
            return Err(err(i + 2, format!("`{m}` is listed twice (in group `{before}` before)")));
        }
    }
    Ok(out)
}

/// Whether `name` can name a row of a benchmark read with `registry`: a
/// municipality by name or code (`Vaggeryd`, `0687`), a party's or an
/// authority's row by the municipality or county in it (`Lomma (M)`,
/// `Länsstyrelsen (Skåne län)`), a region's row (`Skåne län (region)`),
/// or a document's row (`(plan-2020)`).
pub fn names_a_row(name: &str, registry: &MunicipalityRegistry) -> bool {
    let name = name.trim();
    let known = |part: &str| {
        let part = part.trim();
        registry.by_name(part).is_some() || registry.by_code(part).is_some() || registry.counties().contains(&part)
    };
    if name.starts_with('(') && name.ends_with(')') {
        return true;
    }
    match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((base, inner)) => known(base) || known(inner),
        None => known(name),
    }
}

/// Peer groups by county (län or landskap), from the documents' facts.
pub fn peer_groups_by_county(documents: &[DocumentInfo]) -> HashMap<Actor, String> {
    documents.iter().filter_map(|d| d.municipality.as_ref().map(|m| (d.actor.clone(), m.county.clone()))).collect()
}

/// Peer groups given by name or code (as [`peer_groups_from_csv`] reads
/// them) for the municipalities of `documents`; a municipality the map
/// does not name has no group.
pub fn peer_groups_by_name(documents: &[DocumentInfo], given: &HashMap<String, String>) -> HashMap<Actor, String> {
    let mut out = HashMap::new();
    for d in documents {
        let key = &d.actor;
        if out.contains_key(key) {
            continue;
        }
        if let Some(group) = given.get(key.name()).or_else(|| given.iter().find(|(k, _)| key.answers_to(k)).map(|(_, g)| g)) {
            out.insert(key.clone(), group.clone());
        }
    }
    out
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "exact values computed by hand")]
mod tests {
    use super::*;

    fn p(name: &str, scores: &[f64]) -> Profile {
        Profile::from_scores(Actor::named(name), scores.to_vec(), 0.5)
    }

    #[test]
    fn a_municipality_in_two_groups_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("groups.csv");
        std::fs::write(&file, "municipality,group\nVaggeryd,små\nVäxjö,stora\nVaggeryd,stora\n").unwrap();
        let err = peer_groups_from_csv(&file, &MunicipalityRegistry::builtin()).unwrap_err().to_string();
        assert!(err.ends_with("groups.csv:4: `Vaggeryd` is listed twice (in group `små` before)"), "{err}");
        std::fs::write(&file, "municipality,group\nVaggeryd,\n").unwrap();
        assert!(
            peer_groups_from_csv(&file, &MunicipalityRegistry::builtin())
                .unwrap_err()
                .to_string()
                .contains("groups.csv:2: a municipality and a group")
        );
        std::fs::write(&file, "municipality,group\nVaggeryd,små\nVäxjö,stora\n").unwrap();
        assert_eq!(peer_groups_from_csv(&file, &MunicipalityRegistry::builtin()).unwrap().len(), 2);
    }

    #[test]
    fn a_name_that_names_no_row_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("groups.csv");
        std::fs::write(&file, "municipality,group\nVaggeryd,små\nVagerud,små\n").unwrap();
        let err = peer_groups_from_csv(&file, &MunicipalityRegistry::builtin()).unwrap_err().to_string();
        assert!(err.contains("groups.csv:3: `Vagerud` is no municipality"), "{err}");
        // Codes, parties', regions' and documents' rows are rows.
        std::fs::write(&file, "municipality,group\n0687,a\nLomma (M),b\nSkåne län (region),c\n(plan-2020),d\nVasa stad,e\n")
            .unwrap();
        assert_eq!(peer_groups_from_csv(&file, &MunicipalityRegistry::builtin()).unwrap().len(), 5);
    }

    #[test]
    fn cosine_and_jaccard_by_hand() {
        assert!((cosine(&[1.0, 0.0], &[1.0, 1.0]) - 1.0 / 2f64.sqrt()).abs() < 1e-12);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
        assert!((jaccard(&[true, true, false], &[true, false, true]) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(jaccard(&[false], &[false]), 1.0);
    }

    #[test]
    fn nearest_peers_and_pairs() {
        let ps = vec![p("A", &[1.0, 0.0, 0.0]), p("B", &[0.9, 0.1, 0.0]), p("C", &[0.0, 0.0, 1.0])];
        let near = nearest(&ps, &ps[0], 2);
        assert_eq!(near[0].0.name(), "B");
        assert_eq!(near[1].0.name(), "C");
        assert_eq!(nearest(&ps, &ps[0], 1).len(), 1);
        assert_eq!(similarities(&ps).unwrap().height(), 3);
    }

    #[test]
    fn peer_group_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("groups.csv");
        std::fs::write(&path, "municipality,group\nVasa,Österbotten\nHedemora,Dalarna\n").unwrap();
        let g = peer_groups_from_csv(&path, &MunicipalityRegistry::builtin()).unwrap();
        assert_eq!(g["Vasa"], "Österbotten");
        std::fs::write(&path, "kommun;grupp\n").unwrap();
        let err = peer_groups_from_csv(&path, &MunicipalityRegistry::builtin()).unwrap_err().to_string();
        assert!(err.ends_with("groups.csv:1: expected the header `municipality,group`, found `kommun;grupp`"), "{err}");
    }
}

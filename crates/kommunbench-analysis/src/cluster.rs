//! Hierarchical clustering of coverage profiles, by `kodama` (Müllner's
//! algorithms, the ones behind `scipy.cluster.hierarchy` and `fastcluster`):
//! the dendrogram, its leaf order for drawing, and cuts into groups.

use std::fmt;
use std::str::FromStr;

use crate::peers::cosine;
use crate::profile::Profile;

/// How the distance between two clusters is computed from the distances
/// between their members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Linkage {
    /// The mean distance between their members (UPGMA), on cosine
    /// distance `1 - cos`.
    #[default]
    Average,
    /// The largest distance between their members, on cosine distance.
    Complete,
    /// Ward's minimum variance: the increase of the within-cluster sum of
    /// squares, on the Euclidean distance of the score vectors (Ward's
    /// criterion assumes Euclidean distances).
    Ward,
}

impl Linkage {
    /// All linkages.
    pub const ALL: [Linkage; 3] = [Linkage::Average, Linkage::Complete, Linkage::Ward];

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Linkage::Average => "average",
            Linkage::Complete => "complete",
            Linkage::Ward => "ward",
        }
    }
}

impl fmt::Display for Linkage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Linkage {
    type Err = String;
    fn from_str(s: &str) -> Result<Linkage, String> {
        Linkage::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| format!("unknown linkage `{s}` (expected one of average, complete, ward)"))
    }
}

/// One merge of agglomerative clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// Cluster ids merged: `0..n` are the profiles, `n + i` the i-th merge.
    pub left: usize,
    /// The other cluster.
    pub right: usize,
    /// The distance at which they merge (see [`Linkage`]).
    pub distance: f64,
    /// Members of the new cluster.
    pub size: usize,
}

/// Clusters the profiles' score vectors: the `n - 1` merges of the
/// dendrogram, closest first.
///
/// ```
/// use kommunbench_analysis::{Linkage, Actor, Profile, cluster, cut, leaf_order};
///
/// let p = |name: &str, s: &[f64]| Profile::from_scores(Actor::named(name), s.to_vec(), 0.5);
/// let profiles = [p("A", &[1.0, 0.0]), p("C", &[0.0, 1.0]), p("B", &[0.9, 0.1])];
/// let merges = cluster(&profiles, Linkage::Average);
/// assert_eq!(merges.len(), 2);
/// assert_eq!(cut(profiles.len(), &merges, 2), [1, 2, 1]); // A and B together
/// assert_eq!(leaf_order(profiles.len(), &merges), [1, 0, 2]); // C, then A beside B
/// ```
pub fn cluster(profiles: &[Profile], linkage: Linkage) -> Vec<Merge> {
    let n = profiles.len();
    if n < 2 {
        return Vec::new();
    }
    let distance = |a: &Profile, b: &Profile| match linkage {
        Linkage::Average | Linkage::Complete => (1.0 - cosine(&a.scores, &b.scores)).max(0.0),
        Linkage::Ward => a.scores.iter().zip(&b.scores).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt(),
    };
    // The condensed matrix: the upper triangle, row by row.
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            condensed.push(distance(&profiles[i], &profiles[j]));
        }
    }
    let method = match linkage {
        Linkage::Average => kodama::Method::Average,
        Linkage::Complete => kodama::Method::Complete,
        Linkage::Ward => kodama::Method::Ward,
    };
    kodama::linkage(&mut condensed, n, method)
        .steps()
        .iter()
        .map(|s| Merge { left: s.cluster1, right: s.cluster2, distance: s.dissimilarity, size: s.size })
        .collect()
}

/// Cuts the dendrogram of `n` profiles into `k` clusters: a cluster
/// number (from 1, by first member) per profile.
pub fn cut(n: usize, merges: &[Merge], k: usize) -> Vec<usize> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive: Vec<bool> = vec![true; n];
    for m in merges.iter().take(n.saturating_sub(k.max(1))) {
        let mut merged = std::mem::take(&mut members[m.left]);
        merged.extend(std::mem::take(&mut members[m.right]));
        alive[m.left] = false;
        alive[m.right] = false;
        members.push(merged);
        alive.push(true);
    }
    let mut clusters: Vec<&Vec<usize>> =
        members.iter().zip(&alive).filter(|(m, a)| **a && !m.is_empty()).map(|(m, _)| m).collect();
    clusters.sort_by_key(|m| m.iter().min().copied());
    let mut out = vec![0; n];
    for (c, m) in clusters.iter().enumerate() {
        for &i in *m {
            out[i] = c + 1;
        }
    }
    out
}

/// The order of the `n` leaves along the dendrogram, as it is drawn: each
/// merge lists its smaller side first (ties: the side with the lowest
/// profile index), so alike profiles stand side by side. Profiles the
/// merges do not reach follow in their own order.
pub fn leaf_order(n: usize, merges: &[Merge]) -> Vec<usize> {
    if merges.is_empty() {
        return (0..n).collect();
    }
    // Leaves under each cluster id, built bottom-up.
    let mut leaves: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for m in merges {
        let (a, b) = (&leaves[m.left], &leaves[m.right]);
        let a_first = (a.len(), a.iter().min()) <= (b.len(), b.iter().min());
        let (first, second) = if a_first { (a, b) } else { (b, a) };
        let joined: Vec<usize> = first.iter().chain(second).copied().collect();
        leaves.push(joined);
    }
    let mut order = leaves.pop().unwrap_or_default();
    let mut seen = vec![false; n];
    for &i in &order {
        seen[i] = true;
    }
    order.extend((0..n).filter(|&i| !seen[i]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Actor;

    fn p(name: &str, scores: &[f64]) -> Profile {
        Profile::from_scores(Actor::named(name), scores.to_vec(), 0.5)
    }

    fn four() -> Vec<Profile> {
        vec![p("A", &[1.0, 0.0]), p("B", &[0.9, 0.1]), p("C", &[0.0, 1.0]), p("D", &[0.1, 0.9])]
    }

    #[test]
    fn every_linkage_merges_the_alike_pairs_first() {
        let ps = four();
        for linkage in Linkage::ALL {
            let merges = cluster(&ps, linkage);
            assert_eq!(merges.len(), 3, "{linkage}");
            let first_two: Vec<(usize, usize)> = merges[..2].iter().map(|m| (m.left.min(m.right), m.left.max(m.right))).collect();
            assert!(first_two.contains(&(0, 1)) && first_two.contains(&(2, 3)), "{linkage}: {merges:?}");
            assert_eq!(merges[2].size, 4);
            assert!(merges[2].distance > merges[1].distance, "{linkage}");
            assert_eq!(cut(4, &merges, 2), [1, 1, 2, 2]);
            assert_eq!(cut(4, &merges, 4), [1, 2, 3, 4]);
            assert_eq!(cut(4, &merges, 1), [1, 1, 1, 1]);
        }
    }

    #[test]
    fn average_linkage_distance_is_the_mean_cosine_distance_of_the_members() {
        let ps = four();
        let merges = cluster(&ps, Linkage::Average);
        let d = |i: usize, j: usize| 1.0 - cosine(&ps[i].scores, &ps[j].scores);
        let expected = (d(0, 2) + d(0, 3) + d(1, 2) + d(1, 3)) / 4.0;
        assert!((merges[2].distance - expected).abs() < 1e-12, "{} {expected}", merges[2].distance);
        let complete = cluster(&ps, Linkage::Complete);
        assert!((complete[2].distance - d(0, 2).max(d(1, 3))).abs() < 1e-12);
    }

    #[test]
    fn leaf_order_keeps_alike_profiles_together() {
        let ps = vec![p("A", &[1.0, 0.0]), p("C", &[0.0, 1.0]), p("B", &[0.9, 0.1]), p("D", &[0.1, 0.9])];
        let order = leaf_order(4, &cluster(&ps, Linkage::Average));
        let position = |i: usize| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(position(0).abs_diff(position(2)), 1, "{order:?}");
        assert_eq!(position(1).abs_diff(position(3)), 1, "{order:?}");
        assert_eq!(leaf_order(1, &[]), [0]);
        assert!(cluster(&ps[..1], Linkage::Ward).is_empty());
    }

    #[test]
    fn linkages_parse_by_name() {
        assert_eq!("ward".parse::<Linkage>().unwrap(), Linkage::Ward);
        assert!("single".parse::<Linkage>().unwrap_err().contains("average, complete, ward"));
    }
}

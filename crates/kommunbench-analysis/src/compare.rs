//! One municipality against the others: its gaps, the areas where it
//! lies below its peers' median, and its nearest peers with the gaps each
//! of them covers. What `kommunbench compare` prints.

use crate::benchmark::Benchmark;
use crate::metrics::below_peer_median;
use crate::peers::nearest;
use crate::profile::Profile;

/// A municipality compared with the rest of a benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    /// Its profile.
    pub profile: &'a Profile,
    /// Areas (indices into the framework) it does not cover.
    pub gaps: Vec<usize>,
    /// Areas where its score lies below the median of the others.
    pub below_peer_median: Vec<usize>,
    /// Its nearest peers, most alike first.
    pub nearest: Vec<NearPeer<'a>>,
}

/// A peer and how alike it is.
#[derive(Debug, Clone, PartialEq)]
pub struct NearPeer<'a> {
    /// The peer's profile.
    pub profile: &'a Profile,
    /// Cosine of the two coverage profiles.
    pub cosine: f64,
    /// Jaccard of the two sets of covered areas.
    pub jaccard: f64,
    /// The municipality's gaps that this peer covers.
    pub fills: Vec<usize>,
}

impl Benchmark {
    /// The municipality named `name` (in any case) or coded `name`
    /// against the others, with its `top` nearest peers; `None` when the
    /// benchmark has no such row.
    pub fn compare(&self, name: &str, top: usize) -> Option<Comparison<'_>> {
        let me = self.find(name)?;
        let gaps: Vec<usize> = (0..me.covered.len()).filter(|&i| !me.covered[i]).collect();
        let all: Vec<&Profile> = self.profiles().iter().collect();
        let nearest = nearest(self.profiles(), me, top)
            .into_iter()
            .map(|(profile, cosine, jaccard)| {
                let fills = gaps.iter().copied().filter(|&i| profile.covered[i]).collect();
                NearPeer { profile, cosine, jaccard, fills }
            })
            .collect();
        Some(Comparison { profile: me, below_peer_median: below_peer_median(me, &all), gaps, nearest })
    }
}

#[cfg(test)]
mod tests {
    use kommunbench_ingest::Ingester;

    use crate::Pipeline;

    #[test]
    fn a_municipality_against_the_others_by_any_case_of_its_name() {
        let ingester = Ingester::new();
        let docs = vec![
            ingester.ingest_str("vaggeryd", "Mål\n\nDelmål\n\nArbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n").unwrap(),
            ingester
                .ingest_str("hedemora", "Integrationsplan\n\nVi vill:\n\n- Fler i arbete\n- Bättre språkkunskaper och sfi för vuxna\n- Ett aktivt arbete mot diskriminering\n")
                .unwrap(),
        ];
        let bench = Pipeline::builder().build().unwrap().run(&docs);
        let c = bench.compare("VAGGERYD", 5).unwrap();
        assert_eq!(c.profile.name(), "Vaggeryd");
        assert_eq!(bench.compare("0665", 5).unwrap().profile.name(), "Vaggeryd", "found by its code");
        assert_eq!(c.nearest.len(), 1);
        let peer = &c.nearest[0];
        assert_eq!(peer.profile.name(), "Hedemora");
        assert!(peer.fills.iter().all(|i| c.gaps.contains(i) && peer.profile.covered[*i]));
        assert!(!peer.fills.is_empty(), "Hedemora covers areas Vaggeryd does not");
        assert!(bench.compare("Åby", 5).is_none());
    }
}

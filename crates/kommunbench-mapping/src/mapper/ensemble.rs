//! Several mappers voting: each score is rescaled so that the member's own
//! threshold sits at 0.5, then the weighted mean is taken.

use super::{AreaScore, Mapper, Unit};

/// A weighted combination of mappers, accepted at 0.5.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_ingest::Ingester;
/// use kommunbench_mapping::{EnsembleMapper, LexiconMapper, Lexicon, SimilarityMapper, Mapper};
///
/// let framework = Framework::builtin("se-2008")?;
/// let lexicon = Lexicon::builtin(&framework)?;
/// let ensemble = EnsembleMapper::new()
///     .with(LexiconMapper::new(lexicon.clone()), 2.0)
///     .with(SimilarityMapper::fit(&framework, &lexicon, &[]), 1.0);
/// assert_eq!(ensemble.threshold(), 0.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct EnsembleMapper {
    members: Vec<(Box<dyn Mapper>, f64)>,
}

/// Maps `score` so that `threshold` becomes 0.5, keeping 0 and 1 in place.
fn rescale(score: f64, threshold: f64) -> f64 {
    let t = threshold.clamp(1e-9, 1.0 - 1e-9);
    if score < t { 0.5 * score / t } else { 0.5 + 0.5 * (score - t) / (1.0 - t) }
}

impl EnsembleMapper {
    /// An ensemble with no members yet.
    pub fn new() -> EnsembleMapper {
        EnsembleMapper::default()
    }

    /// Adds a member with a weight.
    #[must_use]
    pub fn with(mut self, mapper: impl Mapper + 'static, weight: f64) -> Self {
        self.members.push((Box::new(mapper), weight));
        self
    }
}

impl Mapper for EnsembleMapper {
    fn method(&self) -> &'static str {
        "ensemble"
    }

    fn threshold(&self) -> f64 {
        0.5
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let total: f64 = self.members.iter().map(|(_, w)| w).sum();
        let mut out: Vec<AreaScore> = Vec::new();
        for (mapper, weight) in &self.members {
            for s in mapper.score(unit) {
                if out.len() <= s.area {
                    out.resize_with(s.area + 1, AreaScore::default);
                }
                let slot = &mut out[s.area];
                slot.area = s.area;
                slot.score += weight * rescale(s.score, mapper.threshold()) / total.max(f64::MIN_POSITIVE);
                slot.evidence.extend(s.evidence);
                slot.omitted += s.omitted;
            }
        }
        for (i, s) in out.iter_mut().enumerate() {
            s.area = i;
            s.score = s.score.clamp(0.0, 1.0);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::rescale;

    #[test]
    fn rescaling_puts_the_threshold_at_one_half() {
        assert!((rescale(0.6, 0.6) - 0.5).abs() < 1e-12);
        assert!(rescale(0.0, 0.6).abs() < 1e-12);
        assert!((rescale(1.0, 0.6) - 1.0).abs() < 1e-12);
        assert!((rescale(0.3, 0.6) - 0.25).abs() < 1e-12);
    }
}

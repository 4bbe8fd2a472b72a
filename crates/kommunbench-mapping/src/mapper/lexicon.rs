//! The default mapper: lexicon terms with weights, explainable hit by hit.

use std::collections::HashMap;

use kommunbench_core::{Framework, Span};

use super::{AreaScore, Evidence, Mapper, Role, Unit};
use crate::lexicon::{Lexicon, LexiconError};

/// Scores units by the lexicon terms they contain.
///
/// A unit's score for an area is `1 - exp(-w)`, where `w` sums the weights
/// of the area's hits: a title hit weighs `title_weight` times more, and
/// the k-th hit of the same term counts `1/k`. One strong term (weight 1)
/// gives 0.63, past the default threshold of 0.6.
///
/// ```
/// use kommunbench_core::{Framework, Ingester};
/// use kommunbench_mapping::{Aligner, LexiconMapper};
///
/// let framework = Framework::builtin("se-2008")?;
/// let mapper = LexiconMapper::builtin(&framework)?;
/// let doc = Ingester::new().ingest_str("x", "Integrationsplan\n\n\
///     I kommunen råder nolltolerans mot rasism och diskriminering.\n")?;
/// let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
/// let discrimination = &mapping.coverage[4];
/// assert!(discrimination.covered);
/// assert_eq!(discrimination.evidence[0].sentence, "I kommunen råder nolltolerans mot rasism och diskriminering.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct LexiconMapper {
    lexicon: Lexicon,
}

impl LexiconMapper {
    /// A mapper with the lexicon that ships for a built-in framework.
    pub fn builtin(framework: &Framework) -> Result<LexiconMapper, LexiconError> {
        Ok(LexiconMapper { lexicon: Lexicon::builtin(framework)? })
    }

    /// A mapper with this lexicon.
    pub fn new(lexicon: Lexicon) -> LexiconMapper {
        LexiconMapper { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

impl Mapper for LexiconMapper {
    fn method(&self) -> &'static str {
        "lexicon"
    }

    fn threshold(&self) -> f64 {
        self.lexicon.scoring().threshold
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let areas = self.lexicon.area_count();
        let mut weight = vec![0.0; areas];
        let mut evidence: Vec<Vec<Evidence>> = vec![Vec::new(); areas];
        let mut seen: HashMap<(usize, String), f64> = HashMap::new();
        let title_weight = self.lexicon.scoring().title_weight;
        for &(piece, role) in &unit.pieces {
            let text = unit.document.slice(piece);
            for hit in self.lexicon.find(text) {
                let k = seen.entry((hit.area, hit.term.clone())).or_insert(0.0);
                *k += 1.0;
                let role_weight = if role == Role::Title { title_weight } else { 1.0 };
                weight[hit.area] += hit.weight * role_weight / *k;
                let span = Span::new(piece.start + hit.start, piece.start + hit.end);
                evidence[hit.area].push(Evidence::at(unit.document, hit.term, piece, span));
            }
        }
        weight
            .into_iter()
            .zip(evidence)
            .enumerate()
            .map(|(area, (w, evidence))| AreaScore { area, score: 1.0 - (-w).exp(), evidence })
            .collect()
    }
}

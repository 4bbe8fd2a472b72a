//! The default mapper: lexicon terms with weights, explainable hit by hit.

use std::sync::Arc;

use kommunbench_core::{Framework, Span};
use rustc_hash::FxHashMap;

use super::{AreaScore, Evidence, Mapper, Role, Sentences, Unit};
use crate::lexicon::{Hit, Lexicon, LexiconError};

/// Scores units by the lexicon terms they contain.
///
/// A unit's score for an area is `1 - exp(-w)`, where `w` sums the weights
/// of the area's hits: a title hit weighs `title_weight` times more, and
/// the k-th hit of the same term counts `1/k`. One strong term (weight 1)
/// gives 0.63, past the default threshold of 0.6.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_ingest::Ingester;
/// use kommunbench_mapping::{Aligner, LexiconMapper};
///
/// let framework = Framework::builtin("se-2008")?;
/// let mapper = LexiconMapper::builtin(&framework)?;
/// let doc = Ingester::new().ingest_str("x", "Integrationsplan\n\n\
///     I kommunen råder nolltolerans mot rasism och diskriminering.\n")?;
/// let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
/// let discrimination = &mapping.coverage[4];
/// assert!(discrimination.covered);
/// assert_eq!(&*discrimination.evidence[0].sentence, "I kommunen råder nolltolerans mot rasism och diskriminering.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct LexiconMapper {
    lexicon: Lexicon,
    spans_only: bool,
}

impl LexiconMapper {
    /// A mapper with the lexicon that ships for a built-in framework.
    pub fn builtin(framework: &Framework) -> Result<LexiconMapper, LexiconError> {
        Ok(LexiconMapper::new(Lexicon::builtin(framework)?))
    }

    /// A mapper with this lexicon.
    pub fn new(lexicon: Lexicon) -> LexiconMapper {
        LexiconMapper { lexicon, spans_only: false }
    }

    /// A mapper whose evidence keeps its term, span and page but not the
    /// words and sentence around them (left empty), for a caller that only
    /// counts evidence (`kommunbench coverage`): tidying every hit's
    /// sentence is most of the cost of evidence. Scores, coverage and
    /// evidence counts are the same.
    ///
    /// ```
    /// use kommunbench_core::Framework;
    /// use kommunbench_ingest::Ingester;
    /// use kommunbench_mapping::{Aligner, LexiconMapper};
    ///
    /// let framework = Framework::builtin("se-2008")?;
    /// let doc = Ingester::new().ingest_str("x", "Integrationsplan\n\nVi arbetar mot rasism och diskriminering.\n")?;
    /// let full = LexiconMapper::builtin(&framework)?;
    /// let spans = full.clone().spans_only();
    /// let (a, b) = (Aligner::new(&framework, &full).coverage(&doc), Aligner::new(&framework, &spans).coverage(&doc));
    /// assert_eq!(a[4].evidence_count, b[4].evidence_count);
    /// assert_eq!(a[4].evidence[0].span, b[4].evidence[0].span);
    /// assert!(b[4].evidence[0].sentence.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn spans_only(mut self) -> LexiconMapper {
        self.spans_only = true;
        self
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
        let Some(cover) = unit.pieces.iter().map(|p| p.0).reduce(Span::cover) else {
            return self.tally(unit, &[], Span::default());
        };
        let hits = self.lexicon.find(unit.document.slice(cover));
        self.tally(unit, &hits, cover)
    }

    fn score_all(&self, units: &[Unit<'_>]) -> Vec<Vec<AreaScore>> {
        let mut all = Vec::with_capacity(units.len());
        self.score_each(units, &mut |_, scores| all.push(scores));
        all
    }

    /// One pass of the lexicon over the whole document serves every unit.
    fn score_each(&self, units: &[Unit<'_>], f: &mut dyn FnMut(usize, Vec<AreaScore>)) {
        let Some(first) = units.first() else { return };
        if units.iter().any(|u| !std::ptr::eq(u.document, first.document)) {
            for (i, unit) in units.iter().enumerate() {
                f(i, self.score(unit));
            }
            return;
        }
        let whole = Span::new(0, first.document.text.len());
        let hits = self.lexicon.find(&first.document.text);
        for (i, unit) in units.iter().enumerate() {
            f(i, self.tally(unit, &hits, whole));
        }
    }
}

impl LexiconMapper {
    /// The most pieces of evidence kept for one term in one unit, in text
    /// order; the hits after count in the score and in
    /// [`AreaScore::omitted`]. The 1000th hit of a term adds a thousandth
    /// of its weight, and no policy a reader meets repeats a term that
    /// often: the cap bounds the memory and the `evidence.csv` of a text
    /// made of one phrase repeated, to the lexicon's size times this.
    pub const EVIDENCE_PER_TERM: usize = 1000;

    /// Scores a unit from the hits found in `within` (a span of its
    /// document): hits that start inside one of the unit's pieces count.
    fn tally(&self, unit: &Unit<'_>, hits: &[Hit], within: Span) -> Vec<AreaScore> {
        let areas = self.lexicon.area_count();
        let mut weight = vec![0.0; areas];
        let mut evidence: Vec<Vec<Evidence>> = vec![Vec::new(); areas];
        let mut omitted = vec![0; areas];
        // Hashed with rustc-hash: every hit goes in.
        let mut seen: FxHashMap<(usize, Arc<str>), f64> = FxHashMap::default();
        let title_weight = self.lexicon.scoring().title_weight;
        let mut sentences = if self.spans_only { Sentences::spans_only() } else { Sentences::default() };
        for &(piece, role) in &unit.pieces {
            let first = hits.partition_point(|h| within.start + h.start < piece.start);
            // A hit counts where it lies inside the piece: a rule whose
            // terms stand in a neighbouring item of the same sentence does not.
            for hit in hits[first..]
                .iter()
                .take_while(|h| within.start + h.start < piece.end)
                .filter(|h| within.start + h.end <= piece.end)
            {
                let k = seen.entry((hit.area, Arc::clone(&hit.term))).or_insert(0.0);
                *k += 1.0;
                let role_weight = if role == Role::Title { title_weight } else { 1.0 };
                weight[hit.area] += hit.weight * role_weight / *k;
                if *k > Self::EVIDENCE_PER_TERM as f64 {
                    omitted[hit.area] += 1;
                    continue;
                }
                let span = Span::new(within.start + hit.start, (within.start + hit.end).min(piece.end));
                evidence[hit.area].push(sentences.evidence(unit.document, Arc::clone(&hit.term), piece, span));
            }
        }
        weight
            .into_iter()
            .zip(evidence)
            .zip(omitted)
            .enumerate()
            .map(|(area, ((w, evidence), omitted))| AreaScore { area, score: 1.0 - (-w).exp(), evidence, omitted })
            .collect()
    }
}

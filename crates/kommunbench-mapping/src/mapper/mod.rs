//! Mappers decide which areas a unit of text addresses, how strongly and
//! on what evidence; the [`Aligner`](crate::Aligner) runs one over documents.

mod ensemble;
mod evidence;
mod kind;
mod lexicon;
mod manual;
mod similarity;
mod unit;

pub use ensemble::EnsembleMapper;
pub(crate) use evidence::Sentences;
pub use evidence::{Evidence, evidence_summary};
pub use kind::{MapperKind, UnknownMapper};
pub use lexicon::LexiconMapper;
pub use manual::{ManualMapper, ManualMapperError};
pub use similarity::SimilarityMapper;
pub use unit::{Role, Unit, UnitKind};

use serde::Serialize;

/// A unit's score for one area.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AreaScore {
    /// Index of the area in the framework.
    pub area: usize,
    /// Score in [0, 1].
    pub score: f64,
    /// What the score rests on.
    pub evidence: Vec<Evidence>,
    /// Pieces of evidence the score rests on that `evidence` does not
    /// hold: a mapper may keep only the first ones of a term (the lexicon
    /// mapper keeps [`LexiconMapper::EVIDENCE_PER_TERM`]), so that a text
    /// repeating a term a million times costs no more than one repeating it
    /// a thousand times. 0 when `evidence` is complete.
    pub omitted: usize,
}

impl AreaScore {
    /// How many pieces of evidence the score rests on, kept or not.
    pub fn evidence_count(&self) -> usize {
        self.evidence.len() + self.omitted
    }
}

/// Scores units of text against the areas of a framework.
///
/// Implement it to plug in your own method (embeddings computed elsewhere,
/// a classifier); the [`Aligner`](crate::Aligner) and everything downstream treat it like
/// the built-in mappers.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_mapping::{Aligner, AreaScore, Mapper, Unit};
///
/// /// Says every unit mentioning "skola" is about school.
/// struct SchoolWord;
///
/// impl Mapper for SchoolWord {
///     fn method(&self) -> &str { "school-word" }
///     fn threshold(&self) -> f64 { 0.5 }
///     fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
///         let school = unit.text().to_lowercase().contains("skola");
///         (0..7).map(|area| AreaScore { area, score: if school && area == 2 { 1.0 } else { 0.0 }, ..Default::default() }).collect()
///     }
/// }
///
/// let framework = Framework::builtin("se-2008")?;
/// let doc = kommunbench_ingest::Ingester::new().ingest_str("x", "Mål\n\nVår skola ska vara bra för alla elever.\n")?;
/// let mapping = Aligner::new(&framework, &SchoolWord).map_document(&doc);
/// let covered: Vec<_> = mapping.coverage.iter().filter(|c| c.covered).map(|c| c.area.as_str()).collect();
/// assert_eq!(covered, ["school"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Mapper: Send + Sync {
    /// The method's name in output (`lexicon`, `similarity`, ...).
    fn method(&self) -> &str;
    /// Scores at or above this are accepted.
    fn threshold(&self) -> f64;
    /// One score per area of the framework, in the framework's order.
    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore>;

    /// Scores many units at once (all of one document when called by the
    /// [`Aligner`](crate::Aligner)); override it when shared work makes that cheaper.
    fn score_all(&self, units: &[Unit<'_>]) -> Vec<Vec<AreaScore>> {
        units.iter().map(|u| self.score(u)).collect()
    }

    /// Scores many units and hands each unit's scores to `f` (with the
    /// unit's index in `units`) as soon as they are made, so that a caller
    /// which keeps little of them holds one unit's evidence at a time: what
    /// the [`Aligner`](crate::Aligner) calls. The default hands on what
    /// [`Mapper::score_all`] returns; override it together with `score_all`
    /// when the shared work can be done once and each unit scored after.
    fn score_each(&self, units: &[Unit<'_>], f: &mut dyn FnMut(usize, Vec<AreaScore>)) {
        for (i, scores) in self.score_all(units).into_iter().enumerate() {
            f(i, scores);
        }
    }
}

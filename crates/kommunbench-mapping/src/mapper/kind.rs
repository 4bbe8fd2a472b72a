//! The built-in mappers by name, and their recipes: one place that says
//! what `--mapper ensemble` or `mapper="ensemble"` is.

use std::fmt;
use std::str::FromStr;

use kommunbench_core::{Framework, PolicyDocument};

use super::{EnsembleMapper, LexiconMapper, Mapper, SimilarityMapper};
use crate::Lexicon;

/// A built-in mapper, by the name the command line and Python use.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_mapping::{Lexicon, MapperKind};
///
/// let kind: MapperKind = "ensemble".parse()?;
/// assert_eq!(kind.to_string(), "ensemble");
/// let framework = Framework::builtin("se-2008")?;
/// let mapper = kind.build(&framework, Lexicon::builtin(&framework)?, &[]);
/// assert_eq!(mapper.method(), "ensemble");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapperKind {
    /// Lexicon terms with weights: fast and explainable (the default).
    #[default]
    Lexicon,
    /// TF-IDF similarity to each area's profile, fitted on the corpus.
    Similarity,
    /// The lexicon (weight 2) and similarity (weight 1) together.
    Ensemble,
}

impl MapperKind {
    /// Every built-in mapper.
    pub const ALL: [MapperKind; 3] = [MapperKind::Lexicon, MapperKind::Similarity, MapperKind::Ensemble];

    /// Its name: `lexicon`, `similarity`, `ensemble`.
    pub fn as_str(self) -> &'static str {
        match self {
            MapperKind::Lexicon => "lexicon",
            MapperKind::Similarity => "similarity",
            MapperKind::Ensemble => "ensemble",
        }
    }

    /// Whether [`MapperKind::build`] fits the mapper on the corpus (the
    /// similarity mapper and the ensemble, which holds one): such a mapper
    /// needs every document read before it can map one.
    pub fn fits_corpus(self) -> bool {
        !matches!(self, MapperKind::Lexicon)
    }

    /// The mapper for `framework` with `lexicon`; the similarity mapper's
    /// inverse document frequencies are fitted on `corpus`.
    pub fn build(self, framework: &Framework, lexicon: Lexicon, corpus: &[PolicyDocument]) -> Box<dyn Mapper> {
        match self {
            MapperKind::Lexicon => Box::new(LexiconMapper::new(lexicon)),
            MapperKind::Similarity => Box::new(SimilarityMapper::fit(framework, &lexicon, corpus)),
            MapperKind::Ensemble => Box::new(
                EnsembleMapper::new()
                    .with(SimilarityMapper::fit(framework, &lexicon, corpus), 1.0)
                    .with(LexiconMapper::new(lexicon), 2.0),
            ),
        }
    }
}

impl fmt::Display for MapperKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a built-in mapper's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown mapper `{0}` (built in: lexicon, similarity, ensemble)")]
pub struct UnknownMapper(pub String);

impl FromStr for MapperKind {
    type Err = UnknownMapper;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MapperKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| UnknownMapper(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for kind in MapperKind::ALL {
            assert_eq!(kind.to_string().parse::<MapperKind>(), Ok(kind));
        }
        assert_eq!(
            "tfidf".parse::<MapperKind>().unwrap_err().to_string(),
            "unknown mapper `tfidf` (built in: lexicon, similarity, ensemble)"
        );
    }
}

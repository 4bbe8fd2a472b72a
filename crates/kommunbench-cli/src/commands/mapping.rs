//! What `map`, `coverage` and `evaluate` share: choosing the framework,
//! the lexicon and the mapper.

use std::path::PathBuf;

use clap::ValueEnum;
use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_mapping::{EnsembleMapper, Lexicon, LexiconMapper, Mapper, SimilarityMapper};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum MapperKind {
    /// Lexicon terms with weights: fast and explainable (default).
    Lexicon,
    /// TF-IDF similarity to each area's profile.
    Similarity,
    /// Lexicon (weight 2) and similarity (weight 1) together.
    Ensemble,
}

/// The framework and mapper to use.
#[derive(Debug, clap::Args)]
pub(crate) struct MapperArgs {
    /// A built-in framework id (se-2008, se-2025) or a framework file (.toml, .json).
    #[arg(long, default_value = Framework::DEFAULT, value_name = "ID|FILE")]
    pub framework: String,
    /// A lexicon file for the framework (built-in frameworks have one).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// The mapper.
    #[arg(long, value_enum, default_value_t = MapperKind::Lexicon)]
    pub mapper: MapperKind,
}

impl MapperArgs {
    /// The framework and a mapper for it; the similarity mapper's IDF is
    /// fitted on `corpus`.
    pub(crate) fn build(&self, corpus: &[PolicyDocument]) -> anyhow::Result<(Framework, Box<dyn Mapper>)> {
        let framework = Framework::resolve(&self.framework)?;
        let lexicon = match &self.lexicon {
            Some(path) => Lexicon::from_path(path, &framework)?,
            None => Lexicon::builtin(&framework)?,
        };
        let mapper: Box<dyn Mapper> = match self.mapper {
            MapperKind::Lexicon => Box::new(LexiconMapper::new(lexicon)),
            MapperKind::Similarity => Box::new(SimilarityMapper::fit(&framework, &lexicon, corpus)),
            MapperKind::Ensemble => Box::new(
                EnsembleMapper::new()
                    .with(SimilarityMapper::fit(&framework, &lexicon, corpus), 1.0)
                    .with(LexiconMapper::new(lexicon), 2.0),
            ),
        };
        Ok((framework, mapper))
    }
}

//! The lexicon file: its TOML shape, the built-in lexicons, loading, and
//! the errors a file can have.

use std::path::{Path, PathBuf};

use kommunbench_core::Framework;
use serde::Deserialize;

use super::Lexicon;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLexicon {
    pub(super) framework: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) scoring: Scoring,
    #[serde(default)]
    pub(super) entries: Vec<RawEntry>,
    #[serde(default)]
    pub(super) rules: Vec<RawRule>,
}

/// How matches become scores.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// A unit addresses an area when its score reaches this (default 0.6).
    #[serde(default = "default_threshold", deserialize_with = "positive")]
    pub threshold: f64,
    /// Matches in a priority's title weigh this much more (default 1.5).
    #[serde(default = "default_title_weight", deserialize_with = "positive")]
    pub title_weight: f64,
}

fn default_threshold() -> f64 {
    0.6
}

fn default_title_weight() -> f64 {
    1.5
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring { threshold: default_threshold(), title_weight: default_title_weight() }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub(super) area: String,
    #[serde(default = "one", deserialize_with = "positive")]
    pub(super) weight: f64,
    pub(super) terms: Vec<String>,
    #[serde(default)]
    pub(super) exclude: Vec<String>,
    #[serde(default)]
    pub(super) not_after: Vec<String>,
    #[serde(default)]
    pub(super) not_before: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) area: String,
    #[serde(default = "one", deserialize_with = "positive")]
    pub(super) weight: f64,
    /// Groups of terms: one term of every group in one sentence.
    pub(super) all: Vec<Vec<String>>,
}

fn one() -> f64 {
    1.0
}

/// A threshold or a weight: a finite number above zero. A threshold of 0
/// would call every area covered, and NaN or infinity would make every
/// score NaN or infinite; the file's line is named (the TOML reader
/// places the error at the value).
fn positive<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(deserializer)?;
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(format!("must be a number above 0, not {value}")))
    }
}

/// A lexicon that could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// No lexicon ships for this framework.
    #[error("no built-in lexicon for framework `{0}` (built in: se-2008, se-2025); give one with --lexicon FILE")]
    Missing(String),
}

const BUILTIN: [(&str, &str); 2] = [
    ("se-2008", include_str!("../../data/lexicons/se-2008.toml")),
    ("se-2025", include_str!("../../data/lexicons/se-2025.toml")),
];

/// Reads a lexicon file's TOML; `origin` names it in errors.
pub(super) fn read(text: &str, origin: &Path) -> Result<RawLexicon, LexiconError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        LexiconError::Invalid { path: origin.to_owned(), line, message: e.message().to_owned() }
    })
}

impl Lexicon {
    /// The lexicon that ships for a built-in framework.
    pub fn builtin(framework: &Framework) -> Result<Lexicon, LexiconError> {
        let id = framework.id().as_str();
        let (_, text) = BUILTIN.iter().find(|(name, _)| *name == id).ok_or_else(|| LexiconError::Missing(id.to_owned()))?;
        Self::parse(text, framework, Path::new(&format!("<builtin lexicon {id}>")))
    }

    /// Loads a lexicon file for `framework`.
    pub fn from_path(path: impl AsRef<Path>, framework: &Framework) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let text = kommunbench_core::read_text(path).map_err(|e| LexiconError::Io { path: path.to_owned(), source: e.into() })?;
        Self::parse(&text, framework, path)
    }
}

//! Choosing a mapper from Python: a built-in by name, a Python callable
//! that scores (unit text, area) pairs, or precomputed embeddings.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kommunbench_analysis::cosine;
use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_mapping::{AreaScore, EnsembleMapper, Lexicon, LexiconMapper, Mapper, SimilarityMapper, Unit};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::Error;
use crate::types::PyEmbeddings;

/// Scores each (unit text, area id) pair with a Python callable.
struct CallableMapper {
    function: Py<PyAny>,
    areas: Vec<String>,
    threshold: f64,
    /// The first error the callable raised or caused; mapping stops scoring
    /// after it and the error is raised when mapping ends.
    error: Arc<Mutex<Option<Error>>>,
}

impl CallableMapper {
    fn fail(&self, e: Error) {
        let mut slot = self.error.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.get_or_insert(e);
    }
}

impl Mapper for CallableMapper {
    fn method(&self) -> &'static str {
        "python"
    }

    fn threshold(&self) -> f64 {
        self.threshold
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let zero = |area| AreaScore { area, score: 0.0, evidence: Vec::new() };
        if self.error.lock().map_or(true, |e| e.is_some()) {
            return (0..self.areas.len()).map(zero).collect();
        }
        let text = unit.text();
        Python::attach(|py| {
            (0..self.areas.len())
                .map(|area| {
                    let result =
                        self.function.call1(py, (text.as_str(), self.areas[area].as_str())).and_then(|v| v.extract::<f64>(py));
                    match result {
                        Ok(s) if s.is_finite() => AreaScore { area, score: s.clamp(0.0, 1.0), evidence: Vec::new() },
                        Ok(s) => {
                            self.fail(Error::Mapper(format!(
                                "the mapper returned {s} for area `{}`; scores must be numbers in [0, 1]",
                                self.areas[area]
                            )));
                            zero(area)
                        }
                        Err(e) => {
                            self.fail(Error::Python(e));
                            zero(area)
                        }
                    }
                })
                .collect()
        })
    }
}

/// Cosine of precomputed vectors.
struct EmbeddingMapper {
    units: HashMap<String, Vec<f64>>,
    areas: Vec<Vec<f64>>,
    threshold: f64,
    missing: Arc<Mutex<Vec<String>>>,
}

impl Mapper for EmbeddingMapper {
    fn method(&self) -> &'static str {
        "embeddings"
    }

    fn threshold(&self) -> f64 {
        self.threshold
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let text = unit.text();
        let vector = self.units.get(&text);
        if vector.is_none() {
            self.missing.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(text);
        }
        self.areas
            .iter()
            .enumerate()
            .map(|(area, a)| AreaScore {
                area,
                score: vector.map_or(0.0, |v| cosine(v, a).clamp(0.0, 1.0)),
                evidence: Vec::new(),
            })
            .collect()
    }
}

/// A mapper and what to check once mapping is done.
pub(crate) struct Chosen {
    pub mapper: Box<dyn Mapper>,
    error: Option<Arc<Mutex<Option<Error>>>>,
    missing: Option<Arc<Mutex<Vec<String>>>>,
}

impl Chosen {
    /// The first error a Python mapper raised, or the unit texts that had
    /// no embedding.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let Some(error) = &self.error
            && let Some(e) = error.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()
        {
            return Err(e);
        }
        if let Some(missing) = &self.missing {
            let missing = missing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(first) = missing.first() {
                let example: String = first.chars().take(60).collect();
                return Err(Error::Mapper(format!(
                    "no embedding for {} unit text(s), for example {example:?}; embed every text that `units()` lists",
                    missing.len()
                )));
            }
        }
        Ok(())
    }
}

/// The mapper a Python argument names: `"lexicon"`, `"similarity"`,
/// `"ensemble"`, an `Embeddings`, or a callable `(text, area) -> float`
/// accepted at `threshold`.
pub(crate) fn choose(
    framework: &Framework,
    documents: &[PolicyDocument],
    spec: &Bound<'_, PyAny>,
    threshold: Option<f64>,
) -> Result<Chosen, Error> {
    let areas: Vec<String> = framework.areas().iter().map(|a| a.id.to_string()).collect();
    let builtin = |mapper: Box<dyn Mapper>| Chosen { mapper, error: None, missing: None };
    if let Ok(name) = spec.cast::<PyString>() {
        let name: String = name.extract()?;
        let name = name.as_str();
        let lexicon = || Lexicon::builtin(framework);
        return Ok(match name {
            "lexicon" => builtin(Box::new(LexiconMapper::new(lexicon()?))),
            "similarity" => builtin(Box::new(SimilarityMapper::fit(framework, &lexicon()?, documents))),
            "ensemble" => builtin(Box::new(
                EnsembleMapper::new()
                    .with(SimilarityMapper::fit(framework, &lexicon()?, documents), 1.0)
                    .with(LexiconMapper::new(lexicon()?), 2.0),
            )),
            other => {
                return Err(Error::Mapper(format!(
                    "unknown mapper `{other}` (lexicon, similarity, ensemble, an Embeddings, or a callable)"
                )));
            }
        });
    }
    if let Ok(embeddings) = spec.cast::<PyEmbeddings>() {
        let e = embeddings.get();
        let mut vectors = Vec::new();
        for area in &areas {
            let v = e
                .areas
                .get(area)
                .ok_or_else(|| Error::UnknownArea(format!("no embedding for area `{area}` of {}", framework.id())))?;
            vectors.push(v.clone());
        }
        if let Some(extra) = e.areas.keys().find(|k| !areas.contains(k)) {
            return Err(Error::UnknownArea(format!(
                "embedding for `{extra}`, which is not an area of {} ({})",
                framework.id(),
                areas.join(", ")
            )));
        }
        let missing = Arc::new(Mutex::new(Vec::new()));
        let mapper = EmbeddingMapper {
            units: e.units.clone(),
            areas: vectors,
            threshold: threshold.unwrap_or(e.threshold),
            missing: Arc::clone(&missing),
        };
        return Ok(Chosen { mapper: Box::new(mapper), error: None, missing: Some(missing) });
    }
    if spec.is_callable() {
        let error = Arc::new(Mutex::new(None));
        let mapper = CallableMapper {
            function: spec.clone().unbind(),
            areas,
            threshold: threshold.unwrap_or(0.5),
            error: Arc::clone(&error),
        };
        return Ok(Chosen { mapper: Box::new(mapper), error: Some(error), missing: None });
    }
    Err(Error::Mapper(format!(
        "cannot use {} as a mapper (lexicon, similarity, ensemble, an Embeddings, or a callable)",
        spec.get_type().name()?
    )))
}

//! Choosing a mapper from Python: a built-in by name, a Python callable
//! that scores (unit text, area) pairs, or precomputed embeddings.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kommunbench_analysis::{Pipeline, PipelineBuilder, cosine};
use kommunbench_core::Framework;
use kommunbench_mapping::{AreaScore, Mapper, MapperKind, Unit, UnknownMapper};
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
        let zero = |area| AreaScore { area, ..AreaScore::default() };
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
                        Ok(s) if s.is_finite() => AreaScore { area, score: s.clamp(0.0, 1.0), ..AreaScore::default() },
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
                ..AreaScore::default()
            })
            .collect()
    }
}

/// The pipeline a Python mapper argument describes, and what to check
/// once mapping is done.
pub(crate) struct Chosen {
    pub pipeline: Pipeline,
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

/// The pipeline for a Python mapper argument: `"lexicon"`, `"similarity"`,
/// `"ensemble"` (the library's own, by name), an `Embeddings`, or a
/// callable `(text, area) -> float`; set on `builder` (the threshold, peer
/// groups and rows the caller asked for).
pub(crate) fn choose(framework: Framework, spec: &Bound<'_, PyAny>, builder: PipelineBuilder) -> Result<Chosen, Error> {
    let areas: Vec<String> = framework.areas().iter().map(|a| a.id.to_string()).collect();
    let done = |builder: PipelineBuilder, error, missing| -> Result<Chosen, Error> {
        Ok(Chosen { pipeline: builder.build()?, error, missing })
    };
    if let Ok(name) = spec.cast::<PyString>() {
        let name: String = name.extract()?;
        let kind: MapperKind = name.parse().map_err(|e: UnknownMapper| {
            Error::Mapper(format!("{e}; or give an Embeddings, or a callable (text, area) -> float"))
        })?;
        return done(builder.framework_value(framework).mapper(kind), None, None);
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
        let mapper =
            EmbeddingMapper { units: e.units.clone(), areas: vectors, threshold: e.threshold, missing: Arc::clone(&missing) };
        return done(builder.framework_value(framework).custom_mapper(Box::new(mapper)), None, Some(missing));
    }
    if spec.is_callable() {
        let error = Arc::new(Mutex::new(None));
        let mapper = CallableMapper { function: spec.clone().unbind(), areas, threshold: 0.5, error: Arc::clone(&error) };
        return done(builder.framework_value(framework).custom_mapper(Box::new(mapper)), Some(error), None);
    }
    Err(Error::Mapper(format!(
        "cannot use {} as a mapper (lexicon, similarity, ensemble, an Embeddings, or a callable)",
        spec.get_type().name()?
    )))
}

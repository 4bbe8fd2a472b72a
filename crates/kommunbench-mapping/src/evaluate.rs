//! Mapper output against hand coding, at document and priority level.

use std::collections::HashMap;
use std::path::PathBuf;

use kommunbench_core::{Framework, PolicyDocument};
use serde::Serialize;

use crate::agreement::{Agreement, Cell};
use crate::gold::{GoldDocuments, GoldPriorities, normalise_title};
use crate::mapper::DocumentMapping;

/// A coding that does not fit the corpus.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvaluationError {
    /// The coding names documents the corpus does not have.
    #[error("{}: {} not in the corpus: {}", path.display(), if documents.len() == 1 { "document is" } else { "documents are" }, documents.join(", "))]
    UnknownDocuments {
        /// The coding file.
        path: PathBuf,
        /// The ids it names that were not ingested.
        documents: Vec<String>,
    },
}

/// A gold priority that no extracted priority matches by title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The document.
    pub document: String,
    /// The gold title.
    pub priority: String,
}

/// The cells compared at one level, ready for [`Agreement`].
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Unit x area cells, ambiguous ones left out.
    pub cells: Vec<Cell>,
    /// Gold priorities no extracted priority matched (scored as mapping to nothing).
    pub unmatched: Vec<Unmatched>,
}

fn names(framework: &Framework) -> Vec<String> {
    framework.areas().iter().map(|a| a.id.to_string()).collect()
}

/// Compares document-level coverage with a document-level coding.
pub fn compare_documents(gold: &GoldDocuments, mappings: &[DocumentMapping]) -> Result<Comparison, EvaluationError> {
    let by_id: HashMap<&str, &DocumentMapping> = mappings.iter().map(|m| (m.document.as_str(), m)).collect();
    let unknown: Vec<String> =
        gold.rows.iter().filter(|r| !by_id.contains_key(r.document.as_str())).map(|r| r.document.clone()).collect();
    if !unknown.is_empty() {
        return Err(EvaluationError::UnknownDocuments { path: gold.path.clone(), documents: unknown });
    }
    let mut cells = Vec::new();
    for (unit, row) in gold.rows.iter().enumerate() {
        let mapping = by_id[row.document.as_str()];
        for (area, value) in row.values.iter().enumerate() {
            if let (Some(gold), Some(c)) = (value, mapping.coverage.get(area)) {
                cells.push(Cell { unit, area, gold: *gold, predicted: c.covered });
            }
        }
    }
    Ok(Comparison { cells, unmatched: Vec::new() })
}

/// Compares the accepted areas of each priority with a priority-level
/// coding; priorities are matched by title.
pub fn compare_priorities(
    framework: &Framework,
    gold: &GoldPriorities,
    documents: &[PolicyDocument],
    mappings: &[DocumentMapping],
) -> Result<Comparison, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let maps: HashMap<&str, &DocumentMapping> = mappings.iter().map(|m| (m.document.as_str(), m)).collect();
    let mut unknown: Vec<String> = gold
        .rows
        .iter()
        .filter(|r| !maps.contains_key(r.document.as_str()) || !docs.contains_key(r.document.as_str()))
        .map(|r| r.document.clone())
        .collect();
    unknown.dedup();
    if !unknown.is_empty() {
        return Err(EvaluationError::UnknownDocuments { path: gold.path.clone(), documents: unknown });
    }
    let mut out = Comparison::default();
    for (unit, row) in gold.rows.iter().enumerate() {
        let doc = docs[row.document.as_str()];
        let mapping = maps[row.document.as_str()];
        let wanted = normalise_title(&row.priority);
        let found = doc.priorities.iter().position(|p| normalise_title(&p.title) == wanted);
        let predicted: Vec<String> = if let Some(i) = found {
            mapping.priority_areas(i).into_iter().map(ToString::to_string).collect()
        } else {
            out.unmatched.push(Unmatched { document: row.document.clone(), priority: row.priority.clone() });
            Vec::new()
        };
        for (area, a) in framework.areas().iter().enumerate() {
            if row.uncertain.contains(&area) {
                continue;
            }
            out.cells.push(Cell {
                unit,
                area,
                gold: row.areas.contains(&area),
                predicted: predicted.iter().any(|p| p == a.id.as_str()),
            });
        }
    }
    Ok(out)
}

/// Compares two document-level codings (two coders) over the documents
/// both coded, leaving out cells either marked `?`.
pub fn compare_codings(a: &GoldDocuments, b: &GoldDocuments) -> Comparison {
    let b_rows: HashMap<&str, &Vec<Option<bool>>> = b.rows.iter().map(|r| (r.document.as_str(), &r.values)).collect();
    let mut cells = Vec::new();
    for (unit, row) in a.rows.iter().enumerate() {
        let Some(other) = b_rows.get(row.document.as_str()) else { continue };
        for (area, (x, y)) in row.values.iter().zip(other.iter()).enumerate() {
            if let (Some(x), Some(y)) = (x, y) {
                cells.push(Cell { unit, area, gold: *x, predicted: *y });
            }
        }
    }
    Comparison { cells, unmatched: Vec::new() }
}

/// Agreement of a comparison, with bootstrap intervals when `resamples > 0`.
pub fn agreement(framework: &Framework, comparison: &Comparison, resamples: usize, seed: u64) -> Agreement {
    let names = names(framework);
    let a = Agreement::compute(&names, &comparison.cells);
    if resamples > 0 { a.with_bootstrap(&names, &comparison.cells, resamples, seed) } else { a }
}

/// A threshold chosen to agree best with a document-level coding.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Calibration {
    /// The threshold: the middle of the widest gap between scores that
    /// gives the best macro-F1.
    pub threshold: f64,
    /// Macro-F1 at that threshold.
    pub macro_f1: f64,
    /// Thresholds above this (and up to `high`) can give that macro-F1.
    pub low: f64,
    /// The highest threshold that gives it.
    pub high: f64,
}

/// Finds the document-level threshold at which `mapper` agrees best (by
/// macro-F1) with `gold`: how the similarity mapper's default was set, and
/// how to set one for your own mapper.
pub fn calibrate(
    framework: &Framework,
    mapper: &dyn crate::mapper::Mapper,
    gold: &GoldDocuments,
    documents: &[PolicyDocument],
) -> Result<Calibration, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let unknown: Vec<String> =
        gold.rows.iter().filter(|r| !docs.contains_key(r.document.as_str())).map(|r| r.document.clone()).collect();
    if !unknown.is_empty() {
        return Err(EvaluationError::UnknownDocuments { path: gold.path.clone(), documents: unknown });
    }
    let names = names(framework);
    let mut scored: Vec<(usize, usize, bool, f64)> = Vec::new();
    for (unit, row) in gold.rows.iter().enumerate() {
        let scores = mapper.score(&crate::mapper::Unit::document(docs[row.document.as_str()]));
        for s in scores {
            if let Some(Some(gold)) = row.values.get(s.area) {
                scored.push((unit, s.area, *gold, s.score));
            }
        }
    }
    let mut candidates: Vec<f64> = scored.iter().map(|s| s.3).collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    // Every threshold in (below, above] of a gap between two scores decides alike.
    let mut gaps: Vec<(f64, f64)> = candidates.windows(2).map(|w| (w[0], w[1])).collect();
    gaps.extend(candidates.first().map(|&c| (0.0, c)));
    let f1_at = |t: f64| {
        let cells: Vec<Cell> =
            scored.iter().map(|&(unit, area, gold, score)| Cell { unit, area, gold, predicted: score >= t }).collect();
        Agreement::compute(&names, &cells).macro_f1.unwrap_or(0.0)
    };
    let results: Vec<((f64, f64), f64)> = gaps.iter().map(|&(below, above)| ((below, above), f1_at(above))).collect();
    let best = results.iter().map(|r| r.1).fold(0.0, f64::max);
    let plateau: Vec<(f64, f64)> = results.iter().filter(|r| (r.1 - best).abs() < 1e-12).map(|r| r.0).collect();
    let low = plateau.iter().map(|g| g.0).fold(f64::INFINITY, f64::min);
    let high = plateau.iter().map(|g| g.1).fold(0.0, f64::max);
    let widest = plateau.iter().max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0))).copied().unwrap_or((0.0, 0.0));
    Ok(Calibration { threshold: f64::midpoint(widest.0, widest.1), macro_f1: best, low, high })
}

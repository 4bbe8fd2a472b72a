//! A municipality's coverage profile: its row of the matrix, as numbers.

use polars::prelude::*;

use crate::matrix::{CoverageMatrix, Granularity};

/// One row of a municipality-level matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The municipality (or document, for a document-level matrix).
    pub name: String,
    /// Best document-level score per area.
    pub scores: Vec<f64>,
    /// Whether each area is covered.
    pub covered: Vec<bool>,
    /// Evidence count per area.
    pub evidence: Vec<u32>,
    /// Attention share per area.
    pub attention: Vec<f64>,
    /// Share of segments that address no area.
    pub uncoded: f64,
}

impl Profile {
    /// A profile from a score row, covered at `threshold` (for tests and
    /// for coverage computed elsewhere).
    pub fn from_scores(name: impl Into<String>, scores: Vec<f64>, threshold: f64) -> Profile {
        let n = scores.len();
        Profile {
            name: name.into(),
            covered: scores.iter().map(|s| *s >= threshold).collect(),
            evidence: vec![0; n],
            attention: vec![0.0; n],
            uncoded: 0.0,
            scores,
        }
    }
}

fn f64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<f64>> {
    Ok(df.column(name)?.cast(&DataType::Float64)?.f64()?.iter().map(|v| v.unwrap_or(0.0)).collect())
}

/// The rows of a matrix as profiles, in the matrix's row order.
pub fn profiles(matrix: &CoverageMatrix) -> PolarsResult<Vec<Profile>> {
    let long = matrix.long();
    let key = match matrix.level() {
        Granularity::Municipality => "municipality",
        Granularity::Document => "document",
    };
    let names: Vec<String> = long.column(key)?.str()?.iter().map(|v| v.unwrap_or("").to_owned()).collect();
    let score = f64s(long, "score")?;
    let covered: Vec<bool> = long.column("covered")?.bool()?.iter().map(|v| v.unwrap_or(false)).collect();
    let evidence = f64s(long, "evidence_count")?;
    let attention = f64s(long, "attention")?;
    let uncoded = f64s(long, "uncoded")?;
    let areas = matrix.areas().len();
    let mut out = Vec::new();
    for start in (0..names.len()).step_by(areas.max(1)) {
        let range = start..(start + areas).min(names.len());
        out.push(Profile {
            name: names[start].clone(),
            scores: score[range.clone()].to_vec(),
            covered: covered[range.clone()].to_vec(),
            evidence: evidence[range.clone()].iter().map(|e| *e as u32).collect(),
            attention: attention[range].to_vec(),
            uncoded: uncoded[start],
        });
    }
    Ok(out)
}

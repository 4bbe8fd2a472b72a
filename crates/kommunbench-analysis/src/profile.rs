//! A municipality's coverage profile: its row of the matrix, as numbers.

use std::collections::HashMap;

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

/// The rows of a matrix as profiles, in the order their rows first
/// appear; each value is placed by its row's key and area, not by its
/// position in the table.
pub fn profiles(matrix: &CoverageMatrix) -> PolarsResult<Vec<Profile>> {
    let long = matrix.long();
    let key = match matrix.level() {
        Granularity::Municipality => "municipality",
        Granularity::Document => "document",
    };
    let names = long.column(key)?.str()?;
    let area_of = long.column("area")?.str()?;
    let score = f64s(long, "score")?;
    let covered: Vec<bool> = long.column("covered")?.bool()?.iter().map(|v| v.unwrap_or(false)).collect();
    let evidence = f64s(long, "evidence_count")?;
    let attention = f64s(long, "attention")?;
    let uncoded = f64s(long, "uncoded")?;
    let areas: HashMap<&str, usize> = matrix.areas().iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect();
    let n = areas.len();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<Profile> = Vec::new();
    for row in 0..long.height() {
        let (Some(name), Some(&area)) = (names.get(row), area_of.get(row).and_then(|a| areas.get(a))) else { continue };
        let at = *index.entry(name).or_insert_with(|| {
            out.push(Profile {
                name: name.to_owned(),
                scores: vec![0.0; n],
                covered: vec![false; n],
                evidence: vec![0; n],
                attention: vec![0.0; n],
                uncoded: uncoded[row],
            });
            out.len() - 1
        });
        let p = &mut out[at];
        p.scores[area] = score[row];
        p.covered[area] = covered[row];
        p.evidence[area] = evidence[row] as u32;
        p.attention[area] = attention[row];
    }
    Ok(out)
}

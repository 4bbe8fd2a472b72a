//! A row of the coverage matrix as numbers: one municipality's (or one
//! document's) coverage profile, built straight from the mappings.

use kommunbench_core::DocumentId;

use crate::actor::Actor;

/// One row of a coverage matrix, values in framework area order.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The municipality.
    pub actor: Actor,
    /// The document, for a document-level matrix.
    pub document: Option<DocumentId>,
    /// Best document-level score per area.
    pub scores: Vec<f64>,
    /// Whether each area is covered (the best score reaches the threshold).
    pub covered: Vec<bool>,
    /// Number of documents covering each area.
    pub documents: Vec<u32>,
    /// Evidence count per area (behind document-level coverage).
    pub evidence: Vec<u32>,
    /// The sum of the scores of the accepted segment alignments per area.
    pub weighted: Vec<f64>,
    /// Attention share per area: the part of the segments given to it.
    pub attention: Vec<f64>,
    /// Share of segments that address no area.
    pub uncoded: f64,
    /// Number of segments.
    pub segments: u32,
}

impl Profile {
    /// An empty profile over `areas` areas.
    pub fn new(key: Actor, document: Option<DocumentId>, areas: usize) -> Profile {
        Profile {
            actor: key,
            document,
            scores: vec![0.0; areas],
            covered: vec![false; areas],
            documents: vec![0; areas],
            evidence: vec![0; areas],
            weighted: vec![0.0; areas],
            attention: vec![0.0; areas],
            uncoded: 0.0,
            segments: 0,
        }
    }

    /// A profile from a score row, covered at `threshold` (for tests and
    /// for coverage computed elsewhere).
    pub fn from_scores(key: Actor, scores: Vec<f64>, threshold: f64) -> Profile {
        let mut p = Profile::new(key, None, scores.len());
        p.covered = scores.iter().map(|s| *s >= threshold).collect();
        p.scores = scores;
        p
    }

    /// What the row is called: the document id for a document row, else
    /// the municipality's name.
    pub fn name(&self) -> &str {
        self.document.as_ref().map_or(self.actor.name(), DocumentId::as_str)
    }
}

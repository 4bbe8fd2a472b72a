//! Aligning documents with a framework: a mapper run over every unit of
//! every document, giving alignments, document coverage and local
//! priorities.

use kommunbench_core::{AreaId, DocumentId, Framework, FrameworkId, Level, Municipality, PolicyDocument, Rule};
use rayon::prelude::*;
use serde::Serialize;

use crate::mapper::{AreaScore, Evidence, Mapper, Unit, UnitKind};

/// One unit x area candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// The document.
    pub document: DocumentId,
    /// Priority or segment.
    pub unit_kind: UnitKind,
    /// Index of the priority or block in the document.
    pub unit_index: usize,
    /// The priority's title or the segment's text.
    pub unit: String,
    /// For a priority: its level in the policy's hierarchy.
    pub level: Option<Level>,
    /// For a priority: the extraction rule that found it.
    pub rule: Option<Rule>,
    /// The area.
    pub area: AreaId,
    /// Score in [0, 1].
    pub score: f64,
    /// The mapper's method.
    pub method: String,
    /// Whether the score reaches the mapper's threshold.
    pub accepted: bool,
    /// What the score rests on.
    pub evidence: Vec<Evidence>,
}

/// A document's coverage of one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaCoverage {
    /// The area.
    pub area: AreaId,
    /// Score in [0, 1].
    pub score: f64,
    /// Whether the document addresses the area (score at the threshold).
    pub covered: bool,
    /// Number of pieces of evidence.
    pub evidence_count: usize,
    /// The evidence.
    pub evidence: Vec<Evidence>,
}

/// Everything a mapper says about one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMapping {
    /// The document.
    pub document: DocumentId,
    /// Its municipality.
    pub municipality: Option<Municipality>,
    /// The framework mapped against.
    pub framework: FrameworkId,
    /// The mapper's method.
    pub method: String,
    /// Every priority and segment x area candidate with a score above 0.
    pub alignments: Vec<Alignment>,
    /// Document-level coverage, one entry per area in framework order.
    pub coverage: Vec<AreaCoverage>,
    /// Indices of the priorities (goals, sub-goals, priority areas,
    /// actions) that map to no area: local priorities outside the
    /// framework, in priority order.
    pub local_priorities: Vec<usize>,
}

impl DocumentMapping {
    /// Drops what only a listing of every alignment shows: the text and
    /// the evidence of segment alignments (their area, score and
    /// acceptance stay). Document coverage and priorities keep theirs.
    /// What a benchmark of many documents keeps in memory.
    pub fn drop_segment_detail(&mut self) {
        for a in self.alignments.iter_mut().filter(|a| a.unit_kind == UnitKind::Segment) {
            a.unit = String::new();
            a.evidence = Vec::new();
        }
    }

    /// The accepted areas of the `i`-th priority. For every priority of a
    /// document, [`DocumentMapping::areas_of_priorities`] is one pass
    /// instead of one each.
    pub fn priority_areas(&self, i: usize) -> Vec<&AreaId> {
        self.alignments
            .iter()
            .filter(|a| a.unit_kind == UnitKind::Priority && a.unit_index == i && a.accepted)
            .map(|a| &a.area)
            .collect()
    }

    /// The accepted areas of each of the document's `count` priorities, in
    /// one pass over the alignments (linear in the priorities, where
    /// [`DocumentMapping::priority_areas`] for each would be quadratic).
    pub fn areas_of_priorities(&self, count: usize) -> Vec<Vec<&AreaId>> {
        let mut out = vec![Vec::new(); count];
        for a in self.alignments.iter().filter(|a| a.unit_kind == UnitKind::Priority && a.accepted) {
            if let Some(areas) = out.get_mut(a.unit_index) {
                areas.push(&a.area);
            }
        }
        out
    }

    /// Whether the `i`-th priority maps to no area (`local_priorities` is
    /// in priority order).
    pub fn is_local(&self, i: usize) -> bool {
        self.local_priorities.binary_search(&i).is_ok()
    }
}

/// Runs a [`Mapper`] over documents for one framework.
#[derive(Clone, Copy)]
pub struct Aligner<'a> {
    framework: &'a Framework,
    mapper: &'a dyn Mapper,
}

impl<'a> Aligner<'a> {
    /// An aligner for this framework and mapper.
    pub fn new(framework: &'a Framework, mapper: &'a dyn Mapper) -> Aligner<'a> {
        Aligner { framework, mapper }
    }

    /// The mapper in use.
    pub fn mapper(&self) -> &dyn Mapper {
        self.mapper
    }

    /// Maps one document: its priorities, its segments and its coverage.
    pub fn map_document(&self, doc: &PolicyDocument) -> DocumentMapping {
        let threshold = self.mapper.threshold();
        let mut alignments = Vec::new();
        let mut local_priorities = Vec::new();
        let mut units: Vec<Unit<'_>> = (0..doc.priorities.len())
            .map(|i| Unit::priority(doc, i))
            .chain((0..doc.blocks.len()).map(|i| Unit::segment(doc, i)))
            .collect();
        units.push(Unit::document(doc));
        let mut scores = self.mapper.score_all(&units);
        let document_scores = scores.pop().unwrap_or_default();
        units.pop();
        let coverage = self.area_coverage(document_scores, &scores[..doc.priorities.len()]);
        for (unit, unit_scores) in units.iter().zip(scores) {
            let mut any = false;
            let priority = (unit.kind == UnitKind::Priority).then(|| &doc.priorities[unit.index]);
            for s in unit_scores {
                if s.score <= 0.0 {
                    continue;
                }
                let accepted = s.score >= threshold;
                any |= accepted;
                alignments.push(Alignment {
                    document: doc.id.clone(),
                    unit_kind: unit.kind,
                    unit_index: unit.index,
                    unit: unit.label.clone(),
                    level: priority.map(|p| p.level),
                    rule: priority.map(|p| p.rule),
                    area: self.framework.areas()[s.area].id.clone(),
                    score: s.score,
                    method: self.mapper.method().to_owned(),
                    accepted,
                    evidence: s.evidence,
                });
            }
            // A vision or overall goal frames the policy; only goals, areas
            // and actions without an area are local priorities.
            let framing = matches!(doc.priorities.get(unit.index).map(|p| p.level), Some(Level::Vision | Level::OverallGoal));
            if unit.kind == UnitKind::Priority && !any && !framing {
                local_priorities.push(unit.index);
            }
        }
        DocumentMapping {
            document: doc.id.clone(),
            municipality: doc.municipality.clone(),
            framework: self.framework.id().clone(),
            method: self.mapper.method().to_owned(),
            alignments,
            coverage,
            local_priorities,
        }
    }

    /// A document's coverage of each area, in framework order, without the
    /// per-unit alignments: the fast path for coverage matrices.
    pub fn coverage(&self, doc: &PolicyDocument) -> Vec<AreaCoverage> {
        let mut units: Vec<Unit<'_>> = (0..doc.priorities.len()).map(|i| Unit::priority(doc, i)).collect();
        units.push(Unit::document(doc));
        let mut scores = self.mapper.score_all(&units);
        let document_scores = scores.pop().unwrap_or_default();
        self.area_coverage(document_scores, &scores)
    }

    /// Coverage of each area: the document's own score, or the best score
    /// of one of its priorities where that is higher. A priority the
    /// document lists (`Språkutveckling`) shows the area it names, though
    /// one word weighs little in the whole text; its evidence comes along.
    fn area_coverage(&self, mut scores: Vec<AreaScore>, priorities: &[Vec<AreaScore>]) -> Vec<AreaCoverage> {
        let threshold = self.mapper.threshold();
        for best in priorities.iter().flatten() {
            match scores.iter_mut().find(|s| s.area == best.area) {
                Some(s) if s.score >= best.score => {}
                Some(s) => {
                    s.score = best.score;
                    for e in &best.evidence {
                        if !s.evidence.iter().any(|x| x.span == e.span) {
                            s.evidence.push(e.clone());
                        }
                    }
                }
                None => scores.push(best.clone()),
            }
        }
        scores.sort_by_key(|s| s.area);
        self.framework
            .areas()
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let s = scores.iter_mut().find(|s| s.area == i);
                let score = s.as_ref().map_or(0.0, |s| s.score);
                let evidence = s.map(|s| std::mem::take(&mut s.evidence)).unwrap_or_default();
                AreaCoverage {
                    area: area.id.clone(),
                    score,
                    covered: score >= threshold,
                    evidence_count: evidence.len(),
                    evidence,
                }
            })
            .collect()
    }

    /// Maps every document, in parallel (rayon), in their order.
    pub fn map_documents(&self, docs: &[PolicyDocument]) -> Vec<DocumentMapping> {
        docs.par_iter().map(|d| self.map_document(d)).collect()
    }

    /// Every document's coverage (see [`Aligner::coverage`]), in parallel.
    pub fn coverages(&self, docs: &[PolicyDocument]) -> Vec<Vec<AreaCoverage>> {
        docs.par_iter().map(|d| self.coverage(d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use kommunbench_core::Framework;

    use crate::{Aligner, LexiconMapper};

    #[test]
    fn every_priority_s_areas_at_once_are_each_priority_s_areas() {
        let framework = Framework::builtin("se-2008").unwrap();
        let mapper = LexiconMapper::builtin(&framework).unwrap();
        let text = "Integrationsplan\n\nMål\n\n• Fler nyanlända i arbete\n• Ett rikt föreningsliv för alla\n\
                    • Svenska för invandrare med praktik\n• Ett levande kulturliv\n";
        let doc = kommunbench_ingest::Ingester::new().ingest_str("x", text).unwrap();
        let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
        let n = doc.priorities.len();
        assert_eq!(n, 4);
        let all = mapping.areas_of_priorities(n);
        for (i, areas) in all.iter().enumerate() {
            assert_eq!(*areas, mapping.priority_areas(i), "priority {i}");
            assert_eq!(mapping.is_local(i), mapping.local_priorities.contains(&i), "priority {i}");
        }
        assert!(all.iter().any(Vec::is_empty) && all.iter().any(|a| !a.is_empty()), "{all:?}");
    }
}

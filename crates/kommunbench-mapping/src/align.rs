//! Aligning documents with a framework: a mapper run over every unit of
//! every document, giving alignments, document coverage and local
//! priorities.

use std::sync::Arc;

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
    /// The priority's title or the segment's text (shared by the unit's
    /// alignments).
    pub unit: Arc<str>,
    /// For a priority: its level in the policy's hierarchy.
    pub level: Option<Level>,
    /// For a priority: the extraction rule that found it.
    pub rule: Option<Rule>,
    /// The area.
    pub area: AreaId,
    /// Score in [0, 1].
    pub score: f64,
    /// The mapper's method (shared by every alignment of a mapping).
    pub method: Arc<str>,
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
            a.unit = Arc::from("");
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
    segment_detail: bool,
}

impl<'a> Aligner<'a> {
    /// An aligner for this framework and mapper.
    pub fn new(framework: &'a Framework, mapper: &'a dyn Mapper) -> Aligner<'a> {
        Aligner { framework, mapper, segment_detail: true }
    }

    /// An aligner whose segment alignments keep their area, score and
    /// acceptance but not their text and evidence, as
    /// [`DocumentMapping::drop_segment_detail`] leaves them, dropped as each
    /// segment is scored: what a benchmark keeps, without ever holding the
    /// evidence of every segment of a document at once.
    ///
    /// ```
    /// use kommunbench_core::Framework;
    /// use kommunbench_ingest::Ingester;
    /// use kommunbench_mapping::{Aligner, LexiconMapper};
    ///
    /// let framework = Framework::builtin("se-2008")?;
    /// let mapper = LexiconMapper::builtin(&framework)?;
    /// let doc = Ingester::new().ingest_str("x", "Plan\n\nNyanlända får sfi och praktik.\n")?;
    /// let mut full = Aligner::new(&framework, &mapper).map_document(&doc);
    /// full.drop_segment_detail();
    /// assert_eq!(Aligner::new(&framework, &mapper).without_segment_detail().map_document(&doc), full);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn without_segment_detail(mut self) -> Aligner<'a> {
        self.segment_detail = false;
        self
    }

    /// The mapper in use.
    pub fn mapper(&self) -> &dyn Mapper {
        self.mapper
    }

    /// Maps one document: its priorities, its segments and its coverage.
    ///
    /// Each unit's scores are turned into alignments as the mapper makes
    /// them ([`Mapper::score_each`]), so memory holds the alignments kept,
    /// not every unit's scores at once.
    pub fn map_document(&self, doc: &PolicyDocument) -> DocumentMapping {
        let threshold = self.mapper.threshold();
        let method: Arc<str> = Arc::from(self.mapper.method());
        let empty: Arc<str> = Arc::from("");
        let units = Self::units(doc, true);
        let mut coverage = CoverageScores::default();
        let mut alignments = Vec::new();
        let mut local_priorities = Vec::new();
        self.mapper.score_each(&units, &mut |i, scores| {
            let unit = &units[i];
            let priority = match unit.kind {
                UnitKind::Document => return coverage.document(scores),
                UnitKind::Priority => {
                    coverage.priority(&scores);
                    Some(&doc.priorities[unit.index])
                }
                UnitKind::Segment => None,
            };
            let detail = priority.is_some() || self.segment_detail;
            let label = if detail { Arc::from(&*unit.label) } else { Arc::clone(&empty) };
            let mut any = false;
            for mut s in scores {
                if s.score <= 0.0 {
                    continue;
                }
                let accepted = s.score >= threshold;
                any |= accepted;
                alignments.push(Alignment {
                    document: doc.id.clone(),
                    unit_kind: unit.kind,
                    unit_index: unit.index,
                    unit: Arc::clone(&label),
                    level: priority.map(|p| p.level),
                    rule: priority.map(|p| p.rule),
                    area: self.framework.areas()[s.area].id.clone(),
                    score: s.score,
                    method: Arc::clone(&method),
                    accepted,
                    evidence: if detail {
                        s.evidence.shrink_to_fit();
                        s.evidence
                    } else {
                        Vec::new()
                    },
                });
            }
            // A vision or overall goal frames the policy; only goals, areas
            // and actions without an area are local priorities.
            if let Some(p) = priority
                && !any
                && !matches!(p.level, Level::Vision | Level::OverallGoal)
            {
                local_priorities.push(unit.index);
            }
        });
        DocumentMapping {
            document: doc.id.clone(),
            municipality: doc.municipality.clone(),
            framework: self.framework.id().clone(),
            method: self.mapper.method().to_owned(),
            alignments,
            coverage: self.area_coverage(coverage),
            local_priorities,
        }
    }

    /// A document's coverage of each area, in framework order, without the
    /// per-unit alignments: the fast path for coverage matrices.
    pub fn coverage(&self, doc: &PolicyDocument) -> Vec<AreaCoverage> {
        let units = Self::units(doc, false);
        let mut coverage = CoverageScores::default();
        self.mapper.score_each(&units, &mut |i, scores| match units[i].kind {
            UnitKind::Document => coverage.document(scores),
            _ => coverage.priority(&scores),
        });
        self.area_coverage(coverage)
    }

    /// The units of a document in the order they are scored: the whole
    /// document first (a priority's score is weighed against it), then its
    /// priorities, then (with `segments`) its blocks.
    fn units(doc: &PolicyDocument, segments: bool) -> Vec<Unit<'_>> {
        let blocks = if segments { doc.blocks.len() } else { 0 };
        std::iter::once(Unit::document(doc))
            .chain((0..doc.priorities.len()).map(|i| Unit::priority(doc, i)))
            .chain((0..blocks).map(|i| Unit::segment(doc, i)))
            .collect()
    }

    /// Coverage of each area in framework order, from the document's
    /// scores raised by its priorities' (see [`CoverageScores`]).
    fn area_coverage(&self, coverage: CoverageScores) -> Vec<AreaCoverage> {
        let threshold = self.mapper.threshold();
        let mut scores = coverage.scores;
        self.framework
            .areas()
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let s = scores.iter_mut().find(|s| s.area == i);
                let score = s.as_ref().map_or(0.0, |s| s.score);
                let evidence_count = s.as_ref().map_or(0, |s| s.evidence_count());
                let evidence = s.map(|s| std::mem::take(&mut s.evidence)).unwrap_or_default();
                AreaCoverage { area: area.id.clone(), score, covered: score >= threshold, evidence_count, evidence }
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

/// A document's coverage scores as its units are scored: the document's
/// own score of each area, or the best score of one of its priorities where
/// that is higher. A priority the document lists (`Språkutveckling`) shows
/// the area it names, though one word weighs little in the whole text; the
/// evidence of each priority that raises a score comes along.
///
/// The document's scores come first, then the priorities' in their order
/// ([`Mapper::score_each`] keeps the units' order).
#[derive(Default)]
struct CoverageScores {
    scores: Vec<AreaScore>,
}

impl CoverageScores {
    fn document(&mut self, scores: Vec<AreaScore>) {
        debug_assert!(self.scores.is_empty(), "the document is scored before its priorities");
        self.scores = scores;
    }

    fn priority(&mut self, priority: &[AreaScore]) {
        for best in priority {
            match self.scores.iter_mut().find(|s| s.area == best.area) {
                Some(s) if s.score >= best.score => {}
                Some(s) => {
                    s.score = best.score;
                    for e in &best.evidence {
                        if !s.evidence.iter().any(|x| x.span == e.span) {
                            s.evidence.push(e.clone());
                        }
                    }
                }
                None => self.scores.push(best.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use kommunbench_core::Framework;

    use crate::{Aligner, LexiconMapper};

    /// A term repeated past the cap: the evidence keeps the first ones, the
    /// count and the score all of them, in the mapping and in the coverage.
    #[test]
    fn evidence_past_the_cap_is_counted_not_kept() {
        let framework = Framework::builtin("se-2008").unwrap();
        let mapper = LexiconMapper::builtin(&framework).unwrap();
        let cap = LexiconMapper::EVIDENCE_PER_TERM;
        let text = format!("Integrationsplan\n\n{}\n", "Kommunen erbjuder sfi. ".repeat(cap + 500));
        let doc = kommunbench_ingest::Ingester::new().ingest_str("x", &text).unwrap();
        let aligner = Aligner::new(&framework, &mapper);
        let sfi = |c: &[crate::AreaCoverage]| c.iter().find(|c| c.area.as_str() == "adult_learning").unwrap().clone();
        for coverage in [aligner.map_document(&doc).coverage, aligner.coverage(&doc)] {
            let c = sfi(&coverage);
            assert_eq!((c.evidence.len(), c.evidence_count), (cap, cap + 500));
            assert!(c.covered);
            assert!(c.evidence.windows(2).all(|w| w[0].span.start < w[1].span.start), "the first ones, in text order");
        }
        let one_less = format!("Integrationsplan\n\n{}\n", "Kommunen erbjuder sfi. ".repeat(cap));
        let doc = kommunbench_ingest::Ingester::new().ingest_str("x", &one_less).unwrap();
        let c = sfi(&aligner.coverage(&doc));
        assert_eq!((c.evidence.len(), c.evidence_count), (cap, cap));
    }

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

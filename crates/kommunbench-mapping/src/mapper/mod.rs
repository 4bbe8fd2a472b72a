//! Mappers decide which areas a unit of text addresses, how strongly and
//! on what evidence; the [`Aligner`] runs one over documents.

mod ensemble;
mod lexicon;
mod manual;
mod similarity;

use kommunbench_core::{AreaId, BlockKind, DocumentId, Framework, FrameworkId, Level, Municipality, PolicyDocument, Rule, Span};
use rayon::prelude::*;
use serde::Serialize;

use crate::text::collapse_whitespace;

pub use ensemble::EnsembleMapper;
pub use lexicon::LexiconMapper;
pub use manual::{ManualMapper, ManualMapperError};
pub use similarity::SimilarityMapper;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A priority the document states.
    Priority,
    /// A content block (paragraph, list item, heading).
    Segment,
    /// The whole document's content.
    Document,
}

impl UnitKind {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Priority => "priority",
            Self::Segment => "segment",
            Self::Document => "document",
        }
    }
}

/// Whether a piece of a unit is a title or running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A priority's title: matches there weigh more.
    Title,
    /// Body text.
    Body,
}

/// A unit of text to map: its document, what it is, and its pieces (spans
/// into the document's text).
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The document.
    pub document: &'a PolicyDocument,
    /// What the unit is.
    pub kind: UnitKind,
    /// Index of the priority or block; 0 for a document.
    pub index: usize,
    /// How the unit is named in output: a priority's title, a segment's text.
    pub label: String,
    /// The spans it covers and their roles.
    pub pieces: Vec<(Span, Role)>,
}

impl<'a> Unit<'a> {
    /// The longest title read as a title: a list item of more words is a
    /// sentence, and weighs as running text.
    pub const TITLE_WORDS: usize = 8;

    /// The `i`-th priority of a document: its title and body.
    pub fn priority(document: &'a PolicyDocument, i: usize) -> Unit<'a> {
        let p = &document.priorities[i];
        let role = if p.title.split_whitespace().nth(Self::TITLE_WORDS).is_none() { Role::Title } else { Role::Body };
        let mut pieces = vec![(p.span, role)];
        if let Some(body) = p.body_span {
            pieces.push((body, Role::Body));
        }
        Unit { document, kind: UnitKind::Priority, index: i, label: p.title.clone(), pieces }
    }

    /// The `i`-th content block of a document.
    pub fn segment(document: &'a PolicyDocument, i: usize) -> Unit<'a> {
        let b = &document.blocks[i];
        let role = if matches!(b.kind, BlockKind::Heading { .. }) { Role::Title } else { Role::Body };
        Unit { document, kind: UnitKind::Segment, index: i, label: b.text.clone(), pieces: vec![(b.span, role)] }
    }

    /// The whole content of a document, furniture left out, and the blocks
    /// outside the author's own policy too ([`kommunbench_core::Block::outside`]).
    pub fn document(document: &'a PolicyDocument) -> Unit<'a> {
        let pieces = document.blocks.iter().filter(|b| !b.outside).map(|b| (b.span, Role::Body)).collect();
        Unit { document, kind: UnitKind::Document, index: 0, label: document.title.clone(), pieces }
    }

    /// The unit's text, its pieces joined by line breaks.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|(span, _)| self.document.slice(*span)).collect::<Vec<_>>().join("\n")
    }
}

/// A term found in a unit, where, and the sentence it stands in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The lexicon term, framework wording, or other reason that matched.
    pub term: String,
    /// The words as written in the document.
    pub text: String,
    /// Where they stand in the document's text.
    pub span: Span,
    /// The sentence around them.
    pub sentence: String,
    /// The page they stand on, for paged formats (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Evidence {
    /// Evidence for `span` of `document`, with its sentence.
    pub fn at(document: &PolicyDocument, term: impl Into<String>, piece: Span, span: Span) -> Evidence {
        Sentences::default().evidence(document, term, piece, span)
    }
}

/// Evidence for many hits in text order: hits in one sentence share the
/// work of finding and tidying it.
#[derive(Default)]
pub(crate) struct Sentences {
    /// The last sentence found: its piece, its bounds in the piece, its text.
    last: Option<(Span, usize, usize, String)>,
}

impl Sentences {
    pub(crate) fn evidence(&mut self, document: &PolicyDocument, term: impl Into<String>, piece: Span, span: Span) -> Evidence {
        let piece_text = document.slice(piece);
        let (local_start, local_end) = (span.start - piece.start, span.end - piece.start);
        let sentence = match &self.last {
            Some((p, s, e, sentence)) if *p == piece && (*s..*e).contains(&local_start) => sentence.clone(),
            _ => {
                let (s, e) = sentence_around(piece_text, local_start);
                let sentence = collapse_whitespace(&piece_text[s..e]);
                self.last = Some((piece, s, e, sentence.clone()));
                sentence
            }
        };
        Evidence {
            term: term.into(),
            text: piece_text.get(local_start..local_end).unwrap_or("").to_owned(),
            span,
            sentence,
            page: document.source.page_at(span.start),
        }
    }
}

/// The sentence around byte `at`: from after the previous sentence end
/// (`.`, `!` or `?` before a space and a capital or digit, or a line
/// break) to the next one, terminator included.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| match bytes[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => {
            let rest = &text[i + 1..];
            let after = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
            rest.len() != after.len()
                && after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '–' || c == '-')
                || rest.is_empty()
                || rest.starts_with('\n')
        }
        _ => false,
    };
    let start = (0..at.min(bytes.len())).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
    let end = (at..bytes.len()).find(|&i| ends_sentence(i)).map_or(bytes.len(), |i| if bytes[i] == b'\n' { i } else { i + 1 });
    let start = start + (text[start..end].len() - text[start..end].trim_start().len());
    (start, end.max(start))
}

/// Evidence as one line: `matched words [term]`, or `matched words
/// [term, p. 7]` in a paged format, joined by `; `.
pub fn evidence_summary<'a>(evidence: impl IntoIterator<Item = &'a Evidence>) -> String {
    evidence
        .into_iter()
        .map(|e| match e.page {
            Some(page) => format!("{} [{}, p. {page}]", e.text, e.term),
            None => format!("{} [{}]", e.text, e.term),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A unit's score for one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    /// Index of the area in the framework.
    pub area: usize,
    /// Score in [0, 1].
    pub score: f64,
    /// What the score rests on.
    pub evidence: Vec<Evidence>,
}

/// Scores units of text against the areas of a framework.
///
/// Implement it to plug in your own method (embeddings computed elsewhere,
/// a classifier); the [`Aligner`] and everything downstream treat it like
/// the built-in mappers.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_mapping::{Aligner, AreaScore, Mapper, Unit};
///
/// /// Says every unit mentioning "skola" is about school.
/// struct SchoolWord;
///
/// impl Mapper for SchoolWord {
///     fn method(&self) -> &str { "school-word" }
///     fn threshold(&self) -> f64 { 0.5 }
///     fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
///         let school = unit.text().to_lowercase().contains("skola");
///         (0..7).map(|area| AreaScore { area, score: if school && area == 2 { 1.0 } else { 0.0 }, evidence: vec![] }).collect()
///     }
/// }
///
/// let framework = Framework::builtin("se-2008")?;
/// let doc = kommunbench_core::Ingester::new().ingest_str("x", "Mål\n\nVår skola ska vara bra för alla elever.\n")?;
/// let mapping = Aligner::new(&framework, &SchoolWord).map_document(&doc);
/// let covered: Vec<_> = mapping.coverage.iter().filter(|c| c.covered).map(|c| c.area.as_str()).collect();
/// assert_eq!(covered, ["school"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Mapper: Send + Sync {
    /// The method's name in output (`lexicon`, `similarity`, ...).
    fn method(&self) -> &str;
    /// Scores at or above this are accepted.
    fn threshold(&self) -> f64;
    /// One score per area of the framework, in the framework's order.
    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore>;

    /// Scores many units at once (all of one document when called by the
    /// [`Aligner`]); override it when shared work makes that cheaper.
    fn score_all(&self, units: &[Unit<'_>]) -> Vec<Vec<AreaScore>> {
        units.iter().map(|u| self.score(u)).collect()
    }
}

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
    /// actions) that map to no area: local priorities outside the framework.
    pub local_priorities: Vec<usize>,
}

impl DocumentMapping {
    /// The accepted areas of the `i`-th priority.
    pub fn priority_areas(&self, i: usize) -> Vec<&AreaId> {
        self.alignments
            .iter()
            .filter(|a| a.unit_kind == UnitKind::Priority && a.unit_index == i && a.accepted)
            .map(|a| &a.area)
            .collect()
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
    use super::sentence_around;

    #[test]
    fn sentences_end_at_stops_before_capitals_and_at_line_breaks() {
        let text = "Målet är klart. Kommunen ska ge stöd, t.ex. sfi och praktik. 3 av 4 får jobb!\nNy rad utan punkt";
        let at = |word: &str| {
            let (s, e) = sentence_around(text, text.find(word).unwrap());
            &text[s..e]
        };
        assert_eq!(at("Målet"), "Målet är klart.");
        assert_eq!(at("sfi"), "Kommunen ska ge stöd, t.ex. sfi och praktik.");
        assert_eq!(at("jobb"), "3 av 4 får jobb!");
        assert_eq!(at("utan"), "Ny rad utan punkt");
    }
}

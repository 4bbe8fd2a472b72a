//! Coverage matrices: municipality (or document) x area, built straight
//! from the mappings; polars frames are made from them only when asked
//! for.

use std::collections::{BTreeMap, HashMap};

use kommunbench_core::{DocumentId, PolicyDocument, Speaker};
use kommunbench_mapping::{DocumentMapping, UnitKind};
use polars::prelude::*;

use crate::actor::Actor;
use crate::frames::DocumentInfo;
use crate::profile::Profile;

/// The rows of a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One row per document.
    Document,
    /// One row per municipality, its documents combined.
    Municipality,
}

/// What a matrix cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// 1 when the area is covered (the best document's score reaches the
    /// threshold), else 0.
    Binary,
    /// The best document-level score.
    MaxScore,
    /// The sum of the scores of the accepted segment alignments: how much
    /// text addresses the area.
    WeightedSum,
    /// The number of pieces of evidence behind document-level coverage.
    EvidenceCount,
    /// The row's attention share: the part of its segments given to the
    /// area (a segment with k areas gives 1/k to each); rows sum to 1 with
    /// the `uncoded` column.
    Attention,
}

/// A coverage matrix: one [`Profile`] per municipality (or document), in
/// the order of their keys, with values for the framework's areas in
/// their order.
#[derive(Debug, Clone)]
pub struct CoverageMatrix {
    profiles: Vec<Profile>,
    areas: Vec<String>,
    level: Granularity,
    threshold: f64,
}

/// One segment of a document: the areas it was accepted for.
#[derive(Default)]
struct Segment {
    accepted: Vec<usize>,
}

/// A row being summed: its profile, the attention shares per area, and
/// the number of uncoded segments.
struct Row {
    profile: Profile,
    shares: Vec<f64>,
    uncoded: u32,
}

impl CoverageMatrix {
    /// Computes the matrix from mapped documents for the framework's
    /// `areas`, in their order; an area counts as covered where the best
    /// document-level score reaches `threshold`. `documents` give each
    /// mapping's segment count (a mapping without its document counts none).
    ///
    /// ```
    /// use kommunbench_analysis::{Aggregation, CoverageMatrix, Granularity, Pipeline};
    /// use kommunbench_ingest::Ingester;
    ///
    /// let ingester = Ingester::new();
    /// let docs = vec![
    ///     ingester.ingest_str("vasa-1", "Vasa stad\n\nMål\n\n- Fler nyanlända i arbete och eget företagande\n")?,
    ///     ingester.ingest_str("vasa-2", "Vasa stad\n\nMål\n\n- Sfi och svenska för vuxna\n")?,
    /// ];
    /// let pipeline = Pipeline::builder().build()?;
    /// let mapped = pipeline.map(&docs);
    /// let areas: Vec<String> = pipeline.framework().areas().iter().map(|a| a.id.to_string()).collect();
    /// let m = CoverageMatrix::new(&docs, &mapped.mappings, &areas, Granularity::Municipality, mapped.threshold);
    /// // Both documents name Vasa: one row, their coverage combined.
    /// assert_eq!(m.profiles().len(), 1);
    /// assert_eq!(m.profiles()[0].actor.name(), "Vasa");
    /// let wide = m.wide(Aggregation::Binary)?;
    /// assert_eq!(wide.column("work")?.u32()?.get(0), Some(1));
    /// assert_eq!(wide.column("adult_learning")?.u32()?.get(0), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        documents: &[PolicyDocument],
        mappings: &[DocumentMapping],
        areas: &[String],
        level: Granularity,
        threshold: f64,
    ) -> CoverageMatrix {
        let by_id: HashMap<&DocumentId, &PolicyDocument> = documents.iter().map(|d| (&d.id, d)).collect();
        CoverageMatrix::with_facts(mappings, areas, level, threshold, |m| {
            let doc = by_id.get(&m.document);
            let speaker = doc.map_or(&Speaker::Municipality, |d| &d.speaker);
            let name = doc.and_then(|d| d.speaker_name.as_deref());
            (Actor::of(&m.document, m.municipality.as_ref(), speaker, name), doc.map_or(0, |d| d.blocks.len()))
        })
    }

    /// The same matrix from the documents' facts (what a benchmark keeps
    /// of them) instead of the documents.
    pub fn from_documents(
        documents: &[DocumentInfo],
        mappings: &[DocumentMapping],
        areas: &[String],
        level: Granularity,
        threshold: f64,
    ) -> CoverageMatrix {
        let by_id: HashMap<&DocumentId, &DocumentInfo> = documents.iter().map(|d| (&d.id, d)).collect();
        CoverageMatrix::with_facts(mappings, areas, level, threshold, |m| {
            if let Some(d) = by_id.get(&m.document) {
                (d.actor.clone(), d.segments)
            } else {
                let d = DocumentInfo::of_mapping(m);
                (d.actor, d.segments)
            }
        })
    }

    /// The matrix, `facts` giving each mapping's row and segment count.
    fn with_facts(
        mappings: &[DocumentMapping],
        areas: &[String],
        level: Granularity,
        threshold: f64,
        facts: impl Fn(&DocumentMapping) -> (Actor, usize),
    ) -> CoverageMatrix {
        let area_index: HashMap<&str, usize> = areas.iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect();
        let n = areas.len();
        // Rows in key order: (document for document rows, municipality).
        let mut rows: BTreeMap<(Option<&DocumentId>, Actor), Row> = BTreeMap::new();
        for m in mappings {
            let (key, blocks) = facts(m);
            let document = (level == Granularity::Document).then_some(&m.document);
            let Row { profile: p, shares, uncoded } = rows.entry((document, key.clone())).or_insert_with(|| Row {
                profile: Profile::new(key, document.cloned(), n),
                shares: vec![0.0; n],
                uncoded: 0,
            });
            for c in &m.coverage {
                let Some(&a) = area_index.get(c.area.as_str()) else { continue };
                p.scores[a] = p.scores[a].max(c.score);
                if c.score >= threshold {
                    p.documents[a] += 1;
                }
                p.evidence[a] += c.evidence_count as u32;
            }
            // Every block is a segment; an alignment may name others.
            let mut segments: BTreeMap<usize, Segment> = (0..blocks).map(|i| (i, Segment::default())).collect();
            for al in m.alignments.iter().filter(|al| al.unit_kind == UnitKind::Segment) {
                let segment = segments.entry(al.unit_index).or_default();
                if let (true, Some(&a)) = (al.accepted, area_index.get(al.area.as_str())) {
                    segment.accepted.push(a);
                    p.weighted[a] += al.score;
                }
            }
            for s in segments.values() {
                if s.accepted.is_empty() {
                    *uncoded += 1;
                }
                for &a in &s.accepted {
                    shares[a] += 1.0 / s.accepted.len() as f64;
                }
            }
            p.segments += segments.len() as u32;
        }
        let profiles = rows
            .into_values()
            .map(|Row { profile: mut p, shares, uncoded }| {
                let total = f64::from(p.segments);
                if p.segments > 0 {
                    p.attention = shares.iter().map(|s| s / total).collect();
                    p.uncoded = f64::from(uncoded) / total;
                }
                p.covered = p.scores.iter().map(|s| *s >= threshold).collect();
                p
            })
            .collect();
        CoverageMatrix { profiles, areas: areas.to_vec(), level, threshold }
    }

    /// The rows.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    /// The framework's areas, in column order.
    pub fn areas(&self) -> &[String] {
        &self.areas
    }

    /// The row level.
    pub fn level(&self) -> Granularity {
        self.level
    }

    /// The threshold at which an area counts as covered.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The key columns of every row: `document` (document rows only),
    /// `municipality`, `municipality_code`, `actor`, each value repeated
    /// `times`.
    fn key_columns(&self, times: usize) -> Vec<Column> {
        let repeat = |f: &dyn Fn(&Profile) -> Option<String>| -> Vec<Option<String>> {
            self.profiles.iter().flat_map(|p| std::iter::repeat_n(f(p), times)).collect()
        };
        let mut columns = Vec::new();
        if self.level == Granularity::Document {
            columns.push(Column::new("document".into(), repeat(&|p| p.document.as_ref().map(ToString::to_string))));
        }
        columns.push(Column::new("municipality".into(), repeat(&|p| Some(p.actor.name().to_owned()))));
        columns.push(Column::new("municipality_code".into(), repeat(&|p| p.actor.code().map(ToString::to_string))));
        columns.push(Column::new("actor".into(), repeat(&|p| Some(p.actor.speaker().to_string()))));
        columns
    }

    /// The long form: one row per key x area with every aggregation.
    ///
    /// Columns: the key (`document` for a document-level matrix, then
    /// `municipality`, the row's name, `municipality_code`, null for a
    /// document whose municipality is not known, and `actor`, who speaks:
    /// `municipality`, `party:M`, `region`, `national`), `area`, `score`, `covered`, `documents`
    /// (covering the area), `evidence_count`, `weighted_sum`, `attention`,
    /// `uncoded` (the row's uncoded share, repeated on each of its rows),
    /// `segments`.
    pub fn long(&self) -> PolarsResult<DataFrame> {
        let n = self.areas.len();
        let cells = |f: &dyn Fn(&Profile, usize) -> f64| -> Vec<f64> {
            self.profiles.iter().flat_map(|p| (0..n).map(move |a| f(p, a))).collect()
        };
        let counts = |f: &dyn Fn(&Profile, usize) -> u32| -> Vec<u32> {
            self.profiles.iter().flat_map(|p| (0..n).map(move |a| f(p, a))).collect()
        };
        let mut columns = self.key_columns(n);
        columns.extend([
            Column::new("area".into(), self.profiles.iter().flat_map(|_| self.areas.iter().cloned()).collect::<Vec<_>>()),
            Column::new("score".into(), cells(&|p, a| p.scores[a])),
            Column::new("covered".into(), self.profiles.iter().flat_map(|p| p.covered.iter().copied()).collect::<Vec<bool>>()),
            Column::new("documents".into(), counts(&|p, a| p.documents[a])),
            Column::new("evidence_count".into(), counts(&|p, a| p.evidence[a])),
            Column::new("weighted_sum".into(), cells(&|p, a| p.weighted[a])),
            Column::new("attention".into(), cells(&|p, a| p.attention[a])),
            Column::new("uncoded".into(), cells(&|p, _| p.uncoded)),
            Column::new("segments".into(), counts(&|p, _| p.segments)),
        ]);
        DataFrame::new_infer_height(columns)
    }

    /// The wide form of one aggregation: the key columns and one column per
    /// area (plus `uncoded` for attention shares).
    pub fn wide(&self, value: Aggregation) -> PolarsResult<DataFrame> {
        let mut columns = self.key_columns(1);
        for (a, area) in self.areas.iter().enumerate() {
            let name = area.as_str().into();
            let floats = |f: fn(&Profile, usize) -> f64| -> Vec<f64> { self.profiles.iter().map(|p| f(p, a)).collect() };
            let counts = |f: fn(&Profile, usize) -> u32| -> Vec<u32> { self.profiles.iter().map(|p| f(p, a)).collect() };
            columns.push(match value {
                Aggregation::Binary => Column::new(name, counts(|p, a| u32::from(p.covered[a]))),
                Aggregation::MaxScore => Column::new(name, floats(|p, a| p.scores[a])),
                Aggregation::WeightedSum => Column::new(name, floats(|p, a| p.weighted[a])),
                Aggregation::EvidenceCount => Column::new(name, counts(|p, a| p.evidence[a])),
                Aggregation::Attention => Column::new(name, floats(|p, a| p.attention[a])),
            });
        }
        if value == Aggregation::Attention {
            columns.push(Column::new("uncoded".into(), self.profiles.iter().map(|p| p.uncoded).collect::<Vec<f64>>()));
        }
        DataFrame::new_infer_height(columns)
    }
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "exact values computed by hand")]
mod tests {
    use kommunbench_core::{AreaId, CountryCode, FrameworkId, Municipality, MunicipalityCode};
    use kommunbench_mapping::{Alignment, AreaCoverage};

    use super::*;

    fn municipality(name: &str, country: &str, code: &str) -> Municipality {
        Municipality {
            name: name.into(),
            code: MunicipalityCode::new(code).unwrap(),
            country: CountryCode::new(country).unwrap(),
            county: String::new(),
            aliases: Vec::new(),
        }
    }

    /// A mapping with document scores per area (a, b) and segment
    /// alignments `(index, area, score, accepted)`.
    fn mapping(
        id: &str,
        m: Option<Municipality>,
        scores: [(f64, usize); 2],
        segments: &[(usize, &str, f64, bool)],
    ) -> DocumentMapping {
        let area = |a: &str| AreaId::new(a).unwrap();
        DocumentMapping {
            document: DocumentId::new(id).unwrap(),
            municipality: m,
            framework: FrameworkId::new("test").unwrap(),
            method: "test".into(),
            alignments: segments
                .iter()
                .map(|&(i, a, score, accepted)| Alignment {
                    document: DocumentId::new(id).unwrap(),
                    unit_kind: UnitKind::Segment,
                    unit_index: i,
                    unit: "".into(),
                    level: None,
                    rule: None,
                    area: area(a),
                    score,
                    method: "test".into(),
                    accepted,
                    evidence: Vec::new(),
                })
                .collect(),
            coverage: ["a", "b"]
                .iter()
                .zip(scores)
                .map(|(a, (score, evidence_count))| AreaCoverage {
                    area: area(a),
                    score,
                    covered: score >= 0.6,
                    evidence_count,
                    evidence: Vec::new(),
                })
                .collect(),
            local_priorities: Vec::new(),
        }
    }

    /// Two documents of Vasa and one of Hedemora; areas a, b. Segments
    /// with no accepted area are named by a rejected alignment.
    fn matrix(level: Granularity) -> CoverageMatrix {
        let (vasa, hedemora) = (Some(municipality("Vasa", "FI", "905")), Some(municipality("Hedemora", "SE", "2083")));
        let mappings = [
            mapping(
                "v1",
                vasa.clone(),
                [(0.9, 3), (0.3, 1)],
                &[(0, "a", 0.9, true), (0, "b", 0.7, true), (1, "a", 0.6, true), (2, "a", 0.1, false)],
            ),
            mapping("v2", vasa, [(0.5, 1), (0.8, 2)], &[(0, "b", 0.8, true)]),
            mapping("h", hedemora, [(0.2, 1), (0.1, 1)], &[(0, "b", 0.1, false), (1, "a", 0.4, false)]),
        ];
        CoverageMatrix::new(&[], &mappings, &["a".to_owned(), "b".to_owned()], level, 0.6)
    }

    fn cell(df: &DataFrame, row: usize, column: &str) -> f64 {
        df.column(column).unwrap().cast(&DataType::Float64).unwrap().f64().unwrap().get(row).unwrap()
    }

    #[test]
    fn municipality_rows_combine_their_documents() {
        let m = matrix(Granularity::Municipality);
        let score = m.wide(Aggregation::MaxScore).unwrap();
        // Rows by name: Hedemora, Vasa; each with its code.
        assert_eq!(score.column("municipality").unwrap().str().unwrap().get(0), Some("Hedemora"));
        assert_eq!(score.column("municipality_code").unwrap().str().unwrap().get(1), Some("905"));
        assert_eq!((cell(&score, 1, "a"), cell(&score, 1, "b")), (0.9, 0.8));
        assert_eq!((cell(&score, 0, "a"), cell(&score, 0, "b")), (0.2, 0.1));
        let binary = m.wide(Aggregation::Binary).unwrap();
        assert_eq!((cell(&binary, 1, "a"), cell(&binary, 1, "b"), cell(&binary, 0, "a")), (1.0, 1.0, 0.0));
        let evidence = m.wide(Aggregation::EvidenceCount).unwrap();
        assert_eq!((cell(&evidence, 1, "a"), cell(&evidence, 1, "b")), (4.0, 3.0));
        // Documents covering: a by v1 only, b by v2 only.
        let long = m.long().unwrap();
        assert_eq!(long.height(), 4);
        assert_eq!(cell(&long, 2, "documents"), 1.0);
        assert_eq!(cell(&long, 3, "documents"), 1.0);
    }

    #[test]
    fn weighted_sum_adds_accepted_segment_scores() {
        let w = matrix(Granularity::Municipality).wide(Aggregation::WeightedSum).unwrap();
        // Vasa a: 0.9 + 0.6; b: 0.7 + 0.8. Hedemora: nothing accepted.
        assert!((cell(&w, 1, "a") - 1.5).abs() < 1e-12);
        assert!((cell(&w, 1, "b") - 1.5).abs() < 1e-12);
        assert_eq!(cell(&w, 0, "a"), 0.0);
    }

    #[test]
    fn attention_shares_sum_to_one_with_the_uncoded_remainder() {
        let m = matrix(Granularity::Municipality);
        let att = m.wide(Aggregation::Attention).unwrap();
        // Vasa has four segments: v1#0 (a and b: 1/2 each), v1#1 (a), v1#2 (uncoded), v2#0 (b).
        assert!((cell(&att, 1, "a") - 1.5 / 4.0).abs() < 1e-12);
        assert!((cell(&att, 1, "b") - 1.5 / 4.0).abs() < 1e-12);
        assert!((cell(&att, 1, "uncoded") - 0.25).abs() < 1e-12);
        assert_eq!(m.profiles()[1].segments, 4);
        // Hedemora: two segments, none accepted.
        assert_eq!((cell(&att, 0, "a"), cell(&att, 0, "uncoded")), (0.0, 1.0));
        for row in 0..2 {
            let total = cell(&att, row, "a") + cell(&att, row, "b") + cell(&att, row, "uncoded");
            assert!((total - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn document_rows_keep_their_municipality() {
        let score = matrix(Granularity::Document).wide(Aggregation::MaxScore).unwrap();
        assert_eq!(score.height(), 3);
        assert_eq!(
            score.get_column_names_owned().iter().map(polars::prelude::PlSmallStr::as_str).collect::<Vec<_>>(),
            ["document", "municipality", "municipality_code", "actor", "a", "b"]
        );
        let documents: Vec<&str> = score.column("document").unwrap().str().unwrap().iter().flatten().collect();
        assert_eq!(documents, ["h", "v1", "v2"]);
        assert_eq!(cell(&score, 2, "b"), 0.8);
    }

    #[test]
    fn a_document_without_a_municipality_is_a_row_of_its_own() {
        let mappings = [mapping("plan", None, [(0.7, 1), (0.0, 0)], &[])];
        let m = CoverageMatrix::new(&[], &mappings, &["a".to_owned(), "b".to_owned()], Granularity::Municipality, 0.6);
        let long = m.long().unwrap();
        assert_eq!(long.column("municipality").unwrap().str().unwrap().get(0), Some("(plan)"));
        assert_eq!(long.column("municipality_code").unwrap().str().unwrap().get(0), None);
        // No segments: no attention and nothing uncoded, not a division by zero.
        assert_eq!((m.profiles()[0].uncoded, m.profiles()[0].attention[0]), (0.0, 0.0));
    }
}

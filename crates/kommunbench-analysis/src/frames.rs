//! The tables of mapped documents, made from the typed mappings when they
//! are written or handed to Python.

use std::borrow::Cow;
use std::collections::HashMap;

use kommunbench_core::{Date, DocumentId, DocumentKind, Level, Municipality, PolicyDocument, Speaker};
use kommunbench_mapping::{AreaCoverage, DocumentMapping, Evidence, UnitKind};
use polars::prelude::*;

use crate::actor::Actor;

/// What the tables say about a document besides its coverage: its row's
/// actor, its municipality, title, kind, date and priorities.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    /// The document.
    pub id: DocumentId,
    /// Its title.
    pub title: String,
    /// Its priorities in document order: title and level.
    pub priorities: Vec<(String, Level)>,
    /// The row it belongs to.
    pub actor: Actor,
    /// Its municipality, when recognised.
    pub municipality: Option<Municipality>,
    /// What kind of document it is (`None` for a mapping given without
    /// its document).
    pub kind: Option<DocumentKind>,
    /// Its date (adopted, else published, else updated).
    pub date: Option<Date>,
    /// How many content blocks (segments) it has: the denominator of the
    /// attention shares.
    pub segments: usize,
}

impl From<&PolicyDocument> for DocumentInfo {
    fn from(d: &PolicyDocument) -> DocumentInfo {
        DocumentInfo {
            id: d.id.clone(),
            title: d.title.clone(),
            priorities: d.priorities.iter().map(|p| (p.title.clone(), p.level)).collect(),
            actor: Actor::of_document(d),
            municipality: d.municipality.clone(),
            kind: Some(d.kind),
            date: d.dates.effective(),
            segments: d.blocks.len(),
        }
    }
}

impl DocumentInfo {
    /// The facts of a mapping given without its document: named by its
    /// id, spoken by its municipality, no priorities, kind or segments.
    pub fn of_mapping(m: &DocumentMapping) -> DocumentInfo {
        DocumentInfo {
            id: m.document.clone(),
            title: m.document.to_string(),
            priorities: Vec::new(),
            actor: Actor::of(&m.document, m.municipality.as_ref(), &Speaker::Municipality, None),
            municipality: m.municipality.clone(),
            kind: None,
            date: None,
            segments: 0,
        }
    }

    /// The facts of each mapping's document in `corpus`, in step with
    /// `mappings`; [`DocumentInfo::of_mapping`] for a mapping whose
    /// document is not there.
    pub(crate) fn of_mappings(corpus: &[PolicyDocument], mappings: &[DocumentMapping]) -> Vec<DocumentInfo> {
        let by_id: HashMap<&DocumentId, &PolicyDocument> = corpus.iter().map(|d| (&d.id, d)).collect();
        mappings
            .iter()
            .map(|m| by_id.get(&m.document).map_or_else(|| DocumentInfo::of_mapping(m), |d| DocumentInfo::from(*d)))
            .collect()
    }
}

/// Document-level coverage with the documents' metadata, one row per
/// document x area: `document, municipality, municipality_code, county,
/// country, kind, actor, date, framework, area, score, covered, evidence_count`
/// (`municipality` is `(id)` for a document whose municipality is not
/// known). The table `kommunbench coverage` prints and Python's
/// `coverage()` returns.
pub fn document_coverage(mappings: &[DocumentMapping], documents: &[DocumentInfo]) -> PolarsResult<DataFrame> {
    let by_id: HashMap<&DocumentId, &DocumentInfo> = documents.iter().map(|d| (&d.id, d)).collect();
    coverage_rows(mappings.iter().map(|m| (&m.document, by_id.get(&m.document).copied(), m.framework.as_str(), &m.coverage[..])))
}

/// One document's facts and its coverage, without its text: what
/// [`Pipeline::read_coverages`](crate::Pipeline::read_coverages) keeps of
/// each document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentCoverage {
    /// The document's facts.
    pub info: DocumentInfo,
    /// Its coverage of each area of the framework.
    pub coverage: Vec<AreaCoverage>,
}

/// The same table from coverage alone (what
/// [`Pipeline::read_coverages`](crate::Pipeline::read_coverages) and
/// [`Pipeline::coverages`](crate::Pipeline::coverages) give).
pub fn coverage_table(framework: &str, documents: &[DocumentCoverage]) -> PolarsResult<DataFrame> {
    coverage_rows(documents.iter().map(|d| (&d.info.id, Some(&d.info), framework, &d.coverage[..])))
}

fn coverage_rows<'a>(
    documents: impl Iterator<Item = (&'a DocumentId, Option<&'a DocumentInfo>, &'a str, &'a [AreaCoverage])>,
) -> PolarsResult<DataFrame> {
    // A document's cells once: each of its rows (one an area) borrows them.
    let documents: Vec<(DocumentCells<'a>, &[AreaCoverage])> =
        documents.map(|(id, doc, framework, coverage)| (document_cells(id, doc, framework), coverage)).collect();
    let rows = documents.iter().map(|(_, coverage)| coverage.len()).sum();
    let mut cols: [Vec<Option<&str>>; 9] = std::array::from_fn(|_| Vec::with_capacity(rows));
    let (mut areas, mut score, mut covered, mut evidence) =
        (Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows));
    for (cells, coverage) in &documents {
        for c in *coverage {
            for (col, v) in cols.iter_mut().zip(cells) {
                col.push(v.as_deref());
            }
            areas.push(c.area.as_str());
            score.push(c.score);
            covered.push(c.covered);
            evidence.push(c.evidence_count as u32);
        }
    }
    let [document, municipality, code, county, country, kind, actor, date, framework] = cols;
    df!(
        "document" => document,
        "municipality" => municipality,
        "municipality_code" => code,
        "county" => county,
        "country" => country,
        "kind" => kind,
        "actor" => actor,
        "date" => date,
        "framework" => framework,
        "area" => areas,
        "score" => score,
        "covered" => covered,
        "evidence_count" => evidence,
    )
}

/// The cells of a coverage row that are the document's: id, row name,
/// municipality code, county, country, kind, speaker, date, framework.
type DocumentCells<'a> = [Option<Cow<'a, str>>; 9];

/// A document's [`DocumentCells`].
fn document_cells<'a>(id: &'a DocumentId, doc: Option<&'a DocumentInfo>, framework: &'a str) -> DocumentCells<'a> {
    let municipality = doc.and_then(|d| d.municipality.as_ref());
    [
        Some(Cow::Borrowed(id.as_str())),
        Some(doc.map_or_else(|| Cow::Owned(Actor::document(id).name().to_owned()), |d| Cow::Borrowed(d.actor.name()))),
        municipality.map(|m| Cow::Owned(m.code.to_string())),
        municipality.map(|m| Cow::Borrowed(m.county.as_str())),
        municipality.map(|m| Cow::Owned(m.country.to_string())),
        doc.and_then(|d| d.kind).map(|k| Cow::Borrowed(k.as_str())),
        Some(doc.map_or(Cow::Borrowed("municipality"), |d| Cow::Owned(d.actor.speaker().to_string()))),
        doc.and_then(|d| d.date).map(|d| Cow::Owned(d.to_string())),
        Some(Cow::Borrowed(framework)),
    ]
}

/// The columns of the evidence table, in order.
pub(crate) const EVIDENCE_COLUMNS: [&str; 9] =
    ["document", "municipality", "area", "term", "text", "sentence", "start", "end", "page"];

/// One row of the evidence table, borrowed from the mappings.
pub(crate) struct EvidenceRow<'a> {
    pub document: &'a DocumentId,
    pub municipality: Cow<'a, str>,
    pub area: &'a str,
    pub evidence: &'a Evidence,
}

/// The rows of the evidence table, in the mappings' order.
pub(crate) fn evidence_rows<'a>(
    mappings: &'a [DocumentMapping],
    documents: &'a [DocumentInfo],
) -> impl Iterator<Item = EvidenceRow<'a>> + 'a {
    let actors: HashMap<&DocumentId, &Actor> = documents.iter().map(|d| (&d.id, &d.actor)).collect();
    mappings.iter().flat_map(move |m| {
        let municipality: Cow<'a, str> = match actors.get(&m.document) {
            Some(actor) => Cow::Borrowed(actor.name()),
            None => Cow::Owned(Actor::document(&m.document).name().to_owned()),
        };
        m.coverage.iter().flat_map(move |c| {
            let municipality = municipality.clone();
            c.evidence.iter().map(move |evidence| EvidenceRow {
                document: &m.document,
                municipality: municipality.clone(),
                area: c.area.as_str(),
                evidence,
            })
        })
    })
}

/// Every piece of evidence behind document-level coverage, for drill-down:
/// `document, municipality, area, term, text, sentence, start, end, page`
/// (`page` is null but for paged formats: PDF).
pub fn evidence(mappings: &[DocumentMapping], documents: &[DocumentInfo]) -> PolarsResult<DataFrame> {
    evidence_with(mappings, documents, |s| Cow::Borrowed(s))
}

/// The evidence table, each text cell passed through `cell` (the CSV
/// writer makes them spreadsheet-safe as it goes).
pub(crate) fn evidence_with(
    mappings: &[DocumentMapping],
    documents: &[DocumentInfo],
    cell: impl for<'s> Fn(&'s str) -> Cow<'s, str>,
) -> PolarsResult<DataFrame> {
    let mut text: [StringChunkedBuilder; 6] = std::array::from_fn(|i| StringChunkedBuilder::new(EVIDENCE_COLUMNS[i].into(), 0));
    let (mut start, mut end, mut page) = (Vec::new(), Vec::new(), Vec::new());
    for row in evidence_rows(mappings, documents) {
        let e = row.evidence;
        for (column, value) in
            text.iter_mut().zip([row.document.as_str(), &row.municipality, row.area, &e.term, &e.text, &e.sentence])
        {
            column.append_value(cell(value));
        }
        start.push(e.span.start as u64);
        end.push(e.span.end as u64);
        page.push(e.page);
    }
    let mut columns: Vec<Column> = text.into_iter().map(|b| b.finish().into_column()).collect();
    columns.push(Column::new(EVIDENCE_COLUMNS[6].into(), start));
    columns.push(Column::new(EVIDENCE_COLUMNS[7].into(), end));
    columns.push(Column::new(EVIDENCE_COLUMNS[8].into(), page));
    DataFrame::new_infer_height(columns)
}

/// The accepted (or, with `all`, every) priority and segment x area
/// alignment, and a row for each local priority (no area of the
/// framework: `area` null, evidence `local priority: no area of FRAMEWORK`):
/// `document, unit_kind, unit_index, unit, level, rule, area, score,
/// method, accepted, evidence` (the matched words and their terms, with
/// the page in paged formats). `level` and `rule` (how the priority was
/// found) are null for segments. The table `kommunbench map` prints and
/// Python's `map()` returns.
pub fn alignment_table(mappings: &[DocumentMapping], documents: &[PolicyDocument], all: bool) -> PolarsResult<DataFrame> {
    let by_id: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut document = Vec::new();
    let mut unit_kind = Vec::new();
    let mut unit_index = Vec::new();
    let mut unit = Vec::new();
    let mut level = Vec::new();
    let mut rule = Vec::new();
    let mut area = Vec::new();
    let mut score = Vec::new();
    let mut method = Vec::new();
    let mut accepted = Vec::new();
    let mut evidence = Vec::new();
    for m in mappings {
        for a in m.alignments.iter().filter(|a| all || a.accepted) {
            document.push(a.document.to_string());
            unit_kind.push(a.unit_kind.as_str());
            unit_index.push(a.unit_index as u32);
            unit.push(a.unit.to_string());
            level.push(a.level.map(kommunbench_core::Level::as_str));
            rule.push(a.rule.map(kommunbench_core::Rule::as_str));
            area.push(Some(a.area.to_string()));
            score.push(a.score);
            method.push(a.method.to_string());
            accepted.push(a.accepted);
            evidence.push(kommunbench_mapping::evidence_summary(&a.evidence));
        }
        let Some(doc) = by_id.get(m.document.as_str()) else { continue };
        for &i in &m.local_priorities {
            let Some(p) = doc.priorities.get(i) else { continue };
            document.push(m.document.to_string());
            unit_kind.push(UnitKind::Priority.as_str());
            unit_index.push(i as u32);
            unit.push(p.title.clone());
            level.push(Some(p.level.as_str()));
            rule.push(Some(p.rule.as_str()));
            area.push(None);
            score.push(0.0);
            method.push(m.method.clone());
            accepted.push(true);
            evidence.push(format!("local priority: no area of {}", m.framework));
        }
    }
    df!(
        "document" => document,
        "unit_kind" => unit_kind,
        "unit_index" => unit_index,
        "unit" => unit,
        "level" => level,
        "rule" => rule,
        "area" => area,
        "score" => score,
        "method" => method,
        "accepted" => accepted,
        "evidence" => evidence,
    )
}

//! Mapper output as polars frames: the long tables every analysis starts
//! from.

use std::collections::HashMap;

use kommunbench_core::PolicyDocument;
use kommunbench_mapping::{AreaCoverage, DocumentMapping, UnitKind};
use polars::prelude::*;

/// The name a municipality goes by in the tables; documents whose
/// municipality was not recognised are grouped under their own id.
pub fn municipality_label(doc: &PolicyDocument) -> String {
    doc.municipality.as_ref().map_or_else(|| format!("({})", doc.id), |m| m.name.clone())
}

/// The long alignment table, one row per unit x area candidate:
/// `document, municipality, unit_kind, unit_index, area, score, accepted,
/// evidence_count`.
///
/// `unit_kind` is `document` for a document's own coverage (one row per
/// area), `priority` or `segment` for the units; a segment with no accepted
/// area gets one row with a null `area` (the uncoded remainder of
/// attention shares). This is the input of [`crate::CoverageMatrix`].
pub fn alignments(mappings: &[DocumentMapping], documents: &[PolicyDocument]) -> PolarsResult<DataFrame> {
    let labels: HashMap<&str, String> = documents.iter().map(|d| (d.id.as_str(), municipality_label(d))).collect();
    let mut document = Vec::new();
    let mut municipality = Vec::new();
    let mut unit_kind = Vec::new();
    let mut unit_index = Vec::new();
    let mut area: Vec<Option<String>> = Vec::new();
    let mut score = Vec::new();
    let mut accepted = Vec::new();
    let mut evidence = Vec::new();
    for m in mappings {
        let label = labels.get(m.document.as_str()).cloned().unwrap_or_else(|| format!("({})", m.document));
        let mut push = |kind: &str, index: u32, a: Option<&str>, s: f64, acc: bool, n: usize| {
            document.push(m.document.to_string());
            municipality.push(label.clone());
            unit_kind.push(kind.to_owned());
            unit_index.push(index);
            area.push(a.map(str::to_owned));
            score.push(s);
            accepted.push(acc);
            evidence.push(n as u32);
        };
        for c in &m.coverage {
            push("document", 0, Some(c.area.as_str()), c.score, c.covered, c.evidence_count);
        }
        for a in &m.alignments {
            push(a.unit_kind.as_str(), a.unit_index as u32, Some(a.area.as_str()), a.score, a.accepted, a.evidence.len());
        }
        // Segments without an accepted area: the uncoded remainder.
        let doc = documents.iter().find(|d| d.id == m.document);
        let segments = doc.map_or(0, |d| d.blocks.len());
        for i in 0..segments {
            let coded = m.alignments.iter().any(|a| a.unit_kind == UnitKind::Segment && a.unit_index == i && a.accepted);
            if !coded {
                push("segment", i as u32, None, 0.0, false, 0);
            }
        }
    }
    df!(
        "document" => document,
        "municipality" => municipality,
        "unit_kind" => unit_kind,
        "unit_index" => unit_index,
        "area" => area,
        "score" => score,
        "accepted" => accepted,
        "evidence_count" => evidence,
    )
}

/// Document-level coverage with the documents' metadata, one row per
/// document x area: `document, municipality, municipality_code, county,
/// country, kind, date, framework, area, score, covered, evidence_count`
/// (`municipality` is `(id)` for a document whose municipality is not
/// known). The table `kommunbench coverage` prints and Python's
/// `coverage()` returns.
pub fn document_coverage(mappings: &[DocumentMapping], documents: &[PolicyDocument]) -> PolarsResult<DataFrame> {
    let by_id: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    coverage_rows(
        mappings
            .iter()
            .map(|m| (m.document.as_str(), by_id.get(m.document.as_str()).copied(), m.framework.as_str(), &m.coverage[..])),
    )
}

/// The same table from coverage alone (what
/// [`Pipeline::coverages`](crate::Pipeline::coverages) gives), the
/// documents and their coverage in one order.
pub fn coverage_table(framework: &str, documents: &[PolicyDocument], coverages: &[Vec<AreaCoverage>]) -> PolarsResult<DataFrame> {
    coverage_rows(documents.iter().zip(coverages).map(|(d, c)| (d.id.as_str(), Some(d), framework, &c[..])))
}

fn coverage_rows<'a>(
    documents: impl Iterator<Item = (&'a str, Option<&'a PolicyDocument>, &'a str, &'a [AreaCoverage])>,
) -> PolarsResult<DataFrame> {
    let mut cols: [Vec<Option<String>>; 8] = Default::default();
    let (mut areas, mut score, mut covered, mut evidence) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (id, doc, framework, coverage) in documents {
        let municipality = doc.and_then(|d| d.municipality.as_ref());
        for c in coverage {
            let values = [
                Some(id.to_owned()),
                Some(doc.map_or_else(|| format!("({id})"), municipality_label)),
                municipality.map(|m| m.code.to_string()),
                municipality.map(|m| m.county.clone()),
                municipality.map(|m| m.country.to_string()),
                doc.map(|d| d.kind.to_string()),
                doc.and_then(|d| d.dates.effective()).map(|d| d.to_string()),
                Some(framework.to_owned()),
            ];
            for (col, v) in cols.iter_mut().zip(values) {
                col.push(v);
            }
            areas.push(c.area.to_string());
            score.push(c.score);
            covered.push(c.covered);
            evidence.push(c.evidence_count as u32);
        }
    }
    let [document, municipality, code, county, country, kind, date, framework] = cols;
    df!(
        "document" => document,
        "municipality" => municipality,
        "municipality_code" => code,
        "county" => county,
        "country" => country,
        "kind" => kind,
        "date" => date,
        "framework" => framework,
        "area" => areas,
        "score" => score,
        "covered" => covered,
        "evidence_count" => evidence,
    )
}

/// Every piece of evidence behind document-level coverage, for drill-down:
/// `document, municipality, area, term, text, sentence, start, end, page`
/// (`page` is null but for paged formats: PDF).
pub fn evidence(mappings: &[DocumentMapping], documents: &[PolicyDocument]) -> PolarsResult<DataFrame> {
    let labels: HashMap<&str, String> = documents.iter().map(|d| (d.id.as_str(), municipality_label(d))).collect();
    let mut cols: [Vec<String>; 6] = Default::default();
    let (mut start, mut end, mut page) = (Vec::new(), Vec::new(), Vec::new());
    for m in mappings {
        let label = labels.get(m.document.as_str()).cloned().unwrap_or_else(|| format!("({})", m.document));
        for c in &m.coverage {
            for e in &c.evidence {
                let values = [
                    m.document.to_string(),
                    label.clone(),
                    c.area.to_string(),
                    e.term.clone(),
                    e.text.clone(),
                    e.sentence.clone(),
                ];
                for (col, v) in cols.iter_mut().zip(values) {
                    col.push(v);
                }
                start.push(e.span.start as u64);
                end.push(e.span.end as u64);
                page.push(e.page);
            }
        }
    }
    let [document, municipality, area, term, text, sentence] = cols;
    df!(
        "document" => document,
        "municipality" => municipality,
        "area" => area,
        "term" => term,
        "text" => text,
        "sentence" => sentence,
        "start" => start,
        "end" => end,
        "page" => page,
    )
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
            unit.push(a.unit.clone());
            level.push(a.level.map(kommunbench_core::Level::as_str));
            rule.push(a.rule.map(kommunbench_core::Rule::as_str));
            area.push(Some(a.area.to_string()));
            score.push(a.score);
            method.push(a.method.clone());
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

//! Mapper output as polars frames: the long tables every analysis starts
//! from.

use std::collections::HashMap;

use kommunbench_core::PolicyDocument;
use kommunbench_mapping::{DocumentMapping, UnitKind};
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
/// country, kind, date, framework, area, score, covered, evidence_count`.
pub fn document_coverage(mappings: &[DocumentMapping], documents: &[PolicyDocument]) -> PolarsResult<DataFrame> {
    let by_id: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut cols: [Vec<Option<String>>; 8] = Default::default();
    let (mut score, mut covered, mut evidence) = (Vec::new(), Vec::new(), Vec::new());
    for m in mappings {
        let doc = by_id.get(m.document.as_str());
        let municipality = doc.and_then(|d| d.municipality.as_ref());
        for c in &m.coverage {
            let values = [
                Some(m.document.to_string()),
                Some(doc.map_or_else(|| format!("({})", m.document), |d| municipality_label(d))),
                municipality.map(|m| m.code.to_string()),
                municipality.map(|m| m.county.clone()),
                municipality.map(|m| m.country.to_string()),
                doc.map(|d| d.kind.to_string()),
                doc.and_then(|d| d.dates.effective()).map(|d| d.to_string()),
                Some(m.framework.to_string()),
            ];
            for (col, v) in cols.iter_mut().zip(values) {
                col.push(v);
            }
            score.push(c.score);
            covered.push(c.covered);
            evidence.push(c.evidence_count as u32);
        }
    }
    let [document, municipality, code, county, country, kind, date, framework] = cols;
    let areas: Vec<String> = mappings.iter().flat_map(|m| m.coverage.iter().map(|c| c.area.to_string())).collect();
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
/// alignment: `document, unit_kind, unit_index, unit, level, rule, area,
/// score, method, accepted, evidence` (the matched words and their
/// terms). `level` and `rule` (how the priority was found) are null for
/// segments.
pub fn alignment_table(mappings: &[DocumentMapping], all: bool) -> PolarsResult<DataFrame> {
    let rows: Vec<&kommunbench_mapping::Alignment> =
        mappings.iter().flat_map(|m| &m.alignments).filter(|a| all || a.accepted).collect();
    let text = |f: fn(&kommunbench_mapping::Alignment) -> String| rows.iter().map(|a| f(a)).collect::<Vec<String>>();
    df!(
        "document" => text(|a| a.document.to_string()),
        "unit_kind" => text(|a| a.unit_kind.as_str().to_owned()),
        "unit_index" => rows.iter().map(|a| a.unit_index as u32).collect::<Vec<_>>(),
        "unit" => text(|a| a.unit.clone()),
        "level" => rows.iter().map(|a| a.level.map(kommunbench_core::Level::as_str)).collect::<Vec<_>>(),
        "rule" => rows.iter().map(|a| a.rule.map(kommunbench_core::Rule::as_str)).collect::<Vec<_>>(),
        "area" => text(|a| a.area.to_string()),
        "score" => rows.iter().map(|a| a.score).collect::<Vec<_>>(),
        "method" => text(|a| a.method.clone()),
        "accepted" => rows.iter().map(|a| a.accepted).collect::<Vec<_>>(),
        "evidence" => text(|a| kommunbench_mapping::evidence_summary(&a.evidence)),
    )
}

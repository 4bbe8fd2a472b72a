//! What the page and the heatmap show, read from a benchmark's tables.

use std::collections::HashMap;

use kommunbench_analysis::{Benchmark, text_rows};
use polars::prelude::*;

use crate::ReportError;
use crate::render::{ReportCell, ReportData, ReportEvidence, ReportRow, Table};

/// What the heatmap and the HTML page show; `notes` (such as inputs that
/// failed) go into the page.
pub fn report_data(bench: &Benchmark, notes: Vec<String>) -> Result<ReportData, ReportError> {
    let ev = &bench.evidence;
    let text = |name: &str| -> PolarsResult<&StringChunked> { ev.column(name)?.str() };
    let (doc, muni, area, term, words, sentence) =
        (text("document")?, text("municipality")?, text("area")?, text("term")?, text("text")?, text("sentence")?);
    let page = ev.column("page")?.u32()?;
    // Each piece of evidence under its (municipality, area) cell, in one
    // pass over the table rather than one pass per cell.
    let mut cells: HashMap<(&str, &str), Vec<ReportEvidence>> = HashMap::new();
    for r in 0..ev.height() {
        fn get(c: &StringChunked, r: usize) -> &str {
            c.get(r).unwrap_or("")
        }
        cells.entry((get(muni, r), get(area, r))).or_default().push(ReportEvidence {
            document: get(doc, r).to_owned(),
            term: get(term, r).to_owned(),
            text: get(words, r).to_owned(),
            sentence: get(sentence, r).to_owned(),
            page: page.get(r),
        });
    }
    let rows = bench
        .profiles
        .iter()
        .map(|p| ReportRow {
            label: p.name.clone(),
            documents: bench.documents.get(&p.name).cloned().unwrap_or_default(),
            cells: bench
                .areas
                .iter()
                .enumerate()
                .map(|(i, (id, _))| ReportCell {
                    score: p.scores[i],
                    covered: p.covered[i],
                    evidence: cells.remove(&(p.name.as_str(), id.as_str())).unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let table = |title: &str, df: &DataFrame| Table {
        title: title.to_owned(),
        columns: df.get_column_names().iter().map(std::string::ToString::to_string).collect(),
        rows: text_rows(df),
    };
    Ok(ReportData {
        title: format!("Integration policy coverage, {}", bench.framework),
        framework: bench.framework.clone(),
        areas: bench.areas.clone(),
        rows,
        tables: vec![
            table("Municipalities", &bench.metrics),
            table("Areas", &bench.area_metrics),
            table("Nearest peers (cosine of the score profiles)", &bench.peers),
            table("Changes between policy generations", &bench.changes),
        ],
        notes,
        threshold: bench.threshold,
    })
}

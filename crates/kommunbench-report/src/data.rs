//! What the page and the heatmap show, read from a benchmark's tables.

use kommunbench_analysis::{Benchmark, text_rows};
use polars::prelude::*;

use crate::ReportError;
use crate::render::{ReportCell, ReportData, ReportEvidence, ReportRow, Table};

/// What the heatmap and the HTML page show; `notes` (such as inputs that
/// failed) go into the page.
pub fn report_data(bench: &Benchmark, notes: Vec<String>) -> Result<ReportData, ReportError> {
    let ev = &bench.evidence;
    let column = |name: &str| -> PolarsResult<Vec<String>> {
        Ok(ev.column(name)?.str()?.iter().map(|v| v.unwrap_or("").to_owned()).collect())
    };
    let (doc, muni, area, term, text, sentence) =
        (column("document")?, column("municipality")?, column("area")?, column("term")?, column("text")?, column("sentence")?);
    let page: Vec<Option<u32>> = ev.column("page")?.u32()?.iter().collect();
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
                    evidence: (0..doc.len())
                        .filter(|&r| muni[r] == p.name && area[r] == *id)
                        .map(|r| ReportEvidence {
                            document: doc[r].clone(),
                            term: term[r].clone(),
                            text: text[r].clone(),
                            sentence: sentence[r].clone(),
                            page: page[r],
                        })
                        .collect(),
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

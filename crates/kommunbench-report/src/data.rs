//! What the page and the heatmap show, read from a benchmark's tables.

use kommunbench_analysis::{Benchmark, text_rows};
use polars::prelude::*;

use crate::ReportError;
use crate::render::{ReportCell, ReportData, ReportEvidence, ReportRow, Table};

/// What the heatmap and the HTML page show; `notes` (such as inputs that
/// failed) go into the page.
pub fn report_data(bench: &Benchmark, mut notes: Vec<String>) -> Result<ReportData, ReportError> {
    if !bench.left_out.is_empty() {
        let listed: Vec<String> = bench
            .left_out
            .iter()
            .map(|d| format!("{} ({}, {})", d.id, d.actor.speaker(), d.kind.map_or("unknown kind", |k| k.as_str())))
            .collect();
        notes.push(format!(
            "Left out of the rows, since the municipality does not speak in them (municipalities only): {}",
            listed.join(", ")
        ));
    }
    let rows = bench
        .profiles()
        .iter()
        .map(|p| {
            let mappings: Vec<_> = bench.mappings_of(&p.actor).collect();
            ReportRow {
                label: p.name().to_owned(),
                documents: mappings.iter().map(|m| m.document.to_string()).collect(),
                cells: bench
                    .areas
                    .iter()
                    .enumerate()
                    .map(|(i, (area, _))| ReportCell {
                        score: p.scores[i],
                        covered: p.covered[i],
                        evidence: mappings
                            .iter()
                            .filter_map(|m| m.coverage.iter().find(|c| c.area.as_str() == area).map(|c| (m, c)))
                            .flat_map(|(m, c)| {
                                c.evidence.iter().map(|e| ReportEvidence {
                                    document: m.document.to_string(),
                                    term: e.term.clone(),
                                    text: e.text.clone(),
                                    sentence: e.sentence.clone(),
                                    page: e.page,
                                })
                            })
                            .collect(),
                    })
                    .collect(),
            }
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
            table("Municipalities", &bench.metrics()?),
            table("Areas", &bench.area_metrics()?),
            table("Nearest peers (cosine of the score profiles)", &bench.peers()?),
            table("Changes between policy generations", &bench.changes()?),
        ],
        notes,
        threshold: bench.threshold,
    })
}

//! What the "Policy and outcomes" section and the rows' key figures show,
//! read from an [`OutcomeReport`].

use std::collections::HashMap;

use kommunbench_analysis::{Estimate, NOT_CAUSAL, OutcomeReport};

use crate::render::{ReportKpi, ReportOutcomes, ReportPoint, ReportRow, ReportRowKpi, scatter_svg};

/// The section's key figures, and each row's key figures on its page
/// (`rows` by row label). Outcome notes go to `notes`.
pub(crate) fn outcome_section(
    outcomes: &OutcomeReport,
    rows: &mut [ReportRow],
    threshold: f64,
    notes: &mut Vec<String>,
) -> ReportOutcomes {
    let slugs: HashMap<&str, String> = rows.iter().map(|r| (r.label.as_str(), r.slug.clone())).collect();
    let mut kpis = Vec::new();
    for s in &outcomes.summaries {
        let mine: Vec<_> = outcomes.rows.iter().filter(|r| r.kpi == s.kpi && r.area == s.area).collect();
        let colour_by = |r: &kommunbench_analysis::OutcomeRow| r.group.clone().or_else(|| r.county.clone()).unwrap_or_default();
        let mut groups: Vec<String> = Vec::new();
        let points: Vec<ReportPoint> = mine
            .iter()
            .filter_map(|r| {
                let group = colour_by(r);
                if !groups.contains(&group) {
                    groups.push(group.clone());
                }
                Some(ReportPoint {
                    name: r.municipality.clone(),
                    slug: slugs.get(r.municipality.as_str())?.clone(),
                    group,
                    score: r.score,
                    value: r.value?,
                })
            })
            .collect();
        groups.retain(|g| points.iter().any(|p| &p.group == g));
        groups.sort();
        let unit = &s.unit;
        let mut kpi = ReportKpi {
            area: s.area.clone(),
            kpi: s.kpi.clone(),
            title: s.title.clone(),
            unit: unit.clone(),
            direction: s.direction.as_str().to_owned(),
            year: s.year,
            n: s.n,
            n_covered: s.n_covered,
            median_covered: value(s.median_covered, unit),
            median_not_covered: value(s.median_not_covered, unit),
            difference: s.difference.map_or_else(|| "too few municipalities on one side".to_owned(), |e| estimate(e, unit)),
            spearman: s.spearman.map_or_else(|| "too few municipalities".to_owned(), rho),
            national_median: value(s.national_median, unit),
            change: s.median_change.map_or_else(
                || "no municipality has a dated policy and a value in its year".to_owned(),
                |m| format!("{} (median of {})", signed(m, unit), s.n_change),
            ),
            points,
            groups,
            scatter: String::new(),
            legend: Vec::new(),
        };
        // A key figure without values is said in words, not drawn empty.
        if !kpi.points.is_empty() {
            kpi.scatter = scatter_svg(&kpi, threshold);
        }
        kpi.legend = crate::render::scatter_legend(&kpi).into_iter().map(|(g, c)| (g, c.to_owned())).collect();
        kpis.push(kpi);
    }
    // Each municipality's key figures, found in one pass.
    let mut by_row: HashMap<&str, Vec<&kommunbench_analysis::OutcomeRow>> = HashMap::new();
    for r in &outcomes.rows {
        by_row.entry(r.municipality.as_str()).or_default().push(r);
    }
    for row in rows.iter_mut() {
        row.outcomes = by_row
            .get(row.label.as_str())
            .into_iter()
            .flatten()
            .map(|r| {
                let s = outcomes.summaries.iter().find(|s| s.kpi == r.kpi && s.area == r.area);
                let unit = s.map_or("", |s| s.unit.as_str());
                ReportRowKpi {
                    area: r.area.clone(),
                    kpi: r.kpi.clone(),
                    title: s.map_or_else(String::new, |s| s.title.clone()),
                    unit: unit.to_owned(),
                    direction: s.map_or("", |s| s.direction.as_str()).to_owned(),
                    score: r.score,
                    covered: r.covered,
                    value: match (r.value, r.year) {
                        (Some(v), Some(y)) => format!("{} ({y})", value(Some(v), unit)),
                        _ => "no value".to_owned(),
                    },
                    group_median: value(r.group_median, unit),
                    national_median: value(s.and_then(|s| s.national_median), unit),
                    change: match (r.change, r.policy_year, r.value) {
                        (Some(c), y, _) => format!("{} since {}", signed(c, unit), y.map_or_else(String::new, |y| y.to_string())),
                        // Without a value now there is nothing to compare.
                        (None, _, None) => "–".to_owned(),
                        (None, Some(y), Some(_)) if r.year == Some(y) => "the policy is from the latest year".to_owned(),
                        (None, Some(y), Some(_)) => format!("no value for {y}, the policy's year"),
                        (None, None, Some(_)) => "no dated policy".to_owned(),
                    },
                }
            })
            .collect();
    }
    notes.extend(outcomes.notes.iter().map(|n| format!("Outcomes: {n}")));
    ReportOutcomes { sentence: NOT_CAUSAL.to_owned(), kpis }
}

fn value(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{} {unit}", crate::render::number(v)).trim_end().to_owned())
}

/// A difference or a change: of a share (`%`) it is in percentage points.
fn signed(v: f64, unit: &str) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    let unit = if unit == "%" { "percentage points" } else { unit };
    format!("{sign}{} {unit}", crate::render::number(v)).trim_end().to_owned()
}

fn estimate(e: Estimate, unit: &str) -> String {
    let bare = |v: f64| signed(v, "");
    format!("{} (95% interval {} to {})", signed(e.value, unit), bare(e.low), bare(e.high))
}

fn rho(e: Estimate) -> String {
    format!("{:.2} (95% interval {:.2} to {:.2})", e.value, e.low, e.high)
}

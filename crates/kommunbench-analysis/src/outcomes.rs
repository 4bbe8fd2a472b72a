//! Talk and results side by side: each municipality's coverage of an area
//! beside the key figures that speak to it (Kolada), and how the two go
//! together across municipalities. Descriptive, not causal.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kommunbench_outcomes::{Direction, Gender, KpiMap, Outcomes, is_group};
use polars::prelude::*;

use crate::Benchmark;
use crate::metrics::median;

/// Resamples of each bootstrap interval.
pub const OUTCOME_RESAMPLES: usize = 2000;

/// The seed of the bootstrap intervals, so that a report is the same run
/// after run.
const SEED: u64 = 0x6b6f_6c61_6461;

/// The one sentence a reader of the comparison needs.
pub const NOT_CAUSAL: &str = "These figures describe how coverage and outcomes go together across municipalities; \
they do not show that a policy caused an outcome, or the other way round.";

/// One municipality's coverage of an area beside one key figure.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeRow {
    /// The municipality's name.
    pub municipality: String,
    /// Its code (Kolada's id).
    pub code: String,
    /// Its county.
    pub county: Option<String>,
    /// Its peer group, where there are groups.
    pub group: Option<String>,
    /// The area.
    pub area: String,
    /// The key figure.
    pub kpi: String,
    /// The row's coverage score of the area.
    pub score: f64,
    /// Whether the area is covered.
    pub covered: bool,
    /// The key figure's latest year in the data.
    pub year: Option<i32>,
    /// Its value that year (everyone, `T`), if the municipality has one.
    pub value: Option<f64>,
    /// Women's value that year (`K`), for key figures Kolada divides by gender.
    pub value_women: Option<f64>,
    /// Men's value that year (`M`).
    pub value_men: Option<f64>,
    /// The year of the municipality's latest dated document.
    pub policy_year: Option<i32>,
    /// The value in the policy's year.
    pub value_at_policy: Option<f64>,
    /// `value - value_at_policy`, where both are known and the policy is
    /// older than the latest year.
    pub change: Option<f64>,
    /// The median value of the municipality's peer group (of all the
    /// benchmark's municipalities where there are no groups).
    pub group_median: Option<f64>,
}

/// A number with a bootstrap interval (95 %, percentiles).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The estimate.
    pub value: f64,
    /// The interval's lower end.
    pub low: f64,
    /// Its upper end.
    pub high: f64,
}

/// How one key figure goes with the coverage of its area.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiSummary {
    /// The area.
    pub area: String,
    /// The key figure.
    pub kpi: String,
    /// Its title.
    pub title: String,
    /// Its unit.
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// The latest year.
    pub year: Option<i32>,
    /// Municipalities with both a document and a value.
    pub n: usize,
    /// Of them, those that cover the area.
    pub n_covered: usize,
    /// Median value where the area is covered.
    pub median_covered: Option<f64>,
    /// Median value where it is not.
    pub median_not_covered: Option<f64>,
    /// `median_covered - median_not_covered`, with its interval (both
    /// groups resampled), where each group has [`MIN_GROUP`] municipalities.
    pub difference: Option<Estimate>,
    /// Spearman's rank correlation of coverage score and value, with its
    /// interval, where [`MIN_PAIRS`] municipalities have both.
    pub spearman: Option<Estimate>,
    /// The median value of every municipality in the outcome data (not
    /// only those with a document): the national median.
    pub national_median: Option<f64>,
    /// Municipalities with a dated document and a value in its year.
    pub n_change: usize,
    /// Median change since the policy's year.
    pub median_change: Option<f64>,
}

/// One thing the outcome data lacked or flagged, for `outcomes-gaps.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// `no value` (a municipality of the benchmark without one in the
    /// latest year), `missing` (`null`), `flagged`, `withdrawn` or `group`.
    pub kind: &'static str,
    /// The key figure.
    pub kpi: String,
    /// The municipality (its name for `no value`, else Kolada's id).
    pub municipality: String,
    /// The year, where one.
    pub period: Option<i32>,
    /// Whose value (`T`, `K`, `M`), where one.
    pub gender: Option<&'static str>,
    /// The status flag, or how many values a group has.
    pub detail: String,
}

/// How many items of one kind a note lists; `outcomes-gaps.csv` has all.
pub const NOTE_ITEMS: usize = 25;

/// Items for a note: all of them up to [`NOTE_ITEMS`], else the first and
/// how many more there are.
fn listing(items: &[String], separator: &str) -> String {
    if items.len() <= NOTE_ITEMS {
        return items.join(separator);
    }
    format!("{} … and {} more (outcomes-gaps.csv)", items[..NOTE_ITEMS].join(separator), items.len() - NOTE_ITEMS)
}

/// Coverage beside outcomes: a row per municipality and key figure, a
/// summary per key figure, and what the data lacked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutcomeReport {
    /// A row per municipality (with a document) and key figure, in the
    /// benchmark's row order, key figures in the file's order.
    pub rows: Vec<OutcomeRow>,
    /// A summary per key figure, in the file's order.
    pub summaries: Vec<KpiSummary>,
    /// What the data lacked or flagged, one line each, for the report's
    /// notes: nothing is dropped without a word.
    pub notes: Vec<String>,
    /// Every item the notes count, one row each.
    pub gaps: Vec<Gap>,
}

impl Benchmark {
    /// The benchmark's municipalities beside the key figures `kpis` names,
    /// from `outcomes`: only municipalities' own rows (a party's or a
    /// region's programme is not what a municipality's figures measure).
    pub fn outcomes(&self, outcomes: &Outcomes, kpis: &KpiMap) -> OutcomeReport {
        outcome_report(self, outcomes, kpis)
    }
}

/// Total values by (kpi, Kolada id, year).
type Values<'a> = HashMap<(&'a str, &'a str, i32), f64>;

fn outcome_report(bench: &Benchmark, outcomes: &Outcomes, kpis: &KpiMap) -> OutcomeReport {
    let mut report = OutcomeReport::default();
    let by_gender = |gender: Gender| -> Values<'_> {
        outcomes
            .observations
            .iter()
            .filter(|o| o.gender == gender)
            .filter_map(|o| Some(((o.kpi.as_str(), o.municipality.as_str(), o.period), o.value?)))
            .collect()
    };
    let (values, women, men) = (by_gender(Gender::Total), by_gender(Gender::Women), by_gender(Gender::Men));
    let area_index: HashMap<&str, usize> = bench.areas.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    // The latest year of a row's dated documents.
    let mut policy_year: HashMap<&str, i32> = HashMap::new();
    for d in &bench.documents {
        if let Some(date) = d.date {
            let year = policy_year.entry(d.actor.name()).or_insert(i32::MIN);
            *year = (*year).max(i32::from(date.year()));
        }
    }
    let rows: Vec<_> = bench
        .profiles()
        .iter()
        .filter(|p| p.actor.speaker().is_municipality())
        .filter_map(|p| Some((p, p.actor.code()?.as_str().to_owned())))
        .collect();
    let known: BTreeSet<&str> = rows.iter().map(|(_, code)| code.as_str()).collect();
    for kpi in &kpis.kpis {
        let Some(&a) = area_index.get(kpi.area.as_str()) else { continue };
        // The latest year a municipality has a value (the country's or a
        // group's later figure would leave every municipality without one).
        let year = values.keys().filter(|k| k.0 == kpi.id && is_municipality_id(k.1)).map(|k| k.2).max();
        if year.is_none() {
            report.notes.push(format!("{}: no values in the outcome data", kpi.id));
        }
        let mut without = Vec::new();
        let first = report.rows.len();
        for (p, code) in &rows {
            let at = |values: &Values<'_>| year.and_then(|y| values.get(&(kpi.id.as_str(), code.as_str(), y)).copied());
            let value = at(&values);
            if value.is_none() {
                without.push(p.name().to_owned());
            }
            let policy = policy_year.get(p.name()).copied();
            let value_at_policy = policy.and_then(|y| values.get(&(kpi.id.as_str(), code.as_str(), y)).copied());
            let change = match (value, value_at_policy, policy, year) {
                // Rounded where subtraction leaves binary noise (2.8999999999999986).
                (Some(v), Some(at), Some(py), Some(y)) if py < y => Some(((v - at) * 1e9).round() / 1e9),
                _ => None,
            };
            report.rows.push(OutcomeRow {
                municipality: p.name().to_owned(),
                code: code.clone(),
                county: p.actor.county().map(ToOwned::to_owned),
                group: bench.groups.get(&p.actor).cloned(),
                area: kpi.area.clone(),
                kpi: kpi.id.clone(),
                score: p.scores[a],
                covered: p.covered[a],
                year,
                value,
                value_women: at(&women),
                value_men: at(&men),
                policy_year: policy,
                value_at_policy,
                change,
                group_median: None,
            });
        }
        if !without.is_empty() {
            report.notes.push(format!(
                "{}: {} of {} municipalities have no value{}: {}",
                kpi.id,
                without.len(),
                rows.len(),
                year.map_or(String::new(), |y| format!(" for {y}")),
                listing(&without, ", ")
            ));
            report.gaps.extend(without.into_iter().map(|m| Gap {
                kind: "no value",
                kpi: kpi.id.clone(),
                municipality: m,
                period: year,
                gender: Some("T"),
                detail: String::new(),
            }));
        }
        let national: Vec<f64> = year
            .map(|y| {
                values.iter().filter(|((k, m, p), _)| *k == kpi.id && *p == y && is_municipality_id(m)).map(|(_, v)| *v).collect()
            })
            .unwrap_or_default();
        let mine = &mut report.rows[first..];
        set_group_medians(mine);
        report.summaries.push(summary(kpi, year, &report.rows[first..], &national));
    }
    report.notes.extend(data_notes(outcomes, kpis, &known));
    report.gaps.extend(data_gaps(outcomes));
    report
}

/// Whether a Kolada id is a municipality's: four digits, not the whole
/// country (`0000`) and not a region (`0001` to `0025`).
fn is_municipality_id(id: &str) -> bool {
    id.len() == 4 && id.bytes().all(|b| b.is_ascii_digit()) && id.parse::<u32>().is_ok_and(|n| n >= 100)
}

fn summary(kpi: &kommunbench_outcomes::Kpi, year: Option<i32>, rows: &[OutcomeRow], national: &[f64]) -> KpiSummary {
    let with: Vec<&OutcomeRow> = rows.iter().filter(|r| r.value.is_some()).collect();
    let covered: Vec<f64> = with.iter().filter(|r| r.covered).filter_map(|r| r.value).collect();
    let not: Vec<f64> = with.iter().filter(|r| !r.covered).filter_map(|r| r.value).collect();
    let pairs: Vec<(f64, f64)> = with.iter().filter_map(|r| Some((r.score, r.value?))).collect();
    let changes: Vec<f64> = rows.iter().filter_map(|r| r.change).collect();
    let mut rng = fastrand::Rng::with_seed(SEED);
    KpiSummary {
        area: kpi.area.clone(),
        kpi: kpi.id.clone(),
        title: kpi.title.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction,
        year,
        n: with.len(),
        n_covered: covered.len(),
        median_covered: median(&covered),
        median_not_covered: median(&not),
        difference: median_difference(&covered, &not, &mut rng),
        spearman: spearman_estimate(&pairs, &mut rng),
        national_median: median(national),
        n_change: changes.len(),
        median_change: median(&changes),
    }
}

/// Each row's peer-group median: of the rows in its group, or of all rows
/// where there are no groups (the benchmark's one group).
fn set_group_medians(rows: &mut [OutcomeRow]) {
    let mut by_group: BTreeMap<Option<String>, Vec<f64>> = BTreeMap::new();
    for r in rows.iter() {
        if let Some(v) = r.value {
            by_group.entry(r.group.clone()).or_default().push(v);
        }
    }
    for r in rows {
        r.group_median = by_group.get(&r.group).and_then(|values| median(values));
    }
}

/// The fewest values on each side for a difference of medians, and the
/// fewest pairs for a rank correlation: below, a bootstrap interval only
/// repeats the few values there are.
pub const MIN_GROUP: usize = 3;
/// See [`MIN_GROUP`].
pub const MIN_PAIRS: usize = 5;

/// `median(a) - median(b)` with a percentile bootstrap interval, each
/// group resampled on its own; `None` unless each has [`MIN_GROUP`] values.
pub fn median_difference(a: &[f64], b: &[f64], rng: &mut fastrand::Rng) -> Option<Estimate> {
    if a.len() < MIN_GROUP || b.len() < MIN_GROUP {
        return None;
    }
    let value = median(a)? - median(b)?;
    let mut draws: Vec<f64> = (0..OUTCOME_RESAMPLES)
        .map(|_| {
            let (x, y) = (resample(a, rng), resample(b, rng));
            median(&x).unwrap_or(0.0) - median(&y).unwrap_or(0.0)
        })
        .collect();
    Some(interval(value, &mut draws))
}

/// Spearman's rank correlation of the pairs with a percentile bootstrap
/// interval (pairs resampled); `None` under [`MIN_PAIRS`] pairs or where
/// either side does not vary.
pub fn spearman_estimate(pairs: &[(f64, f64)], rng: &mut fastrand::Rng) -> Option<Estimate> {
    if pairs.len() < MIN_PAIRS {
        return None;
    }
    let value = spearman(pairs)?;
    let mut draws: Vec<f64> = (0..OUTCOME_RESAMPLES).filter_map(|_| spearman(&resample(pairs, rng))).collect();
    if draws.is_empty() {
        return None;
    }
    Some(interval(value, &mut draws))
}

/// Spearman's rho: Pearson's correlation of the ranks (ties share their
/// mean rank); `None` where either side does not vary.
pub fn spearman(pairs: &[(f64, f64)]) -> Option<f64> {
    let xs = ranks(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let ys = ranks(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    pearson(&xs, &ys)
}

fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]].total_cmp(&values[order[i]]).is_eq() {
            j += 1;
        }
        // Ranks i+1 ..= j+1 share their mean.
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

fn resample<T: Copy>(values: &[T], rng: &mut fastrand::Rng) -> Vec<T> {
    (0..values.len()).map(|_| values[rng.usize(..values.len())]).collect()
}

/// The 2.5th and 97.5th percentiles of `draws` around `value`.
fn interval(value: f64, draws: &mut [f64]) -> Estimate {
    draws.sort_by(f64::total_cmp);
    let at = |q: f64| draws[((draws.len() - 1) as f64 * q).round() as usize];
    Estimate { value, low: at(0.025), high: at(0.975) }
}

/// What the data held that is not joined, or not as it should be: group
/// ids, ids that are no municipality of the benchmark's, values without a
/// number or with a status flag, pages with more after them, key figures
/// of the data that the KPI file does not name.
fn data_notes(outcomes: &Outcomes, kpis: &KpiMap, rows: &BTreeSet<&str>) -> Vec<String> {
    let notes = &outcomes.notes;
    let mut out = Vec::new();
    out.extend(notes.unfinished_pages());
    if !notes.groups.is_empty() {
        let listed: Vec<String> = notes.groups.iter().map(|(g, n)| format!("{g} ({n} values)")).collect();
        out.push(format!("group ids, not municipalities, not joined: {}", listing(&listed, ", ")));
    }
    let others: BTreeSet<&str> =
        outcomes.observations.iter().map(|o| o.municipality.as_str()).filter(|m| !is_group(m) && !rows.contains(m)).collect();
    if !others.is_empty() {
        let national = others.iter().filter(|m| !is_municipality_id(m)).count();
        out.push(format!(
            "{} ids with values but no document in the benchmark ({national} of them the country or a region); \
             they count in the national medians where they are municipalities",
            others.len()
        ));
    }
    if !notes.missing.is_empty() {
        let listed: Vec<String> = notes.missing.iter().map(|(k, m, p, g)| format!("{k} {m} {p} {}", g.as_str())).collect();
        out.push(format!("{} values without a number: {}", notes.missing.len(), listing(&listed, "; ")));
    }
    if !notes.flagged.is_empty() {
        let listed: Vec<String> =
            notes.flagged.iter().map(|(k, m, p, g, s)| format!("{k} {m} {p} {}: {s}", g.as_str())).collect();
        out.push(format!("{} values with a status flag: {}", notes.flagged.len(), listing(&listed, "; ")));
    }
    if !notes.deleted.is_empty() {
        let listed: Vec<String> = notes.deleted.iter().map(|(k, m, p, g)| format!("{k} {m} {p} {}", g.as_str())).collect();
        out.push(format!("{} values marked withdrawn by Kolada, left out: {}", notes.deleted.len(), listing(&listed, "; ")));
    }
    let named: BTreeSet<&str> = kpis.kpis.iter().map(|k| k.id.as_str()).collect();
    let unnamed: Vec<&str> = outcomes.kpis().into_iter().filter(|k| !named.contains(k)).collect();
    if !unnamed.is_empty() {
        out.push(format!("key figures in the data that the KPI file does not name, not used: {}", unnamed.join(", ")));
    }
    out
}

/// The rows of `outcomes-gaps.csv` that the data itself holds: missing,
/// flagged and withdrawn values, and group ids.
fn data_gaps(outcomes: &Outcomes) -> Vec<Gap> {
    let notes = &outcomes.notes;
    let gap = |kind, (k, m, p, g): (&String, &String, i32, Gender), detail: String| Gap {
        kind,
        kpi: k.clone(),
        municipality: m.clone(),
        period: Some(p),
        gender: Some(g.as_str()),
        detail,
    };
    let mut out: Vec<Gap> = notes.missing.iter().map(|(k, m, p, g)| gap("missing", (k, m, *p, *g), String::new())).collect();
    out.extend(notes.flagged.iter().map(|(k, m, p, g, s)| gap("flagged", (k, m, *p, *g), s.clone())));
    out.extend(notes.deleted.iter().map(|(k, m, p, g)| gap("withdrawn", (k, m, *p, *g), String::new())));
    out.extend(notes.groups.iter().map(|(id, n)| Gap {
        kind: "group",
        kpi: String::new(),
        municipality: id.clone(),
        period: None,
        gender: None,
        detail: format!("{n} values"),
    }));
    out
}

impl OutcomeReport {
    /// Every item the notes count: `kind, kpi, municipality, period,
    /// gender, detail` (what `outcomes-gaps.csv` holds).
    pub fn gaps_frame(&self) -> PolarsResult<DataFrame> {
        let g = &self.gaps;
        df!(
            "kind" => g.iter().map(|g| g.kind).collect::<Vec<_>>(),
            "kpi" => g.iter().map(|g| Some(g.kpi.as_str()).filter(|k| !k.is_empty())).collect::<Vec<_>>(),
            "municipality" => g.iter().map(|g| g.municipality.as_str()).collect::<Vec<_>>(),
            "period" => g.iter().map(|g| g.period).collect::<Vec<_>>(),
            "gender" => g.iter().map(|g| g.gender).collect::<Vec<_>>(),
            "detail" => g.iter().map(|g| Some(g.detail.as_str()).filter(|d| !d.is_empty())).collect::<Vec<_>>(),
        )
    }

    /// The joined table: `municipality, municipality_code, county, group,
    /// area, kpi, score, covered, year, value, value_women, value_men,
    /// policy_year, value_at_policy, change` (what `outcomes.csv` holds).
    pub fn frame(&self) -> PolarsResult<DataFrame> {
        let r = &self.rows;
        let text = |f: fn(&OutcomeRow) -> &str| r.iter().map(f).collect::<Vec<_>>();
        let opt = |f: fn(&OutcomeRow) -> Option<&str>| r.iter().map(f).collect::<Vec<_>>();
        df!(
            "municipality" => text(|r| &r.municipality),
            "municipality_code" => text(|r| &r.code),
            "county" => opt(|r| r.county.as_deref()),
            "group" => opt(|r| r.group.as_deref()),
            "area" => text(|r| &r.area),
            "kpi" => text(|r| &r.kpi),
            "score" => r.iter().map(|r| r.score).collect::<Vec<_>>(),
            "covered" => r.iter().map(|r| r.covered).collect::<Vec<_>>(),
            "year" => r.iter().map(|r| r.year).collect::<Vec<_>>(),
            "value" => r.iter().map(|r| r.value).collect::<Vec<_>>(),
            "value_women" => r.iter().map(|r| r.value_women).collect::<Vec<_>>(),
            "value_men" => r.iter().map(|r| r.value_men).collect::<Vec<_>>(),
            "policy_year" => r.iter().map(|r| r.policy_year).collect::<Vec<_>>(),
            "value_at_policy" => r.iter().map(|r| r.value_at_policy).collect::<Vec<_>>(),
            "change" => r.iter().map(|r| r.change).collect::<Vec<_>>(),
        )
    }

    /// The summary table: `area, kpi, title, unit, direction, year, n,
    /// n_covered, median_covered, median_not_covered, difference,
    /// difference_low, difference_high, spearman, spearman_low,
    /// spearman_high, national_median, n_change, median_change`.
    pub fn summary_frame(&self) -> PolarsResult<DataFrame> {
        let s = &self.summaries;
        let text = |f: fn(&KpiSummary) -> &str| s.iter().map(f).collect::<Vec<_>>();
        let num = |f: fn(&KpiSummary) -> Option<f64>| s.iter().map(f).collect::<Vec<_>>();
        df!(
            "area" => text(|s| &s.area),
            "kpi" => text(|s| &s.kpi),
            "title" => text(|s| &s.title),
            "unit" => text(|s| &s.unit),
            "direction" => text(|s| s.direction.as_str()),
            "year" => s.iter().map(|s| s.year).collect::<Vec<_>>(),
            "n" => s.iter().map(|s| s.n as u32).collect::<Vec<_>>(),
            "n_covered" => s.iter().map(|s| s.n_covered as u32).collect::<Vec<_>>(),
            "median_covered" => num(|s| s.median_covered),
            "median_not_covered" => num(|s| s.median_not_covered),
            "difference" => num(|s| s.difference.map(|e| e.value)),
            "difference_low" => num(|s| s.difference.map(|e| e.low)),
            "difference_high" => num(|s| s.difference.map(|e| e.high)),
            "spearman" => num(|s| s.spearman.map(|e| e.value)),
            "spearman_low" => num(|s| s.spearman.map(|e| e.low)),
            "spearman_high" => num(|s| s.spearman.map(|e| e.high)),
            "national_median" => num(|s| s.national_median),
            "n_change" => s.iter().map(|s| s.n_change as u32).collect::<Vec<_>>(),
            "median_change" => num(|s| s.median_change),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_of_a_monotone_relation_is_one_and_ties_share_ranks() {
        let pairs = [(0.1, 3.0), (0.5, 10.0), (0.9, 40.0), (0.7, 20.0)];
        assert!((spearman(&pairs).unwrap() - 1.0).abs() < 1e-12);
        let reversed: Vec<(f64, f64)> = pairs.iter().map(|&(x, y)| (x, -y)).collect();
        assert!((spearman(&reversed).unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[2.0, 1.0, 2.0, 3.0]), [2.5, 1.0, 2.5, 4.0]);
        assert_eq!(spearman(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]), None, "no variation");
    }

    #[test]
    fn a_median_difference_brackets_its_estimate_and_is_seeded() {
        let covered = [60.0, 62.0, 65.0, 70.0, 71.0];
        let not = [50.0, 52.0, 55.0, 58.0];
        let a = median_difference(&covered, &not, &mut fastrand::Rng::with_seed(1)).unwrap();
        assert!((a.value - 11.5).abs() < 1e-12);
        assert!(a.low <= a.value && a.value <= a.high && a.low > 0.0, "{a:?}");
        assert_eq!(Some(a), median_difference(&covered, &not, &mut fastrand::Rng::with_seed(1)));
        assert_eq!(median_difference(&[1.0, 2.0], &not, &mut fastrand::Rng::with_seed(1)), None);
    }

    #[test]
    fn a_long_listing_names_the_first_and_counts_the_rest() {
        let items: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        let text = listing(&items, ", ");
        assert!(text.starts_with("0, 1, 2") && text.contains("24 … and 5 more (outcomes-gaps.csv)"), "{text}");
        assert_eq!(listing(&items[..3], "; "), "0; 1; 2");
    }

    #[test]
    fn kolada_ids_of_municipalities_are_told_from_the_country_and_regions() {
        assert!(is_municipality_id("0428") && is_municipality_id("2584") && is_municipality_id("0114"));
        assert!(!is_municipality_id("0000") && !is_municipality_id("0012") && !is_municipality_id("G124066"));
    }
}

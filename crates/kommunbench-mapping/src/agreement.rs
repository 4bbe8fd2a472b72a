//! Agreement between two binary codings of units x areas, as content
//! analysts report it: precision, recall and F1 per area, macro and micro
//! F1, Cohen's kappa per area and pooled, Krippendorff's alpha, and
//! bootstrap confidence intervals.

use serde::Serialize;

/// Counts of a binary comparison: `gold` (or coder A) against `predicted`
/// (or coder B).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// Both say yes.
    pub tp: usize,
    /// Only the prediction says yes.
    pub fp: usize,
    /// Only the gold says yes.
    pub fn_: usize,
    /// Both say no.
    pub tn: usize,
}

impl Confusion {
    /// Adds one comparison.
    pub fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Number of comparisons.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// `tp / (tp + fp)`; `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`; `None` when the gold has no positive.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// `2tp / (2tp + fp + fn)`; `None` when neither side has a positive.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Share of agreeing comparisons.
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.tp + self.tn, self.total())
    }

    /// Cohen's kappa: `(p_o - p_e) / (1 - p_e)`. When both codings are
    /// constant and equal, agreement is perfect and kappa is 1; `None` for
    /// no data.
    pub fn kappa(&self) -> Option<f64> {
        let n = self.total() as f64;
        if n == 0.0 {
            return None;
        }
        let po = (self.tp + self.tn) as f64 / n;
        let gold_yes = (self.tp + self.fn_) as f64 / n;
        let pred_yes = (self.tp + self.fp) as f64 / n;
        let pe = gold_yes * pred_yes + (1.0 - gold_yes) * (1.0 - pred_yes);
        if (1.0 - pe).abs() < 1e-12 {
            Some(if (po - 1.0).abs() < 1e-12 { 1.0 } else { 0.0 })
        } else {
            Some((po - pe) / (1.0 - pe))
        }
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Krippendorff's alpha for nominal data.
///
/// `units[u][c]` is coder `c`'s value for unit `u`, `None` where the coder
/// gave none (a `?`, a missing row). Units with fewer than two values are
/// left out, as the coefficient requires. `None` when nothing is pairable
/// or there is no variation at all.
///
/// ```
/// use kommunbench_mapping::krippendorff_alpha;
/// // Krippendorff (2011), binary data, two observers, ten units: alpha = 0.095.
/// let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
/// let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
/// let units: Vec<Vec<Option<u32>>> = a.iter().zip(b).map(|(&x, y)| vec![Some(x), Some(y)]).collect();
/// assert!((krippendorff_alpha(&units).unwrap() - 0.095).abs() < 0.001);
/// ```
pub fn krippendorff_alpha(units: &[Vec<Option<u32>>]) -> Option<f64> {
    use std::collections::BTreeMap;
    // Coincidence matrix o[c][k].
    let mut o: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for unit in units {
        let values: Vec<u32> = unit.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    *o.entry((c, k)).or_default() += 1.0 / (m as f64 - 1.0);
                }
            }
        }
    }
    let n: f64 = o.values().sum();
    if n <= 1.0 {
        return None;
    }
    let mut marginals: BTreeMap<u32, f64> = BTreeMap::new();
    for (&(c, _), v) in &o {
        *marginals.entry(c).or_default() += v;
    }
    let observed: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let expected: f64 = marginals
        .iter()
        .flat_map(|(c, nc)| marginals.iter().filter(move |(k, _)| *k != c).map(move |(_, nk)| nc * nk))
        .sum::<f64>()
        / (n - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// Agreement on one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaAgreement {
    /// The area id.
    pub area: String,
    /// The counts.
    pub confusion: Confusion,
    /// Precision.
    pub precision: Option<f64>,
    /// Recall.
    pub recall: Option<f64>,
    /// F1.
    pub f1: Option<f64>,
    /// Cohen's kappa.
    pub kappa: Option<f64>,
}

/// A 95 % percentile interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// 2.5th percentile.
    pub low: f64,
    /// 97.5th percentile.
    pub high: f64,
}

/// Bootstrap intervals of the summary statistics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Intervals {
    /// Resamples drawn.
    pub resamples: usize,
    /// Macro-F1.
    pub macro_f1: Option<Interval>,
    /// Micro-F1.
    pub micro_f1: Option<Interval>,
    /// Pooled kappa.
    pub kappa: Option<Interval>,
}

/// Agreement between two codings over units x areas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Per area, in framework order.
    pub areas: Vec<AreaAgreement>,
    /// Mean F1 over the areas where it is defined.
    pub macro_f1: Option<f64>,
    /// F1 of the pooled counts.
    pub micro_f1: Option<f64>,
    /// Cohen's kappa of the pooled counts.
    pub pooled_kappa: Option<f64>,
    /// Krippendorff's alpha (nominal) over all cells.
    pub alpha: Option<f64>,
    /// The pooled counts.
    pub confusion: Confusion,
    /// Units compared.
    pub units: usize,
    /// Cells compared (units x areas, ambiguous cells left out).
    pub cells: usize,
    /// Bootstrap intervals, when asked for.
    pub intervals: Option<Intervals>,
}

/// One compared cell: unit, area index, the two codings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Index of the unit (document or priority).
    pub unit: usize,
    /// Index of the area.
    pub area: usize,
    /// Gold, or coder A.
    pub gold: bool,
    /// Prediction, or coder B.
    pub predicted: bool,
}

impl Agreement {
    /// Computes agreement over `cells` for areas named `areas`.
    ///
    /// ```
    /// use kommunbench_mapping::{Agreement, Cell};
    /// // Cohen's textbook example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    /// let mut cells = Vec::new();
    /// for (n, gold, predicted) in [(20, true, true), (5, true, false), (10, false, true), (15, false, false)] {
    ///     for _ in 0..n {
    ///         cells.push(Cell { unit: cells.len(), area: 0, gold, predicted });
    ///     }
    /// }
    /// let a = Agreement::compute(&["a".to_owned()], &cells);
    /// assert!((a.pooled_kappa.unwrap() - 0.4).abs() < 1e-12);
    /// ```
    pub fn compute(areas: &[String], cells: &[Cell]) -> Agreement {
        let mut per_area = vec![Confusion::default(); areas.len()];
        let mut pooled = Confusion::default();
        for c in cells {
            per_area[c.area].add(c.gold, c.predicted);
            pooled.add(c.gold, c.predicted);
        }
        let areas: Vec<AreaAgreement> = areas
            .iter()
            .zip(&per_area)
            .map(|(area, c)| AreaAgreement {
                area: area.clone(),
                confusion: *c,
                precision: c.precision(),
                recall: c.recall(),
                f1: c.f1(),
                kappa: c.kappa(),
            })
            .collect();
        let f1s: Vec<f64> = areas.iter().filter_map(|a| a.f1).collect();
        let macro_f1 = (!f1s.is_empty()).then(|| f1s.iter().sum::<f64>() / f1s.len() as f64);
        let alpha_units: Vec<Vec<Option<u32>>> =
            cells.iter().map(|c| vec![Some(u32::from(c.gold)), Some(u32::from(c.predicted))]).collect();
        let mut units: Vec<usize> = cells.iter().map(|c| c.unit).collect();
        units.sort_unstable();
        units.dedup();
        Agreement {
            areas,
            macro_f1,
            micro_f1: pooled.f1(),
            pooled_kappa: pooled.kappa(),
            alpha: krippendorff_alpha(&alpha_units),
            confusion: pooled,
            units: units.len(),
            cells: cells.len(),
            intervals: None,
        }
    }

    /// The same agreement with bootstrap intervals: units (not cells) are
    /// resampled with replacement, `resamples` times, from `seed`.
    #[must_use]
    pub fn with_bootstrap(mut self, area_names: &[String], cells: &[Cell], resamples: usize, seed: u64) -> Agreement {
        let mut units: Vec<usize> = cells.iter().map(|c| c.unit).collect();
        units.sort_unstable();
        units.dedup();
        let by_unit: Vec<Vec<Cell>> = units.iter().map(|u| cells.iter().filter(|c| c.unit == *u).copied().collect()).collect();
        let mut rng = fastrand::Rng::with_seed(seed);
        let (mut macro_f1, mut micro_f1, mut kappa) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..resamples {
            let mut sample = Vec::with_capacity(cells.len());
            for draw in 0..by_unit.len() {
                let pick = rng.usize(..by_unit.len());
                sample.extend(by_unit[pick].iter().map(|c| Cell { unit: draw, ..*c }));
            }
            let a = Agreement::compute(area_names, &sample);
            macro_f1.extend(a.macro_f1);
            micro_f1.extend(a.micro_f1);
            kappa.extend(a.pooled_kappa);
        }
        self.intervals = Some(Intervals {
            resamples,
            macro_f1: percentile_interval(macro_f1),
            micro_f1: percentile_interval(micro_f1),
            kappa: percentile_interval(kappa),
        });
        self
    }
}

fn percentile_interval(mut values: Vec<f64>) -> Option<Interval> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((q * (values.len() - 1) as f64).round() as usize).min(values.len() - 1)];
    Some(Interval { low: at(0.025), high: at(0.975) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusion_statistics_by_hand() {
        let c = Confusion { tp: 8, fp: 2, fn_: 4, tn: 6 };
        assert_eq!(c.precision(), Some(0.8));
        assert!((c.recall().unwrap() - 8.0 / 12.0).abs() < 1e-12);
        assert!((c.f1().unwrap() - 16.0 / 22.0).abs() < 1e-12);
        // p_o = 14/20 = 0.7; p_e = 0.6 * 0.5 + 0.4 * 0.5 = 0.5; kappa = 0.4.
        assert!((c.kappa().unwrap() - 0.4).abs() < 1e-12);
        assert_eq!(Confusion::default().f1(), None);
        assert_eq!(Confusion { tn: 5, ..Confusion::default() }.kappa(), Some(1.0));
    }

    #[test]
    fn krippendorff_textbook_example_with_missing_values() {
        // Krippendorff (2011), nominal data, four coders, twelve units, missing values: alpha = 0.743.
        let rows: [[Option<u32>; 12]; 4] = [
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)],
            [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None],
        ];
        let units: Vec<Vec<Option<u32>>> = (0..12).map(|u| rows.iter().map(|r| r[u]).collect()).collect();
        assert!((krippendorff_alpha(&units).unwrap() - 0.743).abs() < 0.0005);
    }

    #[test]
    fn macro_and_micro_f1() {
        let names = vec!["a".to_owned(), "b".to_owned()];
        let cells = [
            Cell { unit: 0, area: 0, gold: true, predicted: true },
            Cell { unit: 1, area: 0, gold: true, predicted: false },
            Cell { unit: 0, area: 1, gold: false, predicted: true },
            Cell { unit: 1, area: 1, gold: true, predicted: true },
        ];
        let a = Agreement::compute(&names, &cells);
        // Area a: tp 1, fn 1 -> F1 2/3. Area b: tp 1, fp 1 -> F1 2/3. Pooled: tp 2, fp 1, fn 1 -> 2/3.
        assert!((a.macro_f1.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert!((a.micro_f1.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((a.units, a.cells), (2, 4));
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_the_estimate() {
        let names = vec!["a".to_owned()];
        let cells: Vec<Cell> = (0..40).map(|u| Cell { unit: u, area: 0, gold: u % 2 == 0, predicted: u % 3 != 0 }).collect();
        let a = Agreement::compute(&names, &cells).with_bootstrap(&names, &cells, 500, 7);
        let b = Agreement::compute(&names, &cells).with_bootstrap(&names, &cells, 500, 7);
        assert_eq!(a.intervals, b.intervals);
        let i = a.intervals.unwrap().micro_f1.unwrap();
        assert!(i.low <= a.micro_f1.unwrap() && a.micro_f1.unwrap() <= i.high, "{i:?}");
        assert!(i.high - i.low > 0.05);
    }
}

//! Policy generations: one municipality's documents of different dates
//! compared, area by area.

use std::collections::BTreeMap;

use kommunbench_core::{Date, DocumentId};
use polars::prelude::*;

use crate::actor::Actor;

/// How an area changed from one document to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Covered now, not before.
    Added,
    /// Covered before, not now.
    Dropped,
    /// Covered in both, the score up by at least the margin.
    Strengthened,
    /// Covered in both, the score down by at least the margin.
    Weakened,
}

impl Change {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Dropped => "dropped",
            Change::Strengthened => "strengthened",
            Change::Weakened => "weakened",
        }
    }
}

/// One dated document's coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct Generation {
    /// The municipality.
    pub municipality: Actor,
    /// The document.
    pub document: DocumentId,
    /// Its date (adopted, else published, else updated), the order of
    /// generations; undated documents have no place in it.
    pub date: Option<Date>,
    /// Per area, in framework order: (score, covered).
    pub coverage: Vec<(f64, bool)>,
}

/// Compares consecutive generations of each municipality: `municipality,
/// municipality_code, from_document, to_document, from_date, to_date, area, change,
/// score_before, score_after`. Documents without a date are left out.
pub fn changes(generations: &[Generation], areas: &[String], margin: f64) -> PolarsResult<DataFrame> {
    let mut by_municipality: BTreeMap<&Actor, Vec<&Generation>> = BTreeMap::new();
    for g in generations.iter().filter(|g| g.date.is_some()) {
        by_municipality.entry(&g.municipality).or_default().push(g);
    }
    let mut cols: [Vec<String>; 7] = Default::default();
    let mut codes: Vec<Option<String>> = Vec::new();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (m, mut gens) in by_municipality {
        gens.sort_by(|a, b| (&a.date, &a.document).cmp(&(&b.date, &b.document)));
        for pair in gens.windows(2) {
            let (old, new) = (pair[0], pair[1]);
            for (i, area) in areas.iter().enumerate() {
                let ((s0, c0), (s1, c1)) = (old.coverage[i], new.coverage[i]);
                let change = match (c0, c1) {
                    (false, true) => Some(Change::Added),
                    (true, false) => Some(Change::Dropped),
                    (true, true) if s1 - s0 >= margin - 1e-9 => Some(Change::Strengthened),
                    (true, true) if s0 - s1 >= margin - 1e-9 => Some(Change::Weakened),
                    _ => None,
                };
                if let Some(change) = change {
                    let date = |g: &Generation| g.date.map(|d| d.to_string()).unwrap_or_default();
                    codes.push(m.code().map(ToString::to_string));
                    let values = [
                        m.name().to_owned(),
                        old.document.to_string(),
                        new.document.to_string(),
                        date(old),
                        date(new),
                        area.clone(),
                        change.as_str().to_owned(),
                    ];
                    for (col, v) in cols.iter_mut().zip(values) {
                        col.push(v);
                    }
                    before.push(s0);
                    after.push(s1);
                }
            }
        }
    }
    let [municipality, from_document, to_document, from_date, to_date, area, change] = cols;
    df!(
        "municipality" => municipality,
        "municipality_code" => codes,
        "from_document" => from_document,
        "to_document" => to_document,
        "from_date" => from_date,
        "to_date" => to_date,
        "area" => area,
        "change" => change,
        "score_before" => before,
        "score_after" => after,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generations_compared_area_by_area() {
        let areas = vec!["work".to_owned(), "urban".to_owned(), "values".to_owned(), "school".to_owned()];
        let g = |doc: &str, date: &str, coverage: Vec<(f64, bool)>| Generation {
            municipality: Actor::document(&DocumentId::new("vingaker").unwrap()),
            document: DocumentId::new(doc).unwrap(),
            date: date.parse().ok(),
            coverage,
        };
        let gens = vec![
            g("2016", "2016-06-20", vec![(0.7, true), (0.8, true), (0.2, false), (0.9, true)]),
            g("2012", "2012-11-12", vec![(0.1, false), (0.9, true), (0.5, false), (0.65, true)]),
            g("undated", "", vec![(1.0, true); 4]),
        ];
        let df = changes(&gens, &areas, 0.1).unwrap();
        let change: Vec<&str> = df.column("change").unwrap().str().unwrap().iter().flatten().collect();
        let area: Vec<&str> = df.column("area").unwrap().str().unwrap().iter().flatten().collect();
        assert_eq!(area, ["work", "urban", "school"]);
        assert_eq!(change, ["added", "weakened", "strengthened"]);
        assert_eq!(df.column("from_document").unwrap().str().unwrap().get(0), Some("2012"));
    }
}

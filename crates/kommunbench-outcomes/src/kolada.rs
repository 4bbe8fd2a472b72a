//! Kolada's data responses, read as the API returns them and as
//! `kommunbench outcomes fetch` saves them. Version 2 (documented in
//! `Hypergene/kolada`'s README: `values`, `count`, `next_page`) and
//! version 3 (released 2025-04-04; its pages link on with `next_url`, and
//! a value may be marked `isdeleted`) have the same rows:
//!
//! ```json
//! {"count": 2, "next_page": null,
//!  "values": [{"kpi": "N02268", "municipality": "0428", "period": 2022,
//!              "values": [{"gender": "T", "count": 1, "status": "", "value": 61.3}]}]}
//! ```
//!
//! Nothing is dropped or guessed: a value without a number, a value with a
//! status flag, an id that is a group of municipalities and a page that has
//! more pages after it are each kept and counted in [`OutcomeNotes`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The most bytes one saved response may have.
pub const MAX_RESPONSE_BYTES: u64 = 256 << 20;

/// Whose value a figure is: Kolada's `gender`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    /// `T`: everyone.
    Total,
    /// `K`: women.
    Women,
    /// `M`: men.
    Men,
}

impl Gender {
    /// Kolada's letter.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Total => "T",
            Gender::Women => "K",
            Gender::Men => "M",
        }
    }

    /// The gender a letter names (`T`, `K`, `M`).
    pub fn parse(letter: &str) -> Option<Gender> {
        match letter {
            "T" => Some(Gender::Total),
            "K" => Some(Gender::Women),
            "M" => Some(Gender::Men),
            _ => None,
        }
    }
}

/// One key figure of one municipality (or group) in one year, for one
/// gender.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The key figure's id (`N02268`).
    pub kpi: String,
    /// Kolada's id of the municipality (`0428`), region (`0001`), the whole
    /// country (`0000`) or group (`G124066`).
    pub municipality: String,
    /// The year.
    pub period: i32,
    /// Whose value it is.
    pub gender: Gender,
    /// The value; `None` where Kolada has none.
    pub value: Option<f64>,
    /// Kolada's `count`: how many units the value rests on, where given.
    pub count: Option<f64>,
    /// Kolada's status flag (`Missing`, a revision mark), where set.
    pub status: Option<String>,
}

/// What reading the responses met that a reader of the results should know.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutcomeNotes {
    /// Files read.
    pub files: Vec<PathBuf>,
    /// Files that are one page of more (their `next_page`), with that
    /// address: the pages after are not among the files unless given too.
    pub unfinished: Vec<(PathBuf, String)>,
    /// Ids of groups of municipalities (`G...`), with how many values each
    /// has: they are not municipalities and are not joined.
    pub groups: BTreeMap<String, usize>,
    /// Values without a number: (kpi, municipality, period, gender).
    pub missing: Vec<(String, String, i32, Gender)>,
    /// Values with a status flag, and the flag.
    pub flagged: Vec<(String, String, i32, Gender, String)>,
    /// Values Kolada marks as withdrawn (`isdeleted`): left out, counted.
    pub deleted: Vec<(String, String, i32, Gender)>,
}

impl OutcomeNotes {
    /// A line for each file that is one page of more, naming the page after.
    pub fn unfinished_pages(&self) -> impl Iterator<Item = String> + '_ {
        self.unfinished.iter().map(|(file, next)| {
            format!("{}: one page of more (next page {next}); the pages after it are not read", file.display())
        })
    }
}

/// Key figures read from Kolada's responses, and what reading them met.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcomes {
    /// Every value, in the files' order.
    pub observations: Vec<Observation>,
    /// Groups, missing values, flags, unfinished pages.
    pub notes: OutcomeNotes,
}

/// A response that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutcomeError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not JSON, or not in the shape of a Kolada response.
    #[error("{}: not a Kolada data response: {message}", path.display())]
    Shape {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line and column where JSON says.
        message: String,
    },
    /// Two files give one key figure two values.
    #[error("{}", .0)]
    Conflict(Box<Conflict>),
}

/// Two values of one key figure, municipality, year and gender, from two
/// files.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}: {kpi} of {municipality} in {period} ({gender}) is {second:?} here and {first:?} in {}",
    path.display(),
    earlier.display()
)]
pub struct Conflict {
    /// The later file.
    pub path: PathBuf,
    /// The earlier one.
    pub earlier: PathBuf,
    /// The key figure.
    pub kpi: String,
    /// The municipality.
    pub municipality: String,
    /// The year.
    pub period: i32,
    /// Whose.
    pub gender: &'static str,
    /// The earlier value.
    pub first: Option<f64>,
    /// This one.
    pub second: Option<f64>,
}

#[derive(Deserialize)]
struct Response {
    values: Vec<Entry>,
    #[serde(default)]
    count: Option<u64>,
    /// Version 2's link to the next page; version 3 calls it `next_url`.
    #[serde(default, alias = "next_url")]
    next_page: Option<String>,
}

#[derive(Deserialize)]
struct Entry {
    kpi: String,
    #[serde(alias = "municipality_id")]
    municipality: String,
    period: Period,
    values: Vec<Figure>,
}

/// A year, as a number or a string of digits.
#[derive(Deserialize)]
#[serde(untagged)]
enum Period {
    Number(i32),
    Text(String),
}

#[derive(Deserialize)]
struct Figure {
    gender: String,
    value: Option<f64>,
    #[serde(default)]
    count: Option<f64>,
    #[serde(default)]
    status: Option<String>,
    /// Version 3 (and version 2 with `from_date`) marks a withdrawn value.
    #[serde(default, alias = "is_deleted")]
    isdeleted: Option<Flag>,
}

/// A flag as `true`/`false` or `1`/`0`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Number(u8),
}

impl Flag {
    fn set(&self) -> bool {
        matches!(self, Flag::Bool(true) | Flag::Number(1..))
    }
}

impl Outcomes {
    /// Reads saved responses, one page or a whole download each.
    ///
    /// ```
    /// let dir = tempfile::tempdir()?;
    /// let file = dir.path().join("n02268.json");
    /// std::fs::write(&file, r#"{"count": 1, "values": [{"kpi": "N02268", "municipality": "0428",
    ///     "period": 2022, "values": [{"gender": "T", "count": 1, "status": "", "value": 61.3},
    ///                                {"gender": "K", "count": 1, "status": "Missing", "value": null}]}]}"#)?;
    /// let outcomes = kommunbench_outcomes::Outcomes::read(&[&file])?;
    /// assert_eq!(outcomes.observations.len(), 2);
    /// assert_eq!(outcomes.observations[0].value, Some(61.3));
    /// assert_eq!(outcomes.notes.missing.len(), 1);
    /// assert_eq!(outcomes.notes.flagged[0].4, "Missing");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read<P: AsRef<Path>>(paths: &[P]) -> Result<Outcomes, OutcomeError> {
        let mut outcomes = Outcomes::default();
        let mut seen: HashMap<(String, String, i32, Gender), (usize, usize)> = HashMap::new();
        for (file, path) in paths.iter().map(AsRef::as_ref).enumerate() {
            let bytes = read_limited(path)?;
            let first = outcomes.observations.len();
            outcomes.add_response(&bytes, path)?;
            outcomes.notes.files.push(path.to_owned());
            // The same value twice (two downloads that overlap) is kept once;
            // two different values are an error.
            let added = outcomes.observations.split_off(first);
            let mut kept = Vec::with_capacity(added.len());
            for o in added {
                let key = (o.kpi.clone(), o.municipality.clone(), o.period, o.gender);
                let Some(&(f, i)) = seen.get(&key) else {
                    seen.insert(key, (file, first + kept.len()));
                    kept.push(o);
                    continue;
                };
                // Within this file, or from an earlier one.
                let earlier = if i < first { &outcomes.observations[i] } else { &kept[i - first] };
                if !same(earlier.value, o.value) {
                    return Err(OutcomeError::Conflict(Box::new(Conflict {
                        path: path.to_owned(),
                        earlier: outcomes.notes.files[f].clone(),
                        kpi: o.kpi,
                        municipality: o.municipality,
                        period: o.period,
                        gender: o.gender.as_str(),
                        first: earlier.value,
                        second: o.value,
                    })));
                }
            }
            outcomes.observations.extend(kept);
        }
        outcomes.note();
        Ok(outcomes)
    }

    /// Adds one response's values (`path` names it in errors).
    fn add_response(&mut self, bytes: &[u8], path: &Path) -> Result<(), OutcomeError> {
        let shape = |message: String| OutcomeError::Shape { path: path.to_owned(), message };
        let response: Response = serde_json::from_slice(bytes).map_err(|e| shape(e.to_string()))?;
        if let Some(count) = response.count
            && count != response.values.len() as u64
        {
            return Err(shape(format!(
                "`count` says {count} entries but `values` holds {}: the page is cut short or altered",
                response.values.len()
            )));
        }
        if let Some(next) = response.next_page.filter(|n| !n.is_empty()) {
            self.notes.unfinished.push((path.to_owned(), next));
        }
        for entry in response.values {
            let period = match entry.period {
                Period::Number(n) => n,
                Period::Text(t) => {
                    t.trim().parse().map_err(|_| shape(format!("`period` `{t}` of {} is not a year", entry.kpi)))?
                }
            };
            for v in entry.values {
                let gender = Gender::parse(&v.gender)
                    .ok_or_else(|| shape(format!("`gender` `{}` of {} is none of T, K, M", v.gender, entry.kpi)))?;
                if v.isdeleted.as_ref().is_some_and(Flag::set) {
                    self.notes.deleted.push((entry.kpi.clone(), entry.municipality.clone(), period, gender));
                    continue;
                }
                if v.value.is_some_and(|x| !x.is_finite()) {
                    return Err(shape(format!("a value of {} is not a finite number", entry.kpi)));
                }
                self.observations.push(Observation {
                    kpi: entry.kpi.clone(),
                    municipality: entry.municipality.clone(),
                    period,
                    gender,
                    value: v.value,
                    count: v.count,
                    status: v.status.filter(|s| !s.trim().is_empty()),
                });
            }
        }
        Ok(())
    }

    /// Outcomes from values already read (a table of them): groups,
    /// missing values and flags counted as [`Outcomes::read`] counts them.
    pub fn from_observations(observations: Vec<Observation>) -> Outcomes {
        let mut outcomes = Outcomes { observations, notes: OutcomeNotes::default() };
        outcomes.note();
        outcomes
    }

    /// Counts the groups, the missing values and the flags.
    fn note(&mut self) {
        // A withdrawn value listed by two overlapping files is one value.
        self.notes.deleted.sort();
        self.notes.deleted.dedup();
        for o in &self.observations {
            let key = || (o.kpi.clone(), o.municipality.clone(), o.period, o.gender);
            if is_group(&o.municipality) {
                *self.notes.groups.entry(o.municipality.clone()).or_default() += 1;
            }
            if o.value.is_none() {
                self.notes.missing.push(key());
            }
            if let Some(status) = &o.status {
                let (kpi, municipality, period, gender) = key();
                self.notes.flagged.push((kpi, municipality, period, gender, status.clone()));
            }
        }
    }

    /// The key figures the values are of, each once, in order.
    pub fn kpis(&self) -> Vec<&str> {
        let mut kpis: Vec<&str> = self.observations.iter().map(|o| o.kpi.as_str()).collect();
        kpis.sort_unstable();
        kpis.dedup();
        kpis
    }
}

/// Whether a Kolada id names a group of municipalities (`G124066`), not a
/// municipality.
pub fn is_group(id: &str) -> bool {
    id.starts_with('G')
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// The file's bytes, read as every input file is
/// ([`kommunbench_core::read_limited`]: regular files only, at most
/// [`MAX_RESPONSE_BYTES`]).
fn read_limited(path: &Path) -> Result<Vec<u8>, OutcomeError> {
    use kommunbench_core::ReadError;
    kommunbench_core::read_limited(path, MAX_RESPONSE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => OutcomeError::Io { path: path.to_owned(), source },
        ReadError::TooLarge { .. } => {
            OutcomeError::Shape { path: path.to_owned(), message: format!("larger than {} MiB", MAX_RESPONSE_BYTES >> 20) }
        }
        other => OutcomeError::Shape { path: path.to_owned(), message: other.to_string() },
    })
}

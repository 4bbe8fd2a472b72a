//! Which key figure speaks to which area: a small TOML file.
//!
//! ```toml
//! framework = "se-2008"
//!
//! [[kpi]]
//! area = "work"
//! id = "N02268"
//! title = "Sysselsättningsgrad, utrikes födda 20-64 år, andel (%)"
//! unit = "%"
//! direction = "higher"          # or "lower": which is better
//! source = "Kolada KPI catalogue (API v3, 2026-03-23)"   # where they were checked
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use kommunbench_core::Framework;
use serde::Deserialize;
use toml::Spanned;

/// Which way a key figure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (a share in work).
    Higher,
    /// Lower is better (a share in long unemployment).
    Lower,
}

impl Direction {
    /// `higher` or `lower`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }
}

/// One key figure and the area it speaks to.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// The framework's area id.
    pub area: String,
    /// Kolada's id (`N02268`).
    pub id: String,
    /// Its title as Kolada publishes it.
    pub title: String,
    /// Its unit (`%`, `antal`, `kr`).
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// Where its id and title were checked, when the file says.
    pub source: Option<String>,
}

/// The key figures of a framework's areas, in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiMap {
    /// The framework the file is for.
    pub framework: String,
    /// Its key figures.
    pub kpis: Vec<Kpi>,
}

/// A KPI file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map_or(String::new(), |l| format!(":{l}")))]
pub struct KpiError {
    /// The file.
    pub path: PathBuf,
    /// The line, where known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    framework: Spanned<String>,
    #[serde(default)]
    kpi: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    area: Spanned<String>,
    id: Spanned<String>,
    title: String,
    unit: String,
    direction: Direction,
    #[serde(default)]
    source: Option<String>,
}

/// The example that ships for `se-2008` (see `data/kpis/se-2008.toml`).
pub const SE_2008: &str = include_str!("../data/kpis/se-2008.toml");

impl KpiMap {
    /// Reads a KPI file for `framework`.
    pub fn from_path(path: impl AsRef<Path>, framework: &Framework) -> Result<KpiMap, KpiError> {
        let path = path.as_ref();
        let text =
            std::fs::read_to_string(path).map_err(|e| KpiError { path: path.to_owned(), line: None, message: e.to_string() })?;
        KpiMap::parse(&text, path, framework)
    }

    /// The example for `se-2008`.
    pub fn builtin_se_2008(framework: &Framework) -> Result<KpiMap, KpiError> {
        KpiMap::parse(SE_2008, Path::new("<built-in data/kpis/se-2008.toml>"), framework)
    }

    /// Reads a KPI file's text (`path` names it in errors): every area
    /// must be one of `framework`'s, every id a Kolada id (a capital letter
    /// and five digits), and no key figure listed twice for one area.
    ///
    /// ```
    /// use kommunbench_core::Framework;
    /// use kommunbench_outcomes::KpiMap;
    ///
    /// let framework = Framework::builtin("se-2008")?;
    /// let text = "framework = \"se-2008\"\n\n[[kpi]]\narea = \"jobs\"\nid = \"N02268\"\ntitle = \"t\"\nunit = \"%\"\ndirection = \"higher\"\n";
    /// let err = KpiMap::parse(text, "kpis.toml".as_ref(), &framework).unwrap_err();
    /// assert_eq!(err.to_string(), "kpis.toml:4: area `jobs` is not an area of se-2008 (reception, work, school, adult_learning, discrimination, urban, values)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str, path: &Path, framework: &Framework) -> Result<KpiMap, KpiError> {
        let areas: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
        KpiMap::parse_for(text, path, framework.id().as_str(), &areas)
    }

    /// [`KpiMap::parse`] for a framework known by its id and area ids (a
    /// benchmark's, whose framework may have come from a file).
    pub fn parse_for(text: &str, path: &Path, framework: &str, areas: &[&str]) -> Result<KpiMap, KpiError> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let err = |offset: Option<usize>, message: String| KpiError { path: path.to_owned(), line: offset.map(line_of), message };
        let file: File = toml::from_str(text).map_err(|e| err(e.span().map(|s| s.start), e.message().to_owned()))?;
        if file.framework.get_ref() != framework {
            return Err(err(
                Some(file.framework.span().start),
                format!("the file is for `{}`, not for `{framework}`", file.framework.get_ref()),
            ));
        }
        if file.kpi.is_empty() {
            return Err(err(None, "no [[kpi]] entries".to_owned()));
        }
        let mut seen = HashSet::new();
        let mut kpis = Vec::with_capacity(file.kpi.len());
        for entry in file.kpi {
            let entry = entry.into_inner();
            let (area, id) = (entry.area.get_ref(), entry.id.get_ref());
            if !areas.contains(&area.as_str()) {
                return Err(err(
                    Some(entry.area.span().start),
                    format!("area `{area}` is not an area of {framework} ({})", areas.join(", ")),
                ));
            }
            if !is_kolada_id(id) {
                return Err(err(
                    Some(entry.id.span().start),
                    format!("`{id}` is not a Kolada key figure id (a capital letter and five digits, such as N02268)"),
                ));
            }
            if !seen.insert((area.clone(), id.clone())) {
                return Err(err(Some(entry.id.span().start), format!("{id} is listed twice for `{area}`")));
            }
            kpis.push(Kpi {
                area: entry.area.into_inner(),
                id: entry.id.into_inner(),
                title: entry.title,
                unit: entry.unit,
                direction: entry.direction,
                source: entry.source,
            });
        }
        Ok(KpiMap { framework: file.framework.into_inner(), kpis })
    }

    /// The key figure with this id, if listed.
    pub fn get(&self, id: &str) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.id == id)
    }
}

/// Whether `id` has the form of a Kolada key figure id: a capital letter
/// and five digits (`N02268`, `U65861`).
pub fn is_kolada_id(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 6 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

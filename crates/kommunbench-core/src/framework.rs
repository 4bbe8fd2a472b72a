//! Frameworks: the reference sets of areas that municipal policies are
//! benchmarked against. Frameworks are data, loaded from TOML or JSON.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::line_col;
use crate::id::{AreaId, FrameworkId};

/// One area of a framework, e.g. `work` in `se-2008`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable identifier.
    pub id: AreaId,
    /// Title in Swedish.
    pub title_sv: String,
    /// Title in English.
    pub title_en: String,
    /// What the area covers.
    #[serde(default)]
    pub description: String,
    /// Other wordings of the same area used in municipal texts.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A reference framework: an id, a name, and its areas.
///
/// ```
/// use kommunbench_core::Framework;
///
/// let se = Framework::builtin("se-2008").unwrap();
/// assert_eq!(se.areas().len(), 7);
/// assert_eq!(se.area("adult_learning").unwrap().title_en,
///            "Better language skills and more education for adults");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawFramework", into = "RawFramework")]
pub struct Framework {
    raw: RawFramework,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    id: FrameworkId,
    name: String,
    #[serde(default)]
    jurisdiction: String,
    #[serde(default)]
    version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(default)]
    description: String,
    areas: Vec<Area>,
}

/// Why a framework could not be built or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FrameworkError {
    /// The file could not be read.
    #[error("cannot read framework file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML or JSON, or misses a field.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file (or `<string>`).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The content parsed but is not a valid framework.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        /// The file (or `<string>`).
        path: PathBuf,
        /// 1-based line where the problem is, when it can be located.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The file's extension is neither `.toml` nor `.json`.
    #[error("{}: unsupported framework file type (expected .toml or .json)", path.display())]
    UnsupportedFormat {
        /// The file.
        path: PathBuf,
    },
    /// No built-in framework has that id, and it is not a file.
    #[error("unknown framework `{name}` (built in: {known}; or give the path of a .toml or .json file)")]
    Unknown {
        /// The id asked for.
        name: String,
        /// The built-in ids.
        known: String,
    },
}

/// Why a framework's areas are inconsistent (line located later).
struct Inconsistency {
    message: String,
    needle: Option<String>,
}

impl TryFrom<RawFramework> for Framework {
    type Error = String;
    fn try_from(raw: RawFramework) -> Result<Self, Self::Error> {
        check(&raw).map_err(|e| e.message)?;
        Ok(Framework { raw })
    }
}

impl From<Framework> for RawFramework {
    fn from(f: Framework) -> Self {
        f.raw
    }
}

fn check(raw: &RawFramework) -> Result<(), Inconsistency> {
    if raw.name.trim().is_empty() {
        return Err(Inconsistency { message: "framework `name` must not be empty".into(), needle: None });
    }
    if raw.areas.is_empty() {
        return Err(Inconsistency { message: "a framework needs at least one area in `[[areas]]`".into(), needle: None });
    }
    let mut seen = HashSet::new();
    for area in &raw.areas {
        if !seen.insert(area.id.as_str()) {
            return Err(Inconsistency { message: format!("duplicate area id `{}`", area.id), needle: Some(area.id.to_string()) });
        }
        if area.title_sv.trim().is_empty() && area.title_en.trim().is_empty() {
            return Err(Inconsistency {
                message: format!("area `{}` has neither `title_sv` nor `title_en`", area.id),
                needle: Some(area.id.to_string()),
            });
        }
    }
    Ok(())
}

const BUILTIN: [(&str, &str); 2] =
    [("se-2008", include_str!("../data/frameworks/se-2008.toml")), ("se-2025", include_str!("../data/frameworks/se-2025.toml"))];

/// The file format of a framework definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameworkFormat {
    /// TOML, as the built-in frameworks.
    Toml,
    /// JSON with the same fields.
    Json,
}

impl Framework {
    /// The id of the default framework, `se-2008`.
    pub const DEFAULT: &'static str = "se-2008";

    /// A built-in framework by id: `se-2008` or `se-2025`.
    pub fn builtin(id: &str) -> Result<Framework, FrameworkError> {
        let (_, text) = BUILTIN
            .iter()
            .find(|(name, _)| *name == id)
            .ok_or_else(|| FrameworkError::Unknown { name: id.to_owned(), known: Self::builtin_ids().join(", ") })?;
        Self::parse(text, FrameworkFormat::Toml, Path::new(&format!("<builtin {id}>")))
    }

    /// The ids of the built-in frameworks.
    pub fn builtin_ids() -> Vec<&'static str> {
        BUILTIN.iter().map(|(id, _)| *id).collect()
    }

    /// All built-in frameworks.
    pub fn builtins() -> Vec<Framework> {
        Self::builtin_ids().into_iter().map(|id| Self::builtin(id).expect("built-in frameworks are valid")).collect()
    }

    /// A built-in id, or else the path of a TOML or JSON file.
    pub fn resolve(spec: &str) -> Result<Framework, FrameworkError> {
        if BUILTIN.iter().any(|(id, _)| *id == spec) {
            return Self::builtin(spec);
        }
        let path = Path::new(spec);
        // A path that exists, or a link that leads nowhere or in a circle,
        // or a name with a framework file's extension: read it, and say why
        // it cannot be read rather than that no built-in has that name.
        let file_like = matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "json"));
        if path.exists() || std::fs::symlink_metadata(path).is_ok() || file_like {
            return Self::from_path(path);
        }
        Err(FrameworkError::Unknown { name: spec.to_owned(), known: Self::builtin_ids().join(", ") })
    }

    /// Loads a framework from a `.toml` or `.json` file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Framework, FrameworkError> {
        let path = path.as_ref();
        let format = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("toml") => FrameworkFormat::Toml,
            Some("json") => FrameworkFormat::Json,
            _ => return Err(FrameworkError::UnsupportedFormat { path: path.to_owned() }),
        };
        let text = crate::files::read_text(path).map_err(|e| FrameworkError::Io { path: path.to_owned(), source: e.into() })?;
        Self::parse(&text, format, path)
    }

    /// Parses a framework from text; `origin` names it in errors.
    ///
    /// ```
    /// use std::path::Path;
    /// use kommunbench_core::{Framework, FrameworkFormat};
    ///
    /// let toml = r#"
    /// id = "city-programme"
    /// name = "Our city's integration programme"
    /// [[areas]]
    /// id = "housing"
    /// title_sv = "Boende"
    /// title_en = "Housing"
    /// "#;
    /// let f = Framework::parse(toml, FrameworkFormat::Toml, Path::new("city.toml"))?;
    /// assert_eq!(f.id().as_str(), "city-programme");
    ///
    /// let broken = toml.replace("id = \"housing\"", "id = \"Housing\"");
    /// let err = Framework::parse(&broken, FrameworkFormat::Toml, Path::new("city.toml")).unwrap_err();
    /// assert_eq!(err.to_string(), "city.toml:5:6: invalid area id `Housing`: must start with a lowercase ASCII letter");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str, format: FrameworkFormat, origin: &Path) -> Result<Framework, FrameworkError> {
        let raw: RawFramework = match format {
            FrameworkFormat::Toml => toml::from_str(text).map_err(|e| {
                let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
                FrameworkError::Parse { path: origin.to_owned(), line, column, message: e.message().to_owned() }
            })?,
            FrameworkFormat::Json => serde_json::from_str(text).map_err(|e| FrameworkError::Parse {
                path: origin.to_owned(),
                line: e.line(),
                column: e.column(),
                message: strip_json_position(&e.to_string()),
            })?,
        };
        if let Err(bad) = check(&raw) {
            let line = bad.needle.and_then(|needle| locate_last_quoted(text, &needle));
            return Err(FrameworkError::Invalid { path: origin.to_owned(), line, message: bad.message });
        }
        Ok(Framework { raw })
    }

    /// Builds a framework in code.
    pub fn new(id: FrameworkId, name: impl Into<String>, areas: Vec<Area>) -> Result<Framework, FrameworkError> {
        let raw = RawFramework {
            id,
            name: name.into(),
            jurisdiction: String::new(),
            version: String::new(),
            year: None,
            description: String::new(),
            areas,
        };
        check(&raw).map_err(|bad| FrameworkError::Invalid { path: PathBuf::from("<code>"), line: None, message: bad.message })?;
        Ok(Framework { raw })
    }

    /// The framework's id.
    pub fn id(&self) -> &FrameworkId {
        &self.raw.id
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.raw.name
    }

    /// The jurisdiction it belongs to (`SE`, a city, `OECD`).
    pub fn jurisdiction(&self) -> &str {
        &self.raw.jurisdiction
    }

    /// Its version or source reference.
    pub fn version(&self) -> &str {
        &self.raw.version
    }

    /// The year it was adopted.
    pub fn year(&self) -> Option<u16> {
        self.raw.year
    }

    /// A description.
    pub fn description(&self) -> &str {
        &self.raw.description
    }

    /// Its areas, in their defined order.
    pub fn areas(&self) -> &[Area] {
        &self.raw.areas
    }

    /// An area by id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.raw.areas.iter().find(|a| a.id.as_str() == id)
    }

    /// The position of an area in [`Framework::areas`].
    pub fn area_index(&self, id: &str) -> Option<usize> {
        self.raw.areas.iter().position(|a| a.id.as_str() == id)
    }
}

/// Line of the last occurrence of `"needle"` (where a duplicate id stands).
fn locate_last_quoted(text: &str, needle: &str) -> Option<usize> {
    let quoted = format!("\"{needle}\"");
    text.rfind(&quoted).map(|pos| line_col(text, pos).0)
}

/// `serde_json` appends " at line L column C"; we report those separately.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(pos) => message[..pos].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_se_2008_has_the_codebook_area_ids_in_order() {
        let f = Framework::builtin("se-2008").unwrap();
        let ids: Vec<_> = f.areas().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"]);
        assert!(f.areas().iter().all(|a| !a.aliases.is_empty() && !a.description.is_empty()));
    }

    #[test]
    fn builtin_se_2025_has_five_sub_goals() {
        let f = Framework::builtin("se-2025").unwrap();
        let ids: Vec<_> = f.areas().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["economic", "linguistic", "education", "democratic", "social_cultural"]);
    }

    #[test]
    fn unknown_framework_lists_the_builtins() {
        let err = Framework::resolve("oecd-2018").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown framework `oecd-2018` (built in: se-2008, se-2025; or give the path of a .toml or .json file)"
        );
    }

    #[test]
    fn toml_syntax_error_names_file_line_and_column() {
        let text = "id = \"x\"\nname = \"X\"\n[[areas]]\nid = \"a\"\ntitle_sv = \"A\ntitle_en = \"A\"\n";
        let err = Framework::parse(text, FrameworkFormat::Toml, Path::new("mine.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("mine.toml:5:"), "{msg}");
    }

    #[test]
    fn duplicate_area_id_is_located() {
        let text = "id = \"x\"\nname = \"X\"\n\n[[areas]]\nid = \"a\"\ntitle_sv = \"A\"\ntitle_en = \"A\"\n\n[[areas]]\nid = \"a\"\ntitle_sv = \"B\"\ntitle_en = \"B\"\n";
        let err = Framework::parse(text, FrameworkFormat::Toml, Path::new("dup.toml")).unwrap_err();
        assert_eq!(err.to_string(), "dup.toml:10: duplicate area id `a`");
    }

    #[test]
    fn unknown_field_is_rejected_with_its_position() {
        let text = "id = \"x\"\nname = \"X\"\n[[areas]]\nid = \"a\"\ntitle_sv = \"A\"\ntitle_en = \"A\"\ncolour = \"red\"\n";
        let err = Framework::parse(text, FrameworkFormat::Toml, Path::new("f.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("f.toml:7:") && msg.contains("colour"), "{msg}");
    }

    #[test]
    fn json_framework_loads_and_errors_carry_line() {
        let json = r#"{"id": "oecd", "name": "OECD checklist", "areas": [
            {"id": "multilevel", "title_sv": "Flernivåstyrning", "title_en": "Multi-level governance"}
        ]}"#;
        let f = Framework::parse(json, FrameworkFormat::Json, Path::new("o.json")).unwrap();
        assert_eq!(f.areas()[0].id.as_str(), "multilevel");
        let err = Framework::parse("{\"id\": \"oecd\",\n \"name\": 3}", FrameworkFormat::Json, Path::new("o.json")).unwrap_err();
        assert!(err.to_string().starts_with("o.json:2:"), "{err}");
    }

    #[test]
    fn from_path_reads_user_files_and_rejects_other_extensions() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("city.toml");
        std::fs::write(&good, "id = \"city\"\nname = \"City\"\n[[areas]]\nid = \"housing\"\ntitle_sv = \"Boende\"\ntitle_en = \"Housing\"\naliases = [\"Bostäder\"]\n").unwrap();
        let f = Framework::resolve(good.to_str().unwrap()).unwrap();
        assert_eq!(f.area("housing").unwrap().aliases, ["Bostäder"]);
        let other = dir.path().join("city.yaml");
        std::fs::write(&other, "").unwrap();
        assert!(matches!(Framework::from_path(&other), Err(FrameworkError::UnsupportedFormat { .. })));
    }

    #[test]
    fn framework_serialises_back_to_its_fields() {
        let f = Framework::builtin("se-2008").unwrap();
        let json = serde_json::to_string(&f).unwrap();
        let back: Framework = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
    }
}

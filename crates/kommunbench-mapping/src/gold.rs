//! Hand codings in the formats of `fixtures/gold/`: one row per document
//! with a `1`/`0`/`?` column per area, and one row per priority with its
//! `;`-separated areas and uncertain areas; and who speaks in each
//! document (`document,actor`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use kommunbench_core::{Framework, Speaker};

/// A coding file that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GoldError {
    /// The file could not be read.
    #[error("cannot read coding {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A row or the header is not valid.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One document's coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The document id.
    pub document: String,
    /// Per area of the framework, in its order: `Some(true)` addresses it,
    /// `Some(false)` does not, `None` ambiguous or not coded.
    pub values: Vec<Option<bool>>,
}

/// A document-level coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocuments {
    /// Where it was read from.
    pub path: PathBuf,
    /// The rows.
    pub rows: Vec<GoldDocument>,
}

/// One priority's coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPriority {
    /// The document id.
    pub document: String,
    /// The priority's title as written in the document.
    pub priority: String,
    /// Indices of the areas it maps to (empty: a local priority).
    pub areas: Vec<usize>,
    /// Indices of the areas that are ambiguous for it.
    pub uncertain: Vec<usize>,
}

/// A priority-level coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPriorities {
    /// Where it was read from.
    pub path: PathBuf,
    /// The rows.
    pub rows: Vec<GoldPriority>,
}

/// One document's speaker, as coded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActor {
    /// The document id.
    pub document: String,
    /// Who speaks; `None` where the coder could not tell (`?`).
    pub speaker: Option<Speaker>,
}

/// A coding of who speaks in each document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActors {
    /// Where it was read from.
    pub path: PathBuf,
    /// The rows.
    pub rows: Vec<GoldActor>,
}

fn read(path: &Path) -> Result<(csv::StringRecord, Vec<(usize, csv::StringRecord)>), GoldError> {
    let text = kommunbench_core::read_text(path).map_err(|e| GoldError::Io { path: path.to_owned(), source: e.into() })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let invalid = |line: usize, message: String| GoldError::Invalid { path: path.to_owned(), line, message };
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(false).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| invalid(1, e.to_string()))?.clone();
    if let Some((i, name)) = header.iter().enumerate().find(|(i, name)| header.iter().take(*i).any(|h| h == *name)) {
        return Err(invalid(1, format!("column `{name}` appears twice (column {})", i + 1)));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            invalid(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, record));
    }
    Ok((header, rows))
}

fn area_index(framework: &Framework, id: &str) -> Result<usize, String> {
    framework.area_index(id).ok_or_else(|| {
        let known: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
        format!("unknown area `{id}` (areas of {}: {})", framework.id(), known.join(", "))
    })
}

impl GoldDocuments {
    /// Reads a document-level coding: `document,<area>,<area>,...`.
    pub fn from_path(path: impl AsRef<Path>, framework: &Framework) -> Result<GoldDocuments, GoldError> {
        let path = path.as_ref();
        let invalid = |line: usize, message: String| GoldError::Invalid { path: path.to_owned(), line, message };
        let (header, records) = read(path)?;
        if header.get(0) != Some("document") {
            return Err(invalid(1, "the first column must be `document`".into()));
        }
        let columns: Vec<usize> =
            header.iter().skip(1).map(|id| area_index(framework, id)).collect::<Result<_, _>>().map_err(|m| invalid(1, m))?;
        let mut seen = HashSet::new();
        let mut rows = Vec::new();
        for (line, record) in records {
            let document = record.get(0).unwrap_or("").to_owned();
            if document.is_empty() {
                return Err(invalid(line, "empty document id".into()));
            }
            if !seen.insert(document.clone()) {
                return Err(invalid(line, format!("document `{document}` is coded twice")));
            }
            let mut values = vec![None; framework.areas().len()];
            for (cell, &area) in record.iter().skip(1).zip(&columns) {
                values[area] = match cell {
                    "1" => Some(true),
                    "0" => Some(false),
                    "?" | "" => None,
                    other => {
                        return Err(invalid(
                            line,
                            format!("`{other}` in column `{}`: expected 1, 0 or ?", framework.areas()[area].id),
                        ));
                    }
                };
            }
            rows.push(GoldDocument { document, values });
        }
        Ok(GoldDocuments { path: path.to_owned(), rows })
    }
}

impl GoldPriorities {
    /// Reads a priority-level coding: `document,priority,areas,uncertain`.
    pub fn from_path(path: impl AsRef<Path>, framework: &Framework) -> Result<GoldPriorities, GoldError> {
        let path = path.as_ref();
        let invalid = |line: usize, message: String| GoldError::Invalid { path: path.to_owned(), line, message };
        let (header, records) = read(path)?;
        let column = |name: &str| header.iter().position(|h| h == name);
        let (Some(doc_col), Some(title_col), Some(areas_col)) = (column("document"), column("priority"), column("areas")) else {
            return Err(invalid(1, "expected the columns document, priority, areas (and optionally uncertain)".into()));
        };
        let uncertain_col = column("uncertain");
        let parse_areas = |cell: &str, line: usize| -> Result<Vec<usize>, GoldError> {
            cell.split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| area_index(framework, a).map_err(|m| invalid(line, m)))
                .collect()
        };
        let mut rows = Vec::new();
        for (line, record) in records {
            let document = record.get(doc_col).unwrap_or("").to_owned();
            let priority = record.get(title_col).unwrap_or("").to_owned();
            if document.is_empty() || priority.is_empty() {
                return Err(invalid(line, "empty document or priority".into()));
            }
            let areas = parse_areas(record.get(areas_col).unwrap_or(""), line)?;
            let uncertain = parse_areas(uncertain_col.and_then(|c| record.get(c)).unwrap_or(""), line)?;
            rows.push(GoldPriority { document, priority, areas, uncertain });
        }
        Ok(GoldPriorities { path: path.to_owned(), rows })
    }
}

impl GoldActors {
    /// Reads a speaker coding: `document,actor`, the actor written as
    /// a [`Speaker`] (`municipality`, `party:M`, `region`, `national`,
    /// `organisation`) or `?`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<GoldActors, GoldError> {
        let path = path.as_ref();
        let invalid = |line: usize, message: String| GoldError::Invalid { path: path.to_owned(), line, message };
        let (header, records) = read(path)?;
        let column = |name: &str| header.iter().position(|h| h == name);
        let (Some(doc_col), Some(actor_col)) = (column("document"), column("actor")) else {
            return Err(invalid(1, "expected the columns document, actor".into()));
        };
        let mut seen = HashSet::new();
        let mut rows = Vec::new();
        for (line, record) in records {
            let document = record.get(doc_col).unwrap_or("").to_owned();
            if document.is_empty() {
                return Err(invalid(line, "empty document id".into()));
            }
            if !seen.insert(document.clone()) {
                return Err(invalid(line, format!("document `{document}` is coded twice")));
            }
            let speaker = match record.get(actor_col).unwrap_or("") {
                "?" | "" => None,
                actor => Some(actor.parse::<Speaker>().map_err(|m| invalid(line, m))?),
            };
            rows.push(GoldActor { document, speaker });
        }
        Ok(GoldActors { path: path.to_owned(), rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.csv");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn document_coding_reads_question_marks_as_missing() {
        let f = Framework::builtin("se-2008").unwrap();
        let (_d, path) = write("document,reception,work,values\nvasa,0,1,?\n");
        let gold = GoldDocuments::from_path(&path, &f).unwrap();
        assert_eq!(gold.rows[0].values, [Some(false), Some(true), None, None, None, None, None]);
    }

    #[test]
    fn unknown_area_and_bad_cell_are_located() {
        let f = Framework::builtin("se-2008").unwrap();
        let (_d, path) = write("document,jobs\nvasa,1\n");
        let err = GoldDocuments::from_path(&path, &f).unwrap_err().to_string();
        assert!(err.ends_with("gold.csv:1: unknown area `jobs` (areas of se-2008: reception, work, school, adult_learning, discrimination, urban, values)"), "{err}");
        let (_d, path) = write("document,work\nvasa,1\nhedemora,yes\n");
        let err = GoldDocuments::from_path(&path, &f).unwrap_err().to_string();
        assert!(err.ends_with("gold.csv:3: `yes` in column `work`: expected 1, 0 or ?"), "{err}");
        let (_d, path) = write("document,priority,areas,uncertain\nvasa,arbete,work;jobs,\n");
        let err = GoldPriorities::from_path(&path, &f).unwrap_err().to_string();
        assert!(err.contains("gold.csv:2: unknown area `jobs`"), "{err}");
    }

    #[test]
    fn priority_coding_reads_area_lists() {
        let f = Framework::builtin("se-2008").unwrap();
        let (_d, path) = write("document,priority,areas,uncertain\nvingaker,Bostäder,reception;urban,\nvasa,boende,,urban\n");
        let gold = GoldPriorities::from_path(&path, &f).unwrap();
        assert_eq!(gold.rows[0].areas, [0, 5]);
        assert_eq!((gold.rows[1].areas.len(), gold.rows[1].uncertain.clone()), (0, vec![5]));
    }

    #[test]
    fn speaker_coding_reads_kinds_and_question_marks() {
        let (_dir, path) = write("document,actor\na,municipality\nb,party:sd\nc,?\nd,organisation\n");
        let gold = GoldActors::from_path(&path).unwrap();
        let speakers: Vec<_> = gold.rows.iter().map(|r| r.speaker.clone()).collect();
        assert_eq!(speakers, [Some(Speaker::Municipality), Some(Speaker::Party("SD".into())), None, Some(Speaker::Organisation)]);
        let (_dir, path) = write("document,actor\na,municipality\nb,county\n");
        let err = GoldActors::from_path(&path).unwrap_err().to_string();
        assert!(err.contains(":3:") && err.contains("unknown speaker `county`"), "{err}");
        let (_dir, path) = write("document,actor\na,region\na,region\n");
        assert!(GoldActors::from_path(&path).unwrap_err().to_string().contains("coded twice"));
    }
}

//! Writing tables: CSV, Parquet, JSON and Markdown, each written to a
//! temporary file beside the target and renamed into place, so an
//! interrupted run never leaves half a file behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use kommunbench_mapping::DocumentMapping;
use polars::prelude::*;
use rayon::prelude::*;

use crate::frames::{DocumentInfo, evidence_with};

/// A table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated values with a header.
    Csv,
    /// Apache Parquet.
    Parquet,
    /// A JSON array of row objects.
    Json,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

impl TableFormat {
    /// The format named by a file's extension (`csv`, `parquet`, `json`, `md`).
    pub fn from_path(path: &Path) -> Option<TableFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(TableFormat::Csv),
            "parquet" => Some(TableFormat::Parquet),
            "json" => Some(TableFormat::Json),
            "md" | "markdown" => Some(TableFormat::Markdown),
            _ => None,
        }
    }
}

/// Why a table or file could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The file could not be created, written or renamed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// polars could not serialise the table.
    #[error("cannot write {}: {source}", path.display())]
    Polars {
        /// The file.
        path: PathBuf,
        /// The polars error.
        source: PolarsError,
    },
    /// The extension names no known format.
    #[error("{}: unknown table format (use .csv, .parquet, .json or .md)", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// Another run holds the output folder's lock.
    #[error("{}: another kommunbench run is writing this folder (lock {}); wait for it, or write elsewhere with --out", path.display(), lock.display())]
    Busy {
        /// The output folder.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// The output path is not a report folder that may be replaced.
    #[error("{}: will not replace it with a report: {why}", path.display())]
    NotAReport {
        /// The output path.
        path: PathBuf,
        /// Why not.
        why: String,
    },
}

/// Writes `bytes` to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut BufWriter<File>) -> Result<(), ExportError>) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = BufWriter::new(File::create(&tmp).map_err(io)?);
        write(&mut file)?;
        file.flush().map_err(io)?;
        file.get_ref().sync_all().map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes a table in the format its extension names.
pub fn write_table(df: &DataFrame, path: &Path) -> Result<(), ExportError> {
    let format = TableFormat::from_path(path).ok_or_else(|| ExportError::UnknownFormat { path: path.to_owned() })?;
    write_table_as(df, path, format)
}

/// A text cell as a spreadsheet may open it safely: a value that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a
/// formula, so it gets a leading `'`, as OWASP recommends for CSV
/// injection. Numbers are numeric columns and are never touched.
///
/// ```
/// use kommunbench_analysis::spreadsheet_safe;
///
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(spreadsheet_safe("Arbete och studier"), "Arbete och studier");
/// ```
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_OPENINGS) { format!("'{cell}").into() } else { cell.into() }
}

/// What a spreadsheet reads as the start of a formula.
const FORMULA_OPENINGS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The frame with every text cell made [`spreadsheet_safe`]. A column
/// with no cell to change is kept as it is (most are: names, ids, areas).
fn spreadsheet_safe_frame(df: &DataFrame) -> PolarsResult<DataFrame> {
    let mut out = df.clone();
    for name in df.get_column_names_owned() {
        let column = df.column(&name)?;
        if column.dtype() == &DataType::String {
            let cells = column.str()?;
            if !cells.iter().flatten().any(|v| v.starts_with(FORMULA_OPENINGS)) {
                continue;
            }
            let safe: StringChunked = cells.iter().map(|v| v.map(spreadsheet_safe)).collect();
            out.replace(&name, safe.with_name(name.clone()).into_series().into())?;
        }
    }
    Ok(out)
}

/// Writes a table in the given format. CSV cells are made
/// [`spreadsheet_safe`]; Parquet and JSON keep the values as they are.
pub fn write_table_as(df: &DataFrame, path: &Path, format: TableFormat) -> Result<(), ExportError> {
    write_atomic(path, |out| write_table_to(df, out, format, path))
}

/// Documents whose evidence rows one worker formats at a time.
const EVIDENCE_PART: usize = 64;

/// Writes the evidence table of `mappings` (see [`crate::evidence`]) to
/// `path` as CSV, byte for byte what [`write_table`] writes of the whole
/// frame, without holding it: the table of a large corpus is the largest
/// output by far (hundreds of megabytes). Parts of [`EVIDENCE_PART`]
/// documents are made and formatted on every core, their cells made
/// [`spreadsheet_safe`] as they are copied in, and written in order, a
/// few at a time.
pub(crate) fn write_evidence_csv(
    mappings: &[DocumentMapping],
    documents: &[DocumentInfo],
    path: &Path,
) -> Result<(), ExportError> {
    let pl = |source| ExportError::Polars { path: path.to_owned(), source };
    let format = |range: Range<usize>| -> PolarsResult<Vec<u8>> {
        let mut part = evidence_with(&mappings[range.clone()], documents, spreadsheet_safe)?;
        let mut bytes = if range.start == 0 { csv_header(&part) } else { Vec::new() };
        CsvWriter::new(&mut bytes).include_header(false).finish(&mut part)?;
        Ok(bytes)
    };
    let parts: Vec<Range<usize>> = (0..mappings.len().div_ceil(EVIDENCE_PART).max(1))
        .map(|i| i * EVIDENCE_PART..((i + 1) * EVIDENCE_PART).min(mappings.len()))
        .collect();
    write_atomic(path, |out| {
        for window in parts.chunks(2 * rayon::current_num_threads()) {
            let formatted: Vec<PolarsResult<Vec<u8>>> = window.par_iter().map(|r| format(r.clone())).collect();
            for bytes in formatted {
                out.write_all(&bytes.map_err(pl)?).map_err(|source| ExportError::Io { path: path.to_owned(), source })?;
            }
        }
        Ok(())
    })
}

/// Writes a table to a stream (standard output, say) in the given format,
/// as [`write_table_as`] writes a file; `name` names the stream in errors.
pub fn write_table_to(df: &DataFrame, out: &mut dyn Write, format: TableFormat, name: &Path) -> Result<(), ExportError> {
    let pl = |source| ExportError::Polars { path: name.to_owned(), source };
    let io = |source| ExportError::Io { path: name.to_owned(), source };
    let mut df = if format == TableFormat::Csv { spreadsheet_safe_frame(df).map_err(pl)? } else { df.clone() };
    match format {
        TableFormat::Csv => {
            out.write_all(&csv_header(&df)).map_err(io)?;
            CsvWriter::new(out).include_header(false).finish(&mut df).map_err(pl)
        }
        TableFormat::Parquet => ParquetWriter::new(out).finish(&mut df).map(|_| ()).map_err(pl),
        TableFormat::Json => {
            JsonWriter::new(&mut *out).with_json_format(JsonFormat::Json).finish(&mut df).map_err(pl)?;
            out.write_all(b"\n").map_err(io)
        }
        TableFormat::Markdown => out.write_all(markdown(&df).as_bytes()).map_err(io),
    }
}

/// The header line of a CSV table: the column names, each quoted where
/// it is empty or holds a comma, a quote or a line break, as polars
/// writes them.
///
/// polars' own header writer fills a shared 8 MiB buffer of zeros on
/// first use (`polars_buffer::GLOBAL_ZEROES`): 8 ms, a fifth of a short
/// command's run, for a line of names.
fn csv_header(df: &DataFrame) -> Vec<u8> {
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|name| {
            if name.is_empty() || name.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", name.replace('"', "\"\""))
            } else {
                name.to_string()
            }
        })
        .collect();
    format!("{}\n", names.join(",")).into_bytes()
}

/// A cell as text: strings as they are, floats with three decimals, nulls empty.
fn cell_text(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => (*s).to_owned(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Float64(f) => format!("{f:.3}"),
        AnyValue::Float32(f) => format!("{f:.3}"),
        other => other.to_string(),
    }
}

/// Rows of a table as text, for Markdown and the terminal.
pub fn text_rows(df: &DataFrame) -> Vec<Vec<String>> {
    (0..df.height()).map(|i| df.columns().iter().map(|c| c.get(i).map(|v| cell_text(&v)).unwrap_or_default()).collect()).collect()
}

/// A Markdown table (pipes in cells escaped).
pub fn markdown(df: &DataFrame) -> String {
    let header: Vec<String> = df.get_column_names().iter().map(std::string::ToString::to_string).collect();
    let mut out = format!("| {} |\n|{}|\n", header.join(" | "), header.iter().map(|_| "---").collect::<Vec<_>>().join("|"));
    for row in text_rows(df) {
        let cells: Vec<String> = row.iter().map(|c| c.replace('|', "\\|").replace('\n', " ")).collect();
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
        out.push_str(" |\n");
    }
    out
}

/// An aligned plain-text table for the terminal.
pub fn plain_table(df: &DataFrame) -> String {
    let header: Vec<String> = df.get_column_names().iter().map(std::string::ToString::to_string).collect();
    let rows = text_rows(df);
    let widths: Vec<usize> = (0..header.len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).chain([header[c].chars().count()]).max().unwrap_or(0))
        .collect();
    let line = |cells: &[String]| {
        cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect::<Vec<_>>().join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(&header);
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> DataFrame {
        df!(
            "municipality" => ["Vingåker", "Vasa"],
            "area" => ["work", "values"],
            "score" => [0.632, 0.95],
            "covered" => [true, true],
            "evidence_count" => [2u32, 5],
        )
        .unwrap()
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("coverage.csv");
        write_table(&table(), &path).unwrap();
        let before = std::fs::read_to_string(&path).unwrap();
        // A write that breaks off half way, as an interrupted run would.
        let err = write_atomic(&path, |out| {
            out.write_all(b"municipality,ar").unwrap();
            Err(ExportError::Io { path: path.clone(), source: std::io::Error::other("interrupted") })
        })
        .unwrap_err();
        assert!(err.to_string().contains("interrupted"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["coverage.csv"]);
    }

    #[test]
    fn the_csv_header_is_the_one_polars_writes() {
        let names = ["municipality", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "åäö"];
        let mut df = DataFrame::new(1, names.iter().map(|name| Column::new((*name).into(), ["x"])).collect()).unwrap();
        let mut ours = Vec::new();
        write_table_to(&df, &mut ours, TableFormat::Csv, Path::new("t.csv")).unwrap();
        let mut theirs = Vec::new();
        CsvWriter::new(&mut theirs).include_header(true).finish(&mut df).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }

    #[test]
    fn exports_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let df = table();
        let csv = dir.path().join("t.csv");
        write_table(&df, &csv).unwrap();
        let back = CsvReadOptions::default().try_into_reader_with_file_path(Some(csv)).unwrap().finish().unwrap();
        assert_eq!(back.column("municipality").unwrap().str().unwrap().get(0), Some("Vingåker"));
        assert_eq!(back.column("score").unwrap().f64().unwrap().get(1), Some(0.95));

        let parquet = dir.path().join("t.parquet");
        write_table(&df, &parquet).unwrap();
        let back = ParquetReader::new(File::open(&parquet).unwrap()).finish().unwrap();
        assert!(back.equals(&df));

        let json = dir.path().join("t.json");
        write_table(&df, &json).unwrap();
        let back = JsonReader::new(File::open(&json).unwrap()).finish().unwrap();
        assert_eq!(back.height(), 2);
        assert_eq!(back.column("area").unwrap().str().unwrap().get(1), Some("values"));

        let md = dir.path().join("t.md");
        write_table(&df, &md).unwrap();
        let text = std::fs::read_to_string(md).unwrap();
        assert!(text.starts_with("| municipality | area | score | covered | evidence_count |\n|---|---|---|---|---|\n"));
        assert!(text.contains("| Vingåker | work | 0.632 | true | 2 |"));
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
    }

    /// Mappings of `n` documents with evidence a CSV writer must quote or
    /// guard: separators, quotes, line breaks, formulas, empty words, pages.
    fn evidence_mappings(n: usize) -> (Vec<DocumentMapping>, Vec<DocumentInfo>) {
        use kommunbench_core::{AreaId, DocumentId, FrameworkId, Span};
        use kommunbench_mapping::{AreaCoverage, Evidence};
        let piece = |i: usize, term: &str, text: &str, sentence: &str, page: Option<u32>| Evidence {
            term: term.into(),
            text: text.to_owned(),
            span: Span::new(i * 10, i * 10 + text.len()),
            sentence: sentence.into(),
            page,
        };
        let mappings: Vec<DocumentMapping> = (0..n)
            .map(|i| DocumentMapping {
                document: DocumentId::new(format!("doc-{i}")).unwrap(),
                municipality: None,
                framework: FrameworkId::new("se-2008").unwrap(),
                method: "lexicon".to_owned(),
                alignments: Vec::new(),
                coverage: vec![
                    AreaCoverage {
                        area: AreaId::new("work").unwrap(),
                        score: 0.5,
                        covered: true,
                        evidence_count: 3,
                        evidence: vec![
                            piece(i, "arbete", "arbete", "Fler i arbete, \"snabbt\" och väl.", None),
                            piece(i, "=SUM(A1)", "", "Rad ett\nrad två; och tre", Some(7)),
                            piece(i, "-jobb", "+jobb", "@kommunen\r\nsäger", Some(u32::MAX)),
                        ],
                    },
                    AreaCoverage {
                        area: AreaId::new("school").unwrap(),
                        score: 0.0,
                        covered: false,
                        evidence_count: 0,
                        evidence: Vec::new(),
                    },
                ],
                local_priorities: Vec::new(),
            })
            .collect();
        // Every other document without its facts: its row is named by its id.
        let documents = mappings
            .iter()
            .step_by(2)
            .map(|m| DocumentInfo {
                id: m.document.clone(),
                title: "Integrationsplan".to_owned(),
                priorities: Vec::new(),
                actor: crate::Actor::named(format!("Kommun, \"{}\"", m.document)),
                municipality: None,
                kind: None,
                date: None,
                segments: 0,
            })
            .collect();
        (mappings, documents)
    }

    #[test]
    fn the_evidence_csv_is_the_frame_written_as_csv() {
        let dir = tempfile::tempdir().unwrap();
        // None, one part, several parts and a last part that is not full.
        for n in [0, 1, EVIDENCE_PART, 3 * EVIDENCE_PART + 5] {
            let (mappings, documents) = evidence_mappings(n);
            let (streamed, framed) = (dir.path().join("streamed.csv"), dir.path().join("framed.csv"));
            write_evidence_csv(&mappings, &documents, &streamed).unwrap();
            write_table(&crate::evidence(&mappings, &documents).unwrap(), &framed).unwrap();
            let streamed = std::fs::read_to_string(&streamed).unwrap();
            assert_eq!(streamed, std::fs::read_to_string(&framed).unwrap(), "{n} documents");
            assert_eq!(streamed.matches("'=SUM(A1)").count(), n);
        }
    }

    #[test]
    fn unknown_extension_is_refused() {
        let err = write_table(&table(), Path::new("out.xlsx")).unwrap_err();
        assert_eq!(err.to_string(), "out.xlsx: unknown table format (use .csv, .parquet, .json or .md)");
    }

    #[test]
    fn plain_text_table_is_aligned() {
        assert_eq!(plain_table(&table()).lines().next(), Some("municipality  area    score  covered  evidence_count"));
    }
}

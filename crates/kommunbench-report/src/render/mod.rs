//! Reports a person reads: the map of Sweden, the row x area heatmap and
//! two charts as standalone SVG, the overview page around them, and a page
//! per row with its priorities and evidence.
//!
//! Everything here is a pure transform of an already computed
//! [`ReportData`]: no file is read or written and nothing is fetched, so the
//! output needs no fonts or other resources at view time.

mod charts;
mod heatmap;
mod map;
mod page;
mod scatter;

pub use charts::{area_chart_svg, breadth_chart_svg};
pub use heatmap::heatmap_svg;
pub use map::map_svg;
pub use page::{municipality_html, report_html};
pub use scatter::scatter_svg;
pub(crate) use scatter::{legend as scatter_legend, number};

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Everything a report shows, already computed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportData {
    /// Report title, e.g. `"Integration policy coverage, se-2008"`.
    pub title: String,
    /// Framework id, e.g. `"se-2008"`.
    pub framework: String,
    /// `(area id, Swedish title)` pairs, in column order.
    pub areas: Vec<(String, String)>,
    /// Rows (actors), in display order.
    pub rows: Vec<ReportRow>,
    /// How the rows are ordered: `name`, `county`, `breadth`, or
    /// `cluster (average linkage)`.
    pub order: String,
    /// The dendrogram of the rows when they are in cluster order: merges
    /// of rows (by display position, `0..rows`) and earlier merges
    /// (`rows + i`), closest first.
    #[serde(default)]
    pub dendrogram: Vec<ReportMerge>,
    /// What the map colours: `None` for breadth, else an area id.
    #[serde(default)]
    pub map_area: Option<String>,
    /// Tables shown on the overview page.
    pub tables: Vec<Table>,
    /// Warnings shown in a box, e.g. input files that failed.
    pub notes: Vec<String>,
    /// The score at which a cell counts as covered, in `0..=1`.
    pub threshold: f64,
    /// The "Policy and outcomes" section, when outcome data was given.
    #[serde(default)]
    pub outcomes: Option<ReportOutcomes>,
}

/// The "Policy and outcomes" section: per key figure, its scatter against
/// the coverage of its area and the comparison of municipalities that
/// cover the area with those that do not.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportOutcomes {
    /// The plain sentence that the figures are descriptive, not causal.
    pub sentence: String,
    /// The key figures, in the KPI file's order.
    pub kpis: Vec<ReportKpi>,
}

/// One key figure of the section.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportKpi {
    /// The area it speaks to.
    pub area: String,
    /// The key figure's id.
    pub kpi: String,
    /// Its title.
    pub title: String,
    /// Its unit.
    pub unit: String,
    /// `higher` or `lower`: which is better.
    pub direction: String,
    /// The latest year.
    pub year: Option<i32>,
    /// Municipalities with a document and a value.
    pub n: usize,
    /// Of them, those covering the area.
    pub n_covered: usize,
    /// Median value where covered, as shown.
    pub median_covered: String,
    /// Median value where not covered.
    pub median_not_covered: String,
    /// The difference of the medians with its interval.
    pub difference: String,
    /// Spearman's rho with its interval.
    pub spearman: String,
    /// The median of every municipality in the data.
    pub national_median: String,
    /// The median change since the policies' years, and of how many.
    pub change: String,
    /// The points of the scatter.
    pub points: Vec<ReportPoint>,
    /// The groups the points are coloured by, in colour order.
    pub groups: Vec<String>,
    /// The scatter, drawn.
    pub scatter: String,
    /// `(group, colour)` for the legend.
    pub legend: Vec<(String, String)>,
}

/// One municipality in a scatter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportPoint {
    /// Its name.
    pub name: String,
    /// Its page.
    pub slug: String,
    /// Its peer group, or county.
    pub group: String,
    /// Its coverage score of the area.
    pub score: f64,
    /// Its value.
    pub value: f64,
}

/// A key figure on a row's page, beside the row's coverage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportRowKpi {
    /// The area.
    pub area: String,
    /// The key figure's id.
    pub kpi: String,
    /// Its title.
    pub title: String,
    /// Its unit.
    pub unit: String,
    /// `higher` or `lower`.
    pub direction: String,
    /// The row's coverage score of the area.
    pub score: f64,
    /// Whether it covers the area.
    pub covered: bool,
    /// Its value and year, as shown (`61.3 (2023)`, or `no value`).
    pub value: String,
    /// Its peer group's median.
    pub group_median: String,
    /// The national median.
    pub national_median: String,
    /// Its change since its policy's year.
    pub change: String,
}

/// One merge of the dendrogram (see [`ReportData::dendrogram`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReportMerge {
    /// One side: a row position or an earlier merge.
    pub left: usize,
    /// The other side.
    pub right: usize,
    /// The distance at which they merge.
    pub distance: f64,
}

/// One row: an actor (a municipality, a party in it, a region), its
/// score in every area, its documents and priorities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportRow {
    /// Row label, e.g. `"Vingåker"` or `"Lomma (M)"`.
    pub label: String,
    /// The file name of its page, without `.html`: `0428`, `1262-m`.
    #[serde(default)]
    pub slug: String,
    /// The municipality code, for a municipality's or a party's row.
    #[serde(default)]
    pub code: Option<String>,
    /// The country (`SE`, `FI`), when known.
    #[serde(default)]
    pub country: Option<String>,
    /// The county (län, landskap), when known.
    #[serde(default)]
    pub county: Option<String>,
    /// Who speaks: `municipality`, `party:M`, `region`, `national`.
    #[serde(default)]
    pub actor: String,
    /// The peer group.
    #[serde(default)]
    pub group: String,
    /// The share of areas covered.
    #[serde(default)]
    pub breadth: f64,
    /// The documents behind the row.
    pub documents: Vec<ReportDocument>,
    /// One cell per area, in the order of [`ReportData::areas`].
    pub cells: Vec<ReportCell>,
    /// The priorities the documents state, in document order: the first
    /// [`PAGE_PRIORITIES`](crate::PAGE_PRIORITIES).
    #[serde(default)]
    pub priorities: Vec<ReportPriority>,
    /// How many priorities the documents state, listed or not.
    #[serde(default)]
    pub priority_count: usize,
    /// Areas not covered.
    #[serde(default)]
    pub gaps: Vec<String>,
    /// Areas where the row scores below its peers' median.
    #[serde(default)]
    pub below_median: Vec<String>,
    /// The nearest peers, most alike first.
    #[serde(default)]
    pub peers: Vec<ReportPeer>,
    /// Its key figures beside its coverage, when outcome data was given.
    #[serde(default)]
    pub outcomes: Vec<ReportRowKpi>,
}

/// A document behind a row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportDocument {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its kind (`policy`, `party_programme`, ...).
    pub kind: String,
    /// Its date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
}

/// A priority a document states.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportPriority {
    /// The document it stands in.
    pub document: String,
    /// Its title.
    pub title: String,
    /// Its level: `goal`, `sub_goal`, `priority_area`, `action`.
    pub level: String,
    /// The areas it maps to.
    pub areas: Vec<String>,
    /// Whether it maps to no area of the framework: a local priority.
    pub local: bool,
}

/// A nearest peer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportPeer {
    /// Its label.
    pub label: String,
    /// Its page.
    pub slug: String,
    /// Cosine of the two score profiles.
    pub cosine: f64,
}

/// One row x area cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportCell {
    /// Coverage score in `0..=1`.
    pub score: f64,
    /// Whether the cell counts as covered.
    pub covered: bool,
    /// The matches behind the score: those in the first
    /// [`EVIDENCE_SENTENCES`](crate::EVIDENCE_SENTENCES) sentences that
    /// hold one, the documents in corpus order.
    pub evidence: Vec<ReportEvidence>,
    /// How many matches there are in all (`evidence.csv` lists each).
    #[serde(default)]
    pub evidence_count: usize,
    /// In how many sentences they stand.
    #[serde(default)]
    pub sentence_count: usize,
}

/// One match behind a cell's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEvidence {
    /// Id of the document the match is in.
    pub document: String,
    /// The lexicon term that matched.
    pub term: Arc<str>,
    /// The matched words, as they stand in the sentence.
    pub text: String,
    /// The sentence the matched words stand in (shared with the other
    /// matches in it).
    pub sentence: Arc<str>,
    /// The page it stands on, for paged formats (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A table with already formatted cells.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Table {
    /// Table title.
    pub title: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows of formatted cells, normally one per column.
    pub rows: Vec<Vec<String>>,
    /// The page of each row (a [`ReportRow::slug`]), linked from its first
    /// cell; empty for tables without pages.
    #[serde(default)]
    pub links: Vec<String>,
    /// Why the table is empty, shown in its place when it has no rows.
    #[serde(default)]
    pub empty: String,
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A row does not have exactly one cell per area.
    #[error("row {row:?} has {found} cells but the report has {expected} areas")]
    CellCount {
        /// The offending row's label.
        row: String,
        /// Number of areas in the report.
        expected: usize,
        /// Number of cells in the row.
        found: usize,
    },
    /// The coverage threshold is not a number in `0..=1`.
    #[error("threshold {value} is not a number between 0 and 1")]
    Threshold {
        /// The offending threshold.
        value: f64,
    },
    /// The map was asked for an area the report does not have.
    #[error("no area `{area}` in the report ({areas})")]
    UnknownArea {
        /// The area asked for.
        area: String,
        /// The report's areas, comma separated.
        areas: String,
    },
    /// A page template failed.
    #[error("cannot render the page: {message}")]
    Template {
        /// The template engine's message.
        message: String,
    },
    /// The drawing library failed.
    #[error("cannot draw the heatmap: {message}")]
    Drawing {
        /// The drawing library's message.
        message: String,
    },
}

/// Checks what both renderers rely on.
fn validate(data: &ReportData) -> Result<(), RenderError> {
    if !(0.0..=1.0).contains(&data.threshold) {
        return Err(RenderError::Threshold { value: data.threshold });
    }
    for row in &data.rows {
        if row.cells.len() != data.areas.len() {
            return Err(RenderError::CellCount { row: row.label.clone(), expected: data.areas.len(), found: row.cells.len() });
        }
    }
    Ok(())
}

/// Escapes text for XML and HTML, in content and in quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// A score as printed in cells and summaries: two decimals, a dash for
/// a score that is not a number.
fn format_score(score: f64) -> String {
    if score.is_finite() { format!("{score:.2}") } else { "–".to_owned() }
}

/// `"1 area"`, `"7 areas"`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-built report shared by the renderer tests.

    use super::{ReportCell, ReportData, ReportDocument, ReportEvidence, ReportRow, Table};

    fn document(id: &str) -> ReportDocument {
        ReportDocument { id: id.to_owned(), title: "Integrationsplan".to_owned(), kind: "plan".to_owned(), date: None }
    }

    pub(crate) const AREAS: [(&str, &str); 7] = [
        ("reception", "Mottagande och introduktion för nyanlända"),
        ("work", "Fler i arbete, fler företagare"),
        ("school", "Bättre resultat och ökad likvärdighet i skolan"),
        ("adult_learning", "Bättre språkkunskaper och tillgång till vuxenutbildning"),
        ("discrimination", "Ett effektivt arbete mot diskriminering"),
        ("urban", "En positiv utveckling i stadsdelar med utbredt utanförskap"),
        ("values", "En gemensam värdegrund i ett samhälle med växande mångfald"),
    ];

    fn evidence(document: &str, term: &str, text: &str, sentence: &str) -> ReportEvidence {
        ReportEvidence {
            document: document.to_owned(),
            term: term.into(),
            text: text.to_owned(),
            sentence: sentence.into(),
            page: None,
        }
    }

    fn cell(score: f64, threshold: f64, evidence: Vec<ReportEvidence>) -> ReportCell {
        let (evidence_count, sentence_count) = (evidence.len(), evidence.len());
        ReportCell { score, covered: score >= threshold, evidence, evidence_count, sentence_count }
    }

    /// Three municipalities, the seven `se-2008` areas, a metrics table and
    /// a note; Vingåker's `work` cell scores 0.63 with evidence whose sentence
    /// holds `<` and `&`.
    pub(crate) fn sample() -> ReportData {
        let threshold = 0.5;
        let scores: [(&str, &str, [f64; 7]); 3] = [
            ("Vingåker", "vingaker-2016", [0.81, 0.63, 0.0, 0.42, 0.0, 0.12, 0.95]),
            ("Hedemora", "hedemora-2019", [0.55, 0.9, 0.33, 1.0, 0.5, 0.0, 0.07]),
            ("Jönköping", "jonkoping-2018", [0.0, 0.25, 0.71, 0.6, 0.88, 0.47, 0.2]),
        ];
        let rows = scores
            .iter()
            .map(|(label, document, scores)| {
                let cells = scores
                    .iter()
                    .enumerate()
                    .map(|(area, &score)| {
                        let evidence = match (*label, AREAS[area].0) {
                            ("Vingåker", "work") => vec![
                                evidence(
                                    document,
                                    "arbete",
                                    "Arbete",
                                    "Arbete & studier: fler ska ha egen försörjning inom < 2 år.",
                                ),
                                evidence(
                                    document,
                                    "sysselsättning",
                                    "sysselsättningen",
                                    "Kommunen ska öka sysselsättningen bland utrikes födda.",
                                ),
                            ],
                            ("Vingåker", "reception") => vec![evidence(
                                document,
                                "nyanlända",
                                "nyanlända",
                                "Nyanlända ska känna sig välkomna – alla nyanlända får en \"lots\".",
                            )],
                            ("Hedemora", "adult_learning") => vec![evidence(
                                document,
                                "vuxenutbildning",
                                "VUXENUTBILDNINGEN",
                                "Vuxenutbildningen och SFI ska vara flexibla för den som arbetar.",
                            )],
                            _ => Vec::new(),
                        };
                        cell(score, threshold, evidence)
                    })
                    .collect();
                ReportRow {
                    label: (*label).to_owned(),
                    slug: (*document).to_owned(),
                    actor: "municipality".to_owned(),
                    documents: vec![self::document(document)],
                    cells,
                    ..ReportRow::default()
                }
            })
            .collect();
        ReportData {
            title: "Integration policy coverage, se-2008".to_owned(),
            framework: "se-2008".to_owned(),
            areas: AREAS.iter().map(|(id, title)| ((*id).to_owned(), (*title).to_owned())).collect(),
            rows,
            tables: vec![Table {
                title: "Coverage per area".to_owned(),
                columns: vec!["area".to_owned(), "covered municipalities".to_owned(), "mean score".to_owned()],
                rows: vec![
                    vec!["reception".to_owned(), "2".to_owned(), "0.45".to_owned()],
                    vec!["work".to_owned(), "2".to_owned(), "0.59".to_owned()],
                    vec!["values & <norms>".to_owned(), "1".to_owned(), "0.41".to_owned()],
                ],
                ..Table::default()
            }],
            notes: vec!["fixtures/corpus/broken.txt: not UTF-8 at byte 17".to_owned()],
            threshold,
            order: "name".to_owned(),
            ..ReportData::default()
        }
    }

    /// A report with `n` generated rows, to check the layout at scale.
    pub(crate) fn large(n: usize) -> ReportData {
        let mut data = sample();
        data.rows = (0..n)
            .map(|i| ReportRow {
                label: format!("Kommun nr {i} Överkalix-Åsele"),
                slug: format!("doc-{i}"),
                documents: vec![document(&format!("doc-{i}"))],
                cells: (0..AREAS.len())
                    .map(|a| {
                        let score = f64::from(u8::try_from((i * 7 + a * 13) % 101).unwrap()) / 100.0;
                        cell(score, data.threshold, Vec::new())
                    })
                    .collect(),
                ..ReportRow::default()
            })
            .collect();
        data
    }

    /// Writes the sample renderings when `KOMMUNBENCH_RENDER_DIR` is set, for
    /// looking at them in a browser.
    pub(crate) fn write_if_asked(name: &str, content: &str) {
        if let Some(dir) = std::env::var_os("KOMMUNBENCH_RENDER_DIR") {
            let dir = std::path::PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("create render dir");
            std::fs::write(dir.join(name), content).expect("write rendering");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RenderError, escape, fixture, format_score, validate};

    #[test]
    fn escapes_all_five_characters() {
        assert_eq!(escape(r#"a & b < c > d "e" 'f' Åsa"#), "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; Åsa");
    }

    #[test]
    fn formats_scores_with_two_decimals() {
        assert_eq!(format_score(0.625_1), "0.63");
        assert_eq!(format_score(1.0), "1.00");
        assert_eq!(format_score(f64::NAN), "–");
    }

    #[test]
    fn rejects_ragged_rows_and_bad_thresholds() {
        let mut data = fixture::sample();
        data.rows[1].cells.pop();
        let err = validate(&data).unwrap_err();
        assert!(matches!(err, RenderError::CellCount { expected: 7, found: 6, .. }));
        assert_eq!(err.to_string(), "row \"Hedemora\" has 6 cells but the report has 7 areas");

        let mut data = fixture::sample();
        data.threshold = f64::NAN;
        assert!(matches!(validate(&data), Err(RenderError::Threshold { .. })));
        data.threshold = 1.5;
        assert_eq!(validate(&data).unwrap_err().to_string(), "threshold 1.5 is not a number between 0 and 1");
    }
}

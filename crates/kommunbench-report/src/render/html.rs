//! The report as one self-contained HTML5 page: the heatmap inlined, the
//! evidence behind every scored cell, the metrics tables and the notes.
//! Inline CSS only, no script, no link to anything outside the page.

use std::fmt::Write as _;

use super::{RenderError, ReportCell, ReportData, ReportEvidence, ReportRow, Table};
use super::{escape, escape_into, format_score, heatmap_svg, plural};

/// The page's style sheet: system font, a readable measure, zebra tables.
const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1a1a1a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
p { margin: .5rem 0; }
.meta, .docs, .intro { color: #555; font-size: .92rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: .85em; background: #f1f2f4; padding: 0 .3em; border-radius: 3px; }
figure.heatmap { margin: 1rem 0 .5rem; overflow-x: auto; }
figure.heatmap svg { display: block; }
.legend { font-size: .95rem; max-width: 70ch; }
.check { color: #e6550d; font-weight: 700; }
.frame { display: inline-block; width: 1.1em; height: .9em; vertical-align: -.1em;
  border: 2px solid #e6550d; background: #2171b5; }
details { border: 1px solid #e1e3e6; border-radius: 6px; margin: .4rem 0; background: #fff; }
details[open] { background: #fcfcfd; }
summary { cursor: pointer; padding: .45rem .75rem; }
details[open] > summary { border-bottom: 1px solid #eceef0; }
.area-title { color: #555; font-size: .9rem; margin-left: .35rem; }
.badge { display: inline-block; margin-left: .5rem; padding: 0 .55rem; border-radius: 999px;
  background: #e6550d; color: #fff; font-size: .75rem; font-weight: 600; vertical-align: .1em; }
ul.evidence { margin: .5rem 0; padding: 0 1rem 0 2.25rem; }
ul.evidence li { margin: .55rem 0; }
ul.evidence q { quotes: "\201D" "\201D"; }
.source { display: block; color: #555; font-size: .85rem; }
mark { background: #ffe08a; color: inherit; padding: 0 .1em; border-radius: 2px; }
.empty { color: #6b6b6b; font-style: italic; margin: .5rem .75rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .92rem; margin: .25rem 0 1rem; }
th, td { padding: .35rem .75rem; text-align: left; vertical-align: top; border-bottom: 1px solid #e6e8eb; }
thead th { background: #eef1f5; border-bottom: 2px solid #c9ced6; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f8fa; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.warning { margin-top: 2.25rem; padding: .75rem 1rem; border: 1px solid #e8c46a;
  border-left: 6px solid #e69500; border-radius: 6px; background: #fff8e5; }
.warning h2 { margin: 0 0 .25rem; border: 0; padding: 0; font-size: 1.1rem; }
.warning ul { margin: .25rem 0; padding-left: 1.25rem; }
p.warning { margin-top: .75rem; }
"#;

/// Renders the whole report as one self-contained HTML5 page: the title,
/// the heatmap inlined as SVG with a sentence explaining scores and the
/// threshold, a drill-down with a `<details>` per scored cell (score above
/// 0, or covered) listing its evidence with the matched words marked, every
/// [`Table`], and the notes in a warning box.
///
/// All text from `data` is escaped; the page needs no script, font or any
/// other resource.
///
/// # Errors
///
/// The errors of [`heatmap_svg`]: a row without one cell per area, a
/// threshold outside `0..=1`, a failure of the drawing library.
pub fn report_html(data: &ReportData) -> Result<String, RenderError> {
    let svg = heatmap_svg(data)?;
    let mut out = String::with_capacity(svg.len() * 2 + 8 * 1024);

    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"kommunbench\">\n<title>");
    escape_into(&mut out, &data.title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    escape_into(&mut out, &data.title);
    out.push_str("</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">Framework <code>{}</code> · {} · {} · threshold {}</p>",
        escape(&data.framework),
        plural(data.rows.len(), "municipality", "municipalities"),
        plural(data.areas.len(), "area", "areas"),
        format_score(data.threshold),
    );
    if !data.notes.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"warning\">{} about the input: see <a href=\"#notes\">Notes</a> at the end.</p>",
            plural(data.notes.len(), "note", "notes"),
        );
    }
    out.push_str("</header>\n");

    heatmap_section(&mut out, data, &svg);
    evidence_section(&mut out, data);
    if !data.tables.is_empty() {
        out.push_str("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
        for table in &data.tables {
            table_html(&mut out, table);
        }
        out.push_str("</section>\n");
    }
    if !data.notes.is_empty() {
        out.push_str("<aside id=\"notes\" class=\"warning\" role=\"note\">\n<h2>⚠ Notes</h2>\n<ul>\n");
        for note in &data.notes {
            out.push_str("<li>");
            escape_into(&mut out, note);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</aside>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(out)
}

/// The heatmap, the sentence explaining it and the key to the area ids.
fn heatmap_section(out: &mut String, data: &ReportData, svg: &str) {
    out.push_str("<section id=\"coverage\">\n<h2>Coverage</h2>\n<figure class=\"heatmap\">\n");
    out.push_str(svg);
    out.push_str("</figure>\n");
    let _ = writeln!(
        out,
        "<p class=\"legend\">Each cell is the coverage score of one municipality's documents in \
         one area of the framework, from 0 (nothing found) to 1 (fully covered), printed with two \
         decimals; the darker the cell, the higher the score. A cell counts as covered from a score \
         of {}: covered cells are framed in orange and ticked <span class=\"check\">✓</span>. \
         Hover over an area id for its Swedish title; the evidence behind every cell is listed \
         below.</p>",
        format_score(data.threshold),
    );
    if !data.areas.is_empty() {
        out.push_str("<details>\n<summary>Areas of the framework</summary>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>area</th><th>title</th></tr></thead>\n<tbody>\n");
        for (id, title) in &data.areas {
            let _ = writeln!(out, "<tr><td><code>{}</code></td><td lang=\"sv\">{}</td></tr>", escape(id), escape(title));
        }
        out.push_str("</tbody>\n</table>\n</div>\n</details>\n");
    }
    out.push_str("</section>\n");
}

/// Per municipality, a `<details>` per scored cell with its evidence.
fn evidence_section(out: &mut String, data: &ReportData) {
    out.push_str("<section id=\"evidence\">\n<h2>Evidence</h2>\n");
    out.push_str(
        "<p class=\"intro\">For every municipality, the areas with a score above 0 and the \
         sentences behind them; open an area to see them. The words that matched are marked.</p>\n",
    );
    for (index, row) in data.rows.iter().enumerate() {
        row_evidence(out, data, index, row);
    }
    out.push_str("</section>\n");
}

fn row_evidence(out: &mut String, data: &ReportData, index: usize, row: &ReportRow) {
    let _ = write!(out, "<section class=\"municipality\" id=\"row-{index}\">\n<h3>");
    escape_into(out, &row.label);
    out.push_str("</h3>\n");
    if !row.documents.is_empty() {
        out.push_str("<p class=\"docs\">");
        out.push_str(if row.documents.len() == 1 { "Document " } else { "Documents " });
        let documents: Vec<String> = row.documents.iter().map(|d| format!("<code>{}</code>", escape(d))).collect();
        out.push_str(&documents.join(", "));
        out.push_str("</p>\n");
    }
    let mut shown = 0;
    for ((id, title), cell) in data.areas.iter().zip(&row.cells) {
        if cell.score > 0.0 || cell.covered {
            cell_details(out, &row.label, id, title, cell);
            shown += 1;
        }
    }
    if shown == 0 {
        out.push_str("<p class=\"empty\">No area scored above 0.</p>\n");
    }
    out.push_str("</section>\n");
}

fn cell_details(out: &mut String, label: &str, id: &str, title: &str, cell: &ReportCell) {
    out.push_str("<details>\n<summary>");
    escape_into(out, &format!("{label} — {id} ({})", format_score(cell.score)));
    out.push_str("<span class=\"area-title\" lang=\"sv\">");
    escape_into(out, title);
    out.push_str("</span>");
    if cell.covered {
        out.push_str("<span class=\"badge\">covered</span>");
    }
    out.push_str("</summary>\n");
    if cell.evidence.is_empty() {
        out.push_str("<p class=\"empty\">No evidence recorded for this cell.</p>\n");
    } else {
        out.push_str("<ul class=\"evidence\">\n");
        for evidence in &cell.evidence {
            evidence_item(out, evidence);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</details>\n");
}

fn evidence_item(out: &mut String, evidence: &ReportEvidence) {
    out.push_str("<li><q lang=\"sv\">");
    if let Some(marked) = highlight(&evidence.sentence, &evidence.text) {
        out.push_str(&marked);
        out.push_str("</q>");
    } else {
        // The matched words are not in the sentence as given (another
        // normalisation, say): show both rather than mark the wrong place.
        escape_into(out, &evidence.sentence);
        out.push_str("</q> <span class=\"source\">matched <mark lang=\"sv\">");
        escape_into(out, &evidence.text);
        out.push_str("</mark></span>");
    }
    let page = evidence.page.map(|p| format!(", p.\u{a0}{p}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<span class=\"source\">term <code lang=\"sv\">{}</code> · document <code>{}</code>{page}</span></li>",
        escape(&evidence.term),
        escape(&evidence.document),
    );
}

fn table_html(out: &mut String, table: &Table) {
    // A column whose filled cells are all numbers is right-aligned, header
    // included.
    let width = table.rows.iter().map(Vec::len).fold(table.columns.len(), usize::max);
    let numeric: Vec<bool> = (0..width)
        .map(|c| {
            let mut filled = table.rows.iter().filter_map(|row| row.get(c)).filter(|cell| !cell.trim().is_empty()).peekable();
            filled.peek().is_some() && filled.all(|cell| is_numeric(cell))
        })
        .collect();
    let open = |c: usize, tag: &str| {
        if numeric[c] { format!("<{tag} class=\"num\"") } else { format!("<{tag}") }
    };

    out.push_str("<section class=\"table\">\n<h3>");
    escape_into(out, &table.title);
    out.push_str("</h3>\n<div class=\"scroll\">\n<table>\n<thead><tr>");
    for (c, column) in table.columns.iter().enumerate() {
        out.push_str(&open(c, "th"));
        out.push_str(" scope=\"col\">");
        escape_into(out, column);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        // Short rows are padded so that the grid stays rectangular.
        let pad = table.columns.len().saturating_sub(row.len());
        let cells = row.iter().map(String::as_str).chain(std::iter::repeat_n("", pad));
        for (c, cell) in cells.enumerate() {
            out.push_str(&open(c, "td"));
            out.push('>');
            escape_into(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// `sentence`, escaped, with every occurrence of `text` in it wrapped in
/// `<mark>`; `None` when `text` does not occur.
///
/// Matching ignores case (full Unicode lowercasing, so `Å` matches `å`) and
/// treats any run of white space as one space. Whole-word occurrences are
/// preferred; only when there are none are occurrences inside longer words
/// marked.
fn highlight(sentence: &str, text: &str) -> Option<String> {
    let needle = fold(text).0;
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let (haystack, origin) = fold(sentence);
    let found: Vec<(usize, usize)> = haystack.match_indices(needle).map(|(start, m)| (start, start + m.len())).collect();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let whole: Vec<(usize, usize)> = found
        .iter()
        .copied()
        .filter(|&(start, end)| !is_word(haystack[..start].chars().next_back()) && !is_word(haystack[end..].chars().next()))
        .collect();
    let spans = if whole.is_empty() { found } else { whole };
    if spans.is_empty() {
        return None;
    }

    let mut out = String::with_capacity(sentence.len() + 16 * spans.len());
    let mut at = 0;
    for (start, end) in spans {
        let (from, to) = (origin[start].0, origin[end - 1].1);
        if from < at {
            continue;
        }
        escape_into(&mut out, &sentence[at..from]);
        out.push_str("<mark>");
        escape_into(&mut out, &sentence[from..to]);
        out.push_str("</mark>");
        at = to;
    }
    escape_into(&mut out, &sentence[at..]);
    Some(out)
}

/// `text` lowercased with white-space runs made one space, and for every
/// byte of the result the byte range of the original character (or
/// white-space run) it comes from.
fn fold(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            let mut end = start + c.len_utf8();
            while let Some(&(next, w)) = chars.peek() {
                if !w.is_whitespace() {
                    break;
                }
                end = next + w.len_utf8();
                chars.next();
            }
            folded.push(' ');
            origin.push((start, end));
        } else {
            let end = start + c.len_utf8();
            for lower in c.to_lowercase() {
                folded.push(lower);
                origin.extend(std::iter::repeat_n((start, end), lower.len_utf8()));
            }
        }
    }
    (folded, origin)
}

/// Whether a table cell holds a number (or a percentage), to right-align it.
fn is_numeric(cell: &str) -> bool {
    let cell = cell.trim();
    let cell = cell.strip_suffix('%').unwrap_or(cell).trim_end();
    !cell.is_empty() && cell.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::Table;
    use super::super::fixture;
    use super::{highlight, is_numeric, report_html};

    #[test]
    fn report_has_heatmap_drilldown_tables_and_notes() {
        let data = fixture::sample();
        let html = report_html(&data).unwrap();
        fixture::write_if_asked("report.html", &html);

        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<h1>Integration policy coverage, se-2008</h1>"));
        assert!(html.contains("<svg width="), "the heatmap is inlined");
        assert!(html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(html.contains("covered from a score of 0.50"));

        // Drill-down for Vingåker x work, its evidence marked and escaped.
        assert!(html.contains("<details>\n<summary>Vingåker — work (0.63)"));
        assert!(
            html.contains("<q lang=\"sv\"><mark>Arbete</mark> &amp; studier: fler ska ha egen försörjning inom &lt; 2 år.</q>")
        );
        assert!(html.contains("Kommunen ska öka <mark>sysselsättningen</mark> bland utrikes födda."));
        assert!(html.contains("term <code lang=\"sv\">arbete</code> · document <code>vingaker-2016</code>"));
        // Case-insensitive: the text is upper case, the sentence is not.
        assert!(html.contains("<mark>Vuxenutbildningen</mark> och SFI"));
        // Quotes in sentences are escaped too.
        assert!(html.contains("en &quot;lots&quot;."));
        // A scored cell without evidence says so; an unscored one has no details.
        assert!(html.contains("<summary>Vingåker — urban (0.12)"));
        assert!(html.contains("No evidence recorded for this cell."));
        assert!(!html.contains("Vingåker — school (0.00)"));
        // Exactly one details per scored or covered cell, plus the area key.
        let scored = data.rows.iter().flat_map(|r| &r.cells).filter(|c| c.score > 0.0 || c.covered).count();
        assert_eq!(html.matches("<details>").count(), scored + 1);

        // Tables and notes.
        assert!(html.contains("<h3>Coverage per area</h3>"));
        assert!(html.contains("<th scope=\"col\">area</th>"));
        for header in ["covered municipalities", "mean score"] {
            assert!(html.contains(&format!("<th class=\"num\" scope=\"col\">{header}</th>")), "{header}");
        }
        assert!(html.contains("<td>values &amp; &lt;norms&gt;</td>"));
        assert!(html.contains("<td class=\"num\">0.59</td>"));
        assert!(html.contains("<aside id=\"notes\" class=\"warning\""));
        assert!(html.contains("<li>fixtures/corpus/broken.txt: not UTF-8 at byte 17</li>"));

        // Self-contained: no script, no external resource.
        assert!(!html.contains("<script"));
        assert!(!html.contains("<link"));
        assert!(!html.contains("src="));
        assert_eq!(html.matches("href=").count(), 1, "only the in-page link to the notes");
    }

    #[test]
    fn evidence_from_a_paged_document_says_its_page() {
        let mut data = fixture::sample();
        data.rows[0].cells[1].evidence[0].page = Some(7);
        let html = report_html(&data).unwrap();
        assert_eq!(html.matches(", p.\u{a0}7</span>").count(), 1, "{html}");
        assert_eq!(html.matches(", p.\u{a0}").count(), 1, "only paged evidence has a page");
    }

    #[test]
    fn report_without_notes_or_tables_has_no_boxes() {
        let mut data = fixture::sample();
        data.notes.clear();
        data.tables.clear();
        let html = report_html(&data).unwrap();
        assert!(!html.contains("id=\"notes\""));
        assert!(!html.contains("href="));
        assert!(!html.contains("<h2>Metrics</h2>"));
    }

    #[test]
    fn tables_are_padded_and_only_all_number_columns_right_aligned() {
        let mut data = fixture::sample();
        data.tables = vec![Table {
            title: "Ragged".to_owned(),
            columns: vec!["a".to_owned(), "b".to_owned()],
            rows: vec![vec!["1".to_owned()], vec!["x".to_owned(), "2".to_owned()]],
        }];
        let html = report_html(&data).unwrap();
        assert!(html.contains("<tr><th scope=\"col\">a</th><th class=\"num\" scope=\"col\">b</th></tr>"));
        assert!(html.contains("<tr><td>1</td><td class=\"num\"></td></tr>"));
        assert!(html.contains("<tr><td>x</td><td class=\"num\">2</td></tr>"));
    }

    #[test]
    fn report_propagates_shape_errors() {
        let mut data = fixture::sample();
        data.rows[0].cells.truncate(2);
        assert!(report_html(&data).is_err());
    }

    #[test]
    fn highlight_marks_case_insensitively_and_escapes_the_rest() {
        assert_eq!(highlight("Arbete & <studier>", "arbete").as_deref(), Some("<mark>Arbete</mark> &amp; &lt;studier&gt;"));
        assert_eq!(
            highlight("ÅTGÄRDER för ökad delaktighet", "åtgärder").as_deref(),
            Some("<mark>ÅTGÄRDER</mark> för ökad delaktighet")
        );
        // White space differences do not matter.
        assert_eq!(
            highlight("egen\n  försörjning nu", "egen försörjning").as_deref(),
            Some("<mark>egen\n  försörjning</mark> nu")
        );
        // Whole words first: not inside "integrationsarbetet".
        assert_eq!(
            highlight("integrationsarbetet och arbete", "arbete").as_deref(),
            Some("integrationsarbetet och <mark>arbete</mark>")
        );
        // Every whole-word occurrence.
        assert_eq!(
            highlight("Nyanlända och nyanlända.", "nyanlända").as_deref(),
            Some("<mark>Nyanlända</mark> och <mark>nyanlända</mark>.")
        );
        // Inside a word when that is all there is.
        assert_eq!(highlight("vuxenutbildningen", "utbildning").as_deref(), Some("vuxen<mark>utbildning</mark>en"));
        // Lowercasing that changes byte length (İ is 2 bytes, lowercases to 3).
        assert_eq!(highlight("İstanbul och Malmö", "malmö").as_deref(), Some("İstanbul och <mark>Malmö</mark>"));
        assert_eq!(highlight("arbete", ""), None);
        assert_eq!(highlight("arbete", "bostad"), None);
    }

    #[test]
    fn unmatched_text_is_shown_beside_the_sentence() {
        let mut data = fixture::sample();
        data.rows[0].cells[1].evidence[0].text = "sysselsatt".to_owned();
        let html = report_html(&data).unwrap();
        assert!(html.contains("matched <mark lang=\"sv\">sysselsatt</mark>"));
    }

    #[test]
    fn numeric_cells_are_recognised() {
        for cell in ["0.63", "12", "-1.5", "45 %", "45%"] {
            assert!(is_numeric(cell), "{cell}");
        }
        for cell in ["", "se-2008", "0.9–1.0", "n/a", "%"] {
            assert!(!is_numeric(cell), "{cell}");
        }
    }
}

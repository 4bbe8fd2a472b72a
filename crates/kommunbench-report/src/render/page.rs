//! The HTML pages, from templates (`templates/`, compiled in) rendered by
//! minijinja with automatic HTML escaping: the overview page, which loads
//! first and holds no evidence, and a page per row with its documents,
//! priorities, evidence per area and nearest peers.

use std::collections::HashMap;
use std::sync::LazyLock;

use minijinja::{Environment, context};
use serde::Serialize;

use super::{
    RenderError, ReportData, ReportEvidence, ReportRow, Table, area_chart_svg, breadth_chart_svg, format_score, heatmap_svg,
    map_svg, validate,
};

/// The templates, compiled once; an error names the broken template.
static TEMPLATES: LazyLock<Result<Environment<'static>, String>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("../../templates/base.html")),
        ("report.html", include_str!("../../templates/report.html")),
        ("municipality.html", include_str!("../../templates/municipality.html")),
        ("style.css", include_str!("../../templates/style.css")),
        ("script.js", include_str!("../../templates/script.js")),
    ] {
        env.add_template(name, source).map_err(|e| format!("{e:#}"))?;
    }
    Ok(env)
});

fn render(name: &str, ctx: minijinja::Value) -> Result<String, RenderError> {
    let env = TEMPLATES.as_ref().map_err(|message| RenderError::Template { message: message.clone() })?;
    let template = env.get_template(name).map_err(|e| RenderError::Template { message: e.to_string() })?;
    template.render(ctx).map_err(|e| RenderError::Template { message: format!("{e:#}") })
}

/// A cell of the rows table.
#[derive(Serialize)]
struct Cell<'a> {
    text: &'a str,
    numeric: bool,
}

/// A row of the rows table, with what the filters read.
#[derive(Serialize)]
struct MetricsRow<'a> {
    slug: &'a str,
    county: &'a str,
    group: &'a str,
    search: String,
    cells: Vec<Cell<'a>>,
}

/// Renders the overview page: the map, the charts, the heatmap (rows and
/// cells link to the rows' pages), the rows table (sortable by any column,
/// filtered by county, peer group and a search by name or code), the
/// other tables (an empty one says why it is empty) and the notes. It
/// holds no evidence: each row's is on its own page, loaded when opened.
///
/// # Errors
///
/// The errors of [`heatmap_svg`] and [`map_svg`], and
/// [`RenderError::Template`] if a template fails.
pub fn report_html(data: &ReportData) -> Result<String, RenderError> {
    validate(data)?;
    let heatmap = heatmap_svg(data)?;
    let map = map_svg(data)?;
    let metrics = data.tables.first();
    let column = |name: &str| metrics.and_then(|t| t.columns.iter().position(|c| c == name));
    let (county, group, code) = (column("county"), column("group"), column("municipality_code"));
    let metrics_rows: Vec<MetricsRow<'_>> = metrics
        .map(|t| {
            t.rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let get = |c: Option<usize>| c.and_then(|c| r.get(c)).map_or("", String::as_str);
                    MetricsRow {
                        slug: t.links.get(i).map_or("", String::as_str),
                        county: get(county),
                        group: get(group),
                        search: format!("{} {}", r.first().map_or("", String::as_str), get(code)).to_lowercase(),
                        cells: r.iter().map(|c| Cell { text: c, numeric: !c.is_empty() && c.parse::<f64>().is_ok() }).collect(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let mut counties: Vec<&str> = data.rows.iter().filter_map(|r| r.county.as_deref()).collect();
    counties.sort_unstable();
    counties.dedup();
    let mut groups: Vec<&str> = data.rows.iter().map(|r| r.group.as_str()).filter(|g| !g.is_empty()).collect();
    groups.sort_unstable();
    groups.dedup();
    let municipalities = data.rows.iter().filter(|r| r.actor == "municipality").count();
    let ctx = context! {
        title => data.title,
        framework => data.framework,
        rows => vec![(); data.rows.len()],
        municipalities => municipalities,
        others => data.rows.len() - municipalities,
        areas => data.areas,
        threshold => format_score(data.threshold),
        order => data.order,
        dendrogram => !data.dendrogram.is_empty(),
        map_area => data.map_area,
        map_svg => map,
        heatmap_svg => heatmap,
        area_chart_svg => area_chart_svg(data),
        breadth_chart_svg => breadth_chart_svg(data),
        counties => counties,
        groups => groups,
        metrics => context! { columns => metrics.map(|t| t.columns.clone()).unwrap_or_default(), rows => metrics_rows },
        tables => data.tables.iter().skip(1).collect::<Vec<&Table>>(),
        notes => data.notes,
        outcomes => data.outcomes,
    };
    render("report.html", ctx)
}

/// A sentence with matches, its matched words marked, and what matched.
#[derive(Serialize)]
struct Quote<'a> {
    /// The sentence in order: plain text and marked words.
    parts: Vec<Part<'a>>,
    /// The terms that matched in it, each once.
    terms: Vec<&'a str>,
    document: &'a str,
    page: Option<u32>,
}

/// A stretch of a quoted sentence.
#[derive(Serialize)]
struct Part<'a> {
    text: &'a str,
    marked: bool,
}

/// The evidence of a cell as quotes, one per sentence of a document (in
/// the order of their first match), every match in it marked: a sentence
/// that holds three terms is read once, not three times.
fn quotes(evidence: &[ReportEvidence]) -> Vec<Quote<'_>> {
    let mut groups: Vec<(&ReportEvidence, Vec<&ReportEvidence>)> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for e in evidence {
        let next = groups.len();
        let i = *index.entry((&e.document, &e.sentence)).or_insert(next);
        if i == next {
            groups.push((e, Vec::new()));
        }
        groups[i].1.push(e);
    }
    groups.into_iter().map(|(first, pieces)| quote(first, &pieces)).collect()
}

/// One sentence with the words of `pieces` marked where they stand, left
/// to right; a match inside one already marked adds its term only.
fn quote<'a>(first: &'a ReportEvidence, pieces: &[&'a ReportEvidence]) -> Quote<'a> {
    let sentence: &str = &first.sentence;
    let mut at: Vec<(usize, &str)> = pieces.iter().filter_map(|e| Some((find(sentence, &e.text)?, e.text.as_str()))).collect();
    at.sort_by_key(|&(start, text)| (start, std::cmp::Reverse(text.len())));
    let (mut parts, mut cursor) = (Vec::new(), 0);
    for (_, text) in at {
        let Some(start) = find(&sentence[cursor..], text).map(|i| cursor + i) else { continue };
        if start > cursor {
            parts.push(Part { text: &sentence[cursor..start], marked: false });
        }
        parts.push(Part { text: &sentence[start..start + text.len()], marked: true });
        cursor = start + text.len();
    }
    if cursor < sentence.len() || parts.is_empty() {
        parts.push(Part { text: &sentence[cursor..], marked: false });
    }
    let mut terms: Vec<&str> = Vec::new();
    for e in pieces {
        if !terms.contains(&&*e.term) {
            terms.push(&e.term);
        }
    }
    Quote { parts, terms, document: &first.document, page: first.page }
}

/// Where `needle` stands in `haystack`, exactly or ignoring case.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.find(needle).or_else(|| {
        let lower = needle.to_lowercase();
        haystack
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| haystack.get(i..i + needle.len()).is_some_and(|s| s.to_lowercase() == lower))
    })
}

/// An area's cell on a row's page.
#[derive(Serialize)]
struct AreaCell<'a> {
    id: &'a str,
    title: &'a str,
    score: String,
    covered: bool,
    quotes: Vec<Quote<'a>>,
    /// All the sentences with a match, and all the matches.
    sentences: usize,
    matches: usize,
}

/// Renders the page of `row`: who speaks, what it covers, its gaps and
/// areas below the peer median, its documents, **its priorities** (each
/// with the areas it maps to and links to their evidence; local ones
/// marked), the evidence behind every area (with the matched words marked
/// and the page for PDFs), and its nearest peers.
///
/// # Errors
///
/// [`RenderError::Template`] if the template fails.
pub fn municipality_html(data: &ReportData, row: &ReportRow) -> Result<String, RenderError> {
    let cells: Vec<AreaCell<'_>> = data
        .areas
        .iter()
        .zip(&row.cells)
        .map(|((id, title), cell)| AreaCell {
            id,
            title,
            score: format_score(cell.score),
            covered: cell.covered,
            quotes: quotes(&cell.evidence),
            sentences: cell.sentence_count,
            matches: cell.evidence_count.max(cell.evidence.len()),
        })
        .collect();
    let covered: Vec<&str> = cells.iter().filter(|c| c.covered).map(|c| c.id).collect();
    let actor = match row.actor.as_str() {
        "municipality" => "the municipality".to_owned(),
        "region" => "a region or county board".to_owned(),
        "national" => "the state".to_owned(),
        other => other.strip_prefix("party:").map_or_else(|| other.to_owned(), |p| format!("a local party ({p})")),
    };
    let ctx = context! {
        title => data.title,
        framework => data.framework,
        areas => data.areas,
        row => row,
        actor => actor,
        covered => covered,
        cells => cells,
    };
    render("municipality.html", ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;
    use crate::{ReportPriority, Table};

    fn sample() -> ReportData {
        let mut data = fixture::sample();
        data.tables.insert(
            0,
            Table {
                title: "Municipalities".into(),
                columns: vec![
                    "municipality".into(),
                    "municipality_code".into(),
                    "county".into(),
                    "group".into(),
                    "breadth".into(),
                ],
                rows: vec![
                    vec!["Vingåker".into(), "0428".into(), "Södermanlands län".into(), "all".into(), "0.43".into()],
                    vec!["Hedemora".into(), "2083".into(), "Dalarnas län".into(), "all".into(), "0.57".into()],
                ],
                links: vec!["vingaker-2016".into(), "hedemora-2019".into()],
                empty: String::new(),
            },
        );
        data.tables.push(Table {
            title: "Changes between policy generations".into(),
            columns: vec!["municipality".into()],
            empty: "No municipality has two dated documents, so no generations can be compared.".into(),
            ..Table::default()
        });
        data.rows[0].priorities = vec![
            ReportPriority {
                document: "vingaker-2016".into(),
                title: "Fler i arbete & <egen> försörjning".into(),
                level: "goal".into(),
                areas: vec!["work".into()],
                local: false,
            },
            ReportPriority {
                document: "vingaker-2016".into(),
                title: "Ett levande föreningsliv".into(),
                level: "priority_area".into(),
                areas: vec![],
                local: true,
            },
        ];
        data
    }

    #[test]
    fn the_overview_has_the_map_heatmap_tables_and_no_evidence() {
        let data = sample();
        let html = report_html(&data).unwrap();
        fixture::write_if_asked("report.html", &html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<path class=\"m").count(), 290);
        assert!(html.contains("<figure class=\"heatmap\">\n<svg"));
        assert!(
            html.contains("id=\"rows-table\"") && html.contains("<a href=\"municipalities/vingaker-2016.html\">Vingåker</a>")
        );
        assert!(html.contains("data-county=\"Södermanlands län\""));
        assert!(
            html.contains("<option>Dalarnas län</option>")
                || !html.contains("<select id=\"county\"><option value=\"\">all</option><option>")
        );
        // Evidence stays on the rows' pages.
        assert!(!html.contains("sysselsättningen"));
        // Escaped by the template engine.
        assert!(html.contains("values &amp; &lt;norms&gt;"));
        // An empty table says why.
        assert!(html.contains("No municipality has two dated documents"));
        assert!(html.contains("broken.txt: not UTF-8 at byte 17"));
    }

    #[test]
    fn a_row_page_has_its_priorities_evidence_and_peers() {
        let data = sample();
        let html = municipality_html(&data, &data.rows[0]).unwrap();
        fixture::write_if_asked("vingaker.html", &html);
        assert!(html.contains("<h1>Vingåker</h1>"));
        assert!(html.contains("<td>Fler i arbete &amp; &lt;egen&gt; försörjning</td>"), "escaped");
        assert!(html.contains("<a href=\"#area-work\"><code>work</code></a>"));
        assert!(html.contains("<span class=\"local\">local</span>"));
        assert!(html.contains("id=\"area-work\""));
        assert!(html.contains("<mark>sysselsättningen</mark>"));
        assert!(html.contains("fler ska ha egen försörjning inom &lt; 2 år."));
        assert!(html.contains("href=\"../report.html\""));
        assert!(html.contains("No other row to compare with."));
        assert!(!html.contains("priorities.csv</code></a> lists every one"), "all listed: no note");
    }

    #[test]
    fn a_row_page_listing_some_of_the_priorities_says_how_many_there_are() {
        let mut data = sample();
        data.rows[0].priority_count = 5000;
        let html = municipality_html(&data, &data.rows[0]).unwrap();
        assert!(html.contains(
            "The first 2 of 5000 priorities; <a href=\"../priorities.csv\"><code>priorities.csv</code></a> lists every one."
        ));
    }

    fn piece(term: &str, text: &str, sentence: &str) -> ReportEvidence {
        ReportEvidence { document: "d".into(), term: term.into(), text: text.into(), sentence: sentence.into(), page: None }
    }

    /// A quote as text, marked words in brackets.
    fn shown(q: &Quote<'_>) -> String {
        q.parts.iter().map(|p| if p.marked { format!("[{}]", p.text) } else { p.text.to_owned() }).collect()
    }

    #[test]
    fn a_sentence_with_many_matches_is_one_quote_with_each_marked() {
        let s = "Nyanlända ska få arbete, praktik och arbete på riktigt.";
        // Out of text order, one inside another, one word twice, one not found.
        let evidence = [
            piece("praktik", "praktik", s),
            piece("nyanlända", "Nyanlända", s),
            piece("arbete", "arbete", s),
            piece("*arbete + praktik", "arbete, praktik", s),
            piece("arbete", "arbete", s),
            piece("saknas", "saknas", s),
            piece("sfi", "sfi", "Sfi ges på kvällstid."),
        ];
        let quotes = quotes(&evidence);
        assert_eq!(quotes.len(), 2);
        assert_eq!(shown(&quotes[0]), "[Nyanlända] ska få [arbete, praktik] och [arbete] på riktigt.");
        assert_eq!(quotes[0].terms, ["praktik", "nyanlända", "arbete", "*arbete + praktik", "saknas"]);
        assert_eq!(shown(&quotes[1]), "[Sfi] ges på kvällstid.");
        // The same sentence in another document is a quote of its own.
        let mut other = piece("sfi", "sfi", "Sfi ges på kvällstid.");
        other.document = "e".into();
        assert_eq!(super::quotes(&[evidence[6].clone(), other]).len(), 2);
    }

    #[test]
    fn matched_words_are_found_in_any_case() {
        assert_eq!(find("Vuxenutbildningen och SFI", "VUXENUTBILDNINGEN"), Some(0));
        assert_eq!(find("och SFI ska", "SFI"), Some(4));
        assert_eq!(find("abc", ""), None);
        assert_eq!(find("Ålderdom", "ålder"), Some(0));
    }
}

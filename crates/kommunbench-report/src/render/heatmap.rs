//! The row x area heatmap as a standalone SVG document.
//!
//! Cells, scores, row labels, the legend and the title are drawn with
//! plotters' SVG backend, which writes text as SVG `<text>` elements and
//! needs no font at all. What plotters cannot express is written here by
//! hand: the column labels with the areas' Swedish titles as tooltips, the
//! county strip and band labels, a link and tooltip on every row and cell,
//! and the dendrogram beside the rows in cluster order.

use std::fmt::Write as _;

use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;
use plotters::element::Rectangle;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};

use super::{RenderError, ReportData, escape, escape_into, format_score, plural, validate};

/// Height of one row of cells, in pixels.
const CELL_H: i32 = 28;
/// From this many rows on, rows are compact: this high, scores in
/// tooltips rather than printed.
const COMPACT_FROM_ROWS: usize = 60;
const COMPACT_CELL_H: i32 = 14;
/// The county strip left of the row labels.
const STRIP_W: i32 = 8;
/// The dendrogram right of the grid.
const DENDROGRAM_W: i32 = 170;
/// Narrowest and widest cell; column labels wider than the widest are turned.
const CELL_W_MIN: i32 = 64;
const CELL_W_MAX: i32 = 128;
/// Blank border around the picture.
const MARGIN: i32 = 16;
/// Font sizes in pixels.
const TITLE_PX: f64 = 18.0;
const LABEL_PX: f64 = 13.0;
const SMALL_PX: f64 = 12.0;
/// Width of the colour legend bar.
const LEGEND_W: i32 = 240;
/// Row labels longer than this many characters are cut with an ellipsis.
const LABEL_CHARS_MAX: usize = 48;
/// From this many rows on the column labels are repeated under the grid.
const FOOTER_FROM_ROWS: usize = 30;

/// Sequential scale from 0 (near white) to 1 (dark blue): the nine classes
/// of `ColorBrewer`'s "Blues", interpolated linearly.
const SCALE: [(u8, u8, u8); 9] = [
    (0xf7, 0xfb, 0xff),
    (0xde, 0xeb, 0xf7),
    (0xc6, 0xdb, 0xef),
    (0x9e, 0xca, 0xe1),
    (0x6b, 0xae, 0xd6),
    (0x42, 0x92, 0xc6),
    (0x21, 0x71, 0xb5),
    (0x08, 0x51, 0x9c),
    (0x08, 0x30, 0x6b),
];
/// Border of covered cells and the threshold mark: orange, visible on every
/// shade of the blue scale.
const ACCENT: RGBColor = RGBColor(0xe6, 0x55, 0x0d);
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xcc, 0xcc, 0xcc);
const NO_SCORE: RGBColor = RGBColor(0xe8, 0xe8, 0xe8);
const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Renders the heatmap of `data` as a standalone SVG document: one row per
/// municipality, one column per area, each cell coloured by its score with
/// the score printed in it and covered cells framed and ticked (✓), under a
/// title and a colour legend that marks the threshold.
///
/// The size follows the data (28 px per row, columns as wide as their
/// labels need), so a handful of rows and several hundred stay legible.
/// Hovering a column label shows the area's Swedish title.
///
/// # Errors
///
/// [`RenderError::CellCount`] when a row does not have one cell per area,
/// [`RenderError::Threshold`] when the threshold is not in `0..=1`, and
/// [`RenderError::Drawing`] when the drawing library fails.
pub fn heatmap_svg(data: &ReportData) -> Result<String, RenderError> {
    validate(data)?;
    let layout = Layout::new(data);
    let mut svg = String::new();
    draw(data, &layout, &mut svg).map_err(|message| RenderError::Drawing { message })?;

    // The document's own title, for screen readers and viewers.
    let open_end =
        svg.find('>').ok_or_else(|| RenderError::Drawing { message: "no <svg> element in the backend output".to_owned() })? + 1;
    let head = format!("\n<title>{}</title>\n<desc>{}</desc>", escape(&data.title), escape(&subtitle(data)));
    svg.insert_str(open_end, &head);

    let close =
        svg.rfind("</svg>").ok_or_else(|| RenderError::Drawing { message: "no </svg> in the backend output".to_owned() })?;
    let mut extra = column_labels(data, &layout);
    extra.push_str(&strip(data, &layout));
    extra.push_str(&links(data, &layout));
    extra.push_str(&dendrogram(data, &layout));
    svg.insert_str(close, &extra);
    Ok(svg)
}

/// Where everything goes, all in pixels.
#[expect(clippy::struct_excessive_bools, reason = "independent yes-or-no facts of one layout")]
struct Layout {
    width: i32,
    height: i32,
    cell_w: i32,
    cell_h: i32,
    compact: bool,
    /// Left edge of the county strip, when counties are known.
    strip_x: Option<i32>,
    /// County names beside their bands (rows in county order).
    band_labels: bool,
    /// Left edge of the dendrogram, when there is one.
    dendrogram_x: Option<i32>,
    /// Column labels at 45° instead of horizontal.
    turn_labels: bool,
    legend_top: i32,
    grid_left: i32,
    grid_top: i32,
    /// Rows drawn: at least one, for the "no municipalities" line.
    grid_rows: i32,
    footer: bool,
}

impl Layout {
    fn new(data: &ReportData) -> Self {
        let compact = data.rows.len() >= COMPACT_FROM_ROWS;
        let cell_h = if compact { COMPACT_CELL_H } else { CELL_H };
        let label_px = if compact { SMALL_PX - 1.0 } else { LABEL_PX };
        let longest_label = data.rows.iter().map(|row| text_width(&row_label(&row.label), label_px)).fold(60, i32::max);
        let counties = data.rows.iter().any(|r| r.county.is_some());
        let band_labels = counties && data.order == "county";
        let longest_county = if band_labels {
            data.rows.iter().filter_map(|r| r.county.as_deref()).map(|c| text_width(c, SMALL_PX)).fold(0, i32::max) + 10
        } else {
            0
        };
        let strip_x = counties.then_some(MARGIN + longest_county);
        let labels_left = strip_x.map_or(MARGIN, |x| x + STRIP_W + 6);
        let longest_id = data.areas.iter().map(|(id, _)| text_width(id, SMALL_PX)).fold(0, i32::max);
        let turn_labels = longest_id + 16 > CELL_W_MAX;
        let cell_w = if turn_labels { CELL_W_MIN } else { (longest_id + 16).max(CELL_W_MIN) };
        // Turned labels rise up and to the right by width / sqrt(2).
        let turned = px(f64::from(longest_id) * std::f64::consts::FRAC_1_SQRT_2);
        let (header_h, right_pad) = if turn_labels { (turned + 16, (turned - cell_w / 2).max(0)) } else { (26, 0) };

        let legend_top = MARGIN + 52;
        let grid_left = labels_left + longest_label + 14;
        let grid_top = legend_top + 58 + header_h;
        let grid_rows = count(data.rows.len()).max(1);
        let footer = data.rows.len() >= FOOTER_FROM_ROWS && !data.areas.is_empty();
        let grid_w = count(data.areas.len()).saturating_mul(cell_w).max(cell_w);

        let dendrogram_x = (!data.dendrogram.is_empty()).then_some(grid_left + grid_w + 10);
        let width = [
            grid_left + grid_w + right_pad + dendrogram_x.map_or(0, |_| DENDROGRAM_W + 10),
            MARGIN + LEGEND_W + 24 + 40 + 8 + text_width("covered", SMALL_PX),
            MARGIN + text_width(&data.title, TITLE_PX) + 8,
            MARGIN + text_width(&subtitle(data), SMALL_PX),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
            + MARGIN;
        let height = grid_top + grid_rows.saturating_mul(cell_h) + if footer { header_h } else { 0 } + MARGIN;
        Self {
            width,
            height,
            cell_w,
            cell_h,
            compact,
            strip_x,
            band_labels,
            dendrogram_x,
            turn_labels,
            legend_top,
            grid_left,
            grid_top,
            grid_rows,
            footer,
        }
    }

    fn grid_bottom(&self) -> i32 {
        self.grid_top + self.grid_rows * self.cell_h
    }

    /// The vertical middle of row `r`.
    fn row_middle(&self, r: usize) -> i32 {
        self.grid_top + count(r) * self.cell_h + (self.cell_h - 1) / 2
    }

    fn column_center(&self, column: usize) -> i32 {
        self.grid_left + count(column) * self.cell_w + (self.cell_w - 1) / 2
    }
}

/// Draws everything but the column labels into `svg` with plotters.
fn draw(data: &ReportData, layout: &Layout, svg: &mut String) -> Result<(), String> {
    let size = (layout.width.cast_unsigned(), layout.height.cast_unsigned());
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let text = |s: &str, style: &TextStyle, pos: (i32, i32)| root.draw_text(s, style, pos).map_err(|e| err(&e));
    let rect = |from: (i32, i32), to: (i32, i32), color: RGBColor, filled: bool| {
        let style = if filled { color.filled() } else { color.stroke_width(1) };
        root.draw(&Rectangle::new([from, to], style)).map_err(|e| err(&e))
    };

    root.fill(&PAPER).map_err(|e| err(&e))?;

    // Title and subtitle.
    let title_style = font(TITLE_PX, FontStyle::Bold, INK, HPos::Left, VPos::Top);
    text(&data.title, &title_style, (MARGIN, MARGIN))?;
    let small_left = font(SMALL_PX, FontStyle::Normal, MUTED, HPos::Left, VPos::Top);
    text(&subtitle(data), &small_left, (MARGIN, MARGIN + 28))?;

    // Legend: the colour bar with ticks, the threshold mark above it, and a
    // sample covered cell beside it.
    let bar_top = layout.legend_top + 18;
    let bar_bottom = bar_top + 12;
    let slices = LEGEND_W / 2;
    for i in 0..slices {
        let x = MARGIN + i * 2;
        let t = (f64::from(i) + 0.5) / f64::from(slices);
        rect((x, bar_top), (x + 2, bar_bottom), scale(t), true)?;
    }
    rect((MARGIN, bar_top), (MARGIN + LEGEND_W, bar_bottom), MUTED, false)?;
    let tick_style = font(SMALL_PX, FontStyle::Normal, INK, HPos::Center, VPos::Top);
    for (value, label) in [(0.0, "0"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"), (1.0, "1")] {
        let x = legend_x(value);
        rect((x, bar_bottom), (x, bar_bottom + 4), MUTED, true)?;
        text(label, &tick_style, (x, bar_bottom + 6))?;
    }
    let tx = legend_x(data.threshold);
    rect((tx - 1, bar_top - 5), (tx + 1, bar_bottom + 5), ACCENT, true)?;
    let anchor = if data.threshold < 0.25 {
        HPos::Left
    } else if data.threshold > 0.75 {
        HPos::Right
    } else {
        HPos::Center
    };
    let threshold_style = font(SMALL_PX, FontStyle::Bold, ACCENT, anchor, VPos::Bottom);
    let threshold_label = format!("covered from {}", format_score(data.threshold));
    text(&threshold_label, &threshold_style, (tx, bar_top - 6))?;
    let sample_x = MARGIN + LEGEND_W + 24;
    let sample_top = bar_top - 5;
    let (sample_w, sample_h) = (40, 22);
    let sample_color = scale(0.85);
    rect((sample_x, sample_top), (sample_x + sample_w, sample_top + sample_h), sample_color, true)?;
    covered_frame(&rect, (sample_x, sample_top), (sample_x + sample_w, sample_top + sample_h))?;
    let check_style = font(SMALL_PX, FontStyle::Bold, on(sample_color), HPos::Center, VPos::Center);
    text("✓", &check_style, (sample_x + sample_w / 2, sample_top + sample_h / 2))?;
    let covered_style = font(SMALL_PX, FontStyle::Normal, INK, HPos::Left, VPos::Center);
    text("covered", &covered_style, (sample_x + sample_w + 8, sample_top + sample_h / 2))?;

    // The grid: grey lines between cells come from a grey background showing
    // through a one-pixel gap.
    let label_px = if layout.compact { SMALL_PX - 1.0 } else { LABEL_PX };
    let label_style = font(label_px, FontStyle::Normal, INK, HPos::Right, VPos::Center);
    let cell_h = layout.cell_h;
    let columns = count(data.areas.len());
    if data.rows.is_empty() || data.areas.is_empty() {
        let what = if data.rows.is_empty() { "No municipalities to show." } else { "No areas to show." };
        let style = font(LABEL_PX, FontStyle::Normal, MUTED, HPos::Left, VPos::Center);
        text(what, &style, (layout.grid_left, layout.grid_top + cell_h / 2))?;
    } else {
        rect(
            (layout.grid_left - 1, layout.grid_top - 1),
            (layout.grid_left + columns * layout.cell_w, layout.grid_bottom()),
            GRID,
            true,
        )?;
    }
    for (r, row) in data.rows.iter().enumerate() {
        let y0 = layout.grid_top + count(r) * cell_h;
        let y_mid = y0 + (cell_h - 1) / 2;
        text(&row_label(&row.label), &label_style, (layout.grid_left - 8, y_mid))?;
        for (c, cell) in row.cells.iter().enumerate() {
            let x0 = layout.grid_left + count(c) * layout.cell_w;
            let (x1, y1) = (x0 + layout.cell_w - 1, y0 + cell_h - 1);
            let fill = if cell.score.is_finite() { scale(cell.score) } else { NO_SCORE };
            rect((x0, y0), (x1, y1), fill, true)?;
            let ink = on(fill);
            if !layout.compact {
                let score_style = font(SMALL_PX, FontStyle::Normal, ink, HPos::Center, VPos::Center);
                text(&format_score(cell.score), &score_style, (layout.column_center(c), y_mid))?;
            }
            if cell.covered {
                covered_frame(&rect, (x0, y0), (x1, y1))?;
                if !layout.compact {
                    let check = font(SMALL_PX, FontStyle::Bold, ink, HPos::Right, VPos::Center);
                    text("✓", &check, (x1 - 5, y_mid))?;
                }
            }
        }
    }
    root.present().map_err(|e| err(&e))
}

/// Frames a covered cell with a two-pixel border just inside it, drawn as
/// four filled strips so that it stays sharp (a stroked rectangle on whole
/// pixels would be blurred across two).
fn covered_frame(
    rect: &impl Fn((i32, i32), (i32, i32), RGBColor, bool) -> Result<(), String>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
) -> Result<(), String> {
    const W: i32 = 2;
    rect((x0, y0), (x1, y0 + W), ACCENT, true)?;
    rect((x0, y1 - W), (x1, y1), ACCENT, true)?;
    rect((x0, y0 + W), (x0 + W, y1 - W), ACCENT, true)?;
    rect((x1 - W, y0 + W), (x1, y1 - W), ACCENT, true)
}

/// The area ids above the grid (and under it for long grids), each with
/// the area's Swedish title as a tooltip.
fn column_labels(data: &ReportData, layout: &Layout) -> String {
    let mut out = String::from("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#1A1A1A\">\n");
    let mut positions = vec![(layout.grid_top - 8, false)];
    if layout.footer {
        positions.push((layout.grid_bottom() + if layout.turn_labels { 8 } else { 18 }, true));
    }
    for (c, (id, title)) in data.areas.iter().enumerate() {
        let x = layout.column_center(c);
        for &(y, below) in &positions {
            out.push_str("<g><title>");
            escape_into(&mut out, title);
            out.push_str("</title><text ");
            let _ = if layout.turn_labels {
                let anchor = if below { "end" } else { "start" };
                write!(out, "x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" transform=\"rotate(-45 {x} {y})\">")
            } else {
                write!(out, "x=\"{x}\" y=\"{y}\" text-anchor=\"middle\">")
            };
            escape_into(&mut out, id);
            out.push_str("</text></g>\n");
        }
    }
    out.push_str("</g>\n");
    out
}

/// Colours of the county strip: twelve distinguishable hues, light enough
/// to sit beside the labels.
const COUNTY_COLORS: [&str; 12] = [
    "#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9",
    "#a6cee3",
];

/// The county strip: a colour per county (the same county, the same
/// colour), each run of rows one rectangle with the county as tooltip; in
/// county order also the county's name beside its band.
fn strip(data: &ReportData, layout: &Layout) -> String {
    let Some(x) = layout.strip_x else { return String::new() };
    let mut counties: Vec<&str> = data.rows.iter().filter_map(|r| r.county.as_deref()).collect();
    counties.sort_unstable();
    counties.dedup();
    let mut out = String::from("<g class=\"counties\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#555555\">\n");
    let mut start = 0;
    while start < data.rows.len() {
        let county = data.rows[start].county.as_deref();
        let end = (start..data.rows.len()).find(|&r| data.rows[r].county.as_deref() != county).unwrap_or(data.rows.len());
        if let Some(county) = county {
            let color = COUNTY_COLORS[counties.binary_search(&county).unwrap_or(0) % COUNTY_COLORS.len()];
            let (y0, h) = (layout.grid_top + count(start) * layout.cell_h, count(end - start) * layout.cell_h - 1);
            let _ = write!(
                out,
                "<rect class=\"band\" x=\"{x}\" y=\"{y0}\" width=\"{STRIP_W}\" height=\"{h}\" fill=\"{color}\"><title>"
            );
            escape_into(&mut out, county);
            out.push_str("</title></rect>\n");
            if layout.band_labels && h >= 11 {
                let _ =
                    write!(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\">", x - 4, y0 + h / 2);
                escape_into(&mut out, county);
                out.push_str("</text>\n");
            }
        }
        start = end;
    }
    out.push_str("</g>\n");
    out
}

/// A link on every row label to the row's page, and on every cell to its
/// evidence there, each with a tooltip (in compact rows the only place the
/// score is written).
fn links(data: &ReportData, layout: &Layout) -> String {
    let mut out = String::from("<g class=\"links\" fill=\"transparent\">\n");
    let label_left = layout.strip_x.map_or(MARGIN, |x| x + STRIP_W);
    for (r, row) in data.rows.iter().enumerate() {
        if row.slug.is_empty() {
            continue;
        }
        let y0 = layout.grid_top + count(r) * layout.cell_h;
        let _ = write!(
            out,
            "<a href=\"municipalities/{}.html\"><rect x=\"{label_left}\" y=\"{y0}\" width=\"{}\" height=\"{}\"><title>",
            escape(&row.slug),
            layout.grid_left - label_left,
            layout.cell_h
        );
        escape_into(&mut out, &row.label);
        out.push_str("</title></rect></a>\n");
        for (c, (cell, (id, _))) in row.cells.iter().zip(&data.areas).enumerate() {
            let x0 = layout.grid_left + count(c) * layout.cell_w;
            let _ = write!(
                out,
                "<a href=\"municipalities/{}.html#area-{}\"><rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"><title>",
                escape(&row.slug),
                escape(id),
                layout.cell_w - 1,
                layout.cell_h - 1
            );
            escape_into(&mut out, &row.label);
            let _ = writeln!(
                out,
                " · {id}: {}{}</title></rect></a>",
                format_score(cell.score),
                if cell.covered { ", covered" } else { "" }
            );
        }
    }
    out.push_str("</g>\n");
    out
}

/// The dendrogram right of the grid: leaves at the rows' middles, each
/// merge an elbow at its distance (scaled to the largest), drawn when the
/// rows are in cluster order.
fn dendrogram(data: &ReportData, layout: &Layout) -> String {
    let Some(x0) = layout.dendrogram_x else { return String::new() };
    let n = data.rows.len();
    let top = data.dendrogram.iter().map(|m| m.distance).fold(0.0_f64, f64::max).max(1e-9);
    let x_of = |d: f64| x0 + px(d / top * f64::from(DENDROGRAM_W - 10));
    // Each node's (x, y): leaves at x0, merges at their distance.
    let mut nodes: Vec<(i32, i32)> = (0..n).map(|r| (x0, layout.row_middle(r))).collect();
    let mut out = String::from("<g class=\"dendrogram\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\">\n");
    for m in &data.dendrogram {
        let (Some(&(xa, ya)), Some(&(xb, yb))) = (nodes.get(m.left), nodes.get(m.right)) else { break };
        let x = x_of(m.distance);
        let _ = writeln!(out, "<path d=\"M{xa} {ya}H{x}V{yb}H{xb}\"/>");
        nodes.push((x, i32::midpoint(ya, yb)));
    }
    let _ = writeln!(
        out,
        "<text x=\"{x0}\" y=\"{}\" stroke=\"none\" fill=\"#555555\" font-family=\"sans-serif\" font-size=\"11\">distance →</text>",
        layout.grid_top - 8
    );
    out.push_str("</g>\n");
    out
}

/// The line under the title.
fn subtitle(data: &ReportData) -> String {
    format!(
        "framework {}: {} × {}, covered from score {}{}",
        data.framework,
        plural(data.rows.len(), "row", "rows"),
        plural(data.areas.len(), "area", "areas"),
        format_score(data.threshold),
        if data.order.is_empty() { String::new() } else { format!(", rows by {}", data.order) },
    )
}

/// A row label, cut to [`LABEL_CHARS_MAX`] characters.
fn row_label(label: &str) -> String {
    if label.chars().count() > LABEL_CHARS_MAX {
        let mut cut: String = label.chars().take(LABEL_CHARS_MAX - 1).collect();
        cut.push('…');
        cut
    } else {
        label.to_owned()
    }
}

/// A text style of `size` pixels. plotters writes `size / 1.24` as the SVG
/// font size, hence the factor.
fn font(size: f64, style: FontStyle, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (FontFamily::SansSerif, size * 1.24, style).into_font().color(&color).pos(Pos::new(h, v))
}

/// The colour of `score` on the sequential scale; scores outside `0..=1`
/// take the colour of the nearest end.
pub(super) fn scale(score: f64) -> RGBColor {
    // Position on the scale in classes, 0.0 ..= 8.0, and the class below it.
    let position = score.clamp(0.0, 1.0) * 8.0;
    let mut low = 0_u8;
    while usize::from(low) + 2 < SCALE.len() && position > f64::from(low) + 1.0 {
        low += 1;
    }
    let fraction = position - f64::from(low);
    let (a, b) = (SCALE[usize::from(low)], SCALE[usize::from(low) + 1]);
    let mix = |a: u8, b: u8| channel(f64::from(a) + (f64::from(b) - f64::from(a)) * fraction);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A colour channel value, rounded and kept within `0..=255`.
#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to the u8 range first")]
fn channel(value: f64) -> u8 {
    value.round().clamp(0.0, 255.0) as u8
}

/// A length in whole pixels, rounded up.
#[expect(clippy::cast_possible_truncation, reason = "layout lengths are far below i32::MAX; `as` saturates anyway")]
fn px(value: f64) -> i32 {
    value.ceil() as i32
}

/// White or near-black, whichever contrasts more with `background`
/// (WCAG relative luminance).
fn on(background: RGBColor) -> RGBColor {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let lum = |c: RGBColor| 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
    let bg = lum(background);
    let against_white = 1.05 / (bg + 0.05);
    let against_ink = (bg + 0.05) / (lum(INK) + 0.05);
    if against_white > against_ink { PAPER } else { INK }
}

/// The legend bar's x for `value`.
fn legend_x(value: f64) -> i32 {
    MARGIN + px((value.clamp(0.0, 1.0) * f64::from(LEGEND_W)).round())
}

/// A rough width of `text` in a sans-serif font of `size` pixels, on the
/// generous side so that labels are not clipped.
fn text_width(text: &str, size: f64) -> i32 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.36,
            ' ' => 0.33,
            'm' | 'w' | 'M' | 'W' | '—' | '×' => 0.9,
            c if c.is_uppercase() => 0.72,
            _ => 0.6,
        })
        .sum();
    px(ems * size)
}

/// A count as a pixel factor, saturating.
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::{CELL_H, COMPACT_CELL_H, INK, PAPER, heatmap_svg, on, scale};
    use crate::ReportMerge;

    /// Rects that are heatmap cells: filled and one row high less the gap.
    fn cell_rects(svg: &str, cell_h: i32) -> usize {
        let height = format!("height=\"{}\"", cell_h - 1);
        svg.lines().filter(|l| l.starts_with("<rect") && l.contains(&height) && !l.contains("fill=\"none\"")).count()
    }

    #[test]
    fn heatmap_has_every_label_score_and_cell() {
        let data = fixture::sample();
        let svg = heatmap_svg(&data).unwrap();
        fixture::write_if_asked("heatmap.svg", &svg);

        assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        for row in &data.rows {
            assert!(svg.contains(&row.label), "missing row label {}", row.label);
        }
        assert!(svg.contains(">\nVingåker\n</text>"), "Vingåker must be plain UTF-8");
        for (id, title) in &data.areas {
            assert!(svg.contains(&format!(">{id}</text>")), "missing column {id}");
            assert!(svg.contains(&format!("<title>{title}</title>")), "missing tooltip {title}");
        }
        // Vingåker x work.
        assert!(svg.contains("0.63"));
        assert_eq!(cell_rects(&svg, CELL_H), data.rows.len() * data.areas.len());
        let covered = data.rows.iter().flat_map(|r| &r.cells).filter(|c| c.covered).count();
        // One tick per covered cell plus the legend's sample.
        assert_eq!(svg.matches("✓").count(), covered + 1);
        assert!(svg.contains("covered from 0.50"));
        // The namespace is the only absolute URL; rows and cells link to
        // the rows' pages.
        assert_eq!(svg.matches("http").count(), 1);
        assert_eq!(svg.matches("href=\"municipalities/").count(), data.rows.len() * (1 + data.areas.len()));
        assert!(svg.contains("<a href=\"municipalities/vingaker-2016.html#area-work\">"));
        assert!(svg.contains("<title>Vingåker · work: 0.63, covered</title>"));
    }

    #[test]
    fn heatmap_escapes_markup_in_labels() {
        let mut data = fixture::sample();
        data.rows[0].label = "Ale & <Lilla> Edet".to_owned();
        data.areas[0].1 = "Mottagande \"nu\" & <sedan>".to_owned();
        data.title = "A < B".to_owned();
        let svg = heatmap_svg(&data).unwrap();
        assert!(svg.contains("Ale &amp; &lt;Lilla&gt; Edet"));
        assert!(svg.contains("<title>Mottagande &quot;nu&quot; &amp; &lt;sedan&gt;</title>"));
        assert!(svg.contains("<title>A &lt; B</title>"));
        assert!(!svg.contains("<Lilla>"));
    }

    #[test]
    fn heatmap_grows_with_rows_and_keeps_cell_height() {
        let small = heatmap_svg(&fixture::sample()).unwrap();
        let data = fixture::large(290);
        let large = heatmap_svg(&data).unwrap();
        fixture::write_if_asked("heatmap-290.svg", &large);
        // Compact rows: half as high, the score in the tooltip only.
        assert_eq!(cell_rects(&large, COMPACT_CELL_H), 290 * 7);
        let height = |svg: &str| -> i32 {
            let start = svg.find("height=\"").unwrap() + 8;
            svg[start..].split('"').next().unwrap().parse().unwrap()
        };
        assert_eq!(height(&large) - height(&small), 290 * COMPACT_CELL_H - 3 * CELL_H + 26, "rows plus repeated labels");
        assert!(!large.contains(">0.63</text>") && large.contains("· work: "));
        // Column labels above and below a long grid.
        assert_eq!(large.matches(">reception</text>").count(), 2);
    }

    #[test]
    fn county_bands_and_the_dendrogram() {
        let mut data = fixture::sample();
        for (row, county) in data.rows.iter_mut().zip(["Dalarnas län", "Dalarnas län", "Jönköpings län"]) {
            row.county = Some(county.to_owned());
        }
        data.order = "county".to_owned();
        let svg = heatmap_svg(&data).unwrap();
        // Two bands, each named beside it.
        assert_eq!(svg.matches("<rect class=\"band\"").count(), 2);
        assert!(svg.contains(">Dalarnas län</text>") && svg.contains(">Jönköpings län</text>"));
        assert!(!svg.contains("class=\"dendrogram\""));
        data.order = "cluster (average linkage)".to_owned();
        data.dendrogram =
            vec![ReportMerge { left: 0, right: 1, distance: 0.1 }, ReportMerge { left: 2, right: 3, distance: 0.4 }];
        let svg = heatmap_svg(&data).unwrap();
        fixture::write_if_asked("heatmap-cluster.svg", &svg);
        assert!(!svg.contains(">Dalarnas län</text>"), "band names only in county order");
        assert_eq!(svg.matches("<path d=\"M").count(), 2, "one elbow per merge");
        assert!(svg.contains("rows by cluster (average linkage)"));
    }

    #[test]
    fn long_area_ids_are_turned() {
        let mut data = fixture::sample();
        data.areas[2].0 = "a_very_long_area_identifier_indeed".to_owned();
        let svg = heatmap_svg(&data).unwrap();
        assert!(svg.contains("rotate(-45"));
        assert!(svg.contains(">a_very_long_area_identifier_indeed</text>"));
    }

    #[test]
    fn empty_reports_still_render() {
        let mut data = fixture::sample();
        data.rows.clear();
        let svg = heatmap_svg(&data).unwrap();
        assert!(svg.contains("No municipalities to show."));
        data.areas.clear();
        assert!(heatmap_svg(&data).unwrap().starts_with("<svg"));
    }

    #[test]
    fn scale_runs_light_to_dark_with_readable_text() {
        assert_eq!(scale(0.0), super::RGBColor(0xf7, 0xfb, 0xff));
        assert_eq!(scale(1.0), super::RGBColor(0x08, 0x30, 0x6b));
        assert_eq!(scale(-3.0), scale(0.0));
        assert_eq!(scale(7.0), scale(1.0));
        let sum = |c: super::RGBColor| u32::from(c.0) + u32::from(c.1) + u32::from(c.2);
        for i in 0..10 {
            let (a, b) = (f64::from(i) / 10.0, f64::from(i + 1) / 10.0);
            assert!(sum(scale(a)) > sum(scale(b)), "scale must darken from {a} to {b}");
        }
        assert_eq!(on(scale(0.0)), INK);
        assert_eq!(on(scale(1.0)), PAPER);
    }
}

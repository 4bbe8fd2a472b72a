//! Two small charts of the overview: the share of rows covering each area
//! (bars) and the distribution of breadth (a histogram of how many areas
//! each row covers). Standalone SVG, text as `<text>`, no fonts needed.

use std::fmt::Write as _;

use super::heatmap::scale;
use super::{ReportData, escape, plural};

const BAR_H: u32 = 22;
const GAP: u32 = 6;
const LABEL_W: u32 = 130;
const PLOT_W: u32 = 300;
const FONT: u32 = 12;

/// One horizontal bar per area: the share of rows that cover it, with
/// the count printed at its end; the area's Swedish title as a tooltip.
pub fn area_chart_svg(data: &ReportData) -> String {
    let n = data.rows.len();
    let width = LABEL_W + PLOT_W + 90;
    let height = (BAR_H + GAP) * (data.areas.len() as u32).max(1) + 30;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"{FONT}\" role=\"img\">\
         <title>Share of the {} covering each area</title>",
        plural(n, "row", "rows")
    );
    for (a, (id, title)) in data.areas.iter().enumerate() {
        let covering = data.rows.iter().filter(|r| r.cells.get(a).is_some_and(|c| c.covered)).count();
        let share = if n == 0 { 0.0 } else { covering as f64 / n as f64 };
        let y = a as u32 * (BAR_H + GAP);
        let w = (share * f64::from(PLOT_W)).round() as u32;
        let c = scale(0.35 + 0.55 * share);
        let _ = writeln!(
            out,
            "<g class=\"bar\"><title>{}: {covering} of {n} ({:.0}%)</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{PLOT_W}\" height=\"{BAR_H}\" fill=\"#f1f2f4\"/>\
             <rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w}\" height=\"{BAR_H}\" fill=\"#{:02x}{:02x}{:02x}\"/>\
             <text x=\"{}\" y=\"{}\">{covering} ({:.0}%)</text></g>",
            escape(title),
            share * 100.0,
            LABEL_W - 8,
            y + BAR_H * 2 / 3,
            escape(id),
            c.0,
            c.1,
            c.2,
            LABEL_W + PLOT_W + 6,
            y + BAR_H * 2 / 3,
            share * 100.0,
        );
    }
    let axis_y = data.areas.len() as u32 * (BAR_H + GAP) + 16;
    let _ = writeln!(
        out,
        "<text x=\"{LABEL_W}\" y=\"{axis_y}\" fill=\"#555\">0%</text><text x=\"{}\" y=\"{axis_y}\" fill=\"#555\" text-anchor=\"end\">100% of rows</text></svg>",
        LABEL_W + PLOT_W
    );
    out
}

/// A column per number of areas covered (0 to all): how many rows cover
/// that many.
pub fn breadth_chart_svg(data: &ReportData) -> String {
    let k = data.areas.len();
    let mut counts = vec![0usize; k + 1];
    for row in &data.rows {
        counts[row.cells.iter().filter(|c| c.covered).count().min(k)] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let (col_w, plot_h) = (36u32, 140u32);
    let width = 40 + (col_w + 8) * (k as u32 + 1);
    let height = plot_h + 72;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"{FONT}\" role=\"img\">\
         <title>How many areas each row covers</title>"
    );
    for (c, &count) in counts.iter().enumerate() {
        let x = 30 + c as u32 * (col_w + 8);
        let h = (count as f64 / most as f64 * f64::from(plot_h)).round() as u32;
        let y = 22 + plot_h - h;
        let shade = scale(if k == 0 { 0.0 } else { c as f64 / k as f64 });
        let _ = writeln!(
            out,
            "<g class=\"column\"><title>{c} of {k} areas covered: {}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{col_w}\" height=\"{h}\" fill=\"#{:02x}{:02x}{:02x}\" stroke=\"#777\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{c}</text></g>",
            plural(count, "row", "rows"),
            shade.0,
            shade.1,
            shade.2,
            x + col_w / 2,
            y.saturating_sub(4).max(10),
            x + col_w / 2,
            plot_h + 40,
        );
    }
    let _ = writeln!(out, "<text x=\"30\" y=\"{}\" fill=\"#555\">areas covered</text></svg>", plot_h + 62);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn bars_count_the_rows_covering_each_area() {
        let data = fixture::sample();
        let svg = area_chart_svg(&data);
        fixture::write_if_asked("areas.svg", &svg);
        assert_eq!(svg.matches("<g class=\"bar\">").count(), 7);
        // reception: Vingåker 0.81 and Hedemora 0.55 reach the threshold 0.5.
        assert!(svg.contains("<title>Mottagande och introduktion för nyanlända: 2 of 3 (67%)</title>"), "{svg}");
    }

    #[test]
    fn the_histogram_has_a_column_per_number_of_areas() {
        let data = fixture::sample();
        let svg = breadth_chart_svg(&data);
        assert_eq!(svg.matches("<g class=\"column\">").count(), 8);
        // Vingåker and Jönköping cover 3 areas, Hedemora 4.
        assert!(svg.contains("<title>3 of 7 areas covered: 2 rows</title>"), "{svg}");
        assert!(svg.contains("<title>4 of 7 areas covered: 1 row</title>"), "{svg}");
        assert!(breadth_chart_svg(&crate::ReportData::default()).contains("<g class=\"column\">"));
    }
}

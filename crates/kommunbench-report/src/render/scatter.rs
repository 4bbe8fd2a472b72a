//! The scatter of "Policy and outcomes": each municipality's coverage
//! score of an area (x) against a key figure (y), a point per municipality
//! with its name on hover and a link to its page, coloured by peer group
//! (or county where there are no groups). Standalone SVG, text as
//! `<text>`, no fonts or scripts needed.

use std::fmt::Write as _;

use super::{ReportKpi, escape};

const W: f64 = 520.0;
const H: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// Colours for the groups, in order: Kenneth Kelly's colours of maximum
/// contrast (1965) without white and grey, enough for Sweden's 21 counties;
/// a group past them is drawn white, ringed.
const PALETTE: [&str; 21] = [
    "#0067a5", "#f38400", "#008856", "#be0032", "#875692", "#f3c300", "#a1caf1", "#c2b280", "#e68fac", "#222222", "#f99379",
    "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17", "#8db600", "#654522", "#e25822", "#2b3d26", "#5a5a8c",
];

/// The colour of a point outside [`PALETTE`]'s groups.
const OTHER: &str = "#ffffff";

/// A key figure's scatter; `threshold` is drawn as the covered line.
pub fn scatter_svg(kpi: &ReportKpi, threshold: f64) -> String {
    let values: Vec<f64> = kpi.points.iter().map(|p| p.value).collect();
    let (lo, hi) = nice_range(&values);
    let x = |score: f64| LEFT + score.clamp(0.0, 1.0) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\"><title>{} against the coverage score of {}</title>",
        escape(&kpi.title),
        escape(&kpi.area)
    );
    // Axes, ticks and the threshold.
    let _ = write!(
        out,
        "<rect x=\"{LEFT}\" y=\"{TOP}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
        W - LEFT - RIGHT,
        H - TOP - BOTTOM
    );
    for t in 0..=4 {
        let v = lo + (hi - lo) * f64::from(t) / 4.0;
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y0:.1}\" y2=\"{y0:.1}\" stroke=\"#e6e6e6\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            number(v),
            y0 = y(v)
        );
        let s = f64::from(t) / 4.0;
        let _ =
            write!(out, "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{s:.2}</text>", x(s), H - BOTTOM + 14.0);
    }
    let _ = write!(
        out,
        "<line class=\"threshold\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{TOP}\" y2=\"{}\" stroke=\"#d55e00\" stroke-dasharray=\"4 3\"/>\
         <text x=\"{:.1}\" y=\"{}\" fill=\"#d55e00\">covered</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">coverage score of {}</text>",
        H - BOTTOM,
        x(threshold) + 4.0,
        TOP + 12.0,
        LEFT + (W - LEFT - RIGHT) / 2.0,
        H - 6.0,
        escape(&kpi.area),
        tx = x(threshold)
    );
    let _ = write!(
        out,
        "<text transform=\"translate(12 {:.1}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">{} ({})</text>",
        TOP + (H - TOP - BOTTOM) / 2.0,
        escape(&kpi.kpi),
        escape(if kpi.unit.is_empty() { "value" } else { &kpi.unit })
    );
    for p in &kpi.points {
        let colour = kpi.groups.iter().position(|g| *g == p.group).and_then(|i| PALETTE.get(i)).copied().unwrap_or(OTHER);
        let _ = write!(
            out,
            "<a href=\"municipalities/{}.html\"><circle class=\"point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4.5\" fill=\"{colour}\" \
             fill-opacity=\"0.85\" stroke=\"#555\" stroke-width=\"0.6\" data-group=\"{}\"><title>{}: score {:.2}, {} {}{}</title></circle></a>",
            escape(&p.slug),
            x(p.score),
            y(p.value),
            escape(&p.group),
            escape(&p.name),
            p.score,
            number(p.value),
            escape(&kpi.unit),
            if p.group.is_empty() { String::new() } else { format!(" ({})", escape(&p.group)) }
        );
    }
    out.push_str("</svg>");
    out
}

/// The colours of the groups, for the legend: `(group, colour)`.
pub fn legend(kpi: &ReportKpi) -> Vec<(String, &'static str)> {
    kpi.groups.iter().enumerate().map(|(i, g)| (g.clone(), PALETTE.get(i).copied().unwrap_or(OTHER))).collect()
}

/// A range around the values with a little room, never empty.
fn nice_range(values: &[f64]) -> (f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs().max(1.0) * 0.01);
    (lo - pad, hi + pad)
}

/// A value as a reader reads it: at most one decimal, none for large
/// numbers.
pub(crate) fn number(v: f64) -> String {
    if v.abs() >= 1000.0 { format!("{v:.0}") } else { format!("{v:.1}") }
}

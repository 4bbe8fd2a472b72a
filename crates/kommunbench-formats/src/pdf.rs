//! PDF (text layer) to the text kommunbench ingests.
//!
//! `hayro-interpret` interprets the content streams (every font kind, its
//! widths, `ToUnicode` and encodings, form `XObject`s, Type3 glyphs) and
//! hands over every glyph with its place on the page, and every filled
//! shape. From those this module rebuilds what a reader sees: lines from
//! glyphs on one baseline, the reading order of columns, table rows,
//! running headers, footers and page numbers marked where they stand,
//! paragraphs from line spacing, headings from font size and weight, list
//! items from their markers, words broken at line ends mended, ligatures
//! and soft hyphens normalised, and where each page starts.

use std::collections::HashMap;

use hayro_interpret::font::{Glyph as Glyph3, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache, InterpreterSettings,
    RectExt, SoftMask, TransformExt, interpret_page,
};
use kommunbench_core::Date;
use kommunbench_ingest::{FormatMeta, is_bullet, list_marker, page_number};
use kommunbench_text::join_wrapped;

use crate::HOSTILE;

/// One glyph (or the string the font maps it to) as placed on the page.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    /// Baseline, from the top of the page down.
    y: f64,
    width: f64,
    size: f64,
    text: String,
    /// Set in a bold face (by the font's weight or name).
    bold: bool,
    /// Its place in the order the page's content draws glyphs.
    seq: usize,
}

/// Glyphs on one baseline that belong together (a column's line, a cell).
#[derive(Debug, Clone)]
struct Fragment {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    /// Whether it opens a column or page after the one before (a
    /// paragraph may run on across the break).
    flow_start: bool,
    /// Whether a bullet drawn as a shape just left of it makes it a list
    /// item (its words, not its marker, start at `x0`).
    drawn_bullet: bool,
    /// Whether every glyph of it is bold.
    bold: bool,
}

/// A small filled shape: `(x0, y0, x1, y1)` from the top of the page.
type Mark = (f64, f64, f64, f64);

/// A page's glyphs and small filled shapes (bullets drawn as discs or
/// squares rather than set as characters).
#[derive(Debug, Default)]
struct Page {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    marks: Vec<Mark>,
}

impl Page {
    /// Keeps what is drawn on the sheet: text placed outside the media box
    /// (the sheet, crop marks and slug included) is not on it, and poppler
    /// drops it too. A box smaller than an inch is set wrong, not a sheet
    /// or a page; then the page is what is drawn, all of it.
    fn clip_to(&mut self, media: Rect) {
        const INCH: f64 = 72.0;
        if media.width() >= INCH && media.height() >= INCH {
            self.glyphs.retain(|g| g.x + g.width > media.x0 && g.x < media.x1 && g.y > media.y0 && g.y - g.size < media.y1);
        }
        if self.width >= INCH && self.height >= INCH {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (0.0_f64, 0.0_f64, self.width, self.height);
        for g in &self.glyphs {
            (x0, y0, x1, y1) = (x0.min(g.x), y0.min(g.y - g.size), x1.max(g.x + g.width), y1.max(g.y));
        }
        // Margins of an inch, so that the first and last lines are body
        // text, not a running header or footer at the sheet's edge.
        (x0, y0, x1, y1) = (x0 - INCH, y0 - INCH, x1 + INCH, y1 + INCH);
        for g in &mut self.glyphs {
            (g.x, g.y) = (g.x - x0, g.y - y0);
        }
        for m in &mut self.marks {
            *m = (m.0 - x0, m.1 - y0, m.2 - x0, m.3 - y0);
        }
        (self.width, self.height) = (x1 - x0, y1 - y0);
    }
}

/// Collects one page's glyphs and marks, in page space (origin top left,
/// y down: the interpreter is given the page's own initial transform).
#[derive(Default)]
struct Collector {
    page: Page,
    /// Images drawn, on every page so far (a scan is pictures of pages).
    images: usize,
    /// Whether the page drew more than [`MAX_PAGE_GLYPHS`] glyphs (the
    /// rest were not kept).
    overfull: bool,
}

/// The most glyphs one page may draw. A dense page of small type in two
/// columns draws about 10,000; a hostile one can draw millions from a
/// few kilobytes (a string shown again and again), each kept with its
/// place.
const MAX_PAGE_GLYPHS: usize = 200_000;

/// The widest or tallest page read, in points (about 350 m).
const MAX_PAGE_SIZE: f64 = 1_000_000.0;

/// The most glyphs a whole PDF may draw: a book of over 3,000 pages.
const MAX_GLYPHS: usize = 10_000_000;

impl Collector {
    fn glyph(&mut self, transform: Affine, advance: f64, text: &str, bold: bool) {
        let [xx, xy, yx, yy, x, y] = transform.as_coeffs();
        // Text space is a thousandth of an em in the glyph's transform.
        let size = (xx * yy - xy * yx).abs().sqrt() * 1000.0;
        // Rotated text (a margin note along the edge) is not body text;
        // nor is text too small to see or placed nowhere.
        if xy.abs() > xx.abs() || !size.is_finite() || size <= 0.1 || !x.is_finite() || !y.is_finite() {
            return;
        }
        if self.page.glyphs.len() >= MAX_PAGE_GLYPHS {
            self.overfull = true;
            return;
        }
        let width = (transform * Point::new(advance, 0.0) - transform * Point::ZERO).hypot();
        let seq = self.page.glyphs.len();
        self.page.glyphs.push(Glyph { x, y, width, size, text: text.to_owned(), bold, seq });
    }
}

/// Whether a font's name says bold (`Arial-BoldMT`, `Calibri,Bold`,
/// `Roboto-Black`, `Lato-Semibold`).
fn bold_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["bold", "black", "heavy", "semibold", "demi"].iter().any(|w| name.contains(w))
}

/// A printable Latin-1 character for a code.
fn latin1(code: u32) -> Option<BfString> {
    let c = char::from_u32(code)?;
    (matches!(code, 0x21..=0x7e | 0xa1..=0xff)).then_some(BfString::Char(c))
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        if !matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..)) || path.elements().len() > 64 {
            return;
        }
        let bounds = (props.transform * path.clone()).bounding_box();
        let (w, h) = (bounds.width(), bounds.height());
        // Bullet-sized and about square: not a rule, a border or a picture.
        if (1.0..=9.0).contains(&w) && (1.0..=9.0).contains(&h) && w / h > 0.5 && w / h < 2.0 {
            self.page.marks.push((bounds.x0, bounds.y0, bounds.x1, bounds.y1));
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        // A run is set in one font: its weight, or failing that its name.
        let bold = run.glyphs().first().is_some_and(|g| match &**g {
            Glyph3::Outline(g) => g.font_data().is_some_and(|font| {
                font.weight.map_or_else(|| font.postscript_name.as_deref().is_some_and(bold_name), |w| w >= 600)
            }),
            Glyph3::Type3(_) => false,
        });
        for glyph in run.glyphs() {
            let (unicode, advance) = match &**glyph {
                Glyph3::Outline(g) => (g.as_unicode(), g.advance_width()),
                // A Type3 font is a simple font; one that names its glyphs
                // in no way a reader can map has its codes read as
                // Latin-1, as poppler does.
                Glyph3::Type3(g) => (g.as_unicode().or_else(|| latin1(g.char_code())), g.advance_width()),
            };
            let Some(unicode) = unicode else { continue };
            let transform = props.transform * glyph.transform();
            // A glyph without a width is given half an em.
            let advance = f64::from(advance.filter(|a| *a > 0.0).unwrap_or(500.0));
            match unicode {
                BfString::Char(c) => self.glyph(transform, advance, c.encode_utf8(&mut [0; 4]), bold),
                BfString::String(s) => self.glyph(transform, advance, &s, bold),
            }
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

/// What reading a PDF gives: the text, where each page starts in it, and
/// the document's metadata.
pub(crate) struct PdfText {
    pub text: String,
    pub pages: Vec<usize>,
    /// The lines of `text` that are running headers, footers and page
    /// numbers (byte ranges).
    pub furniture: Vec<std::ops::Range<usize>>,
    pub meta: FormatMeta,
    pub title: Option<String>,
}

/// Whether bytes are a PDF. A file that starts with `%PDF-` says it is
/// one, damaged or not. Readers accept a few bytes before the header (a
/// mail or web server's header), so the header may also open a later
/// line of the first kilobyte, followed by a version digit, when a PDF's
/// body follows: objects (`endobj`) or a cross-reference (`startxref`).
/// A text that quotes a header is a text.
pub(crate) fn looks_like_pdf(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let header = (1..head.len().saturating_sub(5))
        .find(|&i| matches!(head[i - 1], b'\n' | b'\r') && head[i..].starts_with(b"%PDF-") && head[i + 5].is_ascii_digit());
    header.is_some_and(|at| {
        let body = &bytes[at..];
        [&b"endobj"[..], b"startxref"].iter().any(|word| memchr::memmem::find(body, word).is_some())
    })
}

pub(crate) fn to_text(bytes: &[u8]) -> Result<PdfText, String> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => {
            "the PDF is encrypted; save an unencrypted copy (for example with `qpdf --decrypt`) and read that".to_owned()
        }
        LoadPdfError::Invalid => "a damaged PDF: its structure cannot be parsed".to_owned(),
    })?;
    let cache = InterpreterCache::new();
    let settings = InterpreterSettings::default();
    let mut pages = Vec::with_capacity(pdf.pages().len());
    let (mut images, mut glyphs) = (0, 0);
    for (number, page) in pdf.pages().iter().enumerate() {
        let (width, height) = page.render_dimensions();
        // The largest pages printed are billboards, some 40,000 pt wide;
        // the layout works in bins of 2 pt across the page.
        if !(f64::from(width) <= MAX_PAGE_SIZE && f64::from(height) <= MAX_PAGE_SIZE) {
            return Err(format!(
                "page {} of the PDF is {width} by {height} pt, more than any page ({MAX_PAGE_SIZE} pt); {HOSTILE}",
                number + 1
            ));
        }
        let bbox = Rect::new(0.0, 0.0, f64::from(width), f64::from(height));
        let placed = page.initial_transform(true).to_kurbo();
        let mut context = Context::new(placed, bbox, &cache, pdf.xref(), settings.clone());
        let mut collector = Collector::default();
        collector.page.width = f64::from(width);
        collector.page.height = f64::from(height);
        interpret_page(page, &mut context, &mut collector);
        if collector.overfull {
            return Err(format!("page {} of the PDF draws more than {MAX_PAGE_GLYPHS} glyphs; {HOSTILE}", number + 1));
        }
        glyphs += collector.page.glyphs.len();
        if glyphs > MAX_GLYPHS {
            return Err(format!("the PDF draws more than {MAX_GLYPHS} glyphs by page {}; {HOSTILE}", number + 1));
        }
        images += collector.images;
        collector.page.clip_to(placed.transform_rect_bbox(page.media_box().to_kurbo()));
        pages.push(collector.page);
    }
    let (meta, title) = info(&pdf);
    // Any letter is a text layer: only a PDF without one may be a scan.
    if !pages.iter().flat_map(|p| &p.glyphs).any(|g| g.text.chars().any(char::is_alphabetic)) {
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        return Err(if images > 0 {
            format!(
                "the PDF has no text layer ({}, {}, no letters): it is probably scanned; run OCR first, for example `ocrmypdf in.pdf out.pdf`",
                count(pages.len(), "page"),
                count(images, "image")
            )
        } else {
            format!("the PDF has no text ({}, no letters and no images)", count(pages.len(), "page"))
        });
    }
    let (text, starts, furniture) = layout(&pages);
    Ok(PdfText { text, pages: starts, furniture, meta, title })
}

/// The Info dictionary's title and the file's own dates (never taken for
/// the text's publication).
fn info(pdf: &Pdf) -> (FormatMeta, Option<String>) {
    let metadata = pdf.metadata();
    let date = |d: &Option<hayro_interpret::hayro_syntax::object::DateTime>| -> Option<Date> {
        let d = d.as_ref()?;
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day).parse().ok()
    };
    let meta = FormatMeta {
        created: date(&metadata.creation_date),
        modified: date(&metadata.modification_date),
        ..FormatMeta::default()
    };
    let title = metadata.title.as_deref().map(decode_pdf_string).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    (meta, title)
}

/// A PDF text string: UTF-16 with a byte order mark, else `PDFDocEncoding`
/// (Latin-1 for the letters Swedish needs).
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

const SOFT_HYPHEN: char = '\u{ad}';

/// Glyph text normalised: ligatures spelt out, zero-width characters
/// dropped, odd spaces and hyphens made plain. Soft hyphens stay until
/// the line is whole (see [`fragments`]).
fn normalise(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\0' => {}
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => out.push(' '),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// A page's glyphs as fragments: glyphs in content order on one baseline,
/// split where a gap is wider than a column gutter or a table's cell gap.
fn fragments(page: &Page) -> Vec<Fragment> {
    // A justified column's stretched spaces may be as wide as the gutter
    // beside them: the gutter is found from the words, and nothing runs
    // across it.
    let words = split_lines(page, None, true);
    let mut ys: Vec<f64> = words.iter().map(|w| w.y).collect();
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    split_lines(page, gutter_crossed_by(&words, 0.0, page.width, ys.len() / 5), false)
}

/// [`fragments`], with a break forced at every gap across `gutter`; or,
/// with `words`, every word a fragment of its own.
fn split_lines(page: &Page, gutter: Option<f64>, words: bool) -> Vec<Fragment> {
    // Glyphs are placed by the fonts' own widths, so a gap between two
    // glyphs is real: kerning closes up a few hundredths of an em, a word
    // space opens a fifth to a third, and the tightest justified or
    // condensed setting still an eighth. Producers that set words apart
    // without a space glyph (TeX, layout programs) need this; the space
    // glyphs of the others count as well.
    let space_gap = 0.12;
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    // Lines top to bottom, glyphs left to right: the order on the page,
    // whatever order the producer drew them in.
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= 0.3 * line[0].size.min(g.size) => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    let lines = with_superscripts(lines);
    let mut out = Vec::new();
    for line in lines {
        let (line, over) = in_line_order(line);
        let space_gap = space_gap + tracking(&line, space_gap);
        let breaks = cell_breaks(&line, space_gap, gutter);
        let mut current: Option<Fragment> = None;
        for (i, g) in line.into_iter().enumerate() {
            if g.text.trim().is_empty() {
                if let Some(f) = current.as_mut() {
                    f.x1 = f.x1.max(g.x + g.width);
                    if !f.text.ends_with(' ') {
                        f.text.push(' ');
                    }
                }
                continue;
            }
            match current.as_mut() {
                Some(f) if !(breaks[i] || words && g.x - f.x1 > space_gap * g.size) => {
                    let gap = g.x - f.x1;
                    // A footnote number set small and raised is a word of
                    // its own (`kommuner¹` reads `kommuner 1`); a raised
                    // ordinal's letters stay with their number (`240th`).
                    let raised = g.size <= 0.85 * f.size
                        && g.y < f.y - 0.15 * f.size
                        && g.text.starts_with(|c: char| c.is_numeric())
                        && f.text.ends_with(char::is_alphabetic);
                    if (gap > space_gap * g.size || raised || over[i]) && !f.text.ends_with(' ') {
                        f.text.push(' ');
                    }
                    normalise(&g.text, &mut f.text);
                    f.x1 = f.x1.max(g.x + g.width);
                    f.size = f.size.max(g.size);
                    f.bold &= g.bold;
                }
                _ => {
                    if let Some(f) = current.take() {
                        out.push(f);
                    }
                    let mut text = String::new();
                    normalise(&g.text, &mut text);
                    current = Some(Fragment {
                        x0: g.x,
                        x1: g.x + g.width,
                        y: g.y,
                        size: g.size,
                        text,
                        flow_start: false,
                        drawn_bullet: false,
                        bold: g.bold,
                    });
                }
            }
        }
        out.extend(current);
    }
    for f in &mut out {
        // A soft hyphen is where the producer broke a word: at a line's
        // end it is the hyphen the line joiner mends, elsewhere nothing.
        if f.text.contains(SOFT_HYPHEN) {
            let broken = f.text.trim_end().ends_with(SOFT_HYPHEN);
            f.text.retain(|c| c != SOFT_HYPHEN);
            if broken {
                f.text.push('-');
            }
        }
        let trimmed = f.text.trim();
        if trimmed.len() != f.text.len() {
            f.text = trimmed.to_owned();
        }
    }
    out.retain(|f| !f.text.is_empty());
    // A bullet drawn as a shape just left of a line's start, about half
    // an x-height above its baseline, makes the line a list item.
    for f in &mut out {
        let drawn = page.marks.iter().any(|&(x0, y0, x1, y1)| {
            let middle = f64::midpoint(y0, y1);
            x1 <= f.x0 && x1 >= f.x0 - 3.0 * f.size && middle < f.y && middle > f.y - 0.8 * f.size && x1 - x0 < 0.6 * f.size
        });
        if drawn && list_marker(&f.text).is_none() {
            f.text.insert_str(0, "• ");
            f.drawn_bullet = true;
        }
    }
    out
}

/// A line's glyphs in reading order: left to right, each run of glyphs
/// the content draws one after the other kept whole. A run is a stretch of
/// the content's glyphs each set on from the one before, and runs are read
/// by where they start, so two words drawn over each other (a form's
/// entry running into the next field) stay two words, not their letters
/// shuffled together as a sort by position gives (`text9t0ext91`). Where
/// runs do not overlap this is the order of the glyphs' positions.
///
/// With the glyphs, whether each starts a word drawn over the text before
/// it: a run of two or more glyphs whose first glyph is drawn wholly
/// over the run before, a quarter of an em or more back from its end. A
/// letter kerned into its neighbour (the raised `A` of the `LaTeX` logo)
/// reaches past it, and an accent drawn over its letter starts no word.
///
/// A glyph drawn again where the same glyph already stands, within a
/// third of its width, is a fake bold's second stroke or a shadow, and is
/// read once: a letter set twice in a row advances by its whole width.
fn in_line_order(mut line: Vec<&Glyph>) -> (Vec<&Glyph>, Vec<bool>) {
    line.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.seq.cmp(&b.seq)));
    let mut kept: Vec<&Glyph> = Vec::with_capacity(line.len());
    for g in line {
        let visible = !g.text.trim().is_empty();
        let twice = visible
            && kept
                .iter()
                .rev()
                .take_while(|k| k.x >= g.x - g.width)
                .any(|k| k.text == g.text && (g.x - k.x).abs() < 0.35 * k.width && (g.y - k.y).abs() < 0.2 * g.size);
        if !twice {
            kept.push(g);
        }
    }
    kept.sort_by_key(|g| g.seq);
    let mut runs: Vec<Vec<&Glyph>> = Vec::new();
    for g in kept {
        match runs.last_mut() {
            // On from the glyph before: past its middle, and no further
            // than a wide word space beyond its end.
            Some(run) if run.last().is_some_and(|p| g.x >= p.x + 0.5 * p.width && g.x <= p.x + p.width + 1.5 * g.size) => {
                run.push(g);
            }
            _ => runs.push(vec![g]),
        }
    }
    runs.sort_by(|a, b| a[0].x.total_cmp(&b[0].x));
    let mut over = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    // Where the run before ends.
    let mut end: Option<f64> = None;
    for run in &runs {
        let (first, word) = (run[0], run.len() > 1 && !run[0].text.chars().all(is_accent));
        over.push(end.is_some_and(|end| word && first.x + first.width <= end && first.x < end - 0.25 * first.size));
        over.extend(std::iter::repeat_n(false, run.len() - 1));
        end = Some(run.iter().fold(f64::NEG_INFINITY, |e, g| e.max(g.x + g.width)));
    }
    (runs.concat(), over)
}

/// An accent set as a glyph of its own, drawn over or beside its letter
/// (`´`, `¨`, a combining mark).
fn is_accent(c: char) -> bool {
    matches!(c, '`' | '^' | '~' | '\u{a8}' | '\u{af}' | '\u{b4}' | '\u{b8}' | '\u{2b0}'..='\u{36f}')
}

/// Lines with the small raised glyphs of the line below them (footnote
/// numbers, references, ordinals; set at most 85% of its size) put back
/// into it: a superscript sits a third of an em above its line's
/// baseline, a line of small type above another a whole line higher.
fn with_superscripts(lines: Vec<Vec<&Glyph>>) -> Vec<Vec<&Glyph>> {
    let size = |line: &[&Glyph]| line.iter().map(|g| g.size).fold(0.0, f64::max);
    let span =
        |line: &[&Glyph]| line.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), g| (a.min(g.x), b.max(g.x + g.width)));
    let mut out: Vec<Vec<&Glyph>> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        if let Some(next) = lines.peek_mut() {
            let (small, base) = (size(&line), size(next));
            let rise = next[0].y - line[0].y;
            let ((a0, _), (b0, b1)) = (span(&line), span(next));
            if small <= 0.85 * base
                && rise > 0.0
                && rise <= 0.5 * base
                && a0 >= b0 - base
                && a0 <= b1 + base
                && superscripts(&line, next)
            {
                next.extend(line);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Whether small glyphs are superscripts to a line: short runs (three
/// glyphs at most: a number, an ordinal; or references of up to twelve
/// without a letter), each set beside the line's glyphs, not over them (a
/// form's small labels stand over its entries).
fn superscripts(small: &[&Glyph], line: &[&Glyph]) -> bool {
    let mut glyphs: Vec<&Glyph> = small.iter().copied().filter(|g| !g.text.trim().is_empty()).collect();
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // (start, end, glyphs, letters) of each run.
    let mut runs: Vec<(f64, f64, usize, usize)> = Vec::new();
    for g in glyphs {
        let letters = usize::from(g.text.chars().any(char::is_alphabetic));
        match runs.last_mut() {
            Some(run) if g.x - run.1 < 0.5 * g.size => *run = (run.0, run.1.max(g.x + g.width), run.2 + 1, run.3 + letters),
            _ => runs.push((g.x, g.x + g.width, 1, letters)),
        }
    }
    // Three glyphs (`12`, `th`, `*`), or references without letters
    // (`[5][6]`, `3–5, 8`).
    runs.iter().all(|&(x0, x1, n, letters)| {
        (n <= 3 || (n <= 12 && letters == 0)) && !line.iter().any(|b| b.x < x1 - 0.1 && b.x + b.width > x0 + 0.1)
    })
}

/// The letter spacing of a line, in ems, when it is set letter-spaced
/// (`I N T E G R A T I O N`): then the gaps between letters are the
/// line's median gap, and only a wider one is a word space. A line is
/// letter-spaced when, read with plain word spaces, it falls apart into
/// single letters (seven tokens in ten or more, four at least) no more
/// than a third of an em apart; a row of single digits (`1 2 3 4`) or a
/// table of characters is not.
fn tracking(line: &[&Glyph], space_gap: f64) -> f64 {
    let visible: Vec<&&Glyph> = line.iter().filter(|g| !g.text.trim().is_empty()).collect();
    let gaps: Vec<f64> = visible.windows(2).map(|w| (w[1].x - (w[0].x + w[0].width)) / w[1].size).collect();
    if gaps.len() < 4 {
        return 0.0;
    }
    // Tokens as plain word spaces cut them, and how many are one letter.
    let (mut tokens, mut letters, mut length) = (0usize, 0usize, 0usize);
    for (i, g) in visible.iter().enumerate() {
        length += 1;
        if i + 1 == visible.len() || gaps[i] > space_gap {
            tokens += 1;
            if length == 1 && g.text.chars().all(char::is_alphabetic) {
                letters += 1;
            }
            length = 0;
        }
    }
    if tokens < 4 || letters * 10 < tokens * 7 {
        return 0.0;
    }
    let mut sorted = gaps;
    sorted.sort_by(f64::total_cmp);
    // Letter spacing is a fraction of an em; letters set wider apart are
    // a table of characters, each its own.
    let median = sorted[sorted.len() / 2];
    if median > 0.35 { 0.0 } else { median.max(0.0) }
}

/// Where a line's glyphs fall into different cells or columns: at each
/// visible glyph after a gap of over an em, unless that gap is one of a
/// justified run's stretched spaces. A justified line stretches every
/// space between its words alike (a table's or columns' gaps differ with
/// the lengths of what stands in them), so two or more word gaps in a
/// row within a quarter of each other, none over three ems, are spaces;
/// a line may hold such a run beside another column's words. A gap across
/// the page's `gutter` is always a break.
fn cell_breaks(line: &[&Glyph], space_gap: f64, gutter: Option<f64>) -> Vec<bool> {
    const CELL: f64 = 1.2;
    // (index in the line, gap in ems) of each word gap before a glyph.
    let mut gaps: Vec<(usize, f64)> = Vec::new();
    let mut end: Option<f64> = None;
    let mut size: f64 = 0.0;
    for (i, g) in line.iter().enumerate() {
        if g.text.trim().is_empty() {
            end = end.map(|e| e.max(g.x + g.width));
            continue;
        }
        if let Some(e) = end {
            let gap = (g.x - e) / g.size.max(size);
            if gutter.is_some_and(|x| e <= x && x <= g.x) {
                // Across the page's gutter: always a break, and no part of
                // a run of stretched spaces.
                gaps.push((i, f64::INFINITY));
            } else if gap > space_gap {
                gaps.push((i, gap));
            }
        }
        end = Some(end.map_or(g.x + g.width, |e| e.max(g.x + g.width)));
        size = g.size;
    }
    let mut breaks = vec![false; line.len()];
    let mut start = 0;
    while start < gaps.len() {
        // The run of gaps alike from here.
        let (mut lo, mut hi) = (gaps[start].1, gaps[start].1);
        let mut stop = start + 1;
        while let Some(&(_, gap)) = gaps.get(stop) {
            if lo.min(gap) * 1.25 < hi.max(gap) {
                break;
            }
            (lo, hi) = (lo.min(gap), hi.max(gap));
            stop += 1;
        }
        let stretched = stop - start >= 2 && hi <= 3.0;
        for &(i, gap) in &gaps[start..stop] {
            breaks[i] = gap > CELL && !stretched;
        }
        start = stop;
    }
    breaks
}

/// The x of a gutter between two columns of the stretch from `from` to
/// `to`: a band no fragment crosses that splits the running text in two,
/// each side with a good share of the lines. `None` for one column.
fn gutter(fragments: &[Fragment], from: f64, to: f64) -> Option<f64> {
    // Fragments spanning both columns (a title, a wide table, a first
    // page's authors and affiliations) may cross; a gutter is crossed by
    // few of them.
    let x = gutter_crossed_by(fragments, from, to, fragments.iter().filter(|f| f.text.chars().nth(2).is_some()).count() / 5)?;
    // A column of text has one run of words a line; a side whose lines are
    // rows of cells (`HR-avdelningen  2024`) beside the first cells of the
    // same rows belongs to a table, whose first column the gap only seemed
    // to part.
    let right: Vec<&Fragment> = fragments.iter().filter(|f| f.x0 >= x).collect();
    let mut lines: Vec<(f64, usize)> = Vec::new();
    for f in &right {
        match lines.iter_mut().find(|(y, _)| (y - f.y).abs() < 0.3 * f.size) {
            Some(line) => line.1 += 1,
            None => lines.push((f.y, 1)),
        }
    }
    // A table's rows are rows across the whole of it: its first cell stands
    // on the same baseline (a box of rows beside a column of text does not).
    let left: Vec<&Fragment> = fragments.iter().filter(|f| f.x1 <= x).collect();
    let rows = lines.iter().filter(|&&(y, n)| n >= 2 && left.iter().any(|f| (f.y - y).abs() < 0.3 * f.size)).count();
    (rows < 3 || rows * 2 < lines.len()).then_some(x)
}

/// [`gutter`], open where no more than `allowed` fragments cross.
fn gutter_crossed_by(fragments: &[Fragment], from: f64, to: f64, allowed: usize) -> Option<f64> {
    let width = to - from;
    // A mark or a footnote number (two characters at most) says nothing
    // about columns.
    let fragments: Vec<&Fragment> = fragments.iter().filter(|f| f.text.chars().nth(2).is_some()).collect();
    if fragments.len() < 8 {
        return None;
    }
    let bins = (width / 2.0).ceil().max(1.0) as usize;
    let mut crossing = vec![0usize; bins];
    for f in &fragments {
        let a = ((f.x0 - from) / 2.0).floor().max(0.0) as usize;
        let b = (((f.x1 - from) / 2.0).ceil().max(0.0) as usize).min(bins);
        for c in &mut crossing[a.min(bins)..b] {
            *c += 1;
        }
    }
    let (lo, hi) = ((bins as f64 * 0.3) as usize, (bins as f64 * 0.7) as usize);
    let mut bands: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, &crossed) in crossing.iter().enumerate().take(hi + 1).skip(lo) {
        let open = i < hi && crossed <= allowed;
        match (open, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                bands.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    // The widest band (the first of equals), of at least 6 pt.
    let (s, e) = bands.into_iter().max_by_key(|&(s, e)| (e - s, std::cmp::Reverse(s)))?;
    if (e - s) * 2 < 6 {
        return None;
    }
    // The line goes where fewest cross: the middle of the longest stretch of
    // the band's least crossed bins.
    let least = crossing[s..e].iter().copied().min().unwrap_or(0);
    let (mut best, mut run) = ((s, s), None);
    // One step past the band closes a run that reaches its end.
    let marks = crossing[s..e].iter().map(|&c| c == least).chain(std::iter::once(false));
    for (i, low) in (s..=e).zip(marks) {
        match (low, run) {
            (true, None) => run = Some(i),
            (false, Some(r)) => {
                if i - r > best.1 - best.0 {
                    best = (r, i);
                }
                run = None;
            }
            _ => {}
        }
    }
    let x = from + (best.0 + best.1) as f64; // the middle, in bins of 2 pt
    // A good share of the lines on each side.
    let left = fragments.iter().filter(|f| f.x1 <= x).count();
    let right = fragments.iter().filter(|f| f.x0 >= x).count();
    (left >= fragments.len() / 4 && right >= fragments.len() / 4).then_some(x)
}

/// Fragments in reading order: with two columns, the page in bands cut by
/// fragments that span the gutter, and in each band the left column, then
/// the right. A side wider than 55% of the page may hold two columns
/// itself (a page in three), and is read the same way in turn.
fn reading_order(mut fragments: Vec<Fragment>, width: f64) -> Vec<Fragment> {
    if let Some(first) = fragments.first_mut() {
        first.flow_start = true;
    }
    columns(fragments, 0.0, width, 0)
}

/// The fragments of a stretch of the page from `lo` to `hi`, column by
/// column (see [`reading_order`]).
fn columns(mut fragments: Vec<Fragment>, lo: f64, hi: f64, depth: usize) -> Vec<Fragment> {
    let Some(x) = gutter(&fragments, lo, hi) else { return fragments };
    // Only a side wider than half the stretch may hold columns of its own.
    let within = |side: Vec<Fragment>, a: f64, b: f64| {
        if depth == 0 && b - a > 0.55 * (hi - lo) { columns(side, a, b, depth + 1) } else { side }
    };
    let mut out = Vec::with_capacity(fragments.len());
    let mut left = Vec::new();
    let mut right = Vec::new();
    for mut f in fragments.drain(..) {
        if f.x1 <= x {
            left.push(f);
        } else if f.x0 >= x {
            if right.is_empty() {
                f.flow_start = true;
            }
            right.push(f);
        } else {
            out.append(&mut within(std::mem::take(&mut left), lo, x));
            out.append(&mut within(std::mem::take(&mut right), x, hi));
            out.push(f);
        }
    }
    out.append(&mut within(left, lo, x));
    out.append(&mut within(right, x, hi));
    out
}

/// A fragment's text with digits as `#`, to find running headers whose
/// page number changes.
fn shape(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Marks running headers and footers: lines in a page's top or bottom
/// band that are page numbers, or whose shape recurs in the same band on
/// other pages, or (in a one-page document) that stand apart from the
/// body, in the margin, in a type no larger than the body's.
fn furniture(pages: &[(Vec<Fragment>, f64)], body: f64) -> Vec<Vec<bool>> {
    let band = |f: &Fragment, height: f64| -> Option<bool> {
        if f.y < height * 0.09 {
            Some(true)
        } else if f.y > height * 0.91 {
            Some(false)
        } else {
            None
        }
    };
    let mut recurring: HashMap<(bool, String), usize> = HashMap::new();
    for (fragments, height) in pages {
        let mut seen = std::collections::HashSet::new();
        for f in fragments {
            if let Some(top) = band(f, *height) {
                seen.insert((top, shape(&f.text)));
            }
        }
        for key in seen {
            *recurring.entry(key).or_default() += 1;
        }
    }
    let needed = if pages.len() >= 3 { pages.len().div_ceil(2) } else { 2 };
    // A header set apart counts only where it cannot recur: on a single
    // page, a line or two of at most twelve words. Elsewhere a lone line
    // in the margin may be the document's own stamp (`Dnr KS 2023/117`
    // above the title), which the text rules read.
    let single = pages.len() == 1;
    pages
        .iter()
        .map(|(fragments, height)| {
            let first_body = fragments.iter().filter(|f| band(f, *height).is_none()).map(|f| f.y).fold(f64::INFINITY, f64::min);
            let last_body =
                fragments.iter().filter(|f| band(f, *height).is_none()).map(|f| f.y).fold(f64::NEG_INFINITY, f64::max);
            // A running header or footer is a line or two; three lines or
            // more in a margin band are a paragraph that runs there.
            let lines_in = |top: bool| {
                let mut ys: Vec<f64> = fragments.iter().filter(|f| band(f, *height) == Some(top)).map(|f| f.y).collect();
                ys.sort_by(f64::total_cmp);
                ys.dedup_by(|a, b| (*a - *b).abs() < 0.5 * body);
                ys.len()
            };
            let few = [lines_in(false) <= 2, lines_in(true) <= 2];
            fragments
                .iter()
                .map(|f| match band(f, *height) {
                    None => false,
                    Some(top) => {
                        let apart = single
                            && few[usize::from(top)]
                            && f.text.split_whitespace().count() <= 12
                            && if top { first_body - f.y > 2.5 * body } else { f.y - last_body > 2.5 * body };
                        page_number(&f.text).is_some()
                            || recurring.get(&(top, shape(&f.text))).is_some_and(|&n| n >= needed)
                            || (apart && f.size < body * 1.1)
                    }
                })
                .collect()
        })
        .collect()
}

/// Whether a fragment is a bullet alone: a bullet character, or a symbol
/// font's glyph in the private use area, set apart from its item's text.
fn lone_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| is_bullet(c) || ('\u{e000}'..='\u{f8ff}').contains(&c)) && chars.next().is_none()
}

/// One block of output: a heading, a paragraph, a list item, a table row.
#[derive(Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "what a block is (heading, item, furniture) and how it is set (bold) are independent"
)]
struct Block {
    text: String,
    heading: bool,
    item: bool,
    /// A running header or footer, or a page number.
    furniture: bool,
    page: usize,
    /// The last line's bottom and size, to judge what follows.
    y: f64,
    /// Where a list item's words start: its continuation lines are
    /// indented to about there.
    text_x0: f64,
    size: f64,
    /// Whether its lines are all bold: a bold line over plain ones is a
    /// heading set in the body's size, not the paragraph's first line.
    bold: bool,
    /// A table row's cells: where each starts (none for any other block).
    cells: Vec<f64>,
}

impl Block {
    /// Whether it is a table row.
    fn row(&self) -> bool {
        !self.cells.is_empty()
    }
}

/// The distance between the baselines of a paragraph's lines: the most
/// common one between a body line that runs on (no full stop, colon or
/// the like at its end) and the next, which goes on in lower case. Word
/// processors set 1.15 to 1.5 lines, and more; never over twice the body
/// size here, so that paragraphs apart by a blank line stay apart.
fn line_pitch(pages: &[(Vec<Fragment>, f64)], body: f64) -> f64 {
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for (fragments, _) in pages {
        for pair in fragments.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let dy = b.y - a.y;
            if (a.size - body).abs() < 0.1 * body
                && (b.size - body).abs() < 0.1 * body
                && dy > 0.9 * body
                && dy <= 2.0 * body
                && !a.text.ends_with(['.', ':', '!', '?', ';'])
                && b.text.starts_with(char::is_lowercase)
            {
                *seen.entry((dy * 2.0).round() as i64).or_default() += 1;
            }
        }
    }
    seen.into_iter().max_by_key(|&(d, n)| (n, -d)).map_or(1.2 * body, |(d, _)| d as f64 / 2.0)
}

/// The pages' text in reading order, each page's start in it, and the
/// lines that are page furniture (kept where they stand, for the ingester
/// to leave out of the content).
fn layout(pages: &[Page]) -> (String, Vec<usize>, Vec<std::ops::Range<usize>>) {
    let ordered: Vec<(Vec<Fragment>, f64)> = pages.iter().map(|p| (reading_order(fragments(p), p.width), p.height)).collect();
    // The body size: the size most letters are set in.
    let mut sizes: HashMap<i64, usize> = HashMap::new();
    for f in ordered.iter().flat_map(|(f, _)| f) {
        *sizes.entry((f.size * 2.0).round() as i64).or_default() += f.text.len();
    }
    let body = sizes.into_iter().max_by_key(|&(s, n)| (n, -s)).map_or(10.0, |(s, _)| s as f64 / 2.0);
    let furniture = furniture(&ordered, body);
    let pitch = line_pitch(&ordered, body);

    let mut blocks: Vec<Block> = Vec::new();
    for (page, ((fragments, _), skip)) in ordered.iter().zip(&furniture).enumerate() {
        let mut i = 0;
        // Whether the next fragment opens a page or column.
        let mut flow = true;
        while i < fragments.len() {
            flow |= fragments[i].flow_start;
            if skip[i] {
                let f = &fragments[i];
                blocks.push(Block {
                    text: f.text.clone(),
                    heading: false,
                    item: false,
                    furniture: true,
                    page,
                    y: f.y,
                    text_x0: f.x0,
                    size: f.size,
                    bold: f.bold,
                    cells: Vec::new(),
                });
                i += 1;
                continue;
            }
            let at_flow = std::mem::take(&mut flow);
            // Fragments on one baseline beside each other are a table row.
            let mut j = i + 1;
            while j < fragments.len()
                && !skip[j]
                && (fragments[j].y - fragments[i].y).abs() < 0.3 * body
                && fragments[j].x0 > fragments[j - 1].x1
            {
                j += 1;
            }
            let f = &fragments[i];
            if j - i == 2 && lone_bullet(&fragments[i].text) {
                // A bullet set apart from its text by a tab stop.
                let text = format!("• {}", fragments[i + 1].text);
                let next = &fragments[i + 1];
                blocks.push(Block {
                    text,
                    heading: false,
                    item: true,
                    furniture: false,
                    page,
                    y: next.y,
                    text_x0: next.x0,
                    size: next.size,
                    bold: next.bold,
                    cells: Vec::new(),
                });
                i = j;
                continue;
            }
            // A table cell's wrapped line: under a row, a line's distance
            // on, each part at one of the row's cells and going on in
            // lower case (a new row opens its first cell with a capital or
            // stands further apart).
            let at_cell = |row: &Block, c: &Fragment| row.cells.iter().position(|&x| (x - c.x0).abs() < 0.3 * body);
            if let Some(last) = blocks.iter_mut().rev().find(|b| !b.furniture)
                && last.row()
                && last.page == page
                && f.y - last.y > 0.0
                && f.y - last.y < (1.45 * f.size).max(1.1 * pitch)
                && fragments[i..j].iter().all(|c| c.text.starts_with(char::is_lowercase) && at_cell(last, c).is_some())
            {
                let mut cells: Vec<String> = last.text.split('\t').map(str::to_owned).collect();
                for c in &fragments[i..j] {
                    if let Some(cell) = at_cell(last, c).and_then(|k| cells.get_mut(k)) {
                        join_wrapped(cell, &c.text);
                    }
                }
                last.text = cells.join("\t");
                last.y = f.y;
                i = j;
                continue;
            }
            if j - i > 1 {
                let cells: Vec<&str> = fragments[i..j].iter().map(|f| f.text.as_str()).collect();
                blocks.push(Block {
                    text: cells.join("\t"),
                    heading: false,
                    item: false,
                    furniture: false,
                    page,
                    y: f.y,
                    text_x0: f.x0,
                    size: f.size,
                    bold: false,
                    cells: fragments[i..j].iter().map(|c| c.x0).collect(),
                });
                i = j;
                continue;
            }
            i += 1;
            let heading = f.size >= body * 1.15 && f.text.split_whitespace().count() <= 16;
            let item = list_marker(&f.text).is_some();
            if let Some(last) = blocks.iter_mut().rev().find(|b| !b.furniture)
                && last.page == page
                && !last.row()
                && !item
                && last.heading == heading
                && (f.size - last.size).abs() < 0.1 * body
                && last.bold == f.bold
                && f.y - last.y > 0.0
                && f.y - last.y < (1.45 * f.size.max(last.size)).max(1.1 * pitch)
                && (!last.item || f.x0 > last.text_x0 - 0.25 * body)
            {
                join_wrapped(&mut last.text, &f.text);
                last.y = f.y;
                continue;
            }
            // A paragraph broken by a page or column: the new one goes on
            // in lower case.
            if let Some(last) = blocks.iter_mut().rev().find(|b| !b.furniture)
                && at_flow
                && !heading
                && !item
                && !last.heading
                && !last.row()
                && !last.text.ends_with(['.', ':', '!', '?'])
                && f.text.chars().next().is_some_and(char::is_lowercase)
            {
                join_wrapped(&mut last.text, &f.text);
                last.y = f.y;
                last.page = page;
                continue;
            }
            // A set marker (`•`, `1.`) stands before the words, about an em.
            let text_x0 = if item && !f.drawn_bullet { f.x0 + 0.75 * body } else { f.x0 };
            blocks.push(Block {
                text: f.text.clone(),
                heading,
                item,
                furniture: false,
                page,
                y: f.y,
                text_x0,
                size: f.size,
                bold: f.bold,
                cells: Vec::new(),
            });
        }
    }

    let mut text = String::new();
    let mut starts = vec![0; pages.len()];
    let mut furniture = Vec::new();
    let mut next_page = 0;
    let mut previous: Option<&Block> = None;
    for block in &blocks {
        while next_page <= block.page {
            starts[next_page] = text.len();
            next_page += 1;
        }
        if let Some(p) = previous {
            // List items and table rows run on; anything else is a paragraph.
            let tight = (p.item && block.item) || (p.row() && block.row());
            text.push_str(if tight { "\n" } else { "\n\n" });
        }
        let start = text.len();
        text.push_str(&block.text);
        if block.furniture {
            furniture.push(start..text.len());
        }
        previous = Some(block);
    }
    while next_page < pages.len() {
        starts[next_page] = text.len();
        next_page += 1;
    }
    text.push('\n');
    (text, starts, furniture)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as the ingester keeps it: the laid-out text without the
    /// lines marked as page furniture.
    fn content(pages: &[Page]) -> (String, Vec<usize>) {
        let (mut text, starts, furniture) = layout(pages);
        for range in furniture.iter().rev() {
            // A furniture line is a block of its own, after a blank line.
            let from = if range.start >= 2 { range.start - 2 } else { range.start };
            let to = if range.start >= 2 { range.end } else { (range.end + 2).min(text.len()) };
            text.replace_range(from..to, "");
        }
        (text, starts)
    }

    #[test]
    fn ligatures_and_odd_spaces_are_normalised() {
        let mut out = String::new();
        normalise("e\u{fb00}ektiv\u{200b} inte\u{2010}gration\u{a0}nu", &mut out);
        assert_eq!(out, "effektiv inte-gration nu");
    }

    /// Glyphs of `words` on the baseline `y` from `x`: each letter 5 pt
    /// wide at 10 pt and `tracking` from the next, the words `gap` further
    /// apart.
    fn set_words(mut x: f64, y: f64, words: &[&str], tracking: f64, gap: f64) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        for w in words {
            for c in w.chars() {
                glyphs.push(Glyph { x, y, width: 5.0, size: 10.0, text: c.to_string(), bold: false, seq: glyphs.len() });
                x += 5.0 + tracking;
            }
            x += gap;
        }
        glyphs
    }

    /// A page of lines: `(x, y from the top, size, text)`, each character
    /// half an em wide, spaces set as glyphs.
    fn page(lines: &[(f64, f64, f64, &str)]) -> Page {
        let mut glyphs = Vec::new();
        for &(x, y, size, text) in lines {
            for (i, c) in text.chars().enumerate() {
                glyphs.push(Glyph {
                    x: x + i as f64 * size * 0.5,
                    y,
                    width: size * 0.5,
                    size,
                    text: c.to_string(),
                    bold: false,
                    seq: glyphs.len(),
                });
            }
        }
        Page { width: 595.0, height: 842.0, glyphs, marks: Vec::new() }
    }

    #[test]
    fn a_soft_hyphen_mends_a_word_broken_at_a_line_s_end_and_is_dropped_inside_one() {
        let (text, _) = content(&[page(&[
            (60.0, 120.0, 10.0, "Kommunen ska stödja nyan\u{ad}lända kommun\u{ad}"),
            (60.0, 133.0, 10.0, "invånare i arbete."),
        ])]);
        assert_eq!(text, "Kommunen ska stödja nyanlända kommuninvånare i arbete.\n");
    }

    #[test]
    fn a_glyph_drawn_twice_for_fake_bold_is_read_once() {
        let mut bold = page(&[(60.0, 120.0, 10.0, "Mål")]);
        let strokes: Vec<Glyph> = bold.glyphs.iter().map(|g| Glyph { x: g.x + 0.4, seq: g.seq + 100, ..g.clone() }).collect();
        bold.glyphs.extend(strokes);
        assert_eq!(content(&[bold]).0, "Mål\n");
    }

    #[test]
    fn words_drawn_over_each_other_stay_whole_and_an_accent_stays_on_its_letter() {
        // A form's two entries: `text76` drawn from 1.5 em inside `text75`.
        let form = page(&[(60.0, 120.0, 10.0, "Fält: text75"), (107.0, 120.0, 10.0, "text76")]);
        assert_eq!(content(&[form]).0, "Fält: text75 text76\n");
        // The second entry drawn first: runs are read by where they start.
        let form = page(&[(107.0, 120.0, 10.0, "text76"), (60.0, 120.0, 10.0, "Fält: text75")]);
        assert_eq!(content(&[form]).0, "Fält: text75 text76\n");
        // An acute accent drawn after its letter, over it: one word.
        let mut accent = page(&[(60.0, 120.0, 10.0, "Kafe och te")]);
        let e = &accent.glyphs[3];
        let mark = Glyph { x: e.x + 1.0, text: "\u{b4}".into(), width: 3.0, ..e.clone() };
        accent.glyphs.insert(4, mark);
        for (i, g) in accent.glyphs.iter_mut().enumerate() {
            g.seq = i;
        }
        assert_eq!(content(&[accent]).0, "Kafe\u{b4} och te\n");
    }

    #[test]
    fn a_justified_line_s_wide_spaces_are_spaces_and_a_table_s_gaps_are_cells() {
        // Words a good em and a half apart, all alike: one justified line.
        let glyphs = set_words(60.0, 120.0, &["Vi", "ska", "stärka", "samverkan", "med", "föreningar"], 0.0, 16.0);
        let justified = Page { width: 595.0, height: 842.0, glyphs, marks: Vec::new() };
        assert_eq!(content(&[justified]).0, "Vi ska stärka samverkan med föreningar\n");
        let table = page(&[(60.0, 120.0, 10.0, "Mål"), (200.0, 120.0, 10.0, "Ansvar"), (260.0, 120.0, 10.0, "År")]);
        assert_eq!(content(&[table]).0, "Mål\tAnsvar\tÅr\n");
    }

    #[test]
    fn a_list_item_with_a_drawn_bullet_keeps_its_wrapped_line() {
        let mut items = page(&[
            (80.0, 120.0, 10.0, "Ett snabbare etablerande genom samverkan med"),
            (80.0, 133.0, 10.0, "näringslivet och föreningarna"),
            (80.0, 146.0, 10.0, "Goda kunskaper i svenska"),
        ]);
        items.marks = vec![(70.0, 114.0, 73.0, 117.0), (70.0, 140.0, 73.0, 143.0)];
        assert_eq!(
            content(&[items]).0,
            "• Ett snabbare etablerande genom samverkan med näringslivet och föreningarna\n• Goda kunskaper i svenska\n"
        );
    }

    #[test]
    fn text_off_the_sheet_is_dropped_and_a_box_too_small_for_a_page_gives_way_to_the_text() {
        let mut sheet = page(&[(60.0, 120.0, 10.0, "Integrationsplan"), (700.0, 120.0, 10.0, "dold text")]);
        sheet.clip_to(Rect::new(0.0, 0.0, 595.0, 842.0));
        assert_eq!(content(&[sheet]).0, "Integrationsplan\n");
        let mut tiny = page(&[(60.0, 120.0, 10.0, "Integrationsplan"), (60.0, 400.0, 10.0, "Mål för arbetet.")]);
        (tiny.width, tiny.height) = (59.0, 9.0);
        tiny.clip_to(Rect::new(0.0, 0.0, 595.0, 842.0));
        assert_eq!(content(&[tiny]).0, "Integrationsplan\n\nMål för arbetet.\n");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_whatever_the_drawing_order() {
        let mut lines = vec![(60.0, 80.0, 18.0, "Integrationsprogram")];
        for i in 0..12 {
            let y = 130.0 + f64::from(i) * 13.0;
            // Drawn line by line across both columns.
            lines.push((60.0, y, 10.0, if i == 11 { "slut vänster." } else { "vänster spalt text" }));
            lines.push((320.0, y, 10.0, if i == 0 { "höger början" } else { "höger spalt text" }));
        }
        let (text, _) = content(&[page(&lines)]);
        let left_end = text.find("slut vänster.").unwrap();
        let right_start = text.find("höger början").unwrap();
        assert!(text.starts_with("Integrationsprogram\n\n"), "{text}");
        assert!(left_end < right_start, "{text}");
        assert!(!text[..left_end].contains("höger"), "{text}");
    }

    #[test]
    fn a_first_page_s_wide_head_and_footnote_marks_do_not_hide_its_columns() {
        let mut lines = vec![(60.0, 60.0, 18.0, "Integrationsprogram för Åby och Byå kommuner")];
        for i in 0..4 {
            // Authors and affiliations, centred across the gutter, with marks.
            let y = 90.0 + f64::from(i) * 12.0;
            lines.push((150.0, y, 10.0, "Anna Berg, Omar Said, Lena Ek, Ali Nur"));
            lines.push((300.0, y - 4.0, 6.0, "*"));
        }
        for i in 0..10 {
            let y = 160.0 + f64::from(i) * 13.0;
            lines.push((60.0, y, 10.0, if i == 9 { "slut vänster." } else { "vänster spalt text" }));
            lines.push((320.0, y, 10.0, if i == 0 { "höger början" } else { "höger spalt text" }));
        }
        let (text, _) = content(&[page(&lines)]);
        let left_end = text.find("slut vänster.").unwrap();
        assert!(!text[..left_end].contains("höger"), "{text}");
    }

    #[test]
    fn a_footnote_number_stays_in_its_line_as_a_word_of_its_own() {
        let mut note = page(&[
            (60.0, 120.0, 10.0, "Alla nyanlända kommuner"),
            (60.0, 133.0, 10.0, "ska erbjuda praktik."),
            (60.0, 160.0, 7.0, "Text i liten stil under."),
        ]);
        // A 6 pt `2` raised 3.5 pt right after `kommuner`.
        note.glyphs.push(Glyph {
            x: 175.0,
            y: 116.5,
            width: 3.0,
            size: 6.0,
            text: "2".into(),
            bold: false,
            seq: note.glyphs.len(),
        });
        assert_eq!(content(&[note]).0, "Alla nyanlända kommuner 2 ska erbjuda praktik.\n\nText i liten stil under.\n");
        // References after a line's end, without letters: `[5][6]`.
        let mut cited = page(&[(60.0, 120.0, 10.0, "Kommunen har ett program."), (60.0, 133.0, 10.0, "Det gäller till 2030.")]);
        for (i, c) in "[5][6]".chars().enumerate() {
            let seq = cited.glyphs.len();
            cited.glyphs.push(Glyph {
                x: 185.0 + 3.0 * i as f64,
                y: 116.5,
                width: 3.0,
                size: 6.0,
                text: c.into(),
                bold: false,
                seq,
            });
        }
        assert_eq!(content(&[cited]).0, "Kommunen har ett program.[5][6] Det gäller till 2030.\n");
    }

    #[test]
    fn lines_set_one_and_a_half_apart_are_one_paragraph_and_an_item_keeps_its_wrapped_line() {
        // 11 pt type on a 17.5 pt pitch, paragraphs and items 26 pt apart.
        let lines = [
            (60.0, 100.0, 11.0, "Kommunen ska arbeta för att fler nyanlända"),
            (60.0, 117.5, 11.0, "kommer i arbete och att alla barn går"),
            (60.0, 135.0, 11.0, "i förskola."),
            (60.0, 161.0, 11.0, "Kommunen ansvarar för:"),
            (60.0, 187.0, 11.0, "\u{f0b7} utbetalning av försörjningsstöd innan"),
            (74.0, 204.5, 11.0, "etableringsersättning,"),
            (60.0, 230.5, 11.0, "\u{f0b7} förskola och skola."),
        ];
        assert_eq!(
            content(&[page(&lines)]).0,
            "Kommunen ska arbeta för att fler nyanlända kommer i arbete och att alla barn går i förskola.\n\n\
             Kommunen ansvarar för:\n\n\
             \u{f0b7} utbetalning av försörjningsstöd innan etableringsersättning,\n\u{f0b7} förskola och skola.\n"
        );
    }

    #[test]
    fn a_bold_line_in_the_body_s_size_over_plain_lines_is_a_heading_of_its_own() {
        let mut doc = page(&[
            (60.0, 100.0, 11.0, "Mål 1: Fler i arbete"),
            (60.0, 114.0, 11.0, "Kommunen ska arbeta för att fler nyanlända"),
            (60.0, 128.0, 11.0, "kommer i arbete."),
        ]);
        let heading = "Mål 1: Fler i arbete".chars().count();
        for g in &mut doc.glyphs[..heading] {
            g.bold = true;
        }
        // A bold word inside a line leaves the line plain.
        doc.glyphs[heading].bold = true;
        assert_eq!(content(&[doc]).0, "Mål 1: Fler i arbete\n\nKommunen ska arbeta för att fler nyanlända kommer i arbete.\n");
    }

    #[test]
    fn a_paragraph_at_a_single_page_s_foot_is_text_and_a_lone_footer_line_is_not() {
        let mut lines = vec![(60.0, 60.0, 18.0, "Föräldramöte")];
        for i in 0..10 {
            lines.push((60.0, 120.0 + f64::from(i) * 13.0, 10.0, "Skolan bjuder in alla föräldrar till ett möte om"));
        }
        let foot = [
            "Vi söker en förälder som vill hjälpa till med",
            "läxhjälpen på tisdagar under hela läsåret, hör",
            "av dig till skolans expedition om du kan.",
        ];
        for (i, line) in foot.into_iter().enumerate() {
            lines.push((60.0, 780.0 + i as f64 * 13.0, 10.0, line));
        }
        let (text, _) = content(&[page(&lines)]);
        assert!(text.contains("Vi söker en förälder"), "{text}");
        let mut lone = lines[..11].to_vec();
        lone.push((60.0, 800.0, 9.0, "Tryckt 2024-05-02 av Åby kommun"));
        let (text, _) = content(&[page(&lone)]);
        assert!(!text.contains("Tryckt"), "{text}");
    }

    #[test]
    fn three_columns_are_read_one_after_the_other() {
        let mut lines = vec![(40.0, 60.0, 18.0, "Nyhetsbrev om integration")];
        for i in 0..12 {
            let y = 110.0 + f64::from(i) * 13.0;
            lines.push((40.0, y, 9.0, if i == 11 { "slut ett." } else { "första spalt" }));
            lines.push((
                225.0,
                y,
                9.0,
                if i == 0 {
                    "andra början"
                } else if i == 11 {
                    "slut två."
                } else {
                    "andra spalt"
                },
            ));
            lines.push((410.0, y, 9.0, if i == 0 { "tredje början" } else { "tredje spalt" }));
        }
        let (text, _) = content(&[page(&lines)]);
        let (one, two, three) =
            (text.find("slut ett.").unwrap(), text.find("andra början").unwrap(), text.find("tredje början").unwrap());
        assert!(one < two && text.find("slut två.").unwrap() < three, "{text}");
        assert!(!text[..one].contains("andra") && !text[..three].contains("tredje spalt"), "{text}");
    }

    #[test]
    fn a_letter_spaced_line_is_read_as_its_words() {
        // Each letter 5 pt wide and 3 pt apart; the words 9 pt apart.
        let glyphs = set_words(60.0, 120.0, &["INTEGRATION", "I", "ÅBY"], 3.0, 6.0);
        let spaced = Page { width: 595.0, height: 842.0, glyphs, marks: Vec::new() };
        assert_eq!(content(&[spaced]).0, "INTEGRATION I ÅBY\n");
    }

    #[test]
    fn a_justified_column_s_stretched_line_stays_one_beside_the_other_column() {
        // A left column from x = 60, a right one from x = 330.
        let mut glyphs = Vec::new();
        for i in 0..10 {
            let y = 120.0 + f64::from(i) * 13.0;
            if i == 4 {
                // Four words stretched 16 pt apart to fill the column.
                glyphs.extend(set_words(60.0, y, &["nya", "familjer", "erbjuds", "mer"], 0.0, 16.0));
            } else {
                glyphs.extend(set_words(60.0, y, &["vänster", "spalt", "löper", "vidare"], 0.0, 3.0));
            }
            glyphs.extend(set_words(330.0, y, &["höger", "spalt", "löper", "vidare"], 0.0, 3.0));
        }
        let columns = Page { width: 595.0, height: 842.0, glyphs: glyphs.clone(), marks: Vec::new() };
        let (text, _) = content(&[columns]);
        assert!(text.contains("vidare nya familjer erbjuds mer vänster"), "{text}");
        assert!(text.find("höger").unwrap() > text.find("nya familjer").unwrap(), "{text}");
        // A gutter hardly wider than the stretched spaces still parts the
        // columns: the right one from x = 230, 17 pt after `mer`, on a page
        // 500 pt wide.
        let narrow: Vec<Glyph> =
            glyphs.into_iter().map(|g| if g.x >= 330.0 { Glyph { x: g.x - 100.0, ..g } } else { g }).collect();
        let (text, _) = content(&[Page { width: 500.0, height: 842.0, glyphs: narrow, marks: Vec::new() }]);
        assert!(text.contains("vidare nya familjer erbjuds mer vänster"), "{text}");
        assert!(!text[..text.find("höger").unwrap()].contains("höger"), "{text}");
        assert!(text.find("höger").unwrap() > text.rfind("vänster").unwrap(), "{text}");
    }

    #[test]
    fn an_action_table_with_a_wide_first_column_stays_rows_and_its_wrapped_cells_whole() {
        // Åtgärd | Ansvar | Tid, the first column wide: the gap after it
        // is no gutter, and a cell's wrapped line (in lower case, a line's
        // distance on) goes back into its cell.
        let rows: [(f64, &[(f64, &str)]); 8] = [
            (100.0, &[(60.0, "Åtgärd"), (330.0, "Ansvar"), (480.0, "Tid")]),
            (122.0, &[(60.0, "Erbjuda praktikplatser inom kommunens"), (330.0, "HR-avdelningen"), (480.0, "2024")]),
            (135.0, &[(60.0, "alla förvaltningar")]),
            (157.0, &[(60.0, "Utveckla samhällsorienteringen med"), (330.0, "Vuxenutbildningen och"), (480.0, "2025")]),
            (170.0, &[(60.0, "civilsamhället"), (330.0, "fritidsförvaltningen")]),
            (192.0, &[(60.0, "Kartlägga boendesituationen"), (330.0, "Samhällsbyggnad"), (480.0, "2026")]),
            (214.0, &[(60.0, "Följa upp planen varje år"), (330.0, "Kommunstyrelsen"), (480.0, "2026")]),
            (236.0, &[(60.0, "Samla föreningarna en gång om året"), (330.0, "Kultur och fritid"), (480.0, "2026")]),
        ];
        let lines: Vec<(f64, f64, f64, &str)> =
            rows.iter().flat_map(|&(y, cells)| cells.iter().map(move |&(x, t)| (x, y, 10.0, t))).collect();
        let (text, _) = content(&[page(&lines)]);
        assert!(
            text.starts_with(
                "Åtgärd\tAnsvar\tTid\nErbjuda praktikplatser inom kommunens alla förvaltningar\tHR-avdelningen\t2024\n\
                 Utveckla samhällsorienteringen med civilsamhället\tVuxenutbildningen och fritidsförvaltningen\t2025\n\
                 Kartlägga boendesituationen\tSamhällsbyggnad\t2026\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_a_paragraph_cut_by_a_page_is_joined() {
        let body = |last: &'static str| {
            let mut lines = vec![
                (60.0, 40.0, 8.0, "Åby kommun – Integrationsprogram"),
                (60.0, 120.0, 10.0, "Kommunen ska arbeta för att fler nyanlända får ett arbete och att"),
            ];
            lines.push((60.0, 133.0, 10.0, last));
            lines.push((500.0, 800.0, 9.0, "Sida 1 av 2"));
            lines
        };
        let first = page(&body("alla kommun-"));
        let second = page(&[
            (60.0, 40.0, 8.0, "Åby kommun – Integrationsprogram"),
            (60.0, 120.0, 10.0, "invånare känner sig delaktiga i samhället."),
            (500.0, 800.0, 9.0, "Sida 2 av 2"),
        ]);
        let pages = [first, second];
        let (text, starts) = content(&pages);
        assert_eq!(
            text,
            "Kommunen ska arbeta för att fler nyanlända får ett arbete och att alla kommuninvånare känner sig delaktiga i samhället.\n"
        );
        assert_eq!(starts.len(), 2);
        // The furniture stays in the text, where it stands, and is marked.
        let (text, _, furniture) = layout(&pages);
        let marked: Vec<&str> = furniture.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            marked,
            ["Åby kommun – Integrationsprogram", "Sida 1 av 2", "Åby kommun – Integrationsprogram", "Sida 2 av 2"]
        );
        assert!(text.starts_with("Åby kommun – Integrationsprogram\n\nKommunen ska arbeta"), "{text}");
    }

    #[test]
    fn larger_type_is_a_heading_and_bullets_are_items() {
        let (text, _) = content(&[page(&[
            (60.0, 100.0, 16.0, "Fokusområden"),
            (60.0, 130.0, 10.0, "Kommunen prioriterar:"),
            (60.0, 150.0, 10.0, "• Arbete och egen försörjning"),
            (60.0, 163.0, 10.0, "• Språk och utbildning för"),
            (70.0, 176.0, 10.0, "vuxna"),
            (60.0, 200.0, 10.0, "Uppföljning sker varje år i kommunstyrelsen och i nämnderna."),
        ])]);
        assert_eq!(
            text,
            "Fokusområden\n\nKommunen prioriterar:\n\n• Arbete och egen försörjning\n• Språk och utbildning för vuxna\n\nUppföljning sker varje år i kommunstyrelsen och i nämnderna.\n"
        );
    }
}

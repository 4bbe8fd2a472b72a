//! HTML to the text kommunbench ingests: the page's main content, its
//! structure kept as lines (headings alone, list items with markers,
//! table cells between tabs), its chrome left out by structure.

use std::borrow::Cow;

use kommunbench_ingest::FormatMeta;
use kommunbench_text::collapse_whitespace;
use scraper::{ElementRef, Html, Node};

use crate::HOSTILE;
use crate::text::{Blocks, leading_date, marker, push_item};

/// Elements that are never content.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "select",
    "input", "label", "dialog", "menu", "head",
];

/// Roles that mark page chrome.
const CHROME_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alert"];

/// Words in a class or id that mark page chrome.
const CHROME_NAMES: &[&str] = &[
    "cookie",
    "consent",
    "breadcrumb",
    "share",
    "social",
    "feedback",
    "skip",
    "navbar",
    "sidebar",
    "site-header",
    "site-footer",
    "menu",
    "related",
    "print",
    "translate",
    "readspeaker",
];

/// Block elements: their text is a paragraph of its own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "dl",
    "dd",
    "dt",
    "details",
    "summary",
];

/// Whether bytes are an HTML page, by how the file starts, as the WHATWG's MIME sniffing standard tells
/// HTML: after a byte order mark, white space, an XML declaration and
/// comments, the first thing is a document type of `html` or one of the
/// tags a page starts with (`<html`, `<head`, `<body`, `<div`, `<p`, ...),
/// closed by a space or `>`. A text that mentions `<body>` further on is
/// a text. A page saved as UTF-16 (with its byte order mark) is told
/// the same way, from its decoded start.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    /// The standard's tags, after `<`, then a space or `>`.
    const TAGS: &[&str] = &[
        "!doctype html",
        "html",
        "head",
        "script",
        "iframe",
        "h1",
        "div",
        "font",
        "table",
        "a",
        "style",
        "title",
        "b",
        "body",
        "br",
        "p",
    ];
    let start = &bytes[..bytes.len().min(4096)];
    let head = match encoding_rs::Encoding::for_bom(start) {
        Some((utf16, _)) if utf16 != encoding_rs::UTF_8 => utf16.decode_with_bom_removal(start).0,
        _ => String::from_utf8_lossy(&start[..start.len().min(2048)]),
    };
    let head = head.to_ascii_lowercase();
    let mut rest = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n', '\x0c']);
    loop {
        let skipped = if rest.starts_with("<?xml") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else {
            break;
        };
        let Some(end) = skipped else { return false };
        rest = rest[end..].trim_start_matches([' ', '\t', '\r', '\n', '\x0c']);
    }
    let Some(tag) = rest.strip_prefix('<') else { return false };
    TAGS.iter().any(|t| tag.strip_prefix(t).is_some_and(|after| after.starts_with([' ', '>', '\t', '\r', '\n', '\x0c'])))
}

/// The character set a page declares, found as a browser finds it (the
/// WHATWG's prescan): in a `<meta charset>` or a `<meta http-equiv
/// content="text/html; charset=...">` tag among the first 1024 bytes,
/// outside comments. Text that mentions `charset=` does not count. A
/// byte order mark, which outranks any declaration, is read by the
/// decoder itself; UTF-16 declared in a `<meta>` is UTF-8, as browsers
/// take it (a page whose tags read as ASCII is not UTF-16).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(head.len(), |end| i + 4 + end + 3);
            continue;
        }
        let meta = rest.len() > 5 && rest[0] == b'<' && rest[1..5].eq_ignore_ascii_case(b"meta");
        if meta && (rest[5].is_ascii_whitespace() || rest[5] == b'/') {
            let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
            if let Some(encoding) = charset_in(&String::from_utf8_lossy(&rest[5..end]).to_ascii_lowercase()) {
                let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
                return Some(if utf16 { encoding_rs::UTF_8 } else { encoding });
            }
            i += end;
            continue;
        }
        i += 1;
    }
    None
}

/// The encoding a `<meta>` tag's attributes name (`charset="..."`, or a
/// `content` with `charset=` in it).
fn charset_in(attributes: &str) -> Option<&'static encoding_rs::Encoding> {
    let at = attributes.find("charset")? + "charset".len();
    let label = attributes[at..].trim_start().strip_prefix('=')?.trim_start().trim_start_matches(['"', '\'']);
    let label: String = label.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')).collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// `<meta>` names and properties of a publication date and of a
/// modification date, in order of trust.
const PUBLISHED: &[&str] =
    &["article:published_time", "dcterms.date", "dcterms.issued", "dc.date", "date", "pubdate", "publish-date", "datepublished"];
const MODIFIED: &[&str] = &["article:modified_time", "dcterms.modified", "last-modified", "modified", "datemodified"];

/// The page's metadata: `<meta>` dates (their first ten characters as
/// `YYYY-MM-DD`), `og:site_name` (else `application-name`), `<html lang>`.
fn metadata(document: &Html) -> FormatMeta {
    let meta = scraper::Selector::parse("meta").expect("meta selector");
    let mut found: Vec<(String, String)> = Vec::new();
    for m in document.select(&meta) {
        let e = m.value();
        let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"));
        if let (Some(key), Some(content)) = (key, e.attr("content")) {
            found.push((key.to_ascii_lowercase(), content.trim().to_owned()));
        }
    }
    let value = |keys: &[&str]| keys.iter().find_map(|k| found.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    let date = |keys: &[&str]| value(keys).and_then(|v| leading_date(&v));
    let html = scraper::Selector::parse("html").expect("html selector");
    FormatMeta {
        published: date(PUBLISHED),
        updated: date(MODIFIED),
        site: value(&["og:site_name", "application-name"]).filter(|s| !s.is_empty()),
        language: document.select(&html).next().and_then(|h| h.value().attr("lang")).map(str::to_owned).filter(|l| !l.is_empty()),
        title: None,
        ..FormatMeta::default()
    }
}

/// The page's source in the encoding it declares (its byte order mark,
/// else its `<meta>`, else UTF-8), unless its bytes rule that encoding
/// out, and what was done then:
///
/// - declared in a single-byte encoding (`windows-1252`, `ISO-8859-1`)
///   but UTF-8 with letters beyond ASCII: read as UTF-8 (a declaration
///   left from an old template; as declared, every `å` would read `Ã¥`);
/// - declared as UTF-8, or declaring nothing, but not UTF-8: read as a
///   text file is ([`kommunbench_ingest::decode`]), so windows-1252, or
///   UTF-8 with its few damaged bytes as U+FFFD.
fn decode_page(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    let declared = declared_charset(bytes);
    let encoding = declared.unwrap_or(encoding_rs::UTF_8);
    let (source, used, malformed) = encoding.decode(bytes);
    if used != encoding {
        // A byte order mark, which outranks a declaration.
        return (source, None);
    }
    let said = declared.map_or_else(|| "declares no encoding".to_owned(), |e| format!("declares {}", e.name()));
    if used == encoding_rs::UTF_8 && malformed {
        let first = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
        return match kommunbench_ingest::decode(bytes) {
            Ok(d) if d.encoding == "windows-1252" => {
                (Cow::Owned(d.text), Some(format!("the page {said} but is not UTF-8 (byte {first}); read as windows-1252")))
            }
            Ok(d) => {
                let n = d.damaged.len();
                let caveat = format!(
                    "the page {said}: {n} invalid UTF-8 {} (first at byte {first}) read as U+FFFD",
                    if n == 1 { "sequence" } else { "sequences" }
                );
                (Cow::Owned(d.text), Some(caveat))
            }
            Err(e) => (source, Some(format!("the page {said} but is not UTF-8 ({e}); invalid bytes read as U+FFFD"))),
        };
    }
    if used.is_single_byte()
        && !bytes.is_ascii()
        && let Ok(utf8) = std::str::from_utf8(bytes)
    {
        return (Cow::Borrowed(utf8), Some(format!("the page {said} but is written in UTF-8; read as UTF-8")));
    }
    (source, None)
}

/// Converts a page to text and its metadata, with what reading it met
/// (see [`decode_page`]).
pub(crate) fn to_text(bytes: &[u8]) -> Result<(String, FormatMeta, Vec<String>), String> {
    let (source, caveat) = decode_page(bytes);
    let document = Html::parse_document(&source);
    within_bounds(&document)?;
    let meta = metadata(&document);
    let mut out = Writer::default();
    // The title when the page has no `h1`.
    let h1 = scraper::Selector::parse("h1").map_err(|e| e.to_string())?;
    let title = scraper::Selector::parse("title").map_err(|e| e.to_string())?;
    if document.select(&h1).next().is_none()
        && let Some(t) = document.select(&title).next()
    {
        out.blocks.block(&collapse_whitespace(&t.text().collect::<String>()));
    }
    out.walk(document.root_element(), 0);
    out.flush();
    let text = out.blocks.finish().map_err(|_| "an HTML page without text content".to_owned())?;
    Ok((text, meta, caveat.into_iter().collect()))
}

/// The deepest nesting of elements a page may have. Real pages nest a few
/// dozen deep; the readers below walk the tree recursively, so a page
/// nested deeper (a million `<b>`, a hostile file) is refused before it
/// is walked.
const MAX_DEPTH: usize = 1_000;

/// The most elements a page may have (a large real page has tens of
/// thousands).
const MAX_ELEMENTS: usize = 2_000_000;

/// Refuses a page nested deeper than [`MAX_DEPTH`] or with more than
/// [`MAX_ELEMENTS`] elements, found in one pass that does not recurse.
fn within_bounds(document: &Html) -> Result<(), String> {
    use ego_tree::iter::Edge;
    let (mut depth, mut elements) = (0usize, 0usize);
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                elements += 1;
                if depth > MAX_DEPTH {
                    return Err(format!("an HTML page nested more than {MAX_DEPTH} elements deep; {HOSTILE}"));
                }
            }
            Edge::Close(node) if node.value().is_element() => depth -= 1,
            _ => {}
        }
    }
    if elements > MAX_ELEMENTS {
        return Err(format!("an HTML page of {elements} elements, more than the limit of {MAX_ELEMENTS}"));
    }
    Ok(())
}

/// A child of an element that counts as content: text, or an element
/// that is not [`chrome`].
enum Part<'a> {
    Text(&'a str),
    Element(ElementRef<'a>),
}

/// An element's children that count as content, in order.
fn content(el: ElementRef<'_>) -> impl Iterator<Item = Part<'_>> {
    el.children().filter_map(|child| match child.value() {
        Node::Text(t) => Some(Part::Text(t)),
        Node::Element(_) => ElementRef::wrap(child).filter(|c| !chrome(c)).map(Part::Element),
        _ => None,
    })
}

/// The text of an element's content, chrome and hidden parts left out.
fn visible_text(el: ElementRef<'_>, out: &mut String) {
    for part in content(el) {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Element(child) => {
                if child.value().name() == "br" {
                    out.push(' ');
                }
                visible_text(child, out);
            }
        }
    }
}

fn visible(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    visible_text(el, &mut out);
    collapse_whitespace(&out)
}

/// Whether an element is page chrome by its name, role or class and id.
fn chrome(el: &ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r)) {
        return true;
    }
    // Compared without allocating: this runs once per element.
    let names = |value: Option<&str>| {
        value.is_some_and(|v| {
            CHROME_NAMES.iter().any(|n| v.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n.as_bytes())))
        })
    };
    names(e.attr("class")) || names(e.attr("id"))
}

#[derive(Default)]
struct Writer {
    blocks: Blocks,
    /// Inline text of the block being read.
    line: String,
}

impl Writer {
    /// Ends the inline text as a paragraph.
    fn flush(&mut self) {
        let line = collapse_whitespace(&self.line);
        self.line.clear();
        if !line.is_empty() {
            self.blocks.block(&line);
        }
    }

    fn walk(&mut self, el: ElementRef<'_>, depth: usize) {
        for part in content(el) {
            match part {
                Part::Text(t) => self.line.push_str(t),
                Part::Element(child) => self.element(child, depth),
            }
        }
    }

    fn element(&mut self, el: ElementRef<'_>, depth: usize) {
        match el.value().name() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = visible(el);
                if !text.is_empty() {
                    self.blocks.heading(&text);
                }
            }
            "br" => self.line.push('\n'),
            "ul" | "ol" => {
                self.flush();
                let lines = Self::list(el, depth);
                if !lines.is_empty() {
                    self.blocks.block(&lines.join("\n"));
                }
            }
            "table" => {
                self.flush();
                self.blocks.rows(&table_rows(el));
            }
            name if BLOCKS.contains(&name) || name == "body" || name == "html" => {
                self.flush();
                self.walk(el, depth);
                self.flush();
            }
            _ => self.walk(el, depth),
        }
    }

    /// A list's items as lines, nested lists indented under their item.
    fn list(el: ElementRef<'_>, depth: usize) -> Vec<String> {
        let ordered = el.value().name() == "ol";
        let mut lines = Vec::new();
        let mut n = 0;
        for item in el.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "li" && !chrome(c)) {
            n += 1;
            let mut own = String::new();
            let mut nested = Vec::new();
            for part in content(item) {
                match part {
                    Part::Text(t) => own.push_str(t),
                    Part::Element(child) if matches!(child.value().name(), "ul" | "ol") => {
                        nested.extend(Self::list(child, depth + 1));
                    }
                    Part::Element(child) => {
                        own.push(' ');
                        visible_text(child, &mut own);
                    }
                }
            }
            let text = collapse_whitespace(&own);
            if !text.is_empty() {
                let mut line = String::new();
                push_item(&mut line, depth, &marker(depth, ordered, n), &text);
                lines.push(line);
            }
            lines.extend(nested);
        }
        lines
    }
}

/// A table's rows, cells separated by tabs.
fn table_rows(el: ElementRef<'_>) -> Vec<String> {
    let row = scraper::Selector::parse("tr").expect("tr selector");
    let cell = scraper::Selector::parse("th, td").expect("cell selector");
    el.select(&row)
        .map(|r| r.select(&cell).map(visible).collect::<Vec<_>>().join("\t"))
        .filter(|r| !r.trim().is_empty())
        .collect()
}

//! Word (DOCX) and `OpenDocument` (ODT) files to the text kommunbench
//! ingests: both are zip archives of XML parts, read with `zip` and
//! `quick-xml`. Headings come from paragraph styles and outline levels,
//! list items from numbering (bullets or numbers, by level), tables by
//! rows; running headers, footers, comments, deleted revisions and field
//! codes are not in the body and are left out. The core properties
//! (title, created, modified) become metadata.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use kommunbench_ingest::FormatMeta;
use kommunbench_text::collapse_whitespace;
use quick_xml::events::Event;

use crate::text::{Blocks, leading_date};

/// The largest XML part read, unpacked (a zip bomb stops here).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// An XML element: its qualified name, attributes and children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first descendant by this path of names.
    fn path(&self, names: &[&str]) -> Option<&Element> {
        names.iter().try_fold(self, |e, n| e.child(n))
    }
}

/// Parses XML into an element tree.
fn parse(xml: &[u8]) -> Result<Element, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut stack = vec![Element::default()];
    let mut buf = Vec::new();
    let bad = |e: &dyn std::fmt::Display| format!("damaged XML ({e})");
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| bad(&e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let mut element =
                    Element { name: String::from_utf8_lossy(start.name().as_ref()).into_owned(), ..Element::default() };
                for attr in start.attributes().flatten() {
                    let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
                    let value = attr.unescape_value().map_err(|e| bad(&e))?.into_owned();
                    element.attrs.push((key, value));
                }
                if empty {
                    stack.last_mut().expect("root").children.push(Child::Element(element));
                } else {
                    if stack.len() > 512 {
                        return Err("XML nested too deeply".into());
                    }
                    stack.push(element);
                }
            }
            Event::End(_) => {
                let element = stack.pop().expect("open element");
                let Some(parent) = stack.last_mut() else { return Err(bad(&"unbalanced tags")) };
                parent.children.push(Child::Element(element));
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| bad(&e))?.into_owned();
                stack.last_mut().expect("root").children.push(Child::Text(text));
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                stack.last_mut().expect("root").children.push(Child::Text(text));
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().map_err(|e| bad(&e))? {
                    Some(c) => c.to_string(),
                    None => match &*r {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                stack.last_mut().expect("root").children.push(Child::Text(text));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if stack.len() != 1 {
        return Err(bad(&"unclosed tags"));
    }
    Ok(stack.pop().expect("root"))
}

/// The archive's parts by name, each read whole up to [`MAX_PART`].
struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Archive<'a> {
    /// Opens the archive in place, without copying its bytes.
    fn open(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a readable zip archive, probably cut off or damaged ({e})"))?;
        Ok(Archive { zip })
    }

    fn part(&mut self, name: &str) -> Result<Option<Element>, String> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("{name}: {e}")),
        };
        if file.encrypted() {
            return Err(format!("{name} is encrypted; save an unprotected copy and read that"));
        }
        let mut bytes = Vec::new();
        file.by_ref().take(MAX_PART + 1).read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
        if bytes.len() as u64 > MAX_PART {
            return Err(format!("{name} unpacks to more than {} MiB", MAX_PART / 1024 / 1024));
        }
        parse(&bytes).map(Some).map_err(|e| format!("{name}: {e}"))
    }

    fn names(&self) -> Vec<String> {
        self.zip.file_names().filter_map(Result::ok).map(std::borrow::Cow::into_owned).collect()
    }
}

/// Which of the zip formats a file is, by its parts.
///
/// A zip archive that cannot be opened (a DOCX cut off in a download
/// loses the directory at its end) is `Some(Err(message))`: it is no
/// text, and what it is cannot be told.
pub(crate) fn office_kind(bytes: &[u8]) -> Option<Result<&'static str, String>> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let archive = match Archive::open(bytes) {
        Ok(archive) => archive,
        Err(message) => return Some(Err(message)),
    };
    let (mut docx, mut odt) = (false, false);
    for name in archive.names() {
        docx |= name == "word/document.xml";
        odt |= name == "content.xml";
    }
    if docx {
        Some(Ok("DOCX"))
    } else if odt {
        // An ODF text document says so in its `mimetype` part.
        Some(Ok("ODT"))
    } else {
        None
    }
}

/// The text of an element's descendants, as plain text.
fn text_of(e: &Element, out: &mut String) {
    for child in &e.children {
        match child {
            Child::Text(t) => out.push_str(t),
            Child::Element(c) => text_of(c, out),
        }
    }
}

/// A file's properties (`docProps/core.xml`, `meta.xml`): title,
/// language, and the dates under the names the format gives them.
fn properties(props: Option<&Element>, created: &str, modified: &str) -> FormatMeta {
    let value = |name: &str| element_text(props.and_then(|p| p.child(name)));
    FormatMeta {
        created: value(created).as_deref().and_then(leading_date),
        modified: value(modified).as_deref().and_then(leading_date),
        language: value("dc:language"),
        title: value("dc:title"),
        ..FormatMeta::default()
    }
}

fn element_text(e: Option<&Element>) -> Option<String> {
    let mut out = String::new();
    text_of(e?, &mut out);
    let out = collapse_whitespace(&out);
    (!out.is_empty()).then_some(out)
}

// ---------------------------------------------------------------- DOCX

/// A paragraph style: its heading level and list numbering, if any.
#[derive(Debug, Default, Clone)]
struct Style {
    heading: Option<u8>,
    numbering: Option<(String, u8)>,
    based_on: Option<String>,
}

/// Reads `word/styles.xml`: heading levels from outline levels or from
/// the built-in names (`heading 1`, `Title`), whatever the style ids are
/// called in the author's language (`Rubrik1`).
fn docx_styles(styles: Option<&Element>) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let Some(styles) = styles else { return out };
    for s in styles.elements().filter(|e| e.name == "w:style") {
        let Some(id) = s.attr("w:styleId") else { continue };
        let name = s.child("w:name").and_then(|n| n.attr("w:val")).unwrap_or("").to_lowercase();
        let outline = s.path(&["w:pPr", "w:outlineLvl"]).and_then(|o| o.attr("w:val")).and_then(|v| v.parse::<u8>().ok());
        let heading = match outline {
            Some(level) if level < 9 => Some(level + 1),
            _ if name == "title" => Some(1),
            _ => name.strip_prefix("heading ").and_then(|n| n.trim().parse::<u8>().ok()),
        };
        let numbering = numbering_of(s.child("w:pPr"));
        let based_on = s.child("w:basedOn").and_then(|b| b.attr("w:val")).map(str::to_owned);
        out.insert(id.to_owned(), Style { heading, numbering, based_on });
    }
    out
}

/// `w:numPr`: the numbering's id and level; id 0 means none.
fn numbering_of(ppr: Option<&Element>) -> Option<(String, u8)> {
    let num = ppr?.child("w:numPr")?;
    let id = num.child("w:numId")?.attr("w:val")?.to_owned();
    let level = num.child("w:ilvl").and_then(|l| l.attr("w:val")).and_then(|v| v.parse().ok()).unwrap_or(0);
    (id != "0").then_some((id, level))
}

/// Reads `word/numbering.xml`: for each numbering id and level, whether
/// it is bullets.
fn docx_numbering(numbering: Option<&Element>) -> HashMap<(String, u8), bool> {
    let mut out = HashMap::new();
    let Some(numbering) = numbering else { return out };
    let mut abstracts: HashMap<&str, HashMap<u8, bool>> = HashMap::new();
    for a in numbering.elements().filter(|e| e.name == "w:abstractNum") {
        let Some(id) = a.attr("w:abstractNumId") else { continue };
        let levels = a
            .elements()
            .filter(|e| e.name == "w:lvl")
            .filter_map(|l| {
                let level = l.attr("w:ilvl")?.parse().ok()?;
                let format = l.child("w:numFmt").and_then(|f| f.attr("w:val")).unwrap_or("decimal");
                Some((level, matches!(format, "bullet" | "none")))
            })
            .collect();
        abstracts.insert(id, levels);
    }
    for n in numbering.elements().filter(|e| e.name == "w:num") {
        let (Some(id), Some(a)) = (n.attr("w:numId"), n.child("w:abstractNumId").and_then(|a| a.attr("w:val"))) else { continue };
        for (level, bullet) in abstracts.get(a).into_iter().flatten() {
            out.insert((id.to_owned(), *level), *bullet);
        }
    }
    out
}

struct Docx {
    styles: HashMap<String, Style>,
    numbering: HashMap<(String, u8), bool>,
    out: Blocks,
}

impl Docx {
    /// The style's property, or its base style's.
    fn style<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = Some(id);
        for _ in 0..16 {
            let style = self.styles.get(id?)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            id = style.based_on.as_deref();
        }
        None
    }

    fn body(&mut self, e: &Element) {
        for child in e.elements() {
            match child.name.as_str() {
                "w:p" => self.paragraph(child),
                "w:tbl" => {
                    let rows = docx_rows(child);
                    self.out.rows(&rows);
                }
                // Content controls and inserted revisions hold body content.
                "w:sdt" | "w:sdtContent" | "w:ins" | "w:customXml" => self.body(child),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element) {
        let mut text = String::new();
        runs(p, &mut text);
        let text = collapse_whitespace(&text);
        if text.is_empty() {
            return;
        }
        let ppr = p.child("w:pPr");
        let style = ppr.and_then(|p| p.child("w:pStyle")).and_then(|s| s.attr("w:val"));
        let outline = ppr.and_then(|p| p.child("w:outlineLvl")).and_then(|o| o.attr("w:val")).and_then(|v| v.parse::<u8>().ok());
        let heading = match outline {
            Some(level) if level < 9 => Some(level + 1),
            _ => style.and_then(|s| self.style(s, |st| st.heading)),
        };
        if heading.is_some() {
            self.out.heading(&text);
            return;
        }
        let numbering = numbering_of(ppr).or_else(|| style.and_then(|s| self.style(s, |st| st.numbering.clone())));
        match numbering {
            Some((id, level)) => {
                let bullet = self.numbering.get(&(id.clone(), level)).copied().unwrap_or(true);
                self.out.item(usize::from(level), !bullet, &id, &text);
            }
            None => self.out.paragraph(&text),
        }
    }
}

/// The text of a paragraph's runs: text, tabs, breaks; not deleted text,
/// field codes, or footnote marks.
fn runs(e: &Element, out: &mut String) {
    for child in &e.children {
        let Child::Element(c) = child else { continue };
        match c.name.as_str() {
            "w:t" => text_of(c, out),
            "w:tab" | "w:ptab" => out.push('\t'),
            "w:br" | "w:cr" => out.push(' '),
            "w:noBreakHyphen" => out.push('-'),
            "w:sym" => {
                if let Some(code) = c.attr("w:char").and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32) {
                    out.push(code);
                }
            }
            "w:del"
            | "w:delText"
            | "w:instrText"
            | "w:pPr"
            | "w:rPr"
            | "w:footnoteReference"
            | "w:endnoteReference"
            | "w:commentReference" => {}
            _ => runs(c, out),
        }
    }
}

fn docx_rows(table: &Element) -> Vec<String> {
    let mut rows = Vec::new();
    for row in table.elements().filter(|e| e.name == "w:tr") {
        let cells: Vec<String> = row
            .elements()
            .filter(|e| e.name == "w:tc")
            .map(|cell| {
                let mut text = String::new();
                for p in cell.elements() {
                    if p.name == "w:p" {
                        runs(p, &mut text);
                        text.push(' ');
                    } else if p.name == "w:tbl" {
                        text.push_str(&docx_rows(p).join(" "));
                    }
                }
                collapse_whitespace(&text.replace('\t', " "))
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells.join("\t"));
        }
    }
    rows
}

/// Reads a DOCX file.
pub(crate) fn docx(bytes: &[u8]) -> Result<(String, FormatMeta), String> {
    let mut archive = Archive::open(bytes)?;
    let document = archive.part("word/document.xml")?.ok_or("no word/document.xml in the archive")?;
    let styles = archive.part("word/styles.xml")?;
    let numbering = archive.part("word/numbering.xml")?;
    let core = archive.part("docProps/core.xml")?;
    let mut reader = Docx {
        styles: docx_styles(styles.as_ref().and_then(|s| s.child("w:styles"))),
        numbering: docx_numbering(numbering.as_ref().and_then(|n| n.child("w:numbering"))),
        out: Blocks::default(),
    };
    let body = document.path(&["w:document", "w:body"]).ok_or("word/document.xml has no body")?;
    reader.body(body);
    let meta = properties(core.as_ref().and_then(|c| c.child("cp:coreProperties")), "dcterms:created", "dcterms:modified");
    Ok((reader.out.finish()?, meta))
}

// ----------------------------------------------------------------- ODT

struct Odt {
    out: Blocks,
    lists: usize,
    /// List styles by name: for each level (from 1), whether it numbers.
    list_styles: HashMap<String, HashMap<u8, bool>>,
}

/// The list styles of a `office:automatic-styles` or `office:styles`
/// element: which levels number their items.
fn odt_list_styles(styles: Option<&Element>, out: &mut HashMap<String, HashMap<u8, bool>>) {
    let Some(styles) = styles else { return };
    for style in styles.elements().filter(|e| e.name == "text:list-style") {
        let Some(name) = style.attr("style:name") else { continue };
        let levels = style
            .elements()
            .filter_map(|l| {
                let level = l.attr("text:level")?.parse().ok()?;
                match l.name.as_str() {
                    "text:list-level-style-number" => Some((level, l.attr("style:num-format").is_some_and(|f| !f.is_empty()))),
                    "text:list-level-style-bullet" | "text:list-level-style-image" => Some((level, false)),
                    _ => None,
                }
            })
            .collect();
        out.insert(name.to_owned(), levels);
    }
}

impl Odt {
    fn body(&mut self, e: &Element, depth: usize) {
        for child in e.elements() {
            match child.name.as_str() {
                "text:h" => {
                    let text = odt_text(child);
                    if !text.is_empty() {
                        self.out.heading(&text);
                    }
                }
                "text:p" => {
                    let text = odt_text(child);
                    if !text.is_empty() {
                        self.out.paragraph(&text);
                    }
                }
                "text:list" => {
                    self.lists += 1;
                    let id = format!("odt-{}", self.lists);
                    let style = child.attr("text:style-name").map(str::to_owned);
                    self.list(child, depth, &id, style.as_deref());
                }
                "table:table" => {
                    let rows = odt_rows(child);
                    self.out.rows(&rows);
                }
                "text:section" | "text:soft-page-break" | "office:text" | "table:table-row-group" => self.body(child, depth),
                _ => {}
            }
        }
    }

    /// A list's items; nested lists take their parent's style unless
    /// they name their own.
    fn list(&mut self, list: &Element, depth: usize, id: &str, style: Option<&str>) {
        let style = list.attr("text:style-name").or(style);
        let level = u8::try_from(depth + 1).unwrap_or(u8::MAX);
        let numbered = style.and_then(|s| self.list_styles.get(s)).and_then(|l| l.get(&level)).copied().unwrap_or(false);
        for item in list.elements().filter(|e| e.name == "text:list-item" || e.name == "text:list-header") {
            for part in item.elements() {
                match part.name.as_str() {
                    "text:p" | "text:h" => {
                        let text = odt_text(part);
                        if !text.is_empty() {
                            self.out.item(depth, numbered, id, &text);
                        }
                    }
                    "text:list" => self.list(part, depth + 1, id, style),
                    _ => {}
                }
            }
        }
    }
}

/// An ODT paragraph's text: spans, links, spaces, tabs, line breaks; not
/// notes, annotations or tracked deletions.
fn odt_text(e: &Element) -> String {
    fn walk(e: &Element, out: &mut String) {
        for child in &e.children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::Element(c) => match c.name.as_str() {
                    "text:s" => {
                        let n = c.attr("text:c").and_then(|n| n.parse::<usize>().ok()).unwrap_or(1).min(64);
                        out.extend(std::iter::repeat_n(' ', n));
                    }
                    "text:tab" | "text:line-break" => out.push(' '),
                    "text:note" | "office:annotation" | "text:tracked-changes" | "draw:frame" => {}
                    _ => walk(c, out),
                },
            }
        }
    }
    let mut out = String::new();
    walk(e, &mut out);
    collapse_whitespace(&out)
}

fn odt_rows(table: &Element) -> Vec<String> {
    let mut rows = Vec::new();
    let mut stack = vec![table];
    while let Some(e) = stack.pop() {
        for child in e.elements().collect::<Vec<_>>().into_iter().rev() {
            if child.name == "table:table-row" {
                let cells: Vec<String> = child
                    .elements()
                    .filter(|c| c.name == "table:table-cell")
                    .map(|c| {
                        c.elements()
                            .filter(|p| p.name == "text:p" || p.name == "text:h")
                            .map(odt_text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push(cells.join("\t"));
                }
            } else if matches!(child.name.as_str(), "table:table-rows" | "table:table-header-rows" | "table:table-row-group") {
                stack.push(child);
            }
        }
    }
    rows
}

/// Reads an ODT file.
pub(crate) fn odt(bytes: &[u8]) -> Result<(String, FormatMeta), String> {
    let mut archive = Archive::open(bytes)?;
    let content = archive.part("content.xml")?.ok_or("no content.xml in the archive")?;
    let meta_part = archive.part("meta.xml")?;
    let text = content
        .path(&["office:document-content", "office:body", "office:text"])
        .ok_or("content.xml has no text body (not a text document)")?;
    let styles = archive.part("styles.xml")?;
    let mut list_styles = HashMap::new();
    odt_list_styles(content.path(&["office:document-content", "office:automatic-styles"]), &mut list_styles);
    odt_list_styles(styles.as_ref().and_then(|s| s.path(&["office:document-styles", "office:styles"])), &mut list_styles);
    let mut reader = Odt { out: Blocks::default(), lists: 0, list_styles };
    reader.body(text, 0);
    let meta = properties(
        meta_part.as_ref().and_then(|m| m.path(&["office:document-meta", "office:meta"])),
        "meta:creation-date",
        "dc:date",
    );
    Ok((reader.out.finish()?, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_char_refs_are_text() {
        let e = parse(b"<a>Mat &amp; kultur &#228;r &lt;viktigt&gt;</a>").unwrap();
        assert_eq!(element_text(Some(&e)).unwrap(), "Mat & kultur är <viktigt>");
    }

    #[test]
    fn damaged_xml_is_an_error() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
    }

    fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            for (name, text) in parts {
                zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
                std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
            }
            zip.finish().unwrap();
        }
        bytes
    }

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn docx_headings_by_style_whatever_its_id_lists_by_numbering_and_no_deleted_text() {
        let styles = format!(
            "<w:styles {W}>\
             <w:style w:styleId=\"Rubrik1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:styleId=\"Egen\"><w:name w:val=\"Egen rubrik\"/><w:basedOn w:val=\"Rubrik1\"/></w:style>\
             <w:style w:styleId=\"Liststycke\"><w:name w:val=\"List Paragraph\"/></w:style></w:styles>"
        );
        let numbering = format!(
            "<w:numbering {W}><w:abstractNum w:abstractNumId=\"0\">\
             <w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl>\
             </w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
        );
        let item = |level: u8, text: &str| {
            format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Liststycke\"/><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        };
        let document = format!(
            "<w:document {W}><w:body>\
             <w:p><w:pPr><w:pStyle w:val=\"Rubrik1\"/></w:pPr><w:r><w:t>Integrationsprogram</w:t></w:r></w:p>\
             <w:p><w:r><w:t xml:space=\"preserve\">Vi vill </w:t></w:r><w:del><w:r><w:delText>inte </w:delText></w:r></w:del><w:r><w:t>att:</w:t></w:r></w:p>\
             {}{}{}\
             <w:p><w:pPr><w:pStyle w:val=\"Egen\"/></w:pPr><w:r><w:t>Uppf&#246;ljning</w:t></w:r></w:p>\
             <w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Sida 1</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Åtgärd</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ansvar</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
             </w:body></w:document>",
            item(0, "Fler i arbete"),
            item(1, "Praktik"),
            item(0, "Språk")
        );
        let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\"><dc:title>Programmet</dc:title>\
            <dcterms:created>2024-03-01T09:00:00Z</dcterms:created><dcterms:modified>2024-04-02T09:00:00Z</dcterms:modified></cp:coreProperties>";
        let bytes = archive(&[
            ("word/document.xml", &document),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
            ("docProps/core.xml", core),
        ]);
        assert_eq!(office_kind(&bytes), Some(Ok("DOCX")));
        let (text, meta) = docx(&bytes).unwrap();
        assert_eq!(
            text,
            "Integrationsprogram\n\nVi vill att:\n\n1. Fler i arbete\n  – Praktik\n2. Språk\n\nUppföljning\n\nSida 1\n\nÅtgärd\tAnsvar\n"
        );
        assert_eq!(meta.title.as_deref(), Some("Programmet"));
        assert_eq!(meta.created.map(|d| d.to_string()).as_deref(), Some("2024-03-01"));
        assert_eq!(meta.modified.map(|d| d.to_string()).as_deref(), Some("2024-04-02"));
    }

    #[test]
    fn odt_headings_numbered_and_bulleted_lists() {
        let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\" xmlns:style=\"s\" xmlns:table=\"b\">\
            <office:automatic-styles><text:list-style style:name=\"L1\">\
            <text:list-level-style-number text:level=\"1\" style:num-format=\"1\"/><text:list-level-style-bullet text:level=\"2\"/>\
            </text:list-style></office:automatic-styles>\
            <office:body><office:text><text:h text:outline-level=\"1\">Mål</text:h>\
            <text:list text:style-name=\"L1\"><text:list-item><text:p>Arbete<text:s text:c=\"2\"/>åt fler</text:p>\
            <text:list><text:list-item><text:p>Praktik</text:p></text:list-item></text:list></text:list-item>\
            <text:list-item><text:p>Språk<text:note><text:note-body>fotnot</text:note-body></text:note></text:p></text:list-item></text:list>\
            </office:text></office:body></office:document-content>";
        let bytes = archive(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)]);
        assert_eq!(office_kind(&bytes), Some(Ok("ODT")));
        let (text, _) = odt(&bytes).unwrap();
        assert_eq!(text, "Mål\n\n1. Arbete åt fler\n  – Praktik\n2. Språk\n");
    }

    #[test]
    fn a_plain_zip_is_not_an_office_file() {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            zip.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut zip, b"hej").unwrap();
            zip.finish().unwrap();
        }
        assert_eq!(office_kind(&bytes), None);
        // A zip header and no archive: a damaged file, not text.
        assert!(office_kind(b"PK\x03\x04garbage").is_some_and(|k| k.is_err()));
    }
}

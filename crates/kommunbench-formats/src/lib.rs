//! Readers for the formats municipal policies come in, turning a file into
//! the text [`kommunbench_ingest::Ingester`] reads, each format told by its
//! content, not its name:
//!
//! - **PDF** (text layer) through `hayro-interpret`: glyphs placed by
//!   their fonts' widths, reading order of columns, table rows, justified
//!   lines, footnote numbers kept in their lines, running headers, footers
//!   and page numbers marked for the ingester to leave out, broken words
//!   mended, headings from type size and weight, where each page starts
//!   (evidence then says "p. 7");
//! - **DOCX** and **ODT** through `zip` and `quick-xml`: headings from
//!   styles and outline levels, list items from numbering, tables, core
//!   properties;
//! - **HTML** (saved web pages) parsed as a DOM with html5ever through
//!   `scraper`, chrome (navigation, header, footer, asides, cookie
//!   banners, breadcrumbs, share and feedback widgets) left out by
//!   structure before the ingester's text rules see the rest.
//!
//! ```
//! use kommunbench_formats::ingester;
//!
//! let page = "<!doctype html><html><head><title>Integration</title></head><body>\
//!     <nav><ul><li>Startsida</li><li>Kontakt</li></ul></nav>\
//!     <main><h1>Integrationsplan</h1><p>Vi vill:</p>\
//!     <ul><li>Fler i arbete</li><li>Mötesplatser i alla kommundelar</li></ul></main>\
//!     <footer>Kommunen, 123 45 Åby</footer></body></html>";
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("plan.txt"); // the content tells the format
//! std::fs::write(&path, page)?;
//! let doc = ingester().build().ingest_file(&path)?;
//! assert_eq!(doc.source.format, "HTML");
//! let titles: Vec<_> = doc.priorities.iter().map(|p| p.title.as_str()).collect();
//! assert_eq!(titles, ["Fler i arbete", "Mötesplatser i alla kommundelar"]);
//! assert!(!doc.content().contains("Startsida"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod html;
mod office;
mod pdf;
mod text;
mod worker;

pub use worker::{Limits, Workers, serve as serve_worker};

use std::sync::Arc;
use std::time::Duration;

use kommunbench_ingest::{Converted, Converter, Ingester, IngesterBuilder};

/// The converter for every format this crate reads: PDF (text layer),
/// DOCX, ODT and HTML, each told by its content, whatever the file's name.
///
/// Third-party parsers run isolated: a panic in one is caught, and a file
/// that takes longer than [`Formats::timeout`] is given up on; either way
/// the file fails with a message and the other files are read.
#[derive(Debug, Clone, Copy)]
pub struct Formats {
    timeout: Duration,
    /// The reader thread's stack, in bytes.
    stack: usize,
}

impl Default for Formats {
    fn default() -> Self {
        Formats { timeout: Duration::from_mins(1), stack: 64 << 20 }
    }
}

impl Formats {
    /// Gives up on a file whose parser runs longer than this (default 60 s).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// A legacy binary Office file (`.doc`, `.xls`): the OLE2 signature.
fn is_ole2(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

/// The file extensions of this crate's formats, read from directories.
const EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "pdf", "docx", "odt", "doc"];

/// What every message about a file that breaks a reader's bounds ends
/// with.
const HOSTILE: &str = "the file may be damaged or hostile";

/// The message for a legacy binary Office file.
const LEGACY_OFFICE: &str = "a legacy binary Office file (.doc): save it as DOCX or PDF and read that";

/// A format this crate reads, told by a file's content whatever its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pdf,
    Docx,
    Odt,
    Html,
}

impl Kind {
    /// The format of `bytes`: `None` for text (or anything else), an error
    /// for a file of a format no reader takes (a legacy `.doc`, a zip
    /// archive that cannot be opened).
    fn of(bytes: &[u8]) -> Option<Result<Kind, String>> {
        if pdf::looks_like_pdf(bytes) {
            Some(Ok(Kind::Pdf))
        } else if is_ole2(bytes) {
            Some(Err(LEGACY_OFFICE.into()))
        } else if let Some(kind) = office::office_kind(bytes) {
            Some(kind.map(|kind| if kind == "DOCX" { Kind::Docx } else { Kind::Odt }))
        } else {
            html::looks_like_html(bytes).then_some(Ok(Kind::Html))
        }
    }

    /// The name [`Converted::format`] records.
    fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Docx => "DOCX",
            Kind::Odt => "ODT",
            Kind::Html => "HTML",
        }
    }

    /// The static name for a name (a worker's answer carries it as text).
    fn named(name: &str) -> Option<&'static str> {
        [Kind::Pdf, Kind::Docx, Kind::Odt, Kind::Html].into_iter().map(Kind::name).find(|n| *n == name)
    }
}

impl Formats {
    /// Gives the reader thread a stack of this many bytes (default 64 MiB).
    fn stack(mut self, bytes: usize) -> Self {
        self.stack = bytes;
        self
    }
}

impl Converter for Formats {
    fn extensions(&self) -> &[&'static str] {
        EXTENSIONS
    }

    fn convert(&self, bytes: &[u8]) -> Option<Result<Converted, String>> {
        let kind = match Kind::of(bytes)? {
            Ok(kind) => kind,
            Err(refused) => return Some(Err(refused)),
        };
        let name = kind.name();
        Some(match kind {
            Kind::Pdf => self.isolated(name, bytes, move |b| {
                pdf::to_text(b).map(|p| {
                    let mut meta = p.meta;
                    meta.title = p.title;
                    Converted { text: p.text, format: name, meta, pages: p.pages, furniture: p.furniture, caveats: Vec::new() }
                })
            }),
            Kind::Docx | Kind::Odt => {
                let read = if kind == Kind::Docx { office::docx as Reader } else { office::odt };
                self.isolated(name, bytes, move |b| {
                    read(b).map(|(text, meta)| Converted {
                        text,
                        format: name,
                        meta,
                        pages: Vec::new(),
                        furniture: Vec::new(),
                        caveats: Vec::new(),
                    })
                })
            }
            Kind::Html => self.isolated(name, bytes, move |b| {
                html::to_text(b).map(|(text, meta, caveats)| Converted {
                    text,
                    format: name,
                    meta,
                    pages: Vec::new(),
                    furniture: Vec::new(),
                    caveats,
                })
            }),
        })
    }
}

/// An Office reader: the text and the file's metadata.
type Reader = fn(&[u8]) -> Result<(String, kommunbench_ingest::FormatMeta), String>;

impl Formats {
    /// Runs a parser on its own thread: its panic becomes an error, and
    /// after the timeout the file is given up on (the thread is left to
    /// finish on its own; its result is dropped).
    fn isolated(
        &self,
        format: &str,
        bytes: &[u8],
        parse: impl FnOnce(&[u8]) -> Result<Converted, String> + Send + 'static,
    ) -> Result<Converted, String> {
        quiet_reader_panics();
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        let owned = bytes.to_vec();
        // A deep stack: a hostile file's nesting should run out of time, not
        // of stack (an overflow would abort the process, not the thread).
        let spawned =
            std::thread::Builder::new().name(format!("{READER_THREAD}{format}")).stack_size(self.stack).spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(&owned)));
                let _ = send.send(result);
            });
        if let Err(e) = spawned {
            return Err(format!("cannot start the {format} reader ({e})"));
        }
        match receive.recv_timeout(self.timeout) {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => {
                let what = kommunbench_core::panic_message(panic.as_ref());
                Err(format!("the {format} parser failed on this file ({what}); the file may be damaged"))
            }
            Err(_) => Err(format!("the {format} parser did not finish within {} s; {HOSTILE}", self.timeout.as_secs())),
        }
    }
}

/// Keeps a format reader's panic from printing: it is caught and reported
/// as the file's error. Installed once, in front of whatever hook was set
/// before, which still sees every other panic.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let reader = std::thread::current().name().is_some_and(|n| n.starts_with(READER_THREAD));
            if !reader {
                previous(info);
            }
        }));
    });
}

/// The name prefix of the threads format readers run on.
const READER_THREAD: &str = "kommunbench-reader-";

/// An ingester builder that reads every format of this crate besides text.
pub fn ingester() -> IngesterBuilder {
    Ingester::builder().converter(Arc::new(Formats::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_s_panic_is_the_file_s_error() {
        let err = Formats::default().isolated("PDF", b"%PDF-", |_| panic!("boom")).unwrap_err();
        assert_eq!(err, "the PDF parser failed on this file (boom); the file may be damaged");
    }

    fn ingest(page: &str) -> kommunbench_core::PolicyDocument {
        let (text, _, _) = html::to_text(page.as_bytes()).unwrap();
        Ingester::new().ingest_str("page", &text).unwrap()
    }

    #[test]
    fn a_municipal_page_keeps_its_content_and_drops_its_chrome() {
        let page = r##"<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Integration - Åby kommun</title></head>
<body>
<a class="skip-link" href="#main">Hoppa till innehållet</a>
<div id="cookie-consent"><p>Vi använder kakor för att webbplatsen ska fungera.</p><button>Godkänn</button></div>
<header><nav aria-label="Huvudmeny"><ul><li><a href="/">Startsida</a></li><li><a href="/omsorg">Omsorg och stöd</a></li></ul></nav></header>
<nav class="breadcrumb"><ol><li>Startsida</li><li>Kommun och politik</li><li>Integration</li></ol></nav>
<main id="main">
<h1>Integrationsstrategi</h1>
<p>Kommunfullmäktige antog strategin i maj. Strategin har tre fokusområden:</p>
<ul><li>Arbete och egen försörjning</li><li>Språk och utbildning<ul><li>Sfi med praktik</li><li>Läxhjälp</li></ul></li><li>Boende</li></ul>
<h2>Ansvar</h2>
<table><tr><th>Åtgärd</th><th>Ansvarig</th><th>Tidplan</th></tr><tr><td>Språkcaféer</td><td>Biblioteket</td><td>2025</td></tr></table>
<div class="share"><a>Dela på Facebook</a></div>
</main>
<aside><h2>Relaterade sidor</h2><ul><li>Sfi</li><li>Föreningsbidrag</li></ul></aside>
<footer><p>Åby kommun, 123 45 Åby. Telefon 0123-456 00</p></footer>
</body></html>"##;
        let doc = ingest(page);
        assert_eq!(doc.title, "Integrationsstrategi");
        let titles: Vec<&str> = doc.priorities.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Arbete och egen försörjning", "Språk och utbildning", "Sfi med praktik", "Läxhjälp", "Boende", "Språkcaféer"]
        );
        let nested = doc.priorities.iter().find(|p| p.title == "Läxhjälp").unwrap();
        assert_eq!(nested.parent.map(|p| doc.priorities[p].title.as_str()), Some("Språk och utbildning"));
        let content = doc.content();
        for chrome in ["kakor", "Startsida", "Omsorg och stöd", "Dela på Facebook", "Föreningsbidrag", "Telefon", "Godkänn"] {
            assert!(!content.contains(chrome), "{chrome} in {content}");
        }
    }

    #[test]
    fn the_declared_charset_is_used_and_the_title_stands_in_for_a_missing_h1() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Integrationsplan f\xf6r V\xe4xj\xf6</title></head><body><p>Kommunens m\xe5l \xe4r:</p><ol><li>Fler i arbete</li><li>B\xe4ttre skolresultat</li></ol></body></html>".to_vec();
        page.extend_from_slice(b"\n");
        let (text, _, _) = html::to_text(&page).unwrap();
        assert!(
            text.starts_with("Integrationsplan för Växjö\n\nKommunens mål är:\n\n1. Fler i arbete\n2. Bättre skolresultat"),
            "{text}"
        );
    }

    #[test]
    fn a_charset_counts_only_in_a_meta_tag_and_a_utf16_page_is_a_page() {
        // Visible text and a comment that mention a charset: the page is UTF-8.
        let page = "<html><head><!-- <meta charset=\"windows-1252\"> --><title>Mål</title></head>\
            <body><p>Spara filen med charset=iso-8859-1 om du måste.</p></body></html>";
        let (text, _, _) = html::to_text(page.as_bytes()).unwrap();
        assert!(text.starts_with("Mål\n\nSpara filen med charset=iso-8859-1 om du måste."), "{text}");
        // `<meta charset>` with the attribute's spaces and quotes.
        let (text, _, _) =
            html::to_text(b"<html><head><META CHARSET = 'windows-1252'></head><body><p>M\xe5l</p></body></html>").unwrap();
        assert_eq!(text, "Mål\n");
        // A page saved as UTF-16 with its byte order mark.
        let utf16: Vec<u8> = "\u{feff}<!DOCTYPE html><html><body><h1>Mål för integration</h1><p>Fler i arbete.</p></body></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let read = Formats::default().convert(&utf16).expect("taken for a page").unwrap();
        assert_eq!((read.format, read.text.as_str()), ("HTML", "Mål för integration\n\nFler i arbete.\n"));
    }

    /// A declaration its bytes contradict: read as the bytes are, and said.
    #[test]
    fn a_page_whose_bytes_contradict_its_charset_is_read_as_they_are_with_a_caveat() {
        // Declared windows-1252, written in UTF-8.
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Mål för Växjö</p></body></html>";
        let (text, _, caveats) = html::to_text(page.as_bytes()).unwrap();
        assert_eq!(text, "Mål för Växjö\n");
        assert_eq!(caveats, ["the page declares windows-1252 but is written in UTF-8; read as UTF-8"]);
        // Declared UTF-8 (and declaring nothing), written in windows-1252.
        for head in ["<meta charset=\"utf-8\">", ""] {
            let page = format!("<html><head>{head}</head><body><p>M\u{1}l</p></body></html>").replace('\u{1}', "\u{e5}");
            let bytes = encoding_rs::WINDOWS_1252.encode(&page).0;
            let (text, _, caveats) = html::to_text(&bytes).unwrap();
            assert_eq!(text, "Mål\n");
            let said = if head.is_empty() { "declares no encoding" } else { "declares UTF-8" };
            assert_eq!(
                caveats,
                [format!("the page {said} but is not UTF-8 (byte {}); read as windows-1252", page.find('å').unwrap())]
            );
        }
        // UTF-8 with one damaged byte stays UTF-8.
        let mut bytes = "<html><body><p>Mål för Växjö och Åre</p><p>x</p></body></html>".as_bytes().to_vec();
        let x = bytes.iter().rposition(|&b| b == b'x').unwrap();
        bytes[x] = 0xff;
        let (text, _, caveats) = html::to_text(&bytes).unwrap();
        assert!(text.starts_with("Mål för Växjö och Åre\n\n\u{fffd}"), "{text}");
        assert_eq!(
            caveats,
            [format!("the page declares no encoding: 1 invalid UTF-8 sequence (first at byte {x}) read as U+FFFD")]
        );
        // Agreeing bytes and declaration: nothing to say.
        let (_, _, caveats) = html::to_text("<meta charset=utf-8><p>Mål</p>".as_bytes()).unwrap();
        assert!(caveats.is_empty());
    }

    #[test]
    fn a_page_nested_too_deep_is_refused_before_it_is_walked() {
        let nested = |depth: usize| format!("<html><body>{}Mål{}</body></html>", "<i>".repeat(depth), "</i>".repeat(depth));
        // `html` and `body` count: 998 more is 1,000 deep.
        assert_eq!(html::to_text(nested(998).as_bytes()).unwrap().0, "Mål\n");
        let err = html::to_text(nested(999).as_bytes()).unwrap_err();
        assert_eq!(err, "an HTML page nested more than 1000 elements deep; the file may be damaged or hostile");
        // A million deep, read in a thread: refused, not a stack overflow.
        assert!(Formats::default().convert(nested(1_000_000).as_bytes()).unwrap().is_err());
    }

    #[test]
    fn meta_dates_the_site_and_the_language_become_metadata() {
        let page = "<html lang=\"sv-FI\"><head><meta property=\"og:site_name\" content=\"Vasa stad\">\
            <meta property=\"article:published_time\" content=\"2023-03-13T08:00:00+02:00\">\
            <meta name=\"dcterms.modified\" content=\"2024-01-05\"></head>\
            <body><h1>Integrationsprogram</h1><p>Programmet har fyra delar.</p></body></html>";
        let dir = std::env::temp_dir().join(format!("kb-formats-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("program.html");
        std::fs::write(&path, page).unwrap();
        let doc = ingester().build().ingest_file(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(doc.dates.published.map(|d| d.to_string()).as_deref(), Some("2023-03-13"));
        assert_eq!(doc.dates.updated.map(|d| d.to_string()).as_deref(), Some("2024-01-05"));
        assert_eq!(doc.municipality.map(|m| m.name).as_deref(), Some("Vasa"));
        assert_eq!(doc.source.language.as_deref(), Some("sv-FI"));
    }

    #[test]
    fn hidden_and_chrome_parts_inside_headings_cells_and_items_are_left_out() {
        let page = "<html><body><main>\
            <h2>Arbete <span class=\"visually-hidden\" hidden>Dölj</span>och försörjning</h2>\
            <ul><li><a href=\"#\">Fler i arbete</a> <span aria-hidden=\"true\">Ikon</span><button>Läs mer</button></li></ul>\
            <table><tr><td>Språkcafé<nav>Meny</nav></td><td>Biblioteket</td></tr></table></main></body></html>";
        let (text, _, _) = html::to_text(page.as_bytes()).unwrap();
        assert_eq!(text, "Arbete och försörjning\n\n• Fler i arbete\n\nSpråkcafé\tBiblioteket\n");
    }

    #[test]
    fn text_files_are_not_taken_for_pages() {
        assert!(!html::looks_like_html("Integrationsplan\n\nVi vill: <arbete>".as_bytes()));
        assert!(html::looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html></html>"));
        assert!(Formats::default().convert(b"<html><body><nav>Meny</nav></body></html>").unwrap().is_err());
        // Markup quoted in a text, past its start, does not make a page.
        let quoted = "Så skriver du en sida\n\nEn sida börjar med <html> och <body>.\n";
        assert!(!html::looks_like_html(quoted.as_bytes()));
        assert!(html::looks_like_html(b"<?xml version=\"1.0\"?>\n<!-- sparad -->\n<!DOCTYPE html>\n<html>"));
        assert!(html::looks_like_html("\n<div class=\"page\"><p>Mål</p></div>".as_bytes()));
        assert!(!html::looks_like_html(b"<arbete> och <skola>"), "a tag the standard does not name");
    }

    #[test]
    fn a_text_that_quotes_a_pdf_header_is_a_text() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstartxref\n0\n%%EOF\n";
        assert!(pdf::looks_like_pdf(pdf));
        // A server's header before it, as a saved response has.
        let mut served = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n".to_vec();
        served.extend_from_slice(pdf);
        assert!(pdf::looks_like_pdf(&served));
        // A text that names the header, in a line or at a line's start.
        assert!(!pdf::looks_like_pdf("Filen ska vara PDF/A, det vill säga börja med %PDF-1.7.\n".as_bytes()));
        assert!(!pdf::looks_like_pdf("Format\n%PDF-1.4 eller senare godtas.\n".as_bytes()));
        assert!(Formats::default().convert("Format\n%PDF-1.4 eller senare godtas.\n".as_bytes()).is_none());
    }
}

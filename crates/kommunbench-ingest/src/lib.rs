//! Reading municipal integration texts into kommunbench's model.
//!
//! An [`Ingester`] turns a raw text, as collected from a web page or a
//! PDF, into a [`PolicyDocument`](kommunbench_core::PolicyDocument): page
//! furniture dropped, content blocks, metadata, who speaks, and the
//! priorities the document states itself, each with the rule that found
//! it. [`CorpusReader`] reads files and directories, with an optional
//! manifest, and keeps going past bad files. Other formats (PDF, Word,
//! HTML) come in through a [`Converter`], which `kommunbench-formats`
//! implements.
//!
//! The stages, in the order a text passes them:
//!
//! 1. [`decode()`]: bytes to text (UTF-8, UTF-16, Windows-1252);
//! 2. `layout`: lines to blocks (headings, paragraphs, list items, labels,
//!    quotes, table rows), page furniture dropped (`furniture`), the title;
//! 3. `metadata`: dates, decision, kind; `speaker`: who speaks;
//! 4. `priorities`: the priority rules, one module each under
//!    `priorities/rules/`, applied in the order of their registry.
//!
//! Every Swedish word a stage or rule reads is data: `data/vocabulary.toml`,
//! loaded once into a typed vocabulary (see `docs/ingestion.md`).
//!
//! ```
//! use kommunbench_core::Level;
//! use kommunbench_ingest::Ingester;
//!
//! let text = "Förbigå menyn\n\n\
//!     Integrationspolicy\n\n\
//!     Antagen av kommunfullmäktige 2016-06-20, § 67\n\n\
//!     Vingåkers kommun har en lång tradition av att ta emot nyanlända.\n\n\
//!     Prioriterade områden\n\n- Arbete och studier\n- Bostäder\n\n\
//!     Hjälpte informationen dig?\n";
//! let doc = Ingester::new().ingest_str("vingaker", text)?;
//! assert_eq!(doc.title, "Integrationspolicy");
//! assert_eq!(doc.municipality.as_ref().unwrap().name, "Vingåker");
//! assert_eq!(doc.dates.adopted.unwrap().to_string(), "2016-06-20");
//! let titles: Vec<_> = doc.priorities.iter().map(|p| p.title.as_str()).collect();
//! assert_eq!(titles, ["Arbete och studier", "Bostäder"]);
//! assert_eq!(doc.priorities[0].level, Level::PriorityArea);
//! assert!(!doc.content().contains("Hjälpte"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod corpus;
mod decode;
mod furniture;
mod headings;
mod ingester;
mod layout;
mod list_marker;
mod metadata;
mod page_number;
mod patterns;
mod priorities;
mod speaker;
mod vocabulary;

pub use corpus::{CorpusReader, MANIFEST_FILE};
pub use decode::{Decoded, decode};
pub use furniture::furniture_reason;
pub use ingester::{Converted, Converter, FormatMeta, Ingester, IngesterBuilder, TEXT_EXTENSIONS};
pub use list_marker::{is_bullet, list_marker};
pub use page_number::{PageCount, PageNumber, page_number};

/// Builds ingestion's patterns and automata now rather than on the first
/// line that needs them: the furniture, metadata and layout patterns, the
/// cue words of the priority rules, who speaks, all from the vocabulary.
///
/// They take a process a few tens of milliseconds to build, and the first
/// document waits for them on every core. [`Ingester`] never needs this
/// call (they are built on first use, once per process, whatever calls it
/// first); a program with something else to do first, as a pipeline
/// building its lexicon, can have them built on another core meanwhile.
/// Halves are built side by side where a second core is free. A second
/// call costs nothing.
///
/// ```
/// kommunbench_ingest::prepare_ingestion();
/// let doc = kommunbench_ingest::Ingester::new().ingest_str("vaggeryd", "Mål\n\n- Fler i arbete\n")?;
/// assert_eq!(doc.priorities.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn prepare_ingestion() {
    patterns::prepare();
}

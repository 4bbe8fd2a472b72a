//! The domain model of kommunbench and the ingestion of municipal
//! integration texts into it.
//!
//! - [`Framework`]s are the reference sets of areas (built in: `se-2008`,
//!   the seven development areas of the 2008 Swedish integration strategy,
//!   and `se-2025`, the five sub-goals of the current policy; or your own
//!   TOML or JSON file).
//! - [`MunicipalityRegistry`] knows all 290 Swedish municipalities and the
//!   Swedish-speaking Finnish ones, and recognises their names in text.
//! - [`Ingester`] turns a raw text, as collected from a web page or a PDF,
//!   into a [`PolicyDocument`]: page furniture dropped, content blocks,
//!   metadata, and the [`Priority`]s the document states itself.
//! - [`CorpusReader`] reads directories of documents, with an optional
//!   manifest, and keeps going past bad files.
//!
//! ```
//! use kommunbench_core::{Ingester, Level};
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
mod document;
mod files;
mod framework;
mod id;
mod ingest;
mod municipality;
mod text;

pub use corpus::{Corpus, CorpusError, CorpusReader, CorpusWarning, DocumentMeta, MANIFEST_FILE, Progress, TEXT_EXTENSIONS};
pub use document::{
    ActionDetails, Block, BlockKind, Date, DateError, Dates, Decision, DocumentKind, DropReason, Dropped, Level, PolicyDocument,
    Priority, Rule, Source, Span, Speaker,
};
pub use files::{MAX_AUX_FILE_BYTES, ReadError, file_kind, read_limited, read_text};
pub use framework::{Area, Framework, FrameworkError, FrameworkFormat};
pub use id::{AreaId, CountryCode, DocumentId, FrameworkId, IdError, MunicipalityCode};
pub use ingest::{
    Converted, Converter, DecodeError, Decoded, FormatMeta, IngestError, Ingester, IngesterBuilder, decode, furniture_reason,
    prepare_ingestion,
};
pub use municipality::{Mention, MentionForm, Municipality, MunicipalityRegistry, RegistryError, ascii_slug};
pub use text::{Overlapping, collapse_whitespace, ends_word, is_word_char, lowercase, starts_word};

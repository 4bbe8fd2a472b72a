//! The domain model of kommunbench: what a municipal integration text
//! is once read, and what it is compared with.
//!
//! - [`PolicyDocument`]: one text, with its municipality, title, kind,
//!   speaker, dates and decision, its content [`Block`]s, the lines
//!   dropped as page furniture, and the [`Priority`]s it states itself,
//!   each with its [`Level`] and the [`Rule`] that found it.
//! - [`Framework`]s are the reference sets of areas (built in: `se-2008`,
//!   the seven development areas of the 2008 Swedish integration strategy,
//!   and `se-2025`, the five sub-goals of the current policy; or your own
//!   TOML or JSON file).
//! - [`MunicipalityRegistry`] knows all 290 Swedish municipalities and the
//!   Swedish-speaking Finnish ones, and recognises their names in text.
//! - [`Corpus`]: documents as read, with the inputs that failed
//!   ([`CorpusError`], [`IngestError`]) and the caveats ([`CorpusWarning`]);
//!   [`DocumentMeta`] is what a manifest sets for one document.
//!
//! Reading texts into this model is `kommunbench-ingest`'s work; files
//! are read safely here ([`read_limited`]), for every crate.
//!
//! ```
//! use kommunbench_core::{Framework, Level, Rule};
//!
//! let framework = Framework::builtin("se-2008")?;
//! assert_eq!(framework.areas().len(), 7);
//! assert_eq!(Level::Goal.child(), Level::SubGoal);
//! assert_eq!(Rule::IntroducedList.to_string(), "introduced_list");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod corpus;
mod document;
mod files;
mod framework;
mod id;
mod input;
mod municipality;

pub use corpus::{Corpus, CorpusError, CorpusWarning, DocumentMeta, Progress, REPORT_MARKER};
pub use document::{
    ActionDetails, Block, BlockKind, Date, DateError, Dates, Decision, DocumentKind, DropReason, Dropped, Level, PolicyDocument,
    Priority, Rule, Source, Span, Speaker,
};
pub use files::{MAX_AUX_FILE_BYTES, ReadError, file_kind, line_col, read_limited, read_text};
pub use framework::{Area, Framework, FrameworkError, FrameworkFormat};
pub use id::{AreaId, CountryCode, DocumentId, FrameworkId, IdError, MunicipalityCode, stable_hash};
pub use input::{DecodeError, IngestError, panic_message};
pub use municipality::{Mention, MentionForm, Municipality, MunicipalityRegistry, RegistryError, ascii_slug};

//! Mapping municipal priorities and text to the areas of a framework, and
//! measuring how well that agrees with hand coding.
//!
//! - [`Normalized`], [`stem`], [`is_inflection`]: Swedish text as matchers
//!   read it (NFC, lower case, offsets kept, hyphenation mended, compounds).
//! - [`Lexicon`]: per framework, a data file of terms with weights,
//!   compound positions, exclusions and context rules.
//! - [`Mapper`] and its implementations: [`LexiconMapper`] (default),
//!   [`SimilarityMapper`] (TF-IDF), [`ManualMapper`] (hand coding from CSV),
//!   [`EnsembleMapper`]; plug in your own through the trait.
//! - [`Aligner`]: runs a mapper over documents, giving [`Alignment`]s with
//!   evidence, document coverage and local priorities.
//! - [`Agreement`]: precision, recall, F1, kappa, Krippendorff's alpha and
//!   bootstrap intervals against hand coding.
//!
//! ```
//! use kommunbench_core::Framework;
//! use kommunbench_ingest::Ingester;
//! use kommunbench_mapping::{Aligner, LexiconMapper};
//!
//! let framework = Framework::builtin("se-2008")?;
//! let mapper = LexiconMapper::builtin(&framework)?;
//! let doc = Ingester::new().ingest_str("vaggeryd", "Mål för integrationsarbete\n\nDelmål\n\n\
//!     Arbete och försörjning: Genom aktiva insatser skall förutsättningar för egen försörjning skapas.\n\
//!     Samlad uppföljning: Skapa en samlad bild av kommunens arbete med integration.\n")?;
//! let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
//! assert_eq!(mapping.priority_areas(0).iter().map(|a| a.as_str()).collect::<Vec<_>>(), ["work"]);
//! assert_eq!(mapping.local_priorities, [1]); // follow-up is a local priority
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod agreement;
mod align;
mod evaluate;
mod gold;
mod lexicon;
mod mapper;
mod text;

pub use agreement::{Agreement, AreaAgreement, Cell, Confusion, Interval, Intervals, krippendorff_alpha};
pub use align::{Aligner, Alignment, AreaCoverage, DocumentMapping};
pub use evaluate::{
    Calibration, Comparison, DocumentRecovery, EvaluationError, Recovery, SpeakerKind, SpeakerMiss, SpeakerRecovery, Uncoded,
    Unmatched, agreement, calibrate, compare_codings, compare_documents, compare_priorities, priority_recovery, speaker_recovery,
};
pub use gold::{GoldActor, GoldActors, GoldDocument, GoldDocuments, GoldError, GoldPriorities, GoldPriority};
pub use lexicon::{Hit, Lexicon, LexiconError, Scoring};
pub use mapper::{
    AreaScore, EnsembleMapper, Evidence, LexiconMapper, ManualMapper, ManualMapperError, Mapper, MapperKind, Role,
    SimilarityMapper, Unit, UnitKind, UnknownMapper, evidence_summary,
};
pub use text::{Normalized, inflection_base, is_inflection, is_word_char, stem, word_at};

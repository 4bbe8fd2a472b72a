//! The patterns, automata and sets every stage searches with, built from
//! the vocabulary in one place and once per process.
//!
//! A stage defines what it searches with (its `Patterns`, next to the
//! code that reads them) and how to build it from the [`Vocabulary`];
//! here each is built, on first use or in advance by [`prepare`].
//!
//! [`Vocabulary`]: crate::vocabulary::Vocabulary

use std::sync::LazyLock;

use crate::vocabulary::vocabulary;
use crate::{furniture, layout, metadata, priorities, speaker};

static FURNITURE: LazyLock<furniture::Patterns> = LazyLock::new(|| furniture::Patterns::new(vocabulary()));
static LAYOUT: LazyLock<layout::Patterns> = LazyLock::new(|| layout::Patterns::new(vocabulary()));
static METADATA: LazyLock<metadata::Patterns> = LazyLock::new(|| metadata::Patterns::new(vocabulary()));
static SPEAKER: LazyLock<speaker::Patterns> = LazyLock::new(|| speaker::Patterns::new(vocabulary()));
static CUES: LazyLock<priorities::CuePatterns> = LazyLock::new(|| priorities::CuePatterns::new(vocabulary()));
static ENUMERATION: LazyLock<priorities::EnumerationPatterns> =
    LazyLock::new(|| priorities::EnumerationPatterns::new(vocabulary()));

/// Page furniture's lines, openings, phrases and patterns.
pub(crate) fn furniture() -> &'static furniture::Patterns {
    &FURNITURE
}

/// The layout's patterns (numbered lines, tables of contents, labels).
pub(crate) fn layout() -> &'static layout::Patterns {
    &LAYOUT
}

/// Dates, decisions, references.
pub(crate) fn metadata() -> &'static metadata::Patterns {
    &METADATA
}

/// Who speaks.
pub(crate) fn speaker() -> &'static speaker::Patterns {
    &SPEAKER
}

/// The cue words of introductions and headings.
pub(crate) fn cues() -> &'static priorities::CuePatterns {
    &CUES
}

/// The words of enumerations.
pub(crate) fn enumeration() -> &'static priorities::EnumerationPatterns {
    &ENUMERATION
}

/// Builds them all now: the furniture's (the most) on one core, the rest
/// on another where one is free. (Not inside any of them: a thread
/// building one never waits on a pool whose threads wait on it.)
pub(crate) fn prepare() {
    rayon::join(
        || {
            LazyLock::force(&FURNITURE);
        },
        || {
            LazyLock::force(&LAYOUT);
            LazyLock::force(&METADATA);
            LazyLock::force(&SPEAKER);
            LazyLock::force(&CUES);
            LazyLock::force(&ENUMERATION);
        },
    );
}

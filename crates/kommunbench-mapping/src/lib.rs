//! Mapping municipal priorities and text to the areas of a framework.
//!
//! This crate is filled in by the mapping work (Swedish normalisation,
//! lexicons, mappers and agreement statistics); see `crates/README.md`.
#![deny(missing_docs)]

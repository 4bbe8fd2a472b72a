//! Coverage matrices and benchmarking metrics across municipalities.
//!
//! This crate is filled in by the analysis work (coverage matrices on
//! polars, breadth, balance, gaps, peers); see `crates/README.md`.
#![deny(missing_docs)]

//! Integration tests of kommunbench-ingest: the bundled fixture corpus,
//! encodings, corpus walks, the structures of real pages, the rules' test
//! tables, and properties.

mod encodings;
mod fixtures;
mod modules;
mod properties;
mod rules;
mod structures;
mod walker;

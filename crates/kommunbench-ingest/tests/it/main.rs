//! Integration tests of kommunbench-core on the bundled fixture corpus.

mod encodings;
mod fixtures;
mod properties;
mod structures;
mod walker;

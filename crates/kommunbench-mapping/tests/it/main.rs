//! Integration tests of kommunbench-mapping on the fixture corpus.

mod common;
mod dev_set;
mod properties;
mod traps;

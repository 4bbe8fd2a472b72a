//! Integration tests of kommunbench-analysis on the fixture corpus.

mod fixtures;
mod outcomes;

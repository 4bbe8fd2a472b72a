//! Integration tests of kommunbench-report: the fixture report read back,
//! the national report's budget and structure, and both in a browser. One
//! binary, so the national report is made once and polars is linked once.

mod browser;
mod common;
mod report;
mod scale;

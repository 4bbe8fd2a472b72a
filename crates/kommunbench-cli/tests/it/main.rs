//! The `kommunbench` binary, run as a user runs it.

mod bad_input;
mod common;
mod frameworks;
mod hostile;
mod ingest;
mod isolation;
mod mapping;
mod outcomes;
mod outputs;
mod report;

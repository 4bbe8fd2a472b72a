//! Inputs for the benchmarks, built from the fixture corpus only.

use std::path::{Path, PathBuf};

use kommunbench_core::{CorpusReader, PolicyDocument};

/// The repository's fixture directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The five fixture documents, parsed.
pub fn fixture_documents() -> Vec<PolicyDocument> {
    CorpusReader::new().read(&[fixtures().join("corpus")]).documents
}

/// The fixtures' content (furniture removed), repeated to at least `bytes`.
pub fn content_of_size(bytes: usize) -> String {
    let docs = fixture_documents();
    let mut out = String::with_capacity(bytes + 8192);
    while out.len() < bytes {
        for d in &docs {
            out.push_str(&d.content());
            out.push_str("\n\n");
        }
    }
    out
}

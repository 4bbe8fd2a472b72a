//! The fixture corpus, the framework and the gold codings.

use std::path::{Path, PathBuf};

use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_ingest::CorpusReader;
use kommunbench_mapping::{GoldDocuments, GoldPriorities};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

pub fn corpus() -> Vec<PolicyDocument> {
    let corpus = CorpusReader::new().read(&[fixtures().join("corpus")]);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    corpus.documents
}

pub fn se2008() -> Framework {
    Framework::builtin("se-2008").unwrap()
}

pub fn gold(framework: &Framework) -> (GoldDocuments, GoldPriorities) {
    (
        GoldDocuments::from_path(fixtures().join("gold/gold_documents.csv"), framework).unwrap(),
        GoldPriorities::from_path(fixtures().join("gold/gold_priorities.csv"), framework).unwrap(),
    )
}

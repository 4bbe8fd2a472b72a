//! Property test of the corpus walker on random trees of files, folders,
//! links (to files, to folders, to their own ancestors, to nothing) and
//! named pipes: the walk ends, every good document is read once and reads
//! as it does alone, and every bad path is named once.
//!
//! Long run: `KOMMUNBENCH_WALK_CASES=2000 cargo test --release -p kommunbench-core --test it walker -- --ignored`

#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use kommunbench_ingest::{CorpusReader, Ingester};
use proptest::prelude::*;

const GOOD: &[&str] = &[
    "Integrationsplan\n\nVi vill:\n- Fler i arbete\n- Mötesplatser\n",
    "Integrationsprogram\n\nKommunen arbetar med sfi och samhällsorientering.\n",
    "Strategi\n\nFokusområdena är jobb, skola och trygghet.\n",
];

/// One entry of a random tree: where it goes (an index of an earlier
/// folder) and what it is.
#[derive(Debug, Clone)]
enum Entry {
    Good(usize),
    Empty,
    Folder,
    Pipe,
    LinkToFile(usize),
    LinkToFolder(usize),
    Dangling,
}

fn entry() -> impl Strategy<Value = (usize, Entry)> {
    let kind = prop_oneof![
        4 => (0..GOOD.len()).prop_map(Entry::Good),
        1 => Just(Entry::Empty),
        3 => Just(Entry::Folder),
        1 => Just(Entry::Pipe),
        1 => any::<usize>().prop_map(Entry::LinkToFile),
        2 => any::<usize>().prop_map(Entry::LinkToFolder),
        1 => Just(Entry::Dangling),
    ];
    (any::<usize>(), kind)
}

/// Builds the tree; returns the good files' canonical paths and texts.
fn build(root: &Path, entries: &[(usize, Entry)]) -> BTreeMap<PathBuf, &'static str> {
    let mut folders = vec![root.to_path_buf()];
    let mut files: Vec<PathBuf> = Vec::new();
    let mut good = BTreeMap::new();
    for (n, (at, e)) in entries.iter().enumerate() {
        let dir = folders[at % folders.len()].clone();
        match e {
            Entry::Good(i) => {
                let p = dir.join(format!("doc{n}.txt"));
                std::fs::write(&p, GOOD[*i]).unwrap();
                good.insert(p.canonicalize().unwrap(), GOOD[*i]);
                files.push(p);
            }
            Entry::Empty => std::fs::write(dir.join(format!("empty{n}.txt")), "").unwrap(),
            Entry::Folder => {
                let p = dir.join(format!("dir{n}"));
                std::fs::create_dir(&p).unwrap();
                folders.push(p);
            }
            Entry::Pipe => {
                let ok = std::process::Command::new("mkfifo").arg(dir.join(format!("pipe{n}.txt"))).status().unwrap();
                assert!(ok.success());
            }
            Entry::LinkToFile(i) if !files.is_empty() => {
                symlink(&files[i % files.len()], dir.join(format!("link{n}.txt"))).unwrap();
            }
            Entry::LinkToFolder(i) => symlink(&folders[i % folders.len()], dir.join(format!("dirlink{n}"))).unwrap(),
            Entry::Dangling | Entry::LinkToFile(_) => symlink(dir.join("nowhere"), dir.join(format!("dangling{n}.txt"))).unwrap(),
        }
    }
    good
}

fn check(entries: &[(usize, Entry)]) {
    let dir = tempfile::tempdir().unwrap();
    let good = build(dir.path(), entries);
    let corpus = CorpusReader::new().read(&[dir.path()]);
    // Every good file once, as it reads alone.
    let read: BTreeSet<PathBuf> =
        corpus.documents.iter().map(|d| d.source.path.as_ref().unwrap().canonicalize().unwrap()).collect();
    assert_eq!(read.len(), corpus.documents.len(), "a file was read twice");
    assert_eq!(read, good.keys().cloned().collect::<BTreeSet<_>>());
    for doc in &corpus.documents {
        let alone = Ingester::new().ingest_file_as(doc.source.path.as_ref().unwrap(), doc.id.as_str()).unwrap();
        assert_eq!(doc.priorities, alone.priorities);
        assert_eq!(doc.blocks, alone.blocks);
    }
    // Every bad path named once.
    let named: Vec<&Path> = corpus.failures.iter().map(kommunbench_core::CorpusError::path).collect();
    let unique: BTreeSet<&Path> = named.iter().copied().collect();
    assert_eq!(unique.len(), named.len(), "a path named twice: {:?}", corpus.failures);
    for f in &corpus.failures {
        let text = f.to_string();
        assert!(
            text.contains("empty")
                || text.contains("named pipe")
                || text.contains("cannot read")
                || text.contains("no documents"),
            "{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn random_trees_are_walked_whole_and_once(entries in prop::collection::vec(entry(), 1..24)) {
        check(&entries);
    }
}

#[test]
#[ignore = "long: set KOMMUNBENCH_WALK_CASES"]
fn walker_long() {
    let cases = std::env::var("KOMMUNBENCH_WALK_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases, ..ProptestConfig::default() });
    runner
        .run(&prop::collection::vec(entry(), 1..40), |entries| {
            check(&entries);
            Ok(())
        })
        .unwrap();
}

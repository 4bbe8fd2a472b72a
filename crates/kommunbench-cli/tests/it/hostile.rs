//! Hostile file systems and outputs (issue: nothing hangs, nothing is
//! lost, no number changes silently): unreadable folders, pipes and
//! devices, link loops, damaged UTF-8, colliding ids, odd names, and a
//! report folder written by two runs at once.

#![cfg(unix)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::common::{fixtures, run_within, stderr, stdout};

/// Far longer than any of these runs takes: a run past it hangs.
const LIMIT: Duration = Duration::from_mins(2);

const DOC: &str = "Integrationsplan\n\nKommunen arbetar med sfi och praktik för nyanlända.\n";

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kommunbench"))
}

fn ingest_json(paths: &[&Path]) -> (Output, Vec<String>) {
    let mut cmd = binary();
    cmd.arg("ingest").args(paths).args(["--format", "json"]);
    let out = run_within(cmd, LIMIT);
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    let ids = docs.as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    (out, ids)
}

#[test]
fn pipes_devices_and_link_loops_never_hang_or_multiply() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("good.txt"), DOC).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/other.txt"), DOC.replace("sfi", "skola")).unwrap();
    assert!(Command::new("mkfifo").arg(root.join("pipe.txt")).status().unwrap().success());
    symlink("/dev/zero", root.join("zero.txt")).unwrap();
    symlink(".", root.join("sub/loop")).unwrap();
    symlink("..", root.join("sub/up")).unwrap();
    symlink("good.txt", root.join("again.txt")).unwrap();
    let (out, mut ids) = ingest_json(&[root]);
    ids.sort();
    assert_eq!(ids, ["good", "other"], "every document once");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("pipe.txt: not a regular file (a named pipe); only regular files are documents"), "{err}");
    // A link out of the folder given is not followed; asked to, the
    // device it leads to is refused unopened.
    assert!(err.contains("zero.txt: a link to /dev/zero, outside the folders given; not followed"), "{err}");
    let mut follow = binary();
    follow.arg("ingest").arg(root).arg("--follow-links");
    let err = stderr(&run_within(follow, LIMIT));
    assert!(err.contains("zero.txt: not a regular file (a device)"), "{err}");
    assert!(err.contains("loop: symbolic link loop"), "{err}");
    assert!(err.contains("up: symbolic link loop"), "{err}");
    assert!(err.contains("again.txt: the same file as"), "{err}");
}

#[test]
fn the_size_limit_holds_whatever_size_is_reported() {
    // `--framework` through a link to /dev/zero: refused, not read forever.
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("framework.toml");
    symlink("/dev/zero", &zero).unwrap();
    let mut cmd = binary();
    cmd.args(["coverage"]).arg(fixtures().join("corpus")).arg("--framework").arg(&zero);
    let out = run_within(cmd, LIMIT);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a regular file (a device)"), "{}", stderr(&out));
}

#[test]
fn an_unreadable_folder_is_one_failure_as_a_user_without_rights() {
    let uid = unsafe_free_uid();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("good.txt"), DOC).unwrap();
    std::fs::create_dir(root.join("locked")).unwrap();
    std::fs::write(root.join("locked/hidden.txt"), DOC).unwrap();
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    for p in [dir.path(), &root] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(root.join("good.txt"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let Some(uid) = uid else {
        eprintln!("not root: the test of an unreadable folder needs to drop to another user (setpriv); skipped");
        return;
    };
    let mut cmd = Command::new("setpriv");
    cmd.args([&format!("--reuid={uid}"), &format!("--regid={uid}"), "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_kommunbench"))
        .args(["ingest", "--format", "json"])
        .arg(&root);
    let out = run_within(cmd, LIMIT);
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    assert_eq!(docs.as_array().unwrap().len(), 1, "the readable document is read");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("locked: cannot read: Permission denied"), "{err}");
}

/// The uid of `nobody` when this test runs as root (it can drop to it).
fn unsafe_free_uid() -> Option<u32> {
    let id = Command::new("id").arg("-u").output().ok()?;
    (String::from_utf8_lossy(&id.stdout).trim() == "0" && Path::new("/usr/bin/setpriv").exists()).then_some(65534)
}

#[test]
fn damaged_utf8_stays_utf8_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Integrationsplan för Vingåker\n\nKommunen motverkar diskriminering och rasism. Vi arbetar med mångfald.\n";
    let mut bytes = text.as_bytes().to_vec();
    let at = text.find("å").unwrap();
    bytes.remove(at + 1); // one byte of `å` dropped
    std::fs::write(dir.path().join("vingaker.txt"), &bytes).unwrap();
    let (out, ids) = ingest_json(&[dir.path()]);
    assert_eq!(ids, ["vingaker"]);
    assert_eq!(out.status.code(), Some(0), "a warning, not a failure");
    assert!(stderr(&out).contains("vingaker.txt: 1 invalid UTF-8 sequence (first at byte"), "{}", stderr(&out));
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(docs[0]["source"]["encoding"], "UTF-8");
    assert_eq!(docs[0]["source"]["damaged"], serde_json::json!([at]));
}

#[test]
fn colliding_ids_are_made_unique_and_evaluate_picks_none() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("jonkoping.txt"), DOC).unwrap();
    }
    std::fs::write(dir.path().join("jonkoping.md"), DOC).unwrap();
    let (out, mut ids) = ingest_json(&[dir.path()]);
    ids.sort();
    assert_eq!(ids, ["a.jonkoping.txt", "b.jonkoping.txt", "jonkoping.md"]);
    assert!(stderr(&out).contains("3 files have the document id `jonkoping`"), "{}", stderr(&out));
    let gold = dir.path().join("gold.csv");
    std::fs::write(&gold, "document,work\njonkoping,1\n").unwrap();
    let mut cmd = binary();
    cmd.arg("evaluate").arg(dir.path()).arg("--gold").arg(&gold);
    let out = run_within(cmd, LIMIT);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("document is not in the corpus: jonkoping"), "{}", stderr(&out));
}

#[test]
fn blank_files_and_odd_names_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), DOC).unwrap();
    std::fs::write(dir.path().join("blank.txt"), " \n\t\n").unwrap();
    std::fs::write(dir.path().join("zero-width.txt"), "\u{200B}\u{FEFF}\u{2060}\n").unwrap();
    let odd = PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(b"caf\xe9.txt".to_vec()));
    std::fs::write(dir.path().join(&odd), DOC).unwrap();
    let (out, mut ids) = ingest_json(&[dir.path()]);
    ids.sort();
    assert_eq!(ids, ["caf\u{FFFD}", "good"], "the JSON is whole and names the odd file lossily");
    let err = stderr(&out);
    assert!(err.contains("blank.txt: the file holds only white space or invisible characters"), "{err}");
    assert!(err.contains("zero-width.txt: the file holds only white space"), "{err}");
}

#[test]
fn small_hostile_inputs() {
    let dir = tempfile::tempdir().unwrap();
    // A coding with a repeated column.
    let gold = dir.path().join("gold.csv");
    std::fs::write(&gold, "document,work,work\nvasa-2023,1,0\n").unwrap();
    let mut cmd = binary();
    cmd.arg("evaluate").arg(fixtures().join("corpus")).arg("--gold").arg(&gold);
    let out = run_within(cmd, LIMIT);
    assert!(stderr(&out).contains("gold.csv:1: column `work` appears twice (column 3)"), "{}", stderr(&out));
    // A framework linked to itself: the loop, not "unknown framework".
    let selfish = dir.path().join("self.toml");
    symlink(&selfish, &selfish).unwrap();
    let mut cmd = binary();
    cmd.arg("frameworks").arg(&selfish);
    let out = run_within(cmd, LIMIT);
    let err = stderr(&out);
    assert!(err.contains("self.toml") && err.to_lowercase().contains("symbolic links"), "{err}");
    assert!(!err.contains("unknown framework"), "{err}");
    // A directory given as a framework: the OS error once.
    let mut cmd = binary();
    cmd.arg("frameworks").arg(dir.path().join("sub.toml"));
    std::fs::create_dir(dir.path().join("sub.toml")).unwrap();
    let out = run_within(cmd, LIMIT);
    let err = stderr(&out);
    assert_eq!(err.matches("directory").count(), 1, "{err}");
    // A formula-leading document id reaches CSV escaped.
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("=HYPERLINK(1).txt"), DOC).unwrap();
    let mut cmd = binary();
    cmd.arg("coverage").arg(&corpus);
    let out = run_within(cmd, LIMIT);
    assert!(stdout(&out).lines().nth(1).unwrap().starts_with("'=HYPERLINK(1),"), "{}", stdout(&out));
}

/// A report folder always holds one complete run: two runs at once, one
/// killed mid-write, a folder in the way.
#[test]
fn the_report_folder_is_one_complete_run() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("report");
    let report = |extra: &[&str]| {
        let mut cmd = binary();
        cmd.arg("report").arg(fixtures().join("corpus")).arg("--out").arg(&out_dir).args(extra);
        cmd
    };
    // A first complete run.
    let out = run_within(report(&[]), LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read_to_string(out_dir.join("coverage.csv")).unwrap();
    // Two runs at once: one writes, the other fails fast naming the lock;
    // the one that writes is killed mid-way, and the folder keeps the first run.
    let mut a = report(&[]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let mut b = report(&[]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let _ = a.kill();
    let _ = b.kill();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        let err = stderr(o);
        assert!(err.is_empty() || err.contains("another kommunbench run is writing"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(out_dir.join("coverage.csv")).unwrap(), first);
    assert!(out_dir.join("report.html").is_file());
    // The next run cleans up whatever the killed ones left beside it.
    let out = run_within(report(&[]), LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains("staging")
                || n.contains(".old-")
                || std::path::Path::new(n).extension().is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
        })
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    // A folder in the way of one output does not matter: the run writes a new folder.
    std::fs::create_dir(out_dir.join("report.html.d")).unwrap();
    std::fs::remove_file(out_dir.join("report.html")).unwrap();
    std::fs::create_dir(out_dir.join("report.html")).unwrap();
    let out = run_within(report(&[]), LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("report.html").is_file());
    // Nearest peers by default, all pairs on request.
    let peers = std::fs::read_to_string(out_dir.join("peers.csv")).unwrap();
    assert!(peers.starts_with("a,rank,b,cosine,jaccard"), "{peers}");
    let out = run_within(report(&["--all-pairs"]), LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    let peers = std::fs::read_to_string(out_dir.join("peers.csv")).unwrap();
    assert_eq!(peers.lines().count(), 1 + 10, "5 municipalities, 10 pairs: {peers}");
}

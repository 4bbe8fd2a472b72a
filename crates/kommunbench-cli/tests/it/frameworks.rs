//! `kommunbench frameworks`.

use crate::common::{run, stderr, stdout};

#[test]
fn lists_the_builtin_frameworks() {
    let out = run(&["frameworks"]);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out), @r"
    se-2008    7 areas  Nationell integrationsstrategi 2008 (Egenmakt mot utanförskap)
    se-2025    5 areas  Nationell integrationspolitik 2025 (fem delmål)
    ");
}

#[test]
fn a_user_framework_file_loads() {
    let out = run(&["frameworks", "fixtures/frameworks/vasa-helheter.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("vasa-helheter: Vasa stads integrationsprogram 2023–2026: sju helheter"), "{text}");
    assert_eq!(text.lines().filter(|l| !l.contains("also:")).count(), 8);
}

#[test]
fn a_broken_framework_file_gets_file_line_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    let text = std::fs::read_to_string(crate::common::fixtures().join("frameworks/vasa-helheter.toml")).unwrap();
    std::fs::write(&path, text.replace("id = \"safety\"", "id = \"housing\"")).unwrap();
    let out = run(&["frameworks", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), format!("error: {}:52: duplicate area id `housing`", path.display()));

    std::fs::write(&path, "id = \"x\"\nname = \"X\"\n[[areas]]\nid = \"a\"\ntitle_sv = \"A\"\ntitle_en = 5\n").unwrap();
    let out = run(&["frameworks", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with(&format!("error: {}:6:12: invalid type: integer `5`, expected a string", path.display())), "{err}");
}

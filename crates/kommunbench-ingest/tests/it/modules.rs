//! No crate of the workspace has a module cycle.
//!
//! The test reads every crate's sources and builds the graph of the
//! `crate::` and `super::` paths each module uses. A module's use of its
//! own ancestors or descendants is the tree, not a dependency; between
//! any other two modules, the edge is drawn between their ancestors that
//! are siblings (children of the lowest module holding both). Among the
//! children of each module, and among a crate's top-level modules, the
//! dependencies must run one way: `layout` may read `headings`, and then
//! `headings` may not read `layout`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path within its crate: `["priorities", "rules", "chapter"]`.
type Module = Vec<String>;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a source file defines.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The module paths a source uses: `crate::a::b` and `super::c` (items of
/// a brace group after them too), outside comments.
fn uses(module: &Module, source: &str) -> Vec<Module> {
    let word =
        regex::Regex::new(r"(crate|super(?:::super)*)::(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)").unwrap();
    let mut out = Vec::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for c in word.captures_iter(line) {
            let base: Module = match &c[1] {
                "crate" => Vec::new(),
                supers => {
                    let up = supers.matches("super").count();
                    // `super` in a file's top level is its parent module.
                    module[..module.len().saturating_sub(up)].to_vec()
                }
            };
            let rest = &c[2];
            let paths: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.trim_end_matches('}').split(',').map(str::trim).collect(),
                None => vec![rest],
            };
            for path in paths {
                let mut m = base.clone();
                m.extend(path.split("::").map(str::trim).filter(|p| !p.is_empty() && *p != "self").map(str::to_owned));
                out.push(m);
            }
        }
    }
    out
}

/// The longest prefix of `path` that names a module of the crate.
fn resolve(path: &Module, modules: &BTreeSet<Module>) -> Module {
    (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| modules.contains(p)).unwrap_or_default()
}

/// A cycle among the edges, if there is one.
fn cycle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_a_module_cycle() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    for entry in std::fs::read_dir(&crates).unwrap() {
        let src = entry.unwrap().path().join("src");
        if !src.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        sources(&src, &mut files);
        let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
        // Edges between siblings, all levels in one graph (siblings of
        // different parents never meet).
        let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
        for file in &files {
            let from = module_of(&src, file);
            let text = std::fs::read_to_string(file).unwrap();
            for to in uses(&from, &text).iter().map(|u| resolve(u, &modules)) {
                let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
                if common == from.len() || common == to.len() {
                    continue; // an ancestor or a descendant
                }
                edges.entry(from[..=common].to_vec()).or_default().insert(to[..=common].to_vec());
            }
        }
        if let Some(cycle) = cycle(&edges) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("{}: a module cycle: {}", src.display(), names.join(" -> "));
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} crates read");
}

#[test]
fn the_graph_sees_a_cycle_between_siblings() {
    let modules: BTreeSet<Module> =
        [vec![], vec!["a".into()], vec!["b".into()], vec!["b".into(), "c".into()]].into_iter().collect();
    let a = uses(&vec!["a".into()], "use crate::b::c::Thing;\n// crate::a in a comment\n");
    let c = uses(&vec!["b".into(), "c".into()], "use super::super::a::{X, Y};\nuse super::Z;\n");
    assert_eq!(a.iter().map(|u| resolve(u, &modules)).collect::<Vec<_>>(), [vec!["b".to_owned(), "c".to_owned()]]);
    assert_eq!(resolve(&c[0], &modules), vec!["a".to_owned()]);
    assert_eq!(resolve(&c[1], &modules), vec!["b".to_owned()], "super is the parent");
    let edges: BTreeMap<Module, BTreeSet<Module>> = [
        (vec!["a".into()], [vec!["b".into()]].into_iter().collect()),
        (vec!["b".into()], [vec!["a".into()]].into_iter().collect()),
    ]
    .into_iter()
    .collect();
    assert!(cycle(&edges).is_some());
}

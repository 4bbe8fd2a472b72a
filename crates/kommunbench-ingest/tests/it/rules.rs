//! The rules' test tables: `tests/rules/<rule>.toml`, one per rule of the
//! registry, each a list of cases (a text written in the style of the
//! genre, and every priority the ingester must give for it). A table
//! holds texts its rule must read and texts it must leave alone, so a
//! rule can neither stop firing nor start firing where it should not
//! without a case failing. Run one rule's table with
//! `KOMMUNBENCH_RULE=<rule> cargo test -p kommunbench-ingest --test it rules`.

use std::path::Path;

use kommunbench_core::{Level, PolicyDocument, Rule};
use kommunbench_ingest::Ingester;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows.
    name: String,
    /// The text, as a page or an extracted document gives it.
    text: String,
    /// Every priority, in document order.
    priorities: Vec<Expected>,
    /// Who speaks (`municipality`, `party:M`, `region`, `national`,
    /// `organisation`), where the rule depends on it.
    #[serde(default)]
    speaker: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Expected {
    title: String,
    level: Level,
    rule: Rule,
    /// The parent's title, where the priority has a parent.
    #[serde(default)]
    parent: Option<String>,
}

fn found(doc: &PolicyDocument) -> Vec<Expected> {
    doc.priorities
        .iter()
        .map(|p| Expected {
            title: p.title.clone(),
            level: p.level,
            rule: p.rule,
            parent: p.parent.map(|i| doc.priorities[i].title.clone()),
        })
        .collect()
}

/// The failures of the table of `rule`: every case's priorities as
/// expected, and at least one case where the rule reads a text and one
/// where it does not.
fn run(rule: Rule) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/rules/{rule}.toml"));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => return vec![format!("{}: {e} (every rule has a table)", path.display())],
    };
    let table: Table = match toml::from_str(&text) {
        Ok(table) => table,
        Err(e) => return vec![format!("{}: {e}", path.display())],
    };
    let ingester = Ingester::new();
    let (mut reads, mut leaves) = (0, 0);
    let mut failures = Vec::new();
    for case in &table.case {
        let doc = ingester.ingest_str("case", &case.text).unwrap();
        let got = found(&doc);
        if got != case.priorities {
            failures.push(format!("{}: {}\n  expected {:#?}\n  got {:#?}", path.display(), case.name, case.priorities, got));
        }
        if let Some(speaker) = &case.speaker
            && doc.speaker.to_string() != *speaker
        {
            failures.push(format!("{}: {}: speaker {} (expected {speaker})", path.display(), case.name, doc.speaker));
        }
        if case.priorities.iter().any(|p| p.rule == rule) {
            reads += 1;
        } else {
            leaves += 1;
        }
    }
    if reads == 0 {
        failures.push(format!("{}: no case that the rule reads", path.display()));
    }
    if leaves == 0 {
        failures.push(format!("{}: no case that the rule leaves alone", path.display()));
    }
    failures
}

/// Every rule of the registry reads its table as written. Set
/// `KOMMUNBENCH_RULE=<rule>` to run one table.
#[test]
fn every_rule_reads_its_table() {
    let only = std::env::var("KOMMUNBENCH_RULE").ok();
    let failures: Vec<String> =
        Rule::ALL.into_iter().filter(|r| only.as_deref().is_none_or(|o| o == r.as_str())).flat_map(run).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

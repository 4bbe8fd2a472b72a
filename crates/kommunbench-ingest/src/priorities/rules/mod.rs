//! The priority rules, one module each, and their registry.
//!
//! A rule reads the document's [`Outline`] and what the rules before it
//! have [`Found`], and adds the priorities it finds, each recording the
//! rule ([`Rule`]) so that a user can audit or filter them. Two kinds:
//!
//! - **passes** run one after another over the whole document, in the
//!   order of [`PASSES`]: an earlier pass claims the blocks it reads, and
//!   a later one reads what is left;
//! - **item rules** apply to each item that a pass takes from a list or a
//!   run of `Title: body` lines, in the order of [`ITEM_RULES`]: the first
//!   that applies decides the item's level and rule, else the pass's own
//!   rule does.
//!
//! Every rule is listed once. Adding one touches its module, this
//! registry, and its test table (`tests/rules/<rule>.toml`); see
//! `docs/ingestion.md`. The list rules share how a list is taken
//! ([`lists`]: runs, introductions, items), which applies the item rules.

use kommunbench_core::Rule;

use super::{Found, Outline};

mod action_table;
mod chapter;
mod commitment;
mod counted_heading;
mod enumeration;
mod heading_section;
mod introduced_list;
mod kind_label;
mod lists;
mod nested_item;
mod priority_heading;
mod section;
mod standalone_list;

/// A pass: the rule it records, and how it reads a document.
pub(crate) struct Pass {
    /// The rule its priorities record.
    pub rule: Rule,
    /// Reads the outline, adding to what was found.
    pub apply: fn(&Outline<'_>, &mut Found<'_>),
}

/// The passes, in their order of application.
pub(crate) const PASSES: &[Pass] = &[
    Pass { rule: priority_heading::RULE, apply: priority_heading::apply },
    Pass { rule: heading_section::RULE, apply: heading_section::apply },
    Pass { rule: counted_heading::RULE, apply: counted_heading::apply },
    Pass { rule: enumeration::RULE, apply: enumeration::apply },
    Pass { rule: introduced_list::RULE, apply: introduced_list::apply },
    Pass { rule: standalone_list::RULE, apply: standalone_list::apply },
    Pass { rule: action_table::RULE, apply: action_table::apply },
    Pass { rule: chapter::RULE, apply: chapter::apply },
    Pass { rule: section::RULE, apply: section::apply },
    Pass { rule: commitment::RULE, apply: commitment::apply },
];

/// The item rules, in the order they are tried on an item.
pub(crate) const ITEM_RULES: &[Rule] = &[kind_label::RULE, nested_item::RULE];

#[cfg(test)]
mod tests {
    use super::{ITEM_RULES, PASSES};
    use kommunbench_core::Rule;

    #[test]
    fn the_registry_lists_every_rule_once() {
        let listed: Vec<Rule> = PASSES.iter().map(|p| p.rule).chain(ITEM_RULES.iter().copied()).collect();
        for rule in Rule::ALL {
            assert_eq!(listed.iter().filter(|r| **r == rule).count(), 1, "{rule}");
        }
        assert_eq!(listed.len(), Rule::ALL.len());
    }
}

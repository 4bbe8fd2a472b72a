//! `action_table`: the rows of a table of actions.
//!
//! ## What it finds
//!
//! A table whose header row names an action column (`Åtgärd`,
//! `Aktivitet`, `Insatser`): each row below it is an action, its cell in
//! that column the title, and the cells under detail columns
//! (`Ansvarig`, `Samarbetspartner`, `Tidplan`, `Mätare`) its details. The
//! actions belong to the nearest priority before the table that is not an
//! action itself: the goal or area whose section holds it.
//!
//! ## Why it holds
//!
//! Action plans are tables by convention, a row an action with who does
//! it and when; the header says which column is the action.
//!
//! ## Example
//!
//! ```text
//! Åtgärd → Ansvarig → Tidtabell → Mätare
//! Sfi med praktik → Vuxenutbildningen → 2024 → Andel som klarar kursen
//! ```
//!
//! (cells between tabs, shown as `→`)
//!
//! gives the action `Sfi med praktik`, responsible `Vuxenutbildningen`.

use kommunbench_core::{BlockKind, Level, Rule};

use crate::priorities::details::{self, Detail};
use crate::priorities::{Found, Outline};
use crate::vocabulary::{has, vocabulary};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::ActionTable;

/// Takes the rows of every action table.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    let mut i = 0;
    while i < outline.blocks.len() {
        let BlockKind::TableRow { cells } = &outline.blocks[i].kind else {
            i += 1;
            continue;
        };
        let header: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
        let action_col = header.iter().position(|h| has(&vocabulary().items.action_columns, h));
        let Some(action_col) = action_col else {
            i += 1;
            continue;
        };
        let columns: Vec<Option<Detail>> = header.iter().map(|h| Detail::of(h)).collect();
        let table = outline.blocks[i].span.start;
        // The nearest priority before the table that is not an action.
        let parent = (0..found.priorities.len())
            .filter(|&p| found.priorities[p].level != Level::Action && found.priorities[p].span.start < table)
            .max_by_key(|&p| found.priorities[p].span.start);
        let mut j = i + 1;
        while let Some(BlockKind::TableRow { cells }) = outline.blocks.get(j).map(|b| &b.kind) {
            if let Some(action) = cells.get(action_col) {
                let row = outline.blocks[j].span;
                let span = outline.locate(row, action, row.start).unwrap_or(row);
                let p = found.push(action, String::new(), Level::Action, RULE, span, None);
                found.priorities[p].parent = parent;
                for (cell, column) in cells.iter().zip(&columns) {
                    if let Some(detail) = column {
                        details::add(&mut found.priorities[p].details, *detail, cell);
                    }
                }
                found.claimed[j] = true;
                found.itemised = true;
            }
            j += 1;
        }
        i = j;
    }
}

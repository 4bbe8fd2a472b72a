//! `nested_item`: a list item under another item.
//!
//! ## What it finds
//!
//! An item rule, tried on each list item a pass takes: an item whose
//! marker differs from the item before it (`1.` then `a)` then `•`) opens
//! a level under that item; a marker seen before in the list closes the
//! levels opened since. A nested item is the child of the item above it,
//! one level below it (a sub-goal under a goal, an action under an
//! area).
//!
//! ## Why it holds
//!
//! Word, web editors and typists nest lists by changing the marker, and
//! text extracted from them keeps the markers even where it loses the
//! indentation; the marker is the surest sign of depth.
//!
//! ## Example
//!
//! ```text
//! Vi vill:
//! 1. Fler i arbete
//!    a) Praktik i alla förvaltningar
//! 2. Bättre sfi
//! ```
//!
//! gives two priority areas and, under the first, the action `Praktik i
//! alla förvaltningar`.

use kommunbench_core::{Level, Rule};

use crate::priorities::Found;

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::NestedItem;

/// The depth of the items of one list, as their markers tell it.
#[derive(Default)]
pub(crate) struct Nesting {
    /// The class of marker that opened each level.
    markers: Vec<(char, char)>,
    /// The last priority taken at each level.
    stack: Vec<usize>,
}

impl Nesting {
    /// An item with `marker` comes: its depth (0 at the top).
    pub(crate) fn enter(&mut self, marker: &str) -> usize {
        let class = marker_class(marker);
        if let Some(depth) = self.markers.iter().position(|m| *m == class) {
            self.markers.truncate(depth + 1);
            self.stack.truncate(depth);
        } else {
            self.markers.push(class);
        }
        self.markers.len() - 1
    }

    /// The priority an item at `depth` nests under, if it is nested.
    pub(crate) fn parent(&self, depth: usize) -> Option<usize> {
        self.stack.last().copied().filter(|_| depth > 0)
    }

    /// The item at `depth` became priority `p`.
    pub(crate) fn taken(&mut self, depth: usize, p: usize) {
        self.stack.truncate(depth);
        self.stack.push(p);
    }
}

/// Where a nested item under priority `up` stands: one level below it,
/// its child, found by this rule.
pub(crate) fn placed(found: &Found<'_>, up: usize) -> (Level, Rule, Option<usize>) {
    (found.priorities[up].level.child(), RULE, Some(up))
}

/// Markers of one kind nest at one depth: `1.` and `2.` alike, `a)` and
/// `b)` alike: the kind of the first character, and the last character.
fn marker_class(marker: &str) -> (char, char) {
    let first = marker.chars().next().unwrap_or(' ');
    let last = marker.chars().next_back().unwrap_or(' ');
    let kind = if first.is_ascii_digit() {
        '1'
    } else if first.is_alphabetic() && marker.chars().count() == 2 {
        'a'
    } else {
        first
    };
    (kind, last)
}

#[cfg(test)]
mod tests {
    use super::{Nesting, marker_class};

    #[test]
    fn markers_of_one_kind_nest_at_one_depth() {
        assert_eq!(marker_class("1."), marker_class("12."));
        assert_eq!(marker_class("a)"), marker_class("b)"));
        assert_ne!(marker_class("1."), marker_class("a."));
        assert_ne!(marker_class("•"), marker_class("–"));
    }

    #[test]
    fn a_new_marker_opens_a_level_and_a_known_one_closes_it() {
        let mut n = Nesting::default();
        assert_eq!(n.enter("1."), 0);
        n.taken(0, 10);
        assert_eq!(n.enter("a)"), 1);
        assert_eq!(n.parent(1), Some(10));
        n.taken(1, 11);
        assert_eq!(n.enter("b)"), 1);
        assert_eq!(n.enter("2."), 0);
        assert_eq!(n.parent(0), None);
    }
}

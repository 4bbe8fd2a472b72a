//! The text shape every reader writes, so that one document gives the
//! same text whatever format it came in: headings and paragraphs as
//! blocks between blank lines, list items on lines of their own with a
//! marker (bullets changing with depth, numbers counting per list and
//! level), table rows with cells between tabs.

/// The date a metadata value opens with, `YYYY-MM-DD` (an ISO timestamp
/// such as `2024-03-01T09:00:00Z` included).
pub(crate) fn leading_date(value: &str) -> Option<kommunbench_core::Date> {
    value.trim().get(..10)?.parse().ok()
}

/// Markers of bullet items by nesting depth, so that nesting shows as a
/// change of marker.
pub(crate) const BULLETS: &[&str] = &["•", "–", "▪", "◦"];

/// The marker of the `n`th item of a list at nesting `depth`: its number
/// in an ordered list, else the depth's bullet.
pub(crate) fn marker(depth: usize, ordered: bool, n: usize) -> String {
    if ordered { format!("{n}.") } else { BULLETS[depth.min(BULLETS.len() - 1)].to_owned() }
}

/// Appends an item's line: indented two spaces a level, its marker, its text.
pub(crate) fn push_item(out: &mut String, depth: usize, marker: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(marker);
    out.push(' ');
    out.push_str(text);
}

/// Writes blocks in the shared shape.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    text: String,
    /// The list the last line belonged to, and the counters of its levels.
    list: Option<(String, Vec<usize>)>,
}

impl Blocks {
    /// A block between blank lines.
    pub(crate) fn block(&mut self, text: &str) {
        self.list = None;
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(text);
    }

    /// A heading (on a line of its own, between blank lines).
    pub(crate) fn heading(&mut self, text: &str) {
        self.block(text);
    }

    /// A paragraph.
    pub(crate) fn paragraph(&mut self, text: &str) {
        self.block(text);
    }

    /// Table rows, cells between tabs, as one block.
    pub(crate) fn rows(&mut self, rows: &[String]) {
        if !rows.is_empty() {
            self.block(&rows.join("\n"));
        }
    }

    /// A list item of the list `list` at nesting `depth`.
    pub(crate) fn item(&mut self, depth: usize, ordered: bool, list: &str, text: &str) {
        let continues = self.list.as_ref().is_some_and(|(id, _)| id == list);
        if continues {
            self.text.push('\n');
        } else {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.list = Some((list.to_owned(), Vec::new()));
        }
        let (_, counters) = self.list.as_mut().expect("a list");
        counters.resize(depth + 1, 0);
        counters[depth] += 1;
        let marker = marker(depth, ordered, counters[depth]);
        push_item(&mut self.text, depth, &marker, text);
    }

    /// The text, or an error when the file had none.
    pub(crate) fn finish(self) -> Result<String, String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err("the file has no text content".into());
        }
        Ok(format!("{text}\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_nest_and_count_per_level() {
        let mut b = Blocks::default();
        b.heading("Mål");
        b.item(0, true, "a", "Arbete");
        b.item(1, false, "a", "Praktik");
        b.item(0, true, "a", "Språk");
        b.paragraph("Slut.");
        assert_eq!(b.finish().unwrap(), "Mål\n\n1. Arbete\n  – Praktik\n2. Språk\n\nSlut.\n");
    }
}

//! The text shape every reader writes, so that one document gives the
//! same text whatever format it came in: headings and paragraphs as
//! blocks between blank lines, list items on lines of their own with a
//! marker (bullets changing with depth, numbers counting per list and
//! level), table rows with cells between tabs.

/// Markers of bullet items by nesting depth, so that nesting shows as a
/// change of marker.
pub(crate) const BULLETS: &[&str] = &["•", "–", "▪", "◦"];

/// White space runs as one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
        let marker = if ordered { format!("{}.", counters[depth]) } else { BULLETS[depth.min(BULLETS.len() - 1)].to_owned() };
        self.text.push_str(&"  ".repeat(depth));
        self.text.push_str(&marker);
        self.text.push(' ');
        self.text.push_str(text);
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

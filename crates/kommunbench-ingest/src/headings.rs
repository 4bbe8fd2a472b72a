//! What a heading announces: the level of the priorities under it
//! (`Delmål`, `Fokusområden`, `Åtgärder 2024`, `Vision`).
//!
//! Two stages read it. The priority rules take a priority heading's
//! items at this level; the layout keeps such a heading when it recurs
//! (`Åtgärder` over every focus area recurs by design), where another
//! short line that recurs three times is a running header.

use kommunbench_core::Level;

use crate::vocabulary::{closes, has, opens, vocabulary};

/// A heading as its cue words are read: lower case, without its
/// numbering (`3. Fokusområden`) or closing `:`, `.`.
pub(crate) fn heading_key(heading: &str) -> String {
    let lower = kommunbench_text::lowercase(heading.trim());
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    lower.trim_end_matches([':', '.', ' ']).to_owned()
}

/// The level of priorities under a heading, if it is a priority heading:
/// the first of the vocabulary's heading levels whose words it holds.
pub(crate) fn heading_level(heading: &str) -> Option<Level> {
    let h = heading_key(heading);
    let v = vocabulary();
    // `Så arbetar vi inom fokusområdena` tells how, `Vilka är målen?`
    // asks, `Studiecirkelns mål` is what a course teaches.
    let course = || h.split(|c: char| !kommunbench_text::is_word_char(c)).any(|w| has(&v.sections.courses, w));
    if h.starts_with(v.sections.how.as_str()) || h.ends_with('?') || course() {
        return None;
    }
    v.headings
        .iter()
        .find(|l| {
            has(&l.exact, &h) || opens(&h, &l.starts) || l.contains.iter().any(|w| h.contains(w.as_str())) || closes(&h, &l.ends)
        })
        .map(|l| l.level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_the_level_of_their_items() {
        assert_eq!(heading_level("Delmål"), Some(Level::SubGoal));
        assert_eq!(heading_level("Prioriterade områden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("3. Fokusområden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Mål och insatsområden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Mål"), Some(Level::Goal));
        assert_eq!(heading_level("Studiecirkelns mål"), None);
        assert_eq!(heading_level("Kursens mål och innehåll"), None);
        assert_eq!(heading_level("Övergripande mål"), Some(Level::OverallGoal));
        assert_eq!(heading_level("Vision"), Some(Level::Vision));
        assert_eq!(heading_level("Åtgärder 2024"), Some(Level::Action));
        assert_eq!(heading_level("Strategier:"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Samverkan"), None);
        assert_eq!(heading_level("Målgrupp"), None);
        assert_eq!(heading_level("Så arbetar vi inom fokusområdena"), None);
    }
}

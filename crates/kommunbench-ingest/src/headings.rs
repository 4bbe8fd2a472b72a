//! What a heading announces: the level of the priorities under it
//! (`Delmål`, `Fokusområden`, `Åtgärder 2024`, `Vision`).
//!
//! Two stages read it. The priority rules take a priority heading's
//! items at this level; the layout keeps such a heading when it recurs
//! (`Åtgärder` over every focus area recurs by design), where another
//! short line that recurs three times is a running header.

use kommunbench_core::Level;

/// A heading as its cue words are read: lower case, without its
/// numbering (`3. Fokusområden`) or closing `:`, `.`.
pub(crate) fn heading_key(heading: &str) -> String {
    let lower = kommunbench_text::lowercase(heading.trim());
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    lower.trim_end_matches([':', '.', ' ']).to_owned()
}

/// The level of priorities under a heading, if it is a priority heading.
pub(crate) fn heading_level(heading: &str) -> Option<Level> {
    let h = heading_key(heading);
    // `Så arbetar vi inom fokusområdena` tells how, `Vilka är målen?` asks.
    if h.starts_with("så ") || h.ends_with('?') {
        return None;
    }
    let starts = |p: &[&str]| p.iter().any(|w| h.starts_with(w));
    let contains = |p: &[&str]| p.iter().any(|w| h.contains(w));
    if starts(&["vision"]) {
        Some(Level::Vision)
    } else if starts(&["övergripande mål", "huvudmål", "övergripande målsättning"]) {
        Some(Level::OverallGoal)
    } else if starts(&["delmål"]) {
        Some(Level::SubGoal)
    } else if starts(&["åtgärder", "aktiviteter", "insatser", "handlingsplan", "åtgärdsplan"]) {
        Some(Level::Action)
    } else if starts(&["prioriter", "strategier", "helheter", "teman", "strategiska områden", "inriktning"])
        || contains(&["fokusområde", "insatsområde", "utvecklingsområde", "målområde", "temaområde", "prioriterade områden"])
    {
        Some(Level::PriorityArea)
    } else if h == "mål"
        || starts(&["mål ", "målsättning", "våra mål", "kommunens mål", "effektmål", "inriktningsmål"])
        || h.ends_with("s mål")
    {
        Some(Level::Goal)
    } else {
        None
    }
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
        assert_eq!(heading_level("Övergripande mål"), Some(Level::OverallGoal));
        assert_eq!(heading_level("Vision"), Some(Level::Vision));
        assert_eq!(heading_level("Åtgärder 2024"), Some(Level::Action));
        assert_eq!(heading_level("Strategier:"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Samverkan"), None);
        assert_eq!(heading_level("Målgrupp"), None);
        assert_eq!(heading_level("Så arbetar vi inom fokusområdena"), None);
    }
}

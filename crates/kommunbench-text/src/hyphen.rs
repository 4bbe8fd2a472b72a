//! Words broken at a line's end, and the Swedish shorthand that looks
//! like one.
//!
//! A line that ends `arbets-` before a line that opens `marknaden` broke
//! one word in two; a line that ends `barn-` before `och ungdomar` did
//! not: Swedish writes a compound's shared head once (`barn- och
//! ungdomsverksamhet`, `arbets- eller studieplats`), and the hyphen
//! stays. Every reader of text mends the same way: the PDF reader when
//! it joins a paragraph's lines, the layout when it joins wrapped lines,
//! and the mappers' normal form when it reads across a line break.

/// The conjunctions (and `som`, `till`) after which a line-end hyphen
/// elides a compound's head rather than breaking a word: `barn- och
/// ungdomsverksamhet`, `arbets- respektive studieplats`, `vuxen- som
/// ungdomsutbildning`, `kommun- till regionnivå`.
const ELIDING: &[&str] = &["och", "eller", "samt", "respektive", "resp", "som", "till"];

/// Whether the hyphen ending `before` breaks a word that `after` ends:
/// the hyphen follows a letter, and the word `after` opens with (its run
/// of letters) starts in lower case and is not one of the conjunctions of
/// Swedish shorthand (`och`, `eller`, `samt`, `respektive`, `resp`,
/// `som`, `till`).
///
/// ```
/// use kommunbench_text::mends_hyphen;
///
/// assert!(mends_hyphen("arbets-", "marknaden"));
/// assert!(!mends_hyphen("barn-", "och ungdomsverksamheten"));
/// assert!(!mends_hyphen("Sfi-", "Lärcentrum"), "a capital opens a name, not a word's rest");
/// assert!(!mends_hyphen("2020-", "talet"), "a hyphen after a digit joins a number");
/// ```
pub fn mends_hyphen(before: &str, after: &str) -> bool {
    let Some(stem) = before.strip_suffix('-') else { return false };
    if !stem.ends_with(char::is_alphabetic) {
        return false;
    }
    let word = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    word.starts_with(char::is_lowercase) && !ELIDING.contains(&word)
}

/// Joins a wrapped line to the text before it: one space between them,
/// or none where a word was broken at the line's end (its hyphen
/// dropped, see [`mends_hyphen`]). White space at the joint is dropped.
///
/// ```
/// let mut text = String::from("Kommunen ska stärka arbets-");
/// kommunbench_text::join_wrapped(&mut text, "marknaden och barn-");
/// kommunbench_text::join_wrapped(&mut text, " och ungdomsverksamheten.");
/// assert_eq!(text, "Kommunen ska stärka arbetsmarknaden och barn- och ungdomsverksamheten.");
/// ```
pub fn join_wrapped(out: &mut String, next: &str) {
    out.truncate(out.trim_end().len());
    let next = next.trim_start();
    if mends_hyphen(out, next) {
        out.pop();
    } else {
        out.push(' ');
    }
    out.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::{join_wrapped, mends_hyphen};

    #[test]
    fn every_conjunction_of_the_shorthand_keeps_its_hyphen() {
        for word in super::ELIDING {
            assert!(!mends_hyphen("barn-", &format!("{word} ungdomar")), "{word}");
            // The conjunction as a word's start is no conjunction.
            assert!(mends_hyphen("kommun-", &format!("{word}xyz")), "{word}xyz");
        }
        assert!(!mends_hyphen("barn-", "och, ungdomar"));
    }

    #[test]
    fn only_a_hyphen_after_a_letter_before_a_small_letter_breaks_a_word() {
        assert!(mends_hyphen("kommun-", "invånare deltar"));
        assert!(mends_hyphen("för-", "äldrar"));
        assert!(!mends_hyphen("kommun", "invånare"));
        assert!(!mends_hyphen("kommun -", "invånare"));
        assert!(!mends_hyphen("kommun-", "(invånare)"));
        assert!(!mends_hyphen("kommun-", ""));
        assert!(!mends_hyphen("-", "invånare"));
    }

    #[test]
    fn wrapped_lines_join_with_one_space() {
        let mut text = String::from("Fler kommun-  ");
        join_wrapped(&mut text, "  invånare deltar");
        assert_eq!(text, "Fler kommuninvånare deltar");
        let mut text = String::from("Sfi-");
        join_wrapped(&mut text, "Lärcentrum");
        assert_eq!(text, "Sfi- Lärcentrum");
    }
}

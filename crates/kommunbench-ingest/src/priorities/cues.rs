//! The words by which Swedish administrative texts announce what follows:
//! a list of goals, focus areas, duties or demands (`Kommunens mål är:`,
//! `Vi vill:`, `Kommunen ska se till att`), or a list that is something
//! else (eligibility, course contents, another authority's duties).
//!
//! An introduction is read from its end: the cue nearest to the list
//! decides (`Förutom dessa nyckelområden finns följande utgångspunkter:`
//! introduces starting points, not focus areas).

use kommunbench_core::Level;

use crate::headings::heading_key;
use crate::patterns::{self, Class};
use crate::vocabulary::{closes, has, opens, vocabulary};

/// What an introduction says about the list it introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// The list states priorities of this level.
    Priority(Level),
    /// The list is about others or for others: eligibility, contents,
    /// another authority's duties, links. It is not the author's policy.
    Not,
    /// The list frames the policy (starting points, background): the
    /// author's own words, but not priorities.
    Framing,
    /// Nothing either way.
    Silent,
}

/// Lower-cased words of `text`, hyphens kept inside words.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    word_iter(text).collect()
}

/// A word in lower case: borrowed from the text when it is already.
pub(crate) type Word<'a> = std::borrow::Cow<'a, str>;

/// [`words`] one at a time, for a reader that needs only the first few.
pub(crate) fn word_iter(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    text.split(|c: char| !(kommunbench_text::is_word_char(c) || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(kommunbench_text::lowercase_cow)
}

/// The level a noun announces, if it names priorities: `målen`, `delmål`,
/// `fokusområden`, `prioriterade`, `strategier`, `åtgärder`, `ansvar`
/// (the vocabulary's `[nouns]`, read in this order: the words, the area
/// compounds and stems, the endings of duties, the goals' stems and
/// endings).
pub(crate) fn noun_level(word: &str) -> Option<Level> {
    if let Some(level) = patterns::cues().nouns.get(word).flatten() {
        return Some(level);
    }
    let n = &vocabulary().nouns;
    let area = n.area_heads.iter().any(|h| word.strip_suffix(h.as_str()).is_some_and(|prefix| has(&n.area_prefixes, prefix)));
    if area || opens(word, &n.priority_area_stems) {
        Some(Level::PriorityArea)
    } else if closes(word, &n.responsibility_endings) {
        Some(Level::Responsibility)
    } else if opens(word, &n.goal_stems) || closes(word, &n.goal_endings) && !closes(word, &n.goal_ending_exceptions) {
        Some(Level::Goal)
    } else {
        None
    }
}

/// A municipality, region or one of their bodies: what `ska` makes a duty of.
fn is_public_body(word: &str) -> bool {
    let i = &vocabulary().introductions;
    patterns::class(word).is(Class::PUBLIC_BODY) || closes(word, &i.public_body_endings)
}

/// Whether a word makes a stance the author's own: `vi`, the
/// municipality, a public body, a party.
fn is_subject(word: &str) -> bool {
    let i = &vocabulary().introductions;
    patterns::class(word).is(Class::SUBJECT) || closes(word, &i.public_body_endings)
}

/// Whether `word` names another authority (`Länsstyrelsens` too).
pub(crate) fn is_authority(word: &str) -> bool {
    opens(word, &vocabulary().introductions.authorities)
}

/// What an introduction announces, read from its end. `stance` lets a
/// stance verb with the author as subject announce priorities (`Vi
/// vill:`); enumerations in running text only trust nouns.
pub(crate) fn scan(text: &str, stance: bool) -> Cue {
    let words = words(text);
    let author = words.iter().any(|w| is_subject(w));
    // Another authority's duties and stances are not the author's; its
    // priorities, goals and areas named as such are (a region's programme).
    let other = !author && words.iter().any(|w| is_authority(w));
    // `Kommunen ansvarar för att du får:`, `Kommunen ska erbjuda dig:`:
    // after a public body's duty the reader is who it serves.
    let served = |i: usize| {
        has(&vocabulary().commitments.reader, &words[i])
            && words[..i]
                .iter()
                .position(|w| patterns::class(w).is(Class::DUTY))
                .is_some_and(|d| words[..d].iter().any(|w| is_public_body(w)))
    };
    for (i, word) in words.iter().enumerate().rev() {
        let class = patterns::class(word);
        if class.is(Class::OTHERS) && !served(i) {
            return Cue::Not;
        }
        if class.is(Class::FRAMING) {
            return Cue::Framing;
        }
        if let Some(level) = noun_level(word) {
            return if level == Level::Responsibility && other { Cue::Not } else { Cue::Priority(level) };
        }
        if other && class.is(Class::STANCE) {
            return Cue::Not;
        }
        if stance && author && class.is(Class::STANCE) {
            let municipal = words[..i].iter().chain(words.get(i + 1)).any(|w| is_public_body(w));
            let duty = class.is(Class::DUTY);
            return Cue::Priority(if duty && municipal { Level::Responsibility } else { Level::PriorityArea });
        }
    }
    if other { Cue::Not } else { Cue::Silent }
}

/// Whether a question asks about the author: the municipality naming
/// itself (`[speaker] municipality`: `kommunen`, `Ekby kommun`), one of
/// its bodies or `vi` stands in it (`Vad ansvarar kommunen för?`, `Vilket
/// ansvar har Ekby kommun?`; not `Vem kan söka?`, `Hur anmäler jag
/// mig?`). The lists under it are read by what the question and their
/// introductions say (`Vad kan kommunen hjälpa dig med?` is a service's).
fn asks_about_author(question: &str) -> bool {
    let municipal = &vocabulary().speaker.municipality;
    words(question).iter().any(|w| is_public_body(w) || *w == "vi" || has(municipal, w))
}

/// Whether a section heading rules out priorities in its section: a
/// question, unless it asks about the author (`Vem får anmäla sig?`, not
/// `Vad ansvarar kommunen för?`), another authority (`Länsstyrelsen`),
/// or links and documents.
pub(crate) fn heading_excludes(heading: &str) -> bool {
    let h = heading.trim();
    if h.ends_with('?') {
        return !asks_about_author(h);
    }
    let words = words(h);
    let Some(first) = words.first() else { return false };
    is_authority(first) || patterns::class(first).is(Class::EXCLUDING)
}

/// A heading that names many priorities (`Fokusområden`, `Tre
/// prioriterade områden`, `Åtgärder`) announces them; without items of
/// its own it is not one priority.
pub(crate) fn announces_many(heading: &str) -> bool {
    let s = &vocabulary().sections;
    words(heading).iter().any(|w| patterns::class(w).is(Class::MANY) || closes(w, &s.many_endings) && noun_level(w).is_some())
}

/// Chapters whose lists frame the policy rather than state priorities:
/// introduction, background, starting points, follow-up, definitions.
pub(crate) fn frames_section(heading: &str) -> bool {
    let s = &vocabulary().sections;
    let h = heading_key(heading);
    h.ends_with('?') && !asks_about_author(heading.trim())
        || s.background_openings.iter().any(|o| h.starts_with(o.as_str()) && !has(&s.background_openings_with_lists, o))
        || has(&s.background_headings, &h)
        || words(&h).iter().any(|w| s.framing_stems.iter().any(|stem| w.starts_with(stem.as_str())))
}

/// Section headings that frame a policy rather than state a priority.
pub(crate) fn is_background(heading: &str) -> bool {
    let s = &vocabulary().sections;
    let h = heading_key(heading);
    h.ends_with('?')
        || h.starts_with(s.how.as_str())
        || opens(&h, &s.background_openings)
        || has(&s.background_headings, &h)
        || words(&h).iter().any(|w| patterns::class(w).is(Class::SECTION_FRAMING))
}

/// Whether a heading only names: the page's topic (`Invandring och
/// integration`), with `audiences` an audience by which a service page is
/// organised (`Vuxna`, `Ensamkommande barn`, `Asylsökande och
/// nyanlända`), or a document (`Handlingsplan för integration
/// 2016–2017`, `Överenskommelse`). Its section is about the topic or
/// presents the document; it is no priority of its own.
pub(crate) fn only_names(heading: &str, audiences: bool) -> bool {
    let s = &vocabulary().sections;
    let h = heading_key(heading);
    let words = words(&h);
    let named = |w: &Word<'_>| has(&s.topic_words, w) || audiences && has(&s.audiences, w);
    words.iter().all(named) || words.first().is_some_and(|w| closes(w, &s.document_kinds))
}

/// Whether a sentence before a list introduces what a course or a text is
/// about (`Innehållet i kursen är fördelat inom åtta block:`, `Målet är
/// att deltagarna utvecklar kunskap om:`): its items are subjects.
pub(crate) fn introduces_contents(sentence: &str) -> bool {
    let i = &vocabulary().introductions;
    let lower = kommunbench_text::lowercase(sentence);
    let lower = lower.trim().trim_end_matches([':', '.', '…', ' ']);
    let first = lower.split_whitespace().next().unwrap_or_default();
    // A whole word before the ending: `kunskap om`, not `...kunskap om`.
    let ends = |e: &String| lower == e || lower.strip_suffix(e.as_str()).is_some_and(|rest| rest.ends_with(' '));
    has(&i.contents_openings, first) || i.contents_endings.iter().any(ends)
}

/// A chapter heading as a title: without the letter of a lettered chapter.
pub(crate) fn chapter_title(heading: &str) -> String {
    patterns::cues().lettered.replace(heading, "").into_owned()
}

/// Whether a heading is a lettered chapter's: `A. Text`, `B) Text`.
pub(crate) fn is_lettered(heading: &str) -> bool {
    patterns::cues().lettered.is_match(heading)
}

/// The last sentence of a paragraph: what introduces a list after it.
pub(crate) fn last_sentence(text: &str) -> &str {
    let t = text.trim_end();
    let body = t.trim_end_matches(['.', '!', '?', ':', ';', '…']);
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let rest = &body[i + c.len_utf8()..];
            let next = rest.trim_start();
            if rest.starts_with(' ') && next.starts_with(|c: char| c.is_uppercase() || c == '”' || c == '"') {
                start = i + c.len_utf8();
            }
        }
    }
    t[start..].trim()
}

/// Whether a paragraph or heading ends the way an introduction does: a
/// colon, an ellipsis, `att` (`Kommunen ska se till att`), a semicolon.
pub(crate) fn announces(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([':', '…', ';']) || vocabulary().introductions.open_endings.iter().any(|e| t.ends_with(e.as_str()))
}

/// The level of the priorities a sentence counts (`Totalt finns det sju
/// prioriterade områden ...`): a number word right before a priority noun.
pub(crate) fn counted_level(sentence: &str) -> Option<Level> {
    counted(sentence).map(|(_, level)| level).or_else(|| {
        let words = words(sentence);
        words.iter().enumerate().find_map(|(i, w)| {
            if *w == vocabulary().introductions.following {
                words[i + 1..].iter().take(2).find_map(|n| noun_level(n))
            } else {
                None
            }
        })
    })
}

/// Whether a text holds a number of one or two digits standing alone (a
/// count; years and dates are longer or joined to other digits).
fn has_small_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most sentences hold no digit: blocks of 32 bytes are tested whole
    // (a test the compiler does in a few vector steps), up to the first
    // block with one.
    let Some(block) = bytes.chunks(32).position(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit())) else {
        return false;
    };
    let mut i = block * 32;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let alone = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric() && !matches!(b, b'.' | b'-' | b':' | b'/'));
            if i - start <= 2 && alone(start.checked_sub(1).and_then(|j| bytes.get(j))) && alone(bytes.get(i)) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// How many priorities of which level a sentence counts: `tre
/// prioriterade områden` is three priority areas.
pub(crate) fn counted(sentence: &str) -> Option<(usize, Level)> {
    // Most text counts nothing: no number word, no digit. The automaton
    // folds ASCII; the capital `Å` of `TVÅ` and `Åtta` is in a pattern of
    // its own, so that it finds every number word the reading below takes.
    // No number word holds another and none holds a non-letter, so no
    // match hides a whole word from the leftmost-first search.
    // A whole number word: `tio` inside `integration` is none.
    let whole = |m: aho_corasick::Match| {
        kommunbench_text::starts_word(sentence, m.start()) && kommunbench_text::ends_word(sentence, m.end())
    };
    if !has_small_number(sentence) && !patterns::cues().number_words.any(sentence, whole) {
        return None;
    }
    // Token by token, without allocating; only the two words after a
    // number are lower-cased.
    let same = |w: &str, x: &str| w.len() == x.len() && kommunbench_text::same_ignoring_case(w, x);
    let numbers = &vocabulary().introductions.numbers;
    let mut tokens = sentence.split(|c: char| !(kommunbench_text::is_word_char(c) || c == '-')).filter(|w| !w.is_empty());
    while let Some(w) = tokens.next() {
        let n = if w.bytes().all(|b| b.is_ascii_digit()) {
            w.parse::<usize>().ok().filter(|n| (2..=20).contains(n))
        } else {
            numbers.iter().position(|x| same(w, x)).map(|p| p + 2)
        };
        let Some(n) = n else { continue };
        let level = tokens
            .clone()
            .take(2)
            .find_map(|x| noun_level(&kommunbench_text::lowercase(x)).filter(|l| *l != Level::Responsibility));
        if let Some(level) = level {
            return Some((n, level));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_heading_that_only_names_a_topic_or_a_document() {
        for h in [
            "Integration",
            "Invandring och integration",
            "Handlingsplan för integration 2016–2017",
            "Överenskommelse",
            "Fullmäktigemotionen",
            "Anvisningslagen",
        ] {
            assert!(super::only_names(h, false), "{h}");
        }
        for h in ["Integration i arbetslivet", "Bostad och mottagande", "Planering av etableringsinsatser", "Fler i arbete"] {
            assert!(!super::only_names(h, false), "{h}");
        }
    }

    #[test]
    fn a_heading_that_names_an_audience() {
        for h in ["Vuxna", "Ensamkommande barn", "Asylsökande och nyanlända", "Ensamkommande flyktingbarn/-ungdomar"] {
            assert!(super::only_names(h, true), "{h}");
            assert!(!super::only_names(h, false), "{h}: an area in an adopted policy");
        }
        for h in ["Barnet får gå i skolan", "Stöd till ensamkommande barn"] {
            assert!(!super::only_names(h, true), "{h}");
        }
    }

    #[test]
    fn an_introduction_of_contents() {
        assert!(super::introduces_contents("Målet är att deltagarna utvecklar kunskap om:"));
        assert!(super::introduces_contents("Innehållet utgår från vardagen och delas in i åtta block:"));
        assert!(!super::introduces_contents("Vi vill att kommunen satsar på:"));
        assert!(!super::introduces_contents("Målet är mer kunskap om sfi i hela kommunen:"));
    }

    use super::*;
    use crate::patterns::case_forms;

    /// Every number word, in any case, passes the prefilter of counts.
    #[test]
    fn every_number_word_passes_the_prefilter() {
        for (i, word) in vocabulary().introductions.numbers.iter().enumerate() {
            let capitalised: String = word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect();
            for form in [word.clone(), capitalised, word.to_uppercase()] {
                let sentence = format!("Planen har {form} prioriterade områden.");
                assert_eq!(counted(&sentence), Some((i + 2, Level::PriorityArea)), "{sentence}");
            }
        }
    }

    #[test]
    fn case_forms_fold_the_letters_beyond_ascii() {
        assert_eq!(case_forms("två"), ["två", "tvÅ"]);
        assert_eq!(case_forms("åtta"), ["åtta", "Åtta"]);
        assert_eq!(case_forms("fem"), ["fem"]);
        assert_eq!(case_forms("öä").len(), 4);
    }

    #[test]
    fn the_cue_nearest_the_list_decides() {
        assert_eq!(scan("Integrationsstrategin har tre fokusområden:", true), Cue::Priority(Level::PriorityArea));
        assert_eq!(scan("Förutom dessa nyckelområden finns följande utgångspunkter:", true), Cue::Framing);
        assert_eq!(scan("Kommunens mål är:", true), Cue::Priority(Level::Goal));
        assert_eq!(scan("Kommunen ska till exempel:", true), Cue::Priority(Level::Responsibility));
        assert_eq!(scan("Socialdemokraterna vill:", true), Cue::Priority(Level::PriorityArea));
        assert_eq!(scan("Vi i partiet anser att:", true), Cue::Priority(Level::PriorityArea));
        assert_eq!(scan("Det här är stadens uppdrag:", true), Cue::Priority(Level::Responsibility));
        assert_eq!(scan("Kursen tar upp följande delar:", true), Cue::Not);
        assert_eq!(scan("Stödet erbjuds inte till:", true), Cue::Not);
        assert_eq!(scan("Skatteverket sköter:", true), Cue::Not);
        // The reader after the municipality's duty is who it serves.
        assert_eq!(scan("Kommunen ansvarar för att du som nyanländ får:", true), Cue::Priority(Level::Responsibility));
        assert_eq!(scan("Kommunen ska erbjuda dig:", true), Cue::Priority(Level::Responsibility));
        assert_eq!(scan("Här kan du läsa om:", true), Cue::Not);
        assert_eq!(scan("Landskapsregeringen ansvarar enligt lagen för att:", true), Cue::Not);
        assert_eq!(scan("Landskapsregeringens prioriterade temaområden är:", true), Cue::Priority(Level::PriorityArea));
        assert_eq!(scan("Kommunen ansvarar i samverkan med Migrationsverket för:", true), Cue::Priority(Level::Responsibility));
        assert_eq!(scan("Här är några exempel:", true), Cue::Silent);
        assert_eq!(scan("Personalen ska ha:", true), Cue::Silent);
        // Nouns only in running text.
        assert_eq!(scan("Vi vill", false), Cue::Silent);
    }

    #[test]
    fn area_nouns_exclude_residential_areas() {
        assert_eq!(noun_level("insatsområden"), Some(Level::PriorityArea));
        assert_eq!(noun_level("bostadsområden"), None);
        assert_eq!(noun_level("huvudmål"), Some(Level::Goal));
        assert_eq!(noun_level("målgrupp"), None);
        assert_eq!(noun_level("integrationsuppdraget"), Some(Level::Responsibility));
    }

    #[test]
    fn introductions_end_in_a_colon_or_an_open_clause() {
        assert!(announces("Vi vill:"));
        assert!(announces("Kommunen ska se till att"));
        assert!(announces("Vi i föreningen vill…"));
        assert!(!announces("Kommunen arbetar med integration."));
        assert_eq!(last_sentence("Vi har ett program. Programmets mål är:"), "Programmets mål är:");
        assert_eq!(last_sentence("Arbetet följs upp t.ex. årligen. Kommunen ska:"), "Kommunen ska:");
        assert_eq!(
            counted_level("Totalt finns det sju prioriterade områden/strategier där insatser ska göras för att nå målen."),
            Some(Level::PriorityArea)
        );
        assert_eq!(counted_level("Arbetet med prioriterade områden pågår."), None);
    }

    #[test]
    fn a_count_is_a_whole_number_word_or_a_small_number() {
        assert_eq!(counted("Planen har TRE prioriterade områden."), Some((3, Level::PriorityArea)));
        assert_eq!(counted("Planen har 4 prioriterade områden."), Some((4, Level::PriorityArea)));
        assert_eq!(counted("Åtta fokusområden"), Some((8, Level::PriorityArea)));
        assert_eq!(counted("TVÅ prioriterade områden"), Some((2, Level::PriorityArea)));
        // `tio` in `integration`, `sex` in `sexualundervisning`: no count.
        assert_eq!(counted("Integrationsprogrammets prioriterade områden"), None);
        assert_eq!(counted("Sexualundervisning och prioriterade områden"), None);
        assert_eq!(counted("Från 2024 gäller prioriterade områden"), None);
        // Numbers past the first block of bytes, and across two blocks.
        assert!(has_small_number(&format!("{} 7 områden", "och ".repeat(10))));
        assert!(!has_small_number(&format!("{} 2024 områden", "och ".repeat(10))));
        assert!(has_small_number(&format!("{}12 områden", " ".repeat(31))));
        assert!(!has_small_number(&format!("{}12 områden", "x".repeat(31))));
        assert!(!has_small_number(&format!("{}123 områden", " ".repeat(30))));
    }

    #[test]
    fn headings_that_rule_out_priorities() {
        assert!(heading_excludes("Vem kan söka stödet?"));
        assert!(!heading_excludes("Vad ansvarar kommunen för?"));
        assert!(!heading_excludes("Vilket ansvar har Ekby kommun?"));
        assert!(!frames_section("Vad gör vi för nyanlända?"));
        assert!(heading_excludes("Länsstyrelsen"));
        assert!(heading_excludes("Relaterade sidor"));
        assert!(!heading_excludes("Kommunens ansvar"));
    }
}

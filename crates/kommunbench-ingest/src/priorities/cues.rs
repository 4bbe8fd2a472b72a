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
use kommunbench_text::Folded;

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

/// Words that introduce the author's framing of a policy, not its priorities.
const FRAMING_WORDS: &[&str] = &[
    "utgångspunkter",
    "utgångspunkterna",
    "principer",
    "principerna",
    "bakgrund",
    "bakgrunden",
    "definition",
    "definitioner",
    "nyckeltal",
    "indikatorer",
    "mått",
    "bygger",
    "utgår",
];

/// Words that introduce something about or for others: contents,
/// eligibility, documents, second-person service information, negation,
/// fact boxes.
const NOT_WORDS: &[&str] = &[
    "fakta",
    "faktaruta",
    "innehåller",
    "innehålla",
    "innehållet",
    "innehåll",
    "gäller",
    "villkor",
    "villkoren",
    "inte",
    "ej",
    "dokument",
    "dokumenten",
    "länkar",
    "bilagor",
    "källor",
    "referenser",
    "ämne",
    "ämnen",
    "kategorier",
    "målgrupp",
    "målgruppen",
    "målgrupper",
    "du",
    "dig",
    "din",
    "ditt",
    "dina",
    "personen",
    "kursen",
    "kurs",
    "kurser",
    "lagar",
];

/// Verbs of a stance or a commitment; they announce priorities when the
/// author (we, the municipality, a party) is their subject.
const STANCE_VERBS: &[&str] = &[
    "vill",
    "anser",
    "kräver",
    "föreslår",
    "lovar",
    "verkar",
    "arbetar",
    "jobbar",
    "satsar",
    "erbjuder",
    "ska",
    "skall",
    "bör",
    "driver",
    "tycker",
    "står",
    "samverkar",
    "ansvarar",
    "tar",
    "åtar",
    "prioriterar",
];

/// Subjects that make a stance the author's own.
const SUBJECTS: &[&str] = &[
    "vi",
    "kommunen",
    "kommunerna",
    "staden",
    "regionen",
    "liberalerna",
    "kristdemokraterna",
    "moderaterna",
    "socialdemokraterna",
    "centerpartiet",
    "vänsterpartiet",
    "miljöpartiet",
    "sverigedemokraterna",
    "kristdemokrater",
    "moderater",
    "liberaler",
    "socialdemokrater",
    "centerpartister",
    "partiet",
];

/// Endings of municipal bodies as subjects (`Arbetsmarknadsenheten`,
/// `Socialnämnden`, `Vasa stad`'s `staden`).
const SUBJECT_ENDINGS: &[&str] = &["kommunen", "staden", "enheten", "förvaltningen", "nämnden", "avdelningen", "styrelsen"];

/// Other authorities: a list of their duties is not the municipality's
/// policy (codebook rule 1).
const AUTHORITIES: &[&str] = &[
    "migrationsverket",
    "arbetsförmedlingen",
    "länsstyrelsen",
    "försäkringskassan",
    "skatteverket",
    "polisen",
    "landstinget",
    "kela",
    "fpa",
    "te-byrån",
    "te-tjänsterna",
    "ntm-centralen",
    "migri",
    "överförmyndaren",
    "överförmyndarnämnden",
    "socialstyrelsen",
    "skolverket",
    "landskapsregering",
];

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
/// `fokusområden`, `prioriterade`, `strategier`, `åtgärder`, `ansvar`.
pub(crate) fn noun_level(word: &str) -> Option<Level> {
    const AREA_PREFIXES: &[&str] = &[
        "",
        "fokus",
        "insats",
        "mål",
        "tema",
        "utvecklings",
        "nyckel",
        "arbets",
        "satsnings",
        "förbättrings",
        "inriktnings",
        "prioriterings",
        "strategi",
        "politik",
    ];
    let area = ["område", "området", "områden", "områdena"]
        .iter()
        .any(|s| word.strip_suffix(s).is_some_and(|prefix| AREA_PREFIXES.contains(&prefix)));
    let level = match word {
        "vision" | "visionen" => Level::Vision,
        "delmål" | "delmålen" => Level::SubGoal,
        "åtgärder" | "åtgärderna" | "insatser" | "insatserna" | "aktiviteter" | "aktiviteterna" | "satsningar"
        | "satsningarna" | "handlingsplan" | "handlingsplanen" => Level::Action,
        "strategier" | "strategierna" | "helheter" | "helheterna" | "teman" | "temana" | "hörnstenar" | "byggstenar"
        | "perspektiv" | "inriktningar" | "vallöften" | "vallöftena" | "löften" | "förslag" | "ståndpunkter" | "krav" => {
            Level::PriorityArea
        }
        "ansvar" | "ansvarar" | "ansvarig" | "ansvariga" | "roll" | "rollen" | "åtagande" | "åtaganden" | "åtagandena" => {
            Level::Responsibility
        }
        _ if area || word.starts_with("prioriter") => Level::PriorityArea,
        _ if word.ends_with("uppdrag") || word.ends_with("uppdraget") || word.ends_with("uppdragen") => Level::Responsibility,
        _ if word.starts_with("målsättning") => Level::Goal,
        _ if (word.ends_with("mål") || word.ends_with("målen") || word.ends_with("målet")) && !word.ends_with("stål") => {
            Level::Goal
        }
        _ => return None,
    };
    Some(level)
}

/// The level a `Label:` names when the label is only a kind of priority,
/// numbered or not (`Mål`, `Delmål 1.2`, `Åtgärd 3`, `Fokusområde 2`):
/// its text is then the priority's title.
pub(crate) fn kind_named(label: &str) -> Option<Level> {
    let mut words = words(label);
    while words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '-')) {
        words.pop();
    }
    let [noun] = words.as_slice() else { return None };
    match noun.as_ref() {
        "mål" | "målsättning" | "effektmål" | "huvudmål" | "inriktningsmål" => Some(Level::Goal),
        "delmål" => Some(Level::SubGoal),
        "vision" => Some(Level::Vision),
        "åtgärd" | "åtgärder" | "insats" | "insatser" | "aktivitet" | "aktiviteter" => Some(Level::Action),
        "uppdrag" | "ansvar" => Some(Level::Responsibility),
        "fokusområde" | "insatsområde" | "målområde" | "område" | "utvecklingsområde" | "temaområde" | "strategi" | "tema"
        | "prioritering" | "prioriterat" => Some(Level::PriorityArea),
        _ => None,
    }
}

/// A municipality, region or one of their bodies: what `ska` makes a duty of.
fn is_public_body(word: &str) -> bool {
    matches!(word, "kommunerna" | "regionen") || SUBJECT_ENDINGS.iter().any(|e| word.ends_with(e))
}

fn is_subject(word: &str) -> bool {
    SUBJECTS.contains(&word) || SUBJECT_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Whether `word` names another authority (`Länsstyrelsens` too).
pub(crate) fn is_authority(word: &str) -> bool {
    AUTHORITIES.iter().any(|a| word.starts_with(a))
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
    for (i, word) in words.iter().enumerate().rev() {
        if NOT_WORDS.contains(&word.as_ref()) {
            return Cue::Not;
        }
        if FRAMING_WORDS.contains(&word.as_ref()) {
            return Cue::Framing;
        }
        if let Some(level) = noun_level(word) {
            return if level == Level::Responsibility && other { Cue::Not } else { Cue::Priority(level) };
        }
        if other && STANCE_VERBS.contains(&word.as_ref()) {
            return Cue::Not;
        }
        if stance && author && STANCE_VERBS.contains(&word.as_ref()) {
            let municipal = words[..i].iter().chain(words.get(i + 1)).any(|w| is_public_body(w));
            let duty = matches!(word.as_ref(), "ska" | "skall" | "ansvarar" | "tar" | "åtar");
            return Cue::Priority(if duty && municipal { Level::Responsibility } else { Level::PriorityArea });
        }
    }
    if other { Cue::Not } else { Cue::Silent }
}

/// Whether a section heading rules out priorities in its section: a
/// question (`Vem får anmäla sig?`), another authority (`Länsstyrelsen`),
/// or links and documents.
pub(crate) fn heading_excludes(heading: &str) -> bool {
    let h = heading.trim();
    if h.ends_with('?') {
        return true;
    }
    let words = words(h);
    let Some(first) = words.first() else { return false };
    is_authority(first)
        || [
            "relaterad",
            "relaterade",
            "sök",
            "fakta",
            "läs",
            "länkar",
            "dokument",
            "kontakt",
            "innehåll",
            "ämne",
            "bilagor",
            "källor",
            "referenser",
        ]
        .contains(&first.as_ref())
}

/// Headings that open background sections rather than priorities.
const BACKGROUND_STARTS: &[&str] = &[
    "inledning",
    "bakgrund",
    "syfte",
    "nuläge",
    "sammanfattning",
    "innehåll",
    "definition",
    "begrepp",
    "referens",
    "förord",
    "bilaga",
    "utgångspunkt",
    "övergripande utgångspunkt",
    "om ",
    "läs mer",
    "relaterad",
    "värdegrund",
    "kontakt",
    "uppföljning",
    "dokumentinformation",
    "giltighet",
    "vision",
    "lagstiftning",
    "styrdokument",
    "ansvar och",
    "programmet har",
];
const BACKGROUND_EXACT: &[&str] =
    &["ansvar", "styrning", "organisation", "revidering", "ordlista", "källor", "våga", "respekt", "stolthet"];

/// Words that make a heading frame what follows: whose duty it is, how it
/// works, who it is for (`Kommunens ansvar`, `Så arbetar kommunen`, `För
/// dig som är nyanländ`).
const HEADING_FRAMING_WORDS: &[&str] =
    &["ansvar", "ansvarsfördelning", "roll", "roller", "uppdrag", "myndigheter", "du", "dig", "din", "dina"];

/// A heading that names many priorities (`Fokusområden`, `Tre
/// prioriterade områden`, `Åtgärder`) announces them; without items of
/// its own it is not one priority.
pub(crate) fn announces_many(heading: &str) -> bool {
    words(heading).iter().any(|w| {
        ["strategier", "åtgärder", "insatser", "aktiviteter", "prioriteringar", "teman", "helheter"].contains(&w.as_ref())
            || (w.ends_with("områden") || w.ends_with("områdena")) && noun_level(w).is_some()
    })
}

/// Chapters whose lists frame the policy rather than state priorities:
/// introduction, background, starting points, follow-up, definitions.
pub(crate) fn frames_section(heading: &str) -> bool {
    const FRAMING_STEMS: &[&str] = &[
        "utgångspunkt",
        "bakgrund",
        "syfte",
        "inledning",
        "uppföljning",
        "definition",
        "begrepp",
        "nuläge",
        "lagstiftning",
        "styrdokument",
    ];
    let h = heading_key(heading);
    h.ends_with('?')
        || BACKGROUND_STARTS.iter().any(|s| h.starts_with(s) && !matches!(*s, "vision" | "om " | "ansvar och" | "programmet har"))
        || BACKGROUND_EXACT.contains(&h.as_str())
        || words(&h).iter().any(|w| FRAMING_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Section headings that frame a policy rather than state a priority.
pub(crate) fn is_background(heading: &str) -> bool {
    let h = heading_key(heading);
    h.ends_with('?')
        || h.starts_with("så ")
        || BACKGROUND_STARTS.iter().any(|s| h.starts_with(s))
        || BACKGROUND_EXACT.contains(&h.as_str())
        || words(&h).iter().any(|w| HEADING_FRAMING_WORDS.contains(&w.as_ref()))
}

/// A chapter heading as a title: without the letter of a lettered chapter.
pub(crate) fn chapter_title(heading: &str) -> String {
    LETTERED.replace(heading, "").into_owned()
}

/// `A. Text`, `B) Text`: a chapter lettered with a capital.
pub(crate) static LETTERED: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[A-ZÅÄÖ][.)]\s+").expect("lettered chapter pattern compiles"));

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
    t.ends_with([':', '…', ';']) || t.ends_with("...") || t.ends_with(" att") || t.ends_with(" t.ex.") || t.ends_with(" bl.a.")
}

/// The level of the priorities a sentence counts (`Totalt finns det sju
/// prioriterade områden ...`): a number word right before a priority noun.
pub(crate) fn counted_level(sentence: &str) -> Option<Level> {
    counted(sentence).map(|(_, level)| level).or_else(|| {
        let words = words(sentence);
        words
            .iter()
            .enumerate()
            .find_map(|(i, w)| if w == "följande" { words[i + 1..].iter().take(2).find_map(|n| noun_level(n)) } else { None })
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

/// The Swedish number words from two to twelve, in order.
const NUMBERS: &[&str] = &["två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

/// The number words of [`NUMBERS`], and the capital `Å` of `TVÅ` and
/// `Åtta` as patterns of their own (the automaton folds ASCII only).
static NUMBER_WORDS: std::sync::LazyLock<Folded> =
    std::sync::LazyLock::new(|| Folded::new(NUMBERS.iter().chain(&["TVÅ", "Åtta"])));

/// Builds the number words' automaton (see [`crate::prepare_ingestion`]).
pub(crate) fn prepare() {
    std::sync::LazyLock::force(&NUMBER_WORDS);
    std::sync::LazyLock::force(&LETTERED);
}

/// How many priorities of which level a sentence counts: `tre
/// prioriterade områden` is three priority areas.
pub(crate) fn counted(sentence: &str) -> Option<(usize, Level)> {
    // Most text counts nothing: no number word, no digit. The automaton
    // folds ASCII; the capital `Å` of `TVÅ` and `Åtta` is a pattern of
    // its own, so that it finds every number word the reading below takes.
    // No number word holds another and none holds a non-letter, so no
    // match hides a whole word from the leftmost-first search.
    // A whole number word: `tio` inside `integration` is none.
    let whole = |m: aho_corasick::Match| {
        kommunbench_text::starts_word(sentence, m.start()) && kommunbench_text::ends_word(sentence, m.end())
    };
    if !has_small_number(sentence) && !NUMBER_WORDS.any(sentence, whole) {
        return None;
    }
    // Token by token, without allocating; only the two words after a
    // number are lower-cased.
    let same = |w: &str, x: &str| w.len() == x.len() && kommunbench_text::same_ignoring_case(w, x);
    let mut tokens = sentence.split(|c: char| !(kommunbench_text::is_word_char(c) || c == '-')).filter(|w| !w.is_empty());
    while let Some(w) = tokens.next() {
        let n = if w.bytes().all(|b| b.is_ascii_digit()) {
            w.parse::<usize>().ok().filter(|n| (2..=20).contains(n))
        } else {
            NUMBERS.iter().position(|x| same(w, x)).map(|p| p + 2)
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
    use super::*;

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
    fn labels_that_only_name_a_kind() {
        assert_eq!(kind_named("Mål"), Some(Level::Goal));
        assert_eq!(kind_named("Delmål 1.2"), Some(Level::SubGoal));
        assert_eq!(kind_named("Fokusområde 3"), Some(Level::PriorityArea));
        assert_eq!(kind_named("Åtgärd"), Some(Level::Action));
        assert_eq!(kind_named("Integrerade bostadsmiljöer"), None);
        assert_eq!(kind_named("Kommunens mål"), None);
    }

    #[test]
    fn headings_that_rule_out_priorities() {
        assert!(heading_excludes("Vem kan söka stödet?"));
        assert!(heading_excludes("Länsstyrelsen"));
        assert!(heading_excludes("Relaterade sidor"));
        assert!(!heading_excludes("Kommunens ansvar"));
    }
}

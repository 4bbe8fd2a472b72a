//! Enumerations in running text: the priorities a page names in one
//! sentence instead of a list.
//!
//! A sentence holds an enumeration when a cue tells that what follows (or
//! precedes) names priorities:
//! - a colon after a noun or stance that announces them: `Därtill har sex
//!   områden prioriterats för att stärka integrationen: a, b, c och d`;
//! - a copula after such a noun at the start of the sentence: `Målet är
//!   a, b och c`, `De fem områdena är A, B och C`;
//! - `så som` / `såsom` / `till exempel` after the author's work verb:
//!   `arbetar vi med integration så som a, b och c`;
//! - a commitment noun and `på`: `satsningar på a, b och c`;
//! - `som` and a priority noun after the list: `lyfts a, b och c ut som
//!   prioriterade områden`.
//!
//! Items are separated by commas, `samt`, and the last `och`; a count
//! word (`fyra`) settles whether the last `och` separates two items or
//! joins one (`hälsa och välfärd`). Without a count the last `och`
//! separates unless earlier items use `och` inside themselves.

use super::cues::{self, Cue, Word, word_iter, words};
use kommunbench_core::Level;
use kommunbench_text::Folded;
use kommunbench_text::has_byte;

/// One item: a byte range into the sentence text given to [`find`].
pub(crate) type Item = std::ops::Range<usize>;

/// An enumeration found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Enumeration {
    /// The level the cue announces.
    pub level: Level,
    /// The items, as byte ranges into the text.
    pub items: Vec<Item>,
}

/// Words that open a clause or an adverbial: a list stops before them.
const CLAUSE_OPENERS: &[&str] = &[
    "vilket",
    "vilka",
    "som",
    "där",
    "eftersom",
    "men",
    "så",
    "för",
    "oavsett",
    "samtidigt",
    "medan",
    "när",
    "om",
    "då",
    "även",
];

/// Auxiliaries and copulas: an item holding one is a clause, not a name.
const FINITE: &[&str] = &["ska", "skall", "kan", "bör", "måste", "får", "är", "blir", "har", "vill", "var"];

/// Coordinations that are fixed formulas of the genre, never a list of
/// priorities: the equality goal (`lika rättigheter, skyldigheter och
/// möjligheter`) and `kvinnor, män, flickor och pojkar`.
const FORMULA_WORDS: &[&str] = &["rättigheter", "skyldigheter", "möjligheter", "kvinnor", "män", "flickor", "pojkar"];

/// Words before an enumeration's first item when no colon or copula
/// marks where it starts (`lyfts bostäder, ...`).
const LEAD_STOPS: &[&str] = &[
    "lyfts",
    "lyfter",
    "pekas",
    "pekar",
    "ut",
    "är",
    "finns",
    "som",
    "på",
    "av",
    "för",
    "med",
    "om",
    "inom",
    "i",
    "till",
    "anges",
    "nämns",
    "framhålls",
    "betonas",
    "utgör",
    "och",
    "blir",
    "har",
    "ska",
    "vill",
    "policyn",
    "programmet",
    "strategin",
    "planen",
];

/// The sentences of a paragraph, as byte ranges.
fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // The terminators are ASCII: a byte search finds them.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let end = i + 1;
        let rest = &text[end..];
        let next = rest.trim_start();
        if next.is_empty() || (rest.starts_with(' ') && next.starts_with(|c: char| c.is_uppercase() || c == '–' || c == '”'))
        {
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Stems of every cue in [`in_sentence`] but the colon's: a sentence
/// without one of them holds no enumeration (a cheap test that spares
/// most running text the word-by-word reading).
static CUE_STEMS: std::sync::LazyLock<Folded> = std::sync::LazyLock::new(|| {
    Folded::new([
        "mål",
        "område",
        "prioriter",
        "strategi",
        "fokus",
        "insats",
        "åtgärd",
        "satsning",
        "satsa",
        "tema",
        "helhet",
        "perspektiv",
        "hörnsten",
        "byggsten",
        "inriktning",
        "löfte",
        "förslag",
        "krav",
        "uppdrag",
        "ansvar",
        "roll",
        "aktivitet",
        "vision",
        "så som",
        "såsom",
        "till exempel",
        "bland annat",
        "vallöfte",
        "ståndpunkt",
    ])
});

/// The conjunctions that join a list's last items, found by a searcher
/// built once (`str::contains` builds one per call).
static OCH: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" och "));
static OCH_BACK: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(" och "));
static SAMT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" samt "));

/// Whether `finder`'s needle stands in `text`.
fn has(finder: &memchr::memmem::Finder<'_>, text: &str) -> bool {
    finder.find(text.as_bytes()).is_some()
}

/// The enumerations of a paragraph.
pub(crate) fn find(text: &str) -> Vec<Enumeration> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let sentence = &text[s.clone()];
        // A sentence is read word by word only when it could coordinate
        // items and a cue stem stands in it (or a colon); the stems are
        // looked for only then, and only up to the first.
        if !has_byte(sentence, b',') && !has(&OCH, sentence) && !has(&SAMT, sentence)
            || !has_byte(sentence, b':') && !CUE_STEMS.is_match(sentence)
        {
            continue;
        }
        if let Some(mut e) = in_sentence(sentence) {
            for item in &mut e.items {
                *item = item.start + s.start..item.end + s.start;
            }
            out.push(e);
        }
    }
    out
}

/// The words and phrases [`in_sentence`] looks for, in the order of its
/// rules: the copula, the `så som` cues, the `satsningar på` cues, `som`.
const WORD_CUES: [&str; 12] = [
    "är",
    "så som",
    "såsom",
    "till exempel",
    "bland annat",
    "satsningar på",
    "satsning på",
    "fokus på",
    "fokuserar på",
    "satsar på",
    "satsa på",
    "som",
];
const COPULA: usize = 0;
const EXAMPLES: std::ops::Range<usize> = 1..5;
const FOCUS: std::ops::Range<usize> = 5..11;
const SOM: usize = 11;

static WORD_CUE_MATCHER: std::sync::LazyLock<kommunbench_text::Overlapping> = std::sync::LazyLock::new(|| {
    kommunbench_text::Overlapping::new(WORD_CUES).unwrap_or_else(|e| unreachable!("the word cues build an automaton: {e}"))
});

/// Where each of [`WORD_CUES`] stands in a lower-cased sentence as whole
/// words, found in one pass: the first place of each, and every place of
/// `som`.
struct WordCues {
    first: [Option<usize>; WORD_CUES.len()],
    som: Vec<usize>,
}

impl WordCues {
    fn of(sentence: &str, lower: &str) -> WordCues {
        let mut cues = WordCues { first: [None; WORD_CUES.len()], som: Vec::new() };
        WORD_CUE_MATCHER.each(lower.as_bytes(), |cue, start, end| {
            if !(kommunbench_text::starts_word(lower, start)
                && kommunbench_text::ends_word(lower, end)
                && sentence.is_char_boundary(start))
            {
                return;
            }
            if cues.first[cue].is_none() {
                cues.first[cue] = Some(start);
            }
            if cue == SOM {
                cues.som.push(start);
            }
        });
        cues
    }
}

fn in_sentence(sentence: &str) -> Option<Enumeration> {
    // Lower-casing keeps byte offsets for Swedish letters; bail out where it does not.
    let lower = kommunbench_text::lowercase(sentence);
    if lower.len() != sentence.len() {
        return None;
    }
    let end = sentence.trim_end().trim_end_matches(['.', '!', '?']).len();
    let cues = WordCues::of(sentence, &lower);
    // 1. A colon after an announcing head.
    if let Some(colon) = sentence.find(':') {
        let head = &sentence[..colon];
        if let Cue::Priority(level) = cues::scan(head, true) {
            return split(sentence, colon + 1..end, count_in(head), level);
        }
    }
    // 2. `<head> är <list>`: the head opens the sentence and names priorities.
    // (A comma in the head rules it out: tested before the words are read.)
    if let Some(copula) = cues.first[COPULA]
        && !sentence[..copula].contains(',')
    {
        let head = &sentence[..copula];
        let head_words = words(head);
        // The subject: the head up to a relative clause (`Fyra områden som
        // lyfts fram ... är`); a verb in it makes the head a clause of its own.
        let subject =
            head_words.iter().position(|w| matches!(w.as_ref(), "som" | "där")).map_or(&head_words[..], |r| &head_words[..r]);
        let clause = subject.iter().any(|w| FINITE.contains(&w.as_ref()) || w == "att");
        if !head_words.is_empty()
            && head_words.len() <= 18
            && !clause
            && let Some(level) = subject.iter().rev().find_map(|w| cues::noun_level(w))
            && cues::scan(head, false) != Cue::Not
        {
            return split(sentence, copula + "är".len()..end, count_in(head), level);
        }
    }
    // 3. `så som` after the author's work: `arbetar vi med integration så som a, b och c`.
    for i in EXAMPLES {
        let cue = WORD_CUES[i];
        if let Some(at) = cues.first[i] {
            let head = words(&sentence[..at]);
            let author = head.iter().any(|w| matches!(w.as_ref(), "vi" | "kommunen" | "staden" | "regionen"));
            let works = head.iter().any(|w| w.starts_with("arbeta") || w.starts_with("satsa") || w.starts_with("jobba"));
            if author && works {
                return split(sentence, at + cue.len()..end, None, Level::PriorityArea);
            }
        }
    }
    // 4. `satsningar på a, b och c`.
    for i in FOCUS {
        let cue = WORD_CUES[i];
        if let Some(at) = cues.first[i] {
            return split(sentence, at + cue.len()..end, None, Level::PriorityArea);
        }
    }
    // 5. `lyfts a, b och c ut som prioriterade områden`.
    for &at in &cues.som {
        let mut after = word_iter(&sentence[at + 3..]).take(3);
        // Nouns that name priorities, not verbs (`som kommunen prioriterar`,
        // `vem som ansvarar`).
        let noun = |w: &Word<'_>| {
            let verb = w.starts_with("prioritera") && !w.ends_with("ade");
            cues::noun_level(w).filter(|l| *l != Level::Responsibility && !verb)
        };
        let Some(level) = after.find_map(|w| noun(&w)) else { continue };
        let list_end = sentence[..at].trim_end().strip_suffix(" ut").map_or(at, str::len);
        let first_comma = sentence[..list_end].find(',')?;
        let start = lead_start(sentence, first_comma);
        return split(sentence, start..list_end, None, level);
    }
    None
}

/// Where the first item starts when only commas show the list: back from
/// the first comma to the nearest verb or preposition, at most five words.
fn lead_start(sentence: &str, first_comma: usize) -> usize {
    let mut start = first_comma;
    let spaces: Vec<usize> = sentence[..first_comma].match_indices(' ').map(|(i, _)| i).collect();
    for (taken, i) in spaces.into_iter().rev().enumerate() {
        let word = sentence[i + 1..start].trim().to_lowercase();
        if LEAD_STOPS.contains(&word.as_str()) || taken == 5 {
            return start;
        }
        start = i + 1;
    }
    let word = sentence[..start].trim().to_lowercase();
    if LEAD_STOPS.contains(&word.as_str()) || word.is_empty() { start } else { 0 }
}

fn count_in(head: &str) -> Option<usize> {
    // A number before a priority noun counts (`fyra områden`); a number
    // after one is a numbering (`Fokusområde 2`).
    cues::counted(head).map(|(n, _)| n)
}

/// Splits `range` of `sentence` into items; `None` unless it is a list.
fn split(sentence: &str, range: std::ops::Range<usize>, expected: Option<usize>, level: Level) -> Option<Enumeration> {
    let mut parts = top_level_commas(sentence, range);
    // The list stops at the first clause or adverbial.
    if let Some(cut) = parts.iter().skip(1).position(|p| opens_clause(&sentence[p.clone()])) {
        parts.truncate(cut + 1);
    }
    let last = parts.pop()?;
    let last = cut_clause_inside(sentence, last);
    let earlier_och = parts.iter().any(|p| has(&OCH, &sentence[p.clone()]));
    let mut tail = Vec::new();
    let last_text = &sentence[last.clone()];
    if let Some(at) = SAMT.find(last_text.as_bytes()) {
        tail.push(last.start..last.start + at);
        tail.push(last.start + at + " samt ".len()..last.end);
    } else if let Some(at) = OCH_BACK.rfind(last_text.as_bytes()) {
        let split_och = match expected {
            Some(n) => n == parts.len() + 2,
            None => !earlier_och && !parts.is_empty(),
        };
        if split_och {
            tail.push(last.start..last.start + at);
            tail.push(last.start + at + " och ".len()..last.end);
        } else {
            tail.push(last);
        }
    } else {
        tail.push(last);
    }
    parts.extend(tail);
    let items: Vec<Item> = parts.into_iter().map(|p| tidy(sentence, p)).filter(|p| !p.is_empty()).collect();
    if items.len() < 2 || items.len() > 15 {
        return None;
    }
    let item_words: Vec<Vec<Word<'_>>> = items.iter().map(|i| words(&sentence[i.clone()])).collect();
    // `att stödja a, b och c`: the commas coordinate one verb's objects.
    let infinitive = |w: &Vec<Word<'_>>| {
        let skip = w.iter().take_while(|w| matches!(w.as_ref(), "också" | "även" | "främst" | "dessutom" | "särskilt")).count();
        w.get(skip).is_some_and(|w| w == "att")
    };
    let one_verb = item_words.first().is_some_and(infinitive) && !item_words.iter().all(infinitive);
    let valid = !one_verb
        && item_words.iter().all(|w| is_name(w))
        && item_words.iter().filter(|w| w.last().is_some_and(|w| FORMULA_WORDS.contains(&w.as_ref()))).count() < 2;
    valid.then_some(Enumeration { level, items })
}

/// Comma-separated parts of `range`, commas inside brackets ignored.
fn top_level_commas(sentence: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = range.start;
    for (i, c) in sentence[range.clone()].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(start..range.start + i);
                start = range.start + i + 1;
            }
            _ => {}
        }
    }
    out.push(start..range.end);
    out
}

fn opens_clause(part: &str) -> bool {
    let mut w = word_iter(part);
    w.next().is_some_and(|f| CLAUSE_OPENERS.contains(&f.as_ref()) || f == "och" && w.next().is_some_and(|s| s == "att"))
}

/// Builds the cue lists above and [`CLAUSES`] (see [`crate::prepare_ingestion`]).
pub(crate) fn prepare() {
    std::sync::LazyLock::force(&CUE_STEMS);
    std::sync::LazyLock::force(&OCH);
    std::sync::LazyLock::force(&OCH_BACK);
    std::sync::LazyLock::force(&SAMT);
    std::sync::LazyLock::force(&WORD_CUE_MATCHER);
    std::sync::LazyLock::force(&CLAUSES);
}

/// What opens a subordinate clause (see [`cut_clause_inside`]).
static CLAUSES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build([" för att ", " så att ", " eftersom ", " vilket ", " men ", " där ", " när "])
        .unwrap_or_else(|e| unreachable!("the clause openers build an automaton: {e}"))
});

/// The last item ends before a subordinate clause: `trygghet för att öka ...`.
fn cut_clause_inside(sentence: &str, part: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // The leftmost of them: where the first of each stands, the least.
    let text = &sentence[part.clone()];
    let cut = CLAUSES.find(text).map_or(text.len(), |m| m.start());
    part.start..part.start + cut
}

/// An item without its surrounding space, leading `och`/`samt` and
/// closing punctuation.
fn tidy(sentence: &str, part: std::ops::Range<usize>) -> Item {
    let text = &sentence[part.clone()];
    let trimmed_start = text.trim_start();
    let mut start = part.start + (text.len() - trimmed_start.len());
    for lead in ["och ", "samt "] {
        if sentence[start..part.end].starts_with(lead) {
            start += lead.len();
        }
    }
    let inner = sentence[start..part.end].trim_end().trim_end_matches(['.', ';', ',', '”', '"']).trim_end();
    start..start + inner.len()
}

/// A name of a priority: a short noun phrase, not a clause.
fn is_name(w: &[Word<'_>]) -> bool {
    if w.is_empty() || w.len() > 14 {
        return false;
    }
    // An auxiliary counts only outside a relative clause (`en skola som ger ...`).
    let relative = w.iter().position(|x| matches!(x.as_ref(), "som" | "där" | "vilken" | "vilket"));
    !w.iter().enumerate().any(|(i, x)| FINITE.contains(&x.as_ref()) && relative.is_none_or(|r| i < r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<Vec<&str>> {
        find(text).into_iter().map(|e| e.items.into_iter().map(|r| &text[r]).collect()).collect()
    }

    #[test]
    fn a_counted_list_after_a_colon() {
        let text = "Nämnden har pekat ut fem fokusområden: bostad, hälsa och välmående, jobb, språk samt trygghet.";
        assert_eq!(items(text), [["bostad", "hälsa och välmående", "jobb", "språk", "trygghet"]]);
        let text = "Planen har tre insatsområden: skola, fritid och kultur.";
        assert_eq!(items(text), [["skola", "fritid", "kultur"]]);
        let text = "Planen har två insatsområden: skola, fritid och kultur.";
        assert_eq!(items(text), [["skola", "fritid och kultur"]]);
    }

    #[test]
    fn a_copula_after_a_priority_noun() {
        let text = "Kommunen har en ny plan. Målet är kortare väntan för nyanlända, en skola för alla barn och fler jobb.";
        assert_eq!(items(text), [["kortare väntan för nyanlända", "en skola för alla barn", "fler jobb"]]);
        let text = "Målområdena för perioden är tillgång till språket, egen försörjning och goda relationer, stöd till familjer och nolltolerans mot rasism.";
        assert_eq!(
            items(text),
            [["tillgång till språket", "egen försörjning och goda relationer", "stöd till familjer och nolltolerans mot rasism"]]
        );
    }

    #[test]
    fn the_author_working_with_examples() {
        let text = "Därför arbetar vi med integration på flera sätt, så som språkcaféer, läxhjälp och feriejobb (för unga).";
        assert_eq!(items(text), [["språkcaféer", "läxhjälp", "feriejobb (för unga)"]]);
        let text = "Framöver blir det satsningar på fritid, studiestöd och trygghet för att nå fler.";
        assert_eq!(items(text), [["fritid", "studiestöd", "trygghet"]]);
    }

    #[test]
    fn a_list_named_after_it() {
        let text = "I planen lyfts bostäder, fritid, hälsa och möten ut som prioriterade områden.";
        assert_eq!(items(text), [["bostäder", "fritid", "hälsa", "möten"]]);
    }

    #[test]
    fn prose_and_formulas_are_not_lists() {
        for text in [
            "Målet med arbetet är lika rättigheter, möjligheter och skyldigheter för alla, oavsett bakgrund.",
            "Det övergripande målet är att alla kvinnor, män, flickor och pojkar ska ha samma chanser i livet.",
            "Målet är att nå fler kvinnor på bred front, så att deras etablering kan främjas.",
            "Rapporten lyfte språket, arbetsmarknaden, hälsa samt tillgång till vård som viktiga delar.",
            "Offentlig sektor, näringsliv, föreningar och alla som bor här blir viktiga för strategin.",
            "Målet med programmet är att stödja öppenhet, jämlikhet och likabehandling samt att främja goda relationer.",
            "För varje område anges mål, delmål och de åtgärder som kommunen prioriterar under perioden.",
            "Planen anger vilka åtgärder som ska göras, vem som ansvarar och hur det mäts.",
            "Planen ska bidra till att nå målen och att arbetet är kunskapsbaserat, samordnat, effektivt.",
            "Ett mål med planen är också att stärka föreningarna, stödja nätverk samt skapa mötesplatser för alla.",
        ] {
            assert!(items(text).is_empty(), "{text}: {:?}", items(text));
        }
    }
}

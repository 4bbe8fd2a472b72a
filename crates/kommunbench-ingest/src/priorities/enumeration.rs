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
//!   prioriterade områden`;
//! - where the author is not the municipality, a normative sentence's
//!   verb and preposition, a dash or an example's `som` before three or
//!   more items ([`demanded`]): `Framförallt behövs det a, b och c`.
//!
//! Items are separated by commas, `samt`, and the last `och` (the first
//! after the last comma: the last item may hold one); a count
//! word (`fyra`) settles whether the last `och` separates two items or
//! joins one (`hälsa och välfärd`). Without a count the last `och`
//! separates unless earlier items use `och` inside themselves.

use kommunbench_core::Level;
use kommunbench_text::has_byte;
use memchr::memmem::Finder;

use super::cues::{self, Cue, Word, word_iter, words};
use super::sentences::sentences;
use crate::patterns::{self, Class, WordCue};
use crate::vocabulary::vocabulary;

/// One item: a byte range into the sentence text given to [`find`].
pub(crate) type Item = std::ops::Range<usize>;

/// An enumeration found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Enumeration {
    /// The level the cue announces.
    pub level: Level,
    /// The items, as byte ranges into the text.
    pub items: Vec<Item>,
    /// The normative sentence that lists them ([`demanded`]), as a byte
    /// range, when no cue announced them.
    pub demanded: Option<std::ops::Range<usize>>,
}

/// Whether `finder`'s needle stands in `text`.
fn has(finder: &Finder<'_>, text: &str) -> bool {
    finder.find(text.as_bytes()).is_some()
}

/// Whether a sentence may hold an enumeration, so that it is worth a word
/// by word reading: it could coordinate items (a comma, ` och `, ` samt `),
/// and a cue word or a colon stands in it.
pub(crate) fn may_hold(sentence: &str) -> bool {
    let p = &patterns::enumeration();
    (has_byte(sentence, b',') || has(&p.and, sentence) || has(&p.also, sentence))
        && (has_byte(sentence, b':') || p.cue_words.is_match(sentence))
}

/// The enumerations of a paragraph; with `demands` (which tells whether
/// a sentence is normative), also the aims a normative sentence lists
/// ([`demanded`]).
pub(crate) fn find(text: &str, demands: Option<&dyn Fn(&str) -> bool>) -> Vec<Enumeration> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let sentence = &text[s.clone()];
        // The cue words are looked for only where items could stand, and
        // only up to the first.
        let cued = may_hold(sentence).then(|| in_sentence(sentence)).flatten();
        let found = cued.or_else(|| {
            let normative = demands?;
            has_byte(sentence, b',').then(|| demanded(sentence)).flatten().filter(|_| normative(sentence))
        });
        if let Some(mut e) = found {
            for item in e.items.iter_mut().chain(&mut e.demanded) {
                *item = item.start + s.start..item.end + s.start;
            }
            out.push(e);
        }
    }
    out
}

/// Where each word cue stands in a lower-cased sentence as whole words,
/// found in one pass: the first place of each, and every place of the
/// cue of a list named after it (`som`).
struct WordCues {
    first: Vec<Option<usize>>,
    named_after: Vec<usize>,
}

impl WordCues {
    fn of(sentence: &str, lower: &str) -> WordCues {
        let p = &patterns::enumeration();
        let mut cues = WordCues { first: vec![None; p.word_cue_kinds.len()], named_after: Vec::new() };
        p.word_cues.each(lower.as_bytes(), |cue, start, end| {
            if !(kommunbench_text::starts_word(lower, start)
                && kommunbench_text::ends_word(lower, end)
                && sentence.is_char_boundary(start))
            {
                return;
            }
            if cues.first[cue].is_none() {
                cues.first[cue] = Some(start);
            }
            if p.word_cue_kinds[cue] == WordCue::NamedAfter {
                cues.named_after.push(start);
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
    let p = &patterns::enumeration();
    let v = &vocabulary().enumerations;
    let cues = WordCues::of(sentence, &lower);
    // The first place of each cue of a kind, with the cue's length.
    let of_kind = |kind: WordCue| {
        (0..p.word_cue_kinds.len()).filter(move |&i| p.word_cue_kinds[i] == kind).map(|i| (i, p.word_cue_lens[i]))
    };
    // 1. A colon, or a dash that stands for one (`utgår från fyra
    // samverkansområden – a, b, c och d`), after an announcing head.
    let colon = sentence.find(':').map(|at| (at, 1));
    // A dash stands for a colon only after a head without items (no
    // comma) and not after a conjunction (`invandrarflickor och –
    // pojkar` suspends a compound).
    let dash = v.dashes.iter().filter_map(|d| sentence.find(d.as_str()).map(|at| (at, d.len()))).min().filter(|&(at, _)| {
        let head = &sentence[..at];
        !head.contains(',') && head.split_whitespace().next_back().is_none_or(|w| w != v.and && w != v.also)
    });
    for (at, len) in [colon, dash].into_iter().flatten() {
        let head = &sentence[..at];
        if at + len <= end
            && let Cue::Priority(level) = cues::scan(head, true)
        {
            return split(sentence, at + len..end, count_in(head), level);
        }
    }
    // 2. `<head> är <list>`: the head opens the sentence and names priorities.
    // (A comma in the head rules it out: tested before the words are read.)
    if let Some((i, copula_len)) = of_kind(WordCue::Copula).next()
        && let Some(copula) = cues.first[i]
        && !sentence[..copula].contains(',')
    {
        let head = &sentence[..copula];
        let head_words = words(head);
        // The subject: the head up to a relative clause (`Fyra områden som
        // lyfts fram ... är`); a verb in it makes the head a clause of its own.
        let subject = head_words
            .iter()
            .position(|w| patterns::class(w).is(Class::HEAD_RELATIVE))
            .map_or(&head_words[..], |r| &head_words[..r]);
        let clause = subject.iter().any(|w| patterns::class(w).is(Class::FINITE) || *w == v.infinitive_marker);
        if !head_words.is_empty()
            && head_words.len() <= 18
            && !clause
            && let Some(level) = subject.iter().rev().find_map(|w| cues::noun_level(w))
            && cues::scan(head, false) != Cue::Not
        {
            return split(sentence, copula + copula_len..end, count_in(head), level);
        }
    }
    // 3. `så som` after the author's work: `arbetar vi med integration så som a, b och c`.
    for (i, len) in of_kind(WordCue::Example) {
        if let Some(at) = cues.first[i] {
            let head = words(&sentence[..at]);
            let author = head.iter().any(|w| patterns::class(w).is(Class::EXAMPLE_AUTHOR));
            let works = head.iter().any(|w| v.work_stems.iter().any(|s| w.starts_with(s.as_str())));
            if author && works {
                return split(sentence, at + len..end, None, Level::PriorityArea);
            }
        }
    }
    // 4. `satsningar på a, b och c`.
    for (i, len) in of_kind(WordCue::Focus) {
        if let Some(at) = cues.first[i] {
            return split(sentence, at + len..end, None, Level::PriorityArea);
        }
    }
    // 5. `lyfts a, b och c ut som prioriterade områden`.
    for &at in &cues.named_after {
        let mut after = word_iter(&sentence[at + v.named_after.len()..]).take(3);
        // Nouns that name priorities, not verbs (`som kommunen prioriterar`,
        // `vem som ansvarar`).
        let noun = |w: &Word<'_>| {
            let verb = w.starts_with(v.verb_stem.as_str()) && !w.ends_with(v.participle_ending.as_str());
            cues::noun_level(w).filter(|l| *l != Level::Responsibility && !verb)
        };
        let Some(level) = after.find_map(|w| noun(&w)) else { continue };
        let particle = format!(" {}", v.named_after_particle);
        let list_end = sentence[..at].trim_end().strip_suffix(particle.as_str()).map_or(at, str::len);
        let first_comma = sentence[..list_end].find(',')?;
        let start = lead_start(sentence, first_comma);
        return split(sentence, start..list_end, None, level);
    }
    None
}

/// The goals a committed goal coordinates, if it coordinates more than
/// one (`[commitments]`): `dels A, dels B`; clauses joined by `samt att`
/// or `och att`, or by `samt` before a determiner (`Målet är att A samt
/// att B`); or a list of [`min_listed`](crate::vocabulary) or more names
/// or `att` clauses (`vill verka för A, att B och C`). `from` is where the
/// goal starts in `sentence` (after the verb or the copula). The items
/// are byte ranges into `sentence`, without their `att`.
pub(crate) fn coordinated_goals(sentence: &str, from: usize) -> Option<Vec<Item>> {
    let c = &vocabulary().commitments;
    let (lower, end) = goal_bounds(sentence, from)?;
    // A goal is a phrase, not a verb's coordinated words (`kunna, förstå
    // och vilja`).
    let phrase = |r: &Item| is_phrase(sentence, r);
    let at_word = |i: usize, w: &str| {
        lower[i..].starts_with(w) && kommunbench_text::starts_word(&lower, i) && kommunbench_text::ends_word(&lower, i + w.len())
    };
    // `dels A, dels B`, anywhere in the sentence.
    let both: Vec<usize> = lower.match_indices(c.both.as_str()).map(|(i, _)| i).filter(|&i| at_word(i, &c.both)).collect();
    if both.len() >= 2 {
        let mut items = Vec::new();
        for (k, &at) in both.iter().enumerate() {
            let stop = both.get(k + 1).map_or(end, |&n| n);
            let mut start = at + c.both.len();
            // Skip the verb and the subject `dels` repeats (`dels ska vi`).
            loop {
                let rest = &lower[start..stop];
                let skipped = rest.len() - rest.trim_start().len();
                match c.both_lead.iter().find(|w| at_word(start + skipped, w)) {
                    Some(w) => start += skipped + w.len(),
                    None => break,
                }
            }
            items.push(tidy(sentence, start..stop));
        }
        return Some(items).filter(|i| i.iter().all(|r| r.len() > 1));
    }
    // Clauses joined by `samt att`, `och att`, `samt ett`.
    let marker = &vocabulary().enumerations.infinitive_marker;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, _) in top_level(sentence, from..end).filter(|&(_, ch)| ch == ' ') {
        let next = i + 1;
        if let Some(j) = c.clause_joins.iter().find(|j| at_word(next, j)) {
            cuts.push((i, next + j.len()));
        } else if at_word(next, &c.also) {
            let after = next + c.also.len() + 1;
            if after < end && c.also_openers.iter().any(|o| at_word(after, o)) {
                cuts.push((i, next + c.also.len()));
            }
        }
    }
    if !cuts.is_empty() {
        let mut items = Vec::new();
        let mut start = from;
        for (stop, next) in cuts.into_iter().chain([(end, end)]) {
            let mut s = start;
            let rest = &lower[s..stop];
            s += rest.len() - rest.trim_start().len();
            if at_word(s, marker) {
                s += marker.len();
            }
            items.push(tidy(sentence, s..stop.max(s)));
            start = next;
        }
        return items.iter().all(phrase).then_some(items);
    }
    // A list of names or `att` clauses after the verb.
    let first_comma = sentence[from..end].find(',')? + from;
    let start = lead_start(sentence, first_comma).max(from);
    // The list is the verb's object, after a verb or a preposition
    // (`verka för A, B och C`), not the subjects of a clause (`att
    // kommunen, föreningarna och näringslivet samarbetar`).
    let before = sentence[..start].split_whitespace().next_back()?.to_lowercase();
    if !patterns::class(&before).is(Class::LEAD_STOP) {
        return None;
    }
    let e = split_with(sentence, start..end, None, Level::Goal, true)?;
    (e.items.len() >= c.min_listed && e.items.iter().all(phrase)).then_some(e.items)
}

/// The actions or clauses a framed goal coordinates, if more than one
/// (`[commitments] action_verbs`, `clause_modals`): after a frame the
/// goal is what the author will do, and each verb of action that opens a
/// part after a comma, `och` or `samt` opens an action of its own
/// (`Syftet är att` *arbeta för en lyckad integration* och *stödja
/// verksamheterna*); a goal that opens as a clause with its own modal
/// splits where `och` opens another such clause (`Vi vill att` *alla ska
/// få plats* och *varje invånares kompetens ska tas tillvara*). Every
/// part must be a phrase of two or more words, so a verb's coordinated
/// infinitives stay one (`klargöra och komma överens om`). `from` is
/// where the goal starts in `sentence`; the items are byte ranges into it.
pub(crate) fn coordinated_actions(sentence: &str, from: usize) -> Option<Vec<Item>> {
    let c = &vocabulary().commitments;
    let (lower, end) = goal_bounds(sentence, from)?;
    let goal = kommunbench_text::word_spans(&lower[from..end], false);
    let first = goal.first()?.1;
    let action = |w: &str| crate::vocabulary::has(&c.action_verbs, w);
    let modal = |w: &str| crate::vocabulary::has(&c.clause_modals, w);
    // A clause: its modal within its first few words, after its subject.
    let clause = |at: usize| {
        let words = kommunbench_text::word_spans(&lower[at..end], false);
        words.iter().take(c.opening_words).skip(1).any(|(_, w)| modal(w))
    };
    let actions = action(first);
    if !actions && !clause(from) {
        return None;
    }
    let word_after = |i: usize| kommunbench_text::word_spans(&lower[i..end], false).first().map(|&(_, w)| w);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, ch) in top_level(sentence, from..end) {
        // The part's start after `, `, ` och `, ` samt ` or `, och `.
        let mut next = i + ch.len_utf8();
        if ch != ',' && ch != ' ' {
            continue;
        }
        next += lower[next..].len() - lower[next..].trim_start().len();
        let joined = ["och ", "samt "].iter().find(|j| lower[next..].starts_with(**j));
        if ch == ' ' && joined.is_none() {
            continue;
        }
        if ch == ' ' && sentence[..i].ends_with(',') {
            continue;
        }
        let start = next + joined.map_or(0, |j| j.len());
        let opens = if actions { word_after(start).is_some_and(action) } else { joined.is_some() && clause(start) };
        if opens {
            cuts.push((i, start));
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut items = Vec::new();
    let mut start = from;
    for (stop, next) in cuts.into_iter().chain([(end, end)]) {
        items.push(tidy(sentence, start..stop.max(start)));
        start = next;
    }
    items.iter().all(|r| is_phrase(sentence, r)).then_some(items)
}

/// The lower-case `sentence` (only when its bytes align with the
/// original's) and where a goal starting at `from` ends: before the
/// closing stop.
fn goal_bounds(sentence: &str, from: usize) -> Option<(String, usize)> {
    let lower = kommunbench_text::lowercase(sentence);
    if lower.len() != sentence.len() || from > sentence.len() {
        return None;
    }
    let end = sentence.trim_end().trim_end_matches(['.', '!', '?']).len().max(from);
    Some((lower, end))
}

/// Whether an item is a phrase of two or more words.
fn is_phrase(sentence: &str, item: &Item) -> bool {
    sentence[item.clone()].split_whitespace().count() >= 2
}

/// The aims a normative sentence lists (`[enumerations] demand_verbs`
/// and what follows them), given that its author is not the municipality
/// and it is normative: `Framförallt behövs det a, b och c`,
/// `Integrationspolitiken ska bidra till a, b, c samt d`, `en politik för
/// jobb – a, b och c`, `de verktyg som behövs, som a, b och c`. At least
/// `[commitments] min_listed` items, each a name or an `att` clause, and
/// not proper names alone (places, bodies).
///
/// The list starts after a dash, a colon or an example's phrase before
/// its first comma, or after an example's `som` right after that comma;
/// else after the preposition (or `det`) that follows the demanding verb
/// within a few words. A sentence with none of these lists nothing.
pub(crate) fn demanded(sentence: &str) -> Option<Enumeration> {
    let lower = kommunbench_text::lowercase(sentence);
    if lower.len() != sentence.len() {
        return None;
    }
    let end = sentence.trim_end().trim_end_matches(['.', '!', '?']).len();
    let start = demand_start(&lower, end)?;
    let e = split_with(sentence, start..end, None, Level::Goal, true)?;
    // Names alone (`i bland annat Liljeholmen, Hornstull och Kista`) are
    // places or bodies, not aims.
    let names = e.items.iter().all(|r| {
        let item = &sentence[r.clone()];
        !item.contains(' ') && item.chars().next().is_some_and(char::is_uppercase)
    });
    let demanded = Some(0..sentence.len());
    (e.items.len() >= vocabulary().commitments.min_listed && !names).then_some(Enumeration { demanded, ..e })
}

/// Where the items of a demanding sentence start (see [`demanded`]), in
/// its lower-case text up to `end`.
fn demand_start(lower: &str, end: usize) -> Option<usize> {
    let v = &vocabulary().enumerations;
    let comma_after = |from: usize| top_level(lower, from..end).find(|&(_, c)| c == ',').map(|(at, _)| at);
    // A dash, a colon or an example's phrase before the items: the first
    // one that commas follow.
    let marked = v
        .demand_markers
        .iter()
        .flat_map(|m| lower[..end].match_indices(m.as_str()).map(|(at, m)| at + m.len()))
        .filter(|&at| comma_after(at).is_some())
        .min();
    if marked.is_some() {
        return marked;
    }
    let first_comma = comma_after(0)?;
    // `, som a, b och c`: the examples after the comma.
    let after_comma = lower[first_comma + 1..].trim_start();
    let comma_end = lower.len() - after_comma.len();
    if let Some(e) =
        v.demand_examples.iter().find(|e| after_comma.starts_with(e.as_str()) && after_comma[e.len()..].starts_with(' '))
    {
        return Some(comma_end + e.len() + 1);
    }
    // The verb's preposition: `ska bidra till`, `behövs det`.
    let words: Vec<(usize, &str)> = kommunbench_text::word_spans(&lower[..first_comma], false);
    let verb = words.iter().position(|(_, w)| crate::vocabulary::has(&v.demand_verbs, w))?;
    words
        .iter()
        .skip(verb + 1)
        .take(v.demand_lead_words)
        .find(|(_, w)| crate::vocabulary::has(&v.demand_leads, w))
        .map(|&(at, w)| at + w.len())
}

/// Where the first item starts when only commas show the list: back from
/// the first comma to the nearest verb or preposition, at most five words.
fn lead_start(sentence: &str, first_comma: usize) -> usize {
    let mut start = first_comma;
    let spaces: Vec<usize> = sentence[..first_comma].match_indices(' ').map(|(i, _)| i).collect();
    for (taken, i) in spaces.into_iter().rev().enumerate() {
        let word = sentence[i + 1..start].trim().to_lowercase();
        if patterns::class(&word).is(Class::LEAD_STOP) || taken == 5 {
            return start;
        }
        start = i + 1;
    }
    let word = sentence[..start].trim().to_lowercase();
    if patterns::class(&word).is(Class::LEAD_STOP) || word.is_empty() { start } else { 0 }
}

fn count_in(head: &str) -> Option<usize> {
    // A number before a priority noun counts (`fyra områden`); a number
    // after one is a numbering (`Fokusområde 2`).
    cues::counted(head).map(|(n, _)| n)
}

/// Splits `range` of `sentence` into items; `None` unless it is a list.
/// With `clauses`, an item may be an `att` clause (`verka för A, att
/// människor får en bra start och C`).
fn split(sentence: &str, range: std::ops::Range<usize>, expected: Option<usize>, level: Level) -> Option<Enumeration> {
    split_with(sentence, range, expected, level, false)
}

fn split_with(
    sentence: &str,
    range: std::ops::Range<usize>,
    expected: Option<usize>,
    level: Level,
    clauses: bool,
) -> Option<Enumeration> {
    let p = &patterns::enumeration();
    let v = &vocabulary().enumerations;
    let mut parts = top_level_commas(sentence, range);
    // The list stops at the first clause or adverbial.
    if let Some(cut) = parts.iter().skip(1).position(|p| opens_clause(&sentence[p.clone()])) {
        parts.truncate(cut + 1);
    }
    let last = parts.pop()?;
    let last = cut_clause_inside(sentence, last);
    let earlier_och = parts.iter().any(|part| has(&p.and, &sentence[part.clone()]));
    let mut tail = Vec::new();
    let last_text = &sentence[last.clone()];
    if let Some(at) = p.also.find(last_text.as_bytes()) {
        tail.push(last.start..last.start + at);
        tail.push(last.start + at + v.also.len() + 2..last.end);
    } else if let Some(at) = p.and.find(last_text.as_bytes()) {
        let split_och = match expected {
            Some(n) => n == parts.len() + 2,
            None => !earlier_och && !parts.is_empty(),
        };
        if split_och {
            tail.push(last.start..last.start + at);
            tail.push(last.start + at + v.and.len() + 2..last.end);
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
        let skip = w.iter().take_while(|w| patterns::class(w).is(Class::INFINITIVE_ADVERB)).count();
        w.get(skip).is_some_and(|w| *w == v.infinitive_marker)
    };
    let one_verb = item_words.first().is_some_and(infinitive) && !item_words.iter().all(infinitive);
    let clause = |w: &Vec<Word<'_>>| clauses && w.first().is_some_and(|w| *w == v.infinitive_marker);
    let valid = !one_verb
        && item_words.iter().all(|w| is_name(w) || clause(w))
        && item_words.iter().filter(|w| w.last().is_some_and(|w| patterns::class(w).is(Class::FORMULA))).count() < 2;
    valid.then_some(Enumeration { level, items, demanded: None })
}

/// The characters of `range` outside brackets, with their offsets in
/// `sentence`.
fn top_level(sentence: &str, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    sentence[range.clone()].char_indices().filter_map(move |(i, c)| {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => return Some((range.start + i, c)),
            _ => {}
        }
        None
    })
}

/// Comma-separated parts of `range`, commas inside brackets ignored.
fn top_level_commas(sentence: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, _) in top_level(sentence, range.clone()).filter(|&(_, c)| c == ',') {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..range.end);
    out
}

fn opens_clause(part: &str) -> bool {
    let v = &vocabulary().enumerations;
    let mut w = word_iter(part);
    w.next().is_some_and(|f| {
        patterns::class(&f).is(Class::CLAUSE_OPENER) || f == v.and && w.next().is_some_and(|s| s == v.infinitive_marker)
    })
}

/// The last item ends before a subordinate clause: `trygghet för att öka ...`.
fn cut_clause_inside(sentence: &str, part: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // The leftmost of them: where the first of each stands, the least.
    let text = &sentence[part.clone()];
    let cut = patterns::enumeration().clauses.find(text).map_or(text.len(), |m| m.start());
    part.start..part.start + cut
}

/// An item without its surrounding space, leading `och`/`samt` and
/// closing punctuation.
fn tidy(sentence: &str, part: std::ops::Range<usize>) -> Item {
    let text = &sentence[part.clone()];
    let trimmed_start = text.trim_start();
    let mut start = part.start + (text.len() - trimmed_start.len());
    let v = &vocabulary().enumerations;
    for lead in [&v.and, &v.also] {
        if sentence[start..part.end].strip_prefix(lead.as_str()).is_some_and(|rest| rest.starts_with(' ')) {
            start += lead.len() + 1;
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
    // Up to the first relative word, each word's class read once.
    for x in w {
        let class = patterns::class(x);
        if class.is(Class::RELATIVE) {
            break;
        }
        if class.is(Class::FINITE) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word the enumeration cues accept (the nouns that name
    /// priorities, in each form the vocabulary allows, and the phrases),
    /// in lower case, capitalised and in capitals, passes the prefilter
    /// that spares sentences without one: the prefilter is derived from
    /// the lists, and may not drift from them.
    #[test]
    fn every_cue_word_passes_the_prefilter() {
        let v = vocabulary();
        let n = &v.nouns;
        let mut accepted: Vec<String> = n.words.iter().map(|(w, _)| w.to_owned()).collect();
        for prefix in &n.area_prefixes {
            accepted.extend(n.area_heads.iter().map(|h| format!("{prefix}{h}")));
        }
        accepted.extend(n.priority_area_stems.iter().flat_map(|s| [format!("{s}ade"), format!("{s}ingar")]));
        accepted.extend(n.responsibility_endings.iter().map(|e| format!("integrations{e}")));
        accepted.extend(n.goal_stems.iter().map(|s| format!("{s}arna")));
        accepted.extend(n.goal_endings.iter().flat_map(|e| [e.clone(), format!("effekt{e}")]));
        for word in &accepted {
            assert!(cues::noun_level(word).is_some(), "`{word}` names no level");
        }
        let phrases = v.enumerations.example_phrases.iter().chain(&v.enumerations.focus_phrases);
        for word in accepted.iter().chain(phrases) {
            let capitalised: String = word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect();
            for form in [word.clone(), capitalised, word.to_uppercase()] {
                let sentence = format!("{form} är arbete, skola och hälsa.");
                assert!(may_hold(&sentence), "{sentence}");
            }
        }
        assert!(!may_hold("Vi bor här, och det är bra."), "no cue word");
        assert!(!may_hold("Handlingsplanen antogs i maj."), "no coordination");
    }

    #[test]
    fn an_enumeration_after_a_capital_beyond_ascii_is_read() {
        let text = "Åtgärderna är språkcaféer, läxhjälp och feriejobb.";
        assert_eq!(items(text), [["språkcaféer", "läxhjälp", "feriejobb"]]);
        let text = "Åtagandena är bostad, sfi och praktik.";
        assert_eq!(items(text), [["bostad", "sfi", "praktik"]]);
    }

    fn items(text: &str) -> Vec<Vec<&str>> {
        find(text, None).into_iter().map(|e| e.items.into_iter().map(|r| &text[r]).collect()).collect()
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
    fn a_dash_for_a_colon() {
        let text = "Strategin utgår från fyra samverkansområden – arbete/kompetens, boende, hälsa och delaktighet.";
        assert_eq!(items(text), [["arbete/kompetens", "boende", "hälsa", "delaktighet"]]);
        let text = "Fokusområdena är språket, utbildning, stöd till flickor och – pojkar och deras familjer.";
        assert_eq!(items(text)[0][..2], ["språket", "utbildning"], "the copula's list, not the dash's");
        let text = "Vi har en samlad politik – sänkta skatter, enklare regler och bättre skolor.";
        assert!(items(text).is_empty(), "no priority noun before the dash");
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

    fn demands(text: &str) -> Vec<&str> {
        demanded(text).map(|e| e.items.into_iter().map(|r| &text[r]).collect()).unwrap_or_default()
    }

    #[test]
    fn the_last_och_of_a_list_is_its_first_in_the_last_part() {
        // The last item may coordinate inside itself (`utbildning och samhällsservice`).
        let text = "Målen är fler bostäder, fler arbeten och bättre möjligheter till utbildning och samhällsservice.";
        assert_eq!(items(text), [["fler bostäder", "fler arbeten", "bättre möjligheter till utbildning och samhällsservice"]]);
    }

    #[test]
    fn a_demand_lists_after_its_verb_and_preposition() {
        let text = "Framförallt behövs det fler hyresrätter, fler praktikplatser och bättre möjligheter till sfi och validering.";
        assert_eq!(demands(text), ["fler hyresrätter", "fler praktikplatser", "bättre möjligheter till sfi och validering"]);
        let text = "Politiken ska bidra till social och kulturell, ekonomisk, språklig samt demokratisk delaktighet.";
        assert_eq!(demands(text), ["social och kulturell", "ekonomisk", "språklig", "demokratisk delaktighet"]);
        let text =
            "Förbundet vill verka för en trygg bosättning, att alla får lära sig svenska och ett samhälle som håller ihop.";
        assert_eq!(demands(text), ["en trygg bosättning", "att alla får lära sig svenska", "ett samhälle som håller ihop"]);
    }

    #[test]
    fn a_demand_lists_after_a_dash_or_an_example() {
        let text = "Det som behövs är en politik för fler jobb – lägre skatter på arbete, enklare regler och bättre sfi.";
        assert_eq!(demands(text), ["lägre skatter på arbete", "enklare regler", "bättre sfi"]);
        let text = "Nyanlända ska få de verktyg som behövs för egen försörjning, som språk, yrkeskunskaper och nätverk.";
        assert_eq!(demands(text), ["språk", "yrkeskunskaper", "nätverk"]);
    }

    #[test]
    fn a_demand_without_a_place_for_its_list_lists_nothing() {
        for text in [
            // Two items are a coordination, not a list.
            "Vi vill satsa på sfi och på praktik.",
            // No verb, preposition, dash or example before the items.
            "Bostäder, jobb och skolor är det viktigaste för oss.",
            // The items are clauses of their own.
            "Vi vill att alla ska lära sig svenska, att fler ska arbeta och att barnen ska lyckas i skolan.",
            // Places are not aims.
            "Just nu behövs volontärer i bland annat Liljeholmen, Hornstull och Kista.",
            // The list stops at a clause after its first item.
            "Länet ska skapa förutsättningar för inflyttade, oavsett bakgrund, att stanna här.",
        ] {
            assert!(demands(text).is_empty(), "{text}: {:?}", demands(text));
        }
    }
}

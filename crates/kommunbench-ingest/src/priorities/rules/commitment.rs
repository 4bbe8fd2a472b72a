//! `commitment`: a goal the author commits to in running prose.
//!
//! ## What it finds
//!
//! Each sentence of a paragraph that no earlier rule took in which the
//! author commits to a goal (words of `[commitments]`):
//!
//! - the author as the subject, then a verb of commitment, with at most
//!   a few words before each (`Vi vill att alla ska lära sig svenska`,
//!   `Kommunen ska erbjuda praktik`, `Vi Socialdemokrater i Höör vill`);
//! - the verb before the author (`Därför vill vi`, `För nyanlända så
//!   prioriterar vi`, `Genom samverkan ska vi`);
//! - the author, a verb of work, a few words and its purpose (`Vi
//!   arbetar tillsammans med föreningarna för att` *skapa mötesplatser*),
//!   or a verb of work in any form with any subject but another authority
//!   (`Tillväxtenheten arbetar för att`, `En arbetsgrupp har under hösten
//!   arbetat för att`);
//! - the author's need or obligation (`Vi måste`, `behöver vi`), not the
//!   verb of a clause the author reports (`vi bedömer att regeringen
//!   behöver`);
//! - a body or a party by its name, then a verb of will (`Moderaterna
//!   vill införa bidragstak`, `Svenska kyrkan vill verka för`);
//! - a goal noun and its copula (`Målet är att`, `Vår ambition är att`),
//!   or the purpose of the author's own initiative (`Syftet med projektet
//!   är att`), not of a service it describes.
//!
//! The whole sentence is the title, as the codebook writes a goal stated
//! in prose, unless words before the goal only frame it or state the
//! author's will: after `Målet är att`, `Vi strävar efter att`, `Vi
//! arbetar för att`, `Vi tycker att det är viktigt att`, `Vi vill (att)`,
//! `Vi föreslår att`, `Vi ser det som angeläget att`, `Moderaterna vill`,
//! `Kommunen kommer att (försöka)`,
//! the goal is the title (`mottagandet sker jämnt`, `införa
//! bidragstak`); after `har som mål att`, `ska` or the municipality's
//! name the whole sentence is. A
//! sentence whose goal coordinates goals gives one priority
//! each (`dels A, dels B`, `Målet är att A samt att B`, `vill verka för
//! A, att B och C`), and so does a framed goal that coordinates actions
//! or clauses (`Vi vill` *stärka individen* och *motverka
//! parallellsamhällen*). A sentence that instructs or conditions (`du`, `den som`),
//! speaks to the reader (`vill tacka`, `vill vi poängtera`),
//! quotes (`säger`), asks, or runs longer than a description's length is
//! none; nor is a sentence in a section that frames the policy or that
//! the rules exclude (contacts, links, background), or under a heading
//! that became a priority (the prose is its body). A text that itemised
//! its priorities, or named three or more in headings, explains them in
//! its prose: the rule does not read it (the lists of an author's
//! demanding sentences, which the `enumeration` rule takes, are prose).
//!
//! ## Why it holds
//!
//! Party pages, authorities' and organisations' pages and many municipal
//! pages state their aims in sentences, not lists; `vill`, `ska`,
//! `strävar efter`, `prioriterar` and `anser` with the author as subject
//! are how Swedish administrative and political prose commits.
//!
//! ## Example
//!
//! ```text
//! Vi strävar efter att mottagandet sker så jämnt som möjligt över året.
//! ```
//!
//! gives the goal `mottagandet sker så jämnt som möjligt över året`.

use kommunbench_core::{BlockKind, Level, MunicipalityRegistry, Rule, Span};

use crate::priorities::enumeration::{coordinated_actions, coordinated_goals};
use crate::priorities::sentences::sentences;
use crate::priorities::{Found, Outline};
use crate::vocabulary::{has, vocabulary};

/// The rule its priorities record.
pub(crate) const RULE: Rule = Rule::Commitment;

/// Priorities from headings that make the prose their explanation.
const MANY: usize = 3;

/// Takes the commitments of every paragraph no rule took, in a text that
/// itemised nothing and named fewer than [`MANY`] priorities.
pub(crate) fn apply(outline: &Outline<'_>, found: &mut Found<'_>) {
    // A text that has given its priorities in lists, enumerations or
    // headings explains them in its prose.
    if found.itemised || found.priorities.len() - found.demanded >= MANY {
        return;
    }
    for i in 0..outline.blocks.len() {
        let b = &outline.blocks[i];
        if found.claimed[i] || !matches!(b.kind, BlockKind::Paragraph) {
            continue;
        }
        // Prose under a heading that became a priority is its body.
        let frame = |h: usize| outline.background(h) || outline.excludes(h) || outline.frames(h);
        if outline.enclosing[i].is_some_and(|h| frame(h) || found.from_heading.contains_key(&h)) {
            continue;
        }
        let parent = found.section_parent(outline, i);
        let mut from = b.span.start;
        for r in sentences(&b.text) {
            // The enumeration rule took the aims a demanding sentence lists.
            if found.demanding.contains(&(i, r.start)) {
                continue;
            }
            let sentence = &b.text[r];
            for title in goals(sentence, false, outline.places).unwrap_or_default() {
                let at = outline.locate(b.span, title, from).unwrap_or(b.span);
                from = at.end.max(from);
                let level = found.placed(parent, Level::Goal);
                let p = found.push(title, String::new(), level, RULE, at, None::<Span>);
                found.priorities[p].parent = parent;
            }
        }
    }
}

/// Whether `words` (lower case) hold the phrase `phrase` at `at`.
fn phrase_at(words: &[&str], at: usize, phrase: &str) -> bool {
    phrase.split(' ').enumerate().all(|(k, p)| words.get(at + k).is_some_and(|w| *w == p))
}

/// How many words the longest of `phrases` takes that `words` hold at
/// `at`, if any does.
fn longest_at(words: &[&str], at: usize, phrases: &[String]) -> Option<usize> {
    phrases.iter().filter(|p| phrase_at(words, at, p)).map(|p| p.split(' ').count()).max()
}

/// Whether a sentence commits its author, given whole: the test's view
/// of [`goals`] (`Vi vill att nyanlända från dag ett ska läsa sfi`,
/// `Ekby ska vara en välkomnande kommun`).
#[cfg(test)]
fn goal(sentence: &str) -> Option<&str> {
    read(sentence, false, &PLACES).map(|_| sentence)
}

/// The goals a committing sentence states: one per goal it coordinates
/// (`dels A, dels B`, `Målet är att A samt att B`, `vill verka för A, B
/// och C`), else the whole sentence.
///
/// With `advocates`, also any normative sentence (`[commitments]
/// normative`): the `section` rule's evidence that a party's or an
/// organisation's headed section states a demand. As titles of their own
/// these sentences were too often the argument around a demand in texts
/// nobody tuned on (precision fell by 5 to 10 points), so the rule takes
/// only the author's commitments.
pub(crate) fn goals<'s>(sentence: &'s str, advocates: bool, places: &MunicipalityRegistry) -> Option<Vec<&'s str>> {
    let Committed { goal_at: from, framed } = read(sentence, advocates, places)?;
    // After a frame the goal is what the author will do: its actions and
    // clauses are goals of their own.
    let items = from.and_then(|from| {
        coordinated_goals(sentence, from).or_else(|| framed.then(|| coordinated_actions(sentence, from)).flatten())
    });
    if let Some(items) = items {
        return Some(items.into_iter().map(|r| &sentence[r]).collect());
    }
    // `Målet är att` *alla ska ha ett arbete*: the frame is not the goal.
    let goal = from.filter(|_| framed).map(|from| sentence[from..].trim().trim_end_matches(['.', '!']).trim_end());
    Some(vec![goal.filter(|g| g.split_whitespace().nth(1).is_some()).unwrap_or(sentence)])
}

/// Whether a sentence states an aim of an author who argues for it: the
/// author's commitment or any normative sentence (see [`goals`]).
pub(crate) fn normative(sentence: &str, places: &MunicipalityRegistry) -> bool {
    read(sentence, true, places).is_some()
}

/// A sentence that commits its author.
struct Committed {
    /// Where its goal starts, if it has a place: after the verb and its
    /// `att` (`Vi strävar efter att` *mottagandet sker jämnt*), or after a
    /// goal noun's copula. The coordinated goals are read from there.
    goal_at: Option<usize>,
    /// Whether the words before the goal only frame it, so that the goal
    /// is the title: a goal noun's `är att` (`Målet är att`), a verb of
    /// striving's `att` (`Vi strävar efter att`, `[commitments] frames`),
    /// or an impersonal `det är viktigt att`.
    framed: bool,
}

/// Whether a sentence commits its author, and where its goal starts.
fn read(sentence: &str, advocates: bool, places: &MunicipalityRegistry) -> Option<Committed> {
    let c = &vocabulary().commitments;
    // A question asks; a colon introduces what follows.
    if sentence.ends_with(['?', ':']) {
        return None;
    }
    let words = kommunbench_text::word_spans(sentence, false);
    if words.len() < 4 || words.len() > c.max_words {
        return None;
    }
    let lowered = kommunbench_text::lowercase(sentence);
    let lowers = kommunbench_text::lowercase_words(sentence, &lowered, &words);
    let lower: Vec<&str> = lowers.iter().map(AsRef::as_ref).collect();
    // An instruction or a quotation is nobody's commitment (`Du ska`, `säger`).
    if lower.iter().any(|w| has(&c.reader, w) || has(&c.quotations, w)) {
        return None;
    }
    let at_word = |k: usize| words.get(k).map(|&(start, _)| start);
    let verb = match commitment(&words, &lower, places).or_else(|| advocates.then(|| demand(&lower)).flatten())? {
        // `Staden vill rikta ett tack`: the author speaks to the reader.
        Commitment::Verb(verb) if lower.iter().skip(verb).take(2).any(|w| has(&c.speech_acts, w)) => return None,
        Commitment::Verb(verb) => verb,
        Commitment::Whole(from, framed) => return Some(Committed { goal_at: from.and_then(at_word), framed }),
    };
    if let Some(k) = after_stance(&lower, verb) {
        return Some(Committed { goal_at: at_word(k), framed: true });
    }
    let mut from = at_word(verb);
    let mut at = verb;
    let mut impersonal = false;
    // The `att` within a few words after the verb, and again after `det
    // är viktigt att`. A comma ends the search: `verka för A, att B och
    // C` lists.
    let comma_free = |from: usize, to: usize| !sentence[words[from].0..words[to].0].contains(',');
    while let Some(k) = (at..(at + c.opening_words).min(lower.len())).find(|&k| lower[k] == c.marker && comma_free(at.min(k), k))
    {
        let Some(&(start, _)) = words.get(k + 1) else { break };
        from = Some(start);
        at = k + 1;
        if lower.get(at).is_none_or(|w| !has(&c.impersonal, w)) {
            break;
        }
        impersonal = true;
    }
    // `Vi strävar efter att`, `Vi tycker att det är viktigt att`: a frame.
    let striving = c.frames.iter().any(|f| {
        let n = f.split(' ').count();
        verb >= n && phrase_at(&lower, verb - n, f) && lower.get(verb).is_some_and(|w| *w == c.marker)
    });
    Some(Committed { goal_at: from, framed: striving || impersonal })
}

/// Where the goal starts after a verb of will that ends at word `verb`
/// (`[commitments] stances`): after its adverbs, a frame and the `att`
/// right after it, and an impersonal frame (`Vi vill även` *införa
/// språkkrav*, `Vi anser att det är viktigt att` *...*). `None` when the
/// verb is no stance or less than two words are left.
fn after_stance(lower: &[&str], verb: usize) -> Option<usize> {
    let c = &vocabulary().commitments;
    // `Vi vill`, or inverted after its subject: `Därför föreslår vi`.
    let inverted = verb > 0 && has(&c.subjects, lower[verb - 1]);
    let end = if inverted { verb - 1 } else { verb };
    let stance = c.stances.iter().any(|s| {
        let n = s.split(' ').count();
        end >= n && phrase_at(lower, end - n, s)
    });
    if !stance {
        return None;
    }
    let mut k = verb;
    // `Vi vill även`, `Vi vill bland annat`: adverbs of one or more words.
    while let Some(n) = longest_at(lower, k, &c.stance_adverbs) {
        k += n;
    }
    k += longest_at(lower, k, &c.stance_frames).unwrap_or(0);
    if lower.get(k).is_some_and(|w| *w == c.marker) {
        k += 1;
    }
    if lower.get(k).is_some_and(|w| has(&c.impersonal, w))
        && let Some(j) = (k..(k + c.opening_words).min(lower.len())).find(|&j| lower[j] == c.marker)
    {
        k = j + 1;
    }
    (k + 1 < lower.len()).then_some(k)
}

/// How an advocate's sentence demands (`[commitments] normative`): a
/// normative verb among its first words, not after a relative, or a
/// normative opening. Given the lower-case words.
fn demand(words: &[&str]) -> Option<Commitment> {
    let c = &vocabulary().commitments;
    // `Arbetsförmedlingen ska informera om ...`: another authority's duty
    // (codebook rule 1), not a demand; `Arbetsförmedlingen måste` demands.
    if words.first().is_some_and(|w| crate::priorities::cues::is_authority(w)) && words.get(1).is_some_and(|w| has(&c.duties, w))
    {
        return None;
    }
    let opening = c.normative_openings.iter().any(|o| phrase_at(words, 0, o));
    let verb =
        (1..(2 * c.opening_words).min(words.len())).any(|k| has(&c.normative, words[k]) && !has(&c.relatives, words[k - 1]));
    (opening || verb).then_some(Commitment::Whole(None, false))
}

/// How a sentence commits its author.
enum Commitment {
    /// By the author's verb, the goal after it: the index of the word
    /// after the verb.
    Verb(usize),
    /// As a whole: a goal noun's sentence (with the index of the word
    /// after its copula, and whether the copula frames the goal), or the
    /// municipality's.
    Whole(Option<usize>, bool),
}

/// The built-in municipalities, for the tests.
#[cfg(test)]
static PLACES: std::sync::LazyLock<kommunbench_core::MunicipalityRegistry> =
    std::sync::LazyLock::new(kommunbench_core::MunicipalityRegistry::builtin);

/// How a sentence of four to `max_words` words, not a question, an
/// instruction or a quotation, commits its author, if it does, given its
/// words (`spans`) and their lower-case forms (`words`).
fn commitment(spans: &[(usize, &str)], words: &[&str], places: &MunicipalityRegistry) -> Option<Commitment> {
    let c = &vocabulary().commitments;
    let originals: Vec<&str> = spans.iter().map(|(_, w)| *w).collect();
    // A condition (`Den som vill läsa sfi ska`) states no goal.
    if c.conditions.iter().any(|o| phrase_at(words, 0, o)) {
        return None;
    }
    let verb_at = |at: usize, verbs: &[String]| verbs.iter().any(|v| phrase_at(words, at, v));
    let opening = c.opening_words.min(words.len());
    // The relative or question word before a verb makes it another's.
    let free = |at: usize| at == 0 || !has(&c.relatives, words[at - 1]);
    let after = |v: usize, verbs: &[String]| v + longest_at(words, v, verbs).unwrap_or(1);
    // The purpose a few words after a verb of work at `v` (`arbetar
    // tillsammans med föreningarna för att` *X*): the goal after it.
    let purpose_after = |v: usize| {
        (v + 1..(v + 1 + c.opening_words).min(words.len()))
            .find(|&k| phrase_at(words, k, &c.purpose))
            .map(|k| Commitment::Whole(Some(k + c.purpose.split(' ').count()), true))
    };
    // `kommun` is a subject after the municipality's name (`Ekby kommun
    // ska`), not in `i vilken kommun ett barn ska bo`.
    let subject = |s: usize| {
        has(&c.subjects, words[s])
            && (words[s] != "kommun" || s > 0 && originals[s - 1].chars().next().is_some_and(char::is_uppercase))
    };
    for s in 0..opening {
        if subject(s) {
            // `Vi arbetar aktivt för att`, `Vi arbetar tillsammans med
            // föreningarna för att`: a verb of work, a few words, then its
            // purpose, which is the goal.
            if let Some(purpose) =
                Some(s + 1).filter(|&v| v < words.len() && has(&c.purpose_verbs, words[v])).and_then(purpose_after)
            {
                return Some(purpose);
            }
            // `Vi vill`, `Vi Socialdemokrater i Höör vill`, `Kommunen ska också`;
            // not a verb of a clause the author reports (`vi bedömer att
            // regeringen behöver`).
            let own = |v: usize| !words[s + 1..v].contains(&c.marker.as_str());
            if let Some(v) =
                (s + 1..(s + 1 + c.opening_words).min(words.len())).find(|&v| verb_at(v, &c.verbs) && free(v) && own(v))
            {
                return Some(Commitment::Verb(after(v, &c.verbs)));
            }
        }
    }
    // `Därför vill vi`, `I samverkan med andra verkar vi för att`: the
    // verb just before `vi`, a little further in.
    let inverted =
        |s: usize| verb_at(s - 1, &c.verbs) || (has(&c.purpose_verbs, words[s - 1]) && phrase_at(words, s + 1, &c.purpose));
    if let Some(s) = (1..(2 * c.opening_words).min(words.len())).find(|&s| words[s] == c.subjects[0] && inverted(s)) {
        return Some(Commitment::Verb(s + 1));
    }
    // `Tillväxtenheten arbetar för att`, `En arbetsgrupp har under hösten
    // arbetat för att`: a verb of work in any form, a little further in,
    // then its purpose, with a subject that is not another authority.
    let work = |w: &str| has(&c.purpose_verbs, w) || has(&c.purpose_participles, w);
    let worked = (1..(2 * c.opening_words).min(words.len())).find(|&v| work(words[v]) && free(v));
    if let Some(purpose) = worked.filter(|_| !crate::priorities::cues::is_authority(words[0])).and_then(purpose_after) {
        return Some(purpose);
    }
    // `Ekby ska vara en välkomnande kommun`, `I Ekby ska alla ha lika
    // rättigheter`: the municipality by its name, then `ska`.
    let place = usize::from(words[0] == "i");
    if originals[place].chars().next().is_some_and(char::is_uppercase)
        && c.place_verbs.iter().any(|v| phrase_at(words, place + 1, v))
        && places.by_name(originals[place]).is_some()
    {
        return Some(Commitment::Whole(None, false));
    }
    // `Målet är att`, `Vår främsta målsättning är att`, `Ekby kommun har
    // som mål att`: a goal noun and its copula among the first words.
    // The goal must be the author's: the noun opens the sentence, or a
    // possessive or a genitive stands before the copula (`Vår`,
    // `Flyktingmottagningens`, `Målet för integrationsenhetens`, `Ekby
    // kommun har som mål`), not `På riksnivå är målet`.
    let noun = (0..opening).find(|&k| has(&c.goal_nouns, words[k]));
    let copula =
        noun.and_then(|k| (k + 1..(k + 5).min(words.len())).find(|&j| c.goal_copulas.iter().any(|g| phrase_at(words, j, g))));
    if let (Some(k), Some(j)) = (noun, copula) {
        // `Målet med lagändringen är att`: the law's goal, not the author's.
        let law = words[k + 1..j].iter().any(|w| c.laws.iter().any(|l| w.starts_with(l.as_str())));
        let owned = !law
            && (k == 0
                || words[..j]
                    .iter()
                    .any(|w| has(&c.possessives, w) || c.genitive_endings.iter().any(|e| w.ends_with(e.as_str())))
                || words[..k].contains(&"kommun"));
        if owned {
            let copula = c.goal_copulas.iter().filter(|g| phrase_at(words, j, g)).max_by_key(|g| g.len());
            let framed = copula.is_some_and(|g| *g == c.framing_copula);
            return Some(Commitment::Whole(copula.map(|g| j + g.split(' ').count()), framed));
        }
    }
    // `Syftet med projektet är att`, `Syftet med vår samverkan är att`: the
    // purpose of the author's own initiative, not of a service it
    // describes (`Syftet med samhällsorienteringen är att`).
    if words.first().is_some_and(|w| has(&c.purpose_nouns, w))
        && let Some(j) = (2..(2 + c.opening_words).min(words.len())).find(|&j| phrase_at(words, j, &c.framing_copula))
        && words[1] == c.initiative_link
        && words[2..j].iter().any(|w| c.initiatives.iter().any(|i| w.contains(i.as_str())))
    {
        return Some(Commitment::Whole(Some(j + c.framing_copula.split(' ').count()), true));
    }
    // A party's or a body's name, then a verb of will: `Moderaterna
    // vill`, `Svenska kyrkan vill`.
    if let Some(v) = (1..3.min(words.len())).find(|&v| verb_at(v, &c.will))
        && crate::speaker::names_a_speaker(&originals[..v])
    {
        return Some(Commitment::Verb(after(v, &c.will)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commits(sentence: &str) -> bool {
        goal(sentence).is_some()
    }

    #[test]
    fn another_authority_s_duty_is_no_demand() {
        assert!(!normative("Arbetsförmedlingen ska informera om praktik, villkor och matchning.", &PLACES));
        assert!(normative("Arbetsförmedlingen måste få ett tydligare uppdrag för nyanlända.", &PLACES));
        assert!(normative("Mottagandet ska ha en tydlig nationell styrning.", &PLACES));
    }

    #[test]
    fn a_frame_before_the_goal_is_not_its_title() {
        let titles = |s: &'static str| goals(s, false, &PLACES).unwrap_or_default();
        assert_eq!(titles("Målet är att alla ska ha ett arbete."), ["alla ska ha ett arbete"]);
        assert_eq!(titles("Vi strävar efter att mottagandet sker jämnt."), ["mottagandet sker jämnt"]);
        assert_eq!(titles("Vi arbetar för att vara en kommun för alla."), ["vara en kommun för alla"]);
        assert_eq!(titles("Vi tycker att det är viktigt att skapa fler bostäder."), ["skapa fler bostäder"]);
        // A law's goal is not the author's.
        assert_eq!(goals("Målet med lagändringen är att stärka kompetensen.", false, &PLACES), None);
        // A will or a promise: what the author wants.
        assert_eq!(titles("Vi vill att fler ska arbeta."), ["fler ska arbeta"]);
        assert_eq!(titles("Vi vill även införa språkkrav för medborgarskap."), ["införa språkkrav för medborgarskap"]);
        assert_eq!(
            titles("Vi vill bland annat se att regeringen utvecklar ett åtgärdsprogram."),
            ["regeringen utvecklar ett åtgärdsprogram"]
        );
        assert_eq!(titles("Därför vill vi se fler praktikplatser i kommunen."), ["se fler praktikplatser i kommunen"]);
        assert_eq!(titles("Svenska kyrkan vill verka för en rättssäker asylprövning."), ["en rättssäker asylprövning"]);
        assert_eq!(titles("Kommunen kommer att försöka underlätta mottagandet."), ["underlätta mottagandet"]);
        assert_eq!(titles("Därför föreslår vi att sfi blir flexibel."), ["sfi blir flexibel"]);
        assert_eq!(
            titles("Vi ser det som angeläget att ta till vara nyanländas kompetens."),
            ["ta till vara nyanländas kompetens"]
        );
        // A verb of work, some words, and its purpose.
        assert_eq!(titles("Vi arbetar aktivt för att fler nyanlända ska få jobb."), ["fler nyanlända ska få jobb"]);
        assert_eq!(
            titles("Vi arbetar tillsammans med föreningarna för att skapa fler mötesplatser."),
            ["skapa fler mötesplatser"]
        );
        // A goal held, a duty: the whole sentence.
        assert_eq!(titles("Ekby kommun har som mål att alla ska arbeta."), ["Ekby kommun har som mål att alla ska arbeta."]);
        assert_eq!(titles("Kommunen ska se till att alla får bo."), ["Kommunen ska se till att alla får bo."]);
    }

    #[test]
    fn any_letters_are_read_without_panic() {
        // Letters whose lower case is longer and shorter (`Ⱥ`, `İ`, `ẞ`)
        // shift a sentence lowered at once; its words are lowered one by one.
        for s in ["Vi vill att Ⱥ ska ha ẞ och ä i alla texter.", "Vi vill att İ och Ⱥ ska ha ẞ och ẞ med åäö Ä."] {
            let _ = goal(s);
        }
        assert!(commits("Vi vill att ÅSA och İlker ska få lära sig svenska."));
    }

    #[test]
    fn the_author_speaking_to_the_reader_commits_to_nothing() {
        for s in [
            "Staden vill rikta ett stort tack till alla frivilliga som har hjälpt till.",
            "När frågan nu lyfts igen vill vi poängtera att vi står bakom beslutet.",
            "Vi vill också tacka alla föreningar för ett gott samarbete.",
        ] {
            assert!(!commits(s), "{s}");
        }
        assert!(commits("Vi vill att kommunen ska informera alla nyanlända om sfi."));
    }

    #[test]
    fn the_author_commits_as_subject_or_after_its_verb() {
        for s in [
            "Vi vill att alla invandrare ska få kunskap om det svenska samhället.",
            "Vi strävar efter att mottagandet sker så jämnt som möjligt.",
            "Därför vill vi se tidigare och bättre språkundervisning.",
            "För nyanlända så prioriterar vi de långsiktiga boendena för barnfamiljer.",
            "Kommunen ska aktivt arbeta för att rekrytera människor med olika bakgrund.",
            "Vi Socialdemokrater i Höör vill att fler ska få jobb.",
            "Moderaterna vill införa ett bidragstak.",
            "Svenska kyrkan vill verka för en human flyktingpolitik.",
            "Målet är att nyanlända snabbt ska komma i arbete.",
        ] {
            assert!(commits(s), "{s}");
        }
    }

    #[test]
    fn the_goal_is_the_whole_sentence() {
        let g = |s| goal(s).unwrap();
        for s in [
            "Vi strävar efter att mottagandet sker jämnt.",
            "Vi tycker att det är viktigt att skapa långsiktiga boenden.",
            "Moderaterna vill införa ett bidragstak.",
            "Målet är att nyanlända snabbt kommer i arbete.",
            "Vår främsta målsättning är att få fler i arbete.",
            "Vadstena ska vara en kommun för alla.",
            "I Karlskoga ska alla ha lika rättigheter.",
            "I samverkan med andra parter verkar vi för att fler får jobb.",
            "Kommunen ska erbjuda praktik till alla nyanlända.",
        ] {
            assert_eq!(g(s), s);
        }
        assert!(goal("Migrationsverket ska pröva ansökan om asyl.").is_none());
        assert!(goal("Barnen ska vara inskrivna i skolan.").is_none());
    }

    #[test]
    fn a_goal_that_coordinates_goals_gives_each() {
        let g = |s| goals(s, false, &PLACES).unwrap();
        assert_eq!(
            g(
                "Kommunen har två roller, dels ska vi vara ett föredöme som arbetsgivare, dels ska vår verksamhet främja mångfald."
            ),
            ["vara ett föredöme som arbetsgivare", "vår verksamhet främja mångfald"]
        );
        assert_eq!(
            g("Målet med insatserna är att utbildningen ska vara likvärdig samt att höja kunskapsresultaten för nyanlända."),
            ["utbildningen ska vara likvärdig", "höja kunskapsresultaten för nyanlända"]
        );
        assert_eq!(
            g("Målet är att invandringen är hållbar samt ett tryggt och öppet land där alla hittar sin plats."),
            ["invandringen är hållbar", "ett tryggt och öppet land där alla hittar sin plats"]
        );
        assert_eq!(
            g("Vi vill att fler nyanlända får jobb och att sfi kombineras med praktik."),
            ["fler nyanlända får jobb", "sfi kombineras med praktik"]
        );
        assert_eq!(
            g("Vi vill verka för en rättssäker asylprövning, att människor får en bra start och ett samhälle som håller samman."),
            ["en rättssäker asylprövning", "att människor får en bra start", "ett samhälle som håller samman"]
        );
    }

    #[test]
    fn framed_actions_and_clauses_give_each() {
        let g = |s| goals(s, false, &PLACES).unwrap();
        assert_eq!(
            g("Vi vill stärka individen och motverka parallellsamhällen."),
            ["stärka individen", "motverka parallellsamhällen"]
        );
        assert_eq!(
            g("Målet är att stärka förutsättningarna för arbete, fungera som stöd för nätverk samt skapa fler mötesplatser."),
            ["stärka förutsättningarna för arbete", "fungera som stöd för nätverk", "skapa fler mötesplatser"]
        );
        assert_eq!(
            g("Vi vill att alla ska få plats och varje invånares kompetens ska tas tillvara."),
            ["alla ska få plats", "varje invånares kompetens ska tas tillvara"]
        );
        // A verb's coordinated infinitives, a noun after `och`, and a whole
        // sentence whose goal is not framed stay one.
        for s in [
            "Målet är att klargöra och komma överens om ansvaret.",
            "Vi vill utveckla samarbetet och stödet till föreningarna.",
            "Kommunen ska erbjuda praktik och stödja föreningarna.",
        ] {
            assert_eq!(g(s).len(), 1, "{s}: {:?}", g(s));
        }
    }

    #[test]
    fn a_verb_of_work_in_any_form_commits_to_its_purpose() {
        let titles = |s: &'static str| goals(s, false, &PLACES).unwrap_or_default();
        assert_eq!(titles("Tillväxtenheten arbetar för att skapa ett bra mottagande."), ["skapa ett bra mottagande"]);
        assert_eq!(
            titles("En arbetsgrupp inom kommunen har under hösten arbetat för att skapa boendeplatser."),
            ["skapa boendeplatser"]
        );
        // Another authority's work is its own.
        assert!(goal("Arbetsförmedlingen arbetar för att fler ska få jobb.").is_none());
    }

    #[test]
    fn the_purpose_of_the_author_s_initiative_is_its_goal() {
        let titles = |s: &'static str| goals(s, false, &PLACES).unwrap_or_default();
        assert_eq!(titles("Syftet med projektet är att skapa mötesplatser på svenska."), ["skapa mötesplatser på svenska"]);
        assert_eq!(titles("Syftet med vår samverkan är att öka kvaliteten i mottagandet."), ["öka kvaliteten i mottagandet"]);
        // A service's purpose is described; a bare purpose is as often.
        assert!(goal("Syftet med samhällsorienteringen är att underlätta etableringen.").is_none());
        assert!(goal("Syftet är att få en bild av elevens hälsa.").is_none());
    }

    #[test]
    fn a_need_or_an_obligation_of_the_author_is_its_goal() {
        let titles = |s: &'static str| goals(s, false, &PLACES).unwrap_or_default();
        assert_eq!(titles("Först och främst behöver vi minska inflödet av nyanlända."), ["minska inflödet av nyanlända"]);
        assert_eq!(
            titles("Vi måste skapa ett system som gör det lättare att arbeta."),
            ["skapa ett system som gör det lättare att arbeta"]
        );
        // The verb of a clause the author reports is not the author's.
        assert!(goal("Sammantaget bedömer vi att regeringen behöver ta ett större ansvar.").is_none());
    }

    #[test]
    fn a_party_by_another_of_its_names_wants() {
        assert_eq!(
            goals("Centern vill göra det lättare att anställa.", false, &PLACES).unwrap(),
            ["göra det lättare att anställa"]
        );
    }

    #[test]
    fn one_goal_stays_one() {
        let g = |s| goals(s, false, &PLACES).unwrap();
        for s in [
            "Målet för enheten är att ge individen förutsättningar att bli självförsörjande samt delaktig i samhället.",
            "Vi vill att kommunen, föreningarna och näringslivet samarbetar.",
            "Vi vill att alla kvinnor, män, flickor och pojkar ska ha samma möjligheter.",
            "Vi vill se fler jobb och bättre skolor.",
        ] {
            assert_eq!(g(s).len(), 1, "{s}: {:?}", g(s));
        }
    }

    #[test]
    fn instructions_conditions_questions_and_descriptions_are_instructions() {
        for s in [
            "Du ska anmäla dig till sfi senast i augusti.",
            "Den som vill läsa sfi ska vara folkbokförd i kommunen.",
            "Alla som vill får delta i språkcaféet på onsdagar.",
            "Vad vill vi uppnå med integrationsarbetet?",
            "– Vi vill se fler mötesplatser, säger kommunalrådet.",
            "Migrationsverket ska pröva ansökan om uppehållstillstånd.",
            "Detta kräver samverkan mellan kommunens aktörer.",
            "Kommunen tar emot nyanlända som anvisas av Migrationsverket.",
            "Ett språkcafé hålls varje vecka i biblioteket.",
        ] {
            assert!(!commits(s), "{s}");
        }
    }
}

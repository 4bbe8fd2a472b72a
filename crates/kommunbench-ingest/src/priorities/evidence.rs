//! Positive evidence that an item states the author's goal, demand or
//! measure: a modal verb of a goal (`Fler ska lära sig svenska`), an
//! action verb it opens with (`Skapa fler mötesplatser`, `utöva
//! tillsyn`), or a word of change or demand it opens with (`Minskad
//! invandring`, `Krav på motprestation`). Names, dates, page labels,
//! criteria and topics have none. Words in `[evidence]`.

use std::borrow::Cow;

use crate::vocabulary::{has, vocabulary};

/// The words of `text` ([`kommunbench_text::word_spans`]) in lower case,
/// borrowed where they already are.
fn lower_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    kommunbench_text::word_spans(text, false).into_iter().map(|(_, w)| kommunbench_text::lowercase_cow(w))
}

/// Whether `item` reads as a goal, a demand or a measure.
pub(crate) fn states_goal(item: &str) -> bool {
    let e = &vocabulary().evidence;
    let words: Vec<Cow<'_, str>> = lower_words(item).collect();
    let Some(first) = words.first() else { return false };
    // `Projektet ska vara förenligt med ...`: a condition the reader meets.
    let condition =
        e.condition_subjects.iter().any(|c| c.split(' ').enumerate().all(|(k, w)| words.get(k).is_some_and(|x| x == w)));
    if condition {
        return false;
    }
    // `att skapa`: a duty list's infinitive marker.
    let first: &str = if first == "att" { words.get(1).unwrap_or(first) } else { first };
    let opens_with_verb = e.verb_stems.iter().any(|stem| match stem.split_once(' ') {
        Some((a, b)) => first == a && words.iter().skip_while(|w| *w != a).nth(1).is_some_and(|w| w == b),
        // Short verbs (`ta`, `ge`) are whole words; longer stems open one.
        None if stem.chars().count() <= 2 => first == stem,
        None => first.starts_with(stem.as_str()),
    });
    opens_with_verb || has(&e.goal_words, first) || words.iter().any(|w| has(&e.modals, w))
}

/// Whether a section's text opens on the author's own work: its first
/// words (`[evidence]` `own_work_words`) name the municipality or `vi`
/// (`I Ekby kommun är integration en del av ...`, `Vi samarbetar med
/// ...`) and do not address the reader (`du`, `ni`: `Vi ser till att du
/// får svar` describes a service, not an aim).
pub(crate) fn own_work(body: &str) -> bool {
    let municipal = &vocabulary().speaker.municipality;
    let reader = &vocabulary().commitments.reader;
    let opening: Vec<Cow<'_, str>> = lower_words(body).take(vocabulary().evidence.own_work_words).collect();
    !opening.iter().any(|w| has(reader, w)) && opening.iter().any(|w| w == "vi" || has(municipal, w))
}

/// Whether a paragraph states what is to be: a modal verb of a goal
/// (`ska`, `måste`, `vill`).
pub(crate) fn willed(paragraph: &str) -> bool {
    lower_words(paragraph).any(|w| has(&vocabulary().evidence.modals, &w))
}

/// Whether enough of `items` read as goals for the list to be the
/// author's goals: at least the `[evidence]` share of them.
pub(crate) fn list_states_goals<'a>(items: impl IntoIterator<Item = &'a str>) -> bool {
    enough(items.into_iter().map(states_goal))
}

/// Whether at least the `[evidence]` share of `shows` (one per item) is
/// true, and there is an item at all.
fn enough(shows: impl Iterator<Item = bool>) -> bool {
    let (mut with, mut all) = (0, 0);
    for show in shows {
        all += 1;
        with += usize::from(show);
    }
    all > 0 && 100 * with >= vocabulary().evidence.share * all
}

/// Whether enough of a run of `Label: text` lines read as goals for the
/// labels to be the author's priorities (the `[evidence]` share): a label
/// that states a goal (`Fler i arbete: ...`), or a text that does without
/// addressing the reader (`Arbete: Alla ska ha en väg till jobb`, not
/// `Gör så här: Välj de kommuner du vill jämföra`). Facts give none
/// (`Plats: Europahuset`, `Källa: SCB`).
pub(crate) fn labels_state_goals<'a>(labels: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    let reader = &vocabulary().commitments.reader;
    enough(labels.into_iter().map(|(label, text)| {
        let serves = lower_words(text).any(|w| has(reader, &w));
        states_goal(label) || states_goal(text) && !serves
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_at_work_is_own_work_unless_it_serves_the_reader() {
        assert!(own_work("I Ekby kommun är integration en del av allt arbete."));
        assert!(own_work("Vi samarbetar med föreningarna i alla bostadsområden."));
        assert!(!own_work("Vi ser till att du får svar inom två dagar."));
        assert!(!own_work("Kommunen hjälper dig att hitta en bostad."));
        assert!(!own_work("Migrationsverket prövar ansökan om asyl."));
        // Words of a quotation do not make a section the reader's.
        assert!(own_work("Vi säger ja till fler mötesplatser i kommunens bostadsområden."));
    }

    #[test]
    fn goals_demands_and_measures_show_evidence() {
        for item in [
            "Skapa fler sociala mötesplatser",
            "Fler ska lära sig svenska",
            "Minskad invandring",
            "Försörjningsstöd måste ha motkrav",
            "utöva tillsyn över diskrimineringslagen",
            "ta emot anmälningar om diskriminering",
            "att erbjuda praktik i kommunens verksamheter",
            "Krav på motprestation för att få ekonomiskt stöd",
        ] {
            assert!(states_goal(item), "{item}");
        }
    }

    #[test]
    fn a_condition_on_an_application_is_no_goal() {
        for item in [
            "Projektet ska vara förenligt med nämndens mål",
            "Bidraget ska inte täcka lönekostnader för egen personal",
            "Ansökan ska lämnas senast den 1 mars",
            "Den sökande ska vara folkbokförd i kommunen",
        ] {
            assert!(!states_goal(item), "{item}");
        }
        assert!(states_goal("Föreningslivet ska vara öppet för alla"));
    }

    #[test]
    fn names_dates_pages_and_criteria_show_none() {
        for item in [
            "Ayad Al Saffar, Libanon, Klockgrossisten",
            "9 februari",
            "Page 1",
            "befolkningsstorlek",
            "kommunernas arbetsmarknadsförutsättningar",
            "Anvisningstal 2016",
            "Stöd, information och introduktion i det nya samhället",
            "Tavelsjö",
            "Gemenskap",
        ] {
            assert!(!states_goal(item), "{item}");
        }
    }

    #[test]
    fn labels_need_goals_not_facts_or_instructions() {
        assert!(labels_state_goals([("Arbete", "Alla ska ha en väg till jobb."), ("Språk", "Sfi på kvällstid.")]));
        assert!(labels_state_goals([("Fler i arbete", "Praktik i kommunen."), ("Plats", "Stadshuset")]));
        assert!(!labels_state_goals([("Plats", "Europahuset, plan 2"), ("Entréavgift", "50 kr för icke medlemmar.")]));
        assert!(!labels_state_goals([("Gör så här", "Välj de kommuner du vill jämföra."), ("Källa", "SCB")]));
    }

    #[test]
    fn a_list_needs_half_its_items_with_evidence() {
        assert!(list_states_goals(["Skapa mötesplatser", "Bostäder åt alla", "Fler i arbete"]));
        assert!(!list_states_goals(["9 februari", "18 maj", "Fler i arbete"]));
        assert!(!list_states_goals([]));
    }
}

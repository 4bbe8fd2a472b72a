//! The Swedish words of ingestion, typed: `data/vocabulary.toml` read
//! once. The file documents each list (what it is for, which stage or
//! rule reads it); the fields here follow its sections.
//!
//! The stages never read the file's lists in their hot loops as they
//! stand: `crate::patterns` builds, once, the automata, patterns and sets
//! they search with.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use kommunbench_core::{DocumentKind, DropReason, Level};
use serde::Deserialize;

/// The vocabulary file, compiled into the program.
const SOURCE: &str = include_str!("../data/vocabulary.toml");

/// The vocabulary, read on first use.
static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    toml::from_str(SOURCE).unwrap_or_else(|e| unreachable!("data/vocabulary.toml is the program's own and reads: {e}"))
});

/// The vocabulary.
pub(crate) fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

/// Every word list of ingestion (see `data/vocabulary.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Vocabulary {
    pub furniture: Furniture,
    pub page_numbers: PageNumbers,
    pub layout: Layout,
    pub metadata: Metadata,
    pub speaker: Speaker,
    pub headings: Vec<HeadingLevel>,
    pub nouns: Nouns,
    pub kinds: ByLevel,
    pub introductions: Introductions,
    pub sections: Sections,
    pub enumerations: Enumerations,
    pub evidence: Evidence,
    pub commitments: Commitments,
    pub items: Items,
}

/// What makes an item read as a goal, a demand or a measure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Evidence {
    pub modals: Vec<String>,
    pub verb_stems: Vec<String>,
    pub goal_words: Vec<String>,
    pub condition_subjects: Vec<String>,
    pub share: usize,
    pub own_work_words: usize,
}

/// Commitments in running prose.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Commitments {
    pub subjects: Vec<String>,
    pub verbs: Vec<String>,
    pub will: Vec<String>,
    pub goal_nouns: Vec<String>,
    pub goal_copulas: Vec<String>,
    pub framing_copula: String,
    pub frames: Vec<String>,
    pub stances: Vec<String>,
    pub stance_adverbs: Vec<String>,
    pub stance_frames: Vec<String>,
    pub possessives: Vec<String>,
    pub laws: Vec<String>,
    pub purpose_nouns: Vec<String>,
    pub initiative_link: String,
    pub initiatives: Vec<String>,
    pub genitive_endings: Vec<String>,
    pub place_verbs: Vec<String>,
    pub purpose_verbs: Vec<String>,
    pub purpose: String,
    pub purpose_participles: Vec<String>,
    pub opening_words: usize,
    pub reader: Vec<String>,
    pub quotations: Vec<String>,
    pub conditions: Vec<String>,
    pub speech_acts: Vec<String>,
    pub relatives: Vec<String>,
    pub max_words: usize,
    pub marker: String,
    pub impersonal: Vec<String>,
    pub both: String,
    pub both_lead: Vec<String>,
    pub clause_joins: Vec<String>,
    pub also: String,
    pub also_openers: Vec<String>,
    pub action_verbs: Vec<String>,
    pub clause_modals: Vec<String>,
    pub min_listed: usize,
    pub normative: Vec<String>,
    pub duties: Vec<String>,
    pub normative_openings: Vec<String>,
}

/// Words by the furniture reason they give.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ByReason {
    #[serde(default)]
    pub navigation: Vec<String>,
    #[serde(default)]
    pub feedback: Vec<String>,
    #[serde(default)]
    pub contact: Vec<String>,
    #[serde(default)]
    pub metadata: Vec<String>,
    #[serde(default)]
    pub page_noise: Vec<String>,
    #[serde(default)]
    pub image: Vec<String>,
    #[serde(default)]
    pub banner: Vec<String>,
}

impl ByReason {
    /// Every word with its reason, reason by reason in the file's order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, DropReason)> {
        [
            (&self.navigation, DropReason::Navigation),
            (&self.feedback, DropReason::Feedback),
            (&self.contact, DropReason::Contact),
            (&self.metadata, DropReason::Metadata),
            (&self.page_noise, DropReason::PageNoise),
            (&self.image, DropReason::Image),
            (&self.banner, DropReason::Banner),
        ]
        .into_iter()
        .flat_map(|(words, reason)| words.iter().map(move |w| (w.as_str(), reason)))
    }
}

/// Page furniture.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Furniture {
    pub lines: ByReason,
    pub openings: ByReason,
    pub phrases: ByReason,
    pub link_headings: Vec<String>,
    pub page_openers: Vec<String>,
    pub viewer_options: Vec<String>,
    pub image_labels: Vec<String>,
    pub image_extensions: Vec<String>,
    pub file_formats: Vec<String>,
    pub file_size_units: Vec<String>,
    pub top_level_domains: Vec<String>,
    pub site_words: Vec<String>,
    pub alt_text: AltText,
}

/// Alt texts of photographs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AltText {
    pub counts: Vec<String>,
    pub and: String,
    pub articles: Vec<String>,
    pub verbs: Vec<String>,
    pub groups: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
}

/// Page numbers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageNumbers {
    pub labels: Vec<String>,
    pub of: Vec<String>,
}

/// Layout.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Layout {
    pub title_stems: Vec<String>,
    pub open_endings: Vec<String>,
    pub quote_verbs: Vec<String>,
}

/// Metadata.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Metadata {
    pub months: Vec<String>,
    pub adopted: Vec<String>,
    pub revised: Vec<String>,
    pub published: Vec<String>,
    pub updated: Vec<String>,
    pub news: Vec<String>,
    pub news_category: NewsCategory,
    pub reference_labels: Vec<String>,
    pub document_type_label: String,
    pub decided_by_labels: Vec<String>,
    pub body_endings: Vec<String>,
    pub body_names: Vec<String>,
    pub body_abbreviations: BTreeMap<String, String>,
    pub body_genitive_ending: String,
    pub kinds: Vec<KindStem>,
}

/// The category line that makes a page news.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewsCategory {
    pub line: String,
    pub name: String,
}

/// A word stem and the kind of document it names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KindStem {
    pub stem: String,
    pub kind: DocumentKind,
}

/// Who speaks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Speaker {
    pub county_word: String,
    pub voice: Vec<String>,
    pub party_verbs: Vec<String>,
    pub politics: String,
    pub bodies: Bodies,
    pub region: Vec<String>,
    pub municipality: Vec<String>,
    pub national_title: Vec<String>,
    pub unnamed: Unnamed,
    pub county_aliases: Vec<CountyAlias>,
    pub parties: Vec<Party>,
}

/// Who speaks in a text that names no municipality.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Unnamed {
    pub county_words: Vec<String>,
    pub country_words: Vec<String>,
    pub country_endings: Vec<String>,
    pub state_words: Vec<String>,
    pub organisation_words: Vec<String>,
}

/// Bodies that are not the municipality, by kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Bodies {
    pub region: Vec<String>,
    pub region_endings: Vec<String>,
    pub national: Vec<String>,
    pub national_endings: Vec<String>,
    pub organisation: Vec<String>,
    pub organisation_endings: Vec<String>,
    pub party_endings: Vec<String>,
    pub common_nouns: Vec<String>,
    pub subject_verbs: Vec<String>,
    pub name_links: Vec<String>,
    pub partner_words: Vec<String>,
    pub first_person: Vec<String>,
}

/// Another name of a county.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountyAlias {
    pub alias: String,
    pub county: String,
}

/// A party and the words that name it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Party {
    pub abbreviation: String,
    pub name: String,
    #[serde(default)]
    pub members: Option<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
}

impl Party {
    /// Whether `word` (lower case) is the party's name or one of its
    /// other names (`centern`, `folkpartiet`).
    pub(crate) fn named(&self, word: &str) -> bool {
        self.name == word || has(&self.forms, word)
    }
}

/// The words of a heading that name the level of the priorities under it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeadingLevel {
    pub level: Level,
    #[serde(default)]
    pub exact: Vec<String>,
    #[serde(default)]
    pub starts: Vec<String>,
    #[serde(default)]
    pub contains: Vec<String>,
    #[serde(default)]
    pub ends: Vec<String>,
}

/// Words by the level of priority they name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ByLevel {
    #[serde(default)]
    pub vision: Vec<String>,
    #[serde(default)]
    pub overall_goal: Vec<String>,
    #[serde(default)]
    pub goal: Vec<String>,
    #[serde(default)]
    pub sub_goal: Vec<String>,
    #[serde(default)]
    pub priority_area: Vec<String>,
    #[serde(default)]
    pub action: Vec<String>,
    #[serde(default)]
    pub responsibility: Vec<String>,
}

impl ByLevel {
    /// Every word with its level.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, Level)> {
        [
            (&self.vision, Level::Vision),
            (&self.overall_goal, Level::OverallGoal),
            (&self.goal, Level::Goal),
            (&self.sub_goal, Level::SubGoal),
            (&self.priority_area, Level::PriorityArea),
            (&self.action, Level::Action),
            (&self.responsibility, Level::Responsibility),
        ]
        .into_iter()
        .flat_map(|(words, level)| words.iter().map(move |w| (w.as_str(), level)))
    }
}

/// Nouns that name priorities.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Nouns {
    #[serde(flatten)]
    pub words: ByLevel,
    pub area_heads: Vec<String>,
    pub area_prefixes: Vec<String>,
    pub priority_area_stems: Vec<String>,
    pub responsibility_endings: Vec<String>,
    pub goal_stems: Vec<String>,
    pub goal_endings: Vec<String>,
    pub goal_ending_exceptions: Vec<String>,
}

/// What introductions say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Introductions {
    pub contents_openings: Vec<String>,
    pub contents_endings: Vec<String>,
    pub framing: Vec<String>,
    pub others: Vec<String>,
    pub stance_verbs: Vec<String>,
    pub duty_verbs: Vec<String>,
    pub subjects: Vec<String>,
    pub public_bodies: Vec<String>,
    pub public_body_endings: Vec<String>,
    pub authorities: Vec<String>,
    pub following: String,
    pub open_endings: Vec<String>,
    pub numbers: Vec<String>,
}

/// What section headings say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Sections {
    pub background_openings: Vec<String>,
    pub background_openings_with_lists: Vec<String>,
    pub background_headings: Vec<String>,
    pub how: String,
    pub courses: Vec<String>,
    pub framing_words: Vec<String>,
    pub framing_stems: Vec<String>,
    pub excluding: Vec<String>,
    pub many: Vec<String>,
    pub many_endings: Vec<String>,
    pub topic_words: Vec<String>,
    pub audiences: Vec<String>,
    pub document_kinds: Vec<String>,
}

/// Enumerations in running text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Enumerations {
    pub clause_openers: Vec<String>,
    pub clause_phrases: Vec<String>,
    pub finite_verbs: Vec<String>,
    pub relatives: Vec<String>,
    pub head_relatives: Vec<String>,
    pub formula_words: Vec<String>,
    pub lead_stops: Vec<String>,
    pub copula: String,
    pub example_phrases: Vec<String>,
    pub example_authors: Vec<String>,
    pub work_stems: Vec<String>,
    pub focus_phrases: Vec<String>,
    pub named_after: String,
    pub named_after_particle: String,
    pub verb_stem: String,
    pub participle_ending: String,
    pub infinitive_adverbs: Vec<String>,
    pub infinitive_marker: String,
    pub dashes: Vec<String>,
    pub and: String,
    pub also: String,
    pub demand_verbs: Vec<String>,
    pub demand_leads: Vec<String>,
    pub demand_lead_words: usize,
    pub demand_markers: Vec<String>,
    pub demand_examples: Vec<String>,
}

/// Lists, labels and tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Items {
    pub facts: Vec<String>,
    pub fact_labels: Vec<String>,
    pub action_columns: Vec<String>,
    pub details: Details,
}

/// Labels of an action's details.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Details {
    pub responsible: Vec<String>,
    pub partners: Vec<String>,
    pub timetable: Vec<String>,
    pub indicators: Vec<String>,
}

/// Whether `word` is in `list`. (Lengths and first bytes are compared
/// before the words: most words of a text differ there, and a call to
/// compare them costs more than the test.)
pub(crate) fn has(list: &[String], word: &str) -> bool {
    let first = word.as_bytes().first();
    list.iter().any(|w| w.len() == word.len() && w.as_bytes().first() == first && w == word)
}

/// Whether `text` opens with one of `list`'s words (their first bytes
/// compared first).
pub(crate) fn opens(text: &str, list: &[String]) -> bool {
    let first = text.as_bytes().first();
    list.iter().any(|w| w.as_bytes().first() == first && text.starts_with(w.as_str()))
}

/// Whether `text` ends with one of `list`'s words (their last bytes
/// compared first).
pub(crate) fn closes(text: &str, list: &[String]) -> bool {
    let last = text.as_bytes().last();
    list.iter().any(|w| w.as_bytes().last() == last && text.ends_with(w.as_str()))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{ByReason, vocabulary};

    #[test]
    fn the_vocabulary_reads_and_its_words_are_lower_case() {
        let v = vocabulary();
        let lists: Vec<(&str, &[String])> = vec![
            ("nouns.area_heads", &v.nouns.area_heads),
            ("introductions.stance_verbs", &v.introductions.stance_verbs),
            ("enumerations.lead_stops", &v.enumerations.lead_stops),
            ("sections.background_openings", &v.sections.background_openings),
            ("items.facts", &v.items.facts),
            ("metadata.adopted", &v.metadata.adopted),
        ];
        for (name, words) in lists {
            assert!(!words.is_empty(), "{name}");
            for w in words {
                assert_eq!(*w, kommunbench_text::lowercase(w), "{name}: `{w}`");
            }
        }
        for (w, _) in v.furniture.lines.iter().chain(v.furniture.openings.iter()).chain(v.furniture.phrases.iter()) {
            assert_eq!(w, kommunbench_text::lowercase(w), "furniture: `{w}`");
        }
    }

    /// Each furniture word gives one reason: no line, opening or phrase is
    /// listed under two, and no opening of one reason begins another's, so
    /// that the order of the reasons in the file never decides.
    #[test]
    fn furniture_words_give_one_reason() {
        let v = vocabulary();
        for (kind, list) in [("line", &v.furniture.lines), ("opening", &v.furniture.openings), ("phrase", &v.furniture.phrases)] {
            let mut seen: HashMap<&str, kommunbench_core::DropReason> = HashMap::new();
            for (w, reason) in ByReason::iter(list) {
                if let Some(other) = seen.insert(w, reason) {
                    assert_eq!(other, reason, "{kind} `{w}`");
                }
            }
            if kind != "line" {
                for (a, ra) in list.iter() {
                    for (b, rb) in list.iter() {
                        assert!(ra == rb || !b.starts_with(a), "{kind} `{a}` ({ra:?}) begins `{b}` ({rb:?})");
                    }
                }
            }
        }
    }
}

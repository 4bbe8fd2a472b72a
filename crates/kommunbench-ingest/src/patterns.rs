//! The patterns, automata and sets every stage searches with, built from
//! the vocabulary in one place, once per process.
//!
//! Each stage reads its own part ([`furniture`], [`layout`], [`metadata`],
//! [`speaker`], [`cues`], [`enumeration`]), built on first use or in
//! advance by [`prepare`]. Only this module turns the vocabulary's words
//! into patterns, so a word added to the vocabulary reaches every stage
//! that reads its list.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use kommunbench_core::{DropReason, Level};
use kommunbench_text::{Folded, Overlapping};
use memchr::memmem::Finder;
use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap;

use crate::vocabulary::{Vocabulary, vocabulary};

// Furniture

/// The furniture lists, searchable.
pub(crate) struct Furniture {
    /// Whole lines.
    pub(crate) lines: FxHashMap<String, DropReason>,
    /// Line openings as one anchored automaton, and each one's reason.
    pub(crate) openings: AhoCorasick,
    pub(crate) opening_reasons: Vec<DropReason>,
    /// Phrases as one automaton (ASCII case folded; their own non-ASCII
    /// letters stand in lower case mid-sentence), and each one's reason.
    pub(crate) phrases: Folded,
    pub(crate) phrase_reasons: Vec<DropReason>,
    /// The line patterns as one set, tried in one pass over a line; the
    /// first pattern that matches gives the reason.
    pub(crate) set: RegexSet,
    pub(crate) set_reasons: Vec<DropReason>,
}

impl Furniture {
    /// The furniture lists of `v`, built.
    pub(crate) fn new(v: &Vocabulary) -> Furniture {
        let f = &v.furniture;
        let lines = f.lines.iter().map(|(w, r)| (w.to_owned(), r)).collect();
        let (openings, opening_reasons): (Vec<&str>, Vec<DropReason>) = f.openings.iter().unzip();
        // The first listed wins, as in a scan of the list (no opening of
        // one reason begins another's: the vocabulary's test).
        let openings = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Anchored)
            .build(openings)
            .unwrap_or_else(|e| unreachable!("the furniture openings build an automaton: {e}"));
        let (phrases, phrase_reasons): (Vec<&str>, Vec<DropReason>) = f.phrases.iter().unzip();
        let a = &f.alt_text;
        let stamp_verbs: Vec<&String> = v.metadata.adopted.iter().chain(&v.metadata.revised).collect();
        let patterns: Vec<(String, DropReason)> = vec![
            // PDF viewer options listed after "Save this PDF as".
            (format!(r"(?i)^{}$", any_of(&f.viewer_options)), DropReason::PageNoise),
            // Adoption and revision stamps of a document header.
            (format!(r"(?i)^{}(?-u:\b).{{0,80}}\d{{4}}-\d{{2}}-\d{{2}}", any_of(&stamp_verbs)), DropReason::Metadata),
            // Minutes references of a council item: `Stadsstyrelsen 17.11.2025 § 487`.
            (
                r"(?i)^[\p{L}-]+(\s+[\p{L}-]+)?\s+(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*,?\s*§\s*\d+$".to_owned(),
                DropReason::Metadata,
            ),
            // A date alone on a line, with its time or not: a stamp of the
            // page or the minutes (`2016-12-12 13:11`).
            (
                r"^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(,?\s+(kl\.?\s+)?\d{1,2}[:.]\d{2})?$".to_owned(),
                DropReason::Metadata,
            ),
            // Contact details: e-mail addresses, phone numbers.
            (r"^\S+@\S+\.\w{2,}$".to_owned(), DropReason::Contact),
            (r"^(\+46|\+358|0)[\d\s-]{6,}$".to_owned(), DropReason::Contact),
            // Image files and captions.
            (format!(r"(?i)\.{}$", any_of(&f.image_extensions)), DropReason::Image),
            (format!(r"(?i)^{}$", any_of(&f.image_labels)), DropReason::Image),
            // Breadcrumbs: `Startsida / Kommun och politik / Integration`.
            (r"^(?:[^/›>»|]{1,40}\s[/›>»]\s){2,}[^/›>»|]{1,60}$".to_owned(), DropReason::Navigation),
            // Bare web addresses.
            (r"(?i)^(https?://|www\.)\S+$".to_owned(), DropReason::Navigation),
            // Links to files (`Läs strategin Pdf, 315 kB`, `Plan 2020 (pdf, 1 MB)`)
            // and to other sites (`Om ensamkommande barn (migrationsverket.se)`,
            // `Portalens webbplats`).
            (
                format!(
                    r"(?i)(?-u:\b){}(?-u:\b)\W{{0,3}}\d+([.,]\d+)?\s*{}(?-u:\b)",
                    any_of(&f.file_formats),
                    any_of(&f.file_size_units)
                ),
                DropReason::Navigation,
            ),
            (format!(r"(?i)(?-u:\b)\d+([.,]\d+)?\s*{}\)?\.?$", any_of(&f.file_size_units)), DropReason::Navigation),
            (format!(r"(?i)\((www\.)?[a-z0-9-]+\.{}\)$", any_of(&f.top_level_domains)), DropReason::Navigation),
            (format!(r"(?i)^(\S+\s+){{0,3}}{}\.?$", any_of(&f.site_words)), DropReason::Navigation),
            // Alt texts of photographs: `En kvinna och en man står ute på gatan`.
            (
                format!(
                    r"(?i)^{}\s+\w+(\s+{}\s+{}\s+\w+)?\s+{}(?-u:\b)",
                    any_of(&a.counts),
                    regex::escape(&a.and),
                    any_of(&a.articles),
                    any_of(&a.verbs)
                ),
                DropReason::Image,
            ),
            // Captions without a verb: `En grupp ungdomar`, `Två kvinnor vid ett bord`.
            (
                format!(r"(?i)^{}\s+{}(\s+{}(\s+\S+){{1,3}})?$", any_of(&a.groups), any_of(&a.people), any_of(&a.places)),
                DropReason::Image,
            ),
        ];
        let set = RegexSet::new(patterns.iter().map(|(p, _)| p))
            .unwrap_or_else(|e| unreachable!("the furniture patterns compile: {e}"));
        Furniture {
            lines,
            openings,
            opening_reasons,
            phrases: Folded::new(phrases),
            phrase_reasons,
            set,
            set_reasons: patterns.into_iter().map(|(_, r)| r).collect(),
        }
    }
}

/// `(?:a|b|c)` of `words`, each escaped.
pub(crate) fn any_of<S: AsRef<str>>(words: &[S]) -> String {
    let words: Vec<String> = words.iter().map(|w| regex::escape(w.as_ref())).collect();
    format!("(?:{})", words.join("|"))
}

// Layout

/// The layout's patterns and words, searchable.
pub(crate) struct Layout {
    /// `1. Text`, `2) Text`: a numbered line.
    pub(crate) numbered_item: Regex,
    /// `2.1 Arbete och försörjning`, `3 Fokusområden`: a numbered heading.
    pub(crate) numbered_heading: Regex,
    /// `2.1 Arbete ........ 5`: a table-of-contents entry with leaders.
    pub(crate) toc_entry: Regex,
    /// `3.1 Arbete och försörjning 5`: a numbered entry and its page
    /// number, with no leaders (see `plain_toc` in `layout::group_blocks`).
    pub(crate) toc_plain: Regex,
    /// What a label opens with: a capital letter or a digit.
    pub(crate) label_opening: Regex,
    /// ` säger `, ` berättar `: a verb of saying between spaces.
    pub(crate) quote_verbs: Vec<String>,
}

impl Layout {
    /// The layout's patterns, with the words of `v`.
    pub(crate) fn new(v: &Vocabulary) -> Layout {
        let regex = |p: &str| Regex::new(p).unwrap_or_else(|e| unreachable!("a layout pattern compiles: {e}"));
        Layout {
            numbered_item: regex(r"^\d{1,2}[.)]?\s+\S"),
            numbered_heading: regex(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.?)\s+(\S.*)$"),
            toc_entry: regex(
                r"^((?:\d{1,2}(?:\.\d{1,2})*\.?)\s+)?(\S.*?\S)(?:\s*(?:\.\s*){3,}|\s*…+\s*|\t+|\s{3,})\s*(\d{1,3})$",
            ),
            toc_plain: regex(r"^((?:\d{1,2}(?:\.\d{1,2})*\.?)\s+)(\S.*?\S)\s+(\d{1,3})$"),
            label_opening: regex(r"^[\p{Lu}\d]"),
            quote_verbs: v.layout.quote_verbs.iter().map(|w| format!(" {w} ")).collect(),
        }
    }
}

// Metadata

/// The metadata patterns, with the vocabulary's words.
pub(crate) struct Metadata {
    pub(crate) iso_date: Regex,
    pub(crate) finnish_date: Regex,
    /// `5 juni 2019`: the month is the index of the second group's word
    /// in the vocabulary's months.
    pub(crate) written_date: Regex,
    /// A decision verb (`antagen`, `godkände`), a whole word.
    pub(crate) adoption: Regex,
    /// A deciding body (`kommunfullmäktige`, `Socialnämnden`, `KF`).
    pub(crate) body: Regex,
    pub(crate) paragraph: Regex,
    pub(crate) reference: Regex,
    /// The labels a case reference opens with, found in any case without
    /// lower-casing the line (a searcher, not a scan per label: every line
    /// of every document passes here): the prefilter of `reference`.
    pub(crate) reference_labels: Folded,
    pub(crate) doc_type: Regex,
    /// The document type's label in any ASCII case: the prefilter of
    /// `doc_type`.
    pub(crate) doc_type_label: Folded,
    /// The first bytes of the stamps' openings (`published`, `news`, the
    /// news category, `updated`): a line that opens otherwise is no stamp.
    pub(crate) stamp_initials: [bool; 256],
}

impl Metadata {
    /// The metadata patterns of `v`.
    pub(crate) fn new(v: &Vocabulary) -> Metadata {
        let m = &v.metadata;
        let regex = |p: &str| Regex::new(p).unwrap_or_else(|e| unreachable!("a metadata pattern compiles: {e}"));
        // Names open in either case (`Kommunstyrelsen`, `kommunstyrelsen`).
        let names: Vec<String> = m
            .body_names
            .iter()
            .map(|n| {
                let first = n.chars().next().map_or(0, char::len_utf8);
                format!("(?i:{}){}", regex::escape(&n[..first]), regex::escape(&n[first..]))
            })
            .collect();
        let abbreviations: Vec<&String> = m.body_abbreviations.keys().collect();
        Metadata {
            iso_date: regex(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)"),
            finnish_date: regex(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.(\d{4})(?-u:\b)"),
            written_date: regex(&format!(r"(?i)(?-u:\b)(\d{{1,2}})\s+({})\s+(\d{{4}})(?-u:\b)", any_of(&m.months))),
            adoption: regex(&format!(r"(?i)(?-u:\b){}(?-u:\b)", any_of(&m.adopted))),
            body: regex(&format!(
                r"(?-u:\b)(\p{{L}}*{}|{}|{})(?-u:\b)",
                any_of(&m.body_endings),
                names.join("|"),
                any_of(&abbreviations)
            )),
            paragraph: regex(r"§\s*(\d+)"),
            reference: regex(&format!(r"(?i)^{}\s*[.:]?\s*(\S.*)$", any_of(&m.reference_labels))),
            reference_labels: Folded::new(&m.reference_labels),
            doc_type: regex(&format!(r"(?i)(?-u:\b){}:?\s+(\p{{L}}+)", regex::escape(&m.document_type_label))),
            doc_type_label: Folded::new([&m.document_type_label]),
            stamp_initials: {
                let mut initials = [false; 256];
                let openings = m.published.iter().chain(&m.news).chain(&m.updated).chain([&m.news_category.line]);
                for first in openings.filter_map(|o| o.as_bytes().first()) {
                    initials[usize::from(*first)] = true;
                }
                initials
            },
        }
    }
}

// Speaker

/// Every mention, found in one pass.
pub(crate) struct Speaker {
    pub(crate) matcher: Overlapping,
    pub(crate) mentions: Vec<Mention>,
}

impl Speaker {
    /// The cue strings of `v`'s speakers.
    pub(crate) fn new(v: &Vocabulary) -> Speaker {
        let s = &v.speaker;
        let mut strings: Vec<String> = Vec::new();
        let mut mentions = Vec::new();
        let mut add = |s: &str, mention: Mention| {
            strings.push(s.to_owned());
            mentions.push(mention);
        };
        for w in &s.voice {
            add(w, Mention::Voice);
        }
        for (i, p) in s.parties.iter().enumerate() {
            for f in std::iter::once(&p.name).chain(&p.forms) {
                add(f, Mention::Party(i));
            }
            if let Some(members) = &p.members {
                add(members, Mention::Members(i));
            }
            for f in std::iter::once(&p.name).chain(&p.members).chain(&p.forms) {
                add(&format!("{f} vill"), Mention::Wants);
            }
        }
        for w in &s.region {
            add(w, Mention::Region);
        }
        for w in &s.municipality {
            add(w, Mention::Municipality);
        }
        for w in &s.national_title {
            add(w, Mention::National);
        }
        let matcher = Overlapping::new(&strings).unwrap_or_else(|e| unreachable!("the speakers' cue strings build: {e}"));
        Speaker { matcher, mentions }
    }
}

/// What a mention stands for.
#[derive(Clone, Copy)]
pub(crate) enum Mention {
    /// The first person plural (anywhere).
    Voice,
    /// The name or another form of the i-th party (at a word start).
    Party(usize),
    /// The i-th party's members (a whole word).
    Members(usize),
    /// The i-th party wanting: `Liberalerna vill` (at a word start).
    Wants,
    /// A regional body (at a word start).
    Region,
    /// A municipality naming itself (a whole word).
    Municipality,
    /// The government's own text (at a word start).
    National,
}

// Cues

/// The cue words, searchable.
pub(crate) struct Cues {
    /// The nouns of `[nouns]`, each with its level.
    pub(crate) nouns: WordMap<Option<Level>>,
    /// The labels of `[kinds]`, each with its level.
    pub(crate) kinds: WordMap<Option<Level>>,
    /// The number words in every case of their letters beyond ASCII
    /// (`TVÅ`, `Åtta`: the automaton folds ASCII only): the prefilter of
    /// `priorities::cues::counted`.
    pub(crate) number_words: Folded,
    /// `A. Text`, `B) Text`: a chapter lettered with a capital.
    pub(crate) lettered: Regex,
    /// `Mål 1 – `, `Fokusområde 2: `, `Delmål 1.3. `: a kind and its
    /// number before a title (the kind is checked with [`Cues::kind_named`]).
    pub(crate) kind_prefix: Regex,
}

impl Cues {
    /// The cue words of `v`.
    pub(crate) fn new(v: &Vocabulary) -> Cues {
        let number_words: Vec<String> = v.introductions.numbers.iter().flat_map(|n| case_forms(n)).collect();
        Cues {
            nouns: WordMap::new(v.nouns.words.iter().map(|(w, l)| (w.to_owned(), Some(l))), |_, b| b),
            kinds: WordMap::new(v.kinds.iter().map(|(w, l)| (w.to_owned(), Some(l))), |_, b| b),
            number_words: Folded::new(number_words),
            lettered: Regex::new(r"^[A-ZÅÄÖ][.)]\s+").unwrap_or_else(|e| unreachable!("the lettered chapter compiles: {e}")),
            kind_prefix: Regex::new(r"^\p{L}+\s+\d{1,2}(?:\.\d{1,2})*\.?\s*[–—:.-]?\s+")
                .unwrap_or_else(|e| unreachable!("the kind prefix compiles: {e}")),
        }
    }

    /// The level a label names when it is only a kind of priority,
    /// numbered or not (`Mål`, `Delmål 1.2`, `Åtgärd 3`, `Fokusområde 2`;
    /// `[kinds]`): the text it labels is then the priority's title.
    pub(crate) fn kind_named(&self, label: &str) -> Option<Level> {
        let mut words = label
            .split(|c: char| !(kommunbench_text::is_word_char(c) || c == '-'))
            .map(|w| w.trim_matches('-'))
            .filter(|w| !w.is_empty());
        let noun = words.next()?;
        if !words.all(|w| w.chars().all(|c| c.is_ascii_digit() || c == '-')) {
            return None;
        }
        self.kinds.get(&kommunbench_text::lowercase(noun)).flatten()
    }
}

/// The fewest of `words` that a text holds whenever it holds one of
/// them: a word that holds another (`åtgärderna`, `åtgärder`) is left out,
/// since a search for the other finds it. A prefilter of fewer patterns
/// is searched faster (the automaton's SIMD prefilter takes a few dozen).
pub(crate) fn fewest<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut all: Vec<&str> = words.collect();
    all.sort_unstable();
    all.dedup();
    all.iter().copied().filter(|w| !all.iter().any(|other| other != w && w.contains(other))).collect()
}

/// `word` with its letters beyond ASCII in every combination of cases
/// (`två`, `tvÅ`): what an automaton that folds only ASCII needs to find
/// it in any case.
pub(crate) fn case_forms(word: &str) -> Vec<String> {
    let mut forms = vec![String::new()];
    for c in word.chars() {
        let upper: String = c.to_uppercase().collect();
        if c.is_ascii() || upper == c.to_string() {
            for f in &mut forms {
                f.push(c);
            }
        } else {
            forms = forms.into_iter().flat_map(|f| [format!("{f}{c}"), format!("{f}{upper}")]).collect();
        }
    }
    forms
}

// Word maps

/// Words with a value each, looked up fast where most words asked for
/// are not among them: a bit for each pair of length and first byte that
/// some word has turns most others away before the hash map is asked.
#[derive(Debug)]
pub(crate) struct WordMap<V> {
    /// For each length (16 and up as 15), a bit for each first byte
    /// (modulo 64).
    quick: [u64; 16],
    map: FxHashMap<String, V>,
}

impl<V: Copy + Default> WordMap<V> {
    /// The words and values of `entries`, a word's values merged by
    /// `merge` where it comes twice.
    fn new(entries: impl IntoIterator<Item = (String, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let mut out = WordMap { quick: [0; 16], map: FxHashMap::default() };
        for (word, value) in entries {
            let (len, bit) = Self::slot(word.as_bytes());
            out.quick[len] |= bit;
            let slot = out.map.entry(word).or_default();
            *slot = merge(*slot, value);
        }
        out
    }

    /// The bit of `word`'s length and first byte.
    fn slot(word: &[u8]) -> (usize, u64) {
        (word.len().min(15), 1 << (word.first().copied().unwrap_or(0) & 63))
    }

    /// The value of `word`.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        let (len, bit) = Self::slot(word.as_bytes());
        if self.quick[len] & bit == 0 {
            return None;
        }
        self.map.get(word).copied()
    }
}

// Words

/// The cue lists a word is in, as bits: one lookup answers what the
/// rules ask of a word (is it a stance verb, a subject, a finite verb?).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Class(u32);

impl Class {
    /// `[introductions] framing`.
    pub(crate) const FRAMING: Class = Class(1);
    /// `[introductions] others`.
    pub(crate) const OTHERS: Class = Class(1 << 1);
    /// `[introductions] stance_verbs`.
    pub(crate) const STANCE: Class = Class(1 << 2);
    /// `[introductions] duty_verbs`.
    pub(crate) const DUTY: Class = Class(1 << 3);
    /// `[introductions] subjects`, and the parties' names and members.
    pub(crate) const SUBJECT: Class = Class(1 << 4);
    /// `[introductions] public_bodies`.
    pub(crate) const PUBLIC_BODY: Class = Class(1 << 5);
    /// `[sections] excluding`.
    pub(crate) const EXCLUDING: Class = Class(1 << 6);
    /// `[sections] many`.
    pub(crate) const MANY: Class = Class(1 << 7);
    /// `[sections] framing_words`.
    pub(crate) const SECTION_FRAMING: Class = Class(1 << 8);
    /// `[enumerations] finite_verbs`.
    pub(crate) const FINITE: Class = Class(1 << 9);
    /// `[enumerations] clause_openers`.
    pub(crate) const CLAUSE_OPENER: Class = Class(1 << 10);
    /// `[enumerations] relatives`.
    pub(crate) const RELATIVE: Class = Class(1 << 11);
    /// `[enumerations] head_relatives`.
    pub(crate) const HEAD_RELATIVE: Class = Class(1 << 12);
    /// `[enumerations] formula_words`.
    pub(crate) const FORMULA: Class = Class(1 << 13);
    /// `[enumerations] lead_stops`.
    pub(crate) const LEAD_STOP: Class = Class(1 << 14);
    /// `[enumerations] infinitive_adverbs`.
    pub(crate) const INFINITIVE_ADVERB: Class = Class(1 << 15);
    /// `[enumerations] example_authors`.
    pub(crate) const EXAMPLE_AUTHOR: Class = Class(1 << 16);

    /// Whether the word is in `list`.
    pub(crate) fn is(self, list: Class) -> bool {
        self.0 & list.0 != 0
    }
}

/// Every word of the cue lists, with its class.
pub(crate) struct Words {
    classes: WordMap<Class>,
}

impl Words {
    /// The cue lists of `v`.
    fn new(v: &Vocabulary) -> Words {
        let (i, s, e) = (&v.introductions, &v.sections, &v.enumerations);
        let parties = v.speaker.parties.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.members)).cloned().collect();
        let lists: [(&Vec<String>, Class); 17] = [
            (&i.framing, Class::FRAMING),
            (&i.others, Class::OTHERS),
            (&i.stance_verbs, Class::STANCE),
            (&i.duty_verbs, Class::DUTY),
            (&i.subjects, Class::SUBJECT),
            (&parties, Class::SUBJECT),
            (&i.public_bodies, Class::PUBLIC_BODY),
            (&s.excluding, Class::EXCLUDING),
            (&s.many, Class::MANY),
            (&s.framing_words, Class::SECTION_FRAMING),
            (&e.finite_verbs, Class::FINITE),
            (&e.clause_openers, Class::CLAUSE_OPENER),
            (&e.relatives, Class::RELATIVE),
            (&e.head_relatives, Class::HEAD_RELATIVE),
            (&e.formula_words, Class::FORMULA),
            (&e.lead_stops, Class::LEAD_STOP),
            (&e.infinitive_adverbs, Class::INFINITIVE_ADVERB),
        ];
        let entries = lists
            .into_iter()
            .chain([(&e.example_authors, Class::EXAMPLE_AUTHOR)])
            .flat_map(|(list, class)| list.iter().map(move |w| (w.clone(), class)));
        Words { classes: WordMap::new(entries, |a, b| Class(a.0 | b.0)) }
    }

    /// The class of `word` (lower case); empty for a word of no list.
    pub(crate) fn class(&self, word: &str) -> Class {
        self.classes.get(word).unwrap_or_default()
    }
}

// Enumeration

/// The enumerations' words, searchable.
pub(crate) struct Enumeration {
    /// Every word and phrase that a cue of `priorities::enumeration::in_sentence` but the colon's
    /// needs, in any case (the automaton folds ASCII; the letters beyond
    /// ASCII in each case form): a sentence without one holds no
    /// enumeration (a cheap test that spares most running text the
    /// word-by-word reading). Derived from the lists it guards.
    pub(crate) cue_words: Folded,
    /// ` och ` and ` samt `, found by searchers built once
    /// (`str::contains` builds one per call).
    pub(crate) and: Finder<'static>,
    pub(crate) also: Finder<'static>,
    /// The words and phrases `priorities::enumeration::in_sentence` looks for, found in one pass,
    /// and what each is.
    pub(crate) word_cues: Overlapping,
    pub(crate) word_cue_kinds: Vec<WordCue>,
    pub(crate) word_cue_lens: Vec<usize>,
    /// What opens a subordinate clause (see `priorities::enumeration::cut_clause_inside`).
    pub(crate) clauses: AhoCorasick,
}

impl Enumeration {
    /// The enumerations' words of `v`.
    pub(crate) fn new(v: &Vocabulary) -> Enumeration {
        let e = &v.enumerations;
        let n = &v.nouns;
        let mut word_cues: Vec<(&str, WordCue)> = vec![(e.copula.as_str(), WordCue::Copula)];
        word_cues.extend(e.example_phrases.iter().map(|p| (p.as_str(), WordCue::Example)));
        word_cues.extend(e.focus_phrases.iter().map(|p| (p.as_str(), WordCue::Focus)));
        word_cues.push((e.named_after.as_str(), WordCue::NamedAfter));
        // What the cues read: the nouns that name priorities (their words,
        // the heads of area compounds, the stems and endings), and the
        // phrases.
        let guarded = n
            .words
            .iter()
            .map(|(w, _)| w)
            .chain(n.area_heads.iter().map(String::as_str))
            .chain(n.priority_area_stems.iter().map(String::as_str))
            .chain(n.responsibility_endings.iter().map(String::as_str))
            .chain(n.goal_stems.iter().map(String::as_str))
            .chain(n.goal_endings.iter().map(String::as_str))
            .chain(e.example_phrases.iter().map(String::as_str))
            .chain(e.focus_phrases.iter().map(String::as_str));
        let cue_words: Vec<String> = fewest(guarded).iter().flat_map(|w| case_forms(w)).collect();
        let spaced = |w: &str| format!(" {w} ");
        Enumeration {
            cue_words: Folded::new(cue_words),
            and: Finder::new(&spaced(&e.and)).into_owned(),
            also: Finder::new(&spaced(&e.also)).into_owned(),
            word_cues: Overlapping::new(word_cues.iter().map(|(w, _)| w))
                .unwrap_or_else(|err| unreachable!("the word cues build an automaton: {err}")),
            word_cue_kinds: word_cues.iter().map(|(_, k)| *k).collect(),
            word_cue_lens: word_cues.iter().map(|(w, _)| w.len()).collect(),
            clauses: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(e.clause_phrases.iter().map(|p| spaced(p)))
                .unwrap_or_else(|err| unreachable!("the clause phrases build an automaton: {err}")),
        }
    }
}

/// What a word cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordCue {
    /// The copula: `Målen är a, b och c`.
    Copula,
    /// Examples after the author's work: `så som a, b och c`.
    Example,
    /// A commitment to what follows: `satsningar på a, b och c`.
    Focus,
    /// The list named after it: `a, b och c ut som prioriterade områden`.
    NamedAfter,
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| Furniture::new(vocabulary()));
static LAYOUT: LazyLock<Layout> = LazyLock::new(|| Layout::new(vocabulary()));
static METADATA: LazyLock<Metadata> = LazyLock::new(|| Metadata::new(vocabulary()));
static SPEAKER: LazyLock<Speaker> = LazyLock::new(|| Speaker::new(vocabulary()));
static CUES: LazyLock<Cues> = LazyLock::new(|| Cues::new(vocabulary()));
static ENUMERATION: LazyLock<Enumeration> = LazyLock::new(|| Enumeration::new(vocabulary()));
static WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(vocabulary()));

/// Page furniture's lines, openings, phrases and patterns.
pub(crate) fn furniture() -> &'static Furniture {
    &FURNITURE
}

/// The layout's patterns (numbered lines, tables of contents, labels).
pub(crate) fn layout() -> &'static Layout {
    &LAYOUT
}

/// Dates, decisions, references.
pub(crate) fn metadata() -> &'static Metadata {
    &METADATA
}

/// Who speaks.
pub(crate) fn speaker() -> &'static Speaker {
    &SPEAKER
}

/// The cue words of introductions and headings.
pub(crate) fn cues() -> &'static Cues {
    &CUES
}

/// The words of enumerations.
pub(crate) fn enumeration() -> &'static Enumeration {
    &ENUMERATION
}

/// The class of a word: the cue lists it is in.
pub(crate) fn class(word: &str) -> Class {
    WORDS.class(word)
}

/// Builds them all now: the furniture's (the most) on one core, the rest
/// on another where one is free. (Not inside any of them: a thread
/// building one never waits on a pool whose threads wait on it.)
pub(crate) fn prepare() {
    rayon::join(
        || {
            LazyLock::force(&FURNITURE);
        },
        || {
            LazyLock::force(&LAYOUT);
            LazyLock::force(&METADATA);
            LazyLock::force(&SPEAKER);
            LazyLock::force(&CUES);
            LazyLock::force(&ENUMERATION);
            LazyLock::force(&WORDS);
        },
    );
}

#[cfg(test)]
mod tests {
    use kommunbench_core::Level;

    use super::{case_forms, cues, fewest};

    #[test]
    fn labels_that_only_name_a_kind() {
        assert_eq!(cues().kind_named("Mål"), Some(Level::Goal));
        assert_eq!(cues().kind_named("Delmål 1.2"), Some(Level::SubGoal));
        assert_eq!(cues().kind_named("Fokusområde 3"), Some(Level::PriorityArea));
        assert_eq!(cues().kind_named("Åtgärd"), Some(Level::Action));
        assert_eq!(cues().kind_named("Integrerade bostadsmiljöer"), None);
        assert_eq!(cues().kind_named("Kommunens mål"), None);
    }

    #[test]
    fn fewest_leaves_out_words_that_hold_another() {
        let words = ["åtgärderna", "åtgärder", "mål", "delmål", "mål", "insats"];
        assert_eq!(fewest(words.into_iter()), vec!["insats", "mål", "åtgärder"]);
    }

    #[test]
    fn fewest_keeps_words_none_of_which_holds_another() {
        assert_eq!(fewest(["vision", "strategi"].into_iter()), vec!["strategi", "vision"]);
        assert!(fewest(std::iter::empty()).is_empty());
    }

    #[test]
    fn case_forms_vary_only_letters_beyond_ascii() {
        let mut forms = case_forms("två");
        forms.sort();
        assert_eq!(forms, vec!["tvÅ", "två"]);
        assert_eq!(case_forms("mål").len(), 2);
        assert_eq!(case_forms("plan"), vec!["plan"]);
        assert_eq!(case_forms("äö").len(), 4);
    }
}

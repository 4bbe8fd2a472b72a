//! Lexicons: per framework, the words and phrases that show a text
//! addresses an area, with weights and exclusions, as a data file.
//!
//! Term syntax (lower case; the last word of a phrase carries the marker):
//!
//! | term | matches |
//! |---|---|
//! | `rasism` | the word and its inflections (`rasismen`) |
//! | `=arbete` | exactly this form |
//! | `arbetsmarknad*` | words that start with it (`arbetsmarknadsinsatser`) |
//! | `*utbildning` | the word, or a compound ending in it (`vuxenutbildningen`) |
//! | `*diskriminer*` | anywhere in a word (`antidiskrimineringsinsatser`) |
//! | `egen försörjning` | the phrase, its last word inflected |

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use kommunbench_core::Framework;
use serde::Deserialize;

use crate::text::{Normalized, inflection_base, inflects, is_word_char, stem, word_at};

/// Where in a word a term may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// The whole word, inflected.
    Word,
    /// Exactly this form.
    Exact,
    /// At the start of a word (a compound's first part).
    Start,
    /// At the end of a word (a compound's head), inflected.
    End,
    /// Anywhere in a word.
    Any,
}

/// One parsed term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    /// Words before the last one, matched exactly.
    lead: Vec<String>,
    /// The last word, without markers.
    last: String,
    /// The base its inflections grow from.
    base: String,
    /// The Snowball stem of the last word.
    stem: String,
    position: Position,
}

impl Term {
    fn parse(raw: &str) -> Result<Term, String> {
        let normalized = Normalized::new(raw.trim());
        let words: Vec<&str> = normalized.as_str().split(' ').filter(|w| !w.is_empty()).collect();
        let Some((last, lead)) = words.split_last() else { return Err("empty term".into()) };
        let (position, bare) = match (last.strip_prefix('='), last.starts_with('*'), last.ends_with('*')) {
            (Some(exact), _, _) => (Position::Exact, exact),
            (None, true, true) => (Position::Any, last.trim_matches('*')),
            (None, true, false) => (Position::End, last.trim_start_matches('*')),
            (None, false, true) => (Position::Start, last.trim_end_matches('*')),
            (None, false, false) => (Position::Word, *last),
        };
        if bare.is_empty() || !bare.chars().all(|c| is_word_char(c) || c == '-') {
            return Err(format!("term `{raw}`: a word may hold letters, digits and `-`, with `*` or `=` only as markers"));
        }
        if lead.iter().any(|w| w.contains(['*', '='])) {
            return Err(format!("term `{raw}`: only the last word of a phrase may carry `*` or `=`"));
        }
        Ok(Term {
            lead: lead.iter().map(|w| (*w).to_owned()).collect(),
            last: bare.to_owned(),
            base: inflection_base(bare).to_owned(),
            stem: stem(bare).into_owned(),
            position,
        })
    }

    /// The string searched for in normalised text.
    fn key(&self) -> String {
        let last = match self.position {
            Position::Word | Position::End => &self.base,
            _ => &self.last,
        };
        let mut key = self.lead.join(" ");
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(last);
        key
    }

    /// Whether `word` (a whole normalised word) matches this single-word term.
    fn matches_word(&self, word: &str) -> bool {
        match self.position {
            Position::Word => inflects(word, &self.base, &self.stem),
            Position::Exact => word == self.last,
            Position::Start => word.starts_with(&self.last),
            Position::End => word.match_indices(self.base.as_str()).any(|(i, _)| inflects(&word[i..], &self.base, &self.stem)),
            Position::Any => word.contains(&self.last),
        }
    }
}

/// A lexicon file's contents.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    framework: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    scoring: Scoring,
    #[serde(default)]
    entries: Vec<RawEntry>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

/// How matches become scores.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// A unit addresses an area when its score reaches this (default 0.6).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// Matches in a priority's title weigh this much more (default 1.5).
    #[serde(default = "default_title_weight")]
    pub title_weight: f64,
}

fn default_threshold() -> f64 {
    0.6
}

fn default_title_weight() -> f64 {
    1.5
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring { threshold: default_threshold(), title_weight: default_title_weight() }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    area: String,
    #[serde(default = "one")]
    weight: f64,
    terms: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    area: String,
    #[serde(default = "one")]
    weight: f64,
    /// Groups of terms: one term of every group in one sentence.
    all: Vec<Vec<String>>,
}

fn one() -> f64 {
    1.0
}

/// A lexicon that could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// No lexicon ships for this framework.
    #[error("no built-in lexicon for framework `{0}` (built in: se-2008, se-2025); give one with --lexicon FILE")]
    Missing(String),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
struct Pattern {
    term: Term,
    /// The term as written in the lexicon.
    label: Arc<str>,
    /// The area index, or `None` for a rule's term.
    area: Option<usize>,
    weight: f64,
    /// Rule memberships: `(rule, group)`.
    rule_groups: Vec<(usize, usize)>,
    guard: usize,
    /// Length of the key's last word, to find where it starts.
    last_key_len: usize,
}

/// Exclusions and context shared by an entry's terms.
#[derive(Debug, Clone, Default)]
struct Guard {
    exclude: Vec<Term>,
    not_after: Vec<Term>,
    not_before: Vec<Term>,
}

#[derive(Debug, Clone)]
struct Rule {
    area: usize,
    weight: f64,
    groups: usize,
    label: Arc<str>,
}

/// A lexicon compiled for one framework.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_mapping::Lexicon;
///
/// let framework = Framework::builtin("se-2008")?;
/// let lexicon = Lexicon::builtin(&framework)?;
/// let hits = lexicon.find("Vi arbetar mot diskriminering och för fler i arbete.");
/// let areas: Vec<_> = hits.iter().map(|h| framework.areas()[h.area].id.as_str()).collect();
/// assert_eq!(areas, ["discrimination", "work"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Lexicon {
    framework: String,
    description: String,
    scoring: Scoring,
    patterns: Vec<Pattern>,
    guards: Vec<Guard>,
    rules: Vec<Rule>,
    matcher: AhoCorasick,
    areas: usize,
}

/// One term found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the area in the framework.
    pub area: usize,
    /// The lexicon term (or rule) that matched, as written in the lexicon.
    pub term: Arc<str>,
    /// Its weight.
    pub weight: f64,
    /// Byte range of the matched words in the original text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Index of the sentence it stands in (sentences end at `.`, `!`, `?` and paragraph breaks).
    pub sentence: usize,
}

const BUILTIN: [(&str, &str); 2] =
    [("se-2008", include_str!("../data/lexicons/se-2008.toml")), ("se-2025", include_str!("../data/lexicons/se-2025.toml"))];

impl Lexicon {
    /// The lexicon that ships for a built-in framework.
    pub fn builtin(framework: &Framework) -> Result<Lexicon, LexiconError> {
        let id = framework.id().as_str();
        let (_, text) = BUILTIN.iter().find(|(name, _)| *name == id).ok_or_else(|| LexiconError::Missing(id.to_owned()))?;
        Self::parse(text, framework, Path::new(&format!("<builtin lexicon {id}>")))
    }

    /// Loads a lexicon file for `framework`.
    pub fn from_path(path: impl AsRef<Path>, framework: &Framework) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let text = kommunbench_core::read_text(path).map_err(|e| LexiconError::Io { path: path.to_owned(), source: e.into() })?;
        Self::parse(&text, framework, path)
    }

    /// Parses a lexicon from TOML text; `origin` names it in errors.
    pub fn parse(text: &str, framework: &Framework, origin: &Path) -> Result<Lexicon, LexiconError> {
        let invalid = |line: usize, message: String| LexiconError::Invalid { path: origin.to_owned(), line, message };
        let raw: RawLexicon = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            invalid(line, e.message().to_owned())
        })?;
        if raw.framework != framework.id().as_str() {
            return Err(invalid(1, format!("lexicon is for framework `{}`, not `{}`", raw.framework, framework.id())));
        }
        let line_of = |needle: &str| text.find(needle).map_or(0, |p| text[..p].matches('\n').count() + 1);
        let area_index = |area: &str| {
            framework.area_index(area).ok_or_else(|| {
                let known: Vec<&str> = framework.areas().iter().map(|a| a.id.as_str()).collect();
                invalid(
                    line_of(&format!("\"{area}\"")),
                    format!("unknown area `{area}` (areas of {}: {})", framework.id(), known.join(", ")),
                )
            })
        };
        let parse_term = |raw: &str| Term::parse(raw).map_err(|m| invalid(line_of(&format!("\"{raw}\"")), m));
        // Context words are function words: exactly as written unless marked.
        let parse_guard = |raw: &str| {
            parse_term(raw).map(|mut t| {
                if t.position == Position::Word {
                    t.position = Position::Exact;
                }
                t
            })
        };
        let mut patterns = Vec::new();
        let mut guards = vec![Guard::default()];
        // The framework's own wordings of each area are strong terms.
        for (i, area) in framework.areas().iter().enumerate() {
            for alias in std::iter::once(&area.title_sv).chain(&area.aliases) {
                if let Ok(term) = Term::parse(alias) {
                    patterns.push(Pattern {
                        term,
                        label: Arc::from(alias.as_str()),
                        area: Some(i),
                        weight: 1.0,
                        rule_groups: vec![],
                        guard: 0,
                        last_key_len: 0,
                    });
                }
            }
        }
        for entry in &raw.entries {
            let area = area_index(&entry.area)?;
            if !(0.0..=10.0).contains(&entry.weight) {
                return Err(invalid(
                    line_of(&format!("\"{}\"", entry.area)),
                    format!("weight {} is outside 0..10", entry.weight),
                ));
            }
            let guard = Guard {
                exclude: entry.exclude.iter().map(|t| parse_term(t)).collect::<Result<_, _>>()?,
                not_after: entry.not_after.iter().map(|t| parse_guard(t)).collect::<Result<_, _>>()?,
                not_before: entry.not_before.iter().map(|t| parse_guard(t)).collect::<Result<_, _>>()?,
            };
            guards.push(guard);
            for t in &entry.terms {
                patterns.push(Pattern {
                    term: parse_term(t)?,
                    label: Arc::from(t.as_str()),
                    area: Some(area),
                    weight: entry.weight,
                    rule_groups: vec![],
                    guard: guards.len() - 1,
                    last_key_len: 0,
                });
            }
        }
        let mut rules = Vec::new();
        for (r, rule) in raw.rules.iter().enumerate() {
            let area = area_index(&rule.area)?;
            if rule.all.len() < 2 {
                return Err(invalid(line_of("[[rules]]"), "a rule needs at least two groups of terms in `all`".into()));
            }
            for (g, group) in rule.all.iter().enumerate() {
                for t in group {
                    patterns.push(Pattern {
                        term: parse_term(t)?,
                        label: Arc::from(t.as_str()),
                        area: None,
                        weight: 0.0,
                        rule_groups: vec![(r, g)],
                        guard: 0,
                        last_key_len: 0,
                    });
                }
            }
            let label = rule.all.iter().map(|g| g.first().map_or("", String::as_str)).collect::<Vec<_>>().join(" + ");
            rules.push(Rule { area, weight: rule.weight, groups: rule.all.len(), label: Arc::from(label) });
        }
        let keys: Vec<String> = patterns.iter().map(|p| p.term.key()).collect();
        for (p, key) in patterns.iter_mut().zip(&keys) {
            p.last_key_len = key.rsplit(' ').next().map_or(0, str::len);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&keys)
            .map_err(|e| invalid(0, format!("cannot build the matcher: {e}")))?;
        Ok(Lexicon {
            framework: raw.framework,
            description: raw.description,
            scoring: raw.scoring,
            patterns,
            guards,
            rules,
            matcher,
            areas: framework.areas().len(),
        })
    }

    /// The framework id this lexicon is for.
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// What the lexicon says of itself.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// How matches become scores.
    pub fn scoring(&self) -> Scoring {
        self.scoring
    }

    /// Number of terms, framework wordings included.
    pub fn len(&self) -> usize {
        self.patterns.iter().filter(|p| p.area.is_some()).count()
    }

    /// Whether the lexicon has no terms.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every term of one area, as written, for profiles and documentation.
    pub fn terms_of(&self, area: usize) -> Vec<&str> {
        self.patterns.iter().filter(|p| p.area == Some(area)).map(|p| &*p.label).collect()
    }

    /// Number of areas of the framework.
    pub fn area_count(&self) -> usize {
        self.areas
    }

    /// Every hit in `text`, in order. Offsets are into `text`.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let norm = Normalized::new(text);
        let n = norm.as_str();
        // Verified matches: (pattern, start, end) in normalised offsets.
        let mut raw: Vec<(usize, usize, usize)> = Vec::with_capacity(n.len() / 64);
        self.each_key(n, |i, start, end| {
            if let Some((start, end)) = self.verify(n, &self.patterns[i], start, end) {
                raw.push((i, start, end));
            }
        });
        for (start, hyphen, word) in elided_compounds(n) {
            // `vuxen- och ungdomsutbildning`: `vuxen` + each possible head of
            // the next word. Heads only: a modifier (`arbetsmarknads-`)
            // already matched on its own.
            let modifier = &n[start..hyphen];
            for (i, _) in word.char_indices().skip(2) {
                let candidate = format!("{modifier}{}", &word[i..]);
                self.each_key(&candidate, |i, s, e| {
                    let p = &self.patterns[i];
                    let head =
                        p.term.lead.is_empty() && matches!(p.term.position, Position::Word | Position::End | Position::Exact);
                    if head && e > modifier.len() && self.verify(&candidate, p, s, e).is_some() {
                        raw.push((i, start, hyphen));
                    }
                });
            }
        }
        if raw.is_empty() {
            return Vec::new();
        }
        // Sentence numbers, counted once along the hits in text order.
        raw.sort_unstable_by_key(|r| (r.1, r.0));
        let mut sentence = Vec::with_capacity(raw.len());
        let (mut at, mut count) = (0, 0);
        for &(_, start, _) in &raw {
            count += n.as_bytes()[at..start].iter().map(|&b| usize::from(SENTENCE_END[usize::from(b)])).sum::<usize>();
            at = start;
            sentence.push(count);
        }
        // Overlapping hits of one area (`i arbete` and `arbete`, two terms
        // in one word) count once: the heavier, then the longer.
        // `raw` is in text order, so each area's hits are too.
        let mut by_area: Vec<Vec<(usize, usize, usize, usize)>> = vec![Vec::new(); self.areas];
        for (&(p, s, e), &sent) in raw.iter().zip(&sentence) {
            if let Some(a) = self.patterns[p].area {
                by_area[a].push((s, e, p, sent));
            }
        }
        let mut merged: Vec<(usize, usize, usize, usize, usize)> = Vec::with_capacity(raw.len());
        for (area, hits) in by_area.into_iter().enumerate() {
            let first = merged.len();
            for (s, e, p, sent) in hits {
                let open = merged.len() > first;
                match merged.last_mut() {
                    Some(last) if open && s < last.2 => {
                        let (wp, lp) = (&self.patterns[p], &self.patterns[last.3]);
                        if (wp.weight, e - s) > (lp.weight, last.2 - last.1) {
                            *last = (area, s, e, p, sent);
                        }
                    }
                    _ => merged.push((area, s, e, p, sent)),
                }
            }
        }
        let mut hits: Vec<Hit> = merged
            .into_iter()
            .map(|(area, start, end, p, sentence)| Hit {
                area,
                term: Arc::clone(&self.patterns[p].label),
                weight: self.patterns[p].weight,
                start,
                end,
                sentence,
            })
            .collect();
        // Rules: one term of every group within one sentence.
        if !self.rules.is_empty() {
            // (rule, sentence, group, start, end)
            let mut seen: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
            for (&(p, start, end), &sent) in raw.iter().zip(&sentence) {
                for &(r, g) in &self.patterns[p].rule_groups {
                    seen.push((r, sent, g, start, end));
                }
            }
            seen.sort_unstable();
            for chunk in seen.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
                let rule = &self.rules[chunk[0].0];
                let mut groups = vec![false; rule.groups];
                for c in chunk {
                    groups[c.2] = true;
                }
                if groups.iter().all(|&g| g) {
                    let start = chunk.iter().map(|c| c.3).min().unwrap_or(0);
                    let end = chunk.iter().map(|c| c.4).max().unwrap_or(start);
                    hits.push(Hit {
                        area: rule.area,
                        term: Arc::clone(&rule.label),
                        weight: rule.weight,
                        start,
                        end,
                        sentence: chunk[0].1,
                    });
                }
            }
        }
        for h in &mut hits {
            h.start = norm.to_original(h.start);
            h.end = norm.to_original(h.end).max(h.start);
        }
        hits.sort_by(|a, b| (a.start, a.area, &*a.term).cmp(&(b.start, b.area, &*b.term)));
        hits
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every key.
    fn each_key(&self, n: &str, mut f: impl FnMut(usize, usize, usize)) {
        for m in self.matcher.find_overlapping_iter(n) {
            f(m.pattern().as_usize(), m.start(), m.end());
        }
    }

    /// Checks a raw match against the term's position and guards; returns
    /// the span of the matched words.
    fn verify(&self, n: &str, p: &Pattern, start: usize, end: usize) -> Option<(usize, usize)> {
        let term = &p.term;
        let at_word_start = match n.as_bytes()[..start].last() {
            None => true,
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            Some(_) => !n[..start].chars().next_back().is_some_and(is_word_char),
        };
        if !at_word_start && (term.position != Position::End && term.position != Position::Any || !term.lead.is_empty()) {
            return None; // most raw matches: a word-start term inside a longer word
        }
        let last_start = end - p.last_key_len;
        let (word_start, word_end) = word_at(n, last_start);
        let word = &n[word_start..word_end];
        let ok = match term.position {
            Position::Word | Position::Exact | Position::Start => {
                at_word_start && word_start == last_start && term.matches_word(word)
            }
            Position::End => {
                (term.lead.is_empty() || at_word_start) && inflects(&n[last_start..word_end], &term.base, &term.stem)
            }
            Position::Any => term.lead.is_empty() || at_word_start,
        };
        let first_word_start = if term.lead.is_empty() { word_start } else { start };
        (ok && self.guards_allow(p, word, n, first_word_start, word_end)).then_some((first_word_start, word_end))
    }

    fn guards_allow(&self, p: &Pattern, word: &str, n: &str, start: usize, end: usize) -> bool {
        let guard = &self.guards[p.guard];
        if guard.exclude.iter().any(|t| t.matches_word(word)) {
            return false;
        }
        if !guard.not_after.is_empty() {
            let before = n[..start].trim_end_matches(|c: char| !is_word_char(c) && c != '\n');
            let prev = before.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
            if !prev.is_empty() && guard.not_after.iter().any(|t| t.matches_word(prev)) {
                return false;
            }
        }
        if !guard.not_before.is_empty() {
            let after = n[end..].trim_start_matches(|c: char| !is_word_char(c) && c != '\n' && c != '.');
            let next = after.split(|c: char| !is_word_char(c)).next().unwrap_or("");
            if !next.is_empty() && guard.not_before.iter().any(|t| t.matches_word(next)) {
                return false;
            }
        }
        true
    }
}

/// Bytes that may end a sentence: `.`, `!`, `?` and a line break.
const SENTENCE_END: [u8; 256] = {
    let mut table = [0; 256];
    table[b'.' as usize] = 1;
    table[b'!' as usize] = 1;
    table[b'?' as usize] = 1;
    table[b'\n' as usize] = 1;
    table
};

/// `vuxen- och ungdomsutbildning`: where `vuxen` starts, where its hyphen
/// stands, and the word after the conjunction.
fn elided_compounds(n: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    for (hyphen, _) in n.match_indices('-') {
        let after = &n[hyphen + 1..];
        let Some(rest) = [" och ", " eller ", " samt ", ", "].iter().find_map(|conj| after.strip_prefix(conj)) else { continue };
        let (start, _) = word_at(n, hyphen);
        let word_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if start < hyphen && word_len > 3 {
            out.push((start, hyphen, &rest[..word_len]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::builtin("se-2008").unwrap()
    }

    fn lexicon(entries: &str) -> Lexicon {
        Lexicon::parse(&format!("framework = \"se-2008\"\n{entries}"), &framework(), Path::new("test.toml")).unwrap()
    }

    fn terms(lexicon: &Lexicon, text: &str) -> Vec<String> {
        lexicon.find(text).into_iter().map(|h| format!("{}:{}", h.term, &text[h.start..h.end])).collect()
    }

    #[test]
    fn builtin_lexicons_compile_for_their_frameworks() {
        for f in Framework::builtins() {
            let lex = Lexicon::builtin(&f).unwrap();
            assert!(lex.len() > 50, "{}", f.id());
            assert!((0..f.areas().len()).all(|a| lex.terms_of(a).len() > 5), "every area of {} has terms", f.id());
        }
    }

    #[test]
    fn term_syntax() {
        assert_eq!(Term::parse("arbetsmarknad*").unwrap().position, Position::Start);
        assert_eq!(Term::parse("*utbildning").unwrap().position, Position::End);
        assert_eq!(Term::parse("*diskriminer*").unwrap().position, Position::Any);
        assert_eq!(Term::parse("=arbete").unwrap().position, Position::Exact);
        let phrase = Term::parse("Svenska för invandrare").unwrap();
        assert_eq!(
            (phrase.lead.clone(), phrase.key()),
            (vec!["svenska".to_owned(), "för".to_owned()], "svenska för invandrar".to_owned())
        );
        assert!(Term::parse("arbets*marknad").is_err());
        assert!(Term::parse("*egen försörjning").is_err());
    }

    #[test]
    fn positions_inside_compounds() {
        let lex = lexicon(
            r#"
[[entries]]
area = "adult_learning"
terms = ["*vuxenutbildning", "sfi"]
[[entries]]
area = "work"
terms = ["arbetsmarknad*", "=arbete", "egen försörjning"]
[[entries]]
area = "discrimination"
terms = ["*diskriminer*"]
"#,
        );
        let text = "Kommunala vuxenutbildningen, sfi-undervisning, arbetsmarknadsinsatser och antidiskrimineringsinsatser. \
                    Frivilligarbete och integrationsarbetet. Egen försörjningsförmåga men egen försörjning.";
        assert_eq!(
            terms(&lex, text),
            [
                "*vuxenutbildning:vuxenutbildningen",
                "sfi:sfi",
                "arbetsmarknad*:arbetsmarknadsinsatser",
                "*diskriminer*:antidiskrimineringsinsatser",
                "Egen försörjning:egen försörjning",
            ]
        );
    }

    #[test]
    fn framework_wordings_are_terms() {
        let lex = lexicon("");
        let hits = lex.find("Effektiva antidiskrimineringsinsatser");
        assert_eq!(hits.len(), 1);
        assert_eq!(framework().areas()[hits[0].area].id.as_str(), "discrimination");
    }

    #[test]
    fn context_guards() {
        let lex = lexicon(
            r#"
[[entries]]
area = "work"
terms = ["=arbete"]
not_after = ["deras", "aktivt"]
not_before = ["med", "för"]
[[entries]]
area = "school"
terms = ["*skola"]
exclude = ["folkhögskol*", "högskol*"]
"#,
        );
        assert_eq!(terms(&lex, "tillgång till arbete och bostad"), ["=arbete:arbete"]);
        assert!(terms(&lex, "kommunens arbete med integration").is_empty());
        assert!(terms(&lex, "ett aktivt arbete för trygghet").is_empty());
        assert!(terms(&lex, "Deras arbete stöds av en strateg").is_empty());
        assert_eq!(terms(&lex, "grundskolan och folkhögskolan"), ["*skola:grundskolan"]);
    }

    #[test]
    fn elided_compound_heads_are_restored() {
        let lex = lexicon("[[entries]]\narea = \"adult_learning\"\nterms = [\"*vuxenutbildning\"]\n");
        assert_eq!(terms(&lex, "vuxen- och ungdomsutbildning"), ["*vuxenutbildning:vuxen"]);
    }

    #[test]
    fn rules_need_every_group_in_one_sentence() {
        let lex = lexicon("[[rules]]\narea = \"reception\"\nall = [[\"*bostad\", \"bostäder\"], [\"nyanlända\"]]\n");
        let one = lex.find("Tillgången på bostäder är avgörande för nyanlända.");
        assert_eq!(one.len(), 1);
        assert_eq!(&*one[0].term, "*bostad + nyanlända");
        assert!(lex.find("Tillgången på bostäder är god. Nyanlända är välkomna.").is_empty());
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = Lexicon::parse(
            "framework = \"se-2008\"\n[[entries]]\narea = \"jobs\"\nterms = [\"arbete\"]\n",
            &framework(),
            Path::new("lex.toml"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "lex.toml:3: unknown area `jobs` (areas of se-2008: reception, work, school, adult_learning, discrimination, urban, values)"
        );
        let err = Lexicon::parse("framework = \"se-2025\"\n", &framework(), Path::new("lex.toml")).unwrap_err();
        assert_eq!(err.to_string(), "lex.toml:1: lexicon is for framework `se-2025`, not `se-2008`");
    }
}

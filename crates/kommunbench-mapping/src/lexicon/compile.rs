//! Compiling a lexicon for a framework: terms, guards and rules into one
//! Aho-Corasick automaton over normalised text.

use std::path::Path;
use std::sync::Arc;

use kommunbench_core::Framework;
use kommunbench_text::Overlapping;

use super::Lexicon;
use super::file::{LexiconError, read};
use super::syntax::{Position, Term};

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) term: Term,
    /// The term as written in the lexicon.
    pub(super) label: Arc<str>,
    /// The area index, or `None` for a rule's term.
    pub(super) area: Option<usize>,
    pub(super) weight: f64,
    /// Rule memberships: `(rule, group)`.
    pub(super) rule_groups: Vec<(usize, usize)>,
    pub(super) guard: usize,
    /// Length of the key's last word, to find where it starts.
    pub(super) last_key_len: usize,
}

/// Exclusions and context shared by an entry's terms.
#[derive(Debug, Clone, Default)]
pub(super) struct Guard {
    pub(super) exclude: Vec<Term>,
    pub(super) not_after: Vec<Term>,
    pub(super) not_before: Vec<Term>,
}

#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) area: usize,
    pub(super) weight: f64,
    pub(super) groups: usize,
    pub(super) label: Arc<str>,
}

impl Lexicon {
    /// Parses a lexicon from TOML text; `origin` names it in errors.
    pub fn parse(text: &str, framework: &Framework, origin: &Path) -> Result<Lexicon, LexiconError> {
        let invalid = |line: usize, message: String| LexiconError::Invalid { path: origin.to_owned(), line, message };
        let raw = read(text, origin)?;
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
        let matcher = Overlapping::new(&keys).map_err(|e| invalid(0, format!("cannot build the matcher: {e}")))?;
        let inside_words = patterns.iter().map(|p| p.term.may_start_inside_a_word()).collect();
        Ok(Lexicon {
            framework: raw.framework,
            description: raw.description,
            scoring: raw.scoring,
            patterns,
            guards,
            rules,
            matcher: Arc::new(matcher),
            inside_words,
            areas: framework.areas().len(),
        })
    }
}

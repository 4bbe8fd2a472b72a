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

// The term syntax, the file it is written in, the automaton it compiles
// to, and the search over a text: one concern a file.
mod compile;
mod file;
mod matcher;
mod syntax;

use std::sync::Arc;

use kommunbench_text::Overlapping;

pub use file::{LexiconError, Scoring};
pub use matcher::Hit;

use compile::{Guard, Pattern, Rule};

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
    /// The keys of the terms. Shared: the automaton is large, and a
    /// lexicon is cloned per run.
    matcher: Arc<Overlapping>,
    /// Per pattern, whether its key may start inside a word (a compound's
    /// head): one byte each, read before the pattern itself.
    inside_words: Vec<bool>,
    areas: usize,
}

impl Lexicon {
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
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use kommunbench_core::Framework;

    use super::syntax::{Position, Term};
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

    #[test]
    fn thresholds_and_weights_are_numbers_above_zero() {
        for (line, value) in [("threshold", "nan"), ("threshold", "0"), ("title_weight", "inf"), ("title_weight", "-1.5")] {
            let text = format!("framework = \"se-2008\"\n\n[scoring]\n{line} = {value}\n");
            let err = Lexicon::parse(&text, &framework(), Path::new("lex.toml")).unwrap_err().to_string();
            assert!(err.starts_with("lex.toml:4: ") && err.contains("must be a number above 0"), "{err}");
        }
        for value in ["nan", "0", "-2"] {
            let text = format!("framework = \"se-2008\"\n[[entries]]\narea = \"work\"\nweight = {value}\nterms = [\"arbete\"]\n");
            let err = Lexicon::parse(&text, &framework(), Path::new("lex.toml")).unwrap_err().to_string();
            assert!(err.starts_with("lex.toml:4: ") && err.contains("must be a number above 0"), "{err}");
        }
        let rule = "framework = \"se-2008\"\n[[rules]]\narea = \"work\"\nweight = -inf\nall = [[\"arbete\"]]\n";
        assert!(Lexicon::parse(rule, &framework(), Path::new("lex.toml")).unwrap_err().to_string().starts_with("lex.toml:4: "));
        assert!(
            Lexicon::parse("framework = \"se-2008\"\n[scoring]\nthreshold = 0.4\n", &framework(), Path::new("lex.toml")).is_ok()
        );
    }
}

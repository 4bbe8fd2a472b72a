//! The registry of municipalities and the recognition of their names in text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::id::{CountryCode, IdError, MunicipalityCode};

/// A municipality: a Swedish kommun or a Finnish kommun/kunta.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Municipality {
    /// The official name (in Swedish for Finnish municipalities: `Vasa`).
    pub name: String,
    /// The national municipality number.
    pub code: MunicipalityCode,
    /// The country.
    pub country: CountryCode,
    /// The county (län) or, in Finland, the region (landskap).
    pub county: String,
    /// Other names: the Finnish name, an English exonym.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A registry file or row that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// The file could not be opened or read.
    #[error("cannot read municipality file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A row is not valid CSV or lacks a column.
    #[error("{}:{line}: {message}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A code or country is malformed.
    #[error("{}:{line}: {source}", path.display())]
    Id {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// The validation error.
        source: IdError,
    },
}

#[derive(Deserialize)]
struct Row {
    country: String,
    code: String,
    name: String,
    #[serde(default)]
    county: String,
    #[serde(default)]
    aliases: String,
    /// `true` to replace a municipality already known by its country and
    /// code; without it, such a row is an error, not a silent change.
    #[serde(default, rename = "override")]
    replace: bool,
}

/// How a municipality name was written where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// With `kommun`, `stad` or their genitives: `Vaggeryds kommun`, `Vasa stads`.
    Qualified,
    /// The bare name, possibly in the genitive: `Hedemora`, `Vingåkers`.
    Bare,
}

/// A municipality named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`MunicipalityRegistry::all`].
    pub index: usize,
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset where the mention ends (after `kommun`, when present).
    pub end: usize,
    /// How it was written.
    pub form: MentionForm,
}

/// Municipality names that are also ordinary words or first names; they
/// count only in qualified form (`Vara kommun`), never bare.
const AMBIGUOUS_BARE: &[&str] = &["Ale", "Mark", "Vara", "Sund", "Geta"];

const BUILTIN_CSV: &str = include_str!("../data/municipalities.csv");

/// All 290 Swedish municipalities and the Swedish-speaking and bilingual
/// Finnish ones, extendable from CSV.
///
/// ```
/// use kommunbench_core::MunicipalityRegistry;
///
/// let registry = MunicipalityRegistry::builtin();
/// let m = registry.recognise("Integrationspolicy för Vingåkers kommun").unwrap();
/// assert_eq!((m.name.as_str(), m.code.as_str()), ("Vingåker", "0428"));
/// let vasa = registry.recognise("Vasa stadsfullmäktige godkände programmet.").unwrap();
/// assert_eq!(vasa.country.as_str(), "FI");
/// ```
#[derive(Debug, Clone)]
pub struct MunicipalityRegistry {
    entries: Vec<Municipality>,
    /// Each pattern's municipality.
    pattern_owner: Vec<usize>,
    matcher: AhoCorasick,
    /// Each name's and alias's slugs (as written, folded to ASCII) and its
    /// municipality, for file stems.
    slugs: Vec<(String, String, usize)>,
}

impl MunicipalityRegistry {
    /// The built-in registry.
    pub fn builtin() -> MunicipalityRegistry {
        let entries = parse_csv(BUILTIN_CSV.as_bytes(), Path::new("<builtin municipalities.csv>"))
            .expect("the built-in municipality list is valid");
        Self::from_entries(entries.into_iter().map(|(_, _, m)| m).collect())
    }

    /// A registry of exactly these municipalities.
    pub fn from_entries(entries: Vec<Municipality>) -> MunicipalityRegistry {
        let mut patterns = Vec::new();
        let mut pattern_owner = Vec::new();
        for (i, m) in entries.iter().enumerate() {
            for name in std::iter::once(&m.name).chain(&m.aliases) {
                patterns.push(name.clone());
                pattern_owner.push(i);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("municipality names build an automaton");
        let slugs = patterns.iter().zip(&pattern_owner).map(|(name, &i)| (slug(name), ascii_slug(name), i)).collect();
        MunicipalityRegistry { entries, pattern_owner, matcher, slugs }
    }

    /// Adds municipalities from a CSV file with the columns
    /// `country,code,name,county,aliases` (`aliases` `;`-separated) and an
    /// optional `override`. A row for a municipality already known (same
    /// country and code) replaces it only with `override` set to `true`;
    /// without it, and for a municipality listed twice, the file is an
    /// error that names the line: an override is never silent.
    pub fn extend_from_csv(&mut self, path: impl AsRef<Path>) -> Result<(), RegistryError> {
        let path = path.as_ref();
        let bytes = crate::files::read_limited(path, crate::files::MAX_AUX_FILE_BYTES)
            .map_err(|e| RegistryError::Io { path: path.to_owned(), source: e.into() })?;
        let added = parse_csv(&bytes, path)?;
        // The file is checked whole before any of it is taken: on an error
        // the registry is as it was.
        let mut entries = self.entries.clone();
        let known = entries.len();
        let mut listed: HashMap<(CountryCode, MunicipalityCode), String> = HashMap::new();
        for (line, replace, m) in added {
            let invalid = |message: String| RegistryError::Csv { path: path.to_owned(), line, message };
            if let Some(before) = listed.insert((m.country.clone(), m.code.clone()), m.name.clone()) {
                return Err(invalid(format!("{} {} is listed twice (as {before} before)", m.country, m.code)));
            }
            match entries[..known].iter_mut().find(|e| e.country == m.country && e.code == m.code) {
                Some(existing) if replace => *existing = m,
                Some(existing) => {
                    return Err(invalid(format!(
                        "{} {} is built in (as {}); to replace it, give the row a column `override` with `true`",
                        m.country, m.code, existing.name
                    )));
                }
                None => entries.push(m),
            }
        }
        *self = Self::from_entries(entries);
        Ok(())
    }

    /// Every municipality.
    pub fn all(&self) -> &[Municipality] {
        &self.entries
    }

    /// The counties (län, landskap) of the municipalities, each once, in
    /// order of their names.
    pub fn counties(&self) -> Vec<&str> {
        let mut counties: Vec<&str> = self.entries.iter().map(|m| m.county.as_str()).filter(|c| !c.is_empty()).collect();
        counties.sort_unstable();
        counties.dedup();
        counties
    }

    /// A municipality by country and code.
    pub fn get(&self, country: &str, code: &str) -> Option<&Municipality> {
        self.entries.iter().find(|m| m.country.as_str() == country && m.code.as_str() == code)
    }

    /// A municipality by code alone, preferring Sweden where codes of two
    /// countries could collide (they cannot: the lengths differ).
    pub fn by_code(&self, code: &str) -> Option<&Municipality> {
        self.entries.iter().find(|m| m.code.as_str() == code)
    }

    /// A municipality by one of its names, in any of the forms texts use:
    /// `Vaggeryd`, `Vaggeryds kommun`, `Vasa stad`, `vaasa`.
    pub fn by_name(&self, name: &str) -> Option<&Municipality> {
        let wanted = fold(strip_qualifier(name.trim()));
        self.entries.iter().find(|m| {
            std::iter::once(&m.name).chain(&m.aliases).any(|n| {
                let n = fold(n);
                n == wanted || (wanted.len() == n.len() + 1 && wanted.starts_with(&n) && wanted.ends_with('s'))
            })
        })
    }

    /// A municipality whose name starts a file stem such as `hedemora-2017`
    /// or `jonkoping` (accents folded, words joined by `-` or `_`).
    pub fn by_file_stem(&self, stem: &str) -> Option<&Municipality> {
        // Letters as written first (`håbo-2020` is Håbo, not Habo), then folded.
        self.by_slug(&slug(stem), |s| &s.0).or_else(|| self.by_slug(&ascii_slug(stem), |s| &s.1))
    }

    /// The municipality whose name's slug is the longest that `stem` is
    /// or begins with (followed by `-`); the last of equals.
    fn by_slug(&self, stem: &str, slug_of: fn(&(String, String, usize)) -> &String) -> Option<&Municipality> {
        let mut best: Option<(usize, usize)> = None;
        for entry in &self.slugs {
            let n = slug_of(entry);
            let fits = stem == n.as_str() || stem.strip_prefix(n.as_str()).is_some_and(|rest| rest.starts_with('-'));
            if fits && best.is_none_or(|(len, _)| n.len() >= len) {
                best = Some((n.len(), entry.2));
            }
        }
        best.map(|(_, i)| &self.entries[i])
    }

    /// Every mention of a municipality in `text`.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let (start, mut end) = (m.start(), m.end());
            if text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let name = &text[start..end];
            // Genitive -s (Vingåkers, Jönköpings); names in -s take none.
            let rest = &text[end..];
            if rest.starts_with('s') && !rest[1..].starts_with(char::is_alphanumeric) {
                end += 1;
            }
            if text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-') {
                continue; // inside a longer word: `Vasabo`, `Hedemoraborna`
            }
            let form = qualified_suffix(&text[end..]).map_or(MentionForm::Bare, |n| {
                end += n;
                MentionForm::Qualified
            });
            if form == MentionForm::Bare && AMBIGUOUS_BARE.contains(&name) {
                continue;
            }
            out.push(Mention { index: self.pattern_owner[m.pattern().as_usize()], start, end, form });
        }
        out
    }

    /// The municipality a text is most about: qualified mentions weigh three
    /// times a bare one; ties go to the earliest mention.
    pub fn recognise(&self, text: &str) -> Option<&Municipality> {
        let mut score: HashMap<usize, (usize, usize)> = HashMap::new();
        for m in self.mentions(text) {
            let weight = match m.form {
                MentionForm::Qualified => 3,
                MentionForm::Bare => 1,
            };
            let entry = score.entry(m.index).or_insert((0, m.start));
            entry.0 += weight;
        }
        score
            .into_iter()
            .max_by(|(_, (a, first_a)), (_, (b, first_b))| a.cmp(b).then(first_b.cmp(first_a)))
            .map(|(i, _)| &self.entries[i])
    }
}

impl Default for MunicipalityRegistry {
    fn default() -> Self {
        Self::builtin()
    }
}

/// Length of ` kommun`, ` stad` and their forms right after a name.
fn qualified_suffix(rest: &str) -> Option<usize> {
    const SUFFIXES: &[&str] =
        &[" kommuns", " kommunen", " kommun", " stads", " staden", " stad", " stadsfullmäktige", " kommunfullmäktige"];
    SUFFIXES.iter().filter(|s| rest.starts_with(*s) && !rest[s.len()..].starts_with(char::is_alphanumeric)).map(|s| s.len()).max()
}

fn strip_qualifier(name: &str) -> &str {
    for suffix in [" kommuns", " kommun", " stads", " stad"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            return stripped;
        }
    }
    name
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// `Upplands Väsby` → `upplands-väsby`: lower case, words joined by `-`.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        let c = if c.is_alphanumeric() { c } else { '-' };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out
}

/// A name in lower-case ASCII for file names: Swedish and Finnish letters
/// folded (`å`, `ä` → `a`, `ö` → `o`), spaces, `_` and `-` as one `-`,
/// anything else left out.
///
/// ```
/// use kommunbench_core::ascii_slug;
///
/// assert_eq!(ascii_slug("Malung-Sälen"), "malung-salen");
/// assert_eq!(ascii_slug("Upplands Väsby"), "upplands-vasby");
/// assert_eq!(ascii_slug("Lomma (M)"), "lomma-m");
/// ```
pub fn ascii_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            ' ' | '_' | '-' => '-',
            c if c.is_ascii_alphanumeric() => c,
            _ => continue,
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    out
}

/// The rows: each with its line and whether it may replace a known one.
fn parse_csv(bytes: &[u8], path: &Path) -> Result<Vec<(u64, bool, Municipality)>, RegistryError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(bytes);
    let mut out = Vec::new();
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| RegistryError::Csv {
            path: path.to_owned(),
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = out.len() as u64 + 2;
        let id_err = |source| RegistryError::Id { path: path.to_owned(), line, source };
        out.push((
            line,
            row.replace,
            Municipality {
                country: CountryCode::new(row.country).map_err(id_err)?,
                code: MunicipalityCode::new(row.code).map_err(id_err)?,
                name: row.name,
                county: row.county,
                aliases: row.aliases.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_registry_has_all_290_swedish_municipalities() {
        let r = MunicipalityRegistry::builtin();
        let se: Vec<_> = r.all().iter().filter(|m| m.country.as_str() == "SE").collect();
        assert_eq!(se.len(), 290);
        let mut per_county: HashMap<&str, usize> = HashMap::new();
        for m in &se {
            *per_county.entry(m.county.as_str()).or_default() += 1;
        }
        assert_eq!(per_county["Stockholms län"], 26);
        assert_eq!(per_county["Västra Götalands län"], 49);
        assert_eq!(per_county["Skåne län"], 33);
        assert_eq!(per_county.len(), 21);
        assert_eq!(r.get("SE", "0665").unwrap().name, "Vaggeryd");
        assert_eq!(r.get("FI", "905").unwrap().name, "Vasa");
    }

    #[test]
    fn names_are_recognised_in_the_forms_texts_use() {
        let r = MunicipalityRegistry::builtin();
        for (text, name) in [
            ("Kommunstyrelsen har beslutat om mål för integrationsarbetet i Vaggeryds kommun.", "Vaggeryd"),
            ("Vingåkers kommun har en plan för integration.", "Vingåker"),
            ("Rådet har utarbetat Vasa stads integrationsprogram.", "Vasa"),
            ("Flyktingsituationen innebär att fler söker skydd i Sverige och i Hedemora.", "Hedemora"),
            ("Här finns information om hur Jönköpings kommun arbetar.", "Jönköping"),
            ("Vaasan kaupunki och Vaasa", "Vasa"),
        ] {
            assert_eq!(r.recognise(text).map(|m| m.name.as_str()), Some(name), "{text}");
        }
    }

    #[test]
    fn names_inside_words_and_ambiguous_bare_words_are_ignored() {
        let r = MunicipalityRegistry::builtin();
        assert_eq!(r.recognise("Hedemoraborna och Vasabor"), None);
        assert_eq!(r.recognise("Det ska vara lätt. Vara med i Mark."), None);
        assert_eq!(r.recognise("Vara kommun").map(|m| m.code.as_str()), Some("1470"));
        // Mora inside Hedemora is not Mora.
        assert_eq!(r.recognise("Hedemora kommun").unwrap().name, "Hedemora");
    }

    #[test]
    fn qualified_mentions_outweigh_bare_ones() {
        let r = MunicipalityRegistry::builtin();
        let text = "Samarbete med Nässjö och Eksjö. Vetlanda kommun antog planen. Vetlanda kommuns mål.";
        assert_eq!(r.recognise(text).unwrap().name, "Vetlanda");
    }

    #[test]
    fn lookup_by_name_and_file_stem() {
        let r = MunicipalityRegistry::builtin();
        assert_eq!(r.by_name("Vaggeryds kommun").unwrap().code.as_str(), "0665");
        assert_eq!(r.by_name("Vasa stad").unwrap().code.as_str(), "905");
        assert_eq!(r.by_name("vaasa").unwrap().code.as_str(), "905");
        assert_eq!(r.by_file_stem("jonkoping").unwrap().name, "Jönköping");
        assert_eq!(r.by_file_stem("vingaker-2016").unwrap().name, "Vingåker");
        assert_eq!(r.by_file_stem("upplands-vasby-2020").unwrap().name, "Upplands Väsby");
        assert_eq!(r.by_file_stem("malmo_2019").unwrap().name, "Malmö");
        assert_eq!(r.by_file_stem("håbo-2020").unwrap().name, "Håbo");
        assert_eq!(r.by_file_stem("habo-2020").unwrap().name, "Habo");
        assert!(r.by_file_stem("report").is_none());
    }

    #[test]
    fn registry_extends_from_csv_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("extra.csv");
        std::fs::write(&good, "country,code,name,county,aliases\nFI,837,Tammerfors,Birkaland,Tampere\n").unwrap();
        let mut r = MunicipalityRegistry::builtin();
        r.extend_from_csv(&good).unwrap();
        assert_eq!(r.recognise("Tampereen kaupunki och Tampere stad").unwrap().name, "Tammerfors");

        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, "country,code,name,county,aliases\nSE,0999,Testby,Stockholms län,\nSE,12a,Fel,Skåne län,\n")
            .unwrap();
        let err = r.extend_from_csv(&bad).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "bad.csv:3: invalid municipality code `12a`: must be 3 or 4 ASCII digits (Finnish or Swedish municipality number)"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_built_in_municipality_is_replaced_only_when_asked_and_none_twice() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("extra.csv");
        let mut r = MunicipalityRegistry::builtin();
        std::fs::write(&file, "country,code,name,county,aliases\nSE,0665,Vaggerid,Jönköpings län,\n").unwrap();
        let err = r.extend_from_csv(&file).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "extra.csv:2: SE 0665 is built in (as Vaggeryd); to replace it, give the row a column `override` with `true`"
            ),
            "{err}"
        );
        assert_eq!(r.get("SE", "0665").unwrap().name, "Vaggeryd", "unchanged");
        std::fs::write(&file, "country,code,name,county,aliases,override\nSE,0665,Vaggeryds kommun,Jönköpings län,,true\n")
            .unwrap();
        r.extend_from_csv(&file).unwrap();
        assert_eq!(r.get("SE", "0665").unwrap().name, "Vaggeryds kommun");
        std::fs::write(&file, "country,code,name,county,aliases\nFI,837,Tammerfors,Birkaland,\nFI,837,Tampere,Birkaland,\n")
            .unwrap();
        let err = MunicipalityRegistry::builtin().extend_from_csv(&file).unwrap_err().to_string();
        assert!(err.ends_with("extra.csv:3: FI 837 is listed twice (as Tammerfors before)"), "{err}");
        // Twice over a built-in one, both rows asking: still twice; and a
        // file that fails changes nothing, not even its good rows before.
        let mut r = MunicipalityRegistry::builtin();
        std::fs::write(
            &file,
            "country,code,name,county,aliases,override\nSE,0665,Vaggeryd A,Jönköpings län,,true\nSE,0665,Vaggeryd B,Jönköpings län,,true\n",
        )
        .unwrap();
        let err = r.extend_from_csv(&file).unwrap_err().to_string();
        assert!(err.ends_with("extra.csv:3: SE 0665 is listed twice (as Vaggeryd A before)"), "{err}");
        assert_eq!(r.get("SE", "0665").unwrap().name, "Vaggeryd");
        assert_eq!(r.by_file_stem("vaggeryd-2017").unwrap().name, "Vaggeryd");
    }
}

//! Who a row of the benchmark stands for: an actor.

use std::fmt;

use kommunbench_core::{CountryCode, DocumentId, Municipality, MunicipalityCode, PolicyDocument, Speaker};

/// The key of a benchmark row: who speaks, and for which municipality.
///
/// - A municipality's own documents (policies, strategies, programmes,
///   plans, its web pages) make the municipality's row, keyed by its
///   country and national code with its name beside it: `Lomma`.
/// - A local party's programme makes a row of the party in that
///   municipality: `Lomma (M)`.
/// - A region's, a county board's, an authority's or an organisation's
///   text makes a row named as the text names its speaker:
///   `Länsstyrelsen Jämtlands län`, `Migrationsverket`, `Rädda Barnen`.
///   A party's text with no municipality recognised is named the same
///   way (`Moderaterna i Lomma`).
/// - Without a name, a region's or county board's text makes a row of
///   the county, `Jämtlands län (region)`, and the state's texts one row,
///   `National (state)`.
/// - Nothing but a municipality's own text makes a municipality's row.
/// - A document whose municipality (or county) was not recognised is a
///   row of its own, named after the document: `(plan-2019)`.
///
/// Actors order by display name, then identity, so tables list rows by
/// name with a municipality's parties right after it.
///
/// ```
/// use kommunbench_analysis::Actor;
/// use kommunbench_core::{CountryCode, DocumentId, Municipality, MunicipalityCode, Speaker};
///
/// let lomma = Municipality {
///     name: "Lomma".into(),
///     code: MunicipalityCode::new("1262")?,
///     country: CountryCode::new("SE")?,
///     county: "Skåne län".into(),
///     aliases: vec![],
/// };
/// let id = DocumentId::new("lomma-m")?;
/// let own = Actor::of(&id, Some(&lomma), &Speaker::Municipality, None);
/// let party = Actor::of(&id, Some(&lomma), &Speaker::Party("M".into()), None);
/// let region = Actor::of(&id, Some(&lomma), &Speaker::Region(None), None);
/// assert_eq!((own.name(), party.name(), region.name()), ("Lomma", "Lomma (M)", "Skåne län (region)"));
/// let board = Actor::of(&id, Some(&lomma), &Speaker::Region(None), Some("Länsstyrelsen Skåne"));
/// let church = Actor::of(&id, Some(&lomma), &Speaker::Organisation, Some("Svenska kyrkan i Lomma"));
/// assert_eq!((board.name(), church.name()), ("Länsstyrelsen Skåne", "Svenska kyrkan i Lomma"));
/// let bare = Actor::of(&id, None, &Speaker::Region(Some("Kronobergs län".into())), Some("Länsstyrelsen"));
/// assert_eq!(bare.name(), "Länsstyrelsen (Kronobergs län)");
/// assert!(church.code().is_none());
/// assert_eq!(party.code().map(ToString::to_string).as_deref(), Some("1262"));
/// assert!(own < party);
/// let unknown = Actor::of(&DocumentId::new("plan-2019")?, None, &Speaker::Municipality, None);
/// assert_eq!(unknown.to_string(), "(plan-2019)");
/// assert!(unknown.code().is_none());
/// # Ok::<(), kommunbench_core::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Actor {
    name: String,
    id: ActorId,
    speaker: Speaker,
    county: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum ActorId {
    Municipality(CountryCode, MunicipalityCode),
    County(String),
    Document(DocumentId),
    /// A non-municipal speaker by the name its text gives it.
    Speaker(String),
    Nation,
    Name,
}

impl Actor {
    /// The row a document belongs to: its speaker for its municipality,
    /// or a non-municipal speaker by the `name` the text gives it.
    pub fn of(document: &DocumentId, municipality: Option<&Municipality>, speaker: &Speaker, name: Option<&str>) -> Actor {
        let speaker = speaker.clone();
        let named = name.map(str::trim).filter(|n| !n.is_empty());
        let (name, id) = match (&speaker, municipality, named) {
            (Speaker::Municipality, Some(m), _) => (m.name.clone(), ActorId::Municipality(m.country.clone(), m.code.clone())),
            (Speaker::Party(p), Some(m), _) => {
                (format!("{} ({p})", m.name), ActorId::Municipality(m.country.clone(), m.code.clone()))
            }
            (Speaker::Municipality, None, _) => (format!("({document})"), ActorId::Document(document.clone())),
            // A county board's or region's generic name (`Länsstyrelsen`)
            // with its county, so that two counties' boards stay apart.
            (Speaker::Region(Some(county)), _, Some(name)) if !names_county(name, county) => {
                let name = format!("{name} ({county})");
                (name.clone(), ActorId::Speaker(name))
            }
            (_, _, Some(name)) => (name.to_owned(), ActorId::Speaker(name.to_owned())),
            (Speaker::National, _, None) => ("National (state)".to_owned(), ActorId::Nation),
            (Speaker::Region(Some(county)), _, None) => (format!("{county} (region)"), ActorId::County(county.clone())),
            (Speaker::Region(None), Some(m), None) if !m.county.is_empty() => {
                (format!("{} (region)", m.county), ActorId::County(m.county.clone()))
            }
            _ => (format!("({document})"), ActorId::Document(document.clone())),
        };
        let county = match &speaker {
            Speaker::National | Speaker::Organisation => None,
            Speaker::Region(Some(county)) => Some(county.clone()),
            _ => municipality.map(|m| m.county.clone()).filter(|c| !c.is_empty()),
        };
        Actor { name, id, speaker, county }
    }

    /// The row of a document.
    pub fn of_document(doc: &PolicyDocument) -> Actor {
        Actor::of(&doc.id, doc.municipality.as_ref(), &doc.speaker, doc.speaker_name.as_deref())
    }

    /// The row of a known municipality's own documents.
    pub fn municipality(m: &Municipality) -> Actor {
        Actor {
            name: m.name.clone(),
            id: ActorId::Municipality(m.country.clone(), m.code.clone()),
            speaker: Speaker::Municipality,
            county: Some(m.county.clone()).filter(|c| !c.is_empty()),
        }
    }

    /// The row of a document whose municipality is not known.
    pub fn document(id: &DocumentId) -> Actor {
        Actor::of(id, None, &Speaker::Municipality, None)
    }

    /// A row known by its name alone: a municipality outside the registry,
    /// or profiles made by the caller (see [`Profile::from_scores`](crate::Profile::from_scores)).
    pub fn named(name: impl Into<String>) -> Actor {
        Actor { name: name.into(), id: ActorId::Name, speaker: Speaker::Municipality, county: None }
    }

    /// The display name: `Lomma`, `Lomma (M)`, `Skåne län (region)`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Who speaks.
    pub fn speaker(&self) -> &Speaker {
        &self.speaker
    }

    /// The county (län, landskap), when known.
    pub fn county(&self) -> Option<&str> {
        self.county.as_deref()
    }

    /// The municipality's national code, for a municipality's or a local
    /// party's row.
    pub fn code(&self) -> Option<&MunicipalityCode> {
        match &self.id {
            ActorId::Municipality(_, code) => Some(code),
            _ => None,
        }
    }

    /// The country, when known.
    pub fn country(&self) -> Option<&CountryCode> {
        match &self.id {
            ActorId::Municipality(country, _) => Some(country),
            _ => None,
        }
    }

    /// Whether `text` names this row: its display name in any case, or
    /// the code of a municipality's own row.
    pub fn answers_to(&self, text: &str) -> bool {
        let text = text.trim();
        self.name.to_lowercase() == text.to_lowercase()
            || (self.speaker.is_municipality() && self.code().is_some_and(|c| c.as_str() == text))
    }
}

/// Whether `name` names `county` (`Region Halland`, `Länsstyrelsen i
/// Hallands län` for `Hallands län`).
fn names_county(name: &str, county: &str) -> bool {
    let stem = county.strip_suffix(" län").unwrap_or(county);
    let stem = stem.strip_suffix('s').unwrap_or(stem).to_lowercase();
    name.to_lowercase().contains(&stem)
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

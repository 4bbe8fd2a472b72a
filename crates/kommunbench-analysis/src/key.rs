//! Who a row of the benchmark stands for.

use std::fmt;

use kommunbench_core::{CountryCode, DocumentId, Municipality, MunicipalityCode};

/// The key of a benchmark row: a municipality by its country and national
/// code, with its display name beside it; or, for a document whose
/// municipality was not recognised, that document alone (shown as
/// `(id)`).
///
/// Keys order by display name, then code, so tables list rows by name.
///
/// ```
/// use kommunbench_analysis::MunicipalityKey;
/// use kommunbench_core::{CountryCode, DocumentId, Municipality, MunicipalityCode};
///
/// let vasa = Municipality {
///     name: "Vasa".into(),
///     code: MunicipalityCode::new("905")?,
///     country: CountryCode::new("FI")?,
///     county: "Österbotten".into(),
///     aliases: vec!["Vaasa".into()],
/// };
/// let key = MunicipalityKey::municipality(&vasa);
/// assert_eq!((key.name(), key.code().map(ToString::to_string)), ("Vasa", Some("905".to_owned())));
/// let unknown = MunicipalityKey::document(&DocumentId::new("plan-2019")?);
/// assert_eq!(unknown.to_string(), "(plan-2019)");
/// assert!(unknown.code().is_none() && unknown < key);
/// # Ok::<(), kommunbench_core::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MunicipalityKey {
    name: String,
    id: KeyId,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyId {
    Municipality(CountryCode, MunicipalityCode),
    Document(DocumentId),
    Name,
}

impl MunicipalityKey {
    /// The key of a known municipality.
    pub fn municipality(m: &Municipality) -> MunicipalityKey {
        MunicipalityKey { name: m.name.clone(), id: KeyId::Municipality(m.country.clone(), m.code.clone()) }
    }

    /// The key of a document whose municipality is not known.
    pub fn document(id: &DocumentId) -> MunicipalityKey {
        MunicipalityKey { name: format!("({id})"), id: KeyId::Document(id.clone()) }
    }

    /// A row known by its name alone: a municipality outside the registry,
    /// or profiles made by the caller (see [`Profile::from_scores`](crate::Profile::from_scores)).
    pub fn named(name: impl Into<String>) -> MunicipalityKey {
        MunicipalityKey { name: name.into(), id: KeyId::Name }
    }

    /// The key of the row a document belongs to.
    pub fn of(document: &DocumentId, municipality: Option<&Municipality>) -> MunicipalityKey {
        municipality.map_or_else(|| MunicipalityKey::document(document), MunicipalityKey::municipality)
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The national municipality code, when the municipality is known.
    pub fn code(&self) -> Option<&MunicipalityCode> {
        match &self.id {
            KeyId::Municipality(_, code) => Some(code),
            KeyId::Document(_) | KeyId::Name => None,
        }
    }

    /// The country, when the municipality is known.
    pub fn country(&self) -> Option<&CountryCode> {
        match &self.id {
            KeyId::Municipality(country, _) => Some(country),
            KeyId::Document(_) | KeyId::Name => None,
        }
    }

    /// Whether `text` names this row: its display name in any case, or
    /// its code.
    pub fn answers_to(&self, text: &str) -> bool {
        let text = text.trim();
        self.name.to_lowercase() == text.to_lowercase() || self.code().is_some_and(|c| c.as_str() == text)
    }
}

impl fmt::Display for MunicipalityKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

//! Validated identifiers: once constructed, an id is known to be well formed.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// An identifier that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} `{value}`: {reason}")]
pub struct IdError {
    /// What kind of identifier was being parsed (e.g. `area id`).
    pub kind: &'static str,
    /// The rejected input.
    pub value: String,
    /// Why it was rejected.
    pub reason: &'static str,
}

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $check:expr) => {
        $(#[$meta])*
        ///
        /// Shared, not copied, when cloned: every alignment and row of
        /// evidence names its document and area.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(Arc<str>);

        impl $name {
            /// Validates `value` and wraps it.
            pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                let check: fn(&str) -> Result<(), &'static str> = $check;
                match check(&value) {
                    Ok(()) => Ok(Self(value.into())),
                    Err(reason) => Err(IdError { kind: $kind, value, reason }),
                }
            }

            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.to_string()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }
    };
}

/// A stable 64-bit hash of `bytes` (FNV-1a): the same across runs,
/// platforms and Rust versions, unlike the standard library's hasher; for
/// short names made from long inputs (a document id from a deep path, a
/// cache file from a URL).
///
/// ```
/// assert_eq!(kommunbench_core::stable_hash(b"foobar"), 0x8594_4171_f739_67e8);
/// ```
pub fn stable_hash(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

fn snake_case(s: &str) -> Result<(), &'static str> {
    let mut chars = s.chars();
    match chars.next() {
        None => return Err("must not be empty"),
        Some(c) if !c.is_ascii_lowercase() => return Err("must start with a lowercase ASCII letter"),
        Some(_) => {}
    }
    if s.len() > 64 {
        return Err("must be at most 64 characters");
    }
    if chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        Ok(())
    } else {
        Err("may only contain lowercase ASCII letters, digits and `_`")
    }
}

fn slug(s: &str) -> Result<(), &'static str> {
    if s.is_empty() {
        return Err("must not be empty");
    }
    if s.len() > 64 {
        return Err("must be at most 64 characters");
    }
    if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("must start with an ASCII letter or digit");
    }
    if s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.') {
        Ok(())
    } else {
        Err("may only contain lowercase ASCII letters, digits, `-`, `_` and `.`")
    }
}

fn document_id(s: &str) -> Result<(), &'static str> {
    if s.trim().is_empty() {
        return Err("must not be empty");
    }
    if s.len() > 255 {
        return Err("must be at most 255 bytes");
    }
    if s.chars().any(|c| c.is_control() || c == '/' || c == '\\') {
        return Err("must not contain control characters or path separators");
    }
    Ok(())
}

fn municipality_code(s: &str) -> Result<(), &'static str> {
    if (3..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err("must be 3 or 4 ASCII digits (Finnish or Swedish municipality number)")
    }
}

fn country_code(s: &str) -> Result<(), &'static str> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err("must be a two-letter upper-case ISO 3166 code such as `SE` or `FI`")
    }
}

string_id!(
    /// Identifier of an area within a framework, e.g. `work` or `adult_learning`.
    ///
    /// Lowercase ASCII letters, digits and `_`, starting with a letter.
    ///
    /// ```
    /// use kommunbench_core::AreaId;
    /// assert!("adult_learning".parse::<AreaId>().is_ok());
    /// assert!("Adult learning".parse::<AreaId>().is_err());
    /// ```
    AreaId,
    "area id",
    snake_case
);

string_id!(
    /// Identifier of a framework, e.g. `se-2008`.
    FrameworkId,
    "framework id",
    slug
);

string_id!(
    /// Identifier of a policy document within a corpus (the file stem by default).
    DocumentId,
    "document id",
    document_id
);

string_id!(
    /// Official municipality number: SCB's four-digit code in Sweden
    /// (`0665` Vaggeryd), the three-digit kuntanumero in Finland (`905` Vasa).
    MunicipalityCode,
    "municipality code",
    municipality_code
);

string_id!(
    /// Two-letter ISO 3166 country code, e.g. `SE` or `FI`.
    CountryCode,
    "country code",
    country_code
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_validate_at_the_boundary() {
        assert!(AreaId::new("values").is_ok());
        assert_eq!(
            AreaId::new("1work").unwrap_err().to_string(),
            "invalid area id `1work`: must start with a lowercase ASCII letter"
        );
        assert!(FrameworkId::new("se-2008").is_ok());
        assert!(FrameworkId::new("SE 2008").is_err());
        assert!(MunicipalityCode::new("0665").is_ok());
        assert!(MunicipalityCode::new("905").is_ok());
        assert!(MunicipalityCode::new("66").is_err());
        assert!(DocumentId::new("vasa-2023").is_ok());
        assert!(DocumentId::new("a/b").is_err());
        assert!(CountryCode::new("FI").is_ok());
        assert!(CountryCode::new("fi").is_err());
    }

    #[test]
    fn ids_reject_invalid_values_when_deserialised() {
        let ok: AreaId = serde_json::from_str("\"work\"").unwrap();
        assert_eq!(ok.as_str(), "work");
        let err = serde_json::from_str::<AreaId>("\"Work\"").unwrap_err();
        assert!(err.to_string().contains("invalid area id `Work`"), "{err}");
    }
}

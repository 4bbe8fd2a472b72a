//! Outcome data to set beside what the policies say: Kolada's key figures
//! (RKA's database of about 5,000 measures per municipality and year),
//! read from the API's data responses as they are saved
//! ([`Outcomes::read`]) or downloaded (`fetch` feature, [`fetch`]), and the
//! small file that says which key figure speaks to which area of a
//! framework ([`KpiMap`]).
//!
//! A crate of its own so that the HTTP client stays out of every other
//! crate's build; the analysis that joins outcomes with coverage lives in
//! `kommunbench-analysis`.

mod kolada;
mod kpis;

#[cfg(feature = "fetch")]
pub mod fetch;

pub use kolada::{Conflict, Gender, MAX_RESPONSE_BYTES, Observation, OutcomeError, OutcomeNotes, Outcomes, is_group};
pub use kpis::{Direction, Kpi, KpiError, KpiMap, SE_2008, is_kolada_id};

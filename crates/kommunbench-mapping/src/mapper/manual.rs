//! A hand coding imported from CSV, as a mapper: to compare coders, to
//! benchmark hand-coded corpora, or to feed hand coding into coverage.

use std::collections::HashMap;
use std::path::Path;

use kommunbench_core::Framework;

use super::{AreaScore, Evidence, Mapper, Unit, UnitKind};
use crate::gold::{GoldDocuments, GoldError, GoldPriorities};
use kommunbench_text::title_key;

/// A coding read from CSV could not be used.
pub type ManualMapperError = GoldError;

/// Scores units by a hand coding: 1 for a coded area, 0.5 for an
/// uncertain one (`?`), 0 otherwise. Documents come from a document-level
/// coding, priorities from a priority-level one (matched by title).
#[derive(Debug, Clone, Default)]
pub struct ManualMapper {
    documents: HashMap<String, Vec<Option<bool>>>,
    priorities: HashMap<(String, String), (Vec<usize>, Vec<usize>)>,
    areas: usize,
}

impl ManualMapper {
    /// A mapper from codings in the formats of `fixtures/gold/`: either
    /// file may be left out.
    pub fn from_csv(
        framework: &Framework,
        documents: Option<&Path>,
        priorities: Option<&Path>,
    ) -> Result<ManualMapper, GoldError> {
        let mut mapper = ManualMapper { areas: framework.areas().len(), ..ManualMapper::default() };
        if let Some(path) = documents {
            let gold = GoldDocuments::from_path(path, framework)?;
            for row in gold.rows {
                mapper.documents.insert(row.document, row.values);
            }
        }
        if let Some(path) = priorities {
            let gold = GoldPriorities::from_path(path, framework)?;
            for row in gold.rows {
                mapper.priorities.insert((row.document, title_key(&row.priority)), (row.areas, row.uncertain));
            }
        }
        Ok(mapper)
    }
}

impl Mapper for ManualMapper {
    fn method(&self) -> &'static str {
        "manual"
    }

    fn threshold(&self) -> f64 {
        0.75
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let doc = unit.document.id.as_str();
        let evidence = |area: &str| {
            vec![Evidence {
                term: format!("hand coding: {area}").into(),
                text: String::new(),
                span: unit.pieces.first().map_or_else(Default::default, |p| p.0),
                sentence: "".into(),
                page: None,
            }]
        };
        let scores: Vec<f64> = match unit.kind {
            UnitKind::Document => self
                .documents
                .get(doc)
                .map(|values| values.iter().map(|v| v.map_or(0.5, |b| if b { 1.0 } else { 0.0 })).collect())
                .unwrap_or_default(),
            UnitKind::Priority => self
                .priorities
                .get(&(doc.to_owned(), title_key(&unit.label)))
                .map(|(areas, uncertain)| {
                    (0..self.areas)
                        .map(|a| {
                            if areas.contains(&a) {
                                1.0
                            } else if uncertain.contains(&a) {
                                0.5
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            UnitKind::Segment => Vec::new(),
        };
        (0..self.areas)
            .map(|area| {
                let score = scores.get(area).copied().unwrap_or(0.0);
                let evidence = if score > 0.0 { evidence(if score >= 1.0 { "coded" } else { "uncertain" }) } else { vec![] };
                AreaScore { area, score, evidence, omitted: 0 }
            })
            .collect()
    }
}

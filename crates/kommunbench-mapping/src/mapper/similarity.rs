//! TF-IDF similarity between a unit and each area's profile (its Swedish
//! title, the framework's wordings and the lexicon's terms), over stemmed
//! words and character n-grams, which catch compounds and spelling variants
//! that no list foresees.

use std::collections::HashMap;

use kommunbench_core::{Framework, PolicyDocument, Span};

use super::{AreaScore, Evidence, Mapper, Unit};
use crate::lexicon::Lexicon;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::{Normalized, is_word_char, stem};

type Vector = HashMap<String, f64>;

/// Cosine similarity of TF-IDF vectors (stemmed words and character
/// 3- to 5-grams) between a unit and each area's profile.
#[derive(Debug, Clone)]
pub struct SimilarityMapper {
    profiles: Vec<Vector>,
    idf: HashMap<String, f64>,
    documents: f64,
    threshold: f64,
}

fn features(text: &str) -> Vec<(String, Option<(usize, usize)>)> {
    let norm = Normalized::new(text);
    let n = norm.as_str();
    let mut out = Vec::new();
    // UAX #29 word segmentation: numbers and punctuation fall away.
    for (s, word) in n.split_word_bound_indices() {
        if word.chars().count() < 2 || !word.chars().all(is_word_char) || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push((format!("w:{}", stem(word)), Some((norm.to_original(s), norm.to_original(s + word.len())))));
        let padded: Vec<char> = std::iter::once(' ').chain(word.chars()).chain(std::iter::once(' ')).collect();
        for len in 3..=5 {
            for gram in padded.windows(len) {
                out.push((format!("c:{}", gram.iter().collect::<String>()), None));
            }
        }
    }
    out
}

/// A vector's entries in the order of their features: sums over them
/// come out the same on every run (a map's order changes from run to run,
/// and with it the last digits of a sum).
fn in_feature_order(v: &Vector) -> Vec<(&String, f64)> {
    let mut entries: Vec<(&String, f64)> = v.iter().map(|(f, x)| (f, *x)).collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    entries
}

fn term_frequencies(text: &str) -> Vector {
    let mut tf = Vector::new();
    for (f, _) in features(text) {
        *tf.entry(f).or_default() += 1.0;
    }
    tf
}

impl SimilarityMapper {
    /// The threshold calibrated on the development set (see
    /// `calibrate_threshold`): the cosine at which a unit addresses an area.
    pub const DEFAULT_THRESHOLD: f64 = 0.16;

    /// A mapper whose profiles come from the framework and the lexicon;
    /// the IDF is fitted on the profiles and `corpus`.
    pub fn fit(framework: &Framework, lexicon: &Lexicon, corpus: &[PolicyDocument]) -> SimilarityMapper {
        let profile_texts: Vec<String> = framework
            .areas()
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let terms = lexicon.terms_of(i).into_iter().map(|t| t.replace(['*', '='], ""));
                std::iter::once(area.title_sv.clone())
                    .chain(area.aliases.iter().cloned())
                    .chain(terms)
                    .collect::<Vec<_>>()
                    .join(". ")
            })
            .collect();
        let mut df: HashMap<String, f64> = HashMap::new();
        let mut documents = 0.0;
        let mut count = |text: &str| {
            documents += 1.0;
            let tf = term_frequencies(text);
            for f in tf.into_keys() {
                *df.entry(f).or_default() += 1.0;
            }
        };
        for p in &profile_texts {
            count(p);
        }
        for doc in corpus {
            for b in &doc.blocks {
                count(&b.text);
            }
        }
        let idf = df.into_iter().map(|(f, d)| (f, ((1.0 + documents) / (1.0 + d)).ln() + 1.0)).collect();
        let mut mapper = SimilarityMapper { profiles: Vec::new(), idf, documents, threshold: Self::DEFAULT_THRESHOLD };
        mapper.profiles = profile_texts.iter().map(|t| mapper.vector(t)).collect();
        mapper
    }

    /// The same mapper with another threshold.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    fn idf(&self, feature: &str) -> f64 {
        self.idf.get(feature).copied().unwrap_or_else(|| (1.0 + self.documents).ln() + 1.0)
    }

    fn vector(&self, text: &str) -> Vector {
        let mut v: Vector =
            term_frequencies(text).into_iter().map(|(f, tf)| (f.clone(), (1.0 + f64::ln(tf)) * self.idf(&f))).collect();
        let norm = in_feature_order(&v).iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for x in v.values_mut() {
                *x /= norm;
            }
        }
        v
    }
}

impl Mapper for SimilarityMapper {
    fn method(&self) -> &'static str {
        "similarity"
    }

    fn threshold(&self) -> f64 {
        self.threshold
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        let text = unit.text();
        let v = self.vector(&text);
        let v = in_feature_order(&v);
        self.profiles
            .iter()
            .enumerate()
            .map(|(area, profile)| {
                let score = v.iter().map(|(f, x)| x * profile.get(*f).copied().unwrap_or(0.0)).sum::<f64>().clamp(0.0, 1.0);
                AreaScore { area, score, evidence: Self::evidence(unit, profile), omitted: 0 }
            })
            .collect()
    }
}

impl SimilarityMapper {
    /// The unit's words that weigh most in the area's profile.
    fn evidence(unit: &Unit<'_>, profile: &Vector) -> Vec<Evidence> {
        let mut found: Vec<(f64, String, Span, Span)> = Vec::new();
        for &(piece, _) in &unit.pieces {
            for (feature, at) in features(unit.document.slice(piece)) {
                let (Some((s, e)), Some(w)) = (at, profile.get(&feature)) else { continue };
                if !found.iter().any(|(_, f, _, _)| *f == feature) {
                    found.push((*w, feature, piece, Span::new(piece.start + s, piece.start + e)));
                }
            }
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0));
        found
            .into_iter()
            .take(3)
            .map(|(_, f, piece, span)| Evidence::at(unit.document, f.trim_start_matches("w:"), piece, span))
            .collect()
    }
}

//! Mapper output against hand coding, at document and priority level.

use std::collections::HashMap;
use std::path::PathBuf;

use kommunbench_core::{Framework, PolicyDocument, Speaker};
use serde::Serialize;

use crate::agreement::{Agreement, Cell};
use crate::align::DocumentMapping;
use crate::gold::{GoldActors, GoldDocuments, GoldPriorities};
use kommunbench_text::title_key;

/// A coding that does not fit the corpus.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvaluationError {
    /// The coding names documents the corpus does not have.
    #[error("{}: {} not in the corpus: {}", path.display(), if documents.len() == 1 { "document is" } else { "documents are" }, documents.join(", "))]
    UnknownDocuments {
        /// The coding file.
        path: PathBuf,
        /// The ids it names that were not ingested.
        documents: Vec<String>,
    },
}

/// A gold priority that no extracted priority matches by title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The document.
    pub document: String,
    /// The gold title.
    pub priority: String,
}

/// The cells compared at one level, ready for [`Agreement`].
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Unit x area cells, ambiguous ones left out.
    pub cells: Vec<Cell>,
    /// Gold priorities no extracted priority matched (scored as mapping to nothing).
    pub unmatched: Vec<Unmatched>,
}

/// Fails when a coding read from `path` names documents that `known`
/// does not hold: they are listed in coding order, each once in a row.
fn all_known<'a>(
    path: &std::path::Path,
    documents: impl IntoIterator<Item = &'a str>,
    known: impl Fn(&str) -> bool,
) -> Result<(), EvaluationError> {
    let mut unknown: Vec<String> = documents.into_iter().filter(|d| !known(d)).map(str::to_owned).collect();
    unknown.dedup();
    if unknown.is_empty() { Ok(()) } else { Err(EvaluationError::UnknownDocuments { path: path.to_owned(), documents: unknown }) }
}

fn names(framework: &Framework) -> Vec<String> {
    framework.areas().iter().map(|a| a.id.to_string()).collect()
}

/// Compares document-level coverage with a document-level coding.
pub fn compare_documents(gold: &GoldDocuments, mappings: &[DocumentMapping]) -> Result<Comparison, EvaluationError> {
    let by_id: HashMap<&str, &DocumentMapping> = mappings.iter().map(|m| (m.document.as_str(), m)).collect();
    all_known(&gold.path, gold.rows.iter().map(|r| r.document.as_str()), |d| by_id.contains_key(d))?;
    let mut cells = Vec::new();
    for (unit, row) in gold.rows.iter().enumerate() {
        let mapping = by_id[row.document.as_str()];
        for (area, value) in row.values.iter().enumerate() {
            if let (Some(gold), Some(c)) = (value, mapping.coverage.get(area)) {
                cells.push(Cell { unit, area, gold: *gold, predicted: c.covered });
            }
        }
    }
    Ok(Comparison { cells, unmatched: Vec::new() })
}

/// Compares the accepted areas of each priority with a priority-level
/// coding; priorities are matched by title.
pub fn compare_priorities(
    framework: &Framework,
    gold: &GoldPriorities,
    documents: &[PolicyDocument],
    mappings: &[DocumentMapping],
) -> Result<Comparison, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let maps: HashMap<&str, &DocumentMapping> = mappings.iter().map(|m| (m.document.as_str(), m)).collect();
    all_known(&gold.path, gold.rows.iter().map(|r| r.document.as_str()), |d| maps.contains_key(d) && docs.contains_key(d))?;
    let mut out = Comparison::default();
    for (unit, row) in gold.rows.iter().enumerate() {
        let doc = docs[row.document.as_str()];
        let mapping = maps[row.document.as_str()];
        let wanted = title_key(&row.priority);
        let found = doc.priorities.iter().position(|p| title_key(&p.title) == wanted);
        let predicted: Vec<String> = if let Some(i) = found {
            mapping.priority_areas(i).into_iter().map(ToString::to_string).collect()
        } else {
            out.unmatched.push(Unmatched { document: row.document.clone(), priority: row.priority.clone() });
            Vec::new()
        };
        for (area, a) in framework.areas().iter().enumerate() {
            if row.uncertain.contains(&area) {
                continue;
            }
            out.cells.push(Cell {
                unit,
                area,
                gold: row.areas.contains(&area),
                predicted: predicted.iter().any(|p| p == a.id.as_str()),
            });
        }
    }
    Ok(out)
}

/// How well the extracted priorities of one document match its hand
/// coding, title by title ([`title_key`] decides equality).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecovery {
    /// The document.
    pub document: String,
    /// Gold priorities (distinct titles).
    pub gold: usize,
    /// Gold titles among the extracted ones.
    pub found: usize,
    /// Extracted priorities (distinct titles).
    pub extracted: usize,
    /// Extracted titles that are gold titles.
    pub matched: usize,
    /// Gold titles not extracted, as the coding writes them.
    pub missed: Vec<String>,
    /// Extracted titles the coding does not have.
    pub extra: Vec<String>,
}

/// Priority recovery over a corpus: do the extracted priorities match the
/// ones a reader lists?
///
/// Recall is gold titles found / gold titles; precision is extracted
/// titles that match a gold title / extracted titles, both over the
/// documents that have gold rows. Documents the coding lists no priority
/// for are counted apart (`extracted_uncoded`): a coding without rows for
/// a document may mean "none" or "not coded".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recovery {
    /// Per document with gold rows, in the coding's order.
    pub documents: Vec<DocumentRecovery>,
    /// Gold titles in all.
    pub gold: usize,
    /// Gold titles found.
    pub found: usize,
    /// Extracted titles in documents with gold rows.
    pub extracted: usize,
    /// Of those, the ones matching a gold title.
    pub matched: usize,
    /// `found / gold`.
    pub recall: Option<f64>,
    /// `matched / extracted`.
    pub precision: Option<f64>,
    /// Priorities extracted from corpus documents that have no gold rows.
    pub extracted_uncoded: usize,
    /// Corpus documents with no gold rows, and the titles extracted from
    /// each (empty when none was): what a text that lists no priorities
    /// gave, in corpus order.
    pub uncoded: Vec<Uncoded>,
}

/// A corpus document the coding lists no priority for, and what was
/// extracted from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncoded {
    /// The document.
    pub document: String,
    /// The extracted titles (distinct), in document order.
    pub extracted: Vec<String>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Distinct titles by their [`title_key`] key, in order of first
/// appearance.
fn distinct<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<(String, &'a str)> {
    let mut seen = std::collections::HashSet::new();
    titles.into_iter().map(|t| (title_key(t), t)).filter(|(k, _)| seen.insert(k.clone())).collect()
}

/// Measures priority recovery (see [`Recovery`]) of `documents` against a
/// priority-level coding.
///
/// ```
/// use kommunbench_core::Framework;
/// use kommunbench_ingest::Ingester;
/// use kommunbench_mapping::{GoldPriorities, priority_recovery};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("gold.csv");
/// std::fs::write(&path, "document,priority,areas\nplan,Arbete,work\nplan,Bostäder,\nplan,Hälsa,\n")?;
/// let gold = GoldPriorities::from_path(&path, &Framework::builtin("se-2008")?)?;
/// let doc = Ingester::new().ingest_str("plan", "Integrationsplan\n\nVi vill:\n- Arbete.\n- Bostäder\n- Trygghet\n")?;
/// let r = priority_recovery(&gold, &[doc])?;
/// assert_eq!((r.found, r.gold, r.matched, r.extracted), (2, 3, 2, 3));
/// assert_eq!(r.documents[0].missed, ["Hälsa"]);
/// assert_eq!(r.documents[0].extra, ["Trygghet"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn priority_recovery(gold: &GoldPriorities, documents: &[PolicyDocument]) -> Result<Recovery, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut order: Vec<&str> = Vec::new();
    let mut titles: HashMap<&str, Vec<&str>> = HashMap::new();
    for row in &gold.rows {
        let list = titles.entry(row.document.as_str()).or_insert_with(|| {
            order.push(row.document.as_str());
            Vec::new()
        });
        list.push(row.priority.as_str());
    }
    all_known(&gold.path, order.iter().copied(), |d| docs.contains_key(d))?;
    let mut out = Recovery {
        documents: Vec::new(),
        gold: 0,
        found: 0,
        extracted: 0,
        matched: 0,
        recall: None,
        precision: None,
        extracted_uncoded: 0,
        uncoded: Vec::new(),
    };
    for id in &order {
        let doc = docs[id];
        let gold_keys = distinct(titles[id].iter().copied());
        let extracted = distinct(doc.priorities.iter().map(|p| p.title.as_str()));
        let gold_set: std::collections::HashSet<&String> = gold_keys.iter().map(|(k, _)| k).collect();
        let extracted_set: std::collections::HashSet<&String> = extracted.iter().map(|(k, _)| k).collect();
        let missed: Vec<String> =
            gold_keys.iter().filter(|(k, _)| !extracted_set.contains(k)).map(|(_, t)| (*t).to_owned()).collect();
        let extra: Vec<String> = extracted.iter().filter(|(k, _)| !gold_set.contains(k)).map(|(_, t)| (*t).to_owned()).collect();
        let r = DocumentRecovery {
            document: (*id).to_owned(),
            gold: gold_keys.len(),
            found: gold_keys.len() - missed.len(),
            extracted: extracted.len(),
            matched: extracted.len() - extra.len(),
            missed,
            extra,
        };
        out.gold += r.gold;
        out.found += r.found;
        out.extracted += r.extracted;
        out.matched += r.matched;
        out.documents.push(r);
    }
    out.uncoded = documents
        .iter()
        .filter(|d| !titles.contains_key(d.id.as_str()))
        .map(|d| Uncoded {
            document: d.id.to_string(),
            extracted: distinct(d.priorities.iter().map(|p| p.title.as_str())).into_iter().map(|(_, t)| t.to_owned()).collect(),
        })
        .collect();
    out.extracted_uncoded = out.uncoded.iter().map(|u| u.extracted.len()).sum();
    out.recall = ratio(out.found, out.gold);
    out.precision = ratio(out.matched, out.extracted);
    Ok(out)
}

/// Compares two document-level codings (two coders) over the documents
/// both coded, leaving out cells either marked `?`.
pub fn compare_codings(a: &GoldDocuments, b: &GoldDocuments) -> Comparison {
    let b_rows: HashMap<&str, &Vec<Option<bool>>> = b.rows.iter().map(|r| (r.document.as_str(), &r.values)).collect();
    let mut cells = Vec::new();
    for (unit, row) in a.rows.iter().enumerate() {
        let Some(other) = b_rows.get(row.document.as_str()) else { continue };
        for (area, (x, y)) in row.values.iter().zip(other.iter()).enumerate() {
            if let (Some(x), Some(y)) = (x, y) {
                cells.push(Cell { unit, area, gold: *x, predicted: *y });
            }
        }
    }
    Comparison { cells, unmatched: Vec::new() }
}

/// Agreement of a comparison, with bootstrap intervals when `resamples > 0`.
pub fn agreement(framework: &Framework, comparison: &Comparison, resamples: usize, seed: u64) -> Agreement {
    let names = names(framework);
    let a = Agreement::compute(&names, &comparison.cells);
    if resamples > 0 { a.with_bootstrap(&names, &comparison.cells, resamples, seed) } else { a }
}

/// A threshold chosen to agree best with a document-level coding.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Calibration {
    /// The threshold: the middle of the widest gap between scores that
    /// gives the best macro-F1.
    pub threshold: f64,
    /// Macro-F1 at that threshold.
    pub macro_f1: f64,
    /// Thresholds above this (and up to `high`) can give that macro-F1.
    pub low: f64,
    /// The highest threshold that gives it.
    pub high: f64,
}

/// Finds the document-level threshold at which `mapper` agrees best (by
/// macro-F1) with `gold`: how the similarity mapper's default was set, and
/// how to set one for your own mapper.
pub fn calibrate(
    framework: &Framework,
    mapper: &dyn crate::mapper::Mapper,
    gold: &GoldDocuments,
    documents: &[PolicyDocument],
) -> Result<Calibration, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    all_known(&gold.path, gold.rows.iter().map(|r| r.document.as_str()), |d| docs.contains_key(d))?;
    let names = names(framework);
    let mut scored: Vec<(usize, usize, bool, f64)> = Vec::new();
    for (unit, row) in gold.rows.iter().enumerate() {
        let scores = mapper.score(&crate::mapper::Unit::document(docs[row.document.as_str()]));
        for s in scores {
            if let Some(Some(gold)) = row.values.get(s.area) {
                scored.push((unit, s.area, *gold, s.score));
            }
        }
    }
    let mut candidates: Vec<f64> = scored.iter().map(|s| s.3).collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    // Every threshold in (below, above] of a gap between two scores decides alike.
    let mut gaps: Vec<(f64, f64)> = candidates.windows(2).map(|w| (w[0], w[1])).collect();
    gaps.extend(candidates.first().map(|&c| (0.0, c)));
    let f1_at = |t: f64| {
        let cells: Vec<Cell> =
            scored.iter().map(|&(unit, area, gold, score)| Cell { unit, area, gold, predicted: score >= t }).collect();
        Agreement::compute(&names, &cells).macro_f1.unwrap_or(0.0)
    };
    let results: Vec<((f64, f64), f64)> = gaps.iter().map(|&(below, above)| ((below, above), f1_at(above))).collect();
    let best = results.iter().map(|r| r.1).fold(0.0, f64::max);
    let plateau: Vec<(f64, f64)> = results.iter().filter(|r| (r.1 - best).abs() < 1e-12).map(|r| r.0).collect();
    let low = plateau.iter().map(|g| g.0).fold(f64::INFINITY, f64::min);
    let high = plateau.iter().map(|g| g.1).fold(0.0, f64::max);
    let widest = plateau.iter().max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0))).copied().unwrap_or((0.0, 0.0));
    Ok(Calibration { threshold: f64::midpoint(widest.0, widest.1), macro_f1: best, low, high })
}

/// Who speaks, against a coding of it: right and wrong per kind of
/// speaker, and the documents given the wrong one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerRecovery {
    /// Documents with a coded speaker (`?` rows are left out).
    pub total: usize,
    /// Documents whose speaker was recognised: the same kind, and for a
    /// party the same party.
    pub right: usize,
    /// Coded speakers that are not the municipality.
    pub non_municipal: usize,
    /// Of those, the ones recognised.
    pub non_municipal_right: usize,
    /// Per kind of coded speaker (`municipality`, `party`, `region`,
    /// `national`, `organisation`), in that order; kinds nobody coded
    /// are left out.
    pub kinds: Vec<SpeakerKind>,
    /// The documents whose speaker was not recognised, in coding order.
    pub misses: Vec<SpeakerMiss>,
}

/// One kind of speaker's tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerKind {
    /// The kind: `municipality`, `party`, `region`, `national` or
    /// `organisation`.
    pub kind: &'static str,
    /// Documents coded with it.
    pub coded: usize,
    /// Of those, the ones recognised.
    pub right: usize,
    /// Documents given this kind whose coding says another.
    pub wrong: usize,
}

/// A document whose speaker was not recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerMiss {
    /// The document.
    pub document: String,
    /// The coded speaker.
    pub coded: String,
    /// The speaker found, with its name when the text gave one.
    pub found: String,
}

/// The kinds of speaker, in the order reports list them.
const KINDS: [&str; 5] = ["municipality", "party", "region", "national", "organisation"];

fn kind(speaker: &Speaker) -> &'static str {
    match speaker {
        Speaker::Party(_) => "party",
        Speaker::Region(_) => "region",
        Speaker::National => "national",
        Speaker::Organisation => "organisation",
        _ => "municipality",
    }
}

/// Whether `found` is the `coded` speaker: the same kind, and for a party
/// the same party (a region's county is not compared).
fn same_speaker(coded: &Speaker, found: &Speaker) -> bool {
    match (coded, found) {
        (Speaker::Party(a), Speaker::Party(b)) => a == b,
        _ => kind(coded) == kind(found),
    }
}

/// Measures how well `documents`' speakers match a speaker coding (see
/// [`SpeakerRecovery`]).
///
/// ```
/// use kommunbench_ingest::Ingester;
/// use kommunbench_mapping::{GoldActors, speaker_recovery};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("actors.csv");
/// std::fs::write(&path, "document,actor\nplan,municipality\nm,party:M\n")?;
/// let gold = GoldActors::from_path(&path)?;
/// let ingester = Ingester::new();
/// let plan = ingester.ingest_str("plan", "Integrationsplan\n\nKommunen ska erbjuda sfi.\n")?;
/// let m = ingester.ingest_str("m", "Kristdemokraterna i Ekby\n\nVi vill att fler nyanlända får jobb.\n")?;
/// let r = speaker_recovery(&gold, &[plan, m])?;
/// assert_eq!((r.right, r.total, r.non_municipal_right, r.non_municipal), (1, 2, 0, 1));
/// assert_eq!((r.misses[0].document.as_str(), r.misses[0].found.as_str()), ("m", "party:KD (Kristdemokraterna i Ekby)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn speaker_recovery(gold: &GoldActors, documents: &[PolicyDocument]) -> Result<SpeakerRecovery, EvaluationError> {
    let docs: HashMap<&str, &PolicyDocument> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    all_known(&gold.path, gold.rows.iter().map(|r| r.document.as_str()), |d| docs.contains_key(d))?;
    let mut kinds: Vec<SpeakerKind> = KINDS.iter().map(|&kind| SpeakerKind { kind, coded: 0, right: 0, wrong: 0 }).collect();
    let mut out =
        SpeakerRecovery { total: 0, right: 0, non_municipal: 0, non_municipal_right: 0, kinds: Vec::new(), misses: Vec::new() };
    for row in &gold.rows {
        let Some(coded) = &row.speaker else { continue };
        let doc = docs[row.document.as_str()];
        let right = same_speaker(coded, &doc.speaker);
        let slot = |k: &str| KINDS.iter().position(|x| *x == k).unwrap_or(0);
        out.total += 1;
        out.right += usize::from(right);
        kinds[slot(kind(coded))].coded += 1;
        kinds[slot(kind(coded))].right += usize::from(right);
        if !coded.is_municipality() {
            out.non_municipal += 1;
            out.non_municipal_right += usize::from(right);
        }
        if !right {
            kinds[slot(kind(&doc.speaker))].wrong += 1;
            let found = match &doc.speaker_name {
                Some(name) => format!("{} ({name})", doc.speaker),
                None => doc.speaker.to_string(),
            };
            out.misses.push(SpeakerMiss { document: row.document.clone(), coded: coded.to_string(), found });
        }
    }
    out.kinds = kinds.into_iter().filter(|k| k.coded > 0 || k.wrong > 0).collect();
    Ok(out)
}

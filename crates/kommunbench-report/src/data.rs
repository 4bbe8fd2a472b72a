//! What the pages and drawings show, read from a benchmark's typed rows
//! and mappings, in the order asked for.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use kommunbench_analysis::{
    Actor, Benchmark, Linkage, Profile, below_peer_median, breadth, cluster, leaf_order, nearest, text_rows,
};
use kommunbench_core::ascii_slug;
use polars::prelude::*;

use crate::ReportError;
use crate::render::{
    ReportCell, ReportData, ReportDocument, ReportEvidence, ReportMerge, ReportPeer, ReportPriority, ReportRow, Table,
};

/// The sentences with a match a row's page shows in each area; the
/// report's `evidence.csv` lists every match (up to
/// `kommunbench_mapping::LexiconMapper::EVIDENCE_PER_TERM`
/// of one term in one document). A municipality's page with
/// a policy of its own rarely has more (the 35 `dev-web` texts have at
/// most 11 in a cell), and a row of many long documents stays readable.
pub const EVIDENCE_SENTENCES: usize = 25;

/// The priorities a row's page lists; `priorities.csv` has all of them.
/// The longest policies a reader meets state a few hundred; a text of
/// half a million list items would make a page no browser can show.
pub const PAGE_PRIORITIES: usize = 2000;

/// How the heatmap's rows are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowOrder {
    /// By county, then name, with the counties as bands.
    #[default]
    County,
    /// Along the dendrogram of hierarchical clustering, drawn beside the
    /// rows, so that alike rows stand together.
    Cluster,
    /// By breadth, widest first, then name.
    Breadth,
    /// By name.
    Name,
}

impl RowOrder {
    /// All orders.
    pub const ALL: [RowOrder; 4] = [RowOrder::County, RowOrder::Cluster, RowOrder::Breadth, RowOrder::Name];

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RowOrder::County => "county",
            RowOrder::Cluster => "cluster",
            RowOrder::Breadth => "breadth",
            RowOrder::Name => "name",
        }
    }
}

impl fmt::Display for RowOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RowOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<RowOrder, String> {
        RowOrder::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| format!("unknown order `{s}` (expected one of county, cluster, breadth, name)"))
    }
}

/// How a report is drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportOptions {
    /// The heatmap's row order.
    pub order: RowOrder,
    /// The linkage of the clustering, for [`RowOrder::Cluster`].
    pub linkage: Linkage,
    /// What the map colours: `None` for breadth, else an area id.
    pub map_area: Option<String>,
    /// Key figures beside the coverage ([`Benchmark::outcomes`]): the
    /// "Policy and outcomes" section, each row's key figures on its page,
    /// and `outcomes.csv`.
    pub outcomes: Option<kommunbench_analysis::OutcomeReport>,
}

/// How many nearest peers a row's page lists.
const PEERS: usize = 5;

/// The file name of a row's page (without `.html`): the municipality code
/// and the name in ASCII (`0428-vingaker`, `1262-lomma-m`), or the name
/// alone (`skane-lan-region`, `plan-2019`).
///
/// ```
/// use kommunbench_analysis::Actor;
/// use kommunbench_core::{DocumentId, Speaker};
///
/// let unknown = Actor::of(&DocumentId::new("aland-lr")?, None, &Speaker::Municipality, None);
/// assert_eq!(kommunbench_report::slug(&unknown), "aland-lr");
/// let region = Actor::of(&DocumentId::new("x")?, None, &Speaker::Region(Some("Åland".into())), None);
/// assert_eq!(kommunbench_report::slug(&region), "aland-region");
/// # Ok::<(), kommunbench_core::IdError>(())
/// ```
pub fn slug(actor: &Actor) -> String {
    let name = ascii_slug(actor.name());
    let name = name.trim_matches('-');
    match (actor.code(), name.is_empty()) {
        (Some(code), false) => format!("{code}-{name}"),
        (Some(code), true) => code.to_string(),
        (None, false) => name.to_owned(),
        (None, true) => "row".to_owned(),
    }
}

/// What the pages and drawings show, the rows in `options.order`; `notes`
/// (such as inputs that failed) go into the page.
pub fn report_data(bench: &Benchmark, mut notes: Vec<String>, options: &ReportOptions) -> Result<ReportData, ReportError> {
    if !bench.left_out.is_empty() {
        let listed: Vec<String> = bench
            .left_out
            .iter()
            .map(|d| format!("{} ({}, {})", d.id, d.actor.speaker(), d.kind.map_or("unknown kind", |k| k.as_str())))
            .collect();
        notes.push(format!(
            "Left out of the rows, since the municipality does not speak in them (municipalities only): {}",
            listed.join(", ")
        ));
    }
    let profiles = bench.profiles();
    let slugs = unique_slugs(profiles);
    let area_ids: Vec<&str> = bench.areas.iter().map(|(id, _)| id.as_str()).collect();
    // Each row's peer group, and the rows of each group, found once.
    let groups: Vec<&str> = profiles.iter().map(|p| bench.groups.get(&p.actor).map_or("all", String::as_str)).collect();
    let mut members: HashMap<&str, Vec<&Profile>> = HashMap::new();
    for (p, &g) in profiles.iter().zip(&groups) {
        members.entry(g).or_default().push(p);
    }
    let rows: Vec<ReportRow> = profiles
        .iter()
        .zip(&slugs)
        .zip(&groups)
        .map(|((p, slug), &group)| row(bench, p, slug, &area_ids, group.to_owned(), &members[group], profiles, &slugs))
        .collect();

    let (order, dendrogram, order_name) = match options.order {
        RowOrder::Cluster => {
            let merges = cluster(profiles, options.linkage);
            let order = leaf_order(profiles.len(), &merges);
            let mut position = vec![0; profiles.len()];
            for (at, &i) in order.iter().enumerate() {
                position[i] = at;
            }
            let n = profiles.len();
            let remap = |id: usize| if id < n { position[id] } else { id };
            let dendrogram =
                merges.iter().map(|m| ReportMerge { left: remap(m.left), right: remap(m.right), distance: m.distance }).collect();
            (order, dendrogram, format!("cluster ({} linkage)", options.linkage))
        }
        other => {
            let mut order: Vec<usize> = (0..profiles.len()).collect();
            match other {
                RowOrder::County => order.sort_by(|&a, &b| {
                    let county = |i: usize| profiles[i].actor.county().map_or((1, ""), |c| (0, c));
                    county(a).cmp(&county(b)).then_with(|| profiles[a].actor.cmp(&profiles[b].actor))
                }),
                RowOrder::Breadth => order.sort_by(|&a, &b| {
                    breadth(&profiles[b])
                        .total_cmp(&breadth(&profiles[a]))
                        .then_with(|| profiles[a].actor.cmp(&profiles[b].actor))
                }),
                _ => {}
            }
            (order, Vec::new(), other.to_string())
        }
    };
    let mut slots: Vec<Option<ReportRow>> = rows.into_iter().map(Some).collect();
    let mut rows: Vec<ReportRow> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let outcomes = options.outcomes.as_ref().map(|o| crate::outcomes::outcome_section(o, &mut rows, bench.threshold, &mut notes));

    let text_table = |title: &str, df: &DataFrame| Table {
        title: title.to_owned(),
        columns: df.get_column_names().iter().map(std::string::ToString::to_string).collect(),
        rows: text_rows(df),
        ..Table::default()
    };
    let mut metrics = text_table("Rows", &bench.metrics()?);
    metrics.links.clone_from(&slugs);
    let changes = bench.changes()?;
    let mut changes_table = text_table("Changes between policy generations", &changes);
    if changes.height() == 0 {
        let dated =
            bench.profiles().iter().filter(|p| bench.documents_of(&p.actor).filter(|d| d.date.is_some()).count() >= 2).count();
        changes_table.empty = if dated == 0 {
            "Empty: no row has two dated documents, so no policy generations can be compared.".to_owned()
        } else {
            format!(
                "Empty: {dated} row(s) have two or more dated documents, but no area was added, dropped, or changed its score by 0.1 or more between them."
            )
        };
    }
    let mut areas_table = text_table("Areas", &bench.area_metrics()?);
    "Empty: the framework has no areas.".clone_into(&mut areas_table.empty);
    Ok(ReportData {
        title: format!("Integration policy coverage, {}", bench.framework),
        framework: bench.framework.clone(),
        areas: bench.areas.clone(),
        rows,
        order: order_name,
        dendrogram,
        map_area: options.map_area.clone(),
        tables: vec![metrics, areas_table, changes_table],
        notes,
        threshold: bench.threshold,
        outcomes,
    })
}

/// Page names, made unique by a number where two rows would share one.
fn unique_slugs(profiles: &[Profile]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    profiles
        .iter()
        .map(|p| {
            let base = slug(&p.actor);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

/// One row: its cells with their evidence, documents, priorities, gaps,
/// areas below its peers' median and nearest peers.
#[expect(clippy::too_many_arguments, reason = "the parts of one row, computed once by the caller")]
fn row(
    bench: &Benchmark,
    p: &Profile,
    slug: &str,
    area_ids: &[&str],
    group: String,
    peers_in_group: &[&Profile],
    profiles: &[Profile],
    slugs: &[String],
) -> ReportRow {
    let documents: Vec<_> = bench.documents_of(&p.actor).collect();
    let mappings: Vec<_> = bench.mappings_of(&p.actor).collect();
    let cells = area_ids
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let cells: Vec<_> =
                mappings.iter().filter_map(|m| m.coverage.iter().find(|c| c.area.as_str() == *area).map(|c| (m, c))).collect();
            let evidence_count = cells.iter().map(|(_, c)| c.evidence_count).sum();
            let pieces = cells.into_iter().flat_map(|(m, c)| c.evidence.iter().map(move |e| (m, e)));
            // Each sentence with a match, and whether it is shown.
            let mut sentences: HashMap<(&str, &str), bool> = HashMap::new();
            let mut evidence = Vec::new();
            for (m, e) in pieces {
                let next = sentences.len();
                if *sentences.entry((m.document.as_str(), &*e.sentence)).or_insert(next < EVIDENCE_SENTENCES) {
                    evidence.push(ReportEvidence {
                        document: m.document.to_string(),
                        term: std::sync::Arc::clone(&e.term),
                        text: e.text.clone(),
                        sentence: std::sync::Arc::clone(&e.sentence),
                        page: e.page,
                    });
                }
            }
            ReportCell { score: p.scores[i], covered: p.covered[i], evidence, evidence_count, sentence_count: sentences.len() }
        })
        .collect();
    let priorities = documents
        .iter()
        .zip(&mappings)
        .flat_map(|(d, m)| {
            let areas = m.areas_of_priorities(d.priorities.len());
            d.priorities.iter().zip(areas).enumerate().map(move |(i, ((title, level), areas))| ReportPriority {
                document: d.id.to_string(),
                title: title.clone(),
                level: level.as_str().to_owned(),
                areas: areas.into_iter().map(ToString::to_string).collect(),
                local: m.is_local(i),
            })
        })
        .take(PAGE_PRIORITIES)
        .collect();
    let priority_count = documents.iter().map(|d| d.priorities.len()).sum();
    let names = |idx: &[usize]| idx.iter().map(|&a| area_ids[a].to_owned()).collect::<Vec<_>>();
    let gaps: Vec<usize> = (0..area_ids.len()).filter(|&a| !p.covered[a]).collect();
    let index_of = |q: &Profile| profiles.iter().position(|r| std::ptr::eq(r, q));
    ReportRow {
        label: p.name().to_owned(),
        slug: slug.to_owned(),
        code: p.actor.code().map(ToString::to_string),
        country: p.actor.country().map(ToString::to_string),
        county: p.actor.county().map(ToOwned::to_owned),
        actor: p.actor.speaker().to_string(),
        group,
        breadth: breadth(p),
        documents: documents
            .iter()
            .map(|d| ReportDocument {
                id: d.id.to_string(),
                title: d.title.clone(),
                kind: d.kind.map_or_else(|| "unknown".to_owned(), |k| k.to_string()),
                date: d.date.map(|d| d.to_string()),
            })
            .collect(),
        cells,
        priorities,
        priority_count,
        gaps: names(&gaps),
        below_median: names(&below_peer_median(p, peers_in_group)),
        peers: nearest(profiles, p, PEERS)
            .into_iter()
            .filter_map(|(q, cosine, _)| {
                Some(ReportPeer {
                    label: q.name().to_owned(),
                    slug: slugs.get(index_of(q)?)?.clone(),
                    cosine: (cosine * 100.0).round() / 100.0,
                })
            })
            .collect(),
        outcomes: Vec::new(),
    }
}

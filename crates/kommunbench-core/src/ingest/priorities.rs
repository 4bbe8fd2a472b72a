//! The priorities a document states itself.
//!
//! Rules, in order:
//! 1. a priority heading (Delmål, Mål, Prioriterade områden, Fokusområden,
//!    Strategier, Åtgärder, ...) itemises its list items, `Label: text`
//!    lines and sub-headings; without items, the heading and its section
//!    are one priority (a vision, an overall goal, a goal);
//! 2. a list introduced by a sentence about areas, goals or strategies
//!    (`Totalt finns det sju prioriterade områden/strategier ...`, `Vi vill:`);
//! 3. an inline enumeration after a colon (`består av sju helheter:
//!    arbete, boende, ... samt säkerhet`);
//! 4. a listed priority whose title heads a later section takes that
//!    section as its body;
//! 5. failing any itemised priority, the document's substantive sections
//!    are its priorities;
//! 6. `Ansvarig:`, `Tidplan:`, `Indikator:` lines and action tables give
//!    actions their details.

use std::sync::LazyLock;

use regex::Regex;

use super::layout::word_count;
use crate::document::{ActionDetails, Block, BlockKind, Level, Priority, Span};

static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|följande)\s+(?:\p{L}+\s+)?(helheter|områden|fokusområden|insatsområden|målområden|utvecklingsområden|temaområden|delar|teman|mål|delmål|strategier|perspektiv|prioriteringar|hörnstenar|byggstenar)\s*:\s*([^.;]+)").unwrap()
});
static INTRO_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|följande)\b").unwrap());

fn number_word(word: &str) -> Option<usize> {
    let n = match word.to_lowercase().as_str() {
        "två" => 2,
        "tre" => 3,
        "fyra" => 4,
        "fem" => 5,
        "sex" => 6,
        "sju" => 7,
        "åtta" => 8,
        "nio" => 9,
        "tio" => 10,
        "elva" => 11,
        "tolv" => 12,
        other => other.parse().ok()?,
    };
    Some(n)
}

fn normalise(heading: &str) -> String {
    let lower = heading.trim().to_lowercase();
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    lower.trim_end_matches([':', '.', ' ']).to_owned()
}

/// The level of priorities under a heading, if it is a priority heading.
pub(crate) fn heading_level(heading: &str) -> Option<Level> {
    let h = normalise(heading);
    let starts = |p: &[&str]| p.iter().any(|w| h.starts_with(w));
    let contains = |p: &[&str]| p.iter().any(|w| h.contains(w));
    if starts(&["vision"]) {
        Some(Level::Vision)
    } else if starts(&["övergripande mål", "huvudmål", "övergripande målsättning"]) {
        Some(Level::OverallGoal)
    } else if starts(&["delmål"]) {
        Some(Level::SubGoal)
    } else if starts(&["åtgärder", "aktiviteter", "insatser", "handlingsplan", "åtgärdsplan"]) {
        Some(Level::Action)
    } else if starts(&["prioriter", "strategier", "helheter", "teman", "strategiska områden", "inriktning"])
        || contains(&["fokusområde", "insatsområde", "utvecklingsområde", "målområde", "temaområde", "prioriterade områden"])
    {
        Some(Level::PriorityArea)
    } else if h == "mål"
        || starts(&["mål ", "målsättning", "våra mål", "kommunens mål", "effektmål", "inriktningsmål"])
        || h.ends_with("s mål")
    {
        Some(Level::Goal)
    } else {
        None
    }
}

/// Headings that open background sections rather than priorities.
const BACKGROUND_STARTS: &[&str] = &[
    "inledning",
    "bakgrund",
    "syfte",
    "nuläge",
    "sammanfattning",
    "innehåll",
    "definition",
    "begrepp",
    "referens",
    "förord",
    "bilaga",
    "utgångspunkt",
    "övergripande utgångspunkt",
    "om ",
    "läs mer",
    "relaterad",
    "värdegrund",
    "kontakt",
    "uppföljning",
    "dokumentinformation",
    "giltighet",
    "vision",
    "lagstiftning",
    "styrdokument",
    "ansvar och",
    "programmet har",
];
const BACKGROUND_EXACT: &[&str] =
    &["ansvar", "styrning", "organisation", "revidering", "ordlista", "källor", "våga", "respekt", "stolthet"];

/// Section headings that frame a policy rather than state a priority.
fn is_background(heading: &str) -> bool {
    let h = normalise(heading);
    h.ends_with('?') || BACKGROUND_STARTS.iter().any(|s| h.starts_with(s)) || BACKGROUND_EXACT.contains(&h.as_str())
}

/// Detail labels of actions.
fn detail_key(label: &str) -> Option<&'static str> {
    let l = label.trim().to_lowercase();
    match l.as_str() {
        "ansvarig"
        | "ansvariga"
        | "ansvar"
        | "ansvariga parter"
        | "ansvarig part"
        | "ansvarig förvaltning"
        | "ansvarig nämnd" => Some("responsible"),
        "samarbetspartner" | "samarbetspartners" | "partner" | "partners" | "samverkanspartner" | "samverkanspartners"
        | "i samarbete med" => Some("partners"),
        "tidplan" | "tidtabell" | "tidsplan" | "tid" | "när" | "klart" => Some("timetable"),
        "indikator" | "indikatorer" | "mätare" | "nyckeltal" | "uppföljning" | "mått" => Some("indicators"),
        _ => None,
    }
}

fn add_detail(details: &mut ActionDetails, key: &str, value: &str) {
    let parts = || value.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    match key {
        "responsible" => details.responsible.extend(parts()),
        "partners" => details.partners.extend(parts()),
        "timetable" => details.timetable = Some(value.trim().to_owned()),
        _ => details.indicators.extend(parts()),
    }
}

struct Extractor<'a> {
    text: &'a str,
    blocks: &'a [Block],
    title: Option<usize>,
    out: Vec<Priority>,
    /// Whether a priority was itemised (not a whole section).
    itemised: bool,
    /// Blocks already turned into priorities or details.
    used: Vec<bool>,
}

/// Extracts the priorities from a document's blocks.
pub(crate) fn extract(text: &str, blocks: &[Block], title: Option<usize>) -> Vec<Priority> {
    let mut x = Extractor { text, blocks, title, out: Vec::new(), itemised: false, used: vec![false; blocks.len()] };
    x.priority_sections();
    x.introduced_lists();
    x.enumerations();
    x.action_tables();
    if !x.itemised {
        x.substantive_sections();
    }
    x.section_bodies();
    let mut out = x.out;
    // Document order; parents re-indexed after sorting.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].span.start);
    let position: Vec<usize> = {
        let mut p = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            p[old] = new;
        }
        p
    };
    for p in &mut out {
        p.parent = p.parent.map(|old| position[old]);
    }
    let mut sorted: Vec<Option<Priority>> = out.into_iter().map(Some).collect();
    order.iter().map(|&i| sorted[i].take().expect("each index once")).collect()
}

impl Extractor<'_> {
    fn heading(&self, i: usize) -> Option<u8> {
        match self.blocks[i].kind {
            BlockKind::Heading { level } if Some(i) != self.title => Some(level),
            _ => None,
        }
    }

    /// The blocks of the section that heading `i` opens.
    fn section(&self, i: usize) -> std::ops::Range<usize> {
        let level = self.heading(i).unwrap_or(2);
        let end = (i + 1..self.blocks.len())
            .find(|&j| self.heading(j).is_some_and(|l| l <= level) || Some(j) == self.title)
            .unwrap_or(self.blocks.len());
        i + 1..end
    }

    fn body_of(&self, range: std::ops::Range<usize>) -> (String, Option<Span>) {
        let body: Vec<&Block> = self.blocks[range]
            .iter()
            .take_while(|b| !matches!(b.kind, BlockKind::Heading { .. }))
            .filter(|b| {
                matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Quote | BlockKind::Labeled { .. })
            })
            .collect();
        let text = body
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Labeled { label } => format!("{label}: {}", b.text),
                _ => b.text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let span = body.iter().map(|b| b.span).reduce(Span::cover);
        (text, span)
    }

    fn push(&mut self, title: &str, body: String, level: Level, span: Span, body_span: Option<Span>) -> usize {
        self.out.push(Priority {
            title: title.trim().to_owned(),
            body,
            level,
            span,
            body_span,
            parent: None,
            details: ActionDetails::default(),
        });
        self.out.len() - 1
    }

    /// Rule 1 and rule 6 (detail lines).
    fn priority_sections(&mut self) {
        for i in 0..self.blocks.len() {
            let Some(level) = self.heading(i) else { continue };
            let Some(plevel) = heading_level(&self.blocks[i].text) else { continue };
            let section = self.section(i);
            let mut items = 0;
            let mut last: Option<usize> = None;
            for j in section.clone() {
                if self.used[j] {
                    continue;
                }
                let b = &self.blocks[j];
                match &b.kind {
                    BlockKind::ListItem { .. } => {
                        let title = b.text.clone();
                        last = Some(self.push(&title, String::new(), plevel, b.span, None));
                    }
                    BlockKind::Labeled { label } => {
                        if let (Some(key), Some(p)) = (detail_key(label), last) {
                            let text = b.text.clone();
                            add_detail(&mut self.out[p].details, key, &text);
                            self.used[j] = true;
                            continue;
                        }
                        let (label, text) = (label.clone(), b.text.clone());
                        let label_span = Span::new(b.span.start, b.span.start + label.len());
                        let body_span = self.locate(b.span, &text, b.span.start);
                        last = Some(self.push(&label, text, plevel, label_span, body_span));
                    }
                    BlockKind::Heading { level: sub } if *sub == level + 1 => {
                        let title = b.text.clone();
                        let (body, body_span) = self.body_of(self.section(j));
                        last = Some(self.push(&title, body, plevel, b.span, body_span));
                        self.used[j] = true;
                        items += 1;
                        continue;
                    }
                    _ => continue,
                }
                self.used[j] = true;
                items += 1;
            }
            if items > 0 {
                self.itemised = true;
            } else {
                let (body, body_span) = self.body_of(section);
                if !body.is_empty() || !self.has_paragraphs() {
                    let title = self.blocks[i].text.clone();
                    self.push(&title, body, plevel, self.blocks[i].span, body_span);
                    self.used[i] = true;
                }
            }
        }
    }

    fn has_paragraphs(&self) -> bool {
        self.blocks.iter().any(|b| b.kind == BlockKind::Paragraph)
    }

    /// Rule 2: lists introduced by a sentence about priorities.
    fn introduced_lists(&mut self) {
        let mut i = 0;
        while i < self.blocks.len() {
            let run_end = (i..self.blocks.len())
                .find(|&j| !matches!(self.blocks[j].kind, BlockKind::ListItem { .. }) || self.used[j])
                .unwrap_or(self.blocks.len());
            if run_end == i {
                i += 1;
                continue;
            }
            if let Some(level) = i.checked_sub(1).and_then(|p| intro_level(&self.blocks[p])) {
                for j in i..run_end {
                    let b = &self.blocks[j];
                    let title = b.text.clone();
                    self.push(&title, String::new(), level, b.span, None);
                    self.used[j] = true;
                }
                self.itemised = true;
            }
            i = run_end;
        }
    }

    /// Rule 3: `består av sju helheter: arbete, boende, ... samt säkerhet`.
    fn enumerations(&mut self) {
        for i in 0..self.blocks.len() {
            let b = &self.blocks[i];
            if b.kind != BlockKind::Paragraph || self.used[i] || !b.text.contains(':') {
                continue;
            }
            let Some(c) = ENUMERATION.captures(&b.text) else { continue };
            let expected = number_word(&c[1]);
            let Some(items) = split_enumeration(&c[3], expected) else { continue };
            let level = match c[2].to_lowercase().as_str() {
                "mål" => Level::Goal,
                "delmål" => Level::SubGoal,
                _ => Level::PriorityArea,
            };
            let span = b.span;
            let mut from = span.start;
            for item in items {
                let at = self.locate(span, &item, from).unwrap_or(span);
                from = at.end;
                self.push(&item, String::new(), level, at, None);
            }
            self.itemised = true;
        }
    }

    /// Rule 6: tables whose header names an action and its details.
    fn action_tables(&mut self) {
        let mut i = 0;
        while i < self.blocks.len() {
            let BlockKind::TableRow { cells } = &self.blocks[i].kind else {
                i += 1;
                continue;
            };
            let header: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
            let action_col =
                header.iter().position(|h| ["åtgärd", "åtgärder", "aktivitet", "insats", "insatser"].contains(&h.as_str()));
            let Some(action_col) = action_col else {
                i += 1;
                continue;
            };
            let keys: Vec<Option<&str>> = header.iter().map(|h| detail_key(h)).collect();
            let parent = self.out.iter().rposition(|p| p.level != Level::Action && p.span.start < self.blocks[i].span.start);
            let mut j = i + 1;
            while let Some(BlockKind::TableRow { cells }) = self.blocks.get(j).map(|b| &b.kind) {
                if let Some(action) = cells.get(action_col) {
                    let span = self.locate(self.blocks[j].span, action, self.blocks[j].span.start).unwrap_or(self.blocks[j].span);
                    let p = self.push(action, String::new(), Level::Action, span, None);
                    self.out[p].parent = parent;
                    for (cell, key) in cells.iter().zip(&keys) {
                        if let Some(key) = key {
                            add_detail(&mut self.out[p].details, key, cell);
                        }
                    }
                    self.used[j] = true;
                    self.itemised = true;
                }
                j += 1;
            }
            i = j;
        }
    }

    /// Rule 5: the substantive sections, when nothing was itemised.
    fn substantive_sections(&mut self) {
        let toc_only = !self.has_paragraphs();
        for i in 0..self.blocks.len() {
            if self.heading(i).is_none() || self.used[i] || is_background(&self.blocks[i].text) {
                continue;
            }
            let (body, body_span) = self.body_of(self.section(i));
            if body.is_empty() && !toc_only {
                continue;
            }
            let level = heading_level(&self.blocks[i].text).unwrap_or(Level::PriorityArea);
            let title = self.blocks[i].text.clone();
            self.push(&title, body, level, self.blocks[i].span, body_span);
            self.used[i] = true;
        }
    }

    /// Rule 4: a listed priority takes the body of its own section.
    fn section_bodies(&mut self) {
        for p in 0..self.out.len() {
            if !self.out[p].body.is_empty() {
                continue;
            }
            let wanted = normalise(&self.out[p].title);
            let found = (0..self.blocks.len()).find(|&i| {
                self.heading(i).is_some()
                    && self.blocks[i].span.start > self.out[p].span.start
                    && normalise(&self.blocks[i].text) == wanted
            });
            if let Some(i) = found {
                let (body, body_span) = self.body_of(self.section(i));
                self.out[p].body = body;
                self.out[p].body_span = body_span;
            }
        }
    }

    /// The span of `needle` inside `within`, searching from `from`.
    fn locate(&self, within: Span, needle: &str, from: usize) -> Option<Span> {
        let hay = self.text.get(from.max(within.start)..within.end)?;
        hay.find(needle).map(|at| {
            let start = from.max(within.start) + at;
            Span::new(start, start + needle.len())
        })
    }
}

/// The level of the items a paragraph introduces, if it introduces priorities.
fn intro_level(b: &Block) -> Option<Level> {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
        return None;
    }
    let lower = b.text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let announces = lower.trim_end().ends_with(':') || INTRO_NUMBER.is_match(&lower);
    let level = if has("delmål") {
        Level::SubGoal
    } else if has("åtgärder") || has("insatser") || has("aktiviteter") {
        Level::Action
    } else if [
        "prioriterade",
        "områden",
        "område",
        "strategier",
        "fokusområden",
        "insatsområden",
        "helheter",
        "prioriteringar",
        "teman",
    ]
    .iter()
    .any(|w| has(w))
        || lower.contains("vi vill")
        || lower.contains("vill vi")
    {
        Level::PriorityArea
    } else if has("mål") || has("målen") || has("målsättningar") {
        Level::Goal
    } else {
        return None;
    };
    announces.then_some(level)
}

/// Splits `arbete, boende, hälsa och välfärd, service för barn och unga
/// samt säkerhet` into its items; `expected` (from `sju`) settles whether a
/// final `och` separates items or belongs to one.
fn split_enumeration(list: &str, expected: Option<usize>) -> Option<Vec<String>> {
    let mut items: Vec<String> = list.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    let last = items.pop()?;
    let tail: Vec<String> = if let Some((a, b)) = last.split_once(" samt ") {
        vec![a.to_owned(), b.to_owned()]
    } else if let Some((a, b)) = last.rsplit_once(" och ") {
        if expected == Some(items.len() + 1) { vec![last.clone()] } else { vec![a.to_owned(), b.to_owned()] }
    } else {
        vec![last]
    };
    items.extend(tail.into_iter().map(|s| s.trim().to_owned()));
    let valid = items.len() >= 2 && items.iter().all(|i| !i.is_empty() && word_count(i) <= 8);
    valid.then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_the_level_of_their_items() {
        assert_eq!(heading_level("Delmål"), Some(Level::SubGoal));
        assert_eq!(heading_level("Prioriterade områden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("3. Fokusområden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Mål och insatsområden"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Mål"), Some(Level::Goal));
        assert_eq!(heading_level("Övergripande mål"), Some(Level::OverallGoal));
        assert_eq!(heading_level("Vision"), Some(Level::Vision));
        assert_eq!(heading_level("Åtgärder 2024"), Some(Level::Action));
        assert_eq!(heading_level("Strategier:"), Some(Level::PriorityArea));
        assert_eq!(heading_level("Samverkan"), None);
        assert_eq!(heading_level("Målgrupp"), None);
    }

    #[test]
    fn enumerations_split_on_commas_and_the_last_samt() {
        let items = split_enumeration(
            "arbete, boende, utbildning, hälsa och välfärd, sociala relationer och kontakter, service för barn och unga samt säkerhet",
            Some(7),
        )
        .unwrap();
        assert_eq!(
            items,
            [
                "arbete",
                "boende",
                "utbildning",
                "hälsa och välfärd",
                "sociala relationer och kontakter",
                "service för barn och unga",
                "säkerhet"
            ]
        );
        assert_eq!(split_enumeration("arbete, språk och utbildning", Some(3)).unwrap(), ["arbete", "språk", "utbildning"]);
        assert_eq!(split_enumeration("arbete, språk och utbildning", Some(2)).unwrap(), ["arbete", "språk och utbildning"]);
        assert!(split_enumeration("en lång mening som inte alls är en uppräkning av något slag här", None).is_none());
    }

    #[test]
    fn intro_sentences_announce_lists() {
        let p = |t: &str| Block { kind: BlockKind::Paragraph, text: t.into(), span: Span::new(0, 0) };
        assert_eq!(
            intro_level(&p("Totalt finns det sju prioriterade områden/strategier där ansträngningar ska göras.")),
            Some(Level::PriorityArea)
        );
        assert_eq!(intro_level(&p("Vi vill:")), Some(Level::PriorityArea));
        assert_eq!(intro_level(&p("Kommunens delmål är:")), Some(Level::SubGoal));
        assert_eq!(intro_level(&p("Kommunen erbjuder bland annat:")), None);
        assert_eq!(intro_level(&p("Arbetet med prioriterade områden pågår.")), None);
    }
}

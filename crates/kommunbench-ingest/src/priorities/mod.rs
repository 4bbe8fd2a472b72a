//! The priorities a document states itself.
//!
//! Rules, in order (each priority records which one found it, [`Rule`]):
//! 1. a priority heading (`Delmål`, `Mål`, `Prioriterade områden`,
//!    `Fokusområden`, `Strategier`, `Åtgärder`, ...) itemises its list
//!    items, `Label: text` lines and sub-headings; without items, the
//!    heading and its section are one priority (a vision, a goal);
//! 2. a list (or a run of `Label: text` lines) is a list of priorities
//!    when its introduction announces them (`Vi vill:`, `Kommunens mål
//!    är:`, `Kommunen ska se till att`, a heading such as `Vårt uppdrag`)
//!    or when it stands without an introduction; it is not when the
//!    introduction or its section says it is something else (a question
//!    heading, another authority, eligibility, course contents, starting
//!    points). Items nested under an item (by a change of marker) are its
//!    children;
//! 3. enumerations in running text (see [`enumeration`]);
//! 4. action tables (`Åtgärd`, `Ansvarig`, `Tidplan`, `Mätare` columns);
//! 5. failing any itemised priority, and when no list was ruled out, the
//!    document's substantive sections are its priorities;
//! 6. a priority whose title heads a later section takes that section as
//!    its body; the same title twice (a table of contents and its
//!    chapter, an enumeration repeated) is one priority;
//! 7. `Ansvarig:`, `Tidplan:`, `Indikator:` lines give actions their
//!    details.
//!
//! Every step is linear in the number of blocks: sections are found in
//! one pass with a stack, headings are looked up by title in a map.

mod cues;
mod enumeration;

use std::collections::HashMap;

use crate::layout::split_label;
use cues::Cue;
use kommunbench_core::{ActionDetails, Block, BlockKind, Level, Priority, Rule, Span};

/// A chapter heading as a title: without the letter of a lettered chapter.
fn chapter_title(heading: &str) -> String {
    LETTERED.replace(heading, "").into_owned()
}

/// `A. Text`, `B) Text`: a chapter lettered with a capital.
static LETTERED: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[A-ZÅÄÖ][.)]\s+").expect("lettered chapter pattern compiles"));

fn normalise(heading: &str) -> String {
    let lower = kommunbench_text::lowercase(heading.trim());
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    lower.trim_end_matches([':', '.', ' ']).to_owned()
}

/// The level of priorities under a heading, if it is a priority heading.
pub(crate) fn heading_level(heading: &str) -> Option<Level> {
    let h = normalise(heading);
    // `Så arbetar vi inom fokusområdena` tells how, `Vilka är målen?` asks.
    if h.starts_with("så ") || h.ends_with('?') {
        return None;
    }
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

/// Words that make a heading frame what follows: whose duty it is, how it
/// works, who it is for (`Kommunens ansvar`, `Så arbetar kommunen`, `För
/// dig som är nyanländ`).
const FRAMING_WORDS: &[&str] =
    &["ansvar", "ansvarsfördelning", "roll", "roller", "uppdrag", "myndigheter", "du", "dig", "din", "dina"];

/// A heading that names many priorities (`Fokusområden`, `Tre
/// prioriterade områden`, `Åtgärder`) announces them; without items of
/// its own it is not one priority.
fn announces_many(heading: &str) -> bool {
    cues::words(heading).iter().any(|w| {
        ["strategier", "åtgärder", "insatser", "aktiviteter", "prioriteringar", "teman", "helheter"].contains(&w.as_ref())
            || (w.ends_with("områden") || w.ends_with("områdena")) && cues::noun_level(w).is_some()
    })
}

/// Chapters whose lists frame the policy rather than state priorities:
/// introduction, background, starting points, follow-up, definitions.
fn frames_section(heading: &str) -> bool {
    const FRAMING_STEMS: &[&str] = &[
        "utgångspunkt",
        "bakgrund",
        "syfte",
        "inledning",
        "uppföljning",
        "definition",
        "begrepp",
        "nuläge",
        "lagstiftning",
        "styrdokument",
    ];
    let h = normalise(heading);
    h.ends_with('?')
        || BACKGROUND_STARTS.iter().any(|s| h.starts_with(s) && !matches!(*s, "vision" | "om " | "ansvar och" | "programmet har"))
        || BACKGROUND_EXACT.contains(&h.as_str())
        || cues::words(&h).iter().any(|w| FRAMING_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Section headings that frame a policy rather than state a priority.
fn is_background(heading: &str) -> bool {
    let h = normalise(heading);
    h.ends_with('?')
        || h.starts_with("så ")
        || BACKGROUND_STARTS.iter().any(|s| h.starts_with(s))
        || BACKGROUND_EXACT.contains(&h.as_str())
        || cues::words(&h).iter().any(|w| FRAMING_WORDS.contains(&w.as_ref()))
}

/// Detail labels of actions.
fn detail_key(label: &str) -> Option<&'static str> {
    let l = kommunbench_text::lowercase(label.trim());
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

/// Adds a detail; a value may hold further `Key: value` pairs on the same
/// line (`Arbetsmarknadsnämnden    Tidplan: 2024`).
fn add_detail(details: &mut ActionDetails, key: &str, value: &str) {
    let mut value = value;
    let mut rest: Option<(&'static str, &str)> = None;
    for (at, _) in value.match_indices(':') {
        let before = value[..at].trim_end();
        let label_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        // Two-word labels (`Ansvarig förvaltning:`) are looked up too.
        let two = before[..label_start].trim_end().rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let found = [label_start, two].into_iter().find_map(|from| detail_key(&before[from..]).map(|k| (from, k)));
        if let Some((from, next)) = found
            && from > 0
        {
            rest = Some((next, &value[at + 1..]));
            value = &value[..from];
            break;
        }
    }
    let parts = || value.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    match key {
        "responsible" => details.responsible.extend(parts()),
        "partners" => details.partners.extend(parts()),
        "timetable" => details.timetable = Some(value.trim().to_owned()),
        _ => details.indicators.extend(parts()),
    }
    if let Some((next, value)) = rest {
        add_detail(details, next, value);
    }
}

struct Extractor<'a> {
    text: &'a str,
    blocks: &'a [Block],
    /// Heading level of each block (`None` for other blocks and the title).
    level: Vec<Option<u8>>,
    /// For a heading, the end (exclusive) of the section it opens.
    section_end: Vec<usize>,
    /// The innermost heading above each block.
    enclosing: Vec<Option<usize>>,
    /// The priority a heading block became.
    from_heading: HashMap<usize, usize>,
    /// Whether the document has running text at all (a table of contents
    /// alone has none).
    has_paragraphs: bool,
    out: Vec<Priority>,
    /// Whether a priority was itemised (not a whole section).
    itemised: bool,
    /// Whether a list was ruled out as something other than priorities.
    rejected_list: bool,
    /// The blocks of the lists ruled out.
    rejected: Vec<std::ops::Range<usize>>,
    /// Blocks already turned into priorities or details.
    used: Vec<bool>,
}

/// Extracts the priorities from a document's blocks, and tells which
/// blocks lie outside the author's own policy (see [`Block::outside`]).
pub(crate) fn extract(text: &str, blocks: &[Block], title: Option<usize>) -> (Vec<Priority>, Vec<usize>) {
    let mut x = Extractor::new(text, blocks, title);
    x.priority_sections();
    x.counted_headings();
    x.lists();
    x.enumerations();
    x.labeled_runs();
    x.action_tables();
    x.chapters();
    if !x.itemised && !x.rejected_list {
        x.substantive_sections();
    }
    x.merge_same_titles();
    x.section_bodies();
    let outside = x.outside();
    let mut out = x.out;
    // Document order; parents re-indexed after sorting.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].span.start);
    let mut position = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    for p in &mut out {
        p.parent = p.parent.map(|old| position[old]);
    }
    let mut sorted: Vec<Option<Priority>> = out.into_iter().map(Some).collect();
    (order.iter().map(|&i| sorted[i].take().expect("each index once")).collect(), outside)
}

/// A title as the codebook writes it: no closing `.`, `,`, `;`, and no
/// numbered kind before it (`Mål 1 – Fler i arbete` is `Fler i arbete`).
fn clean_title(title: &str) -> &str {
    let title = title.trim();
    let title = KIND_PREFIX
        .find(title)
        .filter(|m| cues::kind_label(&title[..m.end()]).is_some() && m.end() < title.len())
        .map_or(title, |m| &title[m.end()..]);
    title.trim().trim_end_matches(['.', ',', ';']).trim_end()
}

/// `Mål 1 – `, `Fokusområde 2: `, `Delmål 1.3. `: a kind and its number
/// before a title (the kind is checked with [`cues::kind_label`]).
static KIND_PREFIX: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\p{L}+\s+\d{1,2}(?:\.\d{1,2})*\.?\s*[–—:.-]?\s+").expect("kind prefix pattern compiles")
});

/// Builds the patterns and cue lists of priority extraction (see
/// [`super::prepare_ingestion`]).
pub(super) fn prepare() {
    std::sync::LazyLock::force(&LETTERED);
    std::sync::LazyLock::force(&KIND_PREFIX);
    cues::prepare();
    enumeration::prepare();
}

/// Labels of a document's own facts, not of priorities (`Gäller:`,
/// `Ersätter:`, `Ansvarig nämnd:`), and decision stamps.
fn is_fact(text: &str) -> bool {
    let lower: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
    [
        "gäller",
        "ersätter",
        "ansvarig nämnd",
        "beslutad",
        "beslutat",
        "antagen",
        "antaget",
        "fastställd",
        "reviderad",
        "giltig",
        "diarienummer",
        "dokumenttyp",
        "dokumentägare",
        "målgrupp",
    ]
    .iter()
    .any(|k| lower.starts_with(k))
}

/// Markers of one kind nest at one depth: `1.` and `2.` alike, `a)` and
/// `b)` alike: the kind of the first character, and the last character.
fn marker_class(marker: &str) -> (char, char) {
    let first = marker.chars().next().unwrap_or(' ');
    let last = marker.chars().next_back().unwrap_or(' ');
    let kind = if first.is_ascii_digit() {
        '1'
    } else if first.is_alphabetic() && marker.chars().count() == 2 {
        'a'
    } else {
        first
    };
    (kind, last)
}

impl<'a> Extractor<'a> {
    fn new(text: &'a str, blocks: &'a [Block], title: Option<usize>) -> Self {
        let n = blocks.len();
        let level: Vec<Option<u8>> = (0..n)
            .map(|i| match blocks[i].kind {
                BlockKind::Heading { level } if Some(i) != title => Some(level),
                _ => None,
            })
            .collect();
        // Sections in one pass: a heading closes every open section of its level or deeper.
        let mut section_end = vec![n; n];
        let mut enclosing = vec![None; n];
        let mut open: Vec<usize> = Vec::new();
        for i in 0..n {
            let closes = if Some(i) == title { Some(0) } else { level[i] };
            if let Some(l) = closes {
                while let Some(&top) = open.last() {
                    if level[top].is_some_and(|t| t >= l) {
                        section_end[top] = i;
                        open.pop();
                    } else {
                        break;
                    }
                }
            }
            enclosing[i] = open.last().copied();
            if level[i].is_some() {
                open.push(i);
            }
        }
        let has_paragraphs = blocks.iter().any(|b| b.kind == BlockKind::Paragraph);
        Extractor {
            text,
            blocks,
            level,
            section_end,
            enclosing,
            from_heading: HashMap::new(),
            has_paragraphs,
            out: Vec::new(),
            itemised: false,
            rejected_list: false,
            rejected: Vec::new(),
            used: vec![false; n],
        }
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

    /// Adds a priority; the title loses closing punctuation, and its span
    /// with it where the source ends the same way.
    fn push(&mut self, title: &str, body: String, level: Level, rule: Rule, span: Span, body_span: Option<Span>) -> usize {
        let raw = title.trim();
        let clean = clean_title(raw);
        // `clean` is a slice of `raw`: what was cut before and after it.
        let offset = clean.as_ptr() as usize - raw.as_ptr() as usize;
        let (lead, cut) = (&raw[..offset], &raw[offset + clean.len()..]);
        let mut span = span;
        if let Some(source) = self.text.get(span.range()) {
            if !cut.is_empty() && source.trim_end().ends_with(cut) {
                span.end = span.start + source.trim_end().len() - cut.len();
            }
            if !lead.is_empty() && source.starts_with(lead) {
                span.start += lead.len();
            }
        }
        self.out.push(Priority {
            title: clean.to_owned(),
            body,
            level,
            rule,
            span,
            body_span,
            parent: None,
            details: ActionDetails::default(),
        });
        self.out.len() - 1
    }

    fn section(&self, i: usize) -> std::ops::Range<usize> {
        i + 1..self.section_end[i]
    }

    /// Rule 1, counted: a sentence or heading that counts priorities
    /// (`Tre prioriterade områden`) with no list or enumeration of them is
    /// followed by that many headings, one per priority.
    fn counted_headings(&mut self) {
        for i in 0..self.blocks.len() {
            let block = &self.blocks[i];
            if self.used[i] || !matches!(block.kind, BlockKind::Heading { .. } | BlockKind::Paragraph) {
                continue;
            }
            // The first heading after it, within two blocks (looked for
            // first: most blocks have none, and reading the count costs more).
            let Some(first) = (i + 1..(i + 3).min(self.blocks.len())).find(|&j| self.level[j].is_some()) else { continue };
            if (i + 1..first).any(|j| !matches!(self.blocks[j].kind, BlockKind::Paragraph)) {
                continue;
            }
            let Some((n, level)) = cues::counted(&block.text) else { continue };
            if !enumeration::find(&block.text).is_empty() {
                continue;
            }
            let depth = self.level[first];
            let mut found = Vec::new();
            let mut j = first;
            while j < self.blocks.len() && found.len() < n {
                match self.level[j] {
                    Some(l) if Some(l) == depth => {
                        let h = &self.blocks[j].text;
                        if self.used[j] || is_background(h) || cues::heading_excludes(h) {
                            break;
                        }
                        found.push(j);
                    }
                    Some(l) if depth.is_some_and(|d| l < d) => break,
                    _ => {}
                }
                j += 1;
            }
            if found.len() != n {
                continue;
            }
            for h in found {
                let title = chapter_title(&self.blocks[h].text);
                let (body, body_span) = self.body_of(self.section(h));
                let p = self.push(&title, body, level, Rule::Chapter, self.blocks[h].span, body_span);
                self.from_heading.insert(h, p);
                self.used[h] = true;
            }
            self.itemised = true;
        }
    }

    /// Chapters over goals and measures: a numbered or lettered heading
    /// (`4. Skola och förskola`, `B. Svenska språket`) whose section holds
    /// `Mål:`/`Åtgärd:` lines or an action table is a priority area, and
    /// the parent of what its section holds.
    fn chapters(&mut self) {
        for h in 0..self.blocks.len() {
            if self.level[h].is_none() || self.used[h] {
                continue;
            }
            let heading = &self.blocks[h].text;
            let source = &self.text[self.blocks[h].span.range()];
            let lettered = LETTERED.is_match(heading);
            let numbered = source.starts_with(|c: char| c.is_ascii_digit());
            if !(numbered || lettered)
                || heading_level(heading).is_some()
                || frames_section(heading)
                || is_background(heading)
                || cues::heading_excludes(heading)
            {
                continue;
            }
            let end = self.section_end[h];
            let Some(last) = end.checked_sub(1).filter(|&l| l > h) else { continue };
            let within = Span::new(self.blocks[h + 1].span.start, self.blocks[last].span.end);
            let inside = |p: &Priority| p.span.start >= within.start && p.span.end <= within.end;
            if !self.out.iter().any(|p| inside(p) && matches!(p.rule, Rule::KindLabel | Rule::ActionTable)) {
                continue;
            }
            let title = chapter_title(heading);
            let (body, body_span) = self.body_of(self.section(h));
            let span = self.locate(self.blocks[h].span, &title, self.blocks[h].span.start).unwrap_or(self.blocks[h].span);
            let c = self.push(&title, body, Level::PriorityArea, Rule::Chapter, span, body_span);
            for p in 0..c {
                if self.out[p].parent.is_none() && inside(&self.out[p]) {
                    self.out[p].parent = Some(c);
                }
            }
            self.from_heading.insert(h, c);
            self.used[h] = true;
        }
    }

    /// Rule 1 (and rule 7 for detail lines under it).
    fn priority_sections(&mut self) {
        for i in 0..self.blocks.len() {
            let Some(level) = self.level[i] else { continue };
            let Some(plevel) = heading_level(&self.blocks[i].text) else { continue };
            let mut items = 0;
            let mut j = i + 1;
            let end = self.section_end[i];
            while j < end {
                if self.used[j] {
                    j += 1;
                    continue;
                }
                let b = &self.blocks[j];
                match &b.kind {
                    BlockKind::ListItem { .. } if self.enclosing[j] == Some(i) => {
                        let run = self.run_end(j);
                        items += self.take_list(j..run, plevel, Rule::PriorityHeading, None);
                        j = run;
                        continue;
                    }
                    BlockKind::Labeled { label } if self.enclosing[j] == Some(i) && detail_key(label).is_none() => {
                        self.push_labeled(j, plevel, Rule::PriorityHeading);
                        self.used[j] = true;
                        items += 1;
                        let details = self.details(j + 1, self.out.len() - 1);
                        j = details;
                        continue;
                    }
                    BlockKind::Heading { level: sub } if *sub == level + 1 => {
                        if heading_level(&b.text).is_none() {
                            let title = b.text.clone();
                            let (body, body_span) = self.body_of(self.section(j));
                            let p = self.push(&title, body, plevel, Rule::PriorityHeading, b.span, body_span);
                            self.from_heading.insert(j, p);
                            self.used[j] = true;
                            items += 1;
                        }
                        // Its contents belong to it: lists there become its children (rule 2).
                        j = self.section_end[j];
                        continue;
                    }
                    _ => {}
                }
                j += 1;
            }
            if items > 0 {
                self.itemised = true;
            } else if !announces_many(&self.blocks[i].text) {
                let (body, body_span) = self.body_of(self.section(i));
                if !body.is_empty() || !self.has_paragraphs {
                    let title = self.blocks[i].text.clone();
                    let p = self.push(&title, body, plevel, Rule::HeadingSection, self.blocks[i].span, body_span);
                    self.from_heading.insert(i, p);
                    self.used[i] = true;
                }
            }
        }
    }

    /// The end of the list run starting at `start`: its items and the
    /// detail lines (`Ansvarig: ...`) after them.
    fn run_end(&self, start: usize) -> usize {
        let mut j = start;
        while let Some(b) = self.blocks.get(j) {
            let fits = match &b.kind {
                BlockKind::ListItem { .. } => true,
                BlockKind::Labeled { label } => j > start && detail_key(label).is_some(),
                _ => false,
            };
            if !fits || self.used[j] {
                break;
            }
            j += 1;
        }
        j
    }

    /// Detail lines from `start` on, added to priority `p`; returns the
    /// first block after them.
    fn details(&mut self, start: usize, p: usize) -> usize {
        let mut j = start;
        while let Some(BlockKind::Labeled { label }) = self.blocks.get(j).map(|b| &b.kind) {
            let Some(key) = detail_key(label) else { break };
            if self.used[j] {
                break;
            }
            let text = self.blocks[j].text.clone();
            add_detail(&mut self.out[p].details, key, &text);
            self.used[j] = true;
            j += 1;
        }
        j
    }

    /// The items of a list run as priorities of `level`: a change of
    /// marker opens a nested level, a marker seen before closes it.
    /// Returns the number of top-level items.
    fn take_list(&mut self, run: std::ops::Range<usize>, level: Level, rule: Rule, parent: Option<usize>) -> usize {
        let mut markers: Vec<(char, char)> = Vec::new();
        let mut stack: Vec<usize> = Vec::new(); // the last priority at each depth
        let mut top = 0;
        let mut j = run.start;
        while j < run.end {
            let b = &self.blocks[j];
            let BlockKind::ListItem { marker } = &b.kind else {
                j += 1;
                continue;
            };
            let class = marker_class(marker);
            if let Some(depth) = markers.iter().position(|m| *m == class) {
                markers.truncate(depth + 1);
                stack.truncate(depth);
            } else {
                markers.push(class);
            }
            let depth = markers.len() - 1;
            let (item_level, item_rule, item_parent) = match stack.last() {
                Some(&up) if depth > 0 => (self.out[up].level.child(), Rule::NestedItem, Some(up)),
                _ => (level, rule, parent),
            };
            // `Språket först: Alla vuxna ...`: the label is the title, the
            // rest its body; a label that only names a kind gives the level.
            if is_fact(&b.text) {
                self.used[j] = true;
                j += 1;
                continue;
            }
            let labeled: Option<(String, String)> = split_label(&b.text).map(|(l, r)| (l.to_owned(), r.to_owned()));
            let span = b.span;
            let p = if let Some((label, rest)) = labeled {
                let rest_span = self.locate(span, &rest, span.start);
                if let Some(kind) = cues::kind_label(&label) {
                    self.push(&rest, String::new(), kind, item_rule, rest_span.unwrap_or(span), None)
                } else {
                    let label_span = self.locate(span, &label, span.start).unwrap_or(span);
                    self.push(&label, rest, item_level, item_rule, label_span, rest_span)
                }
            } else {
                let title = b.text.clone();
                self.push(&title, String::new(), item_level, item_rule, b.span, None)
            };
            self.out[p].parent = item_parent;
            self.used[j] = true;
            stack.truncate(depth);
            stack.push(p);
            if depth == 0 {
                top += 1;
            }
            j = self.details(j + 1, p);
        }
        top
    }

    /// What the block before `start` and the enclosing section say of the
    /// list or run of labels that starts there.
    fn introduction(&self, start: usize) -> Cue {
        if let Some(h) = self.enclosing[start] {
            let heading = &self.blocks[h].text;
            if cues::heading_excludes(heading) || self.used[h] && !self.from_heading.contains_key(&h) {
                return Cue::Not;
            }
            // Lists in an introduction, background or follow-up chapter
            // frame the policy (`2. Utgångspunkter`, `4. Uppföljning`).
            if frames_section(heading) {
                return Cue::Framing;
            }
        }
        let Some(intro) = start.checked_sub(1).map(|i| &self.blocks[i]) else { return Cue::Silent };
        match intro.kind {
            BlockKind::Heading { .. } => cues::scan(&intro.text, true),
            BlockKind::Paragraph | BlockKind::Quote => {
                let sentence = cues::last_sentence(&intro.text);
                if let Some(level) = cues::counted_level(sentence) {
                    Cue::Priority(level)
                } else if cues::announces(sentence) {
                    cues::scan(sentence, true)
                } else {
                    Cue::Silent
                }
            }
            _ => Cue::Silent,
        }
    }

    /// The parent a list in the section of `start` belongs to: the
    /// priority its section heading became.
    fn section_parent(&self, start: usize) -> Option<usize> {
        self.enclosing[start].and_then(|h| self.from_heading.get(&h).copied())
    }

    /// The level of items under `parent`: one below an itemised priority
    /// (a measure under a focus area); under a vision or goal section that
    /// is one block of text, the level their own cue gives.
    fn placed(&self, parent: Option<usize>, level: Level) -> Level {
        match parent.map(|p| &self.out[p]) {
            Some(p) if p.rule != Rule::HeadingSection => p.level.child(),
            _ => level,
        }
    }

    /// Rule 2: lists introduced as priorities, or standing alone.
    fn lists(&mut self) {
        let mut i = 0;
        while i < self.blocks.len() {
            if !matches!(self.blocks[i].kind, BlockKind::ListItem { .. }) || self.used[i] {
                i += 1;
                continue;
            }
            let run = self.run_end(i);
            let items = self.blocks[i..run].iter().filter(|b| matches!(b.kind, BlockKind::ListItem { .. })).count();
            let parent = self.section_parent(i);
            let placed = |level: Level| self.placed(parent, level);
            match self.introduction(i) {
                Cue::Not => {
                    self.rejected_list = true;
                    self.rejected.push(i..run);
                }
                Cue::Framing => self.rejected_list = true,
                Cue::Priority(level) => {
                    let level = placed(level);
                    self.take_list(i..run, level, Rule::IntroducedList, parent);
                    self.itemised = true;
                }
                Cue::Silent if items >= 2 => {
                    let level = placed(Level::PriorityArea);
                    self.take_list(i..run, level, Rule::StandaloneList, parent);
                    self.itemised = true;
                }
                Cue::Silent => {}
            }
            i = run.max(i + 1);
        }
    }

    /// A `Title: body` line as a priority: the title is the label, unless
    /// the label only names a kind (`Mål:`, `Åtgärd 2:`), when the text is
    /// the title and the label gives the level.
    fn push_labeled(&mut self, j: usize, level: Level, rule: Rule) -> usize {
        let b = &self.blocks[j];
        let BlockKind::Labeled { label } = &b.kind else { unreachable!("a labeled block") };
        let (label, text, span) = (label.clone(), b.text.clone(), b.span);
        let text_span = self.locate(span, &text, span.start);
        if let Some(kind) = cues::kind_label(&label) {
            return self.push(&text, String::new(), kind, Rule::KindLabel, text_span.unwrap_or(span), None);
        }
        let label_span = Span::new(span.start, span.start + label.len());
        self.push(&label, text, level, rule, label_span, text_span)
    }

    /// Rule 2 for runs of `Title: body` lines outside priority headings;
    /// a single line whose label names a kind (`Mål 2: ...`) is one too.
    fn labeled_runs(&mut self) {
        let mut i = 0;
        while i < self.blocks.len() {
            if !self.is_label(i) {
                i += 1;
                continue;
            }
            // A run of labels, with the detail lines (`Ansvarig:`) of each.
            let mut end = i + 1;
            while end < self.blocks.len() && (self.is_label(end) || self.is_detail(end)) {
                end += 1;
            }
            let labels: Vec<usize> = (i..end).filter(|&j| self.is_label(j)).collect();
            let kinds = labels
                .iter()
                .all(|&j| matches!(&self.blocks[j].kind, BlockKind::Labeled { label } if cues::kind_label(label).is_some()));
            let cue = self.introduction(i);
            let rule = match cue {
                Cue::Priority(_) => Some(Rule::IntroducedList),
                Cue::Silent if labels.len() >= 2 || kinds => Some(Rule::StandaloneList),
                _ => None,
            };
            if let Some(rule) = rule {
                let parent = self.section_parent(i);
                let level = match cue {
                    Cue::Priority(level) => level,
                    _ => Level::PriorityArea,
                };
                let level = self.placed(parent, level);
                for j in labels {
                    let p = self.push_labeled(j, level, rule);
                    self.out[p].parent = parent;
                    self.used[j] = true;
                    self.details(j + 1, p);
                }
                self.itemised = true;
            }
            i = end;
        }
    }

    /// An unused `Title: body` line that is not an action's detail nor a
    /// fact of the document (`Fakta:`, `Gäller:`).
    fn is_label(&self, j: usize) -> bool {
        matches!(&self.blocks[j].kind, BlockKind::Labeled { label }
            if detail_key(label).is_none() && !is_fact(label) && cues::scan(label, false) != Cue::Not)
            && !self.used[j]
    }

    /// An unused detail line (`Ansvarig: ...`).
    fn is_detail(&self, j: usize) -> bool {
        matches!(&self.blocks[j].kind, BlockKind::Labeled { label } if detail_key(label).is_some()) && !self.used[j]
    }

    /// Rule 3: enumerations in running text, quotations and `Label: text` lines.
    fn enumerations(&mut self) {
        for i in 0..self.blocks.len() {
            let b = &self.blocks[i];
            if self.used[i] {
                continue;
            }
            // A one-line `Strategin har fyra områden: a, b och c` reads as a label.
            let text = match &b.kind {
                BlockKind::Paragraph | BlockKind::Quote => b.text.clone(),
                // `Mål: a, b och c` is one goal (a kind label), not a list.
                BlockKind::Labeled { label } if cues::kind_label(label).is_none() => format!("{label}: {}", b.text),
                _ => continue,
            };
            let span = b.span;
            let parent = self.section_parent(i);
            for e in enumeration::find(&text) {
                let mut from = span.start;
                for range in e.items {
                    let item = &text[range.clone()];
                    // Where the block's text is the source's (one line), the
                    // offset is exact; else the first whole-word occurrence.
                    let exact = Span::new(span.start + range.start, span.start + range.end);
                    let at = if self.text.get(exact.range()) == Some(item) {
                        exact
                    } else {
                        self.locate_word(span, item, from).unwrap_or(span)
                    };
                    from = at.end.max(from);
                    let level = self.placed(parent, e.level);
                    let p = self.push(item, String::new(), level, Rule::Enumeration, at, None);
                    self.out[p].parent = parent;
                }
                self.itemised = true;
                if matches!(b.kind, BlockKind::Labeled { .. }) {
                    self.used[i] = true;
                }
            }
        }
    }

    /// Rule 4: tables whose header names an action and its details.
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
                    let p = self.push(action, String::new(), Level::Action, Rule::ActionTable, span, None);
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
        let toc_only = !self.has_paragraphs;
        for i in 0..self.blocks.len() {
            if self.level[i].is_none()
                || self.used[i]
                || is_background(&self.blocks[i].text)
                || cues::heading_excludes(&self.blocks[i].text)
            {
                continue;
            }
            let (body, body_span) = self.body_of(self.section(i));
            if body.is_empty() && !toc_only {
                continue;
            }
            let level = heading_level(&self.blocks[i].text).unwrap_or(Level::PriorityArea);
            let title = self.blocks[i].text.clone();
            let p = self.push(&title, body, level, Rule::Section, self.blocks[i].span, body_span);
            self.from_heading.insert(i, p);
            self.used[i] = true;
        }
    }

    /// The blocks outside the author's policy: sections headed by another
    /// authority, and the lists ruled out.
    fn outside(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.rejected.iter().flat_map(Clone::clone).collect();
        for i in 0..self.blocks.len() {
            let heading = &self.blocks[i].text;
            if self.level[i].is_some() && cues::words(heading).first().is_some_and(|w| cues::is_authority(w)) {
                out.extend(i..self.section_end[i]);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Rule 6: one priority per title. The first keeps its place; an empty
    /// body is filled from a later one.
    fn merge_same_titles(&mut self) {
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut target: Vec<usize> = Vec::with_capacity(self.out.len());
        let mut kept: Vec<Priority> = Vec::with_capacity(self.out.len());
        for p in std::mem::take(&mut self.out) {
            let key = kommunbench_text::title_key(&p.title);
            if let Some(&k) = first.get(&key) {
                if kept[k].body.is_empty() && !p.body.is_empty() {
                    kept[k].body = p.body;
                    kept[k].body_span = p.body_span;
                }
                target.push(k);
            } else {
                first.insert(key, kept.len());
                target.push(kept.len());
                kept.push(p);
            }
        }
        for (i, p) in kept.iter_mut().enumerate() {
            p.parent = p.parent.map(|old| target[old]).filter(|&t| t != i);
        }
        for h in self.from_heading.values_mut() {
            *h = target[*h];
        }
        self.out = kept;
    }

    /// Rule 6: a listed priority takes the body of its own section.
    fn section_bodies(&mut self) {
        let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
        for i in 0..self.blocks.len() {
            if self.level[i].is_some() {
                by_title.entry(kommunbench_text::title_key(&self.blocks[i].text)).or_default().push(i);
            }
        }
        for p in 0..self.out.len() {
            if !self.out[p].body.is_empty() {
                continue;
            }
            let Some(headings) = by_title.get(&kommunbench_text::title_key(&self.out[p].title)) else { continue };
            let after = self.out[p].span.start;
            let at = headings.partition_point(|&i| self.blocks[i].span.start <= after);
            if let Some(&i) = headings.get(at) {
                let (body, body_span) = self.body_of(self.section(i));
                self.out[p].body = body;
                self.out[p].body_span = body_span;
            }
        }
    }

    /// Like [`Self::locate`], but only a whole-word occurrence
    /// (`arbete` is not found in `arbetet`).
    fn locate_word(&self, within: Span, needle: &str, from: usize) -> Option<Span> {
        let mut at = from.max(within.start);
        while let Some(found) = self.locate(within, needle, at) {
            if kommunbench_text::starts_word(self.text, found.start) && kommunbench_text::ends_word(self.text, found.end) {
                return Some(found);
            }
            at = found.start + needle.chars().next().map_or(1, char::len_utf8);
        }
        None
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
    fn markers_of_one_kind_nest_at_one_depth() {
        assert_eq!(marker_class("1."), marker_class("12."));
        assert_eq!(marker_class("a)"), marker_class("b)"));
        assert_ne!(marker_class("1."), marker_class("a."));
        assert_ne!(marker_class("•"), marker_class("–"));
    }

    #[test]
    fn titles_lose_closing_punctuation_only() {
        assert_eq!(clean_title(" Arbete och studier. "), "Arbete och studier");
        assert_eq!(clean_title("Sollentuna är inte kravlös,"), "Sollentuna är inte kravlös");
        assert_eq!(clean_title("Språk (sfi)"), "Språk (sfi)");
    }
}

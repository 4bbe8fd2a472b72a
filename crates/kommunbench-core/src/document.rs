//! The structured model of one policy document.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::id::DocumentId;
use crate::municipality::Municipality;

/// A byte range `start..end` into [`PolicyDocument::text`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (clamped so that `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end: end.max(start) }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span that covers both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A calendar date, written and read as ISO 8601 `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A date that does not exist or is not written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{0}`: expected an existing date written YYYY-MM-DD")]
pub struct DateError(String);

impl Date {
    /// A validated date; `None` if the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1000..=9999).contains(&year)).then_some(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_owned());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let y = y.parse().map_err(|_| err())?;
        let m = m.parse().map_err(|_| err())?;
        let d = d.parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// An adopted policy (integrationspolicy).
    Policy,
    /// A strategy.
    Strategy,
    /// A programme (integrationsprogram, handlingsprogram).
    Programme,
    /// A plan (handlingsplan, integrationsplan).
    Plan,
    /// A political party's programme.
    PartyProgramme,
    /// A news item or press release.
    News,
    /// A municipal web page.
    #[default]
    WebPage,
}

impl DocumentKind {
    /// All kinds, in declaration order.
    pub const ALL: [DocumentKind; 7] =
        [Self::Policy, Self::Strategy, Self::Programme, Self::Plan, Self::PartyProgramme, Self::News, Self::WebPage];

    /// The snake-case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Policy => "policy",
            Self::Strategy => "strategy",
            Self::Programme => "programme",
            Self::Plan => "plan",
            Self::PartyProgramme => "party_programme",
            Self::News => "news",
            Self::WebPage => "web_page",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocumentKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            format!(
                "unknown document kind `{s}` (expected one of policy, strategy, programme, plan, party_programme, news, web_page)"
            )
        })
    }
}

/// Who speaks in a document: whose policy it states. A local party's
/// programme is not the municipality's policy, and a county board's or a
/// region's text is not a municipality's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Speaker {
    /// The municipality itself: its council, administration or web pages.
    #[default]
    Municipality,
    /// A political party, by its usual abbreviation (`M`, `KD`, `SFP`),
    /// or a local party by its name (`SJUKVÅRDSPARTIET`), in capitals.
    Party(String),
    /// A region, a county board (länsstyrelse), a regional council or, on
    /// Åland, the government of the province (landskapsregeringen): the
    /// county it speaks for, when the text names one.
    Region(Option<String>),
    /// The government, a ministry or a national authority.
    National,
    /// An association, a church, a union, a company or another
    /// organisation that is neither a party nor a public body.
    Organisation,
}

impl Speaker {
    /// Whether the municipality itself speaks.
    pub fn is_municipality(&self) -> bool {
        matches!(self, Speaker::Municipality)
    }
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Speaker::Municipality => f.write_str("municipality"),
            Speaker::Party(p) => write!(f, "party:{p}"),
            Speaker::Region(_) => f.write_str("region"),
            Speaker::National => f.write_str("national"),
            Speaker::Organisation => f.write_str("organisation"),
        }
    }
}

impl FromStr for Speaker {
    type Err = String;
    /// `municipality`, `region`, `region:COUNTY` (`region:Åland`),
    /// `national`, `organisation` or `party:ABBR` (`party:M`, or a local
    /// party's name, `party:Sjukvårdspartiet`), compared in capitals.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "municipality" => Ok(Speaker::Municipality),
            "region" => Ok(Speaker::Region(None)),
            "national" => Ok(Speaker::National),
            "organisation" => Ok(Speaker::Organisation),
            other if other.starts_with("region:") && other.len() > "region:".len() => {
                Ok(Speaker::Region(Some(other["region:".len()..].trim().to_owned())))
            }
            other => match other.strip_prefix("party:").map(str::trim) {
                Some(p)
                    if p.chars().next().is_some_and(char::is_alphabetic)
                        && p.chars().count() <= 40
                        && p.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-') =>
                {
                    Ok(Speaker::Party(p.to_uppercase()))
                }
                _ => Err(format!(
                    "unknown speaker `{s}` (expected municipality, region, region:COUNTY, national, organisation or party:ABBR such as party:M or party:NAME of a local party)"
                )),
            },
        }
    }
}

/// The dates a document carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dates {
    /// When the text was published.
    pub published: Option<Date>,
    /// When the policy was adopted by a decision body.
    pub adopted: Option<Date>,
    /// When the page or document was last updated or revised.
    pub updated: Option<Date>,
    /// When the file was made, as its own properties say (a PDF's
    /// `CreationDate`, a Word file's `dcterms:created`): for a page printed
    /// or saved by a user, the day it was printed, so never a publication
    /// date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_created: Option<Date>,
    /// When the file was last changed, as its own properties say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_modified: Option<Date>,
}

impl Dates {
    /// The date that best places the document in time: adoption, then
    /// publication, then the last update.
    pub fn effective(&self) -> Option<Date> {
        self.adopted.or(self.published).or(self.updated)
    }
}

/// The political decision behind a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Decision {
    /// The deciding body, e.g. `Kommunfullmäktige`.
    pub body: Option<String>,
    /// The decision's date.
    pub date: Option<Date>,
    /// The minutes paragraph, e.g. `§ 67`.
    pub paragraph: Option<String>,
    /// The diary number (diarienummer, beteckning), e.g. `KS 2016-178`.
    pub reference: Option<String>,
}

impl Decision {
    /// Whether nothing is known about the decision.
    pub fn is_empty(&self) -> bool {
        self.body.is_none() && self.date.is_none() && self.paragraph.is_none() && self.reference.is_none()
    }
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file it was read from (written to JSON lossily where the name
    /// is not UTF-8, so that output never breaks off on it).
    #[serde(serialize_with = "lossy_path")]
    pub path: Option<PathBuf>,
    /// The URL it was collected from, when known (from a manifest).
    pub url: Option<String>,
    /// The character encoding the file was decoded from.
    pub encoding: String,
    /// Byte offsets of invalid UTF-8 sequences in the file, each read as
    /// U+FFFD (a UTF-8 file with a few damaged bytes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub damaged: Vec<usize>,
    /// The language the file declares (an HTML page's `lang`), when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The file's format as told from its content: `text`, `HTML`, `PDF`,
    /// `DOCX`, `ODT`.
    #[serde(default = "text_format")]
    pub format: String,
    /// Where each page starts in [`PolicyDocument::text`] (byte offsets,
    /// page 1 first), for paged formats (PDF); empty for the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
    /// What the reader met that the text may show: a page that declares one
    /// encoding and is written in another, read in the one its bytes are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
}

fn text_format() -> String {
    "text".into()
}

impl Default for Source {
    fn default() -> Self {
        Source {
            path: None,
            url: None,
            encoding: "UTF-8".into(),
            damaged: Vec::new(),
            language: None,
            format: text_format(),
            pages: Vec::new(),
            caveats: Vec::new(),
        }
    }
}

impl Source {
    /// The page (1-based) that byte `offset` of the document's text stands
    /// on, for paged formats.
    ///
    /// ```
    /// use kommunbench_core::Source;
    ///
    /// let source = Source { pages: vec![0, 120, 300], ..Source::default() };
    /// assert_eq!(source.page_at(0), Some(1));
    /// assert_eq!(source.page_at(150), Some(2));
    /// assert_eq!(source.page_at(999), Some(3));
    /// assert_eq!(Source::default().page_at(5), None);
    /// ```
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        if self.pages.is_empty() {
            return None;
        }
        let page = self.pages.partition_point(|&start| start <= offset).max(1);
        u32::try_from(page).ok()
    }

    /// How many pages the file has, for paged formats.
    pub fn page_count(&self) -> Option<usize> {
        (!self.pages.is_empty()).then_some(self.pages.len())
    }
}

#[expect(clippy::ref_option, reason = "serde's serialize_with passes the field by reference")]
fn lossy_path<S: serde::Serializer>(path: &Option<PathBuf>, serializer: S) -> Result<S::Ok, S::Error> {
    match path {
        Some(p) => serializer.serialize_some(&p.to_string_lossy()),
        None => serializer.serialize_none(),
    }
}

/// What a block of content is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading; `level` 1 is the document title, 2 a section, deeper
    /// levels follow section numbering (`2.1` is level 3).
    Heading {
        /// Nesting level.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// An item of a bullet or numbered list.
    ListItem {
        /// The marker as written: `-`, `•`, `1.`, `a)`.
        marker: String,
    },
    /// A `Label: text` line, as in lists of sub-goals.
    Labeled {
        /// The part before the colon.
        label: String,
    },
    /// A quotation (a line opened by a dash, the Swedish quotation style).
    Quote,
    /// A row of a table, its cells separated by tabs.
    TableRow {
        /// The cells.
        cells: Vec<String>,
    },
}

/// One block of the document's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, with line breaks inside the block joined and markers removed.
    pub text: String,
    /// Where it stands in [`PolicyDocument::text`].
    pub span: Span,
    /// Whether the block lies outside the author's own policy: a section
    /// about another authority (`Migrationsverket`, `Länsstyrelsen`), or a
    /// list that the priority rules ruled out (eligibility, course
    /// contents, another actor's duties, starting points). It stays in the
    /// content; mappers leave it out of document coverage.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside: bool,
    /// The page it starts on, for paged formats (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Why a line was left out of the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// Menus, breadcrumbs, skip links, share buttons.
    Navigation,
    /// Feedback forms and their prompts.
    Feedback,
    /// Contact blocks and page owners.
    Contact,
    /// Branding slogans and footer text after the page's end.
    Footer,
    /// Publication or revision stamps (their dates are kept as metadata).
    Metadata,
    /// Page numbers, a paged file's running headers and footers, viewer
    /// and print noise.
    PageNoise,
    /// Image captions and alt texts.
    Image,
    /// Cookie notices, translation and read-aloud services, alerts and
    /// notices about the page's age: banners laid over a page.
    Banner,
}

/// A line left out of the content, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    /// Where it stands in [`PolicyDocument::text`].
    pub span: Span,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// The level of a priority in the policy's own hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Level {
    /// The vision.
    Vision,
    /// An overall goal (övergripande mål).
    OverallGoal,
    /// A goal (mål).
    Goal,
    /// A sub-goal (delmål).
    SubGoal,
    /// A priority or focus area (prioriterat område, fokusområde, helhet, strategi).
    PriorityArea,
    /// A concrete action (åtgärd, insats).
    Action,
    /// A duty the municipality (or the programme's owner) takes on: the
    /// items of `Kommunens ansvar`, `Vårt uppdrag`, `Kommunen ska:`.
    Responsibility,
}

impl Level {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vision => "vision",
            Self::OverallGoal => "overall_goal",
            Self::Goal => "goal",
            Self::SubGoal => "sub_goal",
            Self::PriorityArea => "priority_area",
            Self::Action => "action",
            Self::Responsibility => "responsibility",
        }
    }

    /// The level of the items nested under a priority of this level: goals
    /// have sub-goals, everything else has actions.
    #[must_use]
    pub fn child(self) -> Level {
        match self {
            Self::Vision | Self::OverallGoal | Self::Goal => Self::SubGoal,
            _ => Self::Action,
        }
    }
}

/// How a priority was found: the rule of the extractor that produced it,
/// so that a user can audit or filter them (see docs/ingestion.md, where
/// each rule is described, and `kommunbench-ingest`'s
/// `priorities/rules/`, where each is one module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// A list item, `Title: body` line or sub-heading under a priority
    /// heading (`Delmål`, `Fokusområden`, `3 Strategiska områden`).
    PriorityHeading,
    /// A priority heading with running text only is one priority itself
    /// (`Vision`, `Övergripande mål`).
    HeadingSection,
    /// One of the headings a sentence or heading counts (`Tre
    /// prioriterade områden` over three headed sections).
    CountedHeading,
    /// An item of an enumeration in running text (`fyra prioriterade
    /// områden: a, b, c och d`, `Fokusområdena är a, b och c`).
    Enumeration,
    /// An item of a list introduced by a sentence or heading that
    /// announces priorities (`Vi vill:`, `Kommunens mål är:`, `Kommunen
    /// ska se till att`).
    IntroducedList,
    /// An item of a list that stands without an introduction.
    StandaloneList,
    /// An action from a table with `Åtgärd` and `Ansvarig` columns.
    ActionTable,
    /// A numbered or lettered chapter whose section holds goals or
    /// measures (`4. Skola och förskola` over `Mål:` lines and an action
    /// table).
    Chapter,
    /// A substantive section, when the document itemises nothing.
    Section,
    /// A goal the author commits to in running prose (`Vi vill att alla
    /// ska lära sig svenska`, `Kommunen ska erbjuda praktikplatser`,
    /// `Därför prioriterar vi bostäder`).
    Commitment,
    /// A `Mål: text`, `Åtgärd 2: text` or `Fokusområde 1: text` line: the
    /// label names the kind, the text is the title.
    KindLabel,
    /// A list item nested under another priority (a measure under a goal).
    NestedItem,
}

impl Rule {
    /// Every rule: the passes in their order of application, then the
    /// rules applied to the items of lists.
    pub const ALL: [Rule; 12] = [
        Rule::PriorityHeading,
        Rule::HeadingSection,
        Rule::CountedHeading,
        Rule::Enumeration,
        Rule::IntroducedList,
        Rule::StandaloneList,
        Rule::ActionTable,
        Rule::Chapter,
        Rule::Section,
        Rule::Commitment,
        Rule::KindLabel,
        Rule::NestedItem,
    ];

    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PriorityHeading => "priority_heading",
            Self::HeadingSection => "heading_section",
            Self::CountedHeading => "counted_heading",
            Self::Enumeration => "enumeration",
            Self::IntroducedList => "introduced_list",
            Self::StandaloneList => "standalone_list",
            Self::ActionTable => "action_table",
            Self::Chapter => "chapter",
            Self::Section => "section",
            Self::Commitment => "commitment",
            Self::KindLabel => "kind_label",
            Self::NestedItem => "nested_item",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who does what, when, and how it is followed up: given for actions where
/// the text says so.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionDetails {
    /// Responsible parties (ansvarig, ansvariga parter).
    pub responsible: Vec<String>,
    /// Partners (samarbetspartner, partner).
    pub partners: Vec<String>,
    /// Timetable (tidtabell, tidplan).
    pub timetable: Option<String>,
    /// Indicators (indikator, mätare, uppföljning).
    pub indicators: Vec<String>,
}

impl ActionDetails {
    /// Whether the text gave none of the details.
    pub fn is_empty(&self) -> bool {
        self.responsible.is_empty() && self.partners.is_empty() && self.timetable.is_none() && self.indicators.is_empty()
    }
}

/// A priority, goal, focus area or action that the document states itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// The title as the codebook writes it (`Arbete och försörjning`):
    /// the item, heading or label without its list marker, a numbered kind
    /// before it (`Mål 1 – Fler i arbete` is `Fler i arbete`) and closing
    /// `.`, `,`, `;`; wrapped lines joined. The text as it stands in the
    /// document is at [`Priority::span`].
    pub title: String,
    /// The text that belongs to it: the rest of its line, or its section.
    pub body: String,
    /// Its level in the policy's hierarchy.
    pub level: Level,
    /// How it was found.
    pub rule: Rule,
    /// Where the title stands in [`PolicyDocument::text`], without the
    /// marker and closing punctuation that the title leaves out.
    pub span: Span,
    /// Where the body is, when it has one.
    pub body_span: Option<Span>,
    /// Index of the priority this one belongs to (an action under its area).
    pub parent: Option<usize>,
    /// Responsibility, timetable and indicators, for actions.
    #[serde(default, skip_serializing_if = "ActionDetails::is_empty")]
    pub details: ActionDetails,
}

impl Priority {
    /// Title and body as one text, which is what a mapper reads.
    pub fn full_text(&self) -> String {
        if self.body.is_empty() {
            self.title.clone()
        } else {
            format!("{}. {}", self.title.trim_end_matches(['.', ':']), self.body)
        }
    }
}

/// One municipal policy text, parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyDocument {
    /// Identifier within the corpus.
    pub id: DocumentId,
    /// The municipality whose policy this is, when recognised.
    pub municipality: Option<Municipality>,
    /// The title.
    pub title: String,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// Who speaks in it.
    #[serde(default, skip_serializing_if = "Speaker::is_municipality")]
    pub speaker: Speaker,
    /// The speaker's name as the text gives it, when it is not the
    /// municipality (`Länsstyrelsen Jämtlands län`, `Rädda Barnen`,
    /// `Moderaterna i Lomma`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_name: Option<String>,
    /// Its dates.
    pub dates: Dates,
    /// The decision behind it.
    #[serde(default, skip_serializing_if = "Decision::is_empty")]
    pub decision: Decision,
    /// Where it came from.
    pub source: Source,
    /// The decoded text with line endings normalised to `\n`; every span
    /// points into it.
    pub text: String,
    /// The content, page furniture removed.
    pub blocks: Vec<Block>,
    /// The priorities the document states itself, in document order.
    pub priorities: Vec<Priority>,
    /// The lines left out of the content, and why.
    pub dropped: Vec<Dropped>,
}

impl PolicyDocument {
    /// The source text of a span.
    ///
    /// Returns an empty string for a span that does not fit the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The content blocks' text joined by blank lines: what a mapper reads
    /// at document level.
    pub fn content(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        let d: Date = "2016-06-20".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2016, 6, 20));
        assert_eq!(d.to_string(), "2016-06-20");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2016-6-20".parse::<Date>().is_err());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2016-06-20\"");
    }

    #[test]
    fn effective_date_prefers_adoption() {
        let dates = Dates { published: Date::new(2023, 3, 13), adopted: Date::new(2023, 2, 20), ..Dates::default() };
        assert_eq!(dates.effective(), Date::new(2023, 2, 20));
    }

    #[test]
    fn kinds_parse_from_their_names() {
        for kind in DocumentKind::ALL {
            assert_eq!(kind.as_str().parse::<DocumentKind>().unwrap(), kind);
        }
        assert!("pamphlet".parse::<DocumentKind>().is_err());
    }

    #[test]
    fn a_priority_read_back_needs_its_rule() {
        let json = r#"{"title":"Arbete","body":"","level":"goal","span":{"start":0,"end":6},"body_span":null,"parent":null}"#;
        let err = serde_json::from_str::<Priority>(json).unwrap_err().to_string();
        assert!(err.contains("missing field `rule`"), "{err}");
        let with_rule = json.replacen('{', r#"{"rule":"counted_heading","#, 1);
        assert_eq!(serde_json::from_str::<Priority>(&with_rule).unwrap().rule, Rule::CountedHeading);
    }
}

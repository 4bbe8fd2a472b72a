//! The ingester: a file or a text in memory, read into a
//! [`PolicyDocument`] in one pass of stages (decoding or a format reader,
//! lines, layout and furniture, metadata, who speaks, the priority
//! rules).

use std::path::Path;

use kommunbench_core::{
    DocumentId, DropReason, Dropped, IdError, IngestError, Municipality, MunicipalityRegistry, PolicyDocument, Source, Span,
    Speaker, read_limited,
};

use crate::decode::decode;
use crate::{layout, metadata, priorities, speaker};

/// File extensions of plain text, read from a directory (files named
/// explicitly are read whatever their extension).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// A text converted from another format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The text in the shape the ingester reads: headings on lines of their
    /// own, list items with markers, paragraphs between blank lines, table
    /// cells separated by tabs.
    pub text: String,
    /// The format it came from (`HTML`, `PDF`, `DOCX`, `ODT`), recorded as
    /// [`Source::format`](kommunbench_core::Source::format).
    pub format: &'static str,
    /// Metadata the format carries apart from the text.
    pub meta: FormatMeta,
    /// Where each page starts in `text` (byte offsets), for paged formats.
    pub pages: Vec<usize>,
    /// Lines of `text` the format's layout shows to be page furniture
    /// (running headers and footers, page numbers): kept in the text, where
    /// they stand on the page, and left out of the content as
    /// [`DropReason::PageNoise`](kommunbench_core::DropReason::PageNoise).
    /// Byte ranges of whole lines.
    pub furniture: Vec<std::ops::Range<usize>>,
    /// What reading the file met that the text may show (see
    /// [`Source::caveats`](kommunbench_core::Source::caveats)): each becomes
    /// a warning of the corpus that names the file.
    pub caveats: Vec<String>,
}

/// What a file's format says about it apart from its text: a page's
/// `<meta>` dates, its site's name, its language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatMeta {
    /// Publication date.
    pub published: Option<kommunbench_core::Date>,
    /// Last modification.
    pub updated: Option<kommunbench_core::Date>,
    /// When the file was made, by its own properties (kept apart from
    /// `published`: a printed page's is the day it was printed).
    pub created: Option<kommunbench_core::Date>,
    /// When the file was last changed, by its own properties.
    pub modified: Option<kommunbench_core::Date>,
    /// The publisher's or site's name (`og:site_name`: `Åby kommun`): the
    /// municipality when the file name does not name one.
    pub site: Option<String>,
    /// The language the file declares (`sv`, `sv-FI`).
    pub language: Option<String>,
    /// The title the file's properties give (a PDF's or a Word file's
    /// `Title`), used when the text has none.
    pub title: Option<String>,
}

/// Turns a file of another format (HTML, PDF, Word) into text the
/// ingester reads. Core reads text only; the `kommunbench-formats` crate
/// implements this, and an [`IngesterBuilder::converter`] plugs it in.
pub trait Converter: Send + Sync + std::fmt::Debug {
    /// File extensions of its formats, read from directories besides the
    /// text ones (lower case, no dot).
    fn extensions(&self) -> &[&'static str];

    /// `None` when the bytes are not in its formats (they are read as
    /// text); `Some(Err(message))` when they are, but cannot be read.
    /// Formats are told by content, not by the file's name.
    fn convert(&self, bytes: &[u8]) -> Option<Result<Converted, String>>;
}

/// Reads raw texts into [`PolicyDocument`]s.
///
/// ```
/// use kommunbench_core::Level;
/// use kommunbench_ingest::Ingester;
///
/// let text = "Huvudmeny\n\nMål för integrationsarbete\n\n\
///             Kommunstyrelsen i Vaggeryds kommun har beslutat om mål.\n\n\
///             Delmål\n\n\
///             Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n";
/// let doc = Ingester::new().ingest_str("vaggeryd", text)?;
/// assert_eq!(doc.title, "Mål för integrationsarbete");
/// assert_eq!(doc.municipality.unwrap().code.as_str(), "0665");
/// assert_eq!(doc.priorities[0].title, "Arbete och försörjning");
/// assert_eq!(doc.priorities[0].level, Level::SubGoal);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ingester {
    registry: MunicipalityRegistry,
    max_file_size: u64,
    converter: Option<std::sync::Arc<dyn Converter>>,
}

impl Default for Ingester {
    fn default() -> Self {
        Self::new()
    }
}

/// Configures an [`Ingester`].
#[derive(Debug, Clone)]
pub struct IngesterBuilder {
    registry: Option<MunicipalityRegistry>,
    max_file_size: u64,
    converter: Option<std::sync::Arc<dyn Converter>>,
}

impl IngesterBuilder {
    /// Recognise municipalities from this registry instead of the built-in one.
    #[must_use]
    pub fn registry(mut self, registry: MunicipalityRegistry) -> Self {
        self.registry = Some(registry);
        self
    }

    /// Refuse files larger than this many bytes (default 64 MiB).
    #[must_use]
    pub fn max_file_size(mut self, bytes: u64) -> Self {
        self.max_file_size = bytes;
        self
    }

    /// Reads other formats through this converter (see [`Converter`]).
    #[must_use]
    pub fn converter(mut self, converter: std::sync::Arc<dyn Converter>) -> Self {
        self.converter = Some(converter);
        self
    }

    /// Builds the ingester.
    pub fn build(self) -> Ingester {
        Ingester {
            registry: self.registry.unwrap_or_else(MunicipalityRegistry::builtin),
            max_file_size: self.max_file_size,
            converter: self.converter,
        }
    }
}

impl Ingester {
    /// The default size limit for one file: 64 MiB.
    pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

    /// An ingester with the built-in registry and default limits.
    pub fn new() -> Ingester {
        Self::builder().build()
    }

    /// A builder to configure one.
    pub fn builder() -> IngesterBuilder {
        IngesterBuilder { registry: None, max_file_size: Self::DEFAULT_MAX_FILE_SIZE, converter: None }
    }

    /// The municipality registry in use.
    pub fn registry(&self) -> &MunicipalityRegistry {
        &self.registry
    }

    /// The size limit for one file, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size
    }

    /// The extensions of the files read from directories (lower case, no
    /// dot): the text ones, then the converter's.
    pub fn extensions(&self) -> Vec<&'static str> {
        let mut out = TEXT_EXTENSIONS.to_vec();
        if let Some(c) = &self.converter {
            out.extend(c.extensions().iter().copied().filter(|e| !out.contains(e)).collect::<Vec<_>>());
        }
        out
    }

    /// Whether files with this extension (lower case, no dot) are read
    /// from directories: the text ones, and the converter's.
    pub fn reads_extension(&self, extension: &str) -> bool {
        TEXT_EXTENSIONS.contains(&extension) || self.converter.as_ref().is_some_and(|c| c.extensions().contains(&extension))
    }

    /// Parses a text already in memory. Fails only on an invalid `id`.
    pub fn ingest_str(&self, id: &str, text: &str) -> Result<PolicyDocument, IdError> {
        let id = DocumentId::new(id)?;
        let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() };
        Ok(self.parse(id, text, Source::default(), None, &[]))
    }

    /// Reads and parses one file; its id is the file stem.
    pub fn ingest_file(&self, path: impl AsRef<Path>) -> Result<PolicyDocument, IngestError> {
        let path = path.as_ref();
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        self.ingest_file_as(path, &stem)
    }

    /// Reads and parses one file under the id `id`. Only a regular file is
    /// read, and never more than the size limit, whatever size the file
    /// system reports (a link to `/dev/zero` reports 0).
    pub fn ingest_file_as(&self, path: impl AsRef<Path>, id: &str) -> Result<PolicyDocument, IngestError> {
        let path = path.as_ref();
        let bytes = read_limited(path, self.max_file_size).map_err(|e| IngestError::reading(path, e))?;
        let id = DocumentId::new(id).map_err(|source| IngestError::Id { path: path.to_owned(), source })?;
        if let Some(converted) = self.converter.as_ref().and_then(|c| c.convert(&bytes)) {
            let converted = converted.map_err(|message| IngestError::Convert { path: path.to_owned(), message })?;
            let text = converted.text;
            let meta = converted.meta;
            let source = Source {
                path: Some(path.to_owned()),
                encoding: "UTF-8".into(),
                language: meta.language.clone(),
                format: converted.format.into(),
                pages: converted.pages,
                caveats: converted.caveats,
                ..Source::default()
            };
            let mut doc = self.parse(id, text, source, meta.site.as_deref(), &converted.furniture);
            // The text's own stamps come first; the format's fill the gaps.
            doc.dates.published = doc.dates.published.or(meta.published);
            doc.dates.updated = doc.dates.updated.or(meta.updated);
            doc.dates.file_created = meta.created;
            doc.dates.file_modified = meta.modified;
            if doc.title == doc.id.as_str()
                && let Some(title) = meta.title
            {
                doc.title = title;
            }
            return Ok(doc);
        }
        let decoded = decode(&bytes).map_err(|source| IngestError::Decode { path: path.to_owned(), source })?;
        let source = Source {
            path: Some(path.to_owned()),
            encoding: decoded.encoding.into(),
            damaged: decoded.damaged,
            ..Source::default()
        };
        Ok(self.parse(id, decoded.text, source, None, &[]))
    }

    fn parse(
        &self,
        id: DocumentId,
        text: String,
        source: Source,
        site: Option<&str>,
        furniture: &[std::ops::Range<usize>],
    ) -> PolicyDocument {
        // Page furniture a format marked stays in the document's text, where
        // it stands, but no rule reads it: the rules read a copy with those
        // lines blanked, every offset unchanged. Ranges off the text's
        // character boundaries are ignored.
        let furniture: Vec<&std::ops::Range<usize>> =
            furniture.iter().filter(|r| r.start < r.end && text.get((*r).clone()).is_some()).collect();
        let blanked = blank(&text, &furniture);
        let text_read: &str = &blanked;
        let lines = layout::lines(text_read);
        let meta = metadata::read(&lines);
        let mut layout = layout::layout(text_read, &lines);
        let title = layout.title.map_or_else(|| id.to_string(), |i| layout.blocks[i].text.clone());
        let content: String = layout.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
        let municipality = self.municipality(&id, &title, &content, site);
        let (mut speaker, speaker_name) = speaker::speaker(&title, text_read, municipality.as_ref().map(|m| m.name.as_str()));
        if speaker == Speaker::Region(None) {
            let counties = self.registry.counties();
            speaker = Speaker::Region(speaker::county_named(&title, text_read, &counties).map(str::to_owned));
        }
        let kind = metadata::kind(&meta, &title, &speaker);
        let (priorities, outside) = priorities::extract(text_read, &layout.blocks, layout.title, &speaker, &self.registry, kind);
        for i in outside {
            layout.blocks[i].outside = true;
        }
        if !source.pages.is_empty() {
            for block in &mut layout.blocks {
                block.page = source.page_at(block.span.start);
            }
        }
        if !furniture.is_empty() {
            let marked =
                furniture.iter().map(|r| Dropped { span: Span { start: r.start, end: r.end }, reason: DropReason::PageNoise });
            layout.dropped.extend(marked);
            layout.dropped.sort_by_key(|d| d.span.start);
        }
        drop(blanked);
        PolicyDocument {
            id,
            municipality,
            title,
            kind,
            speaker,
            speaker_name,
            dates: meta.dates,
            decision: meta.decision,
            source,
            blocks: layout.blocks,
            priorities,
            dropped: layout.dropped,
            text,
        }
    }

    /// From the file stem when it names one, else from the web site the
    /// page was saved from (`site`), else from the text.
    fn municipality(&self, id: &DocumentId, title: &str, content: &str, site: Option<&str>) -> Option<Municipality> {
        self.registry
            .by_file_stem(id.as_str())
            .or_else(|| site.and_then(|site| self.registry.recognise(site)))
            .or_else(|| self.registry.recognise(&format!("{title}\n{content}")))
            .cloned()
    }
}

/// `text` with the given ranges, on its character boundaries, blanked
/// (every byte a space, so offsets stay).
fn blank<'a>(text: &'a str, ranges: &[&std::ops::Range<usize>]) -> std::borrow::Cow<'a, str> {
    if ranges.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut blanked = text.to_owned();
    for r in ranges {
        // Whole characters become ASCII spaces: still UTF-8.
        blanked.replace_range((*r).clone(), &" ".repeat(r.len()));
    }
    std::borrow::Cow::Owned(blanked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kommunbench_core::{BlockKind, DocumentKind, Level};

    /// A converter that hands over a fixed text with its marked furniture.
    #[derive(Debug)]
    struct Marked(&'static str, &'static [&'static str]);

    impl Converter for Marked {
        fn extensions(&self) -> &[&'static str] {
            &["pdf"]
        }

        fn convert(&self, _: &[u8]) -> Option<Result<Converted, String>> {
            let furniture = self.1.iter().map(|line| self.0.find(line).map(|at| at..at + line.len()).unwrap()).collect();
            Some(Ok(Converted {
                text: self.0.into(),
                format: "PDF",
                meta: FormatMeta::default(),
                pages: Vec::new(),
                furniture,
                caveats: Vec::new(),
            }))
        }
    }

    #[test]
    fn marked_page_furniture_stays_in_the_text_and_no_rule_reads_it() {
        let text = "Region Testland – nyhetsbrev\n\nIntegrationsplan för Åby kommun\n\nÅby kommun ska:\n\n- erbjuda praktik\n- stärka språket\n\nKontakt: integration@aby.se\n\nSida 1 av 1\n";
        let ingester = Ingester::builder()
            .converter(std::sync::Arc::new(Marked(
                text,
                &["Region Testland – nyhetsbrev", "Kontakt: integration@aby.se", "Sida 1 av 1"],
            )))
            .build();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("aby.pdf"), b"%PDF-").unwrap();
        let doc = ingester.ingest_file(dir.path().join("aby.pdf")).unwrap();
        assert_eq!(doc.text, text);
        let dropped: Vec<(&str, DropReason)> = doc.dropped.iter().map(|d| (&text[d.span.start..d.span.end], d.reason)).collect();
        assert_eq!(
            dropped,
            [
                ("Region Testland – nyhetsbrev", DropReason::PageNoise),
                ("Kontakt: integration@aby.se", DropReason::PageNoise),
                ("Sida 1 av 1", DropReason::PageNoise)
            ]
        );
        // The running header names a region, but the municipality speaks.
        assert_eq!(doc.speaker, Speaker::Municipality);
        assert_eq!(doc.title, "Integrationsplan för Åby kommun");
        assert_eq!(doc.priorities.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["erbjuda praktik", "stärka språket"]);
    }

    #[test]
    fn a_caller_s_municipality_opens_a_goal_as_a_built_in_one_does() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("extra.csv");
        std::fs::write(&csv, "country,code,name,county,aliases\nSE,9999,Ekby,Testlän,\n").unwrap();
        let mut registry = MunicipalityRegistry::builtin();
        registry.extend_from_csv(&csv).unwrap();
        let text = "Integration i Ekby\n\nEkby ska vara en kommun där alla känner sig hemma.\n";
        let titles = |i: &Ingester| -> Vec<String> {
            i.ingest_str("sida", text).unwrap().priorities.into_iter().map(|p| p.title).collect()
        };
        assert_eq!(
            titles(&Ingester::builder().registry(registry).build()),
            ["Ekby ska vara en kommun där alla känner sig hemma"]
        );
        assert!(titles(&Ingester::new()).is_empty());
    }

    #[test]
    fn municipality_comes_from_the_stem_before_the_text() {
        let ingester = Ingester::new();
        let doc = ingester.ingest_str("eksjo-2020", "Integrationsplan\n\nSamarbete med Vetlanda kommun.\n").unwrap();
        assert_eq!(doc.municipality.unwrap().name, "Eksjö");
        let doc = ingester.ingest_str("plan", "Integrationsplan\n\nSamarbete med Vetlanda kommun.\n").unwrap();
        assert_eq!(doc.municipality.unwrap().name, "Vetlanda");
    }

    #[test]
    fn crlf_text_keeps_valid_spans() {
        let doc = Ingester::new()
            .ingest_str("x", "Integrationspolicy\r\n\r\nPrioriterade områden\r\n\r\n- Arbete\r\n- Bostäder\r\n")
            .unwrap();
        assert_eq!(doc.priorities.len(), 2);
        for p in &doc.priorities {
            assert_eq!(doc.slice(p.span), p.title);
        }
    }

    #[test]
    fn actions_carry_responsible_parties_timetable_and_indicators() {
        let text = "Handlingsplan för integration\n\nArbete och försörjning\n\nKommunen ska arbeta för att fler nyanlända får arbete.\n\nÅtgärder\n\n- Språkpraktik inom kommunens verksamheter\nAnsvarig: Arbetsmarknadsenheten\nSamarbetspartner: Arbetsförmedlingen, Företagarna\nTidplan: 2024–2025\nIndikator: Antal praktikplatser\n- Mentorskap för nyanlända företagare\nAnsvarig: Näringslivsenheten\n";
        let doc = Ingester::new().ingest_str("plan", text).unwrap();
        let actions: Vec<_> = doc.priorities.iter().filter(|p| p.level == Level::Action).collect();
        assert_eq!(actions.len(), 2, "{:#?}", doc.priorities);
        assert_eq!(actions[0].title, "Språkpraktik inom kommunens verksamheter");
        assert_eq!(actions[0].details.responsible, ["Arbetsmarknadsenheten"]);
        assert_eq!(actions[0].details.partners, ["Arbetsförmedlingen", "Företagarna"]);
        assert_eq!(actions[0].details.timetable.as_deref(), Some("2024–2025"));
        assert_eq!(actions[0].details.indicators, ["Antal praktikplatser"]);
        assert_eq!(actions[1].details.responsible, ["Näringslivsenheten"]);
        assert_eq!(doc.kind, DocumentKind::Plan);
    }

    #[test]
    fn action_tables_give_actions_under_their_area() {
        let text = "Integrationsprogram\n\nFokusområden\n\n- Språk\n\nSpråk\n\nAlla ska ges möjlighet att lära sig svenska.\n\nÅtgärd\tAnsvarig\tTidtabell\tMätare\nSfi med praktik\tVuxenutbildningen\t2024\tAndel som klarar kursen\n";
        let doc = Ingester::new().ingest_str("prog", text).unwrap();
        let action = doc.priorities.iter().find(|p| p.level == Level::Action).expect("an action");
        assert_eq!(action.title, "Sfi med praktik");
        assert_eq!(action.details.responsible, ["Vuxenutbildningen"]);
        assert_eq!(action.details.timetable.as_deref(), Some("2024"));
        assert_eq!(action.details.indicators, ["Andel som klarar kursen"]);
        let parent = action.parent.expect("under its area");
        assert_eq!(doc.priorities[parent].title, "Språk");
        assert_eq!(doc.priorities[parent].body, "Alla ska ges möjlighet att lära sig svenska.");
    }

    #[test]
    fn toc_only_document_yields_its_priority_entries() {
        let text = "Save this PDF as:\nWord\nePub\n\nIntegrationsprogram för Borlänge kommun 2022–2026\n\nInnehåll\n1. Inledning ........ 3\n2. Mål och insatsområden ....... 4\n2.1 Arbete och försörjning ....... 5\n2.2 Språk och utbildning ....... 7\n2.3 Boende och trygghet ....... 9\n3. Uppföljning ....... 11\n";
        let doc = Ingester::new().ingest_str("borlange", text).unwrap();
        let titles: Vec<_> = doc.priorities.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Arbete och försörjning", "Språk och utbildning", "Boende och trygghet"]);
        assert_eq!(doc.title, "Integrationsprogram för Borlänge kommun 2022–2026");
        assert_eq!(doc.kind, DocumentKind::Programme);
        assert!(!doc.blocks.iter().any(|b| b.text.contains("ePub") || b.text.contains("Save this")));
        assert!(doc.blocks.iter().all(|b| matches!(b.kind, BlockKind::Heading { .. })));
    }

    #[test]
    fn party_programme_demands_are_priorities() {
        let text = "Socialdemokraterna i Nässjö\n\nVårt integrationspolitiska program\n\nAlla som bor i Nässjö ska kunna försörja sig och känna sig hemma här.\n\nVi vill:\n- att fler nyanlända snabbt får jobb\n- att sfi kombineras med praktik\n- motverka segregationen i bostadsområdena\n";
        let doc = Ingester::new().ingest_str("s-nassjo", text).unwrap();
        assert_eq!(doc.kind, DocumentKind::PartyProgramme);
        assert_eq!(doc.priorities.len(), 3, "{:#?}", doc.priorities);
        assert_eq!(doc.priorities[1].title, "att sfi kombineras med praktik");
        assert_eq!(doc.municipality.unwrap().name, "Nässjö");
    }
}

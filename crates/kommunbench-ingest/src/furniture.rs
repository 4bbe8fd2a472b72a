//! Page furniture: the lines of a collected web page or PDF that are not
//! part of the policy (menus, feedback forms, contact blocks, stamps,
//! viewer noise).
//!
//! Rules work on single lines; the footer rule works on position: once a
//! page's feedback form or update stamp has started in the second half of
//! the text, nothing after it is policy.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use regex::RegexSet;

use kommunbench_core::DropReason;

use crate::page_number::{PageCount, PageNumber, ends_with_page_number, page_number};
use kommunbench_text::{Folded, fold_opening};

/// Whole lines (case-insensitive, trailing `:`/`?`/`!` ignored).
const EXACT: &[(&str, DropReason)] = &[
    ("huvudmeny", DropReason::Navigation),
    ("meny", DropReason::Navigation),
    ("stäng meny", DropReason::Navigation),
    ("öppna meny", DropReason::Navigation),
    ("visa meny", DropReason::Navigation),
    ("huvudgren", DropReason::Navigation),
    ("du är här", DropReason::Navigation),
    ("förbigå menyn", DropReason::Navigation),
    ("hoppa till innehållet", DropReason::Navigation),
    ("hoppa till huvudinnehållet", DropReason::Navigation),
    ("gå till innehållet", DropReason::Navigation),
    ("till innehållet", DropReason::Navigation),
    ("till toppen", DropReason::Navigation),
    ("till början av sidan", DropReason::Navigation),
    ("tillbaka", DropReason::Navigation),
    ("startsida", DropReason::Navigation),
    ("sök", DropReason::Navigation),
    ("sök på webbplatsen", DropReason::Navigation),
    ("lyssna", DropReason::Navigation),
    ("lättläst", DropReason::Navigation),
    ("teckenspråk", DropReason::Navigation),
    ("other languages", DropReason::Navigation),
    ("in english", DropReason::Navigation),
    ("på svenska", DropReason::Navigation),
    ("suomeksi", DropReason::Navigation),
    ("english", DropReason::Navigation),
    ("dela", DropReason::Navigation),
    ("dela sidan", DropReason::Navigation),
    ("skriv ut", DropReason::Navigation),
    ("skriv ut sidan", DropReason::Navigation),
    ("twitter", DropReason::Navigation),
    ("facebook", DropReason::Navigation),
    ("linkedin", DropReason::Navigation),
    ("instagram", DropReason::Navigation),
    ("youtube", DropReason::Navigation),
    ("relaterade sidor", DropReason::Navigation),
    ("relaterat", DropReason::Navigation),
    ("läs mer", DropReason::Navigation),
    ("ställ en fråga", DropReason::Contact),
    ("kontakt", DropReason::Contact),
    ("kontakta oss", DropReason::Contact),
    ("kontakta kommunen", DropReason::Contact),
    ("kontaktuppgifter", DropReason::Contact),
    ("kontaktperson", DropReason::Contact),
    ("kontaktcenter", DropReason::Contact),
    ("sidansvarig", DropReason::Contact),
    ("växel", DropReason::Contact),
    ("ansvarig för sidan", DropReason::Contact),
    ("skicka", DropReason::Feedback),
    ("senast uppdaterad", DropReason::Metadata),
    ("senast granskad", DropReason::Metadata),
    ("senast granskad/publicerad", DropReason::Metadata),
    ("sidan uppdaterad", DropReason::Metadata),
    ("publicerad", DropReason::Metadata),
    ("skapad", DropReason::Metadata),
    ("uppdaterad", DropReason::Metadata),
    ("ändrad", DropReason::Metadata),
    ("ämne", DropReason::Metadata),
    ("ämnen", DropReason::Metadata),
    ("ämnesord", DropReason::Metadata),
    ("dokumenttyp", DropReason::Metadata),
    ("kategori", DropReason::Metadata),
    ("kategorier", DropReason::Metadata),
    ("taggar", DropReason::Metadata),
    ("google translate", DropReason::Banner),
    ("translate", DropReason::Banner),
    ("se alla", DropReason::Navigation),
    ("läs också", DropReason::Navigation),
    ("se även", DropReason::Navigation),
    ("genvägar", DropReason::Navigation),
    ("snabblänkar", DropReason::Navigation),
    ("länkar", DropReason::Navigation),
    ("relaterade länkar", DropReason::Navigation),
    ("fler nyheter", DropReason::Navigation),
    ("upp", DropReason::Navigation),
    ("rss-linkki", DropReason::Navigation),
    ("rss-länk", DropReason::Navigation),
];

/// Line openings (case-insensitive).
const PREFIX: &[(&str, DropReason)] = &[
    ("dela sidan", DropReason::Navigation),
    ("dela på ", DropReason::Navigation),
    ("artikelkategorier", DropReason::Navigation),
    ("du är här:", DropReason::Navigation),
    ("läs mer om ", DropReason::Navigation),
    ("läs mer på ", DropReason::Navigation),
    ("läs mer här", DropReason::Navigation),
    ("bekanta dig med ", DropReason::Navigation),
    ("följ oss ", DropReason::Navigation),
    ("lyssna på sidan", DropReason::Navigation),
    ("hjälpte informationen dig", DropReason::Feedback),
    ("hjälpte sidan dig", DropReason::Feedback),
    ("var informationen till hjälp", DropReason::Feedback),
    ("var sidan till hjälp", DropReason::Feedback),
    ("fick du svar på", DropReason::Feedback),
    ("hittade du det du sökte", DropReason::Feedback),
    ("saknar du någon information", DropReason::Feedback),
    ("har du synpunkter på den här sidan", DropReason::Feedback),
    ("har du synpunkter på sidan", DropReason::Feedback),
    ("tyck till om", DropReason::Feedback),
    ("vad kan vi förbättra", DropReason::Feedback),
    ("tack för att du hjälper oss", DropReason::Feedback),
    ("tack för din feedback", DropReason::Feedback),
    ("fyll i formuläret", DropReason::Feedback),
    ("ditt namn", DropReason::Feedback),
    ("din e-postadress", DropReason::Feedback),
    ("din synpunkt", DropReason::Feedback),
    ("betygsätt sidan", DropReason::Feedback),
    ("obs! denna nyhet är från", DropReason::Metadata),
    ("obs! den här nyheten är från", DropReason::Metadata),
    ("senast uppdaterad", DropReason::Metadata),
    ("sidan senast uppdaterad", DropReason::Metadata),
    ("sida uppdaterad", DropReason::Metadata),
    ("sidan uppdaterad", DropReason::Metadata),
    ("senast granskad", DropReason::Metadata),
    ("senast ändrad", DropReason::Metadata),
    ("uppdaterad:", DropReason::Metadata),
    ("publicerad:", DropReason::Metadata),
    ("publicerad ", DropReason::Metadata),
    ("publicerat:", DropReason::Metadata),
    ("beteckning:", DropReason::Metadata),
    ("diarienummer", DropReason::Metadata),
    ("diarienr", DropReason::Metadata),
    ("dnr ", DropReason::Metadata),
    ("dnr:", DropReason::Metadata),
    ("dnr.", DropReason::Metadata),
    ("dokumentnamn", DropReason::Metadata),
    ("detta dokument gäller för", DropReason::Metadata),
    ("sidansvarig", DropReason::Contact),
    ("telefon:", DropReason::Contact),
    ("telefonnummer", DropReason::Contact),
    ("tel:", DropReason::Contact),
    ("tel.", DropReason::Contact),
    ("e-post:", DropReason::Contact),
    ("epost:", DropReason::Contact),
    ("mejl:", DropReason::Contact),
    ("besöksadress", DropReason::Contact),
    ("postadress", DropReason::Contact),
    ("växel:", DropReason::Contact),
    ("save this pdf as", DropReason::PageNoise),
    ("save this page as", DropReason::PageNoise),
    ("download pdf", DropReason::PageNoise),
    ("ladda ner", DropReason::PageNoise),
    ("beredning ", DropReason::Metadata),
    ("beredning:", DropReason::Metadata),
    ("föredragande:", DropReason::Metadata),
    ("föredragande ", DropReason::Metadata),
    ("texten uppdaterad", DropReason::Metadata),
    ("sidan uppdaterades", DropReason::Metadata),
    ("sidan kontrollerades", DropReason::Metadata),
    ("sidan granskades", DropReason::Metadata),
    ("varning för ", DropReason::Banner),
    ("translate this", DropReason::Banner),
    ("tappade uppkopplingen", DropReason::Banner),
    ("bild:", DropReason::Image),
    ("foto:", DropReason::Image),
    ("fotograf:", DropReason::Image),
    ("illustration:", DropReason::Image),
];

/// Phrases that make a whole line furniture wherever they stand in it:
/// banners laid over a page and the texts of links to files and other
/// sites. Banners are tried on lines of at most [`MAX_PHRASE_LINE_BYTES`],
/// link texts only on short lines ([`MAX_PATTERN_BYTES`]), so a paragraph
/// that ends with a link keeps its text.
const PHRASES: &[(&str, DropReason)] = &[
    ("använder cookies", DropReason::Banner),
    ("använda cookies", DropReason::Banner),
    ("godkänner du cookies", DropReason::Banner),
    ("accepterar du cookies", DropReason::Banner),
    ("statistikkakor", DropReason::Banner),
    ("använder kakor", DropReason::Banner),
    ("använda kakor", DropReason::Banner),
    ("google translate", DropReason::Banner),
    ("google to translate", DropReason::Banner),
    ("lyssna-tjänst", DropReason::Banner),
    ("readspeaker", DropReason::Banner),
    ("readitspeak", DropReason::Banner),
    ("nyhet är äldre än", DropReason::Banner),
    ("nyheten är äldre än", DropReason::Banner),
    ("innehållet därför kan vara inaktuellt", DropReason::Banner),
    ("öppnas i nytt fönster", DropReason::Navigation),
    ("länk till annan webbplats", DropReason::Navigation),
    ("länk till extern webbplats", DropReason::Navigation),
];

/// The longest line [`PHRASES`] are tried on: banners run to a few
/// sentences; policy paragraphs that merely mention a link are longer.
const MAX_PHRASE_LINE_BYTES: usize = 420;

/// The phrases as one automaton, ASCII case folded (the phrases' own
/// non-ASCII letters stand in lower case mid-sentence).
static PHRASE_MATCHER: LazyLock<Folded> = LazyLock::new(|| Folded::new(PHRASES.iter().map(|(phrase, _)| phrase)));

/// The longest line the patterns below are tried on, in bytes: page
/// numbers, addresses and adoption stamps are well under it.
const MAX_PATTERN_BYTES: usize = 160;

/// Lines that start the footer when they stand in the second half of a text.
const FOOTER_START: &[DropReason] = &[DropReason::Feedback, DropReason::Metadata, DropReason::Contact];

/// The prefixes as one anchored automaton; the first listed wins, as in a
/// scan of the list.
static PREFIXES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .build(PREFIX.iter().map(|(prefix, _)| prefix))
        .expect("furniture prefixes compile")
});

/// Characters of a line's opening that the lists above need.
const OPENING_CHARS: usize = 40;

/// The line patterns as one set, tried in one pass over a line; the first
/// pattern that matches gives the reason.
static PATTERNS: LazyLock<(RegexSet, Vec<DropReason>)> = LazyLock::new(|| {
    let patterns: &[(&str, DropReason)] = &[
        // PDF viewer options listed after "Save this PDF as".
        (r"(?i)^(epub|kindle|word|original|mobi|print|zoom( in| out)?|download|fullscreen)$", DropReason::PageNoise),
        // Adoption and revision stamps of a document header.
        (
            r"(?i)^(antagen|antaget|antagna|fastställd|fastställt|beslutad|beslutat|godkänd|godkänt|reviderad|reviderat)(?-u:\b).{0,80}\d{4}-\d{2}-\d{2}",
            DropReason::Metadata,
        ),
        // Minutes references of a council item: `Stadsstyrelsen 17.11.2025 § 487`.
        (r"(?i)^[\p{L}-]+(\s+[\p{L}-]+)?\s+(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*,?\s*§\s*\d+$", DropReason::Metadata),
        // A date alone on a line: a stamp of the page or the minutes.
        (r"^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})$", DropReason::Metadata),
        // Contact details: e-mail addresses, phone numbers.
        (r"^\S+@\S+\.\w{2,}$", DropReason::Contact),
        (r"^(\+46|\+358|0)[\d\s-]{6,}$", DropReason::Contact),
        // Image files and captions.
        (r"(?i)\.(jpe?g|png|gif|webp|svg)$", DropReason::Image),
        (r"(?i)^(kollage)?bild$", DropReason::Image),
        // Breadcrumbs: `Startsida / Kommun och politik / Integration`.
        (r"^(?:[^/›>»|]{1,40}\s[/›>»]\s){2,}[^/›>»|]{1,60}$", DropReason::Navigation),
        // Bare web addresses.
        (r"(?i)^(https?://|www\.)\S+$", DropReason::Navigation),
        // Links to files (`Läs strategin Pdf, 315 kB`, `Plan 2020 (pdf, 1 MB)`)
        // and to other sites (`Om ensamkommande barn (migrationsverket.se)`,
        // `Portalens webbplats`).
        (
            r"(?i)(?-u:\b)(pdf|docx?|xlsx?|pptx?|odt)(?-u:\b)\W{0,3}\d+([.,]\d+)?\s*(kb|mb|kib|mib)(?-u:\b)",
            DropReason::Navigation,
        ),
        (r"(?i)(?-u:\b)\d+([.,]\d+)?\s*(kb|mb)\)?\.?$", DropReason::Navigation),
        (r"(?i)\((www\.)?[a-z0-9-]+\.(se|fi|ax|nu|com|org|eu)\)$", DropReason::Navigation),
        (r"(?i)^(\S+\s+){0,3}(webbplats|hemsida|webbsida)\.?$", DropReason::Navigation),
        // Alt texts of photographs: `En kvinna och en man står ute på gatan`.
        (
            r"(?i)^(en|ett|två|tre|fyra|flera|några)\s+\w+(\s+och\s+(en|ett)\s+\w+)?\s+(står|sitter|går|ler|håller|tittar|pratar|samtalar|läser|skrattar|skriver|arbetar)(?-u:\b)",
            DropReason::Image,
        ),
    ];
    let set = RegexSet::new(patterns.iter().map(|(p, _)| p)).expect("furniture patterns compile");
    (set, patterns.iter().map(|(_, r)| *r).collect())
});

/// Builds the lists and patterns above (see [`super::prepare_ingestion`]).
pub(super) fn prepare() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&PREFIXES);
    LazyLock::force(&PHRASE_MATCHER);
}

/// Why `line` is page furniture, if it is.
///
/// ```
/// use kommunbench_core::DropReason;
/// use kommunbench_ingest::furniture_reason;
///
/// assert_eq!(furniture_reason("Hjälpte informationen dig?"), Some(DropReason::Feedback));
/// assert_eq!(furniture_reason("4 (4)"), Some(DropReason::PageNoise));
/// assert_eq!(furniture_reason("Arbete och studier"), None);
/// ```
pub fn furniture_reason(line: &str) -> Option<DropReason> {
    let line = line.trim();
    // Prefixes are short: only a line's opening is lower-cased.
    let (folded, whole) = fold_opening(line, OPENING_CHARS);
    let bare = folded.trim_end_matches([':', '?', '!', '.', ' ']);
    if whole && let Some((_, reason)) = EXACT.iter().find(|(text, _)| *text == bare) {
        return Some(*reason);
    }
    if let Some(m) = PREFIXES.find(Input::new(&folded).anchored(Anchored::Yes)) {
        return Some(PREFIX[m.pattern().as_usize()].1);
    }
    if line.len() <= MAX_PHRASE_LINE_BYTES
        && let Some(m) = PHRASE_MATCHER.find(line)
    {
        let reason = PHRASES[m.pattern().as_usize()].1;
        if reason == DropReason::Banner || line.len() <= MAX_PATTERN_BYTES {
            return Some(reason);
        }
    }
    // Page numbers, addresses and stamps are short; paragraphs skip the patterns.
    if line.len() > MAX_PATTERN_BYTES {
        return None;
    }
    // Page numbers (`4 (4)`, `12`, `- 3 -`, `Sida 2 av 9`), and running
    // headers and footers that end with one after a wide gap (`Nässjö
    // kommun      Integrationsprogram      5 (10)`). Four digits alone are
    // a year; `3 av 5` and `7/12` alone, a share or a date.
    let page = |n: PageNumber| n.digits <= 3 && (n.labelled || n.count != PageCount::Written);
    if page_number(line).is_some_and(page) || ends_with_page_number(line) {
        return Some(DropReason::PageNoise);
    }
    // Most short lines are no furniture: a search that stops at the first
    // match says so for less than one that finds every pattern's.
    let (set, reasons) = &*PATTERNS;
    if !set.is_match(line) {
        return None;
    }
    set.matches(line).iter().next().map(|i| reasons[i])
}

/// Whether a dropped line heads a block of links (`Relaterade sidor`,
/// `Läs också`): the short lines right under it are links too.
pub(crate) fn heads_links(line: &str) -> bool {
    let (folded, _) = fold_opening(line.trim(), OPENING_CHARS);
    let bare = folded.trim_end_matches([':', ' ']);
    [
        "relaterade sidor",
        "relaterat",
        "relaterade länkar",
        "läs också",
        "se även",
        "genvägar",
        "snabblänkar",
        "länkar",
        "fler nyheter",
    ]
    .contains(&bare)
}

/// Whether a dropped line of this kind starts the page footer.
pub(crate) fn starts_footer(reason: DropReason, line: &str) -> bool {
    if !FOOTER_START.contains(&reason) {
        return false;
    }
    // A publication stamp or a diary number opens a page as often as it
    // closes one; an update or review stamp, a form or a contact closes it.
    let (folded, _) = fold_opening(line.trim(), OPENING_CHARS);
    !(folded.starts_with("publicerad")
        || folded.starts_with("publicerat")
        || folded.starts_with("obs!")
        || folded.starts_with("beteckning")
        || folded.starts_with("dnr")
        || folded.starts_with("diarie")
        || folded.starts_with("dokumentnamn")
        || folded.starts_with("detta dokument"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_from_the_fixture_pages_is_recognised() {
        for (line, reason) in [
            ("Huvudmeny", DropReason::Navigation),
            ("Huvudgren:", DropReason::Navigation),
            ("Kontakt", DropReason::Contact),
            ("KONTAKT", DropReason::Contact),
            ("twitter", DropReason::Navigation),
            ("Ställ en fråga", DropReason::Contact),
            ("Dela sidan på sociala medier", DropReason::Navigation),
            ("Hjälpte informationen dig?", DropReason::Feedback),
            ("Saknar Du någon information?", DropReason::Feedback),
            ("Har du synpunkter på den här sidan, tar vi tacksamt emot dem.", DropReason::Feedback),
            ("Ditt namn:", DropReason::Feedback),
            ("Sida uppdaterad 2017-08-25", DropReason::Metadata),
            ("Senast granskad/publicerad:", DropReason::Metadata),
            ("Sidansvarig:", DropReason::Contact),
            ("Förbigå menyn", DropReason::Navigation),
            ("Artikelkategorier: Arkiv Nyheter", DropReason::Navigation),
            ("Kollagebild", DropReason::Image),
            ("Läs mer om vår vision", DropReason::Navigation),
            ("Bekanta dig med integrationsprogrammet: vaasa.fi/sv/integrationsprogram", DropReason::Navigation),
            ("4 (4)", DropReason::PageNoise),
            ("Save this PDF as:", DropReason::PageNoise),
            ("Sida 3 av 12", DropReason::PageNoise),
            ("ePub", DropReason::PageNoise),
            ("integration@vingaker.se", DropReason::Contact),
            ("0151-193 00", DropReason::Contact),
            ("Denna webbplats använder cookies. Genom att surfa vidare godkänner du det.", DropReason::Banner),
            ("Translate this page", DropReason::Banner),
            ("Dokumenttyp:", DropReason::Metadata),
            ("Observera att denna nyhet är äldre än ett år och att innehållet därför kan vara inaktuellt.", DropReason::Banner),
            ("Läs programmet Pdf, 1.2 MB, öppnas i nytt fönster.", DropReason::Navigation),
            ("Handlingsplan 2024 (pdf, 212 kB)", DropReason::Navigation),
            ("Om asyl (migrationsverket.se)", DropReason::Navigation),
            ("Föreningens webbplats", DropReason::Navigation),
            ("Två kvinnor sitter vid ett bord och samtalar", DropReason::Image),
            ("Beredning: integrationssamordnaren", DropReason::Metadata),
            ("Varning för halka på gångvägar", DropReason::Banner),
            ("Kommunstyrelsen 2024-03-11 § 52", DropReason::Metadata),
            ("Startsida / Kommun och politik / Integration", DropReason::Navigation),
            ("Åby kommun          Integrationsplan 2024–2027          5 (10)", DropReason::PageNoise),
            ("Integrationsstrategi    Sida 4 av 11", DropReason::PageNoise),
        ] {
            assert_eq!(furniture_reason(line), Some(reason), "{line}");
        }
    }

    #[test]
    fn policy_lines_are_not_furniture() {
        for line in [
            "Arbete och studier",
            "Samverkan",
            "Mål",
            "Delmål",
            "Kommunen ska erbjuda ett varierat utbud av boende.",
            "- Mera arbete och entreprenörskap",
            "Integrerade bostadsmiljöer: Vaggeryds kommuns nyanlända skall integreras.",
            "Kontakter i civilsamhället är nyckeln till integration.",
            "Publiceringen av statistik är en del av uppföljningen.",
            "2020",
            "En kvinna och en man i varje styrelse",
            "Arbete och webbplatser för nyanlända ska utvecklas tillsammans med föreningarna i kommunen.",
            "Uppdaterad kunskap om målgruppen",
            "Utbildning i svenska för invandrare (sfi) ges på Lärcentrum, där du också kan läsa vidare på gymnasial nivå eller ta del av studie- och yrkesvägledning. Läs mer på Lärcentrums hemsida Länk till annan webbplats, öppnas i nytt fönster.",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }

    #[test]
    fn only_closing_stamps_start_the_footer() {
        assert!(starts_footer(DropReason::Feedback, "Hjälpte informationen dig?"));
        assert!(starts_footer(DropReason::Metadata, "Senast granskad/publicerad:"));
        assert!(!starts_footer(DropReason::Metadata, "Publicerad: 2017-01-13"));
        assert!(!starts_footer(DropReason::Navigation, "Läs mer om vår vision"));
    }
}

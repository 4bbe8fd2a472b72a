//! Page furniture: the lines of a collected web page or PDF that are not
//! part of the policy (menus, feedback forms, contact blocks, stamps,
//! viewer noise).
//!
//! Rules work on single lines; the footer rule works on position: once a
//! page's feedback form or update stamp has started in the second half of
//! the text, nothing after it is policy. The words are the vocabulary's
//! (`[furniture]` in `data/vocabulary.toml`).

use aho_corasick::{Anchored, Input};
use kommunbench_core::DropReason;
use kommunbench_text::fold_opening;

use crate::page_number::{PageCount, PageNumber, ends_with_page_number, page_number};
use crate::patterns;
use crate::vocabulary::{has, opens};

/// The longest line phrases are tried on: banners run to a few
/// sentences; policy paragraphs that merely mention a link are longer.
const MAX_PHRASE_LINE_BYTES: usize = 420;

/// The longest line the patterns below are tried on, in bytes: page
/// numbers, addresses and adoption stamps are well under it. Link texts
/// among the phrases are tried only on lines this short, so that a
/// paragraph that ends with a link keeps its text.
const MAX_PATTERN_BYTES: usize = 160;

/// Lines that start the footer when they stand in the second half of a text.
const FOOTER_START: &[DropReason] = &[DropReason::Feedback, DropReason::Metadata, DropReason::Contact];

/// Characters of a line's opening that the lists need.
const OPENING_CHARS: usize = 40;

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
    let p = &patterns::furniture();
    if whole && let Some(reason) = p.lines.get(bare) {
        return Some(*reason);
    }
    if let Some(m) = p.openings.find(Input::new(&folded).anchored(Anchored::Yes)) {
        return Some(p.opening_reasons[m.pattern().as_usize()]);
    }
    if line.len() <= MAX_PHRASE_LINE_BYTES
        && let Some(m) = p.phrases.find(line)
    {
        let reason = p.phrase_reasons[m.pattern().as_usize()];
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
    if !p.set.is_match(line) {
        return None;
    }
    p.set.matches(line).iter().next().map(|i| p.set_reasons[i])
}

/// Whether a dropped line heads a block of links (`Relaterade sidor`,
/// `Läs också`): the short lines right under it are links too.
pub(crate) fn heads_links(line: &str) -> bool {
    let (folded, _) = fold_opening(line.trim(), OPENING_CHARS);
    let bare = folded.trim_end_matches([':', ' ']);
    has(&crate::vocabulary::vocabulary().furniture.link_headings, bare)
}

/// Whether a dropped line of this kind starts the page footer.
pub(crate) fn starts_footer(reason: DropReason, line: &str) -> bool {
    if !FOOTER_START.contains(&reason) {
        return false;
    }
    // A publication stamp or a diary number opens a page as often as it
    // closes one; an update or review stamp, a form or a contact closes it.
    let (folded, _) = fold_opening(line.trim(), OPENING_CHARS);
    !opens(&folded, &crate::vocabulary::vocabulary().furniture.page_openers)
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
            ("En grupp ungdomar", DropReason::Image),
            ("Två kvinnor vid ett bord", DropReason::Image),
            ("Beredning: integrationssamordnaren", DropReason::Metadata),
            ("Varning för halka på gångvägar", DropReason::Banner),
            ("Kommunstyrelsen 2024-03-11 § 52", DropReason::Metadata),
            ("2016-12-12 13:11", DropReason::Metadata),
            ("5.4.2022 kl. 9.02", DropReason::Metadata),
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
            "Fem personer ska anställas som språkstödjare",
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

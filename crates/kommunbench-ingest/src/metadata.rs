//! Metadata from the text: dates (ISO, Finnish `d.m.yyyy`, written out),
//! the decision body, minutes paragraph and diary number, the kind.

use kommunbench_core::{Date, Dates, Decision, DocumentKind, Speaker};
use kommunbench_text::{fold_opening, split_byte, words_at_most};

use crate::layout::Line;
use crate::patterns;
use crate::vocabulary::{opens, vocabulary};

/// All dates in a line, in order, with their byte offsets.
pub(crate) fn dates_in(line: &str) -> Vec<(usize, Date)> {
    let mut found = Vec::new();
    // Every form has a four-digit year.
    if line.bytes().filter(u8::is_ascii_digit).nth(3).is_none() {
        return found;
    }
    let p = &patterns::metadata();
    for c in p.iso_date.captures_iter(line) {
        if let Some(d) = Date::new(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0)) {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
        }
    }
    for c in p.finnish_date.captures_iter(line) {
        if let Some(d) = Date::new(c[3].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[1].parse().unwrap_or(0)) {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
        }
    }
    for c in p.written_date.captures_iter(line) {
        let name = kommunbench_text::lowercase(&c[2]);
        let month = vocabulary().metadata.months.iter().position(|m| *m == name).map_or(12, |i| i + 1);
        if let Some(d) = Date::new(c[3].parse().unwrap_or(0), month as u8, c[1].parse().unwrap_or(0)) {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found
}

fn first_date(line: &str) -> Option<Date> {
    dates_in(line).first().map(|(_, d)| *d)
}

/// `KF` → `Kommunfullmäktige`, `stadsfullmäktige` → `Stadsfullmäktige`.
fn body_name(raw: &str) -> String {
    if let Some(name) = vocabulary().metadata.body_abbreviations.get(raw) {
        return name.clone();
    }
    let mut chars = raw.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    let rest: String = chars.collect();
    // Genitive `Kommunstyrelsens` names the body too.
    let genitive = &vocabulary().metadata.body_genitive_ending;
    let rest = if rest.ends_with(genitive.as_str()) { rest.trim_end_matches('s').to_owned() } else { rest };
    first + &rest
}

/// An undated decision (`Kommunstyrelsen har beslutat ...`) is looked for
/// in the first lines only, where a page announces it.
const DECISION_LINES: usize = 60;

/// What the lines of a document say about its dates and decision.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub dates: Dates,
    pub decision: Decision,
    pub kind: Option<DocumentKind>,
    pub news: bool,
}

/// Reads metadata from every line of a text, furniture included (stamps
/// live there).
pub(crate) fn read(lines: &[Option<Line<'_>>]) -> Metadata {
    let v = &vocabulary().metadata;
    let p = &patterns::metadata();
    let mut meta = Metadata::default();
    let present: Vec<&Line<'_>> = lines.iter().flatten().collect();
    for (i, line) in present.iter().enumerate() {
        let text = line.text;
        // Stamps and labels sit at the start of a line: its opening is
        // folded to lower case only where a stamp or the document type
        // could stand (most lines open with another letter and hold no
        // `Dokumenttyp`).
        let stamp = text.chars().next().is_some_and(|c| {
            c.to_lowercase().next().and_then(|l| u8::try_from(l).ok()).is_some_and(|b| p.stamp_initials[usize::from(b)])
        });
        let lower = if stamp || p.doc_type_label.is_match(text) { fold_opening(text, 80).0 } else { String::new() };
        // A stamp whose date stands on the next line.
        let date_here_or_next = || {
            first_date(text)
                .or_else(|| present.get(i + 1).filter(|next| words_at_most(next.text, 2)).and_then(|next| first_date(next.text)))
        };
        if stamp {
            if opens(&lower, &v.published) {
                meta.dates.published = meta.dates.published.or_else(date_here_or_next);
            }
            if opens(&lower, &v.news)
                || lower.starts_with(v.news_category.line.as_str()) && lower.contains(v.news_category.name.as_str())
            {
                meta.news = true;
            }
            if opens(&lower, &v.updated) {
                meta.dates.updated = meta.dates.updated.or_else(date_here_or_next);
            }
        }
        // Cheap tests first: a reference opens a cell with its label (`b`
        // or `d`: the line is searched for one only then); an adoption
        // stamp is a short line that holds a four-digit year.
        let mut reference: Option<bool> = None;
        let doc_type = lower.contains(v.document_type_label.as_str());
        for cell in split_byte(text, b'\t').map(str::trim) {
            // A label's first letter, in either case (or a letter beyond ASCII).
            let may_open = cell.bytes().next().is_some_and(|b| {
                !b.is_ascii()
                    || v.reference_labels.iter().any(|l| l.as_bytes().first().is_some_and(|f| f.eq_ignore_ascii_case(&b)))
            });
            if may_open
                && *reference.get_or_insert_with(|| p.reference_labels.is_match(text))
                && let Some(c) = p.reference.captures(cell)
            {
                meta.decision.reference.get_or_insert_with(|| c[1].trim().to_owned());
            }
            if let Some(c) = doc_type.then(|| p.doc_type.captures(cell)).flatten() {
                meta.kind = meta.kind.or_else(|| kind_from_word(&c[1]));
            }
            if let Some(rest) = v.decided_by_labels.iter().find_map(|l| cell.strip_prefix(l.as_str())) {
                let rest = rest.trim_start_matches([':', ' ']);
                if !rest.is_empty() && meta.decision.body.is_none() {
                    meta.decision.body = Some(body_name(rest.split_whitespace().next().unwrap_or(rest)));
                }
            }
        }
        // Adoption: a short line (a stamp or a one-sentence notice) with
        // a decision verb and a date.
        let year = || text.bytes().filter(u8::is_ascii_digit).nth(3).is_some();
        if meta.dates.adopted.is_none() && words_at_most(text, 20) && year() && p.adoption.is_match(text) {
            for cell in split_byte(text, b'\t') {
                if p.adoption.is_match(cell)
                    && let Some(date) = first_date(cell)
                {
                    meta.dates.adopted = Some(date);
                    meta.decision.date = Some(date);
                    if let Some(body) = p.body.find(cell) {
                        meta.decision.body = Some(body_name(body.as_str()));
                    }
                    if let Some(p) = p.paragraph.captures(cell) {
                        meta.decision.paragraph = Some(format!("§ {}", &p[1]));
                    }
                    break;
                }
            }
        }
    }
    // A body that decided without a date: "Kommunstyrelsen har beslutat om mål".
    if meta.decision.body.is_none() {
        for line in present.iter().take(DECISION_LINES) {
            for sentence in line.text.split_inclusive(['.', '!', '?']) {
                if words_at_most(sentence, 25)
                    && p.adoption.is_match(sentence)
                    && let Some(body) = p.body.find(sentence)
                {
                    meta.decision.body = Some(body_name(body.as_str()));
                    break;
                }
            }
            if meta.decision.body.is_some() {
                break;
            }
        }
    }
    meta
}

/// The kind the first of the vocabulary's stems in `word` names.
fn kind_from_word(word: &str) -> Option<DocumentKind> {
    let w = word.to_lowercase();
    vocabulary().metadata.kinds.iter().find(|k| w.contains(k.stem.as_str())).map(|k| k.kind)
}

/// The kind of a document: stated in its header, else news markers, else a
/// party's programme when a party speaks, else the title's word (policy,
/// strategi, program, plan), else a web page.
pub(crate) fn kind(meta: &Metadata, title: &str, speaker: &Speaker) -> DocumentKind {
    if let Some(kind) = meta.kind {
        return kind;
    }
    if meta.news {
        return DocumentKind::News;
    }
    if matches!(speaker, Speaker::Party(_)) {
        return DocumentKind::PartyProgramme;
    }
    kind_from_word(&title.to_lowercase()).unwrap_or(DocumentKind::WebPage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::lines;

    fn meta(text: &str) -> Metadata {
        read(&lines(text))
    }

    /// Every reference label, in any case, passes the prefilter of
    /// references and is read.
    #[test]
    fn every_reference_label_passes_the_prefilter() {
        for label in &vocabulary().metadata.reference_labels {
            let capitalised: String = label.chars().take(1).flat_map(char::to_uppercase).chain(label.chars().skip(1)).collect();
            for form in [label.clone(), capitalised, label.to_uppercase()] {
                let m = meta(&format!("{form}: KS 2016-178\n"));
                assert_eq!(m.decision.reference.as_deref(), Some("KS 2016-178"), "{form}");
            }
        }
    }

    #[test]
    fn dates_in_iso_finnish_and_written_form() {
        let d = |s: &str| dates_in(s).into_iter().map(|(_, d)| d.to_string()).collect::<Vec<_>>();
        assert_eq!(d("Publicerad: 13.3.2023"), ["2023-03-13"]);
        assert_eq!(d("Antagen av kommunfullmäktige 2016-06-20, § 67"), ["2016-06-20"]);
        assert_eq!(d("beslutade den 5 juni 2019 och 1.12.2020"), ["2019-06-05", "2020-12-01"]);
        assert!(d("version 1.2.3 och 2023-02-30").is_empty());
    }

    #[test]
    fn adoption_stamp_gives_date_body_and_paragraph() {
        let m = meta("Antagen av kommunfullmäktige 2016-06-20, § 67\n\nBeteckning: KS 2016-178\n");
        assert_eq!(m.dates.adopted.unwrap().to_string(), "2016-06-20");
        assert_eq!(m.decision.body.as_deref(), Some("Kommunfullmäktige"));
        assert_eq!(m.decision.paragraph.as_deref(), Some("§ 67"));
        assert_eq!(m.decision.reference.as_deref(), Some("KS 2016-178"));
    }

    #[test]
    fn finnish_notice_of_approval() {
        let m = meta("Publicerad: 13.3.2023\n\nVasa stadsfullmäktige godkände integrationsprogrammet 20.2.2023.\n");
        assert_eq!(m.dates.published.unwrap().to_string(), "2023-03-13");
        assert_eq!(m.dates.adopted.unwrap().to_string(), "2023-02-20");
        assert_eq!(m.decision.body.as_deref(), Some("Stadsfullmäktige"));
    }

    #[test]
    fn stamps_with_the_date_on_the_next_line() {
        let m = meta("Senast uppdaterad:\n\n2017-01-13\n\nSidansvarig:\n");
        assert_eq!(m.dates.updated.unwrap().to_string(), "2017-01-13");
        let m = meta("Sida uppdaterad 2017-08-25");
        assert_eq!(m.dates.updated.unwrap().to_string(), "2017-08-25");
    }

    #[test]
    fn header_table_gives_kind_and_body() {
        let m = meta(
            "Dokumentnamn Integrationspolicy\tBeslutande Kommunfullmäktige\tDokumenttyp Policy\nFastställt KF 2016-06-20, § 67\tSenast reviderad\n",
        );
        assert_eq!(m.kind, Some(DocumentKind::Policy));
        assert_eq!(m.decision.body.as_deref(), Some("Kommunfullmäktige"));
        assert_eq!(m.dates.adopted.unwrap().to_string(), "2016-06-20");
    }

    #[test]
    fn long_sentences_about_older_plans_do_not_set_the_adoption() {
        let text = "Vingåkers kommun har en plan för integration och flyktingmottagande som antogs 2012-11-12 och ersatte det tidigare handlingsprogrammet antaget av kommunfullmäktige 1994-02-21 § 11.";
        assert_eq!(meta(text).dates.adopted, None);
    }

    #[test]
    fn undated_decision_names_the_body() {
        let m = meta("Kommunstyrelsen har beslutat om mål för integrationsarbetet i Vaggeryds kommun.");
        assert_eq!(m.decision.body.as_deref(), Some("Kommunstyrelsen"));
        assert_eq!(m.dates.adopted, None);
    }

    #[test]
    fn kinds_from_markers_and_titles() {
        let news = meta("Obs! Denna nyhet är från 2017-01-13 och kan vara inaktuell.");
        assert!(news.news);
        assert_eq!(news.dates.published.unwrap().to_string(), "2017-01-13");
        let municipality = Speaker::Municipality;
        assert_eq!(kind(&news, "Mål för integrationsarbete", &municipality), DocumentKind::News);
        let none = Metadata::default();
        assert_eq!(kind(&none, "Integrationsstrategi 2020–2025", &municipality), DocumentKind::Strategy);
        assert_eq!(kind(&none, "Handlingsplan för integration", &municipality), DocumentKind::Plan);
        assert_eq!(kind(&none, "Integration", &municipality), DocumentKind::WebPage);
        assert_eq!(kind(&none, "Integrationspolitiskt program", &Speaker::Party("S".to_owned())), DocumentKind::PartyProgramme);
    }
}

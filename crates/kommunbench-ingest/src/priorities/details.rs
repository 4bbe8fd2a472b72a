//! An action's details: who is responsible, with which partners, when,
//! and how it is followed up (`Ansvarig:`, `Samarbetspartner:`,
//! `Tidplan:`, `Indikator:` lines, or a table's columns).

use kommunbench_core::ActionDetails;

use crate::vocabulary::{has, vocabulary};

/// Which detail a label gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// `Ansvarig`, `Ansvariga parter`, `Ansvarig nämnd`.
    Responsible,
    /// `Samarbetspartner`, `I samarbete med`.
    Partners,
    /// `Tidplan`, `Tidtabell`, `När`.
    Timetable,
    /// `Indikator`, `Mätare`, `Nyckeltal`, `Uppföljning`.
    Indicators,
}

impl Detail {
    /// The detail a label (or a table's column heading) names.
    pub(crate) fn of(label: &str) -> Option<Detail> {
        let l = kommunbench_text::lowercase(label.trim());
        let d = &vocabulary().items.details;
        [
            (&d.responsible, Detail::Responsible),
            (&d.partners, Detail::Partners),
            (&d.timetable, Detail::Timetable),
            (&d.indicators, Detail::Indicators),
        ]
        .into_iter()
        .find(|(labels, _)| has(labels, &l))
        .map(|(_, detail)| detail)
    }
}

/// Adds a detail; a value may hold further `Key: value` pairs on the same
/// line (`Arbetsmarknadsnämnden    Tidplan: 2024`).
pub(crate) fn add(details: &mut ActionDetails, detail: Detail, value: &str) {
    let mut value = value;
    let mut rest: Option<(Detail, &str)> = None;
    for (at, _) in value.match_indices(':') {
        let before = value[..at].trim_end();
        let label_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        // Two-word labels (`Ansvarig förvaltning:`) are looked up too.
        let two = before[..label_start].trim_end().rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let found = [label_start, two].into_iter().find_map(|from| Detail::of(&before[from..]).map(|k| (from, k)));
        if let Some((from, next)) = found
            && from > 0
        {
            rest = Some((next, &value[at + 1..]));
            value = &value[..from];
            break;
        }
    }
    let parts = || value.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    match detail {
        Detail::Responsible => details.responsible.extend(parts()),
        Detail::Partners => details.partners.extend(parts()),
        Detail::Timetable => details.timetable = Some(value.trim().to_owned()),
        Detail::Indicators => details.indicators.extend(parts()),
    }
    if let Some((next, value)) = rest {
        add(details, next, value);
    }
}

#[cfg(test)]
mod tests {
    use super::{Detail, add};
    use kommunbench_core::ActionDetails;

    #[test]
    fn a_line_may_hold_several_details() {
        let mut d = ActionDetails::default();
        add(&mut d, Detail::Responsible, "Arbetsmarknadsnämnden, Socialnämnden    Tidplan: 2024–2025");
        assert_eq!(d.responsible, ["Arbetsmarknadsnämnden", "Socialnämnden"]);
        assert_eq!(d.timetable.as_deref(), Some("2024–2025"));
        assert_eq!(Detail::of(" Ansvarig förvaltning "), Some(Detail::Responsible));
        assert_eq!(Detail::of("Mål"), None);
    }
}

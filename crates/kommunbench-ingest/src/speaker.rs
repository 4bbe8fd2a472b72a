//! Who speaks in a text: a local party, a region or county board, the
//! state, or (by default) the municipality itself.
//!
//! The rules read the title and the head of the text, where a page or a
//! programme says whose it is:
//!
//! - a **party** speaks when it is named (`Moderaterna i Lomma`,
//!   `Liberalerna vill`, `vi kristdemokrater`, `en kristdemokratisk
//!   politik`) and the text speaks in the first person plural (`vi vill`,
//!   `vi anser`, `vår politik`) or the party wants (`Liberalerna vill`);
//!   the party named most often wins. A
//!   quoted politician's party in brackets (`(KD)`) is not a party's
//!   voice.
//! - a **region** speaks when the head names regional bodies and the
//!   county as its own (`landskapsregeringen`, `regionförbundet`, `den
//!   regionala utvecklingsnämnden`, `länets befolkning`) at least twice
//!   and more often than a municipality names itself (`kommunen`,
//!   `Vetlanda kommun`, `staden`). Municipal pages name the county board
//!   and `kommunerna i länet` as partners; those are not counted.
//! - the **state** speaks in a text titled as the government's
//!   (`Regeringens strategi`, not `Landskapsregeringens program`).

use kommunbench_core::Speaker;

use crate::patterns::{self, Mention};
use crate::vocabulary::vocabulary;

/// How much of the text is read, in characters: the title's page and the
/// opening paragraphs.
const HEAD_CHARS: usize = 2500;

/// The county a region's text names most often in its title and head:
/// one of `counties` (`Södermanlands län`, `Åland`) by its name, its name
/// without `län` (`Södermanland`, `Region Skåne`) or a common other name
/// (`Sörmland`).
pub(crate) fn county_named<'a>(title: &str, text: &str, counties: &[&'a str]) -> Option<&'a str> {
    let head = kommunbench_text::lowercase(&format!("{title}\n{}", head_of(text)));
    let mut best: Option<(usize, &'a str)> = None;
    for &county in counties {
        let lower = county.to_lowercase();
        let word = &vocabulary().speaker.county_word;
        let stem = lower.strip_suffix(&format!("s {word}")).or_else(|| lower.strip_suffix(&format!(" {word}"))).unwrap_or(&lower);
        let aliases = vocabulary().speaker.county_aliases.iter().filter(|a| a.county == county).map(|a| a.alias.as_str());
        let n: usize = std::iter::once(stem).chain(aliases).map(|form| mentions(&head, form)).sum();
        if n > 0 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, county));
        }
    }
    best.map(|(_, county)| county)
}

/// The first [`HEAD_CHARS`] characters of `text`, borrowed.
fn head_of(text: &str) -> &str {
    // A character starts at each byte that is not a continuation byte.
    let mut starts = text.bytes().enumerate().filter(|(_, b)| b & 0xC0 != 0x80);
    starts.nth(HEAD_CHARS).map_or(text, |(i, _)| &text[..i])
}

/// Who speaks in a text with `title`.
pub(crate) fn speaker(title: &str, text: &str) -> Speaker {
    let title = kommunbench_text::lowercase(title);
    let head = kommunbench_text::lowercase(head_of(text));
    let (t, h) = (Counts::of(&title), Counts::of(&head));
    let voiced = t.voice + h.voice + h.wants > 0;
    let party = vocabulary()
        .speaker
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| (h.party[i] + 2 * t.party[i], p.abbreviation.as_str()))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n);
    if let (true, Some((_, abbreviation))) = (voiced, party) {
        return Speaker::Party(abbreviation.to_owned());
    }
    if t.national > 0 {
        return Speaker::National;
    }
    let region = t.region + h.region;
    if region >= 2 && region > t.municipality + h.municipality {
        return Speaker::Region(None);
    }
    Speaker::Municipality
}

/// How often each kind of cue stands in a text.
struct Counts {
    voice: usize,
    /// Each party's mentions, in the vocabulary's order.
    party: Vec<usize>,
    wants: usize,
    region: usize,
    municipality: usize,
    national: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let patterns::Speaker { matcher, mentions } = patterns::speaker();
        let parties = vocabulary().speaker.parties.len();
        let mut counts = Counts { voice: 0, party: vec![0; parties], wants: 0, region: 0, municipality: 0, national: 0 };
        let starts_word = |i: usize| kommunbench_text::starts_word(text, i);
        let ends_word = |i: usize| kommunbench_text::ends_word(text, i);
        matcher.each(text.as_bytes(), |m, start, end| match mentions[m] {
            Mention::Voice => counts.voice += 1,
            Mention::Party(i) if starts_word(start) => counts.party[i] += 1,
            Mention::Members(i) if starts_word(start) && ends_word(end) => counts.party[i] += 1,
            Mention::Wants if starts_word(start) => counts.wants += 1,
            Mention::Region if starts_word(start) => counts.region += 1,
            Mention::Municipality if starts_word(start) && ends_word(end) => counts.municipality += 1,
            Mention::National if starts_word(start) => counts.national += 1,
            _ => {}
        });
        counts
    }
}

/// Occurrences of `form` that begin a word.
fn mentions(text: &str, form: &str) -> usize {
    text.match_indices(form).filter(|(i, _)| kommunbench_text::starts_word(text, *i)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(abbreviation: &str) -> Speaker {
        Speaker::Party(abbreviation.to_owned())
    }

    #[test]
    fn the_head_is_the_first_characters_not_bytes() {
        for text in ["", "kort", &"å".repeat(HEAD_CHARS + 7), &"aö€𝄞".repeat(HEAD_CHARS)] {
            let expected: String = text.chars().take(HEAD_CHARS).collect();
            assert_eq!(head_of(text), expected);
        }
    }

    #[test]
    fn a_party_speaks_when_named_in_the_first_person() {
        assert_eq!(speaker("Integration", "Vi moderater vill att fler nyanlända får jobb. Moderaterna i Åby."), party("M"));
        assert_eq!(speaker("Integration", "Liberalerna vill:\n- Flexibel sfi\n"), party("L"));
        assert_eq!(speaker("Integration", "En kristdemokratisk politik för integration. Vi vill se mångfald."), party("KD"));
        assert_eq!(speaker("Socialdemokraterna i Ekby", "Vi ska bygga ett tryggt Ekby."), party("S"));
        assert_eq!(speaker("Vårt program", "Svenska folkpartiet i Vasa. Vi vill att alla får lära sig svenska."), party("SFP"));
    }

    #[test]
    fn a_quoted_politician_or_a_party_without_a_voice_is_not_a_party_s_text() {
        // A municipal news item quoting a councillor.
        let news = "Kommunen har antagit en ny integrationspolicy. – Mötesplatser är viktiga, säger Eva Ek (KD), kommunalråd.";
        assert_eq!(speaker("Ny policy för integration", news), Speaker::Municipality);
        // Named, but in the third person.
        let report = "Kommunfullmäktige beslutade efter ett förslag från Moderaterna att utreda frågan.";
        assert_eq!(speaker("Protokoll", report), Speaker::Municipality);
        // A word that only contains a party's name.
        assert_eq!(speaker("Integration", "Vi vill ha moderata hyror och en moderat ökning."), Speaker::Municipality);
    }

    #[test]
    fn a_region_speaks_of_itself_more_than_of_a_municipality() {
        let region = "Integration är ett av den regionala utvecklingsnämndens prioriterade områden. \
            Alla som bor i länet ska känna sig delaktiga, och länets befolkning ska öka.";
        assert_eq!(speaker("Integration", region), Speaker::Region(None));
        let aland = "Landskapsregeringens program för integration. Landskapsregeringen samarbetar med kommunerna.";
        assert_eq!(speaker("Program för integration", aland), Speaker::Region(None));
        // A municipal page naming the county board as a partner.
        let municipal = "Kommunen tar emot nyanlända som Länsstyrelsen i länet anvisar. Kommunens mottagning ordnar bostad.";
        assert_eq!(speaker("Mottagande", municipal), Speaker::Municipality);
        let partner = "Ekby kommun samarbetar med flera kommuner i länet. Länsstyrelsens uppdrag är att medverka \
            till beredskap hos kommunerna i länet.";
        assert_eq!(speaker("Samhällsorientering", partner), Speaker::Municipality);
    }

    #[test]
    fn a_region_s_county_is_read_from_its_names() {
        let counties = ["Södermanlands län", "Skåne län", "Jämtlands län", "Åland", "Österbotten"];
        let county = |title: &str, text: &str| county_named(title, text, &counties);
        assert_eq!(
            county("Integration för tillväxt", "Sörmlandsstrategin är grunden. Regionförbundet Sörmland."),
            Some("Södermanlands län")
        );
        assert_eq!(county("Integration", "Region Jämtland Härjedalen arbetar för länets befolkning."), Some("Jämtlands län"));
        assert_eq!(county("Landskapsregeringens program", "De åländska kommunerna påverkas."), Some("Åland"));
        assert_eq!(county("Region Skåne", "Skånes kommuner och Region Skåne samverkar."), Some("Skåne län"));
        assert_eq!(county("Integration", "Regionala utvecklingsnämnden arbetar i länet."), None);
    }

    #[test]
    fn the_government_speaks_in_its_own_titles() {
        assert_eq!(speaker("Regeringens strategi för integration", "Egen försörjning och delaktighet."), Speaker::National);
        assert_eq!(speaker("Integrationsplan", "Vi ska ta emot nyanlända väl."), Speaker::Municipality);
        let aland = "Landskapsregeringens program för integration 2020–2023";
        assert_eq!(speaker(aland, "Landskapsregeringen har tagit fram programmet med kommunerna."), Speaker::Region(None));
    }
}

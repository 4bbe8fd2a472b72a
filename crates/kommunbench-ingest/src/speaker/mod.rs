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
//!   regionala utvecklingsnämnden`, `länets befolkning`, `vår region`) at least twice
//!   and more often than a municipality names itself (`kommunen`,
//!   `Vetlanda kommun`, `staden`). Municipal pages name the county board
//!   and `kommunerna i länet` as partners; those are not counted.
//!   A party also speaks when the title names it (`Invandring |
//!   Sverigedemokraterna Knivsta`), when it is the subject of a verb of
//!   will (`SD Knivsta vill`, `Därför anser Liberalerna`), when its
//!   adjective qualifies the politics (`den liberala
//!   integrationspolitiken`) or follows `vi` (`Vi gröna kommunalråd`), or
//!   when its abbreviation and a colon open the title or the first line
//!   (`M: Därför säljer vi flyktingbostäderna`, a debate article).
//! - the **state** speaks in a text titled as the government's
//!   (`Regeringens strategi`, not `Landskapsregeringens program`).
//! - a **body** that is not the municipality, a county board, a region,
//!   an authority, an association or a church, speaks when it names
//!   itself more than the municipality does ([`bodies`]). Against a state
//!   authority, the municipality's name counts too (`Örnsköldsvik`,
//!   `Ekby kommun`): a municipal page on reception speaks of
//!   Migrationsverket's work, the state's page of the country.
//!
//! A speaker that is not the municipality is named as the text names it.

mod bodies;

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

/// Who speaks in a text with `title`, and the name the text gives a
/// speaker that is not the municipality; `municipality` is the name of
/// the municipality the registry found (in the text, its file name or its
/// site), if any.
pub(crate) fn speaker(title: &str, text: &str, municipality: Option<&str>) -> (Speaker, Option<String>) {
    let head_text = head_of(text);
    let (title_text, head_words) = (bodies::Head::new(title), bodies::Head::new(head_text));
    let (t, h) = (Counts::of(&title_text.lowered), Counts::of(&head_words.lowered));
    let (mut tw, hw) = (Will::of(&title_text), Will::of(&head_words));
    // `M: Därför säljer vi flyktingbostäderna`: a debate article's title
    // (or its first line, a page's title the reader took for a label)
    // opens with the writers' party.
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    if let Some(i) = titled_by(title).or_else(|| titled_by(first_line)) {
        tw.wants[i] += 1;
    }
    let voiced = t.voice + h.voice + h.wants + hw.wants.iter().sum::<usize>() + hw.politics.iter().sum::<usize>() > 0;
    let parties = &vocabulary().speaker.parties;
    let score = |i: usize| h.party[i] + 2 * t.party[i] + 2 * (hw.wants[i] + tw.wants[i]) + hw.politics[i] + tw.politics[i];
    let party = (0..parties.len()).map(|i| (score(i), i)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n);
    if let Some((_, i)) = party
        && (voiced || t.party[i] + tw.wants[i] > 0)
    {
        return (Speaker::Party(parties[i].abbreviation.clone()), Some(party_name(&title_text, &head_words, i)));
    }
    if t.national > 0 {
        return (Speaker::National, None);
    }
    let (found, own, first_person) = bodies::bodies(&title_text, &head_words);
    // A municipality's page names itself (`Örnsköldsvik`, `Ekby kommun`)
    // as well as `kommunen`; the state's speaks of the country. (A local
    // party, branch or region names its municipalities as places.)
    let national = found.first().is_some_and(|b| b.speaker == Speaker::National);
    let named = municipality.filter(|_| national).map_or(0, |name| bodies::name_score(&title_text, &head_words, name, &found));
    let body = bodies::speaking(&found, own + named, first_person);
    if let Some(body) = body.filter(|b| !matches!(b.speaker, Speaker::Region(_))) {
        return (body.speaker.clone(), Some(body.name.clone()));
    }
    let region = t.region + h.region;
    if body.is_some() || (region >= 2 && region > t.municipality + h.municipality) {
        // The regional body that speaks, else the one named most.
        let named = body.or_else(|| found.iter().find(|b| matches!(b.speaker, Speaker::Region(_))));
        return (Speaker::Region(None), named.map(|b| b.name.clone()));
    }
    let named = municipality.is_some() || t.municipality + h.municipality > 0;
    let unnamed = if named { None } else { unnamed(&title_text, &head_words, first_person) };
    (unnamed.unwrap_or(Speaker::Municipality), None)
}

/// The party whose abbreviation, as written, opens `title` before a colon
/// (`L: Flyktingars hälsa måste tas på större allvar`), as newspapers
/// title a debate article by its writers' party.
fn titled_by(title: &str) -> Option<usize> {
    let (opening, _) = title.split_once(':')?;
    vocabulary().speaker.parties.iter().position(|p| opening.trim() == p.abbreviation)
}

/// Who speaks in a text that names no municipality: neither as its own
/// (`[speaker] municipality`: `kommunen`, `Ekby kommun`,
/// `kommunfullmäktige`) nor by a name the registry knows. A
/// municipality's page or programme names itself; a text that never does
/// is another body's (`[speaker.unnamed]`): a region's when its title and
/// head speak of the county and its municipalities more often than of
/// the country, else the state's when they speak of the country at all
/// (an organisation's when they speak of it in the first person with no
/// word of the state: `Vi arbetar för att alla i Sverige ...`); an
/// organisation's when it calls itself one (`föreningens lokal`) more
/// often than it speaks of either. `None` when they speak of none.
fn unnamed(title: &bodies::Head<'_>, head: &bodies::Head<'_>, first_person: bool) -> Option<Speaker> {
    let u = &vocabulary().speaker.unnamed;
    let (mut county, mut country, mut state, mut organisation) = (0, 0, 0, 0);
    for word in title.lowers().iter().chain(&head.lowers()) {
        if crate::vocabulary::has(&u.county_words, word) {
            county += 1;
        } else if crate::vocabulary::has(&u.country_words, word) || u.country_endings.iter().any(|e| word.ends_with(e.as_str())) {
            country += 1;
            // `justitieministern`, `Inrikesministeriet`: the state itself.
            let ministry = !crate::vocabulary::has(&u.country_words, word);
            state += usize::from(ministry || crate::vocabulary::has(&u.state_words, word));
        } else if crate::vocabulary::has(&u.organisation_words, word) {
            organisation += 1;
        }
    }
    if organisation > county.max(country) {
        Some(Speaker::Organisation)
    } else if county > country {
        Some(Speaker::Region(None))
    } else if country > 0 && first_person && state == 0 {
        // `Vi` speaking of Sweden, with no word of the state: an
        // association's or a network's page, not the government's.
        Some(Speaker::Organisation)
    } else {
        (country > 0).then_some(Speaker::National)
    }
}

/// Whether `words` (as written) are a party's name or members, or a body's
/// name (`Moderaterna`, `Svenska kyrkan`, `Migrationsverket`).
pub(crate) fn names_a_speaker(words: &[&str]) -> bool {
    let Some(first) = words.first() else { return false };
    let lower = kommunbench_text::lowercase(first);
    let party = vocabulary().speaker.parties.iter().any(|p| p.named(&lower) || p.members.as_ref() == Some(&lower));
    let spans: Vec<(usize, &str)> = words.iter().map(|w| (0, *w)).collect();
    let lower: Vec<std::borrow::Cow<'_, str>> = words.iter().map(|w| kommunbench_text::lowercase(w).into()).collect();
    // The body's name is all the words (`Svenska kyrkan`, `Migrationsverket`).
    party || bodies::named_at(&spans, &lower, 0).is_some_and(|(_, n)| n == words.len())
}

/// The name the text gives party `i`: its name, or its members written
/// with a capital, with the words that continue it (`Moderaterna i
/// Lomma`, `Sverigedemokraterna Knivsta`), from the title first; else
/// the party's name.
fn party_name(title: &bodies::Head<'_>, head: &bodies::Head<'_>, i: usize) -> String {
    let p = &vocabulary().speaker.parties[i];
    let names: Vec<&str> = std::iter::once(p.name.as_str()).chain(p.members.as_deref()).filter(|n| !n.contains(' ')).collect();
    for h in [title, head] {
        let (text, words) = (h.text, &h.words);
        for ((k, (_, w)), lower) in words.iter().enumerate().zip(h.lowers()) {
            if bodies::capitalised(w) && names.iter().any(|n| lower == *n || lower.strip_suffix('s') == Some(n)) {
                let (name, _) = bodies::full_name(text, words, k, 1);
                // `Moderaternas Sollentuna`: the party's name, not its genitive.
                return match name.split_once(' ') {
                    Some((first, rest)) if kommunbench_text::lowercase(first).strip_suffix('s') == Some(names[0]) => {
                        format!("{} {rest}", &first[..first.len() - 1])
                    }
                    _ if kommunbench_text::lowercase(&name).strip_suffix('s') == Some(names[0]) => {
                        name[..name.len() - 1].to_owned()
                    }
                    _ => name,
                };
            }
        }
    }
    let mut chars = p.name.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A party's will in a text, found word by word: its name, members or
/// abbreviation before a verb of will, and its adjective before the
/// politics.
struct Will {
    /// Per party: `SD Knivsta vill`, `Liberalerna i Lund anser`.
    wants: Vec<usize>,
    /// Per party: `den liberala integrationspolitiken`.
    politics: Vec<usize>,
}

/// How a word names a party.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Its definite name: `Moderaterna`.
    Name,
    /// Its members: `moderater`.
    Members,
    /// Its adjective: `moderata`.
    Adjective,
}

/// The words that name a party, lower case, with the party and how.
static PARTY_WORDS: std::sync::LazyLock<rustc_hash::FxHashMap<String, Vec<(usize, Role)>>> = std::sync::LazyLock::new(|| {
    let mut map: rustc_hash::FxHashMap<String, Vec<(usize, Role)>> = rustc_hash::FxHashMap::default();
    for (i, p) in vocabulary().speaker.parties.iter().enumerate() {
        map.entry(p.name.clone()).or_default().push((i, Role::Name));
        if let Some(m) = &p.members {
            map.entry(m.clone()).or_default().push((i, Role::Members));
        }
        for a in &p.adjectives {
            map.entry(a.clone()).or_default().push((i, Role::Adjective));
        }
    }
    map
});

impl Will {
    fn of(text: &bodies::Head<'_>) -> Will {
        let s = &vocabulary().speaker;
        let mut will = Will { wants: vec![0; s.parties.len()], politics: vec![0; s.parties.len()] };
        let words = &text.words;
        let lower = text.lowers();
        let verb = |k: usize| lower.get(k).is_some_and(|w| s.party_verbs.iter().any(|v| v == w));
        let capitalised_next = |k: usize| words.get(k + 1).is_some_and(|(_, n)| bodies::capitalised(n));
        for (k, w) in lower.iter().enumerate() {
            // `SD Knivsta vill`: the abbreviation as written.
            let abbreviation = s.parties.iter().position(|p| words[k].1 == p.abbreviation).map(|i| (i, Role::Members));
            let roles = PARTY_WORDS.get(w.as_ref()).map(Vec::as_slice).unwrap_or_default();
            for &(i, role) in roles.iter().chain(abbreviation.as_ref()) {
                match role {
                    Role::Adjective => {
                        // `den liberala integrationspolitiken`; `Vi gröna
                        // kommunalråd`: the party's members speak.
                        let members = k > 0 && lower[k - 1] == s.bodies.first_person[0];
                        if lower.get(k + 1).is_some_and(|n| n.contains(s.politics.as_str())) || members {
                            will.politics[i] += 1;
                        }
                    }
                    Role::Name | Role::Members => {
                        let after = verb(k + 1) || (capitalised_next(k) && verb(k + 2));
                        // `Därför vill Miljöpartiet`: the verb before the name.
                        let before = k > 0 && verb(k - 1) && role == Role::Name;
                        if after || before {
                            will.wants[i] += 1;
                        }
                    }
                }
            }
        }
        will
    }
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
        // A party's name inside another's (`folkpartiet` in `Svenska
        // folkpartiet`) names only the longer.
        let mut names: Vec<(usize, usize, usize)> = Vec::new();
        matcher.each(text.as_bytes(), |m, start, end| match mentions[m] {
            Mention::Voice => counts.voice += 1,
            Mention::Party(i) if starts_word(start) => names.push((start, end, i)),
            Mention::Members(i) if starts_word(start) && ends_word(end) => counts.party[i] += 1,
            Mention::Wants if starts_word(start) => counts.wants += 1,
            Mention::Region if starts_word(start) => counts.region += 1,
            Mention::Municipality if starts_word(start) && ends_word(end) => counts.municipality += 1,
            Mention::National if starts_word(start) => counts.national += 1,
            _ => {}
        });
        for &(start, end, i) in &names {
            let inside = names.iter().any(|&(s, e, j)| j != i && s <= start && end <= e && e - s > end - start);
            if !inside {
                counts.party[i] += 1;
            }
        }
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
    fn a_debate_title_opens_with_the_writers_party() {
        let text = "Vi moderater håller vad vi lovar. Detta stod Socialdemokraterna bakom, men Socialdemokraterna ändrade sig.";
        assert_eq!(speaker("M: Därför säljer vi bostäderna", text, None).0, party("M"));
        assert_eq!(speaker("m-nacka", &format!("M: Därför säljer vi bostäderna\n\n{text}"), None).0, party("M"));
        let abbreviation = |t| titled_by(t).map(|i| vocabulary().speaker.parties[i].abbreviation.as_str());
        assert_eq!(abbreviation("MP: Ett hållbart mottagande"), Some("MP"));
        assert_eq!(titled_by("Mottagande: så gör vi"), None);
    }

    #[test]
    fn a_party_that_works_for_its_aims_speaks() {
        let text = "Partidagens beslut\n\nSFP arbetar för att en invandrare alltid ska kunna välja integrationsspråk.";
        assert_eq!(speaker("Integration på svenska", text, None).0, party("SFP"));
    }

    #[test]
    fn a_wellbeing_services_county_is_a_region() {
        let text = "Styrgruppen för Österbottens välfärdsområde drog riktlinjer för vilka uppgifter som överförs till \
            välfärdsområdet och vilka som blir kvar i kommunerna.";
        assert!(matches!(speaker("Integrationsservicen", text, None).0, Speaker::Region(_)));
    }

    #[test]
    fn a_region_speaks_of_our_region() {
        let text = "När nya människor kommer hit innebär det en stor möjlighet för vår region. \
            Att fler bosätter sig här ställer krav på kommunerna och på vår region som helhet.";
        assert!(matches!(speaker("Nyanlända", text, None).0, Speaker::Region(_)));
    }

    #[test]
    fn we_and_a_party_s_adjective_are_its_members() {
        let text = "Vi gröna kommunalråd är positiva till förslaget. Vi står fast vid att Sverige ska vara generöst.";
        assert_eq!(speaker("Med nytt system klarar vi mottagandet", text, None).0, party("MP"));
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
        assert_eq!(
            speaker("Integration", "Vi moderater vill att fler nyanlända får jobb. Moderaterna i Åby.", None).0,
            party("M")
        );
        assert_eq!(speaker("Integration", "Liberalerna vill:\n- Flexibel sfi\n", None).0, party("L"));
        // Liberalerna's name until 2015; not Finland's Svenska folkpartiet.
        assert_eq!(speaker("Integration", "Folkpartiet i Ekby vill att alla får läsa sfi. Vi vill mer.", None).0, party("L"));
        assert_eq!(
            speaker("Integration", "En kristdemokratisk politik för integration. Vi vill se mångfald.", None).0,
            party("KD")
        );
        assert_eq!(speaker("Socialdemokraterna i Ekby", "Vi ska bygga ett tryggt Ekby.", None).0, party("S"));
        assert_eq!(
            speaker("Vårt program", "Svenska folkpartiet i Vasa. Vi vill att alla får lära sig svenska.", None).0,
            party("SFP")
        );
    }

    #[test]
    fn a_quoted_politician_or_a_party_without_a_voice_is_not_a_party_s_text() {
        // A municipal news item quoting a councillor.
        let news = "Kommunen har antagit en ny integrationspolicy. – Mötesplatser är viktiga, säger Eva Ek (KD), kommunalråd.";
        assert_eq!(speaker("Ny policy för integration", news, None).0, Speaker::Municipality);
        // Named, but in the third person.
        let report = "Kommunfullmäktige beslutade efter ett förslag från Moderaterna att utreda frågan.";
        assert_eq!(speaker("Protokoll", report, None).0, Speaker::Municipality);
        // A word that only contains a party's name.
        assert_eq!(speaker("Integration", "Vi vill ha moderata hyror och en moderat ökning.", None).0, Speaker::Municipality);
    }

    #[test]
    fn a_region_speaks_of_itself_more_than_of_a_municipality() {
        let region = "Integration är ett av den regionala utvecklingsnämndens prioriterade områden. \
            Alla som bor i länet ska känna sig delaktiga, och länets befolkning ska öka.";
        assert_eq!(speaker("Integration", region, None).0, Speaker::Region(None));
        let aland = "Landskapsregeringens program för integration. Landskapsregeringen samarbetar med kommunerna.";
        assert_eq!(speaker("Program för integration", aland, None).0, Speaker::Region(None));
        // A municipal page naming the county board as a partner.
        let municipal = "Kommunen tar emot nyanlända som Länsstyrelsen i länet anvisar. Kommunens mottagning ordnar bostad.";
        assert_eq!(speaker("Mottagande", municipal, None).0, Speaker::Municipality);
        let partner = "Ekby kommun samarbetar med flera kommuner i länet. Länsstyrelsens uppdrag är att medverka \
            till beredskap hos kommunerna i länet.";
        assert_eq!(speaker("Samhällsorientering", partner, None).0, Speaker::Municipality);
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
    fn a_party_speaks_in_any_word_order_and_is_named_as_written() {
        let full = |title: &str, text: &str| speaker(title, text, None);
        assert_eq!(
            full("Invandring och återvandring | Sverigedemokraterna Knivsta", "SD Knivsta vill att kommunen ska pröva allt."),
            (party("SD"), Some("Sverigedemokraterna Knivsta".into()))
        );
        assert_eq!(full("Integration", "Därför vill Miljöpartiet att alla får lära sig svenska.").0, party("MP"));
        assert_eq!(
            full("Integration", "Frihet är grunden för den liberala integrationspolitiken.").1.as_deref(),
            Some("Liberalerna")
        );
        assert_eq!(
            full("Vår politik", "Vi Socialdemokrater i Höör vill att fler får jobb.").1.as_deref(),
            Some("Socialdemokrater i Höör")
        );
        // A liberal view or green parks are no party's.
        assert_eq!(full("Parker", "Vi vill ha gröna parker och en liberal syn på öppettider.").0, Speaker::Municipality);
    }

    #[test]
    fn a_body_other_than_the_municipality_speaks_by_its_name() {
        let board = "Länsstyrelsen i Kalmar län samordnar mottagandet. Länsstyrelsen stödjer kommunerna i länet.";
        assert_eq!(speaker("Integration", board, None), (Speaker::Region(None), Some("Länsstyrelsen i Kalmar län".into())));
        let red_cross = "Röda Korset arbetar för att nyanlända ska känna sig välkomna. Vi har språkcaféer.";
        assert_eq!(speaker("Integration", red_cross, None), (Speaker::Organisation, Some("Röda Korset".into())));
        let agency = "Skolverket ger stöd till skolor som tar emot nyanlända elever. Skolverkets material är gratis.";
        assert_eq!(speaker("Nyanlända elever", agency, None), (Speaker::National, Some("Skolverket".into())));
    }

    #[test]
    fn a_local_party_speaks_by_its_name() {
        let local = "Sjukvårdspartiet vill att alla nyanlända snabbt får en vårdcentral. Vi vill också ha fler tolkar.";
        assert_eq!(speaker("Vår politik", local, None), (party("SJUKVÅRDSPARTIET"), Some("Sjukvårdspartiet".into())));
        let genitive = "Lokalpartiets program för integration. Lokalpartiet vill ha fler mötesplatser.";
        assert_eq!(speaker("Integration", genitive, None).0, party("LOKALPARTIET"));
        let debate = "Miljöpartiet i Ekby har länge drivit frågan. Miljöpartiets linje är tydlig. Ekby borde ta emot fler.";
        assert_eq!(speaker("Debatt: Ta emot fler", debate, None).0, party("MP"));
        // A municipal page that mentions a local party once speaks for the municipality.
        let municipal =
            "Kommunen tar emot nyanlända. Kommunfullmäktige beslutade efter en motion från Lokalpartiet. Kommunen ordnar bostad.";
        assert_eq!(speaker("Mottagande", municipal, None).0, Speaker::Municipality);
    }

    #[test]
    fn regional_bodies_together_speak_for_a_region() {
        let project = "Ett projekt av NTM-centralen och Österbottens förbund. Projektet stärker samarbetet i regionen. \
            NTM-centralen leder projektet och Österbottens förbund finansierar det.";
        assert!(matches!(speaker("En bra start i Österbotten", project, None).0, Speaker::Region(_)));
    }

    #[test]
    fn the_government_speaks_in_its_own_titles() {
        assert_eq!(
            speaker("Regeringens strategi för integration", "Egen försörjning och delaktighet.", None).0,
            Speaker::National
        );
        assert_eq!(speaker("Integrationsplan", "Vi ska ta emot nyanlända väl.", None).0, Speaker::Municipality);
        let aland = "Landskapsregeringens program för integration 2020–2023";
        assert_eq!(
            speaker(aland, "Landskapsregeringen har tagit fram programmet med kommunerna.", None).0,
            Speaker::Region(None)
        );
    }

    #[test]
    fn a_text_that_names_no_municipality_is_another_body_s() {
        // Of the county and its municipalities: a region's.
        let network = "Samverkan samlar länets kommuner. Kommunerna i länet möts fyra gånger om året för att dela metoder.";
        assert_eq!(speaker("Nyanlända", network, None).0, Speaker::Region(None));
        // Of the country: the state's.
        let speech = "Jag vill som arbetsminister lyfta fram hur viktigt arbetet är för Sveriges framtid.";
        assert_eq!(speaker("Tal om integration", speech, None).0, Speaker::National);
        // `Vi` speaking of the country without the state: an association.
        let network = "Vi arbetar för att alla som kommer till Sverige ska få en trygg start och nya vänner.";
        assert_eq!(speaker("Om oss", network, None).0, Speaker::Organisation);
        let state = "Regeringen har beslutat om nya regler för mottagandet i Sverige. Vi återkommer med mer information.";
        assert_eq!(speaker("Mottagandet", state, None).0, Speaker::National);
        // An association that calls itself so.
        let club = "Torsdag höll föreningen sitt möte om asylpolitik i föreningens lokal. Vi tackar alla som kom.";
        assert_eq!(speaker("Första sidan", club, None).0, Speaker::Organisation);
        // Of neither: nothing to tell.
        assert_eq!(speaker("Integration", "Välkommen till vår träffpunkt för språkcaféer.", None).0, Speaker::Municipality);
    }

    #[test]
    fn a_text_that_names_a_municipality_stays_the_municipality_s() {
        let page = "Kommunen tar emot nyanlända enligt bosättningslagen. Läs mer om hur kommunerna i länet samarbetar.";
        assert_eq!(speaker("Mottagande", page, None).0, Speaker::Municipality);
        assert_eq!(speaker("Mottagande", "Ekby kommun tar emot nyanlända från hela Sverige.", None).0, Speaker::Municipality);
        // A name the registry knows (`Ludvika`, the site `ludvika.se`).
        assert_eq!(
            speaker("Frågor och svar", "Vad är integration i Sverige och i länet?", Some("Ludvika")).0,
            Speaker::Municipality
        );
        // A municipal page that names itself and speaks of an authority's
        // work is still the municipality's.
        let page = "Asylmottagning\n\nAsylsökande bor i Ekby sedan 2013. Migrationsverkets behov av boenden har minskat. \
            Migrationsverkets reception ligger i Åby. Migrationsverket ansvarar för bosättningen. Ekby kommun tar emot \
            dem som anvisas och kommunens integrationsenhet sköter mottagandet.";
        assert_eq!(speaker("Asylmottagning", page, Some("Ekby")).0, Speaker::Municipality);
        assert_eq!(speaker("Asylmottagning", page, None).0, Speaker::National);
        // A local party names its municipality as a place, not as itself.
        let party = "Miljöpartiet blev största parti i Ekby. Ekby borde ta emot fler. För oss miljöpartister är det självklart.";
        assert_eq!(speaker("(rubrik saknas)", party, Some("Ekby")).0, Speaker::Party("MP".into()));
    }
}

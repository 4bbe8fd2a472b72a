//! Bodies that are not the municipality, named in a text's title and
//! head: a county board or a region, a state authority or the
//! government, an association or a church.
//!
//! A body is found by its name (`Länsstyrelsen`, `Röda Korset`) or, for
//! one-word names, by its ending on a capitalised word (`Migrationsverket`,
//! `Inrikesministeriet`). Each mention scores by where it
//! stands, three in the title, two in the head's first 400 characters, one
//! further on, and one more where the body acts (`Migrationsverket
//! arbetar`) or owns what follows (`Region Hallands prioriterade
//! områden`). A partner or a place the text points to (`kommunerna och
//! Arbetsförmedlingen`, `hos Migrationsverket`: `[speaker.bodies]
//! partner_words` before the name) scores one wherever it stands, and in
//! the genitive it owns nothing more (`via Migrationsverkets
//! förläggningar`). The municipality naming itself scores the same way.
//! The best body speaks when it outscores the municipality by the margin
//! the rule asks (see [`speaking`]).
//!
//! Its name is taken as the text writes it, with the words that continue
//! it (`Länsstyrelsen i Jämtlands län`, `Region Jämtland Härjedalen`) and
//! without a genitive `s` (`Region Hallands` gives `Region Halland`).

use kommunbench_core::Speaker;

use crate::vocabulary::vocabulary;

/// Characters of the head's opening, where a mention weighs double.
const OPENING: usize = 400;

/// A body named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Body {
    pub(crate) speaker: Speaker,
    pub(crate) name: String,
    pub(crate) score: usize,
}

/// A title or a head read once: its words and its lower-case form.
pub(crate) struct Head<'a> {
    pub(crate) text: &'a str,
    pub(crate) words: Vec<(usize, &'a str)>,
    pub(crate) lowered: String,
}

impl<'a> Head<'a> {
    pub(crate) fn new(text: &'a str) -> Head<'a> {
        Head { text, words: words(text), lowered: kommunbench_text::lowercase(text) }
    }

    /// The words in lower case.
    pub(crate) fn lowers(&self) -> Vec<std::borrow::Cow<'_, str>> {
        kommunbench_text::lowercase_words(self.text, &self.lowered, &self.words)
    }
}

/// The words of `text` with their byte offsets, a hyphen inside a word
/// kept (`NTM-centralen`).
pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
    kommunbench_text::word_spans(text, true)
}

pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A body's name from `[speaker.bodies]`, split once: its words (lower
/// case), whether a name must follow it (`region `), its kind, and how a
/// short name the vocabulary writes with a capital is written (`Brå`).
struct Name {
    parts: Vec<String>,
    needs_more: bool,
    speaker: Speaker,
    written: Option<String>,
}

/// The names by their first word, each list in the order of the kinds.
static BY_FIRST: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Vec<&'static Name>>> = std::sync::LazyLock::new(|| {
    let mut map: rustc_hash::FxHashMap<&'static str, Vec<&'static Name>> = rustc_hash::FxHashMap::default();
    for name in NAMES.iter() {
        map.entry(name.parts[0].as_str()).or_default().push(name);
    }
    map
});

/// The names of every kind, in the order of the kinds.
static NAMES: std::sync::LazyLock<Vec<Name>> = std::sync::LazyLock::new(|| {
    let b = &vocabulary().speaker.bodies;
    let kinds: [(&[String], Speaker); 3] =
        [(&b.region, Speaker::Region(None)), (&b.national, Speaker::National), (&b.organisation, Speaker::Organisation)];
    kinds
        .into_iter()
        .flat_map(|(names, speaker)| {
            names.iter().map(move |name| Name {
                parts: name
                    .split(|c: char| !kommunbench_text::is_word_char(c) && c != '-')
                    .filter(|p| !p.is_empty())
                    .map(kommunbench_text::lowercase)
                    .collect(),
                needs_more: name.ends_with(' '),
                speaker: speaker.clone(),
                written: name.chars().any(char::is_uppercase).then(|| name.clone()),
            })
        })
        .filter(|n| !n.parts.is_empty())
        .collect()
});

/// Whether `words[i..]` (with their lower-case forms `lower`) open with
/// `name`; how many words it takes.
fn opens_with(words: &[(usize, &str)], lower: &[std::borrow::Cow<'_, str>], i: usize, name: &Name) -> Option<usize> {
    let parts = &name.parts;
    if i + parts.len() > words.len() || !capitalised(words[i].1) {
        return None;
    }
    let last = parts.len() - 1;
    let fits = parts.iter().enumerate().all(|(k, p)| {
        let w: &str = &lower[i + k];
        // The last word of a name may be in the genitive.
        w == p || (k == last && w.strip_suffix('s') == Some(p.as_str()))
    });
    // `region `, `partnerskap `: a name must follow it (`Region Halland`).
    if !fits || (name.needs_more && !words.get(i + parts.len()).is_some_and(|(_, w)| capitalised(w))) {
        return None;
    }
    // Short names are written in capitals (`LO`, `DO`), or as the
    // vocabulary writes them (`Brå`): `Lo` or `Do` opening a sentence is
    // no body.
    let short = parts.len() == 1 && parts[0].chars().count() <= 3;
    let as_written = name.written.as_ref().map_or_else(|| words[i].1.chars().all(char::is_uppercase), |w| w == words[i].1);
    if short && !as_written {
        return None;
    }
    Some(parts.len())
}

/// The kind of body a word's ending names (`Migrationsverket`), given the
/// word and its lower-case form; none for a common noun that ends alike
/// (`Integrationsnätverket`; `[speaker.bodies] common_nouns`).
fn by_ending(word: &str, lower: &str) -> Option<Speaker> {
    if !capitalised(word) {
        return None;
    }
    let b = &vocabulary().speaker.bodies;
    let stem = lower.strip_suffix('s').unwrap_or(lower);
    if b.common_nouns.iter().any(|n| lower.ends_with(n.as_str()) || stem.ends_with(n.as_str())) {
        return None;
    }
    let ends = |endings: &[String]| {
        endings.iter().any(|e| {
            (lower.ends_with(e.as_str()) && lower.len() > e.len() + 2) || (stem.ends_with(e.as_str()) && stem.len() > e.len() + 2)
        })
    };
    if ends(&b.party_endings) {
        // `Sjukvårdspartiets`: the name without its genitive.
        let genitive = !b.party_endings.iter().any(|e| lower.ends_with(e.as_str()));
        let (name, stem) = if genitive {
            (word.strip_suffix('s').unwrap_or(word), lower.strip_suffix('s').unwrap_or(lower))
        } else {
            (word, lower)
        };
        // A parliamentary party (`Miljöpartiet`, `Centerpartiet`) by its abbreviation.
        let parties = &vocabulary().speaker.parties;
        let known = parties.iter().find(|p| p.named(stem)).map(|p| p.abbreviation.clone());
        Some(Speaker::Party(known.unwrap_or_else(|| name.to_uppercase())))
    } else if ends(&b.region_endings) {
        Some(Speaker::Region(None))
    } else if ends(&b.national_endings) {
        Some(Speaker::National)
    } else if ends(&b.organisation_endings) {
        Some(Speaker::Organisation)
    } else {
        None
    }
}

/// The body named at `words[i]` (lower-case forms `lower`), and how
/// many words its name takes.
pub(crate) fn named_at(words: &[(usize, &str)], lower: &[std::borrow::Cow<'_, str>], i: usize) -> Option<(Speaker, usize)> {
    if !capitalised(words[i].1) {
        return None;
    }
    let mut best: Option<(Speaker, usize)> = None;
    let first: &str = &lower[i];
    let candidates = BY_FIRST.get(first).or_else(|| first.strip_suffix('s').and_then(|f| BY_FIRST.get(f)));
    for name in candidates.into_iter().flatten() {
        // The names are in the order of the kinds: an earlier kind's match
        // stands, a longer name of its kind replaces it.
        if let Some(n) = opens_with(words, lower, i, name)
            && best.as_ref().is_none_or(|(s, m)| *s == name.speaker && n > *m)
        {
            best = Some((name.speaker.clone(), n));
        }
    }
    best.or_else(|| by_ending(words[i].1, &lower[i]).map(|s| (s, 1)))
}

/// The name at `words[i..i + n]` with the words that continue it, as the
/// text writes it, a closing genitive `s` dropped; and the index after it.
pub(crate) fn full_name(text: &str, words: &[(usize, &str)], i: usize, n: usize) -> (String, usize) {
    let links = &vocabulary().speaker.bodies.name_links;
    let mut end = i + n;
    // Continue over capitalised words and links, up to four words, on the
    // same line.
    let line_end = text[words[i].0..].find('\n').map_or(text.len(), |e| words[i].0 + e);
    let mut taken = 0;
    while end < words.len() && taken < 4 && words[end].0 < line_end {
        let w = words[end].1;
        let link = links.iter().any(|l| kommunbench_text::lowercase(w) == *l);
        let gap = &text[words[end - 1].0 + words[end - 1].1.len()..words[end].0];
        if !gap.chars().all(|c| c == ' ') || !(capitalised(w) || link) {
            break;
        }
        end += 1;
        taken += 1;
    }
    // A link cannot close the name (`Region Halland och`) unless it is the
    // county's `län`.
    while end > i + n && links.iter().any(|l| l != "län" && kommunbench_text::lowercase(words[end - 1].1) == *l) {
        end -= 1;
    }
    let (start, last) = (words[i].0, words[end - 1]);
    let mut name = text[start..last.0 + last.1.len()].to_owned();
    // The genitive: `Region Hallands prioriterade` names `Region Halland`.
    let next_is_lower = words.get(end).is_some_and(|(_, w)| !capitalised(w));
    if next_is_lower && last.1.len() > 3 && name.ends_with('s') && !name.ends_with("ss") && end - i > 1 {
        name.pop();
    } else if end - i == 1
        && name.ends_with('s')
        && named_at(&[(0, &name[..name.len() - 1])], &[kommunbench_text::lowercase(&name[..name.len() - 1]).into()], 0).is_some()
    {
        // `Migrationsverkets`, `Landskapsregeringens`: one word, its name
        // without the `s` is a body's.
        name.pop();
    }
    (name, end)
}

/// How the title and head name the municipality `name` (whole words, its
/// genitive too), scored by where each mention stands as [`weight`] does.
/// A mention inside the name of one of the bodies `found` (`Röda Korset
/// Halmstad`, `Region Gotland`) or before the county word (`Kalmar län`)
/// is no municipality's.
pub(crate) fn name_score(title: &Head<'_>, head: &Head<'_>, name: &str, found: &[Body]) -> usize {
    let county = &vocabulary().speaker.county_word;
    let name = kommunbench_text::lowercase(name);
    let bodies: Vec<(String, usize)> = found
        .iter()
        .filter_map(|b| {
            let lower = kommunbench_text::lowercase(&b.name);
            lower.find(name.as_str()).map(|k| (lower, k))
        })
        .collect();
    let mut score = 0;
    for (in_title, t) in [(true, title), (false, head)] {
        let lowered = t.lowered.as_str();
        for (i, _) in lowered.match_indices(name.as_str()) {
            let end = i + name.len();
            let end = if lowered[end..].starts_with('s') { end + 1 } else { end };
            let whole = kommunbench_text::starts_word(lowered, i) && kommunbench_text::ends_word(lowered, end);
            let in_body = bodies
                .iter()
                .any(|(b, k)| i.checked_sub(*k).and_then(|s| lowered.get(s..)).is_some_and(|r| r.starts_with(b.as_str())));
            let of_county = lowered[end..].strip_prefix(' ').is_some_and(|r| {
                r.strip_prefix(county.as_str()).is_some_and(|r| kommunbench_text::ends_word(r, 0) || r.starts_with('s'))
            });
            if whole && !in_body && !of_county {
                score += weight(in_title, i, false);
            }
        }
    }
    score
}

/// Mentions' score: where a mention stands, and whether the body acts or
/// owns what follows.
fn weight(in_title: bool, at: usize, acts: bool) -> usize {
    let place = if in_title {
        3
    } else if at < OPENING {
        2
    } else {
        1
    };
    place + usize::from(acts)
}

/// The bodies named in `title` and `head`, best first, and the
/// municipality's own score and whether the head speaks in the first
/// person.
pub(crate) fn bodies(title: &Head<'_>, head: &Head<'_>) -> (Vec<Body>, usize, bool) {
    struct Found {
        key: Vec<String>,
        body: Body,
    }
    let b = &vocabulary().speaker.bodies;
    let municipal = &vocabulary().speaker.municipality;
    let mut found: Vec<Found> = Vec::new();
    let mut own = 0;
    let mut first_person = false;
    for (in_title, t) in [(true, title), (false, head)] {
        let (text, ws) = (t.text, &t.words);
        let lowers = t.lowers();
        let mut i = 0;
        while i < ws.len() {
            let lower: &str = &lowers[i];
            if !in_title && b.first_person.iter().any(|w| w == lower) {
                first_person = true;
            }
            if municipal.iter().any(|w| w == lower) {
                own += weight(in_title, ws[i].0, false);
            }
            let Some((speaker, n)) = named_at(ws, &lowers, i) else {
                i += 1;
                continue;
            };
            let (name, end) = full_name(text, ws, i, n);
            let genitive = ws[end - 1].1.ends_with('s');
            let acts = genitive || lowers.get(end).is_some_and(|w| b.subject_verbs.iter().any(|v| v == w));
            // `samlar kommunerna och Arbetsförmedlingen`: a partner, not
            // the speaker. In the genitive the mention keeps its place's
            // weight without owning more (`via Migrationsverkets
            // förläggningar`, `ett av Region Hallands områden`).
            let partner = !in_title && i > 0 && b.partner_words.iter().any(|w| *w == lowers[i - 1]);
            let score = match (partner, genitive) {
                (true, false) => 1,
                (true, true) => weight(in_title, ws[i].0, false),
                (false, _) => weight(in_title, ws[i].0, acts),
            };
            // Mentions of one body are counted together (`Länsstyrelsen i
            // Kalmar län`, `Länsstyrelsen`, `Länsstyrelsens`), under the
            // longest name the text gives it.
            let key: Vec<String> = lowers[i..i + n].iter().map(|w| w.strip_suffix('s').unwrap_or(w).to_owned()).collect();
            match found.iter_mut().find(|f| f.key == key) {
                Some(f) => {
                    f.body.score += score;
                    if name.len() > f.body.name.len() {
                        f.body.name = name;
                    }
                }
                None => found.push(Found { key, body: Body { speaker, name, score } }),
            }
            i = end;
        }
    }
    let mut found: Vec<Body> = found.into_iter().map(|f| f.body).collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.score));
    (found, own, first_person)
}

/// The body that speaks in a text, if any: the best-scored body, when it
/// scores at least three and by two more than the municipality names
/// itself; when the municipality does not name itself at all and the body
/// is named in the opening or acts there (one mention, two points: the
/// page of an authority or a regional council names itself once and
/// otherwise speaks of its subject); or when the text speaks in the first
/// person and the municipality does not name itself at all; and in either case at least twice as much as
/// the next body (regional bodies do not compete with each other). A page
/// that presents several bodies' duties in turn
/// (`Migrationsverket`, `Länsstyrelsen`, `Arbetsförmedlingen`) is
/// nobody's own.
/// `found`, `own` and `first_person` are what [`bodies`] read.
pub(crate) fn speaking(found: &[Body], own: usize, first_person: bool) -> Option<&Body> {
    let best = found.first()?;
    // Regional bodies agree on who speaks (a project of NTM-centralen
    // and Österbottens förbund is regional): only another kind competes.
    // Authorities do not where the municipality names itself (a municipal
    // page on Migrationsverket's and Arbetsförmedlingen's duties is the
    // municipality's).
    let regional = matches!(best.speaker, Speaker::Region(_));
    // On a page where the municipality never names itself, the state's
    // bodies agree too: Barnombudsmannen's report speaks of Migrationsverket.
    let state = best.speaker == Speaker::National && own == 0;
    let next = found.iter().skip(1).find(|b| !((regional || state) && b.speaker == best.speaker)).map_or(0, |b| b.score);
    let clear = if own == 0 { best.score >= 2 } else { best.score >= 3 && best.score > own + 1 };
    let voiced = first_person && own == 0;
    ((clear || voiced) && best.score >= 2 * next).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoken(title: &str, head: &str) -> Option<(Speaker, String)> {
        let (found, own, first_person) = bodies(&Head::new(title), &Head::new(head));
        speaking(&found, own, first_person).map(|b| (b.speaker.clone(), b.name.clone()))
    }

    #[test]
    fn an_authority_speaks_of_its_own_work() {
        let text = "Migrationsverket arbetar med att pröva ansökningar. Migrationsverkets uppdrag är brett.";
        assert_eq!(spoken("Vårt uppdrag", text), Some((Speaker::National, "Migrationsverket".into())));
        let ministry = "Inrikesministeriet ansvarar för integrationen. Vi bereder lagstiftningen.";
        assert_eq!(spoken("Integration", ministry), Some((Speaker::National, "Inrikesministeriet".into())));
    }

    #[test]
    fn a_common_noun_with_an_authoritys_ending_names_no_body() {
        let text = "Nätverket samlar föreningar som arbetar med nyanlända. Nätverkets möten är öppna.";
        assert_eq!(spoken("Om oss", text), None);
        let compound = "Integrationsnätverket i Ekby träffas varje månad. Integrationsnätverket är öppet för alla.";
        assert_eq!(spoken("Integrationsnätverket", compound), None);
        let rules = "Regelverket för mottagandet ändras. Migrationsverket informerar om ändringarna.";
        assert_eq!(spoken("Nyheter", rules), Some((Speaker::National, "Migrationsverket".into())));
    }

    #[test]
    fn a_partner_or_an_address_is_not_the_speaker_naming_itself() {
        let network = "Integrationsnätverket samlar kommunerna i länet och Arbetsförmedlingen kring mottagandet.";
        assert_eq!(spoken("Nyanlända", network), None);
        let service =
            "Kommunens flyktingmottagning. Du som har fått uppehållstillstånd ansöker om ersättning hos Migrationsverket.";
        assert_eq!(spoken("Flyktingmottagning", service), None);
        // In the genitive, after the opening: a place, owning nothing more.
        let school = format!(
            "{} Elevens kunskaper kartläggs via Skolverkets kartläggningsmaterial.",
            "Som nyanländ elev har du rätt till utbildning i skolan. ".repeat(8)
        );
        assert_eq!(spoken("Nyanlända elever", &school), None);
        // The authority that acts in the opening speaks.
        let own = "Arbetsförmedlingen hjälper nyanlända att hitta arbete.";
        assert_eq!(spoken("Nyanlända", own), Some((Speaker::National, "Arbetsförmedlingen".into())));
    }

    #[test]
    fn a_municipality_s_name_counts_outside_bodies_and_counties() {
        let score = |head: &str, name: &str| {
            let (title, head) = (Head::new("Integration"), Head::new(head));
            let (found, _, _) = bodies(&title, &head);
            name_score(&title, &head, name, &found)
        };
        assert_eq!(score("Asylsökande bor i Halmstad och i Halmstads kranskommuner.", "Halmstad"), 4);
        assert_eq!(score("Röda Korset Halmstad har språkcafé varje vecka.", "Halmstad"), 0);
        assert_eq!(score("Länsstyrelsen i Kalmar län samordnar. Kalmar läns kommuner", "Kalmar"), 0);
        assert_eq!(score("Halmstadbor och halmstadsborna", "Halmstad"), 0);
    }

    #[test]
    fn an_agency_by_its_own_name_or_abbreviation_is_the_state() {
        let text = "Brå publicerar statistik över anmälda hatbrott. Brå har identifierat motiven i anmälningarna.";
        assert_eq!(spoken("Hatbrott", text), Some((Speaker::National, "Brå".into())));
        let police = "Idag presenterar Polisen sin nationella lägesbild. Polisen bedömer att 61 områden är utsatta.";
        assert_eq!(spoken("Utsatta områden", police), Some((Speaker::National, "Polisen".into())));
        let audit = "Riksrevisionen har granskat statens insatser för nyanlända.";
        assert_eq!(spoken("Uppföljning | Riksrevisionen", audit).map(|s| s.0), Some(Speaker::National));
    }

    #[test]
    fn a_federation_of_municipalities_is_regional() {
        let text =
            "Kommunalförbundet gör långsiktig nytta för de åtta kommunerna. Kommunalförbundet samlar tjänstemän i nätverk.";
        assert_eq!(spoken("Om oss", text).map(|s| s.0), Some(Speaker::Region(None)));
    }

    #[test]
    fn the_state_s_bodies_agree_where_no_municipality_speaks() {
        let report = "Barnombudsmannen har mött 600 barn på flykt. Barnombudsmannen har lyssnat på barnen. \
            Migrationsverket prövar deras ansökningar. Migrationsverket beslutar om boende. Migrationsverket bedömer åldern.";
        assert_eq!(spoken("Rapport", report).map(|s| s.0), Some(Speaker::National));
        // Where the municipality names itself, authorities named in turn
        // are its partners.
        let page = "Kommunen tar emot nyanlända. Kommunen ordnar boende. Migrationsverket prövar ansökningar. \
            Arbetsförmedlingen ansvarar för etableringen. Migrationsverket anvisar.";
        assert_eq!(spoken("Mottagande", page), None);
    }

    #[test]
    fn an_order_a_mission_or_a_national_association_is_an_organisation() {
        let text = "Stadsmissionen driver ett språkcafé för nyanlända. Stadsmissionen vill att fler ska få en plats.";
        assert_eq!(spoken("Språkcafé", text), Some((Speaker::Organisation, "Stadsmissionen".into())));
        let association = "Föreningen Nya Vänner bygger nätverk för nyanlända. Föreningen Nya Vänner har 200 medlemmar.";
        assert_eq!(spoken("Verksamhetsberättelse", association), Some((Speaker::Organisation, "Föreningen Nya Vänner".into())));
        let order = "Ordensrådet i Kärleksorden kräver ett slut på vardagsrasismen. Kärleksorden samlar fler än tusen.";
        assert_eq!(spoken("Vardagsrasism", order).map(|s| s.0), Some(Speaker::Organisation));
    }

    #[test]
    fn a_movement_is_an_organisation() {
        let text = "Välkommen till Träffpunkt Europa. Diskussionen leds av Europarörelsens ordförande.";
        assert_eq!(spoken("Träffpunkt Europa", text), Some((Speaker::Organisation, "Europarörelsen".into())));
    }

    #[test]
    fn a_county_board_or_a_region_is_named_with_its_county() {
        let text = "Länsstyrelsen i Jämtlands län samordnar mottagandet av nyanlända i länet.";
        assert_eq!(spoken("Integration", text), Some((Speaker::Region(None), "Länsstyrelsen i Jämtlands län".into())));
        let region = "Integration är ett av Region Hallands prioriterade arbetsområden.";
        assert_eq!(spoken("Integration och inkludering", region), Some((Speaker::Region(None), "Region Halland".into())));
    }

    #[test]
    fn an_organisation_speaks_in_its_own_name() {
        let church = "Svenska kyrkan vill verka för en rättssäker asylprövning. Här kan du läsa hur vi arbetar.";
        assert_eq!(spoken("Påverkansarbete", church), Some((Speaker::Organisation, "Svenska kyrkan".into())));
        let union = "Unionen anser att etableringen måste gå snabbare.";
        assert_eq!(spoken("Integration på arbetsmarknaden | Unionen", union).map(|s| s.1), Some("Unionen".into()));
    }

    #[test]
    fn a_text_that_names_no_municipality_is_the_body_s_it_names_once() {
        let lead = "Nyland har många nya invånare som talar andra språk. Över hälften av landets utlänningar bor här, \
            och en lyckad integration kräver samarbete mellan många aktörer i hela landskapet och mellan olika sektorer. \
            Arbetet berör boende, språk, utbildning och arbete och pågår under flera år framöver i alla delar av regionen. \
            Många nya invånare är barn och unga, och skolorna och fritidsverksamheterna har en viktig roll i arbetet.";
        let page = format!("{lead}\n\nNylands förbund har tagit fram ett program för integration.");
        assert_eq!(spoken("Integration", &page), Some((Speaker::Region(None), "Nylands förbund".into())));
        // The municipality naming itself once keeps its page.
        let own = format!("{lead} Kommunen deltar.\n\nNylands förbund har tagit fram ett program för integration.");
        assert_eq!(spoken("Integration", &own), None);
    }

    #[test]
    fn a_municipality_naming_authorities_as_partners_speaks_itself() {
        let page = "Kommunen tar emot nyanlända som Migrationsverket anvisar. Arbetsförmedlingen ansvarar för \
            etableringsprogrammet. Kommunens mottagning hjälper dig med bostad, och kommunen erbjuder sfi.";
        assert_eq!(spoken("Mottagande av nyanlända", page), None);
        // Lower-case words with an authority's ending are not names.
        assert_eq!(spoken("Integration", "Vi har ett nätverk för föreningen och kyrkan i byn."), None);
    }

    #[test]
    fn a_page_presenting_several_bodies_is_none_of_theirs() {
        let page = "Mottagandet är ett delat ansvar mellan flera myndigheter.\n\nMigrationsverket\n\nDen som söker asyl gör \
            det hos Migrationsverket.\n\nLänsstyrelsen\n\nLänsstyrelsens uppdrag är att teckna överenskommelser.\n\n\
            Arbetsförmedlingen\n\nArbetsförmedlingen har ansvaret för etableringen.";
        assert_eq!(spoken("Så fungerar mottagandet", page), None);
    }

    #[test]
    fn words_are_runs_of_word_characters_with_inner_hyphens() {
        let text = "NTM-centralen i Österbotten, -Ålands 𝔛yz (LO) ä";
        let got: Vec<&str> = words(text)
            .into_iter()
            .map(|(at, w)| {
                assert_eq!(&text[at..at + w.len()], w);
                w
            })
            .collect();
        assert_eq!(got, ["NTM-centralen", "i", "Österbotten", "Ålands", "𝔛yz", "LO", "ä"]);
    }

    #[test]
    fn lower_case_words_are_right_whatever_the_letters() {
        // `İ` grows by a byte and `ẞ` shrinks by one: the lengths add up, the
        // offsets do not.
        for text in ["Ekby kommun", "İİ ẞẞ Länsstyrelsen Åsbo", "mål\nÅsa İstanbul ẞ ö"] {
            let head = Head::new(text);
            let expected: Vec<String> = head.words.iter().map(|(_, w)| kommunbench_text::lowercase(w)).collect();
            assert_eq!(head.lowers(), expected, "{text}");
        }
    }

    #[test]
    fn short_names_must_be_written_in_capitals() {
        assert_eq!(
            spoken("Integration", "LO anser att alla ska ha rätt till ett jobb. LO kräver mer sfi."),
            Some((Speaker::Organisation, "LO".into()))
        );
        assert_eq!(spoken("Integration", "Vi lo åt det. Vi bjöd in lo och do."), None);
    }
}

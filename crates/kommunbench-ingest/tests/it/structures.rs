//! How priorities are written on real pages, one structure per test. The
//! texts are written for these tests in the style of municipal pages,
//! adopted documents and party programmes; none is copied from a page.

use std::fmt::Write;

use kommunbench_core::{Level, PolicyDocument, Priority, Rule};
use kommunbench_ingest::Ingester;

fn ingest(text: &str) -> PolicyDocument {
    Ingester::new().ingest_str("test", text).unwrap()
}

fn titles(doc: &PolicyDocument) -> Vec<&str> {
    doc.priorities.iter().map(|p| p.title.as_str()).collect()
}

fn find<'a>(doc: &'a PolicyDocument, title: &str) -> &'a Priority {
    doc.priorities.iter().find(|p| p.title == title).unwrap_or_else(|| panic!("`{title}` not among {:?}", titles(doc)))
}

/// Every priority's span holds its title, where the title stands as one piece.
fn spans_hold_titles(doc: &PolicyDocument) {
    for p in &doc.priorities {
        let source = doc.slice(p.span);
        if !p.title.contains('\n') && source.len() == p.title.len() {
            assert_eq!(source, p.title);
        }
    }
}

#[test]
fn bullets_of_every_kind_after_a_colon() {
    for marker in ["•", "·", "–", "▪", "*", "-", "o", "1.", "1)", "a)", "➢"] {
        let text = format!(
            "Integration\n\nLokalföreningen arbetar för att alla som flyttar hit ska känna sig hemma.\n\nVi vill:\n\n  {marker} Fler språkpraktikplatser i kommunens verksamheter.\n  {marker} Läxhjälp på biblioteken,\n  {marker} En mötesplats i varje kommundel;\n"
        );
        let doc = ingest(&text);
        assert_eq!(
            titles(&doc),
            ["Fler språkpraktikplatser i kommunens verksamheter", "Läxhjälp på biblioteken", "En mötesplats i varje kommundel"],
            "marker {marker}"
        );
        assert!(doc.priorities.iter().all(|p| p.rule == Rule::IntroducedList && p.level == Level::PriorityArea));
        spans_hold_titles(&doc);
    }
}

#[test]
fn introductions_that_announce_lists() {
    let cases = [
        ("Moderaterna i Åby anser att:", Level::PriorityArea),
        ("Kommunens mål är:", Level::Goal),
        ("Det innebär att vi ska:", Level::PriorityArea),
        ("Stadens ansvar omfattar:", Level::Responsibility),
        ("Nämnden ska se till att", Level::Responsibility),
        ("Programmet har tre insatsområden.", Level::PriorityArea),
    ];
    for (intro, level) in cases {
        let text = format!(
            "Integrationsprogram\n\nHär beskrivs hur arbetet ska bedrivas under perioden.\n\n{intro}\n\n• nyanlända får ett första boende inom en månad\n• alla elever får studiehandledning på modersmålet\n• föreningslivet får stöd för öppna aktiviteter\n"
        );
        let doc = ingest(&text);
        assert_eq!(doc.priorities.len(), 3, "{intro}: {:?}", titles(&doc));
        assert_eq!(doc.priorities[1].title, "alla elever får studiehandledning på modersmålet");
        assert!(doc.priorities.iter().all(|p| p.level == level), "{intro}: {:?}", doc.priorities);
    }
}

#[test]
fn a_list_without_introduction_is_the_pages_own() {
    let text = "Integration\n\nVägen till jobb går genom språket\n\nDen som kommer hit ska snabbt få lära sig svenska.\n\n • Språkträning redan i förskolan.\n • Försörjningsstöd kräver motprestation\n • Bostäder är viktiga – eget ägande lönar sig.\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Språkträning redan i förskolan",
            "Försörjningsstöd kräver motprestation",
            "Bostäder är viktiga – eget ägande lönar sig"
        ]
    );
    assert!(doc.priorities.iter().all(|p| p.rule == Rule::StandaloneList));
}

#[test]
fn lists_that_are_not_priorities() {
    let text = "Samhällsorientering\n\nKursen ger dig kunskap om hur det svenska samhället fungerar.\n\nVem kan gå kursen?\n\nDu kan delta om du:\n\n • är mellan 18 och 64 år,\n • är folkbokförd i kommunen.\n\nVad handlar kursen om?\n\nKursen innehåller sex delar:\n\n 1. Att komma till Sverige.\n 2. Att bo i Sverige.\n 3. Att arbeta i Sverige.\n\nMigrationsverket\n\nMyndighetens uppgift består i att;\n\n-  pröva ansökningar om asyl\n\n-  ordna boende under asyltiden\n\nFörutom kursen finns följande utgångspunkter:\n\n • Integration är ömsesidig.\n • Alla är olika.\n\nRelaterade sidor\n\n • Sfi\n • Bibliotek\n";
    let doc = ingest(text);
    assert!(doc.priorities.is_empty(), "{:?}", titles(&doc));
}

#[test]
fn inline_enumerations_in_prose() {
    let doc = ingest(
        "Integrationsstrategi\n\nKommunfullmäktige antog strategin i maj. Därtill har fem områden prioriterats för att stärka arbetet: bemötande, arbete, språk och utbildning, bostad och trygghet.\n",
    );
    assert_eq!(titles(&doc), ["bemötande", "arbete", "språk och utbildning", "bostad", "trygghet"]);
    assert!(doc.priorities.iter().all(|p| p.rule == Rule::Enumeration));
    spans_hold_titles(&doc);

    let doc = ingest("Ny plan\n\nPlanen är nu beslutad. Fokusområdena är jobb, bostäder och hälsa. Planen följs upp varje år.\n");
    assert_eq!(titles(&doc), ["jobb", "bostäder", "hälsa"]);

    let doc = ingest(
        "Ny plan\n\nMålet är kortare väntan på sfi, en skola som ger alla barn chansen och fler bostäder i blandade områden.\n",
    );
    assert_eq!(titles(&doc), ["kortare väntan på sfi", "en skola som ger alla barn chansen", "fler bostäder i blandade områden"]);
    assert_eq!(doc.priorities[0].level, Level::Goal);

    let doc = ingest(
        "Integration\n\nDärför arbetar vi i kommunen med integration på flera sätt så som praktikplatser, språkcaféer och samhällsorientering.\n",
    );
    assert_eq!(titles(&doc), ["praktikplatser", "språkcaféer", "samhällsorientering"]);

    let doc = ingest(
        "Integration\n\nStrategin har fyra prioriterade områden: det offentliga rummet, mötesplatser, satsningar på skolan samt stöd till föreningar.\n",
    );
    assert_eq!(titles(&doc), ["det offentliga rummet", "mötesplatser", "satsningar på skolan", "stöd till föreningar"]);
}

#[test]
fn an_enumeration_repeated_is_one_set() {
    let text = "Ny policy för integration\n\nI policyn lyfts bostäder, jobb, trygghet och möten ut som prioriterade områden.\n\n– Det är viktigt att alla får vara med, säger kommunalrådet som har lett arbetet med den nya policyn under våren.\n\nFyra prioriterade områden som lyfts fram som särskilt viktiga är bostäder, jobb, trygghet och möten.\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["bostäder", "jobb", "trygghet", "möten"]);
}

#[test]
fn headed_sections_are_the_priorities_when_nothing_is_listed() {
    let text = "Så tar kommunen emot nyanlända\n\nKommunen tar varje år emot nyanlända som anvisas hit.\n\nBarnen börjar i skolan\n\nAlla barn får plats i förskola eller skola inom en månad.\n\nLäs mer om skolan\n\nVi ordnar ett första boende\n\nKommunen ordnar en första bostad för den som anvisas hit.\n\nKontakt\n\nIntegrationsenheten, telefon 0123-456 78\n";
    let doc = ingest(text);
    // `Barnen börjar i skolan` describes a service with no author at work
    // and no goal: no evidence, no priority.
    assert_eq!(titles(&doc), ["Vi ordnar ett första boende"]);
    let p = find(&doc, "Vi ordnar ett första boende");
    assert_eq!(p.body, "Kommunen ordnar en första bostad för den som anvisas hit.");
    assert_eq!(p.rule, Rule::Section);
}

#[test]
fn title_and_body_lines() {
    let text = "Integrationsplan\n\nDelmål\n\nEgen försörjning: Fler nyanlända ska ha ett arbete efter två år.\nDelaktighet: Alla ska ha möjlighet att delta i föreningslivet.\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["Egen försörjning", "Delaktighet"]);
    assert_eq!(doc.priorities[0].body, "Fler nyanlända ska ha ett arbete efter två år.");
    assert_eq!(doc.priorities[0].level, Level::SubGoal);
    spans_hold_titles(&doc);
}

#[test]
fn numbered_chapters_under_a_priority_chapter() {
    let text = "Integrationsprogram 2024–2027\n\n1 Inledning\n\nProgrammet gäller för alla nämnder.\n\n2 Strategiska områden\n\nProgrammet har två strategiska områden.\n\n2.1 Arbete och sysselsättning\n\nFler ska komma i arbete. Vi ska:\n\n• erbjuda språkpraktik\n• samarbeta med företagen\n\n2.2 Språk och utbildning\n\nAlla ska kunna lära sig svenska.\n\n3 Uppföljning\n\nProgrammet följs upp årligen.\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        ["Arbete och sysselsättning", "erbjuda språkpraktik", "samarbeta med företagen", "Språk och utbildning"]
    );
    let area = find(&doc, "Arbete och sysselsättning");
    assert_eq!((area.level, area.rule), (Level::PriorityArea, Rule::PriorityHeading));
    assert!(area.body.starts_with("Fler ska komma i arbete."));
    let action = find(&doc, "erbjuda språkpraktik");
    assert_eq!(action.level, Level::Action);
    assert_eq!(action.parent.map(|p| doc.priorities[p].title.as_str()), Some("Arbete och sysselsättning"));
}

#[test]
fn a_table_of_contents_and_its_chapters_give_each_priority_once() {
    let text = "Integrationsplan för Åby kommun\n\nInnehåll\n1. Inledning .......... 2\n2. Fokusområden .......... 3\n2.1 Arbete .......... 3\n2.2 Boende och trygghet .......... 5\n3. Uppföljning .......... 8\n\n1. Inledning\n\nPlanen beskriver kommunens arbete.\n\n2. Fokusområden\n\n2.1 Arbete\n\nFler ska ha ett arbete.\n\n2.2 Boende och trygghet\n\nAlla ska kunna bo tryggt.\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["Arbete", "Boende och trygghet"]);
    assert_eq!(find(&doc, "Boende och trygghet").body, "Alla ska kunna bo tryggt.");
}

#[test]
fn goals_with_sub_goals_and_measures_nest() {
    let text = "Handlingsplan\n\nKommunens mål är:\n\n1. Fler i arbete\n   a) Fler nyanlända i praktik\n      • Praktik i kommunens verksamheter\n      • Mentorer från näringslivet\n   b) Fler som startar företag\n2. Bättre skolresultat\n";
    let doc = ingest(text);
    let goal = find(&doc, "Fler i arbete");
    // `Kommunens mål är:` ends in a colon: it introduces, it is no heading.
    assert_eq!((goal.level, goal.rule, goal.parent), (Level::Goal, Rule::IntroducedList, None));
    let sub = find(&doc, "Fler nyanlända i praktik");
    assert_eq!((sub.level, sub.rule), (Level::SubGoal, Rule::NestedItem));
    assert_eq!(sub.parent.map(|p| doc.priorities[p].title.as_str()), Some("Fler i arbete"));
    let measure = find(&doc, "Mentorer från näringslivet");
    assert_eq!(measure.level, Level::Action);
    assert_eq!(measure.parent.map(|p| doc.priorities[p].title.as_str()), Some("Fler nyanlända i praktik"));
    assert_eq!(find(&doc, "Fler som startar företag").parent, sub.parent);
    assert_eq!(find(&doc, "Bättre skolresultat").parent, None);
}

#[test]
fn page_furniture_is_never_a_priority() {
    let text = "Denna webbplats använder kakor. Genom att surfa vidare godkänner du det.\n\nStartsida\nOmsorg och stöd\nIntegration\n\nIntegration\n\nKommunen arbetar för att alla ska få en bra start. Vi vill:\n\n• Fler i arbete\n• Mötesplatser i alla kommundelar\n\nLäs integrationsprogrammet Pdf, 512 kB, öppnas i nytt fönster.\n\nFöreningens webbplats\n\nÖppettider\nMåndag–fredag 8–16\n\nKontakt\nIntegrationsenheten\nE-post: integration@example.se\nTelefon: 0123-456 00\n\nSidan uppdaterades 3 mars 2024\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["Fler i arbete", "Mötesplatser i alla kommundelar"]);
    assert!(!doc.content().contains("kakor"), "{}", doc.content());
    assert!(!doc.content().contains("Pdf"));
}

#[test]
fn priority_extraction_is_linear_in_list_items() {
    // 20,000 bullets were quadratic before (every priority searched every
    // block for its section); this must finish, and in order.
    let mut text = String::from("Integrationsplan\n\nVi vill:\n\n");
    for i in 0..20_000 {
        writeln!(text, "• Åtgärd nummer {i}").unwrap();
    }
    let doc = ingest(&text);
    assert_eq!(doc.priorities.len(), 20_000);
    assert_eq!(doc.priorities[19_999].title, "Åtgärd nummer 19999");
}

#[test]
fn labels_that_name_a_kind_give_their_text_as_title() {
    // The layout of Finnish-Swedish integration programmes: goal, measure,
    // responsible party and timetable as labelled lines.
    let text = "Integrationsprogram för Åby stad\n\nFokusområde 1: Information och rådgivning\n\nMål: Alla nya invånare får information om stadens tjänster på ett språk de förstår.\nÅtgärd: Informationsträffar på flera språk\nAnsvarig: Integrationskoordinatorn\nTidtabell: 2025\n\nFokusområde 2: Språk och utbildning\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Information och rådgivning",
            "Alla nya invånare får information om stadens tjänster på ett språk de förstår",
            "Informationsträffar på flera språk",
            "Språk och utbildning"
        ]
    );
    let measure = find(&doc, "Informationsträffar på flera språk");
    assert_eq!((measure.level, measure.rule), (Level::Action, Rule::KindLabel));
    assert_eq!(measure.details.responsible, ["Integrationskoordinatorn"]);
    assert_eq!(measure.details.timetable.as_deref(), Some("2025"));
    assert_eq!(find(&doc, "Information och rådgivning").level, Level::PriorityArea);
    spans_hold_titles(&doc);
}

#[test]
fn a_pdf_export_with_running_headers_and_glued_headings() {
    // Headings sit right above their text; every page repeats a header
    // with the page number; chapters are numbered without a dot.
    let text = "ÅBY KOMMUN\n\nIntegrationsprogram 2025–2028\n\nÅby kommun        Integrationsprogram        2 (6)\n1 Inledning\nProgrammet gäller alla nämnder.\n\n2 Utgångspunkter\nProgrammet bygger på:\n  • den nationella integrationspolitiken\n  • kommunens vision\nÅby kommun        Integrationsprogram        3 (6)\n3 Insatsområden\nProgrammet har två insatsområden.\n\n3.1 Arbete\nFler ska ha ett arbete. Vi ska:\n  • erbjuda praktik i kommunens verksamheter\n    Ansvarig: Arbetsmarknadsnämnden    Tidplan: 2025\n  • ordna rekryteringsträffar\nÅby kommun        Integrationsprogram        4 (6)\n3.2 Språk\nAlla ska kunna lära sig svenska.\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["Arbete", "erbjuda praktik i kommunens verksamheter", "ordna rekryteringsträffar", "Språk"]);
    let measure = find(&doc, "erbjuda praktik i kommunens verksamheter");
    assert_eq!(measure.details.responsible, ["Arbetsmarknadsnämnden"]);
    assert_eq!(measure.details.timetable.as_deref(), Some("2025"));
    assert!(!doc.content().contains("(6)"), "running headers are furniture: {}", doc.content());
}

#[test]
fn chapters_over_goals_and_an_action_table() {
    let text = "Handlingsplan för integration 2025\n\n1. Mottagande\nMål: Alla som anvisas får ett samordnat mottagande.\nÅtgärd\tAnsvarig\tTidplan\nErbjuda bostad vid ankomst\tSocialnämnden\tLöpande\n\n2. Arbete\nMål: Fler utrikes födda har ett arbete.\nÅtgärd\tAnsvarig\tTidplan\nStarta ett jobbspår för kvinnor\tArbetsmarknadsnämnden\t2025\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Mottagande",
            "Alla som anvisas får ett samordnat mottagande",
            "Erbjuda bostad vid ankomst",
            "Arbete",
            "Fler utrikes födda har ett arbete",
            "Starta ett jobbspår för kvinnor"
        ]
    );
    let chapter = find(&doc, "Arbete");
    assert_eq!((chapter.level, chapter.rule), (Level::PriorityArea, Rule::Chapter));
    // The action belongs to the goal before its table, the goal to the chapter.
    let action = find(&doc, "Starta ett jobbspår för kvinnor");
    assert_eq!(action.parent.map(|p| doc.priorities[p].title.as_str()), Some("Fler utrikes födda har ett arbete"));
    let goal = find(&doc, "Fler utrikes födda har ett arbete");
    assert_eq!(goal.parent.map(|p| doc.priorities[p].title.as_str()), Some("Arbete"));
}

#[test]
fn headings_a_sentence_counts() {
    let text = "Regionalt program för integration\n\nTre prioriterade områden\nParterna har enats om tre prioriterade områden för perioden.\n\nEtt samordnat mottagande\nInom området ska vi:\n  - ta fram gemensamma rutiner för bosättning\n\nVägar till arbete\nInom området ska vi:\n  - korta tiden till första jobbet\n\nTillit och delaktighet\nInom området ska vi:\n  - stödja föreningarnas mötesplatser\n\nVem gör vad?\nKommunerna i länet ansvarar bland annat för:\n• samhällsorientering\n• sfi\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Ett samordnat mottagande",
            "ta fram gemensamma rutiner för bosättning",
            "Vägar till arbete",
            "korta tiden till första jobbet",
            "Tillit och delaktighet",
            "stödja föreningarnas mötesplatser"
        ]
    );
    assert_eq!(find(&doc, "Vägar till arbete").rule, Rule::CountedHeading);
    let item = find(&doc, "korta tiden till första jobbet");
    assert_eq!(item.parent.map(|p| doc.priorities[p].title.as_str()), Some("Vägar till arbete"));
    // The list under the question is another actor's duties: out of coverage too.
    assert!(doc.blocks.iter().filter(|b| b.text == "samhällsorientering").all(|b| b.outside));
}

#[test]
fn lettered_chapters_and_another_authoritys_duties() {
    let text = "Integrationsprogram för Åby stad\n\nLandskapsregeringen ansvarar enligt lagen för att:\n  - samordna integrationsarbetet\n  - finansiera undervisning i svenska\n\nProgrammet innehåller två insatsområden:\n\nA. Information för inflyttade\nMål: Alla inflyttade får information om stadens service.\nÅtgärder:\n   · Ta fram en välkomstfolder.\n\nB. Svenska språket\nMål: Inflyttade vuxna kan lära sig svenska.\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Information för inflyttade",
            "Alla inflyttade får information om stadens service",
            "Ta fram en välkomstfolder",
            "Svenska språket",
            "Inflyttade vuxna kan lära sig svenska"
        ]
    );
}

#[test]
fn long_dash_items_in_a_run_are_a_list_and_labels_title_their_items() {
    let text = "Integration\n\nCenterpartiet anser att\n– nyanlända ska erbjudas sfi redan under den allra första veckan i sin nya kommun\n– fler ska kunna kombinera språkstudier med praktik\n\nVåra krav:\n1. Språket först: Alla vuxna ska erbjudas sfi inom två veckor.\n2. Fler företagare: Det ska bli enklare att starta eget.\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "nyanlända ska erbjudas sfi redan under den allra första veckan i sin nya kommun",
            "fler ska kunna kombinera språkstudier med praktik",
            "Språket först",
            "Fler företagare"
        ]
    );
    assert_eq!(find(&doc, "Fler företagare").body, "Det ska bli enklare att starta eget.");
}

#[test]
fn a_table_of_contents_without_leaders() {
    let text = "Integrationsstrategi för Åby kommun\n\nInnehåll\n1 Inledning 3\n2 Strategiska områden 4\n2.1 Arbete och försörjning 4\n2.2 Språk och utbildning 6\n3 Uppföljning 9\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["Arbete och försörjning", "Språk och utbildning"]);
}

#[test]
fn lines_that_open_alike_are_a_list_and_numbered_kinds_lose_their_number() {
    let text = "Valprogram 2026\n\nDet här vill vi\nVi vill att fler nyanlända får praktik redan första året.\nVi vill att sfi kan läsas på kvällar\nVi vill att föreningarna får stöd för öppna aktiviteter.\n\nMål 1 – Fler i arbete\nFler ska ha ett jobb inom två år.\n\nMål 2 – Trygga bostadsområden\nAlla ska kunna bo tryggt.\n";
    let doc = ingest(text);
    assert_eq!(
        titles(&doc),
        [
            "Vi vill att fler nyanlända får praktik redan första året",
            "Vi vill att sfi kan läsas på kvällar",
            "Vi vill att föreningarna får stöd för öppna aktiviteter",
            "Fler i arbete",
            "Trygga bostadsområden"
        ]
    );
    spans_hold_titles(&doc);
}

#[test]
fn breadcrumbs_related_links_and_fact_boxes_are_not_priorities() {
    let text = "Startsida / Kommun och politik / Integration\n\nIntegration\n\nKommunen har tre fokusområden: arbete, språk och boende.\n\nFakta: Integrationsplan 2025–2028\n• Gäller: 2025–2028\n• Ersätter: Integrationsprogram 2019–2022\n• Ansvarig nämnd: Kommunstyrelsen\n\nRelaterade sidor\nSfi – svenska för invandrare\nSamhällsorientering\nFöreningsbidrag\n";
    let doc = ingest(text);
    assert_eq!(titles(&doc), ["arbete", "språk", "boende"]);
    assert!(!doc.content().contains("Startsida"), "{}", doc.content());
    assert!(!doc.content().contains("Föreningsbidrag"), "{}", doc.content());
}

//! The traps of Swedish integration texts, sentence by sentence: what the
//! default lexicon must and must not read into them.

use kommunbench_ingest::Ingester;
use kommunbench_mapping::{Aligner, LexiconMapper};

use crate::common::se2008;

/// The areas a one-paragraph document is found to address.
fn areas(text: &str) -> Vec<String> {
    let framework = se2008();
    let mapper = LexiconMapper::builtin(&framework).unwrap();
    let doc = Ingester::new().ingest_str("t", &format!("Integrationspolicy\n\n{text}\n")).unwrap();
    let mapping = Aligner::new(&framework, &mapper).map_document(&doc);
    mapping.coverage.iter().filter(|c| c.covered).map(|c| c.area.to_string()).collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(areas(text), expected, "{text}");
}

#[test]
fn work_is_jobs_not_efforts() {
    check("Frivilligarbete och integrationsarbetet är viktiga delar av invandringsarbetet.", &[]);
    check("Kommunens arbete med integration ska samordnas.", &[]);
    check("Där bedrivs ett aktivt arbete för att öka tryggheten.", &[]);
    check("Arbetet för en ökad integration innebär att vi samverkar.", &[]);
    check("Fler nyanlända ska komma i arbete och egen försörjning.", &["work"]);
    check("Kommunen satsar på arbetsmarknadsinsatser för utrikes födda.", &["work"]);
    check("Nyföretagare får stöd genom företagslotsen.", &["work"]);
    check("Möjligheten att fullt ut studera eller arbeta.", &[]);
    // `arbete` in passing needs support; jobs as a goal weigh fully.
    check("Du kan kombinera studierna med arbete på deltid.", &[]);
    check("Fler nyanlända ska få arbete inom två år.", &["work"]);
    // Labour immigration is migration policy, not work for those who came.
    check("Arbetskraftsinvandringen från Finland upphörde på 1970-talet.", &[]);
    // A compilation ends like `*anställning`; a unit head's title is no job.
    check("Rapporten är en sammanställning av statistik från kommunerna.", &[]);
    check("Frågor besvaras av vår arbetsmarknadschef.", &[]);
    // Context words are exact: `helheter` is not a form of the guard `hela`.
    check("Programmet består av sju helheter: arbete, boende och hälsa.", &["work"]);
}

#[test]
fn school_is_for_children_adult_learning_for_adults() {
    check("Vuxenutbildningen och sfi erbjuds på kvällstid.", &["adult_learning"]);
    check("Folkhögskolan erbjuder kurser för nyanlända.", &["adult_learning"]);
    check("Nyanlända elever får studiehandledning på modersmålet i grundskolan.", &["school"]);
    check("Genom flexibel och individanpassad utbildning ska alla få en god framtid.", &[]);
    check("Utbildningar som tjänar arbetsmarknadens behov ska erbjudas.", &["work", "adult_learning"]);
    check("Barn- och ungdomsverksamheten samverkar med vuxen- och ungdomsutbildningen.", &["adult_learning"]);
    check("Småbarnspedagogiken och den grundläggande utbildningen stöder barnens språk.", &["school"]);
    // The mother tongue as a course's language, and any basic course, are not school.
    check("Samhällsorientering ges på deltagarnas modersmål.", &["reception"]);
    check("Barnen har rätt till modersmålsundervisning.", &["school"]);
    check("Svenska för invandrare är en grundläggande utbildning i svenska språket.", &["adult_learning"]);
    // A committee's name and a migration law are no schooling.
    check("Rådet har två ledamöter från barn- och skolnämnden.", &[]);
    check("Gymnasielagen gav uppehållstillstånd till ensamkommande.", &["reception"]);
}

#[test]
fn reception_is_more_than_the_word_newcomer() {
    check("Nyanlända är en resurs för kommunen.", &[]);
    check("Kommunen tar emot nyanlända enligt bosättningslagen.", &["reception"]);
    check("Mottagandet av ensamkommande barn har ökat.", &["reception"]);
    check("Tillgången på bostäder är avgörande för att nyanlända ska kunna etablera sig.", &["reception"]);
    check("Samhällsorientering erbjuds alla kommunplacerade.", &["reception"]);
    // Receiving refugees in any tense and word order.
    check("Kommunen har tagit emot många flyktingar de senaste åren.", &["reception"]);
    check("Åre tar emot ca 100 flyktingar varje år.", &["reception"]);
    // Temporary protection (Ukraine, since 2022) is a reception of refugees.
    check("Den som har tillfälligt skydd kan få hjälp av flyktingkoordinatorn.", &["reception"]);
}

#[test]
fn equality_vision_alone_is_not_anti_discrimination() {
    check("Alla invånare har lika rättigheter, skyldigheter och möjligheter oavsett etnisk och kulturell bakgrund.", &[]);
    check("I kommunen råder nolltolerans mot rasism och främlingsfientlighet.", &["discrimination"]);
    check("Förverkligandet av likabehandling främjar välbefinnandet.", &["discrimination"]);
    check("Effektiva antidiskrimineringsinsatser", &["discrimination"]);
}

#[test]
fn urban_needs_a_neighbourhood_angle() {
    check("Kommunen ska bygga fler bostäder och öka bostadsförsörjningen.", &[]);
    check("Boendesegregationen ska minska i kommunens utsatta områden.", &["urban"]);
    check("Ett varierat utbud av boende- och upplåtelseformer i hela kommunen.", &["urban"]);
    check("Tillsammans med invånarna stärker vi tryggheten i bostadsområdena.", &["urban"]);
    check("Nyanlända bosätts så jämnt som möjligt mellan kommunens stadsdelar.", &["urban"]);
    check("Människor med olika bakgrunder ska bo i alla bostadsområden.", &["urban"]);
    check("Stadsdelsbiblioteket har öppet på lördagar.", &[]);
    check("Utveckling av tätorter med ökande socialt utanförskap", &["urban"]);
}

#[test]
fn shared_values_in_many_wordings() {
    check("Biologisk mångfald är viktig för miljön.", &[]);
    check("Vi vill stärka demokratin och respekten för mänskliga rättigheter.", &["values"]);
    check("Samverkan med det civila samhället och föreningslivet stärker sammanhållningen.", &["values"]);
    check("Goda befolkningsrelationer skapar en stad där det finns rum för alla.", &["values"]);
    check("Genom nätverk och mötesplatser ska delaktighet tas tillvara.", &["values"]);
    check("Alla människors lika värde är grunden för vårt arbete.", &["values"]);
    check("Mångfald i organisationen.", &[]);
}

//! Inputs for the benchmarks, built from the fixture corpus only: a
//! deterministic generator of municipal policy corpora of any size.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kommunbench_core::{MunicipalityRegistry, PolicyDocument};
use kommunbench_ingest::CorpusReader;

/// The repository's fixture directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The five fixture documents, parsed.
pub fn fixture_documents() -> Vec<PolicyDocument> {
    CorpusReader::new().read(&[fixtures().join("corpus")]).documents
}

/// The fixtures' content (furniture removed), repeated to at least `bytes`.
pub fn content_of_size(bytes: usize) -> String {
    let docs = fixture_documents();
    let mut out = String::with_capacity(bytes + 8192);
    while out.len() < bytes {
        for d in &docs {
            out.push_str(&d.content());
            out.push_str("\n\n");
        }
    }
    out
}

/// One document of at least `bytes` bytes, one shape of text through and
/// through: running prose (the fixtures' paragraphs), or a list-heavy text
/// (bullets under `Vi vill:` introductions, nested measures, `Mål:` lines),
/// to compare priority extraction on each.
pub fn shaped_document(bytes: usize, lists: bool) -> String {
    let pools = pools(&fixture_documents());
    let mut out = String::from("Integrationsprogram\n\n");
    let mut n = 0usize;
    while out.len() < bytes {
        if lists {
            out.push_str("Vi vill:\n\n");
            for k in 0..8 {
                let title = &pools.priorities[(n + k) % pools.priorities.len()];
                let _ = writeln!(out, "• {title} {n}");
                if k % 3 == 0 {
                    let _ = writeln!(out, "  – åtgärd {n}.{k} för {title}");
                }
            }
            let _ = write!(out, "\nMål: Fler i arbete år {n}\nAnsvarig: Arbetsmarknadsenheten\n\n");
        } else {
            for k in 0..4 {
                out.push_str(&pools.sentences[(n * 4 + k) % pools.sentences.len()]);
                out.push(' ');
            }
            out.push_str("\n\n");
        }
        n += 1;
    }
    out
}

/// Pieces of real text to recombine.
struct Pools {
    sentences: Vec<String>,
    priorities: Vec<String>,
    headings: Vec<String>,
    furniture: Vec<String>,
}

fn pools(docs: &[PolicyDocument]) -> Pools {
    let mut sentences = Vec::new();
    let mut headings = Vec::new();
    for d in docs {
        for b in &d.blocks {
            match b.kind {
                kommunbench_core::BlockKind::Heading { .. } => headings.push(b.text.clone()),
                _ => {
                    for s in b.text.split_inclusive(". ") {
                        let s = s.trim();
                        if s.split_whitespace().count() >= 4 {
                            sentences.push(s.to_owned());
                        }
                    }
                }
            }
        }
    }
    let priorities = docs.iter().flat_map(|d| d.priorities.iter().map(|p| p.title.clone())).collect();
    let furniture =
        docs.iter().flat_map(|d| d.dropped.iter().map(|x| d.slice(x.span).to_owned())).filter(|l| l.len() < 80).collect();
    Pools { sentences, priorities, headings, furniture }
}

/// A generated document: its id (file stem) and raw text.
#[derive(Debug, Clone)]
pub struct Generated {
    /// `<municipality slug>-<SCB code>-<n>`.
    pub id: String,
    /// The raw text, page furniture included.
    pub text: String,
}

/// A corpus of at least `bytes` bytes: documents of about `doc_bytes`
/// each, spread over the 290 Swedish municipalities in turn, each built
/// from the fixtures' sentences, headings, priorities and page furniture,
/// drawn with a fixed `seed`. The same arguments give the same corpus.
pub fn generate(bytes: usize, doc_bytes: usize, seed: u64) -> Vec<Generated> {
    let docs = fixture_documents();
    let pools = pools(&docs);
    let registry = MunicipalityRegistry::builtin();
    let municipalities: Vec<(&str, &str)> =
        registry.all().iter().filter(|m| m.country.as_str() == "SE").map(|m| (m.code.as_str(), m.name.as_str())).collect();
    let mut rng = fastrand::Rng::with_seed(seed);
    let pick = |rng: &mut fastrand::Rng, v: &[String]| v[rng.usize(..v.len())].clone();
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let n = out.len();
        let (code, name) = municipalities[n % municipalities.len()];
        let mut text = String::with_capacity(doc_bytes + 1024);
        for _ in 0..3 {
            text.push_str(&pick(&mut rng, &pools.furniture));
            text.push_str("\n\n");
        }
        let _ = write!(
            text,
            "Integrationsprogram för {name}s kommun\n\nAntagen av kommunfullmäktige 20{:02}-0{}-1{}, § {}\n\n",
            10 + n % 15,
            1 + n % 9,
            n % 10,
            10 + n % 90
        );
        while text.len() < doc_bytes / 2 {
            text.push_str(&pick(&mut rng, &pools.headings));
            text.push_str("\n\n");
            for _ in 0..rng.usize(2..6) {
                text.push_str(&pick(&mut rng, &pools.sentences));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        text.push_str("Prioriterade områden\n\n");
        for _ in 0..rng.usize(3..8) {
            text.push_str("- ");
            text.push_str(&pick(&mut rng, &pools.priorities));
            text.push('\n');
        }
        text.push('\n');
        while text.len() < doc_bytes {
            for _ in 0..rng.usize(2..6) {
                text.push_str(&pick(&mut rng, &pools.sentences));
                text.push(' ');
            }
            let _ = write!(text, "\n\nI {name}s kommun ska arbetet följas upp.\n\n");
        }
        text.push_str("Hjälpte informationen dig?\n\nSenast uppdaterad: 2024-01-01\n");
        let slug: String = name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        total += text.len();
        out.push(Generated { id: format!("{slug}-{code}-{}", n / municipalities.len() + 1), text });
    }
    out
}

/// A Kolada data response in the documented shape (`values`, `count`,
/// `next_page`) for `kpis` x the 290 Swedish municipalities x `years`,
/// drawn with a fixed `seed`: each value a share (%) with a trend by year,
/// women's and men's values beside the total, plus what real responses
/// hold besides: the whole country (`0000`), a region (`0001`) and a
/// group (`G2328`), and about one municipality in a hundred without a
/// value that year. The same arguments give the same response.
pub fn kolada_response(kpis: &[&str], years: std::ops::RangeInclusive<i32>, seed: u64) -> String {
    let registry = MunicipalityRegistry::builtin();
    let mut ids: Vec<&str> = registry.all().iter().filter(|m| m.country.as_str() == "SE").map(|m| m.code.as_str()).collect();
    ids.extend(["0000", "0001", "G2328"]);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut entries = Vec::new();
    for kpi in kpis {
        for id in &ids {
            let base = 30.0 + rng.f64() * 50.0;
            for year in years.clone() {
                let total = base + f64::from(year - years.start()) * (rng.f64() - 0.3);
                let mut value = |v: f64| if rng.usize(..100) == 0 { "null".to_owned() } else { format!("{v:.1}") };
                let (t, k, m) = (value(total), value(total + 2.0), value(total - 2.0));
                let count = if id.starts_with('G') { 290 } else { 1 };
                entries.push(format!(
                    "{{\"kpi\": \"{kpi}\", \"municipality\": \"{id}\", \"period\": {year}, \"values\": [\
                     {{\"gender\": \"T\", \"count\": {count}, \"status\": \"\", \"value\": {t}}}, \
                     {{\"gender\": \"K\", \"count\": {count}, \"status\": \"\", \"value\": {k}}}, \
                     {{\"gender\": \"M\", \"count\": {count}, \"status\": \"\", \"value\": {m}}}]}}"
                ));
            }
        }
    }
    format!("{{\"count\": {}, \"next_page\": null, \"values\": [\n{}\n]}}\n", entries.len(), entries.join(",\n"))
}

/// Writes a generated corpus into `dir` as `<id>.txt` files.
pub fn write_corpus(corpus: &[Generated], dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for g in corpus {
        std::fs::write(dir.join(format!("{}.txt", g.id)), &g.text)?;
    }
    Ok(())
}

/// Synthetic mappings with `alignments` segment alignments in all (the
/// input of the coverage matrix): 290 municipalities, 4 documents each,
/// document coverage of the seven se-2008 areas, segments with zero to
/// three areas each, some uncoded; fixed `seed`.
pub fn synthetic_mappings(alignments: usize, seed: u64) -> Vec<kommunbench_mapping::DocumentMapping> {
    use kommunbench_core::{AreaId, CountryCode, DocumentId, FrameworkId, Municipality, MunicipalityCode};
    use kommunbench_mapping::{Alignment, AreaCoverage, DocumentMapping, UnitKind};
    const AREAS: [&str; 7] = ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"];
    let mut rng = fastrand::Rng::with_seed(seed);
    let areas: Vec<AreaId> = AREAS.iter().map(|a| AreaId::new(*a).unwrap()).collect();
    let framework = FrameworkId::new("se-2008").unwrap();
    let documents = 290 * 4;
    let per_document = alignments.div_ceil(documents);
    (0..documents)
        .map(|d| {
            let id = DocumentId::new(format!("doc-{d}")).unwrap();
            let municipality = Municipality {
                name: format!("m-{}", d % 290),
                code: MunicipalityCode::new(format!("{}", 1000 + d % 290)).unwrap(),
                country: CountryCode::new("SE").unwrap(),
                county: String::new(),
                aliases: Vec::new(),
            };
            let mut segment_alignments = Vec::with_capacity(per_document);
            let mut segment = 0;
            while segment_alignments.len() < per_document {
                for _ in 0..rng.usize(0..4).min(per_document - segment_alignments.len()) {
                    let score = rng.f64();
                    segment_alignments.push(Alignment {
                        document: id.clone(),
                        unit_kind: UnitKind::Segment,
                        unit_index: segment,
                        unit: "".into(),
                        level: None,
                        rule: None,
                        area: areas[rng.usize(0..areas.len())].clone(),
                        score,
                        method: "lexicon".into(),
                        accepted: score >= 0.6,
                        evidence: Vec::new(),
                    });
                }
                segment += 1;
            }
            DocumentMapping {
                document: id,
                municipality: Some(municipality),
                framework: framework.clone(),
                method: "lexicon".to_owned(),
                alignments: segment_alignments,
                coverage: areas
                    .iter()
                    .map(|a| {
                        let score = rng.f64();
                        let evidence_count = rng.usize(0..5);
                        AreaCoverage { area: a.clone(), score, covered: score >= 0.6, evidence_count, evidence: Vec::new() }
                    })
                    .collect(),
                local_priorities: Vec::new(),
            }
        })
        .collect()
}

/// A text PDF of `pages` pages written with `lopdf`: the fixtures'
/// content in 11 pt Helvetica (a standard font, `WinAnsi` encoded), 56
/// lines a page, a 16 pt heading every 40 lines, a running header and a
/// page number, as an adopted policy is printed.
pub fn text_pdf(pages: usize) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};

    let winansi = |s: &str| -> Vec<u8> {
        s.chars()
            .map(|c| match c {
                '–' => 0x96,
                '—' => 0x97,
                '’' => 0x92,
                '”' | '“' => 0x94,
                '•' => 0x95,
                c if (c as u32) < 256 => c as u8,
                _ => b'?',
            })
            .collect()
    };
    let text = content_of_size(pages * 5000);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if line.chars().count() + word.chars().count() > 88 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
        lines.push(String::new());
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    let mut source = lines.iter().cycle();
    for page in 1..=pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 8.into()]),
            Operation::new("Td", vec![56.into(), 800.into()]),
            Operation::new("Tj", vec![Object::string_literal(winansi("Åby kommun – Integrationsprogram 2025–2028"))]),
            Operation::new("ET", vec![]),
        ];
        let mut y = 760.0;
        for i in 0..56 {
            let line = source.next().map_or("", String::as_str);
            let heading = i % 40 == 0;
            let size = if heading { 16 } else { 11 };
            ops.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), size.into()]),
                Operation::new("Td", vec![56.into(), Object::Real(y)]),
                Operation::new("Tj", vec![Object::string_literal(winansi(if heading { "Fokusområde" } else { line }))]),
                Operation::new("ET", vec![]),
            ]);
            y -= if heading { 22.0 } else { 12.5 };
        }
        ops.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("Td", vec![520.into(), 40.into()]),
            Operation::new("Tj", vec![Object::string_literal(format!("Sida {page} av {pages}"))]),
            Operation::new("ET", vec![]),
        ]);
        let content = Content { operations: ops }.encode().expect("content encodes");
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(Object::from(page));
    }
    let count = i64::try_from(kids.len()).expect("a page count");
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF in memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = generate(200_000, 20_000, 7);
        let b = generate(200_000, 20_000, 7);
        assert_eq!(a.iter().map(|g| &g.text).collect::<Vec<_>>(), b.iter().map(|g| &g.text).collect::<Vec<_>>());
        let total: usize = a.iter().map(|g| g.text.len()).sum();
        assert!((200_000..260_000).contains(&total), "{total}");
        assert_eq!(a[0].id, "upplands-väsby-0114-1");
        let many = generate(3_000_000, 10_000, 7);
        let ids: std::collections::HashSet<&str> = many.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids.len(), many.len(), "ids are unique");
        let c = generate(200_000, 20_000, 8);
        assert_ne!(a[0].text, c[0].text);
        // The municipality is recognised and the priorities are found.
        let doc = kommunbench_ingest::Ingester::new().ingest_str(&a[3].id, &a[3].text).unwrap();
        assert!(doc.municipality.is_some());
        assert!(doc.priorities.len() >= 3);
    }
}

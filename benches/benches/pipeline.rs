//! The pipeline on generated corpora: ingestion, lexicon and similarity
//! mapping, end-to-end coverage, the coverage matrix from 10^4 to 10^7
//! alignments, and the join of coverage with outcome data.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kommunbench_analysis::{CoverageMatrix, Granularity};
use kommunbench_bench::{generate, synthetic_mappings};
use kommunbench_core::{Framework, PolicyDocument};
use kommunbench_ingest::Ingester;
use kommunbench_mapping::{Aligner, Lexicon, LexiconMapper, SimilarityMapper};

const MB: usize = 1_000_000;

fn parse(texts: &[kommunbench_bench::Generated], ingester: &Ingester) -> Vec<PolicyDocument> {
    texts.iter().map(|g| ingester.ingest_str(&g.id, &g.text).unwrap()).collect()
}

fn bytes(texts: &[kommunbench_bench::Generated]) -> u64 {
    texts.iter().map(|g| g.text.len() as u64).sum()
}

fn mapping(c: &mut Criterion) {
    let framework = Framework::builtin("se-2008").unwrap();
    let lexicon = Lexicon::builtin(&framework).unwrap();
    let corpus = generate(MB, 30_000, 1);
    let docs = parse(&corpus, &Ingester::new());
    let mut group = c.benchmark_group("coverage_mapping");
    group.throughput(Throughput::Bytes(bytes(&corpus)));
    let lexicon_mapper = LexiconMapper::new(lexicon.clone());
    group.bench_function("lexicon/1MB", |b| {
        b.iter(|| docs.iter().map(|d| Aligner::new(&framework, &lexicon_mapper).coverage(d).len()).sum::<usize>());
    });
    let similarity = SimilarityMapper::fit(&framework, &lexicon, &docs);
    group.sample_size(10);
    group.bench_function("similarity/1MB", |b| {
        b.iter(|| docs.iter().map(|d| Aligner::new(&framework, &similarity).coverage(d).len()).sum::<usize>());
    });
    group.finish();
}

/// Texts to coverage, as `kommunbench coverage` does it: parse and map to
/// document coverage on every core (`RAYON_NUM_THREADS=1` for one), then
/// the long coverage table; and the full report path (every unit mapped,
/// the municipality x area matrix built and written out as a frame).
fn end_to_end(c: &mut Criterion) {
    use rayon::prelude::*;
    let framework = Framework::builtin("se-2008").unwrap();
    let mapper = LexiconMapper::builtin(&framework).unwrap();
    let areas: Vec<String> = framework.areas().iter().map(|a| a.id.to_string()).collect();
    let ingester = Ingester::new();
    let mut group = c.benchmark_group("end_to_end");
    group.sample_size(10);
    for mb in [1, 10] {
        let corpus = generate(mb * MB, 30_000, 2);
        group.throughput(Throughput::Bytes(bytes(&corpus)));
        group.bench_with_input(BenchmarkId::new("coverage", format!("{mb}MB")), &corpus, |b, corpus| {
            b.iter(|| {
                let docs: Vec<PolicyDocument> = corpus.par_iter().map(|g| ingester.ingest_str(&g.id, &g.text).unwrap()).collect();
                let coverages = Aligner::new(&framework, &mapper).coverages(&docs);
                coverages.iter().map(Vec::len).sum::<usize>()
            });
        });
    }
    let corpus = generate(10 * MB, 30_000, 2);
    group.throughput(Throughput::Bytes(bytes(&corpus)));
    group.bench_function("report/10MB", |b| {
        b.iter(|| {
            let docs: Vec<PolicyDocument> = corpus.par_iter().map(|g| ingester.ingest_str(&g.id, &g.text).unwrap()).collect();
            let mappings = Aligner::new(&framework, &mapper).map_documents(&docs);
            let matrix = CoverageMatrix::new(&docs, &mappings, &areas, Granularity::Municipality, 0.6);
            matrix.long().unwrap().height()
        });
    });
    group.finish();
}

fn matrix(c: &mut Criterion) {
    let areas: Vec<String> = ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let mut group = c.benchmark_group("coverage_matrix");
    group.sample_size(10);
    for alignments in [10_000, 100_000, 1_000_000, 10_000_000] {
        let mappings = synthetic_mappings(alignments, 3);
        group.throughput(Throughput::Elements(alignments as u64));
        group.bench_with_input(BenchmarkId::from_parameter(alignments), &mappings, |b, mappings| {
            b.iter(|| CoverageMatrix::new(&[], mappings, &areas, Granularity::Municipality, 0.6).long().unwrap().height());
        });
    }
    group.finish();
}

/// Coverage beside outcomes: three key figures x the 290 municipalities x
/// ten years (a generated Kolada response, read from its file) joined with
/// the benchmark of the 290-municipality corpus, bootstrap intervals
/// included. The target: under a second.
fn outcomes(c: &mut Criterion) {
    use kommunbench_analysis::Pipeline;
    use kommunbench_analysis::kommunbench_outcomes::{KpiMap, Outcomes};
    let ingester = Ingester::new();
    let docs = parse(&generate(300 * 6_500, 6_000, 7), &ingester);
    let bench = Pipeline::builder().build().unwrap().run(&docs);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kolada.json");
    std::fs::write(&file, kommunbench_bench::kolada_response(&["N00973", "N02268", "N18409"], 2015..=2024, 3)).unwrap();
    let kpis = KpiMap::builtin_se_2008(&Framework::builtin("se-2008").unwrap()).unwrap();
    let mut group = c.benchmark_group("outcomes");
    group.sample_size(10);
    group.bench_function("read_and_join/3x290x10", |b| {
        b.iter(|| {
            let outcomes = Outcomes::read(&[&file]).unwrap();
            bench.outcomes(&outcomes, &kpis).rows.len()
        });
    });
    group.finish();
}

criterion_group!(benches, mapping, end_to_end, matrix, outcomes);
criterion_main!(benches);

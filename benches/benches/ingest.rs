//! Ingestion by shape of text: a list-heavy document against running
//! prose of the same size. Priority extraction is linear, so the two rates
//! stay within a small factor (the target: lists at least half as fast).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kommunbench_bench::generate;
use kommunbench_ingest::Ingester;

const MB: usize = 1_000_000;

/// Priority extraction must stay linear: a list-heavy text (thousands of
/// bullets, nested measures, `Mål:` lines) ingests at a rate within 2x of
/// running prose of the same size.
fn shapes(c: &mut Criterion) {
    let ingester = Ingester::new();
    let mut group = c.benchmark_group("ingest_shape");
    group.sample_size(10);
    for (name, lists) in [("prose", false), ("lists", true)] {
        let text = kommunbench_bench::shaped_document(2 * MB, lists);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, "2MB"), &text, |b, text| {
            b.iter(|| ingester.ingest_str("doc", text).unwrap().priorities.len());
        });
    }
    group.finish();
}

/// Ingestion of a generated corpus of 30 KB documents, one core.
fn corpus(c: &mut Criterion) {
    let ingester = Ingester::new();
    let corpus = generate(MB, 30_000, 1);
    let bytes: u64 = corpus.iter().map(|g| g.text.len() as u64).sum();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("1MB", |b| {
        b.iter(|| corpus.iter().map(|g| ingester.ingest_str(&g.id, &g.text).unwrap().blocks.len()).sum::<usize>());
    });
    group.finish();
}

criterion_group!(benches, corpus, shapes);
criterion_main!(benches);

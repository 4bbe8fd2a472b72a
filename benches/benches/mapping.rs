//! Lexicon mapping throughput (MB/s of text) on fixture text: the matcher
//! alone, and the mapper scoring whole documents with evidence.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kommunbench_bench::{content_of_size, fixture_documents};
use kommunbench_core::Framework;
use kommunbench_mapping::{Aligner, Lexicon, LexiconMapper};

fn lexicon_find(c: &mut Criterion) {
    let framework = Framework::builtin("se-2008").unwrap();
    let lexicon = Lexicon::builtin(&framework).unwrap();
    let mut group = c.benchmark_group("lexicon_find");
    for size in [64 * 1024, 1024 * 1024] {
        let text = content_of_size(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| b.iter(|| lexicon.find(text).len()));
    }
    group.finish();
}

fn lexicon_mapper(c: &mut Criterion) {
    let framework = Framework::builtin("se-2008").unwrap();
    let mapper = LexiconMapper::builtin(&framework).unwrap();
    let aligner = Aligner::new(&framework, &mapper);
    let docs = fixture_documents();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("lexicon_mapper");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("coverage/fixtures", |b| b.iter(|| docs.iter().map(|d| aligner.coverage(d).len()).sum::<usize>()));
    group.bench_function("map_document/fixtures", |b| {
        b.iter(|| docs.iter().map(|d| aligner.map_document(d).alignments.len()).sum::<usize>());
    });
    group.finish();
}

criterion_group!(benches, lexicon_find, lexicon_mapper);
criterion_main!(benches);

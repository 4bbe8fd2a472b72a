//! Lexicon mapping throughput (MB/s) on fixture text.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kommunbench_bench::content_of_size;
use kommunbench_core::Framework;
use kommunbench_mapping::Lexicon;

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

criterion_group!(benches, lexicon_find);
criterion_main!(benches);

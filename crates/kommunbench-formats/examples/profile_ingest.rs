//! Converts and ingests one file many times, for profiling (see
//! docs/benchmarks.md):
//! `cargo run --release -p kommunbench-formats --example profile_ingest -- FILE [TIMES]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let times: usize = args.next().map_or(20, |n| n.parse().expect("a count"));
    let ingester = kommunbench_formats::ingester().build();
    let mut blocks = 0;
    for _ in 0..times {
        blocks += ingester.ingest_file(&path).expect("readable").blocks.len();
    }
    println!("{blocks}");
}

//! Mutates a file's bytes many times and converts each copy: a quick
//! local check that no mutation crashes or hangs the reader.
//! `cargo run --release -p kommunbench-formats --example mutate -- FILE [N]`
use kommunbench_ingest::Converter;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let n: usize = args.next().map_or(200, |n| n.parse().expect("a count"));
    let original = std::fs::read(&path).expect("readable");
    let formats = kommunbench_formats::Formats::default().timeout(std::time::Duration::from_secs(10));
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut ok, mut failed) = (0, 0);
    for i in 0..n {
        let mut bytes = original.clone();
        for _ in 0..=next() % 8 {
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = next() as u8,
                1 => bytes.truncate(at.max(16)),
                _ => bytes.insert(at, b"0123456789[]<>()/R "[(next() % 19) as usize]),
            }
        }
        let start = std::time::Instant::now();
        match formats.convert(&bytes) {
            Some(Ok(_)) | None => ok += 1,
            Some(Err(e)) => {
                failed += 1;
                if e.contains("did not finish") || e.contains("parser failed") {
                    println!("{i}: {e} ({:?})", start.elapsed());
                }
            }
        }
    }
    println!("{ok} read, {failed} failed with a message");
}

//! Reading other formats, on one core: PDF pages per second (the
//! fixtures as `LibreOffice` and Chromium print them, and a generated
//! 100-page text PDF: target under 1 s in release), and HTML MB/s (the
//! fixture pages repeated: target at least 20 MB/s). Each converts and
//! ingests, as `kommunbench ingest` does.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kommunbench_bench::{fixtures, text_pdf};
use kommunbench_formats::ingester;

fn files(folder: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixtures().join("formats").join(folder))
        .expect("fixtures/formats")
        .map(|e| e.expect("entry").path())
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("readable")))
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingester = ingester().build();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        path
    };

    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    for folder in ["pdf-lo", "pdf-chromium"] {
        let paths: Vec<_> = files(folder).iter().map(|(stem, bytes)| write(&format!("{folder}-{stem}.pdf"), bytes)).collect();
        let pages: usize = paths.iter().map(|p| ingester.ingest_file(p).unwrap().source.page_count().unwrap()).sum();
        group.throughput(Throughput::Elements(pages as u64));
        group.bench_function(format!("{folder}_pages"), |b| {
            b.iter(|| paths.iter().map(|p| ingester.ingest_file(p).unwrap().priorities.len()).sum::<usize>());
        });
    }
    let long = write("long.pdf", &text_pdf(100));
    assert_eq!(ingester.ingest_file(&long).unwrap().source.page_count(), Some(100));
    group.throughput(Throughput::Elements(100));
    group.bench_function("pdf_100_pages", |b| b.iter(|| ingester.ingest_file(&long).unwrap().blocks.len()));

    // The fixture pages' content repeated inside one page's chrome, to 1 MB.
    let pages = files("html");
    let (head, tail) = {
        let page = String::from_utf8(pages[0].1.clone()).expect("UTF-8 page");
        let at = page.find("<div class=\"share\">").expect("the page's end");
        let start = page.find("<main id=\"content\">").expect("main") + "<main id=\"content\">".len();
        (page[..start].to_owned(), page[at..].to_owned())
    };
    let mut body = String::new();
    while body.len() < 1 << 20 {
        for (_, bytes) in &pages {
            let page = std::str::from_utf8(bytes).expect("UTF-8 page");
            let start = page.find("<main id=\"content\">").expect("main") + "<main id=\"content\">".len();
            let end = page.find("<div class=\"share\">").expect("end");
            body.push_str(&page[start..end]);
        }
    }
    let html = format!("{head}{body}{tail}");
    let path = write("big.html", html.as_bytes());
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("html_1mb", |b| b.iter(|| ingester.ingest_file(&path).unwrap().blocks.len()));
    // The reader alone, without the ingester's rules.
    let formats = kommunbench_formats::Formats::default();
    group.bench_function("html_1mb_convert", |b| {
        b.iter(|| kommunbench_ingest::Converter::convert(&formats, html.as_bytes()).unwrap().unwrap().text.len());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

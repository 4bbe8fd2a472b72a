//! Times lopdf, pdf-extract and pdf_oxide on PDFs and counts how many of
//! a reference text's paragraphs each gives back word for word.
//! Usage: pdf-compare REFERENCE.txt FILE.pdf...
use std::time::Instant;

fn norm(s: &str) -> String {
    let s = s.replace("-\n", "").replace('\u{ad}', "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (reference, pdfs) = args.split_first().unwrap();
    let refs: Vec<String> =
        std::fs::read_to_string(reference).unwrap().split("\n\n").map(norm).filter(|s| s.len() > 30).collect();
    for path in pdfs {
        let bytes = std::fs::read(path).unwrap();
        let reps = 20;
        let mut results = Vec::new();
        // lopdf
        let t = Instant::now();
        let mut text = String::new();
        for _ in 0..reps {
            text = match lopdf::Document::load_mem(&bytes) {
                Ok(doc) => {
                    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
                    doc.extract_text(&pages).unwrap_or_else(|e| format!("ERR {e}"))
                }
                Err(e) => format!("ERR {e}"),
            };
        }
        results.push(("lopdf", t.elapsed() / reps, std::mem::take(&mut text)));
        let t = Instant::now();
        for _ in 0..reps {
            text = match std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(&bytes)) {
                Ok(Ok(pages)) => pages.join("\n\u{c}"),
                Ok(Err(e)) => format!("ERR {e}"),
                Err(_) => "PANIC".into(),
            };
        }
        results.push(("pdf-extract", t.elapsed() / reps, std::mem::take(&mut text)));
        let t = Instant::now();
        for _ in 0..reps {
            text = match pdf_oxide::PdfDocument::from_bytes(bytes.clone()) {
                Ok(doc) => {
                    let n = doc.page_count().unwrap_or(0);
                    (0..n).map(|i| doc.extract_text(i).unwrap_or_else(|e| format!("ERR {e}"))).collect::<Vec<_>>().join("\n\u{c}")
                }
                Err(e) => format!("ERR {e}"),
            };
        }
        results.push(("pdf_oxide", t.elapsed() / reps, text));
        for (name, time, text) in results {
            let n = norm(&text);
            let found = refs.iter().filter(|r| n.contains(r.as_str())).count();
            println!(
                "{path}\t{name}\t{:.2} ms\t{found}/{} paragraphs verbatim\t{} chars",
                time.as_secs_f64() * 1000.0,
                refs.len(),
                text.len()
            );
            if std::env::var("SHOW").is_ok() {
                println!("{}", &text[..text.len().min(1500)]);
            }
        }
    }
}

#!/usr/bin/env python3
"""Cross-format check on real texts: does a PDF print give the text's priorities and areas?

Each text of the given folders is laid out as a printable page (headings,
paragraphs, lists and tables as kommunbench reads them, by the same code
that makes the committed font prints in fixtures/formats/make.py) and
printed:

  - by Chromium in five fonts (serif, sans-serif, DejaVu Sans, Liberation
    Sans, monospace), each left-aligned for half the texts and justified
    for the others, and in two justified columns;
  - by LibreOffice, from a DOCX it writes of the same page.

Then kommunbench reads the text and every print, and a print passes when
it gives exactly the text's priority titles (in order) and the same
covered areas. The prints go to OUT (git-ignored; never commit prints of
texts that are not ours).

Needs: a built `kommunbench` (KOMMUNBENCH, default target/release),
Debian's chromium, libreoffice-writer-nogui and fonts-liberation.

Run: python3 benches/pdf-compare/prints.py [--reuse] OUT DIR [DIR...]
(`--reuse` reads the prints already in OUT, to score another build of
kommunbench on the same files.)
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("KOMMUNBENCH", str(ROOT / "target" / "release" / "kommunbench"))
sys.path.insert(0, str(ROOT / "fixtures" / "formats"))
import make  # noqa: E402  (the fixtures' page layout and printers)

BIN = os.environ["KOMMUNBENCH"]


def outcome(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Per document: its priority titles and its covered areas."""
    ingested = subprocess.run([BIN, "ingest", str(path), "--format", "json", "-q"], capture_output=True, text=True)
    docs = json.loads(ingested.stdout or "[]")
    coverage = subprocess.run([BIN, "coverage", str(path), "--format", "csv", "-q"], capture_output=True, text=True)
    covered: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(coverage.stdout)):
        if row["covered"] == "true":
            covered.setdefault(row["document"], []).append(row["area"])
    return {d["id"]: ([p["title"] for p in d["priorities"]], sorted(covered.get(d["id"], []))) for d in docs}


def prints_of(text: Path, index: int, out: Path) -> list[Path]:
    doc, items = make.elements(text)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for j, font in enumerate(make.FONTS):
            align = "justify" if (index + j) % 2 else "left"
            name = font.strip("'").lower().replace(" ", "-")
            page = tmp / f"{text.stem}.html"
            page.write_text(make.print_page(doc, items, False, font, align), encoding="utf-8")
            target = out / f"chromium-{name}-{align}" / f"{text.stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            make.chromium_pdf(page, target)
            made.append(target)
        # Two columns, justified, as a printed brochure is set.
        page = tmp / f"{text.stem}.html"
        page.write_text(make.print_page(doc, items, True, "serif", "justify"), encoding="utf-8")
        target = out / "chromium-two-columns" / f"{text.stem}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        make.chromium_pdf(page, target)
        made.append(target)
        page.write_text(make.print_page(doc, items, False), encoding="utf-8")
        docx = make.soffice(page, "docx:MS Word 2007 XML", tmp / "docx")
        pdf = make.soffice(docx, "pdf:writer_pdf_Export", out / "libreoffice")
        made.append(pdf)
    return made


def main() -> int:
    args = sys.argv[1:]
    reuse = args[:1] == ["--reuse"]
    args = args[1:] if reuse else args
    out = Path(args[0])
    texts = [t for d in args[1:] for t in sorted(Path(d).glob("*.txt"))]
    if not reuse:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda it: prints_of(it[1], it[0], out), enumerate(texts)))
    expected: dict[str, tuple[list[str], list[str]]] = {}
    for d in args[1:]:
        expected.update(outcome(Path(d)))
    passed, total = Counter(), Counter()
    misses = []
    for variant in sorted(p for p in out.iterdir() if p.is_dir()):
        got = outcome(variant)
        for text in texts:
            want = expected.get(text.stem)
            if want is None or not (variant / f"{text.stem}.pdf").exists():
                continue
            total[variant.name] += 1
            have = got.get(text.stem)
            if have == want:
                passed[variant.name] += 1
            else:
                misses.append((variant.name, text.stem, want, have))
    for variant in sorted(total):
        print(f"{variant:36} {passed[variant]:4}/{total[variant]:<4} same titles and areas")
    print(f"{'all prints':36} {sum(passed.values()):4}/{sum(total.values()):<4}")
    for variant, stem, want, have in misses:
        if have is None:
            print(f"- {variant}/{stem}: not read")
            continue
        lost = [t for t in want[0] if t not in have[0]]
        new = [t for t in have[0] if t not in want[0]]
        areas = "" if want[1] == have[1] else f" areas {want[1]} -> {have[1]}"
        print(f"- {variant}/{stem}: lost {lost[:3]} new {new[:3]}{areas}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

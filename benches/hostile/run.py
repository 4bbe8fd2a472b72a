#!/usr/bin/env python3
"""Hostile inputs at full size: time and peak memory per case (issue 29).

Each case writes one hostile file (or folder) beside the five fixture
documents and runs `kommunbench report` on them under an address-space
limit (2 GiB, as `ulimit -v` sets it), then checks what a user relies on:

  - the exit code is 1 (some input failed, the others were written) or 0,
    never 134 (abort), 137 (killed) or a timeout;
  - the five fixtures' rows of coverage.csv are what they are without the
    hostile file;
  - a failed hostile file is named on stderr with its reason.

It prints one line per case: exit code, seconds, peak memory of the run
and its workers (the largest resident size of any of them), the size of
evidence.csv, and the message about the file. The Rust suites hold the
same cases at small sizes (crates/kommunbench-cli/tests/it/isolation.rs,
hostile.rs); this script is where their big variants are measured.

Run (from the repository root, after `cargo build --release`):

    python3 benches/hostile/run.py [--only NAME[,NAME]] [--limit-gib 2]

KOMMUNBENCH names the binary (default target/release/kommunbench).
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("KOMMUNBENCH", str(ROOT / "target" / "release" / "kommunbench"))
FIXTURES = ROOT / "fixtures" / "corpus"


# --- makers: each writes its input into `d` --------------------------------


def pdf(content: bytes, *, extra: list[bytes] | None = None, page: bytes | None = None) -> bytes:
    """A one-page PDF whose content stream is `content` (Flate)."""
    data = zlib.compress(content, 9)
    page = page or b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + (extra or [])
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def form_pdf(forms: list[bytes]) -> bytes:
    """A page that draws form X0; `forms` are the forms' own content streams
    (each may draw X0, X1, ...): objects 6, 7, ..."""
    names = b" ".join(b"/X%d %d 0 R" % (i, 6 + i) for i in range(len(forms)))
    extra = [
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << %s >> /Font << /F 5 0 R >> >> /Length %d >>\nstream\n"
        % (names, len(f)) + f + b"\nendstream"
        for f in forms
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << %s >> /Font << /F 5 0 R >> >> /Contents 4 0 R >>" % names
    return pdf(b"BT /F 12 Tf 72 720 Td (Hej) Tj ET /X0 Do", extra=extra, page=page)


def docx(parts: dict[str, str]) -> bytes:
    path = Path(tempfile.mktemp(suffix=".docx"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        for name, text in parts.items():
            z.writestr(name, text)
    data = path.read_bytes()
    path.unlink()
    return data


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def case_nested_html(d: Path) -> None:
    n = 1_000_000
    (d / "nested.html").write_text("<html><body>" + "<b>" * n + "Mål" + "</b>" * n + "</body></html>")


def case_deep_docx(d: Path) -> None:
    n = 200_000
    body = "<w:sdt><w:sdtContent>" * n + "<w:p><w:r><w:t>Mål</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * n
    (d / "deep.docx").write_bytes(docx({"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"}))


def case_docx_empty_elements(d: Path) -> None:
    # Three parts of 60 MB of empty elements each, from a few hundred KB.
    empty = "<w:p/>" * 10_000_000
    doc = f"<w:document {W}><w:body>{empty}</w:body></w:document>"
    (d / "elements.docx").write_bytes(docx({"word/document.xml": doc, "word/styles.xml": doc, "word/numbering.xml": doc}))


def case_flate_bomb(d: Path) -> None:
    (d / "bomb.pdf").write_bytes(pdf(b"BT /F 12 Tf 72 720 Td (Hej) Tj ET\n" + b" " * (1 << 30)))


def case_glyphs(d: Path) -> None:
    (d / "glyphs.pdf").write_bytes(pdf(b"BT /F 1 Tf 72 720 Td " + b"(abcdefghij) Tj " * 1_000_000 + b"ET"))


def case_q_operators(d: Path) -> None:
    (d / "q.pdf").write_bytes(pdf(b"q " * 1_000_000 + b"BT /F 12 Tf 72 720 Td (Hej) Tj ET"))


def case_wide_page(d: Path) -> None:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1000000000000 792] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>"
    (d / "wide.pdf").write_bytes(pdf(b"BT /F 12 Tf 72 700 Td (Kommunen erbjuder sfi) Tj ET", page=page))


def case_form_draws_itself(d: Path) -> None:
    (d / "self.pdf").write_bytes(form_pdf([b"/X0 Do"]))


def case_ring_of_forms(d: Path) -> None:
    (d / "ring.pdf").write_bytes(form_pdf([b"/X1 Do", b"/X2 Do", b"/X0 Do"]))


def case_parent_cycle(d: Path) -> None:
    data = pdf(b"BT /F 12 Tf 72 720 Td (Hej) Tj ET").replace(b"/Kids [3 0 R] /Count 1 >>", b"/Kids [2 0 R 3 0 R] /Count 2 >>")
    (d / "parents.pdf").write_bytes(data)


def case_big_text(d: Path) -> None:
    line = "Kommunen erbjuder sfi och praktik för nyanlända i arbete och skola. "
    (d / "big.txt").write_text("Integrationsplan\n\n" + (line * 20 + "\n\n") * (60_000_000 // (len(line) * 20)))


def case_long_line(d: Path) -> None:
    # 400 KB without a full stop, thousands of matches: evidence.csv.
    (d / "line.txt").write_text("Plan\n\n" + "nyanlända får sfi och praktik i kommunen " * 10_000 + "\n")


def case_list_items(d: Path, n: int = 600_000) -> None:
    (d / "items.txt").write_text("Integrationsplan\n\nMål\n\n" + "".join(f"• Fler nyanlända i arbete och sfi {i}\n" for i in range(n)))


def case_fanout_links(d: Path) -> None:
    root = d / "links"
    for level in range(49):
        (root / f"d{level}").mkdir(parents=True, exist_ok=True)
        if level:
            for name in "ab":
                os.symlink(root / f"d{level}", root / f"d{level - 1}" / name)


CASES = {name[5:]: f for name, f in globals().items() if name.startswith("case_")}


# --- running ---------------------------------------------------------------


def coverage_rows(out: Path) -> dict[tuple[str, str], str]:
    path = out / "coverage.csv"
    if not path.exists():
        return {}
    with path.open() as f:
        return {(r["municipality"], r["area"]): r["score"] for r in csv.DictReader(f)}


def run(inputs: Path, out: Path, limit_gib: float, timeout: float) -> tuple[int | None, float, float, str]:
    """Exit code (None on a timeout), seconds, peak resident MB of the run
    and its workers (GNU time's %M: wait4's usage of the run includes the
    workers it waited for), and stderr."""
    limit = int(limit_gib * (1 << 30))

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.monotonic()
    try:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "peak-kb %M", BIN, "report", str(inputs), "--out", str(out), "-q"],
            capture_output=True, text=True, timeout=timeout, preexec_fn=limits,
        )
        code, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        code, err = None, "timeout"
    seconds = time.monotonic() - start
    peak = next((int(line.split()[1]) for line in err.splitlines() if line.startswith("peak-kb ")), 0)
    return code, seconds, peak / 1024, err


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--limit-gib", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base_in, base_out = tmp / "base", tmp / "base-out"
        shutil.copytree(FIXTURES, base_in)
        code, seconds, _, err = run(base_in, base_out, args.limit_gib, args.timeout)
        if code != 0:
            print(f"the fixtures alone fail: {code}\n{err}", file=sys.stderr)
            return 2
        expected = coverage_rows(base_out)
        print(f"{'case':24} {'exit':>4} {'seconds':>8} {'peak MB':>8} {'evidence MB':>11}  five fixtures  message")
        for name in names:
            inputs, out = tmp / f"{name}-in", tmp / f"{name}-out"
            shutil.copytree(FIXTURES, inputs)
            CASES[name](inputs)
            code, seconds, peak, err = run(inputs, out, args.limit_gib, args.timeout)
            rows = coverage_rows(out)
            same = all(rows.get(k) == v for k, v in expected.items())
            evidence = (out / "evidence.csv").stat().st_size / 1e6 if (out / "evidence.csv").exists() else 0.0
            message = next((line for line in err.splitlines() if line.startswith("error:")), "")
            print(f"{name:24} {code!s:>4} {seconds:8.1f} {peak:8.0f} {evidence:11.1f}  {'unchanged' if same else 'CHANGED':13}  {message[:150]}")
            shutil.rmtree(inputs, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

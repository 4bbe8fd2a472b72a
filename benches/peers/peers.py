"""Harness of benches/peers/run.sh: times kommunbench and three naive peers
on one generated corpus and scores each on the dev gold set.

Every approach is a function DIR -> {document id: {area: covered}} made of
two parts: `run(dir)`, which is timed (reading the files, processing,
producing the approach's natural per-document coverage table), and
`decisions(result)`, which turns that table into plain dicts for scoring
and is not timed (it is a few thousand small rows).

Run it through run.sh, which builds the CLI and the Python module, creates
the virtual environment and generates the corpus.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import numpy as np
import polars as pl
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import CountVectorizer

import kommunbench as kb

# `scripts/test.sh` builds a debug module in the source tree, which this
# environment's editable install then loads: timing it would be timing a
# debug build.
if kb.BUILD_PROFILE != "release":
    sys.exit(
        "error: the kommunbench module here is a debug build (scripts/test.sh builds one in place); "
        "rebuild it with benches/peers/run.sh, or: benches/peers/.venv/bin/maturin develop --release "
        "-m crates/kommunbench-py/Cargo.toml"
    )

MARKERS = "*="
TIME_LIMIT = 60.0  # seconds: above this for one run, the approach is run once
REPEATS = 3


# --- inputs ------------------------------------------------------------


def load_areas(framework: Path) -> list[str]:
    with framework.open("rb") as f:
        return [a["id"] for a in tomllib.load(f)["areas"]]


def load_terms(lexicon: Path, areas: list[str]) -> dict[str, list[str]]:
    """The lexicon's `[[entries]]` terms, all weights, markers (`*`, `=`)
    stripped, lower-cased, deduplicated, in file order. `exclude`,
    `not_before`, `not_after` and `[[rules]]` are not used."""
    with lexicon.open("rb") as f:
        data = tomllib.load(f)
    terms: dict[str, list[str]] = {a: [] for a in areas}
    for entry in data["entries"]:
        for term in entry["terms"]:
            t = " ".join(term.replace("*", "").replace("=", "").lower().split())
            if t and t not in terms[entry["area"]]:
                terms[entry["area"]].append(t)
    missing = [a for a, ts in terms.items() if not ts]
    if missing:
        sys.exit(f"error: no lexicon terms for areas {missing} in {lexicon}")
    return terms


def load_gold(path: Path, areas: list[str]) -> dict[str, dict[str, bool]]:
    gold: dict[str, dict[str, bool]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cells = {}
            for a in areas:
                v = row[a].strip()
                if v in ("0", "1"):
                    cells[a] = v == "1"
                elif v != "?":
                    sys.exit(f"error: {path}: unexpected cell {v!r} for {row['document']}/{a}")
            gold[row["document"]] = cells
    return gold


def txt_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.txt"))


# --- kommunbench ---------------------------------------------------------


def parse_coverage_csv(text: str) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        covered = row["covered"].strip().lower()
        if covered not in ("true", "false"):
            raise ValueError(f"unexpected covered value {row['covered']!r}")
        out.setdefault(row["document"], {})[row["area"]] = covered == "true"
    return out


class KommunbenchCli:
    name = "kommunbench"

    def __init__(self, exe: Path):
        self.exe = exe

    def run(self, directory: Path) -> str:
        proc = subprocess.run(
            [str(self.exe), "coverage", str(directory), "--format", "csv", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"error: kommunbench coverage {directory} failed ({proc.returncode}):\n{proc.stderr}")
        return proc.stdout

    def decisions(self, result: str, areas: list[str]) -> dict[str, dict[str, bool]]:
        return parse_coverage_csv(result)


class KommunbenchPython:
    name = "kommunbench-python"

    def run(self, directory: Path) -> pl.DataFrame:
        # Read and mapped in one pass, as `kommunbench coverage` does.
        return kb.read_coverage([str(directory)])

    def decisions(self, result: pl.DataFrame, areas: list[str]) -> dict[str, dict[str, bool]]:
        out: dict[str, dict[str, bool]] = {}
        for doc, area, covered in result.select("document", "area", "covered").iter_rows():
            out.setdefault(doc, {})[area] = bool(covered)
        return out


# --- peers ---------------------------------------------------------------


def rust_regex_escape(term: str) -> str:
    # The metacharacters of Rust's regex crate (what polars uses).
    return re.sub(r"([\\.+*?()|\[\]{}^$#&\-~])", r"\\\1", term)


class PolarsPeer:
    """Files read into a DataFrame (path, text); text lower-cased with
    `str.to_lowercase`; per area `str.count_matches` of one regex, the
    alternation of the area's escaped terms, no word boundaries: a term
    counts wherever it occurs as a substring. Covered = count >= 1."""

    name = "polars"

    def __init__(self, terms: dict[str, list[str]]):
        self.patterns = {a: "|".join(rust_regex_escape(t) for t in ts) for a, ts in terms.items()}

    def run(self, directory: Path) -> pl.DataFrame:
        paths = txt_files(directory)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        df = pl.DataFrame({"path": [str(p) for p in paths], "text": texts})
        df = df.with_columns(pl.col("text").str.to_lowercase())
        return df.select(
            pl.col("path").str.extract(r"([^/\\]+)\.txt$").alias("document"),
            *[(pl.col("text").str.count_matches(pat) >= 1).alias(a) for a, pat in self.patterns.items()],
        )

    def decisions(self, result: pl.DataFrame, areas: list[str]) -> dict[str, dict[str, bool]]:
        return {row["document"]: {a: bool(row[a]) for a in areas} for row in result.iter_rows(named=True)}


class SklearnPeer:
    """`CountVectorizer(input="filename", lowercase=True, token_pattern=r"(?u)\\b\\w+\\b",
    ngram_range=(1, n))` with the terms as a fixed vocabulary (each term
    put through the vectorizer's own analyzer, so `te-byrå` is the bigram
    `te byrå`); n = the longest term in tokens. A term counts only as a
    whole token or token sequence. Covered = any of the area's terms
    counted >= 1."""

    name = "sklearn-countvectorizer"

    def __init__(self, terms: dict[str, list[str]]):
        probe = CountVectorizer(lowercase=True, token_pattern=r"(?u)\b\w+\b").build_analyzer()
        normalised = {a: [" ".join(probe(t)) for t in ts] for a, ts in terms.items()}
        vocab: dict[str, int] = {}
        for ts in normalised.values():
            for t in ts:
                if t and t not in vocab:
                    vocab[t] = len(vocab)
        self.vocab = vocab
        self.columns = {a: np.array(sorted({vocab[t] for t in ts if t})) for a, ts in normalised.items()}
        self.max_n = max(len(t.split()) for t in vocab)

    def run(self, directory: Path):
        paths = [str(p) for p in txt_files(directory)]
        vec = CountVectorizer(
            input="filename",
            encoding="utf-8",
            lowercase=True,
            token_pattern=r"(?u)\b\w+\b",
            ngram_range=(1, self.max_n),
            vocabulary=self.vocab,
        )
        counts = vec.fit_transform(paths).tocsc()
        covered = np.column_stack([np.asarray(counts[:, cols].sum(axis=1)).ravel() >= 1 for cols in self.columns.values()])
        return paths, covered

    def decisions(self, result, areas: list[str]) -> dict[str, dict[str, bool]]:
        paths, covered = result
        return {Path(p).stem: {a: bool(covered[i, j]) for j, a in enumerate(areas)} for i, p in enumerate(paths)}


class NltkPeer:
    """A plain Python loop: read each file, lower-case, tokenise with
    `re.findall(r"\\w+")`, stem every token with NLTK's Swedish Snowball
    stemmer (stems memoised in a dict within the run), and stem the terms
    the same way. A one-word term matches when its stem is among the
    document's stems; a phrase when its stem sequence occurs as
    consecutive document stems. Covered = any of the area's terms
    matches."""

    name = "nltk-loop"
    token = re.compile(r"\w+")

    def __init__(self, terms: dict[str, list[str]]):
        self.stemmer = SnowballStemmer("swedish")
        self.single: dict[str, set[str]] = {}
        self.phrases: dict[str, list[str]] = {}
        for a, ts in terms.items():
            single, phrases = set(), []
            for t in ts:
                stems = [self.stemmer.stem(w) for w in self.token.findall(t)]
                if len(stems) == 1:
                    single.add(stems[0])
                elif stems:
                    phrases.append(" " + " ".join(stems) + " ")
            self.single[a], self.phrases[a] = single, phrases

    def run(self, directory: Path) -> dict[str, dict[str, bool]]:
        stem = self.stemmer.stem
        cache: dict[str, str] = {}
        out: dict[str, dict[str, bool]] = {}
        for path in txt_files(directory):
            text = path.read_text(encoding="utf-8").lower()
            stems = []
            for tok in self.token.findall(text):
                s = cache.get(tok)
                if s is None:
                    s = cache[tok] = stem(tok)
                stems.append(s)
            present = set(stems)
            joined = " " + " ".join(stems) + " "
            row = {}
            for a in self.single:
                row[a] = not self.single[a].isdisjoint(present) or any(p in joined for p in self.phrases[a])
            out[path.stem] = row
        return out

    def decisions(self, result, areas: list[str]) -> dict[str, dict[str, bool]]:
        return result


# --- measurement -----------------------------------------------------------


def time_it(approach, directory: Path):
    best = float("inf")
    runs = 0
    result = None
    for _ in range(REPEATS):
        result = None
        t0 = time.perf_counter()
        result = approach.run(directory)
        elapsed = time.perf_counter() - t0
        runs += 1
        best = min(best, elapsed)
        print(f"    run {runs}: {elapsed:.2f} s", flush=True)
        if elapsed > TIME_LIMIT:
            break
    return best, runs, result


def macro_f1(pred: dict[str, dict[str, bool]], gold: dict[str, dict[str, bool]], areas: list[str]) -> float:
    f1s = []
    for a in areas:
        tp = fp = fn = 0
        for doc, cells in gold.items():
            if a not in cells:
                continue
            if doc not in pred or a not in pred[doc]:
                sys.exit(f"error: no prediction for {doc}/{a} (predicted documents: {sorted(pred)})")
            p, g = pred[doc][a], cells[a]
            tp += p and g
            fp += p and not g
            fn += g and not p
        if 2 * tp + fp + fn > 0:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--dev", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--lexicon", type=Path, required=True)
    ap.add_argument("--framework", type=Path, required=True)
    ap.add_argument("--cli", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument(
        "--extra",
        nargs=2,
        action="append",
        default=[],
        metavar=("DIR", "GOLD"),
        help="another labelled folder and its gold_documents.csv, scored too (e.g. target/dev-web)",
    )
    args = ap.parse_args()

    areas = load_areas(args.framework)
    terms = load_terms(args.lexicon, areas)
    gold = load_gold(args.gold, areas)
    extras = []
    for directory, gold_path in args.extra:
        extra_gold = load_gold(Path(gold_path), areas)
        present = {p.stem for p in txt_files(Path(directory))}
        missing = sorted(set(extra_gold) - present)
        if missing:
            sys.exit(f"error: {directory} lacks {len(missing)} gold documents ({', '.join(missing[:5])}, ...); fetch them first")
        extras.append((Path(directory), extra_gold))
    files = txt_files(args.corpus)
    if not files:
        sys.exit(f"error: no *.txt files in {args.corpus}")
    nbytes = sum(p.stat().st_size for p in files)
    mb = nbytes / 1e6
    print(f"corpus: {args.corpus}, {len(files)} documents, {mb:.1f} MB; dev: {args.dev} ({len(gold)} gold documents)")
    print(f"terms per area: " + ", ".join(f"{a} {len(ts)}" for a, ts in terms.items()))

    approaches = [
        KommunbenchCli(args.cli),
        KommunbenchPython(),
        PolarsPeer(terms),
        SklearnPeer(terms),
        NltkPeer(terms),
    ]
    rows = []
    for ap_ in approaches:
        print(f"== {ap_.name}", flush=True)
        pred = ap_.decisions(ap_.run(args.dev), areas)
        f1 = macro_f1(pred, gold, areas)
        print(f"    dev macro-F1 {f1:.3f}", flush=True)
        extra_f1 = []
        for directory, extra_gold in extras:
            extra_pred = ap_.decisions(ap_.run(directory), areas)
            extra_f1.append(macro_f1(extra_pred, extra_gold, areas))
            print(f"    {directory} macro-F1 {extra_f1[-1]:.3f}", flush=True)
        seconds, runs, result = time_it(ap_, args.corpus)
        covered = ap_.decisions(result, areas)
        if len(covered) != len(files) or any(len(cells) != len(areas) for cells in covered.values()):
            sys.exit(f"error: {ap_.name} gave coverage for {len(covered)} documents, the corpus has {len(files)}")
        share = sum(sum(cells.values()) for cells in covered.values()) / (len(covered) * len(areas))
        print(f"    {len(covered)} documents, {share:.0%} of document x area cells covered", flush=True)
        rows.append((ap_.name, mb / seconds, f1, seconds, runs, extra_f1))

    cli_rate = rows[0][1]
    print()
    print(f"Corpus {mb:.1f} MB in {len(files)} documents; wall clock, best of {REPEATS} (1 run when over {TIME_LIMIT:.0f} s)")
    extra_names = "".join(f"{d.name + ' F1':>14}" for d, _ in extras)
    print(f"{'approach':<26}{'MB/s':>9}{'seconds':>9}{'runs':>6}{'kommunbench/x':>15}{'dev F1':>10}{extra_names}")
    for name, rate, f1, seconds, runs, extra_f1 in rows:
        extra_cells = "".join(f"{x:>14.3f}" for x in extra_f1)
        print(f"{name:<26}{rate:>9.2f}{seconds:>9.2f}{runs:>6}{cli_rate / rate:>14.2f}x{f1:>10.3f}{extra_cells}")
    print()
    print("macro-F1: document level on the 5 dev documents of fixtures/corpus against fixtures/gold/gold_documents.csv")
    print("  (and on each --extra folder against its gold file),")
    print("  '?' cells left out; per area F1 = 2tp/(2tp+fp+fn), mean over areas where defined.")
    print("Peers use the se-2008 lexicon's [[entries]] terms (all weights), markers * and = stripped, lower-cased;")
    print("  exclusions, context conditions and [[rules]] are not used. An area is covered by a document when:")
    print("  kommunbench(-python): the `covered` column of `kommunbench coverage` / kb.read_coverage (default lexicon mapper);")
    print("  polars: str.count_matches(alternation of the area's terms) >= 1 on the lower-cased text (substring, no word boundaries);")
    print("  sklearn-countvectorizer: a term counted >= 1 as a whole token or token n-gram (token_pattern \\w+, lower-cased);")
    print("  nltk-loop: a term's Swedish Snowball stem equals a token stem, or a phrase's stems occur as consecutive token stems.")

    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["approach", "mb_per_s", "macro_f1", *[f"macro_f1_{d.name}" for d, _ in extras]])
        for name, rate, f1, _, _, extra_f1 in rows:
            w.writerow([name, f"{rate:.3f}", f"{f1:.4f}", *[f"{x:.4f}" for x in extra_f1]])
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()

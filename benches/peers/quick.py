"""A quicker comparison than run.sh: the kommunbench CLI, the Python
binding and the polars peer only, timed in interleaved rounds (best of
4), on a corpus run.sh has generated and with the binding run.sh has
built into benches/peers/.venv.

    benches/peers/.venv/bin/python benches/peers/quick.py [CORPUS]

CORPUS defaults to target/peers-corpus-50mb. Run from the repository root.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import peers  # noqa: E402

ROUNDS = 4


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "target/peers-corpus-50mb")
    files = peers.txt_files(corpus)
    if not files:
        sys.exit(f"error: no *.txt files in {corpus}; run benches/peers/run.sh first")
    areas = peers.load_areas(Path("crates/kommunbench-core/data/frameworks/se-2008.toml"))
    terms = peers.load_terms(Path("crates/kommunbench-mapping/data/lexicons/se-2008.toml"), areas)
    mb = sum(p.stat().st_size for p in files) / 1e6
    approaches = [
        peers.KommunbenchCli(Path("target/release/kommunbench")),
        peers.KommunbenchPython(),
        peers.PolarsPeer(terms),
    ]
    best = {a.name: float("inf") for a in approaches}
    for _ in range(ROUNDS):
        for a in approaches:
            t0 = time.perf_counter()
            a.run(corpus)
            best[a.name] = min(best[a.name], time.perf_counter() - t0)
    cli = best["kommunbench"]
    print(f"corpus {corpus}: {len(files)} documents, {mb:.1f} MB; best of {ROUNDS} interleaved rounds")
    print(f"{'approach':<22}{'MB/s':>8}{'seconds':>9}{'kommunbench/x':>15}")
    for name, seconds in best.items():
        print(f"{name:<22}{mb / seconds:>8.1f}{seconds:>9.2f}{seconds / cli:>14.2f}x")


if __name__ == "__main__":
    main()

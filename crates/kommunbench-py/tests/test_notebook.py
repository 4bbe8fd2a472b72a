"""The example notebook in docs/ runs from top to bottom."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import ROOT


def test_notebook_code_runs(capsys: object) -> None:
    notebook = json.loads((ROOT / "docs" / "kommunbench.ipynb").read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    assert len(code) >= 5
    namespace: dict[str, object] = {}
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for i, cell in enumerate(code):
            exec(compile(cell, f"<notebook cell {i}>", "exec"), namespace)
    finally:
        os.chdir(cwd)
    bench = namespace["bench"]
    assert bench.wide("score").height == 5  # type: ignore[attr-defined]
    assert str(namespace["svg"]).startswith("<svg")
    assert str(namespace["map_svg"]).count('<path class="m') == 290
    assert namespace["summary"].height == 7  # type: ignore[attr-defined]
    assert str(namespace["scatter"]).count('<circle class="point"') == 4

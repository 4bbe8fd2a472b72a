"""Mirrors kommunbench-analysis: matrices, metrics, peers, the report."""

from __future__ import annotations

import warnings
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import kommunbench as kb

AREAS = ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"]


def test_matrix_wide(documents: list[kb.Document]) -> None:
    m = kb.matrix(documents, value="covered")
    assert m.columns == ["municipality", "municipality_code", "actor", *AREAS]
    assert m["municipality"].to_list() == ["Hedemora", "Jönköping", "Vaggeryd", "Vasa", "Vingåker"]
    assert m["municipality_code"].to_list() == ["2083", "0680", "0665", "905", "0428"]
    assert m.filter(pl.col("municipality") == "Jönköping")["school"].to_list() == [0]
    att = kb.matrix(documents, value="attention")
    totals = att.select(pl.sum_horizontal(pl.exclude("municipality", "municipality_code", "actor")))
    assert all(abs(t - 1.0) < 1e-9 for t in totals.to_series().to_list())
    docs = kb.matrix(documents, level="document")
    assert docs.height == 5


def test_benchmark_tables(documents: list[kb.Document]) -> None:
    bench = kb.benchmark(documents, by_county=True)
    metrics = bench.metrics
    vaggeryd = metrics.filter(pl.col("municipality") == "Vaggeryd")
    assert vaggeryd["gaps"].to_list() == ["reception;school;adult_learning;discrimination"]
    assert vaggeryd["group"].to_list() == ["Jönköpings län"]
    assert_frame_equal(bench.wide("score"), kb.matrix(documents, value="score"))
    assert bench.areas.height == 7
    # Each of the 5 municipalities with its nearest peers (4 others each).
    assert bench.peers.columns == ["a", "rank", "b", "cosine", "jaccard"]
    assert bench.peers.height == 5 * 4
    nearest = bench.nearest("Vaggeryd", 2)
    assert len(nearest) == 2 and nearest[0][0] == "Jönköping"
    # A municipality may be named by its code, in any case.
    assert bench.nearest("0665", 2) == bench.nearest("VAGGERYD", 2) == nearest


def test_read_benchmark_streams_the_same_benchmark(documents: list[kb.Document], fixtures: Path, tmp_path: Path) -> None:
    corpus = fixtures / "corpus"
    # Read and mapped in one pass: the same tables as reading, then benchmarking.
    streamed, whole = kb.read_benchmark([corpus], by_county=True), kb.benchmark(documents, by_county=True)
    for table in ("coverage", "metrics", "areas", "peers", "evidence", "documents", "priorities"):
        assert_frame_equal(getattr(streamed, table), getattr(whole, table))
    # A bad input is left out with a warning naming it; the others stay.
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Integrationsprogram\n\nVi arbetar mot diskriminering och rasism.\n")
    with pytest.warns(UserWarning, match="empty.txt"):
        bench = kb.read_benchmark([tmp_path])
    assert bench.documents["document"].unique().to_list() == ["ok"]
    with pytest.raises(kb.InputFileError, match="empty.txt"):
        kb.read_benchmark([tmp_path], strict=True)


def test_report_files(documents: list[kb.Document], tmp_path: Path) -> None:
    bench = kb.benchmark(documents)
    files = bench.write(tmp_path / "report", notes=["x.txt: the file is empty"])
    names = {Path(f).name for f in files}
    assert {"coverage.csv", "coverage.parquet", "metrics.csv", "evidence.csv", "heatmap.svg", "report.html"} <= names
    back = pl.read_parquet(tmp_path / "report" / "coverage.parquet")
    assert_frame_equal(back, bench.coverage)
    assert "Vingåker" in (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert bench.heatmap_svg().startswith("<svg")


def test_map_and_priorities(documents: list[kb.Document]) -> None:
    bench = kb.benchmark(documents)
    svg = bench.map_svg()
    assert svg.startswith("<svg") and svg.count('<path class="m') == 290
    # Four Swedish municipalities with a document; Vasa (Finland) is listed beside the map.
    assert svg.count('<path class="m"') == 4 and "Vasa, Österbotten" in svg
    assert "<title>Vingåker: work 0.97, covered</title>" in bench.map_svg(area="work")
    with pytest.raises(Exception, match="no area `housing`"):
        bench.map_svg(area="housing")
    priorities = bench.priorities
    assert priorities.columns == [
        "municipality", "municipality_code", "actor", "document", "kind", "priority", "title", "level", "areas", "local",
    ]
    vasa = priorities.filter(pl.col("municipality") == "Vasa")
    assert vasa.height > 0 and vasa["local"].any()
    assert bench.heatmap_svg(order="cluster", linkage="ward").count('class="dendrogram"') == 1


def test_report_pages(documents: list[kb.Document], tmp_path: Path) -> None:
    files = kb.benchmark(documents).write(tmp_path / "r", order="breadth", map_area="school")
    assert any(f.endswith("municipalities") for f in files)
    page = (tmp_path / "r" / "municipalities" / "0428-vingaker.html").read_text(encoding="utf-8")
    assert 'id="priorities-table"' in page


def test_outcomes_beside_coverage(documents: list[kb.Document], tmp_path: Path) -> None:
    bench = kb.benchmark(documents)
    kolada = Path(__file__).parents[3] / "fixtures" / "outcomes" / "synthetic-kolada.json"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        joined, summary = bench.outcomes(kolada)
    said = [str(w.message) for w in caught]
    assert any("G2328" in m for m in said), said
    assert any("N00973: 1 of 5 municipalities have no value for 2024: Vasa" in m for m in said), said
    assert joined.columns[:6] == ["municipality", "municipality_code", "county", "group", "area", "kpi"]
    assert joined.height == 5 * 7
    vasa = joined.filter((pl.col("municipality") == "Vasa") & (pl.col("kpi") == "N02268"))
    assert vasa["value"].to_list() == [None], "Vasa is Finnish: no Kolada value"
    work = summary.filter(pl.col("kpi") == "N02268")
    assert work["n"].to_list() == [4]
    assert work["year"].to_list() == [2024]
    # The same from a DataFrame of values.
    frame = pl.DataFrame(
        {
            "kpi": ["N02268"] * 4,
            "municipality": ["0428", "0665", "0680", "2083"],
            "period": [2024] * 4,
            "value": [70.0, 60.0, 65.0, None],
        }
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        joined2, summary2 = bench.outcomes(frame)
    assert summary2.filter(pl.col("kpi") == "N02268")["n"].to_list() == [3]
    assert joined2.filter(pl.col("municipality") == "Vingåker").filter(pl.col("kpi") == "N02268")["value"].to_list() == [70.0]
    # A KPI file naming an area the framework lacks is an input error.
    bad = tmp_path / "kpis.toml"
    bad.write_text('framework = "se-2008"\n\n[[kpi]]\narea = "jobb"\nid = "N02268"\ntitle = "t"\nunit = "%"\ndirection = "higher"\n')
    with pytest.raises(kb.InputFileError, match="kpis.toml:4: area `jobb`"):
        bench.outcomes(kolada, kpis=bad)
    with pytest.raises(kb.InputFileError, match="no `value` column"):
        bench.outcomes(frame.drop("value"))
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert bench.outcome_svg(frame, "N02268").count('<circle class="point"') == 3

"""Mirrors kommunbench-mapping: mappers, user mappers, evaluation."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import kommunbench as kb


def test_map_returns_alignments(documents: list[kb.Document]) -> None:
    df = kb.map(documents)
    assert df.columns == [
        "document", "unit_kind", "unit_index", "unit", "level", "rule", "area", "score", "method", "accepted", "evidence",
    ]
    folkhalsa = df.filter((pl.col("unit") == "Folkhälsa") & (pl.col("unit_kind") == "priority"))
    assert sorted(folkhalsa["area"].to_list()) == ["discrimination", "values"]
    assert df["accepted"].all()
    assert kb.map(documents, all=True).height > df.height
    local = df.filter(pl.col("area").is_null())["unit"].to_list()
    assert "Samlad uppföljning" in local


def test_a_threshold_applies_to_built_in_mappers_too(documents: list[kb.Document]) -> None:
    default = kb.map(documents)
    strict = kb.map(documents, threshold=0.99)
    aligned = strict.filter(pl.col("area").is_not_null())
    assert 0 < aligned.height < default.filter(pl.col("area").is_not_null()).height
    assert (aligned["score"] >= 0.99).all()
    # Priorities with no area at this threshold are listed as local ones.
    local = strict.filter(pl.col("area").is_null())
    assert local.height > default.filter(pl.col("area").is_null()).height
    assert local["evidence"].str.starts_with("local priority").all()
    with pytest.raises(kb.MapperError, match="threshold 1.5"):
        kb.map(documents, threshold=1.5)
    with pytest.raises(kb.MapperError, match="unknown mapper `tfidf`"):
        kb.map(documents, mapper="tfidf")


def test_coverage_long_form(documents: list[kb.Document]) -> None:
    df = kb.coverage(documents)
    assert df.height == 5 * 7
    row = df.filter((pl.col("document") == "jonkoping") & (pl.col("area") == "school"))
    assert row["covered"].to_list() == [False]
    # The fast path (document coverage only) agrees with the full mapping.
    from polars.testing import assert_frame_equal

    assert_frame_equal(df, kb.benchmark(documents).documents)
    se2025 = kb.coverage(documents, framework="se-2025")
    assert set(se2025["area"].unique()) == {"economic", "linguistic", "education", "democratic", "social_cultural"}


def test_read_coverage_streams_the_same_table(documents: list[kb.Document], fixtures: Path, tmp_path: Path) -> None:
    corpus = fixtures / "corpus"
    # Read and mapped in one pass: the same table as reading, then mapping.
    assert_frame_equal(kb.read_coverage([corpus]), kb.coverage(documents))
    assert_frame_equal(kb.read_coverage([corpus], mapper="ensemble"), kb.coverage(documents, mapper="ensemble"))
    # A bad input is left out with a warning naming it; the others stay.
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Integrationsprogram\n\nVi arbetar mot diskriminering och rasism.\n")
    with pytest.warns(UserWarning, match="empty.txt"):
        df = kb.read_coverage([tmp_path])
    assert df["document"].unique().to_list() == ["ok"]
    with pytest.raises(kb.InputFileError, match="empty.txt"):
        kb.read_coverage([tmp_path], strict=True)


def test_python_callable_mapper(documents: list[kb.Document]) -> None:
    calls: list[tuple[str, str]] = []

    def mapper(text: str, area: str) -> float:
        calls.append((text, area))
        return 1.0 if area == "school" and "skol" in text.lower() else 0.0

    df = kb.matrix(documents, mapper=mapper, value="covered")
    assert df.filter(pl.col("municipality") == "Hedemora")["school"].to_list() == [1]
    assert df.filter(pl.col("municipality") == "Vasa")["school"].to_list() == [0]
    assert calls, "the callable was called"

    def broken(text: str, area: str) -> float:
        raise ValueError("model not loaded")

    with pytest.raises(ValueError, match="model not loaded"):
        kb.map(documents, mapper=broken)
    with pytest.raises(kb.MapperError, match="scores must be numbers"):
        kb.map(documents, mapper=lambda t, a: float("nan"))


def test_embeddings_mapper(documents: list[kb.Document]) -> None:
    texts = kb.units(documents)["text"].to_list()
    areas = kb.load_framework("se-2008").areas
    # Toy embeddings: one dimension per area, 1 where a word stem of the area occurs.
    stems = {"reception": "mottag", "work": "arbet", "school": "skol", "adult_learning": "svensk",
             "discrimination": "diskrimin", "urban": "bostadsomr", "values": "mångfald"}

    def embed(text: str) -> list[float]:
        return [1.0 if stems[a] in text.lower() else 0.0 for a in areas] + [0.1]

    area_vectors = {a: [1.0 if b == a else 0.0 for b in areas] + [0.0] for a in areas}
    emb = kb.Embeddings({t: embed(t) for t in texts}, area_vectors, threshold=0.5)
    df = kb.map(documents, mapper=emb)
    assert set(df["method"]) == {"embeddings"}
    folkhalsa = df.filter((pl.col("unit") == "Folkhälsa") & (pl.col("unit_kind") == "priority"))
    # Its body names work (`arbeta`) and discrimination: cosine 1/sqrt(2.01) = 0.705 with each.
    assert folkhalsa["area"].to_list() == ["work", "discrimination"]
    assert folkhalsa["score"].round(3).to_list() == [0.705, 0.705]
    with pytest.raises(kb.MapperError, match="no embedding for"):
        kb.map(documents, mapper=kb.Embeddings({}, area_vectors))
    with pytest.raises(kb.UnknownAreaError, match="no embedding for area `reception`"):
        kb.map(documents, mapper=kb.Embeddings({}, {"work": [1.0]}))


def test_evaluate_against_gold(documents: list[kb.Document], fixtures: Path) -> None:
    report = kb.evaluate(documents, fixtures / "gold" / "gold_documents.csv", fixtures / "gold" / "gold_priorities.csv", bootstrap=100)
    assert report["documents"]["macro_f1"] >= 0.85
    assert report["priorities"]["pooled_kappa"] >= 0.75
    assert report["unmatched_priorities"] == []
    assert report["priorities"]["intervals"]["resamples"] == 100


def test_bad_gold_file(documents: list[kb.Document], tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("document,jobs\nvasa-2023,1\n", encoding="utf-8")
    with pytest.raises(kb.GoldFileError, match=r"gold\.csv:1: unknown area `jobs`"):
        kb.evaluate(documents, gold)


def test_unknown_mapper_name(documents: list[kb.Document]) -> None:
    with pytest.raises(kb.MapperError, match="unknown mapper `bert`"):
        kb.map(documents, mapper="bert")


def test_mappers_agree_on_frame_shape(documents: list[kb.Document]) -> None:
    lexicon = kb.coverage(documents, mapper="lexicon")
    ensemble = kb.coverage(documents, mapper="ensemble")
    assert_frame_equal(lexicon.select("document", "area"), ensemble.select("document", "area"))

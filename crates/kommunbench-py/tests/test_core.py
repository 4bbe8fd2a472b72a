"""Mirrors kommunbench-core: frameworks, ingestion, corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

import kommunbench as kb


def test_the_module_says_how_it_was_built() -> None:
    # scripts/test.sh builds with `maturin develop` (debug); benches/peers
    # refuses to time anything else than "release".
    assert kb.BUILD_PROFILE in {"debug", "release"}
    assert "BUILD_PROFILE" in kb.__all__


def test_builtin_frameworks() -> None:
    assert kb.frameworks() == ["se-2008", "se-2025"]
    f = kb.load_framework("se-2008")
    assert f.areas == ["reception", "work", "school", "adult_learning", "discrimination", "urban", "values"]
    assert f.to_dict()["areas"][1]["title_sv"] == "Fler i arbete och fler företagare"


def test_user_framework_file(fixtures: Path, tmp_path: Path) -> None:
    f = kb.load_framework(fixtures / "frameworks" / "vasa-helheter.toml")
    assert f.id == "vasa-helheter"
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nname = "X"\n[[areas]]\nid = "Bad"\ntitle_sv = "A"\ntitle_en = "A"\n', encoding="utf-8")
    with pytest.raises(kb.FrameworkError, match=r"broken\.toml:4:6: invalid area id `Bad`"):
        kb.load_framework(broken)
    with pytest.raises(kb.FrameworkError, match="unknown framework `oecd`"):
        kb.load_framework("oecd")


def test_documents_are_parsed(documents: list[kb.Document]) -> None:
    by_id = {d.id: d for d in documents}
    vasa = by_id["vasa-2023"]
    assert vasa.municipality["name"] == "Vasa"
    assert vasa.municipality["country"] == "FI"
    assert vasa.dates["adopted"] == "2023-02-20"
    assert [p.title for p in vasa.priorities][:2] == ["arbete", "boende"]
    p = by_id["vaggeryd-2017"].priorities[2]
    assert (p.title, p.level, p.rule, p.parent) == ("Integrerade bostadsmiljöer", "sub_goal", "priority_heading", None)
    assert {q.rule for q in vasa.priorities} == {"enumeration"}
    start, end = p.span
    assert by_id["vaggeryd-2017"].text.encode()[start:end].decode() == p.title
    d = vasa.to_dict()
    assert d["kind"] == "news" and len(d["priorities"]) == 7
    assert d["priorities"][0]["rule"] == "enumeration"
    assert "Förbigå menyn" not in vasa.content()


def test_corpus_keeps_good_documents_and_names_bad_files(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes((fixtures / "corpus" / "hedemora-2017.txt").read_bytes())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    corpus = kb.read_corpus([tmp_path])
    assert len(corpus) == 1
    assert len(corpus.failures) == 1 and corpus.failures[0].endswith("empty.txt: the file is empty")
    with pytest.raises(kb.InputFileError, match=r"empty\.txt: the file is empty"):
        kb.read_corpus([tmp_path], strict=True)
    assert issubclass(kb.InputFileError, kb.KommunbenchError)


def test_the_bad_input_corpus_costs_no_good_document(fixtures: Path) -> None:
    corpus = kb.read_corpus([fixtures / "corpus", fixtures / "bad" / "corpus"])
    ids = sorted(d.id for d in corpus.documents)
    assert ids == sorted(
        [
            "hedemora-2017",
            "jonkoping",
            "vaggeryd-2017",
            "vasa-2023",
            "vingaker-2016",
            "heby-nested-lists",
            "sala-utf16-bom",
            "tierp-utf16-no-bom",
        ]
    )
    bad = sorted(Path(f.split(": ")[0]).name for f in corpus.failures)
    assert bad == sorted(
        ["blank.txt", "broken-utf16.txt", "empty.txt", "mixed-bytes.txt", "nul-bytes.txt", "photo.txt", "scanned-plan.txt"]
    )
    coverage = kb.coverage(corpus.documents)
    assert coverage["document"].n_unique() == len(ids)
    assert coverage["score"].is_between(0.0, 1.0).all()


def test_documents_from_python_strings() -> None:
    docs = kb.from_texts(
        {"plan": "Integrationsplan\n\nPrioriterade områden\n\n- Arbete och försörjning\n- Svenska för invandrare\n"},
        metadata={"plan": {"municipality": "0665", "adopted": "2019-05-20", "kind": "plan"}},
    )
    (doc,) = docs
    assert doc.municipality["name"] == "Vaggeryd"
    assert doc.dates["adopted"] == "2019-05-20"
    assert [p.title for p in doc.priorities] == ["Arbete och försörjning", "Svenska för invandrare"]
    with pytest.raises(kb.InputFileError, match="metadata of `x`: unknown municipality `Atlantis`"):
        kb.from_texts({"x": "Plan\n\nText om arbete.\n"}, metadata={"x": {"municipality": "Atlantis"}})


def test_polars_version_check_says_what_is_needed() -> None:
    kb._check_polars("1.44.2")
    kb._check_polars("2.1.0")
    with pytest.raises(ImportError, match=r"needs Python polars >= 1\.20 and < 3\.0 .* found polars 0\.20\.31"):
        kb._check_polars("0.20.31")
    with pytest.raises(ImportError, match="found polars 3.0.0"):
        kb._check_polars("3.0.0")


def test_caveats_are_warnings_not_failures(tmp_path: Path) -> None:
    text = "Integrationsplan för Vingåker\n\nKommunen motverkar diskriminering och rasism.\n".encode()
    damaged = text.replace("å".encode(), "å".encode()[:1], 1)
    (tmp_path / "vingaker.txt").write_bytes(damaged)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    corpus = kb.read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["vingaker"]
    assert corpus.failures == []
    assert any("1 invalid UTF-8 sequence" in w for w in corpus.warnings)
    assert any("symbolic link loop" in w for w in corpus.warnings)
    assert corpus.documents[0].to_dict()["source"]["damaged"] == [len("Integrationsplan för Ving".encode())]


def test_a_link_out_of_the_folder_is_followed_only_when_asked(tmp_path: Path) -> None:
    corpus_dir, private = tmp_path / "corpus", tmp_path / "private"
    corpus_dir.mkdir()
    private.mkdir()
    (corpus_dir / "vaxjo.txt").write_text("Integrationsplan\n\nKommunen erbjuder sfi.\n")
    (private / "notes.txt").write_text("Anteckningar\n\nInte en del av korpusen.\n")
    (corpus_dir / "notes.txt").symlink_to(private / "notes.txt")
    corpus = kb.read_corpus([corpus_dir])
    assert [d.id for d in corpus.documents] == ["vaxjo"]
    assert any("outside the folders given; not followed" in w for w in corpus.warnings)
    followed = kb.read_corpus([corpus_dir], follow_links=True)
    assert sorted(d.id for d in followed.documents) == ["notes", "vaxjo"]


def test_documents_in_other_formats(fixtures: Path) -> None:
    formats = fixtures / "formats"
    corpus = kb.read_corpus(
        [formats / "pdf-lo" / "vingaker-2016.pdf", formats / "docx-py" / "vasa-2023.docx", formats / "failures" / "scanned.pdf"]
    )
    assert [d.format for d in corpus.documents] == ["PDF", "DOCX"]
    pdf = corpus.documents[0]
    assert pdf.page_count == 3
    assert pdf.page_at(0) == 1
    # The PDF's creation date is the file's, not the text's publication.
    assert pdf.dates["file_created"] == "2026-11-30" and pdf.dates["published"] is None
    assert len(corpus.failures) == 1 and "ocrmypdf" in str(corpus.failures[0])
    evidence = kb.benchmark([pdf]).evidence
    assert "page" in evidence.columns
    assert set(evidence["page"].drop_nulls().to_list()) >= {1, 2, 3}

from __future__ import annotations

from pathlib import Path

import pytest

import kommunbench as kb

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def documents() -> list[kb.Document]:
    corpus = kb.read_corpus([FIXTURES / "corpus"])
    assert corpus.failures == []
    return corpus.documents

"""Type stubs of the compiled module."""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence, Union

import polars as pl

POLARS_RUST_VERSION: str
BUILD_PROFILE: str
"""``"release"`` or ``"debug"``: how the compiled module was built."""

PathLike = Union[str, os.PathLike[str]]
FrameworkSpec = Union[str, os.PathLike[str], "Framework"]
MapperSpec = Union[str, "Embeddings", Callable[[str, str], float]]

class KommunbenchError(Exception): ...
class InputFileError(KommunbenchError): ...
class FrameworkError(KommunbenchError): ...
class UnknownAreaError(KommunbenchError): ...
class LexiconError(KommunbenchError): ...
class GoldFileError(KommunbenchError): ...
class MapperError(KommunbenchError): ...
class OutputError(KommunbenchError): ...

class Priority:
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def parent(self) -> int | None: ...
    @property
    def span(self) -> tuple[int, int]: ...
    def to_dict(self) -> dict[str, Any]: ...

class Document:
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def municipality(self) -> dict[str, Any] | None: ...
    @property
    def format(self) -> str:
        """`text`, `HTML`, `PDF`, `DOCX` or `ODT`, told by the file's content."""
    @property
    def page_count(self) -> int | None:
        """How many pages the file has (PDF), or None."""
    def page_at(self, offset: int) -> int | None:
        """The page (from 1) a byte offset of `text` stands on (PDF), or None."""
    @property
    def dates(self) -> dict[str, str | None]: ...
    @property
    def text(self) -> str: ...
    @property
    def priorities(self) -> list[Priority]: ...
    def content(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class Framework:
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def areas(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

class Corpus:
    @property
    def documents(self) -> list[Document]: ...
    @property
    def failures(self) -> list[str]: ...
    @property
    def warnings(self) -> list[str]: ...
    def __len__(self) -> int: ...

class Embeddings:
    def __init__(self, units: dict[str, Sequence[float]], areas: dict[str, Sequence[float]], threshold: float = 0.5) -> None: ...

class Benchmark:
    @property
    def coverage(self) -> pl.DataFrame: ...
    @property
    def metrics(self) -> pl.DataFrame: ...
    @property
    def areas(self) -> pl.DataFrame: ...
    @property
    def peers(self) -> pl.DataFrame: ...
    @property
    def changes(self) -> pl.DataFrame: ...
    @property
    def evidence(self) -> pl.DataFrame: ...
    @property
    def documents(self) -> pl.DataFrame: ...
    def wide(self, value: str = "score") -> pl.DataFrame: ...
    def nearest(self, name: str, k: int = 5) -> list[tuple[str, float, float]]: ...
    def heatmap_svg(self) -> str: ...
    def outcomes(
        self, outcomes: PathLike | Sequence[PathLike] | pl.DataFrame, kpis: PathLike | None = None
    ) -> tuple[pl.DataFrame, pl.DataFrame]: ...
    def outcome_svg(
        self, outcomes: PathLike | Sequence[PathLike] | pl.DataFrame, kpi: str, kpis: PathLike | None = None
    ) -> str: ...
    def write(self, out: PathLike, notes: list[str] | None = None) -> list[str]: ...

def frameworks() -> list[str]: ...
def load_framework(spec: FrameworkSpec) -> Framework: ...
def read_corpus(
    paths: Sequence[PathLike],
    *,
    strict: bool = False,
    max_file_size: int | None = None,
    max_documents: int | None = None,
    municipalities: PathLike | None = None,
    follow_links: bool = False,
) -> Corpus: ...
def from_texts(texts: dict[str, str], metadata: dict[str, dict[str, str]] | None = None) -> list[Document]: ...
def units(documents: Sequence[Document]) -> pl.DataFrame: ...
def map(
    documents: Sequence[Document],
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    threshold: float | None = None,
    all: bool = False,
) -> pl.DataFrame: ...
def coverage(
    documents: Sequence[Document], framework: FrameworkSpec | None = None, mapper: MapperSpec | None = None, *, threshold: float | None = None
) -> pl.DataFrame: ...
def read_coverage(
    paths: Sequence[PathLike],
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    threshold: float | None = None,
    strict: bool = False,
    max_file_size: int | None = None,
    max_documents: int | None = None,
    municipalities: PathLike | None = None,
    follow_links: bool = False,
) -> pl.DataFrame: ...
def matrix(
    documents: Sequence[Document],
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    level: str = "municipality",
    value: str = "score",
    threshold: float | None = None,
) -> pl.DataFrame: ...
def benchmark(
    documents: Sequence[Document],
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    threshold: float | None = None,
    groups: dict[str, str] | PathLike | None = None,
    by_county: bool = False,
    municipalities_only: bool = False,
) -> Benchmark: ...
def read_benchmark(
    paths: Sequence[PathLike],
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    threshold: float | None = None,
    groups: dict[str, str] | PathLike | None = None,
    by_county: bool = False,
    municipalities_only: bool = False,
    strict: bool = False,
    max_file_size: int | None = None,
    max_documents: int | None = None,
    municipalities: PathLike | None = None,
    follow_links: bool = False,
) -> Benchmark: ...
def evaluate(
    documents: Sequence[Document],
    gold: PathLike,
    priorities: PathLike | None = None,
    framework: FrameworkSpec | None = None,
    mapper: MapperSpec | None = None,
    *,
    bootstrap: int = 1000,
    seed: int = 42,
) -> dict[str, Any]: ...

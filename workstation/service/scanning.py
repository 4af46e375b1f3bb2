"""The scan both doors run: documents loaded, the detection engine chosen once and closed once, findings keyed
under the case's secret, the engine's versions and the documents' safe labels worked out for the record.

The engine itself is built by the caller's factory (``app``/``cli``: models are built there and passed in); this
module only decides when to build it (the first time something needs it) and makes sure it is closed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

EngineFactory = Callable[[Sequence[Any]], Any]  # documents -> Analyzer (a parallel one for a large case)
OcrProgress = Callable[[str, int, int], None]


def engine_versions(engine: Any) -> dict[str, str]:
    """The engine's model, library and recognizer versions (for the scan's audit record); {} when it has none."""
    versions = getattr(engine, "versions", None)
    return versions() if versions is not None else {}


def close_engine(engine: Any) -> None:
    close = getattr(engine, "close", None)
    if close is not None:
        close()


class LazyEngine:
    """The detection engine of one command, built the first time something needs it (about 2 s) and closed once
    at the end: a command that checks free text and scans builds it once."""

    def __init__(self, factory: EngineFactory) -> None:
        self.factory = factory
        self.engine: Any = None

    def get(self, documents: Sequence[Any] = ()) -> Any:
        if self.engine is None:
            self.engine = self.factory(documents)
        return self.engine

    def analyze_many(self, texts: Sequence[str]) -> list[list[Any]]:
        return self.get().analyze_many(texts)

    def close(self) -> None:
        if self.engine is not None:
            close_engine(self.engine)
            self.engine = None

    def __enter__(self) -> LazyEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class CaseScan:
    """A case's documents scanned: what ``CaseService.record_scan`` and ``export`` take."""

    scanned: list[Any]  # pipeline.ScannedDocument
    versions: dict[str, str]
    labels: dict[str, str]  # path -> safe label


def scan_documents(documents: Sequence[Any], engines: LazyEngine, *, ocr_progress: OcrProgress | None = None,
                   text_key: bytes = b"", labels: bool = True) -> CaseScan:
    """Scan loaded documents with the command's engine (built now if need be, left open: the case's name and
    references may be checked next)."""
    from workstation.pipeline import document_labels, scan

    engine = engines.get(documents)
    scanned = scan(list(documents), engine, ocr_progress=ocr_progress, text_key=text_key)
    return CaseScan(scanned, engine_versions(engine), document_labels(scanned, engine) if labels else {})


def scan_sources(sources: Sequence[str], engines: LazyEngine, *, ocr_progress: OcrProgress | None = None,
                 labels: bool = True) -> CaseScan:
    """Load the case's files (``documents.intake``: every refusal one line naming the file) and scan them."""
    from workstation.documents.intake import load_case

    return scan_documents(load_case(list(sources)), engines, ocr_progress=ocr_progress, labels=labels)


def scan_one(document: Any, engine: Any, *, ocr_progress: OcrProgress | None = None,
             text_key: bytes = b"") -> Any:
    """One loaded document scanned (the window detects a case document by document, showing each as it comes)."""
    from workstation.pipeline import scan

    return scan([document], engine, ocr_progress=ocr_progress, text_key=text_key)[0]

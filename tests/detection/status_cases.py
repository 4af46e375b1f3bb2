"""The checks of the table-driven IMMIGRATION_STATUS tests: a finding covers a text whole, or no finding touches
some words. One recognizer for every case (it holds no per-text state)."""

from __future__ import annotations

from functools import lru_cache

from workstation.detection.immigration_status_recognizer import ImmigrationStatusRecognizer


@lru_cache(maxsize=1)
def _recognizer() -> ImmigrationStatusRecognizer:
    return ImmigrationStatusRecognizer()


def status_spans(text: str) -> list[tuple[int, int]]:
    """The recognizer's IMMIGRATION_STATUS spans in ``text`` (no spaCy parse)."""
    return [(r.start, r.end) for r in _recognizer().analyze(text, ["IMMIGRATION_STATUS"])]


def assert_covered(kind: str, text: str, covered: str) -> None:
    """One finding covers the first occurrence of ``covered`` whole."""
    start = text.index(covered)
    end = start + len(covered)
    spans = status_spans(text)
    assert any(s <= start and end <= e for s, e in spans), (kind, [text[s:e] for s, e in spans])


def assert_untouched(kind: str, text: str, word: str) -> None:
    """No finding overlaps the first occurrence of ``word``."""
    start = text.index(word)
    spans = status_spans(text)
    assert not any(s < start + len(word) and start < e for s, e in spans), (kind, [text[s:e] for s, e in spans])

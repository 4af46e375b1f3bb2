"""The key-word gates of the status patterns (workstation/detection/immigration_status_gates.py): a gate may only skip
a document in which its pattern cannot match. Checked on every match of every gated pattern in the dev evaluation
splits, the synthetic corpus and every string written in the detection tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from benchmarks.corpus import make_corpus
from workstation.detection import immigration_status_history, immigration_status_nouns
from workstation.detection.immigration_status_gates import GATES, holds, misses, scan
from workstation.detection.immigration_status_recognizer import ImmigrationStatusRecognizer

ROOT = Path(__file__).resolve().parents[2]
_GOLD = re.compile(r"\[\[[A-Z0-9_]+:(.*?)\]\]", re.S)


def _real_dev_texts() -> list[str]:
    out = []
    for path in sorted((ROOT / "benchmarks" / "real").glob("dev*/*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        out.append(_GOLD.sub(r"\1", body))
    return out


def _test_strings() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "detection").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8:
                out.append(node.value)
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [*_real_dev_texts(), *(d.text for d in make_corpus(60, 3)), *_test_strings()]


_MODULE_GATES = {**immigration_status_history.GATES, **immigration_status_nouns.GATES}


@pytest.mark.parametrize("rx", list(_MODULE_GATES), ids=lambda rx: rx.pattern[:40])
def test_every_history_and_noun_match_holds_its_keys(rx: re.Pattern[str], texts: list[str]) -> None:
    gate = _MODULE_GATES[rx]
    assert [m.group() for t in texts for m in rx.finditer(t) if not holds(m.group(), gate)] == []


def test_the_corpus_is_there(texts: list[str]) -> None:
    assert len(_real_dev_texts()) >= 70
    assert len(_test_strings()) > 300


@pytest.mark.parametrize("rx", list(GATES), ids=lambda rx: rx.pattern[:40])
def test_every_match_holds_its_keys(rx: re.Pattern[str], texts: list[str]) -> None:
    assert list(misses(rx, texts)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He was deported to Honduras in 2009.", True),
    ("He was sent back to Honduras in 2009.", False),
])
def test_scan_skips_a_text_without_the_keys(text: str, expected: bool) -> None:
    from workstation.detection.immigration_status_phrases import _REMOVED

    assert holds(text, GATES[_REMOVED]) is expected
    assert bool(list(scan(_REMOVED, text))) is expected


def test_an_ungated_pattern_is_always_run() -> None:
    rx = re.compile(r"sent\s+back")
    assert [m.group() for m in scan(rx, "He was sent back.")] == ["sent back"]


def test_the_gate_does_not_change_what_the_recognizer_finds(texts: list[str], monkeypatch) -> None:
    """The recognizer with its gates finds exactly what it finds with every pattern run over every text."""
    rec = ImmigrationStatusRecognizer()
    sample = texts[:90]
    gated = [sorted((r.start, r.end) for r in rec.analyze(t, ["IMMIGRATION_STATUS"], None)) for t in sample]
    monkeypatch.setattr("workstation.detection.immigration_status_recognizer.scan", lambda rx, t: rx.finditer(t))
    monkeypatch.setattr("workstation.detection.immigration_status_grammar.scan", lambda rx, t: rx.finditer(t))
    ungated = [sorted((r.start, r.end) for r in rec.analyze(t, ["IMMIGRATION_STATUS"], None)) for t in sample]
    assert gated == ungated
    assert sum(map(len, gated)) > 50

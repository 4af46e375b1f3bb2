"""Toll-free numbers spelled with letters (agency tip lines) are PHONE_NUMBER; dockets and form numbers are not."""

from __future__ import annotations

import pytest

from workstation.detection.engine import DetectionEngine


@pytest.fixture(scope="module")
def engine() -> DetectionEngine:
    return DetectionEngine()


FOUND = [
    ("with a leading 1", "Report tips at 1-866-DHS-2-ICE or online.", "1-866-DHS-2-ICE"),
    ("without the 1", "Call the tip line at 866-DHS-2-ICE.", "866-DHS-2-ICE"),
    ("area code in brackets", "Call (800) 375-LAWS today.", "(800) 375-LAWS"),
    ("one word", "Order at 1-800-FLOWERS now.", "1-800-FLOWERS"),
]


@pytest.mark.parametrize(("kind", "text", "number"), FOUND, ids=[c[0] for c in FOUND])
def test_lettered_number_found(engine: DetectionEngine, kind: str, text: str, number: str) -> None:
    start = text.index(number)
    got = [(d.entity_type, d.start, d.end) for d in engine.analyze(text)]
    assert ("PHONE_NUMBER", start, start + len(number)) in got, (kind, got)


NOT_FOUND = [
    ("a docket number", "Case No. 20-CR-01234 was filed."),
    ("a docket with a toll-free-looking court number", "See docket 866-CR-12345 for the order."),
    ("too short", "Fill in Form 800-ABC first."),
    ("too long", "Reference 800-ABCD-EFGH-IJKL-MNOP."),
    ("no capitals", "Call 800-dhs-2-ice."),
    ("not toll-free", "The code 212-DHS-2-ICE is not a tip line."),
]


@pytest.mark.parametrize(("kind", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_a_lettered_number(engine: DetectionEngine, kind: str, text: str) -> None:
    got = [(d.entity_type, text[d.start:d.end]) for d in engine.analyze(text)]
    assert not any(t == "PHONE_NUMBER" for t, _ in got), (kind, got)

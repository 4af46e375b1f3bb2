"""``free_text.FreeTextScreen`` with a stand-in detector (the domain never sees the engine)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from workstation.domain.errors import PolicyViolation
from workstation.domain.free_text import FreeTextScreen


@dataclass
class Hit:
    start: int
    end: int
    entity_type: str


def detector(texts: Sequence[str]) -> list[list[Hit]]:
    """Finds 'Honduran' (NATIONALITY) only, as an engine would."""
    return [[Hit(t.find("Honduran"), t.find("Honduran") + 8, "NATIONALITY")] if "Honduran" in t else [] for t in texts]


FINDINGS = [("Maria Gonzalez", "PERSON"), ("A123456789", "A_NUMBER"), ("Main Street", "ADDRESS")]


def screen() -> FreeTextScreen:
    return FreeTextScreen(detector, FINDINGS, keep=frozenset({"street"}))


def test_refuses_what_the_detector_or_the_case_findings_find_without_repeating_it():
    with pytest.raises(PolicyViolation) as err:
        screen().refuse("the reason", "a Honduran, a-123-456-789, asked gonzález")
    message = str(err.value)
    assert "A_NUMBER, NATIONALITY, PERSON" in message and "the reason" in message
    assert "Honduran" not in message and "123" not in message and "gonz" not in message.casefold()


def test_masks_each_span_with_its_category():
    s = screen().mask("  Maria Gonzalez (A123456789) on Main Street said so ")
    assert s.text == "[PERSON] ([A_NUMBER]) on [ADDRESS] said so" and s.masked
    assert s.categories == ("ADDRESS", "A_NUMBER", "PERSON") and "masked" in s.notice("the comment")


def test_legitimate_text_passes_and_generic_words_alone_are_not_a_finding():
    assert screen().refuse("the reason", "Public record: already released in court filing") == (
        "Public record: already released in court filing")
    assert not screen().mask("the street was closed").masked  # 'street' alone is a generic word
    assert not screen().mask("").masked


def test_a_case_name_gets_its_safe_label():
    assert screen().label("gonzalez-honduran-foil") == "redacted-foil"
    assert screen().label("Maria Gonzalez") == "redacted"
    assert screen().label("foil-2026-17") == "foil-2026-17"

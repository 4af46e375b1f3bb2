"""The readers of other mentions of a found name go token by token (a speed-up over compiling a regular expression
per document): they must find exactly what the per-document expressions found."""

from __future__ import annotations

import re

from benchmarks.corpus import make_corpus
from workstation.detection.person_completion import (
    _regex_given_names,
    _regex_runs,
    given_names_before,
    word_runs,
)

_EDGE = ("Emeka Nwosu Okafor met Ana Maria Nwosu; NWOSU  Okafor,\tSingh. O'Brien-Lee o'brien 3Singh Singh's "
         "Singh- Jean-Baptiste Okafor É. Okafor élan Okafor Dr.Okafor A B C D Okafor Okafor Okafor")


def _cases() -> list[tuple[str, set[str]]]:
    out = []
    for doc in make_corpus(40, 9):
        names = [doc.text[s.start:s.end] for s in doc.spans if s.entity_type == "PERSON"]
        words = {w for n in names for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", n)}
        if words:
            out.append((doc.text, words))
    out.append((_EDGE, {"Nwosu", "Okafor", "Singh", "O'Brien-Lee", "Jean-Baptiste"}))
    return out


def test_word_runs_equal_the_regular_expression() -> None:
    cases = _cases()
    assert len(cases) > 30
    found = 0
    for text, words in cases:
        lower = {w.lower() for w in words}
        assert word_runs(text, lower) == _regex_runs(text, lower)
        found += len(word_runs(text, lower))
    assert found > 100


def test_given_names_before_equal_the_regular_expression() -> None:
    found = 0
    for text, words in _cases():
        surnames = {w for w in words if w[:1].isupper()}
        assert given_names_before(text, surnames) == _regex_given_names(text, surnames)
        found += len(given_names_before(text, surnames))
    assert found > 20

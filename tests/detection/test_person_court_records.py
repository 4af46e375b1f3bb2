"""PERSON in court records and agency releases (dev3): docket abbreviations and caption words are not names, an
agency's field office city is not a name, a bare letter closing a "Matter of" caption line is. Sentences written
here, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from tests.conftest import spans

NOT_NAMES = [
    ("docket", "The respondent answered the petition. [Doc. 12] at 3.", "Doc"),
    ("docket", "He was released in March. (Dkt. 7-2 at 4).", "Dkt"),
    ("caption", "Merrick B. Garland, Atty. Gen., and Brian M. Boynton, Principal Dep. Assistant Attorney General.",
     "Gen"),
    ("release", "Noncitizens who commit crimes in our communities will be arrested.", "Noncitizens"),
    ("field office", "Officers from ERO Harlingen arrested him at a gas station.", "Harlingen"),
    ("field office", "Enforcement and Removal Operations (ERO) Harlingen arrested a Salvadoran man.", "Harlingen"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_NAMES)
def test_not_a_name(engine, kind, text, word):
    assert not any(word in s for s in spans(engine, text, "PERSON")), (kind, spans(engine, text, "PERSON"))


NAMES = [
    ("caption letter", "In the Matter of R\n\nBoard of Immigration Appeals", "R"),
    ("caption with names kept", "Merrick B. Garland, Atty. Gen., and Brian M. Boynton, Principal Dep. Assistant.",
     "Brian M. Boynton"),
    ("initials kept", "Matter of J-R-G-, 26 I&N Dec. 597 (BIA 2015).", "J-R-G-"),
]


@pytest.mark.parametrize(("kind", "text", "name"), NAMES)
def test_name_found(engine, kind, text, name):
    assert name in spans(engine, text, "PERSON"), (kind, spans(engine, text, "PERSON"))

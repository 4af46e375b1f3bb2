"""PERSON findings dropped for the words around them (a place, a facility, a court-record word), never for the
name alone (issue 10). Sentences written here."""

from __future__ import annotations

import pytest

from workstation.detection.person_filters import not_a_person

PERSON_CONTEXT = [
    # (text, a PERSON span's text, whether it is a person there)
    ("Leon Encinias, Albuquerque, New Mexico, Attorney for the Defendant.", "Albuquerque", False),
    ("He was held at Stewart Detention Center, GA.", "Stewart", False),
    ("She was taken to Juan F. Luis Hospital and Medical Center.", "Juan F. Luis", False),
    ("located in San Juan, Puerto Rico", "Juan", False),
    ("United States of America, Plaintiff, v. Gadiel Millanes", "America", False),
    ("Per Curiam. Petitioner appeals an order.", "Curiam", False),
    ("Jackson, Raymond was arrested on Tuesday.", "Jackson", True),
    ("Mr. Houston, a Honduran national, was detained.", "Houston", True),
    ("Officer Austin Hospital wrote the report.", "Austin", True),
    ("On May 9, MVPC medical staff examined him.", "MVPC", False),
    ("ICE moved him from the BCDC to Krome.", "BCDC", False),
    ("Witness DC Okafor signed the statement.", "DC Okafor", True),
    # dev13's first run: a hyphenated party role, a law firm after counsel's surname, a bench's abbreviation, a
    # foreign city after a removal
    ("MARIA OKAFOR,\nApplicant-Appellant,\nvs.\nSTATE OF IOWA", "Applicant-Appellant", False),
    ("Ada Reyes of Mensah Law Office, Iowa City, for appellant.", "Mensah", False),
    ("John Biel of Okafor & Biel PLC, Ames, for appellee.", "Okafor", False),
    ("Okafor, Ruiz, Biel (Senior Judge, Specially Assigned), JJ.", "Specially", False),
    ("Ann Reyes, Dist. Atty., for appellee.", "Dist", False),
    ("He was removed to Santo Domingo via the ICE Air Operations flight.", "Santo Domingo", False),
    ("Custody was returned to Jackson after the hearing.", "Jackson", True),
    ("On May 4, ERO New Orleans received him into custody.", "Orleans", False),
    ("He shipped as one of the crew of the SS. Ama Mensah from Baltimore.", "Ama Mensah", False),
    ("The Court: Mr. Prosecutor, do you have anything to say?", "Prosecutor", False),
    ("Mensah & Okafor met the clerk on Monday.", "Mensah", True),
]


@pytest.mark.parametrize(("text", "span", "person"), PERSON_CONTEXT, ids=[c[1] for c in PERSON_CONTEXT])
def test_person_filtered_by_its_context(text: str, span: str, person: bool) -> None:
    start = text.index(span)
    assert not_a_person(text, start, start + len(span)) is not person


GIVEN_BEFORE = [
    ("The bill for the relief of Ana Ruiz and J. Refugio Carreno Rojas, having considered it.",
     "J. Refugio Carreno Rojas"),
    ("Yesterday Carreno Rojas said so.", "Carreno Rojas"),
]


@pytest.mark.parametrize(("text", "name"), GIVEN_BEFORE, ids=[c[1] for c in GIVEN_BEFORE])
def test_given_names_before_a_found_surname(text: str, name: str) -> None:
    from workstation.detection.person_recognizer import PersonContextRecognizer

    recognizer = PersonContextRecognizer()
    start = text.index("Carreno")
    assert text[recognizer.refine_span(text, start, start + len("Carreno Rojas"))[0] :].startswith(name)

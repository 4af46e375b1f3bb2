"""IMMIGRATION_STATUS classes added on dev3: custody and detention authority, missing documents, attempted entries,
false claims to citizenship, presence without right, charge lines of the older law, passive enforcement, "the
noncitizen" said of one person. Sentences written here, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from tests.conftest import spans

ENTITY = "IMMIGRATION_STATUS"

FOUND = [
    ("custody", "The county jail handed him over to Immigration and Customs Enforcement (ICE) custody on Friday.",
     "Immigration and Customs Enforcement (ICE) custody"),
    ("custody", "She has been in CBP custody since the weekend.", "CBP custody"),
    ("custody", "He was later taken into custody by the Department of Immigration and Customs Enforcement.",
     "taken into custody"),
    ("authority", "The petitioner is held pursuant to 8 U.S.C. § 1231(a)(6) while travel papers are sought.",
     "held pursuant to 8 U.S.C. § 1231(a)(6)"),
    ("authority", "Mr. Okafor is detained under section 236 of the Act.", "detained under section 236"),
    ("documents", "When stopped at the checkpoint she had no valid travel documents.", "no valid travel documents"),
    ("documents", "The man, who lacked immigration papers, was questioned at the port.", "lacked immigration papers"),
    ("documents", "His Alien Registration Receipt Card had expired in 1979.", "Alien Registration Receipt Card"),
    ("documents", "She was released on an Order of Release on Recognizance in 2016.",
     "Order of Release on Recognizance"),
    ("detainee", "Mr. Haile, a civil immigration detainee, filed the petition pro se.", "civil immigration detainee"),
    ("detainee", "ERO Tucson arrested a repeat border violator near Sasabe.", "repeat border violator"),
    ("attempt", "In 2003 she tried to re-enter the United States using a borrowed passport at San Ysidro.",
     "tried to re-enter the United States using a borrowed passport"),
    ("attempt", "He succeeded in entering the United States by presenting a stolen border crossing card.",
     "succeeded in entering the United States by presenting a stolen border crossing card"),
    ("attempt", "The respondent applied for admission at the Detroit port in 1961.", "applied for admission"),
    ("admitted as", "She was admitted to the United States as a student in 1994.",
     "admitted to the United States as a student"),
    ("false claim", "At the bridge he falsely represented himself to be a citizen of the United States.",
     "falsely represented himself to be a citizen of the United States"),
    ("false claim", "She crossed at Laredo claiming to have been born in the United States.",
     "claiming to have been born in the United States"),
    ("presence", "The record shows the applicant was in the United States unlawfully from 2009 to 2014.",
     "in the United States unlawfully"),
    ("presence", "He has resided in the United States without authorization ever since.",
     "resided in the United States without authorization"),
    ("departure", "The judge allowed him to depart the United States voluntarily by June.",
     "depart the United States voluntarily"),
    ("order", "The Board ordered the removal of the respondent to Peru.", "ordered the removal"),
    ("order", "In 2004 she was ordered excluded at the airport.", "ordered excluded"),
    ("bond", "Counsel asked the immigration court for a bond hearing under 8 U.S.C. § 1226(a).", "bond hearing"),
    ("agency office", "ERO Phoenix arrested a Honduran man who had been removed twice.", "arrested"),
    ("agency office", "Border Patrol agents (USBP) apprehended her near the canal.", "apprehended"),
    ("passive", "She was apprehended a mile north of the border and placed in expedited removal.", "apprehended"),
    ("passive", "He was deported to Guatemala in 2016.", "deported"),
    ("passive", "After crossing the river without inspection he was detained and processed.", "detained"),
    ("the person", "Officers said the 41-year-old noncitizen has no other convictions.", "noncitizen"),
    # dev2's decision, now the detector's: "the noncitizen" said of one person states that person's status
    ("the person", "The noncitizen was released the next day.", "noncitizen"),
    ("previous", "His previous deportation was reinstated in 2012.", "deportation"),
    ("entry of a person", "Okonkwo entered the United States on March 3, 2001 through JFK airport.",
     "entered the United States"),
    ("entry of a person", "The applicant first entered the United States at or near Nogales in 1996.",
     "entered the United States"),
    ("reentry of a person", "After the 2014 removal he reentered again within a month.", "reentered"),
    ("1326 consent", "He had not obtained the consent of the Attorney General to reapply for admission.",
     "had not obtained the consent of the Attorney General to reapply for admission"),
    ("admission decided", "In 1958 she was refused admission at the port of Seattle.", "refused admission"),
    ("admission decided", "The board held that he was not entitled to admission to the United States.",
     "entitled to admission to the United States"),
    ("arrival", "She arrived in the United States as a child in 1990.", "arrived in the United States"),
    ("supervision", "ICE released him under an order of supervision in 2015.",
     "released him under an order of supervision"),
    ("entry noun", "The record shows two entries into the United States without inspection, in 2001 and 2004.",
     "two entries into the United States without inspection"),
    ("reinstatement", "DHS served him a Form I-871, Notice of Intent/Decision to Reinstate Prior Order, in May.",
     "Form I-871, Notice of Intent/Decision to Reinstate Prior Order"),
    ("reinstatement", "He argues that the reinstatement of his prior removal order was unlawful.",
     "reinstatement of his prior removal order"),
    ("relief bar", "As a result she is not eligible to receive any relief or benefits under the Act.",
     "not eligible to receive any relief or benefits under the Act"),
    ("passive adverb", "He entered illegally near Eagle Pass and was also deported to Honduras in 2019.", "deported"),
    ("appositive entry", "Mr. Petrov, a native of Bulgaria, later entered the United States in 1999 by falsely "
     "claiming to be a citizen.", "later entered the United States in 1999 by falsely claiming to be a citizen"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), FOUND)
def test_status_found(engine, kind, text, expected):
    found = spans(engine, text, ENTITY)
    assert any(expected.lower() in s.lower() for s in found), (kind, found)


NOT_FOUND = [
    ("police", "He was arrested in Queens and charged with burglary."),
    ("police", "The suspect was detained by NYPD officers after the fight."),
    ("criminal bond", "The defendant's bond hearing in the criminal case is set for Monday."),
    ("law", "An alien who is present without admission is inadmissible."),
    ("class", "The noncitizen who commits a crime may be removed."),
    # dev13's first run: a release's definition of its class
    ("definition", "An immigration fugitive is an alien who has failed to depart the United States pursuant to a "
     "final order of removal."),
    ("everyday", "She tried to enter the building with a borrowed badge."),
    ("everyday", "He applied for admission to the state bar."),
    ("everyday", "They left the country voluntarily for a holiday."),
    ("statistics", "There were 32 deaths in ICE custody last year."),
    ("hospital", "He was removed to the hospital by ambulance."),
    ("goods", "The shipment entered the United States at Laredo on Monday."),
    ("club", "He was denied entry to the club after midnight."),
    ("probation", "The court released him under supervision of the probation department."),
]


@pytest.mark.parametrize(("kind", "text"), NOT_FOUND)
def test_status_not_found(engine, kind, text):
    found = spans(engine, text, ENTITY)
    assert not found, (kind, found)


CHARGE_HEADS = [
    ("EXCLUDED BY BOARD OF SPECIAL INQUIRY:\nAct of 1924 — No immigration visa.\n\nBEFORE THE BOARD",
     "No immigration visa"),
    ("DEPORTABLE: Act of 1952 — Section 241(a)(1) [8 U.S.C. 1251(a)(1)] — Immigrant without visa.\n\nDISCUSSION",
     "Immigrant without visa"),
]


@pytest.mark.parametrize(("text", "expected"), CHARGE_HEADS)
def test_charge_lines_under_other_heads(engine, text, expected):
    assert expected in spans(engine, text, ENTITY)


# Two parts of one statement with a date or adverbial between them are one span (the words between stay covered);
# a name, a country or a verb between them keeps them apart.
@pytest.mark.parametrize(("text", "expected"), [
    ("She first entered the United States (June 1988), and twice thereafter, by falsely claiming to be a citizen.",
     ["entered the United States (June 1988), and twice thereafter, by falsely claiming to be a citizen"]),
    ("He entered without inspection and was ordered removed in absentia.", None),
])
def test_status_parts_bridged(engine, text, expected):
    found = spans(engine, text, ENTITY)
    if expected is None:
        assert len(found) >= 2, found
    else:
        assert any(expected[0] in s for s in found), found


def test_bridge_does_not_swallow_a_name(engine):
    text = "ERO officers took Dariusz Nowak into custody after his release."
    assert "Dariusz Nowak" in spans(engine, text, "PERSON")

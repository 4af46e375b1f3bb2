"""A person's immigration history told as events, the forms of a case and the leads of a statement (issue 10,
item 3; dev5's first run). Sentences written here, not copied from the evaluation sets. Each positive names the text
a finding must cover whole; each negative, words no IMMIGRATION_STATUS finding may touch."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched, status_spans

COVERED = [
    ("came to", "Ms. Lindqvist came to the United States in 2009 with her parents.", "came to the United States"),
    ("first entered", "The respondent first entered the United States in 1990 at Calexico.",
     "first entered the United States"),
    ("all-caps name, port", "Mr. OYELARAN entered the United States via the Newark, NJ Port of Entry on May 2, 2001.",
     "entered the United States via the Newark, NJ Port of Entry"),
    ("admitted to", "The applicant was admitted to the United States on March 3, 2011.", "admitted to the United States"),
    ("departed", "She departed the United States in June 2015 and did not return.", "departed the United States"),
    ("who came", "Petitioner is a man who came to the United States as a child.", "came to the United States"),
    ("returned him", "In 2010 ICE returned him to Ecuador.", "returned him to"),
    ("were returned", "Two of the men who had threatened him were returned to Ecuador by ICE.", "returned to"),
    ("transferred into custody", "The county transferred him into ICE custody on May 4.",
     "transferred him into ICE custody"),
    ("processed for", "ERO processed him for expedited removal the next day.", "processed him for expedited removal"),
    ("from the United States", "Officers removed Szabo from the United States to Hungary.", "from the United States"),
    ("travel documents", "ICE requested travel documents from the Hungarian consulate.", "requested travel documents"),
    ("naturalized citizen", "She is married to a naturalized citizen of the United States.",
     "naturalized citizen of the United States"),
    ("twice-deported", "Police arrested a twice-deported man wanted in Peru.", "twice-deported"),
    ("application for", "He filed an application for adjustment of status in 2012.",
     "application for adjustment of status"),
    ("after prior removals", "He admitted illegally re-entering the United States after two prior removals.",
     "illegally re-entering the United States after two prior removals"),
    ("visitor for pleasure", "He was admitted as a B-2 visitor for pleasure.", "visitor for pleasure"),
    ("form title", "See Exhibit 3 (Notice of Rights and Request for Disposition).",
     "Notice of Rights and Request for Disposition"),
    ("form title, record", "Exhibit 4 is the Record of Deportable/Inadmissible Alien prepared that day.",
     "Record of Deportable/Inadmissible Alien"),
    ("N- form", "Her mother filed a Form N-600K on her behalf.", "N-600K"),
    ("status kept", "He was in lawful status when the petition was filed.", "in lawful status"),
    ("status lost", "She did not maintain her lawful status after 2016.", "did not maintain her lawful status"),
    ("stay", "He remained after his authorized stay ended.", "authorized stay"),
    ("removed a named fugitive", "ERO officers removed Tomasz Wrona, a twice-deported fugitive, on May 3.", "removed"),
    ("transferred a named person", "The county transferred Wrona into ICE custody.", "transferred"),
    ("entered custody", "Mr. WRONA entered ERO custody on May 2.", "entered ERO custody"),
    ("no permission to return", "He has never applied for nor received permission to return to the United States.",
     "never applied for nor received permission to return to the United States"),
    ("status adjusted", "Her sisters, whose status in the United States was adjusted in 1970, live in Ohio.",
     "status in the United States was adjusted"),
    ("relief by section", "A hearing on his section 212(c) request is pending.", "section 212(c) request"),
    ("the Act after a section", "The application for adjustment of status under section 245 of the Immigration and "
     "Nationality Act was denied.", "section 245 of the Immigration and Nationality Act"),
    ("deported again", "He was deported again in 1948.", "deported again"),
    ("citizenship at birth", "She acquired U.S. citizenship at birth.", "acquired U.S. citizenship at birth"),
    ("re-entry into", "He was convicted of illegal re-entry into the United States.",
     "illegal re-entry into the United States"),
    ("quoted acronym", "He has been detained by United States Immigration and Customs Enforcement (\u201cICE\u201d) "
     "since May.", "detained by United States Immigration and Customs Enforcement (\u201cICE\u201d)"),
    ("two agency names", "He was transferred to ICE Enforcement and Removal Operations custody.",
     "ICE Enforcement and Removal Operations custody"),
    ("or between", "His brothers are all citizens or permanent resident aliens.",
     "citizens or permanent resident aliens"),
    ("caption is not a class", "Respondents\nPetitioner is a man who entered the United States from Peru as a child.",
     "entered the United States"),
    ("adjective is not a class", "An individual hearing on the petitioner's request for asylum is pending.", "asylum"),
    ("the people of the story", "He feared those who had victimized him, as some of them were deported to Peru by "
     "ICE.", "deported"),
    ("lawfully admitted", "He was lawfully admitted for permanent residence in 1951.",
     "lawfully admitted for permanent residence"),
    ("caption", "In re: Ana OKONJO\nIn REMOVAL PROCEEDINGS\nAPPEAL", "In REMOVAL PROCEEDINGS"),
    ("crewman head", "He arrived in 1962 as a nonimmigrant crewman.", "nonimmigrant crewman"),
    ("reentry by a deported alien", "He pleaded guilty to illegal reentry by a deported alien.",
     "illegal reentry by a deported alien"),
    ("failed to depart", "The applicant failed to depart the United States.", "failed to depart the United States"),
    ("N times", "He had been previously deported four times.", "previously deported four times"),
    ("for the Nth time", "He illegally entered the United States for the fourth time in 2021.",
     "illegally entered the United States for the fourth time"),
    ("felony re-entry", "He served time for felony re-entry after deportation.", "felony re-entry after deportation"),
    ("admission for permanent residence", "He has lived here since his admission for permanent residence in 1950.",
     "admission for permanent residence"),
    ("field office with dots", "Officers from the ERO Washington, D.C. field office arrested Tomas Brell, 45, "
     "of Peru.", "arrested"),
    ("age after the verb", "Enforcement and Removal Operations (ERO) Denver arrested 31-year-old Tomas Brell.",
     "arrested"),
    ("headline with two agencies", "ICE ERO arrests fugitive wanted in Peru\nBOSTON - ...", "arrests"),
    ("beyond the time authorized", "Both respondents remained in the United States beyond the time authorized.",
     "remained in the United States beyond the time authorized"),
    ("charging", "DHS filed a notice to appear charging inadmissibility.", "charging inadmissibility"),
    ("crossed the border", "Petitioner crossed the border on his return in 1980.", "crossed the border on his return"),
    ("adjusted to", "He then adjusted status to that of lawful permanent resident.",
     "adjusted status to that of lawful permanent resident"),
    ("obtained", "He obtained lawful permanent resident status in 1993.", "obtained lawful permanent resident status"),
    ("claimed to be", "He claimed to be a United States citizen.", "claimed to be a United States citizen"),
    ("initiated proceedings", "ERO then initiated removal proceedings.", "initiated removal proceedings"),
    ("alternatives to detention", "ERO enrolled him in the Alternatives to Detention program.",
     "enrolled him in the Alternatives to Detention program"),
    ("absconded", "ICE released him under supervision; in May he absconded.", "absconded"),
    ("pending proceedings", "He will remain in ICE custody pending immigration proceedings.",
     "remain in ICE custody pending immigration proceedings"),
    ("CAT", "The judge denied his application for deferral of removal under the Convention Against Torture.",
     "application for deferral of removal under the Convention Against Torture"),
    ("citizen relative", "The Board considered the birth of a citizen child and his citizen wife.", "citizen child"),
    ("visa petition", "He filed a relative-immigrant visa petition.", "immigrant visa petition"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_history_covered(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    ("a class who entered", "Aliens who entered the United States without inspection are inadmissible.", "entered"),
    ("a crowd", "Thousands came to the United States that year.", "came to"),
    ("a company", "The company entered the United States market in 2004.", "entered"),
    ("then came", "Then came the United States Navy.", "came"),
    ("returned to a jail", "He was returned to Essex County Jail after the hearing.", "returned to"),
    ("returned to the U.S.", "The package was returned to the United States by mail.", "returned to"),
    ("sent back a letter", "She sent back the form to the clerk.", "sent back"),
    ("released a name to family", "The hospital released Wrona to his family.", "released"),
    ("a rule about those who", "Those who are not lawfully present will be removed from the country.", "removed"),
    ("absconded with money", "The treasurer absconded with the funds in May.", "absconded"),
    ("a concerned citizen", "A concerned citizen called the precinct.", "citizen"),
    ("any permanent resident alien", "The BIA read it as authorizing any permanent resident alien with seven years "
     "of domicile to apply.", "permanent resident alien"),
    ("every alien", "The statute says that every alien must carry a registration card.", "alien"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_history_not_status(kind: str, text: str, word: str) -> None:
    assert_untouched(kind, text, word)


def test_a_name_in_an_agency_action_stays_a_person() -> None:
    text = "Since 2006 ICE has detained Walter Okonjo-Baptiste in immigration custody during his removal proceedings."
    name = text.index("Walter")
    spans = status_spans(text)
    assert any(text[s:e].endswith("has detained") for s, e in spans)
    assert any(text[s:e].startswith("in immigration custody") for s, e in spans)
    assert not any(s <= name < e for s, e in spans)


def test_a_name_in_a_lead_stays_a_person() -> None:
    """"transferred Ortega into ICE custody": the status span does not take the name."""
    text = "The sheriff transferred Okonjo into ICE custody on May 4."
    name = text.index("Okonjo")
    assert status_spans(text)
    assert not any(s <= name < e for s, e in status_spans(text))


HEADNOTE = ("MATTER OF KELLER\n\nIn DEPORTATION Proceedings\n\nA-12345678\n\nDecided by Board March 2, 1962\n\n"
            "An alien who gained admission by a false claim to citizenship has not been inspected as an alien. "
            "Where the record shows that respondent was aware of it, respondent lost his United States citizenship.\n\n"
            "CHARGE:\n\nOrder: Act of 1952 - Entered without inspection.\n\n"
            "The respondent entered the United States without inspection in 1960.")


def test_a_headnote_states_the_law_not_the_persons_status() -> None:
    """The syllabus after "Decided by Board" is law in the abstract (the annotation convention does not mark it),
    except a sentence that names the party; the charge and the decision's own text are the person's status."""
    spans = [HEADNOTE[s:e] for s, e in status_spans(HEADNOTE)]
    assert not any("inspected" in x or "false claim" in x for x in spans[:2] if "lost" not in x), spans
    assert any("lost his United States citizenship" in x for x in spans), spans
    assert any("Entered without inspection" in x for x in spans), spans
    assert any(x.startswith("entered the United States without inspection") for x in spans), spans
    first_sentence_end = HEADNOTE.index("as an alien.")
    headnote_start = HEADNOTE.index("An alien who gained")
    assert not any(headnote_start <= s < first_sentence_end for s, _ in status_spans(HEADNOTE))


def test_a_headnote_after_the_central_office_and_the_board_on_one_line() -> None:
    """dev13's first run: "Decided by Central Office <date> Decided by Board <date>" opens the syllabus too."""
    text = ("In the Matter of K\n\nBoard of Immigration Appeals\n\nDecided by Central Office April 2, 1951 Decided by "
            "Board May 8, 1951\n\nA warrant of arrest was issued in 1941 against an alien seaman for having remained "
            "longer than permitted, and he was ordered deported in 1941.\n\nCHARGE:\n\nWarrant: Act of 1924 - "
            "Remained longer.\n\nThe respondent was ordered deported in 1941.")
    headnote = (text.index("A warrant"), text.index("CHARGE"))
    found = status_spans(text)
    assert found, found
    assert not any(headnote[0] <= s < headnote[1] for s, _ in found), [text[s:e] for s, e in found]
    assert any(text[s:e].startswith("ordered deported") and s > headnote[1] for s, e in found)

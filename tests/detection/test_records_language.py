"""Nationality, birth dates and names as old decisions, releases and court papers write them (issue 10; the kinds
dev5's first run missed). Sentences written here, not copied from the evaluation sets."""

from __future__ import annotations

import pytest

from workstation.detection.engine import DetectionEngine


@pytest.fixture(scope="module")
def engine() -> DetectionEngine:
    return DetectionEngine()


FOUND = [
    ("historical country", "She is a native and citizen of the Philippine Islands.", "NATIONALITY", "Philippine Islands"),
    ("historical country 2", "The respondent, a native of British Guiana, arrived in 1950.", "NATIONALITY",
     "British Guiana"),
    ("name, of country", "Prosecutors said Tomas Lindo, of Nicaragua, pleaded guilty.", "NATIONALITY", "Nicaragua"),
    ("name, age, of country", "Maria Ocampo, 34, of Guatemala, was sentenced.", "NATIONALITY", "Guatemala"),
    ("name, age, of country, from the US", "ERO removed Tomas Lindo, 45, of Nicaragua from the United States "
     "Dec. 2.", "NATIONALITY", "Nicaragua"),
    ("headline demonym after an enforcement verb", "News Release\nICE deports Haitian wanted for two murders\n",
     "NATIONALITY", "Haitian"),
    ("entered from", "He is a man who entered the United States from Peru as a child.", "NATIONALITY", "Peru"),
    ("born in a long place, on a date", "She was born in the town of Jenin in the West Bank on May 2, 1971.",
     "DATE_OF_BIRTH", "May 2, 1971"),
    ("clerk after a comma", "Entered for the Court\nMARGARET HOLT, Clerk of Court", "PERSON", "MARGARET HOLT"),
    ("clerk on the next line", "UNITED STATES COURT OF APPEALS\nMARGARET HOLT\nClerk\n", "PERSON", "MARGARET HOLT"),
    ("suffix Jr.", "Petitioner, v. MARTIN J. KELLERMAN, JR., Attorney General, Respondent.", "PERSON",
     "MARTIN J. KELLERMAN, JR."),
    ("suffix III", "The court ordered Respondents Howard T. Pemberton III and Ann Lowe to answer.", "PERSON",
     "Howard T. Pemberton III"),
    ("suffix, III", "Attorney General Jefferson B. Sessions, III, signed the order.", "PERSON",
     "Jefferson B. Sessions, III"),
    ("New York citation without a period", "The plea stands (see People v Ford, 86 NY2d 397, 403).", "PERSON",
     "Ford"),
    ("board members listed over lines", "BEFORE: Board En Banc: SCHMIDT, Chairman; HURWITZ, VILLAGELIU, MATHON,\n"
     "AND GUENDELSBERGER, Board Members.", "PERSON", "VILLAGELIU"),
    ("joined by, over a line", "Dissenting Opinion: FILPPU, Board Member, joined by VACCA and\nHEILMAN, Board "
     "Members.", "PERSON", "VACCA"),
    ("secretary of state before a name", "\"We act now,\" said New York Secretary of State Cesar Perales.",
     "PERSON", "Cesar Perales"),
    ("council members listed", "At the hearing, Council Members Menchaca and Adams raised concerns.", "PERSON",
     "Adams"),
    ("justices listed with JJ.", "Present: IRELAND, C.J., SPINA, CORDY, BOTSFORD, GANTS, DUFFLY, & LENK, JJ.\n",
     "PERSON", "BOTSFORD"),
    ("a justice with J.", "Commonwealth v. Sylvain\nCordy, J. In 2007, the defendant was arrested.", "PERSON",
     "Cordy"),
    ("a suffix inside a list", "Before: CHAGARES, GREENAWAY, JR., and NYGAARD, Circuit Judges.", "PERSON",
     "GREENAWAY, JR."),
    ("line numbers run into a list", "5 6 PRESENT: 7 DENNIS JACOBS, 8 ROSEMARY S. POOLER, 9 STEVEN J. MENASHI, 10 "
     "Circuit Judges. 11", "PERSON", "ROSEMARY S. POOLER"),
    ("home state of", "He said there was an earthquake in his home state of Puebla, Mexico, in 2012.",
     "NATIONALITY", "Puebla"),
    ("commissioners line", "DIRECTORY\nRUTH ABERNATHY, Chair\nOLIVER P. STANTON\nCommissioners\n", "PERSON",
     "OLIVER P. STANTON"),
]


@pytest.mark.parametrize(("kind", "text", "entity", "covered"), FOUND, ids=[c[0] for c in FOUND])
def test_found(engine: DetectionEngine, kind: str, text: str, entity: str, covered: str) -> None:
    start = text.index(covered)
    end = start + len(covered)
    got = [(d.entity_type, d.start, d.end) for d in engine.analyze(text)]
    assert any(t == entity and s <= start and end <= e for t, s, e in got), (kind, got)


NOT_FOUND = [
    ("entry date is not a birth date", "He was born in Lima, entered the United States on May 3, 2001.",
     "DATE_OF_BIRTH", "May 3, 2001"),
    ("an official, of a country", "The Secretary of State, of the United States, spoke.", "NATIONALITY",
     "United States"),
    ("the People as a party", "The plea stands (see People v Ford, 86 NY2d 397, 403).", "PERSON", "People"),
    ("the commission as a subject", "For the tenants' safety, the Commission is not releasing their names.",
     "PERSON", "Commission"),
    ("a court heading as an address", "FILED\nSEP 2 2003 UNITED STATES COURT OF APPEALS\n", "ADDRESS", "COURT"),
    ("a circuit heading as an address", "2011 FOR THE SIXTH CIRCUIT LEONARD GREEN, Clerk", "ADDRESS", "CIRCUIT"),
    ("a numbered court heading", "1 IN THE COURT OF APPEALS OF THE STATE OF NEW MEXICO\n", "ADDRESS", "COURT"),
    ("a Supreme Court Reporter citation", "decided Padilla v Kentucky (559 US 356, 130 S Ct 1473) that year",
     "ADDRESS", "S Ct"),
    ("counsel's city", "Affirmed. Maria Elena Andrade, Boise, for appellant.", "PERSON", "Boise"),
    ("a party's role", "STATE OF NEW MEXICO, Plaintiff-Appellant, v. MAYRA GUTIERREZ, Defendant-Appellee.",
     "PERSON", "Defendant-Appellee"),
    ("a local law", "The Mayor remains committed to Local Law 228 and its enforcement.", "PERSON", "Local"),
    ("a memorandum heading", "MEMORANDUM\nThe petitioner seeks review.", "PERSON", "MEMORANDUM"),
    ("a year before Supreme Court", "Pereira v. Sessions, 138 S. Ct. 2105 (2018). 2018 Supreme Court", "ADDRESS",
     "Supreme"),
    ("the clerk in prose", "The Clerk shall enter judgment.\nOffice of the Clerk\nClerk\n", "PERSON", "Clerk"),
]


@pytest.mark.parametrize(("kind", "text", "entity", "word"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_found(engine: DetectionEngine, kind: str, text: str, entity: str, word: str) -> None:
    start = text.index(word)
    got = [(d.entity_type, d.start, d.end) for d in engine.analyze(text)]
    assert not any(t == entity and s < start + len(word) and start < e for t, s, e in got), (kind, got)

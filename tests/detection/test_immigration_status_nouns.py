"""A person's status said in a noun or a short phrase (workstation/detection/immigration_status_nouns.py; the kinds
dev7's first run missed). Sentences written here, not copied from the evaluation sets. Each positive names the text a
finding must cover whole; each negative, words no IMMIGRATION_STATUS finding may touch."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched

COVERED = [
    ("own entry", "Her sole entry into the United States took place at Laredo in 1987.", "entry into the United States"),
    ("own entries", "On each of his entries he showed a border crossing card at the port.", "entries"),
    ("own alienage", "At the border station she conceded her alienage to the inspector.", "alienage"),
    ("name's detention", "The petition says Okonjo's detention under 8 U.S.C. 1226(a) has lasted a year; ICE "
     "disagrees.", "detention"),
    ("attempted entry by a false claim", "In 1962 he attempted entry by representing himself to be a citizen.",
     "attempted entry by representing himself to be"),
    ("gained admission", "She gained admission to the United States with a borrowed passport.",
     "gained admission to the United States"),
    ("sought to enter by fraud", "The Board found that he sought to enter by fraud or misrepresentation.",
     "sought to enter by fraud or misrepresentation"),
    ("last entered on", "The respondent, a native of Peru, was admitted as a visitor. He last entered on or about "
     "May 4, 1999 at San Ysidro.",
     "last entered"),
    ("agency detainer", "Counsel did not know of the INS detainer lodged at the county jail.", "INS detainer"),
    ("federal detainer", "He stays in custody on a federal detainer issued by immigration authorities.",
     "federal detainer"),
    ("the detainer, with context", "ICE lodged a request with the jail; the detainer was still in force at "
     "sentencing.", "detainer"),
    ("an ICE detainee", "The report concerns the care of an ICE detainee at the processing center.", "ICE detainee"),
    ("a noncitizen from a country", "The inquiry concerned a Non-Citizen from Ukraine held in Tacoma.", "Non-Citizen"),
    ("demonym immigrant", "Neighbors said the Polish immigrant had been detained by ICE.", "immigrant"),
    ("private bill", "The beneficiary shall be considered to have entered and remained lawfully in the country.",
     "considered to have entered and remained lawfully"),
    ("agency charged a named person", "In 2001 the Immigration and Naturalization Service charged Okafor with "
     "being present without admission.", "charged"),
    ("removal flight with abbreviations", "ERO removed Ortega to Peru on a U.S. Immigration and Customs Enforcement "
     "(ICE) Air Operations charter aircraft May 2.", "on a U.S. Immigration and Customs Enforcement (ICE) Air "
     "Operations charter aircraft"),
    ("flight coordinated by ICE", "On May 9, Ruiz was flown from Houston to Guatemala on a flight coordinated by "
     "ICE's Air Operations Unit.", "flown from Houston to Guatemala on a flight coordinated by ICE's Air Operations "
     "Unit"),
    ("encountered at a place", "After his release Okafor was encountered at a residence in Tacoma during an ICE "
     "operation.", "encountered"),
    ("released by CBP", "She was given a notice to appear and released by U.S. Customs and Border Protection.",
     "released by U.S. Customs and Border Protection"),
    ("terminated from ATD", "ERO Miami terminated Osei from the Alternatives to Detention program in May.",
     "terminated"),
    ("last departure without a place", "Her removal order stands; ten years have not passed since her last "
     "departure.", "last departure"),
    ("took a described person into custody", "ERO Boston took the 41-year-old Brazilian national into custody on "
     "May 2 after the removal order.", "into custody"),
    ("illegally living", "A man illegally living in the United States was convicted of fraud.",
     "illegally living in the United States"),
    ("not legally present", "Chen, who was not legally present in the United States, pleaded guilty.",
     "not legally present in the United States"),
    ("did not depart", "Her visa allowed a month; she did not depart at the end of the month.", "did not depart"),
    ("overstaying", "The Service charged her with overstaying her visitor visa.", "overstaying"),
    ("citizen-children", "They claim hardship to their two citizen-children if removed.", "citizen"),
    ("parents' deportation", "The children would stay here after their parents' deportation to Peru.",
     "deportation"),
    ("after entering", "He was arrested after entering the United States through the Port of Entry at Nogales, "
     "Arizona.", "entering the United States through the Port of Entry at Nogales, Arizona"),
    ("joined a relative", "In 1990 the respondent joined his mother in the United States.",
     "joined his mother in the United States"),
    ("arriving", "Her father left Peru for the United States, arriving in May 1985.", "arriving"),
    ("immigration habeas: arrested", "Petitioner seeks a writ of habeas corpus under 28 U.S.C. § 2241 against "
     "Immigration and Customs Enforcement. On May 2, Petitioner was arrested at a bus stop.", "arrested"),
    ("immigration habeas: release", "Petitioner seeks a writ of habeas corpus under 28 U.S.C. § 2241 against "
     "ICE. He asks the Court to release him from custody or to order a bond hearing.", "release him from custody"),
    ("immigration habeas: holding him", "In this § 2241 habeas petition against ICE, Petitioner contends that "
     "Respondents are holding him unlawfully.", "holding him"),
    ("a defined acronym in quotes", "Petitioner was issued a Notice to Appear (\u201cNTA\u201d) that day.",
     "Notice to Appear (\u201cNTA\u201d)"),
    ("immigration habeas: detained by Respondents", "Petitioner seeks habeas relief under § 2241 from ICE "
     "detention. Petitioner, a citizen of Peru, was detained by Respondents on May 2.", "detained by Respondents"),
    ("immigration habeas: the order's alternatives", "This § 2241 petition challenges ICE detention. Within five "
     "days, Respondents are to either afford Petitioner a bond hearing or release Petitioner from custody under "
     "reasonable conditions of supervision.", "release Petitioner from custody under reasonable conditions of "
     "supervision"),
    ("cancellation for short", "The Board found him ineligible; he lacks prima facie eligibility for cancellation "
     "under the removal statute.", "cancellation"),
    ("lawfully residing", "The defendant, a non-citizen lawfully residing in the United States, pleaded guilty.",
     "lawfully residing in the United States"),
    ("removal flight", "ERO removed Ortega to Guatemala on an ICE Air Operations charter aircraft June 2.",
     "on an ICE Air Operations charter aircraft"),
    ("transferred to an ERO office", "Border Patrol transferred Nunez to ERO El Paso for removal.",
     "to ERO El Paso for removal"),
    ("admitted a named person", "In 1990 the Immigration and Naturalization Service admitted Mr. OKAFOR to the "
     "United States as a visitor.", "to the United States"),
    ("assumed a named person's custody", "On May 2, ERO Boston assumed Ms. LINDQVIST's custody at the jail.",
     "custody"),
    ("ordered a named person's removal", "In 2011 an immigration judge ordered Mr. Osei's removal to Ghana.",
     "ordered"),
    ("arrest by an agency", "He was removed a month after his arrest by Enforcement and Removal Operations (ERO) "
     "officers in Queens.", "arrest by Enforcement and Removal Operations (ERO) officers"),
    ("arrest and removal", "Officers in Ohio helped ahead of Dmitrov's arrest and subsequent removal.",
     "arrest and subsequent removal"),
    ("last departure", "She asks for a waiver ten years after her last departure from the United States.",
     "departure from the United States"),
    ("apposition is not a class", "The question is whether Ramon Ochoa, an alien, may be sentenced under § 1326(b).",
     "alien"),
    ("having been deported", "After having been deported in 2004, he came back within a year.",
     "having been deported"),
    ("illegally before reentered", "Police learned that he illegally reentered the United States in 1998.",
     "illegally reentered the United States"),
    ("a dash before for the second time", "In June 2001 he was deported \u2014 for the second time.",
     "deported \u2014 for the second time"),
    ("without an immigrant visa", "She was charged as an arriving noncitizen without an immigrant visa.",
     "without an immigrant visa"),
    ("adjustment to that of an alien", "He may apply for adjustment of status to that of an alien lawfully "
     "admitted for permanent residence.", "adjustment of status to that of an alien lawfully admitted for permanent "
     "residence"),
    ("proceedings against him", "In 2011, the Department of Homeland Security initiated removal proceedings against "
     "him in Denver.", "initiated removal proceedings against him"),
    ("reentry of a deported alien", "He pleaded guilty to illegal reentry of a deported alien in 2009.",
     "illegal reentry of a deported alien"),
    ("once again", "He was removed and later reentered the United States once again.",
     "reentered the United States once again"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_noun_statement_covered(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    ("entry of a plea", "His entry of a guilty plea was voluntary; he is a lawful permanent resident.", "entry"),
    ("removal from office", "Her removal from office followed the audit of the immigration unit.", "removal"),
    ("gained entry to a home", "The burglar gained entry to the apartment, a neighbor who is an immigrant said.",
     "gained entry"),
    ("entered a plea", "Ruiz last entered a plea in March; his visa had expired.", "entered"),
    ("detainer with no immigration words", "The court lifted the detainer after the state trial ended.", "detainer"),
    ("an alien in a class sentence", "Any alien, who is convicted of an aggravated felony, is deportable.", "alien"),
    ("removal from a post", "The crew demanded his removal as mess steward after the fight in port.", "removal"),
    ("the police charged a name", "The police charged Okafor with theft; she holds a student visa.", "charged"),
    ("encountered a friend", "The officer was encountered at the gate by a friend.", "encountered"),
    ("released by a hospital", "She was released by the hospital after the ICE visit.", "released"),
    ("did not depart from a policy", "The company did not depart from its policy on visas.", "did not depart"),
    ("a state prisoner's habeas", "Petitioner seeks a writ of habeas corpus under 28 U.S.C. § 2254 from state "
     "prison; he asks to be released from custody.", "released from custody"),
    ("cancellation of a contract", "She applied for cancellation of the lease after her removal hearing.",
     "cancellation"),
    ("a police arrest", "Police said his arrest and removal from the bar were lawful.", "arrest"),
    ("admitted to a hospital", "The nurse admitted Mr. Osei to the hospital ward after the ICE arrest.",
     "admitted"),
    ("a flight with nothing of ICE", "She flew on a commercial flight to Miami for a wedding.", "flight"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_noun_statement_not_status(kind: str, text: str, word: str) -> None:
    assert_untouched(kind, text, word)

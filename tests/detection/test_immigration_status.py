"""IMMIGRATION_STATUS through the full engine: the span is the status / proceedings phrase or a form value."""

from __future__ import annotations

import pytest

from tests.conftest import spans

ENTITY = "IMMIGRATION_STATUS"

POSITIVES = [
    ("He is undocumented.", ["undocumented"]),
    ("He is an undocumented immigrant.", ["undocumented immigrant"]),
    ("She has been living without lawful status since 2012.", ["living without lawful status"]),
    ("He has no legal status in this country.", ["no legal status in this country"]),  # the place goes with it, as "in the United States"
    ("She is out of status.", ["out of status"]),
    ("Respondent is unlawfully present in the United States.", ["unlawfully present in the United States"]),
    ("The defendant is an illegal alien.", ["illegal alien"]),
    ("He entered without inspection in 2005.", ["entered without inspection"]),
    ("Respondent is EWI.", ["EWI"]),
    ("Respondent unlawfully entered without being inspected, admitted or paroled.",
     ["unlawfully entered without being inspected, admitted or paroled"]),
    ("He overstayed his visa.", ["overstayed his visa"]),
    ("This is a visa overstay case.", ["visa overstay"]),
    ("She is a lawful permanent resident.", ["lawful permanent resident"]),
    ("He is an LPR.", ["LPR"]),
    ("She is a green card holder.", ["green card holder"]),
    ("He has a green card.", ["green card"]),
    ("She is a conditional resident.", ["conditional resident"]),
    ("He is an asylum seeker.", ["asylum seeker"]),
    ("She is an asylee.", ["asylee"]),
    ("He has a pending asylum application.", ["pending asylum application"]),
    ("She applied for asylum in 2019.", ["applied for asylum"]),
    ("He was granted asylum.", ["granted asylum"]),
    ("He has refugee status.", ["refugee status"]),
    ("She has TPS.", ["TPS"]),
    ("He holds Temporary Protected Status.", ["Temporary Protected Status"]),
    ("She is a DACA recipient.", ["DACA recipient"]),
    ("She entered on humanitarian parole.", ["humanitarian parole"]),
    ("The parolee was admitted at the port of entry.", ["parolee"]),
    ("He entered on a B-1/B-2 visa.", ["B-1/B-2"]),
    ("He works on an H-1B.", ["H-1B"]),
    ("She has a J-1 visa.", ["J-1 visa"]),
    ("She applied for a U visa.", ["U visa"]),
    ("The U-visa certification was signed.", ["U-visa certification"]),
    ("He entered on a tourist visa.", ["tourist visa"]),
    ("He applied for SIJS.", ["SIJS"]),
    ("He applied for Special Immigrant Juvenile Status.", ["Special Immigrant Juvenile Status"]),
    ("She filed a VAWA self-petition.", ["VAWA self-petition"]),
    ("He is in removal proceedings.", ["in removal proceedings"]),  # as the annotation convention marks it
    ("He was placed in deportation proceedings.", ["placed in deportation proceedings"]),
    ("He has a final order of removal.", ["final order of removal"]),
    ("He was ordered removed in absentia.", ["ordered removed in absentia"]),
    ("There is an order of deportation.", ["order of deportation"]),
    ("He was served a Notice to Appear.", ["served a Notice to Appear"]),
    ("The NTA was filed with the court.", ["NTA"]),
    ("An ICE detainer was issued.", ["ICE detainer"]),
    ("The jail lodged an immigration detainer.", ["lodged an immigration detainer"]),
    ("Form I-247A was sent.", ["Form I-247A"]),
    ("He was previously deported in 2011.", ["previously deported"]),
    ("He was deported.", ["deported"]),
    ("He was granted voluntary departure.", ["granted voluntary departure"]),
    ("He is a naturalized citizen.", ["naturalized citizen"]),
    ("She is a U.S. citizen.", ["U.S. citizen"]),
    ("He is a US citizen.", ["US citizen"]),
    ("She is an American citizen.", ["American citizen"]),
    ("He is without papers.", ["without papers"]),
    ("He has an expired work permit.", ["expired work permit"]),
    ("He has an EAD.", ["EAD"]),
    ("He is in ICE custody.", ["in ICE custody"]),
    ("There is an immigration hold on him.", ["immigration hold"]),
    ("They are a mixed-status family.", ["mixed-status family"]),
    ("Immigration Status: Undocumented", ["Undocumented"]),
    ("Immigration Status: pending asylum application\nDOB: 01/01/1990", ["pending asylum application"]),
    ("Status: Asylee", ["Asylee"]),
    ("Es indocumentado.", ["indocumentado"]),
    ("Vive sin papeles.", ["sin papeles"]),
    ("Es residente permanente.", ["residente permanente"]),
    ("Es solicitante de asilo.", ["solicitante de asilo"]),
    ("Fue deportado.", ["deportado"]),
    ("He is an LPR.", ["LPR"]),
    ("He holds a J-1 and works as a researcher sponsored by the university.", ["J-1"]),
    ("Subject stated he does not have papers.", ["does not have papers"]),
    ("The defendant was convicted of illegal reentry.", ["illegal reentry"]),
    ("Respondent is present in the United States without admission or parole.",
     ["present in the United States without admission or parole"]),
    ("The complainant is undocumented and fears the suspect will have her deported.",
     ["undocumented", "deported"]),
    ("Visa Type: H-2A", ["H-2A"]),
]

NEGATIVES = [
    "The case status is pending.",
    "He paid with a Visa debit card.",
    "He used his Visa card at the gas station.",
    "He paid with Visa.",
    "Please send a status update.",
    "Marital status: single",
    "Employment status: unemployed",
    "The citizen complaint was filed.",
    "A concerned citizen called 911.",
    "She is a senior citizen.",
    "His parole officer called.",
    "He is on parole for burglary.",
    "Status: Pending",
    "Immigration Status: Unknown",
    "The evidence was ruled inadmissible.",
    "He has a removable hard drive.",
    "SUSPECT HAD ICE IN HIS POCKET AND A PIPE.",
    "He drove east on I-20.",
    "Permanent Residence: 123 Main St",
    "The Flock LPR camera registered a hit on the plate.",
    "The M-1 rifle was recovered after he entered the apartment.",
    "He lives in Memphis, TN 38103 and entered the store.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_immigration_status_found(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_immigration_status_not_found(engine, text):
    assert spans(engine, text, ENTITY) == []


def test_alien_registration_label_is_not_a_status(engine):
    assert spans(engine, "Alien Registration Number: A123456789", ENTITY) == []


# --- enforcement actions, negated possession, entry manner, table columns, head nouns ------------------------------

ACTION_POSITIVES = [
    ("ICE arrested him outside the courthouse on March 3.", ["ICE arrested"]),
    ("ICE agents detained her at her apartment.", ["ICE agents detained"]),
    ("ICE lodged a detainer with DOC.", ["ICE lodged a detainer"]),
    ("ICE issued an administrative warrant for the subject.", ["ICE issued an administrative warrant"]),
    ("He was turned over to ICE after his release.", ["turned over to ICE"]),
    ("He has a check-in with ICE next week.", ["check-in with ICE"]),
    ("She wears an ankle monitor from ICE.", ["ankle monitor"]),
    ("Officer advised that Diaz has an active detainer.", ["active detainer"]),
    ("He was released on an order of supervision in 2019.", ["released on an order of supervision"]),
    ("He had a bond hearing in immigration court.", ["bond hearing in immigration court"]),
    ("She passed her credible fear interview.", ["credible fear interview"]),
    ("He is subject to reinstatement of removal.", ["subject to reinstatement of removal"]),
    ("She has a pending adjustment of status.", ["pending adjustment of status"]),
    ("Her case is in consular processing.", ["consular processing"]),
    ("She filed an I-589 last year.", ["filed an I-589"]),
    ("The IJ ordered her removed to Peru.", ["ordered her removed"]),
    ("I don't have papers.", ["don't have papers"]),
    ("She does not have legal status.", ["does not have legal status"]),
    ("He crossed the river with a coyote in 2019.", ["with a coyote"]),
    ("I entered the country through the desert in 2014.", ["through the desert"]),
    ("He said he's a citizen, he got naturalized years ago.", ["citizen", "got naturalized"]),
    ("Information regarding her visa status was withheld.", ["visa status"]),
    # head nouns stay with the status
    ("He is an H-2B worker at the farm.", ["H-2B worker"]),
    ("She is a U visa applicant.", ["U visa applicant"]),
    ("He is a T visa holder.", ["T visa holder"]),
    ("Status: Student (F-1)", ["Student (F-1)"]),
    ("Immigration Status: SIJS pending", ["SIJS pending"]),
    ("Immigration Status: Parolee   Visa Type: B-2", ["Parolee", "B-2"]),
]

TABLE_POSITIVES = [
    ("Name | DOB | Imm. Status | Notes\nJuan Ruiz | 01/01/1990 | Parolee | none\n"
     "Ana Diaz | 02/02/1985 | EWI | none\nOla Ade | 04/04/1999 | Refused | none\n",
     ["Parolee", "EWI"]),
    ("#\tNAME\tVisa Type\tA#\n1\tLEE, KIM\tStudent (F-1)\tA123456789\n2\tDOE, JANE\tH-2A worker\tnone\n",
     ["Student (F-1)", "H-2A worker"]),
    # a generic "Status" column: only values that are themselves statuses
    ("Case # | Officer | Status | Date\n123 | Smith | Closed | 01/01/2024\n125 | Brown | Asylee | 01/03/2024\n",
     ["Asylee"]),
]

ACTION_NEGATIVES = [
    "ICE issued a press release about the raid.",
    "Per ICE records, no match was found.",
    "Deportation Officer Lee called back.",
    'From: "Garcia, Ana (ICE)" <ana.garcia@ice.dhs.gov>',
    "ICE ERO New York Field Office",
    "He wears an ankle monitor as a condition of probation.",
    "They did not have documents for the car.",
    "The Asylum Seeker Arrival Center on Randalls Island was full.",
    "The Refugee Resettlement Program provided housing.",
    "A concerned citizen called 911 and is a citizen journalist.",
    "He was held in detention at the juvenile center.",
    "Case # | Officer | Status | Date\n123 | Smith | Closed | 01/01/2024\n124 | Jones | Open | 01/02/2024",
]


@pytest.mark.parametrize(("text", "expected"), ACTION_POSITIVES + TABLE_POSITIVES)
def test_immigration_status_more_found(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", ACTION_NEGATIVES)
def test_immigration_status_more_not_found(engine, text):
    assert spans(engine, text, ENTITY) == []


# --- orders not complied with, pending applications, parole programs, free-text answers, people tables ----------

MORE_POSITIVES = [
    ("She has an outstanding order of removal from 2014.", ["outstanding order of removal"]),
    ("He has a final order of deportation.", ["final order of deportation"]),
    ("The judge ordered him removed in 2011, but he never departed.", ["ordered him removed", "never departed"]),
    ("She was ordered deported and failed to leave the country.",
     ["ordered deported and failed to leave the country"]),  # one box: no readable "and" between
    ("He has a pending TPS application.", ["pending TPS application"]),
    ("She has a pending U visa petition.", ["pending U visa petition"]),
    ("They arrived on Uniting for Ukraine parole in 2023.", ["Uniting for Ukraine parole"]),
    ("He was admitted on Operation Allies Welcome parole.", ["Operation Allies Welcome parole"]),
    ("She entered on CHNV parole last year.", ["CHNV parole"]),
    ("Immigration concerns: afraid that ICE will come to the shelter; no lawyer yet",
     ["afraid that ICE will come to the shelter; no lawyer yet"]),
    ("Immigration: crossed in 2019, never had papers", ["crossed in 2019, never had papers"]),
    ("Immigration status: entered with a student visa, later overstayed",
     ["entered with a student visa, later overstayed"]),
    # people tables: every value of a "Papers" / "Docs" column; a "Status" column holding statuses
    ("Member            Relation    DOB           Country     Papers\n"
     "Samir Nasser      Father      03/15/1971    Syria       Refugee\n"
     "Huda Nasser       Mother      01/02/1975    Syria       Pending\n"
     "Leila Nasser      Daughter    08/20/2013    USA         Citizen\n"
     "Omar Nasser       Son         02/02/2016    USA         none\n",
     ["Refugee", "Pending", "Citizen", "none"]),
    ("Name         DOB          Country      Status\nAmadou Ba    01/02/1980   Senegal      Asylee\n"
     "Fatou Ba     03/04/2012   USA          Citizen\n",
     ["Asylee", "Citizen"]),
]

MORE_NEGATIVES = [
    "The officer never departed from the protocol.",
    "He failed to leave the keys with the super.",
    "She has a pending application for a parking permit.",
    "He is on parole for a robbery conviction.",
    "Immigration concerns: none",
    "Immigration: N/A",
    # tables not about people, and "Refused" (declined to answer) in a people table
    "Item          Qty    Country     Status\nLaptop        2      China       Shipped\nPhone         1      USA         Pending\n",
    "Name         DOB          Status\nAmadou Ba    01/02/1980   Refused\nFatou Ba     03/04/2012   Declined\n",
]


@pytest.mark.parametrize(("text", "expected"), MORE_POSITIVES)
def test_immigration_status_orders_programs_free_text_tables(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", MORE_NEGATIVES)
def test_immigration_status_orders_programs_free_text_tables_negative(engine, text):
    assert spans(engine, text, ENTITY) == []


# Real legal and agency language (issue 10, point 3): one class per tag, sentences written for these tests.
REAL_LANGUAGE_POSITIVES = [
    ('charge', 'DHS charged the woman as inadmissible under the Act.', ['charged the woman as inadmissible']),
    # the master calendar hearing is the person's hearing in immigration court (dev13's decision)
    ('charge', 'Counsel conceded deportability at the master calendar hearing.',
     ['conceded deportability', 'master calendar hearing']),
    ('charge', 'The court held that he was removable as an aggravated felon.', ['was removable as an aggravated felon']),
    ('charge', 'On June 2 she was charged with removability by CBP.', ['charged with removability']),
    ('order', 'She was given an expedited removal order at the airport.', ['expedited removal order']),
    ('order', 'The judge ordered her removed to Honduras.', ['ordered her removed']),
    ('order', 'He was deported to Guatemala in 2011.', ['deported to']),
    ('hearing', 'He is now awaiting his removal hearing in Batavia.', ['awaiting his removal hearing']),
    ('hearing', 'She was taken into ICE custody pending a removal hearing.', ['taken into ICE custody pending a removal hearing']),
    ('hearing', 'In March he was placed into removal proceedings.', ['placed into removal proceedings']),
    ('detainer', 'The jail declined to honor the detainer and released him.', ['declined to honor the detainer']),
    ('detainer', 'A detainer was lodged with the county jail.', ['A detainer was lodged']),
    ('detainer', 'The sheriff ignored the detainer.', ['ignored the detainer']),
    ('entry', 'He crossed without being inspected near Nogales.', ['crossed without being inspected']),
    ('entry', 'After his deportation he came back without permission in 2015.', ['deportation', 'came back without permission']),
    ('entry', 'Records show he reentered surreptitiously a month later.', ['reentered surreptitiously']),
    ('entry', 'She entered at other than a designated port of entry.', ['entered at other than a designated port of entry']),
    ('entry', 'He first entered the country illegally in 1999.', ['first entered the country illegally']),
    ('entry', 'He was, as he admits, not inspected at the border.', ['not inspected']),
    ('entry', 'She did not present a valid immigrant visa.', ['did not present a valid immigrant visa']),
    ('presence', 'Her unlawful presence began when her visa expired.', ['unlawful presence', 'visa expired']),
    ('presence', 'He was unlawfully present for more than one year.', ['unlawfully present for more than one year']),
    ('crew', 'He arrived in Baltimore as a stowaway aboard a freighter.', ['stowaway']),
    ('crew', 'The seaman was refused permission to land.', ['refused permission to land']),
    ('crew', 'The cook deserted his ship in Norfolk.', ['deserted his ship']),
    ('overstay', 'He stayed past the date he was allowed to remain.', ['stayed past the date he was allowed to remain']),
    ('overstay', 'Her unauthorized stay lasted three years.', ['unauthorized stay']),
    ('overstay', 'She remained beyond that date without authorization.', ['remained beyond that date without authorization']),
    ('overstay', 'He remained in the United States longer than permitted.', ['remained in the United States longer than permitted']),
    ('overstay', 'He violated the terms of his student status by working full time.', ['violated the terms of his student status']),
    ('overstay', 'She was admitted as a visitor until March 3, 2019.', ['admitted as a visitor until March 3, 2019']),
    ('document', 'He traveled on an advance parole document.', ['advance parole document']),
    ('document', 'Her husband held diplomatic status at the consulate.', ['diplomatic status']),
    ('document', 'He entered on an A-1 visa and later held G-4 status.', ['A-1 visa', 'G-4 status']),
    ('document', 'She was admitted in F 1 status to attend college.', ['F 1 status']),
    ('document', 'The officer reviewed her asylum application.', ['asylum application']),
    ('document', 'In 2012 he sought LPR status through his employer.', ['LPR status']),
    ('document', 'He filed a waiver application with USCIS.', ['waiver application']),
    ('document', 'She is the beneficiary of an approved I-130 petition.', ['beneficiary of an approved I-130 petition']),
    ('relief', 'The judge found him ineligible for immigration relief.', ['found him ineligible for immigration relief']),
    ('relief', 'He claimed he had acquired derivative citizenship.', ['acquired derivative citizenship']),
    ('charge', 'The notice alleged she was an alien present in the United States without being admitted.',
     ['an alien present in the United States without being admitted']),
    ('order', 'She was later deported back to Peru by air.', ['later deported']),
    ('entry (lemma)', 'He entered the United States near Laredo in 2004 without inspection.',
     ['entered the United States near Laredo in 2004 without inspection']),
    ('entry (lemma)', 'She crossed into Texas near El Paso illegally in 1998.', ['crossed into Texas near El Paso illegally']),
    ('entry (fraud)', 'She entered at JFK with a borrowed passport.', ['entered at JFK with a borrowed passport']),
    ('entry (fraud)', 'He tried to enter the country by falsely claiming to be an American citizen.',
     ['tried to enter the country by falsely claiming to be an American citizen']),
    ('encounter', 'Border Patrol records show she was caught by the U.S. Border Patrol near Yuma.',
     ['caught by the U.S. Border Patrol']),
    ('reentry', 'The man was found in the United States after having been removed twice.',
     ['found in the United States after having been removed twice']),
    ('adjustment', 'In 2009 she adjusted her status to lawful permanent resident.',
     ['adjusted her status to lawful permanent resident']),
    ('presence', 'Police learned that he was in the country illegally.', ['in the country illegally']),
    ('naturalization', 'Her application for naturalization is still pending.', ['application for naturalization']),  # the application is the status, whole
    ('story, not a rule', 'A Haitian noncitizen who was deported in 2010 was arrested again last week.',
     ['noncitizen', 'deported']),
]

REAL_LANGUAGE_NEGATIVES = [
    ('agency', 'The immigration judge adjourned the hearing.'),
    ('agency', 'The Immigration and Naturalization Service issued the rule.'),
    ('agency', 'Children are referred to the Office of Refugee Resettlement.'),
    ('agency', 'ERO deportation officers arrested 15 people during the operation.'),
    ('agency', 'ICE has removed more than 300 fugitives this year.'),
    ('bare person', 'Noncitizens may be released on bond.'),
    ('agency', 'Annual Report on Deaths in ICE Custody'),
    ('bare person', 'Each alien listed below appeared at the hearing.'),
    ('abstract', 'An alien who enters without inspection is subject to removal under the statute.'),
    ('abstract', 'Section 212 lists the grounds of inadmissibility.'),
    ('abstract', 'A noncitizen may be charged as inadmissible or as deportable.'),
    ('abstract', 'Noncitizens who entered without inspection may not adjust their status.'),
    ('abstract', 'Under the statute, a noncitizen who was unlawfully present for over a year is inadmissible.'),
    ('abstract', 'Any alien who has been ordered removed and who reenters is guilty of a felony.'),
    ('abstract', 'The history of naturalization law is long.'),
    ('abstract', 'A special deportation procedure applies to seamen.'),
    ('everyday', 'The mechanic inspected the car.'),
    ('everyday', 'The suspect illegally entered the residence through a window.'),
    ('everyday', 'He crossed the street without permission.'),
    ('everyday', 'He entered the building without permission.'),
    # ('He entered the US in 2001' is now a person's entry history, as dev2 marks it: test_immigration_status_custody_and_entry)
    ('everyday', 'The shipment entered the US in 2001 and moved without a break.'),
    ('everyday', 'The tree was removed to clear the lot.'),
    ('everyday', 'Snow removal is delayed.'),
    ('everyday', 'He stayed past midnight at the party.'),
    ('everyday', 'She was admitted to the hospital until Friday.'),
    ('everyday', 'He applied for a fee waiver at the library.'),
    ('everyday', 'The A-1 rating was confirmed.'),
    ('everyday', 'Her F 1 key was stuck.'),
    ('everyday', 'The crew entered the harbor without permission from the harbor master.'),
]


@pytest.mark.parametrize(("kind", "text", "expected"), REAL_LANGUAGE_POSITIVES)
def test_immigration_status_real_language_found(engine, kind, text, expected):
    assert spans(engine, text, ENTITY) == expected, kind


@pytest.mark.parametrize(("kind", "text"), REAL_LANGUAGE_NEGATIVES)
def test_immigration_status_real_language_noise_not_found(engine, kind, text):
    assert spans(engine, text, ENTITY) == [], kind


# The older law's proceedings and relief (sentences written here).
@pytest.mark.parametrize(("text", "expected"), [
    ("In 1989 the Service issued an Order to Show Cause against the respondent.", "Order to Show Cause"),
    ("He applied for suspension of deportation, which the judge denied.", "suspension of deportation"),
    ("She remained subject to a final order of exclusion entered in 1992.", "final order of exclusion"),
    ("The respondent failed to depart within the time allowed.", "failed to depart"),
    ("He filed an application for permission to reapply for admission.", "permission to reapply for admission"),
])
def test_older_proceedings_and_relief(engine, text, expected):
    assert any(expected.lower() in s.lower() for s in spans(engine, text, "IMMIGRATION_STATUS"))


@pytest.mark.parametrize(("text", "expected"), [
    ("After his removal in 2011 he reentered the United States near Nogales.", "reentered the United States"),
    ("In 2019 the defendant was found in the United States by immigration officers.", "found in the United States"),
])
def test_illegal_reentry_elements(engine, text, expected):
    assert any(expected.lower() in s.lower() for s in spans(engine, text, "IMMIGRATION_STATUS"))


# A status span takes the rest of the phrase a reader takes with it, so no word of it stays readable.
@pytest.mark.parametrize(("text", "expected"), [
    ("She was admitted to the United States as a lawful permanent resident in 1998.",
     "admitted to the United States as a lawful permanent resident"),
    ("He never became a naturalized citizen.", "never became a naturalized citizen"),
    ("The judge granted voluntary departure in lieu of deportation.", "voluntary departure in lieu of deportation"),
    ("She sought relief under the Convention Against Torture (CAT).", "Convention Against Torture (CAT)"),
    ("He had previously been deported twice.", "previously been deported"),
])
def test_status_span_takes_the_whole_phrase(engine, text, expected):
    assert any(expected.lower() in s.lower() for s in spans(engine, text, "IMMIGRATION_STATUS")), \
        spans(engine, text, "IMMIGRATION_STATUS")


# An immigration agency's enforcement action on a person is immigration history; the police's is not, nor are
# an agency's statistics.
@pytest.mark.parametrize(("text", "expected"), [
    ("After his second entry CBP officers detained him near Hidalgo.", ["detained"]),
    ("In 1985 the INS apprehended the applicant near Calexico.", ["apprehended"]),
    ("She was arrested by ICE at her home in March.", ["arrested"]),
])
def test_agency_enforcement_on_a_person(engine, text, expected):
    found = spans(engine, text, "IMMIGRATION_STATUS")
    assert all(any(x in s for s in found) for x in expected), found


@pytest.mark.parametrize("text", [
    "NYPD officers arrested him on Tuesday after the robbery.",
    "He was arrested by police officers for robbery.",
    "ICE removed 540 people from the region last year.",
])
def test_police_arrests_and_statistics_are_not_status(engine, text):
    assert spans(engine, text, "IMMIGRATION_STATUS") == []

"""Status statements dev10's and dev11's first runs missed (splits nobody had tuned on): an order around a name and a
relative, a party's apposition before a sentence that only looks like a rule, a grant around a name, false claims of
another citizenship, the CAT claim, ERO's transfer, release and ATD enrolment (dev10); an agency finding the person,
a removal flight told with its journey, a reentry without the country, a removal with its date, the year of a
deportation, a bond denied in a habeas order, permission to reenter, a hold room, a lodged detainer (dev11). Sentences written here, not copied from the
evaluation sets. Each positive names the text a finding must cover whole; each negative, words no
IMMIGRATION_STATUS finding may touch."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched

COVERED = [
    ("order around a name and a relative", "The Board denied relief and ordered Mensah and her daughter removed to "
     "Ghana.", "ordered"),
    ("the removal after the relative", "The Board denied relief and ordered Mensah and her daughter removed to "
     "Ghana.", "removed"),
    ("order with 'to be removed'", "In May an immigration judge ordered Okafor to be removed to Nigeria.",
     "to be removed"),
    ("party's apposition with an infinitive", "Petitioner, an undocumented immigrant seeking to remain eligible for "
     "adjustment, moved to vacate the plea.", "undocumented immigrant"),
    ("infinitive is not a rule verb", "Okafor was an alien hoping to become a teacher, and he entered without "
     "inspection in 2003.", "entered without inspection"),
    ("agency granted a named person", "In 2004 USBP granted Okafor voluntary return to Mexico.", "granted"),
    ("false claim of another citizenship", "At the port he falsely claimed Canadian citizenship.",
     "falsely claimed Canadian citizenship"),
    # dev10's decision: a false claim to another country's citizenship is status (dev2's negative case reversed)
    ("false claim to be a foreign citizen", "He falsely claimed to be a citizen and national of Peru.",
     "falsely claimed to be a citizen"),
    ("misrepresented nationality", "The officer found she had misrepresented her nationality at entry.",
     "misrepresented her nationality"),
    ("arrest and removal of a name", "ICE officials praised the arrest and removal of Okafor last week.",
     "arrest and removal"),
    ("CAT claim", "The agency did not weigh the evidence on his CAT claim.", "CAT claim"),
    ("transferred to ERO", "He was later transferred to ERO in Houston.", "transferred to ERO"),
    ("released with instructions", "She was released with instructions to report to ERO Atlanta.",
     "released with instructions to report to ERO"),
    ("ATD enrolment, singular", "In 2020 Okafor was enrolled in the Alternative to Detention program.",
     "Alternative to Detention"),
    ("headline without 'the'", "Nigerian fugitive removed from United States", "removed from United States"),
    ("deportation flight", "Officers met the deportation flight at the airport in Lagos.", "deportation flight"),
    # dev11
    ("agency found the defendant", "In 1998 agents of the Immigration and Naturalization Service found defendant in "
     "Fairfax County.", "found"),
    ("agency discovered him", "During a jail check ICE agents discovered him in Travis County.", "discovered"),
    ("flight with its journey", "Okafor, 41, was flown to Nigeria May 3 onboard a charter flight coordinated by "
     "ICE's Air Operations (IAO) Unit.", "flown to Nigeria May 3 onboard a charter flight coordinated by ICE's Air "
     "Operations (IAO) Unit"),
    ("transported on board", "Okafor was transported from Newark Liberty International Airport in Newark, N.J., on "
     "board an ICE Air Operations charter aircraft.", "transported from Newark Liberty International Airport in "
     "Newark, N.J., on board an ICE Air Operations charter aircraft"),
    ("reentry without the country", "Okafor first entered the United States as a student. He briefly left the "
     "United States, but reentered as a parolee in 1996.", "reentered"),
    ("departure with an adverb", "Okafor first entered the United States as a student. He briefly left the United "
     "States in 1994.", "briefly left the United States"),
    ("removal with its date", "An immigration judge ordered him deported, and he was removed Sept. 4, 2011.",
     "removed"),
    ("year of a deportation", "No record shows he asked to return after his 1991 deportation.", "deportation"),
    ("permission to reenter", "INS records show no application for permission to re-enter the United States.",
     "permission to re-enter"),
    ("bond denied in a habeas order", "This petition under 2241 challenges ICE detention. The IJ denied Petitioner "
     "bond.", "bond"),
    ("hold room", "ICE took custody in May. Okafor was booked into the Phoenix Hold Room that night.",
     "booked into the Phoenix Hold Room"),
    ("lodged detainer", "ICE custody followed: the jail released him pursuant to the lodged detainer.",
     "lodged detainer"),
    ("encountered and interviewed", "ICE records show Okafor was encountered and interviewed at the county jail.",
     "encountered and interviewed"),
    ("transfer to ERO spelled out", "USBP transferred Okafor to Enforcement and Removal Operations (ERO) Detroit "
     "custody in May.", "to Enforcement and Removal Operations (ERO) Detroit custody"),
    ("resided unlawfully", "He entered at an unknown place and resided unlawfully in the country.",
     "resided unlawfully"),
    ("legalization application", "He came back to pursue an application for legalization.",
     "application for legalization"),
    # spans reach over what dev10 and dev11 mark with the statement
    ("unknown place and date", "Okafor, who entered the United States at an unknown place and date, was arrested "
     "by ERO officers.", "entered the United States at an unknown place and date"),
    ("unknown date and location", "Okafor illegally entered the U.S. on an unknown date and at an unknown location.",
     "illegally entered the U.S. on an unknown date and at an unknown location"),
    ("not a citizen", "Okafor, who is not a citizen of the United States, was detained by ICE.",
     "not a citizen of the United States"),
    ("application for a relief", "USCIS denied his application for DACA in 2014.", "application for DACA"),
    ("ineligible for a relief", "The Board found him ineligible for CAT protection.", "ineligible for CAT protection"),
    ("with a final order", "ERO removed Okafor, a Nigerian citizen with a final order of removal, in May.",
     "with a final order of removal"),
    ("headline without 'the' after an entry", "Nigerian felon pleads guilty to illegally re-entering U.S.",
     "illegally re-entering U.S."),
    ("entry after a name's apposition", "Ama Okafor, a citizen of Ghana, entered the United States in May 1979 as a "
     "visitor.", "entered the United States"),
    ("removed from the US after an apposition", "ERO removed Kofi Mensah, a twice-deported fugitive, from the United "
     "States on May 2.", "from the United States"),
    ("this removal, named again", "ICE removed her on May 2. \u201cWith this removal, we send a clear message,\u201d "
     "the ERO director said.", "removal"),
    ("authorization to remain until a date", "Okafor was admitted as a B-2 visitor with authorization to remain in "
     "the United States for a temporary period not to exceed May 3, 1999.", "authorization to remain in the United "
     "States for a temporary period not to exceed May 3, 1999"),
    ("admitted until a date", "She was admitted as a B-2 visitor until June 15, 1996.", "until June 15, 1996"),
    ("agency released a named person", "On May 2, USBP released Mr. Okafor on an order of recognizance.",
     "released"),
    # dev12
    ("found the respondent removable", "An Immigration Judge found the respondent removable in 2017.", "removable"),
    ("encountered with words before the agency", "He was encountered, with a family member, Feb. 19 by U.S. Customs "
     "and Border Protection near Hidalgo.", "encountered"),
    ("approached by Border Patrol", "Okafor was outside a store when he was approached by a U.S. Border Patrol agent.",
     "approached"),
    ("discovered by a field office", "Okafor was discovered in the county jail in May 2010 by Seattle ERO officers.",
     "discovered"),
    ("no consent to reapply", "Okafor did not obtain the express consent of the Secretary of Homeland Security to "
     "reapply for admission.", "not obtain the express consent of the Secretary of Homeland Security to reapply"),
    ("stay beyond its date", "His visa allowed him to stay until May 1, 2001. Okafor remained in the United States "
     "beyond that date.", "remained in the United States beyond that date"),
    ("detainer from ICE", "Appellant had a detainer from U.S. Immigration and Customs Enforcement (\u201cICE\u201d) "
     "after the charge.", "detainer from U.S. Immigration and Customs Enforcement (\u201cICE\u201d)"),
    ("awaiting removal", "At the time of his death, both were awaiting removal to Honduras.", "awaiting removal"),
    ("authorization to remain until a day-month date", "Okafor was admitted as a visitor with authorization to remain "
     "until 6 December 2000.", "authorization to remain until 6 December 2000"),
    ("the rest of a list of reliefs", "Okafor failed to show his eligibility for withholding of removal under the INA "
     "and CAT.", "withholding of removal under the INA and CAT"),
    ("a paragraph mark ends a rule's sentence", "This rule allows a defendant to move for withdrawal. As grounds, a "
     "defendant may raise ineffective assistance.\n\u00b6 3 The State charged Okafor, a legal permanent resident born "
     "in Ghana, with theft.", "legal permanent resident"),
    ("visa petition", "His father filed a visa petition for him in 1992.", "visa petition"),
    ("firmly resettled", "The Immigration Judge found that the respondent was firmly resettled in Brazil.",
     "firmly resettled"),
    # dev13
    ("a deportation proceeding, singular", "He had not been subjected to a deportation proceeding before the plea.",
     "deportation proceeding"),
    ("master calendar hearing", "Okafor appeared with counsel for a master calendar hearing in May.",
     "master calendar hearing"),
    ("reentry into the U.S.", "He has a 2013 conviction related to reentry into the U.S. and served 30 months.",
     "reentry into the U.S."),
    ("permission from either official", "Mensah did not obtain permission from either the Attorney General or the "
     "Secretary of Homeland Security to apply for readmission.", "did not obtain permission from either the Attorney "
     "General or the Secretary of Homeland Security to apply for readmission"),
    ("a bar on returning around a name", "The order also prohibited Okafor from returning to the United States for "
     "five years.", "from returning to the United States for five years"),
    ("the bar itself", "The order also prohibited Okafor from returning to the United States for five years.",
     "prohibited"),
    ("a bar on reentering", "The judge barred him from reentering the United States for ten years.",
     "barred him from reentering the United States for ten years"),
    ("an extension of time to depart", "In 1946 he was granted a 60-day extension of time within which to depart "
     "voluntarily.", "extension of time within which to depart voluntarily"),
    ("an agency's charge around a name", "On May 2, 2023, ERO Newark charged Mr. Okafor with removability under "
     "section 237.", "charged"),
    ("currently being detained in a habeas petition", "Petitioner alleges under 28 U.S.C. 2241 that he is currently "
     "being detained by ICE in violation of the Constitution.", "being detained"),
    # dev12 after its first run
    ("no documents with which to enter", "He arrived by boat. He had no documents with which to enter the United "
     "States.", "had no documents with which to enter the United States"),
    ("a noncitizen of the United States", "Counsel did not tell him what he faced as a noncitizen of the United "
     "States.", "noncitizen of the United States"),
    ("an illegal return", "His residence was resumed by his illegal return in August 1953.", "illegal return"),
    ("his request for bond", "In May an immigration judge granted his request for bond and he was released.",
     "request for bond"),
    ("the respondent's application for a visa", "The respondent stayed in Mexico hoping for an immigrant visa; the "
     "consul denied the respondent's application for a visa in 1963.", "application for a visa"),
    ("the form I-122's title", "He was served with Form I-122, \"Notice to Applicant for Admission Detained for "
     "Hearing Before Immigration Judge.\"", "Notice to Applicant for Admission Detained for Hearing Before Immigration "
     "Judge"),
    # older splits' misses, read as general rules
    ("entry by wading across the river", "He entered the United States illegally in 1992, as a twelve-year-old "
     "child, by wading across the Rio Grande River.", "by wading across the Rio Grande River"),
    ("arrival by boat", "Okafor arrived in the United States on July 14, 1981, by boat near Miami.", "by boat"),
    ("agency transported a named person to an airport", "ICE officers transported Mensah to Kotoka International "
     "Airport in Accra.", "transported"),
    ("agency transferred a named person to ERO", "USBP transferred Okafor to Enforcement and Removal Operations "
     "(ERO) Detroit custody.", "transferred"),
    ("an order to show cause", "In 1994 the Immigration and Naturalization Service ordered Okafor to show cause why "
     "it should not deport him.", "to show cause why it should not deport him"),
    ("a visa's permitted stay", "He came to study. The terms of his J-1 visa permitted him to stay in the United "
     "States until June 15, 1996.", "permitted him to stay in the United States until June 15, 1996"),
    ("a visa's authorized stay", "She entered as a visitor for pleasure. Her visa authorized a month's stay.",
     "authorized a month's stay"),
    ("felony re-entry", "Okafor served his sentence for felony re-entry at the federal prison.", "felony re-entry"),
    ("permitted to depart voluntarily", "They ask that they be permitted to depart voluntarily at their own expense.",
     "permitted to depart voluntarily"),
    ("presence was illegal", "INS agents found him in Fairfax. His presence in this country was illegal.",
     "presence in this country was illegal"),
    ("cancellation named short", "In removal proceedings the Board found no prima facie eligibility for "
     "cancellation.", "cancellation"),
    ("one's own illegal immigration", "He was arrested for illegal immigration in 2019 by ICE agents.",
     "illegal immigration"),
    ("cancellation with the removal case far away", "An immigration judge ordered him removed in 2009. " + "He worked and "
     "paid taxes for many years in the meantime, and he raised three children here. " * 3 + "Pereira impacts his "
     "request for cancellation, he contends.", "cancellation"),
    # dev14
    ("the privilege of departing voluntarily", "The judge granted him the privilege of departing voluntarily from the "
     "United States within 64 days.", "privilege of departing voluntarily from the United States"),
    ("depart from the country voluntarily", "He would be permitted to depart from the United States voluntarily by "
     "July 21.", "depart from the United States voluntarily"),
    ("report for deportation", "Okafor was ordered to report for deportation on June 30, 1987.",
     "report for deportation"),
    ("a stay of deportation", "The Board later granted a stay of deportation pending the appeal.",
     "granted a stay of deportation"),
    ("a foreign citizen", "The defendant, a foreign citizen, pleaded guilty to the charge.", "foreign citizen"),
    ("illegally in this country", "He said he did not think he was illegally in this country.",
     "illegally in this country"),
    ("a bona fide seaman", "Relator contends that he is a bona fide seaman with shipping papers.", "bona fide seaman"),
    ("held for deportation", "The writ was sought on the relation of Okafor, held for deportation, against the "
     "Commissioner.", "held for deportation"),
    ("admitted as a crewman at a port", "He was last admitted as a crewman at Mobile, Alabama, on March 8, 1957.",
     "as a crewman"),
    ("entered custody under the agency's full name", "On April 4, 2023, Mr. Okafor entered U.S. Immigration and "
     "Customs Enforcement (ICE) custody.", "entered U.S. Immigration and Customs Enforcement (ICE) custody"),
    ("received into ICE custody", "On May 4, 2023, ERO New Orleans received Mr. Okafor into ICE custody.",
     "received"),
    ("not in possession of a valid entry document", "He was charged as a noncitizen not in possession of a valid "
     "document required for entry.", "not in possession of a valid document required for entry"),
    ("designated as inadmissible", "CBP agents caught him at the border and he was designated as inadmissible.",
     "inadmissible"),
    ("a field office's headline", "ICE Houston office deports Salvadoran man wanted for homicide", "deports"),
    ("release under conditions of supervision", "In his habeas petition under 28 U.S.C. 2241 against ICE he seeks "
     "release under appropriate conditions of supervision.", "release under appropriate conditions of supervision"),
    ("a NACARA claim", "We lack jurisdiction to review his NACARA claim.", "NACARA"),
    ("unknown place without an article", "He is present, having entered without inspection on an unknown date and "
     "at unknown location.", "entered without inspection on an unknown date and at unknown location"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_status_covered(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    ("a rule with a finite verb stays a rule", "An alien seeking to remain here must show ten years of presence.",
     "alien"),
    ("granted a named person a loan", "In 2004 the Service granted Okafor a pay rise for his work.", "granted"),
    ("a claim that is not of citizenship", "He falsely claimed Canadian heritage to win the contract.", "claimed"),
    ("ordered a named person to pay", "The judge ordered Okafor and his brother to pay restitution.", "ordered"),
    ("agency found that", "The INS found that the file was incomplete.", "found"),
    ("reentered a building", "The officer reentered the building through a side door.", "reentered"),
    ("a counted group (the issue's noise)", "ERO deportation officers arrested 15 people during the operation.",
     "arrested"),
    ("removed from a post with a date", "The clerk was removed Sept. 4 from the committee.", "removed"),
    ("'not' before a custody stays out", "The respondent is not in ICE custody today.", "not"),
    ("'that' as a conjunction", "The Court finds that deportation is a plea consequence of great importance.",
     "deportation"),
    ("approached by a reporter", "He was approached by a reporter and interviewed by the Post.", "approached"),
    ("remained in office", "He remained in office past the end of his term.", "remained"),
    ("agency released a statement", "On Monday ICE released a statement about the operation.", "released"),
    ("this removal process", "ICE said this removal process takes months for every detainee.", "removal"),
    ("barred from returning to a courtroom", "The rule barred lawyers from returning to the courtroom.", "barred"),
    ("a request for relief in general", "His request for relief from the parking fine was denied by the city.",
     "request for relief"),
    ("a criminal bond", "The defendant's motion for bond was denied by the criminal court.", "motion for bond"),
    ("a company transported a named person", "The company transported Smith to the airport for his flight.",
     "transported"),
    ("cancellation of a contract", "He applied for cancellation of the contract with the immigration lawyer.",
     "cancellation"),
    ("illegal immigration as a policy word", "The Department of Justice works to repel the invasion of illegal "
     "immigration and to end the cartels.", "illegal immigration"),
    ("entered another country as a seaman", "He entered Canada as a seaman at Halifax in 1950.", "as a seaman"),
    ("charged with a crime", "ERO Newark's report says the police charged Mr. Okafor with theft.", "charged"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_not_status(kind: str, text: str, word: str) -> None:
    assert_untouched(kind, text, word)

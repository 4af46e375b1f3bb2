"""How far a found status statement reaches (issue 10: most sensitive words left readable after ``redact`` on the
tuning sets sat in the unfound part of a found statement): the Convention Against Torture's full title, a relief
list with its statute, the agency that acted in the words releases use, custody pending the outcome of proceedings,
an application for permission to reenter, the rest of a charge. Sentences written here, not copied from the
evaluation sets. Each positive names the text one finding must cover whole; each negative, words no
IMMIGRATION_STATUS finding may touch."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched

COVERED = [
    ("CAT's full title", "She seeks protection under the Convention Against Torture and Other Cruel, Inhuman or "
     "Degrading Treatment or Punishment (\u201cCAT\u201d). The Board disagreed.",
     "protection under the Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment "
     "(\u201cCAT\u201d)"),
    ("relief list with the Act spelled out", "The judge denied his application for asylum and withholding of removal "
     "under the Immigration and\nNationality Act (\u201cINA\u201d), and relief under the United Nations Convention "
     "Against\nTorture, and ordered him removed.", "withholding of removal under the Immigration and\nNationality "
     "Act (\u201cINA\u201d), and relief under the United Nations Convention Against\nTorture"),
    ("relief list with the U.S. Code", "Mensah claimed withholding of removal under 8 U.S.C. \u00a7\u00a7 1158 and "
     "1231(b)(3)(A) and the United Nations Convention Against Torture. The petition is denied.",
     "withholding of removal under 8 U.S.C. \u00a7\u00a7 1158 and 1231(b)(3)(A) and the United Nations Convention "
     "Against Torture"),
    ("acronym with 'the'", "She asks for asylum and protection under the Convention Against Torture (the \u201cCAT\u201d).",
     "Convention Against Torture (the \u201cCAT\u201d)"),
    ("agents with an agency", "Okafor was arrested by agents with U.S. Customs and Border Protection\u2019s (CBP) "
     "Border Patrol.", "arrested by agents with U.S. Customs and Border Protection\u2019s (CBP) Border Patrol"),
    ("an ordinal time before the agency", "In 2019 he was arrested a third time by USBP near Hidalgo.",
     "arrested a third time by USBP"),
    ("U.S without its last stop", "He was encountered by U.S Border Patrol (USBP) in May.",
     "encountered by U.S Border Patrol (USBP)"),
    ("approached by an agent", "Mensah was approached by a U.S. Border Patrol agent at the station.",
     "approached by a U.S. Border Patrol agent"),
    ("an ampersand in the agency", "He has been detained by Immigration & Customs Enforcement (ICE) since March.",
     "detained by Immigration & Customs Enforcement (ICE)"),
    ("custody pending the outcome", "The noncitizen will remain in ICE custody pending the outcome of removal "
     "proceedings.", "remain in ICE custody pending the outcome of removal proceedings"),
    ("in custody pending the outcome, before the proceedings", "Okafor was in custody pending the outcome of his "
     "immigration proceedings.", "in custody pending the outcome of his immigration proceedings"),
    ("not applied to the Attorney General", "The Government proved that he had not applied to the Attorney General "
     "for permission to reenter the United States.", "had not applied to the Attorney General for permission to "
     "reenter the United States"),
    ("applied for or received permission", "The file did not show that he applied for or received permission to "
     "return to the United States.", "applied for or received permission to return to the United States"),
    ("without the Attorney General's permission", "He reentered the United States following an earlier deportation "
     "without the Attorney General's permission.", "reentered the United States following an earlier deportation "
     "without the Attorney General's permission"),
    ("deported on several occasions", "Okafor had been previously deported on multiple occasions.",
     "previously deported on multiple occasions"),
    ("excludable from admission", "The judge found the applicant excludable from admission to the United States.",
     "excludable from admission to the United States"),
    ("Fugitive Alien Removal case", "ERO had listed him as a Fugitive Alien Removal (FAR) case since 2010.",
     "Fugitive Alien Removal (FAR) case"),
    ("the charge of arrival other than as designated", "She is an alien who arrived in the United States at any "
     "time or place other than as designated by the Attorney General.", "arrived in the United States at any time or "
     "place other than as designated by the Attorney General"),
    ("removed by way of a charter flight", "Okafor was removed from the U.S. by way of an ICE Air Operations charter "
     "flight on May 3.", "removed from the U.S. by way of an ICE Air Operations charter flight"),
    ("a visa permitting a stay", "He entered on a visa permitting him to remain in the United States for six months.",
     "on a visa permitting him to remain in the United States"),
    ("deported from the country on occasions", "Mensah was deported from the United States on three occasions.",
     "deported from the United States on three occasions"),
    ("not yet detained by federal authorities", "At the plea he had not yet been detained by the federal immigration "
     "authorities.", "had not yet been detained by the federal immigration authorities"),
    ("subject to being deported", "Counsel said he would be subject to being deported to Mexico.",
     "subject to being deported"),
    ("paroled into the country by an agency", "He was paroled into the country by U.S. Customs and Border "
     "Protection in 2019.", "paroled into the country by U.S. Customs and Border Protection"),
    ("a designated official", "He is present without being admitted or paroled by a designated immigration "
     "official.", "without being admitted or paroled by a designated immigration official"),
    ("a pair of enforcement acts", "On May 2 USBP encountered and arrested him near Laredo.",
     "encountered and arrested"),
    ("a citizen by marriage", "Her mother became a citizen by marriage in 1990.", "became a citizen by marriage"),
    ("deportation be suspended", "He asks that his deportation be suspended under section 19.",
     "deportation be suspended"),
    ("processed him as", "Border Patrol agents processed him as expedited removal.",
     "processed him as expedited removal"),
    ("the beneficiary of an approved petition", "She is the beneficiary of an approved Form I-130, Petition for Alien "
     "Relative.", "beneficiary of an approved Form I-130"),
    ("a period to expire on a date", "He was admitted to the United States as a visitor for a period to expire on "
     "March 15, 1957.",
     "for a period to expire on March 15, 1957"),
    # dev14
    ("relief under a named Act", "He applied for special rule cancellation of removal under the Nicaraguan "
     "Adjustment and Central American Relief Act (NACARA).", "cancellation of removal under the Nicaraguan Adjustment "
     "and Central American Relief Act (NACARA)"),
    ("a detainer issued by DHS", "Jail staff received an immigration detainer issued by the U.S. Department of "
     "Homeland Security.",
     "detainer issued by the U.S. Department of Homeland Security"),
    ("not departing within the period", "Okafor did not depart within the period of time granted.",
     "did not depart within the period of time granted"),
    ("never applied for citizenship", "He has never applied for United States citizenship.",
     "never applied for United States citizenship"),
    ("pending his removal", "Pending his removal to El Salvador, he remains in ERO custody.", "Pending his removal"),
    ("granted him the privilege", "The judge granted him the privilege of departing voluntarily from the United "
     "States.", "granted him the privilege of departing voluntarily"),
    ("referred into proceedings", "The asylum office referred him into removal proceedings.",
     "referred him into removal proceedings"),
    ("the I-130 form's title", "His wife filed an I-130 Alien Relative Petition on his behalf.",
     "I-130 Alien Relative Petition"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_status_span_reaches(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    ("arrested by the police", "Okafor was arrested by the police a third time in 2019.", "the police"),
    ("approached by a reporter", "He was approached by a U.S. News reporter after the hearing.", "reporter"),
    ("torture outside the title", "The report found torture and other abuses in the prison.", "other abuses"),
    ("applied for a permit", "He had not applied to the city for permission to build a fence.", "permission"),
    ("a citizen by birthright of a club", "He became a citizen and then joined by marriage a club.", "club"),
    ("pending the outcome of a trial", "The defendant was held pending the outcome of his criminal trial.",
     "criminal trial"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_span_stops(kind: str, text: str, word: str) -> None:
    assert_untouched(kind, text, word)

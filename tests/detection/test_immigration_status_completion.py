"""The rest of a status statement and the one-word statements said of one person (issue 10, item 3).

Sentences written here for the kinds measured on the real tuning sets, not copied from them. Each case names the
text a finding must cover (whole) or, for the negatives, that no IMMIGRATION_STATUS finding touches the words."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched
from workstation.detection.phrases import trie_regex

COVERED = [
    ("agency that acted", "Ms. Okafor, a native of Ghana detained by the United States Immigration and Customs "
     "Enforcement (ICE) agency at a county jail, filed a petition.", "detained by the United States Immigration and "
     "Customs Enforcement (ICE) agency"),
    ("agency, wrapped line", "He was caught and deported by\nImmigration and Customs Enforcement in 2003.",
     "caught and deported by\nImmigration and Customs Enforcement"),
    ("notice and order", "The officer served him with a Notice and Order of Expedited Removal that day.",
     "Notice and Order of Expedited Removal"),
    ("reinstated order", "In 2011 ICE reinstated the underlying deportation order against Mr. Batista.",
     "reinstated the underlying deportation order"),
    ("proceeding", "The judge opened his deportation proceeding in Newark.", "deportation proceeding"),
    ("predicate", "After the conviction Kowalczyk was deportable under the Act.", "deportable"),
    ("finding X inadmissible", "The immigration judge, finding Adeyemi inadmissible, denied the waiver.",
     "inadmissible"),
    ("an alien as what he is", "Tomas Brandt (\"Brandt\"), an alien as defined by the statute, filed a petition.",
     "alien"),
    ("as an alien", "The respondent was found deportable as an alien who overstayed his visa.", "alien"),
    ("now a citizen", "He married a lawful permanent resident, now a citizen, in 2009.", "citizen"),
    ("agency, words between", "Deportation officers from ERO Denver made the apprehension Feb. 3 in Aurora.",
     "made the apprehension"),
    ("agency, object between", "ERO officers took Halvorsen into custody on May 2 after his release.", "into custody"),
    ("headline", "ICE removes repeat border violator wanted in Peru\nWASHINGTON - ...", "removes"),
    ("reentry", "He was deported in 1993 and did not return to the United States until his reentry in 1999.",
     "reentry"),
    ("deportation of a person", "The deportation of Sandoval-Ruiz is another example of cooperation with ICE.",
     "deportation"),
    ("sentence after a quote", "\u201cThose who are not legally present will be removed to their home country.\u201d\n"
     "The Peruvian citizen unlawfully entered the United States near Nogales in 2015.",
     "unlawfully entered the United States"),
    ("law said later in the sentence", "Thus, Okonkwo was deportable under section 237, which states that any alien "
     "who is convicted of an aggravated felony is deportable.", "deportable"),
    ("grounds", "The judge found Brennan deportable for failure to comply with the conditions of his student status.",
     "deportable for failure to comply with the conditions of his student status"),
    ("presumed", "Because she was born abroad, Ms. Achebe is presumed to be an alien.", "presumed to be an alien"),
    ("presented at the border", "At 19 Mr. Duarte presented himself to border officials at the U.S.-Mexico border.",
     "presented himself to border officials at the U.S.-Mexico border"),
    ("application by section", "He asked for time to file an application under section 245 of the Act.",
     "an application under section 245 of the Act"),
    ("removed a person", "In 2019 the Government removed Ostrowski from the United States.", "removed"),
    ("detained where", "Mr. Lindgren was detained in ICE facilities for a year.", "detained in ICE facilities"),
    ("order reinstated", "His deportation order was reinstated in 2008.", "deportation order was reinstated"),
    ("present without", "CHARGE: Present without being admitted or paroled", "Present without being admitted or paroled"),
    ("custody of the agency", "Since May he has been in the custody of the Bureau of Immigration and Customs "
     "Enforcement (ICE).", "in the custody of the Bureau of Immigration and Customs Enforcement (ICE)"),
    ("held at a facility", "Mr. Rask was held at Krome Service Processing Center in Miami pending his removal.",
     "held at Krome Service Processing Center in Miami pending his removal"),
    ("own detention", "Petitioner argues that his continued detention by ICE is unlawful.", "continued detention"),
    ("false claim", "She made a false claim to U.S. citizenship at the port.", "made a false claim to U.S. citizenship"),
    ("entered as a citizen", "In 1951 he entered as a citizen through San Francisco.", "entered as a citizen"),
    ("ordered a named person", "The judge ordered Mr. Varga removed from the United States.", "removed from the "
     "United States"),
    ("the form of the order", "He was served a notice and order of expedited removal, Form I-860, that day.",
     "order of expedited removal, Form I-860"),
    ("agency office and role", "He was encountered by ICE's Homeland Security Investigations (HSI) special agents.",
     "encountered by ICE's Homeland Security Investigations (HSI) special agents"),
    ("after being removed", "He illegally re-entered the United States after being removed.",
     "illegally re-entered the United States after being removed"),
    ("demonym noncitizen", "ERO Denver apprehends Peruvian noncitizen convicted of assault", "noncitizen"),
    ("words run together", "DHS served a notice toappear on the respondent.", "toappear"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_status_covered(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    # a count that names no immigration class (a group named by one is the counted group a release is about:
    # test_immigration_status_groups)
    ("statistic", "ICE officers arrested 73 people in the operation.", "arrested"),
    ("headline statistic", "ICE arrests 80 in targeted operation", "arrests"),
    ("citizens in general", "All citizens have a right to vote in the election.", "citizens"),
    ("an alien seaman in law", "A person who arrived as a seaman is not an alien seaman within the meaning of "
     "the Act.", "alien"),
    ("the court as an office", "Once the charging document is filed with the Immigration Court, jurisdiction vests.",
     "Immigration Court"),
    ("deaths in custody", "The annual report lists deaths in ICE custody by year.", "ICE custody"),
    ("removal of a thing", "The removal of Mexico's tariffs was discussed.", "removal"),
    ("law in the abstract", "Under the statute, an alien who is convicted of an aggravated felony is deportable.",
     "deportable"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_not_status(kind: str, text: str, word: str) -> None:
    assert_untouched(kind, text, word)


def test_joined_words_only_where_asked() -> None:
    import re

    assert re.fullmatch(trie_regex(["notice to appear"], joined=True), "notice toappear")
    assert not re.fullmatch(trie_regex(["notice to appear"]), "notice toappear")


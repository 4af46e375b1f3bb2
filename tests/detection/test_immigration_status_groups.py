"""The counted group a release is about (``immigration_status_groups``): the verb and the class words are status when
the count names an immigration class or a nationality; "people" and "individuals" (the issue's noise), agency-wide
statistics and texts with no immigration agency are not. Sentences written here, not copied from the evaluation
sets."""

from __future__ import annotations

import pytest

from tests.detection.status_cases import assert_covered, assert_untouched
from workstation.detection import immigration_status_groups as groups

COVERED = [
    ("a removal flight's group", "On Friday ICE returned 54 aliens to Guatemala City on a charter flight.",
     "returned"),
    ("the class words", "On Friday ICE returned 54 aliens to Guatemala City on a charter flight.", "aliens"),
    ("a headline in the present tense", "ERO Fugitive Operations Teams arrest 88 fugitive aliens in Ohio",
     "fugitive aliens"),
    ("a total of", "ICE officers arrested a total of 41 immigration violators during the sweep.",
     "immigration violators"),
    ("a count in words", "CBP agents apprehended a dozen migrants near the river.", "apprehended"),
    ("the group after its count", "ICE led the operation. Of the 41 fugitives arrested, 9 had criminal records.",
     "arrested"),
    ("those removed", "ICE coordinated the charter flight. Those removed included two men wanted for robbery.",
     "removed"),
    ("criminal and non-criminal", "ICE deports 60 criminal and non-criminal aliens from Louisiana",
     "criminal and non-criminal aliens"),
    ("nationals in the plural", "ERO returned 40 Hondurans and 12 Salvadorans on the ICE flight.", "returned"),
    ("the action's noun and the class", "Border Patrol agents stopped a truck, yielding the apprehension of 19 "
     "migrants.", "apprehension of 19 migrants"),
    ("the people smuggled", "A driver admits to transporting 85 aliens in a trailer; Border Patrol agents stopped it.",
     "aliens"),
    ("individuals with the reason", "ERO officers arrested 12 individuals for violating U.S. immigration laws.",
     "arrested"),
    ("subjects illegally present", "CBP agents apprehended 17 subjects illegally present in the United States.",
     "apprehended"),
    ("a demonym with 'males'", "ICE Air Operations coordinated the flight that returned the 40 Ghanaian males to "
     "Accra.", "returned"),
    ("housed at various facilities", "They came into ICE custody across the country and were housed at various "
     "detention facilities before the flight.", "housed at various detention facilities"),
    ("a year in the sentence is not a statistic", "During the operation, which ended May 4, 2008, ICE officers "
     "arrested 73 immigration fugitives.", "arrested"),
]


@pytest.mark.parametrize(("kind", "text", "covered"), COVERED, ids=[c[0] for c in COVERED])
def test_group_status(kind: str, text: str, covered: str) -> None:
    assert_covered(kind, text, covered)


NOT_STATUS = [
    ("the issue's noise: people", "ERO deportation officers arrested 15 people during the operation.", "arrested"),
    ("individuals", "During the sweep ICE officers arrested 12 individuals in Queens.", "arrested"),
    ("a fiscal-year statistic", "In fiscal year 2021, ERO removed 640 noncitizens with convictions.", "removed"),
    ("a total with a thousands separator", "ICE removed 59,011 aliens to Mexico last spring.", "removed"),
    ("a perfect-tense total", "ICE has removed 540 fugitives to Honduras in the program.", "removed"),
    ("no immigration agency in the text", "The police arrested 12 migrants who were squatting in the building.",
     "arrested"),
    ("the smuggler's act is not the group's status", "A driver admits to transporting 85 aliens in a trailer; "
     "Border Patrol agents stopped it.", "transporting"),
    ("individuals without a reason", "ERO officers arrested 12 individuals in Queens on Monday.", "arrested"),
    ("the count is not reported", "On Friday ICE returned 54 aliens to Guatemala City on a charter flight.", "54"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_STATUS, ids=[c[0] for c in NOT_STATUS])
def test_not_group_status(kind: str, text: str, word: str) -> None:
    if word.isdigit():  # the count: no span of this reader covers it (the engine may join the verb and the class)
        start = text.index(word)
        assert not any(s < start + len(word) and start < e for s, e, _ in groups.findings(text)), kind
        assert groups.findings(text), kind
        return
    assert_untouched(kind, text, word)

"""Key words without which a status pattern cannot match: the recognizer runs a pattern over a document only when the
document holds them (``scan``). Python's regular expressions try most of these patterns at every character, so a
pattern whose words are absent still costs a pass over the text; a substring test costs almost nothing.

Each entry is a conjunction of alternatives: ``(("removed", "deported"),)`` - the document must hold "removed" or
"deported"; ``(("admitted",), ("until", "through"))`` - "admitted" and one of "until" / "through". Keys are lower case
and are looked for in the lower-cased text. Every match of a pattern holds, in its own matched text, one key of each
group: tests/detection/test_immigration_status_gates.py checks that over every match in the evaluation corpora and the
recognizer's test sentences, so a key missing from this table fails a test, not silently a document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from workstation.detection.immigration_status_lexicon import (
    _CITIZEN_CLAIM,
    _DETENTION,
    _ENTRY_MANNER,
    _ICE_ACTION,
    _LPR,
    _MONITOR,
    _NEGATED_HAVE,
    _NOT_DEPARTED,
    _ORDERED_REMOVED,
    _PAROLE,
    _VISA_IN_BRACKETS,
)
from workstation.detection.immigration_status_phrases import (
    _ACTED_BY_AGENCY,
    _ADMITTED_UNTIL,
    _AGENCY_ACTS,
    _BENEFICIARY,
    _CHARGED,
    _CITIZENSHIP_VERB,
    _CREW,
    _DETAINER,
    _DIPLOMATIC,
    _ELIGIBLE,
    _ENCOUNTER,
    _ENTRY,
    _IN_CUSTODY,
    _NOT_ADMITTED,
    _OVERSTAY,
    _PRESENT_WITHOUT,
    _REMOVAL_NOUN,
    _REMOVED,
    _VIOLATED_TERMS,
    _VISA_CLASS_LOOSE,
    _WAIVER,
)
from workstation.detection.immigration_status_stories import (
    _ADMISSION_DECIDED,
    _ADMITTED_AS,
    _AGENCY_CUSTODY,
    _APPLIED_ADMISSION,
    _ARRIVED_HERE,
    _ATTEMPTED_ENTRY,
    _BOND_HEARING,
    _DEPART_VOLUNTARILY,
    _DETENTION_AUTHORITY,
    _ENTRY_NOUN,
    _FALSE_CLAIM,
    _NO_CONSENT,
    _NO_DOCUMENTS,
    _PASSIVE_ENFORCEMENT,
    _PERSON_ENTERED,
    _REINSTATEMENT,
    _RELEASED_SUPERVISED,
    _RELIEF_BAR,
    _STATUS_NOUNS,
    _THE_PERSON_NOUN,
    _UNLAWFUL_PRESENCE,
)

Gate = tuple[tuple[str, ...], ...]

_ENFORCEMENT_VERBS = ("arrest", "detain", "apprehend", "deport", "remov", "took", "encounter")

GATES: dict[re.Pattern[str], Gate] = {
    # the recognizer's contextual readers
    _AGENCY_ACTS: (_ENFORCEMENT_VERBS,),
    _ACTED_BY_AGENCY: ((*_ENFORCEMENT_VERBS, "taken", "placed", "approached", "questioned", "interviewed", "discovered",
                        "located", "identified"), ("by",)),
    _PAROLE: (("parole",),),
    _LPR: (("lpr",),),
    _ICE_ACTION: (("ice", "ero", "immigration"),),
    _NEGATED_HAVE: (("status", "papers", "document", "visa", "green", "permit", "residency", "authorization",
                     "permission"),),
    _CITIZEN_CLAIM: (("citizen",),),
    _ORDERED_REMOVED: (("order",),),
    _DETENTION: (("detention",),),
    _ENTRY_MANNER: (("desert", "mountains", "river", "jungle", "border", "rio", "wall", "fence", "coyote", "smuggler",
                     "pollero", "hidden", "swimming", "foot", "without", "boat", "raft", "sea"),),
    _VISA_IN_BRACKETS: (("student", "visitor", "tourist", "worker", "trainee", "fianc", "investor", "intern",
                         "spouse", "trader", "nonimmigrant"),),
    _NOT_DEPARTED: (("never", "failed", "not"),),
    _ENTRY: (("enter", "cross", "came", "come", "return", "sneaked", "snuck", "smuggled", "slipped"),),
    _NOT_ADMITTED: (("not", "never"), ("inspected", "admitted", "paroled", "visa", "document")),
    _OVERSTAY: (("remain", "stay"),),
    _VIOLATED_TERMS: (("violat", "maintain", "comply"),),
    _ADMITTED_UNTIL: (("admitted", "paroled", "authori"), ("until", "through")),
    _CHARGED: (("removab", "deportab", "inadmissib", "excludab", "subject"),),
    _DETAINER: (("detainer",),),
    _IN_CUSTODY: (("custody", "detention", "proceedings", "hearing", "trial", "case"),),
    _ELIGIBLE: (("eligible",),),
    _CITIZENSHIP_VERB: (("citizenship", "nationality"),),
    _BENEFICIARY: (("beneficiary",),),
    _CREW: (("deserted", "arriv", "admi", "enter", "land", "came", "shore", "apprehend"),),
    _VISA_CLASS_LOOSE: (("visa", "status", "student", "immigrant", "visitor", "holder", "crewman", "worker",
                         "classification", "category"),),
    _DIPLOMATIC: (("diplomatic", "official", "advance"),),
    _PRESENT_WITHOUT: (("present",),),
    _ENCOUNTER: (("apprehended", "caught", "intercepted", "interdicted", "found", "adjust", "illegally",
                  "unlawfully", "without"),),
    _REMOVED: (("removed", "deported", "excluded", "expelled"),),
    _REMOVAL_NOUN: (("removal", "deportation", "exclusion", "expulsion"),),
    _WAIVER: (("waive", "warrant"),),
    _MONITOR: (("monitor", "bracelet", "tracker"),),
    # the story readers
    _AGENCY_CUSTODY: (("custody", "detention"),),
    _DETENTION_AUTHORITY: (("1225", "1226", "1231", "235", "236", "241"),),
    _NO_DOCUMENTS: (("document", "papers", "visa"),),
    _ATTEMPTED_ENTRY: (("enter", "return", "come", "entry", "admission", "admitted"),),
    _ADMITTED_AS: (("admitted", "paroled"),),
    _FALSE_CLAIM: (("citizen", "born", "birth"),),
    _DEPART_VOLUNTARILY: (("voluntarily",),),
    _STATUS_NOUNS: (("registration", "recognizance", "detainee", "violator", "waiver"),),
    _ENTRY_NOUN: (("entr",),),
    _REINSTATEMENT: (("reinstat",),),
    _PERSON_ENTERED: (("entered",),),
    _NO_CONSENT: (("consent", "permission"),),
    _ADMISSION_DECIDED: (("admission", "entry", "parole", "admitted"),),
    _ARRIVED_HERE: (("arriv",),),
    _RELEASED_SUPERVISED: (("supervision",),),
    _UNLAWFUL_PRESENCE: (("unlawfully", "illegally", "without", "violation"),),
    _RELIEF_BAR: (("relief",),),
    _APPLIED_ADMISSION: (("admission", "entry"),),
    _BOND_HEARING: (("bond",),),
    _PASSIVE_ENFORCEMENT: (("arrest", "detain", "apprehend", "removed", "deported", "encountered"),),
    _THE_PERSON_NOUN: (("alien", "citizen"),),
}


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """The lower-cased text with every run of whitespace one space, so that a key of two words holds across a line
    break ("United\nStates"); the last few documents' are kept: every gated pattern of one document asks for it."""
    return _SPACES.sub(" ", text.lower())


def holds(text: str, gate: Gate) -> bool:
    """Whether text holds one key of every group of gate."""
    low = lowered(text)
    return all(any(k in low for k in group) for group in gate)


def scan(rx: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """``rx.finditer(text)``, or nothing when text lacks the key words rx cannot match without."""
    gate = GATES.get(rx)
    if gate is not None and not holds(text, gate):
        return ()
    return rx.finditer(text)


def misses(rx: re.Pattern[str], texts: Iterable[str]) -> Iterator[str]:
    """Matches of rx in texts that lack a key of its gate (for the tests: each one is a key missing from GATES)."""
    gate = GATES[rx]
    for text in texts:
        for m in rx.finditer(text):
            if not holds(m.group(), gate):
                yield m.group()

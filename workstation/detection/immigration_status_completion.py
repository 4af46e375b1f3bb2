"""Short status statements said of one person (issue 10, item 3); how far every status span reaches is
``immigration_status_span``.

These read statements that are a single word in the text but said of one person: a predicate ("Guerrero was
deportable", "finding Perriello inadmissible"), "an alien" as what the person is ("as an alien who", ", an alien as
defined by"), "now a citizen", an immigration agency's enforcement action with words between the agency and the verb
("Deportation officers from ERO Harlingen made the apprehension", "ERO officers took Reyes-Alejandro into custody"),
headlines ("ICE removes repeat border violator"), a person's reentry and where the person was held. Sentences that
state the law about a class are dropped by the recognizer as before; statistics ("arrested 73 ...") are not
findings here.
"""

from __future__ import annotations

import re

from workstation.detection import months
from workstation.detection.immigration_status_gates import holds
from workstation.detection.immigration_status_lexicon import _has_context
from workstation.detection.immigration_status_span import _AGENCY_NAME, _BY_AGENCY, _HELD_AT

# "[held] at Krome Service Processing Center": where the person was held
_HELD_THERE = re.compile(r"(?<![\w])(?i:detained|held|housed|confined)(?=" + _HELD_AT.pattern + ")")
# "booked into the Baker County Detention Center", "transferred to the Northwest Detention Center", "detained him at
# the Moshannon Valley Processing Center": the move and the facility
_MOVED_TO_FACILITY = re.compile(
    r"(?<![\w])(?i:booked|transferred|transported|taken|moved|detained|housed|held)(?:\s+(?i:him|her|them))?\s+"
    r"(?i:into|to|at|in)\s+(?:(?i:the)\s+)?(?:(?i:various|several|different|multiple|other)\s+)?(?:[A-Z][\w.\-]*\s+){0,5}?"
    r"(?i:(?:(?:service\s+)?processing|detention|staging|contract)\s+(?:centers?|centres?|facility|facilities)|hold\s+room)"
    r"(?![\w])"
)

# "Guerrero was deportable", "finding Perriello inadmissible", "is neither inadmissible nor ..."
_PREDICATE = re.compile(
    r"(?<![\w])(?i:is|was|were|are|be|been|being|neither|nor|not|deemed|held|remains?|remained|became|found|finding|"
    r"designated\s+as|classified\s+as|"
    r"finds|find|rendered|rendering)\s+(?:(?:him|her|them|(?-i:[A-Z][\w\-]+)|(?i:the\s+(?:respondent|applicant|"
    r"petitioner|defendant|alien|noncitizen)))\s+)?"
    r"(?P<span>(?i:inadmissible|deportable|removable|excludable))(?![\w\-])"
)
# "as an alien who entered", "was an alien at the time", ", an alien as defined by", "presumed to be an alien"
_AN_ALIEN = re.compile(
    r"(?:(?<![\w])(?i:is|was|be|been|being|as|remains?|remained|presumed\s+to\s+be|not)\s+|(?<=[,)]\s))"
    r"(?i:an)\s+(?P<span>(?i:alien|noncitizen|non-citizen))(?![\w\-])"
    r"(?!\s+(?i:registration|smuggl\w*|seaman|crewman|labor|land|property|enemy|corporation|species)\b)"
)
_AS_ALIEN_IN_LAW = re.compile(r"(?i:inspect\w*|regarded|treated|considered|classified|qualify|qualifies)\s+as\s*$")
# "now a citizen", "all citizens" (children born here), "became citizens"
_CITIZEN_NOW = re.compile(
    r"(?<![\w])(?i:now|all|both|became|become|becomes|are\s+now|were\s+all|are\s+all)\s+(?:(?i:a|an)\s+)?"
    r"(?P<span>(?:(?i:U\.\s?S\.|US|United\s+States|American|naturali[sz]ed)\s+)?(?i:citizens?))(?![\w\-])"
    r"(?!\s+(?i:of|from|journalists?|complaints?|review|patrol|groups?|advocates?)\b)"
)
# an agency's enforcement action on a person with words between them: "Deportation officers from ERO Harlingen made
# the apprehension", "ERO officers took Reyes-Alejandro into custody", "members of ICE ERO's Fugitive Operations Team
# arrested him"; not statistics ("arrested 73 immigration fugitives", "more than 500")
_ACTION_WORD = (r"(?P<verb>(?i:arrested|apprehended|detained|nabbed|re-?arrested|encountered|removed|deported|"
                # "INS agents found defendant in Arlington County", "ICE agents discovered him in Hidalgo County"
                r"(?:found|discovered|located)(?=[ \t]+(?:him|her|them|(?:the[ \t]+)?(?:defendant|respondent|"
                r"petitioner)|(?-i:(?:Mr|Ms|Mrs)\.?[ \t]+[A-Z]|[A-Z][a-z]+[ \t]+(?:in|at|during|while|living)\b)))|"
                # "USBP released Mr. GE on an order of recognizance" (a person, not "released a statement")
                r"(?:released|paroled)(?=[ \t]+(?:him|her|them|(?:the[ \t]+)?(?:defendant|respondent|petitioner|"
                r"detainee)|(?-i:(?:Mr|Ms|Mrs)\.?[ \t]+[A-Z]|[A-Z][a-z]+[ \t]+(?:on|in|at|from|with|into|pending|under)\b)))|"
                r"located\s+and\s+(?:arrested|apprehended)|"
                # "ICE officers transported Alfaro-Romero to ... International Airport", "USBP transferred Boror to
                # ERO"
                # "ERO New Orleans received Mr. BA into ICE custody"
                r"received(?=[ \t]+(?:him|her|them|(?-i:(?:Mr|Ms|Mrs)\.?[ \t]+[A-Z][\w\-]*|[A-Z][\w\-]+))[ \t]+(?:into|in)[ \t]+"
                r"(?:ICE|ERO|CBP|immigration)[ \t]+custody)|"
                r"(?:transported|transferred|escorted|flew)(?=[ \t]+(?:him|her|them|(?-i:(?:Mr|Ms|Mrs)\.?[ \t]+[A-Z][\w\-]*|"
                r"[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2}))[ \t]+(?:to|into)[ \t]+(?:the[ \t]+)?(?:ICE|ERO|CBP|"
                r"(?i:Enforcement[ \t]+and[ \t]+Removal|Immigration[ \t]+and[ \t]+Customs)|"
                r"(?-i:[A-Z\u00c0-\u00de][\w\-]*[ \t]+){0,6}(?i:International[ \t]+)?(?i:Airport|Detention|"
                r"Processing|Staging))\b)|"
                # "ERO Newark charged Mr. OKPU with removability" (the charge that follows is read on its own)
                r"charged(?=[ \t]+(?:him|her|them|(?-i:(?:Mr|Ms|Mrs)\.?[ \t]+[A-Z][\w\-]*|[A-Z][\w\-]+))[ \t]+(?:with[ \t]+"
                r"(?:removability|deportability|inadmissibility|being)|as[ \t]+(?:an?[ \t]+)?(?:inadmissible|deportable|"
                r"removable)))|"
                r"made\s+the\s+(?:arrest|apprehension)|took\s+(?:[\w\-\.]+\s+){1,3}?into\s+(?:immigration\s+)?custody))")
_AGENCY_GAP_ACTION = re.compile(
    # a field office with dots or a comma ("ERO Washington, D.C. field office"); a person's age may follow the verb
    r"(?<![\w])" + _AGENCY_NAME + r"(?:['\u2019]s)?(?:,?[ \t]+(?!(?i:and|but|who|which|that)\b)(?:(?:[A-Z]\.){1,3}|"
    r"[^\s.;:!?,]+)){0,6}?[ \t]+" + _ACTION_WORD
    + r"(?=[ \t]+(?!(?i:more|over|nearly|almost|about|approximately|some|dozens|hundreds)\b)(?!\d(?!\d?-year-old))\S)"
)
# "was ordered removed ... and removed Sept. 24, 2010": a removal told with its date (with immigration words near)
_REMOVED_ON = re.compile(
    r"(?<![\w])(?:(?i:and|was|were|been|being|later|then|subsequently)\s+)(?P<span>(?i:removed|deported))(?=\s+(?:(?i:on)\s+)?"
    r"(?-i:" + months.STEMS + r")[a-z]*\.?\s+\d{1,2}\b)"
)
# headlines: "ICE removes repeat border violator ...", "ERO Baltimore apprehends Guatemalan noncitizen ..."
_HEADLINE = re.compile(
    r"(?m)^[ \t]*(?:ICE|ERO|CBP|USBP|HSI)(?:[ \t]+(?:ERO|HSI|(?-i:[A-Z][a-z]{2,}))){0,3}(?:[ \t]+(?i:field[ \t]+)?(?i:office))?[ \t]+"
    r"(?P<verb>(?i:removes|deports|arrests|apprehends|detains|nabs|returns|repatriates|extradites))"
    r"(?=[ \t]+(?!\d)(?!(?i:more|over|nearly|dozens|hundreds)\b)\S)"
)
# "a native of India detained by the United States Immigration and Customs Enforcement (ICE) agency"
_ACTED_BY = re.compile(r"(?<![\w])(?i:detained|arrested|apprehended|deported|removed|caught|excluded|intercepted|"
                       r"encountered|stopped|taken\s+into\s+custody|detained\s+continuously)(?=" + _BY_AGENCY.pattern + ")")
# "The deportation of Reyes-Alejandro", "the removal of the respondent"
_REMOVAL_OF = re.compile(
    r"(?<![\w])(?i:the|his|her|their)\s+(?P<span>(?:(?i:arrest|detention|apprehension)\s+(?i:and)\s+)?"
    r"(?i:deportation|removal|exclusion|expulsion))\s+(?i:of)\s+"
    r"(?=(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?(?-i:[A-Z][\w\-]+)(?![\w\-]*['\u2019]s)(?!\s+(?i:of|and)\b)|(?i:him|her|them|the\s+(?:respondent|"
    r"petitioner|applicant|defendant|noncitizen|alien|beneficiary))\b)"
)
# "presented herself to immigration officials at the U.S.-Mexico border", "presented himself at the port of entry"
_PRESENTED = re.compile(
    r"(?<![\w])(?i:presented|presenting|presents)\s+(?i:himself|herself|themselves)\s+(?i:to|at|before)\s+"
    r"(?:[^\s.;:]+\s+){0,6}(?i:border|port\s+of\s+entry|officials|officers|inspectors?|inspection|CBP|ICE)"
    r"(?:\s+(?i:at|near)\s+(?:the\s+)?(?:[^\s;:,]+\s+){0,2}?(?i:border|port(?:\s+of\s+entry)?|crossing))?(?![\w])"
)
# "an application under section 245 of the Act": relief the person applies for, named by its section
_SECTION_APPLICATION = re.compile(
    r"(?<![\w])(?i:(?:an?|his|her|their)\s+)?(?i:application|petition|motion)\s+(?i:under|pursuant\s+to)\s+"
    r"(?i:section|sec\.|\u00a7)\s*(?:245|212|240A|240B|209|210|244|249)(?:\([a-zA-Z0-9]{1,3}\))*"
    r"(?:\s+(?i:of\s+the\s+(?:Act|INA|Immigration\s+and\s+Nationality\s+Act)))?(?![\w])"
)
# "The Government removed IM from the United States", "deported him to Guatemala"
_REMOVED_PERSON = re.compile(
    r"(?<![\w])(?i:deported|removed|expelled|excluded)\s+(?:him|her|them|(?-i:[A-Z][\w\-]*))\s+"
    r"(?=(?i:from\s+(?:the\s+United\s+States|the\s+U\.S\.|this\s+country)|to\s+(?-i:[A-Z])|back\s+to)\b)"
)
# "Mr. KATARIA entered U.S. Immigration and Customs Enforcement (ICE) custody" (the agency's full name)
_ENTERED_CUSTODY = re.compile(
    r"(?<![\w])(?i:entered|entering|came\s+into|remanded\s+to)\s+(?:U\.S\.\s+)?(?i:Immigration\s+and\s+Customs\s+Enforcement)"
    r"(?:\s*\((?:ICE)\))?\s+(?i:custody|detention)(?![\w])"
)
# "his continued detention", "her current detention", "the respondent's detention" (with immigration words near)
_OWN_DETENTION = re.compile(
    r"(?<![\w])(?:(?i:his|her|their|petitioner['\u2019]s|respondent['\u2019]s)\s+|(?<![\w.])(?-i:[A-Z][A-Za-z\-\u2010]+)['\u2019]s\s+)"
    r"(?:(?i:continued|current|prolonged|"
    r"ongoing|present|indefinite|mandatory|immigration|civil)\s+)*(?P<span>(?i:detention|confinement))(?![\w])"
)
# "made a false claim to U.S. citizenship", "entered as a citizen", "sought admission in 1951 as a United States
# citizen", "admitted from time to time as a United States citizen"
_CITIZEN_BY_ENTRY = re.compile(
    r"(?<![\w])(?i:(?:made|making|make|makes|filed)\s+(?:a\s+)?false\s+claims?\s+(?:to|of)\s+(?:(?:U\.S\.|United\s+States|"
    r"American)\s+)?citizenship|(?:entered|admitted|re-?entered|sought\s+admission|applied\s+for\s+admission)"
    r"(?:\s+[^.;:\n]{0,30}?)?\s+as\s+an?\s+(?:(?:U\.S\.|United\s+States|American)\s+)?citizen|"
    # "after he falsely claimed Mexican citizenship", "misrepresenting his nationality": one span (the claimed
    # country inside it is not his nationality)
    r"falsely\s+(?:claimed|claiming|claims|claim|represented|representing)\s+(?:(?:him|her)self\s+)?(?:to\s+be\s+"
    r"(?:an?\s+)?)?(?:(?-i:[A-Z][a-z]+|U\.S\.)\s+){0,2}(?:citizenship|citizen|national(?:ity)?)|"
    r"misrepresent(?:ed|ing|s)?\s+(?:his|her|their)\s+(?:nationality|citizenship))(?![\w])"
)
# "ICE took custody of him", "ERO assumed custody", "posted an immigration bond" (with immigration words near)
_TOOK_CUSTODY = re.compile(r"(?<![\w])(?i:took|assumed|taking|takes|assumes)\s+(?:(?i:physical)\s+)?(?i:custody)(?![\w])")
_POSTED_BOND = re.compile(r"(?<![\w])(?i:posted|paid|posts|posting)\s+(?:(?i:an?|his|her|the)\s+)?(?:(?i:immigration|"
                          r"delivery)\s+)?(?i:bond)(?![\w])")
# "the judge ordered Mr. Escobar removed from the United States": the order and the removal, the name between stays
# the PERSON it is
_ORDERED_NAMED = re.compile(
    r"(?<![\w])(?P<order>(?i:ordered|orders|ordering))\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?-i:[A-Z][\w\-\u2010]+)"
    r"(?:\s+(?-i:[A-Z][\w\-\u2010]+)){0,3}"
    # "ordered Corea and her son removed to Honduras", "ordered Sanchez-Alvarado to be removed to Guatemala"
    r"(?:\s+(?i:and)\s+(?:(?i:his|her|their)\s+(?i:son|daughter|sons|daughters|children|child|wife|husband|spouse|"
    r"mother|father|family|brother|sister)|(?-i:[A-Z][\w\-\u2010]+)))?"
    r"\s+(?P<verb>(?:(?i:to\s+be)\s+)?(?i:removed|deported|excluded)(?:\s+(?i:from\s+the\s+United\s+States|"
    r"to\s+(?-i:[A-Z][a-z]+)))?"
    # "the INS ordered Wilson to show cause why it should not deport him": the old charging order
    r"|(?i:to\s+show\s+cause\s+why\s+(?:it|he|she|they)\s+should\s+not\s+(?:be\s+)?(?:deport|remov|exclud)\w*"
    r"(?:\s+(?:him|her|them))?))(?![\w])"
)
# "The terms of his J-1 visa permitted him to stay in the United States until June 15, 1996" (the date is the span's
# tail), "Her visa authorized a month's stay"
_STAY_ALLOWED = re.compile(
    r"(?<![\w])(?i:(?:permitted|allowed|authorized|entitled)\s+(?:him|her|them)\s+to\s+(?:stay|remain|reside)\s+in\s+"
    r"(?:the\s+United\s+States|the\s+U\.S\.|this\s+country)|(?<=visa\s)(?:authorized|permitted|allowed)\s+(?:a|an|"
    r"one|two|three|six|\w+-)\s*(?:day|week|month|year)['\u2019]?s?\s+stay)(?![\w])"
)
# "denying his applications for relief", "granted his request for bond", "the respondent's application for a visa":
# the person's own request (a possessive before it), not relief in general
_OWN_REQUEST = re.compile(
    r"(?<![\w])(?:(?i:his|her|their)|(?:(?i:the)\s+)?(?i:respondent|applicant|petitioner|defendant|appellant|beneficiary)"
    r"['\u2019]s|(?-i:[A-Z][\w\-]+)['\u2019]s)\s+(?P<span>(?:(?i:pending|prior|first|second|renewed|subsequent)\s+)?"
    r"(?i:applications?|requests?|claims?|petitions?|motions?)\s+(?i:for)\s+(?:(?i:an?|immigration|discretionary|any)\s+)?"
    r"(?i:relief|bond|(?:immigrant\s+|nonimmigrant\s+|immigration\s+)?visas?|immigration\s+bond))(?![\w])"
)
# "his request for cancellation", "prima facie eligibility for cancellation": cancellation of removal, named short
_CANCELLATION = re.compile(
    r"(?<![\w])(?i:requests?|applications?|eligib(?:ility|le)|petitions?|motions?|appl(?:y|ied|ying))\s+(?i:for)\s+"
    r"(?P<span>(?i:cancellation))(?![\w])(?!\s+(?i:of)\s+(?!(?i:removal|deportation)\b))"
)
_REMOVAL_CASE = re.compile(r"(?i:removal|deportation|Notice\s+to\s+Appear|immigration\s+judge)")
# "The order also prohibited Macias from returning to the United States for five years", "barred him from reentering
# the United States": the bar and the return it bars, a name between stays the PERSON it is
_BARRED_RETURN = re.compile(
    r"(?<![\w])(?P<bar>(?i:prohibited|prohibits|prohibiting|barred|bars|barring|precluded|precludes|banned|bans))"
    r"(?:\s+(?:(?i:him|her|them)|(?:(?:Mr|Ms|Mrs)\.?\s+)?(?-i:[A-Z][\w\-\u2010]+)))?\s+"
    r"(?P<rest>(?i:from\s+(?:returning|re-?entering|coming\s+back|re-?applying\s+for\s+admission)\s+(?:(?:to|into)\s+)?(?:the\s+"
    r"United\s+States|the\s+U\.S\.|this\s+country))(?:\s+(?i:for\s+(?:\w+|\d+)\s+years?))?)"
)
# "ERO Baltimore apprehends Guatemalan noncitizen ...": a nationality and "noncitizen" said of one person
_DEMONYM_NONCITIZEN = re.compile(r"(?<=[a-z] )(?P<span>(?i:noncitizen|non-citizen|immigrant))(?![\w\-])")
_DEMONYM_END = re.compile(r"(?-i:[A-Z][a-z]+(?:an|ese|ish|i|ch))\s$")
# "after reentering at an unknown place", "did not return until his reentry in 1999"
_REENTRY = re.compile(
    r"(?<![\w])(?i:after|before|upon|since|until|following|his|her|their)\s+(?P<span>(?i:re-?entry|re-?entering))(?![\w\-])"
)


# the words without which a reader cannot match (``immigration_status_gates.holds``, before the regex runs)
_NEEDS: dict[str, tuple[str, ...]] = {
    "predicate": ("inadmissible", "deportable", "removable", "excludable"),
    "removed": ("deported", "removed", "expelled", "excluded"),
    "phrases": ("presented", "presenting", "presents", "section", "sec.", "\u00a7", "custody", "citizen", "national"),
    "custody": ("custody", "bond", "detention"),
    "person": ("alien", "citizen", "immigrant", "entry", "entering", "deportation", "removal", "exclusion", "expulsion"),
    "order": ("order",),
    "request": ("relief", "bond", "visa", "cancellation"),
    "stay": ("stay", "remain", "reside"),
    "return": ("returning", "reentering", "re-entering", "coming back", "reapplying", "re-applying"),
    "held": ("center", "centre", "facility", "facilities", "checkpoint", "station", "hold room"),
    "agency": ("ice", "ero", "cbp", "ins", "usbp", "hsi", "dhs", "border", "immigration", "deportation", "fugitive",
               "apprehension", "homeland", "service"),
}


def findings(text: str) -> list[tuple[int, int, float]]:
    """Short status statements said of one person (spans and scores; the recognizer drops class sentences)."""
    needs = {key: holds(text, (words,)) for key, words in _NEEDS.items()}  # the text lower-cased once, for all gates
    out: list[tuple[int, int, float]] = []
    if needs["predicate"]:
        out += [(*m.span("span"), 0.7) for m in _PREDICATE.finditer(text) if _has_context(text, *m.span("span"))]
    if needs["removed"]:
        out += [(m.start(), m.start() + len(m.group().split()[0]), 0.7) for m in _REMOVED_PERSON.finditer(text)]
        out += [(*m.span("span"), 0.6) for m in _REMOVED_ON.finditer(text) if _has_context(text, *m.span("span"))]
    if needs["phrases"]:
        for rx in (_PRESENTED, _SECTION_APPLICATION, _CITIZEN_BY_ENTRY):
            out += [(m.start(), m.end(), 0.7) for m in rx.finditer(text)]
    if needs["custody"]:
        out += [(m.start(), m.end(), 0.7) for m in _ENTERED_CUSTODY.finditer(text)]
        for rx in (_TOOK_CUSTODY, _POSTED_BOND, _OWN_DETENTION):
            out += [(m.start(), m.end(), 0.6) for m in rx.finditer(text) if _has_context(text, *m.span())]
    if needs["person"]:
        out += _person_statements(text)
    if needs["stay"]:
        out += [(m.start(), m.end(), 0.7) for m in _STAY_ALLOWED.finditer(text) if _has_context(text, *m.span())]
    if needs["request"]:
        out += [(*m.span("span"), 0.6) for m in _OWN_REQUEST.finditer(text) if _has_context(text, *m.span("span"))]
        if _REMOVAL_CASE.search(text):  # a removal case anywhere in the document: "cancellation" is of removal
            out += [(*m.span("span"), 0.6) for m in _CANCELLATION.finditer(text)]
    if needs["return"]:
        for m in _BARRED_RETURN.finditer(text):
            between = text[m.end("bar") : m.start("rest")].strip()
            if between and between[0].isupper():  # a name between: two spans
                out += [(*m.span("bar"), 0.7), (*m.span("rest"), 0.7)]
            else:
                out.append((m.start(), m.end(), 0.7))
    if needs["order"]:
        for m in _ORDERED_NAMED.finditer(text):
            out += [(m.start("order"), m.end("order"), 0.7), (m.start("verb"), m.end("verb"), 0.7)]
    if needs["held"]:
        out += [(m.start(), m.end(), 0.7) for m in _HELD_THERE.finditer(text)]
        out += [(m.start(), m.end(), 0.7) for m in _MOVED_TO_FACILITY.finditer(text)]
    if needs["agency"]:
        out += [(m.start(), m.end(), 0.7) for m in _ACTED_BY.finditer(text)]
        out += _agency_actions(text)
    return out


def _person_statements(text: str) -> list[tuple[int, int, float]]:
    """"an alien" as what the person is, a reentry, "the deportation of X", "now a citizen", "Guatemalan noncitizen"."""
    out: list[tuple[int, int, float]] = []
    for rx in (_AN_ALIEN, _REENTRY, _REMOVAL_OF):
        for m in rx.finditer(text):
            if rx is _AN_ALIEN and _AS_ALIEN_IN_LAW.search(text, max(0, m.start() - 30), m.start() + 3):
                continue  # "avoiding inspection as an alien", "regarded as an alien": how the law treats someone
            if rx is _AN_ALIEN or _has_context(text, *m.span("span")):
                out.append((m.start("span"), m.end("span"), 0.6))
    for m in _CITIZEN_NOW.finditer(text):
        if not re.match(r"(?i:all|both)\s", m.group()) or _has_context(text, *m.span("span")) \
                or re.search(r"(?i:born\s+in)", text[max(0, m.start() - 150) : m.start()]):
            out.append((m.start("span"), m.end("span"), 0.6))
    for m in _DEMONYM_NONCITIZEN.finditer(text):
        if _DEMONYM_END.search(text, max(0, m.start() - 25), m.start()):
            out.append((m.start("span"), m.end("span"), 0.6))
    return out


def _agency_actions(text: str) -> list[tuple[int, int, float]]:
    """An agency's enforcement action with words between ("ERO officers took X into custody") and headlines."""
    out: list[tuple[int, int, float]] = []
    for rx in (_AGENCY_GAP_ACTION, _HEADLINE):
        for m in rx.finditer(text):
            start, end = m.span("verb")
            into = re.search(r"\s(?i:into)\s", m.group("verb")) if m.group("verb")[:4].lower() == "took" else None
            if into:  # "took [Reyes-Alejandro] into custody": the name between stays the PERSON it is
                out.append((start, start + 4, 0.7))
                start += into.start() + 1
            out.append((start, end, 0.7))
    return out

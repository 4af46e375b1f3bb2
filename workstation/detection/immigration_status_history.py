"""A person's immigration history told as events (issue 10, item 3): the person came to, entered, was admitted to,
returned to or left the United States; an agency sent the person back to a country; an agency asked for the
person's travel documents; "removed X from the United States" (the name between stays the PERSON it is).

dev5's first run (a split nobody had tuned on) missed these plain statements in decisions, releases and detainee
death reports: the recognizer read an entry only with its manner ("without inspection"), while a reader of a case
file learns the person's immigration history from "Mr. X entered the United States via the Los Angeles Port of
Entry" or "ICE returned him to Mexico" just as well. A class ("aliens who entered the United States") is not a
person's history: the subject must be one person or a name, and the recognizer drops class sentences as before.
"""

from __future__ import annotations

import re

from workstation.detection.immigration_status_gates import holds
from workstation.detection.immigration_status_lexicon import _has_context

_US_PLACE = (r"(?:the\s+United\s+States(?:\s+of\s+America)?|the\s+U\.\s?S\.(?:A\.)?|the\s+US(?![\w])|"
             r"this\s+country)")
_NAME = r"(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)?(?-i:[A-Z][A-Za-z'\u2019]+(?:[\-\u2010][A-Z][A-Za-z'\u2019]+)?)"
# one person: a pronoun, "who" after a person (not after a class noun), a name, "the respondent"
_SUBJECT = (r"(?:(?<![\w])(?-i:[Hh]e|[Ss]he|I|[Ww]ho)|(?<![\w.])(?!(?i:the|it|this|that|there|then|when|after|before|"
            r"once|until|since|goods|nobody|everyone|immigrants|refugees|migrants|aliens|noncitizens|people|"
            r"thousands|many|most|some|others|they|we|you|in|on|at|by|of)\b)" + _NAME + r"|(?<![\w])(?i:the|his|her)\s+"
            r"(?i:respondent|applicant|petitioner|defendant|beneficiary|appellant|plaintiff|detainee|decedent|"
            r"family|mother|father|parents|wife|husband|son|daughter|brother|sister))")
_ADVERB = (r"(?i:first|last|later|again|subsequently|then|thereafter|originally|initially|eventually|allegedly|"
           r"apparently|finally|never|once|twice|briefly|temporarily|voluntarily|permanently)")
_AUX = r"(?i:had|has|have|was|were|is|been|being|may\s+have|did)"
_MOVE_BORDER = r"(?i:crossed\s+the\s+(?:U\.S\.[\s\-]+Mexic\w+\s+|southern\s+|northern\s+)?border)"
_MOVE = (r"(?i:(?:re-?)?entered|came(?:\s+back)?\s+(?:in)?to|come\s+(?:back\s+)?(?:in)?to|arrived\s+(?:in|at)|"
         r"(?:re-?)?admitted\s+(?:in)?to|returned\s+to|departed(?:\s+from)?|left|immigrated\s+to|emigrated\s+to|"
         r"fled\s+to|moved\s+to|traveled\s+to|travelled\s+to|relocated\s+to)")
_PERSON_MOVED = re.compile(
    # "Virginia Achacoso-Sanchez, a citizen of the Philippines, entered the United States": a name's apposition
    r"(?P<subject>" + _SUBJECT + r")(?:,\s+(?i:an?|the)\s+[^,.;()\n]{3,60}?,)?(?:\s+" + _AUX + r")*(?P<span>(?:\s+" + _ADVERB + r")*\s+(?:" + _MOVE_BORDER
    + r"(?:\s+(?i:on\s+(?:his|her|their)\s+return|illegally|unlawfully))?|" + _MOVE + r"\s+"
    + _US_PLACE + r")(?P<via>\s+(?i:via|through|at)\s+(?:the\s+)?(?:[A-Z][\w.\-]*,?\s+){0,4}?(?:[A-Z]{2}\s+)?"
    r"(?i:port\s+of\s+entry|POE|border\s+crossing|international\s+airport|airport|border))?)(?![\w])"
)
_CLASS_BEFORE_WHO = re.compile(r"(?i:aliens|persons|people|individuals|immigrants|noncitizens|non-citizens|those|"
                               r"children|migrants|anyone|applicants|workers|students|all|refugees),?\s*$")
# "ICE returned him to Mexico", "some of them were returned to Mexico" (with immigration words near)
_SENT_BACK = re.compile(
    r"(?<![\w])(?:(?P<verb>(?i:returned|repatriated|sent))\s+(?P<object>him|her|them|(?-i:[A-Z][\w\-\u2010]+))(?:\s+back)?|"
    r"(?i:was|were|been|being)\s+(?:(?i:later|then|again|eventually|subsequently)\s+)?(?i:returned|repatriated|"
    r"sent\s+back))\s+(?i:to)(?=\s+(?:the\s+)?(?-i:[A-Z]))(?!\s+(?:the\s+)?(?i:United|U\.S)|\s+(?-i:[A-Z][a-z]+\s+(?:County|"
    r"Jail|Prison|Hospital|Court|Center|Facility)))"
)
# "Mr. VOLKOV was taken into custody" (with immigration words near)
_TAKEN_INTO_CUSTODY = re.compile(r"(?<![\w])(?i:was|were|been|being)\s+(?:(?i:then|later|subsequently)\s+)?"
                                 r"(?P<span>(?i:taken\s+into\s+custody))(?![\w])")
# "after he absconded" (from supervision; with immigration words near)
_ABSCONDED = re.compile(r"(?<![\w])(?:(?i:he|she|they|who)|(?-i:[A-Z][\w\-]+))\s+(?:(?i:had|has|then|later)\s+)?"
                        r"(?P<span>(?i:absconded))(?![\w])")
# "his citizen wife", "a U.S. citizen child", "her United States citizen mother" (a relative's status)
_CITIZEN_RELATIVE = re.compile(
    r"(?<![\w])(?i:a|his|her|their|two|three)\s+(?P<span>(?:(?i:U\.S\.|United\s+States|American)\s+)?(?i:citizen))[\s\-\u2010]+"
    r"(?i:child|children|wife|husband|spouse|son|sons|daughter|daughters|mother|father|parent|parents|relatives?|"
    r"siblings?|brother|sister|stepfather|stepmother)(?![\w])"
)
# "ICE requested travel documents from the Armenian consulate" (for the person's removal)
_TRAVEL_DOCUMENTS = re.compile(r"(?<![\w])(?i:requested|obtained|sought|secured|issued|received|awaiting|"
                               r"await(?:ed|s)?)\s+(?:(?i:a|the|his|her|their)\s+)?(?i:travel\s+documents?)(?![\w])")
# "removed Garza from the U.S. to Honduras": the part after the name
_REMOVED_FROM = re.compile(
    r"(?<![\w])(?i:deported|removed|expelled|excluded)\s+(?:him|her|them|" + _NAME + r"(?:\s+" + _NAME + r"){0,3})"
    # "removed Rojer Sarmiento-Gutierres, 45, of Honduras from the United States"
    r"(?:,\s*\d{1,3},?)?(?:,?\s+(?i:of)\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?,?)?"
    # "removed Rufino Garza Monroy, a twice-deported foreign fugitive, from the United States"
    r"(?:,\s+(?i:an?|the)\s+[^,.;()\n]{3,80}?,)?\s+"
    r"(?P<span>(?i:from)\s+" + _US_PLACE + r")(?![\w])"
)

# "removed Rufino Garza Monroy, a twice-deported fugitive", "transferred Garza into ICE custody": the verb (the
# name stays the PERSON it is)
_ACTED_ON_NAMED = re.compile(
    r"(?<![\w])(?P<verb>(?i:removed|deported|repatriated|transferred|turned\s+over|remanded|released|booked))\s+"
    + _NAME + r"(?:\s+" + _NAME + r"){0,3}(?:\s+over)?(?=\s*,\s+(?:an?\s+)?(?:\d|[\w\-]+\s+){0,4}?(?i:national|citizen|"
    r"fugitive|noncitizen|alien|native|man|woman)|\s+(?i:in)?to\s+(?:the\s+)?(?:U\.S\.\s+)?(?:ICE|ERO|CBP|INS|"
    r"(?i:immigration|Immigration\s+and|the\s+custody\s+of))\b)"
)
# "has never applied for nor received permission to return to the United States"
_NO_PERMISSION = re.compile(
    r"(?<![\w])(?i:never|not|without)\s+(?:(?i:having\s+)?(?:applied\s+for|sought|obtained|obtain|received|receive|"
    r"requested|request|been\s+granted)(?:\s+(?:nor|or|and)\s+(?:applied\s+for|sought|obtained|received|requested|been\s+"
    r"granted))?)\s+(?:(?i:the)\s+)?(?:(?i:express|prior|required)\s+)?"
    # "did not obtain the express consent of the Secretary of the U.S. Department of Homeland Security to reapply"
    r"(?i:permission|consent)(?:\s+(?i:of)\s+(?:(?-i:[A-Z][\w.]*)|of|the|(?i:U\.S\.)|\s)+?)?\s+(?i:to)\s+"
    r"(?i:return|re-?enter|reapply(?:\s+for\s+admission)?|re-?apply)"
    r"(?:\s+(?i:to)\s+" + _US_PLACE + r")?(?![\w])"
)
# "his status in the United States was adjusted", "whose status was adjusted"
_STATUS_ADJUSTED = re.compile(
    r"(?<![\w])(?i:status)(?:\s+(?i:in)\s+" + _US_PLACE + r")?\s+(?i:was|were|had\s+been|has\s+been|is)\s+(?i:adjusted)"
    r"(?![\w])"
)
# "the petitioner's section 212(c) request", "a § 212(h) waiver"
_SECTION_RELIEF = re.compile(
    r"(?<![\w])(?:(?i:section|sec\.)\s+|\u00a7\s*)(?:212\s?\([chi]\)|245\s?\(i\)|240A\s?\([ab]\)|240B|244|249|209)"
    r"\s+(?i:request|waiver|relief|application|eligibility|motion|petition)s?(?![\w])"
)

# the key words each reader cannot match without (``immigration_status_gates.holds``; checked on every match of the
# evaluation texts by tests/detection/test_immigration_status_gates.py)
GATES: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    _PERSON_MOVED: (("united states", "u.s.", "u. s.", "this country", "the us", "border"),
                    ("enter", "came", "come", "arrived", "admitted", "returned", "departed", "left", "migrated", "fled",
                     "moved", "travel", "relocated", "crossed")),
    _SENT_BACK: (("returned", "repatriated", "sent"),),
    _TRAVEL_DOCUMENTS: (("travel",), ("document",)),
    _REMOVED_FROM: (("deported", "removed", "expelled", "excluded"), ("from",)),
    _ACTED_ON_NAMED: (("removed", "deported", "repatriated", "transferred", "turned", "remanded", "released", "booked"),),
    _NO_PERMISSION: (("permission", "consent"),),
    _STATUS_ADJUSTED: (("adjusted",),),
    _SECTION_RELIEF: (("212", "245", "240", "244", "249", "209"),),
    _ABSCONDED: (("absconded",),),
    _TAKEN_INTO_CUSTODY: (("taken",), ("custody",)),
    _CITIZEN_RELATIVE: (("citizen",),),
}


def _scan(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return list(rx.finditer(text)) if holds(text, GATES[rx]) else []


def findings(text: str) -> list[tuple[int, int, float]]:
    """Spans and scores of a person's immigration history told as events."""
    out: list[tuple[int, int, float]] = []
    for m in _scan(_PERSON_MOVED, text):
        if m.group("subject").lower() == "who" and _CLASS_BEFORE_WHO.search(text, max(0, m.start() - 40), m.start()):
            continue  # "aliens who entered the United States": a class
        start = m.start("span") + len(m.group("span")) - len(m.group("span").lstrip())
        out.append((start, m.end("span"), 0.6))
    for m in _scan(_SENT_BACK, text):
        if not _has_context(text, m.start(), m.end()):
            continue
        if m.group("object") and m.group("object")[:1].isupper():  # "returned Garza to": the name stays a PERSON
            out.append((*m.span("verb"), 0.6))
            continue
        out.append((m.start(), m.end(), 0.6))
    out += [(m.start(), m.end(), 0.6) for m in _scan(_TRAVEL_DOCUMENTS, text) if _has_context(text, m.start(), m.end())]
    out += [(*m.span("span"), 0.7) for m in _scan(_REMOVED_FROM, text)]
    out += [(*m.span("verb"), 0.6) for m in _scan(_ACTED_ON_NAMED, text) if _has_context(text, *m.span())]
    for rx in (_NO_PERMISSION, _STATUS_ADJUSTED, _SECTION_RELIEF):
        out += [(m.start(), m.end(), 0.7) for m in _scan(rx, text)]
    out += [(*m.span("span"), 0.6) for m in _scan(_ABSCONDED, text) if _has_context(text, *m.span())]
    out += [(*m.span("span"), 0.6) for m in _scan(_TAKEN_INTO_CUSTODY, text) if _has_context(text, *m.span())]
    out += [(*m.span("span"), 0.6) for m in _scan(_CITIZEN_RELATIVE, text)]
    return out

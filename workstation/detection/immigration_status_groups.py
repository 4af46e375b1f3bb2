"""The counted group a release is about (issue 10, item 3): "ICE returned 73 aliens to the Dominican Republic",
"officers apprehended 119 noncitizens who have unlawfully re-entered", "Of the 75 fugitives arrested", "Those removed
included three convicted of murder".

The evaluation conventions (``benchmarks/real/README.md``) mark a status said of the named or counted group a release
is about, and every split annotated so far marks these; they were the largest class of status words the tuning sets
left readable. The issue names "ERO deportation officers arrested 15 people during the operation" as noise, so a
group is read only when the words that count it name an immigration class ("aliens", "noncitizens", "immigration
violators", "fugitives", "migrants") or a nationality in the plural ("66 Filipinos"): "15 people" and "12
individuals" stay out. Agency-wide statistics stay out too: totals with a thousands separator or four digits, "has
removed", "since", a fiscal year.

The verb and the class words are reported, the count between them is not ("[returned] 73 [aliens]"); the
recognizer's bridge may still join the two into one span, as it joins any two parts of a statement a short gap apart.
"""

from __future__ import annotations

import re

# an immigration class, with the adjectives that belong to it: "fugitive aliens", "criminal aliens", "immigration
# violators", "ICE fugitives", "illegal immigrants"
_CLASS = (r"(?:(?:(?-i:ICE)|(?i:fugitive|criminal|illegal|undocumented|foreign|immigration|deportable|removable))\s+"
          r"(?:(?i:and|or)\s+(?i:non-?criminal)\s+)?)?"
          r"(?i:aliens|noncitizens|non-citizens|immigration\s+violators|violators|fugitives|immigrants|migrants|"
          r"illegal\s+entrants|foreign\s+nationals|deportees)(?![\w\-])")
# a nationality in the plural after a count: "66 Filipinos", "18 Indonesians", "73 Dominican males"
_NATIONALS = (r"(?:(?-i:[A-Z][a-z]+(?:ns|os|is|ese|s))(?:\s+(?i:males|females|men|women|nationals|citizens))?|"
              r"(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i|ch))\s+(?i:males|females|men|women|nationals|citizens))(?![\w\-])")
_COUNT = (r"(?:(?i:a\s+total\s+of|more\s+than|over|nearly|almost|about|approximately|some|at\s+least)\s+)?"
          r"(?:\d{1,3}(?![\d,.]\d)|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|"
          r"several))")
_VERB = (r"(?i:arrested|arrests|arrest|apprehended|apprehends|apprehend|returned|returns|repatriated|repatriates|"
         r"removed|removes|deported|deports|encountered|encounters|detained|nabbed|captured)")
# "ICE returned 73 aliens", "officers apprehended 119 noncitizens", "arrested a total of 119 fugitive aliens"
_VERB_COUNT_CLASS = re.compile(
    r"(?<![\w\-])(?P<verb>" + _VERB + r")\s+(?:(?i:the)\s+)?" + _COUNT + r"\s+(?:(?i:convicted|criminal|other|"
    r"additional|more)\s+){0,2}(?:(?P<cls>" + _CLASS + r")|(?P<nat>" + _NATIONALS + r"))"
)
# "yielding the apprehension of 19 migrants", "the arrest of 43 illegal aliens": the noun of the action and the class
_ACTION_OF_CLASS = re.compile(
    r"(?<![\w\-])(?P<verb>(?i:apprehension|arrest|removal|deportation|repatriation)s?)\s+(?i:of)\s+(?:(?i:the)\s+)?"
    + _COUNT + r"\s+(?:(?i:convicted|criminal|other|additional|more)\s+){0,2}(?P<cls>" + _CLASS + r")"
)
# "transporting 85 aliens", "harboring 15 undocumented migrants": the people smuggled are the counted group (the
# smuggler's act is not their status, so only the class words are reported)
_SMUGGLED_CLASS = re.compile(
    r"(?<![\w\-])(?i:transport|transporting|transported|smuggling|smuggled|harboring|harbored|harbouring|concealing|"
    r"concealed|shielding|shielded|guiding|guided)\s+" + _COUNT + r"\s+(?:(?i:other|more|additional)\s+)?(?P<cls>"
    + _CLASS + r")"
)
# "ERO deportation officers arrested 12 individuals for violating U.S. immigration laws": the count names no class,
# the reason does (the verb is reported, not "12 individuals")
_FOR_VIOLATIONS = re.compile(
    r"(?<![\w\-])(?P<verb>" + _VERB + r")\s+" + _COUNT + r"\s+(?i:people|persons|individuals|men|women|adults|"
    r"subjects)\s+(?=(?i:for\s+(?:violating|violations?\s+of)\s+(?:U\.S\.\s+|federal\s+|the\s+)?immigration\s+laws?|"
    r"(?:who\s+(?:were|are|had\s+been|have\s+been)\s+)?(?:illegally|unlawfully)\s+present))"
)
# "Of the 75 fugitives arrested", "criminal aliens arrested during this targeted enforcement action", "Those removed
# included", "All of those arrested during this operation"
_CLASS_THEN_VERB = re.compile(
    r"(?:(?P<cls>" + _CLASS + r")|(?<![\w])(?-i:Those|those)(?=\s))\s+(?P<verb>(?i:arrested|apprehended|removed|"
    r"deported|repatriated|returned|detained|encountered))(?=\s*(?:,|\.|(?i:included|includes|were|during|in|on|"
    r"had|have|this|from|to)\b))"
)
# where the group's status is told, to tell a release about an operation from a policy text
_AGENCY_CUE = re.compile(r"(?<![\w])(?:ICE|ERO|CBP|USBP|INS|HSI|(?i:Border\s+Patrol|Immigration\s+and\s+Customs|"
                         r"Enforcement\s+and\s+Removal|fugitive\s+operations?|charter\s+flight|alien\s+smuggling|"
                         r"Homeland\s+Security))(?![\w])")
_STATISTIC = re.compile(r"(?<![\w])(?i:fiscal\s+year|FY\s?\d|since|so\s+far|this\s+year|each\s+year|annually|per\s+year|"
                        r"nationwide|has\s+(?:\w+\s+)?(?:removed|arrested|deported|returned)|have\s+(?:\w+\s+)?(?:removed|"
                        r"arrested|deported|returned)|\d{1,3},\d{3}|(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{4,})")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end)
    return (ends[-1] if ends else max(0, start - 400)), (after.start() if after else len(text))


def findings(text: str) -> list[tuple[int, int, float]]:
    """The verb and the class words of a counted group a release is about (none in a text without an agency)."""
    if not _AGENCY_CUE.search(text):
        return []
    out: list[tuple[int, int, float]] = []
    for rx in (_VERB_COUNT_CLASS, _CLASS_THEN_VERB, _ACTION_OF_CLASS, _SMUGGLED_CLASS, _FOR_VIOLATIONS):
        for m in rx.finditer(text):
            s, e = _sentence(text, m.start(), m.end())
            if _STATISTIC.search(text, s, e) or not _AGENCY_CUE.search(text, max(0, s - 1500), min(len(text), e + 600)):
                continue
            named = m.groupdict()
            if "verb" in named:
                out.append((*m.span("verb"), 0.6))
            if named.get("cls"):
                out.append((*m.span("cls"), 0.6))
    return out

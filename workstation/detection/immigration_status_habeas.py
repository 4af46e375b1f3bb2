"""An immigration habeas petition (28 U.S.C. 2241 against ICE detention; issue 10, item 3): the whole document is
about the petitioner's immigration custody, so its custody words said of the petitioner are status ("Petitioner was
arrested at a Home Depot parking lot", "release Petitioner from custody under reasonable conditions of supervision",
"Respondents are holding him", "a bond hearing", "was detained by Respondents").

dev8's first run (a split nobody had tuned on) missed these in three 2025 district court orders: with no
immigration word in reach, "arrested" or "release him" reads like a criminal case. A habeas petition that names
immigration anywhere is read as one; a state prisoner's petition under 2254 is not.
"""

from __future__ import annotations

import re

_IMMIGRATION_HABEAS = re.compile(r"(?i:2241|habeas)")
_HABEAS_IMMIGRATION_WORDS = re.compile(r"(?-i:ICE|DHS)\b|(?i:immigration|removal\s+proceedings|Homeland)")
_PETITIONER = r"(?i:him|her|them|petitioner|petitioners)"
_READERS = (
    # "release Petitioner from custody under reasonable conditions of supervision", "released from ICE custody"
    re.compile(r"(?<![\w])(?P<span>(?i:release|releasing|released)\s+(?:" + _PETITIONER + r"\s+)?(?:(?i:immediately)\s+)?"
               r"(?i:from)\s+(?:(?i:ICE|immigration|DHS)\s+)?(?i:custody|detention)(?:\s+(?i:under\s+reasonable\s+"
               r"conditions(?:\s+of\s+supervision)?))?)(?![\w])"),
    # "seeks release under appropriate conditions of supervision" (a pleading's line number may sit inside)
    re.compile(r"(?<![\w])(?P<span>(?i:release|released|releasing)\s+(?i:under)\s+(?i:appropriate|reasonable)\s+(?:\d{1,2}\s+)?"
               r"(?i:conditions)\s+(?i:of)\s+(?i:supervision))(?![\w])"),
    # "order the respondents to either release him or provide a prompt bond hearing"
    re.compile(r"(?<![\w])(?P<span>(?i:release|releasing)\s+" + _PETITIONER + r")"
               r"(?=\s*(?:,|\.|;|\bor\b|\band\b|\bimmediately\b|\bwithin\b))"),
    # "Respondents are holding him unlawfully"
    re.compile(r"(?<![\w])(?P<span>(?i:holding|hold|detaining|detain)\s+" + _PETITIONER + r")(?![\w])"),
    re.compile(r"(?<![\w])(?P<span>(?i:bond|custody)\s+(?i:hearing|redetermination))(?![\w])"),
    # "the IJ ... denied Petitioner bond": the denial and the bond, the party between
    re.compile(r"(?<![\w])(?P<span>(?i:denied|granted|denying|granting))\s+" + _PETITIONER + r"\s+(?=(?i:bond)\b)"),
    re.compile(r"(?<![\w])(?i:denied|granted|denying|granting)\s+" + _PETITIONER + r"\s+(?P<span>(?i:bond))(?![\w])"),
    # "Petitioner was arrested at a Home Depot parking lot", "the day he was detained"
    # "he is currently being detained in violation of the laws"
    re.compile(r"(?<![\w])(?-i:Petitioner|He|She|he|she)\s+(?i:was|were|has\s+been|had\s+been|is\s+being|remains|is)\s+"
               r"(?:(?i:then|later|subsequently|unlawfully|currently|still|not)\s+)?(?P<span>(?:(?i:being)\s+)?"
               r"(?i:detained|arrested))(?![\w])"),
    # "Petitioner, a native and citizen of Mexico, was detained by Respondents"
    re.compile(r"(?<![\w])(?i:was|were|has\s+been|had\s+been)\s+(?P<span>(?i:detained|arrested)\s+(?i:by)\s+"
               r"(?:(?-i:Respondents)|(?-i:ICE|DHS)\b))"),
)


def findings(text: str) -> list[tuple[int, int, float]]:
    """Spans and scores of the petitioner's custody in an immigration habeas petition (none in other documents)."""
    if not (_IMMIGRATION_HABEAS.search(text) and _HABEAS_IMMIGRATION_WORDS.search(text)):
        return []
    return [(*m.span("span"), 0.6) for rx in _READERS for m in rx.finditer(text)]

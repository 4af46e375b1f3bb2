"""Vehicle licence plates, only right after a plate label.

A plate is two to eight letters and digits with at least one digit, in one to three groups joined by a space or
a dash: ``KJR-4521``, ``HXK 2931``, ``Y93-DKP``, ``T123456C``, ``GMT1234``. Written so, it could be anything (a
voucher, a unit, a code), so it is reported only when a plate label comes right before it, with nothing but
filler between ("number", "no.", "#", ":", a state, "(NY)", "reading"):

- "plate(s)", "licen[cs]e plate", "registration plate", "plate number", "LP#", "placa" - always;
- "tag(s)" and "registration" - only after a state or a vehicle word ("New Jersey tag Y93-DKP", "NY registration
  GMT1234", "vehicle registration ...", "temporary tag ..."), since "evidence tag #" and "alien registration
  number" label other numbers;
- in a table column headed "Plate", "Plate #", "License plate", "Tag", "Registration".

A state may stand before the label or after the plate ("NY plate KJR-4521", "plate KJR-4521 (NY)",
"plate HXK 2931 NY"); the span is the plate alone. Several plates after one label ("plates KJR-4521 and
HXK-2931") are each reported. Never reported: what is shaped like a date, a time, a phone number or a ZIP code
(all digits in groups, five digits), anything longer than eight characters (complaint, arrest and docket numbers,
A-numbers), and numbers after other labels (shield, complaint, arrest ...), which are never plate labels.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.a_number_recognizer import FLAGS, table_cells
from workstation.detection.declared import DeclaredPatternRecognizer
from workstation.detection.wordlists import read_wordlist


def _regions() -> tuple[str, str]:
    """(case-sensitive codes, case-insensitive names) of the plate-issuing regions, as regex alternations."""
    codes: set[str] = set()
    names: set[str] = set()
    for entry, _ in read_wordlist("address_us_states.txt"):
        code, _, name = entry.partition("\t")
        codes.add(code.strip())
        if name.strip():
            names.add(name.strip())
    for entry, _ in read_wordlist("vehicle_plate_regions.txt"):
        (codes if re.fullmatch(r"[A-Z]{2,3}", entry) else names).add(entry)

    def alt(words: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return alt(codes), alt(names)


_CODES, _NAMES = _regions()
_REGION = rf"(?<![\w-])(?:(?-i:{_CODES})|(?:{_NAMES}))(?![\w-])"
_VEHICLE = r"\b(?:licen[cs]e|lic\.?|vehicle|veh\.?|car|auto|motor\s+vehicle|registration|reg\.?|rear|front|vanity)"

# The core word of a plate label; whether it is one is decided by the words before it (``_label_ok``).
_LABEL = re.compile(r"(?<![\w-])(?:(?:plates?|placas?|tags?|registration|(?-i:LPN))(?![\w-])|(?-i:LP)\s?#)", FLAGS)
_BEFORE_TAG = re.compile(rf"(?:{_REGION}|{_VEHICLE}|\bplate)[\s.]*$", FLAGS)
_BEFORE_REGISTRATION = re.compile(rf"(?:{_REGION}|\b(?:vehicle|veh\.?|car|auto|motor\s+vehicle|plate))\s*$", FLAGS)
# Filler between the label and the plate: "number", "no.", "#", ":", a state, "(NY)", "reading", "of".
_FILLER = re.compile(
    rf"[\s:#()\-–,/.]*(?:numbers?|nos?\b\.?|nbr\b\.?|num\b\.?|#|reading|reads|read|displaying|showing|of|is|was|"
    rf"plates?|state|issued\s+(?:by|in)|from|{_REGION})(?=[\s:#()\-–,/.]|$)",
    FLAGS,
)
_GAP = re.compile(r"[\s:#()\-–,.]*")
# The plate: groups of letters and digits joined by one space or dash; checked and trimmed by ``_plate``.
_CANDIDATE = re.compile(r"(?<![\w\-/])[A-Z0-9]{1,8}(?:[ \-\u2010-\u2013][A-Z0-9]{1,8}){0,2}", FLAGS)
_END_OK = re.compile(r"(?![\w]|[\-\u2010-\u2013.:]\w|/\d)")
# after all-digit candidates: "1030 hrs", "10 pm" are times
_TIME_AFTER = re.compile(r"\s?(?:am|pm|a\.m|p\.m|hrs|hours|h)\b", FLAGS)
_REGION_GROUP = re.compile(rf"(?:{_REGION})$")
_TIME = re.compile(r"\d{1,2}(?:\d\d)?\s?(?:am|pm|hrs?|hours)$", FLAGS)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Another plate after one: "plates KJR-4521 and HXK-2931", "KJR-4521 / HXK-2931".
# After a singular label only "and"/"or"/"/" or a repeated label chain: "plate KJR4521, 2019 BMW X5" is a car.
_CHAIN = re.compile(r"\s*(?:(?P<list>,|;)|/|\band\b|\bor\b|&)\s*(?P<again>(?:plate|tag|registration)s?\s*(?:#|no\.?|number)?\s*)?",
                    FLAGS)
_TABLE_LABELS = re.compile(
    r"[ \t]*(?:(?:licen[cs]e|lic\.?|vehicle|veh\.?|registration|reg\.?)[ \t]+)?(?:plates?|tags?|placas?)"
    r"(?:[ \t]*(?:#|no\.?|number|nbr\.?))?[ \t]*:?[ \t]*|[ \t]*(?:vehicle[ \t]+)?registration[ \t]*:?[ \t]*|LP[ \t]?#",
    FLAGS,
)
_SEPARATOR = re.compile(r"[ \-\u2010-\u2013]")


def _plate(text: str, start: int, end: int) -> int | None:
    """The end of the plate that starts at ``start`` (a candidate match ending at ``end``), or None.

    Trailing groups are dropped while the whole is too long, is a state ("HXK 2931 NY") or is not plate-shaped;
    multi-group plates are written in capitals ("HXK 2931", not "4521 was").
    """
    groups = [(m.start(), m.end()) for m in re.finditer(r"[A-Z0-9]+", text[start:end], FLAGS)]
    while groups:
        s, e = start + groups[0][0], start + groups[-1][1]
        raw = text[s:e]
        compact = _SEPARATOR.sub("", raw)
        if (
            len(groups) > 1 and _REGION_GROUP.fullmatch(text[start + groups[-1][0] : e])
        ) or not _valid(raw, compact, len(groups)):
            groups.pop()
            continue
        if compact.isdigit() and _TIME_AFTER.match(text, e):
            return None
        return e if _END_OK.match(text, e) else None
    return None


def _valid(raw: str, compact: str, n_groups: int) -> bool:
    if not 2 <= len(compact) <= 8 or not any(c.isdigit() for c in compact):
        return False
    if n_groups > 1 and (raw != raw.upper() or any(len(g) > 5 for g in _SEPARATOR.split(raw))):
        return False
    if compact.isdigit():
        # all digits: a ZIP (11416), a phone (555-1234), a date (03-14-24) or a count, not a plate
        return n_groups == 1 and len(compact) != 5 and len(compact) >= 3 and not _YEAR.fullmatch(compact)
    return not _TIME.fullmatch(raw)


class VehiclePlateRecognizer(DeclaredPatternRecognizer):
    ENTITY: ClassVar[str] = "VEHICLE_PLATE"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("vehicle_plate", _CANDIDATE.pattern, 0.05)]
    CONTEXT: ClassVar[list[str]] = [
        "plate", "license plate", "licence plate", "plate number", "registration plate", "tag", "registration",
        "placa",
    ]
    CONTEXT_SCORE: ClassVar[float] = 0.85
    TABLE_SCORE: ClassVar[float] = 0.75
    VERSION: ClassVar[str] = "1.0.0"
    MAX_FILLERS: ClassVar[int] = 4
    MAX_CHAIN: ClassVar[int] = 4


    @staticmethod
    def _label_ok(text: str, label: re.Match[str]) -> bool:
        word = label.group().lower()
        before = text[max(0, label.start() - 30) : label.start()]
        if word.startswith("tag"):
            return bool(_BEFORE_TAG.search(before))
        if word == "registration":
            if re.match(r"\s+plates?\b", text[label.end() : label.end() + 10], FLAGS):
                return False  # "registration plate": the label is "plate"
            return bool(_BEFORE_REGISTRATION.search(before))
        return True

    def _after_label(self, text: str, pos: int, plural: bool) -> list[tuple[int, int]]:
        """The plates right after a label ending at ``pos`` (several after a plural label: "plates A1 and B2")."""
        for _ in range(self.MAX_FILLERS):
            m = _FILLER.match(text, pos)
            if not m or "\n\n" in m.group():
                break
            pos = m.end()
        gap = _GAP.match(text, pos)
        pos = gap.end() if gap and "\n" not in gap.group() else pos
        found: list[tuple[int, int]] = []
        for _ in range(self.MAX_CHAIN):
            m = _CANDIDATE.match(text, pos)
            if not m:
                break
            end = _plate(text, m.start(), m.end())
            if end is None:
                break
            found.append((m.start(), end))
            chain = _CHAIN.match(text, end)
            if not chain or chain.end() == end or (chain.group("list") and not plural and not chain.group("again")):
                break
            pos = chain.end()
        return found

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        pattern = self.PATTERNS[0]
        spans: dict[tuple[int, int], float] = {}
        for label in _LABEL.finditer(text):
            if self._label_ok(text, label):
                plural = label.group().lower().endswith("s")
                for span in self._after_label(text, label.end(), plural):
                    spans[span] = self.CONTEXT_SCORE
        cells = table_cells(text, _TABLE_LABELS, whole_cell=True)
        for s, e in cells:
            m = _CANDIDATE.fullmatch(text, s, e)
            if m and (s, e) not in spans and _plate(text, s, e) == e:
                spans[(s, e)] = self.TABLE_SCORE
        return [self.result(score, s, e, pattern) for (s, e), score in sorted(spans.items())]

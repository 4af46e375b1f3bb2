"""Dates of birth: a date that a label marks as a birth date.

Case documents are full of dates (incidents, reports, arrests); only a birth date identifies a person. A date
is a finding when a birth label precedes it closely ("DOB:", "D.O.B.", "Date of Birth", "born (on/in)",
"birth date", "fecha de nacimiento", "nacido el", "YOB", ...), with at most a few words between and no sentence
break, no other number and no word that starts another event ("arrested", "entered", "report", "date", ...)
in between, or when it follows such a date in a list ("DOB 03/14/1989 or 03/15/1989"), or when a label follows
it in brackets ("03/14/1989 (DOB)"). The span is the date alone, never the label.

Written forms: 03/14/1989, 3-14-89, 14.03.1989, 03 14 1989, 1989-03-14, 03141989, 19890314, March 14, 1989,
Mar. 14th 1989, 14 March 1989, the 14th of March, 1989, 14-MAR-1989, 14MAR89, 14 de marzo de 1989, marzo 14,
1989, March 1989, 03/1989, March 14 (no year) and, after "born"/"DOB"/"YOB", a year alone (recall first).
"""

from __future__ import annotations

import bisect
import re
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.a_number_recognizer import (
    best_non_overlapping,
    in_cells,
    table_cells,
)
from workstation.detection.declared import FLAGS, DeclaredPatternRecognizer

_MONTH_NAMES = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "set": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "dic": 12,
    # Portuguese and French, as written by Brazilian, Haitian and West African subjects
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12, "janvier": 1, "février": 2, "fevrier": 2, "mars": 3,
    "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12,
}
_MON = r"(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|º|°|ª|er)?"
_Y4 = r"(?:1[89]\d\d|20\d\d)"
_YEAR = rf"(?:{_Y4}|'?\d\d)"
_S = r"[ \t\u00a0]"
_B = r"(?<![\w/.\-])"  # start of a date
_E = r"(?![\w/]|[.\-]\d)"  # end of a date
_DE = rf"(?:{_S}*(?:,|-|/|\.)?{_S}*(?:(?:of|de|del|du)\b{_S}*)?)"  # between parts: " ", ", ", "-", " de ", " of "

_PATTERNS = [
    # 03/14/1989, 3-14-89, 14.03.1989, 03 / 14 / 1989
    Pattern("numeric", rf"{_B}(?P<id>\d{{1,2}}{_S}?(?P<sep>[/.\-]){_S}?\d{{1,2}}{_S}?(?P=sep){_S}?{_YEAR}){_E}", 0.85),
    # 03 14 1989
    Pattern("numeric_spaced", rf"{_B}(?P<id>\d{{1,2}}{_S}\d{{1,2}}{_S}{_Y4}){_E}", 0.8),
    # 1989-03-14, 1989/3/14
    Pattern("iso", rf"{_B}(?P<id>{_Y4}(?P<sep>[/.\-])\d{{1,2}}(?P=sep)\d{{1,2}}){_E}", 0.85),
    # 03141989, 19890314, 031489
    Pattern("compact", rf"{_B}(?P<id>\d{{8}}|\d{{6}}){_E}", 0.7),
    # March 14, 1989; Mar. 14th 1989; Mar-14-1989; marzo 14 de 1989
    Pattern("month_day_year", rf"{_B}(?P<id>{_MON}{_DE}{_DAY}{_DE}{_YEAR}){_E}", 0.85),
    # 14 March 1989; 14th of March, 1989; 14-MAR-1989; 14MAR1989; 14 de marzo de 1989; the 14th day of March
    Pattern(
        "day_month_year",
        rf"{_B}(?P<id>{_DAY}(?:{_S}+day{_S}+of{_S}+|{_DE}|(?=[a-z])){_MON}(?:{_DE}|(?<=[a-z])(?=\d)){_YEAR}){_E}",
        0.85,
    ),
    # March 1989; marzo de 1989; March of 1989; 03/1989
    Pattern("month_year", rf"{_B}(?P<id>{_MON}{_DE}{_Y4}|(?:0?[1-9]|1[0-2])[/.\-]{_Y4}){_E}", 0.7),
    # March 14; 14 de marzo; 3/14 (no year)
    Pattern(
        "month_day",
        rf"{_B}(?P<id>{_MON}{_DE}{_DAY}|{_DAY}{_DE}{_MON}|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])){_E}",
        0.65,
    ),
    # 1989 (after "born", "DOB", "YOB")
    Pattern("year", rf"{_B}(?P<id>{_Y4}){_E}", 0.6),
]

# Birth labels, each with the most words allowed between it and the date.
_LABELS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(
        r"(?<![\w])(?=[dbyfna])(?:"  # (a cheap first-letter filter)
        r"D\s?\.?\s?O\s?\.?\s?B\b\.?s?|\bd/o/b\b|\bDOBs?\b"
        r"|\bdates?\s+of\s+birth\b|\bbirth\s*-?\s*(?:dates?|days?)\b|\bbirthdates?\b|\bdate\s+born\b"
        r"|\bYOB\b|\byear\s+of\s+birth\b|\bbirth\s+year\b"
        r"|\bfechas?\s+de\s+nac(?:imiento\b|\.|\b)|\bf(?:echa|ch|\.)?\s?(?:de\s+)?nac\b\.?|\bnacimiento\b"
        r"|\bF\.\s?N\.|\bf/n\b|\bb/d\b|\ba[ñn]o\s+de\s+nacimiento\b"
        r"|\bdata\s+de\s+nascimento\b|\bdate\s+de\s+naissance\b)",
        FLAGS,
    ), 6),
    (re.compile(r"(?<![\w-])born\b|\bnac(?:id[oa]s?|i[oó])\b|\bnascid[oa]\b|\bn[ée]e?\b(?=\s+(?:le|en)\b)", FLAGS), 6),
    (re.compile(r"\bbirth\b", FLAGS), 3),
    (re.compile(r"(?<![\w.])b\.", FLAGS), 0),
]
# A table column headed "DOB", "Birth Date", "Fecha de nacimiento", ...
_TABLE_LABELS = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _LABELS[:3]), FLAGS)
_LABEL_AFTER = re.compile(
    r"[ \t]*[(\[\-\u2013,][ \t]*(?:D\.?O\.?B\b|date\s+of\s+birth\b|birth\s*date\b|fecha\s+de\s+nacimiento\b)",
    FLAGS,
)
# Between two dates of birth in a list: "03/14/1989 or 03/15/1989", "03/14/1989, 3/15/89".
_CHAIN = re.compile(r"[\s,/()]*(?:(?:or|and|o|y|aka|a\.k\.a\.|alt\.?|also|alternate)[\s,/():]*)?", FLAGS)
# Words that start another event: a date after them is that event's date.
_OTHER_EVENT = re.compile(
    r"\b(?:date[ds]?|fecha|incident|arrest\w*|occur\w*|offen[cs]es?|hours?|hrs|time|report\w*|filed|issued?"
    r"|expir\w*|entr(?:y|ies)|enter\w*|arriv\w*|admit\w*|came|come|moved?|migrat\w*|immigrat\w*|crossed"
    r"|since|lived?|living|resid\w*|married|detain\w*|stopped|cited|booked|released?|deport\w*|removed?"
    r"|travel\w*|returned?|left|visit\w*|hired|employ\w*|graduat\w*|died|death|deceased|until|through"
    r"|between|after|before|ssn|phone|tel|case|a-?number|passport|license)\b",
    FLAGS,
)
# "born in the city of Nablus in the West Bank on October 25, 1966": a place of any length, then "on" and the date
# (no other event between: "born in Mexico, entered the United States on ..." is the entry's date)
_LABELS.append((re.compile(r"(?<![\w-])born\s+(?:in|at)\s+(?:(?!" + _OTHER_EVENT.pattern + r")[^.;:!?\n]){1,80}?\s+on\b",
                           FLAGS), 1))
_BREAK = re.compile(r"([^\W\d_]*)[.!?;]\s+\S|\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+")
_LONG_NUMBER = re.compile(r"\d{4,}|\d+[/.\-]\d+")
_ABBREVIATIONS = frozenset({"approx", "apx", "aprox"})
_LOOKBACK = 60

# Records laid out one cell per line (a PDF table extracted column by column, a list of detainees): a date is a
# birth date when it starts a cell under a birth-date column header somewhere above, and the next date of its
# record (at most a few lines on) is years later (the date of death, arrest or entry of the same record).
_FULL_DATES = frozenset({"numeric", "numeric_spaced", "iso", "month_day_year", "day_month_year"})
_COLUMN_LABEL_AFTER = re.compile(r"[ \t\u00a0]*(?::|-?[ \t\u00a0]*\d)")
# A table column of other dates ("Arrest date", "Fecha", "Time"): its cells are not read as records.
_OTHER_DATE_HEADER = re.compile(r"\b(?:dates?|fechas?|time|when|arrest\w*|incident|occurred|entry|death)\b", FLAGS)
_RECORD_GAP_LINES = 3
_RECORD_GAP_CHARS = 160
_MIN_AGE = 10
# A person's sex (or race/sex) as the cell right before a date: "M\n10/27/1970", "W/M  03/14/1989".
_SEX_VALUE = re.compile(r"(?:[WBHAIO]/)?[MF]|(?:[Ff]e)?[Mm]ale|(?:FE)?MALE")
_SPACE = " \t\u00a0"


def _cell_start(text: str, pos: int) -> int | None:
    """If ``pos`` starts a table cell (line start, after a tab, a pipe or two spaces), the end of the previous
    cell (``pos`` itself at a line start); ``None`` in running text."""
    i = pos
    while i > 0 and text[i - 1] in _SPACE:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return i
    if text[i - 1] in "\t|":
        return i - 1
    return i if pos - i >= 2 or "\t" in text[i:pos] else None


def _after_sex_cell(text: str, pos: int) -> bool:
    """Whether the cell before the cell at ``pos`` is a person's sex: "M", "F", "W/M", "Female"."""
    prev_end = _cell_start(text, pos)
    if prev_end is None or prev_end == 0:
        return False
    end = prev_end
    while end > 0 and text[end - 1] in _SPACE + "\n|":
        end -= 1
    start = end
    while start > 0 and text[start - 1] not in _SPACE + "\n|":
        start -= 1
    return _SEX_VALUE.fullmatch(text, start, end) is not None and _cell_start(text, start) is not None


def _plausible(kind: str, m: re.Match[str]) -> bool:
    """Whether the numbers of a candidate can be a day, a month and a year."""
    value = m.group("id")
    nums = [int(n) for n in re.findall(r"\d+", value)]
    if kind in ("numeric", "numeric_spaced"):
        a, b = nums[0], nums[1]
        return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
    if kind == "iso":
        return 1 <= nums[1] <= 12 and 1 <= nums[2] <= 31
    if kind == "compact":
        return _plausible_compact(value)
    return True


def _plausible_compact(value: str) -> bool:
    def md(m: int, d: int) -> bool:
        return 1 <= m <= 12 and 1 <= d <= 31

    if len(value) == 8:
        y1, y2 = int(value[4:]), int(value[:4])
        a, b = int(value[:2]), int(value[2:4])
        c, d = int(value[4:6]), int(value[6:])
        return ((1900 <= y1 <= 2099) and (md(a, b) or md(b, a))) or ((1900 <= y2 <= 2099) and md(c, d))
    a, b = int(value[:2]), int(value[2:4])
    return md(a, b) or md(b, a)


class DateOfBirthRecognizer(DeclaredPatternRecognizer):
    ENTITY: ClassVar[str] = "DATE_OF_BIRTH"
    PATTERNS: ClassVar[list[Pattern]] = _PATTERNS
    CONTEXT: ClassVar[list[str]] = [
        "dob", "d.o.b.", "date of birth", "birth date", "birthdate", "born", "yob", "year of birth",
        "fecha de nacimiento", "nacimiento", "nacido", "nacida", "nació",
    ]
    VERSION: ClassVar[str] = "1.0.0"

    def __init__(self) -> None:
        super().__init__()
        self._compiled = [(p, re.compile(p.regex, FLAGS)) for p in self.patterns]

    # -- candidates --------------------------------------------------------------------------------------------
    def _candidates(self, text: str) -> list[tuple[int, int, Pattern]]:
        found: list[tuple[float, int, int, Pattern]] = []
        for pattern, rx in self._compiled:
            for m in rx.finditer(text):
                if _plausible(pattern.name, m):
                    start, end = m.span("id")
                    found.append((0.0, start, end, pattern))
        # the longest reading of each stretch of text: "14 March 1989" rather than "March 1989" or "1989"
        return [(start, end, pattern) for _, start, end, pattern in best_non_overlapping(found)]

    # -- labels ------------------------------------------------------------------------------------------------
    @staticmethod
    def _gap_ok(gap: str, max_words: int) -> bool:
        if len(_WORD.findall(gap)) > max_words or _LONG_NUMBER.search(gap):
            return False
        for m in _BREAK.finditer(gap):
            word = m.group(1) or ""
            if m.group(0).startswith("\n") or (len(word) > 2 and word.lower() not in _ABBREVIATIONS):
                return False
        return not _OTHER_EVENT.search(gap)

    @staticmethod
    def _labels(text: str) -> list[tuple[int, int]]:
        """(end, most words allowed after) of every birth label in the text, by end."""
        return sorted((m.end(), max_words) for rx, max_words in _LABELS for m in rx.finditer(text))

    def has_label(self, text: str, start: int, end: int, labels: list[tuple[int, int]] | None = None) -> bool:
        if labels is None:
            labels = self._labels(text)
        i = bisect.bisect_left(labels, (max(0, start - _LOOKBACK), -1))
        while i < len(labels) and labels[i][0] <= start:
            label_end, max_words = labels[i]
            if self._gap_ok(text[label_end:start], max_words):
                return True
            i += 1
        return bool(_LABEL_AFTER.match(text, end))

    # -- Presidio ----------------------------------------------------------------------------------------------
    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        labels = self._labels(text)
        cells = table_cells(text, _TABLE_LABELS)
        previous_end = -1
        candidates = self._candidates(text)
        records = self._record_dates(text, candidates)
        for n, (start, end, pattern) in enumerate(candidates):
            chained = previous_end >= 0 and _CHAIN.fullmatch(text, previous_end, start) is not None
            labelled = in_cells(cells, start, end) or self.has_label(text, start, end, labels)
            if not chained and not labelled and n not in records:
                continue
            if pattern.name == "year" and chained:
                continue  # "born 1989-03-14 or 1990": the second is probably not a year of birth
            # a record's birth date starts no list: the next date of the record is another event's
            previous_end = end if labelled or chained else -1
            results.append(self.result(pattern.score, start, end, pattern))
        return results

    # -- records under a column header ------------------------------------------------------------------------
    @staticmethod
    def _column_headers(text: str) -> list[int]:
        """End offsets of birth-date labels standing as a column header: no value after them on their line."""
        out = []
        for m in _LABELS[0][0].finditer(text):
            if not _COLUMN_LABEL_AFTER.match(text, m.end()):
                out.append(m.end())
        return out

    @staticmethod
    def _year(kind: str, value: str) -> int | None:
        m = re.search(_Y4, value)
        if m:
            return int(m.group())
        if kind == "numeric":
            yy = int(re.findall(r"\d+", value)[-1])
            return 1900 + yy if yy >= 30 else 2000 + yy
        return None

    def _record_dates(self, text: str, candidates: list[tuple[int, int, Pattern]]) -> set[int]:
        """Indexes of the candidates that are birth dates of records below a birth-date column header, or that
        follow a sex cell."""
        headers = self._column_headers(text)
        other_cells = table_cells(text, _OTHER_DATE_HEADER)
        out: set[int] = set()
        for n, (start, end, pattern) in enumerate(candidates):
            if pattern.name not in _FULL_DATES or in_cells(other_cells, start, end):
                continue
            if _after_sex_cell(text, start):
                out.add(n)
                continue
            if not headers or headers[0] > start or _cell_start(text, start) is None:
                continue
            year = self._year(pattern.name, text[start:end])
            if year is None or n + 1 >= len(candidates):
                continue
            nxt_start, nxt_end, nxt = candidates[n + 1]
            gap = text[end:nxt_start]
            if nxt.name not in _FULL_DATES or len(gap) > _RECORD_GAP_CHARS or gap.count("\n") > _RECORD_GAP_LINES:
                continue
            later = self._year(nxt.name, text[nxt_start:nxt_end])
            if later is not None and later - year >= _MIN_AGE:
                out.add(n)
        return out


"""Alien registration numbers (A-numbers), in every way they are written in case documents.

An A-number is 8 or 9 digits, usually written with a leading ``A`` (``A123456789``, ``A-123-456-789``,
``A# 123 456 789``, ``A 12345678``). Written with the ``A`` the number is recognised on its own; as bare digits
(``123 456 789``) it is a finding only when a label says what it is ("A-Number:", "alien registration
number", "A-File", "USCIS#", ...). The span covers the number and its ``A`` / ``A-`` / ``A#`` prefix, never a
label such as "A-Number:" or "A#:".

This module also holds ``LabelledIdRecognizer``, the base of the immigration-identifier recognizers: a Presidio
``PatternRecognizer`` that does its own context check (a label shortly before the match) instead of relying on
Presidio's lemma enhancer, so a bare number without its label stays under the reporting threshold and the same
number after its label goes above it.
"""

from __future__ import annotations

import bisect
import re
import threading
from typing import ClassVar, TypeVar

from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

FLAGS = re.IGNORECASE
T = TypeVar("T")

# A sentence break inside the gap between a label and a number: "... passport expired. Case 12345678".
_BREAK = re.compile(r"(\w*)[.!?;]\s+\S|\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+")
# Words of two letters or fewer ("No.", "U.S.") and these abbreviations do not end a sentence.
_ABBREVIATIONS = frozenset({"nos", "num", "nbr", "approx", "reg", "regis", "cert", "doc", "ref"})
# Labels of other kinds of numbers: a number after one of these belongs to it, not to an earlier label.
OTHER_NUMBER_WORDS = (
    "phone", "tel", "telephone", "call", "cell", "mobile", "fax", "ssn", "social", "report", "incident", "docket",
    "invoice", "account", "acct", "zip", "apt", "apartment", "plate", "license", "licence", "dl", "vin",
    "badge", "order", "tracking", "routing", "ein", "itin", "employee",
)


# Labels of the immigration identifiers, by entity: in the gap before a number, another identifier's label
# means the number is that identifier ("Alien Registration Number A262-685-984 PPT# 210146575").
ID_LABEL_WORDS = {
    "A_NUMBER": r"a-?numbers?|aliens?|a-?files?|(?-i:A)\s?\#",
    "PASSPORT_NUMBER": r"passports?|pasaportes?|passeports?|ppt|pp\s?\#|visa\s+(?:foil|control|numbers?|no)",
    "I94_NUMBER": r"i-?94|admission",
    "SEVIS_ID": r"sevis|i-?20|ds-?2019",
    "USCIS_RECEIPT_NUMBER": r"receipts?|recibos?",
}


def other_number_words(*exclude: str, entity: str = "") -> re.Pattern[str]:
    words = [w for w in OTHER_NUMBER_WORDS if w not in exclude]
    words += [w for e, w in ID_LABEL_WORDS.items() if e != entity]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", FLAGS)


def best_non_overlapping(found: list[tuple[float, int, int, T]]) -> list[tuple[float, int, int, T]]:
    """Of overlapping ``(score, start, end, item)`` candidates, keep the best score, then the longest span."""
    found = sorted(found, key=lambda f: (f[1], -f[2]))
    chosen: list[tuple[float, int, int, T]] = []
    cluster: list[tuple[float, int, int, T]] = []
    cluster_end = -1

    def settle() -> None:
        cluster.sort(key=lambda f: (-f[0], -(f[2] - f[1]), f[1]))
        kept: list[tuple[float, int, int, T]] = []
        for f in cluster:
            if all(f[2] <= k[1] or k[2] <= f[1] for k in kept):
                kept.append(f)
        chosen.extend(sorted(kept, key=lambda f: f[1]))

    for f in found:
        if cluster and f[1] >= cluster_end:
            settle()
            cluster = []
        cluster.append(f)
        cluster_end = max(cluster_end, f[2]) if len(cluster) > 1 else f[2]
    if cluster:
        settle()
    return chosen


_DELIMITED = re.compile(r"[^\t|]+")
_SPACED = re.compile(r"\S+(?: \S+)*")
_RULE = re.compile(r"[\s\-=_+|:]*")
_MAX_HEADER_CELL = 40
# A line holding values is not a header: "DOB: 03/14/1989          Age: 37          Sex: F".
_NOT_HEADER = re.compile(r"\d[/.\-]\d|\d{5,}|:[ \t]*[^\s|]")


def _cells(line: str, offset: int) -> tuple[bool, list[tuple[int, int]]]:
    """The (start, end) of each non-empty cell of a table line; ``True`` if split on tabs or pipes."""
    delimited = "\t" in line or "|" in line
    rx = _DELIMITED if delimited else _SPACED
    out = []
    for m in rx.finditer(line):
        if delimited:
            # a pipe-delimited cell may still hold a fixed-width "#  NAME": keep it whole, trimmed
            text = m.group()
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            out.append((offset + m.start() + lead, offset + m.start() + len(text.rstrip())))
        else:
            out.append((offset + m.start(), offset + m.end()))
    return delimited, out


def table_cells(text: str, labels: re.Pattern[str], max_rows: int = 500) -> list[tuple[int, int]]:
    """The cells of table columns whose header matches ``labels`` ("DOB", "A-Number", "Passport #").

    A header is a line of three or more cells (split on tabs, pipes or runs of two or more spaces) with a short
    cell matching ``labels``; its rows are the following lines up to a blank line. Delimited rows are matched to
    the header by cell index, space-aligned rows by column position.
    """
    if "\t" not in text and "|" not in text and "  " not in text:
        return []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line.rstrip("\r")))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        i += 1
        if "\t" not in line and "|" not in line and "  " not in line.strip():
            continue
        header_delimited, header = _cells(line, offset)
        if len(header) < 3 or _NOT_HEADER.search(line):
            continue
        columns = [
            k for k, (s, e) in enumerate(header) if e - s <= _MAX_HEADER_CELL and labels.search(text, s, e)
        ]
        if not columns:
            continue
        rows = 0
        while i < len(lines) and rows < max_rows:
            row_offset, row = lines[i]
            if not row.strip():
                break
            i += 1
            if _RULE.fullmatch(row):
                continue
            delimited, cells = _cells(row, row_offset)
            if len(cells) < 2:
                break
            rows += 1
            # rows numbered under a header without a "#" cell: "1<TAB>DOE, JANE<TAB>..." under "NAME<TAB>DOB"
            shift = 1 if len(cells) == len(header) + 1 and text[cells[0][0] : cells[0][1]].isdigit() else 0
            for k in columns:
                if delimited or header_delimited or len(cells) - shift == len(header):
                    if k + shift < len(cells):
                        out.append(cells[k + shift])
                    continue
                # space-aligned: the row cell starting within the header cell's column
                h_start = header[k][0] - offset
                h_next = header[k + 1][0] - offset if k + 1 < len(header) else 10**9
                for s, e in cells:
                    if h_start - 2 <= s - row_offset < h_next - 1:
                        out.append((s, e))
                        break
    return sorted(set(out))


def in_cells(cells: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``cells`` (sorted, non-overlapping)."""
    i = bisect.bisect_right(cells, (start, 10**12)) - 1
    return i >= 0 and cells[i][0] <= start and end <= cells[i][1]


class LabelledIdRecognizer(PatternRecognizer):
    """A pattern recognizer scored by a label shortly before (or in brackets after) the match.

    Subclasses set ``ENTITY``, ``PATTERNS`` (the ``Pattern`` score is the score *without* a label; a named group
    ``id`` in the regex, when present, is the reported span), ``CONTEXT`` (the label words, for documentation and
    for Presidio's explanation) and ``LABELS`` (a regex over those labels). A match preceded by a label within
    ``LOOKBACK`` characters (at most ``MAX_GAP_WORDS`` words between, no sentence break, no label of another
    kind of number) scores ``CONTEXT_SCORES.get(pattern name, CONTEXT_SCORE)``.
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    LABELS: ClassVar[re.Pattern[str]]
    OTHER_LABELS: ClassVar[re.Pattern[str]] = other_number_words()
    CONTEXT_SCORE: ClassVar[float] = 0.85
    CONTEXT_SCORES: ClassVar[dict[str, float]] = {}
    LOOKBACK: ClassVar[int] = 45
    LOOKAHEAD: ClassVar[int] = 30
    MAX_GAP_WORDS: ClassVar[int] = 6
    VERSION: ClassVar[str] = "1.0.0"

    def __init__(self) -> None:
        patterns = [Pattern(p.name, p.regex, p.score) for p in self.PATTERNS]
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language="en",
            patterns=patterns,
            context=list(self.CONTEXT),
            version=self.VERSION,
        )
        self._compiled = [(p, re.compile(p.regex, FLAGS)) for p in patterns]
        self._local = threading.local()
        self._label_after = re.compile(r"\s*[(\[]\s*(?:" + self.LABELS.pattern + ")", self.LABELS.flags)

    # -- hooks -------------------------------------------------------------------------------------------------
    def valid(self, candidate: str, pattern: Pattern) -> bool:
        """Whether a regex match is a plausible value (checked before scoring)."""
        return True

    def score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        """The score of the match ``text[start:end]`` of ``pattern``; ``None`` drops it."""
        if not self.valid(text[start:end], pattern):
            return None
        if self.has_label(text, start, end):
            return max(pattern.score, self.CONTEXT_SCORES.get(pattern.name, self.CONTEXT_SCORE))
        return pattern.score

    def gap_ok(self, gap: str) -> bool:
        """Whether the text between a label and the number still ties the number to the label."""
        if len(gap) > self.LOOKBACK:
            return False
        if len(_WORD.findall(gap)) > self.MAX_GAP_WORDS:
            return False
        for m in _BREAK.finditer(gap):
            word = m.group(1) or ""
            if m.group(0).startswith("\n") or (len(word) > 2 and word.lower() not in _ABBREVIATIONS):
                return False
        return not self.OTHER_LABELS.search(gap)

    def has_label(self, text: str, start: int, end: int) -> bool:
        if in_cells(getattr(self._local, "cells", []), start, end):
            return True  # in a table column headed by a label
        before = text[max(0, start - self.LOOKBACK) : start]
        for m in self.LABELS.finditer(before):
            if self.gap_ok(before[m.end() :]):
                return True
        return bool(self._label_after.match(text, end, min(len(text), end + self.LOOKAHEAD)))

    # -- Presidio ----------------------------------------------------------------------------------------------
    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        found: list[tuple[float, int, int, Pattern]] = []
        self._local.cells = table_cells(text, self.LABELS)
        for pattern, rx in self._compiled:
            has_id = "id" in rx.groupindex
            for m in rx.finditer(text):
                start, end = m.span("id") if has_id and m.group("id") is not None else m.span()
                if end <= start:
                    continue
                score = self.score(text, start, end, pattern)
                if score is not None:
                    found.append((score, start, end, pattern))
        # one result per stretch of text: the best score, then the longest span
        return [self._result(score, start, end, pattern) for score, start, end, pattern in best_non_overlapping(found)]

    def _result(self, score: float, start: int, end: int, pattern: Pattern) -> RecognizerResult:
        name = type(self).__name__
        explanation = AnalysisExplanation(
            recognizer=name,
            original_score=score,
            pattern_name=pattern.name,
            pattern=pattern.regex,
            textual_explanation=f"Detected by `{name}` using pattern `{pattern.name}`",
            regex_flags=FLAGS,
        )
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # the label check above is this recognizer's context handling: no second boost
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            },
        )


# --- A-numbers ------------------------------------------------------------------------------------------------
_SEP = r"[ \u00a0.\-\u2010-\u2013]"
_DIGITS = (
    rf"(?:\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}"  # 9 digits, 3-3-3
    rf"|\d{{2}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}"  # 8 digits, 2-3-3
    rf"|\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{2}}"  # 8 digits, 3-3-2
    rf"|\d{{4}}{_SEP}\d{{4}})"  # 8 digits, 4-4
)
_END = rf"(?![\w]|{_SEP}\d)"
_START = r"(?<![\w\-#])"


class ANumberRecognizer(LabelledIdRecognizer):
    ENTITY = "A_NUMBER"
    PATTERNS = [
        # A123456789, A-123-456-789, A#123456789, A# 123 456 789, A.123456789
        Pattern("a_prefixed", rf"{_START}(?P<id>(?-i:A)(?:\s?[\-#.\u2010-\u2013]\s?|-\s?#\s?)?{_DIGITS}){_END}", 0.85),
        # A 12345678
        Pattern("a_prefixed_space", rf"{_START}(?P<id>(?-i:A)[ \u00a0]{_DIGITS}){_END}", 0.55),
        # a123456789, a-123-456-789
        Pattern("a_prefixed_lower", rf"{_START}(?P<id>(?-i:a)[\-#]?{_DIGITS}){_END}", 0.6),
        # a 123456789 ("a" is also the article): only with a label
        Pattern("a_prefixed_lower_space", rf"{_START}(?P<id>(?-i:a)(?:\s?#\s?|\s){_DIGITS}){_END}", 0.2),
        # 123456789, 123-456-789, 12345678: only with a label
        Pattern("a_bare_digits", rf"(?<![\w\-#])(?<!\d[ .])(?P<id>{_DIGITS}|\d{{8,9}}){_END}", 0.05),
    ]
    CONTEXT_SCORES = {"a_prefixed": 0.95, "a_prefixed_space": 0.9, "a_prefixed_lower": 0.9}
    CONTEXT = [
        "a-number", "a number", "a#", "a-file", "alien", "alien number", "alien registration number",
        "registration number", "uscis#", "uscis number", "arn", "numero de extranjero",
    ]
    LABELS = re.compile(
        r"(?:(?<![\w-])(?:(?-i:A)[\-\u2010-\u2013 ]?|a-)(?:numbers?|nums?|nbrs?|(?-i:No|NO|Nr|NR))\b\.?"  # A-Number, A No.
        r"|(?<![\w-])(?-i:A)\s?-?\s?[#:]"  # A#, A-#, A:
        r"|(?<![\w-])a[\-\u2010-\u2013 ]?files?\b"  # A-File, A file
        r"|\baliens?\b"  # alien number, alien registration number, alien file, alien #
        r"|\bregistration\s*(?:numbers?|nos?\b|nbr\b|num\b|\#)"
        r"|\buscis\b"  # USCIS#, USCIS number
        r"|\barn\b"
        r"|\bextranjer[oa]s?\b|\bn[uú]mero\s+(?-i:A)\b)",
        FLAGS,
    )
    OTHER_LABELS = other_number_words(entity="A_NUMBER")

"""Alien registration numbers (A-numbers), in every way they are written in case documents.

An A-number is 8 or 9 digits, usually written with a leading ``A`` (``A123456789``, ``A-123-456-789``,
``A# 123 456 789``, ``A 12345678``). Written with the ``A`` the number is recognised on its own; as bare digits
(``123 456 789``) it is a finding only when a label says what it is ("A-Number:", "alien registration
number", "A-File", "USCIS#", ...). The span covers the number and its ``A`` / ``A-`` / ``A#`` prefix, never a
label such as "A-Number:" or "A#:". Older files have 7-digit numbers (``A-5960240`` in BIA decisions of the
1940s-1980s): found with a hyphen or ``#`` after the ``A``, and written ``A5960240`` only after a label (the
shape of many passport numbers).

This module also holds ``LabelledIdRecognizer``, the base of the immigration-identifier recognizers: a Presidio
``PatternRecognizer`` that does its own context check (a label shortly before the match) instead of relying on
Presidio's lemma enhancer, so a bare number without its label stays under the reporting threshold and the same
number after its label goes above it.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from typing import ClassVar, NamedTuple, TypeVar

from presidio_analyzer import (
    Pattern,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.declared import FLAGS, DeclaredPatternRecognizer

__all__ = ["FLAGS", "LabelledIdRecognizer"]  # FLAGS re-exported for the identifier recognizers

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
_RULE = re.compile(r"[\s\-=_+|:;,]*")
_MAX_HEADER_CELL = 40
# A line holding values is not a header: "DOB: 03/14/1989          Age: 37          Sex: F".
_NOT_HEADER = re.compile(r"\d[/.\-]\d|\d{5,}|:[ \t]*[^\s|]")
# A cell of a semicolon/comma-separated header: a few short words ("Date of birth", "A#", "F. nac.", "#").
_SHORT_CELL = re.compile(r"#|[^\W\d_][\w#'’/().,\- ]{0,29}", re.UNICODE)


def _header_like(cells: list[str], delimiter: str) -> bool:
    """Whether the non-empty cells of a semicolon/comma line read as column headers, not as prose."""
    if len(cells) < 3:
        return False
    for c in cells:
        if not _SHORT_CELL.fullmatch(c) or len(c.split()) > 4 or (delimiter == "," and "," in c):
            return False
    # prose split on commas ("He left, then came back, and called.") is lower case; headers are capitalised,
    # or a one-word CSV export header ("name,dob,country,a_number")
    return all(c[0].isupper() or c[0] == "#" for c in cells) or all(" " not in c for c in cells)


# A whole header cell saying the column holds persons' names ("Name", "Full name", "Last, First", "Detainee",
# "Nombre"): PERSON reads these columns, and a comma row's "Last, First" split on its comma is joined under one.
NAME_HEADERS = re.compile(
    r"[ \t]*(?:(?:full|legal|complete|client|person|subject|detainee|applicant|victim|witness|suspect|"
    r"arrestee|defendant|respondent|beneficiary|child|mother|father|spouse|member|family[ \t]+member)"
    r"(?:['’]?s)?[ \t]+)?(?:names?(?:[ \t]*\((?:last|first)[^)]{0,20}\))?|last[ \t]*,[ \t]*first(?:[ \t]+names?)?"
    r"|(?:last|family|sur)[ \t]*names?[ \t]*,[ \t]*(?:first|given)[ \t]*names?"
    r"|detainees?|subjects?|arrestees?|defendants?|respondents?|applicants?|clients?"
    r"|nombres?(?:[ \t]+(?:y[ \t]+apellidos?|completo))?|apellidos?(?:[ \t]*,[ \t]*nombres?)?|nom(?:[ \t]+complet)?)"
    r"[ \t]*[:#]?[ \t]*",
    FLAGS,
)


def _split_quoted(line: str, offset: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a ``delimiter``-separated line, empty cells included (as empty spans);
    a double-quoted cell may hold the delimiter (CSV: ``"Boateng, Kwesi",1987-02-14``)."""
    out = []
    i, n = 0, len(line)
    while True:
        j = i
        while j < n and line[j] in " \t":
            j += 1
        if j < n and line[j] == '"':
            close = line.find('"', j + 1)
            while close >= 0 and close + 1 < n and line[close + 1] == '"':  # "" escapes a quote
                close = line.find('"', close + 2)
            if close >= 0:
                nxt = line.find(delimiter, close + 1)
                end = n if nxt < 0 else nxt
                out.append((offset + j + 1, offset + close))
                if nxt < 0:
                    break
                i = nxt + 1
                continue
        nxt = line.find(delimiter, i)
        end = n if nxt < 0 else nxt
        cell = line[i:end]
        lead = len(cell) - len(cell.lstrip())
        s, e = i + lead, i + len(cell.rstrip())
        out.append((offset + s, offset + max(s, e)))
        if nxt < 0:
            break
        i = nxt + 1
    return out


@functools.lru_cache(maxsize=8192)
def header_delimiter(line: str) -> str | None:
    """The delimiter of a table header line: tab, pipe, semicolon, comma, or ``" "`` for aligned columns."""
    if "\t" in line:
        return "\t"
    if "|" in line:
        return "|"
    for delimiter in (";", ","):
        if line.count(delimiter) >= 2:
            parts = _split_quoted(line, 0, delimiter)
            if _header_like([line[s:e] for s, e in parts if e > s], delimiter):
                return delimiter
    if "  " in line.strip():
        return " "
    return None


@functools.lru_cache(maxsize=8192)
def _cells(line: str, offset: int, delimiter: str | None = None) -> tuple[bool, list[tuple[int, int]]]:
    """The (start, end) of each cell of a table line; ``True`` if split on a delimiter, not on column gaps.

    Tabs and pipes are found in the line itself; a semicolon or comma ``delimiter`` (the header's) keeps empty
    cells as empty spans so that cells stay under their header. Cached: every recognizer that reads tables
    splits the same lines of the same text (callers never modify the returned list).
    """
    if delimiter in (";", ","):
        return True, _split_quoted(line, offset, delimiter)
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


def _join_split_name(text: str, header: list[tuple[int, int]], cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A comma-separated row with one cell too many: an unquoted "Last, First" under a name column, joined."""
    for k, (s, e) in enumerate(header):
        if k + 1 < len(cells) and NAME_HEADERS.fullmatch(text, s, e):
            a, b = cells[k], cells[k + 1]
            if _NAME_PART.fullmatch(text, a[0], a[1]) and _NAME_PART.fullmatch(text, b[0], b[1]):
                return [*cells[:k], (a[0], b[1]), *cells[k + 2 :]]
    return cells


_ROW_NUMBER = re.compile(r"(\d{1,4}) (?=\S)")
_ROW_NUMBER_HEADER = re.compile(r"#|no\.?|n[°º]|nr\.?|num\.?", FLAGS)
_NAME_PART = re.compile(r"[^\W\d_][^\W\d_ .'’\-]*(?:[ .'’\-]+[^\W\d_]+)*\.?")


# A header line of a table about people: a name, birth date, age, sex or relationship column.
PEOPLE_HEADER = re.compile(
    r"(?<![\w])(?i:(?:full[ \t]+|last[ \t]+|first[ \t]+|given[ \t]+|family[ \t]+|sur|middle[ \t]+)?names?|"
    r"nombres?|apellidos?|nom|pr[eé]nom|d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born|age|sex|gender|"
    r"relation(?:ship)?|rel\.?|parentesco|occupants?|residents?|members?|household|persons?|people|"
    r"clients?|detainees?|arrestees?|subjects?|victims?|witness(?:es)?|suspects?|defendants?|respondents?|"
    r"applicants?|tenants?|passengers?|children|child|parents?|relatives?|a[ \t]*#|a-?number|alien[ \t]+(?:no|number)|"
    r"ssn|passport)(?![\w])"
)
# A header cell for one part of a name: "Last name", "First name(s)", "Surname", "Given names", "Apellido".
PART_NAME_HEADERS = re.compile(
    r"[ \t]*(?i:(?:last|first|given|family|middle|maiden|other|sur|fore)[ \t]*names?|surnames?|forenames?|"
    r"given|apellidos?|primer[ \t]+apellido|segundo[ \t]+apellido|pr[eé]noms?|nom[ \t]+de[ \t]+famille)"
    r"(?:[ \t]*\(s\))?[ \t]*[:#]?[ \t]*"
)


# A header line rather than a row: every cell a few words without digits, one of them a usual column heading.
_HEADER_WORD = re.compile(
    r"(?i:.*\b(?:names?|dates?|d\.?o\.?b\.?|numbers?|nos?\.?|ids?|types?|status|case|phone|tel|country|"
    r"nationality|citizenship|address|city|state|zip|sex|gender|age|e-?mail|file|docket|notes?|comments?|"
    r"remarks|code|category|description|amount|total|birth|place|relationship|location|facility)\b.*|#)"
)


def _next_non_blank(lines: list[tuple[int, str]], i: int) -> int | None:
    """The index of the first non-blank line from ``i`` on, if any."""
    while i < len(lines):
        if lines[i][1].strip():
            return i
        i += 1
    return None


def _looks_like_header(text: str, cells: list[tuple[int, int]]) -> bool:
    values = [text[s:e] for s, e in cells if e > s]
    return bool(values) and all(
        not any(ch.isdigit() for ch in v) and len(v.split()) <= 4 for v in values
    ) and any(_HEADER_WORD.fullmatch(v) for v in values)


def _same_shape(
    text: str,
    candidate: tuple[int, str],
    header_line: tuple[int, str],
    header: list[tuple[int, int]],
    delimiter: str,
    labels: re.Pattern[str],
) -> bool:
    """Whether ``candidate`` (the first non-blank line after blank lines below a table) is still a row of the
    table: the same delimiter and cell count as the header (tab, pipe, semicolon, comma tables; one more cell for
    a row number, a "Last, First" split on a comma) or, for a space-aligned table, cells that all start under a
    header cell. Not a rule line, and not the header of a next table."""
    row_offset, row = candidate
    offset, line = header_line
    if _RULE.fullmatch(row):
        return False
    if delimiter in (";", ",", "\t", "|"):
        if delimiter not in row:
            return False
        if delimiter in (";", ","):
            n_row, n_header = len(_split_quoted(row, 0, delimiter)), len(_split_quoted(line, 0, delimiter))
        elif delimiter == "|":
            n_row, n_header = (len(x.strip().strip("|").split("|")) for x in (row, line))
        else:
            n_row, n_header = (x.strip(" \r").count("\t") + 1 for x in (row, line))
        if n_row not in (n_header, n_header + 1):
            return False
        _, cells = _cells(row, row_offset, delimiter if delimiter in (";", ",") else None)
    else:
        if "\t" in row or "|" in row:
            return False
        _, cells = _cells(row, row_offset)
        if len(cells) < 2:
            return False
        # aligned: the first cell under the first header cell, no two cells in one column, and most cells
        # starting where a header cell starts (left-aligned columns)
        starts = [s - offset for s, _ in header]
        cols = [c[0] - row_offset for c in cells]
        if abs(cols[0] - starts[0]) > 2:
            return False
        owners = [max((k for k, h in enumerate(starts) if h - 2 <= c), default=-1) for c in cols]
        if len(set(owners)) != len(owners):
            return False
        if 2 * sum(any(abs(c - h) <= 2 for h in starts) for c in cols) < len(cols):
            return False
    if _looks_like_header(text, cells):
        return False
    return not any(0 < e - s <= _MAX_HEADER_CELL and labels.fullmatch(text, s, e) for s, e in cells)


def table_cells(
    text: str, labels: re.Pattern[str], max_rows: int = 500, whole_cell: bool = False
) -> list[tuple[int, int]]:
    """The cells of table columns whose header matches ``labels`` (see :func:`table_columns`), sorted."""
    return sorted({c for column in table_columns(text, labels, max_rows, whole_cell) for c in column.cells})


class TableColumn(NamedTuple):
    """One table column: its header line (start, end), its header cell (start, end) and its cells."""

    header_line: tuple[int, int]
    header: tuple[int, int]
    cells: list[tuple[int, int]]


def table_columns(
    text: str, labels: re.Pattern[str], max_rows: int = 500, whole_cell: bool = False
) -> list[TableColumn]:
    """The cells of table columns whose header matches ``labels`` ("DOB", "A-Number", "Passport #").

    A header is a line of three or more cells with a short cell matching ``labels``, split on the delimiter the
    header line uses: tabs, pipes, semicolons, commas (when every comma-separated part is a few short words, as
    in a CSV export: "Name,Date of Birth,Country") or runs of two or more spaces. Its rows are the following
    lines up to a line that is not a row of the table; blank lines between rows are skipped while the next
    non-blank line is a row of the same shape (same delimiter and cell count, or cells aligned under the header
    cells of a space-aligned table) and not the header of another table. Delimited rows are matched to the
    header by cell index (a double-quoted cell may hold the delimiter; a "Last, First" in a comma row, one cell
    too many, is joined under a name column), space-aligned rows by column position. With ``whole_cell`` the header cell must match ``labels`` entirely.
    """
    match = labels.fullmatch if whole_cell else labels.search
    if "\t" not in text and "|" not in text and "  " not in text and ";" not in text and text.count(",") < 2:
        return []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line.rstrip("\r")))
        pos += len(line) + 1
    found: list[TableColumn] = []
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        i += 1
        if "\t" not in line and "|" not in line and ";" not in line and "," not in line and "  " not in line.strip():
            continue
        delimiter = header_delimiter(line)
        if delimiter is None:
            continue
        header_delimited, header = _cells(line, offset, delimiter)
        if len([c for c in header if c[1] > c[0]]) < 3 or _NOT_HEADER.search(line):
            continue
        columns = [
            k for k, (s, e) in enumerate(header)
            if 0 < e - s <= _MAX_HEADER_CELL and match(text, s, e)
        ]
        if not columns:
            continue
        by_column: dict[int, list[tuple[int, int]]] = {k: [] for k in columns}
        split_char = delimiter in (";", ",")
        numbered = _ROW_NUMBER_HEADER.fullmatch(text, *header[0]) is not None
        rows = 0
        while i < len(lines) and rows < max_rows:
            row_offset, row = lines[i]
            if not row.strip():
                # rows set apart by blank lines: go on while the next non-blank line is a row of this table
                j = _next_non_blank(lines, i)
                if j is None or not _same_shape(text, lines[j], (offset, line), header, delimiter, labels):
                    break
                i = j
                row_offset, row = lines[i]
            if split_char and delimiter not in row:
                break
            i += 1
            if _RULE.fullmatch(row):
                continue
            delimited, cells = _cells(row, row_offset, delimiter if split_char else None)
            if split_char:
                if delimiter == "," and len(cells) == len(header) + 1:
                    cells = _join_split_name(text, header, cells)
            elif len(cells) < 2:
                break
            elif not delimited and numbered and len(cells) == len(header) - 1:
                # "10 XU, QING" under "#  Name": a row number one space from the next cell is a cell of its own
                m = _ROW_NUMBER.match(text, cells[0][0], cells[0][1])
                if m:
                    cells = [(cells[0][0], m.end(1)), (m.end(), cells[0][1]), *cells[1:]]
            rows += 1
            # rows numbered under a header without a "#" cell: "1<TAB>DOE, JANE<TAB>..." under "NAME<TAB>DOB"
            shift = 1 if len(cells) == len(header) + 1 and text[cells[0][0] : cells[0][1]].isdigit() else 0
            for k in columns:
                if delimited or header_delimited or len(cells) - shift == len(header):
                    if k + shift < len(cells) and cells[k + shift][1] > cells[k + shift][0]:
                        by_column[k].append(cells[k + shift])
                    continue
                # space-aligned: the row cell starting within the header cell's column
                h_start = header[k][0] - offset
                h_next = header[k + 1][0] - offset if k + 1 < len(header) else 10**9
                for s, e in cells:
                    if h_start - 2 <= s - row_offset < h_next - 1:
                        by_column[k].append((s, e))
                        break
        for k in columns:
            found.append(TableColumn((offset, offset + len(line)), header[k], by_column[k]))
    return found


def in_cells(cells: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``cells`` (sorted, non-overlapping)."""
    i = bisect.bisect_right(cells, (start, 10**12)) - 1
    return i >= 0 and cells[i][0] <= start and end <= cells[i][1]


class LabelledIdRecognizer(DeclaredPatternRecognizer):
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
        super().__init__()
        self._compiled = [(p, re.compile(p.regex, FLAGS)) for p in self.patterns]
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
        return [self.result(score, start, end, pattern) for score, start, end, pattern in best_non_overlapping(found)]


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
        # AXXX XXX 323, A### ###-323: a partly redacted A-number (unpublished BIA decisions as republished); what is
        # left of it still identifies the file
        Pattern("a_redacted", rf"{_START}(?P<id>(?-i:A)[\-#]?(?:(?-i:XXX|xxx)|\#{{3}}|\*{{3}}){_SEP}?(?:(?-i:XXX|xxx)|\#{{3}}|"
                rf"\*{{3}}|\d{{3}}){_SEP}?\d{{3}}){_END}", 0.85),
        # "Docket NumberA-7985292": a web page's label run into the number (casetext's BIA pages)
        Pattern("a_run_in_label", rf"(?<=(?-i:Number))(?P<id>(?-i:A)[\-#]\d{{7,9}}){_END}", 0.85),
        # "File: 323 - New York, NY": the BIA's file line with only the unredacted digits left
        Pattern("bia_file_remnant", r"(?<=(?-i:File):[ \t])(?P<id>\d{3,9})(?=[ \t]+[\-\u2013][ \t]+[A-Z])", 0.85),
        # A-5960240: the 7-digit A-numbers of older files (BIA decisions of the 1940s-1980s), with a hyphen or "#"
        Pattern("a_prefixed_7", rf"{_START}(?P<id>(?-i:A)(?:[ ]?[\-\u2010-\u2013][ ]?|\s?#\s?)\d{{7}}){_END}", 0.8),
        # A1234567, A 1234567 (also a passport shape): only with an A-number label
        Pattern("a_prefixed_7_plain", rf"{_START}(?P<id>(?-i:A)[ \u00a0]?\d{{7}}){_END}", 0.2),
        # A 12345678
        Pattern("a_prefixed_space", rf"{_START}(?P<id>(?-i:A)[ \u00a0]{_DIGITS}){_END}", 0.55),
        # a123456789, a-123-456-789
        Pattern("a_prefixed_lower", rf"{_START}(?P<id>(?-i:a)[\-#]?{_DIGITS}){_END}", 0.6),
        # a 123456789 ("a" is also the article): only with a label
        Pattern("a_prefixed_lower_space", rf"{_START}(?P<id>(?-i:a)(?:\s?#\s?|\s){_DIGITS}){_END}", 0.2),
        # 123456789, 123-456-789, 12345678: only with a label
        Pattern("a_bare_digits", rf"(?<![\w\-#])(?<!\d[ .])(?P<id>{_DIGITS}|\d{{8,9}}){_END}", 0.05),
    ]
    CONTEXT_SCORES = {"a_prefixed": 0.95, "a_prefixed_7": 0.95, "a_prefixed_space": 0.9, "a_prefixed_lower": 0.9}
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
    # The label of another identifier right before an A-shaped number: "passport no. A09876543" is a passport.
    _OTHER_ID_LABEL = re.compile(
        r"(?<![\w-])(?:" + "|".join(w for e, w in ID_LABEL_WORDS.items() if e != "A_NUMBER") + r")(?![\w-])"
        r"(?:[ \t]*(?:numbers?|nos?\.?|nbrs?\.?|nums?\.?|\#|ids?|:|\.))*[ \t]*$",
        FLAGS,
    )

    def score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        if not self.has_label(text, start, end):
            # the nearer label wins: right after another identifier's label, the number is that identifier
            before = text[max(0, start - 40) : start]
            if self._OTHER_ID_LABEL.search(before):
                return None
        return super().score(text, start, end, pattern)

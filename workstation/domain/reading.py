"""The page as a reader sees it: the text detection reads, and where each of its characters is on the page.

A page's ``text`` has a line break after every line of the layout, so a name, number or address that wraps
("... involving Priya\\nVenkataraman.", "A# 384 502\\n117", "Ozone\\nPark, NY 11416") reaches the recognizers in
two pieces, and a table row laid out as separate text fragments reaches them as one cell per line. This module
rewrites each line break into what a reader takes it for:

* a **wrap** inside a paragraph becomes a space; a word hyphenated at the line end is joined ("Venkata-\\nraman"
  reads "Venkataraman", "Paredes-\\nQuintero" reads "Paredes-Quintero");
* a label alone on its line followed by its value ("Country of citizenship:\\nGuatemala") becomes a space;
* fragments on the **same visual row** (table cells, "Name:" and its value set apart) are joined by a tab, so a
  PDF table reads like a tab-separated one and the recognizers' table reading gives each cell its column header;
* a word written with a space between its letters ("W I T N E S S") reads as the word;
* everything else (a short line, a heading, a new paragraph, a bullet, a field, a table row) stays a line break.

The page geometry decides when there is some (PDF text layers, OCR); plain text pages decide from line lengths.
Every rewrite keeps the text's length, so an offset in the reading text is an offset in the page text, except
around a hyphenated word, whose second half moves up and whose hyphen and line break move after it; ``to_page``
maps a span back to the page span that holds all its characters (one finding, boxes on both lines).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace

from workstation.domain.model import Detection, Page, Rect

WINDOW = 8  # lines either side that define a line's column (its right margin)
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣●○■□➢►\-–—*]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=[ \t])|\([ivx]+\))[ \t]")
# "Country of citizenship:", "DOB:", "A#:" at the start of a line: a field of a form, never a continuation.
_FIELD = re.compile(r"[ \t]*[^\W\d_][\w'’#.,/()-]*(?:[ \t]+[\w'’#.,/()-]+){0,4}[ \t]*:(?![/\d])")
_TITLE_AT_END = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Det|Sgt|Lt|Capt|Insp|Hon|Prof|Sra?|P\.O|Rev)\.$|"
                           r"(?<![\w.])(?:Officer|Detective|Judge|Justice|Sergeant|Lieutenant|Captain)$")
_HYPHENS = "-\u2010\u2011\u00ad"
_TABLE_GAP = re.compile(r"\S[ \t]{3,}\S|\t|\|")


@dataclass(frozen=True)
class ReadingText:
    """The reading text of a page and the map back to the page's own offsets."""

    text: str
    source: array | None = None  # reading offset -> page offset; None: the same offsets

    def to_page(self, start: int, end: int) -> tuple[int, int]:
        """The page span holding every character of the reading span ``start:end``."""
        if self.source is None or end <= start:
            return start, end
        picked = self.source[start:end]
        return min(picked), max(picked) + 1

    def to_page_detection(self, detection: Detection) -> Detection:
        if self.source is None:
            return detection
        start, end = self.to_page(detection.start, detection.end)
        return replace(detection, start=start, end=end)


@dataclass
class _Line:
    start: int  # offset of the line's first character in the page text
    end: int  # offset of its line break (or the end of the text)
    box: Rect | None  # union of its character boxes
    height: float


def reading_text(page: Page) -> ReadingText:
    """The reading text of ``page`` (see the module docstring)."""
    text = page.text
    if "\n" not in text:
        return ReadingText(text)
    lines = _lines(text, page.char_boxes)
    geometry = any(line.box is not None for line in lines)
    rows = _rows(lines) if geometry else [False] * len(lines)
    decide = _GeometryJoiner(text, lines, page.char_boxes, rows) if geometry else _PlainJoiner(text, lines)
    chars = list(text)
    moves: list[tuple[int, bool, int]] = []  # (break offset, hyphen kept?, end of the moved word)
    for i in range(len(lines) - 1):
        kind = decide(i)
        n = lines[i].end
        if kind == "tab":
            chars[n] = "\t"
        elif kind == "space":
            chars[n] = " "
        elif kind in ("join", "join-keep"):
            keep = kind == "join-keep"
            moves.append((n, keep, _word_end(text, lines[i + 1].start)))
    spaced = list(_LETTER_SPACED.finditer("".join(chars))) if " " in text else []
    if not moves and not spaced:
        return ReadingText("".join(chars))
    source = array("l", range(len(text)))
    for n, kept, word_end in moves:
        cut = n if kept else n - 1  # first character moved after the word: the line break, or the hyphen before it
        order = [*range(n + 1, word_end), *range(cut, n + 1)]
        for k, src in enumerate(order):
            source[cut + k] = src
            chars[cut + k] = text[src] if src > n else " "
    for m in spaced:  # "P R I Y A  L I" reads "PRIYA LI" and the spaces taken out after it
        stays: list[int] = []
        leaves: list[int] = []
        for k in range(m.start(), m.end()):
            if not chars[k].isspace():
                stays.append(k)
            elif chars[k - 1].isspace() or not chars[k + 1].isspace():
                leaves.append(k)  # a space between two letters of a word, or the rest of a gap
            else:
                stays.append(k)  # the first space of the gap between two words
        order = [source[k] for k in (*stays, *leaves)]
        for k, src in zip(range(m.start(), m.end()), order, strict=True):
            source[k] = src
            chars[k] = " " if text[src].isspace() else text[src]
    return ReadingText("".join(chars), source)


# Words written with a space between their letters (headings, forms), two or more spaces between the words:
# "S T A T E M E N T  O F  P R I Y A", at least four letters in all.
_SPACED_WORD = r"(?:[^\W\d_] )+[^\W\d_]"
_LETTER_SPACED = re.compile(r"(?<![^\s])(?=(?:[^\W\d_] ){3})" + _SPACED_WORD + r"(?: {2,}" + _SPACED_WORD +
                            r")*(?![^\s])")


_TOKEN = re.compile(r"\S+")


def _word_end(text: str, pos: int) -> int:
    """End of the token starting at ``pos`` (up to the next white space: "Quintero," moves with its comma)."""
    m = _TOKEN.match(text, pos)
    return m.end() if m else pos


def _lines(text: str, boxes: Sequence[Rect | None]) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for part in text.split("\n"):
        end = pos + len(part)
        box: list[float] | None = None
        heights: list[float] = []
        if boxes:
            for b in boxes[pos:end]:
                if b is None or b[2] <= b[0] or b[3] <= b[1]:
                    continue
                heights.append(b[3] - b[1])
                if box is None:
                    box = [b[0], b[1], b[2], b[3]]
                else:
                    box = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])]
        heights.sort()
        height = heights[len(heights) // 2] if heights else 0.0
        out.append(_Line(pos, end, tuple(box) if box else None, height))  # type: ignore[arg-type]
        pos = end + 1
    return out


def _same_row(a: Rect, b: Rect, height: float) -> bool:
    """``b`` continues the visual row of ``a`` to its right (table cells, a label and its value)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1]) and b[0] >= a[2] - 0.5 * max(height, 1.0)


def _rows(lines: list[_Line]) -> list[bool]:
    """Per line: whether it shares its visual row with the line before or after it (a table row or a form)."""
    shared = [False] * len(lines)
    for i in range(len(lines) - 1):
        a, b = lines[i].box, lines[i + 1].box
        if a is not None and b is not None and _same_row(a, b, lines[i].height):
            shared[i] = shared[i + 1] = True
    return shared


class _Joiner:
    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        self.lines = lines

    def line(self, i: int) -> str:
        return self.text[self.lines[i].start : self.lines[i].end]

    def common(self, i: int) -> str | None:
        """The decisions that do not depend on geometry; None when the width rule decides."""
        this, nxt = self.line(i), self.line(i + 1)
        if not this.strip() or not nxt.strip():
            return "break"
        field = _FIELD.match(nxt)
        if _BULLET.match(nxt) or field and ". " not in field.group():  # "Members. Concurring Opinions:" is prose
            return "break"
        stripped = this.rstrip()
        if _TITLE_AT_END.search(stripped) and nxt[:1].isupper():
            return "space"  # "... spoke with Mr.\nOkonjo": a title never ends a line of its own
        if (stripped.endswith(":") and len(stripped.split()) <= 6 and not _TABLE_GAP.search(this)
                and not _TABLE_GAP.search(nxt)):
            return "space"  # a label with its value on the next line
        return None

    def wrap_kind(self, i: int) -> str:
        """How a wrapped line joins the next: a space, or a hyphenated word joined."""
        this, nxt = self.line(i).rstrip(), self.line(i + 1)
        if len(this) == len(self.line(i)) and len(this) >= 2 and this[-1] in _HYPHENS and this[-2].isalpha():
            first = nxt[:1]
            if first.isalpha():
                return "join" if first.islower() and this[-1] != "\u2011" else "join-keep"
        return "space"


class _PlainJoiner(_Joiner):
    """Line breaks of a plain text page: a line wraps when the next line's first word would not have fit on it
    (its length is close to the longest lines around it)."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        super().__init__(text, lines)
        self.lengths = [len(self.line(i).rstrip()) for i in range(len(lines))]

    def margin(self, i: int) -> int:
        near = sorted(self.lengths[max(0, i - WINDOW) : i + WINDOW + 1], reverse=True)
        return near[1] if len(near) > 2 else near[0]  # the second longest: one overlong line is not the margin

    def __call__(self, i: int) -> str:
        kind = self.common(i)
        if kind is not None:
            return kind
        this, nxt = self.line(i), self.line(i + 1)
        if _TABLE_GAP.search(this) or _TABLE_GAP.search(nxt) or nxt[:1] in (" ", "\t"):
            return "break"
        first = len(nxt.split(None, 1)[0])
        if self.lengths[i] + 1 + first > self.margin(i):
            return self.wrap_kind(i)
        return "break"


class _GeometryJoiner(_Joiner):
    """Line breaks of a page with character boxes: the next line is right below in the same column and its first
    word would not have fit at the end of this one."""

    def __init__(self, text: str, lines: list[_Line], boxes: Sequence[Rect | None], rows: list[bool]) -> None:
        super().__init__(text, lines)
        self.boxes = boxes
        self.rows = rows

    def __call__(self, i: int) -> str:
        a, b = self.lines[i], self.lines[i + 1]
        if a.box is None or b.box is None:
            return "break"
        height = max(a.height, 1.0)
        if _same_row(a.box, b.box, height):
            return "tab"
        if self.rows[i] or self.rows[i + 1]:
            return "break"  # a table row or a form line: its own line
        kind = self.common(i)
        if kind == "break":
            return kind
        below = b.box[1] >= a.box[1] + 0.5 * height and b.box[1] - a.box[3] < 0.8 * height
        in_column = b.box[0] < a.box[0] + 0.6 * (a.box[2] - a.box[0]) and b.box[2] > a.box[0]
        if not (below and in_column):
            return "break"
        if kind is not None:
            return kind
        first = self._first_word_width(b)
        if a.box[2] + first >= self.margin(i) - height:
            return self.wrap_kind(i)
        return "break"

    def _first_word_width(self, line: _Line) -> float:
        x0 = x1 = None
        for k in range(line.start, line.end):
            if self.text[k].isspace():
                if x0 is not None:
                    break
                continue
            box = self.boxes[k]
            if box is None:
                continue
            x0 = box[0] if x0 is None else min(x0, box[0])
            x1 = box[2] if x1 is None else max(x1, box[2])
        return (x1 - x0) if x0 is not None and x1 is not None else 0.0

    def margin(self, i: int) -> float:
        """The right edge of line ``i``'s column: the furthest right of the lines near it that share its column."""
        a = self.lines[i].box
        assert a is not None
        right = a[2]
        for k in range(max(0, i - WINDOW), min(len(self.lines), i + WINDOW + 1)):
            b = self.lines[k].box
            if b is None or self.rows[k]:
                continue
            overlap = min(a[2], b[2]) - max(a[0], b[0])
            if overlap > 0.5 * min(a[2] - a[0], b[2] - b[0]):
                right = max(right, b[2])
        return right

"""Spans that run across a page break: "... applied for withholding | of removal", "Priya | Venkataraman".

Each page is analysed on its own (pages are the unit of parallel analysis, of review and of redaction), so a name
or phrase that a page break cuts in two reaches the recognizers in two pieces. For every break between two pages
with text this module builds a short **bridge**: the end of the first page's body and the start of the second's,
joined by a space, leaving out the running headers and footers between them (page numbers, a title or case
caption repeated at the top or bottom of the pages). What the engine finds across the junction of a bridge is
split into its two parts, one on each page, so both are reviewed and redacted; what it finds on one side only, that
the page alone did not give (its context was on the other page), is added to that page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.model import Detection

SIDE_CHARS = 160  # how much of each page a bridge takes: a few lines, enough for any name, number or phrase
EDGE_LINES = 3  # lines at the top and bottom of a page that may be running headers or footers
JOIN = " "
_PAGE_NUMBER = re.compile(r"[ \t\-–—]*(?:(?i:page|p\.|pg\.?)[ \t]*)?[\divxlc]{1,6}(?:[ \t]*(?i:of)[ \t]*\d{1,6})?"
                          r"[ \t\-–—]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Bridge:
    """The text around the break after page ``page`` (0-based index into the pages): ``before`` ends the page's
    body at ``before_start``..``before_start + len(before)``, ``after`` starts the next page's body at
    ``after_start``."""

    page: int
    before: str
    before_start: int
    after: str
    after_start: int

    @property
    def text(self) -> str:
        return self.before + JOIN + self.after

    def split(self, detection: Detection) -> tuple[Detection, Detection] | None:
        """The two parts of a detection that crosses the junction (offsets of each page's text), or None."""
        junction = len(self.before)
        if not (detection.start < junction and detection.end > junction + len(JOIN)):
            return None
        head = Detection(self.before_start + detection.start, self.before_start + junction,
                         detection.entity_type, detection.score, detection.recognizer)
        tail_end = detection.end - junction - len(JOIN)
        tail = Detection(self.after_start, self.after_start + tail_end, detection.entity_type, detection.score,
                         detection.recognizer)
        return head, tail


    def locate(self, detection: Detection) -> tuple[int, Detection] | None:
        """A detection that lies wholly on one side of the junction, in that page's offsets: (page index,
        detection). The engine may find it only with the other page's lines as context - a table row whose
        record starts at the bottom of one page ("M / 4/10/1984") and ends at the top of the next ("NICARAGUA")."""
        junction = len(self.before)
        if detection.end <= junction:
            return self.page, Detection(self.before_start + detection.start, self.before_start + detection.end,
                                        detection.entity_type, detection.score, detection.recognizer)
        start = junction + len(JOIN)
        if detection.start >= start:
            return self.page + 1, Detection(self.after_start + detection.start - start,
                                            self.after_start + detection.end - start,
                                            detection.entity_type, detection.score, detection.recognizer)
        return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    out, pos = [], 0
    for part in text.split("\n"):
        if part.strip():
            out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


def running_lines(texts: Sequence[str]) -> set[str]:
    """The shapes of lines repeated at the top or bottom of at least two pages and of half the pages with text
    (digits ignored: "Page 3 of 10", "Interim Decision #1443", a caption repeated on every page)."""
    counts: Counter[str] = Counter()
    pages = 0
    for text in texts:
        lines = _lines(text)
        if not lines:
            continue
        pages += 1
        edges = {_shape(text[s:e]) for s, e in (*lines[:EDGE_LINES], *lines[-EDGE_LINES:])}
        counts.update(edges)
    return {shape for shape, n in counts.items() if n >= 2 and n >= pages / 2}


def _furniture(line: str, running: set[str]) -> bool:
    return _PAGE_NUMBER.fullmatch(line) is not None or _shape(line) in running


def bridges(texts: Sequence[str]) -> list[Bridge]:
    """A bridge for every break between two consecutive pages that both have body text."""
    running = running_lines(texts)
    ends: list[int | None] = []
    starts: list[int | None] = []
    for text in texts:
        body = [(s, e) for s, e in _lines(text)]
        while body and _furniture(text[body[-1][0]:body[-1][1]], running) and len(body) > 1:
            body.pop()
        end = body[-1][1] if body else None
        k = 0
        while k < len(body) - 1 and k < EDGE_LINES and _furniture(text[body[k][0]:body[k][1]], running):
            k += 1
        ends.append(end)
        starts.append(body[k][0] if body else None)
    out = []
    for i in range(len(texts) - 1):
        end, start = ends[i], starts[i + 1]
        if end is None or start is None:
            continue
        before_start = _word_start(texts[i], max(0, end - SIDE_CHARS))
        after_end = _word_end(texts[i + 1], min(len(texts[i + 1]), start + SIDE_CHARS))
        out.append(Bridge(i, texts[i][before_start:end], before_start, texts[i + 1][start:after_end], start))
    return out


def _word_start(text: str, pos: int) -> int:
    """``pos`` moved forward to the start of a word (a bridge never starts inside one)."""
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int) -> int:
    """``pos`` moved back to the end of a word."""
    while 0 < pos < len(text) and not text[pos].isspace():
        pos -= 1
    return pos

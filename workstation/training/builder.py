"""Gold spans, the generated document, and the builder that records each inserted value's offsets as it is
appended (no span is ever found by searching the text)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# the workstation's own category names (the gold spans use exactly these)
from workstation.domain.categories import (
    ALL,
)

ENTITY_TYPES = ALL

DOC_TYPES = ("complaint_report", "email", "foil_letter", "shelter_intake", "witness_statement", "roster",
             "followup_dd5")


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    entity_type: str
    text: str


@dataclass
class SyntheticDocument:
    doc_id: str
    doc_type: str
    text: str
    spans: list[GoldSpan]
    layout: str = "flow"  # "flow", "two_column" or "table" (how render_pdf lays it out)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Ent:
    """A value to insert that is a gold span of ``entity_type``."""

    text: str
    entity_type: str


class _Builder:
    def __init__(self, side: random.Random | None = None) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[GoldSpan] = []
        # a second random stream for pieces added later (plates, handles), so that adding them leaves every draw
        # of the main stream - and so every other piece of the document - as it was
        self.side = side or random.Random(0)

    def t(self, s: str) -> _Builder:
        self._parts.append(s)
        self._len += len(s)
        return self

    def e(self, s: str, entity_type: str) -> _Builder:
        start = self._len
        self.t(s)
        self.spans.append(GoldSpan(start, self._len, entity_type, s))
        return self

    def add(self, v: str | Ent) -> _Builder:
        return self.e(v.text, v.entity_type) if isinstance(v, Ent) else self.t(v)

    def f(self, template: str, **slots: str | Ent) -> _Builder:
        """Append ``template`` with ``{slot}`` placeholders; Ent slot values become gold spans."""
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            self.t(template[pos:m.start()])
            self.add(slots[m.group(1)])
            pos = m.end()
        self.t(template[pos:])
        return self

    def nl(self, n: int = 1) -> _Builder:
        return self.t("\n" * n)

    @property
    def text(self) -> str:
        return "".join(self._parts)

"""Items of a case as the service's rules see them, the export's result, finding ids and the small helpers the
service's parts share (no text of a finding anywhere: ids are built from keys and keyed digests)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workstation.domain.case import CaseItem
from workstation.domain.disclosure import LegalBasis, LegalBasisKind, RecipientType
from workstation.domain.free_text import Screened
from workstation.domain.policy_engine import (
    Override,
    item_id,
    short_item_id,
)
from workstation.domain.reports import (
    PublicSummary,
)
from workstation.domain.review import (
    Decision,
    DecisionRecord,
    FindingKey,
)

DEFAULT_RECIPIENT = RecipientType.PUBLIC  # cases opened in the window before a recipient is set
SYSTEM_TRAIL = "system"  # the store's trail of user administration and failed logins (not a case)
TRAINING_TRAIL = "training"  # practice results, per trainee over time (not in any case's trail)
RESERVED_NAMES = frozenset({"summary", SYSTEM_TRAIL, TRAINING_TRAIL})  # ``report summary``, ``audit show system``


@lru_cache(maxsize=1 << 16)  # every check of a case works out the ids of all its findings again
def short_id(key: FindingKey) -> str:
    """The 12-hex-digit id of a finding shown to reviewers (``--finding ID``, ``--item ID``)."""
    return short_item_id(key.document, key.page, key.start, key.end, key.category, key.text_digest)


@lru_cache(maxsize=1 << 16)
def full_item_id(key: FindingKey) -> str:
    return item_id(key.document, key.page, key.start, key.end, key.category, key.text_digest)


def parse_basis(text: str | None) -> LegalBasis:
    """``KIND[:REFERENCE]`` (``judicial-warrant:SDNY 26-MJ-01234``, ``subpoena:Index 123/2026``, ``none``)."""
    if not text:
        return LegalBasis()
    kind, _, ref = text.partition(":")
    return LegalBasis.of(LegalBasisKind.parse(kind), ref)


def document_label(path: str) -> str:
    """A document's name in printed lists shown to the reviewer (the file name; attachments keep their '#name').
    What leaves the workstation or is audited uses the safe label instead (``CaseStore.document_labels``)."""
    return Path(path.split("#", 1)[0]).name + (("#" + path.split("#", 1)[1]) if "#" in path else "")


@dataclass(frozen=True)
class Item:
    """A finding of a case as the rules see it, with its stored decision (never its text)."""

    id: str
    key: FindingKey
    score: float
    recognizer: str
    record: DecisionRecord | None
    allowed: bool  # its text is on the case's allow-list (not personal information)
    override: Override | None

    @property
    def decision(self) -> str | None:
        if self.record is not None:
            return self.record.decision.value
        return Decision.NOT_PI.value if self.allowed else None

    @property
    def category(self) -> str:
        return self.key.category

    def case_item(self) -> CaseItem:
        return CaseItem(full_item_id(self.key), self.key.document, self.key.page, self.key.category, self.decision,
                        self.override)


@dataclass
class ExportResult:
    outputs: dict[str, str]  # file name -> SHA-256
    out_dir: Path
    documents: int
    boxes: int
    record_head: str
    flattened: dict[str, list[int]] = field(default_factory=dict)  # exported PDF's name -> pages exported as images

    @property
    def notes(self) -> list[str]:
        """One line per flattened page (``pipeline.Export.flattened_notes``), naming the exported PDF."""
        from workstation.pipeline import FLATTENED_REASON

        return [f"{label}: page {n} flattened: {FLATTENED_REASON}"
                for label, pages in sorted(self.flattened.items()) for n in pages]




_MISMATCH = "signature does not match what the case holds now"  # ``UserDirectory.verify``


def _masked(screened: Screened) -> dict[str, Any]:
    """What an audit record says about a field whose personal information was masked (the categories)."""
    return {"masked": list(screened.categories)} if screened.masked else {}


QA_COLUMNS = ("spot_check", "drawn_at", "rate_percent", "seed", "item", "document", "page", "category", "decision",
              "result", "comment", "supervisor")


def document_sha256(document: Any) -> str:
    """The SHA-256 of a document's bytes (PDFs) or of its page texts (other kinds): detects a changed file."""
    if document.source_bytes is not None:
        return hashlib.sha256(document.source_bytes).hexdigest()
    h = hashlib.sha256()
    for p in document.pages:
        h.update(p.text.encode("utf-8") + b"\f")
    return h.hexdigest()


def summary_rows(s: PublicSummary) -> list[list[str]]:
    rows = [["cases", "", str(s.cases)], ["exported_cases", "", str(s.exported_cases)],
            ["overrides", "", str(s.overrides)]]
    for name, table in (("recipient", s.by_recipient), ("category", s.by_category), ("decision", s.by_decision),
                        ("overrides_by_category", s.overrides_by_category),
                        ("overrides_by_recipient", s.overrides_by_recipient)):
        rows += [[name, k, str(v)] for k, v in table.items()]
    for cat, table in s.by_category_decision.items():
        rows += [["category_decision", f"{cat}/{d}", str(v)] for d, v in table.items()]
    return rows


def _csv(header: Iterable[str], rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(header))
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _pair(recognizer: str) -> tuple[str, str]:
    name, _, version = recognizer.partition(":")
    return name, version

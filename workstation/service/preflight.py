"""What the window's pre-flight check and counsel's queue show: plain data built by ``Review.preflight`` and
``Review.counsel_queue`` from the case's items and the domain's rules (``Case.export_blockers``), never the text of
a finding."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from workstation.domain.case import Blocker, CaseItem
from workstation.domain.review import FindingKey
from workstation.service.items import Item


def finding_key(item: CaseItem) -> FindingKey | None:
    """The finding a case item is about (None for a manual redaction)."""
    if item.item.startswith("manual:"):
        return None
    try:
        return FindingKey(*json.loads(item.item))
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class Preflight:
    """Everything that decides whether the case can be exported now, all at once."""

    name: str  # the case as the reviewer named it (not its id)
    recipient: str
    state: str
    blockers: list[Blocker] = field(default_factory=list)
    redactions: int = 0  # findings redacted
    manual: int = 0  # manual, page and search-and-redact boxes
    releases: int = 0
    releases_with_reason: int = 0
    not_pi: int = 0
    deferred: int = 0
    pending: int = 0

    @property
    def ready(self) -> bool:
        return not self.blockers


@dataclass(frozen=True)
class QueueEntry:
    """One line of counsel's queue: a deferred item, or a release of a protected category, with its reason."""

    item: Item
    why: str  # "deferred" | "protected release" | "not personal information (protected)"

    @property
    def reason(self) -> str:
        return self.item.record.reason if self.item.record is not None else ""

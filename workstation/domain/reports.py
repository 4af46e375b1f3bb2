"""Reports as pure data: the Vaughn index of a case and the aggregate public-reporting summary across cases.

No rendering and no I/O here: the CLI/window turn these rows into CSV, PDF or a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from workstation.domain.exemptions import ExemptionCatalog


@dataclass(frozen=True)
class VaughnRow:
    """One withheld item: where, what kind, under which exemption and why, who decided and who approved."""

    document: str
    page: int
    category: str
    exemption_code: str
    justification: str
    reviewer: str
    approver: str  # counsel who signed off ("" when no sign-off was required)
    decided_at: str

    def to_dict(self) -> dict[str, object]:
        return {"document": self.document, "page": self.page, "category": self.category,
                "exemption_code": self.exemption_code, "justification": self.justification,
                "reviewer": self.reviewer, "approver": self.approver, "decided_at": self.decided_at}


COLUMNS = ("document", "page", "category", "exemption_code", "justification", "reviewer", "approver", "decided_at")


@dataclass(frozen=True)
class Withheld:
    """A redacted item as the store knows it (no text): the input of ``vaughn_index``."""

    document: str
    page: int
    category: str
    exemption_code: str
    reviewer: str
    decided_at: str
    reason: str = ""  # the reviewer's own justification, if any (written by a person: no personal information)


def vaughn_index(items: Iterable[Withheld], catalog: ExemptionCatalog, approver: str = "") -> list[VaughnRow]:
    """One row per withheld item in document/page order; the justification is the exemption's text summary
    followed by the reviewer's reason."""
    rows = []
    for w in sorted(items, key=lambda w: (w.document, w.page, w.category, w.decided_at)):
        justification = catalog.justification(w.exemption_code)
        if w.reason.strip():
            justification = f"{justification} Reviewer: {w.reason.strip()}".strip()
        rows.append(VaughnRow(w.document, w.page, w.category, w.exemption_code, justification, w.reviewer,
                              approver, w.decided_at))
    return rows


@dataclass(frozen=True)
class CaseStatistics:
    """What one case contributes to public reporting: counts only, no names, documents or text."""

    recipient: str  # RecipientType value
    decisions: Sequence[tuple[str, str]]  # (category, decision) per item
    overrides: Sequence[str] = ()  # category per override
    exported: bool = False


@dataclass(frozen=True)
class PublicSummary:
    cases: int
    exported_cases: int
    by_recipient: Mapping[str, int]  # cases per recipient type
    by_category: Mapping[str, int]  # items per category
    by_decision: Mapping[str, int]  # items per decision
    by_category_decision: Mapping[str, Mapping[str, int]]
    overrides: int
    overrides_by_category: Mapping[str, int]
    overrides_by_recipient: Mapping[str, int]
    suppressed_below: int = 0  # counts of 1..suppressed_below-1 are reported as 0 and flagged
    suppressed: Sequence[str] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {"cases": self.cases, "exported_cases": self.exported_cases, "by_recipient": dict(self.by_recipient),
                "by_category": dict(self.by_category), "by_decision": dict(self.by_decision),
                "by_category_decision": {k: dict(v) for k, v in self.by_category_decision.items()},
                "overrides": self.overrides, "overrides_by_category": dict(self.overrides_by_category),
                "overrides_by_recipient": dict(self.overrides_by_recipient),
                "suppressed_below": self.suppressed_below, "suppressed": list(self.suppressed)}


def public_summary(cases: Iterable[CaseStatistics], *, suppress_below: int = 0) -> PublicSummary:
    """Aggregate counts across cases. ``suppress_below`` > 1 blanks small cells (1..n-1) so that a rare category
    in a small period cannot point at a person; the blanked cells are listed in ``suppressed``."""
    cases = list(cases)
    by_recipient: Counter[str] = Counter(c.recipient for c in cases)
    by_category: Counter[str] = Counter()
    by_decision: Counter[str] = Counter()
    cross: dict[str, Counter[str]] = {}
    ov_cat: Counter[str] = Counter()
    ov_rec: Counter[str] = Counter()
    for c in cases:
        for category, decision in c.decisions:
            by_category[category] += 1
            by_decision[decision] += 1
            cross.setdefault(category, Counter())[decision] += 1
        for category in c.overrides:
            ov_cat[category] += 1
            ov_rec[c.recipient] += 1
    suppressed: list[str] = []

    def cells(name: str, counter: Mapping[str, int]) -> dict[str, int]:
        out = {}
        for k in sorted(counter):
            v = counter[k]
            if 0 < v < suppress_below:
                suppressed.append(f"{name}.{k}")
                v = 0
            out[k] = v
        return out

    return PublicSummary(
        cases=len(cases),
        exported_cases=sum(1 for c in cases if c.exported),
        by_recipient=cells("by_recipient", by_recipient),
        by_category=cells("by_category", by_category),
        by_decision=cells("by_decision", by_decision),
        by_category_decision={k: cells(f"by_category_decision.{k}", v) for k, v in sorted(cross.items())},
        overrides=sum(ov_cat.values()),
        overrides_by_category=cells("overrides_by_category", ov_cat),
        overrides_by_recipient=cells("overrides_by_recipient", ov_rec),
        suppressed_below=suppress_below,
        suppressed=tuple(suppressed),
    )

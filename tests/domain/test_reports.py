"""Vaughn index rows and the aggregate public-reporting summary (pure data)."""

from __future__ import annotations

import json

from workstation.domain.exemptions import ExemptionCatalog
from workstation.domain.reports import COLUMNS, CaseStatistics, Withheld, public_summary, vaughn_index


def test_vaughn_index_rows() -> None:
    catalog = ExemptionCatalog.from_file()
    rows = vaughn_index([
        Withheld("b.pdf", 2, "ADDRESS", "87(2)(b); AC 23-1202", "clerk1", "2026-05-01T10:00:00Z"),
        Withheld("a.pdf", 3, "A_NUMBER", "(b)(6); EO 34/41", "clerk1", "2026-05-01T10:01:00Z", "immigration id"),
    ], catalog, approver="counsel1")
    assert [(r.document, r.page) for r in rows] == [("a.pdf", 3), ("b.pdf", 2)]
    first = rows[0]
    assert first.justification.startswith("(b)(6): Personnel, medical and similar files")
    assert "EO 34/41: Confidential information" in first.justification
    assert first.justification.endswith("Reviewer: immigration id")
    assert first.approver == "counsel1" and tuple(first.to_dict()) == COLUMNS


def test_public_summary_counts_only() -> None:
    cases = [
        CaseStatistics("public", [("PERSON", "redact"), ("ADDRESS", "redact"), ("PERSON", "release")], (), True),
        CaseStatistics("federal-immigration", [("ADDRESS", "release"), ("NATIONALITY", "redact")], ["ADDRESS"],
                       True),
        CaseStatistics("public", [("PERSON", "redact")], (), False),
    ]
    s = public_summary(cases)
    assert (s.cases, s.exported_cases, s.overrides) == (3, 2, 1)
    assert s.by_recipient == {"federal-immigration": 1, "public": 2}
    assert s.by_category == {"ADDRESS": 2, "NATIONALITY": 1, "PERSON": 3}
    assert s.by_decision == {"redact": 4, "release": 2}
    assert s.by_category_decision["PERSON"] == {"redact": 2, "release": 1}
    assert s.overrides_by_category == {"ADDRESS": 1} and s.overrides_by_recipient == {"federal-immigration": 1}
    json.dumps(s.to_dict())


def test_small_cells_suppressed() -> None:
    cases = [CaseStatistics("court", [("PERSON", "redact")] * 6 + [("SEVIS_ID", "release")], ["SEVIS_ID"])]
    s = public_summary(cases, suppress_below=5)
    assert s.by_category == {"PERSON": 6, "SEVIS_ID": 0}
    assert "by_category.SEVIS_ID" in s.suppressed and "by_recipient.court" in s.suppressed

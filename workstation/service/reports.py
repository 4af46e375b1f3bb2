"""What goes out with an export and what supervisors read: the Vaughn index, the disclosure record, the public
summary, the trail's verification."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from workstation.domain.case import Case, CaseState, decisions_digest
from workstation.domain.naming import FALLBACK
from workstation.domain.policy_engine import (
    Disposition,
)
from workstation.domain.reports import (
    COLUMNS,
    CaseStatistics,
    PublicSummary,
    VaughnRow,
    Withheld,
    public_summary,
    vaughn_index,
)
from workstation.service.items import (
    QA_COLUMNS,
    _csv,
)
from workstation.service.spot_checks import SpotChecks


class Reports(SpotChecks):
    # ----- reports
    def vaughn(self, case_id: str) -> list[VaughnRow]:
        case = self.state(case_id)
        policy = self.policies.policy(case.context.recipient)
        labels = self.store.document_labels(case_id)  # the requester sees safe labels, never the file names
        withheld = []
        for i in self.items(case_id):
            if self.policies.effective_action(case.context, i.category, i.decision, i.override) is Disposition.RELEASE:
                continue
            r = i.record
            withheld.append(Withheld(labels.get(i.key.document) or FALLBACK, i.key.page, i.category,
                                     (r.reason_code if r and r.reason_code else policy.exemption_code(i.category)),
                                     r.user if r else "(pending)", r.decided_at if r else "",
                                     r.reason if r and not r.reason.startswith("default action of") else ""))
        for m in self.store.manual(case_id):
            withheld.append(Withheld(labels.get(m.document) or FALLBACK, m.page, f"MANUAL-{m.kind.value.upper()}",
                                     m.reason_code or policy.exemption_code("PERSON"), m.user, m.created_at))
        approver = case.sign_off.actor if case.sign_off else ""
        return vaughn_index(withheld, self.policies.catalog, approver)

    def disclosure_record(self, case_id: str, *, approver: str = "", audit_head: str = "") -> dict[str, Any]:
        case = self.state(case_id)
        rec = self.store.case(case_id)
        assert rec is not None
        items = self.case_items(case_id)
        released = case.released(items, self.policies)
        return {
            "case": self.case_label(case_id), "case_id": case_id,
            "recipient": case.context.recipient.value, "recipient_label": case.context.recipient.label,
            "legal_basis": case.context.legal_basis.to_dict(),
            "disclosure_class": case.context.disclosure_class.value,
            "request_reference": case.context.request_reference,
            "approval_reference": case.context.approval_reference,
            "approver": approver or (case.sign_off.actor if case.sign_off else ""),
            "signed_off_at": case.sign_off.at if case.sign_off else "",
            "sign_off_digest": case.sign_off.digest if case.sign_off else "",
            "decisions_digest": decisions_digest(items),
            "items": len(items), "released": len(released), "withheld": len(items) - len(released),
            "overrides": [{"category": o.category, "actor": o.actor, "legal_basis": o.legal_basis.to_dict(),
                           "at": o.at} for o in self.store.overrides(case_id).values()],
            "audit_head": audit_head or self.store.audit_head(case_id)[1],
            "audit_records": self.store.audit_head(case_id)[0],
            "policy_sha256": self.policy_sha256(case.context.recipient),
            # what the recipient checks: the administrators' key fingerprints the signatures were verified up to
            # (compare with the fingerprint the department publishes) and the keys that signed
            "trust_anchor": self.anchor.to_dict() if self.anchor is not None else None,
            "signatures": self._signature_summary(case),
            "written_at": self.clock(),
        }

    def _signature_summary(self, case: Case) -> dict[str, Any]:
        def key_of(name: str) -> str:
            user = self.users.get(name) if self.users is not None else None
            return user.key.fingerprint if user is not None and user.key is not None else ""

        out: dict[str, Any] = {"overrides": [{"category": o.category, "signer": o.actor, "key": key_of(o.actor),
                                              "signed": bool(o.signature)}
                                             for o in self.store.overrides(case.case_id).values()]}
        if case.sign_off is not None:
            out["sign_off"] = {"signer": case.sign_off.actor, "key": key_of(case.sign_off.actor),
                               "signed": bool(case.sign_off.signature)}
        return out

    def report_files(self, case_id: str, *, approver: str = "", audit_head: str = "",
                     table_pdf: Callable[..., bytes] | None = None) -> dict[str, bytes]:
        """The Vaughn index (CSV, PDF), the disclosure record (JSON) and, if spot-checked, the QA report (CSV)."""
        if table_pdf is None:
            from workstation.documents.report_pdf import table_pdf as default_table_pdf

            table_pdf = default_table_pdf
        rec = self.store.case(case_id)
        assert rec is not None
        case = self.state(case_id)
        rows = self.vaughn(case_id)
        files = {"vaughn-index.csv": _csv(COLUMNS, [[r.to_dict()[c] for c in COLUMNS] for r in rows])}
        files["vaughn-index.pdf"] = table_pdf(
            f"Vaughn index - {self.case_label(case_id)}",
            [f"Recipient: {case.context.recipient.label}; legal basis: {case.context.legal_basis.describe()}; "
             f"class: {case.context.disclosure_class.value}",
             f"Approver: {approver or (case.sign_off.actor if case.sign_off else '(none)')}; {len(rows)} item(s) "
             "withheld"],
            ["Document", "Page", "Category", "Exemption", "Justification", "Reviewer", "Approver", "Time"],
            [[r.document, str(r.page), r.category, r.exemption_code, r.justification, r.reviewer, r.approver,
              r.decided_at] for r in rows],
            widths=[2.2, 0.6, 1.6, 1.4, 4.2, 1.2, 1.2, 1.8])
        record = self.disclosure_record(case_id, approver=approver, audit_head=audit_head)
        files["disclosure-record.json"] = (json.dumps(record, indent=2, sort_keys=True) + "\n").encode("utf-8")
        qa = self.qa_rows(case_id)
        if qa:
            files["qa-report.csv"] = _csv(QA_COLUMNS, qa)
        return files

    def summary(self, *, suppress_below: int = 0) -> PublicSummary:
        stats = []
        for rec in self.store.cases():
            case = self.store.case_state(rec.id)
            if case is None:
                continue
            items = self.items(rec.id)
            stats.append(CaseStatistics(case.context.recipient.value,
                                        [(i.category, i.decision or "pending") for i in items],
                                        [o.category for o in self.store.overrides(rec.id).values()],
                                        case.state is CaseState.EXPORTED))
        return public_summary(stats, suppress_below=suppress_below)


    # ----- audit
    def verify(self, case_id: str, anchors: Sequence[tuple[int | None, str]] = ()) -> Any:
        """The case's chain checked record by record, against the head the store anchors and any heads kept
        outside the store (``anchors``: a disclosure record's ``audit_head``). A case with no records at all is
        broken: every case's trail starts when it is opened, so an empty chain was deleted."""
        return self.verify_trail(case_id, anchors)



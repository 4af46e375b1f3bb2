"""A case's life: created from its scan, its disclosure context, submitted, signed off, returned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from workstation.domain.audit import (
    EventType,
)
from workstation.domain.case import Case, CaseState
from workstation.domain.case_record import CaseRecord, case_id_for
from workstation.domain.disclosure import DisclosureContext
from workstation.domain.errors import (
    CaseStateError,
    UsageError,
)
from workstation.domain.free_text import CASE_LABEL_FALLBACK
from workstation.domain.policy_engine import (
    Disposition,
)
from workstation.domain.review import (
    Action,
    Change,
    Decision,
    DecisionRecord,
)
from workstation.domain.roles import Permission, User, require
from workstation.domain.signing import Signer
from workstation.service.approvals import Approvals
from workstation.service.items import (
    DEFAULT_RECIPIENT,
    RESERVED_NAMES,
    _masked,
    _pair,
    document_sha256,
)


class Lifecycle(Approvals):
    # ----- creating and scanning
    def create(self, sources: Sequence[str], name: str, context: DisclosureContext, user: User,
               scanned: Sequence[Any] | None = None) -> CaseRecord:
        """Open a case; its references are checked for personal information and its name is recorded in the trail
        by its safe label (from the findings of ``scanned``, when given)."""
        require(user, Permission.OPEN_CASE, name)
        if name in RESERVED_NAMES or not name.strip():
            raise UsageError(f"{name!r} cannot be a case name")
        problem = context.problem()
        if problem:
            raise UsageError(problem)
        findings = [f for s in scanned or () for f in s.findings]
        self.refuse_personal(None, self._reference_fields(context), findings)
        existing = self.store.find_case(name)
        if existing is not None:
            raise UsageError(f"a case named {name!r} already exists")
        other = self.store.case(case_id_for(sources))
        if other is not None and self.store.case_state(other.id) is not None:
            raise UsageError(f"these files are already case {other.name!r}")
        rec = self.store.open_case(sources, name)
        case = Case(rec.id, context, label=self._label(None, name, findings))
        self.store.save_state(rec.id, case, user.name, user.role.value, [(EventType.CASE_OPENED, {
            "case_id": rec.id, "name": case.label, "documents_given": len(sources),
            **self._context_details(context), "policy_sha256": self.policy_sha256(context.recipient)})])
        return rec

    @staticmethod
    def _reference_fields(ctx: DisclosureContext) -> dict[str, str]:
        return {"the legal basis' reference": ctx.legal_basis.reference, "the request reference":
                ctx.request_reference, "the approval reference": ctx.approval_reference}

    def create_scanned(self, sources: Sequence[str], name: str, context: DisclosureContext, user: User,
                       scanned: Sequence[Any], versions: dict[str, str], *,
                       labels: Mapping[str, str] | None = None) -> tuple[CaseRecord, int]:
        """Create a case from its scan (``create`` then ``record_scan``) in one transaction: a failure at any step
        - a refusal, a duplicate, an error writing - leaves no case, no rows and no audit records. Returns the case
        and its findings."""
        with self.store.transaction():
            rec = self.create(sources, name, context, user, scanned)
            return rec, self.record_scan(rec, user, scanned, versions, labels=labels)

    @staticmethod
    def _context_details(ctx: DisclosureContext) -> dict[str, Any]:
        return {"recipient": ctx.recipient.value, "legal_basis": ctx.legal_basis.to_dict(),
                "disclosure_class": ctx.disclosure_class.value, "request_reference": ctx.request_reference,
                "approval_reference": ctx.approval_reference}

    def ensure_state(self, rec: CaseRecord, user: User) -> Case:
        """A case opened in the window gets the default context (public) the first time, recorded as opened."""
        case = self.store.case_state(rec.id)
        if case is None:
            label = self._label(None, rec.name) if self.detector is not None else CASE_LABEL_FALLBACK
            case = Case(rec.id, DisclosureContext(DEFAULT_RECIPIENT), label=label)
            self.store.save_state(rec.id, case, user.name, user.role.value, [(EventType.CASE_OPENED, {
                "case_id": rec.id, "name": case.label, **self._context_details(case.context)})])
        return case

    def set_context(self, case_id: str, user: User, context: DisclosureContext) -> Case:
        """Change the recipient, legal basis or class: a change, so it voids a sign-off."""
        with self._audited(case_id, user, "set-context"):
            require(user, Permission.DECIDE, "the case's disclosure context")
            problem = context.problem()
            if problem:
                raise CaseStateError(problem)
            self.refuse_personal(case_id, self._reference_fields(context))
            old = self.state(case_id)
            new = old.changed(user, "disclosure context changed")
            from dataclasses import replace

            new = replace(new, context=context)
            events: list[tuple[str, dict[str, Any]]] = [("context-changed", {
                "case_id": case_id, "before": self._context_details(old.context),
                "after": self._context_details(context), "policy_sha256": self.policy_sha256(context.recipient)})]
            events += self._voided(old, new)
            self.store.save_state(case_id, new, user.name, user.role.value, events)
            return new

    def record_scan(self, rec: CaseRecord, user: User, scanned: Sequence[Any], versions: dict[str, str],
                    *, policy_decisions: bool = True, labels: Mapping[str, str] | None = None,
                    engine: Any = None) -> int:
        """Store the scan (document hashes, finding keys, the documents' safe labels), its engine versions, and the
        recipient policy's default decisions for undecided findings (recorded as decisions of the policy). Returns
        the findings. ``labels`` (path -> safe label) are computed from the findings (and, given the detection
        ``engine``, from what it finds in the file names) when not given."""
        require(user, Permission.OPEN_CASE, rec.name)
        if labels is None:
            from workstation.pipeline import document_labels

            labels = document_labels(scanned, engine)
        case = self.ensure_state(rec, user)
        label = self._label(rec.id, rec.name, [f for s in scanned for f in s.findings], engine and engine.analyze_many)
        if label != case.label:
            from dataclasses import replace

            case = replace(case, label=label)
            self.store.save_state(rec.id, case, user.name, user.role.value)
        from workstation.pipeline import keyed

        scanned = keyed(scanned, self.store.text_key(rec.id))  # digests under the case's secret
        docs = [(s.document.path, document_sha256(s.document), len(s.document.pages)) for s in scanned]
        rows = [(f.document, f.page, f.start, f.end, f.entity_type, f.text_digest, float(f.score), f.recognizer,
                 f.allow_digest) for s in scanned for f in s.findings]
        details = {"case_id": rec.id, "documents": len(docs), "findings": len(rows),
                   "engine_version": versions.get("presidio_analyzer", ""), "model": versions.get("model", ""),
                   "model_version": versions.get("model_manifest_sha256", ""),
                   "spacy": versions.get("spacy", ""),
                   "recognizers": dict(_pair(r) for r in versions.get("recognizers", "").split(",") if r)}
        self.store.save_scan(rec.id, docs, rows, user.name, user.role.value, details, labels=labels)
        if policy_decisions:
            self._policy_decisions(rec.id, case, user)
        return len(rows)

    def _policy_decisions(self, case_id: str, case: Case, user: User) -> None:
        policy = self.policies.policy(case.context.recipient)
        at = self.clock()
        changes = []
        for i in self.items(case_id):
            if i.decision is not None:
                continue
            action = policy.default_action(i.category)
            if action is Disposition.REVIEW:
                continue
            decision = Decision.REDACT if action is Disposition.REDACT else Decision.RELEASE
            code = policy.exemption_code(i.category) if decision is Decision.REDACT else ""
            changes.append(Change(None, DecisionRecord(i.key, decision, code,
                                                       f"default action of the {policy.recipient.value} policy",
                                                       user.name, at)))
        if changes:
            label = f"policy default ({policy.recipient.value})"
            self.store.apply(case_id, Action(label, tuple(changes)), user.name, user.role.value)


    # ----- sign-off
    def submit(self, case_id: str, user: User) -> Case:
        with self._audited(case_id, user, "submit"):
            case = self.state(case_id)
            new = case.submit(user, self.case_items(case_id), self.policies)
            self.store.save_state(case_id, new, user.name, user.role.value,
                                  [(EventType.SUBMITTED, {"case_id": case_id})])
            return new

    def signoff_summary(self, case_id: str) -> dict[str, Any]:
        """What counsel signs: protected items released, overrides, anything pending, what else blocks export."""
        case = self.state(case_id)
        items = self.case_items(case_id)
        released = case.released(items, self.policies)
        policy = self.policies.policy(case.context.recipient)
        return {
            "state": case.state.value,
            "recipient": case.context.recipient.value,
            "legal_basis": case.context.legal_basis.describe(),
            "disclosure_class": case.context.disclosure_class.value,
            "items": len(items),
            "protected_released": [(i.document, i.page, i.category) for i in released
                                   if policy.is_protected(i.category)],
            "overrides": [o for o in self.store.overrides(case_id).values()],
            "pending": [(i.document, i.page, i.category, i.decision or "pending")
                        for i in case.pending(items, self.policies)],
            "signoff_reason": case.signoff_reason(items, self.policies),
            "problems": case.export_problems(items, self.policies),
        }

    def sign_off(self, case_id: str, user: User, note: str = "", *, notices: list[str] | None = None,
                 signer: Signer | None = None) -> Case:
        """Counsel signs the case off (submitting it first when it is still in review) with counsel's key
        (``signer``); personal information in the ``note`` is masked (said in ``notices`` and the trail)."""
        with self._audited(case_id, user, "sign-off"):
            require(user, Permission.SIGN_OFF, case_id)
            self._check_signer(user, signer, "a sign-off")
            assert signer is not None
            screened = self.mask_personal(case_id, "the sign-off note", note, notices)
            note = screened.text
            case = self.state(case_id)
            items = self.case_items(case_id)
            events: list[tuple[str, dict[str, Any]]] = []
            if case.state is CaseState.IN_REVIEW:
                case = case.submit(user, items, self.policies)
                events.append((EventType.SUBMITTED, {"case_id": case_id}))
            new = case.sign_off_by(user, items, self.policies, self.clock(), note)
            released = new.released(items, self.policies)
            policy = self.policies.policy(new.context.recipient)
            assert new.sign_off is not None
            records, head = self.store.audit_head(case_id)  # the trail counsel signs after (an anchor)
            so = replace(new.sign_off, policy_sha256=policy.sha256, audit_records=records, audit_head=head)
            new = replace(new, sign_off=replace(so, signature=signer.sign(self.sign_off_statement(case_id, new, so))))
            events.append((EventType.SIGN_OFF, {
                "case_id": case_id, "digest": so.digest, "note": note, "items": len(items),
                "signed_with": signer.fingerprint, "policy_sha256": policy.sha256,
                "protected_released": sum(1 for i in released if policy.is_protected(i.category)),
                "overrides": len(self.store.overrides(case_id)), "recipient": new.context.recipient.value,
                **_masked(screened)}))
            self.store.save_state(case_id, new, user.name, user.role.value, events)
            return new

    def return_to_review(self, case_id: str, user: User, reason: str, *, notices: list[str] | None = None) -> Case:
        """Counsel returns the case to review; personal information in the ``reason`` is masked (said in
        ``notices`` and the trail)."""
        with self._audited(case_id, user, "return"):
            case = self.state(case_id)
            case.return_to_review(user, reason)  # refused (no reason, wrong state, role) before the engine runs
            screened = self.mask_personal(case_id, "the reason", reason, notices)
            new = case.return_to_review(user, screened.text)
            self.store.save_state(case_id, new, user.name, user.role.value,
                                  [(EventType.RETURNED, {"case_id": case_id, "reason": screened.text,
                                                         **_masked(screened)}),
                                   *self._voided(case, new)])
            return new


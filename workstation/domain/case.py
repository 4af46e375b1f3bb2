"""The case state machine: in review -> ready for sign-off -> signed off -> exported.

::

    IN_REVIEW --submit--> READY_FOR_SIGN_OFF --sign_off (counsel)--> SIGNED_OFF --exported--> EXPORTED
        ^                       |                                        |                      |
        +------return (counsel)-+----------------------------------------+                      |
        +------any change (decision, undo, override, manual box) after sign-off: sign-off VOID -+

A ``Case`` is immutable: every transition returns a new one (the store persists it and the caller appends the
matching audit event) or raises ``CaseStateError`` / ``ExportRefused`` / ``PermissionDenied`` (exit 4) with a
one-line reason. The items of a case are given to each check as ``CaseItem``s (one per finding, and one per
manual redaction with decision "redact"), so the case holds no findings and no text.

Sign-off records a digest of every item's decision and override; export recomputes it, so a change that did not
go through ``changed`` still voids the sign-off.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from workstation.domain.disclosure import DisclosureContext
from workstation.domain.errors import CaseStateError, ExportRefused
from workstation.domain.policy_engine import (
    DEFER,
    RELEASING,
    Disposition,
    Override,
    PolicyEngine,
)
from workstation.domain.roles import Permission, User, require


class CaseState(StrEnum):
    IN_REVIEW = "in-review"
    READY_FOR_SIGN_OFF = "ready-for-sign-off"
    SIGNED_OFF = "signed-off"
    EXPORTED = "exported"


@dataclass(frozen=True)
class CaseItem:
    """One finding (or manual redaction) of a case as the rules see it: where, what category, which decision."""

    item: str  # policy_engine.item_id(...) of the finding; a manual redaction's id
    document: str
    page: int
    category: str
    decision: str | None = None  # review.Decision value; None = pending
    override: Override | None = None


class Fix(StrEnum):
    """What fixes an export blocker: the case's properties (recipient, legal basis, disclosure class, the privacy
    officer's approval), decisions on its items, or counsel's sign-off."""

    PROPERTIES = "properties"
    ITEMS = "items"
    SIGN_OFF = "sign-off"


@dataclass(frozen=True)
class Blocker:
    """One reason a case cannot be exported now (``Case.export_blockers``)."""

    message: str
    fix: Fix
    items: tuple[CaseItem, ...] = ()


@dataclass(frozen=True)
class SignOff:
    actor: str
    at: str
    digest: str  # decisions_digest() of the items signed off
    note: str = ""
    signature: str = ""  # counsel's Ed25519 signature of ``signing.sign_off_statement`` (base64)
    policy_sha256: str = ""  # the recipient policy file signed under
    # the case's trail as counsel saw it when signing (records, head hash): signed with the rest, so the trail
    # before the sign-off cannot be rewritten and re-chained without breaking the signature's anchor
    audit_records: int = 0
    audit_head: str = ""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"actor": self.actor, "at": self.at, "digest": self.digest, "note": self.note}
        if self.signature:
            out.update(signature=self.signature, policy_sha256=self.policy_sha256)
        if self.audit_head:
            out.update(audit_records=self.audit_records, audit_head=self.audit_head)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> SignOff:
        records = data.get("audit_records", 0)
        return cls(str(data["actor"]), str(data["at"]), str(data["digest"]), str(data.get("note", "")),
                   str(data.get("signature", "")), str(data.get("policy_sha256", "")),
                   records if isinstance(records, int) else 0, str(data.get("audit_head", "")))


def decisions_digest(items: Sequence[CaseItem]) -> str:
    """SHA-256 over every item's identity, decision and override (order-independent)."""
    rows = sorted(
        [i.item, i.document, i.page, i.category, i.decision or "", i.override.digest() if i.override else ""]
        for i in items
    )
    return hashlib.sha256(json.dumps(rows, separators=(",", ":"), ensure_ascii=False).encode("utf-8")).hexdigest()


def _where(item: CaseItem) -> str:
    return f"{item.document} p.{item.page}"


def _summarise(items: Sequence[CaseItem]) -> str:
    """'3 items (ADDRESS x2, NATIONALITY), first: a.pdf p.2'."""
    counts = Counter(i.category for i in items)
    cats = ", ".join(f"{c} x{n}" if n > 1 else c for c, n in sorted(counts.items()))
    return f"{len(items)} item{'s' if len(items) != 1 else ''} ({cats}), first: {_where(items[0])}"


@dataclass(frozen=True)
class Case:
    case_id: str
    context: DisclosureContext
    state: CaseState = CaseState.IN_REVIEW
    sign_off: SignOff | None = None
    voided_sign_off: SignOff | None = None  # the last sign-off voided by a change (shown to the reviewer)
    note: str = ""  # why it was last returned or voided (one line)
    label: str = ""  # the case name's safe label (``free_text.FreeTextScreen.label``): what leaves the store

    # ----- queries
    @property
    def is_signed_off(self) -> bool:
        return self.state in (CaseState.SIGNED_OFF, CaseState.EXPORTED) and self.sign_off is not None

    def released(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[CaseItem]:
        """Items whose text the export leaves visible."""
        return [i for i in items
                if engine.effective_action(self.context, i.category, i.decision, i.override) is Disposition.RELEASE]

    def pending(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[CaseItem]:
        """Items that block sign-off and export: protected ones undecided or deferred, and others undecided whose
        policy default is ``review``."""
        policy = engine.policy(self.context.recipient)
        return [i for i in items if i.decision == DEFER
                or (i.decision is None and (policy.is_protected(i.category) or policy.is_locked(i.category)
                                            or policy.default_action(i.category) is Disposition.REVIEW))]

    def rule_problems(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[str]:
        """Decisions that break the recipient's rules (a locked category released without a valid override)."""
        return [problem for _, problem in self._rule_problems(items, engine)]

    def _rule_problems(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[tuple[CaseItem, str]]:
        out = []
        for i in items:
            if i.decision in RELEASING:
                problem = engine.override_problem(self.context, i.category, i.override)
                if problem and engine.policy(self.context.recipient).is_locked(i.category):
                    out.append((i, f"{_where(i)}: {problem}"))
        return out

    def signoff_reason(self, items: Sequence[CaseItem], engine: PolicyEngine) -> str | None:
        """Why this case needs counsel's sign-off before export, or None."""
        return engine.needs_signoff(self.context, [i.category for i in self.released(items, engine)])

    def export_problems(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[str]:
        """Every reason the case cannot be exported now, most fundamental first (each one line)."""
        return [b.message for b in self.export_blockers(items, engine)]

    def export_blockers(self, items: Sequence[CaseItem], engine: PolicyEngine) -> list[Blocker]:
        """``export_problems`` with what fixes each one (``Blocker.fix``) and the items it is about, so that a
        pre-flight check can list every blocker at once and lead to the item or setting that fixes it."""
        out: list[Blocker] = []
        ctx_problem = engine.context_problem(self.context)
        if ctx_problem:
            out.append(Blocker(ctx_problem, Fix.PROPERTIES))
        pending = self.pending(items, engine)
        protected = [i for i in pending if engine.policy(self.context.recipient).is_protected(i.category)]
        if protected:
            out.append(Blocker(f"protected items still pending: {_summarise(protected)}", Fix.ITEMS, tuple(protected)))
        others = [i for i in pending if i not in protected]
        if others:
            out.append(Blocker(f"items still pending review: {_summarise(others)}", Fix.ITEMS, tuple(others)))
        out.extend(Blocker(problem, Fix.ITEMS, (item,)) for item, problem in self._rule_problems(items, engine))
        released = [i.category for i in self.released(items, engine)]
        class_problem = engine.disclosure_class_problem(self.context, released)
        if class_problem:
            out.append(Blocker(class_problem, Fix.PROPERTIES))
        reason = engine.needs_signoff(self.context, released)
        if reason:
            if not self.is_signed_off:
                out.append(Blocker(f"not signed off: {reason}", Fix.SIGN_OFF))
            elif self.sign_off is not None and self.sign_off.digest != decisions_digest(items):
                out.append(Blocker(f"decisions changed since {self.sign_off.actor} signed off at {self.sign_off.at}: "
                                   "the sign-off is void, submit the case again", Fix.SIGN_OFF))
        if self.state is CaseState.READY_FOR_SIGN_OFF and not reason:
            out.append(Blocker("the case is waiting for sign-off: sign it off or return it to review first",
                               Fix.SIGN_OFF))
        return out

    def release_requirements(self, categories: Sequence[str], engine: PolicyEngine) -> list[str]:
        """What releasing items of ``categories`` (a new release or "not personal information") will need before
        this case can be exported, said when the decision is made rather than at export: the privacy officer's
        approval (a protected category leaving the department outside a routine disclosure, Admin Code §23-1202;
        recorded in Case properties) and counsel's sign-off. Empty when nothing more is needed. Locked categories
        are refused outright (``PolicyEngine.check_decision``)."""
        wanted = sorted(set(categories))
        out: list[str] = []
        class_problem = engine.disclosure_class_problem(self.context, wanted)
        if class_problem:
            out.append(f"needs the privacy officer's approval before export: {class_problem} "
                       "(Case > Case properties: disclosure class)")
        signoff = engine.needs_signoff(self.context, wanted)
        if signoff and engine.policy(self.context.recipient).protected & set(wanted):
            out.append(f"needs counsel's sign-off before export: {signoff} (Case > Submit for sign-off)")
        return out

    # ----- transitions
    def submit(self, user: User, items: Sequence[CaseItem], engine: PolicyEngine) -> Case:
        """In review -> ready for sign-off; refused while items are undecided (deferred items go to counsel)."""
        require(user, Permission.SUBMIT, self.case_id)
        self._expect(CaseState.IN_REVIEW, "submit")
        undecided = [i for i in self.pending(items, engine) if i.decision is None]
        if undecided:
            raise CaseStateError(f"cannot submit {self.case_id}: undecided {_summarise(undecided)}")
        return replace(self, state=CaseState.READY_FOR_SIGN_OFF, note="")

    def sign_off_by(self, user: User, items: Sequence[CaseItem], engine: PolicyEngine, at: str,
                    note: str = "") -> Case:
        """Ready for sign-off -> signed off (counsel only); refused while anything is pending or breaks a rule."""
        require(user, Permission.SIGN_OFF, self.case_id)
        self._expect(CaseState.READY_FOR_SIGN_OFF, "sign off")
        pending = self.pending(items, engine)
        if pending:
            raise CaseStateError(f"cannot sign off {self.case_id}: pending {_summarise(pending)}")
        problems = self.rule_problems(items, engine)
        ctx_problem = engine.context_problem(self.context)
        if ctx_problem:
            problems.insert(0, ctx_problem)
        if problems:
            raise CaseStateError(f"cannot sign off {self.case_id}: {problems[0]}")
        return replace(self, state=CaseState.SIGNED_OFF, sign_off=SignOff(user.name, at, decisions_digest(items), note),
                       voided_sign_off=None, note="")

    def return_to_review(self, user: User, reason: str) -> Case:
        """Ready for sign-off / signed off / exported -> in review (counsel, with a reason); voids any sign-off."""
        require(user, Permission.RETURN, self.case_id)
        if self.state is CaseState.IN_REVIEW:
            raise CaseStateError(f"{self.case_id} is already in review")
        if not reason.strip():
            raise CaseStateError("returning a case to review needs a reason")
        return replace(self, state=CaseState.IN_REVIEW, sign_off=None,
                       voided_sign_off=self.sign_off or self.voided_sign_off, note=f"returned: {reason.strip()}")

    def changed(self, user: User, what: str = "a decision changed") -> Case:
        """Call for any change to the case's items (decision, undo, override, manual redaction, allow-list).

        Needs DECIDE (or OVERRIDE for an override). After sign-off (signed off or exported) the sign-off is void
        and the case goes back to review; while ready for sign-off it stays there (counsel works on it)."""
        if not (user.can(Permission.DECIDE) or user.can(Permission.OVERRIDE)):
            require(user, Permission.DECIDE, self.case_id)
        if self.state in (CaseState.SIGNED_OFF, CaseState.EXPORTED):
            voided = self.sign_off
            signer = f" by {voided.actor}" if voided else ""
            return replace(self, state=CaseState.IN_REVIEW, sign_off=None, voided_sign_off=voided,
                           note=f"sign-off{signer} void: {what} by {user.name}")
        return self

    def check_export(self, user: User, items: Sequence[CaseItem], engine: PolicyEngine) -> None:
        """Raise ``ExportRefused`` (exit 4) with the first reason, or return when the export may go ahead."""
        require(user, Permission.EXPORT, self.case_id)
        problems = self.export_problems(items, engine)
        if problems:
            more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
            raise ExportRefused(f"{self.case_id}: export refused: {problems[0]}{more}")

    def exported(self, user: User, items: Sequence[CaseItem], engine: PolicyEngine) -> Case:
        """After a verified export was written: -> exported (re-exporting an unchanged case is allowed)."""
        self.check_export(user, items, engine)
        return replace(self, state=CaseState.EXPORTED)

    def _expect(self, state: CaseState, verb: str) -> None:
        if self.state is not state:
            raise CaseStateError(f"cannot {verb} {self.case_id}: it is {self.state.value}, not {state.value}")

    # ----- persistence
    def to_dict(self) -> dict[str, object]:
        return {"case_id": self.case_id, "context": self.context.to_dict(), "state": self.state.value,
                "sign_off": self.sign_off.to_dict() if self.sign_off else None,
                "voided_sign_off": self.voided_sign_off.to_dict() if self.voided_sign_off else None,
                "note": self.note, **({"label": self.label} if self.label else {})}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Case:
        ctx = data["context"]
        so = data.get("sign_off")
        vo = data.get("voided_sign_off")
        if not isinstance(ctx, dict):
            raise ValueError("case context must be an object")
        return cls(str(data["case_id"]), DisclosureContext.from_dict(ctx), CaseState(str(data["state"])),
                   SignOff.from_dict(so) if isinstance(so, dict) else None,
                   SignOff.from_dict(vo) if isinstance(vo, dict) else None, str(data.get("note", "")),
                   str(data.get("label", "")))

"""Decisions and counsel's overrides: the same rules for the command line and the window."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from workstation.domain.case import Case
from workstation.domain.disclosure import LegalBasis, LegalBasisKind
from workstation.domain.errors import (
    PolicyViolation,
    UsageError,
)
from workstation.domain.policy_engine import (
    DEFER,
    REDACT,
    RELEASE,
    RELEASING,
    Override,
)
from workstation.domain.review import (
    Action,
    AllowEntry,
    Change,
    Decision,
    DecisionRecord,
    FindingKey,
    release_reason_problem,
)
from workstation.domain.roles import Permission, User, require
from workstation.domain.signing import Signer
from workstation.service.items import (
    full_item_id,
)
from workstation.service.lifecycle import Lifecycle


class Review(Lifecycle):
    # ----- decisions and overrides
    def decide(self, case_id: str, user: User, ids: Sequence[str], decision: str, *, all_pending: bool = False,
               reason: str = "", reason_code: str = "") -> int:
        """Decide findings (redact / release / defer); the recipient's rules and the user's role are checked."""
        with self._audited(case_id, user, f"decide {decision}"):
            require(user, Permission.DECIDE, "findings")
            if decision not in (REDACT, RELEASE, DEFER):
                raise UsageError(f"unknown decision {decision!r} (redact, release or defer)")
            case = self.state(case_id)
            items = self.items(case_id)
            chosen = ([i for i in items if i.decision is None or i.decision == DEFER] if all_pending
                      else [self.item(case_id, ident) for ident in ids])
            if not chosen:
                return 0
            self.refuse_personal(case_id, {"the reason": reason})
            at = self.clock()
            changes = []
            for i in chosen:
                self.policies.check_decision(case.context, user, i.category, decision, i.override)
                problem = release_reason_problem(i.category, reason) if decision == RELEASE else None
                if problem:
                    raise PolicyViolation(f"{problem} (--reason)", category=i.category)
                code = (reason_code or self.policies.exemption_code(case.context.recipient, i.category)
                        if decision == REDACT else "")
                changes.append(Change(i.record, DecisionRecord(i.key, Decision(decision), code, reason.strip(),
                                                               user.name, at)))
            new = case.changed(user, f"{decision} {len(changes)} finding(s)")
            label = f"{decision} {len(changes)} finding{'s' if len(changes) != 1 else ''}"
            self.store.apply(case_id, Action(label, tuple(changes)), user.name, user.role.value,
                             case=new if new != case else None, events=self._voided(case, new))
            return len(changes)


    def apply_action(self, case_id: str, user: User, action: Action, findings: Iterable[Any] = ()) -> None:
        """A reviewer's action from the window - decisions, manual boxes, allow-list entries ("not personal
        information") and their undo - under the rules ``decide`` applies: the role; the recipient's locked
        categories (released only under counsel's override); a written reason to release a protected category;
        no personal information in a reason. A change voids a sign-off. Refusals are recorded in the trail.

        ``findings``: the case's findings on screen (an allow-list entry releases every finding with its text,
        including those of a scan not yet recorded)."""
        with self._audited(case_id, user, "decide (window)"):
            require(user, Permission.DECIDE, "findings")
            case = self.state(case_id)
            if not action.is_undo:  # an undo puts back what was checked when it was first done
                self._check_reasons(case_id, action)
            self._check_releases(case_id, case, user, action, findings)
            new = case.changed(user, action.label)
            self.store.apply(case_id, action, user.name, user.role.value, case=new if new != case else None,
                             events=self._voided(case, new))

    def _check_reasons(self, case_id: str, action: Action) -> None:
        records = [c.after for c in action.changes if isinstance(c.after, DecisionRecord)]
        for rec in records:
            problem = release_reason_problem(rec.key.category, rec.reason) if rec.decision is Decision.RELEASE else None
            if problem:
                raise PolicyViolation(problem, category=rec.key.category)
        for reason in sorted({rec.reason for rec in records if rec.reason}):
            self.refuse_personal(case_id, {"the reason": reason})

    def _check_releases(self, case_id: str, case: Case, user: User, action: Action, findings: Iterable[Any]) -> None:
        """Refuse leaving visible (release, or "not personal information") an item of a category the recipient's
        policy locks, without counsel's valid override (``PolicyViolation`` / ``PermissionDenied``)."""
        released: list[tuple[FindingKey, str]] = []
        allowed = {c.after.text_digest for c in action.changes if isinstance(c.after, AllowEntry)}
        for change in action.changes:
            after = change.after
            if isinstance(after, DecisionRecord) and after.decision.value in RELEASING:
                released.append((after.key, after.key.category))
        if allowed:  # every finding with this text is released: the recorded scan's and those on screen
            released += [(key, key.category) for key, _, _, allow in self.store.findings(case_id) if allow in allowed]
            released += [(FindingKey.of(f), f.entity_type) for f in findings if f.allow_digest in allowed]
        policy = self.policies.policy(case.context.recipient)
        locked = [(key, category) for key, category in released if policy.is_locked(category)]
        if not locked:
            return
        overrides = {i.key: i.override for i in self.items(case_id)}
        for key, category in locked:
            self.policies.check_decision(case.context, user, category, RELEASE, overrides.get(key))

    def override(self, case_id: str, user: User, ident: str, reason: str, warrant: str,
                 signer: Signer | None = None) -> Override:
        """Counsel's override releasing one protected item, citing a judicial warrant by its number, signed with
        counsel's key (``signer``: unlocked with counsel's passphrase)."""
        with self._audited(case_id, user, "override"):
            case = self.state(case_id)
            i = self.item(case_id, ident)
            basis = LegalBasis.of(LegalBasisKind.JUDICIAL_WARRANT, warrant) if warrant.strip() else LegalBasis()
            ov = self.policies.make_override(case.context, user, full_item_id(i.key), i.category, reason, basis,
                                             self.clock())
            self.refuse_personal(case_id, {"the override's reason": ov.reason,
                                           "the warrant number": basis.reference})
            self._check_signer(user, signer, "an override")
            assert signer is not None
            policy_sha = self.policy_sha256(case.context.recipient)
            ov = replace(ov, policy_sha256=policy_sha,
                         signature=signer.sign(self.override_statement(case_id, case, ov, policy_sha)))
            new = case.changed(user, f"override of {i.category}")
            details = {"case_id": case_id, "item": i.id, **self.store.document_ref(case_id, i.key.document),
                       "page": i.key.page,
                       "start": i.key.start, "end": i.key.end, "category": i.category,
                       "text_digest": i.key.text_digest, "reason": ov.reason, "legal_basis": basis.to_dict(),
                       "override_digest": ov.digest(), "signed_with": signer.fingerprint,
                       "policy_sha256": policy_sha}
            self.store.save_override(case_id, ov, new, user.role.value, details)
            change = Change(i.record, DecisionRecord(i.key, Decision.RELEASE, "", ov.reason, user.name, ov.at))
            self.store.apply(case_id, Action(f"release under override ({basis.describe()})", (change,)), user.name,
                             user.role.value, events=self._voided(case, new))
            return ov


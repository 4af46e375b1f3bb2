"""Decisions and counsel's overrides: the same rules for the command line and the window."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from workstation.domain.case import Blocker, Case, CaseItem, Fix
from workstation.domain.disclosure import LegalBasis, LegalBasisKind
from workstation.domain.errors import (
    PolicyViolation,
    StaleChangeError,
    UsageError,
)
from workstation.domain.model import TEXT_LAYOUT_VERSION
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
    ManualEntry,
    decision_reason_problem,
    release_reason_problem,
)
from workstation.domain.roles import Permission, User, require
from workstation.domain.signing import Signer
from workstation.service.items import (
    full_item_id,
)
from workstation.service.lifecycle import Lifecycle
from workstation.service.preflight import Preflight, QueueEntry


def is_stale_change(exc: BaseException) -> bool:
    """Whether a refusal is the store's lost-update check (another reviewer changed the finding since it was
    read: ``domain.errors.StaleChangeError``, which both stores raise)."""
    return isinstance(exc, StaleChangeError)


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


    def apply_action(self, case_id: str, user: User, action: Action, findings: Iterable[Any] = ()) -> list[str]:
        """A reviewer's action from the window - decisions, manual boxes, allow-list entries ("not personal
        information") and their undo - under the rules ``decide`` applies: the role; the recipient's locked
        categories (released only under counsel's override); a written reason to release a protected category;
        no personal information in a reason. A change voids a sign-off. Refusals are recorded in the trail.

        ``findings``: the case's findings on screen (an allow-list entry releases every finding with its text,
        including those of a scan not yet recorded).

        Returns what the action's releases will still need before export (``Case.release_requirements``: the
        privacy officer's approval, counsel's sign-off), for the window to say at once; [] when nothing."""
        with self._audited(case_id, user, "decide (window)"):
            require(user, Permission.DECIDE, "findings")
            case = self.state(case_id)
            if not action.is_undo:  # an undo puts back what was checked when it was first done
                self._check_reasons(case_id, action)
                self._check_layouts(action)
            released = self._check_releases(case_id, case, user, action, findings)
            new = case.changed(user, action.label)
            self.store.apply(case_id, action, user.name, user.role.value, case=new if new != case else None,
                             events=self._voided(case, new))
            return case.release_requirements([category for _, category in released], self.policies)

    @staticmethod
    def _check_layouts(action: Action) -> None:
        """A new manual box is drawn on the current layout of its page and records it (``service.layouts``): one
        that says otherwise would be taken for a box placed again when it is not."""
        for change in action.changes:
            after = change.after
            if (isinstance(after, ManualEntry) and change.before is None
                    and after.layout != TEXT_LAYOUT_VERSION):
                raise UsageError(f"a manual box must be drawn on the current layout of its page (layout version "
                                 f"{TEXT_LAYOUT_VERSION}, not {after.layout})")

    def _check_reasons(self, case_id: str, action: Action) -> None:
        records = [c.after for c in action.changes if isinstance(c.after, DecisionRecord)]
        for rec in records:
            problem = decision_reason_problem(rec.decision, rec.key.category, rec.reason)
            if problem:
                raise PolicyViolation(problem, category=rec.key.category)
        for reason in sorted({rec.reason for rec in records if rec.reason}):
            self.refuse_personal(case_id, {"the reason": reason})

    def _check_releases(self, case_id: str, case: Case, user: User, action: Action,
                        findings: Iterable[Any]) -> list[tuple[FindingKey, str]]:
        """Refuse leaving visible (release, or "not personal information") an item of a category the recipient's
        policy locks, without counsel's valid override (``PolicyViolation`` / ``PermissionDenied``). Returns the
        items the action leaves visible."""
        released: list[tuple[FindingKey, str]] = []
        entries = [c.after for c in action.changes if isinstance(c.after, AllowEntry)]
        allowed = {e.text_digest for e in entries}
        scope = {e.text_digest: e.category for e in entries}  # "" = every category
        for change in action.changes:
            after = change.after
            if isinstance(after, DecisionRecord) and after.decision.value in RELEASING:
                released.append((after.key, after.key.category))
        if allowed:  # every finding with this text (in the entry's category) is released: recorded and on screen
            released += [(key, key.category) for key, _, _, allow in self.store.findings(case_id)
                         if allow in allowed and scope[allow] in ("", key.category)]
            released += [(FindingKey.of(f), f.entity_type) for f in findings
                         if f.allow_digest in allowed and scope[f.allow_digest] in ("", f.entity_type)]
        policy = self.policies.policy(case.context.recipient)
        locked = [(key, category) for key, category in released if policy.is_locked(category)]
        if locked:
            overrides = {i.key: i.override for i in self.items(case_id)}
            for key, category in locked:
                self.policies.check_decision(case.context, user, category, RELEASE, overrides.get(key))
        return list(dict.fromkeys(released))

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


    # ----- what counsel and the export's pre-flight check see
    def counsel_queue(self, case_id: str) -> list[QueueEntry]:
        """Deferred items and items of a protected category left visible (released, or "not personal
        information"), with the reviewer's reasons: what counsel reviews before signing off."""
        policy = self.policies.policy(self.state(case_id).context.recipient)
        out = []
        for i in self.items(case_id):
            if i.decision == DEFER:
                out.append(QueueEntry(i, "deferred"))
            elif i.decision == RELEASE and policy.is_protected(i.category):
                out.append(QueueEntry(i, "protected release"))
            elif i.decision == Decision.NOT_PI.value and policy.is_protected(i.category):
                out.append(QueueEntry(i, "not personal information (protected)"))
        return out

    def _trail_blockers(self, case_id: str) -> list[Blocker]:
        """The trail export's own check refuses (``verify_trail``), as one line: nothing in the window fixes it
        (an administrator's ``audit endorse-legacy``, where it says so)."""
        trail = self.verify_trail(case_id)
        if trail.ok:
            return []
        return [Blocker(f"the audit trail is broken at record {(trail.bad_index or 0) + 1}: {trail.reason}",
                        Fix.ITEMS)]

    def preflight(self, case_id: str) -> Preflight:
        """Every reason the case cannot be exported now (``Case.export_blockers``, each with what fixes it) and
        what the export will do: redactions, releases (with reasons), not-PI items, manual boxes."""
        case = self.state(case_id)
        items = self.items(case_id)
        decisions = [i.decision for i in items]
        rec = self.store.case(case_id)
        return Preflight(
            name=rec.name if rec is not None else self.case_label(case_id),
            recipient=case.context.recipient.label, state=case.state.value,
            blockers=[*case.export_blockers(self.case_items(case_id), self.policies),
                      *(Blocker(b.message(), Fix.ITEMS, (CaseItem(f"manual:{b.entry.id}", b.document, b.page,
                                                                  f"MANUAL-{b.entry.kind.value.upper()}", REDACT),))
                        for b in self.misplaced_manual(case_id)),
                      *self._trail_blockers(case_id)],
            redactions=decisions.count(REDACT), manual=len(self.store.manual(case_id)),
            releases=decisions.count(RELEASE),
            releases_with_reason=sum(1 for i in items if i.decision == RELEASE and i.record and i.record.reason),
            not_pi=decisions.count(Decision.NOT_PI.value), deferred=decisions.count(DEFER),
            pending=decisions.count(None))

"""Decisions and counsel's overrides: the same rules for the command line and the window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workstation.domain.categories import PROTECTED
from workstation.domain.disclosure import LegalBasis, LegalBasisKind
from workstation.domain.errors import (
    PolicyViolation,
    UsageError,
)
from workstation.domain.policy_engine import (
    DEFER,
    REDACT,
    RELEASE,
    Override,
)
from workstation.domain.review import (
    Action,
    Change,
    Decision,
    DecisionRecord,
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
                if decision == RELEASE and i.category in PROTECTED and len(reason.strip()) < 10:
                    raise PolicyViolation(f"releasing {i.category} needs a written reason (--reason)",
                                          category=i.category)
                code = (reason_code or self.policies.exemption_code(case.context.recipient, i.category)
                        if decision == REDACT else "")
                changes.append(Change(i.record, DecisionRecord(i.key, Decision(decision), code, reason.strip(),
                                                               user.name, at)))
            new = case.changed(user, f"{decision} {len(changes)} finding(s)")
            label = f"{decision} {len(changes)} finding{'s' if len(changes) != 1 else ''}"
            self.store.apply(case_id, Action(label, tuple(changes)), user.name, user.role.value,
                             case=new if new != case else None, events=self._voided(case, new))
            return len(changes)


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


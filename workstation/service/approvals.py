"""Counsel's approvals as signatures: what is signed, how each is checked before an export, the export gate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from workstation.domain.audit import GENESIS, AuditRecord, VerificationResult, verify_anchored
from workstation.domain.case import Case, decisions_digest
from workstation.domain.disclosure import RecipientType
from workstation.domain.errors import (
    ExportRefused,
    PermissionDenied,
)
from workstation.domain.policy_engine import (
    Override,
)
from workstation.domain.roles import Permission, User
from workstation.domain.signing import Signer, override_statement, sign_off_statement
from workstation.domain.trail_signatures import SignatureCheck, is_system_record
from workstation.service.items import (
    _MISMATCH,
    SYSTEM_TRAIL,
)
from workstation.service.legacy_trails import LegacyTrails
from workstation.service.trail_check import check_trail


class Approvals(LegacyTrails):
    # ----- export
    def check_export(self, case_id: str, user: User) -> None:
        """Refuse (exit 4, recorded) an export the case's state or rules forbid, or whose approvals do not verify:
        every override and the sign-off must carry a valid signature of their signer over what the case holds
        now, and the trail must verify (``verify_trail``: its chain, its anchors and, on the local store, every
        record's signature by its actor)."""
        with self._audited(case_id, user, "export"):
            self.state(case_id).check_export(user, self.case_items(case_id), self.policies)
            self.refuse_misplaced(case_id, self.misplaced_manual(case_id))
            problems = self.approval_problems(case_id)
            if problems:
                more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ExportRefused(f"{case_id}: export refused: {problems[0]}{more}")
            trail = self.verify_trail(case_id)
            if not trail.ok:
                raise ExportRefused(f"{case_id}: export refused: the audit trail is broken at record "
                                    f"{(trail.bad_index or 0) + 1}: {trail.reason}")

    def trail_signatures(self, records: Sequence[AuditRecord], case_id: str = "") -> SignatureCheck:
        """Each record's signature by its actor's registered key (``trail_signatures``; the users file and the trust
        anchor of this service), and the unsigned records of users only where an administrator's endorsement of
        ``case_id``'s legacy records covers them: for the local store's trail, and for a JSONL copy of it."""
        return check_trail(records, self.users, self.anchor, self.legacy_cover(case_id) if case_id else None)

    def verify_trail(self, case_id: str, anchors: Sequence[tuple[int | None, str]] = ()) -> VerificationResult:
        """The case's chain checked record by record, against the head the store anchors, the heads counsel's
        sign-offs were signed after and any heads kept outside the store (``anchors``: a disclosure record's
        ``audit_head``); on the local store also each record's signature by its actor's registered key (a record
        re-chained, stripped of its signature, or signed by a key that is not its actor's breaks it; records from
        before signing are counted as unsigned legacy). A case with no records at all is broken: every case's
        trail starts when it is opened, so an empty chain was deleted."""
        count, head = self.store.audit_head(case_id)
        records = self.store.audit(case_id)
        if not records and case_id != SYSTEM_TRAIL and self.store.case(case_id) is not None:
            return VerificationResult(False, 0, GENESIS, 0, "the case has no audit records: its trail was deleted")
        if (self.signs_trail and records and all(is_system_record(r) for r in records)
                and self.store.case(case_id) is not None):
            return VerificationResult(False, len(records), GENESIS, 0, "the case's trail holds no record of any "
                                      "user, only system records: its records were deleted")
        stored = [(count, head)] if count else []
        signed: list[tuple[int | None, str]] = list(self.signed_anchors(case_id)) if case_id != SYSTEM_TRAIL else []
        result = verify_anchored(records, [*stored, *signed, *anchors], expected_count=count)
        if not self.signs_trail:
            return result
        so = self.state(case_id).sign_off if case_id != SYSTEM_TRAIL and signed else None
        if result.ok and so is not None and so.audit_head and not self._sign_off_recorded(records, so):
            return VerificationResult(False, len(records), result.head, len(records),
                                      f"counsel's sign-off by {so.actor} at {so.at} has no record in the trail "
                                      "(the trail was cut short after it)")
        lost = next((ov for ov in (self.store.overrides(case_id).values() if case_id != SYSTEM_TRAIL else ())
                     if ov.signature and not self._override_recorded(records, ov)), None)
        if result.ok and lost is not None:
            return VerificationResult(False, len(records), result.head, len(records),
                                      f"counsel's override of {lost.category} by {lost.actor} at {lost.at} has no "
                                      "record in the trail (deleted, or the trail was cut short)")
        check = self.trail_signatures(records, case_id)
        if not check.ok:  # the first bad record, whichever check finds it first
            index = check.bad_index or 0
            if result.ok or (result.bad_index is not None and index < result.bad_index):
                return VerificationResult(False, result.count, result.head, index, check.reason)
            return result
        return replace(result, signatures=check.summary()) if result.ok else result

    def record_login_failure(self, name: str, known: bool, where: str) -> None:
        """A failed login (wrong passphrase or unknown user) in the store's system trail: the name only when it is a
        user's (a passphrase typed into the name field is not kept)."""
        self.store.append_event(SYSTEM_TRAIL, name if known else "(unknown)", "none", "login-failed",
                                {"known_user": known, "command": where})

    # ----- signatures (issue 12 item 1)
    def policy_sha256(self, recipient: RecipientType) -> str:
        return self.policies.policy(recipient).sha256

    def _check_signer(self, user: User, signer: Signer | None, what: str) -> None:
        """Refuse an approval without the approver's own unlocked key (the one in the users file, when given)."""
        if signer is None:
            raise PermissionDenied(f"{user.name}: {what} must be signed with your key: unlock it with your "
                                   "passphrase", user=user.name, role=user.role.value)
        registered = self.users.get(user.name) if self.users is not None else None
        if signer.user != user.name or (self.users is not None and (
                registered is None or registered.key is None or registered.key.public != signer.public)):
            raise PermissionDenied(f"{user.name}: {what} must be signed with your own registered key",
                                   user=user.name, role=user.role.value)

    @staticmethod
    def sign_off_statement(case_id: str, case: Case, sign_off: Any, policy_sha256: str | None = None,
                           digest: str | None = None) -> dict[str, Any]:
        return sign_off_statement(
            case_id=case_id, recipient=case.context.recipient.value, legal_basis=case.context.legal_basis.to_dict(),
            disclosure_class=case.context.disclosure_class.value,
            decisions_digest=digest if digest is not None else sign_off.digest,
            policy_sha256=policy_sha256 if policy_sha256 is not None else sign_off.policy_sha256,
            signer=sign_off.actor, at=sign_off.at, audit_records=getattr(sign_off, "audit_records", 0),
            audit_head=getattr(sign_off, "audit_head", ""))

    @staticmethod
    def override_statement(case_id: str, case: Case, ov: Override, policy_sha256: str) -> dict[str, Any]:
        return override_statement(
            case_id=case_id, recipient=case.context.recipient.value,
            case_legal_basis=case.context.legal_basis.to_dict(), item=ov.item, category=ov.category,
            override_basis=ov.legal_basis.to_dict(), reason=ov.reason, policy_sha256=policy_sha256,
            signer=ov.actor, at=ov.at)

    def approval_problems(self, case_id: str) -> list[str]:
        """Every override and the sign-off whose signature does not verify, each as one line: the statement is
        rebuilt from the case as it is now (its id, recipient, legal basis and class, the digest of every decision,
        the recipient policy file's SHA-256) and checked against the signer's key, itself checked up to the trust
        anchor. A row a clerk inserted, a digest recomputed, a key replaced in the users file: all refused."""
        case = self.state(case_id)
        overrides = self.store.overrides(case_id)
        if case.sign_off is None and not overrides:
            return []
        policy_sha = self.policy_sha256(case.context.recipient)
        records = self.store.audit(case_id) if self.signs_trail else []
        out = []
        for ov in overrides.values():
            problem = self._signature_problem(ov.actor, ov.role.value, ov.signature,
                                              self.override_statement(case_id, case, ov, policy_sha))
            if problem and problem.endswith(_MISMATCH) and ov.policy_sha256 and ov.policy_sha256 != policy_sha:
                problem = "the recipient policy file changed since it was signed"
            if not problem and self.signs_trail and not self._override_recorded(records, ov):
                problem = "its record is not in the audit trail (deleted, or the trail was cut short)"
            if problem:
                out.append(f"override of {ov.category} by {ov.actor} at {ov.at}: {problem}")
        so = case.sign_off
        if so is not None:
            statement = self.sign_off_statement(case_id, case, so, policy_sha, decisions_digest(self.case_items(case_id)))
            problem = self._signature_problem(so.actor, "counsel", so.signature, statement)
            if problem and problem.endswith(_MISMATCH) and so.policy_sha256 and so.policy_sha256 != policy_sha:
                problem = "the recipient policy file changed since it was signed"
            if not problem and so.audit_head and not self._holds(case_id, so.audit_records, so.audit_head):
                problem = (f"the audit trail before it was rewritten (its record {so.audit_records} is no longer the "
                           "one counsel signed after)")
            if not problem and so.audit_head and self.signs_trail and not self._sign_off_recorded(records, so):
                problem = "its record is not in the audit trail (the trail was cut short after it)"
            if problem:
                out.append(f"sign-off by {so.actor} at {so.at}: {problem}")
        return out

    @staticmethod
    def _sign_off_recorded(records: Sequence[AuditRecord], so: Any) -> bool:
        """Whether the trail holds the record of the sign-off ``so`` (after the head it was signed after): on the
        local store that record is signed by counsel, so cutting the trail back before it shows."""
        return any(r.event == "sign-off" and r.actor == so.actor and r.seq > so.audit_records
                   and r.details.get("digest") == so.digest for r in records)

    @staticmethod
    def _override_recorded(records: Sequence[AuditRecord], ov: Override) -> bool:
        """Whether the trail holds the record of counsel's override ``ov`` (on the local store signed by counsel, so
        deleting it - with the records after it re-chained and re-signed by a clerk - shows)."""
        digest = ov.digest()
        return any(r.event == "override" and r.actor == ov.actor and r.details.get("override_digest") == digest
                   for r in records)

    def _holds(self, case_id: str, seq: int, head: str) -> bool:
        """Whether the case's trail still has, as record ``seq``, the record whose hash is ``head``."""
        return any(r.seq == seq and r.hash == head for r in self.store.audit(case_id))

    def signed_anchors(self, case_id: str) -> list[tuple[int, str]]:
        """The heads of the trail that counsel's sign-offs (current and voided) were signed after: anchors that
        a rewritten, re-chained trail no longer contains. Only those whose signature still verifies over the
        sign-off as it was given count (``approval_problems`` says when the current one does not)."""
        case = self.state(case_id)
        out = []
        for so in (case.sign_off, case.voided_sign_off):
            if so is None or not so.audit_head or not so.signature:
                continue
            statement = self.sign_off_statement(case_id, case, so)
            if self.users is None or self._signature_problem(so.actor, "counsel", so.signature, statement) is None:
                out.append((so.audit_records, so.audit_head))
        return out

    def _signature_problem(self, actor: str, role: str, signature: str, statement: Mapping[str, Any]) -> str | None:
        if not signature:
            return "not signed (counsel must give it again with their key)"
        if self.users is None:
            return "no users file to verify the signature with"
        signer = self.users.get(actor)
        if signer is None or signer.role.value != role or not signer.can(Permission.SIGN_OFF):
            return f"{actor} is not counsel in the users file"
        return self.users.verify(actor, statement, signature, self.anchor)


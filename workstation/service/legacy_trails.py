"""Unsigned (legacy) trail records vouched for by an administrator (issue 12 item 2; ``trail_endorsements``).

When signing starts on a store - ``workstation audit endorse-legacy`` run by an administrator after the upgrade, or
the first administrator added on a desk that had no users file - the administrator's key signs, for every chain
whose records before its first signed one include unsigned records of users, the chain's id, the number of those
records and the hash of the last; and a statement that the store's trail is signed since that moment. From then
on an unsigned record of a user that no such endorsement covers breaks ``audit verify`` and export, and no later
run endorses one: a chain begun or rewritten after signing started is never passed off as legacy."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.audit import verify_records
from workstation.domain.errors import CaseStateError, PermissionDenied, UsageError
from workstation.domain.roles import Permission, User, require
from workstation.domain.signing import Signer
from workstation.domain.trail_endorsements import (
    AdminSigned,
    LegacyCover,
    desk_statement,
    endorsement_statement,
    legacy_head,
)
from workstation.domain.trail_keys import admin_signature_problem
from workstation.service.base import ServiceBase
from workstation.service.items import SYSTEM_TRAIL
from workstation.service.repository import SigningStore
from workstation.service.trail_check import legacy_cover, signing_since

ENDORSED_EVENT = "trail-legacy-endorsed"


@dataclass(frozen=True)
class Endorsed:
    """What ``endorse_legacy`` did: the signing statement's time and each chain endorsed (name, records, head)."""

    since: str
    started_now: bool
    chains: tuple[tuple[str, int, str], ...]


class LegacyTrails(ServiceBase):
    def legacy_cover(self, case_id: str) -> LegacyCover | None:
        """What vouches for the unsigned records of ``case_id``'s chain on this desk (None: no users file, nothing
        is signed, nothing vouched)."""
        if self.users is None or not self.users.users or not isinstance(self.store, SigningStore):
            return None
        desk, _ = signing_since(self.store.trail_signing(), self.users, self.anchor)
        return legacy_cover(case_id, self.store.legacy_endorsement(case_id), desk, self.users, self.anchor)

    def _chain_name(self, case_id: str) -> str:
        rec = self.store.case(case_id)
        return rec.name if rec is not None else case_id

    def endorse_legacy(self, user: User, signer: Signer | None) -> Endorsed:
        """Sign, as the administrator ``user``, the legacy part of every chain that has unsigned records of users
        not yet covered, and - the first time - the statement that the store's trail is signed from now on. Refused
        once signing has started (a valid statement, or a record of an earlier endorsement in the system trail): an
        unsigned record not endorsed then was written or rewritten after it."""
        require(user, Permission.ASSIGN_ROLES, "endorse unsigned trail records")
        if not isinstance(self.store, SigningStore):
            raise UsageError("the team store's database appends its trail itself: there are no unsigned records to "
                             "endorse")
        if self.users is None or not self.users.users or signer is None or signer.user != user.name:
            raise PermissionDenied(f"{user.name}: endorsing needs your own unlocked signing key", user=user.name,
                                   role=user.role.value)
        at = self.clock()
        probe = desk_statement(at, user.name)
        problem = admin_signature_problem(self.users, probe, signer.fingerprint, signer.sign(probe), self.anchor)
        if problem:
            raise PermissionDenied(f"{user.name} cannot endorse: {problem}", user=user.name, role=user.role.value)
        stored = self.store.trail_signing()
        desk, desk_problem = signing_since(stored, self.users, self.anchor)
        earlier = next((r for r in self.store.audit(SYSTEM_TRAIL) if r.event == ENDORSED_EVENT and r.key), None)
        todo: list[tuple[str, int, str]] = []
        for cid in self.store.chains():
            records = self.store.audit(cid)
            head = legacy_head(records)
            if head is None:
                continue
            cover = legacy_cover(cid, self.store.legacy_endorsement(cid), desk, self.users, self.anchor)
            unsigned = [i for i, r in enumerate(records[:head[0]]) if not r.key and r.role not in ("system", "none")]
            if not cover.problem and not any(cover.problem_for(records, i) for i in unsigned):
                continue  # endorsed already
            chain = verify_records(records)
            if not chain.ok:
                raise CaseStateError(f"nothing endorsed: the trail of {self._chain_name(cid)} is broken at record "
                                     f"{(chain.bad_index or 0) + 1}: {chain.reason}")
            todo.append((cid, *head))
        if todo and (stored is not None or earlier is not None):
            since = (desk.statement.get("since") if desk is not None else None) or (earlier.at if earlier else "?")
            why = f" ({desk_problem})" if desk_problem else ""
            more = f" (+{len(todo) - 1} more)" if len(todo) > 1 else ""
            raise CaseStateError(
                f"nothing endorsed: this store's trail is signed since {since}{why}; the unsigned records of "
                f"{self._chain_name(todo[0][0])} (records 1-{todo[0][1]}){more} were not endorsed then, so they were "
                "written or rewritten after signing started: that trail is broken, not legacy")
        endorsements = {cid: AdminSigned.made(endorsement_statement(cid, n, h, user.name, at), signer).to_dict()
                        for cid, n, h in todo}
        new_desk = AdminSigned.made(probe, signer).to_dict() if stored is None else None
        if endorsements or new_desk is not None:
            self.use_key(signer)
            self.store.save_legacy_endorsements(new_desk, endorsements, user.name, user.role.value, {
                "chains": len(todo), "records": sum(n for _, n, _ in todo), "since": at if new_desk else "",
                "endorsed": [{"case_id": cid, "records": n, "head": h} for cid, n, h in todo]})
        since = at if new_desk is not None else str(desk.statement.get("since", "")) if desk is not None else ""
        return Endorsed(since, new_desk is not None,
                        tuple((self._chain_name(cid), n, h) for cid, n, h in todo))

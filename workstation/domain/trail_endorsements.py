"""An administrator's endorsement of a chain's unsigned (legacy) records (issue 12 item 2).

Records written before the trail was signed (a store of the previous version, a desk without a users file) carry
no signature, and nothing in them says who wrote them: a clerk who can write the store file could strip every
signature from a chain, re-chain it and add a ``store-migrated`` record of their own, and the whole chain would look
"legacy". So unsigned records count only where an administrator vouched for them when signing started:

- an **endorsement** is an administrator's signature (their own key, registered as an administrator's up to the
  trust anchor: ``trail_keys.admin_signature_problem``) over ``{"kind": "legacy-trail-endorsement", "case_id",
  "records", "head", "by", "at"}``: this chain's first ``records`` records, whose last has hash ``head`` (which
  covers every record before it). An unsigned record of a user that such an endorsement does not cover breaks the
  trail (``trail_signatures.check_signatures``), and so does a chain whose endorsed part was changed or cut;
- the **desk statement** ``{"kind": "trail-signing", "since", "by"}``, signed the same way and made with the
  endorsements (``workstation audit endorse-legacy``, or when the first administrator is added), says that the
  store's trail is signed since then: unsigned records not endorsed at that moment are not legacy, and no later
  run endorses any (a chain begun or rewritten after signing started is never accepted as unsigned).

Nothing here reads files or the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.domain.audit import AuditRecord
from workstation.domain.signing import Signer

ENDORSEMENT_KIND = "legacy-trail-endorsement"
DESK_KIND = "trail-signing"
ENDORSE_COMMAND = "workstation audit endorse-legacy"
_SYSTEM_ROLES = frozenset({"system", "none"})


def endorsement_statement(case_id: str, records: int, head: str, by: str, at: str) -> dict[str, Any]:
    """What an administrator signs to vouch for a chain's first ``records`` records (the last one's hash ``head``)."""
    return {"kind": ENDORSEMENT_KIND, "case_id": case_id, "records": records, "head": head, "by": by, "at": at}


def desk_statement(since: str, by: str) -> dict[str, Any]:
    """What an administrator signs to say that this store's trail is signed from ``since`` on."""
    return {"kind": DESK_KIND, "since": since, "by": by}


@dataclass(frozen=True)
class AdminSigned:
    """A statement and an administrator's signature over it (``signer``: the key's fingerprint)."""

    statement: Mapping[str, Any]
    signer: str
    signature: str

    def to_dict(self) -> dict[str, Any]:
        return {"statement": dict(self.statement), "signer": self.signer, "signature": self.signature}

    @classmethod
    def from_dict(cls, data: object) -> AdminSigned | None:
        """None for anything that is not one (a malformed row is as good as none: it endorses nothing)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("statement"), Mapping):
            return None
        return cls(dict(data["statement"]), str(data.get("signer", "")), str(data.get("signature", "")))

    @classmethod
    def made(cls, statement: Mapping[str, Any], signer: Signer) -> AdminSigned:
        return cls(dict(statement), signer.fingerprint, signer.sign(statement))

    @property
    def by(self) -> str:
        return str(self.statement.get("by", ""))


def unsigned_user_records(records: Sequence[AuditRecord]) -> int:
    """How many records of users (not the system's own) carry no signature."""
    return sum(1 for r in records if not r.key and r.role not in _SYSTEM_ROLES)


def legacy_head(records: Sequence[AuditRecord]) -> tuple[int, str] | None:
    """(records, head hash) of the chain's legacy part - every record before its first signed one - when that part
    holds an unsigned record of a user; None when there is none to endorse."""
    first_signed = next((i for i, r in enumerate(records) if r.key), len(records))
    part = records[:first_signed]
    if not part or not unsigned_user_records(part):
        return None
    return part[-1].seq, part[-1].hash


@dataclass(frozen=True)
class LegacyCover:
    """What vouches for a chain's unsigned records, for ``trail_signatures.check_signatures``: a valid endorsement
    of its first ``records`` records (head ``head``), or ``problem`` - why there is none (one line, saying what to
    run)."""

    records: int = 0
    head: str = ""
    by: str = ""
    at: str = ""
    problem: str = ""

    def problem_for(self, records: Sequence[AuditRecord], index: int) -> str | None:
        """Why the unsigned record ``records[index]`` is not covered (the chain's hashes already verified), or
        None."""
        if self.problem:
            return self.problem
        if records[index].seq > self.records:
            return (f"it comes after the {self.records} record(s) {self.by} endorsed at {self.at} (an unsigned "
                    "record written or rewritten after signing started is not legacy)")
        if len(records) < self.records or records[self.records - 1].hash != self.head:
            return (f"the {self.records} record(s) {self.by} endorsed at {self.at} are no longer the ones endorsed "
                    "(the chain was rewritten or cut)")
        return None

    def summary(self) -> str:
        return f"endorsed by {self.by} at {self.at}" if not self.problem else ""

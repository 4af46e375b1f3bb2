"""Every record of the local trail signed by its actor (issue 12 item 2).

A hash chain alone proves nothing to someone who can write the store file: SHA-256 is public, so a rewritten or
shortened chain can be hashed again. So each record appended through the local store is **sealed** by the
signed-in user's own Ed25519 key (``signing``; the private half is unlocked with their passphrase for one session
and kept in memory only):

- ``key`` - the signer's public key (base64) - is part of the record's body, so it is covered by the record's
  ``hash`` and, through ``prev``, by every later record: a signature cannot be stripped and the record passed off
  as unsigned without changing its hash;
- ``signature`` is the Ed25519 signature of ``record_statement(hash)``: since ``hash`` covers ``prev``, each
  signature vouches for the whole chain before it, as its actor saw it.

``check_signatures`` walks a chain (whose hashes ``audit.verify_records`` has checked) and breaks it at the first
record that is signed by a key its actor does not own (``KeyProblem``: the users file, checked up to the trust
anchor), whose signature does not verify, or that is unsigned where a signature is required: after a signed record,
after the ``store-migrated`` record that began signing on an older store, and - on a desk with a users file
(``require_signed``), where every session signs - anywhere in a chain that has no such record (it was begun after
signing existed). Unsigned records before that ``store-migrated`` record are reported as *unsigned (legacy)*, never
counted as signed - and, on a desk with a users file, only where an administrator's endorsement of the chain's
legacy part covers them (``legacy``: ``trail_endorsements``); an unsigned record of a user that no valid endorsement
covers breaks the trail. On a desk without a users file nothing is signed, and unsigned records are reported as
such. A
few events have no signed-in user by nature (a failed login, a trail exported without signing in, the store's own
migration); they are *unsigned system records*, allowed only with the roles ``system``/``none``, and reported as
such.

What this gives on a file whoever can write it: they can cut the chain back to any earlier record and append
records in their *own* name, signed with their own key; they cannot change, insert, remove or reorder any record
before the last record someone else signed, nor write one in another user's name. A cut is caught against a head
kept outside the store (counsel's signed sign-off anchor, a disclosure record's ``audit_head``).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.domain.audit import AuditRecord
from workstation.domain.signing import Signer, fingerprint, verify_signature
from workstation.domain.trail_endorsements import LegacyCover

RECORD_KIND = "audit-record"
SYSTEM_ROLES = frozenset({"system", "none"})
UNSIGNED_EVENTS = frozenset({"login-failed", "audit-exported", "store-migrated"})
SIGNING_STARTED = "signing_started"  # a ``store-migrated`` record's details key: later records must be signed

# Why ``public_key`` is not a key registered for ``actor`` (one line), or None.
KeyProblem = Callable[[str, bytes], str | None]


def record_statement(record_hash: str) -> dict[str, str]:
    """What a record's signature is over: its hash (which covers its body and, through ``prev``, the chain)."""
    return {"kind": RECORD_KIND, "hash": record_hash}


def seal(body: Mapping[str, Any], signer: Signer | None) -> AuditRecord:
    """The record of ``body`` (seq, at, actor, role, event, details, prev), signed by ``signer`` when given."""
    key = base64.b64encode(signer.public).decode("ascii") if signer is not None else ""
    full = {**body, "key": key} if key else dict(body)
    record_hash = AuditRecord.compute_hash(full)
    signature = signer.sign(record_statement(record_hash)) if signer is not None else ""
    return AuditRecord(body["seq"], body["at"], body["actor"], body["role"], body["event"], body["details"],
                       body["prev"], record_hash, key, signature)


def public_key_of(record: AuditRecord) -> bytes | None:
    """The raw public key a record names, or None when it names none (or not a valid Ed25519 key)."""
    try:
        raw = base64.b64decode(record.key, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


def is_system_record(record: AuditRecord) -> bool:
    return record.role in SYSTEM_ROLES and record.event in UNSIGNED_EVENTS


@dataclass(frozen=True)
class SignatureCheck:
    """What ``check_signatures`` found: counts, and the first record that breaks the trail."""

    ok: bool
    signed: int = 0
    legacy: int = 0  # unsigned records from before signing started (or, without a users file, unsigned records)
    system: int = 0  # unsigned system records (no signed-in user by nature)
    bad_index: int | None = None
    reason: str = ""
    caveat: str = ""  # what was not checked (no users file, no trust anchor)
    endorsed: str = ""  # who endorsed the legacy records, and when

    def summary(self) -> str:
        parts = [f"{self.signed} signed by their actors"]
        if self.legacy:
            parts.append(f"{self.legacy} unsigned (legacy: written before records were signed"
                         + (f"; {self.endorsed}" if self.endorsed else "") + ")")
        if self.system:
            parts.append(f"{self.system} unsigned system record(s) (failed logins, trail exports, migrations)")
        return ", ".join(parts) + (f" ({self.caveat})" if self.caveat else "")


def check_signatures(records: Sequence[AuditRecord], key_problem: KeyProblem | None, *,
                     require_signed: bool = True, caveat: str = "",
                     legacy: LegacyCover | None = None) -> SignatureCheck:
    """Each record's signature, in order (the chain's hashes already verified). ``key_problem`` decides whether a
    key is its actor's; None checks the signatures alone (say so in ``caveat``). ``require_signed``: a chain with
    no ``store-migrated`` record that started signing must be signed throughout. ``legacy``: what vouches for the
    unsigned records of users before signing started (an administrator's endorsement, or why there is none); None
    accepts them as legacy unvouched (a desk without a users file)."""
    signed = unsigned = system = 0
    marked = any(is_system_record(r) and r.event == "store-migrated" and r.details.get(SIGNING_STARTED)
                 for r in records)
    # a valid endorsement says where signing started too: after the records it covers
    started = require_signed and not marked and (legacy is None or bool(legacy.problem))
    for index, record in enumerate(records):
        who = f"{record.actor} ({record.role})"
        if not record.key:
            if is_system_record(record):
                system += 1
                started = started or bool(record.event == "store-migrated" and record.details.get(SIGNING_STARTED))
                continue
            if started:
                return SignatureCheck(False, signed, unsigned, system, index,
                                      f"record by {who} is not signed (every record after signing started must be "
                                      "signed by its actor)", caveat)
            uncovered = legacy.problem_for(records, index) if legacy is not None else None
            if uncovered:
                return SignatureCheck(False, signed, unsigned, system, index,
                                      f"record by {who} is unsigned and not endorsed as legacy: {uncovered}", caveat)
            unsigned += 1
            continue
        started = True
        public = public_key_of(record)
        if public is None:
            return SignatureCheck(False, signed, unsigned, system, index,
                                  f"record by {who} names no valid public key", caveat)
        if not record.signature:
            return SignatureCheck(False, signed, unsigned, system, index,
                                  f"record by {who}: signature missing (it was stripped)", caveat)
        if not verify_signature(public, record_statement(record.hash), record.signature):
            return SignatureCheck(False, signed, unsigned, system, index,
                                  f"record by {who}: signature invalid (the record was changed or re-chained after "
                                  "it was signed)", caveat)
        problem = key_problem(record.actor, public) if key_problem is not None else None
        if problem:
            return SignatureCheck(False, signed, unsigned, system, index,
                                  f"record by {who} is signed with key {fingerprint(public)[:16]}, not a key "
                                  f"registered for {record.actor}: {problem}", caveat)
        signed += 1
    return SignatureCheck(True, signed, unsigned, system, caveat=caveat,
                          endorsed=legacy.summary() if legacy is not None and unsigned else "")

"""The local trail's signatures checked against the users file (issue 12 item 2): ``trail_signatures`` with the
key check of ``trail_keys``, each (actor, key) looked up once per check (a bulk decision appends thousands of
records by one actor)."""

from __future__ import annotations

from collections.abc import Sequence

from workstation.domain.audit import AuditRecord
from workstation.domain.roles import UserDirectory
from workstation.domain.signing import TrustAnchor
from workstation.domain.trail_keys import trail_key_problem
from workstation.domain.trail_signatures import SignatureCheck, check_signatures

NO_USERS = "no users file: unsigned records accepted, and signatures checked but not whose keys they are"
NO_ANCHOR = "keys checked against the users file only: no trust anchor given"


def check_trail(records: Sequence[AuditRecord], users: UserDirectory | None,
                anchor: TrustAnchor | None) -> SignatureCheck:
    """Every record's signature, and that its key is its actor's registered key (up to ``anchor``)."""
    if users is None or not users.users:
        return check_signatures(records, None, require_signed=False, caveat=NO_USERS)
    known: dict[tuple[str, bytes], str | None] = {}

    def key_problem(actor: str, public: bytes) -> str | None:
        if (actor, public) not in known:
            known[(actor, public)] = trail_key_problem(users, actor, public, anchor)
        return known[(actor, public)]

    return check_signatures(records, key_problem, caveat="" if anchor is not None else NO_ANCHOR)

"""The local trail's signatures checked against the users file (issue 12 item 2): ``trail_signatures`` with the
key check of ``trail_keys``, each (actor, key) looked up once per check (a bulk decision appends thousands of
records by one actor); and the administrator's endorsement of a chain's unsigned (legacy) records
(``trail_endorsements``), checked up to the trust anchor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workstation.domain.audit import AuditRecord
from workstation.domain.roles import UserDirectory
from workstation.domain.signing import TrustAnchor
from workstation.domain.trail_endorsements import (
    DESK_KIND,
    ENDORSE_COMMAND,
    ENDORSEMENT_KIND,
    AdminSigned,
    LegacyCover,
    desk_statement,
)
from workstation.domain.trail_keys import admin_signature_problem, trail_key_problem
from workstation.domain.trail_signatures import SignatureCheck, check_signatures

NO_USERS = "no users file: unsigned records accepted, and signatures checked but not whose keys they are"
NO_ANCHOR = "keys checked against the users file only: no trust anchor given"


def check_trail(records: Sequence[AuditRecord], users: UserDirectory | None,
                anchor: TrustAnchor | None, legacy: LegacyCover | None = None) -> SignatureCheck:
    """Every record's signature, and that its key is its actor's registered key (up to ``anchor``); with a users
    file, the unsigned records of users only where ``legacy`` (an administrator's endorsement) covers them."""
    if users is None or not users.users:
        return check_signatures(records, None, require_signed=False, caveat=NO_USERS)
    known: dict[tuple[str, bytes], str | None] = {}

    def key_problem(actor: str, public: bytes) -> str | None:
        if (actor, public) not in known:
            known[(actor, public)] = trail_key_problem(users, actor, public, anchor)
        return known[(actor, public)]

    cover = legacy if legacy is not None else LegacyCover(problem=not_endorsed(None))
    return check_signatures(records, key_problem, caveat="" if anchor is not None else NO_ANCHOR, legacy=cover)


def signing_since(data: Mapping[str, Any] | None, users: UserDirectory,
                  anchor: TrustAnchor | None) -> tuple[AdminSigned | None, str]:
    """The store's signed "trail signing since" statement when it verifies, and why not ("" when it does or there
    is none)."""
    signed = AdminSigned.from_dict(data)
    if data is None:
        return None, ""
    if signed is None or signed.statement.get("kind") != DESK_KIND or dict(signed.statement) != desk_statement(
            str(signed.statement.get("since", "")), signed.by):
        return None, "the store's trail-signing statement is malformed"
    problem = admin_signature_problem(users, signed.statement, signed.signer, signed.signature, anchor)
    return (None, f"the store's trail-signing statement does not verify: {problem}") if problem else (signed, "")


def not_endorsed(desk: AdminSigned | None) -> str:
    if desk is not None:
        return (f"this store's trail is signed since {desk.statement.get('since')} (statement signed by "
                f"{desk.by}) and no endorsement made then covers it: unsigned records written or rewritten after "
                "signing started are not legacy")
    return f"no administrator has endorsed this chain's unsigned (legacy) records: an administrator runs `{ENDORSE_COMMAND}`"


def legacy_cover(case_id: str, data: Mapping[str, Any] | None, desk: AdminSigned | None, users: UserDirectory,
                 anchor: TrustAnchor | None) -> LegacyCover:
    """What vouches for ``case_id``'s unsigned records: its stored endorsement ``data`` when it names this chain
    and verifies (an administrator's key registered as such, up to the anchor), else why not."""
    signed = AdminSigned.from_dict(data)
    if data is None:
        return LegacyCover(problem=not_endorsed(desk))
    st = signed.statement if signed is not None else {}
    records, head = st.get("records"), st.get("head")
    if (signed is None or st.get("kind") != ENDORSEMENT_KIND or st.get("case_id") != case_id
            or not isinstance(records, int) or isinstance(records, bool) or records < 1 or not isinstance(head, str)
            or set(st) != {"kind", "case_id", "records", "head", "by", "at"}):
        return LegacyCover(problem="its stored endorsement is malformed or names another chain")
    problem = admin_signature_problem(users, st, signed.signer, signed.signature, anchor)
    if problem:
        return LegacyCover(problem=f"its endorsement does not verify: {problem}")
    return LegacyCover(records, head, signed.by, str(st.get("at", "")))

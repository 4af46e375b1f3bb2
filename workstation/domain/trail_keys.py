"""Whose key signed a trail record: the users file's keys, checked up to the trust anchor (issue 12 item 2).

``trail_key_problem`` is the ``trail_signatures.KeyProblem`` of a users file: a record's key must be its actor's -
their current key or one they used before (``User.retired_keys``) - and registered: signed by an administrator
whose own key is in the trust anchor, or registered in turn by one who is. A *pending* key (made at sign-in, no
administrator has registered it yet) proves nothing: whoever can write the users file could have put it there.

For the trail the registration's role is not compared with the user's role now: a clerk promoted to counsel still
signed their clerk-time records with the key registered for them then. (Approvals are stricter: ``UserDirectory.
key_problem`` wants a key registered for the signer's current role.)

Without a trust anchor the chain of registrations is followed up to a self-registered administrator in the users
file - which anyone who can write that file can make - so the caller must say that the keys were checked against
the users file only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workstation.domain.roles import Role, User, UserDirectory
from workstation.domain.signing import (
    Registration,
    RetiredKey,
    TrustAnchor,
    UserKey,
    fingerprint,
    registration_statement,
    verify_signature,
)


def _keys(user: User) -> list[UserKey | RetiredKey]:
    return ([user.key] if user.key is not None else []) + list(user.retired_keys)


def trail_key_problem(users: UserDirectory, actor: str, public: bytes, anchor: TrustAnchor | None) -> str | None:
    """Why ``public`` is not a registered key of ``actor`` (one line), or None."""
    user = users.get(actor)
    if user is None:
        return f"{actor} is not in the users file"
    key = next((k for k in _keys(user) if k.public == public), None)
    if key is None:
        return f"it is not {user.name}'s key in the users file"
    if key.registration is None:
        return (f"{user.name}'s key {fingerprint(public)[:16]} is pending: no administrator has registered it (an "
                f"administrator runs `workstation users keygen {user.name}` with {user.name} there to type their "
                "passphrase)")
    return _registration_problem(users, user.name, public, key.registration, anchor, frozenset())


def _registration_problem(users: UserDirectory, name: str, public: bytes, reg: Registration,
                          anchor: TrustAnchor | None, seen: frozenset[str]) -> str | None:
    statement = reg.statement
    by = str(statement.get("registered_by", ""))
    expected = registration_statement(name, str(statement.get("role", "")), public, by, str(statement.get("at", "")))
    if dict(statement) != expected:
        return f"{name}'s key registration does not name this key"
    registrar = users.get(by)
    if registrar is None or registrar.role is not Role.ADMINISTRATOR:
        return f"{name}'s key was registered by {by or 'nobody'}, who is not an administrator in the users file"
    rkey = next((k for k in _keys(registrar) if fingerprint(k.public) == reg.signer), None)
    if rkey is None:
        return f"{name}'s key registration is signed by a key that is not {registrar.name}'s"
    if not verify_signature(rkey.public, statement, reg.signature):
        return f"{name}'s key registration signature is invalid (the users file was changed)"
    if anchor is not None and reg.signer in anchor.fingerprints:
        return None
    if registrar.name == name and rkey.public == public:  # self-registered
        if anchor is None:
            return None
        return f"{name}'s key is self-registered and not in the trust anchor ({anchor.source})"
    if registrar.name in seen or rkey.registration is None:
        return f"{name}'s key was registered by {registrar.name}, whose own key is not registered"
    problem = _registration_problem(users, registrar.name, rkey.public, rkey.registration, anchor, seen | {name})
    return f"{name}'s key was registered by {registrar.name}, whose key is not trusted: {problem}" if problem else None


def admin_signature_problem(users: UserDirectory, statement: Mapping[str, Any], signer: str, signature: str,
                            anchor: TrustAnchor | None) -> str | None:
    """Why ``signature`` is not a valid signature of ``statement`` by the administrator it names (``by``), or None
    (``trail_endorsements``): made with a key of theirs (current or retired, fingerprint ``signer``) that was
    registered *as an administrator's* - the role in the users file is not enough, whoever can write that file can
    change it - up to the trust anchor."""
    by = str(statement.get("by", ""))
    user = users.get(by)
    if user is None:
        return f"{by or 'nobody'} is not in the users file"
    key = next((k for k in _keys(user) if fingerprint(k.public) == signer), None)
    if key is None:
        return f"it is signed with a key that is not {user.name}'s"
    if key.registration is None or key.registration.statement.get("role") != Role.ADMINISTRATOR.value:
        return f"{user.name}'s key {signer[:16]} is not registered as an administrator's"
    if not verify_signature(key.public, statement, signature):
        return f"{user.name}'s signature is invalid (what it signed was changed)"
    return trail_key_problem(users, user.name, key.public, anchor)

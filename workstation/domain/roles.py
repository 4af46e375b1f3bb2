"""Roles, local users and permission checks.

Four roles:

- **clerk** decides items (redact / release / defer / not personal information), undoes, submits a case for
  sign-off and exports a signed-off case; cannot sign off and cannot override a protected-category rule;
- **counsel** does what a clerk does, and also signs off, returns a case to review and records overrides (always
  with a written reason);
- **supervisor** reads everything (cases, decisions, the audit trail) and runs spot-checks; cannot change
  decisions;
- **administrator** manages users and assigns roles; does not review cases.

Users are configuration data: a JSON file (by default ``users.json`` in the user's config folder) mapping each
local user to one role. Passphrases are stored only as a salted scrypt hash (per-user random 16-byte salt, the
cost parameters stored beside it); verification uses ``hmac.compare_digest``. Every user has an Ed25519 signing
key (``signing``): the private half encrypted under their passphrase, the public half registered by an
administrator; ``key_problem`` checks a key's registration up to the trust anchor. Counsel signs approvals with it,
administrators registrations, and everyone the trail records they append (``trail_signatures``). A user made
before every role had a key gets one when they next sign in (``with_key``): *pending* - no administrator vouches
for it - until an administrator registers it (``keygen`` with the owner there to type their passphrase, which
unlocks that very key). A replaced key is kept, public half only, in ``retired_keys``, so what it signed still
verifies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from workstation.domain.errors import ConfigurationError, PermissionDenied
from workstation.domain.signing import (
    KEY_SCRYPT_N,
    RetiredKey,
    Signer,
    TrustAnchor,
    UserKey,
    new_key,
    reencrypt,
    register,
    registration_statement,
    unlock,
    verify_signature,
)

APP_NAME = "disclosure-workstation"
USERS_FILE_VERSION = 1
MIN_PASSPHRASE_LENGTH = 12
FAILED_LOGIN_DELAY = 1.5  # seconds waited after a wrong passphrase or an unknown user, before saying so


class Role(StrEnum):
    CLERK = "clerk"
    COUNSEL = "counsel"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls(name.strip().lower())
        except ValueError:
            raise ConfigurationError(f"unknown role {name!r} (one of: {', '.join(r.value for r in cls)})") from None


class Permission(StrEnum):
    READ = "read"  # open a case, see its findings, decisions and audit trail
    OPEN_CASE = "open-case"  # create a case and run scans
    DECIDE = "decide"  # decide items, add manual redactions, undo
    SUBMIT = "submit"  # mark a case ready for sign-off
    SIGN_OFF = "sign-off"
    RETURN = "return"  # return a case from sign-off to review
    OVERRIDE = "override"  # override a protected-category rule (with a written reason)
    EXPORT = "export"
    SPOT_CHECK = "spot-check"
    ASSIGN_ROLES = "assign-roles"  # add users, assign roles, reset passphrases


PERMISSION_LABELS = {
    Permission.READ: "read cases",
    Permission.OPEN_CASE: "open cases or run scans",
    Permission.DECIDE: "change decisions",
    Permission.SUBMIT: "submit a case for sign-off",
    Permission.SIGN_OFF: "sign off a case",
    Permission.RETURN: "return a case to review",
    Permission.OVERRIDE: "override a protected-category rule",
    Permission.EXPORT: "export a case",
    Permission.SPOT_CHECK: "run spot-checks",
    Permission.ASSIGN_ROLES: "assign roles or manage users",
}

_CLERK = frozenset({Permission.READ, Permission.OPEN_CASE, Permission.DECIDE, Permission.SUBMIT, Permission.EXPORT})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.COUNSEL: _CLERK | {Permission.SIGN_OFF, Permission.RETURN, Permission.OVERRIDE},
    Role.SUPERVISOR: frozenset({Permission.READ, Permission.SPOT_CHECK}),
    Role.ADMINISTRATOR: frozenset({Permission.ASSIGN_ROLES}),
}

# Why a role lacks a permission, for the PermissionDenied message.
_WHY = {
    Role.CLERK: "only counsel may sign off, return a case or override a protected-category rule",
    Role.SUPERVISOR: "supervisors read and spot-check but do not change cases",
    Role.ADMINISTRATOR: "administrators manage users and roles but do not review cases",
    Role.COUNSEL: "counsel does not manage users or run spot-checks",
}


def has_permission(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


# ----- passphrases

@dataclass(frozen=True)
class PassphraseHash:
    """An scrypt hash of a passphrase with its salt and cost parameters (the passphrase itself is never kept)."""

    salt: bytes
    digest: bytes
    n: int = 2**15
    r: int = 8
    p: int = 1
    kdf: str = "scrypt"

    def to_dict(self) -> dict[str, object]:
        return {"kdf": self.kdf, "n": self.n, "r": self.r, "p": self.p,
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "hash": base64.b64encode(self.digest).decode("ascii")}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PassphraseHash:
        if data.get("kdf") != "scrypt":
            raise ConfigurationError(f"unsupported passphrase hash {data.get('kdf')!r}")
        try:
            salt = base64.b64decode(str(data["salt"]), validate=True)
            digest = base64.b64decode(str(data["hash"]), validate=True)
            n, r, p = int(str(data["n"])), int(str(data["r"])), int(str(data["p"]))
        except (KeyError, ValueError) as exc:
            raise ConfigurationError(f"malformed passphrase hash: {exc}") from None
        if len(salt) < 16 or len(digest) < 32 or n < MIN_SCRYPT_N:
            raise ConfigurationError("passphrase hash below the minimum strength (salt, length or cost)")
        return cls(salt, digest, n, r, p)


MIN_SCRYPT_N = 2**14
_DUMMY = None  # a hash compared against for unknown users, so that both cases take the same time


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def hash_passphrase(passphrase: str, *, n: int = 2**15, r: int = 8, p: int = 1) -> PassphraseHash:
    """A new salted hash of ``passphrase`` (random 16-byte salt; scrypt N=2^15, r=8, p=1 by default)."""
    if n < MIN_SCRYPT_N:
        raise ValueError(f"scrypt cost n must be at least {MIN_SCRYPT_N}")
    salt = secrets.token_bytes(16)
    return PassphraseHash(salt, _scrypt(passphrase, salt, n, r, p), n, r, p)


def verify_passphrase(passphrase: str, stored: PassphraseHash) -> bool:
    return hmac.compare_digest(_scrypt(passphrase, stored.salt, stored.n, stored.r, stored.p), stored.digest)


# Runs of keys or characters a passphrase may not be made of (read forwards or backwards, wrapping round).
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm",
              "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "!@#$%^&*()")
_COMMON_WORDS = frozenset({"password", "passphrase", "passwort", "contrasena", "letmein", "welcome", "admin",
                           "administrator", "changeme", "secret", "iloveyou", "monkey", "dragon", "qwerty",
                           "workstation", "default", "login", "user", "test"})
MIN_DISTINCT_CHARACTERS = 5


def passphrase_weakness(passphrase: str) -> str | None:
    """Why ``passphrase`` is too weak for a new passphrase (never repeating it), or None: shorter than
    ``MIN_PASSPHRASE_LENGTH``; fewer than ``MIN_DISTINCT_CHARACTERS`` different characters (``aaaaaaaaaaaa``);
    one piece repeated (``abcabcabcabc``); a run of the alphabet, the digits or a keyboard row (``123456789012``,
    ``qwertyuiopas``, ``zyxwvutsrqpo``); a common word with digits or punctuation around it (``password1234``)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"a passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters"
    folded = passphrase.lower()
    if len(set(folded)) < MIN_DISTINCT_CHARACTERS:
        return f"a passphrase must use at least {MIN_DISTINCT_CHARACTERS} different characters"
    if re.fullmatch(r"(.+?)\1+", folded, re.DOTALL):
        return "a passphrase may not be one piece repeated"
    for seq in _SEQUENCES:
        for s in (seq, seq[::-1]):
            if folded in s * (len(folded) // len(s) + 2):
                return "a passphrase may not be a run of the alphabet, the digits or a row of the keyboard"
    if re.sub(r"[\W\d_]+", "", folded) in _COMMON_WORDS:
        return "a passphrase may not be a common word with digits or punctuation added"
    return None


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse a new passphrase (``users add``, a passphrase change) that ``passphrase_weakness`` finds weak."""
    weakness = passphrase_weakness(passphrase)
    if weakness:
        raise PermissionDenied(weakness)


# ----- users

_USER_NAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class User:
    name: str  # the local login name (lower case)
    role: Role
    display_name: str = ""
    passphrase: PassphraseHash | None = field(default=None, repr=False, compare=False)
    disabled: bool = False
    # the user's Ed25519 key (``signing``): the public half registered by an administrator (None: pending), the
    # private half encrypted under the passphrase
    key: UserKey | None = field(default=None, repr=False, compare=False)
    retired_keys: tuple[RetiredKey, ...] = field(default=(), repr=False, compare=False)

    def can(self, permission: Permission) -> bool:
        return not self.disabled and has_permission(self.role, permission)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "role": self.role.value, "display_name": self.display_name,
                                  "disabled": self.disabled}
        if self.passphrase is not None:
            out["passphrase"] = self.passphrase.to_dict()
        if self.key is not None:
            out["key"] = self.key.to_dict()
        if self.retired_keys:
            out["retired_keys"] = [k.to_dict() for k in self.retired_keys]
        return out

    def with_new_key(self, key: UserKey | None, at: str) -> User:
        """This user with ``key`` instead of their current one, which is kept (public half) as retired."""
        retired = self.retired_keys + ((RetiredKey.of(self.key, at),) if self.key is not None else ())
        return replace(self, key=key, retired_keys=retired)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> User:
        ph = data.get("passphrase")
        key = data.get("key")
        retired = data.get("retired_keys")
        return cls(name=str(data["name"]), role=Role.parse(str(data["role"])),
                   display_name=str(data.get("display_name", "")),
                   passphrase=PassphraseHash.from_dict(ph) if isinstance(ph, dict) else None,
                   disabled=bool(data.get("disabled", False)),
                   key=UserKey.from_dict(key) if isinstance(key, dict) else None,
                   retired_keys=tuple(RetiredKey.from_dict(k) for k in retired if isinstance(k, dict))
                   if isinstance(retired, list) else ())


def require(user: User, permission: Permission, what: str = "") -> None:
    """Raise ``PermissionDenied`` (exit 4) unless ``user`` may do ``permission``; ``what`` names the object."""
    if user.can(permission):
        return
    action = PERMISSION_LABELS[permission] + (f" ({what})" if what else "")
    if user.disabled:
        reason = "the account is disabled"
    else:
        reason = _WHY[user.role]
    raise PermissionDenied(f"{user.name} ({user.role.value}) may not {action}: {reason}",
                           user=user.name, role=user.role.value, action=permission.value)


def default_users_path() -> Path:
    """``users.json`` in the user's configuration folder (platformdirs)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "users.json"


@dataclass(frozen=True)
class UserDirectory:
    """The local users and their roles (immutable: changes return a new directory to save)."""

    users: tuple[User, ...] = ()

    def get(self, name: str) -> User | None:
        name = name.strip().lower()
        return next((u for u in self.users if u.name == name), None)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def by_role(self, role: Role) -> list[User]:
        return [u for u in self.users if u.role is role and not u.disabled]

    def authenticate(self, name: str, passphrase: str, *,
                     pause: Callable[[float], None] = time.sleep) -> User:
        """The user whose passphrase this is; ``PermissionDenied`` (same message whether the user is unknown or the
        passphrase wrong, and the same work done in both cases) after waiting ``FAILED_LOGIN_DELAY`` seconds
        through ``pause`` (tests pass one that does not sleep)."""
        global _DUMMY
        user = self.get(name)
        stored = user.passphrase if user is not None else None
        if stored is None:
            if _DUMMY is None:
                _DUMMY = hash_passphrase(secrets.token_hex(16))
            verify_passphrase(passphrase, _DUMMY)
            pause(FAILED_LOGIN_DELAY)
            raise PermissionDenied("unknown user or wrong passphrase")
        if not verify_passphrase(passphrase, stored):
            pause(FAILED_LOGIN_DELAY)
            raise PermissionDenied("unknown user or wrong passphrase")
        assert user is not None
        if user.disabled:
            raise PermissionDenied(f"{user.name}: the account is disabled", user=user.name, role=user.role.value)
        return user

    # ----- administration (each needs ASSIGN_ROLES, except creating the first administrator)
    def add_user(self, actor: User | None, name: str, role: Role, passphrase: str, display_name: str = "",
                 *, n: int = 2**15, signer: Signer | None = None, key_n: int = KEY_SCRYPT_N,
                 at: str = "") -> UserDirectory:
        """Add a user with a signing key pair (``signing``; every role: counsel signs approvals, everyone their
        trail records), its private half encrypted under ``passphrase``, its public half registered with the acting
        administrator's unlocked key ``signer`` (the first administrator registers its own). Without ``signer`` the
        key is *pending*: it signs, but nothing it signs verifies until an administrator registers it
        (``workstation users keygen NAME``, with NAME there to type their passphrase)."""
        name = name.strip().lower()
        if actor is None:
            if self.users or role is not Role.ADMINISTRATOR:
                raise PermissionDenied("only an administrator may add users (the first user must be an "
                                       "administrator)")
        else:
            require(actor, Permission.ASSIGN_ROLES, f"add {name}")
        if not _USER_NAME.match(name):
            raise ConfigurationError(f"invalid user name {name!r} (lower-case letters, digits, '.', '_', '-')")
        if name in self:
            raise ConfigurationError(f"user {name!r} already exists")
        check_passphrase_strength(passphrase)
        key, own = new_key(name, passphrase, n=key_n)
        if actor is None or signer is not None:
            by = own if actor is None else self._registrar(actor, signer)
            key = register(key, name, role.value, by, at or _now())
        user = User(name, role, display_name, hash_passphrase(passphrase, n=n), key=key)
        return UserDirectory((*self.users, user))

    def _registrar(self, actor: User, signer: Signer | None) -> Signer:
        """The acting administrator's unlocked key, checked to be the one in the users file."""
        require(actor, Permission.ASSIGN_ROLES, "register a signing key")
        if signer is None or signer.user != actor.name or actor.key is None or actor.key.public != signer.public:
            raise PermissionDenied(f"{actor.name}: registering a signing key needs your own unlocked key"
                                   + ("" if actor.key is not None else
                                      f" (you have none: run `workstation users keygen {actor.name}` first)"))
        return signer

    def keygen(self, actor: User, name: str, owner_passphrase: str, signer: Signer | None, *,
               key_n: int = KEY_SCRYPT_N, at: str = "", replace_key: bool = False) -> UserDirectory:
        """Register ``name``'s signing key, encrypted under the owner's passphrase (checked against their stored
        hash), by the acting administrator (``signer``; an administrator without a registered key registers their
        own, trusted only once its fingerprint is in the anchor). A *pending* key (made at sign-in, unregistered)
        is registered as it is - the owner's passphrase unlocks it, proving it is the one they made and sign
        with - so the trail records it signed verify; a user without a key gets a new one. A registered key is
        replaced only with ``replace_key`` (approvals signed with it stop verifying; the trail records it signed
        still do: it is kept as retired)."""
        require(actor, Permission.ASSIGN_ROLES, f"make a signing key for {name}")
        user = self._existing(name)
        pending = user.key is not None and user.key.registration is None and not replace_key
        if user.key is not None and not pending and not replace_key:
            raise ConfigurationError(f"{user.name} already has a signing key (replace it with --replace: "
                                     "approvals signed with the old key then stop verifying)")
        if user.passphrase is None or not verify_passphrase(owner_passphrase, user.passphrase):
            raise PermissionDenied(f"{user.name}: the owner's passphrase is wrong")
        if pending:
            assert user.key is not None
            own = unlock(user.name, user.key, owner_passphrase)  # the very key the owner signs with
            key = user.key
        else:
            key, own = new_key(user.name, owner_passphrase, n=key_n)
        own_unregistered = actor.key is None or actor.key.registration is None
        if user.name == actor.name and (own_unregistered or replace_key):
            by = own
        else:
            by = self._registrar(actor, signer)
        registered = register(key, user.name, user.role.value, by, at or _now())
        if pending:
            return self._replace(replace(user, key=registered))
        return self._replace(user.with_new_key(registered, at or _now()))

    def with_key(self, name: str, passphrase: str, *, key_n: int = KEY_SCRYPT_N) -> tuple[UserDirectory, Signer]:
        """``name``'s unlocked signing key, for a session (``passphrase`` already authenticated); a user without
        one (a users file from before every role had a key) gets a new *pending* key: returned with the directory
        to save. Pending means no administrator vouches for it: until one registers it (``keygen``), records it
        signs do not verify - anyone who can write the users file could have put a key of their own there."""
        user = self._existing(name)
        if user.key is not None:
            return self, unlock(user.name, user.key, passphrase)
        key, signer = new_key(user.name, passphrase, n=key_n)
        return self._replace(replace(user, key=key)), signer

    def unlock(self, name: str, passphrase: str) -> Signer:
        """``name``'s unlocked signing key for an approval; ``PermissionDenied`` saying what the administrator must
        run when the user has none, or only a pending one (no administrator has registered it)."""
        user = self._existing(name)
        if user.key is None or user.key.registration is None:
            what = "no signing key" if user.key is None else "only a pending signing key (no administrator registered it)"
            raise PermissionDenied(f"{user.name} has {what}, so cannot sign approvals: an administrator "
                                   f"must run `workstation users keygen {user.name}` (with {user.name} there to "
                                   "type their passphrase)")
        return unlock(user.name, user.key, passphrase)

    def key_problem(self, name: str, anchor: TrustAnchor | None, _seen: frozenset[str] = frozenset()) -> str | None:
        """Why ``name``'s public key cannot be trusted (one line), or None: it must be registered by an
        administrator whose own key is in the trust ``anchor`` or registered, in turn, by one that is."""
        user = self.get(name)
        if user is None:
            return f"{name} is not in the users file"
        if user.key is None:
            return (f"{user.name} has no signing key (an administrator runs `workstation users keygen "
                    f"{user.name}`)")
        if user.disabled:
            return f"{user.name}'s account is disabled"
        if anchor is None:
            return ("no trust anchor: give the administrators' key fingerprint (--trust-anchor, "
                    "$WORKSTATION_TRUST_ANCHOR, or the system file)")
        if user.role is Role.ADMINISTRATOR and user.key.fingerprint in anchor.fingerprints:
            return None
        reg = user.key.registration
        if reg is None:
            return f"{user.name}'s key is not registered by an administrator"
        expected = registration_statement(user.name, user.role.value, user.key.public,
                                          str(reg.statement.get("registered_by", "")),
                                          str(reg.statement.get("at", "")))
        if dict(reg.statement) != expected:
            return f"{user.name}'s key registration does not match the key or role in the users file"
        registrar = self.get(str(reg.statement.get("registered_by", "")))
        if (registrar is None or registrar.role is not Role.ADMINISTRATOR or registrar.key is None
                or registrar.key.fingerprint != reg.signer or registrar.name in _seen):
            return (f"{user.name}'s key is not registered by an administrator whose key the trust anchor "
                    f"{_short(anchor)} covers")
        if registrar.name == user.name:  # self-registered, and not in the anchor
            return f"{user.name}'s key is not in the trust anchor {_short(anchor)}"
        if not verify_signature(registrar.key.public, reg.statement, reg.signature):
            return f"{user.name}'s key registration signature is invalid (the users file was changed)"
        problem = self.key_problem(registrar.name, anchor, _seen | {user.name})
        if problem:
            return f"{user.name}'s key was registered by {registrar.name}, whose key is not trusted: {problem}"
        return None

    def verify(self, name: str, statement: Mapping[str, Any], signature: str,
               anchor: TrustAnchor | None) -> str | None:
        """Why ``signature`` is not ``name``'s valid signature of ``statement`` (one line), or None."""
        problem = self.key_problem(name, anchor)
        if problem:
            return problem
        user = self.get(name)
        assert user is not None and user.key is not None
        if not signature:
            return f"not signed by {user.name}"
        if not verify_signature(user.key.public, statement, signature):
            return f"{user.name}'s signature does not match what the case holds now"
        return None

    def assign_role(self, actor: User, name: str, role: Role) -> UserDirectory:
        require(actor, Permission.ASSIGN_ROLES, f"assign {role.value} to {name}")
        user = self._existing(name)
        if user.role is Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR:
            self._keep_an_administrator(user)
        return self._replace(replace(user, role=role))

    def set_passphrase(self, actor: User, name: str, passphrase: str, *, n: int = 2**15,
                       old_passphrase: str | None = None, signer: Signer | None = None,
                       key_n: int = KEY_SCRYPT_N) -> UserDirectory:
        """An administrator resets a passphrase; any user changes their own. A signing key is re-encrypted
        under the new passphrase when the old one is given; on a reset (old passphrase unknown) the administrator's
        ``signer`` registers a new key pair, or, without it, the user gets a new pending key (``users keygen``
        registers it). A replaced key is kept as retired (public half), so what it signed still verifies."""
        user = self._existing(name)
        if actor.name != user.name:
            require(actor, Permission.ASSIGN_ROLES, f"reset the passphrase of {name}")
        check_passphrase_strength(passphrase)
        key = user.key
        if key is not None:
            if old_passphrase is not None:
                key = reencrypt(user.name, key, old_passphrase, passphrase, n=key_n)
                return self._replace(replace(user, passphrase=hash_passphrase(passphrase, n=n), key=key))
            fresh, _ = new_key(user.name, passphrase, n=key_n)
            if signer is not None:
                fresh = register(fresh, user.name, user.role.value, self._registrar(actor, signer), _now())
            user = user.with_new_key(fresh, _now())
        return self._replace(replace(user, passphrase=hash_passphrase(passphrase, n=n)))

    def disable(self, actor: User, name: str) -> UserDirectory:
        require(actor, Permission.ASSIGN_ROLES, f"disable {name}")
        user = self._existing(name)
        if user.role is Role.ADMINISTRATOR:
            self._keep_an_administrator(user)
        return self._replace(replace(user, disabled=True))

    def _existing(self, name: str) -> User:
        user = self.get(name)
        if user is None:
            raise ConfigurationError(f"no such user {name!r}")
        return user

    def _keep_an_administrator(self, leaving: User) -> None:
        if not [u for u in self.by_role(Role.ADMINISTRATOR) if u.name != leaving.name]:
            raise PermissionDenied(f"{leaving.name} is the last administrator: assign another one first")

    def _replace(self, user: User) -> UserDirectory:
        return UserDirectory(tuple(user if u.name == user.name else u for u in self.users))

    # ----- serialisation
    def to_dict(self) -> dict[str, object]:
        return {"version": USERS_FILE_VERSION, "users": [u.to_dict() for u in self.users]}

    @classmethod
    def from_users(cls, users: Iterable[User]) -> UserDirectory:
        return cls(tuple(users))


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _short(anchor: TrustAnchor) -> str:
    return "(" + ", ".join(f[:16] for f in sorted(anchor.fingerprints)) + f"; {anchor.source})"


def load_users(path: Path) -> UserDirectory:
    """The users file; a missing file is an empty directory (the first user added must be an administrator)."""
    if not path.exists():
        return UserDirectory()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read users: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != USERS_FILE_VERSION or not isinstance(data.get("users"), list):
        raise ConfigurationError(f"{path}: not a users file (version {USERS_FILE_VERSION})")
    try:
        users = [User.from_dict(u) for u in data["users"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigurationError(f"{path}: malformed user entry: {exc}") from None
    names = [u.name for u in users]
    if len(set(names)) != len(names):
        raise ConfigurationError(f"{path}: duplicate user names")
    return UserDirectory(tuple(users))


def save_users(path: Path, directory: UserDirectory) -> None:
    """Write atomically (temporary file, fsync, rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".users.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(directory.to_dict(), fh, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

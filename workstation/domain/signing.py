"""Counsel's approvals are signatures, not rows (issue 12 item 1).

Every user has an Ed25519 key pair in the users file - counsel signs sign-offs and overrides with it,
administrators the others' key registrations, and everyone the trail records they append (``trail_signatures``):

- the **private key** (its 32-byte seed) is encrypted with AES-256-GCM under a key derived from the user's
  passphrase with scrypt (per-key random salt, the cost parameters stored beside it; the user's name and public key
  are the associated data, so an encrypted key moved to another user does not decrypt);
- the **public key** is *registered*: an administrator signs the statement ``{"kind": "key-registration", "user",
  "role", "public_key", "registered_by", "at"}`` with their own key. The first administrator's registration is
  signed by itself; it is trusted only through the **trust anchor**: the fingerprint (SHA-256 of the raw public
  key, 64 hex digits) of one or more administrators' keys, read from a file the clerk's account cannot change on a
  shared desk (``SYSTEM_TRUST_ANCHOR``, root-owned) or, where there is no such file, given to the command
  (``--trust-anchor``, ``$WORKSTATION_TRUST_ANCHOR``). The anchor is printed in every disclosure record, so the
  recipient can compare it with the fingerprint the department publishes.

An approval is a signature over the canonical JSON (sorted keys, no whitespace, UTF-8) of exactly what was approved
(``sign_off_statement``, ``override_statement``); the export rebuilds each statement from the case as it is now
- its id, recipient, legal basis and class, the digest of every decision, the recipient policy file's SHA-256 - and
verifies every signature against the signer's registered key, which it verifies up to the anchor.

Nothing here reads files or the environment except ``load_trust_anchor``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workstation.domain.errors import ConfigurationError, PermissionDenied

KEY_ROLES = frozenset({"counsel", "administrator"})  # roles that sign approvals and key registrations
KEY_SCRYPT_N = 2**15  # default cost of the key-encryption key (tests pass a lower one, never below MIN)
MIN_KEY_SCRYPT_N = 2**14
SYSTEM_TRUST_ANCHOR = Path("/etc/disclosure-workstation/trust-anchor")  # root-owned, read-only on a shared desk
TRUST_ANCHOR_ENV = "WORKSTATION_TRUST_ANCHOR"
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except ValueError:
        raise ConfigurationError(f"malformed {what} in the users file") from None


def canonical(statement: Mapping[str, Any]) -> bytes:
    """What is signed: sorted keys, no whitespace, UTF-8."""
    return json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(public_key: bytes) -> str:
    """A public key's fingerprint: SHA-256 of its 32 raw bytes, 64 hex digits."""
    return hashlib.sha256(public_key).hexdigest()


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _aad(user: str, public_key: bytes) -> bytes:
    return canonical({"user": user, "public_key": _b64(public_key)})


@dataclass(frozen=True)
class EncryptedKey:
    """An Ed25519 private key's seed under AES-256-GCM, keyed by scrypt of the owner's passphrase."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    n: int = KEY_SCRYPT_N
    r: int = 8
    p: int = 1

    def to_dict(self) -> dict[str, object]:
        return {"kdf": "scrypt", "n": self.n, "r": self.r, "p": self.p, "cipher": "aes-256-gcm",
                "salt": _b64(self.salt), "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> EncryptedKey:
        if data.get("kdf") != "scrypt" or data.get("cipher") != "aes-256-gcm":
            raise ConfigurationError("unsupported private-key encryption in the users file")
        try:
            n, r, p = int(str(data["n"])), int(str(data["r"])), int(str(data["p"]))
        except (KeyError, ValueError):
            raise ConfigurationError("malformed private-key encryption in the users file") from None
        if n < MIN_KEY_SCRYPT_N:
            raise ConfigurationError("private-key encryption below the minimum cost in the users file")
        return cls(_unb64(data.get("salt"), "key salt"), _unb64(data.get("nonce"), "key nonce"),
                   _unb64(data.get("ciphertext"), "encrypted key"), n, r, p)


@dataclass(frozen=True)
class Registration:
    """An administrator's signed statement that ``public_key`` is the key of ``user`` in ``role``."""

    statement: Mapping[str, Any]
    signer: str  # fingerprint of the registering administrator's key
    signature: str  # base64 Ed25519 signature over canonical(statement)

    def to_dict(self) -> dict[str, object]:
        return {"statement": dict(self.statement), "signer": self.signer, "signature": self.signature}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Registration:
        statement = data.get("statement")
        if not isinstance(statement, dict):
            raise ConfigurationError("malformed key registration in the users file")
        return cls(statement, str(data.get("signer", "")), str(data.get("signature", "")))


@dataclass(frozen=True)
class UserKey:
    public: bytes  # 32 raw bytes
    encrypted: EncryptedKey
    registration: Registration | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"algorithm": "ed25519", "public_key": _b64(self.public),
                                  "private_key": self.encrypted.to_dict()}
        if self.registration is not None:
            out["registration"] = self.registration.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> UserKey:
        if data.get("algorithm") != "ed25519":
            raise ConfigurationError("unsupported signing key in the users file")
        enc = data.get("private_key")
        reg = data.get("registration")
        if not isinstance(enc, dict):
            raise ConfigurationError("malformed signing key in the users file")
        return cls(_unb64(data.get("public_key"), "public key"), EncryptedKey.from_dict(enc),
                   Registration.from_dict(reg) if isinstance(reg, dict) else None)


@dataclass(frozen=True)
class RetiredKey:
    """A key its user no longer signs with (replaced, or reset by an administrator): only its public half and its
    registration stay, so the trail records it signed still verify (``trail_signatures``)."""

    public: bytes
    registration: Registration | None = None
    retired_at: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    @classmethod
    def of(cls, key: UserKey, at: str) -> RetiredKey:
        return cls(key.public, key.registration, at)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"algorithm": "ed25519", "public_key": _b64(self.public), "retired_at": self.retired_at}
        if self.registration is not None:
            out["registration"] = self.registration.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> RetiredKey:
        if data.get("algorithm") != "ed25519":
            raise ConfigurationError("unsupported retired key in the users file")
        reg = data.get("registration")
        return cls(_unb64(data.get("public_key"), "retired public key"),
                   Registration.from_dict(reg) if isinstance(reg, dict) else None, str(data.get("retired_at", "")))


@dataclass(frozen=True)
class Signer:
    """A user's unlocked private key (kept in memory for one command or one dialog)."""

    user: str
    public: bytes
    _key: Ed25519PrivateKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, statement: Mapping[str, Any]) -> str:
        return _b64(self._key.sign(canonical(statement)))


def _encrypt(user: str, key: Ed25519PrivateKey, passphrase: str, n: int) -> EncryptedKey:
    if n < MIN_KEY_SCRYPT_N:
        raise ValueError(f"scrypt cost n must be at least {MIN_KEY_SCRYPT_N}")
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    ciphertext = AESGCM(_kek(passphrase, salt, n, 8, 1)).encrypt(nonce, seed, _aad(user, _raw_public(key)))
    return EncryptedKey(salt, nonce, ciphertext, n, 8, 1)


def new_key(user: str, passphrase: str, *, n: int = KEY_SCRYPT_N) -> tuple[UserKey, Signer]:
    """A new key pair for ``user``, its private half encrypted under ``passphrase`` (not yet registered)."""
    key = Ed25519PrivateKey.generate()
    public = _raw_public(key)
    return UserKey(public, _encrypt(user, key, passphrase, n)), Signer(user, public, key)


def unlock(user: str, key: UserKey, passphrase: str) -> Signer:
    """Decrypt ``user``'s private key; ``PermissionDenied`` for a wrong passphrase or a key that is not theirs."""
    enc = key.encrypted
    try:
        seed = AESGCM(_kek(passphrase, enc.salt, enc.n, enc.r, enc.p)).decrypt(enc.nonce, enc.ciphertext,
                                                                              _aad(user, key.public))
        private = Ed25519PrivateKey.from_private_bytes(seed)
    except (InvalidTag, ValueError):
        raise PermissionDenied(f"{user}: the signing key cannot be unlocked with this passphrase") from None
    if _raw_public(private) != key.public:
        raise PermissionDenied(f"{user}: the signing key does not match its public key")
    return Signer(user, key.public, private)


def reencrypt(user: str, key: UserKey, old: str, new: str, *, n: int = KEY_SCRYPT_N) -> UserKey:
    """The same key pair (and registration) under a new passphrase."""
    signer = unlock(user, key, old)
    return UserKey(key.public, _encrypt(user, signer._key, new, n), key.registration)


def registration_statement(user: str, role: str, public_key: bytes, registered_by: str, at: str) -> dict[str, Any]:
    return {"kind": "key-registration", "user": user, "role": role, "public_key": _b64(public_key),
            "registered_by": registered_by, "at": at}


def register(key: UserKey, user: str, role: str, by: Signer, at: str) -> UserKey:
    """``key`` with a registration signed by the administrator ``by`` (by itself for the first administrator)."""
    statement = registration_statement(user, role, key.public, by.user, at)
    return UserKey(key.public, key.encrypted, Registration(statement, by.fingerprint, by.sign(statement)))


def verify_signature(public_key: bytes, statement: Mapping[str, Any], signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(base64.b64decode(signature, validate=True),
                                                              canonical(statement))
        return True
    except (InvalidSignature, ValueError):
        return False


# ----- what is signed

def sign_off_statement(*, case_id: str, recipient: str, legal_basis: Mapping[str, Any], disclosure_class: str,
                       decisions_digest: str, policy_sha256: str, signer: str, at: str, audit_records: int = 0,
                       audit_head: str = "") -> dict[str, Any]:
    """Counsel's sign-off: this case, to this recipient, on this legal basis and class, with exactly these decisions
    (``case.decisions_digest``: every item's identity, decision and override) under this policy file - and, when
    given, after exactly this trail (its record count and head hash: an anchor nobody without counsel's key can
    move; sign-offs given before the anchor was added have none)."""
    statement = {"kind": "sign-off", "case_id": case_id, "recipient": recipient, "legal_basis": dict(legal_basis),
                 "disclosure_class": disclosure_class, "decisions_digest": decisions_digest,
                 "policy_sha256": policy_sha256, "signer": signer, "at": at}
    if audit_head:
        statement["audit"] = {"records": audit_records, "head": audit_head}
    return statement


def override_statement(*, case_id: str, recipient: str, case_legal_basis: Mapping[str, Any], item: str,
                       category: str, override_basis: Mapping[str, Any], reason: str, policy_sha256: str,
                       signer: str, at: str) -> dict[str, Any]:
    """Counsel's override: release this item (``policy_engine.item_id``: document, page, offsets, category, keyed
    digest of the text) of this case to this recipient, citing this warrant, for this reason, under this policy."""
    return {"kind": "override", "case_id": case_id, "recipient": recipient, "legal_basis": dict(case_legal_basis),
            "item": item, "category": category, "decision": "release", "warrant": dict(override_basis),
            "reason_sha256": hashlib.sha256(reason.encode("utf-8")).hexdigest(),
            "policy_sha256": policy_sha256, "signer": signer, "at": at}


# ----- the trust anchor

@dataclass(frozen=True)
class TrustAnchor:
    """The administrators' key fingerprints every registration is verified up to, and where they were read."""

    fingerprints: frozenset[str]
    source: str  # "system file /etc/...", "--trust-anchor", "$WORKSTATION_TRUST_ANCHOR"

    def to_dict(self) -> dict[str, object]:
        return {"fingerprints": sorted(self.fingerprints), "source": self.source}


def parse_fingerprints(text: str, where: str) -> frozenset[str]:
    """Fingerprints separated by commas, spaces or lines (``#`` starts a comment); 64 hex digits each."""
    found = set()
    for line in text.splitlines():
        for word in re.split(r"[,\s]+", line.split("#", 1)[0].strip()):
            if not word:
                continue
            word = word.lower().replace(":", "")
            if not _FINGERPRINT.fullmatch(word):
                raise ConfigurationError(f"{where}: not a key fingerprint (64 hex digits)")
            found.add(word)
    if not found:
        raise ConfigurationError(f"{where}: no key fingerprint")
    return frozenset(found)


def load_trust_anchor(option: str | None = None, environ: Mapping[str, str] | None = None,
                      system_file: Path | None = None) -> TrustAnchor | None:
    """The trust anchor. The system file (``SYSTEM_TRUST_ANCHOR``), when it exists, is the anchor: an option or
    environment variable naming other fingerprints is refused (a clerk cannot bring an anchor of their own to a
    desk whose administrator installed one). Without the file: ``option``, else ``$WORKSTATION_TRUST_ANCHOR``;
    None when neither is given."""
    environ = os.environ if environ is None else environ
    path = SYSTEM_TRUST_ANCHOR if system_file is None else system_file
    given = option if option else environ.get(TRUST_ANCHOR_ENV) or None
    given_where = "--trust-anchor" if option else f"${TRUST_ANCHOR_ENV}"
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigurationError(f"{path}: cannot read the trust anchor: {exc}") from None
        anchored = parse_fingerprints(text, str(path))
        if given is not None and not parse_fingerprints(given, given_where) <= anchored:
            raise PermissionDenied(f"{given_where} names a key that is not in the system trust anchor {path}: "
                                   "refused (only the administrator of this desk changes the anchor)")
        return TrustAnchor(anchored, f"system file {path}")
    if given is None:
        return None
    return TrustAnchor(parse_fingerprints(given, given_where), given_where)

"""Signing keys in the users file and the trust anchor (issue 12 item 1), in the domain."""

from __future__ import annotations

import pytest

from workstation.domain.errors import ConfigurationError, PermissionDenied
from workstation.domain.roles import Role, UserDirectory, load_users, save_users
from workstation.domain.signing import (
    TrustAnchor,
    load_trust_anchor,
    new_key,
    sign_off_statement,
)

N = 2**14
ADMIN, ADMIN2, COUNSEL = "admin passphrase 1", "second admin phrase 2", "counsel passphrase 3"


def _directory() -> UserDirectory:
    d = UserDirectory().add_user(None, "admin", Role.ADMINISTRATOR, ADMIN, n=N, key_n=N)
    d = d.add_user(d.get("admin"), "admin2", Role.ADMINISTRATOR, ADMIN2, n=N, key_n=N,
                   signer=d.unlock("admin", ADMIN))
    return d.add_user(d.get("admin2"), "jchen", Role.COUNSEL, COUNSEL, n=N, key_n=N, signer=d.unlock("admin2", ADMIN2))


def _anchor(d: UserDirectory) -> TrustAnchor:
    return TrustAnchor(frozenset({d.get("admin").key.fingerprint}), "test")


def test_registration_chain_up_to_the_anchor(tmp_path) -> None:
    d = _directory()
    save_users(tmp_path / "users.json", d)
    d = load_users(tmp_path / "users.json")  # round trip through the file
    anchor = _anchor(d)
    assert d.key_problem("jchen", anchor) is None  # counsel <- admin2 <- admin (anchored)
    statement = sign_off_statement(case_id="c", recipient="public", legal_basis={}, disclosure_class="routine",
                                   decisions_digest="d", policy_sha256="p", signer="jchen", at="t")
    signature = d.unlock("jchen", COUNSEL).sign(statement)
    assert d.verify("jchen", statement, signature, anchor) is None
    assert "does not match" in d.verify("jchen", {**statement, "recipient": "court"}, signature, anchor)
    # anchored to someone else: nothing verifies; no anchor at all: refused, saying how to give one
    other = TrustAnchor(frozenset({"0" * 64}), "test")
    assert "trust anchor" in d.key_problem("jchen", other)
    assert "no trust anchor" in d.key_problem("jchen", None)


def test_keys_need_the_registrars_own_key_and_a_clerk_cannot_register() -> None:
    d = _directory()
    with pytest.raises(PermissionDenied, match="own unlocked key"):
        d.add_user(d.get("admin"), "counsel2", Role.COUNSEL, COUNSEL, n=N, key_n=N,
                   signer=d.unlock("jchen", COUNSEL))
    without = d.add_user(d.get("admin"), "counsel3", Role.COUNSEL, COUNSEL, n=N, key_n=N)  # no signer: pending
    pending = without.get("counsel3").key
    assert pending is not None and pending.registration is None
    with pytest.raises(PermissionDenied, match="only a pending signing key.*users keygen counsel3"):
        without.unlock("counsel3", COUNSEL)
    assert "not registered" in without.key_problem("counsel3", _anchor(without))
    with pytest.raises(PermissionDenied, match="owner's passphrase"):
        without.keygen(without.get("admin"), "counsel3", "wrong passphrase 99", without.unlock("admin", ADMIN))
    keyed = without.keygen(without.get("admin"), "counsel3", COUNSEL, without.unlock("admin", ADMIN), key_n=N)
    assert keyed.key_problem("counsel3", _anchor(keyed)) is None
    assert keyed.get("counsel3").key.public == pending.public  # the pending key itself is registered, not replaced


def test_passphrase_reset_without_the_old_one_replaces_the_key() -> None:
    d = _directory()
    reset = d.set_passphrase(d.get("admin"), "jchen", "brand new phrase 42", n=N, key_n=N)
    assert reset.get("jchen").key.registration is None  # a new key, pending until an administrator registers it
    assert [k.public for k in reset.get("jchen").retired_keys] == [d.get("jchen").key.public]
    renewed = d.set_passphrase(d.get("admin"), "jchen", "brand new phrase 42", n=N, key_n=N,
                               signer=d.unlock("admin", ADMIN))
    assert renewed.get("jchen").key.public != d.get("jchen").key.public
    assert renewed.key_problem("jchen", _anchor(renewed)) is None


def test_key_cost_and_trust_anchor_sources(tmp_path) -> None:
    with pytest.raises(ValueError):
        new_key("x", "passphrase", n=2**10)
    fp = "ab" * 32
    assert load_trust_anchor(None, {}, tmp_path / "none") is None
    assert load_trust_anchor(None, {"WORKSTATION_TRUST_ANCHOR": fp}, tmp_path / "none").fingerprints == {fp}
    with pytest.raises(ConfigurationError):
        load_trust_anchor("not-a-fingerprint", {}, tmp_path / "none")
    system = tmp_path / "anchor"
    system.write_text(f"# the department's administrator\n{'cd' * 32}\n")
    assert load_trust_anchor(None, {}, system).fingerprints == {"cd" * 32}
    with pytest.raises(PermissionDenied, match="not in the system trust anchor"):
        load_trust_anchor(fp, {}, system)

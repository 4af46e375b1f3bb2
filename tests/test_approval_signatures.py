"""Issue 12 item 1 (counsel's approvals are signatures) and the checkable parts of item 2 (an emptied chain is
broken, heads anchored outside the store, `audit verify FILE` says when it could not compare, user administration
and failed logins recorded), each attack performed as a clerk who can write the store and the users file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

import tests.test_case_cli as case_cli
from tests.test_case_cli import PASS, WARRANT, items, new_case, run
from workstation.domain.audit import AuditRecord

env = case_cli.env  # users of every role (counsel's key registered by admin, admin's key the anchor), a store


def _db(env: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(env / "data" / "cases.sqlite3"), isolation_level=None)


def _case_id(db: sqlite3.Connection) -> str:
    return db.execute("SELECT id FROM cases WHERE name = 'imm'").fetchone()[0]


def _recomputed_digest(env: Path) -> str:
    """What a clerk computes with the workstation's own code: the decisions digest of the case as it is now."""
    from workstation.domain.case import decisions_digest
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    with CaseStore(env / "data" / "cases.sqlite3") as store:
        svc = CaseService(store)
        return decisions_digest(svc.case_items(svc.lookup("imm").id))


def _forge_signoff(env: Path, signature: str = "") -> None:
    db = _db(env)
    cid = _case_id(db)
    state = json.loads(db.execute("SELECT data FROM case_states WHERE case_id = ?", (cid,)).fetchone()[0])
    state["state"] = "signed-off"
    state["sign_off"] = {"actor": "counsel1", "at": "2026-12-07T10:00:00Z", "digest": _recomputed_digest(env),
                         "note": ""}
    if signature:
        state["sign_off"].update(signature=signature, policy_sha256="0" * 64)
    db.execute("UPDATE case_states SET data = ? WHERE case_id = ?", (json.dumps(state), cid))
    db.execute("INSERT INTO signoffs VALUES (?, 'counsel1', '2026-12-07T10:00:00Z', ?, '')",
               (cid, state["sign_off"]["digest"]))
    db.close()


def _export(capsys, monkeypatch, env: Path) -> tuple[int, str, str]:
    return run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")


def _refusals(capsys, monkeypatch) -> str:
    _, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "refused")
    return out


def test_clerk_inserts_counsels_signoff_row_export_refused(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "not signed off" in err
    _forge_signoff(env)  # the row counsel's sign-off would have written, with the digest recomputed
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4, "a sign-off row a clerk wrote was accepted"
    assert "sign-off by counsel1" in err and "not signed" in err
    assert not (env / "out").exists()
    assert "sign-off by counsel1" in _refusals(capsys, monkeypatch)  # the refusal is in the trail


def test_clerk_reuses_a_real_signature_after_changing_a_decision(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    # the clerk releases the A-number directly in the store and recomputes the sign-off's digest
    db = _db(env)
    cid = _case_id(db)
    db.execute("UPDATE decisions SET decision = 'release', reason = 'x' WHERE case_id = ? AND category = 'PERSON'",
               (cid,))
    state = json.loads(db.execute("SELECT data FROM case_states WHERE case_id = ?", (cid,)).fetchone()[0])
    db.close()
    state["sign_off"]["digest"] = _recomputed_digest(env)
    db = _db(env)
    db.execute("UPDATE case_states SET data = ? WHERE case_id = ?", (json.dumps(state), cid))
    db.close()
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "signature does not match what the case holds now" in err


def _new_approved_case(capsys, monkeypatch, env: Path) -> None:
    """A federal-immigration case whose release of a protected item the privacy officer approved."""
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "imm", "--recipient",
                       "federal-immigration", "--class", "privacy-officer-approved", "--approval-ref", "PO-2026-17")
    assert code == 0, err


def test_clerk_inserts_counsels_override_row_export_refused(env, capsys, monkeypatch):
    _new_approved_case(capsys, monkeypatch, env)
    nationality = next(i for i, c, _ in items(capsys, monkeypatch) if c == "NATIONALITY")
    db = _db(env)
    cid = _case_id(db)
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    with CaseStore(env / "data" / "cases.sqlite3") as store:
        item = next(i for i in CaseService(store).items(cid) if i.id == nationality)
    from workstation.service import full_item_id

    ident = full_item_id(item.key)
    override = {"item": ident, "category": "NATIONALITY", "actor": "counsel1", "role": "counsel",
                "reason": "warrant served on the department", "at": "2026-12-07T10:00:00Z",
                "legal_basis": {"kind": "judicial-warrant", "reference": WARRANT}}
    db.execute("INSERT INTO overrides VALUES (?, ?, ?)", (cid, ident, json.dumps(override)))
    k = item.key
    db.execute("UPDATE decisions SET decision = 'release', reason = 'warrant served on the department' "
               "WHERE case_id = ? AND document = ? AND page = ? AND start = ? AND category = 'NATIONALITY'",
               (cid, k.document, k.page, k.start))
    db.close()
    _forge_signoff(env)
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4, "an override row a clerk wrote was accepted"
    assert "override of NATIONALITY by counsel1" in err and "not signed" in err
    assert not (env / "out").exists()
    assert "override of NATIONALITY" in _refusals(capsys, monkeypatch)


def _users_json(env: Path) -> dict:
    return json.loads((env / "users.json").read_text())


def test_clerk_replaces_counsels_key_in_the_users_file(env, capsys, monkeypatch):
    from workstation.domain.signing import new_key, register

    new_case(capsys, monkeypatch, env)
    # the clerk makes a key pair of their own, puts it in counsel's entry (keeping or re-signing the
    # registration), and signs the sign-off with it
    key, signer = new_key("counsel1", PASS["clerk1"], n=2**14)
    data = _users_json(env)
    entry = next(u for u in data["users"] if u["name"] == "counsel1")
    old_registration = entry["key"]["registration"]
    entry["key"] = {**key.to_dict(), "registration": old_registration}
    (env / "users.json").write_text(json.dumps(data))
    from workstation.domain.case import SignOff
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    with CaseStore(env / "data" / "cases.sqlite3") as store:
        svc = CaseService(store)
        cid = svc.lookup("imm").id
        case = svc.state(cid)
        from workstation.domain.case import decisions_digest

        so = SignOff("counsel1", "2026-12-07T10:00:00Z", decisions_digest(svc.case_items(cid)), "",
                     policy_sha256=svc.policy_sha256(case.context.recipient))
        forged = signer.sign(svc.sign_off_statement(cid, case, so))
    _forge_signoff(env, forged)
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "registration does not match" in err

    # re-registered by an administrator key the clerk also made: not the anchored administrator
    admin_key, admin_signer = new_key("admin", PASS["clerk1"], n=2**14)
    admin_signer = type(admin_signer)("admin", admin_key.public, admin_signer._key)
    admin_entry = next(u for u in data["users"] if u["name"] == "admin")
    admin_entry["key"] = register(admin_key, "admin", "administrator", admin_signer, "2026-12-07").to_dict()
    entry["key"] = register(key, "counsel1", "counsel", admin_signer, "2026-12-07").to_dict()
    (env / "users.json").write_text(json.dumps(data))
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "trust anchor" in err

    # ... and bringing the clerk's own anchor is refused where the administrator installed the system file
    from workstation.domain import signing

    system = env / "trust-anchor"
    system.write_text(case_cli.anchor_of(case_cli.make_users({}, PASS)) + "\n")  # some other administrator
    monkeypatch.setattr(signing, "SYSTEM_TRUST_ANCHOR", system)
    monkeypatch.setenv("WORKSTATION_TRUST_ANCHOR", admin_key.fingerprint)
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "not in the system trust anchor" in err
    monkeypatch.delenv("WORKSTATION_TRUST_ANCHOR")
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "trust anchor" in err
    assert not (env / "out").exists()


def test_signed_export_names_the_anchor_and_verifies(env, capsys, monkeypatch):
    _new_approved_case(capsys, monkeypatch, env)
    nationality = next(i for i, c, _ in items(capsys, monkeypatch) if c == "NATIONALITY")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "warrant served on the department", "--warrant", WARRANT)
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 0, err
    record = json.loads((env / "out" / "disclosure-record.json").read_text())
    admin_fp = _users_json(env)["users"][0]["key"]["public_key"]
    assert record["trust_anchor"]["fingerprints"] == [case_cli.anchor_of(
        __import__("workstation.domain.roles", fromlist=["load_users"]).load_users(env / "users.json"))]
    assert admin_fp  # the anchor is the administrator's key
    assert record["signatures"]["sign_off"]["signed"] and record["signatures"]["overrides"][0]["signed"]
    assert len(record["policy_sha256"]) == 64
    _, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "sign-off")
    assert "signed_with" in out and "policy_sha256" in out
    # the head in the disclosure record anchors the trail from outside the store
    head = f"{record['audit_records']}:{record['audit_head']}"
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm", "--anchor", head)
    assert code == 0, out

    # the policy file changed after counsel signed: the signatures no longer cover it
    from workstation.domain.policy_engine import RecipientPolicy

    real = RecipientPolicy.from_file
    monkeypatch.setattr(RecipientPolicy, "from_file", classmethod(
        lambda cls, path, catalog: __import__("dataclasses").replace(real(path, catalog), sha256="f" * 64)))
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out2")
    assert code == 4 and "policy file changed" in err


def test_counsel_without_a_key_is_told_what_to_run(env, capsys, monkeypatch):
    from workstation.domain.roles import load_users, save_users

    new_case(capsys, monkeypatch, env)
    data = _users_json(env)
    next(u for u in data["users"] if u["name"] == "counsel1").pop("key")  # a user made before keys existed
    (env / "users.json").write_text(json.dumps(data))
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 4 and "workstation users keygen counsel1" in err
    monkeypatch.setenv("WORKSTATION_OWNER_PASSPHRASE", PASS["counsel1"])
    code, out, err = run(capsys, monkeypatch, "admin", "users", "keygen", "counsel1")
    assert code == 0, err
    assert "signing key" in out
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 0, err
    # a passphrase change re-encrypts the same key
    users = load_users(env / "users.json")
    counsel = users.get("counsel1")
    before = counsel.key.public
    users = users.set_passphrase(counsel, "counsel1", "a new counsel passphrase 7", n=2**14,
                                 old_passphrase=PASS["counsel1"], key_n=2**14)
    save_users(env / "users.json", users)
    assert users.get("counsel1").key.public == before
    assert users.unlock("counsel1", "a new counsel passphrase 7").public == before
    with pytest.raises(Exception, match="cannot be unlocked"):
        users.unlock("counsel1", PASS["counsel1"])


def test_deleting_a_cases_chain_is_broken(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out
    db = _db(env)
    cid = _case_id(db)
    db.execute("DROP TRIGGER audit_chain_no_delete")
    db.execute("DELETE FROM audit_chain WHERE case_id = ?", (cid,))
    db.execute("DELETE FROM audit_heads WHERE case_id = ?", (cid,))
    db.close()
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 1 and "no audit records" in out


def _rechain(env: Path, change, resign: str = "clerk1") -> None:  # noqa: ANN001
    """Rewrite a case's chain with every hash recomputed and the store's head moved along (as a clerk can), the
    clerk's own records signed again with the clerk's own key (``resign``: whose key the attacker has)."""
    from workstation.domain.roles import load_users
    from workstation.domain.signing import unlock
    from workstation.domain.trail_signatures import seal

    own = load_users(env / "users.json").get(resign)
    signer = unlock(resign, own.key, PASS[resign])
    db = _db(env)
    cid = _case_id(db)
    rows = [json.loads(r[0]) for r in db.execute("SELECT record FROM audit_chain WHERE case_id = ? ORDER BY seq",
                                                 (cid,))]
    change(rows)
    prev = "0" * 64
    db.execute("DROP TRIGGER audit_chain_no_update")
    for r in rows:
        r["prev"] = prev
        if r.get("key") and r["actor"] == resign:
            r = seal({k: r[k] for k in r if k not in ("hash", "signature", "key")}, signer).to_dict()
        r["hash"] = AuditRecord.compute_hash({k: r[k] for k in r if k not in ("hash", "signature")})
        prev = r["hash"]
        db.execute("UPDATE audit_chain SET record = ? WHERE case_id = ? AND seq = ?",
                   (AuditRecord.from_dict(r).to_json(), cid, r["seq"]))
    db.execute("UPDATE audit_heads SET head = ? WHERE case_id = ?", (prev, cid))
    db.close()


def test_anchored_head_catches_a_rechained_trail(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 0, err
    record = json.loads((env / "out" / "disclosure-record.json").read_text())

    def who_signed(rows: list[dict]) -> None:
        for r in rows:
            if r["event"] == "sign-off":
                r["details"]["note"] = "rewritten"

    _rechain(env, who_signed)
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    # anyone can recompute SHA-256, but not counsel's signature of the record (issue 12 item 2)
    assert code == 1 and "counsel1 (counsel): signature invalid" in out, out
    for anchor in (record["audit_head"], f"{record['audit_records']}:{record['audit_head']}"):
        code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm", "--anchor", anchor)
        assert code == 1 and ("anchor" in out or "signature invalid" in out), out  # the first bad record is named
    code, _, _ = run(capsys, monkeypatch, None, "audit", "export", "imm", "--out", env / "trail.jsonl")
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", env / "trail.jsonl", "--anchor",
                       record["audit_head"])
    assert code == 1 and ("anchor" in out or "signature invalid" in out), out


def test_counsels_signature_anchors_the_trail_before_the_sign_off(env, capsys, monkeypatch):
    """Issue 12 item 2 on the local store: a clerk who rewrites and re-chains the records before counsel's sign-off
    (here: drops the policy's decisions from the trail) leaves a chain SHA-256 alone calls intact - but the sign-off
    is signed over the trail's head at signing, so `audit verify` finds the anchor gone and export is refused."""
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out, out

    def forget_a_decision(rows: list[dict]) -> None:
        decision = next(r for r in rows if r["event"] == "decision")
        decision["details"]["reason"] = "rewritten afterwards"

    _rechain(env, forget_a_decision)
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 1 and "anchor" in out, out
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 4 and "audit trail before it was rewritten" in err, err
    assert not (env / "out").exists() or not any((env / "out").iterdir())


def test_audit_verify_file_says_when_it_could_not_compare(env, capsys, monkeypatch, tmp_path):
    new_case(capsys, monkeypatch, env)
    code, _, _ = run(capsys, monkeypatch, None, "audit", "export", "imm", "--out", env / "trail.jsonl")
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", env / "trail.jsonl")
    assert code == 0 and "matches the case store" in out
    monkeypatch.setenv("WORKSTATION_DB", str(tmp_path / "other.sqlite3"))
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", env / "trail.jsonl")
    assert code == 0 and "NOT compared with the case store" in out and "matches" not in out


def test_user_administration_failed_logins_and_policy_hash_recorded(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "river lantern copper 42")
    code, out, err = run(capsys, monkeypatch, "admin", "users", "add", "counsel2", "--role", "counsel")
    assert code == 0, err and "signing key" in out
    import workstation.cli as cli

    monkeypatch.setattr(cli, "_pause", lambda seconds: None)
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "Sup3r-Secret-Guess")
    assert cli.main(["case", "submit", "imm", "--user", "counsel1"]) == 4
    assert cli.main(["case", "submit", "imm", "--user", "Sup3r-Secret-Typed-As-Name"]) == 4
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "system")
    assert "user-added" in out and "counsel2" in out and "users_file_sha256" in out
    assert out.count("login-failed") == 2 and "counsel1" in out
    assert "Sup3r" not in out  # neither the passphrase nor a name that is not a user's
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "system")
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "case-opened")
    policy = (Path(__file__).parents[1] / "resources" / "policies" / "federal-immigration.toml").read_bytes()
    assert hashlib.sha256(policy).hexdigest() in out


def test_users_change_their_passphrase_and_administrators_reset_roles_and_disable(env, capsys, monkeypatch):
    """Issue 12: passphrase change from the command line (the signing key re-encrypted: counsel still signs with
    the new passphrase, not the old), role change and disabling, each recorded in the system trail."""
    new_case(capsys, monkeypatch, env)
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "short")
    code, _, err = run(capsys, monkeypatch, "counsel1", "users", "passwd")
    assert code != 0 and "short" not in err  # too weak; never echoed
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "amber harbour violin 93")
    code, out, err = run(capsys, monkeypatch, "counsel1", "users", "passwd")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")  # the old passphrase
    assert code == 4, err
    monkeypatch.setitem(PASS, "counsel1", "amber harbour violin 93")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    code, _, err = _export(capsys, monkeypatch, env)
    assert code == 0, err
    # a clerk may not change roles; an administrator may, and may disable
    code, _, err = run(capsys, monkeypatch, "clerk1", "users", "role", "clerk1", "--role", "counsel")
    assert code == 4 and "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, "admin", "users", "role", "super1", "--role", "clerk")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "admin", "users", "disable", "super1")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "super1", "case", "decide", "imm", "--all-pending", "redact")
    assert code == 4
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "system")
    for event in ("user-passphrase-changed", "user-role-changed", "user-disabled"):
        assert event in out, out
    assert "amber" not in out and "violin" not in out

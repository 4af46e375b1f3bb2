"""Issue 12 item 2 on the local SQLite store: every trail record is signed by its actor's key. Each attack is done
the way a clerk who can write the store file (and the users file) would do it - directly on the SQLite file, with
every hash recomputed with the workstation's own code and the clerk's own records signed again with the clerk's own
key - and must fail `audit verify` (and export's pre-export check). Before records were signed each of these
verified as intact."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import tests.test_case_cli as case_cli
from tests.test_case_cli import PASS, WARRANT, items, make_users, new_case, run
from workstation.domain.audit import AuditRecord
from workstation.domain.roles import Role, load_users
from workstation.domain.signing import Signer, unlock
from workstation.domain.trail_signatures import seal

env = case_cli.env  # users of every role (keys registered by admin, whose key is the anchor), a private store

Rows = list[dict]


def _db(env: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(env / "data" / "cases.sqlite3"), isolation_level=None)


def _key(env: Path, name: str) -> Signer:
    user = load_users(env / "users.json").get(name)
    assert user is not None and user.key is not None
    return unlock(name, user.key, PASS[name])


def _rewrite(env: Path, case: str, change: Callable[[Rows], Rows], *, resign: str = "clerk1",
             rechain: bool = True) -> None:
    """The clerk's attack: read the chain's records from the file, ``change`` them, recompute every hash (signing
    the clerk's own records again with the clerk's key), write them back and move the stored head along."""
    signer = _key(env, resign)
    db = _db(env)
    cid = db.execute("SELECT id FROM cases WHERE name = ?", (case,)).fetchone()[0] if case != "system" else case
    rows = change([json.loads(r[0]) for r in db.execute(
        "SELECT record FROM audit_chain WHERE case_id = ? ORDER BY seq", (cid,))])
    out, prev = [], "0" * 64
    for seq, r in enumerate(rows, start=1):
        if rechain:
            r = {**r, "seq": seq, "prev": prev}
            if r.get("key") and r["actor"] == resign:
                r = seal({k: r[k] for k in r if k not in ("hash", "signature", "key")}, signer).to_dict()
            else:
                r["hash"] = AuditRecord.compute_hash({k: r[k] for k in r if k not in ("hash", "signature")})
        out.append(r)
        prev = r["hash"]
    db.execute("DROP TRIGGER audit_chain_no_update")
    db.execute("DROP TRIGGER audit_chain_no_delete")
    db.execute("DELETE FROM audit_chain WHERE case_id = ?", (cid,))
    for r in out:
        db.execute("INSERT INTO audit_chain VALUES (?, ?, ?)", (cid, r["seq"], AuditRecord.from_dict(r).to_json()))
    db.execute("UPDATE audit_heads SET seq = ?, head = ? WHERE case_id = ?", (len(out), prev, cid))
    db.close()


def _verify(capsys, monkeypatch, name: str = "imm") -> tuple[int, str]:
    code, out, err = run(capsys, monkeypatch, None, "audit", "verify", name)
    assert "Traceback" not in out + err
    return code, out


def _public_case_with_a_supervisors_sample(capsys, monkeypatch, env: Path) -> None:
    """A case nobody signs off (no anchor outside the store): clerk's decisions, then a supervisor's sample."""
    new_case(capsys, monkeypatch, env, recipient="public")
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "super1", "audit", "sample", "imm", "--rate", "50", "--seed", "1")
    assert code == 0, err
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "intact" in out and "signed by their actors" in out and "legacy" not in out, out


def test_every_record_is_signed_and_verifies(env, capsys, monkeypatch):
    _public_case_with_a_supervisors_sample(capsys, monkeypatch, env)
    db = _db(env)
    records = [json.loads(r[0]) for r in db.execute("SELECT record FROM audit_chain ORDER BY case_id, seq")]
    db.close()
    users = load_users(env / "users.json")
    for r in records:
        if r["role"] in ("system", "none"):
            continue
        assert r["signature"] and users.get(r["actor"]).key is not None, r
    code, out = _verify(capsys, monkeypatch, "system")  # users added by the administrator, signed too
    assert code == 0 and "signed by their actors" in out, out


def test_clerk_rewrites_a_supervisors_record_and_rechains(env, capsys, monkeypatch):
    _public_case_with_a_supervisors_sample(capsys, monkeypatch, env)

    def lower_the_rate(rows: Rows) -> Rows:
        sample = next(r for r in rows if r["event"] == "spot-check-sampled")
        sample["details"]["rate_percent"] = 1.0
        return rows

    _rewrite(env, "imm", lower_the_rate)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1, out
    assert "super1 (supervisor): signature invalid" in out and "broken at record" in out, out


def test_clerk_rewrites_counsels_sign_off_record_and_export_is_refused(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err

    def another_note(rows: Rows) -> Rows:
        next(r for r in rows if r["event"] == "sign-off")["details"]["note"] = "approved by phone"
        return rows

    _rewrite(env, "imm", another_note)
    code, out = _verify(capsys, monkeypatch)
    seq = next(json.loads(r[0])["seq"] for r in _db(env).execute("SELECT record FROM audit_chain")
               if json.loads(r[0])["event"] == "sign-off")
    assert code == 1 and f"broken at record {seq} " in out and "counsel1 (counsel): signature invalid" in out, out
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 4 and f"audit trail is broken at record {seq}" in err, err
    assert not (env / "out").exists() or not any((env / "out").iterdir())


def test_clerk_deletes_a_record_and_rechains(env, capsys, monkeypatch):
    _public_case_with_a_supervisors_sample(capsys, monkeypatch, env)

    def drop_a_decision(rows: Rows) -> Rows:
        index = next(i for i, r in enumerate(rows) if r["event"] == "decision" and r["actor"] == "clerk1")
        return rows[:index] + rows[index + 1:]

    _rewrite(env, "imm", drop_a_decision)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "super1 (supervisor): signature invalid" in out, out


def test_stripped_signatures_break_the_trail(env, capsys, monkeypatch):
    _public_case_with_a_supervisors_sample(capsys, monkeypatch, env)

    def strip(rows: Rows) -> Rows:
        return [{k: v for k, v in r.items() if k != "signature"} for r in rows]

    _rewrite(env, "imm", strip, rechain=False)  # the hashes do not cover the signature: the chain is intact
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "broken at record 1 " in out and "signature missing" in out, out

    def strip_keys_too(rows: Rows) -> Rows:  # and the key, re-chained: now every record looks unsigned
        return [{k: v for k, v in r.items() if k not in ("signature", "key")} for r in rows]

    _rewrite(env, "imm", strip_keys_too)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "broken at record 1 " in out and "clerk1 (clerk) is not signed" in out, out


def test_clerk_forges_a_record_in_counsels_name_with_own_key(env, capsys, monkeypatch):
    _public_case_with_a_supervisors_sample(capsys, monkeypatch, env)

    def add_counsels_approval(rows: Rows) -> Rows:
        last = rows[-1]
        body = {"seq": last["seq"] + 1, "at": "2026-12-07T10:00:00.000000Z", "actor": "counsel1", "role": "counsel",
                "event": "sign-off", "details": {"case_id": last["details"]["case_id"], "note": ""},
                "prev": last["hash"]}
        return [*rows, seal(body, _key(env, "clerk1")).to_dict()]  # a valid signature - by the clerk's key

    _rewrite(env, "imm", add_counsels_approval)
    code, out = _verify(capsys, monkeypatch)
    n = len(_db(env).execute("SELECT seq FROM audit_chain WHERE case_id != 'system'").fetchall())
    assert code == 1 and f"broken at record {n} " in out, out
    assert "counsel1 (counsel) is signed with key" in out and "not a key registered for counsel1" in out, out

    # and the users file edited too: the clerk's key listed as one counsel used before, with the clerk's own
    # registration (the administrator signed it for clerk1, not for counsel1)
    data = json.loads((env / "users.json").read_text())
    clerk = next(u for u in data["users"] if u["name"] == "clerk1")
    counsel = next(u for u in data["users"] if u["name"] == "counsel1")
    counsel["retired_keys"] = [{"algorithm": "ed25519", "public_key": clerk["key"]["public_key"],
                                "registration": clerk["key"]["registration"], "retired_at": ""}]
    (env / "users.json").write_text(json.dumps(data))
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "registration does not name this key" in out, out


def test_a_user_without_a_key_gets_a_pending_one_at_sign_in(env, capsys, monkeypatch):
    """A users file from before every role had a key: the clerk's first command makes one (pending, saved to the
    users file); what it signs does not verify until the administrator registers that very key with the clerk
    there to type their passphrase; then it does."""
    data = json.loads((env / "users.json").read_text())
    next(u for u in data["users"] if u["name"] == "clerk1").pop("key")
    (env / "users.json").write_text(json.dumps(data))
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "imm",
                         "--recipient", "public")
    assert code == 0, err
    assert "is pending" in err and "users keygen clerk1" in err
    made = load_users(env / "users.json").get("clerk1").key
    assert made is not None and made.registration is None
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "clerk1's key" in out and "is pending" in out, out
    monkeypatch.setenv("WORKSTATION_OWNER_PASSPHRASE", PASS["clerk1"])
    code, _, err = run(capsys, monkeypatch, "admin", "users", "keygen", "clerk1")
    assert code == 0, err
    assert load_users(env / "users.json").get("clerk1").key.public == made.public  # registered, not replaced
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "signed by their actors" in out, out


def test_a_replaced_key_still_verifies_what_it_signed(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env, recipient="public")
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "a brand new clerk phrase 9")
    code, _, err = run(capsys, monkeypatch, "admin", "users", "passwd", "clerk1")  # a reset: a new key
    assert code == 0, err
    clerk = load_users(env / "users.json").get("clerk1")
    assert clerk.retired_keys and clerk.key.registration is not None
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "signed by their actors" in out, out


def test_legacy_records_are_reported_and_signing_starts_at_the_migration(tmp_path):
    """A version-3 store (records unsigned): schema 4 marks where signing starts; the records before are
    "unsigned (legacy)" - reported, not counted as signed - and an unsigned record after it breaks the trail."""
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    users = make_users({"clerk1": Role.CLERK}, PASS)
    anchor = case_cli.anchor_of(users)
    path = tmp_path / "cases.sqlite3"
    with CaseStore(path) as store:  # what a version-3 desk wrote: no signatures
        store.append_event("c1", "clerk1", "clerk", "case-opened", {"case_id": "c1"})
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        store.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    from workstation.domain.signing import TrustAnchor

    trust = TrustAnchor(frozenset({anchor}), "test")
    with CaseStore(path) as store:
        svc = CaseService(store, users=users, anchor=trust)
        assert [r.event for r in store.audit("c1")][-1] == "store-migrated"
        svc.sign_in(users.get("clerk1"), users.with_key("clerk1", PASS["clerk1"])[1])
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        result = svc.verify_trail("c1")  # nobody has vouched for the unsigned records yet
        assert not result.ok and result.bad_index == 0 and "audit endorse-legacy" in result.reason, result
        svc.endorse_legacy(users.get("admin"), users.unlock("admin", PASS["admin"]))
        result = svc.verify_trail("c1")
        assert result.ok and "2 unsigned (legacy" in result.summary() and "1 signed" in result.summary(), result
    with CaseStore(path) as store:  # a clerk appends a record of their own, unsigned, after signing started
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        result = CaseService(store, users=users, anchor=trust).verify_trail("c1")
        assert not result.ok and result.bad_index == 4 and "is not signed" in result.reason


def test_a_signed_in_session_refuses_to_write_unsigned_records_for_others(tmp_path):
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    users = make_users({"clerk1": Role.CLERK, "counsel1": Role.COUNSEL}, PASS)
    with CaseStore(tmp_path / "cases.sqlite3") as store:
        svc = CaseService(store, users=users)
        svc.sign_in(users.get("clerk1"), users.with_key("clerk1", PASS["clerk1"])[1])
        rec = store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        assert rec.signature
        try:
            store.append_event("c1", "counsel1", "counsel", "sign-off", {"case_id": "c1"})
        except Exception as exc:  # noqa: BLE001
            assert "no unlocked signing key" in str(exc)
        else:
            raise AssertionError("a record in counsel's name was written in the clerk's session")
        assert len(store.audit("c1")) == 1
        with svc.on_own_connection() as other:  # a worker thread's connection signs with the same key
            assert other.store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"}).signature



def test_cutting_counsels_sign_off_record_off_the_end_is_caught(env, capsys, monkeypatch):
    """Truncation leaves every remaining signature valid, and counsel's signed anchor is the head *before* the
    sign-off - but the sign-off in the case's state must have its record, which only counsel's key could sign."""
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err

    def cut_from_the_sign_off(rows: Rows) -> Rows:
        return rows[:next(i for i, r in enumerate(rows) if r["event"] == "sign-off")]

    _rewrite(env, "imm", cut_from_the_sign_off, rechain=False)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "sign-off by counsel1" in out and "has no record in the trail" in out, out
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 4 and "its record is not in the audit trail" in err, err


def test_a_desk_that_gets_a_users_file_starts_signing_without_breaking_older_trails(tmp_path):
    """Records written on a desk without a users file are unsigned; the first signed record of such a chain is
    preceded by a record saying signing starts there, so the older ones are reported as legacy, not as a break."""
    from workstation.domain.signing import TrustAnchor
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    users = make_users({"clerk1": Role.CLERK}, PASS)
    trust = TrustAnchor(frozenset({case_cli.anchor_of(users)}), "test")
    with CaseStore(tmp_path / "cases.sqlite3") as store:
        store.append_event("c1", "clerk1", "clerk", "case-opened", {"case_id": "c1"})  # no users file yet
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        svc = CaseService(store, users=users, anchor=trust)
        assert not svc.verify_trail("c1").ok  # a users file now: unsigned records with nothing saying why
        svc.sign_in(users.get("clerk1"), users.with_key("clerk1", PASS["clerk1"])[1])
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        store.append_event("c1", "clerk1", "clerk", "decision", {"case_id": "c1"})
        assert [r.event for r in store.audit("c1")].count("store-migrated") == 1
        assert not svc.verify_trail("c1").ok  # until an administrator endorses the unsigned records
        svc.endorse_legacy(users.get("admin"), users.unlock("admin", PASS["admin"]))
        result = svc.verify_trail("c1")
        assert result.ok and "2 signed" in result.summary() and "2 unsigned (legacy" in result.summary(), result


def test_clerk_deletes_counsels_override_records_and_rechains_own_after(env, capsys, monkeypatch):
    """Counsel's override (and the release it makes) followed only by the clerk's records: deleting counsel's
    records and re-signing the clerk's leaves every remaining signature valid - but the signed override in the
    store must have its record in the trail."""
    new_case(capsys, monkeypatch, env)
    nationality = next(i for i, c, _ in items(capsys, monkeypatch) if c == "NATIONALITY")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "warrant served on the department", "--warrant", WARRANT)
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")
    assert code == 0, err

    def without_counsel(rows: Rows) -> Rows:
        return [r for r in rows if r["actor"] != "counsel1"]

    _rewrite(env, "imm", without_counsel)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "override of NATIONALITY by counsel1" in out and "no record in the trail" in out, out
    from workstation.domain.signing import TrustAnchor
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    users = load_users(env / "users.json")
    with CaseStore(env / "data" / "cases.sqlite3") as store:  # what export's pre-export check says of it
        svc = CaseService(store, users=users, anchor=TrustAnchor(frozenset({case_cli.anchor_of(users)}), "t"))
        problems = svc.approval_problems(svc.lookup("imm").id)
    assert any("override of NATIONALITY by counsel1" in p and "not in the audit trail" in p for p in problems)

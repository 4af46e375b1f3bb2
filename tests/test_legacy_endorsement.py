"""Issue 12 item 2, the last gap on the local SQLite store: unsigned ("legacy") trail records count only where an
administrator's endorsement covers them. Each attack is done on the SQLite file the way a clerk who can write it
(and the users file) would - strip every signature, re-chain with the workstation's own hashing, add a
``store-migrated`` record of their own - and must fail `audit verify` and export; before endorsements were required,
such a trail verified as "0 signed by their actors, N unsigned (legacy)". A genuinely old store verifies once an
administrator has endorsed it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import tests.test_case_cli as case_cli
from tests.test_case_cli import new_case, run
from tests.test_trail_signatures import Rows, _db, _key, _rewrite, _verify
from workstation.domain.trail_endorsements import AdminSigned, endorsement_statement
from workstation.store.case_store import CaseStore

env = case_cli.env


def _case_id(env: Path, name: str = "imm") -> str:
    return _db(env).execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()[0]


def _strip_and_mark(case_id: str):  # noqa: ANN202
    """The attack: every record's key and signature removed, then a ``store-migrated`` record saying signing
    starts after them (``_rewrite`` re-chains and re-hashes all of it)."""

    def change(rows: Rows) -> Rows:
        stripped = [{k: v for k, v in r.items() if k not in ("key", "signature")} for r in rows]
        marker = {"seq": 0, "at": "2026-12-01T09:00:00.000000Z", "actor": "system", "role": "system",
                  "event": "store-migrated", "prev": "", "hash": "",
                  "details": {"case_id": case_id, "schema_version": 4, "signing_started": True,
                              "change": "from the next record on, every record is signed by its actor's key; the "
                                        "records before this one are unsigned (legacy)"}}
        return [*stripped, marker]

    return change


def _worked_case(capsys, monkeypatch, env: Path) -> str:
    new_case(capsys, monkeypatch, env, recipient="public")
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")
    assert code == 0, err
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "signed by their actors" in out and "legacy" not in out, out
    return _case_id(env)


def _export(capsys, monkeypatch, env: Path) -> tuple[int, str]:
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert "Traceback" not in err
    return code, err


def test_stripped_rechained_trail_with_a_fake_migration_record_is_broken(env, capsys, monkeypatch):
    cid = _worked_case(capsys, monkeypatch, env)
    _rewrite(env, "imm", _strip_and_mark(cid))
    code, out = _verify(capsys, monkeypatch)
    assert code == 1, out  # was: "audit trail intact ... 0 signed by their actors, N unsigned (legacy ...)"
    assert "broken at record 1 " in out and "clerk1 (clerk) is unsigned and not endorsed as legacy" in out, out
    assert "workstation audit endorse-legacy" in out, out
    code, err = _export(capsys, monkeypatch, env)
    assert code == 4 and len(err.strip().splitlines()) == 1, err
    assert "audit trail is broken at record 1" in err and "audit endorse-legacy" in err, err
    assert not (env / "out").exists() or not any((env / "out").iterdir())


def test_a_clerk_cannot_endorse_the_forged_chain(env, capsys, monkeypatch):
    """An endorsement row written by the clerk, signed with the clerk's own key - even with the clerk made an
    administrator in the users file - does not cover the chain: the key is not registered as an administrator's."""
    cid = _worked_case(capsys, monkeypatch, env)
    _rewrite(env, "imm", _strip_and_mark(cid))
    rows = [json.loads(r[0]) for r in _db(env).execute(
        "SELECT record FROM audit_chain WHERE case_id = ? ORDER BY seq", (cid,))]
    clerk = _key(env, "clerk1")
    forged = AdminSigned.made(endorsement_statement(cid, len(rows), rows[-1]["hash"], "clerk1",
                                                    "2026-12-01T09:00:00Z"), clerk).to_dict()
    db = _db(env)
    db.execute("INSERT OR REPLACE INTO trail_endorsements VALUES (?, ?)", (cid, json.dumps(forged)))
    db.close()
    data = json.loads((env / "users.json").read_text())
    next(u for u in data["users"] if u["name"] == "clerk1")["role"] = "administrator"
    (env / "users.json").write_text(json.dumps(data))
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "endorsement does not verify" in out, out
    assert "not registered as an administrator's" in out, out


def test_after_signing_started_a_forged_legacy_chain_is_never_endorsed(env, capsys, monkeypatch):
    """Signing started on the store (the administrator's statement, here with nothing to endorse); a case made
    later and rewritten as all-legacy is broken, and the administrator's endorse-legacy refuses to endorse it -
    also when the clerk deleted the statement from the store."""
    code, out, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")
    assert code == 0 and "trail signing starts on this store" in out and "no unsigned records" in out, err
    cid = _worked_case(capsys, monkeypatch, env)
    _rewrite(env, "imm", _strip_and_mark(cid))
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "this store's trail is signed since" in out and "not legacy" in out, out
    code, out, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")
    assert code == 4 and "nothing endorsed" in err and "imm" in err and "broken, not legacy" in err, err
    assert len(err.strip().splitlines()) == 1
    db = _db(env)
    db.execute("DELETE FROM meta WHERE key = 'trail_signing'")
    db.close()
    code, out, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")
    assert code == 4 and "nothing endorsed" in err, err
    assert _db(env).execute("SELECT COUNT(*) FROM trail_endorsements").fetchone()[0] == 0
    code, out = _verify(capsys, monkeypatch)
    assert code == 1, out


def test_a_case_whose_records_are_replaced_by_system_records_is_broken(env, capsys, monkeypatch):
    cid = _worked_case(capsys, monkeypatch, env)

    def only_a_marker(rows: Rows) -> Rows:
        return _strip_and_mark(cid)([])

    _rewrite(env, "imm", only_a_marker)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "holds no record of any user" in out, out
    db = _db(env)
    db.execute("DROP TRIGGER IF EXISTS audit_chain_no_delete")
    db.execute("DELETE FROM audit_chain WHERE case_id = ?", (cid,))
    db.execute("DELETE FROM audit_heads WHERE case_id = ?", (cid,))
    db.close()
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "has no audit records" in out, out


def _make_old(env: Path) -> str:
    """The store as the version before signing left it: the case's records unsigned (re-chained as that version
    wrote them), schema 3; opening it again migrates it (a ``store-migrated`` record where signing starts)."""
    cid = _case_id(env)

    def unsigned(rows: Rows) -> Rows:
        return [{k: v for k, v in r.items() if k not in ("key", "signature")} for r in rows]

    _rewrite(env, "imm", unsigned)
    with CaseStore(env / "data" / "cases.sqlite3") as store:  # the old version's user administration, unsigned
        store.append_event("system", "admin", "administrator", "user-added", {"user": "clerk1", "role": "clerk"})
    db = _db(env)
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.close()
    return cid


def test_a_genuinely_old_store_verifies_once_an_administrator_endorsed_it(env, capsys, monkeypatch):
    _worked_case(capsys, monkeypatch, env)
    _make_old(env)
    code, out = _verify(capsys, monkeypatch)  # migrated on opening; nobody has vouched for the old records yet
    assert code == 1 and "workstation audit endorse-legacy" in out, out
    code, err = _export(capsys, monkeypatch, env)
    assert code == 4 and len(err.strip().splitlines()) == 1 and "audit endorse-legacy" in err, err
    code, _, err = run(capsys, monkeypatch, "clerk1", "audit", "endorse-legacy")  # not an administrator
    assert code == 4 and "may not" in err, err

    code, out, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")
    assert code == 0, err
    assert "trail signing starts on this store" in out and "imm: records 1-" in out and "system: records" in out, out
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "unsigned (legacy" in out and "endorsed by admin at" in out, out
    code, out = _verify(capsys, monkeypatch, "system")
    assert code == 0 and "endorsed by admin" in out, out
    code, _, err = run(capsys, monkeypatch, None, "audit", "export", "imm", "--out", env / "imm.jsonl")
    assert code == 0, err
    code, out = _verify(capsys, monkeypatch, str(env / "imm.jsonl"))  # a copy: the store's endorsement covers it
    assert code == 0 and "endorsed by admin" in out and "matches the case store" in out, out
    code, out, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")  # again: nothing to do
    assert code == 0 and "no unsigned records to endorse" in out, out

    # work goes on, signed; the endorsed part cannot be changed afterwards
    code, _, err = run(capsys, monkeypatch, "super1", "audit", "sample", "imm", "--rate", "50", "--seed", "1")
    assert code == 0, err
    code, out = _verify(capsys, monkeypatch)
    assert code == 0 and "endorsed by admin" in out and "0 signed by their actors" not in out, out

    def change_an_old_record(rows: Rows) -> Rows:
        first = next(r for r in rows if r["event"] == "decision")
        first["details"]["decision"] = "release"
        return rows

    _rewrite(env, "imm", change_an_old_record, resign="super1")  # the later records re-signed (even by their
    # own actor: the supervisor's key is the clerk's here, at worst)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "no longer the ones endorsed" in out, out


def test_endorsed_legacy_part_with_an_unsigned_record_added_after_it_is_broken(env, capsys, monkeypatch):
    cid = _worked_case(capsys, monkeypatch, env)
    _make_old(env)
    code, _, err = run(capsys, monkeypatch, "admin", "audit", "endorse-legacy")
    assert code == 0, err

    def add_unsigned(rows: Rows) -> Rows:
        marker = max(i for i, r in enumerate(rows) if r["event"] == "store-migrated")
        extra = {**{k: v for k, v in rows[1].items() if k not in ("key", "signature")}, "at": rows[marker]["at"]}
        return [*rows[:marker], extra, *rows[marker:]]  # slipped in before the migration record

    _rewrite(env, "imm", add_unsigned)
    code, out = _verify(capsys, monkeypatch)
    assert code == 1 and "not endorsed as legacy" in out, out
    assert sqlite3.connect(str(env / "data" / "cases.sqlite3")).execute(
        "SELECT COUNT(*) FROM trail_endorsements WHERE case_id = ?", (cid,)).fetchone()[0] == 1


def test_the_windows_preflight_lists_a_broken_trail_as_a_blocker(env, capsys, monkeypatch):
    from workstation.domain.roles import load_users
    from workstation.domain.signing import TrustAnchor
    from workstation.service import CaseService

    cid = _worked_case(capsys, monkeypatch, env)
    users = load_users(env / "users.json")
    trust = TrustAnchor(frozenset({case_cli.anchor_of(users)}), "test")
    with CaseStore(env / "data" / "cases.sqlite3") as store:
        assert not any("audit trail" in b.message for b in CaseService(store, users=users, anchor=trust)
                       .preflight(cid).blockers)
    _rewrite(env, "imm", _strip_and_mark(cid))
    with CaseStore(env / "data" / "cases.sqlite3") as store:
        blockers = [b.message for b in CaseService(store, users=users, anchor=trust).preflight(cid).blockers]
    trail = [m for m in blockers if "audit trail is broken" in m]
    assert len(trail) == 1 and "record 1" in trail[0] and "audit endorse-legacy" in trail[0], blockers
    assert "\n" not in trail[0]

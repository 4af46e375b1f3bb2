"""The shared store's server side: the database's canonical JSON equals Python's byte for byte (so the chains it
writes verify with ``audit.verify_records``), member administration, choosing the store, connection errors."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.pg_cluster import Cluster
from workstation.domain.audit import AuditRecord, canonical_json, verify_records
from workstation.domain.errors import ConfigurationError, PermissionDenied, UsageError
from workstation.store import pg_admin
from workstation.store.case_store import CaseStore
from workstation.store.factory import is_postgres_spec, open_store
from workstation.store.pg_connect import StoreUnavailable
from workstation.store.postgres import PostgresCaseStore

_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12)


@pytest.fixture(scope="module")
def owner(pg: Cluster) -> Any:
    with psycopg.connect(pg.conninfo(), autocommit=True) as conn:
        yield conn


def _db_canonical(conn: Any, value: Any, *, ensure_ascii: bool = False) -> str:
    """What ``ws.cj`` makes of the JSON a client sends (not canonical: unsorted, spaced, maybe ASCII-escaped)."""
    sent = json.dumps(value, ensure_ascii=ensure_ascii, separators=(", ", ": "))
    return conn.execute("SELECT ws.cj(%s::json)", (sent,)).fetchone()[0]


@pytest.mark.parametrize("value", [
    {"b": 1, "a": [True, False, None], "A": {"z": "", "é": "ü", "𝄞": "\U0001d11e", "ä": 1}},
    {"ctrl": "".join(chr(c) for c in range(1, 32)) + "\x7f\u2028\u2029", "q": 'say "hi" \\ back\\slash /'},
    {"f": [0.1, 0.30000000000000004, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345.6, 1e-4, 1e-5, 1.5e-7, 2.5e300,
           -1.7976931348623157e308, 5e-324, 100.0, 1e22, 12345678.9]},
    {"i": [0, -1, 10**30, -(10**30), 9007199254740993]},
    {"nested": {"b": [{"y": 1, "x": [[], {}]}], "a": {"": "empty key"}}},
    {"keys order": {"Z": 1, "a": 2, "_": 3, "Ä": 4, "ä": 5, "aa": 6, "a a": 7, "1": 8, "\t": 9}},
])
def test_the_databases_canonical_json_is_pythons(owner: Any, value: Any) -> None:
    assert _db_canonical(owner, value) == canonical_json(value)
    assert _db_canonical(owner, value, ensure_ascii=True) == canonical_json(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(value=st.dictionaries(_TEXT, _JSON, max_size=6))
def test_canonical_json_matches_python_on_any_record_details(owner: Any, value: dict[str, Any]) -> None:
    assert _db_canonical(owner, value) == canonical_json(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_is_written_as_pythons_repr(owner: Any, x: float) -> None:
    assert _db_canonical(owner, [x]) == f"[{json.dumps(x)}]"
    assert not math.isnan(x)


def test_a_chain_written_by_the_database_verifies_in_python(pg_empty: Cluster) -> None:
    with PostgresCaseStore(pg_empty.conninfo("clerk1")) as clerk:
        rec = clerk.open_case(["/odd"], "odd")
        odd = {"case_id": rec.id, "note": 'quote " back \\ tab\t nl\n é 𝄞', "ratio": 1e-7, "big": 10**20,
               "scores": [0.85, 1.0, 1e16], "nested": {"b": None, "a": [True]}}
        clerk.append_event(rec.id, "ignored", "ignored", "refused", odd)
        clerk.append_event(rec.id, "ignored", "ignored", "refused", {"case_id": rec.id})
        lines = clerk.audit_lines(rec.id)
        records = clerk.audit(rec.id)
    assert verify_records(records).ok
    assert [AuditRecord.from_dict(json.loads(line)).to_json() for line in lines] == lines  # stored canonical
    assert records[0].details == json.loads(canonical_json(odd)) and records[1].prev == records[0].hash
    assert records[0].actor == "clerk1" and records[0].role == "clerk"


# ----- members

def test_an_administrator_manages_members_and_the_system_trail_records_it(pg_empty: Cluster) -> None:
    admin = pg_empty.conninfo("admin1")
    pg_admin.add_member(admin, "clerk_new", "clerk", "correct horse battery")
    pg_empty.passwords["clerk_new"] = "correct horse battery"
    with PostgresCaseStore(pg_empty.conninfo("clerk_new")) as newcomer:
        assert (newcomer.login, newcomer.role) == ("clerk_new", "clerk")
    pg_admin.set_member_role(admin, "clerk_new", "counsel")
    with PostgresCaseStore(pg_empty.conninfo("clerk_new")) as newcomer:
        assert newcomer.role == "counsel"
    assert ("clerk_new", "counsel", False) in pg_admin.members(admin)
    pg_admin.disable_member(admin, "clerk_new")
    with pytest.raises(PermissionDenied):
        PostgresCaseStore(pg_empty.conninfo("clerk_new"))
    with PostgresCaseStore(pg_empty.conninfo("super1")) as supervisor:
        trail = supervisor.audit("system")
    assert [(r.event, r.actor, r.role) for r in trail] == [
        ("member-added", "admin1", "administrator"), ("member-role-changed", "admin1", "administrator"),
        ("member-disabled", "admin1", "administrator")]
    assert verify_records(trail).ok
    with psycopg.connect(pg_empty.conninfo(), autocommit=True) as conn:  # only the verifier reached the server
        row = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'clerk_new'").fetchone()
    assert row is not None
    stored = row[0]
    assert stored.startswith("SCRAM-SHA-256$4096:") and "horse" not in stored


def test_only_an_administrator_adds_members_and_never_over_an_existing_role(pg_empty: Cluster) -> None:
    with pytest.raises(PermissionDenied):
        pg_admin.add_member(pg_empty.conninfo("clerk1"), "clerk_evil", "administrator", "pw-pw-pw-pw")
    with pytest.raises(PermissionDenied):
        pg_admin.set_member_role(pg_empty.conninfo("counsel1"), "clerk1", "administrator")
    with pytest.raises(UsageError, match="already exists"):
        pg_admin.add_member(pg_empty.conninfo("admin1"), "ws_owner", "administrator", "pw-pw-pw-pw")
    with pytest.raises(UsageError, match="a login is"):
        pg_admin.add_member(pg_empty.conninfo("admin1"), 'x"; DROP TABLE ws.cases; --', "clerk", "pw-pw-pw-pw")
    with pytest.raises(PermissionDenied, match="their own"):
        pg_admin.set_member_role(pg_empty.conninfo("admin1"), "admin1", "clerk")
    with psycopg.connect(pg_empty.conninfo("admin1"), autocommit=True) as conn, pytest.raises(
            psycopg.Error, match="SCRAM-SHA-256 verifier"):
        conn.execute("SELECT ws.member_add('plain', 'clerk', 'a plain password')")


def test_the_scram_verifier_is_postgresqls() -> None:
    verifier = pg_admin.scram_verifier("pencil", salt=b"\x01" * 16)
    assert verifier.startswith("SCRAM-SHA-256$4096:AQEBAQEBAQEBAQEBAQEBAQ==$")
    with pytest.raises(ConfigurationError):
        pg_admin.scram_verifier("")


def test_server_init_runs_again_without_harm(pg: Cluster) -> None:
    assert pg_admin.init_server(pg.conninfo()) == pg_admin.pg_schema.SCHEMA_VERSION
    with PostgresCaseStore(pg.conninfo("clerk1")) as clerk:
        assert clerk.role == "clerk"


# ----- choosing the store, connection errors

def test_the_factory_picks_the_backend(pg_empty: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for spec, kind in ((None, CaseStore), (tmp_path / "a.sqlite3", CaseStore), (str(tmp_path / "b.sqlite3"), CaseStore),
                       (pg_empty.url("clerk1"), PostgresCaseStore), (pg_empty.conninfo("clerk1"), PostgresCaseStore)):
        store = open_store(spec)
        assert isinstance(store, kind), spec
        store.close()
    assert (tmp_path / "data" / "disclosure-workstation" / "cases.sqlite3").exists()
    assert is_postgres_spec("postgres://h/db") and is_postgres_spec("host=/tmp dbname=x")
    assert not is_postgres_spec("cases-host=1.sqlite3") and not is_postgres_spec(Path("postgresql://x"))


def test_connection_problems_are_one_line_errors(pg: Cluster, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="invalid PostgreSQL connection string") as bad:
        open_store("postgresql://u:secretpw@/db?nonsense_option=1")
    assert "secretpw" not in str(bad.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreUnavailable, match="cannot reach the shared store") as down:
        open_store(f"host={tmp_path / 'empty'} dbname=workstation user=clerk1 password=hunter2")
    assert "hunter2" not in str(down.value) and "\n" not in str(down.value)
    with pytest.raises(PermissionDenied, match="refused the login") as wrong:
        open_store(f"host={pg.root} dbname=workstation user=clerk1 password=wrong-password")
    assert "wrong-password" not in str(wrong.value)
    with psycopg.connect(pg.conninfo(), autocommit=True) as conn:  # a login in the group but not a member
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'outsider') THEN "
                     "CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw' IN ROLE ws_member; END IF; END $$")
    with pytest.raises(PermissionDenied, match="outsider is not an active member"):
        open_store(f"host={pg.root} dbname=workstation user=outsider password=outsider-pw")


def test_the_owner_is_no_member_but_may_administer(pg: Cluster) -> None:
    with PostgresCaseStore(pg.conninfo()) as owner_store:
        assert owner_store.role == "owner"


def test_the_server_setup_says_what_it_would_do(capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.store import pg_setup

    assert pg_setup.main(["--admin", "alice", "--allow", "10.20.0.0/16", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "CREATE ROLE" not in out and "runuser -u postgres -- psql" in out  # SQL goes on stdin, not argv
    assert "createdb -O ws_owner -E UTF8" in out and "hostssl workstation +ws_member 10.20.0.0/16 scram-sha-256" in out
    assert "--db 'postgresql://alice@<this host>/workstation?sslmode=require'" in out

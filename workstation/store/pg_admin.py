"""Setting up and administering the shared PostgreSQL store (``workstation server init``, ``workstation users add``).

``init_server`` is run once by the owner (a role that may create roles: the database's owner with CREATEROLE, or
the cluster's superuser) and again after an upgrade: it creates the schema, runs the forward migrations recorded in
``ws.meta``, (re)creates every function, and sets the privileges - members may connect and execute the API
functions, nothing else (no table privilege, no TEMP, no CREATE). It is idempotent.

Members are PostgreSQL login roles. ``add_member`` computes the SCRAM-SHA-256 verifier here (RFC 5802/7677, as
PostgreSQL stores it) and sends only that: the password never reaches the server, its logs or
``pg_stat_statements``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from typing import Any

from workstation.domain.errors import ConfigurationError
from workstation.store import pg_api, pg_apply, pg_functions, pg_policy, pg_schema
from workstation.store.pg_connect import connect, sql_errors

SCRAM_ITERATIONS = 4096


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """``SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`` for ``password`` (NFKC-normalised, as
    SASLprep does for the passwords people type; libpq normalises the same way when it logs in)."""
    if not password:
        raise ConfigurationError("a member's password cannot be empty")
    salt = salt or os.urandom(16)
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def init_server(owner_conninfo: str) -> int:
    """Create or upgrade the workstation schema as its owner; returns the schema version now in place."""
    with connect(owner_conninfo) as conn, sql_errors(), conn.transaction():
        enc = conn.execute("SHOW server_encoding").fetchone()
        if enc is None or enc[0] != "UTF8":
            raise ConfigurationError("the workstation database must use UTF8 encoding (createdb -E UTF8)")
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('workstation server init'))")
        conn.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{pg_schema.GROUP_ROLE}') "
                     f"THEN CREATE ROLE {pg_schema.GROUP_ROLE} NOLOGIN; END IF; END $$")
        conn.execute("CREATE SCHEMA IF NOT EXISTS ws")
        conn.execute("CREATE TABLE IF NOT EXISTS ws.meta (key text PRIMARY KEY, value text NOT NULL)")
        row = conn.execute("SELECT value FROM ws.meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > pg_schema.SCHEMA_VERSION:
            raise ConfigurationError(f"the server's schema is version {version}, newer than this workstation's "
                                     f"{pg_schema.SCHEMA_VERSION}: upgrade the workstation")
        for number, statements in enumerate(pg_schema.MIGRATIONS[version:], start=version + 1):
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO ws.meta VALUES ('schema_version', %s) ON CONFLICT (key) DO UPDATE SET "
                         "value = excluded.value", (str(number),))
        # the functions are this version's, whatever an earlier one defined (a changed signature would not replace)
        conn.execute("DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT p.oid::regprocedure FROM pg_proc p "
                     "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'ws' "
                     "AND p.proname <> 'audit_append_only' LOOP EXECUTE 'DROP FUNCTION ' || f; END LOOP; END $$")
        for script in (pg_functions.CANONICAL, pg_functions.CORE, pg_api.READS, pg_api.WRITES, pg_apply.APPLY,
                       pg_apply.ADMIN, pg_policy.POLICY):
            conn.execute(script)
        pg_policy.load_policies(conn)
        _privileges(conn)
        return pg_schema.SCHEMA_VERSION


def _privileges(conn: Any) -> None:
    group = pg_schema.GROUP_ROLE
    db = conn.execute("SELECT current_database()").fetchone()[0]
    conn.execute(f'REVOKE ALL ON DATABASE "{db}" FROM PUBLIC')
    conn.execute(f'GRANT CONNECT ON DATABASE "{db}" TO {group}')
    conn.execute("REVOKE ALL ON SCHEMA ws FROM PUBLIC")
    conn.execute(f"GRANT USAGE ON SCHEMA ws TO {group}")
    conn.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA ws FROM PUBLIC, {group}")
    conn.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA ws FROM PUBLIC, {group}")
    conn.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ws FROM PUBLIC, {group}")
    conn.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA ws REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
    for name, args in pg_api.API:
        conn.execute(f"GRANT EXECUTE ON FUNCTION ws.{name}({args}) TO {group}")


def _admin_call(conninfo: str, sql: str, params: tuple[Any, ...]) -> Any:
    with connect(conninfo) as conn, sql_errors():
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None


def add_member(conninfo: str, login: str, role: str, password: str) -> None:
    """Create a member: a PostgreSQL LOGIN role ``login`` with ``password`` (sent as a SCRAM verifier) and the
    workstation ``role`` (clerk, counsel, supervisor, administrator). ``conninfo``: an administrator's or the
    owner's connection. Recorded in the system trail."""
    _admin_call(conninfo, "SELECT ws.member_add(%s, %s, %s)", (login, role, scram_verifier(password)))


def set_member_role(conninfo: str, login: str, role: str) -> None:
    """Change a member's workstation role (an administrator, not on themselves)."""
    _admin_call(conninfo, "SELECT ws.member_set_role(%s, %s)", (login, role))


def disable_member(conninfo: str, login: str) -> None:
    """Disable a member: no login any more, no rights; the trail keeps their records."""
    _admin_call(conninfo, "SELECT ws.member_disable(%s)", (login,))


def set_member_password(conninfo: str, login: str, password: str) -> None:
    """Reset a member's password (sent as a SCRAM verifier)."""
    _admin_call(conninfo, "SELECT ws.member_password(%s, %s)", (login, scram_verifier(password)))


def members(conninfo: str) -> list[tuple[str, str, bool]]:
    """(login, role, disabled) of every member (administrators only)."""
    with connect(conninfo) as conn, sql_errors():
        return [(r[0], r[1], r[2]) for r in conn.execute("SELECT * FROM ws.members_list()")]


def change_own_password(conninfo: str, password: str) -> None:
    """A member changes their own login's password (PostgreSQL lets every role change its own), sent as a SCRAM
    verifier like every other password here."""
    from psycopg import sql

    with connect(conninfo) as conn, sql_errors():
        conn.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(scram_verifier(password))))

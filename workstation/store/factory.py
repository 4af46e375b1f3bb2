"""Choosing the store from what the user gave (``--db``; the CLI reads ``$WORKSTATION_DB`` and passes it here).

A ``postgresql://`` or ``postgres://`` URL, or a libpq key/value string (``host=... dbname=...``), opens the shared
PostgreSQL store; anything else is the path of a local SQLite file (nothing: the default one in the user's data
folder). Connection problems come back as one-line ``workstation.domain.errors``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from workstation.store.case_store import CaseStore, default_db_path

if TYPE_CHECKING:
    from workstation.store.postgres import PostgresCaseStore

_KEYWORDS = ("host", "hostaddr", "dbname", "user", "port", "service", "sslmode", "password", "options",
             "passfile", "sslrootcert", "target_session_attrs")
_KEY_VALUE = re.compile(r"^\s*(?:" + "|".join(_KEYWORDS) + r")\s*=", re.IGNORECASE)


def is_postgres_spec(spec: str | Path | None) -> bool:
    """Whether ``spec`` names a PostgreSQL server rather than a SQLite file."""
    if spec is None or isinstance(spec, Path):
        return False
    text = spec.strip()
    return text.lower().startswith(("postgresql://", "postgres://")) or bool(_KEY_VALUE.match(text))


def open_store(spec: str | Path | None, *, password: str | None = None) -> CaseStore | PostgresCaseStore:
    """The store ``spec`` names: PostgreSQL for a URL or libpq string, else the SQLite file (default path for
    None). ``password``: the member's workstation passphrase, used as the database password when nothing else
    gives one (no password in ``spec``, no ``$PGPASSWORD``, no password file) - ``users add`` sets both to the
    same secret, so a desk needs only the passphrase it already types."""
    if is_postgres_spec(spec):
        from workstation.store.postgres import PostgresCaseStore

        assert isinstance(spec, str)
        return PostgresCaseStore(_with_password(spec.strip(), password))
    return CaseStore(default_db_path() if spec is None or spec == "" else Path(spec))


def _with_password(conninfo: str, password: str | None) -> str:
    import os

    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    if not password or os.environ.get("PGPASSWORD"):
        return conninfo
    passfile = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    try:
        given = conninfo_to_dict(conninfo)
    except Exception:  # noqa: BLE001 - a malformed spec is reported by the connection itself, in one line
        return conninfo
    if given.get("password") or given.get("passfile") or passfile.is_file():
        return conninfo
    return make_conninfo(conninfo, password=password)

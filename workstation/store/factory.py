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


def open_store(spec: str | Path | None) -> CaseStore | PostgresCaseStore:
    """The store ``spec`` names: PostgreSQL for a URL or libpq string, else the SQLite file (default path for
    None)."""
    if is_postgres_spec(spec):
        from workstation.store.postgres import PostgresCaseStore

        assert isinstance(spec, str)
        return PostgresCaseStore(spec.strip())
    return CaseStore(default_db_path() if spec is None or spec == "" else Path(spec))

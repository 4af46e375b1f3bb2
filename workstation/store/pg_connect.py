"""Connecting to the shared store and turning PostgreSQL's refusals into the workstation's errors.

A bad URL, a server that cannot be reached and a refused login become one-line ``workstation.domain.errors``
(never a traceback, never the password); the refusals of the store's functions carry their own SQLSTATE
(``pg_functions``) and become the error class the SQLite store and the domain raise for the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workstation.domain.errors import (
    CaseStateError,
    ConfigurationError,
    PermissionDenied,
    SensitiveDataError,
    UsageError,
    WorkstationError,
)
from workstation.store.conflicts import StaleChangeError


class StoreUnavailable(WorkstationError):
    """The shared store cannot be reached (exit 1): the server is down, the socket or host is wrong, TLS failed."""


_SQLSTATE = {"WS001": PermissionDenied, "WS002": CaseStateError, "WS003": StaleChangeError,
             "WS004": SensitiveDataError, "WS005": UsageError}
_PASSWORD = re.compile(r"(password\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)|(://[^:/@\s]*:)[^@\s]*@", re.IGNORECASE)


def redact_conninfo(conninfo: str) -> str:
    """The connection string with its password replaced (for messages)."""
    return _PASSWORD.sub(lambda m: (m.group(1) or m.group(2)) + "***" + ("" if m.group(1) else "@"), conninfo)


def connect(conninfo: str) -> Any:
    """An autocommit connection (each store call is its own transaction unless wrapped in ``transaction()``)."""
    import psycopg

    try:
        return psycopg.connect(conninfo, autocommit=True, connect_timeout=10,
                               application_name="disclosure-workstation")
    except psycopg.ProgrammingError as exc:  # the string itself does not parse
        raise ConfigurationError(f"invalid PostgreSQL connection string {redact_conninfo(conninfo)!r}: "
                                 f"{_first_line(exc)}") from None
    except psycopg.OperationalError as exc:
        message = _first_line(exc)
        if "password authentication failed" in message or "no password supplied" in message or (
                "authentication" in message and "failed" in message) or "not permitted to log in" in message:
            raise PermissionDenied(f"PostgreSQL refused the login: {message}") from None
        if "does not exist" in message and "database" in message:
            raise ConfigurationError(f"PostgreSQL: {message}") from None
        raise StoreUnavailable(f"cannot reach the shared store ({redact_conninfo(conninfo)}): {message}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("connection to server") and ":" in line and "failed:" in line:
            return line.split("failed:", 1)[1].strip()
        if line:
            return line
    return type(exc).__name__


@contextmanager
def sql_errors() -> Iterator[None]:
    """Map a refused call to the workstation's errors: the store's own SQLSTATEs, missing privileges (a member
    reaching for a table) and a lost connection."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        state = getattr(exc, "sqlstate", None) or ""
        diag = getattr(exc, "diag", None)
        message = (diag.message_primary if diag is not None and diag.message_primary else _first_line(exc))
        cls = _SQLSTATE.get(state)
        if cls is PermissionDenied:
            raise PermissionDenied(message) from None
        if cls is not None:
            raise cls(message) from None
        if state == "42501":  # insufficient_privilege
            raise PermissionDenied(f"PostgreSQL refused: {message}") from None
        if state == "28P01" or state == "28000":
            raise PermissionDenied(f"PostgreSQL refused the login: {message}") from None
        if state == "42883" and "ws." in message:
            raise ConfigurationError(f"the shared store is not set up (run 'workstation server init'): "
                                     f"{message}") from None
        if state == "3F000":
            raise ConfigurationError("the shared store is not set up (run 'workstation server init')") from None
        if isinstance(exc, psycopg.DataError | psycopg.IntegrityError):  # e.g. U+0000 in a text, a duplicate id
            raise UsageError(f"the shared store refused the data: {message}") from None
        if isinstance(exc, psycopg.OperationalError):
            raise StoreUnavailable(f"the shared store: {message}") from None
        raise

"""What the service needs from persistence: the ``CaseRepository`` protocol, and the one place a repository is opened.

Two implementations satisfy it: the local SQLite file (``store.case_store.CaseStore``, the default) and the shared
PostgreSQL store for teams (``store.postgres``), where the database itself checks each person's role and appends
the trail. The service, the CLI and the window see only this protocol; ``open_repository`` picks the backend from
the ``--db`` value (a ``postgresql://`` URL or a file path), so nothing outside ``workstation.store`` knows which
one is in use.

Every write method makes its change and appends its audit records in one transaction. ``actor``/``role`` are what
the caller authenticated; a backend that authenticates the connection itself (PostgreSQL) records its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from workstation.domain.audit import AuditRecord, EventType
    from workstation.domain.case import Case, SignOff
    from workstation.domain.case_record import CaseRecord
    from workstation.domain.policy_engine import Override
    from workstation.domain.review import Action, AllowEntry, DecisionRecord, FindingKey, ManualEntry
    from workstation.domain.signing import Signer


@runtime_checkable
class CaseRepository(Protocol):
    """Cases, their scans, decisions, approvals, spot-checks and hash-chained trails."""

    @property
    def shareable(self) -> bool:
        """Whether ``reopen`` gives another connection that sees the same data (not an in-memory database)."""

    def reopen(self) -> CaseRepository:
        """Another connection to the same store, for another thread."""

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[Any]:
        """Several writes committed together, or none."""

    # ----- cases
    def open_case(self, sources: Sequence[str], name: str) -> CaseRecord: ...

    def case(self, case_id: str) -> CaseRecord | None: ...

    def find_case(self, name_or_id: str) -> CaseRecord | None: ...

    def cases(self) -> list[CaseRecord]: ...

    def text_key(self, case_id: str) -> bytes:
        """The case's secret: the key of its text digests."""

    def save_cursor(self, case_id: str, cursor: dict) -> None: ...

    # ----- state, sign-offs, overrides
    def case_state(self, case_id: str) -> Case | None: ...

    def save_state(self, case_id: str, case: Case, actor: str, role: str,
                   events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]: ...

    def signoffs(self, case_id: str) -> list[SignOff]: ...

    def overrides(self, case_id: str) -> dict[str, Override]: ...

    def save_override(self, case_id: str, override: Override, case: Case, role: str,
                      details: Mapping[str, Any]) -> AuditRecord: ...

    # ----- scans
    def save_scan(self, case_id: str, documents: Sequence[tuple[str, str, int]],
                  findings: Sequence[tuple[str, int, int, int, str, str, float, str, str]], actor: str, role: str,
                  details: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> AuditRecord: ...

    def scanned_documents(self, case_id: str) -> list[tuple[str, str, int]]: ...

    def findings(self, case_id: str) -> list[tuple[FindingKey, float, str, str]]: ...

    def save_document_labels(self, case_id: str, labels: Mapping[str, str]) -> None: ...

    def document_labels(self, case_id: str) -> dict[str, str]: ...

    def document_ref(self, case_id: str, document: str,
                     labels: Mapping[str, str] | None = None) -> dict[str, str]: ...

    # ----- decisions
    def decisions(self, case_id: str) -> list[DecisionRecord]: ...

    def manual(self, case_id: str) -> list[ManualEntry]: ...

    def allow_list(self, case_id: str) -> list[AllowEntry]: ...

    def apply(self, case_id: str, action: Action, user: str, role: str = "clerk", case: Case | None = None,
              events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]: ...

    def record_export(self, case_id: str, user: str, out_dir: str, ok: bool, detail: str, role: str = "clerk",
                      outputs: Mapping[str, str] | None = None, recipient: str = "",
                      case: Case | None = None, extra: Mapping[str, Any] | None = None) -> AuditRecord: ...

    # ----- spot-checks
    def save_spot_check(self, case_id: str, rate: float, seed: str, items: Sequence[str], actor: str, role: str,
                        details: Mapping[str, Any]) -> str: ...

    def open_spot_check(self, case_id: str) -> tuple[str, float, str, list[str]] | None: ...

    def spot_checks(self, case_id: str) -> list[tuple[str, float, str, list[str], str, str]]: ...

    def verdicts(self, spot_check: str) -> dict[str, tuple[bool, str, str, str]]: ...

    def record_verdict(self, case_id: str, spot_check: str, item: str, passed: bool, comment: str, actor: str,
                       role: str, details: Mapping[str, Any],
                       summary: Mapping[str, Any] | None = None) -> list[AuditRecord]: ...

    # ----- the trail
    def audit(self, case_id: str) -> list[AuditRecord]: ...

    def audit_lines(self, case_id: str) -> list[str]: ...

    def audit_head(self, case_id: str) -> tuple[int, str]: ...

    def append_event(self, case_id: str, actor: str, role: str, event: EventType | str,
                     details: Mapping[str, Any] | None = None) -> AuditRecord: ...


@runtime_checkable
class SigningStore(Protocol):
    """A store whose trail the desk appends (the local SQLite file): each record is sealed with the signed-in
    user's key. The team store is not one: its database appends the trail itself, as the login it authenticated."""

    def sign_with(self, signer: Signer) -> None:
        """Sign every record appended from now on in ``signer.user``'s name with their unlocked key."""

    def chains(self) -> list[str]:
        """The id of every chain in the store."""

    def legacy_endorsement(self, case_id: str) -> dict[str, Any] | None:
        """An administrator's signed endorsement of the chain's unsigned (legacy) records, as stored."""

    def trail_signing(self) -> dict[str, Any] | None:
        """An administrator's signed statement that the store's trail is signed since a time, as stored."""

    def save_legacy_endorsements(self, desk: Mapping[str, Any] | None, endorsements: Mapping[str, Mapping[str, Any]],
                                 actor: str, role: str, details: Mapping[str, Any]) -> AuditRecord:
        """Store the signing statement and the endorsements, recorded in the system trail, in one transaction."""


def open_repository(spec: str | Path | None = None, *, password: str | None = None) -> CaseRepository:
    """The repository named by ``spec``: a ``postgresql://`` URL (or libpq ``key=value`` string) opens the team's
    shared PostgreSQL store, a path the local SQLite file, None the default local file. A server that cannot be
    reached or a refused login is a one-line error. ``password``: the user's passphrase, the team store's password
    when nothing else gives one."""
    from workstation.store.factory import open_store

    return open_store(spec, password=password)


def is_team_store(spec: str | Path | None) -> bool:
    """Whether ``spec`` names the team's PostgreSQL store (not a local file)."""
    from workstation.store.factory import is_postgres_spec

    return is_postgres_spec(spec)


def init_team_store(owner_conninfo: str) -> int:
    """Create or upgrade the team store's schema, functions and privileges (as the database's owner); returns the
    schema version in place. Idempotent: run again after an upgrade."""
    from workstation.store.pg_admin import init_server

    return init_server(owner_conninfo)


def add_team_member(conninfo: str, login: str, role: str, password: str) -> None:
    """Make ``login`` a member of the team store: a PostgreSQL login role with ``password`` (sent as a SCRAM
    verifier, never in plain) and its workstation ``role``. ``conninfo``: an administrator's connection."""
    from workstation.store.pg_admin import add_member

    add_member(conninfo, login, role, password)


def set_team_member_password(conninfo: str, login: str, password: str, *, own: bool) -> None:
    """A member's new database password (sent as a SCRAM verifier): their own (``own``: any member may change
    theirs), or an administrator's reset of another's."""
    from workstation.store import pg_admin

    if own:
        pg_admin.change_own_password(conninfo, password)
    else:
        pg_admin.set_member_password(conninfo, login, password)


def set_team_member_role(conninfo: str, login: str, role: str) -> None:
    from workstation.store.pg_admin import set_member_role

    set_member_role(conninfo, login, role)


def disable_team_member(conninfo: str, login: str) -> None:
    from workstation.store.pg_admin import disable_member

    disable_member(conninfo, login)

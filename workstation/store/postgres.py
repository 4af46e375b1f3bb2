"""The shared case store: PostgreSQL, where the database itself enforces the roles.

``PostgresCaseStore`` offers the methods of the SQLite ``CaseStore`` with the same signatures and return types, so
the application service does not know which one it has. Each method calls one function of the ``ws`` schema
(``pg_api``, ``pg_apply``); a member has no privilege on any table, so everything a client can do is what those
functions allow ``session_user`` to do.

What differs from SQLite, on purpose:

- the ``actor`` / ``role`` / ``user`` arguments are not trusted: the audit records name ``session_user`` and the
  members table's role (the arguments are ignored); a decision's, box's or allow-list entry's stored user is
  ``session_user`` too. A sign-off's or override's actor, which counsel signs, must equal ``session_user``.
- the audit chain is appended by the database in the same transaction as the change (its ``at`` is the server's
  clock); the records returned are parsed from what the database wrote.
- ``text_key`` never creates a secret: ``open_case`` does, in the database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from workstation.domain.audit import GENESIS, AuditRecord, EventType, check_details
from workstation.domain.case import Case, SignOff
from workstation.domain.case_record import CaseRecord, case_id_for
from workstation.domain.naming import FALLBACK, path_sha256
from workstation.domain.policy_engine import Override
from workstation.domain.review import (
    Action,
    AllowEntry,
    Decision,
    DecisionRecord,
    FindingKey,
    ManualEntry,
    ManualKind,
    now_iso,
)
from workstation.store.pg_connect import connect, redact_conninfo, sql_errors


def _records(texts: Sequence[str]) -> list[AuditRecord]:
    return [AuditRecord.from_dict(json.loads(t)) for t in texts]


def _state(case: Case | None) -> str | None:
    return json.dumps(case.to_dict(), sort_keys=True) if case is not None else None


def _events(events: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    for _, details in events:
        check_details(details)
    return json.dumps([[str(name), dict(details)] for name, details in events], ensure_ascii=False)


def _details(details: Mapping[str, Any]) -> str:
    check_details(details)  # refused here already, with the same message as on SQLite
    return json.dumps(dict(details), ensure_ascii=False, allow_nan=False)


def _change_json(item: DecisionRecord | ManualEntry | AllowEntry | None) -> dict[str, Any] | None:
    if item is None:
        return None
    if isinstance(item, DecisionRecord):
        k = item.key
        return {"document": k.document, "page": k.page, "start": k.start, "end": k.end, "category": k.category,
                "text_digest": k.text_digest, "decision": item.decision.value, "reason_code": item.reason_code,
                "reason": item.reason, "decided_at": item.decided_at}
    if isinstance(item, ManualEntry):
        return {"id": item.id, "document": item.document, "page": item.page, "box": list(item.box),
                "kind": item.kind.value, "reason_code": item.reason_code, "created_at": item.created_at,
                "layout": item.layout}
    return {"text_digest": item.text_digest, "added_at": item.added_at}


def _kind(item: object) -> str:
    return {DecisionRecord: "decision", ManualEntry: "manual", AllowEntry: "allow"}.get(type(item), "")


class PostgresCaseStore:
    """One connection to the shared store as one member (the login in ``conninfo``)."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.db = connect(conninfo)
        self.login, self.role = self._one("SELECT login, role FROM ws.whoami()")

    def __repr__(self) -> str:
        return f"PostgresCaseStore({redact_conninfo(self.conninfo)!r})"

    # ----- plumbing
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        from psycopg.pq import TransactionStatus

        with sql_errors():
            if self.db.info.transaction_status == TransactionStatus.INTRANS:
                # inside transaction(): a savepoint, so a refused call leaves the transaction usable, as on SQLite
                # (the service records the refusal in the same transaction)
                with self.db.transaction():
                    return self.db.execute(sql, params).fetchall()
            return self.db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._one(sql, params)
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()

    @property
    def shareable(self) -> bool:
        return True

    def reopen(self) -> PostgresCaseStore:
        """Another connection as the same member (for another thread)."""
        return PostgresCaseStore(self.conninfo)

    def __enter__(self) -> PostgresCaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """Several calls committed together (or none of them); nested, a savepoint."""
        with sql_errors(), self.db.transaction():
            yield self.db

    _tx = transaction

    # ----- cases
    def open_case(self, sources: Sequence[str], name: str) -> CaseRecord:
        cid = case_id_for(sources)
        self._rows("SELECT ws.open_case(%s, %s, %s, %s)", (cid, name, json.dumps(sorted(sources)), now_iso()))
        case = self.case(cid)
        assert case is not None
        return case

    @staticmethod
    def _case_record(row: Sequence[Any]) -> CaseRecord:
        return CaseRecord(row[0], row[1], tuple(json.loads(row[2])), row[3], row[4], json.loads(row[5]))

    def case(self, case_id: str) -> CaseRecord | None:
        row = self._one("SELECT * FROM ws.case_get(%s)", (case_id,))
        return self._case_record(row) if row else None

    def text_key(self, case_id: str) -> bytes:
        """The case's secret (made with the case, in the database): members read it only through this function."""
        return bytes(self._value("SELECT ws.case_secret(%s)", (case_id,)))

    def find_case(self, name_or_id: str) -> CaseRecord | None:
        ids = [r[0] for r in self._rows("SELECT * FROM ws.case_find(%s)", (name_or_id,))]
        return self.case(ids[0]) if len(ids) == 1 else None

    def cases(self) -> list[CaseRecord]:
        return [self._case_record(r) for r in self._rows("SELECT * FROM ws.case_list()")]

    def save_cursor(self, case_id: str, cursor: dict) -> None:
        self._rows("SELECT ws.save_cursor(%s, %s)", (case_id, json.dumps(cursor, sort_keys=True)))

    # ----- disclosure context, state, sign-offs, overrides
    def case_state(self, case_id: str) -> Case | None:
        data = self._value("SELECT ws.case_state_get(%s)", (case_id,))
        return Case.from_dict(data) if data else None

    def save_state(self, case_id: str, case: Case, actor: str, role: str,
                   events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]:
        """Persist the case's state and append ``events``; the database checks the move (``_check_transition``)
        and which events may go with it. ``actor``/``role`` are ignored (session_user, the members table)."""
        rows = self._rows("SELECT * FROM ws.save_state(%s, %s, %s)", (case_id, _state(case), _events(events)))
        return _records([r[0] for r in rows])

    def signoffs(self, case_id: str) -> list[SignOff]:
        return [SignOff(*r) for r in self._rows("SELECT * FROM ws.signoffs_get(%s)", (case_id,))]

    def overrides(self, case_id: str) -> dict[str, Override]:
        rows = self._rows("SELECT * FROM ws.overrides_get(%s)", (case_id,))
        return {r[0]: Override.from_dict(json.loads(r[1])) for r in rows}

    def save_override(self, case_id: str, override: Override, case: Case, role: str,
                      details: Mapping[str, Any]) -> AuditRecord:
        """Counsel's override (counsel only; its actor must be the login), the case's new state, the event."""
        text = self._value("SELECT ws.save_override(%s, %s, %s, %s)", (
            case_id, json.dumps(override.to_dict(), sort_keys=True), _state(case), _details(details)))
        return _records([text])[0]

    # ----- scans
    def save_scan(self, case_id: str, documents: Sequence[tuple[str, str, int]],
                  findings: Sequence[tuple[str, int, int, int, str, str, float, str, str]], actor: str, role: str,
                  details: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> AuditRecord:
        text = self._value("SELECT ws.save_scan(%s, %s, %s, %s, %s)", (
            case_id, json.dumps([list(d) for d in documents]), json.dumps([list(f) for f in findings]),
            _details(details), json.dumps(dict(labels or {}))))
        return _records([text])[0]

    def scanned_documents(self, case_id: str) -> list[tuple[str, str, int]]:
        return [(r[0], r[1], r[2]) for r in self._rows("SELECT * FROM ws.scanned_get(%s)", (case_id,))]

    def findings(self, case_id: str) -> list[tuple[FindingKey, float, str, str]]:
        rows = self._rows("SELECT * FROM ws.findings_get(%s)", (case_id,))
        return [(FindingKey(r[0], r[1], r[2], r[3], r[4], r[5]), r[6], r[7], r[8]) for r in rows]

    def save_document_labels(self, case_id: str, labels: Mapping[str, str]) -> None:
        self._rows("SELECT ws.save_labels(%s, %s)", (case_id, json.dumps(dict(labels))))

    def document_labels(self, case_id: str) -> dict[str, str]:
        return {r[0]: r[1] for r in self._rows("SELECT * FROM ws.labels_get(%s)", (case_id,))}

    def document_ref(self, case_id: str, document: str,
                     labels: Mapping[str, str] | None = None) -> dict[str, str]:
        label = (labels if labels is not None else self.document_labels(case_id)).get(document) or FALLBACK
        return {"document": label, "document_sha256": path_sha256(document)}

    # ----- spot-checks (supervisors)
    def save_spot_check(self, case_id: str, rate: float, seed: str, items: Sequence[str], actor: str, role: str,
                        details: Mapping[str, Any]) -> str:
        sid = uuid.uuid4().hex[:12]
        self._rows("SELECT ws.save_spot_check(%s, %s, %s, %s, %s, %s)",
                   (case_id, sid, rate, seed, json.dumps(list(items)), _details(details)))
        return sid

    def open_spot_check(self, case_id: str) -> tuple[str, float, str, list[str]] | None:
        row = self._one("SELECT * FROM ws.spot_open(%s)", (case_id,))
        return (row[0], row[1], row[2], json.loads(row[3])) if row else None

    def spot_checks(self, case_id: str) -> list[tuple[str, float, str, list[str], str, str]]:
        rows = self._rows("SELECT * FROM ws.spot_list(%s)", (case_id,))
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def verdicts(self, spot_check: str) -> dict[str, tuple[bool, str, str, str]]:
        rows = self._rows("SELECT * FROM ws.verdicts_get(%s)", (spot_check,))
        return {r[0]: (bool(r[1]), r[2], r[3], r[4]) for r in rows}

    def record_verdict(self, case_id: str, spot_check: str, item: str, passed: bool, comment: str, actor: str,
                       role: str, details: Mapping[str, Any],
                       summary: Mapping[str, Any] | None = None) -> list[AuditRecord]:
        rows = self._rows("SELECT * FROM ws.record_verdict(%s, %s, %s, %s, %s, %s, %s)", (
            case_id, spot_check, item, passed, comment, _details(details),
            _details(summary) if summary is not None else None))
        return _records([r[0] for r in rows])

    # ----- review state
    def decisions(self, case_id: str) -> list[DecisionRecord]:
        rows = self._rows("SELECT * FROM ws.decisions_get(%s)", (case_id,))
        return [DecisionRecord(FindingKey(r[0], r[1], r[2], r[3], r[4], r[5]), Decision(r[6]), r[7], r[8], r[9],
                               r[10]) for r in rows]

    def manual(self, case_id: str) -> list[ManualEntry]:
        rows = self._rows("SELECT * FROM ws.manual_get(%s)", (case_id,))
        return [ManualEntry(r[0], r[1], r[2], (r[3], r[4], r[5], r[6]), ManualKind(r[7]), r[8], r[9], r[10], r[11])
                for r in rows]

    def allow_list(self, case_id: str) -> list[AllowEntry]:
        return [AllowEntry(r[0], r[1], r[2]) for r in self._rows("SELECT * FROM ws.allow_get(%s)", (case_id,))]

    # ----- the audit trail
    def audit(self, case_id: str) -> list[AuditRecord]:
        return _records(self.audit_lines(case_id))

    def audit_lines(self, case_id: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT * FROM ws.audit_get(%s)", (case_id,))]

    def audit_head(self, case_id: str) -> tuple[int, str]:
        row = self._one("SELECT * FROM ws.audit_head_get(%s)", (case_id,))
        return (row[0], row[1]) if row else (0, GENESIS)

    def audit_head_in_tx(self, case_id: str) -> str:
        return self.audit_head(case_id)[1]

    def append_event(self, case_id: str, actor: str, role: str, event: EventType | str,
                     details: Mapping[str, Any] | None = None) -> AuditRecord:
        """Append an event of no change of its own (a refusal, a failed login, an audit export); the events that
        record a change are written only by the function making it."""
        text = self._value("SELECT ws.append_event(%s, %s, %s)", (case_id, str(event), _details(details or {})))
        return _records([text])[0]

    # ----- writing
    def apply(self, case_id: str, action: Action, user: str, role: str = "clerk", case: Case | None = None,
              events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]:
        """Make an action durable with one audit record per change; refused whole (``StaleChangeError``) when a
        row it changes is no longer its ``before``."""
        changes = [{"kind": _kind(ch.after if ch.after is not None else ch.before),
                    "before": _change_json(ch.before), "after": _change_json(ch.after)}
                   for ch in action.changes if _kind(ch.after if ch.after is not None else ch.before)]
        rows = self._rows("SELECT * FROM ws.apply(%s, %s, %s, %s, %s, %s)", (
            case_id, action.label, action.is_undo, json.dumps(changes, ensure_ascii=False), _state(case),
            _events(events)))
        return _records([r[0] for r in rows])

    def record_export(self, case_id: str, user: str, out_dir: str, ok: bool, detail: str, role: str = "clerk",
                      outputs: Mapping[str, str] | None = None, recipient: str = "",
                      case: Case | None = None, extra: Mapping[str, Any] | None = None) -> AuditRecord:
        outputs_json = json.dumps(dict(sorted((outputs or {}).items())), ensure_ascii=False)
        text = self._value("SELECT ws.record_export(%s, %s, %s, %s, %s, %s, %s, %s)", (
            case_id, out_dir, ok, detail, outputs_json, recipient, _state(case), _details(extra or {})))
        return _records([text])[0]

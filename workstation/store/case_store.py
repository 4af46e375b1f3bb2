"""The case store: an embedded SQLite database in the user's data folder.

Every action is written in its own transaction and committed before it is shown (WAL journal, ``synchronous=FULL``):
a new connection sees it at once and killing the process loses nothing that was committed. Several writes that
must stand or fall together (a new case, its scan and its policy decisions) run inside ``transaction()``, where
each write's own transaction becomes a savepoint of the outer one.

No table holds the sensitive text itself, nor a plain hash of it: decisions and their audit trail reference a finding
by document, page, offsets, category and the keyed digest of its text (``model.text_digest``: HMAC-SHA256 under the
case's secret); the allow-list holds the same digests of normalised texts; manual redactions are boxes; the findings
of the last scan are stored as the same keys (no text). The text is recomputed from the documents. Each case's
secret (32 random bytes, made with the case) is in ``case_secrets`` and nowhere else: never in the trail, an export,
a report or a log. The store keeps the documents' paths; audit records name a document by its safe label
(``document_labels``, set by each scan) and the SHA-256 of its path, never by its file name.

The audit trail is the domain's hash-chained ``AuditTrail`` (``workstation.domain.audit``), one chain per case:
``audit_chain`` holds each record's canonical JSON, append-only (SQLite triggers refuse UPDATE and DELETE), and
``audit_heads`` the last sequence number and hash of each chain (an anchor that detects truncation). Every record
is appended in the same transaction as the change it describes. A version-1 database's unchained ``audit`` table
is migrated into the chains (its rows, in order, with their original times) and dropped. A version-2 database's
plain SHA-256 columns (``text_sha256``, ``allow_sha256``) are keyed in place (``_migrate_v2_digests``): each case gets
its secret, every hash ``h`` becomes ``HMAC(secret, h)`` - what ``text_digest`` gives for the same text - and the
ids built from them (overrides, spot-check samples, the review cursor) follow; the trail's earlier records keep the
plain hashes they hold.

Each record is signed by its actor (``workstation.domain.trail_signatures``): the session's unlocked key, given by
``sign_with`` and kept in memory only (never written here), seals every record appended in that user's name; once a
key is given, a record in the name of anyone else but the system is refused rather than written unsigned. A
version-3 database (schema 4) gets one ``store-migrated`` record per chain saying that signing starts there: from
then on an unsigned record in that chain breaks it (``trail_signatures.check_signatures``); the records before it
are reported as unsigned (legacy) where an administrator's signed endorsement covers them (``trail_endorsements``:
kept in ``trail_endorsements``, with the store's signed "trail signing since" statement in ``meta``; verified by the
service, never trusted as stored).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workstation.domain.audit import (
    GENESIS,
    AuditRecord,
    EventType,
    canonical_json,
    check_details,
    decision_details,
    utc_now,
)
from workstation.domain.case import Case, CaseState, SignOff
from workstation.domain.case_record import CaseRecord, case_id_for  # noqa: F401 - re-exported
from workstation.domain.errors import PermissionDenied
from workstation.domain.model import new_text_key, rekey_sha256
from workstation.domain.naming import FALLBACK, path_sha256
from workstation.domain.policy_engine import Override, item_id
from workstation.domain.review import (
    Action,
    AllowEntry,
    Change,
    Decision,
    DecisionRecord,
    FindingKey,
    ManualEntry,
    ManualKind,
    now_iso,
)
from workstation.domain.signing import Signer
from workstation.domain.trail_signatures import SIGNING_STARTED, SYSTEM_ROLES, seal
from workstation.store.conflicts import stale

APP_NAME = "disclosure-workstation"
SCHEMA_VERSION = 5

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sources TEXT NOT NULL,            -- JSON list of the absolute paths that were opened
    created_at TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    cursor TEXT NOT NULL DEFAULT '{}'  -- JSON: where the reviewer was (document, finding key, page, zoom)
);
CREATE TABLE IF NOT EXISTS decisions (
    case_id TEXT NOT NULL REFERENCES cases(id),
    document TEXT NOT NULL, page INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    category TEXT NOT NULL, text_digest TEXT NOT NULL,
    decision TEXT NOT NULL, reason_code TEXT NOT NULL, reason TEXT NOT NULL,
    user TEXT NOT NULL, decided_at TEXT NOT NULL,
    PRIMARY KEY (case_id, document, page, start, "end", category)
);
CREATE TABLE IF NOT EXISTS manual_redactions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    document TEXT NOT NULL, page INTEGER NOT NULL,
    x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,
    kind TEXT NOT NULL, reason_code TEXT NOT NULL, user TEXT NOT NULL, created_at TEXT NOT NULL,
    layout INTEGER NOT NULL DEFAULT 0  -- the text layout version it was drawn on (0: not recorded, schema < 5)
);
CREATE TABLE IF NOT EXISTS allow_list (
    case_id TEXT NOT NULL REFERENCES cases(id),
    text_digest TEXT NOT NULL, user TEXT NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, text_digest)
);
-- Each case's secret, the key of its text digests (model.text_digest): never leaves this table.
CREATE TABLE IF NOT EXISTS case_secrets (
    case_id TEXT PRIMARY KEY REFERENCES cases(id), secret BLOB NOT NULL
);
-- Disclosure context, state and sign-off of a case (workstation.domain.case.Case.to_dict()).
CREATE TABLE IF NOT EXISTS case_states (
    case_id TEXT PRIMARY KEY REFERENCES cases(id), data TEXT NOT NULL, updated_at TEXT NOT NULL
);
-- The documents and findings of the last scan: keys only (never the text).
CREATE TABLE IF NOT EXISTS scanned_documents (
    case_id TEXT NOT NULL REFERENCES cases(id), document TEXT NOT NULL, sha256 TEXT NOT NULL,
    pages INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (case_id, document)
);
CREATE TABLE IF NOT EXISTS findings (
    case_id TEXT NOT NULL REFERENCES cases(id),
    document TEXT NOT NULL, page INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    category TEXT NOT NULL, text_digest TEXT NOT NULL, score REAL NOT NULL, recognizer TEXT NOT NULL,
    allow_digest TEXT NOT NULL,       -- review.allow_digest of the text (matches the allow-list)
    PRIMARY KEY (case_id, document, page, start, "end", category)
);
-- Each document's safe label (workstation.domain.naming): what audit records, reports and exported file names
-- call it instead of its file name (which may carry a name the redactions remove). Set by each scan.
CREATE TABLE IF NOT EXISTS document_labels (
    case_id TEXT NOT NULL REFERENCES cases(id), document TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (case_id, document)
);
-- Counsel's overrides (Override.to_dict(), keyed by the finding's item id) and every sign-off given.
CREATE TABLE IF NOT EXISTS overrides (
    case_id TEXT NOT NULL REFERENCES cases(id), item TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (case_id, item)
);
CREATE TABLE IF NOT EXISTS signoffs (
    case_id TEXT NOT NULL REFERENCES cases(id), actor TEXT NOT NULL, at TEXT NOT NULL, digest TEXT NOT NULL,
    note TEXT NOT NULL
);
-- Supervisor spot-checks: the sample drawn and the verdicts given.
CREATE TABLE IF NOT EXISTS spot_checks (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), rate REAL NOT NULL, seed TEXT NOT NULL,
    items TEXT NOT NULL, actor TEXT NOT NULL, created_at TEXT NOT NULL, closed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS spot_check_verdicts (
    spot_check TEXT NOT NULL REFERENCES spot_checks(id), item TEXT NOT NULL, passed INTEGER NOT NULL,
    comment TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (spot_check, item)
);
-- The hash-chained audit trail (workstation.domain.audit): one chain per case, append-only, never the text.
CREATE TABLE IF NOT EXISTS audit_chain (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, record TEXT NOT NULL, PRIMARY KEY (case_id, seq)
);
CREATE TABLE IF NOT EXISTS audit_heads (
    case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, head TEXT NOT NULL
);
-- An administrator's signed endorsement of each chain's unsigned (legacy) records (trail_endorsements): its case,
-- the records covered and the hash of the last; the store's signed "trail signing since" statement is in meta.
CREATE TABLE IF NOT EXISTS trail_endorsements (case_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "cases.sqlite3"


class CaseStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._signers: dict[str, Signer] = {}  # the session's unlocked keys, by user (memory only)
        self._signing_begun: set[str] = set()  # chains known to hold a signed record or a signing-started one
        self.db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        fresh = self.db.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone() is None
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION if fresh else 1),))
        self._migrate_v1_audit()
        self._migrate_v2_digests()
        self._migrate_v3_signing()
        self._migrate_v4_layout()

    def sign_with(self, signer: Signer) -> None:
        """Seal every record appended from now on in ``signer.user``'s name with their key (held in memory only).
        From then on a record in another user's name is refused (it would be unsigned); the system's own records
        (roles ``system``/``none``) stay unsigned."""
        self._signers[signer.user] = signer

    def close(self) -> None:
        self.db.close()

    @property
    def shareable(self) -> bool:
        """Whether another connection (``reopen``) sees this store's data: not for an in-memory database."""
        return str(self.path) != ":memory:"

    def reopen(self) -> CaseStore:
        """Another connection to the same database, for another thread (a connection serves only the thread that
        made it). Writes through either are serialised by SQLite and durable on commit, as through this one."""
        if not self.shareable:
            raise ValueError("an in-memory case store cannot be opened again")
        other = CaseStore(self.path)
        for signer in self._signers.values():
            other.sign_with(signer)
        return other

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- cases
    def open_case(self, sources: Sequence[str], name: str) -> CaseRecord:
        cid = case_id_for(sources)
        at = now_iso()
        with self._tx():
            self.db.execute(
                "INSERT INTO cases (id, name, sources, created_at, opened_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET opened_at = excluded.opened_at",
                (cid, name, json.dumps(sorted(sources)), at, at))
            self.db.execute("INSERT OR IGNORE INTO case_secrets VALUES (?, ?)", (cid, new_text_key()))
        case = self.case(cid)
        assert case is not None
        return case

    def case(self, case_id: str) -> CaseRecord | None:
        row = self.db.execute("SELECT id, name, sources, created_at, opened_at, cursor FROM cases WHERE id = ?",
                              (case_id,)).fetchone()
        if row is None:
            return None
        return CaseRecord(row[0], row[1], tuple(json.loads(row[2])), row[3], row[4], json.loads(row[5]))

    def text_key(self, case_id: str) -> bytes:
        """The case's secret, the key of its text digests (``model.text_digest``). It stays in memory and in this
        store: nothing writes it to the trail, an export, a report or a log."""
        row = self.db.execute("SELECT secret FROM case_secrets WHERE case_id = ?", (case_id,)).fetchone()
        if row is None:
            with self._tx():
                self.db.execute("INSERT OR IGNORE INTO case_secrets VALUES (?, ?)", (case_id, new_text_key()))
            row = self.db.execute("SELECT secret FROM case_secrets WHERE case_id = ?", (case_id,)).fetchone()
        return bytes(row[0])

    def find_case(self, name_or_id: str) -> CaseRecord | None:
        """A case by its name (exact) or its id (or an unambiguous id prefix of 8+ characters)."""
        rows = self.db.execute("SELECT id FROM cases WHERE name = ? ORDER BY created_at", (name_or_id,)).fetchall()
        if not rows and len(name_or_id) >= 8:
            rows = self.db.execute("SELECT id FROM cases WHERE id LIKE ?", (name_or_id + "%",)).fetchall()
        if len(rows) != 1:
            return None
        return self.case(rows[0][0])

    def cases(self) -> list[CaseRecord]:
        ids = [r[0] for r in self.db.execute("SELECT id FROM cases ORDER BY opened_at DESC")]
        return [c for c in (self.case(i) for i in ids) if c is not None]

    def save_cursor(self, case_id: str, cursor: dict) -> None:
        with self._tx():
            self.db.execute("UPDATE cases SET cursor = ? WHERE id = ?", (json.dumps(cursor, sort_keys=True), case_id))

    # ----- disclosure context, state, sign-offs, overrides
    def case_state(self, case_id: str) -> Case | None:
        row = self.db.execute("SELECT data FROM case_states WHERE case_id = ?", (case_id,)).fetchone()
        return Case.from_dict(json.loads(row[0])) if row else None

    def save_state(self, case_id: str, case: Case, actor: str, role: str,
                   events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]:
        """Persist the case's state (context, state, sign-off) and append ``events`` to its trail, atomically.

        A new sign-off is also kept in ``signoffs`` (every sign-off ever given)."""
        with self._tx():
            before = self.db.execute("SELECT data FROM case_states WHERE case_id = ?", (case_id,)).fetchone()
            old = Case.from_dict(json.loads(before[0])) if before else None
            self._put_state(case_id, case)
            if case.sign_off is not None and (old is None or old.sign_off != case.sign_off):
                so = case.sign_off
                self.db.execute("INSERT INTO signoffs VALUES (?, ?, ?, ?, ?)",
                                (case_id, so.actor, so.at, so.digest, so.note))
            return [self._append(case_id, actor, role, event, details) for event, details in events]

    def _put_state(self, case_id: str, case: Case) -> None:
        self.db.execute("INSERT INTO case_states VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET "
                        "data = excluded.data, updated_at = excluded.updated_at",
                        (case_id, json.dumps(case.to_dict(), sort_keys=True), now_iso()))

    def signoffs(self, case_id: str) -> list[SignOff]:
        rows = self.db.execute("SELECT actor, at, digest, note FROM signoffs WHERE case_id = ? ORDER BY rowid",
                               (case_id,))
        return [SignOff(*r) for r in rows]

    def overrides(self, case_id: str) -> dict[str, Override]:
        rows = self.db.execute("SELECT item, data FROM overrides WHERE case_id = ?", (case_id,))
        return {r[0]: Override.from_dict(json.loads(r[1])) for r in rows}

    def save_override(self, case_id: str, override: Override, case: Case, role: str,
                      details: Mapping[str, Any]) -> AuditRecord:
        """Record counsel's override, the case's new state (a change voids a sign-off) and the audit event."""
        with self._tx():
            self.db.execute("INSERT OR REPLACE INTO overrides VALUES (?, ?, ?)",
                            (case_id, override.item, json.dumps(override.to_dict(), sort_keys=True)))
            self._put_state(case_id, case)
            return self._append(case_id, override.actor, role, EventType.OVERRIDE, details)

    # ----- scans: documents and finding keys (no text)
    def save_scan(self, case_id: str, documents: Sequence[tuple[str, str, int]],
                  findings: Sequence[tuple[str, int, int, int, str, str, float, str, str]], actor: str, role: str,
                  details: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> AuditRecord:
        """Replace the case's scan results: documents (path, SHA-256 of the file, pages) and finding keys
        (document, page, start, end, category, text digest, score, recognizer, allow digest); store the documents'
        safe ``labels`` (path -> label); append the scan event."""
        with self._tx():
            self._put_labels(case_id, labels or {})
            self.db.execute("DELETE FROM scanned_documents WHERE case_id = ?", (case_id,))
            self.db.execute("DELETE FROM findings WHERE case_id = ?", (case_id,))
            for n, (path, sha, pages) in enumerate(documents):
                self.db.execute("INSERT INTO scanned_documents VALUES (?, ?, ?, ?, ?)", (case_id, path, sha, pages, n))
            self.db.executemany("INSERT OR IGNORE INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                [(case_id, *f) for f in findings])
            return self._append(case_id, actor, role, EventType.SCAN_RUN, details)

    def scanned_documents(self, case_id: str) -> list[tuple[str, str, int]]:
        rows = self.db.execute("SELECT document, sha256, pages FROM scanned_documents WHERE case_id = ? "
                               "ORDER BY position", (case_id,))
        return [(r[0], r[1], r[2]) for r in rows]

    def findings(self, case_id: str) -> list[tuple[FindingKey, float, str, str]]:
        """The keys of the last scan's findings (with score, recognizer and allow digest), in document/page/offset
        order."""
        rows = self.db.execute(
            'SELECT f.document, f.page, f.start, f."end", f.category, f.text_digest, f.score, f.recognizer, '
            "f.allow_digest "
            "FROM findings f LEFT JOIN scanned_documents d ON d.case_id = f.case_id AND d.document = f.document "
            'WHERE f.case_id = ? ORDER BY d.position, f.page, f.start, f."end", f.category', (case_id,))
        return [(FindingKey(r[0], r[1], r[2], r[3], r[4], r[5]), r[6], r[7], r[8]) for r in rows]

    def _put_labels(self, case_id: str, labels: Mapping[str, str]) -> None:
        self.db.executemany("INSERT INTO document_labels VALUES (?, ?, ?) ON CONFLICT(case_id, document) "
                            "DO UPDATE SET label = excluded.label",
                            [(case_id, path, label) for path, label in labels.items()])

    def save_document_labels(self, case_id: str, labels: Mapping[str, str]) -> None:
        """Store safe labels (path -> label) for documents of the case, replacing earlier ones."""
        with self._tx():
            self._put_labels(case_id, labels)

    def document_labels(self, case_id: str) -> dict[str, str]:
        """{document path: safe label} as stored by the scans of the case."""
        rows = self.db.execute("SELECT document, label FROM document_labels WHERE case_id = ?", (case_id,))
        return {r[0]: r[1] for r in rows}

    def document_ref(self, case_id: str, document: str,
                     labels: Mapping[str, str] | None = None) -> dict[str, str]:
        """How an audit record names a document: its safe label (``FALLBACK`` before the scan stored one) and the
        SHA-256 of its path - never the path or the file name."""
        label = (labels if labels is not None else self.document_labels(case_id)).get(document) or FALLBACK
        return {"document": label, "document_sha256": path_sha256(document)}

    # ----- spot-checks
    def save_spot_check(self, case_id: str, rate: float, seed: str, items: Sequence[str], actor: str, role: str,
                        details: Mapping[str, Any]) -> str:
        sid = uuid.uuid4().hex[:12]
        with self._tx():
            self.db.execute("UPDATE spot_checks SET closed = 1 WHERE case_id = ?", (case_id,))
            self.db.execute("INSERT INTO spot_checks VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                            (sid, case_id, rate, seed, json.dumps(list(items)), actor, now_iso()))
            self._append(case_id, actor, role, "spot-check-sampled", {**details, "spot_check": sid})
        return sid

    def open_spot_check(self, case_id: str) -> tuple[str, float, str, list[str]] | None:
        row = self.db.execute("SELECT id, rate, seed, items FROM spot_checks WHERE case_id = ? AND closed = 0 "
                              "ORDER BY created_at DESC LIMIT 1", (case_id,)).fetchone()
        return (row[0], row[1], row[2], json.loads(row[3])) if row else None

    def spot_checks(self, case_id: str) -> list[tuple[str, float, str, list[str], str, str]]:
        rows = self.db.execute("SELECT id, rate, seed, items, actor, created_at FROM spot_checks WHERE case_id = ? "
                               "ORDER BY created_at", (case_id,))
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def verdicts(self, spot_check: str) -> dict[str, tuple[bool, str, str, str]]:
        rows = self.db.execute("SELECT item, passed, comment, actor, at FROM spot_check_verdicts "
                               "WHERE spot_check = ?", (spot_check,))
        return {r[0]: (bool(r[1]), r[2], r[3], r[4]) for r in rows}

    def record_verdict(self, case_id: str, spot_check: str, item: str, passed: bool, comment: str, actor: str,
                       role: str, details: Mapping[str, Any],
                       summary: Mapping[str, Any] | None = None) -> list[AuditRecord]:
        """One verdict of a spot-check (and, when it completes the sample, the spot-check's result event)."""
        with self._tx():
            self.db.execute("INSERT OR REPLACE INTO spot_check_verdicts VALUES (?, ?, ?, ?, ?, ?)",
                            (spot_check, item, int(passed), comment, actor, now_iso()))
            out = [self._append(case_id, actor, role, "spot-check-verdict", details)]
            if summary is not None:
                out.append(self._append(case_id, actor, role, EventType.SPOT_CHECK, summary))
            return out

    # ----- state
    def decisions(self, case_id: str) -> list[DecisionRecord]:
        rows = self.db.execute(
            'SELECT document, page, start, "end", category, text_digest, decision, reason_code, reason, user, '
            "decided_at FROM decisions WHERE case_id = ?", (case_id,))
        return [DecisionRecord(FindingKey(r[0], r[1], r[2], r[3], r[4], r[5]), Decision(r[6]), r[7], r[8], r[9],
                               r[10]) for r in rows]

    def manual(self, case_id: str) -> list[ManualEntry]:
        rows = self.db.execute(
            "SELECT id, document, page, x0, y0, x1, y1, kind, reason_code, user, created_at, layout "
            "FROM manual_redactions WHERE case_id = ? ORDER BY created_at, id", (case_id,))
        return [ManualEntry(r[0], r[1], r[2], (r[3], r[4], r[5], r[6]), ManualKind(r[7]), r[8], r[9], r[10], r[11])
                for r in rows]

    def allow_list(self, case_id: str) -> list[AllowEntry]:
        rows = self.db.execute("SELECT text_digest, user, added_at FROM allow_list WHERE case_id = ?", (case_id,))
        return [AllowEntry(r[0], r[1], r[2]) for r in rows]

    # ----- the audit trail
    def audit(self, case_id: str) -> list[AuditRecord]:
        """The case's hash-chained audit records, in order (verify them with ``audit.verify_records``)."""
        rows = self.db.execute("SELECT record FROM audit_chain WHERE case_id = ? ORDER BY seq", (case_id,))
        return [AuditRecord.from_dict(json.loads(r[0])) for r in rows]

    def audit_lines(self, case_id: str) -> list[str]:
        """The stored canonical JSON of each record, exactly as appended (for JSONL export)."""
        return [r[0] for r in self.db.execute("SELECT record FROM audit_chain WHERE case_id = ? ORDER BY seq",
                                              (case_id,))]

    def audit_head(self, case_id: str) -> tuple[int, str]:
        """(records, head hash) as anchored when the last record was appended ((0, GENESIS) for none)."""
        row = self.db.execute("SELECT seq, head FROM audit_heads WHERE case_id = ?", (case_id,)).fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def append_event(self, case_id: str, actor: str, role: str, event: EventType | str,
                     details: Mapping[str, Any] | None = None) -> AuditRecord:
        """Append one event to the case's chain in its own transaction."""
        with self._tx():
            return self._append(case_id, actor, role, event, details or {})

    def chains(self) -> list[str]:
        """The id of every chain in the store (each case's, the system and training trails)."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT case_id FROM audit_chain ORDER BY case_id")]

    def legacy_endorsement(self, case_id: str) -> dict[str, Any] | None:
        """The administrator's signed endorsement of the chain's unsigned records (``trail_endorsements``), as
        stored - verify it before trusting it."""
        row = self.db.execute("SELECT data FROM trail_endorsements WHERE case_id = ?", (case_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def trail_signing(self) -> dict[str, Any] | None:
        """The administrator's signed statement that this store's trail is signed since a time, as stored."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'trail_signing'").fetchone()
        return json.loads(row[0]) if row else None

    def save_legacy_endorsements(self, desk: Mapping[str, Any] | None, endorsements: Mapping[str, Mapping[str, Any]],
                                 actor: str, role: str, details: Mapping[str, Any]) -> AuditRecord:
        """Store the signing statement (when given: the first time) and the endorsements, and record it in the
        system trail (signed by the administrator), in one transaction."""
        with self._tx():
            if desk is not None:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('trail_signing', ?)",
                                (canonical_json(desk),))
            self.db.executemany("INSERT OR REPLACE INTO trail_endorsements VALUES (?, ?)",
                                [(cid, canonical_json(data)) for cid, data in endorsements.items()])
            return self._append("system", actor, role, "trail-legacy-endorsed", details)

    def _append(self, case_id: str, actor: str, role: str, event: EventType | str, details: Mapping[str, Any],
                at: str | None = None, after: AuditRecord | None = None) -> AuditRecord:
        """Append inside an open transaction (BEGIN IMMEDIATE holds the write lock, so the chain cannot fork).
        ``after``: the record appended just before in this transaction (so the chain's last record is not read
        back for each record of a large action)."""
        payload = dict(details)
        check_details(payload)
        payload = json.loads(canonical_json(payload))
        signer = self._signer_for(actor, str(role))
        if signer is not None and after is None:
            self._begin_signing(case_id)
        if after is not None:
            seq, prev = after.seq + 1, after.hash
        else:
            last = self.db.execute("SELECT seq, record FROM audit_chain WHERE case_id = ? ORDER BY seq DESC "
                                   "LIMIT 1", (case_id,)).fetchone()
            seq, prev = (last[0] + 1, json.loads(last[1])["hash"]) if last else (1, GENESIS)
        body = {"seq": seq, "at": at or utc_now(), "actor": actor, "role": str(role), "event": str(event),
                "details": payload, "prev": prev}
        record = seal(body, signer)
        self.db.execute("INSERT INTO audit_chain VALUES (?, ?, ?)", (case_id, seq, record.to_json()))
        self.db.execute("INSERT INTO audit_heads VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET "
                        "seq = excluded.seq, head = excluded.head", (case_id, seq, record.hash))
        return record

    def _signer_for(self, actor: str, role: str) -> Signer | None:
        if role in SYSTEM_ROLES:
            return None
        signer = self._signers.get(actor)
        if signer is None and self._signers:
            raise PermissionDenied(f"{actor}: no unlocked signing key in this session, so the record cannot be "
                                   "signed: nothing was written (sign in as that user)")
        return signer

    def _begin_signing(self, case_id: str) -> None:
        """Before the first signed record of a chain whose records so far are unsigned (written on a desk without a
        users file): a ``store-migrated`` record saying that signing starts there, as schema 4's migration writes
        for older chains - the records before it are then reported as unsigned (legacy), not as a break."""
        if case_id in self._signing_begun:
            return
        signed, marked, unsigned = self.db.execute(
            "SELECT COALESCE(SUM(json_extract(record, '$.key') IS NOT NULL), 0), "
            "COALESCE(SUM(json_extract(record, '$.event') = 'store-migrated' "
            "AND json_extract(record, '$.details.signing_started') = 1), 0), "
            "COALESCE(SUM(json_extract(record, '$.key') IS NULL "
            "AND json_extract(record, '$.role') NOT IN ('system', 'none')), 0) "
            "FROM audit_chain WHERE case_id = ?", (case_id,)).fetchone()
        if not signed and not marked and unsigned:
            self._append(case_id, "system", "system", "store-migrated", {
                "case_id": case_id, "schema_version": SCHEMA_VERSION, SIGNING_STARTED: True,
                "change": f"signing starts here: the {unsigned} record(s) before were written unsigned (a desk "
                          "without a users file); from the next record on, every record is signed by its actor"})
        elif signed or marked:
            self._signing_begun.add(case_id)

    # ----- writing
    def apply(self, case_id: str, action: Action, user: str, role: str = "clerk", case: Case | None = None,
              events: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> list[AuditRecord]:
        """Make an action durable (one transaction, committed on return), with one audit record per change.

        ``case``: the case's new state when the action changes it (a change after sign-off voids the sign-off);
        ``events``: further audit events appended after the changes' (e.g. the sign-off voided)."""
        action_id = uuid.uuid4().hex
        records: list[AuditRecord] = []
        with self._tx():
            labels = self.document_labels(case_id)
            if case is not None:
                self._put_state(case_id, case)
            for ch in action.changes:
                self._check_before(case_id, ch)
                item = ch.after if ch.after is not None else ch.before
                event: str = EventType.UNDO if action.is_undo else EventType.DECISION
                common = {"action": action.label, "action_id": action_id}
                if isinstance(item, DecisionRecord):
                    self._decision(case_id, ch.before, ch.after)  # type: ignore[arg-type]
                    k = item.key
                    before = ch.before.decision.value if isinstance(ch.before, DecisionRecord) else None
                    rec = ch.after if isinstance(ch.after, DecisionRecord) else None
                    ref = self.document_ref(case_id, k.document, labels)
                    details = decision_details(
                        document=ref["document"], document_sha256=ref["document_sha256"], page=k.page,
                        start=k.start, end=k.end, category=k.category, text_digest=k.text_digest, decision=rec.decision.value if rec else "pending", before=before,
                        reason_code=rec.reason_code if rec else "", reason=rec.reason if rec else "",
                        case_id=case_id)
                elif isinstance(item, ManualEntry):
                    if ch.after is None:
                        self.db.execute("DELETE FROM manual_redactions WHERE id = ?", (item.id,))
                    else:
                        m = item
                        self.db.execute(
                            "INSERT OR REPLACE INTO manual_redactions (id, case_id, document, page, x0, y0, x1, y1, "
                            "kind, reason_code, user, created_at, layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (m.id, case_id, m.document, m.page, *m.box, m.kind.value, m.reason_code, m.user,
                             m.created_at, m.layout))
                    event = EventType.UNDO if action.is_undo else "manual-redaction"
                    details = {"case_id": case_id, **self.document_ref(case_id, item.document, labels),
                               "page": item.page, "id": item.id,
                               "box": list(item.box), "kind": item.kind.value, "category":
                               f"MANUAL-{item.kind.value.upper()}", "reason_code": item.reason_code,
                               "before": "absent" if ch.before is None else "present",
                               "after": "absent" if ch.after is None else "present"}
                elif isinstance(item, AllowEntry):
                    if ch.after is None:
                        self.db.execute("DELETE FROM allow_list WHERE case_id = ? AND text_digest = ?",
                                        (case_id, item.text_digest))
                    else:
                        self.db.execute("INSERT OR REPLACE INTO allow_list VALUES (?, ?, ?, ?)",
                                        (case_id, item.text_digest, item.user, item.added_at))
                    event = EventType.UNDO if action.is_undo else "allow-list"
                    details = {"case_id": case_id, "text_digest": item.text_digest,
                               "before": "absent" if ch.before is None else "present",
                               "after": "absent" if ch.after is None else "present"}
                else:
                    continue
                records.append(self._append(case_id, user, role, event, {**details, **common},
                                            after=records[-1] if records else None))
            for name, extra in events:
                records.append(self._append(case_id, user, role, name, extra, after=records[-1] if records else None))
        return records

    def _check_before(self, case_id: str, ch: Change) -> None:
        """Refuse a change whose ``before`` is no longer what is stored (another reviewer changed it since it was
        read): no lost update. The user field is not compared (the PostgreSQL store records the login there)."""
        item = ch.after if ch.after is not None else ch.before
        if isinstance(item, DecisionRecord):
            k = item.key
            row = self.db.execute('SELECT text_digest, decision, reason_code, reason, decided_at, user FROM decisions '
                                  'WHERE case_id = ? AND document = ? AND page = ? AND start = ? AND "end" = ? '
                                  "AND category = ?", (case_id, k.document, k.page, k.start, k.end, k.category)
                                  ).fetchone()
            b = ch.before
            want = ((b.key.text_digest, b.decision.value, b.reason_code, b.reason, b.decided_at)
                    if isinstance(b, DecisionRecord) else None)
            if row is None and want is not None:
                raise stale("this finding", None, "pending")
            if row is not None and tuple(row[:5]) != want:
                raise stale("this finding", row[5], row[4])
        elif isinstance(item, ManualEntry):
            row = self.db.execute("SELECT document, page, x0, y0, x1, y1, kind, reason_code, created_at, user "
                                  "FROM manual_redactions WHERE id = ? AND case_id = ?", (item.id, case_id)).fetchone()
            m = ch.before
            want_m = ((m.document, m.page, *m.box, m.kind.value, m.reason_code, m.created_at)
                      if isinstance(m, ManualEntry) else None)
            if row is None and want_m is not None:
                raise stale("this manual redaction", None, "removed")
            if row is not None and tuple(row[:9]) != want_m:
                raise stale("this manual redaction", row[9], row[8])
        elif isinstance(item, AllowEntry):
            row = self.db.execute("SELECT user, added_at FROM allow_list WHERE case_id = ? AND text_digest = ?",
                                  (case_id, item.text_digest)).fetchone()
            if row is None and ch.before is not None:
                raise stale("this allow-list entry", None, "removed")
            if row is not None and ch.before is None:
                raise stale("this allow-list entry", row[0], row[1])

    def record_export(self, case_id: str, user: str, out_dir: str, ok: bool, detail: str, role: str = "clerk",
                      outputs: Mapping[str, str] | None = None, recipient: str = "",
                      case: Case | None = None, extra: Mapping[str, Any] | None = None) -> AuditRecord:
        """The export event: output SHA-256s and the verification result (and the case's new state); ``extra``:
        further details (the policy file's SHA-256, the trust anchor)."""
        with self._tx():
            head = self.audit_head_in_tx(case_id)
            if case is not None:
                self._put_state(case_id, case)
            details = {"case_id": case_id, "outputs": dict(sorted((outputs or {}).items())), "verified": ok,
                       "verification": detail, "recipient": recipient, "audit_head": head,
                       "out_dir": out_dir, **(extra or {})}
            return self._append(case_id, user, role, EventType.EXPORT, details)

    def audit_head_in_tx(self, case_id: str) -> str:
        row = self.db.execute("SELECT head FROM audit_heads WHERE case_id = ?", (case_id,)).fetchone()
        return row[0] if row else GENESIS

    def _decision(self, case_id: str, before: DecisionRecord | None, after: DecisionRecord | None) -> None:
        if after is None:
            assert before is not None
            k = before.key
            self.db.execute('DELETE FROM decisions WHERE case_id = ? AND document = ? AND page = ? AND start = ? '
                            'AND "end" = ? AND category = ?', (case_id, k.document, k.page, k.start, k.end,
                                                               k.category))
            return
        k = after.key
        self.db.execute(
            "INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, k.document, k.page, k.start, k.end, k.category, k.text_digest, after.decision.value,
             after.reason_code, after.reason, after.user, after.decided_at))

    def _migrate_v1_audit(self) -> None:
        """Move a version-1 database's unchained ``audit`` rows into the per-case chains, then drop the table."""
        exists = self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'").fetchone()
        if not exists:
            return
        with self._tx():
            keys = self._text_keys()
            cur = self.db.execute("SELECT * FROM audit ORDER BY seq")
            names = [d[0] for d in cur.description]
            for row in [dict(zip(names, r, strict=True)) for r in cur.fetchall()]:
                details = {k: row[k] for k in ("case_id", "action_id", "action", "kind", "document", "page", "start",
                                               "end", "category", "text_sha256", "before", "after", "reason_code",
                                               "reason") if row.get(k) is not None}
                plain = details.pop("text_sha256", None)  # a plain hash enters no new record: keyed first
                if isinstance(plain, str) and _HEX64.fullmatch(plain) and row["case_id"] in keys:
                    details["text_digest"] = rekey_sha256(keys[row["case_id"]], plain)
                details["migrated_from"] = "audit v1"
                if row.get("detail"):
                    details["note"] = row["detail"]
                event = {"export": EventType.EXPORT}.get(row["kind"], EventType.DECISION)
                self._append(row["case_id"], row["user"], "clerk", event, details, at=row["at"])
            self.db.execute("DROP TABLE audit")
            self.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 2")

    def _text_keys(self) -> dict[str, bytes]:
        """Every case's secret, made now for a case that has none (inside an open transaction)."""
        for (cid,) in self.db.execute("SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM case_secrets)"
                                      ).fetchall():
            self.db.execute("INSERT INTO case_secrets VALUES (?, ?)", (cid, new_text_key()))
        return {r[0]: bytes(r[1]) for r in self.db.execute("SELECT case_id, secret FROM case_secrets")}

    def _columns(self, table: str) -> list[str]:
        return [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]

    def _migrate_v2_digests(self) -> None:
        """Key a version-2 database's plain SHA-256s of finding texts (schema 3).

        Each case gets its secret; ``text_sha256``/``allow_sha256`` columns are renamed ``text_digest``/
        ``allow_digest`` and every value ``h`` becomes ``rekey_sha256(secret, h)`` - what ``text_digest`` makes of
        the same text, so decisions and the allow-list still attach to the findings of the next scan. The ids built
        from them follow: overrides (``item_id``), the items of spot-check samples and their verdicts (short ids)
        and the review cursor. The trail is append-only: its records keep the plain hashes they hold, and one
        ``store-migrated`` record per case says from when on the digests are keyed. A sign-off given before covers
        the old ids: the case must be signed off again (its digest no longer matches, so export refuses)."""
        version = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        plain = [(t, c) for t, cols in (("findings", ("text_sha256", "allow_sha256")), ("decisions", ("text_sha256",)),
                                        ("allow_list", ("text_sha256",)))
                 for c in cols if c in self._columns(t)]
        if not plain and int(version[0]) >= 3:
            return
        with self._tx():
            keys = self._text_keys()

            def rekey(case_id: str, value: str) -> str:
                return rekey_sha256(keys[case_id], value) if case_id in keys and _HEX64.fullmatch(value) else value

            old_keys = []  # (case_id, document, page, start, end, category, plain hash) of every finding and decision
            for table, column in plain:
                if table != "allow_list" and column == "text_sha256":
                    old_keys += self.db.execute(f'SELECT case_id, document, page, start, "end", category, {column} '
                                                f"FROM {table}").fetchall()
            short: dict[str, dict[str, str]] = {}  # case -> {old short id: new short id} (``cases.short_id``)
            for cid, document, page, start, end, category, h in old_keys:
                old_id = item_id(document, page, start, end, category, h)
                new_id = item_id(document, page, start, end, category, rekey(cid, h))
                short.setdefault(cid, {})[_short(old_id)] = _short(new_id)
            self.db.create_function("ws_rekey", 2, rekey, deterministic=True)
            for table, column in plain:
                new = column.replace("sha256", "digest")
                self.db.execute(f"ALTER TABLE {table} RENAME COLUMN {column} TO {new}")
                self.db.execute(f"UPDATE {table} SET {new} = ws_rekey(case_id, {new})")
            moved = {"overrides": 0, "spot_checks": 0}
            for cid, item, data in self.db.execute("SELECT case_id, item, data FROM overrides").fetchall():
                fields = json.loads(item)
                if isinstance(fields, list) and len(fields) == 6 and isinstance(fields[5], str):
                    new_item = item_id(fields[0], fields[1], fields[2], fields[3], fields[4], rekey(cid, fields[5]))
                    if new_item != item:
                        record = {**json.loads(data), "item": new_item}
                        self.db.execute("UPDATE overrides SET item = ?, data = ? WHERE case_id = ? AND item = ?",
                                        (new_item, json.dumps(record, sort_keys=True), cid, item))
                        moved["overrides"] += 1
            for sid, cid, items in self.db.execute("SELECT id, case_id, items FROM spot_checks").fetchall():
                ids = short.get(cid, {})
                self.db.execute("UPDATE spot_checks SET items = ? WHERE id = ?",
                                (json.dumps([ids.get(i, i) for i in json.loads(items)]), sid))
                for (old,) in self.db.execute("SELECT item FROM spot_check_verdicts WHERE spot_check = ?",
                                              (sid,)).fetchall():
                    self.db.execute("UPDATE spot_check_verdicts SET item = ? WHERE spot_check = ? AND item = ?",
                                    (ids.get(old, old), sid, old))
                moved["spot_checks"] += 1
            for cid, cursor in self.db.execute("SELECT id, cursor FROM cases").fetchall():
                data = json.loads(cursor)
                finding = data.get("finding") if isinstance(data, dict) else None
                if isinstance(finding, list) and len(finding) == 6 and isinstance(finding[5], str):
                    data["finding"] = [*finding[:5], rekey(cid, finding[5])]
                    self.db.execute("UPDATE cases SET cursor = ? WHERE id = ?", (json.dumps(data, sort_keys=True), cid))
            if plain:
                for (cid,) in self.db.execute("SELECT id FROM cases ORDER BY created_at, id").fetchall():
                    state = self.case_state(cid)
                    resign = state is not None and state.sign_off is not None and state.state is CaseState.SIGNED_OFF
                    self._append(cid, "system", "system", "store-migrated", {
                        "case_id": cid, "schema_version": 3,
                        "change": "finding digests keyed with the case's secret (HMAC-SHA256); records before this one "
                                  "hold plain SHA-256s",
                        "overrides_rekeyed": moved["overrides"], "sign_off_renewal_needed": resign})
            self.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")

    def _migrate_v3_signing(self) -> None:
        """Schema 4: records are signed by their actors from now on. Each existing chain gets a ``store-migrated``
        record saying so (``signing_started``): an unsigned record after it breaks the chain; those before it are
        reported as unsigned (legacy)."""
        version = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if int(version[0]) >= 4:
            return
        with self._tx():
            chains = [r[0] for r in self.db.execute("SELECT DISTINCT case_id FROM audit_chain ORDER BY case_id")]
            for cid in chains:
                self._append(cid, "system", "system", "store-migrated", {
                    "case_id": cid, "schema_version": 4, SIGNING_STARTED: True,
                    "change": "from the next record on, every record is signed by its actor's key; the records "
                              "before this one are unsigned (legacy)"})
            self.db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")

    def _migrate_v4_layout(self) -> None:
        """Schema 5: each manual box records the text layout version it was drawn on (``ManualEntry.layout``). The
        boxes already stored get 0 - not recorded: on a text-like document they count as drawn on the layout before
        the versions were kept, and are not used until placed again (``service.layouts``)."""
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(manual_redactions)")}
        with self._tx():
            if "layout" not in columns:
                self.db.execute("ALTER TABLE manual_redactions ADD COLUMN layout INTEGER NOT NULL DEFAULT 0")
            self.db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 5")

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    def transaction(self) -> _Transaction:
        """One transaction around several of the store's writes (each of which is otherwise committed on its own):
        all of them are committed together on leaving the block, or none when it raises (e.g. a case created,
        scanned and given its policy decisions: a failure half-way leaves no case, no rows and no audit records)."""
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK on error) on an autocommit connection; inside a transaction already
    open (``CaseStore.transaction``), a savepoint of it, so the outer transaction decides what is kept."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.savepoint = ""

    def __enter__(self) -> sqlite3.Connection:
        if self.db.in_transaction:
            self.savepoint = f"sp_{uuid.uuid4().hex}"
            self.db.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.savepoint:
            if exc_type is not None:
                self.db.execute(f"ROLLBACK TO {self.savepoint}")
            self.db.execute(f"RELEASE {self.savepoint}")
        elif exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _short(full_item_id: str) -> str:
    """A finding's short id from its item id (``cases.short_id``: the reviewers' ``--finding ID``)."""
    return hashlib.sha256(full_item_id.encode("utf-8")).hexdigest()[:12]


def all_rows(store: CaseStore) -> Iterable[tuple]:
    """Every value of every table (for tests that check no sensitive text is stored)."""
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        yield from store.db.execute(f"SELECT * FROM {table}").fetchall()

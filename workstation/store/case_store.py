"""The case store: an embedded SQLite database in the user's data folder.

Every action is written in its own transaction and committed before it is shown (WAL journal, ``synchronous=FULL``):
a new connection sees it at once and killing the process loses nothing that was committed.

No table holds the sensitive text itself: decisions and their audit trail reference a finding by document, page,
offsets, category and the SHA-256 of its text; the allow-list holds SHA-256 hashes of normalised texts; manual
redactions are boxes. The text is recomputed from the documents.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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

APP_NAME = "disclosure-workstation"
SCHEMA_VERSION = 1

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
    category TEXT NOT NULL, text_sha256 TEXT NOT NULL,
    decision TEXT NOT NULL, reason_code TEXT NOT NULL, reason TEXT NOT NULL,
    user TEXT NOT NULL, decided_at TEXT NOT NULL,
    PRIMARY KEY (case_id, document, page, start, "end", category)
);
CREATE TABLE IF NOT EXISTS manual_redactions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    document TEXT NOT NULL, page INTEGER NOT NULL,
    x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,
    kind TEXT NOT NULL, reason_code TEXT NOT NULL, user TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS allow_list (
    case_id TEXT NOT NULL REFERENCES cases(id),
    text_sha256 TEXT NOT NULL, user TEXT NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, text_sha256)
);
-- Append-only audit trail: one row per change, never the text.
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL, action_id TEXT NOT NULL, action TEXT NOT NULL,
    kind TEXT NOT NULL,               -- decision | manual | allow | export
    document TEXT, page INTEGER, start INTEGER, "end" INTEGER, category TEXT, text_sha256 TEXT,
    before TEXT, after TEXT,          -- decision values (or 'pending'), manual 'present'/'absent'
    reason_code TEXT, reason TEXT, detail TEXT,
    user TEXT NOT NULL, at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_case ON audit(case_id, seq);
"""


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "cases.sqlite3"


def case_id_for(sources: Sequence[str]) -> str:
    """A case is identified by the set of absolute paths it was opened from."""
    return hashlib.sha256("\n".join(sorted(sources)).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class CaseRecord:
    id: str
    name: str
    sources: tuple[str, ...]
    created_at: str
    opened_at: str
    cursor: dict


class CaseStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    # ----- cases
    def open_case(self, sources: Sequence[str], name: str) -> CaseRecord:
        cid = case_id_for(sources)
        at = now_iso()
        with self._tx():
            self.db.execute(
                "INSERT INTO cases (id, name, sources, created_at, opened_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET opened_at = excluded.opened_at",
                (cid, name, json.dumps(sorted(sources)), at, at))
        case = self.case(cid)
        assert case is not None
        return case

    def case(self, case_id: str) -> CaseRecord | None:
        row = self.db.execute("SELECT id, name, sources, created_at, opened_at, cursor FROM cases WHERE id = ?",
                              (case_id,)).fetchone()
        if row is None:
            return None
        return CaseRecord(row[0], row[1], tuple(json.loads(row[2])), row[3], row[4], json.loads(row[5]))

    def cases(self) -> list[CaseRecord]:
        ids = [r[0] for r in self.db.execute("SELECT id FROM cases ORDER BY opened_at DESC")]
        return [c for c in (self.case(i) for i in ids) if c is not None]

    def save_cursor(self, case_id: str, cursor: dict) -> None:
        with self._tx():
            self.db.execute("UPDATE cases SET cursor = ? WHERE id = ?", (json.dumps(cursor, sort_keys=True), case_id))

    # ----- state
    def decisions(self, case_id: str) -> list[DecisionRecord]:
        rows = self.db.execute(
            'SELECT document, page, start, "end", category, text_sha256, decision, reason_code, reason, user, '
            "decided_at FROM decisions WHERE case_id = ?", (case_id,))
        return [DecisionRecord(FindingKey(r[0], r[1], r[2], r[3], r[4], r[5]), Decision(r[6]), r[7], r[8], r[9],
                               r[10]) for r in rows]

    def manual(self, case_id: str) -> list[ManualEntry]:
        rows = self.db.execute(
            "SELECT id, document, page, x0, y0, x1, y1, kind, reason_code, user, created_at "
            "FROM manual_redactions WHERE case_id = ? ORDER BY created_at, id", (case_id,))
        return [ManualEntry(r[0], r[1], r[2], (r[3], r[4], r[5], r[6]), ManualKind(r[7]), r[8], r[9], r[10])
                for r in rows]

    def allow_list(self, case_id: str) -> list[AllowEntry]:
        rows = self.db.execute("SELECT text_sha256, user, added_at FROM allow_list WHERE case_id = ?", (case_id,))
        return [AllowEntry(r[0], r[1], r[2]) for r in rows]

    def audit(self, case_id: str) -> list[dict]:
        cur = self.db.execute("SELECT * FROM audit WHERE case_id = ? ORDER BY seq", (case_id,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    # ----- writing
    def apply(self, case_id: str, action: Action, user: str) -> None:
        """Make an action durable (one transaction, committed on return)."""
        action_id = uuid.uuid4().hex
        at = now_iso()
        with self._tx():
            for ch in action.changes:
                item = ch.after if ch.after is not None else ch.before
                if isinstance(item, DecisionRecord):
                    self._decision(case_id, ch.before, ch.after)  # type: ignore[arg-type]
                    k = item.key
                    before = ch.before.decision.value if isinstance(ch.before, DecisionRecord) else "pending"
                    after = ch.after.decision.value if isinstance(ch.after, DecisionRecord) else "pending"
                    rec = ch.after if isinstance(ch.after, DecisionRecord) else None
                    self._audit(case_id, action_id, action.label, "decision", k.document, k.page, k.start, k.end,
                                k.category, k.text_sha256, before, after, rec.reason_code if rec else "",
                                rec.reason if rec else "", "", user, at)
                elif isinstance(item, ManualEntry):
                    if ch.after is None:
                        self.db.execute("DELETE FROM manual_redactions WHERE id = ?", (item.id,))
                    else:
                        m = item
                        self.db.execute(
                            "INSERT OR REPLACE INTO manual_redactions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (m.id, case_id, m.document, m.page, *m.box, m.kind.value, m.reason_code, m.user,
                             m.created_at))
                    self._audit(case_id, action_id, action.label, "manual", item.document, item.page, None, None,
                                f"MANUAL-{item.kind.value.upper()}", None,
                                "absent" if ch.before is None else "present",
                                "absent" if ch.after is None else "present", item.reason_code, "",
                                json.dumps({"id": item.id, "box": item.box}), user, at)
                elif isinstance(item, AllowEntry):
                    if ch.after is None:
                        self.db.execute("DELETE FROM allow_list WHERE case_id = ? AND text_sha256 = ?",
                                        (case_id, item.text_sha256))
                    else:
                        self.db.execute("INSERT OR REPLACE INTO allow_list VALUES (?, ?, ?, ?)",
                                        (case_id, item.text_sha256, item.user, item.added_at))
                    self._audit(case_id, action_id, action.label, "allow", None, None, None, None, None,
                                item.text_sha256, "absent" if ch.before is None else "present",
                                "absent" if ch.after is None else "present", "", "", "", user, at)

    def record_export(self, case_id: str, user: str, out_dir: str, ok: bool, detail: str) -> None:
        with self._tx():
            self._audit(case_id, uuid.uuid4().hex, "export", "export", None, None, None, None, None, None, None,
                        "verified" if ok else "failed", "", "", json.dumps({"out_dir": out_dir, "detail": detail}),
                        user, now_iso())

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
            (case_id, k.document, k.page, k.start, k.end, k.category, k.text_sha256, after.decision.value,
             after.reason_code, after.reason, after.user, after.decided_at))

    def _audit(self, case_id: str, action_id: str, action: str, kind: str, document: str | None,
               page: int | None, start: int | None, end: int | None, category: str | None,
               sha: str | None, before: str | None, after: str | None, reason_code: str, reason: str,
               detail: str, user: str, at: str) -> None:
        self.db.execute(
            "INSERT INTO audit (case_id, action_id, action, kind, document, page, start, \"end\", category, "
            "text_sha256, before, after, reason_code, reason, detail, user, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, action_id, action, kind, document, page, start, end, category, sha, before, after,
             reason_code, reason, detail, user, at))

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def all_rows(store: CaseStore) -> Iterable[tuple]:
    """Every value of every table (for tests that check no sensitive text is stored)."""
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        yield from store.db.execute(f"SELECT * FROM {table}").fetchall()

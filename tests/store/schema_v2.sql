-- The case store schema of version 2 (workstation/store/case_store.py before the text digests were keyed),
-- for the migration test.
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
    category TEXT NOT NULL, text_sha256 TEXT NOT NULL, score REAL NOT NULL, recognizer TEXT NOT NULL,
    allow_sha256 TEXT NOT NULL,       -- review.allow_hash of the text (matches the allow-list)
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
CREATE TRIGGER IF NOT EXISTS audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

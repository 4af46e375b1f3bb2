"""The PostgreSQL store's tables and its forward migrations (``pg_admin.init_server`` runs them in order).

Everything lives in the schema ``ws``, owned by the role that ran ``server init`` (the owner). Members (one
PostgreSQL login role per person, in the group role ``ws_member``) get USAGE on the schema and EXECUTE on the
functions of ``pg_functions`` - no privilege on any table: the only way to read or change a case is a function that
checks who is calling (``session_user``) and what the case's state allows.

Each migration is a list of statements run in one transaction; ``ws.meta.schema_version`` records the last one run,
so running ``server init`` again only runs the new ones. Migrations only go forward.
"""

from __future__ import annotations

GROUP_ROLE = "ws_member"
SYSTEM_TRAIL = "system"  # the trail of member administration (as the SQLite store's system trail)

_V1 = [
    "CREATE SCHEMA IF NOT EXISTS ws",
    "CREATE TABLE IF NOT EXISTS ws.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE ws.members (
        login text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('clerk', 'counsel', 'supervisor', 'administrator')),
        disabled boolean NOT NULL DEFAULT false,
        added_by text NOT NULL, added_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE ws.cases (
        id text PRIMARY KEY, name text NOT NULL, sources text NOT NULL, created_at text NOT NULL,
        opened_at text NOT NULL, cursor text NOT NULL DEFAULT '{}')""",
    """CREATE TABLE ws.decisions (
        case_id text NOT NULL REFERENCES ws.cases(id),
        document text NOT NULL, page integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
        category text NOT NULL, text_digest text NOT NULL, decision text NOT NULL, reason_code text NOT NULL,
        reason text NOT NULL, actor text NOT NULL, decided_at text NOT NULL,
        PRIMARY KEY (case_id, document, page, start, "end", category))""",
    """CREATE TABLE ws.manual_redactions (
        id text PRIMARY KEY, case_id text NOT NULL REFERENCES ws.cases(id), document text NOT NULL,
        page integer NOT NULL, x0 double precision NOT NULL, y0 double precision NOT NULL,
        x1 double precision NOT NULL, y1 double precision NOT NULL,
        kind text NOT NULL, reason_code text NOT NULL, actor text NOT NULL, created_at text NOT NULL)""",
    "CREATE INDEX manual_by_case ON ws.manual_redactions (case_id)",
    """CREATE TABLE ws.allow_list (
        case_id text NOT NULL REFERENCES ws.cases(id), text_digest text NOT NULL, actor text NOT NULL,
        added_at text NOT NULL, PRIMARY KEY (case_id, text_digest))""",
    "CREATE TABLE ws.case_secrets (case_id text PRIMARY KEY REFERENCES ws.cases(id), secret bytea NOT NULL)",
    """CREATE TABLE ws.case_states (
        case_id text PRIMARY KEY REFERENCES ws.cases(id), data jsonb NOT NULL, updated_at timestamptz NOT NULL)""",
    """CREATE TABLE ws.scanned_documents (
        case_id text NOT NULL REFERENCES ws.cases(id), document text NOT NULL, sha256 text NOT NULL,
        pages integer NOT NULL, position integer NOT NULL, PRIMARY KEY (case_id, document))""",
    """CREATE TABLE ws.findings (
        case_id text NOT NULL REFERENCES ws.cases(id),
        document text NOT NULL, page integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
        category text NOT NULL, text_digest text NOT NULL, score double precision NOT NULL, recognizer text NOT NULL,
        allow_digest text NOT NULL, PRIMARY KEY (case_id, document, page, start, "end", category))""",
    """CREATE TABLE ws.document_labels (
        case_id text NOT NULL REFERENCES ws.cases(id), document text NOT NULL, label text NOT NULL,
        PRIMARY KEY (case_id, document))""",
    """CREATE TABLE ws.overrides (
        case_id text NOT NULL REFERENCES ws.cases(id), item text NOT NULL, data text NOT NULL,
        PRIMARY KEY (case_id, item))""",
    """CREATE TABLE ws.signoffs (
        id bigserial PRIMARY KEY, case_id text NOT NULL REFERENCES ws.cases(id), actor text NOT NULL,
        at text NOT NULL, digest text NOT NULL, note text NOT NULL)""",
    """CREATE TABLE ws.spot_checks (
        id text PRIMARY KEY, case_id text NOT NULL REFERENCES ws.cases(id), rate double precision NOT NULL,
        seed text NOT NULL, items text NOT NULL, actor text NOT NULL, created_at timestamptz NOT NULL,
        closed boolean NOT NULL DEFAULT false)""",
    """CREATE TABLE ws.spot_check_verdicts (
        spot_check text NOT NULL REFERENCES ws.spot_checks(id), item text NOT NULL, passed boolean NOT NULL,
        comment text NOT NULL, actor text NOT NULL, at text NOT NULL, PRIMARY KEY (spot_check, item))""",
    # the hash-chained trail: one chain per case (and the system trail), each record's canonical JSON as appended
    """CREATE TABLE ws.audit_chain (
        case_id text NOT NULL, seq integer NOT NULL, record text NOT NULL, PRIMARY KEY (case_id, seq))""",
    "CREATE TABLE ws.audit_heads (case_id text PRIMARY KEY, seq integer NOT NULL, head text NOT NULL)",
    # even the owner's functions cannot rewrite the trail: only a superuser dropping the trigger can
    """CREATE FUNCTION ws.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'WS001'; END $$""",
    """CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ws.audit_chain
        FOR EACH STATEMENT EXECUTE FUNCTION ws.audit_append_only()""",
]

# the recipients' hard rules, loaded from the policy files by every ``server init`` (``pg_policy``)
_V2 = [
    """CREATE TABLE ws.policies (
        recipient text PRIMARY KEY, locked text[] NOT NULL, protected text[] NOT NULL,
        signoff_required boolean NOT NULL, sha256 text NOT NULL)""",
]

# each manual box records the text layout version it was drawn on (``ManualEntry.layout``; 0: drawn before this
# version, on a text-like document counted as the old layout and not used until placed again - ``service.layouts``)
_V3 = [
    "ALTER TABLE ws.manual_redactions ADD COLUMN layout integer NOT NULL DEFAULT 0",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]  # index + 1 = the schema version it brings the database to
SCHEMA_VERSION = len(MIGRATIONS)

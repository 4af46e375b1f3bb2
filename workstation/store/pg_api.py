r"""The functions members call (``GRANT EXECUTE ... TO ws_member``), one per store method; see ``pg_functions``.

Row-level "who" fields (a decision's, a manual box's, an allow-list entry's user) are stored as ``session_user``:
the client's own value is not trusted. A sign-off's and an override's actor are part of what counsel signed, so they
are not rewritten but must equal ``session_user`` (refused otherwise).
"""

from __future__ import annotations

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ws, pg_temp"

# (name, argument types): what ws_member may execute; everything else in the schema is the owner's alone
API = [
    ("open_case", "text, text, text, text"), ("case_get", "text"), ("case_find", "text"), ("case_list", ""),
    ("case_secret", "text"), ("save_cursor", "text, text"), ("case_state_get", "text"),
    ("save_state", "text, jsonb, json"), ("signoffs_get", "text"), ("overrides_get", "text"),
    ("save_override", "text, json, jsonb, json"), ("save_scan", "text, json, json, json, json"),
    ("scanned_get", "text"), ("findings_get", "text"), ("save_labels", "text, json"), ("labels_get", "text"),
    ("save_spot_check", "text, text, double precision, text, json, json"), ("spot_open", "text"),
    ("spot_list", "text"), ("verdicts_get", "text"),
    ("record_verdict", "text, text, text, boolean, text, json, json"), ("decisions_get", "text"),
    ("manual_get", "text"), ("allow_get", "text"), ("audit_get", "text"), ("audit_head_get", "text"),
    ("append_event", "text, text, json"), ("apply", "text, text, boolean, json, jsonb, json"),
    ("record_export", "text, text, boolean, text, json, text, jsonb, json"),
    ("member_add", "text, text, text"), ("member_set_role", "text, text"), ("member_disable", "text"),
    ("member_password", "text, text"), ("members_list", ""), ("whoami", ""),
]

READS = f"""
CREATE OR REPLACE FUNCTION ws.whoami() RETURNS TABLE (login text, role text) {_DEFINER} AS $$
BEGIN RETURN QUERY SELECT session_user::text, ws._member_role(); END $$;

CREATE OR REPLACE FUNCTION ws.case_get(p_id text) RETURNS TABLE (id text, name text, sources text, created_at text,
  opened_at text, cursor text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT c.id, c.name, c.sources, c.created_at, c.opened_at, c.cursor FROM ws.cases c WHERE c.id = p_id;
END $$;

CREATE OR REPLACE FUNCTION ws.case_find(p text) RETURNS SETOF text {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT c.id FROM ws.cases c WHERE c.name = p ORDER BY c.created_at;
  IF NOT FOUND AND length(p) >= 8 THEN
    RETURN QUERY SELECT c.id FROM ws.cases c WHERE left(c.id, length(p)) = lower(p);  -- as SQLite's LIKE
  END IF;
END $$;

CREATE OR REPLACE FUNCTION ws.case_list() RETURNS TABLE (id text, name text, sources text, created_at text,
  opened_at text, cursor text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT c.id, c.name, c.sources, c.created_at, c.opened_at, c.cursor FROM ws.cases c
    ORDER BY c.opened_at DESC;
END $$;

CREATE OR REPLACE FUNCTION ws.case_secret(p_case text) RETURNS bytea {_DEFINER} AS $$
DECLARE s bytea;
BEGIN
  PERFORM ws._require('read');
  SELECT secret INTO s FROM ws.case_secrets WHERE case_id = p_case;
  IF s IS NULL THEN RAISE EXCEPTION 'no case %', p_case USING ERRCODE = 'WS005'; END IF;
  RETURN s;
END $$;

CREATE OR REPLACE FUNCTION ws.case_state_get(p_case text) RETURNS jsonb {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN (SELECT data FROM ws.case_states WHERE case_id = p_case);
END $$;

CREATE OR REPLACE FUNCTION ws.signoffs_get(p_case text) RETURNS TABLE (actor text, at text, digest text, note text)
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT s.actor, s.at, s.digest, s.note FROM ws.signoffs s WHERE s.case_id = p_case ORDER BY s.id;
END $$;

CREATE OR REPLACE FUNCTION ws.overrides_get(p_case text) RETURNS TABLE (item text, data text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT o.item, o.data FROM ws.overrides o WHERE o.case_id = p_case;
END $$;

CREATE OR REPLACE FUNCTION ws.scanned_get(p_case text) RETURNS TABLE (document text, sha256 text, pages integer)
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT d.document, d.sha256, d.pages FROM ws.scanned_documents d WHERE d.case_id = p_case
    ORDER BY d.position;
END $$;

CREATE OR REPLACE FUNCTION ws.findings_get(p_case text) RETURNS TABLE (document text, page integer, start integer,
  "end" integer, category text, text_digest text, score double precision, recognizer text, allow_digest text)
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT f.document, f.page, f.start, f."end", f.category, f.text_digest, f.score, f.recognizer,
      f.allow_digest
    FROM ws.findings f LEFT JOIN ws.scanned_documents d ON d.case_id = f.case_id AND d.document = f.document
    WHERE f.case_id = p_case ORDER BY d.position, f.page, f.start, f."end", f.category COLLATE "C";
END $$;

CREATE OR REPLACE FUNCTION ws.labels_get(p_case text) RETURNS TABLE (document text, label text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT l.document, l.label FROM ws.document_labels l WHERE l.case_id = p_case;
END $$;

CREATE OR REPLACE FUNCTION ws.spot_open(p_case text) RETURNS TABLE (id text, rate double precision, seed text,
  items text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT s.id, s.rate, s.seed, s.items FROM ws.spot_checks s WHERE s.case_id = p_case AND NOT s.closed
    ORDER BY s.created_at DESC LIMIT 1;
END $$;

CREATE OR REPLACE FUNCTION ws.spot_list(p_case text) RETURNS TABLE (id text, rate double precision, seed text,
  items text, actor text, created_at text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT s.id, s.rate, s.seed, s.items, s.actor,
      to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"')
    FROM ws.spot_checks s WHERE s.case_id = p_case ORDER BY s.created_at;
END $$;

CREATE OR REPLACE FUNCTION ws.verdicts_get(p_sc text) RETURNS TABLE (item text, passed boolean, comment text,
  actor text, at text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT v.item, v.passed, v.comment, v.actor, v.at FROM ws.spot_check_verdicts v
    WHERE v.spot_check = p_sc;
END $$;

CREATE OR REPLACE FUNCTION ws.decisions_get(p_case text) RETURNS TABLE (document text, page integer, start integer,
  "end" integer, category text, text_digest text, decision text, reason_code text, reason text, actor text,
  decided_at text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT d.document, d.page, d.start, d."end", d.category, d.text_digest, d.decision, d.reason_code,
    d.reason, d.actor, d.decided_at FROM ws.decisions d WHERE d.case_id = p_case;
END $$;

CREATE OR REPLACE FUNCTION ws.manual_get(p_case text) RETURNS TABLE (id text, document text, page integer,
  x0 double precision, y0 double precision, x1 double precision, y1 double precision, kind text, reason_code text,
  actor text, created_at text, layout integer) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT m.id, m.document, m.page, m.x0, m.y0, m.x1, m.y1, m.kind, m.reason_code, m.actor, m.created_at,
    m.layout FROM ws.manual_redactions m WHERE m.case_id = p_case ORDER BY m.created_at, m.id COLLATE "C";
END $$;

CREATE OR REPLACE FUNCTION ws.allow_get(p_case text) RETURNS TABLE (text_digest text, actor text, added_at text)
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  RETURN QUERY SELECT a.text_digest, a.actor, a.added_at FROM ws.allow_list a WHERE a.case_id = p_case;
END $$;

CREATE OR REPLACE FUNCTION ws.audit_get(p_case text) RETURNS SETOF text {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('trail');
  RETURN QUERY SELECT a.record FROM ws.audit_chain a WHERE a.case_id = p_case ORDER BY a.seq;
END $$;

CREATE OR REPLACE FUNCTION ws.audit_head_get(p_case text) RETURNS TABLE (seq integer, head text) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('trail');
  RETURN QUERY SELECT h.seq, h.head FROM ws.audit_heads h WHERE h.case_id = p_case AND h.seq > 0;
END $$;
"""

WRITES = f"""
CREATE OR REPLACE FUNCTION ws.open_case(p_id text, p_name text, p_sources text, p_at text) RETURNS void
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('open-case');
  INSERT INTO ws.cases (id, name, sources, created_at, opened_at) VALUES (p_id, p_name, p_sources, p_at, p_at)
    ON CONFLICT (id) DO UPDATE SET opened_at = excluded.opened_at;
  INSERT INTO ws.case_secrets
    VALUES (p_id, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
    ON CONFLICT (case_id) DO NOTHING;
END $$;

CREATE OR REPLACE FUNCTION ws.save_cursor(p_case text, p_cursor text) RETURNS void {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('read');
  UPDATE ws.cases SET cursor = p_cursor WHERE id = p_case;
END $$;

CREATE OR REPLACE FUNCTION ws.save_state(p_case text, p_state jsonb, p_events json) RETURNS SETOF text
{_DEFINER} AS $$
DECLARE r text := ws._require('decide'); o jsonb;
BEGIN
  PERFORM ws._lock_case(p_case);
  SELECT data INTO o FROM ws.case_states WHERE case_id = p_case;
  PERFORM ws._check_transition(p_case, o, p_state, r);
  PERFORM ws._put_state(p_case, o, p_state);
  RETURN QUERY SELECT ws._state_events(p_case, o, p_state, r, p_events);
END $$;

CREATE OR REPLACE FUNCTION ws.save_override(p_case text, p_override json, p_state jsonb, p_details json)
RETURNS text {_DEFINER} AS $$
DECLARE r text := ws._require('override'); o jsonb;
BEGIN
  IF p_override->>'actor' IS DISTINCT FROM session_user::text OR (p_override->>'role' IS DISTINCT FROM r AND r <> 'owner')
  THEN
    RAISE EXCEPTION 'an override is given under your own login and role (% as %), not as % (%)', session_user, r,
      p_override->>'actor', p_override->>'role' USING ERRCODE = 'WS001';
  END IF;
  PERFORM ws._lock_case(p_case);
  SELECT data INTO o FROM ws.case_states WHERE case_id = p_case;
  PERFORM ws._check_transition(p_case, o, p_state, r);
  IF p_state->>'state' IN ('signed-off', 'exported') THEN
    RAISE EXCEPTION 'an override on a signed-off case voids its sign-off: the case goes back to review'
      USING ERRCODE = 'WS002';
  END IF;
  PERFORM ws._put_state(p_case, o, p_state);
  INSERT INTO ws.overrides VALUES (p_case, p_override->>'item', p_override::text)
    ON CONFLICT (case_id, item) DO UPDATE SET data = excluded.data;
  PERFORM ws._check_keys(p_details);
  RETURN ws._append(p_case, 'override', p_details);
END $$;

CREATE OR REPLACE FUNCTION ws.save_scan(p_case text, p_documents json, p_findings json, p_details json,
  p_labels json) RETURNS text {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('open-case');
  PERFORM ws._lock_case(p_case);
  PERFORM ws.save_labels(p_case, p_labels);
  DELETE FROM ws.scanned_documents WHERE case_id = p_case;
  DELETE FROM ws.findings WHERE case_id = p_case;
  INSERT INTO ws.scanned_documents
    SELECT p_case, e->>0, e->>1, (e->>2)::integer, (n - 1)::integer
    FROM json_array_elements(p_documents) WITH ORDINALITY AS a(e, n);
  INSERT INTO ws.findings
    SELECT p_case, e->>0, (e->>1)::integer, (e->>2)::integer, (e->>3)::integer, e->>4, e->>5,
           (e->>6)::double precision, e->>7, e->>8
    FROM json_array_elements(p_findings) AS a(e) ON CONFLICT DO NOTHING;
  PERFORM ws._check_keys(p_details);
  RETURN ws._append(p_case, 'scan-run', p_details);
END $$;

CREATE OR REPLACE FUNCTION ws.save_labels(p_case text, p_labels json) RETURNS void {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('open-case');
  INSERT INTO ws.document_labels SELECT p_case, key, value FROM json_each_text(p_labels)
    ON CONFLICT (case_id, document) DO UPDATE SET label = excluded.label;
END $$;

CREATE OR REPLACE FUNCTION ws.save_spot_check(p_case text, p_id text, p_rate double precision, p_seed text,
  p_items json, p_details json) RETURNS void {_DEFINER} AS $$
DECLARE d jsonb;
BEGIN
  PERFORM ws._require('spot-check');
  PERFORM ws._lock_case(p_case);
  UPDATE ws.spot_checks SET closed = true WHERE case_id = p_case;
  INSERT INTO ws.spot_checks VALUES (p_id, p_case, p_rate, p_seed, p_items::text, session_user, clock_timestamp());
  PERFORM ws._check_keys(p_details);
  d := p_details::jsonb - 'spot_check';
  PERFORM ws._append(p_case, 'spot-check-sampled',
    (left(p_details::text, -1) || CASE WHEN d = '{{}}'::jsonb THEN '' ELSE ',' END
     || '"spot_check":' || to_json(p_id)::text || '}}')::json);
END $$;

CREATE OR REPLACE FUNCTION ws.record_verdict(p_case text, p_sc text, p_item text, p_passed boolean,
  p_comment text, p_details json, p_summary json) RETURNS SETOF text {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('spot-check');
  PERFORM ws._lock_case(p_case);
  PERFORM 1 FROM ws.spot_checks WHERE id = p_sc AND case_id = p_case AND NOT closed
    AND p_item IN (SELECT json_array_elements_text(items::json));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'item % is not in the open spot-check % of case %', p_item, p_sc, p_case USING ERRCODE = 'WS002';
  END IF;
  INSERT INTO ws.spot_check_verdicts VALUES (p_sc, p_item, p_passed, p_comment, session_user,
      to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"'))
    ON CONFLICT (spot_check, item) DO UPDATE SET passed = excluded.passed, comment = excluded.comment,
      actor = excluded.actor, at = excluded.at;
  PERFORM ws._check_keys(p_details);
  RETURN NEXT ws._append(p_case, 'spot-check-verdict', p_details);
  IF p_summary IS NOT NULL AND json_typeof(p_summary) = 'object' THEN
    PERFORM ws._check_keys(p_summary);
    RETURN NEXT ws._append(p_case, 'spot-check', p_summary);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION ws.append_event(p_case text, p_event text, p_details json) RETURNS text
{_DEFINER} AS $$
BEGIN
  PERFORM ws._require('trail');
  IF ws._protected_event(p_event) THEN
    RAISE EXCEPTION 'a % event is written by the change it records, not on its own', p_event
      USING ERRCODE = 'WS001';
  END IF;
  IF p_case = 'training' AND p_event <> 'training-result' THEN  -- the store's practice-results trail
    RAISE EXCEPTION 'the training trail holds practice results only' USING ERRCODE = 'WS001';
  END IF;
  IF p_case NOT IN ('system', 'training') THEN PERFORM ws._lock_case(p_case); END IF;
  PERFORM ws._check_keys(p_details);
  RETURN ws._append(p_case, p_event, p_details);
END $$;

CREATE OR REPLACE FUNCTION ws.record_export(p_case text, p_out_dir text, p_ok boolean, p_detail text,
  p_outputs json, p_recipient text, p_state jsonb, p_extra json) RETURNS text {_DEFINER} AS $$
DECLARE r text := ws._require('export'); o jsonb; head text; d text;
BEGIN
  PERFORM ws._lock_case(p_case);
  IF p_ok THEN PERFORM ws._check_export(p_case, p_state); END IF;  -- the recipient's hard rules (pg_policy)
  SELECT h.head INTO head FROM ws.audit_heads h WHERE h.case_id = p_case;
  IF p_state IS NOT NULL THEN
    SELECT data INTO o FROM ws.case_states WHERE case_id = p_case;
    PERFORM ws._check_transition(p_case, o, p_state, r);
    PERFORM ws._put_state(p_case, o, p_state);
  END IF;
  d := json_build_object('case_id', p_case, 'outputs', p_outputs, 'verified', p_ok, 'verification', p_detail,
                         'recipient', p_recipient, 'audit_head', coalesce(head, repeat('0', 64)),
                         'out_dir', p_out_dir)::text;
  IF p_extra IS NOT NULL AND p_extra::jsonb <> '{{}}'::jsonb THEN
    PERFORM ws._check_keys(p_extra);
    d := left(d, -1) || ',' || substr(btrim(p_extra::text), 2);
  END IF;
  PERFORM ws._check_keys(p_outputs);
  RETURN ws._append(p_case, 'export', d::json);
END $$;
"""

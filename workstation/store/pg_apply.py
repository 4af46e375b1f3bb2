r"""The PostgreSQL store's two sensitive doors: ``ws.apply`` (decisions, manual boxes, allow-list) and member
administration.

``ws.apply`` takes an action's changes as JSON (``{"kind", "before", "after"}``), refuses the whole action when a
stored row is no longer what the client read (``before``: a lost update, SQLSTATE WS003, with who changed it and
when), writes each change, and builds each change's audit details itself - from the stored document labels and
the change - instead of trusting a client's description of what it did.

Members are PostgreSQL login roles in the group ``ws_member``; ``member_add`` receives a SCRAM-SHA-256 verifier
computed by the client (``pg_admin.scram_verifier``), so the password never reaches the server. Every member change
is a record of the system trail.
"""

from __future__ import annotations

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ws, pg_temp"

APPLY = f"""
CREATE OR REPLACE FUNCTION ws._doc_ref(p_case text, p_doc text) RETURNS TABLE (label text, sha text)
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT l.label FROM ws.document_labels l WHERE l.case_id = p_case AND l.document = p_doc),
                  'document'), encode(sha256(convert_to(p_doc, 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION ws._stale(what text, who text, at text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF who IS NULL THEN
    RAISE EXCEPTION '% was changed since you read it (it is now %); reload', what, at USING ERRCODE = 'WS003';
  END IF;
  RAISE EXCEPTION '% was changed by % at % since you read it; reload', what, who, at USING ERRCODE = 'WS003';
END $$;

CREATE OR REPLACE FUNCTION ws._apply_decision(p_case text, b jsonb, a jsonb, p_common text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE k jsonb := coalesce(a, b); d record; ref record;
BEGIN
  IF k->>'text_digest' !~ '^[0-9a-f]{{64}}$' THEN
    RAISE EXCEPTION 'text_digest must be a 64-hex-digit digest' USING ERRCODE = 'WS004';
  END IF;
  SELECT * INTO d FROM ws.decisions x WHERE x.case_id = p_case AND x.document = k->>'document'
    AND x.page = (k->>'page')::integer AND x.start = (k->>'start')::integer AND x."end" = (k->>'end')::integer
    AND x.category = k->>'category';
  IF b IS NULL AND FOUND THEN
    PERFORM ws._stale('this finding', d.actor, d.decided_at);
  ELSIF b IS NOT NULL AND NOT FOUND THEN
    PERFORM ws._stale('this finding', NULL, 'pending');
  ELSIF b IS NOT NULL AND (d.text_digest, d.decision, d.reason_code, d.reason, d.decided_at)
        IS DISTINCT FROM (b->>'text_digest', b->>'decision', b->>'reason_code', b->>'reason', b->>'decided_at') THEN
    PERFORM ws._stale('this finding', d.actor, d.decided_at);
  END IF;
  IF a IS NULL THEN
    DELETE FROM ws.decisions x WHERE x.case_id = p_case AND x.document = k->>'document'
      AND x.page = (k->>'page')::integer AND x.start = (k->>'start')::integer AND x."end" = (k->>'end')::integer
      AND x.category = k->>'category';
  ELSE
    INSERT INTO ws.decisions VALUES (p_case, a->>'document', (a->>'page')::integer, (a->>'start')::integer,
        (a->>'end')::integer, a->>'category', a->>'text_digest', a->>'decision', a->>'reason_code', a->>'reason',
        session_user, a->>'decided_at')
      ON CONFLICT (case_id, document, page, start, "end", category) DO UPDATE SET
        text_digest = excluded.text_digest, decision = excluded.decision, reason_code = excluded.reason_code,
        reason = excluded.reason, actor = excluded.actor, decided_at = excluded.decided_at;
  END IF;
  SELECT * INTO ref FROM ws._doc_ref(p_case, k->>'document');
  -- audit.decision_details (+ action, action_id), written canonically: keys in code-point order
  RETURN p_common || ',"before":' || ws.cj_str(coalesce(b->>'decision', 'pending'))
    || ',"case_id":' || ws.cj_str(p_case) || ',"category":' || ws.cj_str(k->>'category')
    || ',"decision":' || ws.cj_str(coalesce(a->>'decision', 'pending')) || ',"document":' || ws.cj_str(ref.label)
    || ',"document_sha256":"' || ref.sha || '","end":' || (k->>'end')::integer || ',"page":' || (k->>'page')::integer
    || ',"reason":' || ws.cj_str(coalesce(a->>'reason', '')) || ',"reason_code":'
    || ws.cj_str(coalesce(a->>'reason_code', '')) || ',"start":' || (k->>'start')::integer
    || ',"text_digest":"' || (k->>'text_digest') || '"}}';
END $$;

CREATE OR REPLACE FUNCTION ws._apply_manual(p_case text, b json, a json, p_common text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE k json := coalesce(a, b); m record; ref record;
BEGIN
  SELECT * INTO m FROM ws.manual_redactions x WHERE x.id = k->>'id';
  IF FOUND AND m.case_id <> p_case THEN
    RAISE EXCEPTION 'manual redaction % belongs to another case', k->>'id' USING ERRCODE = 'WS005';
  END IF;
  IF b IS NULL AND FOUND THEN
    PERFORM ws._stale('this manual redaction', m.actor, m.created_at);
  ELSIF b IS NOT NULL AND NOT FOUND THEN
    PERFORM ws._stale('this manual redaction', NULL, 'removed');
  ELSIF b IS NOT NULL AND (m.document, m.page, m.x0, m.y0, m.x1, m.y1, m.kind, m.reason_code, m.created_at)
        IS DISTINCT FROM (b->>'document', (b->>'page')::integer, (b->'box'->>0)::float8, (b->'box'->>1)::float8,
                          (b->'box'->>2)::float8, (b->'box'->>3)::float8, b->>'kind', b->>'reason_code',
                          b->>'created_at') THEN
    PERFORM ws._stale('this manual redaction', m.actor, m.created_at);
  END IF;
  IF a IS NULL THEN
    DELETE FROM ws.manual_redactions WHERE id = k->>'id';
  ELSE
    INSERT INTO ws.manual_redactions (id, case_id, document, page, x0, y0, x1, y1, kind, reason_code, actor,
        created_at, layout) VALUES (a->>'id', p_case, a->>'document', (a->>'page')::integer,
        (a->'box'->>0)::float8, (a->'box'->>1)::float8, (a->'box'->>2)::float8, (a->'box'->>3)::float8,
        a->>'kind', a->>'reason_code', session_user, a->>'created_at', coalesce((a->>'layout')::integer, 0))
      ON CONFLICT (id) DO UPDATE SET document = excluded.document, page = excluded.page, x0 = excluded.x0,
        y0 = excluded.y0, x1 = excluded.x1, y1 = excluded.y1, kind = excluded.kind,
        reason_code = excluded.reason_code, actor = excluded.actor, created_at = excluded.created_at,
        layout = excluded.layout;
  END IF;
  SELECT * INTO ref FROM ws._doc_ref(p_case, k->>'document');
  RETURN p_common || ',"after":"' || CASE WHEN a IS NULL THEN 'absent' ELSE 'present' END
    || '","before":"' || CASE WHEN b IS NULL THEN 'absent' ELSE 'present' END || '","box":' || ws.cj(k->'box')
    || ',"case_id":' || ws.cj_str(p_case) || ',"category":' || ws.cj_str('MANUAL-' || upper(k->>'kind'))
    || ',"document":' || ws.cj_str(ref.label) || ',"document_sha256":"' || ref.sha || '","id":'
    || ws.cj_str(k->>'id') || ',"kind":' || ws.cj_str(k->>'kind') || ',"page":' || (k->>'page')::integer
    || ',"reason_code":' || ws.cj_str(k->>'reason_code') || '}}';
END $$;

CREATE OR REPLACE FUNCTION ws._apply_allow(p_case text, b json, a json, p_common text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE k json := coalesce(a, b); x record;
BEGIN
  SELECT * INTO x FROM ws.allow_list l WHERE l.case_id = p_case AND l.text_digest = k->>'text_digest';
  IF b IS NULL AND FOUND THEN
    PERFORM ws._stale('this allow-list entry', x.actor, x.added_at);
  ELSIF b IS NOT NULL AND NOT FOUND THEN
    PERFORM ws._stale('this allow-list entry', NULL, 'removed');
  END IF;
  IF a IS NULL THEN
    DELETE FROM ws.allow_list l WHERE l.case_id = p_case AND l.text_digest = k->>'text_digest';
  ELSE
    INSERT INTO ws.allow_list VALUES (p_case, a->>'text_digest', session_user, a->>'added_at')
      ON CONFLICT (case_id, text_digest) DO UPDATE SET actor = excluded.actor, added_at = excluded.added_at;
  END IF;
  RETURN p_common || ',"after":"' || CASE WHEN a IS NULL THEN 'absent' ELSE 'present' END
    || '","before":"' || CASE WHEN b IS NULL THEN 'absent' ELSE 'present' END || '","case_id":'
    || ws.cj_str(p_case) || ',"text_digest":' || ws.cj_str(k->>'text_digest') || '}}';
END $$;

CREATE OR REPLACE FUNCTION ws.apply(p_case text, p_label text, p_undo boolean, p_changes json, p_state jsonb,
  p_events json) RETURNS SETOF text {_DEFINER} AS $$
DECLARE r text := ws._require('decide'); o jsonb; st jsonb; ch json; b json; a json; details text; ev text;
        h record; c record; v_seq integer; v_head text;
        common text := '{{"action":' || ws.cj_str(p_label) || ',"action_id":"'
                       || replace(gen_random_uuid()::text, '-', '') || '"';
        osf jsonb; e json;
BEGIN
  PERFORM ws._lock_case(p_case);
  SELECT data INTO o FROM ws.case_states WHERE case_id = p_case;
  st := o;
  IF p_state IS NOT NULL THEN
    PERFORM ws._check_transition(p_case, o, p_state, r);
    PERFORM ws._put_state(p_case, o, p_state);
    st := p_state;
  END IF;
  IF json_array_length(p_changes) > 0 AND st->>'state' IN ('signed-off', 'exported') THEN
    RAISE EXCEPTION 'case % is %: a change voids its sign-off and takes it back to review', p_case, st->>'state'
      USING ERRCODE = 'WS002';
  END IF;
  h := ws._head_for_update(p_case);
  v_seq := h.seq;
  v_head := h.head;
  FOR ch IN SELECT value FROM json_array_elements(p_changes) LOOP
    b := CASE WHEN json_typeof(ch->'before') = 'object' THEN ch->'before' END;
    a := CASE WHEN json_typeof(ch->'after') = 'object' THEN ch->'after' END;
    IF a IS NULL AND b IS NULL THEN CONTINUE; END IF;
    PERFORM ws._check_release(p_case, ch->>'kind', a::jsonb);  -- the recipient's locked categories (pg_policy)
    CASE ch->>'kind'
    WHEN 'decision' THEN details := ws._apply_decision(p_case, b::jsonb, a::jsonb, common); ev := 'decision';
    WHEN 'manual' THEN details := ws._apply_manual(p_case, b, a, common); ev := 'manual-redaction';
    WHEN 'allow' THEN details := ws._apply_allow(p_case, b, a, common); ev := 'allow-list';
    ELSE RAISE EXCEPTION 'unknown change kind %', ch->>'kind' USING ERRCODE = 'WS005';
    END CASE;
    v_seq := v_seq + 1;
    c := ws._chain(p_case, CASE WHEN p_undo THEN 'undo' ELSE ev END, details, v_seq, v_head, r);
    v_head := c.hash;
    RETURN NEXT c.rec;
  END LOOP;
  UPDATE ws.audit_heads SET seq = v_seq, head = v_head WHERE case_id = p_case;
  osf := ws._nullif_json(o->'sign_off');
  FOR e IN SELECT value FROM json_array_elements(coalesce(p_events, '[]')) LOOP
    IF e->>0 <> 'sign-off-voided' OR osf IS NULL OR ws._nullif_json(st->'sign_off') IS NOT NULL THEN
      RAISE EXCEPTION 'a % event does not go with this change of case %', e->>0, p_case USING ERRCODE = 'WS002';
    END IF;
    PERFORM ws._check_keys(e->1);
    RETURN NEXT ws._append(p_case, e->>0, e->1);
  END LOOP;
END $$;
"""

ADMIN = f"""
CREATE OR REPLACE FUNCTION ws._check_member_args(p_login text, p_role text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_login !~ '^[a-z_][a-z0-9_.-]{{0,62}}$' THEN
    RAISE EXCEPTION 'a login is 1-63 lower-case letters, digits, _ . - (starting with a letter or _), not %',
      quote_literal(p_login) USING ERRCODE = 'WS005';
  END IF;
  IF p_role IS NOT NULL AND p_role NOT IN ('clerk', 'counsel', 'supervisor', 'administrator') THEN
    RAISE EXCEPTION 'unknown role % (clerk, counsel, supervisor or administrator)', quote_literal(p_role)
      USING ERRCODE = 'WS005';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION ws._check_verifier(p_verifier text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier, never in plain text' USING ERRCODE = 'WS005';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION ws._member(p_login text) RETURNS ws.members LANGUAGE plpgsql AS $$
DECLARE m ws.members;
BEGIN
  SELECT * INTO m FROM ws.members WHERE login = p_login FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'no member %', p_login USING ERRCODE = 'WS005'; END IF;
  IF p_login = session_user::text THEN
    RAISE EXCEPTION 'an administrator does not change their own membership' USING ERRCODE = 'WS001';
  END IF;
  RETURN m;
END $$;

CREATE OR REPLACE FUNCTION ws.member_add(p_login text, p_role text, p_verifier text) RETURNS text {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('assign-roles');
  PERFORM ws._check_member_args(p_login, p_role);
  PERFORM ws._check_verifier(p_verifier);
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'a PostgreSQL role named % already exists', p_login USING ERRCODE = 'WS005';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE ws_member', p_login, p_verifier);
  INSERT INTO ws.members (login, role, added_by) VALUES (p_login, p_role, session_user);
  RETURN ws._append('system', 'member-added', json_build_object('login', p_login, 'role', p_role));
END $$;

CREATE OR REPLACE FUNCTION ws.member_set_role(p_login text, p_role text) RETURNS text {_DEFINER} AS $$
DECLARE m ws.members;
BEGIN
  PERFORM ws._require('assign-roles');
  PERFORM ws._check_member_args(p_login, p_role);
  m := ws._member(p_login);
  UPDATE ws.members SET role = p_role WHERE login = p_login;
  RETURN ws._append('system', 'member-role-changed',
                    json_build_object('login', p_login, 'before', m.role, 'after', p_role));
END $$;

CREATE OR REPLACE FUNCTION ws.member_disable(p_login text) RETURNS text {_DEFINER} AS $$
DECLARE m ws.members;
BEGIN
  PERFORM ws._require('assign-roles');
  m := ws._member(p_login);
  UPDATE ws.members SET disabled = true WHERE login = p_login;
  EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
  RETURN ws._append('system', 'member-disabled', json_build_object('login', p_login, 'role', m.role));
END $$;

CREATE OR REPLACE FUNCTION ws.member_password(p_login text, p_verifier text) RETURNS text {_DEFINER} AS $$
DECLARE m ws.members;
BEGIN
  PERFORM ws._require('assign-roles');
  PERFORM ws._check_verifier(p_verifier);
  m := ws._member(p_login);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
  RETURN ws._append('system', 'member-password-changed', json_build_object('login', p_login));
END $$;

CREATE OR REPLACE FUNCTION ws.members_list() RETURNS TABLE (login text, role text, disabled boolean) {_DEFINER} AS $$
BEGIN
  PERFORM ws._require('assign-roles');
  RETURN QUERY SELECT m.login, m.role, m.disabled FROM ws.members m ORDER BY m.login;
END $$;
"""

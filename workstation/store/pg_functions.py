r"""The PostgreSQL store's functions: the only door members have into the data.

Every function a member may call is ``SECURITY DEFINER`` (it runs with the owner's rights, ``search_path`` pinned to
``ws, pg_temp`` so a member's temporary objects cannot stand in for ours) and starts by asking ``ws._require`` what
``session_user`` - the PostgreSQL login, which no member can change - may do: the members table gives the
workstation role, ``workstation.domain.roles.ROLE_PERMISSIONS`` the rules (mirrored in ``_require``). Writes lock
the case's row first, so the state checks and the lost-update check see the latest committed data.

The audit record of a change is written by the same function, in the same transaction: ``ws._append`` takes the
chain's head under a row lock, and computes ``seq``, ``prev``, ``at``, ``actor`` (session_user), ``role`` (the
members table's) and ``hash`` = SHA-256 of the record's canonical JSON without ``hash`` - ``ws.cj`` renders JSON
exactly as ``audit.canonical_json`` (Python's ``json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``: keys in code-point order, Python's string escapes, Python's float ``repr``), so
``audit.verify_records`` checks these chains unchanged. Client-supplied details arrive as ``json`` (kept as
written, unlike ``jsonb``, which would turn ``1e+20`` into an integer-looking number).

Error codes (``SQLSTATE``) the client maps to ``workstation.domain.errors``: WS001 permission (exit 4), WS002 case
state (exit 4), WS003 changed since read (exit 4), WS004 sensitive text in a record (exit 1), WS005 malformed call.
"""

from __future__ import annotations

# ----- canonical JSON and the guard on audit details
CANONICAL = r"""
CREATE OR REPLACE FUNCTION ws.cj_str(s text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE c integer;
BEGIN
  IF s !~ '[\x01-\x1f"\\]' THEN RETURN '"' || s || '"'; END IF;
  s := replace(s, '\', '\\');
  s := replace(s, '"', '\"');
  s := replace(s, chr(10), '\n');
  s := replace(s, chr(13), '\r');
  s := replace(s, chr(9), '\t');
  s := replace(s, chr(8), '\b');
  s := replace(s, chr(12), '\f');
  IF s ~ '[\x01-\x1f]' THEN
    FOR c IN 1..31 LOOP
      s := replace(s, chr(c), '\u00' || lpad(to_hex(c), 2, '0'));
    END LOOP;
  END IF;
  RETURN '"' || s || '"';
END $$;

CREATE OR REPLACE FUNCTION ws.cj_num(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
SET extra_float_digits = 1 AS $$
DECLARE s text; m text[]; neg text; digits text; lead integer; e integer; n integer; c numeric; same boolean;
BEGIN
  IF t ~ '^-?[0-9]+$' THEN RETURN t; END IF;  -- an integer, as Python wrote it
  s := t::float8::text;  -- the shortest digits that read back as the same double (what Python's repr picks)
  IF s IN ('NaN', 'Infinity', '-Infinity') THEN
    RAISE EXCEPTION 'non-finite number in an audit record' USING ERRCODE = 'WS004';
  END IF;
  m := regexp_match(s, '^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([-+][0-9]+))?$');
  neg := m[1];
  digits := m[2] || coalesce(m[3], '');
  e := length(m[2]) - 1 + coalesce(m[4]::integer, 0);
  lead := length(digits) - length(ltrim(digits, '0'));
  digits := rtrim(ltrim(digits, '0'), '0');
  IF digits = '' THEN RETURN neg || '0.0'; END IF;
  e := e - lead;
  n := length(digits);
  -- PostgreSQL's "shortest" output is not always the shortest (exact integers above 2**53 come out in full):
  -- take the fewest digits that still read back as the same double, rounded from these, as Python's repr does
  FOR p IN 1..n - 1 LOOP
    c := round(digits::numeric / (10::numeric ^ (n - p)));
    BEGIN
      same := (neg || c::text || 'e' || (e - p + 1)::text)::float8 = t::float8;
    EXCEPTION WHEN numeric_value_out_of_range THEN
      same := false;  -- rounded past the largest (or below the smallest) double
    END;
    IF same THEN
      IF length(c::text) > p THEN e := e + 1; END IF;
      digits := rtrim(c::text, '0');
      n := length(digits);
      EXIT;
    END IF;
  END LOOP;
  IF e < -4 OR e >= 16 THEN  -- Python's repr: scientific outside 1e-4 <= |x| < 1e16
    RETURN neg || left(digits, 1) || CASE WHEN n > 1 THEN '.' || substr(digits, 2) ELSE '' END
      || 'e' || CASE WHEN e < 0 THEN '-' ELSE '+' END || CASE WHEN abs(e) < 10 THEN '0' ELSE '' END || abs(e);
  ELSIF e < 0 THEN
    RETURN neg || '0.' || repeat('0', -e - 1) || digits;
  ELSIF n <= e + 1 THEN
    RETURN neg || digits || repeat('0', e + 1 - n) || '.0';
  END IF;
  RETURN neg || left(digits, e + 1) || '.' || substr(digits, e + 2);
END $$;

CREATE OR REPLACE FUNCTION ws.cj(v json) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE t text := json_typeof(v); out text; n integer; d integer;
BEGIN
  CASE t
  WHEN 'object' THEN
    SELECT '{' || coalesce(string_agg(ws.cj_str(key) || ':' || ws.cj(value), ',' ORDER BY key COLLATE "C"), '')
           || '}', count(*), count(DISTINCT key)
      INTO out, n, d FROM json_each(v);
    IF n <> d THEN RAISE EXCEPTION 'a JSON object names a key twice' USING ERRCODE = 'WS005'; END IF;
    RETURN out;
  WHEN 'array' THEN
    SELECT '[' || coalesce(string_agg(ws.cj(value), ',' ORDER BY ord), '') || ']' INTO out
      FROM json_array_elements(v) WITH ORDINALITY AS a(value, ord);
    RETURN out;
  WHEN 'string' THEN RETURN ws.cj_str(v #>> '{}');
  WHEN 'number' THEN RETURN ws.cj_num(btrim(v::text));
  WHEN 'boolean' THEN RETURN btrim(v::text);
  ELSE RETURN 'null';
  END CASE;
END $$;

-- audit.check_details: no key may name a text ("text", "name" is fine, "reason_sha256" is fine)
CREATE OR REPLACE FUNCTION ws._check_keys(v json, path text DEFAULT 'details') RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text; val json; words text[];
BEGIN
  IF json_typeof(v) = 'array' THEN
    FOR val IN SELECT value FROM json_array_elements(v) LOOP PERFORM ws._check_keys(val, path); END LOOP;
  ELSIF json_typeof(v) = 'object' THEN
    FOR k, val IN SELECT key, value FROM json_each(v) LOOP
      words := array_remove(regexp_split_to_array(lower(regexp_replace(regexp_replace(k,
                 '([a-z0-9])([A-Z])', '\1_\2', 'g'), '([A-Z])([A-Z][a-z])', '\1_\2', 'g')), '[^a-z0-9]+'), '');
      IF NOT (words[array_length(words, 1)] = ANY (ARRAY['sha256', 'hash', 'digest']))
         AND words && ARRAY['text', 'texts', 'value', 'values', 'content', 'contents', 'snippet', 'excerpt', 'body',
                            'raw', 'plaintext', 'match', 'matched', 'quote', 'string', 'passphrase', 'password',
                            'secret'] THEN
        RAISE EXCEPTION '%: key % names sensitive text: record its SHA-256 instead', path, quote_literal(k)
          USING ERRCODE = 'WS004';
      END IF;
      PERFORM ws._check_keys(val, path || '.' || k);
    END LOOP;
  END IF;
END $$;
"""

# ----- who is calling, what they may do, the chain
CORE = r"""
CREATE OR REPLACE FUNCTION ws._member_role() RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE r text;
BEGIN
  SELECT role INTO r FROM ws.members WHERE login = session_user AND NOT disabled;
  IF r IS NOT NULL THEN RETURN r; END IF;
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'ws' AND nspowner = (SELECT oid FROM pg_roles
             WHERE rolname = session_user)) THEN
    RETURN 'owner';
  END IF;
  RAISE EXCEPTION '% is not an active member of this workstation server', session_user USING ERRCODE = 'WS001';
END $$;

-- roles.ROLE_PERMISSIONS, as the database applies it ("trail": read or append to a trail; every member)
CREATE OR REPLACE FUNCTION ws._require(p_perm text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE r text := ws._member_role(); ok boolean; why text;
BEGIN
  ok := r = 'owner' OR CASE p_perm
    WHEN 'read' THEN r IN ('clerk', 'counsel', 'supervisor')
    WHEN 'decide' THEN r IN ('clerk', 'counsel')
    WHEN 'open-case' THEN r IN ('clerk', 'counsel')
    WHEN 'export' THEN r IN ('clerk', 'counsel')
    WHEN 'sign-off' THEN r = 'counsel'
    WHEN 'return' THEN r = 'counsel'
    WHEN 'override' THEN r = 'counsel'
    WHEN 'spot-check' THEN r = 'supervisor'
    WHEN 'assign-roles' THEN r = 'administrator'
    WHEN 'trail' THEN true
    ELSE false END;
  IF NOT ok THEN
    why := CASE r
      WHEN 'clerk' THEN 'only counsel may sign off, return a case or override a protected-category rule'
      WHEN 'supervisor' THEN 'supervisors read and spot-check but do not change cases'
      WHEN 'administrator' THEN 'administrators manage users and roles but do not review cases'
      ELSE 'counsel does not manage users or run spot-checks' END;
    RAISE EXCEPTION '% (%) may not %: %', session_user, r, p_perm, why USING ERRCODE = 'WS001';
  END IF;
  RETURN r;
END $$;

CREATE OR REPLACE FUNCTION ws._lock_case(p_case text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ws.cases WHERE id = p_case FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'no case %', p_case USING ERRCODE = 'WS005'; END IF;
END $$;

CREATE OR REPLACE FUNCTION ws._append(p_case text, p_event text, p_details json) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF json_typeof(p_details) IS DISTINCT FROM 'object' THEN
    RAISE EXCEPTION 'audit details must be a JSON object' USING ERRCODE = 'WS005';
  END IF;
  RETURN ws._append_canonical(p_case, p_event, ws.cj(p_details));
END $$;

-- p_details: the details' canonical JSON already (the decisions of a large action build it directly)
CREATE OR REPLACE FUNCTION ws._append_canonical(p_case text, p_event text, p_details text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE h record; c record;
BEGIN
  h := ws._head_for_update(p_case);
  c := ws._chain(p_case, p_event, p_details, h.seq + 1, h.head, ws._member_role());
  UPDATE ws.audit_heads SET seq = h.seq + 1, head = c.hash WHERE case_id = p_case;
  RETURN c.rec;
END $$;

-- the chain's head, locked until the transaction ends (so two writers cannot fork the chain)
CREATE OR REPLACE FUNCTION ws._head_for_update(p_case text, OUT seq integer, OUT head text) LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ws.audit_heads VALUES (p_case, 0, repeat('0', 64)) ON CONFLICT (case_id) DO NOTHING;
  SELECT h.seq, h.head INTO seq, head FROM ws.audit_heads h WHERE h.case_id = p_case FOR UPDATE;
END $$;

-- One record after (p_seq - 1, p_prev); the caller moves the head (once for a whole action: updating one row
-- ten thousand times in one transaction would walk ever longer version chains).
CREATE OR REPLACE FUNCTION ws._chain(p_case text, p_event text, p_details text, p_seq integer, p_prev text,
  p_role text, OUT rec text, OUT hash text) LANGUAGE plpgsql AS $$
DECLARE pre text; post text;
BEGIN
  pre := '{"actor":' || ws.cj_str(session_user::text) || ',"at":"'
         || to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '","details":'
         || p_details || ',"event":' || ws.cj_str(p_event);
  post := ',"prev":"' || p_prev || '","role":' || ws.cj_str(p_role) || ',"seq":' || p_seq || '}';
  hash := encode(sha256(convert_to(pre || post, 'UTF8')), 'hex');
  rec := pre || ',"hash":"' || hash || '"' || post;
  INSERT INTO ws.audit_chain VALUES (p_case, p_seq, rec);
END $$;

-- events a client may not append on its own: each is written by the function that makes the change it records
CREATE OR REPLACE FUNCTION ws._protected_event(p_event text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT p_event IN ('case-opened', 'scan-run', 'decision', 'undo', 'manual-redaction', 'allow-list', 'override',
                     'submitted', 'sign-off', 'sign-off-voided', 'returned', 'export', 'spot-check',
                     'spot-check-sampled', 'spot-check-verdict', 'role-assigned', 'context-changed',
                     'store-migrated', 'member-added', 'member-role-changed', 'member-disabled',
                     'member-password-changed')
$$;

CREATE OR REPLACE FUNCTION ws._nullif_json(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN NULL ELSE v END
$$;

-- Which moves of case.Case a role may make (old -> new state JSON, Case.to_dict()).
CREATE OR REPLACE FUNCTION ws._check_transition(p_case text, o jsonb, n jsonb, r text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE os text := coalesce(o->>'state', 'in-review'); ns text := n->>'state';
        osf jsonb := ws._nullif_json(o->'sign_off'); nsf jsonb := ws._nullif_json(n->'sign_off');
        nvo jsonb := ws._nullif_json(n->'voided_sign_off');
BEGIN
  IF r NOT IN ('clerk', 'counsel', 'owner') THEN
    PERFORM ws._require('decide');
  END IF;
  IF n->>'case_id' IS DISTINCT FROM p_case OR ns IS NULL
     OR ns NOT IN ('in-review', 'ready-for-sign-off', 'signed-off', 'exported') THEN
    RAISE EXCEPTION 'malformed case state for %', p_case USING ERRCODE = 'WS005';
  END IF;
  IF nsf IS NOT NULL AND ns NOT IN ('signed-off', 'exported') THEN
    RAISE EXCEPTION 'cannot keep a sign-off on a case that is %', ns USING ERRCODE = 'WS002';
  END IF;
  IF nsf IS NOT NULL AND nsf IS DISTINCT FROM osf THEN  -- a sign-off given (or changed) by this call
    IF r NOT IN ('counsel', 'owner') THEN
      RAISE EXCEPTION '% (%) may not sign off a case: only counsel may sign off, return a case or override a '
        'protected-category rule', session_user, r USING ERRCODE = 'WS001';
    END IF;
    IF nsf->>'actor' IS DISTINCT FROM session_user::text THEN
      RAISE EXCEPTION 'a sign-off is given under your own login (%), not as %', session_user, nsf->>'actor'
        USING ERRCODE = 'WS001';
    END IF;
    IF ns <> 'signed-off' OR os NOT IN ('in-review', 'ready-for-sign-off') THEN
      RAISE EXCEPTION 'cannot sign off %: it is %', p_case, os USING ERRCODE = 'WS002';
    END IF;
  ELSIF os = ns THEN
    IF os IN ('signed-off', 'exported') AND (n->'context' IS DISTINCT FROM o->'context'
                                             OR nsf IS DISTINCT FROM osf) THEN
      RAISE EXCEPTION 'a change to a signed-off case voids its sign-off: the case goes back to review'
        USING ERRCODE = 'WS002';
    END IF;
  ELSIF ns = 'ready-for-sign-off' THEN
    IF os <> 'in-review' THEN
      RAISE EXCEPTION 'cannot submit %: it is %, not in-review', p_case, os USING ERRCODE = 'WS002';
    END IF;
  ELSIF ns = 'signed-off' THEN
    RAISE EXCEPTION 'cannot move % from % to signed-off without a new sign-off', p_case, os USING ERRCODE = 'WS002';
  ELSIF ns = 'in-review' THEN
    IF os = 'ready-for-sign-off' AND r NOT IN ('counsel', 'owner') THEN
      RAISE EXCEPTION '% (%) may not return a case to review: only counsel may sign off, return a case or '
        'override a protected-category rule', session_user, r USING ERRCODE = 'WS001';
    END IF;
  ELSIF ns = 'exported' THEN
    IF nsf IS DISTINCT FROM osf THEN
      RAISE EXCEPTION 'an export keeps the sign-off it was made under' USING ERRCODE = 'WS002';
    END IF;
  END IF;
  IF nvo IS DISTINCT FROM ws._nullif_json(o->'voided_sign_off') AND nvo IS NOT NULL AND nvo IS DISTINCT FROM osf
  THEN
    RAISE EXCEPTION 'the voided sign-off must be the one the case had' USING ERRCODE = 'WS002';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION ws._put_state(p_case text, o jsonb, n jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE nsf jsonb := ws._nullif_json(n->'sign_off');
BEGIN
  INSERT INTO ws.case_states VALUES (p_case, n, now())
    ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at;
  IF nsf IS NOT NULL AND nsf IS DISTINCT FROM ws._nullif_json(o->'sign_off') THEN
    INSERT INTO ws.signoffs (case_id, actor, at, digest, note)
      VALUES (p_case, nsf->>'actor', nsf->>'at', nsf->>'digest', coalesce(nsf->>'note', ''));
  END IF;
END $$;

-- The events a state change may carry, each only with the change it names.
CREATE OR REPLACE FUNCTION ws._state_events(p_case text, o jsonb, n jsonb, r text, p_events json)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE e json; name text; os text := coalesce(o->>'state', ''); ns text := n->>'state';
        osf jsonb := ws._nullif_json(o->'sign_off'); nsf jsonb := ws._nullif_json(n->'sign_off'); ok boolean;
BEGIN
  FOR e IN SELECT value FROM json_array_elements(coalesce(p_events, '[]')) LOOP
    name := e->>0;
    ok := CASE name
      WHEN 'case-opened' THEN o IS NULL
      WHEN 'context-changed' THEN o IS NOT NULL AND o->'context' IS DISTINCT FROM n->'context'
      WHEN 'submitted' THEN os = 'in-review' AND ns IN ('ready-for-sign-off', 'signed-off')
      WHEN 'sign-off' THEN nsf IS NOT NULL AND nsf IS DISTINCT FROM osf
      WHEN 'returned' THEN r IN ('counsel', 'owner') AND ns = 'in-review' AND os <> 'in-review'
      WHEN 'sign-off-voided' THEN osf IS NOT NULL AND nsf IS NULL
      ELSE NOT ws._protected_event(name) END;
    IF NOT ok THEN
      RAISE EXCEPTION 'a % event does not go with this change of case %', name, p_case USING ERRCODE = 'WS002';
    END IF;
    PERFORM ws._check_keys(e->1);
    RETURN NEXT ws._append(p_case, name, e->1);
  END LOOP;
END $$;
"""

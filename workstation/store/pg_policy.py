"""The recipient policies' hard rules, enforced by the team store itself (not only by the application).

``server init`` loads, from the server's own policy files (``resources/policies``), each recipient's locked
(sanctuary) and protected categories and whether counsel must sign off, into ``ws.policies`` - a table only the
owner can write. Then, whatever a member's client sends:

- ``ws.apply`` refuses a decision that leaves an item of a locked category visible (release, "not personal
  information", or an allow-list entry that covers it) unless counsel's override for exactly that item is stored;
- ``ws.record_export`` refuses to record a successful export while any locked item is released without such an
  override (a recipient changed to an unlocked one and back included), or without a sign-off when the recipient's
  policy asks for one or protected information is released.

What stays the application's: the release-reason rule, the legal basis and warrant checks, counsel's signatures
(which export verifies), the §23-1202 disclosure class.
"""

from __future__ import annotations

from typing import Any

from workstation.domain.policy_engine import PolicyEngine

POLICY = """
CREATE OR REPLACE FUNCTION ws._recipient(p_case text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT data->'context'->>'recipient' FROM ws.case_states WHERE case_id = p_case
$$;

CREATE OR REPLACE FUNCTION ws._is_locked(p_case text, p_category text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT p_category = ANY (p.locked) FROM ws.policies p WHERE p.recipient = ws._recipient(p_case)),
                  false)
$$;

CREATE OR REPLACE FUNCTION ws._item_id(p_doc text, p_page integer, p_start integer, p_end integer, p_cat text,
  p_digest text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  -- policy_engine.item_id: json.dumps([document, page, start, end, category, digest], separators=(",", ":"))
  SELECT '[' || ws.cj_str(p_doc) || ',' || p_page || ',' || p_start || ',' || p_end || ',' || ws.cj_str(p_cat)
         || ',' || ws.cj_str(p_digest) || ']'
$$;

CREATE OR REPLACE FUNCTION ws._overridden(p_case text, p_doc text, p_page integer, p_start integer, p_end integer,
  p_cat text, p_digest text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM ws.overrides o WHERE o.case_id = p_case
                 AND o.item = ws._item_id(p_doc, p_page, p_start, p_end, p_cat, p_digest))
$$;

-- an item of the case that a change would leave visible without the override its locked category needs
CREATE OR REPLACE FUNCTION ws._check_release(p_case text, p_kind text, a jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f record;
BEGIN
  IF a IS NULL THEN RETURN; END IF;
  IF p_kind = 'decision' AND a->>'decision' IN ('release', 'not-pi') AND ws._is_locked(p_case, a->>'category')
     AND NOT ws._overridden(p_case, a->>'document', (a->>'page')::integer, (a->>'start')::integer,
                            (a->>'end')::integer, a->>'category', a->>'text_digest') THEN
    RAISE EXCEPTION 'releasing % to recipient % needs counsel''s override citing a judicial warrant',
      a->>'category', ws._recipient(p_case) USING ERRCODE = 'WS001';
  END IF;
  IF p_kind = 'allow' THEN
    SELECT * INTO f FROM ws.findings x WHERE x.case_id = p_case AND x.allow_digest = a->>'text_digest'
      AND ws._is_locked(p_case, x.category)
      AND NOT ws._overridden(p_case, x.document, x.page, x.start, x."end", x.category, x.text_digest) LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'calling this text not personal information releases % to recipient %, which needs '
        'counsel''s override', f.category, ws._recipient(p_case) USING ERRCODE = 'WS001';
    END IF;
  END IF;
END $$;

-- at export: released items of locked categories without an override, and a missing sign-off
CREATE OR REPLACE FUNCTION ws._check_export(p_case text, p_state jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE pol ws.policies; bad record; released_protected boolean;
BEGIN
  SELECT * INTO pol FROM ws.policies WHERE recipient = ws._recipient(p_case);
  IF NOT FOUND THEN RETURN; END IF;
  SELECT d.category INTO bad FROM ws.decisions d WHERE d.case_id = p_case AND d.decision IN ('release', 'not-pi')
    AND d.category = ANY (pol.locked)
    AND NOT ws._overridden(p_case, d.document, d.page, d.start, d."end", d.category, d.text_digest) LIMIT 1;
  IF NOT FOUND THEN
    SELECT f.category INTO bad FROM ws.findings f JOIN ws.allow_list l
      ON l.case_id = f.case_id AND l.text_digest = f.allow_digest
      WHERE f.case_id = p_case AND f.category = ANY (pol.locked)
      AND NOT ws._overridden(p_case, f.document, f.page, f.start, f."end", f.category, f.text_digest) LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'export refused: % is released to recipient % without counsel''s override', bad.category,
      pol.recipient USING ERRCODE = 'WS001';
  END IF;
  released_protected := EXISTS (SELECT 1 FROM ws.decisions d WHERE d.case_id = p_case
                                AND d.decision IN ('release', 'not-pi') AND d.category = ANY (pol.protected))
    OR EXISTS (SELECT 1 FROM ws.findings f JOIN ws.allow_list l ON l.case_id = f.case_id
               AND l.text_digest = f.allow_digest WHERE f.case_id = p_case AND f.category = ANY (pol.protected));
  IF (pol.signoff_required OR released_protected)
     AND ws._nullif_json(coalesce(p_state, (SELECT data FROM ws.case_states WHERE case_id = p_case))->'sign_off')
         IS NULL THEN
    RAISE EXCEPTION 'export refused: recipient % needs counsel''s sign-off', pol.recipient USING ERRCODE = 'WS001';
  END IF;
END $$;
"""


def load_policies(conn: Any, engine: PolicyEngine | None = None) -> int:
    """Replace ``ws.policies`` with the recipients' rules from the policy files (as the owner, in ``server
    init``'s transaction). Returns the number of recipients."""
    engine = engine or PolicyEngine.load()
    conn.execute("DELETE FROM ws.policies")
    for recipient, policy in sorted(engine.policies.items(), key=lambda kv: kv[0].value):
        conn.execute("INSERT INTO ws.policies VALUES (%s, %s, %s, %s, %s)",
                     (recipient.value, sorted(policy.sanctuary), sorted(policy.protected), policy.signoff_required,
                      policy.sha256))
    return len(engine.policies)

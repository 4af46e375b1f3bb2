"""A version-2 store (plain SHA-256s of finding texts) is keyed on opening (issue 12 item 3): every plain hash in the
tables becomes the keyed digest of the same text, decisions, overrides, the allow-list, spot-checks and the review
cursor still attach to their findings, and the append-only trail keeps its earlier records as they are."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from workstation.domain.audit import GENESIS, AuditRecord, verify_records
from workstation.domain.case import Case
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.model import Finding, normalized, text_digest
from workstation.domain.policy_engine import item_id
from workstation.domain.review import Action, Change, Decision, DecisionRecord
from workstation.domain.roles import Role
from workstation.service import CaseService, short_id
from workstation.store.case_store import SCHEMA_VERSION, CaseStore, all_rows, case_id_for

SCHEMA_V2 = (Path(__file__).parent / "schema_v2.sql").read_text(encoding="utf-8")
DOC = "/case/report.pdf"
TEXTS = {"NATIONALITY": (10, 18, "Honduran"), "A_NUMBER": (40, 50, "A208114377"), "PERSON": (60, 65, "Maria")}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def old_store(path: Path) -> str:
    """A store as version 2 wrote it: findings, decisions, an allow-list entry, an override, a spot-check with a
    verdict, a review cursor and a trail whose records hold plain SHA-256s."""
    cid = case_id_for(["/case"])
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V2)
    db.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    ids = {c: item_id(DOC, 1, s, e, c, sha(t)) for c, (s, e, t) in TEXTS.items()}
    short = {c: hashlib.sha256(i.encode("utf-8")).hexdigest()[:12] for c, i in ids.items()}
    cursor = {"document": DOC, "page": 1, "finding": [DOC, 1, 10, 18, "NATIONALITY", sha("Honduran")]}
    db.execute("INSERT INTO cases VALUES (?, 'old', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?)",
               (cid, json.dumps(["/case"]), json.dumps(cursor)))
    db.execute("INSERT INTO case_states VALUES (?, ?, '2026-01-01T00:00:00Z')",
               (cid, json.dumps(Case(cid, DisclosureContext(RecipientType.PUBLIC)).to_dict())))
    db.execute("INSERT INTO scanned_documents VALUES (?, ?, ?, 1, 0)", (cid, DOC, "ab" * 32))
    for c, (s, e, t) in TEXTS.items():
        db.execute("INSERT INTO findings VALUES (?, ?, 1, ?, ?, ?, ?, 0.9, 'r:1', ?)",
                   (cid, DOC, s, e, c, sha(t), sha(normalized(t))))
    for c, decision in (("NATIONALITY", "redact"), ("A_NUMBER", "release")):
        s, e, t = TEXTS[c]
        db.execute("INSERT INTO decisions VALUES (?, ?, 1, ?, ?, ?, ?, ?, '', 'a reason here', 'clerk1', 'x')",
                   (cid, DOC, s, e, c, sha(t), decision))
    db.execute("INSERT INTO allow_list VALUES (?, ?, 'clerk1', 'x')", (cid, sha(normalized("Maria"))))
    override = {"item": ids["A_NUMBER"], "category": "A_NUMBER", "actor": "counsel1", "role": "counsel",
                "reason": "warrant served on the department", "legal_basis": {"kind": "none", "reference": ""},
                "at": "2026-01-02T00:00:00Z"}
    db.execute("INSERT INTO overrides VALUES (?, ?, ?)", (cid, ids["A_NUMBER"], json.dumps(override)))
    db.execute("INSERT INTO spot_checks VALUES ('s1', ?, 10, '7', ?, 'super1', 'x', 0)",
               (cid, json.dumps([short["NATIONALITY"]])))
    db.execute("INSERT INTO spot_check_verdicts VALUES ('s1', ?, 1, '', 'super1', 'x')", (short["NATIONALITY"],))
    body = {"seq": 1, "at": "2026-01-01T00:00:00Z", "actor": "clerk1", "role": "clerk", "event": "decision",
            "details": {"case_id": cid, "category": "NATIONALITY", "text_sha256": sha("Honduran")}, "prev": GENESIS}
    record = AuditRecord(**body, hash=AuditRecord.compute_hash(body))
    db.execute("INSERT INTO audit_chain VALUES (?, 1, ?)", (cid, record.to_json()))
    db.execute("INSERT INTO audit_heads VALUES (?, 1, ?)", (cid, record.hash))
    db.commit()
    db.close()
    return cid


def test_a_version_2_store_is_keyed_and_its_rows_still_attach(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    cid = old_store(path)
    old_trail = sqlite3.connect(path).execute("SELECT record FROM audit_chain").fetchall()
    store = CaseStore(path)
    key = store.text_key(cid)
    assert len(key) == 32
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    # every plain hash is gone from the tables (the trail's earlier record keeps its own)
    plain = {sha(t) for *_, t in TEXTS.values()} | {sha(normalized(t)) for *_, t in TEXTS.values()}
    for table in ("findings", "decisions", "allow_list", "overrides", "cases", "spot_checks", "spot_check_verdicts"):
        for row in store.db.execute(f"SELECT * FROM {table}"):
            assert not any(h in str(v) for v in row for h in plain), (table, row)
    # the digests are what a new scan makes of the same texts under the case's secret
    for c, (s, e, t) in TEXTS.items():
        finding = Finding(DOC, 1, s, e, t, c, 0.9, "r:1", text_key=key)
        assert finding.key in {k for k, *_ in store.findings(cid)}
        assert finding.text_digest == text_digest(key, t)
    # decisions, the override, the allow-list, the spot-check and the cursor attach to their findings
    service = CaseService(store)
    items = {i.category: i for i in service.items(cid)}
    assert items["NATIONALITY"].decision == "redact"
    assert items["A_NUMBER"].decision == "release" and items["A_NUMBER"].override is not None
    assert items["PERSON"].allowed and items["PERSON"].decision == "not-pi"
    sample = service.current_sample(cid)
    assert sample is not None and [i.id for i in sample[1]] == [items["NATIONALITY"].id]
    assert set(sample[2]) == {items["NATIONALITY"].id}
    assert items["NATIONALITY"].id == short_id(items["NATIONALITY"].key)
    cursor = store.case(cid).cursor  # type: ignore[union-attr]
    assert cursor["finding"][5] == text_digest(key, "Honduran")
    # the trail: the earlier record as it was, one migration record (and schema 4's: signing starts), intact
    records = store.audit(cid)
    assert [(json.loads(r[0]),) for r in old_trail] == [(records[0].to_dict(),)]
    assert records[0].details["text_sha256"] == sha("Honduran")
    assert [r.event for r in records] == ["decision", "store-migrated", "store-migrated"]
    assert records[2].details["signing_started"] is True
    assert not any(h in records[1].to_json() for h in plain) and key.hex() not in records[1].to_json()
    assert service.verify(cid).ok
    # new records carry the keyed digest
    change = Change(None, DecisionRecord(items["PERSON"].key, Decision.REDACT, "87(2)(b)", "", "clerk1", "y"))
    [new] = store.apply(cid, Action("redact", (change,)), "clerk1", Role.CLERK.value)
    assert new.details["text_digest"] == text_digest(key, "Maria") and "text_sha256" not in new.details
    store.close()
    # opening again migrates nothing more, and the secret stays the case's
    again = CaseStore(path)
    assert again.text_key(cid) == key
    assert [r.event for r in again.audit(cid)] == ["decision", "store-migrated", "store-migrated", "decision"]
    assert verify_records(again.audit(cid)).ok
    assert any(bytes(r[1]) == key for r in again.db.execute("SELECT * FROM case_secrets"))
    assert sum(1 for r in all_rows(again) if key in r) == 1  # the secret is in one row of one table
    again.close()

"""The hash-chained audit trail: hashing, the sensitive-text guard, tamper detection, spot-check sampling."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from workstation.domain.audit import (
    GENESIS,
    AuditRecord,
    AuditTrail,
    EventType,
    canonical_json,
    check_details,
    decision_details,
    export_details,
    sample,
    scan_details,
    spot_check_result,
    verify_jsonl,
    verify_records,
)
from workstation.domain.errors import SensitiveDataError
from workstation.domain.model import RUN_KEY, text_digest
from workstation.domain.naming import path_sha256
from workstation.domain.review import Decision, DecisionRecord, FindingKey

SECRET = "Hernandez Lopez, A-123-456-789"


def _clock():
    n = iter(range(10_000))
    return lambda: f"2026-05-01T10:00:{next(n):02d}.000000Z"


def make_trail(n: int = 6) -> AuditTrail:
    trail = AuditTrail(clock=_clock())
    trail.append("clerk1", "clerk", EventType.CASE_OPENED, {"case_id": "26-115", "documents": 4})
    trail.append("clerk1", "clerk", EventType.SCAN_RUN, scan_details(
        case_id="26-115", documents=4, findings=37, engine_version="presidio-analyzer 2.2.366",
        model="en_core_web_sm", model_version="3.8.0", recognizers={"ANumberRecognizer": "1", "Address": "3"}))
    for k in range(max(0, n - 2)):
        trail.append("clerk1", "clerk", EventType.DECISION, decision_details(
            document="report", document_sha256=path_sha256("/case/report.pdf"), page=k + 1, start=10, end=25, category="A_NUMBER",
            text_digest=text_digest(RUN_KEY, SECRET), decision="redact", reason_code="87(2)(b); EO 34/41", case_id="26-115"))
    return trail


# ----- records and hashing

def test_records_are_chained_and_hashed_over_canonical_json() -> None:
    trail = make_trail()
    assert trail.records[0].prev == GENESIS
    for prev, rec in zip(trail.records, trail.records[1:], strict=False):
        assert rec.prev == prev.hash and rec.seq == prev.seq + 1
    for rec in trail.records:
        body = {k: v for k, v in rec.to_dict().items() if k != "hash"}
        expected = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"),
                                             ensure_ascii=False).encode()).hexdigest()
        assert rec.hash == expected
        assert rec.to_json() == canonical_json(rec.to_dict()) and " " not in rec.to_json().split('"at"')[0]
    assert trail.head == trail.records[-1].hash
    assert verify_records(trail.records).ok


def test_default_timestamps_are_utc() -> None:
    rec = AuditTrail().append("counsel1", "counsel", EventType.SIGN_OFF, {"case_id": "x"})
    assert rec.at.endswith("Z") and rec.at[:2] == "20"


def test_jsonl_roundtrip_and_continuation(tmp_path: Path) -> None:
    trail = make_trail()
    path = tmp_path / "audit.jsonl"
    trail.write_jsonl(path)
    result = verify_jsonl(path)
    assert result.ok and result.count == 6 and result.head == trail.head
    assert SECRET not in path.read_text() and "Hernandez" not in path.read_text()
    records = [AuditRecord.from_dict(json.loads(line)) for line in path.read_text().splitlines()]
    more = AuditTrail.from_records(records)
    more.append("counsel1", "counsel", EventType.OVERRIDE, {"case_id": "26-115", "category": "ADDRESS",
                                                            "reason": "judicial warrant SDNY 26-MJ-1"})
    assert verify_records(more.records).ok and more.records[-1].prev == trail.head
    assert verify_jsonl(more.to_jsonl()).ok


def test_empty_trail_verifies() -> None:
    assert verify_jsonl("").ok and verify_records([]).ok
    assert not verify_records([], expected_count=1).ok


# ----- the guard

@pytest.mark.parametrize("details", [
    {"text": SECRET}, {"value": "x"}, {"content": "x"}, {"old_value": "x"}, {"newText": "x"},
    {"matched_text": "x"}, {"Content-Type": "x"}, {"snippet": "x"}, {"passphrase": "x"},
    {"nested": {"text": "x"}}, {"items": [{"ok": 1}, {"value": 2}]}, {"values": []},
])
def test_guard_rejects_text_keys(details) -> None:
    trail = make_trail(2)
    with pytest.raises(SensitiveDataError):
        trail.append("clerk1", "clerk", EventType.DECISION, details)
    assert len(trail.records) == 2  # nothing appended


@pytest.mark.parametrize("details", [{"raw_bytes": b"x"}, {"when": object()}, {"score": float("nan")},
                                     {1: "x"}])
def test_guard_rejects_non_json_data(details) -> None:
    with pytest.raises(SensitiveDataError):
        check_details(details)


@pytest.mark.parametrize("details", [
    {"text_sha256": "0" * 64}, {"textSha256": "0" * 64}, {"content_hash": "ab"}, {"value_digest": "ab"},
    {"context": "sentence around it"}, {"reason": "warrant"}, {"outputs": {"a.pdf": "0" * 64}},
    {"category": "ADDRESS", "page": 2, "start": 3, "end": 9, "score": 0.85, "ok": True, "none": None},
])
def test_guard_allows_hashes_and_metadata(details) -> None:
    check_details(details)


def test_decision_details_carry_a_hash_not_the_text() -> None:
    d = decision_details(document="a", document_sha256=path_sha256("/case/a.pdf"), page=2, start=3, end=9,
                         category="NATIONALITY", text_digest=text_digest(RUN_KEY, "Honduran"), decision="release",
                         before=None, reason="public record")
    assert set(d) == {"case_id", "document", "document_sha256", "page", "start", "end", "category", "text_digest",
                      "decision", "before", "reason_code", "reason"}
    assert "Honduran" not in json.dumps(d) and d["before"] == "pending"
    with pytest.raises(SensitiveDataError):
        decision_details(document="a", document_sha256=path_sha256("/case/a.pdf"), page=2, start=3, end=9,
                         category="NATIONALITY", text_digest="Honduran", decision="release")
    with pytest.raises(SensitiveDataError):  # the document is identified by a hash of its path, never the path
        decision_details(document="a", document_sha256="/case/a.pdf", page=2, start=3, end=9,
                         category="NATIONALITY", text_digest=text_digest(RUN_KEY, "Honduran"), decision="release")
    check_details(export_details(case_id="c", outputs={"a.redacted.pdf": "f" * 64}, verified=True,
                                 verification="pymupdf+pdfminer: no removed text", recipient="court",
                                 audit_head="0" * 64))


# ----- tamper detection

def _jsonl(n: int = 6) -> tuple[AuditTrail, bytes]:
    trail = make_trail(n)
    return trail, trail.to_jsonl().encode()


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")[:-1]


def _join(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


@pytest.mark.parametrize("record", range(6))
@pytest.mark.parametrize("where", ["start", "middle", "hash", "end"])
def test_flipped_byte_detected(tmp_path: Path, record: int, where: str) -> None:
    _, raw = _jsonl()
    lines = _lines(raw)
    line = bytearray(lines[record])
    pos = {"start": 2, "middle": len(line) // 2, "hash": len(line) - 10, "end": len(line) - 1}[where]
    line[pos] ^= 0x01
    lines[record] = bytes(line)
    path = tmp_path / "audit.jsonl"
    path.write_bytes(_join(lines))
    result = verify_jsonl(path)
    assert not result.ok and result.bad_index == record, result


def test_invalid_utf8_detected(tmp_path: Path) -> None:
    _, raw = _jsonl()
    lines = _lines(raw)
    lines[2] = lines[2][:20] + b"\xff" + lines[2][21:]
    path = tmp_path / "audit.jsonl"
    path.write_bytes(_join(lines))
    result = verify_jsonl(path)
    assert not result.ok and result.bad_index == 2 and "UTF-8" in result.reason


@pytest.mark.parametrize("record", range(6))
def test_every_single_bit_change_in_a_record_detected(record: int) -> None:
    """Exhaustive over one byte position per 7 bytes, all records (fast enough, catches key/value edits)."""
    _, raw = _jsonl()
    lines = _lines(raw)
    for pos in range(0, len(lines[record]), 7):
        changed = list(lines)
        b = bytearray(changed[record])
        b[pos] ^= 0x20
        changed[record] = bytes(b)
        result = verify_jsonl(_join(changed).decode("utf-8", errors="replace"))
        assert not result.ok and result.bad_index == record, (pos, result)


def test_changed_value_with_valid_json_detected() -> None:
    trail = make_trail()
    data = [r.to_dict() for r in trail.records]
    data[3]["details"]["decision"] = "release"
    result = verify_records(data)
    assert not result.ok and result.bad_index == 3 and "hash mismatch" in result.reason


@pytest.mark.parametrize("deleted", range(6))
def test_deleted_record_detected(deleted: int) -> None:
    _, raw = _jsonl()
    lines = _lines(raw)
    del lines[deleted]
    result = verify_jsonl(_join(lines).decode())
    if deleted == 5:  # the last record: a truncation at a line boundary, invisible without an anchor
        assert result.ok
        assert not verify_jsonl(_join(lines).decode(), expected_count=6).ok
    else:
        assert not result.ok and result.bad_index == deleted
        assert "expected" in result.reason


@pytest.mark.parametrize(("i", "j"), [(0, 1), (2, 3), (1, 4), (4, 5)])
def test_reordered_records_detected(i: int, j: int) -> None:
    _, raw = _jsonl()
    lines = _lines(raw)
    lines[i], lines[j] = lines[j], lines[i]
    result = verify_jsonl(_join(lines).decode())
    assert not result.ok and result.bad_index == i


@pytest.mark.parametrize("cut", [1, 10, 50, 100])
def test_truncated_file_detected(cut: int) -> None:
    _, raw = _jsonl()
    result = verify_jsonl(raw[:-cut].decode("utf-8", errors="ignore"))
    assert not result.ok and result.bad_index == 5 and "truncated" in result.reason


def test_truncation_at_line_boundary_needs_an_anchor() -> None:
    trail, raw = _jsonl()
    short = _join(_lines(raw)[:4]).decode()
    assert verify_jsonl(short).ok  # documented: not detectable from the file alone
    assert not verify_jsonl(short, expected_count=6).ok
    result = verify_jsonl(short, anchors={6: trail.head})
    assert not result.ok and "anchored record 6 is missing" in result.reason


def _forge(trail: AuditTrail, at: int) -> list[AuditRecord]:
    """Change record ``at`` and recompute every hash from there: what an attacker with the file can do."""
    forged = AuditTrail(records=list(trail.records[:at]))
    for rec in trail.records[at:]:
        details = dict(rec.details)
        if rec.seq == at + 1:
            details["decision"] = "release"
        forged.append(rec.actor, rec.role, rec.event, details, at=rec.at)
    return forged.records


@pytest.mark.parametrize("at", [0, 2, 4])
def test_forged_rehashed_suffix(at: int) -> None:
    trail = make_trail()
    forged = _forge(trail, at)
    assert forged[at].hash != trail.records[at].hash
    assert verify_records(forged).ok  # undetectable from the chain alone (documented)
    # anchored by the first record's hash: a chain rebuilt from its start is detected
    first = verify_records(forged, anchors={1: trail.records[0].hash})
    assert first.ok is (at > 0)
    # anchored by the head kept outside the trail: any rewritten suffix is detected at the anchor
    head = verify_records(forged, anchors={6: trail.head})
    assert not head.ok and head.bad_index == 5 and "anchor" in head.reason
    # anchored at the rewritten record itself: detected there
    there = verify_records(forged, anchors={at + 1: trail.records[at].hash})
    assert not there.ok and there.bad_index == at


def test_structure_errors() -> None:
    trail = make_trail(3)
    data = [r.to_dict() for r in trail.records]
    extra = [dict(d) for d in data]
    extra[1]["text"] = SECRET
    assert "fields differ" in verify_records(extra).reason
    bad_seq = [dict(d) for d in data]
    bad_seq[0]["seq"] = "1"
    assert verify_records(bad_seq).bad_index == 0
    edited = [r.to_json() for r in trail.records]
    edited[1] = json.dumps(json.loads(edited[1]))  # same data, not canonical (spaces)
    result = verify_jsonl("".join(e + "\n" for e in edited))
    assert not result.ok and result.bad_index == 1 and "canonical" in result.reason
    blank = verify_jsonl(trail.to_jsonl() + "\n")
    assert not blank.ok and blank.bad_index == 3


def test_sensitive_record_in_file_is_reported() -> None:
    """A record forged with a text key but a correct hash is still refused."""
    records = [r.to_dict() for r in make_trail(2).records]
    body = {"seq": 3, "at": "t", "actor": "x", "role": "clerk", "event": "decision",
            "details": {"text": SECRET}, "prev": records[-1]["hash"]}
    records.append({**body, "hash": AuditRecord.compute_hash(body)})
    result = verify_records(records)
    assert not result.ok and result.bad_index == 2 and "sensitive" in result.reason


def test_summary_lines() -> None:
    assert make_trail().records and verify_records(make_trail().records).summary().startswith("audit trail intact")
    _, raw = _jsonl()
    assert verify_jsonl(raw[:-5].decode()).summary().startswith("audit trail broken at record 5: ")


# ----- spot-check sampling

def _decisions() -> list[dict[str, str]]:
    out = []
    for category, decision, n in [("PERSON", "redact", 200), ("PERSON", "release", 30), ("ADDRESS", "redact", 40),
                                  ("ADDRESS", "release", 1), ("A_NUMBER", "redact", 3), ("NATIONALITY", "defer", 0)]:
        out += [{"id": f"{category}-{decision}-{k}", "category": category, "decision": decision} for k in range(n)]
    return out


@pytest.mark.parametrize(("rate", "expected"), [
    (10, {("PERSON", "redact"): 20, ("PERSON", "release"): 3, ("ADDRESS", "redact"): 4, ("ADDRESS", "release"): 1,
          ("A_NUMBER", "redact"): 1}),
    (1, {("PERSON", "redact"): 2, ("PERSON", "release"): 1, ("ADDRESS", "redact"): 1, ("ADDRESS", "release"): 1,
         ("A_NUMBER", "redact"): 1}),
    (100, {("PERSON", "redact"): 200, ("PERSON", "release"): 30, ("ADDRESS", "redact"): 40,
           ("ADDRESS", "release"): 1, ("A_NUMBER", "redact"): 3}),
])
def test_sample_is_stratified_with_one_per_stratum(rate, expected) -> None:
    decisions = _decisions()
    chosen = sample(decisions, rate, seed=7)
    assert Counter((d["category"], d["decision"]) for d in chosen) == expected
    ids = [d["id"] for d in decisions]
    assert [ids.index(d["id"]) for d in chosen] == sorted(ids.index(d["id"]) for d in chosen)  # input order
    assert len({d["id"] for d in chosen}) == len(chosen)


def test_sample_is_reproducible_by_seed() -> None:
    decisions = _decisions()
    assert sample(decisions, 10, seed=7) == sample(decisions, 10, seed=7)
    assert sample(decisions, 10, seed=7) != sample(decisions, 10, seed=8)
    assert sample([], 10, seed=1) == []


@pytest.mark.parametrize("rate", [0, -5, 101])
def test_sample_rate_bounds(rate) -> None:
    with pytest.raises(ValueError):
        sample(_decisions(), rate, seed=1)


def test_sample_reads_review_decision_records() -> None:
    recs = [DecisionRecord(FindingKey("a.pdf", 1, k, k + 3, cat, "0" * 64), dec)
            for k, (cat, dec) in enumerate([("PERSON", Decision.REDACT)] * 5 + [("ADDRESS", Decision.RELEASE)])]
    chosen = sample(recs, 20, seed="2026-05")
    assert Counter((r.key.category, r.decision) for r in chosen) == {("PERSON", "redact"): 1,
                                                                       ("ADDRESS", "release"): 1}


def test_spot_check_result_goes_into_the_trail() -> None:
    result = spot_check_result([(("PERSON", "redact"), True), (("PERSON", "redact"), False),
                                (("ADDRESS", "release"), True)], 10, 7)
    assert (result.sampled, result.agreed, result.disagreed) == (3, 2, 1)
    assert result.by_stratum["PERSON/redact"] == {"sampled": 2, "agreed": 1, "disagreed": 1}
    trail = make_trail(2)
    rec = trail.append("supervisor1", "supervisor", EventType.SPOT_CHECK, result.details("26-115"))
    assert rec.details["disagreed"] == 1 and verify_records(trail.records).ok

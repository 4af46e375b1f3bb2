"""An append-only, hash-chained audit trail that never contains the sensitive text; supervisor spot-checks.

Each record is ``{"seq", "at", "actor", "role", "event", "details", "prev", "hash"}``:

- ``seq`` counts from 1; ``at`` is a UTC ISO-8601 timestamp;
- ``prev`` is the previous record's ``hash`` (``GENESIS`` = 64 zeros for the first record);
- ``hash`` is the SHA-256 of the record's canonical JSON without the ``hash`` key (sorted keys, no whitespace,
  UTF-8), so each record commits to the whole chain before it.

``verify_records`` / ``verify_jsonl`` report the first bad record (0-based index and reason). What is detected:

- a changed byte anywhere in a record (its hash no longer matches, or the line is no longer valid JSON);
- a deleted record in the middle or at the start (``seq`` gap, ``prev`` mismatch, first record not from genesis);
- reordered records (``seq`` out of order, ``prev`` mismatch);
- a file cut in the middle of a line (invalid JSON / missing final newline);
- a forged chain, in which records were changed and every later hash recomputed: detected only against an
  *anchor* kept outside the file - the first record's hash (``anchors={1: h}``) catches a chain rebuilt from its
  start, and any later anchor (the head hash printed on a sign-off sheet or written into an export manifest:
  ``export`` events carry the head at the time) catches rewriting at or before that record.

What is *not* detectable from the hashes alone: dropping whole records from the end (truncation at a line
boundary) or rewriting records after the last anchor, since anyone can recompute SHA-256. Pass ``expected_count``
or an anchor for the last record (the store keeps the head: ``AuditTrail.head``) to detect those too. The local
store also has every record signed by its actor (``trail_signatures``: ``key`` in the hashed body, ``signature``
beside it), which ``verify_records`` accepts as optional fields and ``trail_signatures.check_signatures`` checks.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from workstation.domain.errors import SensitiveDataError

GENESIS = "0" * 64
FIELDS = ("seq", "at", "actor", "role", "event", "details", "prev", "hash")
# a record signed by its actor (``trail_signatures``) also has ``key`` (the actor's public key, base64; hashed with
# the body) and ``signature`` (Ed25519 over the record's hash; not hashed)
SIGNED_FIELDS = ("key", "signature")


class EventType(StrEnum):
    CASE_OPENED = "case-opened"
    SCAN_RUN = "scan-run"  # engine, model and recognizer versions
    DECISION = "decision"
    UNDO = "undo"
    OVERRIDE = "override"  # actor and reason
    SUBMITTED = "submitted"
    SIGN_OFF = "sign-off"
    SIGN_OFF_VOIDED = "sign-off-voided"
    RETURNED = "returned"
    EXPORT = "export"  # output SHA-256 and verification result
    EXPORT_REFUSED = "export-refused"
    SPOT_CHECK = "spot-check"  # sampled count and result
    ROLE_ASSIGNED = "role-assigned"


# ----- the guard: no sensitive text in an audit record

# Key words that name a text itself; "text_digest" and other hash keys are allowed.
_FORBIDDEN_WORDS = frozenset({"text", "texts", "value", "values", "content", "contents", "snippet", "excerpt",
                              "body", "raw", "plaintext", "match", "matched", "quote", "string", "passphrase",
                              "password", "secret"})
_HASH_SUFFIXES = ("sha256", "hash", "digest")
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])[0-9]*")


def _key_words(key: str) -> list[str]:
    """'old_value' -> ['old', 'value']; 'textSha256' -> ['text', 'sha256']; 'Content-Type' -> ['content', 'type']."""
    return [w.lower() for part in re.split(r"[^A-Za-z0-9]+", key) for w in _WORDS.findall(part)]


@lru_cache(maxsize=4096)  # records reuse a few dozen keys: a bulk decision of 7,909 items checked 110,726 of them
def _key_problem(key: str) -> str | None:
    words = _key_words(key)
    if words and words[-1] in _HASH_SUFFIXES:
        return None
    bad = [w for w in words if w in _FORBIDDEN_WORDS]
    if bad:
        return f"key {key!r} names sensitive text ({bad[0]}): record its SHA-256 instead"
    return None


def check_details(details: Mapping[str, Any], path: str = "details") -> None:
    """Raise ``SensitiveDataError`` if ``details`` has a key named like text/value/content (at any depth) or a
    value that is not plain JSON data (str, int, float, bool, None, list, dict with string keys)."""
    for key, value in details.items():
        if not isinstance(key, str):
            raise SensitiveDataError(f"{path}: keys must be strings, not {type(key).__name__}")
        problem = _key_problem(key)
        if problem:
            raise SensitiveDataError(f"{path}: {problem}")
        _check_value(value, f"{path}.{key}")


_PLAIN = frozenset({str, int, bool, type(None)})


def _check_value(value: Any, path: str) -> None:
    if type(value) in _PLAIN:  # the common case first (ABC instance checks are slow: 7,909 records, 221,452 values)
        return
    if isinstance(value, Mapping):
        check_details(value, path)
    elif isinstance(value, list | tuple):
        for n, v in enumerate(value):
            _check_value(v, f"{path}[{n}]")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise SensitiveDataError(f"{path}: non-finite number")
    elif not (value is None or isinstance(value, str | int | bool)):
        raise SensitiveDataError(f"{path}: {type(value).__name__} is not allowed in an audit record")


# ----- detail builders for the events (the integration should use these)

def decision_details(*, document: str, document_sha256: str, page: int, start: int, end: int, category: str,
                     text_digest: str, decision: str, before: str | None = None, reason_code: str = "",
                     reason: str = "", case_id: str = "") -> dict[str, Any]:
    """A decision (or undo): where, which category, the keyed digest of the text (``model.text_digest``: HMAC under
    the case's secret, which never enters the trail) - never the text nor a plain hash of it. (Records written
    before the digests were keyed hold ``text_sha256``, the plain SHA-256, and keep it.)

    ``document`` is the document's safe label (``naming.safe_label``: no name from a finding), never its path or
    file name; ``document_sha256`` the SHA-256 of its path (``naming.path_sha256``), resolvable through the store."""
    for key, value in (("text_digest", text_digest), ("document_sha256", document_sha256)):
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            raise SensitiveDataError(f"{key} must be a 64-hex-digit digest")
    return {"case_id": case_id, "document": document, "document_sha256": document_sha256, "page": page,
            "start": start, "end": end, "category": category, "text_digest": text_digest, "decision": decision,
            "before": before or "pending", "reason_code": reason_code, "reason": reason}


def scan_details(*, case_id: str, documents: int, findings: int, engine_version: str, model: str,
                 model_version: str, recognizers: Mapping[str, str]) -> dict[str, Any]:
    return {"case_id": case_id, "documents": documents, "findings": findings, "engine_version": engine_version,
            "model": model, "model_version": model_version, "recognizers": dict(sorted(recognizers.items()))}


def export_details(*, case_id: str, outputs: Mapping[str, str], verified: bool, verification: str,
                   recipient: str, audit_head: str = "") -> dict[str, Any]:
    """``outputs``: file name -> SHA-256 of the written bytes; ``audit_head``: the chain head at export."""
    return {"case_id": case_id, "outputs": dict(sorted(outputs.items())), "verified": verified,
            "verification": verification, "recipient": recipient, "audit_head": audit_head}


# ----- records

def canonical_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    role: str
    event: str
    details: Mapping[str, Any]
    prev: str
    hash: str
    key: str = ""  # the signer's public key (base64), when signed: part of what ``hash`` covers
    signature: str = ""  # Ed25519 over ``trail_signatures.record_statement(hash)``

    def body(self) -> dict[str, Any]:
        """Everything but ``hash`` and ``signature``: what ``hash`` is computed over."""
        body = {"seq": self.seq, "at": self.at, "actor": self.actor, "role": self.role, "event": self.event,
                "details": self.details, "prev": self.prev}
        if self.key:
            body["key"] = self.key
        return body

    def to_dict(self) -> dict[str, Any]:
        out = {**self.body(), "hash": self.hash}
        if self.signature:
            out["signature"] = self.signature
        return out

    def to_json(self) -> str:
        return canonical_json(self.to_dict())

    @staticmethod
    def compute_hash(body: Mapping[str, Any]) -> str:
        return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditRecord:
        return cls(data["seq"], data["at"], data["actor"], data["role"], data["event"], data["details"],
                   data["prev"], data["hash"], str(data.get("key", "")), str(data.get("signature", "")))


@dataclass
class AuditTrail:
    """An in-memory chain; the store appends each new record durably (and may keep ``head`` elsewhere)."""

    records: list[AuditRecord] = field(default_factory=list)
    clock: Callable[[], str] = utc_now

    @property
    def head(self) -> str:
        """The last record's hash (``GENESIS`` when empty): anchor it outside the trail to detect truncation."""
        return self.records[-1].hash if self.records else GENESIS

    def append(self, actor: str, role: str, event: EventType | str, details: Mapping[str, Any] | None = None,
               at: str | None = None) -> AuditRecord:
        details = dict(details or {})
        check_details(details)
        # normalise to what JSON gives back (tuples -> lists), so a reloaded record hashes the same
        details = json.loads(canonical_json(details))
        seq, stamp, prev = len(self.records) + 1, at or self.clock(), self.head
        body = {"seq": seq, "at": stamp, "actor": actor, "role": str(role), "event": str(event),
                "details": details, "prev": prev}
        record = AuditRecord(seq, stamp, actor, str(role), str(event), details, prev, AuditRecord.compute_hash(body))
        self.records.append(record)
        return record

    def to_jsonl(self) -> str:
        return "".join(r.to_json() + "\n" for r in self.records)

    def write_jsonl(self, path: Path) -> None:
        path.write_text(self.to_jsonl(), encoding="utf-8")

    @classmethod
    def from_records(cls, records: Iterable[AuditRecord]) -> AuditTrail:
        """A trail continuing ``records`` (verify them first)."""
        return cls(list(records))


# ----- verification

@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    count: int  # records read
    head: str  # hash of the last good record
    bad_index: int | None = None  # 0-based index (line number - 1) of the first bad record
    reason: str = ""
    signatures: str = ""  # what the check of the actors' signatures found (``trail_signatures``), when run

    def summary(self) -> str:
        if self.ok:
            return (f"audit trail intact: {self.count} record(s), head {self.head[:16]}"
                    + (f"; {self.signatures}" if self.signatures else ""))
        return f"audit trail broken at record {self.bad_index}: {self.reason}"


def _fail(index: int, reason: str, count: int, head: str) -> VerificationResult:
    return VerificationResult(False, count, head, index, reason)


def verify_records(records: Sequence[AuditRecord | Mapping[str, Any]], *,
                   anchors: Mapping[int, str] | None = None,
                   expected_count: int | None = None) -> VerificationResult:
    """Check every record's hash, sequence and link; ``anchors`` maps seq -> known hash (kept elsewhere)."""
    anchors = dict(anchors or {})
    prev = GENESIS
    for index, rec in enumerate(records):
        data = rec.to_dict() if isinstance(rec, AuditRecord) else dict(rec)
        if not set(FIELDS) <= set(data) <= set(FIELDS) | set(SIGNED_FIELDS):
            missing = sorted(set(FIELDS) - set(data))
            extra = sorted(set(data) - set(FIELDS) - set(SIGNED_FIELDS))
            return _fail(index, f"fields differ (missing {missing}, unexpected {extra})", index, prev)
        if not all(isinstance(data.get(k, ""), str) for k in SIGNED_FIELDS):
            return _fail(index, "key or signature is not a string", index, prev)
        if not isinstance(data["seq"], int) or isinstance(data["seq"], bool):
            return _fail(index, "seq is not an integer", index, prev)
        if data["seq"] != index + 1:
            what = "reordered or deleted record" if data["seq"] > 0 else "invalid sequence number"
            return _fail(index, f"sequence number {data['seq']}, expected {index + 1} ({what})", index, prev)
        if data["prev"] != prev:
            return _fail(index, "previous-hash link broken (a record before it was changed, deleted or moved)",
                         index, prev)
        body = {k: data[k] for k in (*FIELDS, "key") if k in data and k != "hash"}
        try:
            computed = AuditRecord.compute_hash(body)
        except (TypeError, ValueError) as exc:
            return _fail(index, f"not canonical JSON data: {exc}", index, prev)
        if computed != data["hash"]:
            return _fail(index, "record hash mismatch (the record was changed)", index, prev)
        if not isinstance(data["details"], Mapping):
            return _fail(index, "details is not an object", index, prev)
        try:
            check_details(data["details"])
        except SensitiveDataError as exc:
            return _fail(index, f"record holds sensitive data: {exc}", index, prev)
        anchor = anchors.pop(data["seq"], None)
        if anchor is not None and anchor != computed:
            return _fail(index, "hash differs from its anchor (the chain was rewritten)", index, prev)
        prev = computed
    count = len(records)
    if anchors:
        first = min(anchors)
        return _fail(count, f"anchored record {first} is missing (the trail was truncated)", count, prev)
    if expected_count is not None and count != expected_count:
        return _fail(count, f"{count} record(s), expected {expected_count} (the trail was truncated)", count, prev)
    return VerificationResult(True, count, prev)


def verify_anchored(records: Sequence[AuditRecord | Mapping[str, Any]],
                    anchors: Sequence[tuple[int | None, str]] = (), *,
                    expected_count: int | None = None) -> VerificationResult:
    """``verify_records`` with heads kept outside the trail (a disclosure record's ``audit_head``): each anchor is
    (record number, hash), or (None, hash) for "some record has this hash". A hash found nowhere in the chain means
    the chain was rewritten or cut before it."""
    by_seq: dict[int, str] = {}
    hashes = {(r.hash if isinstance(r, AuditRecord) else str(r.get("hash"))): (
        r.seq if isinstance(r, AuditRecord) else r.get("seq")) for r in records}
    for seq, head in anchors:
        if seq is None:
            found = hashes.get(head)
            if not isinstance(found, int):
                return _fail(len(records), f"the anchored head {head[:16]} is not in the trail (the trail was "
                             "rewritten or truncated)", len(records), GENESIS)
            seq = found
        by_seq[seq] = head
    return verify_records(records, anchors=by_seq, expected_count=expected_count)


def verify_jsonl(source: Path | str, *, anchors: Mapping[int, str] | None = None,
                 expected_count: int | None = None) -> VerificationResult:
    """Verify a JSONL export (a path, or its text). Each line must be one record's canonical JSON + newline."""
    raw = source.read_bytes() if isinstance(source, Path) else source.encode("utf-8")
    truncated = bool(raw) and not raw.endswith(b"\n")
    lines = raw.split(b"\n")
    if not truncated:
        lines = lines[:-1]
    return _verify_lines(lines, anchors, expected_count, truncated=truncated)


def _verify_lines(lines: list[bytes], anchors: Mapping[int, str] | None, expected_count: int | None,
                  truncated: bool) -> VerificationResult:
    records: list[Mapping[str, Any]] = []
    for index, raw_line in enumerate(lines):
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError:
            last = index == len(lines) - 1
            reason = "file truncated in this record" if (truncated and last) else "not valid UTF-8"
            return _prefix_then_fail(records, index, reason, anchors)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            last = index == len(lines) - 1
            reason = "file truncated in this record" if (truncated and last) else f"not valid JSON ({exc.msg})"
            return _prefix_then_fail(records, index, reason, anchors)
        if not isinstance(data, dict):
            return _prefix_then_fail(records, index, "not a JSON object", anchors)
        if canonical_json(data) != line:
            return _prefix_then_fail(records, index, "not in canonical form (the line was edited)", anchors)
        records.append(data)
    if truncated:
        result = verify_records(records, anchors=anchors, expected_count=None)
        if not result.ok:
            return result
        return _fail(len(records) - 1, "file truncated (no final newline)", len(records), result.head)
    return verify_records(records, anchors=anchors, expected_count=expected_count)


def _prefix_then_fail(records: list[Mapping[str, Any]], index: int, reason: str,
                      anchors: Mapping[int, str] | None) -> VerificationResult:
    """Report an earlier break first, if the records before ``index`` are already bad."""
    earlier = {k: v for k, v in (anchors or {}).items() if k <= len(records)}
    result = verify_records(records, anchors=earlier)
    if not result.ok:
        return result
    return _fail(index, reason, len(records), result.head)


# ----- supervisor spot-check: a stratified random sample of decisions

T = TypeVar("T")


def default_stratum(decision: Any) -> tuple[str, str]:
    """(category, decision) of a ``review.DecisionRecord`` (``.key.category``), a ``CaseItem`` (``.category``) or
    a mapping with ``category`` and ``decision``."""
    if isinstance(decision, Mapping):
        return str(decision["category"]), str(decision["decision"])
    key = getattr(decision, "key", None)
    category = getattr(key, "category", None) if key is not None else decision.category
    return str(category), str(decision.decision)


def sample(decisions: Sequence[T], rate_percent: float, seed: int | str,
           stratum: Callable[[T], Hashable] = default_stratum) -> list[T]:
    """A reproducible stratified random sample: from every (category, decision) stratum, ``ceil(rate% x size)``
    items (at least one per non-empty stratum), chosen with ``random.Random(seed)``; returned in input order."""
    if not 0 < rate_percent <= 100:
        raise ValueError("rate_percent must be in (0, 100]")
    strata: dict[Hashable, list[int]] = {}
    for index, d in enumerate(decisions):
        strata.setdefault(stratum(d), []).append(index)
    rng = random.Random(str(seed))
    chosen: list[int] = []
    for key in sorted(strata, key=repr):
        members = strata[key]
        n = max(1, math.ceil(len(members) * rate_percent / 100 - 1e-9))
        chosen.extend(rng.sample(members, min(n, len(members))))
    return [decisions[i] for i in sorted(chosen)]


@dataclass(frozen=True)
class SpotCheckResult:
    """The supervisor's verdicts on a sample: sampled, agreed and disagreed counts per stratum."""

    rate_percent: float
    seed: str
    sampled: int
    agreed: int
    disagreed: int
    by_stratum: Mapping[str, Mapping[str, int]]  # "CATEGORY/decision" -> {"sampled", "agreed", "disagreed"}

    def details(self, case_id: str) -> dict[str, Any]:
        """For an ``EventType.SPOT_CHECK`` audit record."""
        return {"case_id": case_id, "rate_percent": self.rate_percent, "seed": self.seed, "sampled": self.sampled,
                "agreed": self.agreed, "disagreed": self.disagreed,
                "by_stratum": {k: dict(v) for k, v in sorted(self.by_stratum.items())}}


def spot_check_result(verdicts: Sequence[tuple[tuple[str, str], bool]], rate_percent: float,
                      seed: int | str) -> SpotCheckResult:
    """Aggregate ((category, decision), supervisor agrees) verdicts of a sample."""
    by: dict[str, dict[str, int]] = {}
    for (category, decision), agreed in verdicts:
        row = by.setdefault(f"{category}/{decision}", {"sampled": 0, "agreed": 0, "disagreed": 0})
        row["sampled"] += 1
        row["agreed" if agreed else "disagreed"] += 1
    agreed_n = sum(1 for _, a in verdicts if a)
    return SpotCheckResult(rate_percent, str(seed), len(verdicts), agreed_n, len(verdicts) - agreed_n, by)

"""The case store: decisions are durable the moment they are made and never hold the sensitive text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.store.conftest import Backend
from workstation.domain.audit import verify_records
from workstation.domain.model import Finding
from workstation.domain.review import Decision, ManualKind, ReviewSession
from workstation.store.case_store import SCHEMA_VERSION, CaseStore, all_rows, case_id_for, default_db_path

NAME = "Maria Guadalupe Hernandez Lopez"
CODES = {"PERSON": "87(2)(b)", "NATIONALITY": "87(2)(b); AC 23-1202"}


def findings() -> list[Finding]:
    return [
        Finding("/case/report.pdf", 1, 10, 10 + len(NAME), NAME, "PERSON", 0.85, "SpacyRecognizer", ((1, 2, 3, 4),)),
        Finding("/case/report.pdf", 1, 80, 88, "Honduras", "NATIONALITY", 0.85, "Nationality"),
        Finding("/case/mail.eml", 1, 5, 5 + len(NAME), NAME, "PERSON", 0.85, "SpacyRecognizer"),
    ]


def session() -> ReviewSession:
    s = ReviewSession(CODES, "clerk1")
    s.set_findings("/case/report.pdf", findings()[:2])
    s.set_findings("/case/mail.eml", findings()[2:])
    return s


def test_decisions_persist_across_connections(backend: Backend) -> None:
    store = backend.open()
    case = store.open_case(["/case"], "case")
    s = session()
    f = s.queue()
    for action in (s.decide([f[0]], Decision.REDACT), s.decide([f[1]], Decision.RELEASE, reason="subject consents"),
                   s.add_manual([("/case/report.pdf", 1, (10, 10, 50, 20))], ManualKind.BOX, "87(2)(b)"),
                   s.not_personal_information(f[2])):
        store.apply(case.id, action, "clerk1")
        s.apply(action)
    store.save_cursor(case.id, {"document": "/case/report.pdf", "page": 1})
    store.close()

    again = backend.open()
    assert again.open_case(["/case"], "case").id == case.id
    restored = ReviewSession(CODES, "clerk1")
    restored.load(again.decisions(case.id), again.manual(case.id), again.allow_list(case.id))
    assert restored.decisions == s.decisions
    assert restored.manual == s.manual
    assert restored.allow == s.allow
    assert again.case(case.id).cursor == {"document": "/case/report.pdf", "page": 1}
    rec = restored.decisions[next(iter(restored.decisions))]
    assert rec.user == "clerk1" and rec.decided_at.endswith("+00:00")
    again.close()


def test_a_decision_is_durable_immediately(backend: Backend) -> None:
    writer = backend.open()
    reader = backend.open()
    case = writer.open_case(["/case"], "case")
    s = session()
    action = s.decide([s.queue()[0]], Decision.REDACT)
    writer.apply(case.id, action, "clerk1")
    # the writer is still open: another connection already sees the decision
    assert [d.decision for d in reader.decisions(case.id)] == [Decision.REDACT]
    s.apply(action)
    undo = s.undo_action()
    assert undo is not None
    writer.apply(case.id, undo, "clerk1")
    assert reader.decisions(case.id) == []
    kinds = [(r.event, r.details["before"], r.details["decision"]) for r in reader.audit(case.id)]
    assert kinds == [("decision", "pending", "redact"), ("undo", "redact", "pending")]
    assert verify_records(reader.audit(case.id)).ok
    writer.close()
    reader.close()


def test_killing_the_process_loses_nothing_that_was_committed(tmp_path: Path) -> None:
    db = tmp_path / "cases.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from tests.store.test_case_store import session
        from workstation.domain.review import Decision
        from workstation.store.case_store import CaseStore
        store = CaseStore({str(db)!r})
        case = store.open_case(["/case"], "case")
        s = session()
        store.apply(case.id, s.decide(s.queue()[:2], Decision.DEFER), "clerk1")
        print("decided", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL and "decided" in proc.stdout
    store = CaseStore(db)
    assert sorted(d.decision for d in store.decisions(case_id_for(["/case"]))) == [Decision.DEFER] * 2
    store.close()


def test_the_store_never_contains_the_sensitive_text(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite3")
    case = store.open_case(["/case"], "case")
    s = session()
    for action in (s.decide(s.queue(), Decision.REDACT), s.not_personal_information(s.queue()[1])):
        store.apply(case.id, action, "clerk1")
        s.apply(action)
    store.apply(case.id, s.undo_action(), "clerk1")  # type: ignore[arg-type]
    store.record_export(case.id, "clerk1", str(tmp_path / "out"), True, "ok")
    values = [v for row in all_rows(store) for v in row if isinstance(v, str)]
    assert values
    for v in values:
        assert "Hernandez" not in v and "Honduras" not in v and "honduras" not in v
    raw = (tmp_path / "cases.sqlite3").read_bytes() + (
        (tmp_path / "cases.sqlite3-wal").read_bytes() if (tmp_path / "cases.sqlite3-wal").exists() else b"")
    assert b"Hernandez" not in raw and b"Honduras" not in raw
    store.close()


def test_default_location_is_the_users_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert default_db_path() == tmp_path / "disclosure-workstation" / "cases.sqlite3"
    assert os.path.basename(default_db_path()) == "cases.sqlite3"


def test_a_scan_recorded_from_another_thread_is_visible_and_survives_reopening(backend: Backend) -> None:
    import threading

    store = backend.open()
    case = store.open_case(["/case"], "case")
    s = session()
    decision = s.decide([s.queue()[0]], Decision.REDACT)
    rows = [(f.document, f.page, f.start, f.end, f.entity_type, f.text_digest, f.score, f.recognizer, f.allow_digest)
            for f in findings()]
    errors: list[BaseException] = []

    def record() -> None:  # as the case loader does: its own connection, made in its own thread
        try:
            with store.reopen() as mine:
                mine.save_scan(case.id, [("/case/report.pdf", "ab" * 32, 1), ("/case/mail.eml", "cd" * 32, 1)],
                               rows, "clerk1", "clerk", {"case_id": case.id, "findings": len(rows)})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=record)
    worker.start()
    store.apply(case.id, decision, "clerk1")  # a decision on this thread meanwhile: both are kept, in one chain
    worker.join(30)
    assert not worker.is_alive() and errors == []
    assert [k for k, *_ in store.findings(case.id)] == [f.key for f in findings()]  # seen by this connection
    store.close()

    again = backend.open()
    assert [d for d, _, _ in again.scanned_documents(case.id)] == ["/case/report.pdf", "/case/mail.eml"]
    assert [(k, a) for k, _, _, a in again.findings(case.id)] == [(f.key, f.allow_digest) for f in findings()]
    assert [d.key for d in again.decisions(case.id)] == [s.queue()[0].key]
    records = again.audit(case.id)
    assert sorted(r.event for r in records) == ["decision", "scan-run"]
    assert verify_records(records).ok  # the hash chain is intact across the two connections
    again.close()


def test_an_in_memory_store_cannot_be_reopened() -> None:
    store = CaseStore(":memory:")
    try:
        assert not store.shareable
        with pytest.raises(ValueError):
            store.reopen()
    finally:
        store.close()


def test_audit_records_name_documents_by_label_and_path_hash(backend: Backend) -> None:
    """A decision's record holds the document's safe label and the SHA-256 of its path, never the path or the file
    name; before a scan stored a label, a neutral one."""
    from workstation.domain.naming import FALLBACK, path_sha256

    store = backend.open()
    case = store.open_case(["/case"], "case")
    s = session()
    first, second = s.queue()[0], s.queue()[2]
    early = store.apply(case.id, s.decide([first], Decision.REDACT), "clerk1")  # before the scan is recorded
    assert (early[0].details["document"], early[0].details["document_sha256"]) == (
        FALLBACK, path_sha256("/case/report.pdf"))
    store.save_scan(case.id, [("/case/report.pdf", "ab" * 32, 1), ("/case/mail.eml", "cd" * 32, 1)], [], "clerk1",
                    "clerk", {"case_id": case.id}, labels={"/case/report.pdf": "report", "/case/mail.eml": "mail"})
    assert store.document_labels(case.id) == {"/case/report.pdf": "report", "/case/mail.eml": "mail"}
    later = store.apply(case.id, s.decide([second], Decision.REDACT), "clerk1")
    manual = store.apply(case.id, s.add_manual([("/case/report.pdf", 1, (10, 10, 50, 20))], ManualKind.BOX,
                                               "87(2)(b)"), "clerk1")
    assert (later[0].details["document"], later[0].details["document_sha256"]) == (
        "mail", path_sha256("/case/mail.eml"))
    assert (manual[0].details["document"], manual[0].details["document_sha256"]) == (
        "report", path_sha256("/case/report.pdf"))
    assert not any("/case/" in r.to_json() for r in store.audit(case.id))
    assert verify_records(store.audit(case.id)).ok
    store.close()


def test_a_large_action_is_one_unbroken_chain_record_per_change(backend: Backend) -> None:
    """An action of many changes (redact every pending finding before export) chains each record to the one
    before it in the same transaction; the chain verifies and its stored head is the last record's hash."""
    store = backend.open()
    case = store.open_case(["/case"], "case")
    s = ReviewSession(CODES, "clerk1")
    many = [Finding("/case/report.pdf", 1 + i // 40, i * 20, i * 20 + 8, f"Name{i:04d}", "PERSON", 0.85, "Spacy")
            for i in range(400)]
    s.set_findings("/case/report.pdf", many)
    first = s.decide(many[:1], Decision.REDACT)
    store.apply(case.id, first, "clerk1")
    s.apply(first)
    bulk = s.decide(s.pending(), Decision.REDACT)
    store.apply(case.id, bulk, "clerk1")
    s.apply(bulk)
    single = s.decide([many[0]], Decision.RELEASE, reason="public record")
    store.apply(case.id, single, "clerk1")
    records = store.audit(case.id)
    result = verify_records(records)
    assert result.ok, result.reason
    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    assert sum(1 for r in records if r.event == "decision") == 401
    assert store.audit_head_in_tx(case.id) == records[-1].hash == result.head
    store.close()


def test_writes_in_one_transaction_are_kept_together_or_not_at_all(backend: Backend) -> None:
    """``transaction()``: the writes inside (each otherwise its own transaction) are committed together when the
    block ends, and none of them - case, scan, audit records, head - when it raises half-way."""
    from workstation.domain.review import Action

    store = backend.open()
    with pytest.raises(RuntimeError), store.transaction():
        case = store.open_case(["/case"], "case")
        store.save_scan(case.id, [("/case/report.pdf", "ab" * 32, 1)], [], "clerk1", "clerk", {"case_id": case.id})
        store.append_event(case.id, "clerk1", "clerk", "refused", {"case_id": case.id})
        raise RuntimeError("failure mid-way")
    if backend.name == "sqlite":
        assert [r for r in all_rows(store) if r != ("schema_version", str(SCHEMA_VERSION))] == []
    assert store.audit_head(case.id)[0] == 0 and store.case(case.id) is None and store.cases() == []
    with store.transaction():
        case = store.open_case(["/case"], "case")
        with pytest.raises(RuntimeError), store._tx():  # an inner step that fails is undone alone
            store.append_event(case.id, "clerk1", "clerk", "refused", {"case_id": case.id})
            raise RuntimeError("inner")
        store.append_event(case.id, "clerk1", "clerk", "refused", {"case_id": case.id})
        store.apply(case.id, Action("nothing", ()), "clerk1")
        if backend.name == "sqlite":  # another connection sees nothing before the end of the block
            import sqlite3

            raw = sqlite3.connect(store.path)
            assert raw.execute("SELECT COUNT(*) FROM cases").fetchone() == (0,)
            raw.close()
        else:
            reader = backend.open()
            assert reader.cases() == []
            reader.close()
    other = backend.open()
    assert other.case(case.id) is not None and other.audit_head(case.id)[0] == 1
    assert verify_records(other.audit(case.id)).ok
    other.close()
    store.close()

"""Counsel's sign-off dialog, the supervisor's audit view with spot-checks, and role gating in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

import workstation.cli as cli
from tests.test_case_cli import PASS, REPORT, anchor_of
from workstation.domain.signing import TrustAnchor
from workstation.qt.case_dialogs import AuditView, SignOffDialog
from workstation.service import CaseService
from workstation.store.case_store import CaseStore


@pytest.fixture
def case(tmp_path: Path, users, engine, monkeypatch) -> tuple[CaseService, str]:
    """A federal-immigration case created by the command line (the session's engine)."""
    db = tmp_path / "cases.sqlite3"
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["clerk1"])
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "report.txt").write_text(REPORT, encoding="utf-8")
    assert cli.main(["case", "new", str(tmp_path / "case"), "--name", "imm", "--recipient", "federal-immigration",
                     "--user", "clerk1", "--db", str(db)]) == 0
    store = CaseStore(db)
    service = CaseService(store, detector=engine.analyze_many,  # free text is checked, as in the window
                          users=users, anchor=TrustAnchor(frozenset({anchor_of(users)}), "test"))
    for name in ("clerk1", "counsel1", "super1"):  # their signed-in sessions: each signs the records it appends
        service.use_key(users.with_key(name, PASS[name])[1])
    yield service, service.lookup("imm").id
    store.close()


def test_signoff_dialog_needs_counsel_and_the_passphrase(qtbot, case, users):
    service, cid = case
    clerk = SignOffDialog(service, cid, users.get("clerk1"), users)
    qtbot.addWidget(clerk)
    assert not clerk.sign_button.isEnabled()
    assert "only counsel may sign off" in clerk.sign_button.toolTip()

    # a protected item deferred: the summary lists it and sign-off is refused
    address = next(i for i in service.items(cid) if i.category == "ADDRESS")
    service.decide(cid, users.get("clerk1"), [address.id], "defer")
    dialog = SignOffDialog(service, cid, users.get("counsel1"), users)
    qtbot.addWidget(dialog)
    html = dialog.summary.toPlainText()
    assert "Pending (1)" in html and "ADDRESS (defer)" in html and "federal-immigration" in html
    assert dialog.sign_button.isEnabled()
    dialog.passphrase.setText(PASS["counsel1"])
    assert dialog.sign() is False and "pending" in dialog.error.text()
    assert service.state(cid).sign_off is None

    service.decide(cid, users.get("clerk1"), [address.id], "redact")
    dialog.refresh()
    assert "Pending (0)" in dialog.summary.toPlainText()
    dialog.passphrase.setText("not the passphrase")
    assert dialog.sign() is False and "wrong passphrase" in dialog.error.text()
    assert dialog.passphrase.text() == ""  # never kept
    dialog.passphrase.setText(PASS["counsel1"])
    dialog.note.setText("checked against the request")
    assert dialog.sign() is True
    case_state = service.state(cid)
    assert case_state.state.value == "signed-off" and case_state.sign_off.actor == "counsel1"
    events = [r.event for r in service.store.audit(cid)]
    assert events[-1] == "sign-off" and "refused" in events
    assert PASS["counsel1"] not in "".join(service.store.audit_lines(cid))


def test_audit_view_filters_verifies_and_spot_checks(qtbot, case, users):
    service, cid = case
    clerk_view = AuditView(service, cid, users.get("clerk1"))
    qtbot.addWidget(clerk_view)
    assert not clerk_view.draw_button.isEnabled() and clerk_view.draw_button.toolTip()
    assert clerk_view.verify_button.isEnabled()

    view = AuditView(service, cid, users.get("super1"))
    qtbot.addWidget(view)
    total = view.table.rowCount()
    assert total == len(service.store.audit(cid)) and view.visible_rows() == total
    view.event_combo.setCurrentIndex(view.event_combo.findData("scan-run"))
    assert view.visible_rows() == 1
    view.event_combo.setCurrentIndex(0)
    view.filter.setText("case-opened")
    assert view.visible_rows() == 1
    view.filter.setText("")
    assert view.verify() is True and "intact" in view.verify_label.text()

    view.rate.setValue(10)
    view.seed.setText("3")
    view.draw()
    n = view.sample_table.rowCount()
    assert n >= 1 and view.error.text() == ""
    view.sample_table.selectRow(0)
    assert view.record(False) is False and "comment" in view.error.text()  # a fail needs a comment
    view.comment.setText("address box too small")
    view.sample_table.selectRow(0)
    assert view.record(False) is True
    for row in range(1, n):
        view.sample_table.selectRow(row)
        assert view.record(True) is True
    assert view.sample_table.item(0, 5).text().startswith("fail")
    last = service.store.audit(cid)[-1]
    assert last.event == "spot-check" and last.details["disagreed"] == 1 and last.details["sampled"] == n
    assert view.verify() is True


def test_window_title_role_and_gated_case_menu(open_window, case_dir, users, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    window = open_window([case_dir])  # a login name not in the users file works as a clerk
    assert "(clerk)" in window.windowTitle()
    assert not window.signoff_action.isEnabled() and "only counsel" in window.signoff_action.toolTip()
    assert window.audit_action.isEnabled() and window.properties_action.isEnabled()
    state = window.case_service.state(window.case.id)
    assert state.context.recipient.value == "public"  # opened in the window: the default recipient
    assert window.case_service.store.audit(window.case.id)[0].event == "case-opened"
    window.close()


def test_a_supervisor_cannot_decide_in_the_window(qtbot, engine, store, case_dir, users, monkeypatch):
    from workstation.app import build_window
    from workstation.documents.intake import case_sources
    from workstation.domain.review import Decision

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    # a supervisor does not create cases: a folder nobody opened yet is refused, saying why
    window = build_window([case_dir], store=store, engine=engine, user="super1", users=users)
    qtbot.addWidget(window)
    assert window.case is None and "may not" in window.statusBar().currentMessage()
    window.close()
    # a case a clerk opened: the supervisor reads it and cannot decide
    CaseService(store).open_for_review(case_sources([case_dir]), case_dir.name, users.get("clerk1"))
    window = build_window([case_dir], store=store, engine=engine, user="super1", users=users)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    assert "super1 (supervisor)" in window.windowTitle()
    first = window.session.queue()[0]
    assert window._commit(window.session.decide([first], Decision.REDACT)) is False
    assert window.session.state(first) is None and store.decisions(window.case.id) == []
    window.close()


def test_a_locked_category_cannot_be_released_in_the_window(qtbot, engine, case, users, tmp_path, monkeypatch):
    """A federal-immigration case: the window refuses, when the decision is made, to release a nationality item
    or to call it "not personal information" (as `case decide` does); a phone number may be released."""
    from workstation.app import build_window
    from workstation.domain.review import Decision

    warnings: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _w, _t, text: warnings.append(text))
    service, case_id = case
    window = build_window([tmp_path / "case"], store=service.store, engine=engine, user="clerk1", users=users)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    assert window.case.id == case_id
    s = window.session
    by_type = {f.entity_type: f for f in s.queue()}
    nationality, phone = by_type["NATIONALITY"], by_type["PHONE_NUMBER"]
    assert s.state(nationality) is Decision.REDACT  # by the recipient's policy, when the case was scanned
    assert window._commit(s.decide([nationality], Decision.RELEASE, reason="The requester is the subject")) is False
    assert window._commit(s.not_personal_information(nationality)) is False
    assert s.state(nationality) is Decision.REDACT and len(warnings) == 2, warnings
    assert all("NATIONALITY" in w or "override" in w for w in warnings), warnings
    assert [d.decision for d in service.store.decisions(case_id) if d.key == nationality.key] == [Decision.REDACT]
    assert not service.store.allow_list(case_id)
    assert window._commit(s.decide([phone], Decision.RELEASE))  # not a locked category
    assert s.state(phone) is Decision.RELEASE
    # the recipient's reason codes (FOIA for a federal agency), not the FOIL defaults of a public request
    person = by_type["PERSON"]
    assert window._commit(s.decide([person], Decision.REDACT))
    assert s.record(person).reason_code == "(b)(7)(C); AC 23-1202"
    choices = [window.reason_combo.itemData(i) for i in range(window.reason_combo.count())]
    assert "(b)(6); EO 34/41" in choices and not any(c.startswith("87(2)") for c in choices), choices
    window.close()


def test_free_text_typed_in_the_window_is_checked_like_the_command_line(qtbot, engine, case, users, tmp_path,
                                                                          monkeypatch):
    """Issue 12 item 4, in the window: a release reason with personal information is refused (nothing stored); a
    sign-off note and a spot-check comment are kept with it masked, and the window says so."""
    from tests.test_free_text_cli import LEGIT, PAYLOAD, PIECES
    from workstation.app import build_window
    from workstation.domain.review import Decision

    warnings: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _w, _t, text: warnings.append(text))
    service, case_id = case
    window = build_window([tmp_path / "case"], store=service.store, engine=engine, user="clerk1", users=users)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    s = window.session
    phone = next(f for f in s.queue() if f.entity_type == "PHONE_NUMBER")
    assert window._commit(s.decide([phone], Decision.RELEASE, reason=PAYLOAD)) is False
    assert "personal information" in warnings[-1] and "PERSON" in warnings[-1]
    assert not any(p in warnings[-1] for p in PIECES) and s.state(phone) is not Decision.RELEASE
    assert window._commit(s.decide([phone], Decision.RELEASE, reason=LEGIT))

    dialog = SignOffDialog(window.case_service, case_id, users.get("counsel1"), users, window)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASS["counsel1"])
    dialog.note.setText(f"checked; {PAYLOAD}")
    assert dialog.sign() is True
    assert "masked" in window.statusBar().currentMessage()
    assert window.case_service.state(case_id).sign_off.note.startswith("checked; [PERSON]")

    view = AuditView(window.case_service, case_id, users.get("super1"), window)
    qtbot.addWidget(view)
    view.rate.setValue(100)
    view.draw()
    view.sample_table.selectRow(0)
    view.comment.setText(PAYLOAD)
    assert view.record(False) is True and "masked" in view.error.text()
    trail = "".join(service.store.audit_lines(case_id))
    assert LEGIT in trail and "[PERSON]" in trail
    assert not any(p.casefold() in trail.casefold() for p in PIECES)
    window.close()

"""Issue 13: counsel's override of a locked category from the window (what ``case override`` does), validated by the
same service code: a clerk is not offered it, a missing or administrative warrant and a wrong passphrase are
refused with the command line's reason, a judicial warrant releases the item, signed and in the trail."""

from __future__ import annotations

from pathlib import Path

import pytest

import workstation.cli as cli
from tests.test_case_cli import PASS, REPORT, WARRANT
from workstation.domain.roles import UserDirectory
from workstation.qt.override_dialog import OverrideDialog
from workstation.store.case_store import CaseStore


@pytest.fixture
def imm_case(tmp_path: Path, users, engine, monkeypatch) -> tuple[Path, Path]:
    """A federal-immigration case (the sanctuary lock on nationality, status, ids, addresses) made by the CLI."""
    db = tmp_path / "cases.sqlite3"
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["clerk1"])
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    assert cli.main(["case", "new", str(folder), "--name", "imm", "--recipient", "federal-immigration",
                     "--user", "clerk1", "--db", str(db)]) == 0
    return folder, db


def _window(qtbot, engine, folder: Path, store: CaseStore, name: str, users: UserDirectory):
    from workstation.app import build_window

    window = build_window([folder], store=store, engine=engine, user=name, users=users)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    return window


def test_only_counsel_is_offered_the_override(qtbot, engine, imm_case, users) -> None:
    folder, db = imm_case
    store = CaseStore(db)
    try:
        clerk = _window(qtbot, engine, folder, store, "clerk1", users)
        assert not clerk.override_action.isVisible() and not clerk.override_action.isEnabled()
        assert "may not override" in clerk.override_action.toolTip()
        assert clerk.override_action not in [a for a in clerk.menuBar().actions() if a.isVisible()]
        # even built directly, the dialog refuses a clerk (the button is disabled, the service refuses)
        dialog = OverrideDialog(clerk.case_service, clerk.case.id, clerk.account, users)
        qtbot.addWidget(dialog)
        assert not dialog.record_button.isEnabled()
        clerk.close()
    finally:
        store.close()


def test_counsel_overrides_a_locked_item_from_the_window(qtbot, engine, imm_case, users) -> None:
    folder, db = imm_case
    store = CaseStore(db)
    try:
        window = _window(qtbot, engine, folder, store, "counsel1", users)
        assert window.override_action.isVisible() and window.override_action.isEnabled()
        nationality = next(f for found in window.session.findings.values() for f in found
                           if f.entity_type == "NATIONALITY")
        window.set_current(nationality)
        window.override_action.trigger()
        dialog: OverrideDialog = window.override_dialog
        assert dialog.item.currentData() == nationality.key  # the window's current item
        assert "Nationality · locked" in dialog.item.currentText() and "Honduras" in dialog.item.currentText()
        assert all(k.category in {"NATIONALITY", "IMMIGRATION_STATUS", "A_NUMBER", "ADDRESS"}
                   for k in dialog.keys)  # only locked / protected items are offered

        dialog.reason.setText("warrant served on the department")
        # no warrant: the command line's refusal, said in the dialog; nothing recorded
        dialog.passphrase.setText(PASS["counsel1"])
        assert dialog.record() is False and "judicial warrant" in dialog.error.text()
        assert dialog.passphrase.text() == ""  # never kept
        # an administrative warrant is not a judicial one
        dialog.warrant.setText("I-200 2026-77")
        dialog.passphrase.setText(PASS["counsel1"])
        assert dialog.record() is False and "I-200" in dialog.error.text()
        # a wrong passphrase
        dialog.warrant.setText(WARRANT)
        dialog.passphrase.setText("not the passphrase")
        assert dialog.record() is False and "passphrase" in dialog.error.text()
        assert window.case_service.store.overrides(window.case.id) == {}

        dialog.passphrase.setText(PASS["counsel1"])
        assert dialog.record() is True
        overrides = window.case_service.store.overrides(window.case.id)
        assert len(overrides) == 1
        ov = next(iter(overrides.values()))
        assert ov.actor == "counsel1" and ov.category == "NATIONALITY" and ov.signature
        assert ov.legal_basis.reference == WARRANT
        # the window shows the release at once, and the trail has the override and the refusals
        from workstation.domain.review import Decision

        assert window.session.state(nationality) is Decision.RELEASE
        events = [r.event for r in window.case_service.store.audit(window.case.id)]
        assert events.count("override") == 1 and "refused" in events
        assert PASS["counsel1"] not in "".join(window.case_service.store.audit_lines(window.case.id))
        window.close()
    finally:
        store.close()

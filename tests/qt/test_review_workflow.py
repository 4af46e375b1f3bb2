"""Issue 13: safe decisions, counsel and supervisors in the window, the pre-flight check, exemption codes, a
shared store's conflicts and Refresh - the real window driven offscreen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.qt.conftest import redact_undecided
from workstation.domain.categories import PROTECTED
from workstation.domain.review import Decision, ReviewSession
from workstation.store.case_store import CaseStore

NoMod = Qt.KeyboardModifier.NoModifier


def key(window, k: Qt.Key, mod: Qt.KeyboardModifier = NoMod) -> None:
    QTest.keyClick(window, k, mod)


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """The window's message boxes, answered at once (what they said is kept)."""
    said: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _w, _t, text, *a, **k: said.append(text))
    return said


@pytest.fixture(autouse=True)
def settings(tmp_path, monkeypatch):
    monkeypatch.setattr("workstation.qt.preflight._settings",
                        lambda: QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def as_user(qtbot, engine, store, paths, name, users):
    from workstation.app import build_window

    window = build_window(paths, store=store, engine=engine, user=name, users=users)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.page_view.setFocus()
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    return window


# ----- 1. safety of the decisions
def test_not_personal_information_is_one_category_and_a_protected_one_needs_a_reason(open_window, case_dir, store,
                                                                                     told):
    window = open_window([case_dir])
    s = window.session
    person = next(f for f in s.queue() if f.entity_type == "PERSON")
    # the same text also found as NATIONALITY (as "I am Vietnamese" was, in the issue)
    twin = replace(person, entity_type="NATIONALITY", start=person.start, end=person.end)
    s.set_findings(person.document, [*s.findings[person.document], twin])
    window._ask_yes_no = lambda title, text, default_yes=False: True
    window.set_current(person)
    key(window, Qt.Key.Key_X)
    assert s.state(person) is Decision.NOT_PI
    assert s.state(twin) is None  # the other category's finding with the same text is untouched
    assert not store.allow_list(window.case.id)
    # a protected category: X needs a written reason, typed in the field, Enter completes the same decision
    window.set_current(twin)
    key(window, Qt.Key.Key_X)
    assert s.state(twin) is None and "reason" in window.error_label.text()
    QTest.keyClicks(window.release_reason, "Surname of a witness, not a nationality")
    key(window.release_reason, Qt.Key.Key_Return)
    assert s.state(twin) is Decision.NOT_PI and s.record(twin).reason.startswith("Surname")
    # the service refuses the same thing from any door (a one-word reason)
    bad = s.decide([twin], Decision.REDACT)
    window._commit(bad)
    with pytest.raises(Exception, match="reason"):
        from workstation.domain.review import Action, Change, DecisionRecord

        rec = DecisionRecord(twin.key, Decision.NOT_PI, "", "ok", "clerk-tester", "now")
        window.case_service.apply_action(window.case.id, window.account,
                                         Action("x", (Change(s.record(twin), rec),)))


def test_not_pi_on_several_items_says_how_many_and_asks(open_window, case_dir):
    window = open_window([case_dir])
    s = window.session
    target = next(f for f in s.queue() if len(s.same_category_occurrences(f)) >= 2 and f.entity_type not in PROTECTED)
    n = len(s.same_category_occurrences(target))
    asked: list[str] = []
    window._ask_yes_no = lambda title, text, default_yes=False: asked.append(text) or False  # the reviewer cancels
    window.set_current(target)
    assert window.not_pi_button.text() == f"Not PI  X ({n})"  # how many it will change, before it is pressed
    key(window, Qt.Key.Key_X)
    assert asked and f"{n} items" in asked[0] and "not personal information" in asked[0]
    assert all(s.state(o) is None for o in s.same_category_occurrences(target))  # nothing happened
    single = next(f for f in s.pending() if len(s.same_category_occurrences(f)) == 1
                  and f.entity_type not in PROTECTED)
    asked.clear()
    window.set_current(single)
    key(window, Qt.Key.Key_X)
    assert not asked and s.state(single) is Decision.NOT_PI  # one item: no question


def test_deferred_is_not_reviewed(open_window, case_dir):
    window = open_window([case_dir])
    s = window.session
    first = window.current
    ld = window.by_path[first.document]
    row = window.docs.index(ld)
    key(window, Qt.Key.Key_D)
    assert s.state(first) is Decision.DEFER
    assert s.progress() == (0, len(s.queue()))  # waiting for counsel, not reviewed
    assert "1 deferred" in window.reviewed_label.text()
    line = window.doc_list.item(row).text()
    assert "0 of" in line and "deferred to counsel" in line and "✓" not in line
    # redacting everything else: the document is still not done while one item waits for counsel
    others = [f for f in s.findings[ld.path] if f != first]
    window._commit(s.decide(others, Decision.REDACT))
    line = window.doc_list.item(row).text()
    assert "✓" not in line and f"{len(others)} of {len(others) + 1} reviewed" in line


def test_a_release_that_needs_the_privacy_officer_says_so_when_made(open_window, case_dir):
    window = open_window([case_dir])  # public requester, routine disclosure: no protected category is routine
    s = window.session
    address = next(f for f in s.queue() if f.entity_type == "ADDRESS")
    window.set_current(address)
    QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
    window.decide(Decision.RELEASE, all_occurrences=False)
    assert s.state(address) is Decision.RELEASE
    notes = " ".join(window.last_notes)
    assert "privacy officer" in notes and "Case properties" in notes and "sign-off" in notes
    assert window.notice_label.isVisibleTo(window) and "privacy officer" in window.notice_label.text()
    # a redaction needs nothing more: the notice goes
    window.set_current(next(f for f in s.pending()))
    key(window, Qt.Key.Key_R)
    assert window.last_notes == [] and not window.notice_label.isVisibleTo(window)


# ----- 2. counsel and supervisors in the window
def test_submit_counsel_queue_and_return_from_the_case_menu(qtbot, engine, store, case_dir, users, told):
    clerk = as_user(qtbot, engine, store, [case_dir], "clerk1", users)
    s = clerk.session
    assert clerk.submit_action.isEnabled() and not clerk.return_action.isEnabled()
    assert "only counsel" in clerk.return_action.toolTip()
    clerk.submit_action.trigger()  # refused while items are undecided, saying so
    assert "undecided" in told[-1] and clerk.case_service.state(clerk.case.id).state.value == "in-review"
    deferred = s.queue()[0]
    clerk.set_current(deferred)
    key(clerk, Qt.Key.Key_D)
    released = next(f for f in s.pending() if f.entity_type == "ADDRESS")
    clerk.set_current(released)
    QTest.keyClicks(clerk.release_reason, "Requester is the subject of the record")
    clerk.decide(Decision.RELEASE, all_occurrences=False)
    redact_rest = [f for f in s.pending()]
    clerk._commit(s.decide(redact_rest, Decision.REDACT))
    clerk.submit_action.trigger()
    assert clerk.case_service.state(clerk.case.id).state.value == "ready-for-sign-off", told
    assert "ready-for-sign-off" in clerk.case_label.text()
    clerk.close()

    counsel = as_user(qtbot, engine, store, [case_dir], "counsel1", users)
    assert counsel.return_action.isEnabled() and counsel.signoff_action.isEnabled()
    counsel.queue_action.trigger()
    queue = counsel.counsel_queue_dialog
    whys = {(e.item.key, e.why) for e in queue.entries}
    assert (deferred.key, "deferred") in whys and (released.key, "protected release") in whys
    row = next(i for i, e in enumerate(queue.entries) if e.item.key == released.key)
    assert queue.table.item(row, 5).text() == "Requester is the subject of the record"
    assert queue.table.item(row, 1).text() == "Address"
    queue.table.cellClicked.emit(row, 0)  # click: the window goes to the item
    assert counsel.current == counsel.session.find(released.key)
    assert workflow_return(counsel, "the address was released without the requester's consent")
    assert counsel.case_service.state(counsel.case.id).state.value == "in-review"
    counsel.close()


def workflow_return(window, reason: str) -> bool:
    from workstation.qt import workflow

    return workflow.return_to_review(window, reason)


def test_the_supervisors_spot_check_is_in_the_case_menu(qtbot, engine, store, case_dir, users):
    from workstation.qt.case_dialogs import AuditView

    as_user(qtbot, engine, store, [case_dir], "clerk1", users).close()  # a supervisor reads cases others opened
    window = as_user(qtbot, engine, store, [case_dir], "super1", users)
    assert window.spotcheck_action.isEnabled() and not window.submit_action.isEnabled()
    window.spotcheck_action.trigger()
    views = [w for w in window.findChildren(AuditView) if w.isVisible()]
    assert views and views[0].draw_button.isEnabled()
    window.close()


# ----- 3. the pre-flight check
def test_preflight_lists_every_blocker_names_the_case_and_remembers_the_folder(open_window, case_dir, tmp_path,
                                                                              qtbot):
    from workstation.qt.preflight import last_folder

    window = open_window([case_dir])
    s = window.session
    window._ask_yes_no = lambda *a, **k: True
    key(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pre = window.preflight
    assert "sample-case" in pre.heading.text() and window.case.id not in pre.heading.text()
    messages = [r.message for r in pre.rows]
    # all at once: findings not reviewed, and the case's own rules (protected items pending)
    assert any("not reviewed yet" in m for m in messages) and any("protected items still pending" in m
                                                                  for m in messages), messages
    assert not any(str(case_dir) in m for m in messages)  # documents by the names of the document list
    # release an address (needs the privacy officer and counsel): both show up, each leading to its fix
    address = next(f for f in s.queue() if f.entity_type == "ADDRESS")
    window.set_current(address)
    QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
    window.decide(Decision.RELEASE, all_occurrences=False)
    redact_undecided(window)
    pre.refresh()
    fixes = {r.fix for r in pre.rows}
    assert not any("not reviewed" in r.message for r in pre.rows)
    assert "Case properties…" in fixes and "Sign-off…" in fixes, [(r.message, r.fix) for r in pre.rows]
    assert "release 1 (1 with a written reason)" in pre.counts.text()
    # redact it instead: nothing blocks; the export goes to the chosen folder, remembered for next time
    window.set_current(address)
    key(window, Qt.Key.Key_R)
    pre.refresh()
    assert pre.ready and pre.export_button.isEnabled(), [r.message for r in pre.rows]
    out = tmp_path / "export"
    out.mkdir()
    window._choose_directory = lambda: str(out)
    pre.export_button.click()
    qtbot.waitUntil(lambda: window.last_export is not None and not window.exporting, timeout=180_000)
    assert window.last_export.ok, window.last_export.message
    assert last_folder() == str(out)


def test_the_folder_picker_opens_on_the_last_folder_and_can_make_a_new_one(open_window, case_dir, tmp_path,
                                                                           monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from workstation.qt import preflight

    preflight.remember_folder(str(tmp_path))
    seen = {}

    def fake_exec(dialog):
        seen["dir"] = dialog.directory().absolutePath()
        seen["native"] = dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen["read_only"] = dialog.testOption(QFileDialog.Option.ReadOnly)
        return 0

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    window = open_window([case_dir])
    assert window._choose_directory() == ""
    # Qt's own dialog (it has "Create New Folder"; the platform's may not), not read-only, at the last folder
    assert seen == {"dir": str(tmp_path), "native": True, "read_only": False}


# ----- 4. exemption codes
def test_the_reason_code_dropdown_offers_the_policys_full_list_with_descriptions(open_window, case_dir, store):
    window = open_window([case_dir])
    combo = window.reason_combo
    codes = [combo.itemData(i) for i in range(combo.count())]
    for code in ("87(2)(a)", "87(2)(b)", "87(2)(e)", "87(2)(f)", "87(2)(j)", "AC 23-1202", "EO 34/41"):
        assert code in codes, codes
    i = codes.index("87(2)(f)")
    assert "life or safety" in combo.itemText(i) and "life or safety" in combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
    assert combo.accessibleName() == "Exemption code"
    target = window.session.pending()[0]
    window.set_current(target)
    combo.setCurrentIndex(i)
    key(window, Qt.Key.Key_R)
    assert window.session.record(target).reason_code == "87(2)(f)"
    stored = {d.key: d for d in store.decisions(window.case.id)}
    assert stored[target.key].reason_code == "87(2)(f)"


# ----- 5. a shared store: someone else's change, and Refresh
def test_a_decision_on_a_finding_someone_else_changed_is_refused_and_the_case_reloaded(open_window, case_dir,
                                                                                      db_path, told):
    window = open_window([case_dir])
    s = window.session
    target = s.pending()[0]
    other = CaseStore(db_path)  # another reviewer, another connection to the same store
    theirs = ReviewSession(s.reason_codes, "clerk-2")
    theirs.set_findings(target.document, s.findings[target.document])
    other.apply(window.case.id, theirs.decide([target], Decision.REDACT), "clerk-2", "clerk")
    other.close()
    window.set_current(target)
    key(window, Qt.Key.Key_E)  # this window still thinks it is pending
    assert told and "since you read it" in told[-1] and "reloaded" in told[-1]
    assert s.state(target) is Decision.REDACT and s.record(target).user == "clerk-2"  # what they decided


def test_refresh_f5_shows_what_others_decided(open_window, case_dir, db_path):
    window = open_window([case_dir])
    s = window.session
    target = s.pending()[-1]
    other = CaseStore(db_path)
    theirs = ReviewSession(s.reason_codes, "clerk-2")
    theirs.set_findings(target.document, s.findings[target.document])
    other.apply(window.case.id, theirs.decide([target], Decision.DEFER), "clerk-2", "clerk")
    other.close()
    assert s.state(target) is None
    key(window, Qt.Key.Key_F5)
    assert s.state(target) is Decision.DEFER and "deferred" in window.reviewed_label.text()


# ----- 6. fit and finish
def test_quit_command_and_readable_category_names(open_window, case_dir):
    from workstation.qt.theme import category_name

    window = open_window([case_dir])
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert [category_name(c) for c in ("US_SSN", "I94_NUMBER", "A_NUMBER")] == ["SSN", "I-94 number", "A-number"]
    window.quit_action.trigger()
    assert not window.isVisible()


def test_select_text_by_dragging_along_a_line(qtbot, open_window, case_dir):
    from tests.qt.test_main_window import COMPLAINT, drag, span_rect
    from workstation.qt.page_view import Tool

    window = open_window([case_dir])
    window.set_current(next(f for f in window.session.queue() if f.document.endswith(".pdf") and f.page == 1))
    sizes = window.centralWidget().sizes()
    key(window, Qt.Key.Key_T)
    assert window.page_view.tool is Tool.SELECT
    assert window.centralWidget().sizes() == sizes  # entering a tool does not resize the panes
    x0, y0, x1, y1 = span_rect(window, COMPLAINT, 1, "Assault 3")
    cy = (y0 + y1) / 2
    drag(qtbot, window, (x0 + 1, cy, x1 - 1, cy))  # flat: along the line, no height at all
    entries = [m for m in window.session.manual.values() if m.kind.value == "selection"]
    assert len(entries) == 1
    bx0, by0, bx1, by1 = entries[0].box
    assert bx0 <= x0 + 1 and bx1 >= x1 - 1 and by0 <= cy <= by1


def test_the_window_is_never_larger_than_the_screen(open_window, case_dir):
    from PySide6.QtGui import QGuiApplication

    from workstation.qt.main_window import fitted_size

    window = open_window([case_dir])
    area = QGuiApplication.primaryScreen().availableGeometry()  # the offscreen screen: 800 x 800
    assert window.height() <= area.height()
    # a 1920 x 1080 screen at 150 % scaling has 1280 x 720 logical pixels: the window fits in it
    hint = window.minimumSizeHint()
    assert hint.width() <= 1216 and hint.height() <= 684, hint
    assert fitted_size(10_000, 10_000) == (int(area.width() * 0.95), int(area.height() * 0.95))
    assert fitted_size(100, 80) == (100, 80)
    # names for screen readers on what a reviewer works with
    for widget in (window.doc_list, window.page_view, window.findings.tree, window.release_reason,
                   window.reason_combo, window.current_label):
        assert widget.accessibleName(), widget.objectName()


def test_a_reason_is_checked_once_the_engine_built_in_the_background_is_ready(qtbot, engine, store, case_dir, told):
    """The application builds the engine in the background: a release reason typed after that is checked with it
    (it was refused as "the detection engine is not ready" until a dialog of the Case menu had been opened)."""
    from workstation.app import build_window

    window = build_window([case_dir], store=store, engine=None, factory=lambda: engine, user="clerk-tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    assert window.engine is engine
    address = next(f for f in window.session.queue() if f.entity_type == "ADDRESS")
    window.set_current(address)
    QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
    assert window.decide(Decision.RELEASE, all_occurrences=False), told
    assert window.session.state(address) is Decision.RELEASE

"""The real main window, driven offscreen with the keyboard and the mouse (pytest-qt)."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import USER, redact_undecided
from workstation.documents.raster import page_texts
from workstation.domain.categories import PROTECTED
from workstation.domain.review import Decision, FindingKey, ManualKind
from workstation.qt.page_view import Tool
from workstation.store.case_store import CaseStore, all_rows

NoMod = Qt.KeyboardModifier.NoModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Ctrl = Qt.KeyboardModifier.ControlModifier
COMPLAINT = "complaint-report-2026-115-004217"


def key(window, k: Qt.Key, mod: Qt.KeyboardModifier = NoMod) -> None:
    QTest.keyClick(window, k, mod)


def doc(window, name: str):
    return next(d for d in window.docs if d.name == name)


def drag(qtbot, window, rect: tuple[float, float, float, float]) -> None:
    """Press, move and release the mouse on the page view over ``rect`` (page points)."""
    view = window.page_view
    x0, y0, x1, y1 = rect
    a = view.map_page_to_viewport(x0, y0).toPoint()
    b = view.map_page_to_viewport(x1, y1).toPoint()
    mid = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, NoMod, a)
    QTest.mouseMove(view.viewport(), mid)
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, NoMod, b)


def span_rect(window, name: str, page: int, text: str) -> tuple[float, float, float, float]:
    """The box of ``text`` on a page of a document's layout."""
    p = doc(window, name).layout_page(page)
    i = p.text.index(text)
    (rect,) = p.boxes_for_span(i, i + len(text))
    return rect


def test_opens_the_sample_case_with_the_first_page_at_once_and_detects_in_the_background(qtbot, open_window,
                                                                                         case_dir):
    window = open_window([case_dir], wait=False)
    # loading and detection run in a worker thread: the window is up and responsive meanwhile
    assert window.detecting and window._loader is not None and window._loader.running
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: window.current_page == 1, timeout=5_000)  # the first page is on screen at once
    assert window.page_view._pixmap_item is not None
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    assert not window.progress.isVisible()
    names = [d.name for d in window.docs]
    assert names == [COMPLAINT, "shelter-email", "shelter-email.referral-note", "shelter-intake-form",
                     "witness-statement-adeyemi"]
    assert all(d.ready and not d.error for d in window.docs)
    done, total = window.session.progress()
    assert done == 0 and total > 40
    assert window.reviewed_label.text().strip() == f"Reviewed 0 of {total}"
    assert "Role: clerk" in window.role_label.text()
    # the guided review starts on the first pending finding in reading order, its page on screen and emphasised
    first = window.session.queue()[0]
    assert window.current == first
    assert window.current_doc.name == COMPLAINT
    keys = [k for k, _ in window.page_view.overlay_rects()]
    assert FindingKey.of(first) in keys
    assert "0 of" in window.doc_list.item(0).text()
    # findings panel: grouped by category, with a context snippet
    tree = window.findings.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(g.startswith("Person") for g in groups) and any(g.startswith("Nationality") for g in groups)
    child = tree.topLevelItem(0).child(0)
    assert "[" in child.text(0) and "…" in child.text(0)


def test_keyboard_review_redact_release_defer_undo_and_navigation(open_window, case_dir, db_path):
    window = open_window([case_dir])
    s = window.session
    first = window.current
    key(window, Qt.Key.Key_R)
    rec = s.record(first)
    assert rec.decision is Decision.REDACT and rec.reason_code == window.policy.reason_codes[first.entity_type]
    assert rec.user == USER
    second = window.current
    assert second != first and s.state(second) is None  # advanced to the next pending finding
    key(window, Qt.Key.Key_D)
    assert s.state(second) is Decision.DEFER
    # previous/next pending
    third = window.current
    key(window, Qt.Key.Key_N)
    assert window.current == s.next_pending(third)
    key(window, Qt.Key.Key_P)
    assert window.current == third
    # J/K walk every finding (decided ones too)
    key(window, Qt.Key.Key_K)
    assert window.current == second
    key(window, Qt.Key.Key_J)
    assert window.current == third
    # undo (Ctrl+Z) returns to the finding and makes it pending again
    key(window, Qt.Key.Key_Z, Ctrl)
    assert s.state(second) is None and window.current == second
    key(window, Qt.Key.Key_U)
    assert s.state(first) is None and window.current == first
    # release of a protected category requires a reason
    protected = next(f for f in s.queue() if f.entity_type in PROTECTED)
    window.set_current(protected)
    key(window, Qt.Key.Key_E)
    assert s.state(protected) is None
    assert "needs a written reason" in window.error_label.text()
    assert window.release_reason.hasFocus()
    QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
    key(window.release_reason, Qt.Key.Key_Return)
    rec = s.record(protected)
    assert rec.decision is Decision.RELEASE and rec.reason == "Requester is the subject of the record"
    # a non-protected category can be released without a reason
    person = next(f for f in s.pending() if f.entity_type == "PERSON")
    window.set_current(person)
    key(window, Qt.Key.Key_E)
    assert s.state(person) is Decision.RELEASE
    # choose another reason code for a redaction
    nxt = window.current
    window.reason_combo.setCurrentIndex(window.reason_combo.findData("87(2)(b); EO 34/41"))
    key(window, Qt.Key.Key_R)
    assert s.record(nxt).reason_code == "87(2)(b); EO 34/41"
    # every decision is already in the store (a new connection sees it), with who and when
    other = CaseStore(db_path)
    stored = {d.key: d for d in other.decisions(window.case.id)}
    assert stored == s.decisions
    assert all(d.user == USER and d.decided_at for d in stored.values())
    other.close()
    assert window.reviewed_label.text().strip() == f"Reviewed {len(s.decisions)} of {len(s.queue())}"


def test_apply_to_every_occurrence_and_not_personal_information(open_window, case_dir, store):
    """X is scoped to one category (decisions per finding, no case-wide allow-list)."""
    window = open_window([case_dir])
    s = window.session
    repeated = next(f for f in s.queue() if len(s.occurrences(f)) >= 2 and f.entity_type == "PERSON")
    window.set_current(repeated)
    key(window, Qt.Key.Key_R, Shift)
    occ = s.occurrences(repeated)
    assert len({o.document for o in occ}) >= 1 and all(s.state(o) is Decision.REDACT for o in occ)
    key(window, Qt.Key.Key_Z, Ctrl)  # one undo reverts all of them
    assert all(s.state(o) is None for o in occ)
    # the checkbox (A) does the same for the next decision
    window.set_current(repeated)
    key(window, Qt.Key.Key_A)
    assert window.all_occurrences.isChecked()
    key(window, Qt.Key.Key_D)
    assert all(s.state(o) is Decision.DEFER for o in occ)
    assert not window.all_occurrences.isChecked()
    # "not personal information": every occurrence of the text in the same category, after confirming how many
    target = next(f for f in s.pending() if len(s.same_category_occurrences(f)) >= 2
                  and f.entity_type not in PROTECTED and f.entity_type != repeated.entity_type)
    asked: list[str] = []
    window._ask_yes_no = lambda title, text, default_yes=False: asked.append(text) or True
    window.set_current(target)
    key(window, Qt.Key.Key_X)
    n = len(s.same_category_occurrences(target))
    assert asked and f"{n} items" in asked[0]
    assert all(s.state(o) is Decision.NOT_PI for o in s.same_category_occurrences(target))
    assert not store.allow_list(window.case.id)  # no case-wide allow-list entry
    stored = {d.key: d.decision for d in store.decisions(window.case.id)}
    assert all(stored[o.key] is Decision.NOT_PI for o in s.same_category_occurrences(target))
    # the store holds hashes, never the text
    texts = {f.text for f in s.queue()}
    for row in all_rows(store):
        for value in row:
            if isinstance(value, str):
                assert not any(t in value for t in texts if len(t) > 4), value


def test_page_follows_the_current_finding_and_boxes_sit_on_their_words_at_every_zoom(open_window, case_dir):
    window = open_window([case_dir])
    s = window.session
    on_page_2 = next(f for f in s.queue() if f.document.endswith(".pdf") and f.page == 2)
    window.set_current(on_page_2)
    assert window.current_page == 2 and window.page_spin.value() == 2
    # the text document is shown on its rendered layout, and the page follows there too
    txt = next(f for f in s.queue() if f.document.endswith(".txt"))
    window.set_current(txt)
    assert window.current_doc.name == "witness-statement-adeyemi"
    view = window.page_view
    for zoom in (0.5, 1.0, 2.0, 4.0):
        view.set_zoom(zoom)
        # the page image covers exactly the page in points, and boxes are drawn in the same points
        img = view._pixmap_item
        r = img.sceneBoundingRect()
        w, h = view.page_size
        assert abs(r.width() - w) < 1.0 and abs(r.height() - h) < 1.0
        rects = dict(view.overlay_rects())
        x0, y0, x1, y1 = rects[FindingKey.of(txt)]
        (bx0, by0, bx1, by1), = window.current_doc.placements[FindingKey.of(txt)][window.current_page][:1]
        assert abs(x0 - (bx0 - 1)) < 0.01 and abs(y1 - (by1 + 1)) < 0.01
        # the glyphs under the box are dark pixels in the rendered image
        image = img.pixmap().toImage()
        scale = 1 / img.scale()
        dark = 0
        for px in range(int(bx0 * scale), int(bx1 * scale), max(1, int(scale))):
            for py in range(int(by0 * scale), int(by1 * scale)):
                if image.pixelColor(px, py).lightness() < 110:
                    dark += 1
        assert dark > 0, f"no glyph pixels under the box at zoom {zoom}"
    key(window, Qt.Key.Key_BracketRight)  # page navigation keeps within the document
    assert window.current_page == 1


def test_manual_box_text_selection_whole_page_and_delete(qtbot, open_window, case_dir, store):
    window = open_window([case_dir])
    s = window.session
    window.set_current(next(f for f in s.queue() if f.document.endswith(".pdf") and f.page == 1))
    key(window, Qt.Key.Key_B)
    assert window.page_view.tool is Tool.BOX
    target = span_rect(window, COMPLAINT, 1, "2026-115-004217")
    drag(qtbot, window, (target[0] - 2, target[1] - 2, target[2] + 2, target[3] + 2))
    (box,) = [m for m in s.manual.values() if m.kind is ManualKind.BOX]
    assert box.page == 1 and box.document.endswith(".pdf")
    # the box drawn with the mouse is where the mouse was, in page points (within a pixel)
    tol = 1.5 / window.page_view.zoom
    assert all(abs(a - b) <= tol for a, b in zip(box.box, (target[0] - 2, target[1] - 2, target[2] + 2,
                                                           target[3] + 2), strict=True))
    # select text
    key(window, Qt.Key.Key_T)
    word = span_rect(window, COMPLAINT, 1, "Assault 3")
    drag(qtbot, window, (word[0] + 1, word[1] + 2, word[2] - 1, word[3] - 2))
    (sel,) = [m for m in s.manual.values() if m.kind is ManualKind.SELECTION]
    assert abs(sel.box[0] - word[0]) < 0.5 and abs(sel.box[2] - word[2]) < 0.5
    key(window, Qt.Key.Key_Escape)
    assert window.page_view.tool is Tool.REVIEW
    # whole page
    key(window, Qt.Key.Key_W)
    (page,) = [m for m in s.manual.values() if m.kind is ManualKind.PAGE]
    assert page.box == (0.0, 0.0, 612.0, 792.0)
    assert len(store.manual(window.case.id)) == 3
    # undo the whole page; click the box and delete it
    key(window, Qt.Key.Key_Z, Ctrl)
    assert len(s.manual) == 2
    centre = window.page_view.map_page_to_viewport((target[0] + target[2]) / 2, (target[1] + target[3]) / 2)
    QTest.mouseClick(window.page_view.viewport(), Qt.MouseButton.LeftButton, NoMod, centre.toPoint())
    assert window.selected_manual == box.id
    key(window, Qt.Key.Key_Delete)
    assert box.id not in s.manual and len(store.manual(window.case.id)) == 1


def test_search_and_redact_previews_every_match_before_applying(open_window, case_dir):
    window = open_window([case_dir])
    key(window, Qt.Key.Key_F, Ctrl)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    QTest.keyClicks(dialog.term, "landlord")
    key(dialog.term, Qt.Key.Key_Return)
    matches = dialog.matches
    assert len(matches) >= 2 and {m.document_name for m in matches} >= {COMPLAINT, "witness-statement-adeyemi"}
    assert "landlord" in dialog.summary.text() or str(len(matches)) in dialog.summary.text()
    assert not window.session.manual  # nothing applied by the preview
    # uncheck one, apply the rest
    dialog.results.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.apply_button.click()
    search = [m for m in window.session.manual.values() if m.kind is ManualKind.SEARCH]
    assert len(search) >= len(matches) - 1
    # a regular expression
    dialog.term.clear()
    dialog.regex.setChecked(True)
    QTest.keyClicks(dialog.term, r"\(\d{3}\) 555-\d{4}")
    key(dialog.term, Qt.Key.Key_Return)
    assert dialog.matches and all("555-" in m.context for m in dialog.matches)
    dialog.term.clear()
    QTest.keyClicks(dialog.term, "([")
    key(dialog.term, Qt.Key.Key_Return)
    assert "Invalid regular expression" in dialog.summary.text()


def test_shortcuts_overlay(open_window, case_dir):
    window = open_window([case_dir])
    QTest.keyClick(window, Qt.Key.Key_Question)
    assert window.overlay.isVisible()
    key(window, Qt.Key.Key_Escape)
    assert not window.overlay.isVisible()


def test_pending_and_deferred_findings_block_export_and_are_never_redacted_in_bulk(open_window, case_dir, tmp_path,
                                                                                    qtbot):
    window = open_window([case_dir])
    s = window.session
    out = tmp_path / "out"
    window._choose_directory = lambda: str(out)
    window._ask_yes_no = lambda *a, **k: pytest.fail("the export asks nothing: it lists the blockers")
    key(window, Qt.Key.Key_D)  # one deferred to counsel
    deferred = s.deferred()
    assert len(deferred) == 1
    key(window, Qt.Key.Key_E, Ctrl)
    pre = window.preflight
    assert pre.isVisible() and not pre.ready and not pre.export_button.isEnabled()
    messages = [r.message for r in pre.rows]
    assert any("not reviewed yet" in m for m in messages) and any("deferred to counsel" in m for m in messages)
    assert "Redact all" not in " ".join(messages)
    assert pre.export() is False and window.export_to(out) is False and not out.exists()
    assert "Export blocked" in window.last_export.message
    # nothing was decided by the attempt: the pending stay pending, the deferred stays deferred
    assert s.pending() and s.deferred() == deferred and len(s.decisions) == 1
    # a blocker leads to what fixes it: the first pending finding
    row = next(i for i, r in enumerate(pre.rows) if "not reviewed yet" in r.message)
    pre._go(pre.blockers.item(row))
    assert window.current == s.pending()[0] and not pre.isVisible()


def test_unreadable_files_are_reported_and_the_others_are_reviewed(open_window, tmp_path):
    case = tmp_path / "mixed"
    case.mkdir()
    (case / "a-statement.txt").write_text("Statement of Maria Gonzalez, a Honduran national.\n", encoding="utf-8")
    (case / "b-corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    enc = pymupdf.open()
    enc.new_page().insert_text((72, 72), "Secret")
    enc.save(case / "c-encrypted.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="u")
    window = open_window([case])
    by_name = {d.name: d for d in window.docs}
    assert by_name["a-statement"].ready and window.session.findings[by_name["a-statement"].path]
    assert "corrupt" in by_name["b-corrupt.pdf"].error.lower()
    assert "encrypted" in by_name["c-encrypted.pdf"].error.lower()
    assert "⚠" in window.doc_list.item(1).text() and "encrypted" in window.doc_list.item(2).text()
    window.doc_list.setCurrentRow(2)
    assert "encrypted" in window.page_view.message


def test_review_export_and_reopen_end_to_end(qtbot, open_window, case_dir, tmp_path, db_path):
    """Open -> detect -> keyboard review of the whole queue -> manual tools -> verified export -> reopen."""
    window = open_window([case_dir])
    s = window.session
    confirmations: list[str] = []
    window._ask_yes_no = lambda title, text, default_yes=False: confirmations.append(text) or True
    # 1. walk the queue with the keyboard: release one protected text everywhere (with a reason), redact the rest
    released = released_plain = None
    while s.pending():
        f = window.current
        assert f is not None and s.state(f) is None
        if released is None and f.entity_type == "NATIONALITY":
            key(window, Qt.Key.Key_E, Shift)
            assert s.state(f) is None  # refused: a reason is required
            QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
            key(window.release_reason, Qt.Key.Key_Return)
            released = f
            assert all(s.state(o) is Decision.RELEASE for o in s.occurrences(f))
            # said when it is made, not only at export: a protected release needs counsel's sign-off
            assert any("counsel's sign-off" in n for n in window.last_notes), window.last_notes
            assert window.notice_label.isVisibleTo(window) and "sign-off" in window.notice_label.text()
        elif released_plain is None and f.entity_type == "PHONE_NUMBER":
            key(window, Qt.Key.Key_E, Shift)  # not a protected category: no reason needed
            released_plain = f
            assert all(s.state(o) is Decision.RELEASE for o in s.occurrences(f))
        else:
            key(window, Qt.Key.Key_R)
    assert released is not None and released_plain is not None
    # 2. manual tools: a box over the complaint number, a text selection and a search-and-redact
    window.set_current(next(f for f in s.queue() if f.document.endswith(".pdf") and f.page == 1))
    key(window, Qt.Key.Key_B)
    number = span_rect(window, COMPLAINT, 1, "2026-115-004217")
    drag(qtbot, window, (number[0] - 1, number[1] - 1, number[2] + 1, number[3] + 1))
    key(window, Qt.Key.Key_T)
    assault = span_rect(window, COMPLAINT, 1, "Assault 3")
    drag(qtbot, window, (assault[0] + 1, assault[1] + 2, assault[2] - 1, assault[3] - 2))
    key(window, Qt.Key.Key_Escape)
    key(window, Qt.Key.Key_F, Ctrl)
    QTest.keyClicks(window.search_dialog.term, "landlord")
    key(window.search_dialog.term, Qt.Key.Key_Return)
    window.search_dialog.apply_button.click()
    window.search_dialog.close()
    assert window.reviewed_label.text().strip() == f"Reviewed {len(s.queue())} of {len(s.queue())}"
    # 3. export through the verified pipeline
    out = tmp_path / "export"
    window._choose_directory = lambda: str(out)
    # a protected item released to a public requester needs counsel's sign-off: the pre-flight check says so
    # before any folder is chosen, and Export is not offered
    key(window, Qt.Key.Key_E, Ctrl)
    pre = window.preflight
    assert pre is not None and pre.isVisible() and not pre.ready and not pre.export_button.isEnabled()
    assert any("NATIONALITY" in r.message and "sign-off" in r.message for r in pre.rows), [r.message for r in pre.rows]
    assert pre.export() is False and not out.exists()
    pre.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.set_current(released)
    key(window, Qt.Key.Key_R, Shift)  # redact it everywhere instead
    assert all(s.state(o) is Decision.REDACT for o in s.occurrences(released))
    window.last_export = None
    key(window, Qt.Key.Key_E, Ctrl)
    assert window.preflight.ready, [r.message for r in window.preflight.rows]
    window.preflight.export_button.click()
    qtbot.waitUntil(lambda: window.last_export is not None and not window.exporting, timeout=180_000)
    result = window.last_export
    assert result.ok, result.message
    assert "verified" in result.message.lower()
    pdfs = sorted(out.glob("*.redacted.pdf"))
    assert len(pdfs) == 5 and len(list(out.glob("*.redactions.csv"))) == 5  # the log beside each output
    # outputs are named after the documents' safe labels: the witness's name in a file name is not exported
    labels = window.case_service.store.document_labels(window.case.id)
    assert [labels[d.path] for d in window.docs] == [COMPLAINT, "shelter-email", "shelter-email.referral-note",
                                                     "shelter-intake-form", "witness-statement-redacted"]
    assert not any("adeyemi" in p.name.lower() for p in out.iterdir())
    texts = {p.name.removesuffix(".redacted.pdf"): page_texts(p.read_bytes()) for p in pdfs}
    for d in window.docs:
        exported = pymupdf.open(out / f"{labels[d.path]}.redacted.pdf")
        for f in s.findings[d.path]:
            for page_no, boxes in d.placements[FindingKey.of(f)].items():
                for x0, y0, x1, y1 in boxes:
                    inner = pymupdf.Rect(x0 + 0.5, y0 + 0.3 * (y1 - y0), x1 - 0.5, y1 - 0.3 * (y1 - y0))
                    left = exported[page_no - 1].get_text("text", clip=inner).strip()
                    if s.state(f) is Decision.REDACT:
                        assert left == "", (d.name, f.entity_type, page_no)  # removed, not just covered
                    else:
                        assert left  # released text is still there
        exported.close()
        assert "landlord" not in " ".join(texts[labels[d.path]]).lower()
    complaint = texts[COMPLAINT]
    assert "2026-115-004217" not in complaint[0] and "Assault 3" not in complaint[0]
    assert "Incident:" in complaint[0]  # words beside the boxes survive
    assert released_plain.text in " ".join(texts[labels[released_plain.document]])  # released kept
    assert released.text not in " ".join(texts[labels[released.document]])
    log = list(csv.DictReader(io.StringIO((out / f"{COMPLAINT}.redactions.csv").read_text())))
    assert {r["recognizer"] for r in log} >= {"manual"}
    assert any(r["category"] == "MANUAL-SEARCH" for r in log) and any(r["category"] == "MANUAL-BOX" for r in log)
    log_text = (out / f"{COMPLAINT}.redactions.csv").read_text()
    assert "Hernandez" not in log_text
    # the same package as `workstation case export`: the Vaughn index and the disclosure record beside the PDFs,
    # every output's SHA-256 in the case's audit trail, the case marked exported
    for name in ("vaughn-index.csv", "vaughn-index.pdf", "disclosure-record.json"):
        assert (out / name).is_file(), name
    [export] = [r for r in window.case_service.store.audit(window.case.id) if r.event == "export"][-1:]
    assert export.details["verified"] is True
    written = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}
    assert export.details["outputs"] == written
    assert sorted(Path(f).name for f in result.files) == sorted(written)
    assert window.case_label.text().endswith("· exported")
    # 4. close and reopen: every decision, manual redaction and the reviewer's place come back
    decisions, manual, allow = dict(s.decisions), dict(s.manual), dict(s.allow)
    window.set_current(s.queue()[7])
    where = (FindingKey.of(window.current), window.current_page, window.page_view.zoom)
    window.close()
    store2 = CaseStore(db_path)
    again = open_window([case_dir], the_store=store2)
    try:
        assert again.session.decisions == decisions
        assert again.session.manual == manual and again.session.allow == allow
        assert again.session.pending() == []
        assert (FindingKey.of(again.current), again.current_page, again.page_view.zoom) == where
        audit = store2.audit(again.case.id)
        exports = [r for r in audit if r.event == "export"]
        assert exports[-1].details["verified"] is True and audit[-1].event == "scan-run"  # reopened: scanned again
    finally:
        again.close()
        store2.close()


@pytest.mark.parametrize("mode", ["released-inside-redacted"])
def test_mixed_decisions_on_one_text_block_export_with_a_clear_message(open_window, case_dir, tmp_path, mode):
    window = open_window([case_dir])
    s = window.session
    repeated = next(f for f in s.queue() if sum(o.document == f.document for o in s.occurrences(f)) >= 2
                    and f.entity_type not in PROTECTED)
    same_doc = [o for o in s.occurrences(repeated) if o.document == repeated.document]
    window.set_current(same_doc[0])
    key(window, Qt.Key.Key_R)
    window.set_current(same_doc[1])
    key(window, Qt.Key.Key_E)
    assert redact_undecided(window) and window.export_to(tmp_path / "o") is False
    assert "redacted elsewhere" in window.last_export.message
    assert not (tmp_path / "o").exists()
    assert Path(window.current.document) == Path(same_doc[1].document)


def test_findings_filters_by_category_decision_and_score(open_window, case_dir):
    window = open_window([case_dir])
    panel = window.findings
    total = len(panel.visible_keys())
    first = window.current
    key(window, Qt.Key.Key_R)
    panel.decision.setCurrentIndex(1)  # Pending
    assert FindingKey.of(first) not in panel.visible_keys() and len(panel.visible_keys()) == total - 1
    panel.decision.setCurrentIndex(2)  # Redact
    assert panel.visible_keys() == [FindingKey.of(first)]
    panel.decision.setCurrentIndex(0)
    panel.category.setCurrentIndex(panel.category.findData("NATIONALITY"))
    shown = [window.session.find(k) for k in panel.visible_keys()]
    assert shown and all(f.entity_type == "NATIONALITY" for f in shown)
    assert panel.tree.topLevelItemCount() == 1
    panel.category.setCurrentIndex(0)
    panel.min_score.setValue(0.9)
    assert all(window.session.find(k).score >= 0.9 for k in panel.visible_keys())
    assert len(panel.visible_keys()) < total


def test_a_failed_verification_names_the_page_and_writes_nothing(open_window, case_dir, tmp_path, qtbot,
                                                                 monkeypatch):
    import workstation.pipeline as pipeline
    from workstation.domain.errors import VerificationError

    real = pipeline.build_export

    def failing(scanned, policy, **kw):
        if scanned.document.name == "shelter-intake-form":
            raise VerificationError(scanned.document.path, 1, "removed text still extractable (pdfminer.six)")
        return real(scanned, policy, **kw)

    monkeypatch.setattr(pipeline, "build_export", failing)
    window = open_window([case_dir])
    out = tmp_path / "out"
    assert redact_undecided(window) and window.export_to(out)
    qtbot.waitUntil(lambda: window.last_export is not None and not window.exporting, timeout=180_000)
    result = window.last_export
    assert not result.ok and result.failed_page == 1 and result.failed_document.endswith(".docx")
    assert "page 1" in result.message and "nothing was written" in result.message
    assert not out.exists() or not any(out.iterdir())
    assert window.case_service.store.audit(window.case.id)[-1].details["verified"] is False


def test_scanned_pages_show_ocr_progress_then_their_findings(qtbot, open_window, tmp_path, monkeypatch):
    """A scanned PDF: its line in the documents pane counts the pages read by OCR, then shows review progress;
    the findings on the OCR text are reviewable like any other."""
    from benchmarks.scans import add_scan_page, render_gray, text_pdf
    from workstation.documents.ocr import ocr_text_of_pdf_pages
    from workstation.qt.window_loading import CaseLoading

    lines = ["Complainant Maria Gonzalez can be reached at maria.gonzalez@example.com today.",
             "She stated that she is a Honduran national and lives in the Bronx."]
    pdf = pymupdf.open()
    for _ in range(2):
        add_scan_page(pdf, render_gray(text_pdf([lines]), 0, 200), 200)
    case = tmp_path / "scans"
    case.mkdir()
    pdf.save(case / "scanned-statement.pdf")
    pdf.close()

    seen: list[tuple[int, int, str]] = []
    real = CaseLoading._on_ocr_progress

    def spy(self, path, done, total):
        real(self, path, done, total)
        seen.append((done, total, self.w.doc_list.item(0).text()))

    monkeypatch.setattr(CaseLoading, "_on_ocr_progress", spy)
    window = open_window([case])
    assert [(d, t) for d, t, _ in seen] == [(1, 2), (2, 2)]
    assert all(f"reading scanned pages (OCR): {d} of 2" in text for d, _, text in seen)
    line = window.doc_list.item(0).text()
    assert "OCR" not in line and "reviewed" in line, line
    texts = {f.text for f in window.session.findings[window.docs[0].path]}
    assert {"Maria Gonzalez", "maria.gonzalez@example.com", "Honduran"} <= texts, texts
    # exported from the window: the pixels are blanked and verified by OCR; no text layer on the scanned pages
    out = tmp_path / "out"
    assert redact_undecided(window) and window.export_to(out)
    qtbot.waitUntil(lambda: window.last_export is not None and not window.exporting, timeout=120_000)
    assert window.last_export.ok, window.last_export.message
    exported = (out / "scanned-statement.redacted.pdf").read_bytes()
    with pymupdf.open(stream=exported, filetype="pdf") as done:
        assert [p.get_text() for p in done] == ["", ""]
    reread = " ".join(ocr_text_of_pdf_pages(exported, [1, 2]).values())
    assert "Complainant" in reread and "reached" in reread  # the rest of the page is still there
    for gone in ("Gonzalez", "example.com", "Honduran"):
        assert gone not in reread, reread

"""Start the review window on the bundled sample case and save screenshots of its main states.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python packaging/screenshots.py [OUT_DIR] [--training]

Writes PNGs into docs/screenshots/ (or OUT_DIR); ``--training``: only training mode's views
(``packaging/training_screenshots.py``, also taken at the end of a full run). The case store is a temporary database, so the user's own store
is not touched. The detection engine is built by the application itself, in the background.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from workstation.app import build_window  # noqa: E402
from workstation.domain.review import Decision  # noqa: E402
from workstation.store.case_store import CaseStore  # noqa: E402


def pump(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait(cond: Callable[[], bool], timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Disclosure Review Workstation")
    from training_screenshots import training_shots

    if "--training" in sys.argv:
        training_shots(out, pump, wait)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    store = CaseStore(tmp / "cases.sqlite3")
    case = tmp / "sample-case"
    import shutil

    from workstation.paths import SAMPLE_CASE

    shutil.copytree(SAMPLE_CASE, case)
    window = build_window([case], store=store, user="jdoe")
    window.resize(1560, 960)
    window.move(20, 20)
    window.show()
    window.activateWindow()
    # a modal message would stop the script: said on the console instead
    from PySide6.QtWidgets import QMessageBox

    for kind in ("information", "warning", "critical"):
        setattr(QMessageBox, kind, staticmethod(lambda _w, title, text, *a, **k: print(f"[{title}] {text}")))
    # "several items" questions answered yes
    window._ask_yes_no = lambda title, text, default_yes=False: True  # type: ignore[method-assign]
    started = time.monotonic()

    def shot(name: str, widget: QWidget | None = None) -> None:
        pump(0.3)
        if widget is None:
            window.grab().save(str(out / name))
        else:
            screen = QGuiApplication.primaryScreen()
            screen.grabWindow(0).save(str(out / name))
        print(out / name)

    pump(0.4)
    shot("01-loading.png")
    wait(lambda: not window.detecting)
    shot("02-review-start.png")

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(window, k, mod)
        pump(0.05)

    # a few decisions on the first page: redact, redact, defer, release (reason), redact ...
    key(Qt.Key.Key_R)
    key(Qt.Key.Key_R)
    key(Qt.Key.Key_R)
    key(Qt.Key.Key_D)
    key(Qt.Key.Key_R)
    key(Qt.Key.Key_R)
    s = window.session
    nat = next(f for f in s.pending() if f.entity_type == "NATIONALITY")
    window.set_current(nat)
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)  # release every occurrence: a reason is required
    shot("03-release-needs-reason.png")
    QTest.keyClicks(window.release_reason, "Requester is the subject of the record")
    QTest.keyClick(window.release_reason, Qt.Key.Key_Return)
    shot("04-decisions-on-page.png")  # the notice: this release needs the privacy officer and counsel
    key(Qt.Key.Key_R)

    # the exemption codes offered for a redaction, with their descriptions
    window.reason_combo.showPopup()
    pump(0.3)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(out / "19-exemption-codes.png"))
    print(out / "19-exemption-codes.png")
    window.reason_combo.hidePopup()

    window.page_view.set_zoom(2.0)
    window.set_current(window.current)
    shot("05-zoom-200.png")
    window.page_view.set_zoom(0.75)
    shot("06-zoom-75.png")
    window.page_view.fit_width()

    # manual tools: a box and a text selection on page 1 of the complaint
    complaint = window.docs[0]
    window.set_current(next(f for f in s.queue() if f.document == complaint.path and f.page == 1))
    page = complaint.layout_page(1)
    assert page is not None
    i = page.text.index("2026-115-004217")
    (x0, y0, x1, y1), = page.boxes_for_span(i, i + len("2026-115-004217"))
    key(Qt.Key.Key_B)
    view = window.page_view
    a = view.map_page_to_viewport(x0 - 1, y0 - 1).toPoint()
    b = view.map_page_to_viewport(x1 + 1, y1 + 1).toPoint()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view.viewport(), QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    key(Qt.Key.Key_Escape)
    shot("07-manual-box.png")

    key(Qt.Key.Key_Question)
    shot("08-shortcuts.png")
    key(Qt.Key.Key_Escape)

    key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None
    dialog.move(window.x() + 380, window.y() + 160)
    QTest.keyClicks(dialog.term, "landlord")
    QTest.keyClick(dialog.term, Qt.Key.Key_Return)
    shot("09-search-preview.png", dialog)
    dialog.apply_button.click()
    dialog.close()

    # the text document on its rendered layout
    txt = next(f for f in s.queue() if f.document.endswith(".txt"))
    window.set_current(txt)
    key(Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    shot("10-text-document.png")

    # the pre-flight check before any folder is chosen: every blocker at once, each leading to its fix
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pre = window.preflight
    assert pre is not None
    pre.move(window.x() + 300, window.y() + 180)
    shot("16-preflight-blockers.png", pre)
    pre.close()

    # then every finding decided one by one (the export never decides in bulk). The nationality released above
    # would need counsel's sign-off for a public requester: redact it; the deferred one too (counsel said so)
    from workstation.domain.categories import PROTECTED

    for f in list(s.queue()):
        if s.state(f) in (None, Decision.DEFER) or (s.state(f) is Decision.RELEASE and f.entity_type in PROTECTED):
            window.set_current(f)
            window.decide(Decision.REDACT)
    # the redacted preview beside the page (View > Redacted preview, Ctrl+R) and the marked page thumbnails
    window.show_document(complaint, 1)
    window.preview_action.trigger()
    window.preview.render_now()
    pump(0.5)
    shot("21-redacted-preview.png")
    window.preview_action.trigger()
    # the intake form's table laid out as a table
    form = next(d for d in window.docs if d.name.startswith("shelter-intake"))
    window.show_document(form, 1)
    window.page_view.fit_width()
    pump(0.3)
    shot("22-docx-table.png")
    window._choose_directory = lambda: str(tmp / "export")  # type: ignore[method-assign]
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pre = window.preflight
    assert pre is not None and pre.ready, [r.message for r in pre.rows]
    pre.export_button.click()
    wait(lambda: window.last_export is not None and not window.exporting)
    shot("11-export-verified.png", window)
    print(window.last_export.message if window.last_export else "no export")
    print(f"open -> verified export: {time.monotonic() - started:.1f} s (engine built in the background)")
    exported = next((tmp / "export").glob("complaint*.redacted.pdf"))
    with pymupdf.open(exported) as pdf:
        pdf[0].get_pixmap(dpi=110, clip=pymupdf.Rect(40, 40, 580, 420)).save(str(out / "18-exported-codes.png"))
    print(out / "18-exported-codes.png")
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()

    # counsel's sign-off dialog and the supervisor's audit view (issue 4), on the same case
    from workstation.domain.disclosure import DisclosureContext, RecipientType
    from workstation.domain.roles import Role, UserDirectory
    from workstation.qt.case_dialogs import AuditView, SignOffDialog

    users = UserDirectory().add_user(None, "admin", Role.ADMINISTRATOR, "admin-passphrase", n=2**14, key_n=2**14)
    for name, role in (("jdoe", Role.CLERK), ("counsel", Role.COUNSEL), ("supervisor", Role.SUPERVISOR)):
        users = users.add_user(users.get("admin"), name, role, f"{name}-passphrase", n=2**14, key_n=2**14,
                               signer=users.unlock("admin", "admin-passphrase"))
    service = window.case_service
    service.users = users  # the sign-off checks counsel's key against the directory counsel signs with
    assert window.case is not None
    service.set_context(window.case.id, users.get("jdoe"), DisclosureContext(RecipientType.FEDERAL_IMMIGRATION))
    address = next(i for i in service.items(window.case.id) if i.category == "ADDRESS")
    service.decide(window.case.id, users.get("jdoe"), [address.id], "defer")
    signoff = SignOffDialog(service, window.case.id, users.get("counsel"), users, window)
    signoff.resize(760, 620)
    signoff.show()
    signoff.passphrase.setText("counsel-passphrase")
    signoff.sign()  # refused: one protected item is pending (the reason is shown in the dialog)
    signoff.passphrase.setText("counsel-passphrase")
    pump(0.4)
    signoff.grab().save(str(out / "13-signoff-dialog.png"))
    print(out / "13-signoff-dialog.png")
    signoff.close()
    audit = AuditView(service, window.case.id, users.get("supervisor"), window)
    audit.resize(1400, 860)
    audit.show()
    audit.verify()
    audit.seed.setText("2026")
    audit.draw()
    audit.sample_table.selectRow(0)
    audit.comment.setText("box covers the whole name")
    audit.record(True)
    audit.sample_table.selectRow(1)
    pump(0.4)
    audit.grab().save(str(out / "14-audit-view.png"))
    print(out / "14-audit-view.png")
    audit.close()

    # counsel's override of a locked item (the sanctuary lock on a federal immigration recipient)
    from workstation.qt.override_dialog import OverrideDialog

    nationality = next(f for found in s.findings.values() for f in found if f.entity_type == "NATIONALITY")
    override = OverrideDialog(service, window.case.id, users.get("counsel"), users, nationality.key,
                              {f.key: f.text for found in s.findings.values() for f in found}, window)
    override.reason.setText("judicial warrant served on the department")
    override.warrant.setText("I-200 2026-77")
    override.passphrase.setText("counsel-passphrase")
    override.record()  # refused: an administrative warrant (the service's reason is shown in the dialog)
    override.warrant.setText("SDNY 26-MJ-01234")
    override.show()
    pump(0.4)
    override.grab().save(str(out / "23-override-dialog.png"))
    print(out / "23-override-dialog.png")
    override.close()

    # counsel's queue: the deferred address and the protected releases, with the reviewers' reasons
    from workstation.qt.counsel_queue import open_counsel_queue

    clerk = users.get("jdoe")
    assert clerk is not None
    service.set_context(window.case.id, clerk, DisclosureContext(RecipientType.PUBLIC))
    nat = next(i for i in service.items(window.case.id) if i.category == "NATIONALITY")
    service.decide(window.case.id, clerk, [nat.id], "release", reason="Requester is the subject of the record")
    queue = open_counsel_queue(window)
    queue.move(window.x() + 200, window.y() + 200)
    pump(0.4)
    queue.grab().save(str(out / "17-counsel-queue.png"))
    print(out / "17-counsel-queue.png")
    queue.close()

    # the Case menu: properties, sign-off, submit, return, counsel queue, spot-check
    case_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Case")
    case_menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()) + QPoint(50, 0))
    pump(0.4)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(out / "20-case-menu.png"))
    print(out / "20-case-menu.png")
    case_menu.hide()

    # a case with files that cannot be read
    bad = tmp / "mixed-case"
    bad.mkdir()
    shutil.copy(SAMPLE_CASE / "witness-statement-adeyemi.txt", bad)
    (bad / "scan-corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00broken" * 40)
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()
    window.open_case([bad])
    wait(lambda: not window.detecting)
    window.doc_list.setCurrentRow(1)
    shot("12-unreadable-file.png")

    # a scanned page (an image only, fed into the scanner sideways and a little skewed): OCR, then review
    from benchmarks.scans import add_scan_page, noisy, render_gray, skew, text_pdf

    lines = ["NEW YORK CITY POLICE DEPARTMENT - COMPLAINT FOLLOW-UP (DD5)", "",
             "1. On 10/04/2026 the undersigned interviewed the complainant, Rosa Elena Gutierrez,",
             "at her residence, 2150 Grand Concourse, Apt 4C, Bronx, NY 10457.",
             "2. The complainant stated that she is a Guatemalan national and that she holds",
             "Temporary Protected Status; her A-Number is A-213-554-908.",
             "3. She can be reached at (347) 555-0192 or rosa.gutierrez@example.org.",
             "4. The complainant identified the suspect from a photo array. Case remains open."]
    scans = tmp / "scanned-case"
    scans.mkdir()
    pdf = pymupdf.open()
    image = noisy(skew(render_gray(text_pdf([lines], fontsize=11), 0, 200), 1.5), seed=3)
    add_scan_page(pdf, image, 200, rotate=90)
    pdf.save(scans / "dd5-followup-scan.pdf")
    pdf.close()
    window.open_case([scans])
    wait(lambda: not window.detecting)
    first = window.session.next_pending(None)
    if first is not None:
        window.set_current(first)
    shot("15-scanned-page.png")
    window.close()
    store.close()
    training_shots(out, pump, wait)
    return 0


if __name__ == "__main__":
    sys.exit(main())

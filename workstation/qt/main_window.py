"""The review window: case documents on the left, the page in the centre, findings and decisions on the right.

Everything it works with is passed in (the case service, policy, detection engine or a factory to build it once in
the background, the signed-in account); it reaches for no globals and no store: every read and write goes through
the application service (``workstation.service``), under the same rules as the command line. Every change goes
through ``_commit``: the service checks it and makes it durable first, then the session applies it and the screen
shows it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
)

from workstation.domain.case_record import CaseRecord
from workstation.domain.errors import WorkstationError
from workstation.domain.model import Finding, Rect
from workstation.domain.policy import Policy
from workstation.domain.review import (
    DECISION_LABELS,
    Action,
    Decision,
    FindingKey,
    ReviewError,
    ReviewSession,
    snippet,
)
from workstation.domain.roles import User
from workstation.pipeline import Analyzer, ScannedDocument
from workstation.qt.dialogs import SearchDialog, SearchMatch, ShortcutsOverlay
from workstation.qt.findings_panel import FindingsPanel
from workstation.qt.loaded_document import LoadedDocument
from workstation.qt.page_strip import PageStrip, document_markers
from workstation.qt.page_view import Overlay, PageView, Tool
from workstation.qt.preflight import PreflightDialog, choose_export_folder
from workstation.qt.redacted_preview import RedactedPreview
from workstation.qt.theme import (
    CHIP_TEXT,
    MUTED_TEXT,
    STATE_LABELS,
    category_color,
    category_name,
    finding_style,
    manual_style,
    misplaced_style,
)
from workstation.qt.window_export import ExportFlow
from workstation.qt.window_layout import WindowLayout
from workstation.qt.window_loading import CaseLoading
from workstation.qt.window_tools import ManualTools
from workstation.qt.workers import (
    CaseLoader,
    ExportJob,
    ExportOutcome,
    ExportWorker,
    Mailbox,
)
from workstation.service import CaseService
from workstation.service.layouts import NEEDS_REPLACING, misplaced_boxes
from workstation.service.review import is_stale_change

ScanRecorder = Callable[[list[ScannedDocument], Analyzer | None], None]
CURSOR_SAVE_DELAY_MS = 400  # the reviewer's place (finding, page, zoom) is written this long after it last changed



def fitted_size(width: int, height: int) -> tuple[int, int]:
    """The window's first size: ``width`` x ``height`` or, on a smaller screen (a laptop at 150 % scaling has
    1280 x 720 logical pixels), 95 % of the screen's available area, never larger."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return width, height
    area = screen.availableGeometry()
    return min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.95))


class MainWindow(QMainWindow):
    # the widgets and actions ``window_layout.WindowLayout`` makes (declared here: the window's parts use them)
    doc_list: QListWidget
    case_label: QLabel
    doc_title: QLabel
    page_view: PageView
    page_strip: PageStrip  # the page thumbnails with their markers
    preview: RedactedPreview  # the page as exported, beside the page (View menu)
    preview_action: QAction
    thumbnails_action: QAction
    page_spin: QSpinBox
    page_total: QLabel
    zoom_label: QLabel
    tool_label: QLabel
    nav_bar: QHBoxLayout
    findings: FindingsPanel
    overlay: ShortcutsOverlay
    progress: QProgressBar
    reviewed_label: QLabel
    role_label: QLabel
    current_label: QLabel
    reason_combo: QComboBox
    exemption_codes: list[tuple[str, str]]
    release_reason: QLineEdit
    all_occurrences: QCheckBox
    error_label: QLabel
    notice_label: QLabel
    not_pi_button: QPushButton
    refresh_action: QAction
    quit_action: QAction
    tool_actions: dict[Tool, QAction]

    def __init__(self, *, service: CaseService, account: User, policy: Policy,
                 engine: Analyzer | None = None, engine_factory: Callable[[], Analyzer] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.case_service = service  # the one way to the case store: every rule and the trail are there
        self.account = account
        self.policy = policy
        self.user = account.name
        self.role = account.role.value
        self.engine = engine
        self.engine_factory = engine_factory
        self.session = ReviewSession(policy.reason_codes, self.user)
        self.case: CaseRecord | None = None
        self.docs: list[LoadedDocument] = []
        self.by_path: dict[str, LoadedDocument] = {}
        self.current: Finding | None = None
        self.current_doc: LoadedDocument | None = None
        self.current_page = 0
        self.selected_manual: str | None = None
        self.detecting = False
        self.exporting = False
        self.last_export: ExportOutcome | None = None
        self._resume: dict = {}
        self.mailbox = Mailbox(self)  # the workers' messages, delivered on this thread
        self._loader: CaseLoader | None = None
        self._export_worker: ExportWorker | None = None
        self._search: SearchDialog | None = None
        self.preflight: PreflightDialog | None = None
        self._release_all = False
        self._reason_for = Decision.RELEASE  # the decision a reason typed in the field completes (Enter)
        self.last_notes: list[str] = []  # what the last decision still needs before export (said at once)
        self._export_skipped: list[str] = []
        self._fit_on_first_page = False
        self._strip_doc: LoadedDocument | None = None  # the document whose pages the thumbnail strip shows
        self._strip_raster: object = None
        self.setWindowTitle(f"{self.user} ({self.role}) — Disclosure Review Workstation")
        self.on_case_opened: Callable[[MainWindow], None] | None = None  # hook: case_menu.install
        self.on_engine_ready: Callable[[MainWindow], None] | None = None  # hook: case_menu.install
        # hook (training_menu): the findings a practice case's trainee is shown, chosen when a case opens
        self.suggestion_filter_for: Callable[[Sequence[str], str], Callable[[list[Finding]], list[Finding]] | None] \
            | None = None
        self.finding_filter: Callable[[list[Finding]], list[Finding]] | None = None
        # hook: records the scan in the store. Called when a case is opened; the function it returns is run in the
        # loader's thread once every document is detected (None: nothing to record there)
        self.scan_recorder: Callable[[MainWindow], ScanRecorder | None] | None = None
        # hook: records the scan on this thread instead (a store that another thread cannot open: in memory)
        self.on_scan_complete: Callable[[MainWindow, list[ScannedDocument]], None] | None = None
        # the case's export (the case service: policy, overrides, Vaughn index, audit), set by case_menu
        self.export_job: Callable[[Path, list[ScannedDocument]], ExportJob | None] | None = None
        self.after_export: Callable[[ExportOutcome], None] | None = None
        self.case_title = ""
        self._recording_in_loader = False
        self._cursor_timer = QTimer(self)  # the reviewer's place is saved once they stop moving (one write)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_SAVE_DELAY_MS)
        self._cursor_timer.timeout.connect(self._save_cursor)
        self.loading = CaseLoading(self)  # opening a case: loading, detection, the reason codes
        self.tools = ManualTools(self)  # manual boxes, text selection, search-and-redact
        self.exports = ExportFlow(self)  # pre-flight, the verified export in the background
        self.resize(*fitted_size(1500, 940))
        self.layout_builder = WindowLayout(self)
        self.layout_builder.build_ui()
        self.layout_builder.build_actions()
        self._update_status()

    # ================================================================== opening a case (``window_loading``)
    def choose_and_open(self) -> None:
        self.loading.choose_and_open()

    def open_case(self, paths: Sequence[str | Path]) -> bool:
        return self.loading.open_case(paths)

    def _stop_loader(self) -> None:
        self.loading._stop_loader()

    def _paint_doc(self, ld: LoadedDocument) -> None:
        self.loading._paint_doc(ld)

    def set_exemption_codes(self, codes: Sequence[tuple[str, str]]) -> None:
        self.loading.set_exemption_codes(codes)

    def _fill_reason_codes(self) -> None:
        self.loading._fill_reason_codes()

    def reason_code(self) -> str:
        return self.loading.reason_code()

    def set_reason_codes(self, codes: dict[str, str]) -> None:
        self.loading.set_reason_codes(codes)

    # ================================================================== showing
    def _on_document_row(self, row: int) -> None:
        if 0 <= row < len(self.docs) and self.docs[row] is not self.current_doc:
            ld = self.docs[row]
            pending = [f for f in self.session.findings.get(ld.path, []) if self.session.state(f) is None]
            alls = self.session.findings.get(ld.path) or []
            first = pending[0] if pending else (alls[0] if alls else None)
            if first is not None:
                self.set_current(first)
            else:
                self.show_document(ld, 1)

    def show_document(self, ld: LoadedDocument, page: int = 1) -> None:
        changed = ld is not self.current_doc
        self.current_doc = ld
        if changed:
            self.doc_list.blockSignals(True)
            self.doc_list.setCurrentRow(self.docs.index(ld))
            self.doc_list.blockSignals(False)
            self._load_findings_panel(ld)
            self._set_doc_title(ld.name)
        if ld.error:
            self.page_view.show_message(f"{ld.name} cannot be reviewed:\n\n{ld.error}")
            self.current_page = 0
            self.page_total.setText("of 0")
            self._no_pages()
            return
        if ld.layout is None:
            self.page_view.show_message(f"{ld.name}: loading…")
            self._no_pages()
            return
        self.go_page(page)

    def _set_doc_title(self, name: str) -> None:
        """The document's name above the page, cut with "…" when the bar is narrow (whole in the tooltip)."""
        self._doc_name = name
        width = max(40, self.doc_title.width() - 4)
        bold = self.doc_title.font()
        bold.setBold(True)
        from PySide6.QtGui import QFontMetrics

        shown = QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideMiddle, width)
        self.doc_title.setText(f"<b>{html.escape(shown)}</b>")
        self.doc_title.setToolTip(name)

    def _load_findings_panel(self, ld: LoadedDocument) -> None:
        texts = {p.number: p.text for p in ld.document.pages} if ld.document else {}
        self.findings.set_findings(self.session.findings.get(ld.path, []), texts, self.session.state,
                                   ld.first_page_of)
        self.findings.set_manual(self.session.manual_for(ld.path), self.misplaced_manual(ld))
        self.findings.set_current(FindingKey.of(self.current) if self.current else None)
        if ld is self._strip_doc:  # its findings came in (detection done): the thumbnails' markers too
            self.page_strip.set_markers(self._page_markers(ld))

    def go_page(self, page: int) -> None:
        ld = self.current_doc
        if ld is None or ld.layout is None:
            return
        page = max(1, min(ld.page_count, page))
        self.current_page = page
        self.page_view.show_page(ld.rasterizer(), page)
        if self._fit_on_first_page and self.page_view.isVisible():
            self._fit_on_first_page = False
            self.page_view.fit_width()
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, ld.page_count))
        self.page_spin.setValue(page)
        self.page_spin.blockSignals(False)
        self.page_total.setText(f"of {ld.page_count}")
        self._show_thumbnails(ld)
        self.page_strip.set_current(page)
        self._refresh_page()

    def _show_thumbnails(self, ld: LoadedDocument) -> None:
        """The strip shows ``ld``'s pages, each marked with where its review stands (pending, deferred, decided)."""
        raster = ld.rasterizer()
        if raster is not None and (self._strip_doc is not ld or self._strip_raster is not raster):
            self._strip_doc, self._strip_raster = ld, raster  # a new raster: the document was read again (OCR)
            self.page_strip.set_document(ld.rasterizer, [raster.page_size(n) for n in range(1, ld.page_count + 1)],
                                         self._page_markers(ld))

    def _no_pages(self) -> None:
        """A document without pages to show (unreadable, loading): no thumbnails, and the preview says so (not
        another document's page)."""
        self._strip_doc, self._strip_raster = None, None
        self.page_strip.set_document(lambda: None, [], {})
        self.preview.schedule()

    def _page_markers(self, ld: LoadedDocument) -> dict:
        return document_markers(ld.by_page, ld.page_count, self.session.state,
                                [m.page for m in self.session.manual_for(ld.path)])

    def _on_page_spin(self, value: int) -> None:
        if value != self.current_page:
            self.go_page(value)

    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        self._cursor_timer.start()

    def _refresh_page(self) -> None:
        ld = self.current_doc
        if ld is None or ld.layout is None or self.current_page == 0:
            return
        overlays: list[Overlay] = []
        cur = FindingKey.of(self.current) if self.current else None
        for f in ld.by_page.get(self.current_page, ()):  # not the thousands of findings on other pages
            key = f.key
            rects = ld.placements.get(key, {}).get(self.current_page, [])
            if not rects:
                continue
            state = self.session.state(f)
            pen, brush = finding_style(f.entity_type, state)
            for rect in rects:
                overlays.append(Overlay(rect, pen, brush, key, key == cur,
                                        f"{category_name(f.entity_type)} · {STATE_LABELS[state]} · score "
                                        f"{f.score:.2f}"))
        misplaced = self.misplaced_manual(ld)
        for m in self.session.manual_for(ld.path, self.current_page):
            pen, brush = misplaced_style() if m.id in misplaced else manual_style()
            if m.id == self.selected_manual:
                pen.setWidthF(3.5)
            tip = (f"Manual redaction ({m.kind.value}) · {NEEDS_REPLACING}: drawn on an earlier layout of this page, "
                   "not used by the export · draw it again, then Delete this one" if m.id in misplaced
                   else f"Manual redaction ({m.kind.value}) · {m.reason_code} · Delete to remove")
            overlays.append(Overlay(m.box, pen, brush, ("manual", m.id), False, tip))
        self.page_view.set_overlays(overlays)
        self.preview.schedule()

    def set_current(self, finding: Finding | None) -> None:
        self.current = finding
        self.selected_manual = None
        self.error_label.setText("")
        self.release_reason.clear()
        if finding is None:
            self.current_label.setText("No finding selected")
            self._refresh_page()
            return
        ld = self.by_path[finding.document]
        page = ld.first_page_of(finding)
        if ld is not self.current_doc or page != self.current_page:
            self.show_document(ld, page)
        self.findings.set_current(FindingKey.of(finding))
        self._refresh_page()
        rects = ld.placements.get(FindingKey.of(finding), {}).get(page, [])
        if rects:
            self.page_view.ensure_rect_visible(rects[0])
        code = self.session.default_reason_code(finding.entity_type)
        rec = self.session.record(finding)
        if rec is not None and rec.reason_code:
            code = rec.reason_code
        idx = self.reason_combo.findData(code)
        if idx < 0 and code:
            self.reason_combo.addItem(code, code)
            idx = self.reason_combo.findData(code)
        self.reason_combo.setCurrentIndex(max(0, idx))
        self._paint_current()
        self._cursor_timer.start()  # saved when the reviewer stops moving (holding J is one write, not dozens)

    def _paint_current(self) -> None:
        f = self.current
        if f is None:
            return
        ld = self.by_path[f.document]
        state = self.session.state(f)
        rec = self.session.record(f)
        texts = {p.number: p.text for p in ld.document.pages} if ld.document else {}
        before, text, after = snippet(texts.get(f.page, f.text), f.start, f.end, 40)
        color = category_color(f.entity_type).name()
        occurrences = len(self.session.occurrences(f))
        decided = STATE_LABELS[state]
        if rec is not None:
            extra = f" ({rec.reason_code})" if rec.reason_code else (f" — “{rec.reason}”" if rec.reason else "")
            decided += html.escape(extra) + f" by {html.escape(rec.user)}"
        self.current_label.setToolTip(f"{category_name(f.entity_type)}: {text}\n…{before} {text} {after}…")
        self.current_label.setText(
            f"<span style='background:{color}; color:{CHIP_TEXT}; padding:2px 6px;'>&nbsp;"
            f"{html.escape(category_name(f.entity_type))}&nbsp;</span>"
            f"&nbsp; page {ld.first_page_of(f)} · score {f.score:.2f} · <b>{decided}</b><br>"
            f"<span style='font-size:12pt'><b>{html.escape(text)}</b></span><br>"
            f"<span style='color:{MUTED_TEXT}'>…{html.escape(before)} <u>{html.escape(text)}</u> {html.escape(after)}…</span>")
        self.all_occurrences.setText(f"Every occurrence of this text ({occurrences})  A")
        same = len(self.session.same_category_occurrences(f))  # what X changes: this text in this category
        self.not_pi_button.setText(f"Not PI  X ({same})" if same > 1 else "Not PI  X")
        self.not_pi_button.setToolTip(f"Not personal information: {same} {category_name(f.entity_type)} finding(s) "
                                      "with this text (no other category)")

    def _on_finding_activated(self, key: FindingKey) -> None:
        f = self.session.find(key)
        if f is not None and (self.current is None or FindingKey.of(self.current) != key):
            self.set_current(f)

    def misplaced_manual(self, ld: LoadedDocument) -> set[str]:
        """Ids of the document's manual boxes that need re-placing: drawn on an earlier layout of their page, or on
        a page the document no longer has (the service's rule, ``service.layouts``)."""
        kinds = {ld.path: ld.document.kind} if ld.document is not None else None
        pages = {ld.path: ld.page_count} if ld.layout is not None else None
        return {b.entry.id for b in misplaced_boxes(self.session.manual_for(ld.path), kinds, pages)}

    def _on_manual_activated(self, entry_id: str) -> None:
        """A manual redaction chosen in the list: its page, with it selected (Delete removes it)."""
        entry = self.session.manual.get(entry_id)
        if entry is None or self.current_doc is None:
            return
        if entry.page != self.current_page:
            self.go_page(entry.page)
        self.selected_manual = entry_id
        self._refresh_page()
        self.page_view.ensure_rect_visible(entry.box)
        self.statusBar().showMessage(f"Manual redaction ({entry.reason_code}) selected: Delete removes it", 6000)

    def _on_page_item_clicked(self, key: object) -> None:
        if isinstance(key, tuple) and len(key) == 2 and key[0] == "manual":
            self.selected_manual = str(key[1])
            self._refresh_page()
            self.statusBar().showMessage("Manual redaction selected: press Delete to remove it", 6000)
            return
        if isinstance(key, FindingKey):
            f = self.session.find(key)
            if f is not None:
                self.set_current(f)

    # ================================================================== review
    def go_pending(self, backwards: bool = False) -> None:
        nxt = self.session.next_pending(self.current, backwards=backwards)
        if nxt is None:
            self.statusBar().showMessage("No pending findings: every finding has a decision", 6000)
            return
        self.set_current(nxt)

    def go_step(self, step: int) -> None:
        nxt = self.session.neighbour(self.current, step)
        if nxt is not None:
            self.set_current(nxt)

    def decide(self, decision: Decision, all_occurrences: bool | None = None) -> bool:
        f = self.current
        if f is None or self.case is None:
            return False
        if all_occurrences is None:
            all_occurrences = self.all_occurrences.isChecked()
        if decision is Decision.NOT_PI:  # this text, in this category only: never another category's finding
            targets = self.session.same_category_occurrences(f)
        else:
            targets = self.session.occurrences(f) if all_occurrences else [f]
        code = self.reason_code() if decision is Decision.REDACT else ""
        try:
            action = self.session.decide(targets, decision, reason_code=code, reason=self.release_reason.text())
        except ReviewError as exc:
            self.error_label.setText(f"{exc}: type it below and press Enter")
            self._release_all = all_occurrences
            self._reason_for = decision
            self.release_reason.setFocus()
            self.statusBar().showMessage(str(exc), 8000)
            return False
        if not self._confirm_many(decision, f, len(targets)):
            return False
        if not self._commit(action):
            return False
        self.all_occurrences.setChecked(False)
        n = len(targets)
        self.statusBar().showMessage(f"{DECISION_LABELS[decision]}: {f.entity_type}"
                                     + (f" ({n} occurrences)" if n > 1 else ""), 5000)
        nxt = self.session.next_pending(f)
        self.set_current(nxt or f)
        return True

    def _confirm_many(self, decision: Decision, finding: Finding, n: int) -> bool:
        """A decision that leaves more than one item visible says how many and asks first (Enter confirms)."""
        if n <= 1 or decision not in (Decision.NOT_PI, Decision.RELEASE):
            return True
        what = "not personal information" if decision is Decision.NOT_PI else "released"
        scope = (f"every {category_name(finding.entity_type)} finding with this text"
                 if decision is Decision.NOT_PI else "every finding with this text")
        return self._ask_yes_no("Change several items",
                                f"This marks {n} items as {what}: {scope} in the case.\n\nContinue?",
                                default_yes=True)

    def _release_from_field(self) -> None:
        if self.release_reason.text().strip():
            all_occ = self._release_all or self.all_occurrences.isChecked()
            self._release_all = False
            decision, self._reason_for = self._reason_for, Decision.RELEASE
            if self.decide(decision, all_occurrences=all_occ):
                self.page_view.setFocus()

    def _choose_reason_code(self) -> None:
        self.reason_combo.setFocus()
        self.reason_combo.showPopup()

    def undo(self) -> None:
        action = self.session.undo_action()
        if action is None:
            self.statusBar().showMessage("Nothing to undo", 4000)
            return
        if not self._commit(action):
            return
        self.statusBar().showMessage(action.label.capitalize(), 5000)
        if action.focus is not None:
            f = self.session.find(action.focus)
            if f is not None:
                self.set_current(f)
                return
        self._refresh_all()

    def _commit(self, action: Action) -> bool:
        """Persist, then apply and show. Nothing is shown as done unless the store has it."""
        assert self.case is not None
        try:
            notes = self.case_service.apply_action(self.case.id, self.account, action,
                                                   [f for found in self.session.findings.values() for f in found])
        except WorkstationError as exc:  # refused by a rule (role, case state): nothing is taken
            if is_stale_change(exc):
                self.reload_decisions()
                QMessageBox.warning(self, "Changed by someone else",
                                    f"{exc}.\n\nNothing was recorded. The case's decisions were reloaded: look at the "
                                    "item again and decide.")
                return False
            QMessageBox.warning(self, "Not allowed", str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the decision is not taken if it cannot be stored
            QMessageBox.critical(self, "Not saved", f"The decision could not be saved, so it was not taken:\n{exc}")
            return False
        self.session.apply(action)
        self._show_notes(notes or [])
        self._refresh_all()
        return True

    def _show_notes(self, notes: list[str]) -> None:
        """What a release still needs before export (privacy officer's approval, counsel's sign-off), said when
        the decision is made."""
        self.last_notes = list(notes)
        self.notice_label.setText("Recorded. " + " ".join(f"⚠ This release {n}." for n in notes) if notes else "")
        self.notice_label.setVisible(bool(notes))
        if notes:
            self.statusBar().showMessage(f"Recorded; this release {notes[0]}", 12000)

    def reload_decisions(self) -> bool:
        """Read the case's decisions, manual boxes and allow-list again (what others decided on a shared store);
        the undo history is dropped (it may undo what someone else did since)."""
        if self.case is None:
            return False
        state = self.case_service.review_state(self.case.id)
        if state is None:
            return False
        self.session.load(state.decisions, state.manual, state.allow_list)
        self.session.undo_stack.clear()
        self._refresh_all()
        return True

    def refresh_from_store(self) -> None:
        if self.reload_decisions():
            done, total = self.session.progress()
            self.statusBar().showMessage(f"Reloaded what has been decided: reviewed {done} of {total}", 6000)

    def _refresh_all(self) -> None:
        for ld in self.docs:
            self._paint_doc(ld)
        self.findings.refresh_states()
        if self.current_doc is not None:
            self.findings.set_manual(self.session.manual_for(self.current_doc.path),
                                     self.misplaced_manual(self.current_doc))
        self._refresh_page()
        self._paint_current()
        self._update_status()
        if self._strip_doc is not None:
            self.page_strip.set_markers(self._page_markers(self._strip_doc))

    def _update_status(self) -> None:
        done, total = self.session.progress()
        deferred = len(self.session.deferred())
        self.reviewed_label.setText(f"  Reviewed {done} of {total}  " + (f"· {deferred} deferred  " if deferred else ""))
        self.role_label.setText(f"  Role: {self.role} · {self.user}  ")

    def _flush_cursor(self) -> None:
        """Save the reviewer's place now if a save is due."""
        if self._cursor_timer.isActive():
            self._cursor_timer.stop()
            self._save_cursor()

    def _save_cursor(self) -> None:
        self._cursor_timer.stop()
        if self.case is None:
            return
        cursor: dict = {"zoom": self.page_view.zoom}
        if self.current_doc is not None:
            cursor["document"] = self.current_doc.path
            cursor["page"] = self.current_page
        if self.current is not None:
            k = FindingKey.of(self.current)
            cursor["finding"] = [k.document, k.page, k.start, k.end, k.category, k.text_digest]
            cursor["document"] = k.document
        self.case_service.save_cursor(self.case.id, cursor)

    # ================================================================== manual tools (``window_tools``)
    def set_tool(self, tool: Tool) -> None:
        self.tools.set_tool(tool)

    def _escape(self) -> None:
        self.tools._escape()

    def manual_reason_code(self) -> str:
        return self.tools.manual_reason_code()

    def _on_rect_drawn(self, tool: Tool, rect: Rect) -> None:
        self.tools._on_rect_drawn(tool, rect)

    def redact_whole_page(self) -> None:
        self.tools.redact_whole_page()

    def remove_selected_manual(self) -> None:
        self.tools.remove_selected_manual()

    def open_search(self) -> None:
        self.tools.open_search()

    @property
    def search_dialog(self) -> SearchDialog | None:
        return self._search

    def search_case(self, pattern: re.Pattern[str]) -> list[SearchMatch]:
        return self.tools.search_case(pattern)

    def apply_search(self, matches: list[SearchMatch], reason_code: str) -> None:
        self.tools.apply_search(matches, reason_code)

    # ================================================================== export (``window_export``)
    def _choose_directory(self) -> str:
        return choose_export_folder(self)

    def _ask_yes_no(self, title: str, text: str, default_yes: bool = False) -> bool:
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(self, title, text, yes | cancel, yes if default_yes else cancel)
        return answer == yes

    def _inform(self, title: str, text: str, ok: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Critical, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exportResult")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()

    def start_export(self) -> None:
        """Ctrl+E: the pre-flight check (every blocker at once, each leading to its fix), then the folder."""
        self.exports.start_export()

    def export_to(self, out_dir: Path) -> bool:
        """Export the case into ``out_dir`` through the verified pipeline (in the background)."""
        return self.exports.export_to(out_dir)

    def _on_export_progress(self, done: int, total: int, text: str) -> None:
        self.exports._on_export_progress(done, total, text)

    def _on_export_finished(self, outcome: ExportOutcome) -> None:
        self.exports._on_export_finished(outcome)

    # ================================================================== window
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._fit_on_first_page and self.current_page:
            QTimer.singleShot(0, self._first_fit)

    def _first_fit(self) -> None:
        if self._fit_on_first_page and self.current_page:
            self._fit_on_first_page = False
            self.page_view.fit_width()
            if self.current is not None:
                self.set_current(self.current)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if getattr(self, "_doc_name", ""):
            QTimer.singleShot(0, lambda: self._set_doc_title(self._doc_name))
        if self.overlay.isVisible():
            self.overlay.hide()
            self.overlay.toggle()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        try:
            self._save_cursor()
        except Exception:  # noqa: BLE001 - the store may already be closed; every decision is stored already
            pass
        self._stop_loader()
        if self._export_worker is not None:
            self._export_worker.wait(120.0)  # the export finishes (verified) or fails; it is not cut short
        self.mailbox.close()
        self.preview.close()
        for d in self.docs:
            if d.raster is not None:
                d.raster.close()
                d.raster = None
        super().closeEvent(event)

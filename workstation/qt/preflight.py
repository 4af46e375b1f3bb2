"""The pre-flight check shown before the export's folder picker: every blocker at once, each leading to the item
or setting that fixes it, and what the export will do (redactions, releases with reasons, not-PI items).

A thin view: the blockers are the domain's (``Case.export_blockers`` through ``CaseService.preflight``) plus what
only the window knows (findings not yet reviewed or deferred on screen, mixed decisions on one text, documents that
cannot be exported); nothing here decides or redacts anything.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.case import Fix
from workstation.service.preflight import Preflight, finding_key

SETTINGS_KEY = "export/lastFolder"


@dataclass(frozen=True)
class Row:
    """One blocker: its message, and what clicking it does (``None``: nothing to go to)."""

    message: str
    go: Callable[[], object] | None
    fix: str  # the button's text: "Go to item", "Case properties…", "Submit for sign-off"…


def window_rows(window: Any) -> list[Row]:
    """The blockers only the window knows: findings on screen not reviewed or deferred, mixed decisions, documents
    that cannot be exported, detection still running."""
    s = window.session
    out: list[Row] = []
    if window.detecting:
        out.append(Row("detection is still running: export when every document is ready", None, ""))
    pending = s.pending()
    if pending:
        out.append(Row(f"{len(pending)} finding(s) not reviewed yet (first: {_where(window, pending[0])})",
                       lambda: window.set_current(pending[0]), "Go to the first"))
    deferred = s.deferred()
    if deferred:
        out.append(Row(f"{len(deferred)} finding(s) deferred to counsel, waiting for a decision (first: "
                       f"{_where(window, deferred[0])})", lambda: _open_queue(window), "Counsel queue…"))
    conflicts = [f for ld in window.docs for f in s.conflicts(ld.path)]
    if conflicts:
        out.append(Row(f"{len(conflicts)} finding(s) left visible although the same text is redacted elsewhere in "
                       f"the document (first: {_where(window, conflicts[0])}): decide every occurrence alike",
                       lambda: window.set_current(conflicts[0]), "Go to the first"))
    for ld in window.docs:
        if ld.error:
            out.append(Row(f"{ld.name} cannot be exported: {ld.error}", None, ""))
        elif ld.scanned is not None and ld.scanned.scanned_pages:
            out.append(Row(f"{ld.name}: page(s) {', '.join(map(str, ld.scanned.scanned_pages))} have no text "
                           "(OCR needed): not exported", None, ""))
    return out


def _where(window: Any, finding: Any) -> str:
    ld = window.by_path.get(finding.document)
    from workstation.qt.theme import category_name

    name = ld.name if ld is not None else finding.document
    page = ld.first_page_of(finding) if ld is not None else finding.page
    return f"{category_name(finding.entity_type)} on page {page} of {name}"


def _open_queue(window: Any) -> None:
    from workstation.qt.counsel_queue import open_counsel_queue

    open_counsel_queue(window)


def service_rows(window: Any, pre: Preflight) -> list[Row]:
    """The case's rules (``Case.export_blockers``), each with what fixes it."""
    from workstation.qt import case_menu, workflow

    out = []
    for b in pre.blockers:
        message = _named(window, b.message)
        if b.fix is Fix.PROPERTIES:
            out.append(Row(message, lambda: case_menu.open_properties(window), "Case properties…"))
        elif b.fix is Fix.SIGN_OFF:
            out.append(Row(message, lambda: workflow.next_sign_off_step(window), "Sign-off…"))
        else:
            keys = [k for k in (finding_key(i) for i in b.items) if k is not None]
            found = next((f for f in (window.session.find(k) for k in keys) if f is not None), None)
            box = next((i for i in b.items if i.item.startswith("manual:")), None)
            if found is None and box is not None:  # a manual box to re-place: its page, the box selected
                out.append(Row(message, partial(_go_to_box, window, box.document, box.page,
                                                box.item.removeprefix("manual:")), "Go to the box"))
                continue
            out.append(Row(message, partial(window.set_current, found) if found is not None else None,
                           "Go to item"))
    return out


def _go_to_box(window: Any, document: str, page: int, entry_id: str) -> None:
    ld = window.by_path.get(document)
    if ld is None:
        return
    window.show_document(ld, page)
    window._on_manual_activated(entry_id)


def _named(window: Any, message: str) -> str:
    """The domain names documents by path: the window names them as its document list does."""
    for ld in sorted(window.docs, key=lambda d: len(d.path), reverse=True):
        message = message.replace(ld.path, ld.name)
    return message


class PreflightDialog(QDialog):
    """Ctrl+E: the case by name, what the export will do, every blocker; Export… only when there is none."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("preflightDialog")
        self.setWindowTitle("Export — pre-flight check")
        self.window_ = window
        self.rows: list[Row] = []
        self.heading = QLabel()
        self.heading.setObjectName("preflightHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("preflightCounts")
        self.counts.setWordWrap(True)
        self.blockers = QListWidget()
        self.blockers.setObjectName("preflightBlockers")
        self.blockers.setAccessibleName("Export blockers")
        self.blockers.setWordWrap(True)
        self.blockers.itemActivated.connect(self._go)
        self.blockers.itemClicked.connect(self._go)
        self.export_button = QPushButton("Choose folder and export…")
        self.export_button.setObjectName("preflightExport")
        self.export_button.clicked.connect(self.export)
        self.refresh_button = QPushButton("Check again")
        self.refresh_button.clicked.connect(self.refresh)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel("<b>Blocking the export</b> (click one to go to what fixes it)"))
        layout.addWidget(self.blockers, 1)
        layout.addLayout(buttons)
        self.resize(760, 460)
        self.refresh()

    @property
    def ready(self) -> bool:
        return not self.rows

    def refresh(self) -> None:
        w = self.window_
        pre: Preflight = w.case_service.preflight(w.case.id)
        self.rows = window_rows(w) + service_rows(w, pre)
        s = w.session
        states = [s.state(f) for f in s.queue()]
        from workstation.domain.review import Decision

        released = [f for f, st in zip(s.queue(), states, strict=True) if st is Decision.RELEASE]
        with_reason = sum(1 for f in released if (r := s.record(f)) is not None and r.reason)
        self.heading.setText(f"<h3>{html.escape(pre.name)}</h3>Recipient: <b>{html.escape(pre.recipient)}</b> · "
                             f"state: <b>{html.escape(pre.state)}</b>")
        self.counts.setText(
            f"The export will redact {states.count(Decision.REDACT)} finding(s) and {len(s.manual)} manual box(es); "
            f"release {len(released)} ({with_reason} with a written reason); leave "
            f"{states.count(Decision.NOT_PI)} marked not personal information; "
            f"{states.count(None)} not reviewed, {states.count(Decision.DEFER)} deferred.")
        self.blockers.clear()
        for row in self.rows:
            item = QListWidgetItem(f"✖ {row.message}" + (f"   → {row.fix}" if row.go is not None else ""))
            item.setToolTip(row.fix or "nothing in the window fixes this")
            self.blockers.addItem(item)
        if not self.rows:
            self.blockers.addItem(QListWidgetItem("✔ Nothing blocks the export."))
        self.export_button.setEnabled(self.ready)
        if self.ready:
            self.export_button.setDefault(True)
            self.export_button.setFocus()

    def _go(self, item: QListWidgetItem) -> None:
        row_index = self.blockers.row(item)
        if 0 <= row_index < len(self.rows) and self.rows[row_index].go is not None:
            go = self.rows[row_index].go
            assert go is not None
            self.hide()
            go()

    def export(self) -> bool:
        if not self.ready:
            return False
        out = self.window_._choose_directory()
        if not out:
            return False
        remember_folder(out)
        self.accept()
        return bool(self.window_.export_to(Path(out)))


def _settings() -> QSettings:
    return QSettings("disclosure-workstation", "workstation")


def last_folder() -> str:
    """The folder of the last export (remembered for the next one, on this desk)."""
    return str(_settings().value(SETTINGS_KEY, "") or "")


def remember_folder(path: str) -> None:
    _settings().setValue(SETTINGS_KEY, str(path))


def choose_export_folder(parent: QWidget) -> str:
    """The folder picker, opened on the last export folder, with a "Create New Folder" button (Qt's own dialog:
    the platform's may not offer one)."""
    dialog = QFileDialog(parent, "Export to folder", last_folder())
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]

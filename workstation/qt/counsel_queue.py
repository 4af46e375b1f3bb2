"""Counsel's queue: the deferred items and the releases of protected categories, with the reviewer's reasons;
clicking one goes to it in the window. Built from ``CaseService.counsel_queue`` (the rules decide what is
protected); the decisions themselves are made in the window as any other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.qt.theme import category_name
from workstation.service import document_label
from workstation.service.preflight import QueueEntry

COLUMNS = ("why", "category", "document", "page", "decided by", "reason")


class CounselQueue(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("counselQueue")
        self.setWindowTitle("Counsel queue — deferred items and protected releases")
        self.window_ = window
        self.entries: list[QueueEntry] = []
        self.summary = QLabel()
        self.summary.setObjectName("counselQueueSummary")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("counselQueueTable")
        self.table.setAccessibleName("Counsel queue")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellActivated.connect(lambda row, _col: self.go(row))
        self.table.cellClicked.connect(lambda row, _col: self.go(row))
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(self.refresh)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(refresh)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Click an item to go to it; decide it in the window (R redact, E release with a "
                                "reason, or leave it for counsel's override)."))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 420)
        self.refresh()

    def refresh(self) -> None:
        w = self.window_
        self.entries = w.case_service.counsel_queue(w.case.id)
        self.table.setRowCount(len(self.entries))
        names = {ld.path: ld.name for ld in w.docs}
        for r, e in enumerate(self.entries):
            key = e.item.key
            ld = w.by_path.get(key.document)
            found = w.session.find(key)
            page = ld.first_page_of(found) if ld is not None and found is not None else key.page
            rec = e.item.record
            values = (e.why, category_name(key.category), names.get(key.document, document_label(key.document)),
                      str(page), rec.user if rec else "", e.reason or "—")
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                cell.setToolTip(v)
                self.table.setItem(r, c, cell)
        deferred = sum(1 for e in self.entries if e.why == "deferred")
        self.summary.setText(f"{deferred} deferred · {len(self.entries) - deferred} protected release(s)")
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def go(self, row: int) -> bool:
        """Go to the item of ``row`` in the window."""
        if not 0 <= row < len(self.entries):
            return False
        found = self.window_.session.find(self.entries[row].item.key)
        if found is None:
            return False
        self.window_.set_current(found)
        self.window_.activateWindow()
        self.window_.page_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def open_counsel_queue(window: Any) -> CounselQueue:
    dialog = CounselQueue(window)
    window.counsel_queue_dialog = dialog
    dialog.show()
    return dialog

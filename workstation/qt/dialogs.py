"""Search-and-redact (with a preview of every match) and the keyboard shortcuts overlay."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.model import Rect
from workstation.qt.theme import OVERLAY_BACKGROUND, OVERLAY_HINT, OVERLAY_KEY, OVERLAY_TEXT


@dataclass(frozen=True)
class SearchMatch:
    document: str
    document_name: str
    page: int  # source page (where the text is)
    start: int
    end: int
    context: str
    placements: dict[int, list[Rect]]  # layout page -> boxes


def compile_query(term: str, regex: bool, match_case: bool) -> re.Pattern[str]:
    """The pattern for a search; a plain term matches whole words with any spacing between them."""
    flags = 0 if match_case else re.IGNORECASE
    if regex:
        return re.compile(term, flags)
    words = term.split()
    body = r"\s+".join(re.escape(w) for w in words)
    lead = r"(?<!\w)" if words and words[0][0].isalnum() else ""
    trail = r"(?!\w)" if words and words[-1][-1].isalnum() else ""
    return re.compile(lead + body + trail, flags)


class SearchDialog(QDialog):
    """Find a term or regular expression across the case, preview every match, redact the checked ones."""

    applyRequested = Signal(list, str)  # [SearchMatch], reason code

    def __init__(self, search: Callable[[re.Pattern[str]], list[SearchMatch]], reason_codes: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search and redact")
        self.resize(760, 520)
        self._search = search
        self.term = QLineEdit()
        self.term.setObjectName("searchTerm")
        self.term.setPlaceholderText("Term or regular expression, e.g. Kowalczyk or \\bA-?\\d{3}-?\\d{3}-?\\d{3}\\b")
        self.regex = QCheckBox("Regular expression")
        self.regex.setObjectName("searchRegex")
        self.match_case = QCheckBox("Match case")
        find = QPushButton("Find all")
        find.setObjectName("searchFind")
        find.setDefault(True)
        self.reason = QComboBox()
        self.reason.setObjectName("searchReason")
        self.reason.addItems(list(reason_codes))
        self.results = QTreeWidget()
        self.results.setObjectName("searchResults")
        self.results.setHeaderLabels(["Document", "Page", "Match in context"])
        self.results.setRootIsDecorated(False)
        self.results.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel("Enter a term and press Enter to preview every match in the case.")
        self.summary.setObjectName("searchSummary")
        self.summary.setWordWrap(True)
        self.apply_button = QPushButton("Redact checked matches")
        self.apply_button.setObjectName("searchApply")
        self.apply_button.setEnabled(False)
        close = QPushButton("Close")

        row = QHBoxLayout()
        row.addWidget(self.term, 1)
        row.addWidget(self.regex)
        row.addWidget(self.match_case)
        row.addWidget(find)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Reason code:"))
        bottom.addWidget(self.reason)
        bottom.addStretch(1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.results, 1)
        lay.addLayout(bottom)

        self.matches: list[SearchMatch] = []
        find.clicked.connect(self.run_search)
        self.term.returnPressed.connect(self.run_search)
        self.apply_button.clicked.connect(self._apply)
        close.clicked.connect(self.close)

    def run_search(self) -> None:
        term = self.term.text()
        self.results.clear()
        self.matches = []
        self.apply_button.setEnabled(False)
        if not term.strip():
            self.summary.setText("Enter a term to search for.")
            return
        try:
            pattern = compile_query(term, self.regex.isChecked(), self.match_case.isChecked())
        except re.error as exc:
            self.summary.setText(f"Invalid regular expression: {exc}")
            return
        self.matches = self._search(pattern)
        for m in self.matches:
            item = QTreeWidgetItem([m.document_name, str(min(m.placements) if m.placements else m.page), m.context])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(2, m.context)
            self.results.addTopLevelItem(item)
        self.results.resizeColumnToContents(0)
        docs = len({m.document for m in self.matches})
        self.summary.setText(f"{len(self.matches)} match(es) in {docs} document(s). Uncheck any that should stay, "
                             "then redact." if self.matches else "No matches.")
        self.apply_button.setEnabled(bool(self.matches))
        self.apply_button.setText(f"Redact {len(self.matches)} checked match(es)")

    def checked(self) -> list[SearchMatch]:
        out = []
        for i, m in enumerate(self.matches):
            item = self.results.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                out.append(m)
        return out

    def _apply(self) -> None:
        chosen = self.checked()
        if chosen:
            self.applyRequested.emit(chosen, self.reason.currentText())
            self.summary.setText(f"{len(chosen)} match(es) redacted (undo with Ctrl+Z).")
            self.apply_button.setEnabled(False)


SHORTCUTS: list[tuple[str, str]] = [
    ("R", "Redact the current finding (with the reason code shown)"),
    ("E", "Release (a reason is required for protected categories)"),
    ("D", "Defer to counsel"),
    ("X", "Not personal information: add its text to the case allow-list"),
    ("Shift+R / Shift+E / Shift+D", "Same, for every occurrence of this text in the case"),
    ("A", "Toggle 'apply to every occurrence'"),
    ("C", "Choose the reason code (exemption)"),
    ("N / P", "Next / previous pending finding"),
    ("J / K", "Next / previous finding (any decision)"),
    ("Ctrl+Z or U", "Undo the last decision or redaction"),
    ("B / T / Esc", "Draw a box / select text to redact / back to review"),
    ("W", "Redact the whole page"),
    ("Delete", "Remove the selected manual redaction"),
    ("Ctrl+F", "Search and redact a term or regular expression"),
    ("] / [", "Next / previous page"),
    ("+ / - / 0", "Zoom in / out / fit width"),
    ("Ctrl+E", "Export (verified)"),
    ("Ctrl+O", "Open a case folder or files"),
    ("?", "Show or hide this list"),
]


class ShortcutsOverlay(QWidget):
    """A translucent panel over the window listing the keyboard shortcuts (toggled with ?)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 22, 28, 22)
        title = QLabel("Keyboard shortcuts")
        title.setStyleSheet(f"color: {OVERLAY_TEXT}; font-size: 16pt; font-weight: bold;")
        lay.addWidget(title)
        rows = "".join(
            f"<tr><td style='padding:3px 18px 3px 0; color:{OVERLAY_KEY}; font-weight:bold; white-space:nowrap'>{k}"
            f"</td><td style='padding:3px 0; color:{OVERLAY_TEXT}'>{v}</td></tr>" for k, v in SHORTCUTS)
        table = QLabel(f"<table>{rows}</table>")
        table.setTextFormat(Qt.TextFormat.RichText)
        table.setStyleSheet("font-size: 11pt;")
        lay.addWidget(table)
        hint = QLabel("Press ? or Esc to close")
        hint.setStyleSheet(f"color: {OVERLAY_HINT};")
        lay.addWidget(hint)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = QColor(OVERLAY_BACKGROUND)
        background.setAlpha(230)
        p.setBrush(background)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(self.rect(), 10, 10)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, max(10, (parent.height() - self.height()) // 2))
        self.show()
        self.raise_()

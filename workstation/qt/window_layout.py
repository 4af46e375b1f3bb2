"""The window's layout and keyboard: documents on the left, the page in the centre, findings and the decision
box on the right, the toolbar and every shortcut. Built once by ``MainWindow.__init__``; the widgets are the
window's attributes (declared on ``MainWindow``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.review import (
    Decision,
)
from workstation.qt.dialogs import ShortcutsOverlay
from workstation.qt.findings_panel import FindingsPanel
from workstation.qt.page_strip import PageStrip
from workstation.qt.page_view import PageView, Tool
from workstation.qt.redacted_preview import RedactedPreview
from workstation.qt.theme import ERROR_TEXT, NOTICE_BACKGROUND, NOTICE_TEXT, legend_html

if TYPE_CHECKING:
    from workstation.qt.main_window import MainWindow


RELEASE_REASONS = [
    "Requester is the subject of the record",
    "Written consent of the subject on file",
    "Already public (court record / press release)",
    "Officer or employee acting in official capacity",
    "Not identifying in context",
    "Required by subpoena / court order",
]


class WindowLayout:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def build_ui(self) -> None:
        # left: documents
        self.w.doc_list = QListWidget()
        self.w.doc_list.setObjectName("documentList")
        self.w.doc_list.setAccessibleName("Case documents")
        self.w.doc_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.w.doc_list.setWordWrap(True)
        self.w.doc_list.setSpacing(2)
        self.w.doc_list.currentRowChanged.connect(self.w._on_document_row)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 0, 6)
        title = QLabel("<b>Case documents</b>")
        self.w.case_label = QLabel("")
        self.w.case_label.setObjectName("caseLabel")
        self.w.case_label.setWordWrap(True)
        ll.addWidget(title)
        ll.addWidget(self.w.case_label)
        ll.addWidget(self.w.doc_list, 1)

        # centre: page navigator + page
        self.w.page_view = PageView()
        self.w.page_view.setAccessibleName("Page")
        self.w.page_view.rectDrawn.connect(self.w._on_rect_drawn)
        self.w.page_view.itemClicked.connect(self.w._on_page_item_clicked)
        self.w.page_view.zoomChanged.connect(self.w._on_zoom_changed)
        self.w.page_spin = QSpinBox()
        self.w.page_spin.setObjectName("pageSpin")
        self.w.page_spin.setMinimum(1)
        self.w.page_spin.setKeyboardTracking(False)
        self.w.page_spin.valueChanged.connect(self.w._on_page_spin)
        self.w.page_total = QLabel("of 0")
        self.w.zoom_label = QLabel("125%")
        self.w.zoom_label.setMinimumWidth(44)
        self.w.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.w.tool_label = QLabel("")
        self.w.tool_label.setObjectName("toolLabel")
        # as wide as its longest text from the start: entering a tool must not resize the panes
        self.w.tool_label.setFixedWidth(self.w.tool_label.fontMetrics().horizontalAdvance("Selecting text (Esc ends)") + 12)
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 6, 0, 6)
        self.w.nav_bar = QHBoxLayout()
        cl.addLayout(self.w.nav_bar)
        # the page thumbnails, the page, and (View > Redacted preview) the page as exported, side by side
        self.w.page_strip = PageStrip()
        self.w.page_strip.pageChosen.connect(self.w.go_page)
        self.w.preview = RedactedPreview(self.w)
        pages = QSplitter(Qt.Orientation.Horizontal)
        pages.setObjectName("pagesSplitter")
        pages.addWidget(self.w.page_strip)
        pages.addWidget(self.w.page_view)
        pages.addWidget(self.w.preview.pane)
        pages.setStretchFactor(0, 0)
        pages.setStretchFactor(1, 1)
        pages.setStretchFactor(2, 1)
        pages.setChildrenCollapsible(False)
        cl.addWidget(pages, 1)
        legend = QLabel(legend_html())
        legend.setWordWrap(True)
        legend.setAccessibleName("Legend of the boxes on the page")
        legend.setObjectName("legend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        cl.addWidget(legend)

        # right: findings + decision
        self.w.findings = FindingsPanel()
        self.w.findings.findingActivated.connect(self.w._on_finding_activated)
        self.w.findings.manualActivated.connect(self.w._on_manual_activated)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 6, 6, 6)
        rl.addWidget(QLabel("<b>Findings</b> (this document)"))
        rl.addWidget(self.w.findings, 1)
        rl.addWidget(self._build_decision_box())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([270, 760, 470])
        splitter.setChildrenCollapsible(False)
        self.w.setCentralWidget(splitter)
        self.w.overlay = ShortcutsOverlay(self.w)  # floats over the window (a splitter child would become a pane)

        # status bar
        sb = self.w.statusBar()
        self.w.progress = QProgressBar()
        self.w.progress.setObjectName("progressBar")
        self.w.progress.setMaximumWidth(240)
        self.w.progress.setTextVisible(True)
        self.w.progress.hide()
        self.w.reviewed_label = QLabel()
        self.w.reviewed_label.setObjectName("reviewedLabel")
        self.w.role_label = QLabel()
        self.w.role_label.setObjectName("roleLabel")
        sb.addPermanentWidget(self.w.progress)
        sb.addPermanentWidget(self.w.reviewed_label)
        sb.addPermanentWidget(self.w.role_label)

    def _build_decision_box(self) -> QWidget:
        box = QGroupBox("Current finding")
        box.setObjectName("decisionBox")
        self.w.current_label = QLabel("No finding selected")
        self.w.current_label.setObjectName("currentLabel")
        self.w.current_label.setWordWrap(True)
        self.w.current_label.setTextFormat(Qt.TextFormat.RichText)
        # a fixed height: a long finding does not push the list up (its tooltip has everything)
        self.w.current_label.setFixedHeight(5 * self.w.current_label.fontMetrics().lineSpacing() + 8)
        self.w.current_label.setAccessibleName("Current finding")
        self.w.reason_combo = QComboBox()
        self.w.reason_combo.setObjectName("reasonCode")
        self.w.reason_combo.setToolTip("Exemption / reason code written for a redaction (C to choose)")
        self.w.reason_combo.setAccessibleName("Exemption code")
        self.w.reason_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.w.reason_combo.setMinimumContentsLength(18)
        self.w.reason_combo.view().setMinimumWidth(520)
        self.w.exemption_codes = []
        self.w._fill_reason_codes()
        self.w.release_reason = QLineEdit()
        self.w.release_reason.setObjectName("releaseReason")
        self.w.release_reason.setPlaceholderText("Reason to release (required for protected categories)")
        self.w.release_reason.setAccessibleName("Reason to release or to mark not personal information")
        completer = QCompleter(RELEASE_REASONS, self.w.release_reason)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.w.release_reason.setCompleter(completer)
        self.w.release_reason.returnPressed.connect(self.w._release_from_field)
        self.w.all_occurrences = QCheckBox("Every occurrence of this text in the case")
        self.w.all_occurrences.setObjectName("allOccurrences")
        self.w.all_occurrences.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.w.error_label = QLabel("")
        self.w.error_label.setObjectName("decisionError")
        self.w.error_label.setWordWrap(True)
        self.w.error_label.setStyleSheet(f"color: {ERROR_TEXT}; font-weight: bold;")
        self.w.notice_label = QLabel("")
        self.w.notice_label.setObjectName("decisionNotice")
        self.w.notice_label.setWordWrap(True)
        self.w.notice_label.setStyleSheet(f"color: {NOTICE_TEXT}; background: {NOTICE_BACKGROUND}; padding: 3px;")
        self.w.notice_label.hide()

        def button(text: str, slot: Callable[[], object], name: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setAccessibleName(text.split("  ")[0].strip("◀▶ "))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            return b

        buttons = QHBoxLayout()
        buttons.addWidget(button("Redact  R", lambda: self.w.decide(Decision.REDACT), "redactButton"))
        buttons.addWidget(button("Release  E", lambda: self.w.decide(Decision.RELEASE), "releaseButton"))
        buttons.addWidget(button("Defer  D", lambda: self.w.decide(Decision.DEFER), "deferButton"))
        self.w.not_pi_button = button("Not PI  X", lambda: self.w.decide(Decision.NOT_PI), "notPiButton")
        buttons.addWidget(self.w.not_pi_button)
        nav = QHBoxLayout()
        nav.addWidget(button("◀ Previous  P", lambda: self.w.go_pending(backwards=True), "prevButton"))
        nav.addWidget(button("Next  N ▶", lambda: self.w.go_pending(), "nextButton"))
        nav.addWidget(button("Undo  Ctrl+Z", self.w.undo, "undoButton"))

        form = QVBoxLayout(box)
        form.addWidget(self.w.current_label)
        row = QHBoxLayout()
        row.addWidget(QLabel("Reason code:"))
        row.addWidget(self.w.reason_combo, 1)
        form.addLayout(row)
        form.addWidget(self.w.release_reason)
        form.addWidget(self.w.all_occurrences)
        form.addLayout(buttons)
        form.addLayout(nav)
        form.addWidget(self.w.error_label)
        form.addWidget(self.w.notice_label)
        return box

    def _action(self, text: str, keys: Sequence[str], slot: Callable[[], object], name: str = "",
                checkable: bool = False) -> QAction:
        a = QAction(text, self.w)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        if name:
            a.setObjectName(name)
        a.triggered.connect(lambda _checked=False: slot())
        self.w.addAction(a)
        return a

    def build_actions(self) -> None:
        D = Decision
        self._action("Redact", ["R"], lambda: self.w.decide(D.REDACT))
        self._action("Redact every occurrence", ["Shift+R"], lambda: self.w.decide(D.REDACT, all_occurrences=True))
        self._action("Release", ["E"], lambda: self.w.decide(D.RELEASE))
        self._action("Release every occurrence", ["Shift+E"], lambda: self.w.decide(D.RELEASE, all_occurrences=True))
        self._action("Defer to counsel", ["D"], lambda: self.w.decide(D.DEFER))
        self._action("Defer every occurrence", ["Shift+D"], lambda: self.w.decide(D.DEFER, all_occurrences=True))
        self._action("Not personal information", ["X"], lambda: self.w.decide(D.NOT_PI))
        self._action("Toggle every occurrence", ["A"], self.w.all_occurrences.toggle)
        self._action("Choose reason code", ["C"], self.w._choose_reason_code)
        self._action("Next pending", ["N"], self.w.go_pending)
        self._action("Previous pending", ["P"], lambda: self.w.go_pending(backwards=True))
        self._action("Next finding", ["J", "Down"], lambda: self.w.go_step(1))
        self._action("Previous finding", ["K", "Up"], lambda: self.w.go_step(-1))
        undo = self._action("Undo", ["Ctrl+Z", "U"], self.w.undo)
        self._action("Remove manual redaction", ["Delete", "Backspace"], self.w.remove_selected_manual)
        self._action("Next page", ["]", "Ctrl+PgDown"], lambda: self.w.go_page(self.w.current_page + 1))
        self._action("Previous page", ["[", "Ctrl+PgUp"], lambda: self.w.go_page(self.w.current_page - 1))
        zin = self._action("Zoom in", ["+", "=", "Ctrl++"], self.w.page_view.zoom_in)
        zout = self._action("Zoom out", ["-", "Ctrl+-"], self.w.page_view.zoom_out)
        fit = self._action("Fit width", ["0"], self.w.page_view.fit_width)
        self._action("Shortcuts", ["?", "F1"], self.w.overlay.toggle, "shortcutsAction")
        self._action("Close overlay / back to review", ["Esc"], self.w._escape)
        open_a = self._action("Open case…", ["Ctrl+O"], self.w.choose_and_open)
        export_a = self._action("Export…", ["Ctrl+E"], self.w.start_export, "exportAction")
        search_a = self._action("Search and redact…", ["Ctrl+F"], self.w.open_search)
        page_a = self._action("Redact page", ["W"], self.w.redact_whole_page)
        self.w.refresh_action = self._action("Refresh (what others decided)", ["F5"], self.w.refresh_from_store,
                                           "refreshAction")
        self.w.quit_action = self._action("Quit", ["Ctrl+Q"], self.w.close, "quitAction")
        file_menu = self.w.menuBar().addMenu("&File")
        for a in (open_a, export_a, self.w.refresh_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.w.quit_action)
        view_menu = self.w.menuBar().addMenu("&View")
        self.w.preview_action = self._action("Redacted preview beside the page", ["Ctrl+R"],
                                             lambda: self.w.preview.set_visible(self.w.preview_action.isChecked()),
                                             "previewAction", checkable=True)
        self.w.thumbnails_action = self._action("Page thumbnails", ["Ctrl+T"],
                                                lambda: self.w.page_strip.setVisible(
                                                    self.w.thumbnails_action.isChecked()),
                                                "thumbnailsAction", checkable=True)
        self.w.thumbnails_action.setChecked(True)
        for a in (self.w.preview_action, self.w.thumbnails_action):
            view_menu.addAction(a)
        view_menu.addSeparator()
        for a in (zin, zout, fit):
            view_menu.addAction(a)

        group = QActionGroup(self.w)
        self.w.tool_actions = {}
        for tool, text, key in ((Tool.REVIEW, "Review", "V"), (Tool.BOX, "Draw box", "B"),
                                (Tool.SELECT, "Select text", "T")):
            a = self._action(f"{text}  {key}", [key], partial(self.w.set_tool, tool), checkable=True)
            group.addAction(a)
            self.w.tool_actions[tool] = a
        self.w.tool_actions[Tool.REVIEW].setChecked(True)

        tb = QToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(16, 16))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        open_a.setText("Open…")
        tb.addAction(open_a)
        export_a.setText("Export…  Ctrl+E")
        tb.addAction(export_a)
        tb.addSeparator()
        for a in self.w.tool_actions.values():
            tb.addAction(a)
        page_a.setText("Redact page  W")
        tb.addAction(page_a)
        search_a.setText("Search && redact  Ctrl+F")
        tb.addAction(search_a)
        tb.addSeparator()
        undo.setText("Undo")
        tb.addAction(undo)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        help_b = QPushButton("?  Shortcuts")
        help_b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        help_b.clicked.connect(self.w.overlay.toggle)
        tb.addWidget(help_b)
        self.w.addToolBar(tb)

        def nav_button(text: str, slot: Callable[[], None], tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(tip)
            b.setMaximumWidth(48)
            b.clicked.connect(slot)
            return b

        self.w.doc_title = QLabel("")
        self.w.doc_title.setObjectName("docTitle")
        # a long document name is cut, not a reason for the window to grow (its tooltip has it whole)
        self.w.doc_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.w.doc_title.setMinimumWidth(60)
        self.w.nav_bar.addWidget(self.w.doc_title, 1)
        self.w.nav_bar.addWidget(self.w.tool_label)
        self.w.nav_bar.addWidget(nav_button("◀", lambda: self.w.go_page(self.w.current_page - 1), "Previous page  ["))
        self.w.nav_bar.addWidget(QLabel("Page"))
        self.w.nav_bar.addWidget(self.w.page_spin)
        self.w.nav_bar.addWidget(self.w.page_total)
        self.w.nav_bar.addWidget(nav_button("▶", lambda: self.w.go_page(self.w.current_page + 1), "Next page  ]"))
        self.w.nav_bar.addSpacing(16)
        self.w.nav_bar.addWidget(nav_button("−", zout.trigger, "Zoom out  -"))
        self.w.nav_bar.addWidget(self.w.zoom_label)
        self.w.nav_bar.addWidget(nav_button("+", zin.trigger, "Zoom in  +"))
        fit_b = QPushButton("Fit width")
        fit_b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fit_b.clicked.connect(fit.trigger)
        self.w.nav_bar.addWidget(fit_b)


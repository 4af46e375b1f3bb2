"""The findings of the current document, grouped by category, with filters and a snippet of context."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.model import Finding
from workstation.domain.review import Decision, FindingKey, ManualEntry, ManualKind, snippet
from workstation.qt.theme import (
    MANUAL_COLOR,
    MISPLACED_COLOR,
    STATE_LABELS,
    STATE_TEXT,
    category_color,
    category_name,
)
from workstation.service.layouts import NEEDS_REPLACING

# A document with thousands of findings (a 300-page case has ~10,000) would take the event loop for a second to
# list at once: the first SYNC_ITEMS rows (more than a screenful) are listed at once, the rest CHUNK_ITEMS per turn
# of the event loop.
SYNC_ITEMS = 200
CHUNK_ITEMS = 200

DECISION_FILTERS: list[tuple[str, object]] = [
    ("All decisions", "all"),
    ("Pending", None),
    ("Redact", Decision.REDACT),
    ("Release", Decision.RELEASE),
    ("Defer to counsel", Decision.DEFER),
    ("Not personal info", Decision.NOT_PI),
]


MANUAL_KINDS = {ManualKind.BOX: "Box drawn", ManualKind.SELECTION: "Text selected", ManualKind.SEARCH: "Search match",
                ManualKind.PAGE: "Whole page"}


class FindingsPanel(QWidget):
    findingActivated = Signal(object)  # FindingKey
    manualActivated = Signal(str)  # a manual redaction's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.setToolTip("Filter by category")
        self.decision = QComboBox()
        self.decision.setObjectName("decisionFilter")
        self.decision.setToolTip("Filter by decision")
        for label, _ in DECISION_FILTERS:
            self.decision.addItem(label)
        self.min_score = QDoubleSpinBox()
        self.min_score.setObjectName("scoreFilter")
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix("score ≥ ")
        self.min_score.setToolTip("Show findings with at least this detection score")
        for w in (self.category, self.decision, self.min_score):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.category, 3)
        filters.addWidget(self.decision, 2)
        filters.addWidget(self.min_score, 2)

        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setAccessibleName("Findings of this document")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Finding", "Page", "Score", "Decision"])
        self.tree.setRootIsDecorated(True)
        # Every row is two lines high (a finding and its context; a category's row is given the same height):
        # with rows of different heights the view measured every row each time the list changed, ~50-70 ms for
        # 7,909 findings after a large document was detected
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The other columns get widths that fit their longest possible value. (Fitting them to their contents,
        # ResizeToContents, measures every row again each time rows are added: with thousands of findings that
        # took the event loop for 50-70 ms for every batch of rows listed.)
        metrics = self.tree.fontMetrics()
        widest = {1: ["Page", "0000"], 2: ["Score", "0.00"], 3: ["Decision", *STATE_LABELS.values()]}
        for c, texts in widest.items():
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            width = max(metrics.horizontalAdvance(t) for t in texts) + 2 * metrics.averageCharWidth()
            header.resizeSection(c, width)
        header.setStretchLastSection(False)
        self._row_height = 2 * metrics.lineSpacing() + 2
        self.count_label = QLabel()
        self.count_label.setObjectName("findingsCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)

        self._findings: list[Finding] = []
        self._texts: dict[int, str] = {}
        self._state: Callable[[Finding], Decision | None] = lambda f: None
        self._page_of: Callable[[Finding], int] = lambda f: f.page
        self._items: dict[FindingKey, QTreeWidgetItem] = {}
        self._current: FindingKey | None = None
        self._generation = 0  # bumped by every rebuild: a pending chunk of an older one is dropped
        self._pending: list[Finding] = []
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._manual: list[ManualEntry] = []
        self._misplaced: set[str] = set()  # ids of manual boxes that need re-placing
        self.category.currentIndexChanged.connect(self.rebuild)
        self.decision.currentIndexChanged.connect(self.rebuild)
        self.min_score.valueChanged.connect(self.rebuild)
        self.tree.currentItemChanged.connect(self._on_current_item)

    def set_findings(self, findings: Sequence[Finding], page_texts: dict[int, str],
                     state: Callable[[Finding], Decision | None],
                     page_of: Callable[[Finding], int] | None = None) -> None:
        """``page_texts``: source page texts (for snippets); ``page_of``: the page a finding is shown on."""
        self._page_of = page_of or (lambda f: f.page)
        self._findings = list(findings)
        self._texts = page_texts
        self._state = state
        cats = sorted({f.entity_type for f in self._findings})
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("All categories", None)
        for c in cats:
            self.category.addItem(category_name(c), c)
        idx = self.category.findData(chosen) if chosen else 0
        self.category.setCurrentIndex(max(0, idx))
        self.category.blockSignals(False)
        self.rebuild()

    def set_manual(self, entries: Sequence[ManualEntry], misplaced: Collection[str] = ()) -> None:
        """The reviewer's own redactions of the document (boxes, text selections, search matches, whole pages),
        listed under their own heading with their exemption codes; those of ``misplaced`` (ids) as needing
        re-placing (drawn on an earlier layout of their page: ``service.layouts``)."""
        entries = sorted(entries, key=lambda m: (m.page, m.box[1], m.box[0]))
        if entries == self._manual and set(misplaced) == self._misplaced:
            return
        self._manual = entries
        self._misplaced = set(misplaced)
        self.rebuild()

    def _add_manual(self) -> None:
        cat = self.category.currentData()
        wanted = DECISION_FILTERS[self.decision.currentIndex()][1]
        if not self._manual or cat or wanted not in ("all", Decision.REDACT):
            return
        group = QTreeWidgetItem([f"Manual redactions  ({len(self._manual)})"])
        font = QFont(group.font(0))
        font.setBold(True)
        group.setFont(0, font)
        group.setForeground(0, QBrush(QColor(MANUAL_COLOR)))
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setSizeHint(0, QSize(0, self._row_height))
        self.tree.addTopLevelItem(group)
        group.setExpanded(True)
        for m in self._manual:
            if m.id in self._misplaced:
                item = QTreeWidgetItem([f"{MANUAL_KINDS[m.kind]} · {NEEDS_REPLACING}\nby {m.user}", str(m.page), "",
                                        NEEDS_REPLACING])
                item.setForeground(0, QBrush(QColor(MISPLACED_COLOR)))
                item.setForeground(3, QBrush(QColor(MISPLACED_COLOR)))
                item.setToolTip(0, f"{MANUAL_KINDS[m.kind]} on page {m.page}: drawn on an earlier layout of the page "
                                   "(the text under it may have moved), so the export does not use it - draw it "
                                   "again over the text, then select this one and press Delete")
            else:
                item = QTreeWidgetItem([f"{MANUAL_KINDS[m.kind]} · {m.reason_code or 'no code'}\nby {m.user}",
                                        str(m.page), "", STATE_LABELS[Decision.REDACT]])
                item.setToolTip(0, f"{MANUAL_KINDS[m.kind]} on page {m.page}, exemption code {m.reason_code} "
                                   "(select it on the page and press Delete to remove it)")
            item.setData(0, Qt.ItemDataRole.UserRole + 1, m.id)
            group.addChild(item)

    def _visible(self) -> Callable[[Finding], bool]:
        """Whether a finding passes the filters (read from the widgets once, not once a finding)."""
        cat = self.category.currentData()
        wanted = DECISION_FILTERS[self.decision.currentIndex()][1]
        least = self.min_score.value() - 1e-9
        state = self._state

        def visible(f: Finding) -> bool:
            if cat and f.entity_type != cat:
                return False
            if wanted != "all" and state(f) != wanted:
                return False
            return f.score >= least

        return visible

    def rebuild(self) -> None:
        self._generation += 1
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        self._groups = {}
        visible = self._visible()
        shown = [f for f in self._findings if visible(f)]
        counts: dict[str, int] = {}
        for f in shown:
            counts[f.entity_type] = counts.get(f.entity_type, 0) + 1
        for c, n in counts.items():
            group = QTreeWidgetItem([f"{category_name(c)}  ({n})"])
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, QBrush(category_color(c)))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setSizeHint(0, QSize(0, self._row_height))  # a valid size: the view takes every row's height from it
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
            self._groups[c] = group
        self._add_manual()
        self._add_items(shown[:SYNC_ITEMS])
        self._pending = shown[SYNC_ITEMS:]
        manual = f" · {len(self._manual)} manual redaction(s)" if self._manual else ""
        self.count_label.setText(f"{len(shown)} of {len(self._findings)} findings shown{manual}")
        self.tree.blockSignals(False)
        self._select(self._current)
        if self._pending:
            QTimer.singleShot(0, self, lambda gen=self._generation: self._add_more(gen))

    @property
    def complete(self) -> bool:
        """Every finding that the filters let through is listed (a long list is filled in over a few turns)."""
        return not self._pending

    def _add_more(self, generation: int) -> None:
        if generation != self._generation or not self._pending:
            return
        chunk, self._pending = self._pending[:CHUNK_ITEMS], self._pending[CHUNK_ITEMS:]
        self.tree.blockSignals(True)
        self._add_items(chunk)
        self.tree.blockSignals(False)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._add_more(generation))
        elif self._current is not None and self.tree.currentItem() is None:
            self._select(self._current)

    def _add_items(self, findings: Sequence[Finding]) -> None:
        for f in findings:
            before, text, after = snippet(self._texts.get(f.page, f.text), f.start, f.end)
            item = QTreeWidgetItem([f"{text}\n…{before} [{text}] {after}…", str(self._page_of(f)),
                                    f"{f.score:.2f}", ""])
            item.setToolTip(0, f"…{before} [{text}] {after}…\n{f.entity_type} · {f.recognizer} · score {f.score:.2f}")
            key = f.key
            item.setData(0, Qt.ItemDataRole.UserRole, key)
            self._groups[f.entity_type].addChild(item)
            self._items[key] = item
            self._paint(item, f)

    def _paint(self, item: QTreeWidgetItem, f: Finding) -> None:
        state = self._state(f)
        item.setText(3, STATE_LABELS[state])
        item.setForeground(3, QBrush(QColor(STATE_TEXT[state])))

    def refresh_states(self) -> None:
        wanted = DECISION_FILTERS[self.decision.currentIndex()][1]
        if wanted != "all":  # membership may change
            self.rebuild()
            return
        by_key = {f.key: f for f in self._findings}
        for key, item in self._items.items():
            self._paint(item, by_key[key])

    def set_current(self, key: FindingKey | None) -> None:
        self._current = key
        self._select(key)

    def _select(self, key: FindingKey | None) -> None:
        self.tree.blockSignals(True)
        item = self._items.get(key) if key else None
        self.tree.setCurrentItem(item)  # type: ignore[arg-type]
        if item is not None:
            self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def _on_current_item(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key is not None:
            self.findingActivated.emit(key)
        manual = item.data(0, Qt.ItemDataRole.UserRole + 1)
        if manual:
            self.manualActivated.emit(str(manual))

    def visible_keys(self) -> list[FindingKey]:
        return list(self._items)

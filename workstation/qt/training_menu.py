"""The window's Training menu (issue 15): start a lesson as a practice case, and score the practice case on
screen - each mistake listed with the rule it broke, a double-click showing it on its page.

Everything goes through ``service.training`` (the command line's ``workstation training`` does the same); the
results are kept in the store's training trail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import WorkstationError
from workstation.domain.training import Mistake, Scorecard, Verdict
from workstation.service.training import (
    SPEC_FILE,
    make_lesson_case,
    mistake_texts,
    practice_key,
    record_result,
    score_practice,
    suggestion_filter,
)
from workstation.training.lessons import Lesson, lessons


def install(window: Any) -> None:
    menu = window.menuBar().addMenu("&Training")
    window.lesson_action = QAction("Start a lesson…", window)
    window.score_action = QAction("Score this practice case", window)
    window.lesson_action.triggered.connect(lambda: choose_lesson(window))
    window.score_action.triggered.connect(lambda: show_score(window))
    menu.addAction(window.lesson_action)
    menu.addAction(window.score_action)
    window.suggestion_filter_for = suggestion_filter  # a practice case shows only part of the suggestions


def start_lesson(window: Any, lesson: Lesson, folder: Path, suggestions: str = "half") -> bool:
    """Write the lesson into ``folder``, open it, and set its recipient (its rules are what is practised); the
    trainee is shown ``suggestions`` of the detector's findings (all, a stable half, none)."""
    service = window.case_service
    recipient = RecipientType.parse(lesson.recipient)
    try:
        practice = make_lesson_case(folder, lesson, service.policies.policy(recipient), suggestions)
    except WorkstationError as exc:
        QMessageBox.warning(window, "Cannot start the lesson", str(exc))
        return False
    if not window.open_case([str(p) for p in practice.documents]):
        return False
    try:
        service.set_context(window.case.id, window.account, DisclosureContext(recipient))
    except WorkstationError as exc:
        QMessageBox.warning(window, "Cannot start the lesson", str(exc))
        return False
    from workstation.qt.case_menu import show_state

    show_state(window)  # the recipient's exemption codes become the window's defaults
    window.statusBar().showMessage(f"Lesson: {lesson.title} ({recipient.value}). {lesson.teaches}", 30000)
    return True


def choose_lesson(window: Any) -> None:
    dialog = LessonDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    folder = QFileDialog.getExistingDirectory(window, "A folder for the practice case")
    if folder:
        start_lesson(window, dialog.chosen(), Path(folder) / dialog.chosen().name)


def practice_folder(window: Any) -> Path | None:
    """The folder of the practice case on screen (None: the case on screen is not a practice case)."""
    if window.case is None or not window.case.sources:
        return None
    folder = Path(window.case.sources[0]).parent
    return folder if (folder / SPEC_FILE).is_file() else None


def score_window_case(window: Any) -> Scorecard | None:
    """Score the practice case on screen and keep the result (None: not a practice case)."""
    folder = practice_folder(window)
    if folder is None:
        return None
    service = window.case_service
    case = service.state(window.case.id)
    key = practice_key(folder, service.policies.policy(case.context.recipient))
    card = score_practice(service, window.case.id, key)
    record_result(service, window.account, window.case.id, case.context.recipient.value, card)
    return card


def show_score(window: Any) -> ScoreDialog | None:
    try:
        card = score_window_case(window)
    except WorkstationError as exc:
        QMessageBox.warning(window, "Cannot score", str(exc))
        return None
    if card is None:
        QMessageBox.information(window, "Not a practice case", "The case on screen is not a practice case: start "
                                "one from Training > Start a lesson.")
        return None
    dialog = ScoreDialog(window, card)
    dialog.show()
    return dialog


class LessonDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a lesson")
        self.all = lessons()
        self.combo = QComboBox()
        self.combo.setAccessibleName("Lesson")
        for one in self.all:
            self.combo.addItem(f"{one.title} ({one.language}, for {one.recipient})")
        self.teaches = QLabel(self.all[0].teaches if self.all else "")
        self.teaches.setWordWrap(True)
        self.combo.currentIndexChanged.connect(lambda i: self.teaches.setText(self.all[i].teaches))
        form = QFormLayout(self)
        form.addRow("Lesson", self.combo)
        form.addRow(self.teaches)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> Lesson:
        return self.all[self.combo.currentIndex()]


VERDICT_COLUMNS = (Verdict.CORRECT, Verdict.MISSED, Verdict.RELEASED_WITHOUT_REASON, Verdict.OVER_REDACTED,
                   Verdict.WRONG_CODE)


class ScoreDialog(QDialog):
    """The score per category, and every mistake with its rule; double-click a mistake to see it on its page."""

    def __init__(self, window: Any, card: Scorecard) -> None:
        super().__init__(window)
        self.window_ = window
        self.card = card
        self.setWindowTitle("Practice score")
        total = card.total
        layout = QVBoxLayout(self)
        self.headline = QLabel(f"<b>{total[Verdict.CORRECT.value]} of {sum(total.values())} right "
                               f"({card.accuracy:.0%})</b>")
        layout.addWidget(self.headline)
        self.table = QTableWidget(len(card.per_category), 1 + len(VERDICT_COLUMNS))
        self.table.setAccessibleName("Score per category")
        self.table.setHorizontalHeaderLabels(["Category", *(v.value for v in VERDICT_COLUMNS)])
        self.table.verticalHeader().setVisible(False)
        for row, (category, counts) in enumerate(sorted(card.per_category.items())):
            self.table.setItem(row, 0, QTableWidgetItem(category))
            for col, verdict in enumerate(VERDICT_COLUMNS, start=1):
                self.table.setItem(row, col, QTableWidgetItem(str(counts[verdict.value])))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        layout.addWidget(QLabel("Mistakes (double-click to see one on its page):"))
        self.mistakes = QListWidget()
        self.mistakes.setAccessibleName("Mistakes")
        self.mistakes.setWordWrap(True)
        self.mistakes.setAlternatingRowColors(True)
        self.mistakes.setSpacing(3)
        for m, text in zip(card.mistakes, mistake_texts(card.mistakes), strict=True):
            item = QListWidgetItem(self._describe(m, text))
            item.setData(Qt.ItemDataRole.UserRole, m)
            self.mistakes.addItem(item)
        self.mistakes.itemDoubleClicked.connect(lambda item: self.show_mistake(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.mistakes, 1)
        self.resize(760, 560)

    @staticmethod
    def _describe(m: Mistake, text: str) -> str:
        did = m.answer.decision if m.answer is not None else "nothing"
        return (f"{m.verdict.value}: {m.item.category or 'decoy'} “{text}” - you: {did}; expected: "
                f"{m.item.expect.value}{' ' + m.item.code if m.item.code else ''}\n{m.item.rule.value}: "
                f"{m.item.explanation}")

    def show_mistake(self, m: Mistake) -> int | None:
        """Show the page of the window on which the mistake's text sits; returns that page."""
        ld = self.window_.by_path.get(m.item.span.document)
        if ld is None or ld.layout is None:
            return None
        span = m.item.span
        if ld.layout.rendered is not None:
            pages = ld.layout.rendered.boxes_for_span(span.page, span.start, span.end)
            page = min(pages) if pages else 1
        else:
            page = span.page
        self.window_.show_document(ld, page)
        return int(page)

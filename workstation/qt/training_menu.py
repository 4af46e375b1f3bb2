"""The window's Training menu (issue 15): start a lesson as a practice case, score the practice case on screen -
each mistake listed with the rule it broke and, when selected, drawn on its page beside the key (the key's box
solid and dark, the trainee's dashed, each labelled), a double-click showing it on the window's page - and the
training results over time (``training_results``).

Everything goes through ``service.training`` (the command line's ``workstation training`` does the same); the
results are kept in the store's training trail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import WorkstationError
from workstation.domain.training import Mistake, Scorecard, Verdict
from workstation.qt import theme
from workstation.service.training import (
    PRACTICE_TYPES,
    SPEC_FILE,
    MistakePicture,
    make_lesson_case,
    make_practice_case,
    mistake_picture,
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
    window.practice_action = QAction("Start a generated practice case…", window)
    window.practice_action.triggered.connect(lambda: choose_practice(window))
    window.score_action.triggered.connect(lambda: show_score(window))
    window.training_results_action = QAction("Training results over time…", window)
    window.training_results_action.triggered.connect(lambda: show_results(window))
    menu.addAction(window.lesson_action)
    menu.addAction(window.practice_action)
    menu.addAction(window.score_action)
    menu.addSeparator()
    menu.addAction(window.training_results_action)
    window.suggestion_filter_for = suggestion_filter  # a practice case shows only part of the suggestions


def show_results(window: Any) -> QDialog:
    """The training results over time: every trainee's for a supervisor, a trainee's own otherwise."""
    from workstation.qt.training_results import TrainingResultsDialog

    dialog = TrainingResultsDialog(window.case_service, window.account, window)
    dialog.show()
    return dialog


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
    return _open_practice(window, practice.documents, recipient,
                          f"Lesson: {lesson.title} ({recipient.value}). {lesson.teaches}")


def _open_practice(window: Any, documents: tuple[Path, ...], recipient: RecipientType, message: str) -> bool:
    if not window.open_case([str(p) for p in documents]):
        return False
    try:
        window.case_service.set_context(window.case.id, window.account, DisclosureContext(recipient))
    except WorkstationError as exc:
        QMessageBox.warning(window, "Cannot start the practice case", str(exc))
        return False
    from workstation.qt.case_menu import show_state

    show_state(window)  # the recipient's exemption codes become the window's defaults
    window.statusBar().showMessage(message, 30000)
    return True


def start_practice(window: Any, folder: Path, recipient: RecipientType, seed: str, suggestions: str = "half",
                   types: tuple[str, ...] = PRACTICE_TYPES, formats: tuple[str, ...] | None = None) -> bool:
    """Write a generated practice case (PDFs, a scanned page and text by default) into ``folder``, open it under
    ``recipient``; the trainee is shown ``suggestions`` of the detector's findings."""
    try:
        practice = make_practice_case(folder, window.case_service.policies.policy(recipient), seed=seed,
                                      types=types, formats=formats, suggestions=suggestions)
    except WorkstationError as exc:
        QMessageBox.warning(window, "Cannot start the practice case", str(exc))
        return False
    return _open_practice(window, practice.documents, recipient,
                          f"Practice case {seed} ({recipient.value}): {len(practice.documents)} document(s); "
                          "review it, then Training > Score this practice case.")


def choose_practice(window: Any) -> None:
    from datetime import UTC, datetime

    names = [r.value for r in RecipientType]
    recipient, ok = QInputDialog.getItem(window, "Start a generated practice case", "Recipient", names,
                                         names.index(RecipientType.FEDERAL_IMMIGRATION.value), False)
    if not ok:
        return
    folder = QFileDialog.getExistingDirectory(window, "A folder for the practice case")
    if folder:
        seed = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        start_practice(window, Path(folder) / f"practice-{seed}", RecipientType.parse(recipient), seed)


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


KEY_PEN = (theme.CURRENT_EDGE, 3.0, Qt.PenStyle.SolidLine)  # the key's box: solid and dark
ANSWER_PEN = (theme.MANUAL_COLOR, 2.5, Qt.PenStyle.DashLine)  # the trainee's: dashed
CONTEXT_POINTS = 60.0  # page shown above and below the boxes
CONTEXT_WIDTH = 170.0  # and on either side


class MistakeView(QWidget):
    """One mistake on its page: the page as the trainee reviewed it, cropped around the text, with the key's box
    (solid, dark, labelled KEY above it) and the trainee's (dashed, labelled YOU below it) - told apart by line
    style and label, not by colour alone - and the rule's explanation under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.image = QLabel("Select a mistake to see it on its page beside the key.")
        self.image.setAccessibleName("Mistake on its page")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(420, 220)
        self.image.setWordWrap(True)
        layout.addWidget(self.image, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName("The rule")
        layout.addWidget(self.explanation)
        self.picture: MistakePicture | None = None
        self.drawn = QPixmap()  # the picture at full size; shown scaled down to fit
        self.origin = (0.0, 0.0)

    def _fit(self) -> None:
        if self.drawn.isNull():
            return
        width = max(100, self.image.width() - 4)
        self.image.setPixmap(self.drawn if self.drawn.width() <= width else self.drawn.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def show_picture(self, picture: MistakePicture | None, problem: str = "") -> None:
        self.picture = picture
        if picture is None:
            self.drawn = QPixmap()
            self.image.setPixmap(QPixmap())
            self.image.setText(problem or "No picture of this mistake.")
            self.legend.setText("")
            self.explanation.setText("")
            return
        self.drawn = self._draw(picture)
        self._fit()
        key = picture.key_label.removeprefix("key: ")
        you = picture.answer_label.removeprefix("you: ")
        self.legend.setText(
            f"<b>━━ KEY</b> (solid dark outline): {key} &nbsp;&nbsp; "
            f"<b><span style='color:{theme.MANUAL_COLOR}'>┅┅ YOU</span></b> (dashed outline): {you}"
            + ("" if picture.answer_boxes else " - nothing on the page"))
        self.explanation.setText(picture.explanation)

    def _draw(self, picture: MistakePicture) -> QPixmap:
        image = QImage.fromData(picture.png).convertToFormat(QImage.Format.Format_RGB32)
        z = picture.zoom
        boxes = [*picture.key_boxes, *picture.answer_boxes]
        left = offset = 0.0
        if boxes:  # the part of the page around the boxes
            top = max(0.0, min(b[1] for b in boxes) - CONTEXT_POINTS) * z
            bottom = min(image.height(), (max(b[3] for b in boxes) + CONTEXT_POINTS) * z)
            left = max(0.0, min(b[0] for b in boxes) - CONTEXT_WIDTH) * z
            right = min(image.width(), (max(b[2] for b in boxes) + CONTEXT_WIDTH) * z)
            image = image.copy(int(left), int(top), max(1, int(right - left)), max(1, int(bottom - top)))
            left, offset = int(left), int(top)
        self.origin = (left, offset)  # where the drawn part starts on the page's image (pixels)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont()
        font.setPixelSize(max(12, int(8 * z)))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)

        def rect_of(b: tuple[float, float, float, float], pad: float) -> QRectF:
            return QRectF(b[0] * z - left - pad, b[1] * z - offset - pad, (b[2] - b[0]) * z + 2 * pad,
                          (b[3] - b[1]) * z + 2 * pad)

        def draw(rects: tuple[tuple[float, float, float, float], ...], spec: tuple[str, float, Qt.PenStyle],
                 pad: float, label: str, above: bool) -> None:
            if not rects:
                return
            color, width, style = spec
            painter.setPen(QPen(QColor(color), width, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            shapes = [rect_of(b, pad) for b in rects]
            for r in shapes:
                painter.drawRect(r)
            anchor = shapes[0] if above else shapes[-1]
            w, h = metrics.horizontalAdvance(label) + 8, metrics.height() + 4
            y = anchor.top() - h - 2 if above else anchor.bottom() + 2
            chip = QRectF(anchor.left(), max(0.0, min(y, image.height() - h)), w, h)
            painter.setPen(QPen(QColor(color), 1.5, style))
            painter.setBrush(QColor(theme.PAGE_PAPER))
            painter.drawRect(chip)
            painter.setPen(QColor(color if color == theme.MANUAL_COLOR else theme.PLAIN_TEXT))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)

        draw(picture.key_boxes, KEY_PEN, 3.0, picture.key_label.replace("key:", "KEY:"), True)
        draw(picture.answer_boxes, ANSWER_PEN, 6.0, picture.answer_label.replace("you:", "YOU:"), False)
        painter.end()
        return QPixmap.fromImage(image)


class ScoreDialog(QDialog):
    """The score per category, and every mistake with its rule; a selected mistake is drawn on its page beside
    the key; double-click a mistake to see it on the window's page."""

    def __init__(self, window: Any, card: Scorecard) -> None:
        super().__init__(window)
        self.window_ = window
        self.card = card
        self.setWindowTitle("Practice score")
        total = card.total
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(left)
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
        layout.addWidget(QLabel("Mistakes (select one to see it beside the key; double-click: on the window's "
                                "page):"))
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
        box = QGroupBox("The mistake on its page, beside the key")
        QVBoxLayout(box).addWidget(view := MistakeView())
        self.view = view
        splitter.addWidget(box)
        splitter.setSizes([620, 620])
        self.mistakes.currentRowChanged.connect(self.picture_of)
        if card.mistakes:
            self.mistakes.setCurrentRow(0)
        self.resize(1280, 700)

    def picture_of(self, row: int) -> MistakePicture | None:
        """Draw the mistake of ``row`` on its page beside the key (through the service)."""
        if not 0 <= row < len(self.card.mistakes):
            self.view.show_picture(None)
            return None
        try:
            picture = mistake_picture(self.card.mistakes[row], zoom=2.0)
        except WorkstationError as exc:
            self.view.show_picture(None, str(exc))
            return None
        self.view.show_picture(picture)
        return picture

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

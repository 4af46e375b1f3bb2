"""Training results over time (issue 15): a supervisor's view of every clerk's practice results per category and
their trend per week - the same records as ``workstation training report`` (the store's training trail, counts only,
never a text), read through ``service.training.result_summary``. A trainee who is no supervisor sees their own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import categories as C
from workstation.domain.errors import WorkstationError
from workstation.domain.roles import Permission, User
from workstation.domain.training import Verdict
from workstation.qt import theme
from workstation.service.training import ResultSummary, result_summary

VERDICTS = (Verdict.CORRECT, Verdict.MISSED, Verdict.RELEASED_WITHOUT_REASON, Verdict.OVER_REDACTED,
            Verdict.WRONG_CODE)
EVERY = "Every trainee"
# one series per trainee: told apart by marker shape and line style (and named at the line's end), colour only adds
SERIES_COLORS = (theme.PLAIN_TEXT, theme.CATEGORY_COLORS[C.PERSON], theme.MANUAL_COLOR,
                 theme.CATEGORY_COLORS[C.ADDRESS], theme.CATEGORY_COLORS[C.PHONE_NUMBER])
SERIES_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
MARKERS = ("circle", "square", "triangle", "diamond")
LABEL_WIDTH = 190.0  # right of the plot: each trainee's marker, line style, name and latest share


def percent(right: int, total: int) -> str:
    return f"{right / total:.0%}" if total else "-"


def sees_everyone(user: User) -> bool:
    return user.can(Permission.SPOT_CHECK) or user.can(Permission.ASSIGN_ROLES)


class TrendChart(QWidget):
    """Per trainee, the share of items judged right in each week's practice rounds (0-100 %), as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Results per week")
        self.setMinimumSize(420, 240)
        self.weeks: list[str] = []
        self.series: dict[str, list[tuple[int, float]]] = {}  # trainee -> (week index, share right)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 300)

    def set_summary(self, summary: ResultSummary) -> None:
        self.weeks = summary.weeks
        self.series = {}
        for trainee in summary.trainees:
            points = []
            for i, week in enumerate(self.weeks):
                right, total = summary.per_week.get((trainee, week), (0, 0))
                if total:
                    points.append((i, right / total))
            if points:
                self.series[trainee] = points
        self.update()

    def point(self, week: int, share: float) -> QPointF:
        plot = self.plot_rect()
        x = plot.left() + (plot.width() * (week + 0.5) / max(1, len(self.weeks)))
        return QPointF(x, plot.bottom() - share * plot.height())

    def plot_rect(self) -> QRectF:
        return QRectF(52, 14, max(10, self.width() - 52 - LABEL_WIDTH), max(10, self.height() - 14 - 40))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.PAGE_PAPER))
        plot = self.plot_rect()
        ink = QColor(theme.PLAIN_TEXT)
        grid = QColor(theme.MARKER_FRAME)
        metrics = painter.fontMetrics()
        for pct in (0, 25, 50, 75, 100):
            y = plot.bottom() - pct / 100 * plot.height()
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine if pct else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(ink)
            painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{pct}%")
        painter.setPen(QPen(ink, 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for i, week in enumerate(self.weeks):
            x = self.point(i, 0).x()
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, 16), Qt.AlignmentFlag.AlignCenter, week)
        painter.drawText(QRectF(plot.left(), plot.bottom() + 20, plot.width(), 16), Qt.AlignmentFlag.AlignCenter,
                         "ISO week of the practice rounds - share of items judged right")
        if not self.series:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No practice rounds scored yet.")
        series = sorted(self.series.items())
        for n, (_trainee, points) in enumerate(series):
            color = QColor(SERIES_COLORS[n % len(SERIES_COLORS)])
            painter.setPen(QPen(color, 2, SERIES_STYLES[n % len(SERIES_STYLES)]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            xy = [self.point(w, share) for w, share in points]
            for a, b in zip(xy, xy[1:], strict=False):
                painter.drawLine(a, b)
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(color)
            for p in xy:
                self._marker(painter, MARKERS[n % len(MARKERS)], p)
        # the names at the right, each at the height of its latest week, pushed apart so none overlaps another
        wanted = sorted((self.point(*points[-1]).y(), n) for n, (_, points) in enumerate(series))
        placed: list[tuple[float, int]] = []
        for y, n in wanted:
            placed.append((max(y, placed[-1][0] + 18) if placed else y, n))
        x = plot.right() + 12
        for y, n in placed:
            trainee, points = series[n]
            color = QColor(SERIES_COLORS[n % len(SERIES_COLORS)])
            painter.setPen(QPen(color, 2, SERIES_STYLES[n % len(SERIES_STYLES)]))
            painter.drawLine(QPointF(x, y), QPointF(x + 26, y))
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(color)
            self._marker(painter, MARKERS[n % len(MARKERS)], QPointF(x + 13, y))
            painter.setPen(ink)
            label = f"{trainee} {points[-1][1]:.0%}"
            painter.drawText(QRectF(x + 32, y - 8, metrics.horizontalAdvance(label) + 4, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()

    @staticmethod
    def _marker(painter: QPainter, shape: str, p: QPointF, r: float = 4.5) -> None:
        if shape == "circle":
            painter.drawEllipse(p, r, r)
        elif shape == "square":
            painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
        elif shape == "triangle":
            painter.drawPolygon(QPolygonF([QPointF(p.x(), p.y() - r), QPointF(p.x() + r, p.y() + r),
                                           QPointF(p.x() - r, p.y() + r)]))
        else:
            painter.drawPolygon(QPolygonF([QPointF(p.x(), p.y() - r), QPointF(p.x() + r, p.y()),
                                           QPointF(p.x(), p.y() + r), QPointF(p.x() - r, p.y())]))


class TrainingResultsDialog(QDialog):
    """Per trainee and category, the count of each verdict over every practice round; per week, each trainee's
    share right (a chart and the same numbers as a table)."""

    def __init__(self, service: Any, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.user = user
        self.setWindowTitle("Training results over time")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.trainee = QComboBox()
        self.trainee.setAccessibleName("Trainee")
        form.addRow("Trainee", self.trainee)
        layout.addLayout(form)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)
        self.table = QTableWidget(0, 3 + len(VERDICTS))
        self.table.setAccessibleName("Results per trainee and category")
        self.table.setHorizontalHeaderLabels(["Trainee", "Category", *(v.value for v in VERDICTS), "right"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.table)
        trend = QGroupBox("Trend per week")
        trend_layout = QVBoxLayout(trend)
        self.chart = TrendChart()
        trend_layout.addWidget(self.chart, 2)
        self.weeks = QTableWidget(0, 0)
        self.weeks.setAccessibleName("Share right per week")
        self.weeks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        trend_layout.addWidget(self.weeks, 1)
        splitter.addWidget(trend)
        self.summary = ResultSummary()
        self.sees_all = sees_everyone(user)
        self.trainee.addItem(EVERY if self.sees_all else user.name)
        self.trainee.setEnabled(self.sees_all)
        self.refresh()
        if self.sees_all:
            self.trainee.addItems(self.summary.trainees)
        self.trainee.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(1000, 760)

    def chosen(self) -> str | None:
        text = self.trainee.currentText()
        return None if text == EVERY else (text or self.user.name)

    def refresh(self) -> ResultSummary:
        try:
            self.summary = result_summary(self.service, self.user, self.chosen())
        except WorkstationError as exc:
            self.headline.setText(str(exc))
            self.summary = ResultSummary()
        s = self.summary
        rounds = sum(s.rounds.values())
        who = "every trainee" if self.chosen() is None else self.chosen()
        self.headline.setText(f"{rounds} practice round(s) of {who} in {len(s.weeks)} week(s). Counts only: no "
                              "text of any practice case (the records of `workstation training report`).")
        rows = sorted(s.per_category.items())
        self.table.setRowCount(len(rows))
        for r, ((trainee, category), counts) in enumerate(rows):
            total = sum(counts.values())
            cells = [trainee, theme.category_name(category) if category != "(decoy)" else "decoy",
                     *(str(counts[v.value]) for v in VERDICTS), percent(counts[Verdict.CORRECT.value], total)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        trainees = s.trainees
        self.weeks.clear()
        self.weeks.setRowCount(len(s.weeks))
        self.weeks.setColumnCount(len(trainees))
        self.weeks.setHorizontalHeaderLabels(trainees)
        self.weeks.setVerticalHeaderLabels(s.weeks)
        for r, week in enumerate(s.weeks):
            for c, trainee in enumerate(trainees):
                right, total = s.per_week.get((trainee, week), (0, 0))
                self.weeks.setItem(r, c, QTableWidgetItem(f"{right} of {total} ({percent(right, total)})"
                                                          if total else ""))
        self.weeks.resizeColumnsToContents()
        self.chart.set_summary(s)
        return s

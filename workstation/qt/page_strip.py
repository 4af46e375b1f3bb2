"""The strip of page thumbnails beside the page, each marked with where its review stands.

A page with pending findings, with deferred findings (and none pending), with only decided items, or with none
is marked by a shape drawn on the thumbnail (a dot, a flag, a check mark; nothing) and by the words under it
("● 3 pending", "⚑ 1 deferred", "✓ decided"), never by colour alone; the marker is the item's accessible text too.
Clicking a thumbnail shows its page. Thumbnails are rendered a few at a time on the window's turns
(``THUMBS_PER_TURN``), so a long document does not hold the window while its strip fills.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from workstation.domain.model import Finding
from workstation.domain.review import Decision
from workstation.qt.theme import MARKER_COLORS, MARKER_FRAME, MARKER_OUTLINE, PAGE_PAPER

THUMB_WIDTH = 92  # pixels
THUMBS_PER_TURN = 3


class PageMarker(StrEnum):
    PENDING = "pending"  # at least one finding without a decision
    DEFERRED = "deferred"  # none pending, at least one waiting for counsel
    DECIDED = "decided"  # every item on it decided (findings or manual boxes)
    NONE = "none"  # nothing found or drawn on it


def page_marker(states: Iterable[Decision | None], manual: int = 0) -> tuple[PageMarker, int]:
    """The marker of a page from the states of the findings on it and its number of manual boxes: the marker and
    the count it shows (pending or deferred findings; decided items)."""
    states = list(states)
    pending = sum(1 for s in states if s is None)
    deferred = sum(1 for s in states if s is Decision.DEFER)
    if pending:
        return PageMarker.PENDING, pending
    if deferred:
        return PageMarker.DEFERRED, deferred
    if states or manual:
        return PageMarker.DECIDED, len(states) + manual
    return PageMarker.NONE, 0


def marker_text(marker: PageMarker, count: int) -> str:
    return {PageMarker.PENDING: f"● {count} pending", PageMarker.DEFERRED: f"⚑ {count} deferred",
            PageMarker.DECIDED: "✓ decided", PageMarker.NONE: "no items"}[marker]


def document_markers(by_page: dict[int, list[Finding]], page_count: int, state: Callable[[Finding], Decision | None],
                     manual_pages: Sequence[int]) -> dict[int, tuple[PageMarker, int]]:
    """Each page's marker (1..page_count): the findings drawn on it (``by_page``) and the pages of manual boxes."""
    manual: dict[int, int] = {}
    for p in manual_pages:
        manual[p] = manual.get(p, 0) + 1
    return {p: page_marker((state(f) for f in by_page.get(p, ())), manual.get(p, 0))
            for p in range(1, page_count + 1)}


def _badge(pixmap: QPixmap, marker: PageMarker) -> QPixmap:
    """The thumbnail framed (a white page on a white list), with its marker's shape in the top-right corner."""
    out = QPixmap(pixmap)
    p = QPainter(out)
    p.setPen(QPen(QColor(MARKER_FRAME), 1.0))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(0.5, 0.5, out.width() - 1.0, out.height() - 1.0))
    if marker is PageMarker.NONE:
        p.end()
        return out
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = 10.0
    c = QPointF(out.width() / out.devicePixelRatio() - r - 3, r + 3)
    p.setPen(QPen(QColor(MARKER_OUTLINE), 2.0))
    p.setBrush(QBrush(QColor(MARKER_COLORS[marker.value])))
    if marker is PageMarker.PENDING:  # a dot
        p.drawEllipse(c, r, r)
    elif marker is PageMarker.DEFERRED:  # a flag on a pole
        p.drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 3, 3)
        path = QPainterPath()
        path.moveTo(c.x() - 5, c.y() + 7)
        path.lineTo(c.x() - 5, c.y() - 7)
        path.lineTo(c.x() + 6, c.y() - 3.5)
        path.lineTo(c.x() - 5, c.y())
        p.setPen(QPen(QColor(MARKER_OUTLINE), 2.0))
        p.setBrush(QBrush(QColor(MARKER_OUTLINE)))
        p.drawPath(path)
    else:  # a check mark
        p.drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 3, 3)
        p.setPen(QPen(QColor(MARKER_OUTLINE), 2.5))
        p.drawPolyline([QPointF(c.x() - 5, c.y()), QPointF(c.x() - 1.5, c.y() + 4), QPointF(c.x() + 5, c.y() - 5)])
    p.end()
    return out


class PageStrip(QListWidget):
    """The thumbnails of the document's pages, top to bottom; ``pageChosen(page)`` when one is clicked."""

    pageChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self.setAccessibleName("Page thumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.3)))
        self.setSpacing(4)
        self.setWordWrap(True)
        line = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(THUMB_WIDTH + 24, int(THUMB_WIDTH * 1.3) + 2 * line + 12))
        self.setFixedWidth(THUMB_WIDTH + 48)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._raster_of: Callable[[], Any] | None = None
        self._base: dict[int, QPixmap] = {}
        self._markers: dict[int, tuple[PageMarker, int]] = {}
        self._todo: list[int] = []
        self._generation = 0
        self.currentRowChanged.connect(self._on_row)

    @property
    def markers(self) -> dict[int, tuple[PageMarker, int]]:
        return dict(self._markers)

    @property
    def complete(self) -> bool:
        """Every thumbnail is rendered."""
        return not self._todo

    def set_document(self, raster_of: Callable[[], Any], page_sizes: Sequence[tuple[float, float]],
                     markers: dict[int, tuple[PageMarker, int]]) -> None:
        """A document's pages (``raster_of()``: its current ``PdfRasterizer``, asked for at each turn, as a
        document read by OCR gets a new one; ``page_sizes`` in points), blank until rendered, with their
        markers."""
        self._generation += 1
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._raster_of = raster_of
        self._base = {}
        self._markers = {}
        for n, (w, h) in enumerate(page_sizes, start=1):
            blank = QPixmap(THUMB_WIDTH, max(20, int(THUMB_WIDTH * h / max(w, 1.0))))
            blank.fill(QColor(PAGE_PAPER))
            self._base[n] = blank
            item = QListWidgetItem(f"{n}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self.set_markers(markers)
        self._todo = list(range(1, len(page_sizes) + 1))
        if self._todo:
            QTimer.singleShot(0, self, lambda gen=self._generation: self._render_some(gen))

    def _render_some(self, generation: int) -> None:
        raster = self._raster_of() if self._raster_of is not None else None
        if generation != self._generation or raster is None:
            return
        chunk, self._todo = self._todo[:THUMBS_PER_TURN], self._todo[THUMBS_PER_TURN:]
        for n in chunk:
            w, _h = raster.page_size(n)
            r = raster.render(n, THUMB_WIDTH / max(w, 1.0))
            image = QImage(r.samples, r.width, r.height, r.stride, QImage.Format.Format_RGB888).copy()
            self._base[n] = QPixmap.fromImage(image)
            self._paint(n)
        if self._todo:
            QTimer.singleShot(0, self, lambda: self._render_some(generation))

    def set_markers(self, markers: dict[int, tuple[PageMarker, int]]) -> None:
        """Mark each page (only the pages whose marker changed are painted again)."""
        for n, marker in markers.items():
            if self._markers.get(n) != marker and n in self._base:
                self._markers[n] = marker
                self._paint(n)

    def _paint(self, n: int) -> None:
        item = self.item(n - 1)
        if item is None:
            return
        marker, count = self._markers.get(n, (PageMarker.NONE, 0))
        words = marker_text(marker, count)
        item.setIcon(QIcon(_badge(self._base[n], marker)))
        item.setText(f"{n}\n{words}" if marker is not PageMarker.NONE else f"{n}")
        item.setToolTip(f"Page {n}: {words}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Page {n}: {words}")

    def set_current(self, page: int) -> None:
        self.blockSignals(True)
        self.setCurrentRow(page - 1)
        self.blockSignals(False)
        item = self.item(page - 1)
        if item is not None:
            self.scrollToItem(item)

    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.pageChosen.emit(row + 1)

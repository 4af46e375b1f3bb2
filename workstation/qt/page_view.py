"""The page in the centre: the rendered page, boxes for findings and manual redactions, zoom, drawing.

Scene coordinates are PDF points (top-left origin), the same as the boxes of findings and of ``ManualRedaction``:
the page image is rendered at the zoom (times the screen's pixel ratio) and scaled back into points, and the view
transform applies the zoom, so boxes sit on their words at every zoom level.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from workstation.documents.raster import PdfRasterizer
from workstation.domain.model import Rect
from workstation.qt.theme import PAGE_MESSAGE, PAGE_SURROUND, RUBBER_BAND, current_glow_pen, current_pen

LINE_DRAG = 4.0  # points: a text selection flatter than this is a drag along a line, taken as a band this high
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class Tool(StrEnum):
    REVIEW = "review"
    BOX = "box"  # draw a box to redact an area
    SELECT = "select"  # drag over text to redact it


@dataclass(frozen=True)
class Overlay:
    rect: Rect
    pen: QPen
    brush: QBrush
    key: object  # FindingKey or manual entry id
    current: bool = False
    tooltip: str = ""


class PageView(QGraphicsView):
    rectDrawn = Signal(object, object)  # (Tool, Rect in page points)
    itemClicked = Signal(object)  # the overlay's key
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setBackgroundBrush(QColor(PAGE_SURROUND))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.zoom = 1.25
        self.tool = Tool.REVIEW
        self._raster: PdfRasterizer | None = None
        self._preview: PdfRasterizer | None = None  # show_preview's own rasterizer, closed when replaced
        self._page = 0
        self._page_size = (612.0, 792.0)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._overlay_items: list[QGraphicsRectItem] = []
        self._drag_origin: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None
        self.message = ""

    # ----- content
    @property
    def page_number(self) -> int:
        return self._page

    @property
    def page_size(self) -> tuple[float, float]:
        return self._page_size

    @property
    def previewing(self) -> bool:
        """A PDF's first page is shown before its document is loaded (``show_preview``)."""
        return self._preview is not None and self._raster is self._preview

    def show_preview(self, pdf: bytes | None, fit: bool = False) -> None:
        """Show page 1 of ``pdf`` while its document is still being read, if nothing else is shown yet (a message
        such as "Loading the case…" is); ``None`` takes such a preview back (the file could not be read after all).
        ``fit``: fit the page to the view's width, as for the case's first page."""
        if pdf is None:
            if self.previewing:
                self.show_message("Loading the case…")
            return
        if self._raster is not None or self._pixmap_item is not None:
            return  # a document page is on screen already
        self._close_preview()
        self._preview = PdfRasterizer(pdf)
        zoom = self._fit_zoom(self._preview.page_size(1)[0]) if fit and self.isVisible() else self.zoom
        changed = abs(zoom - self.zoom) > 1e-6
        self.zoom = zoom  # rendered once, at the width it is shown at
        self.show_page(self._preview, 1)
        if changed:
            self.zoomChanged.emit(self.zoom)

    def _close_preview(self) -> None:
        if self._preview is not None and self._raster is not self._preview:
            self._preview.close()
            self._preview = None

    def show_page(self, raster: PdfRasterizer | None, page: int) -> None:
        if raster is self._raster and page == self._page and self._pixmap_item is not None:
            return
        self._raster, self._page = raster, page
        self._close_preview()
        self._render()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def show_message(self, text: str) -> None:
        """Show a message instead of a page (a document that could not be loaded, or is still loading)."""
        self._raster, self._page = None, 0
        self._close_preview()
        self.message = text
        self._scene.clear()
        self._pixmap_item = None
        self._overlay_items = []
        item = self._scene.addText(text)
        item.setDefaultTextColor(QColor(PAGE_MESSAGE))
        item.setTextWidth(420)
        self._scene.setSceneRect(QRectF(-20, -20, 460, 200))
        self.resetTransform()

    def _render(self) -> None:
        self._scene.clear()
        self._pixmap_item = None
        self._overlay_items = []
        self.message = ""
        if self._raster is None:
            return
        self._page_size = self._raster.page_size(self._page)
        scale = self.zoom * max(1.0, self.devicePixelRatioF())
        r = self._raster.render(self._page, scale)
        image = QImage(r.samples, r.width, r.height, r.stride, QImage.Format.Format_RGB888).copy()
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(1.0 / r.zoom)  # the zoom it was rendered at: lower than asked for a huge page
        item.setZValue(0)
        self._scene.addItem(item)
        self._pixmap_item = item
        w, h = self._page_size
        shadow = self._scene.addRect(QRectF(3, 3, w, h), QPen(Qt.PenStyle.NoPen), QBrush(QColor(0, 0, 0, 70)))
        shadow.setZValue(-1)
        self._scene.setSceneRect(QRectF(-12, -12, w + 24, h + 24))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)

    def set_overlays(self, overlays: list[Overlay]) -> None:
        for it in self._overlay_items:
            self._scene.removeItem(it)
        self._overlay_items = []
        for ov in overlays:
            x0, y0, x1, y1 = ov.rect
            pad = 1.0
            item = QGraphicsRectItem(QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad))
            item.setPen(ov.pen)
            item.setBrush(ov.brush)
            item.setData(0, ov.key)
            item.setZValue(3 if ov.current else 2)
            if ov.tooltip:
                item.setToolTip(ov.tooltip)
            self._scene.addItem(item)
            self._overlay_items.append(item)
            if ov.current:
                for pen in (current_glow_pen(), current_pen()):  # a yellow glow inside a dark edge
                    halo = QGraphicsRectItem(QRectF(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6))
                    halo.setPen(pen)
                    halo.setBrush(Qt.BrushStyle.NoBrush)
                    halo.setData(0, ov.key)
                    halo.setData(1, "halo")
                    halo.setZValue(4)
                    self._scene.addItem(halo)
                    self._overlay_items.append(halo)

    def overlay_rects(self) -> list[tuple[object, Rect]]:
        """(key, rect in page points) of every box drawn (for tests and screenshots)."""
        out = []
        for it in self._overlay_items:
            if it.data(1) == "halo":
                continue
            r = it.rect()
            out.append((it.data(0), (r.left(), r.top(), r.right(), r.bottom())))
        return out

    def ensure_rect_visible(self, rect: Rect) -> None:
        x0, y0, x1, y1 = rect
        self.ensureVisible(QRectF(x0, y0, x1 - x0, y1 - y0), 60, 80)

    # ----- zoom
    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if abs(zoom - self.zoom) < 1e-6:
            return
        centre = self.mapToScene(self.viewport().rect().center())
        self.zoom = zoom
        self._render_keep_overlays()
        self.centerOn(centre)
        self.zoomChanged.emit(self.zoom)

    def _render_keep_overlays(self) -> None:
        saved = [(it.rect(), it.pen(), it.brush(), it.data(0), it.data(1), it.zValue(), it.toolTip())
                 for it in self._overlay_items]
        self._render()
        for rect, pen, brush, key, tag, z, tip in saved:
            item = QGraphicsRectItem(rect)
            item.setPen(pen)
            item.setBrush(brush)
            item.setData(0, key)
            item.setData(1, tag)
            item.setZValue(z)
            item.setToolTip(tip)
            self._scene.addItem(item)
            self._overlay_items.append(item)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.set_zoom(self._fit_zoom(self._page_size[0]))

    def _fit_zoom(self, page_width: float) -> float:
        avail = self.viewport().width() - 40
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], round(max(0.5, avail / (page_width + 24)), 2)))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    # ----- mouse: click a box, or draw a rectangle with the box / select tools
    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        cursor = Qt.CursorShape.ArrowCursor if tool is Tool.REVIEW else (
            Qt.CursorShape.CrossCursor if tool is Tool.BOX else Qt.CursorShape.IBeamCursor)
        self.viewport().setCursor(cursor)

    def _page_point(self, event: QMouseEvent) -> QPointF:
        p = self.mapToScene(event.position().toPoint())
        w, h = self._page_size
        return QPointF(min(max(p.x(), 0.0), w), min(max(p.y(), 0.0), h))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._pixmap_item is None:
            super().mousePressEvent(event)
            return
        if self.tool is Tool.REVIEW:
            scene_pos = self.mapToScene(event.position().toPoint())
            hits = [it for it in self._scene.items(scene_pos) if it.data(0) is not None
                    and isinstance(it, QGraphicsItem)]
            if hits:
                self.itemClicked.emit(hits[0].data(0))
            event.accept()
            return
        self._drag_origin = self._page_point(event)
        self._rubber = QGraphicsRectItem(QRectF(self._drag_origin, self._drag_origin))
        pen = QPen(QColor(RUBBER_BAND), 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._rubber.setPen(pen)
        fill = QColor(RUBBER_BAND)
        fill.setAlpha(40)
        self._rubber.setBrush(QBrush(fill))
        self._rubber.setZValue(10)
        self._scene.addItem(self._rubber)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_origin is not None and self._rubber is not None:
            self._rubber.setRect(QRectF(self._drag_origin, self._page_point(event)).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_origin is not None and self._rubber is not None:
            rect = QRectF(self._drag_origin, self._page_point(event)).normalized()
            self._scene.removeItem(self._rubber)
            self._rubber = None
            self._drag_origin = None
            if self.tool is Tool.SELECT and rect.width() >= 2 and rect.height() < LINE_DRAG:
                # a drag along a line (as in Acrobat) selects the text of that line: the band around it
                cy = rect.center().y()
                rect = QRectF(rect.left(), cy - LINE_DRAG, rect.width(), 2 * LINE_DRAG)
            if rect.width() >= 2 and rect.height() >= 2:
                self.rectDrawn.emit(self.tool, (rect.left(), rect.top(), rect.right(), rect.bottom()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def map_page_to_viewport(self, x: float, y: float) -> QPointF:
        """Where a page point is on the viewport (for tests that draw with the mouse)."""
        return QPointF(self.mapFromScene(QPointF(x, y)))

"""The redacted preview beside the page (View > Redacted preview, Ctrl+R): the current page as the export will
write it - the boxes filled, the exemption codes printed - next to the original, at the same zoom and scroll.

The page is made by the case service (``CaseService.page_preview``: the findings the case's rules remove, as the
export chooses them, and the manual boxes, redacted by the export's own code in ``workstation.documents``); this
module only shows it. It is made again a moment after the page or a decision changes (``PREVIEW_DELAY_MS``), not
on every key of a fast run of decisions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from workstation.documents.raster import PdfRasterizer
from workstation.domain.errors import WorkstationError
from workstation.qt.page_view import PageView
from workstation.service.export import PagePreview

if TYPE_CHECKING:
    from workstation.qt.main_window import MainWindow

PREVIEW_DELAY_MS = 150


class RedactedPreview:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.view = PageView()
        self.view.setObjectName("previewView")
        self.view.setAccessibleName("Redacted preview of the page")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caption = QLabel("")
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("What the redacted preview shows")
        self.pane = QWidget()
        self.pane.setObjectName("previewPane")
        layout = QVBoxLayout(self.pane)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>As exported</b> (redacted preview)")
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self.pane.hide()
        self._raster: PdfRasterizer | None = None
        self.shown_page = 0  # the page the preview shows (0: none)
        self.boxes = 0
        self.last: PagePreview | None = None  # what the preview shows (the page as exported and its counts)
        self._timer = QTimer(self.pane)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        main = window.page_view
        main.zoomChanged.connect(self._follow_zoom)
        main.verticalScrollBar().valueChanged.connect(self.view.verticalScrollBar().setValue)
        main.horizontalScrollBar().valueChanged.connect(self.view.horizontalScrollBar().setValue)

    @property
    def visible(self) -> bool:
        return not self.pane.isHidden()

    def set_visible(self, on: bool) -> None:
        """Show or hide the preview; the page (and the preview with it) is fitted to its new width."""
        self.pane.setVisible(on)
        if on:
            self.render_now()
        else:
            self._timer.stop()
        QTimer.singleShot(0, self.pane, self._fit)

    def _fit(self) -> None:
        splitter = self.pane.parentWidget()
        if isinstance(splitter, QSplitter) and self.visible:  # the page and its preview share the width equally
            sizes = splitter.sizes()
            if len(sizes) == 3:
                both = sizes[1] + sizes[2]
                splitter.setSizes([sizes[0], both // 2, both - both // 2])
        if self.w.current_page:
            self.w.page_view.fit_width()
            self._follow_zoom(self.w.page_view.zoom)

    def schedule(self) -> None:
        """The page or a decision changed: make the preview again shortly (only while it is shown)."""
        if self.visible:
            self._timer.start()

    def _follow_zoom(self, zoom: float) -> None:
        if self.visible and self._raster is not None:
            self.view.set_zoom(zoom)
            self._sync_scroll()

    def _sync_scroll(self) -> None:
        main = self.w.page_view
        self.view.verticalScrollBar().setValue(main.verticalScrollBar().value())
        self.view.horizontalScrollBar().setValue(main.horizontalScrollBar().value())

    def render_now(self) -> bool:
        """Make and show the preview of the window's current page; False when there is none to make."""
        self._timer.stop()
        w = self.w
        ld, page = w.current_doc, w.current_page
        if ld is None or ld.layout is None or ld.scanned is None or w.case is None or page < 1:
            self._message("No page to preview yet.")
            return False
        on_page = replace(ld.scanned, findings=list(ld.by_page.get(page, ())))
        try:
            preview = w.case_service.page_preview(w.case.id, on_page, page, prepared=ld.layout)
        except WorkstationError as exc:
            self._message(f"The preview could not be made: {exc}")
            return False
        old = self._raster
        self._raster = PdfRasterizer(preview.pdf)
        self.view.zoom = w.page_view.zoom
        self.view.show_page(self._raster, 1)
        if old is not None:
            old.close()
        self._sync_scroll()
        self.shown_page, self.boxes, self.last = page, preview.boxes, preview
        text = (f"Page {page}: {preview.boxes} redaction box(es), {preview.codes} with their exemption code "
                "printed; the text under each box is removed.")
        if preview.undecided:
            text += (f" {preview.undecided} finding(s) here are pending or deferred: shown removed, and the "
                     "export waits until they are decided.")
        self.caption.setText(text)
        return True

    def _message(self, text: str) -> None:
        self.view.show_message(text)
        if self._raster is not None:
            self._raster.close()
            self._raster = None
        self.shown_page, self.boxes, self.last = 0, 0, None
        self.caption.setText("")

    def close(self) -> None:
        self._timer.stop()
        if self._raster is not None:
            self._raster.close()
            self._raster = None

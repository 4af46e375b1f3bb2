"""Rendering pages of a PDF to pixels for the review window, and reading page texts back (for checks)."""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf


@dataclass(frozen=True)
class Raster:
    """An RGB image: ``samples`` holds ``height`` rows of ``stride`` bytes (3 bytes a pixel)."""

    width: int
    height: int
    stride: int
    samples: bytes
    zoom: float = 1.0  # pixels per point it was rendered at (lower than asked for a huge page)


def capped_dpi(page: pymupdf.Page, dpi: float, max_pixels: float) -> float:
    """``dpi``, lowered if the page rendered at it would have more than ``max_pixels`` pixels.

    A page can be physically huge (up to 200 x 200 inches): usually a scan placed with a wrong resolution, whose
    text is then as large in points as the page is. Rendered at full resolution it would need gigabytes."""
    area = max(page.rect.width * page.rect.height, 1.0) / (72.0 * 72.0)  # square inches
    return min(dpi, (max_pixels / area) ** 0.5)


MAX_RASTER_PIXELS = 40e6  # a Letter page up to 600 % zoom; beyond it the image is scaled up on screen


class PdfRasterizer:
    """Keeps one PDF open and renders its pages (1-based) at a zoom (1.0 = 72 dpi, one pixel per point)."""

    def __init__(self, pdf_bytes: bytes) -> None:
        self._doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")

    @property
    def page_count(self) -> int:
        return int(self._doc.page_count)

    def page_size(self, page_number: int) -> tuple[float, float]:
        rect = self._doc[page_number - 1].rect
        return float(rect.width), float(rect.height)

    def render(self, page_number: int, zoom: float) -> Raster:
        """The page at ``zoom``, or at a lower zoom when that would exceed ``MAX_RASTER_PIXELS`` (a physically
        huge page: the caller scales the image by the page width over the raster's width)."""
        page = self._doc[page_number - 1]
        zoom = capped_dpi(page, zoom * 72.0, MAX_RASTER_PIXELS) / 72.0
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, annots=False)
        return Raster(pix.width, pix.height, pix.stride, bytes(pix.samples), zoom)

    def close(self) -> None:
        self._doc.close()


def can_preview(pdf_bytes: bytes) -> bool:
    """Whether the window may show the first page of ``pdf_bytes`` before intake has read the file: the cheap
    checks of ``intake.load_pdf_bytes`` (a PDF header, opens, no password, has pages, did not need repair)."""
    if b"%PDF-" not in pdf_bytes[:1024]:
        return False
    try:
        doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    except Exception:  # noqa: BLE001 - intake reports it
        return False
    try:
        return not (doc.needs_pass or doc.is_encrypted or doc.is_repaired) and doc.page_count > 0
    finally:
        doc.close()


def render_png(pdf_bytes: bytes, page_number: int, zoom: float = 1.0) -> bytes:
    doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        pix = doc[page_number - 1].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return bytes(pix.tobytes("png"))
    finally:
        doc.close()


def page_texts(pdf_bytes: bytes) -> list[str]:
    """The text PyMuPDF extracts from each page."""
    doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        return [str(p.get_text("text")) for p in doc]
    finally:
        doc.close()

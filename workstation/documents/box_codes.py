"""The exemption code printed on each redaction box of an exported PDF (the FOIA/FOIL convention: "(b)(6)",
"87(2)(b)" in white on the black box), so a requester sees why each passage was withheld.

The code is drawn as a small *image* (white letters on black, rendered once per code and size and reused), not as
text: the verifier requires that no character can be extracted inside a redaction box, and a stamp that is not text
keeps that rule whole - nothing inside a box is ever readable as text, the code included. A box too small for its
code at 4 pt gets none (the redaction log and the Vaughn index carry every box's code). A page with images (a
scan, a photo) gets none: its verification OCRs the exported pixels, and nothing may sit over the pixels it checks.
A policy turns the stamps off with ``print_exemption_codes = false``.
"""

from __future__ import annotations

import math

import pymupdf

from workstation.domain.model import Rect

MAX_FONT = 8.0  # points
MIN_FONT = 4.0
FONT = "helv"
SCALE = 4  # the stamp's pixels per point (288 dpi): sharp when printed


def stamp_size(code: str, box: Rect) -> float | None:
    """The font size the code fits ``box`` at (None: it does not fit at ``MIN_FONT``)."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0 - 2, y1 - y0
    size = min(MAX_FONT, height * 0.72)
    while size >= MIN_FONT:
        if pymupdf.get_text_length(code, fontname=FONT, fontsize=size) <= width:
            return round(size * 2) / 2  # half points: few distinct stamps to render
        size -= 0.5
    return None


def _render(code: str, size: float) -> pymupdf.Pixmap:
    w = math.ceil(pymupdf.get_text_length(code, fontname=FONT, fontsize=size) + 2)  # whole points: no light
    h = math.ceil(size * 1.25)  # edge of partly covered pixels
    doc = pymupdf.open()
    try:
        page = doc.new_page(width=w, height=h)
        page.draw_rect(page.rect, color=None, fill=(0, 0, 0), width=0)
        page.insert_text((1, (h + size * 0.7) / 2), code, fontname=FONT, fontsize=size, color=(1, 1, 1))
        return page.get_pixmap(matrix=pymupdf.Matrix(SCALE, SCALE), colorspace=pymupdf.csGRAY, alpha=False)
    finally:
        doc.close()


class Stamper:
    """Stamps codes on the boxes of one document; each distinct (code, size) image is stored once."""

    def __init__(self) -> None:
        self._pixmaps: dict[tuple[str, float], pymupdf.Pixmap] = {}
        self._xrefs: dict[tuple[str, float], int] = {}

    def stamp(self, page: pymupdf.Page, box: Rect, code: str) -> bool:
        code = code.strip()
        if not code:
            return False
        size = stamp_size(code, box)
        if size is None:
            return False
        key = (code, size)
        pix = self._pixmaps.get(key)
        if pix is None:
            pix = self._pixmaps[key] = _render(code, size)
        w, h = pix.width / SCALE, pix.height / SCALE
        x0, y0, x1, y1 = box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        rect = pymupdf.Rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2) & pymupdf.Rect(box)
        if rect.is_empty:
            return False
        xref = self._xrefs.get(key, 0)
        if xref:
            page.insert_image(rect, xref=xref, keep_proportion=False)
        else:
            self._xrefs[key] = page.insert_image(rect, pixmap=pix, keep_proportion=False)
        return True

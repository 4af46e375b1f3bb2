"""Page text with one box per character, from a PDF page's text layer (or an OCR text page)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pymupdf

from workstation.domain.model import Page, Rect, TextSource

# Keep ligatures split into characters and whitespace as written; drop nothing.
_FLAGS = (pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP) & ~pymupdf.TEXT_PRESERVE_LIGATURES

# A page with an image on it is treated as a scan (its text comes from OCR) when it has fewer visible
# characters than this, or when images cover most of it and the visible text is small next to a full page.
SCAN_MIN_CHARS = 20
SCAN_IMAGE_COVERAGE = 0.5
SCAN_SPARSE_CHARS = 200


def text_and_boxes(raw: dict, transform: Callable[[Rect], Rect] | None = None) -> tuple[str, list[Rect | None]]:
    """Text lines of a rawdict joined with newlines, and a box per character (None for the added newlines)."""
    text_parts: list[str] = []
    boxes: list[Rect | None] = []
    for block in raw.get("blocks", []):
        if block.get("type", 0) != 0:
            continue
        for line in block.get("lines", []):
            line_chars: list[tuple[str, Rect]] = []
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    x0, y0, x1, y1 = ch["bbox"]
                    box: Rect = (x0, y0, x1, y1)
                    line_chars.append((ch["c"], transform(box) if transform else box))
            if not line_chars:
                continue
            if text_parts:
                text_parts.append("\n")
                boxes.append(None)
            for c, box in line_chars:
                text_parts.append(c)
                boxes.append(box)
    return "".join(text_parts), boxes


def page_from_pymupdf(page: pymupdf.Page) -> Page:
    """Build a domain Page from the page's own text layer; a scan is marked ``TextSource.NONE``."""
    text, boxes = text_and_boxes(page.get_text("rawdict", flags=_FLAGS))
    source = TextSource.NONE if _looks_scanned(page, text) else TextSource.TEXT_LAYER
    rect = page.rect
    return Page(
        number=page.number + 1,
        text=text,
        char_boxes=tuple(boxes),
        width=rect.width,
        height=rect.height,
        text_source=source,
    )


_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")


def _may_have_images(page: pymupdf.Page) -> bool:
    """Cheap pre-check: image XObjects in the page's resources, or an inline image in its content stream.
    (``get_image_info`` interprets the whole page: too slow to run on every page of a text PDF.)"""
    try:
        return bool(page.get_images(full=True)) or bool(_INLINE_IMAGE.search(page.read_contents()))
    except Exception:  # a broken image reference still means "there may be an image here"
        return True


def _looks_scanned(page: pymupdf.Page, text: str) -> bool:
    if not _may_have_images(page):
        return False
    try:
        images = page.get_image_info()
    except Exception:  # a broken image reference still means "there is an image here"
        return True
    if not images:
        return False
    visible = _visible_chars(page) if text.strip() else 0
    if visible < SCAN_MIN_CHARS:
        return True  # image-only, or only invisible text (a scanner's own OCR layer): we OCR it ourselves
    rect = page.rect * page.derotation_matrix  # image boxes are unrotated page coordinates
    area = abs(rect)
    covered = sum(abs(pymupdf.Rect(i["bbox"]) & rect) for i in images)
    return area > 0 and covered / area >= SCAN_IMAGE_COVERAGE and visible < SCAN_SPARSE_CHARS


def _visible_chars(page: pymupdf.Page) -> int:
    count = 0
    for span in page.get_texttrace():
        if span.get("type") == 3 or span.get("opacity", 1) == 0:
            continue
        count += sum(1 for ch in span.get("chars", ()) if ch[0] > 32)
    return count

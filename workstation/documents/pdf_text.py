"""Page text with one box per character, from a PDF page's text layer."""

from __future__ import annotations

import pymupdf

from workstation.domain.model import Page, Rect, TextSource

# Keep ligatures split into characters and whitespace as written; drop nothing.
_FLAGS = (pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP) & ~pymupdf.TEXT_PRESERVE_LIGATURES

# A page with fewer visible characters than this, and an image on it, is treated as a scan.
SCAN_MIN_CHARS = 20


def page_from_pymupdf(page: pymupdf.Page) -> Page:
    """Build a domain Page: text lines joined with newlines, a box for every character."""
    text_parts: list[str] = []
    boxes: list[Rect | None] = []
    raw = page.get_text("rawdict", flags=_FLAGS)
    for block in raw.get("blocks", []):
        if block.get("type", 0) != 0:
            continue
        for line in block.get("lines", []):
            line_chars: list[tuple[str, Rect]] = []
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    c = ch["c"]
                    x0, y0, x1, y1 = ch["bbox"]
                    line_chars.append((c, (x0, y0, x1, y1)))
            if not line_chars:
                continue
            if text_parts:
                text_parts.append("\n")
                boxes.append(None)
            for c, box in line_chars:
                text_parts.append(c)
                boxes.append(box)
    text = "".join(text_parts)
    visible = sum(1 for c in text if not c.isspace())
    source = TextSource.TEXT_LAYER
    if visible < SCAN_MIN_CHARS and _has_images(page):
        source = TextSource.NONE
    rect = page.rect
    return Page(
        number=page.number + 1,
        text=text,
        char_boxes=tuple(boxes),
        width=rect.width,
        height=rect.height,
        text_source=source,
    )


def _has_images(page: pymupdf.Page) -> bool:
    try:
        return bool(page.get_images(full=False)) or any(
            b.get("type") == 1 for b in page.get_text("dict", flags=pymupdf.TEXT_PRESERVE_IMAGES)["blocks"]
        )
    except Exception:  # a broken image reference still means "there is an image here"
        return True

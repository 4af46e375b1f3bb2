"""Practice documents as PDFs (training mode, issue 15): generated text laid out on Letter pages in one of the
generator's layouts (flowing text, two columns, a monospaced table), and a scanned copy of such a PDF (every page
an image only, with no text layer, so the product reads it by OCR as it reads a real scan).

The answer key is not placed here: the training service reads these PDFs back as the product does (their text
layer, or OCR for the scan) and aligns the generated text with what was read (``workstation.training.align``).
"""

from __future__ import annotations

import textwrap

import pymupdf

LAYOUTS = ("flow", "two_column", "table")
SCAN_DPI = 300


def _latin1(s: str) -> bool:
    """Whether the Base-14 fonts can show ``s``; other lines use MuPDF's built-in fallback font."""
    try:
        s.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return False


def _lines(text: str, font: str, size: float, width: float, mono: bool) -> list[str]:
    char_w = pymupdf.get_text_length("n", fontname=font, fontsize=size)
    width_chars = max(20, int(width / char_w * (1.0 if mono else 1.1)))
    lines: list[str] = []
    for raw in text.split("\n"):
        if mono or len(raw) <= width_chars and pymupdf.get_text_length(raw, fontname=font, fontsize=size) <= width:
            lines.append(raw)
            continue
        for w in textwrap.wrap(raw, width_chars, break_long_words=False, break_on_hyphens=False) or [""]:
            while pymupdf.get_text_length(w, fontname=font, fontsize=size) > width and " " in w:
                cut = w.rfind(" ")  # keep the text inside its column even when the estimate was off
                lines.append(w[:cut])
                w = w[cut + 1:]
            lines.append(w)
    return lines


def practice_pdf(text: str, layout: str = "flow") -> bytes:
    """``text`` laid out as a PDF with a text layer: ``flow`` (one column, Helvetica 9.5 pt), ``two_column``, or
    ``table`` (landscape, Courier shrunk until the widest row fits). Lines are wrapped at spaces only, so every
    non-space character of ``text`` is on the page, in order."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    mono = layout == "table"
    width, height, margin = (792.0, 612.0, 40.0) if mono else (612.0, 792.0, 50.0)
    font = "cour" if mono else "helv"
    columns = 2 if layout == "two_column" else 1
    gutter = 24.0
    col_w = (width - 2 * margin - (columns - 1) * gutter) / columns
    size = 9.5
    if mono:
        widest = max((len(line) for line in text.split("\n")), default=1)
        size = max(4.5, min(8.0, col_w / (0.6 * widest)))
    lead = size * 1.35
    lines = _lines(text, font, size, col_w, mono)
    per_col = int((height - 2 * margin) / lead)
    if columns == 2 and len(lines) <= 2 * per_col:  # a one-page document balanced over both columns
        per_col = max(1, -(-len(lines) // 2))
    pdf = pymupdf.open()
    try:
        i = 0
        while i < len(lines) or pdf.page_count == 0:
            page = pdf.new_page(width=width, height=height)
            fallback = False
            for c in range(columns):
                x, y = margin + c * (col_w + gutter), margin + size
                for _ in range(per_col):
                    if i >= len(lines):
                        break
                    if lines[i].strip():
                        if _latin1(lines[i]):
                            page.insert_text((x, y), lines[i], fontname=font, fontsize=size)
                        else:
                            if not fallback:
                                page.insert_font(fontname="fallbk", fontbuffer=pymupdf.Font("cjk").buffer)
                                fallback = True
                            page.insert_text((x, y), lines[i], fontname="fallbk", fontsize=size)
                    y += lead
                    i += 1
        try:
            pdf.subset_fonts()  # the fallback font is large: only the glyphs used
        except Exception:  # pragma: no cover - subsetting is an optimisation only
            pass
        return bytes(pdf.tobytes(garbage=3, deflate=True))
    finally:
        pdf.close()


def scanned_pdf(pdf_bytes: bytes, dpi: int = SCAN_DPI) -> bytes:
    """A scanned copy of ``pdf_bytes``: each page rendered in grey at ``dpi`` and placed as the only content of a
    page of the same size - no text layer (what a scanner without OCR makes)."""
    src = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    out = pymupdf.open()
    try:
        for page in src:
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False, annots=False)
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=pix.tobytes("png"))
        return bytes(out.tobytes(garbage=3, deflate=True))
    finally:
        src.close()
        out.close()

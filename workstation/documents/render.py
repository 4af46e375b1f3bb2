"""Rendering text-like documents (.txt, .docx, .eml) to PDF for export.

Layout: US Letter pages, 54 pt margins, DejaVu Sans 10 pt (Debian's fonts-dejavu-core; PyMuPDF's built-in
Helvetica when it is absent), 13 pt leading; each source line is word-wrapped to the text width (a word longer
than a line is broken), tabs and control characters print as spaces. After rendering, the PDF is read back with
the same extractor as any PDF and every non-space source character is matched, in order, to the extracted
character at its position, so a finding's source offsets map to the boxes of the glyphs actually on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from workstation.documents.pdf_text import page_from_pymupdf
from workstation.domain.errors import VerificationError
from workstation.domain.model import Document, Page, Rect

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
MARGIN = 54.0
FONT_SIZE = 10.0
LEADING = 13.0
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    pages: tuple[Page, ...]  # the rendered PDF's pages, as extracted
    # per source page: for every source character, (rendered page index, extracted char index) or None
    char_map: tuple[tuple[tuple[int, int] | None, ...], ...]

    def boxes_for_span(self, source_page: int, start: int, end: int) -> dict[int, list[Rect]]:
        """Boxes of source text [start, end) on the rendered pages: {rendered page number: rects}."""
        mapping = self.char_map[source_page - 1]
        ranges: dict[int, list[int]] = {}
        for i in range(start, min(end, len(mapping))):
            target = mapping[i]
            if target is not None:
                ranges.setdefault(target[0], []).append(target[1])
        out: dict[int, list[Rect]] = {}
        for page_index, idxs in ranges.items():
            page = self.pages[page_index]
            out[page.number] = page.boxes_for_span(min(idxs), max(idxs) + 1)
        return out


def _font() -> tuple[str, pymupdf.Font, str | None]:
    if FONT_FILE.is_file():
        return "dejavu", pymupdf.Font(fontfile=str(FONT_FILE)), str(FONT_FILE)
    return "helv", pymupdf.Font("helv"), None


def _wrap(line: str, font: pymupdf.Font, width: float) -> list[tuple[int, str]]:
    """Split one line into (offset, segment) pieces that fit the width."""
    if not line:
        return [(0, "")]
    pieces: list[tuple[int, str]] = []
    start = 0
    n = len(line)
    while start < n:
        # grow the segment word by word
        end = start
        last_fit = start
        while end < n:
            nxt = line.find(" ", end + 1)
            nxt = n if nxt == -1 else nxt
            if font.text_length(line[start:nxt], fontsize=FONT_SIZE) <= width:
                last_fit = nxt
                end = nxt
            else:
                break
        if last_fit == start:  # a single word wider than the line: break it by characters
            last_fit = start + 1
            while last_fit < n and font.text_length(line[start:last_fit + 1], fontsize=FONT_SIZE) <= width:
                last_fit += 1
        pieces.append((start, line[start:last_fit]))
        start = last_fit
        while start < n and line[start] == " ":
            start += 1
    return pieces


def _printable(s: str) -> str:
    return "".join(" " if (c == "\t" or ord(c) < 32 or 0x7F <= ord(c) < 0xA0) else c for c in s)


def render_document(document: Document) -> RenderedDocument:
    """Lay out a text-like document's pages on PDF pages and map its characters to their boxes."""
    fontname, font, fontfile = _font()
    width = PAGE_WIDTH - 2 * MARGIN
    pdf = pymupdf.open()
    placed: list[list[tuple[int, int]]] = []  # per source page: (source offset, pdf page index) of each glyph
    page = None
    y = PAGE_HEIGHT
    for src in document.pages:
        glyphs: list[tuple[int, int]] = []
        offset = 0
        for raw_line in src.text.split("\n"):
            line = _printable(raw_line)
            for seg_start, seg in _wrap(line, font, width):
                if page is None or y + LEADING > PAGE_HEIGHT - MARGIN:
                    page = pdf.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
                    if fontfile:
                        page.insert_font(fontname=fontname, fontfile=fontfile)
                    y = MARGIN + FONT_SIZE
                if seg.strip():
                    page.insert_text((MARGIN, y), seg, fontname=fontname, fontsize=FONT_SIZE)
                    for k, c in enumerate(seg):
                        if not c.isspace():
                            glyphs.append((offset + seg_start + k, page.number))
                y += LEADING
            offset += len(raw_line) + 1
        placed.append(glyphs)
        # each source page starts on a new PDF page
        y = PAGE_HEIGHT
    if pdf.page_count == 0:
        pdf.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()

    reread = pymupdf.open(stream=data, filetype="pdf")
    pages = tuple(page_from_pymupdf(p) for p in reread)
    reread.close()
    # non-space extracted characters, in order, per rendered page
    extracted: list[list[int]] = [[i for i, c in enumerate(p.text) if not c.isspace()] for p in pages]
    cursor = [0] * len(pages)
    char_map: list[tuple[tuple[int, int] | None, ...]] = []
    for src, glyphs in zip(document.pages, placed, strict=True):
        mapping: list[tuple[int, int] | None] = [None] * len(src.text)
        for src_offset, page_index in glyphs:
            pos = cursor[page_index]
            if pos >= len(extracted[page_index]):
                raise VerificationError(document.display_name, src.number,
                                        "rendering to PDF lost characters; cannot place redactions")
            mapping[src_offset] = (page_index, extracted[page_index][pos])
            cursor[page_index] = pos + 1
        char_map.append(tuple(mapping))
    if any(cursor[i] != len(extracted[i]) for i in range(len(pages))):
        raise VerificationError(document.display_name, None, "rendered PDF does not match the document text")
    return RenderedDocument(pdf=data, pages=pages, char_map=tuple(char_map))

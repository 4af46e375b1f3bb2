"""Rendering text-like documents (.txt, .docx, .eml) to PDF for export.

Layout: US Letter pages, 54 pt margins, DejaVu Sans 10 pt (Debian's fonts-dejavu-core; PyMuPDF's built-in
Helvetica when it is absent; characters the font lacks, such as CJK, are set in MuPDF's built-in fallback font
so names in any script survive into the export), 13 pt leading; each source line is word-wrapped to the text width (a word longer
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


FALLBACK_NAME = "fallback"


class _Fonts:
    """The main font plus a fallback for characters it has no glyph for (measured and set run by run)."""

    def __init__(self, main: pymupdf.Font) -> None:
        self.main = main
        self._fallback: pymupdf.Font | None = None

    @property
    def fallback(self) -> pymupdf.Font:
        if self._fallback is None:
            self._fallback = pymupdf.Font("cjk")
        return self._fallback

    def _needs_fallback(self, c: str) -> bool:
        return not c.isspace() and not self.main.has_glyph(ord(c)) and bool(self.fallback.has_glyph(ord(c)))

    def runs(self, s: str) -> list[tuple[str, bool]]:
        """``s`` as (text, set in the fallback font) runs."""
        out: list[tuple[str, bool]] = []
        for c in s:
            fb = self._needs_fallback(c)
            if out and out[-1][1] == fb:
                out[-1] = (out[-1][0] + c, fb)
            else:
                out.append((c, fb))
        return out

    def text_length(self, s: str, fontsize: float) -> float:
        return sum((self.fallback if fb else self.main).text_length(t, fontsize=fontsize) for t, fb in self.runs(s))


def _wrap(line: str, font: pymupdf.Font | _Fonts, width: float) -> list[tuple[int, str]]:
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
    fontname, main_font, fontfile = _font()
    font = _Fonts(main_font)
    fallback_pages: set[int] = set()
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
                    x = MARGIN
                    for run, fb in font.runs(seg):
                        if fb and page.number not in fallback_pages:
                            page.insert_font(fontname=FALLBACK_NAME, fontbuffer=font.fallback.buffer)
                            fallback_pages.add(page.number)
                        page.insert_text((x, y), run, fontname=FALLBACK_NAME if fb else fontname,
                                         fontsize=FONT_SIZE)
                        x += (font.fallback if fb else main_font).text_length(run, fontsize=FONT_SIZE)
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
    pdf.subset_fonts()  # embed only the glyphs used (the fallback font alone is several MB)
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
                raise VerificationError(document.path, src.number,
                                        "rendering to PDF lost characters; cannot place redactions")
            mapping[src_offset] = (page_index, extracted[page_index][pos])
            cursor[page_index] = pos + 1
        char_map.append(tuple(mapping))
    if any(cursor[i] != len(extracted[i]) for i in range(len(pages))):
        raise VerificationError(document.path, None, "rendered PDF does not match the document text")
    return RenderedDocument(pdf=data, pages=pages, char_map=tuple(char_map))

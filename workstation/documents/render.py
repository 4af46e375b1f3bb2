"""Rendering text-like documents (.txt, .docx, .eml) to PDF for export.

Layout: US Letter pages, 54 pt margins, DejaVu Sans 10 pt (Debian's fonts-dejavu-core; PyMuPDF's built-in
Helvetica when it is absent; characters the font lacks, such as CJK, are set in MuPDF's built-in fallback font
so names in any script survive into the export), 13 pt leading; each source line is word-wrapped to the text width (a word longer
than a line is broken), tabs and control characters print as spaces. After rendering, the PDF is read back with
the same extractor as any PDF and every non-space source character is matched, in order, to the extracted
character at its position, so a finding's source offsets map to the boxes of the glyphs actually on the page.

Manual boxes are drawn on these pages and store no text: a change here that moves any character must bump
``model.TEXT_LAYOUT_VERSION`` (boxes drawn on the old layout are then re-placed by the clerk, ``service.layouts``);
``tests/documents/test_layout_version.py`` fingerprints the layout to catch a change made without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from workstation.documents.pdf_text import page_from_pymupdf
from workstation.domain.errors import VerificationError
from workstation.domain.model import Document, Page, Rect, TextTable

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
MARGIN = 54.0
FONT_SIZE = 10.0
LEADING = 13.0
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


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


def _bold_font() -> tuple[pymupdf.Font, str | None]:
    """The bold of the main font (a table's header row)."""
    if FONT_FILE.is_file() and BOLD_FONT_FILE.is_file():
        return pymupdf.Font(fontfile=str(BOLD_FONT_FILE)), str(BOLD_FONT_FILE)
    return pymupdf.Font("hebo"), None


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


Unit = tuple[int, str]  # a piece of a display line: (source offset of its first character, its text)
JOIN_FILL = 0.7  # a source line this full (of the text width) continues into the next line of its paragraph
_LIST_ITEM = re.compile(r"\s|[-*•·–]\s|\(?[0-9]{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|[^\s:]{1,24}:\s")


def _words(line: str, base: int) -> list[Unit]:
    return [(base + m.start(), m.group()) for m in re.finditer(r"\S+", line)]


def _flow(words: list[Unit], font: pymupdf.Font | _Fonts, width: float) -> list[list[Unit]]:
    """Words filled into lines of ``width`` (a word wider than a line broken by characters), without an orphan:
    a last line of one word takes the word before it down when the line above keeps at least two."""
    def fits(units: list[Unit]) -> bool:
        return font.text_length(" ".join(t for _, t in units), fontsize=FONT_SIZE) <= width

    lines: list[list[Unit]] = []
    cur: list[Unit] = []
    for off, w in words:
        if not fits([(off, w)]):  # wider than a line: broken by characters, each piece a line of its own
            if cur:
                lines.append(cur)
                cur = []
            for seg_start, seg in _wrap(w, font, width):
                lines.append([(off + seg_start, seg)])
            cur = lines.pop()
            continue
        if cur and not fits([*cur, (off, w)]):
            lines.append(cur)
            cur = []
        cur.append((off, w))
    if cur:
        lines.append(cur)
    if len(lines) >= 2 and len(lines[-1]) == 1 and len(lines[-2]) >= 3 and fits([lines[-2][-1], *lines[-1]]):
        lines[-1] = [lines[-2][-1], *lines[-1]]
        lines[-2] = lines[-2][:-1]
    return lines


def _blocks(text: str, font: _Fonts, width: float, skip: list[tuple[int, int]]) -> list[list[tuple[int, str]]]:
    """The page's lines (``skip``: the offset ranges laid out otherwise, tables) grouped into blocks laid out as
    one: a paragraph whose lines run wider than the page (a file wrapped at a wider column than ours) is joined
    where a line is full enough to go on into the next (``JOIN_FILL``) and the next is no new item (a list
    marker, an indent, a "Label:"), so its wrapped ends are not left alone on lines; every other line is a block
    of its own. Each line as (source offset, printable text)."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in text.split("\n"):
        if not any(a <= offset < b for a, b in skip):
            lines.append((offset, _printable(raw)))
        offset += len(raw) + 1
    blocks: list[list[tuple[int, str]]] = []
    i = 0
    while i < len(lines):
        para = [lines[i]]
        while i + len(para) < len(lines) and lines[i + len(para)][1].strip() and para[-1][1].strip():
            nxt = lines[i + len(para)]
            if nxt[0] != para[-1][0] + len(para[-1][1]) + 1:  # a table between them
                break
            para.append(nxt)
        wide = [font.text_length(t.rstrip(), fontsize=FONT_SIZE) > width for _, t in para]
        if not any(wide):
            blocks.extend([line] for line in para)
        else:
            block = [para[0]]
            for line in para[1:]:
                prev = block[-1][1].rstrip()
                if (font.text_length(prev, fontsize=FONT_SIZE) >= JOIN_FILL * width
                        and not _LIST_ITEM.match(line[1])):
                    block.append(line)
                else:
                    blocks.append(block)
                    block = [line]
            blocks.append(block)
        i += len(para)
    return blocks


def _display_lines(block: list[tuple[int, str]], font: _Fonts, width: float) -> list[list[Unit]]:
    """A block as display lines: a line that fits as it is (its spacing kept), else its words filled."""
    if len(block) == 1:
        offset, line = block[0]
        if not line.strip() or font.text_length(line.rstrip(), fontsize=FONT_SIZE) <= width:
            return [[(offset, line.rstrip())]]
    return _flow([w for offset, line in block for w in _words(line, offset)], font, width)


CELL_PAD = 3.0  # points between a table cell's rule and its text
MIN_COLUMN = 36.0
RULE = (0.45, 0.45, 0.45)


def _columns(natural: list[float], width: float) -> list[float]:
    """Column widths: as wide as their longest cell when the table fits the width, else the width shared out -
    columns narrower than an equal share keep their width, the others share the rest equally."""
    if sum(natural) <= width:
        return natural
    out = [0.0] * len(natural)
    left, todo = width, sorted(range(len(natural)), key=lambda c: natural[c])
    while todo:
        share = left / len(todo)
        c = todo.pop(0)
        out[c] = max(min(natural[c], share), min(MIN_COLUMN, share))
        left -= out[c]
    return out


class _Writer:
    """Places display lines and table rows on pages, top to bottom, and records where each source character went
    (``glyphs``: (source offset, page index) in the order they are written, the order they are read back)."""

    def __init__(self, pdf: pymupdf.Document, fonts: _Fonts, bold: _Fonts, names: dict[str, str | None],
                 fallback_pages: set[int]) -> None:
        self.pdf, self.fonts, self.bold, self.names = pdf, fonts, bold, names
        self.fallback_pages = fallback_pages
        self.page: pymupdf.Page | None = None
        self.y = PAGE_HEIGHT  # the baseline of the next line
        self.glyphs: list[tuple[int, int]] = []

    def new_page(self) -> pymupdf.Page:
        self.page = self.pdf.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        for name, file in self.names.items():
            if file:
                self.page.insert_font(fontname=name, fontfile=file)
        self.y = MARGIN + FONT_SIZE
        return self.page

    def text(self, x: float, y: float, units: list[Unit], bold: bool = False) -> None:
        """One display line at (x, baseline y)."""
        page = self.page
        assert page is not None
        fonts = self.bold if bold else self.fonts
        name = "dejavub" if bold else "dejavu"
        if not self.names.get(name):
            name = "hebo" if bold else "helv"
        s = " ".join(t for _, t in units)
        if not s.strip():
            return
        for run, fb in fonts.runs(s):
            if fb and page.number not in self.fallback_pages:
                page.insert_font(fontname=FALLBACK_NAME, fontbuffer=fonts.fallback.buffer)
                self.fallback_pages.add(page.number)
            page.insert_text((x, y), run, fontname=FALLBACK_NAME if fb else name, fontsize=FONT_SIZE)
            x += (fonts.fallback if fb else fonts.main).text_length(run, fontsize=FONT_SIZE)
        for off, t in units:
            self.glyphs.extend((off + k, page.number) for k, c in enumerate(t) if not c.isspace())

    def line(self, units: list[Unit]) -> None:
        if self.page is None or self.y + LEADING > PAGE_HEIGHT - MARGIN:
            self.new_page()
        self.text(MARGIN, self.y, units)
        self.y += LEADING

    def table(self, table: TextTable, text: str, width: float) -> None:
        """A table: cells in columns (each as wide as its longest cell, or the width shared out), each cell's text
        wrapped in its column, rules around the cells, the header row in bold over a heavier rule. A row is kept
        whole on a page; a row taller than a page is written as lines."""
        ncols = max(len(r) for r in table.rows)
        inner = CELL_PAD * 2

        def cell_text(span: tuple[int, int]) -> str:
            return _printable(text[span[0]:span[1]])

        natural = [MIN_COLUMN] * ncols
        for k, row in enumerate(table.rows):
            fonts = self.bold if k < table.header_rows else self.fonts
            for c, span in enumerate(row):
                longest = max((fonts.text_length(w, fontsize=FONT_SIZE) for w in cell_text(span).split()), default=0)
                whole = fonts.text_length(" ".join(cell_text(span).split()), fontsize=FONT_SIZE)
                natural[c] = max(natural[c], min(whole, width) + inner, min(longest, width) + inner)
        widths = _columns(natural, width)
        self.y += 3  # a little air above the table
        for k, row in enumerate(table.rows):
            header = k < table.header_rows
            fonts = self.bold if header else self.fonts
            cells: list[list[list[Unit]]] = []
            for c, span in enumerate(row):
                w = sum(widths[c:]) if c == len(row) - 1 else widths[c]  # a row short of cells: the last spans
                cells.append(_flow(_words(cell_text(span), span[0]), fonts, w - inner) or [[]])
            height = max(len(lines) for lines in cells) * LEADING + inner
            if height > PAGE_HEIGHT - 2 * MARGIN:  # taller than a page: its cells as lines
                for lines in cells:
                    for units in lines:
                        self.line(units)
                continue
            top = self.y - FONT_SIZE
            if self.page is None or top + height > PAGE_HEIGHT - MARGIN:
                self.new_page()
                top = self.y - FONT_SIZE
            page = self.page
            assert page is not None
            x = MARGIN
            shape = page.new_shape()
            for c, lines in enumerate(cells):
                w = sum(widths[c:]) if c == len(row) - 1 else widths[c]
                shape.draw_rect(pymupdf.Rect(x, top, x + w, top + height))
                for n, units in enumerate(lines):
                    self.text(x + CELL_PAD, top + CELL_PAD + FONT_SIZE + n * LEADING - 1.5, units, bold=header)
                x += w
            shape.finish(color=RULE, width=0.5)
            if header and k == table.header_rows - 1:
                shape.draw_line((MARGIN, top + height), (MARGIN + sum(widths), top + height))
                shape.finish(color=RULE, width=1.5)
            shape.commit()
            self.y = top + height + FONT_SIZE
        self.y += 3


def render_document(document: Document) -> RenderedDocument:
    """Lay out a text-like document's pages on PDF pages and map its characters to their boxes."""
    fontname, main_font, fontfile = _font()
    font = _Fonts(main_font)
    bold_font, bold_file = _bold_font()
    names: dict[str, str | None] = {fontname: fontfile, "dejavub" if bold_file else "hebo": bold_file}
    writer = _Writer(pymupdf.open(), font, _Fonts(bold_font), names, set())
    pdf = writer.pdf
    width = PAGE_WIDTH - 2 * MARGIN
    placed: list[list[tuple[int, int]]] = []  # per source page: (source offset, pdf page index) of each glyph
    for src in document.pages:
        writer.glyphs = []
        tables = sorted(src.tables, key=lambda t: t.start)
        skip = [(t.start, t.end + 1) for t in tables]
        items: list[tuple[int, object]] = [(block[0][0], block) for block in _blocks(src.text, font, width, skip)]
        items += [(t.start, t) for t in tables]
        for _, item in sorted(items, key=lambda it: it[0]):
            if isinstance(item, TextTable):
                writer.table(item, src.text, width)
            else:
                for units in _display_lines(item, font, width):  # type: ignore[arg-type]
                    writer.line(units)
        placed.append(writer.glyphs)
        # each source page starts on a new PDF page
        writer.page = None
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

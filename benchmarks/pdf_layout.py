"""PDF helpers of the real-document evaluation (``benchmarks.real_eval``): lay a text out as a PDF at a given
column width, and read the words of a PDF back with PyMuPDF and with pdfminer.six, with their boxes in PyMuPDF's
page coordinates (top-left origin of the crop box, unrotated page) - the coordinates of the product's char boxes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf

Box = tuple[float, float, float, float]

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0  # US Letter
MARGIN = 72.0
FONT_SIZE = 10.5
LEADING = 13.5
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_WORD_CHAR = re.compile(r"\w")
_TOKEN = re.compile(r"\s*\S+\s*")


# --- layout -------------------------------------------------------------------------------------------------

def _font() -> tuple[str, pymupdf.Font, str | None]:
    if FONT_FILE.is_file():
        return "dejavu", pymupdf.Font(fontfile=str(FONT_FILE)), str(FONT_FILE)
    return "helv", pymupdf.Font("helv"), None


def wrap_line(line: str, width: float, measure) -> list[str]:  # noqa: ANN001 - measure: str -> points
    """Greedy word wrap of one source line at ``width`` points; a word longer than a line is broken."""
    out: list[str] = []
    cur = ""
    for token in _TOKEN.findall(line) or [line]:
        if cur and measure((cur + token).rstrip()) > width:
            out.append(cur)
            cur = ""
        while len(token) > 1 and measure(token.rstrip()) > width:  # an over-long word: break it
            cut = 1
            while cut < len(token) and measure(token[:cut + 1]) <= width:
                cut += 1
            out.append(token[:cut])
            token = token[cut:]
        cur += token
    out.append(cur)
    return out


def _printable(line: str) -> str:
    return "".join(" " if (c == "\t" or (ord(c) < 32)) else c for c in line)


def layout_pdf(text: str, width_inches: float, font_size: float = FONT_SIZE, leading: float = LEADING) -> bytes:
    """``text`` on Letter pages in a column ``width_inches`` wide: its own line breaks kept, long lines wrapped
    at the column width, as many pages as needed."""
    name, font, fontfile = _font()
    width = min(width_inches * 72.0, PAGE_WIDTH - 2 * MARGIN)
    lines = [piece for line in text.split("\n")
             for piece in wrap_line(_printable(line), width, lambda s: font.text_length(s, font_size))]
    per_page = int((PAGE_HEIGHT - 2 * MARGIN) // leading)
    doc = pymupdf.open()
    try:
        for first in range(0, max(len(lines), 1), per_page):
            page = doc.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
            for row, line in enumerate(lines[first:first + per_page]):
                if line.strip():
                    page.insert_text((MARGIN, MARGIN + font_size + row * leading), line.rstrip(),
                                     fontname=name, fontfile=fontfile, fontsize=font_size)
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


# --- reading words back -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    text: str
    box: Box


def words_from_chars(chars: Iterable[tuple[str, Box]]) -> list[Word]:
    """Runs of word characters (``\\w``) that sit next to each other on one line, with their union box."""
    words: list[Word] = []
    run: list[tuple[str, Box]] = []

    def flush() -> None:
        if run:
            boxes = [b for _, b in run]
            words.append(Word("".join(c for c, _ in run), (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                                           max(b[2] for b in boxes), max(b[3] for b in boxes))))
            run.clear()

    for c, box in chars:
        if not _WORD_CHAR.fullmatch(c):
            flush()
            continue
        if run and not _follows(run[-1][1], box):
            flush()
        run.append((c, box))
    flush()
    return words


def _follows(prev: Box, box: Box) -> bool:
    """Whether ``box`` continues the word ending with ``prev``: same line, no gap, not going backwards."""
    h = max(prev[3] - prev[1], box[3] - box[1], 1.0)
    same_line = abs((prev[1] + prev[3]) / 2 - (box[1] + box[3]) / 2) < 0.5 * h
    return same_line and -0.2 * h <= box[0] - prev[2] < 0.25 * h


def pymupdf_words(pdf: bytes) -> list[list[Word]]:
    """Per page, the words PyMuPDF extracts (raw characters, nothing clipped)."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    try:
        return [words_from_chars(_pymupdf_chars(page)) for page in doc]
    finally:
        doc.close()


def _pymupdf_chars(page: pymupdf.Page) -> Iterator[tuple[str, Box]]:
    raw = page.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    yield ch["c"], tuple(ch["bbox"])
            yield "\n", (0.0, 0.0, 0.0, 0.0)


def pdfminer_words(pdf: bytes) -> list[list[Word]]:
    """Per page, the words pdfminer.six extracts (LTChar boxes, no layout analysis), in PyMuPDF's coordinates."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    rm = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rm, laparams=None)
    interp = PDFPageInterpreter(rm, device)
    out = []
    for page in PDFPage.get_pages(io.BytesIO(pdf)):
        interp.process_page(page)
        to_pymupdf = pdfminer_to_pymupdf(page.mediabox, page.cropbox, page.rotate)
        out.append(words_from_chars((c, _transform(box, to_pymupdf)) for c, box in _ltchars(device.get_result())))
    return out


def _ltchars(layout) -> Iterator[tuple[str, Box]]:  # noqa: ANN001 - a pdfminer LTPage
    from pdfminer.layout import LTChar, LTContainer

    for el in layout:
        if isinstance(el, LTChar):
            yield el.get_text(), el.bbox
        elif isinstance(el, LTContainer):
            yield from _ltchars(el)


def pdfminer_to_pymupdf(mediabox: Box, cropbox: Box, rotate: int) -> pymupdf.Matrix:
    """pdfminer places a page's characters in the rotated page with the media box's bottom-left corner as
    origin (``PDFPageInterpreter.process_page``); PyMuPDF in the unrotated page with the crop box's top-left
    corner as origin, y downwards. The matrix from the first to the second."""
    x0, y0, x1, y1 = mediabox
    ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
           270: (0, 1, -1, 0, y1, -x0)}.get(rotate % 360, (1, 0, 0, 1, -x0, -y0))
    to_user_space = ~pymupdf.Matrix(*ctm)
    return to_user_space * pymupdf.Matrix(1, 0, 0, -1, -cropbox[0], cropbox[3])


def _transform(box: Box, m: pymupdf.Matrix) -> Box:
    r = pymupdf.Rect(box) * m
    return (r.x0, r.y0, r.x1, r.y1)


def overlaps(a: Box, b: Box) -> bool:
    """Boxes that share some width and at least a third of the smaller height."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width > 0 and height > min(a[3] - a[1], b[3] - b[1]) / 3

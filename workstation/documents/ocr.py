"""OCR of scanned pages with Tesseract (Debian's tesseract-ocr, English + Spanish) through PyMuPDF.

A page without a usable text layer is rendered at ``OCR_DPI`` (300 dpi: Tesseract's recommended resolution for
body text; 200 dpi lost accuracy on 9-pt type in our tests), turned upright first when Tesseract's orientation
detection (``--psm 0``) says it is rotated by 90/180/270 degrees, and OCR'd with ``Pixmap.pdfocr_tobytes``.
Tesseract deskews mild skew itself. Every recognised character keeps a box, mapped back to the original page's
coordinates, so findings on OCR text get boxes exactly like text-layer findings. Pages are OCR'd in parallel
worker processes, one per core.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path

import numpy as np
import pymupdf

from workstation.documents.pdf_text import _FLAGS, text_and_boxes
from workstation.domain.errors import WorkstationError
from workstation.domain.model import Document, Page, Rect, TextSource

OCR_DPI = 300
OSD_DPI = 150
LANGUAGES = "eng+spa"


class OcrUnavailableError(WorkstationError):
    exit_code = 2


@functools.cache
def tessdata_dir() -> str:
    """Tesseract's language data folder (TESSDATA_PREFIX, or what ``tesseract --list-langs`` reports).

    The folder must hold the data of every language in ``LANGUAGES``: without it MuPDF's OCR fails deep inside
    Tesseract, so a missing language is reported here, as OCR being unavailable.
    """
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        if not _has_languages(env):
            raise OcrUnavailableError(f"TESSDATA_PREFIX={env} does not hold the Tesseract language data for "
                                      f"{LANGUAGES}: scanned pages cannot be read")
        return env
    candidates: list[str] = []
    exe = shutil.which("tesseract")
    if exe:
        try:
            out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
            m = re.search(r'"([^"]+)"', out.stdout + out.stderr)
            if m:
                candidates.append(m.group(1))
        except (OSError, subprocess.TimeoutExpired):
            pass
    candidates += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"]
    for candidate in candidates:
        if _has_languages(candidate):
            return candidate
    raise OcrUnavailableError(f"Tesseract OCR with the {LANGUAGES} language data is not installed "
                              "(run packaging/setup.sh): scanned pages cannot be read")


def _has_languages(folder: str) -> bool:
    return all((Path(folder) / f"{lang}.traineddata").is_file() for lang in LANGUAGES.split("+"))


def detect_rotation(page: pymupdf.Page) -> int:
    """Degrees to turn the page image clockwise so its text is upright (0 when unknown)."""
    exe = shutil.which("tesseract")
    if not exe:
        return 0
    pix = page.get_pixmap(dpi=OSD_DPI, colorspace=pymupdf.csGRAY)
    try:
        # one thread: Debian's Tesseract uses OpenMP, and its threads fighting the other OCR workers for the
        # cores made this call 5x slower (9 s instead of under 2 s on a 2-core machine)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        out = subprocess.run([exe, "stdin", "stdout", "--psm", "0", "--tessdata-dir", tessdata_dir()],
                             input=pix.tobytes("png"), capture_output=True, timeout=60, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return 0
    m = re.search(rb"Rotate:\s*(\d+)", out.stdout)
    conf = re.search(rb"Orientation confidence:\s*([\d.]+)", out.stdout)
    if not m or (conf and float(conf.group(1)) < 1.0):
        return 0
    return int(m.group(1)) % 360


SKEW_DPI = 60
SKEW_RANGE = 6.0  # degrees either way; a page turned further is an orientation (90/180/270) problem
_WORDLIKE = re.compile(r"^[^\W\d_]{2,}[.,;:!?)'\"]*$")


def estimate_skew(page: pymupdf.Page, base_rotation: int = 0) -> float:
    """The small rotation (degrees, for ``Matrix.prerotate``) that makes the page's text lines horizontal.

    Projection profile: the page is rendered once, small and grey; for each candidate angle the ink pixels are
    sheared by that slope and counted per row, and the angle whose rows of ink are sharpest (largest sum of
    squared differences between adjacent rows) wins - 0.5-degree steps within +-6 degrees, then 0.1. The sign
    that matches ``prerotate`` is then checked by rendering both ways once.
    """
    m = pymupdf.Matrix(SKEW_DPI / 72.0, SKEW_DPI / 72.0).prerotate(base_rotation)
    pix = page.get_pixmap(matrix=m, colorspace=pymupdf.csGRAY, alpha=False)
    img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    ys, xs = np.nonzero(img < 128)
    if len(ys) < 200:
        return 0.0
    xs = xs.astype(np.float64) - pix.width / 2

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.sum(np.diff(counts) ** 2))

    best = max(np.arange(-SKEW_RANGE, SKEW_RANGE + 0.01, 0.5), key=sharpness)
    best = float(max(np.arange(best - 0.4, best + 0.41, 0.1), key=sharpness))
    if abs(best) < 0.3:
        return 0.0

    def rendered(angle: float) -> float:
        mm = pymupdf.Matrix(SKEW_DPI / 72.0, SKEW_DPI / 72.0).prerotate(base_rotation + angle)
        p = page.get_pixmap(matrix=mm, colorspace=pymupdf.csGRAY, alpha=False)
        a = np.frombuffer(p.samples, dtype=np.uint8).reshape(p.height, p.stride)[:, : p.width]
        ink = (a < 128).sum(axis=1).astype(np.float64)
        return float(np.sum(np.diff(ink) ** 2))

    return round(best if rendered(best) >= rendered(-best) else -best, 2)


# Frequent English and Spanish words, and common form labels: upright text has them; the letters Tesseract reads
# from an upside-down or sideways page look like words ("Buipuodsa") but are almost never these.
_COMMON = frozenset("""
the and of to in is was for on that with as by at from he she his her it they not be has have had this are
were an or but who which will been my me we you your our their there on no yes mr ms mrs date name address
phone dob street avenue new york police report complaint case number status of de la el en que los las del
se por un una con para es al lo su fecha nombre direccion dirección
""".split())


def _looks_sideways(page: pymupdf.Page) -> bool:
    """Whether the page's text lines look vertical (a page turned 90 or 270 degrees): the column profile of
    the ink is much sharper than the row profile. Upside-down pages are not told apart here."""
    m = pymupdf.Matrix(SKEW_DPI / 72.0, SKEW_DPI / 72.0)
    pix = page.get_pixmap(matrix=m, colorspace=pymupdf.csGRAY, alpha=False)
    img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width] < 128
    if img.sum() < 200:
        return False
    rows = img.sum(axis=1).astype(np.float64)
    cols = img.sum(axis=0).astype(np.float64)
    return float(np.sum(np.diff(cols) ** 2)) > 2.0 * float(np.sum(np.diff(rows) ** 2))


def _plausible(text: str) -> bool:
    """Whether OCR output reads like upright text (an upside-down or sideways page gives mostly non-words)."""
    tokens = [t.strip(".,;:!?()[]\"'").casefold() for t in text.split()]
    tokens = [t for t in tokens if t]
    if len(tokens) < 5:
        return False
    wordlike = sum(1 for t in tokens if _WORDLIKE.match(t)) / len(tokens)
    common = sum(1 for t in tokens if len(t) > 1 and t in _COMMON)
    return wordlike >= 0.5 and common >= max(3, 0.05 * len(tokens))


def ocr_page(page: pymupdf.Page, dpi: int = OCR_DPI, languages: str = LANGUAGES) -> Page:
    """OCR one page; the result's text and boxes are in the page's own coordinates.

    The page is OCR'd upright (straightened by its estimated skew) first; only when that does not read like
    text is Tesseract's orientation detection asked whether it is turned 90/180/270 degrees, and the page OCR'd
    again turned (and straightened) accordingly. A page whose ink runs in vertical lines (turned 90/270) asks
    for its orientation before the first attempt, saving the wasted upright reading.
    """
    if _looks_sideways(page):  # lines of ink run down the page: ask for the orientation first
        rotation = detect_rotation(page)
        if rotation:
            turned = _ocr(page, rotation + estimate_skew(page, rotation), dpi, languages)
            if _plausible(turned.text):
                return turned
    result = _ocr(page, estimate_skew(page), dpi, languages)
    if not _plausible(result.text):
        rotation = detect_rotation(page)
        if rotation:
            turned = _ocr(page, rotation + estimate_skew(page, rotation), dpi, languages)
            if len(turned.text.split()) >= len(result.text.split()) or _plausible(turned.text):
                result = turned
    return result


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the C library's writes to file descriptor 2 for the duration (restored afterwards)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _ocr(page: pymupdf.Page, rotation: float, dpi: int, languages: str) -> Page:
    """OCR of the page turned by ``rotation`` degrees: Tesseract's command line when installed (about twice as
    fast as the copy of Tesseract inside MuPDF on these machines: 1.9 s instead of 3.7 s for a dense Letter page
    at 300 dpi), else PyMuPDF's ``pdfocr_tobytes``."""
    exe = shutil.which("tesseract")
    if exe:
        result = _ocr_cli(exe, page, rotation, dpi, languages)
        if result is not None:
            return result
    return _ocr_mupdf(page, rotation, dpi, languages)


def _page_mapping(page: pymupdf.Page, matrix: pymupdf.Matrix) -> Callable[[float, float, float, float], Rect]:
    """Pixel rectangle of a pixmap rendered with ``matrix`` -> rectangle in the page's unrotated coordinates
    (the coordinates text-layer boxes and redaction annotations use; a page's /Rotate undone). A box of a
    straightened page maps back to the bounding box of its turned rectangle."""
    origin = (page.rect * matrix).irect
    inverse = ~matrix * page.derotation_matrix

    def to_page(x0: float, y0: float, x1: float, y1: float) -> Rect:
        r = pymupdf.Rect(x0 + origin.x0, y0 + origin.y0, x1 + origin.x0, y1 + origin.y0) * inverse
        r.normalize()
        return (r.x0, r.y0, r.x1, r.y1)

    return to_page


def _ocr_cli(exe: str, page: pymupdf.Page, rotation: float, dpi: int, languages: str) -> Page | None:
    zoom = dpi / 72.0
    matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation)
    pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csGRAY, alpha=False)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        out = subprocess.run([exe, "stdin", "stdout", "-l", languages, "--dpi", str(dpi), "--psm", "3",
                              "--tessdata-dir", tessdata_dir(), "tsv"],
                             input=pix.tobytes("png"), capture_output=True, timeout=300, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    to_page = _page_mapping(page, matrix)
    parts: list[str] = []
    boxes: list[Rect | None] = []
    current_line: tuple[str, str, str] | None = None
    for row in out.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        left, top, width, height = (int(v) for v in cols[6:10])
        line = (cols[2], cols[3], cols[4])
        if parts:
            parts.append(" " if line == current_line else "\n")
            boxes.append(None)
        current_line = line
        weights = [_NARROW.get(c, 1.0) for c in word]
        unit = width / sum(weights)
        x = float(left)
        for c, w in zip(word, weights, strict=True):
            parts.append(c)
            boxes.append(to_page(x, top, x + w * unit, top + height))
            x += w * unit
    return Page(number=page.number + 1, text="".join(parts), char_boxes=tuple(boxes), width=page.rect.width,
                height=page.rect.height, text_source=TextSource.OCR)


def _ocr_mupdf(page: pymupdf.Page, rotation: float, dpi: int, languages: str) -> Page:
    zoom = dpi / 72.0
    matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation)
    pix = page.get_pixmap(matrix=matrix, alpha=False)  # RGB: the OCR output of a grey pixmap has no text
    pix.set_dpi(dpi, dpi)
    with _quiet_stderr():  # MuPDF's Tesseract prints diagnostics ("Line cannot be recognized!!") to fd 2
        data = pix.pdfocr_tobytes(language=languages, tessdata=tessdata_dir())
    ocr_pdf = pymupdf.open("pdf", data)
    try:
        ocr = ocr_pdf[0]
        # OCR page points -> pixmap pixels -> original page (undo the render matrix, incl. its shift) -> the
        # unrotated page coordinates that text-layer boxes and redaction annotations use (a page's /Rotate).
        # A box of a straightened page maps back to the bounding box of its turned rectangle.
        origin = (page.rect * matrix).irect
        inverse = ~matrix * page.derotation_matrix
        scale = dpi / 72.0

        def to_page(box: Rect) -> Rect:
            r = pymupdf.Rect(box[0] * scale + origin.x0, box[1] * scale + origin.y0,
                             box[2] * scale + origin.x0, box[3] * scale + origin.y0) * inverse
            r.normalize()
            return (r.x0, r.y0, r.x1, r.y1)

        raw = ocr.get_text("rawdict", flags=_FLAGS)
        _cover_word_punctuation(raw)
        text, boxes = text_and_boxes(raw, to_page)
    finally:
        ocr_pdf.close()
    return Page(number=page.number + 1, text=text, char_boxes=tuple(boxes), width=page.rect.width,
                height=page.rect.height, text_source=TextSource.OCR)


# Share of a word's width given to a character when the OCR word is split into character boxes
_NARROW = {**dict.fromkeys(".,;:'\"`!|", 0.4), **dict.fromkeys("()[]{}-/", 0.6), "@": 1.3}


def _cover_word_punctuation(raw: dict) -> None:
    """Re-split each OCR word's box over its characters by their likely widths (in place, upright coordinates).

    The OCR text layer spreads a recognised word evenly over the word's box, so a comma or full stop gets a whole
    letter's width and the letters before it end early ("Gonzalez," - the end of the "z" would stick out of a
    redaction box). Punctuation gets a narrow share here, letters and digits a full one.
    """
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            chars = [ch for span in line.get("spans", []) for ch in span.get("chars", [])]
            i = 0
            while i < len(chars):
                j = i
                while j < len(chars) and not chars[j]["c"].isspace():
                    j += 1
                word = chars[i:j]
                if len(word) > 1 and any(ch["c"] in _NARROW for ch in word):
                    x0, x1 = word[0]["bbox"][0], word[-1]["bbox"][2]
                    weights = [_NARROW.get(ch["c"], 1.0) for ch in word]
                    unit = (x1 - x0) / sum(weights)
                    x = x0
                    for ch, w in zip(word, weights, strict=True):
                        _, y0, _, y1 = ch["bbox"]
                        ch["bbox"] = (x, y0, x + w * unit, y1)
                        x += w * unit
                i = j + 1


def _ocr_job(single_page_pdf: bytes, number: int, dpi: int) -> Page:
    doc = pymupdf.open(stream=single_page_pdf, filetype="pdf")
    try:
        result = ocr_page(doc[0], dpi)
    finally:
        doc.close()
    return replace(result, number=number)


def _single_page(pdf: pymupdf.Document, index: int) -> bytes:
    out = pymupdf.open()
    out.insert_pdf(pdf, from_page=index, to_page=index)
    data = out.tobytes()
    out.close()
    return data


def ocr_pages(pdf_bytes: bytes, numbers: Sequence[int], dpi: int = OCR_DPI,
              progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> dict[int, Page]:
    """OCR the given (1-based) pages, in parallel processes; ``progress(done, total)`` after each page."""
    if not numbers:
        return {}
    tessdata_dir()  # fail early and clearly when Tesseract is missing
    src = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        jobs = [(_single_page(src, n - 1), n) for n in numbers]
    finally:
        src.close()
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results: dict[int, Page] = {}
    if workers == 1:
        for data, n in jobs:
            results[n] = _ocr_job(data, n, dpi)
            if progress:
                progress(len(results), len(jobs))
        return results
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_ocr_job, data, n, dpi) for data, n in jobs]
        for fut in as_completed(futures):
            page = fut.result()
            results[page.number] = page
            if progress:
                progress(len(results), len(jobs))
    return results


def ocr_document(document: Document, progress: Callable[[int, int], None] | None = None,
                 dpi: int = OCR_DPI) -> Document:
    """The document with every page that needs OCR replaced by its OCR'd page."""
    numbers = document.scanned_pages
    if not numbers or document.source_bytes is None:
        return document
    done = ocr_pages(document.source_bytes, numbers, dpi, progress)
    pages = tuple(done.get(p.number, p) for p in document.pages)
    return replace(document, pages=pages)


def ocr_text_of_pdf_pages(pdf_bytes: bytes, numbers: Sequence[int], dpi: int = OCR_DPI) -> dict[int, str]:
    """OCR text of pages of a PDF (used to verify that redacted words are gone from the pixels)."""
    return {n: p.text for n, p in ocr_pages(pdf_bytes, numbers, dpi).items()}

"""OCR of scanned pages with Tesseract (English + Spanish language data from Debian's tesseract-ocr packages).

A page without a usable text layer is rendered grey at ``OCR_DPI`` (300 dpi: Tesseract's recommended resolution
for body text; 200 dpi lost accuracy on 9-pt type in our tests), turned upright and straightened as the shape of
its ink says (``estimate_orientation``: sideways lines, skew, upside-down), and recognised in this process
through Tesseract's C++ API (tesserocr). Tesseract's orientation detection is asked only when the reading does
not look like text. Every recognised character keeps a box, mapped back to the original page's coordinates, so
findings on OCR text get boxes exactly like text-layer findings. Pages are OCR'd in parallel worker processes,
one per core, each keeping its Tesseract instance between pages.

Why tesserocr rather than Debian's ``tesseract`` command or MuPDF's built-in OCR: on these machines a dense
Letter page took 1.1 s through tesserocr (its wheel bundles Tesseract 5.5), 1.6 s through the command (5.3,
plus model loading and a PNG round trip per page) and 3.7 s through ``Pixmap.pdfocr_tobytes``, with the same
language data and the same or better word accuracy.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

import numpy as np
import pymupdf
import tesserocr

from workstation.documents.raster import capped_dpi
from workstation.domain.errors import WorkstationError
from workstation.domain.model import Document, Page, Rect, TextSource

log = logging.getLogger(__name__)

OCR_DPI = 300
OSD_DPI = 150
LANGUAGES = "eng+spa"


class OcrUnavailableError(WorkstationError):
    exit_code = 2


@functools.cache
def tessdata_dir() -> str:
    """Tesseract's language data folder (TESSDATA_PREFIX, or what ``tesseract --list-langs`` reports).

    The folder must hold the data of every language in ``LANGUAGES``: a missing language is reported here, as
    OCR being unavailable, rather than as a failure deep inside Tesseract.
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


def _has_languages(folder: str, languages: str = LANGUAGES) -> bool:
    return all((Path(folder) / f"{lang}.traineddata").is_file() for lang in languages.split("+"))


_local = threading.local()


def _api(languages: str) -> tesserocr.PyTessBaseAPI:
    """This thread's Tesseract instance for ``languages`` (``"osd"``: orientation detection), created once.
    Loading the language data takes ~0.15 s; a worker process reuses its instance for every page it reads."""
    apis: dict[str, tesserocr.PyTessBaseAPI] = _local.__dict__.setdefault("apis", {})
    api = apis.get(languages)
    if api is None:
        psm = tesserocr.PSM.OSD_ONLY if languages == "osd" else tesserocr.PSM.AUTO
        try:
            api = tesserocr.PyTessBaseAPI(path=tessdata_dir().rstrip("/") + "/", lang=languages, psm=psm)
        except RuntimeError as exc:
            raise OcrUnavailableError(f"Tesseract could not load its {languages} language data from "
                                      f"{tessdata_dir()}: {exc}") from exc
        api.SetVariable("debug_file", "/dev/null")  # no "Estimating resolution" chatter on the terminal
        apis[languages] = api
    return api


def _recognise(api: tesserocr.PyTessBaseAPI, pix: pymupdf.Pixmap, dpi: int) -> None:
    """Hand Tesseract the grey pixmap, despeckled."""
    img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    api.SetImageBytes(despeckle(img).tobytes(), pix.width, pix.height, 1, pix.width)
    api.SetSourceResolution(dpi)


def despeckle(img: np.ndarray) -> np.ndarray:
    """The grey image with isolated specks removed: a dark pixel with at most one dark neighbour (of eight)
    becomes white, a light pixel with at most one light neighbour inside the ink becomes black.

    A scan's dust and salt-and-pepper noise are such single pixels; strokes, even one pixel wide, and the dots
    of i's and full stops have more neighbours and are kept. Measured on dense Letter pages at 300 dpi with
    3 % salt-and-pepper and strong grain: word accuracy 0.964/0.977 -> 0.989/1.000, and Tesseract is ~10 %
    faster on the cleaner page; the filter costs ~0.05 s.
    """
    h, w = img.shape
    out = np.array(img, dtype=np.uint8, copy=True, order="C")
    for dark, fill in ((True, 255), (False, 0)):
        mask = (img < 128) if dark else (img >= 128)
        padded = np.pad(mask, 1).view(np.uint8)
        neighbours = sum(padded[1 + dy: 1 + dy + h, 1 + dx: 1 + dx + w]
                         for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
        out[mask & (neighbours <= 1)] = fill
    return out


def detect_rotation(page: pymupdf.Page) -> int:
    """Degrees to turn the page image (``Matrix.prerotate``) so its text is upright, by Tesseract's orientation
    detection; 0 when it is unsure or finds no text."""
    if not _has_languages(tessdata_dir(), "osd"):
        return 0
    dpi = round(capped_dpi(page, OSD_DPI, MAX_PROFILE_PIXELS))
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    api = _api("osd")
    _recognise(api, pix, dpi)
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        return 0
    if not found or found.get("orient_conf", 0.0) < 1.0:
        return 0
    return (360 - int(found["orient_deg"])) % 360


SKEW_DPI = 60
SKEW_RANGE = 6.0  # degrees either way; a page turned further is an orientation (90/180/270) problem
SIDEWAYS_RATIO = 1.0  # column profile sharper than the row profile: the lines run down the page (running text:
# upright <= 0.17, sideways >= 4.3; a ruled form with short lines: 0.75 upright, 1.33 sideways)
UPDOWN_DPI = 120
UPDOWN_RATIO = 1.6  # ink above the lines' x-height band vs below it (or the reverse) needed to decide
_WORDLIKE = re.compile(r"^[^\W\d_]{2,}[.,;:!?)'\"]*$")


MAX_OCR_PIXELS = 36e6  # 300 dpi up to 17 x 22 inches (tabloid and A3 pages are read at full resolution)
MAX_PROFILE_PIXELS = 4e6  # the small renders that estimate orientation and skew


def _gray(page: pymupdf.Page, dpi: float, rotation: float) -> np.ndarray:
    dpi = capped_dpi(page, dpi, MAX_PROFILE_PIXELS)
    m = pymupdf.Matrix(dpi / 72.0, dpi / 72.0).prerotate(rotation)
    pix = page.get_pixmap(matrix=m, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]


def _sharpest_shear(ys: np.ndarray, xs: np.ndarray) -> tuple[float, float]:
    """(angle, sharpness) of the shear that makes the ink's rows sharpest: ink pixels are sheared by each
    candidate slope and counted per row; sharpness is the sum of squared differences between adjacent rows.
    0.5-degree steps within +-SKEW_RANGE, then 0.1 around the best."""
    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.sum(np.diff(counts) ** 2))

    best = max(np.arange(-SKEW_RANGE, SKEW_RANGE + 0.01, 0.5), key=sharpness)
    best = float(max(np.arange(best - 0.4, best + 0.41, 0.1), key=sharpness))
    return best, sharpness(best)


def estimate_skew(page: pymupdf.Page, base_rotation: int = 0) -> float:
    """The small rotation (degrees, for ``Matrix.prerotate``) that makes the page's text lines horizontal.

    Projection profile: the page is rendered once, small and grey, and the shear whose rows of ink are sharpest
    wins (``_sharpest_shear``). The sign that matches ``prerotate`` is then checked by rendering both ways once.
    """
    img = _gray(page, SKEW_DPI, base_rotation)
    ys, xs = np.nonzero(img < 128)
    if len(ys) < 200:
        return 0.0
    best, _ = _sharpest_shear(ys, xs.astype(np.float64) - img.shape[1] / 2)
    if abs(best) < 0.3:
        return 0.0

    def rendered(angle: float) -> float:
        ink = (_gray(page, SKEW_DPI, base_rotation + angle) < 128).sum(axis=1).astype(np.float64)
        return float(np.sum(np.diff(ink) ** 2))

    return round(best if rendered(best) >= rendered(-best) else -best, 2)


RULE_INCHES = 0.25  # a straight run of ink this long is a ruled line of a form or table, not part of a letter


def _runs_at_least(ink: np.ndarray, k: int) -> np.ndarray:
    """The pixels of ``ink`` that belong to a vertical run of at least ``k`` ink pixels (per column)."""
    h = ink.shape[0]
    if k > h:
        return np.zeros_like(ink)
    c = np.concatenate([np.zeros((1, ink.shape[1]), np.int32), np.cumsum(ink, axis=0, dtype=np.int32)])
    starts = (c[k:] - c[:-k]) == k  # a full run of k begins at this row
    # every pixel of such a run: a running count of the run starts within the k rows above and including it
    s = np.concatenate([np.zeros((1, ink.shape[1]), np.int32), np.cumsum(starts, axis=0, dtype=np.int32)])
    covered = np.empty_like(ink)
    rows = np.arange(h)
    lo = np.maximum(rows - k + 1, 0)
    hi = np.minimum(rows + 1, starts.shape[0])
    covered[:] = (s[hi] - s[lo]) > 0
    return covered & ink


def _without_rules(ink: np.ndarray, dpi: float) -> np.ndarray:
    """``ink`` without the ruled lines of forms and tables (straight runs longer than ``RULE_INCHES``, either
    way): they would join text lines in the row profile and look like lines of text in the column profile."""
    k = max(3, int(RULE_INCHES * dpi))
    return ink & ~_runs_at_least(ink, k) & ~_runs_at_least(ink.T, k).T


def _looks_sideways(page: pymupdf.Page) -> bool:
    """Whether the page's text lines run down the page (a page turned 90 or 270 degrees): the ink's column
    profile, at its sharpest shear, is much sharper than its row profile at its sharpest shear (comparing the
    best shears keeps a skewed upright page, whose rows blur, from looking sideways). Upside-down pages are not
    told apart here."""
    img = _gray(page, SKEW_DPI, 0)
    ys, xs = np.nonzero(_without_rules(img < 128, capped_dpi(page, SKEW_DPI, MAX_PROFILE_PIXELS)))
    if len(ys) < 200:
        return False
    h, w = img.shape
    _, rows = _sharpest_shear(ys, xs.astype(np.float64) - w / 2)
    _, cols = _sharpest_shear(xs, ys.astype(np.float64) - h / 2)
    return cols > SIDEWAYS_RATIO * rows


def _upside_down(page: pymupdf.Page, rotation: float) -> bool | None:
    """Whether the page, turned by ``rotation`` (its lines then horizontal), reads upside down; None when the
    evidence is too weak (few or odd lines).

    Latin script has more ascenders (capitals, b d f h k l t) than descenders (g j p q y): in each text line the
    ink above the dense x-height band outweighs the ink below it, about 3-4 to 1 in running text. Turned 180
    degrees the balance reverses. Summed over the page's lines this costs one small render.
    """
    img = _gray(page, UPDOWN_DPI, rotation)
    h, w = img.shape
    ink = _without_rules(img < 128, capped_dpi(page, UPDOWN_DPI, MAX_PROFILE_PIXELS))
    # specks of noise (an ink pixel with at most one ink neighbour) would join the lines through the gaps
    padded = np.pad(ink, 1).astype(np.uint8)
    neighbours = sum(padded[1 + dy: 1 + dy + h, 1 + dx: 1 + dx + w]
                     for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
    rows = (ink & (neighbours >= 2)).sum(axis=1).astype(np.int64)
    floor = max(2, int(0.002 * w))  # what specks are left in an otherwise blank row
    on = rows > floor
    above = below = 0
    y = 0
    while y < h:
        if not on[y]:
            y += 1
            continue
        y0 = y
        while y < h and on[y]:
            y += 1
        seg = rows[y0:y] - floor
        if len(seg) < 5:  # a rule or a speck, not a line of text
            continue
        core = np.nonzero(seg >= 0.3 * seg.max())[0]  # the x-height band, its blurred edges included
        above += int(seg[: core[0]].sum())
        below += int(seg[core[-1] + 1:].sum())
    if above + below < 200:
        return None
    if below > UPDOWN_RATIO * above:
        return True
    if above > UPDOWN_RATIO * below:
        return False
    return None


def estimate_orientation(page: pymupdf.Page) -> tuple[int, float]:
    """(rotation, skew): turning the page image by ``rotation`` (0/90/180/270) and then ``skew`` degrees makes
    its text upright and its lines horizontal, as far as the ink's shape tells (``_looks_sideways``,
    ``estimate_skew``, ``_upside_down``: three small renders, about 0.1 s). No OCR is spent on it; when the
    result does not read like text, ``ocr_page`` asks Tesseract's orientation detection."""
    base = 90 if _looks_sideways(page) else 0
    skew = estimate_skew(page, base)
    if _upside_down(page, base + skew):
        base += 180
    return base, skew


# Frequent English and Spanish words, and common form labels: upright text has them; the letters Tesseract reads
# from an upside-down or sideways page look like words ("Buipuodsa") but are almost never these.
_COMMON = frozenset("""
the and of to in is was for on that with as by at from he she his her it they not be has have had this are
were an or but who which will been my me we you your our their there on no yes mr ms mrs date name address
phone dob street avenue new york police report complaint case number status of de la el en que los las del
se por un una con para es al lo su fecha nombre direccion dirección
""".split())


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

    The page is turned upright and straightened as its ink's shape says (``estimate_orientation``) and OCR'd
    once. Only when that does not read like text is Tesseract's orientation detection (``--psm 0``) asked, and
    the page OCR'd again turned as it says.
    """
    rotation, skew = estimate_orientation(page)
    result = _ocr(page, rotation + skew, dpi, languages)
    if not _plausible(result.text):
        osd = detect_rotation(page)
        if osd != rotation:
            turned = _ocr(page, osd + estimate_skew(page, osd), dpi, languages)
            if len(turned.text.split()) >= len(result.text.split()) or _plausible(turned.text):
                result = turned
    return result


def _ocr(page: pymupdf.Page, rotation: float, dpi: int, languages: str) -> Page:
    """OCR of the page turned by ``rotation`` degrees, as Tesseract's word boxes split over the characters."""
    dpi = round(capped_dpi(page, dpi, MAX_OCR_PIXELS))
    zoom = dpi / 72.0
    matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation)
    pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csGRAY, alpha=False)
    api = _api(languages)
    _recognise(api, pix, dpi)
    tsv = api.GetTSVText(0)
    api.Clear()
    return _page_from_tsv(tsv, page, _page_mapping(page, matrix))


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


# Share of a word's width given to a character when an OCR word's box is split over its characters: punctuation
# gets a narrow share, so the letters before a comma are not cut short ("Gonzalez," - the end of the "z" would
# stick out of a redaction box)
_NARROW = {**dict.fromkeys(".,;:'\"`!|", 0.4), **dict.fromkeys("()[]{}-/", 0.6), "@": 1.3}


def _page_from_tsv(tsv: str, page: pymupdf.Page, to_page: Callable[[float, float, float, float], Rect]) -> Page:
    """The page's text from Tesseract's TSV (one row per word; words of a line joined by spaces, lines by
    newlines), each character with a share of its word's box."""
    parts: list[str] = []
    boxes: list[Rect | None] = []
    current_line: tuple[str, str, str] | None = None
    for row in tsv.splitlines():
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


def _ocr_job(single_page_pdf: bytes, number: int, dpi: int) -> tuple[Page, str]:
    """The OCR'd page, and what Tesseract and Leptonica printed on the process's stderr meanwhile ("Error in
    boxClipToRectangle: box outside rectangle" on a successful page): kept off the user's terminal, logged by the
    caller (shown with ``-v``)."""
    with _stderr_captured() as noise:
        doc = pymupdf.open(stream=single_page_pdf, filetype="pdf")
        try:
            result = ocr_page(doc[0], dpi)
        finally:
            doc.close()
            release_decoded_images()
    return replace(result, number=number), noise.read()


def release_decoded_images() -> None:
    """Empty MuPDF's cache of decoded images and fonts. It keeps up to 256 MB a process and a page's decoded images
    stay in it after the document is closed: an OCR process grew by 40 MB a page over the first pages of 300 dpi
    page images (232 -> 441 MB over six pages; 268 MB steady when emptied after each page)."""
    pymupdf.TOOLS.store_shrink(100)


class _Captured:
    def __init__(self) -> None:
        self.text = ""

    def read(self) -> str:
        return self.text


@contextlib.contextmanager
def _stderr_captured() -> Iterator[_Captured]:
    """File descriptor 2 sent to a temporary file for the duration (C libraries write to it directly)."""
    captured = _Captured()
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            yield captured
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            captured.text = tmp.read().decode("utf-8", "replace")


def _log_noise(number: int, noise: str) -> None:
    if noise.strip():
        log.info("OCR of page %d: library messages: %s", number, " | ".join(noise.split("\n")).strip(" |"))


def _single_page(pdf: pymupdf.Document, index: int) -> bytes:
    out = pymupdf.open()
    out.insert_pdf(pdf, from_page=index, to_page=index)
    data = out.tobytes()
    out.close()
    return data


def ocr_pages(pdf_bytes: bytes, numbers: Sequence[int], dpi: int = OCR_DPI,
              progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> dict[int, Page]:
    """OCR the given (1-based) pages, in parallel processes; ``progress(done, total)`` after each page.

    Memory stays bounded whatever the page count: a page is cut out of the PDF only when a process is free to
    read it (at most two per process are waiting), and each process empties MuPDF's cache of decoded images after
    every page (``_ocr_job``)."""
    if not numbers:
        return {}
    tessdata_dir()  # fail early and clearly when Tesseract is missing
    total = len(numbers)
    workers = max(1, min(workers or os.cpu_count() or 1, total))
    results: dict[int, Page] = {}
    src = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        if workers == 1:
            for n in numbers:
                results[n], noise = _ocr_job(_single_page(src, n - 1), n, dpi)
                _log_noise(n, noise)
                if progress:
                    progress(len(results), total)
            return results
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                todo = iter(numbers)
                running: set[Future[tuple[Page, str]]] = set()
                while True:
                    while len(running) < 2 * workers:
                        number = next(todo, None)
                        if number is None:
                            break
                        running.add(pool.submit(_ocr_job, _single_page(src, number - 1), number, dpi))
                    if not running:
                        break
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for fut in done:
                        page, noise = fut.result()
                        _log_noise(page.number, noise)
                        results[page.number] = page
                        if progress:
                            progress(len(results), total)
        except BrokenProcessPool:  # Tesseract or MuPDF crashed on a page: this process is unharmed
            raise OcrUnavailableError(f"OCR stopped: a page crashed the OCR process ({len(results)} of {total} "
                                      "page(s) read); the scanned pages stay unread") from None
    finally:
        src.close()
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


def ocr_regions(pdf_bytes: bytes, regions: Sequence[tuple[int, Rect]], dpi: int = OCR_DPI,
                blank: Mapping[int, Sequence[Rect]] | None = None) -> list[str]:
    """OCR text of small regions of pages (page number, rectangle in the page's unrotated coordinates, as OCR
    boxes are), each grown by a line above and below and a few words either side as the page is shown (turned by
    its /Rotate) and read as one block of text as it stands (no orientation guessing). Used by verification to
    ask whether the original page showed a word at the place where the exported page shows it. ``blank``: areas
    per page (unrotated coordinates) painted white before reading - the redaction boxes, whose words do not count."""
    if not regions:
        return []
    tessdata_dir()
    doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    out: list[str] = []
    try:
        api = _api(LANGUAGES)
        api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
        try:
            with _stderr_captured() as noise:
                for number, rect in regions:
                    page = doc[number - 1]
                    shown = pymupdf.Rect(rect) * page.rotation_matrix
                    pad = max(shown.height, 6.0)
                    clip = pymupdf.Rect(shown.x0 - 3 * pad, shown.y0 - pad, shown.x1 + 3 * pad, shown.y1 + pad) & page.rect
                    if clip.is_empty:
                        out.append("")
                        continue
                    pix = page.get_pixmap(dpi=dpi, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
                    to_pixels = pymupdf.Matrix(dpi / 72, dpi / 72)  # a clip's pixmap keeps the page's pixel grid
                    for box in (blank or {}).get(number, ()):
                        r = (pymupdf.Rect(box) * page.rotation_matrix * to_pixels).irect
                        r = pymupdf.IRect(r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1) & pix.irect
                        if not r.is_empty:
                            pix.set_rect(r, (255,))
                    _recognise(api, pix, dpi)
                    out.append(api.GetUTF8Text())
                    api.Clear()
            _log_noise(0, noise.read())
        finally:
            api.SetPageSegMode(tesserocr.PSM.AUTO)
    finally:
        doc.close()
        release_decoded_images()
    return out

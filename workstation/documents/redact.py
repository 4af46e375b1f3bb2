"""True redaction, sanitization and independent verification of a PDF.

Redaction removes the content under each box (``apply_redactions``: image pixels blanked over the whole box,
text and vector graphics removed), then draws an opaque black box. The removal area for text and graphics
is the central band of the character boxes: MuPDF removes every glyph whose own (font-height) box touches the
area, so using the full box height would also cut letters out of the lines above and below.

Sanitization removes metadata, XMP, every annotation (including leftover redaction annotations), links,
bookmarks, embedded files, JavaScript and actions, form fields, thumbnails and hidden text.

Verification re-opens the written bytes with two independent extractors, PyMuPDF and pdfminer.six, and fails
(``VerificationError``, naming the page) when a removed string or any character inside a redaction box can
still be extracted, or when anything the sanitizer should have removed is still present.

Flattening (``redact_and_verify_pages(..., flatten=True)``, the policy's ``flatten_unverifiable_pages``): a page
whose text cannot be verifiably removed (an extractor still reads a removed string or a character inside a box
on it) is exported as an image of the redacted page, rendered at the OCR resolution with the pixels under the
boxes blanked and no text layer, then verified again, the page OCR'd as scanned pages are.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import multiprocessing
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

import pymupdf

from workstation.documents import page_time
from workstation.documents.box_codes import Stamper
from workstation.domain.errors import InputError, VerificationError, WorkstationError
from workstation.domain.model import Rect

BLACK = (0.0, 0.0, 0.0)


@dataclass
class PageRedactions:
    """What to remove from one page: boxes (PDF points) and the strings that were under them."""

    boxes: list[Rect] = field(default_factory=list)
    removed_strings: list[str] = field(default_factory=list)
    # A scanned page whose text came from our OCR: every text object on it is removed (a scanner's own hidden
    # OCR layer included), the boxes blank the image pixels, and verification OCRs the exported page again.
    scanned: bool = False
    # the exemption code printed on each box (``codes[i]`` for ``boxes[i]``; missing or "" = none): an image, not
    # text (``box_codes``), so nothing inside a box is extractable
    codes: list[str] = field(default_factory=list)
    # what a verification failure names instead of the text: ``labels[i]`` for ``boxes[i]``, ``string_labels[i]``
    # for ``removed_strings[i]`` ("finding 1a2b3c4d5e6f (PERSON)"); missing or "" = "a redaction"
    labels: list[str] = field(default_factory=list)
    string_labels: list[str] = field(default_factory=list)
    # a scanned page: its OCR reading before redaction (text, a box per character or None), what the reviewer
    # saw - the occurrences of a removed string outside every box on it were not chosen for removal
    reading: tuple[str, tuple[Rect | None, ...]] | None = None

    def label(self, box: int) -> str:
        return (self.labels[box] if box < len(self.labels) else "") or "a redaction"


VERTICAL = 1.5  # a box this many times taller than wide holds a line of vertical text (a turned page's)


def removal_rect(box: Rect) -> pymupdf.Rect:
    """The central band of a box's line of text, along the line: its glyphs touch it, the lines beside it do not.
    A box much taller than wide holds vertical text (on a page with /Rotate 90, a landscape page's lines run down
    the unrotated page): the band runs down the box (across it, only the middle letters were removed, and the
    page had to be flattened)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if h > VERTICAL * w:
        e = min(0.3, 0.05 * h)
        return pymupdf.Rect(x0 + 0.3 * w, y0 + e, x1 - 0.3 * w, y1 - e)
    e = min(0.3, 0.05 * w)
    return pymupdf.Rect(x0 + e, y0 + 0.3 * h, x1 - e, y1 - 0.35 * h)


def check_rect(box: Rect) -> pymupdf.Rect:
    """Any character whose centre lies here must be gone after redaction."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    return pymupdf.Rect(x0 + 0.5, y0 + 0.15 * h, x1 - 0.5, y1 - 0.15 * h)


def redact_pdf(pdf_bytes: bytes, plan: Mapping[int, PageRedactions]) -> bytes:
    """Apply the redactions of ``plan`` (page number -> redactions), sanitize, and return the new PDF bytes."""
    doc = _resaved(pdf_bytes)
    stamper = Stamper()
    try:
        for number, red in plan.items():
            page_time.page_started(number, page_time.REDACTION)
            page = doc[number - 1]
            if red.boxes and _has_images(page):
                # Image pixels: blank the whole box (the black box drawn below must never hide live pixels).
                for box in red.boxes:
                    page.add_redact_annot(pymupdf.Rect(box), fill=BLACK)
                page.apply_redactions(
                    images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                    graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                    text=pymupdf.PDF_REDACT_TEXT_NONE,
                )
            if red.scanned:
                page.add_redact_annot(_whole_page(page))
                page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE,
                                      graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                                      text=pymupdf.PDF_REDACT_TEXT_REMOVE)
            if red.boxes:
                # Text and line art: the central band only, so glyphs of neighbouring lines are kept.
                for box in red.boxes:
                    page.add_redact_annot(removal_rect(box), fill=BLACK)
                page.apply_redactions(
                    images=pymupdf.PDF_REDACT_IMAGE_NONE,
                    graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                    text=pymupdf.PDF_REDACT_TEXT_REMOVE,
                )
                shape = page.new_shape()
                for box in red.boxes:
                    shape.draw_rect(pymupdf.Rect(box))
                shape.finish(color=BLACK, fill=BLACK, width=0)
                shape.commit(overlay=True)
                if not red.scanned and not _has_images(page):  # pixels are verified by OCR: never cover them
                    for box, code in zip(red.boxes, red.codes, strict=False):
                        stamper.stamp(page, box, code)
        page_time.page_started(0, page_time.SAVING, pages=doc.page_count)
        sanitize(doc)
        try:
            return doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)
        except Exception:  # noqa: BLE001
            # MuPDF's cleaning of content streams gives up on some files once they have been saved before
            # (pdf.js issue5896: "not a dict (null)"): saved without it; verification reads whatever is written
            return doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    finally:
        doc.close()


def _resaved(pdf_bytes: bytes) -> pymupdf.Document:
    """The PDF, saved once and opened again: the document the redactions are applied to.

    MuPDF repairs some files only when it first writes them (a cross-reference it finds broken while saving,
    though opening reported none): that repair rebuilds the document from the file's bytes and silently drops
    every change made in memory - the redactions included (PyMuPDF's test_4790.pdf: the export held the page
    unredacted, caught only by the OCR check). Saving before any change lets that repair happen first; a file
    whose page count it changes is refused."""
    doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        pages = doc.page_count
        data = doc.tobytes(no_new_id=True)  # the same bytes in, the same export out
    finally:
        doc.close()
    doc = pymupdf.open(stream=data, filetype="pdf")
    if doc.page_count != pages:
        doc.close()
        raise ValueError(f"MuPDF's repair while saving changed the page count ({pages} -> {doc.page_count})")
    return doc


def _whole_page(page: pymupdf.Page) -> pymupdf.Rect:
    """The whole page in the unrotated coordinates of annotations (``page.rect`` is turned by /Rotate)."""
    return page.rect * page.derotation_matrix


_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")


def _has_images(page: pymupdf.Page) -> bool:
    """Image XObjects on the page (also inside form XObjects) or inline images in its content."""
    return bool(page.get_images(full=True)) or bool(_INLINE_IMAGE.search(page.read_contents()))


def sanitize(doc: pymupdf.Document) -> None:
    """Remove everything besides the visible page content."""
    for page in doc:
        # one by one, so that MuPDF also drops what each refers to (popups, appearance streams); one MuPDF cannot
        # delete (a reply whose parent went first: "Annot is not bound to a page") goes with the page's /Annots,
        # cut below, the verifier checking every page for annotations left
        for annot in list(page.annots() or []):
            with contextlib.suppress(Exception):
                page.delete_annot(annot)
        for widget in list(page.widgets() or []):
            with contextlib.suppress(Exception):
                page.delete_widget(widget)
        for link in page.get_links():
            with contextlib.suppress(Exception):
                page.delete_link(link)
    try:
        doc.scrub(redact_images=0, **dict.fromkeys(_SCRUB_STEPS, True))
    except Exception:  # noqa: BLE001
        # MuPDF gives up the whole scrub at one broken object (an object stream without an object the xref says it
        # holds: "cannot find object in xref (539 0 R)"), though every viewer opens the file: each step alone,
        # a failing one skipped; what it would have removed goes below, object by object, and the verifier checks
        # every object of the output anyway
        for step in _SCRUB_STEPS:
            with contextlib.suppress(Exception):
                doc.scrub(redact_images=0, **{other: other == step for other in _SCRUB_STEPS})
    for remove in (lambda: doc.set_toc([]), lambda: doc.set_metadata({}), doc.del_xml_metadata):
        with contextlib.suppress(Exception):  # the catalog's and the trailer's keys are cut below too
            remove()
    for name in list(doc.embfile_names()):
        doc.embfile_del(name)
    _strip_catalog(doc)


_SCRUB_STEPS = ("attached_files", "clean_pages", "embedded_files", "hidden_text", "javascript", "metadata",
                "redactions", "remove_links", "reset_fields", "reset_responses", "thumbnails", "xml_metadata")


_CATALOG_KEYS = ("OpenAction", "AA", "AcroForm", "Names", "Outlines", "Metadata", "PieceInfo", "StructTreeRoot",
                 "MarkInfo", "Threads", "SpiderInfo", "Perms", "Legal", "URI", "Collection", "OCProperties", "AF")
# Keys removed from every object: associated files (PDF 2.0 /AF can attach files to the catalog, a page, an
# image or an annotation, out of reach of the embedded-files name tree), private application data, alternate
# versions of an image (unredacted pixels), thumbnails.
_OBJECT_KEYS = ("AF", "PieceInfo", "Alternates", "Thumb")


def _strip_catalog(doc: pymupdf.Document) -> None:
    cat = doc.pdf_catalog()
    for key in _CATALOG_KEYS:
        if doc.xref_get_key(cat, key)[0] != "null":
            doc.xref_set_key(cat, key, "null")
    if doc.xref_get_key(-1, "Info")[0] != "null":  # the trailer's document information (author, title ...)
        doc.xref_set_key(-1, "Info", "null")
    for page in doc:
        for key in ("AA", "Annots", "PieceInfo", "Thumb", "StructParents"):
            if doc.xref_get_key(page.xref, key)[0] != "null":
                doc.xref_set_key(page.xref, key, "null")
    for xref in range(1, doc.xref_length()):
        try:
            keys = doc.xref_get_keys(xref)
        except Exception:  # a free or broken object: nothing to strip, and the save drops what is unreferenced
            continue
        for key in _OBJECT_KEYS:
            if key in keys and doc.xref_get_key(xref, key)[0] != "null":
                doc.xref_set_key(xref, key, "null")
        if "JS" in keys or "JavaScript" in keys or doc.xref_get_key(xref, "S") == ("name", "/JavaScript"):
            for key in ("JS", "JavaScript", "S"):  # what the scrub's JavaScript step removes, if it was skipped
                if key in keys:
                    doc.xref_set_key(xref, key, "null")


# ---------------------------------------------------------------------------------------------- verification

_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Comparison form: NFKC, case-folded, whitespace collapsed, hyphen variants unified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u00ad", "").replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-")
    return _WS.sub(" ", text).strip()


_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Words and punctuation marks of the comparison form, so matches respect word boundaries."""
    return _TOKEN.findall(normalize(text))


MASK = "\u25a0"  # stands for a character under a box in a page's text before redaction (a token of its own)


class RemovedStrings:
    """The removed strings as token sequences, indexed by first token, to search every page in one pass; each
    with the label of the finding it was removed for (what a failure names, never the text)."""

    def __init__(self, strings: Iterable[str], labels: Iterable[str] = ()) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.labels: dict[tuple[str, ...], str] = {}
        for s, label in itertools.zip_longest(strings, labels, fillvalue=""):
            toks = tuple(tokens(s))
            if sum(len(t) for t in toks) < 2:
                continue
            if toks not in self.labels:
                self.by_first.setdefault(toks[0], []).append(toks)
            if not self.labels.get(toks):
                self.labels[toks] = label

    def label(self, seq: tuple[str, ...]) -> str:
        return self.labels.get(seq) or "a redaction"

    def matches(self, page: Sequence[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(position, sequence) of every occurrence of a removed string among the tokens ``page``."""
        n = len(page)
        for i, tok in enumerate(page):
            for seq in self.by_first.get(tok, ()):
                k = len(seq)
                if i + k <= n and tuple(page[i:i + k]) == seq:
                    yield i, seq

    def counts(self, text: str) -> Counter[tuple[str, ...]]:
        """How often each removed string occurs in ``text`` (whole tokens)."""
        return Counter(seq for _, seq in self.matches(tokens(text)))

    def found_in(self, text: str) -> bool:
        return next(self.matches(tokens(text)), None) is not None

    def excess(self, found: Counter[tuple[str, ...]], *kept: Counter[tuple[str, ...]]) -> tuple[str, ...] | None:
        """A removed string read more often than the page showed it outside every box before redaction (the
        most of the ``kept`` readings of that page), or None."""
        for seq, n in sorted(found.items()):
            if n > max((k.get(seq, 0) for k in kept), default=0):
                return seq
        return None


HIDDEN_TEXT = "hidden (invisible) text remains"


@dataclass
class SanitizerReport:
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def check_sanitized(doc: pymupdf.Document) -> SanitizerReport:
    rep = SanitizerReport()
    meta = {k: v for k, v in (doc.metadata or {}).items() if v and k not in ("format", "encryption")}
    if meta:
        rep.problems.append((None, f"metadata remains ({', '.join(sorted(meta))})"))
    if doc.get_xml_metadata():
        rep.problems.append((None, "XMP metadata remains"))
    if doc.get_toc():
        rep.problems.append((None, "bookmarks remain"))
    if doc.embfile_count():
        rep.problems.append((None, "embedded files remain"))
    if doc.is_form_pdf:
        rep.problems.append((None, "form fields remain"))
    cat = doc.pdf_catalog()
    for key in ("OpenAction", "AA", "Names", "AcroForm", "Outlines"):
        if doc.xref_get_key(cat, key)[0] != "null":
            rep.problems.append((None, f"document catalog still has /{key}"))
    found: dict[str, str] = {}  # each kind of leftover object reported once, with the first object holding it
    for xref in range(1, doc.xref_length()):
        try:
            keys = doc.xref_get_keys(xref)
        except Exception:
            continue
        for what in _leftovers(doc, xref, keys):
            found.setdefault(what, f"{what} remains (object {xref})")
    rep.problems.extend((None, message) for message in found.values())
    for page in doc:
        if list(page.annots() or []):
            rep.problems.append((page.number + 1, "annotations remain"))
        if page.get_links():
            rep.problems.append((page.number + 1, "links remain"))
        for span in page.get_texttrace():
            if span.get("type") == 3 or span.get("opacity", 1) == 0:
                rep.problems.append((page.number + 1, HIDDEN_TEXT))
                break
    return rep


def _leftovers(doc: pymupdf.Document, xref: int, keys: Sequence[str]) -> list[str]:
    """What object ``xref`` still holds that a sanitized PDF must not: JavaScript, attached files (also PDF 2.0
    associated files /AF), private application data, alternate images, XFA forms."""
    out = []
    if "JS" in keys or "JavaScript" in keys or doc.xref_get_key(xref, "S") == ("name", "/JavaScript"):
        out.append("JavaScript")
    live = [k for k in ("AF", "EF", "XFA", "PieceInfo", "Alternates")
            if k in keys and doc.xref_get_key(xref, k)[0] != "null"]
    if live or doc.xref_get_key(xref, "Type") in (("name", "/EmbeddedFile"), ("name", "/Filespec")):
        out.append("attached file or private data (" + (", ".join("/" + k for k in live) or "embedded file") + ")")
    return out


Masks = Mapping[int, "_BoxIndex"]  # page number -> its boxes: characters under them read as MASK


def _pymupdf_pages(doc: pymupdf.Document, numbers: Iterable[int] | None = None,
                   masks: Masks | None = None) -> list[tuple[str, list[tuple[str, float, float]]]]:
    """(text, [(char, centre x, centre y)]) per page (the given page numbers, default all); with ``masks``, a
    character whose centre lies in a box of its page is MASK in the text."""
    out = []
    for number in (range(1, doc.page_count + 1) if numbers is None else numbers):
        page = doc[number - 1]
        page_time.page_started(number, page_time.VERIFY_MUPDF)
        mask = masks.get(number) if masks else None
        chars: list[tuple[str, float, float]] = []
        parts: list[str] = []
        raw = page.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)
        for block in raw["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for ch in span["chars"]:
                        x0, y0, x1, y1 = ch["bbox"]
                        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                        chars.append((ch["c"], cx, cy))
                        parts.append(MASK if mask is not None and mask.which(cx, cy) is not None else ch["c"])
                parts.append("\n")
        out.append(("".join(parts), chars))
    page_time.page_done()  # what follows (waiting for the second reading) is no page's time
    return out


PARALLEL_MIN_PAGES = 24


class _SecondReading:
    """pdfminer.six's reading of every page, started in worker processes (one per core, for long documents)
    so that it runs while the PyMuPDF checks run here; ``result()`` waits for it."""

    def __init__(self, data: bytes, page_count: int) -> None:
        workers = min(os.cpu_count() or 1, 4)
        self._data = data
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[str, list[tuple[str, float, float]]]]]] = []
        if page_count >= PARALLEL_MIN_PAGES and workers >= 2:
            step = -(-page_count // workers)
            ranges = [set(range(i, min(i + step, page_count))) for i in range(0, page_count, step)]
            self._pool = ProcessPoolExecutor(len(ranges), mp_context=multiprocessing.get_context("spawn"))
            clock = page_time.clock_path()  # each worker's pages are timed in a slot of its own
            self._futures = [self._pool.submit(_pdfminer_range, data, r, clock, slot)
                             for slot, r in enumerate(ranges, start=1)]

    def result(self) -> list[tuple[str, list[tuple[str, float, float]]]]:
        if self._pool is None:
            return _pdfminer_range(self._data, None)
        try:
            return [page for fut in self._futures for page in fut.result()]
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class SecondReaderPageError(Exception):
    """pdfminer.six fails on the content of page ``number`` (1-based) of the redacted output."""

    def __init__(self, number: int, message: str) -> None:
        super().__init__(number, message)
        self.number, self.message = number, message


def _pdfminer_range(data: bytes, pagenos: set[int] | None, clock: str | None = None,
                    slot: int = 0) -> list[tuple[str, list[tuple[str, float, float]]]]:
    with page_time.in_slot(clock, slot):
        return _pdfminer_pages(data, pagenos)


def _pdfminer_pages(data: bytes, pagenos: set[int] | None,
                    masks: Masks | None = None) -> list[tuple[str, list[tuple[str, float, float]]]]:
    """(text, [(char, centre x, centre y)]) per page (0-based ``pagenos``, default all), as ``_pymupdf_pages``."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    rm = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rm, laparams=None)  # raw characters, no layout analysis
    interp = PDFPageInterpreter(rm, device)
    out = []
    numbers = sorted(pagenos) if pagenos is not None else None
    for index, page in enumerate(PDFPage.get_pages(io.BytesIO(data), pagenos=pagenos)):
        page_time.page_started((numbers[index] if numbers and index < len(numbers) else index) + 1,
                               page_time.VERIFY_PDFMINER)
        # PyMuPDF's boxes are in the unrotated page, from the top-left of the crop box, y downwards; pdfminer
        # places characters in the rotated page, from the bottom-left of the media box. Read the page unrotated
        # and move the origin (tested on rotated pages and offset media and crop boxes).
        page.rotate = 0
        try:
            interp.process_page(page)
        except page_time.Overrun:
            raise
        except Exception as exc:  # noqa: BLE001 - pdfminer.six's own failures on one page's content
            raise SecondReaderPageError(
                (numbers[index] if numbers and index < len(numbers) else index) + 1,
                _library_message(exc) if str(exc).strip() else type(exc).__name__) from None
        media, crop = page.mediabox, page.cropbox or page.mediabox
        x_off, y_top = crop[0] - media[0], crop[3] - media[1]
        chars: list[tuple[str, float, float]] = []
        parts: list[str] = []
        prev = None
        mask = masks.get((numbers[index] if numbers and index < len(numbers) else index) + 1) if masks else None
        stack = [iter(device.get_result())]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            if isinstance(el, LTChar):
                text = el.get_text()
                # Without layout analysis there are no spaces between separately placed words or lines:
                # add one on a gap or a new line, so words never run together.
                if prev is not None and (abs(el.y0 - prev.y0) > 0.5 * max(el.height, 1)
                                         or el.x0 - prev.x1 > 0.2 * max(el.height, 1) or el.x0 < prev.x0):
                    parts.append(" ")
                cx, cy = (el.x0 + el.x1) / 2 - x_off, y_top - (el.y0 + el.y1) / 2
                chars.append((text, cx, cy))
                parts.append(MASK if mask is not None and mask.which(cx, cy) is not None else text)
                prev = el
            elif isinstance(el, LTContainer):
                stack.append(iter(el))
        out.append(("".join(parts), chars))
    page_time.page_done()
    return out


def redact_and_verify(pdf_bytes: bytes, plan: Mapping[int, PageRedactions], document: str) -> bytes:
    """``redact_pdf`` then ``verify_pdf`` (raises ``VerificationError``): the redacted bytes, verified.

    A library error on the way (MuPDF's "code=7: cannot find object in xref (12 0 R)") is reported as a refusal
    naming the document, never as an internal error: the file cannot be rewritten (exit 2) or the rewritten file
    cannot be re-read to verify it (exit 3)."""
    return redact_and_verify_pages(pdf_bytes, plan, document, flatten=False).pdf


class TextRemainsError(VerificationError):
    """Verification failed because an extractor still reads text that was removed from a page: a page that
    flattening can make verifiable (not a sanitization problem, not OCR reading a scanned page). ``page`` is the
    first such page, ``pages`` all the pages the check found (empty: only ``page``)."""

    pages: list[int] = []  # noqa: RUF012 - set on the instance by _check


class HiddenTextRemainsError(TextRemainsError):
    """Invisible text the sanitizer could not remove is still on a page (its only sanitization problem): the
    page's text layer must go, so flattening the page makes it verifiable too."""


@dataclass
class Redacted:
    """Verified redacted bytes and the pages exported as images (page number -> the page's box, PDF points)."""

    pdf: bytes
    flattened: dict[int, Rect] = field(default_factory=dict)


def redact_and_verify_pages(pdf_bytes: bytes, plan: Mapping[int, PageRedactions], document: str, *,
                            flatten: bool = True) -> Redacted:
    """``redact_and_verify``; with ``flatten``, a page whose text cannot be verifiably removed (``TextRemainsError``,
    hidden text the sanitizer could not remove included) is replaced by an image of it (``flatten_page``) and the
    whole document verified again, its flattened pages OCR'd. Each page is flattened at most once; a failure after
    that (or without ``flatten``) is raised. Every page's redaction and verification is under the per-page time
    bound (``page_time``: a page over it is refused, naming it)."""
    return page_time.run_bounded(document, _redact_and_verify_pages, pdf_bytes, plan, document, flatten)


def _redact_and_verify_pages(pdf_bytes: bytes, plan: Mapping[int, PageRedactions], document: str,
                             flatten: bool) -> Redacted:
    try:
        data = redact_pdf(pdf_bytes, plan)
    except (WorkstationError, page_time.Overrun):
        raise
    except Exception as exc:
        raise InputError(document, f"this PDF cannot be rewritten by MuPDF ({_library_message(exc)}); save it "
                                   "again (e.g. print it to a new PDF) and retry") from None
    flattened: dict[int, Rect] = {}
    while True:
        try:
            verify_pdf(data, plan, document, flattened=sorted(flattened), source=pdf_bytes)
            return Redacted(data, flattened)
        except TextRemainsError as exc:
            if not flatten or exc.page is None or exc.page in flattened:
                raise
            try:
                from workstation.documents.ocr import tessdata_dir

                tessdata_dir()  # a flattened page is verified by OCR: without Tesseract it is refused as before
                numbers = [exc.page, *(n for n in exc.pages if n != exc.page and n not in flattened)]
                data, boxes = flatten_pages(data, numbers, plan)  # one pass: opened and saved once
                flattened.update(boxes)
            except page_time.Overrun:
                raise
            except Exception:
                raise exc from None
        except (WorkstationError, page_time.Overrun):
            raise
        except Exception as exc:
            raise VerificationError(document, None, "the redacted PDF cannot be re-read to verify it "
                                                    f"({_library_message(exc)}); nothing was written") from None


def flatten_page(data: bytes, number: int, red: PageRedactions | None) -> tuple[bytes, Rect]:
    """``flatten_pages`` of one page: the bytes and the page's box."""
    flat, boxes = flatten_pages(data, [number], {number: red} if red else {})
    return flat, boxes[number]


def flatten_pages(data: bytes, numbers: Sequence[int],
                  plan: Mapping[int, PageRedactions]) -> tuple[bytes, dict[int, Rect]]:
    """``data`` with each page of ``numbers`` replaced by an image of it: rendered unrotated at the OCR resolution
    (capped for huge pages), the pixels under the boxes of its ``plan`` entry set to black, the page's content and
    resources replaced by that image alone (no text layer); its media, crop box and rotation kept. Returns the
    bytes and each page's box (unrotated, as the redaction boxes).

    The document is opened and saved once for all the pages (once per page made flattening a long document
    quadratic: each save rewrote every image flattened before), and each page's pixels are released as soon as
    its image is in the page, so memory holds one page's pixels at a time."""
    from workstation.documents.ocr import MAX_OCR_PIXELS, OCR_DPI, release_decoded_images
    from workstation.documents.raster import capped_dpi

    doc = pymupdf.open(stream=data, filetype="pdf")
    boxes: dict[int, Rect] = {}
    try:
        for number in numbers:
            page_time.page_started(number, page_time.FLATTENING)
            red = plan.get(number)
            page = doc[number - 1]
            rotation = page.rotation
            page.set_rotation(0)
            zoom = capped_dpi(page, OCR_DPI, MAX_OCR_PIXELS) / 72.0
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB, alpha=False,
                                  annots=False)
            for box in (red.boxes if red else ()):
                r = (pymupdf.Rect(box) * pymupdf.Matrix(zoom, zoom)).irect
                r.x0, r.y0, r.x1, r.y1 = r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1  # whole pixels the box touches
                pix.set_rect(r & pix.irect, (0, 0, 0))
            doc.xref_set_key(page.xref, "Resources", "<<>>")
            doc.xref_set_key(page.xref, "Contents", "null")
            for key in ("Group", "UserUnit", "VP"):
                if doc.xref_get_key(page.xref, key)[0] != "null":
                    doc.xref_set_key(page.xref, key, "null")
            xref = page.insert_image(page.rect, pixmap=pix, keep_proportion=False)
            del pix
            # MuPDF keeps an inserted pixmap's samples uncompressed until the document is saved (25 MB a Letter
            # page): compressed now, 50 flattened pages take tens of megabytes instead of more than a gigabyte
            doc.update_stream(xref, doc.xref_stream_raw(xref), compress=True)
            release_decoded_images()  # the page's decoded images, cached by MuPDF after rendering
            page.set_rotation(rotation)
            box = page.rect * page.derotation_matrix
            boxes[number] = (box.x0, box.y0, box.x1, box.y1)
        page_time.page_started(0, page_time.SAVING, pages=doc.page_count)
        flat = doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)
        page_time.page_done()
        return flat, boxes
    finally:
        doc.close()


def _library_message(exc: BaseException) -> str:
    """The first line of a library's error, without MuPDF's "code=N: " prefix, at most 120 characters."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return re.sub(r"^code=\d+:\s*", "", text)[:120] or type(exc).__name__


# What a refusal tells the clerk to do (it names the page and the finding, never the text).
ADVICE_REVIEW = ("nothing was written; look at that page: release the finding if it is not personal information, "
                 "otherwise box the text still readable there, and export again")
ADVICE_BOX = ("nothing was written; enlarge that box or add one over the text still readable there, and export "
              "again; if the box already covers it, the page's image could not be cleaned: print the page to a new "
              "PDF and retry")
ADVICE_FLATTEN = ("nothing was written; the page's text cannot be verifiably removed (a policy with "
                  "flatten_unverifiable_pages = true exports such a page as an image)")


def verify_pdf(data: bytes, plan: Mapping[int, PageRedactions], document: str,
               all_removed: Iterable[str] = (), flattened: Iterable[int] = (), source: bytes | None = None) -> None:
    """Raise VerificationError unless the redacted PDF ``data`` is clean by both extractors (``TextRemainsError``
    when an extractor still reads removed text). Scanned pages with boxes and the ``flattened`` pages (exported as
    images) are also OCR'd: a removed string read from their pixels fails too.

    Removed text is: any character inside a box; any removed string read on a page more often than ``source``
    (the PDF before redaction) shows it there outside every box - an occurrence the reviewer left unboxed was
    not removed, and reading it is no leak; for the OCR'd pages also any removed string read on a box. Without
    ``source`` every occurrence of a removed string fails."""
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise VerificationError(document, None, "redacted output cannot be re-opened") from None
    second_reading = _SecondReading(data, doc.page_count)  # runs alongside the PyMuPDF checks below
    kept = _Source(source, plan)
    try:
        try:
            san = check_sanitized(doc)
            if san.problems:
                page, reason = san.problems[0]
                if page is not None and reason == HIDDEN_TEXT and all(p == HIDDEN_TEXT for _, p in san.problems):
                    # text drawn invisibly (render mode 3, or fully transparent) that the scrub could not remove:
                    # the page's text layer is what must go, which flattening does
                    raise HiddenTextRemainsError(document, page, f"sanitization incomplete: {reason}")
                raise VerificationError(document, page, f"sanitization incomplete: {reason}")
            first = _pymupdf_pages(doc)
        finally:
            doc.close()
        strings: list[str] = []
        labels: list[str] = []
        for red in plan.values():
            strings += red.removed_strings
            labels += [*red.string_labels[:len(red.removed_strings)],
                       *[""] * (len(red.removed_strings) - len(red.string_labels))]
        removed = RemovedStrings([*strings, *all_removed], labels)
        _check(first, plan, removed, document, "PyMuPDF", kept.mupdf)
        try:
            second = second_reading.result()
        except page_time.Overrun:
            raise
        except SecondReaderPageError as exc:  # the page cannot be verified by it: flattening can make it so
            raise TextRemainsError(document, exc.number, "second extractor (pdfminer.six) cannot read the page "
                                                         f"({exc.message})") from None
        except Exception as exc:  # a file the second extractor cannot parse is not verified
            raise VerificationError(document, None,
                                    f"second extractor (pdfminer.six) cannot read output: {exc}") from None
    finally:
        second_reading.close()
    if len(second) != len(first):
        raise VerificationError(document, None, "extractors disagree on the page count")
    _check(second, plan, removed, document, "pdfminer.six", kept.pdfminer)
    scanned = sorted({*(n for n, red in plan.items() if red.scanned and red.boxes), *flattened})
    if scanned and removed.by_first:
        _check_ocr(data, scanned, removed, document, plan, kept)


def _masked(text: str, boxes: Sequence[Rect | None], mask: _BoxIndex | None) -> str:
    """``text`` with every character whose box's centre lies in a box of ``mask`` replaced by MASK."""
    if mask is None:
        return text
    out = []
    for i, c in enumerate(text):
        box = boxes[i] if i < len(boxes) else None
        inside = box is not None and mask.which((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) is not None
        out.append(MASK if inside else c)
    return "".join(out)


class _Source:
    """The document before redaction, read when a check needs it: what each page showed outside every box (the
    characters under a box are MASK), by each reader (PyMuPDF, pdfminer.six, the scanned page's own reading, OCR
    of the page)."""

    def __init__(self, data: bytes | None, plan: Mapping[int, PageRedactions]) -> None:
        self.data = data
        self.plan = plan
        self.masks = {n: _BoxIndex(red.boxes) for n, red in plan.items() if red.boxes}
        self._mupdf: dict[int, tuple[str, list[tuple[str, float, float]]]] = {}

    def _read(self, numbers: Sequence[int]) -> None:
        need = [n for n in numbers if n not in self._mupdf]
        if need and self.data is not None:
            doc = pymupdf.open(stream=self.data, filetype="pdf")
            try:
                self._mupdf.update(zip(need, _pymupdf_pages(doc, need, self.masks), strict=True))
            finally:
                doc.close()

    def mupdf(self, numbers: Sequence[int]) -> dict[int, str]:
        self._read(numbers)
        return {n: self._mupdf[n][0] for n in numbers if n in self._mupdf}

    def text_under(self, number: int, area: pymupdf.Rect) -> bool:
        """Whether the original page's text layer has characters in ``area``, none of them under a box: the
        pixels there are drawn by text the reviewer left visible (OCR may read a removed string in it: a formula's
        "Ux", a hyphenated "pro-")."""
        self._read([number])
        mask = self.masks.get(number)
        inside = [(cx, cy) for c, cx, cy in self._mupdf.get(number, ("", []))[1]
                  if not c.isspace() and area.x0 <= cx <= area.x1 and area.y0 <= cy <= area.y1]
        return bool(inside) and (mask is None or all(mask.which(cx, cy) is None for cx, cy in inside))

    def reading_under(self, number: int, area: pymupdf.Rect) -> bool:
        """``text_under`` for a scanned page, by its own reading before redaction (what the reviewer saw), whose
        characters touch ``area`` (two OCR runs of a scanned form segment it differently: the boxes of the same
        word need not share centres): a box placed off its word leaves the word where that reading has no
        character, so it is not excused."""
        red = self.plan.get(number)
        if red is None or red.reading is None:
            return False
        text, boxes = red.reading
        mask = self.masks.get(number)
        visible = boxed = 0
        for c, box in zip(text, boxes, strict=False):
            if box is not None and not c.isspace() and pymupdf.Rect(box).intersects(area):
                cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                if mask is not None and mask.which(cx, cy) is not None:
                    boxed += area.contains(pymupdf.Point(cx, cy))  # a boxed neighbour may touch the area's edge
                else:
                    visible += 1
        return visible > 0 and boxed == 0

    def pdfminer(self, numbers: Sequence[int]) -> dict[int, str]:
        if self.data is None:
            return {}
        try:
            pages = _pdfminer_pages(self.data, {n - 1 for n in numbers}, self.masks)
        except page_time.Overrun:
            raise
        except Exception:  # noqa: BLE001 - an unreadable original page shows nothing: every occurrence counts
            return {}
        return {n: text for n, (text, _) in zip(sorted(numbers), pages, strict=False)}

    def reading(self, number: int) -> str:
        red = self.plan.get(number)
        if red is None or red.reading is None:
            return ""
        text, boxes = red.reading
        return _masked(text, boxes, self.masks.get(number))

    def images_show(self, places: Sequence[tuple[int, pymupdf.Rect, tuple[str, ...]]]) -> list[bool]:
        """For each (page, area, removed string): whether the original page's images alone (its text and line art
        left out, as the exported page is read) show the string there - a word in a picture, a logo or a scan
        that the text layer does not hold. Text drawn elsewhere than its characters' boxes say (a box that missed
        it) is not in those images, so it is not excused."""
        if self.data is None or not places:
            return [False] * len(places)
        from workstation.documents.ocr import ocr_regions

        page_time.page_started(0, page_time.OCR, pages=len({n for n, _, _ in places}))
        regions = [(number, (area.x0, area.y0, area.x1, area.y1)) for number, area, _ in places]
        pixels = _pixels_only(self.data, sorted({n for n, _, _ in places}))
        boxes = {n: self.plan[n].boxes for n, _ in regions if n in self.plan}
        texts = ocr_regions(pixels, regions, blank=boxes)  # a word under a box is no excuse
        page_time.page_done()
        # the same letters in place, however OCR spaced them ("592GWh" for "592 GWh")
        return ["".join(seq) in "".join(tokens(text)) for (_, _, seq), text in zip(places, texts, strict=True)]


_RAW_TOKEN = re.compile(r"\w+|[^\w\s]")


def _placed_tokens(text: str, boxes: Sequence[Rect | None]) -> tuple[list[str], list[pymupdf.Rect | None]]:
    """The tokens of an OCR reading (as ``tokens``), each with the box of the word piece it came from."""
    toks: list[str] = []
    rects: list[pymupdf.Rect | None] = []
    for m in _RAW_TOKEN.finditer(text):
        area: pymupdf.Rect | None = None
        for box in boxes[m.start():m.end()]:
            if box is not None:
                area = pymupdf.Rect(box) if area is None else area | pymupdf.Rect(box)
        for t in tokens(m.group()):
            toks.append(t)
            rects.append(area)
    return toks, rects


ON_BOX = 0.25  # share of a word OCR read that lies on a box for the word to count as read on the box


def _on_box(area: pymupdf.Rect, box: pymupdf.Rect) -> bool:
    """Whether a word OCR read at ``area`` lies on ``box``: a quarter of it or more (a word whose pixels the box
    should have removed; a visible neighbour's box, split from Tesseract's word box, may touch the box's edge)."""
    common = area & box
    return not common.is_empty and common.width * common.height >= ON_BOX * area.width * area.height


def _what(removed: str, box: str = "") -> str:
    return removed if not box or box == removed else f"{removed}, {box}"


def _check_ocr(data: bytes, numbers: list[int], removed: RemovedStrings, document: str,
               plan: Mapping[int, PageRedactions] | None = None, kept: _Source | None = None) -> None:
    """Scanned and flattened pages: render the exported page, OCR it again, and require that no redacted string
    is read on a box, nor anywhere the original page did not show it outside every box (by the page's own reading,
    its text layer, or its images read again in place).

    The page is rendered without its vector graphics and text (scanned pages keep no text; line art under the
    boxes is removed by redaction): the black boxes drawn over the scan would otherwise hide image pixels that
    were not blanked, and such pixels are still in the file for anyone who extracts the image.
    """
    from workstation.documents.ocr import ocr_pages

    plan = plan or {}
    kept = kept or _Source(None, plan)
    page_time.page_started(0, page_time.OCR, pages=len(numbers))
    read = ocr_pages(_pixels_only(data, numbers), numbers)
    page_time.page_done()
    suspects: dict[int, list[tuple[tuple[str, ...], pymupdf.Rect | None]]] = {}
    for number in numbers:
        page = read.get(number)
        if page is None:
            continue
        red = plan.get(number) or PageRedactions()
        boxes = [pymupdf.Rect(b) for b in red.boxes]
        toks, rects = _placed_tokens(page.text, page.char_boxes)
        for i, seq in removed.matches(toks):
            area = None
            for r in rects[i:i + len(seq)]:
                if r is not None:
                    area = r if area is None else area | r
            hit = next((k for k, b in enumerate(boxes) if area is not None and _on_box(area, b)), None)
            if hit is not None:
                raise VerificationError(document, number, "OCR of the exported page still reads the text of "
                                        f"{_what(removed.label(seq), red.label(hit))} on a redaction box (box {hit + 1} "
                                        f"on the page); {ADVICE_BOX}")
            suspects.setdefault(number, []).append((seq, area))
    if not suspects:
        return
    text_layer = kept.mupdf(sorted(suspects))

    def scanned(number: int) -> bool:
        return (plan.get(number) or PageRedactions()).scanned

    # Read where the original page showed visible characters only - in its text layer, or for a scanned page in
    # its own reading (a scanner's hidden text layer is not what the reviewer saw) - what OCR read is kept text.
    # On a page exported as an image (not a scan) also where the original page's images alone show the string (a
    # word of a picture); not on a scanned page, whose image shows every word, removed or not. Each match must be
    # explained at its own place (a count would let a leak pass for a kept occurrence OCR happened to misread).
    def kept_at(number: int, area: pymupdf.Rect) -> bool:
        return kept.reading_under(number, area) if scanned(number) else kept.text_under(number, area)

    unexplained = {n: [(seq, area) for seq, area in found if area is None or not kept_at(n, area)]
                   for n, found in sorted(suspects.items())}
    places = [(n, area, seq) for n, found in unexplained.items() for seq, area in found
              if area is not None and not scanned(n)]
    shown = iter(kept.images_show(places))
    for number, found in unexplained.items():
        # in the order of ``places``
        left = [seq for seq, area in found if area is not None and (scanned(number) or not next(shown))]
        # a match OCR gave no place (none in practice): up to as often as the page showed the string visible
        extra = left[0] if left else removed.excess(Counter(seq for seq, area in found if area is None),
                                                    removed.counts(text_layer.get(number, "")),
                                                    removed.counts(kept.reading(number)))
        if extra is not None:
            raise VerificationError(document, number, "OCR of the exported page still reads the text of "
                                    f"{removed.label(extra)} outside the boxes, where the original page does not "
                                    f"show it unredacted; {ADVICE_REVIEW}")


def _pixels_only(data: bytes, numbers: list[int]) -> bytes:
    """A copy of the PDF whose given pages keep only their images (the original's too: saved once first, as for
    redaction, so that a repair MuPDF makes when saving cannot bring the removed text back)."""
    doc = _resaved(data)
    try:
        for number in numbers:
            page = doc[number - 1]
            page.add_redact_annot(_whole_page(page), fill=False)
            page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE,
                                  graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                                  text=pymupdf.PDF_REDACT_TEXT_REMOVE)
        return doc.tobytes()
    finally:
        doc.close()


class _BoxIndex:
    """Redaction check areas of one page bucketed by 4-pt bands of y, for fast point-in-box queries."""

    def __init__(self, boxes: Iterable[Rect]) -> None:
        self.bands: dict[int, list[tuple[pymupdf.Rect, int]]] = {}
        for i, box in enumerate(boxes):
            r = check_rect(box)
            for band in range(int(r.y0) // 4, int(r.y1) // 4 + 1):
                self.bands.setdefault(band, []).append((r, i))

    def which(self, x: float, y: float) -> int | None:
        """The index of the first box whose check area holds the point, or None."""
        for r, i in self.bands.get(int(y) // 4, ()):
            if r.x0 <= x <= r.x1 and r.y0 <= y <= r.y1:
                return i
        return None

    def contains(self, x: float, y: float) -> bool:
        return self.which(x, y) is not None


def _check(pages: list[tuple[str, list[tuple[str, float, float]]]], plan: Mapping[int, PageRedactions],
           removed: RemovedStrings, document: str, extractor: str,
           kept: Callable[[Sequence[int]], Mapping[int, str]] | None = None) -> None:
    """Raises ``TextRemainsError`` naming the first page where ``extractor`` still reads removed text: a character
    inside a box, or a removed string more often than the page showed it outside every box before redaction
    (``kept(page numbers)``: the original pages' texts by the same extractor, characters under boxes masked;
    without it every occurrence counts). Its ``pages`` lists every such page, so that flattening takes them all
    in one round (one round per page made a long document's export quadratic: the whole document is verified
    again after each round)."""
    failing: list[tuple[int, str]] = []
    suspects: dict[int, Counter[tuple[str, ...]]] = {}
    for index, (text, chars) in enumerate(pages):
        number = index + 1
        red = plan.get(number)
        if red and red.boxes:
            index_ = _BoxIndex(red.boxes)
            hit = next((k for c, cx, cy in chars if not c.isspace() and (k := index_.which(cx, cy)) is not None),
                       None)
            if hit is not None:
                failing.append((number, f"{extractor} still extracts a character inside a redaction box (box "
                                        f"{hit + 1} on the page: {red.label(hit)}); {ADVICE_FLATTEN}"))
                continue
        if removed.by_first:
            found = removed.counts(text)
            if found:
                suspects[number] = found
    if suspects:
        shown = kept(sorted(suspects)) if kept else {}
        for number, found in sorted(suspects.items()):
            seq = removed.excess(found, removed.counts(shown.get(number, "")))
            if seq is not None:
                failing.append((number, f"{extractor} still extracts the text of {removed.label(seq)} outside the "
                                        f"boxes, more often than the original page shows it unredacted; "
                                        f"{ADVICE_REVIEW}"))
    if failing:
        failing.sort()
        error = TextRemainsError(document, failing[0][0], failing[0][1])
        error.pages = [number for number, _ in failing]
        raise error

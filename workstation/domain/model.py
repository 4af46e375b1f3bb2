"""Documents, pages and findings."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum

Rect = tuple[float, float, float, float]
"""A rectangle (x0, y0, x1, y1) in PDF points, origin top-left (PyMuPDF convention)."""


class TextSource(StrEnum):
    """Where a page's text came from."""

    TEXT_LAYER = "text-layer"  # a PDF page's own text
    PLAIN = "plain"  # a text-like file (txt, docx, eml) - no geometry
    OCR = "ocr"  # recognised from the page image
    NONE = "none"  # no usable text: a scan that has not been OCR'd


class DocumentKind(StrEnum):
    PDF = "pdf"
    TEXT = "txt"
    DOCX = "docx"
    EMAIL = "eml"


TEXT_LAYOUT_VERSION = 2
"""The version of the layout of text-like documents' pages (.txt, .docx, .eml: ``documents.render``): bump it with
every change to the renderer that can move a character. A manual box is drawn on a page of that layout and records
the version (``review.ManualEntry.layout``); on a later version its page's text may sit elsewhere, so the box is not
used until the clerk places it again (``service.layouts``). Version 1: the layout before the reflow of paragraphs
and .docx tables (commit db6e00c) - boxes stored before versions were recorded count as drawn on it. A PDF's own
pages never change: its boxes do not depend on this."""

PDF_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
"""Files shown and exported on their own pages (a PDF, or an image made a PDF page): not laid out by the renderer."""
TEXT_SUFFIXES = frozenset({".txt", ".docx", ".eml"})
"""Files laid out on pages by the workstation (``documents.render``)."""


def laid_out(path: str, kind: DocumentKind | None = None) -> bool | None:
    """Whether a document's pages are laid out by the workstation (``TEXT_LAYOUT_VERSION``) rather than its own:
    by its kind when known, else by its file name (an attachment's, after ``#``, by its own suffix); None when the
    name does not tell (an e-mail attachment read by its content type: "scan" may be a PDF)."""
    if kind is not None:
        return kind is not DocumentKind.PDF
    name = path.rsplit("#", 1)[-1].lower()
    if any(name.endswith(suffix) for suffix in PDF_SUFFIXES):
        return False
    if any(name.endswith(suffix) for suffix in TEXT_SUFFIXES):
        return True
    return None


@dataclass(frozen=True)
class TextTable:
    """A table of a text-like page (a .docx table), for laying it out as a table: each row the (start, end) offsets
    of its cells in the page text (a row is one line of the text, its cells joined by " | "); the first
    ``header_rows`` rows are its header. Layout only: detection reads the text."""

    rows: tuple[tuple[tuple[int, int], ...], ...]
    header_rows: int = 0

    @property
    def start(self) -> int:
        return self.rows[0][0][0]

    @property
    def end(self) -> int:
        return self.rows[-1][-1][1]


@dataclass(frozen=True)
class Page:
    """One page of a document.

    ``text`` is what detection reads. ``char_boxes`` holds one rectangle per character of ``text``
    (``None`` for characters with no geometry, such as the line breaks added between lines);
    it is empty for plain-text pages.
    """

    number: int  # 1-based
    text: str
    char_boxes: tuple[Rect | None, ...] = ()
    width: float = 0.0
    height: float = 0.0
    text_source: TextSource = TextSource.TEXT_LAYER
    tables: tuple[TextTable, ...] = ()  # a text-like page's tables (.docx), laid out as tables

    @property
    def needs_ocr(self) -> bool:
        return self.text_source is TextSource.NONE

    @property
    def has_geometry(self) -> bool:
        return bool(self.char_boxes)

    def boxes_for_span(self, start: int, end: int) -> list[Rect]:
        """Rectangles covering text[start:end], one per visual line segment.

        Consecutive characters are merged while they sit on the same line (vertical overlap) and
        follow each other left to right; a line break, a column change or a jump backwards starts a
        new rectangle. Spans across line breaks and columns therefore map to several rectangles.
        """
        if not self.char_boxes:
            return []
        rects: list[Rect] = []
        cur: list[float] | None = None
        for i in range(max(0, start), min(end, len(self.char_boxes))):
            box = self.char_boxes[i]
            if box is None:
                continue
            x0, y0, x1, y1 = box
            if x1 <= x0 or y1 <= y0:
                continue
            if cur is not None and _same_line(cur, box):
                cur[0] = min(cur[0], x0)
                cur[1] = min(cur[1], y0)
                cur[2] = max(cur[2], x1)
                cur[3] = max(cur[3], y1)
            else:
                if cur is not None:
                    rects.append((cur[0], cur[1], cur[2], cur[3]))
                cur = [x0, y0, x1, y1]
        if cur is not None:
            rects.append((cur[0], cur[1], cur[2], cur[3]))
        return rects


def _same_line(cur: list[float], box: Rect) -> bool:
    """Whether a character continues the current run: same line, next to it (either direction).

    Horizontal text: the boxes overlap vertically by half a character height and the horizontal gap is under
    three heights (a wider gap is a column gutter). Text turned 90 degrees (rotated scans): the same with the
    axes swapped.
    """
    x0, y0, x1, y1 = box
    height = min(cur[3] - cur[1], y1 - y0)
    v_overlap = min(cur[3], y1) - max(cur[1], y0)
    if v_overlap >= 0.5 * height:
        gap = max(x0 - cur[2], cur[0] - x1)
        return gap < 3.0 * max(height, 1.0)
    # Vertical text (a page turned 90 degrees): glyph boxes wider than tall, stacked in a column of one width.
    # Horizontal glyphs are taller than wide, and a run of horizontal text is much wider than one glyph, so a
    # span wrapping onto the next line is never merged into one box here.
    bw, cw = x1 - x0, cur[2] - cur[0]
    if bw < 1.3 * (y1 - y0) or abs(cw - bw) > 0.25 * bw:
        return False
    h_overlap = min(cur[2], x1) - max(cur[0], x0)
    if h_overlap >= 0.5 * min(cw, bw):
        gap = max(y0 - cur[3], cur[1] - y1)
        return gap < 3.0 * max(bw, 1.0)
    return False


@dataclass(frozen=True)
class Document:
    """A document of a case: a file, or an attachment inside a file."""

    path: str  # the file on disk; for attachments "mail.eml#attachment-name"
    kind: DocumentKind
    pages: tuple[Page, ...]
    name: str = ""  # display name / stem for outputs
    source_bytes: bytes | None = field(default=None, repr=False)  # the PDF's bytes (PDF documents only)
    notes: tuple[str, ...] = ()  # warnings for the reviewer (e.g. an attachment that is not exported)

    @property
    def display_name(self) -> str:
        return self.name or self.path

    @property
    def scanned_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.needs_ocr]


@dataclass(frozen=True)
class Detection:
    """What a detector reports on a text: a span, an entity type and a score."""

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str


@dataclass(frozen=True)
class Finding:
    """A detection placed on a page of a document."""

    document: str
    page: int
    start: int
    end: int
    text: str
    entity_type: str
    score: float
    recognizer: str
    boxes: tuple[Rect, ...] = ()
    # The key of the finding's digests: its case's secret (``CaseStore.text_key``), or ``RUN_KEY`` outside a case.
    # Not part of the finding's identity, never shown.
    text_key: bytes = field(default=b"", repr=False, compare=False)

    def keyed(self, key: bytes) -> Finding:
        """This finding with its digests under ``key`` (a case's secret)."""
        return self if self.text_key == key else replace(self, text_key=key)

    @functools.cached_property
    def text_digest(self) -> str:
        """``text_digest`` of the text under the finding's key (computed once: the review session and the store
        key every finding by it)."""
        return text_digest(self.text_key or RUN_KEY, self.text)

    @functools.cached_property
    def key(self) -> FindingKey:
        """The finding's key (computed once: the review looks findings up by it thousands of times)."""
        return FindingKey(self.document, self.page, self.start, self.end, self.entity_type, self.text_digest)

    @functools.cached_property
    def allow_digest(self) -> str:
        """``allow_digest`` of the text: how the allow-list refers to it (computed once)."""
        return allow_digest(self.text_key or RUN_KEY, self.text)


@dataclass(frozen=True, order=True)
class FindingKey:
    """A finding as decisions and the store refer to it: never its text, only its keyed digest (``text_digest``)."""

    document: str
    page: int
    start: int
    end: int
    category: str
    text_digest: str

    @classmethod
    def of(cls, finding: Finding) -> FindingKey:
        return finding.key


@dataclass(frozen=True)
class ManualRedaction:
    """A box the reviewer drew (or a text selection / search match / whole page) on a page of the export."""

    page: int
    box: Rect
    reason_code: str
    category: str = "MANUAL"
    text: str = ""  # the text under the box, when known: verified gone after export, never logged


TEXT_KEY_BYTES = 32
RUN_KEY = secrets.token_bytes(TEXT_KEY_BYTES)
"""The key of the digests of findings outside a case (``workstation scan``/``redact``): random for each run of the
program and never written anywhere, so a digest made under it cannot be checked against a guess."""


def new_text_key() -> bytes:
    """A case's secret: 32 random bytes, made with the case and kept only in the store."""
    return secrets.token_bytes(TEXT_KEY_BYTES)


def text_digest(key: bytes, text: str) -> str:
    """How a finding's text is referred to wherever it is kept: HMAC-SHA256 under the case's secret ``key`` of the
    SHA-256 of the text (UTF-8). A plain hash of a nationality word or an A-number is found again by trying every
    candidate; without the key a digest is no help. The SHA-256 inside lets a store whose rows hold the plain
    SHA-256s of an earlier version be keyed without the texts (``rekey_sha256``)."""
    return hmac.new(key, hashlib.sha256(text.encode("utf-8")).digest(), hashlib.sha256).hexdigest()


def rekey_sha256(key: bytes, sha256_hex: str) -> str:
    """``text_digest(key, t)`` from the plain SHA-256 (hex) of ``t`` (migrating an earlier store's rows)."""
    return hmac.new(key, bytes.fromhex(sha256_hex), hashlib.sha256).hexdigest()


def normalized(text: str) -> str:
    """The form under which two findings are 'the same text' (case and spacing ignored)."""
    return " ".join(text.split()).casefold()


def allow_digest(key: bytes, text: str) -> str:
    """How the allow-list refers to a text (the store keeps only this): ``text_digest`` of its normalised form."""
    return text_digest(key, normalized(text))


def place_detections(document: Document, page: Page, detections: list[Detection],
                     text_key: bytes = b"") -> list[Finding]:
    """Turn detections on a page's text into findings with boxes (their digests under ``text_key``: the case's
    secret, or ``RUN_KEY`` when empty)."""
    out = []
    for d in sorted(detections, key=lambda d: (d.start, d.end)):
        out.append(
            Finding(
                document=document.path,
                page=page.number,
                start=d.start,
                end=d.end,
                text=page.text[d.start : d.end],
                entity_type=d.entity_type,
                score=round(d.score, 4),
                recognizer=d.recognizer,
                boxes=tuple(page.boxes_for_span(d.start, d.end)),
                text_key=text_key,
            )
        )
    return out

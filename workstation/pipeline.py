"""The headless pipeline: scan documents for findings; redact, sanitize, verify and write exports.

Glue between the domain, detection and documents packages; the CLI and the window both call it.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from workstation.documents.ocr import OcrUnavailableError, ocr_document
from workstation.documents.pdf_work import PdfRunner, run_here
from workstation.documents.redact import PageRedactions, Redacted, redact_and_verify_pages
from workstation.documents.render import RenderedDocument, render_document
from workstation.domain.categories import CONTEXTUAL
from workstation.domain.errors import UnreviewablePagesError, UsageError
from workstation.domain.exemptions import short_code
from workstation.domain.model import (
    RUN_KEY,
    Detection,
    Document,
    DocumentKind,
    Finding,
    ManualRedaction,
    Page,
    Rect,
    TextSource,
    place_detections,
    text_digest,
)
from workstation.domain.naming import FALLBACK, humanize, parse_word_list, safe_labels
from workstation.domain.overlaps import resolve_overlaps
from workstation.domain.page_breaks import bridges
from workstation.domain.policy import Policy
from workstation.domain.policy_engine import short_item_id
from workstation.domain.propagation import propagate
from workstation.domain.reading import ReadingText, reading_text
from workstation.paths import RESOURCES

LABEL_GENERIC_WORDS = RESOURCES / "wordlists" / "label_generic_words.txt"


class Analyzer(Protocol):
    """What the pipeline needs from a detection engine (``DetectionEngine`` provides it)."""

    def analyze_many(self, texts: Sequence[str]) -> list[list[Detection]]: ...


@dataclass
class ScannedDocument:
    document: Document
    findings: list[Finding]

    @property
    def scanned_pages(self) -> list[int]:
        """Pages still without text (OCR unavailable or failed): they block export."""
        return self.document.scanned_pages

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.document.pages if p.text_source is TextSource.OCR]


def detect(pages: Sequence[Page], engine: Analyzer) -> list[list[Detection]]:
    """Per page, what the engine finds on the page as a reader sees it (``domain.reading``: wrapped lines joined,
    table rows read across) and across the page breaks (``domain.page_breaks``: a span cut by a break is found on
    both pages), every occurrence of a found text included (``domain.propagation``), in the page's own offsets.
    Pages still waiting for OCR have none."""
    views = [reading_text(p) if not p.needs_ocr else ReadingText("") for p in pages]
    texts = [v.text for v in views]
    across = bridges(texts)
    found = engine.analyze_many([*texts, *(b.text for b in across)])
    per_page = [list(dets) for dets in found[: len(texts)]]
    crossed: set[int] = set()
    for bridge, dets in zip(across, found[len(texts):], strict=True):
        for d in dets:
            parts = bridge.split(d)
            if parts:  # a span the page break cuts in two: one part on each page
                per_page[bridge.page].append(parts[0])
                per_page[bridge.page + 1].append(parts[1])
                crossed.update((bridge.page, bridge.page + 1))
                continue
            side = bridge.locate(d)  # found only with the other page's lines as context (a table row split)
            if side and not any(x.start < side[1].end and side[1].start < x.end for x in per_page[side[0]]):
                per_page[side[0]].append(side[1])
                crossed.add(side[0])
    for i in crossed:
        per_page[i] = resolve_overlaps(per_page[i])
    per_page = propagate(texts, per_page, name_part_stopwords())
    return [[v.to_page_detection(d) for d in dets] for v, dets in zip(views, per_page, strict=True)]


def scan(documents: Sequence[Document], engine: Analyzer,
         progress: Callable[[int, int], None] | None = None,
         ocr_progress: Callable[[str, int, int], None] | None = None,
         text_key: bytes = b"") -> list[ScannedDocument]:
    """Detect findings in every document; pages without a text layer are OCR'd first (per-page progress).
    ``text_key``: the key of the findings' digests (the case's secret; ``RUN_KEY`` when empty)."""
    out = []
    for i, doc in enumerate(documents):
        if doc.scanned_pages:
            try:
                doc = ocr_document(doc, functools.partial(ocr_progress, doc.path) if ocr_progress else None)
            except OcrUnavailableError as exc:  # pages stay unread: reported by scan, refused by export
                doc = replace(doc, notes=(*doc.notes, str(exc)))
        findings: list[Finding] = []
        for page, detections in zip(doc.pages, detect(doc.pages, engine), strict=True):
            findings.extend(place_detections(doc, page, detections, text_key))
        out.append(ScannedDocument(doc, findings))
        if progress:
            progress(i + 1, len(documents))
    return out


def keyed(scanned: Sequence[ScannedDocument], text_key: bytes) -> list[ScannedDocument]:
    """The scan with every finding's digests under ``text_key`` (a case's secret: ``CaseStore.text_key``)."""
    return [s if all(f.text_key == text_key for f in s.findings)
            else ScannedDocument(s.document, [f.keyed(text_key) for f in s.findings]) for s in scanned]


@dataclass
class LogRow:
    page: int
    box: Rect
    category: str
    recognizer: str
    score: float
    reason_code: str
    text_digest: str  # the keyed digest of the removed text (``model.text_digest``); written only if asked for


@dataclass
class Export:
    """A verified export held in memory until every document of the batch has passed."""

    source: Document
    pdf: bytes
    log: list[LogRow] = field(default_factory=list)
    pdf_path: Path | None = None
    csv_path: Path | None = None
    include_digests: bool = False  # the policy's ``include_text_digests``: the log carries the keyed digests
    # pages exported as images because their text could not be verifiably removed (page number -> page box)
    flattened: dict[int, Rect] = field(default_factory=dict)

    @property
    def flattened_notes(self) -> list[str]:
        return [f"page {n} flattened: {FLATTENED_REASON}" for n in sorted(self.flattened)]


FLATTENED_REASON = "its text could not be verifiably removed"


@dataclass
class Layout:
    """The PDF a document is reviewed on and exported as, and where each finding's text sits on it.

    For a PDF that is the file itself and the finding's own boxes; a text-like document is first laid out on PDF
    pages (``render_document``) and its character offsets mapped to the rendered glyphs.
    """

    document: Document
    pdf: bytes
    rendered: RenderedDocument | None = None

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.document.pages if p.text_source is TextSource.OCR]

    @property
    def page_count(self) -> int:
        """Pages of ``pdf``: the document's own, or those it was laid out on."""
        return len(self.rendered.pages) if self.rendered is not None else len(self.document.pages)

    def placements(self, finding: Finding) -> dict[int, list[Rect]]:
        """{page number of ``pdf``: boxes} covering the finding's text."""
        if self.rendered is None:
            return {finding.page: list(finding.boxes)}
        return self.rendered.boxes_for_span(finding.page, finding.start, finding.end)


def layout(document: Document) -> Layout:
    if document.kind is DocumentKind.PDF:
        assert document.source_bytes is not None
        return Layout(document, document.source_bytes)
    rendered = render_document(document)
    return Layout(document, rendered.pdf, rendered)


def build_export(scanned: ScannedDocument, policy: Policy, *, redact: Sequence[Finding] | None = None,
                 manual: Sequence[ManualRedaction] = (), reasons: Mapping[int, str] | None = None,
                 prepared: Layout | None = None, run_pdf: PdfRunner = run_here, text_key: bytes = b"") -> Export:
    """Redact, sanitize and verify one document; raise if anything fails. A page whose text cannot be verifiably
    removed is exported as an image of it (``Export.flattened``) unless the policy's ``flatten_unverifiable_pages``
    is false.

    ``run_pdf`` runs the PDF work (redaction and verification): here by default, or in a worker process
    (``documents.pdf_work.PdfWorkProcess``, for the window).

    ``redact`` is the findings to remove (default: every finding whose category the policy redacts), ``manual``
    the reviewer's own boxes on pages of the document's layout, ``reasons`` optional reason codes by
    ``id(finding)`` overriding the policy's, ``text_key`` the key of the manual boxes' digests in the log (the
    case's secret; ``RUN_KEY`` when empty - the findings carry their own).
    """
    doc = scanned.document
    if doc.scanned_pages:
        raise UnreviewablePagesError(doc.path, doc.scanned_pages)
    lay, plan, log = redaction_plan(scanned, policy, redact=redact, manual=manual, reasons=reasons,
                                    prepared=prepared, text_key=text_key)
    done: Redacted = run_pdf(redact_and_verify_pages, lay.pdf, plan, doc.path,  # errors name the file
                             flatten=policy.flatten_unverifiable_pages)
    return Export(doc, done.pdf, log, include_digests=policy.include_text_digests, flattened=done.flattened)


def redaction_plan(scanned: ScannedDocument, policy: Policy, *, redact: Sequence[Finding] | None = None,
                   manual: Sequence[ManualRedaction] = (), reasons: Mapping[int, str] | None = None,
                   prepared: Layout | None = None,
                   text_key: bytes = b"") -> tuple[Layout, dict[int, PageRedactions], list[LogRow]]:
    """What ``build_export`` removes (arguments as there): the document's layout, the redactions per page of
    it and the log rows."""
    chosen = [f for f in scanned.findings if policy.redacts(f)] if redact is None else list(redact)
    lay = prepared or layout(scanned.document)
    plan: dict[int, PageRedactions] = {}
    log: list[LogRow] = []
    for finding in chosen:
        reason = (reasons or {}).get(id(finding)) or policy.reason_code(finding)
        key = finding.key
        label = (f"finding {short_item_id(key.document, key.page, key.start, key.end, key.category, key.text_digest)}"
                 f" ({finding.entity_type})")  # what a refused export names: never the text
        for page_no, boxes in lay.placements(finding).items():
            red = plan.setdefault(page_no, PageRedactions())
            if finding.entity_type not in CONTEXTUAL:
                red.removed_strings.append(finding.text)
                red.string_labels.append(label)
            for box in boxes:
                red.boxes.append(box)
                red.codes.append(short_code(reason) if policy.print_exemption_codes else "")
                red.labels.append(label)
                log.append(LogRow(page_no, box, finding.entity_type, finding.recognizer, finding.score,
                                  reason, finding.text_digest))
    pages = {page.number: page for page in lay.document.pages}
    for number in lay.ocr_pages:
        page = pages[number]
        red = plan.setdefault(number, PageRedactions())
        red.scanned = True
        red.reading = (page.text, tuple(page.char_boxes))  # what the reviewer saw, to tell a leak from a kept word
    for m in manual:
        red = plan.setdefault(m.page, PageRedactions())
        red.codes.extend([""] * (len(red.boxes) - len(red.codes)))  # parallel to the boxes
        red.labels.extend([""] * (len(red.boxes) - len(red.labels)))
        red.boxes.append(m.box)
        red.codes.append(short_code(m.reason_code) if policy.print_exemption_codes else "")
        red.labels.append(f"a manual box ({m.category})")
        if m.text.strip():
            red.string_labels.extend([""] * (len(red.removed_strings) - len(red.string_labels)))
            red.removed_strings.append(m.text)
            red.string_labels.append(f"a manual box ({m.category})")
        digest = text_digest(text_key or RUN_KEY, m.text) if m.text else ""
        log.append(LogRow(m.page, m.box, m.category, "manual", 1.0, m.reason_code, digest))
    return lay, plan, log


LOG_COLUMNS = ("page", "x0", "y0", "x1", "y1", "category", "recognizer", "score", "reason_code")


FLATTENED_CATEGORY = "PAGE_FLATTENED"


def log_csv(rows: Sequence[LogRow], include_digests: bool = False,
            flattened: Mapping[int, Rect] | None = None) -> bytes:
    """The redaction log sent with a document: where each box is, what category and why - never the text, and
    the keyed digest of the text (``text_digest`` column) only when the recipient's policy asks for it. Each page
    exported as an image (``flattened``) adds a row: the whole page's box, category ``PAGE_FLATTENED``,
    recognizer ``verification``, the reason in ``reason_code``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*LOG_COLUMNS, "text_digest"] if include_digests else LOG_COLUMNS)
    for r in rows:
        w.writerow([r.page, *(f"{v:.2f}" for v in r.box), r.category, r.recognizer, f"{r.score:.2f}",
                    r.reason_code, *((r.text_digest,) if include_digests else ())])
    for number, box in sorted((flattened or {}).items()):
        w.writerow([number, *(f"{v:.2f}" for v in box), FLATTENED_CATEGORY, "verification", "1.00",
                    f"{FLATTENED_REASON}: page exported as an image, verified by OCR",
                    *(("",) if include_digests else ())])
    return buf.getvalue().encode("utf-8")


@functools.cache
def name_part_stopwords() -> frozenset[str]:
    """Words never repeated as a part of a found person's name (``person_stopwords.txt``: function words, titles,
    words that start sentences)."""
    return parse_word_list((RESOURCES / "wordlists" / "person_stopwords.txt").read_text(encoding="utf-8"))


@functools.cache
def label_generic_words() -> frozenset[str]:
    """The generic words a safe label never replaces (``resources/wordlists/label_generic_words.txt``)."""
    return parse_word_list(LABEL_GENERIC_WORDS.read_text(encoding="utf-8"))


def document_stem(document: Document) -> str:
    """The name a document's outputs are called after: the file's stem (``mail.attachment`` for attachments)."""
    return document.name or Path(document.path.split("#", 1)[0]).stem


def stem_detections(stems: Sequence[str], engine: Analyzer) -> list[str]:
    """What the engine finds in the file names themselves (a name that appears nowhere in the documents): each
    stem is analysed as words, as written and title-cased (names in file names are often written in lower case)."""
    queries: list[str] = []
    for stem in stems:
        words = humanize(stem)
        if words:
            queries += [words, words.title()]
    found: list[str] = []
    for query, detections in zip(queries, engine.analyze_many(queries), strict=True):
        found += [query[d.start:d.end] for d in detections]
    return found


def document_labels(scanned: Sequence[ScannedDocument], engine: Analyzer | None = None) -> dict[str, str]:
    """{document path: safe label} for the documents of a case (``workstation.domain.naming``): every token of any
    finding's text in the case (and, given the engine, of what it detects in the file names) replaced."""
    stems = [document_stem(s.document) for s in scanned]
    texts = [f.text for s in scanned for f in s.findings]
    if engine is not None:
        texts += stem_detections(stems, engine)
    labels = safe_labels(stems, texts, label_generic_words())
    return {s.document.path: label for s, label in zip(scanned, labels, strict=True)}


def output_paths(exports: Sequence[Export], out_dir: Path | None, out_file: Path | None, *,
                 labels: Mapping[str, str]) -> None:
    """Name each export's PDF and CSV: ``--out FILE`` as given; in ``out_dir`` after the document's safe label
    (``labels``: path -> label, see ``document_labels``; never the source file's name), made distinct."""
    if out_file is not None:
        if len(exports) != 1:
            raise UsageError(f"--out takes one document, but the input has {len(exports)}; use --out-dir")
        exports[0].pdf_path = out_file
        exports[0].csv_path = out_file.with_name(
            (out_file.name[:-4] if out_file.suffix.lower() == ".pdf" else out_file.name) + ".redactions.csv")
        return
    assert out_dir is not None
    used: set[str] = set()
    for e in exports:
        stem = labels.get(e.source.path) or FALLBACK
        candidate, n = stem, 2
        while candidate in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate)
        e.pdf_path = out_dir / f"{candidate}.redacted.pdf"
        e.csv_path = out_dir / f"{candidate}.redactions.csv"


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_exports(exports: Sequence[Export]) -> None:
    """Write verified exports (only called once every export of the batch has passed verification)."""
    for e in exports:
        assert e.pdf_path is not None and e.csv_path is not None
        e.pdf_path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(e.csv_path, log_csv(e.log, e.include_digests, e.flattened))
        _atomic_write(e.pdf_path, e.pdf)

"""Reading the text of a large PDF in a worker process; the pages come back a few at a time.

Reading a page's text with boxes (``pdf_text.page_from_pymupdf``) is one long PyMuPDF call that holds the GIL,
and it builds a dictionary per character (millions of short-lived objects for a few hundred pages, which the
garbage collector then walks). Done in a thread of the review window's process, it stalled the window's event
loop for hundreds of milliseconds (issue #3). A worker process (spawn, as ``detection.parallel`` and ``ocr`` use)
reads the pages with the same function and sends back the domain ``Page``s in small batches; this process only
unpickles each batch (a few milliseconds), so the result is the same ``Page`` objects as reading in-process.

One worker serves a whole case (``PdfPageReader`` is opened once per case load and closed after it): the PDF's
bytes are sent once per document, then page ranges are requested in order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from workstation.documents.pdf_work import OneWorkerProcess
from workstation.domain.model import Page

# A PDF with fewer pages than this is read in-process (a few milliseconds a page; no process to start).
MIN_PAGES = 12
# Pages per batch sent back: ~3,000 characters a page unpickle in ~0.7 ms, so a batch stays well under 10 ms.
BATCH_PAGES = 8

_DOCS: dict[int, object] = {}  # in the worker: open documents by token


def _open(token: int, data: bytes) -> int:
    import pymupdf

    import workstation.documents  # noqa: F401 - its PyMuPDF settings (glyph heights) apply here too

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    doc = pymupdf.open(stream=data, filetype="pdf")
    _DOCS[token] = doc
    return int(doc.page_count)


def _read(token: int, start: int, stop: int) -> tuple[list[Page], int | None]:
    """Pages ``start``..``stop`` (0-based, stop excluded); the 1-based number of a page that cannot be read stops
    the batch (second item), as in-process reading stops there."""
    from workstation.documents.pdf_text import page_from_pymupdf

    doc = _DOCS[token]
    pages: list[Page] = []
    for i in range(start, stop):
        try:
            pages.append(page_from_pymupdf(doc[i]))  # type: ignore[index]
        except Exception:  # noqa: BLE001 - reported as the page that cannot be read
            return pages, i + 1
    return pages, None


def _close(token: int) -> None:
    doc = _DOCS.pop(token, None)
    if doc is not None:
        doc.close()  # type: ignore[attr-defined]


class PageUnreadable(Exception):
    """A page of the PDF cannot be read (``number``: 1-based)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class ReadCancelled(Exception):
    """``read`` was asked to stop (``stop()`` became true) before every page was read."""


class PdfPageReader(OneWorkerProcess):
    """Reads the pages of PDFs in one worker process, started on first use; ``close`` ends it."""

    def __init__(self, min_pages: int = MIN_PAGES, batch_pages: int = BATCH_PAGES) -> None:
        super().__init__()
        self.min_pages = min_pages
        self.batch_pages = max(1, batch_pages)
        self._tokens = itertools.count(1)

    def wants(self, page_count: int) -> bool:
        """Whether a PDF of ``page_count`` pages is worth a worker process."""
        return page_count >= self.min_pages

    def read(self, data: bytes, page_count: int, stop: Callable[[], bool] | None = None) -> list[Page]:
        """Every page of the PDF ``data`` (``page_count`` pages, already checked by the caller), in order.

        Raises ``PageUnreadable`` for the first page that cannot be read, ``ReadCancelled`` when ``stop()`` turns
        true between batches, ``BrokenProcessPool`` if the worker died (the next ``read`` starts a new one)."""
        pool = self._ensure_pool()
        token = next(self._tokens)
        try:
            opened = pool.submit(_open, token, data).result()
            if opened != page_count:
                raise PageUnreadable(min(opened, page_count) + 1)
            futures: list[Future[tuple[list[Page], int | None]]] = [
                pool.submit(_read, token, start, min(start + self.batch_pages, page_count))
                for start in range(0, page_count, self.batch_pages)
            ]
            pages: list[Page] = []
            try:
                for fut in futures:
                    if stop is not None and stop():
                        raise ReadCancelled()
                    got, failed = fut.result()
                    pages.extend(got)
                    if failed is not None:
                        raise PageUnreadable(failed)
            finally:
                for fut in futures:
                    fut.cancel()
            return pages
        except BrokenProcessPool:
            self.close()
            raise
        finally:
            if self._pool is not None:
                self._pool.submit(_close, token)


"""PDF work of an export (redaction, verification, report PDFs) in a worker process of its own.

PyMuPDF holds the GIL for the whole of each call, and some calls of an export are long: saving a redacted
300-page document (``tobytes`` with garbage collection and compression) takes ~0.2 s, extracting a dense page's
characters up to ~0.07 s. In the window's process those calls stall the window's event loop even though the
export runs in a thread (issue #3: no stall over 100 ms). ``PdfWorkProcess`` runs them in a process started for
the export (spawn, as ``pdf_reader`` and ``ocr`` do); only the inputs (the PDF's bytes, the boxes and strings to
remove) and the results cross over. The command line has no window to keep responsive and does the work in its
own process (``run_here``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Self, TypeVar

from workstation.domain.errors import WorkstationError

T = TypeVar("T")

PdfRunner = Callable[..., Any]  # run(fn, *args, **kwargs) -> fn(*args, **kwargs), here or in a worker process


class PdfWorkerCrashed(WorkstationError):
    """The process doing the PDF work died (MuPDF crashed on a document): nothing was written."""

    exit_code = 3


def run_here(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    return fn(*args, **kwargs)


class OneWorkerProcess:
    """One worker process (spawn), started on first use (``_ensure_pool``) and ended by ``close`` or on leaving
    the ``with`` block. The base of ``PdfWorkProcess`` and ``pdf_reader.PdfPageReader``."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class PdfWorkProcess(OneWorkerProcess):
    """``run(fn, *args)``: ``fn(*args)`` in the worker process (started on first use, one for the export; ``fn``
    must be a module-level function). Exceptions raised there are raised here. A context manager: the process
    ends on exit."""

    def __call__(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        try:
            return self._ensure_pool().submit(fn, *args, **kwargs).result()
        except BrokenProcessPool:
            self.close()
            raise PdfWorkerCrashed("the process redacting and verifying the PDFs crashed: nothing was written "
                                   "(try again; if it happens again, that document cannot be exported)") from None

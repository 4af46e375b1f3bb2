"""Background work: loading and detecting a case, and the verified export. Each runs in its own QThread.

The window's event loop must not stall while a large case loads (issue #3: no gap over 100 ms in a 10 ms timer,
``benchmarks/gui_benchmark.py``). Two things in this thread used to stall it although the work is off the main
thread, because they hold the GIL: Python's full garbage collections, which walk every object of the process (the
spaCy model, every character box of a 300-page case) for 100-200 ms each, and long runs of C code. So the loader
moves what it has built and keeps (the engine, the loaded documents) out of the collector's reach
(``gc.freeze``), and the first page of the first PDF is sent to the window (``firstPage``) before its text is read.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workstation.domain.errors import InputError, VerificationError, WorkstationError
from workstation.domain.model import Document, ManualRedaction
from workstation.domain.policy import Policy
from workstation.pipeline import (
    Analyzer,
    Layout,
    ScannedDocument,
    build_export,
    layout,
    output_paths,
    scan,
    write_exports,
)


class CaseLoader(QObject):
    """Loads every file of the case (each becomes reviewable on screen at once), then runs detection document by
    document. A file that cannot be read is reported and the others go on."""

    firstPage = Signal(object)  # bytes of the first PDF to show while it is read; None: it cannot be read after all
    documentLoaded = Signal(object, object, str)  # Document, Layout, source file
    fileFailed = Signal(str, str)  # file, message
    documentScanned = Signal(object, object)  # ScannedDocument, Layout (new when OCR changed the document)
    documentScanFailed = Signal(str, str)  # document path, message
    engineReady = Signal(object)
    progress = Signal(int, int)  # documents detected, total
    finished = Signal()

    def __init__(self, files: Sequence[Path], engine: Analyzer | None,
                 engine_factory: Callable[[], Analyzer] | None) -> None:
        super().__init__()
        self.files = list(files)
        self.engine = engine
        self.engine_factory = engine_factory
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from workstation.documents.intake import load_file

        try:
            loaded: list[Document] = []
            _freeze()  # the engine passed in, the window: long-lived, never garbage
            preview = False  # a first page is on screen (or the first file was not a PDF)
            for f in self.files:
                if self._cancel.is_set():
                    return
                if not preview:
                    preview = True
                    data = _previewable_pdf(f)
                    if data is not None:
                        self.firstPage.emit(data)
                try:
                    with _gc_paused():  # a large PDF allocates millions of small objects (character boxes)
                        docs = load_file(f)
                    for d in docs:
                        lay = layout(d)
                        loaded.append(d)
                        self.documentLoaded.emit(d, lay, str(f))
                except WorkstationError as exc:
                    self._withdraw_preview(f)
                    self.fileFailed.emit(str(f), _message(exc))
                except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
                    self._withdraw_preview(f)
                    self.fileFailed.emit(str(f), f"cannot be opened: {type(exc).__name__}: {exc}")
                _freeze()  # the case's documents stay loaded until the next case
            self.progress.emit(0, len(loaded))
            if self.engine is None and self.engine_factory is not None and loaded:
                self.engine = self.engine_factory()
                _freeze()
                self.engineReady.emit(self.engine)
            for i, d in enumerate(loaded):
                if self._cancel.is_set():
                    return
                try:
                    assert self.engine is not None
                    sd = scan([d], self.engine)[0]
                    self.documentScanned.emit(sd, layout(sd.document) if sd.document is not d else None)
                except Exception as exc:  # noqa: BLE001
                    self.documentScanFailed.emit(d.path, f"detection failed: {type(exc).__name__}: {exc}")
                self.progress.emit(i + 1, len(loaded))
        finally:
            self.finished.emit()

    def _withdraw_preview(self, f: Path) -> None:
        if f == self.files[0]:
            self.firstPage.emit(None)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file loads: each full collection would walk every character box
    allocated so far while holding the GIL (the window stalled for up to 0.9 s opening a 300-page PDF).
    Reference counting still frees everything; collection resumes afterwards and the result is frozen."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _freeze() -> None:
    """Move every object alive now out of the garbage collector's generations (``gc.freeze``).

    A full collection walks every tracked object of the process while holding the GIL: with the spaCy model and a
    large case loaded that is 100-200 ms during which the window cannot run. Frozen objects are still freed by
    reference counting when the case is closed; only reference cycles among them would outlive it.
    """
    gc.freeze()


def _previewable_pdf(f: Path) -> bytes | None:
    """The bytes of ``f`` if it is a PDF whose first page can be shown before its text is read."""
    from workstation.documents.intake import MAX_FILE_BYTES
    from workstation.documents.raster import can_preview

    if f.suffix.lower() != ".pdf":
        return None
    try:
        if not 0 < f.stat().st_size <= MAX_FILE_BYTES:
            return None
        data = f.read_bytes()
    except OSError:
        return None
    return data if can_preview(data) else None


def _message(exc: WorkstationError) -> str:
    if isinstance(exc, InputError):
        return exc.reason
    return str(exc)


@dataclass
class ExportItem:
    scanned: ScannedDocument
    layout: Layout | None
    redact: list
    reasons: dict[int, str]
    manual: list[ManualRedaction]


@dataclass
class ExportOutcome:
    ok: bool
    message: str
    out_dir: str
    files: list[str] = field(default_factory=list)
    failed_document: str = ""
    failed_page: int | None = None
    boxes: int = 0


class ExportWorker(QObject):
    """Runs the verified pipeline (build_export for every document, then output_paths + write_exports)."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # ExportOutcome

    def __init__(self, items: Sequence[ExportItem], policy: Policy, out_dir: Path) -> None:
        super().__init__()
        self.items = list(items)
        self.policy = policy
        self.out_dir = out_dir

    @Slot()
    def run(self) -> None:
        out = str(self.out_dir)
        try:
            exports = []
            n = len(self.items)
            for i, it in enumerate(self.items):
                self.progress.emit(i, n + 1, f"Redacting and verifying {it.scanned.document.display_name}")
                exports.append(build_export(it.scanned, self.policy, redact=it.redact, manual=it.manual,
                                            reasons=it.reasons, prepared=it.layout))
            self.progress.emit(n, n + 1, "Writing files")
            output_paths(exports, self.out_dir, None)
            write_exports(exports)
            files = [str(p) for e in exports for p in (e.pdf_path, e.csv_path) if p is not None]
            boxes = sum(len(e.log) for e in exports)
            self.progress.emit(n + 1, n + 1, "Done")
            self.finished.emit(ExportOutcome(True, f"Export verified: {len(exports)} document(s), {boxes} "
                                                   f"redaction box(es), written to {out}", out, files, boxes=boxes))
        except VerificationError as exc:
            self.finished.emit(ExportOutcome(False, f"Verification failed - nothing was written. {exc}", out,
                                             failed_document=exc.document, failed_page=exc.page))
        except WorkstationError as exc:
            self.finished.emit(ExportOutcome(False, f"Export refused - nothing was written. {exc}", out))
        except Exception as exc:  # noqa: BLE001
            self.finished.emit(ExportOutcome(False, f"Export failed: {type(exc).__name__}: {exc}", out))


def start_in_thread(worker: QObject, parent: QObject) -> QThread:
    """Move ``worker`` to a new thread, run its ``run`` slot there; the thread quits when it finishes."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    worker.finished.connect(thread.quit)  # type: ignore[attr-defined]
    thread.start()
    return thread

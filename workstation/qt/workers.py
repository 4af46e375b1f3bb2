"""Background work: loading and detecting a case, and the verified export. Each runs in its own Python thread.

Qt is used on the window's thread only. A worker never emits a Qt signal: it posts its messages
(``Channel.emit``) to the window's ``Mailbox``, and a timer on the window's thread delivers them, at most a few
milliseconds' worth per turn of the event loop. No Python object crosses threads through Qt (``QThread``,
``moveToThread`` and queued ``Signal(object)``: PySide6 has had crashes there, and the test suite segfaulted in a
thread running no Python while a case loaded that way), and a stopped worker's late messages are dropped instead
of reaching the next case.

The window's event loop must not stall while a large case loads (issue #3: no gap over 100 ms in a 10 ms timer,
``benchmarks/gui_benchmark.py``). Work in a worker thread still stalls it when it holds the GIL for long: long runs of
C code, and Python's garbage collections, which walk every tracked object of the process. So:

- a large PDF's text is read in a worker process (``documents.pdf_reader``); this thread only receives its pages
  a few at a time (PyMuPDF holds the GIL for each page, and builds a dictionary per character);
- what the loader has built and keeps (the engine, the loaded documents) is moved out of the collector's reach
  (``gc.freeze``), and the first page of the first PDF is sent to the window (``firstPage``) before its text is
  read;
- everything the window needs about a detected document that takes a walk over all its findings (the boxes of
  each finding on the pages shown, the findings on each page) is worked out here (``ScanResult``), so the window
  only has to show it;
- the scan is recorded in the store (finding keys, document hashes: thousands of rows) here too, on a connection
  of this thread (``record``), before ``finished``.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from workstation.domain.errors import InputError, VerificationError, WorkstationError
from workstation.domain.model import Document, Finding, FindingKey, Rect
from workstation.pipeline import Analyzer, Layout, ScannedDocument, layout
from workstation.service import ExportResult
from workstation.service.scanning import scan_one

RECORD_WAIT_S = 5.0  # the longest the loader waits for the window before recording the scan anyway
DELIVERY_BUDGET_S = 0.02  # messages delivered in one turn of the event loop, at most (the rest wait for the next)


class Waker:
    """Wakes the window's thread when a worker has posted a message: one byte written to a pipe that a
    ``QSocketNotifier`` watches on the window's thread (the self-pipe trick). Plain Python and one ``os.write``:
    a worker touches nothing of Qt. A byte is written only when none is pending, so a burst of messages is one
    wake-up. Polling with a timer instead cost the window's thread the GIL on every tick: the 99th percentile of
    the event-loop gaps went from 20 to 33 ms while a 300-page case was detected."""

    def __init__(self) -> None:
        self.read_fd, self._write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        os.set_blocking(self._write_fd, False)
        self._pending = False
        self.closed = False

    def wake(self) -> None:
        if not self._pending and not self.closed:
            self._pending = True
            try:
                os.write(self._write_fd, b"\0")
            except OSError:  # full (a wake-up is pending anyway) or closed
                pass

    def drain(self) -> None:
        """On the window's thread, before delivering: a message posted from now on wakes it again. The pipe is
        emptied first and the flag cleared after: the other way round, a worker posting during the read saw the
        flag clear, wrote its byte and had it read at once, and every later wake-up was skipped for a flag left set
        (two window tests hung waiting for "finished" in 8 runs on a loaded machine)."""
        try:
            while os.read(self.read_fd, 4096):
                pass
        except OSError:  # nothing more to read
            pass
        self._pending = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.read_fd)
            os.close(self._write_fd)


class Channel:
    """One kind of message a worker sends to the window (what a Qt signal was). ``emit`` may be called from any
    thread: it only queues the arguments in the worker's inbox (a deque: appends are thread-safe) and wakes the
    window's thread. The window's ``Mailbox`` calls the handlers ``connect``ed to it, on the window's thread."""

    def __init__(self, inbox: deque[tuple[Channel, tuple]], wake: list[Callable[[], None]]) -> None:
        self._inbox = inbox
        self._wake = wake  # shared with the worker, set when it starts (no reference to the worker: no cycle)
        self.closed = False  # a stopped worker's channel: nothing more is queued or delivered

    def emit(self, *args: object) -> None:
        if not self.closed:
            self._inbox.append((self, args))
            self._wake[0]()


class Worker:
    """Work for a thread of its own, started by a ``Mailbox``. It holds no Qt object (nothing of Qt is freed or
    touched in its thread); its messages are ``Channel`` attributes. ``stop`` asks it to stop, waits for it and
    drops its messages not yet delivered."""

    def __init__(self) -> None:
        self.inbox: deque[tuple[Channel, tuple]] = deque()
        self.channels: list[Channel] = []
        self._wake: list[Callable[[], None]] = [_nothing]  # set by the mailbox that starts it
        self.done = False  # ``run`` has returned (its thread may still be ending)
        self.finished = self._channel()
        self._cancel = threading.Event()
        self.thread: threading.Thread | None = None

    def _channel(self) -> Channel:
        channel = Channel(self.inbox, self._wake)
        self.channels.append(channel)
        return channel

    def run(self) -> None:
        raise NotImplementedError

    def wake(self) -> None:
        self._wake[0]()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def wait(self, timeout_s: float) -> bool:
        """Wait for the thread to end (True), at most ``timeout_s``."""
        if self.thread is not None:
            self.thread.join(timeout_s)
        return not self.running

    def stop(self, timeout_s: float) -> None:
        self.cancel()
        self.wait(timeout_s)
        for channel in self.channels:
            channel.closed = True
        self.inbox.clear()


class Mailbox:
    """Starts workers and delivers their messages, in order, on the thread that owns ``parent`` (the window's).
    A worker's message wakes that thread (``Waker``); each turn of its event loop delivers at most ``budget_s``
    worth and leaves the rest for the next turn.

    The mailbox keeps the handlers and a reference to every worker it started until that worker's thread has
    ended and its messages are delivered, so a worker is always freed on this thread, never in its own."""

    def __init__(self, parent: QObject, *, budget_s: float = DELIVERY_BUDGET_S) -> None:
        self._workers: list[Worker] = []
        self._handlers: dict[Channel, list[Callable[..., object]]] = {}
        self._budget_s = budget_s
        self._waker = Waker()
        self._notifier = QSocketNotifier(self._waker.read_fd, QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self.deliver)
        self._more = QTimer(parent)  # the rest of a delivery cut short by the budget, in the next turn
        self._more.setSingleShot(True)
        self._more.timeout.connect(self.deliver)

    def connect(self, channel: Channel, handler: Callable[..., object]) -> None:
        self._handlers.setdefault(channel, []).append(handler)

    def start(self, worker: Worker) -> None:
        """Run ``worker`` in a new thread (a daemon: it never keeps the program from exiting)."""
        worker._wake[0] = self._waker.wake
        worker.thread = threading.Thread(target=_run, args=(worker,), name=type(worker).__name__, daemon=True)
        self._workers.append(worker)
        worker.thread.start()

    @property
    def pending(self) -> int:
        return sum(len(w.inbox) for w in self._workers)

    @property
    def active(self) -> bool:
        """A worker runs, or its messages wait."""
        return bool(self._workers)

    def deliver(self) -> None:
        """Call the handlers of waiting messages, oldest first, until none is left or the budget is spent; let go
        of the workers that are done."""
        self._waker.drain()
        deadline = time.perf_counter() + self._budget_s
        for worker in list(self._workers):
            inbox = worker.inbox
            while inbox:
                channel, args = inbox.popleft()
                if not channel.closed:
                    try:
                        for handler in self._handlers.get(channel, ()):
                            handler(*args)
                    except BaseException:
                        if self.pending:  # no wake-up may come for what waits: deliver it next turn
                            self._more.start(0)
                        raise
                if time.perf_counter() >= deadline and self.pending:
                    self._more.start(0)
                    return
        for worker in [w for w in self._workers if w.done and not w.running and not w.inbox]:
            self._workers.remove(worker)
            for channel in worker.channels:
                self._handlers.pop(channel, None)
        if any(w.done and w.running for w in self._workers):
            self._more.start(10)  # its thread is ending: let go of it (on this thread) once it has

    def close(self) -> None:
        """Stop listening (the window is closing). The pipe is closed only when no worker can write to it."""
        self._notifier.setEnabled(False)
        if not any(w.running for w in self._workers):
            self._waker.close()


def _nothing() -> None:
    pass


def _run(worker: Worker) -> None:
    """A worker's thread: its work, then a last wake-up so the mailbox lets go of it."""
    try:
        worker.run()
    finally:
        worker.done = True
        worker.wake()


@dataclass
class ScanResult:
    """A detected document, ready for the window: its findings in reading order, where each one is drawn
    (``placements``: layout page -> boxes) and the findings drawn on each layout page (``by_page``)."""

    scanned: ScannedDocument
    layout: Layout | None  # a new layout when OCR changed the document, else None (the loaded one stands)
    findings: list[Finding]
    placements: dict[FindingKey, dict[int, list[Rect]]]
    by_page: dict[int, list[Finding]]
    shown: threading.Event = field(default_factory=threading.Event)  # set by the window once it has shown it


def scan_result(sd: ScannedDocument, lay: Layout, new_layout: Layout | None = None) -> ScanResult:
    """``sd`` with its findings placed on ``lay`` (the layout it is reviewed on)."""
    findings = sorted(sd.findings, key=lambda f: (f.page, f.start, f.end, f.entity_type))
    for f in findings:
        f.allow_digest  # noqa: B018 - worked out (and kept on the finding) here, not in the window's thread
    placements = {f.key: lay.placements(f) for f in findings}
    by_page: dict[int, list[Finding]] = {}
    for f in findings:
        for page, rects in placements[f.key].items():
            if rects:
                by_page.setdefault(page, []).append(f)
    return ScanResult(sd, new_layout, findings, placements, by_page)


class CaseLoader(Worker):
    """Loads every file of the case (each becomes reviewable on screen at once), then runs detection document by
    document, then records the scan (``record``, if set). A file that cannot be read is reported and the others go
    on.

    Messages: ``firstPage`` (bytes of the first PDF to show while it is read; None: it cannot be read after all),
    ``documentLoaded`` (Document, Layout, source file), ``fileFailed`` (file, message), ``documentScanned``
    (ScanResult), ``documentScanFailed`` (document path, message), ``engineReady`` (engine), ``progress``
    (documents detected, total), ``ocrProgress`` (document path, scanned pages read, pages to read),
    ``recordFailed`` (why the scan could not be recorded), ``finished``."""

    def __init__(self, files: Sequence[Path], engine: Analyzer | None,
                 engine_factory: Callable[[], Analyzer] | None,
                 record: Callable[[list[ScannedDocument], Analyzer | None], None] | None = None,
                 text_key: bytes = b"") -> None:
        super().__init__()
        self.firstPage = self._channel()
        self.documentLoaded = self._channel()
        self.fileFailed = self._channel()
        self.documentScanned = self._channel()
        self.documentScanFailed = self._channel()
        self.engineReady = self._channel()
        self.progress = self._channel()
        self.ocrProgress = self._channel()
        self.recordFailed = self._channel()
        self.files = list(files)
        self.engine = engine
        self.engine_factory = engine_factory
        self.record = record  # called in this thread once every document is detected (not when cancelled)
        self.text_key = text_key  # the case's secret: the findings' digests are the store's (never shown)

    def run(self) -> None:
        try:
            loaded = self._load()
            if loaded is None or self._cancel.is_set():
                return
            self.progress.emit(0, len(loaded))
            if self.engine is None and self.engine_factory is not None and loaded:
                self.engine = self.engine_factory()
                _freeze()
                self.engineReady.emit(self.engine)
            scanned: list[ScannedDocument] = []
            last: ScanResult | None = None
            for i, (d, lay) in enumerate(loaded):
                if self._cancel.is_set():
                    return
                try:
                    assert self.engine is not None
                    sd = scan_one(d, self.engine, ocr_progress=self.ocrProgress.emit, text_key=self.text_key)
                    new_layout = layout(sd.document) if sd.document is not d else None
                    result = scan_result(sd, new_layout or lay, new_layout)
                    scanned.append(sd)
                    _freeze()  # the findings stay until the next case too
                    self.documentScanned.emit(result)
                    last = result
                except Exception as exc:  # noqa: BLE001
                    self.documentScanFailed.emit(d.path, f"detection failed: {type(exc).__name__}: {exc}")
                self.progress.emit(i + 1, len(loaded))
            if last is not None:
                # let the window show the last document first: the store write below holds the GIL in short
                # turns for ~50 ms on a large case, and the window's handling of a document slowed to twice its
                # time when the two ran at once (the longest event-loop stalls were there)
                deadline = time.monotonic() + RECORD_WAIT_S
                while not last.shown.wait(0.05) and not self._cancel.is_set() and time.monotonic() < deadline:
                    pass
            if self.record is not None and scanned and not self._cancel.is_set():
                try:
                    self.record(scanned, self.engine)
                except Exception as exc:  # noqa: BLE001 - shown to the reviewer; the review goes on
                    self.recordFailed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()

    def _load(self) -> list[tuple[Document, Layout]] | None:
        """Every document of the case with its layout (None: cancelled)."""
        from workstation.documents.intake import load_file
        from workstation.documents.pdf_reader import PdfPageReader, ReadCancelled

        loaded: list[tuple[Document, Layout]] = []
        _freeze()  # the engine passed in, the window: long-lived, never garbage
        preview = False  # a first page is on screen (or the first file was not a PDF)
        with PdfPageReader() as reader:
            for f in self.files:
                if self._cancel.is_set():
                    return None
                if not preview:
                    preview = True
                    data = _previewable_pdf(f)
                    if data is not None:
                        self.firstPage.emit(data)
                try:
                    docs = load_file(f, reader, self._cancel.is_set)
                    for d in docs:
                        lay = layout(d)
                        loaded.append((d, lay))
                        self.documentLoaded.emit(d, lay, str(f))
                except ReadCancelled:
                    return None
                except WorkstationError as exc:
                    self._withdraw_preview(f)
                    self.fileFailed.emit(str(f), _message(exc))
                except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
                    self._withdraw_preview(f)
                    self.fileFailed.emit(str(f), f"cannot be opened: {type(exc).__name__}: {exc}")
                _freeze()  # the case's documents stay loaded until the next case
        return loaded

    def _withdraw_preview(self, f: Path) -> None:
        if f == self.files[0]:
            self.firstPage.emit(None)


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
class ExportOutcome:
    ok: bool
    message: str
    out_dir: str
    files: list[str] = field(default_factory=list)
    failed_document: str = ""
    failed_page: int | None = None
    boxes: int = 0


@dataclass
class ExportJob:
    """The export itself: ``run(progress)`` exports the case and returns what it wrote (``CaseService.export``
    bound to the case, the reviewer and the documents; see ``case_menu``)."""

    run: Callable[[Callable[[int, int, str], None]], ExportResult]
    in_thread: bool = True  # False: it must run on the window's thread (a store in memory serves one thread)


def run_export(job: ExportJob, out_dir: Path, progress: Callable[[int, int, str], None]) -> ExportOutcome:
    """Run ``job`` and describe its result for the window (never raises)."""
    out = str(out_dir)
    try:
        result = job.run(progress)
    except VerificationError as exc:
        return ExportOutcome(False, f"Verification failed - nothing was written. {exc}", out,
                             failed_document=exc.document, failed_page=exc.page)
    except WorkstationError as exc:
        return ExportOutcome(False, f"Export refused - nothing was written. {exc}", out)
    except Exception as exc:  # noqa: BLE001 - shown to the reviewer, never a traceback
        return ExportOutcome(False, f"Export failed: {type(exc).__name__}: {exc}", out)
    progress(result.documents + 1, result.documents + 1, "Done")
    files = [str(result.out_dir / name) for name in sorted(result.outputs)]
    return ExportOutcome(True, f"Export verified: {result.documents} document(s), {result.boxes} redaction box(es), "
                               f"written to {out} with the redaction logs, the Vaughn index and the disclosure "
                               "record" + "".join(f". Note: {n}" for n in result.notes), out, files,
                         boxes=result.boxes)


class ExportWorker(Worker):
    """Runs an export job (the verified pipeline, through the case service) in its own thread. Messages:
    ``progress`` (done, total, text) and ``finished`` (ExportOutcome)."""

    def __init__(self, job: ExportJob, out_dir: Path) -> None:
        super().__init__()
        self.progress = self._channel()
        self.job = job
        self.out_dir = out_dir

    def run(self) -> None:
        self.finished.emit(run_export(self.job, self.out_dir, self.progress.emit))

"""Per-page time bound (issue 14 item 5): a page whose reading, redaction or verification takes longer than
``PAGE_SECONDS`` is refused (exit 2, one line naming the file and the page), never a hang.

``run_bounded(document, fn, ...)`` runs ``fn`` under the bound. The work marks each page it starts
(``page_started(number, phase)``) in a small shared clock file (a few slots of process id, page, start time and
limit; the pdfminer.six processes of a long document's verification each have a slot of their own). Two checks:

* hard: when the calling process has no other thread (``ISOLATE``), ``fn`` runs in a forked child (it inherits everything, so
  the call behaves as in-process) and this process watches the clock; a page over its limit gets the child and
  the processes it started killed, wherever they are stuck (inside MuPDF, which holds the GIL, a Python signal or
  thread could not interrupt it), and ``PageTooSlowError`` is raised here. A child that dies (MuPDF crashed on
  the file) is an ``InputError`` naming the file, not a crash of the command;
* soft, always: each ``page_started`` (and the end of the run) checks the page before it, so in a process where
  forking is unsafe (the window's, which has threads) a slow page is still refused once it ends.

Steps that are not about one page (opening and repairing the file, sanitizing and saving it) are marked with page
0 and are allowed ``PAGE_SECONDS`` per page of the document.
"""

from __future__ import annotations

import contextlib
import faulthandler
import mmap
import os
import pickle
import select
import signal
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from workstation.domain.errors import InputError

T = TypeVar("T")

# The bound: seconds one page may take in one step (reading it, redacting it, verifying it with one extractor,
# flattening it). A dense page takes well under a second in each.
PAGE_SECONDS = float(os.environ.get("WORKSTATION_PAGE_SECONDS", "") or 30.0)
# OCR, the slowest step (1-3 s a page here, more on a loaded machine, the OCR engine's start included), is allowed
# this many times the bound per page.
OCR_FACTOR = 4

PHASES = ("opening the file", "reading", "redaction", "saving the redacted file", "verification (PyMuPDF)",
          "verification (pdfminer.six)", "flattening", "OCR verification", "checking the repair")
OPENING, READING, REDACTION, SAVING, VERIFY_MUPDF, VERIFY_PDFMINER, FLATTENING, OCR, REPAIR = range(len(PHASES))
_SLOT = struct.Struct("<ddddd")  # pid, page (-1: idle; 0: the whole document), started (monotonic), limit, phase
SLOTS = 16
_POLL = 0.05


class PageTooSlowError(InputError):
    """A page took longer than the per-page bound (exit 2); nothing was written."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)


class Overrun(Exception):
    """Raised inside the work (any process) when a page ran over; turned into ``PageTooSlowError`` by
    ``run_bounded``, which knows the file's name."""

    def __init__(self, page: int, phase: int, limit: float) -> None:
        super().__init__(page, phase, limit)
        self.page, self.phase, self.limit = page, phase, limit


def _reason(page: int, phase: int, limit: float) -> str:
    what = PHASES[phase] if 0 <= phase < len(PHASES) else "work"
    if page > 0:
        return (f"page {page} is beyond the workstation's limits: its {what} took more than {limit:g} s (the limit "
                "per page); the page is malformed or too complex to process - nothing was written")
    return (f"the file is beyond the workstation's limits: {what} took more than {limit:g} s ({PAGE_SECONDS:g} s "
            "per page); it is malformed or too complex to process - nothing was written")


@dataclass
class Clock:
    """An open clock file (``path``) and the slot this process writes."""

    path: str
    slot: int
    _map: mmap.mmap | None = None

    def _mm(self) -> mmap.mmap:
        if self._map is None:
            with open(self.path, "r+b") as f:
                self._map = mmap.mmap(f.fileno(), SLOTS * _SLOT.size)
        return self._map

    def read(self, slot: int) -> tuple[float, float, float, float, float]:
        return _SLOT.unpack_from(self._mm(), slot * _SLOT.size)  # type: ignore[return-value]

    def write(self, page: float, started: float, limit: float, phase: int = -1) -> None:
        _SLOT.pack_into(self._mm(), self.slot * _SLOT.size, float(os.getpid()), page, started, limit, phase)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None


_clock: Clock | None = None  # this process's slot while bounded work runs here
_current: tuple[int, int, float, float] | None = None  # page, phase, started, limit


def page_started(page: int, phase: int, pages: int = 1) -> None:
    """Marks the start of ``page`` (1-based; 0: a step over the whole document of ``pages`` pages) in ``phase``
    (an index of ``PHASES``). Raises ``Overrun`` when the page before it ran over. No-op outside bounded work."""
    global _current
    if _clock is None:
        return
    check()
    limit = PAGE_SECONDS * (max(1, pages) if page == 0 else 1) * (OCR_FACTOR if phase == OCR else 1)
    now = time.monotonic()
    _current = (page, phase, now, limit)
    _clock.write(page, now, limit, phase)


def check() -> None:
    """Raises ``Overrun`` when the page being worked on has run over (checked between pages and at the end)."""
    if _clock is None or _current is None:
        return
    page, phase, started, limit = _current
    if time.monotonic() - started > limit:
        raise Overrun(page, phase, limit)


def page_done() -> None:
    """The current step ended: checked, then the slot is idle."""
    global _current
    if _clock is None:
        return
    check()
    _current = None
    _clock.write(-1, 0.0, 0.0)


@contextlib.contextmanager
def in_slot(clock_path: str | None, slot: int) -> Iterator[None]:
    """Bounded work in a process of its own (a verification worker): its marks go to ``slot`` of the clock."""
    global _clock, _current
    if clock_path is None:
        yield
        return
    outer = _clock, _current
    _clock, _current = Clock(clock_path, slot), None
    try:
        yield
        page_done()
    finally:
        _clock.close()
        _clock, _current = outer


def clock_path() -> str | None:
    """The clock file of the bounded work running here (for the worker processes it starts), or None."""
    return _clock.path if _clock is not None else None


# Whether bounded work runs in a forked child (the hard bound). None: when it is safe - this process has no other
# thread (forking a threaded process can leave a lock held in the child) - and not under a test runner, whose
# spies and counters would record what happens in the child and never see it. Tests of the bound set it True.
ISOLATE: bool | None = None


def _may_fork() -> bool:
    if not hasattr(os, "fork") or os.environ.get("WORKSTATION_NO_FORK", ""):
        return False
    if threading.active_count() != 1 or threading.current_thread() is not threading.main_thread():
        return False
    return ISOLATE if ISOLATE is not None else "pytest" not in sys.modules


def run_bounded(document: str, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` under the per-page bound (see the module): its result, or its exception; a page over
    the bound raises ``PageTooSlowError`` naming ``document`` and the page. Nested calls run directly."""
    global _clock, _current
    if _clock is not None:
        return fn(*args, **kwargs)
    fd, path = tempfile.mkstemp(prefix="workstation-clock-")
    try:
        os.write(fd, bytes(SLOTS * _SLOT.size))
        os.close(fd)
        for slot in range(SLOTS):
            Clock(path, slot).write(-1, 0.0, 0.0)
        if _may_fork():
            return _run_forked(document, path, fn, args, kwargs)
        _clock, _current = Clock(path, 0), None
        try:
            result = fn(*args, **kwargs)
            page_done()
            return result
        except Overrun as exc:
            raise PageTooSlowError(document, _reason(exc.page, exc.phase, exc.limit)) from None
        finally:
            _clock.close()
            _clock, _current = None, None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _run_forked(document: str, path: str, fn: Callable[..., T], args: tuple[Any, ...],
                kwargs: dict[str, Any]) -> T:
    global _clock, _current
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send the outcome, leave without running this process's exit code
        status = 0
        try:
            os.close(read_end)
            faulthandler.disable()  # a crash is reported by the parent in one line, not as a dump on the terminal
            _clock, _current = Clock(path, 0), None
            try:
                outcome: tuple[str, Any] = ("ok", fn(*args, **kwargs))
                page_done()
            except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
                outcome = ("error", _portable(exc))
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001
            status = 70
        finally:
            os._exit(status)
    os.close(write_end)
    clock = Clock(path, 0)
    chunks: list[bytes] = []
    overrun: tuple[int, int, float] | None = None
    try:
        while True:
            ready, _, _ = select.select([read_end], [], [], _POLL)
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                continue
            overrun = _overrun(clock)
            if overrun is not None:
                _kill(pid, clock)
                break
    finally:
        os.close(read_end)
        _, wstatus = os.waitpid(pid, 0)
        clock.close()
    if overrun is not None:
        raise PageTooSlowError(document, _reason(*overrun))
    if not chunks or os.waitstatus_to_exitcode(wstatus) != 0:
        raise InputError(document, "the PDF crashed the process working on it (MuPDF): the file is malformed; "
                                   "nothing was written")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if isinstance(value, Overrun):
        raise PageTooSlowError(document, _reason(value.page, value.phase, value.limit)) from None
    raise value


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a ``RuntimeError`` with its type and message (an internal error as
    it would have been in-process)."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _overrun(clock: Clock) -> tuple[int, int, float] | None:
    now = time.monotonic()
    for slot in range(SLOTS):
        pid, page, started, limit, phase = clock.read(slot)
        if pid and page >= 0 and now - started > limit:
            return int(page), int(phase), limit
    return None


def _kill(pid: int, clock: Clock) -> None:
    _kill_workers(clock, pid)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _kill_workers(clock: Clock, pid: int) -> None:
    """Kill the worker processes the bounded work started that still have a slot (their own pids only)."""
    for slot in range(1, SLOTS):
        worker = clock.read(slot)[0]
        if worker and int(worker) != pid and int(worker) != os.getpid():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if _child_of(int(worker), pid):
                    os.kill(int(worker), signal.SIGKILL)


def _child_of(worker: int, parent: int) -> bool:
    """Whether process ``worker`` is still a child of ``parent`` (pids are reused)."""
    try:
        with open(f"/proc/{worker}/stat") as f:
            stat = f.read()
        return int(stat[stat.rindex(")") + 2:].split()[1]) == parent
    except (OSError, ValueError, IndexError):
        return False

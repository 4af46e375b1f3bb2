"""Workers run in Python threads and reach the window only through its mailbox, on the window's thread."""

from __future__ import annotations

import threading
import time
import weakref
from pathlib import Path

from PySide6.QtCore import QObject

from tests.qt.conftest import gaps_ms, heartbeat, redact_undecided
from workstation.qt.workers import Mailbox, Worker

MAX_GAP_MS = 500.0  # a freeze, not a performance target (benchmarks/gui_benchmark.py measures those)


class Counter(Worker):
    """Sends ``n`` numbered messages, then ``finished``; stops early when cancelled."""

    def __init__(self, n: int, go: threading.Event | None = None) -> None:
        super().__init__()
        self.item = self._channel()
        self.n = n
        self.go = go

    def run(self) -> None:
        try:
            if self.go is not None:
                self.go.wait(10)
            for i in range(self.n):
                if self._cancel.is_set():
                    return
                self.item.emit(i, threading.current_thread().name)
        finally:
            self.finished.emit()


def test_messages_arrive_in_order_on_the_windows_thread(qtbot) -> None:
    owner = QObject()
    mailbox = Mailbox(owner)
    got: list[tuple[int, str, bool]] = []
    done: list[bool] = []
    worker = Counter(500)
    on_main = threading.current_thread
    mailbox.connect(worker.item, lambda i, sender: got.append((i, sender, on_main() is threading.main_thread())))
    mailbox.connect(worker.finished, lambda: done.append(True))
    mailbox.start(worker)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert [i for i, _, _ in got] == list(range(500))
    assert {sender for _, sender, _ in got} == {"Counter"}  # sent from the worker's thread...
    assert all(on_main for _, _, on_main in got)  # ...handled on the window's
    assert worker.wait(5) and not worker.running
    qtbot.waitUntil(lambda: not mailbox.active, timeout=2_000)  # idle: no polling once all is done


def test_a_worker_is_freed_on_the_windows_thread_never_in_its_own(qtbot) -> None:
    owner = QObject()
    mailbox = Mailbox(owner)
    freed: list[bool] = []
    go = threading.Event()
    worker = Counter(50, go)
    weakref.finalize(worker, lambda: freed.append(threading.get_ident() == threading.main_thread().ident))
    mailbox.start(worker)
    del worker  # the thread's own reference goes when it ends; the mailbox lets go on the window's thread
    go.set()
    qtbot.waitUntil(lambda: bool(freed), timeout=10_000)
    assert freed == [True]


class Quiet(Worker):
    def run(self) -> None:
        time.sleep(0.5)
        self.finished.emit()


def test_the_windows_thread_is_woken_by_messages_not_by_polling(qtbot) -> None:
    """Polling took the GIL from the worker on every tick; a worker that posts nothing wakes nobody."""
    owner = QObject()
    mailbox = Mailbox(owner)
    wakes: list[float] = []
    drain = mailbox._waker.drain
    mailbox._waker.drain = lambda: wakes.append(time.perf_counter()) or drain()  # type: ignore[method-assign]
    done: list[bool] = []
    worker = Quiet()
    mailbox.connect(worker.finished, lambda: done.append(True))
    mailbox.start(worker)
    qtbot.waitUntil(lambda: bool(done) and not mailbox.active, timeout=5_000)
    assert 1 <= len(wakes) <= 20  # "finished", the thread's end (and retries while it ends); polling: ~100 ticks


def test_a_failing_handler_does_not_strand_the_messages_after_it(qtbot, monkeypatch) -> None:
    owner = QObject()
    mailbox = Mailbox(owner)
    got: list[int] = []
    errors: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda t, e, tb: errors.append(e))  # what PySide reports a slot's error to

    def handler(i: int, _sender: str) -> None:
        if i == 3:
            raise ValueError("a bug in one handler")
        got.append(i)

    go = threading.Event()
    worker = Counter(10, go)
    mailbox.connect(worker.item, handler)
    mailbox.start(worker)
    go.set()
    assert worker.wait(10)  # everything is posted before the first delivery: no later message wakes the window
    with qtbot.capture_exceptions() as raised:
        qtbot.waitUntil(lambda: not mailbox.active, timeout=5_000)
    assert got == [0, 1, 2, 4, 5, 6, 7, 8, 9]
    assert len(raised) + len(errors) == 1


def test_one_turn_of_the_event_loop_delivers_only_its_budget(qtbot) -> None:
    owner = QObject()
    mailbox = Mailbox(owner, budget_s=0.01)
    handled: list[int] = []
    go = threading.Event()
    worker = Counter(200, go)

    def slow(i: int, _sender: str) -> None:
        time.sleep(0.002)
        handled.append(i)

    mailbox.connect(worker.item, slow)
    mailbox.start(worker)
    go.set()
    assert worker.wait(10)
    assert mailbox.pending == 201  # 200 items and "finished"
    mailbox.deliver()  # one turn: about 10 ms of 2 ms messages, not all 200 (0.4 s)
    assert 1 <= len(handled) <= 10
    qtbot.waitUntil(lambda: mailbox.pending == 0, timeout=10_000)
    assert handled == list(range(200))


def test_a_stopped_workers_late_messages_are_dropped(qtbot) -> None:
    owner = QObject()
    mailbox = Mailbox(owner)
    handled: list[int] = []
    finished: list[bool] = []
    go = threading.Event()
    worker = Counter(1_000_000, go)
    mailbox.connect(worker.item, lambda i, _s: handled.append(i))
    mailbox.connect(worker.finished, lambda: finished.append(True))
    mailbox.start(worker)
    go.set()
    qtbot.waitUntil(lambda: mailbox.pending > 100, timeout=10_000)
    worker.stop(10)
    assert not worker.running and mailbox.pending == 0
    before = len(handled)
    qtbot.wait(100)
    assert len(handled) == before and not finished  # neither its queued items nor its "finished" are delivered
    qtbot.waitUntil(lambda: not mailbox.active, timeout=2_000)
    assert mailbox.pending == 0


def test_the_window_creates_no_qthread_and_its_loader_is_a_python_thread(open_window, case_dir) -> None:
    from PySide6.QtCore import QThread

    window = open_window([case_dir], wait=False)
    loader = window._loader
    assert loader is not None and isinstance(loader.thread, threading.Thread)
    assert not window.findChildren(QThread)
    assert loader.wait(60)


def test_opening_another_case_while_one_loads_drops_the_first_cases_messages(qtbot, open_window, case_dir,
                                                                              tmp_path: Path) -> None:
    from benchmarks.gui_benchmark import make_case_pdf

    other = tmp_path / "other-case"
    other.mkdir()
    make_case_pdf(other / "narrative.pdf", 12, seed=3)
    window = open_window([other], wait=False)  # a case still loading...
    first = window._loader
    assert window.open_case([case_dir])  # ...is left for another
    assert first is not None and not first.running
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    # "done" came from the second case's loader, not the first's late "finished": every document of the second
    # case is detected by then (its loader's thread ends right after it sends "finished")
    assert window.docs and all(d.ready for d in window.docs)
    assert window._loader is not None and window._loader.wait(10)
    assert all(Path(d.source_file).parent == case_dir.resolve() for d in window.docs)


def test_the_event_loop_keeps_turning_through_an_export(qtbot, open_window, case_dir, tmp_path: Path) -> None:
    window = open_window([case_dir])
    with heartbeat() as ticks:
        assert redact_undecided(window) and window.export_to(tmp_path / "out")
        qtbot.waitUntil(lambda: not window.exporting, timeout=120_000)
        qtbot.wait(100)
    assert window.last_export is not None and window.last_export.ok, window.last_export
    gaps = gaps_ms(ticks)
    assert max(gaps) < MAX_GAP_MS, f"event loop stalled for {max(gaps):.0f} ms around the export"


def test_the_windows_export_does_its_pdf_work_in_a_worker_process(qtbot, open_window, case_dir, tmp_path: Path,
                                                                     monkeypatch) -> None:
    """PyMuPDF holds the GIL for each call; the window's export hands redaction, verification and the Vaughn
    index PDF to a process of its own, so they cannot stall the window."""
    from workstation.documents import pdf_work

    dispatched: list[str] = []
    original = pdf_work.PdfWorkProcess.__call__

    def spy(self, fn, /, *args, **kwargs):  # noqa: ANN001, ANN202
        dispatched.append(fn.__name__)
        return original(self, fn, *args, **kwargs)

    monkeypatch.setattr(pdf_work.PdfWorkProcess, "__call__", spy)
    started: list[bool] = []
    monkeypatch.setattr(pdf_work.PdfWorkProcess, "__enter__", lambda self: started.append(True) or self)
    window = open_window([case_dir])
    assert redact_undecided(window) and window.export_to(tmp_path / "out")
    qtbot.waitUntil(lambda: not window.exporting, timeout=120_000)
    assert window.last_export is not None and window.last_export.ok, window.last_export.message
    assert dispatched.count("redact_and_verify_pages") == len(window.docs) and dispatched.count("table_pdf") == 1
    assert started == [True]  # one worker process for the whole export


def test_a_post_while_the_window_reads_the_pipe_still_wakes_it(monkeypatch) -> None:
    """The interleaving that lost wake-ups, made to happen: a worker posts while the window's thread drains."""
    import os
    import select

    from workstation.qt.workers import Waker

    waker = Waker()
    waker.wake()  # a message is waiting: one byte in the pipe
    real_read = os.read
    posted: list[bool] = []

    def read_while_a_worker_posts(fd: int, n: int) -> bytes:
        if not posted:
            posted.append(True)
            waker.wake()  # a worker's message, posted during the read
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", read_while_a_worker_posts)
    waker.drain()
    monkeypatch.undo()
    waker.wake()  # the worker's next message
    readable, _, _ = select.select([waker.read_fd], [], [], 0)
    assert readable, "the window's thread would never be woken again"
    waker.close()


def test_no_wake_up_is_lost_while_the_window_drains_and_a_worker_posts(qtbot) -> None:
    """A worker posting while the window's thread reads the pipe must still wake it for what it posts last."""
    owner = QObject()
    mailbox = Mailbox(owner, budget_s=0.001)  # many short turns: many reads of the pipe while the worker posts
    for _ in range(20):
        done: list[bool] = []
        worker = Counter(20_000)
        mailbox.connect(worker.finished, lambda done=done: done.append(True))
        mailbox.start(worker)
        qtbot.waitUntil(lambda done=done: bool(done), timeout=10_000)
    qtbot.waitUntil(lambda: not mailbox.active, timeout=5_000)

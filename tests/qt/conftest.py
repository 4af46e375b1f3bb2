"""Fixtures that drive the real main window offscreen (QT_QPA_PLATFORM=offscreen, set in tests/conftest.py)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from workstation.paths import SAMPLE_CASE
from workstation.store.case_store import CaseStore

USER = "clerk-tester"


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled sample case."""
    dest = tmp_path / "sample-case"
    shutil.copytree(SAMPLE_CASE, dest)
    return dest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cases.sqlite3"


@pytest.fixture
def store(db_path: Path):
    s = CaseStore(db_path)
    yield s
    s.close()


@pytest.fixture
def open_window(qtbot, engine, store) -> Callable:
    """Open the main window on a case (the session's engine passed in) and wait until detection is done."""
    from workstation.app import build_window

    def _open(paths, *, wait: bool = True, the_store: CaseStore | None = None):
        window = build_window(paths, store=the_store or store, engine=engine, user=USER)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.page_view.setFocus()
        if wait:
            qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
        return window

    return _open


@contextmanager
def heartbeat(interval_ms: int = 10) -> Iterator[list[float]]:
    """The times of the ticks of a 10 ms precise timer while the block runs (they come only while the window's
    event loop turns: a long gap between two is a stall)."""
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        yield ticks
    finally:
        timer.stop()


def gaps_ms(ticks: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]


def redact_undecided(window) -> bool:
    """Redact every finding still pending or deferred, as a reviewer would one by one (the export itself never
    decides in bulk): for tests that are about the export, not the review."""
    s = window.session
    todo = s.pending() + s.deferred()
    if todo:
        from workstation.domain.review import Decision

        assert window._commit(s.decide(todo, Decision.REDACT))
    return True


@pytest.fixture
def users(tmp_path: Path):
    """A clerk, counsel and a supervisor in ``tmp_path/users.json`` (passphrases: ``tests.test_case_cli.PASS``)."""
    from tests.test_case_cli import PASS, make_users
    from workstation.domain.roles import Role, save_users

    d = make_users({"clerk1": Role.CLERK, "counsel1": Role.COUNSEL, "super1": Role.SUPERVISOR}, PASS)
    save_users(tmp_path / "users.json", d)
    return d

"""`workstation` with no arguments opens the window on the sample case; `workstation open PATH...` on a case."""

from __future__ import annotations

import pytest

import workstation.app as app
from workstation.cli import main


@pytest.mark.parametrize(("argv", "expected"), [([], None), (["open", "a", "b.pdf"], ["a", "b.pdf"])])
def test_cli_opens_the_window(monkeypatch: pytest.MonkeyPatch, argv, expected) -> None:
    calls = []
    monkeypatch.setattr(app, "run", lambda paths=None: calls.append(paths) or 0)
    assert main(argv) == 0
    assert calls == [expected]


def test_build_window_defaults_to_the_sample_case(qtbot, engine, tmp_path) -> None:
    from workstation.paths import SAMPLE_CASE
    from workstation.store.case_store import CaseStore

    store = CaseStore(tmp_path / "cases.sqlite3")
    window = app.build_window(store=store, engine=engine, user="u")
    qtbot.addWidget(window)
    assert window.case is not None and window.case.sources == (str(SAMPLE_CASE.resolve()),)
    assert window.engine is engine and window.engine_factory is None  # the engine is passed in, never built here
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    window.close()
    store.close()

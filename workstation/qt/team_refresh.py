"""On the team's shared store, the window shows what others decide while it is open.

Every ``INTERVAL_MS`` the window asks for the case's trail head (one small read); when it moved and a record since
the last look is someone else's, the case's decisions, boxes and allow-list are read again
(``MainWindow.reload_decisions``: the undo history is dropped, it could undo their work) and the status bar says
who changed what. The window's own changes move the head too; those alone reload nothing. On a local file nobody
else writes, so nothing is polled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

INTERVAL_MS = 10_000


class TeamRefresh:
    def __init__(self, window: Any, interval_ms: int = INTERVAL_MS) -> None:
        self.window = window
        self.seen: tuple[str, int] | None = None  # (case id, records seen)
        self.timer = QTimer(window)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def tick(self) -> bool:
        """Look once; True when others' changes were loaded."""
        w = self.window
        if w.case is None or w.detecting or w.exporting:
            return False
        service = w.case_service
        count, _ = service.audit_head_of(w.case.id)
        if self.seen is None or self.seen[0] != w.case.id:
            self.seen = (w.case.id, count)
            return False
        if count == self.seen[1]:
            return False
        others = [r for r in service.audit_records(w.case.id)[self.seen[1]:] if r.actor != w.account.name]
        self.seen = (w.case.id, count)
        if not others or not w.reload_decisions():
            return False
        who = ", ".join(sorted({r.actor for r in others}))
        w.statusBar().showMessage(f"{who} changed {len(others)} item(s) of this case: shown now", 10000)
        return True


def install(window: Any) -> TeamRefresh | None:
    """Poll for others' changes when the window works on the team store (None on a local file)."""
    if window.case_service.store_login is None:
        return None
    refresh = TeamRefresh(window)
    window.team_refresh = refresh
    refresh.start()
    return refresh

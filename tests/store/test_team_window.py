"""Two reviewers on one case of the team store (issue 11): the window shows what the other decided, and its own
changes alone reload nothing."""

from __future__ import annotations

import shutil

from tests.store.pg_cluster import Cluster
from workstation.domain.review import Decision
from workstation.domain.roles import Role, User
from workstation.paths import SAMPLE_CASE


def test_the_window_shows_what_another_reviewer_decided(pg_empty: Cluster, qtbot, engine, tmp_path) -> None:
    from workstation.app import build_window
    from workstation.service import CaseService
    from workstation.store.postgres import PostgresCaseStore

    case_dir = tmp_path / "case"
    shutil.copytree(SAMPLE_CASE, case_dir)
    mine = PostgresCaseStore(pg_empty.conninfo("clerk1"))
    theirs = PostgresCaseStore(pg_empty.conninfo("counsel1"))
    try:
        window = build_window([case_dir], store=mine, engine=engine, user="clerk1")
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
        refresh = window.team_refresh
        refresh.timer.stop()  # the test drives it
        qtbot.waitUntil(lambda: window.case_service.items(window.case.id) != [], timeout=30_000)
        assert refresh.tick() is False  # the first look only notes where the trail is
        s = window.session
        first, second = s.queue()[0], s.queue()[1]
        assert window._commit(s.decide([first], Decision.REDACT))
        assert refresh.tick() is False  # my own change: nothing to reload
        other = CaseService(theirs)
        item = next(i for i in other.items(window.case.id) if i.key.start == second.start
                    and i.key.document == second.document and i.category == second.entity_type)
        other.decide(window.case.id, User("counsel1", Role.COUNSEL), [item.id], "redact")
        assert s.state(second) is None
        assert refresh.tick() is True
        assert s.state(second) is Decision.REDACT and s.state(first) is Decision.REDACT
        assert "counsel1 changed 1 item" in window.statusBar().currentMessage()
        window.close()
    finally:
        mine.close()
        theirs.close()

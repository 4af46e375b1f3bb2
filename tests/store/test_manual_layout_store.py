"""Each manual box keeps the text layout version it was drawn on (``ManualEntry.layout``) in both stores; a schema-4
SQLite store's boxes, and a PostgreSQL store's from before its schema 3, get 0 - not recorded, which on a text-like
document counts as drawn on the old layout (``service.layouts``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg

from tests.store.conftest import Backend
from tests.store.pg_cluster import Cluster
from workstation.domain.model import TEXT_LAYOUT_VERSION
from workstation.domain.review import ManualKind, ReviewSession
from workstation.store import pg_admin
from workstation.store.case_store import SCHEMA_VERSION, CaseStore
from workstation.store.postgres import PostgresCaseStore


def test_a_box_keeps_its_layout_version_in_either_store(backend: Backend) -> None:
    store = backend.open()
    case = store.open_case(["/case"], "case")
    session = ReviewSession({}, "clerk1")
    store.apply(case.id, session.add_manual([("/case/report.txt", 2, (10, 20, 30, 40))], ManualKind.BOX,
                                            "87(2)(b)"), "clerk1")
    [box] = store.manual(case.id)
    assert (box.page, box.layout) == (2, TEXT_LAYOUT_VERSION)
    session.load([], store.manual(case.id), [])
    store.apply(case.id, session.remove_manual(box.id), "clerk1")  # the stored box is the one read: no conflict
    assert store.manual(case.id) == []
    store.close()


def test_a_schema_4_store_gets_the_column_and_its_boxes_count_as_unversioned(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    store = CaseStore(path)
    case = store.open_case(["/case"], "case")
    store.apply(case.id, ReviewSession({}, "clerk1").add_manual([("/case/report.txt", 1, (10, 20, 30, 40))],
                                                                 ManualKind.BOX, "87(2)(b)"), "clerk1")
    store.close()
    db = sqlite3.connect(path)  # as schema 4 left it: no layout column
    db.execute("ALTER TABLE manual_redactions DROP COLUMN layout")
    db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = CaseStore(path)
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "5" == str(
        SCHEMA_VERSION)
    [box] = store.manual(case.id)
    assert box.layout == 0 and box.page == 1
    store.close()


def test_a_postgresql_store_at_schema_2_is_migrated_and_its_boxes_count_as_unversioned(pg_empty: Cluster) -> None:
    store = PostgresCaseStore(pg_empty.conninfo("clerk1"))
    case = store.open_case(["/case"], "case")
    store.apply(case.id, ReviewSession({}, "clerk1").add_manual([("/case/report.txt", 1, (10, 20, 30, 40))],
                                                                 ManualKind.BOX, "87(2)(b)"), "clerk1")
    store.close()
    with psycopg.connect(pg_empty.conninfo(), autocommit=True) as owner:  # as schema 2 left it: no layout column
        owner.execute("ALTER TABLE ws.manual_redactions DROP COLUMN layout")
        owner.execute("UPDATE ws.meta SET value = '2' WHERE key = 'schema_version'")
    assert pg_admin.init_server(pg_empty.conninfo()) == pg_admin.pg_schema.SCHEMA_VERSION == 3
    store = PostgresCaseStore(pg_empty.conninfo("clerk1"))
    [box] = store.manual(case.id)
    assert box.layout == 0 and box.page == 1
    store.apply(case.id, ReviewSession({}, "clerk1").add_manual([("/case/report.txt", 1, (10, 50, 30, 60))],
                                                                 ManualKind.BOX, "87(2)(b)"), "clerk1")
    assert sorted(m.layout for m in store.manual(case.id)) == [0, TEXT_LAYOUT_VERSION]
    store.close()

"""Fixtures: a throw-away PostgreSQL cluster for the session, and a ``backend`` parameter that runs a store test
against SQLite and against PostgreSQL.

The cluster is started the first time a test asks for it and removed at the end. Without PostgreSQL's binaries the
fixture fails (``PostgresMissing``): a test machine must be able to run the shared store's tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.store.pg_cluster import Cluster, start_cluster, wipe


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_empty(pg: Cluster) -> Cluster:
    """The session's cluster with every case table emptied (members stay)."""
    wipe(pg)
    return pg


@dataclass
class Backend:
    """How a test opens the store under test: ``open()`` is a new connection (as ``clerk1`` on PostgreSQL, whose
    login is the actor name the store tests use), ``open_as(login)`` as another member."""

    name: str
    open_as: Callable[[str], Any]

    def open(self) -> Any:
        return self.open_as("clerk1")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":
        from workstation.store.case_store import CaseStore

        return Backend("sqlite", lambda login: CaseStore(tmp_path / "cases.sqlite3"))
    cluster: Cluster = request.getfixturevalue("pg_empty")
    from workstation.store.postgres import PostgresCaseStore

    return Backend("postgresql", lambda login: PostgresCaseStore(cluster.conninfo(login)))

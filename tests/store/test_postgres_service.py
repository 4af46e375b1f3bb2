"""The application service on the shared store: each person's own connection (their PostgreSQL login), the same
commands as on SQLite, and a client that skips the service's checks is still refused by the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.store.pg_cluster import Cluster
from tests.test_case_cli import PASS, REPORT, anchor_of, make_users
from workstation.domain.audit import verify_records
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import PermissionDenied
from workstation.domain.roles import Role, User
from workstation.domain.signing import TrustAnchor
from workstation.service import CaseService
from workstation.service.repository import CaseRepository
from workstation.store.postgres import PostgresCaseStore


@pytest.fixture
def desks(pg_empty: Cluster, engine: Any, tmp_path: Path) -> Any:
    """One service per person, each on its own login; the case scanned by clerk1."""
    from workstation import pipeline
    from workstation.documents.intake import load_case

    users = make_users({"clerk1": Role.CLERK, "counsel1": Role.COUNSEL, "super1": Role.SUPERVISOR}, PASS)
    anchor = TrustAnchor(frozenset({anchor_of(users)}), "test")
    services = {login: CaseService(PostgresCaseStore(pg_empty.conninfo(login)), detector=engine.analyze_many,
                                   users=users, anchor=anchor) for login in ("clerk1", "counsel1", "super1")}
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "report.txt").write_text(REPORT, encoding="utf-8")
    sources = [str(tmp_path / "case")]
    scanned = pipeline.scan(load_case(sources), engine)
    clerk = users.get("clerk1")
    assert clerk is not None
    rec, found = services["clerk1"].create_scanned(sources, "pub", DisclosureContext(RecipientType.PUBLIC), clerk,
                                                   scanned, {})
    assert found > 0
    yield services, rec.id, users
    for service in services.values():
        service.store.close()


def test_a_case_goes_from_desk_to_desk_and_its_trail_verifies(desks: Any) -> None:
    services, case_id, users = desks
    repository: CaseRepository = services["clerk1"].store  # mypy checks the protocol here; isinstance at run time
    assert isinstance(repository, CaseRepository) and isinstance(repository, PostgresCaseStore)
    assert repository.find_case(case_id[:10].upper()) == repository.case(case_id)
    clerk, counsel = users.get("clerk1"), users.get("counsel1")
    services["clerk1"].decide(case_id, clerk, [], "redact", all_pending=True)
    signer = users.unlock("counsel1", PASS["counsel1"])
    services["counsel1"].sign_off(case_id, counsel, "checked", signer=signer)
    assert services["clerk1"].state(case_id).sign_off is not None  # seen from the clerk's desk
    phone = next(i for i in services["clerk1"].items(case_id) if i.category == "PHONE_NUMBER")
    services["clerk1"].decide(case_id, clerk, [phone.id], "release", reason="the complainant asked for it")
    assert services["counsel1"].state(case_id).sign_off is None
    records = services["super1"].store.audit(case_id)
    assert verify_records(records).ok
    assert [r.event for r in records][-2:] == ["decision", "sign-off-voided"]
    assert {(r.actor, r.role) for r in records} == {("clerk1", "clerk"), ("counsel1", "counsel")}


def test_a_clerks_desk_cannot_sign_off_even_when_it_claims_to_be_counsel(desks: Any) -> None:
    """A modified client that hands the service counsel's identity (and counsel's unlocked key) still talks to the
    database as the clerk: the sign-off is refused there, and so is the recorded refusal's claim of identity."""
    services, case_id, users = desks
    counsel = users.get("counsel1")
    services["clerk1"].decide(case_id, users.get("clerk1"), [], "redact", all_pending=True)
    signer = users.unlock("counsel1", PASS["counsel1"])
    with pytest.raises(PermissionDenied):
        services["clerk1"].sign_off(case_id, counsel, "forged", signer=signer)
    assert services["counsel1"].state(case_id).sign_off is None
    records = services["counsel1"].store.audit(case_id)
    assert records[-1].event == "refused" and records[-1].actor == "clerk1"  # not who the client said
    impostor = User("counsel1", Role.COUNSEL)
    phone = next(i for i in services["super1"].items(case_id) if i.category == "PHONE_NUMBER")
    with pytest.raises(PermissionDenied, match="supervisors read and spot-check"):
        services["super1"].decide(case_id, impostor, [phone.id], "release", reason="a supervisor posing as counsel")
    assert next(i for i in services["super1"].items(case_id) if i.id == phone.id).decision == "redact"

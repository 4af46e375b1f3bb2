"""One way in (issue 11 item 1): the window and the command line go through the same application service, under
the same rules, and every refusal from either door is recorded in the case's trail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import workstation.cli as cli
from tests.test_case_cli import PASS, REPORT, anchor_of, make_users
from workstation.domain.errors import PermissionDenied, PolicyViolation
from workstation.domain.review import Action, Change, Decision, DecisionRecord, release_reason_problem
from workstation.domain.roles import Role, save_users
from workstation.domain.signing import TrustAnchor
from workstation.service import CaseService
from workstation.service.repository import CaseRepository, open_repository
from workstation.store.case_store import CaseStore


def test_the_sqlite_store_is_a_case_repository(tmp_path: Path) -> None:
    store: CaseRepository = CaseStore(":memory:")  # mypy checks the protocol here; isinstance at run time
    assert isinstance(store, CaseRepository)
    opened = open_repository(tmp_path / "cases.sqlite3")
    assert isinstance(opened, CaseStore) and opened.path == tmp_path / "cases.sqlite3"
    opened.close()


@pytest.fixture
def case(tmp_path: Path, engine, monkeypatch) -> Iterator[tuple[CaseService, str, dict]]:
    users = make_users({"clerk1": Role.CLERK, "counsel1": Role.COUNSEL, "super1": Role.SUPERVISOR}, PASS)
    save_users(tmp_path / "users.json", users)
    db = tmp_path / "cases.sqlite3"
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["clerk1"])
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "report.txt").write_text(REPORT, encoding="utf-8")
    assert cli.main(["case", "new", str(tmp_path / "case"), "--name", "pub", "--recipient", "public",
                     "--user", "clerk1", "--db", str(db)]) == 0
    store = CaseStore(db)
    service = CaseService(store, detector=engine.analyze_many, users=users,
                          anchor=TrustAnchor(frozenset({anchor_of(users)}), "test"))
    yield service, service.lookup("pub").id, {u: users.get(u) for u in ("clerk1", "counsel1", "super1")}
    store.close()


def _release(service: CaseService, case_id: str, category: str, reason: str, user_name: str = "clerk1") -> Action:
    item = next(i for i in service.items(case_id) if i.category == category)
    return Action("release 1 finding", (Change(item.record, DecisionRecord(item.key, Decision.RELEASE, "", reason,
                                                                           user_name, "2026-12-07T00:00:00Z")),))


@pytest.mark.parametrize("reason, allowed", [
    ("ok", False), ("n/a", False), ("   x      ", False),
    ("Requester is the subject of the record", True)])
def test_the_window_and_the_cli_apply_one_release_rule(case, reason, allowed) -> None:
    """A protected release needs the same written reason through ``case decide`` and through the window's path
    (``apply_action``): before, the window took any non-empty reason and the CLI ten characters."""
    service, case_id, users = case
    clerk = users["clerk1"]
    address = next(i for i in service.items(case_id) if i.category == "ADDRESS")
    assert (release_reason_problem("ADDRESS", reason) is None) is allowed
    window_door = _release(service, case_id, "ADDRESS", reason)
    if allowed:
        service.apply_action(case_id, clerk, window_door)
        service.decide(case_id, clerk, [address.id], "release", reason=reason)
        assert next(i for i in service.items(case_id) if i.id == address.id).decision == "release"
        return
    with pytest.raises(PolicyViolation, match="written reason"):
        service.apply_action(case_id, clerk, window_door)
    with pytest.raises(PolicyViolation, match="written reason"):
        service.decide(case_id, clerk, [address.id], "release", reason=reason)
    refused = [r for r in service.audit_records(case_id) if r.event == "refused"]
    assert [r.details["action"] for r in refused[-2:]] == ["decide (window)", "decide release"]
    assert all(reason.strip() not in r.details["reason"] or not reason.strip() for r in refused[-2:])


def test_a_supervisor_cannot_decide_through_either_door_and_both_refusals_are_recorded(case) -> None:
    service, case_id, users = case
    supervisor = users["super1"]
    before = len(service.audit_records(case_id))
    with pytest.raises(PermissionDenied):
        service.apply_action(case_id, supervisor, _release(service, case_id, "PHONE_NUMBER", "", "super1"))
    phone = next(i for i in service.items(case_id) if i.category == "PHONE_NUMBER")
    with pytest.raises(PermissionDenied):
        service.decide(case_id, supervisor, [phone.id], "release")
    records = service.audit_records(case_id)[before:]
    assert [(r.event, r.actor, r.details["action"]) for r in records] == [
        ("refused", "super1", "decide (window)"), ("refused", "super1", "decide release")]
    assert phone.decision == next(i for i in service.items(case_id) if i.id == phone.id).decision


def test_a_window_decision_voids_a_sign_off_like_a_cli_decision(case) -> None:
    service, case_id, users = case
    clerk, counsel = users["clerk1"], users["counsel1"]
    service.decide(case_id, clerk, [], "redact", all_pending=True)
    signer = service.users.unlock("counsel1", PASS["counsel1"])
    service.sign_off(case_id, counsel, "checked", signer=signer)
    assert service.state(case_id).sign_off is not None
    service.apply_action(case_id, clerk, _release(service, case_id, "PHONE_NUMBER", ""))
    assert service.state(case_id).sign_off is None
    assert service.audit_records(case_id)[-1].event == "sign-off-voided"


def test_a_worker_thread_gets_its_own_connection(case) -> None:
    service, case_id, _ = case
    assert service.shareable
    with service.on_own_connection() as own:
        assert own.store is not service.store and own.items(case_id) == service.items(case_id)

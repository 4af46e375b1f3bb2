"""The rules behind issue 13's window, at the service (the one place they live): reasons for "not personal
information" on protected categories, what a release still needs said when it is made, export blockers with what
fixes them, counsel's queue, a stale change recognised without importing the store. (Here beside the window's tests
because they are what the window shows.)"""

from __future__ import annotations

import pytest

from tests.qt.test_signoff import case  # noqa: F401 - a fixture (users: tests/qt/conftest.py)
from workstation.domain.case import Fix
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import CaseStateError, PolicyViolation
from workstation.domain.review import Action, Change, Decision, DecisionRecord, decision_reason_problem
from workstation.service.review import is_stale_change


def _record(item, decision: Decision, reason: str = "") -> Action:
    return Action("t", (Change(item.record, DecisionRecord(item.key, decision, "", reason, "clerk1", "now")),))


def test_not_pi_of_a_protected_category_needs_a_reason_at_the_service(case, users):  # noqa: F811
    service, cid = case
    clerk = users.get("clerk1")
    service.set_context(cid, clerk, DisclosureContext(RecipientType.PUBLIC))
    address = next(i for i in service.items(cid) if i.category == "ADDRESS")
    with pytest.raises(PolicyViolation, match="not personal information needs a written reason"):
        service.apply_action(cid, clerk, _record(address, Decision.NOT_PI, "ok"))
    assert decision_reason_problem(Decision.NOT_PI, "PERSON", "") is None
    notes = service.apply_action(cid, clerk, _record(address, Decision.NOT_PI, "A shelter's office address"))
    assert any("privacy officer" in n for n in notes) and any("counsel's sign-off" in n for n in notes)
    [entry] = [e for e in service.counsel_queue(cid) if e.item.key == address.key]
    assert entry.why == "not personal information (protected)" and entry.reason == "A shelter's office address"


def test_a_plain_release_needs_nothing_more_and_a_locked_one_is_refused_when_made(case, users):  # noqa: F811
    service, cid = case  # federal immigration: the sanctuary categories are locked
    clerk = users.get("clerk1")
    phone = next(i for i in service.items(cid) if i.category == "PHONE_NUMBER")
    assert service.apply_action(cid, clerk, _record(phone, Decision.RELEASE)) == []
    status = next(i for i in service.items(cid) if i.category == "IMMIGRATION_STATUS")
    with pytest.raises(Exception, match="override"):
        service.apply_action(cid, clerk, _record(status, Decision.RELEASE, "Requester is the subject of the record"))


def test_export_blockers_say_what_fixes_each_and_are_the_export_problems(case, users):  # noqa: F811
    service, cid = case
    clerk = users.get("clerk1")
    address = next(i for i in service.items(cid) if i.category == "ADDRESS")
    service.decide(cid, clerk, [address.id], "defer")
    pre = service.preflight(cid)
    assert pre.name == "imm" and not pre.ready and pre.deferred == 1
    fixes = {b.fix for b in pre.blockers}
    assert Fix.ITEMS in fixes and Fix.SIGN_OFF in fixes
    [pending] = [b for b in pre.blockers if b.fix is Fix.ITEMS]
    assert [i.category for i in pending.items] == ["ADDRESS"]
    assert [b.message for b in pre.blockers] == service.signoff_summary(cid)["problems"]
    assert [e.why for e in service.counsel_queue(cid)] == ["deferred"]


def test_a_stale_change_is_the_domains_error_both_stores_raise():
    from workstation.domain.errors import StaleChangeError
    from workstation.store.conflicts import stale

    assert is_stale_change(stale("this finding", "clerk-2", "now"))
    assert is_stale_change(StaleChangeError("this finding was changed by clerk-2"))
    assert not is_stale_change(CaseStateError("cannot submit"))

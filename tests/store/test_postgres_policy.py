"""The recipients' hard rules enforced by the team store itself (``pg_policy``): a client that skips the
application's checks still cannot release a locked category without counsel's override, nor record an export
without the sign-off the policy asks for - each attempt as a clerk's own connection."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.store.pg_cluster import Cluster
from tests.store.test_case_store import session
from tests.store.test_postgres_roles import ROWS, _signed, _store
from workstation.domain.case import Case
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import PermissionDenied
from workstation.domain.policy_engine import Override, item_id
from workstation.domain.review import Action, AllowEntry, Change, Decision
from workstation.domain.roles import Role


def _case(pg: Cluster, recipient: RecipientType = RecipientType.FEDERAL_IMMIGRATION) -> tuple[str, Case]:
    with _store(pg, "clerk1") as clerk:
        rec = clerk.open_case(["/case"], "case")
        state = Case(rec.id, DisclosureContext(recipient))
        clerk.save_state(rec.id, state, "clerk1", "clerk", [("case-opened", {"case_id": rec.id})])
        clerk.save_scan(rec.id, [("/case/report.pdf", "ab" * 32, 1), ("/case/mail.eml", "cd" * 32, 1)], ROWS,
                        "clerk1", "clerk", {"case_id": rec.id, "findings": len(ROWS)})
        return rec.id, state


def _release(finding_index: int, decision: Decision = Decision.RELEASE) -> Action:
    s = session()
    f = s.queue()[finding_index]
    return s.decide([f], decision, reason="The requester is the subject of the record") \
        if decision is Decision.RELEASE else s.decide([f], decision)


def _nationality() -> int:
    return next(i for i, f in enumerate(session().queue()) if f.entity_type == "NATIONALITY")


def _person() -> int:
    return next(i for i, f in enumerate(session().queue()) if f.entity_type == "PERSON")


def test_a_locked_category_is_not_released_without_counsels_override(pg_empty: Cluster) -> None:
    cid, _ = _case(pg_empty)
    with _store(pg_empty, "clerk1") as clerk:
        before = len(clerk.audit(cid))
        with pytest.raises(PermissionDenied, match="NATIONALITY .*needs counsel's override"):
            clerk.apply(cid, _release(_nationality()), "clerk1")
        nat = session().queue()[_nationality()]
        with pytest.raises(PermissionDenied, match="not personal information releases NATIONALITY"):
            clerk.apply(cid, Action("not PI", (Change(None, AllowEntry(nat.allow_digest, "clerk1", "now")),)),
                        "clerk1")
        assert clerk.decisions(cid) == [] and clerk.allow_list(cid) == [] and len(clerk.audit(cid)) == before
        clerk.apply(cid, _release(_person()), "clerk1")  # a name is not locked for this recipient
        assert [d.decision for d in clerk.decisions(cid)] == [Decision.RELEASE]


def test_counsels_override_opens_exactly_its_item(pg_empty: Cluster) -> None:
    cid, state = _case(pg_empty)
    nat = session().queue()[_nationality()]
    item = item_id(nat.document, nat.page, nat.start, nat.end, nat.entity_type, nat.text_digest)
    with _store(pg_empty, "counsel1") as counsel:
        counsel.save_override(cid, Override(item, "NATIONALITY", "counsel1", Role.COUNSEL, "judicial warrant 24-MJ-1",
                                            at="now"), state, "counsel", {"case_id": cid, "item": "x"})
        counsel.apply(cid, _release(_nationality()), "counsel1")
        assert [d.decision for d in counsel.decisions(cid) if d.key.category == "NATIONALITY"] == [Decision.RELEASE]


def test_an_export_needs_the_sign_off_and_no_locked_release(pg_empty: Cluster) -> None:
    cid, state = _case(pg_empty)
    with _store(pg_empty, "clerk1") as clerk:
        with pytest.raises(PermissionDenied, match="needs counsel's sign-off"):
            clerk.record_export(cid, "clerk1", "/out", True, "verified", "clerk", {"a.pdf": "0" * 64},
                                "federal-immigration")
        # the recipient changed to one that locks nothing, a nationality released, the recipient changed back
        internal = replace(state, context=DisclosureContext(RecipientType.INTERNAL))
        clerk.save_state(cid, internal, "clerk1", "clerk", [("context-changed", {"case_id": cid})])
        clerk.apply(cid, _release(_nationality()), "clerk1")
        clerk.save_state(cid, state, "clerk1", "clerk", [("context-changed", {"case_id": cid})])
    with _store(pg_empty, "counsel1") as counsel:
        counsel.save_state(cid, _signed(state), "counsel1", "counsel", [("sign-off", {"case_id": cid})])
    with _store(pg_empty, "clerk1") as clerk:
        with pytest.raises(PermissionDenied, match="NATIONALITY is released to recipient federal-immigration"):
            clerk.record_export(cid, "clerk1", "/out", True, "verified", "clerk", {"a.pdf": "0" * 64},
                                "federal-immigration")
        # a failed export is recorded whatever the rules (it released nothing)
        clerk.record_export(cid, "clerk1", "/out", False, "refused", "clerk", {}, "federal-immigration")
        assert clerk.audit(cid)[-1].details["verified"] is False

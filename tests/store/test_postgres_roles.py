"""The shared store enforces the roles itself: what a clerk's own PostgreSQL connection cannot do (issue 11's
attacks, each one refused), what counsel and a supervisor can, and a chain written by the database that
``audit.verify_records`` checks unchanged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import psycopg
import pytest

from tests.store.conftest import Backend
from tests.store.pg_cluster import Cluster
from tests.store.test_case_store import findings, session
from workstation.domain.audit import verify_records
from workstation.domain.case import Case, CaseState, SignOff
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import CaseStateError, PermissionDenied, SensitiveDataError, UsageError
from workstation.domain.policy_engine import Override
from workstation.domain.review import Action, Change, Decision, DecisionRecord, ManualKind
from workstation.domain.roles import Role
from workstation.store.conflicts import StaleChangeError
from workstation.store.postgres import PostgresCaseStore

ROWS = [(f.document, f.page, f.start, f.end, f.entity_type, f.text_digest, f.score, f.recognizer, f.allow_digest)
        for f in findings()]


def _store(pg: Cluster, login: str) -> PostgresCaseStore:
    return PostgresCaseStore(pg.conninfo(login))


def _raw(pg: Cluster, login: str) -> Any:
    return psycopg.connect(pg.conninfo(login), autocommit=True)


def _prepared(pg: Cluster) -> tuple[str, Case]:
    """A case opened, scanned and fully decided by clerk1, its state in review."""
    with _store(pg, "clerk1") as clerk:
        rec = clerk.open_case(["/case"], "case")
        state = Case(rec.id, DisclosureContext(RecipientType.PUBLIC))
        clerk.save_state(rec.id, state, "clerk1", "clerk", [("case-opened", {"case_id": rec.id})])
        clerk.save_scan(rec.id, [("/case/report.pdf", "ab" * 32, 1), ("/case/mail.eml", "cd" * 32, 1)], ROWS,
                        "clerk1", "clerk", {"case_id": rec.id, "findings": len(ROWS), "score_floor": 0.35},
                        labels={"/case/report.pdf": "report", "/case/mail.eml": "mail"})
        s = session()
        clerk.apply(rec.id, s.decide(s.queue(), Decision.REDACT), "clerk1")
        return rec.id, state


def _signed(case: Case, actor: str = "counsel1") -> Case:
    return replace(case, state=CaseState.SIGNED_OFF, sign_off=SignOff(actor, "2026-12-07T06:00:00Z", "f" * 64))


# ----- the attacks of issue 11, each as a clerk's own connection

@pytest.mark.parametrize("sql", [
    "INSERT INTO ws.signoffs (case_id, actor, at, digest, note) VALUES ('{cid}', 'counsel1', 'now', 'x', '')",
    "INSERT INTO ws.overrides VALUES ('{cid}', 'item', '{{}}')",
    "UPDATE ws.decisions SET decision = 'release'",
    "DELETE FROM ws.decisions",
    "UPDATE ws.case_states SET data = data",
    "UPDATE ws.audit_chain SET record = record",
    "DELETE FROM ws.audit_chain",
    "INSERT INTO ws.audit_chain VALUES ('{cid}', 99, '{{}}')",
    "UPDATE ws.audit_heads SET seq = 1",  # re-chaining needs the head too
    "DELETE FROM ws.audit_heads",
    "SELECT * FROM ws.case_secrets",
    "SELECT * FROM ws.decisions",
    "SELECT * FROM ws.members",
    "UPDATE ws.members SET role = 'counsel'",
    "SELECT ws._append('{cid}', 'sign-off', '{{}}'::json)",
    "SELECT ws._put_state('{cid}', NULL, '{{}}'::jsonb)",
    "CREATE ROLE intruder LOGIN",
    "CREATE TEMP TABLE t (x int)",
    "CREATE TABLE public.t (x int)",
    "CREATE FUNCTION ws.evil() RETURNS int LANGUAGE sql AS 'SELECT 1'",
])
def test_a_clerk_cannot_touch_the_tables_or_the_chain(pg_empty: Cluster, sql: str) -> None:
    cid, _ = _prepared(pg_empty)
    before = _store(pg_empty, "counsel1").audit(cid)
    with _raw(pg_empty, "clerk1") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql.format(cid=cid))
    after = _store(pg_empty, "counsel1").audit(cid)
    assert after == before and verify_records(after).ok


def test_a_clerk_cannot_sign_off_override_or_forge_a_sign_off(pg_empty: Cluster) -> None:
    cid, state = _prepared(pg_empty)
    clerk = _store(pg_empty, "clerk1")
    override = Override("item", "IMMIGRATION_STATUS", "clerk1", Role.COUNSEL, "warrant 123", at="now")
    with pytest.raises(PermissionDenied, match="may not override"):
        clerk.save_override(cid, override, state, "counsel", {"case_id": cid})
    with pytest.raises(PermissionDenied, match="only counsel may sign off"):  # a forged sign-off in the state
        clerk.save_state(cid, _signed(state), "counsel1", "counsel", [("sign-off", {"case_id": cid})])
    with pytest.raises(PermissionDenied, match="only counsel"):
        clerk.save_state(cid, _signed(state, "clerk1"), "clerk1", "clerk")
    with pytest.raises(CaseStateError):  # signed-off without a sign-off
        clerk.save_state(cid, replace(state, state=CaseState.SIGNED_OFF), "clerk1", "clerk")
    ready = replace(state, state=CaseState.READY_FOR_SIGN_OFF)
    clerk.save_state(cid, ready, "clerk1", "clerk", [("submitted", {"case_id": cid})])  # a clerk may submit
    with pytest.raises(PermissionDenied, match="may not return"):
        clerk.save_state(cid, state, "clerk1", "clerk", [("returned", {"case_id": cid, "reason": "x"})])
    for event in ("sign-off", "override", "decision", "export", "sign-off-voided", "member-added"):
        with pytest.raises(PermissionDenied, match="written by the change"):
            clerk.append_event(cid, "counsel1", "counsel", event, {"case_id": cid})
    with pytest.raises(CaseStateError, match="does not go with"):  # an event that names a change not made
        clerk.save_state(cid, ready, "clerk1", "clerk", [("sign-off", {"case_id": cid})])
    assert clerk.signoffs(cid) == [] and clerk.overrides(cid) == {}
    assert clerk.case_state(cid) == ready
    records = clerk.audit(cid)
    assert verify_records(records).ok and {r.actor for r in records} == {"clerk1"}
    clerk.close()


def test_counsels_sign_off_and_override_work_and_the_chain_verifies(pg_empty: Cluster) -> None:
    cid, state = _prepared(pg_empty)
    counsel = _store(pg_empty, "counsel1")
    item = counsel.findings(cid)[1][0]
    decided = {d.key: d for d in counsel.decisions(cid)}[item]
    override = Override("item-1", item.category, "counsel1", Role.COUNSEL, "judicial warrant 24-MJ-1", at="now")
    with pytest.raises(PermissionDenied, match="own login and role"):
        counsel.save_override(cid, replace(override, role=Role.ADMINISTRATOR), state, "counsel", {"case_id": cid})
    record = counsel.save_override(cid, override, state, "administrator", {"case_id": cid, "item": "item-1"})
    assert (record.actor, record.role, record.event) == ("counsel1", "counsel", "override")  # not the arguments'
    release = DecisionRecord(item, Decision.RELEASE, "", "judicial warrant 24-MJ-1", "counsel1", "now")
    counsel.apply(cid, Action("release under override", (Change(decided, release),)), "counsel1")
    signed = _signed(state)
    counsel.save_state(cid, signed, "counsel1", "counsel", [("submitted", {"case_id": cid}),
                                                           ("sign-off", {"case_id": cid, "digest": "f" * 64})])
    assert counsel.case_state(cid) == signed
    assert counsel.signoffs(cid) == [signed.sign_off]
    assert set(counsel.overrides(cid)) == {"item-1"}
    clerk = _store(pg_empty, "clerk1")
    with pytest.raises(CaseStateError, match="voids its sign-off"):  # a change must void the sign-off
        clerk.apply(cid, session().decide([session().queue()[0]], Decision.RELEASE, reason="released for test"),
                    "clerk1")
    exported = replace(signed, state=CaseState.EXPORTED)
    clerk.record_export(cid, "clerk1", "out", True, "ok", outputs={"a.pdf": "0" * 64}, case=exported,
                        extra={"policy_sha256": "1" * 64})
    with pytest.raises(CaseStateError):
        clerk.save_state(cid, replace(exported, context=DisclosureContext(RecipientType.FEDERAL_IMMIGRATION)),
                         "clerk1", "clerk")
    voided = replace(exported, state=CaseState.IN_REVIEW, sign_off=None, voided_sign_off=signed.sign_off,
                     note="sign-off void")
    clerk.save_state(cid, voided, "clerk1", "clerk", [("sign-off-voided", {"case_id": cid})])
    records = clerk.audit(cid)
    result = verify_records(records)
    assert result.ok, result.reason
    lines = clerk.audit_lines(cid)  # every record stored as Python's canonical JSON of itself
    assert [r.to_json() for r in records] == lines
    assert clerk.audit_head(cid) == (len(records), result.head)
    assert [r.event for r in records][-4:] == ["submitted", "sign-off", "export", "sign-off-voided"]
    assert {(r.actor, r.role) for r in records} == {("clerk1", "clerk"), ("counsel1", "counsel")}
    export = next(r for r in records if r.event == "export")
    assert export.details["audit_head"] == records[export.seq - 2].hash
    clerk.close()
    counsel.close()


def test_a_sign_off_is_given_under_ones_own_login(pg_empty: Cluster) -> None:
    cid, state = _prepared(pg_empty)
    with _store(pg_empty, "counsel1") as counsel, pytest.raises(PermissionDenied, match="own login"):
        counsel.save_state(cid, _signed(state, "counsel2"), "counsel2", "counsel")


def test_supervisors_spot_check_but_do_not_decide_and_administrators_do_not_read(pg_empty: Cluster) -> None:
    cid, state = _prepared(pg_empty)
    supervisor = _store(pg_empty, "super1")
    s = session()
    with pytest.raises(PermissionDenied, match="supervisors read and spot-check"):
        supervisor.apply(cid, s.decide([s.queue()[0]], Decision.RELEASE, reason="released for the test"), "super1")
    with pytest.raises(PermissionDenied):
        supervisor.save_state(cid, state, "super1", "supervisor")
    sid = supervisor.save_spot_check(cid, 0.5, "seed", ["a", "b"], "super1", "supervisor", {"case_id": cid})
    supervisor.record_verdict(cid, sid, "a", True, "", "super1", "supervisor", {"case_id": cid, "item": "a"})
    with pytest.raises(CaseStateError, match="not in the open spot-check"):  # a verdict on an item not sampled
        supervisor.record_verdict(cid, sid, "z", False, "", "super1", "supervisor", {"case_id": cid})
    assert supervisor.open_spot_check(cid) == (sid, 0.5, "seed", ["a", "b"])
    assert supervisor.verdicts(sid)["a"][:1] == (True,)
    with _store(pg_empty, "clerk1") as clerk, pytest.raises(PermissionDenied):
        clerk.save_spot_check(cid, 0.5, "seed", ["a"], "clerk1", "clerk", {"case_id": cid})
    with _store(pg_empty, "admin1") as admin:
        with pytest.raises(PermissionDenied, match="administrators manage users"):
            admin.decisions(cid)
        with pytest.raises(PermissionDenied):
            admin.text_key(cid)
    assert verify_records(supervisor.audit(cid)).ok
    supervisor.close()


def test_audit_details_naming_text_are_refused_by_the_database_too(pg_empty: Cluster) -> None:
    cid, _ = _prepared(pg_empty)
    with _raw(pg_empty, "clerk1") as conn:
        for key in ("text", "matchedText", "old_value", "HTMLContent"):
            with pytest.raises(psycopg.Error, match="names sensitive text"):
                conn.execute("SELECT ws.append_event(%s, 'refused', %s::json)", (cid, f'{{"{key}": "x"}}'))
        conn.execute("SELECT ws.append_event(%s, 'refused', %s::json)", (cid, '{"text_sha256": "00", "name": "x"}'))
    with _store(pg_empty, "clerk1") as clerk:
        with pytest.raises(SensitiveDataError):
            clerk.append_event(cid, "clerk1", "clerk", "refused", {"snippet": "Maria"})
        with pytest.raises(UsageError, match="refused the data"):  # PostgreSQL text cannot hold U+0000
            clerk.append_event(cid, "clerk1", "clerk", "refused", {"reason": "a\x00b"})


def test_the_secret_is_readable_through_the_function_only(pg_empty: Cluster) -> None:
    cid, _ = _prepared(pg_empty)
    with _store(pg_empty, "clerk1") as clerk, _store(pg_empty, "super1") as supervisor:
        assert len(clerk.text_key(cid)) == 32 and clerk.text_key(cid) == supervisor.text_key(cid)


# ----- no lost update, on both stores

def test_a_decision_on_a_finding_changed_since_it_was_read_is_refused(backend: Backend) -> None:
    first, second = backend.open(), backend.open_as("counsel1")
    case = first.open_case(["/case"], "case")
    s1, s2 = session(), session()  # two reviewers who read the case when nothing was decided
    f = s1.queue()[0]
    first.apply(case.id, s1.decide([f], Decision.REDACT), "clerk1")
    with pytest.raises(StaleChangeError, match="changed by clerk1 at .* since you read it; reload"):
        second.apply(case.id, s2.decide([f], Decision.RELEASE, reason="subject consents"), "counsel1")
    assert [d.decision for d in second.decisions(case.id)] == [Decision.REDACT]
    reread = session()
    reread.load(second.decisions(case.id), second.manual(case.id), second.allow_list(case.id))
    second.apply(case.id, reread.decide([f], Decision.RELEASE, reason="subject consents"), "counsel1")
    undo = s1.decide([f], Decision.DEFER)  # the first reviewer's view is stale now
    with pytest.raises(StaleChangeError):
        first.apply(case.id, undo, "clerk1")
    box = s1.add_manual([("/case/report.pdf", 1, (1, 2, 3, 4))], ManualKind.BOX, "87(2)(b)")
    first.apply(case.id, box, "clerk1")
    with pytest.raises(StaleChangeError):
        second.apply(case.id, box, "counsel1")  # the same box again: it exists already
    assert verify_records(first.audit(case.id)).ok
    first.close()
    second.close()


def test_two_desks_deciding_the_same_finding_at_once_never_lose_an_update(pg_empty: Cluster) -> None:
    """Each write locks its case's row: of two reviewers racing on one finding, one wins and the other is told."""
    import threading

    with _store(pg_empty, "clerk1") as clerk:
        case_id = clerk.open_case(["/case"], "case").id
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def decide(login: str, decision: Decision) -> None:
        s = session()
        action = s.decide([s.queue()[0]], decision, reason="decided in a race")
        with _store(pg_empty, login) as store:
            barrier.wait()
            try:
                store.apply(case_id, action, login)
                outcomes.append(f"{login} won")
            except StaleChangeError:
                outcomes.append(f"{login} told")

    threads = [threading.Thread(target=decide, args=(login, decision))
               for login, decision in (("clerk1", Decision.REDACT), ("counsel1", Decision.RELEASE))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(o.split()[1] for o in outcomes) == ["told", "won"]
    with _store(pg_empty, "super1") as supervisor:
        decided = supervisor.decisions(case_id)
        records = supervisor.audit(case_id)
    winner = next(o.split()[0] for o in outcomes if o.endswith("won"))
    assert [d.user for d in decided] == [winner] and [r.actor for r in records] == [winner]
    assert verify_records(records).ok


def test_a_refusal_inside_a_transaction_leaves_it_usable_as_on_sqlite(pg_empty: Cluster) -> None:
    """The service records a refusal in the trail inside the transaction the refused call was part of."""
    cid, state = _prepared(pg_empty)
    with _store(pg_empty, "clerk1") as clerk:
        with clerk.transaction():
            with pytest.raises(PermissionDenied):
                clerk.save_state(cid, _signed(state), "clerk1", "clerk")
            clerk.append_event(cid, "clerk1", "clerk", "refused", {"case_id": cid, "action": "sign-off"})
        assert clerk.audit(cid)[-1].event == "refused" and clerk.case_state(cid) == state

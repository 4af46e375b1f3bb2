"""The case state machine: submit, sign-off, return, voiding, and the export gate."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workstation.domain import categories as cat
from workstation.domain.case import Case, CaseItem, CaseState, decisions_digest
from workstation.domain.disclosure import (
    DisclosureClass,
    DisclosureContext,
    LegalBasis,
    LegalBasisKind,
    RecipientType,
)
from workstation.domain.errors import CaseStateError, ExportRefused, PermissionDenied, WorkstationError
from workstation.domain.policy_engine import PolicyEngine, item_id
from workstation.domain.roles import Role

R = RecipientType
S = CaseState
WARRANT = LegalBasis(LegalBasisKind.JUDICIAL_WARRANT, "SDNY 26-MJ-01234")
SUBPOENA = LegalBasis(LegalBasisKind.SUBPOENA, "Index 451234/2026")
REASON = "The warrant orders production of this person's address."
NO_BASIS = LegalBasis()


def item(n: int, category: str, decision: str | None = "redact", override=None) -> CaseItem:
    return CaseItem(item_id("report.pdf", n, 0, 5, category, f"{n:064x}"), "report.pdf", n, category, decision,
                    override)


def new_case(recipient: RecipientType, basis: LegalBasis = NO_BASIS, **kw) -> Case:
    return Case("26-115", DisclosureContext(recipient, basis, **kw))


def signed(case: Case, items, engine: PolicyEngine, users) -> Case:
    case = case.submit(users[Role.CLERK], items, engine)
    return case.sign_off_by(users[Role.COUNSEL], items, engine, "2026-05-01T10:00:00Z")


def test_happy_path_federal_immigration_with_warrant_override(engine, users) -> None:
    case = new_case(R.FEDERAL_IMMIGRATION, WARRANT, disclosure_class=DisclosureClass.PRIVACY_OFFICER_APPROVED,
                    approval_reference="CPO-2026-7")
    counsel, clerk = users[Role.COUNSEL], users[Role.CLERK]
    addr = item(1, cat.ADDRESS, "release")
    ov = engine.make_override(case.context, counsel, addr.item, cat.ADDRESS, REASON, WARRANT, "t")
    items = [replace(addr, override=ov), item(2, cat.NATIONALITY), item(3, cat.PERSON)]
    with pytest.raises(ExportRefused, match="not signed off"):
        case.check_export(clerk, items, engine)
    case = case.submit(clerk, items, engine)
    assert case.state is S.READY_FOR_SIGN_OFF
    with pytest.raises(ExportRefused, match="not signed off"):
        case.check_export(clerk, items, engine)
    case = case.sign_off_by(counsel, items, engine, "2026-05-01T10:00:00Z", "checked warrant")
    assert case.state is S.SIGNED_OFF and case.sign_off and case.sign_off.actor == counsel.name
    case.check_export(clerk, items, engine)
    case = case.exported(clerk, items, engine)
    assert case.state is S.EXPORTED
    case.check_export(clerk, items, engine)  # re-export of the unchanged, signed-off case
    assert [i.category for i in case.released(items, engine)] == [cat.ADDRESS]


def test_public_case_fully_redacted_exports_without_signoff(engine, users) -> None:
    case = new_case(R.PUBLIC)
    items = [item(1, cat.ADDRESS), item(2, cat.PERSON), item(3, cat.PERSON, None)]  # a pending PERSON: default
    assert case.export_problems(items, engine) == []
    assert case.exported(users[Role.CLERK], items, engine).state is S.EXPORTED


@pytest.mark.parametrize("recipient", [R.FEDERAL_IMMIGRATION, R.FEDERAL_LAW_ENFORCEMENT, R.COURT])
def test_signoff_required_by_recipient_even_when_all_redacted(engine, users, recipient) -> None:
    basis = SUBPOENA if recipient is R.COURT else LegalBasis()
    case = new_case(recipient, basis)
    items = [item(1, cat.ADDRESS), item(2, cat.PERSON)]
    problems = case.export_problems(items, engine)
    assert problems == [f"not signed off: disclosures to recipient '{recipient.value}' need counsel's sign-off"]
    case = signed(case, items, engine, users)
    assert case.export_problems(items, engine) == []


@pytest.mark.parametrize("recipient", [R.PUBLIC, R.CITY_AGENCY, R.INTERNAL])
@pytest.mark.parametrize("category", cat.PROTECTED)
def test_protected_release_needs_signoff(engine, users, recipient, category) -> None:
    case = new_case(recipient, disclosure_class=DisclosureClass.PRIVACY_OFFICER_APPROVED,
                    approval_reference="CPO-2026-7")
    items = [item(1, category, "release"), item(2, cat.PERSON, "redact")]
    with pytest.raises(ExportRefused) as exc:
        case.check_export(users[Role.CLERK], items, engine)
    assert "not signed off" in str(exc.value) and category in str(exc.value)
    assert exc.value.exit_code == 4 and "\n" not in str(exc.value)
    case = signed(case, items, engine, users)
    case.check_export(users[Role.CLERK], items, engine)


@pytest.mark.parametrize(("decision", "message"), [(None, "protected items still pending"),
                                                   ("defer", "protected items still pending")])
def test_export_blocked_while_protected_items_pending(engine, users, decision, message) -> None:
    case = new_case(R.PUBLIC)
    items = [item(1, cat.IMMIGRATION_STATUS, decision), item(2, cat.ADDRESS, decision), item(3, cat.PERSON)]
    with pytest.raises(ExportRefused) as exc:
        case.check_export(users[Role.CLERK], items, engine)
    assert message in str(exc.value)
    assert "2 items (ADDRESS, IMMIGRATION_STATUS), first: report.pdf p.1" in str(exc.value)


def test_export_blocked_while_review_items_pending(engine, users) -> None:
    case = new_case(R.CITY_AGENCY)
    items = [item(1, cat.PERSON, None), item(2, cat.PHONE_NUMBER, None), item(3, cat.US_SSN, None)]
    problems = case.export_problems(items, engine)
    assert problems == ["items still pending review: 2 items (PERSON, PHONE_NUMBER), first: report.pdf p.1"]


@pytest.mark.parametrize("category", [cat.NATIONALITY, cat.IMMIGRATION_STATUS, *cat.IMMIGRATION_IDS, cat.ADDRESS])
def test_sanctuary_release_without_override_blocks_export_and_signoff(engine, users, category) -> None:
    case = new_case(R.FEDERAL_IMMIGRATION)
    items = [item(1, category, "release")]
    assert case.released(items, engine) == []  # the export would redact it anyway
    problems = case.export_problems(items, engine)
    assert any("always redacted" in p and "judicial warrant" in p for p in problems)
    case = case.submit(users[Role.CLERK], items, engine)
    with pytest.raises(CaseStateError, match="judicial warrant"):
        case.sign_off_by(users[Role.COUNSEL], items, engine, "t")


def test_disclosure_class_blocks_routine_protected_release(engine, users) -> None:
    case = new_case(R.COURT, SUBPOENA)
    items = [item(1, cat.ADDRESS, "release"), item(2, cat.PERSON, "release")]
    case = signed(case, items, engine, users)
    with pytest.raises(ExportRefused, match="not a routine disclosure under Admin Code §23-1202"):
        case.check_export(users[Role.CLERK], items, engine)
    approved = replace(case, context=replace(case.context, disclosure_class=DisclosureClass.EXIGENT))
    approved.check_export(users[Role.CLERK], items, engine)


def test_court_needs_legal_basis(engine, users) -> None:
    case = new_case(R.COURT)
    items = [item(1, cat.PERSON)]
    assert case.export_problems(items, engine)[0].startswith("disclosures to recipient 'court' need a legal basis")
    with pytest.raises(CaseStateError, match="legal basis"):
        case.submit(users[Role.CLERK], items, engine).sign_off_by(users[Role.COUNSEL], items, engine, "t")


# ----- voiding

@pytest.mark.parametrize("what", ["a decision changed", "undo", "override recorded", "manual redaction added"])
@pytest.mark.parametrize("from_state", ["signed", "exported"])
def test_any_change_after_signoff_voids_it(engine, users, what, from_state) -> None:
    case = new_case(R.COURT, SUBPOENA, disclosure_class=DisclosureClass.EXIGENT)
    items = [item(1, cat.ADDRESS, "release")]
    case = signed(case, items, engine, users)
    if from_state == "exported":
        case = case.exported(users[Role.CLERK], items, engine)
    voided = case.changed(users[Role.CLERK], what)
    assert voided.state is S.IN_REVIEW and voided.sign_off is None
    assert voided.voided_sign_off == case.sign_off
    assert voided.note == f"sign-off by counsel1 void: {what} by clerk1"
    with pytest.raises(ExportRefused, match="not signed off"):
        voided.check_export(users[Role.CLERK], items, engine)


def test_change_without_notification_still_voids_by_digest(engine, users) -> None:
    case = new_case(R.COURT, SUBPOENA, disclosure_class=DisclosureClass.EXIGENT)
    items = [item(1, cat.ADDRESS, "release"), item(2, cat.PERSON, "redact")]
    case = signed(case, items, engine, users)
    changed = [items[0], replace(items[1], decision="release")]
    assert decisions_digest(changed) != decisions_digest(items)
    with pytest.raises(ExportRefused, match="decisions changed since counsel1 signed off"):
        case.check_export(users[Role.CLERK], changed, engine)
    assert decisions_digest(list(reversed(items))) == decisions_digest(items)  # order does not matter


def test_change_before_signoff_keeps_state(engine, users) -> None:
    case = new_case(R.PUBLIC)
    assert case.changed(users[Role.CLERK]) is case
    ready = case.submit(users[Role.CLERK], [item(1, cat.PERSON)], engine)
    assert ready.changed(users[Role.COUNSEL]).state is S.READY_FOR_SIGN_OFF


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR])
def test_supervisors_and_administrators_cannot_change(engine, users, role) -> None:
    case = signed(new_case(R.COURT, SUBPOENA), [item(1, cat.PERSON)], engine, users)
    with pytest.raises(PermissionDenied):
        case.changed(users[role])


# ----- transitions: who and when

def test_return_to_review(engine, users) -> None:
    items = [item(1, cat.PERSON)]
    case = signed(new_case(R.COURT, SUBPOENA), items, engine, users)
    with pytest.raises(PermissionDenied):
        case.return_to_review(users[Role.CLERK], "needs another look")
    with pytest.raises(CaseStateError, match="needs a reason"):
        case.return_to_review(users[Role.COUNSEL], "  ")
    back = case.return_to_review(users[Role.COUNSEL], "page 3 needs another look")
    assert back.state is S.IN_REVIEW and back.sign_off is None and back.voided_sign_off == case.sign_off
    assert back.note == "returned: page 3 needs another look"
    with pytest.raises(CaseStateError, match="already in review"):
        back.return_to_review(users[Role.COUNSEL], "again")
    ready = back.submit(users[Role.CLERK], items, engine)
    assert ready.return_to_review(users[Role.COUNSEL], "not yet").state is S.IN_REVIEW


@pytest.mark.parametrize(("role", "allowed"), [(Role.CLERK, False), (Role.COUNSEL, True),
                                               (Role.SUPERVISOR, False), (Role.ADMINISTRATOR, False)])
def test_who_signs_off(engine, users, role, allowed) -> None:
    items = [item(1, cat.PERSON)]
    ready = new_case(R.PUBLIC).submit(users[Role.CLERK], items, engine)
    if allowed:
        assert ready.sign_off_by(users[role], items, engine, "t").state is S.SIGNED_OFF
    else:
        with pytest.raises(PermissionDenied):
            ready.sign_off_by(users[role], items, engine, "t")


@pytest.mark.parametrize(("role", "allowed"), [(Role.CLERK, True), (Role.COUNSEL, True),
                                               (Role.SUPERVISOR, False), (Role.ADMINISTRATOR, False)])
def test_who_submits_and_exports(engine, users, role, allowed) -> None:
    items = [item(1, cat.PERSON)]
    case = new_case(R.PUBLIC)
    if allowed:
        case.submit(users[role], items, engine)
        case.check_export(users[role], items, engine)
    else:
        with pytest.raises(PermissionDenied):
            case.submit(users[role], items, engine)
        with pytest.raises(PermissionDenied):
            case.check_export(users[role], items, engine)


def test_submit_refused_with_undecided_items_but_not_deferred(engine, users) -> None:
    case = new_case(R.PUBLIC)
    with pytest.raises(CaseStateError, match="undecided 1 item \\(ADDRESS\\)"):
        case.submit(users[Role.CLERK], [item(1, cat.ADDRESS, None)], engine)
    deferred = [item(1, cat.ADDRESS, "defer")]
    ready = case.submit(users[Role.CLERK], deferred, engine)  # counsel settles deferred items
    with pytest.raises(CaseStateError, match="pending 1 item"):
        ready.sign_off_by(users[Role.COUNSEL], deferred, engine, "t")


@pytest.mark.parametrize(("state", "action"), [
    (S.READY_FOR_SIGN_OFF, "submit"), (S.SIGNED_OFF, "submit"), (S.EXPORTED, "submit"),
    (S.IN_REVIEW, "sign off"), (S.SIGNED_OFF, "sign off"), (S.EXPORTED, "sign off")])
def test_transitions_from_wrong_state(engine, users, state, action) -> None:
    case = replace(new_case(R.PUBLIC), state=state)
    items = [item(1, cat.PERSON)]
    with pytest.raises(CaseStateError, match=f"cannot {action} 26-115: it is {state.value}"):
        if action == "submit":
            case.submit(users[Role.COUNSEL], items, engine)
        else:
            case.sign_off_by(users[Role.COUNSEL], items, engine, "t")


def test_ready_case_waits_for_signoff_before_export(engine, users) -> None:
    items = [item(1, cat.PERSON)]
    ready = new_case(R.PUBLIC).submit(users[Role.CLERK], items, engine)
    with pytest.raises(ExportRefused, match="waiting for sign-off"):
        ready.check_export(users[Role.CLERK], items, engine)


def test_export_refusal_is_one_line_with_count(engine, users) -> None:
    case = new_case(R.COURT)
    items = [item(1, cat.ADDRESS, None), item(2, cat.PERSON, None)]
    with pytest.raises(ExportRefused) as exc:
        case.check_export(users[Role.CLERK], items, engine)
    message = str(exc.value)
    assert isinstance(exc.value, WorkstationError) and exc.value.exit_code == 4
    assert message.startswith("26-115: export refused: disclosures to recipient 'court' need a legal basis")
    assert message.endswith("more)") and "\n" not in message


def test_case_roundtrip(engine, users) -> None:
    case = signed(new_case(R.COURT, SUBPOENA, request_reference="SUB-9"), [item(1, cat.PERSON)], engine, users)
    assert Case.from_dict(case.to_dict()) == case
    voided = case.changed(users[Role.CLERK])
    assert Case.from_dict(voided.to_dict()) == voided

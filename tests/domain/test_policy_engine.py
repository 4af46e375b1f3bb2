"""Recipient policies, exemption codes and the sanctuary rule, table-driven."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workstation.domain import categories as cat
from workstation.domain.categories import ALL, IMMIGRATION_IDS, PROTECTED
from workstation.domain.disclosure import (
    DisclosureClass,
    DisclosureContext,
    LegalBasis,
    LegalBasisKind,
    RecipientType,
)
from workstation.domain.errors import (
    ConfigurationError,
    PermissionDenied,
    PolicyViolation,
    UsageError,
    WorkstationError,
)
from workstation.domain.exemptions import ExemptionCatalog, short_code, split_codes
from workstation.domain.model import Finding
from workstation.domain.policy import Policy
from workstation.domain.policy_engine import (
    Disposition,
    Override,
    PolicyEngine,
    RecipientPolicy,
    item_id,
    load_policy_file,
)
from workstation.domain.roles import Role
from workstation.paths import RESOURCES

R = RecipientType
D = Disposition
POLICIES = RESOURCES / "policies"
WARRANT = LegalBasis(LegalBasisKind.JUDICIAL_WARRANT, "SDNY 26-MJ-01234")
SUBPOENA = LegalBasis(LegalBasisKind.SUBPOENA, "Index 451234/2026")
REASON = "Judge's warrant names this individual and orders production of the address."
NO_BASIS = LegalBasis()
SANCTUARY = (cat.NATIONALITY, cat.IMMIGRATION_STATUS, *IMMIGRATION_IDS, cat.ADDRESS)
OTHERS = (cat.PERSON, cat.PHONE_NUMBER, cat.EMAIL_ADDRESS, cat.US_SSN, cat.DATE_OF_BIRTH, cat.SOCIAL_MEDIA_HANDLE,
          cat.VEHICLE_PLATE)
ITEM = item_id("a.pdf", 1, 0, 5, cat.ADDRESS, "0" * 64)


def ctx(recipient: RecipientType, basis: LegalBasis = NO_BASIS, **kw) -> DisclosureContext:
    return DisclosureContext(recipient, basis, **kw)


# ----- default actions: every recipient x category

EXPECTED_ACTIONS: dict[RecipientType, dict[str, Disposition]] = {
    R.PUBLIC: {c: D.REDACT for c in ALL},
    R.FEDERAL_IMMIGRATION: {c: D.REDACT for c in ALL},
    R.FEDERAL_LAW_ENFORCEMENT: {**{c: D.REDACT for c in PROTECTED}, **{c: D.REVIEW for c in OTHERS},
                                cat.US_SSN: D.REDACT},
    R.COURT: {**{c: D.REDACT for c in PROTECTED}, **{c: D.REVIEW for c in OTHERS}},
    R.CITY_AGENCY: {**{c: D.REDACT for c in PROTECTED}, **{c: D.REVIEW for c in OTHERS}, cat.US_SSN: D.REDACT},
    R.INTERNAL: {**{c: D.REDACT for c in PROTECTED}, **{c: D.RELEASE for c in OTHERS}},
}


@pytest.mark.parametrize(("recipient", "category"), [(r, c) for r in R for c in ALL])
def test_default_action(engine: PolicyEngine, recipient: RecipientType, category: str) -> None:
    assert engine.default_action(recipient, category) is EXPECTED_ACTIONS[recipient][category]


@pytest.mark.parametrize("recipient", list(R))
def test_every_protected_category_is_protected_and_never_released_by_default(engine: PolicyEngine,
                                                                             recipient: RecipientType) -> None:
    policy = engine.policy(recipient)
    assert set(PROTECTED) <= policy.protected
    for c in PROTECTED:
        assert policy.default_action(c) is not D.RELEASE


EXPECTED_LOCKED = {
    R.FEDERAL_IMMIGRATION: (set(SANCTUARY), {LegalBasisKind.JUDICIAL_WARRANT}),
    R.FEDERAL_LAW_ENFORCEMENT: ({cat.IMMIGRATION_STATUS, *IMMIGRATION_IDS},
                                {LegalBasisKind.JUDICIAL_WARRANT, LegalBasisKind.SUBPOENA}),
}


@pytest.mark.parametrize("recipient", list(R))
def test_sanctuary_locks(engine: PolicyEngine, recipient: RecipientType) -> None:
    policy = engine.policy(recipient)
    locked, bases = EXPECTED_LOCKED.get(recipient, (set(), set()))
    assert policy.sanctuary == locked
    assert policy.override_requires == bases


@pytest.mark.parametrize(("recipient", "required"), [
    (R.PUBLIC, False), (R.FEDERAL_IMMIGRATION, True), (R.FEDERAL_LAW_ENFORCEMENT, True), (R.COURT, True),
    (R.CITY_AGENCY, False), (R.INTERNAL, False)])
def test_signoff_required_by_recipient(engine: PolicyEngine, recipient: RecipientType, required: bool) -> None:
    assert engine.policy(recipient).signoff_required is required
    assert (engine.needs_signoff(ctx(recipient), []) is not None) is required


@pytest.mark.parametrize("recipient", list(R))
@pytest.mark.parametrize("category", PROTECTED)
def test_releasing_any_protected_item_needs_counsel_signoff(engine: PolicyEngine, recipient: RecipientType,
                                                           category: str) -> None:
    reason = engine.needs_signoff(ctx(recipient), [category])
    assert reason is not None and category in reason


@pytest.mark.parametrize("category", OTHERS)
def test_releasing_ordinary_items_to_public_needs_no_signoff(engine: PolicyEngine, category: str) -> None:
    assert engine.needs_signoff(ctx(R.PUBLIC), [category]) is None


# ----- exemption codes

def test_catalog_holds_the_code_sets() -> None:
    catalog = ExemptionCatalog.from_file()
    foil = [f"87(2)({x})" for x in "abcdefghij"]
    for label in foil:
        assert catalog.codes[label].code_set == "FOIL"
        assert catalog.codes[label].summary
    assert catalog.codes["87(2)(b)"].summary.startswith("Disclosure would constitute an unwarranted invasion")
    assert {c.label for c in catalog.in_set("FOIA")} == {"(b)(6)", "(b)(7)(C)"}
    assert {c.label for c in catalog.in_set("NYC")} == {"AC 23-1202", "EO 34/41"}
    assert catalog.problems() == []


@pytest.mark.parametrize(("recipient", "code_set"), [
    (R.PUBLIC, "FOIL"), (R.CITY_AGENCY, "FOIL"), (R.FEDERAL_IMMIGRATION, "FOIA"),
    (R.FEDERAL_LAW_ENFORCEMENT, "FOIA"), (R.COURT, "NYC"), (R.INTERNAL, "NYC")])
def test_default_codes_come_from_the_recipients_set(engine: PolicyEngine, recipient: RecipientType,
                                                    code_set: str) -> None:
    catalog = engine.catalog
    assert catalog.code_set(recipient) == code_set
    for c in ALL:
        code = engine.exemption_code(recipient, c)
        assert code and catalog.unknown(code) == []
        assert catalog.codes[short_code(code)].code_set == code_set
    assert [c.code_set for c in catalog.choices(recipient)][0] == code_set


@pytest.mark.parametrize("category", [cat.IMMIGRATION_STATUS, *IMMIGRATION_IDS])
def test_immigration_categories_cite_eo_34_41_for_outside_recipients(engine: PolicyEngine, category: str) -> None:
    for r in (R.PUBLIC, R.FEDERAL_IMMIGRATION, R.CITY_AGENCY, R.COURT):
        codes = split_codes(engine.exemption_code(r, category))
        assert "EO 34/41" in codes or "AC 23-1202" in codes


def test_justification_and_short_code() -> None:
    catalog = ExemptionCatalog.from_file()
    assert short_code("87(2)(b); EO 34/41") == "87(2)(b)"
    text = catalog.justification("87(2)(b); EO 34/41")
    assert text.startswith("87(2)(b): Disclosure would") and "EO 34/41: Confidential information" in text
    assert catalog.unknown("87(2)(z)") == ["unknown exemption code '87(2)(z)'"]


# ----- the sanctuary rule: federal immigration

@pytest.mark.parametrize("category", SANCTUARY)
@pytest.mark.parametrize("decision", ["release", "not-pi"])
def test_clerk_cannot_release_sanctuary_category(engine, users, category: str, decision: str) -> None:
    with pytest.raises(PermissionDenied) as exc:
        engine.check_decision(ctx(R.FEDERAL_IMMIGRATION), users[Role.CLERK], category, decision)
    assert exc.value.exit_code == 4
    assert "may not override a protected-category rule" in str(exc.value)
    assert "judicial warrant" in str(exc.value)


@pytest.mark.parametrize("category", SANCTUARY)
def test_counsel_cannot_release_sanctuary_category_without_override(engine, users, category: str) -> None:
    with pytest.raises(PolicyViolation) as exc:
        engine.check_decision(ctx(R.FEDERAL_IMMIGRATION), users[Role.COUNSEL], category, "release")
    assert exc.value.exit_code == 4 and category in str(exc.value)


@pytest.mark.parametrize("category", SANCTUARY)
def test_counsel_override_citing_a_judicial_warrant_releases(engine, users, category: str) -> None:
    c = ctx(R.FEDERAL_IMMIGRATION, WARRANT)
    ov = engine.make_override(c, users[Role.COUNSEL], ITEM, category, REASON, WARRANT, "2026-05-01T10:00:00Z")
    engine.check_decision(c, users[Role.COUNSEL], category, "release", ov)
    engine.check_decision(c, users[Role.CLERK], category, "release", ov)  # the override is counsel's
    assert engine.effective_action(c, category, "release", ov) is D.RELEASE
    assert engine.effective_action(c, category, "release", None) is D.REDACT
    assert engine.effective_action(c, category, None, ov) is D.REDACT


@pytest.mark.parametrize(("basis", "reason", "message"), [
    (LegalBasis(), REASON, "judicial warrant"),
    (SUBPOENA, REASON, "judicial warrant"),
    (LegalBasis(LegalBasisKind.CONSENT, "form 17"), REASON, "judicial warrant"),
    (LegalBasis(LegalBasisKind.JUDICIAL_WARRANT, ""), REASON, "warrant's number"),
    (LegalBasis(LegalBasisKind.JUDICIAL_WARRANT, "Form I-200 #4411"), REASON, "not a judicial warrant"),
    (LegalBasis(LegalBasisKind.JUDICIAL_WARRANT, "I-247A detainer"), REASON, "not a judicial warrant"),
    (WARRANT, "", "written reason"),
    (WARRANT, "ok", "written reason"),
])
def test_override_refused_without_valid_basis_or_reason(engine, users, basis, reason, message) -> None:
    with pytest.raises(PolicyViolation) as exc:
        engine.make_override(ctx(R.FEDERAL_IMMIGRATION), users[Role.COUNSEL], ITEM, cat.NATIONALITY, reason,
                             basis, "t")
    assert message in str(exc.value)


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR])
def test_only_counsel_records_overrides(engine, users, role: Role) -> None:
    with pytest.raises(PermissionDenied) as exc:
        engine.make_override(ctx(R.FEDERAL_IMMIGRATION), users[role], ITEM, cat.ADDRESS, REASON, WARRANT, "t")
    assert f"({role.value})" in str(exc.value)


def test_stored_override_rechecked(engine) -> None:
    c = ctx(R.FEDERAL_IMMIGRATION)
    forged = Override(ITEM, cat.ADDRESS, "clerk1", Role.CLERK, REASON, WARRANT, "t")
    assert "counsel" in (engine.override_problem(c, cat.ADDRESS, forged) or "")
    other = Override(ITEM, cat.NATIONALITY, "counsel1", Role.COUNSEL, REASON, WARRANT, "t")
    assert "not ADDRESS" in (engine.override_problem(c, cat.ADDRESS, other) or "")
    assert engine.effective_action(c, cat.ADDRESS, "release", forged) is D.REDACT
    roundtrip = Override.from_dict(other.to_dict())
    assert roundtrip == other and roundtrip.digest() == other.digest()


def test_federal_law_enforcement_accepts_subpoena_for_immigration_ids(engine, users) -> None:
    c = ctx(R.FEDERAL_LAW_ENFORCEMENT, SUBPOENA)
    ov = engine.make_override(c, users[Role.COUNSEL], ITEM, cat.A_NUMBER, REASON, SUBPOENA, "t")
    assert engine.effective_action(c, cat.A_NUMBER, "release", ov) is D.RELEASE
    # an address is protected but not locked for this recipient: a clerk may release it, counsel signs off
    engine.check_decision(c, users[Role.CLERK], cat.ADDRESS, "release")
    assert engine.effective_action(c, cat.ADDRESS, "release") is D.RELEASE


@pytest.mark.parametrize("recipient", [R.PUBLIC, R.COURT, R.CITY_AGENCY, R.INTERNAL])
@pytest.mark.parametrize("category", PROTECTED)
def test_protected_release_elsewhere_is_a_decision_subject_to_signoff(engine, users, recipient, category) -> None:
    engine.check_decision(ctx(recipient), users[Role.CLERK], category, "release")
    assert engine.effective_action(ctx(recipient), category, "release") is D.RELEASE
    assert engine.needs_signoff(ctx(recipient), [category])


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR])
@pytest.mark.parametrize("decision", ["redact", "release", "defer", "not-pi"])
def test_supervisor_and_administrator_cannot_decide(engine, users, role, decision) -> None:
    with pytest.raises(PermissionDenied):
        engine.check_decision(ctx(R.PUBLIC), users[role], cat.PERSON, decision)


@pytest.mark.parametrize("decision", ["redact", "defer", None])
def test_redacting_or_deferring_is_always_allowed_to_deciders(engine, users, decision) -> None:
    for role in (Role.CLERK, Role.COUNSEL):
        for c in ALL:
            engine.check_decision(ctx(R.FEDERAL_IMMIGRATION), users[role], c, decision)


def test_unknown_decision_and_non_protected_override(engine, users) -> None:
    with pytest.raises(UsageError):
        engine.check_decision(ctx(R.PUBLIC), users[Role.CLERK], cat.PERSON, "publish")
    with pytest.raises(PolicyViolation, match="no override is needed"):
        engine.make_override(ctx(R.PUBLIC), users[Role.COUNSEL], ITEM, cat.PERSON, REASON, WARRANT, "t")


def test_unknown_category_is_redacted(engine) -> None:
    assert engine.default_action(R.INTERNAL, "MANUAL-BOX") is D.REDACT


# ----- context: legal basis and §23-1202 class

@pytest.mark.parametrize(("context", "message"), [
    (ctx(R.COURT), "judicial-warrant or subpoena"),
    (ctx(R.COURT, LegalBasis(LegalBasisKind.CONSENT, "C-1")), "judicial-warrant or subpoena"),
    (ctx(R.COURT, LegalBasis(LegalBasisKind.SUBPOENA, " ")), "index or docket number"),
    (ctx(R.PUBLIC, LegalBasis(LegalBasisKind.NONE, "x")), "without a legal basis"),
    (ctx(R.PUBLIC, disclosure_class=DisclosureClass.PRIVACY_OFFICER_APPROVED), "reference the approval"),
])
def test_context_problems(engine, context, message) -> None:
    assert message in (engine.context_problem(context) or "")


@pytest.mark.parametrize("context", [ctx(R.COURT, SUBPOENA), ctx(R.COURT, WARRANT), ctx(R.PUBLIC),
                                     ctx(R.FEDERAL_IMMIGRATION), ctx(R.INTERNAL)])
def test_context_ok(engine, context) -> None:
    assert engine.context_problem(context) is None


@pytest.mark.parametrize(("recipient", "klass", "problem"), [
    (R.PUBLIC, DisclosureClass.ROUTINE, True),
    (R.COURT, DisclosureClass.ROUTINE, True),
    (R.COURT, DisclosureClass.PRIVACY_OFFICER_APPROVED, False),
    (R.CITY_AGENCY, DisclosureClass.EXIGENT, False),
    (R.INTERNAL, DisclosureClass.ROUTINE, False),  # not a disclosure outside the agency
])
def test_disclosure_class_for_protected_release(engine, recipient, klass, problem) -> None:
    c = DisclosureContext(recipient, disclosure_class=klass, approval_reference="CPO-2026-7")
    assert (engine.disclosure_class_problem(c, [cat.ADDRESS]) is not None) is problem
    assert engine.disclosure_class_problem(c, [cat.PERSON]) is None


@pytest.mark.parametrize("name", [r.value for r in R])
def test_recipient_cli_names(name: str) -> None:
    assert RecipientType.parse(name).value == name
    assert RecipientType.parse(name.upper()).value == name


def test_unknown_names_are_usage_errors() -> None:
    for parse in (RecipientType.parse, LegalBasisKind.parse, DisclosureClass.parse):
        with pytest.raises(UsageError):
            parse("ice")


def test_context_roundtrip() -> None:
    c = DisclosureContext(R.COURT, SUBPOENA, DisclosureClass.PRIVACY_OFFICER_APPROVED, "REQ-1", "CPO-2")
    assert DisclosureContext.from_dict(c.to_dict()) == c


# ----- policy files: validation and compatibility with the headless Policy

def _write_policy(tmp_path: Path, recipient: str, edit) -> Path:
    d = tmp_path / "policies"
    if not d.exists():
        shutil.copytree(POLICIES, d)
    p = d / f"{recipient}.toml"
    p.write_text(edit(p.read_text()))
    return d


@pytest.mark.parametrize(("recipient", "edit", "message"), [
    ("public", lambda s: s.replace('"PASSPORT_NUMBER", "ADDRESS"]', '"PASSPORT_NUMBER"]'),
     "ADDRESS is not listed as protected"),
    ("internal", lambda s: s.replace('ADDRESS = "redact"', 'ADDRESS = "release"'),
     "ADDRESS may not be released by default"),
    ("federal-immigration", lambda s: s.replace('override_requires = ["judicial-warrant"]', 'override_requires = []'),
     "override_requires"),
    ("federal-immigration", lambda s: s.replace('override_requires = ["judicial-warrant"]',
                                                'override_requires = ["none"]'), "no legal basis"),
    ("public", lambda s: s + '\n[exemptions]\nPERSON = "87(2)(z)"\n', "unknown exemption code"),
    ("public", lambda s: s.replace('DATE_OF_BIRTH = "redact"\n', ''), "no action for category DATE_OF_BIRTH"),
    ("court", lambda s: s.replace('VEHICLE_PLATE = "review"\n', ''), "no action for category VEHICLE_PLATE"),
    ("internal", lambda s: s.replace('SOCIAL_MEDIA_HANDLE = "release"\n', ''),
     "no action for category SOCIAL_MEDIA_HANDLE"),
    ("court", lambda s: s.replace('recipient = "court"', 'recipient = "public"'), "declares recipient"),
    ("court", lambda s: s.replace('PERSON = "review"', 'PERSON = "publish"'), "publish"),
])
def test_invalid_policy_files_are_refused(tmp_path, recipient, edit, message) -> None:
    d = _write_policy(tmp_path, recipient, edit)
    with pytest.raises(ConfigurationError) as exc:
        PolicyEngine.load(d)
    assert message in str(exc.value)
    assert isinstance(exc.value, WorkstationError) and exc.value.exit_code == 2


def test_missing_policy_file(tmp_path) -> None:
    d = _write_policy(tmp_path, "public", lambda s: s)
    (d / "court.toml").unlink()
    with pytest.raises(ConfigurationError, match="court"):
        PolicyEngine.load(d)


def test_exemption_override_in_policy_file(tmp_path) -> None:
    d = _write_policy(tmp_path, "public", lambda s: s + '\n[exemptions]\nPERSON = "87(2)(f)"\n')
    assert PolicyEngine.load(d).exemption_code(R.PUBLIC, cat.PERSON) == "87(2)(f)"


def _finding(category: str) -> Finding:
    return Finding("a.pdf", 1, 0, 4, "xxxx", category, 0.9, "test")


def test_default_policy_file_unchanged() -> None:
    p = Policy.from_file(POLICIES / "default.toml")
    assert p.name == "default" and set(p.reason_codes) == set(ALL)
    assert p.reason_code(_finding(cat.ADDRESS)) == "87(2)(b); AC 23-1202"
    assert p.short_code(_finding(cat.ADDRESS)) == "87(2)(b)"


@pytest.mark.parametrize("recipient", list(R))
def test_recipient_policy_files_work_as_headless_policies(engine, recipient) -> None:
    """`workstation redact --policy resources/policies/<recipient>.toml` never redacts less than the policy says."""
    p = Policy.from_file(POLICIES / f"{recipient.value}.toml")
    assert p == load_policy_file(POLICIES / f"{recipient.value}.toml")
    for c in ALL:
        released = engine.default_action(recipient, c) is D.RELEASE
        assert p.redacts(_finding(c)) is not released
        if not released:
            assert p.reason_code(_finding(c)) == engine.exemption_code(recipient, c)
    for c in PROTECTED:
        assert p.redacts(_finding(c))


def test_recipient_policy_problems_reported_for_code_built_policies(engine) -> None:
    base = engine.policy(R.PUBLIC)
    weakened = RecipientPolicy(base.recipient, "x", "", base.actions, frozenset({cat.ADDRESS}))
    assert any("NATIONALITY is not listed as protected" in p for p in weakened.problems())


# ----- social-media handles and vehicle plates: personal identifiers treated like phone numbers and e-mail

NEW_CATEGORIES = (cat.SOCIAL_MEDIA_HANDLE, cat.VEHICLE_PLATE)


@pytest.mark.parametrize("category", NEW_CATEGORIES)
def test_new_categories_are_known_and_not_protected(category: str) -> None:
    assert category in ALL and category in cat.PRIORITY
    assert category not in PROTECTED and category not in cat.CONTEXTUAL
    # label-gated identifiers outrank the pattern-only categories, below the immigration identifiers and e-mail
    assert cat.PRIORITY.index(cat.EMAIL_ADDRESS) < cat.PRIORITY.index(category) < cat.PRIORITY.index(cat.PHONE_NUMBER)
    assert max(cat.PRIORITY.index(c) for c in (*IMMIGRATION_IDS, cat.US_SSN)) < cat.PRIORITY.index(category)


@pytest.mark.parametrize(("recipient", "category"), [(r, c) for r in R for c in NEW_CATEGORIES])
def test_new_categories_follow_phone_numbers(engine: PolicyEngine, recipient: RecipientType, category: str) -> None:
    policy = engine.policy(recipient)
    assert policy.default_action(category) is policy.default_action(cat.PHONE_NUMBER)
    assert policy.default_action(category) is policy.default_action(cat.PERSON)
    assert policy.exemption_code(category) == policy.exemption_code(cat.PHONE_NUMBER) != ""
    assert not policy.is_protected(category) and not policy.is_locked(category)
    assert (category in policy.to_policy().reason_codes) is (policy.default_action(category) is not D.RELEASE)


@pytest.mark.parametrize("category", NEW_CATEGORIES)
def test_default_policy_redacts_new_categories_for_privacy(category: str) -> None:
    p = Policy.from_file(POLICIES / "default.toml")
    assert p.redacts(_finding(category))
    assert p.reason_code(_finding(category)) == p.reason_code(_finding(cat.PHONE_NUMBER)) == "87(2)(b)"


@pytest.mark.parametrize("recipient", list(R))
def test_exemption_catalog_has_new_categories(recipient: RecipientType) -> None:
    catalog = ExemptionCatalog.from_file()
    for category in NEW_CATEGORIES:
        assert catalog.default_code(recipient, category) == catalog.default_code(recipient, cat.PHONE_NUMBER)

"""Issue 12 item 5: what counsel may cite as a judicial warrant, and what counts as a written reason.

Each refused string below was accepted before the rule of ``workstation/domain/warrants.py``."""

from __future__ import annotations

import pytest

from workstation.domain import categories as cat
from workstation.domain.disclosure import DisclosureContext, LegalBasis, LegalBasisKind, RecipientType
from workstation.domain.errors import PolicyViolation
from workstation.domain.policy_engine import item_id
from workstation.domain.roles import Role
from workstation.domain.warrants import (
    MAX_REFERENCE_LENGTH,
    normalise_reference,
    reason_problem,
    warrant_problem,
)

J = LegalBasisKind.JUDICIAL_WARRANT
ITEM = item_id("a.pdf", 1, 0, 5, cat.ADDRESS, "0" * 64)
REASON = "Judge's warrant names this individual and orders production of the address."

# (what counsel typed, a word the refusal must contain)
ATTACKS = [
    ("administrative warrant", "administrative"),
    ("Administrative Warrant 2026-0042", "administrative"),
    ("DHS detainer", "DHS"),
    ("D.H.S. 26-MJ-01234", "DHS"),
    ("ICE warrant 26-MJ-01234", "ICE"),
    ("i.c.e. hold", "ICE"),
    ("Immigration Court 1:24-mj-01234", "immigration"),
    ("de\u200btainer 1234/2024", "detainer"),
    ("N/A", "court"),
    ("x", "court"),
    ("none", "court"),
    ("see attached", "court"),
    ("\u0399-200 4411", "I-200"),  # Greek capital iota
    ("\u0406-200", "I-200"),  # Cyrillic capital byelorussian-ukrainian i
    ("\u0456-205", "I-205"),  # Cyrillic small i
    ("I\u2010200", "I-200"),  # U+2010 hyphen
    ("I\u2013247A", "I-247A"),  # U+2013 en dash
    ("I\u2212247D", "I-247D"),  # U+2212 minus sign
    ("I-2\u200b00", "I-200"),  # zero-width space
    ("I\u00ad-203", "I-203"),  # soft hyphen
    ("\uff29\uff0d\uff12\uff10\uff10", "I-200"),  # full-width
    ("i 247 n", "I-247N"),
    ("I247X", "I-247X"),
    ("Form I-2OO", "I-200"),  # letters O for zeros
    ("S.D.N.Y. 1:24-mj-01234 (Form I-247A)", "I-247A"),
    pytest.param("x" * 120_000, "200", id="120KB"),
    pytest.param("S.D.N.Y. 1:24-mj-01234 " + "x" * 300, "200", id="long-tail"),
    ("S.D.N.Y. 1:24-mj-\x0001234", "control"),
    ("S.D.N.Y.", "docket"),
    ("1:24-mj-01234", "court"),
    ("S.D.N.Y. 1:24-mj-01234 please release everything", "besides"),
    ("N.Y. Sup. Ct. No. 1", "docket"),
    ("\u0405\u0414NY 26-MJ-01234", "Latin"),  # Cyrillic DZE and DE: not a court abbreviation in any script
]

ACCEPTED = [
    ("SDNY 26-MJ-01234", "SDNY 26-MJ-01234"),
    ("S.D.N.Y. 1:24-mj-01234", "S.D.N.Y. 1:24-mj-01234"),
    ("E.D.N.Y. No. 24-MJ-567", "E.D.N.Y. No. 24-MJ-567"),
    ("EDNY Case No. 1:24-cr-00123-ABC", "EDNY Case No. 1:24-cr-00123-ABC"),
    ("S.D.N.Y. 24 Mag. 1234", "S.D.N.Y. 24 Mag. 1234"),
    ("D.N.J. 2:24-mj-10012", "D.N.J. 2:24-mj-10012"),
    ("N.D. Ill. 1:24-mj-00077", "N.D. Ill. 1:24-mj-00077"),
    ("1:24-mj-01234 (S.D.N.Y.)", "1:24-mj-01234 (S.D.N.Y.)"),
    ("U.S. District Court, S.D.N.Y., 1:24-mj-01234", "U.S. District Court, S.D.N.Y., 1:24-mj-01234"),
    ("United States District Court for the Southern District of New York 1:24-mj-01234",
     "United States District Court for the Southern District of New York 1:24-mj-01234"),
    ("N.Y. Sup. Ct. Ind. No. 1234/2024", "N.Y. Sup. Ct. Ind. No. 1234/2024"),
    ("Sup. Ct. N.Y. County, Ind. No. 1234/2024", "Sup. Ct. N.Y. County, Ind. No. 1234/2024"),
    ("Supreme Court, Kings County, Index No. 12345/2024", "Supreme Court, Kings County, Index No. 12345/2024"),
    ("Kings County Supreme Court Ind. No. 0456/2025", "Kings County Supreme Court Ind. No. 0456/2025"),
    ("N.Y.C. Crim. Ct. Docket No. CR-012345-24NY", "N.Y.C. Crim. Ct. Docket No. CR-012345-24NY"),
    ("Crim. Ct. 2024NY012345", "Crim. Ct. 2024NY012345"),
    ("Criminal Court of the City of New York, Search Warrant No. 123/2024",
     "Criminal Court of the City of New York, Search Warrant No. 123/2024"),
    # spelled with what a word processor or a PDF puts in: normalised, then accepted
    ("S.D.N.Y.\u00a01:24\u2011mj\u201101234", "S.D.N.Y. 1:24-mj-01234"),
    ("  SDNY\u200b 26\u2013MJ\u201301234 ", "SDNY 26-MJ-01234"),
    ("\uff33\uff24\uff2e\uff39 26-MJ-01234", "SDNY 26-MJ-01234"),
]


@pytest.mark.parametrize(("text", "word"), ATTACKS)
def test_not_a_judicial_warrant(text: str, word: str) -> None:
    problem = warrant_problem(text)
    assert problem is not None
    assert word.lower() in problem.lower()
    assert len(problem) < 400  # never echoes the input
    basis = LegalBasis(J, text)
    assert basis.problem() is not None
    assert LegalBasis.of(J, text).problem() is not None


@pytest.mark.parametrize(("text", "word"), ATTACKS)
def test_counsel_cannot_override_citing_it(engine, users, text: str, word: str) -> None:
    ctx = DisclosureContext(RecipientType.FEDERAL_IMMIGRATION)
    with pytest.raises(PolicyViolation) as exc:
        engine.make_override(ctx, users[Role.COUNSEL], ITEM, cat.ADDRESS, REASON, LegalBasis.of(J, text), "t")
    assert "x" * 50 not in str(exc.value)


@pytest.mark.parametrize(("text", "stored"), ACCEPTED)
def test_real_warrant_numbers_accepted_and_normalised(engine, users, text: str, stored: str) -> None:
    assert warrant_problem(text) is None, warrant_problem(text)
    basis = LegalBasis.of(J, text)
    assert basis.reference == stored == normalise_reference(text)
    ctx = DisclosureContext(RecipientType.FEDERAL_IMMIGRATION, basis)
    assert ctx.problem() is None
    ov = engine.make_override(ctx, users[Role.COUNSEL], ITEM, cat.ADDRESS, REASON, basis, "t")
    assert ov.legal_basis.reference == stored


def test_warrant_in_case_context_is_checked_too() -> None:
    """The window's case properties and ``case new --basis`` go through the same rule."""
    bad = DisclosureContext(RecipientType.COURT, LegalBasis.of(J, "DHS detainer"))
    assert "DHS" in (bad.problem() or "")


def test_the_length_bound() -> None:
    assert MAX_REFERENCE_LENGTH == 200
    assert warrant_problem("S.D.N.Y. 1:24-mj-01234" + " " * 300) is None  # spaces collapse
    too_long = "S.D.N.Y. Case No. 1:24-mj-01234 " + "x" * 200
    assert "at most 200" in (warrant_problem(too_long) or "")


@pytest.mark.parametrize("reason", [
    "", "ok", "xxxxxxxxxx", pytest.param("x" * 200, id="x*200"), "aaaaaaaa bbbbbbbb cccccccc", "asdf asdf asdf asdf", "..........",
    "1234567890 1234567890", "qwrtpsdfg hjklzxcv", "x\u200bx\u200bx\u200bx\u200bx\u200bx\u200bx\u200bx", "ab cd ef gh",
    "warrant warrant warrant", "lorem ipsum", "n/a n/a n/a n/a",
])
def test_reason_must_be_real_words(engine, users, reason: str) -> None:
    assert reason_problem(reason) is not None
    ctx = DisclosureContext(RecipientType.FEDERAL_IMMIGRATION)
    with pytest.raises(PolicyViolation) as exc:
        engine.make_override(ctx, users[Role.COUNSEL], ITEM, cat.ADDRESS, reason,
                             LegalBasis.of(J, "SDNY 26-MJ-01234"), "t")
    assert "written reason" in str(exc.value)


@pytest.mark.parametrize("reason", [
    REASON, "judicial warrant served", "warrant served on the department", "Court order requires the address.",
    "El juez ordenó entregar la dirección.",
])
def test_real_reasons_accepted(reason: str) -> None:
    assert reason_problem(reason) is None

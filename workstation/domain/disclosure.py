"""Who a case is disclosed to, on what legal basis, and under which NYC Identifying Information Law class.

Plain data (no I/O): a case carries one ``DisclosureContext``; the policy engine decides per recipient type what
may be released, and the case state machine checks the legal basis and the §23-1202 class before export.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.errors import UsageError
from workstation.domain.warrants import normalise_reference, reference_problem, warrant_problem


class RecipientType(StrEnum):
    """The recipient of a disclosure; the values are the CLI names (``--recipient public``)."""

    PUBLIC = "public"  # a FOIL requester (anyone)
    FEDERAL_IMMIGRATION = "federal-immigration"  # DHS, ICE, CBP, USCIS
    FEDERAL_LAW_ENFORCEMENT = "federal-law-enforcement"  # FBI, DEA, ATF, US Attorney ...
    COURT = "court"  # a court order or subpoena
    CITY_AGENCY = "city-agency"  # another NYC agency
    INTERNAL = "internal"  # within the department

    @property
    def label(self) -> str:
        return RECIPIENT_LABELS[self]

    @property
    def is_federal(self) -> bool:
        return self in (RecipientType.FEDERAL_IMMIGRATION, RecipientType.FEDERAL_LAW_ENFORCEMENT)

    @property
    def is_external(self) -> bool:
        return self is not RecipientType.INTERNAL

    @classmethod
    def parse(cls, name: str) -> RecipientType:
        try:
            return cls(name.strip().lower())
        except ValueError:
            raise UsageError(f"unknown recipient type {name!r} (one of: {', '.join(r.value for r in cls)})") from None


RECIPIENT_LABELS = {
    RecipientType.PUBLIC: "Public (FOIL requester)",
    RecipientType.FEDERAL_IMMIGRATION: "Federal immigration authority (DHS/ICE/CBP)",
    RecipientType.FEDERAL_LAW_ENFORCEMENT: "Other federal law enforcement",
    RecipientType.COURT: "Court / subpoena",
    RecipientType.CITY_AGENCY: "Other city agency",
    RecipientType.INTERNAL: "Internal (within the department)",
}


class LegalBasisKind(StrEnum):
    JUDICIAL_WARRANT = "judicial-warrant"  # signed by a judge; referenced by its number
    SUBPOENA = "subpoena"  # referenced by its index / docket number
    CONSENT = "consent"  # the individual's written consent, referenced by the form's identifier
    NONE = "none"

    @classmethod
    def parse(cls, name: str) -> LegalBasisKind:
        try:
            return cls(name.strip().lower())
        except ValueError:
            raise UsageError(f"unknown legal basis {name!r} (one of: {', '.join(k.value for k in cls)})") from None


@dataclass(frozen=True)
class LegalBasis:
    """The legal basis of a disclosure, e.g. ``LegalBasis(JUDICIAL_WARRANT, "SDNY 26-MJ-01234")``."""

    kind: LegalBasisKind = LegalBasisKind.NONE
    reference: str = ""  # warrant number, subpoena index number, consent form id

    @classmethod
    def of(cls, kind: LegalBasisKind, reference: str) -> LegalBasis:
        """The basis with its reference normalised (``warrants.normalise_reference``): what the CLI and the window
        store."""
        return cls(kind, normalise_reference(reference))

    def problem(self) -> str | None:
        """Why this basis is not usable as stated (one line, never repeating the reference), or None. A judicial
        warrant must name a court and a docket number and no administrative form (``workstation.domain.warrants``)."""
        ref = normalise_reference(self.reference)
        if self.kind is LegalBasisKind.NONE:
            return "a reference was given without a legal basis" if ref else None
        if not ref:
            what = {LegalBasisKind.JUDICIAL_WARRANT: "the warrant's number",
                    LegalBasisKind.SUBPOENA: "the subpoena's index or docket number",
                    LegalBasisKind.CONSENT: "the signed consent form's identifier"}[self.kind]
            return f"a {self.kind.value} must be referenced by {what}"
        if self.kind is LegalBasisKind.JUDICIAL_WARRANT:
            return warrant_problem(self.reference)
        return reference_problem(self.reference)

    @property
    def is_valid(self) -> bool:
        return self.problem() is None

    def describe(self) -> str:
        if self.kind is LegalBasisKind.NONE:
            return "no legal basis"
        return f"{self.kind.value} {self.reference.strip()}"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "reference": self.reference}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> LegalBasis:
        return cls(LegalBasisKind(data.get("kind", "none")), str(data.get("reference", "")))


class DisclosureClass(StrEnum):
    """NYC Admin Code §23-1202: how a disclosure of identifying information outside the agency is authorised."""

    ROUTINE = "routine"  # a routine disclosure the agency's privacy officer has pre-approved
    PRIVACY_OFFICER_APPROVED = "privacy-officer-approved"  # approved case by case by the privacy officer
    EXIGENT = "exigent"  # exigent circumstances; reported to the Chief Privacy Officer afterwards

    @classmethod
    def parse(cls, name: str) -> DisclosureClass:
        try:
            return cls(name.strip().lower())
        except ValueError:
            raise UsageError(f"unknown disclosure class {name!r} (one of: {', '.join(c.value for c in cls)})") from None


@dataclass(frozen=True)
class DisclosureContext:
    """To whom a case goes, why, and under which §23-1202 class."""

    recipient: RecipientType
    legal_basis: LegalBasis = LegalBasis()
    disclosure_class: DisclosureClass = DisclosureClass.ROUTINE
    request_reference: str = ""  # the FOIL request number, the agency's letter ... (no personal information)
    approval_reference: str = ""  # the privacy officer's approval id (PRIVACY_OFFICER_APPROVED) or exigency report

    def problem(self) -> str | None:
        """Why the context is inconsistent as stated (one line), or None."""
        basis = self.legal_basis.problem()
        if basis:
            return basis
        if self.disclosure_class is DisclosureClass.PRIVACY_OFFICER_APPROVED and not self.approval_reference.strip():
            return "a disclosure approved by the privacy officer must reference the approval"
        return None

    def to_dict(self) -> dict[str, object]:
        return {"recipient": self.recipient.value, "legal_basis": self.legal_basis.to_dict(),
                "disclosure_class": self.disclosure_class.value, "request_reference": self.request_reference,
                "approval_reference": self.approval_reference}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> DisclosureContext:
        basis = data.get("legal_basis") or {}
        assert isinstance(basis, dict)
        return cls(RecipientType(str(data["recipient"])), LegalBasis.from_dict(basis),
                   DisclosureClass(str(data.get("disclosure_class", "routine"))),
                   str(data.get("request_reference", "")), str(data.get("approval_reference", "")))

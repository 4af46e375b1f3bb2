"""Recipient-aware disclosure policy: what happens to each category for each recipient type, and who may change it.

One policy per recipient type in ``resources/policies/<recipient>.toml`` (see ``public.toml`` for the format):

- ``[actions]``: the default action per category — ``redact``, ``release`` or ``review`` (a person must decide);
- ``protected``: categories whose release needs counsel's approval (counsel's sign-off of the case) whatever the
  recipient; every category of ``categories.PROTECTED`` must be listed and may not default to ``release``;
- ``[sanctuary]``: categories that are *always* redacted for this recipient unless counsel records an override
  citing one of ``override_requires`` (for ``federal-immigration``: a judicial warrant, referenced by number);
- ``signoff_required``: the case must be signed off by counsel before export, whatever was released;
- ``legal_basis_required``: the case's legal basis must be one of these (e.g. a subpoena for a court);
- ``routine_release``: protected categories that may be released under a *routine* §23-1202 disclosure (any
  other protected release outside the department needs the privacy officer's approval or exigent circumstances);
- ``[exemptions]`` (optional): per-category exemption codes replacing the defaults of ``resources/exemptions.toml``;
- ``include_text_digests`` (optional, false): the redaction logs sent to the recipient carry the keyed digest of
  each removed text (HMAC under the case's secret; useless for guessing the text, equal for equal texts);
- ``flatten_unverifiable_pages`` (optional, true): a page whose text cannot be verifiably removed is exported as an
  image of it (boxes blanked, no text layer, verified by OCR); false refuses the export instead (exit 3);
- ``print_exemption_codes`` (optional, true): each box of the exported PDF shows its exemption code (the first of a
  combined code: "87(2)(b)", "(b)(6)"), as an image so that nothing in a box is extractable text; false: plain boxes.

Decisions are the strings of ``workstation.domain.review.Decision`` ("redact", "release", "defer", "not-pi");
``None`` is a pending item.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from workstation.domain.categories import ALL, PROTECTED
from workstation.domain.disclosure import (
    RECIPIENT_LABELS,
    DisclosureClass,
    DisclosureContext,
    LegalBasis,
    LegalBasisKind,
    RecipientType,
)
from workstation.domain.errors import ConfigurationError, PermissionDenied, PolicyViolation, UsageError
from workstation.domain.exemptions import DEFAULT_EXEMPTIONS_FILE, ExemptionCatalog, short_code
from workstation.domain.policy import Policy, flatten_flag, print_codes_flag, text_digests_flag
from workstation.domain.roles import Permission, Role, User, require
from workstation.domain.warrants import clean_text, reason_problem
from workstation.paths import RESOURCES

POLICIES_DIR = RESOURCES / "policies"

# Decision values (equal to workstation.domain.review.Decision members, which are StrEnums).
REDACT = "redact"
RELEASE = "release"
DEFER = "defer"
NOT_PI = "not-pi"
DECISIONS = (REDACT, RELEASE, DEFER, NOT_PI)
RELEASING = frozenset({RELEASE, NOT_PI})  # decisions that leave the text visible


class Disposition(StrEnum):
    REDACT = "redact"
    RELEASE = "release"
    REVIEW = "review"  # undecided, and the policy has no default: a person must decide before export


def is_pending(decision: str | None) -> bool:
    """Undecided or deferred to counsel."""
    return decision is None or decision == DEFER


def item_id(document: str, page: int, start: int, end: int, category: str, text_digest: str) -> str:
    """A stable identifier of a finding (the fields of ``review.FindingKey``), without its text."""
    return json.dumps([document, page, start, end, category, text_digest], separators=(",", ":"), ensure_ascii=False)


def short_item_id(document: str, page: int, start: int, end: int, category: str, text_digest: str) -> str:
    """The 12-hex-digit id of a finding shown to reviewers (``case show --items``, ``--finding ID``) and named by a
    refused export: a hash of ``item_id``."""
    full = item_id(document, page, start, end, category, text_digest)
    return hashlib.sha256(full.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Override:
    """Counsel's recorded decision to release one protected item despite the rule, with reason and legal basis."""

    item: str  # ``item_id`` of the finding
    category: str
    actor: str
    role: Role
    reason: str
    legal_basis: LegalBasis = LegalBasis()
    at: str = ""
    signature: str = ""  # counsel's Ed25519 signature of ``signing.override_statement`` (base64)
    policy_sha256: str = ""  # the recipient policy file signed under

    def digest(self) -> str:
        data = {"item": self.item, "category": self.category, "actor": self.actor, "role": self.role.value,
                "reason_sha256": hashlib.sha256(self.reason.encode("utf-8")).hexdigest(),
                "legal_basis": self.legal_basis.to_dict(), "at": self.at}
        return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"item": self.item, "category": self.category, "actor": self.actor,
                                  "role": self.role.value, "reason": self.reason,
                                  "legal_basis": self.legal_basis.to_dict(), "at": self.at}
        if self.signature:
            out.update(signature=self.signature, policy_sha256=self.policy_sha256)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Override:
        basis = data.get("legal_basis")
        return cls(str(data["item"]), str(data["category"]), str(data["actor"]), Role.parse(str(data["role"])),
                   str(data["reason"]), LegalBasis.from_dict(basis) if isinstance(basis, dict) else LegalBasis(),
                   str(data.get("at", "")), str(data.get("signature", "")), str(data.get("policy_sha256", "")))


@dataclass(frozen=True)
class RecipientPolicy:
    recipient: RecipientType
    name: str
    description: str
    actions: Mapping[str, Disposition]
    protected: frozenset[str]
    sanctuary: frozenset[str] = frozenset()
    override_requires: frozenset[LegalBasisKind] = frozenset()
    signoff_required: bool = False
    legal_basis_required: frozenset[LegalBasisKind] = frozenset()
    routine_release: frozenset[str] = frozenset()
    exemptions: Mapping[str, str] = field(default_factory=dict)  # category -> code (defaults merged in)
    include_text_digests: bool = False  # the redaction logs carry the keyed digest of each removed text
    flatten_unverifiable_pages: bool = True  # unverifiable pages exported as images (false: refused)
    print_exemption_codes: bool = True  # each box of the exported PDF shows its exemption code
    sha256: str = ""  # SHA-256 of the policy file's bytes (what counsel's signatures and the trail name)

    @classmethod
    def from_file(cls, path: Path, catalog: ExemptionCatalog) -> RecipientPolicy:
        try:
            raw = path.read_bytes()
            data = tomllib.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigurationError(f"{path}: cannot read policy: {exc}") from None
        try:
            from dataclasses import replace

            return replace(cls.from_dict(data, catalog), sha256=hashlib.sha256(raw).hexdigest())
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigurationError(f"{path}: {exc}") from None

    @classmethod
    def from_dict(cls, data: Mapping[str, object], catalog: ExemptionCatalog) -> RecipientPolicy:
        recipient = RecipientType(str(data["recipient"]))
        actions = {str(k): Disposition(str(v)) for k, v in _table(data, "actions").items()}
        sanctuary_t = _table(data, "sanctuary")
        exemptions = {c: catalog.default_code(recipient, c) for c in ALL}
        exemptions.update({str(k): str(v) for k, v in _table(data, "exemptions").items()})
        policy = cls(
            recipient=recipient,
            name=str(data.get("name", RECIPIENT_LABELS[recipient])),
            description=str(data.get("description", "")),
            actions=actions,
            protected=frozenset(_list(data, "protected")),
            sanctuary=frozenset(_list(sanctuary_t, "categories")),
            override_requires=frozenset(LegalBasisKind(k) for k in _list(sanctuary_t, "override_requires")),
            signoff_required=bool(data.get("signoff_required", False)),
            legal_basis_required=frozenset(LegalBasisKind(k) for k in _list(data, "legal_basis_required")),
            routine_release=frozenset(_list(data, "routine_release")),
            exemptions=exemptions,
            include_text_digests=text_digests_flag(data),
            flatten_unverifiable_pages=flatten_flag(data),
            print_exemption_codes=print_codes_flag(data),
        )
        problems = policy.problems(catalog)
        if problems:
            raise ValueError(problems[0])
        return policy

    def problems(self, catalog: ExemptionCatalog | None = None) -> list[str]:
        """Rule violations in the policy itself (a policy may not weaken the protected-category rules)."""
        out = []
        for c in ALL:
            if c not in self.actions:
                out.append(f"no action for category {c}")
        for c in (*self.actions, *self.protected, *self.sanctuary, *self.routine_release, *self.exemptions):
            if c not in ALL:
                out.append(f"unknown category {c!r}")
        for c in PROTECTED:
            if c not in self.protected:
                out.append(f"protected category {c} is not listed as protected")
        for c in self.protected | self.sanctuary:
            if self.actions.get(c) is Disposition.RELEASE:
                out.append(f"protected category {c} may not be released by default")
        if self.sanctuary and not self.override_requires:
            out.append("sanctuary categories need override_requires (the legal basis counsel must cite)")
        if LegalBasisKind.NONE in self.override_requires:
            out.append("an override of a sanctuary rule cannot rest on no legal basis")
        for c in self.routine_release & self.sanctuary:
            out.append(f"sanctuary category {c} cannot be a routine release")
        if catalog is not None:
            for c, code in self.exemptions.items():
                out.extend(f"{c}: {p}" for p in catalog.unknown(code))
        return out

    def default_action(self, category: str) -> Disposition:
        """Unknown categories (manual boxes, new detectors) are redacted."""
        return self.actions.get(category, Disposition.REDACT)

    def exemption_code(self, category: str) -> str:
        return self.exemptions.get(category, "")

    def is_protected(self, category: str) -> bool:
        return category in self.protected

    def is_locked(self, category: str) -> bool:
        """Always redacted for this recipient unless counsel overrides with the required legal basis."""
        return category in self.sanctuary

    def to_policy(self) -> Policy:
        """The headless ``Policy`` (``workstation redact``): every category not released by default is redacted."""
        return Policy(name=self.recipient.value,
                      reason_codes={c: self.exemption_code(c) for c in ALL
                                    if self.default_action(c) is not Disposition.RELEASE},
                      include_text_digests=self.include_text_digests,
                      flatten_unverifiable_pages=self.flatten_unverifiable_pages,
                      print_exemption_codes=self.print_exemption_codes)


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ValueError(f"{key} must be a table")
    return value


def _list(data: Mapping[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key} must be a list")
    return [str(v) for v in value]


class PolicyEngine:
    """The policies of every recipient type and the rules applied to decisions and overrides."""

    def __init__(self, policies: Mapping[RecipientType, RecipientPolicy], catalog: ExemptionCatalog) -> None:
        missing = [r.value for r in RecipientType if r not in policies]
        if missing:
            raise ConfigurationError(f"no policy for recipient type(s) {', '.join(missing)}")
        self.policies = dict(policies)
        self.catalog = catalog

    @classmethod
    def load(cls, directory: Path = POLICIES_DIR, exemptions: Path = DEFAULT_EXEMPTIONS_FILE) -> PolicyEngine:
        catalog = ExemptionCatalog.from_file(exemptions)
        policies = {}
        for recipient in RecipientType:
            path = directory / f"{recipient.value}.toml"
            if not path.is_file():
                raise ConfigurationError(f"{path}: policy for recipient {recipient.value!r} not found")
            policy = RecipientPolicy.from_file(path, catalog)
            if policy.recipient is not recipient:
                raise ConfigurationError(f"{path}: declares recipient {policy.recipient.value!r}")
            policies[recipient] = policy
        return cls(policies, catalog)

    def policy(self, recipient: RecipientType) -> RecipientPolicy:
        return self.policies[recipient]

    def default_action(self, recipient: RecipientType, category: str) -> Disposition:
        return self.policies[recipient].default_action(category)

    def exemption_code(self, recipient: RecipientType, category: str) -> str:
        return self.policies[recipient].exemption_code(category)

    def short_code(self, recipient: RecipientType, category: str) -> str:
        return short_code(self.exemption_code(recipient, category))

    # ----- rules
    def override_problem(self, ctx: DisclosureContext, category: str, override: Override | None) -> str | None:
        """Why ``override`` does not allow releasing an item of ``category`` to ``ctx.recipient`` (None: it does).

        Checks a stored override again (it may have been recorded under another policy or tampered with)."""
        policy = self.policies[ctx.recipient]
        if not policy.is_protected(category) and not policy.is_locked(category):
            return None
        if override is None:
            return _needs_override(policy, category)
        if override.category != category:
            return f"the override is for {override.category}, not {category}"
        if override.role is not Role.COUNSEL:
            return f"overrides are recorded by counsel, not by a {override.role.value}"
        reason = reason_problem(override.reason)  # real words, not "xxxxxxxxxx" (workstation.domain.warrants)
        if reason:
            return reason
        basis_problem = override.legal_basis.problem()
        if basis_problem:
            return basis_problem
        if policy.is_locked(category) and override.legal_basis.kind not in policy.override_requires:
            return _needs_override(policy, category)
        return None

    def check_decision(self, ctx: DisclosureContext, user: User, category: str, decision: str | None,
                       override: Override | None = None) -> None:
        """Refuse a decision the user's role or the recipient's rules forbid (``PermissionDenied`` /
        ``PolicyViolation``, exit 4). Releasing a protected item is allowed here when it is not locked: it then
        requires counsel's sign-off of the case before export (``Case.export_problems``)."""
        require(user, Permission.DECIDE, f"{category} item")
        if decision is not None and decision not in DECISIONS:
            raise UsageError(f"unknown decision {decision!r}")
        if decision not in RELEASING:
            return
        policy = self.policies[ctx.recipient]
        if not policy.is_locked(category):
            return
        problem = self.override_problem(ctx, category, override)
        if problem is None:
            return
        if not user.can(Permission.OVERRIDE):
            raise PermissionDenied(
                f"{user.name} ({user.role.value}) may not override a protected-category rule: {problem}",
                user=user.name, role=user.role.value, action=Permission.OVERRIDE.value)
        raise PolicyViolation(problem, category=category, recipient=ctx.recipient.value)

    def make_override(self, ctx: DisclosureContext, user: User, item: str, category: str, reason: str,
                      legal_basis: LegalBasis, at: str) -> Override:
        """Counsel's override allowing the release of one protected item; refused unless it satisfies the rules."""
        require(user, Permission.OVERRIDE, f"{category} to {ctx.recipient.value}")
        policy = self.policies[ctx.recipient]
        if not policy.is_protected(category) and not policy.is_locked(category):
            raise PolicyViolation(f"{category} is not protected for {ctx.recipient.value}: no override is needed",
                                  category=category, recipient=ctx.recipient.value)
        override = Override(item, category, user.name, user.role, clean_text(reason), legal_basis, at)
        problem = self.override_problem(ctx, category, override)
        if problem:
            raise PolicyViolation(problem, category=category, recipient=ctx.recipient.value)
        return override

    def effective_action(self, ctx: DisclosureContext, category: str, decision: str | None,
                         override: Override | None = None) -> Disposition:
        """What the export does with an item: a locked category is redacted unless validly overridden, whatever
        the decision says; a pending item takes the policy's default (``REVIEW`` = not exportable yet)."""
        policy = self.policies[ctx.recipient]
        if is_pending(decision):
            return policy.default_action(category)
        if decision == REDACT:
            return Disposition.REDACT
        if policy.is_locked(category) and self.override_problem(ctx, category, override) is not None:
            return Disposition.REDACT
        return Disposition.RELEASE

    def needs_signoff(self, ctx: DisclosureContext, released_categories: Iterable[str]) -> str | None:
        """Why counsel's sign-off is required before export (one line), or None."""
        policy = self.policies[ctx.recipient]
        protected = sorted({c for c in released_categories if policy.is_protected(c)})
        if protected:
            return f"protected information released ({', '.join(protected)}) needs counsel's sign-off"
        if policy.signoff_required:
            return f"disclosures to recipient {ctx.recipient.value!r} need counsel's sign-off"
        return None

    def context_problem(self, ctx: DisclosureContext) -> str | None:
        problem = ctx.problem()
        if problem:
            return problem
        required = self.policies[ctx.recipient].legal_basis_required
        if required and ctx.legal_basis.kind not in required:
            kinds = " or ".join(sorted(k.value for k in required))
            return f"disclosures to recipient {ctx.recipient.value!r} need a legal basis: {kinds}"
        return None

    def disclosure_class_problem(self, ctx: DisclosureContext, released_categories: Iterable[str]) -> str | None:
        """§23-1202: protected information leaving the department needs a routine (pre-approved) disclosure,
        the privacy officer's approval or exigent circumstances."""
        policy = self.policies[ctx.recipient]
        if not ctx.recipient.is_external or ctx.disclosure_class is not DisclosureClass.ROUTINE:
            return None
        beyond = sorted({c for c in released_categories if policy.is_protected(c) and c not in policy.routine_release})
        if beyond:
            return (f"releasing {', '.join(beyond)} to {ctx.recipient.value} is not a routine disclosure under "
                    "Admin Code §23-1202: record the privacy officer's approval or exigent circumstances")
        return None


def _needs_override(policy: RecipientPolicy, category: str) -> str:
    who = RECIPIENT_LABELS[policy.recipient].lower()
    if policy.is_locked(category):
        bases = " or ".join(sorted(k.value.replace("-", " ") for k in policy.override_requires))
        return (f"{category} is always redacted for {who} unless counsel records an override citing a {bases} "
                "by its number")
    return f"releasing {category} to {who} needs counsel's approval"


def load_policy_file(path: Path, exemptions: Path = DEFAULT_EXEMPTIONS_FILE) -> Policy:
    """A headless ``Policy`` from either format: a ``[redact]`` table (default.toml) or a recipient policy."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "recipient" in data and "redact" not in data:
        try:
            return RecipientPolicy.from_dict(data, ExemptionCatalog.from_file(exemptions)).to_policy()
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigurationError(f"{path}: {exc}") from None
    try:
        digests = text_digests_flag(data)
        flatten = flatten_flag(data)
        codes = print_codes_flag(data)
    except ValueError as exc:
        raise ConfigurationError(f"{path}: {exc}") from None
    return Policy(name=str(data.get("name", path.stem)),
                  reason_codes={str(k): str(v) for k, v in data.get("redact", {}).items()},
                  include_text_digests=digests, flatten_unverifiable_pages=flatten, print_exemption_codes=codes)

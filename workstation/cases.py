"""Cases under a disclosure policy: create and scan, decide, override, sign off, export, spot-check, report.

The glue between the domain's rules (``policy_engine``, ``case``, ``roles``, ``audit``, ``reports``), the case store
and the pipeline, shared by the command line (``workstation case ...``) and the window. Every rule is enforced
here or in the domain - never only by disabling a button - and every event, refusals included, is appended to
the case's hash-chained audit trail. Nothing here writes a finding's text anywhere: items are referenced by
document, page, offsets, category and the keyed digest of their text (``model.text_digest``, under the case's
secret, which stays in the store).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from workstation.domain.audit import (
    GENESIS,
    EventType,
    VerificationResult,
    sample,
    spot_check_result,
    utc_now,
    verify_anchored,
)
from workstation.domain.case import Case, CaseItem, CaseState, decisions_digest
from workstation.domain.categories import PROTECTED
from workstation.domain.disclosure import DisclosureContext, LegalBasis, LegalBasisKind, RecipientType
from workstation.domain.errors import (
    CaseStateError,
    ExportRefused,
    PermissionDenied,
    PolicyViolation,
    UsageError,
    WorkstationError,
)
from workstation.domain.free_text import CASE_LABEL_FALLBACK, Analyze, FreeTextScreen, Screened
from workstation.domain.model import Finding
from workstation.domain.naming import FALLBACK, SensitiveTerms, safe_label
from workstation.domain.policy_engine import (
    DEFER,
    REDACT,
    RELEASE,
    Disposition,
    Override,
    PolicyEngine,
    item_id,
)
from workstation.domain.reports import (
    COLUMNS,
    CaseStatistics,
    PublicSummary,
    VaughnRow,
    Withheld,
    public_summary,
    vaughn_index,
)
from workstation.domain.review import (
    Action,
    Change,
    Decision,
    DecisionRecord,
    FindingKey,
)
from workstation.domain.roles import Permission, User, UserDirectory, require
from workstation.domain.signing import Signer, TrustAnchor, override_statement, sign_off_statement
from workstation.store.case_store import CaseRecord, CaseStore

DEFAULT_RECIPIENT = RecipientType.PUBLIC  # cases opened in the window before a recipient is set
SYSTEM_TRAIL = "system"  # the store's trail of user administration and failed logins (not a case)
RESERVED_NAMES = frozenset({"summary", SYSTEM_TRAIL})  # ``workstation report summary``, ``audit show system``


@lru_cache(maxsize=1 << 16)  # every check of a case works out the ids of all its findings again
def short_id(key: FindingKey) -> str:
    """The 12-hex-digit id of a finding shown to reviewers (``--finding ID``, ``--item ID``)."""
    full = item_id(key.document, key.page, key.start, key.end, key.category, key.text_digest)
    return hashlib.sha256(full.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1 << 16)
def full_item_id(key: FindingKey) -> str:
    return item_id(key.document, key.page, key.start, key.end, key.category, key.text_digest)


def parse_basis(text: str | None) -> LegalBasis:
    """``KIND[:REFERENCE]`` (``judicial-warrant:SDNY 26-MJ-01234``, ``subpoena:Index 123/2026``, ``none``)."""
    if not text:
        return LegalBasis()
    kind, _, ref = text.partition(":")
    return LegalBasis.of(LegalBasisKind.parse(kind), ref)


def document_label(path: str) -> str:
    """A document's name in printed lists shown to the reviewer (the file name; attachments keep their '#name').
    What leaves the workstation or is audited uses the safe label instead (``CaseStore.document_labels``)."""
    return Path(path.split("#", 1)[0]).name + (("#" + path.split("#", 1)[1]) if "#" in path else "")


@dataclass(frozen=True)
class Item:
    """A finding of a case as the rules see it, with its stored decision (never its text)."""

    id: str
    key: FindingKey
    score: float
    recognizer: str
    record: DecisionRecord | None
    allowed: bool  # its text is on the case's allow-list (not personal information)
    override: Override | None

    @property
    def decision(self) -> str | None:
        if self.record is not None:
            return self.record.decision.value
        return Decision.NOT_PI.value if self.allowed else None

    @property
    def category(self) -> str:
        return self.key.category

    def case_item(self) -> CaseItem:
        return CaseItem(full_item_id(self.key), self.key.document, self.key.page, self.key.category, self.decision,
                        self.override)


@dataclass
class ExportResult:
    outputs: dict[str, str]  # file name -> SHA-256
    out_dir: Path
    documents: int
    boxes: int
    record_head: str
    flattened: dict[str, list[int]] = field(default_factory=dict)  # exported PDF's name -> pages exported as images

    @property
    def notes(self) -> list[str]:
        """One line per flattened page (``pipeline.Export.flattened_notes``), naming the exported PDF."""
        from workstation.pipeline import FLATTENED_REASON

        return [f"{label}: page {n} flattened: {FLATTENED_REASON}"
                for label, pages in sorted(self.flattened.items()) for n in pages]


@dataclass
class CaseService:
    store: CaseStore
    policies: PolicyEngine = field(default_factory=PolicyEngine.load)
    clock: Callable[[], str] = utc_now
    # free text a user types is checked for personal information before it is stored (``free_text``): the
    # detection engine's ``analyze_many`` and, per case id, its findings (with their texts: a rescan, or the
    # window's); without them, non-empty free text is refused
    detector: Analyze | None = None
    case_findings: Callable[[str], Iterable[Any]] | None = None
    # counsel's approvals are signatures (``signing``): export verifies each against the signer's key in ``users``,
    # registered up to the administrators' key fingerprints of the trust ``anchor``
    users: UserDirectory | None = None
    anchor: TrustAnchor | None = None

    # ----- lookup
    def lookup(self, name: str) -> CaseRecord:
        rec = self.store.find_case(name)
        if rec is None:
            raise UsageError(f"no case named {name!r}")
        return rec

    def state(self, case_id: str) -> Case:
        return self.store.case_state(case_id) or Case(case_id, DisclosureContext(DEFAULT_RECIPIENT))

    def items(self, case_id: str) -> list[Item]:
        decisions = {d.key: d for d in self.store.decisions(case_id)}
        allow = {a.text_digest for a in self.store.allow_list(case_id)}
        overrides = self.store.overrides(case_id)
        out = []
        for key, score, recognizer, allow_sha in self.store.findings(case_id):
            out.append(Item(short_id(key), key, score, recognizer, decisions.get(key), allow_sha in allow,
                            overrides.get(full_item_id(key))))
        return out

    def case_items(self, case_id: str) -> list[CaseItem]:
        items = [i.case_item() for i in self.items(case_id)]
        items += [CaseItem(f"manual:{m.id}", m.document, m.page, f"MANUAL-{m.kind.value.upper()}", REDACT)
                  for m in self.store.manual(case_id)]
        return items

    def item(self, case_id: str, ident: str) -> Item:
        found = [i for i in self.items(case_id) if i.id.startswith(ident)] if len(ident) >= 6 else []
        if len(found) != 1:
            raise UsageError(f"no finding {ident!r} in this case" if not found else f"finding id {ident!r} is ambiguous")
        return found[0]

    # ----- free text (issue 12 item 4)
    def screen(self, case_id: str | None, findings: Iterable[Any] | None = None) -> FreeTextScreen:
        """The check of ``case_id``'s free text: the engine plus the texts of the case's findings (``findings``, or
        ``case_findings``; those decided "not personal information" are left out). ``PolicyViolation`` when no
        engine was given: free text that cannot be checked is not stored."""
        if self.detector is None:
            raise PolicyViolation("free text cannot be checked for personal information: the detection engine is "
                                  "not ready (try again once the case is scanned); nothing was recorded")
        from workstation.pipeline import label_generic_words

        if findings is None:
            findings = self.case_findings(case_id) if self.case_findings is not None and case_id else ()
            not_pi = {i.key for i in self.items(case_id) if i.decision == Decision.NOT_PI.value} if case_id else set()
            findings = [f for f in findings if FindingKey.of(f) not in not_pi]
        return FreeTextScreen(self.detector, [(f.text, f.entity_type) for f in findings], label_generic_words())

    def refuse_personal(self, case_id: str | None, fields: Mapping[str, str],
                        findings: Iterable[Any] | None = None) -> None:
        """Refuse (``PolicyViolation``, exit 4) when any non-empty field holds personal information."""
        given = {name: text for name, text in fields.items() if text.strip()}
        if given:
            self.screen(case_id, findings).refuse_all(given)

    def mask_personal(self, case_id: str, field_name: str, text: str,
                      notices: list[str] | None = None) -> Screened:
        """``text`` with any personal information in it replaced by ``[CATEGORY]``; the notice (what kinds were
        masked, never the text) is appended to ``notices``."""
        if not text.strip():
            return Screened(text.strip())
        screened = self.screen(case_id).mask(text)
        if screened.masked and notices is not None:
            notices.append(screened.notice(field_name))
        return screened

    def case_label(self, case_id: str) -> str:
        """The case name as it leaves the store (reports, the trail): its safe label, stored by the scan."""
        return self.state(case_id).label or CASE_LABEL_FALLBACK

    def _label(self, case_id: str | None, name: str, findings: Iterable[Any] | None = None,
               detector: Analyze | None = None) -> str:
        """A case name's safe label (``FreeTextScreen.label``); without an engine, from the findings' texts only
        (or ``case`` when there are none either)."""
        from workstation.pipeline import label_generic_words

        detector = detector or self.detector
        texts = [(f.text, f.entity_type) for f in findings or ()]
        if detector is None:
            if not texts:
                return CASE_LABEL_FALLBACK
            label = safe_label(name, SensitiveTerms.of([t for t, _ in texts], label_generic_words()))
            return CASE_LABEL_FALLBACK if label == FALLBACK else label
        return FreeTextScreen(detector, texts, label_generic_words()).label(name)

    # ----- refusals are audited too
    @contextmanager
    def _audited(self, case_id: str, user: User, action: str,
                 labels: Mapping[str, str] | None = None) -> Iterator[None]:
        """Record a refusal by a rule (role, policy, state) in the trail, its message scrubbed of document names
        (``labels``: path -> safe label, the stored ones by default)."""
        try:
            yield
        except (PermissionDenied, PolicyViolation, CaseStateError) as exc:
            self.store.append_event(case_id, user.name, user.role.value, "refused",
                                    {"case_id": case_id, "action": action,
                                     "reason": self.scrub(case_id, str(exc), labels)})
            raise

    def scrub(self, case_id: str, message: str, labels: Mapping[str, str] | None = None) -> str:
        """A message for the audit trail with every document's path, file name and stem replaced by its safe
        label (refusals and failed exports name the documents they are about)."""
        labels = dict(labels if labels is not None else self.store.document_labels(case_id))
        for document, _, _ in self.store.scanned_documents(case_id):
            labels.setdefault(document, FALLBACK)
        names: dict[str, str] = {}
        for document, label in sorted(labels.items(), key=lambda kv: "#" in kv[0]):  # files before attachments
            file, _, attachment = document.partition("#")
            forms = ((document, document_label(document), attachment, Path(attachment).stem) if attachment
                     else (document, Path(file).name, Path(file).stem))
            for name in forms:
                if len(name) >= 3:
                    names.setdefault(name, label)
        rec = self.store.case(case_id)
        if rec is not None and len(rec.name) >= 3:
            names.setdefault(rec.name, self.case_label(case_id))
        for name in sorted(names, key=len, reverse=True):
            message = message.replace(name, names[name])
        return message

    # ----- creating and scanning
    def create(self, sources: Sequence[str], name: str, context: DisclosureContext, user: User,
               scanned: Sequence[Any] | None = None) -> CaseRecord:
        """Open a case; its references are checked for personal information and its name is recorded in the trail
        by its safe label (from the findings of ``scanned``, when given)."""
        require(user, Permission.OPEN_CASE, name)
        if name in RESERVED_NAMES or not name.strip():
            raise UsageError(f"{name!r} cannot be a case name")
        problem = context.problem()
        if problem:
            raise UsageError(problem)
        findings = [f for s in scanned or () for f in s.findings]
        self.refuse_personal(None, self._reference_fields(context), findings)
        existing = self.store.find_case(name)
        if existing is not None:
            raise UsageError(f"a case named {name!r} already exists")
        from workstation.store.case_store import case_id_for

        other = self.store.case(case_id_for(sources))
        if other is not None and self.store.case_state(other.id) is not None:
            raise UsageError(f"these files are already case {other.name!r}")
        rec = self.store.open_case(sources, name)
        case = Case(rec.id, context, label=self._label(None, name, findings))
        self.store.save_state(rec.id, case, user.name, user.role.value, [(EventType.CASE_OPENED, {
            "case_id": rec.id, "name": case.label, "documents_given": len(sources),
            **self._context_details(context), "policy_sha256": self.policy_sha256(context.recipient)})])
        return rec

    @staticmethod
    def _reference_fields(ctx: DisclosureContext) -> dict[str, str]:
        return {"the legal basis' reference": ctx.legal_basis.reference, "the request reference":
                ctx.request_reference, "the approval reference": ctx.approval_reference}

    def create_scanned(self, sources: Sequence[str], name: str, context: DisclosureContext, user: User,
                       scanned: Sequence[Any], versions: dict[str, str], *,
                       labels: Mapping[str, str] | None = None) -> tuple[CaseRecord, int]:
        """Create a case from its scan (``create`` then ``record_scan``) in one transaction: a failure at any step
        - a refusal, a duplicate, an error writing - leaves no case, no rows and no audit records. Returns the case
        and its findings."""
        with self.store.transaction():
            rec = self.create(sources, name, context, user, scanned)
            return rec, self.record_scan(rec, user, scanned, versions, labels=labels)

    @staticmethod
    def _context_details(ctx: DisclosureContext) -> dict[str, Any]:
        return {"recipient": ctx.recipient.value, "legal_basis": ctx.legal_basis.to_dict(),
                "disclosure_class": ctx.disclosure_class.value, "request_reference": ctx.request_reference,
                "approval_reference": ctx.approval_reference}

    def ensure_state(self, rec: CaseRecord, user: User) -> Case:
        """A case opened in the window gets the default context (public) the first time, recorded as opened."""
        case = self.store.case_state(rec.id)
        if case is None:
            label = self._label(None, rec.name) if self.detector is not None else CASE_LABEL_FALLBACK
            case = Case(rec.id, DisclosureContext(DEFAULT_RECIPIENT), label=label)
            self.store.save_state(rec.id, case, user.name, user.role.value, [(EventType.CASE_OPENED, {
                "case_id": rec.id, "name": case.label, **self._context_details(case.context)})])
        return case

    def set_context(self, case_id: str, user: User, context: DisclosureContext) -> Case:
        """Change the recipient, legal basis or class: a change, so it voids a sign-off."""
        with self._audited(case_id, user, "set-context"):
            require(user, Permission.DECIDE, "the case's disclosure context")
            problem = context.problem()
            if problem:
                raise CaseStateError(problem)
            self.refuse_personal(case_id, self._reference_fields(context))
            old = self.state(case_id)
            new = old.changed(user, "disclosure context changed")
            from dataclasses import replace

            new = replace(new, context=context)
            events: list[tuple[str, dict[str, Any]]] = [("context-changed", {
                "case_id": case_id, "before": self._context_details(old.context),
                "after": self._context_details(context), "policy_sha256": self.policy_sha256(context.recipient)})]
            events += self._voided(old, new)
            self.store.save_state(case_id, new, user.name, user.role.value, events)
            return new

    def record_scan(self, rec: CaseRecord, user: User, scanned: Sequence[Any], versions: dict[str, str],
                    *, policy_decisions: bool = True, labels: Mapping[str, str] | None = None,
                    engine: Any = None) -> int:
        """Store the scan (document hashes, finding keys, the documents' safe labels), its engine versions, and the
        recipient policy's default decisions for undecided findings (recorded as decisions of the policy). Returns
        the findings. ``labels`` (path -> safe label) are computed from the findings (and, given the detection
        ``engine``, from what it finds in the file names) when not given."""
        require(user, Permission.OPEN_CASE, rec.name)
        if labels is None:
            from workstation.pipeline import document_labels

            labels = document_labels(scanned, engine)
        case = self.ensure_state(rec, user)
        label = self._label(rec.id, rec.name, [f for s in scanned for f in s.findings], engine and engine.analyze_many)
        if label != case.label:
            from dataclasses import replace

            case = replace(case, label=label)
            self.store.save_state(rec.id, case, user.name, user.role.value)
        from workstation.pipeline import keyed

        scanned = keyed(scanned, self.store.text_key(rec.id))  # digests under the case's secret
        docs = [(s.document.path, document_sha256(s.document), len(s.document.pages)) for s in scanned]
        rows = [(f.document, f.page, f.start, f.end, f.entity_type, f.text_digest, float(f.score), f.recognizer,
                 f.allow_digest) for s in scanned for f in s.findings]
        details = {"case_id": rec.id, "documents": len(docs), "findings": len(rows),
                   "engine_version": versions.get("presidio_analyzer", ""), "model": versions.get("model", ""),
                   "model_version": versions.get("model_manifest_sha256", ""),
                   "spacy": versions.get("spacy", ""),
                   "recognizers": dict(_pair(r) for r in versions.get("recognizers", "").split(",") if r)}
        self.store.save_scan(rec.id, docs, rows, user.name, user.role.value, details, labels=labels)
        if policy_decisions:
            self._policy_decisions(rec.id, case, user)
        return len(rows)

    def _policy_decisions(self, case_id: str, case: Case, user: User) -> None:
        policy = self.policies.policy(case.context.recipient)
        at = self.clock()
        changes = []
        for i in self.items(case_id):
            if i.decision is not None:
                continue
            action = policy.default_action(i.category)
            if action is Disposition.REVIEW:
                continue
            decision = Decision.REDACT if action is Disposition.REDACT else Decision.RELEASE
            code = policy.exemption_code(i.category) if decision is Decision.REDACT else ""
            changes.append(Change(None, DecisionRecord(i.key, decision, code,
                                                       f"default action of the {policy.recipient.value} policy",
                                                       user.name, at)))
        if changes:
            label = f"policy default ({policy.recipient.value})"
            self.store.apply(case_id, Action(label, tuple(changes)), user.name, user.role.value)

    # ----- decisions and overrides
    def decide(self, case_id: str, user: User, ids: Sequence[str], decision: str, *, all_pending: bool = False,
               reason: str = "", reason_code: str = "") -> int:
        """Decide findings (redact / release / defer); the recipient's rules and the user's role are checked."""
        with self._audited(case_id, user, f"decide {decision}"):
            require(user, Permission.DECIDE, "findings")
            if decision not in (REDACT, RELEASE, DEFER):
                raise UsageError(f"unknown decision {decision!r} (redact, release or defer)")
            case = self.state(case_id)
            items = self.items(case_id)
            chosen = ([i for i in items if i.decision is None or i.decision == DEFER] if all_pending
                      else [self.item(case_id, ident) for ident in ids])
            if not chosen:
                return 0
            self.refuse_personal(case_id, {"the reason": reason})
            at = self.clock()
            changes = []
            for i in chosen:
                self.policies.check_decision(case.context, user, i.category, decision, i.override)
                if decision == RELEASE and i.category in PROTECTED and len(reason.strip()) < 10:
                    raise PolicyViolation(f"releasing {i.category} needs a written reason (--reason)",
                                          category=i.category)
                code = (reason_code or self.policies.exemption_code(case.context.recipient, i.category)
                        if decision == REDACT else "")
                changes.append(Change(i.record, DecisionRecord(i.key, Decision(decision), code, reason.strip(),
                                                               user.name, at)))
            new = case.changed(user, f"{decision} {len(changes)} finding(s)")
            label = f"{decision} {len(changes)} finding{'s' if len(changes) != 1 else ''}"
            self.store.apply(case_id, Action(label, tuple(changes)), user.name, user.role.value,
                             case=new if new != case else None, events=self._voided(case, new))
            return len(changes)

    def _voided(self, old: Case, new: Case) -> list[tuple[str, dict[str, Any]]]:
        if old.sign_off is not None and new.sign_off is None:
            return [(EventType.SIGN_OFF_VOIDED, {"case_id": old.case_id, "signed_by": old.sign_off.actor,
                                                 "signed_at": old.sign_off.at, "why": new.note})]
        return []

    def override(self, case_id: str, user: User, ident: str, reason: str, warrant: str,
                 signer: Signer | None = None) -> Override:
        """Counsel's override releasing one protected item, citing a judicial warrant by its number, signed with
        counsel's key (``signer``: unlocked with counsel's passphrase)."""
        with self._audited(case_id, user, "override"):
            case = self.state(case_id)
            i = self.item(case_id, ident)
            basis = LegalBasis.of(LegalBasisKind.JUDICIAL_WARRANT, warrant) if warrant.strip() else LegalBasis()
            ov = self.policies.make_override(case.context, user, full_item_id(i.key), i.category, reason, basis,
                                             self.clock())
            self.refuse_personal(case_id, {"the override's reason": ov.reason,
                                           "the warrant number": basis.reference})
            self._check_signer(user, signer, "an override")
            assert signer is not None
            policy_sha = self.policy_sha256(case.context.recipient)
            ov = replace(ov, policy_sha256=policy_sha,
                         signature=signer.sign(self.override_statement(case_id, case, ov, policy_sha)))
            new = case.changed(user, f"override of {i.category}")
            details = {"case_id": case_id, "item": i.id, **self.store.document_ref(case_id, i.key.document),
                       "page": i.key.page,
                       "start": i.key.start, "end": i.key.end, "category": i.category,
                       "text_digest": i.key.text_digest, "reason": ov.reason, "legal_basis": basis.to_dict(),
                       "override_digest": ov.digest(), "signed_with": signer.fingerprint,
                       "policy_sha256": policy_sha}
            self.store.save_override(case_id, ov, new, user.role.value, details)
            change = Change(i.record, DecisionRecord(i.key, Decision.RELEASE, "", ov.reason, user.name, ov.at))
            self.store.apply(case_id, Action(f"release under override ({basis.describe()})", (change,)), user.name,
                             user.role.value, events=self._voided(case, new))
            return ov

    # ----- sign-off
    def submit(self, case_id: str, user: User) -> Case:
        with self._audited(case_id, user, "submit"):
            case = self.state(case_id)
            new = case.submit(user, self.case_items(case_id), self.policies)
            self.store.save_state(case_id, new, user.name, user.role.value,
                                  [(EventType.SUBMITTED, {"case_id": case_id})])
            return new

    def signoff_summary(self, case_id: str) -> dict[str, Any]:
        """What counsel signs: protected items released, overrides, anything pending, what else blocks export."""
        case = self.state(case_id)
        items = self.case_items(case_id)
        released = case.released(items, self.policies)
        policy = self.policies.policy(case.context.recipient)
        return {
            "state": case.state.value,
            "recipient": case.context.recipient.value,
            "legal_basis": case.context.legal_basis.describe(),
            "disclosure_class": case.context.disclosure_class.value,
            "items": len(items),
            "protected_released": [(i.document, i.page, i.category) for i in released
                                   if policy.is_protected(i.category)],
            "overrides": [o for o in self.store.overrides(case_id).values()],
            "pending": [(i.document, i.page, i.category, i.decision or "pending")
                        for i in case.pending(items, self.policies)],
            "signoff_reason": case.signoff_reason(items, self.policies),
            "problems": case.export_problems(items, self.policies),
        }

    def sign_off(self, case_id: str, user: User, note: str = "", *, notices: list[str] | None = None,
                 signer: Signer | None = None) -> Case:
        """Counsel signs the case off (submitting it first when it is still in review) with counsel's key
        (``signer``); personal information in the ``note`` is masked (said in ``notices`` and the trail)."""
        with self._audited(case_id, user, "sign-off"):
            require(user, Permission.SIGN_OFF, case_id)
            self._check_signer(user, signer, "a sign-off")
            assert signer is not None
            screened = self.mask_personal(case_id, "the sign-off note", note, notices)
            note = screened.text
            case = self.state(case_id)
            items = self.case_items(case_id)
            events: list[tuple[str, dict[str, Any]]] = []
            if case.state is CaseState.IN_REVIEW:
                case = case.submit(user, items, self.policies)
                events.append((EventType.SUBMITTED, {"case_id": case_id}))
            new = case.sign_off_by(user, items, self.policies, self.clock(), note)
            released = new.released(items, self.policies)
            policy = self.policies.policy(new.context.recipient)
            assert new.sign_off is not None
            so = replace(new.sign_off, policy_sha256=policy.sha256)
            new = replace(new, sign_off=replace(so, signature=signer.sign(self.sign_off_statement(case_id, new, so))))
            events.append((EventType.SIGN_OFF, {
                "case_id": case_id, "digest": so.digest, "note": note, "items": len(items),
                "signed_with": signer.fingerprint, "policy_sha256": policy.sha256,
                "protected_released": sum(1 for i in released if policy.is_protected(i.category)),
                "overrides": len(self.store.overrides(case_id)), "recipient": new.context.recipient.value,
                **_masked(screened)}))
            self.store.save_state(case_id, new, user.name, user.role.value, events)
            return new

    def return_to_review(self, case_id: str, user: User, reason: str, *, notices: list[str] | None = None) -> Case:
        """Counsel returns the case to review; personal information in the ``reason`` is masked (said in
        ``notices`` and the trail)."""
        with self._audited(case_id, user, "return"):
            case = self.state(case_id)
            case.return_to_review(user, reason)  # refused (no reason, wrong state, role) before the engine runs
            screened = self.mask_personal(case_id, "the reason", reason, notices)
            new = case.return_to_review(user, screened.text)
            self.store.save_state(case_id, new, user.name, user.role.value,
                                  [(EventType.RETURNED, {"case_id": case_id, "reason": screened.text,
                                                         **_masked(screened)}),
                                   *self._voided(case, new)])
            return new

    # ----- export
    def check_export(self, case_id: str, user: User) -> None:
        """Refuse (exit 4, recorded) an export the case's state or rules forbid, or whose approvals do not verify:
        every override and the sign-off must carry a valid signature of their signer over what the case holds
        now."""
        with self._audited(case_id, user, "export"):
            self.state(case_id).check_export(user, self.case_items(case_id), self.policies)
            problems = self.approval_problems(case_id)
            if problems:
                more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ExportRefused(f"{case_id}: export refused: {problems[0]}{more}")

    def record_login_failure(self, name: str, known: bool, where: str) -> None:
        """A failed login (wrong passphrase or unknown user) in the store's system trail: the name only when it is a
        user's (a passphrase typed into the name field is not kept)."""
        self.store.append_event(SYSTEM_TRAIL, name if known else "(unknown)", "none", "login-failed",
                                {"known_user": known, "command": where})

    # ----- signatures (issue 12 item 1)
    def policy_sha256(self, recipient: RecipientType) -> str:
        return self.policies.policy(recipient).sha256

    def _check_signer(self, user: User, signer: Signer | None, what: str) -> None:
        """Refuse an approval without the approver's own unlocked key (the one in the users file, when given)."""
        if signer is None:
            raise PermissionDenied(f"{user.name}: {what} must be signed with your key: unlock it with your "
                                   "passphrase", user=user.name, role=user.role.value)
        registered = self.users.get(user.name) if self.users is not None else None
        if signer.user != user.name or (self.users is not None and (
                registered is None or registered.key is None or registered.key.public != signer.public)):
            raise PermissionDenied(f"{user.name}: {what} must be signed with your own registered key",
                                   user=user.name, role=user.role.value)

    @staticmethod
    def sign_off_statement(case_id: str, case: Case, sign_off: Any, policy_sha256: str | None = None,
                           digest: str | None = None) -> dict[str, Any]:
        return sign_off_statement(
            case_id=case_id, recipient=case.context.recipient.value, legal_basis=case.context.legal_basis.to_dict(),
            disclosure_class=case.context.disclosure_class.value,
            decisions_digest=digest if digest is not None else sign_off.digest,
            policy_sha256=policy_sha256 if policy_sha256 is not None else sign_off.policy_sha256,
            signer=sign_off.actor, at=sign_off.at)

    @staticmethod
    def override_statement(case_id: str, case: Case, ov: Override, policy_sha256: str) -> dict[str, Any]:
        return override_statement(
            case_id=case_id, recipient=case.context.recipient.value,
            case_legal_basis=case.context.legal_basis.to_dict(), item=ov.item, category=ov.category,
            override_basis=ov.legal_basis.to_dict(), reason=ov.reason, policy_sha256=policy_sha256,
            signer=ov.actor, at=ov.at)

    def approval_problems(self, case_id: str) -> list[str]:
        """Every override and the sign-off whose signature does not verify, each as one line: the statement is
        rebuilt from the case as it is now (its id, recipient, legal basis and class, the digest of every decision,
        the recipient policy file's SHA-256) and checked against the signer's key, itself checked up to the trust
        anchor. A row a clerk inserted, a digest recomputed, a key replaced in the users file: all refused."""
        case = self.state(case_id)
        overrides = self.store.overrides(case_id)
        if case.sign_off is None and not overrides:
            return []
        policy_sha = self.policy_sha256(case.context.recipient)
        out = []
        for ov in overrides.values():
            problem = self._signature_problem(ov.actor, ov.role.value, ov.signature,
                                              self.override_statement(case_id, case, ov, policy_sha))
            if problem and problem.endswith(_MISMATCH) and ov.policy_sha256 and ov.policy_sha256 != policy_sha:
                problem = "the recipient policy file changed since it was signed"
            if problem:
                out.append(f"override of {ov.category} by {ov.actor} at {ov.at}: {problem}")
        so = case.sign_off
        if so is not None:
            statement = self.sign_off_statement(case_id, case, so, policy_sha, decisions_digest(self.case_items(case_id)))
            problem = self._signature_problem(so.actor, "counsel", so.signature, statement)
            if problem and problem.endswith(_MISMATCH) and so.policy_sha256 and so.policy_sha256 != policy_sha:
                problem = "the recipient policy file changed since it was signed"
            if problem:
                out.append(f"sign-off by {so.actor} at {so.at}: {problem}")
        return out

    def _signature_problem(self, actor: str, role: str, signature: str, statement: Mapping[str, Any]) -> str | None:
        if not signature:
            return "not signed (counsel must give it again with their key)"
        if self.users is None:
            return "no users file to verify the signature with"
        signer = self.users.get(actor)
        if signer is None or signer.role.value != role or not signer.can(Permission.SIGN_OFF):
            return f"{actor} is not counsel in the users file"
        return self.users.verify(actor, statement, signature, self.anchor)

    def export(self, case_id: str, user: User, scanned: Sequence[Any], out_dir: Path,
               progress: Callable[[int, int, str], None] | None = None,
               run_pdf: Callable[..., Any] | None = None) -> ExportResult:
        """Export under the case's policy through the verified pipeline; write the Vaughn index (CSV, PDF) and
        the disclosure record; record the export (output SHA-256s, verification) and the new state.
        ``progress(done, total, what)`` is called before each document and before the files are written.
        ``run_pdf(fn, *args)`` runs the PDF work (redaction, verification, the Vaughn index PDF): in this process
        by default, in a worker process for the window (``documents.pdf_work``)."""
        from workstation.documents.pdf_work import run_here
        from workstation.documents.report_pdf import table_pdf as make_table_pdf

        run = run_pdf or run_here

        def table_pdf(*args: Any, **kwargs: Any) -> bytes:
            return run(make_table_pdf, *args, **kwargs)
        from workstation.pipeline import (
            build_export,
            document_labels,
            keyed,
            label_generic_words,
            output_paths,
            write_exports,
        )

        self.check_export(case_id, user)
        text_key = self.store.text_key(case_id)
        scanned = keyed(scanned, text_key)  # digests under the case's secret, as the reviewed scan's
        case = self.state(case_id)
        rec = self.store.case(case_id)
        assert rec is not None
        stored = {d: sha for d, sha, _ in self.store.scanned_documents(case_id)}
        items = {i.key: i for i in self.items(case_id)}
        # a source changed or added since the review: refused, and recorded (naming a file that was not scanned by
        # the fallback label, as its name may carry what the redactions remove)
        unscanned = {s.document.path: FALLBACK for s in scanned if s.document.path not in stored}
        with self._audited(case_id, user, "export", {**unscanned, **self.store.document_labels(case_id)}):
            for s in scanned:
                if s.document.path not in stored:
                    raise ExportRefused(f"{case_id}: export refused: {s.document.path} was added since the case was "
                                        "scanned")
                if stored[s.document.path] != document_sha256(s.document):
                    raise ExportRefused(f"{case_id}: export refused: {s.document.path} changed since it was scanned")
                for f in s.findings:
                    if FindingKey.of(f) not in items:
                        raise ExportRefused(f"{case_id}: export refused: {s.document.path} p.{f.page}: a "
                                            f"{f.entity_type} finding was not in the reviewed scan")
        policy = self.policies.policy(case.context.recipient)
        manual = self.store.manual(case_id)
        # output names, like the Vaughn index and the trail, use the labels of the reviewed scan (computed and stored
        # now for a case scanned before labels were stored)
        stored_labels = self.store.document_labels(case_id)
        labels = {path: stored_labels.get(path) or label for path, label in document_labels(scanned).items()}
        if any(path not in stored_labels for path in labels):
            self.store.save_document_labels(case_id, {p: lb for p, lb in labels.items() if p not in stored_labels})
        terms = SensitiveTerms.of([f.text for s in scanned for f in s.findings], label_generic_words())
        out_dir_label = safe_label(str(out_dir), terms)  # the trail names the folder, but no name from a finding
        if not case.label:  # a case scanned before case names were labelled
            from dataclasses import replace

            case = replace(case, label=self._label(case_id, rec.name, [f for s in scanned for f in s.findings]))
            self.store.save_state(case_id, case, user.name, user.role.value)
        exports = []
        try:
            for n, s in enumerate(scanned):
                if progress is not None:
                    progress(n, len(scanned) + 1, f"Redacting and verifying {s.document.display_name}")
                redact: list[Finding] = []
                reasons: dict[int, str] = {}
                for f in s.findings:
                    i = items[FindingKey.of(f)]
                    action = self.policies.effective_action(case.context, i.category, i.decision, i.override)
                    if action is not Disposition.RELEASE:  # REVIEW cannot happen after check_export: fail closed
                        redact.append(f)
                        reasons[id(f)] = (i.record.reason_code if i.record and i.record.reason_code
                                          else policy.exemption_code(f.entity_type))
                boxes = [m.to_redaction() for m in manual if m.document == s.document.path]
                exports.append(build_export(s, policy.to_policy(), redact=redact, manual=boxes, reasons=reasons,
                                            run_pdf=run, text_key=text_key))
        except WorkstationError as exc:
            self.store.record_export(case_id, user.name, out_dir_label, False, self.scrub(case_id, str(exc), labels),
                                     user.role.value, recipient=case.context.recipient.value)
            raise
        if progress is not None:
            progress(len(scanned), len(scanned) + 1, "Writing files")
        out_dir.mkdir(parents=True, exist_ok=True)
        output_paths(exports, out_dir, None, labels=labels)
        write_exports(exports)
        outputs: dict[str, str] = {}
        for e in exports:
            for path in (e.pdf_path, e.csv_path):
                assert path is not None
                outputs[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        head = self.store.audit_head(case_id)[1]
        approver = case.sign_off.actor if case.sign_off else ""
        for name, data in self.report_files(case_id, approver=approver, audit_head=head, table_pdf=table_pdf).items():
            _write(out_dir / name, data)
            outputs[name] = hashlib.sha256(data).hexdigest()
        new = case.exported(user, self.case_items(case_id), self.policies)
        # pages exported as images (their text could not be verifiably removed), by the exported PDF's name
        flattened = {e.pdf_path.name: sorted(e.flattened) for e in exports if e.flattened and e.pdf_path}
        record = self.store.record_export(
            case_id, user.name, out_dir_label, True,
            "every document re-read by PyMuPDF and pdfminer.six: no removed text, nothing in the boxes, sanitized",
            user.role.value, outputs=outputs, recipient=case.context.recipient.value, case=new,
            extra={"policy_sha256": self.policy_sha256(case.context.recipient),
                   "trust_anchor": self.anchor.to_dict() if self.anchor is not None else None,
                   "approvals_verified": bool(case.sign_off or self.store.overrides(case_id)),
                   "flattened_pages": flattened})
        return ExportResult(outputs, out_dir, len(exports), sum(len(e.log) for e in exports), record.hash,
                            flattened)

    # ----- reports
    def vaughn(self, case_id: str) -> list[VaughnRow]:
        case = self.state(case_id)
        policy = self.policies.policy(case.context.recipient)
        labels = self.store.document_labels(case_id)  # the requester sees safe labels, never the file names
        withheld = []
        for i in self.items(case_id):
            if self.policies.effective_action(case.context, i.category, i.decision, i.override) is Disposition.RELEASE:
                continue
            r = i.record
            withheld.append(Withheld(labels.get(i.key.document) or FALLBACK, i.key.page, i.category,
                                     (r.reason_code if r and r.reason_code else policy.exemption_code(i.category)),
                                     r.user if r else "(pending)", r.decided_at if r else "",
                                     r.reason if r and not r.reason.startswith("default action of") else ""))
        for m in self.store.manual(case_id):
            withheld.append(Withheld(labels.get(m.document) or FALLBACK, m.page, f"MANUAL-{m.kind.value.upper()}",
                                     m.reason_code or policy.exemption_code("PERSON"), m.user, m.created_at))
        approver = case.sign_off.actor if case.sign_off else ""
        return vaughn_index(withheld, self.policies.catalog, approver)

    def disclosure_record(self, case_id: str, *, approver: str = "", audit_head: str = "") -> dict[str, Any]:
        case = self.state(case_id)
        rec = self.store.case(case_id)
        assert rec is not None
        items = self.case_items(case_id)
        released = case.released(items, self.policies)
        return {
            "case": self.case_label(case_id), "case_id": case_id,
            "recipient": case.context.recipient.value, "recipient_label": case.context.recipient.label,
            "legal_basis": case.context.legal_basis.to_dict(),
            "disclosure_class": case.context.disclosure_class.value,
            "request_reference": case.context.request_reference,
            "approval_reference": case.context.approval_reference,
            "approver": approver or (case.sign_off.actor if case.sign_off else ""),
            "signed_off_at": case.sign_off.at if case.sign_off else "",
            "sign_off_digest": case.sign_off.digest if case.sign_off else "",
            "decisions_digest": decisions_digest(items),
            "items": len(items), "released": len(released), "withheld": len(items) - len(released),
            "overrides": [{"category": o.category, "actor": o.actor, "legal_basis": o.legal_basis.to_dict(),
                           "at": o.at} for o in self.store.overrides(case_id).values()],
            "audit_head": audit_head or self.store.audit_head(case_id)[1],
            "audit_records": self.store.audit_head(case_id)[0],
            "policy_sha256": self.policy_sha256(case.context.recipient),
            # what the recipient checks: the administrators' key fingerprints the signatures were verified up to
            # (compare with the fingerprint the department publishes) and the keys that signed
            "trust_anchor": self.anchor.to_dict() if self.anchor is not None else None,
            "signatures": self._signature_summary(case),
            "written_at": self.clock(),
        }

    def _signature_summary(self, case: Case) -> dict[str, Any]:
        def key_of(name: str) -> str:
            user = self.users.get(name) if self.users is not None else None
            return user.key.fingerprint if user is not None and user.key is not None else ""

        out: dict[str, Any] = {"overrides": [{"category": o.category, "signer": o.actor, "key": key_of(o.actor),
                                              "signed": bool(o.signature)}
                                             for o in self.store.overrides(case.case_id).values()]}
        if case.sign_off is not None:
            out["sign_off"] = {"signer": case.sign_off.actor, "key": key_of(case.sign_off.actor),
                               "signed": bool(case.sign_off.signature)}
        return out

    def report_files(self, case_id: str, *, approver: str = "", audit_head: str = "",
                     table_pdf: Callable[..., bytes] | None = None) -> dict[str, bytes]:
        """The Vaughn index (CSV, PDF), the disclosure record (JSON) and, if spot-checked, the QA report (CSV)."""
        if table_pdf is None:
            from workstation.documents.report_pdf import table_pdf as default_table_pdf

            table_pdf = default_table_pdf
        rec = self.store.case(case_id)
        assert rec is not None
        case = self.state(case_id)
        rows = self.vaughn(case_id)
        files = {"vaughn-index.csv": _csv(COLUMNS, [[r.to_dict()[c] for c in COLUMNS] for r in rows])}
        files["vaughn-index.pdf"] = table_pdf(
            f"Vaughn index - {self.case_label(case_id)}",
            [f"Recipient: {case.context.recipient.label}; legal basis: {case.context.legal_basis.describe()}; "
             f"class: {case.context.disclosure_class.value}",
             f"Approver: {approver or (case.sign_off.actor if case.sign_off else '(none)')}; {len(rows)} item(s) "
             "withheld"],
            ["Document", "Page", "Category", "Exemption", "Justification", "Reviewer", "Approver", "Time"],
            [[r.document, str(r.page), r.category, r.exemption_code, r.justification, r.reviewer, r.approver,
              r.decided_at] for r in rows],
            widths=[2.2, 0.6, 1.6, 1.4, 4.2, 1.2, 1.2, 1.8])
        record = self.disclosure_record(case_id, approver=approver, audit_head=audit_head)
        files["disclosure-record.json"] = (json.dumps(record, indent=2, sort_keys=True) + "\n").encode("utf-8")
        qa = self.qa_rows(case_id)
        if qa:
            files["qa-report.csv"] = _csv(QA_COLUMNS, qa)
        return files

    def summary(self, *, suppress_below: int = 0) -> PublicSummary:
        stats = []
        for rec in self.store.cases():
            case = self.store.case_state(rec.id)
            if case is None:
                continue
            items = self.items(rec.id)
            stats.append(CaseStatistics(case.context.recipient.value,
                                        [(i.category, i.decision or "pending") for i in items],
                                        [o.category for o in self.store.overrides(rec.id).values()],
                                        case.state is CaseState.EXPORTED))
        return public_summary(stats, suppress_below=suppress_below)

    # ----- spot-checks
    def draw_sample(self, case_id: str, user: User, rate: float, seed: int | str | None = None) -> list[Item]:
        with self._audited(case_id, user, "spot-check"):
            require(user, Permission.SPOT_CHECK, case_id)
            if not 0 < rate <= 100:
                raise UsageError("--rate must be a percentage in (0, 100]")
            seed = str(seed if seed is not None else int.from_bytes(os.urandom(4), "big"))
            decided = [i for i in self.items(case_id) if i.decision is not None]
            chosen = sample(decided, rate, seed, stratum=lambda i: (i.category, i.decision or ""))
            strata = Counter(f"{i.category}/{i.decision}" for i in chosen)
            self.store.save_spot_check(case_id, rate, seed, [i.id for i in chosen], user.name, user.role.value,
                                       {"case_id": case_id, "rate_percent": rate, "seed": seed,
                                        "population": len(decided), "sampled": len(chosen),
                                        "strata": dict(sorted(strata.items())),
                                        "items": [i.id for i in chosen]})
            return chosen

    def current_sample(self, case_id: str) -> tuple[str, list[Item], dict[str, tuple[bool, str, str, str]]] | None:
        open_check = self.store.open_spot_check(case_id)
        if open_check is None:
            return None
        sid, _, _, ids = open_check
        by_id = {i.id: i for i in self.items(case_id)}
        return sid, [by_id[i] for i in ids if i in by_id], self.store.verdicts(sid)

    def record_verdict(self, case_id: str, user: User, ident: str, passed: bool, comment: str, *,
                       notices: list[str] | None = None) -> bool:
        """A supervisor's pass/fail on one sampled item; returns True when the sample is complete (the
        spot-check's result is then appended to the trail). Personal information in the ``comment`` is masked
        (said in ``notices`` and the trail)."""
        with self._audited(case_id, user, "spot-check verdict"):
            require(user, Permission.SPOT_CHECK, case_id)
            current = self.store.open_spot_check(case_id)
            if current is None:
                raise CaseStateError("no spot-check sample drawn for this case: run `workstation audit sample` first")
            sid, rate, seed, ids = current
            matches = [i for i in ids if i.startswith(ident)]
            if len(matches) != 1:
                raise UsageError(f"item {ident!r} is not in the current sample")
            item = self.item(case_id, matches[0])
            if not passed and not comment.strip():
                raise UsageError("a failed check needs a comment")
            screened = self.mask_personal(case_id, "the comment", comment, notices)
            comment = screened.text
            verdicts = self.store.verdicts(sid)
            verdicts[item.id] = (passed, comment, user.name, self.clock())
            summary = None
            if set(ids) <= set(verdicts):
                by_id = {i.id: i for i in self.items(case_id)}
                result = spot_check_result([((by_id[i].category, by_id[i].decision or "pending"), verdicts[i][0])
                                            for i in ids if i in by_id], rate, seed)
                summary = {**result.details(case_id), "spot_check": sid}
            self.store.record_verdict(case_id, sid, item.id, passed, comment.strip(), user.name, user.role.value, {
                "case_id": case_id, "spot_check": sid, "item": item.id,
                **self.store.document_ref(case_id, item.key.document), "page": item.key.page, "category": item.category, "decision": item.decision or "pending",
                "result": "pass" if passed else "fail", "comment": comment.strip(), **_masked(screened)}, summary)
            return summary is not None

    def qa_rows(self, case_id: str) -> list[list[str]]:
        by_id = {i.id: i for i in self.items(case_id)}
        labels = self.store.document_labels(case_id)  # the QA report goes out with the export: safe labels
        rows = []
        for sid, rate, seed, ids, actor, at in self.store.spot_checks(case_id):
            verdicts = self.store.verdicts(sid)
            for ident in ids:
                i = by_id.get(ident)
                v = verdicts.get(ident)
                rows.append([sid, at, f"{rate:g}", seed, ident, (labels.get(i.key.document) or FALLBACK) if i else "",
                             str(i.key.page) if i else "", i.category if i else "", (i.decision or "") if i else "",
                             ("pass" if v[0] else "fail") if v else "not checked", v[1] if v else "",
                             v[2] if v else actor])
        return rows

    # ----- audit
    def verify(self, case_id: str, anchors: Sequence[tuple[int | None, str]] = ()) -> Any:
        """The case's chain checked record by record, against the head the store anchors and any heads kept
        outside the store (``anchors``: a disclosure record's ``audit_head``). A case with no records at all is
        broken: every case's trail starts when it is opened, so an empty chain was deleted."""
        count, head = self.store.audit_head(case_id)
        records = self.store.audit(case_id)
        if not records and case_id != SYSTEM_TRAIL and self.store.case(case_id) is not None:
            return VerificationResult(False, 0, GENESIS, 0, "the case has no audit records: its trail was deleted")
        stored = [(count, head)] if count else []
        return verify_anchored(records, [*stored, *anchors], expected_count=count)


_MISMATCH = "signature does not match what the case holds now"  # ``UserDirectory.verify``


def _masked(screened: Screened) -> dict[str, Any]:
    """What an audit record says about a field whose personal information was masked (the categories)."""
    return {"masked": list(screened.categories)} if screened.masked else {}


QA_COLUMNS = ("spot_check", "drawn_at", "rate_percent", "seed", "item", "document", "page", "category", "decision",
              "result", "comment", "supervisor")


def document_sha256(document: Any) -> str:
    """The SHA-256 of a document's bytes (PDFs) or of its page texts (other kinds): detects a changed file."""
    if document.source_bytes is not None:
        return hashlib.sha256(document.source_bytes).hexdigest()
    h = hashlib.sha256()
    for p in document.pages:
        h.update(p.text.encode("utf-8") + b"\f")
    return h.hexdigest()


def summary_rows(s: PublicSummary) -> list[list[str]]:
    rows = [["cases", "", str(s.cases)], ["exported_cases", "", str(s.exported_cases)],
            ["overrides", "", str(s.overrides)]]
    for name, table in (("recipient", s.by_recipient), ("category", s.by_category), ("decision", s.by_decision),
                        ("overrides_by_category", s.overrides_by_category),
                        ("overrides_by_recipient", s.overrides_by_recipient)):
        rows += [[name, k, str(v)] for k, v in table.items()]
    for cat, table in s.by_category_decision.items():
        rows += [["category_decision", f"{cat}/{d}", str(v)] for d, v in table.items()]
    return rows


def _csv(header: Iterable[str], rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(header))
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _pair(recognizer: str) -> tuple[str, str]:
    name, _, version = recognizer.partition(":")
    return name, version

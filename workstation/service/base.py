"""The case service's state (repository, policies, clock, free-text checker, users and trust anchor) and what
every part of it uses: lookups of cases and items, the free-text screen, and refusals recorded in the trail."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Self

from workstation.domain.audit import AuditRecord, EventType, utc_now
from workstation.domain.case import Case, CaseItem
from workstation.domain.case_record import CaseRecord, case_id_for
from workstation.domain.disclosure import DisclosureContext
from workstation.domain.errors import (
    CaseStateError,
    ExportRefused,
    PermissionDenied,
    PolicyViolation,
    UsageError,
)
from workstation.domain.free_text import CASE_LABEL_FALLBACK, Analyze, FreeTextScreen, Screened
from workstation.domain.model import DocumentKind, laid_out
from workstation.domain.naming import FALLBACK, SensitiveTerms, safe_label
from workstation.domain.policy_engine import REDACT, Override, PolicyEngine
from workstation.domain.review import AllowEntry, Decision, DecisionRecord, FindingKey, ManualEntry
from workstation.domain.roles import Permission, User, UserDirectory, require
from workstation.domain.signing import Signer, TrustAnchor
from workstation.service.items import (
    DEFAULT_RECIPIENT,
    SYSTEM_TRAIL,
    Item,
    document_label,
    full_item_id,
    short_id,
)
from workstation.service.layouts import MisplacedBox, misplaced_boxes
from workstation.service.repository import CaseRepository, SigningStore


@dataclass(frozen=True)
class ReviewState:
    """A case opened for review: its record and what has been decided so far."""

    record: CaseRecord
    decisions: list[DecisionRecord]
    manual: list[ManualEntry]
    allow_list: list[AllowEntry]
    # manual boxes drawn on an earlier layout of their page, or on a page that is gone (``service.layouts``): shown
    # as needing to be placed again, never used by an export
    misplaced: list[MisplacedBox] = field(default_factory=list)


@dataclass
class ServiceBase:
    store: CaseRepository
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

    # ----- what the doors read (neither the CLI nor the window reads the repository itself)
    @property
    def shareable(self) -> bool:
        """Whether ``on_own_connection`` can give another thread its own connection (not a store in memory)."""
        return self.store.shareable

    @contextmanager
    def on_own_connection(self) -> Iterator[Self]:
        """This service on a connection of its own to the same store, for a worker thread (a connection serves
        the thread that made it); closed on leaving the block."""
        store = self.store.reopen()
        try:
            yield replace(self, store=store)
        finally:
            store.close()

    @property
    def store_login(self) -> tuple[str, str] | None:
        """(login, workstation role) the store itself authenticated this connection as - the team store's
        database login and its members-table role; None for a local file, which knows nobody."""
        login = getattr(self.store, "login", None)
        return (str(login), str(getattr(self.store, "role", ""))) if login else None

    def check_identity(self, user: User) -> None:
        """Refuse to act as ``user`` on a connection the team store logged in as somebody else: the database
        records its login as the actor whatever the desk says, so the two must agree (``PermissionDenied``)."""
        who = self.store_login
        if who is not None and (user.name != who[0] or user.role.value != who[1]):
            raise PermissionDenied(f"you act as {user.name} ({user.role.value}) but are connected to the team store "
                                   f"as {who[0]} ({who[1]}): connect with your own login", user=user.name,
                                   role=user.role.value)

    def sign_in(self, user: User, signer: Signer | None) -> None:
        """Act as ``user`` (``check_identity``) with their unlocked key: on the local store every record appended in
        their name is signed with it (``trail_signatures``); the key stays in memory, with this service's store
        and the connections it opens for other threads. The team store appends its trail itself."""
        self.check_identity(user)
        if signer is not None:
            if signer.user != user.name:
                raise PermissionDenied(f"{user.name}: the signing key given is {signer.user}'s", user=user.name,
                                       role=user.role.value)
            self.use_key(signer)

    def use_key(self, signer: Signer) -> None:
        """Sign the records appended in ``signer.user``'s name with their unlocked key (the local store only)."""
        if isinstance(self.store, SigningStore):
            self.store.sign_with(signer)

    @property
    def signs_trail(self) -> bool:
        """Whether this desk signs the trail's records (the local store) rather than the database appending them."""
        return isinstance(self.store, SigningStore)

    def record(self, case_id: str) -> CaseRecord | None:
        return self.store.case(case_id)

    def case_list(self) -> list[tuple[CaseRecord, Case | None]]:
        """Every case, most recently opened first, with its state (None: opened in the window, never set up)."""
        return [(rec, self.store.case_state(rec.id)) for rec in self.store.cases()]

    def documents(self, case_id: str) -> list[tuple[str, str, int]]:
        """(path, SHA-256, pages) of each document of the last recorded scan."""
        return self.store.scanned_documents(case_id)

    def manual_boxes(self, case_id: str) -> list[ManualEntry]:
        return self.store.manual(case_id)

    def overrides(self, case_id: str) -> dict[str, Override]:
        return self.store.overrides(case_id)

    def audit_records(self, case_id: str) -> list[AuditRecord]:
        return self.store.audit(case_id)

    def audit_lines(self, case_id: str) -> list[str]:
        """The trail's records exactly as stored (canonical JSON), for a JSONL copy."""
        return self.store.audit_lines(case_id)

    def open_for_review(self, sources: Sequence[str], name: str, user: User | None = None) -> ReviewState:
        """Open (or reopen) the case of ``sources`` in the window: its record and every decision, manual box and
        allow-list entry made so far. A user who may not open cases (a supervisor) reads an existing case without
        writing anything; a case that does not exist yet is created only by one who may (``PermissionDenied``)."""
        rec = self.store.case(case_id_for(sources))
        if rec is None or user is None or user.can(Permission.OPEN_CASE):
            if rec is None and user is not None:
                require(user, Permission.OPEN_CASE, name)
            rec = self.store.open_case(sources, name)
        return self._review_state(rec)

    def review_state(self, case_id: str) -> ReviewState | None:
        """What has been decided on an open case so far, read again (after another reviewer's change, or
        Refresh), without reopening it. None when there is no such case."""
        rec = self.store.case(case_id)
        return self._review_state(rec) if rec is not None else None

    def _review_state(self, rec: CaseRecord) -> ReviewState:
        manual = self.store.manual(rec.id)
        return ReviewState(rec, self.store.decisions(rec.id), manual, self.store.allow_list(rec.id),
                           self.misplaced_manual(rec.id, manual=manual))

    def misplaced_manual(self, case_id: str, kinds: Mapping[str, DocumentKind] | None = None,
                         pages: Mapping[str, int] | None = None,
                         manual: Sequence[ManualEntry] | None = None) -> list[MisplacedBox]:
        """The case's manual boxes that must be placed again before an export may use them (``service.layouts``):
        drawn on an earlier layout of a text-like document's page, or on a page its document no longer has.
        ``kinds``: the documents' kinds when loaded (else told by their file names); ``pages``: the page count of
        each document's layout when known (by default a PDF's pages as last scanned - a text-like document's layout
        is known only once laid out)."""
        if pages is None:
            pages = {document: count for document, _, count in self.store.scanned_documents(case_id)
                     if laid_out(document, (kinds or {}).get(document)) is False}
        return misplaced_boxes(self.store.manual(case_id) if manual is None else manual, kinds, pages)

    def refuse_misplaced(self, case_id: str, misplaced: Sequence[MisplacedBox]) -> None:
        """Refuse an export (``ExportRefused``, exit 4) while a manual box must be placed again: one line naming
        the first box's document and page."""
        if misplaced:
            more = f" (+{len(misplaced) - 1} more box(es) to re-place)" if len(misplaced) > 1 else ""
            raise ExportRefused(f"{case_id}: export refused: {misplaced[0].message()}{more}")

    def audit_head_of(self, case_id: str) -> tuple[int, str]:
        """(records, head hash) of the case's trail: a cheap look at whether anything changed."""
        return self.store.audit_head(case_id)

    def text_key(self, case_id: str) -> bytes:
        """The case's secret, to key the digests of findings detected on this desk (kept in memory only)."""
        return self.store.text_key(case_id)

    @property
    def store_name(self) -> str:
        """The store as a message names it: the local file's path, or the team store's database."""
        return str(getattr(self.store, "path", None) or getattr(self.store, "name", "the team's case store"))

    def record_system_event(self, actor: str, role: str, event: str, details: Mapping[str, Any]) -> None:
        """Append to the store's system trail (user administration, failed logins): ``audit show|verify system``."""
        self.store.append_event(SYSTEM_TRAIL, actor or "(unknown)", role or "none", event, details)

    def export_trail(self, case_id: str) -> tuple[AuditRecord, list[str]]:
        """The case's trail as stored, for a JSONL copy: the copy itself is recorded first (so the copy ends with
        the record of its making, and its head can be compared with the store's)."""
        record = self.store.append_event(case_id, "workstation", "system", "audit-exported",
                                         {"case_id": case_id, "records": self.store.audit_head(case_id)[0] + 1})
        return record, self.store.audit_lines(case_id)

    def save_cursor(self, case_id: str, cursor: dict) -> None:
        """Where the reviewer is (document, finding, page, zoom): not a decision, not audited."""
        self.store.save_cursor(case_id, cursor)

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

    def _voided(self, old: Case, new: Case) -> list[tuple[str, dict[str, Any]]]:
        if old.sign_off is not None and new.sign_off is None:
            return [(EventType.SIGN_OFF_VOIDED, {"case_id": old.case_id, "signed_by": old.sign_off.actor,
                                                 "signed_at": old.sign_off.at, "why": new.note})]
        return []


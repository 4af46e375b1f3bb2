"""Review of a case: decisions on findings, manual redactions, the allow-list, the queue and undo.

Plain data and rules, no Qt, no PDF library, no store. Every change is first *planned* as an ``Action`` (a list
of before/after ``Change``s) without touching the session; the caller persists the action and only then
``apply``s it, so nothing is shown as decided before it is durable. ``undo_action`` plans the inverse of the
last applied action in the same way.

A decision references its finding by document, page, offsets, category and the SHA-256 of its text
(``FindingKey``): the text itself is never needed to persist a decision, it is recomputed from the document.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from workstation.domain.categories import PROTECTED
from workstation.domain.model import (
    TEXT_LAYOUT_VERSION,
    Finding,
    FindingKey,
    ManualRedaction,
    Page,
    Rect,
    normalized,
)
from workstation.domain.model import (
    allow_digest as allow_digest,  # part of this module's API (the store, cases)
)


class Decision(StrEnum):
    REDACT = "redact"
    RELEASE = "release"
    DEFER = "defer"  # defer to counsel
    NOT_PI = "not-pi"  # not personal information: left visible (this finding; or, legacy, its text allow-listed)


DECISION_LABELS = {
    Decision.REDACT: "Redacted",
    Decision.RELEASE: "Released",
    Decision.DEFER: "Deferred to counsel",
    Decision.NOT_PI: "Not personal information",
}

NOT_PI_REASON = "not personal information (allow-list)"
MANUAL_CATEGORY = "MANUAL"


MIN_RELEASE_REASON = 10  # characters: "ok", "x" or "n/a" is not a reason to let a protected item out


def release_reason_problem(category: str, reason: str) -> str | None:
    """Why ``reason`` cannot release an item of ``category`` (None when it can): a protected category is released
    only with a written reason of at least ``MIN_RELEASE_REASON`` characters. The one rule for every door."""
    if category in PROTECTED and len(" ".join(reason.split())) < MIN_RELEASE_REASON:
        return (f"releasing {category} needs a written reason of at least {MIN_RELEASE_REASON} characters "
                "(who asked for it, or why it is not protected here)")
    return None


def decision_reason_problem(decision: Decision | str, category: str, reason: str) -> str | None:
    """Why ``reason`` cannot go with ``decision`` on an item of ``category`` (None when it can): releasing a
    protected category, or calling it "not personal information", needs the written reason of
    ``release_reason_problem`` (both leave the text visible in the export)."""
    if decision == Decision.RELEASE:
        return release_reason_problem(category, reason)
    if decision == Decision.NOT_PI and category in PROTECTED and len(" ".join(reason.split())) < MIN_RELEASE_REASON:
        return (f"marking {category} as not personal information needs a written reason of at least "
                f"{MIN_RELEASE_REASON} characters (why this text is not about a person here)")
    return None


class ReviewError(Exception):
    """A decision that the rules refuse (e.g. releasing protected information without a reason)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class DecisionRecord:
    key: FindingKey
    decision: Decision
    reason_code: str = ""  # the exemption for a redaction
    reason: str = ""  # the reviewer's justification (required to release protected categories)
    user: str = ""
    decided_at: str = ""


class ManualKind(StrEnum):
    BOX = "box"  # a box drawn on the page
    SELECTION = "selection"  # text selected on the page
    SEARCH = "search"  # a match of search-and-redact
    PAGE = "page"  # a whole page


@dataclass(frozen=True)
class ManualEntry:
    """A reviewer's own redaction, on a page of the document's layout (the PDF shown and exported)."""

    id: str
    document: str
    page: int
    box: Rect
    kind: ManualKind
    reason_code: str
    user: str = ""
    created_at: str = ""
    # the text layout version (``model.TEXT_LAYOUT_VERSION``) current when it was drawn - a box made now is drawn on
    # the current layout; on a text-like document a box of another version is not used until placed again. 0 = not
    # recorded: what the stores give a box stored before versions were kept
    layout: int = TEXT_LAYOUT_VERSION

    def to_redaction(self) -> ManualRedaction:
        return ManualRedaction(page=self.page, box=self.box, reason_code=self.reason_code,
                               category=f"{MANUAL_CATEGORY}-{self.kind.value.upper()}")


@dataclass(frozen=True)
class AllowEntry:
    text_digest: str  # allow_digest of the text under the case's secret
    user: str = ""
    added_at: str = ""
    # the one category the text is not personal information in; "" = every category (entries stored before the
    # store kept a category: the store needs a column for it before the window writes scoped entries)
    category: str = ""

    def covers(self, finding: Finding) -> bool:
        return finding.allow_digest == self.text_digest and self.category in ("", finding.entity_type)


@dataclass(frozen=True)
class Change:
    """One before/after pair; ``None`` means absent (pending finding, no manual box, not allow-listed)."""

    before: DecisionRecord | ManualEntry | AllowEntry | None
    after: DecisionRecord | ManualEntry | AllowEntry | None

    def inverse(self) -> Change:
        return Change(self.after, self.before)


@dataclass(frozen=True)
class Action:
    label: str
    changes: tuple[Change, ...]
    focus: FindingKey | None = None  # the finding the action was about (undo returns there)
    is_undo: bool = False

    def inverse(self) -> Action:
        return Action(f"undo {self.label}", tuple(c.inverse() for c in reversed(self.changes)), self.focus, True)


@dataclass
class ReviewSession:
    """The review state of one case."""

    reason_codes: Mapping[str, str]  # category -> default reason code (the policy's)
    user: str
    clock: Callable[[], str] = now_iso
    documents: list[str] = field(default_factory=list)  # case order
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # per document, reading order
    decisions: dict[FindingKey, DecisionRecord] = field(default_factory=dict)
    manual: dict[str, ManualEntry] = field(default_factory=dict)
    allow: dict[str, AllowEntry] = field(default_factory=dict)
    undo_stack: list[Action] = field(default_factory=list)
    # (reviewed, total) per document, worked out once after each change (thousands of findings in a large case)
    _progress: dict[str, tuple[int, int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    # ----- loading
    def add_document(self, document: str) -> None:
        if document not in self.documents:
            self.documents.append(document)

    def set_findings(self, document: str, findings: Sequence[Finding]) -> None:
        self.add_document(document)
        self.findings[document] = sorted(findings, key=lambda f: (f.page, f.start, f.end, f.entity_type))
        self._progress.pop(document, None)

    def load(self, decisions: Iterable[DecisionRecord], manual: Iterable[ManualEntry],
             allow: Iterable[AllowEntry]) -> None:
        self.decisions = {d.key: d for d in decisions}
        self.manual = {m.id: m for m in manual}
        self.allow = {a.text_digest: a for a in allow}
        self._progress.clear()

    # ----- state
    def record(self, finding: Finding) -> DecisionRecord | None:
        return self.decisions.get(FindingKey.of(finding))

    def state(self, finding: Finding) -> Decision | None:
        """The finding's decision; allow-listed text counts as 'not personal information'; None = pending."""
        rec = self.decisions.get(finding.key)
        if rec is not None:
            return rec.decision
        entry = self.allow.get(finding.allow_digest)
        if entry is not None and entry.covers(finding):
            return Decision.NOT_PI
        return None

    def queue(self) -> list[Finding]:
        """Every finding of the case in reading order (documents in case order, then page and offset)."""
        return [f for d in self.documents for f in self.findings.get(d, [])]

    def pending(self) -> list[Finding]:
        return [f for f in self.queue() if self.state(f) is None]

    def progress(self, document: str | None = None) -> tuple[int, int]:
        """(reviewed, total) for a document or the whole case. A deferred finding is not reviewed: it waits for
        counsel (``deferred``)."""
        if document is None:
            done = total = 0
            for d in self.documents:
                n, m = self.progress(d)
                done, total = done + n, total + m
            return done, total
        counts = self._progress.get(document)
        if counts is None:
            items = self.findings.get(document, [])
            counts = self._progress[document] = (
                sum(1 for f in items if self.state(f) not in (None, Decision.DEFER)), len(items))
        return counts

    def deferred(self, document: str | None = None) -> list[Finding]:
        """The findings deferred to counsel (of a document or the whole case), in reading order."""
        items = self.findings.get(document, []) if document is not None else self.queue()
        return [f for f in items if self.state(f) is Decision.DEFER]

    def next_pending(self, after: Finding | None, backwards: bool = False) -> Finding | None:
        """The next (or previous) pending finding after ``after`` in reading order, wrapping around."""
        q = self.queue()
        if not q:
            return None
        start = 0
        if after is not None:
            keys = [FindingKey.of(f) for f in q]
            k = FindingKey.of(after)
            start = keys.index(k) if k in keys else 0
        n = len(q)
        steps = range(1, n + 1) if after is not None else range(0, n)
        for s in steps:
            i = (start - s) % n if backwards else (start + s) % n
            if self.state(q[i]) is None:
                return q[i]
        return None

    def neighbour(self, current: Finding | None, step: int) -> Finding | None:
        """The finding ``step`` places away in reading order (any state), clamped to the queue."""
        q = self.queue()
        if not q:
            return None
        if current is None:
            return q[0]
        keys = [FindingKey.of(f) for f in q]
        k = FindingKey.of(current)
        i = keys.index(k) if k in keys else 0
        return q[max(0, min(len(q) - 1, i + step))]

    def find(self, key: FindingKey) -> Finding | None:
        for f in self.findings.get(key.document, []):
            if FindingKey.of(f) == key:
                return f
        return None

    def occurrences(self, finding: Finding) -> list[Finding]:
        """Every finding of the case with the same text (case and spacing ignored), including ``finding``."""
        target = finding.allow_digest  # the keyed digest of the normalised text
        return [f for f in self.queue() if f.allow_digest == target]

    def same_category_occurrences(self, finding: Finding) -> list[Finding]:
        """The occurrences of ``finding``'s text that are of its own category: what "not personal information"
        changes (a name wrongly tagged PERSON says nothing about the same word found as NATIONALITY)."""
        return [f for f in self.occurrences(finding) if f.entity_type == finding.entity_type]

    def default_reason_code(self, category: str) -> str:
        return self.reason_codes.get(category, "")

    def reason_code_choices(self) -> list[str]:
        """The policy's reason codes, most general first."""
        return sorted(set(self.reason_codes.values()), key=lambda c: (len(c), c))

    # ----- planning changes (the session is not modified until ``apply``)
    def decide(self, findings: Sequence[Finding], decision: Decision, *, reason_code: str = "",
               reason: str = "") -> Action:
        if not findings:
            raise ReviewError("no finding selected")
        reason = reason.strip()
        for category in sorted({f.entity_type for f in findings}):
            problem = decision_reason_problem(decision, category, reason)
            if problem:
                raise ReviewError(problem)
        if decision is Decision.NOT_PI and len({f.entity_type for f in findings}) > 1:
            raise ReviewError("\"not personal information\" is decided for one category at a time")
        at = self.clock()
        changes = []
        for f in findings:
            code = (reason_code or self.default_reason_code(f.entity_type)) if decision is Decision.REDACT else ""
            rec = DecisionRecord(FindingKey.of(f), decision, code, reason, self.user, at)
            changes.append(Change(self.decisions.get(rec.key), rec))
        label = f"{DECISION_LABELS[decision].lower()} {len(findings)} finding{'s' if len(findings) > 1 else ''}"
        return Action(label, tuple(changes), FindingKey.of(findings[0]))

    def not_personal_information(self, finding: Finding) -> Action:
        """Add the finding's text to the allow-list; every occurrence, *of every category*, becomes 'not personal
        information' (the legacy case-wide allow-list, which the window no longer writes: ``decide(..., NOT_PI)``
        records one decision per finding of one category instead).

        Explicit decisions on occurrences are cleared so that the allow-list governs them all."""
        at = self.clock()
        h = finding.allow_digest
        changes: list[Change] = []
        if h not in self.allow:
            changes.append(Change(None, AllowEntry(h, self.user, at)))
        for f in self.occurrences(finding):
            rec = self.decisions.get(FindingKey.of(f))
            if rec is not None:
                changes.append(Change(rec, None))
        return Action("mark not personal information", tuple(changes), FindingKey.of(finding))

    def add_manual(self, items: Sequence[tuple[str, int, Rect]], kind: ManualKind, reason_code: str) -> Action:
        """Manual redactions: (document, layout page, box) each."""
        at = self.clock()
        changes = tuple(
            Change(None, ManualEntry(uuid.uuid4().hex, doc, page, _round_box(box), kind, reason_code, self.user, at,
                                     TEXT_LAYOUT_VERSION))
            for doc, page, box in items
        )
        n = len(changes)
        return Action(f"{kind.value} redaction{'s' if n != 1 else ''} ({n})", changes)

    def remove_manual(self, entry_id: str) -> Action:
        entry = self.manual[entry_id]
        return Action(f"remove {entry.kind.value} redaction", (Change(entry, None),))

    def undo_action(self) -> Action | None:
        """The inverse of the last applied action (not yet applied), or None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        return self.undo_stack[-1].inverse()

    # ----- applying (after the store has made the action durable)
    def apply(self, action: Action) -> None:
        self._progress.clear()  # an allow-list entry can change findings of every document
        for ch in action.changes:
            item = ch.after if ch.after is not None else ch.before
            if isinstance(item, DecisionRecord):
                if ch.after is None:
                    self.decisions.pop(item.key, None)
                else:
                    self.decisions[item.key] = item
            elif isinstance(item, ManualEntry):
                if ch.after is None:
                    self.manual.pop(item.id, None)
                else:
                    self.manual[item.id] = item
            elif isinstance(item, AllowEntry):
                if ch.after is None:
                    self.allow.pop(item.text_digest, None)
                else:
                    self.allow[item.text_digest] = item
        if action.is_undo:
            if self.undo_stack:
                self.undo_stack.pop()
        elif action.changes:
            self.undo_stack.append(action)

    # ----- export
    def manual_for(self, document: str, page: int | None = None) -> list[ManualEntry]:
        return [m for m in self.manual.values() if m.document == document and (page is None or m.page == page)]

    def conflicts(self, document: str) -> list[Finding]:
        """Findings left visible whose text contains a text redacted elsewhere in the same document.

        The verifier refuses an export in which a redacted text can still be read anywhere in the document
        (releasing "Hernandez Lopez" on one page while redacting it on another, or releasing "Maria Hernandez
        Lopez" while redacting "Hernandez Lopez"), so such mixed decisions must be settled before export."""
        items = self.findings.get(document, [])
        visible = [(f, normalized(f.text)) for f in items
                   if self.state(f) in (Decision.RELEASE, Decision.DEFER, Decision.NOT_PI)]
        if not visible:
            return []
        # only the redacted texts that occur in a visible one at all go into the pattern (a pattern of every
        # redacted text of a 300-page document took seconds to compile)
        haystack = "\n".join(text for _, text in visible)
        redacted = {t for t in (normalized(f.text) for f in items if self.state(f) is Decision.REDACT)
                    if t in haystack}
        if not redacted:
            return []
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in sorted(redacted, key=len,
                                                                                      reverse=True)))
        return [f for f, text in visible if pattern.search(text)]


def _round_box(box: Rect) -> Rect:
    x0, y0, x1, y1 = box
    return (round(min(x0, x1), 2), round(min(y0, y1), 2), round(max(x0, x1), 2), round(max(y0, y1), 2))


# ----- geometry helpers for manual tools (on a page of the layout PDF)

def chars_in_rect(page: Page, rect: Rect) -> list[int]:
    """Indices of the page's characters whose centre lies inside ``rect``."""
    x0, y0, x1, y1 = _round_box(rect)
    out = []
    for i, box in enumerate(page.char_boxes):
        if box is None:
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if x0 <= cx <= x1 and y0 <= cy <= y1 and not page.text[i].isspace():
            out.append(i)
    return out


def selection_boxes(page: Page, rect: Rect) -> list[Rect]:
    """The text selected by dragging ``rect`` over a page, as line boxes: every character from the first to the
    last character whose centre is inside ``rect``, in reading order (like a text selection)."""
    idx = chars_in_rect(page, rect)
    if not idx:
        return []
    return page.boxes_for_span(min(idx), max(idx) + 1)


def snippet(text: str, start: int, end: int, width: int = 28) -> tuple[str, str, str]:
    """(before, match, after) around text[start:end], on one line, trimmed to ``width`` characters a side."""
    before = " ".join(text[max(0, start - width * 2):start].split())[-width:]
    after = " ".join(text[end:end + width * 2].split())[:width]
    return before, " ".join(text[start:end].split()), after

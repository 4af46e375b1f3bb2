"""Training mode's rules (issue 15): a practice case's answer key, how a trainee's review is scored against it, and
which of the detector's suggestions the trainee is shown.

The key is worked out from the case's gold spans and the recipient's policy, so it teaches the unit's own rules:
each sensitive span is either **to be redacted** (with the policy's exemption code and the rule that says so: the
sanctuary lock of a recipient, the category's protection, the policy's default) or **may be released** (the policy
releases it, or releases it with a written reason). A span may also be a **decoy**: text that looks sensitive but
is not personal information (a report number, an agency's address), which a trainee should leave alone.

Scoring compares, per key item, what the trainee did to the text (a redaction decision on an overlapping finding or
a manual box over it counts as redacted, whatever category it was filed under) with what the key expects:

- ``missed``: a span that had to be redacted went out (left pending, released, called "not personal information");
  for a locked category, released is missed whatever the reason (only counsel's override releases it);
- ``released without a valid reason``: a span the policy leaves to review went out without a written reason of
  ``review.MIN_RELEASE_REASON`` characters (stricter than the product for unprotected categories: training teaches
  to say why);
- ``over-redacted``: a span the key releases outright (or a decoy) was redacted;
- ``wrong code``: redacted under another exemption code than the policy's.

No text enters a score: items are named by document, page and offsets, as everywhere in the trail.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workstation.domain.policy_engine import Disposition, RecipientPolicy
from workstation.domain.review import MIN_RELEASE_REASON, release_reason_problem


class Expect(StrEnum):
    REDACT = "redact"  # must not go out
    RELEASE_WITH_REASON = "release-with-reason"  # may go out with a written reason; redacting it is also right
    RELEASE = "release"  # goes out: the policy releases it, redacting it is over-redaction
    LEAVE = "leave"  # a decoy: not personal information


class Verdict(StrEnum):
    CORRECT = "correct"
    MISSED = "missed"
    RELEASED_WITHOUT_REASON = "released without a valid reason"
    OVER_REDACTED = "over-redacted"
    WRONG_CODE = "wrong code"


class Rule(StrEnum):
    """Why the key expects what it does (the short explanation shown beside a mistake)."""

    SANCTUARY = "sanctuary lock"
    PROTECTED = "protected category"
    POLICY_DEFAULT = "policy default"
    REASON_NEEDED = "release needs a written reason"
    POLICY_RELEASES = "the policy releases it"
    NOT_PERSONAL = "not personal information"


EXPLANATIONS: Mapping[Rule, str] = {
    Rule.SANCTUARY: "This recipient may never receive this category (Executive Orders 34/41, the sanctuary rules): "
                    "redact it; only counsel's override citing a judicial warrant releases it.",
    Rule.PROTECTED: "Identifying information under Admin Code §23-1201 (nationality, status, address, ids): redact "
                    "it unless the law or the person's consent allows the disclosure.",
    Rule.POLICY_DEFAULT: "The recipient's policy redacts this category by default.",
    Rule.REASON_NEEDED: "The policy lets this go out only with a written reason (consent on file, already public): "
                        "redact it, or release it saying why.",
    Rule.POLICY_RELEASES: "The policy releases this category to this recipient: redacting it withholds what the "
                          "requester is entitled to.",
    Rule.NOT_PERSONAL: "This is not personal information (a report number, an agency or a public place): leave it.",
}


@dataclass(frozen=True)
class Span:
    document: str
    page: int
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return (self.document, self.page) == (other.document, other.page) and self.start < other.end and \
            other.start < self.end


@dataclass(frozen=True)
class KeyItem:
    span: Span
    category: str  # "" for a decoy
    expect: Expect
    code: str  # the exemption code a redaction should carry ("" when none is expected)
    rule: Rule

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.rule]


@dataclass(frozen=True)
class AnswerKey:
    recipient: str
    items: tuple[KeyItem, ...]

    @classmethod
    def build(cls, policy: RecipientPolicy, spans: Iterable[tuple[Span, str]],
              decoys: Iterable[Span] = ()) -> AnswerKey:
        """The key of a practice case: each (span, category) under ``policy``, and the decoys."""
        items = [_expectation(policy, span, category) for span, category in spans]
        items += [KeyItem(d, "", Expect.LEAVE, "", Rule.NOT_PERSONAL) for d in decoys]
        return cls(policy.recipient.value, tuple(items))


def _expectation(policy: RecipientPolicy, span: Span, category: str) -> KeyItem:
    code = policy.exemption_code(category)
    if policy.is_locked(category):
        return KeyItem(span, category, Expect.REDACT, code, Rule.SANCTUARY)
    action = policy.default_action(category)
    if action is Disposition.RELEASE:
        return KeyItem(span, category, Expect.RELEASE, "", Rule.POLICY_RELEASES)
    if action is Disposition.REVIEW:
        return KeyItem(span, category, Expect.RELEASE_WITH_REASON, code, Rule.REASON_NEEDED)
    return KeyItem(span, category, Expect.REDACT, code,
                   Rule.PROTECTED if policy.is_protected(category) else Rule.POLICY_DEFAULT)


@dataclass(frozen=True)
class Answer:
    """What the trainee did to one span of text: a decision on a finding over it, or a manual box."""

    span: Span
    decision: str  # "redact", "release", "not-pi", "defer"
    code: str = ""
    reason: str = ""
    box: tuple[int, tuple[float, float, float, float]] | None = None  # a manual box: (page, rectangle) as drawn


@dataclass(frozen=True)
class Mistake:
    item: KeyItem
    verdict: Verdict
    answer: Answer | None  # what the trainee did (None: nothing)


@dataclass
class Scorecard:
    per_category: dict[str, Counter[str]] = field(default_factory=dict)  # category -> verdict -> count
    mistakes: list[Mistake] = field(default_factory=list)

    @property
    def total(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for counts in self.per_category.values():
            out.update(counts)
        return out

    @property
    def accuracy(self) -> float:
        total = self.total
        n = sum(total.values())
        return total[Verdict.CORRECT.value] / n if n else 1.0


def score(key: AnswerKey, answers: Sequence[Answer]) -> Scorecard:
    """The trainee's ``answers`` marked against ``key`` (see the module's docstring)."""
    card = Scorecard()
    for item in key.items:
        verdict, answer = _mark(item, [a for a in answers if a.span.overlaps(item.span)])
        card.per_category.setdefault(item.category or "(decoy)", Counter())[verdict.value] += 1
        if verdict is not Verdict.CORRECT:
            card.mistakes.append(Mistake(item, verdict, answer))
    return card


def _mark(item: KeyItem, answers: list[Answer]) -> tuple[Verdict, Answer | None]:
    redacted = [a for a in answers if a.decision == "redact"]
    released = [a for a in answers if a.decision in ("release", "not-pi")]
    if item.expect in (Expect.RELEASE, Expect.LEAVE):
        return (Verdict.OVER_REDACTED, redacted[0]) if redacted else (Verdict.CORRECT, None)
    if redacted:
        wrong = [a for a in redacted if item.code and a.code and a.code != item.code]
        return (Verdict.WRONG_CODE, wrong[0]) if wrong else (Verdict.CORRECT, redacted[0])
    if item.expect is Expect.RELEASE_WITH_REASON and released:
        ok = [a for a in released if a.decision == "release" and _valid_reason(item.category, a.reason)]
        return (Verdict.CORRECT, ok[0]) if ok else (Verdict.RELEASED_WITHOUT_REASON, released[0])
    rest = released or answers
    return Verdict.MISSED, rest[0] if rest else None


def _valid_reason(category: str, reason: str) -> bool:
    """A release the policy leaves to review needs a written reason in training, whatever the category: the
    product's rule for protected categories (``release_reason_problem``), its length for the others."""
    return release_reason_problem(category, reason) is None and len(" ".join(reason.split())) >= MIN_RELEASE_REASON


class Suggestions(StrEnum):
    ALL = "all"
    HALF = "half"
    NONE = "none"


def shown(keys: Sequence[str], level: Suggestions, seed: str) -> set[str]:
    """Which of the detector's suggestions (by finding id) the trainee sees: all, none, or a stable half chosen by
    the practice round's ``seed`` (the same half on reopening; another half in another round)."""
    if level is Suggestions.ALL:
        return set(keys)
    if level is Suggestions.NONE:
        return set()
    ranked = sorted(keys, key=lambda k: hashlib.sha256(f"{seed}\n{k}".encode()).hexdigest())
    return set(ranked[: (len(ranked) + 1) // 2])

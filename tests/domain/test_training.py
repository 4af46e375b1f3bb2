"""Training mode's answer key and scoring (issue 15): a scripted set of mistakes gets exactly its score."""

from __future__ import annotations

import pytest

from workstation.domain.disclosure import RecipientType
from workstation.domain.policy_engine import PolicyEngine
from workstation.domain.training import (
    Answer,
    AnswerKey,
    Expect,
    Rule,
    Span,
    Suggestions,
    Verdict,
    score,
    shown,
)

ENGINE = PolicyEngine.load()
DOC = "practice-1.txt"
NAT_CODE = ENGINE.policy(RecipientType.FEDERAL_IMMIGRATION).exemption_code("NATIONALITY")


def span(start: int, end: int, page: int = 1) -> Span:
    return Span(DOC, page, start, end)


@pytest.mark.parametrize("recipient, category, expect, rule", [
    (RecipientType.FEDERAL_IMMIGRATION, "NATIONALITY", Expect.REDACT, Rule.SANCTUARY),
    (RecipientType.FEDERAL_IMMIGRATION, "PERSON", Expect.REDACT, Rule.POLICY_DEFAULT),
    (RecipientType.PUBLIC, "ADDRESS", Expect.REDACT, Rule.PROTECTED),
    (RecipientType.COURT, "PHONE_NUMBER", Expect.RELEASE_WITH_REASON, Rule.REASON_NEEDED),
    (RecipientType.INTERNAL, "PERSON", Expect.RELEASE, Rule.POLICY_RELEASES),
])
def test_the_key_follows_the_recipients_policy(recipient, category, expect, rule) -> None:
    policy = ENGINE.policy(recipient)
    [item] = AnswerKey.build(policy, [(span(0, 5), category)]).items
    assert (item.expect, item.rule) == (expect, rule)
    assert item.code == ("" if expect is Expect.RELEASE else policy.exemption_code(category))
    assert item.explanation  # every rule explains itself to the trainee


# (category, what the trainee did, verdict) on a federal-immigration case, or court for the reason-needed ones
CASES = [
    ("NATIONALITY", Answer(span(0, 8), "redact", NAT_CODE), Verdict.CORRECT),
    ("NATIONALITY", None, Verdict.MISSED),  # left pending
    ("NATIONALITY", Answer(span(0, 8), "release", reason="Requester is the subject of the record"), Verdict.MISSED),
    ("NATIONALITY", Answer(span(0, 8), "not-pi"), Verdict.MISSED),
    ("NATIONALITY", Answer(span(0, 8), "redact", "87(2)(b)"), Verdict.WRONG_CODE),
    ("NATIONALITY", Answer(span(3, 20), "redact", NAT_CODE), Verdict.CORRECT),  # a box over part of it
    ("NATIONALITY", Answer(span(8, 20), "redact"), Verdict.MISSED),  # next to it, not over it
    ("NATIONALITY", Answer(Span(DOC, 2, 0, 8), "redact"), Verdict.MISSED),  # another page
]


@pytest.mark.parametrize("category, answer, verdict", CASES)
def test_each_kind_of_mistake_is_marked(category, answer, verdict) -> None:
    key = AnswerKey.build(ENGINE.policy(RecipientType.FEDERAL_IMMIGRATION), [(span(0, 8), category)])
    card = score(key, [answer] if answer else [])
    assert card.per_category[category][verdict.value] == 1
    assert [m.verdict for m in card.mistakes] == ([] if verdict is Verdict.CORRECT else [verdict])


@pytest.mark.parametrize("answer, verdict", [
    # training asks a reason for every release the policy leaves to review (the product only for protected ones)
    (Answer(span(0, 12), "release"), Verdict.RELEASED_WITHOUT_REASON),
    (Answer(span(0, 12), "release", reason="ok"), Verdict.RELEASED_WITHOUT_REASON),
    (Answer(span(0, 12), "not-pi"), Verdict.RELEASED_WITHOUT_REASON),
    (Answer(span(0, 12), "release", reason="Requester is the subject of the record"), Verdict.CORRECT),
    (Answer(span(0, 12), "redact", ENGINE.policy(RecipientType.COURT).exemption_code("PHONE_NUMBER")), Verdict.CORRECT),
    (None, Verdict.MISSED),  # undecided: it may not go out unreviewed
])
def test_a_release_the_policy_leaves_to_review(answer, verdict) -> None:
    key = AnswerKey.build(ENGINE.policy(RecipientType.COURT), [(span(0, 12), "PHONE_NUMBER")])
    card = score(key, [answer] if answer else [])
    assert card.per_category["PHONE_NUMBER"] == {verdict.value: 1}


def test_a_scripted_round_gets_exactly_its_score() -> None:
    """Ten items on a federal-immigration case plus a decoy; the trainee makes one mistake of each kind."""
    policy = ENGINE.policy(RecipientType.FEDERAL_IMMIGRATION)
    spans = [(span(0, 10), "PERSON"), (span(20, 28), "NATIONALITY"), (span(40, 60), "ADDRESS"),
             (span(70, 80), "A_NUMBER"), (span(90, 100), "IMMIGRATION_STATUS"), (span(110, 122), "PHONE_NUMBER")]
    key = AnswerKey.build(policy, spans, decoys=[span(130, 140)])
    answers = [
        Answer(span(0, 10), "redact", policy.exemption_code("PERSON")),
        Answer(span(20, 28), "redact", policy.exemption_code("NATIONALITY")),
        Answer(span(40, 60), "release", reason="Already public (court record / press release)"),  # locked: missed
        Answer(span(70, 80), "redact", "87(2)(b)"),  # wrong code
        # IMMIGRATION_STATUS left pending: missed
        Answer(span(108, 124), "redact", policy.exemption_code("PHONE_NUMBER")),  # a manual box over it
        Answer(span(130, 140), "redact"),  # the decoy: over-redacted
    ]
    card = score(key, answers)
    assert card.total == {"correct": 3, "missed": 2, "wrong code": 1, "over-redacted": 1}
    assert card.per_category["ADDRESS"] == {"missed": 1} and card.per_category["(decoy)"] == {"over-redacted": 1}
    assert round(card.accuracy, 3) == round(3 / 7, 3)
    assert {(m.item.category, m.verdict) for m in card.mistakes} == {
        ("ADDRESS", Verdict.MISSED), ("IMMIGRATION_STATUS", Verdict.MISSED), ("A_NUMBER", Verdict.WRONG_CODE),
        ("", Verdict.OVER_REDACTED)}
    address = next(m for m in card.mistakes if m.item.category == "ADDRESS")
    assert address.item.rule is Rule.SANCTUARY and "judicial warrant" in address.item.explanation


def test_half_the_suggestions_are_shown_stably_per_round() -> None:
    keys = [f"finding-{n}" for n in range(40)]
    half = shown(keys, Suggestions.HALF, "round-1")
    assert len(half) == 20 and half == shown(keys, Suggestions.HALF, "round-1")
    assert half != shown(keys, Suggestions.HALF, "round-2")
    assert shown(keys, Suggestions.ALL, "x") == set(keys) and shown(keys, Suggestions.NONE, "x") == set()

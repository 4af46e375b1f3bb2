"""Review rules: the queue, decisions, undo, occurrences, the allow-list, the export plan."""

from __future__ import annotations

import pytest

from workstation.domain.model import RUN_KEY, Finding, Page
from workstation.domain.review import (
    Decision,
    FindingKey,
    ManualKind,
    ReviewError,
    ReviewSession,
    allow_digest,
    selection_boxes,
    snippet,
)

CODES = {"PERSON": "87(2)(b)", "NATIONALITY": "87(2)(b); AC 23-1202", "ADDRESS": "87(2)(b); AC 23-1202"}


def f(doc: str, page: int, start: int, text: str, cat: str = "PERSON") -> Finding:
    return Finding(doc, page, start, start + len(text), text, cat, 0.85, "test")


@pytest.fixture
def s() -> ReviewSession:
    s = ReviewSession(CODES, "clerk1", clock=lambda: "2026-01-01T00:00:00.000+00:00")
    s.add_document("a.pdf")
    s.add_document("b.txt")
    s.set_findings("b.txt", [f("b.txt", 1, 40, "Maria  Lopez"), f("b.txt", 1, 5, "Honduran", "NATIONALITY")])
    s.set_findings("a.pdf", [f("a.pdf", 2, 3, "Maria Lopez"), f("a.pdf", 1, 50, "12 Main St", "ADDRESS"),
                             f("a.pdf", 1, 10, "maria lopez")])
    return s


def texts(items) -> list[str]:
    return [i.text for i in items]


def test_queue_is_in_reading_order_across_documents(s: ReviewSession) -> None:
    assert texts(s.queue()) == ["maria lopez", "12 Main St", "Maria Lopez", "Honduran", "Maria  Lopez"]
    assert s.progress() == (0, 5) and s.progress("b.txt") == (0, 2)


def test_planning_does_not_change_the_session_until_applied(s: ReviewSession) -> None:
    first = s.queue()[0]
    action = s.decide([first], Decision.REDACT)
    assert s.state(first) is None
    s.apply(action)
    assert s.state(first) is Decision.REDACT
    assert s.record(first).reason_code == "87(2)(b)" and s.record(first).user == "clerk1"


def test_next_pending_skips_decided_and_wraps(s: ReviewSession) -> None:
    q = s.queue()
    s.apply(s.decide([q[1]], Decision.DEFER))
    assert s.next_pending(q[0]) == q[2]
    assert s.next_pending(q[4]) == q[0]  # wraps around
    assert s.next_pending(q[2], backwards=True) == q[0]
    assert s.neighbour(q[0], 1) == q[1] and s.neighbour(q[0], -1) == q[0]
    s.apply(s.decide(q, Decision.REDACT))
    assert s.next_pending(q[0]) is None and s.pending() == []


def test_release_of_protected_categories_needs_a_reason(s: ReviewSession) -> None:
    nat = next(x for x in s.queue() if x.entity_type == "NATIONALITY")
    with pytest.raises(ReviewError, match="releasing NATIONALITY needs a written reason of at least 10"):
        s.decide([nat], Decision.RELEASE)
    for too_short in ("   ", "ok", "n/a", "x " * 4):  # the same rule as `case decide` (release_reason_problem)
        with pytest.raises(ReviewError):
            s.decide([nat], Decision.RELEASE, reason=too_short)
    s.apply(s.decide([nat], Decision.RELEASE, reason="consent on file"))
    assert s.record(nat).reason == "consent on file" and s.record(nat).reason_code == ""
    person = s.queue()[0]
    s.apply(s.decide([person], Decision.RELEASE))  # not protected: no reason needed
    assert s.state(person) is Decision.RELEASE


def test_occurrences_ignore_case_and_spacing_across_the_case(s: ReviewSession) -> None:
    occ = s.occurrences(s.queue()[0])
    assert texts(occ) == ["maria lopez", "Maria Lopez", "Maria  Lopez"]


def test_undo_restores_the_previous_state_step_by_step(s: ReviewSession) -> None:
    q = s.queue()
    s.apply(s.decide([q[0]], Decision.REDACT))
    s.apply(s.decide([q[0]], Decision.DEFER))
    s.apply(s.decide(s.occurrences(q[0]), Decision.RELEASE))
    undo = s.undo_action()
    assert undo is not None and undo.focus == FindingKey.of(q[0])
    s.apply(undo)
    assert s.state(q[0]) is Decision.DEFER and s.state(q[2]) is None
    s.apply(s.undo_action())
    assert s.state(q[0]) is Decision.REDACT
    s.apply(s.undo_action())
    assert s.state(q[0]) is None and s.undo_action() is None


def test_not_personal_information_allow_lists_every_occurrence(s: ReviewSession) -> None:
    q = s.queue()
    s.apply(s.decide([q[2]], Decision.REDACT))
    s.apply(s.not_personal_information(q[0]))
    assert allow_digest(RUN_KEY, "MARIA   lopez") in s.allow
    assert all(s.state(o) is Decision.NOT_PI for o in s.occurrences(q[0]))
    assert s.record(q[2]) is None  # the explicit decision gave way to the allow-list
    s.apply(s.undo_action())
    assert s.state(q[2]) is Decision.REDACT and s.state(q[0]) is None and not s.allow


def test_a_manual_box_becomes_a_redaction_of_its_area(s: ReviewSession) -> None:
    s.apply(s.add_manual([("a.pdf", 1, (30, 40, 10, 20))], ManualKind.BOX, "87(2)(b)"))
    assert s.manual_for("b.txt") == []
    (entry,) = s.manual_for("a.pdf", 1)
    m = entry.to_redaction()
    assert m.box == (10, 20, 30, 40) and m.category == "MANUAL-BOX" and m.text == ""


def test_conflicts_catch_a_redacted_text_left_visible_elsewhere(s: ReviewSession) -> None:
    q = s.queue()
    s.apply(s.decide([q[0]], Decision.REDACT))
    s.apply(s.decide([q[2]], Decision.RELEASE))
    assert s.conflicts("a.pdf") == [q[2]]
    assert s.conflicts("b.txt") == []  # another document: its own export
    s.apply(s.decide([q[2]], Decision.REDACT))
    assert s.conflicts("a.pdf") == []


def _page() -> Page:
    text = "Name: Maria Lopez\nCity: Queens"
    boxes = []
    for i, c in enumerate(text):
        line = 0 if i < 17 else 1
        col = i if line == 0 else i - 18
        boxes.append(None if c == "\n" else (10 + 5 * col, 10 + 12 * line, 15 + 5 * col, 20 + 12 * line))
    return Page(1, text, tuple(boxes), 612, 792)


def test_selection_boxes_cover_the_characters_dragged_over() -> None:
    page = _page()
    # drag over "Maria" (characters 6-10 at x 40..65) on line 1
    assert selection_boxes(page, (41, 12, 64, 18)) == [(40, 10, 65, 20)]
    # a drag across both lines selects from the first to the last character, one box per line
    assert len(selection_boxes(page, (41, 12, 30, 30))) == 2
    assert selection_boxes(page, (300, 300, 310, 310)) == []


def test_snippet_is_one_line_around_the_match() -> None:
    text = "first line\nVictim: Maria Lopez lives\nhere"
    i = text.index("Maria Lopez")
    assert snippet(text, i, i + 11, 12) == ("line Victim:", "Maria Lopez", "lives here")


def test_a_findings_key_and_allow_digest_are_worked_out_once_and_match_their_definitions() -> None:
    finding = f("a.pdf", 2, 3, "Maria  LOPEZ")
    assert finding.key == FindingKey("a.pdf", 2, 3, 15, "PERSON", finding.text_digest)
    assert FindingKey.of(finding) is finding.key  # kept on the finding
    assert finding.allow_digest == allow_digest(RUN_KEY, "maria lopez") == allow_digest(RUN_KEY, finding.text)
    twin = f("a.pdf", 2, 3, "Maria  LOPEZ")
    assert twin == finding and twin.key == finding.key and hash(twin) == hash(finding)  # fields only


def test_progress_follows_every_change_of_the_session(s: ReviewSession) -> None:
    assert s.progress() == (0, 5) and s.progress("a.pdf") == (0, 3) and s.progress("b.txt") == (0, 2)
    first = s.queue()[0]
    s.apply(s.decide([first], Decision.REDACT))
    assert s.progress() == (1, 5) and s.progress(first.document) == (1, 3)
    # allow-listing a text in one document counts its occurrences in the other document too
    action = s.not_personal_information(s.findings["b.txt"][1])  # "Maria  Lopez"
    s.apply(action)
    assert s.progress("b.txt") == (1, 2)
    assert s.progress("a.pdf") == (2, 3)  # "maria lopez" (was redacted) and "Maria Lopez": allow-listed; address not
    s.apply(s.undo_action())  # type: ignore[arg-type]
    assert s.progress() == (1, 5)
    s.set_findings("b.txt", [f("b.txt", 1, 5, "Honduran", "NATIONALITY")])  # detected again: one finding
    assert s.progress("b.txt") == (0, 1) and s.progress() == (1, 4)
    s.load([], [], [])  # a reopened case's stored decisions replace the session's
    assert s.progress() == (0, 4)
    assert s.progress() == (sum(1 for x in s.queue() if s.state(x) is not None), len(s.queue()))

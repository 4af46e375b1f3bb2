"""The window's Training menu (issue 15): a lesson started from the window is a practice case under the lesson's
recipient; the trainee's decisions are scored with a scripted set of mistakes; a mistake is shown on its page."""

from __future__ import annotations

from workstation.domain.review import Decision
from workstation.domain.training import Verdict
from workstation.qt import training_menu
from workstation.training.lessons import lesson


def test_a_lesson_round_in_the_window(open_window, case_dir, tmp_path, qtbot) -> None:
    window = open_window([case_dir])
    assert window.menuBar().actions()[-1].text() == "&Training"
    assert training_menu.score_window_case(window) is None  # the sample case is no practice case
    one = lesson("identifiers.en")
    assert training_menu.start_lesson(window, one, tmp_path / "lesson", suggestions="all")
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    assert window.case_service.state(window.case.id).context.recipient.value == one.recipient
    s = window.session
    found = s.queue()
    assert found, "the detector's suggestions are shown"
    # scripted: redact every suggestion except the A-number, which the trainee releases
    a_number = next(f for f in found if f.entity_type == "A_NUMBER")
    for f in found:
        if f is not a_number:
            assert window._commit(s.decide([f], Decision.REDACT))
    assert window._commit(s.decide([a_number], Decision.RELEASE,
                                   reason="The requester is the subject of the record"))
    qtbot.waitUntil(lambda: window.case_service.items(window.case.id) != [], timeout=30_000)
    dialog = training_menu.show_score(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    card = dialog.card
    assert card.per_category["A_NUMBER"] == {Verdict.MISSED.value: 1}  # released: a protected identifier
    assert not any(m.verdict is Verdict.WRONG_CODE for m in card.mistakes)  # the lesson's recipient's codes
    assert card.per_category["(decoy)"][Verdict.CORRECT.value] == len(one.decoys)  # nothing over-redacted
    assert dialog.mistakes.count() == len(card.mistakes)
    a_mistake = next(m for m in card.mistakes if m.item.category == "A_NUMBER")
    assert dialog.show_mistake(a_mistake) == window.current_page
    assert "you: release" in dialog.mistakes.item(card.mistakes.index(a_mistake)).text()
    # selected, it is drawn on the laid-out text page beside the key: the key's box over the released finding's
    dialog.mistakes.setCurrentRow(card.mistakes.index(a_mistake))
    picture = dialog.view.picture
    assert picture is not None and picture.key_boxes and picture.answer_boxes
    assert picture.answer_label.startswith("you: released") and picture.key_label.startswith("key: redact")
    kx = (picture.key_boxes[0][0] + picture.key_boxes[0][2]) / 2
    assert any(b[0] <= kx <= b[2] for b in picture.answer_boxes)
    # the result is kept in the store's training trail, not in the case's
    assert [r.event for r in window.case_service.audit_records("training")] == ["training-result"]
    assert "training-result" not in {r.event for r in window.case_service.audit_records(window.case.id)}
    window.close()


def test_a_trainee_is_shown_part_of_the_suggestions(open_window, case_dir, tmp_path, qtbot) -> None:
    """Issue 15: the detector's suggestions partly hidden, so the exercise trains eyes, not trust in the detector;
    only what is shown is recorded (what the trainee finds on their own, they box)."""
    window = open_window([case_dir])
    one = lesson("names.en")
    counts = {}
    for level in ("all", "half", "none"):
        assert training_menu.start_lesson(window, one, tmp_path / level, suggestions=level)
        qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
        counts[level] = len(window.session.queue())
    assert counts["all"] >= 2 and counts["half"] == (counts["all"] + 1) // 2 and counts["none"] == 0
    window.close()

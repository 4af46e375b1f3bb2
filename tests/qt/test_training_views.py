"""The results view's picture of a mistake (issue 15: "each mistake shown on the page beside the key") on a
generated practice case with a scanned page, and the supervisor's view of training results over time."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor

from workstation.domain.disclosure import RecipientType
from workstation.domain.review import Decision, ManualKind
from workstation.domain.roles import Role, User
from workstation.domain.training import Expect, Scorecard, Verdict
from workstation.qt import theme, training_menu
from workstation.qt.training_results import TrainingResultsDialog
from workstation.service import CaseService
from workstation.service.training import read_practice_document, record_result
from workstation.store.case_store import CaseStore


def _near(pixel: QColor, color: str, tol: int = 60) -> bool:
    want = QColor(color)
    return abs(pixel.red() - want.red()) + abs(pixel.green() - want.green()) + abs(pixel.blue() - want.blue()) < tol


def test_a_mistake_on_a_scanned_page_is_drawn_beside_the_key(open_window, case_dir, tmp_path, qtbot) -> None:
    window = open_window([case_dir])
    assert training_menu.start_practice(window, tmp_path / "practice", RecipientType.FEDERAL_IMMIGRATION, "view-1",
                                        suggestions="all", types=("witness_statement",), formats=("scan",))
    qtbot.waitUntil(lambda: not window.detecting, timeout=240_000)
    [scan] = window.case.sources
    assert scan.endswith("-scan.pdf")
    s = window.session
    found = s.queue()
    assert found, "the detector read the scanned page (OCR)"
    # scripted: one finding released without a reason is refused by the rules for a sanctuary recipient, so the
    # trainee releases nothing; they redact the first finding and box the key's first item with a wrong code
    first = found[0]
    assert window._commit(s.decide([first], Decision.REDACT))
    from workstation.service.training import practice_key

    key = practice_key(tmp_path / "practice", window.case_service.policies.policy(RecipientType.FEDERAL_IMMIGRATION))
    target = next(i for i in key.items if i.expect is Expect.REDACT
                  and not (i.span.start < first.end and first.start < i.span.end))
    page = read_practice_document(scan).pages[target.span.page - 1]
    rects = page.boxes_for_span(target.span.start, target.span.end)
    box = (min(r[0] for r in rects) - 2, min(r[1] for r in rects) - 2, max(r[2] for r in rects) + 2,
           max(r[3] for r in rects) + 2)
    assert window._commit(s.add_manual([(scan, target.span.page, box)], ManualKind.BOX, "87(2)(b)"))
    qtbot.waitUntil(lambda: window.case_service.manual_boxes(window.case.id) != [], timeout=30_000)

    dialog = training_menu.show_score(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    card = dialog.card
    wrong = [m for m in card.mistakes if m.verdict is Verdict.WRONG_CODE]
    assert [m.item for m in wrong] == [target]
    assert dialog.view.picture is not None  # the first mistake is shown when the dialog opens
    row = card.mistakes.index(wrong[0])
    dialog.mistakes.setCurrentRow(row)
    picture = dialog.view.picture
    assert picture is not None and picture.document == scan and picture.page == target.span.page
    assert picture.answer_boxes and picture.answer_boxes[0] == pytest.approx(box, abs=0.6)  # the box as drawn
    assert picture.key_boxes and all(
        k[0] >= box[0] and k[2] <= box[2] for k in picture.key_boxes)  # the key's text inside the box
    assert "KEY" in dialog.view.legend.text() and "YOU" in dialog.view.legend.text()
    assert "wrong code" in dialog.view.explanation.text() and target.explanation in dialog.view.explanation.text()
    # drawn: the key's box solid and dark, the trainee's dashed in the manual colour (a gap along its edge)
    assert not dialog.view.image.pixmap().isNull()
    image = dialog.view.drawn.toImage()  # at full size (shown scaled to fit)
    left, top = dialog.view.origin
    z = picture.zoom
    kx0, ky0, kx1, ky1 = picture.key_boxes[0]
    y_key = round(ky0 * z - top - 3)  # the key's outline, 3 px outside its text
    key_edge = [image.pixelColor(x, y_key) for x in range(round(kx0 * z - left) + 2, round(kx1 * z - left) - 2)]
    assert key_edge and all(_near(c, theme.CURRENT_EDGE, 120) for c in key_edge)
    ay1 = picture.answer_boxes[0][3]
    y_you = round(ay1 * z - top + 6)  # the trainee's outline, 6 px outside the box
    you_edge = [image.pixelColor(x, y_you) for x in range(round(box[0] * z - left), round(box[2] * z - left))]
    assert any(_near(c, theme.MANUAL_COLOR) for c in you_edge)
    assert any(_near(c, theme.PAGE_PAPER, 40) for c in you_edge)  # dashed: paper shows between the dashes
    # another mistake: the picture follows the selection
    other = next(i for i, m in enumerate(card.mistakes) if m.verdict is Verdict.MISSED)
    dialog.mistakes.setCurrentRow(other)
    assert dialog.view.picture is not None and dialog.view.picture.key_label.startswith("key: redact")
    assert dialog.view.picture.answer_label.startswith("you: nothing")
    window.close()


def _card(right: int, missed: int, over: int = 0) -> Scorecard:
    card = Scorecard()
    card.per_category["PERSON"] = Counter({Verdict.CORRECT.value: right, Verdict.OVER_REDACTED.value: over})
    card.per_category["ADDRESS"] = Counter({Verdict.CORRECT.value: 1, Verdict.MISSED.value: missed})
    return card


ROUNDS = [  # (when, trainee, card): two clerks over three ISO weeks
    ("2026-11-17T10:00:00Z", "ana", _card(2, 3)),
    ("2026-11-19T10:00:00Z", "ana", _card(3, 2, 1)),
    ("2026-11-24T10:00:00Z", "ben", _card(1, 4)),
    ("2026-12-01T10:00:00Z", "ana", _card(5, 0)),
    ("2026-12-02T10:00:00Z", "ben", _card(4, 1)),
]


@pytest.fixture
def recorded(monkeypatch):
    import workstation.store.case_store as case_store

    service = CaseService(CaseStore(":memory:"))
    monkeypatch.setattr(service, "case_label", lambda case_id: "practice")
    for at, trainee, card in ROUNDS:
        monkeypatch.setattr(case_store, "utc_now", lambda at=at: at)
        record_result(service, User(trainee, Role.CLERK), "case-1", "public", card)
    return service


def test_a_supervisor_sees_each_clerk_per_category_and_week(recorded, qtbot) -> None:
    dialog = TrainingResultsDialog(recorded, User("sup", Role.SUPERVISOR))
    qtbot.addWidget(dialog)
    dialog.show()
    # the table: per clerk and category, each verdict summed over the rounds (worked out from ROUNDS)
    table = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()):
             [dialog.table.item(r, c).text() for c in range(2, dialog.table.columnCount())]
             for r in range(dialog.table.rowCount())}
    for trainee in ("ana", "ben"):
        for category, name in (("PERSON", "Person"), ("ADDRESS", "Address")):
            sums: Counter[str] = Counter()
            for _, who, card in ROUNDS:
                if who == trainee:
                    sums.update(card.per_category[category])
            row = table[(trainee, name)]
            assert row[:5] == [str(sums[v.value]) for v in (Verdict.CORRECT, Verdict.MISSED,
                                                               Verdict.RELEASED_WITHOUT_REASON,
                                                               Verdict.OVER_REDACTED, Verdict.WRONG_CODE)]
            assert row[5] == f"{sums[Verdict.CORRECT.value] / sum(sums.values()):.0%}"
    # the trend: per ISO week, each clerk's share right
    assert dialog.summary.weeks == ["2026-W47", "2026-W48", "2026-W49"]
    weeks = {(dialog.weeks.verticalHeaderItem(r).text(), dialog.weeks.horizontalHeaderItem(c).text()):
             dialog.weeks.item(r, c).text() for r in range(dialog.weeks.rowCount())
             for c in range(dialog.weeks.columnCount())}
    week_of = {"2026-11-17": "2026-W47", "2026-11-19": "2026-W47", "2026-11-24": "2026-W48",
               "2026-12-01": "2026-W49", "2026-12-02": "2026-W49"}
    per_week: dict[tuple[str, str], list[int]] = {}
    for at, who, card in ROUNDS:
        counts = per_week.setdefault((week_of[at[:10]], who), [0, 0])
        counts[0] += card.total[Verdict.CORRECT.value]
        counts[1] += sum(card.total.values())
    for (week, who), cell in weeks.items():
        right, total = per_week.get((week, who), (0, 0))
        assert cell == (f"{right} of {total} ({right / total:.0%})" if total else "")
    assert weeks[("2026-W47", "ben")] == "" and weeks[("2026-W47", "ana")] == "7 of 13 (54%)"
    assert dialog.chart.series["ana"] == [(0, 7 / 13), (2, 1.0)]
    assert [w for w, _ in dialog.chart.series["ben"]] == [1, 2]
    assert "5 practice round(s) of every trainee in 3 week(s)" in dialog.headline.text()
    dialog.grab()  # the chart paints
    # one clerk chosen
    dialog.trainee.setCurrentText("ben")
    assert {t for t, _ in dialog.summary.per_category} == {"ben"}
    assert dialog.weeks.columnCount() == 1 and dialog.weeks.rowCount() == 2


def test_a_clerk_sees_only_their_own_results(recorded, qtbot) -> None:
    dialog = TrainingResultsDialog(recorded, User("ben", Role.CLERK))
    qtbot.addWidget(dialog)
    assert not dialog.trainee.isEnabled() and dialog.trainee.count() == 1
    assert {t for t, _ in dialog.summary.per_category} == {"ben"}
    assert sum(dialog.summary.rounds.values()) == 2


def test_the_training_menu_opens_the_results(open_window, case_dir, qtbot) -> None:
    window = open_window([case_dir])
    labels = [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
    assert "Training results over time…" in labels and "Start a generated practice case…" in labels
    dialog = training_menu.show_results(window)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.summary.rounds == Counter()
    window.close()

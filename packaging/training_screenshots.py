"""Screenshots of training mode's views (issue 15), taken by ``packaging/screenshots.py`` (all views) or alone:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python packaging/screenshots.py docs/screenshots --training

training-lesson.png     a lesson opened in the window (its recipient set, part of the suggestions shown)
training-practice.png   a generated practice case: its scanned page, read by OCR, under review
training-score.png      the score of a scripted round, a wrong exemption code on the scanned page drawn beside the key
training-results.png    a supervisor's view of the results over time (per clerk and category, the trend per week;
                        the earlier rounds of two other clerks are recorded by this script with earlier dates)
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def training_shots(out: Path, pump: Callable[[float], None], wait: Callable[..., None]) -> None:
    import workstation.store.case_store as case_store
    from workstation.app import build_window
    from workstation.domain.disclosure import RecipientType
    from workstation.domain.review import Decision, ManualKind
    from workstation.domain.roles import Role, User
    from workstation.domain.training import Expect, Scorecard, Verdict
    from workstation.qt import training_menu
    from workstation.qt.training_results import TrainingResultsDialog
    from workstation.service.training import practice_key, read_practice_document, record_result
    from workstation.store.case_store import CaseStore
    from workstation.training.lessons import lesson

    tmp = Path(tempfile.mkdtemp(prefix="ws-training-shots-"))
    store = CaseStore(tmp / "cases.sqlite3")
    window = build_window([], store=store, user="jdoe")
    window.resize(1560, 960)
    window.move(20, 20)
    window.show()
    window.activateWindow()
    wait(lambda: not window.detecting)  # the sample case it opens on

    def save(name: str, widget: QWidget) -> None:
        pump(0.4)
        widget.grab().save(str(out / name))
        print(out / name)

    # a lesson, as a trainee starts it from Training > Start a lesson
    assert training_menu.start_lesson(window, lesson("status.es"), tmp / "lesson", suggestions="half")
    wait(lambda: not window.detecting)
    first = window.session.next_pending(None)
    if first is not None:
        window.set_current(first)
    save("training-lesson.png", window)

    # a generated practice case (two PDFs, a scanned page, an e-mail as text) for a federal immigration request
    started = time.monotonic()
    folder = tmp / "practice"
    assert training_menu.start_practice(window, folder, RecipientType.FEDERAL_IMMIGRATION, "2026-12-07",
                                        suggestions="half")
    wait(lambda: not window.detecting, 300)
    print(f"practice case opened and read (OCR of the scan included): {time.monotonic() - started:.1f} s")
    scan = next(p for p in window.case.sources if p.endswith("-scan.pdf"))
    ld = window.by_path[scan]
    window.show_document(ld, 1)
    s = window.session
    on_scan = [f for f in s.queue() if f.document == scan]
    if on_scan:
        window.set_current(on_scan[0])
    save("training-practice.png", window)

    # the trainee's round: every suggestion shown is redacted; on the scan one more item is boxed, with the code of
    # another recipient's rules (a wrong code); the rest is left alone (missed)
    for f in list(s.queue()):
        window._commit(s.decide([f], Decision.REDACT))
    key = practice_key(folder, window.case_service.policies.policy(RecipientType.FEDERAL_IMMIGRATION))
    shown = {(f.document, f.page, f.start, f.end) for found in s.findings.values() for f in found}
    target = next(i for i in key.items if i.span.document == scan and i.expect is Expect.REDACT
                  and not any(d == scan and a < i.span.end and i.span.start < b for d, _, a, b in shown))
    page = read_practice_document(scan).pages[target.span.page - 1]
    rects = page.boxes_for_span(target.span.start, target.span.end)
    box = (min(r[0] for r in rects) - 2, min(r[1] for r in rects) - 2, max(r[2] for r in rects) + 2,
           max(r[3] for r in rects) + 2)
    window._commit(s.add_manual([(scan, target.span.page, box)], ManualKind.BOX, "87(2)(b)"))
    wait(lambda: window.case_service.manual_boxes(window.case.id) != [])
    dialog = training_menu.show_score(window)
    assert dialog is not None
    wrong = next(i for i, m in enumerate(dialog.card.mistakes) if m.verdict is Verdict.WRONG_CODE)
    dialog.mistakes.setCurrentRow(wrong)
    dialog.resize(1400, 760)
    save("training-score.png", dialog)
    card = dialog.card
    dialog.close()

    # earlier rounds of two other clerks, recorded with earlier dates, then the supervisor's view
    service = window.case_service
    weeks = ["2026-11-10T15:00:00Z", "2026-11-17T15:00:00Z", "2026-11-24T15:00:00Z", "2026-12-01T15:00:00Z"]
    for trainee, rights in (("mlopez", (9, 14, 17, 21)), ("tchen", (15, 13, 19, 20))):
        for at, right in zip(weeks, rights, strict=True):
            earlier = Scorecard()
            earlier.per_category["PERSON"] = Counter({Verdict.CORRECT.value: min(right, 10),
                                                      Verdict.OVER_REDACTED.value: max(0, 10 - right)})
            earlier.per_category["ADDRESS"] = Counter({Verdict.CORRECT.value: max(0, right - 10),
                                                       Verdict.MISSED.value: 14 - max(0, right - 10) - 3,
                                                       Verdict.WRONG_CODE.value: 3 if right < 15 else 0})
            original = case_store.utc_now
            case_store.utc_now = lambda at=at: at  # type: ignore[assignment]
            try:
                record_result(service, User(trainee, Role.CLERK), window.case.id, "federal-immigration", earlier)
            finally:
                case_store.utc_now = original
    print(f"jdoe's round: {card.total[Verdict.CORRECT.value]} of {sum(card.total.values())} right")
    results = TrainingResultsDialog(service, User("supervisor", Role.SUPERVISOR), window)
    results.resize(1100, 820)
    results.show()
    save("training-results.png", results)
    results.close()
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()
    store.close()

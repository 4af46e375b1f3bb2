"""``workstation training``: lessons, practice cases and their scores, on the command line (the window's Training
menu is the other door; both go through ``service.training``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.training import Suggestions, Verdict
from workstation.service.scanning import scan_documents

VERDICTS = {Verdict.CORRECT: "correct", Verdict.MISSED: "missed", Verdict.RELEASED_WITHOUT_REASON: "no reason",
            Verdict.OVER_REDACTED: "over-redacted", Verdict.WRONG_CODE: "wrong code"}  # column headings


def cmd_training(args: argparse.Namespace, open_store: Callable[[argparse.Namespace], Any],
                 login: Callable[[argparse.Namespace], Any], make_service: Callable[..., Any],
                 engines: Callable[[], Any], ocr_progress: Callable[[str, int, int], None]) -> int:
    from workstation.training.lessons import lessons

    if args.training_command == "lessons":
        for one in lessons():
            print(f"{one.family}.{one.language}\t{one.recipient}\t{one.title}")
        return 0
    store = open_store(args)
    lazy = engines()
    try:
        service = make_service(store, lazy, args)
        user = login(args)
        service.sign_in(user, getattr(args, "signer", None))
        if args.training_command == "new":
            return _new(args, service, user, lazy, ocr_progress)
        if args.training_command == "report":
            return _report(args, service, user)
        return _score(args, service, user)
    finally:
        lazy.close()
        store.close()


def _new(args: argparse.Namespace, service: Any, user: Any, lazy: Any,
         ocr_progress: Callable[[str, int, int], None]) -> int:
    from workstation.documents.intake import load_case
    from workstation.service.training import (
        make_lesson_case,
        make_practice_case,
        open_practice_case,
        suggestion_filter,
    )
    from workstation.training.lessons import lesson

    if args.lesson:
        one = lesson(args.lesson)
        recipient = RecipientType.parse(one.recipient)
        practice = make_lesson_case(args.out, one, service.policies.policy(recipient), args.suggestions)
        label = one.family + "." + one.language
    else:
        recipient = RecipientType.parse(args.recipient or RecipientType.FEDERAL_IMMIGRATION.value)
        practice = make_practice_case(args.out, service.policies.policy(recipient), seed=args.seed,
                                      suggestions=args.suggestions)
        label = args.seed
    sources = [str(p) for p in practice.documents]
    done = scan_documents(load_case(sources), lazy, ocr_progress=ocr_progress)
    level = Suggestions(args.suggestions)
    keep = suggestion_filter(sources, user.name)  # as the window will show them
    for s in done.scanned:
        s.findings[:] = keep(s.findings) if keep is not None else s.findings
    name = args.name or f"practice-{label}"
    n = open_practice_case(service, name, DisclosureContext(recipient), user, done)
    print(f"practice case {name}: {len(sources)} document(s) in {practice.folder}, recipient {recipient.value}; "
          f"{n} suggestion(s) shown ({level.value}); {len(practice.key.items)} item(s) to judge")
    print(f"review it (`workstation case show {name} --items`, `case decide ...`, or the window), then "
          f"`workstation training score {name}`")
    return 0


def _score(args: argparse.Namespace, service: Any, user: Any) -> int:
    from workstation.service.training import mistake_texts, practice_key, record_result, score_practice

    rec = service.lookup(args.name)
    folder = Path(rec.sources[0]).parent
    case = service.state(rec.id)
    key = practice_key(folder, service.policies.policy(case.context.recipient))
    card = score_practice(service, rec.id, key)
    record_result(service, user, rec.id, case.context.recipient.value, card)
    print(f"{rec.name}: {card.total[Verdict.CORRECT.value]} of {sum(card.total.values())} right "
          f"({card.accuracy:.0%})")
    print(f"  {'category':<22}" + "".join(f"{heading:>15}" for heading in VERDICTS.values()))
    for category, counts in sorted(card.per_category.items()):
        print(f"  {category:<22}" + "".join(f"{counts[v.value]:>15}" for v in VERDICTS))
    for m, text in zip(card.mistakes, mistake_texts(card.mistakes), strict=True):
        span = m.item.span
        did = m.answer.decision if m.answer is not None else "nothing"
        print(f"  - {m.verdict.value}: {m.item.category or 'decoy'} {text!r} ({Path(span.document).name} "
              f"p.{span.page} [{span.start}:{span.end}]; you: {did}; expected: {m.item.expect.value}"
              + (f" {m.item.code}" if m.item.code else "") + ")")
        print(f"      {m.item.rule.value}: {m.item.explanation}")
    return 0


def _report(args: argparse.Namespace, service: Any, user: Any) -> int:
    """The practice results as CSV and PDF (``training-report.csv``/``.pdf``): the spot-check's counterpart."""
    from workstation.documents.report_pdf import table_pdf
    from workstation.domain.roles import Permission
    from workstation.service.items import _csv
    from workstation.service.training import REPORT_COLUMNS, result_rows

    sees_all = user.can(Permission.SPOT_CHECK) or user.can(Permission.ASSIGN_ROLES)
    trainee = args.trainee or (None if sees_all else user.name)  # a trainee's report is their own
    rows = result_rows(service, user, trainee)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "training-report.csv").write_bytes(_csv(REPORT_COLUMNS, rows))
    pdf = table_pdf("Training results", [f"{len({r[0] + r[1] for r in rows})} round(s)"
                                         + (f" of {trainee}" if trainee else " of every trainee")
                                         + ". Counts only: no text of any practice case."],
                    list(REPORT_COLUMNS), rows, widths=[1.9, 1.0, 0.9, 1.6, 1.4, 1.7, 0.7, 0.7, 1.0, 0.9, 0.8])
    (args.out_dir / "training-report.pdf").write_bytes(pdf)
    print(args.out_dir / "training-report.csv")
    print(args.out_dir / "training-report.pdf")
    return 0

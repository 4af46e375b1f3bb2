"""Training mode end to end below the window (issue 15): a practice case made by the shipped generator, reviewed
through the service (decisions and a manual box), scored against its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import UsageError
from workstation.domain.review import Action, Change, ManualEntry, ManualKind
from workstation.domain.roles import Role, User
from workstation.domain.training import Verdict
from workstation.service import CaseService
from workstation.service.scanning import LazyEngine, scan_sources
from workstation.service.training import make_practice_case, practice_answers, score_practice
from workstation.store.case_store import CaseStore


def test_a_practice_round_is_scored_from_what_the_trainee_did(tmp_path: Path, engine) -> None:
    service = CaseService(CaseStore(":memory:"), detector=engine.analyze_many)
    policy = service.policies.policy(RecipientType.FEDERAL_IMMIGRATION)
    practice = make_practice_case(tmp_path / "practice", policy, seed="round-1", types=("witness_statement",))
    assert practice.key.items and all(i.code for i in practice.key.items)
    with pytest.raises(UsageError):  # never over an existing folder
        make_practice_case(tmp_path / "practice", policy, seed="round-2")

    trainee = User("trainee1", Role.CLERK)
    sources = [str(p) for p in practice.documents]
    done = scan_sources(sources, LazyEngine(lambda documents: engine))
    rec = service.create(sources, "practice", DisclosureContext(RecipientType.FEDERAL_IMMIGRATION), trainee,
                         done.scanned)
    # the trainee's own review: no policy defaults decided for them
    service.record_scan(rec, trainee, done.scanned, done.versions, policy_decisions=False, labels=done.labels)
    assert all(i.decision is None for i in service.items(rec.id))
    people = [i for i in service.items(rec.id) if i.category == "PERSON"]
    service.decide(rec.id, trainee, [i.id for i in people], "redact")

    # a manual box over the first nationality of the key, drawn where the window shows it
    from workstation.documents.intake import load_file
    from workstation.pipeline import layout

    target = next(i for i in practice.key.items if i.category == "NATIONALITY")
    rendered = layout(load_file(Path(target.span.document))[0]).rendered
    assert rendered is not None
    [(page, rects)] = rendered.boxes_for_span(1, target.span.start, target.span.end).items()
    box = (min(r[0] for r in rects) - 1, min(r[1] for r in rects) - 1, max(r[2] for r in rects) + 1,
           max(r[3] for r in rects) + 1)
    entry = ManualEntry("box1", target.span.document, page, box, ManualKind.BOX, target.code, "trainee1",
                        "2026-12-07T00:00:00Z")
    service.apply_action(rec.id, trainee, Action("manual box", (Change(None, entry),)))

    answers = practice_answers(service, rec.id)
    assert any(a.span.overlaps(target.span) and a.decision == "redact" for a in answers)
    card = score_practice(service, rec.id, practice.key)
    person_keys = [i for i in practice.key.items if i.category == "PERSON"]
    found = [k for k in person_keys if any(p.key.start < k.span.end and k.span.start < p.key.end for p in people)]
    assert card.per_category["PERSON"][Verdict.CORRECT.value] == len(found)
    assert card.per_category["NATIONALITY"][Verdict.CORRECT.value] == 1  # the box
    others = [i for i in practice.key.items if i.category not in ("PERSON",) and i is not target]
    assert sum(card.total.values()) == len(practice.key.items)
    assert card.total[Verdict.MISSED.value] == len(others) + len(person_keys) - len(found)
    assert all(m.item.explanation for m in card.mistakes)

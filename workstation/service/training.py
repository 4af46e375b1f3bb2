"""Practice cases for training mode (issue 15): made from the shipped generator (``workstation.training``) with an
answer key under the recipient's policy (``domain.training``), reviewed as any case is, then scored.

A practice case is a folder of generated documents (plain text: the synthetic people, numbers and addresses of the
benchmarks, never real ones) that the trainee opens and reviews in the window like a real case. Scoring reads back
what the trainee did through the service - each decision on a finding, and each manual box, turned into the span
of text it covers on the document's own page - and marks it against the key. The key's spans are the generator's
gold offsets in each document's text, which is the text of its one page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.domain.disclosure import DisclosureContext
from workstation.domain.errors import PermissionDenied, UsageError
from workstation.domain.policy_engine import RecipientPolicy
from workstation.domain.review import ManualEntry
from workstation.domain.roles import Permission, User
from workstation.domain.training import (
    Answer,
    AnswerKey,
    Mistake,
    Scorecard,
    Span,
    Suggestions,
    Verdict,
    score,
    shown,
)
from workstation.service.base import ServiceBase
from workstation.service.items import TRAINING_TRAIL
from workstation.service.scanning import CaseScan
from workstation.training.lessons import Lesson

PRACTICE_TYPES = ("complaint_report", "witness_statement", "email")


@dataclass(frozen=True)
class PracticeCase:
    folder: Path
    documents: tuple[Path, ...]
    key: AnswerKey
    seed: str


def make_practice_case(folder: Path, policy: RecipientPolicy, *, seed: str,
                       types: Sequence[str] = PRACTICE_TYPES, suggestions: str = "half") -> PracticeCase:
    """Write a new practice case into ``folder`` (which must not exist yet) and work out its key."""
    from workstation.training.corpus import generate_document

    if folder.exists():
        raise UsageError(f"{folder}: already exists; a practice case is made in a new folder")
    folder.mkdir(parents=True)
    paths = []
    for n, doc_type in enumerate(types, start=1):
        doc = generate_document(doc_type, f"{seed}-{n}")
        path = (folder / f"{n:02d}-{doc_type.replace('_', '-')}.txt").resolve()
        path.write_text(doc.text, encoding="utf-8", newline="\n")
        paths.append(path)
    _write_spec(folder, {"seed": seed, "types": list(types), "recipient": policy.recipient.value,
                         "suggestions": Suggestions(suggestions).value})
    key = _generated_key(folder, policy, seed, types)
    return PracticeCase(folder.resolve(), tuple(paths), key, seed)


SPEC_FILE = ".practice.json"  # in the practice folder: how it was made (no answers), to rebuild its key


def make_lesson_case(folder: Path, lesson: Lesson, policy: RecipientPolicy,
                     suggestions: str = "half") -> PracticeCase:
    """Write a lesson into ``folder`` as a one-document practice case; its key holds the lesson's decoys too."""
    if folder.exists():
        raise UsageError(f"{folder}: already exists; a practice case is made in a new folder")
    folder.mkdir(parents=True)
    path = (folder / f"{lesson.name}.txt").resolve()
    path.write_text(lesson.text, encoding="utf-8", newline="\n")
    key = _lesson_key(folder, lesson, policy)
    _write_spec(folder, {"lesson": lesson.name, "recipient": policy.recipient.value,
                         "suggestions": Suggestions(suggestions).value})
    return PracticeCase(folder.resolve(), (path,), key, lesson.name)


def _write_spec(folder: Path, spec: Mapping[str, object]) -> None:
    import json

    (folder / SPEC_FILE).write_text(json.dumps(spec, sort_keys=True) + "\n", encoding="utf-8")


def practice_key(folder: Path, policy: RecipientPolicy) -> AnswerKey:
    """The key of the practice case in ``folder``, made again from how it was made (its spec file)."""
    import json

    from workstation.training.lessons import lesson

    try:
        spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UsageError(f"{folder}: not a practice case (no readable {SPEC_FILE})") from None
    if "lesson" in spec:
        return _lesson_key(folder, lesson(str(spec["lesson"])), policy)
    return _generated_key(folder, policy, str(spec["seed"]), tuple(spec["types"]))


def _lesson_key(folder: Path, one: Lesson, policy: RecipientPolicy) -> AnswerKey:
    path = str((folder / f"{one.name}.txt").resolve())
    return AnswerKey.build(policy, [(Span(path, 1, s, e), c) for s, e, c in one.spans],
                           [Span(path, 1, s, e) for s, e in one.decoys])


def mistake_texts(mistakes: Sequence[Mistake]) -> list[str]:
    """The practice text of each mistake (synthetic, shown to the trainee), each document read once."""
    documents: dict[str, str] = {}
    out = []
    for m in mistakes:
        span = m.item.span
        if span.document not in documents:
            try:
                documents[span.document] = Path(span.document).read_text(encoding="utf-8")
            except OSError:
                documents[span.document] = ""
        out.append(documents[span.document][span.start:span.end])
    return out


def _generated_key(folder: Path, policy: RecipientPolicy, seed: str, types: Sequence[str]) -> AnswerKey:
    from workstation.training.corpus import generate_document

    spans = []
    for n, doc_type in enumerate(types, start=1):
        doc = generate_document(doc_type, f"{seed}-{n}")
        path = str((folder / f"{n:02d}-{doc_type.replace('_', '-')}.txt").resolve())
        spans += [(Span(path, 1, s.start, s.end), s.entity_type) for s in doc.spans]
    return AnswerKey.build(policy, spans)


def open_practice_case(service: Any, name: str, context: DisclosureContext, user: User, done: CaseScan) -> int:
    """Create the practice case from its scan in one transaction, with no decisions made for the trainee (the
    policy's defaults are what is being practised). Returns the findings shown."""
    sources = [s.document.path for s in done.scanned]
    with service.store.transaction():
        rec = service.create(sources, name, context, user, done.scanned)
        return int(service.record_scan(rec, user, done.scanned, done.versions, policy_decisions=False,
                                       labels=done.labels))


def suggestion_filter(sources: Sequence[str], trainee: str) -> Callable[[list[Any]], list[Any]] | None:
    """For the practice case made of ``sources``: the detector's findings the trainee is shown (its spec's
    suggestions level: all, a stable half per document and trainee, none) - None for a case that is no practice
    case or shows everything. The command line and the window choose the same findings."""
    import json

    if not sources:
        return None
    folder = Path(sources[0]).parent
    try:
        spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    level = Suggestions(str(spec.get("suggestions", "all")))
    if level is Suggestions.ALL:
        return None
    label = str(spec.get("lesson") or spec.get("seed"))

    def keep(findings: list[Any]) -> list[Any]:
        keys = [f"{Path(f.document).name}:{f.page}:{f.start}:{f.end}:{f.entity_type}" for f in findings]
        seen = shown(keys, level, f"{label}:{trainee}")
        return [f for f, k in zip(findings, keys, strict=True) if k in seen]

    return keep


def practice_answers(service: ServiceBase, case_id: str) -> list[Answer]:
    """What the trainee did on the case: every decided finding, and every manual box as the text it covers."""
    answers = []
    for item in service.items(case_id):
        if item.decision is None:
            continue
        rec = item.record
        answers.append(Answer(Span(item.key.document, item.key.page, item.key.start, item.key.end), item.decision,
                              rec.reason_code if rec else "", rec.reason if rec else ""))
    boxes = service.manual_boxes(case_id)
    for document in sorted({m.document for m in boxes}):
        answers += _box_answers(document, [m for m in boxes if m.document == document])
    return answers


def score_practice(service: ServiceBase, case_id: str, key: AnswerKey) -> Scorecard:
    return score(key, practice_answers(service, case_id))


def _box_answers(document: str, boxes: Sequence[ManualEntry]) -> list[Answer]:
    """Each manual box as the runs of the document's characters whose glyph centres it covers."""
    from workstation.documents.intake import load_file
    from workstation.pipeline import layout

    [doc] = load_file(Path(document))
    rendered = layout(doc).rendered
    if rendered is None:  # a PDF: the page's own character boxes
        pages = {p.number: [(i, b) for i, b in enumerate(p.char_boxes) if b is not None] for p in doc.pages}
    else:
        pages = {}
        for source in doc.pages:
            for i, target in enumerate(rendered.char_map[source.number - 1]):
                if target is None:
                    continue
                page = rendered.pages[target[0]]
                box = page.char_boxes[target[1]] if target[1] < len(page.char_boxes) else None
                if box is not None:
                    pages.setdefault(page.number, []).append((i, box))
    out = []
    for m in boxes:
        covered = sorted(i for i, b in pages.get(m.page, []) if _inside(b, m.box))
        source_page = 1 if rendered is not None else m.page  # a text document is one source page
        for start, end in _runs(covered):
            out.append(Answer(Span(document, source_page, start, end), "redact", m.reason_code))
    return out


def _inside(char: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    cx, cy = (char[0] + char[2]) / 2, (char[1] + char[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and i <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


RESULT_EVENT = "training-result"
REPORT_COLUMNS = ("at", "trainee", "role", "practice", "recipient", "category", "correct", "missed",
                  "released without a valid reason", "over-redacted", "wrong code")


def record_result(service: ServiceBase, user: User, case_id: str, recipient: str, card: Scorecard) -> None:
    """Keep a scored round in the store's training trail (a chain like a case's, not any case's): who, which
    practice case, the recipient, and the counts per category and verdict - never a text."""
    service.store.append_event(TRAINING_TRAIL, user.name, user.role.value, RESULT_EVENT, {
        "case_id": case_id, "practice": service.case_label(case_id), "recipient": recipient,
        "accuracy": round(card.accuracy, 4),
        "per_category": {category: dict(sorted(counts.items())) for category, counts in sorted(card.per_category.items())}})


def result_rows(service: ServiceBase, user: User, trainee: str | None = None) -> list[list[str]]:
    """The training results over time, one row per round and category (``REPORT_COLUMNS``), for a supervisor
    (``Permission.SPOT_CHECK``: the spot-check's counterpart) or an administrator; a trainee sees their own."""
    if trainee != user.name and not (user.can(Permission.SPOT_CHECK) or user.can(Permission.ASSIGN_ROLES)):
        raise PermissionDenied(f"{user.name}: only a supervisor sees other trainees' results", user=user.name,
                               role=user.role.value)
    rows = []
    for record in service.audit_records(TRAINING_TRAIL):
        if record.event != RESULT_EVENT or (trainee is not None and record.actor != trainee):
            continue
        d = record.details
        for category, counts in d.get("per_category", {}).items():
            rows.append([record.at, record.actor, record.role, str(d.get("practice", "")), str(d.get("recipient", "")),
                         category, *(str(counts.get(v.value, 0)) for v in Verdict)])
    return rows

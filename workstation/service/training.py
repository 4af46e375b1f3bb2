"""Practice cases for training mode (issue 15): made from the shipped generator (``workstation.training``) with an
answer key under the recipient's policy (``domain.training``), reviewed as any case is, then scored.

A practice case is a folder of generated documents (the synthetic people, numbers and addresses of the
benchmarks, never real ones) that the trainee opens and reviews in the window like a real case: plain text, PDFs
laid out in the generator's layouts (flowing text, two columns, a table) and a scanned page (an image-only PDF that
the product reads by OCR). Scoring reads back what the trainee did through the service - each decision on a
finding, and each manual box, turned into the span of text it covers on the document's own page - and marks it
against the key. The key's spans are the generator's gold offsets in a text document's text, its one page; on a
PDF they are those offsets aligned with the page texts the product reads (text layer or OCR:
``workstation.training.align``), so they are offsets in the very text the findings are on.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workstation.domain.disclosure import DisclosureContext
from workstation.domain.errors import PermissionDenied, UsageError, WorkstationError
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

PRACTICE_TYPES = ("complaint_report", "witness_statement", "email", "roster")
# how each of PRACTICE_TYPES is written: "txt" (plain text), "pdf" (laid out in the generator's layout for it, with a
# text layer) or "scan" (that PDF as an image-only page, read by OCR)
PRACTICE_FORMATS = ("pdf", "scan", "txt", "pdf")
FORMATS = ("txt", "pdf", "scan")


def practice_file_name(n: int, doc_type: str, fmt: str = "txt") -> str:
    stem = f"{n:02d}-{doc_type.replace('_', '-')}"
    return stem + {"txt": ".txt", "pdf": ".pdf", "scan": "-scan.pdf"}[fmt]


@dataclass(frozen=True)
class PracticeCase:
    folder: Path
    documents: tuple[Path, ...]
    key: AnswerKey
    seed: str


def make_practice_case(folder: Path, policy: RecipientPolicy, *, seed: str,
                       types: Sequence[str] = PRACTICE_TYPES, formats: Sequence[str] | None = None,
                       suggestions: str = "half") -> PracticeCase:
    """Write a new practice case into ``folder`` (which must not exist yet) and work out its key. ``formats``: how
    each document is written (``FORMATS``; default: ``PRACTICE_FORMATS`` for the default types, else text)."""
    from workstation.documents.practice_pdf import practice_pdf, scanned_pdf
    from workstation.training.corpus import generate_document

    if formats is None:
        formats = PRACTICE_FORMATS if tuple(types) == PRACTICE_TYPES else ("txt",) * len(types)
    if len(formats) != len(types) or any(f not in FORMATS for f in formats):
        raise UsageError(f"formats: one of {', '.join(FORMATS)} for each document type")
    if folder.exists():
        raise UsageError(f"{folder}: already exists; a practice case is made in a new folder")
    folder.mkdir(parents=True)
    paths = []
    for n, (doc_type, fmt) in enumerate(zip(types, formats, strict=True), start=1):
        doc = generate_document(doc_type, f"{seed}-{n}")
        path = (folder / practice_file_name(n, doc_type, fmt)).resolve()
        if fmt == "txt":
            path.write_text(doc.text, encoding="utf-8", newline="\n")
        else:
            pdf = practice_pdf(doc.text, doc.layout)
            path.write_bytes(scanned_pdf(pdf) if fmt == "scan" else pdf)
        paths.append(path)
    _write_spec(folder, {"seed": seed, "types": list(types), "formats": list(formats),
                         "recipient": policy.recipient.value, "suggestions": Suggestions(suggestions).value})
    key = _generated_key(folder, policy, seed, types, formats)
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
    types = tuple(spec["types"])
    return _generated_key(folder, policy, str(spec["seed"]), types, tuple(spec.get("formats", ("txt",) * len(types))))


def _lesson_key(folder: Path, one: Lesson, policy: RecipientPolicy) -> AnswerKey:
    path = str((folder / f"{one.name}.txt").resolve())
    return AnswerKey.build(policy, [(Span(path, 1, s, e), c) for s, e, c in one.spans],
                           [Span(path, 1, s, e) for s, e in one.decoys])


def mistake_texts(mistakes: Sequence[Mistake]) -> list[str]:
    """The practice text of each mistake (synthetic, shown to the trainee) as the product reads its page."""
    out = []
    for m in mistakes:
        span = m.item.span
        try:
            pages = read_practice_document(span.document).pages
        except WorkstationError:
            pages = ()
        out.append(pages[span.page - 1].text[span.start:span.end] if 0 < span.page <= len(pages) else "")
    return out


def read_practice_document(path: str) -> Any:
    """A practice document as the product reads it (a scanned page OCR'd)."""
    return _practice_layout(path)[0]


def _practice_layout(path: str) -> tuple[Any, Any]:
    """A practice document as the product reads it and its layout (the PDF it is shown on), read again only when
    the file changed: its key, the trainee's boxes, the mistakes' texts and pictures all need it."""
    try:
        st = Path(path).stat()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the practice document ({exc.strerror})") from None
    return _read_layout(path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=8)
def _read_layout(path: str, mtime_ns: int, size: int) -> tuple[Any, Any]:
    from workstation.documents.intake import load_file
    from workstation.documents.ocr import ocr_document
    from workstation.pipeline import layout

    [doc] = load_file(Path(path))
    if doc.scanned_pages:
        doc = ocr_document(doc)
    return doc, layout(doc)


def _generated_key(folder: Path, policy: RecipientPolicy, seed: str, types: Sequence[str],
                   formats: Sequence[str]) -> AnswerKey:
    from workstation.training.align import align, place_span
    from workstation.training.corpus import generate_document

    spans = []
    for n, (doc_type, fmt) in enumerate(zip(types, formats, strict=True), start=1):
        doc = generate_document(doc_type, f"{seed}-{n}")
        path = str((folder / practice_file_name(n, doc_type, fmt)).resolve())
        if fmt == "txt":
            spans += [(Span(path, 1, s.start, s.end), s.entity_type) for s in doc.spans]
            continue
        pages = read_practice_document(path).pages  # as the trainee's findings are placed: text layer or OCR
        targets = align(doc.text, [p.text for p in pages])
        for s in doc.spans:
            spans += [(Span(path, pages[p].number, start, end), s.entity_type)
                      for p, start, end in place_span(targets, s.start, s.end)]
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
    doc, lay = _practice_layout(document)  # a scanned page as OCR read it
    rendered = lay.rendered
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
            out.append(Answer(Span(document, source_page, start, end), "redact", m.reason_code,
                              box=(m.page, m.box)))
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


@dataclass(frozen=True)
class MistakePicture:
    """A mistake on its page, to be drawn beside the key: the page as the trainee reviewed it (a PNG at ``zoom``
    pixels per point), the key's boxes and the trainee's (page coordinates, points) and what each stands for."""

    document: str
    page: int
    png: bytes
    zoom: float
    key_boxes: tuple[tuple[float, float, float, float], ...]
    answer_boxes: tuple[tuple[float, float, float, float], ...]
    key_label: str  # "key: redact (b)(6)"
    answer_label: str  # "you: released", "you: nothing"
    explanation: str  # the rule and why


def _span_boxes(path: str, span: Span) -> dict[int, list[tuple[float, float, float, float]]]:
    """Where the text of ``span`` is on the pages the document is reviewed on: {page number: rectangles}."""
    doc, lay = _practice_layout(path)
    if lay.rendered is not None:
        return {page: [tuple(r) for r in rects]  # type: ignore[misc]
                for page, rects in lay.rendered.boxes_for_span(span.page, span.start, span.end).items()}
    if not 0 < span.page <= len(doc.pages):
        return {}
    return {span.page: [tuple(r) for r in doc.pages[span.page - 1].boxes_for_span(span.start, span.end)]}


def _did(m: Mistake) -> str:
    if m.answer is None:
        return "you: nothing (left pending)"
    a = m.answer
    words = {"redact": "redacted", "release": "released", "not-pi": "not personal information",
             "defer": "deferred"}.get(a.decision, a.decision)
    if a.box is not None:
        words = "your box"
    return f"you: {words}" + (f" {a.code}" if a.decision == "redact" and a.code else "") + \
        (" - no reason given" if a.decision == "release" and not a.reason.strip() else "")


def mistake_picture(m: Mistake, zoom: float = 1.5) -> MistakePicture:
    """The page of ``m`` with the key's boxes and the trainee's (from their finding's text, or the manual box as
    drawn), for the results view: each mistake shown on the page beside the key."""
    from workstation.documents.raster import render_png

    path = m.item.span.document
    _, lay = _practice_layout(path)
    key = _span_boxes(path, m.item.span)
    page = min(key) if key else (1 if lay.rendered is not None else m.item.span.page)
    answer: list[tuple[float, float, float, float]] = []
    if m.answer is not None and m.answer.box is not None:
        if m.answer.box[0] == page:
            answer.append(m.answer.box[1])
    elif m.answer is not None and m.answer.span.document == path:
        answer = _span_boxes(path, m.answer.span).get(page, [])
    item = m.item
    key_label = f"key: {item.expect.value}" + (f" {item.code}" if item.code and item.expect.value != "release" and
                                               item.expect.value != "leave" else "")
    return MistakePicture(path, page, render_png(lay.pdf, page, zoom), zoom, tuple(key.get(page, [])),
                          tuple(answer), key_label, _did(m),
                          f"{m.verdict.value} - {item.rule.value}: {item.explanation}")


def _week(at: str) -> str:
    """The ISO week of a trail timestamp ("2026-W49")."""
    try:
        year, week, _ = datetime.fromisoformat(at.replace("Z", "+00:00")).isocalendar()
    except ValueError:
        return "?"
    return f"{year}-W{week:02d}"


@dataclass
class ResultSummary:
    """The training report's rows summed up for a supervisor's view: per trainee and category the count of each
    verdict, and per trainee and ISO week the items judged right of those judged (the trend)."""

    per_category: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)  # (trainee, category)
    per_week: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (trainee, week) -> right, all
    rounds: Counter[str] = field(default_factory=Counter)  # trainee -> rounds scored

    @property
    def trainees(self) -> list[str]:
        return sorted({t for t, _ in self.per_category} | set(self.rounds))

    @property
    def weeks(self) -> list[str]:
        return sorted({w for _, w in self.per_week})


def summarise(rows: Sequence[Sequence[str]]) -> ResultSummary:
    """``result_rows`` (one row per round and category, ``REPORT_COLUMNS``) summed per trainee and category, and per
    trainee and week."""
    out = ResultSummary()
    verdicts = [v.value for v in Verdict]
    rounds: set[tuple[str, str, str]] = set()
    for row in rows:
        at, trainee, category = row[0], row[1], row[5]
        counts = Counter({v: int(n) for v, n in zip(verdicts, row[6:], strict=True)})
        out.per_category.setdefault((trainee, category), Counter()).update(counts)
        week = _week(at)
        right, total = out.per_week.get((trainee, week), (0, 0))
        out.per_week[(trainee, week)] = (right + counts[Verdict.CORRECT.value], total + sum(counts.values()))
        rounds.add((at, trainee, row[3]))
    out.rounds = Counter(trainee for _, trainee, _ in rounds)
    return out


def result_summary(service: ServiceBase, user: User, trainee: str | None = None) -> ResultSummary:
    """The supervisor's view of the training results over time (the same records as ``workstation training
    report``; a trainee sees their own)."""
    return summarise(result_rows(service, user, trainee))

"""Practice cases with PDFs and a scanned page (issue 15): the answer key's spans are where the product reads the
generated values on the pages (a PDF's text layer, the OCR of the scan), and a scripted set of mistakes made on
those pages is scored as the script says - the expected counts are worked out from the script, not written in."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.errors import UsageError
from workstation.domain.review import Action, Change, ManualEntry, ManualKind
from workstation.domain.roles import Role, User
from workstation.domain.training import Expect, Verdict
from workstation.service import CaseService
from workstation.service.scanning import LazyEngine, scan_sources
from workstation.service.training import (
    make_practice_case,
    mistake_picture,
    mistake_texts,
    read_practice_document,
    score_practice,
)
from workstation.store.case_store import CaseStore
from workstation.training.align import align, place_span
from workstation.training.corpus import generate_document

TYPES = ("complaint_report", "witness_statement")
FORMATS = ("pdf", "scan")


def _locate(pages: list[str], golds: list[str]) -> list[tuple[int, int, int]]:
    """Each gold text found on the pages in order (whitespace-insensitive): (page number, start, end) - a second
    way to place the key, by plain search, independent of the aligner."""
    out = []
    page, pos = 0, 0
    for gold in golds:
        pattern = re.compile(r"\s*".join(re.escape(c) for c in gold if not c.isspace()))
        while True:
            m = pattern.search(pages[page], pos)
            if m:
                out.append((page + 1, m.start(), m.end()))
                pos = m.end()
                break
            page, pos = page + 1, 0
            assert page < len(pages), f"{gold!r} not on the pages"
    return out


def test_the_aligner_places_spans_across_a_wrapped_ocr_text() -> None:
    source = "Name: Maria Santos, 12 Main St\nA# 212 345 678 end"
    pages = ["Name: Maria", "Santos, 12 Main St A# 2l2 345 678 end"]  # wrapped over a page break, 1 read as l
    targets = align(source, pages)
    assert place_span(targets, 6, 18) == [(0, 6, 11), (1, 0, 6)]  # a piece on each page
    start = source.index("A#")
    [(p, s, e)] = place_span(targets, start, start + len("A# 212 345 678"))
    assert (p, pages[1][s:e]) == (1, "A# 2l2 345 678")
    assert place_span(align("x QQQ y", ["x ZZZ y"]), 2, 5) == [(0, 1, 6)]  # nothing read: between its neighbours


def test_a_pdf_and_scanned_practice_case_scores_scripted_mistakes(tmp_path: Path, engine) -> None:
    service = CaseService(CaseStore(":memory:"), detector=engine.analyze_many)
    policy = service.policies.policy(RecipientType.INTERNAL)  # releases names: redacting one is over-redaction
    with pytest.raises(UsageError):
        make_practice_case(tmp_path / "x", policy, seed="p", types=TYPES, formats=("pdf", "fax"))
    practice = make_practice_case(tmp_path / "practice", policy, seed="pdf-round", types=TYPES, formats=FORMATS)
    pdf, scan = (str(p) for p in practice.documents)
    assert [Path(p).suffix for p in (pdf, scan)] == [".pdf", ".pdf"]
    scanned = read_practice_document(scan)
    assert scanned.pages[0].text_source.value == "ocr"  # the product read the scan by OCR

    # the key is where the values are on the pages as the product reads them (found again by plain search)
    expected_spans = []
    for n, path in enumerate((pdf, scan), start=1):
        gold = generate_document(TYPES[n - 1], f"pdf-round-{n}").spans
        pages = [p.text for p in read_practice_document(path).pages]
        for g, (page, start, end) in zip(gold, _locate(pages, [g.text for g in gold]), strict=True):
            expected_spans.append((path, page, start, end, g.entity_type))
    got = [(i.span.document, i.span.page, i.span.start, i.span.end, i.category) for i in practice.key.items]
    assert got == expected_spans
    assert all(" ".join(t.split()) for t in mistake_texts([_missed(i) for i in practice.key.items]))

    trainee = User("trainee1", Role.CLERK)
    sources = [pdf, scan]
    done = scan_sources(sources, LazyEngine(lambda documents: engine))
    rec = service.create(sources, "practice", DisclosureContext(RecipientType.INTERNAL), trainee, done.scanned)
    service.record_scan(rec, trainee, done.scanned, done.versions, policy_decisions=False, labels=done.labels)
    items = service.items(rec.id)
    assert {i.key.document for i in items} == {pdf, scan}

    # the script: (1) every name the detector shows is redacted (names go to this recipient: over-redaction);
    # (2) one address on the PDF is released with a reason (an address must be redacted: missed);
    # (3) on the scan, a box over the first nationality or address with the right code, and (4) a box over the
    # next item to redact with another code (wrong code); everything else is left alone
    people = [i for i in items if i.category == "PERSON"]
    service.decide(rec.id, trainee, [i.id for i in people], "redact", reason_code=policy.exemption_code("PERSON"))
    address = next(i for i in items if i.category == "ADDRESS" and i.key.document == pdf)
    service.decide(rec.id, trainee, [address.id], "release", reason="Shared within the department for the case")
    keyed = [i for i in practice.key.items if i.span.document == scan]
    right = next(i for i in keyed if i.category in ("NATIONALITY", "ADDRESS"))
    wrong = next(i for i in keyed if i is not right and i.expect is Expect.REDACT)
    boxes = {right: right.code, wrong: "87(2)(b)"}
    for n, (item, code) in enumerate(boxes.items()):
        rects = scanned.pages[item.span.page - 1].boxes_for_span(item.span.start, item.span.end)
        box = (min(r[0] for r in rects) - 1, min(r[1] for r in rects) - 1, max(r[2] for r in rects) + 1,
               max(r[3] for r in rects) + 1)
        entry = ManualEntry(f"box{n}", scan, item.span.page, box, ManualKind.BOX, code, "trainee1",
                            "2026-12-07T00:00:00Z")
        service.apply_action(rec.id, trainee, Action("manual box", (Change(None, entry),)))

    # what the script should score, item by item
    def hit(item, finding_items) -> bool:
        return any(f.key.document == item.span.document and f.key.page == item.span.page
                   and f.key.start < item.span.end and item.span.start < f.key.end for f in finding_items)

    expected: Counter[str] = Counter()
    for item in practice.key.items:
        if item.category == "PERSON":
            verdict = Verdict.OVER_REDACTED if hit(item, people) else Verdict.CORRECT
        elif item is right:
            verdict = Verdict.CORRECT
        elif item is wrong:
            verdict = Verdict.WRONG_CODE
        elif item.expect is Expect.RELEASE:
            verdict = Verdict.CORRECT  # left alone
        else:
            verdict = Verdict.MISSED  # the released address among them
        expected[verdict.value] += 1
    assert expected[Verdict.OVER_REDACTED.value] >= 1 and expected[Verdict.MISSED.value] >= 1

    card = score_practice(service, rec.id, practice.key)
    assert +card.total == +expected
    assert card.per_category["PERSON"][Verdict.OVER_REDACTED.value] == sum(
        hit(i, people) for i in practice.key.items if i.category == "PERSON")
    released = next(m for m in card.mistakes if m.answer is not None and m.answer.decision == "release")
    assert released.verdict is Verdict.MISSED and released.item.category == "ADDRESS"

    # the wrong code on the scanned page drawn beside the key: the box as drawn, the key's boxes on the OCR'd page
    boxed = next(m for m in card.mistakes if m.verdict is Verdict.WRONG_CODE)
    picture = mistake_picture(boxed)
    assert picture.document == scan and picture.page == boxed.item.span.page
    assert picture.png.startswith(b"\x89PNG") and picture.key_boxes and picture.answer_boxes
    kx0 = min(b[0] for b in picture.key_boxes)
    assert picture.answer_boxes[0][0] == pytest.approx(kx0 - 1)  # the trainee's own box
    assert "wrong code" in picture.explanation and boxed.item.code in picture.key_label


def _missed(item):
    from workstation.domain.training import Mistake

    return Mistake(item, Verdict.MISSED, None)

from __future__ import annotations

import pytest

from workstation.domain.model import Detection, Document, DocumentKind, Page, TextSource, place_detections
from workstation.domain.overlaps import resolve_overlaps


def _page(lines: list[tuple[str, float, float]], char_w: float = 5.0, h: float = 10.0) -> Page:
    """A page from (text, x, y_top) lines with fixed-width characters."""
    text_parts: list[str] = []
    boxes: list = []
    for i, (line, x, y) in enumerate(lines):
        if i:
            text_parts.append("\n")
            boxes.append(None)
        for k, c in enumerate(line):
            text_parts.append(c)
            boxes.append((x + k * char_w, y, x + (k + 1) * char_w, y + h))
    return Page(1, "".join(text_parts), tuple(boxes), 612, 792)


def test_span_on_one_line_is_one_rect() -> None:
    page = _page([("born in Honduras today", 100, 50)])
    start = page.text.index("Honduras")
    assert page.boxes_for_span(start, start + 8) == [(140.0, 50, 180.0, 60)]


def test_span_across_line_break_gives_one_rect_per_line() -> None:
    page = _page([("lives at 87-14 37th", 100, 50), ("Avenue, Queens", 100, 62)])
    start = page.text.index("87-14")
    end = page.text.index("Avenue") + len("Avenue")
    assert page.boxes_for_span(start, end) == [(145.0, 50, 195.0, 60), (100, 62, 130.0, 72)]


def test_span_across_columns_splits_at_the_gutter() -> None:
    # Same baseline, but the second part sits in the right column far to the right.
    page = _page([("Name: Maria", 50, 50), ("Lopez Diaz", 320, 50)])
    start = page.text.index("Maria")
    end = len(page.text)
    rects = page.boxes_for_span(start, end)
    assert rects == [(80.0, 50, 105.0, 60), (320, 50, 370.0, 60)]


def test_plain_page_has_no_boxes() -> None:
    page = Page(1, "plain text", text_source=TextSource.PLAIN)
    assert page.boxes_for_span(0, 5) == []
    assert not page.needs_ocr
    assert Page(2, "", text_source=TextSource.NONE).needs_ocr


def test_place_detections_carries_text_page_and_boxes() -> None:
    page = _page([("citizen of Guatemala", 10, 10)])
    doc = Document("case/a.pdf", DocumentKind.PDF, (page,), "a")
    start = page.text.index("Guatemala")
    [f] = place_detections(doc, page, [Detection(start, start + 9, "NATIONALITY", 0.85, "NationalityRecognizer")])
    assert (f.document, f.page, f.text, f.entity_type) == ("case/a.pdf", 1, "Guatemala", "NATIONALITY")
    assert f.boxes == ((65.0, 10, 110.0, 20),)
    assert len(f.text_digest) == 64 and f.text not in f.text_digest


@pytest.mark.parametrize(
    ("detections", "expected"),
    [
        # same type, overlapping -> union, best score
        ([Detection(0, 10, "ADDRESS", 0.6, "a"), Detection(5, 20, "ADDRESS", 0.9, "b")],
         [Detection(0, 20, "ADDRESS", 0.9, "b")]),
        # nationality nested in an address -> part of the address
        ([Detection(0, 40, "ADDRESS", 0.8, "a"), Detection(10, 18, "NATIONALITY", 0.85, "n")],
         [Detection(0, 40, "ADDRESS", 0.8, "a")]),
        # person nested in an address (street named after a person) -> address
        ([Detection(0, 30, "ADDRESS", 0.8, "a"), Detection(4, 20, "PERSON", 0.85, "p")],
         [Detection(0, 30, "ADDRESS", 0.8, "a")]),
        # an A-number inside a wider span of a less specific type is kept
        ([Detection(0, 40, "IMMIGRATION_STATUS", 0.8, "s"), Detection(20, 30, "A_NUMBER", 0.9, "a")],
         [Detection(0, 40, "IMMIGRATION_STATUS", 0.8, "s"), Detection(20, 30, "A_NUMBER", 0.9, "a")]),
        # identical span, two types -> the more specific
        ([Detection(0, 9, "PHONE_NUMBER", 0.7, "p"), Detection(0, 9, "A_NUMBER", 0.9, "a")],
         [Detection(0, 9, "A_NUMBER", 0.9, "a")]),
        # partial overlap of different types -> both kept
        ([Detection(0, 10, "PERSON", 0.85, "p"), Detection(8, 20, "ADDRESS", 0.8, "a")],
         [Detection(0, 10, "PERSON", 0.85, "p"), Detection(8, 20, "ADDRESS", 0.8, "a")]),
        # empty spans dropped
        ([Detection(5, 5, "PERSON", 0.85, "p")], []),
    ],
)
def test_resolve_overlaps(detections: list[Detection], expected: list[Detection]) -> None:
    assert resolve_overlaps(detections) == expected


def test_every_occurrence_of_a_found_text_is_a_finding() -> None:
    from workstation.domain.propagation import RECOGNIZER, propagate

    pages = ["Name: Maria Lopez\nWitness saw MARIA LOPEZ leave.", "Maria\nLopez called; Marial Lopezz did not."]
    dets = [[Detection(6, 17, "PERSON", 0.9, "p")], []]
    out = propagate(pages, dets)
    assert [pages[0][d.start:d.end] for d in out[0]] == ["Maria Lopez", "MARIA LOPEZ"]
    assert [pages[1][d.start:d.end] for d in out[1]] == ["Maria\nLopez"]  # across a line break, not inside words
    assert out[1][0].recognizer == RECOGNIZER and out[1][0].entity_type == "PERSON"


def test_name_parts_are_repeated_where_capitalised_and_not_common_words() -> None:
    from workstation.domain.propagation import PART_RECOGNIZER, propagate

    text = ("Complainant Wenjun Li stated that the car was parked. Later LI, Wenjun and WENJUN returned. "
            "Ms. Li left. She will lie down; a long day.")
    start = text.index("Wenjun Li")
    out = propagate([text], [[Detection(start, start + 9, "PERSON", 0.8, "spacy")]])[0]
    parts = sorted(text[d.start:d.end] for d in out if d.recognizer == PART_RECOGNIZER)
    assert parts == ["LI", "Li", "WENJUN", "Wenjun"]


def test_name_part_written_in_lower_case_elsewhere_is_a_word() -> None:
    from workstation.domain.propagation import PART_RECOGNIZER, propagate

    text = "Officer Rose Long arrived. Long after, the rose garden was closed for a long time."
    start = text.index("Rose Long")
    out = propagate([text], [[Detection(start, start + 9, "PERSON", 0.8, "spacy")]],
                    common_words=frozenset({"officer"}))[0]
    assert [d for d in out if d.recognizer == PART_RECOGNIZER] == []


def test_a_one_word_name_is_not_repeated_as_a_month_before_a_day() -> None:
    from workstation.domain.propagation import RECOGNIZER, propagate

    text = "Considered by Okafor and May, JJ. On May 30, 2008, the court heard May speak; in June May 4 passed."
    start = text.index("May")
    out = propagate([text], [[Detection(start, start + 3, "PERSON", 0.8, "p")]])[0]
    repeats = [d.start for d in out if d.recognizer == RECOGNIZER]
    assert repeats == [text.index("May speak")]


def test_a_superscript_after_a_one_word_name_is_no_day() -> None:
    """"May ²" (a footnote mark): "²" is a digit to ``str.isdigit`` but no number ``int`` reads."""
    from workstation.domain.propagation import RECOGNIZER, propagate

    text = "Judge May wrote it. May \u00b2 agreed, and so did May 3 of them."
    out = propagate([text], [[Detection(6, 9, "PERSON", 0.8, "p")]])[0]
    assert [d.start for d in out if d.recognizer == RECOGNIZER] == [text.index("May \u00b2")]

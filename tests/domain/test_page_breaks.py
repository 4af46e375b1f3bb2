"""Spans cut by a page break: bridges between the bodies of consecutive pages, running lines left out."""

from __future__ import annotations

from workstation.domain.model import Detection
from workstation.domain.page_breaks import JOIN, bridges, running_lines

PAGE_1 = "Interim Decision #2001\nThe respondent testified about that year.\nShe spoke with Ms. Priya\n1"
PAGE_2 = "Interim Decision #2001\nVenkataraman, who told her to wait.\n2"


def test_running_headers_and_page_numbers_are_not_part_of_a_bridge() -> None:
    assert running_lines([PAGE_1, PAGE_2]) >= {"interim decision ##"}
    (bridge,) = bridges([PAGE_1, PAGE_2])
    assert bridge.before.endswith("She spoke with Ms. Priya")
    assert bridge.after.startswith("Venkataraman, who")
    assert bridge.text == bridge.before + JOIN + bridge.after


def test_a_detection_across_the_junction_is_split_onto_both_pages() -> None:
    (bridge,) = bridges([PAGE_1, PAGE_2])
    start = bridge.text.index("Priya")
    end = bridge.text.index("Venkataraman") + len("Venkataraman")
    head, tail = bridge.split(Detection(start, end, "PERSON", 0.8, "spacy")) or (None, None)
    assert head is not None and tail is not None
    assert PAGE_1[head.start:head.end] == "Priya"
    assert PAGE_2[tail.start:tail.end] == "Venkataraman"


def test_a_detection_on_one_side_only_is_left_to_the_page() -> None:
    (bridge,) = bridges([PAGE_1, PAGE_2])
    start = bridge.text.index("Venkataraman")
    assert bridge.split(Detection(start, start + 12, "PERSON", 0.8, "spacy")) is None


def test_no_bridge_to_or_from_a_page_without_text() -> None:
    assert bridges([PAGE_1, "", PAGE_2]) == []
    assert len(bridges([PAGE_1, PAGE_2, PAGE_1])) == 2


def test_a_detection_on_one_side_is_located_on_its_page() -> None:
    """A record split by the break: its country at the top of page 2 is read with the birth date at the bottom of
    page 1; a detection wholly on one side maps to that page's own offsets."""
    page_1 = "Deaths in custody\n5\nGONZALEZ, Osmar\nM\nDOB 4/10/1984"
    page_2 = "NICARAGUA\nVictor Valley Hospital\nAdelanto"
    (bridge,) = bridges([page_1, page_2])
    start = bridge.text.index("NICARAGUA")
    page, d = bridge.locate(Detection(start, start + 9, "NATIONALITY", 0.7, "nationality")) or (None, None)
    assert page == 1 and d is not None and page_2[d.start:d.end] == "NICARAGUA"
    start = bridge.text.index("4/10/1984")
    page, d = bridge.locate(Detection(start, start + 9, "DATE_OF_BIRTH", 0.8, "dob")) or (None, None)
    assert page == 0 and d is not None and page_1[d.start:d.end] == "4/10/1984"
    junction = len(bridge.before)
    assert bridge.locate(Detection(junction - 2, junction + 3, "PERSON", 0.8, "x")) is None

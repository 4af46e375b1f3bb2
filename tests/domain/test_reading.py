"""The reading text: line breaks rewritten as a reader takes them, offsets mapped back to the page."""

from __future__ import annotations

import pytest

from workstation.domain.model import Detection, Page, TextSource
from workstation.domain.reading import reading_text


def plain(text: str) -> Page:
    return Page(1, text, text_source=TextSource.PLAIN)


def laid_out(lines: list[tuple[float, float, str]], size: float = 10.0, advance: float = 5.0) -> Page:
    """A page whose lines start at (x, y) with one box per character, ``advance`` points wide."""
    text, boxes = [], []
    for k, (x, y, line) in enumerate(lines):
        if k:
            text.append("\n")
            boxes.append(None)
        for i, c in enumerate(line):
            text.append(c)
            boxes.append((x + i * advance, y, x + (i + 1) * advance, y + size))
    return Page(1, "".join(text), tuple(boxes), 612, 792, TextSource.TEXT_LAYER)


WRAPPED = "The complaint was filed by a witness who lives with Priya\nVenkataraman and her sister in Queens.\n"


@pytest.mark.parametrize(("text", "expected"), [
    # a wrapped paragraph: the break inside it is a space
    ("The complaint was filed by a witness who lives with Priya\nVenkataraman and her sister in Queens, at\n"
     "the back of the building near the station.",
     "The complaint was filed by a witness who lives with Priya Venkataraman and her sister in Queens, at "
     "the back of the building near the station."),
    # a short line (a heading, the last line of a paragraph) keeps its break
    ("WITNESS STATEMENT\nThe complaint was filed by a witness who lives with her sister in Queens today.",
     "WITNESS STATEMENT\nThe complaint was filed by a witness who lives with her sister in Queens today."),
    # a label alone on its line takes the value of the next line
    ("Country of citizenship:\nGuatemala", "Country of citizenship: Guatemala"),
    # but not a table header or another field
    ("Household Members:\nName | DOB | Country", "Household Members:\nName | DOB | Country"),
    ("Perpetrator:\nLast, First: DOE, JANE", "Perpetrator:\nLast, First: DOE, JANE"),
    # fields, bullets and blank lines are never joined
    ("Name: Priya Venkataraman of the Bronx, New York, who was at the scene\nDOB: 01/02/1990",
     "Name: Priya Venkataraman of the Bronx, New York, who was at the scene\nDOB: 01/02/1990"),
    ("• She was stopped by two officers near the station in the evening and\n• asked for her papers",
     "• She was stopped by two officers near the station in the evening and\n• asked for her papers"),
    ("Paragraph one ends here and it is a long line of text.\n\nParagraph two.",
     "Paragraph one ends here and it is a long line of text.\n\nParagraph two."),
])
def test_plain_text_breaks(text: str, expected: str) -> None:
    assert reading_text(plain(text)).text == expected


def test_plain_table_rows_stay_rows() -> None:
    text = "Name\tDOB\tCountry\nMaria Lopez\t01/02/1990\tHonduras\nJuan Perez\t03/04/1985\tGuatemala"
    assert reading_text(plain(text)).text == text


@pytest.mark.parametrize(("text", "reads", "word", "on_page"), [
    ("The officer spoke to the witness whose name is Priya Venkata-\nraman, then left the building at once.",
     "Venkataraman,", "Venkataraman", "Venkata-\nraman"),
    ("The officer spoke to the witness whose name is Jose Paredes-\nQuintero, then left the building at once.",
     "Paredes-Quintero,", "Paredes-Quintero", "Paredes-\nQuintero"),
])
def test_hyphenated_word_is_joined_and_maps_back(text: str, reads: str, word: str, on_page: str) -> None:
    view = reading_text(plain(text))
    assert len(view.text) == len(text)
    assert reads in view.text
    start = view.text.index(word)
    s, e = view.to_page(start, start + len(word))
    assert text[s:e] == on_page
    moved = view.to_page_detection(Detection(start, start + len(word), "PERSON", 0.9, "x"))
    assert (moved.start, moved.end) == (s, e)


def test_offsets_unchanged_without_hyphenation() -> None:
    view = reading_text(plain(WRAPPED))
    assert view.source is None
    assert len(view.text) == len(WRAPPED)
    assert view.to_page(3, 9) == (3, 9)


def test_geometry_wrap_joins_lines_of_one_column() -> None:
    page = laid_out([(72, 100, "The complaint was filed by a witness involving Priya"),
                     (72, 112, "Venkataraman. She said the officer asked her for"),
                     (72, 124, "papers.")])
    assert reading_text(page).text == ("The complaint was filed by a witness involving Priya Venkataraman. "
                                       "She said the officer asked her for papers.")


def test_geometry_short_line_and_paragraph_gap_keep_breaks() -> None:
    page = laid_out([(72, 100, "HEADING"),
                     (72, 112, "The complaint was filed by a witness involving Priya"),
                     (72, 140, "Venkataraman said the officer asked her for papers.")])
    assert reading_text(page).text.count("\n") == 2


def test_geometry_same_row_fragments_read_as_a_tab_separated_row() -> None:
    page = laid_out([(72, 100, "Name"), (200, 100, "Nationality"), (72, 130, "Maria Lopez"),
                     (200, 130, "Honduran"), (72, 160, "Juan Perez"), (200, 160, "Guatemalan")])
    assert reading_text(page).text == "Name\tNationality\nMaria Lopez\tHonduran\nJuan Perez\tGuatemalan"


def test_geometry_other_column_is_not_joined() -> None:
    page = laid_out([(72, 100, "The complaint was filed by a witness involving Priya"),
                     (340, 60, "Venkataraman said the officer asked her for")])
    assert "\n" in reading_text(page).text


def test_title_at_line_end_joins_the_name_on_the_next_line() -> None:
    assert reading_text(plain("We spoke with Mr.\nOkonjo about it.")).text == "We spoke with Mr. Okonjo about it."


def test_letter_spaced_heading_reads_as_words_and_maps_back() -> None:
    text = "S T A T E M E N T  O F  P R I Y A  V E N K A T A R A M A N\n\nShe said a b c."
    view = reading_text(plain(text))
    assert view.text.startswith("STATEMENT OF PRIYA VENKATARAMAN ")
    assert view.text.endswith("\n\nShe said a b c.")
    start = view.text.index("VENKATARAMAN")
    s, e = view.to_page(start, start + len("VENKATARAMAN"))
    assert text[s:e] == "V E N K A T A R A M A N"

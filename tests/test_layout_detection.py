"""Found on the page as a reader sees it: spans that wrap onto the next line of a PDF, at any column width, are
found whole and removed from the export (issue 10, point 1)."""

from __future__ import annotations

import io

import pymupdf
import pytest

from workstation.documents.intake import load_pdf_bytes
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES
from workstation.pipeline import build_export, scan

SENTENCES = [
    ("The complaint was filed by a witness involving Priya Venkataraman. She said the officer asked her for "
     "papers before letting her go.", "PERSON", "Priya Venkataraman"),
    ("Subject A-Number A# 384 502 117 was recorded on the form by the intake officer on duty at the time.",
     "A_NUMBER", "A# 384 502 117"),
    ("The family lives at 101-14 Liberty Avenue, Ozone Park, NY 11416 since last spring according to the "
     "report.", "ADDRESS", "101-14 Liberty Avenue, Ozone Park, NY 11416"),
]
WIDTHS = (150, 180, 230, 300)


def pdf(text: str, width: float) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    assert page.insert_textbox(pymupdf.Rect(72, 72, 72 + width, 720), text, fontsize=10, fontname="helv") >= 0
    return doc.tobytes()


def words_read(data: bytes) -> set[str]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return {w[4].strip(".,").casefold() for page in doc for w in page.get_text("words")}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("text", "category", "value"), SENTENCES)
def test_wrapped_span_found_whole_and_removed(engine, text: str, category: str, value: str, width: float) -> None:
    document = load_pdf_bytes(pdf(text, width), "wrapped.pdf", "wrapped")
    scanned = scan([document], engine)[0]
    found = [f for f in scanned.findings if f.entity_type == category]
    assert any(" ".join(f.text.split()) == value for f in found), [f.text for f in found]
    export = build_export(scanned, Policy.from_file(RESOURCES / "policies" / "default.toml"))
    left = words_read(export.pdf)
    for word in value.replace(",", " ").split():
        if len(word) > 3 and not word.isdigit() or word.isdigit() and len(word) == 5:
            assert word.casefold() not in left


def test_hyphenated_name_at_line_end_is_one_finding_on_two_lines(engine) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "The officer then interviewed the complainant, Ms. Priya Venkata-", fontsize=10)
    page.insert_text((72, 112), "raman, who described the two men who had followed her home.", fontsize=10)
    scanned = scan([load_pdf_bytes(doc.tobytes(), "hyphen.pdf", "hyphen")], engine)[0]
    people = [f for f in scanned.findings if f.entity_type == "PERSON"]
    assert any(f.text == "Priya Venkata-\nraman" and len(f.boxes) == 2 for f in people), [f.text for f in people]


def test_pdf_table_rows_read_under_their_header(engine) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    rows = [("Name", "Date of birth", "Nationality"), ("Maria Lopez", "01/02/1990", "Honduran"),
            ("Wenjun Li", "03/04/1985", "Chinese"), ("Taras Kovalenko", "05/06/1979", "Ukrainian")]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.insert_text((72 + 150 * c, 100 + 30 * r), cell, fontsize=10)
    scanned = scan([load_pdf_bytes(doc.tobytes(), "table.pdf", "table")], engine)[0]
    nationality = {f.text for f in scanned.findings if f.entity_type == "NATIONALITY"}
    births = {f.text for f in scanned.findings if f.entity_type == "DATE_OF_BIRTH"}
    assert nationality == {"Honduran", "Chinese", "Ukrainian"}
    assert births == {"01/02/1990", "03/04/1985", "05/06/1979"}


def test_name_cut_by_a_page_break_is_found_on_both_pages(engine) -> None:
    doc = pymupdf.open()
    pages = [["Interim Decision #2001", "The respondent testified at length about the events of that year.",
              "The officer then interviewed the complainant, Ms. Priya"],
             ["Interim Decision #2001", "Venkataraman, who said that she had been told to wait in the hall."]]
    for number, lines in enumerate(pages, start=1):
        page = doc.new_page()
        for k, line in enumerate(lines):
            page.insert_text((72, 72 + 14 * k), line, fontsize=10)
        page.insert_text((300, 760), str(number), fontsize=10)
    scanned = scan([load_pdf_bytes(doc.tobytes(), "break.pdf", "break")], engine)[0]
    people = {(f.page, f.text) for f in scanned.findings if f.entity_type == "PERSON"}
    assert {(1, "Priya"), (2, "Venkataraman")} <= people
    assert not any("Interim" in text for _, text in people)


def test_a_value_whose_label_ends_the_previous_page_is_found(engine) -> None:
    """A form split by a page break: "Country of birth:" ends page 1 and its value "PERU" opens page 2. Alone,
    page 2's "PERU" has no context; read across the break (domain.page_breaks, Bridge.locate) it is found on page 2."""
    doc = pymupdf.open()
    pages = [["INTAKE RECORD", "Name: Rosa Quispe", "Sex: F", "Date of birth: 4/10/1984", "Country of birth:"],
             ["PERU", "Language: Quechua and Spanish", "Interviewed at the precinct on May 2."]]
    for number, lines in enumerate(pages, start=1):
        page = doc.new_page()
        for k, line in enumerate(lines):
            page.insert_text((72, 72 + 14 * k), line, fontsize=10)
        page.insert_text((300, 760), str(number), fontsize=10)
    scanned = scan([load_pdf_bytes(doc.tobytes(), "form.pdf", "form")], engine)[0]
    nationality = {(f.page, f.text) for f in scanned.findings if f.entity_type == "NATIONALITY"}
    assert (2, "PERU") in nationality


def test_text_in_a_hidden_layer_is_reviewed_and_redacted(engine) -> None:
    """Text in an optional-content layer that is off is not extracted by MuPDF, but the export (and pdfminer, and
    other viewers) show it: the document is scanned and redacted with every layer on."""
    from pdfminer.high_level import extract_text

    doc = pymupdf.open()
    page = doc.new_page()
    hidden = doc.add_ocg("hidden", on=False)
    page.insert_text((72, 100), "Visible line about the case.", fontsize=11)
    page.insert_text((72, 130), "The witness is Mr. Okonkwo Adebayo, A# 384502117.", fontsize=11, oc=hidden)
    scanned = scan([load_pdf_bytes(doc.tobytes(), "layers.pdf", "layers")], engine)[0]
    assert {"Okonkwo Adebayo", "A# 384502117"} <= {f.text for f in scanned.findings}
    export = build_export(scanned, Policy.from_file(RESOURCES / "policies" / "default.toml"))
    left = extract_text(io.BytesIO(export.pdf))
    assert "Visible line" in left
    assert "Okonkwo" not in left and "384502117" not in left

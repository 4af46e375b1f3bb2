"""Damaged but common PDFs found by the census of issue 14 (benchmarks/pdf_census.py over public PDF test suites):
never an internal error, and a file every viewer opens is exported when what the sanitizer must remove can still
be removed."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from workstation.cli import main
from workstation.documents import redact
from workstation.documents.intake import load_pdf_bytes
from workstation.documents.redact import PageRedactions, redact_and_verify_pages
from workstation.domain.errors import InputError

NAME = "Maria Gonzalez"


def page_tree_cycle() -> bytes:
    """Two pages whose page tree lists itself as its second kid (pdf.js's Pages-tree-refs.pdf): MuPDF counts two
    pages and raises "cycle in page tree" on loading the second."""
    doc = pymupdf.open()
    for _ in range(2):
        doc.new_page().insert_text((72, 72), f"Complainant {NAME}.", fontname="helv", fontsize=11)
    pages = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
    first = doc.xref_get_key(pages, "Kids")[1].strip("[] ").split()[0]
    doc.xref_set_key(pages, "Kids", f"[{first} 0 R {pages} 0 R]")
    data = doc.tobytes()
    doc.close()
    return data


def test_a_cycle_in_the_page_tree_is_a_refusal_not_an_internal_error(tmp_path: Path, capsys):
    with pytest.raises(InputError) as exc:
        load_pdf_bytes(page_tree_cycle(), "case/loop.pdf", "loop")
    assert str(exc.value).startswith("case/loop.pdf: corrupt PDF")
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(page_tree_cycle())
    for argv in (["scan", str(pdf)], ["redact", str(pdf), "--out-dir", str(tmp_path / "out")]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"workstation: error: {pdf}: corrupt PDF"), err
        assert "internal error" not in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_library_errors_while_reading_are_refusals_naming_the_file(monkeypatch):
    def broken(page):  # noqa: ANN001, ANN202
        raise RuntimeError("code=7: cannot find object in xref (12 0 R)")

    data = page_tree_cycle()
    monkeypatch.setattr(pymupdf.Document, "is_repaired", property(broken))
    with pytest.raises(InputError) as exc:
        load_pdf_bytes(data, "case/odd.pdf", "odd")
    assert str(exc.value) == "case/odd.pdf: corrupt PDF: cannot find object in xref (12 0 R)"


def scripted_form() -> bytes:
    """A page with the name, JavaScript run on opening and in the names tree, metadata and XMP."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), f"The complainant {NAME} called.", fontname="helv", fontsize=11)
    doc.set_metadata({"author": NAME, "title": "Complaint"})
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><author>{NAME}</author></x:xmpmeta>")
    js = doc.get_new_xref()
    doc.update_object(js, "<< /S /JavaScript /JS (app.alert\\('hello'\\)) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    names = doc.get_new_xref()
    doc.update_object(names, f"<< /Names [(a) {js} 0 R] >>")
    doc.xref_set_key(doc.pdf_catalog(), "Names", f"<< /JavaScript {names} 0 R >>")
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def scrub_breaks_on_a_missing_object(monkeypatch):
    """MuPDF's scrub raises on an object stream that lacks an object its xref lists (pdf.js's 160F-2019.pdf, a
    Luxembourg tax form every viewer opens): its JavaScript and XMP steps fail, taking the whole scrub with them."""
    real = pymupdf.Document.scrub
    calls: list[dict[str, object]] = []

    def scrub(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(kwargs)
        if kwargs.get("javascript") or kwargs.get("xml_metadata"):
            raise RuntimeError("code=7: cannot find object in xref (539 0 R)")
        return real(self, *args, **kwargs)

    def del_xml_metadata(self):  # noqa: ANN001, ANN202
        raise RuntimeError("code=7: cannot find object in xref (539 0 R)")

    monkeypatch.setattr(pymupdf.Document, "scrub", scrub)
    monkeypatch.setattr(pymupdf.Document, "del_xml_metadata", del_xml_metadata)
    return calls


def test_a_scrub_that_fails_on_a_broken_object_is_done_step_by_step(scrub_breaks_on_a_missing_object):
    data = scripted_form()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        box = doc[0].search_for(NAME)[0]
    done = redact_and_verify_pages(data, {1: PageRedactions([tuple(box)], [NAME])}, "form.pdf")  # verified
    assert len(scrub_breaks_on_a_missing_object) > 1  # the whole scrub failed, then each step alone
    with pymupdf.open(stream=done.pdf, filetype="pdf") as doc:
        assert redact.check_sanitized(doc).problems == []
        assert not doc.metadata.get("author") and not doc.get_xml_metadata()
        assert NAME not in doc[0].get_text() and "The complainant" in doc[0].get_text()
        for xref in range(1, doc.xref_length()):
            assert "JavaScript" not in doc.xref_object(xref) and "/JS" not in doc.xref_object(xref)
    assert b"JavaScript" not in done.pdf and NAME.encode() not in done.pdf


def test_the_command_line_exports_it_verified(tmp_path: Path, capsys, scrub_breaks_on_a_missing_object):
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(scripted_form())
    assert main(["redact", str(pdf), "--out-dir", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    assert "verified" in out and "error" not in err


def annotation_reply() -> bytes:
    """A note and a reply to it (/IRT): MuPDF deletes the reply with its parent, then raises "Annot is not bound to
    a page" on deleting the reply itself (pdf.js's issue13447.pdf, a page of Acrobat review comments)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), f"Complainant {NAME} called.", fontname="helv", fontsize=11)
    note = page.add_text_annot((100, 100), f"Note by {NAME}")
    reply = page.add_text_annot((120, 120), f"Reply by {NAME}")
    doc.xref_set_key(reply.xref, "IRT", f"{note.xref} 0 R")
    data = doc.tobytes()
    doc.close()
    return data


def test_an_annotation_reply_does_not_stop_the_export():
    data = annotation_reply()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        box = doc[0].search_for(NAME)[0]
    done = redact_and_verify_pages(data, {1: PageRedactions([tuple(box)], [NAME])}, "notes.pdf")
    with pymupdf.open(stream=done.pdf, filetype="pdf") as doc:
        assert list(doc[0].annots()) == [] and redact.check_sanitized(doc).problems == []
        assert "Complainant" in doc[0].get_text() and NAME not in doc[0].get_text()
    assert b"Reply by" not in done.pdf and b"Note by" not in done.pdf


def test_a_page_the_second_extractor_cannot_read_is_flattened(monkeypatch):
    """pdfminer.six fails on one page of the output (pdf.js's franz_2.pdf: "unsupported operand type(s) for +:
    'int' and 'PDFObjRef'"): that page cannot be verified by it, so it is exported as an image (item 2) - not an
    export refused for good; with flattening refused by the policy, the refusal names the page."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    real = PDFPageInterpreter.process_page

    def fails_on_text(self, page):  # noqa: ANN001, ANN202
        if b"BT" in b"".join(stream.get_data() for stream in page.contents):  # a page with text
            raise TypeError("unsupported operand type(s) for +: 'int' and 'PDFObjRef'")
        return real(self, page)

    monkeypatch.setattr(PDFPageInterpreter, "process_page", fails_on_text)
    doc = pymupdf.open()
    for text in ("Ordinary first page.", f"Complainant {NAME} called."):
        doc.new_page().insert_text((72, 72), text, fontname="helv", fontsize=11)
    data = doc.tobytes()
    box = tuple(doc[1].search_for(NAME)[0])
    doc.close()
    plan = {2: PageRedactions([box], [NAME])}
    done = redact_and_verify_pages(data, plan, "report.pdf")
    assert sorted(done.flattened) == [1, 2]
    with pytest.raises(redact.TextRemainsError) as exc:
        redact_and_verify_pages(data, plan, "report.pdf", flatten=False)
    assert exc.value.page == 1 and "second extractor (pdfminer.six) cannot read the page" in exc.value.reason

"""Reading a large PDF's pages in a worker process gives exactly the pages read in-process (issue #3)."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest

from benchmarks.gui_benchmark import make_case_pdf
from tests.documents.test_intake import image_only_pdf
from workstation.documents.intake import load_file
from workstation.documents.pdf_reader import PdfPageReader, ReadCancelled
from workstation.domain.errors import InputError
from workstation.domain.model import TextSource


def _mixed_pdf(path: Path) -> Path:
    """Seven pages of case narrative, then a scanned (image-only) page, then a rotated text page."""
    make_case_pdf(path.with_name("narrative.pdf"), 7, seed=11)
    image_only_pdf(path.with_name("scan.pdf"))
    doc = pymupdf.open(path.with_name("narrative.pdf"))
    doc.insert_pdf(pymupdf.open(path.with_name("scan.pdf")))
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Rotated page: Maria Hernandez Lopez, A-number 123456789.", fontsize=11)
    page.set_rotation(90)
    doc.save(path)
    doc.close()
    return path


def test_worker_process_pages_equal_in_process_pages(tmp_path: Path) -> None:
    pdf = _mixed_pdf(tmp_path / "mixed.pdf")
    [in_process] = load_file(pdf)
    with PdfPageReader(min_pages=1, batch_pages=3) as reader:  # batches that do not divide the 9 pages
        [worker] = load_file(pdf, reader)
        assert reader._pool is not None  # it really was read in the worker
        [again] = load_file(pdf, reader)  # the same worker serves the next document
    assert len(in_process.pages) == 9
    assert worker.pages == in_process.pages  # text, every character box, size and text source, page by page
    assert worker == in_process and again == in_process
    assert [p.number for p in worker.pages] == list(range(1, 10))
    assert worker.pages[7].text_source is TextSource.NONE  # the scan is still recognised as one
    assert "Maria Hernandez Lopez" in worker.pages[8].text
    assert all(len(p.char_boxes) == len(p.text) for p in worker.pages if p.text)


def test_a_small_pdf_is_read_in_process(tmp_path: Path) -> None:
    pdf = tmp_path / "short.pdf"
    make_case_pdf(pdf, 2, seed=1)
    with PdfPageReader(min_pages=12) as reader:
        [doc] = load_file(pdf, reader)
        assert reader._pool is None  # no process started for two pages
    assert doc == load_file(pdf)[0]


def test_reading_stops_when_asked(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    make_case_pdf(pdf, 16, seed=2)
    with PdfPageReader(min_pages=1, batch_pages=2) as reader, pytest.raises(ReadCancelled):
        load_file(pdf, reader, stop=lambda: True)


def test_a_crash_of_the_reading_process_is_a_clear_error_and_the_next_read_works(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    make_case_pdf(pdf, 3, seed=4)
    with PdfPageReader(min_pages=1) as reader:
        reader._ensure_pool().submit(os._exit, 3)  # the reading process dies, as if MuPDF crashed on the file
        with pytest.raises(InputError, match="crashed the process reading it"):
            load_file(pdf, reader)
        [doc] = load_file(pdf, reader)  # a new reading process
    assert doc == load_file(pdf)[0]

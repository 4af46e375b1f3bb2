"""Per-page time bound (issue 14 item 5): a page whose reading, redaction or verification takes longer than
``page_time.PAGE_SECONDS`` is refused with one line naming the file and the page (exit 2), never a hang - a page
stuck where Python cannot interrupt it (inside MuPDF) included: the work runs in a forked child that is killed."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pymupdf
import pytest

from workstation.cli import main
from workstation.documents import intake, page_time, redact
from workstation.documents.intake import load_pdf_bytes
from workstation.documents.page_time import PageTooSlowError, run_bounded
from workstation.documents.redact import PageRedactions, redact_and_verify_pages
from workstation.domain.errors import InputError

BOUND = 0.5


def pages_pdf(n: int = 3) -> bytes:
    doc = pymupdf.open()
    for i in range(1, n + 1):
        doc.new_page(width=612, height=792).insert_text(
            (72, 72), f"Page {i}: the complainant Maria Gonzalez called the office.", fontname="helv", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def bound(monkeypatch):
    monkeypatch.setattr(page_time, "PAGE_SECONDS", BOUND)
    monkeypatch.setattr(page_time, "ISOLATE", True)


def stuck_on_page(monkeypatch, module, name: str, number: int, seconds: float = 3600.0) -> None:
    """``module.name(page, ...)`` sleeps ``seconds`` on page ``number`` (a page that never ends, by default)."""
    real = getattr(module, name)

    def slow(page, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if page.number + 1 == number:
            time.sleep(seconds)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(module, name, slow)


def test_a_page_that_never_finishes_reading_is_refused_naming_it(bound, monkeypatch):
    stuck_on_page(monkeypatch, intake, "page_from_pymupdf", 2)
    start = time.monotonic()
    with pytest.raises(PageTooSlowError) as exc:
        load_pdf_bytes(pages_pdf(), "case/report.pdf", "report")
    assert time.monotonic() - start < 10
    assert exc.value.exit_code == 2
    assert str(exc.value).startswith("case/report.pdf: page 2 is beyond the workstation's limits: its reading took "
                                     "more than 0.5 s (the limit per page)")


def test_pages_within_the_bound_are_read_as_before(bound):
    data = pages_pdf()
    document = load_pdf_bytes(data, "case/report.pdf", "report")
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert "Maria Gonzalez" in document.pages[1].text and document.source_bytes == data


def test_a_slow_redaction_is_refused_naming_the_page(bound, monkeypatch):
    stuck_on_page(monkeypatch, redact, "_has_images", 3)
    data = pages_pdf()
    plan = {n: PageRedactions([(72.0, 60.0, 300.0, 76.0)], ["Maria Gonzalez"]) for n in (1, 2, 3)}
    with pytest.raises(PageTooSlowError) as exc:
        redact_and_verify_pages(data, plan, "case/report.pdf")
    assert "page 3 is beyond the workstation's limits: its redaction took more than 0.5 s" in str(exc.value)


def test_a_slow_verification_page_is_refused_naming_the_page(bound, monkeypatch):
    from pdfminer.pdfinterp import PDFPageInterpreter

    real = PDFPageInterpreter.process_page
    seen: list[int] = []

    def slow(self, page):  # noqa: ANN001, ANN202
        seen.append(1)
        if len(seen) == 2:
            time.sleep(3600)
        return real(self, page)

    monkeypatch.setattr(PDFPageInterpreter, "process_page", slow)
    data = pages_pdf()
    with pytest.raises(PageTooSlowError) as exc:
        redact_and_verify_pages(data, {}, "case/report.pdf")
    assert "page 2 is beyond the workstation's limits: its verification (pdfminer.six) took more than" in \
        str(exc.value)


def test_without_a_child_process_a_slow_page_is_still_refused_when_it_ends(monkeypatch):
    """Where forking is unsafe (the window's process has threads) the bound is checked between pages."""
    monkeypatch.setattr(page_time, "PAGE_SECONDS", 0.2)
    monkeypatch.setattr(page_time, "ISOLATE", False)
    stuck_on_page(monkeypatch, intake, "page_from_pymupdf", 2, seconds=0.5)
    with pytest.raises(PageTooSlowError) as exc:
        load_pdf_bytes(pages_pdf(), "case/report.pdf", "report")
    assert "page 2 is beyond the workstation's limits: its reading took more than 0.2 s" in str(exc.value)


def test_a_thread_in_the_process_means_no_fork(monkeypatch):
    monkeypatch.setattr(page_time, "ISOLATE", True)
    assert page_time._may_fork()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not page_time._may_fork()
    finally:
        stop.set()
        thread.join()


def test_the_command_line_refuses_a_stuck_page_with_one_line_and_writes_nothing(bound, monkeypatch, tmp_path: Path,
                                                                                capsys):
    stuck_on_page(monkeypatch, redact, "_has_images", 2)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(pages_pdf())
    out_dir = tmp_path / "out"
    start = time.monotonic()
    assert main(["redact", str(pdf), "--out-dir", str(out_dir)]) == 2
    assert time.monotonic() - start < 60
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"workstation: error: {pdf}: page 2 is beyond the workstation's "
                                                   "limits: its redaction took more than 0.5 s"), err
    assert "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_results_and_errors_of_the_child_come_back(bound):
    assert run_bounded("x.pdf", lambda a, b=0: a + b, 2, b=3) == 5
    with pytest.raises(InputError) as exc:
        run_bounded("x.pdf", _refuse)
    assert str(exc.value) == "x.pdf: no"
    with pytest.raises(RuntimeError, match="Unpicklable: local"):
        run_bounded("x.pdf", _unpicklable)


def _refuse() -> None:
    raise InputError("x.pdf", "no")


def _unpicklable() -> None:
    class Unpicklable(Exception):
        pass

    raise Unpicklable("local")


def test_a_crash_of_the_child_is_a_refusal_naming_the_file(bound):
    with pytest.raises(InputError) as exc:
        run_bounded("case/report.pdf", _crash)
    assert str(exc.value).startswith("case/report.pdf: the PDF crashed the process working on it")


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)  # as MuPDF crashing on a malformed file


def _pids() -> tuple[int, int]:
    return os.getpid(), run_bounded("x.pdf", os.getpid)


def test_nested_bounded_work_runs_in_the_same_child(bound):
    outer, inner = run_bounded("x.pdf", _pids)
    assert outer == inner != os.getpid()


def test_time_between_pages_is_no_pages_time(bound, monkeypatch):
    """Waiting for the second extractor's workers after the last PyMuPDF page is not that page's time."""
    real = redact._SecondReading.result

    def late(self):  # noqa: ANN001, ANN202
        time.sleep(2 * BOUND)
        return real(self)

    monkeypatch.setattr(redact._SecondReading, "result", late)
    data = pages_pdf()
    plan = {n: PageRedactions([(72.0, 60.0, 300.0, 76.0)], ["Maria Gonzalez"]) for n in (1, 2, 3)}
    assert redact_and_verify_pages(data, plan, "case/report.pdf").pdf


def test_ocr_verification_is_allowed_more_time_than_a_page(bound):
    """OCR is the slowest step (its engine's start included): OCR_FACTOR times the bound per page."""
    def ocr_two_pages_slowly() -> str:
        page_time.page_started(0, page_time.OCR, pages=2)
        time.sleep(3 * BOUND)  # over two pages' bound, under OCR_FACTOR times it
        page_time.page_done()
        return "read"

    assert run_bounded("x.pdf", ocr_two_pages_slowly) == "read"

"""PDF work in a worker process: results and errors come back as if the work had run here."""

from __future__ import annotations

import os

import pymupdf
import pytest

from workstation.documents.pdf_work import PdfWorkerCrashed, PdfWorkProcess, run_here
from workstation.documents.redact import PageRedactions, redact_and_verify
from workstation.domain.errors import VerificationError


def pid() -> int:
    return os.getpid()


def fail_verification(document: str) -> None:
    raise VerificationError(document, 3, "removed text still extractable")


def die() -> None:
    os._exit(1)


def one_page_pdf(text: str) -> tuple[bytes, tuple[float, float, float, float]]:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), text, fontsize=12)
    (rect,) = page.search_for("Adeyemi")
    data = doc.tobytes()
    doc.close()
    return data, (rect.x0, rect.y0, rect.x1, rect.y1)


def test_the_work_runs_in_another_process_and_its_result_comes_back() -> None:
    with PdfWorkProcess() as run:
        assert run(pid) != os.getpid()
        assert run(pid) == run(pid)  # one process for the whole export
    assert run_here(pid) == os.getpid()


def test_a_verification_error_comes_back_with_its_document_and_page() -> None:
    with PdfWorkProcess() as run, pytest.raises(VerificationError) as err:
        run(fail_verification, "witness.pdf")
    assert (err.value.document, err.value.page, err.value.reason) == ("witness.pdf", 3, "removed text still extractable")
    assert str(err.value) == "witness.pdf, page 3: removed text still extractable"


def test_a_crash_of_the_worker_is_a_clear_error_and_the_next_call_starts_a_new_process() -> None:
    with PdfWorkProcess() as run:
        with pytest.raises(PdfWorkerCrashed, match="crashed"):
            run(die)
        assert run(pid) != os.getpid()


def test_redaction_in_the_worker_equals_redaction_here() -> None:
    data, box = one_page_pdf("Witness: Adeyemi, statement taken on scene.")
    plan = {1: PageRedactions(boxes=[box], removed_strings=["Adeyemi"])}
    with PdfWorkProcess() as run:
        there = run(redact_and_verify, data, plan, "w.pdf")
    here = redact_and_verify(data, plan, "w.pdf")
    assert there == here
    with pymupdf.open(stream=there, filetype="pdf") as doc:
        text = doc[0].get_text()
    assert "Adeyemi" not in text and "statement taken on scene" in text

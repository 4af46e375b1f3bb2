"""Per-page bounds (issue 14 item 5): a page whose drawing instructions decompress to more than
MAX_PAGE_CONTENT_BYTES (its content streams and the form XObjects it uses, nested ones included) or whose images
have more than MAX_PAGE_IMAGE_PIXELS pixels is refused before it is read (exit 2, one line naming the file and the
page), and the check itself does not inflate a bomb."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pymupdf
import pytest

from workstation.cli import main
from workstation.documents import intake
from workstation.documents.intake import MAX_PAGE_CONTENT_BYTES, load_pdf_bytes
from workstation.domain.errors import InputError


def _text_page(doc: pymupdf.Document, text: str = "Complainant Maria Lopez lives in Corona.") -> pymupdf.Page:
    page = doc.new_page()
    page.insert_text((72, 72), text, fontsize=10)
    return page


def content_bomb(extra: int) -> bytes:
    """Page 2's content stream: one line of text, then ``extra`` bytes of 'q Q' pairs (valid, draws nothing)."""
    doc = pymupdf.open()
    _text_page(doc, "Cover page.")
    page = _text_page(doc)
    xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + b"q Q\n" * (extra // 4))
    return doc.tobytes(deflate=True)


def image_bomb(width: int, height: int) -> bytes:
    doc = pymupdf.open()
    page = _text_page(doc)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False)
    pix.clear_with(128)
    xref = page.insert_image(pymupdf.Rect(100, 100, 200, 200), pixmap=pix)
    doc.xref_set_key(xref, "Width", str(width))  # the header says huge; the (few) bytes are never decoded
    doc.xref_set_key(xref, "Height", str(height))
    return doc.tobytes()


def test_a_content_stream_bomb_is_refused_without_inflating_it():
    data = content_bomb(MAX_PAGE_CONTENT_BYTES + 4 * 1024 * 1024)
    assert len(data) < MAX_PAGE_CONTENT_BYTES // 100  # compressed it is small
    start = time.monotonic()
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as info:
            load_pdf_bytes(data, "bomb.pdf", "bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - start < 5
    assert peak < 8 * 1024 * 1024  # inflated a megabyte at a time, never held whole
    assert info.value.reason.startswith("page 2 is beyond the workstation's limits: its drawing instructions "
                                        "decompress to more than 64 MiB")
    assert "\n" not in str(info.value)


def test_content_under_the_limit_is_read(monkeypatch):
    monkeypatch.setattr(intake, "MAX_PAGE_CONTENT_BYTES", 2 * 1024 * 1024)
    document = load_pdf_bytes(content_bomb(1024 * 1024), "big.pdf", "big")
    assert "Maria Lopez" in document.pages[1].text


def test_nested_form_xobjects_count_toward_the_page(monkeypatch):
    monkeypatch.setattr(intake, "MAX_PAGE_CONTENT_BYTES", 1024 * 1024)
    inner = pymupdf.open("pdf", content_bomb(2 * 1024 * 1024))
    middle = pymupdf.open()
    middle.new_page().show_pdf_page(pymupdf.Rect(0, 0, 595, 842), inner, 1)
    outer = pymupdf.open()
    page = _text_page(outer, "Outer page.")
    page.show_pdf_page(pymupdf.Rect(0, 0, 300, 400), middle, 0)  # the bomb two forms down
    with pytest.raises(InputError, match="page 1 is beyond the workstation's limits"):
        load_pdf_bytes(outer.tobytes(deflate=True), "nested.pdf", "nested")


def test_an_image_with_too_many_pixels_is_refused():
    with pytest.raises(InputError) as info:
        load_pdf_bytes(image_bomb(20_000, 20_000), "huge.pdf", "huge")
    assert info.value.reason == ("page 1 is beyond the workstation's limits: its images have 400 million pixels "
                                 "(limit 150 million per page); save it at a lower resolution and retry")
    document = load_pdf_bytes(image_bomb(5100, 6600), "scan600.pdf", "scan600")  # a 600 dpi Letter scan
    assert document.pages


def test_the_command_line_refuses_a_bomb_with_one_line(tmp_path: Path, capsys):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(image_bomb(40_000, 40_000))
    out_dir = tmp_path / "out"
    assert main(["redact", str(bomb), "--out-dir", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert err.strip().count("\n") == 0 and str(bomb) in err and "page 1 is beyond the workstation's limits" in err
    assert not out_dir.exists() or not any(out_dir.iterdir())

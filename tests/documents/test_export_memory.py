"""Memory of long exports with image pages (issue 14: peak under 1.5 GB per file): MuPDF's cache of decoded
images is emptied after each page OCR reads or flattening renders - it keeps up to 256 MB a process, and an OCR
process of a 50-page export grew by 40 MB a page - and flattening compresses each page image as it makes it."""

from __future__ import annotations

import pymupdf

from workstation.documents import redact


def image_pages(n: int) -> bytes:
    """``n`` Letter pages, each a 300 dpi picture of a few lines of text (a scan)."""
    doc = pymupdf.open()
    for i in range(n):
        text = pymupdf.open()
        tp = text.new_page(width=612, height=792)
        tp.insert_text((72, 90), f"Page {i + 1}: the officer filed the report on Monday.", fontsize=12)
        pix = tp.get_pixmap(dpi=300, colorspace=pymupdf.csRGB)
        text.close()
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, pixmap=pix)
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


GROWTH = """
import resource, sys
import pymupdf
from workstation.documents import ocr
from tests.documents.test_export_memory import image_pages
data = image_pages(7)
src = pymupdf.open(stream=data, filetype="pdf")
jobs = [ocr._single_page(src, i) for i in range(7)]
src.close()
sizes = []
for i, job in enumerate(jobs):
    ocr._ocr_job(job, i + 1, 300)
    sizes.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
print(sizes[-1] - sizes[1])
"""


def test_an_ocr_process_does_not_grow_page_by_page() -> None:
    """Before: each page's decoded 25 MB image stayed in MuPDF's cache (+100 MB over these five pages)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", GROWTH], capture_output=True, text=True, cwd=root, timeout=300,
                         check=True)
    assert int(out.stdout.split()[-1]) < 40, out.stdout


def test_flattening_compresses_every_page_image_and_empties_the_cache(monkeypatch) -> None:
    shrunk: list[int] = []
    real = pymupdf.TOOLS.store_shrink
    monkeypatch.setattr(pymupdf.TOOLS, "store_shrink", lambda percent: (shrunk.append(percent), real(percent))[1])
    data = image_pages(3)
    flat, boxes = redact.flatten_pages(data, [1, 2, 3], {})
    assert sorted(boxes) == [1, 2, 3] and shrunk == [100, 100, 100]
    with pymupdf.open(stream=flat, filetype="pdf") as doc:
        for page in doc:
            [image] = page.get_images(full=True)
            assert image[8] == "FlateDecode" and page.get_text() == ""
    assert len(flat) < 3 * 2_000_000  # not the 25 MB of raw samples a page

"""The tabular PDF reports (Vaughn index, summary): every row, in order, read back from the PDF."""

from __future__ import annotations

import pymupdf
import pytest

from workstation.documents.report_pdf import ROWS_PER_STORY, table_pdf

COLUMNS = ["document", "page", "category", "justification"]
JUSTIFICATION = "87(2)(b): Disclosure would constitute an unwarranted invasion of personal privacy under §89(2)."


def rows(n: int) -> list[list[str]]:
    return [[f"doc-{i:05d}", str(i % 300 + 1), "PERSON", JUSTIFICATION] for i in range(n)]


def read(data: bytes) -> list[str]:
    with pymupdf.open("pdf", data) as doc:
        return [page.get_text() for page in doc]


@pytest.mark.parametrize("n", [0, 1, ROWS_PER_STORY - 1, ROWS_PER_STORY, ROWS_PER_STORY + 1, 5 * ROWS_PER_STORY + 7])
def test_every_row_is_in_the_pdf_in_order_under_the_title(n: int) -> None:
    pages = read(table_pdf("Vaughn index", ["Case: test", "Recipient: public"], COLUMNS, rows(n), [2, 1, 2, 5]))
    text = "\n".join(pages)
    assert pages[0].lstrip().startswith("Vaughn index") and "Recipient: public" in pages[0]
    assert text.count("Vaughn index") == 1  # the title once, on the first page
    found = [line for line in text.splitlines() if line.startswith("doc-")]
    assert found == [f"doc-{i:05d}" for i in range(n)]
    assert all(page.strip() for page in pages)  # no empty page (e.g. after a piece that ended at a page's foot)
    if n == 0:
        assert "(none)" in text


def test_a_long_table_fills_its_pages() -> None:
    """Pieces flow on from where the previous one ended: about as many pages as one table laid out whole."""
    n = 12 * ROWS_PER_STORY
    pages = read(table_pdf("Vaughn index", [], COLUMNS, rows(n), [2, 1, 2, 5]))
    per_page = [sum(1 for line in p.splitlines() if line.startswith("doc-")) for p in pages]
    assert sum(per_page) == n
    assert min(per_page[:-1]) >= 0.8 * max(per_page)  # no half-empty pages where a piece ended

"""The redacted preview of one page: the page as the export will write it, made the way the export makes it.

``redacted_page`` copies the page out of the document's layout PDF and runs the export's own redaction on the
copy (``redact.redact_pdf``: the text and pixels under each box removed, the opaque box drawn, the exemption code
stamped, the copy sanitized), so what the window shows beside the original is what leaves the store - not boxes
painted over the original. It is not verified (the export verifies the whole document with two extractors).
"""

from __future__ import annotations

import pymupdf

from workstation.documents.redact import PageRedactions, redact_pdf


def redacted_page(pdf_bytes: bytes, page_number: int, redactions: PageRedactions | None) -> bytes:
    """A one-page PDF: page ``page_number`` (1-based) of ``pdf_bytes`` with ``redactions`` applied as the export
    applies them (none: the page as it is, sanitized)."""
    src = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    try:
        if not 1 <= page_number <= src.page_count:
            raise ValueError(f"no page {page_number} (the document has {src.page_count})")
        one = pymupdf.open()
        try:
            one.insert_pdf(src, from_page=page_number - 1, to_page=page_number - 1, annots=False, links=False)
            data = one.tobytes()
        finally:
            one.close()
    finally:
        src.close()
    return redact_pdf(data, {1: redactions or PageRedactions()})

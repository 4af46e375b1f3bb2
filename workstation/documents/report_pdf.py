"""Simple tabular PDF reports (the Vaughn index, the public summary): a title, a few lines, one table.

Laid out with PyMuPDF's ``Story`` (HTML subset) on landscape Letter pages; long cells wrap and the table flows
onto further pages. The result carries no metadata beyond the title.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence

import pymupdf

_CSS = """
body { font-family: sans-serif; font-size: 8pt; }
h1 { font-size: 13pt; margin-bottom: 4pt; }
p { margin: 0 0 2pt 0; }
table { border-collapse: collapse; width: 100%; margin-top: 6pt; }
th { background-color: #e4e7eb; text-align: left; font-weight: bold; }
th, td { border: 0.5pt solid #888888; padding: 2pt; vertical-align: top; }
"""


ROWS_PER_STORY = 40  # the table is laid out in pieces of this many rows (see ``table_pdf``)


def table_pdf(title: str, lines: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None) -> bytes:
    """A PDF with ``title``, the ``lines`` below it and a table of ``rows`` under ``columns`` (relative
    ``widths``).

    The table is laid out ``ROWS_PER_STORY`` rows at a time, each piece a ``Story`` of its own (with the header
    row) flowing on from where the previous one ended. One Story holding the whole table is laid out again at every
    page: a 7,909-row Vaughn index took 7.6 s, 0.78 s of it in a single call that holds the GIL (the window's
    export runs in a thread of the window's process); in pieces the work grows with the rows, not their square.
    """
    total = sum(widths) if widths else 0.0
    cols = "".join(f'<th style="width:{100 * w / total:.1f}%">{html.escape(c)}</th>' if widths else
                   f"<th>{html.escape(c)}</th>" for c, w in zip(columns, widths or [0.0] * len(columns), strict=True))
    head = f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    pieces = [rows[i:i + ROWS_PER_STORY] for i in range(0, len(rows), ROWS_PER_STORY)] or [[]]
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    mediabox = pymupdf.paper_rect("letter-l")
    where = mediabox + (36, 36, -36, -36)
    device = writer.begin_page(mediabox)
    area = where
    for n, piece in enumerate(pieces):
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in piece)
        if not piece:
            body = f'<tr><td colspan="{len(columns)}">(none)</td></tr>'
        story = pymupdf.Story(html=(head if n == 0 else "") + f"<table><tr>{cols}</tr>{body}</table>",
                              user_css=_CSS)
        more = 1
        while more:
            more, placed = story.place(area)
            filled = pymupdf.Rect(placed)
            story.draw(device)
            if more or filled.y1 > where.y1 - 40:  # the page is full: go on at the top of the next one
                writer.end_page()
                device = writer.begin_page(mediabox)
                area = where
            else:
                area = pymupdf.Rect(where.x0, filled.y1, where.x1, where.y1)
    writer.end_page()
    writer.close()
    with pymupdf.open("pdf", buf.getvalue()) as doc:
        if doc.page_count > 1 and not doc[-1].get_text().strip():
            doc.delete_page(-1)  # the last piece ended at the foot of a page
        doc.set_metadata({"title": title})
        return bytes(doc.tobytes(garbage=3, deflate=True))

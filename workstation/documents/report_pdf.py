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


def table_pdf(title: str, lines: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None) -> bytes:
    """A PDF with ``title``, the ``lines`` below it and a table of ``rows`` under ``columns`` (relative
    ``widths``)."""
    total = sum(widths) if widths else 0.0
    cols = "".join(f'<th style="width:{100 * w / total:.1f}%">{html.escape(c)}</th>' if widths else
                   f"<th>{html.escape(c)}</th>" for c, w in zip(columns, widths or [0.0] * len(columns), strict=True))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(columns)}">(none)</td></tr>'
    doc_html = (f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
                + f"<table><tr>{cols}</tr>{body}</table>")
    story = pymupdf.Story(html=doc_html, user_css=_CSS)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    mediabox = pymupdf.paper_rect("letter-l")
    where = mediabox + (36, 36, -36, -36)
    more = 1
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    with pymupdf.open("pdf", buf.getvalue()) as doc:
        doc.set_metadata({"title": title})
        return bytes(doc.tobytes(garbage=3, deflate=True))

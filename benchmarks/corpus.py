"""The synthetic corpus of the benchmarks: the product's generator (``workstation.training``, which training mode's
practice cases use too), re-exported here, and PDF rendering of its documents.

Public API: ``generate_document(doc_type, seed)``, ``make_corpus(n, seed)``, ``render_pdf(doc, path)``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from workstation.training.builder import ENTITY_TYPES, GoldSpan, SyntheticDocument
from workstation.training.corpus import DOC_TYPES, GENERATORS, generate_document, make_corpus

__all__ = ["DOC_TYPES", "ENTITY_TYPES", "GENERATORS", "GoldSpan", "SyntheticDocument", "generate_document",
           "make_corpus", "render_pdf"]


# =============================================================================================================
# PDF rendering
# =============================================================================================================

def _fitz():
    try:
        import pymupdf as fitz  # PyMuPDF >= 1.24
    except ImportError:  # pragma: no cover
        import fitz  # type: ignore[no-redef]
    return fitz


def _latin1(s: str) -> bool:
    """Whether the Base-14 fonts can show ``s``; other lines use MuPDF's built-in fallback font."""
    try:
        s.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return False


def render_pdf(doc: SyntheticDocument, path: str | Path, layout: str | None = None) -> Path:
    """Lay ``doc`` out as a letter-size PDF: flowing text, two columns, or a monospaced table."""
    fitz = _fitz()
    layout = layout or doc.layout
    path = Path(path)
    pdf = fitz.open()
    mono = layout == "table"
    W, H, M = (792, 612, 40) if mono else (612, 792, 50)
    font = "cour" if mono else "helv"
    columns = 2 if layout == "two_column" else 1
    gutter = 24
    col_w = (W - 2 * M - (columns - 1) * gutter) / columns
    size = 9.5
    if mono:  # shrink the monospaced font until the widest row fits
        widest = max((len(line) for line in doc.text.split("\n")), default=1)
        size = max(4.5, min(8.0, col_w / (0.6 * widest)))
    lead = size * 1.35
    char_w = fitz.get_text_length("n", fontname=font, fontsize=size)
    width_chars = max(20, int(col_w / char_w * (1.0 if mono else 1.1)))

    lines: list[str] = []
    for raw in doc.text.split("\n"):
        if mono or len(raw) <= width_chars:
            lines.append(raw)
        else:
            wrapped = textwrap.wrap(raw, width_chars, break_long_words=False, break_on_hyphens=False)
            # keep text within the column even when the character estimate is off
            for w in wrapped or [""]:
                while fitz.get_text_length(w, fontname=font, fontsize=size) > col_w and " " in w:
                    cut = w.rfind(" ")
                    lines.append(w[:cut])
                    w = w[cut + 1:]
                lines.append(w)

    per_col = int((H - 2 * M) / lead)
    if columns == 2 and len(lines) <= 2 * per_col:  # balance a one-page document over both columns
        per_col = max(1, -(-len(lines) // 2))
    page = None
    i = 0
    while i < len(lines) or page is None:
        page = pdf.new_page(width=W, height=H)
        fallback_loaded = False
        for c in range(columns):
            x = M + c * (col_w + gutter)
            y = M + size
            for _ in range(per_col):
                if i >= len(lines):
                    break
                if lines[i]:
                    if _latin1(lines[i]):
                        page.insert_text((x, y), lines[i], fontname=font, fontsize=size)
                    else:
                        if not fallback_loaded:
                            page.insert_font(fontname="fallbk", fontbuffer=fitz.Font("cjk").buffer)
                            fallback_loaded = True
                        page.insert_text((x, y), lines[i], fontname="fallbk", fontsize=size)
                y += lead
                i += 1
        if i >= len(lines):
            break
    try:
        pdf.subset_fonts()  # the fallback font is large; keep only the glyphs used
    except Exception:  # pragma: no cover - subsetting is an optimisation only
        pass
    pdf.save(str(path), garbage=3, deflate=True)
    pdf.close()
    return path


if __name__ == "__main__":  # pragma: no cover - a quick look at a few documents
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for d in make_corpus(n, 7):
        print("=" * 100)
        print(d.doc_id, d.layout, len(d.spans), "spans")
        print(d.text)
        for s in d.spans:
            print(f"   {s.entity_type:22} {s.text!r}")

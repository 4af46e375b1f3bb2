"""The synthetic corpus of the benchmarks: the product's generator (``workstation.training``, which training mode's
practice cases use too), re-exported here, and PDF rendering of its documents.

Public API: ``generate_document(doc_type, seed)``, ``make_corpus(n, seed)``, ``render_pdf(doc, path)``.
"""

from __future__ import annotations

from pathlib import Path

from workstation.training.builder import ENTITY_TYPES, GoldSpan, SyntheticDocument
from workstation.training.corpus import DOC_TYPES, GENERATORS, generate_document, make_corpus

__all__ = ["DOC_TYPES", "ENTITY_TYPES", "GENERATORS", "GoldSpan", "SyntheticDocument", "generate_document",
           "make_corpus", "render_pdf"]


# =============================================================================================================
# PDF rendering
# =============================================================================================================

def render_pdf(doc: SyntheticDocument, path: str | Path, layout: str | None = None) -> Path:
    """Lay ``doc`` out as a letter-size PDF: flowing text, two columns, or a monospaced table (the product's own
    layout of practice documents, ``workstation.documents.practice_pdf``)."""
    from workstation.documents.practice_pdf import practice_pdf

    path = Path(path)
    path.write_bytes(practice_pdf(doc.text, layout or doc.layout))
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

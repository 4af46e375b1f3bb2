"""Documents: the only package that imports PyMuPDF (loading, text with boxes, rendering, redacting, verifying)."""

import pymupdf as _pymupdf

# Character boxes one font-size high (baseline-based) instead of the font's full ascender-to-descender
# height: boxes of adjacent lines then do not overlap, so a redaction on one line never touches the next.
_pymupdf.TOOLS.set_small_glyph_heights(True)

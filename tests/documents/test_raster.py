"""Rendering pages for the review window: a physically huge page is rendered within a pixel budget."""

from __future__ import annotations

import pymupdf

from workstation.documents.raster import MAX_RASTER_PIXELS, PdfRasterizer, Raster


def _render(width: float, height: float, zoom: float) -> Raster:
    """A one-page PDF of that size with a name on it, rendered at ``zoom``."""
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.insert_text((width / 4, height / 2), "Maria Gonzalez", fontsize=width / 20)
    r = PdfRasterizer(doc.tobytes())
    doc.close()
    try:
        return r.render(1, zoom)
    finally:
        r.close()


def test_an_ordinary_page_is_rendered_at_the_zoom_asked():
    raster = _render(612, 792, 2.0)
    assert raster.zoom == 2.0 and (raster.width, raster.height) == (1224, 1584)
    assert len(raster.samples) == raster.stride * raster.height


def test_a_huge_page_is_rendered_within_the_pixel_budget():
    """200 x 200 inches at 400 % would be 3.3 billion pixels (10 GB of RGB)."""
    raster = _render(14400, 14400, 4.0)
    assert raster.width * raster.height <= MAX_RASTER_PIXELS * 1.001  # (pixel rounding)
    assert raster.zoom < 4.0 and abs(raster.width - 14400 * raster.zoom) <= 1  # shown scaled by 1 / zoom
    assert min(raster.samples) < 128  # the text is drawn

"""A case document as the window holds it: the document, its layout (the PDF shown), its scan, its page rasters
and where each finding sits."""

from __future__ import annotations

from dataclasses import dataclass, field

from workstation.documents.raster import PdfRasterizer
from workstation.domain.model import Document, Finding, Page, Rect
from workstation.domain.review import (
    FindingKey,
)
from workstation.pipeline import Layout, ScannedDocument


@dataclass
class LoadedDocument:
    """One document of the case as the window knows it."""

    path: str
    name: str
    source_file: str
    document: Document | None = None
    layout: Layout | None = None
    scanned: ScannedDocument | None = None
    error: str = ""
    placements: dict[FindingKey, dict[int, list[Rect]]] = field(default_factory=dict)
    by_page: dict[int, list[Finding]] = field(default_factory=dict)  # findings drawn on each layout page
    raster: PdfRasterizer | None = None
    ocr_done: tuple[int, int] | None = None  # scanned pages read so far, of how many (while OCR runs)

    @property
    def ready(self) -> bool:
        return self.scanned is not None

    @property
    def page_count(self) -> int:
        if self.layout is not None:
            return len(self.layout.rendered.pages) if self.layout.rendered else len(self.layout.document.pages)
        return 0

    def layout_page(self, number: int) -> Page | None:
        if self.layout is None:
            return None
        pages = self.layout.rendered.pages if self.layout.rendered else self.layout.document.pages
        return pages[number - 1] if 0 < number <= len(pages) else None

    def rasterizer(self) -> PdfRasterizer | None:
        if self.raster is None and self.layout is not None:
            self.raster = PdfRasterizer(self.layout.pdf)
        return self.raster

    def first_page_of(self, finding: Finding) -> int:
        pages = self.placements.get(FindingKey.of(finding))
        return min(pages) if pages else finding.page

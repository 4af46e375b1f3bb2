"""The layout of text-like pages has a version (``model.TEXT_LAYOUT_VERSION``) that every manual box records: a box
drawn on another version is not used until re-placed (``service.layouts``). This test fingerprints the layout of
the sample case's .txt, .docx and .eml pages (every glyph's box, to 0.1 pt), so that a change to the renderer that
moves text cannot go in without bumping the version - which is what makes the clerk re-place the boxes drawn on
the old layout."""

from __future__ import annotations

import hashlib
import json

import pytest

from workstation.documents.intake import load_file
from workstation.documents.render import FONT_FILE, render_document
from workstation.domain.model import TEXT_LAYOUT_VERSION
from workstation.paths import SAMPLE_CASE

# the fingerprint of each version's layout of the sample documents (with DejaVu Sans, as packaging installs it)
FINGERPRINTS = {
    1: "99b0043ade45f1fc6d08156e043b7dc79ecebc8990fe79cf6468db76c0c16566",  # before db6e00c (no reflow, no tables)
    2: "82854889eefe6e8c62572b57aea3d85385ee6ce258ac9801c03d6855ff3a875d",  # paragraphs reflowed, .docx tables
}


def layout_fingerprint() -> str:
    h = hashlib.sha256()
    for suffix in (".txt", ".docx", ".eml"):
        for path in sorted(SAMPLE_CASE.glob(f"*{suffix}")):
            for doc in load_file(path):
                if doc.kind.value == "pdf":
                    continue
                rendered = render_document(doc)
                pages = [[[round(v, 1) for v in box] if box else None for box in page.char_boxes]
                         for page in rendered.pages]
                h.update(json.dumps([path.name, doc.name, pages]).encode("utf-8"))
    return h.hexdigest()


@pytest.mark.skipif(not FONT_FILE.is_file(), reason="DejaVu Sans is not installed: another layout")
def test_the_text_layout_has_not_changed_without_a_new_version() -> None:
    assert layout_fingerprint() == FINGERPRINTS.get(TEXT_LAYOUT_VERSION), (
        "the layout of text-like pages changed: bump model.TEXT_LAYOUT_VERSION (boxes drawn on the old layout "
        "must be re-placed) and record the new fingerprint here")

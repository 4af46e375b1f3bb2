"""Issue 13: the redacted preview beside the page (what the export will write: boxes filled, codes printed, the
text under them gone) and the page thumbnails marked pending / deferred / decided - the real window, offscreen."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from workstation.domain.review import Decision
from workstation.qt.page_strip import PageMarker, page_marker


def _decide(window, findings, decision: Decision, reason: str = "") -> None:
    assert window._commit(window.session.decide(findings, decision, reason=reason))


def _dark(raster_png: QImage, rect, zoom: float) -> float:
    """The mean grey level (0 black .. 255 white) of ``rect`` (page points) in an image rendered at ``zoom``."""
    x0, y0, x1, y1 = (round(v * zoom) for v in rect)
    total = n = 0
    for y in range(y0 + 1, max(y0 + 2, y1 - 1)):
        for x in range(x0 + 1, max(x0 + 2, x1 - 1)):
            total += QImage.pixelColor(raster_png, x, y).lightness()
            n += 1
    return total / max(n, 1)


def _render(pdf: bytes, zoom: float = 2.0) -> QImage:
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    image = QImage(bytes(pix.samples), pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
    doc.close()
    return image


def test_page_marker_by_what_is_on_the_page() -> None:
    assert page_marker([None, Decision.DEFER, Decision.REDACT]) == (PageMarker.PENDING, 1)
    assert page_marker([Decision.DEFER, Decision.DEFER, Decision.REDACT]) == (PageMarker.DEFERRED, 2)
    assert page_marker([Decision.REDACT, Decision.RELEASE], manual=1) == (PageMarker.DECIDED, 3)
    assert page_marker([], manual=1) == (PageMarker.DECIDED, 1)
    assert page_marker([]) == (PageMarker.NONE, 0)


def test_redacted_preview_beside_the_page_is_the_export_of_that_page(open_window, case_dir) -> None:
    window = open_window([case_dir])
    ld = next(d for d in window.docs if d.name.startswith("complaint"))
    window.show_document(ld, 1)
    assert window.preview.pane.isHidden()
    window.preview_action.trigger()  # View > Redacted preview (Ctrl+R)
    assert not window.preview.pane.isHidden() and window.preview.shown_page == 1
    assert window.page_view.page_number == 1 and window.preview.view.page_number == 1
    window.page_view.zoom_in()  # the preview follows the page's zoom
    assert window.preview.view.zoom == window.page_view.zoom

    on_page = [f for f in ld.by_page[1] if f.entity_type != "NATIONALITY"]
    person = next(f for f in on_page if f.entity_type == "PERSON")
    _decide(window, ld.by_page[1], Decision.REDACT)
    qtbot_wait = window.preview.render_now()  # the timer would do it 150 ms later
    assert qtbot_wait
    shown = window.preview.last
    assert shown is not None and shown.page == 1 and shown.undecided == 0
    boxes = [r for f in ld.by_page[1] for r in ld.placements[f.key][1]]
    assert shown.boxes == len(boxes) and shown.codes == len(boxes)  # every box carries its code
    doc = pymupdf.open(stream=shown.pdf, filetype="pdf")
    assert doc.page_count == 1
    text = doc[0].get_text()
    assert len(doc[0].get_images()) >= 1  # the codes are stamped as images
    doc.close()
    assert person.text not in text  # removed, not painted over
    assert person.text.split()[0] in ld.layout.document.pages[0].text  # the original still has it
    rect = ld.placements[person.key][1][0]
    exported, original = _render(shown.pdf), _render(ld.layout.pdf)
    assert _dark(exported, rect, 2.0) < 60 < _dark(original, rect, 2.0)

    # a release shows at once in the preview: the text is there again and the box is gone
    _decide(window, [person], Decision.RELEASE, reason="Officer acting in official capacity")
    assert window.preview.render_now()
    after = window.preview.last
    assert after.boxes < shown.boxes
    assert _dark(_render(after.pdf), rect, 2.0) > 150
    assert on_page  # the page has other findings, still redacted
    # the same key hides it again
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.preview.pane.isHidden() and not window.preview_action.isChecked()


def test_thumbnails_are_marked_and_lead_to_their_page(qtbot, open_window, case_dir) -> None:
    (case_dir / "scan-corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00broken" * 40)
    window = open_window([case_dir])
    ld = next(d for d in window.docs if d.name.startswith("complaint"))
    window.show_document(ld, 1)
    strip = window.page_strip
    assert strip.count() == ld.page_count == 3 and not strip.isHidden()
    qtbot.waitUntil(lambda: strip.complete, timeout=20_000)
    assert all(not strip.item(i).icon().isNull() for i in range(3))
    pending_pages = [p for p in (1, 2, 3) if ld.by_page.get(p)]
    assert len(pending_pages) >= 2
    first, second = pending_pages[:2]
    assert strip.markers[first][0] is PageMarker.PENDING
    assert "pending" in strip.item(first - 1).text()

    only_first = [f for f in ld.by_page[first] if second not in ld.placements[f.key]]
    _decide(window, only_first, Decision.REDACT)
    on_second = [f for f in ld.by_page[second] if first not in ld.placements[f.key]]
    _decide(window, on_second[:1], Decision.DEFER)
    _decide(window, on_second[1:], Decision.REDACT)
    marks = strip.markers
    assert marks[first][0] is PageMarker.DECIDED and marks[second] == (PageMarker.DEFERRED, 1)
    # not colour alone: the words under each thumbnail and its accessible text say it
    assert strip.item(first - 1).text() == f"{first}\n✓ decided" and strip.item(second - 1).text() == f"{second}\n⚑ 1 deferred"
    assert strip.item(second - 1).data(Qt.ItemDataRole.AccessibleTextRole) == f"Page {second}: ⚑ 1 deferred"
    # and the shapes drawn on the thumbnails differ (a flag, a check mark)
    a = strip.item(first - 1).icon().pixmap(strip.iconSize()).toImage()
    b = strip.item(second - 1).icon().pixmap(strip.iconSize()).toImage()
    corner = [(x, y) for x in range(a.width() - 24, a.width() - 2) for y in range(2, 24)]
    assert sum(a.pixelColor(x, y) != b.pixelColor(x, y) for x, y in corner) > 20

    # a click on a thumbnail shows its page
    target = 3 if window.current_page != 3 else 2
    rect = strip.visualItemRect(strip.item(target - 1))
    QTest.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.current_page == target and window.page_view.page_number == target
    assert strip.currentRow() == target - 1
    # a file that cannot be read has no thumbnails, and the preview shows no other document's page
    window.preview_action.trigger()
    assert window.preview.shown_page == target
    bad = next(d for d in window.docs if d.error)
    window.show_document(bad)
    assert strip.count() == 0 and strip.markers == {}
    assert window.preview.render_now() is False and window.preview.last is None
    assert window.preview.view.message == "No page to preview yet."
    window.show_document(ld, 2)
    assert strip.count() == 3 and window.preview.render_now() and window.preview.shown_page == 2
    # the View menu hides the strip
    window.thumbnails_action.trigger()
    assert strip.isHidden()

"""Issue 13, exemption codes: printed on each box of the exported PDF (as an image: nothing inside a box is
extractable text, so verification is unchanged), a policy key turns them off; manual and search-and-redact boxes
are listed in the window's findings list with their codes."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.documents.test_redact import SECRETS, lines_pdf, plan_for
from workstation.documents.box_codes import stamp_size
from workstation.documents.redact import redact_and_verify, redact_pdf
from workstation.domain.policy import Policy
from workstation.domain.review import Decision, ManualKind


def _stamped(codes: list[str]) -> tuple[bytes, list]:
    data = lines_pdf()
    plan = plan_for(data, SECRETS)
    plan[1].codes = codes or [""] * len(plan[1].boxes)
    if codes:
        plan[1].codes = [codes[0]] * len(plan[1].boxes)
    return redact_and_verify(data, plan, "test.pdf"), plan[1].boxes  # verified by both extractors


def test_each_box_shows_its_code_and_the_export_still_verifies() -> None:
    out, boxes = _stamped(["(b)(6)"])
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        page = doc[0]
        xrefs = {img[0] for img in page.get_images(full=True)}
        assert len(xrefs) == 1  # one image, drawn on each box
        placed = [pymupdf.Rect(r) for r in page.get_image_rects(xrefs.pop())]
        assert len(placed) == len(boxes)
        for box in boxes:
            assert any(pymupdf.Rect(box).contains(r) for r in placed)
            assert page.get_text("text", clip=pymupdf.Rect(box)).strip() == ""  # no text inside any box
        for secret in SECRETS:
            assert secret not in page.get_text()
        # white letters on the black box
        r = placed[0]
        pix = page.get_pixmap(dpi=288, clip=r, colorspace=pymupdf.csGRAY)
        assert max(pix.samples) > 200 and min(pix.samples) < 30


def test_no_code_no_stamp_and_a_box_too_small_gets_none() -> None:
    out, _ = _stamped([])
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert doc[0].get_images() == []
    assert stamp_size("87(2)(b)", (0, 0, 12, 10)) is None
    assert stamp_size("87(2)(b)", (0, 0, 80, 11)) == 8.0


def test_the_pipeline_stamps_the_first_code_unless_the_policy_says_not_to(open_window, case_dir) -> None:
    from workstation.pipeline import redaction_plan

    window = open_window([case_dir])
    ld = next(d for d in window.docs if d.name.startswith("complaint"))
    codes = {"PERSON": "87(2)(b); AC 23-1202", "ADDRESS": "87(2)(b); AC 23-1202"}
    on = Policy("t", codes)
    off = Policy("t", codes, print_exemption_codes=False)
    _, plan, _ = redaction_plan(ld.scanned, on, prepared=ld.layout)
    assert {c for red in plan.values() for c in red.codes} == {"87(2)(b)"}
    assert all(len(red.codes) == len(red.boxes) for red in plan.values())
    _, plan, _ = redaction_plan(ld.scanned, off, prepared=ld.layout)
    assert {c for red in plan.values() for c in red.codes} == {""}
    data = redact_pdf(ld.layout.pdf, plan)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert all(not p.get_images() for p in doc)  # the sample complaint has no images of its own


def test_manual_and_search_boxes_are_listed_with_their_codes(open_window, case_dir) -> None:
    window = open_window([case_dir])
    ld = window.current_doc
    action = window.session.add_manual([(ld.path, 1, (100.0, 100.0, 160.0, 112.0))], ManualKind.BOX, "87(2)(f)")
    assert window._commit(action)
    window._commit(window.session.add_manual([(ld.path, 1, (100.0, 130.0, 150.0, 142.0))], ManualKind.SEARCH,
                                             "87(2)(b)"))
    tree = window.findings.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    manual = next(g for g in groups if g.text(0).startswith("Manual redactions"))
    assert manual.text(0) == "Manual redactions  (2)"
    rows = [manual.child(i).text(0) for i in range(manual.childCount())]
    assert rows[0].startswith("Box drawn · 87(2)(f)") and rows[1].startswith("Search match · 87(2)(b)")
    assert "2 manual redaction(s)" in window.findings.count_label.text()
    # choosing one selects it on its page; Delete removes it, and the list follows
    tree.setCurrentItem(manual.child(0))
    entry_id = window.selected_manual
    assert window.session.manual[entry_id].reason_code == "87(2)(f)"
    QTest.keyClick(window, Qt.Key.Key_Delete)
    assert entry_id not in window.session.manual
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Manual redactions  (1)" in groups
    # a category filter shows findings only
    window.findings.decision.setCurrentIndex(1)  # pending
    assert not any(tree.topLevelItem(i).text(0).startswith("Manual") for i in range(tree.topLevelItemCount()))
    assert Decision.REDACT  # (the filter "Redact" keeps them: manual boxes are redactions)


def test_a_page_with_images_gets_no_stamp() -> None:
    """Its verification OCRs the exported pixels: nothing may sit over the pixels it checks."""
    data = lines_pdf()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
        pix.clear_with(200)
        doc[0].insert_image(pymupdf.Rect(400, 600, 440, 640), pixmap=pix)
        data = doc.tobytes()
    plan = plan_for(data, SECRETS)
    plan[1].codes = ["(b)(6)"] * len(plan[1].boxes)
    out = redact_pdf(data, plan)
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert len({img[0] for img in doc[0].get_images(full=True)}) == 1  # the page's own image only

"""The window shows a manual box drawn on an earlier layout of a text page as needing re-placing (in the list and on
the page, not filled), the pre-flight check lists it as a blocker that leads to its page with the box selected, and
re-drawing it and deleting the old one clears it (``service.layouts``)."""

from __future__ import annotations

import workstation.service.layouts as layouts
from workstation.domain.model import TEXT_LAYOUT_VERSION
from workstation.domain.review import ManualKind
from workstation.qt.preflight import PreflightDialog
from workstation.service.layouts import NEEDS_REPLACING


def _manual_rows(window) -> list[str]:
    tree = window.findings.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    manual = next((g for g in groups if g.text(0).startswith("Manual redactions")), None)
    return [] if manual is None else [manual.child(i).text(0) for i in range(manual.childCount())]


def test_a_box_of_an_earlier_layout_needs_re_placing_in_the_window(open_window, case_dir, monkeypatch) -> None:
    window = open_window([case_dir])
    text = next(d for d in window.docs if d.path.endswith(".txt"))
    pdf = next(d for d in window.docs if d.path.endswith(".pdf"))
    window.show_document(text, 1)
    assert window._commit(window.session.add_manual([(text.path, 1, (60.0, 60.0, 200.0, 75.0))], ManualKind.BOX,
                                                    "87(2)(b)"))
    window.show_document(pdf, 1)
    assert window._commit(window.session.add_manual([(pdf.path, 1, (60.0, 60.0, 200.0, 75.0))], ManualKind.BOX,
                                                    "87(2)(b)"))
    [old] = window.session.manual_for(text.path)
    assert window.misplaced_manual(text) == set() and window.misplaced_manual(pdf) == set()

    monkeypatch.setattr(layouts, "TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)  # the layout of text pages changed
    assert window.misplaced_manual(text) == {old.id} and window.misplaced_manual(pdf) == set()
    window.show_document(text, 1)
    window._refresh_all()
    assert [r for r in _manual_rows(window) if NEEDS_REPLACING in r] == [f"Box drawn · {NEEDS_REPLACING}\nby "
                                                                         f"{old.user}"]
    tips = [it.toolTip() for it in window.page_view._overlay_items if it.data(0) == ("manual", old.id)]
    assert len(tips) == 1 and NEEDS_REPLACING in tips[0]
    window.show_document(pdf, 1)
    assert not any(NEEDS_REPLACING in r for r in _manual_rows(window))  # the PDF's box is as it was

    dialog = PreflightDialog(window)
    rows = [r for r in dialog.rows if "re-place" in r.message]
    assert len(rows) == 1 and text.name in rows[0].message and "p.1" in rows[0].message
    assert rows[0].go is not None and rows[0].fix == "Go to the box"
    rows[0].go()  # to the text document's page, the box selected (Delete removes it)
    assert window.current_doc is text and window.current_page == 1 and window.selected_manual == old.id
    assert not dialog.ready
    dialog.close()

    # drawn again (on the current layout) and the old one deleted: nothing left to re-place
    monkeypatch.setattr("workstation.domain.review.TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)
    monkeypatch.setattr("workstation.service.review.TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)
    assert window._commit(window.session.add_manual([(text.path, 1, (60.0, 80.0, 200.0, 95.0))], ManualKind.BOX,
                                                    "87(2)(b)"))
    assert window._commit(window.session.remove_manual(old.id))
    assert window.misplaced_manual(text) == set()
    assert not any(NEEDS_REPLACING in r for r in _manual_rows(window))
    assert not [b for b in window.case_service.preflight(window.case.id).blockers if "re-place" in b.message]

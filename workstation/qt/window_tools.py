"""The window's manual tools: a box drawn, text selected, a whole page, search-and-redact (a term or regular
expression over every page of the case, with a preview of every match). Each is a manual redaction committed through
the window's ``_commit`` (the service's rules and the trail), undone with Ctrl+Z."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workstation.domain.model import Finding, Rect
from workstation.domain.review import (
    ManualKind,
    selection_boxes,
    snippet,
)
from workstation.qt.dialogs import SearchDialog, SearchMatch
from workstation.qt.page_view import Tool
from workstation.qt.theme import TOOL_TEXT

if TYPE_CHECKING:
    from workstation.qt.main_window import MainWindow


class ManualTools:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def set_tool(self, tool: Tool) -> None:
        self.w.page_view.set_tool(tool)
        self.w.tool_actions[tool].setChecked(True)
        self.w.tool_label.setText({Tool.REVIEW: "", Tool.BOX: f"<b style='color:{TOOL_TEXT}'>Drawing boxes</b> (Esc ends)",
                                 Tool.SELECT: f"<b style='color:{TOOL_TEXT}'>Selecting text</b> (Esc ends)"}[tool])

    def _escape(self) -> None:
        if self.w.overlay.isVisible():
            self.w.overlay.hide()
        elif self.w.page_view.tool is not Tool.REVIEW:
            self.set_tool(Tool.REVIEW)

    def manual_reason_code(self) -> str:
        return self.w.session.reason_code_choices()[0] if self.w.session.reason_code_choices() else ""

    def _on_rect_drawn(self, tool: Tool, rect: Rect) -> None:
        ld = self.w.current_doc
        if ld is None or ld.layout is None or self.w.case is None:
            return
        if tool is Tool.BOX:
            action = self.w.session.add_manual([(ld.path, self.w.current_page, rect)], ManualKind.BOX,
                                             self.manual_reason_code())
        else:
            page = ld.layout_page(self.w.current_page)
            boxes = selection_boxes(page, rect) if page is not None else []
            if not boxes:
                self.w.statusBar().showMessage("No text under the selection", 5000)
                return
            action = self.w.session.add_manual([(ld.path, self.w.current_page, b) for b in boxes], ManualKind.SELECTION,
                                             self.manual_reason_code())
        if self.w._commit(action):
            self.w.statusBar().showMessage(f"Added {action.label} on page {self.w.current_page} (Ctrl+Z to undo)", 5000)

    def redact_whole_page(self) -> None:
        ld = self.w.current_doc
        if ld is None or ld.layout is None or self.w.current_page == 0:
            return
        w, h = self.w.page_view.page_size
        action = self.w.session.add_manual([(ld.path, self.w.current_page, (0.0, 0.0, w, h))], ManualKind.PAGE,
                                         self.manual_reason_code())
        if self.w._commit(action):
            self.w.statusBar().showMessage(f"Page {self.w.current_page} of {ld.name} redacted (Ctrl+Z to undo)", 6000)

    def remove_selected_manual(self) -> None:
        if self.w.selected_manual and self.w.selected_manual in self.w.session.manual:
            if self.w._commit(self.w.session.remove_manual(self.w.selected_manual)):
                self.w.selected_manual = None
                self.w._refresh_page()

    def open_search(self) -> None:
        if self.w._search is None:
            self.w._search = SearchDialog(self.search_case, self.w.session.reason_code_choices(), self.w)
            self.w._search.applyRequested.connect(self.apply_search)
        self.w._search.show()
        self.w._search.raise_()
        self.w._search.term.setFocus()
        self.w._search.term.selectAll()

    def search_case(self, pattern: re.Pattern[str]) -> list[SearchMatch]:
        out: list[SearchMatch] = []
        for ld in self.w.docs:
            if ld.document is None or ld.layout is None:
                continue
            for page in ld.document.pages:
                for m in pattern.finditer(page.text):
                    s, e = m.start(), m.end()
                    if e <= s or not page.text[s:e].strip():
                        continue
                    probe = Finding(ld.path, page.number, s, e, page.text[s:e], "SEARCH", 1.0, "search",
                                    tuple(page.boxes_for_span(s, e)))
                    placements = {p: b for p, b in ld.layout.placements(probe).items() if b}
                    if not placements:
                        continue
                    before, text, after = snippet(page.text, s, e)
                    out.append(SearchMatch(ld.path, ld.name, page.number, s, e, f"…{before} [{text}] {after}…",
                                           placements))
                    if len(out) >= 5000:
                        return out
        return out

    def apply_search(self, matches: list[SearchMatch], reason_code: str) -> None:
        items = [(m.document, p, box) for m in matches for p, boxes in m.placements.items() for box in boxes]
        if not items:
            return
        action = self.w.session.add_manual(items, ManualKind.SEARCH, reason_code)
        if self.w._commit(action):
            self.w.statusBar().showMessage(f"Redacted {len(matches)} search match(es) (Ctrl+Z to undo)", 6000)


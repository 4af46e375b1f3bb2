"""Manual boxes drawn on a layout of their page that is no longer the current one.

A manual box is a rectangle on a page of its document's layout and stores no text. A PDF's pages are its own and
never move; a text-like document (.txt, .docx, .eml) is laid out by the workstation (``documents.render``), and when
that layout changes (``model.TEXT_LAYOUT_VERSION``) the text under a box drawn before may have moved - the box would
then cover other words and leave the ones the clerk meant to hide readable, which the verifier cannot notice (it has
no text to look for). Such a box, or a box on a page the document's layout no longer has, is never used: the export
refuses while there is one (naming the document and page), the pre-flight check lists each as a blocker that leads
to its page, and the window shows it as needing to be placed again. Drawing it again records the current version;
removing it is always possible. A box with no version recorded (stored before versions were kept) on a text-like
document counts as drawn on the old layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workstation.domain.model import TEXT_LAYOUT_VERSION, DocumentKind, laid_out
from workstation.domain.review import ManualEntry

OLD_LAYOUT = "old-layout"
PAGE_GONE = "page-gone"
NEEDS_REPLACING = "needs re-placing"


@dataclass(frozen=True)
class MisplacedBox:
    """A manual box that cannot be used as it is: drawn on an earlier layout of its page, or on a page that is
    gone."""

    entry: ManualEntry
    why: str  # OLD_LAYOUT | PAGE_GONE

    @property
    def document(self) -> str:
        return self.entry.document

    @property
    def page(self) -> int:
        return self.entry.page

    def message(self, name: str | None = None) -> str:
        """One line naming the document (``name``: how the caller names it; its path by default) and the page."""
        where = f"{name or self.entry.document} p.{self.entry.page}"
        what = f"a manual {self.entry.kind.value} redaction"
        if self.why == PAGE_GONE:
            return (f"{where}: {what} is on a page the document's layout no longer has: the clerk must re-place the "
                    "box on the page its text is now on (or remove it)")
        return (f"{where}: {what} was drawn on an earlier layout of this page and the text under it may have moved: "
                "the clerk must re-place the box (or remove it)")


def misplaced_boxes(entries: Iterable[ManualEntry], kinds: Mapping[str, DocumentKind] | None = None,
                    pages: Mapping[str, int] | None = None) -> list[MisplacedBox]:
    """The boxes of ``entries`` that cannot be used: on a document laid out by the workstation (by its kind in
    ``kinds`` when given, else by its file name: ``model.laid_out``; a name that does not tell is left to the
    export, which knows every document's kind), a box whose recorded layout version is not the current one; on any
    document whose layout's page count is known (``pages``: document -> pages of its layout), a box on a page
    beyond it (or below 1). PDF boxes on their pages are never flagged."""
    out: list[MisplacedBox] = []
    for m in entries:
        count = (pages or {}).get(m.document)
        if m.page < 1 or (count is not None and m.page > count):
            out.append(MisplacedBox(m, PAGE_GONE))
        elif laid_out(m.document, (kinds or {}).get(m.document)) is True and m.layout != TEXT_LAYOUT_VERSION:
            out.append(MisplacedBox(m, OLD_LAYOUT))
    return out

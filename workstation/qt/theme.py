"""Colours of categories and decisions, the look of boxes on the page, and every colour the window writes text in.

Every colour of the window is here (``tests/qt/test_contrast.py`` fails on a colour literal in another module of
``workstation.qt``) and every pair of a text colour and the background it is shown on is listed by
``text_pairs`` and every box outline by ``outline_colors``, so the contrast audit sees them all: text at least
4.5:1 (WCAG AA), box outlines on the page at least 3:1 (non-text contrast). Colours that failed were darkened
keeping their hue (each category's old colour in a comment).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from workstation.domain import categories as C
from workstation.domain.review import Decision

IDENTIFIER_COLOR = "#c62996"  # was #e377c2 (2.7:1 on white)
CATEGORY_COLORS: dict[str, str] = {
    C.NATIONALITY: "#d62728",
    C.IMMIGRATION_STATUS: "#8a59b7",  # was #9467bd (4.3:1)
    C.A_NUMBER: IDENTIFIER_COLOR,
    C.USCIS_RECEIPT_NUMBER: IDENTIFIER_COLOR,
    C.I94_NUMBER: IDENTIFIER_COLOR,
    C.SEVIS_ID: IDENTIFIER_COLOR,
    C.PASSPORT_NUMBER: IDENTIFIER_COLOR,
    C.ADDRESS: "#b15300",  # was #ff7f0e (2.5:1)
    C.PERSON: "#1f77b4",
    C.PHONE_NUMBER: "#3d7a1e",  # was #17becf (2.3:1); green, apart from the e-mail's teal
    C.EMAIL_ADDRESS: "#008080",
    C.US_SSN: "#37474f",  # dark slate: apart from the grey of "not personal information"
    C.DATE_OF_BIRTH: "#727200",  # was #8c8c00 (3.6:1)
    C.SOCIAL_MEDIA_HANDLE: "#3949ab",
    C.VEHICLE_PLATE: "#8c564b",
}
# How the window names each category (the findings list, the category filter).
CATEGORY_NAMES: dict[str, str] = {
    C.NATIONALITY: "Nationality",
    C.IMMIGRATION_STATUS: "Immigration status",
    C.A_NUMBER: "A-number",
    C.USCIS_RECEIPT_NUMBER: "USCIS receipt number",
    C.I94_NUMBER: "I-94 number",
    C.SEVIS_ID: "SEVIS ID",
    C.PASSPORT_NUMBER: "Passport number",
    C.ADDRESS: "Address",
    C.PERSON: "Person",
    C.PHONE_NUMBER: "Phone number",
    C.EMAIL_ADDRESS: "E-mail address",
    C.US_SSN: "SSN",
    C.DATE_OF_BIRTH: "Date of birth",
    C.SOCIAL_MEDIA_HANDLE: "Social media handle",
    C.VEHICLE_PLATE: "Vehicle plate",
}
MANUAL_COLOR = "#c2185b"
MISPLACED_COLOR = "#c62828"  # a manual box that needs re-placing
RELEASED_COLOR = "#2e7d32"
DEFERRED_COLOR = "#8f6500"  # was #ef6c00 (3.1:1, and close to the address orange): a dark amber
NOT_PI_COLOR = "#6f6f6f"  # was #9e9e9e (2.7:1)
CURRENT_COLOR = "#ffc400"  # the current finding's glow (yellow), inside a dark edge (CURRENT_EDGE) that contrasts
CURRENT_EDGE = "#212121"
PAGE_PAPER = "#ffffff"  # what boxes are drawn on
PAGE_SURROUND = "#5f6368"  # the view around the page
PAGE_MESSAGE = "#ffffff"  # a message shown instead of a page (on PAGE_SURROUND)
CHIP_TEXT = "#ffffff"  # a category's name on its colour (the current finding)
ERROR_TEXT = "#b00020"  # a refusal or an error
OK_TEXT = "#1b5e20"  # done, verified
MUTED_TEXT = "#555555"  # context, work in progress
PLAIN_TEXT = "#000000"
NOTICE_TEXT, NOTICE_BACKGROUND = "#6d4c00", "#fff3cd"  # what a decision still needs
TOOL_TEXT = MANUAL_COLOR  # "Drawing boxes" / "Selecting text"
RUBBER_BAND = MANUAL_COLOR  # the rectangle being drawn
OVERLAY_BACKGROUND = "#14181c"  # the shortcuts overlay (drawn at 90 % opacity over the window)
OVERLAY_TEXT, OVERLAY_KEY, OVERLAY_HINT = "#ffffff", "#ffd54f", "#cfd8dc"
# the findings list's decision column (on the list's background)
STATE_TEXT: dict[Decision | None, str] = {None: ERROR_TEXT, Decision.REDACT: PLAIN_TEXT,
                                          Decision.RELEASE: RELEASED_COLOR, Decision.DEFER: DEFERRED_COLOR,
                                          Decision.NOT_PI: "#757575"}
# the legend under the page: (text, colour, background or "" for the window's, what else tells it apart)
LEGEND: tuple[tuple[str, str, str, str], ...] = (
    ("● pending", "#0d47a1", "#d6e6f3", "(solid)"),
    ("■ redact", "#ffffff", "#333333", ""),
    ("✓ release", OK_TEXT, "", "(dashed)"),
    ("⚑ defer", "#6b4a00", "#ffe9b3", "(cross-hatched)"),
    ("○ not PI", MUTED_TEXT, "", "(dotted)"),
    ("✎ manual", "#f8bbd0", "#333333", ""),
    ("current", PLAIN_TEXT, CURRENT_COLOR, ""),
)
# the page thumbnails' markers: a shape (dot, flag, check mark) in a dark outline, filled in a light tone
MARKER_OUTLINE = "#212121"
MARKER_FRAME = "#9e9e9e"  # the edge of a thumbnail (decoration: not text, not a box)
MARKER_COLORS = {"pending": "#90caf9", "deferred": "#ffcc80", "decided": "#a5d6a7"}

# Each state has a symbol as well as a colour (colour is never the only cue: the list, the legend and the boxes'
# tooltips carry the symbol; the boxes differ in line style and fill too)
STATE_LABELS = {
    None: "● Pending",
    Decision.REDACT: "■ Redact",
    Decision.RELEASE: "✓ Release",
    Decision.DEFER: "⚑ Defer to counsel",
    Decision.NOT_PI: "○ Not personal info",
}


def legend_html() -> str:
    """The legend under the page, from ``LEGEND``."""
    parts = []
    for text, fg, bg, note in LEGEND:
        style = f"color:{fg}" + (f"; background:{bg}" if bg else "")
        label = f"<u>&nbsp;{text}&nbsp;</u>" if text.startswith("✓") else f"&nbsp;{text}&nbsp;"
        parts.append(f"<span style='{style}'>{label}</span>" + (f" {note}" if note else ""))
    return " &nbsp; ".join(parts)


def text_pairs(base: str, window: str) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background) the window shows, given the palette's ``base`` (lists, fields) and
    ``window`` (dialogs, labels) backgrounds: for the contrast audit."""
    pairs: list[tuple[str, str, str]] = []
    for c, color in CATEGORY_COLORS.items():
        pairs.append((f"{c} heading in the findings list", color, base))
        pairs.append((f"{c} name on its colour (current finding)", CHIP_TEXT, color))
    pairs.append(("manual redactions heading", MANUAL_COLOR, base))
    for state, color in STATE_TEXT.items():
        pairs.append((f"decision {state} in the findings list", color, base))
    for text, fg, bg, _note in LEGEND:
        pairs.append((f"legend {text}", fg, bg or window))
    for what, color in (("error", ERROR_TEXT), ("done", OK_TEXT), ("muted", MUTED_TEXT), ("plain", PLAIN_TEXT)):
        pairs.append((f"{what} text in the documents list", color, base))
        pairs.append((f"{what} text in a dialog", color, window))
    pairs.append(("tool in use", TOOL_TEXT, window))
    pairs.append(("decision notice", NOTICE_TEXT, NOTICE_BACKGROUND))
    pairs.append(("message instead of a page", PAGE_MESSAGE, PAGE_SURROUND))
    for what, color in (("title and descriptions", OVERLAY_TEXT), ("keys", OVERLAY_KEY), ("hint", OVERLAY_HINT)):
        pairs.append((f"shortcuts overlay {what}", color, OVERLAY_BACKGROUND))
    return pairs


def outline_colors() -> list[tuple[str, str]]:
    """Every (what, colour) a box is outlined in on the page (drawn on ``PAGE_PAPER``)."""
    out = [(f"{c} pending", color) for c, color in CATEGORY_COLORS.items()]
    out += [("released", RELEASED_COLOR), ("deferred", DEFERRED_COLOR), ("not personal information", NOT_PI_COLOR),
            ("manual", MANUAL_COLOR), ("current finding", CURRENT_EDGE), ("box being drawn", RUBBER_BAND)]
    return out


def category_name(category: str) -> str:
    """The readable name of a category ("Vehicle plate"); other labels (manual boxes) in title case."""
    return CATEGORY_NAMES.get(category) or category.replace("_", " ").title()


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, "#555555"))


def _pen(color: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style)
    pen.setCosmetic(True)  # the same width in pixels at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def finding_style(category: str, state: Decision | None) -> tuple[QPen, QBrush]:
    """Pen and brush of a finding's box: pending = category colour, redacted = dark box, released = green
    dashed outline, deferred = orange hatching, not personal information = grey dotted outline."""
    color = category_color(category)
    if state is Decision.REDACT:
        return _pen(color, 2.0), QBrush(QColor(0, 0, 0, 175))
    if state is Decision.RELEASE:
        return _pen(RELEASED_COLOR, 2.0, Qt.PenStyle.DashLine), QBrush(Qt.BrushStyle.NoBrush)
    if state is Decision.DEFER:
        return _pen(DEFERRED_COLOR, 2.0, Qt.PenStyle.DotLine), QBrush(QColor(DEFERRED_COLOR),
                                                                       Qt.BrushStyle.DiagCrossPattern)
    if state is Decision.NOT_PI:
        return _pen(NOT_PI_COLOR, 1.5, Qt.PenStyle.DotLine), QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(color)
    fill.setAlpha(55)
    return _pen(color, 1.5), QBrush(fill)


def manual_style() -> tuple[QPen, QBrush]:
    return _pen(MANUAL_COLOR, 2.0, Qt.PenStyle.DashLine), QBrush(QColor(0, 0, 0, 175))


def misplaced_style() -> tuple[QPen, QBrush]:
    """A manual box that needs re-placing (drawn on an earlier layout of its page, ``service.layouts``): not used by
    the export, so it is not filled - a red dotted frame over the text as it now lies."""
    return _pen(MISPLACED_COLOR, 2.0, Qt.PenStyle.DotLine), QBrush(QColor(198, 40, 40, 40))


def current_pen() -> QPen:
    """The current finding's frame: a dark edge (it contrasts with the page) ..."""
    return _pen(CURRENT_EDGE, 1.5)


def current_glow_pen() -> QPen:
    """... over a wide yellow glow (it catches the eye)."""
    return _pen(CURRENT_COLOR, 5.0)

"""Colours of categories and decisions, and the look of boxes on the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from workstation.domain import categories as C
from workstation.domain.review import Decision

CATEGORY_COLORS: dict[str, str] = {
    C.NATIONALITY: "#d62728",
    C.IMMIGRATION_STATUS: "#9467bd",
    C.A_NUMBER: "#e377c2",
    C.USCIS_RECEIPT_NUMBER: "#e377c2",
    C.I94_NUMBER: "#e377c2",
    C.SEVIS_ID: "#e377c2",
    C.PASSPORT_NUMBER: "#e377c2",
    C.ADDRESS: "#ff7f0e",
    C.PERSON: "#1f77b4",
    C.PHONE_NUMBER: "#17becf",
    C.EMAIL_ADDRESS: "#008080",
    C.US_SSN: "#37474f",  # dark slate: apart from the light grey of "not personal information"
    C.DATE_OF_BIRTH: "#8c8c00",
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
RELEASED_COLOR = "#2e7d32"
DEFERRED_COLOR = "#ef6c00"
CURRENT_COLOR = "#ffc400"
ERROR_TEXT = "#b00020"  # a refusal or an error, on the window's background
# the page thumbnails' markers: a shape (dot, flag, check mark) in a dark outline, filled in a light tone
MARKER_OUTLINE = "#212121"
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
        return _pen("#9e9e9e", 1.5, Qt.PenStyle.DotLine), QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(color)
    fill.setAlpha(55)
    return _pen(color, 1.5), QBrush(fill)


def manual_style() -> tuple[QPen, QBrush]:
    return _pen(MANUAL_COLOR, 2.0, Qt.PenStyle.DashLine), QBrush(QColor(0, 0, 0, 175))


def current_pen() -> QPen:
    return _pen(CURRENT_COLOR, 3.0)

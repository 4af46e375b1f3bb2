"""Issue 13: the contrast audit. Every text colour the window uses against the background it is shown on has a
WCAG contrast ratio of at least 4.5:1; every box outline on the page at least 3:1 against the paper. The pairs come
from the theme (``text_pairs``, ``outline_colors``) with the backgrounds of the application's real palette, and no
module of the window writes a colour of its own (so the theme's lists are every colour there is)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

import workstation.qt
from workstation.qt import theme

TEXT_MIN = 4.5
OUTLINE_MIN = 3.0


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` / ``#rgb``."""
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_ratio_is_wcags() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the well-known just-failing grey
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def _backgrounds(qapp: QApplication) -> tuple[str, str]:
    palette = qapp.palette()
    return (palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Window).name())


def test_every_text_colour_reaches_4_5_to_1_on_its_background(qapp) -> None:
    base, window = _backgrounds(qapp)
    pairs = theme.text_pairs(base, window)
    assert len(pairs) > 50  # every category twice, every decision, the legend, the dialogs, the overlay
    failing = [(what, fg, bg, round(contrast(fg, bg), 2)) for what, fg, bg in pairs if contrast(fg, bg) < TEXT_MIN]
    assert not failing, failing
    # the category colours are checked as text on the lists' background and under white text, every one
    for c in theme.CATEGORY_COLORS:
        assert any(what.startswith(c) and bg == base for what, _fg, bg in pairs)


def test_every_box_outline_reaches_3_to_1_on_the_page() -> None:
    outlines = theme.outline_colors()
    failing = [(what, c, round(contrast(c, theme.PAGE_PAPER), 2)) for what, c in outlines
               if contrast(c, theme.PAGE_PAPER) < OUTLINE_MIN]
    assert not failing, failing


def test_the_colours_that_failed_were_changed() -> None:
    """The colours the audit found below the thresholds (address orange 2.5:1, phone cyan 2.3:1, identifiers pink
    2.7:1, date of birth olive 3.6:1, status purple 4.3:1 as text; not-PI grey 2.7:1 and the current finding's
    yellow 1.6:1 as outlines) are not used any more."""
    used = {c.lower() for _w, c in theme.outline_colors()} | {fg.lower() for _w, fg, _bg in
                                                                theme.text_pairs("#ffffff", "#efefef")}
    for old in ("#ff7f0e", "#17becf", "#e377c2", "#8c8c00", "#9467bd", "#9e9e9e", "#ef6c00"):
        assert old not in used
    assert contrast(theme.CURRENT_EDGE, theme.PAGE_PAPER) >= OUTLINE_MIN
    # the deferred colour is no longer the address orange's twin
    assert theme.DEFERRED_COLOR != theme.CATEGORY_COLORS["ADDRESS"]


def test_the_boxes_and_the_window_use_the_themes_colours(qtbot) -> None:
    from PySide6.QtGui import QColor

    from workstation.domain.review import Decision

    for state in (None, Decision.REDACT, Decision.RELEASE, Decision.DEFER, Decision.NOT_PI):
        pen, _brush = theme.finding_style("ADDRESS", state)
        assert pen.color().name() in {c for _w, c in theme.outline_colors()}
    assert theme.current_pen().color() == QColor(theme.CURRENT_EDGE)
    assert all(f"color:{fg}" in theme.legend_html() for _t, fg, _bg, _n in theme.LEGEND)


def test_no_window_module_writes_a_colour_of_its_own() -> None:
    literal = re.compile(r"""["']#[0-9a-fA-F]{3,8}\b""")
    folder = Path(workstation.qt.__file__).parent
    found = [f"{p.name}:{n}" for p in sorted(folder.glob("*.py")) if p.name != "theme.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert not found, found

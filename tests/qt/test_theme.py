"""Every category has its own colour and a readable name in the window."""

from __future__ import annotations

import pytest

from workstation.domain import categories as C
from workstation.domain.model import Finding
from workstation.qt.theme import CATEGORY_COLORS, CATEGORY_NAMES, category_name


@pytest.mark.parametrize("category", C.ALL)
def test_every_category_has_a_colour_and_a_name(category: str) -> None:
    assert category in CATEGORY_COLORS
    assert category_name(category) == CATEGORY_NAMES[category]


@pytest.mark.parametrize(("category", "name"), [(C.SOCIAL_MEDIA_HANDLE, "Social media handle"),
                                                (C.VEHICLE_PLATE, "Vehicle plate")])
def test_new_categories_have_distinct_colours_and_names(category: str, name: str) -> None:
    assert category_name(category) == name
    others = {c: v for c, v in CATEGORY_COLORS.items() if c != category}
    assert CATEGORY_COLORS[category] not in others.values()


def test_unknown_category_name_falls_back_to_title_case() -> None:
    assert category_name("MANUAL-BOX") == "Manual-Box"


def test_findings_panel_groups_under_readable_names(qtbot) -> None:
    from workstation.qt.findings_panel import FindingsPanel

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    text = "Instagram: @lilmaya22, NY plate KJR-4521"
    findings = [Finding("a.txt", 1, 12, 21, "lilmaya22", C.SOCIAL_MEDIA_HANDLE, 0.85, "test"),
                Finding("a.txt", 1, 32, 40, "KJR-4521", C.VEHICLE_PLATE, 0.85, "test")]
    panel.set_findings(findings, {1: text}, lambda f: None)
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert sorted(g.split("  (")[0] for g in groups) == ["Social media handle", "Vehicle plate"]
    choices = [panel.category.itemText(i) for i in range(panel.category.count())]
    assert choices == ["All categories", "Social media handle", "Vehicle plate"]

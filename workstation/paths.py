"""Locations of the project's bundled data (resources/, models/)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
MODELS = ROOT / "models"
SAMPLE_CASE = RESOURCES / "sample-case"

"""Static checks run as part of the test suite: ruff, mypy and the import-linter layering contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "cmd",
    [
        pytest.param((str(BIN / "ruff"), "check", "workstation", "tests", "benchmarks"), id="ruff"),
        pytest.param((str(BIN / "mypy"),), id="mypy"),
        pytest.param((str(BIN / "lint-imports"),), id="import-linter"),
    ],
)
def test_static_check_passes(cmd: tuple[str, ...]) -> None:
    result = _run(*cmd)
    assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"


def test_layering_contracts_are_declared() -> None:
    """The contracts the architecture relies on are present (a deleted contract would pass silently)."""
    text = (ROOT / "pyproject.toml").read_text()
    for name in ("Domain imports no GUI, PDF or NLP library", "PySide6 only in workstation.qt",
                 "PyMuPDF and Tesseract only in workstation.documents", "Presidio and spaCy only in workstation.detection"):
        assert name in text

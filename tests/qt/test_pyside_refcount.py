"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that returns nothing;
after a few thousand calls Python aborts ("none_dealloc"). The pinned version must not: a long review session
makes hundreds of thousands of such calls. Run in a subprocess, since the failure is an abort."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label, pen, timer = QLabel(), QPen(), QTimer()
counts = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
for _ in range(20000):
    label.setText("x")
    pen.setCosmetic(True)
    label.setVisible(False)
print(sys.getrefcount(None) - counts[0], sys.getrefcount(True) - counts[1], sys.getrefcount(False) - counts[2])
"""


def test_void_qt_calls_do_not_leak_references_to_none_or_booleans() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    deltas = [int(x) for x in proc.stdout.split()]
    assert all(abs(d) < 100 for d in deltas), deltas

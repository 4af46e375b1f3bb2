from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

def test_probe(open_window, case_dir):
    w = open_window([case_dir])
    first = w.current
    assert first is not None
    QTest.keyClick(w, Qt.Key.Key_R)
    assert w.session.state(first) is not None
    QTest.keyClick(w.page_view, Qt.Key.Key_Question)
    assert w.overlay.isVisible()

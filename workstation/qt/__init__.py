"""The Qt view layer: the only package that imports PySide6 (the review window is issue #3)."""

"""Errors the workstation reports to the user (never as a traceback)."""

from __future__ import annotations


class WorkstationError(Exception):
    """Base class; ``exit_code`` is what the command line exits with."""

    exit_code = 1


class InputError(WorkstationError):
    """Unreadable, unsupported, corrupt, encrypted or empty input (exit 2)."""

    exit_code = 2

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(WorkstationError):
    exit_code = 2


class VerificationError(WorkstationError):
    """The redacted output failed verification (exit 3); nothing was written."""

    exit_code = 3

    def __init__(self, document: str, page: int | None, reason: str) -> None:
        where = f"{document}, page {page}" if page else document
        super().__init__(f"{where}: {reason}")
        self.document = document
        self.page = page
        self.reason = reason


class UnreviewablePagesError(WorkstationError):
    """Pages without a usable text layer cannot be exported unreviewed (exit 3)."""

    exit_code = 3

    def __init__(self, document: str, pages: list[int]) -> None:
        listed = ", ".join(str(p) for p in pages)
        super().__init__(
            f"{document}: page(s) {listed} have no text layer (scanned); OCR is required before they can be "
            "redacted - refusing to export them unreviewed"
        )
        self.document = document
        self.pages = pages

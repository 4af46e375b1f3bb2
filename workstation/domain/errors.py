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

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # raised in a worker process (documents.pdf_work) and raised again here: rebuilt from its own fields
        return (type(self), (self.path, self.reason))


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

    def __reduce__(self) -> tuple[type[VerificationError], tuple[str, int | None, str]]:
        # raised in a worker process (documents.pdf_work) and raised again here: rebuilt from its own fields
        return (type(self), (self.document, self.page, self.reason))


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


class PermissionDenied(WorkstationError):
    """A user's role does not allow what was attempted (exit 4); the message says who, what and why."""

    exit_code = 4

    def __init__(self, reason: str, *, user: str = "", role: str = "", action: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.user = user
        self.role = role
        self.action = action


class PolicyViolation(WorkstationError):
    """A disclosure rule refuses the change (exit 4): e.g. releasing immigration status to a federal immigration
    authority without counsel's override citing a judicial warrant."""

    exit_code = 4

    def __init__(self, reason: str, *, category: str = "", recipient: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.category = category
        self.recipient = recipient


class CaseStateError(WorkstationError):
    """A case transition or export that the case's state refuses (exit 4), with a one-line reason."""

    exit_code = 4

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StaleChangeError(CaseStateError):
    """Another reviewer changed the finding (box, allow-list entry) after this reviewer read it (exit 4): the
    message says who and when; reload and decide again. Both stores compare the stored row with the change's
    ``before`` inside the writing transaction."""


class ExportRefused(CaseStateError):
    """``workstation case export`` refuses (exit 4): not signed off, protected items pending, ..."""


class ConfigurationError(WorkstationError):
    """A policy, exemption or users file that is missing or malformed (exit 2)."""

    exit_code = 2


class SensitiveDataError(WorkstationError):
    """Something tried to put sensitive text where only hashes belong (the audit trail); a programming error."""

    exit_code = 1

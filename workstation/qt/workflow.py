"""The case's workflow in the window's Case menu: the clerk submits for sign-off, counsel returns to review or
signs off (``case_dialogs.SignOffDialog``), counsel's queue, the supervisor's spot-check (``AuditView``).

Every transition is the service's (``CaseService.submit`` / ``return_to_review``) under the domain's rules; the
window only turns a refusal into a dialog. A command a role may not use is disabled with the reason in its
tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox

from workstation.domain.case import CaseState
from workstation.domain.errors import WorkstationError
from workstation.domain.roles import Permission
from workstation.qt.case_dialogs import why_not


def install(window: Any, menu: QMenu) -> None:
    """Add Submit, Return, Counsel queue, Spot-check and counsel's Override to the Case menu (after Sign off)."""
    from workstation.qt import case_menu
    from workstation.qt.counsel_queue import open_counsel_queue

    window.submit_action = QAction("Submit for sign-off", window)
    window.return_action = QAction("Return to review…", window)
    window.queue_action = QAction("Counsel queue…", window)
    window.spotcheck_action = QAction("Spot-check (supervisor)…", window)
    window.submit_action.triggered.connect(lambda: submit(window))
    window.return_action.triggered.connect(lambda: return_to_review(window))
    window.queue_action.triggered.connect(lambda: open_counsel_queue(window))
    window.spotcheck_action.triggered.connect(lambda: case_menu.open_audit(window))
    menu.addSeparator()
    for action, permission, tip in (
            (window.submit_action, Permission.SUBMIT, "Mark the case ready for counsel's sign-off"),
            (window.return_action, Permission.RETURN, "Send the case back to the clerk, with a reason"),
            (window.queue_action, Permission.READ, "Deferred items and releases of protected categories"),
            (window.spotcheck_action, Permission.SPOT_CHECK, "Draw a sample of decisions from the trail and "
                                                             "pass or fail each")):
        menu.addAction(action)
        reason = why_not(window.account, permission)
        action.setEnabled(reason is None)
        action.setToolTip(reason or tip)
    # counsel's override of a locked category (as ``case override``): offered to counsel only
    from workstation.qt.override_dialog import open_override

    window.override_action = QAction("Override a locked item (counsel)…", window)
    window.override_action.setObjectName("overrideAction")
    window.override_action.triggered.connect(lambda: open_override(window))
    menu.addAction(window.override_action)
    reason = why_not(window.account, Permission.OVERRIDE)
    window.override_action.setEnabled(reason is None)
    window.override_action.setVisible(reason is None)
    window.override_action.setToolTip(reason or "Release one locked or protected item under a judicial warrant, "
                                                "signed with your key")


def _tell(window: Any, title: str, text: str, ok: bool) -> None:
    window.workflow_message = text  # what the last workflow command said (tests, screenshots)
    (QMessageBox.information if ok else QMessageBox.warning)(window, title, text)


def submit(window: Any) -> bool:
    """The clerk's "Submit for sign-off": refused while an item is undecided (deferred items go to counsel)."""
    from workstation.qt import case_menu

    if window.case is None:
        return False
    try:
        window.case_service.submit(window.case.id, window.account)
    except WorkstationError as exc:
        _tell(window, "Cannot submit", str(exc), False)
        return False
    case_menu.show_state(window)
    _tell(window, "Submitted", "The case is ready for counsel's sign-off.", True)
    return True


def return_to_review(window: Any, reason: str | None = None) -> bool:
    """Counsel's "Return to review", with a reason (asked for when not given)."""
    from workstation.qt import case_menu

    if window.case is None:
        return False
    if reason is None:
        reason, ok = QInputDialog.getText(window, "Return to review", "Why is the case returned to review?",
                                          QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
    notices: list[str] = []
    try:
        window.case_service.return_to_review(window.case.id, window.account, reason, notices=notices)
    except WorkstationError as exc:
        _tell(window, "Cannot return the case", str(exc), False)
        return False
    case_menu.show_state(window)
    _tell(window, "Returned to review", "The case is back in review." + "".join(f"\n{n}" for n in notices), True)
    return True


def next_sign_off_step(window: Any) -> None:
    """What the pre-flight check's "Sign-off…" leads to: a clerk submits a case in review; counsel opens the
    sign-off dialog; anyone else is told who can."""
    from workstation.qt import case_menu

    state = window.case_service.state(window.case.id).state
    if window.account.can(Permission.SIGN_OFF):
        case_menu.open_signoff(window)
    elif state is CaseState.IN_REVIEW and window.account.can(Permission.SUBMIT):
        submit(window)
    else:
        _tell(window, "Sign-off", "The case is waiting for counsel's sign-off: only counsel may sign it off.", False)

"""Signing in to the window: who is working, proved by their passphrase, when the desk has a users file.

The window used to take the desk's login name as the user - fine when each person has their own account on the
machine, not when a records unit shares one. With users in the users file, the window first asks for the name (the
desk's login name filled in) and the passphrase; a wrong one answers after the same delay as the command line and
is recorded in the store's system trail (``login-failed``, the name only when it is a user's). The passphrase is
kept only long enough to open the team store with it (``users add`` makes it the member's database password too).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from workstation.domain.errors import PermissionDenied
from workstation.domain.roles import User, UserDirectory
from workstation.qt.theme import ERROR_TEXT


class SignInDialog(QDialog):
    def __init__(self, users: UserDirectory, default_name: str, *,
                 record_failure: Callable[[str, bool], None] | None = None,
                 pause: Callable[[float], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign in - Disclosure Review Workstation")
        self.users = users
        self.record_failure = record_failure
        self.pause = pause
        self.account: User | None = None
        self.passphrase_given = ""
        self.name = QLineEdit(default_name)
        self.name.setAccessibleName("User name")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {ERROR_TEXT}")
        self.error.setAccessibleName("Sign-in error")
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Passphrase", self.passphrase)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.passphrase.setFocus()

    def try_sign_in(self) -> bool:
        name, secret = self.name.text().strip().lower(), self.passphrase.text()
        self.passphrase.clear()  # never kept in the field
        try:
            kwargs = {"pause": self.pause} if self.pause is not None else {}
            self.account = self.users.authenticate(name, secret, **kwargs)
        except PermissionDenied as exc:
            self.error.setText(str(exc))
            if self.record_failure is not None:
                self.record_failure(name, name in self.users)
            return False
        self.passphrase_given = secret
        self.accept()
        return True

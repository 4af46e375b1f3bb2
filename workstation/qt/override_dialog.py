"""Counsel's override in the window: releasing one item of a locked or protected category (a sanctuary lock on
the recipient) citing a judicial warrant, signed with counsel's key - what ``workstation case override NAME
--finding ID --reason R --warrant NUMBER`` does on the command line.

Only counsel is offered it (Case > Override a locked item…; the menu entry is hidden for other roles). The dialog
asks for what the command line asks for - the item, the reason, the warrant's number - and counsel's passphrase;
every rule is the service's (``CaseService.override``: the role, the recipient's policy and the kind of warrant
it accepts, personal information in the reason, the signature), so a refusal here is the one-line refusal the
command line prints, and it is recorded in the trail the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import PermissionDenied, WorkstationError
from workstation.domain.review import FindingKey
from workstation.domain.roles import Permission, User, UserDirectory
from workstation.qt.case_dialogs import gate
from workstation.qt.theme import ERROR_TEXT, category_name
from workstation.service import CaseService, document_label


class OverrideDialog(QDialog):
    """Choose a locked or protected item (the window's current one when it is one), give the reason and the
    judicial warrant's number, and sign with the passphrase."""

    def __init__(self, service: CaseService, case_id: str, user: User, users: UserDirectory,
                 current: FindingKey | None = None, texts: dict[FindingKey, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(f"Override a locked item — {user.name} ({user.role.value})")
        self.service, self.case_id, self.user, self.users = service, case_id, user, users
        case = service.state(case_id)
        policy = service.policies.policy(case.context.recipient)
        self.recipient = case.context.recipient.value
        texts = texts or {}
        self.item = QComboBox()
        self.item.setObjectName("overrideItem")
        self.item.setAccessibleName("Item to release under the override")
        self.keys: list[FindingKey] = []
        self._ids: dict[FindingKey, str] = {}  # the id ``case override --finding`` takes
        for i in service.items(case_id):
            if not (policy.is_locked(i.category) or policy.is_protected(i.category)):
                continue
            locked = " · locked" if policy.is_locked(i.category) else ""
            shown = texts.get(i.key, "")
            self.item.addItem(f"{category_name(i.category)}{locked} · {document_label(i.key.document)} p.{i.key.page}"
                              f" · {i.decision or 'pending'}" + (f" · “{shown}”" if shown else ""), i.key)
            self.keys.append(i.key)
            self._ids[i.key] = i.id
        if current in self.keys:
            self.item.setCurrentIndex(self.keys.index(current))
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText("why the item is released (at least 10 characters, no personal information)")
        self.warrant = QLineEdit()
        self.warrant.setObjectName("overrideWarrant")
        self.warrant.setPlaceholderText("the judicial warrant's number, e.g. SDNY 26-MJ-01234")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("overridePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("your passphrase (signs the override)")
        self.error = QLabel("")
        self.error.setObjectName("overrideError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_TEXT};")
        self.record_button = QPushButton("Record override")
        self.record_button.setObjectName("overrideButton")
        self.record_button.clicked.connect(self.record)
        gate(self.record_button, user, Permission.OVERRIDE, "Release the item under the warrant, signed with your key")
        for field in (self.item, self.reason, self.warrant, self.passphrase):
            field.setEnabled(self.record_button.isEnabled())
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow("Item", self.item)
        form.addRow("Reason", self.reason)
        form.addRow("Judicial warrant no.", self.warrant)
        form.addRow("Passphrase", self.passphrase)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        intro = QLabel(f"Recipient <b>{self.recipient}</b>: its locked categories are released only under counsel's "
                       "override citing a judicial warrant (an administrative warrant such as an ICE I-200 or I-205 "
                       "is not one). The override is signed with your key and recorded in the audit trail.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not self.keys:
            layout.addWidget(QLabel("No item of a locked or protected category in this case."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(720, 300)
        self.recorded: Any = None  # the override recorded (``Override``)

    def record(self) -> bool:
        """Record the override through the service (the same checks as the command line); False with the one-line
        reason when refused. The passphrase is cleared either way."""
        self.error.setText("")
        secret = self.passphrase.text()
        self.passphrase.clear()
        key = self.item.currentData()
        if key is None:
            self.error.setText("choose the item to release")
            return False
        try:
            try:
                who = self.users.authenticate(self.user.name, secret)
            except PermissionDenied:
                self.service.record_login_failure(self.user.name, self.user.name in self.users, "window override")
                raise
            signer = self.users.unlock(who.name, secret)
            self.recorded = self.service.override(self.case_id, who, self._ids[key], self.reason.text(),
                                                  self.warrant.text(), signer=signer)
        except WorkstationError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


def open_override(window: Any) -> OverrideDialog | None:
    """Case > Override a locked item…: the dialog on the window's current item; the window's decisions are
    reloaded once an override is recorded."""
    if window.case is None:
        return None
    texts = {f.key: f.text for found in window.session.findings.values() for f in found}
    current = FindingKey.of(window.current) if window.current is not None else None
    dialog = OverrideDialog(window.case_service, window.case.id, window.account, window.users, current, texts,
                            window)

    def done(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.recorded is not None:
            window.reload_decisions()
            from workstation.qt import case_menu

            case_menu.show_state(window)
            ov = dialog.recorded
            window.statusBar().showMessage(f"Override recorded by {ov.actor} ({category_name(ov.category)}, "
                                           f"{ov.legal_basis.describe()})", 10000)

    dialog.finished.connect(done)
    window.override_dialog = dialog
    dialog.show()
    return dialog

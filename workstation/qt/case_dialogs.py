"""Case properties, counsel's sign-off and the supervisor's audit view (with spot-checks).

Thin views over ``workstation.service.CaseService``: every rule (role, recipient policy, case state) is enforced
there or in the domain; a button a role may not use is disabled with the reason in its tooltip, and a refused
action shows the domain's one-line reason.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.disclosure import (
    DisclosureClass,
    DisclosureContext,
    LegalBasis,
    LegalBasisKind,
    RecipientType,
)
from workstation.domain.errors import PermissionDenied, WorkstationError
from workstation.domain.roles import Permission, User, UserDirectory, require
from workstation.qt.theme import ERROR_TEXT, OK_TEXT
from workstation.service import CaseService, document_label


def why_not(user: User, permission: Permission, what: str = "") -> str | None:
    """The domain's reason ``user`` may not do ``permission`` (None: allowed)."""
    try:
        require(user, permission, what)
    except PermissionDenied as exc:
        return str(exc)
    return None


def gate(widget: QWidget, user: User, permission: Permission, tooltip: str = "") -> None:
    """Disable ``widget`` with the reason in its tooltip when the role lacks ``permission``."""
    reason = why_not(user, permission)
    widget.setEnabled(reason is None)
    widget.setToolTip(reason or tooltip)


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_TEXT};")
    return label


class CasePropertiesDialog(QDialog):
    """Recipient, legal basis (kind + reference), §23-1202 class and references of a case."""

    def __init__(self, service: CaseService, case_id: str, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case properties")
        self.service, self.case_id, self.user = service, case_id, user
        ctx = service.state(case_id).context
        form = QFormLayout()
        self.recipient = QComboBox()
        for r in RecipientType:
            self.recipient.addItem(r.label, r.value)
        self.recipient.setCurrentIndex(self.recipient.findData(ctx.recipient.value))
        self.basis = QComboBox()
        for k in LegalBasisKind:
            self.basis.addItem(k.value, k.value)
        self.basis.setCurrentIndex(self.basis.findData(ctx.legal_basis.kind.value))
        self.reference = QLineEdit(ctx.legal_basis.reference)
        self.reference.setPlaceholderText("warrant number, subpoena index number, consent form id")
        self.klass = QComboBox()
        for c in DisclosureClass:
            self.klass.addItem(c.value, c.value)
        self.klass.setCurrentIndex(self.klass.findData(ctx.disclosure_class.value))
        self.request_ref = QLineEdit(ctx.request_reference)
        self.approval_ref = QLineEdit(ctx.approval_reference)
        form.addRow("Recipient", self.recipient)
        form.addRow("Legal basis", self.basis)
        form.addRow("Reference", self.reference)
        form.addRow("§23-1202 class", self.klass)
        form.addRow("Request reference", self.request_ref)
        form.addRow("Approval reference", self.approval_ref)
        self.policy_label = QLabel("")
        self.policy_label.setWordWrap(True)
        self.recipient.currentIndexChanged.connect(self._show_policy)
        self.error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        gate(self.buttons.button(QDialogButtonBox.StandardButton.Save), user, Permission.DECIDE)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_policy()

    def _show_policy(self) -> None:
        policy = self.service.policies.policy(RecipientType(self.recipient.currentData()))
        self.policy_label.setText(f"<i>{policy.description}</i>")

    def context(self) -> DisclosureContext:
        return DisclosureContext(RecipientType(self.recipient.currentData()),
                                 LegalBasis.of(LegalBasisKind(self.basis.currentData()), self.reference.text()),
                                 DisclosureClass(self.klass.currentData()), self.request_ref.text().strip(),
                                 self.approval_ref.text().strip())

    def save(self) -> bool:
        try:
            self.service.set_context(self.case_id, self.user, self.context())
        except WorkstationError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class SignOffDialog(QDialog):
    """What counsel signs (protected items released, overrides, anything pending, what blocks export), then the
    sign-off itself, which needs counsel's passphrase."""

    def __init__(self, service: CaseService, case_id: str, user: User, users: UserDirectory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self.setWindowTitle(f"Sign off — {user.name} ({user.role.value})")
        self.service, self.case_id, self.user, self.users = service, case_id, user, users
        self.summary = QTextBrowser()
        self.summary.setObjectName("signOffSummary")
        self.summary.setMinimumSize(640, 360)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("your passphrase")
        self.note = QLineEdit()
        self.note.setPlaceholderText("note (optional)")
        self.error = _error_label()
        self.sign_button = QPushButton("Sign off")
        self.sign_button.setObjectName("signOffButton")
        self.sign_button.clicked.connect(self.sign)
        gate(self.sign_button, user, Permission.SIGN_OFF, "Sign the case off with your passphrase")
        self.passphrase.setEnabled(self.sign_button.isEnabled())
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase)
        form.addRow("Note", self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sign_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        s = self.service.signoff_summary(self.case_id)
        rec = self.service.record(self.case_id)
        parts = [f"<h3>{_esc(rec.name if rec else self.case_id)}</h3>",
                 f"<p>State: <b>{s['state']}</b><br>Recipient: <b>{_esc(s['recipient'])}</b><br>"
                 f"Legal basis: {_esc(s['legal_basis'])}<br>§23-1202 class: {_esc(s['disclosure_class'])}<br>"
                 f"Items: {s['items']}</p>",
                 f"<p>Why sign-off is needed: {_esc(s['signoff_reason'] or 'not required by the policy')}</p>"]
        parts.append(f"<h4>Protected items released ({len(s['protected_released'])})</h4>")
        parts.append(_list([f"{document_label(d)} p.{p}: {c}" for d, p, c in s["protected_released"]]))
        parts.append(f"<h4>Overrides ({len(s['overrides'])})</h4>")
        parts.append(_list([f"{o.category} by {o.actor} at {o.at} — {o.legal_basis.describe()} — {o.reason}"
                            for o in s["overrides"]]))
        parts.append(f"<h4>Pending ({len(s['pending'])})</h4>")
        parts.append(_list([f"{document_label(d)} p.{p}: {c} ({dec})" for d, p, c, dec in s["pending"]]))
        parts.append("<h4>Export</h4>")
        parts.append(_list(s["problems"]) if s["problems"] else "<p>ready</p>")
        self.summary.setHtml("".join(parts))
        self.pending = len(s["pending"])

    def sign(self) -> bool:
        self.error.setText("")
        notices: list[str] = []
        try:
            secret = self.passphrase.text()
            self.passphrase.clear()
            try:
                who = self.users.authenticate(self.user.name, secret)
            except PermissionDenied:
                self.service.record_login_failure(self.user.name, self.user.name in self.users, "window sign-off")
                raise
            signer = self.users.unlock(who.name, secret)  # counsel's key signs what is approved
            self.service.sign_off(self.case_id, who, self.note.text().strip(), notices=notices, signer=signer)
        except WorkstationError as exc:
            self.passphrase.clear()
            self.error.setText(str(exc))
            self.refresh()
            return False
        self.refresh()
        _tell(self.parent(), notices)  # personal information in the note was masked: say so
        self.accept()
        return True


class AuditView(QDialog):
    """The supervisor's view of a case's trail: filter, verify, and spot-check a stratified sample."""

    COLUMNS = ("#", "time", "actor", "role", "event", "details")

    def __init__(self, service: CaseService, case_id: str, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.setWindowTitle(f"Audit trail — {user.name} ({user.role.value})")
        self.service, self.case_id, self.user = service, case_id, user
        self.resize(1200, 760)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("filter (actor, event, category, document ...)")
        self.filter.textChanged.connect(self._apply_filter)
        self.event_combo = QComboBox()
        self.event_combo.currentIndexChanged.connect(self._apply_filter)
        self.verify_button = QPushButton("Verify chain")
        self.verify_button.clicked.connect(self.verify)
        gate(self.verify_button, user, Permission.READ, "Recompute every record's hash and link")
        self.verify_label = QLabel("")
        self.verify_label.setObjectName("verifyLabel")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.event_combo)
        top.addWidget(self.verify_button)
        top.addWidget(self.verify_label)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()

        # spot-check
        self.rate = QDoubleSpinBox()
        self.rate.setRange(1, 100)
        self.rate.setValue(10)
        self.rate.setSuffix(" %")
        self.seed = QLineEdit()
        self.seed.setPlaceholderText("seed (optional)")
        self.draw_button = QPushButton("Draw sample")
        self.draw_button.clicked.connect(self.draw)
        gate(self.draw_button, user, Permission.SPOT_CHECK, "Draw a stratified sample (category × decision)")
        self.sample_table = QTableWidget(0, 6)
        self.sample_table.setHorizontalHeaderLabels(("item", "category", "decision", "where", "reviewer", "result"))
        self.sample_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.sample_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sample_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.sample_table.verticalHeader().hide()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText("comment (required for a fail)")
        self.pass_button = QPushButton("Pass")
        self.fail_button = QPushButton("Fail")
        self.pass_button.clicked.connect(lambda: self.record(True))
        self.fail_button.clicked.connect(lambda: self.record(False))
        for b in (self.pass_button, self.fail_button):
            gate(b, user, Permission.SPOT_CHECK)
        self.error = _error_label()
        spot = QHBoxLayout()
        spot.addWidget(QLabel("<b>Spot-check</b>"))
        spot.addWidget(self.rate)
        spot.addWidget(self.seed)
        spot.addWidget(self.draw_button)
        spot.addStretch(1)
        verdict = QHBoxLayout()
        verdict.addWidget(self.comment, 1)
        verdict.addWidget(self.pass_button)
        verdict.addWidget(self.fail_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addLayout(spot)
        layout.addWidget(self.sample_table, 2)
        layout.addLayout(verdict)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        records = self.service.audit_records(self.case_id)
        events = sorted({r.event for r in records})
        current = self.event_combo.currentData()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        self.event_combo.addItem("all events", None)
        for e in events:
            self.event_combo.addItem(e, e)
        if current in events:
            self.event_combo.setCurrentIndex(self.event_combo.findData(current))
        self.event_combo.blockSignals(False)
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            details = {k: v for k, v in r.details.items() if k not in ("case_id", "action_id")}
            for col, value in enumerate((str(r.seq), r.at, r.actor, r.role, r.event,
                                         json.dumps(details, ensure_ascii=False, sort_keys=True))):
                item = QTableWidgetItem(value)
                item.setToolTip(value if col == 5 else "")
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self._apply_filter()
        self._show_sample()

    def _apply_filter(self) -> None:
        needle = self.filter.text().strip().lower()
        event = self.event_combo.currentData()
        for row in range(self.table.rowCount()):
            texts = [_text(self.table.item(row, c)) for c in range(self.table.columnCount())]
            hide = (event is not None and texts[4] != event) or (bool(needle) and needle not in " ".join(texts).lower())
            self.table.setRowHidden(row, hide)

    def visible_rows(self) -> int:
        return sum(1 for r in range(self.table.rowCount()) if not self.table.isRowHidden(r))

    def verify(self) -> bool:
        result = self.service.verify(self.case_id)  # an existing case with no records is broken too
        if result.ok:
            self.verify_label.setText(f"<span style='color:{OK_TEXT}'>✔ intact: {result.count} records</span>")
        else:
            self.verify_label.setText(f"<span style='color:{ERROR_TEXT}'>✘ broken at record {(result.bad_index or 0) + 1}:"
                                      f" {_esc(result.reason)}</span>")
        return result.ok

    def draw(self) -> None:
        self.error.setText("")
        try:
            self.service.draw_sample(self.case_id, self.user, self.rate.value(), self.seed.text().strip() or None)
        except WorkstationError as exc:
            self.error.setText(str(exc))
        self.refresh()

    def _show_sample(self) -> None:
        current = self.service.current_sample(self.case_id)
        items = current[1] if current else []
        verdicts = current[2] if current else {}
        self.sample_table.setRowCount(len(items))
        for row, i in enumerate(items):
            v = verdicts.get(i.id)
            result = ("pass" if v[0] else f"fail: {v[1]}") if v else ""
            values = (i.id, i.category, i.decision or "pending",
                      f"{document_label(i.key.document)} p.{i.key.page} chars {i.key.start}-{i.key.end}",
                      i.record.user if i.record else "", result)
            for col, value in enumerate(values):
                self.sample_table.setItem(row, col, QTableWidgetItem(value))
        self.sample_table.resizeColumnsToContents()
        self.sample_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def record(self, passed: bool) -> bool:
        self.error.setText("")
        row = self.sample_table.currentRow()
        if row < 0:
            self.error.setText("select a sampled item first")
            return False
        ident = _text(self.sample_table.item(row, 0))
        notices: list[str] = []
        try:
            self.service.record_verdict(self.case_id, self.user, ident, passed, self.comment.text(),
                                        notices=notices)
        except WorkstationError as exc:
            self.error.setText(str(exc))
            return False
        self.comment.clear()
        self.refresh()
        self.sample_table.selectRow(min(row + 1, self.sample_table.rowCount() - 1))
        self.error.setText(" ".join(notices))  # personal information in the comment was masked: say so
        return True


def _tell(window: object, notices: list[str]) -> None:
    """Show ``notices`` in the window's status bar (a dialog that closes cannot show them)."""
    status = getattr(window, "statusBar", None)
    if notices and status is not None:
        status().showMessage(" ".join(notices), 15000)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def _esc(text: object) -> str:
    import html

    return html.escape(str(text))


def _list(lines: list[str]) -> str:
    if not lines:
        return "<p><i>none</i></p>"
    return "<ul>" + "".join(f"<li>{_esc(line)}</li>" for line in lines) + "</ul>"


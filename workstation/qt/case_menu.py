"""The window's hooks for cases under a disclosure policy: a "Case" menu (properties, sign-off, audit trail),
role-gated actions with the reason in the tooltip, the scan recorded and the export run through the case service.

``install(window, users)`` is called once by ``app.build_window``; it sets the window's hooks, so ``main_window``
only calls them. The rules on each decision are the service's (``CaseService.apply_action``), not the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from workstation.documents.pdf_work import PdfWorkProcess
from workstation.domain import categories
from workstation.domain.roles import Permission, User, UserDirectory
from workstation.qt import workflow
from workstation.qt.case_dialogs import AuditView, CasePropertiesDialog, SignOffDialog, why_not
from workstation.qt.workers import ExportJob
from workstation.service import CaseService
from workstation.service.scanning import engine_versions


def install(window: Any, users: UserDirectory) -> None:
    window.users = users
    account: User = window.account
    _wire(window)
    menu = window.menuBar().addMenu("&Case")
    window.properties_action = QAction("Case properties…", window)
    window.signoff_action = QAction("Sign off…", window)
    window.audit_action = QAction("Audit trail and spot-check…", window)
    window.properties_action.triggered.connect(lambda: open_properties(window))
    window.signoff_action.triggered.connect(lambda: open_signoff(window))
    window.audit_action.triggered.connect(lambda: open_audit(window))
    for action in (window.properties_action, window.signoff_action, window.audit_action):
        menu.addAction(action)
    menu.setToolTipsVisible(True)
    for action, permission, tip in ((window.properties_action, Permission.DECIDE, "Recipient, legal basis, class"),
                                    (window.signoff_action, Permission.SIGN_OFF, "Counsel's sign-off"),
                                    (window.audit_action, Permission.READ, "The hash-chained audit trail")):
        reason = why_not(account, permission)
        action.setEnabled(reason is None)
        action.setToolTip(reason or tip)
    workflow.install(window, menu)
    window.on_case_opened = _opened
    window.on_engine_ready = _wire
    window.scan_recorder = _scan_recorder
    window.on_scan_complete = _scanned
    window.before_export = lambda: window.case_service.check_export(window.case.id, window.account)
    window.export_job = lambda out_dir, scanned: _export_job(window, out_dir, scanned)
    window.after_export = lambda outcome: show_state(window)
    if window.case is not None:
        _opened(window)


def _wire(window: Any) -> None:
    """The service checks free text typed in the window (a release reason, a sign-off note, a comment, the case's
    references) with the window's engine, once it is built, and the findings of the case on screen: the same
    ``CaseService.screen`` as the command line."""
    service: CaseService = window.case_service
    engine = getattr(window, "engine", None)
    service.detector = engine.analyze_many if engine is not None else None

    def findings(case_id: str) -> list:
        if window.case is None or window.case.id != case_id:
            return []
        return [f for found in window.session.findings.values() for f in found]

    service.case_findings = findings


def _opened(window: Any) -> None:
    service: CaseService = window.case_service
    _wire(window)
    service.ensure_state(window.case, window.account)
    show_state(window)


def show_state(window: Any) -> None:
    """The case's recipient and state beside its name (after opening, signing off, exporting, a change of
    properties), and the recipient's reason codes as the defaults for the next redactions."""
    service: CaseService = window.case_service
    case = service.state(window.case.id)
    window.case_label.setText(f"{window.case_title} · {case.context.recipient.value} · {case.state.value}")
    codes = {c: service.policies.exemption_code(case.context.recipient, c) for c in categories.ALL}
    window.set_reason_codes({c: code for c, code in codes.items() if code})
    window.set_exemption_codes([(c.label, c.summary) for c in service.policies.catalog.choices(case.context.recipient)])


def _scan_recorder(window: Any) -> Callable[[list, Any], None] | None:
    """The function that records the scan of the case just opened (finding keys, document hashes, engine
    versions) in the store and the trail: run in the loader's thread, on a connection of its own to the store
    (thousands of rows; the window goes on meanwhile). None when the store cannot be opened twice (in memory):
    ``_scanned`` then records it on the window's thread."""
    if window.case is None or not window.account.can(Permission.OPEN_CASE) or not window.case_service.shareable:
        return None
    service: CaseService = window.case_service
    case, account = window.case, window.account

    def record(scanned: list, engine: Any) -> None:
        with service.on_own_connection() as own:  # this thread's connection (a connection serves one thread)
            own.record_scan(case, account, scanned, engine_versions(engine), policy_decisions=False, engine=engine)

    return record


def _export_job(window: Any, out_dir: Path, scanned: list) -> ExportJob | None:
    """The case's export as the command line's ``case export`` does it (``CaseService.export``: the policy's
    locked categories and overrides, the Vaughn index and the disclosure record beside the PDFs and logs, the
    outputs' SHA-256s and the new state in the audit trail), on a connection of the export thread's own when
    the store allows a second one."""
    if window.case is None:
        return None
    service: CaseService = window.case_service
    case_id, account = window.case.id, window.account
    if not service.shareable:
        return ExportJob(lambda progress: service.export(case_id, account, scanned, out_dir, progress),
                         in_thread=False)

    def run(progress: Callable[[int, int, str], None]) -> Any:
        # the PDF work in a process of its own: PyMuPDF's long calls would otherwise stall the window
        with service.on_own_connection() as own, PdfWorkProcess() as pdf_work:
            return own.export(case_id, account, scanned, out_dir, progress, run_pdf=pdf_work)

    return ExportJob(run)


def _scanned(window: Any, scanned: list) -> None:
    """Record the scan (finding keys, document hashes, engine versions) in the store and the trail."""
    if window.case is None or not window.account.can(Permission.OPEN_CASE):
        return
    window.case_service.record_scan(window.case, window.account, scanned, engine_versions(window.engine),
                                    policy_decisions=False, engine=window.engine)


def open_properties(window: Any) -> CasePropertiesDialog:
    _wire(window)
    dialog = CasePropertiesDialog(window.case_service, window.case.id, window.account, window)
    dialog.finished.connect(lambda _result: show_state(window))
    dialog.show()
    return dialog


def open_signoff(window: Any) -> SignOffDialog:
    _wire(window)
    dialog = SignOffDialog(window.case_service, window.case.id, window.account, window.users, window)
    dialog.finished.connect(lambda _result: show_state(window))
    dialog.show()
    return dialog


def open_audit(window: Any) -> AuditView:
    _wire(window)
    dialog = AuditView(window.case_service, window.case.id, window.account, window)
    dialog.show()
    return dialog

"""The window's export: the pre-flight check first, then the verified pipeline in the background (``CaseService.export``
through the window's ``export_job``); pending and deferred findings are never decided here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workstation.domain.errors import WorkstationError
from workstation.pipeline import ScannedDocument
from workstation.qt.preflight import PreflightDialog
from workstation.qt.workers import (
    ExportOutcome,
    ExportWorker,
    run_export,
)

if TYPE_CHECKING:
    from workstation.qt.main_window import MainWindow


class ExportFlow:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def start_export(self) -> None:
        """Ctrl+E: the pre-flight check (every blocker at once, each leading to its fix), then the folder."""
        if self.w.case is None:
            return
        if self.w.preflight is not None:
            self.w.preflight.close()
        self.w.preflight = PreflightDialog(self.w)
        self.w.preflight.show()
        self.w.preflight.raise_()

    def export_to(self, out_dir: Path) -> bool:
        """Export the case into ``out_dir`` through the verified pipeline (in the background). Pending and
        deferred findings block it: they are never decided in bulk here (the pre-flight check lists them)."""
        if self.w.case is None or self.w.detecting or self.w.exporting:
            return False
        pending = self.w.session.pending()
        deferred = self.w.session.deferred()
        if pending or deferred:
            msg = (f"Export blocked: {len(pending)} finding(s) not reviewed, {len(deferred)} deferred to counsel. "
                   "Review them (N walks the pending ones; Case > Counsel queue lists the deferred).")
            self.w.last_export = ExportOutcome(False, msg, str(out_dir))
            self.w.statusBar().showMessage(msg, 8000)
            return False
        conflicts = [f for ld in self.w.docs for f in self.w.session.conflicts(ld.path)]
        if conflicts:
            f = conflicts[0]
            msg = (f"{len(conflicts)} finding(s) are left visible although the same text is redacted elsewhere in "
                   f"the document (first: {f.entity_type} on page {self.w.by_path[f.document].first_page_of(f)} of "
                   f"{self.w.by_path[f.document].name}). The verifier would refuse the export: decide every "
                   "occurrence the same way (Shift+R / Shift+E).")
            self.w.last_export = ExportOutcome(False, msg, str(out_dir))
            self.w._inform("Export blocked", msg, False)
            self.w.set_current(f)
            return False
        scanned: list[ScannedDocument] = []
        skipped: list[str] = []
        for ld in self.w.docs:
            if ld.error or ld.scanned is None or ld.layout is None:
                skipped.append(f"{ld.name} ({ld.error or 'not loaded'})")
                continue
            if ld.scanned.scanned_pages:
                skipped.append(f"{ld.name} (page(s) {', '.join(map(str, ld.scanned.scanned_pages))} have no text: "
                               "OCR needed)")
                continue
            scanned.append(ld.scanned)
        if not scanned:
            msg = "Nothing can be exported: " + "; ".join(skipped)
            self.w.last_export = ExportOutcome(False, msg, str(out_dir))
            self.w._inform("Export blocked", msg, False)
            return False
        job = self.w.export_job(out_dir, scanned) if self.w.export_job is not None else None
        if job is None:
            msg = "Export is not available: no case is open under a disclosure policy"
            self.w.last_export = ExportOutcome(False, msg, str(out_dir))
            self.w._inform("Export refused", msg, False)
            return False
        before_export = getattr(self.w, "before_export", None)
        if before_export is not None and not job.in_thread:
            # the case's rules (sign-off, protected items), enforced in the domain. A job in a thread checks them
            # itself before it writes anything (``CaseService.export``), off this thread: on a 300-page case the
            # check alone took ~0.2 s; its refusal comes back as the export's outcome
            try:
                before_export()
            except WorkstationError as exc:
                msg = f"Export refused: {exc}"
                self.w.last_export = ExportOutcome(False, msg, str(out_dir))
                self.w._inform("Export refused", msg, False)
                return False
        self.w._export_skipped = skipped
        self.w.exporting = True
        self.w.progress.setRange(0, len(scanned) + 1)
        self.w.progress.setValue(0)
        self.w.progress.setFormat("Exporting %v/%m")
        self.w.progress.show()
        if not job.in_thread:  # the store cannot be used from another thread (in memory): export here
            self._on_export_finished(run_export(job, out_dir, self._on_export_progress))
            return True
        worker = ExportWorker(job, out_dir)
        self.w.mailbox.connect(worker.progress, self._on_export_progress)
        self.w.mailbox.connect(worker.finished, self._on_export_finished)
        self.w._export_worker = worker
        self.w.mailbox.start(worker)
        return True

    def _on_export_progress(self, done: int, total: int, text: str) -> None:
        self.w.progress.setRange(0, total)
        self.w.progress.setValue(done)
        self.w.statusBar().showMessage(text)

    def _on_export_finished(self, outcome: ExportOutcome) -> None:
        self.w.exporting = False
        self.w.progress.hide()
        if outcome.ok and self.w._export_skipped:
            outcome.message += f". NOT exported: {'; '.join(self.w._export_skipped)}"
        self.w.last_export = outcome  # the case service has recorded it in the case's audit trail
        if self.w.after_export is not None:
            self.w.after_export(outcome)
        self.w.statusBar().showMessage(outcome.message, 15000)
        self.w._inform("Export verified" if outcome.ok else "Export failed", outcome.message, outcome.ok)
        if self.w._export_worker is not None:
            self.w._export_worker.wait(10.0)
            self.w._export_worker = None


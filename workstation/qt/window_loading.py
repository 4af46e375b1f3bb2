"""Opening a case in the window: its files loaded and detected in the background (``workers.CaseLoader``), each
document shown as it comes, the scan recorded through the case service, the reviewer's place resumed, and the
recipient's reason codes offered."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
)

from workstation.domain.errors import InputError, WorkstationError
from workstation.domain.model import Document
from workstation.domain.review import (
    FindingKey,
    ReviewSession,
)
from workstation.pipeline import Analyzer, Layout
from workstation.qt.loaded_document import LoadedDocument
from workstation.qt.theme import ERROR_TEXT, MUTED_TEXT, OK_TEXT, PLAIN_TEXT
from workstation.qt.workers import (
    CaseLoader,
    ScanResult,
)

if TYPE_CHECKING:
    from workstation.qt.main_window import MainWindow


class CaseLoading:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def choose_and_open(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, "Open a case folder")
        if folder:
            self.open_case([folder])

    def open_case(self, paths: Sequence[str | Path]) -> bool:
        from workstation.documents.intake import case_sources, expand_paths

        self._stop_loader()
        self.w._flush_cursor()  # the place in the case being left
        try:
            sources = case_sources(paths)  # links checked as given (a linked folder named directly is refused)
            files = expand_paths(sources)
        except InputError as exc:
            self.w.page_view.show_message(f"Cannot open the case:\n{exc}")
            self.w.statusBar().showMessage(f"Cannot open the case: {exc}")
            return False
        name = Path(sources[0]).name if len(sources) == 1 else f"{Path(sources[0]).name} + {len(sources) - 1}"
        try:
            opened = self.w.case_service.open_for_review(sources, name, self.w.account)
        except WorkstationError as exc:  # a role that may not create cases, a store that refuses
            self.w.page_view.show_message(f"Cannot open the case:\n{exc}")
            self.w.statusBar().showMessage(f"Cannot open the case: {exc}")
            return False
        self.w.case = opened.record
        hook = self.w.suggestion_filter_for
        self.w.finding_filter = hook(sources, self.w.account.name) if hook is not None else None
        self.w.session = ReviewSession(self.w.policy.reason_codes, self.w.user)
        self.w.session.load(opened.decisions, opened.manual, opened.allow_list)
        self.w._resume = dict(self.w.case.cursor)
        for d in self.w.docs:
            if d.raster is not None:
                d.raster.close()
        self.w.docs, self.w.by_path = [], {}
        self.w.current, self.w.current_doc, self.w.current_page = None, None, 0
        self.w.doc_list.clear()
        self.w.findings.set_findings([], {}, self.w.session.state)
        self.w.case_title = f"{html.escape(name)} · {len(files)} file(s)"
        self.w.case_label.setText(self.w.case_title)
        self.w.setWindowTitle(f"{name} — {self.w.user} ({self.w.role}) — Disclosure Review Workstation")
        if self.w.on_case_opened is not None:
            self.w.on_case_opened(self.w)
        self.w._fit_on_first_page = "zoom" not in self.w._resume
        if "zoom" in self.w._resume:
            self.w.page_view.zoom = float(self.w._resume["zoom"])
            self.w.zoom_label.setText(f"{round(self.w.page_view.zoom * 100)}%")
        self.w.page_view.show_message("Loading the case…")
        self.w.detecting = True
        self.w.progress.setRange(0, 0)
        self.w.progress.setFormat("Loading…")
        self.w.progress.show()
        recorder = self.w.scan_recorder(self.w) if self.w.scan_recorder is not None else None
        self.w._recording_in_loader = recorder is not None
        loader = CaseLoader(files, self.w.engine, self.w.engine_factory, recorder,
                            text_key=self.w.case_service.text_key(self.w.case.id))  # findings keyed as the store's
        on = self.w.mailbox.connect
        on(loader.firstPage, self._on_first_page)
        on(loader.documentLoaded, self._on_document_loaded)
        on(loader.fileFailed, self._on_file_failed)
        on(loader.documentScanned, self._on_document_scanned)
        on(loader.documentScanFailed, self._on_scan_failed)
        on(loader.engineReady, self._on_engine_ready)
        on(loader.progress, self._on_progress)
        on(loader.ocrProgress, self._on_ocr_progress)
        on(loader.recordFailed, self._on_record_failed)
        on(loader.finished, self._on_loader_finished)
        self.w._loader = loader
        self.w.mailbox.start(loader)
        self.w._update_status()
        return True

    def _stop_loader(self) -> None:
        """Stop loading the case (its messages not yet shown are dropped)."""
        if self.w._loader is not None:
            self.w._loader.stop(60.0)
        self.w._loader = None

    # The receivers of the background workers' messages (called on this thread by the mailbox)
    def _on_engine_ready(self, engine: Analyzer) -> None:
        self.w.engine = engine  # built once; the next case reuses it
        if self.w.on_engine_ready is not None:  # free text (a release reason) can be checked from now on
            self.w.on_engine_ready(self.w)

    def _add_doc(self, ld: LoadedDocument) -> None:
        self.w.docs.append(ld)
        self.w.by_path[ld.path] = ld
        item = QListWidgetItem()
        self.w.doc_list.addItem(item)
        self._paint_doc(ld)

    def _paint_doc(self, ld: LoadedDocument) -> None:
        row = self.w.docs.index(ld)
        item = self.w.doc_list.item(row)
        if ld.error:
            item.setText(f"⚠ {ld.name}\n    {ld.error}")
            item.setForeground(QColor(ERROR_TEXT))
            item.setToolTip(f"{ld.path}\n{ld.error}")
            return
        pages = ld.page_count
        scanned = ld.document.scanned_pages if ld.document is not None else []
        if scanned and not ld.ready and not self.w.detecting:
            status = "scanned pages not read (detection stopped)"
            item.setForeground(QColor(ERROR_TEXT))
        elif scanned and not ld.ready:
            done, total = ld.ocr_done or (0, len(scanned))
            status = f"reading scanned pages (OCR): {done} of {total}"
            item.setForeground(QColor(MUTED_TEXT))
        elif scanned:
            status = f"page(s) {', '.join(map(str, scanned))} scanned: OCR failed or unavailable, not exportable"
            item.setForeground(QColor(ERROR_TEXT))
        elif not ld.ready:
            status = "detecting…"
            item.setForeground(QColor(MUTED_TEXT))
        else:
            done, total = self.w.session.progress(ld.path)
            deferred = len(self.w.session.deferred(ld.path))
            status = f"{done} of {total} reviewed" + ("  ✓" if done == total else "")
            if deferred:
                status += f" · ⚑ {deferred} deferred to counsel"
            item.setForeground(QColor(OK_TEXT) if done == total else QColor(PLAIN_TEXT))
        item.setText(f"{ld.name}\n    {pages} page{'s' if pages != 1 else ''} · {status}")
        item.setToolTip(ld.path + "".join(f"\nnote: {n}" for n in (ld.document.notes if ld.document else ())))

    def _on_first_page(self, pdf: bytes | None) -> None:
        """The case's first PDF, page 1, on screen while its text is still being read (a large PDF takes seconds)."""
        self.w.page_view.show_preview(pdf, fit=self.w._fit_on_first_page)

    def _on_document_loaded(self, doc: Document, lay: Layout | None, source_file: str) -> None:
        ld = LoadedDocument(doc.path, doc.display_name, source_file, document=doc, layout=lay)
        self.w.session.add_document(doc.path)
        self._add_doc(ld)
        want = self.w._resume.get("document")
        if self.w.current_doc is None or (want == doc.path and self.w.current is None):
            page = int(self.w._resume.get("page", 1)) if want == doc.path else 1
            self.w.show_document(ld, page)

    def _on_file_failed(self, path: str, message: str) -> None:
        ld = LoadedDocument(path, Path(path).name, path, error=message)
        self._add_doc(ld)
        self.w.statusBar().showMessage(f"{Path(path).name}: {message}", 8000)

    def _on_scan_failed(self, path: str, message: str) -> None:
        ld = self.w.by_path.get(path)
        if ld is not None:
            ld.error = message
            self._paint_doc(ld)

    def _on_document_scanned(self, result: ScanResult) -> None:
        try:
            self._show_scanned(result)
        finally:
            result.shown.set()

    def _show_scanned(self, result: ScanResult) -> None:
        sd = result.scanned
        ld = self.w.by_path[sd.document.path]
        ld.scanned = sd
        ld.document = sd.document
        if result.layout is not None:
            ld.layout = result.layout
            if ld.raster is not None:
                ld.raster.close()
                ld.raster = None
        findings = result.findings
        if self.w.finding_filter is not None:  # a practice case: only the suggestions the trainee is shown
            findings = self.w.finding_filter(findings)
            keep = {f.key for f in findings}
            sd.findings[:] = [f for f in sd.findings if f.key in keep]  # and only those are recorded
            result.by_page = {p: [f for f in fs if f.key in keep] for p, fs in result.by_page.items()}
        ld.placements, ld.by_page = result.placements, result.by_page
        self.w.session.set_findings(ld.path, findings)
        self._paint_doc(ld)
        if ld is self.w.current_doc:
            self.w._load_findings_panel(ld)
            self.w._refresh_page()
        if self.w.current is None:
            self._maybe_resume_or_start(ld)
        self.w._update_status()

    def _maybe_resume_or_start(self, ld: LoadedDocument) -> None:
        """Go back to the finding the reviewer was on when the case was last closed (once its document is
        detected), or else start at the first pending finding."""
        target = self.w.by_path.get(self.w._resume.get("document", ""))
        if target is not None and not target.ready and not target.error:
            return  # wait for the document the reviewer was on
        key = self.w._resume.get("finding")
        found = self.w.session.find(FindingKey(*key)) if key else None
        if found is None:
            found = self.w.session.next_pending(None)
        if found is not None:
            self.w.set_current(found)

    def set_exemption_codes(self, codes: Sequence[tuple[str, str]]) -> None:
        """Every exemption code of the case's recipient policy with its description (``ExemptionCatalog.choices``:
        the recipient's code set - FOIL's 87(2)(a)-(j), FOIA's (b)(6)/(b)(7)(C) - and the NYC codes)."""
        self.w.exemption_codes = list(codes)
        self._fill_reason_codes()

    def _fill_reason_codes(self) -> None:
        """The dropdown: the policy's default codes first (combined codes as the policy gives them), then every
        code of the recipient's list; each with its description (text and tooltip)."""
        described = dict(self.w.exemption_codes)
        current = self.reason_code()
        self.w.reason_combo.clear()
        entries = [(c, " ".join(described.get(p.strip(), "") for p in c.split(";")).strip())
                   for c in self.w.session.reason_code_choices()]
        entries += [(c, d) for c, d in self.w.exemption_codes if c not in dict(entries)]
        for code, description in entries:
            short = description if len(description) <= 90 else description[:89].rstrip() + "…"
            self.w.reason_combo.addItem(f"{code} — {short}" if description else code, code)
            self.w.reason_combo.setItemData(self.w.reason_combo.count() - 1, description or code,
                                          Qt.ItemDataRole.ToolTipRole)
        idx = self.w.reason_combo.findData(current)
        self.w.reason_combo.setCurrentIndex(max(0, idx))

    def reason_code(self) -> str:
        """The exemption code chosen for the next redaction."""
        return str(self.w.reason_combo.currentData() or self.w.reason_combo.currentText())

    def set_reason_codes(self, codes: dict[str, str]) -> None:
        """The default reason code of each category (the case's recipient policy: FOIL codes for a public
        requester, FOIA codes for a federal agency...) and the choices offered for a redaction."""
        self.w.session.reason_codes = dict(codes)
        self._fill_reason_codes()
        if self.w.current is not None:
            self.w.set_current(self.w.current)

    def _on_ocr_progress(self, path: str, done: int, total: int) -> None:
        ld = self.w.by_path.get(path)
        if ld is not None:
            ld.ocr_done = (done, total)
            self._paint_doc(ld)

    def _on_progress(self, done: int, total: int) -> None:
        self.w.progress.setRange(0, max(total, 1))
        self.w.progress.setValue(done)
        self.w.progress.setFormat(f"Detecting %v of {total}")

    def _on_loader_finished(self) -> None:
        self.w.detecting = False
        self.w.progress.hide()
        for d in self.w.docs:
            if not d.ready and not d.error:  # detection stopped before it (its pane line said "detecting")
                self._paint_doc(d)
        total = sum(len(d.scanned.findings) for d in self.w.docs if d.scanned)
        failed = sum(1 for d in self.w.docs if d.error)
        msg = f"Detection complete: {total} findings in {len(self.w.docs) - failed} document(s)"
        if failed:
            msg += f"; {failed} could not be opened"
        self.w.statusBar().showMessage(msg, 10000)
        if not self.w._recording_in_loader and self.w.on_scan_complete is not None:
            self.w.on_scan_complete(self.w, [d.scanned for d in self.w.docs if d.scanned is not None])
        if self.w.current is None:
            nxt = self.w.session.next_pending(None)
            if nxt is not None:
                self.w.set_current(nxt)
        self.w._update_status()

    def _on_record_failed(self, message: str) -> None:
        self.w.statusBar().showMessage(f"The scan could not be recorded in the case store: {message}", 15000)


"""The case's verified export under its recipient's policy, with its reports and its record in the trail."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.domain.errors import (
    ExportRefused,
    WorkstationError,
)
from workstation.domain.model import Finding, laid_out
from workstation.domain.naming import FALLBACK, SensitiveTerms, safe_label
from workstation.domain.policy_engine import (
    Disposition,
    is_pending,
)
from workstation.domain.review import (
    FindingKey,
)
from workstation.domain.roles import User
from workstation.service.items import (
    ExportResult,
    _write,
    document_sha256,
)
from workstation.service.layouts import misplaced_boxes
from workstation.service.reports import Reports


@dataclass(frozen=True)
class PagePreview:
    """One page as the export will write it (a one-page PDF) and what is on it."""

    pdf: bytes
    page: int
    boxes: int  # redaction boxes on the page
    codes: int  # of them, boxes that carry an exemption code
    undecided: int  # findings of the document given that are pending or deferred (shown removed: fail closed)


class Export(Reports):
    def export(self, case_id: str, user: User, scanned: Sequence[Any], out_dir: Path,
               progress: Callable[[int, int, str], None] | None = None,
               run_pdf: Callable[..., Any] | None = None) -> ExportResult:
        """Export under the case's policy through the verified pipeline; write the Vaughn index (CSV, PDF) and
        the disclosure record; record the export (output SHA-256s, verification) and the new state.
        ``progress(done, total, what)`` is called before each document and before the files are written.
        ``run_pdf(fn, *args)`` runs the PDF work (redaction, verification, the Vaughn index PDF): in this process
        by default, in a worker process for the window (``documents.pdf_work``)."""
        from workstation.documents.pdf_work import run_here
        from workstation.documents.report_pdf import table_pdf as make_table_pdf

        run = run_pdf or run_here

        def table_pdf(*args: Any, **kwargs: Any) -> bytes:
            return run(make_table_pdf, *args, **kwargs)
        from workstation.pipeline import (
            build_export,
            document_labels,
            keyed,
            label_generic_words,
            layout,
            output_paths,
            write_exports,
        )

        self.check_export(case_id, user)
        text_key = self.store.text_key(case_id)
        scanned = keyed(scanned, text_key)  # digests under the case's secret, as the reviewed scan's
        case = self.state(case_id)
        rec = self.store.case(case_id)
        assert rec is not None
        stored = {d: sha for d, sha, _ in self.store.scanned_documents(case_id)}
        items = {i.key: i for i in self.items(case_id)}
        # a source changed or added since the review: refused, and recorded (naming a file that was not scanned by
        # the fallback label, as its name may carry what the redactions remove)
        unscanned = {s.document.path: FALLBACK for s in scanned if s.document.path not in stored}
        with self._audited(case_id, user, "export", {**unscanned, **self.store.document_labels(case_id)}):
            for s in scanned:
                if s.document.path not in stored:
                    raise ExportRefused(f"{case_id}: export refused: {s.document.path} was added since the case was "
                                        "scanned")
                if stored[s.document.path] != document_sha256(s.document):
                    raise ExportRefused(f"{case_id}: export refused: {s.document.path} changed since it was scanned")
                for f in s.findings:
                    if FindingKey.of(f) not in items:
                        raise ExportRefused(f"{case_id}: export refused: {s.document.path} p.{f.page}: a "
                                            f"{f.entity_type} finding was not in the reviewed scan")
            # a manual box drawn on an earlier layout of a text-like page, or on a PDF page that is not there, is never
            # used (``service.layouts``): by the documents' own kinds now that they are loaded
            kinds = {s.document.path: s.document.kind for s in scanned}
            own_pages = {s.document.path: len(s.document.pages) for s in scanned
                         if not laid_out(s.document.path, s.document.kind)}
            self.refuse_misplaced(case_id, self.misplaced_manual(case_id, kinds, own_pages))
        policy = self.policies.policy(case.context.recipient)
        manual = self.store.manual(case_id)
        # output names, like the Vaughn index and the trail, use the labels of the reviewed scan (computed and stored
        # now for a case scanned before labels were stored)
        stored_labels = self.store.document_labels(case_id)
        labels = {path: stored_labels.get(path) or label for path, label in document_labels(scanned).items()}
        if any(path not in stored_labels for path in labels):
            self.store.save_document_labels(case_id, {p: lb for p, lb in labels.items() if p not in stored_labels})
        terms = SensitiveTerms.of([f.text for s in scanned for f in s.findings], label_generic_words())
        out_dir_label = safe_label(str(out_dir), terms)  # the trail names the folder, but no name from a finding
        if not case.label:  # a case scanned before case names were labelled
            from dataclasses import replace

            case = replace(case, label=self._label(case_id, rec.name, [f for s in scanned for f in s.findings]))
            self.store.save_state(case_id, case, user.name, user.role.value)
        exports = []
        try:
            for n, s in enumerate(scanned):
                if progress is not None:
                    progress(n, len(scanned) + 1, f"Redacting and verifying {s.document.display_name}")
                redact, reasons = self._export_choice(case, items, s.findings)
                entries = [m for m in manual if m.document == s.document.path]
                lay = layout(s.document)
                if entries:  # a box on a page its laid-out document no longer has: refused, never a crash
                    self.refuse_misplaced(case_id, misplaced_boxes(entries, kinds, {s.document.path: lay.page_count}))
                boxes = [m.to_redaction() for m in entries]
                exports.append(build_export(s, policy.to_policy(), redact=redact, manual=boxes, reasons=reasons,
                                            prepared=lay, run_pdf=run, text_key=text_key))
        except WorkstationError as exc:
            self.store.record_export(case_id, user.name, out_dir_label, False, self.scrub(case_id, str(exc), labels),
                                     user.role.value, recipient=case.context.recipient.value)
            raise
        if progress is not None:
            progress(len(scanned), len(scanned) + 1, "Writing files")
        out_dir.mkdir(parents=True, exist_ok=True)
        output_paths(exports, out_dir, None, labels=labels)
        write_exports(exports)
        outputs: dict[str, str] = {}
        for e in exports:
            for path in (e.pdf_path, e.csv_path):
                assert path is not None
                outputs[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        head = self.store.audit_head(case_id)[1]
        approver = case.sign_off.actor if case.sign_off else ""
        for name, data in self.report_files(case_id, approver=approver, audit_head=head, table_pdf=table_pdf).items():
            _write(out_dir / name, data)
            outputs[name] = hashlib.sha256(data).hexdigest()
        new = case.exported(user, self.case_items(case_id), self.policies)
        # pages exported as images (their text could not be verifiably removed), by the exported PDF's name
        flattened = {e.pdf_path.name: sorted(e.flattened) for e in exports if e.flattened and e.pdf_path}
        record = self.store.record_export(
            case_id, user.name, out_dir_label, True,
            "every document re-read by PyMuPDF and pdfminer.six: no removed text, nothing in the boxes, sanitized",
            user.role.value, outputs=outputs, recipient=case.context.recipient.value, case=new,
            extra={"policy_sha256": self.policy_sha256(case.context.recipient),
                   "trust_anchor": self.anchor.to_dict() if self.anchor is not None else None,
                   "approvals_verified": bool(case.sign_off or self.store.overrides(case_id)),
                   "flattened_pages": flattened})
        return ExportResult(outputs, out_dir, len(exports), sum(len(e.log) for e in exports), record.hash,
                            flattened)

    def _export_choice(self, case: Any, items: Mapping[FindingKey, Any],
                       findings: Sequence[Finding]) -> tuple[list[Finding], dict[int, str]]:
        """The findings the export removes and the reason code of each (by ``id(finding)``): every finding the
        recipient's rules do not release (a locked category unless validly overridden; a pending or deferred item
        fails closed), with the reviewer's code or the policy's."""
        policy = self.policies.policy(case.context.recipient)
        redact: list[Finding] = []
        reasons: dict[int, str] = {}
        for f in findings:
            i = items.get(FindingKey.of(f))
            if i is None:  # not in the reviewed scan: the export refuses it; the preview shows it removed
                redact.append(f)
                reasons[id(f)] = policy.exemption_code(f.entity_type)
                continue
            action = self.policies.effective_action(case.context, i.category, i.decision, i.override)
            if action is not Disposition.RELEASE:  # REVIEW cannot happen after check_export: fail closed
                redact.append(f)
                reasons[id(f)] = (i.record.reason_code if i.record and i.record.reason_code
                                  else policy.exemption_code(f.entity_type))
        return redact, reasons

    def page_preview(self, case_id: str, scanned: Any, page: int, prepared: Any = None) -> PagePreview:
        """Page ``page`` of a document's layout as the export will write it now (``documents.preview``): the
        findings the case's rules remove (``_export_choice``, as ``export`` does; pending and deferred ones fail
        closed and are shown removed) and the manual boxes on it, filled, with their exemption codes. ``scanned``
        may hold only the findings on that page; ``prepared`` is the document's layout when the caller has it."""
        from workstation.documents.preview import redacted_page
        from workstation.pipeline import redaction_plan

        case = self.state(case_id)
        items = {i.key: i for i in self.items(case_id)}
        redact, reasons = self._export_choice(case, items, scanned.findings)
        entries = [m for m in self.store.manual(case_id) if m.document == scanned.document.path and m.page == page]
        unusable = {b.entry.id for b in misplaced_boxes(entries, {scanned.document.path: scanned.document.kind})}
        manual = [m.to_redaction() for m in entries if m.id not in unusable]  # the export will not use them either
        policy = self.policies.policy(case.context.recipient).to_policy()
        lay, plan, _log = redaction_plan(scanned, policy, redact=redact, manual=manual, reasons=reasons,
                                        prepared=prepared)
        red = plan.get(page)
        pending = sum(1 for f in scanned.findings
                      if (i := items.get(FindingKey.of(f))) is None or is_pending(i.decision))
        return PagePreview(redacted_page(lay.pdf, page, red), page, len(red.boxes) if red else 0,
                           sum(1 for c in (red.codes if red else []) if c), pending)


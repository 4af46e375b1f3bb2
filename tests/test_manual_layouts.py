"""Manual boxes drawn on an earlier layout of a text-like page (the reflow of .txt and .docx, commit db6e00c): the
text under such a box may have moved, so the box is never used - the export refuses (exit 4, one line naming the
document and page, recorded in the trail, nothing written), the pre-flight check and the opened case list it, and
the clerk re-draws it or removes it. A PDF's boxes are never flagged; a box on a page that is gone is a clean
refusal, not an internal error."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import workstation.service.layouts as layouts
from tests import test_case_cli
from tests.test_case_cli import PASS, anchor_of, new_case, run
from workstation.domain.case import Fix
from workstation.domain.errors import UsageError
from workstation.domain.model import TEXT_LAYOUT_VERSION, DocumentKind
from workstation.domain.review import Action, Change, ManualEntry, ManualKind, ReviewSession
from workstation.domain.roles import load_users
from workstation.domain.signing import TrustAnchor
from workstation.service import CaseService
from workstation.store.case_store import CaseStore

env = test_case_cli.env  # the fixture: users, a private store, report.txt and scan.pdf

BOX = (54.0, 60.0, 300.0, 80.0)  # over the first lines of a laid-out page (and of scan.pdf)


def _service(env: Path) -> tuple[CaseService, str]:
    users = load_users(env / "users.json")
    store = CaseStore(env / "data" / "cases.sqlite3")
    service = CaseService(store, users=users, anchor=TrustAnchor(frozenset({anchor_of(users)}), "test"))
    clerk = users.get("clerk1")
    assert clerk is not None
    service.sign_in(clerk, users.unlock("clerk1", PASS["clerk1"]))
    return service, service.lookup("imm").id


def _draw(service: CaseService, case_id: str, document: str, page: int, box=BOX) -> ManualEntry:
    """A box drawn in the window: planned by the review session, applied through the service."""
    session = ReviewSession({}, "clerk1")
    action = session.add_manual([(document, page, box)], ManualKind.BOX, "87(2)(b)")
    service.apply_action(case_id, service.users.get("clerk1"), action)
    entry = action.changes[0].after
    assert isinstance(entry, ManualEntry)
    return entry


def _ready(capsys, monkeypatch) -> None:
    assert run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")[0] == 0


def _sign_off(capsys, monkeypatch) -> None:
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err


def _export(capsys, monkeypatch, out: Path) -> tuple[int, str, str]:
    return run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", out)


def _refusals(capsys, monkeypatch) -> list[str]:
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "refused")
    assert code == 0
    return [line for line in out.splitlines() if "re-place" in line]


def test_a_box_drawn_on_an_earlier_layout_refuses_the_export_until_it_is_drawn_again(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    _ready(capsys, monkeypatch)
    service, case_id = _service(env)
    report = str(env / "case" / "report.txt")
    drawn = _draw(service, case_id, report, 1)
    assert drawn.layout == TEXT_LAYOUT_VERSION
    assert service.store.manual(case_id)[0].layout == TEXT_LAYOUT_VERSION  # stored with the box
    assert service.misplaced_manual(case_id) == []
    _sign_off(capsys, monkeypatch)

    # the renderer's layout changes: the text under the box may have moved
    monkeypatch.setattr(layouts, "TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)
    out = env / "out"
    code, _, err = _export(capsys, monkeypatch, out)
    assert code == 4, err
    assert len(err.strip().splitlines()) == 1
    assert "report.txt p.1" in err and "re-place the box" in err and "Traceback" not in err
    assert not out.exists()  # nothing written
    refused = _refusals(capsys, monkeypatch)
    assert len(refused) == 1 and '"action": "export"' in refused[0] and "clerk1" in refused[0]
    assert "report.txt" not in refused[0]  # the trail names the document by its safe label

    # the window: the opened case shows the box as needing to be placed again, the pre-flight lists it
    state = service.review_state(case_id)
    assert state is not None and [m.entry.id for m in state.misplaced] == [drawn.id]
    assert state.misplaced[0].why == layouts.OLD_LAYOUT
    blockers = [b for b in service.preflight(case_id).blockers if "re-place" in b.message]
    assert len(blockers) == 1 and blockers[0].fix is Fix.ITEMS
    assert [(i.item, i.document, i.page) for i in blockers[0].items] == [(f"manual:{drawn.id}", report, 1)]

    # the clerk draws it again (the new layout's version is recorded) and removes the old one
    monkeypatch.setattr("workstation.domain.review.TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)
    monkeypatch.setattr("workstation.service.review.TEXT_LAYOUT_VERSION", TEXT_LAYOUT_VERSION + 1)
    again = _draw(service, case_id, report, 1)
    assert again.layout == TEXT_LAYOUT_VERSION + 1
    old = next(m for m in service.store.manual(case_id) if m.id == drawn.id)
    service.apply_action(case_id, service.users.get("clerk1"), Action("remove box", (Change(old, None),)))
    assert service.misplaced_manual(case_id) == []
    _sign_off(capsys, monkeypatch)  # the changes voided the sign-off
    code, _, err = _export(capsys, monkeypatch, out)
    assert code == 0, err
    assert any(p.suffix == ".pdf" for p in out.iterdir())
    service.store.close()


def test_a_box_stored_before_versions_were_kept_counts_as_the_old_layout_but_a_pdf_box_does_not(env, capsys,
                                                                                               monkeypatch):
    new_case(capsys, monkeypatch, env)
    _ready(capsys, monkeypatch)
    service, case_id = _service(env)
    report, scan = str(env / "case" / "report.txt"), str(env / "case" / "scan.pdf")
    text_box = _draw(service, case_id, report, 1)
    pdf_box = _draw(service, case_id, scan, 1)
    service.store.close()
    # as a schema-4 store holds them: no version recorded (what the migration gives every existing box)
    db = sqlite3.connect(env / "data" / "cases.sqlite3")
    db.execute("UPDATE manual_redactions SET layout = 0")
    db.commit()
    db.close()
    service, case_id = _service(env)
    assert {m.id: m.layout for m in service.store.manual(case_id)} == {text_box.id: 0, pdf_box.id: 0}
    assert [(m.entry.id, m.why) for m in service.misplaced_manual(case_id)] == [(text_box.id, layouts.OLD_LAYOUT)]
    _sign_off(capsys, monkeypatch)
    code, _, err = _export(capsys, monkeypatch, env / "out")
    assert code == 4 and "report.txt p.1" in err and "scan.pdf" not in err
    assert not (env / "out").exists()

    # removed, the PDF's box (unversioned, on its own page) is used as it is
    old = next(m for m in service.store.manual(case_id) if m.id == text_box.id)
    service.apply_action(case_id, service.users.get("clerk1"), Action("remove box", (Change(old, None),)))
    _sign_off(capsys, monkeypatch)
    code, _, err = _export(capsys, monkeypatch, env / "out")
    assert code == 0, err
    logs = sorted((env / "out").glob("*.csv"))
    assert any("MANUAL-BOX" in p.read_text(encoding="utf-8") for p in logs)
    service.store.close()


@pytest.mark.parametrize("document", ["report.txt", "scan.pdf"])
def test_a_box_on_a_page_that_is_gone_is_a_clean_refusal(env, capsys, monkeypatch, document):
    """report.txt lays out on one page, scan.pdf has one: a box on page 3 (its page gone after a re-layout) is
    refused naming the page - before, redaction reached for a page that is not there."""
    new_case(capsys, monkeypatch, env)
    _ready(capsys, monkeypatch)
    service, case_id = _service(env)
    _draw(service, case_id, str(env / "case" / document), 3)
    _sign_off(capsys, monkeypatch)
    code, _, err = _export(capsys, monkeypatch, env / "out")
    assert code == 4, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "internal error" not in err
    assert f"{document} p.3" in err and "no longer has" in err and "re-place" in err
    assert not (env / "out").exists()
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm")
    assert code == 0
    recorded = [line for line in out.splitlines() if "no longer has" in line]
    assert len(recorded) == 1 and (" refused " in recorded[0] or '"verified": false' in recorded[0]), out
    assert document not in recorded[0]  # by its safe label
    service.store.close()


def test_the_service_refuses_a_new_box_that_claims_another_layout(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    service, case_id = _service(env)
    entry = ManualEntry("b1", str(env / "case" / "report.txt"), 1, BOX, ManualKind.BOX, "87(2)(b)", "clerk1",
                        "2026-12-07T00:00:00Z", TEXT_LAYOUT_VERSION - 1)
    with pytest.raises(UsageError, match="current layout"):
        service.apply_action(case_id, service.users.get("clerk1"), Action("box", (Change(None, entry),)))
    assert service.store.manual(case_id) == []
    service.store.close()


def test_which_documents_are_laid_out_by_kind_or_by_a_name_that_tells() -> None:
    """An e-mail attachment is read by its content type, so "mail.eml#scan" may be a PDF: without its kind it is
    not flagged (the export knows every kind and decides); with it, by the kind."""
    def box(document: str, layout: int = 0) -> ManualEntry:
        return ManualEntry(document, document, 1, BOX, ManualKind.BOX, "87(2)(b)", "clerk1", "x", layout)

    entries = [box("/c/a.txt"), box("/c/b.DOCX"), box("/c/m.eml"), box("/c/m.eml#note.txt"), box("/c/s.pdf"),
               box("/c/p.png"), box("/c/m.eml#scan.pdf"), box("/c/m.eml#scan"), box("/c/new.txt", TEXT_LAYOUT_VERSION)]
    assert [b.document for b in layouts.misplaced_boxes(entries)] == [
        "/c/a.txt", "/c/b.DOCX", "/c/m.eml", "/c/m.eml#note.txt"]
    kinds = {"/c/m.eml#scan": DocumentKind.PDF, "/c/a.txt": DocumentKind.TEXT}
    assert "/c/m.eml#scan" not in [b.document for b in layouts.misplaced_boxes(entries, kinds)]
    assert "/c/m.eml#scan" in [b.document for b in layouts.misplaced_boxes(entries, {"/c/m.eml#scan":
                                                                                     DocumentKind.TEXT})]
    # a page beyond the layout's (or below 1) is gone, whatever the kind or version
    gone = layouts.misplaced_boxes([box("/c/s.pdf"), replace(box("/c/new.txt", TEXT_LAYOUT_VERSION), page=0)],
                                   pages={"/c/s.pdf": 0})
    assert [(b.document, b.why) for b in gone] == [("/c/s.pdf", layouts.PAGE_GONE), ("/c/new.txt", layouts.PAGE_GONE)]

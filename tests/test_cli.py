"""The ``workstation`` command: scan and redact end to end, exit codes, one-line errors, no partial output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pymupdf
import pytest
from pdfminer.high_level import extract_text

import workstation.documents.ocr as ocr
from tests.documents.test_intake import BAD_INPUTS, image_only_pdf
from workstation.cli import main
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES

WORKSTATION = Path("/work/main/.venv/bin/workstation")
CSV_HEADER = ["page", "x0", "y0", "x1", "y1", "category", "recognizer", "score", "reason_code"]  # no digest
POLICY = Policy.from_file(RESOURCES / "policies" / "default.toml")

TXT = ("Statement taken from Maria Gonzalez on 3 March 2024.\n"
       "She can be reached at maria.gonzalez@example.com for follow-up.\n")
PDF_LINES = ["Complainant Maria Gonzalez can be reached at maria.gonzalez@example.com today.",
             "Witness email on file: jsmith@example.org (second witness)."]


def make_report_pdf(path: Path, lines=PDF_LINES) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 14 * i), line, fontname="helv", fontsize=11)
    doc.save(path)
    doc.close()
    return path


def make_case(tmp_path: Path) -> Path:
    case = tmp_path / "case"
    case.mkdir()
    (case / "a_statement.txt").write_text(TXT, encoding="utf-8")
    make_report_pdf(case / "b_report.pdf")
    return case


def make_mail(path: Path) -> Path:
    m = EmailMessage()
    m["From"] = "Records Unit <records@nypd.org>"
    m["To"] = "jsmith@example.org"
    m["Subject"] = "Case 2024-0117"
    m["Date"] = "Mon, 01 Jan 2024 10:00:00 -0500"
    m.set_content("The complainant's email is maria.gonzalez@example.com, see the attached report.\n")
    buf = io.BytesIO()
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), PDF_LINES[0], fontname="helv", fontsize=11)
    doc.save(buf)
    m.add_attachment(buf.getvalue(), maintype="application", subtype="pdf", filename="report.pdf")
    path.write_bytes(bytes(m))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def extracted(pdf: Path) -> tuple[str, str]:
    with pymupdf.open(pdf) as doc:
        first = "".join(p.get_text() for p in doc)
    return first, extract_text(str(pdf))


def squash(s: str) -> str:
    return "".join(s.split())


def assert_one_error_line(err: str, *must_contain: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("workstation: error: ")
    for s in must_contain:
        assert s in lines[0], (s, lines[0])
    assert "Traceback" not in err


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*")) if path.exists() else []


# ------------------------------------------------------------------------------------------------ scan


def test_scan_json_schema_and_offsets(tmp_path, capsys):
    case = make_case(tmp_path)
    code, out, err = run(capsys, "scan", case, "--format", "json")
    assert code == 0, err
    payload = json.loads(out)
    assert set(payload) == {"documents"}
    docs = payload["documents"]
    assert [Path(d["path"]).name for d in docs] == ["a_statement.txt", "b_report.pdf"]
    finding_keys = {"page", "start", "end", "text", "entity_type", "score", "recognizer", "boxes"}
    for d in docs:
        assert {"path", "pages", "findings"} <= set(d)
        assert d["pages"] == 1 and d["scanned_pages"] == [] and d["notes"] == []
        assert d["findings"], d["path"]
        for f in d["findings"]:
            assert set(f) == finding_keys
            assert f["page"] == 1
            assert isinstance(f["start"], int) and isinstance(f["end"], int) and 0 <= f["start"] < f["end"]
            assert isinstance(f["score"], float) and 0 < f["score"] <= 1
            assert f["entity_type"] and f["recognizer"] and f["text"]

    txt, pdf = docs
    assert all(f["text"] == TXT[f["start"]:f["end"]] for f in txt["findings"])
    assert all(f["boxes"] == [] for f in txt["findings"])
    assert {"EMAIL_ADDRESS"} <= {f["entity_type"] for f in txt["findings"]}
    assert "maria.gonzalez@example.com" in [f["text"] for f in txt["findings"]]

    with pymupdf.open(case / "b_report.pdf") as doc:
        page = doc[0]
        for f in pdf["findings"]:
            assert f["boxes"], f
            for x0, y0, x1, y1 in f["boxes"]:
                assert 0 <= x0 < x1 <= page.rect.width and 0 <= y0 < y1 <= page.rect.height
            # the boxes are where the finding's text is on the page
            found = page.search_for(f["text"])
            assert found, f["text"]
            b = f["boxes"][0]
            assert any(abs(r.x0 - b[0]) < 0.02 and abs(r.y0 - b[1]) < 0.02 for r in found), (f, found)
    assert {"maria.gonzalez@example.com", "jsmith@example.org"} <= {f["text"] for f in pdf["findings"]}


def test_scan_table_lists_documents_findings_and_notes(tmp_path, capsys):
    case = make_case(tmp_path)
    mail = tmp_path / "mail.eml"
    m = EmailMessage()
    m["From"] = "records@nypd.org"
    m["Subject"] = "photo"
    m.set_content("Contact maria.gonzalez@example.com about the photo.\n")
    m.add_attachment(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, maintype="image", subtype="png", filename="scene.png")
    mail.write_bytes(bytes(m))
    code, out, err = run(capsys, "scan", case, mail)
    assert code == 0, err
    assert f"{case / 'a_statement.txt'}  (1 page, " in out
    assert f"{case / 'b_report.pdf'}  (1 page, " in out
    assert "page  category" in out
    row = next(line for line in out.splitlines() if "maria.gonzalez@example.com" in line)
    assert row.split()[:3] == ["1", "EMAIL_ADDRESS", "1.00"]
    assert "note: attachment scene.png (image/png)" in out
    assert err == ""


def _no_ocr(monkeypatch) -> None:
    """Tesseract missing: ``tessdata_dir`` is cached, so the name the OCR module calls is replaced."""
    def unavailable() -> str:
        raise ocr.OcrUnavailableError("Tesseract OCR is not installed (test)")

    monkeypatch.setattr(ocr, "tessdata_dir", unavailable)


def test_scan_table_notes_pages_read_by_ocr(tmp_path, capsys):
    f = image_only_pdf(tmp_path / "scan.pdf", text_pages_first=1)
    code, out, err = run(capsys, "scan", f)
    assert code == 0, err
    assert "note: page(s) 2 have no text layer: text read by OCR" in out
    assert "WARNING" not in out
    assert "OCR" in err and "page 1 of 1" in err  # per-page progress on stderr
    code, out, err = run(capsys, "scan", f, "--format", "json")
    assert code == 0, err
    [d] = json.loads(out)["documents"]
    assert d["ocr_pages"] == [2] and d["scanned_pages"] == []


def test_scan_warns_about_scanned_pages_when_ocr_is_unavailable(tmp_path, capsys, monkeypatch):
    _no_ocr(monkeypatch)
    f = image_only_pdf(tmp_path / "scan.pdf", text_pages_first=1)
    code, out, err = run(capsys, "scan", f)
    assert code == 0, err
    assert "WARNING: page(s) 2 have no text layer" in out
    assert "note: Tesseract OCR is not installed (test)" in out
    assert "text read by OCR" not in out
    code, out, err = run(capsys, "scan", f, "--format", "json")
    assert code == 0, err
    [d] = json.loads(out)["documents"]
    assert d["scanned_pages"] == [2] and d["ocr_pages"] == []
    assert d["notes"] == ["Tesseract OCR is not installed (test)"]


def test_a_crashed_ocr_process_leaves_the_pages_unread_and_blocks_redaction(tmp_path, capsys, monkeypatch):
    """Tesseract or MuPDF killing an OCR worker: a clear note, the scanned pages stay unread (scan exits 0 with a
    warning), and redact refuses the document (exit 3) - never a traceback, never an unverified page."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class CrashingPool:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, fn, *args):
            fut: Future = Future()
            fut.set_exception(BrokenProcessPool("A process in the process pool was terminated abruptly"))
            return fut

    monkeypatch.setattr(ocr, "ProcessPoolExecutor", CrashingPool)
    doc = pymupdf.open(image_only_pdf(tmp_path / "one.pdf"))
    doc.insert_pdf(pymupdf.open(image_only_pdf(tmp_path / "two.pdf")))  # two scanned pages: OCR'd in parallel
    f = tmp_path / "scans.pdf"
    doc.save(f)
    code, out, err = run(capsys, "scan", f)
    assert code == 0, err
    assert "WARNING: page(s) 1, 2 have no text layer" in out
    assert "note: OCR stopped: a page crashed the OCR process (0 of 2 page(s) read)" in out
    code, out, err = run(capsys, "redact", f, "--out-dir", tmp_path / "out")
    assert code == 3 and "Traceback" not in err, err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# ------------------------------------------------------------------------------------------------ redact


def read_log(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_redact_writes_verified_pdfs_and_hash_only_logs(tmp_path, capsys, engine):
    case = make_case(tmp_path)
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "redact", case, "--out-dir", out_dir)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "a_statement.redacted.pdf", "a_statement.redactions.csv", "b_report.redacted.pdf", "b_report.redactions.csv"]
    assert "verified" in out

    from workstation.documents.intake import load_case
    from workstation.pipeline import scan

    for scanned in scan(load_case([case]), engine):
        stem = scanned.document.name
        chosen = [f for f in scanned.findings if POLICY.redacts(f)]
        assert chosen
        texts = {f.text for f in chosen}

        log_path = out_dir / f"{stem}.redactions.csv"
        raw = log_path.read_text(encoding="utf-8")
        rows = read_log(log_path)
        assert rows[0] == CSV_HEADER
        assert len(rows) > 1
        for t in texts:
            assert t not in raw  # never the redacted text itself
        for r in rows[1:]:
            page, x0, y0, x1, y1, category, recognizer, score, reason = r
            assert page == "1"
            assert 0 <= float(x0) < float(x1) <= 612 and 0 <= float(y0) < float(y1) <= 792
            assert category in POLICY.reason_codes and reason == POLICY.reason_codes[category]
            assert recognizer and 0 < float(score) <= 1
        assert {r[5] for r in rows[1:]} == {f.entity_type for f in chosen}  # every redacted category is logged

        pdf = out_dir / f"{stem}.redacted.pdf"
        first, second = extracted(pdf)
        for t in texts:
            assert t not in first and squash(t) not in squash(second)
        if stem == "a_statement":
            assert "Statement taken from" in first and "for follow-up." in first
        else:
            assert "Complainant" in first and "can be reached at" in first
            assert "(second witness)." in first
        with pymupdf.open(pdf) as doc:
            assert not {k: v for k, v in doc.metadata.items() if v and k not in ("format", "encryption")}


def test_redact_out_file_for_one_document(tmp_path, capsys):
    src = make_report_pdf(tmp_path / "report.pdf")
    target = tmp_path / "exports" / "final.pdf"
    code, out, err = run(capsys, "redact", src, "--out", target)
    assert code == 0, err
    assert sorted(p.name for p in target.parent.iterdir()) == ["final.pdf", "final.redactions.csv"]
    first, second = extracted(target)
    assert "maria.gonzalez@example.com" not in first and "maria.gonzalez@example.com" not in second
    assert read_log(target.parent / "final.redactions.csv")[0] == CSV_HEADER
    assert f"-> {target}" in out


def test_redact_out_with_two_documents_is_a_usage_error(tmp_path, capsys):
    case = make_case(tmp_path)
    target = tmp_path / "exports" / "final.pdf"
    code, out, err = run(capsys, "redact", case, "--out", target)
    assert code == 2
    assert_one_error_line(err, "--out")
    assert not target.parent.exists() and not target.exists()
    assert out == ""


def test_redact_email_with_a_pdf_attachment_yields_two_outputs(tmp_path, capsys):
    mail = make_mail(tmp_path / "mail.eml")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "redact", mail, "--out-dir", out_dir)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "mail.redacted.pdf", "mail.redactions.csv", "mail.report.redacted.pdf", "mail.report.redactions.csv"]
    for name in ("mail.redacted.pdf", "mail.report.redacted.pdf"):
        first, second = extracted(out_dir / name)
        assert "maria.gonzalez@example.com" not in first
        assert "maria.gonzalez" not in second
    first, _ = extracted(out_dir / "mail.redacted.pdf")
    assert "Subject: Case 2024-0117" in first and "see the attached report." in first
    assert "jsmith@example.org" not in first
    assert f"{mail}#report.pdf -> {out_dir / 'mail.report.redacted.pdf'}" in out


def test_redact_fails_closed_when_verification_fails(tmp_path, capsys, monkeypatch):
    """The second document's redaction is cosmetic (unredacted bytes): nothing at all is written, not even
    the first, already verified, document, and no temporary file is left behind."""
    case = make_case(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "unrelated.txt").write_text("keep me\n", encoding="utf-8")
    from workstation.documents import redact as redact_module

    real = redact_module.redact_pdf  # what redact_and_verify calls (the CLI runs it in this process)
    calls: list[int] = []

    def second_one_unredacted(pdf_bytes, plan):
        calls.append(1)
        return real(pdf_bytes, plan) if len(calls) == 1 else pdf_bytes

    monkeypatch.setattr(redact_module, "redact_pdf", second_one_unredacted)
    # a policy that refuses rather than flattening the page (by default it would be exported as an image)
    policy = tmp_path / "refuse.toml"
    policy.write_text((RESOURCES / "policies" / "default.toml").read_text(encoding="utf-8").replace(
        "flatten_unverifiable_pages = true", "flatten_unverifiable_pages = false"), encoding="utf-8")
    code, out, err = run(capsys, "redact", case, "--out-dir", out_dir, "--policy", policy)
    assert code == 3
    assert len(calls) == 2
    assert_one_error_line(err, f"{case / 'b_report.pdf'}, page 1")
    assert [p.name for p in out_dir.iterdir()] == ["unrelated.txt"]
    assert out == ""


def test_redact_ocrs_a_scanned_page_and_exports_it(tmp_path, capsys):
    f = image_only_pdf(tmp_path / "scan.pdf", text_pages_first=2)
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "redact", f, "--out-dir", out_dir)
    assert code == 0, err
    assert f"{f} -> {out_dir / 'scan.redacted.pdf'}" in out and "verified" in out
    with pymupdf.open(out_dir / "scan.redacted.pdf") as doc:
        assert doc.page_count == 3
        assert "Ordinary typed page number 2" in doc[1].get_text()
        assert doc[2].get_images()  # the scan is kept (nothing on it to redact)


def test_redact_refuses_a_scanned_page_when_ocr_is_unavailable(tmp_path, capsys, monkeypatch):
    _no_ocr(monkeypatch)
    f = image_only_pdf(tmp_path / "scan.pdf", text_pages_first=2)
    out_dir = tmp_path / "out"
    before = files_under(tmp_path)
    code, out, err = run(capsys, "redact", f, "--out-dir", out_dir)
    assert code == 3
    assert_one_error_line(err, str(f), "page(s) 3", "OCR is required")
    assert not out_dir.exists()
    assert files_under(tmp_path) == before
    assert out == ""


@pytest.mark.parametrize(("build", "reason"), BAD_INPUTS, ids=[b.__name__.strip("_") for b, _ in BAD_INPUTS])
def test_bad_input_exits_2_with_one_line_and_no_output(tmp_path, capsys, build, reason):
    bad = build(tmp_path)
    out_dir = tmp_path / "out"
    before = files_under(tmp_path)
    code, out, err = run(capsys, "redact", bad, "--out-dir", out_dir)
    assert code == 2
    assert_one_error_line(err, str(bad))
    assert reason.lower() in err.lower()
    assert out == ""
    assert not out_dir.exists()
    assert files_under(tmp_path) == before


def test_bad_input_in_a_batch_stops_everything(tmp_path, capsys):
    case = make_case(tmp_path)
    (case / "c_broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    code, out, err = run(capsys, "scan", case)
    assert code == 2
    assert_one_error_line(err, "c_broken.pdf")
    assert out == ""


def test_argument_errors_exit_2_with_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as ei:
        main(["redact", str(tmp_path)])  # neither --out nor --out-dir
    assert ei.value.code == 2
    _, err = capsys.readouterr()
    assert_one_error_line(err, "--out")


def test_missing_policy_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TXT, encoding="utf-8")
    code, _, err = run(capsys, "redact", tmp_path / "a.txt", "--out-dir", tmp_path / "o",
                       "--policy", tmp_path / "nope.toml")
    assert code == 2
    assert_one_error_line(err, "nope.toml")


# ------------------------------------------------------------------------------------------------ subprocess


def _cli(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(WORKSTATION), *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("kind", ["corrupt", "encrypted", "unsupported", "missing"])
def test_installed_command_reports_bad_input_without_a_traceback(tmp_path, kind):
    builders = {b.__name__.strip("_"): b for b, _ in BAD_INPUTS}
    bad = {"corrupt": builders["corrupt_pdf"], "encrypted": builders["encrypted_pdf"],
           "unsupported": builders["unsupported"], "missing": builders["missing"]}[kind](tmp_path)
    res = _cli("redact", bad, "--out-dir", tmp_path / "out", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stdout == ""
    assert_one_error_line(res.stderr, str(bad))
    assert not (tmp_path / "out").exists()


def test_installed_command_refuses_a_scan_without_a_traceback(tmp_path):
    """Tesseract's language data missing (TESSDATA_PREFIX points at an empty folder): the scan is refused."""
    f = image_only_pdf(tmp_path / "scan.pdf")
    empty = tmp_path / "tessdata"
    empty.mkdir()
    res = _cli("redact", f, "--out", tmp_path / "x.pdf", cwd=tmp_path, env={"TESSDATA_PREFIX": str(empty)})
    assert res.returncode == 3
    assert_one_error_line(res.stderr, "scan.pdf", "page(s) 1")
    assert res.stdout == ""
    assert not (tmp_path / "x.pdf").exists()
    res = _cli("scan", f, cwd=tmp_path, env={"TESSDATA_PREFIX": str(empty)})
    assert res.returncode == 0, res.stderr
    assert "WARNING: page(s) 1 have no text layer" in res.stdout
    assert f"TESSDATA_PREFIX={empty} does not hold the Tesseract language data" in res.stdout
    assert "Traceback" not in res.stderr


def test_installed_command_ocrs_a_scan(tmp_path):
    f = image_only_pdf(tmp_path / "scan.pdf")
    res = _cli("redact", f, "--out", tmp_path / "x.pdf", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "verified" in res.stdout
    assert "Traceback" not in res.stderr
    assert (tmp_path / "x.pdf").exists()


def test_installed_command_scans(tmp_path):
    (tmp_path / "a.txt").write_text(TXT, encoding="utf-8")
    res = _cli("scan", tmp_path / "a.txt", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    [doc] = json.loads(res.stdout)["documents"]
    assert "maria.gonzalez@example.com" in [f["text"] for f in doc["findings"]]
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("command", ["scan", "redact"])
def test_a_link_out_of_the_case_folder_is_refused_by_scan_and_redact(tmp_path, capsys, command):
    case = make_case(tmp_path)
    secret = tmp_path / "users.json"
    secret.write_text('{"users": [{"name": "admin", "scrypt": "c2NyeXB0"}]}\n', encoding="utf-8")
    (case / "c_accounts.txt").symlink_to(secret)
    out_dir = tmp_path / "out"
    argv = [command, case] + (["--out-dir", out_dir] if command == "redact" else [])
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert_one_error_line(err, "c_accounts.txt", "outside the folder")
    assert not out_dir.exists()


def test_scan_reads_a_file_given_twice_once(tmp_path, capsys):
    case = make_case(tmp_path)
    code, out, err = run(capsys, "scan", case, case / "a_statement.txt", "--format", "json")
    assert code == 0, err
    assert [Path(d["path"]).name for d in json.loads(out)["documents"]] == ["a_statement.txt", "b_report.pdf"]

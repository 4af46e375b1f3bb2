"""benchmarks.pdf_census over a corpus the test makes itself (no third-party PDFs in the repository): a good PDF,
an encrypted one, a truncated one, one whose cross-reference offsets are all wrong by a few bytes (repaired,
accepted) and a zip file named .pdf; plus the limits themselves (timeout, address space)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pymupdf
import pytest

from benchmarks import pdf_census


def _good_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Complainant Maria Lopez resides at 35-12 37th Avenue, Jackson Heights, NY 11372.",
                     fontsize=10)
    page.insert_text((72, 100), "The weather was clear and the street was quiet.", fontsize=10)
    return doc.tobytes()


def make_corpus(folder: Path) -> None:
    good = _good_pdf()
    (folder / "good.pdf").write_bytes(good)
    doc = pymupdf.open("pdf", good)
    doc.save(str(folder / "encrypted.pdf"), encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret",
             owner_pw="owner")
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 2])
    header_end = good.index(b"\n", good.index(b"\n") + 1)  # after "%PDF-1.7" and its binary comment
    (folder / "wrong-xref.pdf").write_bytes(good[: header_end + 1] + b"% shifts every object\n" + good[header_end + 1:])
    (folder / "sub").mkdir()
    (folder / "sub" / "not-a-pdf.pdf").write_bytes(b"PK\x03\x04 a zip archive, not a PDF\n" * 20)
    (folder / "notes.txt").write_text("not a .pdf: not in the census")


@pytest.mark.slow
def test_census_counts(tmp_path, capsys):
    make_corpus(tmp_path)
    code = pdf_census.main([str(tmp_path), "--timeout", "120", "--json"])
    out = json.loads(capsys.readouterr().out)
    summary, files = out["summary"], {Path(f["path"]).name: f for f in out["files"]}
    assert summary["files"] == 5 and code == 0
    for command in ("scan", "redact"):
        s = summary[command]
        assert (s["ok"], s["refused"], s["exit3"], s["exit1"], s["other_exit"]) == (2, 3, 0, 0, 0), s
        assert (s["traceback"], s["timeout"], s["leftovers"], s["partial_output"]) == (0, 0, 0, 0), s
        assert 0 < s["peak_mb_max"] < 4096 and s["s_per_page_median"] > 0
    for name in ("good.pdf", "wrong-xref.pdf"):
        assert {c: r["outcome"] for c, r in files[name]["runs"].items()} == {"scan": "ok", "redact": "ok"}
        assert files[name]["pages"] == 1
    reasons = {name: files[name]["runs"]["redact"]["reason"] for name in
               ("encrypted.pdf", "truncated.pdf", "not-a-pdf.pdf")}
    assert "encrypted" in reasons["encrypted.pdf"] and "encrypted.pdf" in reasons["encrypted.pdf"]
    assert "truncated" in reasons["truncated.pdf"]
    assert "not a PDF" in reasons["not-a-pdf.pdf"]
    assert all("\n" not in r for r in reasons.values())

    text = pdf_census.render(
        [pdf_census.FileRecord(f["path"], f["pages"], {c: pdf_census.Run(**{k: v for k, v in r.items()
                                                                         if k != "outcome"})
                                                      for c, r in f["runs"].items()}) for f in out["files"]],
        summary)
    assert "5 PDF file(s)" in text and "not-a-pdf.pdf" in text and "good.pdf" not in text


def test_timeout_kills_the_process_group():
    code, seconds, _, _ = pdf_census.run_limited(
        [sys.executable, "-c", "import subprocess, sys, time\n"
         "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\ntime.sleep(60)"],
        timeout=1.0, memory_mb=4096)
    assert code is None and seconds < 10


def test_memory_limit_applies():
    code, _, peak_mb, stderr = pdf_census.run_limited(
        [sys.executable, "-c", "b = bytearray(1024 * 1024 * 1024)"], timeout=30, memory_mb=512)
    assert code == 1 and "MemoryError" in stderr and peak_mb < 512


def test_failures_make_the_census_fail():
    run = pdf_census.Run("redact", 0, 1.0, 100.0, leftovers=["x.redacted.pdf: embedded files remain"])
    rec = pdf_census.FileRecord("x.pdf", 1, {"scan": pdf_census.Run("scan", 0, 1.0, 100.0), "redact": run})
    assert pdf_census.failed(pdf_census.summarize([rec]))
    ok = pdf_census.FileRecord("y.pdf", 1, {"scan": pdf_census.Run("scan", 2, 1.0, 50.0, reason="y: corrupt"),
                                            "redact": pdf_census.Run("redact", 3, 1.0, 50.0)})
    assert not pdf_census.failed(pdf_census.summarize([ok]))
    assert pdf_census.summarize([ok])["scan"]["refused"] == 1  # type: ignore[index]


def test_records_of_parts_make_one_census(tmp_path, capsys):
    """A long census in parts: --records saves each file's record as it is done, --from-records renders them."""
    part1, part2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    bad = pdf_census.FileRecord("x.pdf", 1, {"scan": pdf_census.Run("scan", 0, 1.0, 100.0),
                                             "redact": pdf_census.Run("redact", 1, 1.0, 100.0, reason="internal")})
    good = pdf_census.FileRecord("y.pdf", 2, {"scan": pdf_census.Run("scan", 0, 1.0, 80.0),
                                              "redact": pdf_census.Run("redact", 2, 1.0, 90.0, reason="y: no")})
    part1.write_text(json.dumps(pdf_census._record_json(bad)) + "\n")
    part2.write_text(json.dumps(pdf_census._record_json(good)) + "\n")
    assert pdf_census.main(["--from-records", str(part1), str(part2), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["files"] == 2 and summary["redact"]["exit1"] == 1 and summary["redact"]["refused"] == 1


def test_a_forked_child_sharing_its_parents_pages_is_not_counted_twice():
    code, _, peak_mb, _ = pdf_census.run_limited(
        [sys.executable, "-c", "import os, time\nb = bytearray(300 * 1024 * 1024)\nb[::4096] = b'x' * len(b[::4096])\n"
         "pid = os.fork()\ntime.sleep(1.5)\nos._exit(0) if pid == 0 else os.waitpid(pid, 0)"],
        timeout=30, memory_mb=4096)
    assert code == 0 and 290 < peak_mb < 450, peak_mb

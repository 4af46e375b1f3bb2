"""A file name can carry a name the redactions remove: what leaves the workstation and what is audited or logged
names documents by their safe labels (``workstation.domain.naming``), never by their file names."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

import workstation.cli as cli
from workstation.cli import main
from workstation.domain.model import Detection
from workstation.domain.naming import path_sha256
from workstation.domain.roles import Role, UserDirectory, save_users
from workstation.paths import SAMPLE_CASE
from workstation.pipeline import ScannedDocument, document_labels, label_generic_words

SECRET = "adeyemi"  # the witness of the sample case: a PERSON finding inside witness-statement-adeyemi.txt
SAMPLE_LABELS = {"complaint-report-2026-115-004217", "shelter-email", "shelter-email.referral-note",
                 "shelter-intake-form", "witness-statement-redacted"}
PASS = {"admin": "admin-passphrase-1", "clerk1": "clerk-passphrase-1", "super1": "supervisor-passphrase-1"}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine) -> Path:
    users = UserDirectory().add_user(None, "admin", Role.ADMINISTRATOR, PASS["admin"], n=2**14, key_n=2**14)
    admin, by = users.get("admin"), users.unlock("admin", PASS["admin"])  # registers their keys, as `users add` does
    users = users.add_user(admin, "clerk1", Role.CLERK, PASS["clerk1"], n=2**14, key_n=2**14, signer=by)
    users = users.add_user(admin, "super1", Role.SUPERVISOR, PASS["super1"], n=2**14, key_n=2**14, signer=by)
    save_users(tmp_path / "users.json", users)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_DB", str(tmp_path / "data" / "cases.sqlite3"))
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    return tmp_path


def run(capsys, monkeypatch, user: str | None, *argv: object) -> tuple[int, str, str]:
    if user:
        monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS[user])
        argv = (*argv, "--user", user)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def readable(path: Path) -> str:
    """What a recipient can read in a file: its name and its text (PDFs: the text of every page, the metadata)."""
    if path.suffix == ".pdf":
        with pymupdf.open(path) as doc:
            return path.name + json.dumps(doc.metadata) + "".join(p.get_text() for p in doc)
    return path.name + path.read_text(encoding="utf-8")


def test_redact_names_outputs_by_safe_label(env, capsys, monkeypatch):
    out_dir = env / "out"
    code, out, err = run(capsys, monkeypatch, None, "redact", SAMPLE_CASE, "--out-dir", out_dir)
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted(f"{label}{suffix}" for label in SAMPLE_LABELS
                           for suffix in (".redacted.pdf", ".redactions.csv"))
    assert not any(SECRET in n.lower() for n in names)
    for path in out_dir.iterdir():
        assert SECRET not in readable(path).lower(), path.name
    # the operator's console names the source it read (the reviewer may see it) and the output it wrote
    witness = SAMPLE_CASE / "witness-statement-adeyemi.txt"
    assert f"{witness} -> {out_dir / 'witness-statement-redacted.redacted.pdf'}" in out
    assert SECRET not in err.lower()


def test_case_trail_reports_and_export_carry_no_name_from_a_file_name(env, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", SAMPLE_CASE, "--name", "s1",
                         "--recipient", "public")
    assert code == 0, err
    # inside the tool the reviewer sees the real file names
    code, out, _ = run(capsys, monkeypatch, None, "case", "show", "s1", "--items")
    witness_rows = [line.split() for line in out.splitlines() if "witness-statement-adeyemi.txt" in line]
    assert witness_rows
    nationality = next(row[0] for row in witness_rows if row[1] == "NATIONALITY")
    # a refusal names the document it is about: the trail records its label instead
    code, _, _ = run(capsys, monkeypatch, "clerk1", "case", "decide", "s1", "--finding", nationality,
                     "--decision", "defer")
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "s1", "--out-dir", env / "out")
    assert code == 4 and "pending" in err
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "decide", "s1", "--finding", nationality,
                       "--decision", "redact")
    assert code == 0, err
    # a spot-check: its sample and verdicts name documents too
    code, out, err = run(capsys, monkeypatch, "super1", "audit", "sample", "s1", "--rate", "10", "--seed", "3")
    assert code == 0, err
    sampled = [line.split()[0] for line in out.splitlines()[1:] if line.startswith("  ") and
               not line.strip().startswith("...")]
    for ident in sampled:
        code, _, err = run(capsys, monkeypatch, "super1", "audit", "record", "s1", "--item", ident, "--pass",
                           "--comment", "checked")
        assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "export", "s1", "--out-dir", env / "out")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, None, "report", "s1", "--out-dir", env / "rep")
    assert code == 0, err
    trail = env / "trail.jsonl"
    code, _, err = run(capsys, monkeypatch, None, "audit", "export", "s1", "--out", trail)
    assert code == 0, err

    # nothing that leaves or is audited carries the witness's name: file names, contents, the trail
    exported = sorted((env / "out").iterdir())
    assert {p.name for p in exported} >= {f"{label}.redacted.pdf" for label in SAMPLE_LABELS}
    assert {"vaughn-index.csv", "vaughn-index.pdf", "disclosure-record.json", "qa-report.csv"} <= {
        p.name for p in exported}
    for path in [*exported, *(env / "rep").iterdir(), trail]:
        assert SECRET not in readable(path).lower(), path.name
    vaughn = (env / "rep" / "vaughn-index.csv").read_text().splitlines()
    assert sum("witness-statement-redacted," in line for line in vaughn) == 12  # its 12 withheld items

    # every record naming a document names it by label and by the SHA-256 of its path (which the store resolves)
    records = [json.loads(line) for line in trail.read_text().splitlines()]
    sources = {path_sha256(str(SAMPLE_CASE / n)) for n in ("complaint-report-2026-115-004217.pdf",
                                                           "shelter-email.eml", "shelter-intake-form.docx",
                                                           "witness-statement-adeyemi.txt")}
    sources.add(path_sha256(f"{SAMPLE_CASE / 'shelter-email.eml'}#referral-note.pdf"))
    named = [r for r in records if "document" in r["details"]]
    assert {r["event"] for r in named} >= {"decision", "spot-check-verdict"}
    assert {r["details"]["document"] for r in named} <= SAMPLE_LABELS
    assert {r["details"]["document_sha256"] for r in named} <= sources
    [refused] = [r for r in records if r["event"] == "refused"]
    assert "witness-statement-redacted" in refused["details"]["reason"]
    assert str(SAMPLE_CASE) not in trail.read_text()

    # and the trail still verifies, from the store and from the file; show and sample still work
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "s1")
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", trail)
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "s1", "--event", "decision")
    assert code == 0 and "witness-statement-redacted" in out and SECRET not in out.lower()


def _scanned(path: str, stem: str, texts: list[str]) -> ScannedDocument:
    from workstation.domain.model import Document, DocumentKind, Finding, Page

    findings = [Finding(path, 1, 0, len(t), t, "PERSON", 0.85, "test") for t in texts]
    return ScannedDocument(Document(path, DocumentKind.TEXT, (Page(1, " ".join(texts)),), stem), findings)


class FakeEngine:
    """Finds the word "Kowalczyk" (title-cased only, as spaCy finds names) and records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def analyze_many(self, texts):  # noqa: ANN001, ANN201
        self.asked += texts
        return [[Detection(t.index("Kowalczyk"), t.index("Kowalczyk") + 9, "PERSON", 0.85, "fake")]
                if "Kowalczyk" in t else [] for t in texts]


def test_a_name_only_in_a_file_name_is_found_by_the_engine():
    scanned = [_scanned("/case/notes-kowalczyk.txt", "notes-kowalczyk", []),
               _scanned("/case/report.txt", "report", ["Oluwaseun Adeyemi"])]
    assert document_labels(scanned) == {"/case/notes-kowalczyk.txt": "notes-kowalczyk",
                                        "/case/report.txt": "report"}
    engine = FakeEngine()
    assert document_labels(scanned, engine) == {"/case/notes-kowalczyk.txt": "notes-redacted",
                                                "/case/report.txt": "report"}
    assert engine.asked == ["notes kowalczyk", "Notes Kowalczyk", "report", "Report"]


def test_the_real_engine_finds_a_name_written_in_lower_case(engine):
    scanned = [_scanned("/case/statement-of-maria-lopez.txt", "statement-of-maria-lopez", [])]
    assert document_labels(scanned, engine) == {"/case/statement-of-maria-lopez.txt": "statement-of-redacted"}


def test_the_generic_words_list_keeps_document_kinds_readable():
    words = label_generic_words()
    assert {"street", "avenue", "road", "the", "and", "report", "statement", "form", "email", "notice",
            "letter"} <= words
    scanned = [_scanned("/case/case-notes.txt", "case-notes", ["41-20 Case Street", "served a Notice to Appear"])]
    assert document_labels(scanned) == {"/case/case-notes.txt": "case-notes"}

"""``workstation case/audit/report/users`` end to end: a federal-immigration case under the sanctuary rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pymupdf
import pytest
from pdfminer.high_level import extract_text

import workstation.cli as cli
from workstation.cli import main
from workstation.domain.roles import Role, UserDirectory, save_users

PASS = {"admin": "admin-passphrase-1", "clerk1": "clerk-passphrase-1", "counsel1": "counsel-passphrase-1",
        "super1": "supervisor-passphrase-1"}
ROLES = {"admin": Role.ADMINISTRATOR, "clerk1": Role.CLERK, "counsel1": Role.COUNSEL, "super1": Role.SUPERVISOR}

REPORT = ("Incident report 2026-0042.\n"
          "Complainant Maria Gonzalez is a citizen of Honduras and lives at 123 Main Street, Brooklyn, NY 11201.\n"
          "Her A-Number is A123456789 and she is undocumented.\n"
          "She can be reached at 212-555-0147.\n")
PROTECTED_TEXTS = ["Honduras", "A123456789", "123 Main Street", "undocumented"]
WARRANT = "SDNY 26-MJ-01234"


def make_users(roles: dict[str, Role], passphrases: dict[str, str]) -> UserDirectory:
    """An administrator "admin" (whose key is the trust anchor) and ``roles``; counsel's keys registered by admin.
    scrypt at its minimum cost (passed in: the defaults stay) to keep the tests fast."""
    users = UserDirectory().add_user(None, "admin", Role.ADMINISTRATOR, passphrases["admin"], n=2**14,
                                     key_n=2**14)
    admin = users.get("admin")
    signer = users.unlock("admin", passphrases["admin"])
    for name, role in roles.items():
        users = users.add_user(admin, name, role, passphrases[name], n=2**14, key_n=2**14, signer=signer)
    return users


def anchor_of(users: UserDirectory) -> str:
    admin = users.get("admin")
    assert admin is not None and admin.key is not None
    return admin.key.fingerprint


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine) -> Path:
    """Users (one per role), a private store and the session's detection engine."""
    users = make_users({name: ROLES[name] for name in ("clerk1", "counsel1", "super1")}, PASS)
    save_users(tmp_path / "users.json", users)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_TRUST_ANCHOR", anchor_of(users))
    monkeypatch.setenv("WORKSTATION_DB", str(tmp_path / "data" / "cases.sqlite3"))
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    case = tmp_path / "case"
    case.mkdir()
    (case / "report.txt").write_text(REPORT, encoding="utf-8")
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for n, line in enumerate(REPORT.splitlines()):
        page.insert_text((72, 72 + 14 * n), line, fontname="helv", fontsize=10)
    doc.save(case / "scan.pdf")
    doc.close()
    return tmp_path


def run(capsys, monkeypatch, user: str | None, *argv: object) -> tuple[int, str, str]:
    if user:
        monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS[user])
        argv = (*argv, "--user", user)
    else:
        monkeypatch.delenv("WORKSTATION_PASSPHRASE", raising=False)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def items(capsys, monkeypatch, name: str = "imm") -> list[tuple[str, str, str]]:
    code, out, _ = run(capsys, monkeypatch, None, "case", "show", name, "--items")
    assert code == 0
    rows = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 4 and len(parts[0]) == 12 and all(c in "0123456789abcdef" for c in parts[0]):
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def new_case(capsys, monkeypatch, env: Path, name: str = "imm", recipient: str = "federal-immigration") -> str:
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", name,
                         "--recipient", recipient)
    assert code == 0, err
    return out


def test_federal_immigration_case_end_to_end(env, capsys, monkeypatch):
    out = new_case(capsys, monkeypatch, env)
    assert "recipient federal-immigration" in out
    rows = items(capsys, monkeypatch)
    cats = {c for _, c, _ in rows}
    assert {"NATIONALITY", "A_NUMBER", "ADDRESS", "IMMIGRATION_STATUS"} <= cats
    # the sanctuary policy decides every protected item: redact (recorded as policy decisions in the trail)
    assert all(d == "redact" for _, c, d in rows)
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "decision")
    assert "policy default (federal-immigration)" in out

    # export before sign-off: refused, exit 4, one line
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 4 and len(err.strip().splitlines()) == 1 and "not signed off" in err
    assert not (env / "out").exists()

    nationality = next(i for i, c, _ in rows if c == "NATIONALITY")
    address = next(i for i, c, _ in rows if c == "ADDRESS")
    # a clerk cannot release a locked category, nor override
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--finding", nationality,
                       "--decision", "release", "--reason", "requested by the agency")
    assert code == 4 and "clerk" in err
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "judicial warrant served", "--warrant", WARRANT)
    assert code == 4 and "may not override" in err
    # counsel: an override needs a judicial warrant by number; an ICE administrative warrant is refused
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "warrant served on the department")
    assert code == 4 and "judicial warrant" in err
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "warrant served on the department", "--warrant", "I-200 2026-77")
    assert code == 4 and "I-200" in err
    code, out, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                         "--reason", "warrant served on the department", "--warrant", WARRANT)
    assert code == 0, err
    assert dict((i, d) for i, _, d in items(capsys, monkeypatch))[nationality] == "release"
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "override")
    assert "counsel1" in out and WARRANT in out and "warrant served on the department" in out
    # counsel decides to withhold it after all
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "decide", "imm", "--finding", nationality,
                       "--decision", "redact")
    assert code == 0, err

    # a protected item deferred (pending) blocks export even with a sign-off refused
    code, _, _ = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--finding", address, "--decision",
                     "defer")
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 4 and "pending" in err
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 4 and "protected items still pending" in err and len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")
    assert code == 0

    # a clerk cannot sign off; a wrong passphrase is refused; counsel signs off
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "signoff", "imm")
    assert code == 4 and "may not sign off" in err
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "not-the-passphrase")
    assert main(["case", "signoff", "imm", "--user", "counsel1"]) == 4
    capsys.readouterr()
    code, out, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err and "signed off by counsel1" in out

    # a change after sign-off voids it: export refused again
    person = next(i for i, c, _ in items(capsys, monkeypatch) if c == "PERSON")
    code, _, _ = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--finding", person, "--decision",
                     "defer")
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 4 and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, monkeypatch, None, "case", "show", "imm")
    assert "voided" in out and "export: blocked" in out
    code, _, _ = run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--finding", person, "--decision",
                     "redact")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err

    # export: verified PDFs, redaction logs, Vaughn index (CSV + PDF) and the disclosure record
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    assert code == 0, err
    out_dir = env / "out"
    names = {p.name for p in out_dir.iterdir()}
    assert {"report.redacted.pdf", "scan.redacted.pdf", "vaughn-index.csv", "vaughn-index.pdf",
            "disclosure-record.json"} <= names
    for pdf in ("report.redacted.pdf", "scan.redacted.pdf"):
        with pymupdf.open(out_dir / pdf) as doc:
            first = "".join(p.get_text() for p in doc)
        second = extract_text(str(out_dir / pdf))
        for text in PROTECTED_TEXTS + ["Maria Gonzalez"]:
            assert text not in first and text not in second, (pdf, text)
        assert "Incident report" in first
    record = json.loads((out_dir / "disclosure-record.json").read_text())
    assert record["recipient"] == "federal-immigration" and record["approver"] == "counsel1"
    assert record["overrides"][0]["legal_basis"]["reference"] == WARRANT
    vaughn = list(csv.DictReader(io.StringIO((out_dir / "vaughn-index.csv").read_text())))
    assert vaughn and {r["approver"] for r in vaughn} == {"counsel1"}
    assert all(r["exemption_code"] and r["justification"] for r in vaughn)
    with pymupdf.open(out_dir / "vaughn-index.pdf") as doc:
        vtext = "".join(p.get_text() for p in doc)
    assert "Vaughn index" in vtext and "NATIONALITY" in vtext
    for text in PROTECTED_TEXTS:
        assert text not in vtext and text not in (out_dir / "vaughn-index.csv").read_text()
    code, out, _ = run(capsys, monkeypatch, None, "case", "show", "imm")
    assert "state: exported" in out

    # the trail holds the whole story, and verifies
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm")
    events = [line.split()[4] for line in out.splitlines()]
    for event in ("case-opened", "scan-run", "decision", "override", "refused", "sign-off", "sign-off-voided",
                  "export"):
        assert event in events, event
    export_line = [line for line in out.splitlines() if " export " in line][-1]
    assert '"verified": true' in export_line and "report.redacted.pdf" in export_line
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out

    # neither the trail nor the SQLite files contain any finding's text
    trail = env / "trail.jsonl"
    assert run(capsys, monkeypatch, None, "audit", "export", "imm", "--out", trail)[0] == 0
    db = env / "data"
    raw = b"".join(p.read_bytes() for p in db.iterdir()) + trail.read_bytes()
    for text in PROTECTED_TEXTS + ["Maria Gonzalez", "Gonzalez", "212-555-0147"]:
        assert text.encode() not in raw, text


def _exported_trail(env: Path, capsys, monkeypatch) -> Path:
    new_case(capsys, monkeypatch, env)
    run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")
    trail = env / "trail.jsonl"
    code, _, _ = run(capsys, monkeypatch, None, "audit", "export", "imm", "--out", trail)
    assert code == 0
    return trail


def _flip_byte(lines: list[str]) -> list[str]:
    line = lines[2]
    i = line.index('"actor":"') + 9
    lines[2] = line[:i] + ("X" if line[i] != "X" else "Y") + line[i + 1:]
    return lines


@pytest.mark.parametrize("tamper, record", [
    (_flip_byte, 3),
    (lambda lines: lines[:1] + lines[2:], 2),  # a record deleted
    (lambda lines: [lines[0], lines[2], lines[1], *lines[3:]], 2),  # two records swapped
    (lambda lines: lines[:-1], None),  # the last record(s) removed
])
def test_audit_verify_detects_tampering(env, capsys, monkeypatch, tamper, record):
    trail = _exported_trail(env, capsys, monkeypatch)
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", trail)
    assert code == 0 and "intact" in out
    lines = trail.read_text().splitlines()
    n = len(lines)
    bad = env / "bad.jsonl"
    bad.write_text("".join(line + "\n" for line in tamper(lines)))
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", bad)
    assert code == 1
    assert f"broken at record {record if record is not None else n}" in out


def test_audit_verify_detects_a_file_cut_mid_record(env, capsys, monkeypatch):
    trail = _exported_trail(env, capsys, monkeypatch)
    data = trail.read_bytes()
    n = data.count(b"\n")
    (env / "cut.jsonl").write_bytes(data[: len(data) - 40])
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", env / "cut.jsonl")
    assert code == 1 and f"broken at record {n}" in out and "truncated" in out


def test_audit_verify_detects_a_rewritten_chain_against_the_store(env, capsys, monkeypatch):
    from workstation.domain.audit import AuditRecord, AuditTrail

    trail = _exported_trail(env, capsys, monkeypatch)
    records = [AuditRecord.from_dict(json.loads(line)) for line in trail.read_text().splitlines()]
    forged = AuditTrail()
    for r in records:
        actor = "someone-else" if r.seq == 3 else r.actor
        forged.append(actor, r.role, r.event, r.details, at=r.at)
    trail.write_text(forged.to_jsonl())
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", trail)
    # rebuilt without the actors' keys, every record is unsigned: caught at the first (issue 12 item 2)
    assert code == 1 and "broken at record 1 " in out and "is not signed" in out, out


def test_store_trail_is_append_only(env, capsys, monkeypatch):
    import sqlite3

    new_case(capsys, monkeypatch, env)
    db = sqlite3.connect(env / "data" / "cases.sqlite3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_chain WHERE seq = 2")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit_chain SET record = '{}' WHERE seq = 2")
    # a record removed behind the triggers' back is found by `audit verify NAME`
    db.execute("DROP TRIGGER audit_chain_no_delete")
    db.execute("DELETE FROM audit_chain WHERE seq = (SELECT MAX(seq) FROM audit_chain)")
    db.commit()
    db.close()
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 1 and "truncated" in out


def test_spot_check_sample_record_and_qa_report(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    code, _, err = run(capsys, monkeypatch, "clerk1", "audit", "sample", "imm", "--rate", "10", "--seed", "7")
    assert code == 4 and "supervisor" in err or "spot-check" in err
    code, out, err = run(capsys, monkeypatch, "super1", "audit", "sample", "imm", "--rate", "10", "--seed", "7",
                         "--context")
    assert code == 0, err
    sampled = [line.split()[0] for line in out.splitlines()[1:] if not line.strip().startswith("...")]
    cats = {line.split()[1] for line in out.splitlines()[1:] if not line.strip().startswith("...")}
    assert len(sampled) == len(cats)  # 10% of each (category, decision) stratum, at least one each
    assert "[[" in out  # the page context is shown on the supervisor's terminal
    code, _, err = run(capsys, monkeypatch, "super1", "audit", "record", "imm", "--item", sampled[0], "--fail")
    assert code == 2 and "comment" in err
    for n, ident in enumerate(sampled):
        verdict = "--fail" if n == 0 else "--pass"
        code, out, err = run(capsys, monkeypatch, "super1", "audit", "record", "imm", "--item", ident, verdict,
                             "--comment", "checked against the page")
        assert code == 0, err
    assert "spot-check complete" in out
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "spot-check")
    assert '"disagreed": 1' in out and f'"sampled": {len(sampled)}' in out
    code, _, _ = run(capsys, monkeypatch, None, "report", "imm", "--out-dir", env / "rep")
    qa = list(csv.DictReader(io.StringIO((env / "rep" / "qa-report.csv").read_text())))
    assert [r["result"] for r in qa].count("fail") == 1 and len(qa) == len(sampled)
    assert {"vaughn-index.csv", "vaughn-index.pdf", "disclosure-record.json"} <= {p.name for p in
                                                                                  (env / "rep").iterdir()}


def test_report_summary_across_cases_has_no_personal_information(env, capsys, monkeypatch):
    new_case(capsys, monkeypatch, env)
    (env / "case2").mkdir()
    (env / "case2" / "note.txt").write_text("Witness Maria Gonzalez, phone 212-555-0147.\n")
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case2", "--name", "foil",
                       "--recipient", "public")
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, None, "report", "summary", "--out-dir", env / "sum")
    assert code == 0
    text = (env / "sum" / "summary.csv").read_text()
    assert "federal-immigration" in text and "public" in text and "NATIONALITY" in text
    with pymupdf.open(env / "sum" / "summary.pdf") as doc:
        pdf_text = "".join(p.get_text() for p in doc)
    for t in PROTECTED_TEXTS + ["Gonzalez", "212-555-0147", "report.txt", "note.txt"]:
        assert t not in text and t not in pdf_text


def test_court_case_needs_a_legal_basis_and_review(env, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "court1",
                         "--recipient", "court", "--basis", "subpoena:Index 12345/2026")
    assert code == 0, err
    assert "items still pending review" in out  # PERSON/PHONE default to review for a court
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "x",
                       "--recipient", "nobody")
    assert code == 2 and "unknown recipient" in err


def test_users_add_and_list(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "u.json"))
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "first-admin-passphrase")
    assert main(["users", "add", "boss", "--role", "administrator"]) == 0
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "a-clerk-passphrase")
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "wrong-passphrase!!")
    assert main(["users", "add", "clerk9", "--role", "clerk", "--user", "boss"]) == 4
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "first-admin-passphrase")
    assert main(["users", "add", "clerk9", "--role", "clerk", "--user", "boss"]) == 0
    capsys.readouterr()
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "boss\tadministrator" in out and "clerk9\tclerk" in out
    stored = (tmp_path / "u.json").read_text()
    assert "a-clerk-passphrase" not in stored and "first-admin-passphrase" not in stored


# ------------------------------------------------------------------------------------------------ case folders


def _store_rows(env: Path) -> dict[str, int]:
    import sqlite3

    db = env / "data" / "cases.sqlite3"
    if not db.exists():
        return {}
    con = sqlite3.connect(db)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'") if t != "meta"]
        return {t: n for t in tables if (n := con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])}
    finally:
        con.close()


def test_case_new_refuses_a_link_leaving_the_case_folder_and_stores_nothing(env, capsys, monkeypatch):
    (env / "case" / "accounts.txt").symlink_to(env / "users.json")  # the users file (scrypt hashes) as a document
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "imm",
                         "--recipient", "public")
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "accounts.txt" in err and "outside the folder" in err and "Traceback" not in err
    assert _store_rows(env) == {}
    (env / "case" / "accounts.txt").unlink()
    (env / "linked").symlink_to(env / "case", target_is_directory=True)  # a link named directly: not a file
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "linked", "--name", "imm",
                       "--recipient", "public")
    assert code == 2 and "not a regular file" in err and _store_rows(env) == {}


def test_case_new_reads_a_file_given_twice_once(env, capsys, monkeypatch):
    report = env / "case" / "report.txt"
    code, out, err = run(capsys, monkeypatch, "clerk1", "case", "new", report, report, env / "case",
                         env / "case" / ".." / "case" / "report.txt", "--name", "imm", "--recipient", "public")
    assert code == 0, err
    assert "2 document(s)" in out
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out


@pytest.mark.parametrize("where", ["save_scan", "apply"])
def test_case_new_that_fails_midway_leaves_no_case_rows_or_audit(env, capsys, monkeypatch, where):
    from workstation.store.case_store import CaseStore

    real = getattr(CaseStore, where)

    def failing(self, *args, **kwargs):
        real(self, *args, **kwargs)  # the step is written, then the process fails before the case is complete
        raise RuntimeError("disk full")

    monkeypatch.setattr(CaseStore, where, failing)
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "new", env / "case", "--name", "imm",
                       "--recipient", "federal-immigration")
    assert code == 1 and "disk full" in err
    assert _store_rows(env) == {}
    monkeypatch.setattr(CaseStore, where, real)
    new_case(capsys, monkeypatch, env)  # the name is free: nothing half-made is in the way
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out


@pytest.mark.parametrize("name", ["report.txt", "jose-ramirez-statement.txt"])  # changed; added after the scan
def test_export_refused_for_a_changed_source_is_recorded(env, capsys, monkeypatch, name):
    new_case(capsys, monkeypatch, env)
    assert run(capsys, monkeypatch, "clerk1", "case", "decide", "imm", "--all-pending", "redact")[0] == 0
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "signoff", "imm")
    assert code == 0, err
    (env / "case" / name).write_text(REPORT + "Added after the review: Jose Ramirez.\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "imm", "--out-dir", env / "out")
    why = "changed since it was scanned" if name == "report.txt" else "was added since the case was scanned"
    assert code == 4 and why in err and len(err.strip().splitlines()) == 1
    assert not (env / "out").exists()
    code, out, _ = run(capsys, monkeypatch, None, "audit", "show", "imm", "--event", "refused")
    refusals = [line for line in out.splitlines() if why in line]
    assert len(refusals) == 1 and '"action": "export"' in refusals[0] and "clerk1" in refusals[0], out
    # named by its safe label (a file that was not scanned: "document"), never by its path or file name
    assert name not in refusals[0] and str(env) not in refusals[0] and "ramirez" not in refusals[0].lower()
    code, out, _ = run(capsys, monkeypatch, None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out

"""`workstation training` (issue 15): lessons listed, a lesson made into a practice case with no decisions made
for the trainee, a review with scripted mistakes, and the score that names each mistake with its rule."""

from __future__ import annotations

import pytest

import workstation.cli as cli
from tests.test_case_cli import PASS, ROLES, make_users
from workstation.domain.roles import save_users
from workstation.training.lessons import FAMILIES, LANGUAGES, lesson, lessons


@pytest.fixture
def env(tmp_path, monkeypatch, engine):
    users = make_users({name: ROLES[name] for name in ("clerk1", "counsel1", "super1")}, PASS)
    save_users(tmp_path / "users.json", users)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_DB", str(tmp_path / "cases.sqlite3"))
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["clerk1"])
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    return tmp_path


def test_every_rule_family_has_a_lesson_in_english_and_spanish() -> None:
    found = {(one.family, one.language) for one in lessons()}
    assert found == {(f, lang) for f in FAMILIES for lang in LANGUAGES}
    for one in lessons():
        assert one.spans and "{{" not in one.text and one.teaches
        for start, end, _ in one.spans:
            assert one.text[start:end].strip() == one.text[start:end]  # marks cover words, not spaces


def test_a_lesson_round_on_the_command_line(env, capsys, monkeypatch) -> None:
    assert cli.main(["training", "lessons"]) == 0
    assert "status.es" in capsys.readouterr().out
    code = cli.main(["training", "new", "--lesson", "status.en", "--out", str(env / "p1"), "--suggestions", "all",
                     "--user", "clerk1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "no decisions" not in err and "practice-status.en" in out
    assert cli.main(["case", "show", "practice-status.en", "--items"]) == 0
    shown = [line.split() for line in capsys.readouterr().out.splitlines()]
    items = [row for row in shown if len(row) >= 4 and len(row[0]) == 12 and row[2] == "pending"]
    assert items, "the detector's suggestions are listed, none decided"
    # the trainee redacts every suggestion but one status phrase
    status = [row[0] for row in items if row[1] == "IMMIGRATION_STATUS"]
    rest = [row[0] for row in items if row[0] != status[0]]
    assert cli.main(["case", "decide", "practice-status.en", "--finding", *rest, "--decision", "redact",
                     "--user", "clerk1"]) == 0
    capsys.readouterr()
    assert cli.main(["training", "score", "practice-status.en", "--user", "clerk1"]) == 0
    out = capsys.readouterr().out
    key = lesson("status.en")
    assert f"of {len(key.spans) + len(key.decoys)} right" in out
    assert "missed: IMMIGRATION_STATUS" in out and "Executive Orders 34/41" in out
    # the result is kept in the store's training trail (counts, no text); a supervisor's report has it
    assert cli.main(["audit", "show", "training"]) == 0
    trail = capsys.readouterr().out
    assert "training-result" in trail and "clerk1" in trail and "pending asylum" not in trail
    assert cli.main(["audit", "verify", "training"]) == 0 and "intact" in capsys.readouterr().out
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["super1"])
    assert cli.main(["training", "report", "--out-dir", str(env / "rep"), "--user", "super1"]) == 0
    report = (env / "rep" / "training-report.csv").read_text()
    assert "clerk1" in report and "IMMIGRATION_STATUS" in report and (env / "rep" / "training-report.pdf").is_file()
    row = next(line.split(",") for line in report.splitlines() if ",IMMIGRATION_STATUS," in line)
    assert row[7] == "1"  # missed: the status phrase left out
    # a clerk sees only their own results
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS["clerk1"])
    assert cli.main(["training", "report", "--out-dir", str(env / "rep2"), "--trainee", "counsel1",
                     "--user", "clerk1"]) == 4
    capsys.readouterr()
    # a practice folder is never reused
    assert cli.main(["training", "new", "--lesson", "status.en", "--out", str(env / "p1"), "--user", "clerk1"]) == 2


def test_a_generated_case_with_pdfs_and_a_scanned_page_on_the_command_line(env, capsys) -> None:
    """Issue 15: `training new --seed` writes PDFs and a scanned page; the scan is read by OCR and the score names
    each mistake with its document and page; with nothing decided every item to redact is missed."""
    from workstation.domain.disclosure import RecipientType
    from workstation.service import CaseService
    from workstation.service.training import practice_key
    from workstation.store.case_store import CaseStore

    code = cli.main(["training", "new", "--seed", "cli-1", "--recipient", "public", "--out", str(env / "g1"),
                     "--suggestions", "none", "--user", "clerk1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "4 document(s)" in out and "0 suggestion(s) shown (none)" in out
    names = sorted(p.name for p in (env / "g1").iterdir() if not p.name.startswith("."))
    assert [n.rsplit(".", 1)[1] for n in names] == ["pdf", "pdf", "txt", "pdf"]
    assert any(n.endswith("-scan.pdf") for n in names)
    assert cli.main(["training", "score", "practice-cli-1", "--user", "clerk1"]) == 0
    out = capsys.readouterr().out
    key = practice_key(env / "g1", CaseService(CaseStore(":memory:")).policies.policy(RecipientType.PUBLIC))
    n = len(key.items)
    assert f"0 of {n} right" in out  # the public recipient redacts every category; nothing was done
    assert out.count("  - missed: ") == n
    scan = next(i for i in key.items if i.span.document.endswith("-scan.pdf"))
    assert f"-scan.pdf p.{scan.span.page} [{scan.span.start}:{scan.span.end}]" in out

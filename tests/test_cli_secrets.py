"""Issue 12 items 5 and 6 through the command line: secrets typed on it, failed logins, weak passphrases, and
warrants that are not judicial warrants."""

from __future__ import annotations

import argparse

import pytest

import tests.test_case_cli as case_cli
import workstation.cli as cli
from tests.test_case_cli import items, new_case, run
from workstation.cli import main

env = case_cli.env  # the fixture: users of every role, a private store, the session's engine

SECRET = "Sup3r-Secret-Passphrase"


def _all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    out = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out.extend(_all_parsers(sub))
    return out


def test_no_parser_accepts_abbreviations() -> None:
    parsers = _all_parsers(cli._parser())
    assert len(parsers) > 20
    assert all(p.allow_abbrev is False for p in parsers), [p.prog for p in parsers if p.allow_abbrev]


@pytest.mark.parametrize("argv", [
    ["case", "signoff", "imm", "--user", "counsel1", "--pass", SECRET],
    ["case", "signoff", "imm", "--user", "counsel1", "--passphrase", SECRET],
    ["case", "signoff", "imm", "--user", "counsel1", f"--pass={SECRET}"],
    ["case", "export", "imm", "--out-dir", "out", "--passphrase-f", SECRET],
    ["users", "add", "bob", "--role", "clerk", "--new-pass", SECRET],
    ["case", "show", "imm", "--bogus", SECRET, SECRET],
])
def test_abbreviated_secret_option_refused_and_not_echoed(capsys, tmp_path, monkeypatch, argv) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKSTATION_DB", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    assert exc.value.code == 2
    assert SECRET not in err and SECRET not in out
    option = next(a for a in argv if a.startswith("--") and a.split("=")[0] not in (
        "--user", "--out-dir", "--role"))
    assert option.split("=")[0] in err  # names the option, without its value
    assert "unrecognized" in err


@pytest.mark.parametrize("argv", [
    [SECRET],  # an invalid command
    ["audit", "sample", "imm", "--rate", SECRET],  # an invalid number
    ["scan", "--format", SECRET, "x.pdf"],  # an invalid choice
])
def test_invalid_values_not_echoed(capsys, argv) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2 and SECRET not in err and err.startswith("workstation: error: ")


def test_passphrase_file_path_not_echoed(env, capsys, monkeypatch) -> None:
    """A passphrase typed where its file's path goes is not printed back."""
    monkeypatch.delenv("WORKSTATION_PASSPHRASE", raising=False)
    code = main(["case", "signoff", "imm", "--user", "counsel1", "--passphrase-file", SECRET])
    _, err = capsys.readouterr()
    assert code == 2 and SECRET not in err and "--passphrase-file" in err


def test_failed_login_is_delayed(env, capsys, monkeypatch) -> None:
    new_case(capsys, monkeypatch, env)
    pauses: list[float] = []
    monkeypatch.setattr(cli, "_pause", pauses.append)
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "not-the-passphrase")
    assert main(["case", "submit", "imm", "--user", "clerk1"]) == 4
    assert main(["case", "submit", "imm", "--user", "nobody"]) == 4
    _, err = capsys.readouterr()
    assert "unknown user or wrong passphrase" in err
    assert len(pauses) == 2 and all(1 <= p <= 2 for p in pauses)
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "submit", "imm")
    assert len(pauses) == 2  # a successful login is not delayed


@pytest.mark.parametrize("weak", ["aaaaaaaaaaaa", "123456789012", "abcdefghijklmn", "qwertyuiopas",
                                  "abcabcabcabc", "password1234", "Passphrase2026!", "short-1", "zyxwvutsrqpo",
                                  "1111111111111111"])
def test_weak_new_passphrase_refused(env, capsys, monkeypatch, weak: str) -> None:
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", weak)
    code, _, err = run(capsys, monkeypatch, "admin", "users", "add", "bob", "--role", "clerk")
    assert code == 4 and "passphrase" in err and weak not in err
    code, out, _ = run(capsys, monkeypatch, None, "users", "list")
    assert "bob" not in out


def test_strong_new_passphrase_accepted(env, capsys, monkeypatch) -> None:
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "river lantern copper 42")
    code, out, err = run(capsys, monkeypatch, "admin", "users", "add", "bob", "--role", "clerk")
    assert code == 0, err


@pytest.mark.parametrize(("warrant", "word"), [
    ("DHS detainer", "DHS"), ("administrative warrant", "administrative"), ("N/A", "court"), ("x", "court"),
    ("\u0399-200", "I-200"), ("I\u2013247A", "I-247A"), ("I-2\u200b00", "I-200"),
    pytest.param("x" * 120_000, "200", id="120KB"),
])
def test_override_citing_what_is_not_a_judicial_warrant_refused(env, capsys, monkeypatch, warrant, word) -> None:
    new_case(capsys, monkeypatch, env)
    nationality = next(i for i, c, _ in items(capsys, monkeypatch) if c == "NATIONALITY")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "warrant served on the department", "--warrant", warrant)
    assert code == 4 and word.lower() in err.lower() and len(err) < 400
    assert dict((i, d) for i, _, d in items(capsys, monkeypatch))[nationality] != "release"


def test_override_with_junk_reason_refused(env, capsys, monkeypatch) -> None:
    new_case(capsys, monkeypatch, env)
    nationality = next(i for i, c, _ in items(capsys, monkeypatch) if c == "NATIONALITY")
    code, _, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                       "--reason", "xxxxxxxxxx", "--warrant", "S.D.N.Y. 1:24-mj-01234")
    assert code == 4 and "written reason" in err
    code, out, err = run(capsys, monkeypatch, "counsel1", "case", "override", "imm", "--finding", nationality,
                         "--reason", "warrant served on the department", "--warrant", "S.D.N.Y.\u00a01:24\u2011mj-01234")
    assert code == 0, err and "S.D.N.Y. 1:24-mj-01234" in out

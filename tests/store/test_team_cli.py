"""The command line on the team's PostgreSQL store (issue 11): one service, two backends. A case made, decided,
signed off and exported by three people on their own database logins; the database refuses what a role may not
do even when the workstation's own checks are bypassed; ``server init`` and ``users add`` set the store up."""

from __future__ import annotations

from pathlib import Path

import pytest

import workstation.cli as cli
from tests.store.pg_cluster import OWNER, Cluster
from tests.test_case_cli import PASS, REPORT, ROLES, anchor_of, make_users
from workstation.domain.errors import PermissionDenied
from workstation.domain.roles import save_users


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine, pg_empty: Cluster) -> Cluster:
    users = make_users({name: ROLES[name] for name in ("clerk1", "counsel1", "super1")}, PASS)
    save_users(tmp_path / "users.json", users)
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("WORKSTATION_TRUST_ANCHOR", anchor_of(users))
    monkeypatch.setattr(cli, "_engine", lambda documents=(): engine)
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "report.txt").write_text(REPORT, encoding="utf-8")
    return pg_empty


def run(capsys, monkeypatch, pg: Cluster, login: str, user: str | None, *argv: object) -> tuple[int, str, str]:
    """One command by ``user`` (the workstation account; None: no passphrase) on ``login``'s database connection."""
    monkeypatch.setenv("WORKSTATION_DB", pg.url(login))
    if user:
        monkeypatch.setenv("WORKSTATION_PASSPHRASE", PASS[user])
        argv = (*argv, "--user", user)
    else:
        monkeypatch.delenv("WORKSTATION_PASSPHRASE", raising=False)
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_case_through_the_team_store_end_to_end(team, tmp_path, capsys, monkeypatch) -> None:
    code, out, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "case", "new", tmp_path / "case",
                         "--name", "imm", "--recipient", "federal-immigration")
    assert code == 0, err
    assert "recipient federal-immigration" in out
    # a clerk cannot sign off: refused by the service's role check (exit 4) ...
    code, _, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "case", "signoff", "imm")
    assert code == 4 and "counsel" in err
    # ... and by the database when the workstation is bypassed: the store's own write, on the clerk's login
    from workstation.service import CaseService
    from workstation.store.postgres import PostgresCaseStore

    with PostgresCaseStore(team.conninfo("clerk1")) as store:
        service = CaseService(store)
        rec = service.lookup("imm")
        case = service.state(rec.id)
        from dataclasses import replace

        from workstation.domain.case import CaseState, SignOff

        fake = replace(case, state=CaseState.SIGNED_OFF, sign_off=SignOff("counsel1", "2026-12-07T00:00:00Z",
                                                                          "0" * 64, "forged"))
        with pytest.raises(PermissionDenied):
            store.save_state(rec.id, fake, "counsel1", "counsel")
        assert service.state(rec.id).sign_off is None
    code, out, err = run(capsys, monkeypatch, team, "counsel1", "counsel1", "case", "signoff", "imm", "--note",
                         "checked against the request")
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "case", "export", "imm", "--out-dir",
                         tmp_path / "out")
    assert code == 0, err
    assert (tmp_path / "out" / "disclosure-record.json").is_file()
    code, out, err = run(capsys, monkeypatch, team, "super1", None, "audit", "verify", "imm")
    assert code == 0 and "intact" in out, out + err
    code, out, _ = run(capsys, monkeypatch, team, "super1", None, "audit", "show", "imm")
    actors = {line.split()[2] for line in out.splitlines() if line.strip() and line.split()[0].isdigit()}
    assert {"clerk1", "counsel1"} <= actors, out


def test_server_init_is_idempotent_and_users_add_makes_a_database_login(team, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WORKSTATION_DB", raising=False)
    assert cli.main(["server", "init", "--db", team.url(OWNER)]) == 0
    assert "schema version" in capsys.readouterr().out
    assert cli.main(["server", "init", "--db", str(tmp_path / "cases.sqlite3")]) == 2  # not a team store
    capsys.readouterr()
    # an administrator adds a clerk: an entry in the users file and a login role on the server (SCRAM)
    (tmp_path / "new-pass").write_text("a long new clerk passphrase 7\n")
    code, out, err = run(capsys, monkeypatch, team, "admin1", "admin", "users", "add", "clerk2", "--role", "clerk",
                         "--new-passphrase-file", tmp_path / "new-pass")
    assert code == 0, err
    team.passwords["clerk2"] = "a long new clerk passphrase 7"
    from workstation.store.postgres import PostgresCaseStore

    with PostgresCaseStore(team.conninfo("clerk2")) as store:
        assert store.cases() == []
    # a desk that gives no database password logs in with the member's passphrase (the same secret)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.pgpass
    monkeypatch.delenv("PGPASSWORD", raising=False)
    bare = team.url("clerk2").replace(":" + team.passwords["clerk2"].replace(" ", "%20") + "@", "@")
    assert "passphrase" not in bare
    monkeypatch.setenv("WORKSTATION_DB", bare)
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "a long new clerk passphrase 7")
    assert cli.main(["case", "list"]) == 0
    monkeypatch.setenv("WORKSTATION_PASSPHRASE", "not the passphrase at all 1")
    assert cli.main(["case", "list"]) == 4
    assert "not the passphrase" not in capsys.readouterr().err
    # a clerk's database login cannot add members
    code, _, err = run(capsys, monkeypatch, team, "clerk1", "admin", "users", "add", "clerk3", "--role", "clerk",
                       "--new-passphrase-file", tmp_path / "new-pass")
    assert code == 4 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "clerk3" not in (tmp_path / "users.json").read_text()  # nothing half-done


def test_passwords_and_roles_change_on_the_team_store_too(team, tmp_path, capsys, monkeypatch):
    """``users passwd`` changes the member's own database password with the passphrase (the old one no longer
    logs in); an administrator's ``users role`` / ``users disable`` change the member on the server."""
    import psycopg

    from workstation.store.pg_admin import members, set_member_password

    original = team.passwords["clerk1"]
    monkeypatch.setenv("WORKSTATION_NEW_PASSPHRASE", "amber harbour violin 93")
    try:
        code, _, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "users", "passwd")
        assert code == 0, err
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(team.conninfo("clerk1")).close()
        team.passwords["clerk1"] = "amber harbour violin 93"
        psycopg.connect(team.conninfo("clerk1")).close()
    finally:  # the session's cluster is shared with the other store tests
        set_member_password(team.conninfo(OWNER), "clerk1", original)
        team.passwords["clerk1"] = original
    code, _, err = run(capsys, monkeypatch, team, "admin1", "admin", "users", "role", "super1", "--role", "clerk")
    assert code == 0, err
    assert ("super1", "clerk", False) in members(team.conninfo("admin1"))
    try:
        code, _, err = run(capsys, monkeypatch, team, "admin1", "admin", "users", "disable", "super1")
        assert code == 0, err
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(team.conninfo("super1")).close()
    finally:  # put super1 back for the other store tests of the session
        with psycopg.connect(team.conninfo(OWNER), autocommit=True) as conn:
            conn.execute("ALTER ROLE super1 LOGIN")
            conn.execute("UPDATE ws.members SET role = 'supervisor', disabled = false WHERE login = 'super1'")


def test_a_desk_acts_only_as_the_login_the_team_store_knows(team, tmp_path, capsys, monkeypatch, qtbot, engine):
    """On the team store the database records its login as the actor: the command line refuses to act as one user
    on another's connection, and the window takes the login's name and role (not the desk's user name)."""
    code, _, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "case", "new", tmp_path / "case",
                       "--name", "imm", "--recipient", "public")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, team, "counsel1", "clerk1", "case", "decide", "imm", "--all-pending",
                       "redact")
    assert code == 4 and "connected to the team store as counsel1" in err, err
    from workstation.app import build_window
    from workstation.store.postgres import PostgresCaseStore

    store = PostgresCaseStore(team.conninfo("super1"))
    try:
        window = build_window([tmp_path / "case"], store=store, engine=engine, user="clerk1")
        qtbot.addWidget(window)
        assert (window.account.name, window.account.role.value) == ("super1", "supervisor")
        window.close()
    finally:
        store.close()



def test_a_practice_round_on_the_team_store(team, tmp_path, capsys, monkeypatch) -> None:
    """Training mode on the shared store: the practice case is a case like any other, its result goes to the
    store's training trail appended by the database, and a supervisor's login reads the report."""
    code, _, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "training", "new", "--lesson", "names.en",
                       "--out", tmp_path / "p", "--suggestions", "all")
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, team, "clerk1", "clerk1", "training", "score", "practice-names.en")
    assert code == 0 and "right" in out, err
    code, _, err = run(capsys, monkeypatch, team, "super1", "super1", "training", "report", "--out-dir",
                       tmp_path / "rep")
    assert code == 0, err
    assert "clerk1" in (tmp_path / "rep" / "training-report.csv").read_text()
    code, out, _ = run(capsys, monkeypatch, team, "super1", None, "audit", "verify", "training")
    assert code == 0 and "intact" in out

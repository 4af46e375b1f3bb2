"""Signing in to the window (issue 12: who acts is proved, not taken from the desk's login name)."""

from __future__ import annotations

from tests.test_case_cli import PASS, ROLES, make_users
from workstation.qt.sign_in import SignInDialog


def _users():  # noqa: ANN202
    return make_users({name: ROLES[name] for name in ("clerk1", "counsel1")}, PASS)


def test_the_dialog_takes_only_the_right_passphrase(qtbot) -> None:
    failures: list[tuple[str, bool]] = []
    dialog = SignInDialog(_users(), "clerk1", record_failure=lambda n, k: failures.append((n, k)),
                          pause=lambda s: None)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not it at all")
    assert dialog.try_sign_in() is False and dialog.account is None
    assert dialog.passphrase.text() == "" and "wrong passphrase" in dialog.error.text()
    dialog.name.setText("Sup3r-Secret-As-Name")
    dialog.passphrase.setText(PASS["clerk1"])
    assert dialog.try_sign_in() is False
    assert failures == [("clerk1", True), ("sup3r-secret-as-name", False)]
    dialog.name.setText("counsel1")
    dialog.passphrase.setText(PASS["counsel1"])
    assert dialog.try_sign_in() is True
    assert dialog.account is not None and (dialog.account.name, dialog.account.role.value) == ("counsel1", "counsel")


def test_window_sign_in_records_failures_in_the_system_trail(qtbot, tmp_path, monkeypatch) -> None:
    import workstation.app as app
    from workstation.domain import roles
    from workstation.qt import sign_in
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    monkeypatch.setattr(roles, "FAILED_LOGIN_DELAY", 0.0)
    attempts = iter([("clerk1", "wrong passphrase here"), ("clerk1", PASS["clerk1"])])

    def exec_(self) -> int:  # the person types twice
        for name, secret in attempts:
            self.name.setText(name)
            self.passphrase.setText(secret)
            if self.try_sign_in():
                return int(self.DialogCode.Accepted)
        return int(self.DialogCode.Rejected)

    monkeypatch.setattr(sign_in.SignInDialog, "exec", exec_)
    db = tmp_path / "cases.sqlite3"
    name, password, signer = app.sign_in(_users(), str(db))
    assert (name, password) == ("clerk1", None)  # a local store: no database password
    assert signer.user == "clerk1"  # the key the window's session signs its trail records with
    with CaseStore(db) as store:
        trail = CaseService(store).audit_records("system")
    assert [(r.event, r.actor, r.details["command"]) for r in trail] == [("login-failed", "clerk1", "window sign-in")]

"""The window's session signs the trail records it appends (issue 12 item 2): the passphrase typed to sign in
unlocks the user's key (made now, pending, when they have none), and build_window hands it to the service."""

from __future__ import annotations

import json

import workstation.app as app
from tests.test_case_cli import PASS, make_users
from workstation.domain.roles import Role, load_users, save_users


def test_sign_in_unlocks_the_key_or_makes_a_pending_one(tmp_path, monkeypatch) -> None:
    users = make_users({"clerk1": Role.CLERK}, PASS)
    save_users(tmp_path / "users.json", users)
    data = json.loads((tmp_path / "users.json").read_text())
    next(u for u in data["users"] if u["name"] == "clerk1").pop("key")  # a users file from before every role had one
    (tmp_path / "users.json").write_text(json.dumps(data))
    monkeypatch.setenv("WORKSTATION_USERS", str(tmp_path / "users.json"))
    users = load_users(tmp_path / "users.json")

    class Accepting:  # the dialog, as if the clerk typed their passphrase
        DialogCode = type("DialogCode", (), {"Accepted": 1})

        def __init__(self, directory, default_name, **kwargs) -> None:  # noqa: ANN001, ANN003
            self.account = directory.authenticate("clerk1", PASS["clerk1"], pause=lambda s: None)
            self.passphrase_given = PASS["clerk1"]

        def exec(self) -> int:
            return 1

    monkeypatch.setattr("workstation.qt.sign_in.SignInDialog", Accepting)
    name, password, signer = app.sign_in(users, None)
    assert name == "clerk1" and password is None and signer.user == "clerk1"
    made = load_users(tmp_path / "users.json").get("clerk1").key
    assert made is not None and made.public == signer.public and made.registration is None  # saved, pending


def test_the_window_signs_what_it_records(qtbot, engine, tmp_path) -> None:
    from workstation.store.case_store import CaseStore

    users = make_users({"clerk1": Role.CLERK}, PASS)
    signer = users.with_key("clerk1", PASS["clerk1"])[1]
    store = CaseStore(tmp_path / "cases.sqlite3")
    window = app.build_window(store=store, engine=engine, user="clerk1", users=users, signer=signer)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.detecting, timeout=180_000)
    records = [r for r in store.audit(window.case.id) if r.actor == "clerk1"]
    assert records and all(r.signature for r in records)
    assert window.case_service.verify(window.case.id).ok
    window.close()
    store.close()

"""Builds what the window needs - store, policy, detection engine, user and role - and runs the window.

Models are built here (or in the CLI) and passed in, never reached for through globals. The detection engine is
built once, in the background, so the first page of the case is on screen at once.
"""

from __future__ import annotations

import dataclasses
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workstation.domain.policy import Policy
from workstation.domain.roles import UserDirectory
from workstation.domain.signing import Signer
from workstation.paths import RESOURCES, SAMPLE_CASE
from workstation.pipeline import Analyzer
from workstation.service.repository import CaseRepository, open_repository

DEFAULT_POLICY = RESOURCES / "policies" / "default.toml"
ROLE = "clerk"  # the role of a login name that is not in the users file


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        return os.environ.get("USER", "unknown")


def engine_factory() -> Analyzer:
    from workstation.detection.engine import DetectionEngine

    return DetectionEngine()


def build_window(paths: Sequence[str | Path] | None = None, *, store: CaseRepository | None = None,
                 engine: Analyzer | None = None, factory: Callable[[], Analyzer] | None = engine_factory,
                 policy: Policy | None = None, user: str | None = None, role: str | None = None,
                 users: UserDirectory | None = None, signer: Signer | None = None):  # noqa: ANN201 - MainWindow
    """The main window on ``paths`` (default: the bundled sample case). A QApplication must exist.

    The user's role comes from the users file (``$WORKSTATION_USERS`` or the default); a login name not in it
    works as a clerk (or ``role``, for tests and screenshots) and cannot sign off (no passphrase). ``signer``: the
    signed-in user's unlocked key, which signs every trail record they append to the local store."""
    from workstation.domain.roles import Role, User, UserDirectory, default_users_path, load_users
    from workstation.qt import case_menu, team_refresh, training_menu
    from workstation.qt.main_window import MainWindow
    from workstation.service import CaseService

    name = user or current_user()
    if users is None:
        env = os.environ.get("WORKSTATION_USERS")
        users = load_users(Path(env) if env else default_users_path())
    account = users.get(name) or User(name, Role.parse(role or ROLE))
    if role is not None and users.get(name) is None:
        account = User(name, Role.parse(role))
    service = CaseService(store or open_repository(), users=users, anchor=_anchor())
    signed_in = service.store_login  # the team store: the database's login and role, not the desk's, are who acts
    if signed_in is not None:
        account = users.get(signed_in[0]) or User(signed_in[0], Role.parse(signed_in[1]))
        if account.role.value != signed_in[1]:
            account = dataclasses.replace(account, role=Role.parse(signed_in[1]))
    if signer is not None and signer.user == account.name:
        service.use_key(signer)
    window = MainWindow(service=service, account=account, policy=policy or Policy.from_file(DEFAULT_POLICY),
                        engine=engine, engine_factory=None if engine is not None else factory)
    case_menu.install(window, users or UserDirectory())
    training_menu.install(window)
    team_refresh.install(window)
    window.open_case(list(paths) if paths else [SAMPLE_CASE])
    return window


def _anchor():  # noqa: ANN202 - TrustAnchor | None
    """The trust anchor counsel's signatures are verified up to (the system file, else
    ``$WORKSTATION_TRUST_ANCHOR``); None when there is none or it cannot be read (an export needing a signature is
    then refused, saying why)."""
    from workstation.domain.errors import WorkstationError
    from workstation.domain.signing import load_trust_anchor

    try:
        return load_trust_anchor()
    except WorkstationError:
        return None


def run(paths: Sequence[str | Path] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Disclosure Review Workstation")
    users = _users()
    spec = os.environ.get("WORKSTATION_DB") or None
    name, password, signer = None, None, None
    if users.users:  # a users file: who works here is proved, not taken from the desk's login
        signed = sign_in(users, spec)
        if signed is None:
            return 0
        name, password, signer = signed
        users = _users()  # again: signing in may have given the user a (pending) key
    store = open_repository(spec, password=password)
    window = build_window(paths, store=store, user=name, users=users, signer=signer)
    window.show()
    code = app.exec()
    store.close()
    return int(code)


def _users():  # noqa: ANN202 - UserDirectory
    from workstation.domain.roles import default_users_path, load_users

    env = os.environ.get("WORKSTATION_USERS")
    return load_users(Path(env) if env else default_users_path())


def sign_in(users, spec: str | None) -> tuple[str, str | None, Signer] | None:  # noqa: ANN001
    """Ask who is working (``qt.sign_in``); (name, the passphrase when it opens the team store, their unlocked
    signing key - made now, pending, if they have none: ``service.session``) or None when cancelled. Failed
    attempts go to the local store's system trail (the team store cannot be opened without the right password,
    so there the database's own log has them)."""
    from workstation.domain.roles import default_users_path
    from workstation.qt.sign_in import SignInDialog
    from workstation.service import CaseService
    from workstation.service.repository import is_team_store
    from workstation.service.session import session_key

    def record_failure(name: str, known: bool) -> None:
        if is_team_store(spec):
            return
        with_store = open_repository(spec)
        try:
            CaseService(with_store).record_login_failure(name if known else "", known, "window sign-in")
        finally:
            with_store.close()

    dialog = SignInDialog(users, current_user(), record_failure=record_failure)
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.account is None:
        return None
    env = os.environ.get("WORKSTATION_USERS")
    signer, _ = session_key(Path(env) if env else default_users_path(), users, dialog.account,
                            dialog.passphrase_given)
    return dialog.account.name, (dialog.passphrase_given if is_team_store(spec) else None), signer

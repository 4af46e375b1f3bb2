"""A throw-away PostgreSQL cluster for the tests and the benchmark: a private Unix socket, no TCP, SCRAM passwords.

Debian's ``postgresql`` package provides the binaries (``packaging/setup.sh`` installs it when missing); without them
``start`` raises instead of skipping, so a machine that cannot run the PostgreSQL tests says so loudly. ``initdb``
refuses to run as root: as root the cluster's directory is given to the ``postgres`` system user and every server
command runs through ``runuser -u postgres``.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

OWNER = "ws_owner"
DATABASE = "workstation"
MEMBERS = {"clerk1": "clerk", "counsel1": "counsel", "super1": "supervisor", "admin1": "administrator"}


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries: install Debian's ``postgresql`` package (``packaging/setup.sh`` does)."""


def pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        local = shutil.which("initdb")
        if local is None:
            raise PostgresMissing("PostgreSQL server binaries not found (initdb under /usr/lib/postgresql/*/bin): "
                                  "install Debian's 'postgresql' package (bash packaging/setup.sh --dev does)")
        return Path(os.path.realpath(local)).parent
    return Path(found[-1]).parent


@dataclass
class Cluster:
    """One running cluster: ``conninfo(user)`` connects as the owner or a member (``passwords``)."""

    root: Path
    bindir: Path
    passwords: dict[str, str] = field(default_factory=dict)
    as_postgres: bool = False
    fsync: bool = False  # off for the tests (nothing to keep); on for the benchmark (a real server's cost)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def conninfo(self, user: str = OWNER, dbname: str = DATABASE) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(host=str(self.root), port="5432", dbname=dbname, user=user, password=self.passwords[user])

    def url(self, user: str = OWNER, dbname: str = DATABASE) -> str:
        from urllib.parse import quote

        return (f"postgresql://{quote(user)}:{quote(self.passwords[user], safe='')}@/{dbname}"
                f"?host={quote(str(self.root), safe='')}")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(self.passwords[OWNER] + "\n")
        if self.as_postgres:
            shutil.chown(pwfile, "postgres")
        try:
            self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "scram-sha-256", "-U", OWNER,
                      "--pwfile", str(pwfile), "-E", "UTF8", "--locale=C", *([] if self.fsync else ["--no-sync"]))
            options = f"-k {self.root} -c listen_addresses='' -c fsync={'on' if self.fsync else 'off'}"
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                      "-w", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise RuntimeError(f"the test cluster did not start: {exc.stderr}\n{log}") from exc
        finally:
            pwfile.unlink(missing_ok=True)

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(members: dict[str, str] | None = None, *, fsync: bool = False) -> Cluster:
    """Start a cluster, create the workstation database, ``server init`` it and add one member per role."""
    import psycopg

    from workstation.store.pg_admin import add_member, init_server

    bindir = pg_bindir()
    root = Path(tempfile.mkdtemp(prefix="ws-pg-"))
    as_postgres = os.geteuid() == 0
    if as_postgres:
        shutil.chown(root, "postgres")
        root.chmod(0o755)
    cluster = Cluster(root, bindir, {OWNER: secrets.token_urlsafe(16)}, as_postgres, fsync)
    cluster.start()
    try:
        with psycopg.connect(cluster.conninfo(dbname="postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        init_server(cluster.conninfo())
        for login, role in (MEMBERS if members is None else members).items():
            cluster.passwords[login] = secrets.token_urlsafe(16)
            add_member(cluster.conninfo(), login, role, cluster.passwords[login])
    except BaseException:
        cluster.stop()
        raise
    return cluster


def wipe(cluster: Cluster) -> None:
    """Empty every case table (members stay): each test starts from an empty store."""
    import psycopg

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'ws' "
            "AND tablename NOT IN ('meta', 'members', 'policies')")]
        with conn.transaction():
            conn.execute("ALTER TABLE ws.audit_chain DISABLE TRIGGER USER")  # the owner may; no member can
            conn.execute("TRUNCATE " + ", ".join(f"ws.{t}" for t in tables))
            conn.execute("ALTER TABLE ws.audit_chain ENABLE TRIGGER USER")
            conn.execute("DELETE FROM ws.members WHERE login NOT IN (SELECT unnest(%s::text[]))", (list(MEMBERS),))

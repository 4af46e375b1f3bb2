"""Set up a records unit's shared store on a Debian host, in one command (as root):

    .venv/bin/python -m workstation.store.pg_setup --admin alice [--database workstation] [--allow 10.20.0.0/16]

1. installs Debian's ``postgresql`` when it is missing and makes sure a cluster runs (``pg_createcluster``);
2. creates the owner role ``ws_owner`` (LOGIN, CREATEROLE - it creates the members' login roles - not superuser)
   with a random password, sent as a SCRAM verifier, kept in ``/etc/workstation/owner.conninfo`` (root only, 0600);
3. creates the database (UTF8, owned by ``ws_owner``) and runs ``pg_admin.init_server`` as the owner;
4. adds the first administrator (password asked twice, or ``$WORKSTATION_ADMIN_PASSWORD``);
5. with ``--allow CIDR``: lets members log in over TLS from that network only (``hostssl`` + ``scram-sha-256`` in
   ``pg_hba.conf``, ``listen_addresses = '*'``, Debian's default certificate unless one is configured) and restarts
   the cluster.

It is idempotent: run again, it keeps the owner's password, migrates the schema forward and adds nothing twice.
``--dry-run`` prints the commands instead of running them.
"""

from __future__ import annotations

import argparse
import getpass
import glob
import os
import secrets
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from workstation.domain.errors import ConfigurationError, WorkstationError
from workstation.store.pg_admin import add_member, init_server, scram_verifier

OWNER = "ws_owner"
OWNER_FILE = Path("/etc/workstation/owner.conninfo")


class Host:
    """Runs (or, dry, prints) the commands of the setup."""

    def __init__(self, dry_run: bool) -> None:
        self.dry_run = dry_run

    def run(self, *cmd: str, stdin: str | None = None, check: bool = True) -> str:
        if self.dry_run:
            print("+ " + " ".join(shlex.quote(c) for c in cmd) + (" <<< (sql)" if stdin else ""))
            return ""
        try:
            done = subprocess.run(list(cmd), input=stdin, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise ConfigurationError(f"{cmd[0]} not found: install Debian's postgresql package") from None
        if check and done.returncode != 0:
            raise ConfigurationError(f"{' '.join(cmd[:3])}: {(done.stderr or done.stdout).strip()[:300]}")
        return done.stdout

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self.run("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                        "-d", database, "-f", "-", stdin=sql)


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ensure_server(host: Host) -> tuple[str, str]:
    """Install PostgreSQL when missing and start a cluster; returns (version, cluster name)."""
    if not glob.glob("/usr/lib/postgresql/*/bin/postgres"):
        host.run("apt-get", "update", "-qq")
        host.run("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "postgresql")
    listed = host.run("pg_lsclusters", "-h", check=False).split()
    if host.dry_run or not listed:
        versions = sorted(glob.glob("/usr/lib/postgresql/*"), key=lambda p: int(Path(p).name))
        version = Path(versions[-1]).name if versions else "15"
        if not listed:
            host.run("pg_createcluster", version, "main", "--start")
        return version, "main"
    version, name = listed[0], listed[1]
    host.run("pg_ctlcluster", version, name, "start", check=False)  # already running: harmless
    return version, name


def ensure_owner(host: Host, database: str) -> str:
    """The owner role and the database; returns the owner's connection string (kept root-only)."""
    if OWNER_FILE.exists():
        conninfo = OWNER_FILE.read_text(encoding="utf-8").strip()
    else:
        password = secrets.token_urlsafe(24)
        conninfo = f"host=localhost dbname={database} user={OWNER} password={password}"
        host.psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN "
                  f"CREATE ROLE {OWNER} LOGIN CREATEROLE; END IF; END $$;\n"
                  f"ALTER ROLE {OWNER} LOGIN CREATEROLE PASSWORD {_sql_literal(scram_verifier(password))};")
        if not host.dry_run:
            OWNER_FILE.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(OWNER_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(conninfo + "\n")
    exists = host.psql(f"SELECT 1 FROM pg_database WHERE datname = {_sql_literal(database)}")
    if host.dry_run or not exists.strip():
        host.run("runuser", "-u", "postgres", "--", "createdb", "-O", OWNER, "-E", "UTF8", "-T", "template0",
                 "--locale=C", database)
    return conninfo


def allow_network(host: Host, version: str, cluster: str, database: str, cidr: str) -> None:
    """Members log in from ``cidr`` over TLS with SCRAM only; then restart the cluster."""
    hba = Path(f"/etc/postgresql/{version}/{cluster}/pg_hba.conf")
    line = f"hostssl {database} +ws_member {cidr} scram-sha-256"
    if host.dry_run:
        print(f"+ append to {hba}: {line}")
    elif line not in hba.read_text(encoding="utf-8"):
        with hba.open("a", encoding="utf-8") as out:
            out.write(f"# disclosure workstation members (workstation.store.pg_setup)\n{line}\n")
    host.psql("ALTER SYSTEM SET listen_addresses = '*'; ALTER SYSTEM SET ssl = on; "
              "ALTER SYSTEM SET password_encryption = 'scram-sha-256';")
    host.run("pg_ctlcluster", version, cluster, "restart")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workstation.store.pg_setup",
                                     description="Set up the shared PostgreSQL case store on this Debian host.")
    parser.add_argument("--admin", required=True, help="login of the first administrator")
    parser.add_argument("--database", default="workstation")
    parser.add_argument("--allow", metavar="CIDR", help="network the desks connect from (TLS + SCRAM only)")
    parser.add_argument("--dry-run", action="store_true", help="print the commands, change nothing")
    args = parser.parse_args(argv)
    host = Host(args.dry_run)
    try:
        if os.geteuid() != 0 and not args.dry_run:
            raise ConfigurationError("run the server setup as root (it installs and configures PostgreSQL)")
        version, cluster = ensure_server(host)
        owner = ensure_owner(host, args.database)
        if args.dry_run:
            print(f"+ init_server({OWNER} on {args.database}); add_member({args.admin!r}, 'administrator')")
        else:
            init_server(owner)
            password = os.environ.get("WORKSTATION_ADMIN_PASSWORD") or _ask(args.admin)
            try:
                add_member(owner, args.admin, "administrator", password)
            except WorkstationError as exc:
                if "already exists" not in str(exc):
                    raise
                print(f"{args.admin} exists already: kept as it is")
        if args.allow:
            allow_network(host, version, cluster, args.database, args.allow)
    except WorkstationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    where = f"postgresql://{args.admin}@<this host>/{args.database}?sslmode=require" if args.allow else (
        f"postgresql://{args.admin}@localhost/{args.database}")
    print(f"shared store ready: desks connect with --db '{where}'")
    return 0


def _ask(login: str) -> str:
    first = getpass.getpass(f"password for {login}: ")
    if first != getpass.getpass("again: "):
        raise ConfigurationError("the passwords differ")
    return first


if __name__ == "__main__":
    raise SystemExit(main())

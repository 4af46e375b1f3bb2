"""The workstation never opens a network connection: build the engine, scan and redact in a fresh process
with every socket call recorded, and require that none was attempted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, socket, sys
attempts = []
def deny(*a, **k):
    attempts.append(repr(a[1:] if len(a) > 1 else a))
    raise OSError("network disabled in test")
socket.socket.connect = deny
socket.socket.connect_ex = deny
socket.getaddrinfo = deny
socket.create_connection = deny
from pathlib import Path
from workstation.cli import main
case = Path(sys.argv[1])
case.mkdir(exist_ok=True)
(case / "mail.txt").write_text(
    "From: det.ramos@nypd.example.org\nSee https://www.uscis.gov/forms and email ana.perez@correo.mx\n"
    "Maria Lopez, a Honduran national, A-123-456-789.\n", encoding="utf-8")
rc1 = main(["scan", str(case), "--format", "json"])
rc2 = main(["redact", str(case), "--out-dir", str(case / "out")])
print(json.dumps({"attempts": attempts, "rc": [rc1, rc2]}), file=sys.stderr)
"""


def test_scan_and_redact_open_no_network_connection(tmp_path: Path) -> None:
    # An empty tldextract cache: a regression to tldextract's default (fetching the suffix list) would
    # show up here as a connection attempt instead of being served from a cache left by an earlier run.
    env = {**os.environ, "TLDEXTRACT_CACHE": str(tmp_path / "tld-cache")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "case")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    last = proc.stderr.strip().splitlines()[-1]
    report = json.loads(last)
    assert report["attempts"] == []
    assert report["rc"] == [0, 0], proc.stderr
    scan, _ = json.JSONDecoder().raw_decode(proc.stdout)
    found = {f["entity_type"] for f in scan["documents"][0]["findings"]}
    assert "EMAIL_ADDRESS" in found  # the e-mail recognizer ran (its domain check is the tldextract risk)
    assert (tmp_path / "case" / "out" / "mail.redacted.pdf").is_file()

"""Issue 12 item 3: what leaves the store never gives back the removed text through a hash of it.

The attack: take everything a recipient and an auditor get - the export folder (PDFs, redaction logs, Vaughn index,
disclosure record) and the audit trail's JSONL - pull out every 64-hex-digit value, and try plain SHA-256 of a
dictionary of nationality words and of every A-number in a small range against them. Before the finding digests
were keyed, "Honduran" and the A-number came back at once; now nothing does.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pymupdf
import pytest

import workstation.cli as cli
from tests.test_case_cli import anchor_of, make_users
from workstation.cli import main
from workstation.domain.model import normalized
from workstation.domain.roles import Role, save_users
from workstation.paths import RESOURCES

PASS = {"admin": "admin-passphrase-1", "clerk1": "clerk-passphrase-1", "counsel1": "counsel-passphrase-1"}
ROLES = {"admin": Role.ADMINISTRATOR, "clerk1": Role.CLERK, "counsel1": Role.COUNSEL}
A_NUMBER = "A208114377"
REPORT = ("Incident report 2026-0042.\n"
          "The complainant is Honduran and lives at 123 Main Street, Brooklyn, NY 11201.\n"
          f"Her A-Number is {A_NUMBER} and she is undocumented.\n")
HEX64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine) -> Path:
    users = make_users({name: ROLES[name] for name in ("clerk1", "counsel1")}, PASS)
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


def exported_case(env: Path, capsys, monkeypatch, recipient: str = "public") -> tuple[Path, Path, str]:
    """A case created, decided (everything redacted) and exported, and its trail exported: (export folder,
    trail JSONL, everything printed)."""
    printed = []
    for user, *argv in (("clerk1", "case", "new", env / "case", "--name", "c1", "--recipient", recipient),
                        ("clerk1", "case", "decide", "c1", "--all-pending", "redact"),
                        ("clerk1", "case", "export", "c1", "--out-dir", env / "out"),
                        (None, "audit", "export", "c1", "--out", env / "trail.jsonl"),
                        (None, "audit", "show", "c1"),
                        (None, "case", "show", "c1", "--items")):
        code, out, err = run(capsys, monkeypatch, user, *argv)
        assert code == 0, err
        printed.append(out + err)
    return env / "out", env / "trail.jsonl", "\n".join(printed)


def hashes_in(paths: list[Path], extra: str = "") -> set[str]:
    found = set(HEX64.findall(extra))
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".pdf":
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                text = "".join(p.get_text() for p in doc) + data.decode("latin-1")
        else:
            text = data.decode("utf-8")
        found |= set(HEX64.findall(text))
    return {h.lower() for h in found}


def candidates() -> set[str]:
    """A dictionary of nationality words and a brute force over 100,000 A-numbers, as written and normalised."""
    words: set[str] = set()
    for name in ("demonyms.txt", "demonyms_foreign.txt", "countries.txt"):
        for line in (RESOURCES / "wordlists" / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.update({line, line.title(), line.lower()})
    for n in range(208_100_000, 208_200_000):
        digits = str(n)
        words.update({f"A{digits}", f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}", digits})
    return words | {normalized(w) for w in words}


def crack(hashes: set[str]) -> dict[str, str]:
    """Every hash that is the SHA-256 of a candidate, with the candidate."""
    out = {}
    for word in candidates():
        h = hashlib.sha256(word.encode("utf-8")).hexdigest()
        if h in hashes:
            out[h] = word
    return out


def test_dictionary_and_brute_force_recover_nothing_from_the_export_and_the_trail(env, capsys, monkeypatch):
    out_dir, trail, printed = exported_case(env, capsys, monkeypatch)
    files = sorted(p for p in out_dir.iterdir() if p.is_file())
    assert any(p.name.endswith(".redactions.csv") for p in files)
    hashes = hashes_in([*files, trail], printed)
    assert hashes  # the outputs' own SHA-256s, record hashes ... are there
    recovered = crack(hashes)
    assert not recovered, f"recovered from hashes: {sorted(set(recovered.values()))}"
    # and the redactions CSV sent to the recipient has no digest column at all (the public policy asks for none)
    for csv_path in out_dir.glob("*.redactions.csv"):
        header = next(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
        assert header == ["page", "x0", "y0", "x1", "y1", "category", "recognizer", "score", "reason_code"]


def test_headless_redact_log_recovers_nothing(env, capsys, monkeypatch, tmp_path):
    code, out, err = run(capsys, monkeypatch, None, "redact", env / "case", "--out-dir", tmp_path / "plain")
    assert code == 0, err
    files = sorted((tmp_path / "plain").iterdir())
    assert not crack(hashes_in(files, out + err))


def test_the_case_secret_never_leaves_the_store(env, capsys, monkeypatch, caplog):
    import base64
    import logging

    from workstation.store.case_store import CaseStore

    caplog.set_level(logging.DEBUG)
    out_dir, trail, printed = exported_case(env, capsys, monkeypatch)
    code, out, err = run(capsys, monkeypatch, None, "report", "c1", "--out-dir", env / "reports")
    printed += out + err
    with CaseStore(env / "data" / "cases.sqlite3") as store:
        rec = store.find_case("c1")
        assert rec is not None
        secret = store.text_key(rec.id)
        records = store.audit_lines(rec.id)
    assert len(secret) == 32
    forms = [secret, secret.hex().encode(), secret.hex().upper().encode(), base64.b64encode(secret),
             base64.urlsafe_b64encode(secret), base64.b64encode(secret).rstrip(b"=")]
    leaving = [p.read_bytes() for p in [*out_dir.rglob("*"), *(env / "reports").rglob("*"), trail] if p.is_file()]
    leaving += [printed.encode(), caplog.text.encode(), "\n".join(records).encode()]
    for blob in leaving:
        for form in forms:
            assert form not in blob


def test_the_digests_are_keyed_per_case_and_stable_within_it(env, capsys, monkeypatch):
    from workstation.domain.model import text_digest
    from workstation.store.case_store import CaseStore

    exported_case(env, capsys, monkeypatch)
    with CaseStore(env / "data" / "cases.sqlite3") as store:
        rec = store.find_case("c1")
        assert rec is not None
        key = store.text_key(rec.id)
        digests = {k.text_digest for k, *_ in store.findings(rec.id)}
        assert text_digest(key, "Honduran") in digests and text_digest(key, A_NUMBER) in digests
        assert hashlib.sha256(b"Honduran").hexdigest() not in digests
        other = store.open_case(["/elsewhere"], "other")
        assert store.text_key(other.id) != key  # one secret per case
    # a second export scans again: the same findings (the keys the decisions hang on) - nothing refused
    code, _, err = run(capsys, monkeypatch, "clerk1", "case", "export", "c1", "--out-dir", env / "again")
    assert code == 0, err


def test_a_recipient_policy_can_ask_for_the_keyed_digests_in_the_log(env, tmp_path):
    import shutil

    from workstation.documents.intake import load_case
    from workstation.domain.disclosure import DisclosureContext, RecipientType
    from workstation.domain.model import text_digest
    from workstation.domain.policy_engine import PolicyEngine
    from workstation.domain.roles import User
    from workstation.pipeline import scan
    from workstation.service import CaseService
    from workstation.store.case_store import CaseStore

    policies = tmp_path / "policies"
    shutil.copytree(RESOURCES / "policies", policies)
    public = policies / "public.toml"
    public.write_text(public.read_text(encoding="utf-8").replace(
        'routine_release = []', 'routine_release = []\ninclude_text_digests = true', 1), encoding="utf-8")
    engine = cli._engine()
    clerk = User("clerk1", Role.CLERK)
    with CaseStore(tmp_path / "flag.sqlite3") as store:
        service = CaseService(store, PolicyEngine.load(policies))
        sources = [str(env / "case")]
        rec, _ = service.create_scanned(sources, "c1", DisclosureContext(RecipientType.PUBLIC), clerk,
                                        scan(load_case(sources), engine), {})
        service.decide(rec.id, clerk, [], "redact", all_pending=True)
        service.export(rec.id, clerk, scan(load_case(sources), engine), tmp_path / "out")
        key = store.text_key(rec.id)
    logs = sorted((tmp_path / "out").glob("*.redactions.csv"))
    assert logs
    digests = set()
    for path in logs:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert rows[0][-1] == "text_digest"
        digests |= {r[-1] for r in rows[1:]}
    assert text_digest(key, "Honduran") in digests and text_digest(key, A_NUMBER) in digests
    assert not crack(digests)  # keyed: the dictionary and the brute force find nothing


def test_a_policy_file_flag_must_be_true_or_false(tmp_path):
    from workstation.domain.errors import ConfigurationError
    from workstation.domain.policy import Policy

    path = tmp_path / "p.toml"
    path.write_text('name = "p"\ninclude_text_digests = true\n[redact]\nNATIONALITY = "87(2)(b)"\n')
    assert Policy.from_file(path).include_text_digests
    path.write_text('name = "p"\n[redact]\nNATIONALITY = "87(2)(b)"\n')
    assert not Policy.from_file(path).include_text_digests
    path.write_text('name = "p"\ninclude_text_digests = "yes"\n[redact]\nNATIONALITY = "87(2)(b)"\n')
    with pytest.raises(ConfigurationError):
        Policy.from_file(path)

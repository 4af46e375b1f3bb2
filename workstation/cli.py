"""The ``workstation`` command.

    workstation                      open the review window on the bundled sample case
    workstation open PATH...         open the review window on a case folder or files
    workstation scan PATH... [--format table|json]
    workstation redact PATH... (--out FILE | --out-dir DIR) [--policy FILE]
    workstation case new|show|list|decide|override|submit|signoff|return|export ...
    workstation users add|list ...
    workstation audit export|verify|show|sample|record ...
    workstation report NAME|summary --out-dir DIR

Exit codes: 0 ok; 2 usage, unreadable or unsupported input; 3 verification failed (or pages that cannot be
reviewed); 4 refused by a rule (role, recipient policy, case state: e.g. export before sign-off); 1 unexpected
internal error, or ``audit verify`` found the trail broken. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from workstation.domain.errors import UsageError, WorkstationError
from workstation.domain.model import Document
from workstation.paths import RESOURCES
from workstation.pipeline import Analyzer
from workstation.service.repository import (
    add_team_member,
    disable_team_member,
    init_team_store,
    is_team_store,
    set_team_member_password,
    set_team_member_role,
)
from workstation.service.scanning import LazyEngine, close_engine, scan_sources

log = logging.getLogger("workstation")


class _Parser(argparse.ArgumentParser):
    """No abbreviated options (``--pass`` is not ``--passphrase-file``: a secret typed after it would be read as
    a file name and shown by ``ps``), on every parser and subparser (``add_subparsers(parser_class=_Parser)``);
    errors name an option but never repeat a value given on the command line (it may be a secret)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # exit 2 with one line, as argparse does, without the usage dump
        self.exit(2, f"workstation: error: {_without_values(message)}\n")


_UNRECOGNIZED = "unrecognized arguments: "
_OPTION = re.compile(r"--[a-z][a-z0-9]*(?:-[a-z0-9]+)*|-[A-Za-z]")  # what an option's name looks like
_QUOTED_VALUE = re.compile(r"(invalid choice|invalid \S+ value): '.*?'(?= \(choose from|$)", re.DOTALL)


def _without_values(message: str) -> str:
    """argparse's message with every value typed on the command line left out: ``unrecognized arguments: --pass
    SECRET`` names ``--pass`` and counts the values; ``invalid choice: 'SECRET'`` keeps only the choices."""
    if message.startswith(_UNRECOGNIZED):
        words = message[len(_UNRECOGNIZED):].split(" ")
        options = [w.split("=", 1)[0] for w in words if _OPTION.fullmatch(w.split("=", 1)[0])]
        values = len(words) - len(options)
        shown = " ".join(options)
        if values:
            shown += f"{' ' if shown else ''}({values} value{'s' if values != 1 else ''} not shown)"
        return _UNRECOGNIZED + shown + " (options cannot be abbreviated)"
    return _QUOTED_VALUE.sub(lambda m: m.group(1), message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="workstation", description="Disclosure review workstation: detect, redact, verify.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("scan", help="detect identifying information and list the findings")
    s.add_argument("paths", nargs="+", metavar="PATH", help="case folder(s) or files (.pdf .txt .docx .eml)")
    s.add_argument("--format", choices=("table", "json"), default="table")

    o = sub.add_parser("open", help="open the review window on a case folder or files")
    o.add_argument("paths", nargs="+", metavar="PATH", help="case folder(s) or files (.pdf .txt .docx .eml)")

    r = sub.add_parser("redact", help="redact every finding, sanitize, verify and write PDFs and logs")
    r.add_argument("paths", nargs="+", metavar="PATH")
    out = r.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=Path, metavar="FILE", help="output PDF (one input document only)")
    out.add_argument("--out-dir", type=Path, metavar="DIR", help="output folder")
    r.add_argument("--policy", type=Path, default=RESOURCES / "policies" / "default.toml",
                   help="policy file (categories to redact and reason codes)")
    _add_case_parsers(sub)
    return p


# Above this many words, detection is spread over worker processes (one engine per core); below it, starting
# the workers costs more than it saves.
PARALLEL_MIN_WORDS = 40_000


def _engine(documents: Sequence[Document] = ()) -> Analyzer:
    from workstation.detection.engine import DetectionEngine
    from workstation.detection.model import ModelIntegrityError, verified_model
    from workstation.detection.parallel import ParallelEngine

    try:
        words = sum(len(p.text.split()) for d in documents for p in d.pages)
        if words >= PARALLEL_MIN_WORDS and (os.cpu_count() or 1) > 1:
            verified_model()  # refuse a tampered model here, with a clear message, before starting workers
            return ParallelEngine()
        return DetectionEngine()
    except ModelIntegrityError as exc:
        raise UsageError(f"detection model refused: {exc}") from None


def _ocr_progress(document: str, done: int, total: int) -> None:
    print(f"workstation: OCR {document}: page {done} of {total}", file=sys.stderr, flush=True)


def cmd_scan(args: argparse.Namespace) -> int:
    from workstation.documents.intake import load_case
    from workstation.pipeline import scan

    documents = load_case(args.paths)
    engine = _engine(documents)
    try:
        results = scan(documents, engine, ocr_progress=_ocr_progress)
    finally:
        close_engine(engine)
    if args.format == "json":
        payload = {
            "documents": [
                {
                    "path": r.document.path,
                    "pages": len(r.document.pages),
                    "scanned_pages": r.scanned_pages,
                    "ocr_pages": r.ocr_pages,
                    "notes": list(r.document.notes),
                    "findings": [
                        {
                            "page": f.page, "start": f.start, "end": f.end, "text": f.text,
                            "entity_type": f.entity_type, "score": f.score, "recognizer": f.recognizer,
                            "boxes": [[round(v, 2) for v in b] for b in f.boxes],
                        }
                        for f in r.findings
                    ],
                }
                for r in results
            ]
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in results:
        doc = r.document
        print(f"{doc.path}  ({len(doc.pages)} page{'s' if len(doc.pages) != 1 else ''}, "
              f"{len(r.findings)} finding{'s' if len(r.findings) != 1 else ''})")
        for note in doc.notes:
            print(f"  note: {note}")
        if r.ocr_pages:
            print(f"  note: page(s) {', '.join(map(str, r.ocr_pages))} have no text layer: text read by OCR")
        if r.scanned_pages:
            print(f"  WARNING: page(s) {', '.join(map(str, r.scanned_pages))} have no text layer (scanned): "
                  "not searched; OCR needed before export")
        if r.findings:
            print(f"  {'page':>4}  {'category':<20} {'score':>5}  text")
            for f in r.findings:
                text = " ".join(f.text.split())
                if len(text) > 60:
                    text = text[:57] + "..."
                print(f"  {f.page:>4}  {f.entity_type:<20} {f.score:>5.2f}  {text}")
        print()
    return 0


def cmd_redact(args: argparse.Namespace) -> int:
    from workstation.documents.intake import load_case
    from workstation.domain.policy import Policy
    from workstation.pipeline import build_export, document_labels, output_paths, scan, write_exports

    if args.out_dir is not None and args.out_dir.exists() and not args.out_dir.is_dir():
        raise UsageError(f"{args.out_dir}: --out-dir exists and is not a folder")
    if not args.policy.is_file():
        raise UsageError(f"{args.policy}: policy file not found")
    policy = Policy.from_file(args.policy)
    documents = load_case(args.paths)
    engine = _engine(documents)
    t0 = time.perf_counter()
    try:
        scanned = scan(documents, engine, ocr_progress=_ocr_progress)
        labels = document_labels(scanned, engine)  # output names without the names the redactions remove
    finally:
        close_engine(engine)
    exports = [build_export(s, policy) for s in scanned]  # every one verified before anything is written
    output_paths(exports, args.out_dir, args.out, labels=labels)
    write_exports(exports)
    for e in exports:
        pages = {row.page for row in e.log}
        print(f"{e.source.path} -> {e.pdf_path}  ({len(e.log)} boxes on {len(pages)} page(s); verified)")
        for note in (*e.source.notes, *e.flattened_notes):
            print(f"  note: {note}")
    log.info("redacted %d document(s) in %.2fs", len(exports), time.perf_counter() - t0)
    return 0


# ----- cases, users, audit and reports (issue 4)

def _common(p: argparse.ArgumentParser, *, user: bool = False) -> None:
    p.add_argument("--db", default=None, metavar="FILE|URL",
                   help="case store: a SQLite file, or the team's PostgreSQL store as postgresql://HOST/DB "
                        "(default: $WORKSTATION_DB or a file in the user's data folder)")
    p.add_argument("--users", type=Path, default=None, metavar="FILE",
                   help="users file (default: $WORKSTATION_USERS or the user's config folder)")
    p.add_argument("--trust-anchor", default=None, metavar="FINGERPRINT",
                   help="the administrators' key fingerprint(s) counsel's signatures are verified up to (default: "
                        "the system file /etc/disclosure-workstation/trust-anchor, else $WORKSTATION_TRUST_ANCHOR)")
    if user:
        p.add_argument("--user", default=None, help="acting user (default: $WORKSTATION_USER or the login name)")
        p.add_argument("--passphrase-file", type=Path, default=None, metavar="FILE",
                       help="the user's passphrase, first line of FILE (or $WORKSTATION_PASSPHRASE)")


def _add_case_parsers(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("case", help="cases under a disclosure policy: new, show, decide, sign off, export")
    cs = c.add_subparsers(dest="case_command", parser_class=_Parser, required=True)
    n = cs.add_parser("new", help="create a case from files or a folder and scan it")
    n.add_argument("paths", nargs="+", metavar="PATH")
    n.add_argument("--name", required=True)
    n.add_argument("--recipient", required=True, metavar="TYPE",
                   help="public, federal-immigration, federal-law-enforcement, court, city-agency, internal")
    n.add_argument("--basis", default=None, metavar="KIND[:REF]",
                   help="legal basis: judicial-warrant:NUMBER, subpoena:INDEX, consent:FORM-ID")
    n.add_argument("--class", dest="disclosure_class", default="routine",
                   help="§23-1202 class: routine, privacy-officer-approved, exigent")
    n.add_argument("--request-ref", default="", help="the request's reference (FOIL number, letter ...)")
    n.add_argument("--approval-ref", default="", help="the privacy officer's approval or exigency report")
    _common(n, user=True)
    s = cs.add_parser("show", help="the case's state, counts per category and decision, what blocks export")
    s.add_argument("name")
    s.add_argument("--items", action="store_true", help="also list every finding (id, category, decision; no text)")
    _common(s)
    ls = cs.add_parser("list", help="list the cases")
    _common(ls)
    d = cs.add_parser("decide", help="decide findings: redact, release or defer")
    d.add_argument("name")
    which = d.add_mutually_exclusive_group(required=True)
    which.add_argument("--all-pending", metavar="DECISION", choices=("redact", "release", "defer"),
                       help="decide every pending (or deferred) finding")
    which.add_argument("--finding", nargs="+", metavar="ID", help="finding ids (see `case show --items`)")
    d.add_argument("--decision", choices=("redact", "release", "defer"), help="with --finding")
    d.add_argument("--reason", default="", help="justification (required to release a protected category)")
    _common(d, user=True)
    o = cs.add_parser("override", help="counsel: release a protected item citing a judicial warrant")
    o.add_argument("name")
    o.add_argument("--finding", required=True, metavar="ID")
    o.add_argument("--reason", required=True)
    o.add_argument("--warrant", default="", metavar="NUMBER", help="the judicial warrant's number")
    _common(o, user=True)
    for verb, helptext in (("submit", "mark the case ready for counsel's sign-off"),
                           ("signoff", "counsel: sign the case off (passphrase required)"),
                           ("return", "counsel: return the case to review")):
        v = cs.add_parser(verb, help=helptext)
        v.add_argument("name")
        if verb == "signoff":
            v.add_argument("--note", default="")
        if verb == "return":
            v.add_argument("--reason", required=True)
        _common(v, user=True)
    e = cs.add_parser("export", help="export under the case's policy (verified), with the Vaughn index")
    e.add_argument("name")
    e.add_argument("--out-dir", type=Path, required=True, metavar="DIR")
    _common(e, user=True)

    u = sub.add_parser("users", help="administrator: local users and their roles")
    us = u.add_subparsers(dest="users_command", parser_class=_Parser, required=True)
    ua = us.add_parser("add", help="add a user (the first user must be an administrator)")
    ua.add_argument("new_user", metavar="NAME")
    ua.add_argument("--role", required=True, help="clerk, counsel, supervisor, administrator")
    ua.add_argument("--display-name", default="")
    ua.add_argument("--new-passphrase-file", type=Path, default=None, metavar="FILE",
                    help="the new user's passphrase (or $WORKSTATION_NEW_PASSPHRASE)")
    _common(ua, user=True)
    ul = us.add_parser("list", help="list users, roles and signing-key fingerprints")
    _common(ul)
    up = us.add_parser("passwd", help="change your own passphrase (your signing key is re-encrypted), or, as an "
                                      "administrator, reset another user's")
    up.add_argument("target_user", metavar="NAME", nargs="?", default=None, help="default: yourself")
    up.add_argument("--new-passphrase-file", type=Path, default=None, metavar="FILE",
                    help="the new passphrase (or $WORKSTATION_NEW_PASSPHRASE)")
    _common(up, user=True)
    ur = us.add_parser("role", help="administrator: change a user's role")
    ur.add_argument("target_user", metavar="NAME")
    ur.add_argument("--role", required=True, help="clerk, counsel, supervisor, administrator")
    _common(ur, user=True)
    ud = us.add_parser("disable", help="administrator: disable a user (the trail keeps their records)")
    ud.add_argument("target_user", metavar="NAME")
    _common(ud, user=True)
    uk = us.add_parser("keygen", help="administrator: make and register a signing key for counsel or an "
                                      "administrator (the owner types their passphrase)")
    uk.add_argument("key_user", metavar="NAME")
    uk.add_argument("--owner-passphrase-file", type=Path, default=None, metavar="FILE",
                    help="NAME's passphrase, which encrypts the new key (or $WORKSTATION_OWNER_PASSPHRASE; not "
                         "needed when NAME is the acting administrator)")
    uk.add_argument("--replace", action="store_true", help="replace an existing key (its signatures stop verifying)")
    _common(uk, user=True)

    a = sub.add_parser("audit", help="the hash-chained audit trail: export, verify, spot-check")
    aus = a.add_subparsers(dest="audit_command", parser_class=_Parser, required=True)
    ae = aus.add_parser("export", help="write a case's trail as JSONL")
    ae.add_argument("name")
    ae.add_argument("--out", type=Path, required=True, metavar="FILE")
    _common(ae)
    av = aus.add_parser("verify", help="verify a case's trail or an exported JSONL file (exit 1 if broken)")
    av.add_argument("target", metavar="NAME|FILE.jsonl")
    av.add_argument("--anchor", action="append", default=[], metavar="[SEQ:]HEAD",
                    help="a head hash kept outside the store (a disclosure record's audit_head, with its "
                         "audit_records as SEQ): the trail must contain it")
    _common(av)
    ash = aus.add_parser("show", help="print a case's trail")
    ash.add_argument("name")
    ash.add_argument("--event", default=None)
    _common(ash)
    aen = aus.add_parser("endorse-legacy", help="administrator: sign the unsigned (legacy) records of every trail "
                                                "written before signing started, and start signing on this store")
    _common(aen, user=True)
    asa = aus.add_parser("sample", help="supervisor: draw a stratified sample of decisions to spot-check")
    asa.add_argument("name")
    asa.add_argument("--rate", type=float, default=10.0, help="percent per (category, decision) stratum")
    asa.add_argument("--seed", default=None)
    asa.add_argument("--context", action="store_true", help="print each item's surrounding text (terminal only)")
    _common(asa, user=True)
    ar = aus.add_parser("record", help="supervisor: record pass/fail for a sampled item")
    ar.add_argument("name")
    ar.add_argument("--item", required=True, metavar="ID")
    verdict = ar.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--pass", dest="passed", action="store_true")
    verdict.add_argument("--fail", dest="failed", action="store_true")
    ar.add_argument("--comment", default="")
    _common(ar, user=True)

    sv = sub.add_parser("server", help="the team's shared PostgreSQL store")
    svs = sv.add_subparsers(dest="server_command", parser_class=_Parser, required=True)
    si = svs.add_parser("init", help="create or upgrade the store's schema, functions and privileges (run as the "
                                     "database's owner; idempotent)")
    si.add_argument("--db", required=True, metavar="URL", help="the owner's connection: postgresql://OWNER@HOST/DB")

    tr = sub.add_parser("training", help="practice cases with answer keys: lessons and generated cases, scored")
    trs = tr.add_subparsers(dest="training_command", parser_class=_Parser, required=True)
    trl = trs.add_parser("lessons", help="list the lessons (one per rule family, in English and Spanish)")
    _common(trl)
    trn = trs.add_parser("new", help="make a practice case and open it for review (no decisions made for you)")
    trn.add_argument("--out", type=Path, required=True, metavar="DIR", help="a new folder for its documents")
    what = trn.add_mutually_exclusive_group(required=True)
    what.add_argument("--lesson", metavar="NAME", help="a lesson: FAMILY.LANG (names.es) or its file name")
    what.add_argument("--seed", metavar="S", help="a generated case (three documents) from this seed")
    trn.add_argument("--recipient", default=None, metavar="TYPE", help="generated cases: the recipient (default "
                                                                       "federal-immigration; a lesson has its own)")
    trn.add_argument("--suggestions", choices=("all", "half", "none"), default="half",
                     help="how many of the detector's findings you are shown (default half)")
    trn.add_argument("--name", default=None, help="the practice case's name (default: practice-<lesson|seed>)")
    _common(trn, user=True)
    trsc = trs.add_parser("score", help="score your review of a practice case against its key")
    trsc.add_argument("name")
    _common(trsc, user=True)
    trr = trs.add_parser("report", help="supervisor: practice results per trainee and category over time (CSV, PDF)")
    trr.add_argument("--out-dir", type=Path, required=True, metavar="DIR")
    trr.add_argument("--trainee", default=None, metavar="NAME", help="one trainee only (a trainee: themselves)")
    _common(trr, user=True)

    rp = sub.add_parser("report", help="Vaughn index and disclosure record of a case, or `summary` across cases")
    rp.add_argument("name", metavar="NAME|summary")
    rp.add_argument("--out-dir", type=Path, required=True, metavar="DIR")
    rp.add_argument("--suppress-below", type=int, default=0, help="summary: blank counts below N")
    _common(rp)


def _store(args: argparse.Namespace):  # noqa: ANN202 - CaseRepository
    """The case repository ``--db`` (or ``$WORKSTATION_DB``) names: a ``postgresql://`` URL for the team's shared
    store, a file path for a local one, nothing for the default local file."""
    from workstation.service.repository import open_repository

    spec = args.db or os.environ.get("WORKSTATION_DB") or None
    password = None
    if spec and is_team_store(spec):  # the passphrase doubles as the database password (``users add``)
        password = _passphrase(getattr(args, "passphrase_file", None), "WORKSTATION_PASSPHRASE", "--passphrase-file")
    return open_repository(spec, password=password)


def _users_path(args: argparse.Namespace) -> Path:
    from workstation.domain.roles import default_users_path

    if args.users is not None:
        return Path(args.users)
    env = os.environ.get("WORKSTATION_USERS")
    return Path(env) if env else default_users_path()


def _passphrase(file: Path | None, env: str, option: str) -> str | None:
    if file is not None:
        try:
            return file.read_text(encoding="utf-8").splitlines()[0] if file.read_text(encoding="utf-8") else ""
        except (OSError, UnicodeDecodeError) as exc:  # the path is not shown: a passphrase typed in its place
            why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise UsageError(f"{option}: cannot read the passphrase file: {why}") from None
    return os.environ.get(env)


def _pause(seconds: float) -> None:
    """How the CLI waits after a failed login (tests replace it)."""
    time.sleep(seconds)


def _login(args: argparse.Namespace):  # noqa: ANN202 - User
    """The acting user, authenticated by passphrase (never taken from the command line). Their signing key is
    unlocked with it for this command (``args.signer``: the service signs their trail records with it,
    ``CaseService.sign_in``); a user without one gets a pending key now (``service.session``)."""
    from workstation.app import current_user
    from workstation.domain.errors import PermissionDenied
    from workstation.domain.roles import load_users
    from workstation.service.session import session_key

    name = args.user or os.environ.get("WORKSTATION_USER") or current_user()
    secret = _passphrase(args.passphrase_file, "WORKSTATION_PASSPHRASE", "--passphrase-file")
    if secret is None:
        raise UsageError("a passphrase is required: --passphrase-file FILE or $WORKSTATION_PASSPHRASE")
    directory = load_users(_users_path(args))
    try:
        user = directory.authenticate(name, secret, pause=_pause)
    except PermissionDenied:
        store = _store(args)
        try:
            _record_system(store, name if name.strip().lower() in directory else "", "", "login-failed",
                           {"known_user": name.strip().lower() in directory, "command": _command_name(args)})
        finally:
            store.close()
        raise
    args.signer, notice = session_key(_users_path(args), directory, user, secret)
    if notice:
        print(f"note: {notice}", file=sys.stderr)
    return user


def _command_name(args: argparse.Namespace) -> str:
    sub = getattr(args, "case_command", None) or getattr(args, "users_command", None) or getattr(
        args, "audit_command", None)
    return f"{args.command} {sub}" if sub else str(args.command)


def _record_system(store, actor: str, role: str, event: str, details: dict[str, Any],  # noqa: ANN001
                   signer: Any = None) -> None:
    """Append to the store's system trail (user administration, failed logins): ``audit show|verify system``;
    signed with the acting user's unlocked key (``signer``) when there is one (a failed login has none)."""
    svc = _service(store)
    if signer is not None and signer.user == actor:
        svc.use_key(signer)
    svc.record_system_event(actor, role, event, details)


def _signer(args: argparse.Namespace, user):  # noqa: ANN001, ANN202 - Signer
    """The acting user's signing key, unlocked with their passphrase (counsel's sign-off and override)."""
    from workstation.domain.roles import Permission, load_users

    if not (user.can(Permission.SIGN_OFF) or user.can(Permission.OVERRIDE)):
        return None  # the role check refuses it, saying why
    secret = _passphrase(args.passphrase_file, "WORKSTATION_PASSPHRASE", "--passphrase-file") or ""
    return load_users(_users_path(args)).unlock(user.name, secret)


def _anchor(args: argparse.Namespace):  # noqa: ANN202 - TrustAnchor | None
    from workstation.domain.signing import load_trust_anchor

    return load_trust_anchor(getattr(args, "trust_anchor", None))


def _service(store, lazy: LazyEngine | None = None,  # noqa: ANN001, ANN202 - CaseService
             args: argparse.Namespace | None = None):
    """The case service; with ``lazy``, free text typed on the command line is checked by the engine (built only
    when a free-text field is given) against what it finds and the case's findings (the case is scanned again).
    With ``args``, the users file and the trust anchor that counsel's signatures are verified with."""
    from workstation.domain.roles import load_users
    from workstation.service import CaseService

    keys: dict[str, Any] = {}
    if args is not None:
        keys = {"users": load_users(_users_path(args)), "anchor": _anchor(args)}
    if lazy is None:
        return CaseService(store, **keys)

    service = CaseService(store, detector=lazy.analyze_many, **keys)

    def case_findings(case_id: str) -> list[Any]:
        rec = service.record(case_id)
        if rec is None:
            return []
        scanned = scan_sources(rec.sources, lazy, ocr_progress=_ocr_progress, labels=False).scanned
        return [f for s in scanned for f in s.findings]

    service.case_findings = case_findings
    return service


def _notices(notices: Sequence[str]) -> None:
    for notice in notices:
        print(f"note: {notice}")


def cmd_case(args: argparse.Namespace) -> int:
    from workstation.domain.disclosure import DisclosureClass, DisclosureContext, RecipientType

    store = _store(args)
    lazy = LazyEngine(_engine)
    try:
        svc = _service(store, lazy, args)
        cmd = args.case_command
        if cmd == "list":
            for rec, case in svc.case_list():
                print(f"{rec.name}\t{case.state.value if case else '-'}\t"
                      f"{case.context.recipient.value if case else '-'}\t{rec.id[:12]}")
            return 0
        if cmd == "show":
            return _show_case(svc, svc.lookup(args.name), args.items)
        user = _login(args)
        svc.sign_in(user, args.signer)
        if cmd == "new":
            from workstation.service import parse_basis

            ctx = DisclosureContext(RecipientType.parse(args.recipient), parse_basis(args.basis),
                                    DisclosureClass.parse(args.disclosure_class), args.request_ref, args.approval_ref)
            from workstation.documents.intake import case_sources

            sources = case_sources(args.paths)  # the link rules hold for the paths as given, before resolving
            done = scan_sources(sources, lazy, ocr_progress=_ocr_progress)  # read and scan before anything is stored
            scanned = done.scanned
            rec, n = svc.create_scanned(sources, args.name, ctx, user, scanned, done.versions, labels=done.labels)
            print(f"case {rec.name} ({rec.id[:12]}): {len(scanned)} document(s), {n} finding(s), "
                  f"recipient {ctx.recipient.value}")
            label = svc.case_label(rec.id)
            if label != rec.name:
                print(f"note: the case name holds personal information: the trail and the reports call it "
                      f"{label!r}")
            return _show_case(svc, rec, False)
        rec = svc.lookup(args.name)
        if cmd == "decide":
            if args.finding and not args.decision:
                raise UsageError("--finding needs --decision redact|release|defer")
            decision = args.all_pending or args.decision
            n = svc.decide(rec.id, user, args.finding or [], decision, all_pending=bool(args.all_pending),
                           reason=args.reason)
            print(f"{rec.name}: {decision} {n} finding(s)")
            return 0
        if cmd == "override":
            ov = svc.override(rec.id, user, args.finding, args.reason, args.warrant, signer=_signer(args, user))
            print(f"{rec.name}: override recorded by {ov.actor} ({ov.category}, {ov.legal_basis.describe()})")
            return 0
        if cmd == "submit":
            svc.submit(rec.id, user)
            print(f"{rec.name}: ready for sign-off")
            return 0
        notices: list[str] = []
        if cmd == "signoff":
            case = svc.sign_off(rec.id, user, args.note, notices=notices, signer=_signer(args, user))
            _notices(notices)
            assert case.sign_off is not None
            print(f"{rec.name}: signed off by {case.sign_off.actor} at {case.sign_off.at} "
                  f"(decisions digest {case.sign_off.digest[:16]})")
            return 0
        if cmd == "return":
            svc.return_to_review(rec.id, user, args.reason, notices=notices)
            _notices(notices)
            print(f"{rec.name}: returned to review")
            return 0
        if cmd == "export":
            if args.out_dir.exists() and not args.out_dir.is_dir():
                raise UsageError(f"{args.out_dir}: --out-dir exists and is not a folder")
            svc.check_export(rec.id, user)  # refuse (exit 4) before the slow part
            scanned = scan_sources(rec.sources, lazy, ocr_progress=_ocr_progress, labels=False).scanned
            lazy.close()
            result = svc.export(rec.id, user, scanned, args.out_dir)
            print(f"{rec.name}: exported {result.documents} document(s) ({result.boxes} boxes; verified) "
                  f"to {result.out_dir}")
            for name, sha in sorted(result.outputs.items()):
                print(f"  {name}  sha256 {sha}")
            for note in result.notes:
                print(f"  note: {note}")
            return 0
        raise UsageError(f"unknown case command {cmd!r}")
    finally:
        lazy.close()
        store.close()


def _show_case(svc, rec, items: bool) -> int:  # noqa: ANN001
    from collections import Counter

    from workstation.service import document_label

    case = svc.state(rec.id)
    all_items = svc.items(rec.id)
    case_items = svc.case_items(rec.id)
    ctx = case.context
    print(f"case {rec.name} ({rec.id[:12]})")
    print(f"  state: {case.state.value}" + (f" ({case.note})" if case.note else ""))
    print(f"  recipient: {ctx.recipient.value} - {ctx.recipient.label}")
    print(f"  legal basis: {ctx.legal_basis.describe()}; class: {ctx.disclosure_class.value}"
          + (f"; request {ctx.request_reference}" if ctx.request_reference else ""))
    docs = svc.documents(rec.id)
    print(f"  documents: {len(docs)}; findings: {len(all_items)}; manual redactions: "
          f"{len(svc.manual_boxes(rec.id))}")
    by: dict[str, Counter[str]] = {}
    for i in all_items:
        by.setdefault(i.category, Counter())[i.decision or "pending"] += 1
    decisions = ("redact", "release", "not-pi", "defer", "pending")
    print(f"  {'category':<22}" + "".join(f"{d:>9}" for d in decisions))
    for cat in sorted(by):
        print(f"  {cat:<22}" + "".join(f"{by[cat][d]:>9}" for d in decisions))
    totals = Counter(i.decision or "pending" for i in all_items)
    print(f"  {'total':<22}" + "".join(f"{totals[d]:>9}" for d in decisions))
    overrides = svc.overrides(rec.id)
    print(f"  overrides: {len(overrides)}")
    for o in overrides.values():
        print(f"    {o.category} by {o.actor} at {o.at} ({o.legal_basis.describe()})")
    if case.sign_off:
        print(f"  sign-off: {case.sign_off.actor} at {case.sign_off.at}")
    elif case.voided_sign_off:
        print(f"  sign-off: none (the sign-off by {case.voided_sign_off.actor} was voided)")
    else:
        print("  sign-off: none")
    reason = case.signoff_reason(case_items, svc.policies)
    if reason:
        print(f"  sign-off needed: {reason}")
    problems = case.export_problems(case_items, svc.policies)
    if problems:
        print("  export: blocked")
        for p in problems:
            print(f"    - {p}")
    else:
        print("  export: ready")
    if items:
        print(f"  {'id':<12}  {'category':<20} {'decision':<8}  where")
        for i in all_items:
            print(f"  {i.id:<12}  {i.category:<20} {(i.decision or 'pending'):<8}  "
                  f"{document_label(i.key.document)} p.{i.key.page} [{i.key.start}:{i.key.end}]")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    """Users and their signing keys; every change is recorded in the store's system trail (``audit show
    system``)."""
    from workstation.domain.roles import Role, load_users, save_users

    path = _users_path(args)
    directory = load_users(path)
    if args.users_command == "list":
        for u in directory.users:
            key = (f"key {u.key.fingerprint}" + (" (pending: not registered)" if u.key.registration is None else "")
                   if u.key is not None else "no signing key (one is made at the next sign-in)")
            print(f"{u.name}\t{u.role.value}\t{u.display_name}\t{key}{'	(disabled)' if u.disabled else ''}")
        return 0
    if args.users_command in ("passwd", "role", "disable"):
        return _users_change(args, directory, path)
    if args.users_command == "keygen":
        actor = _login(args)
        directory = load_users(path)  # again: signing in may have given the actor a (pending) key
        name = args.key_user.strip().lower()
        admin_secret = _passphrase(args.passphrase_file, "WORKSTATION_PASSPHRASE", "--passphrase-file") or ""
        if name == actor.name:
            owner_secret: str | None = admin_secret
        else:
            owner_secret = _passphrase(args.owner_passphrase_file, "WORKSTATION_OWNER_PASSPHRASE",
                                       "--owner-passphrase-file")
        if owner_secret is None:
            raise UsageError(f"{name}'s passphrase is required to encrypt the key: --owner-passphrase-file FILE or "
                             "$WORKSTATION_OWNER_PASSPHRASE")
        signer = args.signer
        directory = directory.keygen(actor, name, owner_secret, signer, replace_key=args.replace)
        save_users(path, directory)
        user = directory.get(name)
        assert user is not None and user.key is not None
        _record_users_change(args, actor, "user-key-registered", {"user": name, "role": user.role.value,
                                                                  "key": user.key.fingerprint,
                                                                  "replaced": bool(args.replace)})
        print(f"{name}: signing key {user.key.fingerprint} registered by {actor.name}")
        if user.key.registration is not None and user.key.registration.signer == user.key.fingerprint:
            _print_anchor_advice(user.key.fingerprint)
        return 0
    new_secret = _passphrase(args.new_passphrase_file, "WORKSTATION_NEW_PASSPHRASE", "--new-passphrase-file")
    if new_secret is None:
        raise UsageError("the new user's passphrase is required: --new-passphrase-file FILE or "
                         "$WORKSTATION_NEW_PASSPHRASE")
    actor = None if not directory.users else _login(args)
    if actor is not None:
        directory = load_users(path)  # again: signing in may have given the actor a (pending) key
    role = Role.parse(args.role)
    signer = args.signer if actor is not None else None
    directory = directory.add_user(actor, args.new_user, role, new_secret, args.display_name, signer=signer)
    team = args.db or os.environ.get("WORKSTATION_DB")
    if team and is_team_store(team):  # the team store: the member's login role first (refused unless admin)
        add_team_member(team, args.new_user.strip().lower(), role.value, new_secret)
    save_users(path, directory)
    name = args.new_user.strip().lower()
    user = directory.get(name)
    assert user is not None
    first = actor is None
    if first:  # the first administrator signs the record of their own making
        actor, args.signer = user, directory.unlock(name, new_secret)
    _record_users_change(args, actor, "user-added", {"user": name, "role": role.value,
                                                     "key": user.key.fingerprint if user.key else ""})
    if first:
        _endorse_at_first_administrator(args, actor)
    print(f"user {name} added as {role.value} ({path})")
    assert user.key is not None
    print(f"  signing key {user.key.fingerprint}")
    if first:
        _print_anchor_advice(user.key.fingerprint)
    elif user.key.registration is None:
        print(f"note: {name}'s signing key is pending (you have no registered key to register it with): nothing "
              f"{name} signs verifies - approvals, trail records - until an administrator with a registered key "
              f"runs `workstation users keygen {name}` (with {name} there to type their passphrase)")
    return 0


def _users_change(args: argparse.Namespace, directory, path: Path) -> int:  # noqa: ANN001
    """``users passwd|role|disable``: the users file changed and, on the team store, the member's database login
    with it (the database's change first: refused there, nothing is saved)."""
    from workstation.domain.roles import load_users

    actor = _login(args)
    directory = load_users(path)  # again: signing in may have given the actor a (pending) key
    store = _store(args)  # opened now: a member's new database password does not end this connection
    try:
        return _apply_users_change(args, directory, path, actor, store)
    finally:
        store.close()


def _apply_users_change(args: argparse.Namespace, directory, path: Path, actor, store) -> int:  # noqa: ANN001
    from workstation.domain.roles import Role, save_users

    name = (args.target_user or actor.name).strip().lower()
    team = args.db or os.environ.get("WORKSTATION_DB")
    team = team if team and is_team_store(team) else None
    details: dict[str, Any] = {"user": name}
    if args.users_command == "passwd":
        new_secret = _passphrase(args.new_passphrase_file, "WORKSTATION_NEW_PASSPHRASE", "--new-passphrase-file")
        if new_secret is None:
            raise UsageError("the new passphrase is required: --new-passphrase-file FILE or "
                             "$WORKSTATION_NEW_PASSPHRASE")
        own = name == actor.name
        old = _passphrase(args.passphrase_file, "WORKSTATION_PASSPHRASE", "--passphrase-file") if own else None
        target = directory.get(name)
        signer = None
        if not own and target is not None and target.key is not None and actor.key is not None:
            signer = args.signer
        directory = directory.set_passphrase(actor, name, new_secret, old_passphrase=old, signer=signer)
        if team:
            set_team_member_password(team, name, new_secret, own=own)
        event, details["reset_by_administrator"] = "user-passphrase-changed", not own
        user = directory.get(name)
        details["key"] = user.key.fingerprint if user is not None and user.key is not None else ""
    elif args.users_command == "role":
        role = Role.parse(args.role)
        directory = directory.assign_role(actor, name, role)
        if team:
            set_team_member_role(team, name, role.value)
        event, details["role"] = "user-role-changed", role.value
    else:
        directory = directory.disable(actor, name)
        if team:
            disable_team_member(team, name)
        event = "user-disabled"
    save_users(path, directory)
    _record_system(store, actor.name, actor.role.value, event,
                   {**details, "users_file_sha256": hashlib.sha256(path.read_bytes()).hexdigest()}, args.signer)
    print(f"{name}: {event.removeprefix('user-').replace('-', ' ')} ({path}{', and on the team store' if team else ''})")
    return 0


def _print_anchor_advice(fingerprint: str) -> None:
    print(f"trust anchor: {fingerprint}\n  install it where clerks cannot change it (as root: "
          "/etc/disclosure-workstation/trust-anchor, mode 0644, owned by root) or give it to exports and "
          "`audit verify` (--trust-anchor / $WORKSTATION_TRUST_ANCHOR), and publish it to recipients")


def _record_users_change(args: argparse.Namespace, actor, event: str,  # noqa: ANN001
                         details: dict[str, Any]) -> None:
    store = _store(args)
    try:
        _record_system(store, actor.name if actor else "(first administrator)",
                       actor.role.value if actor else "administrator", event,
                       {**details, "users_file_sha256": hashlib.sha256(_users_path(args).read_bytes()).hexdigest()},
                       getattr(args, "signer", None))
    finally:
        store.close()


def cmd_server(args: argparse.Namespace) -> int:
    """``server init``: the team store's schema, functions and privileges, as the database's owner."""
    if not is_team_store(args.db):
        raise UsageError("--db must be the team store's PostgreSQL URL (postgresql://OWNER@HOST/DB)")
    version = init_team_store(args.db)
    print(f"team store ready: schema version {version}; add members with `workstation users add NAME --role ROLE "
          "--db URL` (an administrator's connection)")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from workstation.service.items import SYSTEM_TRAIL, TRAINING_TRAIL

    TRAILS = (SYSTEM_TRAIL, TRAINING_TRAIL)  # the store's own trails: user administration, practice results

    store = _store(args)
    lazy = LazyEngine(_engine)
    try:
        svc = _service(store, lazy, args)
        cmd = args.audit_command
        if cmd == "verify":
            target = Path(args.target)
            anchors = _parse_anchors(args.anchor)
            if target.suffix == ".jsonl" or target.is_file():
                return _verify_file(svc, target, anchors)
            case_id = args.target if args.target in TRAILS else svc.lookup(args.target).id
            result = svc.verify(case_id, anchors=anchors)
            return _report_verification(result)
        if cmd == "show" and args.name in TRAILS:
            _show_trail(svc, args.name, args.event)
            return 0
        if cmd == "endorse-legacy":
            user = _login(args)
            svc.sign_in(user, args.signer)
            _print_endorsed(svc.endorse_legacy(user, args.signer), user.name)
            return 0
        rec = svc.lookup(args.name)
        if cmd == "export":
            record, lines = svc.export_trail(rec.id)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            print(f"{rec.name}: {record.seq} audit record(s) written to {args.out} (head {record.hash[:16]})")
            return 0
        if cmd == "show":
            _show_trail(svc, rec.id, args.event)
            return 0
        user = _login(args)
        svc.sign_in(user, args.signer)
        if cmd == "sample":
            chosen = svc.draw_sample(rec.id, user, args.rate, args.seed)
            _print_sample(svc, rec, chosen, args.context)
            return 0
        if cmd == "record":
            notices: list[str] = []
            done = svc.record_verdict(rec.id, user, args.item, bool(args.passed), args.comment, notices=notices)
            _notices(notices)
            print(f"{rec.name}: item {args.item} {'pass' if args.passed else 'fail'} recorded")
            if done:
                sample = svc.current_sample(rec.id)
                assert sample is not None
                verdicts = sample[2]
                failed = sum(1 for v in verdicts.values() if not v[0])
                print(f"spot-check complete: {len(verdicts)} checked, {len(verdicts) - failed} pass, {failed} fail")
            return 0
        raise UsageError(f"unknown audit command {cmd!r}")
    finally:
        lazy.close()
        store.close()


def _print_endorsed(done, admin: str) -> None:  # noqa: ANN001 - legacy_trails.Endorsed
    if done.started_now:
        print(f"trail signing starts on this store at {done.since} (statement signed by {admin}): from now on an "
              "unsigned record that no endorsement covers breaks its trail")
    if not done.chains:
        print("no unsigned records to endorse" + ("" if done.started_now else f" (signing since {done.since})"))
    for name, records, head in done.chains:
        print(f"  {name}: records 1-{records} endorsed as legacy (head {head[:16]})")


def _endorse_at_first_administrator(args: argparse.Namespace, admin) -> None:  # noqa: ANN001
    """The first administrator of a desk that had no users file: signing starts on its store now, and the records
    written before without signatures are endorsed as legacy with the administrator's key (checked against the
    users file only: the trust anchor is installed afterwards). A store that cannot be endorsed now is named."""
    from workstation.domain.errors import WorkstationError
    from workstation.domain.roles import load_users
    from workstation.service import CaseService

    store = _store(args)
    try:
        svc = CaseService(store, users=load_users(_users_path(args)), anchor=None)
        if not svc.signs_trail:
            return
        svc.sign_in(admin, args.signer)
        _print_endorsed(svc.endorse_legacy(admin, args.signer), admin.name)
    except WorkstationError as exc:
        print(f"note: the store's unsigned records were not endorsed: {exc} (run `workstation audit endorse-legacy`)",
              file=sys.stderr)
    finally:
        store.close()


def _show_trail(svc, case_id: str, event: str | None) -> None:  # noqa: ANN001
    for r in svc.audit_records(case_id):
        if event and r.event != event:
            continue
        details = {k: v for k, v in r.details.items() if k not in ("case_id", "action_id")}
        print(f"{r.seq:>5}  {r.at}  {r.actor} ({r.role})  {r.event}  "
              f"{json.dumps(details, ensure_ascii=False, sort_keys=True)}")


def _parse_anchors(given: Sequence[str]) -> list[tuple[int | None, str]]:
    """``--anchor [SEQ:]HEAD`` values: (record number or None, 64-hex head hash)."""
    out: list[tuple[int | None, str]] = []
    for text in given:
        seq_text, _, head = text.strip().rpartition(":")
        head = head.lower()
        if not re.fullmatch(r"[0-9a-f]{64}", head) or (seq_text and not seq_text.isdigit()):
            raise UsageError("--anchor: expected a 64-hex-digit head hash, optionally after its record number "
                             "(SEQ:HEAD)")
        out.append((int(seq_text) if seq_text else None, head))
    return out


def _report_verification(result) -> int:  # noqa: ANN001
    if result.ok:
        print(result.summary())
        return 0
    seq = (result.bad_index or 0) + 1
    print(f"audit trail broken at record {seq} (line {seq}): {result.reason}")
    return 1


def _verify_file(svc, path: Path, anchors: Sequence[tuple[int | None, str]] = ()) -> int:  # noqa: ANN001
    import dataclasses

    from workstation.domain.audit import AuditRecord, VerificationResult, verify_anchored, verify_jsonl

    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    result = verify_jsonl(path)
    if not result.ok:
        return _report_verification(result)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    signatures = ""
    if svc.signs_trail:  # each record's signature by its actor (the local store's trail)
        named = str(records[-1].get("details", {}).get("case_id", "")) if records else ""
        check = svc.trail_signatures([AuditRecord.from_dict(r) for r in records], named)
        if not check.ok:
            return _report_verification(VerificationResult(False, len(records), result.head, check.bad_index,
                                                           check.reason))
        signatures = check.summary()
    if anchors:
        result = verify_anchored(records, anchors)
        if not result.ok:
            return _report_verification(result)
    result = dataclasses.replace(result, signatures=signatures)
    last = records[-1] if records else None
    if last is None or last["event"] != "audit-exported" or last["details"].get("records") != last["seq"]:
        n = len(records)
        return _report_verification(VerificationResult(False, n, result.head, n, "the file does not end with its "
                                                       "export record: records were removed from the end"))
    case_id = str(last["details"].get("case_id", ""))
    stored = {r.seq: r.hash for r in svc.audit_records(case_id)} if case_id else {}
    if not stored:
        if case_id and svc.record(case_id) is not None:
            return _report_verification(VerificationResult(
                False, 0, result.head, 0, "the case is in the store but has no audit records: its trail was deleted"))
        print(result.summary())
        print("NOT compared with the case store: " + (
            "the file names no case" if not case_id else f"case {case_id[:12]} is not in the store "
            f"{svc.store_name}") + ". Only the file's own chain was checked: a chain rewritten from its first record "
            "passes that check; compare it with the store it came from, or give --anchor HEAD from the disclosure "
            "record.")
        return 0
    for index, r in enumerate(records):
        if r["seq"] in stored and stored[r["seq"]] != r["hash"]:
            return _report_verification(VerificationResult(
                False, index, result.head, index, "differs from the case store's record (the chain was rewritten)"))
        if r["seq"] not in stored:
            return _report_verification(VerificationResult(
                False, index, result.head, index, "is not in the case store (the store's trail was cut short, or "
                "the file's records were added)"))
    print(result.summary() + f" (matches the case store: {len(records)} of its {len(stored)} record(s))")
    return 0


def _print_sample(svc, rec, chosen, context: bool) -> None:  # noqa: ANN001
    from workstation.service import document_label

    pages: dict[tuple[str, int], str] = {}
    if context:
        from workstation.documents.intake import load_case

        for doc in load_case(list(rec.sources)):
            for p in doc.pages:
                pages[(doc.path, p.number)] = p.text
    print(f"spot-check sample of {rec.name}: {len(chosen)} item(s) (record each with `workstation audit record "
          f"{rec.name} --item ID --pass|--fail --comment TEXT`)")
    for i in chosen:
        r = i.record
        who = f"by {r.user} at {r.decided_at}" if r else "allow-list"
        print(f"  {i.id}  {i.category:<20} {i.decision:<8} {document_label(i.key.document)} p.{i.key.page} "
              f"chars {i.key.start}-{i.key.end}  {who}")
        text = pages.get((i.key.document, i.key.page))
        if text is not None:
            before = " ".join(text[max(0, i.key.start - 60):i.key.start].split())[-50:]
            match = " ".join(text[i.key.start:i.key.end].split())
            after = " ".join(text[i.key.end:i.key.end + 60].split())[:50]
            print(f"      ...{before} [[{match}]] {after}...")


def cmd_report(args: argparse.Namespace) -> int:
    from workstation.documents.report_pdf import table_pdf
    from workstation.service import summary_rows

    store = _store(args)
    try:
        svc = _service(store)
        args.out_dir.mkdir(parents=True, exist_ok=True)
        if args.name == "summary":
            s = svc.summary(suppress_below=args.suppress_below)
            rows = summary_rows(s)
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(["table", "key", "count"])
            w.writerows(rows)
            files = {"summary.csv": buf.getvalue().encode("utf-8"),
                     "summary.json": (json.dumps(s.to_dict(), indent=2, sort_keys=True) + "\n").encode("utf-8"),
                     "summary.pdf": table_pdf("Disclosure summary (all cases)",
                                              [f"{s.cases} case(s), {s.exported_cases} exported, {s.overrides} "
                                               "override(s). Counts only: no personal information."],
                                              ["Table", "Key", "Count"], rows, widths=[2, 3, 1])}
        else:
            rec = svc.lookup(args.name)
            files = svc.report_files(rec.id)
        for name, data in files.items():
            (args.out_dir / name).write_bytes(data)
            print(args.out_dir / name)
        return 0
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="workstation: %(message)s", stream=sys.stderr)
    for noisy in ("presidio-analyzer", "presidio_analyzer", "pdfminer", "pymupdf"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        if args.command in (None, "open"):
            from workstation.app import run

            if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
            ):
                raise UsageError("no display to open the review window on (DISPLAY is not set); run it in a "
                                 "desktop session, or use `workstation scan` / `workstation redact` headless")

            return run(getattr(args, "paths", None))
        if args.command == "scan":
            return cmd_scan(args)
        if args.command == "case":
            return cmd_case(args)
        if args.command == "users":
            return cmd_users(args)
        if args.command == "audit":
            return cmd_audit(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "server":
            return cmd_server(args)
        if args.command == "training":
            from workstation.training_cli import cmd_training

            return cmd_training(args, _store, _login, _service, lambda: LazyEngine(_engine), _ocr_progress)
        return cmd_redact(args)
    except WorkstationError as exc:
        print(f"workstation: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("workstation: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback; never a partial output (outputs are written last)
        print(f"workstation: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Issue 12 item 4: free text a user types (reasons, comments, notes, references, the case's name) must not carry
personal information into the audit trail or a verified export's Vaughn index, disclosure record and QA report.

Each attack puts a nationality, an A-number, a person's name and an address into one field, runs a federal-
immigration case to a verified export and greps every file that leaves the store for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

import tests.test_case_cli as case_cli
from tests.test_case_cli import WARRANT, items, run

env = case_cli.env  # the fixture: users, a private store and the session's engine

PAYLOAD = "Maria Gonzalez, a Honduran national, A-Number A123456789, lives at 123 Main Street, Brooklyn"
PIECES = ("Gonzalez", "Honduran", "A123456789", "Main Street")
LEGIT = "Public record: already released in court filing"

REFUSED = ("decide-reason", "override-reason", "basis", "request-ref", "approval-ref")
MASKED = ("signoff-note", "return-reason", "comment")
FIELDS = (*REFUSED, *MASKED, "warrant", "name")


def scenario(env: Path, capsys, monkeypatch, attack: str | None) -> dict[str, tuple[int, str, str]]:
    """A federal-immigration case from creation to a verified export and an audit export; ``attack`` is the
    field that gets ``PAYLOAD``. A refused field is given again without it. Returns each step's (code, out, err)."""
    steps: dict[str, tuple[int, str, str]] = {}

    def value(field: str, legit: str) -> str:
        return PAYLOAD if field == attack else legit

    def step(field: str, user: str | None, *argv: object, retry: tuple[object, ...] | None = None) -> None:
        result = run(capsys, monkeypatch, user, *argv)
        steps[field] = result
        if result[0] != 0 and retry is not None:
            result = run(capsys, monkeypatch, user, *retry)
        assert result[0] == 0, (field, result)

    name = value("name", "imm")

    def new(basis: str, request: str, approval: str) -> tuple[object, ...]:
        return ("case", "new", env / "case", "--name", name, "--recipient", "federal-immigration",
                "--basis", f"subpoena:{basis}", "--request-ref", request, "--class", "privacy-officer-approved",
                "--approval-ref", approval)

    legit_new = new("Index No. 12345/2024", "FOIL-2026-0042", "PO-2026-17")
    step("new", "clerk1", *new(value("basis", "Index No. 12345/2024"), value("request-ref", "FOIL-2026-0042"),
                               value("approval-ref", "PO-2026-17")), retry=legit_new)
    rows = items(capsys, monkeypatch, name)
    person = next(i for i, c, _ in rows if c == "PERSON")
    nationality = next(i for i, c, _ in rows if c == "NATIONALITY")

    def decide(reason: str) -> tuple[object, ...]:
        return ("case", "decide", name, "--finding", person, "--decision", "redact", "--reason", reason)

    step("decide-reason", "clerk1", *decide(value("decide-reason", LEGIT)), retry=decide(LEGIT))

    def override(reason: str, warrant: str) -> tuple[object, ...]:
        return ("case", "override", name, "--finding", nationality, "--reason", reason, "--warrant", warrant)

    legit_override = override("warrant served on the department", WARRANT)
    step("override", "counsel1", *override(value("override-reason", "warrant served on the department"),
                                           WARRANT + (f" {PAYLOAD}" if attack == "warrant" else "")),
         retry=legit_override)
    step("signoff-note", "counsel1", "case", "signoff", name, "--note", value("signoff-note", "checked"),
         retry=("case", "signoff", name, "--note", "checked"))
    step("return-reason", "counsel1", "case", "return", name, "--reason", value("return-reason", "look again"),
         retry=("case", "return", name, "--reason", "look again"))
    step("signoff", "counsel1", "case", "signoff", name)
    step("sample", "super1", "audit", "sample", name, "--rate", "100", "--seed", "7")
    first = True
    for line in steps["sample"][1].splitlines()[1:]:
        ident = line.split()[0]
        comment = value("comment", "box is right") if first else "box is right"
        step("comment" if first else f"comment-{ident}", "super1", "audit", "record", name, "--item", ident,
             "--pass", "--comment", comment, retry=("audit", "record", name, "--item", ident, "--pass", "--comment",
                                                   "box is right"))
        first = False
    step("export", "clerk1", "case", "export", name, "--out-dir", env / "out")
    step("audit-export", None, "audit", "export", name, "--out", env / "trail.jsonl")
    return steps


def leaving(env: Path) -> dict[str, str]:
    """The text of every file that leaves the store: the audit export and the export's reports (and its file
    names)."""
    out = env / "out"
    texts = {"trail.jsonl": (env / "trail.jsonl").read_text(encoding="utf-8"),
             "file names": "\n".join(p.name for p in out.iterdir())}
    for name in ("vaughn-index.csv", "disclosure-record.json", "qa-report.csv"):
        texts[name] = (out / name).read_text(encoding="utf-8")
    texts["vaughn-index.pdf"] = " ".join(extract_text(str(out / "vaughn-index.pdf")).split())
    return texts


@pytest.mark.parametrize("field", FIELDS)
def test_personal_information_typed_into_a_field_never_leaves_the_store(env, capsys, monkeypatch, field):
    steps = scenario(env, capsys, monkeypatch, field)
    texts = leaving(env)
    assert (env / "out" / "qa-report.csv").is_file()
    for where, text in texts.items():
        for piece in PIECES:
            assert piece.casefold() not in text.casefold(), f"{field}: {piece!r} in {where}"
    step = {"basis": "new", "request-ref": "new", "approval-ref": "new", "override-reason": "override",
            "warrant": "override", "name": "new"}.get(field, field)
    code, out, err = steps[step]
    for piece in PIECES:  # never repeated in the messages either (the case's name is, to whoever typed it)
        assert piece.casefold() not in (err if field == "name" else out + err).casefold()
    if field in REFUSED:
        assert code == 4 and "personal information" in err and "PERSON" in err and "A_NUMBER" in err
    elif field in MASKED:
        assert code == 0 and "masked" in out and "PERSON" in out
        record = json.loads([line for line in texts["trail.jsonl"].splitlines() if "[PERSON]" in line][0])
        assert "PERSON" in record["details"]["masked"]
    elif field == "warrant":  # a warrant number holds a court and a docket number and nothing else (item 5)
        assert code == 4 and "not a judicial warrant number" in err
    else:  # the case name: kept in the store (the command line finds the case by it), a safe label outside
        assert code == 0
        assert json.loads(texts["disclosure-record.json"])["case"].startswith("redacted")


def test_legitimate_free_text_is_kept_as_written(env, capsys, monkeypatch):
    steps = scenario(env, capsys, monkeypatch, None)
    assert all(code == 0 for code, _, _ in steps.values())
    texts = leaving(env)
    assert LEGIT in texts["vaughn-index.csv"] and LEGIT in texts["trail.jsonl"]
    assert "warrant served on the department" in texts["trail.jsonl"]
    assert "box is right" in texts["qa-report.csv"]
    assert "look again" in texts["trail.jsonl"] and "masked" not in texts["trail.jsonl"]
    record = json.loads(texts["disclosure-record.json"])
    assert record["case"] == "imm" and record["request_reference"] == "FOIL-2026-0042"
    assert record["legal_basis"]["reference"] == "Index No. 12345/2024"
    assert "Vaughn index - imm" in texts["vaughn-index.pdf"]

"""Lessons: short guided practice cases, one per rule family (names and relatives, nationality and origin, status
and proceedings, identifiers, addresses, the recipient's rules), in English and Spanish.

A lesson is a text file in ``resources/training/lessons/`` (``NN-family.LANG.txt``): ``# key: value`` header lines
(title, family, recipient, language, teaches) and a body in which every span the trainee must judge is marked
``{{CATEGORY|text}}`` - or ``{{-|text}}`` for a decoy, text that looks sensitive and is not personal information.
The markup is removed to give the document; the marks become its gold spans and decoys, at their offsets in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.categories import ALL
from workstation.paths import RESOURCES

LESSONS = RESOURCES / "training" / "lessons"
_MARK = re.compile(r"\{\{([A-Z0-9_]+|-)\|([^{}|]+)\}\}")
_HEADER = re.compile(r"#\s*(\w+)\s*:\s*(.*)")
FAMILIES = ("names", "nationality", "status", "identifiers", "addresses", "recipient")
LANGUAGES = ("en", "es")


class LessonError(ValueError):
    """A lesson file that does not follow the format (a packaging error, found by the tests)."""


@dataclass(frozen=True)
class Lesson:
    name: str  # "01-names.en"
    title: str
    family: str
    recipient: str
    language: str
    teaches: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, category) of what must be judged
    decoys: tuple[tuple[int, int], ...]


def parse_lesson(name: str, source: str) -> Lesson:
    header: dict[str, str] = {}
    body: list[str] = []
    for line in source.splitlines():
        m = _HEADER.fullmatch(line) if line.startswith("#") and not body else None
        if m:
            header[m.group(1)] = m.group(2).strip()
        else:
            body.append(line)
    missing = [k for k in ("title", "family", "recipient", "language", "teaches") if not header.get(k)]
    if missing:
        raise LessonError(f"{name}: header lacks {', '.join(missing)}")
    if header["family"] not in FAMILIES or header["language"] not in LANGUAGES:
        raise LessonError(f"{name}: unknown family or language")
    marked = "\n".join(body).strip("\n") + "\n"
    text, spans, decoys, at = [], [], [], 0
    for m in _MARK.finditer(marked):
        text.append(marked[at:m.start()])
        start = sum(len(t) for t in text)
        kind, value = m.group(1), m.group(2)
        text.append(value)
        if kind == "-":
            decoys.append((start, start + len(value)))
        elif kind in ALL:
            spans.append((start, start + len(value), kind))
        else:
            raise LessonError(f"{name}: unknown category {kind}")
        at = m.end()
    text.append(marked[at:])
    plain = "".join(text)
    if "{{" in plain or "}}" in plain:
        raise LessonError(f"{name}: unbalanced markup")
    return Lesson(name, header["title"], header["family"], header["recipient"], header["language"],
                  header["teaches"], plain, tuple(spans), tuple(decoys))


def lessons(folder: Path = LESSONS) -> list[Lesson]:
    """Every lesson, in order (family, then language)."""
    return [parse_lesson(p.name.removesuffix(".txt"), p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.txt"))]


def lesson(name: str, folder: Path = LESSONS) -> Lesson:
    """A lesson by its name ("01-names.en") or its family and language ("names.es")."""
    for one in lessons(folder):
        family_lang = f"{one.family}.{one.language}"
        if name in (one.name, family_lang):
            return one
    raise LessonError(f"no lesson {name!r}; lessons: " + ", ".join(f"{x.family}.{x.language}" for x in lessons(folder)))

"""Free text a user types that leaves the store: checked for personal information before it is kept.

A decision's or an override's reason, a spot-check comment, a sign-off note, a return reason, a legal basis'
reference and a case's name are copied into the audit trail, and some of them into the Vaughn index, the
disclosure record and the QA report of an export. Before any of them is stored, ``FreeTextScreen`` looks for
personal information in it, two ways:

- the detection engine's findings on the text itself (any category it reports), through ``analyze`` - the
  engine's ``analyze_many`` (the domain never imports the engine: the caller passes it in);
- the texts of the case's findings: a field that equals or contains one (compared token by token, case- and
  accent-insensitively; a number also when spelled with other separators, "A-123-456-789" for "A123456789"),
  or a word of a PERSON finding on its own ("Gonzalez" of "Maria Gonzalez").
  Texts made only of generic words (``naming.parse_word_list``) or shorter than 3 characters are not compared.

Then, depending on the field, the caller either refuses it (``refuse``: ``PolicyViolation``, exit 4, the message
names the kinds of information found, never the text) or keeps it with every found span replaced by its category
(``mask``: "[PERSON] asked for ..."; the caller says so in its output and in the trail). A case's name is not
refused but replaced by its safe label (``label``: ``naming.safe_label``, the words of any finding of the case and
of what the engine finds in the name replaced) wherever it leaves the store.

Plain code: no I/O, no libraries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from workstation.domain.errors import PolicyViolation
from workstation.domain.naming import FALLBACK, MIN_NUMBER, SensitiveTerms, fold, humanize, safe_label


class Span(Protocol):
    """What a detector reports (``model.Detection``): a span of the text and its category."""

    start: int
    end: int
    entity_type: str


Analyze = Callable[[Sequence[str]], Sequence[Sequence[Span]]]  # a detection engine's ``analyze_many``

CASE_LABEL_FALLBACK = "case"  # a case name with nothing readable left (or that could not be checked)
CASE_FINDING = "PERSONAL-INFORMATION"  # the category of a match with a finding's text whose category is unknown
MIN_TEXT = 3  # finding texts shorter than this (folded, without separators) are never compared

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Screened:
    """A field after ``FreeTextScreen.mask``: its text (found spans replaced by ``[CATEGORY]``) and the categories
    found (sorted; empty when nothing was)."""

    text: str
    categories: tuple[str, ...] = ()

    @property
    def masked(self) -> bool:
        return bool(self.categories)

    def notice(self, field: str) -> str:
        """One line for the output and the trail saying what was masked (never the text), or "" when nothing was."""
        if not self.masked:
            return ""
        return (f"{field}: personal information ({', '.join(self.categories)}) masked before it was recorded; "
                "write it without the names, numbers and places")


def describe(categories: Iterable[str]) -> str:
    return ", ".join(sorted(set(categories)))


class FreeTextScreen:
    """The check of one case's free-text fields: ``analyze`` the engine's ``analyze_many``; ``findings`` the
    (text, category) of every finding of the case; ``keep`` the generic words never compared on their own
    (folded: ``naming.parse_word_list``)."""

    def __init__(self, analyze: Analyze, findings: Iterable[tuple[str, str]] = (),
                 keep: Collection[str] = frozenset()) -> None:
        self.analyze = analyze
        self.keep = frozenset(keep)
        self.finding_texts: list[str] = []
        sequences: dict[tuple[str, ...], str] = {}
        numbers: dict[str, str] = {}
        for text, category in findings:
            self.finding_texts.append(text)
            parts = tuple(fold(t) for t in _TOKEN.findall(text))
            compact = "".join(parts)
            if len(compact) < MIN_TEXT or all(p in self.keep for p in parts):
                continue
            sequences.setdefault(parts, category)
            if category == "PERSON":  # a name's words on their own ("Gonzalez asked ...")
                for part in parts:
                    if len(part) >= MIN_TEXT and part not in self.keep and not part.isdigit():
                        sequences.setdefault((part,), category)
            if any(c.isdigit() for c in compact) and len(compact) >= MIN_NUMBER:
                numbers.setdefault(compact, category)
        self._sequences = sequences
        self._numbers = numbers
        self._longest = max((len(s) for s in sequences), default=0)

    # ----- what is found
    def spans(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """The (start, end, category) of every piece of personal information in each text, in order."""
        queries = [t for t in texts if t.strip()]
        detected = iter(self.analyze(queries) if queries else [])
        out: list[list[tuple[int, int, str]]] = []
        for text in texts:
            found = [(d.start, d.end, d.entity_type) for d in next(detected)] if text.strip() else []
            out.append(sorted(found + self._case_matches(text)))
        return out

    def _case_matches(self, text: str) -> list[tuple[int, int, str]]:
        toks = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
        found = []
        for i in range(len(toks)):
            for j in range(min(len(toks), i + max(self._longest, 8)), i, -1):
                run = tuple(t for _, _, t in toks[i:j])
                category = self._sequences.get(run) or self._numbers.get("".join(run))
                if category:
                    found.append((toks[i][0], toks[j - 1][1], category))
                    break
        return found

    # ----- what is done with it
    def refuse(self, field: str, text: str) -> str:
        """``text`` stripped, or ``PolicyViolation`` (exit 4) naming the kinds of information found in it."""
        self.refuse_all({field: text})
        return text.strip()

    def refuse_all(self, fields: dict[str, str]) -> None:
        """Check several fields with one call of the engine; refuse the first that holds personal information."""
        names = list(fields)
        for name, found in zip(names, self.spans([fields[n] for n in names]), strict=True):
            if found:
                kinds = describe(c for _, _, c in found)
                raise PolicyViolation(f"{name} holds personal information ({kinds}): it would be copied into the "
                                      "audit trail and the export's reports; write it without the names, numbers "
                                      "and places (nothing was recorded)")

    def mask(self, text: str) -> Screened:
        """``text`` stripped with every found span replaced by ``[CATEGORY]`` (overlapping spans merged)."""
        text = text.strip()
        found = self.spans([text])[0]
        if not found:
            return Screened(text)
        merged: list[tuple[int, int, str]] = []
        for start, end, category in found:
            if merged and start < merged[-1][1]:
                first, last, kind = merged[-1]
                merged[-1] = (first, max(last, end), kind)
            else:
                merged.append((start, end, category))
        out, pos = [], 0
        for start, end, category in merged:
            out.append(text[pos:start] + f"[{category}]")
            pos = end
        out.append(text[pos:])
        return Screened("".join(out), tuple(sorted({c for _, _, c in found})))

    def label(self, name: str) -> str:
        """A case name's safe label: the words of every finding of the case, and of what the engine finds in the
        name (as written and title-cased), replaced by ``redacted``."""
        words = humanize(name)
        found: list[str] = []
        if words:
            queries = [words, words.title()]
            for query, detections in zip(queries, self.analyze(queries), strict=True):
                found += [query[d.start:d.end] for d in detections]
        found += [name[start:end] for start, end, _ in self._case_matches(name)]
        label = safe_label(name, SensitiveTerms.of([*self.finding_texts, *found], self.keep))
        return CASE_LABEL_FALLBACK if label == FALLBACK else label

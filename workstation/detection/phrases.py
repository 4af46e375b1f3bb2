"""Phrase helpers of the lexicon recognizers (nationality, immigration status) and the gazetteer: a key under
which spellings of one phrase are equal, and word lists compiled into one trie-shaped regex."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

DASHES = "-\u2010\u2011\u2012\u2013"
DASH_CLASS = r"\-\u2010\u2011\u2012\u2013"  # the same, for use inside a regex character class
SEP_RE = re.compile(rf"[\s{DASH_CLASS}]+")


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def phrase_key(text: str) -> str:
    """Case-, accent-, dot- and separator-insensitive key of a phrase ("U.S. citizen" == "us-citizen")."""
    text = fold_accents(text).casefold().replace("\u2019", "'").replace(".", "")
    return SEP_RE.sub("", text)


def case_form(text: str) -> str:
    """A phrase with separators collapsed, keeping case, accents and dots."""
    return SEP_RE.sub(" ", unicodedata.normalize("NFC", text).replace("\u2019", "'")).strip()


def with_folded(phrases: Iterable[str]) -> list[str]:
    """The phrases plus their accent-less spellings ("Côte d'Ivoire" -> "Cote d'Ivoire")."""
    out: dict[str, None] = {}
    for p in phrases:
        out[p] = None
        out[fold_accents(p)] = None
    return list(out)


def _atoms(phrase: str, joined: bool = False) -> list[str]:
    atoms = []
    for ch in phrase:
        if ch.isspace():
            atoms.append(rf"[\s{DASH_CLASS}]*" if joined else rf"[\s{DASH_CLASS}]+")
        elif ch in DASHES:
            atoms.append(rf"[\s{DASH_CLASS}]?")
        elif ch == ".":
            atoms.append(r"\.?")
        elif ch in "'\u2019":
            atoms.append("['\u2019]")
        else:
            atoms.append(re.escape(ch))
    return atoms


def trie_regex(phrases: Iterable[str], lower: bool = True, joined: bool = False) -> str:
    """One alternation of the phrases, shaped as a trie (fast: no per-entry scan), longest match preferred.

    ``joined``: the words of a phrase may also touch, as OCR and text extraction run them together ("notice
    toappear", "Cancellation ofremoval"); the phrase's ends stay bounded."""
    stripped = (p.strip() for p in phrases)
    return trie_alternation(_atoms(p.lower() if lower else p, joined) for p in stripped if p)


def trie_alternation(atom_lists: Iterable[list[str]]) -> str:
    """One alternation of phrases given as lists of regex atoms, shaped as a trie, the longest match preferred: the
    same matches as a flat alternation sorted longest first, tried once per character instead of entry by entry."""
    trie: dict[str, dict] = {}
    for atoms in atom_lists:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [k + emit(node[k]) for k in keys]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def bounded(pattern: str) -> str:
    return rf"(?<![\w])(?:{pattern})(?![\w])"

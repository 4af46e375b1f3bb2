"""The recognizers' word lists: ``resources/wordlists/<name>``, one entry per line, ``#`` comments, an optional
``| score`` suffix. Read once per process."""

from __future__ import annotations

from functools import cache

from workstation.paths import RESOURCES

WORDLISTS = RESOURCES / "wordlists"


@cache
def read_wordlist(name: str) -> tuple[tuple[str, float | None], ...]:
    """(entry, score or None) for each entry of the list."""
    out: list[tuple[str, float | None]] = []
    for raw in (WORDLISTS / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        score: float | None = None
        if " | " in line:
            line, _, s = line.rpartition(" | ")
            score = float(s)
        out.append((line.strip(), score))
    return tuple(out)


def wordlist(name: str) -> list[str]:
    """The entries of the list, without scores."""
    return [entry for entry, _ in read_wordlist(name)]

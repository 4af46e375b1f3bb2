"""Safe labels for documents: a file name with every piece of personal information in it replaced.

A source file's name can carry what the document's redactions remove ("witness-statement-adeyemi.txt"). What leaves
the workstation (exported file names, the Vaughn index) and what is logged or audited names a document by its
*safe label* instead: the stem split into tokens (runs of letters and digits, the separators kept), every token that
is also a token of the text of a finding in the case replaced by ``redacted`` (adjacent replaced tokens collapse into
one). Matching is case- and accent-insensitive and errs toward recall: any finding of any category, whatever its
decision, and (where the caller has a detection engine) whatever the engine finds in the humanized stem itself.

Never replaced on their own: tokens shorter than 3 characters, purely numeric tokens shorter than 5 digits, and
the generic words of ``resources/wordlists/label_generic_words.txt`` (street, report, statement ...: read by
the caller and passed in).
A run of tokens that together spells a number of a finding (5 or more characters with a digit, e.g.
"a-208-114-377" for the A-number "A208114377") is replaced even though its pieces are short.

Plain code: no I/O, no libraries.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

REPLACEMENT = "redacted"
FALLBACK = "document"  # the label of a stem with nothing readable in it (or of a document without a label)
MIN_TOKEN = 3  # shorter tokens are never replaced on their own
MIN_NUMBER = 5  # purely numeric tokens shorter than this are never replaced on their own
MAX_RUN = 8  # the longest run of tokens compared with the findings' numbers

_TOKEN = re.compile(r"[^\W_]+")


def path_sha256(path: str) -> str:
    """A document's stable identifier in audit records: the SHA-256 of its path string (the store keeps the
    path, so a supervisor can resolve it; the record never holds the name)."""
    return hashlib.sha256(path.encode("utf-8")).hexdigest()


def fold(token: str) -> str:
    """Case- and accent-insensitive form of a token ("Hondureña" -> "hondurena")."""
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, in order (as written)."""
    return _TOKEN.findall(text)


def humanize(stem: str) -> str:
    """The stem as words, for a detection engine ("witness-statement_adeyemi" -> "witness statement adeyemi")."""
    return " ".join(tokens(stem))


def parse_word_list(text: str) -> frozenset[str]:
    """The entries of a word list (one a line, ``#`` comments, blank lines ignored), folded."""
    words = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            words.add(fold(line))
    return frozenset(words)


def _replaceable(token: str, keep: Collection[str]) -> bool:
    if len(token) < MIN_TOKEN or (token.isdigit() and len(token) < MIN_NUMBER):
        return False
    return token not in keep


@dataclass(frozen=True)
class SensitiveTerms:
    """What a label must not contain: folded tokens of the case's finding texts and their numbers."""

    words: frozenset[str]
    numbers: str  # the compact (separator-free) forms of finding texts that contain a digit, joined by "\n"

    @classmethod
    def of(cls, texts: Iterable[str], keep: Collection[str] = frozenset()) -> SensitiveTerms:
        """From the texts of every finding of the case; ``keep`` the generic words never replaced (folded)."""
        words: set[str] = set()
        numbers: set[str] = set()
        for text in texts:
            parts = [fold(t) for t in tokens(text)]
            words.update(t for t in parts if _replaceable(t, keep))
            compact = "".join(parts)
            if any(c.isdigit() for c in compact) and len(compact) >= MIN_NUMBER:
                numbers.add(compact)
        return cls(frozenset(words), "\n".join(sorted(numbers)))

    def spelled_number(self, run: Sequence[str]) -> bool:
        compact = "".join(run)
        return (len(compact) >= MIN_NUMBER and any(c.isdigit() for c in compact)
                and compact in self.numbers)


def safe_label(stem: str, terms: SensitiveTerms) -> str:
    """``stem`` with every token found in ``terms`` replaced by ``redacted`` (adjacent ones collapsed into one),
    separators kept; ``FALLBACK`` when nothing readable is left."""
    spans = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(stem)]
    hit = [t in terms.words for _, _, t in spans]
    i = 0
    while i < len(spans):  # runs of tokens spelling a finding's number ("a-208-114-377"), longest first
        for j in range(min(len(spans), i + MAX_RUN), i, -1):
            if terms.spelled_number([t for _, _, t in spans[i:j]]):
                hit[i:j] = [True] * (j - i)
                i = j - 1
                break
        i += 1
    out: list[str] = []
    pos = 0
    n = 0
    while n < len(spans):
        start, end, _ = spans[n]
        if not hit[n]:
            out.append(stem[pos:end])
            pos, n = end, n + 1
            continue
        last = n
        while last + 1 < len(spans) and hit[last + 1]:
            last += 1
        out.append(stem[pos:start] + REPLACEMENT)
        pos, n = spans[last][1], last + 1
    out.append(stem[pos:])
    label = "".join(out).strip()
    return label if tokens(label) else FALLBACK


def unique(labels: Iterable[str]) -> list[str]:
    """The labels with repeats made distinct by ``-2``, ``-3`` ... (compared case-insensitively)."""
    used: set[str] = set()
    out = []
    for label in labels:
        candidate, n = label, 2
        while candidate.casefold() in used:
            candidate, n = f"{label}-{n}", n + 1
        used.add(candidate.casefold())
        out.append(candidate)
    return out


def safe_labels(stems: Sequence[str], texts: Iterable[str], keep: Collection[str] = frozenset()) -> list[str]:
    """The safe label of each document's stem, distinct from each other: ``texts`` are the texts of every finding
    of the case (and anything an engine found in the stems), ``keep`` the generic words (``parse_word_list``)."""
    terms = SensitiveTerms.of(texts, keep)
    return unique(safe_label(stem, terms) for stem in stems)

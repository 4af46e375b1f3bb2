"""Every occurrence of a found text is a finding.

When a name, number or phrase is found once, each other occurrence of the same text in the document (same
words, any case, any spacing or line break between the words) is reported too: a detector that recognised
"Hernandez Lopez" after "Name:" may miss it in a sentence, and an export that removes a string in one place but
leaves it in another has leaked it (the verifier refuses such an export).

Nationality and immigration-status words are not repeated this way: whether "Dominican" or "parole" is about a
person depends on its context ("a Dominican national" vs "the Dominican Day Parade"), which their recognizers
judge at each occurrence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from workstation.domain.categories import CONTEXTUAL
from workstation.domain.model import Detection

RECOGNIZER = "RepeatedText"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def propagate(page_texts: Sequence[str], detections: Sequence[Sequence[Detection]]) -> list[list[Detection]]:
    """Per page: the page's detections plus a detection for every other occurrence of any detected text.

    Texts are compared as sequences of word and punctuation tokens, case-folded, so any spacing or line break
    between the words matches and a match never starts or ends inside a word. One pass over each page's tokens
    (candidates looked up by their first token), whatever the number of found texts.
    """
    best: dict[tuple[str, ...], Detection] = {}
    for text, dets in zip(page_texts, detections, strict=True):
        for d in dets:
            if d.entity_type in CONTEXTUAL:
                continue
            key = tuple(t.casefold() for t in _TOKEN.findall(text, d.start, d.end))
            if sum(len(t) for t in key) < 2:
                continue
            if key not in best or d.score > best[key].score:
                best[key] = d
    by_first: dict[str, list[tuple[tuple[str, ...], Detection]]] = {}
    for key in sorted(best, key=len, reverse=True):  # longest first: "Maria Lopez" before "Maria"
        by_first.setdefault(key[0], []).append((key, best[key]))
    out: list[list[Detection]] = []
    for text, dets in zip(page_texts, detections, strict=True):
        page = list(dets)
        if not by_first:
            out.append(page)
            continue
        taken = sorted((d.start, d.end) for d in dets)
        toks = [(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        n = len(toks)
        for i, (tok, start, _) in enumerate(toks):
            for key, src in by_first.get(tok, ()):
                k = len(key)
                if i + k > n or any(toks[i + j][0] != key[j] for j in range(1, k)):
                    continue
                end = toks[i + k - 1][2]
                if _overlaps(taken, start, end):
                    continue
                page.append(Detection(start, end, src.entity_type, round(src.score * 0.95, 4), RECOGNIZER))
                bisect.insort(taken, (start, end))
                break
        out.append(page)
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted spans (spans may overlap each other)."""
    i = bisect.bisect_left(spans, (end, end))
    return any(start < e for _, e in spans[:i])

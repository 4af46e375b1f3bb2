"""Every occurrence of a found text is a finding.

When a name, number or phrase is found once, each other occurrence of the same text in the document (same
words, any case, any spacing or line break between the words) is reported too: a detector that recognised
"Hernandez Lopez" after "Name:" may miss it in a sentence, and an export that removes a string in one place but
leaves it in another has leaked it (the verifier refuses such an export).

Once a person is found, each part of the name is found too: "Venkataraman" alone, "WENJUN" in a heading, "Li" in
"Ms. Li" — records write a person's name in many ways and any part of it identifies them. A part is repeated
only where it is written with a capital (so "Rose" the name, not "rose" the verb), and not when it is a common
word (``common_words``) or appears in lower case anywhere in the document (then it is a word of the language).

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
PART_RECOGNIZER = "RepeatedNamePart"
PART_FACTOR = 0.85
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SHORT_WORDS = frozenset({"of", "in", "on", "at", "to", "by", "an", "as", "is", "it", "he", "me", "my", "no", "or",
                          "so", "up", "us", "we", "do", "go", "if", "be", "am", "la", "de", "da", "du", "el", "le",
                          "di", "al", "jr", "sr", "ii", "iv", "mr", "ms", "dr", "st", "vs", "id"})


def _name_parts(best: dict[tuple[str, ...], Detection], page_texts: Sequence[str],
                common_words: frozenset[str]) -> dict[tuple[str, ...], Detection]:
    """{(part,): detection} for the parts of every found person's name that are worth repeating."""
    parts: dict[tuple[str, ...], Detection] = {}
    lowered: set[str] | None = None
    for key, det in best.items():
        if det.entity_type != "PERSON" or len(key) < 2:
            continue
        for part in key:
            if not part.isalpha() or len(part) < 2 or (part,) in best or part in common_words or part in _SHORT_WORDS:
                continue
            if lowered is None:  # words written in lower case somewhere: words of the language, not names
                lowered = {w for text in page_texts for w in re.findall(r"\b[a-z]+\b", text)}
            if part in lowered:
                continue
            if (part,) not in parts or det.score > parts[(part,)].score:
                parts[(part,)] = det
    return parts


def propagate(page_texts: Sequence[str], detections: Sequence[Sequence[Detection]],
              common_words: frozenset[str] = frozenset()) -> list[list[Detection]]:
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
    parts = _name_parts(best, page_texts, common_words)
    by_first: dict[str, list[tuple[tuple[str, ...], Detection, bool]]] = {}
    for key in sorted(best, key=len, reverse=True):  # longest first: "Maria Lopez" before "Maria"
        by_first.setdefault(key[0], []).append((key, best[key], False))
    for key, det in parts.items():
        by_first.setdefault(key[0], []).append((key, det, True))
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
            for key, src, part in by_first.get(tok, ()):
                k = len(key)
                if i + k > n or any(toks[i + j][0] != key[j] for j in range(1, k)):
                    continue
                if part and not text[start].isupper():
                    continue
                end = toks[i + k - 1][2]
                if src.entity_type == "PERSON" and k == 1 and _day_after(toks, i + 1):
                    continue  # "On May 30, 2008" after Judge May: a month before a day, not the name
                if _overlaps(taken, start, end):
                    continue
                if part:
                    page.append(Detection(start, end, "PERSON", round(src.score * PART_FACTOR, 4), PART_RECOGNIZER))
                else:
                    page.append(Detection(start, end, src.entity_type, round(src.score * 0.95, 4), RECOGNIZER))
                bisect.insort(taken, (start, end))
                break
        out.append(page)
    return out


def _day_after(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the token at ``i`` is a day of a month (1-31), as in "May 30" or "June 5"."""
    return i < len(toks) and toks[i][0].isdecimal() and len(toks[i][0]) <= 2 and 1 <= int(toks[i][0]) <= 31


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted spans (spans may overlap each other)."""
    i = bisect.bisect_left(spans, (end, end))
    return any(start < e for _, e in spans[:i])

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

import re
from collections.abc import Sequence

from workstation.domain.categories import CONTEXTUAL
from workstation.domain.model import Detection

RECOGNIZER = "RepeatedText"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _pattern(text: str) -> re.Pattern[str] | None:
    toks = _TOKEN.findall(text)
    if not toks or sum(len(t) for t in toks) < 2:
        return None
    body = r"\s*".join(re.escape(t) for t in toks)
    lead = r"(?<!\w)" if toks[0][0].isalnum() or toks[0][0] == "_" else ""
    trail = r"(?!\w)" if toks[-1][-1].isalnum() or toks[-1][-1] == "_" else ""
    return re.compile(lead + body + trail, re.IGNORECASE)


def propagate(page_texts: Sequence[str], detections: Sequence[Sequence[Detection]]) -> list[list[Detection]]:
    """Per page: the page's detections plus a detection for every other occurrence of any detected text."""
    best: dict[str, Detection] = {}
    texts: dict[str, str] = {}
    for text, dets in zip(page_texts, detections, strict=True):
        for d in dets:
            if d.entity_type in CONTEXTUAL:
                continue
            key = " ".join(_TOKEN.findall(text[d.start:d.end])).casefold()
            if key and (key not in best or d.score > best[key].score):
                best[key] = d
                texts[key] = text[d.start:d.end]
    patterns = [(p, best[k]) for k in sorted(best, key=len, reverse=True) if (p := _pattern(texts[k]))]
    out: list[list[Detection]] = []
    for text, dets in zip(page_texts, detections, strict=True):
        page = list(dets)
        taken = [(d.start, d.end) for d in dets]
        for pat, src in patterns:
            for m in pat.finditer(text):
                s, e = m.start(), m.end()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                page.append(Detection(s, e, src.entity_type, round(src.score * 0.95, 4), RECOGNIZER))
                taken.append((s, e))
        out.append(page)
    return out

"""The answer key of a laid-out practice document (issue 15): the generator's gold offsets are in its own text, but
the trainee reviews what the product read from the page - a PDF's text layer (line breaks where the layout wrapped,
columns one after the other) or the OCR of a scanned page (which may misread a character). The non-space characters
of the generated text are matched in order with those read from the pages (``difflib`` bridges what OCR changed, as
``benchmarks.real_eval.align`` does), and each gold span becomes the run of page characters its own characters
landed on.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

Target = tuple[int, int]  # (page index, character index in that page's text)


def align(source: str, pages: Sequence[str]) -> list[Target | None]:
    """For every character of ``source``, where it is in ``pages`` (None: a space, or a character not read)."""
    src = [i for i, c in enumerate(source) if not c.isspace()]
    dst = [(p, i) for p, text in enumerate(pages) for i, c in enumerate(text) if not c.isspace()]
    a = "".join(source[i] for i in src)
    b = "".join(pages[p][i] for p, i in dst)
    targets: list[Target | None] = [None] * len(source)
    if a == b:
        for k, i in enumerate(src):
            targets[i] = dst[k]
        return targets
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            targets[src[block.a + k]] = dst[block.b + k]
    return targets


def place_span(targets: Sequence[Target | None], start: int, end: int) -> list[tuple[int, int, int]]:
    """Where the source span [start, end) is on the pages: (page index, start, end) for each page it is on. A span
    none of whose characters was read (OCR misread every one) lies between its neighbours that were."""
    by_page: dict[int, list[int]] = {}
    for target in targets[start:end]:
        if target is not None:
            by_page.setdefault(target[0], []).append(target[1])
    if by_page:
        return [(p, min(idx), max(idx) + 1) for p, idx in sorted(by_page.items())]
    before = next((t for t in reversed(targets[:start]) if t is not None), None)
    after = next((t for t in targets[end:] if t is not None), None)
    if before is not None and after is not None and before[0] == after[0] and before[1] + 1 < after[1]:
        return [(before[0], before[1] + 1, after[1])]
    return []

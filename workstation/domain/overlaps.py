"""Resolving overlapping detections into one finding per span."""

from __future__ import annotations

from workstation.domain.categories import PRIORITY
from workstation.domain.model import Detection


def _rank(entity_type: str) -> int:
    return PRIORITY.index(entity_type) if entity_type in PRIORITY else len(PRIORITY)


def resolve_overlaps(detections: list[Detection]) -> list[Detection]:
    """Merge overlapping detections of one type; drop a detection nested inside another type's.

    Same type, overlapping or touching: one detection over the union, best score. Different types, one inside
    the other: the higher-priority category wins (an A-number inside an "address" stays an A-number; a
    nationality word inside an address is part of the address). Partial overlaps of different types are kept
    both: redaction covers their union, and the reviewer sees both.
    """
    merged: list[Detection] = []
    by_type: dict[str, list[Detection]] = {}
    for d in detections:
        if d.end > d.start:
            by_type.setdefault(d.entity_type, []).append(d)
    for items in by_type.values():
        items.sort(key=lambda d: (d.start, -d.end))
        cur = items[0]
        for d in items[1:]:
            if d.start < cur.end:
                best = cur if cur.score >= d.score else d
                cur = Detection(cur.start, max(cur.end, d.end), cur.entity_type, max(cur.score, d.score),
                                best.recognizer)
            else:
                merged.append(cur)
                cur = d
        merged.append(cur)

    merged.sort(key=lambda d: (d.start, -d.end))
    keep: list[Detection] = []
    for d in merged:
        dominated = False
        for o in merged:
            if o is d or o.entity_type == d.entity_type:
                continue
            contains = o.start <= d.start and d.end <= o.end
            if not contains:
                continue
            same_span = o.start == d.start and o.end == d.end
            if same_span:
                dominated = _rank(o.entity_type) < _rank(d.entity_type)
            else:
                # d nested strictly inside o: o wins unless d is a more specific category
                dominated = _rank(o.entity_type) <= _rank(d.entity_type) or d.entity_type in ("PERSON",)
            if dominated:
                break
        if not dominated:
            keep.append(d)
    return keep

"""A case as the repository lists it: its id, name, the paths it was opened from and the reviewer's place."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass


def case_id_for(sources: Sequence[str]) -> str:
    """A case is identified by the set of absolute paths it was opened from."""
    return hashlib.sha256("\n".join(sorted(sources)).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class CaseRecord:
    id: str
    name: str
    sources: tuple[str, ...]
    created_at: str
    opened_at: str
    cursor: dict

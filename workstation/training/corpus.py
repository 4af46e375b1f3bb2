"""A deterministic synthetic corpus of case documents with gold spans.

Seven document types (complaint reports, inter-agency e-mails, FOIL letters, shelter intake forms, witness
statements, rosters, DD5 follow-up reports). Every document is built by appending template pieces and
recording the offsets of inserted values as they are appended; no span is ever found by searching the text.

Gold conventions:
  NATIONALITY        the country or demonym word(s) ("Honduran", "El Salvador")
  IMMIGRATION_STATUS the status phrase ("entered without inspection", "TPS holder", "EWI")
  ADDRESS            the whole address incl. unit, city, state and ZIP, as one span (may span lines)
  PERSON             the name without title ("Maria Santos", "GARCIA LOPEZ, Jose")
  DATE_OF_BIRTH      the date only
  ids                the number incl. its A/letters prefix, not the label ("A# 212 345 678", "EAC2190012345")
  VEHICLE_PLATE      the plate alone, not its label or state ("NY plate KJT-4521" -> "KJT-4521")
  SOCIAL_MEDIA_HANDLE the user name, without the "@" of a handle ("@lil.maya22" -> "lil.maya22")

Public API: ``generate_document(doc_type, seed)``, ``make_corpus(n, seed)`` (PDFs: ``benchmarks.corpus.render_pdf``).
The product ships it for training mode (practice cases with answer keys); the benchmarks use the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# the workstation's own category names (the gold spans use exactly these)
from workstation.training.builder import (
    DOC_TYPES,
    SyntheticDocument,
    _Builder,
)
from workstation.training.letters import (
    foil_letter,
    inter_agency_email,
    roster,
    shelter_intake,
)
from workstation.training.reports import (
    complaint_report,
    followup_dd5,
    witness_statement,
)

GENERATORS: dict[str, Callable[[_Builder, random.Random], str]] = {
    "complaint_report": complaint_report,
    "email": inter_agency_email,
    "foil_letter": foil_letter,
    "shelter_intake": shelter_intake,
    "witness_statement": witness_statement,
    "roster": roster,
    "followup_dd5": followup_dd5,
}


def generate_document(doc_type: str, seed: int | str, doc_id: str | None = None) -> SyntheticDocument:
    rng = random.Random(f"{doc_type}:{seed}")
    b = _Builder(side=random.Random(f"{doc_type}:{seed}:side"))
    layout = GENERATORS[doc_type](b, rng)
    spans = sorted(b.spans, key=lambda s: (s.start, s.end))
    return SyntheticDocument(doc_id or f"{doc_type}-{seed}", doc_type, b.text, spans, layout)


def make_corpus(n: int = 300, seed: int = 7) -> list[SyntheticDocument]:
    """``n`` documents cycling through the seven types; the same (n, seed) gives the same corpus."""
    docs = []
    for i in range(n):
        doc_type = DOC_TYPES[i % len(DOC_TYPES)]
        docs.append(generate_document(doc_type, f"{seed}-{i}", doc_id=f"{seed}-{i:04d}-{doc_type}"))
    return docs

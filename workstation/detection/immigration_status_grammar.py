"""Sentence-level readers of the IMMIGRATION_STATUS recognizer: entries read from spaCy's dependency parse
("crossed the river without inspection") and the sentences that state law about a class of people."""

from __future__ import annotations

from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.immigration_status_fields import _StatusFields
from workstation.detection.immigration_status_phrases import (
    _ENTRY_LEMMAS,
    _ENTRY_PLACES,
    _GENERIC_SUBJECT,
    _MANNER_AT,
    _RULE_VERB,
    _SENTENCE_END,
    _STRONG_MANNER,
)


class _StatusGrammar(_StatusFields):
    """Entries read from the parse and law-in-the-abstract sentences (mixed into ``ImmigrationStatusRecognizer``)."""

    def _entries_by_lemma(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[tuple[int, int, float]]:
        """An entry verb and, later in its clause, how the entry was made: "entered the United States near Laredo
        in 2004 without inspection", "crossed into Texas illegally" (lemmas and POS tags of the spaCy pass)."""
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        if doc is None or len(doc) == 0 or doc[-1].idx + len(doc[-1]) > len(text):
            return []
        out: list[tuple[int, int, float]] = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _ENTRY_LEMMAS:
                continue
            place = False
            for k in range(tok.i + 1, min(len(doc), tok.i + 16)):
                nxt = doc[k]
                if nxt.is_sent_start or nxt.text in (";", ":") or nxt.pos_ in ("VERB", "AUX") and k > tok.i + 1 \
                        or nxt.lower_ in ("and", "but", "where", "when", "which", "who"):
                    break
                manner = _MANNER_AT.match(text, nxt.idx)
                if manner:
                    if _STRONG_MANNER.search(manner.group()) or place:
                        out.append((tok.idx, manner.end(), 0.75))
                    break
                place = place or nxt.pos_ == "PROPN" or nxt.lower_ in _ENTRY_PLACES
        return out

    @staticmethod
    def _generic_sentences(text: str) -> list[tuple[int, int]]:
        """The sentences about a class of people ("An alien who ...", "those who ..."): law in the abstract."""
        out: list[tuple[int, int]] = []
        for m in _GENERIC_SUBJECT.finditer(text):
            starts = [x.end() for x in _SENTENCE_END.finditer(text, max(0, m.start() - 400), m.start())]
            start = starts[-1] if starts else max(0, m.start() - 400)
            end_m = _SENTENCE_END.search(text, m.end())
            end = end_m.start() if end_m else len(text)
            if m.group("rest") is not None and not _RULE_VERB.search(text, start, end):
                continue
            out.append((start, end))
        return out

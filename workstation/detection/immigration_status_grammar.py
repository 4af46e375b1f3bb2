"""Sentence-level readers of the IMMIGRATION_STATUS recognizer: entries read from spaCy's dependency parse
("crossed the river without inspection") and the sentences that state law about a class of people."""

from __future__ import annotations

import re

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Token

from workstation.detection import months
from workstation.detection.immigration_status_fields import _StatusFields
from workstation.detection.immigration_status_gates import scan
from workstation.detection.immigration_status_lexicon import _has_context
from workstation.detection.immigration_status_phrases import (
    _CLASS_BEFORE,
    _ENTRY_LEMMAS,
    _ENTRY_PLACES,
    _GENERIC_SUBJECT,
    _MANNER_AT,
    _RULE_VERB,
    _SENTENCE_END,
    _STRONG_MANNER,
)
from workstation.detection.immigration_status_stories import (
    _ADMISSION_DECIDED,
    _ADMITTED_AS,
    _AGENCY_CUSTODY,
    _APPLIED_ADMISSION,
    _ARRIVED_HERE,
    _ATTEMPTED_ENTRY,
    _BOND_HEARING,
    _DEPART_VOLUNTARILY,
    _DETENTION_AUTHORITY,
    _ENFORCEMENT_CUE,
    _ENTRY_NOUN,
    _FALSE_CLAIM,
    _NO_CONSENT,
    _NO_DOCUMENTS,
    _PASSIVE_ENFORCEMENT,
    _PERSON_ENTERED,
    _POLICE_CUE,
    _REINSTATEMENT,
    _RELEASED_SUPERVISED,
    _RELIEF_BAR,
    _REMOVED_TO_COUNTRY,
    _STATUS_NOUNS,
    _THE_PERSON_NOUN,
    _UNLAWFUL_PRESENCE,
)

_BRIDGE_STOP = re.compile(r"[.;:!?\u201c\u201d\"]|\n[ \t]*\n|(?<![\w])(?i:but|while|whereas|because|although|who|which|that|he|she|they|it|we|you|I)(?![\w])")


# a word worth covering between the parts (not a bare "and" / "or": both parts are findings already)
_BRIDGE_CONTENT = re.compile(r"(?<![\w])(?!(?i:and|or|then|also|the|a|an|of|to|by|in|on|at)(?![\w]))\w{2,}")
# the line that opens a BIA/INS decision's headnote, and the first line after it that is no longer the headnote
_HEADNOTE_START = re.compile(
    r"(?m)^[ \t]*(?:Decided|Approved)\s+by\s+(?:the\s+)?(?:Board|Central\s+Office|(?:Assistant\s+|Regional\s+|Deputy\s+)?Commissioner|"
    r"(?:Deputy\s+)?Attorney\s+General)\b[^\n]*\n"
)
_HEADNOTE_END = re.compile(
    r"(?m)^[ \t]*(?:CHARGES?\b|ORDER\b|Order:|EXCLUDABLE\b|EXCLUDED\b|DEPORTABLE\b|Lodged:|ON\s+BEHALF\b|"
    r"BEFORE\s+THE\b|BEFORE:|DISCUSSION\b|Discussion:|APPLICATION:|In\s+(?:DEPORTATION|EXCLUSION|REMOVAL|Deportation|"
    r"Exclusion|Removal)\s+Proceedings|The\s+(?:respondent|applicant|appellant)\b)"
)
_HEADNOTE_MAX = 3000
_THE_PARTY = re.compile(r"(?<![\w])(?<!(?i:an)\s)(?<!(?i:any)\s)(?<![\W](?i:a)\s)(?i:respondent|applicant|petitioner|"
                        r"beneficiary)(?![\w])")
# a party named by its role right before a comma: "Appellee, an undocumented alien seeking ..." (its apposition)
_PARTY_BEFORE = re.compile(r"(?<![\w])(?-i:Appellee|Appellant|Petitioner|Respondent|Defendant|Movant|Applicant|"
                           r"Plaintiff|Relator)s?,\s+$")
_CONJUNCTION_GAP = re.compile(r"[ \t]*,?[ \t\n]*(?i:and|or|nor|and/or)[ \t\n]+")
_MONTH = re.compile(r"(?<![\w])(?:" + months.FULL + "|" + months.ABBREVIATED + r")(?![\w])")
_ENTRY_ADVERBS = re.compile(r"(?<![\w])(?i:(?:first|last|later|again|subsequently|then|thereafter|originally|initially|"
                            r"illegally|unlawfully)\s+)+$")


# the spellings of every _ENTRY_LEMMAS verb (came, snuck, re-entered ...): only tokens starting with one are looked at,
# so the loop does not build a Python object for every token of the document
_ENTRY_SURFACE = re.compile(r"(?i:ent|cros|com|cam|ret|ree|re-|sne|snu|sli|smu|arr)")


def _entry_verb_candidates(text: str, doc: Doc) -> list[Token]:
    """The tokens of doc that start with the spelling of an entry verb, in order, each once."""
    out: list[Token] = []
    last = -1
    for m in _ENTRY_SURFACE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span) or span[0].idx != m.start() or span[0].i <= last:
            continue
        out.append(span[0])
        last = span[0].i
    return out


def _verb_between(doc: Doc | None, start: int, end: int) -> bool:
    """Whether a verb or auxiliary token of doc starts in text[start:end]."""
    if doc is None or not len(doc) or end <= start:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and start <= t.idx < end for t in span)


class _StatusGrammar(_StatusFields):
    """Entries read from the parse and law-in-the-abstract sentences (mixed into ``ImmigrationStatusRecognizer``)."""

    def _entries_by_lemma(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[tuple[int, int, float]]:
        """An entry verb and, later in its clause, how the entry was made: "entered the United States near Laredo
        in 2004 without inspection", "crossed into Texas illegally" (lemmas and POS tags of the spaCy pass)."""
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        if doc is None or len(doc) == 0 or doc[-1].idx + len(doc[-1]) > len(text):
            return []
        out: list[tuple[int, int, float]] = []
        for tok in _entry_verb_candidates(text, doc):
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
    def _stories(text: str) -> list[tuple[int, int, float]]:
        """Custody, detention authority, missing documents, attempted entries, false claims to citizenship, presence
        without right, voluntary departure, a bond hearing, and "the noncitizen" said of one person."""
        out: list[tuple[int, int, float]] = []
        for m in scan(_AGENCY_CUSTODY, text):
            if not _CLASS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                out.append((m.start(), m.end(), 0.8))
        for rx, score in ((_DETENTION_AUTHORITY, 0.8), (_NO_DOCUMENTS, 0.75), (_ATTEMPTED_ENTRY, 0.7),
                          (_ADMITTED_AS, 0.8), (_FALSE_CLAIM, 0.75),
                          (_DEPART_VOLUNTARILY, 0.7), (_STATUS_NOUNS, 0.8),
                          (_ENTRY_NOUN, 0.8), (_REINSTATEMENT, 0.8)):
            for m in scan(rx, text):
                out.append((m.start(), m.end(), score))
        for m in scan(_PERSON_ENTERED, text):
            lead = _ENTRY_ADVERBS.search(text, max(0, m.start("verb") - 40), m.start("verb"))
            out.append((lead.start() if lead else m.start("verb"), m.end("verb"), 0.6))
        for rx, score in ((_NO_CONSENT, 0.8), (_ADMISSION_DECIDED, 0.7), (_ARRIVED_HERE, 0.6)):
            for m in scan(rx, text):
                out.append((m.start(), m.end(), score))
        for m in scan(_RELEASED_SUPERVISED, text):
            if _has_context(text, m.start(), m.end()) or _ENFORCEMENT_CUE.search(
                    text, max(0, m.start() - 300), min(len(text), m.end() + 300)):
                out.append((m.start(), m.end(), 0.6))
        for m in scan(_UNLAWFUL_PRESENCE, text):
            group = "be" if m.group("be") else "stay"
            out.append((m.start(group), m.end(group), 0.8))
        for m in scan(_RELIEF_BAR, text):
            if re.search(r"(?i:Act|removal|deportation)$", m.group()):
                out.append((m.start(), m.end(), 0.7))  # "relief ... under the Act", "relief from removal"
        for rx in (_APPLIED_ADMISSION, _BOND_HEARING, _RELIEF_BAR):
            for m in scan(rx, text):
                if _has_context(text, m.start(), m.end()) or _ENFORCEMENT_CUE.search(
                        text, max(0, m.start() - 300), min(len(text), m.end() + 300)) or _DETENTION_AUTHORITY.search(
                        text, max(0, m.start() - 400), min(len(text), m.end() + 400)):
                    out.append((m.start(), m.end(), 0.6))
        for m in scan(_PASSIVE_ENFORCEMENT, text):
            if m.group("verb").lower() in ("removed", "deported") and _REMOVED_TO_COUNTRY.match(text[m.end() : m.end() + 40]):
                out.append((m.start("verb"), m.end("verb"), 0.7))
                continue
            ends = [x.end() for x in _SENTENCE_END.finditer(text, max(0, m.start() - 500), m.start())]
            start = ends[-2] if len(ends) >= 2 else (max(0, m.start() - 300) if not ends else max(0, ends[-1] - 300))
            sent_start = ends[-1] if ends else max(0, m.start() - 300)
            end_m = _SENTENCE_END.search(text, m.end())
            end = end_m.start() if end_m else len(text)
            if _POLICE_CUE.search(text, sent_start, end):
                continue
            if _ENFORCEMENT_CUE.search(text, start, m.start()) or _ENFORCEMENT_CUE.search(text, m.end(), end):
                out.append((m.start("verb"), m.end("verb"), 0.6))
        for m in scan(_THE_PERSON_NOUN, text):
            out.append((m.start("noun"), m.end("noun"), 0.6))
        return out

    @staticmethod
    def _bridged(text: str, spans: list[tuple[int, int, float]], nlp_artifacts: NlpArtifacts | None
                 ) -> list[tuple[int, int, float]]:
        """Two parts of one status statement with only a date, a place or an adverbial between them become one span
        ("first entered the United States (October 1954), and on several occasions thereafter, by falsely claiming
        ..."), so the words between stay covered: at most 60 characters, no sentence or clause punctuation, no verb, no
        capitalised word but a month."""
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        out: list[tuple[int, int, float]] = []
        for s, e, sc in sorted(spans):
            if out:
                ps, pe, psc = out[-1]
                gap = text[pe:s]
                # no capitalised word but a month between: a name or a country in between is its own finding
                if s >= pe and len(gap) <= 60 and not _BRIDGE_STOP.search(gap) and _BRIDGE_CONTENT.search(gap) \
                        and not re.search(r"[A-Z]", _MONTH.sub("", gap)) \
                        and not _verb_between(doc, pe, s) or s >= pe and _CONJUNCTION_GAP.fullmatch(gap):
                    # "citizens or permanent resident aliens": one box, no readable "or" between two
                    out[-1] = (ps, max(pe, e), max(psc, sc))
                    continue
            out.append((s, e, sc))
        return out

    @staticmethod
    def _headnotes(text: str) -> list[tuple[int, int]]:
        """The headnote (syllabus) of an administrative decision: after "Decided by Board <date>" up to the charge,
        the order, counsel or the decision's own text. It states the holding in the abstract ("An alien who gained
        admission by a false claim to citizenship has not been inspected"), not what happened to the person."""
        out: list[tuple[int, int]] = []
        if "Decided" not in text and "Approved" not in text:
            return out  # no headnote opening (the regex would try every line of every document)
        for m in _HEADNOTE_START.finditer(text):
            end_m = _HEADNOTE_END.search(text, m.end(), min(len(text), m.end() + _HEADNOTE_MAX))
            if not end_m:  # no end in reach: not a headnote layout
                continue
            start = m.end()
            for stop in [*(x.end() for x in _SENTENCE_END.finditer(text, start, end_m.start())), end_m.start()]:
                # a sentence that names the party ("respondent lost his United States citizenship") is about them
                if stop > start and not _THE_PARTY.search(text, start, stop):
                    out.append((start, stop))
                start = stop
        return out

    @staticmethod
    def _generic_sentences(text: str) -> list[tuple[int, int]]:
        """The sentences about a class of people ("An alien who ...", "those who ..."): law in the abstract."""
        out: list[tuple[int, int]] = []
        for m in _GENERIC_SUBJECT.finditer(text):
            # from the class subject on: "Thus, Guerrero was deportable under § 237, which states that any alien
            # who ... is deportable" - what the sentence says of Guerrero before it is not law in the abstract
            start = m.start()
            if text[max(0, start - 2) : start].startswith(",") and re.match(r"\s*,", text[m.end() : m.end() + 3]):
                continue  # "whether Felipe Nava-Perez, an alien, is subject to": a name's apposition, not a class
            if _PARTY_BEFORE.search(text, max(0, start - 14), start):
                continue  # "Appellee, an undocumented alien seeking ...": the party's apposition, not a class
            if re.match(r"\s*(?:Respondents|Petitioners)\b", text[start : m.end() + 1]) and re.search(
                    r"(?:that|to|for|[,;:])\s$", text[max(0, start - 6) : start]):
                continue  # "Petitioner contends that Respondents are holding him": the parties, not a class
            end_m = _SENTENCE_END.search(text, m.end())
            end = end_m.start() if end_m else len(text)
            if m.group("rest") is not None and not _RULE_VERB.search(text, start, end):
                continue
            out.append((start, end))
        return out

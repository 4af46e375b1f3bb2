"""IMMIGRATION_STATUS: status and proceedings phrases ("undocumented", "lawful permanent resident", "asylee",
"TPS", "DACA recipient", "H-1B", "removal proceedings", "ICE detainer", "previously deported", "U.S. citizen" ...).

The span is the phrase. Most phrases come from word lists (``resources/wordlists/immigration_status_*.txt``),
compiled once per process into two trie-shaped regular expressions: one case-insensitive with flexible spacing,
hyphens and dots ("asylum-seeker" = "asylum seeker", "U.S. citizen" = "US citizen"), one case-sensitive for
acronyms and visa classes ("EWI", "LPR", "TPS", "H-1B"). The longest phrase wins.

Context decides the ambiguous words:

* "parole"/"parolee"/"paroled" and short visa classes ("F-1", "J-1", "K-1", "B-2", "TN") only near immigration
  words ("parole officer" in a criminal report is not a finding);
* "alien" alone is weak, and not in "alien registration number" (the A-number's label);
* "Visa" the card brand ("Visa debit card", "expired Visa card") and "permanent residence" used as an address
  label are not findings;
* "LPR" is a lawful permanent resident, not a licence-plate reader ("LPR camera", "Flock LPR hit");
* "ICE" alone (the agency) is weak and not in upper-case lines (where it may be the drug);
* form fields ("Immigration Status: ...", "Visa Type: ...", "Estatus migratorio: ...") report the value up to
  the end of the line; a generic "Status:" value only when it is itself a status ("Status: Asylee").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.nationality_recognizer import (
    bounded,
    phrase_key,
    read_wordlist,
    result,
    trie_regex,
    with_folded,
    wordlist,
)

DEFAULT_SCORE = 0.85

# Words that make an ambiguous term ("parolee", "F-1", "alien") an immigration one, within CONTEXT_WINDOW chars.
CONTEXT = [
    "immigration", "immigrant", "asylum", "asylee", "visa", "border", "deport", "removal", "alien", "noncitizen",
    "USCIS", "CBP", "DHS", "EOIR", "ICE", "INS", "humanitarian", "CHNV", "port of entry", "I-94", "nonimmigrant",
    "SEVIS", "consulate", "embassy", "entry", "entered", "admitted", "admission", "refugee", "migrant", "TPS",
    "DACA", "status", "passport", "citizenship",
]
CONTEXT_WINDOW = 200

_CONTEXT_RE = re.compile(
    r"(?i:immigra\w*|asyl\w*|visas?|border|deport\w*|removal|removed|aliens?|non-?citizens?|USCIS|CBP|DHS|EOIR|"
    r"humanitarian|CHNV|port\s+of\s+entry|I-?94|non-?immigrant|SEVIS|I-20|consulates?|embassy|entry|entered|"
    r"admitted|admission|refugees?|migrants?|student|status)|\b(?:ICE|INS|TPS|DACA|OPT|CPT)\b"
)
_PAROLE = re.compile(r"(?<![\w])(?i:parolee|parolees|paroled|parole)(?![\w])")
_PAROLE_CRIMINAL_AFTER = re.compile(
    r"^\s+(?i:officer|officers|agent|agents|board|violation|violations|violator|violators|hearing|revocation|"
    r"revoked|supervision|department|division|office|conditions|status\s+check)(?![\w])"
)
_PAROLE_CRIMINAL_BEFORE = re.compile(r"(?i:on|state|county|criminal|prison|jail|violated\s+(?:his|her)?)\s+$")
# Short visa classes: "F-1 visa"/"F1 status" always; a bare "F-1"/"J-1"/"K-1" only near visa words.
_VISA_CLASS = re.compile(
    r"(?<![\w\-/])(?:(?P<hyphen>[BFJKLMOEHRPQUT]-[1-4][AB]?)|[BFJKLMOEHRPQUT][1-4][AB]?)(?![\w\-])"
    r"(?P<suffix>\s+(?:visa|status|student|nonimmigrant|holder|visa\s+holder)s?(?![\w]))?"
)
_VISA_CONTEXT_RE = re.compile(
    r"(?i:visas?|non-?immigrant|SEVIS|I-20|USCIS|immigration|consulate|embassy|admitted|I-?94|status|"
    r"petition|sponsor\w*|employer|fianc\w*)|\b(?:OPT|CPT|ICE|CBP|DHS)\b"
)
_LPR = re.compile(r"(?<![\w\-])LPRs?(?![\w\-])")
_LPR_CAMERA = re.compile(r"(?i:plates?|cameras?|Flock|ALPR|reader|hits?|alerts?|vehicles?|tag|scan\w*|readers?)")
_ALIEN = re.compile(r"(?<![\w\-])(?i:alien|aliens)(?![\w\-])")
_ALIEN_NOT_AFTER = re.compile(r"^\s*(?i:registration|reg\.?|number|no\.?|num|#|file|id|receipt|card)")
_ICE = re.compile(r"(?<![\w\-])ICE(?![\w\-])")
_CARD_AFTER = re.compile(
    r"^\s*(?i:card|cards|debit|credit|gift|check|checkcard|payment|signature|platinum|rewards|account|logo|inc)"
    r"(?![\w])"
)
_NO_STATUS_AFTER = re.compile(r"^\s*(?i:update|updates|change|changes|report|information|info|available|yet|"
                              r"on\s+file|light|code|bar)(?![\w])")
_RESIDENCE_AFTER = re.compile(r"^\s*(?::|(?i:address|addr|street|city|state|phone|zip)(?![\w]))")
_NULL_VALUE = re.compile(
    r"^(?i:n/?a|none|nil|null|unk|unknown|not\s+(?:provided|applicable|known|stated|given|available|listed)|"
    r"see\s+(?:attached|above|below)|refused|declined|tbd|-+|_+|\?+)\.?$"
)
_LABEL_SEP = r"[ \t]*(?P<sep>[:\uff1a]|\t| {2,}|\|)[ \t]*"
_VALUE_END = re.compile(
    r"\t| {2,}|\s\|\s?|;|\s+(?=(?i:DOB|D\.O\.B\.|Date\s+of\s+Birth|Sex|Gender|Race|Nationality|Citizenship|"
    r"Country\s+of\s+\w+|A#|A-Number|Alien\s+Number|Passport|Name|Address|Phone|Date|Occupation|Class\s+of\s+"
    r"Admission|Date\s+of\s+Entry|Port\s+of\s+Entry|Visa\s+Type|Expir\w*)\s*[:#])"
)
_GENERIC_STATUS_LABEL = re.compile(r"(?<![\w/])(?i:status|estatus|statut)" + _LABEL_SEP + r"(?P<value>[^\r\n]*)")


@dataclass
class _Lexicon:
    phrases: re.Pattern[str]  # case-insensitive
    phrase_scores: dict[str, float]
    acronyms: re.Pattern[str]  # case-sensitive
    acronym_scores: dict[str, float]
    labels: re.Pattern[str]


def _scores(name: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for phrase, score in read_wordlist(name):
        for variant in with_folded([phrase]):
            out[phrase_key(variant)] = DEFAULT_SCORE if score is None else score
    return out


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    phrases = re.compile(bounded(trie_regex(with_folded(wordlist("immigration_status_phrases.txt")))),
                         re.IGNORECASE)
    acronyms = re.compile(bounded(trie_regex(wordlist("immigration_status_acronyms.txt"), lower=False)))
    labels = re.compile(
        r"(?<![\w/])(?i:" + trie_regex(with_folded(wordlist("immigration_status_labels.txt"))) + ")" + _LABEL_SEP
        + r"(?P<value>[^\r\n]*)"
    )
    return _Lexicon(phrases, _scores("immigration_status_phrases.txt"), acronyms,
                    _scores("immigration_status_acronyms.txt"), labels)


def _has_context(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - CONTEXT_WINDOW) : start] + " " + text[end : end + CONTEXT_WINDOW]
    return _CONTEXT_RE.search(window) is not None


def _upper_line(text: str, start: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls : le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


class ImmigrationStatusRecognizer(EntityRecognizer):
    """Immigration status, proceedings and citizenship-status phrases."""

    ENTITY = "IMMIGRATION_STATUS"
    CONTEXT = CONTEXT

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="ImmigrationStatusRecognizer",
                         supported_language="en", version="1.0")

    def load(self) -> None:
        lexicon()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        lex = lexicon()
        found: list[tuple[int, int, float]] = []
        for m in lex.phrases.finditer(text):
            score = lex.phrase_scores.get(phrase_key(m.group()))
            if score is None:
                continue
            key = phrase_key(m.group())
            after = text[m.end() : m.end() + 40]
            if key.endswith("visa") and _CARD_AFTER.match(after):
                continue
            if key.startswith("no") and key.endswith("status") and _NO_STATUS_AFTER.match(after):
                continue
            if key == "permanentresidence" and _RESIDENCE_AFTER.match(after):
                continue
            if key == "asylum" and re.search(r"(?i:insane|lunatic|mental|orphan)\s+$", text[max(0, m.start() - 20) : m.start()]):
                continue
            found.append((m.start(), m.end(), score))
        for m in lex.acronyms.finditer(text):
            score = lex.acronym_scores.get(phrase_key(m.group()))
            if score is None:
                continue
            found.append((m.start(), m.end(), score))
        found.extend(self._contextual(text))
        found.extend(self._form_fields(text, lex))
        return [result(self.ENTITY, s, e, sc, self) for s, e, sc in found]

    def _contextual(self, text: str) -> list[tuple[int, int, float]]:
        out: list[tuple[int, int, float]] = []
        for m in _PAROLE.finditer(text):
            s, e = m.span()
            word = m.group().lower()
            if _PAROLE_CRIMINAL_AFTER.match(text[e : e + 40]):
                continue
            if word == "parole" and _PAROLE_CRIMINAL_BEFORE.search(text[max(0, s - 30) : s]):
                continue
            if _has_context(text, s, e):
                out.append((s, e, 0.6))
        for m in _VISA_CLASS.finditer(text):
            s, e = m.span()
            if m.group("suffix"):
                out.append((s, e, DEFAULT_SCORE))
            elif m.group("hyphen") and _VISA_CONTEXT_RE.search(text[max(0, s - 120) : e + 120]):
                out.append((s, e, 0.6))
        for m in _LPR.finditer(text):
            s, e = m.span()
            window = text[max(0, s - 100) : e + 100]
            if not _LPR_CAMERA.search(window):
                out.append((s, e, DEFAULT_SCORE))
            elif _has_context(text, s, e):
                out.append((s, e, 0.6))
        for m in _ALIEN.finditer(text):
            s, e = m.span()
            if _ALIEN_NOT_AFTER.match(text[e : e + 20]):
                continue
            out.append((s, e, 0.5))
        for m in _ICE.finditer(text):
            s, e = m.span()
            if not _upper_line(text, s):
                out.append((s, e, 0.45))
        return out

    def _form_fields(self, text: str, lex: _Lexicon) -> list[tuple[int, int, float]]:
        out: list[tuple[int, int, float]] = []
        for label_re, generic in ((lex.labels, False), (_GENERIC_STATUS_LABEL, True)):
            for m in label_re.finditer(text):
                value = m.group("value")
                cut = _VALUE_END.search(value)
                if cut:
                    value = value[: cut.start()]
                stripped = value.rstrip(" ,:;")
                lead = len(stripped) - len(stripped.lstrip(" \"'"))
                stripped = stripped[lead:]
                if not stripped or len(stripped) > 80 or not any(c.isalnum() for c in stripped):
                    continue
                if _NULL_VALUE.match(stripped):
                    continue
                is_status = bool(lex.phrases.search(stripped) or lex.acronyms.search(stripped) or _LPR.search(stripped)
                                 or _VISA_CLASS.search(stripped) or _PAROLE.search(stripped))
                if (generic or m.group("sep") not in (":", "\uff1a")) and not is_status:
                    continue
                s = m.start("value") + lead
                out.append((s, s + len(stripped), DEFAULT_SCORE))
        return out

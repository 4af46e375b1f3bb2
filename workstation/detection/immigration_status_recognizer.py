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

from workstation.detection.a_number_recognizer import PEOPLE_HEADER, table_cells, table_columns
from workstation.detection.nationality_recognizer import bounded, phrase_key, result, trie_regex, with_folded
from workstation.detection.wordlists import read_wordlist, wordlist

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
    r"admitted|admission|refugees?|migrants?|student|status)|\b(?:ICE|INS|TPS|DACA|OPT|CPT|I-\d{3}[A-Z]?)\b"
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
# "ICE" alone is the agency, not a status; ICE acting on a person is: "ICE arrested him", "ICE lodged a detainer",
# "ICE issued an administrative warrant for ...", "ICE agents detained her".
_ICE_ACTION = re.compile(
    r"(?<![\w\-])(?:ICE|ERO|(?i:Immigration\s+and\s+Customs\s+Enforcement))"
    r"(?:\s+(?:ERO|(?i:agents?|officers?|officials?|deportation\s+officers?)))?"
    r"\s+(?i:(?:has|had|have|then|later|subsequently|also|reportedly|allegedly|previously)\s+)*"
    r"(?P<verb>(?i:arrested|arrests?|detained|detains?|apprehended|picked\s+(?:him|her|them|\w+)?\s*up|"
    r"took\s+(?:him|her|them)|took\s+custody|lodged|lodges|issued|issues|placed|deported|deports|removed|"
    r"encountered|raided|served|transferred|released|(?:is|was|are|were)\s+(?:holding|detaining|looking\s+for|"
    r"seeking|searching\s+for)|holds|came\s+(?:for|to\s+(?:his|her|their|the)\s+(?:home|house|apartment))|"
    r"showed\s+up|knocked|wants|wanted|is\s+after|put\s+(?:him|her|them)|fitted|enrolled|monitors))"
    r"(?![\w])"
    r"(?P<object>[^.;!?\n]{0,50}?(?<![\w])(?i:detainers?|warrants?|custody|hold|notice\s+to\s+appear|NTA|"
    r"order\s+of\s+(?:removal|supervision|recognizance)|proceedings|bond|ankle\s+monitor|monitor|"
    r"alternatives\s+to\s+detention|ATD|ISAP|I-\d{3}[A-Z]?)(?![\w]))?"
)
_DEPORTATION_TITLE_AFTER = re.compile(
    r"^\s+(?i:officers?|agents?|branch|unit|operations|section|staff|specialists?|assistants?|"
    r"officer\s+in\s+charge)(?![\w])"
)
# A status phrase inside an organisation or facility name: "Asylum Seeker Arrival Center", "Refugee Services".
_ORG_AFTER = re.compile(
    r"^(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w'\u2019\-]*){0,3}?\s+(?:Center|Centre|Centers|Program|Programme|"
    r"Project|Unit|Office|Clinic|Services|Service|Network|Coalition|Fund|Hotline|Division|Bureau|Section|"
    r"Team|Initiative|Shelter|Resources|Committee|Council|Alliance|Association|Institute|Foundation|"
    r"Partnership|Collaborative|Desk|Hub|Site|Facility)(?![\w])"
)
# "I do not have legal status", "he doesn't have papers", "they did not have a visa".
_NEGATED_HAVE = re.compile(
    r"(?<![\w])(?i:(?:do|does|did)(?:\s+not|n['\u2019]t)\s+have|"
    r"never\s+(?:had|have|has)|(?:is|am|are|was|were)\s+not\s+(?:in|on)|lacks?|lacked|lacking)"
    r"\s+(?:(?i:any|a|an|the|his|her|their|my|our)\s+)?"
    r"(?P<qual>(?:(?i:legal|lawful|immigration|valid|proper|current|residency|work|u\.?s\.?)\s+)*)"
    r"(?P<noun>(?i:status|papers|documents|documentation|visa|green\s+card|work\s+permit|residency|"
    r"authorization|permission\s+to\s+(?:stay|remain|be\s+here|work|live\s+here)))(?![\w])"
)
# Clandestine entry: "I entered the country through the desert", "crossed with a coyote".
_ENTRY_MANNER = re.compile(
    r"(?<![\w])(?i:entered|crossed|came|arrived|got|walked|swam|snuck|sneaked|made\s+it)(?![\w])"
    r"[^.;!?\n]{0,40}?\s(?P<manner>(?i:(?:through|across|over)\s+the\s+(?:desert|mountains|river|jungle|"
    r"border|Rio\s+Grande|wall|fence)|(?:with|by\s+paying|through)\s+(?:a\s+)?(?:coyotes?|smugglers?|"
    r"polleros?|human\s+smugglers?)|hidden\s+in\s+(?:a|the)\s+(?:truck|trailer|car|container|trunk)|"
    r"by\s+swimming|on\s+foot\s+(?:across|through|over)\s+the\s+\w+|without\s+(?:a\s+)?(?:visa|papers|"
    r"documents|inspection|being\s+inspected)))(?![\w])"
)
# "Student (F-1)", "Exchange visitor (J-1)", "Worker (H-2A)".
_VISA_IN_BRACKETS = re.compile(
    r"(?<![\w])(?i:student|exchange\s+visitor|visitor|tourist|temporary\s+worker|worker|trainee|"
    r"fianc[e\u00e9]e?|investor|intern|spouse|treaty\s+trader|nonimmigrant)\s*[(\[]\s*"
    r"[BFJKLMOEHRPQUT]-?[1-4][AB]?\s*[)\]]"
)
# "ankle monitor" / "GPS bracelet" is immigration supervision only near ICE, ISAP or ATD.
_MONITOR = re.compile(r"(?<![\w])(?i:ankle|GPS|electronic)\s+(?i:monitors?|bracelets?|tracker)(?![\w])")
_MONITOR_CONTEXT = re.compile(r"(?<![\w])(?:ICE|ISAP|ATD|(?i:immigration|alternatives\s+to\s+detention|"
                              r"BI\s+Inc|SmartLINK|deportation|removal))(?![\w])")
# Head nouns that belong with the status before them: "H-2A worker", "T visa holder", "SIJS pending".
_HEAD_AFTER = re.compile(
    r"[ \t\-]+(?:(?i:visa)[ \t]+)?(?i:holders?|workers?|applicants?|recipients?|beneficiar(?:y|ies)|"
    r"petitioners?|(?:pending|granted|approved|denied|revoked|terminated|expired)(?![ \t]+[a-z])|overstay|"
    r"overstayer|students?|nonimmigrants?)(?![\w])"
)
# "he's a citizen", "I am a U.S.-born citizen": a claim of citizenship (not "a concerned citizen", "citizen of X").
_CITIZEN_CLAIM = re.compile(
    r"(?<![\w])(?:(?i:he|she|I|they|we|you|who)['\u2019](?i:s|m|re)|(?i:is|am|are|was|were|became|become|becomes|"
    r"not))\s+(?:(?i:a|an|also|now|already|not)\s+)*(?P<span>(?:(?i:legal|naturalized|naturalised|full|dual|"
    r"born|birthright)\s+)?(?i:citizens?))(?![\w\-])(?!\s+(?i:of|from|journalist|complaint|review|patrol|"
    r"volunteer|board|group|advocate)(?![\w]))"
)
# "the IJ ordered her removed", "the judge ordered them deported"
_ORDERED_REMOVED = re.compile(
    r"(?<![\w])(?i:ordered\s+(?:him|her|them|the\s+(?:respondent|petitioner|defendant|subject))\s+"
    r"(?:removed|deported|excluded))(?![\w])"
)
# "in detention in Elizabeth": immigration detention only near immigration words.
_DETENTION = re.compile(r"(?<![\w])(?i:in|into|from|released\s+from)\s+(?i:detention)(?![\w])")
_GENERIC_STATUS_LABEL = re.compile(r"(?<![\w/])(?i:status|estatus|statut)" + _LABEL_SEP + r"(?P<value>[^\r\n]*)")
# Free-text answers about immigration: "Immigration concerns: afraid his asylum case will be denied" - the whole
# answer to the end of the line is one span (no cut at ";" or a column gap; longer than a form value).
_FREE_TEXT_LABEL = re.compile(
    r"(?<![\w/])(?i:immigration(?:[ \t]+(?:concerns?|issues?|situation|notes?|info(?:rmation)?|details|case|"
    r"questions?|problems?|history|background|matters?|comments?|status|status[ \t]+notes?))?|"
    r"immigration[ \t]*/[ \t]*(?:legal|citizenship)[ \t]+(?:issues?|concerns?|status))"
    r"[ \t]*[:\uff1a][ \t]*(?P<value>[^\r\n]*)"
)
# The next field of a form line after a free-text answer: a column gap or "|" then a short label and a colon.
_NEXT_FIELD = re.compile(r"(?:\t| {2,}|\s\|\s?)[^\s:|][^:\n|]{0,30}:")
# "an outstanding order of deportation", "a prior removal order", "an existing ICE detainer": the modifier belongs
# to the span (as in the listed "final order of removal", "active detainer").
_ORDER_MODIFIER_BEFORE = re.compile(
    r"(?<![\w])(?i:outstanding|final|prior|previous|active|standing|existing|old|unexecuted|valid|open|reinstated)"
    r"[ \t]+$"
)
_ORDER_PHRASE = re.compile(r"(?i:order|detainer|warrant)")
# "ordered removed in 2012 but never departed", "failed to depart after the order": not leaving after an order.
_LEFT_COUNTRY = r"(?:[ \t]+the[ \t]+(?:country|U\.?S\.?|United[ \t]+States))?"
_NOT_DEPARTED = re.compile(
    r"(?<![\w])(?i:never[ \t]+(?:departed|left" + _LEFT_COUNTRY + r"|self-deported|complied|surrendered)|"
    r"failed[ \t]+to[ \t]+(?:depart|leave" + _LEFT_COUNTRY + r"|surrender|report[ \t]+for[ \t]+removal|comply)|"
    r"did[ \t]+not[ \t]+(?:depart|leave" + _LEFT_COUNTRY + r"|surrender|comply)|"
    r"(?:has|have|had)[ \t]+not[ \t]+(?:departed|left" + _LEFT_COUNTRY + r"))(?![\w])"
)
_ORDER_NEAR = re.compile(
    r"(?i:order(?:ed)?[ \t]+(?:of[ \t]+)?(?:removal|deportation|removed|deported|excluded)|removal[ \t]+order|"
    r"deportation[ \t]+order|ordered[ \t]+(?:him|her|them)[ \t]+(?:removed|deported)|voluntary[ \t]+departure|"
    r"final[ \t]+order|in[ \t]+absentia)"
)
# "pending TPS application", "a pending U visa petition": the whole phrase around the status.
_PENDING_BEFORE = re.compile(r"(?<![\w])(?i:pending)[ \t]+$")
_APPLICATION_AFTER = re.compile(
    r"[ \t]+(?:(?i:visa|status|renewal|adjustment)[ \t]+)?(?i:applications?|petitions?|cases?|claims?|requests?|"
    r"renewals?|filings?|re-?registrations?)(?![\w])"
)
# A phrase match across a table column gap ("USA          Citizen") is two cells, not one phrase.
_CELL_GAP = re.compile(r"\t| {2,}")


# Column headers of a roster / intake table whose cells are statuses: the form labels plus short forms.
_STATUS_HEADERS = re.compile(
    r"(?<![\w])(?i:imm(?:igration)?\.?\s*(?:/\s*citizenship\s+)?status|immigration|imm\.?\s*stat\.?|"
    r"legal\s+status|citizenship\s+status|visa(?:\s+(?:type|class|status|category))?|class\s+of\s+admission|"
    r"COA|entry\s+status|status\s+in\s+(?:the\s+)?u\.?s\.?a?|estatus(?:\s+migratorio)?|"
    r"situaci[o\u00f3]n\s+migratoria|statut)(?![\w])"
)
_GENERIC_STATUS_HEADER = re.compile(r"(?<![\w])(?i:status)(?![\w])")
# Short generic headers of a people table whose cells are immigration papers: "Papers", "Docs", "Documents".
_PAPERS_HEADER = re.compile(r"(?<![\w])(?i:papers|docs|documents|documentation|documentos|papeles|immigration)(?![\w])")
_PEOPLE_STATUS_HEADER = re.compile(r"[ \t]*(?:" + _PAPERS_HEADER.pattern + r"|(?i:status|stat\.?|estatus|statut))[ \t]*:?")
# A cell that says nothing ("N/A", "unknown", "-"); "none" under "Papers" is a status (no papers).
_EMPTY_CELL = re.compile(r"^(?i:n/?a|unk|unknown|not\s+(?:provided|applicable|known|stated|given|available|listed)|"
                         r"see\s+(?:attached|above|below)|tbd|refused|declined|(?:refused|declined)\s+to\s+(?:answer|"
                         r"say|state)|no\s+answer|not\s+asked|same|-+|_+|\?+)\.?$")
_HEADER_HINT = re.compile(r"(?i:status|visa|immigration|admission|estatus|migratori|statut|\bCOA\b|papers|papeles|"
                          r"docs|documents|documentos)")


@dataclass
class _Lexicon:
    phrases: re.Pattern[str]  # case-insensitive
    phrase_scores: dict[str, float]
    acronyms: re.Pattern[str]  # case-sensitive
    acronym_scores: dict[str, float]
    labels: re.Pattern[str]
    label_keys: frozenset[str]


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
        + r"(?=(?P<value>[^\r\n]*))"
    )
    label_keys = frozenset(phrase_key(p) for p in with_folded(wordlist("immigration_status_labels.txt")))
    return _Lexicon(phrases, _scores("immigration_status_phrases.txt"), acronyms,
                    _scores("immigration_status_acronyms.txt"), labels, label_keys)


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
        for m in self._phrase_matches(text, lex):
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
            if key in lex.label_keys and re.match(r"[ \t]*[:\uff1a]", after):
                continue  # "Estatus migratorio: sin papeles": the label of a form field, whose value is reported
            if key.startswith("deportation") and _DEPORTATION_TITLE_AFTER.match(after):
                continue  # "Deportation Officer Smith": a job title
            org = _ORG_AFTER.match(after) if m.group()[:1].isupper() else None
            if org and all(w[:1].isupper() for w in m.group().split()) \
                    and (" " in m.group() or org.group().split()[0][:1].isupper() and len(org.group().split()) > 1):
                continue  # "Asylum Seeker Arrival Center", "Refugee Resettlement Program": a facility's name
            if key == "asylum" and re.search(r"(?i:insane|lunatic|mental|orphan)\s+$", text[max(0, m.start() - 20) : m.start()]):
                continue
            found.append((m.start(), m.end(), score))
        for m in lex.acronyms.finditer(text):
            score = lex.acronym_scores.get(phrase_key(m.group()))
            if score is None or _CELL_GAP.search(m.group()):
                continue
            found.append((m.start(), m.end(), score))
        found.extend(self._contextual(text))
        found.extend(self._form_fields(text, lex))
        found.extend(self._table_columns(text, lex))
        out = []
        for s, e, sc in found:
            s, e = self._widen(text, s, self._extend(text, e))
            out.append(result(self.ENTITY, s, e, sc, self))
        return out

    @staticmethod
    def _phrase_matches(text: str, lex: _Lexicon) -> list[re.Match[str]]:
        """The word-list phrases in text; a match across a column gap is matched again cell by cell."""
        out: list[re.Match[str]] = []
        for m in lex.phrases.finditer(text):
            if not _CELL_GAP.search(m.group()):
                out.append(m)
                continue
            pos = m.start()
            for gap in [*_CELL_GAP.finditer(text, m.start(), m.end()), None]:
                piece_end = gap.start() if gap else m.end()
                out.extend(x for x in lex.phrases.finditer(text, pos, piece_end) if x.end() <= piece_end)
                if gap:
                    pos = gap.end()
        return out

    @staticmethod
    def _extend(text: str, end: int) -> int:
        """The end of a status span, taken over a head noun after it ("H-2A" -> "H-2A worker")."""
        head = _HEAD_AFTER.match(text, end, min(len(text), end + 30))
        return head.end() if head else end

    @staticmethod
    def _widen(text: str, start: int, end: int) -> tuple[int, int]:
        """A span taken over "pending ... application" and "an outstanding order of ..." around it."""
        before = text[max(0, start - 40) : start]
        pending = _PENDING_BEFORE.search(before)
        if pending and not text[start:end].lower().startswith("pending"):
            app = _APPLICATION_AFTER.match(text, end, min(len(text), end + 40))
            if app:
                return start - (len(before) - pending.start()), app.end()
        if _ORDER_PHRASE.search(text, start, end):
            modifier = _ORDER_MODIFIER_BEFORE.search(before)
            if modifier:
                return start - (len(before) - modifier.start()), end
        return start, end

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
        for m in _ICE_ACTION.finditer(text):
            s, e = m.span()
            if m.group("verb").lower().startswith(("released", "issued", "issues", "placed", "served", "transferred",
                                                  "enrolled", "fitted", "put", "monitors")) \
                    and not m.group("object"):
                continue  # "ICE issued a statement": only with what ICE issued to the person
            if _upper_line(text, s) and not m.group("object"):
                continue  # "ICE" in an upper-case line may be the drug
            out.append((s, e, 0.7))
        for m in _NEGATED_HAVE.finditer(text):
            if m.group("noun").lower().startswith("document") and not m.group("qual").strip():
                continue  # "did not have documents for the car"
            if m.group("noun").lower() in ("authorization", "visa") and not _has_context(text, *m.span()):
                continue
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in _CITIZEN_CLAIM.finditer(text):
            out.append((m.start("span"), m.end("span"), 0.6))
        for m in _ORDERED_REMOVED.finditer(text):
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in _DETENTION.finditer(text):
            if _has_context(text, *m.span()):
                out.append((m.start(), m.end(), 0.5))
        for m in _ENTRY_MANNER.finditer(text):
            out.append((m.start("manner"), m.end("manner"), 0.7))
        for m in _VISA_IN_BRACKETS.finditer(text):
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in _NOT_DEPARTED.finditer(text):
            sent_start = max(text.rfind(".", 0, m.start()), m.start() - 200, 0)
            if _ORDER_NEAR.search(text, sent_start, m.start()):
                out.append((m.start(), m.end(), 0.7))
        for m in _MONITOR.finditer(text):
            s, e = m.span()
            sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), s - 150) + 1
            sent_end = min(x for x in (text.find(".", e), text.find("\n", e), e + 150, len(text)) if x >= 0)
            if _MONITOR_CONTEXT.search(text, sent_start, sent_end):
                out.append((s, e, 0.7))
        return out

    def _table_columns(self, text: str, lex: _Lexicon) -> list[tuple[int, int, float]]:
        """Cells under an "Imm. Status" / "Visa Type" column; under a bare "Status" column only statuses.

        In a table about people (a name, DOB, age or relation column), every cell of a "Papers" / "Docs" /
        "Immigration" column is a status ("none" = no papers), and so is every cell of a bare "Status" column
        holding at least one status ("Asylee", "Pending", "Citizen").
        """
        if not _HEADER_HINT.search(text):
            return []
        out: list[tuple[int, int, float]] = []
        strong = set(table_cells(text, _STATUS_HEADERS))
        people: set[tuple[int, int]] = set()
        for column in table_columns(text, _PEOPLE_STATUS_HEADER, whole_cell=True):
            header_line = text[column.header_line[0] : column.header_line[1]]
            if not any(m.start() != column.header[0] - column.header_line[0]
                       for m in PEOPLE_HEADER.finditer(header_line)):
                continue
            values = [text[s:e].rstrip(" ,:;.") for s, e in column.cells]
            if not _PAPERS_HEADER.fullmatch(text, *column.header) and not any(
                    self._is_status(v, lex) for v in values):
                continue
            for (s, _), value in zip(column.cells, values, strict=True):
                if value and len(value) <= 80 and any(c.isalpha() for c in value) and not _EMPTY_CELL.match(value):
                    people.add((s, s + len(value)))
        out.extend((s, e, DEFAULT_SCORE) for s, e in sorted(people))
        for s, e in sorted(strong | set(table_cells(text, _GENERIC_STATUS_HEADER))):
            if any(a <= s and e <= b for a, b in people):
                continue
            value = text[s:e].rstrip(" ,:;.")
            if not value or len(value) > 80 or not any(c.isalpha() for c in value) or _NULL_VALUE.match(value):
                continue
            if (s, e) not in strong and not self._is_status(value, lex):
                continue
            out.append((s, s + len(value), DEFAULT_SCORE))
        return out

    @staticmethod
    def _is_status(value: str, lex: _Lexicon) -> bool:
        return bool(lex.phrases.search(value) or lex.acronyms.search(value) or _LPR.search(value)
                    or _VISA_CLASS.search(value) or _PAROLE.search(value) or _VISA_IN_BRACKETS.search(value))

    def _form_fields(self, text: str, lex: _Lexicon) -> list[tuple[int, int, float]]:
        out: list[tuple[int, int, float]] = []
        for m in _FREE_TEXT_LABEL.finditer(text):
            value = m.group("value")
            cut = _NEXT_FIELD.search(value)
            if cut:
                value = value[: cut.start()]  # "Immigration Status: Parolee   Visa Type: B-2": the next field
            stripped = value.rstrip(" ,:;.")
            lead = len(stripped) - len(stripped.lstrip(" \"'"))
            stripped = stripped[lead:]
            if not stripped or len(stripped) > 400 or not any(c.isalpha() for c in stripped):
                continue
            if _NULL_VALUE.match(stripped) or re.match(r"(?i:none|no|nil)\b", stripped) and len(stripped) < 8:
                continue
            s = m.start("value") + lead
            out.append((s, s + len(stripped), DEFAULT_SCORE))
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
                is_status = self._is_status(stripped, lex)
                if (generic or m.group("sep") not in (":", "\uff1a")) and not is_status:
                    continue
                s = m.start("value") + lead
                out.append((s, s + len(stripped), DEFAULT_SCORE))
        return out

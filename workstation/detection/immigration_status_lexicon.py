"""The IMMIGRATION_STATUS recognizer's phrase lexicon (compiled word lists), context words and the patterns of
forms, labels and tables (``immigration_status_recognizer``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workstation.detection.phrases import bounded, phrase_key, trie_regex, with_folded
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
    r"admitted|admission|refugees?|migrants?|student|status)|\b(?:ICE|INS|TPS|DACA|OPT|CPT|ERO|USBP|BIA|I-\d{3}[A-Z]?)\b"
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
    r"(?<![\w\-])(?:ICE|ERO|(?i:Immigration\s+and\s+Customs\s+Enforcement)(?:\s*\((?:ICE|ERO)\))?)"
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
    r"[^.;!?\n]{0,70}?\s(?P<manner>(?i:(?:through|across|over)\s+the\s+(?:desert|mountains|river|jungle|"
    r"border|Rio\s+Grande|wall|fence)|(?:with|by\s+paying|through)\s+(?:a\s+)?(?:coyotes?|smugglers?|"
    r"polleros?|human\s+smugglers?)|hidden\s+in\s+(?:a|the)\s+(?:truck|trailer|car|container|trunk)|"
    # "by wading across the Rio Grande River", "by boat near Miami", "on a raft"
    r"by\s+(?:wading|walking|swimming|rafting)\s+(?:across|through|over)\s+the\s+(?:Rio\s+Grande(?:\s+River)?|river|"
    r"border|desert|\w+\s+River)|by\s+(?:boat|raft|small\s+boat|sea)|on\s+(?:a|an)\s+(?:raft|inflatable\s+raft|"
    r"small\s+boat)|"
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
# "he's a citizen", "I am a U.S.-born citizen": a claim of citizenship (not "a concerned citizen", "citizen of X").
_CITIZEN_CLAIM = re.compile(
    r"(?<![\w])(?:(?i:he|she|I|they|we|you|who)['\u2019](?i:s|m|re)|(?i:is|am|are|was|were|became|become|becomes|"
    r"not))\s+(?:(?i:a|an|also|now|already|not)\s+)*(?P<span>(?:(?i:legal|naturalized|naturalised|full|dual|"
    r"born|birthright)\s+)?(?i:citizens?))(?![\w\-])(?!\s+(?i:of|from|journalist|complaint|review|patrol|"
    r"volunteer|board|group|advocate)(?![\w]))"
)
# "the IJ ordered her removed", "the judge ordered them deported"
_ORDERED_REMOVED = re.compile(
    r"(?<![\w])(?i:order(?:ed|ing|s)\s+(?:him|her|them|(?:the\s+)?(?:respondent|petitioner|defendant|subject|applicant|"
    r"alien|noncitizen|appellant))\s+(?:removed|deported|excluded)|order(?:ed|ing|s)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:deportation|removal|exclusion)(?=\s+(?:of\s+(?:the\s+)?(?:respondent|petitioner|applicant|him|her)|to\s+[A-Z])"
    r"|\s*[.,;])|ordered\s+excluded|ordered\s+to\s+be\s+(?:removed|deported|excluded))(?![\w])"
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
    phrases = re.compile(bounded(trie_regex(with_folded(wordlist("immigration_status_phrases.txt")), joined=True)),
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

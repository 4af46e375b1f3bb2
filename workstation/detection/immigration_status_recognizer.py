"""IMMIGRATION_STATUS: status and proceedings phrases ("undocumented", "lawful permanent resident", "asylee",
"TPS", "DACA recipient", "H-1B", "removal proceedings", "ICE detainer", "previously deported", "U.S. citizen" ...).

The span is the phrase. Most phrases come from word lists (``resources/wordlists/immigration_status_*.txt``),
compiled once per process into two trie-shaped regular expressions: one case-insensitive with flexible spacing,
hyphens and dots ("asylum-seeker" = "asylum seeker", "U.S. citizen" = "US citizen"), one case-sensitive for
acronyms and visa classes ("EWI", "LPR", "TPS", "H-1B"). The longest phrase wins.

Context decides the ambiguous words:

* "parole"/"parolee"/"paroled" and short visa classes ("F-1", "J-1", "K-1", "B-2", "TN") only near immigration
  words ("parole officer" in a criminal report is not a finding);
* "alien" / "noncitizen" alone name a person and state no status ("the noncitizen was released"); "immigration
  judge", "Immigration and Naturalization Service", "Office of Refugee Resettlement" are offices; a bare
  "naturalization" / "deportation" only as a person's ("his deportation", "application for naturalization");
* "Visa" the card brand ("Visa debit card", "expired Visa card") and "permanent residence" used as an address
  label are not findings;
* "LPR" is a lawful permanent resident, not a licence-plate reader ("LPR camera", "Flock LPR hit");
* "ICE" alone (the agency) is weak and not in upper-case lines (where it may be the drug);
* form fields ("Immigration Status: ...", "Visa Type: ...", "Estatus migratorio: ...") report the value up to
  the end of the line; a generic "Status:" value only when it is itself a status ("Status: Asylee").

Real legal and agency language (court opinions, BIA/AAO decisions, ICE releases and detainee death reports):

* entries and presence: an entry verb with how the entry was made ("crossed without being inspected", "reentered
  surreptitiously", "entered at other than a designated port", "with a borrowed passport"), also with words between
  them, read from the spaCy lemmas and POS tags ("entered the United States near Laredo in 2004 without
  inspection"); "not inspected", "has not been admitted or paroled", "present in the United States without being
  admitted"; burglary entries ("unlawfully entered the dwelling") are not findings;
* overstays: "remained beyond that date without authorization", "stayed past the date he was allowed", "violated
  the terms of his student status", "admitted ... until <date>";
* charges, orders, custody: "charged (him) as inadmissible", "was removable", "deportability", "was removed to X",
  "Trejo's removal" (the name stays a PERSON), detainers placed / honoured / issued, "taken into ICE custody pending
  a removal hearing", "found him ineligible for immigration relief", old BIA charge lines ("CHARGES: Warrant: Act
  of 1924 - Remained longer-seaman");
* sentences stating the law about a class ("An alien who ... is", "A noncitizen may be charged ...", "those who")
  and statistics ("ERO has removed more than 500 ...") are not findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.a_number_recognizer import PEOPLE_HEADER, table_cells, table_columns
from workstation.detection.nationality_recognizer import result
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
    r"overstayer|students?|nonimmigrants?|status|noncitizens?|aliens?)(?![\w])"
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

# --- real legal and agency language ------------------------------------------------------------------------
_US = r"(?:the\s+United\s+States(?:\s+of\s+America)?|the\s+U\.?\s?S\.?(?:A\.?)?(?![\w])|this\s+country|the\s+country|the\s+US(?![\w]))"
# How an entry was made: "without inspection", "in an illegal manner", "surreptitiously", "at other than a port".
_MANNER = (
    r"(?:unlawfully|illegally|surreptitiously|clandestinely|improperly|"
    r"in\s+an?\s+(?:illegal|unlawful|clandestine|surreptitious)\s+manner|"
    r"without\s+(?:(?:being|having\s+been)\s+)?(?:inspection|inspected|admission|admitted|parole|paroled|permission|"
    r"authori[sz]ation|authority|documents|papers|a\s+visa|(?:a\s+)?valid\s+(?:visa|documents))"
    r"(?:,?\s+(?:or|and|admitted|or\s+parole|or\s+paroled|inspection|admission)(?:\s+(?:or\s+)?(?:paroled|parole|"
    r"admitted|admission|inspected|inspection))?)*(?:\s+(?:after|following)\s+inspection)?|"
    r"at\s+(?:a\s+(?:place|point)\s+)?other\s+than\s+(?:a|an)\s+(?:designated\s+)?port(?:\s+of\s+entry)?|"
    r"by\s+(?:evading|avoiding|eluding)\s+(?:inspection|immigration\s+officers|the\s+Border\s+Patrol)|"
    r"(?:with|using|on|by\s+(?:using|presenting))\s+(?:an?\s+)?(?:fraudulent|false|fake|counterfeit|altered|forged|"
    r"borrowed|stolen|photo-?substituted|someone\s+else['\u2019]s)\s+(?:\w+\s+)?(?:passport|visa|documents?|papers|"
    r"green\s+card|identity|border\s+crossing\s+card|I-?551)|"
    r"by\s+(?:falsely\s+(?:claiming|representing\s+(?:himself|herself|themselves))|(?:making\s+)?a\s+false\s+claim)"
    r"(?:\s+(?:to\s+be|of|as))?(?:\s+(?:an?|the))?(?:\s+(?:U\.?\s?S\.?|United\s+States|American))?\s+"
    r"(?:citizen(?:ship)?|national|lawful\s+permanent\s+resident)|"
    r"(?:after|following)\s+(?:a|an|his|her|their)?\s*(?:prior|previous|earlier)?\s*(?:deportation|removal)s?)"
)
_ENTRY_VERB = (
    r"(?:(?:first|last|again|later|subsequently|then|thereafter|once\s+again)\s+)?"
    r"(?P<adv>(?:unlawfully|illegally|surreptitiously|clandestinely)\s+)?"
    r"(?:entered|entering|enters|enter|re-?\s?entered|re-?\s?entering|re-?\s?enters|re-?\s?enter|"
    r"crossed(?:\s+the\s+border)?(?:\s+into)?|crossing(?:\s+the\s+border)?(?:\s+into)?|"
    r"(?:attempted|tried|attempting|trying)\s+to\s+(?:re-?)?enter|came(?:\s+back)?(?:\s+(?:in)?to)?|come\s+back|returned(?:\s+to)?|returning(?:\s+to)?|sneaked\s+into|snuck\s+into|"
    r"was\s+smuggled\s+into|slipped\s+into)"
)
_ENTRY = re.compile(
    r"(?<![\w\-])(?i:" + _ENTRY_VERB + r"(?P<place>\s+" + _US + r")?(?P<manner>(?:\s+|,\s*)" + _MANNER + r")?)(?![\w])"
)
# The charge of presence without admission: "an alien present in the United States without being admitted or paroled".
_PRESENT_WITHOUT = re.compile(
    r"(?<![\w])(?i:(?:(?:an?\s+)?(?:alien|noncitizen|non-citizen|applicant|respondent)\s+)?present\s+in\s+" + _US
    + r"(?:\s+|,\s*)" + _MANNER + r")(?![\w])"
)
_STRONG_MANNER = re.compile(r"(?i:inspect|admi|parole|port|visa|surreptitious|clandestin|evad|avoid|elud|deportation|"
                            r"removal|passport|green\s+card|citizen|false|fraud)")
_MANNER_AT = re.compile(r"(?i:" + _MANNER + r")(?![\w])")
_ENTRY_LEMMAS = frozenset({"enter", "reenter", "re-enter", "cross", "come", "return", "sneak", "slip", "smuggle",
                           "arrive", "reenters", "reentere"})
_ENTRY_PLACES = frozenset({"border", "country", "river", "desert", "mountains", "states", "u.s.", "us", "america",
                           "port"})
# Encounters with the border and immigration authorities, re-entry after removal ("found in the United States after
# having been deported", 8 U.S.C. 1326), adjustment of status.
_ENCOUNTER = re.compile(
    r"(?<![\w])(?i:(?:apprehended|caught|intercepted|interdicted)\s+by\s+(?:the\s+)?(?:U\.?\s?S\.?\s+)?"
    r"(?:Border\s+Patrol|USBP|CBP|ICE|ERO|INS|(?:immigration|border)\s+(?:officers|officials|agents|authorities))"
    r"(?:\s+agents)?|"
    r"found\s+in\s+" + _US + r"\s+(?:after|following)\s+(?:having\s+been\s+|being\s+)?(?:previously\s+)?"
    r"(?:deported|removed|excluded)|"
    r"(?:adjusted|adjust|adjusting|adjusts)\s+(?:his|her|their|my)\s+status(?:\s+to\s+(?:that\s+of\s+)?(?:an?\s+)?"
    r"(?:lawful\s+)?permanent\s+resident)?|"
    r"in\s+(?:this|the)\s+country\s+(?:illegally|unlawfully|without\s+(?:papers|status|authori[sz]ation)))(?![\w])"
)
# "was not inspected", "has not been admitted or paroled after inspection", "did not present an immigration visa".
_NOT_ADMITTED = re.compile(
    r"(?<![\w])(?i:(?:(?:was|were|is|are|has|have|had)\s+(?:(?:of\s+course|never|not),?\s+)*)?(?:not|never)\s+"
    r"(?:been\s+)?(?:(?:lawfully|legally|properly)\s+)?(?P<verb>inspected|admitted|paroled)"
    r"(?:,?\s+(?:or|and)\s+(?:inspected|admitted|paroled))*(?:\s+(?:after|following)\s+inspection)?|"
    r"(?:did|does|do)\s+not\s+(?:present|possess|have|hold)\s+(?:a|an|any)\s+(?:valid\s+)?(?:unexpired\s+)?"
    r"(?:immigration|immigrant|nonimmigrant|entry)\s+(?:visa|document|documents))(?![\w])"
)
# Overstays: "remained beyond that date without authorization", "stayed past the date he was allowed",
# "remained in the United States for a longer period of time than was permitted".
_OVERSTAY = re.compile(
    r"(?<![\w])(?i:(?:remained|stayed|remains|stays|remaining|staying|continued\s+to\s+(?:remain|stay))"
    r"(?:\s+in\s+" + _US + r")?\s+(?:for\s+a\s+longer\s+(?:period|time)|longer|beyond|past|after|after\s+the\s+"
    r"expiration)[^.;!?\n]{0,60}?(?:without\s+(?:authori[sz]ation|permission|authority)|"
    r"than\s+(?:was\s+|is\s+|were\s+|(?:he|she|they)\s+(?:was|were)\s+)?(?:permitted|authori[sz]ed|allowed)|"
    r"(?:he|she|they|I)\s+(?:was|were|had\s+been)\s+(?:allowed|permitted|authori[sz]ed|admitted)(?:\s+to\s+(?:stay|remain))?|"
    r"(?:his|her|their|my)\s+(?:authori[sz]ed\s+)?(?:period\s+of\s+)?(?:stay|admission|visa)(?:\s+expired)?|"
    r"(?:authori[sz]ed|permitted|allowed)\s+(?:stay|period)))(?![\w])"
)
_VIOLATED_TERMS = re.compile(
    r"(?<![\w])(?i:(?:violated|violating|violation\s+of|failed\s+to\s+maintain|failure\s+to\s+maintain|"
    r"failed\s+to\s+comply\s+with)\s+(?:the\s+(?:terms|conditions)\s+of\s+)?(?:his|her|their|my)\s+"
    r"(?:\w+\s+){0,2}?(?:status|visa|admission)|"
    r"(?:violating|violated|violation\s+of|in\s+violation\s+of)\s+(?:U\.?\s?S\.?\s+|federal\s+)?immigration\s+laws?)"
    r"(?![\w])"
)
# "admitted as a nonimmigrant visitor until June 1, 1998", "admitted until ...".
_ADMITTED_UNTIL = re.compile(
    r"(?<![\w])(?i:(?:admitted|paroled|authori[sz]ed\s+to\s+(?:stay|remain))[^.;!?\n]{0,80}?\s(?:until|through)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|"
    r"[A-Z][a-z]{2,8}\s+\d{4}|\d{4}))(?![\w])"
)
# "was removed to El Salvador", "again removed", "deported from the United States".
_REMOVED = re.compile(
    r"(?<![\w])(?i:(?P<aux>(?:(?:was|were|been|being|is|are|got|get|be|has|have|had)\s+)*)"
    r"(?P<adv>(?:(?:again|later|subsequently|then|eventually|twice|thrice|previously|successfully|physically)\s+)*)"
    r"(?P<verb>removed|deported|excluded|expelled))"
    r"(?=\s+to\s+(?:the\s+)?[A-Z]|\s+(?i:from\s+" + _US + r"|back\s+to|via|under\s+(?:section|reinstatement)))"
)
_GROUP_AFTER = re.compile(r"^\s+(?i:more\s+than|over|nearly|almost|about|approximately|some|\d)")
# "his removal", "Hernandez Pastora's removal", "the subsequent removal", "latest removal".
_REMOVAL_NOUN = re.compile(
    r"(?<![\w])(?:(?:(?i:his|her|their|my|its)|[A-Z][\w\-]+['\u2019]s)\s+|(?P<adj2>(?i:subsequent|latest|eventual|"
    r"impending|imminent|scheduled|physical|planned|expedited|actual|ultimate|pending)\s+))"
    r"(?P<noun>(?i:removal|deportation|exclusion|expulsion)(?:\s+(?i:from\s+" + _US + r"|proceedings|case|hearing|order))?"
    r")(?![\w])(?!\s+(?i:of|from\s+(?:office|the\s+(?:bench|board|position|premises|home|house|school|property))))"
)
# "charged with removability", "charged as inadmissible", "was removable", "found deportable".
_CHARGED = re.compile(
    r"(?<![\w])(?i:(?:(?:charged|chargeable|charging|charges)\s+(?:(?:him|her|them|the\s+[a-z]+)\s+)?(?:with\s+(?:being\s+)?|as\s+(?:being\s+)?(?:an?\s+)?)|"
    r"(?:was|were|is|are|be|been|being|remains?|remained|became|found|deemed|conceded|concede[sd]?|admitted)\s+"
    r"(?:(?:not|also|now|clearly|therefore|thus|still)\s+)*)"
    r"(?:removability|removable|deportability|deportable|inadmissibility|inadmissible|excludability|excludable|"
    r"subject\s+to\s+(?:removal|deportation|exclusion)))(?![\w])"
)
# Detainers: "placed a detainer", "declined to honor the detainer", "A detainer was issued".
_DETAINER = re.compile(
    r"(?<![\w])(?i:(?:placed|lodged|issued|filed|served|honou?red|honou?r|ignored|declined\s+to\s+honou?r|"
    r"refused\s+to\s+honou?r|did\s+not\s+honou?r|failed\s+to\s+honou?r)\s+(?:a|an|the|his|her|its)\s+"
    r"(?:(?:immigration|ICE|federal|I-247A?|new)\s+)*detainers?|"
    r"(?:a|an|the|his|her)\s+detainers?\s+(?:was|were|had\s+been|has\s+been|"
    r"is)\s+(?:issued|lodged|placed|filed|served|honou?red|ignored|declined|not\s+honou?red))(?![\w])"
)
# "taken into ERO custody", "detained in ICE custody pending a removal hearing", "placed into removal proceedings".
_IN_CUSTODY = re.compile(
    r"(?<![\w])(?i:(?:detained|held|taken|placed|booked|remains|remained|transferred|released|returned)\s+"
    r"(?:in|into|to|from)\s+(?:(?:ICE|ERO|CBP|immigration|USBP|INS|Border\s+Patrol)\s+)+(?:custody|detention)"
    r"(?:\s+(?:pending|awaiting)\s+(?:a|an|his|her|their)\s+(?:removal|deportation|immigration|exclusion)\s+"
    r"(?:hearing|proceedings|case|trial))?|"
    r"(?:placed|put)\s+(?:in|into)\s+(?:removal|deportation|exclusion|immigration)\s+"
    r"proceedings|"
    r"(?:pending|awaiting|await|awaits|awaited)\s+(?:a|an|his|her|their)\s+(?:removal|deportation|exclusion|"
    r"immigration|asylum)\s+(?:hearing|proceedings|trial|case)|"
    r"(?:a|an|his|her|their)\s+(?:removal|deportation|exclusion)\s+hearing)(?![\w])"
)
# "found him ineligible for immigration relief", "ineligible for automatic citizenship".
_ELIGIBLE = re.compile(
    r"(?<![\w])(?i:(?:found\s+(?:him|her|them)\s+)?(?:statutorily\s+)?(?:in)?eligible\s+for\s+"
    r"(?:(?:automatic|derivative|immigration|discretionary)\s+)?(?:(?<=immigration\s)relief|relief\s+from\s+(?:removal|deportation)|"
    r"citizenship|asylum|naturali[sz]ation|adjustment(?:\s+of\s+status)?|cancellation\s+of\s+removal|"
    r"voluntary\s+departure|withholding(?:\s+of\s+removal)?|TPS|DACA|a\s+waiver|permanent\s+residence))(?![\w])"
)
# "possessed United States citizenship", "lost his United States citizenship", "derived citizenship".
_CITIZENSHIP_VERB = re.compile(
    r"(?<![\w])(?i:(?:possessed|possesses|lost|loses|acquired|acquires|derived|derives|obtained|retained|claimed|"
    r"claims|claiming|acquire|derive|renounced|relinquished|expatriated)\s+(?:(?:his|her|their|my|the)\s+)?"
    r"(?:(?:United\s+States|U\.?\s?S\.?|American|derivative|automatic)\s+)?(?:citizenship|nationality))(?![\w])"
)
# "beneficiary of an approved Petition for Alien Relative (Form I-130)".
_BENEFICIARY = re.compile(
    r"(?<![\w])(?i:beneficiary\s+of\s+(?:an?|the)\s+(?:(?:approved|pending|valid)\s+)?(?:(?:immigrant|visa|family|"
    r"employment)\s+)*(?:Petition\s+for\s+Alien\s+(?:Relative|Worker|Fianc\w*)|I-\d{3}[A-Z]?(?:\s+petition)?|"
    r"petition)(?:\s*\((?:Form\s+)?[I1]-\d{3}[A-Z]?\))?)(?![\w])"
)
# Waiver applications in an immigration record: "the waiver application", "applied for a waiver".
_WAIVER = re.compile(
    r"(?<![\w])(?i:waiver\s+applications?|(?:applied|applying|apply)\s+for\s+"
    r"(?:a\s+)?waiver|waiver\s+of\s+(?:the\s+)?(?:grounds?\s+of\s+)?(?:inadmissibility|excludability|deportability)|"
    r"(?:waived|waives|waive)\s+(?:his|her|their)\s+right\s+to\s+appeal|"
    r"(?:the\s+)?warrant\s+(?:of\s+arrest|for\s+(?:his|her|their)\s+arrest)(?=\s+(?:in\s+this\s+case|was|had|charged|"
    r"issued))|(?:administrative|immigration)\s+warrant(?:\s+of\s+arrest)?)(?![\w])"
)
_WAIVER_CONTEXT = re.compile(
    r"(?i:inadmissib|excludab|deport|removal|removed|immigra|USCIS|AAO|visa|I-601|I-212|I-192|212\(|alien|"
    r"unlawful\s+presence|unlawfully\s+present|admission|consulate|ICE|ERO)"
)
# Seamen and crewmen: "deserted his vessel", "as a member of the crew", "alien seaman", "refused permission to land".
_CREW = re.compile(
    r"(?<![\w])(?i:deserted\s+(?:his|her|the|their)\s+(?:vessel|ship)|"
    r"(?:arrived|admitted|entered|landed|came)(?P<where>[^.;!?\n]{0,80}?)\s(?P<crew>as\s+(?:a\s+)?(?:member\s+of\s+the\s+crew|"
    r"crewman|crew\s+member|seaman|stowaway|nonimmigrant(?:\s+\w+)?|visitor(?:\s+for\s+(?:pleasure|business))?|"
    r"transit\s+alien|student|exchange\s+visitor|temporary\s+worker|refugee|parolee|immigrant))|"
    r"(?:refused|denied|granted|given)\s+(?:permission\s+to\s+land|shore\s+leave|landing\s+privileges)|"
    r"(?:admission|admitted)\s+as\s+(?:a|an)\s+(?:nonimmigrant|crewman|visitor|student|immigrant)|"
    r"(?:subsequently\s+|later\s+)?apprehended\s+by\s+(?:officers|agents|members)\s+of\s+(?:this|the)\s+Service)"
    r"(?![\w])"
)
# Visa classes with OCR'd or typed spacing ("F 1 student", "B2 non-immigrant") and diplomatic / organisation classes
# ("A-1 status", "G-4 visa"); "diplomatic status".
_VISA_CLASS_LOOSE = re.compile(
    r"(?<![\w\-/])[ABCDEFGHIJKLMNOPQRSTUV](?:[ \-]?)[1-6][AB]?(?![\w\-])"
    r"\s+(?i:visa|status|student|non-?\s?immigrants?|visitor|holder|crewman|worker|classification|category)"
    r"(?:\s+(?i:visa|status|holder))?s?(?![\w])"
)
_DIPLOMATIC = re.compile(
    r"(?<![\w])(?i:diplomatic\s+(?:status|visa|passport\s+holder|immunity)|(?:his|her|their)\s+(?:diplomatic|"
    r"official)\s+status|advance\s+parole(?:\s+(?:document|documents|card|authori[sz]ation))?)(?![\w])"
)
# Old INS/BIA charge lines: "CHARGES: Warrant: Act of 1924 — Immigrant without immigration visa. Act of 1917 — ...".
_CHARGES_HEAD = re.compile(r"(?m)^[ \t]*(?:CHARGES?|Charges?)[ \t]*:")
_CHARGES_END = re.compile(
    r"\n[ \t]*\n[ \t]*(?![ \t]*(?:Warrant|Lodged|Order|Sec\.|Act\s+of)\b)|\n[ \t]*(?:Mr\.|Ms\.|Mrs\.|ON\s+BEHALF|BEFORE|"
    r"STATEMENT|DISCUSSION|Discussion|FOR\s+|IN\s+BEHALF|Decided|APPLICATION)"
)
_CHARGE_SPLIT = re.compile(r"[\u2014\u2013]|(?<![A-Z])(?<!Sec)(?<!U\.S\.C)\.(?=\s|$)|\n[ \t]*\n|(?:Warrant|Lodged|Order)\s*:|"
                           r"\s(?=Sec(?:tion|\.)\s*\d|Act\s+of\s+\d{4})")
_CHARGE_PREFIX = re.compile(r"^[\s\-]*(?:Act\s+of\s+\d{4}\s*-*\s*)?")
_CHARGE_CUT = re.compile(r"\s+under\s+section|\s*,\s*to\s+wit|\s*\(|\s*$")

# Words for a person that state no status on their own ("the noncitizen was released", "an alien who ...").
_BARE_PERSON_NOUNS = frozenset({"noncitizen", "noncitizens", "alien", "aliens"})
# "his naturalization", "applied for naturalization", "naturalization application": a person's naturalization.
_NATURALIZATION_OWN = re.compile(
    r"(?i:(?:his|her|their|my|your|'s|\u2019s)\s+$|(?:applied|applying|apply|application|eligible|petition|petitioned|"
    r"filed|file|N-400)\s+(?:\w+\s+)?for\s+$)"
)
_NATURALIZATION_OWN_AFTER = re.compile(r"\s*(?i:application|certificate|interview|oath|ceremony|papers|granted|"
                                       r"approved|denied|was\s+(?:granted|approved|denied))\b")
# A possessive or fear word before a bare "deportation": "his deportation", "afraid of deportation".
_OWN_BEFORE = re.compile(
    r"(?i:(?:his|her|their|my|your|our)|[A-Za-z]['\u2019]s|(?:afraid|fear|fearful|scared|terrified|risk|threat|"
    r"threatened|faces?|facing|avoid|avoiding|escape|prevent|stop|stay|stayed|pending)\s+(?:of\s+)?|"
    r"(?:directing|ordering|ordered|awaiting|awaits|await|resist(?:ing|ed)?|challeng(?:e|ed|ing))\s+(?:his|her|their)?\s*)"
    r"\s*$"
)
_GENERIC_PLURAL_BEFORE = re.compile(r"(?i:(?:removing|remove|deport|deporting|target|targeting|all|many|most|that|"
                                    r"ensure\s+that|of|on|against|for)\s+(?:the\s+)?)$")
_GENERIC_REMOVABLE = re.compile(r"(?i:(?:who|that)\s+are\s+(?:\w+\s+){0,3}(?:and\s+)?)$")

# What belongs to a status span after it: "(Notice of Action, Form I-247A)", "for more than one year",
# "I-589 application for asylum", "with multiple prior removals", "paroled into custody".
_AGENCY = (r"(?:ICE|ERO|DRO|CBP|INS|USBP|HSI|(?-i:the\s+Service)|(?i:Border\s+Patrol|immigration\s+(?:officers?|officials?|"
           r"agents?|authorities)|deportation\s+officers?|Immigration\s+and\s+(?:Customs\s+Enforcement|Naturali[sz]ation"
           r"\s+Service)|Customs\s+and\s+Border\s+Protection|(?:Enforcement|Detention)\s+and\s+Removal\s+Operations))")
_ENFORCE_VERB = (r"(?i:arrested|detained|apprehended|deported|deports|removed|removes|re-?arrested|"
                 r"took\s+(?:him|her|them)\s+into\s+custody|encountered)")
_AGENCY_ACTS = re.compile(
    r"(?<![\w])" + _AGENCY + r"(?:\s+(?i:officers?|agents?|officials?|personnel))?(?:\s+(?i:later|then|again|"
    r"subsequently|promptly|eventually))?\s+(?P<verb>" + _ENFORCE_VERB + r")(?=\s+(?:(?i:him|her|them|the|a|an|"
    r"mr|ms|mrs)\b|[A-Z]))"
)
_ACTED_BY_AGENCY = re.compile(
    r"(?<![\w])(?i:was|were|been|being|is|are)\s+(?:(?i:later|then|again|subsequently|eventually|finally)\s+)?"
    r"(?P<verb>" + _ENFORCE_VERB + r")(?:\s+[^\s.;:]+){0,6}?\s+(?i:by)\s+(?:(?i:the|U\.S\.)\s+)?" + _AGENCY
)

_TAILS = (
    re.compile(r"(?:(?<=present)|(?<=presence))(?:[ \t]+(?i:in[ \t]+the[ \t]+(?:United[ \t]+States|U\.?S\.?)))?"
               r"(?:[ \t]+(?i:for[ \t]+(?:more|less)[ \t]+than|"
               r"for[ \t]+over|for[ \t]+about|for[ \t]+nearly|for)[ \t]+(?:one|two|three|a|an|\d+|\w+)[ \t]+"
               r"(?i:years?|months?|days?))(?![\w])"),
    re.compile(r"(?<=[Ii]-\d\d\d)(?:[A-Z])?[ \t]+(?i:application|petition)(?:[ \t]+(?i:for)[ \t]+(?i:asylum|"
               r"adjustment[ \t]+of[ \t]+status|naturali[sz]ation|a[ \t]+waiver|employment[ \t]+authori[sz]ation|"
               r"TPS|relief))?(?![\w])"),
    re.compile(r"[ \t]+(?i:with)[ \t]+(?:\w+[ \t]+){0,2}?(?i:prior|previous)[ \t]+(?i:removals?|deportations?)(?![\w])"),
    re.compile(r"(?<=[Pp]aroled)[ \t]+(?i:into)[ \t]+(?:(?i:the)[ \t]+)?(?:(?i:ICE|immigration|federal)[ \t]+)?"
               r"(?i:custody|United[ \t]+States|U\.S\.)(?![\w])"),
    re.compile(r"[ \t]*\((?=[^()]{0,60}(?:Form|I-\d{3}|Notice))[^()]{1,60}\)"),
    # the rest of the phrase a reader takes with it: "... order" / "... in lieu of deportation", "... of / from /
    # into / in the United States", an acronym in brackets "(CAT)", "(OSC)", "(NTAs)"
    re.compile(r"(?<![Oo]rder)[ \t]+(?i:order)(?![\w])(?![ \t]+(?i:of|to|that)\b)"),
    re.compile(r"[ \t]+(?i:in[ \t]+lieu[ \t]+of|pending|awaiting)[ \t]+(?i:deportation|removal|exclusion)(?![\w])"),
    re.compile(r"[ \t]+(?i:of|from|into|in|to)[ \t]+(?i:the[ \t]+)?(?:United[ \t]+States|U\.S\.|US)(?![\w])"
               r"(?:[ \t]+(?i:of[ \t]+America))?"),
    re.compile(r"[ \t]*\((?:[A-Z][A-Za-z]?){1,4}s?\)"),
)
# What belongs to a status span before it: "processed as an", "allowed to", "placed into", "sought".
_LEAD_BEFORE = re.compile(
    r"(?<![\w])(?i:processed\s+as(?:\s+an?)?|allowed\s+to|permitted\s+to|granted|placed\s+(?:in|into|on)|"
    r"taken\s+into|charged\s+(?:with|as)|qualified\s+for|held\s+in|detained\s+in|lodged|"
    # how the person came to the status, and its negation: "admitted to the United States as a lawful permanent
    # resident", "became a naturalized citizen", "never became a citizen", "did not derive citizenship",
    # "previously been deported", "statutorily precluded from receiving suspension of deportation"
    r"(?:admitted|entered|paroled)\s+(?:(?:to|into)\s+)?(?:the\s+)?(?:United\s+States|U\.S\.)\s+as(?:\s+an?)?|"
    r"(?:never\s+|not\s+)?(?:became|become|becomes)(?:\s+an?)?|(?:did|does|do)\s+not|never|"
    r"(?:has|had|have)?\s*(?:previously|already|again|twice|thrice)\s+(?:been)?|"
    r"(?:statutorily\s+)?(?:precluded|barred|ineligible)\s+from(?:\s+receiving)?|subject\s+to(?:\s+mandatory)?)\s+$"
)

# A sentence about a class of people, not a person: "An alien who entered ... is not an alien seaman", "A respondent
# in deportation proceedings who was excludable ...", "those who might be considering re-entering ...".
_GENERIC_NOUN = (r"(?:respondent|alien|applicant|noncitizen|non-citizen|crewman|seaman|person|individual|child|"
                 r"immigrant|nonimmigrant|petitioner|beneficiary|refugee|asylee|defendant)")
_GENERIC_SUBJECT = re.compile(
    r"(?:(?:^|(?<=[.!?:;,]\s)|(?<=[.!?:]\s\s)|(?<=\n)|(?<=[\"\u201c])|(?<=\bto\s)|(?<=\bfor\s)|(?<=\bthat\s))[ \t]*"
    r"(?:(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Nn]o)\s+(?:[\w\-]+\s+){0,2}?" + _GENERIC_NOUN + r"|"
    r"(?:[Aa]liens|[Nn]on-?citizens|[Aa]pplicants|[Ii]mmigrants|[Rr]espondents|[Nn]onimmigrants|[Cc]rewmen|[Ss]eamen|"
    r"[Rr]efugees))(?![\w\-])(?P<rest>)|"
    r"(?<![\w])(?:[Tt]hose|[Aa]nyone|[Ww]hoever)\s+(?:[\w\-]+\s+){0,4}?who(?![\w]))"
)
# The present tense or a modal in a sentence about "an alien": a rule, not a story ("An alien is inadmissible if ...";
# "A Honduran noncitizen who was removed in 2004 was arrested" is a story).
_RULE_VERB = re.compile(r"(?<![\w])(?:is|are|may|must|shall|can|cannot|might|will|would|accrues?|becomes?|remains?)(?![\w])")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\d\"\u201c(])|\n\s*\n")

_ORG_BEFORE = re.compile(r"(?:Office|Bureau|Department|Division|Center|Centre|Program|Council|Board|Service|Services|"
                         r"Committee|Commission|Unit|Section|Agency|Administration)\s+(?:of|for|on)\s+(?:the\s+)?$")
_ENTERED_PREMISES = re.compile(
    r"\s+(?i:the|a|an|his|her|their|said|into|onto|through)\s+(?!(?i:United\b|U\.?\s?S\b|US\b|USA\b|country\b|this\s+country|"
    r"the\s+(?:United|U\.?S|country)))"
)

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
            if key in ("illegallyentered", "unlawfullyentered") and _ENTERED_PREMISES.match(after):
                continue  # "unlawfully entered the dwelling": a burglary, not an entry into the country
            if key in _BARE_PERSON_NOUNS:
                continue  # "the noncitizen", "an alien": a person, not a statement of status
            if key in ("naturalization", "naturalisation") and not _NATURALIZATION_OWN.search(
                    text[max(0, m.start() - 30) : m.start()]) and not _NATURALIZATION_OWN_AFTER.match(after):
                continue  # "Immigration and Naturalization Service", "law of naturalization"
            if key in ("deportation", "deportations", "removal") and not _OWN_BEFORE.search(
                    text[max(0, m.start() - 30) : m.start()]):
                continue  # "the special deportation procedure", "arrest and deportation": not a person's
            if key.endswith("aliens") and _GENERIC_PLURAL_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "by removing criminal aliens": a class of people in general
            if m.group()[:1].isupper() and _ORG_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "Office of Refugee Resettlement", "Board of Immigration Appeals": an organisation
            if key == "groundsofinadmissibility" and not _OWN_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "section 212 lists the grounds of inadmissibility": the law
            if key.endswith("custody") and re.search(r"(?i:deaths|people|detainees|individuals|persons)\s+$",
                                                     text[max(0, m.start() - 20) : m.start()]):
                continue  # "List of Deaths in ICE Custody": a class of events
            if key == "icedetention" and re.match(r"\s+(?i:and\s+removal)", after):
                continue  # "ICE Detention and Removal Operations": an office
            if key.startswith("removable") and _GENERIC_REMOVABLE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "fugitives who are wanted abroad and removable under ...": a class in general
            if key == "asylum" and re.search(r"(?i:insane|lunatic|mental|orphan)\s+$", text[max(0, m.start() - 20) : m.start()]):
                continue
            found.append((m.start(), m.end(), score))
        for m in lex.acronyms.finditer(text):
            score = lex.acronym_scores.get(phrase_key(m.group()))
            if score is None or _CELL_GAP.search(m.group()):
                continue
            found.append((m.start(), m.end(), score))
        found.extend(self._contextual(text))
        found.extend(self._entries_by_lemma(text, nlp_artifacts))
        found.extend(self._form_fields(text, lex))
        found.extend(self._table_columns(text, lex))
        generic = self._generic_sentences(text)
        out = []
        for s, e, sc in found:
            if any(a <= s < b for a, b in generic):
                continue
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
        end = head.end() if head else end
        for rx in _TAILS:
            tail = rx.match(text, end, min(len(text), end + 80))
            if tail:
                end = tail.end()
        return end

    @staticmethod
    def _widen(text: str, start: int, end: int) -> tuple[int, int]:
        """A span taken over "pending ... application" and "an outstanding order of ..." around it."""
        before = text[max(0, start - 40) : start]
        lead = _LEAD_BEFORE.search(before)
        if lead:
            start -= len(before) - lead.start()
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
        # an immigration agency's enforcement action on a person: "CBP detained him", "the INS apprehended the
        # applicant", "was deported by ICE" (not the police's arrests, not statistics: "ICE removed 540 people")
        for m in _AGENCY_ACTS.finditer(text):
            out.append((m.start("verb"), m.end("verb"), 0.7))
        for m in _ACTED_BY_AGENCY.finditer(text):
            out.append((m.start("verb"), m.end("verb"), 0.7))
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
        for m in _ICE_ACTION.finditer(text):
            s, e = m.span()
            if m.group("verb").lower().startswith(("released", "issued", "issues", "placed", "served", "transferred",
                                                  "enrolled", "fitted", "put", "monitors")) \
                    and not m.group("object"):
                continue  # "ICE issued a statement": only with what ICE issued to the person
            verb = m.group("verb").lower()
            if verb.startswith(("arrest", "apprehend", "raided", "encountered")) and not m.group("object") \
                    and (re.search(r"(?i:officers?|agents?|officials?)\s", m.group())
                         or not re.match(r"\s+(?:him|her|them|[A-Z][a-z]+)\b", text[m.end("verb") : m.end("verb") + 30])):
                continue  # "ERO deportation officers arrested 12 individuals": enforcement, not a person's status
            if _GROUP_AFTER.match(text[m.end("verb") : m.end("verb") + 30]):
                continue  # "ERO has removed more than 540 fugitives": a statistic
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
        for rx, score in ((_ENTRY, 0.8), (_NOT_ADMITTED, 0.7), (_OVERSTAY, 0.8), (_VIOLATED_TERMS, 0.8),
                          (_ADMITTED_UNTIL, 0.7), (_CHARGED, 0.8), (_DETAINER, 0.8), (_IN_CUSTODY, 0.8),
                          (_ELIGIBLE, 0.7), (_CITIZENSHIP_VERB, 0.7), (_BENEFICIARY, 0.8), (_CREW, 0.7),
                          (_VISA_CLASS_LOOSE, 0.7), (_DIPLOMATIC, 0.8), (_PRESENT_WITHOUT, 0.8),
                          (_ENCOUNTER, 0.8)):
            for m in rx.finditer(text):
                if rx is _ENTRY and not self._unlawful_entry(text, m):
                    continue
                if rx is _NOT_ADMITTED and m.group("verb") and m.group("verb").lower() == "inspected" \
                        and not _has_context(text, *m.span()):
                    continue  # "the car was not inspected"
                if rx is _CREW and m.group("crew"):
                    if not re.search(_US + r"|(?i:port\s+of|at\s+[A-Z])", m.group("where")):
                        continue  # "entered Canada as a seaman": not an entry here
                    out.append((m.start("crew"), m.end("crew"), score))
                    continue
                out.append((m.start(), m.end(), score))
        for m in _REMOVED.finditer(text):
            if _GROUP_AFTER.match(text[m.end() : m.end() + 30]) or re.match(r"(?i:are|is)\s", m.group()) \
                    or m.group("verb").lower() != "deported" and not _has_context(text, *m.span()):
                continue  # "illegal aliens are removed", "has removed more than 500": a class, a statistic
            if not m.group("aux") and not m.group("adv"):
                continue
            out.append((m.start("adv") if m.group("adv") else m.start("verb"), m.end(), DEFAULT_SCORE))
        for m in _REMOVAL_NOUN.finditer(text):
            if _has_context(text, *m.span()):  # the span leaves the owner out: "Trejo's removal" is a name + status
                out.append((m.start() if m.group("adj2") else m.start("noun"), m.end(), 0.7))
        for m in _WAIVER.finditer(text):
            window = text[max(0, m.start() - 300) : m.end() + 300]
            if _WAIVER_CONTEXT.search(window):
                out.append((m.start(), m.end(), 0.7))
        out.extend(self._charge_lines(text))
        for m in _MONITOR.finditer(text):
            s, e = m.span()
            sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), s - 150) + 1
            sent_end = min(x for x in (text.find(".", e), text.find("\n", e), e + 150, len(text)) if x >= 0)
            if _MONITOR_CONTEXT.search(text, sent_start, sent_end):
                out.append((s, e, 0.7))
        return out

    @staticmethod
    def _unlawful_entry(text: str, m: re.Match[str]) -> bool:
        """Whether an entry match says how the person entered this country, not that someone entered a building."""
        if not (m.group("adv") or m.group("manner")):
            return False  # "entered the United States in 2001": an entry, not how it was made
        if m.group("manner") and _STRONG_MANNER.search(m.group("manner")):
            return True  # "without inspection", "at other than a designated port"
        if m.group("place") or re.search(r"(?i:re-?\s?ent)", m.group()):
            return True  # "entered the country illegally", "reentered surreptitiously"
        return bool(m.group("manner")) and _has_context(text, *m.span())  # "came back without permission"

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

    @staticmethod
    def _charge_lines(text: str) -> list[tuple[int, int, float]]:
        """The charges of an old INS/BIA decision: "CHARGES: Warrant: Act of 1924 — Remained longer-seaman."."""
        out: list[tuple[int, int, float]] = []
        for head in _CHARGES_HEAD.finditer(text):
            end_m = _CHARGES_END.search(text, head.end() + 1)
            end = min(end_m.start() if end_m else len(text), head.end() + 1000)
            region = re.sub(r"\[[^\]\n]*\]", lambda x: " " * len(x.group()), text[head.end() : end])
            pos = 0
            for sep in [*_CHARGE_SPLIT.finditer(region), None]:
                piece_end = sep.start() if sep else len(region)
                piece = region[pos:piece_end]
                pos = sep.end() if sep else len(region)
                prefix = _CHARGE_PREFIX.match(piece)
                lead = prefix.end() if prefix else 0
                body = piece[lead:]
                cut = _CHARGE_CUT.search(body)
                body = body[: cut.start()] if cut else body
                if not body[:1].isupper() or len(body) > 90 or len(body.split()) < 2 or re.search(r"\d{3}|§|U\.S\.C", body):
                    continue
                s = head.end() + (piece_end - len(piece)) + lead
                out.append((s, s + len(body), 0.8))
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

"""A person's status said in a noun or a short phrase (issue 10, item 3): "his only entry into the United States",
"her alienage", "Alfaro-Romero's arrest and subsequent removal", "she attempted entry by representing herself to
be ...", "he last entered on ...", "the INS detainer", "an ICE detainee", "a noncitizen from Russia", "shall be
considered to have entered and remained lawfully", a removal flight, "was encountered at", "released by U.S. Customs
and Border Protection", "joined his father in the United States"; an officer's act on a named person in two parts
around the name ("admitted Mr. HILL to the United States", "transferred X to ERO San Antonio") - the name stays the
PERSON it is.

dev7's first run (a split nobody had tuned on) missed these: the recognizer read entries, detention and detainers
as verbs with their manner or agency ("entered without inspection", "lodged a detainer"), while old decisions and
court papers tell the same history in nouns ("at the time of his entry the respondent was inadmissible"). A noun
with a possessive is one person's; a class ("an alien's entry is unlawful if ...") is dropped with its sentence by
the recognizer's class-sentence rule as before. Every reader needs immigration words near (``_has_context``)
except those whose words are immigration words themselves.
"""

from __future__ import annotations

import re

from workstation.detection.immigration_status_gates import holds
from workstation.detection.immigration_status_lexicon import _has_context

_US_PLACE = r"(?:the\s+United\s+States|the\s+U\.\s?S\.|this\s+country)"
_POSSESSOR = (r"(?:(?<![\w])(?i:his|her|their)|(?<![\w.])(?-i:[A-Z][A-Za-z\-\u2010]+)['\u2019]s?|(?<![\w])(?i:parents|"
              r"father|mother|husband|wife|spouse|son|daughter|brother|sister|respondent|petitioner|applicant|"
              r"defendant)['\u2019]s?)")
_ADJECTIVES = (r"(?:(?:1[89]|20)\d\d\s+|(?i:only|sole|first|last|initial|original|most\s+recent|latest|prior|previous|subsequent|later|unlawful|"
               r"illegal|alleged|continued|continuing|prolonged|immigration|civil|several|many|two|three|numerous|"
               r"multiple)\s+){0,2}")
# "his only entry into the United States", "her alienage", "at the time of his entries"
_OWN_NOUN = re.compile(
    _POSSESSOR + r"\s+" + _ADJECTIVES + r"(?P<span>(?i:entry|entries|re-?entry|re-?entries|alienage|deportation|"
    r"removal|exclusion|deportability|removability|inadmissibility|excludability|expulsion|"
    r"(?:arrival|admission)(?=\s+(?:in|into|to)\s+" + _US_PLACE + r")|departure(?=\s+from\s+" + _US_PLACE + r")|"
    # "his arrest by Enforcement and Removal Operations (ERO) personnel", "Alfaro-Romero's arrest and subsequent removal"
    r"arrest(?:(?=\s+(?i:by)\s+(?:(?i:the|U\.S\.)\s+)?(?:(?-i:ICE|ERO|CBP|INS|HSI|USBP)\b|(?i:Immigration|Enforcement\s+and\s+"
    r"Removal|Border\s+Patrol|immigration)))|\s+(?i:and)\s+(?:(?i:subsequent|later|eventual)\s+)?(?i:removal|deportation)"
    r"(?!\s+(?i:from)\s+(?!" + _US_PLACE + r")))"
    r"))(?![\w\-])"
    # "his entry of a guilty plea", "her removal from office", "demanded his removal as mess steward"
    r"(?!\s+(?i:of\b|on\s+the\s+(?:record|docket)|as\s+(?!an?\s+(?:alien|noncitizen|non-citizen)\b)|from\s+(?:(?:the|his|her|their)\s+)?(?:office|bench|post|position|"
    r"job|home|house|apartment|case|panel|board|premises|school|classroom|list|team)\b))"
)
# "she attempted entry by representing herself to be", "after he had gained entry", "sought to enter by fraud or
# misrepresentation", "obtained admission by falsely claiming to be"
_BY_FRAUD = (r"(?:\s+(?i:by)\s+(?:(?i:fraud(?:\s+or\s+(?:willful\s+)?misrepresentation)?|(?:willful\s+)?misrepresentation)|"
             r"(?i:falsely\s+)?(?i:representing|claiming|presenting|posing|holding\s+out)\s+(?:(?i:him|her|them)sel(?:f|ves)"
             r"\s+(?i:to\s+be|as)|(?i:to\s+be))))?")
_ENTRY_ACT = re.compile(
    r"(?<![\w])(?P<span>(?:(?i:attempted|gained|sought|secured|obtained|effected|procured|fraudulently\s+obtained)\s+"
    r"(?:(?i:an?|his|her|their)\s+)?(?:(?i:unlawful|illegal|fraudulent|surreptitious)\s+)?(?i:entry|admission|re-?entry)|"
    r"(?i:attempted|tried|sought|attempting|trying)\s+to\s+(?i:(?:re-?)?enter|gain\s+(?:entry|admission)))"
    r"(?:\s+(?:in)?to\s+" + _US_PLACE + r")?(?![\w\-])"
    # "gained entry to the apartment", "tried to enter the building": a burglary, a door
    r"(?!\s+(?:(?i:to|into|through)\s+(?!" + _US_PLACE + r")|(?i:the|a|an|his|her|their|its)\s+(?!(?i:United|U\.\s?S|"
    r"country))))" + _BY_FRAUD + r")(?![\w\-])"
)
# "He last entered on a non-specified date", "she first entered in 1990" (an entry with no place or manner)
_ENTERED_WHEN = re.compile(
    r"(?<![\w])(?-i:[Hh]e|[Ss]he|[Ww]ho|[A-Z][a-z]+)\s+(?:(?i:had|has)\s+)?(?P<span>(?i:last|first|again|originally|"
    r"subsequently|later)\s+(?i:(?:re-?)?entered))(?=\s+(?i:on|in|at|through|via|near|as|by|without|illegally|"
    r"unlawfully)\b)"
)
# "but reentered as a parolee in 1993", "reentered without inspection": a reentry told without the country (with
# immigration words near; "reentered the building" has no such continuation)
_REENTERED = re.compile(
    r"(?<![\w\-])(?P<span>(?i:re-?entered))(?=\s+(?i:as\s+an?|on\s+an?|without|illegally|unlawfully|"
    r"surreptitiously|through|via|in\s+\d{4}|at\s+an?\s+unknown)\b)"
)
# "With this removal, we are sending a clear message", "That deportation followed his conviction", "This arrest and
# repatriation should serve as a reminder": one person's removal named again (with immigration words near)
_THIS_REMOVAL = re.compile(
    r"(?<![\w])(?-i:[Tt]his|That)\s+(?P<span>(?:(?i:arrest|apprehension)\s+(?i:and)\s+)?(?i:removal|deportation|"
    r"repatriation))(?![\w\-])(?!\s+(?i:orders?|proceedings?|case|cases|hearings?|process|law|statute|provisions?|grounds?|"
    r"charges?|policy|policies|program|operations?|flights?|period|rate|efforts?)\b)"
)
# "Guerrero remained in the United States beyond that date": a stay past what a visa allowed
_STAYED_BEYOND = re.compile(
    r"(?<![\w])(?P<span>(?i:remained|stayed|continued\s+to\s+(?:remain|reside|live))\s+(?:(?i:in)\s+" + _US_PLACE + r"\s+)?"
    r"(?i:beyond|past|after)\s+(?i:that\s+date|the\s+(?:date|expiration|end|period|time)(?:\s+(?:of\s+)?(?:his|her|their|the)"
    r"\s+(?:authorized\s+)?(?:stay|visa|admission|status))?|(?:his|her|their)\s+(?:authorized\s+)?(?:stay|visa|admission)))"
    r"(?![\w])"
)
# "the INS detainer", "no Immigration and Naturalization Service detainer", "a federal immigration detainer"
_AGENCY_DETAINER = re.compile(
    r"(?<![\w])(?:(?:(?-i:INS|ICE|DHS|CBP)|(?i:federal\s+immigration|immigration)|Immigration\s+and\s+(?:Naturalization\s+"
    r"Service|Customs\s+Enforcement))\s+)+(?i:detainers?)(?![\w\-])"
)
# "a federal detainer", "the detainer" (with immigration words near)
_THE_DETAINER = re.compile(
    r"(?<![\w])(?i:(?:federal\s+)(?=detainer)|(?<=the\s)|(?<=its\s)|(?<=this\s)|(?<=that\s)|(?<=lodged\s)|(?<=\ba\s)|(?<=\ban\s))(?i:detainers?)"
    r"(?![\w\-])"
)
# "an ICE detainee", "a civil immigration detainee" (of the person; "ICE detainees" in general are a class)
_DETAINEE = re.compile(
    r"(?<![\w])(?i:an?|the)\s+(?P<span>(?:(?i:civil)\s+)?(?:(?-i:ICE|INS|CBP|DHS)|(?i:immigration))\s+(?i:detainee))(?![\w\-])"
)
# "a Non-Citizen from Russia", "an alien from Mexico": one person and the country
_NONCITIZEN_FROM = re.compile(
    r"(?<![\w])(?i:an?)\s+(?P<span>(?i:non-?citizen|alien|immigrant))\s+(?i:from)\s+(?:(?i:the)\s+)?(?-i:[A-Z])"
)
# "shall be considered to have entered and remained lawfully", "deemed to have been lawfully admitted for permanent
# residence" (a private relief bill's grant)
_DEEMED_LAWFUL = re.compile(
    r"(?<![\w])(?i:considered|deemed|regarded)\s+(?i:to\s+have\s+(?:been\s+)?)(?:(?i:entered\s+and\s+remained\s+lawfully|"
    r"lawfully\s+(?:entered|admitted)(?:\s+(?:(?i:to|into)\s+" + _US_PLACE + r"))?(?:\s+(?i:for\s+permanent\s+residence))?|"
    r"(?i:entered\s+(?:" + _US_PLACE + r"\s+)?lawfully)))(?![\w])"
)
# "to Honduras on a U.S. Immigration and Customs Enforcement (ICE) Air Operations charter aircraft", "was flown from
# Los Angeles to Guatemala on a flight coordinated by ICE's Air Operations Unit"
_CAP_WORDS = r"(?-i:[A-Z][\w.\-]*)(?:\s+(?-i:[A-Z][\w.\-]*)){0,3}"
# "was transported from Harrisburg International Airport in Harrisburg, Pa., on board ...", "was flown to El
# Salvador July 13 onboard ...": the journey before the craft (a full stop only in an abbreviation)
_FLOWN = (r"(?:(?i:flown|transported|escorted|repatriated)\s+(?:(?i:from|to)\s+(?-i:[A-Z])(?:[^.;:\n]|\.(?=,|\s+[a-z]|[A-Z]\.))"
          r"{0,90}?\s+)?)?")
_CRAFT = r"(?i:aircraft|flight|plane|charter)"
_UNTIL_STOP = r"(?:(?<![A-Za-z])[A-Z]\.|[^.;\n]|\.(?=\S))"  # any character up to a full stop ("U.S." goes on)
# "... coordinated by ICE's Air Operations (IAO) Unit": the agency after the craft
_BY_ICE = (r"\s+(?i:coordinated|chartered|operated|arranged|provided)\s+(?i:by)\s+(?:(?i:the|U\.S\.)\s+)?"
           r"(?:(?-i:ICE)|(?i:Immigration\s+and\s+Customs\s+Enforcement))(?:['\u2019]s)?(?:\s+(?i:Air\s+Operations))?"
           r"(?:\s*\((?-i:IAO|ICE)\))?(?:\s+(?i:Unit))?(?:\s*\((?-i:IAO|ICE)\))?")
_REMOVAL_FLIGHT = re.compile(
    r"(?<![\w])(?P<span>" + _FLOWN + r"(?i:on\s+board|onboard|on|aboard|via)\s+(?i:an?)\s+(?:"
    # "... ICE Air Operations charter aircraft": ICE before the craft
    + _UNTIL_STOP + r"{0,90}?(?:(?-i:ICE)|(?i:Air\s+Operations|IAO|charter))" + _UNTIL_STOP + r"{0,40}?" + _CRAFT
    + r"(?:\s+(?i:aircraft|flight|plane))?(?:" + _BY_ICE + r")?|"
    # "... a flight coordinated by ICE's Air Operations Unit": ICE after the craft
    r"(?:[\w\-]+\s+){0,3}?" + _CRAFT + _BY_ICE + r"))(?![\w])"
)
# "transferred Vargas-Sanchez to ERO Philadelphia at the Moshannon Valley Processing Center ... for removal",
# "Border Patrol transferred Flores to ERO San Antonio": the part after the name (the verb is read by
# ``immigration_status_history``)
_NAME = r"(?:(?:Mr|Ms|Mrs)\.?\s+)?(?-i:[A-Z][A-Za-z'\u2019]+(?:[\-\u2010][A-Z][A-Za-z'\u2019]+)?)"
_TO_AGENCY_OFFICE = re.compile(
    r"(?<![\w])(?i:transferred|turned\s+over|handed\s+over|released|remanded)\s+(?:him|her|them|" + _NAME
    + r"(?:\s+" + _NAME + r"){0,3})\s+(?P<span>(?i:to)\s+(?:the\s+)?(?:(?-i:ERO|ICE|CBP|USBP)|(?i:Enforcement\s+and\s+"
    r"Removal\s+Operations)\s+\((?-i:ERO)\))(?:\s+(?-i:[A-Z][\w.\-]*)){0,3}(?:\s+(?i:custody))?"
    r"(?:\s+(?i:at)\s+(?:the\s+)?(?:(?-i:[A-Z][\w.\-]*)\s+){1,6}(?i:Center|Facility|Centre|Jail)"
    r"(?:\s+(?i:in)\s+(?-i:[A-Z][\w.\-]*)(?:\s+(?-i:[A-Z][\w.\-]*))?(?:,\s+(?-i:[A-Z][\w.\-]*))?)?)?"
    r"(?:,?\s+(?i:for|pending|to\s+await)\s+(?:(?i:his|her|their)\s+)?(?i:removal|deportation)(?:\s+(?i:proceedings))?)?)"
    r"(?![\w\-])"
)

# an immigration officer's act on a named person, in two parts around the name: "admitted Mr. HILL to the United
# States (U.S.)", "assumed Ms. BLAISE's custody", "ordered Mr. HILL's removal" (the name stays the PERSON it is)
_TITLED = r"(?:(?:Mr|Ms|Mrs|Miss)\.?\s+)?" + _NAME + r"(?:\s+" + _NAME + r"){0,3}"
_ADMITTED_NAMED = re.compile(
    r"(?<![\w])(?P<verb>(?i:admitted|paroled|readmitted))\s+" + _TITLED + r"\s+(?P<span>(?i:in)?(?i:to)\s+"
    + _US_PLACE + r"(?:\s*\((?:U\.S\.|US)\))?)(?![\w])"
)
_NAMED_CUSTODY = re.compile(
    r"(?<![\w])(?P<verb>(?i:assumed|took|obtained|ordered))\s+" + _TITLED + r"['\u2019]s\s+(?P<span>(?i:custody|removal|"
    r"deportation|exclusion))(?![\w])"
)
# "the Immigration and Naturalization Service charged Tumax with being present ...": the charge (what it charged
# him with is read on its own)
_CHARGED_NAMED = re.compile(
    r"(?:(?-i:INS|DHS|ICE|CBP)|(?i:Service|Security|government|Department))\s+(?P<span>(?i:charged))\s+" + _TITLED
    + r"\s+(?i:with|as)\s"
)
# "USBP granted Silva voluntary return to Mexico", "the INS granted Reyes voluntary departure": the grant (the relief
# is read on its own)
_GRANTED_NAMED = re.compile(
    r"(?:(?-i:INS|DHS|ICE|CBP|USBP|USCIS)|(?i:Border\s+Patrol|Service))\s+(?P<span>(?i:granted))\s+" + _TITLED
    + r"\s+(?=(?i:voluntary|asylum|parole|humanitarian|deferred|temporary|a\s+(?:waiver|stay|visa)|withholding|TPS|"
    r"DACA|lawful|permanent|conditional|admission)\b)"
)
# "Ramirez-Medina was encountered at a residence", "Mr. VOLKOV was encountered at the Pasco County Jail" (the
# enforcement word of ICE and CBP; with immigration words near)
_ENCOUNTERED = re.compile(
    r"(?<![\w])(?i:was|were|been|being)\s+(?:(?i:first|later|again|then|subsequently)\s+)?(?P<span>(?i:encountered)"
    r"(?:\s+(?i:and)\s+(?i:interviewed|arrested|detained|processed|apprehended))?)"
    r"(?=\s+(?i:at|in|by|near|on|during|while)\b)"
)
# "released by U.S. Customs and Border Protection", "released by ICE on an order of recognizance"
_RELEASED_BY = re.compile(
    r"(?<![\w])(?P<span>(?i:released|paroled)\s+(?i:by)\s+(?:(?i:the|U\.S\.)\s+)?(?:(?-i:ICE|ERO|CBP|USBP|INS|DHS)\b|"
    r"(?i:Customs\s+and\s+Border\s+Protection|Immigration\s+and\s+Customs\s+Enforcement|Border\s+Patrol|"
    r"Immigration\s+and\s+Naturalization\s+Service))(?:\s*\((?-i:CBP|ICE|USBP|INS)\))?)"
)
# "ERO Miami terminated Pop from the Alternatives to Detention program": the verb (the program is read on its own)
_PROGRAM_NAMED = re.compile(
    r"(?<![\w])(?P<span>(?i:terminated|enrolled|removed|released|placed))\s+" + _TITLED + r"\s+(?i:from|in|into|on)\s+"
    r"(?:(?i:the)\s+)?(?:(?i:Alternatives?\s+to\s+Detention)|(?-i:ATD|ISAP))(?![\w])"
)
# "since the date of her last departure" (with immigration words near)
_LAST_DEPARTURE = re.compile(
    r"(?:(?<![\w])(?i:his|her|their)|(?<![\w.])(?-i:[A-Z][A-Za-z\-\u2010]+)['\u2019]s)\s+(?P<span>(?i:last|most\s+recent|"
    r"prior|previous)\s+(?i:departure))(?![\w])"
)
# "ERO New Orleans took the 38-year-old Honduran national into custody": the verb and the custody around the person
_TOOK_PERSON_INTO_CUSTODY = re.compile(
    r"(?<![\w])(?P<verb>(?i:took|takes|taking))\s+(?i:the|an?)\s+(?:\d{1,3}[\-\u2010](?i:year)[\-\u2010](?i:old)\s+)?"
    r"(?:(?-i:[A-Z][a-z]+)\s+)?(?i:national|man|woman|noncitizen|non-citizen|alien|citizen|fugitive|individual|"
    r"suspect|defendant|respondent)\s+(?P<span>(?i:into)\s+(?:(?-i:ICE|ERO|CBP)\s+|(?i:immigration|federal)\s+)?"
    r"(?i:custody))(?![\w])"
)
# "was arrested after entering the United States through the Port of Entry at Columbus", "joined his father in the
# United States", "left Nicaragua for the United States, arriving in May 1985"
_ENTERING = re.compile(
    r"(?<![\w])(?i:after|upon|before|when|while|since|on)\s+(?P<span>(?:(?i:illegally|unlawfully)\s+)?(?i:(?:re-?)?entering)\s+"
    + _US_PLACE + r"(?:\s+(?i:through|via|at)\s+(?:the\s+)?(?i:port\s+of\s+entry)(?:\s+(?i:at|in)\s+" + _CAP_WORDS
    + r"(?:,\s+" + _CAP_WORDS + r")?)?)?)(?![\w])"
)
_JOINED_THERE = re.compile(
    r"(?<![\w])(?P<span>(?i:joined)\s+(?:(?i:him|her|them)|(?i:his|her|their)\s+(?i:father|mother|parents|husband|wife|"
    r"spouse|family|brother|sister|son|daughter|children))\s+(?i:in)\s+" + _US_PLACE + r")(?![\w])"
)
_ARRIVING = re.compile(
    r"(?i:for|to)\s+" + _US_PLACE + r",\s+(?P<span>(?i:arriving))(?=\s+(?i:in|on|at)\b)"
)
# "his prima facie eligibility for cancellation", "Pereira impacts his request for cancellation": the relief named
# short (with immigration words near)
_CANCELLATION_SOUGHT = re.compile(
    r"(?<![\w])(?i:eligib\w*|request|application|applied|apply|applying|motion|relief|petition|qualify|qualified)\s+"
    r"(?i:for)\s+(?P<span>(?i:cancellation))(?![\w])(?!\s+(?i:of)\s+(?!(?i:removal|deportation)))"
)
_TWO_PARTS = (_ADMITTED_NAMED, _NAMED_CUSTODY, _TOOK_PERSON_INTO_CUSTODY)

# the key words each reader cannot match without (``immigration_status_gates.holds``; checked on every match of the
# evaluation texts by tests/detection/test_immigration_status_gates.py)
GATES: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    _OWN_NOUN: (("entr", "alienage", "deport", "removal", "exclusion", "removab", "admissib", "excludab", "expulsion",
                 "arrival", "admission", "departure", "arrest"),),
    _ENTRY_ACT: (("entry", "admission", "enter"),),
    _ENTERED_WHEN: (("entered",),),
    _REENTERED: (("reentered", "re-entered"),),
    _STAYED_BEYOND: (("remain", "stayed", "reside", "live"), ("beyond", "past", "after")),
    _THIS_REMOVAL: (("this", "that"), ("removal", "deportation", "repatriation")),
    _AGENCY_DETAINER: (("detainer",),),
    _THE_DETAINER: (("detainer",),),
    _DETAINEE: (("detainee",),),
    _NONCITIZEN_FROM: (("citizen", "alien", "immigrant"), ("from",)),
    _DEEMED_LAWFUL: (("considered", "deemed", "regarded"), ("lawful",)),
    _REMOVAL_FLIGHT: (("aircraft", "flight", "plane", "charter"),),
    _TO_AGENCY_OFFICE: (("ero", "ice", "cbp", "usbp"), ("transferred", "turned", "handed", "released", "remanded")),
    _ADMITTED_NAMED: (("admitted", "paroled"),),
    _CHARGED_NAMED: (("charged",),),
    _GRANTED_NAMED: (("granted",),),
    _TOOK_PERSON_INTO_CUSTODY: (("took", "takes", "taking"), ("custody",)),
    _ENTERING: (("entering",),),
    _JOINED_THERE: (("joined",),),
    _ARRIVING: (("arriving",),),
    _ENCOUNTERED: (("encountered",),),
    _RELEASED_BY: (("released", "paroled"), ("ice", "ero", "cbp", "usbp", "ins", "dhs", "customs", "border",
                                             "immigration")),
    _PROGRAM_NAMED: (("alternative", "atd", "isap"),),
    _LAST_DEPARTURE: (("departure",),),
    _CANCELLATION_SOUGHT: (("cancellation",),),
    _NAMED_CUSTODY: (("assumed", "took", "obtained", "ordered"), ("custody", "removal", "deportation", "exclusion")),
}
_ENDS_REMOVAL = re.compile(r"(?i:removal|deportation)$")  # "arrest and subsequent removal", "his removal"
_INTO_US = re.compile(r"\s+(?:(?i:in)?(?i:to)|(?i:from))\s+" + _US_PLACE)
# readers whose own words are immigration words: no context needed
_SELF_EVIDENT = (_ENTRY_ACT, _AGENCY_DETAINER, _DETAINEE, _NONCITIZEN_FROM, _DEEMED_LAWFUL, _REMOVAL_FLIGHT,
                 _TO_AGENCY_OFFICE, _RELEASED_BY, _PROGRAM_NAMED, _GRANTED_NAMED, _ENTERING, _JOINED_THERE, _ARRIVING)


def findings(text: str) -> list[tuple[int, int, float]]:
    """Spans and scores of a person's status said in a noun or a short phrase."""
    out: list[tuple[int, int, float]] = []
    for rx, gate in GATES.items():
        if not holds(text, gate):
            continue
        for m in rx.finditer(text):
            start, end = m.span("span") if "span" in rx.groupindex else m.span()
            end -= text[start:end].endswith(".")  # "... to ERO San Antonio." ends a sentence
            if rx in _SELF_EVIDENT or _INTO_US.match(text, end) or _ENDS_REMOVAL.search(text, start, end) \
                    or _has_context(text, start, end):
                out.append((start, end, 0.6))
                if rx in _TWO_PARTS:
                    out.append((*m.span("verb"), 0.6))
    return out

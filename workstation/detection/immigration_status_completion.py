"""The rest of a status statement, and the short ones said of one person (issue 10, item 3).

Measured on the real tuning sets (``benchmarks/real/dev*``): most sensitive words left readable after ``redact``
were not in missed statements but in the part of a found statement the span left out - "Notice and Order of
[Expedited Removal]", "reinstated the underlying [deportation order]", "[detained] by the United States Immigration
and Customs Enforcement (ICE) agency", "caught and [deported]". A reader takes those words with the status, so the
span does too (``complete``).

The second half reads statements that are a single word in the text but said of one person: a predicate
("Guerrero was deportable", "finding Perriello inadmissible"), "an alien" as what the person is ("as an alien who",
", an alien as defined by"), "now a citizen", an immigration agency's enforcement action with words between the
agency and the verb ("Deportation officers from ERO Harlingen made the apprehension", "ERO officers took
Reyes-Alejandro into custody"), headlines ("ICE removes repeat border violator") and a person's reentry. Sentences
that state the law about a class are dropped by the recognizer as before; statistics ("arrested 73 ...") are not
findings here.
"""

from __future__ import annotations

import re

from workstation.detection.immigration_status_lexicon import _has_context
from workstation.detection.immigration_status_phrases import _AGENCY

_S = r"[ \t]*\n?[ \t]*"  # a space that may wrap a line (not a blank line)
_AGENCY_NAME = (_AGENCY[:-1] + r"|(?i:Fugitive\s+Operations\s+Team|Criminal\s+Apprehension\s+Program|"
                r"Department\s+of\s+Homeland\s+Security|DHS|U\.S\.\s+Border\s+Patrol))")

# "[detained] by the United States Immigration and Customs Enforcement (ICE) agency": the agency that acted
_BY_AGENCY = re.compile(
    _S + r"(?i:by)" + _S + r"(?:(?i:the|an?|U\.S\.|United\s+States|Department\s+of(?:\s+Homeland\s+Security,?)?|"
    r"Bureau\s+of)" + _S + r"){0,4}" + _AGENCY_NAME
    + r"(?:['\u2019]s)?(?:" + _S + r"\([\"\u201c]?(?:ICE|ERO|CBP|INS|USBP|DHS|HSI)[\"\u201d]?\))?"
    + r"(?:" + _S + r"(?:ERO|HSI|(?i:Homeland\s+Security\s+Investigations|Enforcement\s+and\s+Removal\s+Operations))"
    + r"(?:" + _S + r"\((?:ERO|HSI)\))?)?"
    + r"(?:" + _S + r"(?i:special|deportation|immigration|border\s+patrol))?"
    + r"(?:" + _S + r"(?i:officials?|officers?|agents?|agency|authorities))?(?![\w])"
)
_AGENCY_NAME_ALONE = re.compile(_AGENCY_NAME)
_ACTION_END = re.compile(r"(?i:detained|deported|removed|arrested|apprehended|custody|caught|excluded|held|"
                         r"encountered|detention|processed|reinstated|intercepted|stopped|continuously|admitted|"
                         r"paroled|inspected|parole|admission|inspection)$")
# where the person was held: "[detained] at the Mesa Verde Detention Center", "[held] at Krome Service Processing
# Center in Miami pending his removal", "[detained] at the San Clemente border checkpoint"
_HELD_AT = re.compile(
    r"[ \t\n]+(?i:at|in)[ \t\n]+(?:the[ \t\n]+)?(?:[A-Z][\w.\-]*[ \t\n]+){0,5}?(?i:(?:(?:service[ \t\n]+)?processing|"
    r"detention|staging|correctional|contract)[ \t\n]+(?:center|centre|facility)|border[ \t\n]+(?:patrol[ \t\n]+)?"
    r"(?:checkpoint|station))(?:[ \t\n]+(?i:in)[ \t\n]+[A-Z][a-z]+(?:[ \t\n]+[A-Z][a-z]+)?)?"
    r"(?:[ \t\n]+(?i:pending|awaiting)[ \t\n]+(?:his|her|their)[ \t\n]+(?i:removal|deportation|hearing|trial))?(?![\w])"
)
_HELD_THERE = re.compile(r"(?<![\w])(?i:detained|held|housed|confined)(?=" + _HELD_AT.pattern + ")")
_HELD_END = re.compile(r"(?i:detained|held|housed|confined|detention|custody)$")
# "a notice and order of expedited removal, Form I-860": the form's number goes with the order
_FORM_TAIL = re.compile(r"[ \t\n]*,?[ \t\n]+(?i:form)[ \t\n]+I-?\s?\d{3}[A-Z]?(?![\w])")
_FORM_END = re.compile(r"(?i:removal|deportation|appear|detainer|order|warrant)$")
# "deportation [proceeding]", "removal [hearing]": the noun the status word qualifies
_PROCEEDING_AFTER = re.compile(_S + r"(?i:proceedings?|hearings?|case)(?![\w])")
_PROCEEDING_END = re.compile(r"(?i:deportation|removal|exclusion|withholding[\s\-]only\"?|expedited\s+removal)$")
# what comes before an order, a removal or a custody: "Notice and Order of", "orders for his", "reinstated the
# underlying", "processed for", "placed into a", "previous", "caught and"
_LEAD = re.compile(
    r"(?<![\w])(?i:(?:notices?\s+and\s+)?orders?\s+(?:of|for)(?:\s+(?:his|her|their|an?|the))?|"
    r"(?:reinstat(?:ed|ing|es?)|execut(?:ed|ing|es?)|enforc(?:ed|ing|es?)|issu(?:ed|ing|es?)|ignored|"
    r"(?:noticed|served)\s+and)(?:\s+(?:the|his|her|their|an?))?(?:\s+(?:underlying|prior|previous|original|earlier|"
    r"final|lawful))?|"
    r"(?:processed|placed|put)\s+(?:(?:him|her|them)\s+)?(?:for|in|into)(?:\s+an?)?|"
    r"(?:prior|previous|underlying|earlier|original|lawful)|"
    r"(?:caught|arrested|detained|apprehended|excluded)\s+and)\s+\"?$"
)
_LEADS_TO = re.compile(r"(?i:removal|deportation|expedited|exclusion|deported|removed|excluded|orders?\b|detainer|"
                       r"re-?entry|proceedings?|custody|\"?withholding)")


# a lead that belongs only to some statements: (lead before the span, how the span starts)
_PAIRED_LEADS = (
    (re.compile(r"(?<![\w])(?i:attempted|tried|sought|attempting|trying|attempts|tries)\s+to\s+$"),
     re.compile(r"(?i:(?:illegally\s+|unlawfully\s+)?(?:re-?)?enter)")),
    (re.compile(r"(?<![\w])(?i:last|first|repeatedly|again|later|subsequently)\s+$"), re.compile(r"(?i:(?:re-?)?entered)")),
    (re.compile(r"(?<![\w])(?i:expedited)\s+$"), re.compile(r"(?i:orders?\s+of\s+removal)")),
    (re.compile(r"(?<![\w])(?i:detention|detained|held|confined)\s+in\s+$"),
     re.compile(r"(?i:(?:immigration|ICE|CBP|INS)\s+(?:custody|detention))")),
    (re.compile(r"(?<![\w])(?i:(?:voluntary\s+)?departure)\s+and\s+$"), re.compile(r"(?i:deportation|removal)")),
    # "as a [nonimmigrant crewman]", "presumed to be an [alien]", "has [remained ... without authority]"
    (re.compile(r"(?<![\w])(?i:(?:admitted\s+|entered\s+|arrived\s+|landed\s+)?as\s+an?|(?:presumed|found|determined|"
                r"held|deemed)\s+to\s+be\s+an?)\s+$"),
     re.compile(r"(?i:nonimmigrant|immigrant|lawful|permanent|refugee|asylee|parolee|visitor|student|crewman|seaman|"
                r"exchange|temporary|alien|noncitizen)")),
    (re.compile(r"(?<![\w])(?i:has|had|have|having)\s+$"),
     re.compile(r"(?i:remained|overstayed|stayed|entered|resided|been\s+present|lived)")),
    # "Present [without being admitted or paroled]", "remained [without authorization]"
    (re.compile(r"(?<![\w])(?i:present|presence|remained|remaining|remains|stayed|entered|entry|arrived|living|lived|"
                r"residing)(?:\s+in\s+(?:the\s+United\s+States|the\s+U\.S\.|this\s+country))?\s+$"),
     re.compile(r"(?i:without\s+(?:being\s+|having\s+been\s+)?(?:admi|inspect|authori|permission|a\s+visa|documents|"
                r"lawful|legal|parole)|illegally|unlawfully)")),
    # "excluded, deported, or [removed]", "caught and [deported]"
    (re.compile(r"(?<![\w])(?:(?i:excluded|deported|removed|arrested|detained|apprehended|caught),?\s+)+(?i:and|or)?\s*$"),
     re.compile(r"(?i:deported|removed|excluded|detained)")),
    (re.compile(r"(?<![\w])(?i:in|into)\s+(?:(?:ICE|immigration)\s+)?custody\s+$"), re.compile(r"(?i:pending)")),
    (re.compile(r"(?<![\w])(?i:eligible\s+for\s+(?:the\s+)?issuance\s+of\s+an?|(?:issued|granted|received)\s+an?)\s+$"),
     re.compile(r"(?i:immigrant\s+visa|nonimmigrant\s+visa|visa)")),
    (re.compile(r"(?<![\w])(?i:withhold|withholding\s+of)\s+(?:his|her|their)?\s*$"), re.compile(r"(?i:removal|deportation)")),
    (re.compile(r"(?<![\w])(?i:encountered|arrested|apprehended|detained|stopped|intercepted),?\s+(?i:and)\s+$"),
     re.compile(r"(?i:arrested|detained|apprehended|processed|removed|deported)")),
    # "his immigration status was adjusted to that of a [lawful permanent resident]"
    (re.compile(r"(?<![\w])(?i:(?:his|her|their)\s+(?:immigration\s+)?status\s+(?:was|had\s+been|has\s+been)\s+adjusted\s+"
                r"to(?:\s+that\s+of)?(?:\s+an?)?)\s+$"), re.compile(r"(?i:lawful|permanent|conditional)")),
    (re.compile(r"(?<![\w])(?i:form)\s+$"), re.compile(r"(?:I|N|EOIR)-?\s?\d{2,3}")),
    # "entered ERO custody", "came into ICE custody"
    (re.compile(r"(?<![\w])(?i:entered|entering|enters|came\s+into|remanded\s+to)\s+$"),
     re.compile(r"(?:ICE|ERO|CBP|INS|(?i:immigration))\s+(?i:custody|detention)")),
    (re.compile(r"(?<![\w])(?i:remain|remains|remained|be\s+held|is\s+held|was\s+held)\s+in\s+$"),
     re.compile(r"(?i:(?:ICE|immigration|CBP)\s+custody)")),
    # "transferred him into ICE custody", "turned Garza over to ICE custody", "booked into ICE custody"
    (re.compile(r"(?<![\w])(?i:transferred|turned|released|booked|brought|handed|remanded|taken|transported)"
                r"(?:\s+(?:him|her|them))?(?:\s+over)?\s+$"),
     re.compile(r"(?i:(?:in)?to\s+(?:the\s+)?(?:U\.S\.\s+)?(?:ICE|ERO|CBP|INS|immigration|Immigration\s+and|"
                r"the\s+custody\s+of))")),
    # "a twice-deported fugitive", "previously-removed"
    (re.compile(r"(?<![\w])(?i:twice|thrice|previously|once|repeatedly)[\-\u2010]$"),
     re.compile(r"(?i:deported|removed|excluded)")),
    # "a naturalized citizen of the United States"
    (re.compile(r"(?<![\w])(?i:naturali[sz]ed|native-born|natural-born|birthright)\s+$"),
     re.compile(r"(?i:citizens?|U\.\s?S\.|United\s+States|American)")),
    # "an application for adjustment of status", "applied for asylum", "a request for a waiver"
    (re.compile(r"(?<![\w])(?i:applications?\s+for|appl(?:y|ied|ying|ies)\s+for|petitions?\s+for|requests?\s+for|"
                r"motions?\s+for|eligibility\s+for)(?:\s+(?:an?|the|his|her))?\s+$"),
     re.compile(r"(?i:adjustment|asylum|cancellation|suspension|withholding|naturali[sz]ation|citizenship|waiver|"
                r"parole|voluntary\s+departure|TPS|temporary\s+protected|permanent\s+residen|registry|a\s+waiver|"
                r"relief)")),
)
# what the status goes on to say: "[admission] after removal", "[detained] in ICE facilities", "[adjustment of
# status] to lawful permanent resident", "[deportation order] was reinstated"
_MORE_TAILS = (
    (re.compile(r"(?i:admission|reapply)$"), re.compile(r"[ \t\n]+(?i:after|following)[ \t\n]+(?:(?:his|her|their|a)[ \t\n]+)?"
                                                      r"(?i:removal|deportation|exclusion)(?![\w])")),
    (re.compile(r"(?i:detained|held|housed|confined)$"),
     re.compile(r"[ \t\n]+(?i:in|at)[ \t\n]+(?:(?:an?|the)[ \t\n]+)?(?i:ICE|immigration|CBP|INS)[ \t\n]+"
                r"(?i:facilit(?:y|ies)|custody|detention(?:[ \t\n]+(?:centers?|facilit(?:y|ies)))?|processing\s+centers?)(?![\w])")),
    (re.compile(r"(?i:adjustment[ \t\n]+of[ \t\n]+status|adjust[ \t\n]+(?:his|her|their)[ \t\n]+status)$"),
     re.compile(r"[ \t\n]+(?i:to)[ \t\n]+(?:(?i:that[ \t\n]+of[ \t\n]+an?[ \t\n]+(?:alien|noncitizen)[ \t\n]+lawfully[ \t\n]+admitted"
                r"[ \t\n]+for[ \t\n]+permanent[ \t\n]+residence)|(?i:(?:that[ \t\n]+of[ \t\n]+an?[ \t\n]+)?(?:lawful[ \t\n]+)?"
                r"permanent[\s]+residen(?:t|ce)(?:[ \t\n]+status)?))(?![\w])")),
    (re.compile(r"(?i:order|orders)$"), re.compile(r"[ \t\n]+(?i:was|were|had[ \t\n]+been|has[ \t\n]+been|is)[ \t\n]+"
                                                r"(?i:reinstated|executed|entered|issued)(?![\w])")),
    (re.compile(r"(?i:removal|deportation)$"), re.compile(r"[ \t\n]+(?i:detention|custody)(?![\w])")),
    (re.compile(r"(?i:re-?entry|re-?entered|re-?entering|United[ \t\n]+States|admitted|paroled)$"),
     re.compile(r"[ \t\n]+(?i:after|following)[ \t\n]+(?:(?i:being|having[ \t\n]+been|his|her|their|a|an|prior|"
                r"previous|previously|earlier|two|three|four|several|multiple|repeated|\d+)[ \t\n]+){0,3}"
                r"(?i:removals?|removed|deportations?|deported|excluded|exclusions?)(?![\w])")),
    (re.compile(r"(?i:visitor|B-?2|B-?1)$"), re.compile(r"[ \t\n]+(?i:for)[ \t\n]+(?i:pleasure|business)(?![\w])")),
    # "adjustment of status under section 245 of the Act", "a waiver pursuant to section 212(h)"
    (re.compile(r"(?i:status|waiver|application|relief|asylum|removal|naturali[sz]ation|citizenship|inadmissibility|"
                r"deportation|parole|departure|residence)$"),
     re.compile(r"[ \t\n]+(?i:under|pursuant[ \t\n]+to)[ \t\n]+(?:(?i:section|sec\.)[ \t\n]+|\u00a7[ \t]*)\d+[A-Z]?"
                r"(?:\s?\([\w]{1,3}\))*(?:[ \t\n]+(?i:of)[ \t\n]+(?i:the)[ \t\n]+(?:(?i:Immigration[ \t\n]+and[ \t\n]+"
                r"Nationality[ \t\n]+)?(?i:Act)|INA))?(?![\w])")),
    # "deported again", "removed twice"
    (re.compile(r"(?i:deported|removed|excluded|returned)$"), re.compile(r"[ \t]+(?i:again|twice|once\s+more)(?![\w])")),
    # "a waiver under section 212(i) of the Immigration and Nationality Act"
    (re.compile(r"(?i:section)\s+\d+[A-Z]?(?:\s?\([\w]{1,3}\))*$"),
     re.compile(r"[ \t\n]+(?i:of)[ \t\n]+(?i:the)[ \t\n]+(?:(?i:Immigration[ \t\n]+and[ \t\n]+Nationality[ \t\n]+)?(?i:Act)|INA)"
                r"(?:[ \t\n]*\((?:\"|\u201c)?(?:INA|Act)(?:\"|\u201d)?\))?(?![\w])")),
    # "illegal re-entry into the United States"
    (re.compile(r"(?i:re-?entry|entry)$"), re.compile(r"[ \t\n]+(?i:in)?(?i:to)[ \t\n]+(?:the[ \t\n]+United[ \t\n]+States|"
                                                    r"the[ \t\n]+U\.S\.|this[ \t\n]+country)")),
    # "transferred to ICE Enforcement and Removal Operations custody"
    (re.compile(r"(?i:ICE|ERO)$"), re.compile(r"[ \t\n]+(?i:Enforcement[ \t\n]+and[ \t\n]+Removal[ \t\n]+Operations|"
                                           r"Homeland[ \t\n]+Security[ \t\n]+Investigations)(?:[ \t\n]+\((?:ERO|HSI)\))?"
                                           r"[ \t\n]+(?i:custody|detention)(?![\w])")),
)
# what the person is inadmissible or deportable for: "inadmissible for having sought admission by fraud",
# "deportable for failure to comply with the conditions of his nonimmigrant status" (up to the clause's end)
_GROUNDS = re.compile(r"[ \t]+(?i:for|as)[ \t\n]+(?:[^\s.;:()\[\]\u201c\u201d\"]+[ \t\n]+){0,14}?"
                      r"[^\s.;:()\[\]\u201c\u201d\",]+(?=[.;:()\[\]\u201c\u201d\"]|,[ \t\n]|[ \t]*\n[ \t]*\n|$)")
_GROUNDS_END = re.compile(r"(?i:inadmissible|deportable|removable|excludable)$")
_BIRTH_TAIL = re.compile(r"[ \t\n]+(?i:(?:by|at)[ \t\n]+birth(?:[ \t\n]+in[ \t\n]+(?:this[ \t\n]+country|the[ \t\n]+United"
                         r"[ \t\n]+States|the[ \t\n]+U\.S\.))?)(?![\w])")


def _leads(text: str, start: int) -> int:
    for _ in range(3):
        before = text[max(0, start - 70) : start]
        lead = _LEAD.search(before) if _LEADS_TO.match(text, start) else None
        if not lead:
            lead = next((m for rx, starts in _PAIRED_LEADS if starts.match(text, start)
                         for m in [rx.search(before)] if m), None)
        if not lead:
            break
        start -= len(before) - lead.start()
    return start


def complete(text: str, start: int, end: int) -> tuple[int, int]:
    """The span taken over the words a reader reads with it: the agency that acted, the proceeding, the order."""
    start = _leads(text, start)
    span = text[start:end]
    if _GROUNDS_END.search(span):
        grounds = _GROUNDS.match(text, end)
        if grounds and len(grounds.group()) <= 140:
            end = grounds.end()
            span = text[start:end]
    for ends, tail_rx in _MORE_TAILS:
        tail = tail_rx.match(text, end) if ends.search(span) else None
        if tail:
            end = tail.end()
            span = text[start:end]
    if re.search(r"(?i:citizenship)$", span):
        birth = _BIRTH_TAIL.match(text, end)
        end = birth.end() if birth else end
    if _PROCEEDING_END.search(span):
        tail = _PROCEEDING_AFTER.match(text, end)
        if tail:
            end = tail.end()
            span = text[start:end]
    if _HELD_END.search(span):
        held = _HELD_AT.match(text, end)
        if held:
            end = held.end()
            span = text[start:end]
    if _FORM_END.search(span):
        form = _FORM_TAIL.match(text, end)
        if form:
            end = form.end()
            span = text[start:end]
    if _ACTION_END.search(span):
        agent = _BY_AGENCY.match(text, end)
        if agent:
            end = agent.end()
    return start, end


# "Guerrero was deportable", "finding Perriello inadmissible", "is neither inadmissible nor ..."
_PREDICATE = re.compile(
    r"(?<![\w])(?i:is|was|were|are|be|been|being|neither|nor|not|deemed|held|remains?|remained|became|found|finding|"
    r"finds|find|rendered|rendering)\s+(?:(?:him|her|them|(?-i:[A-Z][\w\-]+))\s+)?"
    r"(?P<span>(?i:inadmissible|deportable|removable|excludable))(?![\w\-])"
)
# "as an alien who entered", "was an alien at the time", ", an alien as defined by", "presumed to be an alien"
_AN_ALIEN = re.compile(
    r"(?:(?<![\w])(?i:is|was|be|been|being|as|remains?|remained|presumed\s+to\s+be|not)\s+|(?<=[,)]\s))"
    r"(?i:an)\s+(?P<span>(?i:alien|noncitizen|non-citizen))(?![\w\-])"
    r"(?!\s+(?i:registration|smuggl\w*|seaman|crewman|labor|land|property|enemy|corporation|species)\b)"
)
_AS_ALIEN_IN_LAW = re.compile(r"(?i:inspect\w*|regarded|treated|considered|classified|qualify|qualifies)\s+as\s*$")
# "now a citizen", "all citizens" (children born here), "became citizens"
_CITIZEN_NOW = re.compile(
    r"(?<![\w])(?i:now|all|both|became|become|becomes|are\s+now|were\s+all|are\s+all)\s+(?:(?i:a|an)\s+)?"
    r"(?P<span>(?:(?i:U\.\s?S\.|US|United\s+States|American|naturali[sz]ed)\s+)?(?i:citizens?))(?![\w\-])"
    r"(?!\s+(?i:of|from|journalists?|complaints?|review|patrol|groups?|advocates?)\b)"
)
# an agency's enforcement action on a person with words between them: "Deportation officers from ERO Harlingen made
# the apprehension", "ERO officers took Reyes-Alejandro into custody", "members of ICE ERO's Fugitive Operations Team
# arrested him"; not statistics ("arrested 73 immigration fugitives", "more than 500")
_ACTION_WORD = (r"(?P<verb>(?i:arrested|apprehended|detained|nabbed|re-?arrested|encountered|"
                r"made\s+the\s+(?:arrest|apprehension)|took\s+(?:[\w\-\.]+\s+){1,3}?into\s+(?:immigration\s+)?custody))")
_AGENCY_GAP_ACTION = re.compile(
    r"(?<![\w])" + _AGENCY_NAME + r"(?:['\u2019]s)?(?:[ \t]+(?!(?i:and|but|who|which|that)\b)[^\s.;:!?]+){0,6}?[ \t]+"
    + _ACTION_WORD + r"(?=[ \t]+(?!(?i:more|over|nearly|almost|about|approximately|some|dozens|hundreds)\b)(?!\d)\S)"
)
# headlines: "ICE removes repeat border violator ...", "ERO Baltimore apprehends Guatemalan noncitizen ..."
_HEADLINE = re.compile(
    r"(?m)^[ \t]*(?:ICE|ERO|CBP|USBP|HSI)(?:[ \t]+(?-i:[A-Z][a-z]{2,})){0,2}[ \t]+"
    r"(?P<verb>(?i:removes|deports|arrests|apprehends|detains|nabs|returns|repatriates|extradites))"
    r"(?=[ \t]+(?!\d)(?!(?i:more|over|nearly|dozens|hundreds)\b)\S)"
)
# "a native of India detained by the United States Immigration and Customs Enforcement (ICE) agency"
_ACTED_BY = re.compile(r"(?<![\w])(?i:detained|arrested|apprehended|deported|removed|caught|excluded|intercepted|"
                       r"encountered|stopped|taken\s+into\s+custody|detained\s+continuously)(?=" + _BY_AGENCY.pattern + ")")
# "The deportation of Reyes-Alejandro", "the removal of the respondent"
_REMOVAL_OF = re.compile(
    r"(?<![\w])(?i:the|his|her|their)\s+(?P<span>(?i:deportation|removal|exclusion|expulsion))\s+(?i:of)\s+"
    r"(?=(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?(?-i:[A-Z][\w\-]+)(?![\w\-]*['\u2019]s)(?!\s+(?i:of|and)\b)|(?i:him|her|them|the\s+(?:respondent|"
    r"petitioner|applicant|defendant|noncitizen|alien|beneficiary))\b)"
)
# "presented herself to immigration officials at the U.S.-Mexico border", "presented himself at the port of entry"
_PRESENTED = re.compile(
    r"(?<![\w])(?i:presented|presenting|presents)\s+(?i:himself|herself|themselves)\s+(?i:to|at|before)\s+"
    r"(?:[^\s.;:]+\s+){0,6}(?i:border|port\s+of\s+entry|officials|officers|inspectors?|inspection|CBP|ICE)"
    r"(?:\s+(?i:at|near)\s+(?:the\s+)?(?:[^\s;:,]+\s+){0,2}?(?i:border|port(?:\s+of\s+entry)?|crossing))?(?![\w])"
)
# "an application under section 245 of the Act": relief the person applies for, named by its section
_SECTION_APPLICATION = re.compile(
    r"(?<![\w])(?i:(?:an?|his|her|their)\s+)?(?i:application|petition|motion)\s+(?i:under|pursuant\s+to)\s+"
    r"(?i:section|sec\.|\u00a7)\s*(?:245|212|240A|240B|209|210|244|249)(?:\([a-zA-Z0-9]{1,3}\))*"
    r"(?:\s+(?i:of\s+the\s+(?:Act|INA|Immigration\s+and\s+Nationality\s+Act)))?(?![\w])"
)
# "The Government removed IM from the United States", "deported him to Guatemala"
_REMOVED_PERSON = re.compile(
    r"(?<![\w])(?i:deported|removed|expelled|excluded)\s+(?:him|her|them|(?-i:[A-Z][\w\-]*))\s+"
    r"(?=(?i:from\s+(?:the\s+United\s+States|the\s+U\.S\.|this\s+country)|to\s+(?-i:[A-Z])|back\s+to)\b)"
)
# "in the custody of the Bureau of Immigration and Customs Enforcement (ICE)", "remain in U.S. Immigration and
# Customs Enforcement's (ICE) custody"
_AGENCY_CUSTODY = re.compile(
    r"(?<![\w])(?i:in|into|to|from)\s+(?:(?i:the)\s+)?(?i:custody)\s+(?i:of)\s+(?:(?i:the|U\.S\.|United\s+States|"
    r"Department\s+of\s+Homeland\s+Security,?|Bureau\s+of)\s+){0,4}" + _AGENCY_NAME + r"(?:\s*\((?:ICE|ERO|CBP|INS|DHS)\))?|"
    r"(?<![\w])(?i:in|into|to|from)\s+(?:(?i:U\.S\.|United\s+States)\s+)?" + _AGENCY_NAME
    + r"(?:['\u2019]s)?(?:\s*\((?:ICE|ERO|CBP|INS)\))?\s+(?i:custody|detention)(?![\w])"
)
# "his continued detention", "her current detention", "the respondent's detention" (with immigration words near)
_OWN_DETENTION = re.compile(
    r"(?<![\w])(?:(?i:his|her|their|petitioner['\u2019]s|respondent['\u2019]s)\s+)(?:(?i:continued|current|prolonged|"
    r"ongoing|present|indefinite|mandatory|immigration|civil)\s+)*(?P<span>(?i:detention))(?![\w])"
)
_CLASS_BEFORE = re.compile(r"(?i:deaths|people|detainees|individuals|persons|those|population|number|numbers)\s+$")
# "made a false claim to U.S. citizenship", "entered as a citizen", "sought admission in 1951 as a United States
# citizen", "admitted from time to time as a United States citizen"
_CITIZEN_BY_ENTRY = re.compile(
    r"(?<![\w])(?i:(?:made|making|make|makes|filed)\s+(?:a\s+)?false\s+claims?\s+(?:to|of)\s+(?:(?:U\.S\.|United\s+States|"
    r"American)\s+)?citizenship|(?:entered|admitted|re-?entered|sought\s+admission|applied\s+for\s+admission)"
    r"(?:\s+[^.;:\n]{0,30}?)?\s+as\s+an?\s+(?:(?:U\.S\.|United\s+States|American)\s+)?citizen)(?![\w])"
)
# "ICE took custody of him", "ERO assumed custody", "posted an immigration bond" (with immigration words near)
_TOOK_CUSTODY = re.compile(r"(?<![\w])(?i:took|assumed|taking|takes|assumes)\s+(?:(?i:physical)\s+)?(?i:custody)(?![\w])")
_POSTED_BOND = re.compile(r"(?<![\w])(?i:posted|paid|posts|posting)\s+(?:(?i:an?|his|her|the)\s+)?(?:(?i:immigration|"
                          r"delivery)\s+)?(?i:bond)(?![\w])")
# "the judge ordered Mr. Escobar removed from the United States": the order and the removal, the name between stays
# the PERSON it is
_ORDERED_NAMED = re.compile(
    r"(?<![\w])(?P<order>(?i:ordered|orders|ordering))\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?-i:[A-Z][\w\-\u2010]+)"
    r"(?:\s+(?-i:[A-Z][\w\-\u2010]+)){0,3}\s+(?P<verb>(?i:removed|deported|excluded)(?:\s+(?i:from\s+the\s+United\s+States|"
    r"to\s+(?-i:[A-Z][a-z]+)))?)(?![\w])"
)
# "ERO Baltimore apprehends Guatemalan noncitizen ...": a nationality and "noncitizen" said of one person
_DEMONYM_NONCITIZEN = re.compile(r"(?<=[a-z] )(?P<span>(?i:noncitizen|non-citizen))(?![\w\-])")
_DEMONYM_END = re.compile(r"(?-i:[A-Z][a-z]+(?:an|ese|ish|i|ch))\s$")
# "after reentering at an unknown place", "did not return until his reentry in 1999"
_REENTRY = re.compile(
    r"(?<![\w])(?i:after|before|upon|since|until|following|his|her|their)\s+(?P<span>(?i:re-?entry|re-?entering))(?![\w\-])"
)


# the words without which a reader cannot match (a cheap test on the lower-cased text before the regex runs)
_NEEDS: dict[str, tuple[str, ...]] = {
    "predicate": ("inadmissible", "deportable", "removable", "excludable"),
    "removed": ("deported", "removed", "expelled", "excluded"),
    "phrases": ("presented", "presenting", "presents", "section", "sec.", "\u00a7", "custody", "citizen"),
    "custody": ("custody", "bond", "detention"),
    "person": ("alien", "citizen", "entry", "entering", "deportation", "removal", "exclusion", "expulsion"),
    "order": ("order",),
    "held": ("center", "centre", "facility", "checkpoint", "station"),
    "agency": ("ice", "ero", "cbp", "ins", "usbp", "hsi", "dhs", "border", "immigration", "deportation", "fugitive",
               "apprehension", "homeland", "service"),
}


def findings(text: str) -> list[tuple[int, int, float]]:
    """Short status statements said of one person (spans and scores; the recognizer drops class sentences)."""
    low = text.lower()
    needs = {key: any(w in low for w in words) for key, words in _NEEDS.items()}
    out: list[tuple[int, int, float]] = []
    if needs["predicate"]:
        out += [(*m.span("span"), 0.7) for m in _PREDICATE.finditer(text) if _has_context(text, *m.span("span"))]
    if needs["removed"]:
        out += [(m.start(), m.start() + len(m.group().split()[0]), 0.7) for m in _REMOVED_PERSON.finditer(text)]
    if needs["phrases"]:
        for rx in (_PRESENTED, _SECTION_APPLICATION, _AGENCY_CUSTODY, _CITIZEN_BY_ENTRY):
            out += [(m.start(), m.end(), 0.7) for m in rx.finditer(text)
                    if not (rx is _AGENCY_CUSTODY and _CLASS_BEFORE.search(text, max(0, m.start() - 30), m.start()))]
    if needs["custody"]:
        for rx in (_TOOK_CUSTODY, _POSTED_BOND, _OWN_DETENTION):
            out += [(m.start(), m.end(), 0.6) for m in rx.finditer(text) if _has_context(text, *m.span())]
    if needs["person"]:
        out += _person_statements(text)
    if needs["order"]:
        for m in _ORDERED_NAMED.finditer(text):
            out += [(m.start("order"), m.end("order"), 0.7), (m.start("verb"), m.end("verb"), 0.7)]
    if needs["held"]:
        out += [(m.start(), m.end(), 0.7) for m in _HELD_THERE.finditer(text)]
    if needs["agency"]:
        out += [(m.start(), m.end(), 0.7) for m in _ACTED_BY.finditer(text)]
        out += _agency_actions(text)
    return out


def _person_statements(text: str) -> list[tuple[int, int, float]]:
    """"an alien" as what the person is, a reentry, "the deportation of X", "now a citizen", "Guatemalan noncitizen"."""
    out: list[tuple[int, int, float]] = []
    for rx in (_AN_ALIEN, _REENTRY, _REMOVAL_OF):
        for m in rx.finditer(text):
            if rx is _AN_ALIEN and _AS_ALIEN_IN_LAW.search(text, max(0, m.start() - 30), m.start() + 3):
                continue  # "avoiding inspection as an alien", "regarded as an alien": how the law treats someone
            if rx is _AN_ALIEN or _has_context(text, *m.span("span")):
                out.append((m.start("span"), m.end("span"), 0.6))
    for m in _CITIZEN_NOW.finditer(text):
        if not re.match(r"(?i:all|both)\s", m.group()) or _has_context(text, *m.span("span")) \
                or re.search(r"(?i:born\s+in)", text[max(0, m.start() - 150) : m.start()]):
            out.append((m.start("span"), m.end("span"), 0.6))
    for m in _DEMONYM_NONCITIZEN.finditer(text):
        if _DEMONYM_END.search(text, max(0, m.start() - 25), m.start()):
            out.append((m.start("span"), m.end("span"), 0.6))
    return out


def _agency_actions(text: str) -> list[tuple[int, int, float]]:
    """An agency's enforcement action with words between ("ERO officers took X into custody") and headlines."""
    out: list[tuple[int, int, float]] = []
    for rx in (_AGENCY_GAP_ACTION, _HEADLINE):
        for m in rx.finditer(text):
            start, end = m.span("verb")
            into = re.search(r"\s(?i:into)\s", m.group("verb")) if m.group("verb")[:4].lower() == "took" else None
            if into:  # "took [Reyes-Alejandro] into custody": the name between stays the PERSON it is
                out.append((start, start + 4, 0.7))
                start += into.start() + 1
            out.append((start, end, 0.7))
    return out

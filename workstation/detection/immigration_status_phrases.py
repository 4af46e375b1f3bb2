"""Patterns of status and proceedings in real legal and agency language: entry and presence, overstays,
removal, charges, detainers and custody, enforcement by an agency, and the sentences that state law in the
abstract (``immigration_status_recognizer``)."""

from __future__ import annotations

import re

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
_CHARGES_HEAD = re.compile(r"(?m)^[ \t]*(?:CHARGES?|Charges?|DEPORTABLE|EXCLUDABLE|INADMISSIBLE|REMOVABLE|LODGED|"
                           r"EXCLUDED(?:[ \t]+BY[ \t]+[A-Z][A-Z \t]{0,40})?)[ \t]*:")
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
    r"(?i:(?:his|her|their|my|your|our)|(?:previous|prior|earlier|former|last|first|second|third)|[A-Za-z]['\u2019]s|(?:afraid|fear|fearful|scared|terrified|risk|threat|"
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
           r"\s+Service)|Customs\s+and\s+Border\s+(?:Protection|Patrol)|(?:Enforcement|Detention)\s+and\s+Removal\s+Operations))")
_ENFORCE_VERB = (r"(?i:arrested|detained|apprehended|deported|deports|removed|removes|re-?arrested|"
                 r"took\s+(?:him|her|them)\s+into\s+custody|encountered)")
# a field office after the agency: "ERO Harlingen", "Enforcement and Removal Operations (ERO) Baltimore"
_FIELD_OFFICE = r"(?:\s*\((?:ICE|ERO|CBP|HSI|USBP|INS)\))?(?:\s+(?-i:[A-Z][a-z]{2,})(?:\s+(?-i:[A-Z][a-z]{2,}))?)?"
_AGENCY_ACTS = re.compile(
    r"(?<![\w])" + _AGENCY + _FIELD_OFFICE + r"(?:\s+(?i:officers?|agents?|officials?|personnel))?(?:\s*\((?:ICE|ERO|CBP|HSI|USBP|INS)\))?(?:\s+(?i:later|then|again|"
    r"subsequently|promptly|eventually))?\s+(?P<verb>" + _ENFORCE_VERB + r")(?=\s+(?:(?i:him|her|them|the|a|an|"
    r"mr|ms|mrs)\b|[A-Z]))"
)
_ACTED_BY_AGENCY = re.compile(
    r"(?<![\w])(?i:was|were|been|being|is|are)\s+(?:(?i:later|then|again|subsequently|eventually|finally)\s+)?"
    r"(?P<verb>" + _ENFORCE_VERB + r"|(?i:taken|placed)\s+into\s+(?:immigration\s+)?(?:custody|detention))"
    r"(?:\s+[^\s.;:]+){0,6}?\s+(?i:by)\s+(?:(?i:the|U\.S\.|United\s+States|Department\s+of)\s+){0,3}" + _AGENCY
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

# --- custody, detention authority, documents, attempts, false claims, presence (dev3 classes) -------------------
# "transferred her to Immigration and Customs Enforcement ("ICE") custody", "in CBP custody": the span is the custody.
_AGENCY_CUSTODY = re.compile(
    r"(?<![\w])(?i:in|into|to|from|under)\s+(?:(?i:the)\s+)?(?P<span>" + _AGENCY +
    r"(?:\s*\([\"\u201c]?(?:ICE|ERO|CBP|INS|USBP)[\"\u201d]?\))?\s+(?i:custody|detention))(?![\w])"
)
# detention under the INA's detention sections: "detained pursuant to 8 U.S.C. § 1226(a)", "held under section 236"
_DETENTION_AUTHORITY = re.compile(
    r"(?<![\w])(?i:detained|held|detention|custody|confined|confinement)\s+(?i:pursuant\s+to|under)\s+(?:(?i:the)\s+)?"
    r"(?:8\s*U\.?\s?S\.?\s?C\.?(?:A\.?)?\s*(?:\u00a7+\s*)?|(?i:section|sec\.)\s+|INA\s*(?:\u00a7+\s*)?|\u00a7+\s*)"
    r"(?:1225|1226|1231|235|236|241)(?:\s?\([a-zA-Z0-9]{1,3}\))*"
)
# "had no valid entry documents", "lacked proper immigration documents", "without immigration papers"
_NO_DOCUMENTS = re.compile(
    r"(?<![\w])(?i:(?:had|has|have|having|with|possessed|carried|carrying)\s+no|no|lacked|lacking|lacks|lack|without)\s+"
    r"(?:(?i:valid|proper|legal|required|unexpired|lawful|appropriate)\s+){0,2}(?i:entry|immigration|immigrant|travel)\s+"
    r"(?i:documents?|papers|visas?)(?![\w])"
)
# an attempted or achieved entry told as a story: "succeeded in entering the United States at the same port by
# presenting his social security card", "attempted to return to the United States using falsified documents"
_ATTEMPTED_ENTRY = re.compile(
    r"(?<![\w])(?i:(?:succeeded|succeeding|succeeds)\s+in\s+(?:re-?)?entering|(?:attempted|tried|sought|attempting|"
    r"trying|attempts|tries)\s+to\s+(?:re-?enter|enter|return\s+to|come\s+(?:back\s+)?(?:in)?to|gain\s+(?:entry|"
    r"admission)\s+(?:in)?to|be\s+admitted\s+to))\s+" + _US +
    r"(?:(?:\s+(?i:at|through|near)\s+[^.;:\n]{1,40}?)?\s+(?i:by|using|with|on)\s+(?:(?i:presenting|using|falsely|"
    r"willfully|wilfully|and)\s+){0,3}[^.;:\n]{0,50}?(?i:documents?|papers|passport|visa|card|citizenship|birth))?"
)
_APPLIED_ADMISSION = re.compile(r"(?<![\w])(?i:applied|applying|applies|apply)\s+for\s+"
                                r"(?i:admission|entry)(?![\w])(?!\s+(?i:to|into|at\s+(?:the\s+)?(?:university|college|school))\s+(?!" + _US + r"))")
_ADMITTED_AS = re.compile(
    r"(?<![\w])(?i:(?:was|were|been|being|is|be)\s+)?(?i:admitted|paroled|inspected\s+and\s+admitted)\s+"
    r"(?i:to|into)\s+" + _US + r"\s+(?i:as)\s+(?:(?i:an?)\s+)?(?:[\w-]+\s+){0,2}?(?i:citizen|national|visitor|student|"
    r"immigrant|nonimmigrant|permanent\s+resident|crewman|seaman|refugee|parolee|returning\s+resident|exchange\s+"
    r"visitor|tourist)(?![\w])"
)
# false claims to citizenship: "representing himself to be a citizen of the United States", "falsely claiming birth
# in the United States", "claiming to have been born in the United States"
_US_CITIZEN = r"(?:(?:United\s+States|U\.\s?S\.|American)\s+)?citizen(?:\s+of\s+" + _US + r")?(?!\s+(?:and\s+national\s+)?of\b)"
_FALSE_CLAIM = re.compile(
    r"(?<![\w])(?i:(?:(?:willfully|wilfully|knowingly)\s+and\s+)?(?:falsely\s+)?(?:represent(?:ed|ing|s)\s+"
    r"(?:himself|herself|themselves)\s+(?:to\s+be|as)\s+an?\s+" + _US_CITIZEN + r"|claim(?:ed|ing|s)?\s+(?:to\s+(?:be|"
    r"have\s+been)\s+(?:born\s+in\s+" + _US + r"|an?\s+" + _US_CITIZEN + r")|that\s+(?:he|she|they)\s+(?:was|were|is)\s+"
    r"an?\s+" + _US_CITIZEN + r"|birth\s+in\s+" + _US + r"|(?:United\s+States|U\.\s?S\.|American)\s+citizenship))"
    r"(?:\s+to\s+(?:gain|obtain|secure)\s+(?:entry|admission))?)(?![\w])"
)
# presence without right: "was in the U.S. unlawfully", "has remained in the United States without authority",
# "in the United States in violation of the Act"
_PRESENCE_TAIL = (r"(?i:in\s+" + _US + r"(?:,\s*|\s+)(?:unlawfully|illegally|without\s+(?:legal\s+|lawful\s+)?(?:status|"
                  r"authori[sz]ation|authority|permission|documents|papers)|in\s+violation\s+of\s+(?:the\s+)?(?:Act|"
                  r"law|immigration\s+laws?)))(?![\w])")
_UNLAWFUL_PRESENCE = re.compile(
    r"(?<![\w])(?:(?i:was|is|were|are|been|being)\s+(?:(?i:present|here|physically\s+present)\s+)?(?P<be>"
    + _PRESENCE_TAIL + r")|(?P<stay>(?i:remained|remains|remain|stayed|stays|lived|lives|living|resided|resides|"
    r"residing)\s+(?:(?i:present|here|physically\s+present)\s+)?" + _PRESENCE_TAIL + r"))"
)
_DEPART_VOLUNTARILY = re.compile(r"(?<![\w])(?i:depart|departed|departing)\s+" + _US + r"\s+(?i:voluntarily)(?![\w])")
_BOND_HEARING = re.compile(r"(?<![\w])(?i:(?:individuali[sz]ed\s+)?bond\s+(?:hearing|redetermination))(?![\w])")
# "the noncitizen", "this 37-year-old noncitizen": the person; not "the alien who ..." (law) nor "alien registration"
_THE_PERSON_NOUN = re.compile(
    r"(?<![\w])(?i:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?P<noun>(?i:noncitizen|non-citizen|alien))(?![\w\-])"
    r"(?!\s+(?i:who|that|whose|which|registration|smuggl\w*|file|number|card|status|labor|worker|children|'s)\b)"
    r"(?!['\u2019]s)"
)
# documents and detainee words of the older and the current law: "Alien Registration (Receipt) Card", "Order of
# Release on Recognizance" (I-220A), "civil immigration detainee", "repeat border violator", "waiver of documents"
_STATUS_NOUNS = re.compile(
    r"(?<![\w])(?i:alien\s+registration\s+(?:receipt\s+)?card|order\s+of\s+release\s+on\s+recognizance|"
    r"(?:civil\s+)?immigration\s+detainees?|civil\s+detainees?(?=\s+(?:at|in|held|being)\b)|"
    r"(?:repeat\s+|serial\s+)?border\s+violators?|waiver\s+of\s+(?:documents|(?:the\s+)?documentary\s+requirements?))(?![\w])"
)
# a person's arrest, detention or removal told in the passive without the agency ("He was detained and served with
# a notice of expedited removal", "was removed to Mexico"): the passive verb, in a sentence (or after one) about entry,
# the border or removal, and not about the police ("was arrested in Louisiana and charged with prostitution").
_PASSIVE_ENFORCEMENT = re.compile(
    r"(?<![\w])(?i:was|were|been|being)\s+(?:(?i:also|then|later|again|never|once|twice|first|(?-i:[a-z]+ly))\s+)?(?P<verb>(?i:arrested|detained|apprehended|re-?arrested|"
    r"removed|deported))(?![\w])"
)
_REMOVED_TO_COUNTRY = re.compile(r"^\s+(?i:to)\s+(?!the\s+(?:United|U\.)|(?:the\s+)?(?:custody|jail|prison|hospital|"
                                 r"station|precinct|facility|center|centre|court)\b)(?:the\s+)?[A-Z]")
_ENFORCEMENT_CUE = re.compile(
    r"(?<![\w])(?:ICE|ERO|CBP|INS|USBP|DHS|(?i:border|immigration|entered|entry|entries|inspection|inspected|"
    r"admission|removal|deportation|expedited|asylum|visa|illegally|unlawfully))(?![\w])"
)
_POLICE_CUE = re.compile(r"(?<![\w])(?:NYPD|(?i:police|sheriff|trooper|precinct|charged\s+with|convicted|indicted|"
                         r"criminal\s+court|warrant\s+for\s+(?:his|her)\s+arrest|DWI|DUI))(?![\w])")
# an entry said of a person, with no manner: "Jackson entered the United States on April 26, 2006", "the respondent
# entered the United States at or near Otay Mesa", "He reentered again in 2005" (entry history; goods and buildings
# have no such subject)
_PERSON_SUBJECT = (r"(?:(?<![\w])(?:[Hh]e|[Ss]he|[Tt]hey|(?i:the\s+)?(?:respondent|applicant|petitioner|defendant|"
                   r"beneficiary|noncitizen|alien|appellant))|(?<![\w.])(?!(?:The|It|This|That|Who|Which|What|Mexico|"
                   r"Canada|Goods|Cargo|Nobody|Everyone)\b)[A-Z][a-z]+(?:[-\u2010][A-Z][a-z]+)?)")
_PERSON_ENTERED = re.compile(
    r"(?:" + _PERSON_SUBJECT + r"|(?<=,)(?=\s+(?i:first|last|later|subsequently|thereafter|again|then|originally)\s))"
    r"(?:\s+(?i:had|has|may\s+have|might\s+have|first|last|later|again|subsequently|then|"
    r"thereafter|originally|initially|allegedly|apparently|eventually)){0,2}\s+(?P<verb>(?i:(?:entered|re-?entered)\s+"
    + _US + r"|re-?entered(?=\s+(?:again|illegally|unlawfully|in\s+\d|on\s+|an?\s+(?:additional|second|third|fourth)|"
    r"after|without|at|near|through|sometime))))(?![\w])"
)
# 8 U.S.C. 1326: "had not received the consent of the Attorney General to reapply for admission"
_NO_CONSENT = re.compile(
    r"(?<![\w])(?i:(?:had|has|have|did|does)\s+not\s+(?:(?:first|previously)\s+)?(?:received|obtained|receive|obtain|"
    r"applied\s+for|apply\s+for|sought|seek)|without\s+(?:having\s+)?(?:(?:first|previously)\s+)?(?:obtaining|receiving|"
    r"the))\s+(?:(?i:the)\s+)?(?:(?i:express)\s+)?(?i:consent|permission)\s+(?i:of|from)\s+(?:(?i:the)\s+)?"
    r"(?:(?i:Attorney\s+General)|(?i:Secretary\s+of\s+(?:the\s+Department\s+of\s+)?Homeland\s+Security))"
    r"(?:\s+(?i:of\s+the\s+United\s+States))?(?:\s+(?i:to\s+(?:re-?apply\s+for\s+admission|re-?apply|re-?enter|return)))?"
)
# admission decided on a person: "denied admission", "(derivatively) entitled to admission to the United States"
_ADMISSION_DECIDED = re.compile(
    r"(?<![\w])(?i:(?:(?:was|were|been|be|is)\s+)?(?:refused|denied)\s+(?:admission|entry|parole)|(?:derivatively\s+)?"
    r"(?:entitled|eligible|inadmissible)\s+(?:to\s+)?(?:admission|be\s+admitted))(?![\w])(?!\s+(?:to|into)\s+(?!" + _US + r"))"
    r"(?:\s+(?i:to|into)\s+" + _US + r")?"
)
_ARRIVED_HERE = re.compile(r"(?<![\w])(?i:arrived|arriving|arrives)\s+(?i:in)\s+" + _US + r"(?![\w])")
_RELEASED_SUPERVISED = re.compile(r"(?<![\w])(?i:release[ds]?\s+(?:him\s+|her\s+|them\s+)?under\s+(?:an?\s+)?(?:order\s+of\s+)?"
                                  r"supervision)(?![\w])")
# entries as a noun: "multiple subsequent entries into the United States without being admitted"
_ENTRY_NOUN = re.compile(
    r"(?<![\w])(?i:(?:(?:multiple|several|repeated|numerous|subsequent|prior|previous|later|last|first|illegal|"
    r"unlawful|two|three|four|five)\s+){0,3}entr(?:y|ies)\s+(?:in)?to\s+" + _US + r"(?:\s+|,\s*)" + _MANNER + r")(?![\w])"
)
# reinstatement of the person's order: "Form I-871, Notice of Intent/Decision to Reinstate Prior Order",
# "reinstatements of that order", "reinstated the prior removal order"
_REINSTATEMENT = re.compile(
    r"(?<![\w])(?i:(?:Form\s+I-871,?\s+)?Notice\s+of\s+Intent(?:\s*/\s*Decision)?\s+to\s+Reinstate\s+(?:a\s+)?Prior\s+"
    r"Order|reinstatements?\s+of\s+(?:that|the|his|her|their|this|a)\s+(?:prior\s+)?(?:(?:removal|deportation|"
    r"exclusion)\s+)?order|reinstat(?:ed|ing)\s+(?:his|her|their|the|a)\s+(?:prior\s+)?(?:(?:removal|deportation|"
    r"exclusion)\s+)?order(?:\s+of\s+(?:removal|deportation|exclusion))?)(?![\w])"
)
# "not eligible to receive any relief or benefits under the Act", "ineligible for relief from removal"
_RELIEF_BAR = re.compile(
    r"(?<![\w])(?i:(?:not\s+)?(?:eligible|ineligible)\s+(?:to\s+(?:receive|apply\s+for|seek)\s+|for\s+)(?:any\s+|the\s+)?"
    r"relief(?:\s+or\s+benefits?)?(?:\s+(?:under\s+(?:this|the)\s+Act|from\s+(?:removal|deportation)))?)(?![\w])"
)

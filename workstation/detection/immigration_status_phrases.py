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
    r"without\s+(?:(?:being|having\s+been)\s+)?(?:a\s+(?:lawful|legal|valid)\s+admission|(?:immigration\s+)?inspection|inspected|admission|admitted|parole|paroled|permission|"
    r"(?:(?:legal|lawful|proper|prior)\s+)?authori[sz]ation|authority|documents|papers|a\s+visa|(?:a\s+)?valid\s+(?:visa|documents)|"
    r"(?:legal|lawful)\s+status)"
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
    r"(?:authori[sz]ed|permitted|allowed)\s+(?:stay|period)|"
    # "remained in the United States beyond the time authorized"
    r"(?:the\s+)?(?:time|period|date)\s+(?:authori[sz]ed|permitted|allowed)))(?![\w])"
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
    r"(?<![\w])(?i:(?:(?:charged|chargeable|charging|charges)\s+(?:(?:him|her|them|the\s+[a-z]+)\s+)?(?:with\s+(?:being\s+)?|as\s+(?:being\s+)?(?:an?\s+)?)?|"
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
    r"(?P<verb>" + _ENFORCE_VERB + r"|(?i:taken|placed)\s+into\s+(?:immigration\s+)?(?:custody|detention)|"
    # "was approached by a U.S. Border Patrol agent", "was discovered in the King County Jail ... by ERO officers"
    r"(?i:approached|questioned|interviewed|discovered|located|identified))"
    # "encountered, with a family member, Feb. 19 by U.S. Customs and Border Protection"
    r"(?:,?\s+(?:[^\s.;:]+|(?-i:[A-Z][a-z]{2,3})\.)){0,9}?\s+(?i:by)\s+(?:(?i:the|an?|U\.S\.|United\s+States|Department\s+of|"
    r"(?-i:[A-Z][a-z]{2,})(?=\s+(?-i:ERO|ICE|CBP|HSI|USBP)\b))\s+){0,3}" + _AGENCY
)


# A class of people or events before a custody ("List of Deaths in ICE Custody", "the number of detainees in ICE
# custody"): not a person's custody. One test for every custody reader.
_CLASS_BEFORE = re.compile(r"(?i:deaths|people|detainees|individuals|persons|those|population|number|numbers|percent)"
                           r"\s+$")


# A sentence about a class of people, not a person: "An alien who entered ... is not an alien seaman", "A respondent
# in deportation proceedings who was excludable ...", "those who might be considering re-entering ...".
_GENERIC_NOUN = (r"(?:respondent|alien|applicant|noncitizen|non-citizen|crewman|seaman|person|individual|child|"
                 r"immigrant|nonimmigrant|petitioner|beneficiary|refugee|asylee|defendant|fugitive|violator|migrant)")
_GENERIC_SUBJECT = re.compile(
    r"(?:(?:^|(?<=[.!?:;,]\s)|(?<=[.!?:]\s\s)|(?<=\n)|(?<=[\"\u201c])|(?<=\bto\s)|(?<=\bfor\s)|(?<=\bthat\s))[ \t]*"
    r"(?:(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Nn]o)\s+(?:[\w\-]+\s+){0,2}?" + _GENERIC_NOUN
    # "An individual hearing on the petitioner's request": an adjective, not a class of people
    + r"(?!\s+(?:hearing|case|claim|application|determination|review|basis|assessment|interview|circumstances)\b)|"
    r"(?:[Aa]liens|[Nn]on-?citizens|[Aa]pplicants|[Ii]mmigrants|[Rr]espondents|[Nn]onimmigrants|[Cc]rewmen|[Ss]eamen|"
    r"[Rr]efugees)(?![\w\-])(?![ \t]*\n)(?![\"\u201d\u2019)]))(?![\w\-])|"
    # "those who had previously victimized him": people of the story unless the sentence states a rule ("those who
    # are not legally present will be removed"); a plural noun alone on its line is a caption ("Respondents")
    r"(?<![\w])(?:[Tt]hose|[Aa]nyone|[Ww]hoever)\s+(?:[\w\-]+\s+){0,4}?who(?![\w]))(?P<rest>)"
)
# The present tense or a modal in a sentence about "an alien": a rule, not a story ("An alien is inadmissible if ...";
# "A Honduran noncitizen who was removed in 2004 was arrested" is a story). An infinitive is neither ("an
# undocumented alien seeking to remain eligible for cancellation").
_RULE_VERB = re.compile(r"(?<![\w])(?<!\bto\s)(?:is|are|may|must|shall|can|cannot|might|will|would|accrues?|becomes?|remains?)(?![\w])")
# a full stop, also inside closing quotes or brackets ("... to their home country.” The ..."), or a blank line
# "... ineffective assistance of counsel.\n¶ 3 The prosecution charged ...": a full stop before a paragraph mark or at
# the end of a line ends a sentence too
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')\]]*(?=\s+[A-Z\d\"\u201c(\u00b6\u00a7])|[.!?][\"\u201d\u2019')\]]*(?=[ \t]*\n)|"
                           r"\n\s*\n")

_ORG_BEFORE = re.compile(r"(?:Office|Bureau|Department|Division|Center|Centre|Program|Council|Board|Service|Services|"
                         r"Committee|Commission|Unit|Section|Agency|Administration)\s+(?:of|for|on)\s+(?:the\s+)?$")
_ENTERED_PREMISES = re.compile(
    r"\s+(?i:the|a|an|his|her|their|said|into|onto|through)\s+(?!(?i:United\b|U\.?\s?S\b|US\b|USA\b|country\b|this\s+country|"
    r"the\s+(?:United|U\.?S|country)))"
)

"""Patterns of status told as a story in court opinions and agency releases: custody and detention authority, missing
documents, attempted entries, false claims to citizenship, presence without right, passive enforcement, a person's
entry, 8 U.S.C. 1326's missing consent, reinstatement, relief barred (``immigration_status_grammar`` runs them)."""

from __future__ import annotations

import re

from workstation.detection.immigration_status_phrases import _MANNER, _US
from workstation.detection.immigration_status_span import _AGENCY_NAME

# --- custody, detention authority, documents, attempts, false claims, presence (dev3 classes) -------------------
# "transferred her to Immigration and Customs Enforcement ("ICE") custody", "in CBP custody", "in the custody of the
# Bureau of Immigration and Customs Enforcement (ICE)", "remain in U.S. Immigration and Customs Enforcement's (ICE)
# custody": the custody with its preposition (a lead such as "transferred him" attaches to it). Not a class in
# custody ("deaths in ICE custody": ``_CLASS_BEFORE``).
_AGENCY_CUSTODY = re.compile(
    r"(?<![\w])(?i:in|into|to|from|under)\s+(?:(?i:the)\s+)?(?:(?i:custody)\s+(?i:of)\s+(?:(?i:the|U\.S\.|United\s+States|"
    r"Department\s+of\s+Homeland\s+Security,?|Bureau\s+of)\s+){0,4}" + _AGENCY_NAME
    + r"(?:\s*\([\"\u201c]?(?:ICE|ERO|CBP|INS|DHS)[\"\u201d]?\))?|(?:(?i:U\.S\.|United\s+States)\s+)?" + _AGENCY_NAME
    + r"(?:['\u2019]s)?(?:\s*\([\"\u201c]?(?:ICE|ERO|CBP|INS|USBP)[\"\u201d]?\))?\s+(?i:custody|detention))(?![\w])"
    r"(?!\s+(?i:and\s+removal))"  # "ICE Detention and Removal Operations": an office
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
    # "as a noncitizen not in possession of a valid document required for entry", "not in possession of a valid
    # unexpired immigrant visa or other valid entry document"
    r"|(?<![\w])(?i:not\s+in\s+possession\s+of\s+(?:an?\s+)?valid\s+(?:unexpired\s+)?(?:immigrant\s+visa|nonimmigrant\s+visa|"
    r"visa|entry\s+document|travel\s+document|document\s+required\s+for\s+entry)(?:\s+or\s+other\s+valid\s+entry\s+"
    r"document)?)(?![\w])"
    # "He had no documents with which to enter the United States"
    r"|(?<![\w])(?i:(?:had|has|have|having|with|possessed|carried|carrying)\s+no\s+(?:(?:valid|proper|legal)\s+)?"
    r"(?:documents?|papers)\s+(?:with\s+which\s+to|to)\s+(?:re-?)?enter(?:\s+(?:the\s+United\s+States|the\s+U\.S\.|"
    r"this\s+country))?)(?![\w])"
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
# "depart the United States voluntarily", "permitted to depart from the United States voluntarily", "the privilege
# of departing voluntarily from the United States"
_DEPART_VOLUNTARILY = re.compile(
    r"(?<![\w])(?i:depart|departed|departing)\s+(?:(?i:from)\s+)?" + _US + r"\s+(?i:voluntarily)(?![\w])"
    r"|(?<![\w])(?i:departing|depart)\s+(?i:voluntarily)\s+(?i:from)\s+" + _US
)
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
    r"removed|deported|encountered))(?![\w])"
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
_GRANTOR = (r"(?:(?i:the)\s+)?(?:(?i:Attorney\s+General)|(?i:Secretary\s+of\s+(?:the\s+)?(?:(?:U\.S\.\s+)?Department\s+of\s+)?"
            r"Homeland\s+Security))")
_NO_CONSENT = re.compile(
    r"(?<![\w])(?i:(?:had|has|have|did|does)\s+not\s+(?:(?:first|previously)\s+)?(?:received|obtained|receive|obtain|"
    r"applied\s+for|apply\s+for|sought|seek)|without\s+(?:having\s+)?(?:(?:first|previously)\s+)?(?:obtaining|receiving|"
    r"the))\s+(?:(?i:the)\s+)?(?:(?i:express)\s+)?(?i:consent|permission)\s+(?i:of|from)\s+(?:(?i:either)\s+)?"
    # "from either the Attorney General or the Secretary of Homeland Security to apply for readmission"
    r"(?:" + _GRANTOR + r")(?:\s+(?i:or)\s+" + _GRANTOR + r")?"
    r"(?:\s+(?i:of\s+the\s+United\s+States))?(?:\s+(?i:to\s+(?:re-?apply\s+for\s+admission|apply\s+for\s+re-?admission|"
    r"re-?apply|re-?enter|return)))?"
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

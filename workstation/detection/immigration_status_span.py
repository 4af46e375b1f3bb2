"""How far an IMMIGRATION_STATUS span reaches: every lead before and tail after a status statement, in one place.

A status finding from any reader of the recognizer is taken over the words a reader reads with it (issue 10,
item 3; measured on the real tuning sets: most sensitive words left readable after ``redact`` were in the part of a
found statement the span left out): a head noun ("H-2A [worker]"), the rest of the phrase ("[pending] TPS
[application]", "an [outstanding] order of deportation", "... [from the United States]"), how the person came to the
status ("[admitted to the United States as a] lawful permanent resident"), the agency that acted ("[detained] by the
United States Immigration and Customs Enforcement (ICE) agency"), the proceeding, the order and its form, where the
person was held, the grounds after inadmissible/deportable.

``complete`` applies, in this order: head nouns and fixed tails (``_HEAD_AFTER``, ``_TAILS``), the leads and the
pending/order modifiers around the span (``_LEAD_BEFORE``, ``_PENDING_BEFORE``, ``_ORDER_MODIFIER_BEFORE``), then
the leads that belong to some statements only (``_LEAD``, ``_PAIRED_LEADS``) and the tails that depend on how the
span ends (``_MORE_TAILS``, ``_GROUNDS``, ``_PROCEEDING_AFTER``, ``_HELD_AT``, ``_FORM_TAIL``, ``_BY_AGENCY``).
"""

from __future__ import annotations

import re

from workstation.detection import months
from workstation.detection.immigration_status_phrases import _AGENCY

# Head nouns that belong with the status before them: "H-2A worker", "T visa holder", "SIJS pending".
_HEAD_AFTER = re.compile(
    r"[ \t\-]+(?:(?i:visa)[ \t]+)?(?i:holders?|workers?|applicants?|recipients?|beneficiar(?:y|ies)|"
    r"petitioners?|(?:pending|granted|approved|denied|revoked|terminated|expired)(?![ \t]+[a-z])|overstay|"
    r"overstayer|students?|nonimmigrants?|status|noncitizens?|aliens?|crewm[ae]n|seam[ae]n|visitors?)(?![\w])"
)
# "an outstanding order of deportation", "a prior removal order", "an existing ICE detainer": the modifier belongs
# to the span (as in the listed "final order of removal", "active detainer").
_ORDER_MODIFIER_BEFORE = re.compile(
    r"(?<![\w])(?i:outstanding|final|prior|previous|active|standing|existing|old|unexecuted|valid|open|reinstated)"
    r"[ \t]+$"
)
_ORDER_PHRASE = re.compile(r"(?i:order|detainer|warrant)")
# "pending TPS application", "a pending U visa petition": the whole phrase around the status.
_PENDING_BEFORE = re.compile(r"(?<![\w])(?i:pending)[ \t]+$")
_APPLICATION_AFTER = re.compile(
    r"[ \t]+(?:(?i:visa|status|renewal|adjustment)[ \t]+)?(?i:applications?|petitions?|cases?|claims?|requests?|"
    r"renewals?|filings?|re-?registrations?)(?![\w])"
)
# the statute a relief is under: "the INA", "the Act", "the Immigration and Nationality Act ("INA")", "8 U.S.C.
# §§ 1158 and 1231(b)(3)(A)"
_STATUTE = (r"(?:(?:(?i:the)[ \t\n]+)?(?-i:INA|Act)\b|(?:(?i:the)[ \t\n]+)?(?i:Immigration[ \t\n]+and[ \t\n]+Nationality[ \t\n]+Act)"
            r"(?:[ \t\n]*\([\"\u201c]?(?-i:INA|Act)[\"\u201d]?\))?|8[ \t\n]+U\.S\.C\.[ \t\n]+\u00a7\u00a7?[ \t\n]*\d+[\w()]*"
            r"(?:(?:,|[ \t\n]+(?i:and))[ \t\n]+\d+[\w()]*)*)")
_TAILS = (
    re.compile(r"(?:(?<=present)|(?<=presence))(?:[ \t]+(?i:in[ \t]+the[ \t]+(?:United[ \t]+States|U\.?S\.?)))?"
               r"(?:[ \t]+(?i:for[ \t]+(?:more|less)[ \t]+than|"
               r"for[ \t]+over|for[ \t]+about|for[ \t]+nearly|for)[ \t]+(?:one|two|three|a|an|\d+|\w+)[ \t]+"
               r"(?i:years?|months?|days?))(?![\w])"),
    re.compile(r"(?<=[Ii]-\d\d\d)(?:[A-Z])?[ \t]+(?i:immigration[ \t]+detainer|detainer|warrant|notice)(?![\w])"),
    re.compile(r"(?<=[Ii]-\d\d\d)(?:[A-Z])?[ \t]+(?i:application|petition)(?:[ \t]+(?i:for)[ \t]+(?i:asylum|"
               r"adjustment[ \t]+of[ \t]+status|naturali[sz]ation|a[ \t]+waiver|employment[ \t]+authori[sz]ation|"
               r"TPS|relief))?(?![\w])"),
    re.compile(r"[ \t]+(?i:with)[ \t]+(?:\w+[ \t]+){0,2}?(?i:prior|previous)[ \t]+(?i:removals?|deportations?)(?![\w])"),
    re.compile(r"(?<=[Pp]aroled)[ \t]+(?i:into)[ \t]+(?:(?i:the)[ \t]+)?(?:(?i:ICE|immigration|federal)[ \t]+)?"
               r"(?i:custody|United[ \t]+States|U\.S\.)(?![\w])"),
    re.compile(r"[ \t]*\((?=[^()]{0,60}(?:Form|I-\d{3}|Notice))[^()]{1,60}\)"),
    # "a detainer from U.S. Immigration and Customs Enforcement ("ICE")": the agency that issued it
    re.compile(r"(?<=(?i:detainer))[ \t]+(?i:from|issued[ \t]+by|lodged[ \t]+by)[ \t]+(?:(?i:the)[ \t]+)?(?:U\.S\.[ \t]+)?"
               r"(?:(?-i:ICE|INS|DHS)\b|(?i:Immigration[ \t]+and[ \t]+(?:Customs[ \t]+Enforcement|Naturali[sz]ation[ \t]+"
               r"Service)|(?i:Department[ \t]+of[ \t]+Homeland[ \t]+Security)))(?:[ \t]*\([\"\u201c]?(?-i:ICE|INS|DHS)[\"\u201d]?\))?"),
    # the rest of the phrase a reader takes with it: "... order" / "... in lieu of deportation", "... of / from /
    # into / in the United States", an acronym in brackets "(CAT)", "(OSC)", "(NTAs)"
    re.compile(r"(?<![Oo]rder)[ \t]+(?i:order)(?![\w])(?![ \t]+(?i:of|to|that)\b)"),
    re.compile(r"[ \t]+(?i:in[ \t]+lieu[ \t]+of|pending|awaiting)[ \t]+(?i:deportation|removal|exclusion)(?![\w])"),
    re.compile(r"[ \t]+(?i:of|from|into|in|to)[ \t]+(?:(?i:the[ \t]+)?(?:United[ \t]+States|U\.S\.|US)(?![\w])"
               r"(?:[ \t]+(?i:of[ \t]+America))?|(?i:the|this)[ \t]+(?i:country)(?![\w]))"),
    re.compile(r"[ \t]*\((?:(?i:the)[ \t]+)?[\"\u201c]?(?:[A-Z][A-Za-z]?){1,4}s?[\"\u201d]?\)"),
    # "entered the United States at an unknown place and date", "on an unknown date and at an unknown location"
    re.compile(r"[ \t\n]+(?i:at|on|in|through)[ \t\n]+(?:(?i:an?)[ \t\n]+)?(?i:unknown)[ \t\n]+(?i:place|date|location|time|"
               r"point|port(?:[ \t]+of[ \t]+entry)?|manner)(?:(?:[ \t\n]*,)?[ \t\n]+(?:(?i:and|or)[ \t\n]+)?(?:(?i:at|on|in|"
               r"through)[ \t\n]+(?:(?i:an?)[ \t\n]+)?(?i:unknown)[ \t\n]+)?(?i:place|date|location|time|point|manner))*(?![\w])"),
    # "admitted as a visitor with authorization to remain in the U.S. for a temporary period not to exceed May 3,
    # 1999", "admitted until June 15, 1996": the end of the stay a status allowed
    re.compile(r"(?:[ \t\n]+(?i:for)[ \t\n]+(?i:a)[ \t\n]+(?i:temporary)[ \t\n]+(?i:period))?[ \t\n]+(?i:not[ \t\n]+to[ \t\n]+"
               r"exceed|until|for[ \t\n]+a[ \t\n]+period[ \t\n]+to[ \t\n]+expire[ \t\n]+on)[ \t\n]+(?:(?-i:" + months.FULL + r")[ \t\n]+\d{1,2},[ \t\n]+\d{4}|\d{1,2}[ \t\n]+(?-i:"
               + months.FULL + r")[ \t\n]+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})"),
    # "withholding of removal under the INA and CAT", "asylum, withholding of removal, and protection under the
    # Convention Against Torture (CAT)", "withholding of removal under the Immigration and Nationality Act ("INA"),
    # and relief under the United Nations Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment
    # or Punishment": the rest of the list of reliefs
    re.compile(r"(?:(?<=(?i:removal))|(?<=(?i:asylum))|(?<=(?i:deportation)))(?:[ \t\n]+(?i:under)[ \t\n]+" + _STATUTE + r")?"
               r"(?:[ \t\n]*,)?[ \t\n]+(?i:and|or)[ \t\n]+(?:(?i:for[ \t\n]+)?(?i:protection|relief)[ \t\n]+(?i:under)[ \t\n]+)?"
               r"(?:(?i:the)[ \t\n]+)?(?:(?i:United[ \t\n]+Nations)[ \t\n]+)?(?:(?-i:CAT)\b|(?i:Convention[ \t\n]+Against[ \t\n]+Torture)"
               r"(?:[ \t\n]*\((?:(?i:the)[ \t\n]+)?[\"\u201c]?(?-i:CAT)[\"\u201d]?\))?)"),
    # the Convention's full title: "the Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment
    # or Punishment ("CAT")"
    re.compile(r"(?<=(?i:torture))[ \t\n]+(?i:and)[ \t\n]+(?i:other)[ \t\n]+(?i:cruel),?[ \t\n]+(?i:inhuman),?[ \t\n]+"
               r"(?i:or)[ \t\n]+(?i:degrading)[ \t\n]+(?i:treatment)[ \t\n]+(?i:or)[ \t\n]+(?i:punishment)"
               r"(?:[ \t\n]*\((?:(?i:the)[ \t\n]+)?[\"\u201c]?(?-i:CAT|Convention)[\"\u201d]?\))?"),
    # "illegally re-entering U.S." (a headline without "the")
    re.compile(r"(?<=(?i:enter|ering|tered|entry))[ \t]+(?:(?i:the)[ \t]+)?(?:U\.S\.|United[ \t]+States)(?![\w])"),
)
# What belongs to a status span before it: "processed as an", "allowed to", "placed into", "sought".
_LEAD_BEFORE = re.compile(
    r"(?<![\w])(?i:processed\s+(?:(?:him|her|them)\s+)?as(?:\s+an?)?|allowed\s+to|permitted\s+to|granted|placed\s+(?:in|into|on)|"
    r"beneficiary\s+of\s+(?:an?|the)(?:\s+(?:approved|pending|denied))?|referred\s+(?:(?:him|her|them)\s+)?(?:in|into|to)|"
    # "granted him the privilege of departing voluntarily", "granted applicant the voluntary departure privilege"
    r"granted\s+(?:him|her|them|(?:the\s+)?(?:respondent|applicant|alien))\s+the|"
    r"taken\s+into|charged\s+(?:with|as)|qualified\s+for|held\s+in|detained\s+in|lodged|"
    # how the person came to the status, and its negation: "admitted to the United States as a lawful permanent
    # resident", "became a naturalized citizen", "never became a citizen", "did not derive citizenship",
    # "previously been deported", "statutorily precluded from receiving suspension of deportation"
    r"(?:admitted|entered|paroled)\s+(?:(?:to|into)\s+)?(?:the\s+)?(?:United\s+States|U\.S\.)\s+as(?:\s+an?)?|"
    r"(?:never\s+|not\s+)?(?:became|become|becomes)(?:\s+an?)?|(?:did|does|do)\s+not|never|"
    r"(?:has|had|have)?\s*(?:previously|already|again|twice|thrice)\s+(?:been)?|having\s+been|with\s+being|"
    r"(?:statutorily\s+)?(?:precluded|barred|ineligible)\s+from(?:\s+receiving)?|subject\s+to(?:\s+(?:mandatory|"
    r"discretionary|being))?|subjected\s+to(?:\s+an?)?|(?:has|had|have)\s+not\s+(?:yet\s+)?been|"
    # "her pending application for a U visa", "ineligible for CAT protection", "denial of his application for DACA"
    r"(?:pending\s+)?(?:applications?|petitions?|requests?)\s+for(?:\s+an?)?|(?:in)?eligib(?:le|ility)\s+"
    r"for(?:\s+an?)?)\s+$"
)

_S = r"[ \t]*\n?[ \t]*"  # a space that may wrap a line (not a blank line)
_AGENCY_NAME = (_AGENCY[:-1] + r"|(?i:Fugitive\s+Operations\s+Team|Criminal\s+Apprehension\s+Program|"
                r"Department\s+of\s+Homeland\s+Security|DHS|U\.S\.?\s+Border\s+Patrol|Immigration\s+&\s+Customs\s+Enforcement))")

# "[detained] by the United States Immigration and Customs Enforcement (ICE) agency": the agency that acted
_BY_AGENCY = re.compile(
    # "arrested a third time by USBP", "arrested by agents with U.S. Customs and Border Protection's (CBP) Border Patrol"
    r"(?:" + _S + r"(?i:an?|the)" + _S + r"(?i:second|third|fourth|fifth|\w+th|last)" + _S + r"(?i:time))?"
    + _S + r"(?i:by)" + _S + r"(?:(?i:the|an?|U\.S\.?|United\s+States|federal|Department\s+of(?:\s+Homeland\s+Security,?)?|"
    r"Bureau\s+of|designated|(?:agents?|officers?|officials?)\s+(?:with|of|from))" + _S + r"){0,4}" + _AGENCY_NAME
    + r"(?:['\u2019]s)?(?:" + _S + r"\([\"\u201c]?(?:ICE|ERO|CBP|INS|USBP|DHS|HSI)[\"\u201d]?\))?"
    + r"(?:" + _S + r"(?:ERO|HSI|(?i:Homeland\s+Security\s+Investigations|Enforcement\s+and\s+Removal\s+Operations|"
    r"Border\s+Patrol))"
    + r"(?:" + _S + r"\((?:ERO|HSI)\))?)?"
    + r"(?:" + _S + r"(?i:special|deportation|immigration|border\s+patrol))?"
    + r"(?:" + _S + r"(?i:officials?|officers?|agents?|agency|authorities|personnel))?(?![\w])"
)
_AGENCY_NAME_ALONE = re.compile(_AGENCY_NAME)
_ACTION_END = re.compile(r"(?i:detained|deported|removed|arrested|apprehended|custody|caught|excluded|held|"
                         r"encountered|detention|processed|reinstated|intercepted|stopped|continuously|admitted|"
                         r"paroled|inspected|parole|admission|inspection|arrest|approached|discovered|interviewed|questioned|"
                         r"transferred|(?:into|to|from)\s+(?:the\s+)?(?:country|United\s+States|U\.S\.))$")
# where the person was held: "[detained] at the Mesa Verde Detention Center", "[held] at Krome Service Processing
# Center in Miami pending his removal", "[detained] at the San Clemente border checkpoint"
_HELD_AT = re.compile(
    r"[ \t\n]+(?i:at|in)[ \t\n]+(?:the[ \t\n]+)?(?:[A-Z][\w.\-]*[ \t\n]+){0,5}?(?i:(?:(?:service[ \t\n]+)?processing|"
    r"detention|staging|correctional|contract)[ \t\n]+(?:center|centre|facility)|border[ \t\n]+(?:patrol[ \t\n]+)?"
    r"(?:checkpoint|station))(?:[ \t\n]+(?i:in)[ \t\n]+[A-Z][a-z]+(?:[ \t\n]+[A-Z][a-z]+)?)?"
    r"(?:[ \t\n]+(?i:pending|awaiting)[ \t\n]+(?:his|her|their)[ \t\n]+(?i:removal|deportation|hearing|trial))?(?![\w])"
)
_HELD_END = re.compile(r"(?i:detained|held|housed|confined|detention|custody)$")
# "a notice and order of expedited removal, Form I-860": the form's number goes with the order
_FORM_TAIL = re.compile(r"[ \t\n]*,?[ \t\n]+(?i:form)[ \t\n]+I-?\s?\d{3}[A-Z]?(?![\w])")
_FORM_END = re.compile(r"(?i:removal|deportation|appear|detainer|order|warrant)$")
# "deportation [proceeding]", "removal [hearing]": the noun the status word qualifies
_PROCEEDING_AFTER = re.compile(_S + r"(?i:proceedings?|hearings?|case)(?![\w])")
_PROCEEDINGS_END = re.compile(r"(?i:(?:removal|deportation|exclusion)\s+proceedings)$")
_AGAINST = re.compile(_S + r"(?i:against)(?:" + _S + r"(?i:him|her|them))?(?![\w])")
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
    # "ordered the noncitizen's removal in absentia", "Pending his removal to El Salvador"
    r"ordered\s+(?:the\s+(?:noncitizen|respondent|alien|applicant|petitioner)['\u2019]s|his|her|their)|"
    r"(?:pending|awaiting)\s+(?:his|her|their)|"
    r"(?:caught|arrested|detained|apprehended|excluded)\s+and)\s+\"?$"
)
_LEADS_TO = re.compile(r"(?i:removal|deportation|expedited|exclusion|deported|removed|excluded|orders?\b|detainer|"
                       r"re-?entry|proceedings?|custody|\"?withholding)")


# a lead that belongs only to some statements: (lead before the span, how the span starts)
_PAIRED_LEADS = (
    (re.compile(r"(?<![\w])(?i:attempted|tried|sought|attempting|trying|attempts|tries)\s+to\s+$"),
     re.compile(r"(?i:(?:illegally\s+|unlawfully\s+)?(?:re-?)?enter)")),
    (re.compile(r"(?<![\w])(?i:last|first|repeatedly|again|later|subsequently|illegally|unlawfully)\s+$"),
     re.compile(r"(?i:(?:re-?)?entered)")),
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
    # "after obtaining an immigrant visa", "as an arriving noncitizen without an immigrant visa" (not "on a [tourist
    # visa]": the shortest phrase that states the status)
    (re.compile(r"(?<![\w])(?i:without|obtain|obtained|obtaining)\s+(?i:an?)\s+$"), re.compile(r"(?i:(?:[\w\-]+\s+){0,2}?visa)")),
    # "applied for adjustment of status to that of an [alien lawfully admitted for permanent residence]"
    (re.compile(r"(?<![\w])(?i:adjustment\s+of\s+status|adjust(?:ed)?\s+(?:his|her|their)\s+status)\s+(?i:to)\s+"
                r"(?i:that\s+of\s+)?(?i:an?)\s+$"),
     re.compile(r"(?i:alien|noncitizen|lawful|permanent)")),
    (re.compile(r"(?<![\w])(?i:encountered|arrested|apprehended|detained|stopped|intercepted),?\s+(?i:and)\s+$"),
     re.compile(r"(?i:arrested|detained|apprehended|processed|removed|deported)")),
    # "his immigration status was adjusted to that of a [lawful permanent resident]"
    (re.compile(r"(?<![\w])(?i:(?:his|her|their)\s+(?:immigration\s+)?status\s+(?:was|had\s+been|has\s+been)\s+adjusted\s+"
                r"to(?:\s+that\s+of)?(?:\s+an?)?)\s+$"), re.compile(r"(?i:lawful|permanent|conditional)")),
    (re.compile(r"(?<![\w])(?i:form)\s+$"), re.compile(r"(?:I|N|EOIR)-?\s?\d{2,3}")),
    # "a Honduran citizen with a final order of removal", "who is subject to a final order of removal"
    (re.compile(r"(?<![\w])(?i:with|under|subject\s+to)\s+(?i:an?|the)\s+$"),
     re.compile(r"(?i:final\s+order|order\s+of\s+(?:removal|deportation|exclusion)|(?:removal|deportation)\s+order)")),
    # "is not a citizen of the United States", "was not a U.S. citizen"
    (re.compile(r"(?<![\w])(?i:not)(?:\s+(?i:an?))?\s+$"),
     re.compile(r"(?i:U\.S\.\s+citizen|United\s+States\s+citizen|American\s+citizen|citizen|lawful|permanent|legal)")),
    # "felony re-entry after deportation", "illegal re-entry"
    (re.compile(r"(?<![\w])(?i:felony|illegal|unlawful|criminal)\s+$"), re.compile(r"(?i:re-?entry|re-?entering)")),
    # "obtained lawful permanent resident status", "was granted asylum"
    (re.compile(r"(?<![\w])(?i:obtained|acquired|received|gained|got|attained)\s+$"),
     re.compile(r"(?i:lawful\s+permanent|permanent\s+resid|LPR|asylum|refugee\s+status|temporary\s+protected|TPS|"
                r"U\.S\.\s+citizenship|United\s+States\s+citizenship|citizenship|naturali)")),
    # "claimed to be a United States citizen", "alleged that he was a U.S. citizen"
    (re.compile(r"(?<![\w])(?i:claimed|claims|claiming|asserted|asserts|alleged|alleges|contends|contended|argued|"
                r"argues|maintains|maintained)\s+(?:to\s+be|that\s+(?:he|she|they)\s+(?:is|was|were|are))\s+(?:an?\s+)?$"),
     re.compile(r"(?i:(?:U\.S\.|United\s+States|American|native-born|naturali[sz]ed)\s+citizen|citizen)")),
    # "initiated removal proceedings", "ERO then commenced deportation proceedings"
    (re.compile(r"(?<![\w])(?i:initiated|commenced|instituted|began|begun|started|opened|reopened|terminated|"
                r"initiate|commence|institute)\s+$"),
     re.compile(r"(?i:(?:removal|deportation|exclusion)\s+proceedings)")),
    # "enrolled him in the Alternatives to Detention program", "released him on an order of recognizance"
    (re.compile(r"(?<![\w])(?i:enrolled|placed|released|put|terminated)\s+(?:(?:him|her|them)\s+)?(?i:in|on|into|from)"
                r"\s+(?:(?i:the|an?)\s+)?$"),
     re.compile(r"(?i:alternatives?\s+to\s+detention|ATD|ISAP|order\s+of\s+(?:recognizance|release|supervision)|"
                r"electronic\s+monitoring|intensive\s+supervision)")),
    # "released with instructions to report to ERO Washington"
    (re.compile(r"(?<![\w])(?i:released|paroled)\s+(?:(?:him|her|them)\s+)?(?i:with)\s+$"),
     re.compile(r"(?i:instructions\s+to\s+report)")),
    # the caption "In REMOVAL PROCEEDINGS", "in deportation proceedings"
    (re.compile(r"(?<![\w])(?i:in)\s+$"), re.compile(r"(?i:(?:removal|deportation|exclusion)\s+proceedings)")),
    # "entered ERO custody", "came into ICE custody"
    (re.compile(r"(?<![\w])(?i:entered|entering|enters|came\s+into|remanded\s+to)\s+$"),
     re.compile(r"(?:ICE|ERO|CBP|INS|(?i:immigration))\s+(?i:custody|detention)")),
    (re.compile(r"(?<![\w])(?i:remain|remains|remained|be\s+held|is\s+held|was\s+held)\s+in\s+$"),
     re.compile(r"(?i:(?:ICE|immigration|CBP)\s+custody)")),
    # "transferred him into ICE custody", "turned Garza over to ICE custody", "booked into ICE custody"
    (re.compile(r"(?<![\w])(?i:transferred|turned|released|booked|brought|handed|remanded|taken|transported|detained|"
                r"held|confined|kept|placed|remain|remains|remained)(?:\s+(?:him|her|them))?(?:\s+over)?\s+$"),
     re.compile(r"(?i:(?:in|into|to|from)\s+(?:the\s+)?(?:U\.S\.\s+)?(?:ICE|ERO|CBP|INS|immigration|Immigration\s+and|"
                r"custody\s+of))")),
    # "a twice-deported fugitive", "previously-removed"
    (re.compile(r"(?<![\w])(?i:twice|thrice|previously|once|repeatedly)[\-\u2010]$"),
     re.compile(r"(?i:deported|removed|excluded)")),
    # "a naturalized citizen of the United States"
    (re.compile(r"(?<![\w])(?i:naturali[sz]ed|native-born|natural-born|birthright)\s+$"),
     re.compile(r"(?i:citizens?|U\.\s?S\.|United\s+States|American)")),
    # "his immigration proceedings" held in custody pending their outcome
    (re.compile(r"(?<![\w])(?i:(?:in\s+(?:(?:ICE|ERO|immigration)\s+)?custody\s+)?pending\s+the\s+outcome\s+of"
                r"(?:\s+(?:his|her|their|the))?)\s+$"),
     re.compile(r"(?i:(?:removal|deportation|immigration|exclusion)\s+proceedings)")),
    # "had not applied to the Attorney General for permission to reenter", "applied for or received permission to
    # return to the United States"
    (re.compile(r"(?<![\w])(?i:(?:(?:had|has|have)\s+not\s+|never\s+|not\s+)?(?:applied|apply|applying)"
                r"(?:\s+to\s+the\s+(?:Attorney\s+General|Secretary(?:\s+of\s+(?:the\s+)?(?:U\.S\.\s+)?Department\s+of\s+"
                r"Homeland\s+Security|\s+of\s+Homeland\s+Security)?))?\s+for(?:\s+or\s+(?:received|obtained))?)\s+$"),
     re.compile(r"(?i:(?:the\s+)?(?:express\s+)?(?:consent|permission)\s+to\s+(?:re-?apply|re-?enter|return))")),
    # "an application for adjustment of status", "applied for asylum", "a request for a waiver"
    (re.compile(r"(?<![\w])(?i:applications?\s+for|appl(?:y|ied|ying|ies)\s+for|petitions?\s+for|requests?\s+for|"
                r"motions?\s+for|eligibility\s+for)(?:\s+(?:an?|the|his|her))?\s+$"),
     re.compile(r"(?i:adjustment|asylum|cancellation|suspension|withholding|naturali[sz]ation|(?:U\.S\.\s+|United\s+States\s+)?"
                r"citizenship|waiver|deferral|"
                r"parole|voluntary\s+departure|TPS|temporary\s+protected|permanent\s+residen|registry|a\s+waiver|"
                r"relief)")),
)
# what the status goes on to say: "[admission] after removal", "[detained] in ICE facilities", "[adjustment of
# status] to lawful permanent resident", "[deportation order] was reinstated"
# how often a person was deported: "twice", "three times", "on two previous occasions"
_HOW_OFTEN = (r"(?i:twice|(?:two|three|four|five|six|seven|several|multiple|\d+)\s+times|on\s+(?:two|three|four|five|several|"
              r"multiple|numerous|\d+)\s+(?:(?:previous|prior|separate|different)\s+)?occasions)")
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
    # "illegal reentry by a deported alien", "failed to depart the United States"
    (re.compile(r"(?i:re-?entry|entry)$"), re.compile(r"[ \t\n]+(?i:by|of)[ \t\n]+(?i:an?)[ \t\n]+(?:(?i:previously)[ \t\n]+)?"
                                                    r"(?i:deported|removed|excluded)[ \t\n]+(?i:alien|noncitizen)(?![\w])")),
    (re.compile(r"(?i:depart|departed|leave|left)$"),
     re.compile(r"[ \t\n]+(?i:the)[ \t\n]+(?:(?i:United)[ \t\n]+(?i:States)|U\.S\.|(?i:country))(?![\w])")),
    # "relative-immigrant visa petition", "deferral of removal under the Convention Against Torture", "Alternatives
    # to Detention program", "ICE custody pending immigration proceedings"
    (re.compile(r"(?i:visa)$"), re.compile(r"[ \t\n]+(?i:petition|application)s?(?![\w])")),
    (re.compile(r"(?i:removal|withholding|deferral|protection)$"),
     re.compile(r"[ \t\n]+(?i:under)[ \t\n]+(?i:the)[ \t\n]+(?:(?i:Convention[ \t\n]+Against[ \t\n]+Torture)|CAT)"
                r"(?:[ \t\n]*\((?:CAT|\u201cCAT\u201d|\"CAT\")\))?")),
    (re.compile(r"(?i:detention)$"), re.compile(r"[ \t\n]+(?i:program|programme)(?![\w])")),
    (re.compile(r"(?i:custody|detention)$"),
     re.compile(r"[ \t\n]+(?i:pending|awaiting)[ \t\n]+(?:(?i:the[ \t\n]+outcome[ \t\n]+of)[ \t\n]+)?"
                r"(?:(?i:his|her|their|the)[ \t\n]+)?(?i:removal|deportation|"
                r"immigration|exclusion)(?:[ \t\n]+(?i:proceedings|hearing|case|trial))?(?![\w])")),
    # "adjusted status to that of a lawful permanent resident", "status was adjusted to lawful permanent resident"
    (re.compile(r"(?i:adjusted[ \t\n]+(?:(?:his|her|their)[ \t\n]+)?status|status[ \t\n]+was[ \t\n]+adjusted)$"),
     re.compile(r"[ \t\n]+(?i:to)[ \t\n]+(?:(?i:that)[ \t\n]+(?i:of)[ \t\n]+)?(?:(?i:an?)[ \t\n]+)?(?i:lawful[ \t\n]+)?"
                r"(?i:permanent[ \t\n]+resident)(?:[ \t\n]+(?i:status))?(?![\w])")),
    # "deported again", "removed twice", "deported on two previous occasions"
    (re.compile(r"(?i:deported|removed|excluded|returned)$"),
     re.compile(r"[ \t]+(?i:again|once\s+more|once\s+again|" + _HOW_OFTEN + r")(?![\w])")),
    # "encountered and arrested", "apprehended and detained", "encountered and interviewed": the second act of the pair
    (re.compile(r"(?i:apprehended|encountered|arrested|detained|intercepted|stopped)$"),
     re.compile(r"[ \t\n]*,?[ \t\n]+(?i:and)[ \t\n]+(?i:detained|arrested|removed|deported|interviewed|processed|"
                r"fingerprinted|released|returned)(?![\w])")),
    # "became a citizen by marriage", "deportation be suspended"
    (re.compile(r"(?i:citizen|citizenship)$"),
     re.compile(r"[ \t\n]+(?i:by|through)[ \t\n]+(?i:marriage|naturali[sz]ation|derivation)(?![\w])")),
    (re.compile(r"(?i:deportation|removal)$"), re.compile(r"[ \t\n]+(?i:be)[ \t\n]+(?i:suspended|cancell?ed)(?![\w])")),
    # "special rule cancellation of removal under the Nicaraguan Adjustment and Central American Relief Act (NACARA)"
    (re.compile(r"(?i:removal|relief|status|asylum|adjustment|cancellation|deportation|withholding)$"),
     re.compile(r"[ \t\n]+(?i:under)[ \t\n]+(?i:the)[ \t\n]+(?:(?-i:[A-Z][\w\-]*)[ \t\n]+(?:(?i:and|of)[ \t\n]+)?){1,8}(?-i:Act)"
                r"(?:[ \t\n]*\([A-Z]{2,8}\))?(?![\w])")),
    # "did not depart within the period of time granted"
    (re.compile(r"(?i:did[ \t\n]+not[ \t\n]+depart|failed[ \t\n]+to[ \t\n]+depart|has[ \t\n]+not[ \t\n]+departed)$"),
     re.compile(r"[ \t\n]+(?i:within)[ \t\n]+(?i:the)[ \t\n]+(?i:period|time)(?:[ \t\n]+(?i:of)[ \t\n]+(?i:time))?"
                r"(?:[ \t\n]+(?i:granted|allowed|authorized|permitted))?(?![\w])")),
    # "deported from the United States on three occasions"
    (re.compile(r"(?i:(?:deported|removed|excluded)[ \t\n]+from[ \t\n]+(?:the[ \t\n]+United[ \t\n]+States|the[ \t\n]+U\.S\.))$"),
     re.compile(r"[ \t]+" + _HOW_OFTEN + r"(?![\w])")),
    # the charge of 8 U.S.C. 1182(a)(6)(A)(i): "arrived in the United States at any time or place other than as
    # designated by the Attorney General"
    (re.compile(r"(?i:United[ \t\n]+States|U\.S\.)$"),
     re.compile(r"[ \t\n]+(?i:at)[ \t\n]+(?i:any)[ \t\n]+(?i:time)[ \t\n]+(?i:or)[ \t\n]+(?i:place)[ \t\n]+(?i:other)[ \t\n]+"
                r"(?i:than)[ \t\n]+(?i:as)[ \t\n]+(?i:designated)[ \t\n]+(?i:by)[ \t\n]+(?i:the)[ \t\n]+(?:(?i:Attorney)[ \t\n]+"
                r"(?i:General)|(?i:Secretary)(?:[ \t\n]+(?i:of)[ \t\n]+(?i:Homeland)[ \t\n]+(?i:Security))?)(?![\w])")),
    # "removed from the U.S. by way of an ICE Air Operations charter flight", "deported aboard a charter flight"
    (re.compile(r"(?i:removed|deported|repatriated|returned|United[ \t\n]+States|U\.S\.)$"),
     re.compile(r"[ \t\n]+(?i:by[ \t\n]+way[ \t\n]+of|aboard|on[ \t\n]+board|onboard|via|on)[ \t\n]+(?i:an?|the)[ \t\n]+"
                r"(?:(?i:ICE|ICE['\u2019]s|IAO|ERO)[ \t\n]+)?(?:(?i:Air)[ \t\n]+(?i:Operations)(?:[ \t\n]*\((?:IAO)\))?[ \t\n]+)?"
                r"(?:(?i:charter(?:ed)?|removal|special|commercial)[ \t\n]+)?(?i:flight|aircraft|air[ \t\n]+charter)(?![\w])")),
    # "admitted on a visa permitting him to remain in the United States"
    (re.compile(r"(?i:visa)$"),
     re.compile(r"[ \t\n]+(?i:permitting|allowing|authorizing)[ \t\n]+(?i:him|her|them)[ \t\n]+(?i:to)[ \t\n]+(?i:remain|stay)"
                r"[ \t\n]+(?i:in)[ \t\n]+(?:(?i:the)[ \t\n]+(?i:United)[ \t\n]+(?i:States)|(?i:the)[ \t\n]+U\.S\.|(?i:this)[ \t\n]+"
                r"(?i:country))(?![\w])")),
    # "reentered the United States following an earlier deportation without the Attorney General's permission"
    (re.compile(r"(?i:deportation|removal|deported|removed|re-?entered|re-?entry|United[ \t\n]+States)$"),
     re.compile(r"[ \t\n]+(?i:without)[ \t\n]+(?:(?i:the)[ \t\n]+)?(?:(?i:Attorney[ \t\n]+General|Secretary)['\u2019]s[ \t\n]+)?"
                r"(?:(?i:express)[ \t\n]+)?(?i:permission|consent)(?:[ \t\n]+(?i:of)[ \t\n]+(?i:the)[ \t\n]+"
                r"(?i:Attorney[ \t\n]+General))?(?![\w])")),
    # "excludable from admission to the United States", "a Fugitive Alien Removal (FAR) case", "an I-130 Alien
    # Relative Petition"
    (re.compile(r"(?i:excludable|inadmissible)$"),
     re.compile(r"[ \t\n]+(?i:from)[ \t\n]+(?i:admission)(?:[ \t\n]+(?i:in)?(?i:to)[ \t\n]+(?i:the)[ \t\n]+"
                r"(?i:United[ \t\n]+States))?(?![\w])")),
    (re.compile(r"(?i:fugitive[ \t\n]+alien)$"),
     re.compile(r"[ \t\n]+(?i:removal)(?:[ \t\n]*\(FAR\))?(?:[ \t\n]+(?i:cases?|program|operations?))?(?![\w])")),
    (re.compile(r"[Ii]-130[ \t\n]+(?i:alien)$"), re.compile(r"[ \t\n]+(?i:relative)[ \t\n]+(?i:petition)(?![\w])")),
    # "reentered the United States once again"
    (re.compile(r"(?i:United[ \t\n]+States|U\.S\.)$"), re.compile(r"[ \t]+(?i:once\s+again|once\s+more|again)(?![\w])")),
    # "illegally entered the United States for the fourth time"
    (re.compile(r"(?i:entered|re-?entered|deported|removed|United[ \t\n]+States|U\.S\.)$"),
     re.compile(r"[ \t\n]*(?:[\u2014\u2013]|--?)?[ \t\n]*(?i:for)[ \t\n]+(?i:the)[ \t\n]+(?i:first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)|"
                r"last)[ \t\n]+(?i:time)(?![\w])")),
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
    start, end = _around(text, start, _head_and_tails(text, end))
    led = _leads(text, start)
    if led != start:  # "Form" before "I-130", then "the beneficiary of an approved" before "Form I-130"
        start, end = _around(text, led, end)
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
        span = text[start:end]
    if _PROCEEDING_END.search(span):
        tail = _PROCEEDING_AFTER.match(text, end)
        if tail:
            end = tail.end()
            span = text[start:end]
    if _PROCEEDINGS_END.search(span):  # "initiated removal proceedings against him" (a name after stays a PERSON)
        against = _AGAINST.match(text, end)
        end = against.end() if against else end
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


def _head_and_tails(text: str, end: int) -> int:
    """The end of a status span, taken over a head noun after it ("H-2A" -> "H-2A worker") and the fixed tails."""
    head = _HEAD_AFTER.match(text, end, min(len(text), end + 30))
    end = head.end() if head else end
    for rx in _TAILS:
        tail = rx.match(text, end, min(len(text), end + 240))
        if tail:
            end = tail.end()
    return end


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """A span taken over its lead, "pending ... application" and "an outstanding order of ..." around it."""
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

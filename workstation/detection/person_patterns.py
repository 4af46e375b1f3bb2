"""The PERSON recognizer's cue patterns, compiled once per recognizer from its word lists."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from workstation.detection.person_lexicon import (
    _alternation,
    _load,
    _title_regex,
    _vocab,
)


class _PersonPatterns(EntityRecognizer):
    """Scores and compiled cue patterns; ``load`` builds them (Presidio calls it from ``__init__``)."""

    ENTITIES = ["PERSON"]
    version = "1.0"

    LABEL_SCORE = 0.8
    TITLE_SCORE = 0.75
    PHRASE_SCORE = 0.7
    ROSTER_SCORE = 0.7
    LIST_SCORE = 0.55
    REPEAT_SCORE = 0.5

    def load(self) -> None:
        v = _vocab()
        self._stop = v.stop
        self._titles = v.title_words
        self._label_words = v.label_words
        self._particles = v.particles
        self._places = v.places
        self._regions = v.regions
        self._street_types = v.street_types
        gap = r"(?:^|(?<=\t)|(?<=[ \t]{2})|(?<=\|)|(?<=;)|(?<=\|[ \t])|(?<=;[ \t]))"
        # "Victim:", "Witness #2:", "Victim 1 Name:", "Name (Last, First):", "NAME OF VICTIM:"
        self._label_re = re.compile(
            r"(?m)" + gap + r"[ \t]*(?:[-•*·][ \t]*)?(?i:(?:" + _alternation(v.labels) +
            r"))(?:[ \t]*(?:#[ \t]*)?\d{1,2})?(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*:[ \t]*"
        )
        self._title_re = _title_regex(v.titles)
        phrases = _load("person_cue_phrases.txt")
        self._phrase_re = re.compile(
            r"(?<![\w'])(?i:" + _alternation(phrases) + r")(?:[ \t]*,)?[ \t]+(?:(?i:a|an|the)[ \t]+)?"
        )
        # The cue "a man named", "a woman who identified herself as" handled by "named"/"identified ... as".
        # a row number: "1.", "1)", "(1)", a bullet, or a bare "1" followed by a column gap/tab/pipe
        self._roster_re = re.compile(r"(?m)^[ \t]*(?:(?:\d{1,3}[.)]|[-•*·]|\(\d{1,3}\))[ \t]*|"
                                     r"\d{1,3}(?:\t|[ \t]{2,}|[ \t]*\|[ \t]*)[ \t]*|\d{1,3}[ ](?=[^\W\d_][^,\n\t|]{0,40},))?(?=\S)")
        self._row_number_re = re.compile(r"(?m)(?:(?:\d[.)]|[-•*·)])[ \t]*|^[ \t]*\d{1,3}(?:\t|[ \t]{2,}|[ \t]*\|)[ \t]*)$")
        # e-mail header lines and their display names: From: "Diallo, Aminata (ICE)" <...>; To: Wei Chen <...>
        self._mail_header_re = re.compile(r"(?im)^[ \t>]*(?:from|to|cc|bcc|reply-to|sender|de|para|von|an)[ \t]*:"
                                          r"([^\n]*)$")
        self._display_re = re.compile(r'"([^"\n]{2,80})"[ \t]*<|(?<=[;,:])[ \t]*([^"<>;,:@\n]{2,60}?)[ \t]*<')
        self._mail_context_re = re.compile(r"(?im)^[ \t>]*(?:from|to|cc|sent|date)[ \t]*:")
        # subject / topic lines: the name at the end, after " - ", ": " or "of" ("Topic: INTERVIEW OF WEI ZENG")
        self._heading_re = re.compile(r"(?im)^[ \t]*(?:subject|topic|re|regarding|title|asunto|objet)[ \t]*:"
                                      r"[ \t]*([^\n]*)$")
        self._heading_sep_re = re.compile(r"[ \t]+[-–—/][ \t]+|:[ \t]+|\b(?i:of|re|regarding|concerning|for|"
                                          r"about|on[ \t]+behalf[ \t]+of)[ \t]+")
        # greetings ("Dear Ms. Brown:", "Good morning Daysi,") and sign-offs ("Sincerely,\n\nLt. Ana Ruiz")
        self._greeting_re = re.compile(r"(?im)^[ \t]*(?:dear|hi|hello|hey|greetings|good[ \t]+(?:morning|afternoon|"
                                       r"evening|day)|attn\.?|attention|estimad[oa]s?|hola|bonjour)[ \t]*,?[ \t]+")
        self._closing_re = re.compile(
            r"(?im)^[ \t]*(?:(?:very[ \t]+)?(?:sincerely|truly|respectfully|faithfully|cordially)(?:[ \t]+yours)?|"
            r"yours[ \t]+(?:truly|sincerely|faithfully|respectfully)|respectfully[ \t]+submitted|"
            r"(?:best|kind|warm|warmest|with)?[ \t]*regards|best(?:[ \t]+wishes)?|thanks(?:[ \t]+again)?|"
            r"thank[ \t]+you|many[ \t]+thanks|cheers|v/r|r/s|atentamente|saludos|cordialement)"
            r"[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(?:/s/[ \t]*)?")
        # a line holding only a name, right above a street address line (letter address blocks)
        self._above_address_re = re.compile(r"(?m)^[ \t]*(?=[^\W\d_])([^\n]{2,60}?)[ \t]*\n(?=[ \t]*"
                                            r"(?:\d{1,6}(?:-\d{1,5})?|One|Two)[ \t]+[\w.])")
        # "I, Ana Ruiz, state the following"
        self._i_comma_re = re.compile(r"(?m)(?:^|(?<=[.!?:][ \t]))[ \t]*I,[ \t]+")
        # right-hand cues of a name: "Imran Singh, age 57,", "Ama Keita (DOB ...)", "X, a Malian national",
        # "Carmen Ortiz (cousin)", "X's wallet"
        relations = ("cousin|friend|sister|brother|mother|father|aunt|uncle|wife|husband|spouse|son|daughter|niece|"
                     "nephew|neighbou?r|partner|boyfriend|girlfriend|fianc[ée]e?|employer|landlord|landlady|roommate|"
                     "grandmother|grandfather|grandson|granddaughter|stepfather|stepmother|guardian|coworker|"
                     "co-worker|attorney|lawyer|sibling|relative|child|parent|in-law")
        self._appositive_re = re.compile(
            r"(?<=[^\W\d_.])(?:[ \t]*,[ \t]*(?:age[d]?[ \t]*:?[ \t]*\d|(?-i:DOB|D\.O\.B|B/D)|(?i:d/o/b|born|date[ \t]+"
            r"of[ \t]+birth)\b|an?[ \t]+(?:[\w-]+[ \t]+)?(?:national|citizen)\b)"
            r"|[ \t]*,?[ \t]*\(+[ \t]*(?:(?-i:DOB|D\.O\.B|B/D)|(?i:d/o/b|born|age[d]?|date[ \t]+of[ \t]+birth)\b|"
            r"(?i:" + relations + r")\)))")
        # the person a document is about: "STATEMENT OF DEVON CLARKE TAKEN 9/14/2025", "Affidavit of Rosa Ibarra"
        self._document_of_re = re.compile(
            r"(?<![\w'])(?i:(?:sworn[ \t]+)?statement|(?:re-?)?interview|arrest|affidavit|declaration|deposition|"
            r"testimony)[ \t]+(?i:of)[ \t]+")
        # a relative or partner named by a first name alone: "my girlfriend Shanice", "her son Kevin"
        self._relation_re = re.compile(
            r"(?<![\w'])(?i:my|his|her|their|our|your|the|[^\W\d_]+['’]s)[ \t]+(?:(?i:late|older|younger|little|big|"
            r"baby|ex|oldest|youngest|eldest|step|half|new|current|former)[ \t-]+)?(?i:" + relations +
            r")s?(?:[ \t]*,)?[ \t]+(?=[^\W\d_])")
        # a name set off by commas after a person noun: "The guy from the bodega, Hamid, said ..."
        self._apposed_re = re.compile(
            r"(?<![\w'])(?i:guy|man|woman|lady|boy|girl|kid|person|individual|dude|male|female|teen|teenager|"
            r"owner|manager|worker|employee|cashier|clerk|driver|tenant|super|superintendent|guard|bartender|"
            r"waiter|vendor|customer|victim|witness|suspect|complainant|caller|respondent|petitioner|applicant|"
            r"beneficiary|defendant|detainee|decedent|noncitizen|alien|plaintiff|appellant|claimant|" + relations +
            r")s?\b[^,.;:!?()\n\d]{0,40}?,[ \t]+(?=[^\W\d_])")
        self._apposed_end_re = re.compile(r"[ \t]*(?:,|\(|[ \t][-–—][ \t]|[ \t]+who\b)")
        self._possessive_re = re.compile(r"(?<=[^\W\d_])['’]s[ \t]+(?=[a-z])")
        # between the words of a name: one or two spaces (a tab separates table cells)
        self._space_re = re.compile(r"[ ]{1,2}")
        verbs = ("stated|said|says|states|told|tells|reported|reports|advised|explained|indicated|admitted|denied|"
                 "claimed|claims|alleged|alleges|spoke|confirmed|declined|refused|arrived|fled|resides|lives|lived|"
                 "works|worked|entered|provided|signed|asked|answered|responded|testified|identified|recognized|"
                 "recognised|called|phoned|came|went|left|returned|owns|rents|overstayed|crossed|holds|remains|"
                 "applied|filed|received|obtained|fears|feared|"
                 "(?:is|was)[ \t]+(?:a|an|the|not|described|currently|applying|located|previously|ordered|granted|"
                 "in|from|subject|married)|"
                 "(?:has|had)[ \t]+(?:a|an|no|the|been|not|never|lived|resided|applied|entered|received)|"
                 "can[ \t]+be[ \t]+reached|could[ \t]+not|"
                 "(?:was|is|has[ \t]+been|had[ \t]+been)[ \t]+(?:interviewed|arrested|born|identified|detained|"
                 "transported|released|observed|seen|charged|questioned|notified|contacted|employed|injured|"
                 "assaulted|struck|robbed|living|residing|staying|working|present|served|removed|deported)")
        self._verb_re = re.compile(r"(?<=[^\W\d_.])[ \t]+(?:" + verbs + r")\b")
        self._subject_run_re = re.compile(r"(?:[^\W\d_][\w'’.-]*[ \t]+){0,6}[^\W\d_][\w'’-]*$")
        # names as courts and agencies write them: before a role ("Boudin, Chief Judge", "Torruella and Howard,
        # Circuit Judges", "SCHMIDT, HURWITZ, ..., Board Members", "RICARDO GARZA-LÓPEZ, Petitioner"), after
        # "Matter of" / "In re", and on both sides of "v." in a caption or a citation.
        self._role_re = re.compile(
            r"(?:[ \t]*\*{0,3}[ \t]*,[ \t]*\n?[ \t]*(?:\d{1,2}[ \t]+)?\*{0,3}[ \t]*(?i:(?:chief|circuit|district|senior|associate|acting|temporary|magistrate|bankruptcy|"
            r"immigration|appellate|administrative\s+law|presiding|vice)\s+){0,3}(?i:judges?|justices?|"
            r"board\s+members?|chairman|chairwoman|chairperson|members?|esq(?=\.)|esquire|appellate\s+counsel|"
            r"trial\s+attorney|(?:senior\s+)?litigation\s+counsel|(?:assistant\s+|deputy\s+)?director|"
            r"(?:assistant\s+)?chief\s+counsel|petitioners?|respondents?|defendants?|plaintiffs?|appellants?|"
            r"appellees?|beneficiary|applicant|attorney\s+general|secretary|"
            r"(?:assistant\s+)?(?:office\s+of\s+the\s+)?(?:federal\s+)?public\s+defender|"
            r"(?:assistant\s+)?united\s+states\s+attorney|assistant\s+u\.s\.\s+attorney|"
            r"u\.?s\.?\s+attorney['\u2019]s\s+office|(?:deputy\s+)?clerk(?:\s+of\s+(?:the\s+)?court)?|commissioners?|"
            r"vice[\s\-]chair(?:man|woman|person)?|chair|executive\s+director|"
            # a judge's abbreviation in a state court's caption: "Englander, Hodgens, & Smyth, JJ.", "CORDY, J.",
            # "IRELAND, C.J.", a senior judge "Vogel, S.J.*", a judge pro tempore "Okafor, J.P.T."
            r"(?-i:JJ|C\.\s?J|P\.\s?J|S\.\s?J|J\.\s?P\.\s?T|J)(?=\.(?:[\s,;*]|$)))"
            # a signature or roster line: "PATRICK FISHER\nClerk", "SUSAN M. HINKSON\nCommissioners"
            r"|[ \t]*\n[ \t]*(?i:(?:deputy\s+)?clerk(?:\s+of\s+(?:the\s+)?court)?|commissioners?)[ \t]*(?=\n|$)"
            # a signature line: "DABNEY L. FRIEDRICH\nUNITED STATES DISTRICT JUDGE"
            r"|\s+(?i:united\s+states\s+(?:senior\s+)?(?:district|magistrate|circuit|bankruptcy)\s+judge))\b")
        self._list_start_re = re.compile(r"(?i:before|by|present|coram|judges?|(?:board[ \t]+)?en[ \t]+banc|"
                                         r"(?:but[ \t]+)?see(?:[ \t]+also)?|cf\.|accord|compare)"
                                         r"[ \t]*:?[ \t]+")
        self._matter_re = re.compile(r"(?<![\w'])(?i:(?:in[ \t]+the[ \t]+)?matter[ \t]+of|in[ \t]+re)[ \t]*:?[ \t]+")
        # "Matter of J-A-B-", "Matter of S. M.", "Matter of T----", and a bare letter ending a caption line ("In the Matter
        # of S" above the decision)
        self._initials_re = re.compile(r"(?:[A-Z]-){1,4}(?:[A-Z]-?)?(?![\w])|[A-Z]\.(?:[ \t]?[A-Z]\.)*|[A-Z]-{2,4}|"
                                       r"[A-Z](?=[ \t]*(?:\n|$))")
        self._versus_re = re.compile(r"[ \t]+(?:vs?\.|v(?=[ \t]+[A-Z]))[ \t]+")  # "People v Ford" (New York style)
        self._word_start_re = re.compile(r"(?<![\w'’‐.-])[^\W\d_]")
        self._capitalised_run = re.compile(r"(?:[A-Z][\w'’‐-]+[ \t]+){0,2}[A-Z][\w'’‐-]{2,}")

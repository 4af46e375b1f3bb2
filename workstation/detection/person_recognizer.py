"""Person names found from their context, complementing spaCy's named-entity recognizer.

Presidio's ``SpacyRecognizer`` already reports spaCy PERSON entities. The small English model misses many
names from the communities this workstation protects (West African, Chinese, South Asian, Haitian, Arabic,
Spanish double surnames), names in forms ("Name: ...", "HERNANDEZ, MARIA") and names after ranks and
titles. This recognizer does not depend on what a name looks like; it reads the name that follows a cue:

* a form label: "Name:", "Victim:", "Witness #2:", "Mother's Name:", "Nombre:" ... (``person_labels.txt``);
* a title or rank: "Det.", "P.O.", "Sgt.", "Mr.", "Sra." ... (``person_titles.txt``);
* a phrase: "my name is", "identified as", "spoke with", "a man named" ... (``person_cue_phrases.txt``);
* roster/table lines "LAST, First M." and "1. First Last".

A name is read token by token on the same line: capitalised tokens (with accents, hyphens and apostrophes:
"Hernández-López", "N'Diaye", "al-Sayed"), lower-case particles when a capitalised token follows ("de la",
"van der", "bin"), initials ("M.") and generational suffixes. Reading stops at the end of the line, at a
following label ("DOB:"), at punctuation and at words that are not names (``person_stopwords.txt``, titles,
street types, boroughs, state codes). The span is the name only, never the label or title.

spaCy's own PERSON spans are refined in :meth:`PersonContextRecognizer.enhance_using_context`, which
Presidio calls after every recognizer has run with the other recognizers' results (the documented hook for
"related entities" context). There a spaCy span that runs across a line break ("Zhang Wei\\nComplainant") is
cut to the line holding the name, a leading title ("Det") is removed, a span that holds no name at all is
given score 0 (the engine's thresholds then drop it), and a span that stops short of a following surname
("Mohammed Rafiqul" + " Islam") is extended over it. This matters because overlapping PERSON spans are merged
to their union (``workstation.domain.overlaps``): a wrong spaCy span would otherwise widen a right one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from workstation.detection import gazetteer
from workstation.detection.a_number_recognizer import NAME_HEADERS, PART_NAME_HEADERS, table_cells
from workstation.detection.wordlists import wordlist


def _load(name: str) -> list[str]:
    return wordlist(name)


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any run of spaces/tabs."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in parts)


# A word: letters with inner apostrophes/hyphens ("O'Brien", "Jean-Baptiste", "al-Sayed", "Wiśniewska").
_WORD = re.compile(r"[^\W\d_]+(?:['’‐-][^\W\d_]+)*")
_PREFIXED = re.compile(r"(?:al|el|ul|ad|ar|as|at|az|bin|ibn|abu|abd|d|l|da|de|di|du|la|le|van|von|mc|mac)['’‐-]"
                       r"[^\W\d_]", re.IGNORECASE)
_INITIAL_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
# stop words that are names too when they follow a given name ("Li Na", "Shirin Sheikh")
_INNER_OK = frozenset({"na", "sheikh", "sheik", "haji", "hajji", "imam"})
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "june", "jul", "july", "aug", "august", "sep",
                     "sept", "oct", "nov", "dec", "april"})
# a colon right after a word, as after a form label ("Decedent:"), not a clock or a URL ("10:30", "http://")
_LABEL_COLON = re.compile(r"[ \t]*:(?![/\d])")
# the cues whose name may stand before a colon: "Det. Ruiz: Where were you?", "Dear Kofi:"
_COLON_OK = frozenset({"name after a title", "name in a greeting"})
_PART_RE = re.compile(r"[^\n\t|;]+?(?=[ ]{3,}|[\n\t|;]|$)|[^\n\t|;]+")
# words before a name that do not make the span an organisation ("the Garcia family" is still a name)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "or", "to", "from", "with", "by", "of", "for", "at", "on",
                             "in", "that", "this", "victim", "witness", "suspect", "complainant", "subject",
                             "defendant", "perpetrator", "male", "female", "man", "woman", "boy", "girl", "child",
                             "minor", "adult", "juvenile", "reporting", "person", "dear", "hi", "hello"})


class _Vocab(NamedTuple):
    stop: frozenset[str]
    title_words: frozenset[str]
    label_words: frozenset[str]
    particles: frozenset[str]
    titles: list[str]
    labels: list[str]
    places: frozenset[str]
    regions: frozenset[str]
    street_types: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    titles = _load("person_titles.txt")
    labels = _load("person_labels.txt")
    particles = _load("person_name_particles.txt")
    stop = {w.lower() for w in _load("person_stopwords.txt")}
    # Street types that are never part of a name (not "Park", "Lane", "Hill", "Green", which are surnames too).
    stop |= {"street", "st", "avenue", "ave", "av", "boulevard", "blvd", "road", "rd", "place", "pl", "terrace",
             "concourse", "parkway", "pkwy", "plaza", "drive", "expressway", "expy", "highway", "hwy", "square",
             "turnpike", "broadway", "apt", "floor", "suite", "box", "basement"}
    # US state names (not the ones that are also given names or surnames)
    for line in _load("address_us_states.txt"):
        for w in line.split("\t")[1].split():
            if w.lower() not in {"georgia", "virginia", "carolina", "washington", "jersey", "of", "maine"}:
                stop.add(w.lower())
    title_words = {t.lower().rstrip(".") for t in titles if " " not in t}
    label_words = {w.lower() for lab in labels for w in re.findall(r"[^\W\d_]+", lab)}
    # Place and country names: a candidate that is only one of these is not a person ("Burkina Faso has ...").
    regions = {c.lower() for c in _load("countries.txt")} | {d.lower() for d in _load("demonyms.txt")} | {
        line.split("\t")[1].strip().lower() for line in _load("address_us_states.txt")}
    return _Vocab(
        stop=frozenset(stop),
        title_words=frozenset(title_words),
        label_words=frozenset(label_words),
        particles=frozenset(p.lower() for p in particles if " " not in p),
        titles=titles,
        labels=labels,
        places=frozenset(p.lower() for p in _load("address_places.txt")),
        regions=frozenset(regions),
        street_types=frozenset(w.lower() for w in _load("address_street_suffixes.txt")),
    )


def _states() -> frozenset[str]:
    codes = set()
    for line in _load("address_us_states.txt"):
        codes.add(line.split("\t")[0].strip())
    return frozenset(codes)


_STATE_CODES = _states()


def _title_regex(titles: list[str]) -> re.Pattern[str]:
    # Long titles and dotted abbreviations match in any case ("police officer Ruiz"); short bare
    # abbreviations ("Lt", "PO", "Dr", "Sr") only as written or in capitals.
    loose = [t for t in titles if len(t) >= 5 and "." not in t]
    strict = [t for t in titles if t not in loose]
    strict_alt = "|".join(sorted({re.escape(t.rstrip(".")) for t in strict} |
                                 {re.escape(t.rstrip(".").upper()) for t in strict}, key=len, reverse=True))
    return re.compile(
        r"(?<![\w.])(?:(?i:" + _alternation(loose) + r")|(?:" + strict_alt + r")\d?)\.?(?=[ \t])[ \t]+"
    )


# whole words as written in lower case ("rose", "fall"): a name word that also occurs so is not repeated
_LOWER_WORD = re.compile(r"(?<![\w'’.@-])[^\W\d_]+(?![\w'’@-]|\.\w)")


class PersonContextRecognizer(EntityRecognizer):
    """PERSON names read after form labels, titles and phrases, and in "LAST, First" roster lines."""

    ENTITIES = ["PERSON"]
    version = "1.0"

    LABEL_SCORE = 0.8
    TITLE_SCORE = 0.75
    PHRASE_SCORE = 0.7
    ROSTER_SCORE = 0.7
    LIST_SCORE = 0.55
    REPEAT_SCORE = 0.5


    def __init__(self) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="PersonContextRecognizer",
                         supported_language="en")

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
            r"(?:[ \t]*,[ \t]*(?i:(?:chief|circuit|district|senior|associate|acting|temporary|magistrate|bankruptcy|"
            r"immigration|appellate|administrative\s+law|presiding|vice)\s+){0,3}(?i:judges?|justices?|"
            r"board\s+members?|chairman|chairwoman|chairperson|members?|esq\.|esquire|appellate\s+counsel|"
            r"trial\s+attorney|(?:senior\s+)?litigation\s+counsel|(?:assistant\s+|deputy\s+)?director|"
            r"(?:assistant\s+)?chief\s+counsel|petitioners?|respondents?|defendants?|plaintiffs?|appellants?|"
            r"appellees?|beneficiary|applicant|attorney\s+general|secretary)"
            # a signature line: "DABNEY L. FRIEDRICH\nUNITED STATES DISTRICT JUDGE"
            r"|\s+(?i:united\s+states\s+(?:senior\s+)?(?:district|magistrate|circuit|bankruptcy)\s+judge))\b")
        self._list_start_re = re.compile(r"(?i:before|by|present|coram|judges?|(?:board[ \t]+)?en[ \t]+banc|"
                                         r"(?:but[ \t]+)?see(?:[ \t]+also)?|cf\.|accord|compare)"
                                         r"[ \t]*:?[ \t]+")
        self._matter_re = re.compile(r"(?<![\w'])(?i:(?:in[ \t]+the[ \t]+)?matter[ \t]+of|in[ \t]+re)[ \t]*:?[ \t]+")
        self._initials_re = re.compile(r"(?:[A-Z]-){1,4}(?:[A-Z]-?)?(?![\w])|[A-Z]\.(?:[ \t]?[A-Z]\.)*|[A-Z]-{2,4}")
        self._versus_re = re.compile(r"[ \t]+vs?\.[ \t]+")
        self._word_start_re = re.compile(r"(?<![\w'’‐.-])[^\W\d_]")
        self._capitalised_run = re.compile(r"(?:[A-Z][\w'’‐-]+[ \t]+){0,2}[A-Z][\w'’‐-]{2,}")

    # ------------------------------------------------------------------ name reading

    def _is_stop(self, word: str) -> bool:
        low = word.lower()
        if low in self._stop or low in self._titles:
            return True
        if len(word) == 2 and word in _STATE_CODES:
            return True
        return False

    def _token_at(self, text: str, pos: int, inner: bool = False) -> tuple[str, int, int] | None:
        """(kind, start, end) of the token at pos: 'name', 'particle', 'initial', or None to stop."""
        m = _WORD.match(text, pos)
        if not m:
            return None
        word = m.group()
        end = m.end()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS" and word[0].isupper():
            # possessive "Okafor's": the name without "'s"; nothing after it belongs to the name
            word, end = word[:-2], end - 2
            if self._is_stop(word) or word.lower() in self._particles:
                return None
            return ("name", pos, end)
        if end < len(text) and (text[end].isdigit() or text[end] == "_"):
            return None
        if end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isdigit():
            return None  # "CI-223", "PO-5": a code, not a name
        if end < len(text) and text[end] == ".":
            # "M." initial, "Jr.", "St." (particle as in "St. Fleur")
            if len(word) == 1 and word.isupper():
                return ("initial", pos, end + 1)
            if word.lower() in _INITIAL_SUFFIX:
                return ("suffix", pos, end + 1)
            if word == "St":
                return ("particle", pos, end + 1)
        if word[0].isupper():
            if len(word) == 1:
                return ("initial", pos, end)
            if word.lower() in _INITIAL_SUFFIX and word not in ("Sr",):
                return ("suffix", pos, end)
            if self._is_stop(word) and not (inner and word.lower() in _INNER_OK):
                if word.lower() in self._particles:
                    return ("particle", pos, end)  # "DE" in "SANTOS DE LEÓN" (also a state code)
                return None
            return ("name", pos, end)
        if word.lower() in self._particles:
            return ("particle", pos, end)
        if _PREFIXED.match(word):
            return ("name", pos, end)
        return None

    def read_name(self, text: str, pos: int, max_tokens: int = 7, allow_colon: bool = False,
                  surname_first: bool = False) -> tuple[int, int] | None:
        """The name starting at pos (same line, no label), as (start, end), or None.

        With ``allow_colon`` a name may be followed by ":" ("Dear Mr. Brown:", "Det. Ruiz: Where were you?").
        """
        tokens: list[tuple[str, int, int]] = []
        i = pos
        n = len(text)
        while len(tokens) < max_tokens:
            tok = self._token_at(text, i, inner=surname_first or any(t[0] == "name" for t in tokens))
            if tok is None:
                break
            kind, s, e = tok
            # a label ("DOB:", "Phone Number:") is not part of the name
            j = e
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] == ":" and kind != "initial":
                if allow_colon and kind == "name":
                    tokens.append(tok)
                break
            if kind == "name" and text[s:e].lower() in self._label_words and j < n and text[j] != ":":
                # a label word followed by another label word and ":" ("Date of Birth:") - checked below
                pass
            tokens.append(tok)
            m = self._space_re.match(text, e)
            if not m:
                break
            i = m.end()
        # the last token followed by a label word + ":" on the same line is fine; drop dangling particles
        while tokens and tokens[-1][0] == "particle":
            tokens.pop()
        # a name starts with a name token or a particle followed by one ("de la Cruz" alone is still a name)
        while tokens and tokens[0][0] in ("suffix",):
            tokens.pop(0)
        if not any(t[0] == "name" for t in tokens):
            return None
        # a label phrase like "Date of Birth" that slipped in ends the name before it
        tokens = self._cut_label_tail(text, tokens)
        if not tokens or not any(t[0] == "name" for t in tokens):
            return None
        if len(tokens) == 1 and tokens[0][2] - tokens[0][1] < 2:
            return None
        return tokens[0][1], tokens[-1][2]

    def _cut_label_tail(self, text: str, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        # "Aminata Diallo Date of Birth: ..." - if the text after the name continues to a ":" on the same line
        # within a few label words, trailing label words are not part of the name.
        end = tokens[-1][2]
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        colon = text.find(":", end, line_end)
        if colon < 0 or colon - end > 30:
            return tokens
        between = text[end:colon]
        if re.search(r"[^\w \t'/#().-]", between):
            return tokens
        # The words just before the colon belong to the label; remove name tokens that are label words.
        while tokens and text[tokens[-1][1]:tokens[-1][2]].lower().rstrip(".") in self._label_words:
            tokens = tokens[:-1]
        return tokens

    def _read_comma_name(self, text: str, pos: int) -> tuple[int, int] | None:
        """'LAST, First M.' / 'Hernández-López, María José' starting at pos."""
        first = self.read_name(text, pos, max_tokens=4, surname_first=True)  # "SHEIKH, Arjun"
        if not first:
            return None
        s, e = first
        m = re.compile(r"[ \t]*,[ \t]*").match(text, e)
        if not m:
            return None
        second = self.read_name(text, m.end(), max_tokens=4)
        if not second:
            return None
        return s, second[1]

    def _read_list(self, text: str, pos: int, allow_comma_form: bool) -> list[tuple[int, int]]:
        """Names after a label: one name, "LAST, First", or several separated by ',', ';', 'and', '&'."""
        out: list[tuple[int, int]] = []
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if not text[pos:line_end].strip():
            # value on the next line ("Name:\n  Aminata Diallo")
            nxt = line_end + 1
            if nxt >= len(text) or self._label_re.match(text, nxt):
                return out
            pos = nxt
            while pos < len(text) and text[pos] in " \t":
                pos += 1
        i = pos
        while True:
            span = None
            if allow_comma_form and self._comma_form_ok(text, i):
                span = self._read_comma_name(text, i)
            if span is None:
                span = self.read_name(text, i)
            if span is None:
                break
            out.append(span)
            m = re.compile(r"[ \t]*(?:,|;|&|\band\b|\by\b|/)[ \t]*").match(text, span[1])
            if not m or m.end() == span[1]:
                break
            i = m.end()
        return out

    def _comma_cell(self, text: str, pos: int) -> bool:
        """A table cell "Taveras Lema, Luz Marina" ending at a tab, pipe or column gap."""
        return bool(re.compile(r"[^,\n\t|]{2,40},[ \t]*[^,\n\t|]{2,40}?(?:\t|[ \t]*\||[ \t]{2,})").match(text, pos))

    def _comma_form_ok(self, text: str, pos: int) -> bool:
        # "DIALLO, Aminata", "Diallo, Aminata", "de la Cruz Ramírez, Juan": a surname group of one token, or
        # in capitals, or with particles - not "Maria Lopez, Juan Perez" (two names).
        m = re.compile(r"([^,\n]{1,60}),[ \t]*\S").match(text, pos)
        if not m:
            return False
        words = m.group(1).split()
        if not words or len(words) > 4:
            return False
        if len(words) == 1:
            return True
        if m.group(1).isupper():
            return True
        return any(w.lower() in self._particles for w in words)

    # ------------------------------------------------------------------ analysis

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type="PERSON", start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=score,
                                                     textual_explanation=why),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        if not hasattr(self, "_stop"):
            self.load()
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()

        def add(span: tuple[int, int] | None, score: float, why: str) -> None:
            if span and why not in _COLON_OK and self._label_like(text, span):
                return
            if span and span not in seen and span[1] > span[0]:
                seen.add(span)
                results.append(self._result(span[0], span[1], score, why))

        for m in self._label_re.finditer(text):
            if self._is_mail_subject(text, m):
                continue
            for span in self._read_list(text, m.end(), allow_comma_form=True):
                add(span, self.LABEL_SCORE, "name after a form label")
        for s, e in table_cells(text, NAME_HEADERS, whole_cell=True):
            cell_name = self._cell_name(text, s, e)
            if cell_name and not self._bare_acronym(text, cell_name):
                add(cell_name, self.LABEL_SCORE, "name in a table column headed by a name label")
        for s, e in table_cells(text, PART_NAME_HEADERS, whole_cell=True):
            # "Last name" / "First name" columns: one word is a whole surname or given name
            cell_name = self._cell_name(text, s, e, one_word=True)
            if cell_name:
                add(cell_name, self.LABEL_SCORE, "name in a table column headed by a surname or given-name label")
        for m in self._title_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            titled = self.read_name(text, pos, max_tokens=5, allow_colon=True)
            if titled and not self._bare_acronym(text, titled):
                add(titled, self.TITLE_SCORE, "name after a title")
        for m in self._phrase_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            for span in self._read_list(text, pos, allow_comma_form=False)[:3]:
                if not self._bare_acronym(text, span):
                    add(span, self.PHRASE_SCORE, "name after a phrase")
        for m in self._document_of_re.finditer(text):
            of_name = self.read_name(text, self._skip_titles(text, m.end()), max_tokens=5)
            if of_name and " " in text[of_name[0]:of_name[1]] and not self._not_a_person(text[of_name[0]:of_name[1]]):
                add(of_name, self.PHRASE_SCORE, "name of the person a statement or affidavit is of")
        for m in self._relation_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            for span in self._read_list(text, pos, allow_comma_form=False)[:3]:
                if not self._bare_acronym(text, span) and not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name after a relationship word")
        for m in self._apposed_re.finditer(text):
            apposed = self.read_name(text, m.end(), max_tokens=5)
            if apposed and self._apposed_end_re.match(text, apposed[1]) and not self._bare_acronym(text, apposed) and (
                    not self._not_a_person(text[apposed[0]:apposed[1]])):
                add(apposed, self.PHRASE_SCORE, "name set off by commas after a person noun")
        for m in self._roster_re.finditer(text):
            self._roster_line(text, m.end(), add)
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        self._mail_headers(text, add)
        self._headings(text, add, doc)
        self._letters(text, add)
        for m in self._verb_re.finditer(text):
            add(self._subject_before(text, m.start(), doc), self.PHRASE_SCORE,
                "name as the subject of a reporting verb")
        for m in self._appositive_re.finditer(text):
            add(self._subject_before(text, m.start(), doc), self.PHRASE_SCORE,
                "name before an age, date of birth, nationality or relationship")
        for m in self._possessive_re.finditer(text):
            add(self._subject_before(text, m.start(), doc, min_words=2), self.PHRASE_SCORE, "possessive name")
        self._legal_names(text, add)
        return results

    # ------------------------------------------------------------------ names as courts and agencies write them

    def _legal_names(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        for m in self._role_re.finditer(text):
            if m.group().lstrip(" \t,")[:1].islower():
                continue  # "... Nationality Act, respondent lost ...": a role in prose, not in a caption
            for span in self._names_before(text, m.start()):
                add(span, self.PHRASE_SCORE, "name before a role (judge, board member, party)")
        for m in self._matter_re.finditer(text):
            initials = self._initials_re.match(text, m.end())
            if initials:
                add((m.end(), initials.end()), self.PHRASE_SCORE, "initials after Matter of")
                continue
            named = self.read_name(text, m.end(), max_tokens=5)
            if named and not self._not_a_person(text[named[0]:named[1]]):
                add(named, self.PHRASE_SCORE, "name after Matter of")
        for m in self._versus_re.finditer(text):
            left = self._names_before(text, m.start(), max_names=1)
            right = self.read_name(text, m.end(), max_tokens=4)
            for party in (*left, right):
                if party and not self._not_a_person(text[party[0]:party[1]]) and not self._bare_acronym(text, party):
                    add(party, self.PHRASE_SCORE, "party name in a case caption or citation")

    # the separator between two names of a list, at the end of the searched stretch
    _SEPARATOR_END = re.compile(r"(?:[ \t]*(?:,|;|&)[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")

    def _is_role(self, words: str) -> bool:
        return self._role_re.match(", " + words) is not None

    def _name_ending_at(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The name that fills ``text[start:end]``, after any words that open a list ("Before", "BY:", "See"):
        "Boudin" in "ON PETITION FOR REVIEW Before Boudin". Before a role a run of up to three capitalised words
        is a name even when a word of it is also a common word ("HELENE WHITE"). Institutions are not names."""
        lead = self._list_start_re.match(text, start)
        if lead and lead.end() < end:
            start = lead.end()
        else:  # "ON PETITION FOR REVIEW Before Boudin": the name right after the last "Before"/"BY:"
            for m in self._list_start_re.finditer(text, start, end):
                if m.start() == start or not text[m.start() - 1].isalnum():
                    start = m.end()
        # the longest name (at most five words) that ends the piece: "RICARDO GARZA-LÓPEZ" in "No. 04-1999 RICARDO
        # GARZA-LÓPEZ, Petitioner"
        words = [m.start() for m in self._word_start_re.finditer(text, start, end)][-5:]
        for pos in words:
            span = self.read_name(text, pos, max_tokens=5)
            if span and span[1] == end:
                name = text[span[0]:span[1]]
                if self._not_a_person(name) or self._is_role(name) or self._org_word(name):
                    return None
                return span
        # before a role every capitalised word is a name, even one that is also a word ("WHITE, Circuit Judge")
        for pos in words[-3:]:
            run = self._capitalised_run.fullmatch(text, pos, end)
            if run:
                return None if self._is_role(run.group()) or self._org_word(run.group()) else (run.start(), run.end())
        return None

    _ORG_WORDS = frozenset({"board", "court", "appeals", "service", "services", "department", "office", "agency",
                            "immigration", "security", "states", "state", "united", "commonwealth", "people",
                            "government", "administration", "commission", "bureau", "county", "city", "see", "cf",
                            "accord", "also", "but", "matter", "secretary", "attorney", "general", "homeland",
                            "petition", "review", "order", "appeal", "motion", "decision", "opinion",
                            "act", "law", "human", "rights", "enforcement", "removal", "customs", "operations"})

    def _org_word(self, name: str) -> bool:
        """A word of an institution or of a citation signal in the name ("Board of Immigration Appeals",
        "See United States v. ...")."""
        return any(w in self._ORG_WORDS for w in re.findall(r"[^\W\d_]+", name.lower()))

    @staticmethod
    def _piece_boundary(text: str, pos: int) -> bool:
        """Whether a piece of a list of names starts at ``pos``: after a separator, "and ", or a sentence end
        ("Dr." or "No." do not end one)."""
        before = text[pos - 1]
        if before in ",;&:()[]\n\t" or text.endswith(" and ", 0, pos):
            return True
        return before == "." and pos >= 3 and text[pos - 3].isalpha() and text[pos - 2].islower()

    def _names_before(self, text: str, end: int, max_names: int = 16) -> list[tuple[int, int]]:
        """The names listed right before ``end``: "A, B, and C" / "A; B" / "Before A" (nearest first); each piece
        must be a name and nothing else."""
        out: list[tuple[int, int]] = []
        stop = max(0, end - 400)
        while len(out) < max_names and end > stop:
            start = end
            while start > stop and not self._piece_boundary(text, start):
                start -= 1
            piece_start = start
            while piece_start < end and text[piece_start] in " \t":
                piece_start += 1
            if text.startswith("and ", piece_start):
                piece_start += 4
            span = self._name_ending_at(text, piece_start, end)
            if span is None:
                break
            out.append(span)
            sep = self._SEPARATOR_END.search(text, max(stop, start - 8), span[0])
            if sep is None:  # the list starts here ("Before Boudin")
                break
            end = sep.start()
        return out

    def _cell_name(self, text: str, s: int, e: int, one_word: bool = False) -> tuple[int, int] | None:
        """The name filling the table cell ``text[s:e]`` under a "Name" / "Last, First" / "Detainee" column."""
        line_start = text.rfind("\n", 0, s) + 1
        cell = text[line_start:e]  # read within the cell only: a tab or a pipe is not a space inside a name
        pos = self._skip_titles(cell, s - line_start)
        end = len(cell)
        while end > pos and cell[end - 1] in " \t.,;:!":
            end -= 1
        span = self._read_comma_name(cell, pos) if "," in cell[pos:end] else None  # "Orellana Funes, Dania"
        if span is None or span[1] != end:
            span = self._name_to(cell, pos, len(cell), comma=False)
        if span is None or self._not_a_person(cell[span[0]:span[1]]):
            return None
        if not one_word and not re.search(r"[ ,]", cell[span[0]:span[1]]):
            return None  # one word under "Name" may be an item, a place or an agency: names have two parts
        return span[0] + line_start, span[1] + line_start

    def _skip_titles(self, text: str, pos: int) -> int:
        """Past any titles at pos ("Det. Spec.", "Lt.")."""
        m = self._title_re.match(text, pos)
        while m:
            pos = m.end()
            m = self._title_re.match(text, pos)
        return pos

    def _is_mail_subject(self, text: str, m: re.Match[str]) -> bool:
        """A "Subject:" / "Re:" label that is an e-mail or letter subject line, not a form field."""
        label = m.group().strip(" \t:-•*·").lower()
        if not label.startswith(("subject", "re")) or label.startswith(("respondent", "relative", "reporting")):
            return False
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_end = line_start - 1
        while prev_end > 0:
            prev_start = text.rfind("\n", 0, prev_end) + 1
            if text[prev_start:prev_end].strip():
                return bool(self._mail_context_re.match(text, prev_start))
            prev_end = prev_start - 1
        return False

    def _name_to(self, text: str, pos: int, end: int, comma: bool = True, max_tokens: int = 7) -> tuple[int, int] | None:
        """A name read at pos that ends exactly at end (trailing spaces and punctuation aside)."""
        while end > pos and text[end - 1] in " \t.,;:!":
            end -= 1
        span = None
        if comma and self._comma_form_ok(text, pos):
            span = self._read_comma_name(text, pos)
        if span is None or span[1] != end:
            span = self.read_name(text, pos, max_tokens=max_tokens, allow_colon=True)
        if span is None or span[1] != end or self._not_a_person(text[span[0]:span[1]]):
            return None
        return span

    def _not_a_person(self, name: str) -> bool:
        low = " ".join(name.lower().replace(",", " ").split())
        return low in self._places or low in self._regions

    def _mail_headers(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        for m in self._mail_header_re.finditer(text):
            for d in self._display_re.finditer(text, m.start(1), m.end(1)):
                g = 1 if d.group(1) is not None else 2
                s, e = d.start(g), d.end(g)
                # 'Diallo, Aminata (ICE)' - the agency in parentheses is not part of the name
                paren = text.find("(", s, e)
                if paren > s:
                    e = paren
                while s < e and text[s] in " \t'":
                    s += 1
                span = self._name_to(text, s, e)
                if span and not self._bare_acronym(text, span):
                    add(span, self.LABEL_SCORE, "display name in an e-mail header")

    @staticmethod
    def _all_propn(doc: Any, span: tuple[int, int]) -> bool:
        if doc is None:
            return False
        toks = doc.char_span(span[0], span[1], alignment_mode="expand")
        return toks is not None and all(t.pos_ == "PROPN" for t in toks if t.is_alpha)

    def _headings(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None], doc: Any) -> None:
        for m in self._heading_re.finditer(text):
            starts = [m.start(1)] + [sep.end() for sep in self._heading_sep_re.finditer(text, m.start(1), m.end(1))]
            for k, pos in enumerate(starts):
                # "FOIL request - client Emeka Nwosu", "Re: my client Ana Ruiz": past the person noun
                pos = self._skip_person_nouns(text, pos)
                span = self._name_to(text, pos, m.end(1))
                if span and k == 0 and not self._all_propn(doc, span):
                    continue  # "Re: Follow Up": a whole subject line is a name only if spaCy reads one
                if span and (" " in text[span[0]:span[1]].strip() or "," in text[span[0]:span[1]]) and (
                        self._is_stop_free(text, span)):
                    add(span, self.PHRASE_SCORE, "name at the end of a subject line")
                    break

    def _skip_person_nouns(self, text: str, pos: int) -> int:
        """Past lower-case words such as "my client", "the detainee", "respondent" at pos."""
        while True:
            w = _WORD.match(text, pos)
            if not w or not w.group().islower() or not (
                    w.group() in _FUNCTION_WORDS or w.group() in self._label_words or w.group() in ("my", "our")):
                return pos
            nxt = self._space_re.match(text, w.end())
            if not nxt:
                return pos
            pos = nxt.end()

    def _letters(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        line_end_re = re.compile(r"[ \t]*[,:!;]?[ \t]*(?:\n|$)")
        for m in self._greeting_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            span = self.read_name(text, pos, max_tokens=5, allow_colon=True)
            if span and not self._bare_acronym(text, span) and line_end_re.match(text, span[1]):
                if not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name in a greeting")
        for m in self._closing_re.finditer(text):
            pos = m.end()
            # "Agency Attorney Kai Dong", "SDDO Ana Ruiz": skip a title or office words before the name
            for _ in range(3):
                pos = self._skip_titles(text, pos)
                w = _WORD.match(text, pos)
                if not w or not (self._is_stop(w.group()) or w.group().lower() in self._label_words):
                    break
                nxt = self._space_re.match(text, w.end())
                if not nxt:
                    break
                pos = nxt.end()
            span = self.read_name(text, pos, max_tokens=5)
            if span and not self._bare_acronym(text, span) and re.compile(
                    r"[ \t]*(?:\n|$|,|[ \t]{2}|\t|\|)").match(text, span[1]):
                if not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name under a closing")
        for m in self._above_address_re.finditer(text):
            pos = self._skip_titles(text, m.start(1))
            span = self._name_to(text, pos, m.end(1), comma=False, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and self._is_stop_free(text, span):
                add(span, self.LIST_SCORE, "name above a street address")
        for m in self._i_comma_re.finditer(text):
            span = self.read_name(text, m.end())
            if span and re.compile(r"[ \t]*,").match(text, span[1]) and not self._bare_acronym(text, span):
                add(span, self.PHRASE_SCORE, "name in 'I, <name>, state'")

    def _label_like(self, text: str, span: tuple[int, int]) -> bool:
        """One word right before a colon ("Decedent:", "REPORTEE :"), not after a title ("Det. Ruiz:")."""
        s, e = span
        if not _LABEL_COLON.match(text, e) or not _WORD.fullmatch(text, s, e):
            return False
        prev = re.search(r"([^\W\d_]+)\.?[ \t]+$", text[max(0, s - 20) : s])
        return not (prev and prev.group(1).lower() in self._titles)

    def _all_label_words(self, text: str, span: tuple[int, int]) -> bool:
        """A column header such as "Last, First" or "Nombre, Apellido", not a name."""
        return all(w.group().lower() in self._label_words for w in _WORD.finditer(text, span[0], span[1]))

    def _is_stop_free(self, text: str, span: tuple[int, int]) -> bool:
        return not any(self._is_stop(w.group()) for w in _WORD.finditer(text, span[0], span[1]))

    def _subject_before(self, text: str, verb_start: int, doc: Any, min_words: int = 1) -> tuple[int, int] | None:
        """The name right before a reporting verb ("Gurpreet Singh Dhillon stated"), checked with spaCy POS."""
        line_start = text.rfind("\n", 0, verb_start) + 1
        lo = max(line_start, verb_start - 80)
        m = self._subject_run_re.search(text, lo, verb_start)
        if not m:
            return None
        starts = [w.start() for w in _WORD.finditer(text, m.start(), m.end())
                  if w.start() == m.start() or text[w.start() - 1] in " \t"]
        for s in starts:
            wm = _WORD.match(text, s)
            if wm is None:
                continue
            word = wm.group()
            if self._is_stop(word) or word.lower() in self._particles or not word[0].isupper():
                continue
            if doc is not None:
                tok = doc.char_span(s, s + len(word), alignment_mode="expand")
                if tok is not None and len(tok) and tok[0].pos_ not in ("PROPN", "X") and tok[0].is_sent_start:
                    continue
            span = self.read_name(text, s)
            if not span or text[span[1]:verb_start].strip():
                return None
            n_words = len(text[span[0]:span[1]].split())
            if n_words < min_words or self._not_a_person(text[span[0]:span[1]]):
                return None
            if n_words == 1 and (doc is None or self._bare_acronym(text, span)):
                return None
            if n_words == 1:
                tok = doc.char_span(span[0], span[1], alignment_mode="expand")
                if tok is None or any(t.pos_ != "PROPN" for t in tok if t.is_alpha) or tok[0].is_sent_start:
                    return None
            return span
        return None

    @staticmethod
    def _bare_acronym(text: str, span: tuple[int, int]) -> bool:
        word = text[span[0]:span[1]]
        return word.isupper() and len(word) <= 4 and " " not in word

    def _line_rest_is_column(self, text: str, end: int) -> bool:
        """After a roster name: end of line, or a column gap / separator / parenthesis / number."""
        rest = re.compile(r"[ \t]*(?:$|\n|\t|[ \t]{2,}|\||;|\(|,[ \t]*\d|[ \t]-[ \t]|[ \t]\d)", re.M)
        return bool(rest.match(text, end))

    def _roster_line(self, text: str, pos: int, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        if self._label_re.match(text, pos):
            return
        line_start = text.rfind("\n", 0, pos) + 1
        numbered = pos > line_start and bool(self._row_number_re.search(text, line_start, pos))
        # "LAST, First M." rows (not "Corona, Queens" or "Springfield, Illinois")
        tabular = numbered or len(re.findall(r"\t|\|", text[pos:text.find("\n", pos) % (len(text) + 1)])) >= 2
        if self._comma_form_ok(text, pos) or (tabular and self._comma_cell(text, pos)):
            span = self._read_comma_name(text, pos)
            head = text[pos:text.find(",", pos)].strip().lower() if span else ""
            if span and head not in self._places and self._line_rest_is_column(text, span[1]) and not (
                    self._not_a_person(head)) and not self._all_label_words(text, span):
                add(span, self.ROSTER_SCORE, "LAST, First roster line")
                return
        # "1. First Last" list items (a number or bullet is required) with two to five name tokens
        if numbered:
            span = self.read_name(text, pos, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and self._line_rest_is_column(text, span[1]) and not (
                    self._not_a_person(text[span[0]:span[1]])):
                add(span, self.LIST_SCORE, "name in a numbered list")
            return
        # table rows "Aminata Diallo | Daughter | 01/02/2010": a first cell with a name, on a row with data
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end]
        if len(re.findall(r"\t|\|", line)) >= 2 and re.search(r"\d", line):
            span = self.read_name(text, pos, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and re.compile(r"[ \t]*(?:\t|\|)").match(text, span[1]) and (
                    not self._not_a_person(text[span[0]:span[1]])):
                add(span, self.LIST_SCORE, "name in the first cell of a table row")

    # ------------------------------------------------------------------ spaCy span refinement

    def refine_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A spaCy PERSON span corrected: one line, no title or label, extended over a following surname.

        Returns None when the span holds no name.
        """
        if not hasattr(self, "_stop"):
            self.load()
        segment = text[start:end]
        best: tuple[int, int] | None = None
        # a span is cut at line breaks and at table column separators (tab, pipe, a run of spaces)
        for pm in _PART_RE.finditer(segment):
            s = start + pm.start()
            span = self._clean_part(text, s, start + pm.end())
            if span:
                best = span
                break
        if best is None:
            return None
        s, e = best
        # "Nat.:", "Tel.:" - an abbreviated form label, not a name; "Jun. 2" - a month
        if re.compile(r"\.?[ \t]*:").match(text, e) and e - s <= 5:
            return None
        if self._label_like(text, (s, e)):
            return None  # "Reportee:", "ARRESTEE:" - one capitalised word before a colon is a form label
        if text[s:e].lower() in _MONTHS and re.compile(r"\.?,?[ \t]*\d").match(text, e):
            return None
        if self._not_a_person(text[s:e]) or self._place_here(text, s, e):
            return None
        # extend over following name tokens on the same line ("Mohammed Rafiqul" + " Islam")
        if e == end or text[e:end].strip() == "":
            m = self._space_re.match(text, e)
            if m and m.end() - e == 1 and text[e] == " ":
                ext = self.read_name(text, m.end(), max_tokens=3)
                if ext and ext[0] == m.end() and not self._bare_acronym(text, ext):
                    after = ext[1]
                    if not (after < len(text) and text[after] == ":"):
                        e = ext[1]
        return s, e

    _LOCATIVE_BEFORE = re.compile(r"(?i:\b(?:in|at|near|to|from|into|located\s+in|outside(?:\s+of)?)\s+)$")
    _REGION_AFTER = re.compile(r",[ \t]*[A-Z][\w.]*")

    def _place_here(self, text: str, s: int, e: int) -> bool:
        """A spaCy "PERSON" that is a place of the gazetteer used as one: "detained at Victorville", "Saint Croix,
        U.S. Virgin Islands", "Ciudad Juarez". A single word that is also a surname ("Lima", "Jackson") needs the
        place's context: a locative word before it or ", Region" after it."""
        place = gazetteer.place(text[s:e])
        if place is None:
            return False
        if " " in text[s:e].strip() and place.kind != "country":
            return True
        return bool(self._LOCATIVE_BEFORE.search(text, max(0, s - 20), s) or self._REGION_AFTER.match(text, e))

    def _clean_part(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        while s < e and not (text[s].isalpha()):
            s += 1
        while e > s and not (text[e - 1].isalpha() or text[e - 1] == "."):
            e -= 1
        if e > s and text[e - 1] == "." and not re.search(r"(?:\b[A-Z]|Jr|Sr)\.$", text[s:e]):
            e -= 1
        if text[s:e].endswith(("'s", "’s")):
            e -= 2
        if s >= e:
            return None
        # leading titles / stop words ("Det", "Officer", "The")
        dropped_word = False
        while True:
            m = _WORD.match(text, s)
            if not m or m.end() > e:
                break
            w = m.group()
            if w.lower() in self._titles or w.lower() in self._stop or (w in _STATE_CODES):
                if w.lower() not in self._titles and w.lower() not in _FUNCTION_WORDS:
                    dropped_word = True
                nxt = m.end()
                if nxt < e and text[nxt] == ".":
                    nxt += 1
                while nxt < e and text[nxt] in " \t,":
                    nxt += 1
                s = nxt
                continue
            break
        if s >= e:
            return None
        # trailing stop words, titles and labels ("Zhang Wei Complainant", "Diallo DOB")
        words = list(_WORD.finditer(text, s, e))
        while words and (self._is_stop(words[-1].group()) or words[-1].group().lower() in self._label_words):
            words.pop()
        if not words:
            return None
        e = min(e, words[-1].end() + (1 if text[words[-1].end():words[-1].end() + 1] == "." and
                                       len(words[-1].group()) == 1 else 0))
        name = self.read_name(text, s)
        if not name or name[0] != s:
            return None
        # "Safe Horizon", "Legal Aid": a word that is not part of names before a single word - an organisation
        if dropped_word and len(words) == 1:
            return None
        return s, max(e, name[1])

    def enhance_using_context(self, text: str, raw_recognizer_results: list[RecognizerResult],
                              other_raw_recognizer_results: list[RecognizerResult], nlp_artifacts: Any,
                              context: list[str] | None = None) -> list[RecognizerResult]:
        if not hasattr(self, "_stop"):
            self.load()
        for r in other_raw_recognizer_results:
            if r.entity_type != "PERSON":
                continue
            meta = r.recognition_metadata or {}
            if meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) == self.name:
                continue
            span = self.refine_span(text, r.start, r.end)
            if span is None:
                r.score = 0.0
                continue
            r.start, r.end = span
        return raw_recognizer_results + self._repeated_names(text, raw_recognizer_results,
                                                             other_raw_recognizer_results)

    def _given_names_before(self, text: str, found: list[RecognizerResult],
                            others: list[RecognizerResult]) -> list[RecognizerResult]:
        """The full name elsewhere in the text of a surname found alone ("Mr. Nwosu" ... "client Emeka Nwosu").

        A surname found on its own (after a title, or by spaCy) that is written elsewhere after one to three
        capitalised name words makes those words and the surname a PERSON finding.
        """
        surnames: set[str] = set()
        for r in found:
            toks = [w.group() for w in _WORD.finditer(text, r.start, r.end)]
            if len(toks) != 1 or len(toks[0]) < 3 or not toks[0][0].isupper() or toks[0].isupper():
                continue
            low = toks[0].lower()
            if self._is_stop(toks[0]) or low in self._particles or low in self._label_words or (
                    low in self._places or low in self._regions or low in self._street_types):
                continue
            surnames.add(toks[0])
        if not surnames:
            return []
        alt = "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
        given = r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*"
        rx = re.compile(r"(?<![\w'’.-])((?:" + given + r"[ ]){1,3})(?:" + alt + r")(?![\w'’-])")
        other_types = [(r.start, r.end) for r in others if r.entity_type != "PERSON"]
        out: list[RecognizerResult] = []
        for m in rx.finditer(text):
            s = m.start()
            for w in _WORD.finditer(text, m.start(1), m.end(1)):
                low = w.group().lower()
                if self._is_stop(w.group()) or low in self._label_words or low in self._places or (
                        low in self._regions or low in self._particles or w.group().isupper() and len(w.group()) > 1):
                    s = w.end() + 1  # "Dear", "Client", "FOIL": not a given name; the name starts after it
            if s >= m.end(1) or any(a < m.end() and s < b for a, b in other_types):
                continue
            out.append(self._result(s, m.end(), self.REPEAT_SCORE, "a surname found alone, here with a given name"))
        return out

    def _repeated_names(self, text: str, own: list[RecognizerResult],
                        others: list[RecognizerResult]) -> list[RecognizerResult]:
        """Other mentions of a name found elsewhere in the same text ("Imran Singh ... Singh can be reached").

        The words of every name of two or more words found with context (or by spaCy) are looked up across the
        text, capitalised, and runs of them become PERSON findings. A word that also occurs in lower case in the
        text ("fall", "rose") is not used, nor stop words, titles, places and words inside other findings.
        """
        found = [r for r in own if r.score >= self.LIST_SCORE] + [
            r for r in others if r.entity_type == "PERSON" and r.score > 0]
        out = self._given_names_before(text, found, others)
        words: set[str] = set()
        for r in found:
            toks = [w.group() for w in _WORD.finditer(text, r.start, r.end)]
            if len(toks) < 2:
                continue
            for t in toks:
                low = t.lower()
                if len(t) < 2 or self._is_stop(t) or low in self._particles or low in self._label_words or (
                        low in self._places or low in self._regions or low in self._street_types):
                    continue
                words.add(low)
        if not words:
            return out
        lowered_in_text = words & {m.group() for m in _LOWER_WORD.finditer(text) if m.group().islower()}
        words -= lowered_in_text
        if not words:
            return out
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # words of a name are one or two spaces apart: a tab or a wider gap separates table cells
        run = re.compile(r"(?<![\w'’-])(?i:" + alt + r")(?:[ ]{1,2}(?i:" + alt + r"))*(?![\w'’-])")
        taken = [(r.start, r.end) for r in found] + [(r.start, r.end) for r in others if r.entity_type != "PERSON"]
        taken += [(r.start, r.end) for r in out]
        for m in run.finditer(text):
            s, e = m.start(), m.end()
            if not text[s].isupper() or any(a < e and s < b for a, b in taken):
                continue
            nxt = _WORD.match(text, e + 1) if e < len(text) and text[e] == " " else None
            if nxt and nxt.group().lower() in self._street_types:
                continue  # "Fulton Street", "Jackson Heights"
            if e - s <= 4 and text[s:e].isupper():
                continue  # "KAI", "LAM" alone in capitals: too close to acronyms
            out.append(self._result(s, e, self.REPEAT_SCORE, "another mention of a name found in the text"))
            taken.append((s, e))
        return out

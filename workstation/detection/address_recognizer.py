"""US street addresses, PO boxes and address form fields as single ADDRESS spans.

An address is anchored on a house number followed by a street: capitalised or ordinal name words and a
street type ("87-14 37th Avenue", "350 W. 42nd St.", "1 Police Plaza"), a prefix type ("17 Avenue C"), or a
street that needs no type ("2410 Broadway", ``address_street_standalone.txt``). From there the span is
extended over what follows: unit designators ("Apt 5B", "#4C", "3rd Floor", "Basement"), the city (NYC
boroughs and neighbourhoods from ``address_places.txt``; any capitalised place when a state or ZIP follows),
the state (code or name) and the ZIP code. Components may be separated by commas and by one line break (an
address wrapped across lines), but never across a line that starts with a form label ("Phone:", "DOB:",
"City/State/ZIP:"), so a span does not swallow the next field. Also found: PO boxes ("P.O. Box 1234,
Flushing, NY 11355") and the value of address form fields ("Address:", "City/State/ZIP:", "Domicilio:").

A street name without a house number ("on Roosevelt Avenue", "the 37th Avenue station") and cross streets
("the corner of Roosevelt Ave and 82nd St") are not addresses: they locate an event, not a person's home.

Why ``usaddress``: the street-type word list decides most candidates, but two cases need judgement that a
hand-written rule would get wrong: a street with no recognised type ("45 Fort Washington, New York, NY") and a
city that is not in the list and not followed by a state ("12 Oak St, Hempstead." vs "12 Oak St, Officer Ruiz
arrived."). For these the candidate span alone (a few dozen characters, never the page) is tagged by
usaddress's CRF model and accepted only if it reads as AddressNumber + StreetName (+ PlaceName). Its
probabilistic labels replace a brittle grammar of which words can be street or place names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import usaddress
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from workstation.detection.wordlists import wordlist


def _load(name: str) -> list[str]:
    return wordlist(name)


def _alt(words, flexible_space: bool = True) -> str:
    parts = sorted(set(words), key=len, reverse=True)
    out = []
    for p in parts:
        e = re.escape(p)
        if flexible_space:
            e = e.replace(r"\ ", r"[ \t]+")
        out.append(e)
    return "|".join(out)


# A line that begins with a form label: "Phone:", "City/State/ZIP:", "D.O.B.:", "Emergency Contact #1:"
_LABEL_AHEAD = r"[ \t]*(?:[-•*·][ \t]*)?[^\W\d_][\w/ .,'’#()&-]{0,34}:(?!\d)"
_NL = r"\r?\n(?!" + _LABEL_AHEAD + r")[ \t]*"  # one line break, not into a labelled line
_WS = r"(?:[ \t]+(?:" + _NL + r")?|[ \t]*" + _NL + r")"  # spaces and/or one line break
_SEP = r"(?:[ \t]*,[ \t]*(?:" + _NL + r")?|" + _WS + r")"  # comma or whitespace (one line break at most)


_SPELLED_NUMBERS = ("One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty|Thirty|Forty|Fifty|"
                    "Hundred|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN")


@lru_cache(maxsize=1)
def _build() -> dict[str, re.Pattern[str]]:
    suffixes = _load("address_street_suffixes.txt")
    standalone = _load("address_street_standalone.txt")
    designators = _load("address_unit_designators.txt")
    unit_words = _load("address_unit_words.txt")
    places = _load("address_places.txt")
    states = [line.split("\t") for line in _load("address_us_states.txt")]
    codes = [c.strip() for c, _ in states]
    names = [n.strip() for _, n in states]

    upper = r"(?-i:[A-ZÀ-ÖØ-Þ])"
    number = (r"(?:(?<![\w/.:$-])\d{1,6}(?:-\d{1,5})?(?:[ \t]?(?-i:[A-Z])\b)?(?:[ \t]+1/2)?(?![\w/:$%-])"
              # a spelled-out house number, capitalised: "One Police Plaza", "Two Gateway Center"
              r"|(?<![\w'’-])(?-i:" + _SPELLED_NUMBERS + r")(?![\w'’-]))")
    ordinal = r"\d{1,4}(?:st|nd|rd|th)"
    # street name word: capitalised word (incl. "St." "O'Brien" "Martin-Luther"), ordinal or bare number
    word = r"(?:" + upper + r"[\w'’]*(?:-[\w'’]+)*\.?|" + ordinal + r"|\d{1,4}(?![\w/:-]))"
    suffix = r"(?:" + _alt(suffixes) + r")(?:\.(?![ \t]*\d)|\b)"
    directional = r"(?:(?-i:[NS]\.[ \t]?[EW]\.?|N|S|E|W|NE|NW|SE|SW)(?![\w])\.?|North|South|East|West)"
    # a name that ends in a street type word itself takes the type after it: "Blue Hill Avenue", "Kew Gardens Road"
    main_type = (r"(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Place|Pl|Court|Ct|Terrace|"
                 r"Parkway|Pkwy)(?:\.(?![ \t]*\d)|\b)")
    street_typed = (r"(?:" + directional + _WS + r")?(?:" + word + _WS + r"){0,4}?" + word + _WS + suffix +
                    r"(?:[ \t]+" + main_type + r")?(?:[ \t]*,?[ \t]+" + directional + r"(?![\w']))?")
    street_prefix = (r"(?:Avenue|Ave\.?|Av\.?)[ \t]+(?:of[ \t]+the[ \t]+Americas|(?-i:[A-Z])\b(?!['’.]\w))")
    street_route = r"(?:(?:State|County|US|U\.S\.)[ \t]+)?(?:Route|Rte\.?|Highway|Hwy\.?|Road)[ \t]+\d{1,4}\b"
    street_standalone = r"(?:" + _alt(standalone) + r")\b(?:[ \t]+" + directional + r"(?![\w']))?"
    street = r"(?:" + street_typed + "|" + street_prefix + "|" + street_route + "|" + street_standalone + r")"

    unit = (r"(?:(?:" + _alt(designators) + r")\.?[ \t]*(?:#|No\.?)?[ \t]*(?:[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?)\b"
            r"|#[ \t]?[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?\b"
            r"|(?:\d{1,2}(?:st|nd|rd|th)|Ground|Top|First|Second|Third|Fourth|Fifth|Sixth)[ \t]+(?:Floor|Fl|Flr)\b\.?"
            r"|(?:" + _alt(unit_words) + r")\b)")
    place_known = r"(?:" + _alt(places) + r")\b"
    place_any = r"(?:" + upper + r"[\w'’.-]*(?:[ \t]+" + upper + r"[\w'’.-]*){0,2})"
    dotted = "|".join(re.escape(f"{c[0]}.{c[1]}.") for c in codes if len(c) == 2)  # "N.Y.", "D.C."
    state = (r"(?:(?-i:" + "|".join(codes) + r")\b|(?-i:" + dotted + r")|(?:" + _alt(names) + r")\b)")
    zipcode = r"\d{5}(?:-\d{4})?\b"
    # city/state/zip tail: known place [state] [zip] | any place + state [zip] | state [zip] | zip
    tail = (r"(?:" + _SEP + r"(?:" + place_known + r"(?:" + _SEP + state + r")?(?:" + _SEP + zipcode + r")?"
            r"|" + place_any + _SEP + state + r"(?:" + _SEP + zipcode + r")?"
            r"|" + place_any + _SEP + zipcode +
            r"|" + state + r"(?:" + _SEP + zipcode + r")?"
            r"|" + zipcode + r"))?")
    units = r"(?:(?:" + _SEP + r"|[ \t]*\.\.?[ \t]+)" + unit + r"){0,3}"  # "N.W .. MS 2090" (OCR)
    flags = re.IGNORECASE
    core = re.compile(r"(?P<num>" + number + r")" + _WS + r"(?P<street>" + street + r")(?P<units>" + units + r")"
                      r"(?P<tail>" + tail + r")", flags)
    # no recognised street type: number + 1-3 capitalised words + a tail with a known place/state/ZIP
    untyped = re.compile(r"(?P<num>" + number + r")[ \t]+(?P<street>" + upper + r"[\w'’.-]*(?:[ \t]+" + upper +
                         r"[\w'’.-]*){0,2})(?P<units>" + units + r")(?P<tail>" + _SEP + r"(?:" + place_known +
                         r"(?:" + _SEP + state + r")?(?:" + _SEP + zipcode + r")?|" + place_any + _SEP + state +
                         r"(?:" + _SEP + zipcode + r")?))", flags)
    # the last line of a mailing address on its own: "San Francisco, California 94111", "Washington, DC 20529"
    city_state_zip = re.compile(r"(?<![\w'’.-])" + place_any + r"[ \t]*,[ \t]*" + state + r"[ \t]*,?[ \t]*" +
                                zipcode, flags)
    pobox = re.compile(r"(?<!\w)(?:P\.?[ \t]?O\.?|Post[ \t]+Office)[ \t]*Box[ \t]*#?[ \t]*\d{1,7}\b" + r"(?P<tail>" +
                       tail + r")", flags)
    # an unknown city after the street, accepted when usaddress reads it as a place and the sentence ends
    loose_city = re.compile(r"[ \t]*,[ \t]*(" + place_any + r")(?=[ \t]*(?:[.;)\n]|$))")
    labels = _load("address_labels.txt")
    label = re.compile(r"(?m)(?:^|(?<=\t)|(?<=[ \t]{2})|(?<=\|))[ \t]*(?:[-•*·][ \t]*)?(?:" + _alt(labels) +
                       r")[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*:[ \t]*(?P<value>[^\n]*)", flags)
    return {"core": core, "untyped": untyped, "pobox": pobox, "city_state_zip": city_state_zip, "loose_city": loose_city, "label": label,
            "place_known": re.compile(place_known + r"$", flags)}


_PLACEHOLDER = re.compile(r"^(?:[_\-.\s]*|n/?a|none|unknown|unk|refused|declined|homeless|undomiciled|same(?: as above)?|"
                          r"see (?:above|below|attached).*|not provided|not given|withheld|redacted)\.?$", re.IGNORECASE)
# the value of a labelled field ends where another field on the same line begins
_NEXT_FIELD = re.compile(r"(?:\t|[ \t]{3,}|[ \t]*\|)|[ \t]{2}(?=[^\W\d_][\w/ .'#()-]{0,30}:)|[ \t](?=(?:Phone|Tel|Cell|"
                         r"DOB|D\.O\.B\.|Date|Email|E-mail|Sex|Age|Race|SSN|Apt)\b[^:\n]{0,12}:)", re.IGNORECASE)
# Between a street and the city line that follows it: a comma, spaces, one line break.
_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?")
# A number that a label names as something other than a house number: "No. 18-4214", "Case: 14-60197".
# a court heading or a reporter citation read as a house number and street: "2003 UNITED STATES COURT", "2011 FOR
# THE SIXTH CIRCUIT", "130 S Ct 1473" (Supreme Court Reporter: "S" and "Ct" are also South and Court)
_NOT_A_STREET = re.compile(r"(?i:\bunited\s+states\b|\bcircuit\b|\bfor\s+the\b|\bdistrict\s+court\b|\bin\s+the\s+court\b|\bsupreme\s+court\b)")
_REPORTER = re.compile(r"\d+\s+(?:S\.?\s?Ct|L\.?\s?Ed|F\.?\s?(?:2d|3d|4th|Supp)|U\.?\s?S)\b\.?(?=\s+\d)")
_NUMBER_LABEL = re.compile(r"(?:\b(?:No|Nos|Number|Case|Docket|Index|Page|Pg|Sec|Section|Tel|Phone|Fax|Room|"
                           r"Rm)\.?[ \t]*[:#]?|[#§])[ \t]*$", re.IGNORECASE)
_NON_NAME = {"officer", "detective", "det", "sgt", "police", "precinct", "he", "she", "they", "the", "then", "and",
             "but", "who", "which", "where", "when", "while", "after", "before", "until", "since", "i", "we"}


def _usaddress_labels(candidate: str) -> list[tuple[str, str]]:
    try:
        return usaddress.parse(candidate.replace("\n", " "))
    except Exception:  # noqa: BLE001 - a parse failure only means "not confirmed"
        return []


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _load("address_not_places.txt"))


# The word before a final period: digits ("NY 10038.") or a word; full words of four letters or fewer.
_LAST_WORD = re.compile(r"(?:(\d)|(?<![^\W\d_])([^\W\d_]+))$")
_FULL_WORDS = frozenset({"road", "lane", "loop", "walk", "park", "way", "row", "oval", "mall", "pike", "path", "hill",
                         "view", "city", "york", "run", "gate", "mews"})


class AddressRecognizer(EntityRecognizer):
    """US street addresses (with unit, city, state, ZIP), PO boxes and address form fields."""

    ENTITIES = ["ADDRESS"]
    version = "1.0"

    STREET_SCORE = 0.85
    UNTYPED_SCORE = 0.6
    POBOX_SCORE = 0.85
    LABEL_SCORE = 0.7
    CITY_SCORE = 0.6


    def __init__(self) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="AddressRecognizer", supported_language="en")

    def load(self) -> None:
        self._re = _build()

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type="ADDRESS", start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=score,
                                                     textual_explanation=why),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
        )

    def _extend_loose_city(self, text: str, start: int, end: int, has_tail: bool) -> int:
        """Take a following ", Cityname" that ends the sentence, if usaddress reads it as a place."""
        if has_tail:
            return end
        m = self._re["loose_city"].match(text, end)
        if not m:
            return end
        city = m.group(1)
        if any(w.lower().strip(".") in _NON_NAME for w in city.split()):
            return end
        labels = _usaddress_labels(text[start:m.end(1)])
        city_labels = [lab for tok, lab in labels[-len(city.split()):]]
        if city_labels and all(lab == "PlaceName" for lab in city_labels):
            return m.end(1)
        return end

    @staticmethod
    def _place_start(text: str, start: int, end: int) -> int:
        """The start of the city in "Trial Attorney San Francisco, CA 94111": leading words of
        ``address_not_places.txt`` are left out."""
        stop = _not_places()
        for m in re.finditer(r"[^\s,]+", text[start:end]):
            if m.group().rstrip(".").lower() not in stop:
                return start + m.start()
        return start

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if "ADDRESS" not in entities:
            return []
        if not hasattr(self, "_re"):
            self.load()
        results: list[RecognizerResult] = []
        covered: list[tuple[int, int]] = []

        def add(start: int, end: int, score: float, why: str) -> None:
            while end > start and text[end - 1] in " \t\r\n,;:":
                end -= 1
            if end > start and text[end - 1] == ".":
                # "... 201 Varick Street." - the period ends the sentence, except after an abbreviation ("St.")
                last = _LAST_WORD.search(text, start, end - 1)
                if last and (last.group(1) or len(last.group(2)) >= 5 or last.group(2).lower() in _FULL_WORDS):
                    end -= 1
            if end > start:
                results.append(self._result(start, end, score, why))
                covered.append((start, end))

        def numbered(start: int) -> bool:
            return _NUMBER_LABEL.search(text, max(0, start - 12), start) is not None

        for m in self._re["core"].finditer(text):
            if numbered(m.start()) or _NOT_A_STREET.search(m.group()) or _REPORTER.match(text, m.start()):
                continue
            end = self._extend_loose_city(text, m.start(), m.end(), bool(m.group("tail").strip(" \t,")))
            add(m.start(), end, self.STREET_SCORE, "house number and street")
        for m in self._re["untyped"].finditer(text):
            if any(s <= m.start() < e for s, e in covered) or numbered(m.start()):
                continue
            labels = dict((lab, tok) for tok, lab in _usaddress_labels(m.group()))
            if "AddressNumber" in labels and "StreetName" in labels and (
                    "PlaceName" in labels or "StateName" in labels or "ZipCode" in labels):
                add(m.start(), m.end(), self.UNTYPED_SCORE, "house number, street and city (usaddress)")
        for m in self._re["pobox"].finditer(text):
            add(m.start(), m.end(), self.POBOX_SCORE, "PO box")
        for m in self._re["city_state_zip"].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in covered):
                continue
            start = self._place_start(text, m.start(), m.end())
            for k, r in enumerate(results):
                if r.end <= start and _JOIN.fullmatch(text, r.end, start):
                    # the city line right after a street the patterns stopped short of: one address
                    results[k] = self._result(r.start, m.end(), r.score, r.analysis_explanation.textual_explanation)
                    covered.append((r.start, m.end()))
                    break
            else:
                add(start, m.end(), self.CITY_SCORE, "city, state and ZIP code")
        for m in self._re["label"].finditer(text):
            value = m.group("value")
            cut = _NEXT_FIELD.search(value)
            if cut:
                value = value[: cut.start()]
            stripped = value.strip(" \t\r,;.")
            if not stripped or _PLACEHOLDER.match(stripped) or "@" in stripped or "http" in stripped.lower():
                continue
            if not (stripped[0].isdigit() or stripped[0].isupper() or stripped[0] == "#"):
                continue
            start = m.start("value") + (len(value) - len(value.lstrip()))
            end = m.start("value") + len(value.rstrip(" \t\r,;"))
            add(start, end, self.LABEL_SCORE, "address form field")
        return results

"""NATIONALITY: a person's nationality, citizenship, origin or birthplace.

The span is the country or demonym word(s) itself ("Honduran" in "a Honduran national", "Guatemala" in "citizen
of Guatemala", "Mexican" in "Mexican-born"), or the value of a form field ("Place of Birth: Port-au-Prince, Haiti").

How it decides (recall first - a miss can get someone deported):

* One precompiled, trie-shaped regular expression finds every country name and demonym (English, plus common
  Spanish/French forms) in one pass. English names must be capitalised (or in capitals) so "turkey", "china
  plates" are not candidates; lower-case ones count only with strong context.
* A demonym is reported when it describes a person: followed by a person/identity noun ("national", "woman",
  "workers", "passport", "descent", "-born"), predicative ("he is Dominican"), a plural or article noun ("two
  Hondurans", "a Mexican who"), Spanish/French forms ("hondureña"); weakly when it modifies another noun that is
  not a thing/institution ("the Mexican government" is not reported).
* A country name is reported only with origin context: "born in", "citizen of", "native of", "from", "fled",
  "deported to", "returned to", "a Mexico native" ... (a city may sit between: "born in San Pedro Sula,
  Honduras"), or in a list continuing one ("citizen of Mexico and Guatemala").
* Never inside an exclusion phrase ("Chinese New Year", "New Mexico", "Guinea pig", "Jordan Avenue"), an address
  ("Atlanta, Georgia", "Georgia 30303"), or a language use ("speaks Spanish", "Spanish-speaking").
* Form fields ("Country of Birth:", "Citizenship:", "Nationality:", "Place of Birth:", "País de origen:" ...)
  report their value up to the end of the line or the next label.

Word lists live in ``resources/wordlists`` and are read once per process. The spaCy parse is used only to tell
whether the word after a demonym is a noun (weak evidence) when no list decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection import months
from workstation.detection.a_number_recognizer import PEOPLE_HEADER, table_cells, table_columns
from workstation.detection.phrases import (
    DASH_CLASS,
    DASHES,
    bounded,
    case_form,
    phrase_key,
    trie_regex,
    with_folded,
)
from workstation.detection.wordlists import read_wordlist, wordlist

# Word-list helpers (also used by the immigration-status recognizer and the gazetteer) live in phrases.py.


class SpanSet:
    """Sorted, possibly overlapping spans; ``covers(start, end)`` is True when one span contains [start, end)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return any(e >= end for _, e in self.spans[max(0, i - 8) : i])


def result(entity: str, start: int, end: int, score: float, recognizer: EntityRecognizer) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


class TokenIndex:
    """Character offset -> spaCy token of a Doc, built lazily."""

    def __init__(self, nlp_artifacts: NlpArtifacts | None) -> None:
        self.doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        self._starts: list[int] | None = None

    def token_at(self, char: int):
        if self.doc is None:
            return None
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        i = bisect_left(self._starts, char)
        if i < len(self._starts) and self._starts[i] == char:
            return self.doc[i]
        return None


# ---------------------------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------------------------

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CITY = rf"[{_UPPER}][\w'\u2019.{DASH_CLASS}]*(?:\s+(?:[{_UPPER}][\w'\u2019.{DASH_CLASS}]*|de|del|la|las|los|el|du|des|d'|au|of)){{0,4}}"
_FILLER = (
    r"[\s,:]+(?:(?i:the)\s+)?"
    r"(?:(?i:(?:islamic\s+|people's\s+|democratic\s+|federal\s+|united\s+|socialist\s+)?"
    r"(?:republic|kingdom|state|commonwealth|federation|union|nation))\s+(?i:of)\s+(?:(?i:the)\s+)?)?"
    rf"(?:{_CITY}\s*,\s*(?:(?i:the)\s+)?){{0,3}}$"
)
_LOOSE_TRIGGER = re.compile(
    r"(?<![\w])(?:(?i:born|nacid[oa])(?![\w])[^.;!?\n]{0,60}?\s(?i:in|en)"
    r"|(?i:natives?|citizens?|nationals?)(?![\w])[^.;!?\n]{0,30}?\s(?i:of)"
    r"|(?i:deported|removed|repatriated|returned|deportad[oa]s?)(?![\w])[^.;!?\n]{0,60}?\s(?i:to|a)"
    r"|(?i:fled|flee(?:ing|s)?|escaped|emigrated|immigrated|migrated|originally|came|arrived|originari[oa])"
    r"(?![\w])[^.;!?\n]{0,60}?\s(?i:from|de))\s+(?:(?i:the)\s+)?$"
)
# a count before a demonym and a list's comma or conjunction after it: "4 Malaysians, 2 Japanese, and 1 ..."
_COUNT_BEFORE = re.compile(r"(?<![\w.,/:$])\d{1,4}[ \t]+$")
_LIST_AFTER = re.compile(r"[ \t]*(?:,|;|[ \t](?:and|or)[ \t])")
_PREDICATIVE = re.compile(
    r"(?:(?<![\w])(?i:he|she|who|that|it)['\u2019](?i:s)|(?<![\w])(?i:they|we|you|who)['\u2019](?i:re)|"
    r"(?<![\w])I['\u2019](?i:m)|"
    r"(?<![\w])(?i:is|was|are|were|am|be|been|being|'s|\u2019s|'re|\u2019re|'m|\u2019m|became|become|becomes|"
    r"identifies\s+as|identified\s+(?:himself\s+|herself\s+|themselves\s+)?as|described\s+as|self-identified\s+as|"
    r"claims?\s+to\s+be|claimed\s+to\s+be|appears?\s+to\s+be|appeared\s+to\s+be|listed\s+as|reported\s+as|"
    r"believed\s+to\s+be|es|era|son|eran|est|sont|était))"
    r"\s+(?:(?i:also|originally|reportedly|apparently|possibly|probably|likely|allegedly|half|part|both|not|"
    r"ethnically|actually)\s+)*$"
)
# A person description: "Hispanic male, Mexican, 30s", "H/M, MEXICAN".
_DESCRIPTION_BEFORE = re.compile(
    r"(?<![\w])(?i:male|female|man|woman|boy|girl|juvenile|adult|[HWB]/[MF])\s*[,;/]\s*$"
)
# "described as a Hispanic male, possibly Mexican"
# A person described by a participle, without an article (headlines): "arrests previously removed Honduran".
_PARTICIPLE_BEFORE = re.compile(r"(?<![\w])[a-z]{3,}ed\s+$")
_HEDGE_BEFORE = re.compile(r"[,(]\s*(?i:possibly|probably|likely|perhaps|maybe|believed|reportedly|unknown\s+if)\s+$")
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w])(?i:a|an|the|one|two|three|four|five|six|several|some|many|other|fellow|another|these|those|"
    r"young|old|elderly|adult|male|female|undocumented|un|una|unos|unas|el|la|los|las|le|les|une|des)\s+$"
)
_LANGUAGE_BEFORE = re.compile(
    r"(?<![\w])(?i:speak|speaks|spoke|spoken|speaking|in|into|fluent|fluently|understand|understands|understood|"
    r"read|reads|write|writes|writing|learn|learns|learning|learned|taught|teach|teaches|teaching|study|studies|"
    r"studying|translate|translates|translated|translating|know|knows|interpret|interpreted|interpreting|"
    r"proficient|and|or|habla|hablaba|parle|en)\s+(?:(?i:only|some|little|broken|a\s+little|fluent|basic|"
    r"limited|mostly|both)\s+)*$"
)
_LANGUAGE_AFTER = re.compile(
    r"^(?:\s*[\-\u2010\u2011]\s*|\s+)(?i:speaking|speaker|speakers|language|languages|interpreter|interpreters|"
    r"interpretation|translator|translators|translation|translations|version|text|class|classes|teacher|course|"
    r"courses|lessons|dialect|subtitles|subtitled|word|words|proficiency|fluency|creole|sign|monolingual|"
    r"literature|grammar|accent|major|skills|only|dubbed|form|forms|speech|radio|television|tv|channel|"
    r"newspaper|media|Bible|mass|service|services|immersion|instruction)(?![\w])"
)
_SPEAKING_AFTER = re.compile(r"^\s*[\-\u2010\u2011]\s*(?i:speaking|speaker|language)")
_COUNTRY_AFTER_PERSON = re.compile(
    r"^(?:\s*[\-\u2010\u2011]\s*|\s+)(?i:born|native|natives|national|nationals|citizen|citizens|raised)(?![\w])"
)
_COUNTRY_IS_ORIGIN = re.compile(
    r"^,?\s+(?i:(?:is|was|as)\s+)?(?i:his|her|their|my|our|the\s+(?:subject|victim|suspect|defendant)'s)\s+"
    r"(?i:home\s+country|native\s+country|country\s+of\s+(?:origin|birth|citizenship|nationality)|"
    r"birthplace|place\s+of\s+birth|homeland|native\s+land)"
)
_ADDRESS_AFTER = re.compile(
    r"^(?:,?\s*[A-Z]{2}\s+\d{5}|,?\s+\d{5}(?:-\d{4})?(?!\d)|\s+(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|"
    r"Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Plaza|"
    r"Trail|Park|Heights|Hts|Township|County|Beach|Springs|Falls|Valley|Hills|Mills|Station|Center|Centre|Hall|"
    r"Hotel|Restaurant|Grill|Cafe|Bakery|Market|Deli|Express|Airlines|Airways|Bank|Inc|LLC|Corp|Company|"
    r"Boutique|Salon|Store|Motel|Inn|Bar|Lounge|Kitchen|Buffet|Garden|Wok|Palace)\b\.?)"
)
# "Alexander Romero, of Honduras, pleaded guilty", "Ana Ruiz, 34, of Guatemala": a person's origin in a release
_NAME_OF_BEFORE = re.compile(rf"[{_UPPER}][\w'\u2019\-]+,\s+(?:(?:age\s+)?\d{{1,3}},\s+)?(?i:of)\s+(?:the\s+)?$")
# ... followed by a comma, or by the removal it is part of ("removed Rojer Sarmiento, 45, of Honduras from the United
# States")
_NAME_OF_AFTER = re.compile(r"^\s*[,;)]|^\s+(?i:from)\s+(?:the\s+United\s+States|the\s+U\.S\.|this\s+country)\b")
_CITY_COMMA_BEFORE = re.compile(rf"(?<![\w])([{_UPPER}][\w'.\-]*),\s*$")
_GEORGIA_CITIES = {"tbilisi", "batumi", "kutaisi", "rustavi", "gori", "zugdidi", "poti"}
# a headline's person named by the demonym alone: "DRO deports Jamaican wanted for killing two cops"
_ACTED_ON_BEFORE = re.compile(r"(?<![\w])(?i:deports|deported|removes|removed|arrests|arrested|extradites|extradited|"
                              r"repatriates|repatriated|captures|captured|apprehends|apprehended)\s+(?:(?i:an?)\s+)?$")
# a headline's person named by the demonym alone: "DRO deports Jamaican wanted for killing two cops"
_ACTED_ON_BEFORE = re.compile(r"(?<![\w])(?i:deports|deported|removes|removed|arrests|arrested|extradites|extradited|"
                              r"repatriates|repatriated|captures|captured|apprehends|apprehended)\s+(?:(?i:an?)\s+)?$")
# "Harjit Singh (Indian) was interviewed", "Colleen DELUCA (Jamaican)": a name, then the word alone in brackets.
_PAREN_BEFORE = re.compile(rf"[{_UPPER}][\w'\u2019.{DASH_CLASS}]*\s*[(\[]\s*$")
_PAREN_AFTER = re.compile(r"^\s*[)\]]")
# "Rafael Souza (Brazilian, visa overstay)", "Ana Quispe (34, Ecuadorian)": one item of a comma-separated
# parenthetical right after a name.
_PAREN_LIST_BEFORE = re.compile(
    rf"[{_UPPER}][\w'\u2019.{DASH_CLASS}]*\s*[(\[]\s*(?:[^()\[\]\n,;]{{1,30}}[,;]\s*){{0,3}}$"
)
_PAREN_LIST_AFTER = re.compile(r"^\s*(?:[)\]]|[,;]\s*[^()\[\]\n]{0,60}[)\]])")
# A language field: "Language: Wolof / French", "Languages spoken: Haitian Creole", "Primary language - Spanish".
_LANGUAGE_FIELD_BEFORE = re.compile(
    r"(?i:languages?|lang\.?|idiomas?|langues?|dialects?|interpreter\s+needed|interpreter)"
    r"(?:\s+(?:spoken|used|needed|preferred|of\s+choice))?\s*(?:\([^)\n]{0,20}\))?"
    r"[ \t]*(?::|\s[\-\u2013\u2014]\s|\t)[^:\n\t]*$"
)
_LANGUAGE_NEAR = re.compile(r"(?i:interpret|translat|language|speaks|speaking|speaker|idioma|langue)[^.;\n]*$")
# Family or home abroad reveals origin: "his family remains in India", "wife and children in Haiti".
_ABROAD_BEFORE = re.compile(
    r"(?<![\w])(?i:family|families|relatives|wife|husband|spouse|partner|children|kids|child|sons?|daughters?|"
    r"mother|father|parents|mom|dad|mama|papa|brothers?|sisters?|siblings|grandmother|grandfather|grandparents|"
    r"aunts?|uncles?|cousins?|fianc[e\u00e9]e?|loved\s+ones|home|house|hometown|village|town)(?![\w])"
    r"[^.;!?\n]{0,50}?\s(?i:in|to|at)\s+(?:(?i:the)\s+)?$"
)
# An address-block "Country:" (after "City:", "State:", "Zip:") is where someone lives, not their origin.
_ADDRESS_LABELS_BEFORE = re.compile(r"(?i:\b(?:state|zip(?:\s*code)?|postal\s+code|province|city|street)\s*:)")
# Table column headers whose cells are NATIONALITY values (besides the form labels): "Nat.", "Country", "Origin".
# Under these short or generic headers, a cell counts only when it names a country or demonym.
_WEAK_HEADERS = ("Nat", "Nat.", "Natl", "Natl.", "Country", "Ctry", "Origin", "Born in", "País", "Pais", "Pays",
                 "Origen")
_BARE_COUNTRY_LABELS = frozenset({"country", "pais", "pays"})
# Weak headers that read as a nationality only in a table about people (a name, DOB, age or relation column).
_PEOPLE_ONLY_HEADERS = frozenset({"country", "ctry", "pais", "pays", "origin", "origen"})
# Table cells that are not a country or demonym: digits (a misaligned date, phone, number) or an e-mail.
_CELL_NOT_VALUE = re.compile(r"\d|@")
# "born on 03/14/1991 in Cuenca, Ecuador", "born June 2, 1985 in Haiti", "born 1990 in Lagos, Nigeria": a date
# between "born" and "in"; the city before the country belongs to the span.
_MONTH = r"(?i:" + months.STEMS + r")[a-z]*\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{_MONTH},?"
         rf"\s+\d{{4}}|\d{{1,4}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|(?:{_MONTH}\s+)?\d{{4}})")
_BORN_DATED_BEFORE = re.compile(
    rf"(?<![\w])(?i:born|nacid[oa]|n[ée]e?)\s+(?:(?i:on|about|around|circa|c\.|el|le)\s+)?{_DATE}\s*,?\s+"
    rf"(?i:in|en|à|a)\s+(?:(?i:the)\s+)?(?P<city>(?:{_CITY}\s*,\s*){{0,3}})$"
)
# Where the text after a candidate stops being its context: a column gap, or a new line that is a label or a
# heading ("Spanish\nNationality: ...").
_AFTER_ENDS = re.compile(r"\t| {2,}|\n(?=[^\n]{0,40}:)|\n(?=[ \t]*[A-Z])|\n[ \t]*\n")
_LIST_GAP = re.compile(r"^\s*(?:,|/|&|(?i:and|or|y|o|et|ou)|,\s*(?i:and|or))\s*$")
_PREV_WORD = re.compile(r"([^\W\d_][\w'\u2019]*)\W*$")
_NEXT_WORD = re.compile(r"^[\s\-\u2010\u2011]*([^\W\d_][\w'\u2019]*)")
_NULL_VALUE = re.compile(
    r"^(?i:n/?a|none|nil|null|unk|unknown|not\s+(?:provided|applicable|known|stated|given|available|listed)|"
    r"see\s+(?:attached|above|below)|refused|declined|tbd|pending|same|same\s+as\s+above|-+|_+|\?+)\.?$"
)
_LABEL_SEP = r"\s*(?:\((?i:s|ies)\))?[ \t]*(?:[:\uff1a]|\t| {2,}|\||[ \t][\-\u2013\u2014]{1,2}[ \t])[ \t]*"
# Labels that end a form value on the same line ("Nationality: Mexican  DOB: ...", "Citizenship: Mexico Sex: M").
_OTHER_LABELS = (
    "DOB|D.O.B.|Date of Birth|Birth Date|Sex|Gender|Race|Ethnicity|Height|Hgt|Weight|Wgt|Eyes|Eye Color|Hair|"
    "Hair Color|Age|Address|Addr|Phone|Tel|Telephone|Cell|SSN|SS#|A#|A-Number|A Number|Alien Number|Alien #|"
    "Passport|Passport No|Passport Number|Name|First Name|Last Name|Status|Immigration Status|Occupation|"
    "Employer|Marital Status|Language|Religion|Email|E-mail|Height|Scars|Tattoos|Case|Case No|Date|Sexo|Raza|"
    "Edad|Fecha de Nacimiento|Idioma|Dirección|Teléfono|Estado Civil|Estatus Migratorio|Occupation|ID|Visa|"
    "Class of Admission|Date of Entry|Port of Entry|Entry Date|FBI|FBI#|SID|NYSID|Booking|Arrest"
)


# -- places of birth and origin (cities and regions from the gazetteer) ------------------------------------------
# A place name says nothing about a person by itself ("Jackson Heights", "flights to Lima"): only the capitalised
# words right after one of these phrases are looked up. BIRTH phrases admit any place ("born in Queens");
# ORIGIN phrases only a place outside the United States ("originally from Chennai", not "came from Chicago").
_PLACE_WORD = rf"[{_UPPER}][\w'\u2019.{DASH_CLASS}]*"
_PLACE_PARTICLE = r"(?i:de|del|de\s+la|de\s+los|la|las|los|el|da|do|dos|das|di|du|des|al|es|of|upon|sur|au|aux|an)"
_PLACE_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_PLACE_SEQ = re.compile(rf"{_PLACE_WORD}(?:{_PLACE_GAP}(?:{_PLACE_PARTICLE}{_PLACE_GAP})?{_PLACE_WORD}){{0,5}}")
_PLACE_BIRTH = (
    r"(?i:born(?:\s+and\s+(?:raised|bred))?(?P<gap>[^.;!?\n]{0,50}?)\s+(?:in|at)"
    r"|birth\s*place(?:\s+(?:is|was))?\s*:?|place\s+of\s+birth\s+(?:is|was)"
    r"|nacid[oa]s?(?:\s+y\s+criad[oa]s?)?\s+en|n[ée]e?\s+(?:en|à|a))"
)
_PLACE_ORIGIN = (
    r"(?i:natives?(?:\s+and\s+(?:citizens?|nationals?))?\s+of|(?:citizens?|nationals?)(?:\s+and\s+natives?)?\s+of"
    r"|originally(?:\s+hails?)?\s+from|hail(?:s|ed|ing)?\s+from"
    r"|(?:is|was|are|were|am|be|been|'s|\u2019s|'re|\u2019re|'m|\u2019m)\s+(?:originally\s+|also\s+)?from"
    r"|(?:came|comes|come|coming)(?:\s+(?:here|over|originally|alone|north))?"
    r"(?:\s+to\s+(?:the\s+United\s+States|the\s+U\.?S\.?|America|this\s+country|New\s+York)(?:\s+in\s+\d{4})?)?\s+from"
    r"|(?:emigrated|immigrated|migrated|fled|escaped|relocated|moved|arrived)"
    r"(?:\s+(?:here|to\s+the\s+United\s+States|to\s+the\s+U\.?S\.?|to\s+New\s+York)(?:\s+in\s+\d{4})?)?\s+from"
    r"|fled|(?:grew\s+up|was\s+raised|were\s+raised|raised)\s+in"
    r"|(?:his|her|their|my|our|the\s+family's)\s+(?:home\s*town|(?:native|home)\s+(?:city|town|village|state|region|province)"
    r"|village|town)(?:\s+of|,|\s+(?:is|was|in))?"
    r"|home\s*town\s+(?:of|is|was|in)|originari[oa]s?\s+de|oriund[oa]s?\s+de|originaire\s+d[eu]"
    r"|es\s+de|son\s+de|viene\s+de|vino\s+de)"
)
_PLACE_TRIGGER = re.compile(
    rf"(?<![\w])(?:(?P<birth>{_PLACE_BIRTH})|(?P<origin>{_PLACE_ORIGIN})|(?P<noun>[^\W\d_]+)\s+from)"
    rf"\s+(?:(?i:the)\s+)?(?:(?i:city|town|village|state|province|region|department|municipality)\s+of\s+)?"
    rf"(?=[{_UPPER}])"
)
# Between "born" and "in" only a date, a family or "at home" ("born in 1972 to a close-knit family in ..."), not
# a second clause ("born in Mexico and lived in Chicago").
_BIRTH_GAP_STOP = re.compile(
    r"(?i:\b(?:and|but|or|lived|lives|living|moved|raised|grew|came|went|resid\w*|arrived|entered|then|later|where|"
    r"who|was|is|were|has|had|worked|works|married|stayed|remained)\b)|,(?!\s*\d)"
)
# "a Chennai native", "Puebla-born": the place before the noun.
_PLACE_BEFORE_NOUN = re.compile(
    rf"(?P<seq>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}})(?:\s*[{DASH_CLASS}]\s*(?P<born>born)|\s+natives?)"
    rf"(?![\w])"
)
_PLACE_AFTER_REJECT = re.compile(
    r"^(?:['\u2019]s?(?![\w])|\s+(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|"
    r"Court|Ct|Terrace|Parkway|Highway|Hwy|Square|Plaza|Park|Hospital|Medical|Center|Centre|County|Airport|"
    r"Station|Detention|Correctional|Processing|Police|Department|University|College|School|Community|Field|"
    r"Office|Sector|Port|Jail|Prison|Facility|Family|Residential|Service|Services|Street)\b)"
)
_PLACE_COMMA_NEXT = re.compile(rf"^\s*,\s*(?:(?i:the)\s+)?(?P<next>{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_PARTICLE}[ \t]+)?{_PLACE_WORD}){{0,3}})")


# A table read cell by cell (PDF tables extracted column after column, rows joined into lines): the neighbours of
# a cell are the line's edge, a number or date, or a one-letter code ("M 1/9/1962 MEXICO 4/13/2017").
_CELL_BEFORE = re.compile(r"(?:\n|\t|\d|(?<![\w])[A-Z]|\s{2,})[ \t]*$")
_CELL_AFTER = re.compile(r"^[ \t]*(?:$|\n|\t|\d|\s{2,})")


_DATE_CELL_BEFORE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}\s+$")
_DATE_CELL_AFTER = re.compile(r"^\s+\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])")


def _table_cell(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone between table-cell neighbours (line edges, numbers, dates)."""
    before = text[start - 20 : start] if start >= 20 else "\n" + text[:start]
    return bool(_CELL_BEFORE.search(before) and _CELL_AFTER.match(text[end : end + 20]))


_US_KEYS = frozenset({"unitedstates", "unitedstatesofamerica", "us", "usa", "america", "theunitedstates"})


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(p.lower() for p in wordlist("nationality_person_nouns.txt") if " " not in p)


@dataclass
class _Entry:
    kinds: set[str] = field(default_factory=set)  # "country", "demonym", "foreign", "plural", "language", "ambiguous"
    forms: set[str] = field(default_factory=set)  # accepted case-sensitive spellings (case_form)


@dataclass
class _Lexicon:
    names: re.Pattern[str]
    entries: dict[str, _Entry]
    exclusions: re.Pattern[str]
    person_after: re.Pattern[str]
    nonperson: frozenset[str]
    triggers: re.Pattern[str]
    trigger_scores: dict[str, float]
    labels: re.Pattern[str]
    value_end: re.Pattern[str]
    headers: re.Pattern[str]
    weak_headers: re.Pattern[str]


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "x", "y", "z")) or demonym.endswith("ese"):
        return None
    return demonym + "s"


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    entries: dict[str, _Entry] = {}

    def add(phrase: str, *kinds: str) -> None:
        for variant in with_folded([phrase]):
            e = entries.setdefault(phrase_key(variant), _Entry())
            e.kinds.update(kinds)
            e.forms.add(case_form(variant))

    ambiguous = {phrase_key(p) for p in wordlist("nationality_ambiguous.txt")}
    languages = {phrase_key(p) for p in wordlist("demonyms_language.txt")}
    for country in wordlist("countries.txt"):
        add(country, "country")
    for demonym in wordlist("demonyms.txt"):
        add(demonym, "demonym")
        plural = _plural(demonym)
        if plural:
            add(plural, "demonym", "plural")
    for foreign in wordlist("demonyms_foreign.txt"):
        add(foreign, "foreign")
    for key, e in entries.items():
        if key in ambiguous:
            e.kinds.add("ambiguous")
        if key in languages:
            e.kinds.add("language")

    all_names = [form for e in entries.values() for form in e.forms]
    names = re.compile(bounded(trie_regex(all_names)), re.IGNORECASE)

    exclusions = re.compile(bounded(trie_regex(with_folded(wordlist("nationality_exclusions.txt")))), re.IGNORECASE)
    person_after = re.compile(
        r"^(?:\s*[\-\u2010\u2011]\s*|\s+)(?:(?:[^\W\d_][\w'\u2019]*(?:[\-\u2010\u2011][\w'\u2019]+)*|\d+(?:[\-\u2010\u2011]\w+)*)"
        r"[\s\-\u2010\u2011]+){0,2}?"
        + bounded(trie_regex(with_folded(wordlist("nationality_person_nouns.txt")))),
        re.IGNORECASE,
    )
    nonperson = frozenset(p.lower() for p in wordlist("nationality_nonperson_nouns.txt"))

    trigger_scores: dict[str, float] = {}
    for phrase, score in read_wordlist("nationality_triggers.txt"):
        for variant in with_folded([phrase]):
            trigger_scores[phrase_key(variant)] = 0.85 if score is None else score
    trigger_phrases = with_folded(wordlist("nationality_triggers.txt"))
    triggers = re.compile(
        r"(?:(?<![\w])|(?=['\u2019]))(?P<trigger>(?i:" + trie_regex(trigger_phrases) + "))" + _FILLER
    )

    labels = re.compile(
        r"(?<![\w/])(?i:" + trie_regex(with_folded(wordlist("nationality_labels.txt"))) + r")"
        + "(?P<sep>" + _LABEL_SEP + r")(?=(?P<value>[^\r\n]*))",  # a lookahead: a later label on the line counts too
    )
    value_end = re.compile(
        r"\t| {2,}|\s\|\s?|;|\s+(?=(?i:" + _OTHER_LABELS + "|" + trie_regex(wordlist("nationality_labels.txt"))
        + r")\s*[:#])"
    )
    weak = {phrase_key(h) for h in _WEAK_HEADERS}
    headers = re.compile(
        r"(?<![\w])(?i:"
        + trie_regex(with_folded([h for h in wordlist("nationality_labels.txt") if phrase_key(h) not in weak]))
        + r")(?![\w])"
    )
    weak_headers = re.compile(r"(?<![\w])(?i:" + trie_regex(with_folded(_WEAK_HEADERS)) + r")(?![\w])")
    return _Lexicon(names, entries, exclusions, person_after, nonperson, triggers, trigger_scores, labels,
                    value_end, headers, weak_headers)


# ---------------------------------------------------------------------------------------------------------------
# Recognizer
# ---------------------------------------------------------------------------------------------------------------


class NationalityRecognizer(EntityRecognizer):
    """Country names and demonyms that state a person's nationality, citizenship, origin or birthplace."""

    ENTITY = "NATIONALITY"
    STRONG = 0.85  # person noun / predicative / "born in" / "citizen of" / form field
    MEDIUM = 0.7  # Spanish-French forms, form values without a known country, loose "born ... in X"
    WEAK = 0.6  # noun use ("two Hondurans"), lower-case with strong context
    WEAKEST = 0.45  # demonym modifying an unknown noun

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="NationalityRecognizer",
                         supported_language="en", version="1.0")

    def load(self) -> None:
        from workstation.detection import gazetteer

        lexicon()
        gazetteer.load()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        lex = lexicon()
        out: list[RecognizerResult] = []
        out.extend(self._form_fields(text, lex))
        out.extend(self._table_columns(text, lex))
        out.extend(self._origin_places(text, lex))
        tokens = TokenIndex(nlp_artifacts)
        excluded: SpanSet | None = None
        header_at: int | None = None
        last_end, last_score = -1, 0.0
        for m in lex.names.finditer(text):
            entry = lex.entries.get(phrase_key(m.group()))
            if entry is None:
                continue
            if excluded is None:
                excluded = SpanSet(x.span() for x in lex.exclusions.finditer(text))
            start, end = m.span()
            score = self._score(text, m, entry, lex, excluded, tokens)
            if "country" in entry.kinds and self._case_ok(m.group(), entry) is not None \
                    and not excluded.covers(start, end):
                born = _BORN_DATED_BEFORE.search(text, max(0, start - 150), start)
                if born:
                    score = self.STRONG
                    if born.group("city"):
                        start = born.start("city")  # "Cuenca, Ecuador": recall first, the city too
            if score is None and self._case_ok(m.group(), entry) is not None and not excluded.covers(start, end) \
                    and "country" in entry.kinds and "language" not in entry.kinds and m.group().isupper() \
                    and _table_cell(text, start, end) and phrase_key(m.group()) not in _US_KEYS:
                if header_at is None:
                    header = lex.headers.search(text)
                    header_at = header.start() if header else len(text)
                if header_at < start or (_DATE_CELL_BEFORE.search(text[max(0, start - 14) : start])
                                         and _DATE_CELL_AFTER.match(text[end : end + 14])):
                    # a table read cell by cell: "COUNTRY OF BIRTH" ... "GUATEMALA" on its line, or a row of the
                    # table on a later page: "1/9/1962 MEXICO 4/13/2017"
                    score = self.MEDIUM
            if score is None and last_end >= 0 and _LIST_GAP.match(text[last_end:start]) \
                    and not excluded.covers(start, end) and self._case_ok(m.group(), entry) is not None:
                score = last_score
            if score is not None:
                out.append(result(self.ENTITY, start, end, score, self))
                last_end, last_score = end, score
        return out

    def _us_score(self, before: str, after: str, lex: _Lexicon) -> float | None:
        """"United States" / "U.S." / "America" only where a person's nationality or birthplace is stated ("born
        in the United States", "a native of the U.S.", "U.S.-born"): never as a jurisdiction, a destination or a
        place something happened, and not in "U.S. citizen" (an immigration status)."""
        person = _COUNTRY_AFTER_PERSON.match(after)
        if person and "citizen" not in person.group().lower():
            rest = _NEXT_WORD.match(after[person.end() :])
            if not (rest and rest.group(1).lower() in lex.nonperson):
                return self.STRONG
        if _COUNTRY_IS_ORIGIN.match(after):
            return self.STRONG
        trig = lex.triggers.search(before)
        if trig is None:
            return None
        key = phrase_key(trig.group("trigger"))
        if lex.trigger_scores.get(key, 0) < self.STRONG or key.endswith("to") \
                or key.startswith(("fle", "escap", "left", "leav", "depart")):
            return None  # "deported from the United States", "returned to the U.S.", "fled the United States"
        return self.STRONG

    # -- places of birth and origin ------------------------------------------------------------------------------

    def _origin_places(self, text: str, lex: _Lexicon) -> list[RecognizerResult]:
        """Cities and regions after "born in", "native of", "originally from", "a man from" ...; "Chennai-born"."""
        out = []
        persons = _person_nouns()
        for m in _PLACE_TRIGGER.finditer(text):
            birth = m.group("birth") is not None
            if birth and m.group("gap") and _BIRTH_GAP_STOP.search(m.group("gap")):
                continue
            noun = m.group("noun")
            if noun is not None and noun.lower() not in persons:
                continue  # "flights from Lima", "a letter from Victoria"
            prev = _PREV_WORD.search(text, max(0, m.start() - 40), m.start())
            if noun is None and prev and prev.group(1).lower() in lex.nonperson:
                continue  # "the shipment came from Shenzhen", "the call was from Lima"
            found = self._place_at(text, m.end(), lex)
            if found is None:
                continue
            start, end, us = found
            if us and not birth:
                continue  # "came from Chicago", "a friend from Jackson Heights": where the case happens
            out.append(result(self.ENTITY, start, end, self.MEDIUM if noun is not None else self.STRONG, self))
        for m in _PLACE_BEFORE_NOUN.finditer(text):
            born = m.group("born") is not None
            seq_start, seq_end = m.span("seq")
            for w in re.finditer(r"\S+", text[seq_start:seq_end]):
                found = self._place_at(text, seq_start + w.start(), lex, limit=seq_end)
                if found is None or found[1] != seq_end:
                    continue
                if not found[2] or born:
                    out.append(result(self.ENTITY, found[0], found[1], self.STRONG, self))
                break
        return out

    @staticmethod
    def _place_at(text: str, pos: int, lex: _Lexicon, limit: int | None = None) -> tuple[int, int, bool] | None:
        """(start, end, in the United States) of the longest gazetteer place starting at pos, with a following
        ", Region" / ", Country" of it; None when there is none or it is a country or demonym of the word lists
        (those are decided by the country rules)."""
        from workstation.detection import gazetteer

        seq = _PLACE_SEQ.match(text, pos, limit if limit is not None else len(text))
        if seq is None:
            return None
        ends = [pos + w.end() for w in re.finditer(_PLACE_WORD, seq.group())]
        for end in reversed(ends):
            while end > pos and text[end - 1] in ".'\u2019":
                end -= 1
            name = text[pos:end]
            if phrase_key(name) in lex.entries:
                return None
            place = gazetteer.place(name)
            if place is None:
                continue
            if place.kind == "country":
                return None  # "the Republic of Guatemala": the country rules decide
            if _PLACE_AFTER_REJECT.match(text[end : end + 30]):
                return None  # "Queens Boulevard", "Lima's", "Jackson Heights Hospital"
            us = place.us
            for _ in range(2):  # "Ahuachapan, Ahuachapan, El Salvador", "Brooklyn, New York"
                nxt = _PLACE_COMMA_NEXT.match(text[end : end + 80])
                if nxt is None:
                    break
                words = [w.end() for w in re.finditer(_PLACE_WORD, nxt.group("next"))]
                for w_end in reversed(words):
                    part = nxt.group("next")[:w_end].rstrip(".")
                    key = phrase_key(part)
                    entry = lex.entries.get(key)
                    region = gazetteer.place(part)
                    if entry is not None and "country" in entry.kinds:
                        us = key in _US_KEYS
                    elif region is not None and region.kind != "city":
                        us = region.us
                    else:
                        continue
                    end = end + nxt.start("next") + len(part)
                    break
                else:
                    break
            return pos, end, us
        return None

    # -- form fields -------------------------------------------------------------------------------------------

    def _form_fields(self, text: str, lex: _Lexicon) -> list[RecognizerResult]:
        out = []
        for m in lex.labels.finditer(text):
            vstart = m.start("value")
            value = m.group("value")
            cut = lex.value_end.search(value)
            if cut:
                value = value[: cut.start()]
            stripped = value.rstrip(" ,:;")
            lead = len(stripped) - len(stripped.lstrip(" \"'"))
            stripped = stripped[lead:]
            if not stripped or len(stripped) > 80 or not any(c.isalpha() for c in stripped):
                continue
            if _NULL_VALUE.match(stripped):
                continue
            has_name = any(lex.entries.get(phrase_key(n.group())) for n in lex.names.finditer(stripped))
            sep = m.group("sep")
            if phrase_key(m.group()[: m.start("sep") - m.start()]) in _BARE_COUNTRY_LABELS:
                line_start = text.rfind("\n", 0, text.rfind("\n", 0, m.start()))
                if _ADDRESS_LABELS_BEFORE.search(text, max(0, line_start), m.start()):
                    continue  # "City: ...  State: ...\nCountry: USA": an address, not an origin
            if not has_name and (":" not in sep and "\uff1a" not in sep):
                continue  # a table cell after a bare label: only when it names a country
            score = self.STRONG if has_name else self.MEDIUM
            s = vstart + lead
            out.append(result(self.ENTITY, s, s + len(stripped), score, self))
        return out

    # -- table columns -------------------------------------------------------------------------------------------

    def _table_columns(self, text: str, lex: _Lexicon) -> list[RecognizerResult]:
        """Every value under a "Nationality" / "Citizenship" / "Country of Birth" / "COB" ... column header."""
        out = []
        strong = set(table_cells(text, lex.headers))
        weak: set[tuple[int, int]] = set()
        for column in table_columns(text, lex.weak_headers):
            if phrase_key(text[column.header[0] : column.header[1]]) in _PEOPLE_ONLY_HEADERS:
                line = text[column.header_line[0] : column.header_line[1]]
                if not PEOPLE_HEADER.search(line):
                    continue  # "Item  Qty  Country": where goods come from, not a person's origin
            weak.update(column.cells)
        for s, e in sorted(strong | weak):
            value = text[s:e]
            stripped = value.rstrip(" ,:;\"'")
            lead = len(stripped) - len(stripped.lstrip(" \"'"))
            stripped = stripped[lead:]
            if not stripped or len(stripped) > 60 or not any(c.isalpha() for c in stripped):
                continue
            if _NULL_VALUE.match(stripped) or _CELL_NOT_VALUE.search(stripped):
                continue
            has_name = any(lex.entries.get(phrase_key(n.group())) for n in lex.names.finditer(stripped))
            if not has_name and ((s, e) not in strong or len(stripped.split()) > 4 or stripped.islower()):
                continue
            out.append(result(self.ENTITY, s + lead, s + lead + len(stripped), self.STRONG if has_name
                              else self.MEDIUM, self))
        return out

    # -- one country / demonym candidate -------------------------------------------------------------------------

    @staticmethod
    def _case_ok(matched: str, entry: _Entry) -> str | None:
        """'proper' (capitalised as listed or in capitals), 'lower' (lower-case English), or None."""
        if "foreign" in entry.kinds:
            return "proper"
        form = case_form(matched)
        if form in entry.forms:
            return "proper"
        if matched.isupper():
            if phrase_key(matched) == "us" and "." not in matched:
                return None  # "US" = "us" in capitals
            return "proper"
        if matched.islower() and len(matched) >= 4 and "ambiguous" not in entry.kinds:
            return "lower"
        return None

    def _score(self, text: str, m: re.Match[str], entry: _Entry, lex: _Lexicon, excluded: SpanSet,
               tokens: TokenIndex) -> float | None:
        start, end = m.span()
        case = self._case_ok(m.group(), entry)
        if case is None or excluded.covers(start, end):
            return None
        before = text[max(0, start - 150) : start]
        after = text[end : end + 80]
        gap = _AFTER_ENDS.search(after)
        if gap:
            after = after[: gap.start()]  # the next table cell or form line is not context
        if "demonym" in entry.kinds or "foreign" in entry.kinds:
            score = self._demonym_score(before, after, entry, lex, tokens, end)
            if "country" in entry.kinds:  # "Philippines", "Laos": a country and a plural demonym
                as_country = self._country_score(before, after, m.group(), entry, lex)
                if as_country is not None and (score is None or as_country > score):
                    score = as_country
        else:
            score = self._country_score(before, after, m.group(), entry, lex)
        if score is None:
            return None
        if entry.forms & {"American", "Americans"} and score < self.MEDIUM:
            return None  # "American companies", "Americans": not a statement about a person's nationality
        if case == "lower":
            if "foreign" in entry.kinds:
                return score
            return self.WEAK if score >= self.STRONG else None
        return score

    def _demonym_score(self, before: str, after: str, entry: _Entry, lex: _Lexicon, tokens: TokenIndex,
                       end: int) -> float | None:
        if "language" in entry.kinds and (_LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(after)):
            return None
        if _LANGUAGE_FIELD_BEFORE.search(before):
            return None  # "Primary language: Spanish", "Languages spoken: Wolof / French"
        if _SPEAKING_AFTER.match(after):
            return None
        if entry.forms & {"American", "Americans"} and before.endswith(tuple(DASHES)):
            return None  # "Mexican-American": the first part is the origin
        nxt = _NEXT_WORD.match(after)
        next_word = nxt.group(1).lower() if nxt else ""
        if next_word in lex.nonperson:
            return None
        person = lex.person_after.match(after)
        if person:
            noun = person.group().strip().split()[-1].lower().strip("-")
            if noun in ("national", "nationals"):
                rest = _NEXT_WORD.match(after[person.end() :])
                if rest and rest.group(1).lower() in lex.nonperson:
                    return None
            return self.STRONG
        if _PREDICATIVE.search(before) or _DESCRIPTION_BEFORE.search(before) or _ACTED_ON_BEFORE.search(before):
            return self.STRONG
        if _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after) or (
                _PAREN_LIST_BEFORE.search(before) and _PAREN_LIST_AFTER.match(after)):
            if "language" not in entry.kinds or not _LANGUAGE_NEAR.search(before[-80:]):
                return self.STRONG  # "Harjit Singh (Indian) was interviewed", "Ana Quispe (34, Ecuadorian)"
        if _HEDGE_BEFORE.search(before):
            return self.WEAK
        if "foreign" in entry.kinds:
            return self.MEDIUM
        if "plural" in entry.kinds:
            return self.WEAK
        if _COUNT_BEFORE.search(before) and _LIST_AFTER.match(after) and any(
                f.endswith(("ese", "ss")) for f in entry.forms):
            return self.WEAK  # "66 Filipinos, 2 Japanese, and 1 Vietnamese": a plural like "Filipinos", counted
        if "language" in entry.kinds:
            return None  # a language-demonym needs a person noun or a predicate ("a Spanish national")
        token = tokens.token_at(end + nxt.start(1)) if nxt else None
        next_is_noun = bool(token is not None and token.pos_ in ("NOUN", "PROPN")) if nxt else False
        if nxt and token is None:
            next_is_noun = next_word.isalpha() and nxt.group(1)[:1].islower() and len(next_word) > 3
        if not next_is_noun:
            if _ARTICLE_BEFORE.search(before) and "country" not in entry.kinds:
                return self.WEAK  # "a Mexican who ...", "the Salvadoran."
            if _PARTICIPLE_BEFORE.search(before) and "country" not in entry.kinds:
                return self.WEAK  # "ICE arrests previously removed Honduran", "a convicted Salvadoran"
            return None
        if "country" in entry.kinds:
            return None
        if nxt and nxt.group(1)[:1].isupper() and not after.lstrip().isupper():
            return None  # "Mexican Consulate General", "Honduran Airlines": a name, not a person
        return self.WEAKEST

    def _country_score(self, before: str, after: str, matched: str, entry: _Entry, lex: _Lexicon) -> float | None:
        if _ADDRESS_AFTER.match(after):
            return None
        if phrase_key(matched) in _US_KEYS:
            return self._us_score(before, after, lex)
        if phrase_key(matched) == "georgia":
            city = _CITY_COMMA_BEFORE.search(before)
            if city and city.group(1).lower() not in _GEORGIA_CITIES:
                return None
        person = _COUNTRY_AFTER_PERSON.match(after)
        if person:
            rest = _NEXT_WORD.match(after[person.end() :])
            if not (rest and rest.group(1).lower() in lex.nonperson):  # not "the Brazil national team"
                return self.STRONG
        if _COUNTRY_IS_ORIGIN.match(after):
            return self.STRONG
        if _NAME_OF_BEFORE.search(before) and _NAME_OF_AFTER.match(after):
            return self.MEDIUM
        abroad = self.MEDIUM if _ABROAD_BEFORE.search(before) else None
        trig = lex.triggers.search(before)
        if trig and abroad is not None and lex.trigger_scores.get(phrase_key(trig.group("trigger")), 0) <= abroad:
            return abroad  # "his family remains in India", "wife and children in Haiti"
        if trig:
            score = lex.trigger_scores.get(phrase_key(trig.group("trigger")), self.WEAK)
            if score < self.WEAK:
                prev = _PREV_WORD.search(before, 0, trig.start())
                if prev and prev.group(1).lower() in lex.nonperson:
                    return None  # "a package from China", "imported from Mexico"
            if "ambiguous" in entry.kinds and score < self.MEDIUM:
                return None
            return score
        if "ambiguous" not in entry.kinds and _LOOSE_TRIGGER.search(before):
            return self.MEDIUM
        if abroad is not None:
            return abroad
        if _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after) and "ambiguous" not in entry.kinds:
            return self.WEAK  # "Jose Perez (Mexico)"
        return None

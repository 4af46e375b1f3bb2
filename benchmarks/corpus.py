"""A deterministic synthetic corpus of case documents with gold spans.

Seven document types (complaint reports, inter-agency e-mails, FOIL letters, shelter intake forms, witness
statements, rosters, DD5 follow-up reports). Every document is built by appending template pieces and
recording the offsets of inserted values as they are appended; no span is ever found by searching the text.

Gold conventions:
  NATIONALITY        the country or demonym word(s) ("Honduran", "El Salvador")
  IMMIGRATION_STATUS the status phrase ("entered without inspection", "TPS holder", "EWI")
  ADDRESS            the whole address incl. unit, city, state and ZIP, as one span (may span lines)
  PERSON             the name without title ("Maria Santos", "GARCIA LOPEZ, Jose")
  DATE_OF_BIRTH      the date only
  ids                the number incl. its A/letters prefix, not the label ("A# 212 345 678", "EAC2190012345")
  VEHICLE_PLATE      the plate alone, not its label or state ("NY plate KJT-4521" -> "KJT-4521")
  SOCIAL_MEDIA_HANDLE the user name, without the "@" of a handle ("@lil.maya22" -> "lil.maya22")

Public API: ``generate_document(doc_type, rng_or_seed)``, ``make_corpus(n, seed)``, ``render_pdf(doc, path)``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import pools as P

# the workstation's own category names (the gold spans use exactly these)
from workstation.domain.categories import (
    A_NUMBER,
    ADDRESS,
    ALL,
    DATE_OF_BIRTH,
    EMAIL_ADDRESS,
    I94_NUMBER,
    IMMIGRATION_STATUS,
    NATIONALITY,
    PASSPORT_NUMBER,
    PERSON,
    PHONE_NUMBER,
    SEVIS_ID,
    SOCIAL_MEDIA_HANDLE,
    US_SSN,
    USCIS_RECEIPT_NUMBER,
    VEHICLE_PLATE,
)

ENTITY_TYPES = ALL

DOC_TYPES = ("complaint_report", "email", "foil_letter", "shelter_intake", "witness_statement", "roster",
             "followup_dd5")


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    entity_type: str
    text: str


@dataclass
class SyntheticDocument:
    doc_id: str
    doc_type: str
    text: str
    spans: list[GoldSpan]
    layout: str = "flow"  # "flow", "two_column" or "table" (how render_pdf lays it out)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Ent:
    """A value to insert that is a gold span of ``entity_type``."""

    text: str
    entity_type: str


class _Builder:
    def __init__(self, side: random.Random | None = None) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[GoldSpan] = []
        # a second random stream for pieces added later (plates, handles), so that adding them leaves every draw
        # of the main stream - and so every other piece of the document - as it was
        self.side = side or random.Random(0)

    def t(self, s: str) -> _Builder:
        self._parts.append(s)
        self._len += len(s)
        return self

    def e(self, s: str, entity_type: str) -> _Builder:
        start = self._len
        self.t(s)
        self.spans.append(GoldSpan(start, self._len, entity_type, s))
        return self

    def add(self, v: str | Ent) -> _Builder:
        return self.e(v.text, v.entity_type) if isinstance(v, Ent) else self.t(v)

    def f(self, template: str, **slots: str | Ent) -> _Builder:
        """Append ``template`` with ``{slot}`` placeholders; Ent slot values become gold spans."""
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            self.t(template[pos:m.start()])
            self.add(slots[m.group(1)])
            pos = m.end()
        self.t(template[pos:])
        return self

    def nl(self, n: int = 1) -> _Builder:
        return self.t("\n" * n)

    @property
    def text(self) -> str:
        return "".join(self._parts)


# =============================================================================================================
# Values
# =============================================================================================================

def _pick_weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


@dataclass
class Address:
    number: str
    street: str
    unit: str
    city: str
    state: str
    state_long: str
    zip: str
    nyc: bool

    def street_text(self, rng: random.Random) -> str:
        street = self.street
        r = rng.random()
        if r < 0.35:
            words = street.split()
            last = words[-1]
            if last in P.SUFFIX_ABBR:
                words[-1] = rng.choice(P.SUFFIX_ABBR[last])
            if words[0] in P.DIRECTION_ABBR and rng.random() < 0.6:
                words[0] = rng.choice(P.DIRECTION_ABBR[words[0]])
            if rng.random() < 0.4:
                words = [re.sub(r"^(\d+)(st|nd|rd|th)$", r"\1", w) for w in words]
            street = " ".join(words)
        return f"{self.number} {street}"

    def render(self, rng: random.Random, style: str | None = None) -> str:
        style = style or rng.choice(["full", "full", "full", "multiline", "nocity", "nozip", "upper"])
        street = self.street_text(rng)
        unit = self.unit
        sep = rng.choice([", ", " "]) if unit else ""
        state = self.state if rng.random() < 0.85 else self.state_long
        comma_state = rng.choice([", ", " "])
        if style == "multiline":
            line1 = f"{street}{sep}{unit}" if unit else street
            return f"{line1}\n{self.city}{comma_state}{state} {self.zip}"
        if style == "nocity":
            return f"{street}{sep}{unit}" if unit else street
        if style == "nozip":
            return f"{street}{sep}{unit}{', ' if unit else ', '}{self.city}".replace(", , ", ", ")
        text = f"{street}{sep}{unit}, {self.city}{comma_state}{state} {self.zip}" if unit else \
            f"{street}, {self.city}{comma_state}{state} {self.zip}"
        if style == "upper":
            text = text.upper()
        return text


def make_address(rng: random.Random, nyc_prob: float = 0.85) -> Address:
    unit = ""
    if rng.random() < 0.65:
        tmpl = rng.choice(P.UNITS)
        n = rng.randint(1, 6)
        ordn = {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")
        unit = tmpl.format(n=n if "Unit" not in tmpl and "Room" not in tmpl and "Ste" not in tmpl else rng.randint(1, 420),
                           l=rng.choice("ABCDEFGHRLKF"), ord=ordn)
    if rng.random() < nyc_prob:
        borough = rng.choices(list(P.BOROUGHS), weights=[5, 4, 3, 2, 1])[0]
        b = P.BOROUGHS[borough]
        street = rng.choice(b["streets"])
        if b["hyphen"]:
            number = f"{rng.randint(11, 240)}-{rng.randint(1, 99):02d}"
        else:
            number = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 3400)]))
        city = rng.choice(b["cities"])
        return Address(number, street, unit, city, "NY", "New York", rng.choice(b["zips"]), True)
    street, city, st, st_long, zipc = rng.choice(P.NON_NYC)
    return Address(str(rng.randint(2, 4999)), street, unit, city, st, st_long, zipc, False)


@dataclass
class Country:
    code: str
    names: list[str]
    demonyms: list[str]
    city: str

    def name(self, rng: random.Random) -> str:
        return rng.choice(self.names)

    def demonym(self, rng: random.Random) -> str:
        return rng.choice(self.demonyms)

    def bare_name(self, rng: random.Random) -> str:
        """A country name for a form field (no leading article)."""
        n = self.name(rng)
        return n[4:] if n.startswith("the ") else n


def country(code: str) -> Country:
    names, dems, city = P.COUNTRIES[code]
    return Country(code, names, dems, city)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def a_number_digits(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return "0" + _digits(rng, 7) if rng.random() < 0.5 else str(rng.randint(10_000_000, 99_999_999))
    return rng.choice(["0", "2", "2", "2", "1"]) + _digits(rng, 8)


def render_a_number(rng: random.Random, d: str) -> tuple[str, str]:
    """(label, value) for an A-number; the value is the gold span."""
    if len(d) == 9:
        g = (d[:3], d[3:6], d[6:])
    else:
        g = (d[:2], d[2:5], d[5:])
    forms = [
        ("A-Number: ", f"A{d}"), ("A#: ", d), ("A-Number: ", "-".join(g)), ("", f"A{d}"),
        ("", f"A-{'-'.join(g)}"), ("", f"A# {' '.join(g)}"), ("Alien No. ", f"A{d}"), ("A No.: ", f"A {d}"),
        ("Alien Registration Number ", f"A{'-'.join(g)}"), ("A-File ", f"A{' '.join(g)}"),
        ("USCIS # ", f"A{d}"), ("A number ", d), ("", f"A#{d}"), ("A-File No.: ", f"A-{d}"),
    ]
    return rng.choice(forms)


RECEIPT_PREFIXES = ["EAC", "WAC", "LIN", "SRC", "MSC", "NBC", "IOE", "YSC"]


def render_receipt(rng: random.Random) -> str:
    pre = rng.choice(RECEIPT_PREFIXES)
    if pre == "IOE":
        d = rng.choice(["09", "80", "81", "90", "91"]) + _digits(rng, 8)
    else:
        d = f"{rng.randint(14, 25)}{rng.randint(1, 9)}{_digits(rng, 2)}{_digits(rng, 5)}"
    r = rng.random()
    if r < 0.7:
        return pre + d
    if r < 0.85:
        return f"{pre}-{d[:2]}-{d[2:5]}-{d[5:]}"
    return f"{pre} {d}"


def render_i94(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return str(rng.randint(1, 9)) + _digits(rng, 10)
    return _digits(rng, 9) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + str(rng.randint(0, 9))


def render_sevis(rng: random.Random) -> str:
    return "N00" + _digits(rng, 8)


def render_passport(rng: random.Random, code: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    fmt = {"MX": "L8", "GT": "D9", "HN": "L7", "SV": "A8", "EC": "A9", "CO": "LL6", "DO": "LL7",
           "VE": "D9", "CN": "L8", "IN": "L7", "BD": "LL7", "PK": "LL7", "UA": "LL6", "RU": "D9",
           "HT": "LL7", "NG": "L8", "SN": "A8", "GH": "L7", "EG": "A8"}.get(code, rng.choice(["L8", "LL7", "D9"]))
    if fmt == "L8":
        return rng.choice(letters) + _digits(rng, 8)
    if fmt == "L7":
        return rng.choice(letters) + _digits(rng, 7)
    if fmt == "LL6":
        return rng.choice(letters) + rng.choice(letters) + _digits(rng, 6)
    if fmt == "LL7":
        return rng.choice(letters) + rng.choice(letters) + _digits(rng, 7)
    if fmt == "A8":
        return rng.choice(letters) + _digits(rng, 8)
    if fmt == "A9":
        return _digits(rng, 10)[:9] if rng.random() < 0.5 else "17" + _digits(rng, 8)
    return str(rng.randint(1, 9)) + _digits(rng, 8)


def render_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    s = f"{area:03d}{group:02d}{serial:04d}"
    if s in ("123456789", "078051120", "219099999"):
        return render_ssn(rng)
    return rng.choice([f"{s[:3]}-{s[3:5]}-{s[5:]}"] * 3 + [f"{s[:3]} {s[3:5]} {s[5:]}", s])


NYC_AREA = ["718", "347", "929", "917", "646", "212", "332"]
OTHER_AREA = ["201", "973", "914", "516", "631", "305", "713", "773", "202", "617"]


def render_phone(rng: random.Random, foreign_ok: bool = True) -> str:
    if foreign_ok and rng.random() < 0.1:
        return rng.choice([
            f"+502 {rng.randint(3000, 5999)} {_digits(rng, 4)}", f"+504 {rng.randint(3000, 9999)}-{_digits(rng, 4)}",
            f"+52 55 {_digits(rng, 4)} {_digits(rng, 4)}", f"+593 9{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}",
            f"+1 809 {rng.randint(200, 999)} {_digits(rng, 4)}", f"+509 3{_digits(rng, 3)} {_digits(rng, 4)}",
        ])
    area = rng.choice(NYC_AREA if rng.random() < 0.8 else OTHER_AREA)
    ex = f"{rng.randint(2, 9)}{_digits(rng, 2)}"
    if ex[1:] == "11":
        ex = ex[0] + "21"
    line = _digits(rng, 4)
    return rng.choice([f"({area}) {ex}-{line}", f"({area}) {ex}-{line}", f"{area}-{ex}-{line}", f"{area}.{ex}.{line}",
                       f"{area} {ex} {line}", f"+1 {area} {ex} {line}", f"1-{area}-{ex}-{line}", f"({area}){ex}-{line}",
                       f"{area}{ex}{line}"])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def render_date(rng: random.Random, d: dt.date, style: str | None = None) -> str:
    m, day, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    forms = [f"{m:02d}/{day:02d}/{y}", f"{m}/{day}/{y}", f"{m:02d}/{day:02d}/{y % 100:02d}", f"{m}/{day}/{y % 100:02d}",
             f"{mon} {day}, {y}", f"{day} {mon} {y}", f"{y}-{m:02d}-{day:02d}", f"{mon[:3]}. {day}, {y}" if mon != "May" else f"May {day}, {y}",
             f"{mon[:3]} {day} {y}", f"{m:02d}-{day:02d}-{y}", f"{day:02d}/{m:02d}/{y}" if day > 12 else f"{m:02d}.{day:02d}.{y}",
             f"{mon.upper()} {day}, {y}", f"{day}-{mon[:3].upper()}-{y}"]
    if style == "numeric":
        forms = forms[:4] + [forms[9]]
    return rng.choice(forms)


def random_dob(rng: random.Random) -> dt.date:
    return dt.date(rng.randint(1955, 2008), 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def random_recent(rng: random.Random, year: int | None = None) -> dt.date:
    year = year or rng.randint(2019, 2025)
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def incident_time(rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
    return rng.choice([f"{h:02d}{m:02d} hours", f"{h:02d}{m:02d} hrs", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}",
                       f"approximately {h:02d}{m:02d} hours", f"{(h % 12) or 12}:{m:02d}{'am' if h < 12 else 'pm'}"])


@dataclass
class Person:
    first: str
    last: str
    middle: str
    gender: str  # "m" / "f"
    community: str
    country: Country
    dob: dt.date
    address: Address
    phone: str
    email: str
    a_number: str
    rng_seed: int = 0
    _refs: list[str] = field(default_factory=list)

    # pronouns
    @property
    def he(self) -> str:
        return "he" if self.gender == "m" else "she"

    @property
    def his(self) -> str:
        return "his" if self.gender == "m" else "her"

    @property
    def him(self) -> str:
        return "him" if self.gender == "m" else "her"

    @property
    def himself(self) -> str:
        return "himself" if self.gender == "m" else "herself"

    @property
    def man(self) -> str:
        return "male" if self.gender == "m" else "female"

    @property
    def honorific(self) -> str:
        return "Mr." if self.gender == "m" else "Ms."

    def full(self) -> str:
        return f"{self.first} {self.last}"

    def name(self, rng: random.Random, style: str | None = None) -> str:
        style = style or rng.choice(["full", "full", "full", "middle", "formal", "upper_formal", "first_LAST", "upper"])
        if style == "middle" and self.middle:
            return f"{self.first} {self.middle} {self.last}"
        if style == "formal":
            return f"{self.last}, {self.first}"
        if style == "upper_formal":
            return f"{self.last.upper()}, {self.first.upper()}"
        if style == "first_LAST":
            return f"{self.first} {self.last.upper()}"
        if style == "upper":
            return f"{self.first} {self.last}".upper()
        return self.full()

    def surname(self) -> str:
        return self.last.split()[0] if self.community == "latam" and " " in self.last and rng_bool(self) else self.last


def rng_bool(p: Person) -> bool:
    return p.rng_seed % 2 == 0


def make_email(rng: random.Random, first: str, last: str, domain: str | None = None) -> str:
    f = re.sub(r"[^a-z]", "", P.strip_accents(first.split()[0]).lower())
    surname = last.split()[0] if " " in last and not last.startswith(("Ben ", "El ")) else last
    la = re.sub(r"[^a-z]", "", P.strip_accents(surname).lower())
    domain = domain or rng.choice(P.PERSONAL_DOMAINS)
    local = rng.choice([f"{f}.{la}", f"{f[0]}{la}", f"{f}{la}{rng.randint(1, 99)}", f"{f}_{la}", f"{la}.{f}{rng.randint(70, 99)}",
                        f"{f}{rng.randint(1980, 2005)}", f"{f[0]}.{la}"])
    return f"{local}@{domain}"


def make_person(rng: random.Random, community: str | None = None, official: bool = False, accents: bool | None = None,
                gender: str | None = None) -> Person:
    community = community or _pick_weighted(rng, P.OFFICIAL_WEIGHTS if official else P.SUBJECT_WEIGHTS)
    c = P.COMMUNITIES[community]
    gender = gender or rng.choice("mf")
    first = rng.choice(c[gender])
    last = rng.choice(c["s"])
    if community == "latam" and rng.random() < 0.45:
        second = rng.choice(c["second"] + c["s"])
        if second != last:
            last = f"{last} {second}"
    middle = ""
    if rng.random() < 0.25:
        middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    if accents is None:
        accents = rng.random() < 0.6
    if not accents:
        first, last = P.strip_accents(first), P.strip_accents(last)
    ctry = country(rng.choice(c["countries"]))
    domain = None
    if official:
        domain = P.AGENCY_DOMAINS["nypd"]
    p = Person(first, last, middle, gender, community, ctry, random_dob(rng), make_address(rng), render_phone(rng),
               "", a_number_digits(rng), rng.randint(0, 1000))
    p.email = make_email(rng, first, last, domain)
    return p


def officer_title(rng: random.Random) -> str:
    return rng.choice(P.OFFICER_TITLES)


def _slots(p: Person, rng: random.Random, name_style: str | None = None) -> dict[str, str | Ent]:
    nm = Ent(p.name(rng, name_style or rng.choice(["full", "full", "first_LAST", "middle"])), PERSON)
    ref = rng.random()
    if ref < 0.5:
        short: list[str | Ent] = [Ent(p.full(), PERSON)]
    else:
        short = [Ent(p.last, PERSON)]
    return {"name": nm, "Name": nm, "he": p.he, "He": p.he.capitalize(), "his": p.his, "His": p.his.capitalize(),
            "him": p.him, "himself": p.himself, "man": p.man, "short": short[0]}


def _sentence(b: _Builder, template: str, slots: dict[str, str | Ent]) -> None:
    for key in ("nat", "status"):
        v = slots.get(key)
        if isinstance(v, Ent) and v.text[:1].upper() in "AEIOU" and not v.text.upper().startswith(("U ", "U-", "UKR", "UNI", "US", "EU")):
            template = template.replace(f" a {{{key}}}", f" an {{{key}}}")
    b.f(template, **slots)


def nationality_sentence(b: _Builder, rng: random.Random, p: Person) -> None:
    tmpl, kind = rng.choice(P.NATIONALITY_SENTENCES)
    nat_text = p.country.name(rng) if kind == "country" else p.country.demonym(rng)
    if tmpl.startswith("{nat}") or ". {nat}" in tmpl:
        nat_text = nat_text[0].upper() + nat_text[1:]
    # "the Dominican Republic": the gold span is the country name, the article stays outside
    pre = ""
    if nat_text.startswith("the "):
        pre, nat_text = "the ", nat_text[4:]
    slots = _slots(p, rng)
    nat: Ent = Ent(nat_text, NATIONALITY)
    slots.update(nat=nat, year=str(rng.randint(2005, 2024)), city=p.country.city, n=str(rng.randint(2, 18)))
    if pre:
        tmpl = tmpl.replace("{nat}", "the {nat}")
    if tmpl.startswith("{Name}") or tmpl.startswith("According"):
        pass
    _sentence(b, tmpl, slots)


def status_sentence(b: _Builder, rng: random.Random, p: Person) -> None:
    tmpl, phrases = rng.choice(P.STATUS_SENTENCES)
    phrase = rng.choice(phrases).replace("{his}", p.his)
    slots = _slots(p, rng)
    c_name = p.country.name(rng)
    pre = ""
    if c_name.startswith("the "):
        pre, c_name = "the ", c_name[4:]
    slots.update(status=Ent(phrase, IMMIGRATION_STATUS), border=rng.choice(P.BORDER_PLACES),
                 year=str(rng.randint(2008, 2024)), date=render_date(rng, random_recent(rng)),
                 country=Ent(c_name, NATIONALITY))
    if pre:
        tmpl = tmpl.replace("{country}", "the {country}")
    _sentence(b, tmpl, slots)


def status_short(rng: random.Random) -> str:
    s = rng.choice(P.STATUS_SHORT)
    return s.upper() if rng.random() < 0.2 else s


def distractor(b: _Builder, rng: random.Random) -> None:
    b.t(rng.choice(P.DISTRACTOR_SENTENCES))


def dob_phrase(b: _Builder, rng: random.Random, p: Person) -> None:
    d = Ent(render_date(rng, p.dob), DATE_OF_BIRTH)
    tmpl = rng.choice(["DOB: {d}", "D.O.B. {d}", "(DOB {d})", "date of birth {d}", "born on {d}", "DOB {d}",
                       "Date of Birth: {d}", "d/o/b {d}", "born {d}", "B/D: {d}"])
    b.f(tmpl, d=d)


def id_phrase(b: _Builder, rng: random.Random, p: Person, kind: str) -> None:
    if kind == A_NUMBER:
        label, val = render_a_number(rng, p.a_number)
        b.t(label).e(val, A_NUMBER)
    elif kind == USCIS_RECEIPT_NUMBER:
        b.t(rng.choice(["Receipt Number: ", "USCIS receipt no. ", "Receipt # ", "I-797C receipt ", "receipt number ",
                        "Form I-589 receipt: ", "Case receipt #"])).e(render_receipt(rng), USCIS_RECEIPT_NUMBER)
    elif kind == I94_NUMBER:
        b.t(rng.choice(["I-94 No.: ", "I-94 Admission Record Number ", "Admission (I-94) No. ", "I-94# ",
                        "I-94 record ", "Form I-94 number: "])).e(render_i94(rng), I94_NUMBER)
    elif kind == SEVIS_ID:
        b.t(rng.choice(["SEVIS ID: ", "SEVIS No. ", "SEVIS # ", "SEVIS ID number ", "(SEVIS "])).e(render_sevis(rng), SEVIS_ID)
    elif kind == PASSPORT_NUMBER:
        dem = p.country.demonym(rng)
        r = rng.random()
        if r < 0.3:
            b.e(dem, NATIONALITY).t(rng.choice([" passport no. ", " passport number ", " passport #"]))
        else:
            b.t(rng.choice(["Passport No.: ", "Passport #: ", "passport number ", "PPT# ", "Passport: ", "Pasaporte No. "]))
        b.e(render_passport(rng, p.country.code), PASSPORT_NUMBER)
    elif kind == US_SSN:
        b.t(rng.choice(["SSN: ", "SS# ", "Social Security No. ", "Soc. Sec. #: ", "SSN ", "social security number "]))
        b.e(render_ssn(rng), US_SSN)
    elif kind == PHONE_NUMBER:
        b.t(rng.choice(["Tel: ", "Cell: ", "Phone: ", "Ph# ", "Home #: ", "cell phone ", "Mobile: ", "Tel. "]))
        b.e(p.phone, PHONE_NUMBER)
    elif kind == EMAIL_ADDRESS:
        b.t(rng.choice(["Email: ", "E-mail: ", "email ", "Email address: "])).e(p.email, EMAIL_ADDRESS)


def report_number(rng: random.Random, year: int, pct: int) -> str:
    return f"{year}-{pct:03d}-{rng.randint(1, 19999):05d}"


def negative_numbers(b: _Builder, rng: random.Random, year: int, pct: int) -> None:
    """Reference numbers that must not be taken for ids, phones, SSNs or plates, and a plate after its label
    (a VEHICLE_PLATE finding)."""
    items: list[str | tuple[str, Ent]] = [f"Arrest #: {rng.choice('KQBMS')}{year % 100}{_digits(rng, 6)}",
             f"ICAD #: {_digits(rng, 4)}{rng.randint(10, 12)}{_digits(rng, 4)}",
             f"Property Voucher #: {rng.randint(2000, 4999)}{_digits(rng, 6)}",
             f"Docket No.: CR-{_digits(rng, 6)}-{year % 100}{rng.choice(['QN', 'KN', 'BX', 'NY'])}",
             f"Shield #: {rng.randint(1000, 31999)}", f"Tax #: {rng.randint(900000, 979999)}",
             f"Pct: {pct:03d}", f"Evidence Bag # {rng.choice('ABC')}{_digits(rng, 7)}",
             ("NY plate ", Ent(f"{rng.choice(['KJT', 'HNW', 'LBR', 'JMX'])}-{_digits(rng, 4)}", VEHICLE_PLATE)),
             f"Sector {rng.choice('ABCDEFGHIJK')}  RMP #{rng.randint(2000, 9999)}",
             f"DIR #: {year}-{pct:03d}-{_digits(rng, 6)}", f"Index No. {_digits(rng, 6)}/{year}",
             f"Log #{year % 100}-{_digits(rng, 5)}"]
    rng.shuffle(items)
    for i, item in enumerate(items[: rng.randint(2, 4)]):
        b.t("   " if i else "")
        if isinstance(item, tuple):  # the plate after "NY plate " is a finding
            b.t(item[0]).add(item[1])
        else:
            b.t(item)


def render_plate(rng: random.Random, fmt: str) -> str:
    """A plate in ``fmt``: "L" a capital letter, "9" a digit, other characters as written."""
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") if c == "L" else str(rng.randint(0, 9)) if c == "9" else c
                   for c in fmt)


def make_handle(rng: random.Random, p: Person) -> str:
    """A user name (without "@") made, as people do, from the name, a nickname, digits, dots and underscores."""
    first = re.sub(r"[^a-z]", "", P.strip_accents(p.first.split()[0]).lower()) or "x"
    last = re.sub(r"[^a-z]", "", P.strip_accents(p.last.split()[0]).lower()) or "y"
    n = rng.randint(1, 99)
    return rng.choice([f"{first}.{last}{n}", f"{last}.{first[0]}_{n}", f"lil{first}{n}", f"{first}_{last}",
                       f"{first[0]}{last}{rng.randint(1985, 2008)}", f"the.real.{first}", f"{first}{last[0]}_nyc",
                       f"{last}_{first}.{n}"])


def plate_phrase(b: _Builder, rng: random.Random) -> None:
    """A vehicle sentence with a plate after its label (VEHICLE_PLATE gold)."""
    label, fmt = rng.choice(P.PLATE_CONTEXTS)
    b.t(f"a {rng.choice(P.VEHICLE_COLORS)} {rng.choice(P.VEHICLE_MAKES)} {label}").e(render_plate(rng, fmt), VEHICLE_PLATE)


def handle_sentence(b: _Builder, rng: random.Random, p: Person, first_person: bool = True) -> None:
    """A sentence naming ``p``'s social-media handle (SOCIAL_MEDIA_HANDLE gold); a witness's own words with
    ``first_person``."""
    template = rng.choice([t for t in P.HANDLE_SENTENCES if first_person or not re.search(r"\b(?:I|me)\b", t)])
    name = make_handle(rng, p)
    he = "he" if p.gender == "m" else "she"
    b.f(template, u=Ent(name, SOCIAL_MEDIA_HANDLE), He=he.capitalize(), His=p.his.capitalize(), him=p.him, his=p.his)


def handle_field(b: _Builder, rng: random.Random, p: Person) -> None:
    """A form field holding ``p``'s social-media handle (SOCIAL_MEDIA_HANDLE gold)."""
    name = make_handle(rng, p)
    b.f(rng.choice(P.HANDLE_FIELDS), u=Ent(name, SOCIAL_MEDIA_HANDLE))


def section(b: _Builder, title: str, rng: random.Random) -> None:
    style = rng.choice(["upper", "dash", "colon"])
    if style == "upper":
        b.t(f"\n{title.upper()}\n")
    elif style == "dash":
        b.t(f"\n--- {title} ---\n")
    else:
        b.t(f"\n{title}:\n")


# =============================================================================================================
# Document types
# =============================================================================================================

def _person_block(b: _Builder, rng: random.Random, p: Person, role: str, fields: list[str]) -> None:
    for fld in fields:
        if fld == "name":
            style = rng.choice(["formal", "upper_formal", "full"])
            labels = [f"{role} Name: ", "Name: ", f"{role}: "] + (["Last, First: "] if "formal" in style else [])
            b.t(rng.choice(labels)).e(p.name(rng, style), PERSON)
        elif fld == "sex":
            b.t(f"Sex: {p.gender.upper()}   Age: {2024 - p.dob.year}")
        elif fld == "dob":
            b.t(rng.choice(["DOB: ", "Date of Birth: ", "D.O.B.: "])).e(render_date(rng, p.dob), DATE_OF_BIRTH)
        elif fld == "address":
            b.t(rng.choice(["Home Address: ", "Address: ", "Residence: ", "Addr: "]))
            b.e(p.address.render(rng, rng.choice(["full", "full", "upper", "nozip"])), ADDRESS)
        elif fld == "phone":
            id_phrase(b, rng, p, PHONE_NUMBER)
        elif fld == "email":
            id_phrase(b, rng, p, EMAIL_ADDRESS)
        elif fld == "cob":
            b.t(rng.choice(P.NATIONALITY_LABELS) + " ")
            nat = p.country.bare_name(rng) if rng.random() < 0.6 else p.country.demonym(rng)
            b.e(nat.upper() if rng.random() < 0.3 else nat, NATIONALITY)
        elif fld == "status":
            b.t(rng.choice(P.STATUS_LABELS) + " ").e(status_short(rng), IMMIGRATION_STATUS)
        elif fld == "lang":
            b.t(f"Language: {rng.choice(P.LANGUAGES)}   Interpreter: {rng.choice(['Y', 'N', 'Language Line'])}")
        elif fld == "a_number":
            id_phrase(b, rng, p, A_NUMBER)
        elif fld == "ssn":
            id_phrase(b, rng, p, US_SSN)
        elif fld == "passport":
            id_phrase(b, rng, p, PASSPORT_NUMBER)
        b.nl()


def _narrative(b: _Builder, rng: random.Random, people: list[Person], n: int, incident_date: dt.date,
               location: str | Ent) -> None:
    v = people[0]
    opener = rng.choice([
        "At T/P/O, C/V states that {name} approached {him} and demanded money.",
        "On {date} at {time}, officers responded to a call at {loc}.",
        "C/V {name} states that at the above time and place an unknown male punched {him} in the face.",
        "Complainant {name} reports that {his} employer has refused to pay {him} for six weeks of work.",
        "On {date}, at {time}, C/V reports that {his} ex-partner threatened {him} outside {loc}.",
        "Officers were flagged down at {loc} regarding a dispute between neighbors.",
    ])
    slots = _slots(v, rng)
    slots.update(date=render_date(rng, incident_date), time=incident_time(rng), loc=location)
    b.f(opener, **slots)
    for _ in range(n):
        b.t(" ")
        r = rng.random()
        p = rng.choice(people)
        if r < 0.22:
            nationality_sentence(b, rng, p)
        elif r < 0.44:
            status_sentence(b, rng, p)
        elif r < 0.56:
            distractor(b, rng)
        elif r < 0.64:
            b.f(rng.choice(["{short} resides at {addr}.", "{He} lives at {addr} with {his} children.",
                            "{short} was located at {addr}.", "{His} last known address is {addr}."]),
                **{**_slots(p, rng), "addr": Ent(p.address.render(rng, rng.choice(["full", "nocity", "nozip"])), ADDRESS)})
        elif r < 0.72:
            b.f(rng.choice(["{short} can be reached at {ph}.", "{His} cell phone number is {ph}.",
                            "Contact number provided: {ph}.", "{He} called 911 from {ph}."]),
                **{**_slots(p, rng), "ph": Ent(p.phone, PHONE_NUMBER)})
        elif r < 0.8:
            b.t(rng.choice(["A check of ", "A search of "])).e(p.name(rng, "full"), PERSON).t("'s wallet revealed a ")
            kind = rng.choice([PASSPORT_NUMBER, A_NUMBER, USCIS_RECEIPT_NUMBER, I94_NUMBER])
            b.t({PASSPORT_NUMBER: "passport, ", A_NUMBER: "work permit listing ", USCIS_RECEIPT_NUMBER: "USCIS notice, ",
                 I94_NUMBER: "printout of an I-94, "}[kind])
            id_phrase(b, rng, p, kind)
            b.t(".")
        elif r < 0.88:
            b.f(rng.choice(["Suspect fled toward {x}.", "Canvass conducted at {x} with negative results.",
                            "Camera footage from {x} was requested."]), x=rng.choice(P.CROSS_STREETS))
        else:
            b.f(rng.choice(["{Name}, age {age}, was treated by EMS at the scene.",
                            "{Name} refused medical attention.",
                            "{Name} was advised of {his} rights and stated {he} understood.",
                            "{Name} identified the perpetrator from a photo array."]),
                **{**_slots(p, rng), "age": str(2024 - p.dob.year)})


def complaint_report(b: _Builder, rng: random.Random) -> str:
    pct, borough = rng.choice(P.PRECINCTS)
    year = rng.randint(2019, 2025)
    inc = random_recent(rng, year)
    b.t(rng.choice(["NEW YORK CITY POLICE DEPARTMENT\n", "POLICE DEPARTMENT - CITY OF NEW YORK\n", "NYPD\n"]))
    b.t(rng.choice(["COMPLAINT REPORT", "OMNIFORM SYSTEM - COMPLAINTS", "INCIDENT / COMPLAINT REPORT"]))
    b.t(f"          Complaint No.: {report_number(rng, year, pct)}\n")
    b.t(f"Pct: {pct:03d}   Report Date: {render_date(rng, inc + dt.timedelta(days=rng.randint(0, 3)), 'numeric')}   "
        f"Occurrence: {render_date(rng, inc, 'numeric')} {incident_time(rng)}\n")
    b.t(f"Offense: {rng.choice(P.OFFENSES)}    PD Code: {rng.randint(100, 999)}    Class: {rng.choice(['F', 'M', 'V'])}\n")
    b.t("Location of Occurrence: ")
    victim = make_person(rng)
    loc: str | Ent
    if rng.random() < 0.5:
        loc = Ent(make_address(rng, 1.0).render(rng, rng.choice(["nocity", "full"])), ADDRESS)
        b.t(rng.choice(["in front of ", "inside of ", "", "rear of "])).add(loc)
    else:
        loc = rng.choice(P.CROSS_STREETS)
        b.t(loc)
    b.t(f"   Premises: {rng.choice(['STREET', 'RESIDENCE - APT. HOUSE', 'COMMERCIAL BUILDING', 'SUBWAY', 'BODEGA'])}\n")
    negative_numbers(b, rng, year, pct)
    b.nl()
    section(b, "Victim", rng)
    fields = ["name", "sex", "dob", "address", "phone"]
    fields += [f for f in ["cob", "lang", "email", "ssn"] if rng.random() < 0.4]
    _person_block(b, rng, victim, "Victim", fields)
    people = [victim]
    if rng.random() < 0.7:
        suspect = make_person(rng)
        people.append(suspect)
        section(b, rng.choice(["Suspect", "Perpetrator", "Subject"]), rng)
        _person_block(b, rng, suspect, "Suspect", ["name", "sex", "dob"] + [f for f in ["address", "cob", "status", "a_number"]
                                                                            if rng.random() < 0.35])
    else:
        section(b, "Suspect", rng)
        b.t(f"Unknown {rng.choice(['male', 'female'])}, approx. {rng.randint(18, 50)} yrs, "
            f"{rng.choice(['5ft 8in', '5ft 5in', '6ft'])}, {rng.choice(['black jacket', 'gray hoodie', 'blue jeans'])}\n")
    section(b, "Narrative", rng)
    _narrative(b, rng, people, rng.randint(3, 8), inc, loc)
    b.nl()
    officer = make_person(rng, official=True)
    sgt = make_person(rng, official=True)
    b.t(f"\nReporting Officer: {officer_title(rng)} ").e(officer.name(rng, rng.choice(["full", "upper", "formal"])), PERSON)
    b.t(f"   Shield #{rng.randint(1000, 31999)}   Tax #{rng.randint(900000, 979999)}   Command: {pct:03d} PCT\n")
    b.t(rng.choice(["Supervisor Approving: SGT ", "Reviewed by: Sgt. ", "Approved: Lt. "])).e(
        sgt.name(rng, rng.choice(["full", "upper"])), PERSON).nl()
    b.t(f"Case Status: {rng.choice(['OPEN', 'CLOSED - ARREST', 'CLOSED - UNFOUNDED', 'PENDING'])}\n")
    return rng.choice(["flow", "two_column"])


def _email_header_name(b: _Builder, rng: random.Random, p: Person, email: str) -> None:
    r = rng.random()
    if r < 0.5:
        b.e(p.full(), PERSON).t(" <").e(email, EMAIL_ADDRESS).t(">")
    elif r < 0.75:
        b.t('"').e(f"{p.last}, {p.first}", PERSON).t(f' ({rng.choice(["NYPD", "ICE", "HRA", "DA"])})" <')
        b.e(email, EMAIL_ADDRESS).t(">")
    else:
        b.e(email, EMAIL_ADDRESS)


def inter_agency_email(b: _Builder, rng: random.Random) -> str:
    agencies = rng.sample([k for k in P.AGENCY_DOMAINS if k != "nypd"], 2)
    sender_ag = rng.choice(["nypd", agencies[0]])
    to_ag = agencies[1] if sender_ag == "nypd" else "nypd"
    sender = make_person(rng, official=True)
    recip = make_person(rng, official=True)
    cc = make_person(rng, official=True) if rng.random() < 0.5 else None
    s_mail = make_email(rng, sender.first, sender.last, P.AGENCY_DOMAINS[sender_ag])
    r_mail = make_email(rng, recip.first, recip.last, P.AGENCY_DOMAINS[to_ag])
    subj = make_person(rng)
    year = rng.randint(2019, 2025)
    sent = random_recent(rng, year)
    b.t("From: ")
    _email_header_name(b, rng, sender, s_mail)
    b.t("\nTo: ")
    _email_header_name(b, rng, recip, r_mail)
    if cc:
        b.t("\nCc: ")
        _email_header_name(b, rng, cc, make_email(rng, cc.first, cc.last, P.AGENCY_DOMAINS[rng.choice(list(P.AGENCY_DOMAINS))]))
    b.t(f"\nSent: {sent.strftime('%A, %B')} {sent.day}, {sent.year} {rng.randint(7, 18)}:{rng.randint(0, 59):02d} "
        f"{rng.choice(['AM', 'PM'])}\n")
    b.t(f"Subject: {rng.choice(['RE: ', 'FW: ', '', 'RE: RE: '])}")
    r = rng.random()
    if r < 0.4:
        b.t("Request for information - ").e(subj.name(rng, rng.choice(["upper", "full", "formal"])), PERSON)
    elif r < 0.7:
        b.t(f"Complaint #{report_number(rng, year, rng.choice(P.PRECINCTS)[0])} - follow up")
    else:
        b.t(rng.choice(["Detainer inquiry", "Shelter placement question", "U visa certification request",
                        "Status of case", "FOIL coordination"]))
    b.t("\n\n")
    if rng.random() < 0.6:
        b.t(rng.choice(["Good morning ", "Hi ", "Hello "])).e(recip.first, PERSON).t(",\n\n")
    else:
        b.t(f"Dear {recip.honorific} ").e(recip.last, PERSON).t(",\n\n")
    intro = rng.choice([
        "I am following up on the individual discussed on our call yesterday. ",
        "Please see below regarding the subject of our inquiry. ",
        "As requested, here is the information we have on file. ",
        "Our office received a request concerning the person below and I wanted to confirm a few details. ",
    ])
    b.t(intro)
    b.t(rng.choice(["The subject is ", "Subject: ", "The individual's name is "]))
    b.e(subj.name(rng, rng.choice(["full", "middle", "upper"])), PERSON).t(", ")
    dob_phrase(b, rng, subj)
    b.t(rng.choice([", residing at ", ", last known address ", ", address on file: "]))
    b.e(subj.address.render(rng, rng.choice(["full", "nozip", "full"])), ADDRESS).t(". ")
    extra = rng.sample([A_NUMBER, USCIS_RECEIPT_NUMBER, PASSPORT_NUMBER, I94_NUMBER, SEVIS_ID, US_SSN], rng.randint(1, 3))
    for k in extra:
        b.t(rng.choice(["We show ", "Records list ", "The file reflects ", ""]))
        id_phrase(b, rng, subj, k)
        b.t(". ")
    b.nl(2)
    for _ in range(rng.randint(2, 4)):
        r = rng.random()
        if r < 0.35:
            status_sentence(b, rng, subj)
        elif r < 0.6:
            nationality_sentence(b, rng, subj)
        elif r < 0.75:
            b.t(rng.choice(["Please note that the case status is pending and no determination has been made.",
                            "This message is sent in connection with case number " + report_number(rng, year, 110) + ".",
                            "We do not share information about immigration status except as required by law.",
                            "Per Executive Order 34, please route any further questions through Legal."]))
        else:
            b.t("You can reach the subject's attorney, ")
            att = make_person(rng, community="anglo" if rng.random() < 0.6 else None)
            b.e(att.full(), PERSON).t(", at ").e(render_phone(rng, False), PHONE_NUMBER).t(" or ")
            b.e(make_email(rng, att.first, att.last, rng.choice(["legal-aid.org", "bds.org", "nylag.org", "gmail.com"])), EMAIL_ADDRESS)
            b.t(".")
        b.t(" ")
    b.t("\n\n" + rng.choice(["Thank you,", "Regards,", "Best,", "Thanks,", "V/r,"]) + "\n\n")
    b.t(rng.choice(["", "Det. ", "Sgt. ", "", "SDDO ", "Deportation Officer "])).e(sender.full(), PERSON).nl()
    b.t(P.AGENCY_NAMES[sender_ag] + "\n")
    if rng.random() < 0.6:
        b.e(rng.choice(P.AGENCY_ADDRESSES), ADDRESS).nl()
    b.t(rng.choice(["Office: ", "Tel: ", "O: ", "Desk: "])).e(render_phone(rng, False), PHONE_NUMBER).nl()
    if rng.random() < 0.5:
        b.t("Cell: ").e(render_phone(rng, False), PHONE_NUMBER).nl()
    b.e(s_mail, EMAIL_ADDRESS).nl()
    if rng.random() < 0.5:
        b.t("\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the intended recipient(s) "
            "and may contain confidential and privileged information. Law Enforcement Sensitive.\n")
    if rng.random() < 0.4:
        b.t("\n-----Original Message-----\nFrom: ")
        _email_header_name(b, rng, recip, r_mail)
        b.t(f"\nSent: {render_date(rng, sent - dt.timedelta(days=1))}\nSubject: {rng.choice(['Inquiry', 'Question re: subject'])}\n\n")
        b.t("Can you confirm whether ").e(subj.name(rng, "full"), PERSON).t(" is in custody? ")
        distractor(b, rng)
        b.nl()
    return "flow"


def foil_letter(b: _Builder, rng: random.Random) -> str:
    year = rng.randint(2019, 2025)
    sent = random_recent(rng, year)
    client = make_person(rng)
    foil_no = f"{year}-056-{rng.randint(1, 29999):05d}"
    if rng.random() < 0.5:  # request
        req = make_person(rng, community=rng.choice(["anglo", "latam", "chinese", "south_asia", None]))
        req_addr = make_address(rng, 0.9)
        b.e(req.full(), PERSON).t(rng.choice([", Esq.\n", "\n", "\nStaff Attorney\n"]))
        b.e(req_addr.render(rng, "multiline"), ADDRESS).nl()
        b.e(render_phone(rng, False), PHONE_NUMBER).t(" | ").e(make_email(rng, req.first, req.last), EMAIL_ADDRESS).nl(2)
        b.t(render_date(rng, sent) + "\n\n")
        b.t("Records Access Officer\nNYPD Legal Bureau - FOIL Unit\n")
        b.e(rng.choice(["One Police Plaza, Room 110C\nNew York, NY 10038", "One Police Plaza, Room 110C, New York, NY 10038"]), ADDRESS)
        b.t("\n\nRe: Freedom of Information Law Request\n\nDear Records Access Officer:\n\n")
        b.t("Pursuant to the New York Freedom of Information Law, Public Officers Law Article 6, §§ 84-90, I request "
            "copies of the complaint report, DD5s, and any body-worn camera footage relating to an incident on ")
        b.t(render_date(rng, sent - dt.timedelta(days=rng.randint(30, 400))) + " at ")
        if rng.random() < 0.5:
            b.e(make_address(rng, 1.0).render(rng, rng.choice(["nocity", "full"])), ADDRESS)
        else:
            b.t(rng.choice(P.CROSS_STREETS))
        b.t(rng.choice([", involving my client, ", ". The records concern my client, "]))
        b.e(client.name(rng, rng.choice(["full", "middle"])), PERSON).t(" (")
        dob_phrase(b, rng, client)
        if rng.random() < 0.6:
            b.t("; ")
            id_phrase(b, rng, client, A_NUMBER)
        b.t("). ")
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.5:
                status_sentence(b, rng, client)
            elif r < 0.8:
                nationality_sentence(b, rng, client)
            else:
                b.t(rng.choice(["The records are needed to complete Form I-918, Supplement B. ",
                                "My client's case status is pending before the agency. "]))
            b.t(" ")
        b.t("\n\nA signed authorization from my client is enclosed. If the fees exceed $25, please contact me first.\n\n")
        b.t("Sincerely,\n\n").e(req.full(), PERSON).nl()
        if rng.random() < 0.5:
            b.t("cc: ").e(client.full(), PERSON).nl()
    else:  # response
        officer = make_person(rng, official=True)
        req = make_person(rng, community=rng.choice(["anglo", "latam", None]))
        b.t("POLICE DEPARTMENT\nLEGAL BUREAU - FOIL UNIT\n")
        b.e("One Police Plaza, Room 110C, New York, NY 10038", ADDRESS).t("\n\n")
        b.t(render_date(rng, sent) + "\n\n")
        b.e(req.full(), PERSON).nl()
        b.e(req.address.render(rng, "multiline"), ADDRESS).nl(2)
        b.t(f"Re: FOIL Request No. {foil_no}\n\nDear {req.honorific} ").e(req.last, PERSON).t(":\n\n")
        b.t(f"This is in response to your letter dated {render_date(rng, sent - dt.timedelta(days=rng.randint(20, 200)))}, "
            "which was received by this office, in which you requested records regarding ")
        b.e(client.name(rng, rng.choice(["full", "upper"])), PERSON).t(", ")
        dob_phrase(b, rng, client)
        b.t(". ")
        b.t(rng.choice(["Your request is granted in part. ", "Your request is granted. ", "Your request is denied in part. "]))
        b.t("Portions of the records have been redacted pursuant to Public Officers Law §87(2)(b) because disclosure "
            "would constitute an unwarranted invasion of personal privacy, and §87(2)(e) as records compiled for law "
            "enforcement purposes. ")
        if rng.random() < 0.6:
            b.t("The redacted information includes references to the subject's ")
            b.t(rng.choice(["immigration status", "country of birth", "alien registration number", "home address"]))
            b.t(". ")
        if rng.random() < 0.5:
            b.t("Note: page 3 of the complaint report, which stated that ")
            b.e(client.full(), PERSON).t(" ")
            r = rng.random()
            if r < 0.5:
                b.t("is a ").e(rng.choice(["TPS holder", "DACA recipient", "lawful permanent resident", "asylum seeker"]),
                               IMMIGRATION_STATUS)
            else:
                b.t("was born in ").e(client.country.bare_name(rng), NATIONALITY)
            b.t(", was redacted in its entirety. ")
        b.t(f"The records comprise {rng.randint(3, 40)} pages.\n\n")
        b.t("You may appeal this determination within thirty (30) days by writing to the Records Access Appeals Officer at ")
        b.e("One Police Plaza, Room 1406, New York, NY 10038", ADDRESS).t(".\n\nSincerely,\n\n")
        b.t(rng.choice(["Sgt. ", "Lt. ", "", "Agency Attorney "])).e(officer.full(), PERSON).t("\nRecords Access Officer\n")
    return "flow"


def shelter_intake(b: _Builder, rng: random.Random) -> str:
    client = make_person(rng)
    org = rng.choice(["NYC DEPARTMENT OF HOMELESS SERVICES", "HUMANITARIAN EMERGENCY RESPONSE AND RELIEF CENTER (HERRC)",
                      "Asylum Seeker Arrival Center", "CATHOLIC CHARITIES - MIGRANT SHELTER", "Respite Center - Intake"])
    year = rng.randint(2022, 2025)
    intake = random_recent(rng, year)
    b.t(f"{org}\n{rng.choice(['CLIENT INTAKE FORM', 'INTAKE ASSESSMENT', 'Family Intake Sheet'])}\n\n")
    b.t(f"Date of Intake: {render_date(rng, intake, 'numeric')}    Case #: {rng.choice(['DHS', 'HR', 'C'])}-{_digits(rng, 7)}\n")
    b.t("Client Name: ").e(client.name(rng, rng.choice(["formal", "upper_formal", "full"])), PERSON).nl()
    b.t(rng.choice(["DOB: ", "Date of Birth: ", "Fecha de nacimiento / DOB: "])).e(render_date(rng, client.dob), DATE_OF_BIRTH)
    b.t(f"    Gender: {client.gender.upper()}\n")
    b.t(rng.choice(["Country of Origin: ", "Country of Birth: ", "Nationality: ", "Country: "]))
    nat = client.country.bare_name(rng) if rng.random() < 0.7 else client.country.demonym(rng)
    b.e(nat.upper() if rng.random() < 0.25 else nat, NATIONALITY)
    b.t(f"    Primary Language: {rng.choice(P.LANGUAGES)}\n")
    b.t(f"Date of Arrival in US: {render_date(rng, intake - dt.timedelta(days=rng.randint(3, 500)), 'numeric')}    ")
    b.t(f"Port of Entry: {rng.choice(P.BORDER_PLACES + ['JFK', 'Port Authority Bus Terminal'])}\n")
    b.t(rng.choice(P.STATUS_LABELS) + " ").e(status_short(rng), IMMIGRATION_STATUS).nl()
    if rng.random() < 0.7:
        id_phrase(b, rng, client, A_NUMBER)
        b.nl()
    if rng.random() < 0.3:
        id_phrase(b, rng, client, USCIS_RECEIPT_NUMBER)
        b.nl()
    if rng.random() < 0.3:
        id_phrase(b, rng, client, PASSPORT_NUMBER)
        b.nl()
    if rng.random() < 0.2:
        id_phrase(b, rng, client, I94_NUMBER)
        b.nl()
    b.t(rng.choice(["Last Address: ", "Previous address (if any): ", "Mailing Address: "]))
    b.e(client.address.render(rng), ADDRESS).nl()
    id_phrase(b, rng, client, PHONE_NUMBER)
    b.nl()
    if rng.random() < 0.5:
        id_phrase(b, rng, client, EMAIL_ADDRESS)
        b.nl()
    b.t(f"Marital status: {rng.choice(['Single', 'Married', 'Separated', 'Widowed'])}   ")
    b.t(f"Employment status: {rng.choice(['Unemployed', 'Day laborer', 'Seeking work'])}\n")
    section(b, "Household Members", rng)
    b.t(rng.choice(["Name | Relationship | DOB | Country of Birth\n", "Name\tRelationship\tDOB\tCountry\n"]))
    sep = " | " if rng.random() < 0.5 else "\t"
    for _ in range(rng.randint(0, 4)):
        m = make_person(rng, community=client.community)
        m.last = client.last if rng.random() < 0.6 else m.last
        b.e(m.name(rng, rng.choice(["full", "formal"])), PERSON).t(sep + rng.choice(["Spouse", "Son", "Daughter", "Partner", "Niece"]) + sep)
        kid = random_dob(rng) if rng.random() < 0.4 else dt.date(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28))
        b.e(render_date(rng, kid, "numeric"), DATE_OF_BIRTH).t(sep)
        b.e(client.country.bare_name(rng) if rng.random() < 0.8 else "USA", NATIONALITY).nl()
    section(b, "Emergency Contact", rng)
    ec = make_person(rng)
    b.e(ec.full(), PERSON).t(f" ({rng.choice(['cousin', 'brother', 'friend', 'sister'])}) - ").e(render_phone(rng), PHONE_NUMBER).nl()
    section(b, "Case Notes", rng)
    cw = make_person(rng, official=False, community=rng.choice(["anglo", "latam", "haitian", "chinese"]))
    notes = rng.randint(2, 5)
    for _ in range(notes):
        r = rng.random()
        if r < 0.3:
            status_sentence(b, rng, client)
        elif r < 0.5:
            nationality_sentence(b, rng, client)
        elif r < 0.7:
            b.t(rng.choice(["Client was referred to legal services for an asylum screening. ",
                            "Client reports no medical issues. Children enrolled at P.S. 89. ",
                            "Client requested MetroCard and was given a Visa prepaid card for food. ",
                            "Client's case status is pending with the shelter placement unit. ",
                            "Client celebrated Chinese New Year with other residents. "]))
        else:
            b.t("Client has a court date on ").t(render_date(rng, intake + dt.timedelta(days=rng.randint(30, 300))))
            if rng.random() < 0.5:
                b.t(" at ").e(rng.choice(["26 Federal Plaza", "201 Varick Street", "26 Federal Plaza, 12th Floor"]), ADDRESS)
            b.t(". ")
        b.t(" ")
    b.t("\n\nIntake completed by: ").e(cw.full(), PERSON).t(f", {rng.choice(['Case Manager', 'Caseworker', 'Intake Specialist'])}\n")
    return rng.choice(["flow", "two_column"])


def witness_statement(b: _Builder, rng: random.Random) -> str:
    w = make_person(rng)
    other = make_person(rng, gender="m")
    year = rng.randint(2019, 2025)
    inc = random_recent(rng, year)
    pct, _ = rng.choice(P.PRECINCTS)
    b.t(rng.choice(["STATEMENT OF WITNESS\n", "WITNESS STATEMENT\n", "SWORN STATEMENT\n", "Written Statement\n"]))
    b.t(f"Complaint No.: {report_number(rng, year, pct)}\n\n")
    b.t("I, ").e(w.name(rng, rng.choice(["full", "middle", "upper"])), PERSON).t(", ")
    if rng.random() < 0.6:
        b.t(rng.choice(["residing at ", "who lives at ", "of "])).e(w.address.render(rng, rng.choice(["full", "nozip"])), ADDRESS).t(", ")
    if rng.random() < 0.5:
        b.t("date of birth ").e(render_date(rng, w.dob), DATE_OF_BIRTH).t(", ")
    b.t("state the following:\n\n")
    b.t(f"On {render_date(rng, inc)} at about {incident_time(rng)} I was ")
    b.t(rng.choice(["walking home from work", "waiting for the Q58 bus", "working at the car wash", "inside my apartment",
                    "selling food on the corner", "coming out of the laundromat"]))
    b.t(" near ")
    if rng.random() < 0.5:
        b.e(make_address(rng, 1.0).render(rng, "nocity"), ADDRESS)
    else:
        b.t(rng.choice(P.CROSS_STREETS))
    b.t(". I saw a man I know as ").e(other.first if rng.random() < 0.5 else other.full(), PERSON)
    b.t(rng.choice([" arguing with the store owner.", " hit my cousin with a bottle.", " take a phone from a woman.",
                    " break the window of the car."]))
    b.t(" ")
    sents = [
        lambda: (b.t("I was born in "), b.e(w.country.bare_name(rng), NATIONALITY),
                 b.t(f" and I came to the United States in {rng.randint(2000, 2023)}.")),
        lambda: (b.t("I am "), b.e(w.country.demonym(rng), NATIONALITY), b.t(" and I speak a little English.")),
        lambda: (b.t("I am from "), b.e(w.country.bare_name(rng), NATIONALITY), b.t(".")),
        lambda: (b.t("I did not want to talk to the police because I "),
                 b.e(rng.choice(["don't have papers", "am undocumented", "have no papers", "do not have legal status",
                                 "have a deportation order"]), IMMIGRATION_STATUS), b.t(".")),
        lambda: (b.t("I have "), b.e(rng.choice(["TPS", "a work permit from my asylum case", "DACA", "a green card",
                                                 "a pending asylum case", "a U visa"]), IMMIGRATION_STATUS),
                 b.t(" and I am not afraid to testify.")),
        lambda: (b.t("I entered the country "), b.e(rng.choice(["without papers", "without inspection", "through the desert",
                                                                "on a tourist visa that expired"]), IMMIGRATION_STATUS),
                 b.t(f" in {rng.randint(2001, 2023)}.")),
        lambda: (b.t("My phone number is "), b.e(w.phone, PHONE_NUMBER), b.t(".")),
        lambda: (b.t("My email is "), b.e(w.email, EMAIL_ADDRESS), b.t(".")),
        lambda: (b.t("The man's brother "), b.e(make_person(rng, community=other.community).full(), PERSON),
                 b.t(" lives at "), b.e(other.address.render(rng, "nocity"), ADDRESS), b.t(".")),
        lambda: (b.t("I think he is "), b.e(other.country.demonym(rng), NATIONALITY),
                 b.t(" because he talks like people from there.")),
        lambda: (distractor(b, rng),),
        lambda: (b.t("We were coming back from the Dominican Day Parade and everybody was on the street."),),
        lambda: (b.t("I paid for the food with my Visa card and then I heard screaming."),),
        lambda: (b.t("My immigration lawyer is "), b.e(make_person(rng, community="anglo").full(), PERSON), b.t(" and my A-number is "),
                 b.e(rng.choice([f"A{w.a_number}", w.a_number, f"A-{w.a_number[:3]}-{w.a_number[3:6]}-{w.a_number[6:]}"]), A_NUMBER),
                 b.t(".")),
        lambda: (b.t("I showed the officer my "), b.e(w.country.demonym(rng), NATIONALITY), b.t(" passport, number "),
                 b.e(render_passport(rng, w.country.code), PASSPORT_NUMBER), b.t(".")),
    ]
    for i in rng.sample(range(len(sents)), rng.randint(4, 8)):
        sents[i]()
        b.t(" ")
    # added later, from the side stream (the main stream's draws stay as they were)
    side = b.side
    if side.random() < 0.3:
        b.t("He drove away in ")
        plate_phrase(b, side)
        b.t(". ")
    if side.random() < 0.4:
        handle_sentence(b, side, other)
        b.t(" ")
    b.t("\n\nI have read this statement and it is true to the best of my knowledge. ")
    b.t(rng.choice(["This statement was translated to me in ", "Statement taken in "]) + rng.choice(P.LANGUAGES) + ".\n\n")
    b.t("Signature: ____________________   Date: " + render_date(rng, inc + dt.timedelta(days=rng.randint(0, 5)), "numeric") + "\n")
    off = make_person(rng, official=True)
    b.t(f"Statement taken by: {officer_title(rng)} ").e(off.full(), PERSON).t(f", Shield #{rng.randint(1000, 31999)}, {pct} Pct\n")
    return "flow"


def roster(b: _Builder, rng: random.Random) -> str:
    n = rng.randint(4, 12)
    people = [make_person(rng) for _ in range(n)]
    title = rng.choice(["PERSONS ENCOUNTERED - ", "Occupant List - ", "Detainee Roster - ", "Residents - ",
                        "Victims identified - Labor trafficking investigation - ", "Shelter census - "])
    b.t(title)
    if rng.random() < 0.5:
        b.e(make_address(rng, 1.0).render(rng, "nocity"), ADDRESS)
    else:
        b.t(f"Case {rng.randint(2019, 2025)}-{rng.randint(1, 999):03d}")
    b.t(f"\nPrepared {render_date(rng, random_recent(rng), 'numeric')}   Page 1 of 1\n\n")
    all_cols = ["NAME", "DOB", "ADDRESS", "NATIONALITY", "STATUS", "A-NUMBER", "PHONE"]
    cols = ["NAME"] + [c for c in all_cols[1:] if rng.random() < 0.75]
    if len(cols) < 4:
        cols = all_cols[:5]
    header_names = {"NAME": rng.choice(["NAME", "Name (Last, First)", "Full Name"]), "DOB": rng.choice(["DOB", "D.O.B.", "Birth Date"]),
                    "ADDRESS": rng.choice(["ADDRESS", "Address", "Residence"]),
                    "NATIONALITY": rng.choice(["NATIONALITY", "Country", "COB", "Citizenship"]),
                    "STATUS": rng.choice(["STATUS", "Imm. Status", "Immigration Status"]),
                    "A-NUMBER": rng.choice(["A-NUMBER", "A#", "Alien #"]), "PHONE": rng.choice(["PHONE", "Tel", "Contact"])}
    style = rng.choice(["pipe", "fixed", "tab"])
    widths = {"NAME": 30, "DOB": 12, "ADDRESS": 48, "NATIONALITY": 14, "STATUS": 26, "A-NUMBER": 14, "PHONE": 16}

    def cell(text: str, col: str, last: bool) -> str:
        if style == "pipe":
            return text + ("" if last else " | ")
        if style == "tab":
            return text + ("" if last else "\t")
        return text + ("" if last else " " * max(2, widths[col] - len(text)))

    b.t("#  " if style != "tab" else "#\t")
    for i, c in enumerate(cols):
        b.t(cell(header_names[c], c, i == len(cols) - 1))
    b.nl()
    if style != "tab":
        b.t("-" * 100 + "\n")
    for idx, p in enumerate(people, 1):
        b.t(f"{idx:<3}" if style != "tab" else f"{idx}\t")
        for i, c in enumerate(cols):
            last = i == len(cols) - 1
            if c == "NAME":
                v, t = p.name(rng, rng.choice(["formal", "upper_formal", "upper_formal"])), PERSON
            elif c == "DOB":
                v, t = render_date(rng, p.dob, "numeric"), DATE_OF_BIRTH
            elif c == "ADDRESS":
                v, t = p.address.render(rng, rng.choice(["nocity", "nozip", "upper"])), ADDRESS
            elif c == "NATIONALITY":
                v = p.country.bare_name(rng) if rng.random() < 0.5 else p.country.demonym(rng)
                v, t = (v.upper() if rng.random() < 0.5 else v), NATIONALITY
            elif c == "STATUS":
                if rng.random() < 0.12:
                    v, t = rng.choice(["Unknown", "N/A", "Refused", "--"]), ""
                else:
                    v, t = status_short(rng), IMMIGRATION_STATUS
            elif c == "A-NUMBER":
                if rng.random() < 0.15:
                    v, t = rng.choice(["None", "N/A", "--"]), ""
                else:
                    d = p.a_number
                    v = rng.choice([f"A{d}", f"A-{d[:3]}-{d[3:6]}-{d[6:]}" if len(d) == 9 else f"A{d}", d, f"A {d}"])
                    t = A_NUMBER
            else:
                v, t = p.phone, PHONE_NUMBER
            v = v.replace("\n", " ")
            if t:
                b.e(v, t)
            else:
                b.t(v)
            text_after = cell("", c, last)
            if style == "fixed":
                text_after = " " * max(2, widths[c] - len(v)) if not last else ""
            b.t(text_after)
        b.nl()
    b.t(f"\nTotal: {n}    ")
    b.t(rng.choice(["Prepared by: ", "Compiled by: "]))
    off = make_person(rng, official=True)
    b.t(officer_title(rng) + " ").e(off.full(), PERSON).t(f"  Shield #{rng.randint(1000, 31999)}\n")
    if rng.random() < 0.5:
        b.t("Note: status column reflects self-report; case status is pending review. Do not disseminate.\n")
    return "table"


def followup_dd5(b: _Builder, rng: random.Random) -> str:
    year = rng.randint(2019, 2025)
    pct, borough = rng.choice(P.PRECINCTS)
    subj = make_person(rng)
    wit = make_person(rng)
    det = make_person(rng, official=True)
    lt = make_person(rng, official=True)
    rep = random_recent(rng, year)
    b.t(rng.choice(["COMPLAINT FOLLOW-UP INFORMAL", "COMPLAINT FOLLOW-UP (DD5)", "DD-5 COMPLAINT FOLLOW UP"]) + "\n")
    b.t(f"Case No.: {rng.randint(1, 2999)}   Follow-Up No.: {rng.randint(1, 40)}   "
        f"Complaint No.: {report_number(rng, year, pct)}   Squad: {pct} Det. Sqd.\n")
    b.t(f"Date of Report: {render_date(rng, rep, 'numeric')}\n")
    b.t("Topic: ").t(rng.choice(["INTERVIEW OF ", "CANVASS / INTERVIEW - ", "RECORDS CHECK - ", "VISIT TO RESIDENCE OF "]))
    b.e(subj.name(rng, rng.choice(["upper", "upper_formal"])), PERSON).t("\n\n")
    paras = []

    def p1() -> None:
        b.f("On {date}, at approximately {time}, the undersigned interviewed {name} ",
            date=render_date(rng, rep), time=incident_time(rng), name=Ent(subj.name(rng, "full"), PERSON))
        dob_phrase(b, rng, subj)
        b.t(" at ")
        b.e(subj.address.render(rng, rng.choice(["full", "nozip", "nocity"])), ADDRESS)
        b.t(rng.choice([". ", ", with the assistance of a Spanish-speaking officer. "]))

    def p2() -> None:
        nationality_sentence(b, rng, subj)
        b.t(" ")
        status_sentence(b, rng, subj)

    def p3() -> None:
        b.t("A check of department and outside databases was conducted for ").e(subj.full(), PERSON).t(" with the following results: ")
        for k in rng.sample([A_NUMBER, USCIS_RECEIPT_NUMBER, I94_NUMBER, SEVIS_ID, PASSPORT_NUMBER, US_SSN], rng.randint(1, 3)):
            id_phrase(b, rng, subj, k)
            b.t("; ")
        b.t("no prior arrests.")

    def p4() -> None:
        b.t("The undersigned also spoke with witness ").e(wit.name(rng), PERSON).t(", who can be reached at ")
        b.e(wit.phone, PHONE_NUMBER).t(". ")
        if rng.random() < 0.5:
            nationality_sentence(b, rng, wit)
        else:
            b.t("Witness stated that the perpetrator ran toward ").t(rng.choice(P.CROSS_STREETS)).t(".")

    def p5() -> None:
        distractor(b, rng)
        b.t(" ")
        distractor(b, rng)

    def p6() -> None:
        b.t("Contact was made with ").t(rng.choice(["Deportation Officer ", "SDDO ", "Special Agent "]))
        b.e(make_person(rng, official=True).full(), PERSON).t(" of ICE ERO, who advised that ")
        b.e(subj.last, PERSON).t(" ")
        b.e(rng.choice(["has a final order of removal", "is not in ICE custody", "was released on an order of supervision",
                        "has an active detainer", "has a pending case before the immigration court"]), IMMIGRATION_STATUS)
        b.t(". Per Department policy, no further information was shared.")

    def p7() -> None:
        b.t(f"Video canvass conducted on {render_date(rng, rep - dt.timedelta(days=1), 'numeric')} at {incident_time(rng)}; "
            f"footage vouchered under Property Voucher #{rng.randint(2000, 4999)}{_digits(rng, 6)}.")

    paras = [p1, p2, p3, p4, p5, p6, p7]
    chosen = [p1] + rng.sample(paras[1:], rng.randint(2, 5))
    for i, fn in enumerate(chosen, 1):
        b.t(f"{i}. ")
        fn()
        b.t("\n\n")
    # added later, from the side stream (the main stream's draws stay as they were)
    side = b.side
    extra = [k for k, p in (("plate", 0.4), ("handle", 0.4), ("field", 0.2)) if side.random() < p]
    if extra:
        b.t(f"{len(chosen) + 1}. ")
        if "plate" in extra:
            b.t("The subject was observed operating ")
            plate_phrase(b, side)
            b.t(". ")
        if "handle" in extra:
            b.t("A social media canvass was conducted. ")
            handle_sentence(b, side, subj, first_person=False)
            b.t(" ")
        if "field" in extra:
            b.t("Accounts identified: ")
            handle_field(b, side, subj)
            b.t(".")
        b.t("\n\n")
    b.t(f"Case Status: {rng.choice(['OPEN', 'ACTIVE', 'CLOSED - EXCEPTIONAL', 'PENDING'])}\n")
    b.t("Reporting: ").t(rng.choice(["Det. ", "DET ", "Det. Spec. "])).e(det.name(rng, rng.choice(["full", "upper"])), PERSON)
    b.t(f"   Shield #{rng.randint(1000, 31999)}   Tax #{rng.randint(900000, 979999)}\n")
    b.t("Reviewed: ").t(rng.choice(["Lt. ", "Sgt. ", "Lieutenant "])).e(lt.full(), PERSON).t(f"   Date: {render_date(rng, rep, 'numeric')}\n")
    return rng.choice(["flow", "two_column"])


GENERATORS: dict[str, Callable[[_Builder, random.Random], str]] = {
    "complaint_report": complaint_report,
    "email": inter_agency_email,
    "foil_letter": foil_letter,
    "shelter_intake": shelter_intake,
    "witness_statement": witness_statement,
    "roster": roster,
    "followup_dd5": followup_dd5,
}


def generate_document(doc_type: str, seed: int | str, doc_id: str | None = None) -> SyntheticDocument:
    rng = random.Random(f"{doc_type}:{seed}")
    b = _Builder(side=random.Random(f"{doc_type}:{seed}:side"))
    layout = GENERATORS[doc_type](b, rng)
    spans = sorted(b.spans, key=lambda s: (s.start, s.end))
    return SyntheticDocument(doc_id or f"{doc_type}-{seed}", doc_type, b.text, spans, layout)


def make_corpus(n: int = 300, seed: int = 7) -> list[SyntheticDocument]:
    """``n`` documents cycling through the seven types; the same (n, seed) gives the same corpus."""
    docs = []
    for i in range(n):
        doc_type = DOC_TYPES[i % len(DOC_TYPES)]
        docs.append(generate_document(doc_type, f"{seed}-{i}", doc_id=f"{seed}-{i:04d}-{doc_type}"))
    return docs


# =============================================================================================================
# PDF rendering
# =============================================================================================================

def _fitz():
    try:
        import pymupdf as fitz  # PyMuPDF >= 1.24
    except ImportError:  # pragma: no cover
        import fitz  # type: ignore[no-redef]
    return fitz


def _latin1(s: str) -> bool:
    """Whether the Base-14 fonts can show ``s``; other lines use MuPDF's built-in fallback font."""
    try:
        s.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return False


def render_pdf(doc: SyntheticDocument, path: str | Path, layout: str | None = None) -> Path:
    """Lay ``doc`` out as a letter-size PDF: flowing text, two columns, or a monospaced table."""
    fitz = _fitz()
    layout = layout or doc.layout
    path = Path(path)
    pdf = fitz.open()
    mono = layout == "table"
    W, H, M = (792, 612, 40) if mono else (612, 792, 50)
    font = "cour" if mono else "helv"
    columns = 2 if layout == "two_column" else 1
    gutter = 24
    col_w = (W - 2 * M - (columns - 1) * gutter) / columns
    size = 9.5
    if mono:  # shrink the monospaced font until the widest row fits
        widest = max((len(line) for line in doc.text.split("\n")), default=1)
        size = max(4.5, min(8.0, col_w / (0.6 * widest)))
    lead = size * 1.35
    char_w = fitz.get_text_length("n", fontname=font, fontsize=size)
    width_chars = max(20, int(col_w / char_w * (1.0 if mono else 1.1)))

    lines: list[str] = []
    for raw in doc.text.split("\n"):
        if mono or len(raw) <= width_chars:
            lines.append(raw)
        else:
            wrapped = textwrap.wrap(raw, width_chars, break_long_words=False, break_on_hyphens=False)
            # keep text within the column even when the character estimate is off
            for w in wrapped or [""]:
                while fitz.get_text_length(w, fontname=font, fontsize=size) > col_w and " " in w:
                    cut = w.rfind(" ")
                    lines.append(w[:cut])
                    w = w[cut + 1:]
                lines.append(w)

    per_col = int((H - 2 * M) / lead)
    if columns == 2 and len(lines) <= 2 * per_col:  # balance a one-page document over both columns
        per_col = max(1, -(-len(lines) // 2))
    page = None
    i = 0
    while i < len(lines) or page is None:
        page = pdf.new_page(width=W, height=H)
        fallback_loaded = False
        for c in range(columns):
            x = M + c * (col_w + gutter)
            y = M + size
            for _ in range(per_col):
                if i >= len(lines):
                    break
                if lines[i]:
                    if _latin1(lines[i]):
                        page.insert_text((x, y), lines[i], fontname=font, fontsize=size)
                    else:
                        if not fallback_loaded:
                            page.insert_font(fontname="fallbk", fontbuffer=fitz.Font("cjk").buffer)
                            fallback_loaded = True
                        page.insert_text((x, y), lines[i], fontname="fallbk", fontsize=size)
                y += lead
                i += 1
        if i >= len(lines):
            break
    try:
        pdf.subset_fonts()  # the fallback font is large; keep only the glyphs used
    except Exception:  # pragma: no cover - subsetting is an optimisation only
        pass
    pdf.save(str(path), garbage=3, deflate=True)
    pdf.close()
    return path


if __name__ == "__main__":  # pragma: no cover - a quick look at a few documents
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for d in make_corpus(n, 7):
        print("=" * 100)
        print(d.doc_id, d.layout, len(d.spans), "spans")
        print(d.text)
        for s in d.spans:
            print(f"   {s.entity_type:22} {s.text!r}")

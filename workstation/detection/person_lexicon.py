"""Word lists and shared patterns of the PERSON recognizer (``person_recognizer``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from workstation.detection.phrases import trie_alternation
from workstation.detection.wordlists import wordlist


def _load(name: str) -> list[str]:
    return wordlist(name)


def _flat_alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any run of spaces/tabs."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in parts)


def _alternation(words: list[str]) -> str:
    """The same phrases as ``_flat_alternation`` (spaces match any run of spaces/tabs, the longest phrase wins), as a
    trie (``phrases.trie_alternation``): the PERSON label, title and cue patterns hold hundreds of entries."""
    return trie_alternation([r"[ \t]+" if ch == " " else re.escape(ch) for ch in w] for w in {w for w in words if w})


# A word: letters with inner apostrophes/hyphens ("O'Brien", "Jean-Baptiste", "al-Sayed", "Wiśniewska").
# the explanation of a party of a case caption ("Pereira v. Sessions"): one word of it is a name everywhere
CAPTION_PARTY = "party name in a case caption or citation"
_WORD = re.compile(r"[^\W\d_]+(?:['’‐-][^\W\d_]+)*")
_PREFIXED = re.compile(r"(?:al|el|ul|ad|ar|as|at|az|bin|ibn|abu|abd|d|l|da|de|di|du|la|le|van|von|mc|mac)['’‐-]"
                       r"[^\W\d_]", re.IGNORECASE)
_INITIAL_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
# a generational suffix right after a name: "ERIC H. HOLDER, JR.", "Sessions III", "Hall, II"
NAME_SUFFIX = re.compile(r",?[ \t]*(?:Jr|Sr|JR|SR)\.?(?!\w)|(?:[ \t]*,[ \t]*|[ \t]+)(?:II|III|IV)\.?(?!\w)")
# stop words that are names too when they follow a given name ("Li Na", "Shirin Sheikh")
_INNER_OK = frozenset({"na", "sheikh", "sheik", "haji", "hajji", "imam"})
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "june", "jul", "july", "aug", "august", "sep",
                     "sept", "oct", "nov", "dec", "april"})
# what follows a month that is a date, not a name: "Jun. 2", "May 4, 2021"
_DAY_AFTER = re.compile(r"\.?,?[ \t]*\d")
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
    # Court record abbreviations spaCy tags as names ("[Doc. 24-1]", "(Dkt. 4-1)", "Atty. Gen.", "Principal Dep.
    # Assistant"), and words of a caption or an agency's release ("Noncitizens who ...", "Civil Division").
    stop |= {"doc", "docs", "dkt", "ecf", "gen", "dep", "principal", "assistant", "noncitizens", "noncitizen",
             "division", "pet", "resp", "app", "supp", "aff", "decl", "exh"}
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

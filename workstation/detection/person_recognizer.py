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
from pathlib import Path
from typing import Any, NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from workstation.paths import RESOURCES

WORDLISTS = RESOURCES / "wordlists"


def _load(name: str) -> list[str]:
    out = []
    for line in Path(WORDLISTS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any run of spaces/tabs."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in parts)


# A word: letters with inner apostrophes/hyphens ("O'Brien", "Jean-Baptiste", "al-Sayed", "Wiśniewska").
_WORD = re.compile(r"[^\W\d_]+(?:['’‐-][^\W\d_]+)*")
_PREFIXED = re.compile(r"(?:al|el|ul|ad|ar|as|at|az|bin|ibn|abu|abd|d|l|da|de|di|du|la|le|van|von|mc|mac)['’‐-]"
                       r"[^\W\d_]", re.IGNORECASE)
_INITIAL_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


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
    regions = {c.lower() for c in _load("countries.txt")} | {
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
        r"(?<![\w.])(?:(?i:" + _alternation(loose) + r")|(?:" + strict_alt + r"))\.?(?=[ \t])[ \t]+"
    )


class PersonContextRecognizer(EntityRecognizer):
    """PERSON names read after form labels, titles and phrases, and in "LAST, First" roster lines."""

    ENTITIES = ["PERSON"]
    version = "1.0"

    LABEL_SCORE = 0.8
    TITLE_SCORE = 0.75
    PHRASE_SCORE = 0.7
    ROSTER_SCORE = 0.7
    LIST_SCORE = 0.55


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
        self._roster_re = re.compile(r"(?m)^[ \t]*(?:(?:\d{1,3}[.)]|[-•*·]|\(\d{1,3}\))[ \t]*)?(?=\S)")
        self._space_re = re.compile(r"[ \t]{1,2}")
        verbs = ("stated|said|says|states|told|tells|reported|reports|advised|explained|indicated|admitted|denied|"
                 "claimed|claims|alleged|alleges|spoke|confirmed|declined|refused|arrived|fled|resides|lives|lived|"
                 "works|worked|entered|provided|signed|asked|answered|responded|testified|identified|recognized|"
                 "recognised|called|phoned|came|went|left|returned|owns|rents|"
                 "(?:was|is|has[ \t]+been|had[ \t]+been)[ \t]+(?:interviewed|arrested|born|identified|detained|"
                 "transported|released|observed|seen|charged|questioned|notified|contacted|employed|injured|"
                 "assaulted|struck|robbed|living|residing|staying|working|present|served|removed|deported)")
        self._verb_re = re.compile(r"(?<=[^\W\d_.])[ \t]+(?:" + verbs + r")\b")
        self._subject_run_re = re.compile(r"(?:[^\W\d_][\w'’.-]*[ \t]+){0,6}[^\W\d_][\w'’-]*$")

    # ------------------------------------------------------------------ name reading

    def _is_stop(self, word: str) -> bool:
        low = word.lower()
        if low in self._stop or low in self._titles:
            return True
        if len(word) == 2 and word in _STATE_CODES:
            return True
        return False

    def _token_at(self, text: str, pos: int) -> tuple[str, int, int] | None:
        """(kind, start, end) of the token at pos: 'name', 'particle', 'initial', or None to stop."""
        m = _WORD.match(text, pos)
        if not m:
            return None
        word = m.group()
        end = m.end()
        if end < len(text) and (text[end].isdigit() or text[end] == "_"):
            return None
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
            if self._is_stop(word):
                return None
            return ("name", pos, end)
        if word.lower() in self._particles:
            return ("particle", pos, end)
        if _PREFIXED.match(word):
            return ("name", pos, end)
        return None

    def read_name(self, text: str, pos: int, max_tokens: int = 7) -> tuple[int, int] | None:
        """The name starting at pos (same line, no label), as (start, end), or None."""
        tokens: list[tuple[str, int, int]] = []
        i = pos
        n = len(text)
        while len(tokens) < max_tokens:
            tok = self._token_at(text, i)
            if tok is None:
                break
            kind, s, e = tok
            # a label ("DOB:", "Phone Number:") is not part of the name
            j = e
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] == ":" and kind != "initial":
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
        first = self.read_name(text, pos, max_tokens=4)
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
            m = re.compile(r"[ \t]*").match(text, nxt)
            pos = m.end()
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

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        if not hasattr(self, "_stop"):
            self.load()
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()

        def add(span: tuple[int, int] | None, score: float, why: str) -> None:
            if span and span not in seen and span[1] > span[0]:
                seen.add(span)
                results.append(self._result(span[0], span[1], score, why))

        for m in self._label_re.finditer(text):
            for span in self._read_list(text, m.end(), allow_comma_form=True):
                add(span, self.LABEL_SCORE, "name after a form label")
        for m in self._title_re.finditer(text):
            pos = m.end()
            # "Det. Sgt. Ruiz", "P.O. Kwame Mensah"
            m2 = self._title_re.match(text, pos)
            while m2:
                pos = m2.end()
                m2 = self._title_re.match(text, pos)
            span = self.read_name(text, pos, max_tokens=5)
            if span and not self._bare_acronym(text, span):
                add(span, self.TITLE_SCORE, "name after a title")
        for m in self._phrase_re.finditer(text):
            pos = m.end()
            m2 = self._title_re.match(text, pos)
            while m2:
                pos = m2.end()
                m2 = self._title_re.match(text, pos)
            for span in self._read_list(text, pos, allow_comma_form=False)[:3]:
                if not self._bare_acronym(text, span):
                    add(span, self.PHRASE_SCORE, "name after a phrase")
        for m in self._roster_re.finditer(text):
            self._roster_line(text, m.end(), add)
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        for m in self._verb_re.finditer(text):
            span = self._subject_before(text, m.start(), doc)
            if span:
                add(span, self.PHRASE_SCORE, "name as the subject of a reporting verb")
        return results

    def _subject_before(self, text: str, verb_start: int, doc) -> tuple[int, int] | None:
        """The name right before a reporting verb ("Gurpreet Singh Dhillon stated"), checked with spaCy POS."""
        line_start = text.rfind("\n", 0, verb_start) + 1
        lo = max(line_start, verb_start - 80)
        m = self._subject_run_re.search(text, lo, verb_start)
        if not m:
            return None
        starts = [w.start() for w in _WORD.finditer(text, m.start(), m.end())
                  if w.start() == m.start() or text[w.start() - 1] in " \t"]
        for s in starts:
            word = _WORD.match(text, s).group()
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

    def _roster_line(self, text: str, pos: int, add) -> None:
        if self._label_re.match(text, pos):
            return
        # "LAST, First M." rows (not "Corona, Queens" or "Springfield, Illinois")
        if self._comma_form_ok(text, pos):
            span = self._read_comma_name(text, pos)
            head = text[pos:text.find(",", pos)].strip().lower() if span else ""
            if span and head not in self._places and self._line_rest_is_column(text, span[1]):
                add(span, self.ROSTER_SCORE, "LAST, First roster line")
                return
        # "1. First Last" list items (a number or bullet is required) with two to five name tokens
        if pos > 0 and text[pos - 1] not in "\n" and re.search(r"(?:\d[.)]|[-•*·)])[ \t]*$", text[:pos][-6:]):
            span = self.read_name(text, pos, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and self._line_rest_is_column(text, span[1]):
                add(span, self.LIST_SCORE, "name in a numbered list")

    # ------------------------------------------------------------------ spaCy span refinement

    def refine_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A spaCy PERSON span corrected: one line, no title or label, extended over a following surname.

        Returns None when the span holds no name.
        """
        if not hasattr(self, "_stop"):
            self.load()
        segment = text[start:end]
        best: tuple[int, int] | None = None
        offset = start
        for part in segment.split("\n"):
            s = offset
            offset += len(part) + 1
            span = self._clean_part(text, s, s + len(part))
            if span:
                best = span
                break
        if best is None:
            return None
        s, e = best
        # extend over following name tokens on the same line ("Mohammed Rafiqul" + " Islam")
        if e == end or text[e:end].strip() == "":
            m = self._space_re.match(text, e)
            if m and m.end() - e == 1:
                ext = self.read_name(text, m.end(), max_tokens=3)
                if ext and ext[0] == m.end() and not self._bare_acronym(text, ext):
                    after = ext[1]
                    if not (after < len(text) and text[after] == ":"):
                        e = ext[1]
        return s, e

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
        while True:
            m = _WORD.match(text, s)
            if not m or m.end() > e:
                break
            w = m.group()
            if w.lower() in self._titles or w.lower() in self._stop or (w in _STATE_CODES):
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
        return s, max(e, name[1])

    def enhance_using_context(self, text, raw_recognizer_results, other_raw_recognizer_results, nlp_artifacts,
                              context=None):
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
        return raw_recognizer_results

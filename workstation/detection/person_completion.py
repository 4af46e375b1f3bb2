"""Span completion: spaCy's PERSON spans refined, and every part of a found name found again."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from workstation.detection import gazetteer
from workstation.detection.person_filters import not_a_person
from workstation.detection.person_layouts import _TITLE_MODIFIERS, _TITLE_NOUNS, _PersonLayouts
from workstation.detection.person_lexicon import (
    _DAY_AFTER,
    _FUNCTION_WORDS,
    _LOWER_WORD,
    _MONTHS,
    _PART_RE,
    _STATE_CODES,
    _WORD,
    CAPTION_PARTY,
)

# a word that opens a title ("Supervisory Detention and Deportation Officer"), never a name word after a name
_TITLE_START = _TITLE_MODIFIERS | frozenset(_TITLE_NOUNS)
# a law firm made of surnames: "Brophy & Lenahan", "Phelan, Simmons & Ungar", "DiRaimondo & Masi, LLP"
_FIRM = re.compile(r"(?<![\w.])(?:LLP|L\.L\.P\.|LLC|PLLC|P\.C\.|P\.A\.|PC)(?![\w])|&[ \t]*(?i:associates)\b")
_FIRM_AFTER = re.compile(r"[ \t]*(?:&[ \t]*[A-Z]|,?[ \t]*(?:LLP|L\.L\.P\.|LLC|PLLC|P\.C\.|P\.A\.)(?![\w]))")
_FIRM_BEFORE = re.compile(r"[A-Za-z][ \t]*&[ \t]*$")


def _in_firm_name(text: str, s: int, e: int) -> bool:
    """Whether the words at ``s:e`` stand in a law firm's name ("Sauer & Hormachea", "DiRaimondo & Masi, LLP")."""
    return bool(_FIRM_AFTER.match(text, e) or _FIRM_BEFORE.search(text, max(0, s - 6), s))



# --- other mentions of a found name, read token by token -------------------------------------------------------------
# A word as the two readers below take it: letters joined by an apostrophe or a hyphen-minus (U+2010 separates, as it
# did in the per-document regular expressions these readers replace: compiling one per document was a tenth of the
# engine's time beyond spaCy).
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_JOINERS = "'’-"


def _is_caption_party(result: RecognizerResult) -> bool:
    why = result.analysis_explanation.textual_explanation if result.analysis_explanation else ""
    return why == CAPTION_PARTY


def _free_after(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_" or text[end] in _JOINERS)


def _free_before(text: str, start: int, also: str = "") -> bool:
    c = text[start - 1] if start else " "
    return not (c.isalnum() or c == "_" or c in _JOINERS or c in also)


def _regex_runs(text: str, words: set[str]) -> list[tuple[int, int]]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    run = re.compile(r"(?<![\w'’-])(?i:" + alt + r")(?:[ ]{1,2}(?i:" + alt + r"))*(?![\w'’-])")
    return [m.span() for m in run.finditer(text)]


def word_runs(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Runs of the (lower-case) ``words`` in ``text``, in any case, one or two spaces apart: "Imran Singh", "SINGH"
    (a tab or a wider gap separates table cells)."""
    if any("\u2010" in w for w in words):
        return _regex_runs(text, words)
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if m.group().lower() not in words or not _free_after(text, e):
            if run:
                out.append((run[0], run[1]))
            run = []
            continue
        if run and text[run[1]:s] in (" ", "  "):
            run[1] = e
            continue
        if run:
            out.append((run[0], run[1]))
        run = [s, e] if _free_before(text, s) else []
    if run:
        out.append((run[0], run[1]))
    return out


def _regex_given_names(text: str, surnames: set[str]) -> list[tuple[int, int, int]]:
    alt = "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
    given = r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*"
    rx = re.compile(r"(?<![\w'’.-])((?:" + given + r"[ ]){1,3})(?:" + alt + r")(?![\w'’-])")
    return [(m.start(), m.end(1), m.end()) for m in rx.finditer(text)]


def _given_shaped(word: str) -> bool:
    return not ("a" <= word[0] <= "z")


def given_names_before(text: str, surnames: set[str]) -> list[tuple[int, int, int]]:
    """(start, end of the given names, end) of one to three capitalised words, one space apart, before one of the
    ``surnames`` (as written): "client Emeka Nwosu" for the surname "Nwosu"."""
    if any("\u2010" in w for w in surnames):
        return _regex_given_names(text, surnames)
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    out: list[tuple[int, int, int]] = []
    last_end = 0
    j = 0
    while j < len(tokens):
        start = tokens[j][0]
        found = None
        if start >= last_end and _free_before(text, start, also="."):
            for n in (3, 2, 1):
                k = j + n
                if k >= len(tokens):
                    continue
                chain = tokens[j : k + 1]
                if all(_given_shaped(text[a:b]) and text[b:chain[i + 1][0]] == " "
                       for i, (a, b) in enumerate(chain[:-1])) and text[chain[-1][0]:chain[-1][1]] in surnames \
                        and _free_after(text, chain[-1][1]):
                    found = (start, chain[-1][0], chain[-1][1], k)
                    break
        if found:
            out.append(found[:3])
            last_end = found[2]
            j = found[3] + 1
        else:
            j += 1
    return out

class _PersonCompletion(_PersonLayouts):
    """``refine_span`` and Presidio's ``enhance_using_context`` hook (spaCy spans, repeated names)."""

    # ------------------------------------------------------------------ spaCy span refinement

    def refine_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A spaCy PERSON span corrected: one line, no title or label, extended over a following surname.

        Returns None when the span holds no name.
        """
        if not hasattr(self, "_stop"):
            self.load()
        segment = text[start:end]
        if self._versus_re.search(segment):
            return None  # "People v Thomas": a caption; the caption reader finds each party on its own
        firm = _FIRM.search(segment)
        if firm:  # "MARSHAL E. HYMAN & ASSOCIATES", "Bretz Coven LLP": the firm's suffix is no part of a name
            end = start + len(segment[:firm.start()].rstrip(" \t,"))
            segment = text[start:end]
            if not _WORD.search(segment):
                return None
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
        s, e = best[0], min(best[1], end) if firm else best[1]
        # "Nat.:", "Tel.:" - an abbreviated form label, not a name; "Jun. 2" - a month
        if re.compile(r"\.?[ \t]*:").match(text, e) and e - s <= 5:
            return None
        if self._label_like(text, (s, e)):
            return None  # "Reportee:", "ARRESTEE:" - one capitalised word before a colon is a form label
        if text[s:e].lower() in _MONTHS and _DAY_AFTER.match(text, e):
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
        return self._given_before(text, s), (min(e, end) if firm else e)

    _GIVEN_BEFORE = re.compile(r"(?:(?<![\w'\u2019.-])(?:[A-Z]\.|[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?)[ ]){1,2}$")

    def _given_before(self, text: str, s: int) -> int:
        """The span started earlier over an initial and given names spaCy left out ("J. Refugio [Carreno Rojas]"),
        never over a stop word, a title, a label, a place or a sentence's first word."""
        m = self._GIVEN_BEFORE.search(text, max(0, s - 40), s)
        if not m:
            return s
        words = m.group().split()
        if any(len(w) > 2 and (self._is_stop(w) or w.lower() in self._label_words or w.lower() in self._places
                               or w.lower() in self._regions or w.lower() in self._titles) for w in words):
            return s
        before = text[max(0, m.start() - 3) : m.start()]
        if not before.strip() or before.rstrip()[-1:] in ".!?:" or "\n" in before:
            return s  # the first word of a sentence or a line may be any word
        return m.start()

    # a locative word, or an agency whose field office the place names ("ERO Harlingen", "HSI Newark")
    _LOCATIVE_BEFORE = re.compile(r"(?:(?i:\b(?:in|at|near|to|from|into|located\s+in|outside(?:\s+of)?))|"
                                  r"\b(?:ERO|ICE|HSI|CBP|USCIS|EOIR|FBI|DEA|ATF|USBP)\)?)\s+$")
    _REGION_AFTER = re.compile(r",[ \t]*[A-Z][\w.]*")
    _TOWN_BEFORE = re.compile(r"(?<![\w])([A-Z][^\W\d_]+(?:[ \t][A-Z][^\W\d_]+)?),[ \t]*$")

    def _place_here(self, text: str, s: int, e: int) -> bool:
        """A spaCy "PERSON" that is a place of the gazetteer used as one: "detained at Victorville", "Saint Croix,
        U.S. Virgin Islands", "Ciudad Juarez". A single word that is also a surname ("Lima", "Jackson") needs the
        place's context: a locative word before it or ", Region" after it."""
        place = gazetteer.place(text[s:e])
        if place is None:
            return False
        if " " in text[s:e].strip() and place.kind != "country":
            return True
        if self._LOCATIVE_BEFORE.search(text, max(0, s - 20), s) or self._REGION_AFTER.match(text, e):
            return True
        # "in Gualán, Zacapa": a region after a town of the same country
        town = self._TOWN_BEFORE.search(text, max(0, s - 40), s)
        before = gazetteer.place(town.group(1)) if town else None
        return before is not None and before.country == place.country and before.kind != "country"

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
                while nxt < e and (text[nxt] in " \t," or text[nxt].isdigit()):
                    nxt += 1  # "for Appellee 16 L. Helen Bennett": a line number after a dropped role word
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
        after = _WORD.match(text, name[1] + 1) if name[1] < e else None
        if after and (after.group().lower() in self._titles or after.group().lower() in _TITLE_START or (
                len(after.group()) > 3 and self._is_stop(after.group()))):
            # "Derek Ashworth Supervisory Detention": a title after the name; "Fugitive Alien Removal": a word that
            # is no name word ends what the name reader reads (not a short one: "Tom We Shung", "Li Na")
            return s, name[1]
        return s, max(e, name[1])

    def enhance_using_context(self, text: str, raw_recognizer_results: list[RecognizerResult],
                              other_raw_recognizer_results: list[RecognizerResult], nlp_artifacts: Any,
                              context: list[str] | None = None) -> list[RecognizerResult]:
        if not hasattr(self, "_stop"):
            self.load()
        text = text.replace("\u00a0", " ")  # as in ``analyze``
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
        # spans the engine drops as a place, a facility or a court word ("Stewart Detention", "Encephalopathy"):
        # no evidence of a name for the readers below
        dropped = {(r.start, r.end) for r in raw_recognizer_results + other_raw_recognizer_results
                   if r.entity_type == "PERSON" and r.score > 0 and not_a_person(text, r.start, r.end)}
        found = [(r.start, r.end) for r in raw_recognizer_results + other_raw_recognizer_results
                 if r.entity_type == "PERSON" and r.score >= self.LIST_SCORE and (r.start, r.end) not in dropped]
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        listed = [self._result(s, e, self.LIST_SCORE, "name in a list of names one a line")
                  for s, e in self._list_neighbours(text, found, doc) if (s, e) not in found]
        return raw_recognizer_results + listed + self._repeated_names(text, raw_recognizer_results + listed,
                                                                      other_raw_recognizer_results, dropped)

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
        other_types = [(r.start, r.end) for r in others if r.entity_type != "PERSON"]
        out: list[RecognizerResult] = []
        for start, given_end, end in given_names_before(text, surnames):
            s = start
            for w in _WORD.finditer(text, start, given_end):
                low = w.group().lower()
                if self._is_stop(w.group()) or low in self._label_words or low in self._places or (
                        low in self._regions or low in self._particles or w.group().isupper() and len(w.group()) > 1):
                    s = w.end() + 1  # "Dear", "Client", "FOIL": not a given name; the name starts after it
            if s >= given_end or any(a < end and s < b for a, b in other_types) or _in_firm_name(text, s, end):
                continue
            out.append(self._result(s, end, self.REPEAT_SCORE, "a surname found alone, here with a given name"))
        return out

    def _repeated_names(self, text: str, own: list[RecognizerResult], others: list[RecognizerResult],
                        dropped: set[tuple[int, int]] | None = None) -> list[RecognizerResult]:
        """Other mentions of a name found elsewhere in the same text ("Imran Singh ... Singh can be reached").

        The words of every name of two or more words found with context (or by spaCy) are looked up across the
        text, capitalised, and runs of them become PERSON findings. A word that also occurs in lower case in the
        text ("fall", "rose") is not used, nor stop words, titles, places and words inside other findings.
        """
        found = [r for r in own if r.score >= self.LIST_SCORE] + [
            r for r in others if r.entity_type == "PERSON" and r.score > 0]
        found = [r for r in found if (r.start, r.end) not in (dropped or ())]
        out = self._given_names_before(text, found, others)
        words: set[str] = set()
        for r in found:
            toks = [w.group() for w in _WORD.finditer(text, r.start, r.end)]
            if len(toks) < 2 and not _is_caption_party(r):
                continue  # one word is a name everywhere only as a party of a caption ("Pereira v. Sessions")
            for t in toks:
                low = t.lower()
                if len(t) < 2 or self._is_stop(t) or low in self._particles or low in self._label_words or (
                        low in self._ORG_WORDS) or (
                        low in self._places or low in self._regions or low in self._street_types):
                    continue
                words.add(low)
        if not words:
            return out
        lowered_in_text = words & {m.group() for m in _LOWER_WORD.finditer(text) if m.group().islower()}
        words -= lowered_in_text
        if not words:
            return out
        taken = [(r.start, r.end) for r in found] + [(r.start, r.end) for r in others if r.entity_type != "PERSON"]
        taken += [(r.start, r.end) for r in out]
        for s, e in word_runs(text, words):
            if not text[s].isupper() or any(a < e and s < b for a, b in taken) or _in_firm_name(text, s, e):
                continue
            nxt = _WORD.match(text, e + 1) if e < len(text) and text[e] == " " else None
            if nxt and nxt.group().lower() in self._street_types:
                continue  # "Fulton Street", "Jackson Heights"
            if e - s <= 4 and text[s:e].isupper():
                continue  # "KAI", "LAM" alone in capitals: too close to acronyms
            out.append(self._result(s, e, self.REPEAT_SCORE, "another mention of a name found in the text"))
            taken.append((s, e))
        return out

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

The recognizer is split by concern: ``person_lexicon`` (word lists, shared patterns), ``person_patterns`` (the
compiled cues), ``person_reading`` (reading a name), ``person_cues`` (captions, mail headers, headings, letters,
rosters), ``person_layouts`` (record cells over several lines, roster and signature blocks, lists of names one a
line), ``person_completion`` (spaCy spans refined, repeated names); this module runs them. No-break spaces are
read as spaces (same offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from presidio_analyzer import RecognizerResult

from workstation.detection import gazetteer
from workstation.detection.a_number_recognizer import NAME_HEADERS, PART_NAME_HEADERS, table_cells
from workstation.detection.person_completion import _PersonCompletion
from workstation.detection.person_lexicon import (
    _COLON_OK,
    _WORD,
)


def _us_city(name: str) -> bool:
    """A one-word U.S. city of the gazetteer ("Attorney General, Tallahassee, and ..."): counsel's office."""
    place = gazetteer.place(name) if " " not in name.strip() else None
    return place is not None and place.us


class PersonContextRecognizer(_PersonCompletion):
    """PERSON names read after form labels, titles and phrases, and in "LAST, First" roster lines."""

    def __init__(self) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="PersonContextRecognizer",
                         supported_language="en")

    def _label_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The form labels of ``text`` ("Name:", "Victim:"): every label ends with a colon on its own line, so only the
        lines holding a colon are searched (the pattern's lookbehinds see the text before them as usual)."""
        pos = text.find(":")
        while pos >= 0:
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            yield from self._label_re.finditer(text, start, end)
            pos = text.find(":", end)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        if not hasattr(self, "_stop"):
            self.load()
        # a no-break space (PDF table cells, web pages) separates words as a space does; same length, same offsets
        text = text.replace("\u00a0", " ")
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()

        def add(span: tuple[int, int] | None, score: float, why: str) -> None:
            if span and why not in _COLON_OK and self._label_like(text, span):
                return
            if span and span not in seen and span[1] > span[0]:
                seen.add(span)
                results.append(self._result(span[0], span[1], score, why))

        for m in self._label_matches(text):
            if self._is_mail_subject(text, m):
                continue
            for span in self._read_list(text, m.end(), allow_comma_form=True):
                add(span, self.LABEL_SCORE, "name after a form label")
        for s, e in table_cells(text, NAME_HEADERS, whole_cell=True):
            cell_name = self._cell_name(text, s, e)
            if cell_name and not self._bare_acronym(text, cell_name):
                add(cell_name, self.LABEL_SCORE, "name in a table column headed by a name label")
        for s, e in table_cells(text, PART_NAME_HEADERS, whole_cell=True):
            # "Last name" / "First name" columns: one word is a whole surname or given name
            cell_name = self._cell_name(text, s, e, one_word=True)
            if cell_name:
                add(cell_name, self.LABEL_SCORE, "name in a table column headed by a surname or given-name label")
        for m in self._title_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            titled = self.read_name(text, pos, max_tokens=5, allow_colon=True)
            office = _WORD.match(text, titled[1] + 1) if titled else None
            if office and office.group().lower() in self._ORG_WORDS:
                continue  # "... Deportation Officer Boston Field Office": an office's name after a title line
            if titled and not self._bare_acronym(text, titled):
                add(titled, self.TITLE_SCORE, "name after a title")
        for m in self._phrase_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            for span in self._read_list(text, pos, allow_comma_form=False)[:3]:
                if not self._bare_acronym(text, span):
                    add(span, self.PHRASE_SCORE, "name after a phrase")
        for m in self._document_of_re.finditer(text):
            of_name = self.read_name(text, self._skip_titles(text, m.end()), max_tokens=5)
            if of_name and " " in text[of_name[0]:of_name[1]] and not self._not_a_person(text[of_name[0]:of_name[1]]):
                add(of_name, self.PHRASE_SCORE, "name of the person a statement or affidavit is of")
        for m in self._relation_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            for span in self._read_list(text, pos, allow_comma_form=False)[:3]:
                if not self._bare_acronym(text, span) and not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name after a relationship word")
        for m in self._apposed_re.finditer(text):
            apposed = self.read_name(text, m.end(), max_tokens=5)
            if apposed and _us_city(text[apposed[0]:apposed[1]]):
                continue  # "Attorney General, Tallahassee, and ...": counsel's office (", VA" after it: ``not_a_person``)
            if apposed and self._apposed_end_re.match(text, apposed[1]) and not self._bare_acronym(text, apposed) and (
                    not self._not_a_person(text[apposed[0]:apposed[1]])):
                add(apposed, self.PHRASE_SCORE, "name set off by commas after a person noun")
        for m in self._roster_re.finditer(text):
            self._roster_line(text, m.end(), add)
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        self._mail_headers(text, add)
        self._headings(text, add, doc)
        self._letters(text, add)
        for m in self._verb_re.finditer(text):
            add(self._subject_before(text, m.start(), doc), self.PHRASE_SCORE,
                "name as the subject of a reporting verb")
        for m in self._appositive_re.finditer(text):
            add(self._subject_before(text, m.start(), doc), self.PHRASE_SCORE,
                "name before an age, date of birth, nationality or relationship")
        for m in self._possessive_re.finditer(text):
            add(self._subject_before(text, m.start(), doc, min_words=2), self.PHRASE_SCORE, "possessive name")
        self._legal_names(text, add)
        self._initials_of_persons(text, add)
        self._layouts(text, add, doc)
        return results

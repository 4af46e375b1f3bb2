"""Reading a name token by token at a position, and the tests a read name must pass."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import AnalysisExplanation, RecognizerResult

from workstation.detection.person_lexicon import (
    _DAY_AFTER,
    _FUNCTION_WORDS,
    _INITIAL_SUFFIX,
    _INNER_OK,
    _LABEL_COLON,
    _MONTHS,
    _PREFIXED,
    _STATE_CODES,
    _WORD,
)
from workstation.detection.person_patterns import _PersonPatterns

# a generational suffix standing as a piece of a list: "GREENAWAY, JR., and NYGAARD"
_SUFFIX_PIECE = re.compile(r"(?:JR|SR|Jr|Sr)\.?|II|III|IV")
# a pleading paper's line number run into a list of names
_LINE_NUMBER = re.compile(r"\d{1,2}[ \t]+(?=[A-Z])")
# a law firm's words right after a name of a list: "Payman Habib, SHERMAN-STOLTZ LAW GROUP, PLLC"
_FIRM_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w&.\-]*){0,2}?[ \t]+(?i:law[ \t]+(?:group|firm|office|offices|center|centre|"
                         r"clinic|school)|university|LLP|PLLC|LLC|P\.C\.|L\.L\.P\.)(?![\w])")


class _PersonReading(_PersonPatterns):
    """Name reading: tokens, lists, "LAST, First", names before a role, and what is not a name."""

    # ------------------------------------------------------------------ name reading

    def _is_stop(self, word: str) -> bool:
        low = word.lower()
        if low in self._stop or low in self._titles:
            return True
        if len(word) == 2 and word in _STATE_CODES:
            return True
        return False

    def _token_at(self, text: str, pos: int, inner: bool = False) -> tuple[str, int, int] | None:
        """(kind, start, end) of the token at pos: 'name', 'particle', 'initial', or None to stop."""
        m = _WORD.match(text, pos)
        if not m:
            return None
        word = m.group()
        end = m.end()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS" and word[0].isupper():
            # possessive "Okafor's": the name without "'s"; nothing after it belongs to the name
            word, end = word[:-2], end - 2
            if self._is_stop(word) or word.lower() in self._particles:
                return None
            return ("name", pos, end)
        if end < len(text) and (text[end].isdigit() or text[end] == "_"):
            return None
        if end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isdigit():
            return None  # "CI-223", "PO-5": a code, not a name
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
            if self._is_stop(word) and not (inner and word.lower() in _INNER_OK):
                if word.lower() in self._particles:
                    return ("particle", pos, end)  # "DE" in "SANTOS DE LEÓN" (also a state code)
                return None
            return ("name", pos, end)
        if word.lower() in self._particles:
            return ("particle", pos, end)
        if _PREFIXED.match(word):
            return ("name", pos, end)
        return None

    def read_name(self, text: str, pos: int, max_tokens: int = 7, allow_colon: bool = False,
                  surname_first: bool = False) -> tuple[int, int] | None:
        """The name starting at pos (same line, no label), as (start, end), or None.

        With ``allow_colon`` a name may be followed by ":" ("Dear Mr. Brown:", "Det. Ruiz: Where were you?").
        """
        tokens: list[tuple[str, int, int]] = []
        i = pos
        n = len(text)
        while len(tokens) < max_tokens:
            tok = self._token_at(text, i, inner=surname_first or any(t[0] == "name" for t in tokens))
            if tok is None:
                break
            kind, s, e = tok
            # a label ("DOB:", "Phone Number:") is not part of the name
            j = e
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] == ":" and kind != "initial":
                if allow_colon and kind == "name":
                    tokens.append(tok)
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
        first = self.read_name(text, pos, max_tokens=4, surname_first=True)  # "SHEIKH, Arjun"
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
            pos = nxt
            while pos < len(text) and text[pos] in " \t":
                pos += 1
        i = pos
        while True:
            span = None
            if allow_comma_form and self._comma_form_ok(text, i):
                span = self._read_comma_name(text, i)
            if span is None:
                span = self.read_name(text, i)
            if span is None or _FIRM_AFTER.match(text, span[1]) or (
                    text[span[0]:span[1]].lower() in _MONTHS and _DAY_AFTER.match(text, span[1])):
                break  # "ARGUED: Payman Habib, SHERMAN-STOLTZ LAW GROUP, PLLC": a firm ends the list; "Argued: May 4"
            out.append(span)
            m = re.compile(r"[ \t]*(?:,|;|&|\band\b|\by\b|/)[ \t]*").match(text, span[1])
            if not m or m.end() == span[1]:
                break
            i = m.end()
        return out

    def _comma_cell(self, text: str, pos: int) -> bool:
        """A table cell "Taveras Lema, Luz Marina" ending at a tab, pipe or column gap."""
        return bool(re.compile(r"[^,\n\t|]{2,40},[ \t]*[^,\n\t|]{2,40}?(?:\t|[ \t]*\||[ \t]{2,})").match(text, pos))

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

    # the separator between two names of a list, at the end of the searched stretch
    _SEPARATOR_END = re.compile(r"(?:[ \t]*(?:,[ \t]*&|,|;|&)[ \t]*\n?[ \t]*(?:(?:and|AND)[ \t]+)?|[ \t\n]+(?:and|AND)[ \t\n]+)$")

    def _is_role(self, words: str) -> bool:
        return self._role_re.match(", " + words) is not None

    def _name_ending_at(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The name that fills ``text[start:end]``, after any words that open a list ("Before", "BY:", "See"):
        "Boudin" in "ON PETITION FOR REVIEW Before Boudin". Before a role a run of up to three capitalised words
        is a name even when a word of it is also a common word ("HELENE WHITE"). Institutions are not names."""
        lead = self._list_start_re.match(text, start)
        if lead and lead.end() < end:
            start = lead.end()
        else:  # "ON PETITION FOR REVIEW Before Boudin": the name right after the last "Before"/"BY:"
            for m in self._list_start_re.finditer(text, start, end):
                if m.start() == start or not text[m.start() - 1].isalnum():
                    start = m.end()
        # the longest name (at most five words) that ends the piece: "RICARDO GARZA-LÓPEZ" in "No. 04-1999 RICARDO
        # GARZA-LÓPEZ, Petitioner"
        words = [m.start() for m in self._word_start_re.finditer(text, start, end)][-5:]
        for pos in words:
            span = self.read_name(text, pos, max_tokens=5)
            if span and span[1] == end:
                name = text[span[0]:span[1]]
                if self._not_a_person(name) or self._is_role(name) or self._org_word(name):
                    return None
                return span
        # before a role every capitalised word is a name, even one that is also a word ("WHITE, Circuit Judge")
        for pos in words[-3:]:
            run = self._capitalised_run.fullmatch(text, pos, end)
            if run:
                return None if self._is_role(run.group()) or self._org_word(run.group()) else (run.start(), run.end())
        return None

    _ORG_WORDS = frozenset({"board", "court", "appeals", "service", "services", "department", "office", "agency",
                            "immigration", "security", "states", "state", "united", "commonwealth", "people",
                            "government", "administration", "commission", "bureau", "county", "city", "see", "cf",
                            "accord", "also", "but", "matter", "secretary", "attorney", "general", "homeland",
                            "petition", "review", "order", "appeal", "motion", "decision", "opinion",
                            "act", "law", "human", "rights", "enforcement", "removal", "customs", "operations"})

    def _org_word(self, name: str) -> bool:
        """A word of an institution or of a citation signal in the name ("Board of Immigration Appeals",
        "See United States v. ...")."""
        return any(w in self._ORG_WORDS for w in re.findall(r"[^\W\d_]+", name.lower()))

    @staticmethod
    def _piece_boundary(text: str, pos: int) -> bool:
        """Whether a piece of a list of names starts at ``pos``: after a separator, "and ", or a sentence end
        ("Dr." or "No." do not end one)."""
        before = text[pos - 1]
        if before in ",;&:()[]\n\t" or text.endswith(" and ", 0, pos):
            return True
        return before == "." and pos >= 3 and text[pos - 3].isalpha() and text[pos - 2].islower()

    def _piece_start(self, text: str, end: int, stop: int) -> int:
        """Where the piece of a list that ends at ``end`` starts (after its separator and an "and")."""
        start = end
        while start > stop and not self._piece_boundary(text, start):
            start -= 1
        while start < end and text[start] in " \t":
            start += 1
        return start + 4 if text.startswith(("and ", "AND "), start) else start

    def _names_before(self, text: str, end: int, max_names: int = 16) -> list[tuple[int, int]]:
        """The names listed right before ``end``: "A, B, and C" / "A; B" / "Before A" (nearest first); each piece
        must be a name and nothing else."""
        out: list[tuple[int, int]] = []
        stop = max(0, end - 400)
        while len(out) < max_names and end > stop:
            start = end
            while start > stop and not self._piece_boundary(text, start):
                start -= 1
            piece_start = start
            while piece_start < end and text[piece_start] in " \t":
                piece_start += 1
            if text.startswith(("and ", "AND "), piece_start):
                piece_start += 4
            lead = piece_start
            number = _LINE_NUMBER.match(text, piece_start, end)  # "PRESENT: 7 DENNIS JACOBS, 8 ROSEMARY S. POOLER"
            piece_start = number.end() if number else piece_start
            if _SUFFIX_PIECE.fullmatch(text, piece_start, end) and text[start - 1] == ",":
                # "GREENAWAY, JR., and NYGAARD": the suffix belongs to the name before its comma
                name = self._name_ending_at(text, self._piece_start(text, start - 1, stop), start - 1)
                span = (name[0], end) if name else None
            else:
                span = self._name_ending_at(text, piece_start, end)
            if span is None:
                break
            out.append(span)
            anchor = lead if number and span[0] == piece_start else span[0]
            sep = self._SEPARATOR_END.search(text, max(stop, min(start, anchor) - 8), anchor)
            if sep is None:  # the list starts here ("Before Boudin")
                break
            end = sep.start()
        return out

    def _cell_name(self, text: str, s: int, e: int, one_word: bool = False) -> tuple[int, int] | None:
        """The name filling the table cell ``text[s:e]`` under a "Name" / "Last, First" / "Detainee" column."""
        line_start = text.rfind("\n", 0, s) + 1
        cell = text[line_start:e]  # read within the cell only: a tab or a pipe is not a space inside a name
        pos = self._skip_titles(cell, s - line_start)
        end = len(cell)
        while end > pos and cell[end - 1] in " \t.,;:!":
            end -= 1
        span = self._read_comma_name(cell, pos) if "," in cell[pos:end] else None  # "Orellana Funes, Dania"
        if span is None or span[1] != end:
            span = self._name_to(cell, pos, len(cell), comma=False)
        if span is None or self._not_a_person(cell[span[0]:span[1]]):
            return None
        if not one_word and not re.search(r"[ ,]", cell[span[0]:span[1]]):
            return None  # one word under "Name" may be an item, a place or an agency: names have two parts
        return span[0] + line_start, span[1] + line_start

    def _skip_titles(self, text: str, pos: int) -> int:
        """Past any titles at pos ("Det. Spec.", "Lt.")."""
        m = self._title_re.match(text, pos)
        while m:
            pos = m.end()
            m = self._title_re.match(text, pos)
        return pos

    def _is_mail_subject(self, text: str, m: re.Match[str]) -> bool:
        """A "Subject:" / "Re:" label that is an e-mail or letter subject line, not a form field."""
        label = m.group().strip(" \t:-•*·").lower()
        if not label.startswith(("subject", "re")) or label.startswith(("respondent", "relative", "reporting")):
            return False
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_end = line_start - 1
        while prev_end > 0:
            prev_start = text.rfind("\n", 0, prev_end) + 1
            if text[prev_start:prev_end].strip():
                return bool(self._mail_context_re.match(text, prev_start))
            prev_end = prev_start - 1
        return False

    def _name_to(self, text: str, pos: int, end: int, comma: bool = True, max_tokens: int = 7) -> tuple[int, int] | None:
        """A name read at pos that ends exactly at end (trailing spaces and punctuation aside)."""
        while end > pos and text[end - 1] in " \t.,;:!":
            end -= 1
        span = None
        if comma and self._comma_form_ok(text, pos):
            span = self._read_comma_name(text, pos)
        if span is None or span[1] != end:
            span = self.read_name(text, pos, max_tokens=max_tokens, allow_colon=True)
        if span is None or span[1] != end or self._not_a_person(text[span[0]:span[1]]):
            return None
        return span

    def _not_a_person(self, name: str) -> bool:
        low = " ".join(name.lower().replace(",", " ").split())
        return low in self._places or low in self._regions

    @staticmethod
    def _all_propn(doc: Any, span: tuple[int, int]) -> bool:
        if doc is None:
            return False
        toks = doc.char_span(span[0], span[1], alignment_mode="expand")
        return toks is not None and all(t.pos_ == "PROPN" for t in toks if t.is_alpha)

    def _skip_person_nouns(self, text: str, pos: int) -> int:
        """Past lower-case words such as "my client", "the detainee", "respondent" at pos."""
        while True:
            w = _WORD.match(text, pos)
            if not w or not w.group().islower() or not (
                    w.group() in _FUNCTION_WORDS or w.group() in self._label_words or w.group() in ("my", "our")):
                return pos
            nxt = self._space_re.match(text, w.end())
            if not nxt:
                return pos
            pos = nxt.end()

    def _label_like(self, text: str, span: tuple[int, int]) -> bool:
        """One word right before a colon ("Decedent:", "REPORTEE :"), not after a title ("Det. Ruiz:")."""
        s, e = span
        if not _LABEL_COLON.match(text, e) or not _WORD.fullmatch(text, s, e):
            return False
        prev = re.search(r"([^\W\d_]+)\.?[ \t]+$", text[max(0, s - 20) : s])
        return not (prev and prev.group(1).lower() in self._titles)

    def _all_label_words(self, text: str, span: tuple[int, int]) -> bool:
        """A column header such as "Last, First" or "Nombre, Apellido", not a name."""
        return all(w.group().lower() in self._label_words for w in _WORD.finditer(text, span[0], span[1]))

    def _is_stop_free(self, text: str, span: tuple[int, int]) -> bool:
        return not any(self._is_stop(w.group()) for w in _WORD.finditer(text, span[0], span[1]))

    @staticmethod
    def _bare_acronym(text: str, span: tuple[int, int]) -> bool:
        word = text[span[0]:span[1]]
        return word.isupper() and len(word) <= 4 and " " not in word

    def _line_rest_is_column(self, text: str, end: int) -> bool:
        """After a roster name: end of line, or a column gap / separator / parenthesis / number."""
        rest = re.compile(r"[ \t]*(?:$|\n|\t|[ \t]{2,}|\||;|\(|,[ \t]*\d|[ \t]-[ \t]|[ \t]\d)", re.M)
        return bool(rest.match(text, end))

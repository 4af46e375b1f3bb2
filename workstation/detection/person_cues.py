"""Names found by where they stand: legal captions, e-mail headers, headings, letters, subjects of a verb, rosters."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from workstation.detection.person_lexicon import (
    _WORD,
    CAPTION_PARTY,
)
from workstation.detection.person_reading import _PersonReading

# a party's role after its name in a caption: ", Petitioner", ", APPELLANT"
_PARTY_ROLE = re.compile(r"[ \t]*,[ \t]*(?i:petitioners?|respondents?|appellants?|appellees?|plaintiffs?|defendants?|"
                         r"applicants?|beneficiary)\b")
# initials standing for a party, right before the role: "I.M.", "J. G. G.", "A-B-C-"
_INITIALS_BEFORE = re.compile(r"(?:^|(?<=[\s(\]]))((?:[A-Z]\.[ ]?){1,3}[A-Z]\.|(?:[A-Z]-){2,4})$")

# New York's counsel lines: "District Attorney, New York (Faith Okoro of counsel), for respondent"
_OF_COUNSEL = re.compile(r"(?:[(;,]|(?<=[a-z])[ \t]+and)[ \t]*((?:[A-Z][\w'\u2019.\-]*[ \t]+){1,4}[A-Z][\w'\u2019\-]+)[ \t\n]+of"
                         r"[ \t]+counsel\b")


# a victim, child or relative named by one initial, as courts name minors and victims: "the victim, D., attended",
# "her friend C. at appellant's residence" (the initial's other mentions are found as repeats of a found text)
_INITIAL_OF_PERSON = re.compile(
    r"(?<![\w])(?i:the\s+(?:victim|complainant|child|minor|juvenile|girl|boy|witness)|(?:his|her|their|the\s+victim['\u2019]s)"
    r"\s+(?:friend|daughter|son|child|girlfriend|boyfriend|niece|nephew|cousin|sister|brother|stepdaughter|stepson|"
    r"granddaughter|grandson))(?:[ \t]*,[ \t]*|[ \t]+)(?P<initial>[A-Z]\.)(?=[ \t]*[,;)]|[ \t]+[a-z])"
)


class _PersonCues(_PersonReading):
    """The cue readers ``analyze`` runs besides labels, titles and phrases."""

    # ------------------------------------------------------------------ names as courts and agencies write them

    def _legal_names(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        for m in self._role_re.finditer(text):
            if m.group().lstrip(" \t,")[:1].islower():
                continue  # "... Nationality Act, respondent lost ...": a role in prose, not in a caption
            names = self._names_before(text, m.start())
            for span in names:
                add(span, self.PHRASE_SCORE, "name before a role (judge, board member, party)")
            if not names and _PARTY_ROLE.match(text, m.start()):
                self._party_initials(text, m.start(), add)
        for m in _OF_COUNSEL.finditer(text):  # "(Faith Okoro of counsel)": New York's counsel lines
            named = self.read_name(text, m.end(1) - len(m.group(1)), max_tokens=5)
            if named and named[1] == m.end(1) and not self._not_a_person(m.group(1)):
                add(named, self.PHRASE_SCORE, "name before 'of counsel'")
        for m in self._matter_re.finditer(text):
            initials = self._initials_re.match(text, m.end())
            if initials:
                add((m.end(), initials.end()), self.PHRASE_SCORE, "initials after Matter of")
                continue
            named = self.read_name(text, m.end(), max_tokens=5)
            if named and not self._not_a_person(text[named[0]:named[1]]):
                add(named, self.PHRASE_SCORE, "name after Matter of")
        for m in self._versus_re.finditer(text):
            left = self._names_before(text, m.start(), max_names=1)
            right = self.read_name(text, m.end(), max_tokens=4)
            for party in (*left, right):
                if party and not self._not_a_person(text[party[0]:party[1]]) and not self._bare_acronym(text, party) \
                        and not (" " not in text[party[0]:party[1]] and self._org_word(text[party[0]:party[1]])):
                    add(party, self.PHRASE_SCORE, CAPTION_PARTY)

    @staticmethod
    def _initials_of_persons(text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        """A victim, child or relative named by one initial ("the victim, D., attended")."""
        for m in _INITIAL_OF_PERSON.finditer(text):
            add(m.span("initial"), _PersonCues.PHRASE_SCORE, "initial of a victim, child or relative")

    def _party_initials(self, text: str, end: int, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        """A party named by initials in a caption ("J.G.G., Petitioner", "I.M., APPELLANT"), and the same initials
        written without dots elsewhere ("Because IM was out of custody")."""
        m = _INITIALS_BEFORE.search(text, max(0, end - 16), end)
        if not m:
            return
        add((m.start(1), m.end(1)), self.PHRASE_SCORE, "initials of a party before its role in a caption")
        letters = m.group(1).replace(".", "").replace(" ", "")
        if len(letters) >= 2 and "-" not in letters:
            for bare in re.finditer(r"(?<![\w.&-])" + letters + r"(?![\w&-]|\.\w)", text):
                add((bare.start(), bare.end()), self.REPEAT_SCORE, "a party's initials written without dots")

    def _mail_headers(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        for m in self._mail_header_re.finditer(text):
            for d in self._display_re.finditer(text, m.start(1), m.end(1)):
                g = 1 if d.group(1) is not None else 2
                s, e = d.start(g), d.end(g)
                # 'Diallo, Aminata (ICE)' - the agency in parentheses is not part of the name
                paren = text.find("(", s, e)
                if paren > s:
                    e = paren
                while s < e and text[s] in " \t'":
                    s += 1
                span = self._name_to(text, s, e)
                if span and not self._bare_acronym(text, span):
                    add(span, self.LABEL_SCORE, "display name in an e-mail header")

    def _headings(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None], doc: Any) -> None:
        for m in self._heading_re.finditer(text):
            starts = [m.start(1)] + [sep.end() for sep in self._heading_sep_re.finditer(text, m.start(1), m.end(1))]
            for k, pos in enumerate(starts):
                # "FOIL request - client Emeka Nwosu", "Re: my client Ana Ruiz": past the person noun
                pos = self._skip_person_nouns(text, pos)
                span = self._name_to(text, pos, m.end(1))
                if span and k == 0 and not self._all_propn(doc, span):
                    continue  # "Re: Follow Up": a whole subject line is a name only if spaCy reads one
                if span and (" " in text[span[0]:span[1]].strip() or "," in text[span[0]:span[1]]) and (
                        self._is_stop_free(text, span)):
                    add(span, self.PHRASE_SCORE, "name at the end of a subject line")
                    break

    def _letters(self, text: str, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        line_end_re = re.compile(r"[ \t]*[,:!;]?[ \t]*(?:\n|$)")
        for m in self._greeting_re.finditer(text):
            pos = self._skip_titles(text, m.end())
            span = self.read_name(text, pos, max_tokens=5, allow_colon=True)
            if span and not self._bare_acronym(text, span) and line_end_re.match(text, span[1]):
                if not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name in a greeting")
        for m in self._closing_re.finditer(text):
            pos = m.end()
            # "Agency Attorney Kai Dong", "SDDO Ana Ruiz": skip a title or office words before the name
            for _ in range(3):
                pos = self._skip_titles(text, pos)
                w = _WORD.match(text, pos)
                if not w or not (self._is_stop(w.group()) or w.group().lower() in self._label_words):
                    break
                nxt = self._space_re.match(text, w.end())
                if not nxt:
                    break
                pos = nxt.end()
            span = self.read_name(text, pos, max_tokens=5)
            if span and not self._bare_acronym(text, span) and re.compile(
                    r"[ \t]*(?:\n|$|,|[ \t]{2}|\t|\|)").match(text, span[1]):
                if not self._not_a_person(text[span[0]:span[1]]):
                    add(span, self.PHRASE_SCORE, "name under a closing")
        for m in self._above_address_re.finditer(text):
            pos = self._skip_titles(text, m.start(1))
            span = self._name_to(text, pos, m.end(1), comma=False, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and self._is_stop_free(text, span):
                add(span, self.LIST_SCORE, "name above a street address")
        for m in self._i_comma_re.finditer(text):
            span = self.read_name(text, m.end())
            if span and re.compile(r"[ \t]*,").match(text, span[1]) and not self._bare_acronym(text, span):
                add(span, self.PHRASE_SCORE, "name in 'I, <name>, state'")

    def _subject_before(self, text: str, verb_start: int, doc: Any, min_words: int = 1) -> tuple[int, int] | None:
        """The name right before a reporting verb ("Gurpreet Singh Dhillon stated"), checked with spaCy POS."""
        line_start = text.rfind("\n", 0, verb_start) + 1
        lo = max(line_start, verb_start - 80)
        m = self._subject_run_re.search(text, lo, verb_start)
        if not m:
            return None
        starts = [w.start() for w in _WORD.finditer(text, m.start(), m.end())
                  if w.start() == m.start() or text[w.start() - 1] in " \t"]
        for s in starts:
            wm = _WORD.match(text, s)
            if wm is None:
                continue
            word = wm.group()
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
            if n_words < min_words or self._not_a_person(text[span[0]:span[1]]):
                return None
            if n_words == 1 and (doc is None or self._bare_acronym(text, span) or self._org_word(text[span[0]:span[1]])
                                 or re.search(r"(?<![\w])(?i:the)\s+$", text[max(0, span[0] - 5):span[0]])):
                return None  # "the Commission is not releasing": an institution, not a person
            if n_words == 1:
                tok = doc.char_span(span[0], span[1], alignment_mode="expand")
                if tok is None or any(t.pos_ != "PROPN" for t in tok if t.is_alpha) or tok[0].is_sent_start:
                    return None
            return span
        return None

    def _roster_line(self, text: str, pos: int, add: Callable[[tuple[int, int] | None, float, str], None]) -> None:
        if self._label_re.match(text, pos):
            return
        line_start = text.rfind("\n", 0, pos) + 1
        numbered = pos > line_start and bool(self._row_number_re.search(text, line_start, pos))
        # "LAST, First M." rows (not "Corona, Queens" or "Springfield, Illinois")
        tabular = numbered or len(re.findall(r"\t|\|", text[pos:text.find("\n", pos) % (len(text) + 1)])) >= 2
        if self._comma_form_ok(text, pos) or (tabular and self._comma_cell(text, pos)):
            span = self._read_comma_name(text, pos)
            head = text[pos:text.find(",", pos)].strip().lower() if span else ""
            if span and head not in self._places and self._line_rest_is_column(text, span[1]) and not (
                    self._not_a_person(head)) and not self._all_label_words(text, span):
                add(span, self.ROSTER_SCORE, "LAST, First roster line")
                return
        # "1. First Last" list items (a number or bullet is required) with two to five name tokens
        if numbered:
            span = self.read_name(text, pos, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and self._line_rest_is_column(text, span[1]) and not (
                    self._not_a_person(text[span[0]:span[1]])):
                add(span, self.LIST_SCORE, "name in a numbered list")
            return
        # table rows "Aminata Diallo | Daughter | 01/02/2010": a first cell with a name, on a row with data
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end]
        if len(re.findall(r"\t|\|", line)) >= 2 and re.search(r"\d", line):
            span = self.read_name(text, pos, max_tokens=5)
            if span and " " in text[span[0]:span[1]] and re.compile(r"[ \t]*(?:\t|\|)").match(text, span[1]) and (
                    not self._not_a_person(text[span[0]:span[1]])):
                add(span, self.LIST_SCORE, "name in the first cell of a table row")

"""Names laid out as records and rosters write them, one name a line or a cell over several lines.

Three layouts, each read from where the lines stand, not from what the words look like:

* **record cells** of a table extracted one cell a line: "SURNAME," at a line end and the given names on the next
  lines ("TINO‐Lopez,\\nMoises", "CAMPOS,\\nWenceslau\\nEsmerio"), a surname hyphenated over a line break
  ("CACERES‐\\nMaradiaga, Vicente", U+2010/U+2011 or "-"). The surname holds a word in capitals and the given
  names are not in capitals, as records write "SURNAME, Given"; a line of one letter (a sex column) or with a digit
  ends the cell;
* **roster blocks** above a plural role line ("Commissioners", "Members", "Board Members", "Judges"): every line
  of the block above it that is whole names is names ("OLIVER P. STANTON", two names on one line split at a
  middle initial), up to a line that is not; a line "NAME, Chair" belongs to the block (its name is read by the
  role cue). The caps run right before the role word on one line ("... SUSAN M. HINKSON Commissioners") likewise;
* **signature blocks**: a line that is a whole name (after "by:" or "/s/" too) right above a title line ("Deputy
  Clerk", "Chief, Administrative Appeals Office", "Field Office Director", "Assistant Comptroller, Audit"), one
  blank line between allowed; and a whole-line name after "By:".

A line is a name only when the name reader covers all of it, spaCy tags every word of it a proper noun, and it is
no place, institution or label: a list of boroughs above "Offices" or of agencies above "Members" stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from workstation.detection import gazetteer
from workstation.detection.person_cues import _PersonCues
from workstation.detection.person_lexicon import _WORD, NAME_SUFFIX

_Add = Callable[[tuple[int, int] | None, float, str], None]

_HYPHEN_BREAK = re.compile(r"[-\u2010\u2011][ \t\u00a0]*\n[ \t\u00a0]*")
_LINE_BREAK = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*")
_SPACES = re.compile(r"[ \t\u00a0]+")
# a surname cell opens a line, after an optional row number: "1 CACERES‐", "CAMPOS,"
_CELL_START = re.compile(r"(?m)^[ \t\u00a0]*(?:\d{1,4}[ \t\u00a0]+)?(?=[^\W\d_])")
# the plural role under a roster: "Commissioners", "Board Members", "Judges", "Members of the Board"
_GROUP_ROLE = (r"(?:(?:board|council|commission|committee|panel|community[ \t]+board)[ \t]+)?(?:commissioners|members|"
               r"judges|justices|trustees|directors|governors|council[ \t]+members|board[ \t]+members|"
               r"members[ \t]+of[ \t]+the[ \t]+(?:board|commission|council|committee|panel))")
_GROUP_LINE = re.compile(r"(?im)^[ \t\u00a0]*(?:" + _GROUP_ROLE + r")[ \t\u00a0]*:?[ \t\u00a0]*$")
# "... DARA OTTLEY-BROWN SUSAN M. HINKSON Commissioners": a run of words in capitals right before the role word
_CAPS_RUN_BEFORE_GROUP = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][A-Z'’\u2010-]*\.?[ \t]+){2,8})(?=(?-i:Commissioners|Members|Board[ \t]+Members|Judges|"
    r"Justices|Trustees)\b)")
# the head noun of a title line ("Deputy Clerk", "Chief, Administrative Appeals Office", "Chief of Staff")
_TITLE_NOUNS = ("director", "clerk", "counsel", "officer", "comptroller", "editor", "commissioner", "secretary",
                "attorney", "judge", "manager", "supervisor", "administrator", "chair", "chairperson", "chairman",
                "chairwoman", "president", "chief", "agent", "inspector", "specialist", "analyst", "coordinator",
                "investigator", "deputy", "counselor", "magistrate", "justice", "sheriff", "marshal", "treasurer",
                "auditor", "superintendent", "registrar", "examiner", "adjudicator", "paralegal", "consul",
                "ambassador", "mayor", "governor", "commander", "captain", "lieutenant", "sergeant", "detective")
# words that open a title line ("Field Office Director", "Deputy Clerk"), never the end of a name before it
_TITLE_MODIFIERS = frozenset({"field", "deputy", "assistant", "acting", "chief", "senior", "supervisory", "special",
                              "executive", "associate", "regional", "district", "general", "trial", "immigration",
                              "staff", "managing", "principal", "vice", "program", "section", "unit", "branch",
                              "detention", "deportation", "enforcement", "administrative", "records", "contracting"})
_TITLE_WORD = re.compile(r"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:" + "|".join(_TITLE_NOUNS) + r")\b")  # "ChiefCounsel" too
_TITLE_HEAD_END = re.compile(r"[ \t]*(?:,|\b(?:of|for|to)\b|[-–—]|$)", re.I)
_CONNECTORS = frozenset({"and", "&", "of", "for", "the"})
_BY_LINE = re.compile(r"(?m)^(?:by|By|BY)[ \t]*:")
_BY_PREFIX = re.compile(r"[ \t\u00a0]*(?:(?i:by)[ \t]*:[ \t]*|/s/[ \t]*|s/[ \t]+)")
_LINE_LABEL = re.compile(r"[ \t\u00a0]*[A-Za-z][A-Za-z \t]{1,30}:[ \t]+")
# "Hubbard Decl.", "Okafor Supp. Decl.", "Reyes Aff.": the cited declarant's surname (one or two words)
_DECLARANT = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)[ ](?:Supp\.[ ])?(?:Decl|Aff)\.")
_NOT_DECLARANTS = frozenset({"second", "third", "first", "fourth", "supplemental", "suppl", "reply", "opp", "gov't",
                             "government", "pet", "resp", "pl", "def", "defs", "pls", "joint", "see", "cf"})


class _PersonLayouts(_PersonCues):
    """Record cells, roster blocks and signature blocks (see the module docstring)."""

    def _layouts(self, text: str, add: _Add, doc: Any) -> None:
        self._record_cells(text, add, doc)
        self._group_rosters(text, add, doc)
        self._signature_blocks(text, add, doc)
        self._declarants(text, add)

    # ------------------------------------------------------------------ declarations cited by the declarant's name

    def _declarants(self, text: str, add: _Add) -> None:
        """"Hubbard Decl. ¶ 3", "(Okafor Aff., Ex. 2)": a court cites a declaration by its declarant's surname."""
        if "Decl." not in text and "Aff." not in text:
            return
        for m in _DECLARANT.finditer(text):
            s = m.start(1)
            span = self.read_name(text, s, max_tokens=3)
            if span is None or span[1] != m.end(1) or text[s:span[1]].lower() in _NOT_DECLARANTS:
                continue
            if self._org_word(text[s:span[1]]) or self._not_a_person(text[s:span[1]]) or self._bare_acronym(text, span):
                continue
            add(span, self.PHRASE_SCORE, "declarant's name citing a declaration")

    # ------------------------------------------------------------------ record cells

    def _cell_word(self, text: str, pos: int) -> tuple[int, int] | None:
        """A name word at pos (not a stop word, a title or a label word), as (start, end)."""
        tok = self._token_at(text, pos, inner=True)
        if tok is None or tok[0] not in ("name", "particle"):
            return None
        word = text[tok[1]:tok[2]]
        if word.lower() in self._label_words or word.lower() in self._ORG_WORDS:
            return None
        return tok[1], tok[2]

    def _record_cells(self, text: str, add: _Add, doc: Any) -> None:
        for m in _CELL_START.finditer(text):
            span = self._record_cell(text, m.end(), doc)
            if span:
                add(span, self.ROSTER_SCORE, "SURNAME, Given record cell over several lines")

    def _record_cell(self, text: str, pos: int, doc: Any = None) -> tuple[int, int] | None:
        # the surname: up to four words, joined by spaces, a hyphen at a line end, or a line break
        surname: list[tuple[int, int]] = []
        i = pos
        wrapped = False
        while len(surname) < 4:
            w = self._cell_word(text, i)
            if w is None:
                return None
            surname.append(w)
            i = w[1]
            if i < len(text) and text[i] == ",":
                break
            sep = _HYPHEN_BREAK.match(text, i) or _LINE_BREAK.match(text, i) or _SPACES.match(text, i)
            if sep is None or sep.end() == i:
                return None
            wrapped = wrapped or "\n" in sep.group()
            i = sep.end()
        else:
            return None
        if not (i < len(text) and text[i] == ","):
            return None
        words = [text[s:e] for s, e in surname]
        if not any(len(p) > 1 and p.isupper() for w in words for p in re.split(r"[-\u2010\u2011]", w)):
            return None  # records write the surname in capitals ("TINO‐Lopez")
        if self._not_a_person(" ".join(words)):
            return None
        # the given names: words after the comma, over line breaks, to a line of one letter, a digit or a non-name
        i += 1
        given: list[tuple[int, int]] = []
        while len(given) < 4:
            sep = _LINE_BREAK.match(text, i) or _SPACES.match(text, i)
            if sep is None:
                break
            crosses = "\n" in sep.group()
            nxt = sep.end()
            if crosses:
                line_end = text.find("\n", nxt)
                line = text[nxt:len(text) if line_end < 0 else line_end].strip(" \t\u00a0")
                if len(line) < 2 or re.search(r"\d", line) or self._not_a_person(line):
                    break
            w = self._cell_word(text, nxt)
            if w is None or text[w[0]:w[1]].isupper() and len(given) == 0 and w[1] - w[0] > 1:
                break  # "SMITH, JOHN" on one line is the roster cue's; a word in capitals after the comma is not
            if w[1] - w[0] < 2 or text[w[0]:w[1]].isupper():
                break
            given.append(w)
            wrapped = wrapped or crosses
            i = w[1]
        if not given or not wrapped:
            return None  # a one-line "LAST, First" is the roster cue's
        if text[i:self._line_bounds(text, i)[1]].strip(" \t\u00a0,"):
            return None  # "WARNING,\nFailure to appear ...": a cell's last line holds names only
        if doc is not None and not self._all_propn(doc, (given[0][0], given[-1][1])):
            return None
        return surname[0][0], given[-1][1]

    # ------------------------------------------------------------------ roster blocks

    def _line_bounds(self, text: str, pos: int) -> tuple[int, int]:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        return start, len(text) if end < 0 else end

    def _previous_line(self, text: str, line_start: int, max_blank: int) -> tuple[int, int] | None:
        """The nearest non-blank line above the line starting at ``line_start``, over at most ``max_blank`` blank
        lines."""
        blanks = 0
        end = line_start - 1
        while end >= 0:
            start = text.rfind("\n", 0, end) + 1
            if text[start:end].strip(" \t\u00a0"):
                return start, end
            blanks += 1
            if blanks > max_blank or start == 0:
                return None
            end = start - 1
        return None

    def _is_name(self, text: str, span: tuple[int, int], doc: Any, caps_ok: bool = False,
                 titled: bool = False) -> bool:
        """A whole name: two words or more, no place, institution, role or label; spaCy reads it as proper nouns
        (with ``caps_ok``, a name in capitals need not be: spaCy tags capitals poorly, "ARTURO" as a noun; with
        ``titled``, above or before a title line, one proper noun among nouns and adjectives is enough: spaCy
        tags a given name alone on its line as an adjective, "Anneliese")."""
        name = text[span[0]:span[1]]
        words = [w.group() for w in _WORD.finditer(name)]
        if len(words) < 2 or self._not_a_person(name) or self._org_word(name) or self._is_role(name):
            return False
        if self._all_label_words(text, span) or gazetteer.place(name) is not None:
            return False
        if caps_ok and name.isupper():
            return True
        if doc is None or self._all_propn(doc, span):
            return True
        return titled and self._nounish(doc, span)

    @staticmethod
    def _nounish(doc: Any, span: tuple[int, int]) -> bool:
        toks = doc.char_span(span[0], span[1], alignment_mode="expand")
        tags = [t.pos_ for t in toks if t.is_alpha] if toks is not None else []
        return "PROPN" in tags and all(tag in ("PROPN", "NOUN", "ADJ") for tag in tags)

    def _split_at_initials(self, text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
        """"DARA OTTLEY-BROWN SUSAN M. HINKSON": two names, the second starting at the word before its initial."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, span[0], span[1])]
        if len(words) <= 4:
            return [span]
        cuts = [k - 1 for k, (s, e) in enumerate(words) if e - s == 1 and k >= 3 and text[e:e + 1] == "."]
        if not cuts:
            return [span]
        out: list[tuple[int, int]] = []
        begin = 0
        for c in cuts:
            if c - begin >= 2:
                out.append((words[begin][0], words[c - 1][1]))
                begin = c
        out.append((words[begin][0], span[1]))
        return out

    def _line_names(self, text: str, start: int, end: int, doc: Any, caps_ok: bool = False,
                    titled: bool = False) -> list[tuple[int, int]] | None:
        """The names that fill a line ("OLIVER P. STANTON", "A  B" column-separated), or None."""
        while start < end and text[start] in " \t\u00a0":
            start += 1
        while end > start and text[end - 1] in " \t\u00a0":
            end -= 1
        out: list[tuple[int, int]] = []
        for piece in re.finditer(r"[^\t;]+?(?=[ \t\u00a0]{3,}|\t|;|$)", text[start:end]):
            s = start + piece.start()
            e = start + piece.end()
            while s < e and text[s] in " \t\u00a0":
                s += 1
            if s >= e:
                continue
            span = self.read_name(text, s, max_tokens=9)
            if span is None:
                return None
            suffix = NAME_SUFFIX.match(text, span[1])
            if span[1] != e and not (suffix and suffix.end() == e):
                return None
            for part in self._split_at_initials(text, span):
                if not self._is_name(text, part, doc, caps_ok, titled):
                    return None
                out.append(part)
        return out or None

    def _group_rosters(self, text: str, add: _Add, doc: Any) -> None:
        for m in _GROUP_LINE.finditer(text):
            line_start = m.start()
            for _ in range(12):
                prev = self._previous_line(text, line_start, max_blank=2)
                if prev is None:
                    break
                s, e = prev
                names = self._line_names(text, s, e, doc, caps_ok=True)
                if names is None:
                    # "RUTH ABERNATHY, Chair": a named role line belongs to the block (the role cue reads its name)
                    if not self._role_re.search(text, s, e):
                        break
                    names = []
                for span in names:
                    add(span, self.ROSTER_SCORE, "name in a roster above a plural role")
                line_start = s
        for m in _CAPS_RUN_BEFORE_GROUP.finditer(text):
            run = self.read_name(text, m.start(1), max_tokens=9)
            if run is None or text[run[1]:m.end(1)].strip():
                continue
            parts = self._split_at_initials(text, run)
            if all(self._is_name(text, p, doc, caps_ok=True) for p in parts):
                for span in parts:
                    add(span, self.ROSTER_SCORE, "name in a roster run before a plural role")

    # ------------------------------------------------------------------ lists of names, one a line

    def _next_line(self, text: str, line_end: int, max_blank: int) -> tuple[int, int] | None:
        """The nearest non-blank line below the line ending at ``line_end``, over at most ``max_blank`` blank lines."""
        blanks = 0
        start = line_end + 1
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end].strip(" \t\u00a0"):
                return start, end
            blanks += 1
            if blanks > max_blank:
                return None
            start = end + 1
        return None

    def _list_neighbours(self, text: str, found: list[tuple[int, int]], doc: Any) -> list[tuple[int, int]]:
        """Whole-name lines next to a line that is a found name and nothing else ("Shakawat Ali" above "Iris Hinds"
        in a staff list): a list of people one a line. A line so found makes its own neighbours candidates."""
        whole: set[tuple[int, int]] = set()
        for s, e in found:
            ls, le = self._line_bounds(text, s)
            if e <= le and not text[ls:s].strip(" \t\u00a0") and not text[e:le].strip(" \t\u00a0.,"):
                whole.add((ls, le))
        out: list[tuple[int, int]] = []
        todo = sorted(whole)
        while todo:  # a name found on a line makes its neighbours candidates in turn, down and up the list
            ls, le = todo.pop()
            for near in (self._previous_line(text, ls, max_blank=1), self._next_line(text, le, max_blank=1)):
                if near is None or near in whole:
                    continue
                whole.add(near)
                names = self._line_names(text, near[0], near[1], doc)
                if names and len(names) == 1:
                    out.append(names[0])
                    todo.append(self._line_bounds(text, names[0][0]))
        return out

    # ------------------------------------------------------------------ signature blocks

    def _is_title_line(self, text: str, start: int, end: int) -> bool:
        """"Deputy Clerk", "Chief, Administrative Appeals Office", "Assistant Comptroller, Management Audit",
        "Chief of Staff", "Supervisory Detention and Deportation Officer"."""
        line = text[start:end].strip(" \t\u00a0")
        if not line or len(line.split()) > 10 or re.search(r"\d|[.;:!?]$", line):
            return False
        heads = [line.split(",")[0]]
        short = _TITLE_HEAD_END.search(line)
        if short:
            heads.append(line[:short.start()])
        for head in heads:
            words = head.split()
            if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in _CONNECTORS for w in words):
                continue
            last = words[-1].lower()
            if any(last == n or (len(n) >= 6 and last.endswith(n)) for n in _TITLE_NOUNS):
                return True
        return False

    def _signature_blocks(self, text: str, add: _Add, doc: Any) -> None:
        # only the lines holding a title word or opening with "by:" can be (or stand under) a signature
        lines: set[tuple[int, int]] = set()
        last_end = -1
        for m in _TITLE_WORD.finditer(text):
            if m.start() > last_end:
                bounds = self._line_bounds(text, m.start())
                lines.add(bounds)
                last_end = bounds[1]
        lines |= {self._line_bounds(text, m.start()) for m in _BY_LINE.finditer(text)}
        for pos, line_end in sorted(lines):
            if self._is_title_line(text, pos, line_end):
                prev = self._previous_line(text, pos, max_blank=1) if pos > 0 else None
                if prev is not None:
                    s, e = prev
                    by = _BY_PREFIX.match(text, s)
                    if by:
                        s = by.end()
                    names = self._line_names(text, s, e, doc, titled=True)
                    if names and len(names) == 1:
                        add(names[0], self.PHRASE_SCORE, "name above a title line (signature block)")
                        # a directory alternates name and title lines: the next whole-name line is a name too
                        nxt = self._next_line(text, line_end, max_blank=1)
                        after = self._line_names(text, nxt[0], nxt[1], doc) if nxt else None
                        if after and len(after) == 1:
                            add(after[0], self.LIST_SCORE, "name under a title line of a directory")
                        continue
            span = self._name_before_title(text, pos, line_end, doc)
            if span:
                add(span, self.PHRASE_SCORE, "name before a title ending its line (signature block)")
            elif _BY_LINE.match(text, pos):
                by = _BY_PREFIX.match(text, pos)
                if by and by.end() < line_end:
                    names = self._line_names(text, by.end(), line_end, doc, titled=True)
                    if names and len(names) == 1:
                        add(names[0], self.PHRASE_SCORE, "name after By: on a signature line")

    def _name_before_title(self, text: str, start: int, end: int, doc: Any) -> tuple[int, int] | None:
        """"by: Steve Larson Deputy Clerk", "CHARGE: Colleen E. Taylor Assistant Chief Counsel": a name opening the
        line (after "by:", "/s/" or a label) whose line ends with a title line."""
        if not _TITLE_WORD.search(text, start, end):
            return None
        starts = [start]
        by = _BY_PREFIX.match(text, start)
        if by:
            starts.append(by.end())
        label = _LINE_LABEL.match(text, start, end)
        if label:
            starts.append(label.end())
        for s in starts:
            span = self.read_name(text, s, max_tokens=6)
            if span is None:
                continue
            words = [m.end() for m in _WORD.finditer(text, span[0], span[1])]
            for cut in reversed(words[1:]):
                if text[text.rfind(" ", span[0], cut) + 1:cut].lower() in _TITLE_MODIFIERS:
                    continue  # "Anneliese Vantongeren Field | Office Director": "Field" opens the title
                if cut < len(text) and text[cut] == ".":
                    cut += 1
                if not _SPACES.match(text, cut) or not self._is_title_line(text, cut, end):
                    continue
                if self._is_name(text, (span[0], cut), doc, titled=True):
                    return span[0], cut
        return None

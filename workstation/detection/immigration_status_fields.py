"""Status read from the layout: the charge lines of old INS/BIA decisions, status columns of tables and
status fields of forms."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from workstation.detection.a_number_recognizer import PEOPLE_HEADER, table_cells, table_columns
from workstation.detection.immigration_status_lexicon import (
    _EMPTY_CELL,
    _FREE_TEXT_LABEL,
    _GENERIC_STATUS_HEADER,
    _GENERIC_STATUS_LABEL,
    _HEADER_HINT,
    _LPR,
    _NEXT_FIELD,
    _NULL_VALUE,
    _PAPERS_HEADER,
    _PAROLE,
    _PEOPLE_STATUS_HEADER,
    _STATUS_HEADERS,
    _VALUE_END,
    _VISA_CLASS,
    _VISA_IN_BRACKETS,
    DEFAULT_SCORE,
    _Lexicon,
)
from workstation.detection.immigration_status_phrases import (
    _CHARGE_CUT,
    _CHARGE_PREFIX,
    _CHARGE_SPLIT,
    _CHARGES_END,
    _CHARGES_HEAD,
)


class _StatusFields(EntityRecognizer):
    """Charge lines, table columns and form fields (mixed into ``ImmigrationStatusRecognizer``)."""

    @staticmethod
    def _charge_lines(text: str) -> list[tuple[int, int, float]]:
        """The charges of an old INS/BIA decision: "CHARGES: Warrant: Act of 1924 — Remained longer-seaman."."""
        out: list[tuple[int, int, float]] = []
        for head in _CHARGES_HEAD.finditer(text):
            end_m = _CHARGES_END.search(text, head.end() + 1)
            end = min(end_m.start() if end_m else len(text), head.end() + 1000)
            region = re.sub(r"\[[^\]\n]*\]", lambda x: " " * len(x.group()), text[head.end() : end])
            pos = 0
            for sep in [*_CHARGE_SPLIT.finditer(region), None]:
                piece_end = sep.start() if sep else len(region)
                piece = region[pos:piece_end]
                pos = sep.end() if sep else len(region)
                prefix = _CHARGE_PREFIX.match(piece)
                lead = prefix.end() if prefix else 0
                body = piece[lead:]
                cut = _CHARGE_CUT.search(body)
                body = body[: cut.start()] if cut else body
                if not body[:1].isupper() or len(body) > 90 or len(body.split()) < 2 or re.search(r"\d{3}|§|U\.S\.C", body):
                    continue
                s = head.end() + (piece_end - len(piece)) + lead
                out.append((s, s + len(body), 0.8))
        return out

    def _table_columns(self, text: str, lex: _Lexicon) -> list[tuple[int, int, float]]:
        """Cells under an "Imm. Status" / "Visa Type" column; under a bare "Status" column only statuses.

        In a table about people (a name, DOB, age or relation column), every cell of a "Papers" / "Docs" /
        "Immigration" column is a status ("none" = no papers), and so is every cell of a bare "Status" column
        holding at least one status ("Asylee", "Pending", "Citizen").
        """
        if not _HEADER_HINT.search(text):
            return []
        out: list[tuple[int, int, float]] = []
        strong = set(table_cells(text, _STATUS_HEADERS))
        people: set[tuple[int, int]] = set()
        for column in table_columns(text, _PEOPLE_STATUS_HEADER, whole_cell=True):
            header_line = text[column.header_line[0] : column.header_line[1]]
            if not any(m.start() != column.header[0] - column.header_line[0]
                       for m in PEOPLE_HEADER.finditer(header_line)):
                continue
            values = [text[s:e].rstrip(" ,:;.") for s, e in column.cells]
            if not _PAPERS_HEADER.fullmatch(text, *column.header) and not any(
                    self._is_status(v, lex) for v in values):
                continue
            for (s, _), value in zip(column.cells, values, strict=True):
                if value and len(value) <= 80 and any(c.isalpha() for c in value) and not _EMPTY_CELL.match(value):
                    people.add((s, s + len(value)))
        out.extend((s, e, DEFAULT_SCORE) for s, e in sorted(people))
        for s, e in sorted(strong | set(table_cells(text, _GENERIC_STATUS_HEADER))):
            if any(a <= s and e <= b for a, b in people):
                continue
            value = text[s:e].rstrip(" ,:;.")
            if not value or len(value) > 80 or not any(c.isalpha() for c in value) or _NULL_VALUE.match(value):
                continue
            if (s, e) not in strong and not self._is_status(value, lex):
                continue
            out.append((s, s + len(value), DEFAULT_SCORE))
        return out

    @staticmethod
    def _is_status(value: str, lex: _Lexicon) -> bool:
        return bool(lex.phrases.search(value) or lex.acronyms.search(value) or _LPR.search(value)
                    or _VISA_CLASS.search(value) or _PAROLE.search(value) or _VISA_IN_BRACKETS.search(value))

    def _form_fields(self, text: str, lex: _Lexicon) -> list[tuple[int, int, float]]:
        out: list[tuple[int, int, float]] = []
        for m in _FREE_TEXT_LABEL.finditer(text):
            value = m.group("value")
            cut = _NEXT_FIELD.search(value)
            if cut:
                value = value[: cut.start()]  # "Immigration Status: Parolee   Visa Type: B-2": the next field
            stripped = value.rstrip(" ,:;.")
            lead = len(stripped) - len(stripped.lstrip(" \"'"))
            stripped = stripped[lead:]
            if not stripped or len(stripped) > 400 or not any(c.isalpha() for c in stripped):
                continue
            if _NULL_VALUE.match(stripped) or re.match(r"(?i:none|no|nil)\b", stripped) and len(stripped) < 8:
                continue
            s = m.start("value") + lead
            out.append((s, s + len(stripped), DEFAULT_SCORE))
        for label_re, generic in ((lex.labels, False), (_GENERIC_STATUS_LABEL, True)):
            for m in label_re.finditer(text):
                value = m.group("value")
                cut = _VALUE_END.search(value)
                if cut:
                    value = value[: cut.start()]
                stripped = value.rstrip(" ,:;")
                lead = len(stripped) - len(stripped.lstrip(" \"'"))
                stripped = stripped[lead:]
                if not stripped or len(stripped) > 80 or not any(c.isalnum() for c in stripped):
                    continue
                if _NULL_VALUE.match(stripped):
                    continue
                is_status = self._is_status(stripped, lex)
                if (generic or m.group("sep") not in (":", "\uff1a")) and not is_status:
                    continue
                s = m.start("value") + lead
                out.append((s, s + len(stripped), DEFAULT_SCORE))
        return out

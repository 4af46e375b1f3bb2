"""Passport and visa foil numbers, only after a label.

Six to nine letters and digits (at least four digits): ``G12345678``, ``123456789``, ``E1234567``, ``AB1234567``,
``G 1234 5678``. Without a label such a code could be anything, so it is reported only after "passport (no./#/
number)", "pasaporte", "passeport", "PPT", "travel document number", "visa (foil/control) number", "foil
number", with at most a few words between (nationality, "issued by Mexico", "number", "#:").
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from workstation.detection.a_number_recognizer import FLAGS, LabelledIdRecognizer, other_number_words

_SEP = r"[ \u00a0\-\u2010-\u2013]"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)"
_NOT_A_NUMBER = re.compile(
    r"\d{1,2}[ ./\-]\d{1,2}[ ./\-]\d{2,4}"  # dates: 03-14-2019
    r"|\d{4}[ ./\-]\d{1,2}[ ./\-]\d{1,2}"  # 2019-03-14
    rf"|\d{{1,2}}[ \-]?{_MONTHS}[ \-]?\d{{2,4}}"  # 14MAR2019
    r"|\d{3}[ .\-]\d{4}"  # 555-1234
    r"|(?:19|20)\d{2}[ \-]\d{2,6}"  # 2024-123456 (case numbers)
    r"|(?:no|nr|num)\d*",
    FLAGS,
)

_CONTROL_LABEL = re.compile(r"\bvisa\s+control\s*(?:numbers?|nos?\b\.?|nbr\b|\#)", FLAGS)


class PassportRecognizer(LabelledIdRecognizer):
    ENTITY = "PASSPORT_NUMBER"
    PATTERNS = [
        # G12345678, 123456789, E1234567, AB1234567
        Pattern("passport_token", r"(?<![\w\-/])(?<!\d\.)(?P<id>[a-z0-9]{6,9})(?![\w/]|[\-.]\w)", 0.05),
        # G 1234 5678, G-1234-5678, 1234 5678, 123-456-789
        Pattern(
            "passport_grouped",
            rf"(?<![\w\-/])(?P<id>(?:(?-i:[A-Z]{{1,2}}){_SEP}?)?\d{{2,5}}(?:{_SEP}\d{{2,5}}){{1,2}})(?![\w/]|{_SEP}\w)",
            0.05,
        ),
        # visa control numbers (12-16 digits): only after "control number"
        Pattern("visa_control_number", r"(?<![\w\-/])(?P<id>\d{12,16})(?![\w/]|[\-.]\w)", 0.05),
    ]
    CONTEXT_SCORE = 0.85
    CONTEXT = [
        "passport", "passport number", "passport no", "passport #", "pasaporte", "passeport", "passaporte",
        "ppt", "travel document", "visa number", "visa foil", "foil number", "visa control number",
    ]
    LABELS = re.compile(
        r"\bpass?e?ports?\b|\bpass?aportes?\b"
        r"|\bPPT\b|\bPP\s?(?:\#|no\b|nos?\.)"
        r"|\btravel\s+doc(?:ument)?s?\b|\bdocumento\s+de\s+viaje\b"
        r"|\bvisas?\b(?=\s*(?:\(?foil|control|numbers?\b|nos?\b|nbr\b|num\b|\#|:))"
        r"|\bfoil\b|\bvisado\b",
        FLAGS,
    )
    LOOKBACK = 60
    OTHER_LABELS = other_number_words("license", "licence", entity="PASSPORT_NUMBER")
    _OTHER_IDS = re.compile(
        r"\b(?:alien|a-?numbers?|a-?file|sevis|i-?94|receipt|case|ssn|dob|birth|born|nacimiento)\b"
        r"|(?<![\w-])A\s?#",
        FLAGS,
    )

    def valid(self, candidate: str, pattern: Pattern) -> bool:
        if pattern.name == "visa_control_number":
            return True
        compact = re.sub(r"[\W_]", "", candidate)
        if not 6 <= len(compact) <= 9:
            return False
        digits = sum(c.isdigit() for c in compact)
        if digits < 4 or len(compact) - digits > 4:
            return False
        return not _NOT_A_NUMBER.fullmatch(candidate)

    def score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        if pattern.name == "visa_control_number":
            before = text[max(0, start - self.LOOKBACK) : start]
            labelled = any(self.gap_ok(before[m.end() :]) for m in _CONTROL_LABEL.finditer(before))
            return 0.8 if labelled else None
        return super().score(text, start, end, pattern)

    def gap_ok(self, gap: str) -> bool:
        return super().gap_ok(gap) and not self._OTHER_IDS.search(gap)

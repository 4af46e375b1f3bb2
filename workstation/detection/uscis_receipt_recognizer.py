"""USCIS receipt numbers: a three-letter office prefix and ten digits.

Written ``EAC2112345678``, ``EAC-21-123-45678``, ``IOE 0912345678``, ``MSC*2190123456`` or in lower case on web
forms. A prefix from ``resources/wordlists/uscis_receipt_prefixes.txt`` is reported on its own; any other three
capital letters + ten digits only after a label ("Receipt Number:", "USCIS case #").
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import Pattern

from workstation.detection.a_number_recognizer import FLAGS, LabelledIdRecognizer, other_number_words
from workstation.detection.wordlists import wordlist


@cache
def receipt_prefixes() -> frozenset[str]:
    return frozenset(p.upper() for p in wordlist("uscis_receipt_prefixes.txt"))


_SEP = r"[ \u00a0*\-\u2010-\u2013]"


class UscisReceiptRecognizer(LabelledIdRecognizer):
    ENTITY = "USCIS_RECEIPT_NUMBER"
    PATTERNS = [
        Pattern(
            "uscis_receipt",
            rf"(?<![\w\-])(?P<id>[a-z]{{3}}{_SEP}?\d(?:{_SEP}?\d){{9}})(?![\w]|{_SEP}\d)",
            0.85,
        ),
    ]
    CONTEXT_SCORE = 0.9
    CONTEXT = ["receipt", "receipt number", "receipt #", "uscis case", "case number", "recibo"]
    LABELS = re.compile(
        r"\b(?:receipts?|recibos?|uscis|notice|form\s+i-?797c?|i-?797c?)\b"
        r"|\bcase\s*(?:numbers?|nos?\b|nbr\b|\#|status\b)",
        FLAGS,
    )
    OTHER_LABELS = other_number_words(entity="USCIS_RECEIPT_NUMBER")

    def __init__(self) -> None:
        super().__init__()
        self._prefixes = receipt_prefixes()

    def score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        prefix = text[start : start + 3]
        if prefix.upper() in self._prefixes:
            return super().score(text, start, end, pattern)
        if not prefix.isupper():  # "the 2112345678"
            return None
        return 0.7 if self.has_label(text, start, end) else 0.2

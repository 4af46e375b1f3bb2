"""I-94 admission numbers (the CBP arrival/departure record).

Eleven characters: eleven digits (``12345678901``) or, for older paper records, nine digits, a letter and a digit
(``123456789A1``). Eleven digits are a finding only after a label ("I-94", "I94 No.", "admission number",
"arrival/departure record"); the digits-letter-digit form is distinctive enough to report on its own.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from workstation.detection.a_number_recognizer import FLAGS, LabelledIdRecognizer, other_number_words

_SEP = r"[ \u00a0\-\u2010-\u2013]"


class I94Recognizer(LabelledIdRecognizer):
    ENTITY = "I94_NUMBER"
    PATTERNS = [
        # 123456789A1 (also 123 456 789 A1)
        Pattern(
            "i94_alphanumeric",
            rf"(?<![\w\-])(?P<id>\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}{_SEP}?[a-z]{_SEP}?\d)(?![\w]|{_SEP}\d)",
            0.45,
        ),
        # 12345678901, 123 456 789 01, 12345 678901: only with a label
        Pattern(
            "i94_digits",
            rf"(?<![\w\-])(?<!\d[ .])(?P<id>\d(?:{_SEP}?\d){{10}})(?![\w]|{_SEP}\d)",
            0.1,
        ),
    ]
    CONTEXT_SCORE = 0.9
    CONTEXT = [
        "i-94", "i94", "admission number", "admission record", "arrival/departure record", "arrival record",
        "departure record", "admission #", "numero de admision",
    ]
    LABELS = re.compile(
        r"(?<![\w-])i[\-\u2010-\u2013 ]?94(?:[a-z]|\b)"  # I-94, I94, I-94W, I 94
        r"|\badmission\b|\badmisi[oó]n\b"
        r"|\barrival\b|\bdeparture\b",
        FLAGS,
    )
    OTHER_LABELS = other_number_words(entity="I94_NUMBER")

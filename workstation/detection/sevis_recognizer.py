"""SEVIS identification numbers: ``N`` and ten digits (``N0012345678``).

The form is distinctive and reported on its own; a label ("SEVIS ID:", "I-20", "DS-2019") raises the score and
also makes ten bare digits a finding (``SEVIS #: 0012345678``).
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from workstation.detection.a_number_recognizer import FLAGS, LabelledIdRecognizer, other_number_words

_SEP = r"[ \u00a0\-\u2010-\u2013]"


class SevisRecognizer(LabelledIdRecognizer):
    ENTITY = "SEVIS_ID"
    PATTERNS = [
        Pattern("sevis_id", r"(?<![\w\-])(?P<id>(?-i:N)\d{10})(?![\w]|[ \-]\d)", 0.85),
        Pattern("sevis_id_separated", rf"(?<![\w\-])(?P<id>(?-i:N){_SEP}?\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{4}}|(?-i:N){_SEP}\d{{10}})(?![\w]|{_SEP}\d)", 0.6),
        Pattern("sevis_id_lower", r"(?<![\w\-])(?P<id>(?-i:n)\d{10})(?![\w]|[ \-]\d)", 0.5),
        Pattern("sevis_id_lower_separated", r"(?<![\w\-])(?P<id>(?-i:n)[ \-]\d{10})(?![\w]|[ \-]\d)", 0.3),
        # only with a label
        Pattern("sevis_digits", r"(?<![\w\-])(?<!\d[ .])(?P<id>\d{10})(?![\w]|[ \-]\d)", 0.05),
    ]
    CONTEXT_SCORE = 0.95
    CONTEXT_SCORES = {"sevis_digits": 0.75}
    CONTEXT = ["sevis", "sevis id", "sevis number", "sevis #", "i-20", "ds-2019"]
    LABELS = re.compile(r"\bsevis\b|(?<![\w-])(?:i[\-\u2010-\u2013 ]?20|ds[\-\u2010-\u2013 ]?2019)\b", FLAGS)
    OTHER_LABELS = other_number_words(entity="SEVIS_ID")

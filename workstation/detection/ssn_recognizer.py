"""US Social Security numbers written after a label: "SS# 858217077", "Soc. Sec. #: 559-14-3508".

Presidio's ``UsSsnRecognizer`` (also loaded) finds delimited SSNs and needs the words "ssn"/"social" near nine
bare digits; case files more often write "SS#", "SS No.", "Soc. Sec." or "seguro social". This recognizer scores
a nine-digit number (bare, dashed or spaced) high when such a label precedes it, and drops impossible numbers
(area 000 or 666, group 00, serial 0000). Without a label it reports nothing (score below the threshold).
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from workstation.detection.a_number_recognizer import FLAGS, LabelledIdRecognizer, other_number_words


class SsnContextRecognizer(LabelledIdRecognizer):
    ENTITY = "US_SSN"
    PATTERNS = [
        Pattern("ssn_digits", r"(?<![\w\-])(?P<id>\d{3}([ \-\u2010-\u2013.]?)\d{2}\2\d{4})(?![\w]|[ \-]\d)", 0.05),
    ]
    CONTEXT = ["ssn", "ss#", "ss no", "soc. sec.", "social security", "s.s.n.", "seguro social"]
    LABELS = re.compile(
        r"(?<![\w-])(?:s\.?\s?s\.?\s?n\.?|ss\s?(?:\#|no\.?|num(?:ber)?)|soc(?:ial)?\.?\s+sec(?:urity)?\.?"
        r"(?:\s+(?:no\.?|num(?:ber)?|\#|card))?|social\s+security|seguro\s+social|n[uú]mero\s+de\s+seguro)",
        FLAGS,
    )
    OTHER_LABELS = other_number_words("ssn", "social", entity="US_SSN")
    CONTEXT_SCORE = 0.85

    def valid(self, candidate: str, pattern: Pattern) -> bool:
        digits = re.sub(r"\D", "", candidate)
        if len(digits) != 9:
            return False
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        return area not in ("000", "666") and group != "00" and serial != "0000" and len(set(digits)) > 1

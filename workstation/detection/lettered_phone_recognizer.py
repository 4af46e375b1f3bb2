"""Telephone numbers written with letters: toll-free tip and help lines ("1-866-DHS-2-ICE", "(800) 375-LAWS").

Presidio's ``PhoneRecognizer`` (the ``phonenumbers`` matcher) reads digits only, so a number spelled in letters
passes. Only toll-free area codes are read (a court docket such as "20-CR-01234" has letters between digits too),
and the number must hold seven letters or digits after the area code, at least two of them capital letters.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from workstation.detection.declared import DeclaredPatternRecognizer

_TOLL_FREE = r"(?:800|833|844|855|866|877|888)"
_KEYPAD = re.compile(r"[A-Z0-9]")
_DOCKET = re.compile(r"(?:CR|CV|MJ|MC|PO|AP|BK|CA)\d+")  # "866-CR-12345": a docket number's case-type code


class LetteredPhoneRecognizer(DeclaredPatternRecognizer):
    ENTITY = "PHONE_NUMBER"
    PATTERNS = [
        Pattern("lettered_toll_free",
                rf"(?<![\w:/-])(?:1[ .-])?(?:\({_TOLL_FREE}\)[ ]?|{_TOLL_FREE}[ .-])"
                r"(?-i:[A-Z0-9]{1,7}(?:[ .-][A-Z0-9]{1,7}){0,3})(?![\w-])", 0.6),
    ]
    CONTEXT = ["call", "tip line", "toll-free", "telephone", "phone", "hotline"]

    def validate_result(self, pattern_text: str) -> bool | None:
        keys = _KEYPAD.findall(pattern_text)
        local = keys[-7:] if len(keys) >= 10 else []
        return len(keys) in (10, 11) and sum(c.isalpha() for c in local) >= 2 and (
            len(keys) == 10 or keys[0] == "1") and not _DOCKET.fullmatch("".join(local))

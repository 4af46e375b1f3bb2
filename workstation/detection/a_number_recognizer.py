"""Alien registration numbers (A-numbers), in every way they are written in case documents.

An A-number is 8 or 9 digits, usually written with a leading ``A`` (``A123456789``, ``A-123-456-789``,
``A# 123 456 789``, ``A 12345678``). Written with the ``A`` the number is recognised on its own; as bare digits
(``123 456 789``) it is a finding only when a label says what it is ("A-Number:", "alien registration
number", "A-File", "USCIS#", ...). The span covers the number and its ``A`` / ``A-`` / ``A#`` prefix, never a
label such as "A-Number:" or "A#:".

This module also holds ``LabelledIdRecognizer``, the base of the immigration-identifier recognizers: a Presidio
``PatternRecognizer`` that does its own context check (a label shortly before the match) instead of relying on
Presidio's lemma enhancer, so a bare number without its label stays under the reporting threshold and the same
number after its label goes above it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

FLAGS = re.IGNORECASE

# A sentence break inside the gap between a label and a number: "... passport expired. Case 12345678".
_BREAK = re.compile(r"([^\W\d_]*)[.!?;]\s+\S|\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+")
# Words of two letters or fewer ("No.", "U.S.") and these abbreviations do not end a sentence.
_ABBREVIATIONS = frozenset({"nos", "num", "nbr", "approx", "reg", "regis", "cert", "doc", "ref"})
# Labels of other kinds of numbers: a number after one of these belongs to it, not to an earlier label.
OTHER_NUMBER_WORDS = (
    "phone", "tel", "telephone", "cell", "mobile", "fax", "ssn", "social", "report", "incident", "docket",
    "invoice", "account", "acct", "zip", "apt", "apartment", "plate", "license", "licence", "dl", "vin",
    "badge", "order", "tracking", "routing", "ein", "itin", "employee",
)


def other_number_words(*exclude: str) -> re.Pattern[str]:
    words = [w for w in OTHER_NUMBER_WORDS if w not in exclude]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", FLAGS)


class LabelledIdRecognizer(PatternRecognizer):
    """A pattern recognizer scored by a label shortly before (or in brackets after) the match.

    Subclasses set ``ENTITY``, ``PATTERNS`` (the ``Pattern`` score is the score *without* a label; a named group
    ``id`` in the regex, when present, is the reported span), ``CONTEXT`` (the label words, for documentation and
    for Presidio's explanation) and ``LABELS`` (a regex over those labels). A match preceded by a label within
    ``LOOKBACK`` characters (at most ``MAX_GAP_WORDS`` words between, no sentence break, no label of another
    kind of number) scores ``CONTEXT_SCORES.get(pattern name, CONTEXT_SCORE)``.
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    LABELS: ClassVar[re.Pattern[str]]
    OTHER_LABELS: ClassVar[re.Pattern[str]] = other_number_words()
    CONTEXT_SCORE: ClassVar[float] = 0.85
    CONTEXT_SCORES: ClassVar[dict[str, float]] = {}
    LOOKBACK: ClassVar[int] = 45
    LOOKAHEAD: ClassVar[int] = 30
    MAX_GAP_WORDS: ClassVar[int] = 6
    VERSION: ClassVar[str] = "1.0.0"

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language="en",
            patterns=[Pattern(p.name, p.regex, p.score) for p in self.PATTERNS],
            context=list(self.CONTEXT),
            version=self.VERSION,
        )
        self._compiled = [(p, re.compile(p.regex, FLAGS)) for p in self.patterns]
        self._label_after = re.compile(r"\s*[(\[]\s*(?:" + self.LABELS.pattern + ")", self.LABELS.flags)

    # -- hooks -------------------------------------------------------------------------------------------------
    def valid(self, candidate: str, pattern: Pattern) -> bool:
        """Whether a regex match is a plausible value (checked before scoring)."""
        return True

    def score(self, text: str, start: int, end: int, pattern: Pattern) -> float | None:
        """The score of the match ``text[start:end]`` of ``pattern``; ``None`` drops it."""
        if not self.valid(text[start:end], pattern):
            return None
        if self.has_label(text, start, end):
            return max(pattern.score, self.CONTEXT_SCORES.get(pattern.name, self.CONTEXT_SCORE))
        return pattern.score

    def gap_ok(self, gap: str) -> bool:
        """Whether the text between a label and the number still ties the number to the label."""
        if len(gap) > self.LOOKBACK:
            return False
        if len(_WORD.findall(gap)) > self.MAX_GAP_WORDS:
            return False
        for m in _BREAK.finditer(gap):
            word = m.group(1) or ""
            if m.group(0).startswith("\n") or (len(word) > 2 and word.lower() not in _ABBREVIATIONS):
                return False
        return not self.OTHER_LABELS.search(gap)

    def has_label(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - self.LOOKBACK) : start]
        for m in self.LABELS.finditer(before):
            if self.gap_ok(before[m.end() :]):
                return True
        return bool(self._label_after.match(text, end, min(len(text), end + self.LOOKAHEAD)))

    # -- Presidio ----------------------------------------------------------------------------------------------
    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        found: list[tuple[float, int, int, Pattern]] = []
        for pattern, rx in self._compiled:
            has_id = "id" in rx.groupindex
            for m in rx.finditer(text):
                start, end = m.span("id") if has_id and m.group("id") is not None else m.span()
                if end <= start:
                    continue
                score = self.score(text, start, end, pattern)
                if score is not None:
                    found.append((score, start, end, pattern))
        # one result per stretch of text: the best score, then the longest span
        found.sort(key=lambda f: (-f[0], -(f[2] - f[1]), f[1]))
        results: list[RecognizerResult] = []
        taken: list[tuple[int, int]] = []
        for score, start, end, pattern in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            results.append(self._result(score, start, end, pattern))
        results.sort(key=lambda r: r.start)
        return results

    def _result(self, score: float, start: int, end: int, pattern: Pattern) -> RecognizerResult:
        explanation = self.build_regex_explanation(self.name, pattern.name, pattern.regex, score, None, FLAGS)
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # the label check above is this recognizer's context handling: no second boost
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            },
        )


# --- A-numbers ------------------------------------------------------------------------------------------------
_SEP = r"[ \u00a0.\-\u2010-\u2013]"
_DIGITS = (
    rf"(?:\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}"  # 9 digits, 3-3-3
    rf"|\d{{2}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}"  # 8 digits, 2-3-3
    rf"|\d{{4}}{_SEP}\d{{4}})"  # 8 digits, 4-4
)
_END = rf"(?![\w]|{_SEP}\d)"
_START = r"(?<![\w\-#])"


class ANumberRecognizer(LabelledIdRecognizer):
    ENTITY = "A_NUMBER"
    PATTERNS = [
        # A123456789, A-123-456-789, A#123456789, A# 123 456 789, A.123456789
        Pattern("a_prefixed", rf"{_START}(?P<id>(?-i:A)(?:\s?[\-#.\u2010-\u2013]\s?|-\s?#\s?)?{_DIGITS}){_END}", 0.85),
        # A 12345678
        Pattern("a_prefixed_space", rf"{_START}(?P<id>(?-i:A)[ \u00a0]{_DIGITS}){_END}", 0.55),
        # a123456789, a-123-456-789
        Pattern("a_prefixed_lower", rf"{_START}(?P<id>(?-i:a)[\-#]?{_DIGITS}){_END}", 0.6),
        # a 123456789 ("a" is also the article): only with a label
        Pattern("a_prefixed_lower_space", rf"{_START}(?P<id>(?-i:a)(?:\s?#\s?|\s){_DIGITS}){_END}", 0.2),
        # 123456789, 123-456-789, 12345678: only with a label
        Pattern("a_bare_digits", rf"(?<![\w\-#])(?<!\d[ .])(?P<id>{_DIGITS}|\d{{8,9}}){_END}", 0.05),
    ]
    CONTEXT_SCORES = {"a_prefixed": 0.95, "a_prefixed_space": 0.9, "a_prefixed_lower": 0.9}
    CONTEXT = [
        "a-number", "a number", "a#", "a-file", "alien", "alien number", "alien registration number",
        "registration number", "uscis#", "uscis number", "arn", "numero de extranjero",
    ]
    LABELS = re.compile(
        r"(?:(?<![\w-])(?:(?-i:A)[\-\u2010-\u2013 ]?|a-)(?:numbers?|nums?|nbrs?|(?-i:No|NO|Nr|NR))\b\.?"  # A-Number, A No.
        r"|(?<![\w-])(?-i:A)\s?-?\s?[#:]"  # A#, A-#, A:
        r"|(?<![\w-])a[\-\u2010-\u2013 ]?files?\b"  # A-File, A file
        r"|\baliens?\b"  # alien number, alien registration number, alien file, alien #
        r"|\bregistration\s*(?:numbers?|nos?\b|nbr\b|num\b|\#)"
        r"|\buscis\b"  # USCIS#, USCIS number
        r"|\barn\b"
        r"|\bextranjer[oa]s?\b|\bn[uú]mero\s+(?-i:A)\b)",
        FLAGS,
    )
    OTHER_LABELS = other_number_words()

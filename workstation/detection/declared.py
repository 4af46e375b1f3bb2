"""The base of the project's pattern recognizers: a Presidio ``PatternRecognizer`` declared by class attributes.

Subclasses set ``ENTITY``, ``PATTERNS`` (Presidio ``Pattern``s), ``CONTEXT`` (the label words, for documentation
and Presidio's explanation) and ``VERSION``; the constructor builds the recognizer from them. Recognizers that
score their own context (a label, a table header) report their matches with :func:`pattern_result`, so Presidio
does not boost them a second time.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

FLAGS = re.IGNORECASE


def pattern_result(recognizer: EntityRecognizer, entity: str, score: float, start: int, end: int,
                   pattern: Pattern) -> RecognizerResult:
    """A result of ``recognizer``'s ``pattern`` whose score already includes the recognizer's own context check
    (a label, a table header), so Presidio does not boost it a second time."""
    name = type(recognizer).__name__
    explanation = AnalysisExplanation(
        recognizer=name,
        original_score=score,
        pattern_name=pattern.name,
        pattern=pattern.regex,
        textual_explanation=f"Detected by `{name}` using pattern `{pattern.name}`",
        regex_flags=FLAGS,
    )
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
        },
    )


class DeclaredPatternRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` built from ``ENTITY``, ``PATTERNS``, ``CONTEXT`` and ``VERSION``."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    VERSION: ClassVar[str] = "1.0.0"

    def __init__(self) -> None:
        patterns = [Pattern(p.name, p.regex, p.score) for p in self.PATTERNS]
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language="en",
            patterns=patterns,
            context=list(self.CONTEXT),
            version=self.VERSION,
        )

    def result(self, score: float, start: int, end: int, pattern: Pattern) -> RecognizerResult:
        """A result of this recognizer's ``pattern`` (see :func:`pattern_result`)."""
        return pattern_result(self, self.ENTITY, score, start, end, pattern)

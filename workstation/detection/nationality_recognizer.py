"""PLACEHOLDER - being written; finds nothing yet."""

from presidio_analyzer import PatternRecognizer


class NationalityRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entity="NATIONALITY", patterns=[], deny_list=["\x00never\x00"], name="NationalityRecognizer")

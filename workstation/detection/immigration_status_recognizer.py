"""PLACEHOLDER - being written; finds nothing yet."""

from presidio_analyzer import PatternRecognizer


class ImmigrationStatusRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entity="IMMIGRATION_STATUS", patterns=[], deny_list=["\x00never\x00"], name="ImmigrationStatusRecognizer")

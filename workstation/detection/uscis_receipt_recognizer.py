"""PLACEHOLDER - being written; finds nothing yet."""

from presidio_analyzer import PatternRecognizer


class UscisReceiptRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entity="USCIS_RECEIPT_NUMBER", patterns=[], deny_list=["\x00never\x00"], name="UscisReceiptRecognizer")

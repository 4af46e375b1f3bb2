"""The categories of identifying information the workstation detects."""

from __future__ import annotations

NATIONALITY = "NATIONALITY"
IMMIGRATION_STATUS = "IMMIGRATION_STATUS"
A_NUMBER = "A_NUMBER"
USCIS_RECEIPT_NUMBER = "USCIS_RECEIPT_NUMBER"
I94_NUMBER = "I94_NUMBER"
SEVIS_ID = "SEVIS_ID"
PASSPORT_NUMBER = "PASSPORT_NUMBER"
ADDRESS = "ADDRESS"
PERSON = "PERSON"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
US_SSN = "US_SSN"
DATE_OF_BIRTH = "DATE_OF_BIRTH"

IMMIGRATION_IDS = (A_NUMBER, USCIS_RECEIPT_NUMBER, I94_NUMBER, SEVIS_ID, PASSPORT_NUMBER)

ALL = (
    NATIONALITY,
    IMMIGRATION_STATUS,
    *IMMIGRATION_IDS,
    ADDRESS,
    PERSON,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    US_SSN,
    DATE_OF_BIRTH,
)

# Categories NYC's Identifying Information Law and EO 34/41 treat as most sensitive.
PROTECTED = (NATIONALITY, IMMIGRATION_STATUS, *IMMIGRATION_IDS, ADDRESS)

# Categories whose words are identifying only in context (the same word elsewhere may not be about a person):
# not propagated to other occurrences, and not searched for document-wide after export (the redaction boxes
# themselves are still checked character by character).
CONTEXTUAL = (NATIONALITY, IMMIGRATION_STATUS)

# When spans of different categories nest, the more specific (earlier) one is kept.
PRIORITY = (
    *IMMIGRATION_IDS,
    US_SSN,
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    DATE_OF_BIRTH,
    ADDRESS,
    IMMIGRATION_STATUS,
    NATIONALITY,
    PERSON,
)

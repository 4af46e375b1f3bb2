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
SOCIAL_MEDIA_HANDLE = "SOCIAL_MEDIA_HANDLE"
VEHICLE_PLATE = "VEHICLE_PLATE"

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
    SOCIAL_MEDIA_HANDLE,
    VEHICLE_PLATE,
)

# Categories NYC's Identifying Information Law and EO 34/41 treat as most sensitive.
PROTECTED = (NATIONALITY, IMMIGRATION_STATUS, *IMMIGRATION_IDS, ADDRESS)

# Categories whose words are identifying only in context (the same word elsewhere may not be about a person):
# not propagated to other occurrences, and not searched for document-wide after export (the redaction boxes
# themselves are still checked character by character).
CONTEXTUAL = (NATIONALITY, IMMIGRATION_STATUS)

# When spans of different categories nest, the more specific (earlier) one is kept. Handles and plates are only
# reported right after their label (a platform, "handle", "plate", "NY registration" ...), so the label decides
# what the value is: they rank above the pattern-only categories (a plate that the phone matcher also reads as a
# number stays a plate; a handle inside a PERSON span stays a handle) and below the immigration identifiers, SSNs
# (the locked and most harmful categories keep an ambiguous value) and e-mail addresses (a handle is never inside
# one: "@name" after a word character is not a handle). Neither is CONTEXTUAL: once "@lilmaya22" or "KJR-4521"
# is found after its label, every other occurrence is the same identifier.
PRIORITY = (
    *IMMIGRATION_IDS,
    US_SSN,
    EMAIL_ADDRESS,
    SOCIAL_MEDIA_HANDLE,
    VEHICLE_PLATE,
    PHONE_NUMBER,
    DATE_OF_BIRTH,
    ADDRESS,
    IMMIGRATION_STATUS,
    NATIONALITY,
    PERSON,
)

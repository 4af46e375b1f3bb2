from __future__ import annotations

import pytest

from tests.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Records list SS# 858217077.", ["858217077"]),
        ("Soc. Sec. #: 559-14-3508", ["559-14-3508"]),
        ("SSN 412 55 9012 on file", ["412 55 9012"]),
        ("Social Security No. 401-22-7890", ["401-22-7890"]),
        ("S.S.N.: 245678123", ["245678123"]),
        ("número de seguro social 532-18-4471", ["532-18-4471"]),
        ("The file reflects SS# 801132139. A check was run.", ["801132139"]),
        ("SS#\t882019851", ["882019851"]),
        ("SSN: 523-45-6781 and phone 718-555-0134", ["523-45-6781"]),
    ],
)
def test_labelled_ssn_is_found(engine, text: str, expected: list[str]) -> None:  # noqa: ANN001
    assert spans(engine, text, "US_SSN") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Complaint No. 858217077 was filed.",  # no SSN label
        "SS# 000-12-3456",  # area 000 is never issued
        "SSN 666-12-3456",  # area 666 is never issued
        "SSN 123-00-4567",  # group 00
        "SS# 111111111",  # one repeated digit
        "Social Security office at 123 Main Street; call 212-555-0134",
        "Invoice 412559012 paid",
        "Docket 412559012 was adjourned.",
    ],
)
def test_not_an_ssn(engine, text: str) -> None:  # noqa: ANN001
    assert spans(engine, text, "US_SSN") == []

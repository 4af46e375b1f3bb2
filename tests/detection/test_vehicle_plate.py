"""Vehicle plates through the full engine: reported only after a plate label, the plate alone.

Each case is (text, expected VEHICLE_PLATE spans): ``[]`` is a negative.
"""

from __future__ import annotations

import pytest

from tests.conftest import spans

pytestmark = pytest.mark.slow

PLATE_CASES = [
    # a state before the label
    ("NY plate KJR-4521", ["KJR-4521"]),
    ("New Jersey tag Y93-DKP was observed.", ["Y93-DKP"]),
    ("vehicle bearing NY registration GMT1234 fled north", ["GMT1234"]),
    ("a gray Honda bearing New York plates HXK2931", ["HXK2931"]),
    ("Connecticut registration AB 12345", ["AB 12345"]),
    ("Ontario plate CBTK 123", ["CBTK 123"]),
    ("NJ tags Y93DKP", ["Y93DKP"]),
    # the label alone, with filler between
    ("plate number HXK 2931", ["HXK 2931"]),
    ("registration plate # T123456C", ["T123456C"]),
    ("License Plate: ABC 1234", ["ABC 1234"]),
    ("licence plate no. 7ZX-4410", ["7ZX-4410"]),
    ("LP# GMT1234", ["GMT1234"]),
    ("Plate/State: KJR4521/NY", ["KJR4521"]),
    ("the plate was KJR4521", ["KJR4521"]),
    ("temporary tag T123456", ["T123456"]),
    ("placa ABC-123", ["ABC-123"]),
    # a state after the plate is not part of it
    ("plate KJR-4521 (NY)", ["KJR-4521"]),
    ("plate HXK 2931 NY was seen", ["HXK 2931"]),
    ("plate number (NJ) Y93-DKP", ["Y93-DKP"]),
    # several plates after one label; the car after a plate is not one
    ("NY plates KJR-4521 and HXK-2931", ["KJR-4521", "HXK-2931"]),
    ("NY plate KJR4521, 2019 Toyota Camry", ["KJR4521"]),
    ("NY plate KJR4521, 2019 BMW X5", ["KJR4521"]),
    # a table column headed by a plate label
    ("Make | Plate | Color\nHonda | KJR4521 | gray\nToyota | HXK 2931 | blue", ["KJR4521", "HXK 2931"]),
    # among other numbers of a complaint report
    ("Arrest #: K24123456   NY plate KJT-4521   Docket No.: CR-123456-24QN", ["KJT-4521"]),
    ("Complaint No.: 2024-109-01234 NY plate KJR-4521", ["KJR-4521"]),
]

NEGATIVE_CASES = [
    # complaint / arrest / docket / shield / voucher numbers, A-numbers
    "Complaint No.: 2024-109-01234",
    "Arrest #: K24123456",
    "Docket No.: CR-123456-24QN",
    "Shield #12345   Tax #945123",
    "Property Voucher #: 3000123456",
    "A-Number A12345678",
    "plate A123456789",
    "Alien Registration Number 123456789",
    "registration number 12345678",
    "voter registration 2024",
    # dates, times, phones, ZIP codes after a plate label
    "plate 03/14/2024",
    "plate seen @ 10:00",
    "the plate was read at 1030 hrs",
    "plate 555-1234",
    "NY plate, call 718-555-0147",
    "plate: NY 11416",
    "license plate reader at 123 Main St, Queens, NY 11416",
    # plates without a label, tags that are not vehicle tags, words without a digit
    "KJR-4521",
    "The car was a gray Honda, KJR4521.",
    "evidence tag #12345",
    "price tag 19.99",
    "ANY tag 1234",
    "license plate was not visible",
    "hot plate in apartment 4B",
]


@pytest.mark.parametrize(("text", "expected"), PLATE_CASES)
def test_plate(engine, text, expected):
    assert spans(engine, text, "VEHICLE_PLATE") == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_a_plate(engine, text):
    assert spans(engine, text, "VEHICLE_PLATE") == []


def test_plate_found_at_every_occurrence():
    from workstation.detection.vehicle_plate_recognizer import VehiclePlateRecognizer
    from workstation.domain.model import Detection
    from workstation.domain.propagation import propagate

    text = "NY plate KJR-4521 was stopped. Later KJR-4521 was parked on 37th Ave."
    found = [Detection(r.start, r.end, r.entity_type, r.score, "VehiclePlateRecognizer")
             for r in VehiclePlateRecognizer().analyze(text, ["VEHICLE_PLATE"])]
    out = propagate([text], [found])[0]
    assert sorted(text[d.start : d.end] for d in out if d.entity_type == "VEHICLE_PLATE") == ["KJR-4521", "KJR-4521"]


def test_plate_and_other_ids_in_a_paragraph(engine):
    text = ("On 03/14/2024 at 2215 hrs P.O. Smith, Shield #12345, stopped a gray Honda bearing NY plate KJR-4521. "
            "The driver, A-Number A123456789, gave phone 718-555-0147 and lives at 34-15 56th Street, Woodside, "
            "NY 11377.")
    assert spans(engine, text, "VEHICLE_PLATE") == ["KJR-4521"]
    assert spans(engine, text, "A_NUMBER") == ["A123456789"]
    assert spans(engine, text, "PHONE_NUMBER") == ["718-555-0147"]

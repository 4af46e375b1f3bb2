"""ADDRESS detection through the full engine: exact spans, positives and negatives."""

from __future__ import annotations

import pytest

from tests.conftest import spans

POSITIVES = [
    ("She lives at 87-14 37th Avenue, Apt 5B, Jackson Heights, NY 11372.",
     ["87-14 37th Avenue, Apt 5B, Jackson Heights, NY 11372"]),
    ("Residence: 1520 Grand Concourse, Apt 4C, Bronx, NY 10457", ["1520 Grand Concourse, Apt 4C, Bronx, NY 10457"]),
    ("He stays at 245 East 116th Street #4C, New York, NY 10029 with his cousin.",
     ["245 East 116th Street #4C, New York, NY 10029"]),
    ("The family rents 33 Linden Blvd, Basement, Brooklyn since May.", ["33 Linden Blvd, Basement, Brooklyn"]),
    ("Employer located at 112-05 Roosevelt Ave 3rd Floor, Corona, NY", ["112-05 Roosevelt Ave 3rd Floor, Corona, NY"]),
    ("He was brought to 1 Police Plaza for processing.", ["1 Police Plaza"]),
    ("The office is at 350 W. 42nd St.", ["350 W. 42nd St."]),
    ("Mail went to 4 Saint Nicholas Terrace last week.", ["4 Saint Nicholas Terrace"]),
    ("She sublets a room at 17 Avenue C on weekends.", ["17 Avenue C"]),
    ("Complainant works at 2410 Broadway in a deli.", ["2410 Broadway"]),
    ("Last seen at 95-20 Queens Blvd, Rego Park, New York 11374.", ["95-20 Queens Blvd, Rego Park, New York 11374"]),
    ("Prior address 1200 Main Street, Springfield, MA 01103.", ["1200 Main Street, Springfield, MA 01103"]),
    ("His brother lives at 55 Elm St, Newark, New Jersey.", ["55 Elm St, Newark, New Jersey"]),
    ("residing at 87-14 37th\nAvenue, Jackson Heights with three roommates",
     ["87-14 37th\nAvenue, Jackson Heights"]),
    ("She gave 640 Riverside Drive, Apt 12,\nNew York, NY 10031 as her home.",
     ["640 Riverside Drive, Apt 12,\nNew York, NY 10031"]),
    ("Mailing to P.O. Box 1234, Flushing, NY 11355 only.", ["P.O. Box 1234, Flushing, NY 11355"]),
    ("Send correspondence to PO Box 77.", ["PO Box 77"]),
    ("Apartment at 41-30 Main St, Flushing.", ["41-30 Main St, Flushing"]),
    ("Shelter: 400-430 East 30th Street, Manhattan", ["400-430 East 30th Street, Manhattan"]),
    ("Moved to 1875 Nostrand Ave, Apt 3R, Brooklyn, NY 11226", ["1875 Nostrand Ave, Apt 3R, Brooklyn, NY 11226"]),
    ("She rents 88 Bay 25th St, Bensonhurst", ["88 Bay 25th St, Bensonhurst"]),
    ("He was picked up at 3030 Webster Ave., Bronx.", ["3030 Webster Ave., Bronx"]),
    ("Last known: 712 Fulton St Suite 300, Brooklyn NY 11238", ["712 Fulton St Suite 300, Brooklyn NY 11238"]),
    ("Residence 21-10 Steinway Street, Astoria, NY 11105-2233", ["21-10 Steinway Street, Astoria, NY 11105-2233"]),
    ("CAME FROM 87-14 37TH AVENUE, APT 5B, JACKSON HEIGHTS, NY 11372",
     ["87-14 37TH AVENUE, APT 5B, JACKSON HEIGHTS, NY 11372"]),
    ("lives at 100 Beach 116th Street, Far Rockaway, NY 11694", ["100 Beach 116th Street, Far Rockaway, NY 11694"]),
    ("Address: 1520 Grand Concourse, Apt 4C\nCity/State/ZIP: Bronx, NY 10457",
     ["1520 Grand Concourse, Apt 4C", "Bronx, NY 10457"]),
    ("Address: 12 Oak Street\nPhone: 718-555-1212", ["12 Oak Street"]),
    ("Name: Ana Ruiz    Address: 40-12 82nd St, Elmhurst, NY 11373    Phone: 718-555-0000",
     ["40-12 82nd St, Elmhurst, NY 11373"]),
    ("He lives at 12 Oak St, Hempstead.", ["12 Oak St, Hempstead"]),
    ("Relocated to 9 Pine Road, Lakewood, NJ 08701.", ["9 Pine Road, Lakewood, NJ 08701"]),
    ("The unit at 45 Fort Washington, New York, NY 10032 was searched.", ["45 Fort Washington, New York, NY 10032"]),
    ("She stays at 250 Avenue of the Americas.", ["250 Avenue of the Americas"]),
    ("Domicilio: Calle 5 de Mayo 123, Puebla", ["Calle 5 de Mayo 123, Puebla"]),
    ("Lives at 315 Malcolm X Blvd, Harlem.", ["315 Malcolm X Blvd, Harlem"]),
    ("Stayed at 78 Bowery, Chinatown.", ["78 Bowery, Chinatown"]),
    ("He lives at 560 Ocean Parkway\nBrooklyn, NY 11218\nPhone: 347-555-1010", ["560 Ocean Parkway\nBrooklyn, NY 11218"]),
    ("Address: 34-21 Junction Blvd Apt 2F\nCity/State/ZIP: East Elmhurst NY 11369",
     ["34-21 Junction Blvd Apt 2F", "East Elmhurst NY 11369"]),
    # spelled-out house numbers with a room and a city on the next line
    ("Send appeals to One Hogan Place, Room 752, New York, NY 10013.", ["One Hogan Place, Room 752, New York, NY 10013"]),
    ("LEGAL DIVISION\nTwo Lafayette Street, Suite 1200\nNew York, NY 10007\n\nMarch 3, 2024",
     ["Two Lafayette Street, Suite 1200\nNew York, NY 10007"]),
    ("Records Unit, Three Court Square, Long Island City, NY 11101", ["Three Court Square, Long Island City, NY 11101"]),
    # a sentence-ending period is not part of the span; an abbreviation's period is
    ("Client has a court date at 201 Varick Street.  Bring the notice.", ["201 Varick Street"]),
    ("The hearing is at 26 Federal Plaza, 12th Floor. Arrive early.", ["26 Federal Plaza, 12th Floor"]),
    ("He lives at 14 Grove St. in Jersey City.", ["14 Grove St."]),
    # agency buildings are addresses too (the benchmark convention): keep them
    ("Report to One Police Plaza, New York, NY 10038 for processing.", ["One Police Plaza, New York, NY 10038"]),
]

# Counsel and office addresses in the captions of court and Board decisions, and the last line of a mailing
# address standing alone (the street on another line, or cut off by OCR).
CAPTION_POSITIVES = [
    ("ON BEHALF OF RESPONDENT: Marta Quiroga, Esquire 412-414 Market Street Camden, New Jersey 08102",
     ["412-414 Market Street Camden, New Jersey 08102"]),
    ("ON BEHALF OF APPLICANT: Lee Park, Esquire 1100 Vermont Avenue, N.W. Washington, D.C. 20005",
     ["1100 Vermont Avenue, N.W. Washington, D.C. 20005"]),
    ("Counsel for petitioner: 77 Harbor Road Suite 12 Portland, Maine 04101",
     ["77 Harbor Road Suite 12 Portland, Maine 04101"]),
    ("Donna Reyes\nAssistant Chief Counsel\n\nHouston, Texas 77002", ["Houston, Texas 77002"]),
    ("Trial Attorney Baltimore, MD 21201", ["Baltimore, MD 21201"]),
    ("identifying data deleted to Salt Lake City, UT 84111-2301 prevent", ["Salt Lake City, UT 84111-2301"]),
    ("Esquire\nPost Office Box 9\nLaredo, TX 78040", ["Post Office Box 9\nLaredo, TX 78040"]),
    # a street name ending in a street type word, then its own type: one address with its city line
    ("Staff Attorney\n2210 Forest Hill Avenue\nRichmond, VA 23225", ["2210 Forest Hill Avenue\nRichmond, VA 23225"]),
    ("Clinic: 118-20 Union Turnpike Road, Kew Gardens, NY 11415", ["118-20 Union Turnpike Road, Kew Gardens, NY 11415"]),
    # federal offices: a directional after a comma, a mail stop, OCR's stray periods
    ("Send to 425 I Street, N.W., Mail Stop 3100, Washington, DC 20536 by hand.",
     ["425 I Street, N.W., Mail Stop 3100, Washington, DC 20536"]),
    ("Appeals Office 31 Jefferson Ave., N.W .. MS 1200 prevent", ["31 Jefferson Ave., N.W .. MS 1200"]),
]

CAPTION_NEGATIVES = [
    # docket and case numbers before a capitalised heading are not house numbers
    "No. 15-70231\nSummary Calendar\nUnited States Court of Appeals",
    "Case: 19-60012 Document: 00514423189 Page: 1",
    "No. 21-3307 UNITED STATES COURT OF APPEALS FOR THE SEVENTH CIRCUIT",
    "Docket # 2018-1142 Immigration Court Baltimore",
    # a city and state without a ZIP code is not an address
    "The Field Office Director, Houston, Texas, denied the application.",
    "He was detained in Elizabeth, New Jersey, for two months.",
]

NEGATIVES = [
    "She was walking on Roosevelt Avenue when it happened.",
    "They met near Grand Concourse after work.",
    "He exited at the 37th Avenue station.",
    "at the corner of Roosevelt Ave and 82nd St",
    "He waited 15 minutes and rode 3 Avenue stops.",
    "Address: ______",
    "Address: Unknown",
    "Email Address: ana.ruiz@example.com",
    "The 110 Precinct squad responded in 2 cars.",
    "Complaint 2024-012345 was filed on 03/04/2024 at 14:30.",
    "She has lived in Queens for 12 years.",
    "The incident occurred at 7 PM near the 5 Train station.",
    "Officers canvassed Jamaica Avenue between 160th St and 168th St.",
    "One officer walked down Tremont Avenue toward the park.",
    "Two witnesses saw the car on Atlantic Avenue.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_address_found(engine, text, expected):
    assert spans(engine, text, "ADDRESS") == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_an_address(engine, text):
    assert spans(engine, text, "ADDRESS") == []


@pytest.mark.parametrize(("text", "expected"), CAPTION_POSITIVES)
def test_caption_address_found(engine, text, expected):
    assert spans(engine, text, "ADDRESS") == expected


@pytest.mark.parametrize("text", CAPTION_NEGATIVES)
def test_caption_number_not_an_address(engine, text):
    assert spans(engine, text, "ADDRESS") == []


def test_span_stops_before_next_label(engine):
    text = "Address: 33 Linden Blvd, Basement, Brooklyn\nDOB: 01/02/1990\nPhone: 718-555-1212"
    assert spans(engine, text, "ADDRESS") == ["33 Linden Blvd, Basement, Brooklyn"]


def test_city_line_label_not_in_span(engine):
    text = "Address: 1520 Grand Concourse, Apt 4C\nCity/State/ZIP: Bronx, NY 10457"
    for span in spans(engine, text, "ADDRESS"):
        assert "City" not in span and ":" not in span


def test_unknown_city_not_a_sentence(engine):
    assert spans(engine, "He lives at 12 Oak St, Officer Ruiz arrived later.", "ADDRESS") == ["12 Oak St"]

"""Immigration identifiers through the full engine: A-numbers, USCIS receipts, I-94, SEVIS, passport numbers.

Each case is (text, expected spans of the entity type): ``[]`` is a negative.
"""

from __future__ import annotations

import pytest

from tests.conftest import spans

pytestmark = pytest.mark.slow

A_NUMBER_CASES = [
    # written with the A
    ("A123456789", ["A123456789"]),
    ("Subject's A-number is A-123-456-789.", ["A-123-456-789"]),
    ("A# 123 456 789", ["A# 123 456 789"]),
    ("A#123456789 on the NTA", ["A#123456789"]),
    ("A 12345678 was on the card", ["A 12345678"]),
    ("A-12345678", ["A-12345678"]),
    ("A12-345-678 (old file)", ["A12-345-678"]),
    ("lower case a123456789 in the e-mail", ["a123456789"]),
    ("a-123-456-789", ["a-123-456-789"]),
    ("A-Number A012345678 appears on the NTA.", ["A012345678"]),
    ("The subject provided A-number A 098 765 432 to officers.", ["A 098 765 432"]),
    ("A.123.456.789", ["A.123.456.789"]),
    # partly redacted, as unpublished BIA decisions are republished (dev11)
    ("Cite as: K-O-, AXXX XXX 481 (BIA Mar. 2, 2016)", ["AXXX XXX 481"]),
    ("File: 481 - Newark, NJ  Date: MAR - 2 2016", ["481"]),
    ("AXX seats, 481 rows. File: 12 pages long.", []),
    ("Decision Date19 November 1964 Docket NumberA-7985292,Interim Decision Number 1412", ["A-7985292"]),
    # bare digits after a label: the label is not part of the span
    ("A#: 123456789", ["123456789"]),
    ("A-Number: 123 456 789", ["123 456 789"]),
    ("Alien Registration Number 123456789", ["123456789"]),
    ("A-File 098-765-432", ["098-765-432"]),
    ("alien number 123-456-789", ["123-456-789"]),
    ("USCIS# 123456789", ["123456789"]),
    ("USCIS Number 123 456 789 on the green card", ["123 456 789"]),
    ("His alien registration # is 12-345-678.", ["12-345-678"]),
    ("A No. 123456789", ["123456789"]),
    ("ARN: 123-456-789", ["123-456-789"]),
    ("Alien File Number: 098765432", ["098765432"]),
    ("Registration number 12345678", ["12345678"]),
    ("Alien Registration Number of the subject is 123456789", ["123456789"]),
    ("A-Numbers: 123456789, 987654321", ["123456789", "987654321"]),
    ("Phone: (212) 555-1234, A#: 123456789", ["123456789"]),
    ("número A 123456789", ["123456789"]),
    ("my A-number is A-571-955-76", ["A-571-955-76"]),
    ("Alien Registration Number A262-685-984\nPPT# 210146575", ["A262-685-984"]),
    ("Records list A number 088424777. We show Passport No.: 970761466", ["088424777"]),
    # tables: the column header is the label
    (
        "NAME\tDOB\tA#\tPHONE\n1\tDOE, JANE\t01/02/1980\t221213168\t(917) 253-6803\n"
        "2\tROE, RICH\t03/04/1985\tA 203814160\t917-555-0101",
        ["221213168", "A 203814160"],
    ),
    (
        "#  NAME | Birth Date | A-NUMBER | Tel\n-----------------------------------\n"
        "1  FALL, BOUBACAR | 11/25/75 | 238220204 | 1-646-508-4958\n"
        "2  KEITA, BABACAR | 06-05-1988 | 054260896 | +1 809 399 1776",
        ["238220204", "054260896"],
    ),
    (
        "#   NAME              DOB         ALIEN #      PHONE\n"
        "1   Mahmoud, Bilal    05/07/94    A226355178   +1 917 612 0099\n"
        "2   CRUZ, LETICIA     10/14/79    067445052    (212) 555-0134",
        ["A226355178", "067445052"],
    ),
    # negatives
    ("NAME | DOB | PHONE | CASE #\nDOE, JANE | 01/02/1980 | 2125551234 | 123456789", []),
    ("Call 555-123-4567 or 212 555 1234.", []),
    ("SSN 123-45-6789", []),
    ("Zip 10001-1234, zip 100011234", []),
    ("A 5 year old child was present.", []),
    ("Apt 12345678", []),
    ("Order 123456789 shipped", []),
    ("Form A123", []),
    ("Case 2024-123456", []),
    ("There were 123456789 grains", []),
    ("In a 12345678 transaction", []),
    ("SSN 123456789 and phone 2125551234", []),
    ("Vehicle plate 12345678", []),
    ("Page A 12", []),
    ("A-number unknown; phone 123 456 789", []),
    # semicolon / comma separated tables (CSV exports)
    (
        "#;Name;DOB;Birth country;Status;A#\n1;Mensah, Abena;1987-02-14;Ghana;TPS;201345678\n"
        "2;Rosario Quintero;03/22/1990;Peru;Parolee;204-556-781",
        ["201345678", "204-556-781"],
    ),
    ("Name,DOB,Country,A-Number\nIkenna Obiora,1987-02-14,Nigeria,201345678\nOkoye, Uche,1/2/1990,Nigeria,",
     ["201345678"]),
    # a row number one space from the name, under a "#" column, in a space-aligned table
    (
        "#  Name (Last, First)   DOB         Nationality                  A#\n"
        "9  LIN, MEI             01/02/1985  Republic of China  009256110",
        ["009256110"],
    ),
    # the A-number label is nearer than the passport label
    ("Passport and A-Number: A098765432", ["A098765432"]),
    ("A-Number: A098765432", ["A098765432"]),
    # not A-numbers: a number right after a passport label, a number in another column
    ("passport no. A09876543", []),
    ("He showed Mexican passport number A12345678 at the desk.", []),
    ("Name;Phone;Case\nMensah, Abena;212-555-0101;201345678", []),
    # the 7-digit A-numbers of older files, as BIA decisions of the 1940s-1980s print them
    ("In the Matter of K---\nA-6104417\nDecided by the Board", ["A-6104417"]),
    ("File: A-2287765 - Chicago", ["A-2287765"]),
    ("A#7730012 appears in the 1962 record.", ["A#7730012"]),
    ("Alien Registration No. A4412907", ["A4412907"]),
    ("old file A\u20113398120 (OCR hyphen)", ["A\u20113398120"]),
    # rows set apart by blank lines keep their header
    ("Name | A-Number | Phone\nDIALLO, Awa | 204556781 | 555-0101\n\nSOW, Issa | 209331276 | 555-0102",
     ["204556781", "209331276"]),
    # not A-numbers: a 7-digit A-shape without a hyphen and without a label (a passport, a model number)
    ("Indian passport A1234567 was seized.", []),
    ("Model A7654321 printer", []),
    ("passport no. A-1234567", []),
]

# Tables whose rows are separated by blank lines: every row keeps its column header, of every table kind; a
# line that is not a row of the same shape ends the table.
TABLE_CASES = [
    # tab-separated, rows numbered under a header without "#"
    ("NAME\tDOB\tA#\n1\tDOE, JANE\t01/02/1980\t221213168\n\n2\tROE, RICH\t03/04/1985\t203814160\n\n\n"
     "3\tPOE, ANN\t05/06/1990\t207115532", ["221213168", "203814160", "207115532"]),
    # pipe table with a rule line
    ("| Name | A# | Phone |\n|---|---|---|\n| Doe | 221213168 | 555-0101 |\n\n| Roe | 203814160 | 555-0102 |",
     ["221213168", "203814160"]),
    # semicolon and comma exports
    ("Name;DOB;A#\nDoe;1/2/1980;221213168\n\nRoe;1/2/1981;203814160", ["221213168", "203814160"]),
    ("Name,DOB,A-Number\nJane Doe,1/2/1980,221213168\n\n\"Roe, Rich\",1/2/1981,203814160",
     ["221213168", "203814160"]),
    # space-aligned columns
    ("#   NAME              DOB         ALIEN #\n1   Mahmoud, Bilal    05/07/94    226355178\n\n"
     "2   CRUZ, LETICIA     10/14/79    067445052", ["226355178", "067445052"]),
    # the table ends at prose, at a line of another shape, at the header of another table
    ("NAME\tDOB\tA#\nDOE\t1/2/1980\t221213168\n\nThe officer noted 203814160 in the file.", ["221213168"]),
    ("Name | A# | Phone\nDoe | 221213168 | 555\n\nRoe | 203814160", ["221213168"]),
    ("Name;DOB;A#\nDoe;1/2/1980;221213168\n\nCase;Phone;Docket\n2024;555;203814160", ["221213168"]),
    ("NAME | DOB | A#\nDOE | 1/2/1980 | 221213168\n\nCase | Phone | Docket\n2024 | 555 | 203814160",
     ["221213168"]),
    ("#   NAME              DOB         ALIEN #\n1   Mahmoud, Bilal    05/07/94    226355178\n\n"
     "Officers  later wrote   203814160 down.", ["226355178"]),
]

USCIS_RECEIPT_CASES = [
    ("EAC-21-123-45678", ["EAC-21-123-45678"]),
    ("IOE 0912345678", ["IOE 0912345678"]),
    ("MSC2190123456", ["MSC2190123456"]),
    ("receipt eac2112345678 entered on the web form", ["eac2112345678"]),
    ("USCIS receipt number EAC 21 123 45678", ["EAC 21 123 45678"]),
    ("Receipt #: WAC-19-012-34567", ["WAC-19-012-34567"]),
    ("Receipt: LIN2012345678; SRC 21 901 23456", ["LIN2012345678", "SRC 21 901 23456"]),
    ("Notice of action, NBC*0012345678", ["NBC*0012345678"]),
    ("The case status for YSC1234567890 changed", ["YSC1234567890"]),
    ("I-797C receipt TSC2290012345", ["TSC2290012345"]),
    ("VSC2012345678", ["VSC2012345678"]),
    ("NSC1990123456 was denied", ["NSC1990123456"]),
    ("CSC 19 012 34567", ["CSC 19 012 34567"]),
    ("Asylum receipt ZLA1234567890", ["ZLA1234567890"]),
    ("ZNY 123 456 7890", ["ZNY 123 456 7890"]),
    ("I-130 (WAC2190123456) approved", ["WAC2190123456"]),
    ("EAC–21–123–45678", ["EAC–21–123–45678"]),
    ("Receipt Number: XYZ2112345678", ["XYZ2112345678"]),
    ("USCIS case number QQQ1234567890", ["QQQ1234567890"]),
    ("msc-21-901-23456", ["msc-21-901-23456"]),
    ("Two receipts: IOE0912345678 and IOE0912345679.", ["IOE0912345678", "IOE0912345679"]),
    # negatives
    ("Order number ABC1234567890", []),
    ("Invoice ABC2112345678", []),
    ("Account the 1234567890", []),
    ("EAC211234567", []),  # 9 digits
    ("EAC21123456789", []),  # 11 digits
    ("LIN 12345", []),
    ("Received 2112345678 dollars", []),
    ("Phone 212-555-1234", []),
    ("WAC", []),
    ("SKU XJZ9012345678", []),
]

I94_CASES = [
    ("I-94 Number: 12345678901", ["12345678901"]),
    ("I-94: 123456789A1", ["123456789A1"]),
    ("Admission number 12345678901", ["12345678901"]),
    ("I94#: 98765432101", ["98765432101"]),
    ("Arrival/Departure Record (I-94) number 12345678901", ["12345678901"]),
    ("CBP admission record 12345678901", ["12345678901"]),
    ("I-94 record no. 123456789 A1", ["123456789 A1"]),
    ("Form I-94 No. 123 456 789 01", ["123 456 789 01"]),
    ("I-94W 45678901234 issued at JFK", ["45678901234"]),
    ("i94 number 11122233344", ["11122233344"]),
    ("Arrival record: 55566677788", ["55566677788"]),
    ("departure record number 12345678901", ["12345678901"]),
    ("número de admisión 12345678901", ["12345678901"]),
    ("Admission #: 987654321B2", ["987654321B2"]),
    ("Her I-94 (admission no. 12345678901) shows B-2 status", ["12345678901"]),
    ("123456789A1", ["123456789A1"]),  # the paper form is distinctive on its own
    ("Admission numbers 12345678901, 12345678902", ["12345678901", "12345678902"]),
    ("I-94 admission record number: 693456789A5", ["693456789A5"]),
    ("The I-94 shows 12345678901.", ["12345678901"]),
    ("I 94 number 12345678901", ["12345678901"]),
    # negatives: eleven digits without a label
    ("Account 12345678901", []),
    ("Tracking 12345678901", []),
    ("His phone number is 12125551234", []),
    ("12345678901", []),
    ("I-94 was not found", []),
    ("Admission number 1234567890", []),  # ten digits
    ("I-94 123456789012", []),  # twelve digits
    ("I-94 requested; phone 12125551234", []),
    ("Report 12345678901 filed", []),
    ("Admitted on 03/14/2019 with I-94", []),
    ("Arrival 1400 hours", []),
]

SEVIS_CASES = [
    ("SEVIS ID: N0012345678", ["N0012345678"]),
    ("N0012345678", ["N0012345678"]),
    ("Student record N0098765432 terminated", ["N0098765432"]),
    ("sevis id n0012345678", ["n0012345678"]),
    ("SEVIS ID N 0012345678", ["N 0012345678"]),
    ("The I-20 lists SEVIS N001-234-5678", ["N001-234-5678"]),
    ("SEVIS #: 0012345678", ["0012345678"]),
    ("SEVIS number N0012345678.", ["N0012345678"]),
    ("DS-2019 (N0023456789)", ["N0023456789"]),
    ("I-20 SEVIS ID: N0034567890, school code NYC214F00123000", ["N0034567890"]),
    ("SEVIS N0012345678 and N0012345679", ["N0012345678", "N0012345679"]),
    ("SEVIS ID N-0012345678", ["N-0012345678"]),
    ("Her SEVIS number is 0012345678", ["0012345678"]),
    ("F-1 student, SEVIS: N0001112223", ["N0001112223"]),
    ("(N0012345678)", ["N0012345678"]),
    ("SEVIS ID:N0012345678", ["N0012345678"]),
    ("SEVIS record N0012345678 was active", ["N0012345678"]),
    ("J-1 DS-2019 SEVIS N0099887766", ["N0099887766"]),
    ("N 001 234 5678 (SEVIS)", ["N 001 234 5678"]),
    ("ID N0012345678 on the I-20", ["N0012345678"]),
    # negatives
    ("N001234567", []),  # nine digits
    ("N00123456789", []),  # eleven digits
    ("Call 5551234567", []),
    ("0012345678", []),
    ("UN0012345678", []),
    ("Route N12", []),
    ("North 1234567890", []),
    ("SEVIS record not found", []),
    ("SEVIS fee paid, phone 2125551234", []),
    ("Invoice N-12345", []),
    ("n 1234567890 units", []),
]

PASSPORT_CASES = [
    ("passport no. G12345678", ["G12345678"]),
    ("Passport #: 123456789", ["123456789"]),
    ("Mexican passport number G 1234 5678", ["G 1234 5678"]),
    ("pasaporte No. E1234567", ["E1234567"]),
    ("visa foil number 12345678", ["12345678"]),
    ("Visa number: 12345678", ["12345678"]),
    ("Passport No.: AB1234567", ["AB1234567"]),
    ("his Guatemalan passport (number 123456789)", ["123456789"]),
    ("passport issued by Mexico, number G12345678", ["G12345678"]),
    ("Passport number and expiration: G12345678, 2030", ["G12345678"]),
    ("PPT# 123456789", ["123456789"]),
    ("travel document number 12345678", ["12345678"]),
    ("B1/B2 visa foil no. Z1234567", ["Z1234567"]),
    ("visa control number 20191234567890", ["20191234567890"]),
    ("PASSPORT: G-1234-5678", ["G-1234-5678"]),
    ("Honduran passport E123456", ["E123456"]),
    ("Pasaporte: 123456789 (Guatemala)", ["123456789"]),
    ("passeport numéro 12AB34567", ["12AB34567"]),
    ("He presented a Salvadoran passport, no. A1234567, at the stop.", ["A1234567"]),
    ("Passport No.G12345678", ["G12345678"]),
    ("passport numbers G12345678 and G87654321", ["G12345678", "G87654321"]),
    ("Passport: 1234 5678", ["1234 5678"]),
    ("passport no. e1234567", ["e1234567"]),
    ("Ecuadorian passport #A1234567", ["A1234567"]),
    ("Passport Number\n123456789", ["123456789"]),
    ("Alien Registration Number A262-685-984\nPPT# 210146575", ["210146575"]),
    ("NAME\tNATIONALITY\tPASSPORT NO.\nDOE, JANE\tMexican\tG12345678\nROE, ANA\tHonduran\tE1234567", ["G12345678", "E1234567"]),
    # negatives
    ("passport photo attached", []),
    ("passport expired", []),
    ("passport expired on 03/14/2024", []),
    ("Passport expires 2030-01-01", []),
    ("passport expired 14MAR2020", []),
    ("G12345678", []),
    ("Order 123456789 shipped", []),
    ("The passport office phone is 555-1234", []),
    ("passport case 2024-12345", []),
    ("He showed his passport. Report 12345678 was filed.", []),
    ("Control number 20191234567890", []),
    ("passport and A-number: 123456789", []),
    ("U visa application 12345678 pending", []),
    ("passport was seized in 2019", []),
    # an A-shaped number after a passport label is a passport number (the nearer label wins)
    ("passport no. A09876543", ["A09876543"]),
    ("He showed Mexican passport number A12345678 at the desk.", ["A12345678"]),
    ("Detainee;Birth date;Nationality;Passport\nOrtega Ruiz, Damaris;1979-11-05;Honduras;F1234567", ["F1234567"]),
]


@pytest.mark.parametrize(("text", "expected"), A_NUMBER_CASES)
def test_a_number(engine, text, expected):
    assert spans(engine, text, "A_NUMBER") == expected


@pytest.mark.parametrize(("text", "expected"), TABLE_CASES)
def test_table_rows_across_blank_lines(text, expected):
    from workstation.detection.a_number_recognizer import ANumberRecognizer, table_cells

    assert [text[s:e] for s, e in table_cells(text, ANumberRecognizer.LABELS)] == expected


@pytest.mark.parametrize(("text", "expected"), TABLE_CASES)
def test_a_number_in_table_rows_across_blank_lines(engine, text, expected):
    assert spans(engine, text, "A_NUMBER") == expected


@pytest.mark.parametrize(("text", "expected"), USCIS_RECEIPT_CASES)
def test_uscis_receipt(engine, text, expected):
    assert spans(engine, text, "USCIS_RECEIPT_NUMBER") == expected


@pytest.mark.parametrize(("text", "expected"), I94_CASES)
def test_i94(engine, text, expected):
    assert spans(engine, text, "I94_NUMBER") == expected


@pytest.mark.parametrize(("text", "expected"), SEVIS_CASES)
def test_sevis(engine, text, expected):
    assert spans(engine, text, "SEVIS_ID") == expected


@pytest.mark.parametrize(("text", "expected"), PASSPORT_CASES)
def test_passport(engine, text, expected):
    assert spans(engine, text, "PASSPORT_NUMBER") == expected


def test_passport_a_number_overlap_goes_to_a_number(engine):
    text = "Passport and A-number: A123456789"
    assert spans(engine, text, "A_NUMBER") == ["A123456789"]
    assert spans(engine, text, "PASSPORT_NUMBER") == []


def test_ids_in_a_paragraph(engine):
    text = (
        "On 03/14/2024 officers stopped the driver, who produced Mexican passport G12345678 and an "
        "I-94 (admission no. 12345678901). USCIS records show A-Number 098-765-432 and receipt "
        "EAC2190123456; SEVIS ID N0012345678. Call 212-555-1234."
    )
    assert spans(engine, text, "PASSPORT_NUMBER") == ["G12345678"]
    assert spans(engine, text, "I94_NUMBER") == ["12345678901"]
    assert spans(engine, text, "A_NUMBER") == ["098-765-432"]
    assert spans(engine, text, "USCIS_RECEIPT_NUMBER") == ["EAC2190123456"]
    assert spans(engine, text, "SEVIS_ID") == ["N0012345678"]

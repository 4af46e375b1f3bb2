"""Dates of birth through the full engine: a date is a finding only when a birth label marks it.

Each case is (text, expected DATE_OF_BIRTH spans): the date alone, never the label; ``[]`` is a negative.
"""

from __future__ import annotations

import pytest

from tests.conftest import spans

pytestmark = pytest.mark.slow

POSITIVE = [
    ("DOB: 03/14/1989", ["03/14/1989"]),
    ("D.O.B. 3-14-89", ["3-14-89"]),
    ("Date of Birth: March 14, 1989", ["March 14, 1989"]),
    ("born on 14 March 1989", ["14 March 1989"]),
    ("born 1989-03-14", ["1989-03-14"]),
    ("fecha de nacimiento: 14/03/1989", ["14/03/1989"]),
    ("date of birth of 03/14/1989", ["03/14/1989"]),
    ("Subject (DOB 3/14/1989) was stopped.", ["3/14/1989"]),
    ("He was born in 1989.", ["1989"]),
    ("age 34 (DOB 01/02/1990)", ["01/02/1990"]),
    ("DOB:  3/14/1989", ["3/14/1989"]),
    ("DOB 3-14-1989 (age 35)", ["3-14-1989"]),
    ("D/O/B: 03/14/89", ["03/14/89"]),
    ("DOB/POB: 03/14/1989, Guatemala", ["03/14/1989"]),
    ("Birth Date: 1989-03-14", ["1989-03-14"]),
    ("Date of birth 14.03.1989", ["14.03.1989"]),
    ("date of birth: 14 de marzo de 1989", ["14 de marzo de 1989"]),
    ("Fecha de Nac.: 14 de marzo del 1989", ["14 de marzo del 1989"]),
    ("fecha de nac. 14/03/89", ["14/03/89"]),
    ("F.N.: 14/03/1989", ["14/03/1989"]),
    ("Born: 03/14/1989", ["03/14/1989"]),
    ("born on or about March 14, 1989", ["March 14, 1989"]),
    ("She was born March 14, 1989 in San Pedro Sula, Honduras.", ["March 14, 1989"]),
    ("born in Quito, Ecuador on March 14, 1989", ["March 14, 1989"]),
    ("born on the 14th of March, 1989 in Quito", ["14th of March, 1989"]),
    ("The juvenile (born 2008) was released to his mother.", ["2008"]),
    ("DOB: 03/14/1989 DOB: 04/15/1990", ["03/14/1989", "04/15/1990"]),
    ("DOB 03/14/1989 or 03/15/1989", ["03/14/1989", "03/15/1989"]),
    ("DOB: 031489", ["031489"]),
    ("DOB: 19890314", ["19890314"]),
    ("DOB 14MAR1989", ["14MAR1989"]),
    ("DOB: 14-Mar-89", ["14-Mar-89"]),
    ("DOB: 14 MAR 1989", ["14 MAR 1989"]),
    ("DOB: MAR 14 1989", ["MAR 14 1989"]),
    ("DOB: 03/14/'89", ["03/14/'89"]),
    ("DOB 03.14.1989", ["03.14.1989"]),
    ("DOB: March 1989", ["March 1989"]),
    ("DOB: March 14", ["March 14"]),
    ("birthday: March 14", ["March 14"]),
    ("Birthdate: 3/14/89", ["3/14/89"]),
    ("03/14/1989 (DOB)", ["03/14/1989"]),
    ("Date of Birth (MM/DD/YYYY): 03/14/1989", ["03/14/1989"]),
    ("Name: Juan Perez DOB: 03/14/1989 Date of arrest: 04/01/2024", ["03/14/1989"]),
    ("Age: 34   DOB: 03/14/1989   Sex: M", ["03/14/1989"]),
    ("DOB 03/14/1989; arrested 04/01/2024", ["03/14/1989"]),
    ("YOB 1989", ["1989"]),
    ("Year of birth: 1989", ["1989"]),
    ("b. 1989", ["1989"]),
    ("DOB: Mar. 14th, 1989", ["Mar. 14th, 1989"]),
    ("born March 14th 1989", ["March 14th 1989"]),
    ("Nació el 14/03/1989 en Guatemala", ["14/03/1989"]),
    ("nacida el 5 de julio de 1992", ["5 de julio de 1992"]),
    ("date of birth: July 5th, '92", ["July 5th, '92"]),
    ("Subject: Maria Lopez, D.O.B: 1/2/1990, POB: Ecuador", ["1/2/1990"]),
    ("birth date / age: 3/14/1989 / 35", ["3/14/1989"]),
    ("DATE OF BIRTH: 14/03/1989", ["14/03/1989"]),
    ("DOB: 1 Jan 1990", ["1 Jan 1990"]),
    ("DOB: Jan. 1, 1990", ["Jan. 1, 1990"]),
    ("DOB: 1990.01.01", ["1990.01.01"]),
    ("DOB\n03/14/1989", ["03/14/1989"]),
    ("Fecha de nacimiento: 3 de septiembre de 1985", ["3 de septiembre de 1985"]),
    ("fecha de nacimiento: 03-sep-1985", ["03-sep-1985"]),
    ("Data de nascimento: 12/05/1991", ["12/05/1991"]),
    ("the child was born on the 4th day of July, 2015", ["4th day of July, 2015"]),
    ("DOB: 3 / 14 / 1989", ["3 / 14 / 1989"]),
    ("requested records regarding ROSA GUTIERREZ MALDONADO, B/D: 25 July 1956", ["25 July 1956"]),
    # tables: the column header is the label
    (
        "NAME\tDOB\tNATIONALITY\n1\tAZIZ, BILAL\t12/25/1996\tMOROCCAN\n2\tAL-HARBI, ALI\t01/04/1980\tTunisia",
        ["12/25/1996", "01/04/1980"],
    ),
    (
        "Name | Relationship | DOB | Country of Birth\nNour Ibrahim | Daughter | 06/27/2015 | USA\n"
        "Ibrahim, Omar\tSon\t7/8/2001\tUSA",
        ["06/27/2015", "7/8/2001"],
    ),
    (
        "#  NAME                          D.O.B.      ADDRESS\n"
        "1  Guo, Chun Hua                 3/5/1989    54 WALTON AVENUE, APT 5A, BRONX NEW YORK 10456\n"
        "2  LI, JUN                       6/3/1959    946 SUTTER AVE., BROOKLYN, NY 11232",
        ["3/5/1989", "6/3/1959"],
    ),
    # semicolon / comma separated tables (CSV exports), ISO dates
    (
        "#;Name;DOB;Birth country;Status;A#\n1;Mensah, Abena;1987-02-14;Ghana;TPS;A201345678\n"
        "2;Rosario Quintero;03/22/1990;Peru;Parolee;204-556-781",
        ["1987-02-14", "03/22/1990"],
    ),
    (
        "Name,Date of Birth,Country,Status\nIkenna Obiora,1987-02-14,Nigeria,TPS\n\"Haddad, Rania\",1990-3-22,Syria,",
        ["1987-02-14", "1990-3-22"],
    ),
    ("Nombre;F. nac.;País\nYolanda Chuc;1979-11-05;Guatemala", ["1979-11-05"]),
    ("Birth Date,Name,Country\n1979-11-05,Yolanda Chuc,Guatemala", ["1979-11-05"]),
    # DOB after a name in a sentence; "born on" in capitals
    ("The incident involving Obiageli Nnaji, DOB 5/2/1988, was reported.", ["5/2/1988"]),
    ("THE SUBJECT WAS BORN ON 11/30/1972 IN KINGSTON.", ["11/30/1972"]),
]

NEGATIVE = [
    "On 03/14/2024 at 1400 hours officers responded.",
    "Date of incident: 03/14/2024",
    "Report date 11/02/2023",
    "He was born in Ecuador.",
    "born in Ecuador. On 03/14/2024 at 1400 hours he was arrested.",
    "born in Mexico and entered the US on 03/14/2005",
    "The report was filed on 11/02/2023 by Officer Smith.",
    "Incident occurred 03/14/2024 at 2300 hours.",
    "He was born in Mexico and moved to the US in 2005.",
    "born in Guatemala, lived in Mexico from 2005 to 2010",
    "The birth certificate was issued 03/14/2020",
    "He stated he was born in Honduras. On 04/02/2024 he was detained.",
    "Date: 03/14/2024",
    "DOB unknown. Arrest date: 03/14/2024.",
    "A newborn was found on 03/14/2024",
    "The first-born son 03/14/2024",
    "Arrested 03/14/2024, released 03/15/2024.",
    "Case 2024-03-14-001 was opened.",
    "DOB: 13/13/1989",
    "Phone 212-555-1234",
    "Court date set for March 14, 2025.",
    "Place of birth: Guatemala; entry date 03/14/2005",
    "A-number A123456789",
    "The 1989 Toyota was towed.",
    "Deported in 2015, he reentered in 2019.",
    "Case No. | Date | Officer\n2024-123456 | 03/14/2024 | Smith\n2024-123457 | 03/15/2024 | Jones",
    "NAME | DOB | ARREST DATE\nDOE, JANE | unknown | 03/14/2024",
    "DOB: unknown          Age: 37          Sex: F\nDate of Occurrence: 10/01/2026     Time: 2140    Pct: 115",
    "Name;Incident date;Report date\nMensah, Abena;2024-02-14;2024-02-15",
    "Name,Arrest Date,Charge,Precinct\nIkenna Obiora,1/2/2024,PL 155.25,115",
    "We met on 1/2/2024, then, on 2/3/2024, again; the DOB question came later.",
]


# Real-document forms: death reports and court narratives, records laid out one cell per line under a column
# header far above (a PDF table read column by column), rows where the person's sex is the cell before the date.
RECORD_POSITIVE = [
    ("Mr. Okafor (age 52, born 1971) died at the hospital.", ["1971"]),
    ("The respondent, who was born on or about June 9, 1966, in Sonora, appeals.", ["June 9, 1966"]),
    ("She was born in San Salvador, El Salvador, in 1983.", ["1983"]),
    ("DOB\n07/08/1975\nCountry of Citizenship\nJamaica", ["07/08/1975"]),
    (
        "DETAINEE NAME\nSEX\nDATE OF \nBIRTH\nCITIZENSHIP\nDATE OF \nDEATH\nFACILITY\n"
        "1\nOKAFOR, Chidi\nEmeka\n2/11/1971\nNIGERIA\n8/3/2016\nYork County Prison, PA\n"
        "2\nDUARTE, Ana\n11/30/1988\nBRAZIL 1/15/2016 Otero County Processing Center, NM",
        ["2/11/1971", "11/30/1988"],
    ),
    ("3\nMOREAU, Luc\nM\n5/6/1959\nHAITI\n2/2/2015", ["5/6/1959"]),
    ("HASSAN, Omar    M    12/1/1980    SOMALIA    3/9/2016", ["12/1/1980"]),
    ("Name\tSex\tDOB\tCitizenship\nBALDE, Sory\tM\t4/4/1990\tGUINEA\n\nTRAN, Mai\tF\t9/9/1979\tVIETNAM",
     ["4/4/1990", "9/9/1979"]),
]

RECORD_NEGATIVE = [
    # a date column that is not the birth date, with the sex cell before it
    "NAME | SEX | BOOKING DATE\nDOE, JOHN | M | 03/14/2024",
    "Name\tSex\tArrest date\nROE, ANN\tF\t1/2/2023",
    # dates of other events in a list below a birth-date header: only the first date of each record is years
    # before the next one
    "Date of birth\nDate of arrest\nDate of release\n3/4/2019\n5/6/2019\n7/8/2020\n1/2/2021",
    # a single space before the date: running text, not a cell
    "Room M 01/02/2020 was booked.",
    "Date of Death: August 2, 2017",
    "DATE OF DEATH\n5/31/2017\nHONDURAS",
]


@pytest.mark.parametrize(("text", "expected"), RECORD_POSITIVE)
def test_date_of_birth_in_records(engine, text, expected):
    assert spans(engine, text, "DATE_OF_BIRTH") == expected


@pytest.mark.parametrize("text", RECORD_NEGATIVE)
def test_other_record_dates_are_not_dates_of_birth(engine, text):
    assert spans(engine, text, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_date_of_birth_found(engine, text, expected):
    assert spans(engine, text, "DATE_OF_BIRTH") == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_other_dates_are_not_dates_of_birth(engine, text):
    assert spans(engine, text, "DATE_OF_BIRTH") == []


def test_date_of_birth_in_a_narrative(engine):
    text = (
        "On 03/14/2024 at 1400 hours I stopped a vehicle. The driver, Jose Ramirez (DOB 07/22/1985), "
        "stated he was born in Guatemala. Report date 03/15/2024."
    )
    assert spans(engine, text, "DATE_OF_BIRTH") == ["07/22/1985"]

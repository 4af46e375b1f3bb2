"""NATIONALITY through the full engine: the span is the country/demonym word(s) or a form field's value."""

from __future__ import annotations

import pytest

from tests.conftest import spans

ENTITY = "NATIONALITY"

POSITIVES = [
    # demonym describing a person
    ("He is a Honduran national.", ["Honduran"]),
    ("A Chinese man was seen leaving the store.", ["Chinese"]),
    ("The Salvadoran woman declined to give a statement.", ["Salvadoran"]),
    ("Three Guatemalan workers were injured at the site.", ["Guatemalan"]),
    ("The Honduran victim was transported to the hospital.", ["Honduran"]),
    ("The Mexican-born suspect fled on foot.", ["Mexican"]),
    ("Officers found his Guatemalan passport in the glove box.", ["Guatemalan"]),
    ("He is Dominican.", ["Dominican"]),
    ("Mr. Lopez, who is Mexican, was interviewed.", ["Mexican"]),
    ("He is of Honduran nationality.", ["Honduran"]),
    ("He is of Mexican descent.", ["Mexican"]),
    ("The 17-year-old Salvadoran boy was detained.", ["Salvadoran"]),
    ("Two Hondurans were detained.", ["Hondurans"]),
    ("The suspect, a Cuban, was arrested.", ["Cuban"]),
    ("A Honduran man and a Guatemalan woman were stopped.", ["Honduran", "Guatemalan"]),
    ("She is a Puerto Rican woman.", ["Puerto Rican"]),
    ("She is Taiwanese.", ["Taiwanese"]),
    ("Ukrainian refugees were resettled in the county.", ["Ukrainian"]),
    ("The detainee, a Haitian national, requested an interpreter.", ["Haitian"]),
    ("The K'iche'-speaking Guatemalan teen was detained.", ["Guatemalan"]),
    ("She is El Salvadoran.", ["El Salvadoran"]),
    ("He holds a Mexican passport and a Guatemalan consular ID.", ["Mexican", "Guatemalan"]),
    ("He is a Spanish national.", ["Spanish"]),
    ("SUSPECT IS A HONDURAN NATIONAL WHO FLED THE SCENE.", ["HONDURAN"]),
    # country with origin / citizenship context
    ("She is a citizen of Guatemala.", ["Guatemala"]),
    ("Respondent is a native and citizen of Mexico.", ["Mexico"]),
    ("He was born in Ecuador in 1990.", ["Ecuador"]),
    ("She was born in San Pedro Sula, Honduras.", ["San Pedro Sula, Honduras"]),  # the city is the birthplace
    ("He is a native of Haiti.", ["Haiti"]),
    ("He is originally from Senegal.", ["Senegal"]),
    ("He came here from Bangladesh in 2010.", ["Bangladesh"]),
    ("The victim is from El Salvador.", ["El Salvador"]),
    ("She emigrated from Peru in 2001.", ["Peru"]),
    ("They fled Venezuela in 2018.", ["Venezuela"]),
    ("He was deported to Honduras in 2015.", ["Honduras"]),
    ("He was removed to Guatemala.", ["Guatemala"]),
    ("She is from the Dominican Republic.", ["Dominican Republic"]),
    ("He is a citizen of Côte d'Ivoire.", ["Côte d'Ivoire"]),
    ("He is from Ivory Coast.", ["Ivory Coast"]),
    ("He was born in Burkina Faso.", ["Burkina Faso"]),
    ("She grew up in Sri Lanka.", ["Sri Lanka"]),
    ("He was born in Kosovo.", ["Kosovo"]),
    ("He's from Mexico.", ["Mexico"]),
    ("He is a dual citizen of Mexico and Guatemala.", ["Mexico", "Guatemala"]),
    ("The program covers nationals of Venezuela, Cuba, Haiti and Nicaragua.",
     ["Venezuela", "Cuba", "Haiti", "Nicaragua"]),
    ("He said he would be killed if sent back to El Salvador.", ["El Salvador"]),
    ("He was born in the Soviet Union.", ["Soviet Union"]),
    ("He is a citizen of the Republic of Guatemala.", ["Guatemala"]),
    ("He was born in mexico.", ["mexico"]),
    ("He is a lawful permanent resident and a citizen of the Philippines.", ["Philippines"]),
    ("He was born in Tbilisi, Georgia.", ["Tbilisi, Georgia"]),
    ("She has lived in New York since leaving Ecuador.", ["Ecuador"]),
    ("The suspect is described as a Hispanic male, possibly Mexican.", ["Mexican"]),
    ("Petitioner, a native and citizen of Guatemala, seeks review of the decision.", ["Guatemala"]),
    # Spanish / French
    ("La víctima es hondureña.", ["hondureña"]),
    ("Es mexicano.", ["mexicano"]),
    ("Il est haïtien.", ["haïtien"]),
    ("Un hombre guatemalteco fue detenido.", ["guatemalteco"]),
    ("Nació en Guatemala.", ["Guatemala"]),
    # form fields: the value to the end of the line (or the next label)
    ("Country of Birth: Honduras", ["Honduras"]),
    ("Citizenship: Mexico", ["Mexico"]),
    ("NATIONALITY: MEXICAN", ["MEXICAN"]),
    ("Nationality: Ecuadorian", ["Ecuadorian"]),
    ("Place of Birth: Port-au-Prince, Haiti", ["Port-au-Prince, Haiti"]),
    ("Country of Origin: Burkina Faso\nDOB: 01/02/1990", ["Burkina Faso"]),
    ("Name: Juan Perez  Nationality: Mexican  Sex: M", ["Mexican"]),
    ("COUNTRY OF CITIZENSHIP: GUATEMALA", ["GUATEMALA"]),
    ("Pais de origen: Honduras", ["Honduras"]),
    ("Nacionalidad: mexicana", ["mexicana"]),
    # dev13's first run: a language-demonym counted in a list of nationals
    ("The flight returned 40 Filipinos, 2 Japanese, and 1 Thai national.", ["Filipinos", "Japanese", "Thai"]),
]

NEGATIVES = [
    "The menu lists 3 Italian and 4 Mexican dishes.",
    "We celebrated Chinese New Year at the community center.",
    "I use a French press every morning.",
    "He ordered French fries.",
    "The Dominican Day Parade is in August.",
    "We ate at a Mexican restaurant on Main Street.",
    "The Indian Ocean is large.",
    "He is Spanish-speaking.",
    "He speaks Spanish.",
    "The interview was conducted in Spanish with a Spanish interpreter.",
    "The report was translated into French.",
    "She moved to New Mexico last year.",
    "The child has a Guinea pig.",
    "He lives on Jordan Avenue.",
    "The store is in Atlanta, Georgia.",
    "He ate a Turkey sandwich.",
    "The embassy of Mexico issued a statement.",
    "Trade with China increased last quarter.",
    "Mexico won the game.",
    "He bought china plates and a turkey.",
    "The Mexican government responded to the request.",
    "She is an African American female.",
    "He got a text from Jordan.",
    "Chad said he was fine.",
    "He flew American Airlines to Miami.",
    "CALL US TODAY",
    "Her name is India.",
    "The tanker sank in the Gulf of Mexico.",
    "Marital Status: single",
    "Nationality: Unknown",
    "He received a package from China.",
    "The Americans with Disabilities Act applies.",
    "He ordered from China Wok on Georgia Avenue.",
    "The officer returned to the scene.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_nationality_found(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_nationality_not_found(engine, text):
    assert spans(engine, text, ENTITY) == []


def test_upper_case_us_pronoun_is_not_a_country(engine):
    assert spans(engine, "PLEASE CALL US IF HE RETURNS FROM WORK", ENTITY) == []


# --- table columns, labels, bracketed demonyms, family abroad (general layouts, not one corpus's) -----------------

COLUMN_POSITIVES = [
    # fixed-width roster with an upper-case header, values in capitals, "U.S." as a country of citizenship
    ("No.   Surname, Given Name        D.O.B.        Nationality     Gender\n"
     "1     ALVAREZ, JOSE              03/04/1988    GUATEMALAN      M\n"
     "2     OKONKWO, CHIDI             11/12/1979    NIGERIA         M\n"
     "3     SMITH, JOHN                01/01/1970    U.S.            M\n",
     ["GUATEMALAN", "NIGERIA", "U.S."]),
    # tab-separated, "Citizenship" column, a demonym not followed by a person noun
    ("Name\tAge\tCitizenship\tLanguage\nMaria Ortiz\t34\tEcuador\tSpanish\nKwame Mensah\t41\tGhanaian\tTwi\n",
     ["Ecuador", "Ghanaian"]),
    # markdown-style pipe table with a rule line, "COB" header, a null value
    ("| Last Name | First Name | COB | A-Number |\n|-----------|------------|-----|----------|\n"
     "| Haddad | Rami | Syria | A212345678 |\n| Nguyen | Thi | Viet Nam | A098765432 |\n| Perez | Luis | N/A | none |\n",
     ["Syria", "Viet Nam"]),
    # "Place of Birth" column: a city abroad and a U.S. birthplace both reveal citizenship
    ("Occupant | Relationship | Place of Birth\nRosa Flores | Mother | Tegucigalpa, Honduras\n"
     "Kevin Flores | Son | Bronx, NY\n",
     ["Tegucigalpa, Honduras", "Bronx, NY"]),
    ("Nombre | Parentesco | País de origen\nLuis Soto | Hijo | Hong Konger\nAna Soto | Madre | USA\n",
     ["Hong Konger", "USA"]),
    ("Name | DOB | Country of Origin | Status\nLi Wei | 1/2/1990 | People's Republic of China | TPS\n",
     ["People's Republic of China"]),
]

LABEL_POSITIVES = [
    ("Country: Mali    Primary Language: Bambara", ["Mali"]),
    ("Nat.: Syrian", ["Syrian"]),
    ("Nationality/Citizenship: Venezuelan", ["Venezuelan"]),
    ("COB: Ecuador     POB: Guayaquil", ["Ecuador", "Guayaquil"]),
    ("Country of Citizenship: USA", ["USA"]),
    ("Ciudadanía: Colombia", ["Colombia"]),
    ("País de nacimiento: Perú", ["Perú"]),
    ("Country of birth - Honduras", ["Honduras"]),
    ("Nationality – Salvadoran", ["Salvadoran"]),
]

PROSE_POSITIVES = [
    ("The complainant, Luis Ortega (Venezuelan), stated that the suspect took his wallet.", ["Venezuelan"]),
    ("Yan ZHOU (Chinese) was interviewed at the precinct.", ["Chinese"]),
    ("She told officers her husband and two children still live in Guatemala.", ["Guatemala"]),
    ("He sends money every month to his mother in Honduras.", ["Honduras"]),
    ("His family remains in India.", ["India"]),
    ("Her kids are living with their grandmother in El Salvador.", ["El Salvador"]),
    ("He said he would rather die than return to Honduras.", ["Honduras"]),
    ("She is afraid to return to Eritrea.", ["Eritrea"]),
    ("He was born in Manchester, the United Kingdom.", ["Manchester, the United Kingdom"]),
    ("The guy from the bodega, he's Yemeni I think.", ["Yemeni"]),
]

LAYOUT_NEGATIVES = [
    "Mailing address: 12 Oak St\nCity: Newark    State: NJ    Zip: 07102\nCountry: USA",
    "Case # | Officer | Status | Date\n123 | Smith | Closed | 01/01/2024\n124 | Jones | Open | 01/02/2024",
    "Name | Nationality | Notes\nJuan Ruiz | Unknown | none\nAna Diaz | Refused | none",
    "Interpreter: Maria Lopez (Spanish) was present.",
    "Detective Ramos (Brooklyn North) took the report.",
    "Witness was buying Jamaican beef patties across the street.",
    "He is a big fan of the Brazil national team.",
    "The victim had just returned from a vacation in Mexico City.",
    "The meeting was held in Spanish and English.",
]


@pytest.mark.parametrize(("text", "expected"), COLUMN_POSITIVES + LABEL_POSITIVES + PROSE_POSITIVES)
def test_nationality_layouts_found(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", LAYOUT_NEGATIVES)
def test_nationality_layouts_not_found(engine, text):
    assert spans(engine, text, ENTITY) == []


# --- a demonym inside a parenthetical list, a date between "born" and "in", language fields, people tables ------

PAREN_BORN_POSITIVES = [
    # the demonym is one item of a comma-separated parenthetical after a name
    ("My client Tomas Oliveira (Portuguese, expired visa) was stopped on Friday.", ["Portuguese"]),
    ("The witness Nadia Karimi (29, Afghan) saw the car.", ["Afghan"]),
    ("Kwame Asante (male, 41, Ghanaian, LPR) was interviewed.", ["Ghanaian"]),
    ("Suspect Lucia FERREIRA (Bolivian; no ID) fled.", ["Bolivian"]),
    # a date between "born" and "in": the country, and the city before it
    ("She was born on 11/02/1987 in Quetzaltenango, Guatemala.", ["Quetzaltenango, Guatemala"]),
    ("He was born April 9, 1993 in Senegal and came here in 2015.", ["Senegal"]),
    ("The victim was born on 5 March 1980 in Chittagong, Bangladesh.", ["Chittagong, Bangladesh"]),
    ("Respondent was born 1976 in Nepal.", ["Nepal"]),
    # place-of-birth values: "City, Country"
    ("POB: Cap-Haïtien, Haiti", ["Cap-Haïtien, Haiti"]),
    ("Place of birth: Medellín, Colombia", ["Medellín, Colombia"]),
    # a language field does not hide a nationality field on the same line
    ("Primary language: Tigrinya    Nationality: Eritrean", ["Eritrean"]),
    ("Nationality: French", ["French"]),
]

PEOPLE_TABLE_POSITIVES = [
    # space-aligned table about people: "Country" values; "USA" is a nationality, not part of a status span
    ("Member            Relation    DOB           Country     Papers\n"
     "Samir Nasser      Father      03/15/1971    Syria       Refugee\n"
     "Leila Nasser      Daughter    08/20/2013    USA         Citizen\n",
     ["Syria", "USA"]),
    ("Resident        Age    Country          Docs\nOlga Petrenko   38     Ukraine          TPS\n"
     "Ivan Petrenko   9      USA              Citizen\n",
     ["Ukraine", "USA"]),
]

LANGUAGE_AND_TABLE_NEGATIVES = [
    "Language: Wolof / French",
    "Languages spoken: Haitian Creole, English",
    "Primary language: Spanish\nSecondary language: Portuguese",
    "Preferred language - Arabic",
    "Interpreter Ana Ruiz (Spanish, certified) was present.",
    "Lt. Moran (Queens South, 105 Pct) took the report.",
    # a table about goods: "Country" is where they come from
    "Item          Qty    Country     Status\nLaptop        2      China       Shipped\nPhone         1      USA         Lost\n",
]


@pytest.mark.parametrize(("text", "expected"), PAREN_BORN_POSITIVES + PEOPLE_TABLE_POSITIVES)
def test_nationality_parenthetical_born_and_tables(engine, text, expected):
    assert spans(engine, text, ENTITY) == expected


@pytest.mark.parametrize("text", LANGUAGE_AND_TABLE_NEGATIVES)
def test_nationality_not_in_language_fields_or_goods_tables(engine, text):
    assert spans(engine, text, ENTITY) == []

"""Vocabulary pools for the synthetic corpus: names, countries, streets, status phrasings, distractors.

The pools are deliberately broad and are not derived from the recognizers' word lists; an independent
evaluation set (other names, streets, phrasings) judges the recognizers, so tuning against this corpus alone
would be a mistake.
"""

from __future__ import annotations

# --- people -------------------------------------------------------------------------------------------------
# community -> (male given names, female given names, surnames, typical countries of origin)
COMMUNITIES: dict[str, dict[str, list[str]]] = {
    "latam": {
        "m": ["José", "Luis", "Carlos", "Juan Carlos", "Miguel Ángel", "Jorge", "Wilmer", "Edwin", "Byron",
              "Brayan", "Jhonny", "Santos", "Efraín", "Óscar", "Rigoberto", "Francisco", "Héctor", "Darwin",
              "Alexander", "Fredy", "Eliseo", "Maynor", "Segundo", "Wilson", "Ramiro", "Nelson", "Javier",
              "Cristian", "Yordy", "Anderson", "Jesús", "Rafael", "Elvis", "Marvin"],
        "f": ["María", "Ana Lucía", "Rosa", "Gladys", "Yesenia", "Karla", "Marisol", "Esperanza", "Dania",
              "Leticia", "Guadalupe", "Daysi", "Sandra", "Milagros", "Yolanda", "Xiomara", "Wendy",
              "Luz Marina", "Maribel", "Reina", "Blanca", "Norma", "Yessica", "Carmen", "Lourdes", "Dayana",
              "Fabiola", "Zoila", "Mercedes", "Ingrid"],
        "s": ["García", "López", "Hernández", "Martínez", "Ramírez", "Pérez", "Cruz", "Flores", "Morales",
              "Reyes", "Gutiérrez", "Castillo", "Orellana", "Chávez", "Velásquez", "Pineda", "Alvarado",
              "Quispe", "Mejía", "Zelaya", "Lema", "Guamán", "Tzul", "Ajú", "Santos", "Batista", "Rosario",
              "Vásquez", "Domínguez", "Ortiz", "Mendoza", "Escobar", "Cabrera", "Fuentes", "Aguilar",
              "Bonilla", "Paredes", "Villatoro", "Sarmiento", "Peralta", "Nolasco", "Tenesaca", "Caal",
              "Portillo", "Argueta", "Funes", "Marroquín", "Polanco", "Almonte", "Taveras", "Jiménez"],
        "second": ["de la Cruz", "de León", "del Carmen", "de Jesús", "López", "Hernández", "Ramos",
                   "Cardona", "Chacón", "Guevara", "Sánchez", "Rivas", "Maldonado", "Colindres"],
        "countries": ["MX", "GT", "HN", "SV", "EC", "CO", "DO", "VE", "PE", "NI", "BO", "CU"],
    },
    "west_africa": {
        "m": ["Mamadou", "Ibrahima", "Ousmane", "Abdoulaye", "Kwame", "Kofi", "Chinedu", "Oluwaseun", "Moussa",
              "Amadou", "Sekou", "Babacar", "Yaw", "Emeka", "Tunde", "Lamine", "Alpha", "Boubacar", "Issa"],
        "f": ["Aminata", "Fatoumata", "Mariama", "Aissatou", "Abena", "Ama", "Ngozi", "Adaeze", "Oumou",
              "Kadiatou", "Awa", "Folake", "Adwoa", "Binta", "Hawa", "Ramatoulaye"],
        "s": ["Diallo", "Bah", "Barry", "Sow", "Camara", "Touré", "Traoré", "Keita", "Konaté", "Ndiaye", "Diop",
              "Fall", "Mensah", "Owusu", "Boateng", "Asante", "Okafor", "Adeyemi", "Okonkwo", "Balogun",
              "Coulibaly", "Sylla", "Jallow", "Kamara", "Sesay", "Cissé", "Doumbia", "Agyeman"],
        "countries": ["SN", "GN", "ML", "GH", "NG", "MR", "CI", "BF", "GM", "SL", "TG"],
    },
    "chinese": {
        "m": ["Wei", "Jian", "Xiaoming", "Hao", "Jun", "Lei", "Yong", "Zhiwei", "Ming", "Guo Qiang", "Jianhua",
              "Kai", "Bo"],
        "f": ["Mei", "Li Na", "Xiu Ying", "Yan", "Hui", "Jing", "Fang", "Ling", "Chun Hua", "Jia Hui",
              "Xiaoli", "Qing"],
        "s": ["Zhang", "Wang", "Li", "Liu", "Chen", "Lin", "Huang", "Zhou", "Wu", "Zheng", "Xu", "Guo", "Dong",
              "Cao", "Zeng", "Jiang", "Deng", "Yang", "Chan", "Wong", "Ng", "Lam", "Cheung", "Weng"],
        "countries": ["CN", "CN", "CN", "HK", "TW"],
    },
    "south_asia": {
        "m": ["Rajesh", "Sanjay", "Amit", "Mohammed", "Abdul", "Rafiq", "Imran", "Gurpreet", "Harjit", "Bikash",
              "Arjun", "Faisal", "Shahid", "Anwar", "Rakib", "Sumon", "Mohammad Rafiqul", "Tenzin", "Dinesh"],
        "f": ["Priya", "Sunita", "Farhana", "Nusrat", "Sabina", "Ayesha", "Rukhsana", "Kamala", "Anjali",
              "Shirin", "Tahmina", "Pooja", "Mehwish", "Jasleen", "Sharmin"],
        "s": ["Patel", "Shah", "Sharma", "Singh", "Kaur", "Gupta", "Rahman", "Hossain", "Uddin", "Akter",
              "Begum", "Chowdhury", "Islam", "Khan", "Malik", "Qureshi", "Butt", "Gurung", "Tamang",
              "Shrestha", "Thapa", "Perera", "Miah", "Sheikh"],
        "countries": ["IN", "BD", "PK", "NP", "LK", "BD", "IN"],
    },
    "haitian": {
        "m": ["Jean", "Wesner", "Fritznel", "Jean Rony", "Wilner", "Jacquelin", "Evens", "Ricardo", "Stanley",
              "Jonas", "Dieuseul", "Jean-Claude", "Frantz", "Kervens"],
        "f": ["Marie", "Marie-Claude", "Guerline", "Nadège", "Roseline", "Mirlande", "Fabienne", "Widline",
              "Rose-Marie", "Youseline", "Magalie", "Rachelle", "Nathalie"],
        "s": ["Pierre", "Joseph", "Jean-Louis", "Louis", "Charles", "Dorval", "Étienne", "Baptiste", "Desir",
              "Saint-Fleur", "Augustin", "Jean-Pierre", "Toussaint", "Fils-Aimé", "Alexis", "Cadet", "Noel",
              "Dorsainvil", "Jean-Baptiste", "Pierre-Louis", "Metellus"],
        "countries": ["HT"],
    },
    "slavic": {
        "m": ["Dmitri", "Andriy", "Oleksandr", "Sergei", "Mykola", "Piotr", "Tomasz", "Vladimir", "Bohdan",
              "Yuriy", "Aleksandr", "Rustam", "Timur", "Pavlo", "Grzegorz"],
        "f": ["Oksana", "Olena", "Natalia", "Katarzyna", "Iryna", "Svetlana", "Yulia", "Anastasia", "Agnieszka",
              "Tetiana", "Dilnoza", "Halyna", "Zhanna"],
        "s": ["Kovalenko", "Shevchenko", "Bondarenko", "Volkov", "Nowak", "Kowalski", "Wiśniewski", "Petrov",
              "Melnyk", "Tkachenko", "Sokolov", "Zielinski", "Karimov", "Yusupov", "Morozov", "Lysenko",
              "Kravchuk", "Abdullaev", "Rudenko", "Kaminski", "Hrytsenko"],
        "countries": ["UA", "UA", "RU", "PL", "BY", "UZ", "MD", "KZ"],
    },
    "arabic": {
        "m": ["Ahmed", "Mohamed", "Youssef", "Omar", "Khaled", "Hassan", "Ali", "Mahmoud", "Tariq", "Samir",
              "Nabil", "Abdulrahman", "Karim", "Mustafa", "Bilal"],
        "f": ["Fatima", "Mariam", "Aisha", "Nour", "Layla", "Hana", "Salma", "Amira", "Rania", "Yasmin", "Samira"],
        "s": ["Hassan", "Al-Sayed", "El-Amin", "Khalil", "Abdallah", "Mansour", "Haddad", "Saleh", "Ibrahim",
              "Nasser", "Al-Harbi", "Ben Ali", "El Idrissi", "Mahmoud", "Farouk", "Qasim", "Darwish",
              "Al-Shami", "Othman", "Aziz"],
        "countries": ["EG", "YE", "MA", "SY", "LB", "JO", "DZ", "SD", "IQ", "TN", "AF", "YE"],
    },
    "anglo": {
        "m": ["Michael", "Kevin", "Brian", "Daniel", "Patrick", "Thomas", "James", "Robert", "Christopher",
              "Sean", "Anthony", "Joseph", "Andre", "Marcus", "Derrick", "Matthew", "Steven", "Gregory"],
        "f": ["Sarah", "Jennifer", "Kathleen", "Megan", "Nicole", "Lisa", "Christine", "Erin", "Danielle",
              "Tanisha", "Keisha", "Samantha", "Allison", "Denise", "Colleen"],
        "s": ["O'Brien", "Murphy", "Kelly", "Walsh", "Mitchell", "Johnson", "Williams", "Brown", "Campbell",
              "Thompson", "McCarthy", "Sullivan", "Russo", "DeLuca", "Goldberg", "Cohen", "Fitzgerald",
              "Bennett", "Grant", "Reilly", "Ferguson", "Persaud", "Ramsaroop", "Greene", "Esposito"],
        "countries": ["JM", "GY", "TT", "IE", "GB"],
    },
}

# People whose community is mostly first-generation immigrants in these documents.
SUBJECT_WEIGHTS = {"latam": 9, "west_africa": 3, "chinese": 3, "south_asia": 3, "haitian": 2, "slavic": 2,
                   "arabic": 2, "anglo": 1}
# Officials: officers, attorneys, case workers.
OFFICIAL_WEIGHTS = {"anglo": 8, "latam": 4, "chinese": 2, "south_asia": 1, "haitian": 1, "slavic": 1,
                    "arabic": 1, "west_africa": 1}

# --- countries ---------------------------------------------------------------------------------------------
# code -> (country names, demonyms, a city)
COUNTRIES: dict[str, tuple[list[str], list[str], str]] = {
    "MX": (["Mexico"], ["Mexican"], "Puebla"),
    "GT": (["Guatemala"], ["Guatemalan"], "Huehuetenango"),
    "HN": (["Honduras"], ["Honduran"], "San Pedro Sula"),
    "SV": (["El Salvador"], ["Salvadoran", "Salvadorean"], "San Miguel"),
    "EC": (["Ecuador"], ["Ecuadorian", "Ecuadorean"], "Cuenca"),
    "CO": (["Colombia"], ["Colombian"], "Medellín"),
    "DO": (["the Dominican Republic", "Dominican Republic"], ["Dominican"], "Santiago de los Caballeros"),
    "VE": (["Venezuela"], ["Venezuelan"], "Maracaibo"),
    "PE": (["Peru"], ["Peruvian"], "Lima"),
    "NI": (["Nicaragua"], ["Nicaraguan"], "Managua"),
    "BO": (["Bolivia"], ["Bolivian"], "Cochabamba"),
    "CU": (["Cuba"], ["Cuban"], "Holguín"),
    "SN": (["Senegal"], ["Senegalese"], "Touba"),
    "GN": (["Guinea"], ["Guinean"], "Conakry"),
    "ML": (["Mali"], ["Malian"], "Bamako"),
    "GH": (["Ghana"], ["Ghanaian"], "Kumasi"),
    "NG": (["Nigeria"], ["Nigerian"], "Lagos"),
    "MR": (["Mauritania"], ["Mauritanian"], "Nouakchott"),
    "CI": (["Côte d'Ivoire", "Ivory Coast"], ["Ivorian"], "Abidjan"),
    "BF": (["Burkina Faso"], ["Burkinabe"], "Ouagadougou"),
    "GM": (["The Gambia", "Gambia"], ["Gambian"], "Serrekunda"),
    "SL": (["Sierra Leone"], ["Sierra Leonean"], "Freetown"),
    "TG": (["Togo"], ["Togolese"], "Lomé"),
    "CN": (["China", "the People's Republic of China"], ["Chinese"], "Fuzhou"),
    "HK": (["Hong Kong"], ["Hong Konger"], "Kowloon"),
    "TW": (["Taiwan"], ["Taiwanese"], "Taichung"),
    "IN": (["India"], ["Indian"], "Jalandhar"),
    "BD": (["Bangladesh"], ["Bangladeshi"], "Sylhet"),
    "PK": (["Pakistan"], ["Pakistani"], "Lahore"),
    "NP": (["Nepal"], ["Nepali", "Nepalese"], "Pokhara"),
    "LK": (["Sri Lanka"], ["Sri Lankan"], "Colombo"),
    "HT": (["Haiti"], ["Haitian"], "Port-au-Prince"),
    "UA": (["Ukraine"], ["Ukrainian"], "Kharkiv"),
    "RU": (["Russia", "the Russian Federation"], ["Russian"], "Krasnodar"),
    "PL": (["Poland"], ["Polish"], "Rzeszów"),
    "BY": (["Belarus"], ["Belarusian"], "Minsk"),
    "UZ": (["Uzbekistan"], ["Uzbek"], "Samarkand"),
    "MD": (["Moldova"], ["Moldovan"], "Chișinău"),
    "KZ": (["Kazakhstan"], ["Kazakh"], "Almaty"),
    "EG": (["Egypt"], ["Egyptian"], "Alexandria"),
    "YE": (["Yemen"], ["Yemeni"], "Ibb"),
    "MA": (["Morocco"], ["Moroccan"], "Casablanca"),
    "SY": (["Syria"], ["Syrian"], "Aleppo"),
    "LB": (["Lebanon"], ["Lebanese"], "Tripoli"),
    "JO": (["Jordan"], ["Jordanian"], "Irbid"),
    "DZ": (["Algeria"], ["Algerian"], "Oran"),
    "SD": (["Sudan"], ["Sudanese"], "Khartoum"),
    "IQ": (["Iraq"], ["Iraqi"], "Mosul"),
    "TN": (["Tunisia"], ["Tunisian"], "Sfax"),
    "AF": (["Afghanistan"], ["Afghan"], "Herat"),
    "JM": (["Jamaica"], ["Jamaican"], "Kingston"),
    "GY": (["Guyana"], ["Guyanese"], "Georgetown"),
    "TT": (["Trinidad and Tobago", "Trinidad"], ["Trinidadian"], "San Fernando"),
    "IE": (["Ireland"], ["Irish"], "Galway"),
    "GB": (["the United Kingdom"], ["British"], "Manchester"),
}

# Country-of-birth style phrases (template -> use "country" or "demonym"); the {nat} slot is the gold span.
NATIONALITY_SENTENCES: list[tuple[str, str]] = [
    ("{Name} is a native and citizen of {nat}.", "country"),
    ("{Name} stated that {he} was born in {nat} and came to New York in {year}.", "country"),
    ("{Name}, a {nat} national, was present at the location.", "demonym"),
    ("{He} is a citizen of {nat}.", "country"),
    ("{Name} told officers that {he} is from {nat}.", "country"),
    ("{Name} is described as a {nat} {man} in {his} thirties.", "demonym"),
    ("{He} holds a {nat} passport.", "demonym"),
    ("{Name} was born in {city}, {nat}.", "country"),
    ("{Name} identified {himself} as {nat}.", "demonym"),
    ("{He} arrived from {nat} approximately {n} months ago.", "country"),
    ("{Name} reports that {he} is {nat} and speaks limited English.", "demonym"),
    ("Subject is a {nat} citizen residing in Queens.", "demonym"),
    ("{Name} fled {nat} in {year} after threats from a gang.", "country"),
    ("{His} family remains in {nat}.", "country"),
    ("According to the consular card presented, {name} is a national of {nat}.", "country"),
    ("{Name} ({nat}) was interviewed with the assistance of an interpreter.", "demonym"),
]

NATIONALITY_LABELS = ["Country of Birth:", "Nationality:", "Citizenship:", "Country of Origin:",
                      "Place of Birth:", "Country of Citizenship:", "POB:", "Nat.:"]

# --- immigration status --------------------------------------------------------------------------------------
# (sentence template, status phrase choices); {status} is the gold span.
STATUS_SENTENCES: list[tuple[str, list[str]]] = [
    ("{Name} stated that {he} {status} near {border} in {year}.",
     ["entered without inspection", "entered the United States without inspection",
      "crossed the border without inspection", "entered the U.S. illegally"]),
    ("Per ICE records, {name} was {status} on {date}.",
     ["ordered removed in absentia", "ordered removed by an immigration judge", "issued a Notice to Appear",
      "released on an order of supervision", "paroled into the United States", "granted asylum",
      "placed in removal proceedings", "deported"]),
    ("ICE {status} for {name} on {date}.",
     ["lodged an immigration detainer", "lodged an I-247A detainer", "lodged a detainer",
      "issued an administrative warrant"]),
    ("{Name} is a {status}.",
     ["DACA recipient", "TPS holder", "lawful permanent resident", "green card holder", "U visa holder",
      "T visa holder", "asylum seeker", "refugee", "conditional permanent resident", "parolee",
      "recently arrived asylum seeker", "Dreamer", "asylum applicant"]),
    ("{He} told the undersigned that {he} is {status}.",
     ["undocumented", "out of status", "in removal proceedings", "without legal status",
      "here illegally", "an undocumented immigrant", "on humanitarian parole"]),
    ("{He} has {status}.",
     ["a pending asylum application", "Temporary Protected Status", "a final order of removal",
      "a pending U visa petition", "DACA", "no lawful immigration status", "a pending I-589 asylum application",
      "a pending T visa application", "a pending SIJS petition", "an expired work permit"]),
    ("{Name} {status} and has remained in the country since.",
     ["overstayed a B-2 tourist visa", "overstayed {his} visa", "overstayed a student visa",
      "was admitted on a visitor visa"]),
    ("C/V did not want to call police earlier because {he} is {status}.",
     ["undocumented", "afraid of deportation", "in immigration proceedings", "out of status"]),
    ("{Name} was previously {status} to {country} in {year}.", ["deported", "removed"]),
    ("Attorney advised that {name} {status}.",
     ["is applying for a U visa", "is seeking U visa certification", "has a pending VAWA self-petition",
      "received a work permit through TPS", "has a hearing at immigration court next month",
      "was granted withholding of removal"]),
    ("{Name} stated {he} is a {status} and works in construction.",
     ["TPS beneficiary", "DACA recipient", "green card holder", "naturalized citizen", "H-2B worker"]),
    ("A check revealed that {name} is {status}.",
     ["subject to a final order of removal", "the subject of an ICE detainer", "an LPR",
      "a lawful permanent resident", "an asylee", "a naturalized U.S. citizen"]),
]

# Short values for form fields / table cells.
STATUS_SHORT = ["Undocumented", "EWI", "Asylum pending", "Asylum seeker", "TPS", "DACA", "LPR",
                "Parolee", "Final order of removal", "U visa applicant", "Refugee", "H-2A worker",
                "B1/B2 overstay", "SIJS pending", "Humanitarian parole", "Green card holder",
                "Pending removal proceedings", "Out of status", "Asylee", "U-visa pending",
                "ICE detainer lodged", "Removable alien", "No status", "T visa holder", "Student (F-1)"]

STATUS_LABELS = ["Immigration Status:", "Status in US:", "Immigration status (self-reported):",
                 "Legal Status:", "Imm. Status:", "Current status:"]

BORDER_PLACES = ["El Paso", "Eagle Pass", "the Rio Grande", "Tijuana", "Yuma", "Del Rio", "Laredo",
                 "Nogales", "the southern border", "McAllen"]

# --- addresses -----------------------------------------------------------------------------------------------
# borough -> (city names, neighbourhoods with ZIPs, streets, house-number style)
BOROUGHS: dict[str, dict] = {
    "Queens": {
        "cities": ["Queens", "Jackson Heights", "Corona", "Elmhurst", "Flushing", "Woodside", "Jamaica",
                   "Astoria", "Ridgewood", "East Elmhurst", "Richmond Hill", "Far Rockaway", "Sunnyside",
                   "Ozone Park", "Woodhaven", "Queens Village", "Kew Gardens"],
        "zips": ["11372", "11368", "11373", "11354", "11355", "11377", "11432", "11435", "11102", "11103",
                 "11106", "11385", "11369", "11418", "11691", "11104", "11416", "11421", "11429", "11415"],
        "streets": ["37th Avenue", "Roosevelt Avenue", "Junction Boulevard", "Northern Boulevard", "Corona Avenue",
                    "Kissena Boulevard", "Main Street", "Hillside Avenue", "Jamaica Avenue", "Liberty Avenue",
                    "Broadway", "Woodside Avenue", "Queens Boulevard", "Elmhurst Avenue", "Justice Avenue",
                    "Gleane Street", "Ithaca Street", "Britton Avenue", "82nd Street", "104th Street",
                    "Sanford Avenue", "Parsons Boulevard", "Sutphin Boulevard", "Steinway Street",
                    "31st Avenue", "Myrtle Avenue", "Beach 20th Street", "Mott Avenue", "Cypress Avenue",
                    "Forest Avenue", "Polk Avenue", "Case Street", "Whitney Avenue", "41st Avenue",
                    "Astoria Boulevard", "Atlantic Avenue", "Lefferts Boulevard", "Farmers Boulevard"],
        "hyphen": True,
    },
    "Brooklyn": {
        "cities": ["Brooklyn"],
        "zips": ["11220", "11232", "11237", "11221", "11226", "11203", "11213", "11225", "11214", "11235",
                 "11209", "11211", "11219", "11218", "11236", "11207", "11208", "11229", "11230", "11224"],
        "streets": ["8th Avenue", "5th Avenue", "Flatbush Avenue", "Nostrand Avenue", "Church Avenue",
                    "Knickerbocker Avenue", "Wyckoff Avenue", "Brighton Beach Avenue", "Coney Island Avenue",
                    "86th Street", "Utica Avenue", "Eastern Parkway", "Rogers Avenue", "Ocean Avenue",
                    "Fulton Street", "Pennsylvania Avenue", "Linden Boulevard", "Bedford Avenue",
                    "Kings Highway", "Avenue U", "Bay Parkway", "Ditmas Avenue", "East 21st Street",
                    "Caton Avenue", "Atlantic Avenue", "Bushwick Avenue", "Graham Avenue", "53rd Street",
                    "Cortelyou Road", "Newkirk Avenue", "Sutter Avenue", "Avenue J"],
        "hyphen": False,
    },
    "Bronx": {
        "cities": ["Bronx"],
        "zips": ["10458", "10454", "10451", "10452", "10457", "10453", "10462", "10473", "10463", "10474",
                 "10467", "10468", "10461", "10456", "10466", "10460", "10472"],
        "streets": ["Grand Concourse", "Southern Boulevard", "East 187th Street", "Westchester Avenue",
                    "Jerome Avenue", "University Avenue", "Webster Avenue", "Morris Avenue", "East Tremont Avenue",
                    "Fordham Road", "Ogden Avenue", "Sedgwick Avenue", "White Plains Road", "Boston Road",
                    "St. Ann's Avenue", "Castle Hill Avenue", "Bainbridge Avenue", "Creston Avenue",
                    "Walton Avenue", "East 149th Street", "Brook Avenue", "Davidson Avenue", "Gun Hill Road",
                    "Soundview Avenue", "Prospect Avenue", "Valentine Avenue"],
        "hyphen": False,
    },
    "Manhattan": {
        "cities": ["New York"],
        "zips": ["10032", "10033", "10040", "10034", "10029", "10035", "10026", "10027", "10002", "10013",
                 "10019", "10036", "10031", "10039"],
        "streets": ["West 181st Street", "Amsterdam Avenue", "St. Nicholas Avenue", "Broadway", "Dyckman Street",
                    "East 116th Street", "Lexington Avenue", "Eldridge Street", "East Broadway", "Henry Street",
                    "Mott Street", "Division Street", "Madison Street", "Audubon Avenue", "Wadsworth Avenue",
                    "Pleasant Avenue", "West 145th Street", "Ninth Avenue", "Frederick Douglass Boulevard",
                    "Sherman Avenue", "Post Avenue", "First Avenue", "Allen Street", "Catherine Street"],
        "hyphen": False,
    },
    "Staten Island": {
        "cities": ["Staten Island"],
        "zips": ["10302", "10304", "10303", "10301", "10310", "10314", "10306"],
        "streets": ["Port Richmond Avenue", "Targee Street", "Bay Street", "Castleton Avenue", "Richmond Terrace",
                    "Forest Avenue", "Victory Boulevard", "Jewett Avenue", "Van Duzer Street", "Broadway",
                    "Morningstar Road", "Richmond Road", "Heberton Avenue", "Canal Street"],
        "hyphen": False,
    },
}

NON_NYC = [
    ("Main Street", "Paterson", "NJ", "New Jersey", "07505"),
    ("Bergenline Avenue", "Union City", "NJ", "New Jersey", "07087"),
    ("Elizabeth Avenue", "Elizabeth", "NJ", "New Jersey", "07206"),
    ("Ferry Street", "Newark", "NJ", "New Jersey", "07105"),
    ("Nepperhan Avenue", "Yonkers", "NY", "New York", "10701"),
    ("Fulton Avenue", "Hempstead", "NY", "New York", "11550"),
    ("Suffolk Avenue", "Brentwood", "NY", "New York", "11717"),
    ("Main Street", "New Rochelle", "NY", "New York", "10801"),
    ("International Boulevard", "Oakland", "CA", "California", "94606"),
    ("West Flagler Street", "Miami", "FL", "Florida", "33135"),
    ("Bissonnet Street", "Houston", "TX", "Texas", "77074"),
    ("West 26th Street", "Chicago", "IL", "Illinois", "60623"),
    ("Columbia Road NW", "Washington", "DC", "District of Columbia", "20009"),
    ("Blue Hill Avenue", "Boston", "MA", "Massachusetts", "02121"),
    ("South Broad Street", "Trenton", "NJ", "New Jersey", "08611"),
    ("Central Avenue", "Albany", "NY", "New York", "12206"),
    ("Park Street", "Hartford", "CT", "Connecticut", "06106"),
    ("Lake Worth Road", "Lake Worth", "FL", "Florida", "33461"),
    ("East Colfax Avenue", "Aurora", "CO", "Colorado", "80010"),
    ("Buford Highway", "Doraville", "GA", "Georgia", "30340"),
]

UNITS = ["Apt {n}{l}", "Apt. {n}{l}", "#{n}{l}", "Apt {n}", "Unit {n}", "Fl {n}", "{ord} Floor", "Basement",
         "Apt. {l}{n}", "Room {n}", "Ste {n}"]

SUFFIX_ABBR = {"Avenue": ["Ave", "Ave.", "Av"], "Street": ["St", "St."], "Boulevard": ["Blvd", "Blvd."],
               "Road": ["Rd", "Rd."], "Parkway": ["Pkwy"], "Terrace": ["Ter"], "Highway": ["Hwy"]}
DIRECTION_ABBR = {"East": ["E.", "E"], "West": ["W.", "W"]}

# Streets used in negatives (named without a house number).
CROSS_STREETS = ["Roosevelt Avenue and 82nd Street", "Junction Blvd and 37th Ave", "the corner of Flatbush and Church",
                 "Fordham Road near the Grand Concourse", "8th Avenue and 52nd Street", "Main Street, Flushing",
                 "Jamaica Avenue", "the Broadway-Lafayette station", "Westchester Ave/Southern Blvd",
                 "the intersection of Knickerbocker Ave and Myrtle Ave", "Dyckman Street and Broadway",
                 "the 74th Street-Broadway station", "Port Richmond Avenue", "East Tremont Ave and Boston Rd",
                 "Kissena Blvd", "Brighton Beach Avenue under the el"]

AGENCY_ADDRESSES = [
    "One Police Plaza, Room 110C, New York, NY 10038",
    "26 Federal Plaza, New York, NY 10278",
    "201 Varick Street, New York, NY 10014",
    "80-02 Kew Gardens Road, Kew Gardens, NY 11415",
    "350 Jay Street, Brooklyn, NY 11201",
    "198 East 161st Street, Bronx, NY 10451",
    "125-01 Queens Boulevard, Kew Gardens, NY 11415",
    "4 World Trade Center, 150 Greenwich Street, New York, NY 10007",
]

# --- officials, agencies -----------------------------------------------------------------------------------
OFFICER_TITLES = ["P.O.", "PO", "Police Officer", "Det.", "Detective", "Sgt.", "Sergeant", "Lt.", "Capt.",
                  "Det. Spec.", "DET", "SGT", "PO3"]
OTHER_TITLES = ["Deportation Officer", "SDDO", "Special Agent", "ADA", "Case Manager", "Ms.", "Mr.", "Dr.",
                "Investigator", "Supervisor"]

PRECINCTS = [(110, "Queens"), (115, "Queens"), (109, "Queens"), (103, "Queens"), (114, "Queens"),
             (104, "Queens"), (102, "Queens"), (72, "Brooklyn"), (83, "Brooklyn"), (67, "Brooklyn"),
             (70, "Brooklyn"), (60, "Brooklyn"), (75, "Brooklyn"), (46, "Bronx"), (52, "Bronx"), (44, "Bronx"),
             (40, "Bronx"), (43, "Bronx"), (34, "Manhattan"), (33, "Manhattan"), (23, "Manhattan"),
             (5, "Manhattan"), (7, "Manhattan"), (120, "Staten Island"), (121, "Staten Island")]

OFFENSES = ["ASSAULT 3 & RELATED OFFENSES", "ROBBERY", "GRAND LARCENY", "PETIT LARCENY", "HARASSMENT 2",
            "CRIMINAL MISCHIEF", "MENACING", "BURGLARY", "AGGRAVATED HARASSMENT", "THEFT OF SERVICES",
            "LABOR TRAFFICKING", "WAGE THEFT (REFERRAL)", "FELONY ASSAULT", "CRIMINAL CONTEMPT"]

PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com",
                    "yahoo.com.mx", "protonmail.com"]
AGENCY_DOMAINS = {
    "nypd": "nypd.org", "ice": "ice.dhs.gov", "dhs": "dhs.gov", "uscis": "uscis.dhs.gov",
    "dhs_nyc": "dhs.nyc.gov", "hra": "hra.nyc.gov", "law": "law.nyc.gov", "qda": "queensda.org",
    "bkda": "brooklynda.org", "legalaid": "legal-aid.org", "bds": "bds.org", "nylag": "nylag.org",
    "safe": "safehorizon.org", "mocj": "cityhall.nyc.gov", "cbp": "cbp.dhs.gov",
}
AGENCY_NAMES = {
    "nypd": "NYPD", "ice": "ICE Enforcement and Removal Operations", "dhs": "DHS", "uscis": "USCIS",
    "dhs_nyc": "NYC Department of Homeless Services", "hra": "Human Resources Administration",
    "law": "NYC Law Department", "qda": "Queens County District Attorney's Office",
    "bkda": "Kings County District Attorney's Office", "legalaid": "The Legal Aid Society",
    "bds": "Brooklyn Defender Services", "nylag": "New York Legal Assistance Group", "safe": "Safe Horizon",
    "mocj": "Mayor's Office of Criminal Justice", "cbp": "U.S. Customs and Border Protection",
}

LANGUAGES = ["Spanish", "Mandarin", "Cantonese", "Fuzhounese", "Bengali", "Punjabi", "Urdu", "Haitian Creole",
             "French", "Wolof", "Fulani", "Arabic", "Russian", "Ukrainian", "Polish", "K'iche'", "Mam",
             "Nepali", "Twi", "English"]

# --- negatives / distractors (no gold span) -----------------------------------------------------------------
DISTRACTOR_SENTENCES = [
    "The incident occurred during the Chinese New Year celebration on Main Street.",
    "Officers were assigned to the Dominican Day Parade detail on Sixth Avenue.",
    "The case status is pending further investigation.",
    "C/V paid with a Visa debit card at the bodega.",
    "A Visa gift card and a MetroCard were removed from the wallet.",
    "Suspect was last seen entering a Mexican restaurant on the block.",
    "The complainant works at a Polish deli in Greenpoint.",
    "The group was leaving the West Indian Day Parade on Eastern Parkway.",
    "Witness was buying Jamaican beef patties across the street.",
    "Suspect fled toward Jamaica Hospital on foot.",
    "The Puerto Rican Day Parade route was closed to traffic.",
    "Case Status: OPEN - ACTIVE.",
    "Marital status: single.",
    "Employment status: unemployed at this time.",
    "The suspect removed property from the vehicle and fled.",
    "Perpetrator was detained by store security until officers arrived.",
    "The store manager reviewed Indian grocery receipts with the undersigned.",
    "Video was canvassed at the Korean church and the Thai restaurant nearby.",
    "The victim's status as a witness was explained to her.",
    "The Ecuadorian bakery on the corner had no working cameras.",
    "Complainant stated she was on her way to a quinceañera at a Mexican restaurant in Corona.",
    "C/V was given a domestic incident report and referred to Safe Horizon.",
    "The perpetrator was wearing a black North Face jacket and Turkish-style hat.",
    "Status of property: returned to owner.",
    "The American flag outside the building was torn down.",
    "Subject was transported to the precinct for processing without incident.",
    "An interpreter was obtained through the Language Line.",
    "The French doors at the rear of the apartment were forced open.",
    "Officers responded to a radio run of a dispute at the Chinese takeout.",
    "A flyer for a Haitian Flag Day concert was found in the car.",
]


def strip_accents(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

# ----- Vehicles and social media (VEHICLE_PLATE / SOCIAL_MEDIA_HANDLE gold; drawn from a separate random stream)
VEHICLE_COLORS = ["gray", "black", "white", "silver", "dark blue", "red", "maroon", "green"]
VEHICLE_MAKES = ["Honda Accord", "Toyota Camry", "Nissan Altima", "Ford Explorer", "Jeep Cherokee", "Honda CR-V",
                 "Chevrolet Malibu", "BMW 328i", "Dodge Caravan", "Hyundai Elantra", "Toyota Sienna"]
# (label before the plate, plate format): "L" a capital letter, "9" a digit; the plate alone is the gold span.
PLATE_CONTEXTS: list[tuple[str, str]] = [
    ("bearing NY plate ", "LLL-9999"), ("New York plate ", "LLL9999"), ("NY registration ", "LLL9999"),
    ("New Jersey tag ", "L99-LLL"), ("NJ plates ", "L99LLL"), ("plate number ", "LLL 9999"),
    ("license plate ", "LLL-9999"), ("registration plate # ", "T999999C"), ("Pennsylvania plate ", "LLL-9999"),
    ("Connecticut registration ", "LL 99999"), ("temporary tag ", "T999999"), ("Plate #: ", "LLL-9999"),
]
# Sentences naming a handle: {u} is the user name (the gold span), written after an "@" or bare.
HANDLE_SENTENCES = [
    "{He} goes by @{u} on Instagram.",
    "{He} posts on TikTok as @{u}.",
    "{His} Instagram is @{u}.",
    "{His} Snapchat username is {u}.",
    "{His} IG handle is @{u}.",
    "I know {him} from Facebook, {his} account is @{u}.",
    "{He} sent me messages on Telegram from @{u}.",
    "{His} TikTok user name is {u}.",
]
HANDLE_FIELDS = ["Instagram: @{u}", "Instagram: {u}", "Social media: @{u} (IG)", "TikTok: @{u}", "Snapchat: {u}",
                 "Facebook: {u}"]

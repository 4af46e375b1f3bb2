"""The police documents: complaint reports, witness statements, DD5 follow-up reports."""

from __future__ import annotations

import datetime as dt
import random

# the workstation's own category names (the gold spans use exactly these)
from workstation.domain.categories import (
    A_NUMBER,
    ADDRESS,
    DATE_OF_BIRTH,
    EMAIL_ADDRESS,
    I94_NUMBER,
    IMMIGRATION_STATUS,
    NATIONALITY,
    PASSPORT_NUMBER,
    PERSON,
    PHONE_NUMBER,
    SEVIS_ID,
    US_SSN,
    USCIS_RECEIPT_NUMBER,
)
from workstation.training import pools as P
from workstation.training.builder import (
    Ent,
    _Builder,
)
from workstation.training.identifiers import (
    _digits,
    incident_time,
    make_address,
    random_recent,
    render_date,
    render_passport,
)
from workstation.training.people import (
    Person,
    _slots,
    distractor,
    dob_phrase,
    handle_field,
    handle_sentence,
    id_phrase,
    make_person,
    nationality_sentence,
    negative_numbers,
    officer_title,
    plate_phrase,
    report_number,
    section,
    status_sentence,
    status_short,
)


def _person_block(b: _Builder, rng: random.Random, p: Person, role: str, fields: list[str]) -> None:
    for fld in fields:
        if fld == "name":
            style = rng.choice(["formal", "upper_formal", "full"])
            labels = [f"{role} Name: ", "Name: ", f"{role}: "] + (["Last, First: "] if "formal" in style else [])
            b.t(rng.choice(labels)).e(p.name(rng, style), PERSON)
        elif fld == "sex":
            b.t(f"Sex: {p.gender.upper()}   Age: {2024 - p.dob.year}")
        elif fld == "dob":
            b.t(rng.choice(["DOB: ", "Date of Birth: ", "D.O.B.: "])).e(render_date(rng, p.dob), DATE_OF_BIRTH)
        elif fld == "address":
            b.t(rng.choice(["Home Address: ", "Address: ", "Residence: ", "Addr: "]))
            b.e(p.address.render(rng, rng.choice(["full", "full", "upper", "nozip"])), ADDRESS)
        elif fld == "phone":
            id_phrase(b, rng, p, PHONE_NUMBER)
        elif fld == "email":
            id_phrase(b, rng, p, EMAIL_ADDRESS)
        elif fld == "cob":
            b.t(rng.choice(P.NATIONALITY_LABELS) + " ")
            nat = p.country.bare_name(rng) if rng.random() < 0.6 else p.country.demonym(rng)
            b.e(nat.upper() if rng.random() < 0.3 else nat, NATIONALITY)
        elif fld == "status":
            b.t(rng.choice(P.STATUS_LABELS) + " ").e(status_short(rng), IMMIGRATION_STATUS)
        elif fld == "lang":
            b.t(f"Language: {rng.choice(P.LANGUAGES)}   Interpreter: {rng.choice(['Y', 'N', 'Language Line'])}")
        elif fld == "a_number":
            id_phrase(b, rng, p, A_NUMBER)
        elif fld == "ssn":
            id_phrase(b, rng, p, US_SSN)
        elif fld == "passport":
            id_phrase(b, rng, p, PASSPORT_NUMBER)
        b.nl()


def _narrative(b: _Builder, rng: random.Random, people: list[Person], n: int, incident_date: dt.date,
               location: str | Ent) -> None:
    v = people[0]
    opener = rng.choice([
        "At T/P/O, C/V states that {name} approached {him} and demanded money.",
        "On {date} at {time}, officers responded to a call at {loc}.",
        "C/V {name} states that at the above time and place an unknown male punched {him} in the face.",
        "Complainant {name} reports that {his} employer has refused to pay {him} for six weeks of work.",
        "On {date}, at {time}, C/V reports that {his} ex-partner threatened {him} outside {loc}.",
        "Officers were flagged down at {loc} regarding a dispute between neighbors.",
    ])
    slots = _slots(v, rng)
    slots.update(date=render_date(rng, incident_date), time=incident_time(rng), loc=location)
    b.f(opener, **slots)
    for _ in range(n):
        b.t(" ")
        r = rng.random()
        p = rng.choice(people)
        if r < 0.22:
            nationality_sentence(b, rng, p)
        elif r < 0.44:
            status_sentence(b, rng, p)
        elif r < 0.56:
            distractor(b, rng)
        elif r < 0.64:
            b.f(rng.choice(["{short} resides at {addr}.", "{He} lives at {addr} with {his} children.",
                            "{short} was located at {addr}.", "{His} last known address is {addr}."]),
                **{**_slots(p, rng), "addr": Ent(p.address.render(rng, rng.choice(["full", "nocity", "nozip"])), ADDRESS)})
        elif r < 0.72:
            b.f(rng.choice(["{short} can be reached at {ph}.", "{His} cell phone number is {ph}.",
                            "Contact number provided: {ph}.", "{He} called 911 from {ph}."]),
                **{**_slots(p, rng), "ph": Ent(p.phone, PHONE_NUMBER)})
        elif r < 0.8:
            b.t(rng.choice(["A check of ", "A search of "])).e(p.name(rng, "full"), PERSON).t("'s wallet revealed a ")
            kind = rng.choice([PASSPORT_NUMBER, A_NUMBER, USCIS_RECEIPT_NUMBER, I94_NUMBER])
            b.t({PASSPORT_NUMBER: "passport, ", A_NUMBER: "work permit listing ", USCIS_RECEIPT_NUMBER: "USCIS notice, ",
                 I94_NUMBER: "printout of an I-94, "}[kind])
            id_phrase(b, rng, p, kind)
            b.t(".")
        elif r < 0.88:
            b.f(rng.choice(["Suspect fled toward {x}.", "Canvass conducted at {x} with negative results.",
                            "Camera footage from {x} was requested."]), x=rng.choice(P.CROSS_STREETS))
        else:
            b.f(rng.choice(["{Name}, age {age}, was treated by EMS at the scene.",
                            "{Name} refused medical attention.",
                            "{Name} was advised of {his} rights and stated {he} understood.",
                            "{Name} identified the perpetrator from a photo array."]),
                **{**_slots(p, rng), "age": str(2024 - p.dob.year)})


def complaint_report(b: _Builder, rng: random.Random) -> str:
    pct, borough = rng.choice(P.PRECINCTS)
    year = rng.randint(2019, 2025)
    inc = random_recent(rng, year)
    b.t(rng.choice(["NEW YORK CITY POLICE DEPARTMENT\n", "POLICE DEPARTMENT - CITY OF NEW YORK\n", "NYPD\n"]))
    b.t(rng.choice(["COMPLAINT REPORT", "OMNIFORM SYSTEM - COMPLAINTS", "INCIDENT / COMPLAINT REPORT"]))
    b.t(f"          Complaint No.: {report_number(rng, year, pct)}\n")
    b.t(f"Pct: {pct:03d}   Report Date: {render_date(rng, inc + dt.timedelta(days=rng.randint(0, 3)), 'numeric')}   "
        f"Occurrence: {render_date(rng, inc, 'numeric')} {incident_time(rng)}\n")
    b.t(f"Offense: {rng.choice(P.OFFENSES)}    PD Code: {rng.randint(100, 999)}    Class: {rng.choice(['F', 'M', 'V'])}\n")
    b.t("Location of Occurrence: ")
    victim = make_person(rng)
    loc: str | Ent
    if rng.random() < 0.5:
        loc = Ent(make_address(rng, 1.0).render(rng, rng.choice(["nocity", "full"])), ADDRESS)
        b.t(rng.choice(["in front of ", "inside of ", "", "rear of "])).add(loc)
    else:
        loc = rng.choice(P.CROSS_STREETS)
        b.t(loc)
    b.t(f"   Premises: {rng.choice(['STREET', 'RESIDENCE - APT. HOUSE', 'COMMERCIAL BUILDING', 'SUBWAY', 'BODEGA'])}\n")
    negative_numbers(b, rng, year, pct)
    b.nl()
    section(b, "Victim", rng)
    fields = ["name", "sex", "dob", "address", "phone"]
    fields += [f for f in ["cob", "lang", "email", "ssn"] if rng.random() < 0.4]
    _person_block(b, rng, victim, "Victim", fields)
    people = [victim]
    if rng.random() < 0.7:
        suspect = make_person(rng)
        people.append(suspect)
        section(b, rng.choice(["Suspect", "Perpetrator", "Subject"]), rng)
        _person_block(b, rng, suspect, "Suspect", ["name", "sex", "dob"] + [f for f in ["address", "cob", "status", "a_number"]
                                                                            if rng.random() < 0.35])
    else:
        section(b, "Suspect", rng)
        b.t(f"Unknown {rng.choice(['male', 'female'])}, approx. {rng.randint(18, 50)} yrs, "
            f"{rng.choice(['5ft 8in', '5ft 5in', '6ft'])}, {rng.choice(['black jacket', 'gray hoodie', 'blue jeans'])}\n")
    section(b, "Narrative", rng)
    _narrative(b, rng, people, rng.randint(3, 8), inc, loc)
    b.nl()
    officer = make_person(rng, official=True)
    sgt = make_person(rng, official=True)
    b.t(f"\nReporting Officer: {officer_title(rng)} ").e(officer.name(rng, rng.choice(["full", "upper", "formal"])), PERSON)
    b.t(f"   Shield #{rng.randint(1000, 31999)}   Tax #{rng.randint(900000, 979999)}   Command: {pct:03d} PCT\n")
    b.t(rng.choice(["Supervisor Approving: SGT ", "Reviewed by: Sgt. ", "Approved: Lt. "])).e(
        sgt.name(rng, rng.choice(["full", "upper"])), PERSON).nl()
    b.t(f"Case Status: {rng.choice(['OPEN', 'CLOSED - ARREST', 'CLOSED - UNFOUNDED', 'PENDING'])}\n")
    return rng.choice(["flow", "two_column"])


def witness_statement(b: _Builder, rng: random.Random) -> str:
    w = make_person(rng)
    other = make_person(rng, gender="m")
    year = rng.randint(2019, 2025)
    inc = random_recent(rng, year)
    pct, _ = rng.choice(P.PRECINCTS)
    b.t(rng.choice(["STATEMENT OF WITNESS\n", "WITNESS STATEMENT\n", "SWORN STATEMENT\n", "Written Statement\n"]))
    b.t(f"Complaint No.: {report_number(rng, year, pct)}\n\n")
    b.t("I, ").e(w.name(rng, rng.choice(["full", "middle", "upper"])), PERSON).t(", ")
    if rng.random() < 0.6:
        b.t(rng.choice(["residing at ", "who lives at ", "of "])).e(w.address.render(rng, rng.choice(["full", "nozip"])), ADDRESS).t(", ")
    if rng.random() < 0.5:
        b.t("date of birth ").e(render_date(rng, w.dob), DATE_OF_BIRTH).t(", ")
    b.t("state the following:\n\n")
    b.t(f"On {render_date(rng, inc)} at about {incident_time(rng)} I was ")
    b.t(rng.choice(["walking home from work", "waiting for the Q58 bus", "working at the car wash", "inside my apartment",
                    "selling food on the corner", "coming out of the laundromat"]))
    b.t(" near ")
    if rng.random() < 0.5:
        b.e(make_address(rng, 1.0).render(rng, "nocity"), ADDRESS)
    else:
        b.t(rng.choice(P.CROSS_STREETS))
    b.t(". I saw a man I know as ").e(other.first if rng.random() < 0.5 else other.full(), PERSON)
    b.t(rng.choice([" arguing with the store owner.", " hit my cousin with a bottle.", " take a phone from a woman.",
                    " break the window of the car."]))
    b.t(" ")
    sents = [
        lambda: (b.t("I was born in "), b.e(w.country.bare_name(rng), NATIONALITY),
                 # a person's entry is immigration history (benchmarks/real/README.md, dev2 decisions)
                 b.t(" and I "), b.e("came to the United States", IMMIGRATION_STATUS),
                 b.t(f" in {rng.randint(2000, 2023)}.")),
        lambda: (b.t("I am "), b.e(w.country.demonym(rng), NATIONALITY), b.t(" and I speak a little English.")),
        lambda: (b.t("I am from "), b.e(w.country.bare_name(rng), NATIONALITY), b.t(".")),
        lambda: (b.t("I did not want to talk to the police because I "),
                 b.e(rng.choice(["don't have papers", "am undocumented", "have no papers", "do not have legal status",
                                 "have a deportation order"]), IMMIGRATION_STATUS), b.t(".")),
        lambda: (b.t("I have "), b.e(rng.choice(["TPS", "a work permit from my asylum case", "DACA", "a green card",
                                                 "a pending asylum case", "a U visa"]), IMMIGRATION_STATUS),
                 b.t(" and I am not afraid to testify.")),
        lambda: (b.t("I entered the country "), b.e(rng.choice(["without papers", "without inspection", "through the desert",
                                                                "on a tourist visa that expired"]), IMMIGRATION_STATUS),
                 b.t(f" in {rng.randint(2001, 2023)}.")),
        lambda: (b.t("My phone number is "), b.e(w.phone, PHONE_NUMBER), b.t(".")),
        lambda: (b.t("My email is "), b.e(w.email, EMAIL_ADDRESS), b.t(".")),
        lambda: (b.t("The man's brother "), b.e(make_person(rng, community=other.community).full(), PERSON),
                 b.t(" lives at "), b.e(other.address.render(rng, "nocity"), ADDRESS), b.t(".")),
        lambda: (b.t("I think he is "), b.e(other.country.demonym(rng), NATIONALITY),
                 b.t(" because he talks like people from there.")),
        lambda: distractor(b, rng),
        lambda: (b.t("We were coming back from the Dominican Day Parade and everybody was on the street."),),
        lambda: (b.t("I paid for the food with my Visa card and then I heard screaming."),),
        lambda: (b.t("My immigration lawyer is "), b.e(make_person(rng, community="anglo").full(), PERSON), b.t(" and my A-number is "),
                 b.e(rng.choice([f"A{w.a_number}", w.a_number, f"A-{w.a_number[:3]}-{w.a_number[3:6]}-{w.a_number[6:]}"]), A_NUMBER),
                 b.t(".")),
        lambda: (b.t("I showed the officer my "), b.e(w.country.demonym(rng), NATIONALITY), b.t(" passport, number "),
                 b.e(render_passport(rng, w.country.code), PASSPORT_NUMBER), b.t(".")),
    ]
    for i in rng.sample(range(len(sents)), rng.randint(4, 8)):
        sents[i]()
        b.t(" ")
    # added later, from the side stream (the main stream's draws stay as they were)
    side = b.side
    if side.random() < 0.3:
        b.t("He drove away in ")
        plate_phrase(b, side)
        b.t(". ")
    if side.random() < 0.4:
        handle_sentence(b, side, other)
        b.t(" ")
    b.t("\n\nI have read this statement and it is true to the best of my knowledge. ")
    b.t(rng.choice(["This statement was translated to me in ", "Statement taken in "]) + rng.choice(P.LANGUAGES) + ".\n\n")
    b.t("Signature: ____________________   Date: " + render_date(rng, inc + dt.timedelta(days=rng.randint(0, 5)), "numeric") + "\n")
    off = make_person(rng, official=True)
    b.t(f"Statement taken by: {officer_title(rng)} ").e(off.full(), PERSON).t(f", Shield #{rng.randint(1000, 31999)}, {pct} Pct\n")
    return "flow"


def followup_dd5(b: _Builder, rng: random.Random) -> str:
    year = rng.randint(2019, 2025)
    pct, borough = rng.choice(P.PRECINCTS)
    subj = make_person(rng)
    wit = make_person(rng)
    det = make_person(rng, official=True)
    lt = make_person(rng, official=True)
    rep = random_recent(rng, year)
    b.t(rng.choice(["COMPLAINT FOLLOW-UP INFORMAL", "COMPLAINT FOLLOW-UP (DD5)", "DD-5 COMPLAINT FOLLOW UP"]) + "\n")
    b.t(f"Case No.: {rng.randint(1, 2999)}   Follow-Up No.: {rng.randint(1, 40)}   "
        f"Complaint No.: {report_number(rng, year, pct)}   Squad: {pct} Det. Sqd.\n")
    b.t(f"Date of Report: {render_date(rng, rep, 'numeric')}\n")
    b.t("Topic: ").t(rng.choice(["INTERVIEW OF ", "CANVASS / INTERVIEW - ", "RECORDS CHECK - ", "VISIT TO RESIDENCE OF "]))
    b.e(subj.name(rng, rng.choice(["upper", "upper_formal"])), PERSON).t("\n\n")
    paras = []

    def p1() -> None:
        b.f("On {date}, at approximately {time}, the undersigned interviewed {name} ",
            date=render_date(rng, rep), time=incident_time(rng), name=Ent(subj.name(rng, "full"), PERSON))
        dob_phrase(b, rng, subj)
        b.t(" at ")
        b.e(subj.address.render(rng, rng.choice(["full", "nozip", "nocity"])), ADDRESS)
        b.t(rng.choice([". ", ", with the assistance of a Spanish-speaking officer. "]))

    def p2() -> None:
        nationality_sentence(b, rng, subj)
        b.t(" ")
        status_sentence(b, rng, subj)

    def p3() -> None:
        b.t("A check of department and outside databases was conducted for ").e(subj.full(), PERSON).t(" with the following results: ")
        for k in rng.sample([A_NUMBER, USCIS_RECEIPT_NUMBER, I94_NUMBER, SEVIS_ID, PASSPORT_NUMBER, US_SSN], rng.randint(1, 3)):
            id_phrase(b, rng, subj, k)
            b.t("; ")
        b.t("no prior arrests.")

    def p4() -> None:
        b.t("The undersigned also spoke with witness ").e(wit.name(rng), PERSON).t(", who can be reached at ")
        b.e(wit.phone, PHONE_NUMBER).t(". ")
        if rng.random() < 0.5:
            nationality_sentence(b, rng, wit)
        else:
            b.t("Witness stated that the perpetrator ran toward ").t(rng.choice(P.CROSS_STREETS)).t(".")

    def p5() -> None:
        distractor(b, rng)
        b.t(" ")
        distractor(b, rng)

    def p6() -> None:
        b.t("Contact was made with ").t(rng.choice(["Deportation Officer ", "SDDO ", "Special Agent "]))
        b.e(make_person(rng, official=True).full(), PERSON).t(" of ICE ERO, who advised that ")
        b.e(subj.last, PERSON).t(" ")
        b.e(rng.choice(["has a final order of removal", "is not in ICE custody", "was released on an order of supervision",
                        "has an active detainer", "has a pending case before the immigration court"]), IMMIGRATION_STATUS)
        b.t(". Per Department policy, no further information was shared.")

    def p7() -> None:
        b.t(f"Video canvass conducted on {render_date(rng, rep - dt.timedelta(days=1), 'numeric')} at {incident_time(rng)}; "
            f"footage vouchered under Property Voucher #{rng.randint(2000, 4999)}{_digits(rng, 6)}.")

    paras = [p1, p2, p3, p4, p5, p6, p7]
    chosen = [p1] + rng.sample(paras[1:], rng.randint(2, 5))
    for i, fn in enumerate(chosen, 1):
        b.t(f"{i}. ")
        fn()
        b.t("\n\n")
    # added later, from the side stream (the main stream's draws stay as they were)
    side = b.side
    extra = [k for k, p in (("plate", 0.4), ("handle", 0.4), ("field", 0.2)) if side.random() < p]
    if extra:
        b.t(f"{len(chosen) + 1}. ")
        if "plate" in extra:
            b.t("The subject was observed operating ")
            plate_phrase(b, side)
            b.t(". ")
        if "handle" in extra:
            b.t("A social media canvass was conducted. ")
            handle_sentence(b, side, subj, first_person=False)
            b.t(" ")
        if "field" in extra:
            b.t("Accounts identified: ")
            handle_field(b, side, subj)
            b.t(".")
        b.t("\n\n")
    b.t(f"Case Status: {rng.choice(['OPEN', 'ACTIVE', 'CLOSED - EXCEPTIONAL', 'PENDING'])}\n")
    b.t("Reporting: ").t(rng.choice(["Det. ", "DET ", "Det. Spec. "])).e(det.name(rng, rng.choice(["full", "upper"])), PERSON)
    b.t(f"   Shield #{rng.randint(1000, 31999)}   Tax #{rng.randint(900000, 979999)}\n")
    b.t("Reviewed: ").t(rng.choice(["Lt. ", "Sgt. ", "Lieutenant "])).e(lt.full(), PERSON).t(f"   Date: {render_date(rng, rep, 'numeric')}\n")
    return rng.choice(["flow", "two_column"])

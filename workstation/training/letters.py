"""The other documents: inter-agency e-mails, FOIL letters, shelter intake forms, rosters."""

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
    _Builder,
)
from workstation.training.identifiers import (
    _digits,
    make_address,
    random_dob,
    random_recent,
    render_date,
    render_phone,
)
from workstation.training.people import (
    Person,
    distractor,
    dob_phrase,
    id_phrase,
    make_email,
    make_person,
    nationality_sentence,
    officer_title,
    report_number,
    section,
    status_sentence,
    status_short,
)


def _email_header_name(b: _Builder, rng: random.Random, p: Person, email: str) -> None:
    r = rng.random()
    if r < 0.5:
        b.e(p.full(), PERSON).t(" <").e(email, EMAIL_ADDRESS).t(">")
    elif r < 0.75:
        b.t('"').e(f"{p.last}, {p.first}", PERSON).t(f' ({rng.choice(["NYPD", "ICE", "HRA", "DA"])})" <')
        b.e(email, EMAIL_ADDRESS).t(">")
    else:
        b.e(email, EMAIL_ADDRESS)


def inter_agency_email(b: _Builder, rng: random.Random) -> str:
    agencies = rng.sample([k for k in P.AGENCY_DOMAINS if k != "nypd"], 2)
    sender_ag = rng.choice(["nypd", agencies[0]])
    to_ag = agencies[1] if sender_ag == "nypd" else "nypd"
    sender = make_person(rng, official=True)
    recip = make_person(rng, official=True)
    cc = make_person(rng, official=True) if rng.random() < 0.5 else None
    s_mail = make_email(rng, sender.first, sender.last, P.AGENCY_DOMAINS[sender_ag])
    r_mail = make_email(rng, recip.first, recip.last, P.AGENCY_DOMAINS[to_ag])
    subj = make_person(rng)
    year = rng.randint(2019, 2025)
    sent = random_recent(rng, year)
    b.t("From: ")
    _email_header_name(b, rng, sender, s_mail)
    b.t("\nTo: ")
    _email_header_name(b, rng, recip, r_mail)
    if cc:
        b.t("\nCc: ")
        _email_header_name(b, rng, cc, make_email(rng, cc.first, cc.last, P.AGENCY_DOMAINS[rng.choice(list(P.AGENCY_DOMAINS))]))
    b.t(f"\nSent: {sent.strftime('%A, %B')} {sent.day}, {sent.year} {rng.randint(7, 18)}:{rng.randint(0, 59):02d} "
        f"{rng.choice(['AM', 'PM'])}\n")
    b.t(f"Subject: {rng.choice(['RE: ', 'FW: ', '', 'RE: RE: '])}")
    r = rng.random()
    if r < 0.4:
        b.t("Request for information - ").e(subj.name(rng, rng.choice(["upper", "full", "formal"])), PERSON)
    elif r < 0.7:
        b.t(f"Complaint #{report_number(rng, year, rng.choice(P.PRECINCTS)[0])} - follow up")
    else:
        b.t(rng.choice(["Detainer inquiry", "Shelter placement question", "U visa certification request",
                        "Status of case", "FOIL coordination"]))
    b.t("\n\n")
    if rng.random() < 0.6:
        b.t(rng.choice(["Good morning ", "Hi ", "Hello "])).e(recip.first, PERSON).t(",\n\n")
    else:
        b.t(f"Dear {recip.honorific} ").e(recip.last, PERSON).t(",\n\n")
    intro = rng.choice([
        "I am following up on the individual discussed on our call yesterday. ",
        "Please see below regarding the subject of our inquiry. ",
        "As requested, here is the information we have on file. ",
        "Our office received a request concerning the person below and I wanted to confirm a few details. ",
    ])
    b.t(intro)
    b.t(rng.choice(["The subject is ", "Subject: ", "The individual's name is "]))
    b.e(subj.name(rng, rng.choice(["full", "middle", "upper"])), PERSON).t(", ")
    dob_phrase(b, rng, subj)
    b.t(rng.choice([", residing at ", ", last known address ", ", address on file: "]))
    b.e(subj.address.render(rng, rng.choice(["full", "nozip", "full"])), ADDRESS).t(". ")
    extra = rng.sample([A_NUMBER, USCIS_RECEIPT_NUMBER, PASSPORT_NUMBER, I94_NUMBER, SEVIS_ID, US_SSN], rng.randint(1, 3))
    for k in extra:
        b.t(rng.choice(["We show ", "Records list ", "The file reflects ", ""]))
        id_phrase(b, rng, subj, k)
        b.t(". ")
    b.nl(2)
    for _ in range(rng.randint(2, 4)):
        r = rng.random()
        if r < 0.35:
            status_sentence(b, rng, subj)
        elif r < 0.6:
            nationality_sentence(b, rng, subj)
        elif r < 0.75:
            b.t(rng.choice(["Please note that the case status is pending and no determination has been made.",
                            "This message is sent in connection with case number " + report_number(rng, year, 110) + ".",
                            "We do not share information about immigration status except as required by law.",
                            "Per Executive Order 34, please route any further questions through Legal."]))
        else:
            b.t("You can reach the subject's attorney, ")
            att = make_person(rng, community="anglo" if rng.random() < 0.6 else None)
            b.e(att.full(), PERSON).t(", at ").e(render_phone(rng, False), PHONE_NUMBER).t(" or ")
            b.e(make_email(rng, att.first, att.last, rng.choice(["legal-aid.org", "bds.org", "nylag.org", "gmail.com"])), EMAIL_ADDRESS)
            b.t(".")
        b.t(" ")
    b.t("\n\n" + rng.choice(["Thank you,", "Regards,", "Best,", "Thanks,", "V/r,"]) + "\n\n")
    b.t(rng.choice(["", "Det. ", "Sgt. ", "", "SDDO ", "Deportation Officer "])).e(sender.full(), PERSON).nl()
    b.t(P.AGENCY_NAMES[sender_ag] + "\n")
    if rng.random() < 0.6:
        b.e(rng.choice(P.AGENCY_ADDRESSES), ADDRESS).nl()
    b.t(rng.choice(["Office: ", "Tel: ", "O: ", "Desk: "])).e(render_phone(rng, False), PHONE_NUMBER).nl()
    if rng.random() < 0.5:
        b.t("Cell: ").e(render_phone(rng, False), PHONE_NUMBER).nl()
    b.e(s_mail, EMAIL_ADDRESS).nl()
    if rng.random() < 0.5:
        b.t("\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the intended recipient(s) "
            "and may contain confidential and privileged information. Law Enforcement Sensitive.\n")
    if rng.random() < 0.4:
        b.t("\n-----Original Message-----\nFrom: ")
        _email_header_name(b, rng, recip, r_mail)
        b.t(f"\nSent: {render_date(rng, sent - dt.timedelta(days=1))}\nSubject: {rng.choice(['Inquiry', 'Question re: subject'])}\n\n")
        b.t("Can you confirm whether ").e(subj.name(rng, "full"), PERSON).t(" is in custody? ")
        distractor(b, rng)
        b.nl()
    return "flow"


def foil_letter(b: _Builder, rng: random.Random) -> str:
    year = rng.randint(2019, 2025)
    sent = random_recent(rng, year)
    client = make_person(rng)
    foil_no = f"{year}-056-{rng.randint(1, 29999):05d}"
    if rng.random() < 0.5:  # request
        req = make_person(rng, community=rng.choice(["anglo", "latam", "chinese", "south_asia", None]))
        req_addr = make_address(rng, 0.9)
        b.e(req.full(), PERSON).t(rng.choice([", Esq.\n", "\n", "\nStaff Attorney\n"]))
        b.e(req_addr.render(rng, "multiline"), ADDRESS).nl()
        b.e(render_phone(rng, False), PHONE_NUMBER).t(" | ").e(make_email(rng, req.first, req.last), EMAIL_ADDRESS).nl(2)
        b.t(render_date(rng, sent) + "\n\n")
        b.t("Records Access Officer\nNYPD Legal Bureau - FOIL Unit\n")
        b.e(rng.choice(["One Police Plaza, Room 110C\nNew York, NY 10038", "One Police Plaza, Room 110C, New York, NY 10038"]), ADDRESS)
        b.t("\n\nRe: Freedom of Information Law Request\n\nDear Records Access Officer:\n\n")
        b.t("Pursuant to the New York Freedom of Information Law, Public Officers Law Article 6, §§ 84-90, I request "
            "copies of the complaint report, DD5s, and any body-worn camera footage relating to an incident on ")
        b.t(render_date(rng, sent - dt.timedelta(days=rng.randint(30, 400))) + " at ")
        if rng.random() < 0.5:
            b.e(make_address(rng, 1.0).render(rng, rng.choice(["nocity", "full"])), ADDRESS)
        else:
            b.t(rng.choice(P.CROSS_STREETS))
        b.t(rng.choice([", involving my client, ", ". The records concern my client, "]))
        b.e(client.name(rng, rng.choice(["full", "middle"])), PERSON).t(" (")
        dob_phrase(b, rng, client)
        if rng.random() < 0.6:
            b.t("; ")
            id_phrase(b, rng, client, A_NUMBER)
        b.t("). ")
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.5:
                status_sentence(b, rng, client)
            elif r < 0.8:
                nationality_sentence(b, rng, client)
            else:
                b.t(rng.choice(["The records are needed to complete Form I-918, Supplement B. ",
                                "My client's case status is pending before the agency. "]))
            b.t(" ")
        b.t("\n\nA signed authorization from my client is enclosed. If the fees exceed $25, please contact me first.\n\n")
        b.t("Sincerely,\n\n").e(req.full(), PERSON).nl()
        if rng.random() < 0.5:
            b.t("cc: ").e(client.full(), PERSON).nl()
    else:  # response
        officer = make_person(rng, official=True)
        req = make_person(rng, community=rng.choice(["anglo", "latam", None]))
        b.t("POLICE DEPARTMENT\nLEGAL BUREAU - FOIL UNIT\n")
        b.e("One Police Plaza, Room 110C, New York, NY 10038", ADDRESS).t("\n\n")
        b.t(render_date(rng, sent) + "\n\n")
        b.e(req.full(), PERSON).nl()
        b.e(req.address.render(rng, "multiline"), ADDRESS).nl(2)
        b.t(f"Re: FOIL Request No. {foil_no}\n\nDear {req.honorific} ").e(req.last, PERSON).t(":\n\n")
        b.t(f"This is in response to your letter dated {render_date(rng, sent - dt.timedelta(days=rng.randint(20, 200)))}, "
            "which was received by this office, in which you requested records regarding ")
        b.e(client.name(rng, rng.choice(["full", "upper"])), PERSON).t(", ")
        dob_phrase(b, rng, client)
        b.t(". ")
        b.t(rng.choice(["Your request is granted in part. ", "Your request is granted. ", "Your request is denied in part. "]))
        b.t("Portions of the records have been redacted pursuant to Public Officers Law §87(2)(b) because disclosure "
            "would constitute an unwarranted invasion of personal privacy, and §87(2)(e) as records compiled for law "
            "enforcement purposes. ")
        if rng.random() < 0.6:
            b.t("The redacted information includes references to the subject's ")
            b.t(rng.choice(["immigration status", "country of birth", "alien registration number", "home address"]))
            b.t(". ")
        if rng.random() < 0.5:
            b.t("Note: page 3 of the complaint report, which stated that ")
            b.e(client.full(), PERSON).t(" ")
            r = rng.random()
            if r < 0.5:
                b.t("is a ").e(rng.choice(["TPS holder", "DACA recipient", "lawful permanent resident", "asylum seeker"]),
                               IMMIGRATION_STATUS)
            else:
                b.t("was born in ").e(client.country.bare_name(rng), NATIONALITY)
            b.t(", was redacted in its entirety. ")
        b.t(f"The records comprise {rng.randint(3, 40)} pages.\n\n")
        b.t("You may appeal this determination within thirty (30) days by writing to the Records Access Appeals Officer at ")
        b.e("One Police Plaza, Room 1406, New York, NY 10038", ADDRESS).t(".\n\nSincerely,\n\n")
        b.t(rng.choice(["Sgt. ", "Lt. ", "", "Agency Attorney "])).e(officer.full(), PERSON).t("\nRecords Access Officer\n")
    return "flow"


def shelter_intake(b: _Builder, rng: random.Random) -> str:
    client = make_person(rng)
    org = rng.choice(["NYC DEPARTMENT OF HOMELESS SERVICES", "HUMANITARIAN EMERGENCY RESPONSE AND RELIEF CENTER (HERRC)",
                      "Asylum Seeker Arrival Center", "CATHOLIC CHARITIES - MIGRANT SHELTER", "Respite Center - Intake"])
    year = rng.randint(2022, 2025)
    intake = random_recent(rng, year)
    b.t(f"{org}\n{rng.choice(['CLIENT INTAKE FORM', 'INTAKE ASSESSMENT', 'Family Intake Sheet'])}\n\n")
    b.t(f"Date of Intake: {render_date(rng, intake, 'numeric')}    Case #: {rng.choice(['DHS', 'HR', 'C'])}-{_digits(rng, 7)}\n")
    b.t("Client Name: ").e(client.name(rng, rng.choice(["formal", "upper_formal", "full"])), PERSON).nl()
    b.t(rng.choice(["DOB: ", "Date of Birth: ", "Fecha de nacimiento / DOB: "])).e(render_date(rng, client.dob), DATE_OF_BIRTH)
    b.t(f"    Gender: {client.gender.upper()}\n")
    b.t(rng.choice(["Country of Origin: ", "Country of Birth: ", "Nationality: ", "Country: "]))
    nat = client.country.bare_name(rng) if rng.random() < 0.7 else client.country.demonym(rng)
    b.e(nat.upper() if rng.random() < 0.25 else nat, NATIONALITY)
    b.t(f"    Primary Language: {rng.choice(P.LANGUAGES)}\n")
    b.t(f"Date of Arrival in US: {render_date(rng, intake - dt.timedelta(days=rng.randint(3, 500)), 'numeric')}    ")
    b.t(f"Port of Entry: {rng.choice(P.BORDER_PLACES + ['JFK', 'Port Authority Bus Terminal'])}\n")
    b.t(rng.choice(P.STATUS_LABELS) + " ").e(status_short(rng), IMMIGRATION_STATUS).nl()
    if rng.random() < 0.7:
        id_phrase(b, rng, client, A_NUMBER)
        b.nl()
    if rng.random() < 0.3:
        id_phrase(b, rng, client, USCIS_RECEIPT_NUMBER)
        b.nl()
    if rng.random() < 0.3:
        id_phrase(b, rng, client, PASSPORT_NUMBER)
        b.nl()
    if rng.random() < 0.2:
        id_phrase(b, rng, client, I94_NUMBER)
        b.nl()
    b.t(rng.choice(["Last Address: ", "Previous address (if any): ", "Mailing Address: "]))
    b.e(client.address.render(rng), ADDRESS).nl()
    id_phrase(b, rng, client, PHONE_NUMBER)
    b.nl()
    if rng.random() < 0.5:
        id_phrase(b, rng, client, EMAIL_ADDRESS)
        b.nl()
    b.t(f"Marital status: {rng.choice(['Single', 'Married', 'Separated', 'Widowed'])}   ")
    b.t(f"Employment status: {rng.choice(['Unemployed', 'Day laborer', 'Seeking work'])}\n")
    section(b, "Household Members", rng)
    b.t(rng.choice(["Name | Relationship | DOB | Country of Birth\n", "Name\tRelationship\tDOB\tCountry\n"]))
    sep = " | " if rng.random() < 0.5 else "\t"
    for _ in range(rng.randint(0, 4)):
        m = make_person(rng, community=client.community)
        m.last = client.last if rng.random() < 0.6 else m.last
        b.e(m.name(rng, rng.choice(["full", "formal"])), PERSON).t(sep + rng.choice(["Spouse", "Son", "Daughter", "Partner", "Niece"]) + sep)
        kid = random_dob(rng) if rng.random() < 0.4 else dt.date(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28))
        b.e(render_date(rng, kid, "numeric"), DATE_OF_BIRTH).t(sep)
        b.e(client.country.bare_name(rng) if rng.random() < 0.8 else "USA", NATIONALITY).nl()
    section(b, "Emergency Contact", rng)
    ec = make_person(rng)
    b.e(ec.full(), PERSON).t(f" ({rng.choice(['cousin', 'brother', 'friend', 'sister'])}) - ").e(render_phone(rng), PHONE_NUMBER).nl()
    section(b, "Case Notes", rng)
    cw = make_person(rng, official=False, community=rng.choice(["anglo", "latam", "haitian", "chinese"]))
    notes = rng.randint(2, 5)
    for _ in range(notes):
        r = rng.random()
        if r < 0.3:
            status_sentence(b, rng, client)
        elif r < 0.5:
            nationality_sentence(b, rng, client)
        elif r < 0.7:
            b.t(rng.choice(["Client was referred to legal services for an asylum screening. ",
                            "Client reports no medical issues. Children enrolled at P.S. 89. ",
                            "Client requested MetroCard and was given a Visa prepaid card for food. ",
                            "Client's case status is pending with the shelter placement unit. ",
                            "Client celebrated Chinese New Year with other residents. "]))
        else:
            b.t("Client has a court date on ").t(render_date(rng, intake + dt.timedelta(days=rng.randint(30, 300))))
            if rng.random() < 0.5:
                b.t(" at ").e(rng.choice(["26 Federal Plaza", "201 Varick Street", "26 Federal Plaza, 12th Floor"]), ADDRESS)
            b.t(". ")
        b.t(" ")
    b.t("\n\nIntake completed by: ").e(cw.full(), PERSON).t(f", {rng.choice(['Case Manager', 'Caseworker', 'Intake Specialist'])}\n")
    return rng.choice(["flow", "two_column"])


def roster(b: _Builder, rng: random.Random) -> str:
    n = rng.randint(4, 12)
    people = [make_person(rng) for _ in range(n)]
    title = rng.choice(["PERSONS ENCOUNTERED - ", "Occupant List - ", "Detainee Roster - ", "Residents - ",
                        "Victims identified - Labor trafficking investigation - ", "Shelter census - "])
    b.t(title)
    if rng.random() < 0.5:
        b.e(make_address(rng, 1.0).render(rng, "nocity"), ADDRESS)
    else:
        b.t(f"Case {rng.randint(2019, 2025)}-{rng.randint(1, 999):03d}")
    b.t(f"\nPrepared {render_date(rng, random_recent(rng), 'numeric')}   Page 1 of 1\n\n")
    all_cols = ["NAME", "DOB", "ADDRESS", "NATIONALITY", "STATUS", "A-NUMBER", "PHONE"]
    cols = ["NAME"] + [c for c in all_cols[1:] if rng.random() < 0.75]
    if len(cols) < 4:
        cols = all_cols[:5]
    header_names = {"NAME": rng.choice(["NAME", "Name (Last, First)", "Full Name"]), "DOB": rng.choice(["DOB", "D.O.B.", "Birth Date"]),
                    "ADDRESS": rng.choice(["ADDRESS", "Address", "Residence"]),
                    "NATIONALITY": rng.choice(["NATIONALITY", "Country", "COB", "Citizenship"]),
                    "STATUS": rng.choice(["STATUS", "Imm. Status", "Immigration Status"]),
                    "A-NUMBER": rng.choice(["A-NUMBER", "A#", "Alien #"]), "PHONE": rng.choice(["PHONE", "Tel", "Contact"])}
    style = rng.choice(["pipe", "fixed", "tab"])
    widths = {"NAME": 30, "DOB": 12, "ADDRESS": 48, "NATIONALITY": 14, "STATUS": 26, "A-NUMBER": 14, "PHONE": 16}

    def cell(text: str, col: str, last: bool) -> str:
        if style == "pipe":
            return text + ("" if last else " | ")
        if style == "tab":
            return text + ("" if last else "\t")
        return text + ("" if last else " " * max(2, widths[col] - len(text)))

    b.t("#  " if style != "tab" else "#\t")
    for i, c in enumerate(cols):
        b.t(cell(header_names[c], c, i == len(cols) - 1))
    b.nl()
    if style != "tab":
        b.t("-" * 100 + "\n")
    for idx, p in enumerate(people, 1):
        b.t(f"{idx:<3}" if style != "tab" else f"{idx}\t")
        for i, c in enumerate(cols):
            last = i == len(cols) - 1
            if c == "NAME":
                v, t = p.name(rng, rng.choice(["formal", "upper_formal", "upper_formal"])), PERSON
            elif c == "DOB":
                v, t = render_date(rng, p.dob, "numeric"), DATE_OF_BIRTH
            elif c == "ADDRESS":
                v, t = p.address.render(rng, rng.choice(["nocity", "nozip", "upper"])), ADDRESS
            elif c == "NATIONALITY":
                v = p.country.bare_name(rng) if rng.random() < 0.5 else p.country.demonym(rng)
                v, t = (v.upper() if rng.random() < 0.5 else v), NATIONALITY
            elif c == "STATUS":
                if rng.random() < 0.12:
                    v, t = rng.choice(["Unknown", "N/A", "Refused", "--"]), ""
                else:
                    v, t = status_short(rng), IMMIGRATION_STATUS
            elif c == "A-NUMBER":
                if rng.random() < 0.15:
                    v, t = rng.choice(["None", "N/A", "--"]), ""
                else:
                    d = p.a_number
                    v = rng.choice([f"A{d}", f"A-{d[:3]}-{d[3:6]}-{d[6:]}" if len(d) == 9 else f"A{d}", d, f"A {d}"])
                    t = A_NUMBER
            else:
                v, t = p.phone, PHONE_NUMBER
            v = v.replace("\n", " ")
            if t:
                b.e(v, t)
            else:
                b.t(v)
            text_after = cell("", c, last)
            if style == "fixed":
                text_after = " " * max(2, widths[c] - len(v)) if not last else ""
            b.t(text_after)
        b.nl()
    b.t(f"\nTotal: {n}    ")
    b.t(rng.choice(["Prepared by: ", "Compiled by: "]))
    off = make_person(rng, official=True)
    b.t(officer_title(rng) + " ").e(off.full(), PERSON).t(f"  Shield #{rng.randint(1000, 31999)}\n")
    if rng.random() < 0.5:
        b.t("Note: status column reflects self-report; case status is pending review. Do not disseminate.\n")
    return "table"

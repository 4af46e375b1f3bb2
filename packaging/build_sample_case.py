"""Build the bundled synthetic sample case in resources/sample-case/ (all people, numbers and events invented).

    .venv/bin/python packaging/build_sample_case.py

Produces: a 3-page complaint report PDF (form fields, narrative, a two-column block, a follow-up page), an
inter-agency e-mail with a PDF attachment, a shelter intake form (.docx with a table) and a witness statement
(.txt). The files are committed; rerun only to change them.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

import docx
import pymupdf

OUT = Path(__file__).resolve().parents[1] / "resources" / "sample-case"

COMPLAINT_P1 = """NEW YORK CITY POLICE DEPARTMENT - COMPLAINT REPORT
Complaint No.: 2026-115-004217          Precinct: 115          Date of Report: 10/02/2026
Incident: Assault 3 / Harassment          Time of Occurrence: 2140 hrs          Date of Occurrence: 10/01/2026

VICTIM INFORMATION
Name: Maria Guadalupe Hernandez Lopez
DOB: 03/14/1989          Age: 37          Sex: F
Address: 87-14 37th Avenue, Apt 5B, Jackson Heights, NY 11372
Phone: (718) 555-0134          Email: mghernandez89@correo.example.com
Country of Birth: Honduras
Immigration Status: pending asylum application

SUSPECT INFORMATION
Name: Dariusz Kowalczyk          DOB: 07/22/1981
Address: 41-20 Case Street, Elmhurst, NY 11373

NARRATIVE
At T/P/O the victim states that the suspect, her former landlord, pushed her against the door of her
apartment and threatened to "call immigration" on her if she reported the incident. The victim, a
Honduran national, stated that she entered without inspection in 2019 and has an asylum case pending
(A-Number A-208-114-377). The victim was interviewed in Spanish with the assistance of P.O. Luis Ortega.
Det. Sharon Whitfield of the 115 Squad notified. Victim refused medical attention at the scene.
"""

COMPLAINT_P2 = """WITNESSES / ADDITIONAL PERSONS
"""

COMPLAINT_P2_LEFT = """Witness 1
Name: Kwame Mensah
Address: 35-51 85th Street, 2nd Floor,
Jackson Heights, NY 11372
Phone: 347-555-0199
Born in Ghana; green card holder."""

COMPLAINT_P2_RIGHT = """Witness 2
Name: Li Xiuying
Address: 133-24 41st Avenue, Apt 3C,
Flushing, NY 11355
Phone: 917.555.0178
Chinese citizen, F-1 student (SEVIS ID
N0031234567)."""

COMPLAINT_P2_BOTTOM = """Notes: the Chinese New Year party at the community center was unrelated to this incident. The case
status is pending. Both witnesses were present in the hallway at approx. 2135 hrs.
"""

FOLLOWUP_P3 = """COMPLAINT FOLLOW-UP INFORMATIONAL (DD5)
Complaint No.: 2026-115-004217          Follow-up No.: 1          Date: 10/05/2026
Subject: Re-interview of victim

On 10/05/2026 at approx. 1100 hrs the undersigned, Det. Sharon Whitfield, re-interviewed the victim,
Ms. Hernandez Lopez, at her residence. The victim provided a copy of her USCIS receipt notice
(receipt number EAC2190123456) and her Honduran passport, number E1234567. She stated she was
previously removed in 2016 and re-entered. She fears that her landlord will contact ICE.
The suspect is a U.S. citizen, naturalized in 2009. No immigration detainer was requested or lodged.
Case remains open pending interview of the suspect. Dominican Day Parade detail may delay follow-up.
"""

EMAIL_BODY = """Det. Whitfield,

Following up on complaint 2026-115-004217. The shelter confirmed that Ms. Maria Hernandez Lopez
(DOB 03/14/1989) stayed with them from 09/28 to 10/03. She told intake staff she is undocumented
and originally from San Pedro Sula, Honduras. Her brother, Jose Hernandez, lives at
1520 Grand Concourse, Apt 4C, Bronx, NY 10457, phone 646-555-0112.

Please note: under EO 41 her immigration status must not be shared outside the Department.
The intake form is attached.

Regards,
Aminata Diallo
Case Manager, Safe Harbor Family Shelter
"""

ATTACHMENT_TEXT = """SAFE HARBOR FAMILY SHELTER - REFERRAL NOTE
Client: Maria G. Hernandez Lopez          Referred by: 115 Pct Squad
Client reports she is a native and citizen of Honduras and fled to the United States in 2019.
Client has a pending asylum application and was served a Notice to Appear.
Emergency contact: Jose Hernandez, 646-555-0112.
"""

WITNESS_STATEMENT = """WITNESS STATEMENT

My name is Oluwaseun Adeyemi. I live at 37-18 Junction Boulevard, Apt 2F, Corona, NY 11368, and my
phone number is (929) 555-0147. I am a Nigerian citizen and I have Temporary Protected Status... no,
I am sorry, I have a B-2 visa that expired last year.

On October 1 around 9:40 PM I heard shouting from the apartment next to mine. I saw the landlord,
a tall man I know as Darek, push my neighbor Maria against her door. He said he would call ICE and
that she would be deported because she has no papers. I called 911.

I am willing to testify. I prefer to be contacted by email at o.adeyemi@mailbox.example.net.

Signed: Oluwaseun Adeyemi          Date: 10/02/2026
"""


def _write_lines(page: pymupdf.Page, text: str, x: float, y: float, size: float = 9.5,
                 leading: float = 12.5, font: str = "helv") -> float:
    for line in text.split("\n"):
        if line.strip():
            page.insert_text((x, y), line, fontname=font, fontsize=size)
        y += leading
    return y


def complaint_pdf(path: Path) -> None:
    doc = pymupdf.open()
    p1 = doc.new_page(width=612, height=792)
    _write_lines(p1, COMPLAINT_P1, 48, 60)
    p2 = doc.new_page(width=612, height=792)
    y = _write_lines(p2, COMPLAINT_P2, 48, 60, font="hebo")
    _write_lines(p2, COMPLAINT_P2_LEFT, 48, y + 6)
    _write_lines(p2, COMPLAINT_P2_RIGHT, 320, y + 6)
    _write_lines(p2, COMPLAINT_P2_BOTTOM, 48, y + 110)
    p3 = doc.new_page(width=612, height=792)
    _write_lines(p3, FOLLOWUP_P3, 48, 60)
    for page in doc:
        page.insert_text((48, 770), f"Page {page.number + 1} of 3 - FOR OFFICIAL USE ONLY", fontsize=7)
    doc.set_metadata({"author": "Det. Sharon Whitfield", "title": "Complaint 2026-115-004217 - Hernandez Lopez",
                      "subject": "Assault 3; victim Honduran national, pending asylum"})
    doc.set_toc([[1, "Complaint report", 1], [1, "Witnesses", 2], [1, "Follow-up (DD5)", 3]])
    doc.save(path, garbage=4, deflate=True)


def attachment_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _write_lines(page, ATTACHMENT_TEXT, 48, 60)
    return doc.tobytes(garbage=4, deflate=True)


def email_file(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Aminata Diallo <adiallo@safeharbor.example.org>"
    msg["To"] = "Det. Sharon Whitfield <swhitfield@nypd.example.gov>"
    msg["Date"] = format_datetime(datetime(2026, 10, 4, 15, 12, tzinfo=timezone.utc))
    msg["Subject"] = "Complaint 2026-115-004217 - shelter stay of victim"
    msg.set_content(EMAIL_BODY)
    msg.add_attachment(attachment_pdf(), maintype="application", subtype="pdf", filename="referral-note.pdf")
    path.write_bytes(bytes(msg))


def intake_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Safe Harbor Family Shelter - Intake Form", level=1)
    d.add_paragraph("Intake date: 09/28/2026          Intake worker: Aminata Diallo")
    rows = [
        ("Full Name", "Maria Guadalupe Hernandez Lopez"),
        ("Date of Birth", "March 14, 1989"),
        ("Nationality", "Hondureña"),
        ("Last Address", "87-14 37th Avenue, Apt 5B, Jackson Heights, NY 11372"),
        ("Telephone", "(718) 555-0134"),
        ("Immigration Status", "Solicitante de asilo (pending asylum application)"),
        ("A-Number", "A208114377"),
        ("Children in household", "1 (age 6)"),
    ]
    table = d.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    d.add_paragraph("Client speaks Spanish. Referred by NYPD 115 Pct. Client requested that her information not "
                    "be shared with immigration authorities.")
    d.save(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    complaint_pdf(OUT / "complaint-report-2026-115-004217.pdf")
    email_file(OUT / "shelter-email.eml")
    intake_docx(OUT / "shelter-intake-form.docx")
    (OUT / "witness-statement-adeyemi.txt").write_text(WITNESS_STATEMENT, encoding="utf-8")
    print(f"sample case written to {OUT}")


if __name__ == "__main__":
    main()

"""PERSON in court records and agency releases (dev3): docket abbreviations and caption words are not names, an
agency's field office city is not a name, a bare letter closing a "Matter of" caption line is. Sentences written
here, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from tests.conftest import spans

NOT_NAMES = [
    ("docket", "The respondent answered the petition. [Doc. 12] at 3.", "Doc"),
    ("docket", "He was released in March. (Dkt. 7-2 at 4).", "Dkt"),
    ("caption", "Merrick B. Garland, Atty. Gen., and Brian M. Boynton, Principal Dep. Assistant Attorney General.",
     "Gen"),
    ("release", "Noncitizens who commit crimes in our communities will be arrested.", "Noncitizens"),
    ("field office", "Officers from ERO Harlingen arrested him at a gas station.", "Harlingen"),
    ("field office", "Enforcement and Removal Operations (ERO) Harlingen arrested a Salvadoran man.", "Harlingen"),
    # dev10's first run
    ("region after a town", "He is wanted for a killing in Cobán, Alta Verapaz in 2009; Mensah denies it.", "Verapaz"),
    ("region after a town, one word", "The shooting took place near Gualán, Zacapa in 2004, the police say.", "Zacapa"),
    ("disposition after a list of judges", "Before KING, THACKER, and RICHARDSON, Circuit Judges. Denied by "
     "unpublished opinion.", "Denied"),
    ("docket label after a list of judges", "Judges: Dorsey, Okafor, Mensah Filed Date: 8/1/2002", "Filed"),
    ("law firm after a counsel label", "Decided: May 2, 2023\nARGUED: Ama Mensah, BRIGHTON-HALE LAW GROUP, PLLC, "
     "Washington, D.C., for Petitioner.", "BRIGHTON"),
    ("law school clinic after a counsel label", "ARGUED: Ama Mensah, RIVERDALE UNIVERSITY LAW CENTER, for "
     "Petitioner.", "RIVERDALE"),
    ("a date after a label", "Argued: May 4, 2021\nDecided: July 27, 2021", "May"),
    # dev11's first run
    ("counsel's city after a title", "Ama Osei, Special Assistant United States Attorney, Alexandria, VA, for "
     "Plaintiff.", "Alexandria"),
    ("a court's division", "United States District Court, E.D. Virginia, Alexandria Division.", "Alexandria"),
    ("exhibit abbreviation", "See Doc. 7, Ex. 6 at 1-2; Doc. 9, Exhs. 2-3.", "Ex"),
    ("a cover letter's opening", "Enclosed is a copy of the Board's decision in the above-referenced case.",
     "Enclosed"),
    ("an ICE program", "He was identified through Secure Communities after his arrest.", "Secure"),
    ("a headline's person noun", "Felon deported following prison term for illegal re-entry", "Felon"),
    # dev12's first run
    ("a plea form's title", "He signed a Statement on Plea of\nGuilty that contained a warning; he pleaded guilty.",
     "uilty"),
    ("a facility named for its town", "He was transferred to ICE custody at the Karnes facility Feb. 21.", "Karnes"),
    ("counsel's city", "Ama Osei, Attorney General, Tallahassee, and Kofi Mensah, Assistant Attorney General, for "
     "appellee.", "Tallahassee"),
    ("a reporter abbreviation", "Duncan v. Comm'r of Corr., 171 Conn. App. 635 (Conn. App. Ct. 2017).", "Conn"),
    ("a court's name", "Retired Senior Judge Assigned to the Superior Court.", "Superior"),
    ("a facility acronym", "On May 9, MVPC medical staff examined Mr. Okafor and MVPC staff called 911.", "MVPC"),
    ("a state's initials", "The court in Washington, D.C. heard the victim, Ann Okafor, on Monday.", "D."),
    ("the People of a caption, later mentions", "People v Okafor, 88 AD3d 1024, affirmed.\nThe People of the "
     "State of New York, Respondent, v Mensah.\nThe People argue that the plea stands.", "People"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_NAMES)
def test_not_a_name(engine, kind, text, word):
    assert not any(word in s for s in spans(engine, text, "PERSON")), (kind, spans(engine, text, "PERSON"))


NAMES = [
    ("caption letter", "In the Matter of R\n\nBoard of Immigration Appeals", "R"),
    ("caption with names kept", "Merrick B. Garland, Atty. Gen., and Brian M. Boynton, Principal Dep. Assistant.",
     "Brian M. Boynton"),
    ("initials kept", "Matter of J-R-G-, 26 I&N Dec. 597 (BIA 2015).", "J-R-G-"),
    # dev10's first run
    ("list after plural Judges", "The Court, consisting of Chief Judge Osei, Judges Graffeo, Read, Rivera and me, "
     "so holds.", "Read"),
    ("list after plural Justices", "Before Justices DORSEY, OKAFOR, and RODRIGUEZ. Opinion by Justice RODRIGUEZ.",
     "OKAFOR"),
    ("plural title stays out of the span", "Judges Graffeo and Okafor dissented from the order.", "Graffeo"),
    ("New York counsel line", "District Attorney, New York (Faith Okonkwo of counsel), for respondent.",
     "Faith Okonkwo"),
    ("victim after 'murder of'", "Osei, 30, has been charged with the murder of Eduardo Franco Mensah in a town "
     "nearby.", "Eduardo Franco Mensah"),
    ("name after a counsel label", "ARGUED: Ama Mensah, BRIGHTON-HALE LAW GROUP, PLLC, for Petitioner.",
     "Ama Mensah"),
    # dev13's first run: a party's role before the name is no part of it (its repeats spread "Appellee")
    ("role word before a name", "The trial court granted relief under RCr 11.42.\n\nAppellee Kofi Mensah "
     "then appealed to this Court.", "Kofi Mensah"),
    ("the second of two New York counsel", "District Attorney, Brooklyn, N.Y. (Kofi Osei and Ama Rosenblum Mensah "
     "of counsel), for respondent.", "Ama Rosenblum Mensah"),
    ("a senior judge's abbreviation", "Considered by Okafor, P.J., Mensah, J., and Vogel, S.J.* *Senior judge "
     "assigned by order.", "Vogel"),
    ("a victim named by an initial", "That night the victim, K., attended a party at appellant's house.", "K."),
    ("a friend named by an initial", "She went to a party for her friend M. at the house on Elm Street.", "M."),
    ("a line number after a role word", "Santa Fe, NM 15 for Appellee 16 L. Ama Mensah, P.C. 17 L. Ama Mensah 18 "
     "Albuquerque, NM 19 for Appellant", "L. Ama Mensah"),
]


@pytest.mark.parametrize(("kind", "text", "name"), NAMES)
def test_name_found(engine, kind, text, name):
    assert name in spans(engine, text, "PERSON"), (kind, spans(engine, text, "PERSON"))


def test_caption_party_named_again_alone(engine):
    """A one-word party of a caption is a name where the text names it again alone (dev10's case citations)."""
    text = "See Okafor v. Sessions, 138 S. Ct. 2105 (2018). Under Okafor, the notice was defective."
    second = text.rindex("Okafor")
    found = [(d.start, d.end) for d in engine.analyze(text) if d.entity_type == "PERSON"]
    assert (second, second + len("Okafor")) in found, found
    assert not any(s <= text.index(" v. ") < e for s, e in found), found  # the caption is not one name

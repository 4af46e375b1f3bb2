"""PERSON in layouts: record cells over several lines, roster blocks above a plural role, signature blocks, no-break
spaces, law firm suffixes. Blocks written here, not taken from the evaluation sets. Each block is checked as the
engine reads it and as the product reads it (``domain.reading``: the page as a reader sees it, wraps joined)."""

from __future__ import annotations

import pytest

from tests.conftest import spans
from workstation.domain.model import Page
from workstation.domain.reading import reading_text


def _both(engine, text: str) -> list[tuple[str, list[str]]]:
    read = reading_text(Page(1, text)).text
    return [("raw", spans(engine, text, "PERSON")), ("read", spans(engine, read, "PERSON"))]


def _norm(s: str) -> str:
    return " ".join(s.replace("\u2010\n", "\u2010").replace("-\n", "-").split())


FOUND = [
    # record cells: a table extracted one cell a line, "SURNAME," at a line end, given names below
    ("cell, hyphen at a line end", "NAME\nSEX\n1\nOKONKWO\u2010\nAdeyemi, \nChinedu\nM\n03/14/1981\nNIGERIA\n",
     "OKONKWO\u2010Adeyemi, Chinedu"),
    ("cell, given names on two lines", "NAME\nSEX\n2\nVILLANUEVA, \nRosalind \nIsabel \nF\n07/02/1975\n",
     "VILLANUEVA, Rosalind Isabel"),
    ("cell, mixed-case surname", "NAME\nSEX\n3\nHAKOBYAN\u2010Petrosyan, \nArmen\nM\n11/30/1969\n",
     "HAKOBYAN\u2010Petrosyan, Armen"),
    ("cell, no-break spaces", "NAME\nSEX\n4\nDESROSIERS,\u00a0\nMarie\u00a0Claudette\u00a0\nF\n5/5/1955\n",
     "DESROSIERS, Marie Claudette"),
    ("one-line cell, no-break space", "NAME\nSEX\n5\nNDIAYE\u2010Fall,\u00a0 Aissatou\nF\n1/9/1990\n",
     "NDIAYE\u2010Fall, Aissatou"),
    # roster blocks above a plural role line
    ("roster, one name a line", "STANDING PANEL\n\nHELEN VOSKUIJLEN, Chair\n\nTOMAS R. BEAULIEU\n\nGRACE "
     "OYELARAN-MOSS\n\nBoard Members\n\nOffice of the Clerk\n", "TOMAS R. BEAULIEU"),
    ("roster, one name a line", "STANDING PANEL\n\nHELEN VOSKUIJLEN, Chair\n\nTOMAS R. BEAULIEU\n\nGRACE "
     "OYELARAN-MOSS\n\nBoard Members\n\nOffice of the Clerk\n", "GRACE OYELARAN-MOSS"),
    ("roster, two names a line", "PANEL\n\nIVAN K. SOKOLOV, Chair\n\nARTURO QUISPE FERNANDEZ LUCIA M. ODHIAMBO\n\n"
     "Commissioners\n", "ARTURO QUISPE FERNANDEZ"),
    ("roster, two names a line", "PANEL\n\nIVAN K. SOKOLOV, Chair\n\nARTURO QUISPE FERNANDEZ LUCIA M. ODHIAMBO\n\n"
     "Commissioners\n", "LUCIA M. ODHIAMBO"),
    ("roster run on one line", "Volume 4 DIRECTORY IVAN K. SOKOLOV, Chair BEATRIZ ALMONTE-REYES LUCIA M. ODHIAMBO "
     "Commissioners Paul Ferrante, Counsel", "BEATRIZ ALMONTE-REYES"),
    # signature blocks: a name line above a title line, names after "by:"
    ("signature, title with an office", "Thank you for your patience.\n\nIgnatius Farrow\n\nChief, Records Review "
     "Office\n", "Ignatius Farrow"),
    ("signature, title line", "The motion is granted.\n\nTamsin Whitlock\nSupervisory Detention and Deportation "
     "Officer\n", "Tamsin Whitlock"),
    ("signature, title opening with a modifier", "Sincerely,\n\nAnneliese Vantongeren\nField Office Director\n",
     "Anneliese Vantongeren"),
    ("signature, name run into its title", "Respectfully,\n\nDerek Ashworth Supervisory Detention and Deportation "
     "Officer Boston Field Office\n", "Derek Ashworth"),
    ("directory, name under a title line", "AUDIT BUREAU\n\nEdward Carey, Jr.\n\nAssistant Comptroller, Financial "
     "Audits\n\nFaige Hornberger\n\nSpecial Projects Team\n", "Faige Hornberger"),
    ("a short word inside a name", "The petitioner, Chan We Hong, arrived in 1958.", "Chan We Hong"),
    ("signature after by:", "Entered for the Court\nMARGARET HOLLIS, Clerk\nby: Delphine Okafor\nDeputy Clerk\n",
     "Delphine Okafor"),
    ("staff list", "AUDIT BUREAU\n\nRosalind Achterberg\n\nDeputy Comptroller for Audit\n\nQuentin Marchetti\n\n"
     "Assistant Comptroller, Contract Audits\n", "Quentin Marchetti"),
    # a list of names one a line: the neighbours of a found name line
    ("list, one name a line", "Special Projects Unit\n\nTsering Dolkar\n\nShakil Uddin\n\nMaria Hernandez\n\n"
     "David Goldberg\n\nReport Editor\n", "Shakil Uddin"),
    ("list, one name a line", "Special Projects Unit\n\nTsering Dolkar\n\nShakil Uddin\n\nMaria Hernandez\n\n"
     "David Goldberg\n\nReport Editor\n", "Tsering Dolkar"),
    # a declaration cited by its declarant's surname
    ("declarant", 'See ECF No. 14-2, Exh. 3 ("Abernathy Decl.") at 4; Reyes Aff. 3.', "Reyes"),
    # a party named by initials in a caption, and the initials without dots in the opinion
    ("party initials", "No. 19-4410 K.T.N., Petitioner v. ATTORNEY GENERAL, Respondent. The agency detained KTN "
     "for a year; KTN appealed.", "K.T.N."),
    ("party initials undotted", "No. 19-4410 K.T.N., Petitioner v. ATTORNEY GENERAL, Respondent. The agency "
     "detained KTN for a year; KTN appealed.", "KTN"),
    # an attorney's "Esq." after the name
    ("Esq.", "ON BEHALF OF THE APPLICANT: LEOPOLD R. VANTERPOOL, ESQ. 12 Harbor View", "LEOPOLD R. VANTERPOOL"),
]


@pytest.mark.parametrize(("kind", "text", "name"), FOUND)
def test_name_found(engine, kind, text, name):
    for how, found in _both(engine, text):
        if how == "raw":
            assert name in [_norm(s) for s in found], (kind, how, found)
        else:  # joined lines of a short block may bring the next cell ("Chinedu M"): the name is inside a finding
            assert any(name in _norm(s) for s in found), (kind, how, found)


NOT_FOUND = [
    # places, agencies and offices laid out one a line are not a roster of people
    ("boroughs above Offices", "BROOKLYN\nQUEENS\nSTATEN ISLAND\nOffices\n", None),
    ("places above Members", "Dallas County\nEl Paso County\nHarris County\nMembers\n", None),
    ("agencies above Members", "NEWARK FIELD OFFICE\nHOUSTON FIELD OFFICE\nMembers\n", None),
    ("department above a title", "Human Resources\n\nDirector\n", None),
    # a notice heading is not a surname cell
    ("heading, comma", "WARNING,\nFailure to appear at the hearing may result in an order.\n", "WARNING"),
    ("state, comma", "TEXAS,\nHouston\n", "TEXAS"),
    # a role after a roster comma is not a given name; directory words are not names
    ("role after the comma", "DIRECTORY\n\nIVAN K. SOKOLOV, Chair\n\nMARA LINDQVIST, Vice-Chair\n", "Chair"),
    ("directory heading", "DIRECTORY\n\nIVAN K. SOKOLOV, Chair\n\nMARA LINDQVIST, Vice-Chair\n", "DIRECTORY"),
    # a heading next to a name line is not a name; a declaration's ordinal is not a declarant
    ("heading next to a name", "John Smith\n\nCase Summary\n\nThe respondent was born in 1980.\n", "Summary"),
    ("declaration ordinal", "See Second Decl. 4 and Supplemental Decl. 2.", "Second"),
    # capitals without a party's initials in a caption; a company's initials before its role
    ("capitals, no caption", "The IT staff and the HR office met; IT agreed.", "IT"),
    ("company initials", "No. 21-100 R.T.K. Corp., Plaintiff v. Lindqvist, Defendant.", "R.T.K."),
    # a cause of death in a death report's table, with no-break spaces
    ("cause of death", "No\nIGSA\nAnoxic\u00a0Brain\u00a0Injury\u00a0due\u00a0\nto\u00a0Cardiac\u00a0Arrest\n", "Injury"),
    # a program's name is not a person's
    ("program name", "All of those arrested are considered Fugitive Alien Removal (FAR) cases by the Enforcement and "
     "Removal office.", "Removal"),
    # an office after a title line is not a name after a title
    ("office after a title", "Respectfully,\n\nDerek Ashworth Supervisory Detention and Deportation Officer Boston "
     "Field Office\n", "Boston"),
    # "Esquire" after a listed attorney is not a surname with a city as given name
    ("Esquire, city", "FOR RESPONDENT: Nora E. Nordstrom, Esquire, Huntsville, Texas\n", "Esquire"),
    # a law firm's suffix is not part of a name
    ("firm suffix", "Counsel: Odalys Q. Ferrante, Ferrante & Ostrowski LLP, Miami, FL, for Petitioner.", "LLP"),
]


@pytest.mark.parametrize(("kind", "text", "word"), NOT_FOUND)
def test_not_a_name(engine, kind, text, word):
    for how, found in _both(engine, text):
        if word is None:
            assert found == [], (kind, how, found)
        else:
            assert not any(word in s for s in found), (kind, how, found)

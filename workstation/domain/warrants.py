"""What counsel may cite as a judicial warrant, and what counts as a written reason (issue 12, item 5).

One rule, used by ``LegalBasis.problem`` (the case's legal basis: ``case new --basis``, the window's case
properties) and by the policy engine's override checks (``case override --warrant/--reason``; a stored override is
checked again at export).

**Normalisation** (``normalise_reference``), before anything is checked or stored: Unicode NFKC (full-width and
compatibility forms become ASCII), every format character (category Cf: zero-width spaces and joiners, soft
hyphens, bidi controls) removed, every dash-like character (category Pd, the minus signs) becomes ``-``, Greek and
Cyrillic letters that look like Latin ones become those Latin letters (``_CONFUSABLES``), runs of white space
become one space.

**A judicial warrant's number** (``warrant_problem``) is then refused when it

- is longer than ``MAX_REFERENCE_LENGTH`` (200) characters, or holds a control character;
- names an immigration officer's administrative form, in any spelling: I-200, I-203, I-205, I-247 and
  I-247A/D/N/X (``I 247 a``, ``I‐2OO`` with letters O, ``Ι-200`` with a Greek iota ...);
- names an administrative authority or process: administrative / admin, detainer / detain, immigration,
  deportation, removal, DHS, ICE, CBP, USCIS, ERO, HSI, EOIR, INS (letters may be separated: ``D.H.S.``);
- keeps a character other than printable ASCII after normalisation (a letter of another script);
- is not exactly a court followed by a docket number (or the number followed by the court in parentheses):

  court — a federal district abbreviation (``S.D.N.Y.``, ``SDNY``, ``E.D.N.Y.``, ``D.N.J.``, ``N.D. Ill.``), the
  federal court by name (``U.S. District Court``, ``United States District Court for the Southern District of New
  York``), or a state court (``N.Y. Sup. Ct.``, ``Sup. Ct. N.Y. County``, ``Supreme Court, Kings County``,
  ``N.Y.C. Crim. Ct.``, ``Criminal Court of the City of New York``, county, family, district, city, town and
  surrogate's courts);

  docket — a federal docket (``1:24-mj-01234``, ``26-MJ-01234``, ``24 Mag. 1234``, ``1:24-cr-00123-ABC``), a
  New York City criminal docket (``CR-012345-24NY``, ``2024NY012345``), a number/year (``Ind. No. 1234/2024``,
  ``Index No. 12345/2024``), or a labelled number of at least 3 digits (``Search Warrant No. 12345``), optionally
  after ``No.`` / ``Case No.`` / ``Docket No.``.

**A written reason** (``reason_problem``) has at least ``MIN_REASON_LENGTH`` characters and at least
``MIN_REASON_WORDS`` different real words: words of 3 letters or more with a vowel, no letter three times in a
row, no run of 5 consonants ("xxxxxxxxxx", "asdf asdf asdf", "aaaa bbbb cccc" are refused).

Error messages say what is wrong and never repeat the text given (a form or a word found is named canonically).
"""

from __future__ import annotations

import re
import unicodedata

MAX_REFERENCE_LENGTH = 200
MIN_REASON_LENGTH = 10
MIN_REASON_WORDS = 3
MAX_REASON_LENGTH = 2000
EXAMPLES = "e.g. 'S.D.N.Y. 1:24-mj-01234' or 'N.Y. Sup. Ct. Ind. No. 1234/2024'"

# Greek and Cyrillic letters drawn like Latin ones (upper and lower case), folded to the Latin letter.
_CONFUSABLES = str.maketrans({
    # Greek
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039a": "K",
    "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X",
    "\u03aa": "I", "\u03ab": "Y", "\u03f9": "C", "\u037f": "J",
    "\u03b1": "a", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v", "\u03bf": "o", "\u03c1": "p", "\u03c5": "u",
    "\u03c7": "x", "\u03b3": "y", "\u03f2": "c", "\u03f3": "j", "\u03ca": "i",
    # Cyrillic
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H", "\u041e": "O",
    "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0423": "Y", "\u0425": "X", "\u0405": "S", "\u0406": "I",
    "\u0407": "I", "\u0408": "J", "\u04ae": "Y", "\u04c0": "I", "\u051a": "Q", "\u051c": "W", "\u04bb": "h",
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
    "\u0455": "s", "\u0456": "i", "\u0457": "i", "\u0458": "j", "\u04cf": "l", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04af": "y", "\u0261": "g",
    # Latin letters that read as others
    "\u0131": "i", "\u0130": "I",
})
# Dash-like characters outside category Pd
_EXTRA_DASHES = frozenset("\u2212\u2043\u02d7\u2796\ufe63\u2012")


def clean_text(text: str) -> str:
    """NFKC, format characters (zero-width, soft hyphens, bidi controls) removed, white space collapsed: how a
    written reason is checked and stored."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", text).strip()


def normalise_text(text: str) -> str:
    """``clean_text``, then every dash as ``-`` and Greek/Cyrillic look-alikes as Latin letters."""
    out = ("-" if unicodedata.category(ch) == "Pd" or ch in _EXTRA_DASHES else ch for ch in clean_text(text))
    return "".join(out).translate(_CONFUSABLES)


def normalise_reference(text: str) -> str:
    """The form in which a legal basis' reference is checked and stored."""
    if len(text) > 4 * MAX_REFERENCE_LENGTH:  # not worth normalising: refused for its length anyway
        return text
    return normalise_text(text)


# ----- administrative forms and words

_SEP = r"[\s\-._/#:]*"
_FORM = re.compile(rf"(?<![A-Z0-9])I{_SEP}(?:(2)[\s\-._]*([0O])[\s\-._]*([035O])|(2)[\s\-._]*(4)[\s\-._]*(7)"
                   rf"(?:[\s\-._]*([ADNX]))?)(?![0-9A-Z])")
_LONG_WORDS = {"ADMINISTRATIVE": "administrative", "ADMIN": "administrative", "DETAIN": "detainer",
               "IMMIGRATION": "immigration", "DEPORT": "deportation", "REMOVAL": "removal"}
_ACRONYMS = ("DHS", "ICE", "CBP", "USCIS", "ERO", "HSI", "EOIR", "INS")
_SPACED = r"[\s.]*"
_ACRONYM = re.compile("|".join(rf"(?<![A-Z]){_SPACED.join(a)}(?![A-Z])" for a in _ACRONYMS))


def administrative_form(text: str) -> str | None:
    """``I-200`` ... ``I-247X`` when ``text`` (normalised) names an administrative warrant or detainer form."""
    m = _FORM.search(text.upper())
    if m is None:
        return None
    digits = "".join(g for g in m.groups() if g).replace("O", "0")
    return f"I-{digits}"


def administrative_word(text: str) -> str | None:
    """The administrative authority or process ``text`` (normalised) names, or None."""
    upper = text.upper()
    m = _ACRONYM.search(upper)
    if m is not None:
        return re.sub(r"[\s.]", "", m.group(0))
    letters = re.sub(r"[^A-Z]", "", upper)
    for stem, word in _LONG_WORDS.items():
        if stem in letters:
            return word
    return None


# ----- the court and the docket

_POSTAL = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
           "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI").split()
_BLUEBOOK = ("Ala Alaska Ariz Ark Cal Colo Conn Del Fla Ga Haw Idaho Ill Ind Iowa Kan Ky La Me Md Mass Mich Minn "
             "Miss Mo Mont Neb Nev Ohio Okla Or Pa Tenn Tex Utah Vt Va Wash Wis Wyo").split()
_DOTS = r"\.?\s?"
_STATE = "(?:" + "|".join([_DOTS.join(p) + r"\.?" for p in _POSTAL] + [r"W\.?\s?Va\.?"]
                          + [rf"{b}\.?" for b in _BLUEBOOK]) + ")"
_FED_ABBR = rf"(?<![A-Za-z])(?:[NSEWCM]\.?\s?)?D\.?\s?{_STATE}(?![A-Za-z])"
_FED_NAME = (r"(?:U\.?\s?S\.?|United\s+States)\s+(?:District\s+Court|Dist\.\s*Ct\.)(?:\s*(?:,\s*|for\s+the\s+)"
             r"(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?District\s+of\s+[A-Za-z]+"
             r"(?:\s+[A-Za-z]+)?)?")
_CT = r"C(?:our)?t\.?"
_KIND = (rf"(?:Sup(?:reme)?\.?\s+{_CT}|Crim(?:inal)?\.?\s+{_CT}|Fam(?:ily)?\.?\s+{_CT}|County\s+{_CT}|"
         rf"Cnty\.?\s+{_CT}|Dist(?:rict)?\.?\s+{_CT}|City\s+{_CT}|Town\s+{_CT}|Village\s+{_CT}|Justice\s+{_CT}|"
         rf"Sur(?:rogate'?s)?\.?\s+{_CT})")
_COUNTY = r"(?:N\.?\s?Y\.?|[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(?:County|Cnty\.?|Co\.)"
_PLACE = rf"(?:{_COUNTY}|N\.?\s?Y\.?(?:\s?C\.?)?|NYS|New\s+York(?:\s+(?:City|State))?)"
_STATE_COURT = (rf"(?:{_PLACE},?\s+)?{_KIND}(?:,?\s+(?:of\s+the\s+City\s+of\s+New\s+York|(?:of\s+|for\s+)?"
                rf"{_PLACE}))?")
_COURT = rf"(?:{_FED_NAME}(?:,?\s*{_FED_ABBR})?|{_FED_ABBR}|{_STATE_COURT})"

_FED_NO = (r"(?<![\w:])(?:\d{1,2}:)?\d{2}[-\s]?(?:mj|mag|cr|crim|cv|civ|mc|misc|sw|sc|po|m)\.?[-\s]?\d{1,6}"
           r"(?:-[A-Z]{1,4}){0,3}(?![\w])")
_NYC_CR = r"(?<![\w])(?:CR-\d{6}-\d{2}[A-Z]{2}|\d{4}[A-Z]{2}\d{6})(?![\w])"
_NUM_YEAR = r"(?<![\w/])\d{1,7}/\d{2,4}(?![\w/])"
_NO = r"(?:No\.?|Number|#)"
_LABEL = (rf"(?:(?:(?:Search\s+)?Warrant|Ind(?:ictment)?\.?|Index|Docket|Dkt\.?|Case|File|S\.?W\.?)\s*{_NO}?\s*|"
          rf"{_NO}\s*)")
_LABELLED_NO = r"(?:[A-Z]{1,3}-?)?\d{3,8}(?:-\d{2,4})?(?![\w/])"
_DOCKET = rf"(?:{_LABEL}?(?:{_FED_NO}|{_NYC_CR}|{_NUM_YEAR})|{_LABEL}{_LABELLED_NO})"
_JOIN = r"\s*[,;:]?\s*"

_FULL = re.compile(rf"(?:{_COURT}{_JOIN}{_DOCKET}|{_DOCKET}{_JOIN}(?:\(\s*{_COURT}\s*\)|{_COURT}))\.?",
                   re.IGNORECASE)
_COURT_RE = re.compile(_COURT, re.IGNORECASE)
_DOCKET_RE = re.compile(_DOCKET, re.IGNORECASE)


def _first_bad_character(text: str) -> str | None:
    for pos, ch in enumerate(text, 1):
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cs", "Cn"):
            return f"holds a control or unassigned character (U+{ord(ch):04X} at position {pos})"
    return None


def reference_problem(text: str, what: str = "the reference") -> str | None:
    """Length and characters, for any legal basis' reference (normalised by the caller or not)."""
    if len(text) > 4 * MAX_REFERENCE_LENGTH:
        return f"{what} is {len(text):,} characters long (at most {MAX_REFERENCE_LENGTH})"
    norm = normalise_text(text)
    if len(norm) > MAX_REFERENCE_LENGTH:
        return f"{what} is {len(norm):,} characters long (at most {MAX_REFERENCE_LENGTH})"
    bad = _first_bad_character(norm)
    return f"{what} {bad}" if bad else None


def warrant_problem(text: str) -> str | None:
    """Why ``text`` is not a judicial warrant's number (one line, without repeating ``text``), or None."""
    problem = reference_problem(text, "the warrant number")
    if problem:
        return problem
    norm = normalise_text(text)
    if not norm:
        return "a judicial-warrant must be referenced by the warrant's number"
    form = administrative_form(norm)
    if form:
        return (f"Form {form} is an immigration officer's administrative warrant or detainer, not a judicial warrant "
                "signed by a judge")
    word = administrative_word(norm)
    if word:
        return (f"the warrant number names {word!r}: an administrative warrant, detainer or immigration process is "
                "not a judicial warrant signed by a judge")
    for pos, ch in enumerate(norm, 1):
        if not (" " <= ch <= "~"):
            name = unicodedata.name(ch, "unnamed character")
            return (f"the warrant number holds U+{ord(ch):04X} ({name}) at position {pos}: write it in Latin "
                    "letters, digits and punctuation")
    if _FULL.fullmatch(norm):
        return None
    court, docket = _COURT_RE.search(norm), _DOCKET_RE.search(norm)
    if court is None and docket is None:
        return f"not a judicial warrant number: it names no court and no docket number ({EXAMPLES})"
    if court is None:
        return f"not a judicial warrant number: it names no court ({EXAMPLES})"
    if docket is None:
        return f"not a judicial warrant number: it has no docket number after the court ({EXAMPLES})"
    return f"not a judicial warrant number: it has text besides the court and the docket number ({EXAMPLES})"


# ----- written reasons

_WORD = re.compile(r"[^\W\d_]+")


def _is_real_word(word: str) -> bool:
    base = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    if len(base) < 3 or re.search(r"(.)\1\1", base):
        return False
    if not base.isascii():
        return True  # another script: length and repetition only
    return bool(re.search(r"[aeiouy]", base)) and not re.search(r"[^aeiouy]{5}", base)


def reason_problem(reason: str) -> str | None:
    """Why ``reason`` is not a written reason (one line), or None."""
    text = clean_text(reason[: 4 * MAX_REASON_LENGTH])
    if len(text) < MIN_REASON_LENGTH:
        return f"an override needs a written reason (at least {MIN_REASON_LENGTH} characters)"
    if len(reason) > MAX_REASON_LENGTH:
        return f"the written reason is {len(reason):,} characters long (at most {MAX_REASON_LENGTH})"
    bad = _first_bad_character(text)
    if bad:
        return f"the written reason {bad}"
    words = {w.lower() for w in _WORD.findall(text) if _is_real_word(w)}
    if len(words) < MIN_REASON_WORDS:
        return (f"an override needs a written reason in words (at least {MIN_REASON_WORDS} different words, not "
                "repeated or random letters)")
    return None

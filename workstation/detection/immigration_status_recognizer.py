"""IMMIGRATION_STATUS: status and proceedings phrases ("undocumented", "lawful permanent resident", "asylee",
"TPS", "DACA recipient", "H-1B", "removal proceedings", "ICE detainer", "previously deported", "U.S. citizen" ...).

The span is the phrase. Most phrases come from word lists (``resources/wordlists/immigration_status_*.txt``),
compiled once per process into two trie-shaped regular expressions: one case-insensitive with flexible spacing,
hyphens and dots ("asylum-seeker" = "asylum seeker", "U.S. citizen" = "US citizen"), one case-sensitive for
acronyms and visa classes ("EWI", "LPR", "TPS", "H-1B"). The longest phrase wins.

Context decides the ambiguous words:

* "parole"/"parolee"/"paroled" and short visa classes ("F-1", "J-1", "K-1", "B-2", "TN") only near immigration
  words ("parole officer" in a criminal report is not a finding);
* "alien" / "noncitizen" alone name a person and state no status ("the noncitizen was released"); "immigration
  judge", "Immigration and Naturalization Service", "Office of Refugee Resettlement" are offices; a bare
  "naturalization" / "deportation" only as a person's ("his deportation", "application for naturalization");
* "Visa" the card brand ("Visa debit card", "expired Visa card") and "permanent residence" used as an address
  label are not findings;
* "LPR" is a lawful permanent resident, not a licence-plate reader ("LPR camera", "Flock LPR hit");
* "ICE" alone (the agency) is weak and not in upper-case lines (where it may be the drug);
* form fields ("Immigration Status: ...", "Visa Type: ...", "Estatus migratorio: ...") report the value up to
  the end of the line; a generic "Status:" value only when it is itself a status ("Status: Asylee").

Real legal and agency language (court opinions, BIA/AAO decisions, ICE releases and detainee death reports):

* entries and presence: an entry verb with how the entry was made ("crossed without being inspected", "reentered
  surreptitiously", "entered at other than a designated port", "with a borrowed passport"), also with words between
  them, read from the spaCy lemmas and POS tags ("entered the United States near Laredo in 2004 without
  inspection"); "not inspected", "has not been admitted or paroled", "present in the United States without being
  admitted"; burglary entries ("unlawfully entered the dwelling") are not findings;
* overstays: "remained beyond that date without authorization", "stayed past the date he was allowed", "violated
  the terms of his student status", "admitted ... until <date>";
* charges, orders, custody: "charged (him) as inadmissible", "was removable", "deportability", "was removed to X",
  "Trejo's removal" (the name stays a PERSON), detainers placed / honoured / issued, "taken into ICE custody pending
  a removal hearing", "found him ineligible for immigration relief", old BIA charge lines ("CHARGES: Warrant: Act
  of 1924 - Remained longer-seaman");
* sentences stating the law about a class ("An alien who ... is", "A noncitizen may be charged ...", "those who")
  and statistics ("ERO has removed more than 500 ...") are not findings.

The lexicon and the form/table patterns are in ``immigration_status_lexicon``, the real-language patterns in
``immigration_status_phrases``, the layout readers (charge lines, table columns, form fields) in
``immigration_status_fields``, the sentence-level readers (entries read from the dependency parse, sentences
that state law in the abstract) in ``immigration_status_grammar``; this module runs them.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection import immigration_status_completion as completion
from workstation.detection import immigration_status_groups as groups
from workstation.detection import immigration_status_habeas as habeas
from workstation.detection import immigration_status_history as history
from workstation.detection import immigration_status_nouns as nouns
from workstation.detection import immigration_status_span as status_span
from workstation.detection.immigration_status_gates import scan
from workstation.detection.immigration_status_grammar import _StatusGrammar
from workstation.detection.immigration_status_lexicon import (
    _CARD_AFTER,
    _CELL_GAP,
    _CITIZEN_CLAIM,
    _DEPORTATION_TITLE_AFTER,
    _DETENTION,
    _ENTRY_MANNER,
    _ICE_ACTION,
    _LPR,
    _LPR_CAMERA,
    _MONITOR,
    _MONITOR_CONTEXT,
    _NEGATED_HAVE,
    _NO_STATUS_AFTER,
    _NOT_DEPARTED,
    _ORDER_NEAR,
    _ORDERED_REMOVED,
    _ORG_AFTER,
    _PAROLE,
    _PAROLE_CRIMINAL_AFTER,
    _PAROLE_CRIMINAL_BEFORE,
    _RESIDENCE_AFTER,
    _VISA_CLASS,
    _VISA_CONTEXT_RE,
    _VISA_IN_BRACKETS,
    CONTEXT,
    DEFAULT_SCORE,
    _has_context,
    _Lexicon,
    _upper_line,
    lexicon,
)
from workstation.detection.immigration_status_phrases import (
    _ACTED_BY_AGENCY,
    _ADMITTED_UNTIL,
    _AGENCY_ACTS,
    _BARE_PERSON_NOUNS,
    _BENEFICIARY,
    _CHARGED,
    _CITIZENSHIP_VERB,
    _CLASS_BEFORE,
    _CREW,
    _DETAINER,
    _DIPLOMATIC,
    _ELIGIBLE,
    _ENCOUNTER,
    _ENTERED_PREMISES,
    _ENTRY,
    _GENERIC_PLURAL_BEFORE,
    _GENERIC_REMOVABLE,
    _GROUP_AFTER,
    _IN_CUSTODY,
    _NATURALIZATION_OWN,
    _NATURALIZATION_OWN_AFTER,
    _NOT_ADMITTED,
    _ORG_BEFORE,
    _OVERSTAY,
    _OWN_BEFORE,
    _PRESENT_WITHOUT,
    _REMOVAL_NOUN,
    _REMOVED,
    _STRONG_MANNER,
    _US,
    _VIOLATED_TERMS,
    _VISA_CLASS_LOOSE,
    _WAIVER,
    _WAIVER_CONTEXT,
)
from workstation.detection.nationality_recognizer import result
from workstation.detection.phrases import phrase_key

# a quantifier over a class right before a status phrase: "any (lawful) permanent resident alien", "every alien"
_ANY_BEFORE = re.compile(r"(?<![\w])(?i:any|every|each)\s+(?:(?!(?i:of|his|her|their|the)\b)[\w-]+\s+){0,2}$")
# a person's name inside the object of an agency's action (up to the last capitalised word of it)
_NAME_IN_OBJECT = re.compile(r"^.*(?<![\w])(?!(?:ICE|ERO|CBP|DHS|INS|NTA|ATD|ISAP|I-\d)\b)(?-i:[A-Z][a-z][\w'\-\u2010]*)")
# "did not depart from its policy": leaving something other than the country
_DEPART_FROM_OTHER = re.compile(r"\s+(?i:from)\s+(?!(?i:the\s+United|the\s+U\.\s?S|this\s+country|the\s+country))")


# "arrested for illegal immigration", "his illegal immigration": the person's own offence (not a policy word)
_OWN_OFFENCE_BEFORE = re.compile(r"(?:(?i:charged|arrested|convicted|detained|prosecuted|sentenced|indicted|cited|"
                                 r"booked)\s+(?:\w+\s+){0,2}?(?i:for|with|of)|(?<![\w])(?i:his|her|their))\s+$")


class ImmigrationStatusRecognizer(_StatusGrammar):
    """Immigration status, proceedings and citizenship-status phrases."""

    ENTITY = "IMMIGRATION_STATUS"
    CONTEXT = CONTEXT

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="ImmigrationStatusRecognizer",
                         supported_language="en", version="1.0")

    def load(self) -> None:
        lexicon()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        lex = lexicon()
        found: list[tuple[int, int, float]] = []
        for m in self._phrase_matches(text, lex):
            score = lex.phrase_scores.get(phrase_key(m.group()))
            if score is None:
                continue
            key = phrase_key(m.group())
            after = text[m.end() : m.end() + 40]
            if key.endswith("visa") and _CARD_AFTER.match(after):
                continue
            if key.startswith("no") and key.endswith("status") and _NO_STATUS_AFTER.match(after):
                continue
            if key == "permanentresidence" and _RESIDENCE_AFTER.match(after):
                continue
            if key in lex.label_keys and re.match(r"[ \t]*[:\uff1a]", after):
                continue  # "Estatus migratorio: sin papeles": the label of a form field, whose value is reported
            if key == "immigrationcourt" and m.group()[:1].isupper() and m.group().split()[-1][:1].isupper() \
                    and not re.match(r"[ \t]+(?i:hearings?|dates?|case|proceedings|appearance|appointment)\b", after):
                continue  # "filed with the Immigration Court", "an Immigration Court ordered": the court, an office
            if key.startswith("deportation") and _DEPORTATION_TITLE_AFTER.match(after):
                continue  # "Deportation Officer Smith": a job title
            org = _ORG_AFTER.match(after) if m.group()[:1].isupper() else None
            if org and all(w[:1].isupper() for w in m.group().split()) \
                    and (" " in m.group() or org.group().split()[0][:1].isupper() and len(org.group().split()) > 1):
                continue  # "Asylum Seeker Arrival Center", "Refugee Resettlement Program": a facility's name
            if key in ("illegallyentered", "unlawfullyentered") and _ENTERED_PREMISES.match(after):
                continue  # "unlawfully entered the dwelling": a burglary, not an entry into the country
            if key in ("didnotdepart", "failedtodepart") and _DEPART_FROM_OTHER.match(after):
                continue  # "did not depart from its policy": a rule, not the country
            if key in _BARE_PERSON_NOUNS:
                continue  # "the noncitizen", "an alien": a person, not a statement of status
            if key == "illegalimmigration" and not _OWN_OFFENCE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "repel the invasion of illegal immigration", "combat illegal immigration": a policy word
            if key in ("naturalization", "naturalisation") and not _NATURALIZATION_OWN.search(
                    text[max(0, m.start() - 30) : m.start()]) and not _NATURALIZATION_OWN_AFTER.match(after):
                continue  # "Immigration and Naturalization Service", "law of naturalization"
            if key in ("deportation", "deportations", "removal") and not _OWN_BEFORE.search(
                    text[max(0, m.start() - 30) : m.start()]):
                continue  # "the special deportation procedure", "arrest and deportation": not a person's
            if key.endswith("aliens") and _GENERIC_PLURAL_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "by removing criminal aliens": a class of people in general
            if m.group()[:1].isupper() and _ORG_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "Office of Refugee Resettlement", "Board of Immigration Appeals": an organisation
            if key == "groundsofinadmissibility" and not _OWN_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "section 212 lists the grounds of inadmissibility": the law
            if key.endswith("custody") and _CLASS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "List of Deaths in ICE Custody": a class of events
            if key == "icedetention" and re.match(r"\s+(?i:and\s+removal)", after):
                continue  # "ICE Detention and Removal Operations": an office
            if key.startswith("removable") and _GENERIC_REMOVABLE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "fugitives who are wanted abroad and removable under ...": a class in general
            if key == "asylum" and re.search(r"(?i:insane|lunatic|mental|orphan)\s+$", text[max(0, m.start() - 20) : m.start()]):
                continue
            found.append((m.start(), m.end(), score))
        for m in lex.acronyms.finditer(text):
            score = lex.acronym_scores.get(phrase_key(m.group()))
            if score is None or _CELL_GAP.search(m.group()):
                continue
            found.append((m.start(), m.end(), score))
        found.extend(self._contextual(text))
        found.extend(self._entries_by_lemma(text, nlp_artifacts))
        found.extend(self._stories(text))
        found.extend(self._form_fields(text, lex))
        found.extend(self._table_columns(text, lex))
        found.extend(completion.findings(text))
        found.extend(history.findings(text))
        found.extend(nouns.findings(text))
        found.extend(habeas.findings(text))
        found.extend(groups.findings(text))
        generic = self._generic_sentences(text) + self._headnotes(text)
        spans = []
        for s, e, sc in found:
            if any(a <= s < b for a, b in generic):
                continue
            if _ANY_BEFORE.search(text, max(0, s - 40), s):
                continue  # "authorizing any permanent resident alien", "every noncitizen": a class, not a person
            s, e = status_span.complete(text, s, e)
            spans.append((s, e, sc))
        return [result(self.ENTITY, s, e, sc, self) for s, e, sc in self._bridged(text, spans, nlp_artifacts)]

    @staticmethod
    def _phrase_matches(text: str, lex: _Lexicon) -> list[re.Match[str]]:
        """The word-list phrases in text; a match across a column gap is matched again cell by cell."""
        out: list[re.Match[str]] = []
        for m in lex.phrases.finditer(text):
            if not _CELL_GAP.search(m.group()):
                out.append(m)
                continue
            pos = m.start()
            for gap in [*_CELL_GAP.finditer(text, m.start(), m.end()), None]:
                piece_end = gap.start() if gap else m.end()
                out.extend(x for x in lex.phrases.finditer(text, pos, piece_end) if x.end() <= piece_end)
                if gap:
                    pos = gap.end()
        return out

    def _contextual(self, text: str) -> list[tuple[int, int, float]]:
        out: list[tuple[int, int, float]] = []
        # an immigration agency's enforcement action on a person: "CBP detained him", "the INS apprehended the
        # applicant", "was deported by ICE" (not the police's arrests, not statistics: "ICE removed 540 people")
        for m in scan(_AGENCY_ACTS, text):
            out.append((m.start("verb"), m.end("verb"), 0.7))
        for m in scan(_ACTED_BY_AGENCY, text):
            out.append((m.start("verb"), m.end("verb"), 0.7))
        for m in scan(_PAROLE, text):
            s, e = m.span()
            word = m.group().lower()
            if _PAROLE_CRIMINAL_AFTER.match(text[e : e + 40]):
                continue
            if word == "parole" and _PAROLE_CRIMINAL_BEFORE.search(text[max(0, s - 30) : s]):
                continue
            if _has_context(text, s, e):
                out.append((s, e, 0.6))
        for m in scan(_VISA_CLASS, text):
            s, e = m.span()
            if m.group("suffix"):
                out.append((s, e, DEFAULT_SCORE))
            elif m.group("hyphen") and _VISA_CONTEXT_RE.search(text[max(0, s - 120) : e + 120]):
                out.append((s, e, 0.6))
        for m in scan(_LPR, text):
            s, e = m.span()
            window = text[max(0, s - 100) : e + 100]
            if not _LPR_CAMERA.search(window):
                out.append((s, e, DEFAULT_SCORE))
            elif _has_context(text, s, e):
                out.append((s, e, 0.6))
        for m in scan(_ICE_ACTION, text):
            s, e = m.span()
            if m.group("verb").lower().startswith(("released", "issued", "issues", "placed", "served", "transferred",
                                                  "enrolled", "fitted", "put", "monitors")) \
                    and not m.group("object"):
                continue  # "ICE issued a statement": only with what ICE issued to the person
            verb = m.group("verb").lower()
            if verb.startswith(("arrest", "apprehend", "raided", "encountered")) and not m.group("object") \
                    and (re.search(r"(?i:officers?|agents?|officials?)\s", m.group())
                         or not re.match(r"\s+(?:him|her|them|[A-Z][a-z]+)\b", text[m.end("verb") : m.end("verb") + 30])):
                continue  # "ERO deportation officers arrested 12 individuals": enforcement, not a person's status
            if _GROUP_AFTER.match(text[m.end("verb") : m.end("verb") + 30]):
                continue  # "ERO has removed more than 540 fugitives": a statistic
            if _upper_line(text, s) and not m.group("object"):
                continue  # "ICE" in an upper-case line may be the drug
            obj = m.group("object")
            named = _NAME_IN_OBJECT.search(obj) if obj else None
            if named:  # "ICE has detained Herbert Flores-Torres in immigration custody": the name stays a PERSON
                out.append((s, m.end("verb"), 0.7))
                rest = m.start("object") + named.end()
                out.append((rest + len(text[rest:e]) - len(text[rest:e].lstrip()), e, 0.7))
                continue
            out.append((s, e, 0.7))
        for m in scan(_NEGATED_HAVE, text):
            if m.group("noun").lower().startswith("document") and not m.group("qual").strip():
                continue  # "did not have documents for the car"
            if m.group("noun").lower() in ("authorization", "visa") and not _has_context(text, *m.span()):
                continue
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in scan(_CITIZEN_CLAIM, text):
            out.append((m.start("span"), m.end("span"), 0.6))
        for m in scan(_ORDERED_REMOVED, text):
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in scan(_DETENTION, text):
            if _has_context(text, *m.span()):
                out.append((m.start(), m.end(), 0.5))
        for m in scan(_ENTRY_MANNER, text):
            out.append((m.start("manner"), m.end("manner"), 0.7))
        for m in scan(_VISA_IN_BRACKETS, text):
            out.append((m.start(), m.end(), DEFAULT_SCORE))
        for m in scan(_NOT_DEPARTED, text):
            sent_start = max(text.rfind(".", 0, m.start()), m.start() - 200, 0)
            if _ORDER_NEAR.search(text, sent_start, m.start()):
                out.append((m.start(), m.end(), 0.7))
        for rx, score in ((_ENTRY, 0.8), (_NOT_ADMITTED, 0.7), (_OVERSTAY, 0.8), (_VIOLATED_TERMS, 0.8),
                          (_ADMITTED_UNTIL, 0.7), (_CHARGED, 0.8), (_DETAINER, 0.8), (_IN_CUSTODY, 0.8),
                          (_ELIGIBLE, 0.7), (_CITIZENSHIP_VERB, 0.7), (_BENEFICIARY, 0.8), (_CREW, 0.7),
                          (_VISA_CLASS_LOOSE, 0.7), (_DIPLOMATIC, 0.8), (_PRESENT_WITHOUT, 0.8),
                          (_ENCOUNTER, 0.8)):
            for m in scan(rx, text):
                if rx is _ENTRY and not self._unlawful_entry(text, m):
                    continue
                if rx is _NOT_ADMITTED and m.group("verb") and m.group("verb").lower() == "inspected" \
                        and not _has_context(text, *m.span()):
                    continue  # "the car was not inspected"
                if rx is _CREW and m.group("crew"):
                    if not re.search(_US + r"|(?i:port\s+of|at\s+[A-Z])", m.group("where")) and (
                            m.group("where").strip() or not re.match(r"\s+(?i:at)\s+(?-i:[A-Z])", text[m.end() : m.end() + 12])):
                        continue  # "entered Canada as a seaman": not an entry here ("admitted as a crewman at Mobile" is)
                    out.append((m.start("crew"), m.end("crew"), score))
                    continue
                out.append((m.start(), m.end(), score))
        for m in scan(_REMOVED, text):
            if _GROUP_AFTER.match(text[m.end() : m.end() + 30]) or re.match(r"(?i:are|is)\s", m.group()) \
                    or m.group("verb").lower() != "deported" and not _has_context(text, *m.span()):
                continue  # "illegal aliens are removed", "has removed more than 500": a class, a statistic
            if not m.group("aux") and not m.group("adv"):
                continue
            out.append((m.start("adv") if m.group("adv") else m.start("verb"), m.end(), DEFAULT_SCORE))
        for m in scan(_REMOVAL_NOUN, text):
            if _has_context(text, *m.span()):  # the span leaves the owner out: "Trejo's removal" is a name + status
                out.append((m.start() if m.group("adj2") else m.start("noun"), m.end(), 0.7))
        for m in scan(_WAIVER, text):
            window = text[max(0, m.start() - 300) : m.end() + 300]
            if _WAIVER_CONTEXT.search(window):
                out.append((m.start(), m.end(), 0.7))
        out.extend(self._charge_lines(text))
        for m in scan(_MONITOR, text):
            s, e = m.span()
            sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), s - 150) + 1
            sent_end = min(x for x in (text.find(".", e), text.find("\n", e), e + 150, len(text)) if x >= 0)
            if _MONITOR_CONTEXT.search(text, sent_start, sent_end):
                out.append((s, e, 0.7))
        return out

    @staticmethod
    def _unlawful_entry(text: str, m: re.Match[str]) -> bool:
        """Whether an entry match says how the person entered this country, not that someone entered a building."""
        if not (m.group("adv") or m.group("manner")):
            return False  # "entered the United States in 2001": an entry, not how it was made
        if m.group("manner") and _STRONG_MANNER.search(m.group("manner")):
            return True  # "without inspection", "at other than a designated port"
        if m.group("place") or re.search(r"(?i:re-?\s?ent)", m.group()):
            return True  # "entered the country illegally", "reentered surreptitiously"
        return bool(m.group("manner")) and _has_context(text, *m.span())  # "came back without permission"

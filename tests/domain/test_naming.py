"""Safe labels: a document's name with every token of a finding's text replaced (pure domain code)."""

from __future__ import annotations

import pytest

from workstation.domain.naming import (
    FALLBACK,
    SensitiveTerms,
    humanize,
    parse_word_list,
    path_sha256,
    safe_label,
    safe_labels,
    unique,
)

KEEP = parse_word_list("""
# generic words
the
and
of
street
avenue
road
case
report
statement
form
email
notice
letter
""")

SAMPLE_FINDINGS = ["Oluwaseun Adeyemi", "37-18 Junction Boulevard, Apt 2F, Corona, NY 11368", "(929) 555-0147",
                   "Nigerian", "o.adeyemi@mailbox.example.net", "Maria Guadalupe Hernandez Lopez", "03/14/1989",
                   "A-208-114-377", "41-20 Case Street, Elmhurst, NY 11373", "served a Notice to Appear",
                   "Li Xiuying", "Nguyễn Văn An"]


@pytest.mark.parametrize("stem, findings, expected", [
    # a name found in the case is replaced; the rest of the name stays readable
    ("witness-statement-adeyemi", SAMPLE_FINDINGS, "witness-statement-redacted"),
    ("Witness_Statement_ADEYEMI", SAMPLE_FINDINGS, "Witness_Statement_redacted"),
    # adjacent replaced tokens collapse into one, separators between them go with them
    ("oluwaseun-adeyemi-statement", SAMPLE_FINDINGS, "redacted-statement"),
    ("statement of Maria Guadalupe Hernandez-Lopez (2)", SAMPLE_FINDINGS, "statement of redacted (2)"),
    ("adeyemi", SAMPLE_FINDINGS, "redacted"),
    # whatever the category: an e-mail's user part, a nationality, a place, a 5-digit ZIP
    ("interview nigerian witness", SAMPLE_FINDINGS, "interview redacted witness"),
    ("canvass-corona-11368", SAMPLE_FINDINGS, "canvass-redacted"),
    ("mailbox-export", SAMPLE_FINDINGS, "redacted-export"),
    # generic words are kept even when a finding contains them ("Case Street", "Notice to Appear")
    ("case-street-report", SAMPLE_FINDINGS, "case-street-report"),
    ("notice-letter", SAMPLE_FINDINGS, "notice-letter"),
    # short tokens and short numbers are never replaced on their own
    ("li-xiuying", SAMPLE_FINDINGS, "li-redacted"),
    ("report-2f-929-0147", SAMPLE_FINDINGS, "report-2f-929-0147"),
    ("complaint-report-2026-115-004217", SAMPLE_FINDINGS, "complaint-report-2026-115-004217"),
    # ... but a run of them that spells a finding's number is
    ("a-208-114-377-notice", SAMPLE_FINDINGS, "redacted-notice"),
    ("a208114377", SAMPLE_FINDINGS, "redacted"),
    ("dob-03-14-1989", SAMPLE_FINDINGS, "dob-redacted"),
    ("call-929-555-0147", SAMPLE_FINDINGS, "call-redacted"),
    # accents and case do not matter
    ("nguyen-van-an-interview", SAMPLE_FINDINGS, "redacted-an-interview"),  # "an" is too short
    ("Statement NGUYỄN", SAMPLE_FINDINGS, "Statement redacted"),
    # nothing found: the name is left as it is
    ("shelter-intake-form", SAMPLE_FINDINGS, "shelter-intake-form"),
    ("witness-statement-adeyemi", [], "witness-statement-adeyemi"),
    # never empty
    ("", SAMPLE_FINDINGS, FALLBACK),
    ("---", SAMPLE_FINDINGS, FALLBACK),
    ("  ", [], FALLBACK),
])
def test_safe_label(stem: str, findings: list[str], expected: str) -> None:
    assert safe_label(stem, SensitiveTerms.of(findings, KEEP)) == expected


def test_a_token_is_matched_whole_not_inside_a_longer_word() -> None:
    terms = SensitiveTerms.of(["Ana Lee"], KEEP)
    assert safe_label("banana-leeward", terms) == "banana-leeward"
    assert safe_label("ana-lee", terms) == "redacted"  # 3 characters are enough
    assert safe_label("lee-al", terms) == "redacted-al"
    assert safe_label("lee", terms) == "redacted"


@pytest.mark.parametrize("stems, findings, expected", [
    # two documents whose labels collide are told apart, as output_paths does (-2, -3 ...)
    (["statement-adeyemi", "statement-diallo", "statement-whitfield"], ["Adeyemi", "Aminata Diallo", "Whitfield"],
     ["statement-redacted", "statement-redacted-2", "statement-redacted-3"]),
    (["adeyemi", "Adeyemi"], ["Adeyemi"], ["redacted", "redacted-2"]),
    # a label equal to another file's own name is not reused either (case-insensitively)
    (["redacted", "ADEYEMI"], ["Adeyemi"], ["redacted", "redacted-2"]),
    (["", "---"], [], [FALLBACK, f"{FALLBACK}-2"]),
    (["complaint-report", "shelter-email"], ["Adeyemi"], ["complaint-report", "shelter-email"]),
])
def test_safe_labels_are_distinct(stems: list[str], findings: list[str], expected: list[str]) -> None:
    assert safe_labels(stems, findings, KEEP) == expected


def test_a_name_found_only_in_another_document_is_replaced_too() -> None:
    # the texts are the whole case's findings: the witness's name found in the complaint hides it in every name
    assert safe_labels(["complaint", "notes-kowalczyk"], ["Dariusz Kowalczyk"], KEEP) == ["complaint",
                                                                                          "notes-redacted"]


def test_unique_keeps_the_first_and_numbers_the_rest() -> None:
    assert unique(["a", "b", "a", "a-2", "a"]) == ["a", "b", "a-2", "a-2-2", "a-3"]


def test_word_list_and_helpers() -> None:
    assert parse_word_list("# comment\n\nStreet\n  Avenue  # inline\nHONDUREÑA\n") == {"street", "avenue",
                                                                                        "hondurena"}
    assert humanize("witness-statement_adeyemi.2026") == "witness statement adeyemi 2026"
    assert humanize("---") == ""
    assert path_sha256("/case/a.pdf") == path_sha256("/case/a.pdf") != path_sha256("/case/b.pdf")
    assert len(path_sha256("/case/a.pdf")) == 64

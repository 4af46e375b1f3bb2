"""The synthetic benchmark corpus: deterministic, well-formed gold spans, all document types present."""

from __future__ import annotations

import re

import pytest

from benchmarks.corpus import DOC_TYPES, ENTITY_TYPES, make_corpus, render_pdf

N = 70


@pytest.fixture(scope="module")
def corpus():
    return make_corpus(N, seed=7)


def test_deterministic(corpus):
    again = make_corpus(N, seed=7)
    assert [(d.doc_id, d.text, d.spans) for d in corpus] == [(d.doc_id, d.text, d.spans) for d in again]


def test_seed_changes_corpus(corpus):
    other = make_corpus(N, seed=8)
    assert [d.text for d in corpus] != [d.text for d in other]


def test_prefix_stable():
    # the first documents do not depend on how many are generated
    assert [d.text for d in make_corpus(10, 3)] == [d.text for d in make_corpus(20, 3)[:10]]


def test_all_document_types_present(corpus):
    assert {d.doc_type for d in corpus} == set(DOC_TYPES)
    assert len(DOC_TYPES) == 7


def test_spans_match_text_and_do_not_overlap(corpus):
    for d in corpus:
        prev_end = -1
        for s in d.spans:
            assert 0 <= s.start < s.end <= len(d.text), (d.doc_id, s)
            assert d.text[s.start:s.end] == s.text, (d.doc_id, s)
            assert s.text == s.text.strip(), (d.doc_id, s)
            assert s.entity_type in ENTITY_TYPES, (d.doc_id, s)
            assert s.start >= prev_end, f"overlapping gold spans in {d.doc_id}: {s}"
            prev_end = s.end


def _by_type(corpus, entity_type):
    return [s.text for d in corpus for s in d.spans if s.entity_type == entity_type]


def test_every_entity_type_has_gold(corpus):
    counts = {t: len(_by_type(corpus, t)) for t in ENTITY_TYPES}
    assert all(c > 0 for c in counts.values()), counts


def test_id_spans_look_like_ids(corpus):
    for t in _by_type(corpus, "A_NUMBER"):
        digits = re.sub(r"\D", "", t)
        assert len(digits) in (8, 9), t
        assert re.fullmatch(r"(A\s?#?\s?-?\s?)?[\d\s-]+", t), t
    for t in _by_type(corpus, "USCIS_RECEIPT_NUMBER"):
        assert re.fullmatch(r"[A-Z]{3}[\s-]?\d{2}-?\d{3}-?\d{5}", t), t
    for t in _by_type(corpus, "SEVIS_ID"):
        assert re.fullmatch(r"N\d{10}", t), t
    for t in _by_type(corpus, "I94_NUMBER"):
        assert re.fullmatch(r"\d{11}|\d{9}[A-Z]\d", t), t
    for t in _by_type(corpus, "PASSPORT_NUMBER"):
        assert re.fullmatch(r"[A-Z]{0,2}\d{6,10}", t), t
    for t in _by_type(corpus, "US_SSN"):
        digits = re.sub(r"\D", "", t)
        assert len(digits) == 9 and re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", t), t
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        assert area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000", t
        assert digits != "123456789", t


def test_contact_spans(corpus):
    for t in _by_type(corpus, "EMAIL_ADDRESS"):
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", t), t
    for t in _by_type(corpus, "PHONE_NUMBER"):
        assert 10 <= len(re.sub(r"\D", "", t)) <= 13, t
    for t in _by_type(corpus, "SOCIAL_MEDIA_HANDLE"):
        assert re.fullmatch(r"[a-z0-9_][a-z0-9_.]*[a-z0-9_]", t), t
    for t in _by_type(corpus, "VEHICLE_PLATE"):
        assert re.fullmatch(r"[A-Z0-9]+(?:[ -][A-Z0-9]+)?", t) and re.search(r"\d", t), t
        assert 2 <= len(re.sub(r"[ -]", "", t)) <= 8, t


def test_plates_and_handles_only_after_their_labels(corpus):
    for d in corpus:
        for s in d.spans:
            before = d.text[max(0, s.start - 40) : s.start].lower()
            if s.entity_type == "VEHICLE_PLATE":
                assert re.search(r"(plates?|tag|registration)\W*$", before), (d.doc_id, before, s.text)
            elif s.entity_type == "SOCIAL_MEDIA_HANDLE":
                after = d.text[s.end : s.end + 20].lower()
                assert re.search(r"instagram|ig|tiktok|facebook|snapchat|telegram|handle|user ?name|account|goes by|"
                                 r"posts|social media", before + after), (d.doc_id, before, s.text)


def test_text_spans(corpus):
    for t in _by_type(corpus, "PERSON"):
        assert t[0].isupper() and not any(c.isdigit() for c in t), t
        assert not t.lower().startswith(("det.", "sgt.", "p.o.", "mr.", "ms.", "lt.")), t
    for t in _by_type(corpus, "DATE_OF_BIRTH"):
        assert re.search(r"\d", t) and not re.search(r"(?i)dob|birth|born", t), t
    for t in _by_type(corpus, "ADDRESS"):
        assert re.match(r"(\d|One )", t), t
    for t in _by_type(corpus, "NATIONALITY"):
        assert t[0].isupper() and not t.lower().startswith("the "), t
    for t in _by_type(corpus, "IMMIGRATION_STATUS"):
        assert t and t[0].isalnum(), t


def test_negative_distractors_present(corpus):
    text = "\n".join(d.text for d in corpus)
    assert re.search(r"Shield #\s?\d+", text)
    assert "Complaint No." in text


def test_render_pdf(tmp_path, corpus):
    pymupdf = pytest.importorskip("pymupdf")
    for d in corpus[:7]:
        path = render_pdf(d, tmp_path / f"{d.doc_id}.pdf")
        with pymupdf.open(path) as pdf:
            assert pdf.page_count >= 1
            extracted = " ".join(page.get_text() for page in pdf)
        # every gold value's first word reaches the text layer
        for s in d.spans:
            assert s.text.split()[0] in extracted, (d.doc_id, s)

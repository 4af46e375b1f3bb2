"""benchmarks.real_eval: gold alignment onto extracted pages, readable-word counting, one small end-to-end run."""

from __future__ import annotations

import io
import json

import pymupdf
import pytest

from benchmarks.corpus import GoldSpan
from benchmarks.pdf_layout import layout_pdf, overlaps, pdfminer_words, pymupdf_words
from benchmarks.real_eval import (
    GoldRow,
    Product,
    Readability,
    align,
    gold_occurrences,
    map_spans,
    parse_excerpt,
    print_results,
    run,
    sensitive_words,
)
from workstation.documents.intake import load_pdf_bytes


def _nonspace(text: str) -> str:
    return "".join(text.split())


def test_gold_span_is_mapped_across_a_line_and_a_page_break():
    source = "involving Priya Venkataraman, born 1990."
    pages = ["involving Priya\nVenka", "taraman,\nborn 1990."]
    g = GoldSpan(10, 28, "PERSON", "Priya Venkataraman")
    alignment = align(source, pages)
    assert alignment.unaligned == 0
    per_page, unmapped = map_spans([g], alignment, pages)
    assert not unmapped
    assert [s.text for s in per_page[0]] == ["Priya\nVenka"]
    assert [s.text for s in per_page[1]] == ["taraman"]


def test_alignment_counts_characters_that_differ():
    alignment = align("Jose Perez", ["José Perez"])
    assert alignment.unaligned == 1
    per_page, unmapped = map_spans([GoldSpan(5, 10, "PERSON", "Perez")], alignment, ["José Perez"])
    assert [s.text for s in per_page[0]] == ["Perez"] and not unmapped


def test_published_gold_matches_whitespace_insensitively_and_whole_words_only():
    page = "LI, Wenjun lives in Lima.\nMr. Taras\nKovalenko met Li."
    spans, missing = gold_occurrences(page, [GoldRow(1, "PERSON", "Li"), GoldRow(1, "PERSON", "Taras Kovalenko"),
                                             GoldRow(1, "PERSON", "Nobody")])
    assert [s.text for s in spans] == ["Taras\nKovalenko", "Li"]
    assert [r.text for r in missing] == ["Nobody"]


def test_excerpt_source_line_and_markup_are_removed():
    ex = parse_excerpt("# source: https://example.gov/x\nThe respondent [[PERSON:Ana Ruiz]] appeared.\n", "01-x")
    assert ex.text == "The respondent Ana Ruiz appeared.\n"
    assert [(s.start, s.end, s.entity_type) for s in ex.spans] == [(15, 23, "PERSON")]


def test_layout_wraps_long_lines_at_the_column_width_and_keeps_the_text():
    text = "Short line.\n" + " ".join(["word"] * 60) + "\n\nSupercalifragilisticexpialidocious" * 3
    narrow, wide = (pymupdf.open(stream=layout_pdf(text, w), filetype="pdf") for w in (1.0, 6.5))
    lines = [len(d[0].get_text().splitlines()) for d in (narrow, wide)]
    assert lines[0] > lines[1]
    assert _nonspace("".join(p.get_text() for p in narrow)) == _nonspace(text)


def _pdf(text_lines: list[tuple[float, str]]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for y, line in text_lines:
        page.insert_text((72, y), line, fontsize=11)
    return doc.tobytes()


def test_a_redacted_word_is_not_readable_and_an_unredacted_one_is():
    pdf = _pdf([(100, "Alice met Bob at the office.")])
    page = load_pdf_bytes(pdf, "t.pdf", "t").pages[0]
    alice, bob = page.text.index("Alice"), page.text.index("Bob")
    words = sensitive_words("t", page, [GoldSpan(alice, alice + 5, "PERSON", "Alice"),
                                        GoldSpan(bob, bob + 3, "PERSON", "Bob")])
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    doc[0].add_redact_annot(doc[0].search_for("Alice")[0], fill=(0, 0, 0))
    doc[0].apply_redactions()
    redacted = doc.tobytes()

    rd = Readability()
    rd.add(words, redacted)
    assert rd.total["PERSON"] == 2
    for extractor in ("PyMuPDF", "pdfminer.six"):
        assert rd.share(extractor) == (1, 2, 0.5)
    assert [key[2] for key in rd.leaks] == ["Bob"]


def test_stop_words_and_single_letters_are_not_sensitive_words():
    pdf = _pdf([(100, "12 de la Calle St NW, Apt 4")])
    page = load_pdf_bytes(pdf, "t.pdf", "t").pages[0]
    words = sensitive_words("t", page, [GoldSpan(0, len(page.text), "ADDRESS", page.text)])
    assert [w.text for w in words] == ["12", "Calle", "NW"]


@pytest.mark.parametrize(("rotation", "crop"), [(0, None), (90, None), (270, (20, 30, 500, 700)), (180, (5, 5, 600, 700))])
def test_pdfminer_words_are_placed_where_pymupdf_places_them(rotation, crop):
    doc = pymupdf.open(stream=_pdf([(200, "Taras Kovalenko"), (230, "Ozone Park")]), filetype="pdf")
    if crop:
        doc[0].set_cropbox(pymupdf.Rect(crop))
    doc[0].set_rotation(rotation)
    pdf = doc.tobytes()
    first, second = pymupdf_words(pdf)[0], pdfminer_words(pdf)[0]
    assert [w.text for w in first] == [w.text for w in second] == ["Taras", "Kovalenko", "Ozone", "Park"]
    for a, b in zip(first, second, strict=True):
        assert overlaps(a.box, b.box) and abs(a.box[0] - b.box[0]) < 0.5


EXCERPT = """# source: https://example.gov/decision
Matter of [[PERSON:Tomasz Wisniewski]]
The respondent, [[PERSON:Tomasz Wisniewski]], a native and citizen of [[NATIONALITY:Poland]], was admitted as a visitor and remained longer than permitted. His alien registration number is [[A_NUMBER:A 097 512 338]] and he lives at [[ADDRESS:41-17 Ditmars Boulevard, Astoria, NY 11105]].
"""


@pytest.fixture(scope="module")
def small_run(engine, tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    (root / "dev").mkdir()
    (root / "dev" / "01-small.txt").write_text(EXCERPT, encoding="utf-8")
    published = root / "pdf" / "dev"
    published.mkdir(parents=True)
    text = parse_excerpt(EXCERPT, "p").text
    (published / "small.pdf").write_bytes(layout_pdf(text, 4.0))
    (published / "small.gold.tsv").write_text("page\ttype\ttext\n1\tPERSON\tTomasz Wisniewski\n"
                                              "1\tA_NUMBER\tA 097 512 338\n", encoding="utf-8")
    return run("dev", [6.5, 2.0], redact=True, product=Product(engine), root=root)


def test_end_to_end_on_one_marked_excerpt(small_run):
    text, wrapped, published = small_run.sections
    assert (text.documents, wrapped.documents, published.documents) == (1, 2, 1)
    assert not text.problems and not wrapped.problems and not published.problems
    assert text.report.per_type["PERSON"].gold == 2
    assert wrapped.report.per_type["PERSON"].gold == 4  # both widths
    assert wrapped.report.per_type["A_NUMBER"].recall == text.report.per_type["A_NUMBER"].recall == 1.0
    assert published.report.per_type["PERSON"].gold == 2  # every occurrence of the gold string on its page
    for section in (wrapped, published):
        rd = section.readability
        assert rd is not None and rd.total["A_NUMBER"] == 3 * (2 if section is wrapped else 1)
        assert rd.readable["PyMuPDF"]["A_NUMBER"] == rd.readable["pdfminer.six"]["A_NUMBER"] == 0


def test_end_to_end_output_as_table_and_json(small_run):
    out = io.StringIO()
    print_results(small_run, 5, out)
    printed = out.getvalue()
    assert "wrapped PDFs" in printed and "readable" in printed and "Time:" in printed
    data = json.loads(json.dumps(small_run.json(5)))
    assert set(data["sections"]) == {"text", "wrapped PDFs", "published PDFs"}
    assert "PERSON" in data["recall_text_minus_wrapped"]
    assert data["sections"]["published PDFs"]["readable_after_redaction"]["extractors"]["PyMuPDF"]["ALL"]["total"] > 0

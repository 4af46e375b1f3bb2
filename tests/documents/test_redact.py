"""True redaction, sanitization and verification of PDFs, and rendering of text-like documents."""

from __future__ import annotations

import io

import pymupdf
import pytest
from pdfminer.high_level import extract_text

from workstation.documents.intake import load_file, text_document
from workstation.documents.pdf_text import page_from_pymupdf
from workstation.documents.redact import PageRedactions, check_sanitized, redact_pdf, verify_pdf
from workstation.documents.render import LEADING, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, render_document
from workstation.domain.errors import VerificationError
from workstation.domain.model import Document, DocumentKind, Page, TextSource

# ------------------------------------------------------------------------------------------------ helpers

LINES = [  # (font, text): 11 pt type on 12 pt leading, three different fonts
    ("helv", "Report of the incident at the station, filed by the desk officer on duty."),
    ("tiro", "The complainant Maria Gonzalez stated that the vehicle left at speed."),
    ("cour", "Contact: maria.gonzalez@example.com or 212-555-0143."),
    ("helv", "Witness Jonathan Pryce-Whitfield saw a grey sedan turning left."),
    ("tiro", "A-number A123456789 appears on the intake form, next line follows."),
    ("cour", "End of the narrative; signed and dated by the officer."),
]
SECRETS = ["Maria Gonzalez", "maria.gonzalez@example.com", "Pryce-Whitfield", "A123456789"]


def lines_pdf(lines=LINES, fontsize: float = 11, leading: float = 12, pages: int = 1) -> bytes:
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=612, height=792)
        y = 72.0
        for font, text in lines:
            page.insert_text((60, y), text, fontname=font, fontsize=fontsize)
            y += leading
    data = doc.tobytes()
    doc.close()
    return data


def domain_pages(data: bytes) -> list[Page]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [page_from_pymupdf(p) for p in doc]


def plan_for(data: bytes, strings: list[str], page_numbers=(1,)) -> dict[int, PageRedactions]:
    """Boxes of every occurrence of ``strings`` on the given pages, as the pipeline builds them."""
    plan: dict[int, PageRedactions] = {}
    for page in domain_pages(data):
        if page.number not in page_numbers:
            continue
        red = plan.setdefault(page.number, PageRedactions())
        for s in strings:
            start = page.text.find(s)
            assert start >= 0, s
            while start >= 0:
                red.boxes.extend(page.boxes_for_span(start, start + len(s)))
                red.removed_strings.append(s)
                start = page.text.find(s, start + 1)
    return plan


def mupdf_text(data: bytes) -> list[str]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [p.get_text() for p in doc]


def miner_text(data: bytes) -> str:
    return extract_text(io.BytesIO(data))


def words(data: bytes, number: int = 1) -> list[tuple[str, tuple[float, float, float, float]]]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [(w[4], tuple(w[:4])) for w in doc[number - 1].get_text("words")]


def overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def squash(s: str) -> str:
    return "".join(s.split())


# ------------------------------------------------------------------------------------------------ (1) removal


def test_redacted_text_is_gone_for_both_extractors():
    data = lines_pdf()
    before = miner_text(data)
    assert all(s in squash(before) for s in map(squash, SECRETS))
    plan = plan_for(data, SECRETS)
    out = redact_pdf(data, plan)
    verify_pdf(out, plan, "incident.pdf")  # passes

    [after_mupdf] = mupdf_text(out)
    after_miner = miner_text(out)
    for s in SECRETS:
        for text in (after_mupdf, after_miner):
            assert s not in text and squash(s) not in squash(text)
            assert s.split("@")[0].split("-")[0] not in text  # not even a fragment of the value
    # what was not redacted is still there for both
    for keep in ("The complainant", "stated that the vehicle left at speed.", "Contact:", "or 212-555-0143.",
                 "Witness Jonathan", "saw a grey sedan", "A-number", "appears on the intake form"):
        assert keep in after_mupdf
        assert squash(keep) in squash(after_miner)
    # not present in the file's content streams either
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        raw = doc.tobytes(expand=255)
    for s in SECRETS:
        assert s.encode() not in raw


def test_redaction_draws_an_opaque_black_box_and_keeps_page_geometry():
    data = lines_pdf(pages=2)
    plan = plan_for(data, ["Maria Gonzalez"], page_numbers=(2,))
    out = redact_pdf(data, plan)
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert doc.page_count == 2
        assert [tuple(p.rect) for p in doc] == [(0, 0, 612, 792)] * 2
        assert "Maria Gonzalez" in doc[0].get_text()  # page 1 untouched
        box = pymupdf.Rect(plan[2].boxes[0])
        pix = doc[1].get_pixmap(dpi=144, clip=box + (1, 1, -1, -1))
        samples = pix.samples
        assert set(samples) <= {0, 1, 2}  # all (near-)black inside the box


def test_span_across_a_line_break_is_removed_from_both_lines():
    data = lines_pdf()
    page = domain_pages(data)[0]
    start = page.text.index("Gonzalez")
    end = page.text.index("maria.gonzalez@example.com") + len("maria.gonzalez@example.com")
    boxes = page.boxes_for_span(start, end)
    assert len(boxes) >= 2
    plan = {1: PageRedactions(boxes=boxes, removed_strings=[page.text[start:end]])}
    out = redact_pdf(data, plan)
    verify_pdf(out, plan, "x.pdf")
    [text] = mupdf_text(out)
    assert "Gonzalez" not in text and "maria.gonzalez" not in text
    assert "stated that" not in text and "Contact:" not in text  # inside the span
    assert "The complainant Maria" in text and "or 212-555-0143." in text  # either side of it


# ------------------------------------------------------------------------------------------------ (2) neighbours


@pytest.mark.parametrize(("fontsize", "leading"), [(11, 12), (10, 10.5), (12, 14)])
def test_words_next_to_a_box_keep_their_exact_position_and_glyphs(fontsize, leading):
    data = lines_pdf(fontsize=fontsize, leading=leading)
    plan = plan_for(data, SECRETS)
    boxes = plan[1].boxes
    out = redact_pdf(data, plan)
    verify_pdf(out, plan, "x.pdf")

    before = words(data)
    after = words(out)
    kept = [(w, bb) for w, bb in before if not any(overlaps(bb, b) for b in boxes)]
    removed = [(w, bb) for w, bb in before if any(overlaps(bb, b) for b in boxes)]
    assert len(removed) == len(SECRETS) + 1  # "Maria" and "Gonzalez" are two words; the others one each
    assert len(kept) > 50

    for w, bb in kept:
        match = [a for a in after if a[0] == w and all(abs(x - y) <= 0.01 for x, y in zip(a[1], bb, strict=True))]
        assert match, f"word {w!r} at {bb} moved or changed"
    # nothing else appeared: the output's words are exactly the kept ones
    assert sorted(w for w, _ in after) == sorted(w for w, _ in kept)
    # the lines directly above and below each redacted span are complete
    [text] = mupdf_text(out)
    for font, line in LINES:
        if not any(s in line for s in SECRETS):
            assert line in text, (font, line)


def test_neighbours_keep_position_for_pdfminer_too():
    data = lines_pdf()
    plan = plan_for(data, SECRETS)
    out = redact_pdf(data, plan)

    def chars(pdf: bytes) -> list[tuple[str, float, float]]:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTChar, LTContainer

        found = []
        for page_layout in extract_pages(io.BytesIO(pdf)):
            stack = [page_layout]
            while stack:
                el = stack.pop()
                if isinstance(el, LTChar):
                    found.append((el.get_text(), round(el.x0, 2), round(el.y0, 2)))
                elif isinstance(el, LTContainer):
                    stack.extend(el)
        return sorted(found)

    before, after = chars(data), chars(out)
    assert set(after) <= set(before)  # every remaining glyph at its original place
    lost = len(before) - len(after)
    assert lost == sum(len(s) for s in SECRETS)  # exactly the redacted characters are gone


# ------------------------------------------------------------------------------------------------ (3) images

RED = (255, 0, 0)


def image_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=400)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 200), False)
    pix.set_rect(pix.irect, RED)
    page.insert_image(pymupdf.Rect(100, 100, 300, 300), pixmap=pix)  # 1 image pixel = 1 pt
    page.insert_text((20, 40), "Photograph of the scene, taken by the officer on duty.", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def test_image_pixels_under_a_box_are_blanked_in_the_image_itself():
    box = (150.0, 150.0, 250.0, 200.0)
    out = redact_pdf(image_pdf(), {1: PageRedactions(boxes=[box])})
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        page = doc[0]
        [img] = page.get_images(full=True)
        [where] = page.get_image_rects(img[0])
        assert tuple(where) == (100, 100, 300, 300)
        pix = pymupdf.Pixmap(doc, img[0])
        if pix.n != 3:
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        # the embedded image: no red pixel is left anywhere under the box (not only covered by black)
        for y in range(51, 99, 3):
            for x in range(51, 149, 4):
                assert pix.pixel(x, y) != RED, (x, y)
                assert pix.pixel(x, y) in ((255, 255, 255), (0, 0, 0))
        # unchanged elsewhere
        for x, y in [(10, 10), (45, 75), (155, 75), (100, 45), (100, 105), (190, 190), (5, 195)]:
            assert pix.pixel(x, y) == RED, (x, y)
        # and what a reader sees: black in the box, red around it
        shown = page.get_pixmap(dpi=72)
        assert shown.pixel(200, 175) == (0, 0, 0)
        assert shown.pixel(200, 140) == RED and shown.pixel(200, 210) == RED
        assert shown.pixel(140, 175) == RED and shown.pixel(260, 175) == RED
        assert "Photograph of the scene" in page.get_text()


# ------------------------------------------------------------------------------------------------ (4) sanitizing

XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XMPSECRET Det. Roe</dc:creator>'
       '</rdf:Description></rdf:RDF></x:xmpmeta>')


def dirty_pdf() -> bytes:
    doc = pymupdf.open()
    doc.new_page()
    doc.new_page()
    p = doc[0]
    p.insert_text((72, 72), "Visible body text on page one", fontname="helv", fontsize=11)
    p.insert_text((72, 100), "HIDDENSECRET invisible words", fontname="helv", fontsize=11, render_mode=3)
    doc[1].insert_text((72, 72), "Page two body text", fontname="helv", fontsize=11)
    doc.set_metadata({"author": "METASECRET Det. Jane Roe", "title": "Case 2024-0117", "subject": "Gonzalez",
                      "keywords": "complainant", "creator": "Records", "producer": "Scanner"})
    doc.set_xml_metadata(XMP)
    p.add_text_annot((300, 300), "ANNOTSECRET sticky note")
    h = p.add_highlight_annot(p.search_for("Visible")[0])
    h.set_info(content="HIGHLIGHTSECRET comment")
    h.update()
    p.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 200, 200, 220),
                   "uri": "https://example.com/LINKSECRET"})
    doc.set_toc([[1, "BOOKMARKSECRET", 1], [2, "Second", 2]])
    doc.embfile_add("evidence.txt", b"EMBEDSECRET attachment data", filename="evidence.txt")
    w = pymupdf.Widget()
    w.field_name = "suspect_name"
    w.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    w.field_value = "FIELDSECRET"
    w.rect = pymupdf.Rect(72, 300, 250, 320)
    p.add_widget(w)
    js = doc.get_new_xref()
    doc.update_object(js, "<< /S /JavaScript /JS (app.alert\\('JSSECRET'\\);) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    data = doc.tobytes()
    doc.close()
    return data


def test_the_dirty_fixture_is_really_dirty():
    with pymupdf.open(stream=dirty_pdf(), filetype="pdf") as doc:
        problems = " | ".join(r for _, r in check_sanitized(doc).problems)
        for expected in ("metadata", "XMP", "bookmarks", "embedded files", "form fields", "/OpenAction",
                         "JavaScript", "annotations", "links", "hidden"):
            assert expected in problems
        assert doc.metadata["author"].startswith("METASECRET")
        assert doc.embfile_count() == 1 and doc.get_toc() and doc.is_form_pdf


def test_sanitization_removes_everything_but_the_visible_page_content():
    out = redact_pdf(dirty_pdf(), {})
    verify_pdf(out, {}, "dirty.pdf")
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert check_sanitized(doc).problems == []
        assert {k: v for k, v in doc.metadata.items() if v and k not in ("format", "encryption")} == {}
        assert not doc.get_xml_metadata()
        assert doc.get_toc() == []
        assert doc.embfile_count() == 0
        assert not doc.is_form_pdf
        cat = doc.pdf_catalog()
        for key in ("OpenAction", "AA", "Names", "AcroForm", "Outlines", "Metadata"):
            assert doc.xref_get_key(cat, key)[0] == "null", key
        for page in doc:
            assert list(page.annots()) == []
            assert list(page.widgets()) == []
            assert page.get_links() == []
            assert all(s["type"] != 3 for s in page.get_texttrace())
        assert doc[0].get_text() == "Visible body text on page one\n"
        assert doc[1].get_text() == "Page two body text\n"
        raw = doc.tobytes(expand=255)
    assert b"SECRET" not in out and b"SECRET" not in raw
    assert b"/JavaScript" not in raw and b"/JS" not in raw
    assert "HIDDENSECRET" not in miner_text(out)


def test_verification_rejects_an_unsanitized_pdf():
    with pytest.raises(VerificationError) as ei:
        verify_pdf(dirty_pdf(), {}, "dirty.pdf")
    assert "sanitization incomplete" in str(ei.value)
    assert str(ei.value).startswith("dirty.pdf")


# ------------------------------------------------------------------------------------------------ (5) verification


def test_verification_catches_a_cosmetic_redaction(monkeypatch):
    doc = pymupdf.open()
    for text in ("Cover sheet of the case file.", "Complainant: Maria Gonzalez of Queens.", "Last page."):
        doc.new_page().insert_text((72, 72), text, fontname="helv", fontsize=11)
    data = doc.tobytes()
    plan = plan_for(data, ["Maria Gonzalez"], page_numbers=(2,))
    monkeypatch.setattr(pymupdf.Page, "apply_redactions", lambda self, *a, **k: True)  # nothing removed
    cosmetic = redact_pdf(data, plan)
    # it looks redacted: a black box is drawn over the name ...
    with pymupdf.open(stream=cosmetic, filetype="pdf") as doc:
        box = pymupdf.Rect(plan[2].boxes[0])
        pix = doc[1].get_pixmap(dpi=72, clip=box + (1, 1, -1, -1))
        assert set(pix.samples) <= {0, 1, 2}
        assert "Maria Gonzalez" in doc[1].get_text()  # ... but the text is still live
    with pytest.raises(VerificationError) as ei:
        verify_pdf(cosmetic, plan, "cosmetic.pdf")
    assert ei.value.page == 2
    assert "cosmetic.pdf, page 2" in str(ei.value)


def test_verification_catches_live_text_inside_a_box_even_without_strings(monkeypatch):
    data = lines_pdf()
    plan = plan_for(data, ["A123456789"])
    plan[1].removed_strings.clear()
    monkeypatch.setattr(pymupdf.Page, "apply_redactions", lambda self, *a, **k: True)
    cosmetic = redact_pdf(data, plan)
    with pytest.raises(VerificationError) as ei:
        verify_pdf(cosmetic, plan, "x.pdf")
    assert ei.value.page == 1 and "inside a redaction box" in ei.value.reason


def test_a_string_removed_on_page_1_that_still_appears_on_page_2_fails():
    data = lines_pdf(pages=2)
    plan = plan_for(data, ["Maria Gonzalez"], page_numbers=(1,))
    out = redact_pdf(data, plan)
    assert "Maria Gonzalez" not in mupdf_text(out)[0]
    assert "Maria Gonzalez" in mupdf_text(out)[1]
    with pytest.raises(VerificationError) as ei:
        verify_pdf(out, plan, "two-pages.pdf")
    assert ei.value.page == 2
    assert "two-pages.pdf, page 2" in str(ei.value)
    # redacting both pages passes
    plan = plan_for(data, ["Maria Gonzalez"], page_numbers=(1, 2))
    verify_pdf(redact_pdf(data, plan), plan, "two-pages.pdf")


def test_a_leak_split_over_a_line_break_is_still_caught():
    data = lines_pdf(lines=[("helv", "Name on file: Maria"), ("helv", "Gonzalez, complainant")], pages=2)
    # the same name on page 1 is redacted (as one finding elsewhere); page 2 still shows it across two lines
    plan = plan_for(data, ["Maria", "Gonzalez"], page_numbers=(1,))
    plan[1].removed_strings.append("Maria Gonzalez")
    out = redact_pdf(data, plan)
    with pytest.raises(VerificationError) as ei:
        verify_pdf(out, plan, "x.pdf")
    assert ei.value.page == 2


def test_all_removed_strings_are_checked_on_every_page():
    data = lines_pdf()
    with pytest.raises(VerificationError) as ei:
        verify_pdf(redact_pdf(data, {}), {}, "x.pdf", all_removed=["Pryce-Whitfield"])
    assert ei.value.page == 1


def test_verification_rejects_bytes_that_are_not_a_pdf():
    with pytest.raises(VerificationError):
        verify_pdf(b"not a pdf at all", {}, "x.pdf")


# ------------------------------------------------------------------------------------------------ (6) rendering


def plain(text: str, name: str = "statement.txt") -> Document:
    return text_document(text, name, "statement", DocumentKind.TEXT)


def test_render_maps_offsets_to_the_glyphs_on_the_right_page():
    lines = [f"Line {i:03d} of the officer's narrative, routine words follow here." for i in range(150)]
    lines[10] = "Line 010 names the complainant Maria Gonzalez in the first part."
    lines[75] = "Line 075 gives the email maria.gonzalez@example.com on a later page."
    lines[140] = "Line 140 mentions A-number A123456789 near the end."
    text = "\n".join(lines) + "\n"
    rendered = render_document(plain(text))
    assert len(rendered.pages) >= 3
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as pdf:
        assert pdf.page_count == len(rendered.pages)
        assert all(tuple(p.rect) == (0, 0, PAGE_WIDTH, PAGE_HEIGHT) for p in pdf)
        for token, expected_page in (("Maria Gonzalez", 1), ("maria.gonzalez@example.com", 2),
                                     ("A123456789", 3)):
            start = text.index(token)
            by_page = rendered.boxes_for_span(1, start, start + len(token))
            assert list(by_page) == [expected_page], token
            [rect] = by_page[expected_page]
            [found] = pdf[expected_page - 1].search_for(token)
            assert all(abs(a - b) <= 0.01 for a, b in zip(rect, found, strict=True)), token
            x0, y0, x1, y1 = rect
            assert MARGIN <= x0 < x1 <= PAGE_WIDTH - MARGIN + 0.5
            assert MARGIN <= y0 < y1 <= PAGE_HEIGHT - MARGIN
        # the layout: 13 pt leading, each line once, in order
        first = [w for w in pdf[0].get_text("words") if w[4] == "Line"]
        assert all(abs((b[3] - a[3]) - LEADING) < 0.01 for a, b in zip(first, first[1:], strict=False))
    all_text = "".join(p.text + "\n" for p in rendered.pages)
    assert squash(all_text) == squash(text)


def test_render_maps_a_span_across_a_wrapped_line_and_across_pages():
    long_line = " ".join(["word"] * 30) + " Maria Gonzalez " + " ".join(["more"] * 40)
    text = long_line + "\n" + "\n".join(f"filler {i}" for i in range(200))
    rendered = render_document(plain(text))
    start = text.index("Maria")
    by_page = rendered.boxes_for_span(1, start, start + len("Maria Gonzalez"))
    assert list(by_page) == [1]
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as pdf:
        page_text = pdf[0].get_text()
        assert "Maria" in page_text and "Gonzalez" in page_text
        expected = pdf[0].search_for("Maria") + pdf[0].search_for("Gonzalez")
    got = by_page[1]
    if len(got) == 1:  # both words on one rendered line
        assert abs(got[0][0] - expected[0].x0) <= 0.01 and abs(got[0][2] - expected[1].x1) <= 0.01
    else:
        assert len(got) == 2
    # a span that runs from the last line of page 1 to the first of page 2 maps to both pages
    p1_last = rendered.pages[0].text.split("\n")[-1]
    p2_first = rendered.pages[1].text.split("\n")[0]
    s = text.index(p1_last + "\n" + p2_first)
    span = rendered.boxes_for_span(1, s, s + len(p1_last) + 1 + len(p2_first))
    assert sorted(span) == [1, 2]
    assert all(len(v) == 1 for v in span.values())


def test_render_breaks_a_word_longer_than_a_line():
    token = "X" * 200
    text = f"start {token} end"
    rendered = render_document(plain(text))
    s = text.index(token)
    boxes = rendered.boxes_for_span(1, s, s + len(token))[1]
    assert len(boxes) >= 2
    assert all(MARGIN - 0.01 <= b[0] and b[2] <= PAGE_WIDTH - MARGIN + 0.01 for b in boxes)
    assert squash(rendered.pages[0].text) == squash(text)


def test_render_keeps_characters_beyond_latin1():
    names = ["Nguyễn Văn An", "Wiśniewska", "Zhang 张伟", "Øyvind Ødegård", "Müller-Lüdenscheidt"]
    text = "Persons present:\n" + "\n".join(f"\t{n}, witness\x07" for n in names) + "\n"
    rendered = render_document(plain(text))
    page_text = rendered.pages[0].text
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as pdf:
        shown = pdf[0].get_text()
        for n in names:
            assert n in page_text and n in shown, n
            start = text.index(n)
            [rect] = rendered.boxes_for_span(1, start, start + len(n))[1]
            [found] = pdf[0].search_for(n)
            assert all(abs(a - b) <= 0.01 for a, b in zip(rect, found, strict=True)), n
    assert "\ufffd" not in page_text
    assert "\x07" not in page_text and "\t" not in page_text  # control characters print as spaces
    assert len(rendered.pdf) < 500_000  # fonts are subset, not embedded whole


def test_rendered_non_latin_names_are_truly_redacted():
    text = "Witnesses: Nguyễn Văn An; Wiśniewska; Zhang 张伟; Officer Brown.\n"
    doc = plain(text)
    rendered = render_document(doc)
    plan: dict[int, PageRedactions] = {}
    for n in ("Nguyễn Văn An", "Wiśniewska", "张伟"):
        s = text.index(n)
        for number, boxes in rendered.boxes_for_span(1, s, s + len(n)).items():
            red = plan.setdefault(number, PageRedactions())
            red.boxes.extend(boxes)
            red.removed_strings.append(n)
    out = redact_pdf(rendered.pdf, plan)
    verify_pdf(out, plan, doc.display_name)
    [after] = mupdf_text(out)
    for n in ("Nguyễn", "Wiśniewska", "张", "伟"):
        assert n not in after and n not in miner_text(out)
    assert "Witnesses:" in after and "Zhang" in after and "Officer Brown." in after


def test_each_source_page_starts_a_new_rendered_page():
    doc = Document(path="m.eml", kind=DocumentKind.EMAIL, name="m", pages=(
        Page(number=1, text="First source page with Maria Gonzalez", text_source=TextSource.PLAIN),
        Page(number=2, text="Second source page with Maria Gonzalez", text_source=TextSource.PLAIN),
    ))
    rendered = render_document(doc)
    assert [p.text for p in rendered.pages] == [p.text for p in doc.pages]
    s = doc.pages[1].text.index("Maria")
    assert list(rendered.boxes_for_span(2, s, s + 14)) == [2]
    assert list(rendered.boxes_for_span(1, s - 1, s + 13)) == [1]


def test_rendered_docx_and_eml_can_be_loaded_back(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Short note about Maria Gonzalez.\n", encoding="utf-8")
    [doc] = load_file(f)
    rendered = render_document(doc)
    out = tmp_path / "note.pdf"
    out.write_bytes(rendered.pdf)
    [back] = load_file(out)
    assert back.pages[0].text == "Short note about Maria Gonzalez."


@pytest.mark.parametrize(("rotation", "mediabox", "cropbox"), [
    (0, None, None),
    (0, (50, 80, 662, 872), None),
    (90, None, None),
    (180, None, None),
    (270, (20, 30, 632, 822), None),
    (0, None, (30, 40, 500, 700)),
    (90, (10, 10, 622, 802), (40, 50, 500, 700)),
])
def test_pdfminer_reads_characters_where_pymupdf_does(rotation, mediabox, cropbox) -> None:
    """The second extractor checks characters against the redaction boxes: its positions must be PyMuPDF's on
    rotated pages and pages whose media or crop box does not start at the origin."""
    from workstation.documents.redact import _pdfminer_range, _pymupdf_pages

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((100, 150), "Hello", fontsize=12)
    if mediabox:
        page.set_mediabox(pymupdf.Rect(*mediabox))
    if cropbox:
        page.set_cropbox(pymupdf.Rect(*cropbox))
    page.set_rotation(rotation)
    data = doc.tobytes()
    with pymupdf.open(stream=data, filetype="pdf") as reread:
        first = _pymupdf_pages(reread)[0][1]
    second = _pdfminer_range(data, None)[0][1]
    assert [c for c, _, _ in first] == [c for c, _, _ in second]
    for (_, x1, y1), (_, x2, y2) in zip(first, second, strict=True):
        assert abs(x1 - x2) < 1.0 and abs(y1 - y2) < 1.0


def _associated_file_pdf(where: str) -> bytes:
    """A PDF whose only attachment hangs from /AF (PDF 2.0 associated files) of the catalog or of the page, out of
    reach of the embedded-files name tree that ``embfile_count`` reads."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Visible line about the case.", fontsize=11)
    stream = doc.get_new_xref()
    doc.update_object(stream, "<< /Type /EmbeddedFile >>")
    doc.update_stream(stream, b"<p>AFSECRET Priya Venkataraman</p>")
    spec = doc.get_new_xref()
    doc.update_object(spec, f"<< /Type /Filespec /F (notes.html) /UF (notes.html) /EF << /F {stream} 0 R >> >>")
    holder = doc.pdf_catalog() if where == "catalog" else page.xref
    doc.xref_set_key(holder, "AF", f"[{spec} 0 R]")
    data = doc.tobytes()
    doc.close()
    return data


@pytest.mark.parametrize("where", ["catalog", "page"])
def test_associated_files_are_removed_and_checked(where):
    data = _associated_file_pdf(where)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.embfile_count() == 0  # invisible to the name-tree check
        assert any("attached file" in r for _, r in check_sanitized(doc).problems)
    out = redact_pdf(data, {})
    verify_pdf(out, {}, "af.pdf")
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert check_sanitized(doc).problems == []
        raw = doc.tobytes(expand=255)
    assert b"AFSECRET" not in raw and b"/EmbeddedFile" not in raw


def test_a_library_error_while_rewriting_is_a_refusal_naming_the_document(monkeypatch):
    """MuPDF's "code=7: cannot find object in xref" reached the user as an internal error without the file's
    name (issue 14 item 1)."""
    import pickle

    from workstation.documents import redact as redact_module
    from workstation.documents.redact import redact_and_verify
    from workstation.domain.errors import InputError

    def broken(data, plan):  # noqa: ANN001, ANN202
        raise RuntimeError("code=7: cannot find object in xref (12 0 R)")

    monkeypatch.setattr(redact_module, "redact_pdf", broken)
    with pytest.raises(InputError) as ei:
        redact_and_verify(b"%PDF-1.7", {}, "case/report.pdf")
    assert str(ei.value).startswith("case/report.pdf: this PDF cannot be rewritten")
    assert "cannot find object in xref (12 0 R)" in str(ei.value) and "code=7" not in str(ei.value)
    again = pickle.loads(pickle.dumps(ei.value))  # raised in the export's worker process, raised again here
    assert str(again) == str(ei.value) and again.exit_code == 2

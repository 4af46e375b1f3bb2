"""Verification tells a leak from a word the reviewer left visible (issue 14): a removed string read again on its
box, or more often than the original page shows it outside every box, is refused; the same word left unboxed
elsewhere on the page is not a leak. A refusal names the page, the box and the finding - never the text."""

from __future__ import annotations

import re

import pymupdf
import pytest

import workstation.documents.redact as redact
from workstation.documents.ocr import ocr_pages
from workstation.documents.redact import PageRedactions, redact_and_verify_pages, redact_pdf
from workstation.domain.errors import VerificationError
from workstation.domain.model import Document, DocumentKind, Finding, Page, TextSource
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES
from workstation.pipeline import ScannedDocument, redaction_plan
from workstation.service.items import short_id

NAME = "Maria Gonzalez"
LABEL = "finding 0123456789ab (PERSON)"
LINES = (f"The complainant {NAME} called the office on Monday.",
         "The officer wrote the report and filed it the same day.",
         f"Later a letter from {NAME} reached the precinct desk.")


def text_page() -> bytes:
    """One Letter page, the name on its first and third lines."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, line in enumerate(LINES):
        page.insert_text((72, 90 + 40 * i), line, fontname="helv", fontsize=13)
    data = doc.tobytes()
    doc.close()
    return data


def name_boxes(data: bytes) -> list[tuple[float, float, float, float]]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [(r.x0, r.y0, r.x1, r.y1) for r in doc[0].search_for(NAME)]


def scanned_page() -> bytes:
    """The same page as a scan: one image, no text layer."""
    with pymupdf.open(stream=text_page(), filetype="pdf") as src:
        pix = src[0].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_image(page.rect, pixmap=pix)
    data = doc.tobytes()
    doc.close()
    return data


def first_name_only(data: bytes, **kw: object) -> dict[int, PageRedactions]:
    """The first occurrence boxed and removed, the second left visible (a released finding, say)."""
    return {1: PageRedactions([name_boxes(text_page())[0]], [NAME], labels=[LABEL], string_labels=[LABEL], **kw)}


def test_the_word_left_unboxed_elsewhere_on_a_text_page_is_no_leak() -> None:
    """Before: "PyMuPDF still extracts redacted text", the page flattened, then refused by OCR (exit 3)."""
    data = text_page()
    done = redact_and_verify_pages(data, first_name_only(data), "kept.pdf")
    assert done.flattened == {}
    with pymupdf.open(stream=done.pdf, filetype="pdf") as doc:
        text = doc[0].get_text()
    assert text.count(NAME) == 1 and "Later a letter from Maria Gonzalez" in text.replace("\n", " ")
    assert "complainant  called" in text or "complainant called" in " ".join(text.split())


def test_a_removed_string_read_more_often_than_the_original_page_shows_it_is_a_leak() -> None:
    """The count is what the page showed outside every box: an output where the name reappears (here: a page
    holding it twice, neither under the box) is refused, naming the finding and not the text."""
    data = text_page()
    plan = first_name_only(data)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, line in enumerate(("The complainant", LINES[2], LINES[2])):
        page.insert_text((72, 90 + 40 * i), line, fontname="helv", fontsize=13)
    output = redact_pdf(doc.tobytes(), {})
    doc.close()
    with pytest.raises(redact.TextRemainsError) as exc:
        redact.verify_pdf(output, plan, "x.pdf", source=data)
    assert exc.value.page == 1 and LABEL in exc.value.reason and "outside the boxes" in exc.value.reason
    assert "release the finding if it is not personal information" in exc.value.reason
    assert "gonzalez" not in str(exc.value).casefold()
    redact.verify_pdf(redact_pdf(data, plan), plan, "x.pdf", source=data)  # the real output: once, kept


def force_flatten(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractors cannot verify page 1 while it has any text (as on the census's odd PDFs)."""
    real = redact._check

    def check(pages, plan, removed, document, extractor, kept=None):  # noqa: ANN001, ANN202
        if pages[0][1]:
            raise redact.TextRemainsError(document, 1, f"{extractor} still extracts a character inside a box")
        return real(pages, plan, removed, document, extractor, kept)

    monkeypatch.setattr(redact, "_check", check)


def test_on_a_flattened_page_ocr_reading_the_unboxed_word_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: "OCR of the exported page still reads redacted text" (exit 3) - the census's false positives."""
    force_flatten(monkeypatch)
    data = text_page()
    done = redact_and_verify_pages(data, first_name_only(data), "kept.pdf")
    assert sorted(done.flattened) == [1]
    read = ocr_pages(done.pdf, [1])[1].text
    assert "letter from Maria Gonzalez" in " ".join(read.split())  # the kept one is still there ...
    assert "complainant Maria" not in read  # ... the boxed one is not


def unblanked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pixel blanking switched off: the black box is drawn, but the image under it keeps the word."""
    monkeypatch.setattr(redact, "_has_images", lambda page: False)


def reading_of(data: bytes) -> tuple[str, tuple]:
    page = ocr_pages(data, [1])[1]
    return page.text, tuple(page.char_boxes)


def test_a_scan_with_the_word_also_left_visible_passes_and_the_one_under_the_box_is_gone() -> None:
    data = scanned_page()
    plan = first_name_only(data, scanned=True, reading=reading_of(data))
    done = redact_and_verify_pages(data, plan, "scan.pdf")
    assert done.flattened == {}
    read = " ".join(ocr_pages(done.pdf, [1])[1].text.split())
    assert read.count("Gonzalez") == 1 and "letter from Maria Gonzalez" in read


def test_the_removed_word_left_in_the_image_is_refused_even_when_it_also_occurs_unboxed(monkeypatch) -> None:
    """The real leak: the word under the box is still in the pixels. The unboxed occurrence elsewhere on the page
    does not excuse it - it is read on the box itself. The refusal names page, box and finding, not the text."""
    data = scanned_page()
    plan = first_name_only(data, scanned=True, reading=reading_of(data))
    unblanked(monkeypatch)
    with pytest.raises(VerificationError) as exc:
        redact_and_verify_pages(data, plan, "scan.pdf", flatten=False)
    message = str(exc.value)
    assert exc.value.page == 1 and exc.value.exit_code == 3
    assert message.startswith("scan.pdf, page 1: OCR of the exported page still reads the text of " + LABEL)
    assert "on a redaction box (box 1 on the page)" in message and "enlarge that box or add one" in message
    assert not re.search("maria|gonzalez", message, re.IGNORECASE)


def test_a_leak_with_no_occurrence_left_visible_is_refused_by_count(monkeypatch) -> None:
    """Without the page's reading (nothing known to be kept) and the box misplaced, the word read anywhere is
    more often than the original page showed it outside the boxes: refused."""
    data = scanned_page()
    plan = {1: PageRedactions([(300.0, 700.0, 400.0, 712.0)], [NAME], scanned=True, string_labels=[LABEL])}
    with pytest.raises(VerificationError) as exc:
        redact.verify_pdf(redact_pdf(data, plan), plan, "scan.pdf")
    assert exc.value.page == 1 and LABEL in exc.value.reason and "outside the boxes" in exc.value.reason
    assert "release the finding" in exc.value.reason


def lazily_repaired_pdf() -> bytes:
    """A PDF whose cross-reference lists one object at a wrong offset: opening it reports nothing, but MuPDF
    repairs the file when it first writes it - and that repair used to drop every change made in memory."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 90), f"The complainant {NAME} called.", fontname="helv", fontsize=13)
    raw = doc.tobytes()
    doc.close()
    n = int(re.search(rb"xref\n0 (\d+)\n", raw).group(1))
    end = raw.index(b"\n\ntrailer")
    bad = raw[:end] + b"\n0000000050 00000 n " + raw[end:]
    return bad.replace(b"xref\n0 %d\n" % n, b"xref\n0 %d\n" % (n + 1)).replace(b"/Size %d" % n, b"/Size %d" % (n + 1))


def test_a_file_mupdf_repairs_only_when_saving_keeps_its_redactions() -> None:
    data = lazily_repaired_pdf()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert not doc.is_repaired
        [r] = doc[0].search_for(NAME)
    plan = {1: PageRedactions([(r.x0, r.y0, r.x1, r.y1)], [NAME])}
    out = redact_pdf(data, plan)
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        text = doc[0].get_text()
    assert "Gonzalez" not in text and "called" in text
    assert redact_and_verify_pages(data, plan, "lazy.pdf").flattened == {}  # no page had to become an image


def test_the_plan_labels_boxes_and_strings_by_finding_id_and_category() -> None:
    data = text_page()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        text = doc[0].get_text()
    page = Page(number=1, text=text, char_boxes=(), width=612, height=792, text_source=TextSource.TEXT_LAYER)
    document = Document(path="kept.pdf", kind=DocumentKind.PDF, pages=(page,), source_bytes=data)
    box = name_boxes(data)[0]
    finding = Finding("kept.pdf", 1, 0, len(NAME), NAME, "PERSON", 0.9, "test", (box,))
    policy = Policy.from_file(RESOURCES / "policies" / "default.toml")
    _, plan, _ = redaction_plan(ScannedDocument(document, [finding]), policy, redact=[finding])
    expected = f"finding {short_id(finding.key)} (PERSON)"
    assert plan[1].labels == [expected] and plan[1].string_labels == [expected]
    assert NAME not in expected


def with_a_picture_of_the_name(data: bytes) -> bytes:
    """The page with a picture (an image, not text) of the name near its foot, as a logo or a chart label."""
    word = pymupdf.open()
    wp = word.new_page(width=300, height=40)
    wp.insert_text((10, 28), NAME, fontname="helv", fontsize=20)
    pix = wp.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    word.close()
    doc = pymupdf.open(stream=data, filetype="pdf")
    doc[0].insert_image(pymupdf.Rect(72, 600, 372, 640), pixmap=pix)
    out = doc.tobytes()
    doc.close()
    return out


def test_the_word_in_a_picture_of_a_flattened_page_is_no_leak_but_the_boxed_one_is_gone(monkeypatch) -> None:
    """The census's charts and logos: the text layer has the name only where it is boxed, the page's picture
    shows it too. OCR of the flattened page reads the picture's word; the original page's images show it at the
    same place, so it is no leak. Before: "OCR of the exported page still reads redacted text" (exit 3)."""
    force_flatten(monkeypatch)
    data = with_a_picture_of_the_name(text_page())
    boxes = name_boxes(data)
    assert len(boxes) == 2  # the text layer's two: the picture is no text
    plan = {1: PageRedactions(boxes, [NAME], labels=[LABEL, LABEL], string_labels=[LABEL])}
    done = redact_and_verify_pages(data, plan, "picture.pdf")
    assert sorted(done.flattened) == [1]
    read = " ".join(ocr_pages(done.pdf, [1])[1].text.split())
    assert read.count("Gonzalez") == 1  # the picture's


def test_without_the_picture_the_same_reading_would_be_a_leak(monkeypatch) -> None:
    """The excuse comes from the original page's images at that place, not from anywhere: with the original's
    images showing nothing there, the picture's word read on the exported page is refused."""
    force_flatten(monkeypatch)
    data = with_a_picture_of_the_name(text_page())
    plan = {1: PageRedactions(name_boxes(data), [NAME], labels=[LABEL, LABEL], string_labels=[LABEL])}
    monkeypatch.setattr(redact._Source, "images_show", lambda self, places: [False] * len(places))
    with pytest.raises(VerificationError) as exc:
        redact_and_verify_pages(data, plan, "picture.pdf")
    assert exc.value.page == 1 and "outside the boxes" in exc.value.reason and LABEL in exc.value.reason


def test_text_under_tells_kept_text_from_boxed_text_and_from_nothing() -> None:
    """What OCR reads where the original page's text layer has only visible characters is kept text (OCR may
    read a removed "Ux" in a formula); where a box is, or where the text layer has nothing, it is not."""
    data = text_page()
    boxes = name_boxes(data)
    kept = redact._Source(data, {1: PageRedactions([boxes[0]], [NAME])})
    first, second = (pymupdf.Rect(b) for b in boxes)
    assert kept.text_under(1, second)  # the name left visible on the third line
    assert not kept.text_under(1, first)  # the boxed one
    assert not kept.text_under(1, pymupdf.Rect(72, 600, 300, 640))  # empty paper
    assert not kept.text_under(1, first | second)  # visible and boxed characters together


def test_on_a_scan_its_own_reading_tells_kept_words_and_a_box_placed_off_its_word_is_not_excused() -> None:
    data = scanned_page()
    reading = reading_of(data)
    boxes = name_boxes(text_page())
    kept = redact._Source(data, {1: PageRedactions([boxes[0]], [NAME], scanned=True, reading=reading)})
    first, second = (pymupdf.Rect(b) for b in boxes)
    assert kept.reading_under(1, second) and not kept.reading_under(1, first)
    assert not kept.reading_under(1, pymupdf.Rect(72, 600, 300, 640))
    # a box placed off its word (on empty paper): the word's place holds no character of the reading outside a
    # box only if the box is there - here it is not, so the word still counts as visible, and a count decides
    off = redact._Source(data, {1: PageRedactions([(300.0, 700.0, 400.0, 712.0)], [NAME], scanned=True)})
    assert not off.reading_under(1, first)  # no reading: nothing is excused


def test_a_word_counts_as_read_on_a_box_when_a_quarter_of_it_lies_there() -> None:
    box = pymupdf.Rect(100, 100, 160, 112)
    assert redact._on_box(pymupdf.Rect(110, 100, 150, 112), box)  # inside
    assert redact._on_box(pymupdf.Rect(140, 100, 180, 112), box)  # half on it
    assert not redact._on_box(pymupdf.Rect(159, 100, 199, 112), box)  # its neighbour touching the edge
    assert not redact._on_box(pymupdf.Rect(200, 100, 240, 112), box)


def test_a_region_is_read_in_place_and_the_boxes_in_it_are_painted_out() -> None:
    from workstation.documents.ocr import ocr_regions

    data = scanned_page()
    first, second = name_boxes(text_page())
    [plain] = ocr_regions(data, [(1, second)])
    [blanked] = ocr_regions(data, [(1, second)], blank={1: [second]})
    assert "Gonzalez" in plain and "Gonzalez" not in blanked and "from" in blanked  # the words beside it stay


def test_the_images_of_a_file_mupdf_repairs_when_saving_are_read_without_its_text() -> None:
    """The excuse "the original's images show it" reads the original with its text removed: on a file MuPDF
    repairs when first saving it, that removal used to be dropped, the text read as if it were a picture."""
    data = lazily_repaired_pdf()
    with pymupdf.open(stream=redact._pixels_only(data, [1]), filetype="pdf") as doc:
        assert doc[0].get_text() == "" and doc[0].get_texttrace() == []


def test_a_word_of_vertical_text_is_removed_whole_without_flattening() -> None:
    """A landscape page stored turned (/Rotate 90): its lines run down the unrotated page and a word's box is tall
    and narrow. The removal band ran across the box, so only the middle letters went and the page was flattened
    (PyMuPDF's test_2634: 8 of 10 pages)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((100, 700), f"Contact {NAME} at the precinct", fontname="helv", fontsize=12, rotate=90)
    page.insert_text((120, 700), "The next line stays whole here", fontname="helv", fontsize=12, rotate=90)
    data = doc.tobytes()
    doc.close()
    [box] = name_boxes(data)
    assert box[3] - box[1] > 3 * (box[2] - box[0])  # tall and narrow
    done = redact_and_verify_pages(data, {1: PageRedactions([box], [NAME])}, "turned.pdf")
    assert done.flattened == {}
    with pymupdf.open(stream=done.pdf, filetype="pdf") as out:
        text = out[0].get_text()
    assert "Maria" not in text and "Gonzalez" not in text
    assert "Contact" in text and "at the precinct" in text and "The next line stays whole here" in text


def test_when_mupdf_cannot_clean_the_content_streams_the_export_is_saved_without_and_verified(monkeypatch) -> None:
    """pdf.js issue5896: once saved before redaction, MuPDF's cleaning of content streams gives up ("not a dict
    (null)") - the file was refused as one MuPDF cannot rewrite. It is saved without that cleaning, then verified."""
    real = pymupdf.Document.tobytes

    def tobytes(self, *args, **kwargs):  # noqa: ANN001, ANN202
        if kwargs.get("clean"):
            raise RuntimeError("code=4: not a dict (null)")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Document, "tobytes", tobytes)
    data = text_page()
    done = redact_and_verify_pages(data, first_name_only(data), "unclean.pdf")
    with pymupdf.open(stream=done.pdf, filetype="pdf") as doc:
        assert doc[0].get_text().count(NAME) == 1


def test_each_word_read_must_be_explained_at_its_own_place_not_by_a_count(monkeypatch) -> None:
    """A scan whose box was placed off the name (its reading mapped the name elsewhere) while the reading also
    holds the name visible at a third place. Counting allowed it: OCR reads the name once, the reading shows it
    visible once. But the name is read where the reading has no visible character: refused."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 90), LINES[0], fontname="helv", fontsize=13)
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as src:
        [r] = src[0].search_for(NAME)
        pix = src[0].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    scan = pymupdf.open()
    scan.new_page(width=612, height=792).insert_image(pymupdf.Rect(0, 0, 612, 792), pixmap=pix)
    data = scan.tobytes()
    text, boxes = reading_of(data)
    start = text.index(NAME)

    def moved(box, dy):  # noqa: ANN001, ANN202
        return None if box is None else (box[0], box[1] + dy, box[2], box[3] + dy)

    shifted = tuple(moved(b, 300) if start <= i < start + len(NAME) else b for i, b in enumerate(boxes))
    kept_copy = tuple(moved(b, 500) for b in boxes[start:start + len(NAME)])
    reading = (text + "\n" + NAME, (*shifted, None, *kept_copy))
    off = (r.x0, r.y0 + 300, r.x1, r.y1 + 300)  # the box where the reading put the name: nothing there
    plan = {1: PageRedactions([off], [NAME], scanned=True, reading=reading, labels=[LABEL], string_labels=[LABEL])}
    with pytest.raises(VerificationError) as exc:
        redact_and_verify_pages(data, plan, "off.pdf", flatten=False)
    assert exc.value.page == 1 and "outside the boxes" in exc.value.reason and LABEL in exc.value.reason


def test_on_a_scan_a_word_counts_as_kept_where_the_reading_has_visible_characters_touching_it() -> None:
    """Two OCR runs of a scanned form segment it differently (census: test_4147.pdf): the word read on the export
    may overlap the reading's characters without sharing their centres; a boxed neighbour touching its edge does
    not make it boxed. A word whose area holds a boxed character's centre is not kept."""
    data = scanned_page()
    first, second = (pymupdf.Rect(b) for b in name_boxes(text_page()))
    kept = redact._Source(data, {1: PageRedactions([tuple(first)], [NAME], scanned=True, reading=reading_of(data))})
    shifted = pymupdf.Rect(second.x0 + 0.6 * second.width, second.y0, second.x1 + 40, second.y1)
    assert kept.reading_under(1, shifted)  # overlaps the end of the visible name and paper beyond
    touching_the_box = pymupdf.Rect(first.x1 - 1, first.y0, first.x1 + 60, first.y1)
    assert kept.reading_under(1, touching_the_box)  # the words after the boxed name
    assert not kept.reading_under(1, pymupdf.Rect(first.x0 + 5, first.y0, first.x1 - 5, first.y1))

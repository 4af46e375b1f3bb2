"""Loading a case: PDF text with character boxes, .txt, .docx, .eml, folders, and refusing bad input."""

from __future__ import annotations

import os
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pymupdf
import pytest

from workstation.documents.intake import expand_paths, load_case, load_file
from workstation.domain.errors import InputError
from workstation.domain.model import DocumentKind, TextSource

# ------------------------------------------------------------------------------------------------ builders


def make_pdf(path: Path, pages: list[list[tuple[float, float, str]]], fontsize: float = 11) -> Path:
    """A PDF whose page i holds the (x, baseline y, text) items of pages[i]."""
    doc = pymupdf.open()
    for items in pages:
        page = doc.new_page(width=612, height=792)
        for x, y, text in items:
            page.insert_text((x, y), text, fontname="helv", fontsize=fontsize)
    doc.save(path)
    doc.close()
    return path


def image_only_pdf(path: Path, text_pages_first: int = 0) -> Path:
    """``text_pages_first`` ordinary text pages, then one page that is only a picture (a scan)."""
    doc = pymupdf.open()
    for i in range(text_pages_first):
        doc.new_page().insert_text((72, 72), f"Ordinary typed page number {i + 1} with plenty of text.", fontsize=11)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 260), False)
    pix.clear_with(180)
    doc.new_page().insert_image(pymupdf.Rect(50, 50, 550, 700), pixmap=pix)
    doc.save(path)
    doc.close()
    return path


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Incident report 2024-0117")
    d.add_paragraph("Reporting officer: Det. Jane Roe")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Maria Gonzalez"
    table.cell(1, 0).text = "Email"
    table.cell(1, 1).text = "maria.gonzalez@example.com"
    d.add_paragraph("Narrative follows the table.")
    d.save(path)
    return path


def make_eml(path: Path, attachments: list[tuple[bytes, str, str, str]]) -> Path:
    """attachments: (payload, maintype, subtype, filename)."""
    m = EmailMessage()
    m["From"] = "Det. Jane Roe <jroe@nypd.org>"
    m["To"] = "records@example.gov"
    m["Subject"] = "Case 2024-0117 documents"
    m["Date"] = "Mon, 01 Jan 2024 10:00:00 -0500"
    m.set_content("Hello records unit,\nthe complainant is Maria Gonzalez.\n")
    for payload, maintype, subtype, filename in attachments:
        m.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    path.write_bytes(bytes(m))
    return path


def pdf_bytes(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text, fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def assert_close(a, b, tol: float = 0.01) -> None:
    assert len(a) == len(b) == 4
    assert all(abs(x - y) <= tol for x, y in zip(a, b, strict=True)), (a, b)


# ------------------------------------------------------------------------------------------------ .txt


def test_txt_is_one_plain_page_with_the_exact_text(tmp_path):
    text = "Complainant: Nguyễn Văn An\r\nWitness: Wiśniewska\nZhang 张伟\n"
    f = tmp_path / "statement.txt"
    f.write_bytes(("\ufeff" + text).encode("utf-8"))
    [doc] = load_file(f)
    assert doc.kind is DocumentKind.TEXT
    assert doc.path == str(f)
    assert doc.name == "statement"
    assert len(doc.pages) == 1
    page = doc.pages[0]
    assert page.text == text.replace("\r\n", "\n")  # BOM dropped, line ends normalised, nothing else changed
    assert page.text_source is TextSource.PLAIN
    assert not page.has_geometry and page.boxes_for_span(0, 5) == []
    assert not page.needs_ocr and doc.scanned_pages == []


# ------------------------------------------------------------------------------------------------ .docx


def test_docx_paragraphs_and_table_in_document_order(tmp_path):
    [doc] = load_file(make_docx(tmp_path / "report.docx"))
    assert doc.kind is DocumentKind.DOCX
    assert doc.name == "report"
    lines = doc.pages[0].text.split("\n")
    assert lines == [
        "Incident report 2024-0117",
        "Reporting officer: Det. Jane Roe",
        "Name | Maria Gonzalez",
        "Email | maria.gonzalez@example.com",
        "Narrative follows the table.",
    ]
    assert doc.pages[0].text_source is TextSource.PLAIN


def test_docx_merged_cells_are_not_repeated(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    merged = t.cell(0, 0).merge(t.cell(0, 1))
    merged.text = "Maria Gonzalez"
    t.cell(0, 2).text = "DOB 01/02/1980"
    d.save(tmp_path / "m.docx")
    [doc] = load_file(tmp_path / "m.docx")
    assert doc.pages[0].text == "Maria Gonzalez | DOB 01/02/1980"


def test_docx_without_text_is_refused(tmp_path):
    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(InputError) as ei:
        load_file(tmp_path / "blank.docx")
    assert "blank.docx" in str(ei.value) and "no text" in ei.value.reason


# ------------------------------------------------------------------------------------------------ .eml


def test_eml_headers_body_and_attachments_become_documents(tmp_path):
    att_pdf = pdf_bytes("Attached statement of Maria Gonzalez, phone 212-555-0143.")
    f = make_eml(tmp_path / "mail.eml", [
        (att_pdf, "application", "pdf", "statement.pdf"),
        (b"Officer notes: suspect fled on foot.\n", "text", "plain", "notes.txt"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image", "png", "photo.png"),
    ])
    docs = load_file(f)
    assert [d.kind for d in docs] == [DocumentKind.EMAIL, DocumentKind.PDF, DocumentKind.TEXT]
    mail, pdf, txt = docs

    assert mail.path == str(f) and mail.name == "mail"
    text = mail.pages[0].text
    from_line = next(line for line in text.split("\n") if line.startswith("From: "))
    assert "Det. Jane Roe" in from_line and "<jroe@nypd.org>" in from_line
    assert "To: records@example.gov" in text
    assert "Subject: Case 2024-0117 documents" in text
    assert "Date: Mon, 01 Jan 2024 10:00:00 -0500" in text
    assert "the complainant is Maria Gonzalez." in text
    assert "Officer notes" not in text  # the attachment is its own document, not part of the body
    # the unsupported attachment is recorded for the reviewer, not silently dropped
    assert len(mail.notes) == 1
    assert "photo.png" in mail.notes[0] and "image/png" in mail.notes[0]

    assert pdf.path == f"{f}#statement.pdf"
    assert pdf.name == "mail.statement"
    assert pdf.source_bytes == att_pdf
    assert pdf.pages[0].text == "Attached statement of Maria Gonzalez, phone 212-555-0143."
    assert pdf.pages[0].has_geometry

    assert txt.path == f"{f}#notes.txt"
    assert txt.pages[0].text == "Officer notes: suspect fled on foot.\n"


def test_eml_html_only_body_is_read_without_markup(tmp_path):
    m = EmailMessage()
    m["From"] = "a@example.org"
    m["Subject"] = "html"
    m.set_content("<html><body><p>Victim <b>Maria Gonzalez</b></p><script>var x='hidden';</script>"
                  "<p>Tom &amp; Jerry</p></body></html>", subtype="html")
    f = tmp_path / "h.eml"
    f.write_bytes(bytes(m))
    [doc] = load_file(f)
    text = doc.pages[0].text
    assert "Victim Maria Gonzalez" in text and "Tom & Jerry" in text
    assert "<" not in text and "hidden" not in text


def test_eml_with_a_corrupt_pdf_attachment_names_the_attachment(tmp_path):
    f = make_eml(tmp_path / "mail.eml", [(b"%PDF-1.7\n" + os.urandom(2000), "application", "pdf", "bad.pdf")])
    with pytest.raises(InputError) as ei:
        load_file(f)
    assert ei.value.path == f"{f}#bad.pdf"
    assert "bad.pdf" in str(ei.value)


# ------------------------------------------------------------------------------------------------ PDF


def test_pdf_text_lines_and_one_box_per_character(tmp_path):
    f = make_pdf(tmp_path / "r.pdf", [[(72, 72, "First line of page one"), (72, 86, "Second line")],
                                      [(72, 72, "Page two")]])
    [doc] = load_file(f)
    assert doc.kind is DocumentKind.PDF and doc.name == "r"
    assert doc.source_bytes == f.read_bytes()
    assert [p.number for p in doc.pages] == [1, 2]
    p1 = doc.pages[0]
    assert p1.text == "First line of page one\nSecond line"
    assert p1.text_source is TextSource.TEXT_LAYER and not p1.needs_ocr
    assert (p1.width, p1.height) == (612, 792)
    assert len(p1.char_boxes) == len(p1.text)
    for c, box in zip(p1.text, p1.char_boxes, strict=True):
        if c == "\n":
            assert box is None
        else:
            assert box is not None
            x0, y0, x1, y1 = box
            assert 0 <= x0 <= x1 <= 612 and 0 <= y0 < y1 <= 792
    assert doc.pages[1].text == "Page two"


def _page(path: Path, number: int = 1):
    [doc] = load_file(path)
    return doc.pages[number - 1]


def test_span_on_one_line_is_one_rect_matching_the_glyphs(tmp_path):
    f = make_pdf(tmp_path / "a.pdf", [[(72, 100, "Complainant Maria Gonzalez was interviewed")]])
    page = _page(f)
    start = page.text.index("Maria Gonzalez")
    rects = page.boxes_for_span(start, start + len("Maria Gonzalez"))
    with pymupdf.open(f) as d:
        [expected] = d[0].search_for("Maria Gonzalez")
    assert len(rects) == 1
    assert_close(rects[0], tuple(expected))


def test_span_across_a_line_break_gives_two_rects(tmp_path):
    f = make_pdf(tmp_path / "b.pdf", [[(72, 200, "The quick brown fox"), (72, 213, "jumps over the lazy dog")]])
    page = _page(f)
    start = page.text.index("brown")
    end = page.text.index("jumps") + len("jumps")
    rects = page.boxes_for_span(start, end)
    with pymupdf.open(f) as d:
        [first] = d[0].search_for("brown fox")
        [second] = d[0].search_for("jumps")
    assert len(rects) == 2
    assert_close(rects[0], tuple(first))
    assert_close(rects[1], tuple(second))
    # lines are 13 pt apart and the boxes are one font-size high: they do not overlap
    assert rects[0][3] <= rects[1][1]


def test_span_across_two_columns_gives_a_rect_in_each_column(tmp_path):
    # a two-column page written column by column, as most layout programs do
    left = ["Left column first line", "Left column second line", "ends with Gonzalez"]
    right = ["Maria continues here", "Right column second", "Right column third"]
    items = [(72, 100 + 14 * i, t) for i, t in enumerate(left)] + [(320, 100 + 14 * i, t) for i, t in enumerate(right)]
    f = make_pdf(tmp_path / "c.pdf", [items])
    page = _page(f)
    start = page.text.index("Gonzalez")
    end = page.text.index("Maria") + len("Maria")
    assert start < end
    rects = page.boxes_for_span(start, end)
    with pymupdf.open(f) as d:
        [g] = d[0].search_for("Gonzalez")
        [m] = d[0].search_for("Maria")
    assert len(rects) == 2
    assert rects[0][2] < 300 < rects[1][0]  # one in each column
    assert_close(rects[0], tuple(g))
    assert_close(rects[1], tuple(m))


def test_two_columns_on_the_same_baseline_are_not_merged_across_the_gutter(tmp_path):
    f = make_pdf(tmp_path / "d.pdf", [[(72, 100, "Name: Maria"), (320, 100, "Gonzalez lives here")]])
    page = _page(f)
    start = page.text.index("Maria")
    end = page.text.index("Gonzalez") + len("Gonzalez")
    rects = page.boxes_for_span(start, end)
    with pymupdf.open(f) as d:
        [m] = d[0].search_for("Maria")
        [g] = d[0].search_for("Gonzalez")
    assert len(rects) == 2  # never one box over the gutter (it would cover unrelated text)
    assert_close(rects[0], tuple(m))
    assert_close(rects[1], tuple(g))


def test_image_only_page_needs_ocr(tmp_path):
    [doc] = load_file(image_only_pdf(tmp_path / "scan.pdf", text_pages_first=1))
    assert doc.pages[0].text_source is TextSource.TEXT_LAYER and not doc.pages[0].needs_ocr
    assert doc.pages[1].text_source is TextSource.NONE and doc.pages[1].needs_ocr
    assert doc.pages[1].text == ""
    assert doc.scanned_pages == [2]


def test_image_with_a_real_text_layer_is_not_a_scan(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 50, 50), False)
    pix.clear_with(100)
    page.insert_image(pymupdf.Rect(300, 300, 400, 400), pixmap=pix)
    page.insert_text((72, 72), "A typed page with a photograph of the scene attached.", fontsize=11)
    doc.save(tmp_path / "photo.pdf")
    [d] = load_file(tmp_path / "photo.pdf")
    assert d.pages[0].text_source is TextSource.TEXT_LAYER and d.scanned_pages == []


# ------------------------------------------------------------------------------------------------ folders


def test_folder_expansion_is_recursive_sorted_and_skips_unsupported_and_hidden(tmp_path):
    case = tmp_path / "case"
    (case / "sub").mkdir(parents=True)
    make_pdf(case / "b.pdf", [[(72, 72, "A PDF document")]])
    (case / "a.txt").write_text("Plain text file\n", encoding="utf-8")
    make_docx(case / "sub" / "c.docx")
    make_eml(case / "sub" / "d.EML", [])
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.clear_with(200)
    pix.save(case / "sub" / "photo.PNG")  # images are documents too (scans to OCR)
    (case / ".hidden.txt").write_text("hidden editor file\n", encoding="utf-8")
    (case / ".hidden.png").write_bytes(b"\x89PNG\r\n")
    (case / "notes.md").write_text("# markdown\n", encoding="utf-8")
    (case / "scan.xyz").write_bytes(b"II*\x00" + b"\x00" * 100)

    files = expand_paths([case])
    assert files == [case / "a.txt", case / "b.pdf", case / "sub" / "c.docx", case / "sub" / "d.EML",
                     case / "sub" / "photo.PNG"]

    docs = load_case([case])
    assert [Path(d.path).name for d in docs] == ["a.txt", "b.pdf", "c.docx", "d.EML", "photo.PNG"]
    assert [d.kind for d in docs] == [DocumentKind.TEXT, DocumentKind.PDF, DocumentKind.DOCX, DocumentKind.EMAIL,
                                      DocumentKind.PDF]
    assert docs[-1].scanned_pages == [1] and docs[-1].pages[0].text_source is TextSource.NONE


def test_files_and_folders_can_be_mixed(tmp_path):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "x.txt").write_text("inside\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("outside\n", encoding="utf-8")
    docs = load_case([single, tmp_path / "case"])
    assert [d.pages[0].text for d in docs] == ["outside\n", "inside\n"]


# ------------------------------------------------------------------------------------------------ bad input


def _good_pdf_bytes() -> bytes:
    doc = pymupdf.open()
    for i in range(4):
        doc.new_page().insert_text((72, 72), f"Page {i + 1}: Complainant Maria Gonzalez, 212-555-0143.", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def _corrupt_pdf(tmp: Path) -> Path:
    p = tmp / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    return p


def _truncated_pdf(tmp: Path) -> Path:
    data = _good_pdf_bytes()
    p = tmp / "truncated.pdf"
    p.write_bytes(data[: len(data) // 2])
    return p


def _truncated_tail_pdf(tmp: Path) -> Path:
    data = _good_pdf_bytes()
    p = tmp / "cut-tail.pdf"
    p.write_bytes(data[: int(len(data) * 0.9)])  # objects intact, cross-reference table and trailer lost
    return p


def _encrypted_pdf(tmp: Path) -> Path:
    doc = pymupdf.open(stream=_good_pdf_bytes(), filetype="pdf")
    p = tmp / "encrypted.pdf"
    doc.save(p, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner-secret")
    return p


def _empty(tmp: Path) -> Path:
    p = tmp / "empty.pdf"
    p.write_bytes(b"")
    return p


def _text_as_pdf(tmp: Path) -> Path:
    p = tmp / "notreally.pdf"
    p.write_text("This is a plain text file with a .pdf name.\n", encoding="utf-8")
    return p


def _unsupported(tmp: Path) -> Path:
    p = tmp / "scan.xyz"
    p.write_bytes(b"II*\x00" + b"\x00" * 100)
    return p


def _unsupported_md(tmp: Path) -> Path:
    p = tmp / "notes.md"
    p.write_text("# case notes\n", encoding="utf-8")
    return p


def _corrupt_png(tmp: Path) -> Path:
    p = tmp / "photo.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return p


def _corrupt_jpeg(tmp: Path) -> Path:
    p = tmp / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff")
    return p


def _corrupt_tiff(tmp: Path) -> Path:
    p = tmp / "scan.tiff"
    p.write_bytes(b"II*\x00" + b"\x00" * 100)
    return p


def _no_extension(tmp: Path) -> Path:
    p = tmp / "README"
    p.write_text("text\n", encoding="utf-8")
    return p


def _empty_folder(tmp: Path) -> Path:
    p = tmp / "emptycase"
    p.mkdir()
    (p / "notes.md").write_text("# not a document of the case\n", encoding="utf-8")
    (p / "scan.xyz").write_bytes(b"II*\x00" + b"\x00" * 100)
    (p / ".hidden.pdf").write_bytes(_good_pdf_bytes())
    (p / ".hidden.jpg").write_bytes(b"\xff\xd8\xff")
    return p


def _missing(tmp: Path) -> Path:
    return tmp / "does-not-exist.pdf"


def _latin1_txt(tmp: Path) -> Path:
    p = tmp / "latin1.txt"
    p.write_bytes("Témoin: François Lefèvre, café".encode("latin-1"))
    return p


def _binary_txt(tmp: Path) -> Path:
    p = tmp / "binary.txt"
    p.write_bytes(bytes(range(256)) * 8)
    return p


def _whitespace_txt(tmp: Path) -> Path:
    p = tmp / "blank.txt"
    p.write_text("  \n\n\t\n", encoding="utf-8")
    return p


def _corrupt_docx(tmp: Path) -> Path:
    p = tmp / "corrupt.docx"
    p.write_bytes(os.urandom(3000))
    return p


def _zip_not_docx(tmp: Path) -> Path:
    p = tmp / "zip.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "not an OOXML package")
    return p


def _truncated_docx(tmp: Path) -> Path:
    src = make_docx(tmp / "whole.docx").read_bytes()
    p = tmp / "halfdocx.docx"
    p.write_bytes(src[: len(src) // 2])
    src_path = tmp / "whole.docx"
    src_path.unlink()
    return p


def _not_an_email(tmp: Path) -> Path:
    p = tmp / "mail.eml"
    p.write_text("just a line of text, no headers at all\n", encoding="utf-8")
    return p


BAD_INPUTS = [
    (_corrupt_pdf, "corrupt"),
    (_truncated_pdf, "corrupt"),
    (_truncated_tail_pdf, "corrupt or truncated"),
    (_encrypted_pdf, "encrypted"),
    (_empty, "empty"),
    (_text_as_pdf, "not a PDF"),
    (_unsupported, "unsupported file type .xyz"),
    (_unsupported_md, "unsupported file type .md"),
    (_corrupt_png, "corrupt or unreadable image (.png)"),
    (_corrupt_jpeg, "corrupt or unreadable image (.jpg)"),
    (_corrupt_tiff, "corrupt or unreadable image (.tiff)"),
    (_no_extension, "unsupported file type"),
    (_empty_folder, "no supported documents"),
    (_missing, "no such file"),
    (_latin1_txt, "not valid UTF-8"),
    (_binary_txt, "binary"),
    (_whitespace_txt, "no text"),
    (_corrupt_docx, "not a .docx"),
    (_zip_not_docx, "corrupt .docx"),
    (_truncated_docx, ".docx"),
    (_not_an_email, "not an e-mail"),
]


@pytest.mark.parametrize(("build", "reason"), BAD_INPUTS, ids=[b.__name__.strip("_") for b, _ in BAD_INPUTS])
def test_bad_input_raises_input_error_naming_the_file(tmp_path, build, reason):
    path = build(tmp_path)
    with pytest.raises(InputError) as ei:
        load_case([path])
    err = ei.value
    assert err.path == str(path)
    assert str(err).startswith(f"{path}: ")
    assert reason.lower() in err.reason.lower()
    assert err.exit_code == 2
    assert "\n" not in str(err)


def test_one_bad_file_in_a_folder_fails_the_whole_case_naming_that_file(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    (case / "a.txt").write_text("fine\n", encoding="utf-8")
    _truncated_pdf(case)
    with pytest.raises(InputError) as ei:
        load_case([case])
    assert ei.value.path == str(case / "truncated.pdf")


def test_no_paths_at_all_is_an_input_error():
    with pytest.raises(InputError):
        load_case([])


# ------------------------------------------------------------------------------------------------ links, duplicates


def _case_with_secret(tmp_path: Path) -> tuple[Path, Path]:
    case = tmp_path / "case"
    case.mkdir()
    (case / "report.txt").write_text("The report\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"  # outside the case folder: e.g. /etc/shadow, the users file
    secret.write_text("root:$6$hash:19000:0:99999:7:::\n", encoding="utf-8")
    return case, secret


def test_a_link_in_a_folder_to_a_file_outside_it_is_refused(tmp_path):
    case, secret = _case_with_secret(tmp_path)
    (case / "evidence.txt").symlink_to(secret)
    with pytest.raises(InputError, match="symbolic link to a file outside the folder") as exc:
        load_case([case])
    assert exc.value.path == str(case / "evidence.txt")
    assert "\n" not in str(exc.value)


def test_a_linked_folder_leaving_the_case_folder_is_refused(tmp_path):
    case, secret = _case_with_secret(tmp_path)
    (case / "more").symlink_to(tmp_path, target_is_directory=True)  # the whole parent, secret included
    with pytest.raises(InputError, match="symbolic link to a folder outside the folder"):
        expand_paths([case])
    relative = tmp_path / "case2"
    relative.mkdir()
    (relative / "a.txt").write_text("a\n", encoding="utf-8")
    (relative / "up.txt").symlink_to(Path("..") / "secret.txt")  # relative link climbing out
    with pytest.raises(InputError, match="outside the folder"):
        expand_paths([relative])


def test_a_dangling_link_pointing_outside_the_folder_is_refused(tmp_path):
    case, _ = _case_with_secret(tmp_path)
    (case / "gone.txt").symlink_to(tmp_path / "no-such-file.txt")
    with pytest.raises(InputError, match="outside the folder"):
        expand_paths([case])


def test_links_inside_the_folder_are_skipped_and_a_loop_is_never_followed(tmp_path):
    case, _ = _case_with_secret(tmp_path)
    (case / "sub").mkdir()
    (case / "sub" / "b.txt").write_text("b\n", encoding="utf-8")
    (case / "alias.txt").symlink_to(case / "report.txt")  # inside: read once, under its own name
    (case / "sub" / "up").symlink_to(case, target_is_directory=True)  # a cycle back to the top
    (case / "sub" / "again").symlink_to(Path(".."), target_is_directory=True)
    assert expand_paths([case]) == [case / "report.txt", case / "sub" / "b.txt"]


def test_a_link_loop_is_refused_not_followed(tmp_path):
    case, _ = _case_with_secret(tmp_path)
    (case / "a.txt").symlink_to(case / "b.txt")
    (case / "b.txt").symlink_to(case / "a.txt")
    with pytest.raises(InputError, match="symbolic link loop"):
        expand_paths([case])
    with pytest.raises(InputError, match="symbolic link loop"):
        expand_paths([case / "a.txt"])


def test_a_link_given_directly_must_point_to_a_regular_file(tmp_path):
    case, secret = _case_with_secret(tmp_path)
    direct = tmp_path / "direct.txt"
    direct.symlink_to(case / "report.txt")
    assert expand_paths([direct]) == [direct]  # a link named on the command line to a regular file is read
    folder_link = tmp_path / "folder-link"
    folder_link.symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(InputError, match="symbolic link to something that is not a regular file"):
        expand_paths([folder_link])
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pipe_link = tmp_path / "pipe-link.txt"
    pipe_link.symlink_to(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        expand_paths([pipe_link])
    dev_link = tmp_path / "null.txt"
    dev_link.symlink_to("/dev/null")
    with pytest.raises(InputError, match="not a regular file"):
        expand_paths([dev_link])


def test_the_same_file_is_read_once_however_it_is_given(tmp_path):
    case, _ = _case_with_secret(tmp_path)
    report = case / "report.txt"
    assert expand_paths([report, report]) == [report]
    assert expand_paths([case, report]) == [report]  # once through its folder, once directly
    assert expand_paths([report, case]) == [report]
    dotted = case / ".." / "case" / "report.txt"  # another spelling of the same path
    assert expand_paths([report, dotted]) == [report]
    hard = tmp_path / "hard.txt"
    os.link(report, hard)  # two names of one file
    assert expand_paths([hard, case]) == [hard]
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    assert expand_paths([case, link]) == [report]
    assert [d.path for d in load_case([report, case, link])] == [str(report)]


def test_a_pdf_with_wrong_offsets_is_repaired_and_accepted_with_a_note(tmp_path):
    """Real files often have slightly wrong cross-reference offsets (every viewer repairs them): accepted when
    the file ends properly and both readers find the same pages and words (issue 14 item 3)."""
    data = _good_pdf_bytes().replace(b"\n1 0 obj", b"\n% a comment that moves every object\n1 0 obj", 1)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.is_repaired
    p = tmp_path / "shifted.pdf"
    p.write_bytes(data)
    (document,) = load_file(p)
    assert len(document.pages) == 4
    assert "Maria Gonzalez" in document.pages[3].text
    assert any("repaired" in note for note in document.notes)


def test_a_repaired_pdf_whose_end_is_missing_is_refused(tmp_path):
    data = _good_pdf_bytes().replace(b"\n1 0 obj", b"\n% moved\n1 0 obj", 1)
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: data.rindex(b"%%EOF")])
    with pytest.raises(InputError, match="end of the file is missing"):
        load_file(p)

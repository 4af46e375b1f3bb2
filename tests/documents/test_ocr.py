"""Scanned pages and images: OCR detection, word boxes, pixel redaction and re-OCR verification.

The scans are generated: a text page rendered to a 200-dpi image (some turned 90/180/270 degrees, one skewed by
2.5 degrees, one noisy, one under a scanner's invisible OCR layer), so the position of every word is known.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pymupdf
import pytest

import workstation.documents.ocr as ocr
import workstation.documents.redact as redact
from benchmarks.ocr_benchmark import page_lines
from benchmarks.scans import (
    add_scan_page,
    map_point,
    map_rect,
    noisy,
    render_gray,
    skew,
    text_pdf,
    to_pixmap,
    word_accuracy,
    write_tiff,
)
from workstation.cli import main
from workstation.documents.intake import load_file
from workstation.documents.ocr import ocr_pages, ocr_text_of_pdf_pages
from workstation.domain.errors import VerificationError
from workstation.domain.model import Document, DocumentKind, TextSource
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES
from workstation.pipeline import scan

DPI = 200
POLICY = Policy.from_file(RESOURCES / "policies" / "default.toml")
LINES = [
    "Supplementary report filed by Officer Daniel Brooks of the 52nd Precinct.",
    "Complainant Maria Gonzalez can be reached at maria.gonzalez@example.com today.",
    "She stated that the argument started in the hallway outside the laundry room.",
    "Her telephone number is (212) 555-0147 and she prefers to speak Spanish.",
    "The responding unit canvassed the building and spoke with the superintendent.",
    "No injuries were reported and the property damage was limited to one window.",
]
TEXT = "\n".join(LINES)
SOURCE = text_pdf([LINES])
# identifying information on the page that the default policy must redact, and words next to it that must stay
MUST_GO = ["Maria Gonzalez", "maria.gonzalez@example.com", "555-0147"]
MUST_STAY = ["Complainant", "reached", "hallway", "telephone", "superintendent", "injuries"]
# (rotate, skew degrees, noise)
VARIANTS = {
    "clean": (0, 0.0, False),
    "rot90": (90, 0.0, False),
    "rot180": (180, 0.0, False),
    "rot270": (270, 0.0, False),
    "skew": (0, 2.5, False),
    "noise": (0, 0.0, True),
    "invisible_layer": (0, 0.0, False),
}
NAMES = list(VARIANTS)


def source_rects(word: str) -> list[pymupdf.Rect]:
    with pymupdf.open(stream=SOURCE, filetype="pdf") as doc:
        return doc[0].search_for(word)


def scan_image(rotate_pixels: int = 0, skew_degrees: float = 0.0, noise: bool = False, seed: int = 0) -> np.ndarray:
    arr = render_gray(SOURCE, 0, DPI)
    if skew_degrees:
        arr = skew(arr, skew_degrees)
    if noise:
        arr = noisy(arr, seed=seed)
    return np.rot90(arr, k=-rotate_pixels // 90).copy() if rotate_pixels else arr


def add_variant(doc: pymupdf.Document, name: str) -> None:
    rotate, skew_degrees, noise = VARIANTS[name]
    page = add_scan_page(doc, scan_image(0, skew_degrees, noise), DPI, rotate=rotate)
    if name == "invisible_layer":  # a scanner's own OCR layer: invisible text over the image
        for i, line in enumerate(LINES):
            page.insert_text((72, 100 + 18 * i), line, fontname="helv", fontsize=12, render_mode=3)


def variants_pdf(names: list[str]) -> bytes:
    doc = pymupdf.open()
    for name in names:
        add_variant(doc, name)
    data = doc.tobytes()
    doc.close()
    return data


def mixed_pdf() -> bytes:
    """Page 1 has a text layer, page 2 is a scan of the same text."""
    doc = pymupdf.open(stream=SOURCE, filetype="pdf")
    add_variant(doc, "clean")
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def ocr_results() -> tuple[bytes, dict[int, object]]:
    """Every variant as one page of one PDF, OCR'd once in parallel worker processes."""
    pdf = variants_pdf(NAMES)
    return pdf, ocr_pages(pdf, list(range(1, len(NAMES) + 1)))


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s).casefold()


# ------------------------------------------------------------------------------------------------ detection


def test_generated_scans_and_images_need_ocr(tmp_path):
    (tmp_path / "variants.pdf").write_bytes(variants_pdf(NAMES))
    [doc] = load_file(tmp_path / "variants.pdf")
    assert doc.scanned_pages == list(range(1, len(NAMES) + 1))
    assert all(p.text_source is TextSource.NONE for p in doc.pages)

    (tmp_path / "mixed.pdf").write_bytes(mixed_pdf())
    [mixed] = load_file(tmp_path / "mixed.pdf")
    assert [p.text_source for p in mixed.pages] == [TextSource.TEXT_LAYER, TextSource.NONE]
    assert mixed.pages[0].text == TEXT and mixed.scanned_pages == [2]

    arr = scan_image()
    to_pixmap(arr, DPI).save(tmp_path / "photo.png")
    to_pixmap(arr, DPI).save(tmp_path / "photo.jpeg", jpg_quality=90)
    write_tiff(tmp_path / "scan.tif", [arr, scan_image(rotate_pixels=180), scan_image(noise=True)], DPI)
    for name, pages in (("photo.png", 1), ("photo.jpeg", 1), ("scan.tif", 3)):
        [img] = load_file(tmp_path / name)
        assert img.kind is DocumentKind.PDF and img.source_bytes is not None
        assert img.scanned_pages == list(range(1, pages + 1)), name
        assert all(p.text == "" for p in img.pages)
        assert (img.pages[0].width, img.pages[0].height) == pytest.approx((612, 792), abs=1)


# ------------------------------------------------------------------------------------------------ OCR text


@pytest.mark.parametrize("name", NAMES)
def test_ocr_reads_the_words(ocr_results, name):
    _, pages = ocr_results
    page = pages[NAMES.index(name) + 1]
    assert page.text_source is TextSource.OCR
    assert len(page.char_boxes) == len(page.text)
    assert word_accuracy(TEXT, page.text) >= 0.95, page.text
    for s in MUST_GO:
        assert squash(s) in squash(page.text), (s, page.text)


# ------------------------------------------------------------------------------------------------ orientation

# (turned by, skew degrees, noise, the rotation (Matrix.prerotate) that makes the page upright again)
ORIENTATIONS = [(rotate, sk, noise, rotate)
                for rotate in (0, 90, 180, 270) for sk, noise in ((0.0, False), (2.5, False), (-1.5, True))]


def scanned_page(rotate: int, skew_degrees: float, noise: bool) -> pymupdf.Document:
    doc = pymupdf.open()
    add_scan_page(doc, scan_image(0, skew_degrees, noise), DPI, rotate=rotate)
    return doc


@pytest.mark.parametrize(("rotate", "skew_degrees", "noise", "upright"), ORIENTATIONS)
def test_orientation_comes_from_the_shape_of_the_ink(rotate, skew_degrees, noise, upright):
    """Sideways, upside down and skewed pages are told apart without OCR (a skewed upright page, whose rows
    blur, must not look sideways); the estimate agrees with Tesseract's own orientation detection."""
    with scanned_page(rotate, skew_degrees, noise) as doc:
        rotation, sk = ocr.estimate_orientation(doc[0])
        assert rotation == upright
        assert abs(abs(sk) - abs(skew_degrees)) <= 0.3
        if not skew_degrees:
            assert ocr.detect_rotation(doc[0]) == upright


@pytest.mark.parametrize(("rotate", "skew_degrees"), [(180, 0.0), (90, 2.5), (270, 0.0)])
def test_a_turned_page_is_read_in_one_pass(monkeypatch, rotate, skew_degrees):
    """The page is OCR'd once, already turned: Tesseract's orientation detection is not needed."""
    calls: list[float] = []
    real = ocr._ocr

    def counted(page, rotation, dpi, languages):
        calls.append(rotation)
        return real(page, rotation, dpi, languages)

    def no_osd(page):
        raise AssertionError("orientation detection was asked")

    monkeypatch.setattr(ocr, "_ocr", counted)
    monkeypatch.setattr(ocr, "detect_rotation", no_osd)
    with scanned_page(rotate, skew_degrees, False) as doc:
        page = ocr.ocr_page(doc[0])
    assert len(calls) == 1
    assert word_accuracy(TEXT, page.text) >= 0.95, page.text


def test_a_page_whose_ink_misleads_is_read_after_orientation_detection(monkeypatch):
    """When the turned reading does not look like text, Tesseract's orientation detection decides."""
    monkeypatch.setattr(ocr, "estimate_orientation", lambda page: (0, 0.0))  # wrong for a page turned 180
    with scanned_page(180, 0.0, False) as doc:
        page = ocr.ocr_page(doc[0])
    assert word_accuracy(TEXT, page.text) >= 0.95, page.text


FORM_ROWS = [("Name", "Maria Guadalupe Hernandez"), ("Date of birth", "03/14/1989"),
             ("Address", "87-14 37th Avenue, Apt 5B"), ("Country of birth", "Honduras"),
             ("Status", "Asylum pending"), ("Phone", "(718) 555-0134")]


def form_scan(rotate: int) -> pymupdf.Document:
    """A scanned intake form: label/value cells with ruled borders, and a block of tall check-box columns."""
    src = pymupdf.open()
    page = src.new_page(width=612, height=792)
    y = 100
    for label, value in FORM_ROWS:
        for x0, x1, text in ((72, 220, label), (220, 540, value)):
            page.draw_rect(pymupdf.Rect(x0, y, x1, y + 28), color=(0, 0, 0), width=1.2)
            page.insert_text((x0 + 6, y + 19), text, fontsize=11)
        y += 28
    for x in range(72, 541, 52):
        page.draw_rect(pymupdf.Rect(x, 400, x + 40, 700), color=(0, 0, 0), width=1.5)
    data = src.tobytes()
    doc = pymupdf.open()
    add_scan_page(doc, render_gray(data, 0, DPI), DPI, rotate=rotate)
    return doc


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_a_ruled_form_is_turned_upright_without_orientation_detection(monkeypatch, rotate):
    """Table borders and tall boxes would join the text lines or look like lines themselves: they are left out
    of the ink's profiles, so a form turned any way is read in one pass."""
    def no_osd(page):
        raise AssertionError("orientation detection was asked")

    monkeypatch.setattr(ocr, "detect_rotation", no_osd)
    with form_scan(rotate) as doc:
        assert ocr.estimate_orientation(doc[0])[0] == rotate
        page = ocr.ocr_page(doc[0])
    want = " ".join(f"{a} {b}" for a, b in FORM_ROWS)
    assert word_accuracy(want, page.text) >= 0.95, page.text


def test_ruled_lines_are_told_from_letters():
    ink = np.zeros((60, 60), dtype=bool)
    ink[5:55, 10] = True    # a vertical rule, 50 pixels
    ink[30, 15:58] = True   # a horizontal rule, 43 pixels
    ink[8:20, 30:32] = True  # a letter's stem, 12 pixels
    ink[40:44, 40:46] = True  # a blob
    kept = ocr._without_rules(ink, 120)  # rules are 30 pixels or longer at 120 dpi
    assert not kept[5:55, 10].any() and not kept[30, 15:58].any()
    assert kept[8:20, 30:32].all() and kept[40:44, 40:46].all()
    assert ocr._runs_at_least(ink, 12)[8:20, 30].all() and not ocr._runs_at_least(ink, 13)[8:20, 30].any()


def test_a_physically_huge_page_is_read_at_a_resolution_that_fits_in_memory():
    """A Letter scan placed on a 200 x 166-inch page (a wrong resolution in the file): 300 dpi would be 3 billion
    pixels; the resolution is lowered to stay within MAX_OCR_PIXELS and the text, as large as the page, reads."""
    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400 * 11 / 8.5)
    page.insert_image(page.rect, pixmap=to_pixmap(scan_image(), DPI))
    with doc:
        dpi = ocr.capped_dpi(doc[0], ocr.OCR_DPI, ocr.MAX_OCR_PIXELS)
        assert 20 < dpi < 30
        assert (doc[0].rect.width * dpi / 72) * (doc[0].rect.height * dpi / 72) <= ocr.MAX_OCR_PIXELS
        result = ocr.ocr_page(doc[0])
    assert word_accuracy(TEXT, result.text) >= 0.95, result.text
    i = result.text.index("Gonzalez")
    [box] = result.boxes_for_span(i, i + len("Gonzalez"))
    assert box[2] - box[0] > 500  # in the page's own (huge) coordinates


def test_despeckle_removes_isolated_specks_and_keeps_strokes():
    img = np.full((40, 40), 255, dtype=np.uint8)
    img[5, 5] = 0                      # a speck of dust
    img[10:30, 20] = 0                 # a one-pixel-wide stroke
    img[33:36, 8:11] = 0               # the dot of an i
    img[2:8, 30:38] = 0                # a block of ink ...
    img[4, 33] = 255                   # ... with a pinhole
    img[15, 10:13] = 0                 # three pixels in a row: shortened, not removed
    out = ocr.despeckle(img)
    assert out[5, 5] == 255 and out[4, 33] == 0
    # a one-pixel stroke loses only its two end pixels (one neighbour each)
    assert (out[11:29, 20] == 0).all() and (out[33:36, 8:11] == 0).all()
    assert out[15, 11] == 0
    changed = sorted(map(tuple, np.argwhere(out != img).tolist()))
    assert changed == [(4, 33), (5, 5), (10, 20), (15, 10), (15, 12), (29, 20)]


def test_heavy_speckle_noise_is_read():
    """A dense page under 3 % salt-and-pepper and strong grain (without despeckling: 0.96-0.98)."""
    rng = random.Random(5)
    lines = page_lines(rng)
    arr = noisy(render_gray(text_pdf([lines], fontsize=10.5, leading=14, top=72), 0, 300), seed=1,
                salt_pepper=0.03, sigma=30)
    doc = pymupdf.open()
    add_scan_page(doc, arr, 300)
    with doc:
        page = ocr.ocr_page(doc[0])
    assert word_accuracy("\n".join(lines), page.text) >= 0.985, page.text


# ------------------------------------------------------------------------------------------------ boxes

# (word, its text on the source page): a box also covers the punctuation glued to its word ("superintendent.")
BOX_WORDS = [("Brooks", "Brooks"), ("Gonzalez", "Gonzalez"), ("maria.gonzalez@example.com",) * 2,
             ("hallway", "hallway"), ("(212)", "(212)"), ("superintendent", "superintendent.")]


def ocr_word_box(page, word: str) -> pymupdf.Rect:
    i = page.text.find(word)
    assert i >= 0, (word, page.text)
    rects = page.boxes_for_span(i, i + len(word))
    assert len(rects) == 1, rects
    return pymupdf.Rect(rects[0])


@pytest.mark.parametrize("name", NAMES)
def test_ocr_boxes_lie_on_the_words(ocr_results, name):
    """Boxes are in the page's coordinates (rotated pages included) and sit on the word's pixels."""
    _, pages = ocr_results
    rotate, skew_degrees, _ = VARIANTS[name]
    page = pages[NAMES.index(name) + 1]
    for word, on_source in BOX_WORDS:
        [src] = [r for r in source_rects(on_source) if word != "Gonzalez" or r.x0 < 250]
        got = ocr_word_box(page, word)
        if skew_degrees:  # the centre of the word, skewed with the image, lies inside the box
            cx, cy = map_point((src.x0 + src.x1) / 2, (src.y0 + src.y1) / 2, rotate, skew_degrees)
            assert (got + (-2, -2, 2, 2)).contains(pymupdf.Point(cx, cy)), (word, got, (cx, cy))
            continue
        want = map_rect(src, rotate)
        if VARIANTS[name][2]:  # noise: specks touching the glyphs widen a box; it still covers the word's ink
            [ink] = [r for r in source_rects(word) if word != "Gonzalez" or r.x0 < 250]
            core = map_rect(ink, rotate) + ((1.5, 3, -1.5, -3) if rotate in (0, 180) else (3, 1.5, -3, -1.5))
            assert got.contains(core) and abs(got) <= 4 * abs(want), (word, got, want)
            continue
        # OCR boxes hug the glyphs; the text layer's boxes span the font's full line height
        assert (want + (-2, -2, 2, 2)).contains(got), (word, got, want)
        along = (got.width / want.width) if rotate in (0, 180) else (got.height / want.height)
        assert along >= 0.9, (word, got, want)
        across = (got.height / want.height) if rotate in (0, 180) else (got.width / want.width)
        assert across >= 0.5, (word, got, want)


def test_findings_on_ocr_text_get_boxes_like_text_layer_findings(ocr_results, engine):
    """The email and the name on the page turned 90 degrees are found, with boxes on their pixels."""
    pdf, pages = ocr_results
    number = NAMES.index("rot90") + 1
    base = Document(path="rot90.pdf", kind=DocumentKind.PDF, pages=tuple(pages.values()), source_bytes=pdf)
    [result] = scan([base], engine)  # pages already OCR'd: detection only
    findings = [f for f in result.findings if f.page == number]
    by_text = {f.text: f for f in findings}
    assert "maria.gonzalez@example.com" in by_text, [f.text for f in findings]
    email = by_text["maria.gonzalez@example.com"]
    assert email.entity_type == "EMAIL_ADDRESS" and len(email.boxes) == 1
    [src] = source_rects("maria.gonzalez@example.com")
    want = map_rect(src, 90)
    got = pymupdf.Rect(email.boxes[0])
    assert (want + (-2, -2, 2, 2)).contains(got) and got.height >= 0.9 * want.height
    assert any("Gonzalez" in f.text and f.entity_type == "PERSON" for f in findings)


# ------------------------------------------------------------------------------------------------ redaction


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def make_case(tmp_path: Path) -> Path:
    """A mixed PDF (a text page, a scan turned 90 degrees, a scan under an invisible OCR layer) and a JPEG."""
    case = tmp_path / "case"
    case.mkdir()
    doc = pymupdf.open(stream=SOURCE, filetype="pdf")
    add_variant(doc, "rot90")
    add_variant(doc, "invisible_layer")
    doc.save(case / "mixed.pdf")
    doc.close()
    to_pixmap(scan_image(skew_degrees=-1.5), DPI).save(case / "photo.jpg", jpg_quality=85)
    return case


def test_redact_blanks_the_pixels_and_reocr_finds_no_redacted_string(tmp_path, capsys):
    case = make_case(tmp_path)
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "redact", case, "--out-dir", out_dir)
    assert code == 0, err
    assert out.count("verified") == 2
    assert f"OCR {case / 'mixed.pdf'}: page 2 of 2" in err  # per-page progress
    exported = {p.name: p.read_bytes() for p in out_dir.glob("*.redacted.pdf")}
    assert sorted(exported) == ["mixed.redacted.pdf", "photo.redacted.pdf"]
    scanned_pages = {"mixed.redacted.pdf": [2, 3], "photo.redacted.pdf": [1]}
    for name, data in exported.items():
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            for number in scanned_pages[name]:
                page = doc[number - 1]
                # no text at all on a scanned page: not our OCR text, not the scanner's invisible layer
                assert page.get_text() == "" and page.get_texttrace() == [], (name, number)
                assert page.get_images(), (name, number)
            if name == "mixed.redacted.pdf":  # the text-layer page: redacted as text, the rest kept
                text = doc[0].get_text()
                assert "Complainant" in text and "superintendent" in text
                assert not any(squash(s) in squash(text) for s in MUST_GO), text
        # (the export's own verification has OCR'd the pixels alone, without the black boxes drawn over them)
        reread = ocr_text_of_pdf_pages(data, scanned_pages[name])
        for number in scanned_pages[name]:
            text = reread[number]
            for s in MUST_GO:
                assert squash(s) not in squash(text), (name, number, s, text)
            assert "gonzalez" not in text.casefold() and "0147" not in text, (name, number, text)
            kept = [w for w in MUST_STAY if w.casefold() in text.casefold()]
            assert len(kept) >= len(MUST_STAY) - 1, (name, number, text)


def test_pixels_left_under_the_boxes_fail_verification(tmp_path, capsys, monkeypatch):
    """Pixel blanking switched off: the text layer is still removed and black boxes are still drawn over the
    words, but the image keeps them; re-OCR catches it, the export fails naming the page, nothing is written."""
    calls: list[int] = []

    def no_images(page):
        calls.append(page.number)
        return False

    monkeypatch.setattr(redact, "_has_images", no_images)
    case = tmp_path / "case"
    case.mkdir()
    f = case / "hidden_layer.pdf"
    f.write_bytes(variants_pdf(["invisible_layer"]))
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "redact", f, "--out-dir", out_dir)
    assert code == 3
    lines = [line for line in err.splitlines() if not line.startswith("workstation: OCR ")]
    assert len(lines) == 1 and lines[0].startswith("workstation: error: "), err
    assert f"{f}, page 1: OCR of the exported page still reads the text of finding " in lines[0]
    assert "on a redaction box (box " in lines[0] and "gonzalez" not in lines[0].casefold()
    assert calls  # the blanking was really skipped (the extractors found no text: the text layer was removed)
    assert out == ""
    assert not out_dir.exists()


def test_unpatched_pixel_check_reads_through_the_black_boxes(monkeypatch):
    """The same leak, redact_pdf/verify_pdf directly: the OCR check does not trust the drawn boxes."""
    monkeypatch.setattr(redact, "_has_images", lambda page: False)
    pdf = variants_pdf(["clean"])
    [src] = source_rects("maria.gonzalez@example.com")
    plan = {1: redact.PageRedactions(boxes=[tuple(src)], removed_strings=["maria.gonzalez@example.com",
                                                                          "Maria Gonzalez"], scanned=True)}
    [name] = source_rects("Maria Gonzalez")
    plan[1].boxes.append(tuple(name))
    out = redact.redact_pdf(pdf, plan)
    with pymupdf.open(stream=out, filetype="pdf") as doc:  # the leak: rendered, the words are hidden ...
        assert "gonzalez" not in ocr_text_of_pdf_pages(out, [1])[1].casefold()
        assert doc[0].get_text() == ""
    with pytest.raises(VerificationError) as ei:  # ... but the image still holds them
        redact.verify_pdf(out, plan, "leak.pdf")
    assert ei.value.page == 1


def test_library_messages_stay_off_the_terminal_and_are_logged(monkeypatch, capfd, caplog):
    """Leptonica prints "Error in boxClipToRectangle" on stderr during a successful OCR (issue 14 item 6)."""
    import logging
    import os

    import pymupdf

    from workstation.documents import ocr
    from workstation.domain.model import Page, TextSource

    def noisy_page(page, dpi):  # noqa: ANN001, ANN202
        os.write(2, b"Error in boxClipToRectangle: box outside rectangle\n")
        return Page(1, "text", (None,) * 4, 612, 792, TextSource.OCR)

    monkeypatch.setattr(ocr, "ocr_page", noisy_page)
    doc = pymupdf.open()
    doc.new_page()
    with caplog.at_level(logging.INFO, logger="workstation.documents.ocr"):
        pages = ocr.ocr_pages(doc.tobytes(), [1], workers=1)
    assert pages[1].text == "text"
    assert "boxClipToRectangle" not in capfd.readouterr().err
    assert any("boxClipToRectangle" in r.getMessage() for r in caplog.records)

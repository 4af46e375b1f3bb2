"""Issue 13: how .txt and .docx are laid out on pages - a text file's paragraphs wrapped at a wider column than the
page are reflowed without words left alone on lines, and .docx tables laid out as tables (cells in columns, the
header row in bold, rules around the cells), with every character still mapped to its glyph."""

from __future__ import annotations

from pathlib import Path

import docx
import pymupdf

from workstation.documents.intake import load_file
from workstation.documents.render import FONT_FILE, FONT_SIZE, MARGIN, PAGE_WIDTH, render_document
from workstation.paths import SAMPLE_CASE

WIDTH = PAGE_WIDTH - 2 * MARGIN

SENTENCES = ["The officer responded to a call at the residence on the evening of the incident.",
             "The complainant stated that a neighbour had followed her home from the subway station twice.",
             "She described the man as tall, wearing a grey jacket, and said he spoke to her in Spanish.",
             "A canvass of the building found no camera covering the rear entrance or the stairwell.",
             "The report was forwarded to the detective squad for a follow-up interview next week."]


def _hard_wrap(text: str, column: int) -> str:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > column:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return "\n".join(lines)


def _lines(pdf: bytes, page: int = 0) -> list[list[tuple]]:
    """The words of a rendered page grouped by line (top to bottom), each word as PyMuPDF gives it."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        words = doc[page].get_text("words")
    rows: dict[float, list[tuple]] = {}
    for w in words:  # one line: one baseline (a table row's cells too)
        rows.setdefault(round(w[3], 1), []).append(w)
    return [sorted(ws, key=lambda w: w[0]) for _, ws in sorted(rows.items())]


def _txt(tmp_path: Path, text: str):
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = load_file(path)
    return doc, render_document(doc)


def test_a_paragraph_wrapped_wider_than_the_page_is_reflowed_without_orphans(tmp_path) -> None:
    paragraphs = [" ".join(SENTENCES[i:] + SENTENCES[:i]) for i in range(3)]
    text = "\n\n".join(_hard_wrap(p, 104) for p in paragraphs) + "\n"  # 104 columns: wider than the page
    doc, rendered = _txt(tmp_path, text)
    lines = _lines(rendered.pdf)
    text_lines = [ln for ln in lines if ln]
    assert all(len(ln) >= 2 for ln in text_lines), [" ".join(w[4] for w in ln) for ln in text_lines if len(ln) < 2]
    # each paragraph's lines are full up to its last one (no ragged ends where the file's lines ended)
    right = [max(w[2] for w in ln) for ln in text_lines]
    gaps = [b[0][3] - a[0][3] for a, b in zip(text_lines, text_lines[1:], strict=False)]
    ends = {i for i, g in enumerate(gaps) if g > 20} | {len(text_lines) - 1}  # a blank line between paragraphs
    assert len(ends) == 3
    for i, r in enumerate(right):
        if i not in ends:
            assert r >= MARGIN + 0.8 * WIDTH, (i, r)
    # the words and their order are the file's, every character placed where the map says
    shown = [w[4] for ln in text_lines for w in ln]
    assert shown == text.split()
    start = text.index("grey jacket")
    boxes = rendered.boxes_for_span(1, start, start + len("grey jacket"))
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as pdf:
        found = pdf[0].search_for("grey jacket") or pdf[0].search_for("grey")
    assert boxes[1][0][0] == found[0].x0 or abs(boxes[1][0][0] - found[0].x0) < 0.01


def _greedy_last_line(words: list[str]) -> int:
    """How many words a plain greedy fill (the layout before this fix) leaves on the last line."""
    font = pymupdf.Font(fontfile=str(FONT_FILE)) if FONT_FILE.is_file() else pymupdf.Font("helv")
    lines: list[list[str]] = [[]]
    for w in words:
        if lines[-1] and font.text_length(" ".join([*lines[-1], w]), fontsize=FONT_SIZE) > WIDTH:
            lines.append([])
        lines[-1].append(w)
    return len(lines[-1])


def test_a_single_word_is_not_left_alone_on_the_last_line(tmp_path) -> None:
    base = ("Statement taken at the precinct by the assigned officer with an interpreter present, "
            "read back to the witness and signed").split()
    fillers = ["a", "on", "the", "again", "twice", "quickly"]
    orphaned = 0
    for k in range(30):
        words = base + [fillers[i % len(fillers)] for i in range(k)] + ["today."]
        orphaned += _greedy_last_line(words) == 1
        doc, rendered = _txt(tmp_path, " ".join(words) + "\n")
        lines = [ln for ln in _lines(rendered.pdf) if ln]
        assert len(lines) > 1 and len(lines[-1]) >= 2, (k, [w[4] for w in lines[-1]])
        assert [w[4] for ln in lines for w in ln] == words
    assert orphaned >= 1  # a case a greedy fill gets wrong is among them


def test_short_lines_lists_and_labels_keep_their_own_lines(tmp_path) -> None:
    long = _hard_wrap(" ".join(SENTENCES), 110)
    text = ("Complainant: Maria Gonzalez\nAddress: 123 Main Street\n\n" + long +
            "\n- first item of the list that follows\n- second item\n")
    doc, rendered = _txt(tmp_path, text)
    lines = [" ".join(w[4] for w in ln) for ln in _lines(rendered.pdf) if ln]
    assert lines[0] == "Complainant: Maria Gonzalez" and lines[1] == "Address: 123 Main Street"
    assert lines[-2] == "- first item of the list that follows" and lines[-1] == "- second item"


def _make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Witness list")
    table = d.add_table(rows=3, cols=3)
    for c, head in enumerate(("Name", "Role", "Statement")):
        run = table.cell(0, c).paragraphs[0].add_run(head)
        run.bold = True
    table.cell(1, 0).text = "Maria Gonzalez"
    table.cell(1, 1).text = "Complainant"
    table.cell(1, 2).text = " ".join(SENTENCES[:3])  # wraps inside its column
    table.cell(2, 0).text = "John Smith"
    table.cell(2, 1).text = "Neighbour"
    table.cell(2, 2).text = "Declined to give a statement."
    d.add_paragraph("End of list.")
    d.save(path)
    return path


def test_docx_table_is_laid_out_in_columns_with_a_header_row(tmp_path) -> None:
    [doc] = load_file(_make_docx(tmp_path / "witnesses.docx"))
    page = doc.pages[0]
    assert page.text.split("\n")[1] == "Name | Role | Statement"  # the text detection reads is unchanged
    [table] = page.tables
    assert table.header_rows == 1 and len(table.rows) == 3
    rendered = render_document(doc)
    text = page.text

    def box(token: str) -> tuple[float, float, float, float]:
        s = text.index(token)
        rects = rendered.boxes_for_span(1, s, s + len(token))[1]
        return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))

    # cells of a column start at one x; cells of a row at one height; columns left to right, not overlapping
    name, role, stmt = box("Name"), box("Role"), box("Statement")
    maria, compl, first = box("Maria Gonzalez"), box("Complainant"), box(SENTENCES[0])
    john, neigh, declined = box("John Smith"), box("Neighbour"), box("Declined")
    for column in ((name, maria, john), (role, compl, neigh), (stmt, first, declined)):
        assert max(b[0] for b in column) - min(b[0] for b in column) < 0.5
    for row in ((name, role, stmt), (maria, compl, first), (john, neigh, declined)):
        assert max(b[1] for b in row) - min(b[1] for b in row) < 1.0
    assert maria[2] < role[0] and compl[2] < stmt[0]
    assert name[3] < maria[1] < john[1]  # the header above the rows, in order
    # the long statement wraps inside its column, and the next row starts below all of it
    statement = box(" ".join(SENTENCES[:3]))
    assert statement[0] >= stmt[0] - 0.5 and statement[2] <= MARGIN + WIDTH + 0.5
    assert statement[3] - statement[1] > 2 * 13 and john[1] > statement[3]
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as pdf:
        fonts = {s["text"].strip(): s["font"] for b in pdf[0].get_text("dict")["blocks"] for ln in b["lines"]
                 for s in ln["spans"]}
        drawings = pdf[0].get_drawings()
    assert "Bold" in fonts["Name"] and "Bold" not in fonts["Maria Gonzalez"]
    assert len(drawings) >= 3  # the rules around the cells
    # the paragraphs around it stay above and below
    assert box("Witness list")[3] <= name[1] and box("End of list.")[1] > declined[3]


def test_the_sample_intake_form_table_has_its_labels_and_values_side_by_side() -> None:
    [doc] = load_file(SAMPLE_CASE / "shelter-intake-form.docx")
    rendered = render_document(doc)
    text = doc.pages[0].text
    assert doc.pages[0].tables and "Full Name | Maria Guadalupe Hernandez Lopez" in text
    lines = _lines(rendered.pdf)
    row = next(ln for ln in lines if ln and ln[0][4] == "Full")
    words = [w[4] for w in row]
    assert words == ["Full", "Name", "Maria", "Guadalupe", "Hernandez", "Lopez"]  # one row, two cells
    assert "|" not in " ".join(w[4] for ln in lines for w in ln)  # no separators printed
    s = text.index("A208114377")
    [rect] = rendered.boxes_for_span(1, s, s + 10)[1]
    label = text.index("A-Number")
    [lrect] = rendered.boxes_for_span(1, label, label + 8)[1]
    assert abs(rect[1] - lrect[1]) < 1.0 and rect[0] > lrect[2] + 2 * 3

"""Loading a case (a folder or a list of files) into domain Documents.

Supported: PDF (text layer with character boxes, via PyMuPDF), .txt (UTF-8, one page), .docx (python-docx:
paragraphs and tables, one page), .eml (Python's email package: headers and text body as one page; PDF, text and
.docx attachments become documents of the case). Anything else, or a file that cannot be read, raises
``InputError`` naming the file and the reason.
"""

from __future__ import annotations

import email
import email.policy
import errno
import html
import io
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pymupdf

from workstation.documents import page_time
from workstation.documents.page_time import run_bounded
from workstation.documents.pdf_reader import PageUnreadable, PdfPageReader, ReadCancelled
from workstation.documents.pdf_text import page_from_pymupdf
from workstation.domain.errors import InputError
from workstation.domain.model import Document, DocumentKind, Page, TextSource, TextTable

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED_SUFFIXES = {".pdf", ".txt", ".docx", ".eml", *IMAGE_SUFFIXES}
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PAGES = 5000
MAX_TEXT_CHARS = 20_000_000
# Per page (issue 14 item 5: a 1-page "bomb" took 46 s and 2.4 GB): the drawing instructions once decompressed
# (the page's content streams and every form XObject it uses, nested ones included; a dense text page has ~100 KB,
# a detailed vector map a few MB) and the pixels of its images (a 600 dpi scan of a 17 x 22 inch page has 135
# million). A page beyond either is refused before it is read, rendered or redacted.
MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024
MAX_PAGE_IMAGE_PIXELS = 150_000_000

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


Identity = tuple[int, int]  # (device, inode) of a file as it was checked


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files of the case (``checked_files`` without what each was when checked)."""
    return [path for path, _, _ in checked_files(paths)]


def checked_files(paths: Iterable[str | Path]) -> list[tuple[Path, Identity, bool]]:
    """Files of the case: the given files, and the supported files in given folders (sorted, recursive), each file
    once - with the (device, inode) each had when it was checked and whether it is a link named directly (the only
    link ``load_file`` follows): ``load_file`` refuses a file that is no longer the one checked (a race between the
    check and the read: a folder entry swapped for a link, a subfolder for a link elsewhere).

    Symbolic links never take a case outside what was given: inside a folder, a link (to a file or a folder) whose
    target is outside that folder is refused, and one whose target is inside it is skipped (what it points to is
    read under its own name); folders are walked without following links. A link named directly is read only when
    it leads to a regular file. A link loop is refused, never followed. The same file given twice (twice by name,
    directly and through its folder, or by two paths - links, hard links, ``..`` - that lead to it) is read once,
    under the first of its names."""
    files: list[tuple[Path, Identity, bool]] = []
    seen: set[Identity] = set()
    for raw in paths:
        p = Path(raw)
        link = p.is_symlink()
        if link:
            _check_direct_link(p)
            candidates = [(p, _identity(p))]
        elif p.is_dir():
            candidates = _folder_files(p)
            if not candidates:
                raise InputError(str(p), "folder contains no supported documents (.pdf, .txt, .docx, .eml, images)")
        elif p.is_file():
            candidates = [(p, _identity(p))]
        elif p.exists():
            raise InputError(str(p), "not a regular file")
        else:
            raise InputError(str(p), "no such file or folder")
        for f, identity in candidates:
            if identity not in seen:
                seen.add(identity)
                files.append((f, identity, link))
    if not files:
        raise InputError("(no input)", "no documents given")
    return files


def case_sources(paths: Iterable[str | Path]) -> list[str]:
    """The absolute paths a case is opened from (what the store records and reads again at export): ``paths``
    checked as ``expand_paths`` does (links, loops, missing files) as they were given, then resolved, each once."""
    given = list(paths)
    expand_paths(given)
    sources: list[str] = []
    for p in given:
        resolved = str(Path(p).resolve())
        if resolved not in sources:
            sources.append(resolved)
    return sources


def _identity(path: Path) -> Identity:
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    return st.st_dev, st.st_ino


def _link_target(link: Path) -> Path | None:
    """Where a symbolic link leads (its final target, or where it would be when it dangles; None when nothing
    exists there); a loop is refused."""
    try:
        return Path(os.path.realpath(link, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(str(link), "symbolic link loop: refused, not followed") from None
        if exc.errno != errno.ENOENT:
            raise InputError(str(link), f"cannot resolve symbolic link ({exc.strerror or exc})") from None
    return None


def _check_direct_link(link: Path) -> None:
    target = _link_target(link)
    try:
        mode = os.stat(link).st_mode if target is not None else None
    except OSError:
        mode = None
    if mode is None or not stat.S_ISREG(mode):
        what = "nothing" if mode is None else "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise InputError(str(link), f"symbolic link to something that is not a regular file ({what}): refused")


def _folder_files(root: Path) -> list[tuple[Path, Identity]]:
    """The supported, non-hidden regular files under ``root`` (sorted), walked without following links, each with
    its (device, inode) as listed; a link leaving ``root`` is refused, one staying inside it is skipped."""
    inside = Path(os.path.realpath(root))
    found: list[tuple[Path, Identity]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            raise InputError(str(folder), f"cannot read folder ({exc.strerror or exc})") from None
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                target = _link_target(path) or Path(os.path.realpath(path))
                if not target.is_relative_to(inside):
                    kind = "folder" if target.is_dir() else "file"
                    raise InputError(str(path), f"symbolic link to a {kind} outside the folder {root}: refused")
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif (entry.is_file(follow_symlinks=False) and path.suffix.lower() in SUPPORTED_SUFFIXES
                  and not entry.name.startswith(".")):
                try:
                    found.append((path, (entry.stat(follow_symlinks=False).st_dev, entry.inode())))
                except OSError as exc:
                    raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    return sorted(found)


def load_case(paths: Iterable[str | Path]) -> list[Document]:
    documents: list[Document] = []
    for f, identity, direct_link in checked_files(paths):
        documents.extend(load_file(f, identity=identity, follow_link=direct_link))
    return documents


def load_file(path: Path, reader: PdfPageReader | None = None,
              stop: Callable[[], bool] | None = None, *, identity: Identity | None = None,
              follow_link: bool = False) -> list[Document]:
    """One file -> its documents (an e-mail yields itself plus its attachments).

    ``reader``: read a large PDF's pages in its worker process (same pages; the calling process is not held up);
    ``stop``: polled while it does, ``ReadCancelled`` is raised when it turns true. The file is opened without
    following a link (unless ``follow_link``: a link named directly) and must be a regular file when open - and,
    with ``identity``, the very file ``checked_files`` checked (``read_regular``)."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'}; expected .pdf, .txt, .docx, .eml, .png, .jpg or .tif")
    data = read_regular(path, identity, follow_link=follow_link)
    if suffix == ".pdf":
        return [load_pdf_bytes(data, name, path.stem, reader, stop)]
    if suffix == ".txt":
        return [text_document(decode_text(data, name), name, path.stem, DocumentKind.TEXT)]
    if suffix in IMAGE_SUFFIXES:
        return [load_image_bytes(data, name, path.stem, suffix)]
    if suffix == ".docx":
        return [docx_document(data, name, path.stem)]
    return load_eml_bytes(data, name, path.stem)


def read_regular(path: Path, identity: Identity | None = None, *, follow_link: bool = False) -> bytes:
    """The bytes of ``path``, opened with ``O_NOFOLLOW`` (a link there now - swapped in after the folder was
    checked - is refused, not followed; ``follow_link`` for a link named directly) and ``O_NONBLOCK`` (a pipe swapped
    in does not hang the open), then checked on the open descriptor (``fstat``): a regular file, within the size
    limit, and - given ``identity`` - the same device and inode as when it was checked (a subfolder swapped for a
    link leading elsewhere opens another file)."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (0 if follow_link else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_link:
            raise InputError(name, "is a symbolic link (not when the case's files were checked, or inside a "
                                   "folder): refused, not followed") from None
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise InputError(name, "not a regular file (a device, pipe or folder): refused")
    with os.fdopen(fd, "rb") as fh:
        if identity is not None and (st.st_dev, st.st_ino) != identity:
            raise InputError(name, "is no longer the file that was checked (replaced since, or reached through a "
                                   "folder swapped for a link): refused")
        if st.st_size == 0:
            raise InputError(name, "file is empty")
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(name, f"file is too large ({st.st_size // (1024 * 1024)} MiB; limit "
                                   f"{MAX_FILE_BYTES // (1024 * 1024)} MiB)")
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"file is too large (limit {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
    return data


def load_pdf_bytes(data: bytes, name: str, stem: str, reader: PdfPageReader | None = None,
                   stop: Callable[[], bool] | None = None) -> Document:
    """A PDF's bytes -> its Document, every page read under the per-page time bound (``page_time``: a page whose
    reading takes longer is refused, naming it). A library error anywhere on the way (MuPDF's "cycle in page
    tree") is a refusal naming the file, never an internal error."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(name, "not a PDF file (no %PDF header)")
    return run_bounded(name, _load_pdf, data, name, stem, reader, stop)


def _load_pdf(data: bytes, name: str, stem: str, reader: PdfPageReader | None,
              stop: Callable[[], bool] | None) -> Document:
    try:
        return _read_pdf(data, name, stem, reader, stop)
    except (InputError, ReadCancelled, page_time.Overrun):
        raise
    except Exception as exc:  # noqa: BLE001 - MuPDF's own errors on a malformed file
        raise InputError(name, f"corrupt PDF: {_library_message(exc)}") from None


def _library_message(exc: BaseException) -> str:
    """The first line of a library's error, without MuPDF's "code=N: " prefix, at most 120 characters."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return re.sub(r"^code=\d+:\s*", "", text)[:120] or type(exc).__name__


def _read_pdf(data: bytes, name: str, stem: str, reader: PdfPageReader | None,
              stop: Callable[[], bool] | None) -> Document:
    page_time.page_started(0, page_time.OPENING, pages=1 + len(data) // 1_000_000)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise InputError(name, "corrupt PDF: cannot be opened") from None
    try:
        if doc.needs_pass or doc.is_encrypted:
            raise InputError(name, "PDF is encrypted / password-protected; remove the password and retry")
        if doc.page_count == 0:
            raise InputError(name, "PDF has no pages")
        if doc.page_count > MAX_PAGES:
            raise InputError(name, f"PDF has {doc.page_count} pages; limit is {MAX_PAGES}")
        notes: tuple[str, ...] = ()
        if doc.is_repaired:
            page_time.page_started(0, page_time.REPAIR, pages=doc.page_count)
            problem = _repair_problem(data, doc)
            if problem:
                raise InputError(name, f"corrupt or truncated PDF ({problem}); obtain an intact copy")
            notes = ("the PDF's cross-reference table was damaged and repaired; both readers (MuPDF, pdfminer.six) "
                     "find the same pages and text",)
        page_time.page_started(0, page_time.OPENING, pages=doc.page_count)
        shown = _all_layers_shown(doc)
        if shown is not None:
            data = shown
            doc.close()
            doc = pymupdf.open(stream=data, filetype="pdf")
        beyond = _page_beyond_limits(doc)
        page_time.page_done()
        if beyond:
            raise InputError(name, beyond)
        pages: list[Page] = []
        if reader is not None and reader.wants(doc.page_count):
            try:
                pages = reader.read(data, doc.page_count, stop)
            except PageUnreadable as exc:
                raise InputError(name, f"corrupt PDF: page {exc.number} cannot be read") from None
            except BrokenProcessPool:  # MuPDF took the reading process down with it; this process is unharmed
                raise InputError(name, "the PDF crashed the process reading it: the file is malformed") from None
        else:
            for number in range(1, doc.page_count + 1):
                page_time.page_started(number, page_time.READING)
                try:
                    pages.append(page_from_pymupdf(doc[number - 1]))
                except InputError:
                    raise
                except Exception:
                    raise InputError(name, f"corrupt PDF: page {number} cannot be read") from None
        page_time.page_done()
    finally:
        doc.close()
    return Document(path=name, kind=DocumentKind.PDF, pages=tuple(pages), name=stem, source_bytes=data, notes=notes)


def _page_beyond_limits(doc: pymupdf.Document) -> str | None:
    """Why a page of ``doc`` is beyond ``MAX_PAGE_CONTENT_BYTES`` / ``MAX_PAGE_IMAGE_PIXELS``, or None. Sizes are
    read from the objects without decoding the images, and a Flate stream is inflated a megabyte at a time only
    up to the limit, so the check itself stays cheap on a bomb."""
    sizes: dict[int, int] = {}  # stream xref -> decompressed bytes (capped), shared by the pages that use it
    for number in range(doc.page_count):
        page_time.page_started(number + 1, page_time.READING)
        try:
            page = doc[number]
            streams = {*page.get_contents(), *(x[0] for x in page.get_xobjects())}
            content = 0
            for xref in streams:
                if xref not in sizes:
                    sizes[xref] = _stream_size(doc, xref, MAX_PAGE_CONTENT_BYTES)
                content += sizes[xref]
            pixels = sum(width * height for width, height in
                         {img[0]: (img[2], img[3]) for img in page.get_images(full=True)}.values())
        except Exception:  # a page MuPDF cannot even list: reading it reports that
            continue
        where = f"page {page.number + 1} is beyond the workstation's limits"
        if content > MAX_PAGE_CONTENT_BYTES:
            return (f"{where}: its drawing instructions decompress to more than "
                    f"{MAX_PAGE_CONTENT_BYTES // (1024 * 1024)} MiB (the limit per page); the file is malformed or a "
                    "decompression bomb")
        if pixels > MAX_PAGE_IMAGE_PIXELS:
            return (f"{where}: its images have {pixels / 1e6:,.0f} million pixels (limit "
                    f"{MAX_PAGE_IMAGE_PIXELS // 1_000_000} million per page); save it at a lower resolution and retry")
    return None


def _stream_size(doc: pymupdf.Document, xref: int, limit: int) -> int:
    """Decompressed size of stream ``xref``, counted only up to just over ``limit``."""
    try:
        raw = doc.xref_stream_raw(xref) or b""
        kind, value = doc.xref_get_key(xref, "Filter")
        if kind == "null":
            return len(raw)
        if value.replace(" ", "") not in ("/FlateDecode", "[/FlateDecode]"):
            return len(doc.xref_stream(xref) or b"")  # other filters (rare on content): MuPDF decodes them
        inflate = zlib.decompressobj()
        size, rest = 0, raw
        while rest and size <= limit:
            try:
                size += len(inflate.decompress(rest, 1024 * 1024))
            except zlib.error:  # damaged after this point: MuPDF stops there too
                break
            rest = inflate.unconsumed_tail
        return size
    except Exception:  # damaged stream data: MuPDF reads what it can, no more than is there
        return 0


REPAIR_AGREEMENT = 0.9  # share of a page's words both readers must find for a repaired file to be accepted
_WORDS = re.compile(r"\w+")


def _repair_problem(data: bytes, doc: pymupdf.Document) -> str | None:
    """Why a PDF whose structure MuPDF had to repair cannot be trusted, or None when the repair lost nothing.

    Real files often have slightly wrong cross-reference offsets, which every viewer repairs. The repair is
    accepted when the file ends properly (``%%EOF``: a cut-off file may have lost pages the repair cannot know
    of) and pdfminer.six, with its own parser, finds the same number of pages and the same words on each."""
    if b"%%EOF" not in data[-2048:]:
        return "the end of the file is missing"
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    try:
        others = [" ".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
                  for page in extract_pages(io.BytesIO(data))]
    except Exception:
        return "its structure had to be repaired and a second reader cannot read it"
    if len(others) != doc.page_count:
        return f"its structure had to be repaired and the readers disagree on the pages ({doc.page_count} or " \
               f"{len(others)})"
    for number, (page, other) in enumerate(zip(doc, others, strict=True), start=1):
        mine = Counter(w.casefold() for w in _WORDS.findall(page.get_text()))
        theirs = Counter(w.casefold() for w in _WORDS.findall(other))
        total = max(sum(mine.values()), sum(theirs.values()))
        if total and sum((mine & theirs).values()) < REPAIR_AGREEMENT * total:
            return f"its structure had to be repaired and the readers disagree on page {number}"
    return None


def _all_layers_shown(doc: pymupdf.Document) -> bytes | None:
    """The PDF with every optional-content layer switched on, or None when it has no layers.

    Text in a layer that is off is not extracted by MuPDF, so it would be neither reviewed nor redacted, while
    the export (whose sanitizer removes the layer configuration) and other readers show it. The document is
    reviewed, redacted and exported as it looks with every layer on."""
    try:
        ocgs = doc.get_ocgs()
    except Exception:
        return None
    if not ocgs:
        return None
    doc.set_layer(-1, on=list(ocgs), off=[])
    return doc.tobytes()


def load_image_bytes(data: bytes, name: str, stem: str, suffix: str) -> Document:
    """A PNG, JPEG or (multi-page) TIFF becomes a PDF of image-only pages, which are OCR'd like scans."""
    try:
        img = pymupdf.open(stream=data, filetype=suffix.lstrip("."))
    except Exception:
        raise InputError(name, f"corrupt or unreadable image ({suffix})") from None
    try:
        if img.page_count == 0:
            raise InputError(name, "image has no pages")
        if img.page_count > MAX_PAGES:
            raise InputError(name, f"image has {img.page_count} pages; limit is {MAX_PAGES}")
        pdf = img.convert_to_pdf()
    except InputError:
        raise
    except Exception:
        raise InputError(name, f"corrupt or unreadable image ({suffix})") from None
    finally:
        img.close()
    return load_pdf_bytes(pdf, name, stem)


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(name, "not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 text (byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "file contains no text")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(name, "text file is too large")
    return text


def text_document(text: str, name: str, stem: str, kind: DocumentKind,
                  tables: tuple[TextTable, ...] = ()) -> Document:
    page = Page(number=1, text=text, text_source=TextSource.PLAIN, tables=tables)
    return Document(path=name, kind=kind, pages=(page,), name=stem)


def docx_document(data: bytes, name: str, stem: str) -> Document:
    """A .docx as one text page, with its tables' cells located in the text (laid out as tables on export)."""
    text, tables = docx_content(data, name)
    return text_document(text, name, stem, DocumentKind.DOCX, tables)


def docx_text(data: bytes, name: str) -> str:
    return docx_content(data, name)[0]


def _header_rows(table: Any) -> int:
    """1 when the table's first row is its header: marked to repeat as one on each page (``w:tblHeader``), or every
    cell of it written in bold, and a row under it; else 0."""
    from docx.oxml.ns import qn

    rows = table.rows
    if len(rows) < 2:
        return 0
    tr_pr = rows[0]._tr.trPr
    if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
        return 1
    runs_of = [[r for p in cell.paragraphs for r in p.runs if r.text.strip()] for cell in rows[0].cells]
    return 1 if all(runs and all(r.bold for r in runs) for runs in runs_of) else 0


def docx_content(data: bytes, name: str) -> tuple[str, tuple[TextTable, ...]]:
    """The text of a .docx (paragraphs, and each table row as one line of its cells joined by " | ", in document
    order, then headers and footers) and where each table's cells are in it."""
    import docx  # python-docx
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(name, "not a .docx file (not a ZIP/OOXML package)")
    try:
        d: DocxDocument = docx.Document(io.BytesIO(data))
    except Exception:
        raise InputError(name, "corrupt .docx: cannot be opened") from None
    lines: list[str] = []
    at = [0]  # the offset of the next line in the text
    tables: list[TextTable] = []

    def add(line: str) -> None:
        lines.append(line)
        at[0] += len(line) + 1

    def table_lines(table: Table) -> None:
        rows: list[tuple[tuple[int, int], ...]] = []
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text for p in cell.paragraphs).strip())
            spans, pos = [], at[0]
            for k, cell_text in enumerate(cells):
                spans.append((pos, pos + len(cell_text)))
                pos += len(cell_text) + (3 if k < len(cells) - 1 else 0)
            add(" | ".join(cells))
            if spans:
                rows.append(tuple(spans))
        if rows:
            tables.append(TextTable(tuple(rows), _header_rows(table)))

    def walk(container) -> None:  # noqa: ANN001
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                add(item.text)
            elif isinstance(item, Table):
                table_lines(item)

    walk(d)
    for section in d.sections:
        for part in (section.header, section.footer):
            if part is not None and not part.is_linked_to_previous:
                walk(part)
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(name, ".docx contains no text")
    return text, tuple(tables)


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"(?i)</(p|div|tr|li|h[1-6])>|<br\s*/?>")


def _html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    markup = _BLOCK_END.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup))


def load_eml_bytes(data: bytes, name: str, stem: str) -> list[Document]:
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except Exception:
        raise InputError(name, "corrupt e-mail message") from None
    if not isinstance(msg, EmailMessage) or not (msg.keys() or msg.get_payload()):
        raise InputError(name, "not an e-mail message")
    if not any(k.lower() in {"from", "to", "subject", "date"} for k in msg.keys()):
        raise InputError(name, "not an e-mail message (no From/To/Subject/Date headers)")
    header_lines = []
    for key in ("From", "To", "Cc", "Date", "Subject"):
        for value in msg.get_all(key, []):
            header_lines.append(f"{key}: {value}")
    body_parts: list[str] = []
    attachments: list[Document] = []
    notes: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        ctype = part.get_content_type()
        disposition = part.get_content_disposition()
        if filename or disposition == "attachment":
            loaded = _attachment(part, name, stem, filename or "attachment")
            if not loaded:
                notes.append(f"attachment {filename or '(unnamed)'} ({ctype}) is not a supported document type: "
                             "it is not reviewed and not exported")
            attachments.extend(loaded)
            continue
        if ctype == "text/plain":
            body_parts.append(_part_text(part))
        elif ctype == "text/html" and not any(p.get_content_type() == "text/plain" for p in msg.walk()):
            body_parts.append(_html_to_text(_part_text(part)))
    text = "\n".join(header_lines) + "\n\n" + "\n".join(b.replace("\r\n", "\n") for b in body_parts)
    page = Page(number=1, text=text, text_source=TextSource.PLAIN)
    email_doc = Document(path=name, kind=DocumentKind.EMAIL, pages=(page,), name=stem, notes=tuple(notes))
    return [email_doc, *attachments]


def _part_text(part) -> str:  # noqa: ANN001
    try:
        return str(part.get_content())
    except Exception:
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def _attachment(part, parent: str, parent_stem: str, filename: str) -> list[Document]:  # noqa: ANN001
    payload = part.get_payload(decode=True) or b""
    att_name = f"{parent}#{filename}"
    suffix = Path(filename).suffix.lower()
    stem = f"{parent_stem}.{Path(filename).stem}"
    if not payload:
        raise InputError(att_name, "attachment is empty")
    if suffix == ".pdf" or part.get_content_type() == "application/pdf":
        return [load_pdf_bytes(payload, att_name, stem)]
    if suffix == ".txt" or part.get_content_type() == "text/plain":
        return [text_document(decode_text(payload, att_name), att_name, stem, DocumentKind.TEXT)]
    if suffix == ".docx":
        return [docx_document(payload, att_name, stem)]
    return []

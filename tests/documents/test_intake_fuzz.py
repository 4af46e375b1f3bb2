"""Fuzzing PDF intake and redaction (issue 14 item 7): mutated PDF bytes (bytes overwritten, inserted, deleted, the file cut)
are either read or refused with an InputError (exit 2, one line) - never another exception. Deterministic
(derandomized, no example database) and bounded to a few seconds."""

from __future__ import annotations

import pymupdf
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workstation.documents.intake import load_pdf_bytes
from workstation.documents.redact import PageRedactions, check_sanitized, redact_and_verify
from workstation.domain.errors import InputError, WorkstationError


def _seeds() -> list[bytes]:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Complainant Maria Lopez, A-Number A208114377, resides in Corona, NY.", fontsize=10)
    page.draw_rect(pymupdf.Rect(72, 90, 200, 120), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(300, 300, 340, 340), pixmap=pix)
    doc.new_page().insert_text((72, 72), "Second page, witness statement.", fontsize=10)
    compressed = doc.tobytes(garbage=3, deflate=True)
    plain = doc.tobytes(garbage=0, deflate=False)  # uncompressed content streams: mutations hit operators
    return [compressed, plain]


SEEDS = _seeds()

_edit = st.tuples(
    st.sampled_from(["overwrite", "insert", "delete", "truncate"]),
    st.floats(min_value=0.0, max_value=1.0, allow_nan=False),
    st.binary(min_size=1, max_size=16) | st.sampled_from(
        [b"0", b"9999999999", b"-1", b" R", b"obj", b"endobj", b"stream", b"<<", b">>", b"[", b"]", b"/Type",
         b"/Page", b"/Kids", b"/Length 0", b"xref", b"trailer", b"%%EOF", b"\x00", b"(", b"BT", b"ET", b"Tj"]),
)


def _mutate(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, payload in edits:
        i = int(where * len(data))
        if kind == "overwrite":
            data = data[:i] + payload + data[i + len(payload):]
        elif kind == "insert":
            data = data[:i] + payload + data[i:]
        elif kind == "delete":
            data = data[:i] + data[i + len(payload) * 8:]
        else:
            data = data[:max(i, 1)]
    return data


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=250, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(range(len(SEEDS))), edits=st.lists(_edit, min_size=1, max_size=4))
def test_mutated_pdf_is_read_or_refused(seed, edits):
    data = _mutate(SEEDS[seed], edits)
    try:
        document = load_pdf_bytes(data, "fuzz.pdf", "fuzz")
    except InputError as exc:
        assert exc.path == "fuzz.pdf" and exc.reason and "\n" not in str(exc)
        return
    assert document.pages


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(seed=st.sampled_from(range(len(SEEDS))), edits=st.lists(_edit, min_size=1, max_size=3))
def test_mutated_pdf_that_is_read_is_exported_verified_or_refused(seed, edits):
    """What intake accepts, redaction either exports verified and sanitized or refuses with a WorkstationError
    (exit 2 or 3, nothing written) - never another exception."""
    data = _mutate(SEEDS[seed], edits)
    try:
        load_pdf_bytes(data, "fuzz.pdf", "fuzz")
    except InputError:
        assume(False)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        hits = doc[0].search_for("Lopez")
    box = tuple(hits[0]) if hits else (72.0, 60.0, 200.0, 76.0)
    plan = {1: PageRedactions(boxes=[box], removed_strings=["Lopez"])}
    try:
        out = redact_and_verify(data, plan, "fuzz.pdf")
    except WorkstationError as exc:
        assert exc.exit_code in (2, 3) and "\n" not in str(exc)
        return
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        assert not check_sanitized(doc).problems
        assert not hits or "Lopez" not in doc[0].get_text()

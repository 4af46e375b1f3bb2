"""Generated scans: text pages rendered to pixels and placed back on PDF pages as images (tests and benchmark).

A "scan" of a text page is the page rendered to a greyscale image at ``dpi``, optionally skewed by a few degrees
(rotation about the page centre, white fill), optionally noisy (salt-and-pepper plus gaussian), and placed on
a new page either upright or turned by 90/180/270 degrees (``insert_image(rotate=...)``: the way a page fed
sideways into a scanner comes out). Because every transformation is known, the position of any word of the
source page can be mapped onto the scan (``map_point`` / ``map_rect``) to check where OCR boxes land.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pymupdf

LETTER = (612.0, 792.0)


def text_pdf(pages: Sequence[Sequence[str]], fontsize: float = 12, leading: float | None = None,
             size: tuple[float, float] = LETTER, margin: float = 72, top: float = 100) -> bytes:
    """A PDF with one page of left-aligned Helvetica lines per item of ``pages``."""
    leading = leading or fontsize * 1.5
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=size[0], height=size[1])
        for i, line in enumerate(lines):
            page.insert_text((margin, top + leading * i), line, fontname="helv", fontsize=fontsize)
    data = doc.tobytes()
    doc.close()
    return data


def render_gray(pdf: bytes, index: int = 0, dpi: int = 200) -> np.ndarray:
    """Page ``index`` of ``pdf`` as a (height, width) uint8 greyscale array."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    try:
        pix = doc[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        arr = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width]
        return arr.copy()
    finally:
        doc.close()


def skew(arr: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned clockwise by ``degrees`` about its centre (nearest neighbour, white outside)."""
    h, w = arr.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    t = math.radians(degrees)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    # inverse mapping: the source pixel of each output pixel (output = R(t) (source - c) + c)
    sx = math.cos(t) * (xs - cx) + math.sin(t) * (ys - cy) + cx
    sy = -math.sin(t) * (xs - cx) + math.cos(t) * (ys - cy) + cy
    sxi, syi = np.rint(sx).astype(np.int64), np.rint(sy).astype(np.int64)
    inside = (sxi >= 0) & (sxi < w) & (syi >= 0) & (syi < h)
    out = np.full_like(arr, 255)
    out[inside] = arr[syi[inside], sxi[inside]]
    return out


def noisy(arr: np.ndarray, seed: int = 0, salt_pepper: float = 0.002, sigma: float = 12.0) -> np.ndarray:
    """Gaussian grain plus salt-and-pepper specks (``salt_pepper`` of the pixels)."""
    rng = np.random.default_rng(seed)
    out = arr.astype(np.float32) + rng.normal(0.0, sigma, arr.shape)
    specks = rng.random(arr.shape)
    out[specks < salt_pepper / 2] = 0
    out[specks > 1 - salt_pepper / 2] = 255
    return np.clip(out, 0, 255).astype(np.uint8)


def to_pixmap(arr: np.ndarray, dpi: int) -> pymupdf.Pixmap:
    h, w = arr.shape
    pix = pymupdf.Pixmap(pymupdf.csGRAY, w, h, np.ascontiguousarray(arr).tobytes(), False)
    pix.set_dpi(dpi, dpi)
    return pix


def add_scan_page(doc: pymupdf.Document, arr: np.ndarray, dpi: int, rotate: int = 0,
                  size: tuple[float, float] = LETTER) -> pymupdf.Page:
    """A new page of ``doc`` showing the image (of a ``size`` page), turned by ``rotate`` degrees."""
    w, h = size if rotate % 180 == 0 else (size[1], size[0])
    page = doc.new_page(width=w, height=h)
    page.insert_image(page.rect, pixmap=to_pixmap(arr, dpi), rotate=rotate)
    return page


def map_point(x: float, y: float, rotate: int = 0, skew_degrees: float = 0.0,
              size: tuple[float, float] = LETTER) -> tuple[float, float]:
    """Where the point (x, y) of the source page lies on its scan (skewed first, then turned by ``rotate``)."""
    w, h = size
    if skew_degrees:
        t = math.radians(skew_degrees)
        cx, cy = w / 2, h / 2
        x, y = (math.cos(t) * (x - cx) - math.sin(t) * (y - cy) + cx,
                math.sin(t) * (x - cx) + math.cos(t) * (y - cy) + cy)
    rotate %= 360
    if rotate == 90:
        return y, w - x
    if rotate == 180:
        return w - x, h - y
    if rotate == 270:
        return h - y, x
    return x, y


def map_rect(rect: Sequence[float], rotate: int = 0, size: tuple[float, float] = LETTER) -> pymupdf.Rect:
    x0, y0, x1, y1 = rect[:4]
    a = map_point(x0, y0, rotate, 0.0, size)
    b = map_point(x1, y1, rotate, 0.0, size)
    return pymupdf.Rect(a, b).normalize()


def write_tiff(path: Path, pages: Sequence[np.ndarray], dpi: int) -> Path:
    """A multi-page baseline TIFF (8-bit grey, uncompressed, one strip a page), little-endian."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    ifd_offsets: list[int] = []
    for arr in pages:
        h, w = arr.shape
        data_offset = len(out)
        out += np.ascontiguousarray(arr, dtype=np.uint8).tobytes()
        if len(out) % 2:
            out += b"\x00"
        res_offset = len(out)
        out += struct.pack("<IIII", dpi, 1, dpi, 1)
        ifd_offsets.append(len(out))
        entries = [  # (tag, type, count, value): SHORT = 3, LONG = 4, RATIONAL = 5
            (256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, data_offset), (277, 3, 1, 1), (278, 4, 1, h), (279, 4, 1, w * h),
            (282, 5, 1, res_offset), (283, 5, 1, res_offset + 8), (296, 3, 1, 2),
        ]
        out += struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            out += struct.pack("<HHI", tag, typ, count)
            out += struct.pack("<HH", value, 0) if typ == 3 else struct.pack("<I", value)
        out += b"\x00\x00\x00\x00"  # next IFD: patched below
    struct.pack_into("<I", out, 4, ifd_offsets[0])
    for this, nxt in zip(ifd_offsets, ifd_offsets[1:], strict=False):
        count = struct.unpack_from("<H", out, this)[0]
        struct.pack_into("<I", out, this + 2 + 12 * count, nxt)
    path.write_bytes(bytes(out))
    return path


def word_accuracy(truth: str, ocr: str) -> float:
    """Fraction of the ground-truth words found in the OCR text, as a bag of words (order-insensitive).

    Words are compared case-insensitively with surrounding punctuation stripped; each OCR word can match one
    ground-truth occurrence only.
    """
    from collections import Counter

    def words(s: str) -> list[str]:
        return [w for w in (t.strip(".,;:()\"'!?").casefold() for t in s.split()) if w]

    want, got = Counter(words(truth)), Counter(words(ocr))
    total = sum(want.values())
    return sum(min(n, got[w]) for w, n in want.items()) / total if total else 1.0

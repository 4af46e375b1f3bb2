"""OCR pages/s and word accuracy on generated 300-dpi scans of Letter text pages; then redaction + re-OCR.

    .venv/bin/python -m benchmarks.ocr_benchmark [--pages 10] [--workers N]

Builds ``--pages`` Letter pages of synthetic case narrative (~350 words a page, Helvetica 10.5 pt), turns each
into a 300-dpi greyscale scan (every 4th page turned 90 degrees, every 4th+2 turned 180 degrees, every 3rd with
noise, every 5th skewed by 2 degrees), and times ``ocr_pages`` over all of them on the available cores. Word
accuracy is the fraction of ground-truth words found in the OCR text as a bag of words (order-insensitive,
case-insensitive, surrounding punctuation stripped; see ``benchmarks.scans.word_accuracy``). Target: >= 1 page/s
on 2 cores.

Then the scanned PDF is redacted as ``workstation redact`` does it (``DetectionEngine()``, default policy: scan
with OCR, ``build_export`` with its re-OCR verification), and the exported pages are OCR'd once more to count
how many redacted strings can still be read (must be 0).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time

import pymupdf

from benchmarks.scans import add_scan_page, noisy, render_gray, skew, text_pdf, word_accuracy
from workstation.documents.intake import load_pdf_bytes
from workstation.documents.ocr import OCR_DPI, ocr_pages, ocr_text_of_pdf_pages
from workstation.documents.redact import PageRedactions, RemovedStrings, redact_pdf
from workstation.domain.errors import VerificationError
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES
from workstation.pipeline import build_export, scan

DPI = 300
TARGET = 1.0  # pages/s on 2 cores
SENTENCES = [
    "On {d} at approximately {t} hours the undersigned officer responded to a dispute inside the premises.",
    "The complainant, {name}, stated that she resides at {num} {street}, Apartment {apt}, Bronx, NY {zip}.",
    "She stated that she is a {dem} national and that her application is pending with the agency.",
    "She can be reached at ({area}) 555-{ph} or by email at {mail}@example.com for any follow-up.",
    "Witness {name2} was interviewed at the scene and corroborated the account given by the complainant.",
    "No injuries were reported. Property damage consisted of a broken window on the ground floor.",
    "The responding unit canvassed the building and spoke with the superintendent about the camera.",
    "Video was not available because the system had not been recording for several weeks.",
    "The complainant was advised of the procedure to obtain an order of protection in Family Court.",
    "A canvass of the block for additional witnesses was negative and the area was photographed.",
    "The case was referred to the precinct detective squad for further investigation and follow-up.",
]
NAMES = ["Maria Lopez", "Kwame Mensah", "Priya Venkataraman", "Oleksandr Kovalenko", "Fatima Haddad",
         "Aminata Diallo", "Rosa Gutierrez", "Daniel Brooks", "Carmen Alvarez", "Samuel Okafor"]
STREETS = ["Grand Concourse", "Jerome Avenue", "Webster Avenue", "Fordham Road", "Southern Boulevard"]
DEMONYMS = ["Honduran", "Guatemalan", "Ecuadorian", "Haitian", "Senegalese"]


def page_lines(rng: random.Random, width_chars: int = 95, target_words: int = 350) -> list[str]:
    words: list[str] = []
    while len(words) < target_words:
        s = rng.choice(SENTENCES).format(
            d=f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2024", t=f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}",
            name=rng.choice(NAMES), name2=rng.choice(NAMES), num=rng.randint(10, 2999), street=rng.choice(STREETS),
            apt=f"{rng.randint(1, 6)}{rng.choice('ABCDEF')}", zip=f"104{rng.randint(51, 75)}",
            dem=rng.choice(DEMONYMS), area=rng.choice(["718", "347", "929"]), ph=f"{rng.randint(0, 9999):04d}",
            mail=rng.choice(NAMES).split()[0].lower() + str(rng.randint(1, 99)))
        words.extend(s.split())
    lines, cur = [], ""
    for w in words:
        if len(cur) + 1 + len(w) > width_chars:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return lines


def build_scans(n: int, seed: int = 11) -> tuple[bytes, list[str]]:
    rng = random.Random(seed)
    texts: list[str] = []
    out = pymupdf.open()
    for i in range(n):
        lines = page_lines(rng)
        texts.append("\n".join(lines))
        arr = render_gray(text_pdf([lines], fontsize=10.5, leading=14, top=72), 0, DPI)
        if i % 5 == 4:
            arr = skew(arr, 2.0)
        if i % 3 == 2:
            arr = noisy(arr, seed=i)
        rotate = 90 if i % 4 == 1 else 180 if i % 4 == 3 else 0
        add_scan_page(out, arr, DPI, rotate=rotate)
    data = out.tobytes(deflate=True)
    out.close()
    return data, texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    ap.add_argument("--ocr-dpi", type=int, default=None, help="OCR resolution (default: the workstation's OCR_DPI)")
    ap.add_argument("--no-redact", action="store_true", help="OCR timing and accuracy only")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    t0 = time.perf_counter()
    pdf, texts = build_scans(args.pages)
    print(f"generated {args.pages} Letter scans at {DPI} dpi in {time.perf_counter() - t0:.1f}s "
          f"({sum(len(t.split()) for t in texts) / args.pages:.0f} words/page); cores: {cores}")

    t0 = time.perf_counter()
    ocr_kw = {"dpi": args.ocr_dpi} if args.ocr_dpi else {}
    pages = ocr_pages(pdf, list(range(1, args.pages + 1)), workers=args.workers, **ocr_kw)
    dt = time.perf_counter() - t0
    rate = args.pages / dt
    accs = [word_accuracy(texts[i - 1], pages[i].text) for i in range(1, args.pages + 1)]
    print(f"OCR at {args.ocr_dpi or OCR_DPI} dpi: {args.pages} pages in {dt:.1f}s = {rate:.2f} pages/s on "
          f"{args.workers or cores} worker(s) "
          f"({rate / TARGET:.2f}x the {TARGET:g} page/s target)")
    print(f"word accuracy (bag of words): mean {sum(accs) / len(accs):.3f}, min {min(accs):.3f} "
          f"(page {accs.index(min(accs)) + 1})")
    if args.no_redact:
        return

    from workstation.detection.engine import DetectionEngine

    engine = DetectionEngine()
    policy = Policy.from_file(RESOURCES / "policies" / "default.toml")
    document = load_pdf_bytes(pdf, "bench-scans.pdf", "bench-scans")
    t0 = time.perf_counter()
    [scanned] = scan([document], engine)
    t_scan = time.perf_counter() - t0
    t0 = time.perf_counter()
    chosen = [f for f in scanned.findings if policy.redacts(f)]
    removed = sorted({f.text for f in chosen})
    try:
        export = build_export(scanned, policy)
        exported, boxes, verdict = export.pdf, len(export.log), "verified"
    except VerificationError as exc:  # the export is refused; show what the re-OCR still reads
        plan: dict[int, PageRedactions] = {}
        for f in chosen:
            red = plan.setdefault(f.page, PageRedactions(scanned=True))
            red.boxes.extend(f.boxes)
            red.removed_strings.append(f.text)
        exported, boxes, verdict = redact_pdf(pdf, plan), sum(len(r.boxes) for r in plan.values()), f"REFUSED: {exc}"
    t_export = time.perf_counter() - t0
    reread = ocr_text_of_pdf_pages(exported, list(range(1, args.pages + 1)))
    index = RemovedStrings(removed)
    squashed = {n: re.sub(r"\s+", "", t).casefold() for n, t in reread.items()}

    def key(s: str) -> str:
        return re.sub(r"\s+", "", s).casefold()

    where = {s: [n for n in reread if key(s) in squashed[n]] for s in removed if len(key(s)) >= 4}
    found = sorted(s for s, pages_ in where.items() if pages_)
    pages_hit = [n for n, t in reread.items() if index.found_in(t)]
    print(f"redaction: scan (OCR + detection) {t_scan:.1f}s, redact + verify (incl. re-OCR) {t_export:.1f}s; "
          f"{len(chosen)} findings redacted ({len(removed)} distinct strings, {boxes} boxes); {verdict}")
    print(f"re-OCR of the exported pages: redacted strings found = {len(found)} (substring), "
          f"pages where the verifier's token match hits = {len(pages_hit)}")
    for s in found[:10]:
        print(f"  still readable: {s!r} on page(s) {where[s]}")


if __name__ == "__main__":
    main()

"""`redact` pages/s on a 300-page text PDF, verification included, model load excluded.

    .venv/bin/python -m benchmarks.redact_throughput [--pages 300]

Builds a 300-page text PDF (about 45 lines, ~420 words per page) of synthetic case narrative, then times, in one
run: detection over every page, redaction + sanitization + verification by both extractors (the same
`build_export` that `workstation redact` runs), and each stage alone. Target: >= 20 pages/s end to end.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

import pymupdf

from workstation.detection.engine import DetectionEngine
from workstation.detection.parallel import ParallelEngine
from workstation.documents.intake import load_file
from workstation.domain.policy import Policy
from workstation.paths import RESOURCES
from workstation.pipeline import build_export, scan

LINES = [
    "On {d} at approx. {t} hrs the undersigned responded to a dispute inside the premises.",
    "The complainant, {name}, stated that she resides at {num} {street}, Apt {apt}, {city}, NY {zip}.",
    "She is a {dem} national and stated she has a pending asylum application with USCIS.",
    "Her A-Number is A{anum} and she can be reached at ({area}) 555-{ph}.",
    "Witness {name2} was interviewed at the scene and corroborated the account of the complainant.",
    "No injuries were reported. Property damage consisted of a broken window on the ground floor.",
    "The responding unit canvassed the building and spoke with the superintendent about the camera.",
    "Video was not available because the system had not been recording for several weeks.",
    "The complainant was advised of the procedure to obtain an order of protection in Family Court.",
]
NAMES = ["Maria Lopez", "Kwame Mensah", "Li Xiuying", "Priya Venkataraman", "Jean-Baptiste Pierre",
         "Oleksandr Kovalenko", "Fatima Haddad", "Juan Carlos de la Cruz", "Aminata Diallo", "Zhang Wei"]
STREETS = ["37th Avenue", "Roosevelt Avenue", "Grand Concourse", "Flatbush Avenue", "Junction Boulevard",
           "Broadway", "Nostrand Avenue", "Fordham Road"]
CITIES = ["Jackson Heights", "Corona", "Bronx", "Brooklyn", "Flushing", "Elmhurst"]
DEMS = ["Honduran", "Guatemalan", "Mexican", "Ecuadorian", "Haitian", "Senegalese", "Bangladeshi", "Chinese"]


def make_pdf(path: Path, pages: int, seed: int = 3) -> None:
    rnd = random.Random(seed)
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=612, height=792)
        y = 54.0
        while y < 740:
            line = rnd.choice(LINES).format(
                d=f"{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}/2026", t=f"{rnd.randint(0, 23):02d}00",
                name=rnd.choice(NAMES), name2=rnd.choice(NAMES), num=f"{rnd.randint(10, 199)}-{rnd.randint(10, 99)}",
                street=rnd.choice(STREETS), apt=f"{rnd.randint(1, 6)}{rnd.choice('ABCD')}", city=rnd.choice(CITIES),
                zip=f"11{rnd.randint(200, 499)}", dem=rnd.choice(DEMS), anum=rnd.randint(100000000, 299999999),
                area=rnd.choice(["718", "347", "929", "646"]), ph=f"{rnd.randint(100, 199):04d}")
            page.insert_text((54, y), line, fontsize=9.5)
            y += 15
    doc.save(path, garbage=4, deflate=True)


def run(engine, pdf: Path, policy: Policy) -> dict[str, float]:
    t0 = time.perf_counter()
    [document] = load_file(pdf)
    t1 = time.perf_counter()
    [scanned] = scan([document], engine)
    t2 = time.perf_counter()
    export = build_export(scanned, policy)
    t3 = time.perf_counter()
    return {"pages": len(document.pages), "words": sum(len(p.text.split()) for p in document.pages),
            "findings": len(scanned.findings), "boxes": len(export.log),
            "load": t1 - t0, "detect": t2 - t1, "export": t3 - t2, "total": t3 - t0}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    policy = Policy.from_file(RESOURCES / "policies" / "default.toml")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bench.pdf"
        make_pdf(pdf, args.pages)
        engines = [("1 process", DetectionEngine())]  # model load excluded from the timings
        workers = os.cpu_count() or 1
        if workers > 1:
            engines.append((f"{workers} processes", ParallelEngine(workers)))
        results = []
        for label, engine in engines:
            r = run(engine, pdf, policy)
            results.append((label, r))
            getattr(engine, "close", lambda: None)()
    first = results[0][1]
    print(f"pages: {first['pages']}  words: {first['words']} ({first['words'] / first['pages']:.0f}/page)  "
          f"findings: {first['findings']}  boxes: {first['boxes']}")
    for label, r in results:
        n = r["pages"]
        print(f"[{label}]")
        print(f"  load (text + char boxes):      {r['load']:7.2f} s  {n / r['load']:8.1f} pages/s")
        print(f"  detection:                     {r['detect']:7.2f} s  {n / r['detect']:8.1f} pages/s  "
              f"{r['words'] / r['detect']:8.0f} words/s")
        print(f"  redact + sanitize + verify x2: {r['export']:7.2f} s  {n / r['export']:8.1f} pages/s")
        print(f"  redact end to end:             {r['total']:7.2f} s  {n / r['total']:8.1f} pages/s  "
              f"(target >= 20 pages/s; measured/target = {n / r['total'] / 20:.2f})")


if __name__ == "__main__":
    main()

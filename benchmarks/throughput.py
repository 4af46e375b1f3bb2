"""Throughput of the detection engine compared with the bare spaCy pipeline.

    python -m benchmarks.throughput [--words 50000] [--seed 11] [--batch-size 16] [--repeat 1] [--pages 0]

In one run, on the same texts (about ``--words`` words of the synthetic corpus), measures words/s of
  1. raw spaCy: ``list(engine.nlp.pipe(texts))`` - the floor the engine is built on;
  2. the full engine: ``engine.analyze_many(texts)`` - spaCy plus every recognizer, thresholds, overlaps;
and prints their ratio (engine / spaCy; target >= 0.8). Both are warmed up first, then timed (``--repeat``
alternates the two runs and keeps each one's fastest). Run on an otherwise idle machine: the ratio is only
meaningful when both measurements see the same load.

``--pages N`` also times the end-to-end PDF path on N rendered pages (load, detect, place boxes, redact,
sanitize, verify) with ``redact_pages_per_second``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import make_corpus, render_pdf


def corpus_texts(words: int = 50_000, seed: int = 11) -> list[str]:
    """Whole documents from the corpus until about ``words`` words."""
    texts: list[str] = []
    total = 0
    n = 64
    while total < words:
        docs = make_corpus(n, seed)
        texts, total = [], 0
        for d in docs:
            texts.append(d.text)
            total += d.words
            if total >= words:
                break
        n *= 2
    return texts


def _words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_spacy(nlp, texts: Sequence[str], batch_size: int = 16) -> float:
    """Raw ``nlp.pipe`` over the texts (``nlp``: a spaCy Language)."""
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def time_engine(engine, texts: Sequence[str], batch_size: int = 16) -> float:
    t0 = time.perf_counter()
    engine.analyze_many(list(texts), batch_size=batch_size)
    return time.perf_counter() - t0


def redact_pages_per_second(engine, pages: int = 20, seed: int = 11) -> dict:
    """Pages/s of `workstation redact`'s path (scan, redact, sanitize, verify by both extractors) on corpus
    documents rendered to PDF; model load excluded."""
    from workstation.documents.intake import load_pdf_bytes
    from workstation.domain.policy import Policy
    from workstation.paths import RESOURCES
    from workstation.pipeline import build_export, scan

    policy = Policy.from_file(RESOURCES / "policies" / "default.toml")
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        n_pages = 0
        i = 0
        while n_pages < pages:
            for d in make_corpus(i + 14, seed)[i:]:
                path = render_pdf(d, Path(tmp) / f"{d.doc_id}.pdf")
                doc = load_pdf_bytes(path.read_bytes(), path.name, path.stem)
                docs.append(doc)
                n_pages += len(doc.pages)
                if n_pages >= pages:
                    break
            i += 14
        failures = 0
        t0 = time.perf_counter()
        for scanned in scan(docs, engine):
            try:
                build_export(scanned, policy)
            except Exception as exc:  # a verification failure is reported, not hidden
                failures += 1
                print(f"  export failed on {scanned.document.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        secs = time.perf_counter() - t0
    return {"pages": n_pages, "documents": len(docs), "seconds": secs, "pages_per_second": n_pages / secs,
            "failures": failures, "pipeline": "workstation.pipeline.scan + build_export"}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=1,
                    help="alternate spaCy/engine runs this many times and keep each one's fastest (steadier on a busy machine)")
    ap.add_argument("--pages", type=int, default=0, help="also time the PDF redaction path on this many pages")
    args = ap.parse_args(argv)

    from workstation.detection.engine import DetectionEngine

    t0 = time.perf_counter()
    engine = DetectionEngine()
    load = time.perf_counter() - t0
    import spacy

    from workstation.detection.model import verified_model

    # raw spaCy: the pinned model exactly as `spacy.load` gives it (all components, parser included); the
    # engine runs its own configured pipeline (resources/detection.toml [spacy]) plus the recognizers
    raw = spacy.load(str(verified_model().path))
    texts = corpus_texts(args.words, args.seed)
    words = _words(texts)
    print(f"Engine load: {load:.1f}s   texts: {len(texts)}   words: {words:,}   batch size: {args.batch_size}")

    # warm-up on a slice, so one-off lazy initialisation is not timed
    warm = texts[: min(8, len(texts))]
    time_spacy(raw, warm, args.batch_size)
    time_engine(engine, warm, args.batch_size)

    t_spacy = t_engine = float("inf")
    for _ in range(max(1, args.repeat)):
        t_spacy = min(t_spacy, time_spacy(raw, texts, args.batch_size))
        t_engine = min(t_engine, time_engine(engine, texts, args.batch_size))
    wps_spacy = words / t_spacy
    wps_engine = words / t_engine
    ratio = wps_engine / wps_spacy
    print(f"raw spaCy nlp.pipe:     {t_spacy:7.2f}s   {wps_spacy:10,.0f} words/s   ({', '.join(raw.pipe_names)})")
    print(f"engine analyze_many:    {t_engine:7.2f}s   {wps_engine:10,.0f} words/s   "
          f"({', '.join(engine.nlp.pipe_names)} + recognizers)")
    print(f"ratio engine/spaCy:     {ratio:7.2f}     (target >= 0.80: {'met' if ratio >= 0.8 else 'NOT met'})")
    print(f"engine minus raw spaCy: {t_engine - t_spacy:7.2f}s   "
          f"({(t_engine - t_spacy) / max(t_engine, 1e-9):.0%} of engine time)")

    if args.pages:
        res = redact_pages_per_second(engine, args.pages, args.seed)
        print(f"PDF redaction path:     {res['seconds']:7.2f}s   {res['pages_per_second']:10.2f} pages/s   "
              f"({res['pages']} pages, {res['documents']} documents, {res['failures']} failures, {res['pipeline']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

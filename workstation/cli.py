"""The ``workstation`` command.

    workstation                      open the review window on the bundled sample case
    workstation open PATH...         open the review window on a case folder or files
    workstation scan PATH... [--format table|json]
    workstation redact PATH... (--out FILE | --out-dir DIR) [--policy FILE]

Exit codes: 0 ok; 2 usage, unreadable or unsupported input; 3 verification failed (or pages that cannot be
reviewed); 1 unexpected internal error. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from workstation.domain.errors import UsageError, WorkstationError
from workstation.domain.model import Document
from workstation.paths import RESOURCES
from workstation.pipeline import Analyzer

log = logging.getLogger("workstation")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit 2 with one line, as argparse does, without the usage dump
        self.exit(2, f"workstation: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="workstation", description="Disclosure review workstation: detect, redact, verify.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("scan", help="detect identifying information and list the findings")
    s.add_argument("paths", nargs="+", metavar="PATH", help="case folder(s) or files (.pdf .txt .docx .eml)")
    s.add_argument("--format", choices=("table", "json"), default="table")

    o = sub.add_parser("open", help="open the review window on a case folder or files")
    o.add_argument("paths", nargs="+", metavar="PATH", help="case folder(s) or files (.pdf .txt .docx .eml)")

    r = sub.add_parser("redact", help="redact every finding, sanitize, verify and write PDFs and logs")
    r.add_argument("paths", nargs="+", metavar="PATH")
    out = r.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=Path, metavar="FILE", help="output PDF (one input document only)")
    out.add_argument("--out-dir", type=Path, metavar="DIR", help="output folder")
    r.add_argument("--policy", type=Path, default=RESOURCES / "policies" / "default.toml",
                   help="policy file (categories to redact and reason codes)")
    return p


# Above this many words, detection is spread over worker processes (one engine per core); below it, starting
# the workers costs more than it saves.
PARALLEL_MIN_WORDS = 40_000


def _engine(documents: Sequence[Document] = ()) -> Analyzer:
    from workstation.detection.engine import DetectionEngine
    from workstation.detection.model import ModelIntegrityError, verified_model
    from workstation.detection.parallel import ParallelEngine

    try:
        words = sum(len(p.text.split()) for d in documents for p in d.pages)
        if words >= PARALLEL_MIN_WORDS and (os.cpu_count() or 1) > 1:
            verified_model()  # refuse a tampered model here, with a clear message, before starting workers
            return ParallelEngine()
        return DetectionEngine()
    except ModelIntegrityError as exc:
        raise UsageError(f"detection model refused: {exc}") from None


def _close(engine: Analyzer) -> None:
    close = getattr(engine, "close", None)
    if close is not None:
        close()


def _ocr_progress(document: str, done: int, total: int) -> None:
    print(f"workstation: OCR {document}: page {done} of {total}", file=sys.stderr, flush=True)


def cmd_scan(args: argparse.Namespace) -> int:
    from workstation.documents.intake import load_case
    from workstation.pipeline import scan

    documents = load_case(args.paths)
    engine = _engine(documents)
    try:
        results = scan(documents, engine, ocr_progress=_ocr_progress)
    finally:
        _close(engine)
    if args.format == "json":
        payload = {
            "documents": [
                {
                    "path": r.document.path,
                    "pages": len(r.document.pages),
                    "scanned_pages": r.scanned_pages,
                    "ocr_pages": r.ocr_pages,
                    "notes": list(r.document.notes),
                    "findings": [
                        {
                            "page": f.page, "start": f.start, "end": f.end, "text": f.text,
                            "entity_type": f.entity_type, "score": f.score, "recognizer": f.recognizer,
                            "boxes": [[round(v, 2) for v in b] for b in f.boxes],
                        }
                        for f in r.findings
                    ],
                }
                for r in results
            ]
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in results:
        doc = r.document
        print(f"{doc.path}  ({len(doc.pages)} page{'s' if len(doc.pages) != 1 else ''}, "
              f"{len(r.findings)} finding{'s' if len(r.findings) != 1 else ''})")
        for note in doc.notes:
            print(f"  note: {note}")
        if r.ocr_pages:
            print(f"  note: page(s) {', '.join(map(str, r.ocr_pages))} have no text layer: text read by OCR")
        if r.scanned_pages:
            print(f"  WARNING: page(s) {', '.join(map(str, r.scanned_pages))} have no text layer (scanned): "
                  "not searched; OCR needed before export")
        if r.findings:
            print(f"  {'page':>4}  {'category':<20} {'score':>5}  text")
            for f in r.findings:
                text = " ".join(f.text.split())
                if len(text) > 60:
                    text = text[:57] + "..."
                print(f"  {f.page:>4}  {f.entity_type:<20} {f.score:>5.2f}  {text}")
        print()
    return 0


def cmd_redact(args: argparse.Namespace) -> int:
    from workstation.documents.intake import load_case
    from workstation.domain.policy import Policy
    from workstation.pipeline import build_export, output_paths, scan, write_exports

    if args.out_dir is not None and args.out_dir.exists() and not args.out_dir.is_dir():
        raise UsageError(f"{args.out_dir}: --out-dir exists and is not a folder")
    if not args.policy.is_file():
        raise UsageError(f"{args.policy}: policy file not found")
    policy = Policy.from_file(args.policy)
    documents = load_case(args.paths)
    engine = _engine(documents)
    t0 = time.perf_counter()
    try:
        scanned = scan(documents, engine, ocr_progress=_ocr_progress)
    finally:
        _close(engine)
    exports = [build_export(s, policy) for s in scanned]  # every one verified before anything is written
    output_paths(exports, args.out_dir, args.out)
    write_exports(exports)
    for e in exports:
        pages = {row.page for row in e.log}
        print(f"{e.source.path} -> {e.pdf_path}  ({len(e.log)} boxes on {len(pages)} page(s); verified)")
        for note in e.source.notes:
            print(f"  note: {note}")
    log.info("redacted %d document(s) in %.2fs", len(exports), time.perf_counter() - t0)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="workstation: %(message)s", stream=sys.stderr)
    for noisy in ("presidio-analyzer", "presidio_analyzer", "pdfminer", "pymupdf"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        if args.command in (None, "open"):
            from workstation.app import run

            if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
            ):
                raise UsageError("no display to open the review window on (DISPLAY is not set); run it in a "
                                 "desktop session, or use `workstation scan` / `workstation redact` headless")

            return run(getattr(args, "paths", None))
        if args.command == "scan":
            return cmd_scan(args)
        return cmd_redact(args)
    except WorkstationError as exc:
        print(f"workstation: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("workstation: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback; never a partial output (outputs are written last)
        print(f"workstation: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

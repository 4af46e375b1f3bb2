"""Evaluate the product, as a user runs it, on the real public-domain documents of ``benchmarks/real/``.

    python -m benchmarks.real_eval [--split dev|dev2|...|dev8|test] [--widths 6.5,4.5,3.0] [--no-redact] [--json] [--top N]

Every document goes through the product's public pipeline: ``documents.intake.load_file`` on a file written to
a temporary folder, ``pipeline.scan`` with one ``DetectionEngine``, and ``pipeline.build_export`` with the default
policy. Printed for the split:

1. text: the excerpts (``real/<split>/*.txt``, markup removed) loaded as ``.txt`` files - per category recall,
   precision, F1 (overlap matching: ``benchmarks.evaluate.score_document``);
2. wrapped PDFs: each excerpt laid out as a PDF at every ``--widths`` column width (inches) and loaded as a PDF;
   gold spans are mapped onto the extracted page texts by aligning non-whitespace characters (a span across a
   page break counts on both pages) - the same table, per width, and the recall lost against the text;
3. published PDFs (``real/pdf/<split>/NAME.pdf`` + ``NAME.gold.tsv``): every whitespace-insensitive occurrence of
   a gold string on its page is a gold span;
4. unless ``--no-redact``, for both kinds of PDF: the sensitive content words (``\\w{2,}`` inside gold spans,
   minus a few stop words) still READABLE in the redacted output - an extracted word with the same text (case-
   insensitive) over the word's original position - by PyMuPDF and by pdfminer.six. When verification refuses
   an export the document is redacted with the same plan, unverified, to count what would have leaked;
5. the ``--top`` most frequent missed gold spans and false positives of each kind.

Always exits 0 (2 for a usage error).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import ENTITY_TYPES, GoldSpan, SyntheticDocument
from benchmarks.evaluate import CategoryStats, Pred, Report, _clip, parse_marked, score_document
from benchmarks.pdf_layout import Box, Word, layout_pdf, overlaps, pdfminer_words, pymupdf_words

REAL = Path(__file__).resolve().parent / "real"
DEFAULT_POLICY = Path(__file__).resolve().parent.parent / "resources" / "policies" / "default.toml"
STOP_WORDS = frozenset({"of", "the", "and", "an", "or", "by", "as", "for", "in", "on", "at", "to", "de", "del", "la",
                        "las", "los", "el", "st", "ave", "apt", "rd", "fl"})
EXTRACTORS: dict[str, Callable[[bytes], list[list[Word]]]] = {"PyMuPDF": pymupdf_words,
                                                              "pdfminer.six": pdfminer_words}
_SOURCE_LINE = re.compile(r"\A# source:[^\n]*\n?")
_CONTENT_WORD = re.compile(r"\w{2,}")


# --- gold --------------------------------------------------------------------------------------------------

def load_excerpts(split: str, root: Path = REAL) -> list[SyntheticDocument]:
    """The marked-up excerpts of a split, without their ``# source:`` line and markup."""
    return [parse_excerpt(p.read_text(encoding="utf-8"), p.stem) for p in sorted((root / split).glob("*.txt"))]


def parse_excerpt(marked: str, doc_id: str) -> SyntheticDocument:
    return parse_marked(_SOURCE_LINE.sub("", marked, count=1), doc_id, "text")


@dataclass(frozen=True)
class GoldRow:
    """One line of a published PDF's ``NAME.gold.tsv``."""

    page: int
    entity_type: str
    text: str


def load_gold_tsv(path: Path) -> list[GoldRow]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            page, entity_type, text = line.split("\t", 2)
            rows.append(GoldRow(int(page), entity_type.strip(), " ".join(text.split())))
    return rows


def gold_pattern(text: str) -> re.Pattern[str]:
    """Any whitespace (or none) between the characters of ``text``; not inside a longer word."""
    chars = "".join(text.split())
    body = r"\s*".join(re.escape(c) for c in chars)
    return re.compile(("(?<!\\w)" if re.match(r"\w", chars) else "") + body + ("(?!\\w)" if re.search(r"\w$", chars) else ""))


def gold_occurrences(page_text: str, rows: Sequence[GoldRow]) -> tuple[list[GoldSpan], list[GoldRow]]:
    """Gold spans of one page (every occurrence of every row), and the rows found nowhere on it."""
    spans: list[GoldSpan] = []
    missing: list[GoldRow] = []
    for row in rows:
        found = [GoldSpan(m.start(), m.end(), row.entity_type, m.group())
                 for m in gold_pattern(row.text).finditer(page_text)]
        spans += found
        if not found:
            missing.append(row)
    return sorted(spans, key=lambda s: (s.start, s.end)), missing


# --- alignment of a source text with extracted page texts ----------------------------------------------------

@dataclass
class Alignment:
    """For each source character: (page index, character index) of the same character extracted, or None."""

    targets: list[tuple[int, int] | None]
    unaligned: int  # non-whitespace source characters without a counterpart


def align(source: str, pages: Sequence[str]) -> Alignment:
    """Match the non-whitespace characters of ``source`` in order with those of ``pages`` (which may differ from
    it in whitespace and line breaks only; any other difference is bridged by ``difflib`` and counted)."""
    src = [i for i, c in enumerate(source) if not c.isspace()]
    dst = [(p, i) for p, text in enumerate(pages) for i, c in enumerate(text) if not c.isspace()]
    a = "".join(source[i] for i in src)
    b = "".join(pages[p][i] for p, i in dst)
    targets: list[tuple[int, int] | None] = [None] * len(source)
    pairs: Iterable[tuple[int, int]]
    if a == b:
        pairs = zip(range(len(a)), range(len(b)), strict=True)
    else:
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        pairs = ((blk.a + k, blk.b + k) for blk in blocks for k in range(blk.size))
    matched = 0
    for ia, ib in pairs:
        targets[src[ia]] = dst[ib]
        matched += 1
    return Alignment(targets, len(a) - matched)


def map_spans(spans: Sequence[GoldSpan], alignment: Alignment,
              pages: Sequence[str]) -> tuple[list[list[GoldSpan]], list[GoldSpan]]:
    """Gold spans of the source on each page (a span across a page break has a piece on each), and the spans
    of which no character could be placed."""
    per_page: list[list[GoldSpan]] = [[] for _ in pages]
    unmapped: list[GoldSpan] = []
    for g in spans:
        by_page: dict[int, list[int]] = defaultdict(list)
        for target in alignment.targets[g.start:g.end]:
            if target is not None:
                by_page[target[0]].append(target[1])
        if not by_page:
            unmapped.append(g)
        for p, idxs in by_page.items():
            start, end = min(idxs), max(idxs) + 1
            per_page[p].append(GoldSpan(start, end, g.entity_type, pages[p][start:end]))
    return per_page, unmapped


# --- the product, as a user runs it ---------------------------------------------------------------------------

@dataclass
class Redacted:
    pdf: bytes
    refused: str | None = None  # why the verified export was refused (the PDF is then the unverified redaction)


class Product:
    """One detection engine and the default policy; files are loaded, scanned and exported like a user's."""

    def __init__(self, engine=None, policy_file: Path = DEFAULT_POLICY) -> None:  # noqa: ANN001
        from workstation.detection.engine import DetectionEngine
        from workstation.domain.policy import Policy

        self.engine = engine or DetectionEngine()
        self.policy = Policy.from_file(policy_file)

    def scan_file(self, path: Path):  # noqa: ANN201 - a workstation.pipeline.ScannedDocument
        from workstation.documents.intake import load_file
        from workstation.pipeline import scan

        return scan(load_file(path), self.engine)[0]

    def redact(self, scanned) -> Redacted:  # noqa: ANN001
        from workstation.documents.redact import redact_pdf
        from workstation.domain.errors import UnreviewablePagesError, VerificationError
        from workstation.pipeline import build_export, redaction_plan

        try:
            return Redacted(build_export(scanned, self.policy).pdf)
        except (VerificationError, UnreviewablePagesError) as exc:
            lay, plan, _ = redaction_plan(scanned, self.policy)
            return Redacted(redact_pdf(lay.pdf, plan), str(exc))


def page_preds(scanned, page_number: int) -> list[Pred]:  # noqa: ANN001
    return [Pred(f.start, f.end, f.entity_type, f.score, f.recognizer)
            for f in scanned.findings if f.page == page_number]


# --- readable sensitive words after redaction -----------------------------------------------------------------

@dataclass(frozen=True)
class SensitiveWord:
    doc_id: str
    page: int
    text: str
    entity_type: str
    box: Box


def sensitive_words(doc_id: str, page, spans: Sequence[GoldSpan]) -> list[SensitiveWord]:  # noqa: ANN001
    """The content words inside the gold spans of a scanned page (a domain ``Page``), with their boxes; a word
    inside two spans counts once, for the first."""
    seen: set[int] = set()
    out: list[SensitiveWord] = []
    for g in spans:
        for m in _CONTENT_WORD.finditer(page.text, g.start, g.end):
            boxes = [b for b in page.char_boxes[m.start():m.end()] if b is not None]
            if m.start() in seen or m.group().lower() in STOP_WORDS or not boxes:
                continue
            seen.add(m.start())
            box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                   max(b[3] for b in boxes))
            out.append(SensitiveWord(doc_id, page.number, m.group(), g.entity_type, box))
    return out


def readable(word: SensitiveWord, page_words: Sequence[Word]) -> bool:
    """An extracted word with the same text (case-insensitive) lies over the word's original position."""
    text = word.text.casefold()
    return any(w.text.casefold() == text and overlaps(w.box, word.box) for w in page_words)


@dataclass
class Readability:
    total: Counter = field(default_factory=Counter)  # entity type -> sensitive words
    readable: dict[str, Counter] = field(default_factory=lambda: {name: Counter() for name in EXTRACTORS})
    leaks: Counter = field(default_factory=Counter)  # (entity type, doc id, word, extractors) -> count

    def add(self, words: Sequence[SensitiveWord], redacted_pdf: bytes) -> None:
        extracted = {name: extract(redacted_pdf) for name, extract in EXTRACTORS.items()}
        for w in words:
            self.total[w.entity_type] += 1
            by = [name for name, pages in extracted.items()
                  if w.page <= len(pages) and readable(w, pages[w.page - 1])]
            for name in by:
                self.readable[name][w.entity_type] += 1
            if by:  # the widths of one excerpt count together
                self.leaks[(w.entity_type, w.doc_id.split("@")[0], w.text, "+".join(by))] += 1

    def share(self, extractor: str, entity_type: str | None = None) -> tuple[int, int, float]:
        counts = self.readable[extractor]
        n = counts[entity_type] if entity_type else sum(counts.values())
        total = self.total[entity_type] if entity_type else sum(self.total.values())
        return n, total, n / total if total else 0.0

    def as_dict(self, top: int) -> dict:
        return {
            "extractors": {name: {t or "ALL": dict(zip(("readable", "total", "share"), self.share(name, t),
                                                       strict=True))
                                  for t in [None, *sorted(self.total)]} for name in EXTRACTORS},
            "top_readable": [{"type": t, "doc": d, "word": w, "extractors": x, "count": c}
                             for (t, d, w, x), c in self.leaks.most_common(top)],
        }


# --- the three evaluations ------------------------------------------------------------------------------------

@dataclass
class Section:
    name: str
    report: Report = field(default_factory=Report)
    readability: Readability | None = None
    problems: list[str] = field(default_factory=list)  # alignment failures, gold not found, unreadable files
    refused: list[str] = field(default_factory=list)  # exports refused by verification
    documents: int = 0


def score_scanned(doc_id: str, kind: str, scanned, gold: Sequence[Sequence[GoldSpan]], section: Section,  # noqa: ANN001
                  product: Product | None) -> None:
    """Score every page of a scanned document against its gold spans; redact and count readable words when
    ``product`` is given."""
    words: list[SensitiveWord] = []
    for page, spans in zip(scanned.document.pages, gold, strict=True):
        page_doc = SyntheticDocument(f"{doc_id}#p{page.number}", kind, page.text, list(spans))
        score_document(page_doc, page_preds(scanned, page.number), section.report)
        words += sensitive_words(doc_id, page, spans)
    section.documents += 1
    if product is not None and section.readability is not None:
        result = product.redact(scanned)
        if result.refused:
            section.refused.append(f"{doc_id}: export refused ({result.refused}); counted on the unverified redaction")
        section.readability.add(words, result.pdf)


def evaluate_text(excerpts: Sequence[SyntheticDocument], product: Product, tmp: Path) -> Section:
    section = Section("text")
    for ex in excerpts:
        path = tmp / f"{ex.doc_id}.txt"
        path.write_text(ex.text, encoding="utf-8")
        with _recorded(section, path.name):
            _score_aligned(ex, "text", product.scan_file(path), section, None)
    return section


def evaluate_wrapped(excerpts: Sequence[SyntheticDocument], widths: Sequence[float], product: Product, tmp: Path,
                     redact: bool) -> Section:
    section = Section("wrapped PDFs", readability=Readability() if redact else None)
    for ex in excerpts:
        for width in widths:
            path = tmp / f"{ex.doc_id}.{width:g}in.pdf"
            with _recorded(section, path.name):
                path.write_bytes(layout_pdf(ex.text, width))
                _score_aligned(ex, f"{width:g}in", product.scan_file(path), section, product if redact else None)
    return section


@contextlib.contextmanager
def _recorded(section: Section, name: str) -> Iterator[None]:
    """A document that fails (unreadable file, a crash in the product) is listed as a problem; the run goes on."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - a benchmark reports every failure and carries on
        section.problems.append(f"{name}: failed: {type(exc).__name__}: {exc}")


def _score_aligned(ex: SyntheticDocument, kind: str, scanned, section: Section,  # noqa: ANN001
                   product: Product | None) -> None:
    texts = [p.text for p in scanned.document.pages]
    alignment = align(ex.text, texts)
    gold, unmapped = map_spans(ex.spans, alignment, texts)
    doc_id = f"{ex.doc_id}@{kind}"
    if alignment.unaligned:
        section.problems.append(f"{doc_id}: {alignment.unaligned} characters of the source not found in the "
                                f"extracted text")
    section.problems += [f"{doc_id}: gold {g.entity_type} {g.text!r} not placed" for g in unmapped]
    score_scanned(doc_id, kind, scanned, gold, section, product)


def evaluate_published(folder: Path, product: Product, redact: bool) -> Section:
    section = Section("published PDFs", readability=Readability() if redact else None)
    for pdf in sorted(folder.glob("*.pdf")):
        tsv = pdf.with_name(pdf.stem + ".gold.tsv")
        if not tsv.is_file():
            section.problems.append(f"{pdf.name}: no {tsv.name}")
            continue
        with _recorded(section, pdf.name):
            _score_published(pdf, load_gold_tsv(tsv), product, section, redact)
    return section


def _score_published(pdf: Path, rows: Sequence[GoldRow], product: Product, section: Section, redact: bool) -> None:
    scanned = product.scan_file(pdf)
    gold = []
    for page in scanned.document.pages:
        spans, missing = gold_occurrences(page.text, [r for r in rows if r.page == page.number])
        gold.append(spans)
        section.problems += [f"{pdf.stem} p{r.page}: gold {r.entity_type} {r.text!r} not found on the page"
                             for r in missing]
    beyond = [r for r in rows if r.page > len(scanned.document.pages)]
    section.problems += [f"{pdf.stem}: gold on page {r.page}, beyond the last page" for r in beyond]
    score_scanned(pdf.stem, "published", scanned, gold, section, product if redact else None)


# --- output ---------------------------------------------------------------------------------------------------

def ordered_types(*reports: Report) -> list[str]:
    present = {t for r in reports for t in r.per_type}
    return [t for t in ENTITY_TYPES if t in present] + sorted(present - set(ENTITY_TYPES))


def recall_gap(text: Report, pdf: Report) -> dict[str, float]:
    """Recall on the text minus recall on the PDFs, per category (positive: the PDFs lose recall)."""
    return {t: round(text.per_type[t].recall - pdf.per_type[t].recall, 4)
            for t in ordered_types(text) if t in pdf.per_type and text.per_type[t].gold}


def section_json(section: Section, top: int) -> dict:
    r = section.report
    out = {
        "documents": section.documents, "pages": r.docs,
        "micro": r.micro().as_dict(),
        "per_type": {t: r.per_type[t].as_dict() for t in ordered_types(r)},
        "per_kind": {k: s.as_dict() for k, s in sorted(r.per_doc_type.items())},
        "top_missed": [{"type": t, "text": x, "count": c} for (t, x), c in r.missed.most_common(top)],
        "top_false_positives": [{"type": t, "text": x, "count": c} for (t, x), c in r.false_pos.most_common(top)],
        "problems": section.problems, "refused_exports": section.refused,
    }
    if section.readability is not None:
        out["readable_after_redaction"] = section.readability.as_dict(top)
    return out


_HEADER = f"{'category':22} {'gold':>6} {'pred':>6} {'prec':>6} {'recall':>6} {'F1':>6} {'cover':>6} {'anyty':>6}"


def _row(name: str, s: CategoryStats) -> str:
    g = s.gold or 1
    return (f"{name:22} {s.gold:6d} {s.pred:6d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{s.covered / g:6.3f} {s.any_type / g:6.3f}")


def print_section(section: Section, top: int, w: Callable[[str], object]) -> None:
    r = section.report
    w(f"\n== {section.name}: {section.documents} documents, {r.docs} pages, {r.words} words ==\n")
    w(_HEADER + "\n" + "-" * len(_HEADER) + "\n")
    for t in ordered_types(r):
        w(_row(t, r.per_type[t]) + "\n")
    w("-" * len(_HEADER) + "\n" + _row("MICRO", r.micro()) + "\n")
    if len(r.per_doc_type) > 1:
        for kind, s in sorted(r.per_doc_type.items()):
            w(_row(f"  {kind}", s) + "\n")
    if section.readability is not None:
        print_readability(section.readability, top, w)
    for line in section.refused:
        w(f"  ! {line}\n")
    if section.problems:
        w(f"  {len(section.problems)} problem(s) placing the gold:\n")
        for line in section.problems[:20]:
            w(f"    {line}\n")
        if len(section.problems) > 20:
            w(f"    ... {len(section.problems) - 20} more (--json lists all)\n")
    if top:
        w(f"  Top missed ({section.name}; [as X] = found under another type):\n")
        for (t, x), c in r.missed.most_common(top):
            w(f"    {c:4d}  {t:20} {x}\n")
        w(f"  Top false positives ({section.name}; [gold X] = on a gold span of another type):\n")
        for (t, x), c in r.false_pos.most_common(top):
            w(f"    {c:4d}  {t:20} {x}\n")


def print_readability(rd: Readability, top: int, w: Callable[[str], object]) -> None:
    names = list(EXTRACTORS)
    w(f"  After redaction, sensitive content words still readable ({' / '.join(names)}):\n")
    for t in [*sorted(rd.total), None]:
        cells = []
        for name in names:
            n, total, share = rd.share(name, t)
            cells.append(f"{n:4d}/{total:<5d} {100 * share:6.2f} %")
        w(f"    {t or 'ALL':20} " + "   ".join(cells) + "\n")
    if rd.leaks and top:
        w("  Top readable words (type, document, word, extractors):\n")
        for (t, d, word, by), c in rd.leaks.most_common(top):
            w(f"    {c:4d}  {t:20} {_clip(d, 44):44} {_clip(word, 24):24} {by}\n")


def print_gap(gap: dict[str, float], w: Callable[[str], object]) -> None:
    w("\nRecall text minus recall wrapped PDFs (target: within 0.01):\n")
    for t, d in gap.items():
        w(f"  {t:22} {d:+.3f}\n")


# --- command --------------------------------------------------------------------------------------------------

@dataclass
class Results:
    split: str
    widths: list[float]
    sections: list[Section]
    seconds: float = 0.0

    def json(self, top: int) -> dict:
        by_name = {s.name: s for s in self.sections}
        out = {"split": self.split, "widths": self.widths, "seconds": round(self.seconds, 1),
               "sections": {s.name: section_json(s, top) for s in self.sections}}
        if "text" in by_name and "wrapped PDFs" in by_name:
            out["recall_text_minus_wrapped"] = recall_gap(by_name["text"].report, by_name["wrapped PDFs"].report)
        return out


def run(split: str, widths: Sequence[float], redact: bool = True, product: Product | None = None,
        root: Path = REAL) -> Results:
    t0 = time.perf_counter()
    product = product or Product()
    excerpts = load_excerpts(split, root)
    with tempfile.TemporaryDirectory(prefix="real-eval-") as tmp:
        sections = [evaluate_text(excerpts, product, Path(tmp)),
                    evaluate_wrapped(excerpts, widths, product, Path(tmp), redact),
                    evaluate_published(root / "pdf" / split, product, redact)]
    return Results(split, list(widths), sections, time.perf_counter() - t0)


def print_results(results: Results, top: int, out=sys.stdout) -> None:  # noqa: ANN001
    w = out.write
    w(f"Real documents, split {results.split!r}; wrapped widths {', '.join(f'{x:g}' for x in results.widths)} in\n")
    for section in results.sections:
        print_section(section, top, w)
    by_name = {s.name: s for s in results.sections}
    print_gap(recall_gap(by_name["text"].report, by_name["wrapped PDFs"].report), w)
    w(f"\nTime: {results.seconds:.1f} s\n")


def _widths(value: str) -> list[float]:
    try:
        widths = [float(x) for x in value.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {value!r}") from None
    if not widths or any(not 0.5 <= x <= 6.5 for x in widths):
        raise argparse.ArgumentTypeError("widths must be between 0.5 and 6.5 inches")
    return widths


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "test"), default="dev")
    ap.add_argument("--widths", type=_widths, default=[6.5, 4.5, 3.0],
                    help="text column widths of the wrapped PDFs, in inches (default 6.5,4.5,3.0)")
    ap.add_argument("--no-redact", action="store_true", help="detection only: skip redaction and readable words")
    ap.add_argument("--json", action="store_true", help="print everything as JSON")
    ap.add_argument("--top", type=int, default=10, help="missed / false-positive / readable examples to list")
    args = ap.parse_args(argv)
    results = run(args.split, args.widths, redact=not args.no_redact)
    if args.json:
        json.dump(results.json(args.top), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_results(results, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Evaluate the detection engine on the synthetic corpus.

    python -m benchmarks.evaluate [--n 300] [--seed 7] [--top 25] [--json] [--types roster,email]

Matching: a predicted span is a true positive if it overlaps a gold span of the same entity type; a gold span
is recalled if some prediction of its type overlaps it. Also reported per category: the exact-match rate
(gold spans predicted with exactly the same boundaries), the full-cover rate (gold spans entirely covered by
predictions of their type - what a redaction needs) and the any-type recall (gold spans overlapped by a
prediction of any type - redacted, though under another label).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import DOC_TYPES, ENTITY_TYPES, GoldSpan, SyntheticDocument, make_corpus


@dataclass
class Pred:
    start: int
    end: int
    entity_type: str
    score: float = 1.0
    recognizer: str = ""


@dataclass
class CategoryStats:
    gold: int = 0
    pred: int = 0
    tp_pred: int = 0  # predictions overlapping a same-type gold span
    tp_gold: int = 0  # gold spans overlapped by a same-type prediction
    exact: int = 0
    covered: int = 0
    any_type: int = 0
    wrong_type_fp: int = 0  # false positives that overlap a gold span of another type

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        g = self.gold or 1
        return {"gold": self.gold, "pred": self.pred, "tp_pred": self.tp_pred, "tp_gold": self.tp_gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "exact_rate": round(self.exact / g, 4), "cover_rate": round(self.covered / g, 4),
                "any_type_recall": round(self.any_type / g, 4), "wrong_type_fp": self.wrong_type_fp}


@dataclass
class Report:
    per_type: dict[str, CategoryStats] = field(default_factory=lambda: defaultdict(CategoryStats))
    per_doc_type: dict[str, CategoryStats] = field(default_factory=lambda: defaultdict(CategoryStats))
    missed: Counter = field(default_factory=Counter)
    false_pos: Counter = field(default_factory=Counter)
    partial: Counter = field(default_factory=Counter)
    docs: int = 0
    words: int = 0
    seconds: float = 0.0

    def micro(self) -> CategoryStats:
        tot = CategoryStats()
        for s in self.per_type.values():
            for f in ("gold", "pred", "tp_pred", "tp_gold", "exact", "covered", "any_type", "wrong_type_fp"):
                setattr(tot, f, getattr(tot, f) + getattr(s, f))
        return tot


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _covered(g: GoldSpan, preds: Sequence[Pred]) -> bool:
    """Whether predictions of g's type cover every non-space character of g."""
    marks = [False] * (g.end - g.start)
    for p in preds:
        if p.entity_type != g.entity_type:
            continue
        for i in range(max(p.start, g.start), min(p.end, g.end)):
            marks[i - g.start] = True
    return all(m or g.text[i].isspace() or g.text[i] in ",.;" for i, m in enumerate(marks))


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score_document(doc: SyntheticDocument, preds: Sequence[Pred], report: Report) -> None:
    report.docs += 1
    report.words += doc.words
    dstats = report.per_doc_type[doc.doc_type]
    for g in doc.spans:
        s = report.per_type[g.entity_type]
        s.gold += 1
        dstats.gold += 1
        same = [p for p in preds if p.entity_type == g.entity_type and _overlap(p.start, p.end, g.start, g.end)]
        if same:
            s.tp_gold += 1
            dstats.tp_gold += 1
            if any(p.start == g.start and p.end == g.end for p in same):
                s.exact += 1
                dstats.exact += 1
            else:
                got = " / ".join(doc.text[p.start:p.end] for p in same)
                report.partial[(g.entity_type, _clip(g.text), _clip(got))] += 1
            if _covered(g, same):
                s.covered += 1
                dstats.covered += 1
        else:
            other = [p for p in preds if _overlap(p.start, p.end, g.start, g.end)]
            label = f" [as {','.join(sorted({p.entity_type for p in other}))}]" if other else ""
            report.missed[(g.entity_type, _clip(g.text) + label)] += 1
        if any(_overlap(p.start, p.end, g.start, g.end) for p in preds):
            s.any_type += 1
            dstats.any_type += 1
    for p in preds:
        s = report.per_type[p.entity_type]
        s.pred += 1
        dstats.pred += 1
        if any(g.entity_type == p.entity_type and _overlap(p.start, p.end, g.start, g.end) for g in doc.spans):
            s.tp_pred += 1
            dstats.tp_pred += 1
        else:
            other = [g for g in doc.spans if _overlap(p.start, p.end, g.start, g.end)]
            label = ""
            if other:
                s.wrong_type_fp += 1
                dstats.wrong_type_fp += 1
                label = f" [gold {','.join(sorted({g.entity_type for g in other}))}]"
            report.false_pos[(p.entity_type, _clip(doc.text[p.start:p.end]) + label)] += 1


HOLDOUT = Path(__file__).resolve().parent / "holdout"
_MARK = re.compile(r"\[\[([A-Z0-9_]+):(.*?)\]\]", re.DOTALL)


def parse_marked(text: str, doc_id: str, doc_type: str) -> SyntheticDocument:
    """A hand-annotated document: ``[[TYPE:text]]`` marks a gold span."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(text):
        before = text[pos:m.start()]
        out.append(before)
        length += len(before)
        value = m.group(2)
        spans.append(GoldSpan(length, length + len(value), m.group(1), value))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(text[pos:])
    return SyntheticDocument(doc_id, doc_type, "".join(out), spans)


def holdout_documents(folder: Path = HOLDOUT) -> list[SyntheticDocument]:
    """Hand-written documents (benchmarks/holdout/), independent of the generator's templates and pools."""
    return [parse_marked(p.read_text(encoding="utf-8"), p.stem, "holdout") for p in sorted(folder.glob("*.txt"))]


def run(n: int = 300, seed: int = 7, doc_types: Sequence[str] | None = None, engine=None,
        holdout: bool | Path = False, propagation: bool = True) -> Report:
    from workstation.detection.engine import DetectionEngine
    from workstation.domain.model import Page, TextSource
    from workstation.pipeline import detect

    if holdout:
        docs = holdout_documents(holdout if isinstance(holdout, Path) else HOLDOUT)
    else:
        docs = make_corpus(n, seed)
    if doc_types:
        docs = [d for d in docs if d.doc_type in doc_types]
    engine = engine or DetectionEngine()
    t0 = time.perf_counter()
    texts = [d.text for d in docs]
    if propagation:  # what `workstation scan` reports on a text file: the reading text, every occurrence
        results = [detect([Page(1, t, text_source=TextSource.PLAIN)], engine)[0] for t in texts]
    else:
        results = engine.analyze_many(texts)
    report = Report()
    report.seconds = time.perf_counter() - t0
    for doc, dets in zip(docs, results, strict=True):
        preds = [Pred(d.start, d.end, d.entity_type, d.score, d.recognizer) for d in dets]
        score_document(doc, preds, report)
    return report


def to_json(report: Report, top: int) -> dict:
    micro = report.micro()
    return {
        "docs": report.docs, "words": report.words, "seconds": round(report.seconds, 2),
        "micro": micro.as_dict(),
        "per_type": {t: report.per_type[t].as_dict() for t in ENTITY_TYPES if t in report.per_type},
        "per_doc_type": {t: report.per_doc_type[t].as_dict() for t in DOC_TYPES if t in report.per_doc_type},
        "top_missed": [{"type": t, "text": x, "count": c} for (t, x), c in report.missed.most_common(top)],
        "top_false_positives": [{"type": t, "text": x, "count": c} for (t, x), c in report.false_pos.most_common(top)],
        "top_partial": [{"type": t, "gold": g, "predicted": p, "count": c}
                        for (t, g, p), c in report.partial.most_common(top)],
    }


def print_report(report: Report, top: int, out=sys.stdout) -> None:
    w = out.write
    w(f"Documents: {report.docs}   words: {report.words}   engine time: {report.seconds:.1f}s "
      f"({report.words / max(report.seconds, 1e-9):,.0f} words/s)\n\n")
    hdr = f"{'category':22} {'gold':>6} {'pred':>6} {'prec':>6} {'recall':>6} {'F1':>6} {'exact':>6} {'cover':>6} {'anyty':>6} {'wrongT':>6}\n"
    w(hdr)
    w("-" * (len(hdr) - 1) + "\n")

    def row(name: str, s: CategoryStats) -> None:
        g = s.gold or 1
        w(f"{name:22} {s.gold:6d} {s.pred:6d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
          f"{s.exact / g:6.3f} {s.covered / g:6.3f} {s.any_type / g:6.3f} {s.wrong_type_fp:6d}\n")

    for t in ENTITY_TYPES:
        if t in report.per_type:
            row(t, report.per_type[t])
    for t, s in report.per_type.items():
        if t not in ENTITY_TYPES:
            row(t, s)
    w("-" * (len(hdr) - 1) + "\n")
    row("MICRO", report.micro())
    w("\nprec/recall/F1: overlap with a same-type span; exact: same boundaries; cover: gold fully covered by "
      "same-type predictions;\nanyty: gold overlapped by a prediction of any type; wrongT: false positives "
      "lying on a gold span of another type\n")

    w("\nBy document type:\n")
    for t in DOC_TYPES:
        if t in report.per_doc_type:
            row(t, report.per_doc_type[t])

    w("\nTop missed (gold span not overlapped by a prediction of its type; [as X] = found under another type):\n")
    for (t, x), c in report.missed.most_common(top):
        w(f"  {c:4d}  {t:22} {x}\n")
    w("\nTop false positives (no same-type gold span; [gold X] = lies on a gold span of another type):\n")
    for (t, x), c in report.false_pos.most_common(top):
        w(f"  {c:4d}  {t:22} {x}\n")
    w("\nTop partial matches (overlap but different boundaries):\n")
    for (t, g, p), c in report.partial.most_common(min(top, 15)):
        w(f"  {c:4d}  {t:22} gold={g!r}  predicted={p!r}\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="number of documents (default 300)")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument("--top", type=int, default=25, help="how many missed / false-positive examples to list")
    ap.add_argument("--types", default="", help=f"comma-separated document types to keep ({', '.join(DOC_TYPES)})")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    ap.add_argument("--holdout", action="store_true",
                    help="evaluate on the hand-written documents in benchmarks/holdout/ instead of the generator")
    ap.add_argument("--holdout-dir", type=Path, default=None,
                    help="evaluate on the hand-annotated ([[TYPE:text]]) .txt documents of this folder")
    ap.add_argument("--no-propagation", action="store_true",
                    help="the engine alone, without repeating found texts at their other occurrences")
    args = ap.parse_args(argv)
    types = [t.strip() for t in args.types.split(",") if t.strip()] or None
    holdout: bool | Path = args.holdout_dir or args.holdout
    report = run(args.n, args.seed, types, holdout=holdout, propagation=not args.no_propagation)
    if args.json:
        json.dump(to_json(report, args.top), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_report(report, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

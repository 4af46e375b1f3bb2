"""Case store benchmark (issue 11): SQLite and the shared PostgreSQL store, side by side.

    .venv/bin/python -m benchmarks.store_benchmark [--findings 10000] [--decisions 200] [--opens 5]

For each backend: a case with ``--findings`` findings is scanned (``save_scan``) and given the policy's default
decision for every finding in one action (what ``record_scan`` does), then

- decision round trip: ``--decisions`` single decisions, each one ``apply`` of one change (the reviewer pressing
  R or E in the window): p50 / p95 / max in milliseconds;
- case open: what opening the case reads - ``decisions`` + ``findings`` + ``manual`` + ``allow_list`` +
  ``case_state`` - the median and the slowest of ``--opens`` opens, in milliseconds.

SQLite is a file in a temporary folder (WAL, ``synchronous=FULL``); PostgreSQL a throw-away cluster on a Unix
socket (``tests/store/pg_cluster``, fsync on, as a server would run), connected as a clerk with a SCRAM password:
every call goes through the SECURITY DEFINER functions, and every decision's audit record is computed by the
database (canonical JSON and SHA-256 in PL/pgSQL).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workstation.domain.case import Case
from workstation.domain.disclosure import DisclosureContext, RecipientType
from workstation.domain.review import Action, Change, Decision, DecisionRecord, FindingKey, now_iso


def _rows(n: int) -> list[tuple[str, int, int, int, str, str, float, str, str]]:
    import hashlib

    out = []
    for i in range(n):
        digest = hashlib.sha256(f"finding {i}".encode()).hexdigest()
        out.append((f"/bench/doc{i // 2000:02d}.pdf", 1 + (i % 2000) // 40, (i % 40) * 50, (i % 40) * 50 + 12,
                    ("PERSON", "ADDRESS", "NATIONALITY", "PHONE")[i % 4], digest, 0.85, "bench", digest))
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(store: Any, findings: int, decisions: int, opens: int) -> dict[str, float]:
    rec = store.open_case(["/bench"], "bench")
    store.save_state(rec.id, Case(rec.id, DisclosureContext(RecipientType.PUBLIC)), "clerk1", "clerk",
                     [("case-opened", {"case_id": rec.id})])
    rows = _rows(findings)
    docs = sorted({r[0] for r in rows})
    t = time.perf_counter()
    store.save_scan(rec.id, [(d, "ab" * 32, 50) for d in docs], rows, "clerk1", "clerk",
                    {"case_id": rec.id, "findings": len(rows)}, labels={d: f"doc{n}" for n, d in enumerate(docs)})
    scan_s = time.perf_counter() - t
    keys = [FindingKey(*r[:6]) for r in rows]
    at = now_iso()
    current = {k: DecisionRecord(k, Decision.REDACT, "87(2)(b)", "policy default", "clerk1", at) for k in keys}
    t = time.perf_counter()
    store.apply(rec.id, Action("policy default", tuple(Change(None, d) for d in current.values())), "clerk1")
    bulk_s = time.perf_counter() - t
    trips = []
    for i in range(decisions):
        k = keys[(i * 7919) % len(keys)]
        new = DecisionRecord(k, Decision.RELEASE if current[k].decision is Decision.REDACT else Decision.REDACT,
                             "87(2)(b)", "benchmark decision", "clerk1", now_iso())
        t = time.perf_counter()
        store.apply(rec.id, Action("decide 1 finding", (Change(current[k], new),)), "clerk1")
        trips.append((time.perf_counter() - t) * 1000)
        current[k] = new
    open_ms = []
    for _ in range(opens):
        t = time.perf_counter()
        got = (store.decisions(rec.id), store.findings(rec.id), store.manual(rec.id), store.allow_list(rec.id),
               store.case_state(rec.id))
        open_ms.append((time.perf_counter() - t) * 1000)
        assert len(got[0]) == findings and len(got[1]) == findings
    return {"scan_s": scan_s, "bulk_s": bulk_s, "p50": _percentile(trips, 0.5), "p95": _percentile(trips, 0.95),
            "max": max(trips), "open_median": statistics.median(open_ms), "open_max": max(open_ms),
            "records": store.audit_head(rec.id)[0]}


def _sqlite(findings: int, decisions: int, opens: int) -> dict[str, float]:
    from workstation.store.case_store import CaseStore

    with tempfile.TemporaryDirectory() as tmp, CaseStore(Path(tmp) / "cases.sqlite3") as store:
        return run(store, findings, decisions, opens)


def _postgres(findings: int, decisions: int, opens: int) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.store.pg_cluster import start_cluster
    from workstation.store.postgres import PostgresCaseStore

    cluster = start_cluster({"clerk1": "clerk"}, fsync=True)
    try:
        with PostgresCaseStore(cluster.conninfo("clerk1")) as store:
            return run(store, findings, decisions, opens)
    finally:
        cluster.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--decisions", type=int, default=200)
    parser.add_argument("--opens", type=int, default=5)
    args = parser.parse_args(argv)
    backends: list[tuple[str, Callable[[int, int, int], dict[str, float]]]] = [
        ("SQLite", _sqlite), ("PostgreSQL", _postgres)]
    results = [(name, fn(args.findings, args.decisions, args.opens)) for name, fn in backends]
    print(f"{args.findings} findings, {args.decisions} single decisions, {args.opens} case opens")
    print(f"{'backend':<11} {'scan s':>7} {'bulk s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
          f"{'open ms':>8} {'open max':>9} {'records':>8}")
    for name, r in results:
        print(f"{name:<11} {r['scan_s']:>7.2f} {r['bulk_s']:>7.2f} {r['p50']:>7.2f} {r['p95']:>7.2f} "
              f"{r['max']:>7.2f} {r['open_median']:>8.1f} {r['open_max']:>9.1f} {r['records']:>8}")
    print("scan: save_scan of the findings; bulk: one apply deciding all of them (one audit record each); "
          "p50/p95/max: one apply of one decision; open: decisions + findings + manual + allow_list + case_state")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

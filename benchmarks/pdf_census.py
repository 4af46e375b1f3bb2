"""Census of `workstation scan` and `workstation redact` over a folder of real-world PDFs (issue 14 item 7).

    .venv/bin/python -m benchmarks.pdf_census FOLDER [--timeout 120] [--memory-mb 4096] [--json] [--records FILE]
    .venv/bin/python -m benchmarks.pdf_census --from-records FILE [FILE ...] [--json]

Every `*.pdf` under FOLDER (recursively, sorted) goes through `workstation scan FILE --format json` and then
`workstation redact FILE --out-dir TMP`, each in a subprocess of its own, one file at a time, under a wall-clock
timeout (the whole process group is killed when it runs out) and an address-space limit (RLIMIT_AS, inherited by
the workstation's own worker processes). For each run it records the exit code, the one-line reason of a refusal
(stderr's last line), whether stderr holds a Python traceback, the peak resident memory of the run (polled from
/proc over its process group: the command and its worker processes) and the seconds per page. After `redact` every
`*.redacted.pdf` written is re-opened and checked with `workstation.documents.redact.check_sanitized`
(leftovers: metadata, attachments, JavaScript, annotations, hidden text ...); a failed `redact` that left
anything in its output folder is a partial output.

The census prints, per command: ok / refused (exit 2) / exit 3 / exit 1 / other exit codes / traceback on stderr /
timeout / leftovers / partial outputs, then the peak memory (largest, median) and seconds per page (median,
slowest), then one line per file that is not plainly ok or refused. `--json` prints the same as JSON, with every
file's record. Exits 1 when any run hit an internal error (exit 1 or another unexpected code), a traceback, a
timeout, leftovers or a partial output; 0 otherwise (refusals and exit 3 are answers, not failures).

A long census (a few hundred files take over an hour on two cores) can be run in parts: each part with
``--records FILE`` (one JSON line per file, written as it is done, so an interrupted run keeps what it did), then
``--from-records PART1 PART2 ...`` prints the census of them all. The corpus of issue 14 is listed, with each
file's repository, path and SHA-256, in ``benchmarks/pdf_corpus_manifest.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

COMMANDS = ("scan", "redact")
BAD = ("exit1", "other_exit", "traceback", "timeout", "leftovers", "partial_output")


@dataclass
class Run:
    command: str
    exit_code: int | None  # None: killed at the timeout
    seconds: float
    peak_mb: float
    reason: str = ""  # the last line of stderr when the command failed
    traceback: bool = False
    timed_out: bool = False
    leftovers: list[str] = field(default_factory=list)
    partial_output: bool = False

    @property
    def outcome(self) -> str:
        if self.timed_out:
            return "timeout"
        return {0: "ok", 2: "refused", 3: "exit3", 1: "exit1"}.get(self.exit_code or 0, "other_exit") \
            if self.exit_code is not None else "other_exit"


@dataclass
class FileRecord:
    path: str
    pages: int | None
    runs: dict[str, Run] = field(default_factory=dict)


def workstation_command() -> list[str]:
    """The `workstation` console script beside this interpreter, else the same entry point through `-c`."""
    script = Path(sys.executable).with_name("workstation")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys\nfrom workstation.cli import main\nsys.exit(main())"]


def _limits(memory_mb: int) -> Callable[[], None]:
    def apply() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


PROC = Path("/proc")


def _group_memory_kb(pgid: int) -> int:
    """Memory of the process group ``pgid`` now (the command and its worker processes), from /proc: the larger of
    the sum of their proportional set sizes (Pss: a page shared by N processes counts 1/N in each, so a forked
    child sharing its parent's pages is not counted twice, as summing resident sets did) and the largest one's own
    high-water mark (VmHWM, which a poll cannot miss).
    Not wait4's ru_maxrss: a forked child's high-water mark starts at its parent's resident set, and this
    process may be large (the test suite's has the detection model loaded)."""
    total = hwm = 0
    try:
        entries = list(PROC.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2:].split()[2]) != pgid:  # fields after "(comm)": state ppid pgrp
                continue
            rss = pss = None
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = max(hwm, int(line.split()[1]))
            try:
                for line in (entry / "smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1])
                        break
            except OSError:
                pass
            total += pss if pss is not None else rss or 0
        except (OSError, ValueError, IndexError):
            continue  # ended meanwhile
    return max(total, hwm)


def run_limited(argv: Sequence[str], timeout: float, memory_mb: int) -> tuple[int | None, float, float, str]:
    """Runs ``argv`` under the limits; returns (exit code or None on timeout, seconds, peak RSS in MB, stderr).
    stdout and stderr go to temporary files (no pipe to fill); the child leads a process group of its own, so a
    timeout kills its worker processes too."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err, preexec_fn=_limits(memory_mb),
            start_new_session=True, env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )
        status: int | None = None
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, _group_memory_kb(proc.pid))
            pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wstatus)
                break
            if time.monotonic() - start > timeout:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02 if time.monotonic() - start < 2 else 0.1)  # VmHWM keeps the peaks between
        if not PROC.is_dir():  # no /proc: the rusage high-water mark, which counts the RSS this process had at fork
            peak_kb = usage.ru_maxrss
        proc.returncode = status if status is not None else -signal.SIGKILL  # reaped here, not by Popen
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return status, seconds, peak_kb / 1024, stderr


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def _quiet_pymupdf():  # noqa: ANN202 - MuPDF prints its errors on this process's stdout (the --json output)
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def _page_count(path: Path) -> int | None:
    try:
        pymupdf = _quiet_pymupdf()

        with pymupdf.open(path) as doc:
            return int(doc.page_count) if not doc.needs_pass else None
    except Exception:
        return None


def _leftovers(out_dir: Path) -> list[str]:
    pymupdf = _quiet_pymupdf()

    from workstation.documents.redact import check_sanitized

    problems: list[str] = []
    for pdf in sorted(out_dir.rglob("*.redacted.pdf")):
        try:
            with pymupdf.open(pdf) as doc:
                rep = check_sanitized(doc)
        except Exception as exc:  # an output that cannot even be opened is a leftover of its own kind
            problems.append(f"{pdf.name}: cannot be opened ({type(exc).__name__})")
            continue
        problems.extend(f"{pdf.name}: " + (f"page {page}: " if page else "") + msg for page, msg in rep.problems)
    return problems


def census_file(path: Path, timeout: float, memory_mb: int) -> FileRecord:
    base = workstation_command()
    record = FileRecord(str(path), _page_count(path))
    for command in COMMANDS:
        with tempfile.TemporaryDirectory(prefix="pdf-census-") as tmp:
            out_dir = Path(tmp) / "out"
            out_dir.mkdir()
            argv = [*base, "scan", str(path), "--format", "json"] if command == "scan" else \
                [*base, "redact", str(path), "--out-dir", str(out_dir)]
            code, seconds, peak_mb, stderr = run_limited(argv, timeout, memory_mb)
            run = Run(command, code, round(seconds, 2), round(peak_mb, 1), timed_out=code is None,
                      traceback="Traceback (most recent call last)" in stderr)
            if code != 0:
                run.reason = _last_line(stderr) if code is not None else f"killed after {timeout:g} s"
            if command == "redact":
                written = [p for p in out_dir.rglob("*") if p.is_file()]
                if code == 0:
                    run.leftovers = _leftovers(out_dir)
                elif written:
                    run.partial_output = True
            record.runs[command] = run
    return record


def summarize(records: Sequence[FileRecord]) -> dict[str, object]:
    summary: dict[str, object] = {"files": len(records)}
    for command in COMMANDS:
        runs = [r.runs[command] for r in records if command in r.runs]
        counts = {k: 0 for k in ("ok", "refused", "exit3", "exit1", "other_exit", "timeout")}
        for run in runs:
            counts[run.outcome] += 1
        counts["traceback"] = sum(run.traceback for run in runs)
        counts["leftovers"] = sum(bool(run.leftovers) for run in runs)
        counts["partial_output"] = sum(run.partial_output for run in runs)
        peaks = [run.peak_mb for run in runs]
        per_page = [run.seconds / rec.pages for rec in records for run in [rec.runs.get(command)]
                    if run is not None and run.exit_code == 0 and rec.pages]
        summary[command] = {
            **counts,
            "peak_mb_max": max(peaks, default=0.0),
            "peak_mb_median": round(statistics.median(peaks), 1) if peaks else 0.0,
            "s_per_page_median": round(statistics.median(per_page), 3) if per_page else None,
            "s_per_page_max": round(max(per_page), 3) if per_page else None,
        }
    return summary


def failed(summary: dict[str, object]) -> bool:
    return any(summary[c][k] for c in COMMANDS for k in BAD)  # type: ignore[index]


def render(records: Sequence[FileRecord], summary: dict[str, object]) -> str:
    lines = [f"{summary['files']} PDF file(s)", ""]
    header = f"{'':8}" + "".join(f"{k:>9}" for k in ("ok", "refused", "exit3", "exit1", "other", "trace",
                                                          "timeout", "leftover", "partial"))
    lines.append(header)
    for command in COMMANDS:
        s = summary[command]
        assert isinstance(s, dict)
        vals = [s[k] for k in ("ok", "refused", "exit3", "exit1", "other_exit", "traceback", "timeout",
                               "leftovers", "partial_output")]
        lines.append(f"{command:8}" + "".join(f"{v:>9}" for v in vals))
    lines.append("")
    for command in COMMANDS:
        s = summary[command]
        assert isinstance(s, dict)
        spp = "n/a" if s["s_per_page_median"] is None else \
            f"{s['s_per_page_median']:.3f} median, {s['s_per_page_max']:.3f} slowest"
        lines.append(f"{command}: peak memory {s['peak_mb_max']:.0f} MB max, {s['peak_mb_median']:.0f} MB median;"
                     f" s/page {spp}")
    notes = []
    for rec in records:
        for command, run in rec.runs.items():
            if run.outcome == "ok" and not run.leftovers and not run.traceback:
                continue
            what = run.outcome + (" +traceback" if run.traceback else "") + \
                (" +partial output" if run.partial_output else "")
            detail = run.reason or "; ".join(run.leftovers)
            if run.leftovers:
                what += " +leftovers"
                detail = "; ".join(run.leftovers)
            notes.append(f"  {command:6} {what:10} {Path(rec.path).name}: {detail}")
    if notes:
        lines += ["", "Not plainly ok:", *notes]
    return "\n".join(lines)


def _record_json(record: FileRecord) -> dict[str, object]:
    return {"path": record.path, "pages": record.pages,
            "runs": {c: {**asdict(run), "outcome": run.outcome} for c, run in record.runs.items()}}


def _record_from_json(data: dict[str, object]) -> FileRecord:
    runs = data["runs"]
    assert isinstance(runs, dict)
    return FileRecord(str(data["path"]), data["pages"],  # type: ignore[arg-type]
                      {c: Run(**{k: v for k, v in run.items() if k != "outcome"}) for c, run in runs.items()})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pdf_census", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per command (default 120)")
    parser.add_argument("--memory-mb", type=int, default=4096, help="address-space limit (default 4096)")
    parser.add_argument("--json", action="store_true", help="print the census as JSON")
    parser.add_argument("--records", type=Path, metavar="FILE",
                        help="append each file's record to FILE (JSON lines) as soon as it is done")
    parser.add_argument("--from-records", type=Path, nargs="+", metavar="FILE",
                        help="no run: the census of records saved by --records (several runs, e.g. two halves)")
    args = parser.parse_args(argv)
    if args.from_records:
        records = [_record_from_json(json.loads(line)) for f in args.from_records
                   for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    elif args.folder is None:
        parser.error("a folder, or --from-records")
    else:
        files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        if not files:
            print(f"no .pdf files under {args.folder}", file=sys.stderr)
            return 2
        records = []
        for i, path in enumerate(files, 1):
            record = census_file(path, args.timeout, args.memory_mb)
            records.append(record)
            if args.records:
                with args.records.open("a", encoding="utf-8") as saved:
                    saved.write(json.dumps(_record_json(record)) + "\n")
            print(f"[{i}/{len(files)}] {path}: " + ", ".join(
                f"{c} {run.outcome} {run.seconds:.1f}s {run.peak_mb:.0f}MB" + (f" ({run.reason})" if run.reason else "")
                + (" LEFTOVERS " + "; ".join(run.leftovers) if run.leftovers else "")
                + (" PARTIAL" if run.partial_output else "") + (" TRACEBACK" if run.traceback else "")
                for c, run in record.runs.items()), file=sys.stderr, flush=True)
    summary = summarize(records)
    if args.json:
        print(json.dumps({"summary": summary, "files": [_record_json(r) for r in records]}, indent=2))
    else:
        print(render(records, summary))
    return 1 if failed(summary) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Detection spread over worker processes, one ``DetectionEngine`` per process.

spaCy holds the GIL for most of its work, so threads do not add throughput; processes do. Each worker builds
its own engine (verified model, same configuration) once, when the pool starts; texts are sent in contiguous,
length-balanced chunks and only the small ``Detection`` lists come back (spaCy's ``n_process`` ships whole
``Doc`` objects back, which is why it did not help here). Results are identical to the single-process engine.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from workstation.domain.model import Detection

_ENGINE = None


def _init_worker() -> None:
    global _ENGINE
    from workstation.detection.engine import DetectionEngine

    _ENGINE = DetectionEngine()


def _ready() -> bool:
    return _ENGINE is not None


def _analyze_chunk(texts: list[str]) -> list[list[Detection]]:
    assert _ENGINE is not None
    return _ENGINE.analyze_many(texts)


def _chunks(lengths: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Split indexes 0..n into at most ``parts`` contiguous ranges of about equal total length."""
    total = sum(lengths) or 1
    bounds: list[tuple[int, int]] = []
    start, acc, k = 0, 0, 1
    for i, n in enumerate(lengths):
        acc += n
        if acc >= total * k / parts and i + 1 < len(lengths) and k < parts:
            bounds.append((start, i + 1))
            start, k = i + 1, k + 1
    bounds.append((start, len(lengths)))
    return [b for b in bounds if b[1] > b[0]]


class ParallelEngine:
    """Same ``analyze_many`` as ``DetectionEngine``, over ``workers`` processes (default: the CPU count)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_init_worker)
        # start every worker and load its model now (model load is not part of any later timing)
        ready = [self._pool.submit(_ready) for _ in range(self.workers * 2)]
        for f in ready:
            f.result()

    def analyze_many(self, texts: Sequence[str]) -> list[list[Detection]]:
        if not texts:
            return []
        # several chunks per worker so a slow chunk does not leave the other worker idle at the end
        ranges = _chunks([len(t) for t in texts], self.workers * 4)
        futures: list[tuple[tuple[int, int], Future[list[list[Detection]]]]] = [
            (r, self._pool.submit(_analyze_chunk, list(texts[r[0]:r[1]]))) for r in ranges
        ]
        out: list[list[Detection]] = []
        for _, fut in futures:
            out.extend(fut.result())
        return out

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParallelEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

from __future__ import annotations

from workstation.detection.parallel import ParallelEngine, _chunks


def test_chunks_cover_every_index_once_in_order() -> None:
    lengths = [5, 100, 3, 3, 50, 1, 1, 80, 2]
    for parts in (1, 2, 3, 8, 20):
        ranges = _chunks(lengths, parts)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(lengths)
        assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
        assert len(ranges) <= parts


def test_parallel_engine_gives_the_same_detections_as_the_engine(engine) -> None:  # noqa: ANN001
    texts = [
        "Name: Maria Guadalupe Hernandez Lopez\nDOB: 03/14/1989\nCountry of Birth: Honduras",
        "",
        "He is a Guatemalan national with a pending asylum application, A-Number A-208-114-377.",
        "Lives at 87-14 37th Avenue, Apt 5B, Jackson Heights, NY 11372. Phone (718) 555-0134.",
    ] * 3
    with ParallelEngine(workers=2) as parallel:
        assert parallel.analyze_many(texts) == engine.analyze_many(texts)
        assert parallel.analyze_many([]) == []

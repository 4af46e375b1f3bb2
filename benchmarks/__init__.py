"""Benchmarks for the detection engine: a synthetic gold-annotated corpus, an evaluation and a throughput test.

Nothing in ``workstation`` imports this package.
"""

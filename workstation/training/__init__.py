"""Training mode: the synthetic case generator (shared with the benchmarks), practice cases and their keys."""

"""Persistence of cases and decisions (SQLite; issue #3/#4)."""

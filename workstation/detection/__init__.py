"""Detection: the only package that imports Presidio and spaCy."""

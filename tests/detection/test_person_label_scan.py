"""The PERSON recognizer searches for form labels only on lines holding a colon (a speed-up): it must find exactly
what the label pattern finds over the whole text."""

from __future__ import annotations

from benchmarks.corpus import make_corpus
from workstation.detection.person_recognizer import PersonContextRecognizer


def test_label_scan_by_colon_lines_equals_the_whole_text_scan() -> None:
    rec = PersonContextRecognizer()
    rec.load()
    texts = [d.text for d in make_corpus(40, 5)] + [
        "Name: Ana Ruiz\nVictim:  Li Wei | Witness: Omar Haddad; Suspect: J. Doe\n  - Mother: Rosa",
        "no colon anywhere in this text at all",
        "Time 10:30 and a URL http://x.org\nName:Pat Lee",
    ]
    whole = [[m.span() for m in rec._label_re.finditer(t)] for t in texts]
    by_lines = [[m.span() for m in rec._label_matches(t)] for t in texts]
    assert by_lines == whole
    assert sum(map(len, whole)) > 40

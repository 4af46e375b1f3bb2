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


def test_trie_alternation_matches_what_the_flat_alternation_matches() -> None:
    """The PERSON label, title and cue patterns are built as tries (``person_lexicon._alternation``): each must find
    exactly what the flat longest-first alternation finds."""
    import re

    from workstation.detection.person_lexicon import _alternation, _flat_alternation, _load

    texts = [d.text for d in make_corpus(40, 6)] + [
        "Name of Complainant:  Ana Ruiz\nName: Li\tPolice  Officer Diaz met Det. Ruiz and Officer\tKim.",
        "NAME OF BENEFICIARY: X; my name is Omar; spoke with Sgt. Lee",
    ]
    for listname in ("person_titles.txt", "person_cue_phrases.txt", "person_labels.txt"):
        words = [w for w in _load(listname) if w]
        flat = re.compile(r"(?<![\w])(?i:" + _flat_alternation(words) + r")(?![\w])")
        trie = re.compile(r"(?<![\w])(?i:" + _alternation(words) + r")(?![\w])")
        spans = [[m.span() for m in flat.finditer(t)] for t in texts]
        assert [[m.span() for m in trie.finditer(t)] for t in texts] == spans
        assert sum(map(len, spans)) > 20

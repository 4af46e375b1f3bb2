"""benchmarks.real_eval --split accepts every annotated split folder under benchmarks/real/ (and nothing else)."""

from __future__ import annotations

import pytest

from benchmarks import real_eval


class _Ran(Exception):
    def __init__(self, split: str) -> None:
        super().__init__(split)
        self.split = split


def _record_split(split, widths, redact=True, **kwargs):
    raise _Ran(split)


def _split_folders() -> list[str]:
    return sorted(p.name for p in real_eval.REAL.iterdir() if p.is_dir() and any(p.glob("*.txt")))


def test_the_split_folders_include_dev5():
    assert "dev5" in _split_folders()


@pytest.mark.parametrize("split", _split_folders())
def test_every_annotated_split_folder_is_an_accepted_split(monkeypatch, split):
    monkeypatch.setattr(real_eval, "run", _record_split)
    with pytest.raises(_Ran) as ran:
        real_eval.main(["--split", split, "--no-redact"])
    assert ran.value.split == split


def test_an_unknown_split_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(real_eval, "run", _record_split)
    with pytest.raises(SystemExit) as exited:
        real_eval.main(["--split", "dev99"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
